//! The full report's stakeholder alignment canvas: the worksheet's six columns, then the last
//! and next check-in (overdue in words as well as red), and the recent check-ins with their
//! notes under each row.

use super::table::{Align, Cell, Col, Row, Table};
use super::{heading, ReportData};
use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::style;
use crate::stakeholders::{Cadence, Stakeholder};

/// How many check-ins the detail line lists, newest first (the app's card shows three too).
const RECENT: usize = 3;

pub fn table(d: &ReportData, c: &mut Canvas) {
    let people = &d.stakeholders;
    if people.is_empty() {
        return;
    }
    // The canvas follows the goals that name its people on the same page; alone, it starts
    // its own page like every other table.
    if d.goals.is_empty() {
        c.new_page_unless_fresh();
    }
    let small = |c: &Canvas, s: &str| c.width(s, Face::Regular, style::SMALL).ceil() + 2.0;
    let cols = vec![
        Col::new("Stakeholder / Role", 80.0, Align::Left),
        Col::new("Why They Care", 0.0, Align::Left),
        Col::new("What “Success” Looks Like", 0.0, Align::Left),
        Col::new("Communication Cadence & Channel", 0.0, Align::Left),
        Col::new("Risks / Open Questions", 0.0, Align::Left),
        Col::new("Owner", 44.0, Align::Left),
        Col::new(
            "Last / next check-in",
            small(c, "next 2026-12-31"),
            Align::Left,
        ),
    ];
    let title = "Stakeholder alignment canvas";
    let table = Table::new(c, title, cols, None);
    let overdue = people.iter().filter(|p| p.overdue).count();
    let noun = if people.len() == 1 {
        "stakeholder"
    } else {
        "stakeholders"
    };
    let note = format!(
        "{} {noun} · {overdue} overdue for a check-in · as of {}",
        people.len(),
        d.as_of
    );
    heading(c, title, &note, table.keep());
    let rows = people.iter().map(|p| {
        let owner = match p.owner.trim() {
            "" => Cell::new("—").color(style::FAINT),
            o => Cell::new(o),
        };
        Row {
            cells: vec![
                Cell::new(p.name.clone()).bold(),
                Cell::new(p.why.clone()),
                Cell::new(p.success.clone()),
                cadence(p),
                Cell::new(p.open_questions.clone()),
                owner,
                check_ins(p),
            ],
            detail: recent(p).map(|t| Cell::new(t).color(style::MUTED)),
        }
    });
    table.draw(c, rows);
    c.skip(style::SECTION_GAP);
}

/// "Weekly", then the channel in the user's words.
fn cadence(p: &Stakeholder) -> Cell {
    let label = p.cadence.label();
    let mut word = label[..1].to_uppercase();
    word.push_str(&label[1..]);
    Cell::new(word).then(p.channel.clone(), style::TEXT)
}

/// "last 2026-11-15", then "next 2026-11-22 overdue" in red, or why there is no next date.
fn check_ins(p: &Stakeholder) -> Cell {
    let Some(last) = &p.last_check_in else {
        return Cell::new("none yet").color(style::FAINT);
    };
    let cell = Cell::new(format!("last {last}"));
    match &p.next_check_in {
        Some(next) if p.overdue => cell.then(format!("next {next} overdue"), style::RED),
        Some(next) => cell.then(format!("next {next}"), style::TEXT),
        None if p.cadence == Cadence::AdHoc => cell.then("next: ad hoc", style::MUTED),
        None => cell,
    }
}

/// "Check-ins: 2026-11-15 – Shared the beta error budget. · 2026-10-01", the last few.
fn recent(p: &Stakeholder) -> Option<String> {
    if p.check_ins.is_empty() {
        return None;
    }
    let list: Vec<String> = p
        .check_ins
        .iter()
        .take(RECENT)
        .map(|k| {
            // One line per check-in would drown the row: a note's own line breaks become spaces.
            let note = k.note.split_whitespace().collect::<Vec<_>>().join(" ");
            match note.as_str() {
                "" => k.date.clone(),
                n => format!("{} – {n}", k.date),
            }
        })
        .collect();
    let older = p.check_ins.len().saturating_sub(RECENT);
    let more = if older > 0 {
        format!(" · and {older} earlier")
    } else {
        String::new()
    };
    Some(format!("Check-ins: {}{more}", list.join(" · ")))
}
