//! Opening a workspace file without ever damaging one we should not touch.
//!
//! The file is looked at read-only first; only a missing or empty file, or a Northstar
//! database this app understands, is then opened for writing.

use super::migrate::{self, LATEST_VERSION};
use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

/// `PRAGMA application_id` of every Northstar database: "NSTR".
pub const APPLICATION_ID: i32 = 0x4E53_5452;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What a file on disk is, as far as Northstar is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileState {
    /// Absent or empty: a new workspace will be made there.
    New,
    /// A Northstar database at this schema version (it may need migrating).
    Northstar { version: i64 },
}

/// Looks at `path` without writing to it, and says whether Northstar may open it.
pub fn inspect(path: &Path) -> Result<FileState> {
    let shown = path.display();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::New),
        Err(e) => return Err(e.into()),
    };
    if meta.is_dir() {
        return Err(Error::Refused(format!(
            "{shown} is a folder, not a Northstar database."
        )));
    }
    if meta.len() == 0 {
        return Ok(FileState::New);
    }
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path)?;
    if file.read_exact(&mut head).is_err() || &head != SQLITE_MAGIC {
        return Err(Error::Refused(format!(
            "{shown} is not a Northstar workspace (it is not an SQLite database). It was left untouched; move it away or choose another data folder."
        )));
    }
    drop(file);
    let conn = open_read_only(path)?;
    let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    let (app_id, version, tables) = match (
        read("PRAGMA application_id"),
        read("PRAGMA user_version"),
        read("SELECT count(*) FROM sqlite_master"),
    ) {
        (Ok(a), Ok(v), Ok(t)) => (a, v, t),
        _ => {
            return Err(Error::Refused(format!(
            "{shown} could not be read as a database (it may be damaged). It was left untouched."
        )))
        }
    };
    if app_id == 0 && version == 0 && tables == 0 {
        return Ok(FileState::New);
    }
    if app_id != i64::from(APPLICATION_ID) {
        return Err(Error::Refused(format!(
            "{shown} is another application's database, not a Northstar workspace. It was left untouched."
        )));
    }
    if version > LATEST_VERSION {
        return Err(Error::Refused(format!(
            "{shown} was made by a newer Northstar (schema version {version}; this app knows up to {LATEST_VERSION}). Update Northstar to open it; the file was left untouched."
        )));
    }
    Ok(FileState::Northstar { version })
}

/// A read-only look that creates nothing beside the file. With no pending write-ahead log the
/// file is opened `immutable`, so SQLite makes no `-shm`/`-wal`; with one, the log must be read
/// too and a plain read-only open is the only correct way.
fn open_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let pending_log = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    if pending_log {
        return Ok(Connection::open_with_flags(path, flags)?);
    }
    let uri = format!("file:{}?immutable=1", uri_escape(&path.to_string_lossy()));
    Ok(Connection::open_with_flags(
        uri,
        flags | OpenFlags::SQLITE_OPEN_URI,
    )?)
}

fn uri_escape(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Opens `path` for writing once [`inspect`] allows it, then sets pragmas and migrates.
pub(crate) fn open_file(path: &Path) -> Result<Connection> {
    inspect(path)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    // Processes opening one workspace at once (the window and a CLI run, say) take turns at
    // switching it to WAL and migrating it: SQLite answers a journal-mode change it cannot make
    // with the old mode rather than an error, and two first opens then both ran the first
    // migration ("table projects already exists"). An OS file lock beside the database makes
    // the turns; it is held only while opening, so the window never blocks the CLI for longer.
    let _turn = open_lock(path)?;
    let conn = Connection::open(path)?;
    apply_pragmas(&conn)?;
    migrate::migrate(&conn, Some(path))?;
    Ok(conn)
}

/// An exclusive lock on `<database>.lock`, released when the returned file is dropped.
fn open_lock(path: &Path) -> Result<std::fs::File> {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(std::path::PathBuf::from(name))?;
    file.lock()?;
    Ok(file)
}

/// How long a connection waits for another one's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub(crate) fn apply_pragmas(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    set_wal(conn)?;
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")?;
    Ok(())
}

/// Switches a new database to WAL. Two first opens of one new file (the window and the CLI)
/// both make the switch, which needs an exclusive lock; SQLite answers the loser "database is
/// locked" at once, without the busy handler, since waiting could deadlock. So retry here, for
/// as long as the busy timeout would have waited.
fn set_wal(conn: &Connection) -> Result<()> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        // journal_mode answers with a row, so it is read rather than executed.
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Ok(_) => return Ok(()),
            Err(e) if is_busy(&e) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}
