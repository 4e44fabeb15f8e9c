//! The full report's tables: every pillar with its complete evidence, and the assessment
//! history (each round once, then every pillar's score in each round), after the per-pillar
//! trend when the scorecard page had room only for its compact form. Column headings follow
//! the domain's words so they paste cleanly into a README or wiki.

use super::table::{Align, Cell, Col, Row, Table};
use super::{columns, heading, heading_to, trend, ReportData};
use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::style::{self, status_color, status_symbol};
use crate::scorecard::{legend, Status};

pub fn pillars(d: &ReportData, c: &mut Canvas) {
    let pillars = &d.card.pillars;
    if pillars.is_empty() {
        return;
    }
    c.new_page_unless_fresh();
    let w = |c: &Canvas, s: &str| c.width(s, Face::Regular, style::SMALL).ceil() + 2.0;
    let cols = vec![
        Col::new("Pillar", 0.0, Align::Left),
        Col::new("Current score", w(c, "5 Operationalized"), Align::Left),
        Col::new("Target score", w(c, "Target"), Align::Left),
        Col::new("Status", w(c, "◐ in progress"), Align::Left),
        Col::new("Owner", 78.0, Align::Left),
        Col::new(
            "Next checkpoint date",
            w(c, "2026-12-31").max(c.width("Next checkpoint", Face::Bold, style::TINY).ceil()),
            Align::Left,
        ),
    ];
    let table = Table::new(c, "Pillars and evidence", cols, Some("Evidence / notes"));
    let note = format!("{} pillars · scores as of {}", pillars.len(), d.as_of);
    heading(c, "Pillars and evidence", &note, table.keep());
    let as_of = d.as_of.to_string();
    let rows = pillars.iter().map(|p| {
        let score = match p.score {
            Some(s) => Cell::new(format!("{s} {}", legend(s))),
            None => Cell::new("– Not scored").color(style::FAINT),
        };
        let status = Cell::new(format!("{} {}", status_symbol(p.status), p.status.label()))
            .color(status_color(p.status));
        let owner = match p.owner.trim() {
            "" => Cell::new("—").color(style::FAINT),
            o => Cell::new(o),
        };
        let next = match p.next_checkpoint.as_deref() {
            Some(n) if n < as_of.as_str() => Cell::new(format!("{n} overdue")).color(style::RED),
            Some(n) => Cell::new(n),
            None => Cell::new("—").color(style::FAINT),
        };
        let evidence = p.evidence.trim();
        Row {
            cells: vec![
                Cell::new(p.name.clone()).bold(),
                score,
                Cell::new(p.target.to_string()),
                status,
                owner,
                next,
            ],
            detail: (!evidence.is_empty()).then(|| Cell::new(evidence)),
        }
    });
    table.draw(c, rows);
}

pub fn history(d: &ReportData, c: &mut Canvas) {
    let list = &d.card.assessments;
    if list.is_empty() {
        return;
    }
    c.new_page_unless_fresh();
    if columns::split(d) {
        // The scorecard's column showed the overall line only: here is every pillar's.
        trend::draw(d, c);
    }
    let num = |c: &Canvas, s: &str| c.width(s, Face::Bold, style::TINY).ceil() + 4.0;
    let cols = vec![
        Col::new("#", num(c, "999"), Align::Right),
        Col::new("Assessment", 0.0, Align::Left),
        Col::new(
            "Date",
            c.width("2026-12-31", Face::Regular, style::SMALL).ceil() + 4.0,
            Align::Left,
        ),
        Col::new("Overall", num(c, "Overall"), Align::Right),
        Col::new("At target", num(c, "At target"), Align::Right),
        Col::new("Scored", num(c, "Scored"), Align::Right),
    ];
    let table = Table::new(c, "Assessment history", cols, None);
    let note = format!("{} assessments, oldest first", list.len());
    heading(c, "Assessment history", &note, table.keep());
    let rows = list.iter().enumerate().map(|(i, a)| {
        let at = a
            .scores
            .iter()
            .filter(|s| Status::of(s.score, s.target) == Status::OnTarget)
            .count();
        let scored = a.scores.iter().filter(|s| s.score.is_some()).count();
        let overall = a.overall.map_or("–".to_owned(), |o| format!("{o:.1}"));
        Row {
            cells: vec![
                Cell::new((i + 1).to_string()).color(style::MUTED),
                Cell::new(a.label.clone()).bold(),
                Cell::new(a.date.clone()),
                Cell::new(overall),
                Cell::new(format!("{at} of {}", a.scores.len())),
                Cell::new(scored.to_string()),
            ],
            detail: None,
        }
    });
    table.draw(c, rows);
    c.skip(style::SECTION_GAP);
    matrix(d, c);
}

/// Every pillar's score in every assessment, pillars down and assessments (by number) across,
/// in as many column groups as the page width needs.
fn matrix(d: &ReportData, c: &mut Canvas) {
    let list = &d.card.assessments;
    // Rows: every pillar any assessment froze, in current order, then removed ones as first seen;
    // each under the name it had most recently.
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut add = |id: &str, name: &str| match rows.iter_mut().find(|(i, _)| i == id) {
        Some(r) => r.1 = name.to_owned(),
        None => rows.push((id.to_owned(), name.to_owned())),
    };
    for p in &d.card.pillars {
        if list
            .iter()
            .any(|a| a.scores.iter().any(|s| s.pillar_id == p.id))
        {
            add(&p.id, &p.name);
        }
    }
    for a in list {
        for s in &a.scores {
            if !d.card.pillars.iter().any(|p| p.id == s.pillar_id) {
                add(&s.pillar_id, &s.pillar);
            }
        }
    }
    let cell_w = c.width("#999", Face::Bold, style::TINY).ceil() + 2.0;
    let name_w = rows
        .iter()
        .map(|(_, n)| c.width(n, Face::Regular, style::SMALL).ceil() + 2.0)
        .fold(80.0, f32::max)
        .min(180.0);
    let per = (((c.content_width() - name_w) / (cell_w + 8.0)).floor() as usize).max(1);
    // Balanced groups read better than a full one and a stub.
    let groups = list.len().div_ceil(per);
    let per = list.len().div_ceil(groups);
    let starts: Vec<usize> = (0..list.len()).step_by(per).collect();
    for start in starts {
        let end = (start + per).min(list.len());
        let mut cols = vec![Col::new("Pillar", name_w, Align::Left)];
        cols.extend((start..end).map(|i| Col::new(&format!("#{}", i + 1), cell_w, Align::Center)));
        let title = if end - start == 1 {
            format!("Scores in assessment #{}", start + 1)
        } else {
            format!("Scores by assessment, #{}–#{}", start + 1, end)
        };
        let table = Table::new(c, &title, cols, None);
        let note = "– not scored · blank: not yet a pillar";
        heading_to(c, &title, note, table.keep(), table.right());
        let body = rows.iter().map(|(id, name)| {
            let mut cells = vec![Cell::new(name.clone())];
            cells.extend(list[start..end].iter().map(|a| {
                match a.scores.iter().find(|s| &s.pillar_id == id) {
                    Some(s) => match s.score {
                        Some(v) => Cell::new(v.to_string())
                            .color(status_color(Status::of(s.score, s.target))),
                        None => Cell::new("–").color(style::FAINT),
                    },
                    None => Cell::new(""),
                }
            }));
            Row {
                cells,
                detail: None,
            }
        });
        table.draw(c, body);
        c.skip(style::SECTION_GAP);
    }
}
