//! The stakeholder canvas: everyone who feels pain when the product stumbles, why they care,
//! how often they hear from us, and when we last checked in. The next check-in follows from the
//! last one and the cadence, and is a review date.

mod check_ins;
mod edit;

pub(crate) use check_ins::check_in_in;
pub use check_ins::{check_in, delete_check_in};
pub(crate) use edit::add_stakeholder_in;
pub use edit::{
    add_stakeholder, edit_stakeholder, move_stakeholder, remove_stakeholder,
    stakeholder_removal_impact, NewStakeholder, StakeholderEdit, StakeholderRemoval,
};

use crate::error::{Error, Result};
use chrono::{Days, Months, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

pub const NAME_MAX: usize = 200;
pub const LONG_MAX: usize = 10_000;
pub const OWNER_MAX: usize = 200;

/// How often a stakeholder hears from the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Weekly,
    Fortnightly,
    Monthly,
    Quarterly,
    AdHoc,
}

impl Cadence {
    pub const ALL: [Cadence; 5] = [
        Cadence::Weekly,
        Cadence::Fortnightly,
        Cadence::Monthly,
        Cadence::Quarterly,
        Cadence::AdHoc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Fortnightly => "fortnightly",
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
            Cadence::AdHoc => "ad_hoc",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Cadence::AdHoc => "ad hoc",
            c => c.as_str(),
        }
    }

    fn parse(s: &str) -> Cadence {
        Cadence::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .unwrap_or(Cadence::AdHoc)
    }

    /// The check-in due after one on `last`. Months are calendar months: a check-in on the
    /// 31st is next due on the last day of a shorter month (31 Jan → 28 or 29 Feb). Ad hoc
    /// has no next date.
    pub fn next_after(self, last: NaiveDate) -> Option<NaiveDate> {
        match self {
            Cadence::Weekly => last.checked_add_days(Days::new(7)),
            Cadence::Fortnightly => last.checked_add_days(Days::new(14)),
            Cadence::Monthly => last.checked_add_months(Months::new(1)),
            Cadence::Quarterly => last.checked_add_months(Months::new(3)),
            Cadence::AdHoc => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CheckIn {
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Stakeholder {
    pub id: String,
    pub project_id: String,
    /// Stakeholder / role.
    pub name: String,
    /// Why they care.
    pub why: String,
    /// What success looks like to them.
    pub success: String,
    pub cadence: Cadence,
    pub channel: String,
    /// Risks / open questions.
    pub open_questions: String,
    pub owner: String,
    pub last_check_in: Option<String>,
    /// From the last check-in and the cadence; none for ad hoc or before the first check-in.
    pub next_check_in: Option<String>,
    /// The next check-in is before today.
    pub overdue: bool,
    /// Newest first.
    pub check_ins: Vec<CheckIn>,
    /// Ids of the goals that name this stakeholder.
    pub goals: Vec<String>,
    /// The risks not closed that name this stakeholder, most severe first.
    pub risks: Vec<crate::risks::RiskRef>,
    pub position: i64,
}

struct Base {
    id: String,
    project_id: String,
    name: String,
    why: String,
    success: String,
    cadence: String,
    channel: String,
    open_questions: String,
    owner: String,
    position: i64,
}

const COLUMNS: &str =
    "id, project_id, name, why, success, cadence, channel, open_questions, owner, position";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Base> {
    Ok(Base {
        id: r.get(0)?,
        project_id: r.get(1)?,
        name: r.get(2)?,
        why: r.get(3)?,
        success: r.get(4)?,
        cadence: r.get(5)?,
        channel: r.get(6)?,
        open_questions: r.get(7)?,
        owner: r.get(8)?,
        position: r.get(9)?,
    })
}

fn assemble(
    b: Base,
    check_ins: Vec<CheckIn>,
    goals: Vec<String>,
    risks: Vec<crate::risks::RiskRef>,
    today: NaiveDate,
) -> Stakeholder {
    let cadence = Cadence::parse(&b.cadence);
    let last_check_in = check_ins.first().map(|c| c.date.clone());
    let next = last_check_in
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .and_then(|d| cadence.next_after(d));
    Stakeholder {
        id: b.id,
        project_id: b.project_id,
        name: b.name,
        why: b.why,
        success: b.success,
        cadence,
        channel: b.channel,
        open_questions: b.open_questions,
        owner: b.owner,
        last_check_in,
        next_check_in: next.map(|d| d.to_string()),
        overdue: next.is_some_and(|d| d < today),
        check_ins,
        goals,
        risks,
        position: b.position,
    }
}

fn check_in_of(r: &Row<'_>, at: usize) -> rusqlite::Result<CheckIn> {
    Ok(CheckIn {
        id: r.get(at)?,
        date: r.get(at + 1)?,
        note: r.get(at + 2)?,
    })
}

/// Every live stakeholder of a project in the user's order, with check-ins and the goals that
/// name them, judged on `today`. Three queries, whatever the number of stakeholders.
pub fn list_stakeholders(
    conn: &Connection,
    project_id: &str,
    today: NaiveDate,
) -> Result<Vec<Stakeholder>> {
    let rows: Vec<Base> = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM stakeholders WHERE project_id = ?1 AND deleted_at IS NULL
             ORDER BY position, created_at"
        ))?
        .query_map([project_id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut check_ins: HashMap<String, Vec<CheckIn>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT c.stakeholder_id, c.id, c.date, c.note FROM stakeholder_check_ins c
         JOIN stakeholders s ON s.id = c.stakeholder_id
         WHERE s.project_id = ?1 AND s.deleted_at IS NULL AND c.deleted_at IS NULL
         ORDER BY c.stakeholder_id, c.date DESC, c.created_at DESC",
    )?;
    let mut q = stmt.query([project_id])?;
    while let Some(r) = q.next()? {
        check_ins
            .entry(r.get(0)?)
            .or_default()
            .push(check_in_of(r, 1)?);
    }
    let mut goals = crate::goals::goals_by_stakeholder(conn, project_id)?;
    let mut risks = crate::risks::open_risks_by_stakeholder(conn, project_id)?;
    Ok(rows
        .into_iter()
        .map(|b| {
            let c = check_ins.remove(&b.id).unwrap_or_default();
            let g = goals.remove(&b.id).unwrap_or_default();
            let r = risks.remove(&b.id).unwrap_or_default();
            assemble(b, c, g, r, today)
        })
        .collect())
}

pub fn get_stakeholder(conn: &Connection, id: &str, today: NaiveDate) -> Result<Stakeholder> {
    let b = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM stakeholders WHERE id = ?1 AND deleted_at IS NULL"
        ))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("stakeholder", id))?;
    let check_ins = conn
        .prepare_cached(
            "SELECT id, date, note FROM stakeholder_check_ins
             WHERE stakeholder_id = ?1 AND deleted_at IS NULL ORDER BY date DESC, created_at DESC",
        )?
        .query_map([id], |r| check_in_of(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    let goals = crate::goals::goals_naming(conn, id)?
        .into_iter()
        .map(|(g, _)| g)
        .collect();
    let risks = crate::risks::open_risks_of_stakeholder(conn, id)?;
    Ok(assemble(b, check_ins, goals, risks, today))
}

/// A stakeholder of a project by id or by exact name (for the CLI).
pub fn find_stakeholder(
    conn: &Connection,
    project_id: &str,
    key: &str,
    today: NaiveDate,
) -> Result<Stakeholder> {
    let id: Option<String> = conn
        .prepare_cached(
            "SELECT id FROM stakeholders WHERE project_id = ?1 AND deleted_at IS NULL
               AND (id = ?2 OR name = ?2)
             ORDER BY id = ?2 DESC, position LIMIT 1",
        )?
        .query_row([project_id, key.trim()], |r| r.get(0))
        .optional()?;
    match id {
        Some(id) => get_stakeholder(conn, &id, today),
        None => Err(Error::not_found("stakeholder", key)),
    }
}

/// Checks that every id names a live stakeholder of `project_id` (links stay inside one
/// project) and returns them without repeats, in the order given.
pub fn check_in_project(
    conn: &Connection,
    project_id: &str,
    ids: &[String],
) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(ids.len());
    let mut stmt = conn.prepare_cached(
        "SELECT project_id FROM stakeholders WHERE id = ?1 AND deleted_at IS NULL",
    )?;
    for id in ids {
        let owner: Option<String> = stmt.query_row([id], |r| r.get(0)).optional()?;
        match owner {
            Some(p) if p == project_id => {
                if !out.contains(id) {
                    out.push(id.clone());
                }
            }
            Some(_) => {
                return Err(Error::invalid(
                    "stakeholders",
                    "A goal can only name stakeholders of its own project.",
                ))
            }
            None => return Err(Error::not_found("stakeholder", id.as_str())),
        }
    }
    Ok(out)
}

/// Every live stakeholder's id and name, in the canvas's order: what a goal's picker needs.
pub fn stakeholder_names(conn: &Connection, project_id: &str) -> Result<Vec<crate::named::Named>> {
    crate::named::query(
        conn,
        "SELECT id, name FROM stakeholders WHERE project_id = ?1 AND deleted_at IS NULL
         ORDER BY position, created_at",
        project_id,
    )
}

/// The number of live stakeholders in a project.
pub fn count_stakeholders(conn: &Connection, project_id: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM stakeholders WHERE project_id = ?1 AND deleted_at IS NULL",
        [project_id],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests;
