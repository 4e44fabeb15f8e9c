//! Review dates in print. On the scorecard, at the foot of the left column: what is overdue
//! and what falls due in the next 30 days, date and title, overdue said in words, many items of
//! one kind on one day grouped ("9 Dec · 12 pillar checkpoints"), as many as fit, then how many
//! more the full report carries. In the full report, every review date of the project in a
//! table whose headings repeat on each page.

use super::goals::{more_line, MORE_H};
use super::table::{Align, Cell, Col, Row, Table};
use super::{heading, ReportData, HEADING_H};
use crate::agenda::{AgendaItem, Bucket, ItemKind};
use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::style;
use chrono::{Datelike, Days, NaiveDate};

const TITLE: &str = "Coming up";
/// How far ahead the scorecard looks.
pub(in crate::report) const AHEAD: u64 = 30;
const ROW_H: f32 = 10.5;
/// The compact form's two lines.
const COMPACT_LINE: f32 = 9.5;
const GAP: f32 = 8.0;
/// This many items of one kind on one day print as one line.
const GROUP: usize = 3;
/// The compact form tucks at most this much into the gap under the panel above, leaving it
/// half.
const TUCK: f32 = style::SECTION_GAP / 2.0;

/// Overdue items and those due in the next 30 days, in date order.
pub(in crate::report) fn coming(d: &ReportData) -> Vec<&AgendaItem> {
    let until = d.as_of + Days::new(AHEAD);
    d.agenda
        .iter()
        .filter(|i| i.bucket == Bucket::Overdue || i.due.0 <= until)
        .collect()
}

pub fn shows(d: &ReportData) -> bool {
    !coming(d).is_empty()
}

fn plural(k: ItemKind) -> &'static str {
    match k {
        ItemKind::PillarCheckpoint => "pillar checkpoints",
        ItemKind::GoalDeadline => "goal deadlines",
        ItemKind::StakeholderCheckIn => "stakeholder check-ins",
        ItemKind::RiskReview => "risk reviews",
        ItemKind::ComplianceReview => "compliance scan reviews",
        ItemKind::NotesReview => "compliance notes reviews",
        ItemKind::VendorRecheck => "vendor re-checks",
    }
}

/// "9 Dec", with the year when it is not the report's.
fn short(t: NaiveDate, as_of: NaiveDate) -> String {
    if t.year() == as_of.year() {
        t.format("%-d %b").to_string()
    } else {
        t.format("%-d %b %Y").to_string()
    }
}

/// One printed line: the date in words, what is due, and how many items it stands for.
struct Line {
    date: String,
    overdue: bool,
    what: String,
    items: usize,
}

/// The items as lines, runs of one kind on one day folded into one.
fn lines(items: &[&AgendaItem], as_of: NaiveDate) -> Vec<Line> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let it = items[i];
        let run = items[i..]
            .iter()
            .take_while(|o| o.due == it.due && o.kind == it.kind)
            .count();
        let overdue = it.bucket == Bucket::Overdue;
        let t = it.due.0;
        let date = if overdue {
            format!("overdue since {}", short(t, as_of))
        } else if t == as_of {
            "today".to_owned()
        } else {
            short(t, as_of)
        };
        let (what, n) = if run >= GROUP {
            (format!("{run} {}", plural(it.kind)), run)
        } else {
            (it.title.clone(), 1)
        };
        out.push(Line {
            date,
            overdue,
            what,
            items: n,
        });
        i += n;
    }
    out
}

/// "1 overdue · 17 in the next 30 days".
fn note(items: &[&AgendaItem]) -> String {
    let overdue = items.iter().filter(|i| i.bucket == Bucket::Overdue).count();
    let ahead = items.len() - overdue;
    let mut parts = Vec::new();
    if overdue > 0 {
        parts.push(format!("{overdue} overdue"));
    }
    if ahead > 0 {
        parts.push(format!("{ahead} in the next {AHEAD} days"));
    }
    parts.join(" · ")
}

/// How many lines fit in `room`, keeping a line for "+N more" when not all do.
fn fitting(n: usize, room: f32) -> usize {
    if n as f32 * ROW_H <= room + 0.01 {
        return n;
    }
    (((room - MORE_H) / ROW_H + 0.01).floor().max(0.0) as usize).min(n)
}

/// The scorecard's panel: drawn in whatever room the column has left, never onto a second
/// page. With room for its heading and a line, the usual panel; with less, two lines tucked
/// under the panel above (the first item beside the title, then how many more); with less
/// still, nothing (the full report has them all).
pub fn scorecard(d: &ReportData, c: &mut Canvas) {
    let items = coming(d);
    if items.is_empty() {
        return;
    }
    let lines = lines(&items, d.as_of);
    let shown = fitting(lines.len(), c.room() - HEADING_H);
    if shown > 0 {
        full(c, &items, &lines, shown);
    } else if c.room() + TUCK + 0.01 >= 2.0 * COMPACT_LINE {
        compact(c, &items, &lines);
    }
}

/// The width of the date column: the widest date shown, within 45% of the column.
fn date_width(c: &Canvas, lines: &[Line]) -> f32 {
    lines
        .iter()
        .map(|l| c.width(&l.date, date_face(l), style::TINY))
        .fold(0.0, f32::max)
        .min(c.content_width() * 0.45)
        .ceil()
}

fn date_face(l: &Line) -> Face {
    if l.overdue {
        Face::Bold
    } else {
        Face::Regular
    }
}

fn date_color(l: &Line) -> style::Rgb8 {
    if l.overdue {
        style::RED
    } else {
        style::TEXT
    }
}

fn full(c: &mut Canvas, items: &[&AgendaItem], lines: &[Line], shown: usize) {
    let y = heading(c, TITLE, &note(items), ROW_H);
    c.rule(c.left, c.right, y + HEADING_H - 1.0, style::FAINT);
    let date_w = date_width(c, &lines[..shown]);
    for l in &lines[..shown] {
        let y = c.place(ROW_H);
        let base = y + 8.0;
        let date = c.fit(&l.date, date_face(l), style::TINY, date_w);
        c.text(
            c.left,
            base,
            &date,
            date_face(l),
            style::TINY,
            date_color(l),
        );
        let x = c.left + date_w + GAP;
        let what = c.fit(&l.what, Face::Regular, style::SMALL, c.right - x);
        c.text(x, base, &what, Face::Regular, style::SMALL, style::INK);
        c.rule(c.left, c.right, y + ROW_H, style::RULE);
    }
    let left: usize = lines[shown..].iter().map(|l| l.items).sum();
    more_line(c, left, "review date", "review dates");
    c.skip(style::SECTION_GAP);
}

/// "Coming up  overdue since 22 Nov  Check in with …", then "+N more review dates …".
fn compact(c: &mut Canvas, items: &[&AgendaItem], lines: &[Line]) {
    c.back((2.0 * COMPACT_LINE - c.room()).clamp(0.0, TUCK));
    let y = c.place(COMPACT_LINE);
    let base = y + 8.0;
    c.text(c.left, base, TITLE, Face::Bold, style::SMALL, style::INK);
    let l = &lines[0];
    let mut x = c.left + c.width(TITLE, Face::Bold, style::SMALL) + GAP;
    let date = c.fit(&l.date, date_face(l), style::TINY, c.right - x);
    c.text(x, base, &date, date_face(l), style::TINY, date_color(l));
    x += c.width(&date, date_face(l), style::TINY) + 5.0;
    let what = c.fit(&l.what, Face::Regular, style::TINY, c.right - x);
    c.text(x, base, &what, Face::Regular, style::TINY, style::INK);
    let more = items.len() - l.items;
    if more > 0 {
        let y = c.place(COMPACT_LINE);
        let noun = if more == 1 {
            "review date"
        } else {
            "review dates"
        };
        let t = format!("+{more} more {noun} in the full report");
        let t = c.fit(&t, Face::Regular, style::TINY, c.content_width());
        let (size, color) = (style::TINY, style::MUTED);
        c.text(c.left, y + 8.0, &t, Face::Regular, size, color);
    }
}

/// The full report's review dates: every date the project holds, on a page of its own.
pub fn table(d: &ReportData, c: &mut Canvas) {
    if d.agenda.is_empty() {
        return;
    }
    c.new_page_unless_fresh();
    let title = "Review dates";
    let all: Vec<&AgendaItem> = d.agenda.iter().collect();
    let overdue = all.iter().filter(|i| i.bucket == Bucket::Overdue).count();
    let mut note = vec![match all.len() {
        1 => "1 date".to_owned(),
        n => format!("{n} dates"),
    }];
    if overdue > 0 {
        note.push(format!("{overdue} overdue"));
    }
    note.push(format!("as of {}", d.as_of));
    let small = |t: &str| c.width(t, Face::Regular, style::SMALL).ceil() + 2.0;
    let cols = vec![
        Col::new("Date", small("2026-12-31"), Align::Left),
        Col::new("What", 0.0, Align::Left),
        Col::new("Kind", small("Compliance notes review"), Align::Left),
        Col::new("Repeats", small("fortnightly"), Align::Left),
    ];
    let table = Table::new(c, title, cols, None);
    heading(c, title, &note.join(" · "), table.keep());
    table.draw(c, d.agenda.iter().map(row));
    c.skip(style::SECTION_GAP);
}

fn row(i: &AgendaItem) -> Row {
    let date = match (&i.bucket, &i.snoozed_from) {
        (Bucket::Overdue, _) => Cell::new(i.due)
            .color(style::RED)
            .then("overdue", style::RED),
        (_, Some(from)) => Cell::new(i.due).then(format!("snoozed from {from}"), style::MUTED),
        (Bucket::Today, _) => Cell::new(i.due).then("due today", style::AMBER),
        _ => Cell::new(i.due),
    };
    let repeats = match i.recurring {
        Some(r) => Cell::new(r.as_str()),
        None => Cell::new("—").color(style::FAINT),
    };
    Row {
        cells: vec![
            date,
            Cell::new(i.title.clone()).bold(),
            Cell::new(i.kind.words()),
            repeats,
        ],
        detail: None,
    }
}
