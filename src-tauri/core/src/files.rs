//! Writing exported files so a reader never sees half of one.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The path an export goes to: the user's choice, with `.{ext}` added when it has none.
pub fn with_extension(path: &Path, ext: &str) -> Result<PathBuf> {
    if path.as_os_str().is_empty() || path.file_name().is_none() {
        return Err(Error::invalid("path", "Choose a file name to save to."));
    }
    let has = path
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext));
    Ok(if has {
        path.to_path_buf()
    } else {
        let mut s = path.as_os_str().to_owned();
        s.push(format!(".{ext}"));
        PathBuf::from(s)
    })
}

/// Writes `bytes` beside `path` under a temporary name, syncs, then renames over `path`: a
/// failed export leaves any earlier file as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::invalid(
            "path",
            format!("The folder {} does not exist.", dir.display()),
        ));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    Ok(result?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_added_once() {
        let p = |s: &str| with_extension(Path::new(s), "pdf").unwrap();
        assert_eq!(p("/tmp/a"), PathBuf::from("/tmp/a.pdf"));
        assert_eq!(p("/tmp/a.PDF"), PathBuf::from("/tmp/a.PDF"));
        assert_eq!(p("/tmp/a.v2"), PathBuf::from("/tmp/a.v2.pdf"));
        assert!(with_extension(Path::new(""), "pdf").is_err());
    }

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.pdf");
        std::fs::write(&path, b"old").unwrap();
        write_atomically(&path, b"new contents").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new contents");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let e = write_atomically(&dir.path().join("missing/x.pdf"), b"x").unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
    }
}
