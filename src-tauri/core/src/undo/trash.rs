//! The trash: removed projects, pillars, goals, stakeholders, risks and scan rows, each with
//! what its removal took along, until restored (the removal reversed) or the trash is emptied.
//!
//! An entry is a batch that soft-deleted such a row, still stands, and left the row deleted.

use super::reverse::{self, Mode};
use super::{settle, UndoOutcome};
use crate::error::{Error, Result};
use crate::store::{entity_name, BatchKind, Store};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TrashKind {
    Project,
    Pillar,
    Goal,
    Stakeholder,
    Risk,
    ScanRow,
}

impl TrashKind {
    /// In rank order: a batch that removed a project and its pillars is the project's entry.
    const ALL: [TrashKind; 6] = [
        TrashKind::Project,
        TrashKind::Pillar,
        TrashKind::Goal,
        TrashKind::Stakeholder,
        TrashKind::Risk,
        TrashKind::ScanRow,
    ];

    fn table(self) -> &'static str {
        match self {
            TrashKind::Project => "projects",
            TrashKind::Pillar => "pillars",
            TrashKind::Goal => "goals",
            TrashKind::Stakeholder => "stakeholders",
            TrashKind::Risk => "risks",
            TrashKind::ScanRow => "scan_rows",
        }
    }

    fn of_table(t: &str) -> Option<TrashKind> {
        Self::ALL.into_iter().find(|k| k.table() == t)
    }

    /// The row's name as the pages show it.
    fn name_sql(self) -> &'static str {
        match self {
            TrashKind::Project => "SELECT name FROM projects WHERE id = ?1",
            TrashKind::Pillar => "SELECT name FROM pillars WHERE id = ?1",
            TrashKind::Goal => "SELECT goal FROM goals WHERE id = ?1",
            TrashKind::Stakeholder => "SELECT name FROM stakeholders WHERE id = ?1",
            TrashKind::Risk => "SELECT title FROM risks WHERE id = ?1",
            TrashKind::ScanRow => {
                "SELECT g.code || ' scan: ' || x.area FROM scan_rows x
                 JOIN regulations g ON g.id = x.regulation_id WHERE x.id = ?1"
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrashCount {
    /// "pillars", "assessment" (already singular or plural for `count`).
    pub what: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TrashEntry {
    /// The batch that removed it: what Restore takes.
    pub id: String,
    pub kind: TrashKind,
    pub row_id: String,
    pub name: String,
    /// The removal in the user's words ("Pillar removed").
    pub label: String,
    /// True when an undo removed it (it was added, then undone).
    pub by_undo: bool,
    pub deleted_at: String,
    pub project_id: Option<String>,
    pub project_name: Option<String>,
    /// What went with it and comes back with it.
    pub took: Vec<TrashCount>,
}

/// Everything in the trash, newest removal first.
pub fn list_trash(conn: &Connection) -> Result<Vec<TrashEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.batch, c.table_name, c.row_id, b.label, b.kind, b.at, b.project_id, p.name
         FROM changes c JOIN batches b ON b.id = c.batch
         LEFT JOIN projects p ON p.id = b.project_id
         WHERE c.op = 'delete' AND c.field IS NULL
           AND c.table_name IN ('projects', 'pillars', 'goals', 'stakeholders', 'risks', 'scan_rows')
           AND b.undone_by IS NULL AND b.undoable = 1
         ORDER BY b.seq DESC, c.seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: Vec<TrashEntry> = Vec::new();
    while let Some(r) = rows.next()? {
        let batch: String = r.get(0)?;
        let table: String = r.get(1)?;
        let row: String = r.get(2)?;
        let Some(kind) = TrashKind::of_table(&table) else {
            continue;
        };
        if !still_deleted(conn, kind.table(), &row)? {
            continue;
        }
        let name: String = conn.query_row(kind.name_sql(), [&row], |r| r.get(0))?;
        let entry = TrashEntry {
            id: batch.clone(),
            kind,
            row_id: row,
            name,
            label: r.get(3)?,
            by_undo: r.get::<_, String>(4)? == BatchKind::Undo.as_str(),
            deleted_at: r.get(5)?,
            project_id: r.get(6)?,
            project_name: r.get(7)?,
            took: Vec::new(),
        };
        match out.last_mut() {
            Some(last) if last.id == batch => {
                if kind < last.kind {
                    *last = entry;
                }
            }
            _ => out.push(entry),
        }
    }
    for e in &mut out {
        e.took = took(conn, e)?;
    }
    Ok(out)
}

fn still_deleted(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM {table} WHERE id = ?1 AND deleted_at IS NOT NULL"
        ))?
        .query_row([id], |r| r.get::<_, i64>(0))?
        > 0)
}

/// The other rows the removal deleted, and what went out of sight with it: a project's goals,
/// stakeholders and risks, a goal's readings, a stakeholder's check-ins.
fn took(conn: &Connection, e: &TrashEntry) -> Result<Vec<TrashCount>> {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT table_name, count(*) FROM changes
         WHERE batch = ?1 AND op = 'delete' AND field IS NULL AND row_id != ?2
         GROUP BY table_name",
    )?;
    let mut rows = stmt.query([&e.id, &e.row_id])?;
    while let Some(r) = rows.next()? {
        let table: String = r.get(0)?;
        *counts.entry(took_word(&table, e.kind)).or_default() += r.get::<_, u32>(1)?;
    }
    let hidden: &[(&str, &str)] = match e.kind {
        TrashKind::Project => &[
            ("goals", "project_id"),
            ("stakeholders", "project_id"),
            ("risks", "project_id"),
        ],
        TrashKind::Goal => &[("goal_readings", "goal_id")],
        TrashKind::Stakeholder => &[("stakeholder_check_ins", "stakeholder_id")],
        _ => &[],
    };
    for (table, col) in hidden {
        let n: u32 = conn.query_row(
            &format!("SELECT count(*) FROM {table} WHERE {col} = ?1 AND deleted_at IS NULL"),
            [&e.row_id],
            |r| r.get(0),
        )?;
        *counts.entry(took_word(table, e.kind)).or_default() += n;
    }
    Ok(counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(word, count)| TrashCount {
            what: plural(&word, count),
            count,
        })
        .collect())
}

/// A row taken along, in words: a link is named by what it linked the entry to.
fn took_word(table: &str, head: TrashKind) -> String {
    let word = match (table, head) {
        ("goal_stakeholders", TrashKind::Stakeholder) => "goal link",
        ("goal_stakeholders", _) => "stakeholder link",
        ("risk_goals", TrashKind::Risk) => "goal link",
        ("risk_goals", _) => "risk link",
        ("risk_stakeholders", TrashKind::Risk) => "stakeholder link",
        ("risk_stakeholders", _) => "risk link",
        (t, _) => entity_name(t),
    };
    word.to_owned()
}

fn plural(what: &str, n: u32) -> String {
    match (what, n) {
        (w, 1) => w.to_owned(),
        ("compliance notes", _) => what.to_owned(),
        (w, _) => format!("{w}s"),
    }
}

/// Brings a trash entry back whole: the removal is reversed, as a batch of its own (which
/// Ctrl+Z can take back). Edits made since to rows it touched are kept.
pub fn restore(store: &mut Store, id: &str) -> Result<UndoOutcome> {
    store.write(|w| {
        let entry = list_trash(w.conn())?
            .into_iter()
            .find(|e| e.id == id)
            .ok_or_else(|| Error::not_found("trash entry", id))?;
        if entry.kind != TrashKind::Project {
            if let (Some(p), Some(name)) = (&entry.project_id, &entry.project_name) {
                if still_deleted(w.conn(), "projects", p)? {
                    return Err(Error::Conflict(format!(
                        "“{}” belongs to the project “{name}”, which is in the trash: restore the project first.",
                        entry.name
                    )));
                }
            }
        }
        let label = format!("Restored {} “{}”", entity_name(entry.kind.table()), entry.name);
        w.act_on(BatchKind::Restore, Some(&entry.id), label.clone());
        let r = reverse::reverse(w, &entry.id, &entry.label, Mode::Lenient)?;
        settle(w, &entry.id)?;
        let b = super::StackEntry {
            batch: entry.id,
            label,
            project_id: entry.project_id,
            project_name: entry.project_name,
            at: entry.deleted_at,
        };
        let mut out = super::outcome("Restored", b, r);
        out.message = match &out.project_name {
            Some(p) if entry.kind != TrashKind::Project => {
                format!("Restored {} “{}” · {p}", entity_name(entry.kind.table()), entry.name)
            }
            _ => format!("Restored {} “{}”", entity_name(entry.kind.table()), entry.name),
        };
        Ok(out)
    })
}
