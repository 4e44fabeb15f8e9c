//! The full report's compliance notes, under the worksheet's headings so they paste cleanly:
//! the snapshot, the data inventory (a flagged row says why under it), the regulatory triggers
//! and the vendors; then the checklists and the review history ([`compliance_checks`]). Each
//! table is left out when it has no rows.
//!
//! [`compliance_checks`]: super::compliance_checks

use super::compliance::next_review;
use super::table::{Align, Cell, Col, Row, Table};
use super::{compliance_checks, heading, ReportData};
use crate::compliance::{Compliance, InventoryRow, Snapshot, TriggerRow, Vendor};
use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::style::{self, Rgb8};

const LABEL_W: f32 = 90.0;
const LINE: f32 = 12.0;

pub fn draw(d: &ReportData, c: &mut Canvas, k: &Compliance) {
    snapshot(d, c, &k.snapshot);
    inventory(c, &k.data_inventory);
    triggers(c, &k.triggers);
    vendors(d, c, &k.vendors);
    compliance_checks::draw(c, k);
}

/// An empty value as a faint dash.
pub(super) fn or_dash(v: &str) -> Cell {
    match v.trim() {
        "" => Cell::new("—").color(style::FAINT),
        v => Cell::new(v),
    }
}

/// A date cell, red and said to be overdue when before the report's day.
pub(super) fn date_cell(day: Option<&str>, d: &ReportData) -> Cell {
    match day {
        Some(day) if day < d.as_of.to_string().as_str() => {
            Cell::new(day).color(style::RED).then("overdue", style::RED)
        }
        Some(day) => Cell::new(day),
        None => Cell::new("—").color(style::FAINT),
    }
}

/// Last reviewed, next review and owner, as the worksheet's three bullets.
fn snapshot(d: &ReportData, c: &mut Canvas, s: &Snapshot) {
    let next = next_review(s, d.as_of);
    if s.last_reviewed.is_none() && next.is_none() && s.owner.trim().is_empty() {
        return;
    }
    heading(c, "Snapshot", "", 3.0 * LINE);
    let dash = || ("—".to_owned(), style::FAINT);
    let last = s
        .last_reviewed
        .clone()
        .map_or_else(dash, |day| (day, style::TEXT));
    let next = next.map_or_else(dash, |(words, overdue)| {
        (words, if overdue { style::RED } else { style::TEXT })
    });
    let owner = match s.owner.trim() {
        "" => dash(),
        o => (o.to_owned(), style::TEXT),
    };
    field(c, "Last reviewed", last);
    field(c, "Next review", next);
    field(c, "Owner", owner);
    c.skip(style::SECTION_GAP);
}

fn field(c: &mut Canvas, label: &str, (value, color): (String, Rgb8)) {
    let w = c.content_width() - LABEL_W;
    for (i, line) in c
        .wrap(&value, Face::Regular, style::SMALL, w)
        .iter()
        .enumerate()
    {
        let y = c.place(LINE);
        if i == 0 {
            let (size, muted) = (style::SMALL, style::MUTED);
            c.text(c.left, y + 9.0, label, Face::Regular, size, muted);
        }
        let x = c.left + LABEL_W;
        c.text(x, y + 9.0, line, Face::Regular, style::SMALL, color);
    }
}

fn inventory(c: &mut Canvas, rows: &[InventoryRow]) {
    if rows.is_empty() {
        return;
    }
    let cols = vec![
        Col::new("Data Category", 0.0, Align::Left),
        Col::new("Source", 0.0, Align::Left),
        Col::new("Storage Location", 0.0, Align::Left),
        Col::new("Retention Policy", 0.0, Align::Left),
        Col::new("Access Roles", 0.0, Align::Left),
    ];
    let title = "Data Inventory";
    let table = Table::new(c, title, cols, None);
    let flagged = rows.iter().filter(|r| r.flag.is_some()).count();
    let mut note = format!("{} rows", rows.len());
    if flagged > 0 {
        note.push_str(&format!(" · {flagged} flagged"));
    }
    heading(c, title, &note, table.keep());
    table.draw(
        c,
        rows.iter().map(|r| Row {
            cells: vec![
                Cell::new(r.category.clone())
                    .bold()
                    .then(r.kind.map_or("", |k| k.label()), style::MUTED),
                Cell::new(r.source.clone()),
                Cell::new(r.storage.clone()),
                Cell::new(r.retention.clone()),
                Cell::new(r.access.clone()),
            ],
            // The warning sign and the word carry it in grey; amber adds to them.
            detail: r
                .flag
                .as_ref()
                .map(|f| Cell::new(format!("⚠ Flagged: {f}")).color(style::AMBER)),
        }),
    );
    c.skip(style::SECTION_GAP);
}

fn triggers(c: &mut Canvas, rows: &[TriggerRow]) {
    if rows.is_empty() {
        return;
    }
    let cols = vec![
        Col::new("Standard / Law", 90.0, Align::Left),
        Col::new("Why It Applies (or Not)", 0.0, Align::Left),
        Col::new("Required Controls", 0.0, Align::Left),
        Col::new("Status / Notes", 0.0, Align::Left),
    ];
    let title = "Regulatory Triggers";
    let table = Table::new(c, title, cols, None);
    heading(c, title, "", table.keep());
    table.draw(
        c,
        rows.iter().map(|r| Row {
            cells: vec![
                Cell::new(r.standard.clone()).bold(),
                Cell::new(r.why.clone()),
                Cell::new(r.controls.clone()),
                Cell::new(r.status.clone()),
            ],
            detail: None,
        }),
    );
    c.skip(style::SECTION_GAP);
}

fn vendors(d: &ReportData, c: &mut Canvas, list: &[Vendor]) {
    if list.is_empty() {
        return;
    }
    let small = |t: &str| c.width(t, Face::Regular, style::SMALL).ceil() + 2.0;
    let cols = vec![
        Col::new("Vendor", 90.0, Align::Left),
        Col::new("Data Shared", 0.0, Align::Left),
        Col::new("Compliance Status Verified?", 100.0, Align::Left),
        Col::new("Action Items", 0.0, Align::Left),
        Col::new("Re-check", small("2026-12-31"), Align::Left),
    ];
    let title = "Vendors & Integrations";
    let table = Table::new(c, title, cols, None);
    let verified = list.iter().filter(|v| v.verified).count();
    let note = format!("{} vendors · {verified} verified", list.len());
    heading(c, title, &note, table.keep());
    table.draw(
        c,
        list.iter().map(|v| {
            // With what and when, under the yes or no.
            let with: Vec<&str> = [
                v.verified_with.trim(),
                v.verified_on.as_deref().unwrap_or(""),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
            let verified = if v.verified {
                Cell::new("✓ Yes").color(style::GREEN)
            } else {
                Cell::new("✗ No").color(style::AMBER)
            };
            Row {
                cells: vec![
                    Cell::new(v.name.clone()).bold(),
                    Cell::new(v.data_shared.clone()),
                    verified.then(with.join(", "), style::TEXT),
                    Cell::new(v.actions.clone()),
                    date_cell(v.recheck_date.as_deref(), d),
                ],
                detail: None,
            }
        }),
    );
    c.skip(style::SECTION_GAP);
}
