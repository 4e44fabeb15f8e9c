//! Rows per area of a workspace file: what a restore says it brought back, and what a check
//! compares between a backup and its test restore.

use crate::error::Result;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// Every table that holds the user's data, in the order the areas are shown, with its label
/// for one row and for many.
/// `settings` is left out: it is this device's preferences, not workspace data. A test fails
/// when a migration adds a table that is missing here.
pub(crate) const AREAS: &[(&str, &str, &str)] = &[
    ("projects", "project", "projects"),
    ("pillars", "pillar", "pillars"),
    ("assessments", "assessment", "assessments"),
    ("assessment_scores", "assessment score", "assessment scores"),
    ("goals", "goal", "goals"),
    ("goal_readings", "goal reading", "goal readings"),
    ("stakeholders", "stakeholder", "stakeholders"),
    (
        "stakeholder_check_ins",
        "stakeholder check-in",
        "stakeholder check-ins",
    ),
    (
        "goal_stakeholders",
        "goal–stakeholder link",
        "goal–stakeholder links",
    ),
    ("first_week_ticks", "first-week tick", "first-week ticks"),
    ("risks", "risk", "risks"),
    ("risk_goals", "risk–goal link", "risk–goal links"),
    (
        "risk_stakeholders",
        "risk–stakeholder link",
        "risk–stakeholder links",
    ),
    ("regulations", "regulation", "regulations"),
    (
        "project_regulations",
        "regulation decision",
        "regulation decisions",
    ),
    ("compliance_notes", "compliance notes", "compliance notes"),
    ("scan_rows", "compliance scan row", "compliance scan rows"),
    (
        "data_inventory",
        "data inventory row",
        "data inventory rows",
    ),
    (
        "compliance_triggers",
        "regulatory trigger",
        "regulatory triggers",
    ),
    ("vendors", "vendor", "vendors"),
    ("controls", "control", "controls"),
    (
        "compliance_questions",
        "compliance question",
        "compliance questions",
    ),
    (
        "compliance_reviews",
        "compliance review",
        "compliance reviews",
    ),
    ("agenda_marks", "agenda mark", "agenda marks"),
    ("reminders_sent", "reminder sent", "reminders sent"),
    ("changes", "history entry", "history entries"),
    ("batches", "undo step", "undo steps"),
];

/// One area's rows in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AreaCount {
    /// The table, e.g. `goal_readings`.
    pub table: String,
    /// In words, e.g. "goal readings".
    pub label: String,
    /// Every row, the deleted ones (trash, undo) included: what a check compares.
    pub rows: i64,
    /// Rows not deleted: what a user would call "how many" (equal to `rows` for tables
    /// that are never deleted from, such as the history).
    pub live: i64,
}

/// Rows per area, in [`AREAS`] order; tables a file's (older) schema lacks are absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct RowCounts {
    pub areas: Vec<AreaCount>,
}

impl RowCounts {
    /// Counts every area's rows through `conn`.
    pub fn read(conn: &Connection) -> Result<RowCounts> {
        let mut areas = Vec::with_capacity(AREAS.len());
        for &(table, _, label) in AREAS {
            let columns: Vec<String> = conn
                .prepare("SELECT name FROM pragma_table_info(?1)")?
                .query_map([table], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if columns.is_empty() {
                continue;
            }
            // Table names come from AREAS, never from the file or the user.
            let rows: i64 =
                conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            let live = if columns.iter().any(|c| c == "deleted_at") {
                conn.query_row(
                    &format!("SELECT count(*) FROM {table} WHERE deleted_at IS NULL"),
                    [],
                    |r| r.get(0),
                )?
            } else {
                rows
            };
            areas.push(AreaCount {
                table: table.to_owned(),
                label: label.to_owned(),
                rows,
                live,
            });
        }
        Ok(RowCounts { areas })
    }

    pub fn get(&self, table: &str) -> Option<&AreaCount> {
        self.areas.iter().find(|a| a.table == table)
    }

    /// Projects not deleted.
    pub fn projects(&self) -> i64 {
        self.get("projects").map_or(0, |a| a.live)
    }

    /// Every row of every area.
    pub fn total(&self) -> i64 {
        self.areas.iter().map(|a| a.rows).sum()
    }

    /// The areas of `self` whose row count differs in `other` (an area missing there counts
    /// as zero rows), in words: "risks 120 → 119". Areas only `other` has are not compared:
    /// a migration may fill a table the older file did not have.
    pub fn differences(&self, other: &RowCounts) -> Vec<String> {
        self.areas
            .iter()
            .filter_map(|a| {
                let theirs = other.get(&a.table).map_or(0, |b| b.rows);
                (theirs != a.rows).then(|| format!("{} {} → {theirs}", a.label, a.rows))
            })
            .collect()
    }

    /// "1 project, 24 pillars, 120 risks…": the live rows of every area that has some.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .areas
            .iter()
            .filter(|a| a.live > 0)
            .map(|a| {
                let one = AREAS.iter().find(|x| x.0 == a.table).map(|x| x.1);
                match one {
                    Some(one) if a.live == 1 => format!("1 {one}"),
                    _ => format!("{} {}", a.live, a.label),
                }
            })
            .collect();
        if parts.is_empty() {
            "no rows".to_owned()
        } else {
            parts.join(", ")
        }
    }
}
