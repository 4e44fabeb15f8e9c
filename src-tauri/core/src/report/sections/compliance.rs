//! Compliance in print. On the scorecard, under the top risks: each accepted regulation's worst
//! readiness as symbol, word and colour (so it survives a black-and-white printer) with its
//! scan rows, and when it was last reviewed and is next. In the full report, a part starting its
//! own page: the regulations as decided, the scan with the primer's column headings, then the
//! notes ([`compliance_notes`]).
//!
//! [`compliance_notes`]: super::compliance_notes

use super::compliance_notes::{self, date_cell, or_dash};
use super::goals::{fitting, more_line};
use super::table::{Align, Cell, Col, Row, Table};
use super::{heading, ReportData, HEADING_H};
use crate::compliance::{
    Compliance, ProjectRegulation, RegulationStatus, RegulationSummary, ScanRow, Snapshot,
    MILESTONES,
};
use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::style::{self, readiness_color, readiness_words};
use chrono::NaiveDate;

const TITLE: &str = "Compliance";
const ROW_H: f32 = 12.0;
/// The review line under the rows, when the heading has no room for it.
const LINE_H: f32 = 11.0;
const GAP: f32 = 8.0;

pub fn shows(d: &ReportData) -> bool {
    !d.regulations.is_empty()
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A milestone key in words ("launch_day" is "Launch day"); the user's own words as typed.
fn milestone(m: &str) -> &str {
    MILESTONES
        .iter()
        .find(|(key, _)| *key == m)
        .map_or(m, |(_, label)| label)
}

/// "Launch day (to be dated)", "Launch day, 2026-12-15", "2026-12-15, overdue"; none when
/// nothing is planned.
pub(in crate::report) fn next_review(s: &Snapshot, as_of: NaiveDate) -> Option<(String, bool)> {
    let m = milestone(s.next_review_milestone.trim());
    let overdue = s
        .next_review_date
        .as_deref()
        .is_some_and(|day| day < as_of.to_string().as_str());
    let words = match (s.next_review_date.as_deref(), m) {
        (Some(day), "") => day.to_owned(),
        (Some(day), m) => format!("{m}, {day}"),
        (None, "") => return None,
        (None, m) => format!("{m} (to be dated)"),
    };
    Some(if overdue {
        (format!("{words}, overdue"), true)
    } else {
        (words, false)
    })
}

/// "last reviewed 2026-11-20 · next: Launch day (to be dated)".
fn review_words(s: &Snapshot, as_of: NaiveDate) -> String {
    let last = match &s.last_reviewed {
        Some(day) => format!("last reviewed {day}"),
        None => "not reviewed yet".to_owned(),
    };
    match next_review(s, as_of) {
        Some((next, _)) => format!("{last} · next: {next}"),
        None => last,
    }
}

/// The heading's note, and the review words on a line of their own when a column is too narrow
/// to hold them beside the title.
fn notes(d: &ReportData, c: &Canvas) -> (String, Option<String>) {
    let regs = count(d.regulations.len(), "regulation", "regulations");
    let review = review_words(&d.compliance_review, d.as_of);
    let full = format!("{regs} · {review}");
    let room = c.content_width() - c.width(TITLE, Face::Bold, style::H2) - 24.0;
    if c.width(&full, Face::Regular, style::TINY) <= room {
        return (full, None);
    }
    let mut line = review[..1].to_uppercase();
    line.push_str(&review[1..]);
    (regs, Some(line))
}

fn height(d: &ReportData, c: &Canvas) -> f32 {
    let below = if notes(d, c).1.is_some() { LINE_H } else { 0.0 };
    HEADING_H + d.regulations.len() as f32 * ROW_H + below
}

/// The whole block, kept free under the top risks; never more than half the column, so the
/// risks keep room for a few cards when a workspace has many regulations.
pub fn reserve(d: &ReportData, c: &Canvas) -> f32 {
    height(d, c).min(c.room() / 2.0)
}

pub fn scorecard(d: &ReportData, c: &mut Canvas) {
    if !shows(d) {
        return;
    }
    let (note, below) = notes(d, c);
    let below_h = if below.is_some() { LINE_H } else { 0.0 };
    // Never a second page: without room for the heading and a row, the full report has it all.
    if c.room() + 0.01 < HEADING_H + ROW_H + below_h {
        return;
    }
    let y = heading(c, TITLE, &note, ROW_H + below_h);
    c.rule(c.left, c.right, y + HEADING_H - 1.0, style::FAINT);
    let regs = &d.regulations;
    let shown = fitting(&vec![ROW_H; regs.len()], c.room() - below_h);
    let code_w = regs
        .iter()
        .map(|r| c.width(&r.code, Face::Bold, style::SMALL))
        .fold(0.0, f32::max)
        .min(c.content_width() * 0.4);
    for r in &regs[..shown] {
        row(c, r, code_w);
    }
    more_line(c, regs.len() - shown, "regulation", "regulations");
    if let Some(t) = below {
        let y = c.place(LINE_H);
        let t = c.fit(&t, Face::Regular, style::TINY, c.content_width());
        c.text(
            c.left,
            y + 8.0,
            &t,
            Face::Regular,
            style::TINY,
            style::MUTED,
        );
    }
    c.skip(style::SECTION_GAP);
}

/// "GDPR   ◐ Partial   1 scan row".
fn row(c: &mut Canvas, r: &RegulationSummary, code_w: f32) {
    let y = c.place(ROW_H);
    let base = y + 8.5;
    let code = c.fit(&r.code, Face::Bold, style::SMALL, code_w);
    c.text(c.left, base, &code, Face::Bold, style::SMALL, style::INK);
    let x = c.left + code_w + GAP;
    let (size, face) = (style::SMALL, Face::Regular);
    match r.worst {
        Some(w) => {
            c.text(x, base, &readiness_words(w), face, size, readiness_color(w));
            let rows = count(r.rows as usize, "scan row", "scan rows");
            c.text_right(c.right, base, &rows, face, style::TINY, style::MUTED);
        }
        None => c.text(x, base, "– no scan rows", face, size, style::FAINT),
    }
    c.rule(c.left, c.right, y + ROW_H, style::RULE);
}

/// Whether the project has said anything about compliance: the seeded controls and the
/// standing questions alone do not make a part worth printing.
fn has_content(k: &Compliance) -> bool {
    let s = &k.snapshot;
    !k.regulations.is_empty()
        || !k.scan.is_empty()
        || s.last_reviewed.is_some()
        || s.next_review_date.is_some()
        || !s.next_review_milestone.trim().is_empty()
        || !s.owner.trim().is_empty()
        || !k.data_inventory.is_empty()
        || !k.triggers.is_empty()
        || !k.vendors.is_empty()
        || !k.reviews.is_empty()
        || k.controls.iter().any(|x| x.done)
        || k.questions
            .iter()
            .any(|q| q.done || !q.note.trim().is_empty())
}

/// The full report's compliance part, on a page of its own.
pub fn part(d: &ReportData, c: &mut Canvas) {
    let Some(k) = &d.compliance else {
        return;
    };
    if !has_content(k) {
        return;
    }
    c.new_page_unless_fresh();
    let note = format!(
        "a lightweight risk scan, not legal advice · as of {}",
        d.as_of
    );
    let table = regulations_table(c);
    heading(c, TITLE, &note, table.keep());
    if !k.regulations.is_empty() {
        table.draw(c, k.regulations.iter().map(regulation_row));
        c.skip(style::SECTION_GAP);
    }
    scan(d, c, &k.scan);
    compliance_notes::draw(d, c, k);
}

fn regulations_table(c: &Canvas) -> std::rc::Rc<Table> {
    let small = |t: &str| c.width(t, Face::Regular, style::SMALL).ceil() + 2.0;
    let cols = vec![
        Col::new("Regulation", 0.0, Align::Left),
        Col::new("Decision", small("Dismissed"), Align::Left),
        Col::new("Worst readiness", small("– no scan rows"), Align::Left),
        Col::new("Scan rows", small("Scan rows"), Align::Right),
        Col::new("Proposed by / why dismissed", 0.0, Align::Left),
    ];
    Table::new(c, "Regulations", cols, None)
}

fn regulation_row(r: &ProjectRegulation) -> Row {
    let reg = &r.regulation;
    let name = if reg.name.trim() == reg.code.trim() {
        String::new()
    } else {
        reg.name.clone()
    };
    let (decision, color) = match r.status {
        RegulationStatus::Accepted => ("Accepted", style::INK),
        RegulationStatus::Dismissed => ("Dismissed", style::MUTED),
        RegulationStatus::Proposed => ("Proposed", style::AMBER),
    };
    let worst = match (r.status, r.worst) {
        (_, Some(w)) => Cell::new(readiness_words(w)).color(readiness_color(w)),
        (RegulationStatus::Accepted, None) => Cell::new("– no scan rows").color(style::FAINT),
        _ => Cell::new(""),
    };
    let why = match r.status {
        RegulationStatus::Dismissed => r.reason.clone(),
        _ if r.proposed_by.is_empty() => "Added by hand".to_owned(),
        _ => r.proposed_by.join("; "),
    };
    Row {
        cells: vec![
            Cell::new(reg.code.clone()).bold().then(name, style::MUTED),
            Cell::new(decision).color(color),
            worst,
            Cell::new(r.rows.to_string()),
            Cell::new(why),
        ],
        detail: None,
    }
}

/// The scan with the primer's seven columns, an overdue review date said in words.
fn scan(d: &ReportData, c: &mut Canvas, rows: &[ScanRow]) {
    if rows.is_empty() {
        return;
    }
    let head = |t: &str| c.width(t, Face::Bold, style::TINY).ceil() + 2.0;
    let small = |t: &str| c.width(t, Face::Regular, style::SMALL).ceil() + 2.0;
    let cols = vec![
        Col::new("Data / Feature Area", 0.0, Align::Left),
        Col::new("Potential Regulation", head("Regulation"), Align::Left),
        Col::new("Current Readiness", small("◐ Missing"), Align::Left),
        Col::new("Proof / References", 0.0, Align::Left),
        Col::new("Gaps & Next Actions", 0.0, Align::Left),
        Col::new("Owner", 56.0, Align::Left),
        Col::new(
            "Review Date",
            small("2026-12-31").max(head("Review Date")),
            Align::Left,
        ),
    ];
    let title = "Compliance scan";
    let table = Table::new(c, title, cols, None);
    let mut note = vec![count(rows.len(), "row", "rows")];
    let as_of = d.as_of.to_string();
    let overdue = rows
        .iter()
        .filter(|r| {
            r.review_date
                .as_deref()
                .is_some_and(|day| day < as_of.as_str())
        })
        .count();
    if overdue > 0 {
        note.push(format!("{overdue} overdue for review"));
    }
    heading(c, title, &note.join(" · "), table.keep());
    table.draw(
        c,
        rows.iter().map(|r| Row {
            cells: vec![
                Cell::new(r.area.clone()).bold(),
                Cell::new(r.regulation.clone()),
                Cell::new(readiness_words(r.readiness)).color(readiness_color(r.readiness)),
                Cell::new(r.proof.clone()),
                Cell::new(r.gaps.clone()),
                or_dash(&r.owner),
                date_cell(r.review_date.as_deref(), d),
            ],
            detail: None,
        }),
    );
    c.skip(style::SECTION_GAP);
}
