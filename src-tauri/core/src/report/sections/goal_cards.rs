//! The scorecard's goals in a column: a card per goal, the goal on a line of its own (a column
//! has no room for it beside the numbers), its metric in words with the status beside them, then
//! the latest reading against the target, and a stale reading marked under the status.

use super::goals::{fitting, more_line, stale_words, status_words, target_words, value};
use super::{heading, ReportData, HEADING_H};
use crate::goals::Goal;
use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::style::{self, metric_color};

const NAME: f32 = 8.5;
const PAD_TOP: f32 = 3.0;
const PAD_BOTTOM: f32 = 3.0;
const FIRST: f32 = 10.0;
const LINE: f32 = 9.0;
const GAP: f32 = 8.0;

/// "98.1% on 2026-11-23 · target ≥ 99%", or as much of it as the goal has.
fn numbers(g: &Goal) -> String {
    let latest = g
        .latest
        .as_ref()
        .map(|r| format!("{} on {}", value(r.value, &g.unit), r.date));
    let target = target_words(g).map(|t| format!("target {t}"));
    match (latest, target) {
        (Some(l), Some(t)) => format!("{l} · {t}"),
        (Some(x), None) | (None, Some(x)) => x,
        (None, None) => String::new(),
    }
}

/// The goal's line, then metric and status, then the numbers when there are any.
fn height(g: &Goal) -> f32 {
    let third = !numbers(g).is_empty();
    PAD_TOP + FIRST + LINE + if third { LINE } else { 0.0 } + PAD_BOTTOM
}

pub fn draw(d: &ReportData, c: &mut Canvas) {
    let goals = &d.goals;
    let Some(first) = goals.first() else {
        return;
    };
    let y = heading(c, "Goals", "", height(first) + 2.0);
    c.rule(c.left, c.right, y + HEADING_H - 1.0, style::FAINT);
    let heights: Vec<f32> = goals.iter().map(height).collect();
    let shown = fitting(&heights, c.room());
    let status_w = c
        .width("– no reading yet", Face::Regular, style::SMALL)
        .max(c.width("stale, 999 days", Face::Regular, style::TINY));
    for g in &goals[..shown] {
        card(c, g, status_w);
    }
    more_line(c, goals.len() - shown, "goal", "goals");
    c.skip(style::SECTION_GAP);
}

fn card(c: &mut Canvas, g: &Goal, status_w: f32) {
    let h = height(g);
    let y = c.place(h);
    let base = y + PAD_TOP + 7.5;
    let (second, third) = (base + LINE, base + 2.0 * LINE);
    // The status and a stale note end at the column's edge, as the risks' review dates do.
    let text_w = c.content_width() - status_w - GAP;

    let goal = c.fit(&g.goal, Face::Bold, NAME, c.content_width());
    c.text(c.left, base, &goal, Face::Bold, NAME, style::INK);
    let metric = c.summary(&g.metric, Face::Regular, style::TINY, text_w);
    c.text(
        c.left,
        second,
        &metric,
        Face::Regular,
        style::TINY,
        style::MUTED,
    );
    let status = status_words(g);
    let color = metric_color(g.status);
    c.text_right(c.right, second, &status, Face::Regular, style::SMALL, color);

    let nums = c.fit(&numbers(g), Face::Regular, style::TINY, text_w);
    c.text(
        c.left,
        third,
        &nums,
        Face::Regular,
        style::TINY,
        style::TEXT,
    );
    if let Some(stale) = stale_words(g) {
        c.text_right(
            c.right,
            third,
            &stale,
            Face::Regular,
            style::TINY,
            style::AMBER,
        );
    }
    c.rule(c.left, c.right, y + h, style::RULE);
}
