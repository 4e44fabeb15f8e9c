//! The risk heat map of the full report: a 5 × 5 grid, likelihood up the side (5 at the top)
//! and impact across, each cell tinted by its band and holding its count of risks not closed;
//! beside it, the four bands with their severities and counts, so the tints never have to be
//! read alone.

use crate::report::canvas::Canvas;
use crate::report::fonts::Face;
use crate::report::style::{self, band_color, band_tint};
use crate::risks::{Band, HeatMap};

const CELL_W: f32 = 36.0;
const CELL_H: f32 = 22.0;
/// Room left of the grid for the "Likelihood" caption and the row numbers.
const AXIS_W: f32 = 44.0;
/// The caption line above the grid, and the numbers and caption under it.
const TOP: f32 = 14.0;
const BOTTOM: f32 = 26.0;
const LEGEND_GAP: f32 = 36.0;
const LEGEND_LINE: f32 = 15.0;

/// The drawing's height, to keep it on the page with its heading.
pub fn height() -> f32 {
    TOP + 5.0 * CELL_H + BOTTOM
}

/// Draws the grid and its legend; `closed` is how many risks the counts leave out.
pub fn draw(c: &mut Canvas, map: &HeatMap, closed: u32) {
    let y = c.place(height());
    let x0 = c.left + AXIS_W;
    let y0 = y + TOP;
    let (tiny, muted) = (style::TINY, style::MUTED);
    c.text(c.left, y + 8.0, "Likelihood ↑", Face::Regular, tiny, muted);
    for cell in &map.cells {
        let x = x0 + f32::from(cell.impact - 1) * CELL_W;
        let top = y0 + f32::from(5 - cell.likelihood) * CELL_H;
        let tint = band_tint(cell.band, cell.count == 0);
        // White gaps between the cells come from drawing each a little smaller.
        c.rect(x + 1.0, top + 1.0, CELL_W - 2.0, CELL_H - 2.0, tint);
        if cell.count > 0 {
            let n = cell.count.to_string();
            let mid = x + CELL_W / 2.0;
            c.text_center(
                mid,
                top + CELL_H / 2.0 + 3.5,
                &n,
                Face::Bold,
                10.0,
                style::INK,
            );
        }
    }
    for v in 1..=5u8 {
        let row_mid = y0 + f32::from(5 - v) * CELL_H + CELL_H / 2.0 + 3.0;
        let t = v.to_string();
        c.text_right(
            x0 - 8.0,
            row_mid,
            &t,
            Face::Regular,
            style::SMALL,
            style::TEXT,
        );
        let col_mid = x0 + f32::from(v - 1) * CELL_W + CELL_W / 2.0;
        let base = y0 + 5.0 * CELL_H + 10.0;
        c.text_center(col_mid, base, &t, Face::Regular, style::SMALL, style::TEXT);
    }
    let grid_mid = x0 + 2.5 * CELL_W;
    let base = y0 + 5.0 * CELL_H + 21.0;
    c.text_center(grid_mid, base, "Impact →", Face::Regular, tiny, muted);
    legend(c, (x0 + 5.0 * CELL_W + LEGEND_GAP, y0), map, closed);
}

/// "1 risk", "12 risks".
pub fn n_risks(n: u32) -> String {
    if n == 1 {
        "1 risk".to_owned()
    } else {
        format!("{n} risks")
    }
}

/// "■ critical  20–25   1 risk", most severe first, then what the counts mean.
fn legend(c: &mut Canvas, (x, y): (f32, f32), map: &HeatMap, closed: u32) {
    let word_w = c.width("critical", Face::Bold, style::SMALL) + 10.0;
    let range_w = c.width("20–25", Face::Regular, style::SMALL) + 14.0;
    let count_x = x + 16.0 + word_w + range_w;
    for (i, band) in Band::ALL.into_iter().rev().enumerate() {
        let top = y + 4.0 + i as f32 * LEGEND_LINE;
        let base = top + 8.0;
        c.rect(x, top, 10.0, 10.0, band_tint(band, false));
        let color = band_color(band);
        c.text(
            x + 16.0,
            base,
            band.label(),
            Face::Bold,
            style::SMALL,
            color,
        );
        let (lo, hi) = band.range();
        let range = format!("{lo}–{hi}");
        let rx = x + 16.0 + word_w;
        c.text(rx, base, &range, Face::Regular, style::SMALL, style::MUTED);
        let n: u32 = map
            .cells
            .iter()
            .filter(|k| k.band == band)
            .map(|k| k.count)
            .sum();
        let t = match n {
            0 => "none".to_owned(),
            n => n_risks(n),
        };
        c.text(count_x, base, &t, Face::Regular, style::SMALL, style::TEXT);
    }
    let counted = format!("Counts: {} not closed", n_risks(map.total));
    let notes = [
        "Severity is likelihood × impact.".to_owned(),
        match closed {
            0 => format!("{counted}."),
            n => format!("{counted}; {n} closed, listed last."),
        },
    ];
    let w = c.right - x;
    for (i, note) in notes.iter().enumerate() {
        let base = y + 4.0 + 4.0 * LEGEND_LINE + 10.0 + i as f32 * 10.0;
        let t = c.fit(note, Face::Regular, style::TINY, w);
        c.text(x, base, &t, Face::Regular, style::TINY, style::MUTED);
    }
}
