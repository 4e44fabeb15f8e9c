//! Reversing a batch: its change records applied backwards, newest first, through the Writer,
//! so the reversal is itself a batch in the log. An insert is taken back by a soft delete, a
//! delete by bringing the row back, an update by setting the old value again.

use super::names;
use crate::error::{Error, Result};
use crate::store::{entity_name, reversible, text_of, Writer};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

/// How to treat a row that is no longer as the batch left it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Undo and redo: refuse, changing nothing (something else changed it since).
    Strict,
    /// Restore from the trash: bring back what was removed, leave later edits as they are.
    Lenient,
}

/// What a reversal could not take back.
#[derive(Default)]
pub(super) struct Reversed {
    /// Entries of the append-only review history the batch added: they stay.
    pub kept_reviews: usize,
}

struct Change {
    table: String,
    row: String,
    op: String,
    field: Option<String>,
    old: Option<String>,
    new: Option<String>,
}

enum RowState {
    Missing,
    Live,
    Deleted,
}

/// Every table the Writer writes, as the `&'static str` it takes (names read from the log are
/// checked against this list, never put into SQL as they are).
const TABLES: &[&str] = &[
    "projects",
    "pillars",
    "assessments",
    "assessment_scores",
    "goals",
    "goal_readings",
    "stakeholders",
    "stakeholder_check_ins",
    "goal_stakeholders",
    "first_week_ticks",
    "risks",
    "risk_goals",
    "risk_stakeholders",
    "regulations",
    "compliance_notes",
    "project_regulations",
    "scan_rows",
    "data_inventory",
    "compliance_triggers",
    "vendors",
    "controls",
    "compliance_questions",
    "compliance_reviews",
    "agenda_marks",
    "reminders_sent",
];

pub(crate) fn known_table(name: &str) -> Result<&'static str> {
    TABLES.iter().copied().find(|t| *t == name).ok_or_else(|| {
        Error::Refused(format!(
            "The change log names a table this app does not know ({name})."
        ))
    })
}

/// Applies the inverse of `batch` (labelled `label` in messages).
pub(super) fn reverse(
    w: &mut Writer<'_>,
    batch: &str,
    label: &str,
    mode: Mode,
) -> Result<Reversed> {
    let changes = changes_of(w.conn(), batch)?;
    let mut reviews = Vec::new();
    for c in changes.iter().rev() {
        let table = known_table(&c.table)?;
        let state = row_state(w.conn(), table, &c.row)?;
        if matches!(state, RowState::Missing) && reversible(table) {
            return Err(Error::Conflict(format!(
                "“{label}” can no longer be undone: a {} it changed was emptied from the trash. Nothing was changed.",
                entity_name(table)
            )));
        }
        let moved = || changed_since(label, table, mode);
        match (c.op.as_str(), c.field.as_deref()) {
            ("insert", _) => {
                if !reversible(table) {
                    if table == "compliance_reviews" {
                        reviews.push(c.row.as_str());
                    }
                    continue;
                }
                if inserted_deleted(c.new.as_deref()) {
                    continue;
                }
                match state {
                    RowState::Live => w.soft_delete(table, &c.row)?,
                    _ => moved()?,
                }
            }
            ("delete", Some(_)) => {
                return Err(Error::Conflict(format!(
                    "“{label}” emptied the trash, which cannot be undone."
                )))
            }
            ("delete", None) => match state {
                RowState::Deleted => {
                    names::check_free(w.conn(), table, &c.row, None)?;
                    w.undelete(table, &c.row)?
                }
                _ => moved()?,
            },
            ("update", Some("deleted_at")) => match state {
                RowState::Live => w.soft_delete(table, &c.row)?,
                _ => moved()?,
            },
            ("update", Some(col)) => {
                if !matches!(state, RowState::Live) {
                    moved()?;
                    continue;
                }
                let current = current_text(w.conn(), table, col, &c.row)?;
                if current != c.new {
                    moved()?;
                    continue;
                }
                let value = typed(w.conn(), table, col, c.old.as_deref())?;
                if let Value::Text(name) = &value {
                    names::check_free(w.conn(), table, &c.row, Some((col, name)))?;
                }
                w.update(table, &c.row, col, value)?;
            }
            (op, _) => {
                return Err(Error::Refused(format!(
                    "The change log holds an operation this app does not know ({op})."
                )))
            }
        }
    }
    // A review of a project that went back out of sight (an import undone) is out of sight too.
    let mut out = Reversed::default();
    for id in reviews {
        let shown: bool = w.conn().query_row(
            "SELECT count(*) > 0 FROM compliance_reviews r JOIN projects p ON p.id = r.project_id
             WHERE r.id = ?1 AND p.deleted_at IS NULL",
            [id],
            |r| r.get(0),
        )?;
        out.kept_reviews += usize::from(shown);
    }
    Ok(out)
}

/// Strict: the row moved on since the batch, so the reversal stops; lenient: it is left be.
fn changed_since(label: &str, table: &str, mode: Mode) -> Result<()> {
    match mode {
        Mode::Lenient => Ok(()),
        Mode::Strict => Err(Error::Conflict(format!(
            "“{label}” cannot be undone: the {} was changed again since (in another window or from the command line). Nothing was changed.",
            entity_name(table)
        ))),
    }
}

fn changes_of(conn: &Connection, batch: &str) -> Result<Vec<Change>> {
    let mut stmt = conn.prepare_cached(
        "SELECT table_name, row_id, op, field, old_value, new_value FROM changes
         WHERE batch = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map([batch], |r| {
        Ok(Change {
            table: r.get(0)?,
            row: r.get(1)?,
            op: r.get(2)?,
            field: r.get(3)?,
            old: r.get(4)?,
            new: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn row_state(conn: &Connection, table: &'static str, id: &str) -> Result<RowState> {
    if !reversible(table) {
        return Ok(RowState::Live);
    }
    let deleted: Option<Option<String>> = conn
        .prepare_cached(&format!("SELECT deleted_at FROM {table} WHERE id = ?1"))?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(match deleted {
        None => RowState::Missing,
        Some(None) => RowState::Live,
        Some(Some(_)) => RowState::Deleted,
    })
}

/// An import may bring rows already deleted; taking such an insert back leaves them as they are.
fn inserted_deleted(snapshot: Option<&str>) -> bool {
    snapshot
        .and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
        .and_then(|v| v.get("deleted_at").map(|d| !d.is_null()))
        .unwrap_or(false)
}

/// The column's declared type, checked against the table (the name comes from the log).
fn declared_type(conn: &Connection, table: &str, col: &str) -> Result<String> {
    conn.prepare_cached("SELECT type FROM pragma_table_info(?1) WHERE name = ?2")?
        .query_row([table, col], |r| r.get::<_, String>(0))
        .optional()?
        .ok_or_else(|| {
            Error::Refused(format!(
                "The change log names a field this app does not know ({table}.{col})."
            ))
        })
}

fn current_text(conn: &Connection, table: &str, col: &str, id: &str) -> Result<Option<String>> {
    declared_type(conn, table, col)?;
    let v: Value = conn
        .prepare_cached(&format!("SELECT {col} FROM {table} WHERE id = ?1"))?
        .query_row([id], |r| r.get(0))?;
    Ok(text_of(&v))
}

/// The log keeps values as text; integer and real columns get their numbers back.
fn typed(conn: &Connection, table: &str, col: &str, text: Option<&str>) -> Result<Value> {
    let Some(text) = text else {
        return Ok(Value::Null);
    };
    let ty = declared_type(conn, table, col)?.to_ascii_uppercase();
    let bad = || {
        Error::Refused(format!(
            "The change log holds “{text}” for {table}.{col}, which is not a number."
        ))
    };
    Ok(if ty.contains("INT") {
        Value::Integer(text.parse().map_err(|_| bad())?)
    } else if ty.contains("REAL") || ty.contains("FLOA") || ty.contains("DOUB") {
        Value::Real(text.parse().map_err(|_| bad())?)
    } else {
        Value::Text(text.to_owned())
    })
}
