//! The scorecard's lower half: two columns side by side under the pillars, so the trend and
//! goals (left) and the top risks and compliance (right) share a height that one full-width
//! stack could not spare on US Letter. Each column is a list of panels drawn top to bottom, each
//! panel's reserve kept free below the ones above it; when only one side has anything to show,
//! its panels take the full width, as the page looked before risks.

use super::{Panel, ReportData, LEFT, RIGHT};
use crate::report::canvas::Canvas;

/// Between the columns: three steps of the 8 pt grid.
const GUTTER: f32 = 24.0;

fn any(panels: &[Panel], d: &ReportData) -> bool {
    panels.iter().any(|p| (p.shows)(d))
}

/// Whether the lower half is split in two; the sections drawn in a column then take their
/// compact forms, and the full report carries what those leave out.
pub fn split(d: &ReportData) -> bool {
    any(LEFT, d) && any(RIGHT, d)
}

/// Draws panels top to bottom; each is drawn with the room the panels under it reserve kept
/// free, so a short block at the foot of a column (compliance) is never squeezed off the page
/// by a list above it that fits as many rows as it can (risks).
fn column<'a>(d: &ReportData, c: &mut Canvas, panels: impl Iterator<Item = &'a Panel>) {
    let panels: Vec<&Panel> = panels.collect();
    let reserves: Vec<f32> = panels
        .iter()
        .map(|p| if (p.shows)(d) { (p.reserve)(d, c) } else { 0.0 })
        .collect();
    for (i, p) in panels.iter().enumerate() {
        c.reserve(reserves[i + 1..].iter().sum());
        (p.draw)(d, c);
    }
    c.reserve(0.0);
}

pub fn lower_half(d: &ReportData, c: &mut Canvas) {
    if !split(d) {
        column(d, c, LEFT.iter().chain(RIGHT));
        return;
    }
    let (left, right) = (c.left, c.right);
    let mid = left + (right - left - GUTTER) / 2.0;
    let top = c.mark();
    c.right = mid;
    column(d, c, LEFT.iter());
    let after_left = c.mark();
    c.go_to(&top);
    c.left = mid + GUTTER;
    c.right = right;
    column(d, c, RIGHT.iter());
    let after_right = c.mark();
    c.left = left;
    // Whatever follows starts under the longer column.
    let lowest = if after_left.at() >= after_right.at() {
        after_left
    } else {
        after_right
    };
    c.go_to(&lowest);
}
