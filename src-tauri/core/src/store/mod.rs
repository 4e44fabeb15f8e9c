//! The workspace database: opening it safely, its pragmas, migrations and the one write path.

mod batch;
mod migrate;
mod open;
mod write;

pub(crate) use batch::reversible;
pub use batch::{BatchKind, Committed};
pub(crate) use migrate::migrate as migrate_to_latest;
pub use migrate::LATEST_VERSION;
pub use open::{inspect, FileState, APPLICATION_ID};
pub(crate) use write::{entity_name, text_of};
pub use write::{PastChange, Writer};

use crate::clock::{Clock, SystemClock};
use crate::error::Result;
use rusqlite::{Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// The file name of a workspace's database inside its folder.
pub const DB_FILE: &str = "northstar.db";

/// One open workspace database. Reads go through [`Store::conn`]; writes through [`Store::write`].
pub struct Store {
    conn: Connection,
    clock: Box<dyn Clock>,
    device: String,
    path: Option<PathBuf>,
    on_commit: Option<OnCommit>,
}

/// Told of every batch committed through this store (the window's "Score changed · Undo").
pub type OnCommit = Box<dyn Fn(&Committed) + Send>;

impl Store {
    /// Opens (creating if absent) the database at `path`, refusing files that are not ours or
    /// are newer than this app, and bringing older ones up to date after copying them aside.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with_clock(path, Box::new(SystemClock))
    }

    pub fn open_with_clock(path: &Path, clock: Box<dyn Clock>) -> Result<Store> {
        let conn = open::open_file(path)?;
        Self::finish(conn, clock, Some(path.to_path_buf()))
    }

    /// A private in-memory database with the schema applied, for tests and benchmarks.
    pub fn open_in_memory(clock: Box<dyn Clock>) -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        open::apply_pragmas(&conn)?;
        migrate::migrate(&conn, None)?;
        Self::finish(conn, clock, None)
    }

    fn finish(conn: Connection, clock: Box<dyn Clock>, path: Option<PathBuf>) -> Result<Store> {
        let device = device_id(&conn)?;
        Ok(Store {
            conn,
            clock,
            device,
            path,
            on_commit: None,
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection itself, for replacing the whole database through SQLite (a restore);
    /// every other write goes through [`Store::write`].
    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Re-reads what the store keeps from the file, after its contents were replaced.
    pub(crate) fn reload(&mut self) -> Result<()> {
        self.device = device_id(&self.conn)?;
        Ok(())
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in one transaction: everything it writes lands together, with its change
    /// records, or nothing does.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        let now = crate::clock::instant(self.clock.now());
        let today = self.clock.today();
        // IMMEDIATE takes the write lock up front: a deferred transaction that reads and then
        // writes fails at once with "database is locked" when another process wrote meanwhile,
        // without waiting for the busy timeout.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut w = Writer::new(tx, now, today, &self.device);
        let out = f(&mut w)?;
        if let (Some(done), Some(hook)) = (w.commit()?, &self.on_commit) {
            hook(&done);
        }
        Ok(out)
    }

    /// Sets who is told of each batch committed.
    pub fn on_commit(&mut self, hook: OnCommit) {
        self.on_commit = Some(hook);
    }

    /// Folds the write-ahead log into the database file, leaving one self-contained file;
    /// the app calls it on exit, since a process that ends without closing keeps the log.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

/// This device's id, made once per workspace, stamped on every change record.
/// Two first opens may race here: the first insert wins and both read the winner back.
fn device_id(conn: &Connection) -> Result<String> {
    let read = || {
        conn.query_row(
            "SELECT value FROM settings WHERE key = 'device_id'",
            [],
            |r| r.get::<_, String>(0),
        )
    };
    if let Some(id) = read().optional()? {
        return Ok(id);
    }
    conn.execute(
        "INSERT OR IGNORE INTO settings (key, value) VALUES ('device_id', ?1)",
        [crate::new_id()],
    )?;
    Ok(read()?)
}
