//! Whether this machine has a GPU this user can draw with: a DRI render node (`renderD128`, …)
//! that opens for reading and writing, which is what Mesa needs to draw on a GPU rather than
//! emulate one on the processor. The window paints accordingly (src-tauri/src/renderer.rs); the
//! end-to-end tests check it did.

use std::path::Path;

/// Where Linux keeps the render nodes.
pub const DRI: &str = "/dev/dri";

/// Whether `dri` (normally [`DRI`]) holds a render node this process may open.
pub fn has_render_node(dri: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dri) else {
        return false;
    };
    entries.flatten().any(|e| {
        e.file_name().to_string_lossy().starts_with("renderD")
            && std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(e.path())
                .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::has_render_node;

    #[test]
    fn a_render_node_that_opens_is_a_gpu() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_render_node(&dir.path().join("absent")), "no /dev/dri");
        assert!(!has_render_node(dir.path()), "an empty /dev/dri");
        std::fs::write(dir.path().join("card0"), "").unwrap();
        assert!(!has_render_node(dir.path()), "a display node alone");
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dir.path()));
    }
}
