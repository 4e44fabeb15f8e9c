//! The scorecard's lower half: two columns side by side under the pillars, so the trend and
//! goals (left) and the top risks (right) share a height that one full-width stack could not
//! spare on US Letter. Each column is a list of panels drawn top to bottom; when only one side
//! has anything to show, its panels take the full width, as the page looked before risks.

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

pub fn lower_half(d: &ReportData, c: &mut Canvas) {
    if !split(d) {
        for p in LEFT.iter().chain(RIGHT) {
            (p.draw)(d, c);
        }
        return;
    }
    let (left, right) = (c.left, c.right);
    let mid = left + (right - left - GUTTER) / 2.0;
    let top = c.mark();
    c.right = mid;
    for p in LEFT {
        (p.draw)(d, c);
    }
    let after_left = c.mark();
    c.go_to(&top);
    c.left = mid + GUTTER;
    c.right = right;
    for p in RIGHT {
        (p.draw)(d, c);
    }
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
