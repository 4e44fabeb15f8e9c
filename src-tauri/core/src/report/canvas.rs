//! A drawing surface over printpdf's page ops: top-down coordinates in points, text that is
//! always made printable and measured with the embedded font, page breaks decided by
//! [`PageBreaker`], a running header redrawn after every break, and footers added at the end
//! when the page count is known.

use super::fonts::{Face, Fonts};
use super::layout::{self, PageBreaker};
use super::style::{self, Rgb8};
use printpdf::{
    FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfFontHandle, PdfPage, Point,
    Polygon, PolygonRing, Pt, Rect, TextItem, WindingOrder,
};
use std::rc::Rc;

/// Drawn at the top of every page a table continues on.
pub type Running = Rc<dyn Fn(&mut Canvas)>;

/// Where drawing stood, to come back to: columns side by side each start from the same mark.
#[derive(Debug, Clone)]
pub struct Mark(PageBreaker);

impl Mark {
    /// Page, then height: the later of two marks is the one further down the document.
    pub fn at(&self) -> (usize, f32) {
        let s = self.0.at();
        (s.page, s.y)
    }
}

pub struct Canvas {
    pub fonts: &'static Fonts,
    font_ids: [FontId; 2],
    width: f32,
    height: f32,
    /// Left and right edges of the text column.
    pub left: f32,
    pub right: f32,
    breaker: PageBreaker,
    pages: Vec<Vec<Op>>,
    /// The page drawing goes to (only differs from the breaker's while adding footers).
    current: usize,
    running: Option<Running>,
}

impl Canvas {
    pub fn new(fonts: &'static Fonts, font_ids: [FontId; 2], size: (f32, f32)) -> Canvas {
        let (width, height) = size;
        Canvas {
            fonts,
            font_ids,
            width,
            height,
            left: style::MARGIN_X,
            right: width - style::MARGIN_X,
            breaker: PageBreaker::new(style::MARGIN_TOP, height - style::MARGIN_BOTTOM),
            pages: vec![Vec::new()],
            current: 0,
            running: None,
        }
    }

    pub fn content_width(&self) -> f32 {
        self.right - self.left
    }

    pub fn page_height(&self) -> f32 {
        self.height
    }

    pub fn room(&self) -> f32 {
        self.breaker.room()
    }

    pub fn page_room(&self) -> f32 {
        self.breaker.page_room()
    }

    /// Whether only a running header is on this page so far.
    pub fn fresh(&self) -> bool {
        self.breaker.fresh()
    }

    /// The running header drawn after each page break, until replaced or cleared.
    pub fn set_running(&mut self, running: Option<Running>) {
        self.running = running;
    }

    /// Keeps the last `h` points of the page free for a block drawn later; zero releases them.
    pub fn reserve(&mut self, h: f32) {
        self.breaker.reserve(h);
    }

    /// The current position, to return to with [`go_to`](Self::go_to).
    pub fn mark(&self) -> Mark {
        Mark(self.breaker.clone())
    }

    /// Moves drawing back (or on) to a mark, on whichever page it was.
    pub fn go_to(&mut self, mark: &Mark) {
        self.breaker = mark.0.clone();
        self.current = self.breaker.page();
    }

    /// Starts a new page and draws the running header on it.
    pub fn new_page(&mut self) {
        self.breaker.break_page();
        // A column drawn after a longer one may break onto a page that already exists.
        if self.breaker.page() == self.pages.len() {
            self.pages.push(Vec::new());
        }
        self.current = self.breaker.page();
        if let Some(r) = self.running.clone() {
            r(self);
        }
        self.breaker.content_starts_here();
    }

    /// Starts a new page unless the current one is still empty.
    pub fn new_page_unless_fresh(&mut self) {
        if !(self.fresh() && self.running.is_none()) {
            self.new_page();
        }
    }

    /// Room for a block of height `h` that must not split; returns the y of its top.
    pub fn place(&mut self, h: f32) -> f32 {
        if self.breaker.needs_break(h) {
            self.new_page();
        }
        self.breaker.place(h).y
    }

    /// Like [`place`](Self::place), keeping the block on the same page as the next `next` points.
    pub fn place_keeping(&mut self, h: f32, next: f32) -> f32 {
        if self.breaker.needs_break(h + next) {
            self.new_page();
        }
        self.place(h)
    }

    pub fn skip(&mut self, h: f32) {
        self.breaker.skip(h);
    }

    /// Takes back `h` points of a gap just skipped (never above the page's content start).
    pub fn back(&mut self, h: f32) {
        self.breaker.back(h);
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        &mut self.pages[self.current]
    }

    /// Width of `text` as it will print.
    pub fn width(&self, text: &str, face: Face, size: f32) -> f32 {
        let t = self.fonts.printable(face, text);
        self.fonts.width(face, &t, size)
    }

    /// `text` wrapped to `width`, made printable first so the measure matches the drawing.
    pub fn wrap(&self, text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
        let t = self.fonts.printable(face, text);
        let m = |s: &str| self.fonts.width(face, s, size);
        layout::wrap(&t, width, &m)
    }

    /// `text` on one line of `width`, cut after a word with an ellipsis when it is too long.
    pub fn fit(&self, text: &str, face: Face, size: f32, width: f32) -> String {
        let t = self.fonts.printable(face, text);
        let m = |s: &str| self.fonts.width(face, s, size);
        layout::fit_line(&t, width, &m)
    }

    /// The first line of `text`, fitted to `width`, with an ellipsis when more was left out.
    pub fn summary(&self, text: &str, face: Face, size: f32, width: f32) -> String {
        let t = self.fonts.printable(face, text);
        let m = |s: &str| self.fonts.width(face, s, size);
        layout::summary(&t, width, &m)
    }

    /// Draws one line of text with its baseline at `baseline` (top-down).
    pub fn text(&mut self, x: f32, baseline: f32, text: &str, face: Face, size: f32, color: Rgb8) {
        if text.trim().is_empty() {
            return;
        }
        // A no-break space only steers wrapping: printed as a plain one, text copies cleanly.
        let t = self
            .fonts
            .printable(face, text)
            .replace(['\n', layout::NBSP], " ");
        let font = PdfFontHandle::External(self.font_ids[face as usize].clone());
        let y = self.height - baseline;
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFont {
                font,
                size: Pt(size),
            },
            Op::SetFillColor { col: color.color() },
            Op::SetTextCursor {
                pos: Point { x: Pt(x), y: Pt(y) },
            },
            Op::ShowText {
                items: vec![TextItem::Text(t)],
            },
            Op::EndTextSection,
        ]);
    }

    /// Text ending at `x`.
    pub fn text_right(
        &mut self,
        x: f32,
        baseline: f32,
        text: &str,
        face: Face,
        size: f32,
        color: Rgb8,
    ) {
        let w = self.width(text, face, size);
        self.text(x - w, baseline, text, face, size, color);
    }

    /// Text centred on `x`.
    pub fn text_center(
        &mut self,
        x: f32,
        baseline: f32,
        text: &str,
        face: Face,
        size: f32,
        color: Rgb8,
    ) {
        let w = self.width(text, face, size);
        self.text(x - w / 2.0, baseline, text, face, size, color);
    }

    fn point(&self, x: f32, y: f32) -> LinePoint {
        LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(self.height - y),
            },
            bezier: false,
        }
    }

    /// A filled rectangle with its top-left corner at (`x`, `y`).
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb8) {
        let bottom = self.height - y - h;
        self.ops().extend([
            Op::SetFillColor { col: color.color() },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(bottom),
                    width: Pt(w),
                    height: Pt(h),
                    mode: Some(PaintMode::Fill),
                    winding_order: Some(WindingOrder::NonZero),
                },
            },
        ]);
    }

    /// A filled polygon through `points`.
    pub fn polygon(&mut self, points: &[(f32, f32)], color: Rgb8) {
        let points = points.iter().map(|&(x, y)| self.point(x, y)).collect();
        self.ops().extend([
            Op::SetFillColor { col: color.color() },
            Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing { points }],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ]);
    }

    /// A stroked open path through `points`; `dash` is on/off lengths, empty for solid.
    pub fn line(&mut self, points: &[(f32, f32)], thickness: f32, color: Rgb8, dash: &[f32]) {
        if points.len() < 2 {
            return;
        }
        let points = points.iter().map(|&(x, y)| self.point(x, y)).collect();
        let dashed = !dash.is_empty();
        let ops = self.ops();
        ops.push(Op::SetOutlineColor { col: color.color() });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        if dashed {
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, dash),
            });
        }
        ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: false,
            },
        });
        if dashed {
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::solid(),
            });
        }
    }

    /// A horizontal hairline.
    pub fn rule(&mut self, x1: f32, x2: f32, y: f32, color: Rgb8) {
        self.line(&[(x1, y), (x2, y)], 0.5, color, &[]);
    }

    /// Adds a footer to every page, then hands the pages over.
    pub fn finish(mut self, footer: impl Fn(&mut Canvas, usize, usize)) -> Vec<PdfPage> {
        let total = self.pages.len();
        for i in 0..total {
            self.current = i;
            footer(&mut self, i + 1, total);
        }
        let (w, h) = (Mm::from(Pt(self.width)), Mm::from(Pt(self.height)));
        self.pages
            .into_iter()
            .map(|ops| PdfPage::new(w, h, ops))
            .collect()
    }
}
