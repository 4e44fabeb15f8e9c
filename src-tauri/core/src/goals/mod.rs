//! North Star alignment: one goal per outcome, with a success metric in words and, when the
//! user wants numbers, a target, unit and direction against which dated readings are judged.

mod edit;
mod readings;

pub use edit::{add_goal, edit_goal, move_goal, remove_goal, GoalEdit, NewGoal};
pub(crate) use edit::{add_goal_in, unlink_stakeholder_in};
pub(crate) use readings::add_reading_in;
pub use readings::{add_reading, delete_reading};

use crate::error::{Error, Result};
use crate::risks::{Band, RiskRef, RiskStatus};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

pub const GOAL_MAX: usize = 500;
pub const LONG_MAX: usize = 10_000;
pub const UNIT_MAX: usize = 40;
/// A reading older than this many days makes the goal's status "stale".
pub const STALE_AFTER_DAYS: i64 = 30;

/// Which way is better for a goal's metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Higher,
    Lower,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        }
    }

    fn parse(s: &str) -> Direction {
        if s == "lower" {
            Direction::Lower
        } else {
            Direction::Higher
        }
    }

    /// Whether `value` meets `target` in this direction; the target itself counts as met.
    pub fn meets(self, value: f64, target: f64) -> bool {
        match self {
            Direction::Higher => value >= target,
            Direction::Lower => value <= target,
        }
    }
}

/// Where a goal's metric stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MetricStatus {
    /// The latest reading meets the target.
    Met,
    /// The latest reading misses the target.
    NotMet,
    /// Numbers are set but nothing has been read yet.
    NoReading,
    /// The goal has no target: its metric is words only.
    NoNumbers,
}

impl MetricStatus {
    pub fn label(self) -> &'static str {
        match self {
            MetricStatus::Met => "met",
            MetricStatus::NotMet => "not met",
            MetricStatus::NoReading => "no reading yet",
            MetricStatus::NoNumbers => "no numbers",
        }
    }
}

/// One dated value of a goal's metric. Readings accumulate; none is ever overwritten.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Reading {
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Goal {
    pub id: String,
    pub project_id: String,
    /// The goal / outcome.
    pub goal: String,
    /// The success metric in words: "99% of requests succeed; p95 < 400 ms".
    pub metric: String,
    pub target: Option<f64>,
    pub unit: String,
    pub direction: Direction,
    /// `YYYY-MM-DD`, a review date.
    pub deadline: Option<String>,
    pub guardrail: String,
    /// Ids of the stakeholders this goal names.
    pub stakeholders: Vec<String>,
    /// Free-text risks & mitigations typed before the register linked risks; kept until the
    /// user clears it or turns it into a risk.
    pub risks_text: String,
    /// Linked risks, open ones first, most severe first.
    pub risks: Vec<RiskRef>,
    /// The highest band among the linked risks not closed.
    pub risk_band: Option<Band>,
    /// Oldest first (by date, then by when typed).
    pub readings: Vec<Reading>,
    pub latest: Option<Reading>,
    pub status: MetricStatus,
    /// The newest reading is older than [`STALE_AFTER_DAYS`].
    pub stale: bool,
    /// Days from the newest reading to today.
    pub days_since_reading: Option<i64>,
    pub position: i64,
}

impl Goal {
    pub fn has_numbers(&self) -> bool {
        self.target.is_some()
    }

    /// "99.2 % against ≥ 99 %" style words for the latest value, or what is missing.
    pub fn latest_vs_target(&self) -> String {
        let Some(target) = self.target else {
            return "—".into();
        };
        let sign = match self.direction {
            Direction::Higher => "≥",
            Direction::Lower => "≤",
        };
        let t = format!("{sign} {}", with_unit(target, &self.unit));
        match &self.latest {
            Some(r) => format!("{} (target {t})", with_unit(r.value, &self.unit)),
            None => format!("no reading (target {t})"),
        }
    }
}

/// A number as people write it: no trailing zeros, at most four decimals, and its unit.
pub fn with_unit(v: f64, unit: &str) -> String {
    let mut s = format!("{v:.4}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    match unit.trim() {
        "" => s,
        "%" => format!("{s}%"),
        u => format!("{s} {u}"),
    }
}

/// The status of a metric with these numbers, read on `today`: (status, stale, days since).
pub fn metric_status(
    target: Option<f64>,
    direction: Direction,
    latest: Option<&Reading>,
    today: NaiveDate,
) -> (MetricStatus, bool, Option<i64>) {
    let Some(target) = target else {
        return (MetricStatus::NoNumbers, false, None);
    };
    let Some(r) = latest else {
        return (MetricStatus::NoReading, false, None);
    };
    let days = NaiveDate::parse_from_str(&r.date, "%Y-%m-%d")
        .ok()
        .map(|d| (today - d).num_days());
    let stale = days.is_some_and(|d| d > STALE_AFTER_DAYS);
    let status = if direction.meets(r.value, target) {
        MetricStatus::Met
    } else {
        MetricStatus::NotMet
    };
    (status, stale, days)
}

struct GoalRow {
    id: String,
    project_id: String,
    goal: String,
    metric: String,
    target: Option<f64>,
    unit: String,
    direction: String,
    deadline: Option<String>,
    guardrail: String,
    risks_text: String,
    position: i64,
}

const COLUMNS: &str = "id, project_id, goal, metric, target, unit, direction, deadline, guardrail, risks_text, position";

fn from_row(r: &Row<'_>) -> rusqlite::Result<GoalRow> {
    Ok(GoalRow {
        id: r.get(0)?,
        project_id: r.get(1)?,
        goal: r.get(2)?,
        metric: r.get(3)?,
        target: r.get(4)?,
        unit: r.get(5)?,
        direction: r.get(6)?,
        deadline: r.get(7)?,
        guardrail: r.get(8)?,
        risks_text: r.get(9)?,
        position: r.get(10)?,
    })
}

fn assemble(
    row: GoalRow,
    readings: Vec<Reading>,
    stakeholders: Vec<String>,
    risks: Vec<RiskRef>,
    today: NaiveDate,
) -> Goal {
    let risk_band = risks
        .iter()
        .filter(|r| r.status != RiskStatus::Closed)
        .map(|r| r.band)
        .max();
    let direction = Direction::parse(&row.direction);
    let latest = readings.last().cloned();
    let (status, stale, days_since_reading) =
        metric_status(row.target, direction, latest.as_ref(), today);
    Goal {
        id: row.id,
        project_id: row.project_id,
        goal: row.goal,
        metric: row.metric,
        target: row.target,
        unit: row.unit,
        direction,
        deadline: row.deadline,
        guardrail: row.guardrail,
        stakeholders,
        risks_text: row.risks_text,
        risks,
        risk_band,
        readings,
        latest,
        status,
        stale,
        days_since_reading,
        position: row.position,
    }
}

/// Every live goal of a project, in the user's order, with readings and stakeholder links,
/// judged on `today`. Three queries, whatever the number of goals.
pub fn list_goals(conn: &Connection, project_id: &str, today: NaiveDate) -> Result<Vec<Goal>> {
    let rows: Vec<GoalRow> = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM goals WHERE project_id = ?1 AND deleted_at IS NULL
             ORDER BY position, created_at"
        ))?
        .query_map([project_id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut readings: HashMap<String, Vec<Reading>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT r.goal_id, r.id, r.date, r.value FROM goal_readings r
         JOIN goals g ON g.id = r.goal_id
         WHERE g.project_id = ?1 AND g.deleted_at IS NULL AND r.deleted_at IS NULL
         ORDER BY r.goal_id, r.date, r.created_at",
    )?;
    let mut q = stmt.query([project_id])?;
    while let Some(r) = q.next()? {
        readings.entry(r.get(0)?).or_default().push(Reading {
            id: r.get(1)?,
            date: r.get(2)?,
            value: r.get(3)?,
        });
    }
    let mut links = links_by_goal(conn, project_id)?;
    let mut risks = crate::risks::risks_by_goal(conn, project_id)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let rs = readings.remove(&row.id).unwrap_or_default();
            let ss = links.remove(&row.id).unwrap_or_default();
            let ks = risks.remove(&row.id).unwrap_or_default();
            assemble(row, rs, ss, ks, today)
        })
        .collect())
}

/// Live goal → live stakeholder links of a project, each list in the stakeholders' order.
fn links_by_goal(conn: &Connection, project_id: &str) -> Result<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT l.goal_id, l.stakeholder_id FROM goal_stakeholders l
         JOIN goals g ON g.id = l.goal_id
         JOIN stakeholders s ON s.id = l.stakeholder_id
         WHERE g.project_id = ?1 AND l.deleted_at IS NULL AND g.deleted_at IS NULL
           AND s.deleted_at IS NULL
         ORDER BY l.goal_id, s.position, s.created_at",
    )?;
    let mut q = stmt.query([project_id])?;
    while let Some(r) = q.next()? {
        out.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    Ok(out)
}

/// One live goal, judged on `today`.
pub fn get_goal(conn: &Connection, id: &str, today: NaiveDate) -> Result<Goal> {
    let row = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM goals WHERE id = ?1 AND deleted_at IS NULL"
        ))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("goal", id))?;
    let readings = conn
        .prepare_cached(
            "SELECT id, date, value FROM goal_readings WHERE goal_id = ?1 AND deleted_at IS NULL
             ORDER BY date, created_at",
        )?
        .query_map([id], |r| {
            Ok(Reading {
                id: r.get(0)?,
                date: r.get(1)?,
                value: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let stakeholders = conn
        .prepare_cached(
            "SELECT l.stakeholder_id FROM goal_stakeholders l
             JOIN stakeholders s ON s.id = l.stakeholder_id
             WHERE l.goal_id = ?1 AND l.deleted_at IS NULL AND s.deleted_at IS NULL
             ORDER BY s.position, s.created_at",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let risks = crate::risks::risks_of_goal(conn, id)?;
    Ok(assemble(row, readings, stakeholders, risks, today))
}

/// A goal of a project by id or by exact goal text (for the CLI).
pub fn find_goal(conn: &Connection, project_id: &str, key: &str, today: NaiveDate) -> Result<Goal> {
    let id: Option<String> = conn
        .prepare_cached(
            "SELECT id FROM goals WHERE project_id = ?1 AND deleted_at IS NULL
               AND (id = ?2 OR goal = ?2)
             ORDER BY id = ?2 DESC, position LIMIT 1",
        )?
        .query_row([project_id, key.trim()], |r| r.get(0))
        .optional()?;
    match id {
        Some(id) => get_goal(conn, &id, today),
        None => Err(Error::not_found("goal", key)),
    }
}

/// The live goals that name a stakeholder: (id, goal text), in the goals' order.
pub fn goals_naming(conn: &Connection, stakeholder_id: &str) -> Result<Vec<(String, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT g.id, g.goal FROM goal_stakeholders l JOIN goals g ON g.id = l.goal_id
             WHERE l.stakeholder_id = ?1 AND l.deleted_at IS NULL AND g.deleted_at IS NULL
             ORDER BY g.position, g.created_at",
        )?
        .query_map([stakeholder_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Every live goal → stakeholder link of a project, grouped by stakeholder (for the canvas).
pub fn goals_by_stakeholder(
    conn: &Connection,
    project_id: &str,
) -> Result<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT l.stakeholder_id, l.goal_id FROM goal_stakeholders l
         JOIN goals g ON g.id = l.goal_id
         WHERE g.project_id = ?1 AND l.deleted_at IS NULL AND g.deleted_at IS NULL
         ORDER BY l.stakeholder_id, g.position, g.created_at",
    )?;
    let mut q = stmt.query([project_id])?;
    while let Some(r) = q.next()? {
        out.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    Ok(out)
}

/// The goal the project's leading metric follows, when it follows one.
pub fn leading_goal(conn: &Connection, project_id: &str, today: NaiveDate) -> Result<Option<Goal>> {
    let p = crate::project::get(conn, project_id)?;
    match p.leading_goal_id {
        Some(id) => get_goal(conn, &id, today).map(Some).or_else(|e| match e {
            Error::NotFound { .. } => Ok(None),
            e => Err(e),
        }),
        None => Ok(None),
    }
}

/// Every live goal's id and text, in the user's order: the labels the canvas needs.
pub fn goal_names(conn: &Connection, project_id: &str) -> Result<Vec<crate::named::Named>> {
    crate::named::query(
        conn,
        "SELECT id, goal FROM goals WHERE project_id = ?1 AND deleted_at IS NULL
         ORDER BY position, created_at",
        project_id,
    )
}

/// The number of live goals in a project.
pub fn count_goals(conn: &Connection, project_id: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM goals WHERE project_id = ?1 AND deleted_at IS NULL",
        [project_id],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests;
