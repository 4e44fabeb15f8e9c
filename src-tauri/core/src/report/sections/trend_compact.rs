//! The trend in a column of the scorecard's split lower half: the overall chart, and beside
//! it the pillars whose score moved from their first assessment to their last (the full
//! report then carries every pillar's sparkline).

use super::trend::{chart, scores, span};
use super::{heading, ReportData, HEADING_H};
use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::style;
use crate::scorecard::Assessment;

/// The compact chart: still nine points per score step, so the axis labels stay apart.
const COMPACT_H: f32 = 72.0;
const MOVED_LINE: f32 = 9.5;

/// The chart of the overall score, and beside it the pillars whose score moved from their
/// first assessment to their last, in the pillars' order.
pub fn draw(d: &ReportData, c: &mut Canvas) {
    let list = &d.card.assessments;
    let top = heading(c, "Trend", &span(list), COMPACT_H);
    // Ruled like the lists in the column beside it, so the two headings read as one row.
    c.rule(c.left, c.right, top + HEADING_H - 1.0, style::FAINT);
    let overall: Vec<Option<f64>> = list.iter().map(|a| a.overall).collect();
    let changes = changes(d);
    // The list takes what its longest line needs, within bounds; the chart the rest.
    let w = c.content_width();
    let list_w = changes
        .iter()
        .map(|(name, a, b)| {
            c.width(name, Face::Regular, style::TINY)
                + 6.0
                + c.width(&format!("{a} → {b}"), Face::Bold, style::TINY)
        })
        .fold(
            c.width("Moved since 2026-12-31", Face::Regular, style::TINY),
            f32::max,
        )
        .clamp(70.0, (w * 0.42).round())
        .ceil()
        + 1.0;
    let chart_w = w - list_w - 12.0;
    let y = c.place(COMPACT_H);
    chart(c, (c.left, y, chart_w, COMPACT_H), &overall, list);
    let x = c.left + chart_w + 12.0;
    moved(c, (x, y, c.right - x), list, &changes);
    c.skip(style::SECTION_GAP);
}

/// The pillars whose score moved from their first assessment to their last: name, first,
/// last, in the pillars' order.
fn changes(d: &ReportData) -> Vec<(&str, f64, f64)> {
    let list = &d.card.assessments;
    d.card
        .pillars
        .iter()
        .filter_map(|p| {
            let known: Vec<f64> = scores(p, list).into_iter().flatten().collect();
            match (known.first(), known.last()) {
                (Some(&a), Some(&b)) if a != b => Some((p.name.as_str(), a, b)),
                _ => None,
            }
        })
        .collect()
}

/// The "moved" list beside the compact chart: a caption, then one line per pillar that moved
/// (name, then first → last in green up or red down), as many as the chart is tall.
fn moved(
    c: &mut Canvas,
    (x, y, w): (f32, f32, f32),
    list: &[Assessment],
    changes: &[(&str, f64, f64)],
) {
    let first = list.first().map_or("", |a| a.date.as_str());
    let caption = if list.len() > 1 {
        format!("Moved since {first}")
    } else {
        "One assessment so far".to_owned()
    };
    let caption = c.fit(&caption, Face::Regular, style::TINY, w);
    c.text(
        x,
        y + 8.0,
        &caption,
        Face::Regular,
        style::TINY,
        style::MUTED,
    );
    if list.len() < 2 {
        return;
    }
    let size = style::TINY;
    if changes.is_empty() {
        let t = c.fit("No pillar’s score moved", Face::Regular, size, w);
        c.text(
            x,
            y + 8.0 + MOVED_LINE,
            &t,
            Face::Regular,
            size,
            style::TEXT,
        );
        return;
    }
    let lines = ((COMPACT_H - 12.0) / MOVED_LINE).floor() as usize;
    let shown = if changes.len() <= lines {
        changes.len()
    } else {
        lines - 1
    };
    for (i, (name, a, b)) in changes.iter().take(shown).enumerate() {
        let base = y + 8.0 + (i + 1) as f32 * MOVED_LINE;
        let change = format!("{a} → {b}");
        let color = if b > a { style::GREEN } else { style::RED };
        let cw = c.width(&change, Face::Bold, size);
        c.text_right(x + w, base, &change, Face::Bold, size, color);
        let name = c.fit(name, Face::Regular, size, w - cw - 6.0);
        c.text(x, base, &name, Face::Regular, size, style::TEXT);
    }
    if shown < changes.len() {
        let base = y + 8.0 + (shown + 1) as f32 * MOVED_LINE;
        let t = format!("+{} more in the full report", changes.len() - shown);
        let t = c.fit(&t, Face::Regular, style::TINY, w);
        c.text(x, base, &t, Face::Regular, style::TINY, style::MUTED);
    }
}
