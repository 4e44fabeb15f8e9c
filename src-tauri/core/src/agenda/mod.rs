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
use std::sync::Arc;
use ts_rs::TS;

/// Text many items share (a project's id and name): one allocation per project rather than
/// per item, which a 100,000-item agenda notices. Reads and serialises as a plain string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Shared(Arc<str>);

impl std::ops::Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Shared {
    fn from(s: &str) -> Shared {
        Shared(Arc::from(s))
    }
}

impl From<String> for Shared {
    fn from(s: String) -> Shared {
        Shared(Arc::from(s))
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Shared {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl std::fmt::Display for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Shared {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

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

    /// The kind in the users' words ("Pillar checkpoint"), as the report and CSV print it.
    pub fn words(self) -> &'static str {
        match self {
            ItemKind::PillarCheckpoint => "Pillar checkpoint",
            ItemKind::GoalDeadline => "Goal deadline",
            ItemKind::StakeholderCheckIn => "Stakeholder check-in",
            ItemKind::RiskReview => "Risk review",
            ItemKind::ComplianceReview => "Compliance scan review",
            ItemKind::NotesReview => "Compliance notes review",
            ItemKind::VendorRecheck => "Vendor re-check",
        }
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

/// One review date. Built 100,000 at a time, so it holds no text it can derive: its id
/// (`kind:row id`), its page and its date's text are made only when it is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub kind: ItemKind,
    /// The id of the row it is about.
    pub row_id: String,
    pub project_id: Shared,
    pub project: Shared,
    /// What is to be reviewed, in words: "Reliability checkpoint", "Check in with Ana".
    pub title: String,
    /// When it is due now (a snooze moves it).
    pub due: Day,
    /// The date the area holds, when a snooze moved `due`.
    pub snoozed_from: Option<Day>,
    pub bucket: Bucket,
    pub recurring: Option<Repeat>,
}

impl AgendaItem {
    /// `kind:row id`: stable, for marks, reminders and calendar UIDs.
    pub fn id(&self) -> String {
        format!("{}:{}", self.kind.as_str(), self.row_id)
    }

    /// The page that shows it.
    pub fn area(&self) -> &'static str {
        self.kind.area()
    }
}

/// A calendar day that reads and sends as `YYYY-MM-DD`, formatted only when it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub NaiveDate);

impl std::ops::Deref for Day {
    type Target = NaiveDate;
    fn deref(&self) -> &NaiveDate {
        &self.0
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl From<Day> for String {
    fn from(d: Day) -> String {
        d.to_string()
    }
}

impl PartialEq<&str> for Day {
    fn eq(&self, other: &&str) -> bool {
        sources::ymd(other) == Some(self.0)
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `kind:row id`, written straight into the output.
struct ItemId<'a>(ItemKind, &'a str);

impl Serialize for ItemId<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{}:{}", self.0.as_str(), self.1))
    }
}

/// An agenda item as the UI and `--json` get it.
#[derive(Serialize, TS)]
#[ts(rename = "AgendaItem")]
pub struct AgendaItemJson<'a> {
    /// `kind:row id`: stable, for marks, reminders and calendar UIDs.
    #[ts(type = "string")]
    id: ItemId<'a>,
    kind: ItemKind,
    project_id: &'a str,
    project: &'a str,
    /// What is to be reviewed, in words: "Reliability checkpoint", "Check in with Ana".
    title: &'a str,
    /// `YYYY-MM-DD`: when it is due now (a snooze moves it).
    #[ts(type = "string")]
    due: Day,
    /// The date the area holds, when a snooze moved `due`.
    #[ts(type = "string | null")]
    snoozed_from: Option<Day>,
    bucket: Bucket,
    recurring: Option<Repeat>,
    /// The id of the row it is about, and the page that shows it.
    row_id: &'a str,
    area: &'static str,
}

impl Serialize for AgendaItem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        AgendaItemJson {
            id: ItemId(self.kind, &self.row_id),
            kind: self.kind,
            project_id: &self.project_id,
            project: &self.project,
            title: &self.title,
            due: self.due,
            snoozed_from: self.snoozed_from,
            bucket: self.bucket,
            recurring: self.recurring,
            row_id: &self.row_id,
            area: self.kind.area(),
        }
        .serialize(s)
    }
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
    let mut out = raw;
    let mut moved = false;
    if !marks.is_empty() {
        // Marks are few; items without one pass untouched.
        out.retain_mut(|item| {
            match marks.of(item) {
                Some(marks::Mark::Reviewed) => return false,
                Some(marks::Mark::Snoozed(day)) => {
                    item.snoozed_from = Some(item.due);
                    item.due = Day(*day);
                    moved = true;
                }
                None => {}
            }
            until.is_none_or(|u| item.due.0 <= u)
        });
    }
    for item in &mut out {
        item.bucket = Bucket::of(item.due.0, today);
    }
    // The sources come merged in order; only a snooze can move an item out of place.
    if moved {
        out.sort_by_key(|i| (i.due, i.kind as u8));
    }
    Ok(out)
}

/// An agenda's first screen: its first `limit` items, with how many there are in each bucket and
/// in all. A project with 20,000 risks lists ~14,000 review dates (5 MB of JSON); its page shows
/// 40 and asks for the rest once they are painted.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AgendaFirst {
    #[ts(as = "Vec<AgendaItemJson<'static>>")]
    pub items: Vec<AgendaItem>,
    pub counts: BucketCounts,
    pub total: u32,
}

/// Items per bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct BucketCounts {
    pub overdue: u32,
    pub today: u32,
    pub this_week: u32,
    pub later: u32,
}

/// The first `limit` items of `agenda(conn, today, q)`, and the counts of all of it.
pub fn agenda_first(
    conn: &Connection,
    today: NaiveDate,
    q: &AgendaQuery,
    limit: usize,
) -> Result<AgendaFirst> {
    let mut items = agenda(conn, today, q)?;
    let mut counts = BucketCounts::default();
    for i in &items {
        *match i.bucket {
            Bucket::Overdue => &mut counts.overdue,
            Bucket::Today => &mut counts.today,
            Bucket::ThisWeek => &mut counts.this_week,
            Bucket::Later => &mut counts.later,
        } += 1;
    }
    let total = u32::try_from(items.len()).unwrap_or(u32::MAX);
    items.truncate(limit);
    Ok(AgendaFirst {
        items,
        counts,
        total,
    })
}

/// How many items are overdue or due today, per project and in all: the sidebar's counts.
pub fn due_counts(conn: &Connection, today: NaiveDate) -> Result<HashMap<String, u32>> {
    let mut out: HashMap<String, u32> = HashMap::new();
    let q = AgendaQuery {
        days: Some(0),
        project_id: None,
    };
    for item in agenda(conn, today, &q)? {
        *out.entry(item.project_id.to_string()).or_default() += 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
