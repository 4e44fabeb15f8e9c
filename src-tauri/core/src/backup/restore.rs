//! Restore: replaces the open workspace's contents with a backup's, after checking it.
//!
//! The order is the safety: check and migrate a private copy of the file, back up the workspace
//! as it is, and only then replace its contents. The replacement goes through SQLite's online
//! backup API from the checked copy into the open connection, in one step under the write lock:
//! the database file is never swapped underneath another connection, so a window open on the
//! workspace (or the reminder task) reads the restored data on its next query and can never
//! write an older file back over it.

use super::candidate::Candidate;
use super::counts::RowCounts;
use super::rotation::BackupKind;
use crate::error::{Error, Result};
use crate::store::Store;
use chrono::NaiveDateTime;
use rusqlite::backup::{Backup, StepResult};
use serde::Serialize;
use std::path::Path;
use std::time::{Duration, Instant};
use ts_rs::TS;

/// How long a restore waits for another connection's write to finish.
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// What a restore brought back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestoreReport {
    /// The file restored from.
    pub from: String,
    /// Its schema version; older ones were migrated on the way in.
    pub schema_from: i64,
    pub migrated: bool,
    /// The backup of the workspace as it was just before, in `backups/`.
    pub before_restore: String,
    /// Projects in the workspace now (not deleted).
    pub projects: i64,
    /// Rows per area in the workspace now.
    pub counts: RowCounts,
}

impl RestoreReport {
    /// One line for the CLI and the window: "Restored 3 projects from …".
    pub fn summary(&self) -> String {
        let migrated = if self.migrated {
            format!(" (brought up from schema {})", self.schema_from)
        } else {
            String::new()
        };
        format!(
            "Restored {} from {}{migrated}: {}. The workspace as it was is in {}.",
            plural(self.projects, "project"),
            self.from,
            self.counts.summary(),
            self.before_restore
        )
    }
}

fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Replaces the workspace's contents with `file`'s. Refuses, changing nothing, a file that
/// is missing, not a Northstar workspace, damaged, or newer than this app; migrates an older
/// one. Backs the workspace up into `backups/` first, named for `now` as "before restore".
pub fn restore(store: &mut Store, file: &Path, now: NaiveDateTime) -> Result<RestoreReport> {
    let dir = super::backups_dir(store)?;
    std::fs::create_dir_all(&dir)?;
    let candidate = Candidate::prepare(file, &dir).map_err(|e| match e {
        Error::Refused(reason) => Error::Refused(format!(
            "{reason}. Nothing was restored; the workspace is unchanged."
        )),
        other => other,
    })?;
    let page_size: i64 = store
        .conn()
        .query_row("PRAGMA page_size", [], |r| r.get(0))?;
    candidate.match_page_size(page_size)?;

    let before = super::backup_to(
        store,
        &super::free_name(&dir, now, BackupKind::BeforeRestore),
    )?;

    replace_contents(&candidate, store)?;
    store.reload()?;
    // A mark other windows on this workspace look for, so they reload rather than keep
    // showing (and editing) what was there before.
    let mark = serde_json::json!({
        "id": crate::new_id(),
        "at": now.format("%Y-%m-%d %H:%M:%S").to_string(),
        "from": file.display().to_string(),
    });
    store.set_setting(super::RESTORED_SETTING, &mark.to_string())?;
    let counts = RowCounts::read(store.conn())?;
    Ok(RestoreReport {
        from: file.display().to_string(),
        schema_from: candidate.version,
        migrated: candidate.version < crate::store::LATEST_VERSION,
        before_restore: before.path,
        projects: counts.projects(),
        counts,
    })
}

/// Copies every page of the checked copy into the open database in one step, which holds the
/// write lock throughout: other connections see the old contents or the new, never a mix.
fn replace_contents(candidate: &Candidate, store: &mut Store) -> Result<()> {
    let deadline = Instant::now() + LOCK_WAIT;
    let backup = Backup::new(&candidate.conn, store.conn_mut())?;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            // With -1 every page goes in one step; "more" cannot happen, but is harmless.
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            StepResult::Busy | StepResult::Locked => {
                return Err(Error::Conflict(
                    "The workspace stayed busy (another Northstar is writing to it); nothing was restored. Try again.".into(),
                ))
            }
            // StepResult is non-exhaustive.
            _ => {}
        }
    }
}
