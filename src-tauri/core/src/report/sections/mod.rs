//! The report's sections, one renderer per area, in print order. Each draws nothing (not even
//! its heading) when its area has no data, so adding an area later means adding one renderer
//! to a list, never moving the others.

mod agenda;
mod columns;
mod compliance;
mod compliance_checks;
mod compliance_notes;
mod full;
mod goal_cards;
mod goals;
mod header;
mod heat_map;
mod pillars;
mod risks;
mod stakeholders;
mod table;
mod trend;
mod trend_compact;

// What the Overview's briefing shares with the printed page.
pub(super) use agenda::{coming, AHEAD};
pub(super) use compliance::next_review;
pub(super) use risks::critical;

use super::canvas::Canvas;
use super::fonts::Face;
use super::style;
use crate::agenda::AgendaItem;
use crate::compliance::{Compliance, RegulationSummary, Snapshot};
use crate::goals::Goal;
use crate::project::Project;
use crate::risks::{HeatMap, Risk};
use crate::scorecard::{Assessment, Scorecard};
use crate::stakeholders::Stakeholder;
use chrono::NaiveDate;

/// Everything a report shows, read before drawing starts.
pub struct ReportData {
    pub project: Project,
    pub card: Scorecard,
    /// In the user's order, judged on `as_of`.
    pub goals: Vec<Goal>,
    /// In the user's order, next check-ins judged on `as_of`.
    pub stakeholders: Vec<Stakeholder>,
    /// The goal the leading metric follows, when it follows one.
    pub leading: Option<Goal>,
    /// The five most severe risks not closed, for the scorecard.
    pub top_risks: Vec<Risk>,
    /// The whole register for the full report (empty for the scorecard alone, which never
    /// needs a long register read): risks not closed, then closed ones, most severe first.
    pub risks: Vec<Risk>,
    /// Counts of the risks not closed, per likelihood × impact cell.
    pub heat_map: HeatMap,
    /// Live risks, closed ones included.
    pub risk_count: u32,
    /// Per accepted regulation, the worst readiness of its scan rows, for the scorecard.
    pub regulations: Vec<RegulationSummary>,
    /// The compliance notes' last and next review, for the scorecard's compliance note.
    pub compliance_review: Snapshot,
    /// Everything compliance holds, for the full report only (none for the scorecard alone).
    pub compliance: Option<Compliance>,
    /// Every review date of the project, overdue first, then by date (judged on `as_of`).
    pub agenda: Vec<AgendaItem>,
    pub as_of: NaiveDate,
}

impl ReportData {
    /// The assessment the scorecard reflects: the latest dated on or before the "as of" day
    /// (or the latest of all, when every one is dated later).
    pub fn reflected(&self) -> Option<&Assessment> {
        let as_of = self.as_of.to_string();
        let list = &self.card.assessments;
        list.iter().rev().find(|a| a.date <= as_of).or(list.last())
    }

    /// Whether the current scores are exactly those frozen in `a`.
    pub fn unchanged_since(&self, a: &Assessment) -> bool {
        a.scores.len() == self.card.pillars.len()
            && self.card.pillars.iter().all(|p| {
                a.scores
                    .iter()
                    .any(|s| s.pillar_id == p.id && s.score == p.score && s.target == p.target)
            })
    }
}

pub type Section = fn(&ReportData, &mut Canvas);

/// The one-page scorecard, top to bottom; under the pillars, two columns ([`LEFT`], [`RIGHT`]).
pub const SCORECARD: &[Section] = &[
    header::draw,
    header::headline,
    pillars::draw,
    columns::lower_half,
];

/// A section of the scorecard's lower half, with whether it has anything to draw (a column
/// with nothing in it gives its width to the other) and the height it needs kept free while
/// the panels above it in its column fit what they can.
pub struct Panel {
    pub shows: fn(&ReportData) -> bool,
    pub draw: Section,
    pub reserve: fn(&ReportData, &Canvas) -> f32,
}

/// For a panel that takes whatever room is left.
fn no_reserve(_: &ReportData, _: &Canvas) -> f32 {
    0.0
}

/// The lower half's left column, top to bottom: the coming review dates take what the goals
/// leave at its foot (a little on Letter, more on A4), the right column being full.
pub const LEFT: &[Panel] = &[
    Panel {
        shows: trend::shows,
        draw: trend::draw,
        reserve: no_reserve,
    },
    Panel {
        shows: goals::shows,
        draw: goals::scorecard,
        reserve: no_reserve,
    },
    Panel {
        shows: agenda::shows,
        draw: agenda::scorecard,
        reserve: no_reserve,
    },
];

/// The lower half's right column: the top risks, then compliance readiness per regulation,
/// which the demo's Letter page only has room for on this side.
pub const RIGHT: &[Panel] = &[
    Panel {
        shows: risks::shows,
        draw: risks::scorecard,
        reserve: no_reserve,
    },
    Panel {
        shows: compliance::shows,
        draw: compliance::scorecard,
        reserve: compliance::reserve,
    },
];

/// The full tables after the scorecard, each starting on its own page, except the stakeholder
/// canvas, which follows the goals that name its people; the review dates close the report.
pub const FULL: &[Section] = &[
    full::pillars,
    full::history,
    goals::table,
    stakeholders::table,
    risks::register,
    compliance::part,
    agenda::table,
];

/// Height of a section heading; its title's baseline sits at [`HEADING_BASE`] below its top.
pub const HEADING_H: f32 = 20.0;
pub const HEADING_BASE: f32 = 12.0;

/// A section heading with an optional note on the right, kept on the page with the first
/// `keep` points of what follows. Returns the heading's top, for a section that sets more on
/// its line.
pub fn heading(c: &mut Canvas, title: &str, note: &str, keep: f32) -> f32 {
    heading_to(c, title, note, keep, c.right)
}

/// [`heading`] for something narrower than the page: the note ends at `right` when it fits
/// there, so it stays near what it explains.
pub fn heading_to(c: &mut Canvas, title: &str, note: &str, keep: f32, right: f32) -> f32 {
    let y = c.place_keeping(HEADING_H, keep);
    let base = y + HEADING_BASE;
    c.text(c.left, base, title, Face::Bold, style::H2, style::INK);
    if note.is_empty() {
        return y;
    }
    let title_end = c.left + c.width(title, Face::Bold, style::H2) + 24.0;
    let note = c.fit(note, Face::Regular, style::TINY, c.right - title_end);
    let end = right.max(title_end + c.width(&note, Face::Regular, style::TINY));
    let (size, color) = (style::TINY, style::MUTED);
    c.text_right(end.min(c.right), base, &note, Face::Regular, size, color);
    y
}

/// A heading repeated at the top of a page a section continues on.
pub fn continued(c: &mut Canvas, title: &str) {
    let y = c.place(16.0);
    let t = format!("{title} (continued)");
    c.text(c.left, y + 9.0, &t, Face::Bold, style::SMALL, style::MUTED);
}
