//! The compliance notes' checklists and history in the full report: the controls with a ticked
//! or empty box and who ticked each, the questions to revisit with their notes, and the
//! append-only review history, where a correction names the entry it corrects.

use super::heading;
use super::table::{Align, Cell, Col, Row, Table};
use crate::compliance::{Compliance, Control, Question, Review};
use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::style;

pub fn draw(c: &mut Canvas, k: &Compliance) {
    controls(c, &k.controls);
    questions(c, &k.questions);
    reviews(c, &k.reviews);
}

/// "☑ label" or "☐ label": the box reads on any printer.
fn checked(done: bool, text: &str) -> Cell {
    if done {
        Cell::new(format!("☑ {text}")).color(style::INK)
    } else {
        Cell::new(format!("☐ {text}"))
    }
}

fn controls(c: &mut Canvas, list: &[Control]) {
    if list.is_empty() {
        return;
    }
    let cols = vec![
        Col::new("Control", 0.0, Align::Left),
        Col::new("Ticked by", 120.0, Align::Left),
    ];
    let title = "Controls & Follow-Ups";
    let table = Table::new(c, title, cols, None);
    let done = list.iter().filter(|x| x.done).count();
    let note = format!("{done} of {} in place", list.len());
    heading(c, title, &note, table.keep());
    table.draw(
        c,
        list.iter().map(|x| {
            // Who and on which day (the RFC 3339 instant's date is enough on paper).
            let day = x.done_at.as_deref().map(|t| t.get(..10).unwrap_or(t));
            let by = match (x.done, x.done_by.trim(), day) {
                (false, _, _) => Cell::new(""),
                (true, "", None) => Cell::new("—").color(style::FAINT),
                (true, who, None) => Cell::new(who),
                (true, "", Some(day)) => Cell::new(day),
                (true, who, Some(day)) => Cell::new(format!("{who}, {day}")),
            };
            Row {
                cells: vec![checked(x.done, &x.label), by],
                detail: None,
            }
        }),
    );
    c.skip(style::SECTION_GAP);
}

fn questions(c: &mut Canvas, list: &[Question]) {
    if list.is_empty() {
        return;
    }
    let cols = vec![
        Col::new("Question", 0.0, Align::Left),
        Col::new("Note", 0.0, Align::Left),
    ];
    let title = "Quick Questions to Revisit";
    let table = Table::new(c, title, cols, None);
    let done = list.iter().filter(|q| q.done).count();
    let note = format!("{done} of {} settled", list.len());
    heading(c, title, &note, table.keep());
    table.draw(
        c,
        list.iter().map(|q| Row {
            cells: vec![checked(q.done, &q.text), Cell::new(q.note.clone())],
            detail: None,
        }),
    );
    c.skip(style::SECTION_GAP);
}

/// Newest first, as the app lists them; corrections point both ways.
fn reviews(c: &mut Canvas, list: &[Review]) {
    if list.is_empty() {
        return;
    }
    let date_w = c.width("2026-12-31", Face::Regular, style::SMALL).ceil() + 2.0;
    let cols = vec![
        Col::new("Date", date_w, Align::Left),
        Col::new("Reviewer", 100.0, Align::Left),
        Col::new("Key Changes / Findings", 0.0, Align::Left),
    ];
    let title = "Review History";
    let table = Table::new(c, title, cols, None);
    let noun = if list.len() == 1 { "entry" } else { "entries" };
    let note = format!(
        "{} {noun}, newest first · entries are never edited",
        list.len()
    );
    heading(c, title, &note, table.keep());
    let entry = |id: &str| list.iter().find(|r| r.id == id);
    let by = |r: &Review| format!("the entry of {} by {}", r.date, r.reviewer);
    table.draw(
        c,
        list.iter().map(|r| {
            let mut facts = Vec::new();
            if let Some(id) = &r.corrects {
                facts.push(match entry(id) {
                    Some(old) => format!("Corrects {}.", by(old)),
                    None => "Corrects an earlier entry.".to_owned(),
                });
            }
            let later = list.iter().filter(|x| x.corrects.as_deref() == Some(&r.id));
            facts.extend(later.map(|x| format!("Corrected by {}.", by(x))));
            Row {
                cells: vec![
                    Cell::new(r.date.clone()),
                    Cell::new(r.reviewer.clone()).bold(),
                    Cell::new(r.findings.clone()),
                ],
                detail: (!facts.is_empty()).then(|| Cell::new(facts.join(" ")).color(style::MUTED)),
            }
        }),
    );
    c.skip(style::SECTION_GAP);
}
