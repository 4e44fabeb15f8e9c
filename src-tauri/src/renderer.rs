//! How WebKit paints the window. Its default composites through OpenGL; on a machine with no GPU
//! this user can reach (a VM, a remote session, Xvfb: no DRI render node, or none that opens),
//! Mesa then emulates that GPU on the processor (llvmpipe), compiling shaders with LLVM as the
//! first screen paints. Measured on such a machine (`tests/bench/bare.sh`), painting with the
//! processor directly, WebKit's non-composited mode, took Northstar's settled memory from 384 MB
//! to 252 MB and its launch from 640 to 580 ms; a machine with a GPU keeps WebKit's default.
//! Whoever sets WebKit's own switches (`WEBKIT_DISABLE_COMPOSITING_MODE`,
//! `WEBKIT_FORCE_COMPOSITING_MODE`) decides instead.

use std::path::Path;

const DISABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
const FORCE: &str = "WEBKIT_FORCE_COMPOSITING_MODE";

/// Sets WebKit's non-composited mode for this process and the web processes it starts, when
/// there is no GPU to composite with and the user chose nothing. Call it first thing, before any
/// thread exists (it changes the environment) and before the webview is made.
pub fn choose() {
    if cfg!(target_os = "linux")
        && std::env::var_os(DISABLE).is_none()
        && std::env::var_os(FORCE).is_none()
        && !has_render_node(Path::new("/dev/dri"))
    {
        std::env::set_var(DISABLE, "1");
    }
}

/// Whether `dri` holds a render node (`renderD128`, …) this process may open: what Mesa needs
/// to draw on a GPU rather than on the processor.
fn has_render_node(dri: &Path) -> bool {
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
