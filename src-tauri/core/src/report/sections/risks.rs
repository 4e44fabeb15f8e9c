//! Risks: on the scorecard, the five most severe not closed, each a card with its band as a
//! coloured edge and word, owner and review date (overdue said in words); in the full report,
//! the risk register on its own page: the heat map, then every risk in a table whose headings
//! repeat on each page, closed ones last with their closing note.

use super::goals::{fitting, more_line};
use super::heat_map::{self, n_risks};
use super::table::{Align, Cell, Col, Row, Table};
use super::{heading, ReportData, HEADING_H};
use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::style::{self, band_color};
use crate::risks::{Band, Risk, RiskStatus};
use std::collections::HashMap;

const NAME: f32 = 8.5;
const PAD_TOP: f32 = 3.0;
const PAD_BOTTOM: f32 = 3.0;
const FIRST: f32 = 10.0;
const LINE: f32 = 9.0;
/// A card with a one-line title; a second title line adds [`TITLE_LINE`].
const ROW_H: f32 = PAD_TOP + FIRST + LINE + PAD_BOTTOM;
const TITLE_LINE: f32 = 10.0;
/// The band's coloured edge, and the text's indent after it.
const EDGE: f32 = 2.5;
const INDENT: f32 = 8.0;
const GAP: f32 = 8.0;

pub fn shows(d: &ReportData) -> bool {
    d.risk_count > 0
}

/// Critical risks not closed.
pub(in crate::report) fn critical(d: &ReportData) -> u32 {
    let critical = d.heat_map.cells.iter().filter(|k| k.band == Band::Critical);
    critical.map(|k| k.count).sum()
}

/// "5 of 12 not closed · 2 critical".
fn scorecard_note(d: &ReportData) -> String {
    let (top, open) = (d.top_risks.len() as u32, d.heat_map.total);
    let mut note = if top < open {
        format!("{top} of {open} not closed")
    } else {
        format!("{open} not closed")
    };
    match critical(d) {
        0 => {}
        n => note.push_str(&format!(" · {n} critical")),
    }
    note
}

pub fn scorecard(d: &ReportData, c: &mut Canvas) {
    if !shows(d) {
        return;
    }
    if d.top_risks.is_empty() {
        // Every risk is closed: worth saying on a handout, in one line.
        heading(c, "Top risks", "", FIRST + 4.0);
        let y = c.place(FIRST + 4.0);
        let closed = d.risk_count;
        let t = format!("None open · {} closed, in the full report", n_risks(closed));
        let t = c.fit(&t, Face::Regular, style::SMALL, c.content_width());
        c.text(
            c.left,
            y + 9.0,
            &t,
            Face::Regular,
            style::SMALL,
            style::TEXT,
        );
        c.skip(style::SECTION_GAP);
        return;
    }
    let titles: Vec<Vec<String>> = d.top_risks.iter().map(|r| title_lines(c, r)).collect();
    let heights: Vec<f32> = titles.iter().map(|t| card_height(t.len())).collect();
    let y = heading(c, "Top risks", &scorecard_note(d), heights[0] + 2.0);
    c.rule(c.left, c.right, y + HEADING_H - 1.0, style::FAINT);
    let shown = fitting(&heights, c.room());
    for (r, title) in d.top_risks.iter().zip(&titles).take(shown) {
        card(c, r, title);
    }
    more_line(c, d.top_risks.len() - shown, "risk", "risks");
    c.skip(style::SECTION_GAP);
}

/// The title on at most two lines, the second cut with an ellipsis when more is left.
fn title_lines(c: &Canvas, r: &Risk) -> Vec<String> {
    let w = c.content_width() - INDENT;
    let mut lines = c.wrap(&r.title, Face::Bold, NAME, w);
    if lines.len() > 2 {
        let rest = lines[1..].join(" ");
        lines.truncate(1);
        lines.push(c.fit(&format!("{rest} …"), Face::Bold, NAME, w));
    }
    lines
}

fn card_height(title_lines: usize) -> f32 {
    ROW_H + (title_lines.max(1) - 1) as f32 * TITLE_LINE
}

/// The title over band and severity, owner (and status unless open), and the review date.
fn card(c: &mut Canvas, r: &Risk, title: &[String]) {
    let h = card_height(title.len());
    let y = c.place(h);
    let base = y + PAD_TOP + 7.5;
    let color = band_color(r.band);
    c.rect(c.left, y + PAD_TOP, EDGE, h - PAD_TOP - PAD_BOTTOM, color);
    let x = c.left + INDENT;
    for (i, line) in title.iter().enumerate() {
        let b = base + i as f32 * TITLE_LINE;
        c.text(x, b, line, Face::Bold, NAME, style::INK);
    }
    let second = base + (title.len().max(1) - 1) as f32 * TITLE_LINE + LINE;

    // "high · 12", then the owner where the widest band and severity would end.
    let size = style::TINY;
    let word = r.band.label();
    c.text(x, second, word, Face::Bold, size, color);
    let sev = format!(" · {}", r.severity);
    let sx = x + c.width(word, Face::Bold, size);
    c.text(sx, second, &sev, Face::Regular, size, style::MUTED);
    let widest = Band::ALL
        .iter()
        .map(|b| c.width(b.label(), Face::Bold, size))
        .fold(0.0, f32::max);
    let owner_x = x + widest + c.width(" · 25", Face::Regular, size) + GAP;

    let (review, review_color) = match (&r.review_date, r.review_overdue) {
        (Some(day), true) => (format!("review {day}, overdue"), style::RED),
        (Some(day), false) => (format!("review {day}"), style::TEXT),
        (None, _) => ("no review date".to_owned(), style::FAINT),
    };
    let review_w = c.width(&review, Face::Regular, size);
    c.text_right(c.right, second, &review, Face::Regular, size, review_color);

    let owner = match r.owner.trim() {
        "" => "no owner",
        o => o,
    };
    let who = match r.status {
        RiskStatus::Open => owner.to_owned(),
        s => format!("{owner} · {}", s.as_str()),
    };
    let who = c.fit(
        &who,
        Face::Regular,
        size,
        c.right - review_w - GAP - owner_x,
    );
    let who_color = if r.owner.trim().is_empty() {
        style::MUTED
    } else {
        style::TEXT
    };
    c.text(owner_x, second, &who, Face::Regular, size, who_color);
    c.rule(c.left, c.right, y + h, style::RULE);
}

/// The full report's risk register: a page of its own, opening with the heat map.
pub fn register(d: &ReportData, c: &mut Canvas) {
    if d.risks.is_empty() {
        return;
    }
    c.new_page_unless_fresh();
    let closed = d.risk_count.saturating_sub(d.heat_map.total);
    let mut note = format!(
        "{} · {} not closed",
        n_risks(d.risk_count),
        d.heat_map.total
    );
    match critical(d) {
        0 => {}
        n => note.push_str(&format!(" · {n} critical")),
    }
    note.push_str(&format!(" · as of {}", d.as_of));
    let title = "Risk register";
    heading(c, title, &note, heat_map::height());
    heat_map::draw(c, &d.heat_map, closed);
    c.skip(style::SECTION_GAP);

    let table = Table::new(c, title, columns(c), None);
    // The column headings go with the first row, never alone under the heat map.
    c.place_keeping(0.0, table.keep());
    let names: HashMap<&str, &str> = d
        .goals
        .iter()
        .map(|g| (g.id.as_str(), g.goal.as_str()))
        .chain(
            d.stakeholders
                .iter()
                .map(|s| (s.id.as_str(), s.name.as_str())),
        )
        .collect();
    table.draw(c, d.risks.iter().map(|r| row(r, &names)));
    c.skip(style::SECTION_GAP);
}

/// The register's columns: the two with long text share what the short ones leave.
fn columns(c: &Canvas) -> Vec<Col> {
    let head = |t: &str| c.width(t, Face::Bold, style::TINY).ceil() + 2.0;
    let small = |t: &str| c.width(t, Face::Regular, style::SMALL).ceil() + 2.0;
    vec![
        Col::new("Risk", 0.0, Align::Left),
        Col::new("Likelihood", head("Likelihood"), Align::Center),
        Col::new("Impact", head("Impact"), Align::Center),
        Col::new("Severity", small("25 critical"), Align::Left),
        Col::new("Mitigation", 0.0, Align::Left),
        Col::new("Owner", 60.0, Align::Left),
        Col::new("Status", small("mitigating"), Align::Left),
        Col::new("Review date", small("2026-12-31"), Align::Left),
    ]
}

fn row(r: &Risk, names: &HashMap<&str, &str>) -> Row {
    let closed = r.status == RiskStatus::Closed;
    // A closed risk reads as history: muted, its band in words only.
    let quiet = |cell: Cell, color| {
        if closed {
            cell.color(style::MUTED)
        } else {
            cell.color(color)
        }
    };
    let title = quiet(Cell::new(r.title.clone()).bold(), style::INK);
    let dash = || Cell::new("—").color(style::FAINT);
    let mitigation = match r.mitigation.trim() {
        "" => dash(),
        m => Cell::new(m),
    };
    let owner = match r.owner.trim() {
        "" => dash(),
        o => Cell::new(o),
    };
    let status = quiet(Cell::new(r.status.as_str()), style::TEXT);
    let review = match (&r.review_date, r.review_overdue) {
        (Some(day), true) => Cell::new(day.clone())
            .color(style::RED)
            .then("overdue", style::RED),
        (Some(day), false) => Cell::new(day.clone()),
        (None, _) => dash(),
    };
    let severity = format!("{} {}", r.severity, r.band.label());
    Row {
        cells: vec![
            title,
            Cell::new(r.likelihood.to_string()),
            Cell::new(r.impact.to_string()),
            quiet(Cell::new(severity), band_color(r.band)),
            mitigation,
            owner,
            status,
            review,
        ],
        detail: detail(r, names).map(|t| Cell::new(t).color(style::MUTED)),
    }
}

/// Under the row: the description, what the risk threatens (by name), the band's last move,
/// and for a closed risk why it was closed.
fn detail(r: &Risk, names: &HashMap<&str, &str>) -> Option<String> {
    let mut facts: Vec<String> = Vec::new();
    let threatened: Vec<&str> = r
        .goals
        .iter()
        .chain(&r.stakeholders)
        .filter_map(|id| names.get(id.as_str()).copied())
        .collect();
    if !threatened.is_empty() {
        facts.push(format!("Threatens: {}", threatened.join("; ")));
    }
    if let Some(b) = &r.band_change {
        facts.push(format!("Was {} until {}", b.was.label(), b.since));
    }
    let mut paras: Vec<String> = Vec::new();
    let description = r.description.trim();
    if !description.is_empty() {
        paras.push(description.to_owned());
    }
    if !facts.is_empty() {
        paras.push(facts.join(" · "));
    }
    let note = r.closing_note.trim();
    if r.status == RiskStatus::Closed && !note.is_empty() {
        paras.push(format!("Closed: {note}"));
    }
    (!paras.is_empty()).then(|| paras.join("\n"))
}
