//! The agenda: every review date in the workspace, from every area that holds one (pillar
//! checkpoints, goal deadlines, stakeholder check-ins, risk reviews, compliance scan reviews, the
//! compliance notes' next review, vendor re-checks), as one list bucketed overdue / today / this
//! week / later. What is due is a pure function of the data and the day; marks ("reviewed",
//! "snoozed until") and the reminders sent are the agenda's own rows.

mod ics;
mod marks;
mod remind;
mod sources;

pub use ics::ics;
pub use marks::{mark_reviewed, snooze};
pub use remind::{check_reminders, decide, summarize, Reminder, ReminderSettings, Summary};

use crate::error::Result;
use chrono::{Days, Months, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    PillarCheckpoint,
    GoalDeadline,
    StakeholderCheckIn,
    RiskReview,
    ComplianceReview,
    NotesReview,
    VendorRecheck,
}

impl ItemKind {
    pub const ALL: [ItemKind; 7] = [
        ItemKind::PillarCheckpoint,
        ItemKind::GoalDeadline,
        ItemKind::StakeholderCheckIn,
        ItemKind::RiskReview,
        ItemKind::ComplianceReview,
        ItemKind::NotesReview,
        ItemKind::VendorRecheck,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::PillarCheckpoint => "pillar_checkpoint",
            ItemKind::GoalDeadline => "goal_deadline",
            ItemKind::StakeholderCheckIn => "stakeholder_check_in",
            ItemKind::RiskReview => "risk_review",
            ItemKind::ComplianceReview => "compliance_review",
            ItemKind::NotesReview => "notes_review",
            ItemKind::VendorRecheck => "vendor_recheck",
        }
    }

    pub fn parse(s: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The project page an item opens on.
    pub fn area(self) -> &'static str {
        match self {
            ItemKind::PillarCheckpoint => "scorecard",
            ItemKind::GoalDeadline => "goals",
            ItemKind::StakeholderCheckIn => "stakeholders",
            ItemKind::RiskReview => "risks",
            ItemKind::ComplianceReview | ItemKind::NotesReview | ItemKind::VendorRecheck => {
                "compliance"
            }
        }
    }
}

/// How a recurring item moves on once reviewed: counted from the day it was reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Repeat {
    Weekly,
    Fortnightly,
    Monthly,
    Quarterly,
    Yearly,
}

impl Repeat {
    pub fn as_str(self) -> &'static str {
        match self {
            Repeat::Weekly => "weekly",
            Repeat::Fortnightly => "fortnightly",
            Repeat::Monthly => "monthly",
            Repeat::Quarterly => "quarterly",
            Repeat::Yearly => "yearly",
        }
    }

    pub fn parse(s: &str) -> Option<Repeat> {
        match s {
            "weekly" => Some(Repeat::Weekly),
            "fortnightly" => Some(Repeat::Fortnightly),
            "monthly" => Some(Repeat::Monthly),
            "quarterly" => Some(Repeat::Quarterly),
            "yearly" => Some(Repeat::Yearly),
            _ => None,
        }
    }

    /// The next date after `from`; months are calendar months (31 Jan → 28 or 29 Feb).
    pub fn after(self, from: NaiveDate) -> NaiveDate {
        let next = match self {
            Repeat::Weekly => from.checked_add_days(Days::new(7)),
            Repeat::Fortnightly => from.checked_add_days(Days::new(14)),
            Repeat::Monthly => from.checked_add_months(Months::new(1)),
            Repeat::Quarterly => from.checked_add_months(Months::new(3)),
            Repeat::Yearly => from.checked_add_months(Months::new(12)),
        };
        next.unwrap_or(from)
    }

    /// The iCalendar RRULE for it.
    pub fn rrule(self) -> &'static str {
        match self {
            Repeat::Weekly => "FREQ=WEEKLY",
            Repeat::Fortnightly => "FREQ=WEEKLY;INTERVAL=2",
            Repeat::Monthly => "FREQ=MONTHLY",
            Repeat::Quarterly => "FREQ=MONTHLY;INTERVAL=3",
            Repeat::Yearly => "FREQ=YEARLY",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    Overdue,
    Today,
    ThisWeek,
    Later,
}

impl Bucket {
    /// Today is day 0; this week is the six days after it.
    pub fn of(due: NaiveDate, today: NaiveDate) -> Bucket {
        match (due - today).num_days() {
            d if d < 0 => Bucket::Overdue,
            0 => Bucket::Today,
            1..=6 => Bucket::ThisWeek,
            _ => Bucket::Later,
        }
    }
}

/// One review date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AgendaItem {
    /// `kind:row id`: stable, for marks, reminders and calendar UIDs.
    pub id: String,
    pub kind: ItemKind,
    pub project_id: String,
    pub project: String,
    /// What is to be reviewed, in words: "Reliability checkpoint", "Check in with Ana".
    pub title: String,
    /// `YYYY-MM-DD`: when it is due now (a snooze moves it).
    pub due: String,
    /// The date the area holds, when a snooze moved `due`.
    pub snoozed_from: Option<String>,
    pub bucket: Bucket,
    pub recurring: Option<Repeat>,
    /// The id of the row it is about, and the page that shows it.
    pub row_id: String,
    pub area: &'static str,
}

/// Which items an agenda lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
pub struct AgendaQuery {
    /// Only items due within this many days of today (overdue ones always); none: all.
    #[serde(default)]
    #[ts(optional)]
    pub days: Option<u32>,
    /// One project's items only.
    #[serde(default)]
    #[ts(optional)]
    pub project_id: Option<String>,
}

/// The agenda on `today`, overdue first, then by date, kind and title.
pub fn agenda(conn: &Connection, today: NaiveDate, q: &AgendaQuery) -> Result<Vec<AgendaItem>> {
    let until = q.days.map(|d| today + Days::new(u64::from(d)));
    let raw = sources::all(conn, q.project_id.as_deref(), until)?;
    let marks = marks::latest(conn)?;
    let mut out = Vec::with_capacity(raw.len());
    for r in raw {
        // Marks are few: look one up only for items that have any.
        let mark = if marks.is_empty() {
            None
        } else {
            marks.get(&(r.id.clone(), r.due.to_string()))
        };
        let (due, snoozed_from) = match mark {
            Some(marks::Mark::Reviewed) => continue,
            Some(marks::Mark::Snoozed(day)) => (*day, Some(r.due.to_string())),
            None => (r.due, None),
        };
        let due_text = if snoozed_from.is_some() {
            due.to_string()
        } else {
            r.due_text
        };
        if until.is_some_and(|u| due > u) {
            continue;
        }
        out.push((
            due,
            AgendaItem {
                id: r.id,
                kind: r.kind,
                project_id: r.project_id,
                project: r.project,
                title: r.title,
                due: due_text,
                snoozed_from,
                bucket: Bucket::of(due, today),
                recurring: r.recurring,
                row_id: r.row_id,
                area: r.kind.area(),
            },
        ));
    }
    // Already in order but for snoozed items: a stable sort on the date puts those in place.
    out.sort_by_key(|(due, i)| (*due, i.kind as u8));
    Ok(out.into_iter().map(|(_, i)| i).collect())
}

/// How many items are overdue or due today, per project and in all: the sidebar's counts.
pub fn due_counts(conn: &Connection, today: NaiveDate) -> Result<HashMap<String, u32>> {
    let mut out: HashMap<String, u32> = HashMap::new();
    let q = AgendaQuery {
        days: Some(0),
        project_id: None,
    };
    for item in agenda(conn, today, &q)? {
        *out.entry(item.project_id).or_default() += 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
