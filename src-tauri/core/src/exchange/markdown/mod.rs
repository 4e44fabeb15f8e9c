//! Markdown exchange: reading the worksheets users already keep (the production-readiness
//! method's scorecard, readiness checklist, North Star alignment, stakeholder canvas,
//! compliance primer and compliance notes) and writing a project back out in the same shape.
//!
//! Import runs in two steps so the window can show what will happen before anything is
//! written: [`plan`] reads the files (pure, no store) and says, per table, what it will create,
//! what it skips and why, and which columns it did not recognise; [`apply`] writes a plan in
//! one transaction through each area's own write functions, so validation and the change log
//! apply as if the user had typed every row. [`export`] writes the tables with the worksheets'
//! headings and column headings, so a user can paste them into a README or a wiki.
//!
//! The pieces: `parse` turns Markdown into tables, checkbox lists and "Key: value" lines with
//! their source lines; `recognise` says which worksheet a table is from its header; `values`
//! reads the cells users write (dates with U+2011 hyphens, emoji statuses); `plan` and `rows`
//! make typed rows; `apply` (and `apply_compliance`) writes them; `export` (and
//! `export_compliance`) writes Markdown.

mod apply;
mod apply_compliance;
mod export;
mod export_compliance;
mod parse;
mod plan;
mod recognise;
mod rows;
mod values;

pub use apply::apply;
pub use export::export;
pub use plan::plan;

use crate::compliance::{Readiness, Sensitive};
use crate::risks::RiskStatus;
use crate::stakeholders::Cadence;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The largest file `plan` reads; worksheets are a few kilobytes, so this only stops a wrong
/// file (a disk image, a video) from being parsed at all.
pub const FILE_MAX: usize = 16 * 1024 * 1024;
/// The longest cell read: as long as the longest field any area keeps (a pillar's evidence).
/// A longer cell skips its row with a reason rather than failing the whole file.
pub const CELL_MAX: usize = 20_000;

/// Where an imported row goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportArea {
    /// The project's North Star, leading metric and description ("**North Star:** ...").
    Project,
    Pillars,
    Goals,
    Stakeholders,
    Risks,
    ComplianceScan,
    /// The compliance notes' snapshot: last reviewed, next review, owner.
    Snapshot,
    DataInventory,
    Triggers,
    Vendors,
    Controls,
    Reviews,
}

impl ImportArea {
    /// In words, for the preview and the CLI.
    pub fn label(self) -> &'static str {
        match self {
            ImportArea::Project => "project",
            ImportArea::Pillars => "scorecard pillars",
            ImportArea::Goals => "North Star goals",
            ImportArea::Stakeholders => "stakeholders",
            ImportArea::Risks => "risks",
            ImportArea::ComplianceScan => "compliance scan",
            ImportArea::Snapshot => "compliance snapshot",
            ImportArea::DataInventory => "data inventory",
            ImportArea::Triggers => "regulatory triggers",
            ImportArea::Vendors => "vendors",
            ImportArea::Controls => "controls",
            ImportArea::Reviews => "review history",
        }
    }
}

/// What the files would do to a project, before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPlan {
    /// Every table, checkbox list and block of "Key: value" lines found, in file order.
    pub tables: Vec<TablePlan>,
    /// Rows to create over all tables.
    pub creates: u32,
    /// Rows skipped over all tables.
    pub skips: u32,
}

/// Whether a block came from a table, a checkbox list or "Key: value" lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Table,
    Checklist,
    Fields,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TablePlan {
    pub file: String,
    /// 1-based line of the table's header (or the list's first item).
    pub line: u32,
    pub kind: BlockKind,
    /// The headings above it, outermost first: ["Compliance Notes – Template", "Data Inventory"].
    pub heading: Vec<String>,
    /// Where its rows go; none when Northstar has no place for it (then `note` says why).
    pub area: Option<ImportArea>,
    /// The header cells recognised, as written.
    pub columns: Vec<String>,
    /// The header cells not recognised, as written: their cells are not imported.
    pub unrecognised: Vec<String>,
    pub rows: Vec<PlannedRow>,
    pub skipped: Vec<SkippedRow>,
    /// Why the whole block is not imported, or a remark about it; empty when none.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlannedRow {
    pub line: u32,
    /// A short label: the pillar's name, the goal, the vendor...
    pub label: String,
    /// Remarks on how a cell was read ("status “In progress” read as score 3 of target 4").
    pub notes: Vec<String>,
    pub row: NewRow,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SkippedRow {
    pub line: u32,
    pub label: String,
    pub reason: String,
}

/// A project field set from a "Key: value" line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProjectField {
    NorthStar,
    LeadingMetric,
    Description,
}

/// A snapshot field set from a "Key: value" line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SnapshotField {
    LastReviewed,
    NextReviewDate,
    NextReviewMilestone,
    Owner,
}

/// One typed row to write. Text fields keep the cell's Markdown as written (`\|` unescaped,
/// `<br>` as a line break); dates are `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum NewRow {
    Project {
        field: ProjectField,
        value: String,
    },
    /// A pillar; filled in when the project already has one of that name.
    Pillar {
        name: String,
        score: Option<u8>,
        /// None: the default target (4), or the existing pillar's.
        target: Option<u8>,
        evidence: String,
        owner: String,
        next_checkpoint: Option<String>,
    },
    Goal {
        goal: String,
        metric: String,
        deadline: Option<String>,
        guardrail: String,
        /// Stakeholder names, linked when the canvas has them.
        stakeholders: Vec<String>,
        /// Risks & mitigations as written; linked to risks when every part names one.
        risks: String,
    },
    Stakeholder {
        name: String,
        why: String,
        success: String,
        cadence: Option<Cadence>,
        channel: String,
        open_questions: String,
        owner: String,
        last_check_in: Option<String>,
    },
    Risk {
        title: String,
        description: String,
        likelihood: u8,
        impact: u8,
        mitigation: String,
        owner: String,
        status: RiskStatus,
        /// Why it was closed, for a closed risk.
        closing_note: String,
        review_date: Option<String>,
    },
    Scan {
        area: String,
        /// The regulation's short name ("GDPR"); added to the library when it has none such.
        regulation: String,
        readiness: Option<Readiness>,
        proof: String,
        gaps: String,
        owner: String,
        review_date: Option<String>,
    },
    Snapshot {
        field: SnapshotField,
        value: String,
    },
    Inventory {
        category: String,
        source: String,
        storage: String,
        retention: String,
        access: String,
        kind: Option<Sensitive>,
    },
    Trigger {
        standard: String,
        why: String,
        controls: String,
        status: String,
    },
    Vendor {
        name: String,
        data_shared: String,
        verified: bool,
        verified_with: String,
        actions: String,
        recheck_date: Option<String>,
    },
    Control {
        label: String,
        done: bool,
    },
    Review {
        date: Option<String>,
        reviewer: String,
        findings: String,
    },
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportReport {
    pub project_id: String,
    pub project_name: String,
    /// No project had that name, so the import made it.
    pub project_created: bool,
    /// Per area, in the order written.
    pub areas: Vec<ImportAreaCount>,
    /// Rows left as they were (already there) and links that could not be made, in words.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportAreaCount {
    pub area: ImportArea,
    pub created: u32,
    /// Existing rows filled in (pillars of the same name, the snapshot, project fields).
    pub updated: u32,
    /// Rows already there, left as they were.
    pub kept: u32,
}

#[cfg(test)]
mod tests;
