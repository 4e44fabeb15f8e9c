//! Undo, redo and the trash, built on the change log: every write is a batch of change records
//! (see `store::batch`), and undoing one applies its inverse as a new batch, so history only
//! grows and the stack survives a restart.
//!
//! The stack: undo takes the newest edit, redo or restore that still stands; redo takes the
//! newest undo not yet redone, while no edit or restore came after it.

mod names;
mod purge;
mod reverse;
mod trash;

pub use purge::{empty_trash, Purged};
pub use trash::{list_trash, restore, TrashCount, TrashEntry, TrashKind};

use crate::error::{Error, Result};
use crate::store::{BatchKind, Store, Writer};
use reverse::Mode;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// The batch Ctrl+Z (or Ctrl+Shift+Z) would act on.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StackEntry {
    pub batch: String,
    /// In the user's words: "Score changed".
    pub label: String,
    pub project_id: Option<String>,
    pub project_name: Option<String>,
    /// When it was made, RFC 3339 UTC.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UndoState {
    pub undo: Option<StackEntry>,
    pub redo: Option<StackEntry>,
}

/// What an undo, redo or restore did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UndoOutcome {
    /// The batch reversed, as it was labelled: "Score changed".
    pub label: String,
    pub project_id: Option<String>,
    pub project_name: Option<String>,
    /// One line to show: "Undid: Score changed · LaunchPad".
    pub message: String,
    /// What stayed, when something could not be taken back (the append-only review history).
    pub note: Option<String>,
}

pub fn undo_state(conn: &Connection) -> Result<UndoState> {
    Ok(UndoState {
        undo: next_undo(conn)?,
        redo: next_redo(conn)?,
    })
}

/// Undoes the newest edit that still stands.
pub fn undo(store: &mut Store) -> Result<UndoOutcome> {
    store.write(|w| {
        let b = next_undo(w.conn())?.ok_or_else(|| Error::Conflict("Nothing to undo.".into()))?;
        reverse_on_stack(w, b, BatchKind::Undo, "Undid")
    })
}

/// Redoes the newest undo, unless an edit came after it.
pub fn redo(store: &mut Store) -> Result<UndoOutcome> {
    store.write(|w| {
        let b = next_redo(w.conn())?.ok_or_else(|| Error::Conflict("Nothing to redo.".into()))?;
        reverse_on_stack(w, b, BatchKind::Redo, "Redid")
    })
}

fn reverse_on_stack(
    w: &mut Writer<'_>,
    b: StackEntry,
    kind: BatchKind,
    done: &str,
) -> Result<UndoOutcome> {
    // An undo or redo keeps the edit's own words, so undoing a redo says "Undid: Score changed".
    w.act_on(kind, Some(&b.batch), b.label.clone());
    let r = reverse::reverse(w, &b.batch, &b.label, Mode::Strict)?;
    settle(w, &b.batch)?;
    Ok(outcome(done, b, r))
}

/// Marks `target` reversed by this write's batch. A reversal that found nothing left to change
/// (every row already as it was) takes the target off the stack instead.
fn settle(w: &mut Writer<'_>, target: &str) -> Result<()> {
    let written: bool = w.conn().query_row(
        "SELECT count(*) > 0 FROM batches WHERE id = ?1",
        [w.batch_id()],
        |r| r.get(0),
    )?;
    if written {
        w.conn().execute(
            "UPDATE batches SET undone_by = ?2 WHERE id = ?1",
            [target, w.batch_id()],
        )?;
    } else {
        w.conn()
            .execute("UPDATE batches SET undoable = 0 WHERE id = ?1", [target])?;
    }
    Ok(())
}

fn outcome(done: &str, b: StackEntry, r: reverse::Reversed) -> UndoOutcome {
    let message = match &b.project_name {
        Some(p) => format!("{done}: {} · {p}", b.label),
        None => format!("{done}: {}", b.label),
    };
    let note = (r.kept_reviews > 0).then(|| {
        "The review history is append-only: the review it recorded stays; record a new review that corrects it.".to_owned()
    });
    UndoOutcome {
        label: b.label,
        project_id: b.project_id,
        project_name: b.project_name,
        message,
        note,
    }
}

const ENTRY: &str = "SELECT b.id, b.label, b.project_id, p.name, b.at
     FROM batches b LEFT JOIN projects p ON p.id = b.project_id";

fn entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<StackEntry> {
    Ok(StackEntry {
        batch: r.get(0)?,
        label: r.get(1)?,
        project_id: r.get(2)?,
        project_name: r.get(3)?,
        at: r.get(4)?,
    })
}

fn next_undo(conn: &Connection) -> Result<Option<StackEntry>> {
    Ok(conn
        .prepare_cached(&format!(
            "{ENTRY} WHERE b.kind IN ('edit', 'redo', 'restore') AND b.undone_by IS NULL
               AND b.undoable = 1
             ORDER BY b.seq DESC LIMIT 1"
        ))?
        .query_row([], entry)
        .optional()?)
}

fn next_redo(conn: &Connection) -> Result<Option<StackEntry>> {
    Ok(conn
        .prepare_cached(&format!(
            "{ENTRY} WHERE b.kind = 'undo' AND b.undone_by IS NULL AND b.undoable = 1
               AND b.seq > (SELECT coalesce(max(seq), 0) FROM batches
                            WHERE kind IN ('edit', 'restore'))
             ORDER BY b.seq DESC LIMIT 1"
        ))?
        .query_row([], entry)
        .optional()?)
}

#[cfg(test)]
mod tests;
