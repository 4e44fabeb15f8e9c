//! Schema migrations: plain SQL files, embedded, applied in order and tracked by `user_version`.

use super::open::APPLICATION_ID;
use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::Path;

/// Every migration ever shipped, in order. Never edit one that has landed: add the next.
const MIGRATIONS: &[&str] = &[
    include_str!("../../../../migrations/0001_init.sql"),
    include_str!("../../../../migrations/0002_goals_stakeholders.sql"),
    include_str!("../../../../migrations/0003_risks.sql"),
    include_str!("../../../../migrations/0004_compliance.sql"),
    include_str!("../../../../migrations/0005_agenda.sql"),
    include_str!("../../../../migrations/0006_undo.sql"),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to [`LATEST_VERSION`], one transaction per step. When `path` names
/// a file that already holds data, it is first copied aside as `northstar.db.vN.bak`.
pub(crate) fn migrate(conn: &Connection, path: Option<&Path>) -> Result<()> {
    let current = version(conn)?;
    if current == LATEST_VERSION {
        return Ok(());
    }
    refuse_newer(current)?;
    if let (Some(path), true) = (path, current > 0) {
        backup(conn, path, current)?;
    }
    loop {
        conn.execute_batch("BEGIN IMMEDIATE")?;
        // Read again under the write lock: another process may have migrated meanwhile.
        let step = version(conn).and_then(|v| {
            refuse_newer(v)?;
            let Some(sql) = MIGRATIONS.get(v as usize) else {
                return Ok(false);
            };
            conn.execute_batch(sql)?;
            conn.pragma_update(None, "user_version", v + 1)?;
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            Ok(true)
        });
        match step {
            Ok(more) => {
                conn.execute_batch("COMMIT")?;
                if !more {
                    return Ok(());
                }
            }
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
    }
}

fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

fn refuse_newer(version: i64) -> Result<()> {
    if version > LATEST_VERSION {
        return Err(Error::Refused(format!(
            "This workspace was made by a newer Northstar (schema version {version}; this app knows up to {LATEST_VERSION}). Update Northstar to open it; the file was left untouched."
        )));
    }
    Ok(())
}

/// A consistent copy of the whole database (WAL included) beside it, before a migration.
fn backup(conn: &Connection, path: &Path, version: i64) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| super::DB_FILE.to_owned());
    let mut target = path.with_file_name(format!("{name}.v{version}.bak"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = path.with_file_name(format!("{name}.v{version}.{n}.bak"));
    }
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_count(conn: &Connection) -> i64 {
        conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    }

    #[test]
    fn running_migrations_twice_is_a_no_op() {
        let conn = Connection::open_in_memory().unwrap();
        migrate(&conn, None).unwrap();
        let tables = table_count(&conn);
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('probe', 'kept')",
            [],
        )
        .unwrap();
        migrate(&conn, None).unwrap();
        assert_eq!(table_count(&conn), tables);
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, LATEST_VERSION);
        let kept: String = conn
            .query_row("SELECT value FROM settings WHERE key = 'probe'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(kept, "kept");
    }

    #[test]
    fn the_copy_aside_holds_every_row_and_never_overwrites_an_earlier_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("northstar.db");
        let conn = Connection::open(&path).unwrap();
        migrate(&conn, Some(&path)).unwrap();
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('probe', 'kept')",
            [],
        )
        .unwrap();
        backup(&conn, &path, 1).unwrap();
        backup(&conn, &path, 1).unwrap();
        for name in ["northstar.db.v1.bak", "northstar.db.v1.2.bak"] {
            let copy = Connection::open(dir.path().join(name)).unwrap();
            let kept: String = copy
                .query_row("SELECT value FROM settings WHERE key = 'probe'", [], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(kept, "kept", "{name}");
        }
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .unwrap();
        let err = migrate(&conn, None).unwrap_err();
        assert!(matches!(err, Error::Refused(_)), "{err}");
        assert!(err.to_string().contains("newer Northstar"), "{err}");
        assert_eq!(table_count(&conn), 0);
    }
}
