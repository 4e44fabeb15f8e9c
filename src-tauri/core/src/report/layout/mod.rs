//! Layout units, free of PDF and fonts so each can be tested alone: word wrapping and one-line
//! summaries with an ellipsis here, page breaking in [`pages`]. Widths come from a `measure`
//! function (the real font in the report, a fake one in tests); heights are in points, top-down.

mod pages;

pub use pages::{split_lines, PageBreaker};

/// Width of a piece of text, in the same unit as the widths it is compared with.
pub type Measure<'a> = &'a dyn Fn(&str) -> f32;

pub const ELLIPSIS: &str = "…";

/// A space that wrapping never breaks at, to keep "410 ms" or "2026-11-23 98.1%" on one line;
/// the canvas prints it as a plain space.
pub const NBSP: char = '\u{a0}';

/// The words of a line: split at whitespace, but not at a no-break space.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() && c != NBSP)
        .filter(|w| !w.is_empty())
}

/// Breaks `text` into lines no wider than `width`. Line feeds are kept as breaks, runs of blank
/// lines collapse to one, and runs of spaces to one. A word is only split when it alone is wider
/// than the line; then it is cut between characters. Words joined by [`NBSP`] count as one.
pub fn wrap(text: &str, width: f32, measure: Measure) -> Vec<String> {
    let space = measure(" ");
    let mut lines: Vec<String> = Vec::new();
    for para in text.split('\n') {
        if para.trim().is_empty() {
            if lines.last().is_some_and(|l| !l.is_empty()) {
                lines.push(String::new());
            }
            continue;
        }
        let mut line = String::new();
        let mut used = 0.0;
        for word in words(para) {
            let w = measure(word);
            if !line.is_empty() && used + space + w <= width {
                line.push(' ');
                line.push_str(word);
                used += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if w <= width {
                line.push_str(word);
                used = w;
            } else {
                // Only a word wider than the whole line is cut.
                let mut pieces = split_word(word, width, measure);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                used = measure(&last);
                line = last;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// Cuts one over-long word into pieces that each fit `width` (at least one character each).
fn split_word(word: &str, width: f32, measure: Measure) -> Vec<String> {
    let mut out = Vec::new();
    let mut piece = String::new();
    let mut used = 0.0;
    let mut buf = [0u8; 4];
    for c in word.chars() {
        let w = measure(c.encode_utf8(&mut buf));
        if !piece.is_empty() && used + w > width {
            out.push(std::mem::take(&mut piece));
            used = 0.0;
        }
        piece.push(c);
        used += w;
    }
    if !piece.is_empty() {
        out.push(piece);
    }
    out
}

/// `text` on one line of at most `width`: whole if it fits, else cut after the last word that
/// fits and marked with an ellipsis. A first word wider than the line is cut inside.
pub fn fit_line(text: &str, width: f32, measure: Measure) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if measure(&text) <= width {
        return text;
    }
    with_ellipsis(&text, width, measure)
}

/// The longest start of `text` that, with an ellipsis after it, fits `width`.
fn with_ellipsis(text: &str, width: f32, measure: Measure) -> String {
    let room = width - measure(ELLIPSIS);
    let space = measure(" ");
    let mut kept = String::new();
    let mut used = 0.0;
    for word in text.split_whitespace() {
        let w = measure(word);
        let extra = if kept.is_empty() { w } else { space + w };
        if used + extra > room {
            break;
        }
        if !kept.is_empty() {
            kept.push(' ');
        }
        kept.push_str(word);
        used += extra;
    }
    if kept.is_empty() {
        // Even the first word is too wide: keep the characters that fit.
        let first = text.split_whitespace().next().unwrap_or("");
        kept = split_word(first, room.max(0.0), measure)
            .into_iter()
            .next()
            .filter(|p| measure(p) <= room)
            .unwrap_or_default();
    }
    kept = kept
        .trim_end_matches([',', ';', ':', '-', '–', '—'])
        .to_owned();
    kept.push_str(ELLIPSIS);
    kept
}

/// The one-line summary the scorecard shows for long text: its first non-blank line, fitted to
/// `width`, with an ellipsis whenever anything was left out.
pub fn summary(text: &str, width: f32, measure: Measure) -> String {
    let mut paras = text.split('\n').filter(|l| !l.trim().is_empty());
    let Some(first) = paras.next() else {
        return String::new();
    };
    let more = paras.next().is_some();
    let line = fit_line(first, width, measure);
    if !more || line.ends_with(ELLIPSIS) {
        return line;
    }
    let marked = format!("{line} {ELLIPSIS}");
    if measure(&marked) <= width {
        marked
    } else {
        with_ellipsis(&line, width, measure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Monospace: every character is one unit wide.
    fn mono(s: &str) -> f32 {
        s.chars().count() as f32
    }

    #[test]
    fn wrapping_breaks_between_words_and_fills_each_line() {
        let lines = wrap("the quick brown fox jumps over the lazy dog", 10.0, &mono);
        assert_eq!(
            lines,
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
        assert!(lines.iter().all(|l| mono(l) <= 10.0));
        // Nothing is lost or reordered.
        assert_eq!(
            lines.join(" "),
            "the quick brown fox jumps over the lazy dog"
        );
    }

    #[test]
    fn wrapping_never_splits_a_word_that_fits_on_a_line() {
        let lines = wrap("aaaa bbbbbbbbbb cc", 10.0, &mono);
        assert_eq!(lines, ["aaaa", "bbbbbbbbbb", "cc"]);
    }

    #[test]
    fn only_a_word_wider_than_the_line_is_cut() {
        let lines = wrap("see https://example.com/a/very/long/path ok", 10.0, &mono);
        assert_eq!(
            lines,
            ["see", "https://ex", "ample.com/", "a/very/lon", "g/path ok"]
        );
        assert!(lines.iter().all(|l| mono(l) <= 10.0));
    }

    #[test]
    fn line_feeds_are_kept_and_blank_runs_collapse() {
        let lines = wrap("first\n\n\n  second   line\n\n", 20.0, &mono);
        assert_eq!(lines, ["first", "", "second line"]);
        assert!(wrap("", 10.0, &mono).is_empty());
        assert!(wrap(" \n \n", 10.0, &mono).is_empty());
    }

    #[test]
    fn wrapping_uses_the_measure_it_is_given() {
        // 'W' is three units wide here, everything else one.
        let wide = |s: &str| {
            s.chars()
                .map(|c| if c == 'W' { 3.0 } else { 1.0 })
                .sum::<f32>()
        };
        assert_eq!(wrap("WWW iii", 9.0, &wide), ["WWW", "iii"]);
        assert_eq!(wrap("iii iii", 9.0, &wide), ["iii iii"]);
    }

    #[test]
    fn no_break_spaces_hold_words_together() {
        let text = "a 2026-11-23\u{a0}410\u{a0}ms b";
        let lines = wrap(text, 17.0, &mono);
        assert_eq!(lines, ["a", "2026-11-23\u{a0}410\u{a0}ms", "b"]);
        // Only a group wider than the line is cut, like any long word.
        assert!(wrap(text, 8.0, &mono).iter().all(|l| mono(l) <= 8.0));
    }

    #[test]
    fn fit_line_keeps_what_fits_and_marks_the_cut() {
        assert_eq!(fit_line("short", 10.0, &mono), "short");
        assert_eq!(fit_line("one two three four", 10.0, &mono), "one two…");
        assert_eq!(fit_line("one, two three", 8.0, &mono), "one…");
        assert_eq!(fit_line("abcdefghijklmnop", 6.0, &mono), "abcde…");
        assert!(mono(&fit_line("one two three four", 10.0, &mono)) <= 10.0);
    }

    #[test]
    fn summaries_show_the_first_line_and_say_when_more_follows() {
        let text = "README covers setup\nno runbooks\nstale doc";
        assert_eq!(summary(text, 40.0, &mono), "README covers setup …");
        assert_eq!(summary(text, 15.0, &mono), "README covers…");
        assert_eq!(summary("\n\n  only line  \n", 40.0, &mono), "only line");
        assert_eq!(summary("", 40.0, &mono), "");
        let long = "word ".repeat(400);
        let s = summary(&long, 30.0, &mono);
        assert!(mono(&s) <= 30.0 && s.ends_with(ELLIPSIS), "{s}");
    }
}
