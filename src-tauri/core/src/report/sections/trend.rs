//! The trend across assessments: a small line chart of the overall score beside a grid of
//! per-pillar sparklines (each with its target level), drawn with plain line and fill ops. In a
//! column of the scorecard's split lower half it takes the compact form of [`trend_compact`].
//!
//! [`trend_compact`]: super::trend_compact

use super::{continued, heading, trend_compact, ReportData};
use crate::report::canvas::{Canvas, Running};
use crate::report::fonts::Face;
use crate::report::style::{self, status_color, Rgb8};
use crate::scorecard::{Assessment, Pillar, Status};
use std::rc::Rc;

// Four rows of sparklines (twelve pillars) as tall as the chart, both kept low enough for the
// goals to fit under them on a one-page Letter scorecard.
const CHART_H: f32 = 88.0;
const CELL_H: f32 = 22.0;
const CELL_GAP: f32 = 12.0;
/// Up to this many pillars the sparklines sit beside the chart; more go below it.
const BESIDE_MAX: usize = 15;
/// Narrower than this (a column), the trend takes its compact form.
const WIDE: f32 = 400.0;

pub fn shows(d: &ReportData) -> bool {
    !d.card.assessments.is_empty()
}

pub fn draw(d: &ReportData, c: &mut Canvas) {
    if !shows(d) {
        return;
    }
    if c.content_width() < WIDE {
        trend_compact::draw(d, c);
    } else {
        full(d, c);
    }
}

/// "2 assessments, 2026-10-28 to 2026-11-18".
pub(super) fn span(list: &[Assessment]) -> String {
    match (list.first(), list.last()) {
        (Some(a), Some(b)) if list.len() > 1 => {
            format!("{} assessments, {} to {}", list.len(), a.date, b.date)
        }
        (Some(a), _) => format!("1 assessment, {}", a.date),
        _ => String::new(),
    }
}

fn full(d: &ReportData, c: &mut Canvas) {
    let list = &d.card.assessments;
    let note = format!("overall and per pillar · {}", span(list));
    heading(c, "Trend", &note, CHART_H);
    let overall: Vec<Option<f64>> = list.iter().map(|a| a.overall).collect();
    let pillars = &d.card.pillars;
    let w = c.content_width();

    if pillars.len() <= BESIDE_MAX {
        let chart_w = (w * 0.32).round();
        let gx = c.left + chart_w + 18.0;
        let cols = 3;
        let rows = pillars.len().div_ceil(cols);
        let h = CHART_H.max(rows as f32 * CELL_H);
        let y = c.place(h);
        chart(c, (c.left, y, chart_w, CHART_H), &overall, list);
        let cell_w = (c.right - gx - (cols - 1) as f32 * CELL_GAP) / cols as f32;
        for (i, p) in pillars.iter().enumerate() {
            let x = gx + (i % cols) as f32 * (cell_w + CELL_GAP);
            let cy = y + (i / cols) as f32 * CELL_H;
            sparkline(c, (x, cy, cell_w), p, list);
        }
    } else {
        let y = c.place(CHART_H);
        chart(c, (c.left, y, w, CHART_H), &overall, list);
        c.skip(8.0);
        let cols = ((w + CELL_GAP) / (96.0 + CELL_GAP)).floor().max(1.0) as usize;
        let cell_w = (w - (cols - 1) as f32 * CELL_GAP) / cols as f32;
        let running: Running = Rc::new(|c: &mut Canvas| continued(c, "Trend"));
        c.set_running(Some(running));
        for chunk in pillars.chunks(cols) {
            let y = c.place(CELL_H);
            for (i, p) in chunk.iter().enumerate() {
                let x = c.left + i as f32 * (cell_w + CELL_GAP);
                sparkline(c, (x, y, cell_w), p, list);
            }
        }
        c.set_running(None);
    }
    c.skip(style::SECTION_GAP);
}

/// A pillar's score in each assessment (none where it was not scored or not yet a pillar).
pub(super) fn scores(p: &Pillar, list: &[Assessment]) -> Vec<Option<f64>> {
    list.iter()
        .map(|a| {
            a.scores
                .iter()
                .find(|s| s.pillar_id == p.id)
                .and_then(|s| s.score)
                .map(f64::from)
        })
        .collect()
}

/// Score 1-5 to a y inside a plot of height `h` starting at `top`.
fn y_of(v: f64, top: f32, h: f32) -> f32 {
    top + h - ((v as f32 - 1.0) / 4.0).clamp(0.0, 1.0) * h
}

/// Evenly spread x positions, inset so end points do not sit on the frame.
fn xs(n: usize, left: f32, w: f32, inset: f32) -> Vec<f32> {
    if n == 1 {
        return vec![left + w / 2.0];
    }
    let step = (w - 2.0 * inset) / (n - 1) as f32;
    (0..n).map(|i| left + inset + i as f32 * step).collect()
}

/// Lines between consecutive known values; an unknown value breaks the line.
fn polyline(c: &mut Canvas, pts: &[Option<(f32, f32)>], thickness: f32, color: Rgb8) {
    for run in pts.split(Option::is_none) {
        let run: Vec<(f32, f32)> = run.iter().flatten().copied().collect();
        c.line(&run, thickness, color, &[]);
    }
}

fn dot(c: &mut Canvas, (x, y): (f32, f32), r: f32, color: Rgb8) {
    // An octagon reads as a dot at this size.
    let k = r * 0.414;
    let pts = [
        (x - k, y - r),
        (x + k, y - r),
        (x + r, y - k),
        (x + r, y + k),
        (x + k, y + r),
        (x - k, y + r),
        (x - r, y + k),
        (x - r, y - k),
    ];
    c.polygon(&pts, color);
}

pub(super) fn chart(
    c: &mut Canvas,
    (x, y, w, h): (f32, f32, f32, f32),
    values: &[Option<f64>],
    list: &[Assessment],
) {
    let px = x + 14.0;
    let pw = w - 14.0 - 4.0;
    let top = y + 8.0;
    let ph = h - 8.0 - 28.0;
    for v in 1..=5 {
        let gy = y_of(f64::from(v), top, ph);
        if v == 4 {
            c.line(&[(px, gy), (px + pw, gy)], 0.7, style::GREEN, &[2.5, 2.0]);
        } else {
            c.rule(px, px + pw, gy, style::RULE);
        }
        c.text_right(
            px - 4.0,
            gy + 2.5,
            &v.to_string(),
            Face::Regular,
            style::TINY,
            style::FAINT,
        );
    }
    let xs = xs(values.len(), px, pw, 10.0);
    let pts: Vec<Option<(f32, f32)>> = values
        .iter()
        .zip(&xs)
        .map(|(v, &x)| v.map(|v| (x, y_of(v, top, ph))))
        .collect();
    polyline(c, &pts, 1.4, style::INK);
    let labelled = values.len() <= 10;
    for p in pts.iter().zip(values) {
        if let (Some(p), Some(v)) = p {
            dot(c, *p, 2.2, style::INK);
            if labelled {
                c.text_center(
                    p.0,
                    p.1 - 5.0,
                    &format!("{v:.1}"),
                    Face::Bold,
                    6.5,
                    style::INK,
                );
            }
        }
    }
    aim_label(c, (px, pw, y_of(4.0, top, ph)), &pts, values, labelled);
    x_labels(c, &xs, list, (px, x + w), top + ph + 12.0);
}

/// "aim" over the right end of the dashed target line, or its left end when a point or its
/// value sits there, or nowhere when both are taken (the green dashes still say it).
fn aim_label(
    c: &mut Canvas,
    (px, pw, gy): (f32, f32, f32),
    pts: &[Option<(f32, f32)>],
    values: &[Option<f64>],
    labelled: bool,
) {
    let (size, base) = (6.0, gy - 2.5);
    let aw = c.width("aim", Face::Regular, size);
    let clear = |ax: f32| {
        pts.iter().zip(values).all(|(p, v)| {
            let (Some((x, y)), Some(v)) = (p, v) else {
                return true;
            };
            let lw = if labelled {
                c.width(&format!("{v:.1}"), Face::Bold, 6.5)
            } else {
                4.4
            };
            // The value's label above the dot, down to the dot's foot.
            let (x0, x1, y0, y1) = (x - lw / 2.0 - 1.0, x + lw / 2.0 + 1.0, y - 12.0, y + 2.2);
            x1 < ax || x0 > ax + aw || y1 < base - size || y0 > base + 1.0
        })
    };
    let at = [px + pw - aw, px + 2.0].into_iter().find(|&ax| clear(ax));
    if let Some(ax) = at {
        c.text(ax, base, "aim", Face::Regular, size, style::GREEN);
    }
}

/// Assessment labels and dates under the chart: every one that fits without touching its
/// neighbour, always the first and the last.
fn x_labels(c: &mut Canvas, xs: &[f32], list: &[Assessment], (lo, hi): (f32, f32), base: f32) {
    let n = xs.len();
    let spacing = if n > 1 { xs[1] - xs[0] } else { hi - lo };
    let width = if spacing >= 40.0 { spacing - 6.0 } else { 60.0 };
    let mut labels: Vec<(String, f32, f32)> = (0..n)
        .map(|i| {
            let label = c.fit(&list[i].label, Face::Regular, style::TINY, width);
            let lw = c.width(&label, Face::Regular, style::TINY);
            let dw = c.width(&list[i].date, Face::Regular, 6.0);
            let w = lw.max(dw);
            (label, (xs[i] - w / 2.0).clamp(lo, hi - w), w)
        })
        .collect();
    let clear = |a: usize, b: usize| labels[a].1 + labels[a].2 + 6.0 <= labels[b].1;
    let mut shown: Vec<usize> = Vec::new();
    for i in 0..n {
        if shown.last().is_none_or(|&j| clear(j, i)) {
            shown.push(i);
        }
    }
    if shown.last() != Some(&(n - 1)) {
        while shown.last().is_some_and(|&j| !clear(j, n - 1)) {
            shown.pop();
        }
        shown.push(n - 1);
    }
    if n > 1 && shown == [n - 1] {
        // The two ends collide (a narrow chart): the last label gives way, not the first.
        let room = hi - (labels[0].1 + labels[0].2 + 6.0);
        let label = c.fit(&list[n - 1].label, Face::Regular, style::TINY, room);
        let dw = c.width(&list[n - 1].date, Face::Regular, 6.0);
        let w = c.width(&label, Face::Regular, style::TINY).max(dw);
        if w <= room {
            labels[n - 1] = (label, hi - w, w);
            shown.insert(0, 0);
        }
    }
    for i in shown {
        let (label, x, w) = &labels[i];
        let a = &list[i];
        let lw = c.width(label, Face::Regular, style::TINY);
        let dw = c.width(&a.date, Face::Regular, 6.0);
        c.text(
            x + (w - lw) / 2.0,
            base,
            label,
            Face::Regular,
            style::TINY,
            style::TEXT,
        );
        c.text(
            x + (w - dw) / 2.0,
            base + 8.5,
            &a.date,
            Face::Regular,
            6.0,
            style::FAINT,
        );
    }
}

/// One pillar's scores across the assessments, in a cell `w` wide: name and first → last value
/// on top, the line below with its target level dashed.
fn sparkline(c: &mut Canvas, (x, y, w): (f32, f32, f32), p: &Pillar, list: &[Assessment]) {
    let values = scores(p, list);
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    let change = match (known.first(), known.last()) {
        (Some(a), Some(b)) if known.len() > 1 => format!("{a} → {b}"),
        (Some(a), _) => format!("{a}"),
        _ => "–".to_owned(),
    };
    let cw = c.width(&change, Face::Bold, style::TINY);
    c.text_right(x + w, y + 8.0, &change, Face::Bold, style::TINY, style::INK);
    let name = c.fit(&p.name, Face::Regular, style::TINY, w - cw - 6.0);
    c.text(x, y + 8.0, &name, Face::Regular, style::TINY, style::TEXT);

    // A dot at 5 stays clear of the label above; one at 1 of the next row's name below.
    let top = y + 12.0;
    let h = 9.0;
    let ty = y_of(f64::from(p.target), top, h);
    c.line(&[(x, ty), (x + w, ty)], 0.5, style::FAINT, &[1.5, 1.5]);
    c.rule(x, x + w, top + h, style::RULE);
    let xs = xs(values.len(), x, w, 3.0);
    let pts: Vec<Option<(f32, f32)>> = values
        .iter()
        .zip(&xs)
        .map(|(v, &x)| v.map(|v| (x, y_of(v, top, h))))
        .collect();
    polyline(c, &pts, 0.9, style::TEXT);
    if let (Some(Some(pt)), Some(&v)) = (pts.iter().rev().find(|p| p.is_some()), known.last()) {
        // Coloured by where the pillar stood then, which may differ from today's status.
        dot(
            c,
            *pt,
            1.6,
            status_color(Status::of(Some(v as u8), p.target)),
        );
    }
}
