//! The risk register: what could go wrong, how likely (1-5) and how bad (1-5), severity as their
//! product in four bands, who owns it, what is being done, when to look again, and which goals
//! and stakeholders it threatens. Reads are paged and filtered in SQLite (a register of 20,000
//! risks never crosses IPC whole); search is an FTS5 index over title, description, mitigation.

mod edit;
mod history;
mod links;
mod query;
mod sample;
mod search;

pub(crate) use edit::edit_risk_in;
pub use edit::{
    add_risk, add_risk_in, edit_risk, remove_risk, risk_from_goal_text, NewRisk, RiskEdit,
};
pub use history::{risk_history, RiskChange};
pub(crate) use links::{
    open_risks_by_stakeholder, open_risks_of_stakeholder, risks_by_goal, risks_of_goal,
    set_goal_risks_in, unlink_goal_in, unlink_stakeholder_in,
};
pub use query::{
    all_risks, heat_map, list_risks, risk_owners, risks_view, top_risks, Cell, HeatCell, HeatMap,
    RiskPage, RiskQuery, RiskSort, RisksView, StatusFilter,
};
pub use sample::sample_register;
pub(crate) use sample::sample_register_in;

use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const TITLE_MAX: usize = 200;
pub const LONG_MAX: usize = 10_000;
pub const OWNER_MAX: usize = 200;

/// Severity's band: how worried to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Low,
    Medium,
    High,
    Critical,
}

impl Band {
    pub const ALL: [Band; 4] = [Band::Low, Band::Medium, Band::High, Band::Critical];

    /// low 1-4, medium 5-9, high 10-16, critical 20-25 (no product of two 1-5 numbers falls
    /// between 16 and 20).
    pub fn of(severity: u8) -> Band {
        match severity {
            0..=4 => Band::Low,
            5..=9 => Band::Medium,
            10..=16 => Band::High,
            _ => Band::Critical,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Medium => "medium",
            Band::High => "high",
            Band::Critical => "critical",
        }
    }

    /// The severities in this band, inclusive, for filtering in SQL.
    pub fn range(self) -> (u8, u8) {
        match self {
            Band::Low => (1, 4),
            Band::Medium => (5, 9),
            Band::High => (10, 16),
            Band::Critical => (20, 25),
        }
    }

    pub fn parse(s: &str) -> Option<Band> {
        Band::ALL.into_iter().find(|b| b.label() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    Open,
    Mitigating,
    Accepted,
    Closed,
}

impl RiskStatus {
    pub const ALL: [RiskStatus; 4] = [
        RiskStatus::Open,
        RiskStatus::Mitigating,
        RiskStatus::Accepted,
        RiskStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RiskStatus::Open => "open",
            RiskStatus::Mitigating => "mitigating",
            RiskStatus::Accepted => "accepted",
            RiskStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<RiskStatus> {
        RiskStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// The last time the band moved: "was high, now medium since 12 Nov".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BandChange {
    pub was: Band,
    /// `YYYY-MM-DD`, the user's day of the change.
    pub since: String,
}

/// What another area shows of a risk: a goal's linked risks, a stakeholder's open ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RiskRef {
    pub id: String,
    pub title: String,
    pub severity: u8,
    pub band: Band,
    pub status: RiskStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Risk {
    pub id: String,
    pub project_id: String,
    pub title: String,
    pub description: String,
    pub likelihood: u8,
    pub impact: u8,
    /// likelihood × impact, 1-25.
    pub severity: u8,
    pub band: Band,
    pub mitigation: String,
    pub owner: String,
    pub status: RiskStatus,
    /// `YYYY-MM-DD`, a review date.
    pub review_date: Option<String>,
    /// The review date is before today and the risk is not closed.
    pub review_overdue: bool,
    /// Why it was closed (kept when reopened).
    pub closing_note: String,
    /// Ids of the goals it threatens, in the goals' order.
    pub goals: Vec<String>,
    /// Ids of the stakeholders it threatens, in the canvas's order.
    pub stakeholders: Vec<String>,
    /// The band's last move, from the change log.
    pub band_change: Option<BandChange>,
}

pub(crate) const COLUMNS: &str = "r.id, r.project_id, r.title, r.description, r.likelihood, \
    r.impact, r.mitigation, r.owner, r.status, r.review_date, r.closing_note";

/// A risk as read from its row, before links and history are added.
pub(crate) fn from_row(r: &Row<'_>, today: NaiveDate) -> rusqlite::Result<Risk> {
    let likelihood: u8 = r.get(4)?;
    let impact: u8 = r.get(5)?;
    let severity = likelihood * impact;
    let status = RiskStatus::parse(&r.get::<_, String>(8)?).unwrap_or(RiskStatus::Open);
    let review_date: Option<String> = r.get(9)?;
    let review_overdue = status != RiskStatus::Closed
        && review_date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .is_some_and(|d| d < today);
    Ok(Risk {
        id: r.get(0)?,
        project_id: r.get(1)?,
        title: r.get(2)?,
        description: r.get(3)?,
        likelihood,
        impact,
        severity,
        band: Band::of(severity),
        mitigation: r.get(6)?,
        owner: r.get(7)?,
        status,
        review_date,
        review_overdue,
        closing_note: r.get(10)?,
        goals: Vec::new(),
        stakeholders: Vec::new(),
        band_change: None,
    })
}

/// One live risk with its links and last band change, judged on `today`.
pub fn get_risk(conn: &Connection, id: &str, today: NaiveDate) -> Result<Risk> {
    let risk = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM risks r WHERE r.id = ?1 AND r.deleted_at IS NULL"
        ))?
        .query_row([id], |r| from_row(r, today))
        .optional()?
        .ok_or_else(|| Error::not_found("risk", id))?;
    let mut risks = vec![risk];
    query::complete(conn, &mut risks)?;
    Ok(risks.remove(0))
}

/// Every live risk's id and title, closed ones included, most recent first: the command
/// palette's index (one read per opening, matched in the window, so typing asks nothing).
pub fn risk_names(conn: &Connection, project_id: &str) -> Result<Vec<crate::named::Named>> {
    crate::named::query(
        conn,
        "SELECT id, title FROM risks WHERE project_id = ?1 AND deleted_at IS NULL
         ORDER BY created_at DESC",
        project_id,
    )
}

/// The number of live risks in a project, closed ones included.
pub fn count_risks(conn: &Connection, project_id: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM risks WHERE project_id = ?1 AND deleted_at IS NULL",
        [project_id],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests;
