//! Batches: every transaction's change records share one, named in the user's words, so the
//! transaction can be undone whole. The row is written with the first change, so a write that
//! changed nothing leaves no batch behind.

use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// What made a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BatchKind {
    /// A user's edit.
    Edit,
    /// Reverses its target.
    Undo,
    /// Reverses the undo it targets.
    Redo,
    /// Brings a removal back from the trash.
    Restore,
    /// Written by the app itself (the demo, a reminder sent): never on the undo stack.
    System,
    /// Emptying the trash: rows gone for good, never undone.
    Purge,
}

impl BatchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BatchKind::Edit => "edit",
            BatchKind::Undo => "undo",
            BatchKind::Redo => "redo",
            BatchKind::Restore => "restore",
            BatchKind::System => "system",
            BatchKind::Purge => "purge",
        }
    }
}

/// A batch just committed, for whoever listens (the window shows "Score changed · Undo").
#[derive(Debug, Clone, Serialize, TS)]
pub struct Committed {
    pub batch: String,
    pub kind: BatchKind,
    pub label: String,
    pub project_id: Option<String>,
    pub project_name: Option<String>,
    /// False when this batch cannot be undone (an append-only review, the app's own writes).
    pub undoable: bool,
}

/// The batch a [`super::Writer`] is filling.
pub(super) struct Batch {
    pub id: String,
    pub kind: BatchKind,
    pub label: Option<String>,
    pub target: Option<String>,
    /// Change records written so far; the batch row exists once this is above zero.
    pub changes: i64,
}

/// Tables whose rows an undo can take back (they have `deleted_at`). An insert into any other
/// table (frozen assessment scores, the append-only review history, reminders sent) stays.
pub(crate) fn reversible(table: &str) -> bool {
    !matches!(
        table,
        "assessment_scores" | "compliance_reviews" | "reminders_sent" | "settings"
    )
}

impl Batch {
    pub fn new() -> Batch {
        Batch {
            id: crate::new_id(),
            kind: BatchKind::Edit,
            label: None,
            target: None,
            changes: 0,
        }
    }

    /// Writes the batch row before its first change record (the record refers to it).
    pub fn begin(&self, conn: &Connection, now: &str, device: &str) -> Result<()> {
        conn.prepare_cached(
            "INSERT INTO batches (id, seq, kind, label, target, at, device)
             VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM batches), ?2, '', ?3, ?4, ?5)",
        )?
        .execute(params![
            self.id,
            self.kind.as_str(),
            self.target,
            now,
            device
        ])?;
        Ok(())
    }

    /// Names the batch, finds its project and decides whether it can be undone.
    pub fn finish(&self, conn: &Connection) -> Result<Option<Committed>> {
        if self.changes == 0 {
            return Ok(None);
        }
        let label = match (&self.label, self.kind) {
            (Some(l), _) => l.clone(),
            (None, BatchKind::System) => "Northstar".to_owned(),
            (None, _) => {
                // Every edit path names itself; a missing name is a bug the tests catch.
                debug_assert!(false, "a write without a label (w.label or w.system)");
                "Change".to_owned()
            }
        };
        let project_id = project_of_batch(conn, &self.id)?;
        let undoable = matches!(
            self.kind,
            BatchKind::Edit | BatchKind::Undo | BatchKind::Redo | BatchKind::Restore
        ) && has_reversible(conn, &self.id)?;
        conn.prepare_cached(
            "UPDATE batches SET kind = ?2, label = ?3, project_id = ?4, undoable = ?5 WHERE id = ?1",
        )?
        .execute(params![
            self.id,
            self.kind.as_str(),
            label,
            project_id,
            undoable
        ])?;
        let project_name = match &project_id {
            Some(p) => conn
                .query_row("SELECT name FROM projects WHERE id = ?1", [p], |r| r.get(0))
                .optional()?,
            None => None,
        };
        Ok(Some(Committed {
            batch: self.id.clone(),
            kind: self.kind,
            label,
            project_id,
            project_name,
            undoable,
        }))
    }
}

/// Whether an undo can take the batch back. A batch that adds to the append-only review history
/// and adds nothing else (recording a review, which also dates the notes) cannot: the entry
/// would stay while the rest went back.
fn has_reversible(conn: &Connection, batch: &str) -> Result<bool> {
    let (reversible_rows, reviews): (bool, bool) = conn
        .prepare_cached(
            "SELECT coalesce(max(table_name NOT IN ('assessment_scores', 'compliance_reviews',
                                                      'reminders_sent', 'settings')), 0),
                    coalesce(max(table_name = 'compliance_reviews' AND op = 'insert'), 0)
             FROM changes WHERE batch = ?1",
        )?
        .query_row([batch], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if !reviews {
        return Ok(reversible_rows);
    }
    let other_inserts: bool = conn
        .prepare_cached(
            "SELECT count(*) > 0 FROM changes WHERE batch = ?1 AND op = 'insert'
               AND table_name NOT IN ('assessment_scores', 'compliance_reviews', 'reminders_sent')",
        )?
        .query_row([batch], |r| r.get(0))?;
    Ok(other_inserts)
}

/// The project of the first change in the batch that belongs to one.
fn project_of_batch(conn: &Connection, batch: &str) -> Result<Option<String>> {
    let mut stmt = conn
        .prepare_cached("SELECT table_name, row_id FROM changes WHERE batch = ?1 ORDER BY seq")?;
    let rows = stmt.query_map([batch], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (table, id) = row?;
        if let Some(p) = project_of(conn, &table, &id)? {
            return Ok(Some(p));
        }
    }
    Ok(None)
}

/// The project a row belongs to, whether or not it is deleted; None for workspace rows.
fn project_of(conn: &Connection, table: &str, id: &str) -> Result<Option<String>> {
    let sql = match table {
        "projects" => return Ok(Some(id.to_owned())),
        "goal_readings" | "goal_stakeholders" => {
            "SELECT g.project_id FROM goals g JOIN {t} x ON x.goal_id = g.id WHERE x.id = ?1"
        }
        "stakeholder_check_ins" => {
            "SELECT s.project_id FROM stakeholders s JOIN {t} x ON x.stakeholder_id = s.id WHERE x.id = ?1"
        }
        "risk_goals" | "risk_stakeholders" => {
            "SELECT k.project_id FROM risks k JOIN {t} x ON x.risk_id = k.id WHERE x.id = ?1"
        }
        "assessment_scores" => {
            "SELECT a.project_id FROM assessments a JOIN {t} x ON x.assessment_id = a.id WHERE x.id = ?1"
        }
        "pillars" | "assessments" | "goals" | "stakeholders" | "risks" | "first_week_ticks"
        | "compliance_notes" | "project_regulations" | "scan_rows" | "data_inventory"
        | "compliance_triggers" | "vendors" | "controls" | "compliance_questions"
        | "compliance_reviews" => "SELECT project_id FROM {t} WHERE id = ?1",
        "agenda_marks" => return agenda_mark_project(conn, id),
        _ => return Ok(None),
    };
    let sql = sql.replace("{t}", table);
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// An agenda mark names its item `kind:row id`; the row's table tells the project.
fn agenda_mark_project(conn: &Connection, id: &str) -> Result<Option<String>> {
    let item: Option<String> = conn
        .query_row("SELECT item FROM agenda_marks WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let Some((kind, row)) = item.as_deref().and_then(|i| i.split_once(':')) else {
        return Ok(None);
    };
    use crate::agenda::ItemKind;
    let table = match ItemKind::parse(kind) {
        Some(ItemKind::PillarCheckpoint) => "pillars",
        Some(ItemKind::GoalDeadline) => "goals",
        Some(ItemKind::StakeholderCheckIn) => "stakeholders",
        Some(ItemKind::RiskReview) => "risks",
        Some(ItemKind::ComplianceReview) => "scan_rows",
        Some(ItemKind::NotesReview) => "compliance_notes",
        Some(ItemKind::VendorRecheck) => "vendors",
        None => return Ok(None),
    };
    project_of(conn, table, row)
}
