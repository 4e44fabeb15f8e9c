//! A file offered for restore, checked and brought up to date in a private copy.
//!
//! The file itself is only ever read (copied byte for byte); every check, the migration and the
//! counting happen on the copy in a staging folder, which is removed afterwards. A restore and
//! a check's test restore both go through here, so they refuse exactly the same files.

use super::counts::RowCounts;
use super::rotation::TEMP_PREFIX;
use crate::error::{Error, Result};
use crate::store::{APPLICATION_ID, LATEST_VERSION};
use rusqlite::Connection;
use std::io::Read;
use std::path::{Path, PathBuf};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// How many of integrity_check's lines a message quotes.
const QUOTED_PROBLEMS: usize = 3;

/// A folder of our own for temporary files, removed with everything in it when dropped.
pub(crate) struct Staging {
    dir: PathBuf,
}

impl Staging {
    /// Makes `<parent>/.northstar-tmp-<unique>/`.
    pub(crate) fn new(parent: &Path) -> Result<Staging> {
        let dir = parent.join(format!("{TEMP_PREFIX}{}", crate::new_id()));
        std::fs::create_dir_all(&dir)?;
        Ok(Staging { dir })
    }

    pub(crate) fn path(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Best effort: a folder left behind is swept by the next rotation.
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The checked, migrated copy of a file. Fields drop in order: the connection closes before
/// the staging folder is removed.
pub(crate) struct Candidate {
    pub(crate) conn: Connection,
    /// The schema version the file was at.
    pub(crate) version: i64,
    /// Rows per area in the copy, after any migration.
    pub(crate) counts: RowCounts,
    _staging: Staging,
}

impl Candidate {
    /// Copies `file` into a staging folder under `parent`, checks the copy (a database, not
    /// damaged, a Northstar workspace, not newer than this app) and migrates it if older.
    /// Every refusal is [`Error::Refused`] naming `file` and the reason, without a full stop.
    pub(crate) fn prepare(file: &Path, parent: &Path) -> Result<Candidate> {
        let shown = file.display();
        let meta = match std::fs::metadata(file) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(refused(format!("{shown} does not exist")));
            }
            Err(e) => return Err(refused(format!("{shown} could not be read ({e})"))),
        };
        if meta.is_dir() {
            return Err(refused(format!(
                "{shown} is a folder, not a Northstar backup"
            )));
        }
        if !has_sqlite_header(file)? {
            return Err(refused(format!(
                "{shown} is not a Northstar workspace (it is not an SQLite database)"
            )));
        }
        let staging = Staging::new(parent)?;
        let copy = staging.path().join("candidate.db");
        copy_with_log(file, &copy)?;
        let conn = Connection::open(&copy)?;
        let damaged =
            |e: &dyn std::fmt::Display| refused(format!("{shown} failed its integrity check: {e}"));
        let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        let (app_id, version) = match (read("PRAGMA application_id"), read("PRAGMA user_version")) {
            (Ok(a), Ok(v)) => (a, v),
            (Err(e), _) | (_, Err(e)) => return Err(damaged(&e)),
        };
        if app_id != i64::from(APPLICATION_ID) || version < 1 {
            return Err(refused(format!(
                "{shown} is not a Northstar workspace (it is another application's database)"
            )));
        }
        if version > LATEST_VERSION {
            return Err(refused(format!(
                "{shown} was made by a newer Northstar (schema {version}; this app knows up to {LATEST_VERSION}). Update Northstar to restore it"
            )));
        }
        let problems = integrity_problems(&conn).map_err(|e| damaged(&e))?;
        if !problems.is_empty() {
            return Err(damaged(&problems.join("; ")));
        }
        // One self-contained file: a copied log is folded in, and a page size can be changed.
        conn.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))
            .map_err(|e| damaged(&e))?;
        crate::store::migrate_to_latest(&conn, None).map_err(|e| {
            refused(format!(
                "{shown} could not be brought up to this app's schema: {e}"
            ))
        })?;
        let counts = RowCounts::read(&conn).map_err(|e| damaged(&e))?;
        Ok(Candidate {
            conn,
            version,
            counts,
            _staging: staging,
        })
    }

    /// Rewrites the copy with `page_size`: SQLite's backup into a database in WAL mode needs
    /// both to have the same page size, and a file from elsewhere may differ.
    pub(crate) fn match_page_size(&self, page_size: i64) -> Result<()> {
        let ours: i64 = self.conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        if ours != page_size {
            self.conn
                .execute_batch(&format!("PRAGMA page_size = {page_size}; VACUUM;"))?;
        }
        Ok(())
    }
}

/// A refusal naming the file and the reason, as one clause: a restore and a check each add
/// what it means for them.
fn refused(reason: String) -> Error {
    Error::Refused(reason)
}

fn has_sqlite_header(path: &Path) -> Result<bool> {
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path)?;
    Ok(file.read_exact(&mut head).is_ok() && &head == SQLITE_MAGIC)
}

/// Copies a database file byte for byte, with its write-ahead log when it has one (a file
/// copied from a workspace in use may keep recent writes only there). The shared-memory index
/// is not copied: SQLite rebuilds it from the log.
fn copy_with_log(from: &Path, to: &Path) -> Result<()> {
    std::fs::copy(from, to)?;
    let mut wal = from.as_os_str().to_owned();
    wal.push("-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        let mut to_wal = to.as_os_str().to_owned();
        to_wal.push("-wal");
        std::fs::copy(PathBuf::from(wal), PathBuf::from(to_wal))?;
    }
    Ok(())
}

/// `PRAGMA integrity_check`'s findings: empty when it says "ok".
pub(crate) fn integrity_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let lines: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if lines.len() == 1 && lines[0] == "ok" {
        return Ok(Vec::new());
    }
    let more = lines.len().saturating_sub(QUOTED_PROBLEMS);
    let mut quoted: Vec<String> = lines.into_iter().take(QUOTED_PROBLEMS).collect();
    if more > 0 {
        quoted.push(format!("and {more} more"));
    }
    Ok(quoted)
}
