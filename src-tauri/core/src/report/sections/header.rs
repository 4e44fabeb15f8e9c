//! The top of the scorecard: the project, its North Star and leading metric (with the latest
//! reading and status of the goal it follows), the "as of" date and the assessment the scores
//! reflect; then the headline band.

use super::goals::{latest_words, stale_words, status_words, target_words};
use super::ReportData;
use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::style::{self, metric_color, status_color, status_symbol, Rgb8};
use crate::scorecard::{legend, Status};

const LABEL_W: f32 = 82.0;
const LINE: f32 = 12.0;

pub fn draw(d: &ReportData, c: &mut Canvas) {
    let p = &d.project;
    let y = c.place(12.0);
    c.text(
        c.left,
        y + 7.0,
        "Readiness scorecard",
        Face::Bold,
        style::TINY,
        style::MUTED,
    );
    let as_of = format!("As of {}", d.as_of);
    c.text_right(
        c.right,
        y + 7.0,
        &as_of,
        Face::Regular,
        style::SMALL,
        style::TEXT,
    );

    let title_line = style::TITLE * 1.25;
    for line in c.wrap(&p.name, Face::Bold, style::TITLE, c.content_width()) {
        let y = c.place(title_line);
        c.text(
            c.left,
            y + style::TITLE,
            &line,
            Face::Bold,
            style::TITLE,
            style::INK,
        );
    }
    c.skip(6.0);

    field(c, "North Star", &p.north_star);
    leading_metric(d, c);
    field(c, "Assessment", &assessment_line(d));

    c.skip(4.0);
    let y = c.place(1.0);
    c.rule(c.left, c.right, y, style::RULE);
    c.skip(style::SECTION_GAP - 4.0);
}

/// Which assessment the scores reflect, and whether they moved since.
fn assessment_line(d: &ReportData) -> String {
    let count = d.card.assessments.len();
    let recorded = if count == 1 {
        "1 recorded".to_owned()
    } else {
        format!("{count} recorded")
    };
    match d.reflected() {
        None => "Current scores; no assessment recorded yet".to_owned(),
        Some(a) if d.unchanged_since(a) => {
            format!(
                "“{}” of {} ({recorded}); scores unchanged since then",
                a.label, a.date
            )
        }
        Some(a) => format!(
            "Current scores, changed since “{}” of {} ({recorded})",
            a.label, a.date
        ),
    }
}

/// The leading metric in words and, when it follows a goal with numbers, that goal's latest
/// reading against its target and its status: on the words' line when all of it fits, else on
/// a line of its own under them (the words then keep to one line), so never more than two.
fn leading_metric(d: &ReportData, c: &mut Canvas) {
    const LABEL: &str = "Leading metric";
    // A tied metric without words of its own borrows the goal's.
    let words = match (d.project.leading_metric.trim(), &d.leading) {
        ("", Some(g)) => g.metric.trim(),
        (own, _) => own,
    };
    let Some(g) = d.leading.as_ref().filter(|g| g.has_numbers()) else {
        field(c, LABEL, words);
        return;
    };
    let target = target_words(g).unwrap_or_default();
    let reading = match latest_words(g) {
        Some(latest) => format!("{latest}, target {target}"),
        None => format!("target {target}"),
    };
    let mut parts: Vec<(String, Rgb8)> = vec![
        (reading, style::INK),
        (" · ".to_owned(), style::MUTED),
        (status_words(g), metric_color(g.status)),
    ];
    if let Some(stale) = stale_words(g) {
        parts.push((format!(" · {stale}"), style::AMBER));
    }
    let x = c.left + LABEL_W;
    let w = c.content_width() - LABEL_W;
    let measure = |c: &Canvas, t: &str| c.width(t, Face::Regular, style::BODY);
    let tail: f32 = parts.iter().map(|(t, _)| measure(c, t)).sum();
    let lead = format!("{words} — ");
    let one_line = words.is_empty() || measure(c, &lead) + tail <= w;

    let y = c.place(LINE);
    let label = (Face::Regular, style::SMALL, style::MUTED);
    c.text(c.left, y + 9.0, LABEL, label.0, label.1, label.2);
    let mut at = x;
    let base = if one_line {
        if !words.is_empty() {
            c.text(at, y + 9.0, &lead, Face::Regular, style::BODY, style::INK);
            at += measure(c, &lead);
        }
        y + 9.0
    } else {
        let first = c.fit(words, Face::Regular, style::BODY, w);
        c.text(x, y + 9.0, &first, Face::Regular, style::BODY, style::INK);
        c.place(LINE) + 9.0
    };
    // A unit too long for the line is the only part that gives way.
    let rest = tail - measure(c, &parts[0].0);
    parts[0].0 = c.fit(
        &parts[0].0,
        Face::Regular,
        style::BODY,
        (x + w - at - rest).max(0.0),
    );
    for (t, color) in &parts {
        c.text(at, base, t, Face::Regular, style::BODY, *color);
        at += measure(c, t);
    }
    c.skip(3.0);
}

/// A label on the left and its wrapped value beside it.
fn field(c: &mut Canvas, label: &str, value: &str) {
    let x = c.left + LABEL_W;
    let w = c.content_width() - LABEL_W;
    let (lines, color) = if value.trim().is_empty() {
        (vec!["Not set".to_owned()], style::FAINT)
    } else {
        (c.wrap(value, Face::Regular, style::BODY, w), style::INK)
    };
    for (i, line) in lines.iter().enumerate() {
        let y = c.place(LINE);
        if i == 0 {
            c.text(
                c.left,
                y + 9.0,
                label,
                Face::Regular,
                style::SMALL,
                style::MUTED,
            );
        }
        c.text(x, y + 9.0, line, Face::Regular, style::BODY, color);
    }
    c.skip(3.0);
}

/// The band under the header: overall score, pillars at target, the status counts and the
/// pillars furthest behind.
pub fn headline(d: &ReportData, c: &mut Canvas) {
    let pillars = &d.card.pillars;
    if pillars.is_empty() {
        // Not a heading: one line so a near-empty handout explains itself.
        let y = c.place(14.0);
        let note = "No pillars yet: add a pillar set or your own pillars to score this project.";
        c.text(
            c.left,
            y + 9.0,
            note,
            Face::Regular,
            style::BODY,
            style::MUTED,
        );
        return;
    }
    let h = &d.card.headline;
    let band = 56.0;
    let y = c.place(band);
    c.rect(c.left, y, c.content_width(), band, style::BAND);

    // Overall score.
    let x = c.left + 12.0;
    let (big, word) = match h.overall {
        Some(o) => (format!("{o:.1}"), legend(o.round() as u8).to_owned()),
        None => ("–".to_owned(), "not scored yet".to_owned()),
    };
    c.text(x, y + 31.0, &big, Face::Bold, 24.0, style::INK);
    if h.overall.is_some() {
        let bw = c.width(&big, Face::Bold, 24.0);
        let out_of = (x + bw + 3.0, y + 31.0);
        c.text(
            out_of.0,
            out_of.1,
            "/ 5",
            Face::Regular,
            style::BODY,
            style::MUTED,
        );
    }
    c.text(
        x,
        y + 45.0,
        &format!("overall · {word}"),
        Face::Regular,
        style::TINY,
        style::MUTED,
    );

    // Status counts, right-aligned in three lines.
    let count = |s: Status| pillars.iter().filter(|p| p.status == s).count();
    let counts_w = ["on target", "in progress", "pending"]
        .iter()
        .map(|w| c.width(&format!("● 99 {w}"), Face::Regular, style::SMALL))
        .fold(0.0, f32::max);
    let cx = c.right - 12.0 - counts_w;
    for (i, s) in [Status::OnTarget, Status::InProgress, Status::Pending]
        .into_iter()
        .enumerate()
    {
        let base = y + 17.0 + i as f32 * 12.0;
        let sym = status_symbol(s);
        c.text(cx, base, sym, Face::Regular, style::SMALL, status_color(s));
        let sw = c.width("● ", Face::Regular, style::SMALL);
        let label = format!("{} {}", count(s), s.label());
        c.text(
            cx + sw,
            base,
            &label,
            Face::Regular,
            style::SMALL,
            style::TEXT,
        );
    }

    // The headline itself, between the two; 7.5 pt lets three pillar names fit.
    let mx = c.left + 108.0;
    let mw = cx - 16.0 - mx;
    let small = 7.5;
    let summary = c.fit(&h.summary(), Face::Bold, 12.5, mw);
    c.text(mx, y + 21.0, &summary, Face::Bold, 12.5, style::INK);
    let aim = format!(
        "{} of {} scored · the aim is every pillar at its target",
        h.scored, h.total
    );
    let aim = c.fit(&aim, Face::Regular, small, mw);
    c.text(mx, y + 34.0, &aim, Face::Regular, small, style::TEXT);
    if !h.lowest.is_empty() {
        let behind = format!("Furthest behind: {}", h.lowest.join(", "));
        let behind = c.fit(&behind, Face::Regular, small, mw);
        c.text(mx, y + 45.5, &behind, Face::Regular, small, style::MUTED);
    }
    c.skip(style::SECTION_GAP);
}
