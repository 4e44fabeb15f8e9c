//! A plain table for the full report: column headings repeated on every page the table runs
//! onto, wrapped cells (each with an optional second paragraph in its own colour, so a status
//! can stand out under plain text), an optional full-width detail block under each row (long
//! evidence), and rows taller than the space left split between lines, never inside one.

use super::continued;
use crate::report::canvas::{Canvas, Running};
use crate::report::fonts::Face;
use crate::report::layout::split_lines;
use crate::report::style::{self, Rgb8};
use std::rc::Rc;

const SIZE: f32 = style::SMALL;
const LINE: f32 = 10.5;
const DETAIL_SIZE: f32 = 7.5;
const DETAIL_LINE: f32 = 10.0;
/// Extra space above a detail block, so it does not read as one more line of the last cell.
const DETAIL_GAP: f32 = 2.0;
const HEAD_SIZE: f32 = style::TINY;
const HEAD_LINE: f32 = 8.5;
const PAD_TOP: f32 = 4.0;
const PAD_BOTTOM: f32 = 5.0;
const GAP: f32 = 8.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

pub struct Col {
    pub title: String,
    /// Zero: this column takes the width the others leave.
    pub width: f32,
    pub align: Align,
}

impl Col {
    pub fn new(title: &str, width: f32, align: Align) -> Col {
        Col {
            title: title.to_owned(),
            width,
            align,
        }
    }
}

pub struct Cell {
    pub text: String,
    pub face: Face,
    pub color: Rgb8,
    /// A paragraph under `text`, in regular type and its own colour.
    pub then: Option<(String, Rgb8)>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            face: Face::Regular,
            color: style::TEXT,
            then: None,
        }
    }

    /// Adds a paragraph under the text (a status, a date marked overdue); empty adds nothing.
    pub fn then(mut self, text: impl Into<String>, color: Rgb8) -> Cell {
        let text = text.into();
        if !text.trim().is_empty() {
            self.then = Some((text, color));
        }
        self
    }

    pub fn bold(mut self) -> Cell {
        self.face = Face::Bold;
        self.color = style::INK;
        self
    }

    pub fn color(mut self, color: Rgb8) -> Cell {
        self.color = color;
        self
    }
}

pub struct Row {
    pub cells: Vec<Cell>,
    /// Spans the whole width under the cells.
    pub detail: Option<Cell>,
}

pub struct Table {
    title: String,
    /// (x, width, align) per column.
    cols: Vec<(f32, f32, Align)>,
    heads: Vec<Vec<String>>,
    detail_title: Option<String>,
    /// Where the rules end: the last column's edge, so a narrow table does not look wide.
    right: f32,
}

impl Table {
    pub fn new(c: &Canvas, title: &str, cols: Vec<Col>, detail_title: Option<&str>) -> Rc<Table> {
        let fixed: f32 = cols.iter().map(|k| k.width).sum::<f32>() + GAP * (cols.len() - 1) as f32;
        let flex = cols.iter().filter(|k| k.width == 0.0).count().max(1) as f32;
        let spare = ((c.content_width() - fixed) / flex).max(20.0);
        let mut x = c.left;
        let mut geometry = Vec::new();
        let mut heads = Vec::new();
        for k in &cols {
            let w = if k.width == 0.0 { spare } else { k.width };
            geometry.push((x, w, k.align));
            heads.push(c.wrap(&k.title, Face::Bold, HEAD_SIZE, w));
            x += w + GAP;
        }
        Rc::new(Table {
            right: (x - GAP).min(c.right),
            title: title.to_owned(),
            cols: geometry,
            heads,
            detail_title: detail_title.map(str::to_owned),
        })
    }

    fn head_height(&self) -> f32 {
        let lines = self.heads.iter().map(Vec::len).max().unwrap_or(1) as f32;
        let detail = if self.detail_title.is_some() {
            HEAD_LINE
        } else {
            0.0
        };
        lines * HEAD_LINE + detail + 6.0
    }

    fn head(&self, c: &mut Canvas) {
        let h = self.head_height();
        let y = c.place(h);
        for (lines, &(x, w, align)) in self.heads.iter().zip(&self.cols) {
            for (i, line) in lines.iter().enumerate() {
                let base = y + 7.0 + i as f32 * HEAD_LINE;
                cell_text(
                    c,
                    (x, w, align),
                    base,
                    line,
                    Face::Bold,
                    HEAD_SIZE,
                    style::MUTED,
                );
            }
        }
        if let Some(t) = &self.detail_title {
            let lines = self.heads.iter().map(Vec::len).max().unwrap_or(1) as f32;
            let base = y + 7.0 + lines * HEAD_LINE;
            c.text(c.left, base, t, Face::Regular, HEAD_SIZE, style::MUTED);
        }
        c.rule(c.left, self.right, y + h - 1.5, style::FAINT);
    }

    /// Draws the column headings and every row; headings repeat after each page break.
    pub fn draw(self: &Rc<Self>, c: &mut Canvas, rows: impl IntoIterator<Item = Row>) {
        self.head(c);
        let me = Rc::clone(self);
        let running: Running = Rc::new(move |c: &mut Canvas| {
            continued(c, &me.title);
            me.head(c);
        });
        c.set_running(Some(running));
        for row in rows {
            self.row(c, &row);
        }
        c.set_running(None);
    }

    /// Where the table's rules end.
    pub fn right(&self) -> f32 {
        self.right
    }

    /// A heading, then the first row, fit on the page along with the column headings.
    pub fn keep(&self) -> f32 {
        self.head_height() + PAD_TOP + 2.0 * LINE + PAD_BOTTOM
    }

    fn row(&self, c: &mut Canvas, row: &Row) {
        let cells: Vec<Vec<Line>> = row
            .cells
            .iter()
            .zip(&self.cols)
            .map(|(cell, &(_, w, _))| lines(c, cell, w))
            .collect();
        let n = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let detail = match &row.detail {
            Some(d) => c.wrap(&d.text, d.face, DETAIL_SIZE, c.content_width()),
            None => Vec::new(),
        };
        let heights: Vec<f32> = std::iter::repeat_n(LINE, n)
            .chain((0..detail.len()).map(|i| DETAIL_LINE + if i == 0 { DETAIL_GAP } else { 0.0 }))
            .collect();
        let pad = PAD_TOP + PAD_BOTTOM;
        let total: f32 = heights.iter().sum::<f32>() + pad;

        // Short rows move whole; long ones fill the page and carry on after the headings.
        let runs = if total <= c.room() || total <= c.page_room() / 3.0 {
            vec![heights.len()]
        } else {
            split_lines(&heights, c.room() - pad, c.page_room() - pad, 2)
        };
        let mut start = 0;
        for (k, &len) in runs.iter().enumerate() {
            if len == 0 {
                c.new_page();
                continue;
            }
            let part = &heights[start..start + len];
            let h = part.iter().sum::<f32>() + pad;
            let y = c.place(h);
            let mut top = y + PAD_TOP;
            for i in start..start + len {
                if i < n {
                    for (lines, &geo) in cells.iter().zip(&self.cols) {
                        if let Some((line, face, color)) = lines.get(i) {
                            cell_text(c, geo, top + 8.0, line, *face, SIZE, *color);
                        }
                    }
                    top += LINE;
                } else if let Some(d) = &row.detail {
                    if i == n {
                        top += DETAIL_GAP;
                    }
                    c.text(
                        c.left,
                        top + 7.5,
                        &detail[i - n],
                        d.face,
                        DETAIL_SIZE,
                        d.color,
                    );
                    top += DETAIL_LINE;
                }
            }
            start += len;
            if k + 1 < runs.len() {
                c.new_page();
            } else {
                c.rule(c.left, self.right, y + h, style::RULE);
            }
        }
    }
}

/// One printed line of a cell, with its face and colour.
type Line = (String, Face, Rgb8);

/// A cell's text wrapped to `w`, then its second paragraph, if any.
fn lines(c: &Canvas, cell: &Cell, w: f32) -> Vec<Line> {
    let mut out: Vec<Line> = c
        .wrap(&cell.text, cell.face, SIZE, w)
        .into_iter()
        .map(|l| (l, cell.face, cell.color))
        .collect();
    if let Some((text, color)) = &cell.then {
        let more = c.wrap(text, Face::Regular, SIZE, w);
        out.extend(more.into_iter().map(|l| (l, Face::Regular, *color)));
    }
    out
}

fn cell_text(
    c: &mut Canvas,
    (x, w, align): (f32, f32, Align),
    base: f32,
    text: &str,
    face: Face,
    size: f32,
    color: Rgb8,
) {
    match align {
        Align::Left => c.text(x, base, text, face, size, color),
        Align::Right => c.text_right(x + w, base, text, face, size, color),
        Align::Center => c.text_center(x + w / 2.0, base, text, face, size, color),
    }
}
