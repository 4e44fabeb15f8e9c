//! Emptying the trash: the rows of every trash entry, and the rows they own (a goal's
//! readings, a project's pillars, goals, risks...), leave the file in one transaction.
//!
//! The change log keeps its records (history is never deleted); the batches that touched a
//! purged row are marked as not undoable. A row something else still points at stays, hidden,
//! with whatever it points at: a pillar frozen in an assessment of another project, a project
//! with entries in the append-only review history.

use super::reverse::known_table;
use crate::error::Result;
use crate::store::{BatchKind, Store};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Purged {
    /// Trash entries emptied.
    pub entries: u32,
    /// Rows removed from the file, with what they owned.
    pub rows: u32,
    /// Rows kept because other rows still name them (history that is never deleted).
    pub kept: u32,
}

/// (owner table, owned table, the owned table's column naming the owner)
const OWNED: &[(&str, &str, &str)] = &[
    ("projects", "pillars", "project_id"),
    ("projects", "assessments", "project_id"),
    ("projects", "goals", "project_id"),
    ("projects", "stakeholders", "project_id"),
    ("projects", "risks", "project_id"),
    ("projects", "first_week_ticks", "project_id"),
    ("projects", "compliance_notes", "project_id"),
    ("projects", "project_regulations", "project_id"),
    ("projects", "scan_rows", "project_id"),
    ("projects", "data_inventory", "project_id"),
    ("projects", "compliance_triggers", "project_id"),
    ("projects", "vendors", "project_id"),
    ("projects", "controls", "project_id"),
    ("projects", "compliance_questions", "project_id"),
    ("assessments", "assessment_scores", "assessment_id"),
    ("goals", "goal_readings", "goal_id"),
    ("goals", "goal_stakeholders", "goal_id"),
    ("goals", "risk_goals", "goal_id"),
    ("stakeholders", "stakeholder_check_ins", "stakeholder_id"),
    ("stakeholders", "goal_stakeholders", "stakeholder_id"),
    ("stakeholders", "risk_stakeholders", "stakeholder_id"),
    ("risks", "risk_goals", "risk_id"),
    ("risks", "risk_stakeholders", "risk_id"),
];

type Row = (&'static str, String);

/// Hard-deletes everything in the trash. Asking first is the caller's part.
pub fn empty_trash(store: &mut Store) -> Result<Purged> {
    store.write(|w| {
        let entries = super::list_trash(w.conn())?;
        if entries.is_empty() {
            return Ok(Purged {
                entries: 0,
                rows: 0,
                kept: 0,
            });
        }
        w.act_on(BatchKind::Purge, None, "Trash emptied".into());
        // Rows point both ways (a project names its leading goal): checked at commit.
        w.conn().execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let mut set: BTreeSet<Row> = BTreeSet::new();
        for e in &entries {
            for row in deleted_by(w.conn(), &e.id)? {
                add_owned(w.conn(), row, &mut set)?;
            }
        }
        let before = set.len();
        keep_referenced(w.conn(), &mut set)?;
        let kept = (before - set.len()) as u32;
        let mut rows = 0;
        for (table, id) in &set {
            if w.purge(table, id)? {
                rows += 1;
            }
        }
        for (table, id) in &set {
            w.conn().execute(
                "UPDATE batches SET undoable = 0
                 WHERE id IN (SELECT batch FROM changes WHERE table_name = ?1 AND row_id = ?2
                              AND batch IS NOT NULL)",
                rusqlite::params![table, id],
            )?;
        }
        // Kept rows stay deleted and out of sight; their entries leave the trash too.
        for e in &entries {
            w.conn()
                .execute("UPDATE batches SET undoable = 0 WHERE id = ?1", [&e.id])?;
        }
        Ok(Purged {
            entries: entries.len() as u32,
            rows,
            kept,
        })
    })
}

/// The rows a batch soft-deleted that are deleted still.
fn deleted_by(conn: &Connection, batch: &str) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(
        "SELECT table_name, row_id FROM changes
         WHERE batch = ?1 AND op = 'delete' AND field IS NULL",
    )?;
    let rows = stmt.query_map([batch], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (table, id) = row?;
        let table = known_table(&table)?;
        let deleted: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {table} WHERE id = ?1 AND deleted_at IS NOT NULL"),
            [&id],
            |r| r.get(0),
        )?;
        if deleted > 0 {
            out.push((table, id));
        }
    }
    Ok(out)
}

fn add_owned(conn: &Connection, row: Row, set: &mut BTreeSet<Row>) -> Result<()> {
    let mut todo = vec![row];
    while let Some(row) = todo.pop() {
        if !set.insert(row.clone()) {
            continue;
        }
        for &(owner, owned, col) in OWNED.iter().filter(|o| o.0 == row.0) {
            debug_assert_eq!(owner, row.0);
            let mut stmt =
                conn.prepare_cached(&format!("SELECT id FROM {owned} WHERE {col} = ?1"))?;
            let ids = stmt.query_map([&row.1], |r| r.get::<_, String>(0))?;
            for id in ids {
                todo.push((owned, id?));
            }
        }
    }
    Ok(())
}

/// Takes out of `set` every row that a row outside it still points at, until none is left.
fn keep_referenced(conn: &Connection, set: &mut BTreeSet<Row>) -> Result<()> {
    let refs = references(conn)?;
    loop {
        let mut keep = Vec::new();
        for (table, id) in set.iter() {
            for (child, col) in refs.get(*table).into_iter().flatten() {
                let mut stmt =
                    conn.prepare_cached(&format!("SELECT id FROM {child} WHERE {col} = ?1"))?;
                let ids = stmt.query_map([id], |r| r.get::<_, String>(0))?;
                for other in ids {
                    let other = other?;
                    let child = known_table(child)?;
                    if !set.contains(&(child, other)) {
                        keep.push((*table, id.clone()));
                        break;
                    }
                }
            }
        }
        if keep.is_empty() {
            return Ok(());
        }
        for row in keep {
            set.remove(&row);
        }
    }
}

/// For each table, the (table, column) pairs whose foreign keys point at it.
fn references(conn: &Connection) -> Result<HashMap<String, Vec<(String, String)>>> {
    let mut stmt = conn.prepare(
        "SELECT f.\"table\", m.name, f.\"from\" FROM sqlite_master m
         JOIN pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND m.name NOT IN ('changes', 'batches')",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for row in rows {
        let (parent, child, col) = row?;
        out.entry(parent).or_default().push((child, col));
    }
    Ok(out)
}
