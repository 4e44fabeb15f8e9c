//! Goals: on the scorecard, one compact row per goal (the goal over its metric in words, the
//! latest reading, the target, the status), or a card per goal in a column ([`goal_cards`]); in
//! the full report, the North Star alignment table with the worksheet's columns and every
//! reading. A status always reads as symbol, word and colour, so it survives a black-and-white
//! printer.
//!
//! [`goal_cards`]: super::goal_cards

use super::table::{Align, Cell, Col, Row, Table};
use super::{goal_cards, heading, ReportData, HEADING_BASE, HEADING_H};
use crate::goals::{with_unit, Direction, Goal, MetricStatus};
use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::layout::NBSP;
use crate::report::style::{self, metric_color, metric_symbol};
use crate::risks::RiskStatus;
use std::collections::HashMap;

const GAP: f32 = 10.0;
const NAME: f32 = 8.5;
const PAD_TOP: f32 = 3.0;
const PAD_BOTTOM: f32 = 3.0;
/// From a row's first baseline to its second (the metric under the goal).
const SECOND: f32 = 9.0;
pub(super) const MORE_H: f32 = 12.0;
/// Narrower than this (a column), the scorecard shows cards instead of rows.
const WIDE: f32 = 400.0;

pub fn shows(d: &ReportData) -> bool {
    !d.goals.is_empty()
}

/// "○ not met", "● met", "– no reading yet".
pub fn status_words(g: &Goal) -> String {
    format!("{} {}", metric_symbol(g.status), g.status.label())
}

/// "stale, 45 days" when the newest reading is older than the goal module's limit.
pub fn stale_words(g: &Goal) -> Option<String> {
    g.stale.then(|| match g.days_since_reading {
        Some(d) => format!("stale, {d} days"),
        None => "stale".to_owned(),
    })
}

/// "≥ 99%": which way is better, and the target with its unit, never broken across lines.
pub fn target_words(g: &Goal) -> Option<String> {
    let sign = match g.direction {
        Direction::Higher => "≥",
        Direction::Lower => "≤",
    };
    g.target
        .map(|t| format!("{sign}{NBSP}{}", value(t, &g.unit)))
}

/// A value with its unit, held together on one line.
pub(super) fn value(v: f64, unit: &str) -> String {
    with_unit(v, unit).replace(' ', &NBSP.to_string())
}

/// "98.1% on 2026-11-23".
pub fn latest_words(g: &Goal) -> Option<String> {
    let r = g.latest.as_ref()?;
    Some(format!("{} on {}", with_unit(r.value, &g.unit), r.date))
}

/// Left edge and width of each column of the scorecard rows.
#[derive(Clone, Copy)]
struct Cols {
    goal: (f32, f32),
    latest: (f32, f32),
    target: (f32, f32),
    status: (f32, f32),
}

fn cols(c: &Canvas) -> Cols {
    let tiny = |s: &str| c.width(s, Face::Regular, style::TINY);
    let small = |s: &str| c.width(s, Face::Regular, style::SMALL);
    let latest_w = tiny("Latest reading")
        .max(small("99999.9 ms"))
        .max(tiny("2026-12-31"));
    let target_w = tiny("Target").max(small("≥ 9999.9 ms"));
    let status_w = small("– no reading yet").max(tiny("stale, 999 days"));
    let goal_w = c.content_width() - latest_w - target_w - status_w - 3.0 * GAP;
    let mut x = c.left;
    let mut col = |w: f32| {
        let r = (x, w);
        x += w + GAP;
        r
    };
    Cols {
        goal: col(goal_w),
        latest: col(latest_w),
        target: col(target_w),
        status: col(status_w),
    }
}

/// A row has a second line when there is a metric, a reading date or a stale note to show.
fn row_height(g: &Goal) -> f32 {
    let two = !g.metric.trim().is_empty() || g.latest.is_some() || g.stale;
    PAD_TOP + 10.0 + if two { SECOND } else { 0.0 } + PAD_BOTTOM
}

/// The scorecard's goals: as many rows as the page has room for, then a line saying how many
/// more the full report carries, so the handout never spills onto a second page for them.
pub fn scorecard(d: &ReportData, c: &mut Canvas) {
    let goals = &d.goals;
    let Some(first) = goals.first() else {
        return;
    };
    if c.content_width() < WIDE {
        goal_cards::draw(d, c);
        return;
    }
    let k = cols(c);
    let y = heading(c, "Goals", "", row_height(first) + 2.0);
    // The column labels share the heading's line: the title already names the first column.
    let base = y + HEADING_BASE;
    let labels = [
        (k.latest, "Latest reading"),
        (k.target, "Target"),
        (k.status, "Status"),
    ];
    for ((x, _), t) in labels {
        c.text(x, base, t, Face::Regular, style::TINY, style::MUTED);
    }
    c.rule(c.left, c.right, y + HEADING_H - 1.0, style::FAINT);

    let heights: Vec<f32> = goals.iter().map(row_height).collect();
    let shown = fitting(&heights, c.room());
    for g in &goals[..shown] {
        row(c, k, g);
    }
    more_line(c, goals.len() - shown, "goal", "goals");
    c.skip(style::SECTION_GAP);
}

/// "+3 more goals in the full report", when any were left out.
pub(super) fn more_line(c: &mut Canvas, more: usize, one: &str, many: &str) {
    if more == 0 {
        return;
    }
    let y = c.place(MORE_H);
    let noun = if more == 1 { one } else { many };
    let t = format!("+{more} more {noun} in the full report");
    let t = c.fit(&t, Face::Regular, style::TINY, c.content_width());
    c.text(
        c.left,
        y + 9.0,
        &t,
        Face::Regular,
        style::TINY,
        style::MUTED,
    );
}

/// How many rows of these heights fit in `room`, keeping a line for "+N more" when not all
/// do; at least one, which the heading already kept room for.
pub(super) fn fitting(heights: &[f32], room: f32) -> usize {
    if heights.iter().sum::<f32>() <= room + 0.01 {
        return heights.len();
    }
    let mut used = MORE_H;
    let n = heights
        .iter()
        .take_while(|&&h| {
            used += h;
            used <= room + 0.01
        })
        .count();
    n.max(1)
}

fn row(c: &mut Canvas, k: Cols, g: &Goal) {
    let h = row_height(g);
    let y = c.place(h);
    let base = y + PAD_TOP + 7.5;
    let below = base + SECOND;

    let goal = c.fit(&g.goal, Face::Bold, NAME, k.goal.1);
    c.text(k.goal.0, base, &goal, Face::Bold, NAME, style::INK);
    let metric = c.summary(&g.metric, Face::Regular, style::TINY, k.goal.1);
    c.text(
        k.goal.0,
        below,
        &metric,
        Face::Regular,
        style::TINY,
        style::MUTED,
    );

    match &g.latest {
        Some(r) => {
            let v = c.fit(
                &with_unit(r.value, &g.unit),
                Face::Bold,
                style::SMALL,
                k.latest.1,
            );
            c.text(k.latest.0, base, &v, Face::Bold, style::SMALL, style::INK);
            let (size, color) = (style::TINY, style::MUTED);
            c.text(k.latest.0, below, &r.date, Face::Regular, size, color);
        }
        None => c.text(
            k.latest.0,
            base,
            "—",
            Face::Regular,
            style::SMALL,
            style::FAINT,
        ),
    }
    match target_words(g) {
        Some(t) => {
            let t = c.fit(&t, Face::Regular, style::SMALL, k.target.1);
            c.text(
                k.target.0,
                base,
                &t,
                Face::Regular,
                style::SMALL,
                style::TEXT,
            );
        }
        None => c.text(
            k.target.0,
            base,
            "—",
            Face::Regular,
            style::SMALL,
            style::FAINT,
        ),
    }
    let color = metric_color(g.status);
    let s = status_words(g);
    c.text(k.status.0, base, &s, Face::Regular, style::SMALL, color);
    if let Some(stale) = stale_words(g) {
        c.text(
            k.status.0,
            below,
            &stale,
            Face::Regular,
            style::TINY,
            style::AMBER,
        );
    }
    c.rule(c.left, c.right, y + h, style::RULE);
}

/// The full report's North Star alignment table: the worksheet's five columns, the metric's
/// status under its words, and every reading, oldest first, under each row.
pub fn table(d: &ReportData, c: &mut Canvas) {
    let goals = &d.goals;
    if goals.is_empty() {
        return;
    }
    c.new_page_unless_fresh();
    let names: HashMap<&str, &str> = d
        .stakeholders
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    let mitigations: HashMap<&str, &str> = d
        .risks
        .iter()
        .map(|r| (r.id.as_str(), r.mitigation.trim()))
        .collect();
    let date_w = c
        .width("2026-12-31, passed", Face::Regular, style::SMALL)
        .ceil()
        + 2.0;
    let cols = vec![
        Col::new("Goal / Outcome", 0.0, Align::Left),
        Col::new("Success Metric", 0.0, Align::Left),
        Col::new("Deadline / Guardrail", date_w.max(96.0), Align::Left),
        Col::new("Stakeholders", 80.0, Align::Left),
        Col::new("Risks & Mitigations", 0.0, Align::Left),
    ];
    let title = "North Star alignment";
    let table = Table::new(c, title, cols, None);
    let met = goals
        .iter()
        .filter(|g| g.status == MetricStatus::Met)
        .count();
    let measured = goals.iter().filter(|g| g.has_numbers()).count();
    let noun = if goals.len() == 1 { "goal" } else { "goals" };
    let note = format!(
        "{} {noun} · {met} of {measured} with numbers met · as of {}",
        goals.len(),
        d.as_of
    );
    heading(c, title, &note, table.keep());
    let as_of = d.as_of.to_string();
    let rows = goals.iter().map(|g| {
        let deadline = match g.deadline.as_deref() {
            Some(day) if day < as_of.as_str() => {
                Cell::new(format!("{day}, passed")).color(style::RED)
            }
            Some(day) => Cell::new(day),
            None => Cell::new(""),
        };
        let people: Vec<&str> = g
            .stakeholders
            .iter()
            .filter_map(|id| names.get(id.as_str()).copied())
            .collect();
        Row {
            cells: vec![
                Cell::new(g.goal.clone()).bold(),
                metric(g),
                deadline.then(g.guardrail.clone(), style::TEXT),
                Cell::new(people.join("\n")),
                Cell::new(risks_words(g, &mitigations)),
            ],
            detail: readings(g).map(|t| Cell::new(t).color(style::MUTED)),
        }
    });
    table.draw(c, rows);
    c.skip(style::SECTION_GAP);
}

/// The worksheet's "Risk: … → Mitigation: …" for each linked risk (open ones first, most
/// severe first, each with its band or its status once closed), then any text typed before
/// the register existed.
fn risks_words(g: &Goal, mitigations: &HashMap<&str, &str>) -> String {
    let mut paras: Vec<String> = g
        .risks
        .iter()
        .map(|r| {
            let state = match r.status {
                RiskStatus::Closed => r.status.as_str(),
                _ => r.band.label(),
            };
            match mitigations.get(r.id.as_str()).copied().unwrap_or("") {
                "" => format!("Risk: {} ({state})", r.title),
                m => format!("Risk: {} ({state}) → Mitigation: {m}", r.title),
            }
        })
        .collect();
    let typed = g.risks_text.trim();
    if !typed.is_empty() {
        paras.push(typed.to_owned());
    }
    paras.join("\n")
}

/// The metric in words with its target under them, then its status in colour: "○ not met:
/// 98.1%", kept short because the readings line under the row has the dates.
fn metric(g: &Goal) -> Cell {
    let Some(target) = target_words(g) else {
        return Cell::new(g.metric.clone());
    };
    let words = g.metric.trim();
    let text = if words.is_empty() {
        format!("Target {target}")
    } else {
        format!("{words}\nTarget {target}")
    };
    let stale = stale_words(g).map_or(String::new(), |s| format!(" ({s})"));
    let status = match &g.latest {
        Some(r) => format!("{}: {}{stale}", status_words(g), value(r.value, &g.unit)),
        None => status_words(g),
    };
    Cell::new(text).then(status, metric_color(g.status))
}

/// Every reading of a goal with numbers, oldest first; none for a metric in words only.
fn readings(g: &Goal) -> Option<String> {
    if !g.has_numbers() {
        return None;
    }
    if g.readings.is_empty() {
        return Some("Readings: none yet".to_owned());
    }
    let list: Vec<String> = g
        .readings
        .iter()
        .map(|r| format!("{}{NBSP}{}", r.date, value(r.value, &g.unit)))
        .collect();
    Some(format!("Readings: {}", list.join(" · ")))
}
