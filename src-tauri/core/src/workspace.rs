//! The workspace folder: where it is, and opening it the way the app and the CLI both do.

use crate::error::Result;
use crate::store::{Store, DB_FILE};
use std::path::{Path, PathBuf};

/// The environment variable that names the workspace folder when `--data-dir` is not given.
pub const DATA_DIR_ENV: &str = "NORTHSTAR_DATA_DIR";

/// `--data-dir`, else `$NORTHSTAR_DATA_DIR`, else the OS app-data folder
/// (`$XDG_DATA_HOME/northstar`, i.e. `~/.local/share/northstar` on Linux).
pub fn resolve_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    default_dir()
}

/// The OS app-data folder, where the workspace lives unless told otherwise.
pub fn default_dir() -> PathBuf {
    let home = || {
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default()
    };
    if cfg!(target_os = "macos") {
        return home().join("Library/Application Support/northstar");
    }
    if cfg!(windows) {
        if let Some(appdata) = std::env::var_os("APPDATA") {
            return PathBuf::from(appdata).join("northstar");
        }
    }
    match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d).join("northstar"),
        None => home().join(".local/share/northstar"),
    }
}

/// Opens the workspace in `dir` (creating the folder and database if needed) and seeds the
/// demo project on its first run.
pub fn open(dir: &Path) -> Result<Store> {
    let mut store = Store::open(&dir.join(DB_FILE))?;
    crate::demo::seed_if_first_run(&mut store)?;
    Ok(store)
}
