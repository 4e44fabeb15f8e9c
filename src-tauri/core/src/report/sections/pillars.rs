//! The scorecard's pillar rows: name with the first line of its evidence, score with its legend
//! word, target, a five-step bar with the target marked, status as symbol, word and colour,
//! owner and next checkpoint (marked when overdue).

use super::{continued, heading, ReportData};
use crate::report::canvas::{Canvas, Running};
use crate::report::fonts::Face;
use crate::report::style::{self, status_color, status_symbol};
use crate::scorecard::{legend, Pillar};
use std::rc::Rc;

const GAP: f32 = 10.0;
const NAME: f32 = 8.5;
// Rows are set tight: twelve pillars (both built-in sets) must leave the one-page scorecard
// room for the trend and the goals on US Letter.
const NAME_LINE: f32 = 10.0;
const EVIDENCE_LINE: f32 = 8.5;
const PAD_TOP: f32 = 3.0;
const PAD_BOTTOM: f32 = 3.0;
const HEAD_H: f32 = 15.0;

/// Left edge and width of each column.
#[derive(Clone, Copy)]
struct Cols {
    name: (f32, f32),
    score: (f32, f32),
    target: (f32, f32),
    bar: (f32, f32),
    status: (f32, f32),
    owner: (f32, f32),
    next: (f32, f32),
}

/// Fixed columns sized to their widest possible content; the pillar name takes the rest.
fn cols(c: &Canvas) -> Cols {
    let score_w =
        c.width("5", Face::Bold, NAME) + c.width(" Operationalized", Face::Regular, style::SMALL);
    let target_w = c.width("Target", Face::Regular, style::TINY);
    let bar_w = 58.0;
    let status_w = c.width("◐ in progress", Face::Regular, style::SMALL);
    let owner_w = 62.0;
    let next_w = c
        .width("Next checkpoint", Face::Regular, style::TINY)
        .max(c.width("2026-12-31", Face::Regular, style::SMALL));
    let fixed = score_w + target_w + bar_w + status_w + owner_w + next_w + 6.0 * GAP;
    let name_w = c.content_width() - fixed;
    let mut x = c.left;
    let mut col = |w: f32| {
        let r = (x, w);
        x += w + GAP;
        r
    };
    Cols {
        name: col(name_w),
        score: col(score_w),
        target: col(target_w),
        bar: col(bar_w),
        status: col(status_w),
        owner: col(owner_w),
        next: col(next_w),
    }
}

fn column_heads(c: &mut Canvas, k: Cols) {
    let y = c.place(HEAD_H);
    let base = y + 9.0;
    let heads = [
        (k.name, "Pillar"),
        (k.score, "Score"),
        (k.target, "Target"),
        (k.bar, "Score vs target"),
        (k.status, "Status"),
        (k.owner, "Owner"),
        (k.next, "Next checkpoint"),
    ];
    for ((x, _), t) in heads {
        c.text(x, base, t, Face::Regular, style::TINY, style::MUTED);
    }
    c.rule(c.left, c.right, y + HEAD_H - 2.0, style::FAINT);
}

pub fn draw(d: &ReportData, c: &mut Canvas) {
    let pillars = &d.card.pillars;
    if pillars.is_empty() {
        return;
    }
    let k = cols(c);
    let noun = if pillars.len() == 1 {
        "pillar"
    } else {
        "pillars"
    };
    let note = format!(
        "{} {noun} · scores 1–5 · the bar’s tick marks the target",
        pillars.len()
    );
    heading(c, "Pillars", &note, HEAD_H + 30.0);
    column_heads(c, k);
    let running: Running = Rc::new(move |c: &mut Canvas| {
        continued(c, "Pillars");
        column_heads(c, k);
    });
    c.set_running(Some(running));
    let as_of = d.as_of.to_string();
    for p in pillars {
        row(c, k, p, &as_of);
    }
    c.set_running(None);
    c.skip(style::SECTION_GAP);
}

fn row(c: &mut Canvas, k: Cols, p: &Pillar, as_of: &str) {
    let names = c.wrap(&p.name, Face::Bold, NAME, k.name.1);
    // The evidence summary runs under the name, score, bar and status columns.
    let ev_w = k.owner.0 - GAP - k.name.0;
    let evidence = c.summary(&p.evidence, Face::Regular, style::TINY, ev_w);
    let ev_h = if evidence.is_empty() {
        0.0
    } else {
        EVIDENCE_LINE
    };
    let overdue = p.next_checkpoint.as_deref().is_some_and(|d| d < as_of);
    let body =
        (names.len() as f32 * NAME_LINE + ev_h).max(if overdue { 2.0 * NAME_LINE } else { 0.0 });
    let h = PAD_TOP + body + PAD_BOTTOM;
    let y = c.place(h);
    let base = y + PAD_TOP + 7.5;

    for (i, line) in names.iter().enumerate() {
        let b = base + i as f32 * NAME_LINE;
        c.text(k.name.0, b, line, Face::Bold, NAME, style::INK);
    }
    if !evidence.is_empty() {
        let b = base + (names.len() - 1) as f32 * NAME_LINE + EVIDENCE_LINE + 0.5;
        c.text(
            k.name.0,
            b,
            &evidence,
            Face::Regular,
            style::TINY,
            style::MUTED,
        );
    }

    match p.score {
        Some(s) => {
            let num = s.to_string();
            c.text(k.score.0, base, &num, Face::Bold, NAME, style::INK);
            let nw = c.width(&num, Face::Bold, NAME);
            let word = format!(" {}", legend(s));
            c.text(
                k.score.0 + nw,
                base,
                &word,
                Face::Regular,
                style::SMALL,
                style::TEXT,
            );
        }
        None => {
            c.text(
                k.score.0,
                base,
                "– Not scored",
                Face::Regular,
                style::SMALL,
                style::FAINT,
            );
        }
    }
    let target = p.target.to_string();
    c.text(
        k.target.0,
        base,
        &target,
        Face::Regular,
        style::SMALL,
        style::TEXT,
    );
    bar(c, k.bar, base - 3.0, p);

    let color = status_color(p.status);
    let label = format!("{} {}", status_symbol(p.status), p.status.label());
    c.text(k.status.0, base, &label, Face::Regular, style::SMALL, color);

    if p.owner.trim().is_empty() {
        c.text(
            k.owner.0,
            base,
            "—",
            Face::Regular,
            style::SMALL,
            style::FAINT,
        );
    } else {
        let owner = c.fit(&p.owner, Face::Regular, style::SMALL, k.owner.1);
        c.text(
            k.owner.0,
            base,
            &owner,
            Face::Regular,
            style::SMALL,
            style::TEXT,
        );
    }

    match p.next_checkpoint.as_deref() {
        Some(date) if overdue => {
            c.text(k.next.0, base, date, Face::Bold, style::SMALL, style::RED);
            c.text(
                k.next.0,
                base + NAME_LINE,
                "overdue",
                Face::Regular,
                style::TINY,
                style::RED,
            );
        }
        Some(date) => c.text(
            k.next.0,
            base,
            date,
            Face::Regular,
            style::SMALL,
            style::TEXT,
        ),
        None => c.text(
            k.next.0,
            base,
            "—",
            Face::Regular,
            style::SMALL,
            style::FAINT,
        ),
    }

    c.rule(c.left, c.right, y + h, style::RULE);
}

/// Five cells, filled up to the score in the status colour, with a tick after the target cell.
/// The count of filled cells reads the same in black and white.
fn bar(c: &mut Canvas, (x, w): (f32, f32), mid: f32, p: &Pillar) {
    let gap = 1.5;
    let cell = (w - 4.0 * gap) / 5.0;
    let ch = 6.0;
    let top = mid - ch / 2.0;
    let filled = p.score.unwrap_or(0);
    for i in 0..5u8 {
        let cx = x + f32::from(i) * (cell + gap);
        let color = if i < filled {
            status_color(p.status)
        } else {
            style::RULE
        };
        c.rect(cx, top, cell, ch, color);
    }
    let t = f32::from(p.target.clamp(1, 5));
    let tx = x + t * (cell + gap) - gap / 2.0;
    c.line(
        &[(tx, top - 2.5), (tx, top + ch + 2.5)],
        1.2,
        style::INK,
        &[],
    );
}
