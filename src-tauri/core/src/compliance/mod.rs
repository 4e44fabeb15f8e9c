//! Compliance: a lightweight risk scan, not legal advice. Three trigger questions propose
//! regulations from the workspace's library; the user accepts or dismisses each; scan rows say
//! how ready each data or feature area is; the compliance notes hold the snapshot, the data
//! inventory (sensitive rows no accepted regulation covers are flagged), the regulatory
//! triggers, vendors, controls, the questions to revisit and an append-only review history.

mod edit;
mod notes;
mod proposals;
mod read;
mod reviews;
mod sample;

pub use edit::{
    add_regulation, add_scan_row, decide, edit_scan_row, edit_snapshot, remove_scan_row,
    set_answers, Decision, NewRegulation, NewScanRow, ScanEdit, SnapshotEdit,
};
pub(crate) use edit::{add_regulation_in, add_scan_row_in, edit_snapshot_in, set_answers_in};
pub use notes::{
    add_control, add_inventory_row, add_trigger, add_vendor, edit_inventory_row, edit_trigger,
    edit_vendor, remove_control, remove_inventory_row, remove_trigger, remove_vendor, set_question,
    tick_control, InventoryEdit, NewInventoryRow, NewTrigger, NewVendor, TriggerEdit, VendorEdit,
};
pub(crate) use notes::{
    add_control_in, add_inventory_row_in, add_trigger_in, add_vendor_in, seed_in, set_question_in,
    tick_control_in,
};
pub use proposals::proposals;
pub use read::{
    answers, compliance, library, notes_view, regulation_names, reviews_view, scan_view, snapshot,
    summary, Compliance, NotesView, RegulationSummary, ScanView,
};
pub(crate) use reviews::record_review_in;
pub use reviews::{record_review, NewReview};
pub use sample::sample_compliance;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const SHORT_MAX: usize = 200;
pub const LONG_MAX: usize = 10_000;

/// The first trigger question's choices: where the users are and what data is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DataKind {
    EuPersonal,
    UsHealth,
    Card,
    Student,
    Children,
    None,
}

impl DataKind {
    pub const ALL: [DataKind; 6] = [
        DataKind::EuPersonal,
        DataKind::UsHealth,
        DataKind::Card,
        DataKind::Student,
        DataKind::Children,
        DataKind::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DataKind::EuPersonal => "eu_personal",
            DataKind::UsHealth => "us_health",
            DataKind::Card => "card",
            DataKind::Student => "student",
            DataKind::Children => "children",
            DataKind::None => "none",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DataKind::EuPersonal => "EU residents' personal data",
            DataKind::UsHealth => "US health information",
            DataKind::Card => "payment card data",
            DataKind::Student => "student records",
            DataKind::Children => "children under 13",
            DataKind::None => "none of these",
        }
    }

    fn parse(s: &str) -> Option<DataKind> {
        DataKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The third question's choices: a regulated industry served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Industry {
    /// No regulated industry.
    None,
    Healthcare,
    Education,
    Finance,
    Government,
    Other,
}

impl Industry {
    pub const ALL: [Industry; 6] = [
        Industry::None,
        Industry::Healthcare,
        Industry::Education,
        Industry::Finance,
        Industry::Government,
        Industry::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Industry::None => "",
            Industry::Healthcare => "healthcare",
            Industry::Education => "education",
            Industry::Finance => "finance",
            Industry::Government => "government",
            Industry::Other => "other",
        }
    }

    fn parse(s: &str) -> Option<Industry> {
        Industry::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The trigger questions' answers; `None` is "not answered yet".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Answers {
    #[serde(default)]
    #[ts(optional)]
    pub data: Option<Vec<DataKind>>,
    #[serde(default)]
    #[ts(optional)]
    pub payments: Option<bool>,
    #[serde(default)]
    #[ts(optional)]
    pub industry: Option<Industry>,
    /// Which industry, in the user's words ("fintech lending", "K-12 schools").
    #[serde(default)]
    pub industry_detail: String,
}

/// A kind of sensitive data an inventory row holds and a regulation covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sensitive {
    Personal,
    Health,
    Payment,
    Student,
    Children,
}

impl Sensitive {
    pub const ALL: [Sensitive; 5] = [
        Sensitive::Personal,
        Sensitive::Health,
        Sensitive::Payment,
        Sensitive::Student,
        Sensitive::Children,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sensitive::Personal => "personal",
            Sensitive::Health => "health",
            Sensitive::Payment => "payment",
            Sensitive::Student => "student",
            Sensitive::Children => "children",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sensitive::Personal => "Personal data",
            Sensitive::Health => "Health data",
            Sensitive::Payment => "Payment data",
            Sensitive::Student => "Student data",
            Sensitive::Children => "Children's data",
        }
    }

    pub fn parse(s: &str) -> Option<Sensitive> {
        Sensitive::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How ready a scan row's area is, worst last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Readiness {
    Ready,
    Partial,
    Missing,
}

impl Readiness {
    pub fn as_str(self) -> &'static str {
        match self {
            Readiness::Ready => "ready",
            Readiness::Partial => "partial",
            Readiness::Missing => "missing",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Readiness::Ready => "Ready",
            Readiness::Partial => "Partial",
            Readiness::Missing => "Missing",
        }
    }

    pub fn parse(s: &str) -> Option<Readiness> {
        [Readiness::Ready, Readiness::Partial, Readiness::Missing]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// One regulation of the workspace's library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Regulation {
    pub id: String,
    /// "GDPR", "SOC 2".
    pub code: String,
    pub name: String,
    /// When it applies, in one line.
    pub applies_when: String,
    /// Typical controls.
    pub controls: String,
    pub covers: Option<Sensitive>,
    pub builtin: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RegulationStatus {
    /// Proposed by the answers, not decided yet.
    Proposed,
    Accepted,
    Dismissed,
}

/// A regulation as one project stands on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProjectRegulation {
    pub regulation: Regulation,
    pub status: RegulationStatus,
    /// Why it was dismissed.
    pub reason: String,
    /// The answers that propose it ("EU residents' personal data"); empty when added by hand.
    pub proposed_by: Vec<String>,
    /// The worst readiness across its scan rows; none without rows.
    pub worst: Option<Readiness>,
    pub rows: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScanRow {
    pub id: String,
    /// Data / feature area.
    pub area: String,
    pub regulation_id: String,
    pub regulation: String,
    pub readiness: Readiness,
    /// Proof / references; links in it open in the browser.
    pub proof: String,
    /// Gaps & next actions.
    pub gaps: String,
    pub owner: String,
    pub review_date: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Snapshot {
    pub last_reviewed: Option<String>,
    pub next_review_date: Option<String>,
    /// "launch_day", "first_paying_customer", "annual_audit" or the user's own words; "" none.
    pub next_review_milestone: String,
    /// A milestone is named but not dated yet: shown as "to be dated".
    pub undated: bool,
    pub owner: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InventoryRow {
    pub id: String,
    pub category: String,
    pub source: String,
    pub storage: String,
    pub retention: String,
    pub access: String,
    pub kind: Option<Sensitive>,
    /// Sensitive data no accepted regulation's scan row covers, in words, with the regulation
    /// it probably needs.
    pub flag: Option<String>,
    /// The id of that regulation.
    pub needs: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TriggerRow {
    pub id: String,
    /// Standard / law.
    pub standard: String,
    /// Why it applies (or not).
    pub why: String,
    /// Required controls.
    pub controls: String,
    /// Status / notes.
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Vendor {
    pub id: String,
    pub name: String,
    pub data_shared: String,
    pub verified: bool,
    /// With what: "SOC 2 report reviewed".
    pub verified_with: String,
    pub verified_on: Option<String>,
    pub actions: String,
    /// Defaults to a year after verification.
    pub recheck_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Control {
    pub id: String,
    pub label: String,
    pub done: bool,
    /// Who ticked it, and when (RFC 3339), while ticked.
    pub done_by: String,
    pub done_at: Option<String>,
}

/// A question to revisit, ticked with a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Question {
    /// "transfers", "vendors", "incidents", "next_review".
    pub key: String,
    pub text: String,
    pub done: bool,
    pub note: String,
}

/// One review history entry; never edited or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Review {
    pub id: String,
    pub date: String,
    pub reviewer: String,
    pub findings: String,
    /// The earlier entry this one corrects.
    pub corrects: Option<String>,
    pub created_at: String,
}

/// The four questions to revisit, from the primer.
pub const QUESTIONS: [(&str, &str); 4] = [
    (
        "transfers",
        "Do we transfer data across borders that require additional agreements?",
    ),
    (
        "vendors",
        "Which third-party vendors store or process sensitive data on our behalf?",
    ),
    (
        "incidents",
        "Are incident response and breach notification steps documented for each regulation?",
    ),
    (
        "next_review",
        "When is our next compliance review, and what evidence will we present?",
    ),
];

/// The controls every project starts with.
pub const STARTING_CONTROLS: [&str; 4] = [
    "HTTPS enforced across environments",
    "MFA enabled for admin consoles",
    "Secrets stored outside the repo",
    "Database encrypted at rest and in transit",
];

/// The milestones offered for the next review (users may write their own).
pub const MILESTONES: [(&str, &str); 3] = [
    ("launch_day", "Launch day"),
    ("first_paying_customer", "First paying customer"),
    ("annual_audit", "Annual audit"),
];

#[cfg(test)]
mod tests;
