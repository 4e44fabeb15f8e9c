//! Backups, restore and the workspace check.
//!
//! A backup is a consistent copy made by SQLite itself (`VACUUM INTO`), never a file copy of
//! the live database, written under a temporary name and renamed, so a crash leaves no half
//! file under a backup's name. The automatic ones live in `backups/` beside the database, one a
//! day at most, rotated by [`rotation::keep`]. A restore ([`restore()`]) and the check
//! ([`check()`]) read a file only through a checked, migrated private copy.
//!
//! Anything that depends on "now" takes it as an argument (local time), so tests never sleep.

mod candidate;
mod check;
mod counts;
mod restore;
pub mod rotation;

pub use check::{check, CheckItem, CheckReport};
pub use counts::{AreaCount, RowCounts};
pub use restore::{restore, RestoreReport};
pub use rotation::{BackupFile, BackupKind};

use crate::error::{Error, Result};
use crate::store::Store;
use chrono::{Duration, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The folder beside the database that holds its backups.
pub const BACKUPS_DIR: &str = "backups";

/// A backup just written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupInfo {
    pub path: String,
    pub bytes: u64,
    /// The schema version of the copy (this app's).
    pub schema: i64,
    /// What the copy holds, read back from it.
    pub counts: RowCounts,
}

/// The setting a restore leaves behind (`{id, at, from}`), new on every restore: a window
/// open on the workspace compares it with what it saw at start to know it must reload.
pub const RESTORED_SETTING: &str = "restored";

/// The mark of the last restore, if any (see [`RESTORED_SETTING`]).
pub fn last_restore(store: &Store) -> Result<Option<String>> {
    store.setting(RESTORED_SETTING)
}

/// `backups/` beside the workspace's database.
pub fn backups_dir(store: &Store) -> Result<PathBuf> {
    let path = store.path().ok_or_else(|| {
        Error::Refused("This workspace is held in memory: it has no folder for backups.".into())
    })?;
    let parent = path.parent().unwrap_or_else(|| Path::new("."));
    Ok(parent.join(BACKUPS_DIR))
}

/// The backups in the workspace's `backups/` folder, oldest first.
pub fn list(store: &Store) -> Result<Vec<BackupFile>> {
    rotation::list_dir(&backups_dir(store)?)
}

/// Writes a consistent copy of the workspace to `dest`, which must not exist yet: a backup
/// never overwrites a file. The copy is made under a temporary name in the same folder, flushed
/// to disk and renamed.
pub fn backup_to(store: &Store, dest: &Path) -> Result<BackupInfo> {
    if dest.exists() {
        return Err(exists(dest));
    }
    let folder = match dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(p) => p.to_path_buf(),
        None => PathBuf::from("."),
    };
    std::fs::create_dir_all(&folder)?;
    let tmp = folder.join(format!("{}{}.db", rotation::TEMP_PREFIX, crate::new_id()));
    let written = write_copy(store, &tmp).and_then(|()| {
        // Checked again just before the rename, which would replace a file made meanwhile.
        if dest.exists() {
            return Err(exists(dest));
        }
        std::fs::rename(&tmp, dest)?;
        sync_dir(&folder);
        describe(dest)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// "Back up now": a backup in `backups/` named for `now`, then the folder rotated.
pub fn backup_now(store: &Store, now: NaiveDateTime) -> Result<BackupInfo> {
    let dir = backups_dir(store)?;
    let info = backup_to(store, &free_name(&dir, now, BackupKind::Regular))?;
    rotation::rotate(&dir)?;
    Ok(info)
}

/// At launch: a backup in `backups/` unless one was taken already on `now`'s day, then the
/// folder rotated. Returns the backup made, if any.
pub fn auto_backup(store: &Store, now: NaiveDateTime) -> Result<Option<BackupInfo>> {
    let dir = backups_dir(store)?;
    let today = now.date();
    let taken_today = rotation::list_dir(&dir)?
        .iter()
        .any(|b| b.kind == BackupKind::Regular && rotation::day_of(b) == today);
    if taken_today {
        return Ok(None);
    }
    backup_now(store, now).map(Some)
}

/// The name for a backup taken at `now`; should that second's name be taken (two backups in
/// one second), the next free second's.
fn free_name(dir: &Path, now: NaiveDateTime, kind: BackupKind) -> PathBuf {
    // Never named earlier than one of the same day already there: rotation keeps a day's
    // newest by its name, so a later copy with an earlier name would be the one it deletes.
    let newest = rotation::list_dir(dir)
        .ok()
        .into_iter()
        .flatten()
        .filter(|f| f.kind == kind && f.stamp.date() == now.date())
        .map(|f| f.stamp)
        .max();
    let mut at = match newest {
        Some(n) if n >= now => n + Duration::seconds(1),
        _ => now,
    };
    loop {
        let path = dir.join(rotation::file_name(at, kind));
        if !path.exists() {
            return path;
        }
        at += Duration::seconds(1);
    }
}

fn exists(dest: &Path) -> Error {
    Error::Conflict(format!(
        "{} already exists; a backup never overwrites a file. Choose another name.",
        dest.display()
    ))
}

/// `VACUUM INTO` reads one consistent snapshot of the database (the log included) and writes a
/// compact file in rollback-journal mode: one self-contained file, whatever the window is doing.
fn write_copy(store: &Store, tmp: &Path) -> Result<()> {
    store
        .conn()
        .execute("VACUUM INTO ?1", [tmp.to_string_lossy()])?;
    // VACUUM INTO does not flush the new file; a backup must survive a power cut.
    std::fs::File::open(tmp)?.sync_all()?;
    Ok(())
}

/// Makes a rename durable. Best effort: not every OS lets a folder be opened for this.
fn sync_dir(dir: &Path) {
    if cfg!(unix) {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// Reads a backup just written back from disk.
fn describe(path: &Path) -> Result<BackupInfo> {
    let conn = open_read_only(path)?;
    let schema = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(BackupInfo {
        path: path.display().to_string(),
        bytes: std::fs::metadata(path)?.len(),
        schema,
        counts: RowCounts::read(&conn)?,
    })
}

/// A read-only look at a file in rollback-journal mode (as backups are), creating nothing
/// beside it.
fn open_read_only(path: &Path) -> Result<Connection> {
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

#[cfg(test)]
mod tests;
