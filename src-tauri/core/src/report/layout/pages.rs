//! Page breaking: where each block goes, and how a block taller than the space left splits
//! between its lines without orphans or widows.

/// Where a block landed: its page (0-based) and the y of its top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    pub page: usize,
    pub y: f32,
}

/// Decides page breaks for blocks stacked top to bottom between `top` and `bottom`.
#[derive(Debug, Clone)]
pub struct PageBreaker {
    top: f32,
    bottom: f32,
    y: f32,
    page: usize,
    /// Where content starts on this page, below any repeated header: a block placed here never
    /// moves to a next page (it would not fit there either).
    start: f32,
    /// Height kept free above `bottom` for a block drawn later (see [`reserve`](Self::reserve)).
    reserved: f32,
}

impl PageBreaker {
    pub fn new(top: f32, bottom: f32) -> Self {
        PageBreaker {
            top,
            bottom,
            y: top,
            page: 0,
            start: top,
            reserved: 0.0,
        }
    }

    /// Keeps the last `h` points of each page free: blocks placed meanwhile see less room, so a
    /// later block (a panel under others in a column) is sure of its space. Zero releases it.
    pub fn reserve(&mut self, h: f32) {
        self.reserved = h.max(0.0);
    }

    fn limit(&self) -> f32 {
        self.bottom - self.reserved
    }

    /// Moves back up by `h` on this page (never above where its content starts): for a block
    /// that tucks into the gap the block above left under itself.
    pub fn back(&mut self, h: f32) {
        self.y = (self.y - h.max(0.0)).max(self.start);
    }

    pub fn page(&self) -> usize {
        self.page
    }

    /// Where the next block would go if it fits.
    pub fn at(&self) -> Slot {
        Slot {
            page: self.page,
            y: self.y,
        }
    }

    /// Height left on this page.
    pub fn room(&self) -> f32 {
        (self.limit() - self.y).max(0.0)
    }

    /// Height a fresh page offers, below its repeated header.
    pub fn page_room(&self) -> f32 {
        self.limit() - self.start
    }

    /// Whether nothing but a repeated header is on this page yet.
    pub fn fresh(&self) -> bool {
        self.y <= self.start
    }

    /// Would a block of height `h` have to go to the next page? Asked with a heading's height
    /// plus the first lines after it, this keeps headings off the foot of a page.
    pub fn needs_break(&self, h: f32) -> bool {
        h > self.room() + 0.01 && !self.fresh()
    }

    /// Places a block that must not split. It goes on the next page when it does not fit here,
    /// unless this page is fresh (a block taller than a page must be split by the caller).
    pub fn place(&mut self, h: f32) -> Slot {
        if self.needs_break(h) {
            self.break_page();
        }
        let slot = Slot {
            page: self.page,
            y: self.y,
        };
        self.y += h;
        slot
    }

    /// Empty space after a block; it never causes a break and stops at the foot of the page.
    pub fn skip(&mut self, h: f32) {
        self.y = (self.y + h).min(self.limit()).max(self.y);
    }

    pub fn break_page(&mut self) {
        self.page += 1;
        self.y = self.top;
        self.start = self.top;
    }

    /// Marks the current position as the start of content (after drawing a repeated header).
    pub fn content_starts_here(&mut self) {
        self.start = self.y;
    }
}

/// Splits a block made of lines of the given heights into runs, one per page: the first run
/// gets `first_room`, the others `page_room` each. A block does not start with fewer than
/// `min_lines` lines at the foot of a page (an empty first run means "start on the next page"),
/// nor end with fewer than `min_lines` alone at the head of one, when that can be helped.
/// Every line lands in exactly one run.
pub fn split_lines(
    heights: &[f32],
    first_room: f32,
    page_room: f32,
    min_lines: usize,
) -> Vec<usize> {
    let mut runs = Vec::new();
    let mut i = 0;
    let mut room = first_room;
    let mut first = true;
    while i < heights.len() {
        let mut n = 0;
        let mut used = 0.0;
        while i + n < heights.len() && used + heights[i + n] <= room + 0.01 {
            used += heights[i + n];
            n += 1;
        }
        let left = heights.len() - i - n;
        if left > 0 && left < min_lines && n > min_lines {
            // Leave the next page more than a lone widow.
            n -= (min_lines - left).min(n - min_lines);
        }
        if n < min_lines.min(heights.len() - i) && first {
            // Too little room for a decent start here: start on the next page.
            n = 0;
        } else if n == 0 {
            // A single line taller than a page still has to go somewhere.
            n = 1;
        }
        runs.push(n);
        i += n;
        room = page_room;
        first = false;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_that_do_not_fit_move_to_the_next_page() {
        let mut b = PageBreaker::new(10.0, 100.0);
        assert_eq!(b.place(50.0), Slot { page: 0, y: 10.0 });
        assert_eq!(b.place(40.0), Slot { page: 0, y: 60.0 });
        assert_eq!(b.place(1.0), Slot { page: 1, y: 10.0 });
        // A block taller than a page stays on a fresh page rather than looping.
        let mut b = PageBreaker::new(10.0, 100.0);
        assert_eq!(b.place(500.0), Slot { page: 0, y: 10.0 });
    }

    #[test]
    fn a_heading_is_kept_with_what_follows() {
        // A heading asks about its own height plus the start of what follows.
        let mut b = PageBreaker::new(0.0, 100.0);
        b.place(80.0);
        assert!(!b.needs_break(10.0) && b.needs_break(10.0 + 20.0));
        b.place(10.0);
        b.break_page();
        assert_eq!(b.place(30.0), Slot { page: 1, y: 0.0 });
    }

    #[test]
    fn a_repeated_header_does_not_count_as_content() {
        let mut b = PageBreaker::new(0.0, 100.0);
        b.place(90.0);
        b.break_page();
        b.place(15.0); // the repeated table header
        b.content_starts_here();
        assert!(b.fresh());
        assert_eq!(b.page_room(), 85.0);
        // A row taller than the room after the header stays instead of breaking forever.
        assert_eq!(b.place(95.0), Slot { page: 1, y: 15.0 });
        b.skip(50.0);
        assert_eq!(b.room(), 0.0);
    }

    #[test]
    fn reserved_room_is_kept_for_a_later_block() {
        let mut b = PageBreaker::new(0.0, 100.0);
        b.place(50.0);
        b.reserve(30.0);
        assert_eq!(b.room(), 20.0);
        assert!(b.needs_break(25.0));
        // A gap stops at the reserve, and never moves back up.
        b.skip(40.0);
        assert_eq!(b.at().y, 70.0);
        b.reserve(50.0);
        b.skip(5.0);
        assert_eq!(b.at().y, 70.0);
        b.reserve(0.0);
        assert_eq!(b.room(), 30.0);
        assert!(!b.needs_break(30.0));
    }

    #[test]
    fn long_blocks_split_across_pages_without_losing_lines() {
        let h = vec![10.0; 25];
        assert_eq!(split_lines(&h, 55.0, 100.0, 2), [5, 10, 10]);
        assert_eq!(split_lines(&h, 1000.0, 100.0, 2), [25]);
        let total: usize = split_lines(&h, 33.0, 47.0, 2).iter().sum();
        assert_eq!(total, 25);
    }

    #[test]
    fn no_orphan_at_the_foot_and_no_widow_at_the_head() {
        let h = vec![10.0; 12];
        // Room for one line only: start on the next page instead.
        assert_eq!(split_lines(&h, 15.0, 100.0, 2), [0, 10, 2]);
        // Eleven would fit on a page, leaving one alone on the next: carry two instead.
        assert_eq!(split_lines(&h, 110.0, 110.0, 2), [10, 2]);
        // A single-line block may still take the last line of a page.
        assert_eq!(split_lines(&[10.0], 12.0, 100.0, 2), [1]);
    }

    #[test]
    fn mixed_line_heights_are_respected() {
        let h = [20.0, 10.0, 10.0, 10.0, 20.0, 20.0];
        assert_eq!(split_lines(&h, 50.0, 50.0, 1), [4, 2]);
    }
}
