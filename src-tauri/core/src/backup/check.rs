//! The workspace check: is the database sound, do its rows point at rows that exist, and would
//! the newest backup restore with every row?
//!
//! Problems are findings, not errors: the report lists each check with what it found, so the
//! CLI can print them all and exit 1 naming the problem, and the settings page can show them.

use super::candidate::{integrity_problems, Candidate};
use super::counts::RowCounts;
use crate::error::Result;
use crate::store::Store;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use ts_rs::TS;

/// One check and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CheckItem {
    /// "Integrity", "Foreign keys", "Newest backup".
    pub name: String,
    pub ok: bool,
    /// What was found, in words: the problem when not ok.
    pub detail: String,
}

/// Every check run, in order; `ok` when none found a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CheckReport {
    pub ok: bool,
    pub items: Vec<CheckItem>,
}

impl CheckReport {
    pub fn problems(&self) -> impl Iterator<Item = &CheckItem> {
        self.items.iter().filter(|i| !i.ok)
    }
}

/// Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check` on the workspace, and
/// test-restores the newest backup into a temporary folder under `tmp_dir` (default: the OS
/// temporary folder), comparing its rows with the backup's own. No backup yet is said, not a
/// problem.
pub fn check(store: &Store, tmp_dir: Option<&Path>) -> Result<CheckReport> {
    let items = vec![
        integrity(store.conn()),
        foreign_keys(store.conn()),
        newest_backup(store, tmp_dir)?,
    ];
    Ok(CheckReport {
        ok: items.iter().all(|i| i.ok),
        items,
    })
}

fn item(name: &str, ok: bool, detail: String) -> CheckItem {
    CheckItem {
        name: name.to_owned(),
        ok,
        detail,
    }
}

fn integrity(conn: &Connection) -> CheckItem {
    let name = "Integrity";
    match integrity_problems(conn) {
        Ok(p) if p.is_empty() => item(
            name,
            true,
            "The database passed SQLite's integrity check.".into(),
        ),
        Ok(p) => item(
            name,
            false,
            format!(
                "The database failed its integrity check: {}. Restore the newest good backup.",
                p.join("; ")
            ),
        ),
        Err(e) => item(
            name,
            false,
            format!("The database could not be checked ({e}). Restore the newest good backup."),
        ),
    }
}

fn foreign_keys(conn: &Connection) -> CheckItem {
    let name = "Foreign keys";
    let found = (|| -> rusqlite::Result<BTreeMap<(String, String), usize>> {
        let mut per_link = BTreeMap::new();
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let key = (r.get::<_, String>(0)?, r.get::<_, String>(2)?);
            *per_link.entry(key).or_insert(0) += 1;
        }
        Ok(per_link)
    })();
    match found {
        Ok(links) if links.is_empty() => {
            item(name, true, "Every row points at rows that exist.".into())
        }
        Ok(links) => {
            let list: Vec<String> = links
                .iter()
                .map(|((table, parent), n)| format!("{table} → {parent} ({n})"))
                .collect();
            item(
                name,
                false,
                format!(
                    "Some rows point at rows that do not exist: {}.",
                    list.join(", ")
                ),
            )
        }
        Err(e) => item(
            name,
            false,
            format!("The foreign keys could not be checked ({e})."),
        ),
    }
}

fn newest_backup(store: &Store, tmp_dir: Option<&Path>) -> Result<CheckItem> {
    let name = "Newest backup";
    if store.path().is_none() {
        return Ok(item(
            name,
            true,
            "This workspace is held in memory; it has no backups.".into(),
        ));
    }
    let Some(newest) = super::list(store)?.pop() else {
        return Ok(item(
            name,
            true,
            "No backups yet: one is made at the next launch, or now with Back up now.".into(),
        ));
    };
    let parent = tmp_dir.map_or_else(std::env::temp_dir, Path::to_path_buf);
    let file = Path::new(&newest.path);
    let candidate = match Candidate::prepare(file, &parent) {
        Ok(c) => c,
        Err(e) => {
            return Ok(item(
                name,
                false,
                format!("The newest backup does not restore: {e}."),
            ))
        }
    };
    // What the file itself holds, read from it directly rather than from the copy.
    let own = super::open_read_only(file).and_then(|c| RowCounts::read(&c));
    let own = match own {
        Ok(c) => c,
        Err(e) => {
            return Ok(item(
                name,
                false,
                format!(
                    "The newest backup, {}, could not be read: {e}.",
                    newest.path
                ),
            ))
        }
    };
    let lost = own.differences(&candidate.counts);
    if !lost.is_empty() {
        return Ok(item(
            name,
            false,
            format!(
                "The newest backup, {}, restores with different row counts: {}.",
                newest.path,
                lost.join(", ")
            ),
        ));
    }
    Ok(item(
        name,
        true,
        format!(
            "The newest backup, {} ({}), restores with every row: {}.",
            newest.name,
            newest.taken_at.replace('T', " "),
            candidate.counts.summary()
        ),
    ))
}
