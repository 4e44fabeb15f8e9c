//! The embedded DejaVu Sans faces (regular and bold): parsed once per process, measured with
//! their real advance widths, and a visible stand-in for any character they lack.
//!
//! The font files and their licence sit in `src-tauri/core/fonts/`.

use crate::error::{Error, Result};
use printpdf::ParsedFont;
use std::borrow::Cow;
use std::sync::OnceLock;

const REGULAR_TTF: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// Printed in place of a character the font cannot draw, so nothing vanishes silently.
pub const FALLBACK: char = '\u{FFFD}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

pub struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
}

static FONTS: OnceLock<std::result::Result<Fonts, String>> = OnceLock::new();

/// The two faces, parsed on first use (about 3 ms) and shared afterwards.
pub fn fonts() -> Result<&'static Fonts> {
    FONTS
        .get_or_init(|| {
            let parse = |bytes: &[u8], name: &str| {
                ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                    .ok_or_else(|| format!("the embedded font {name} could not be read"))
            };
            Ok(Fonts {
                regular: parse(REGULAR_TTF, "DejaVuSans.ttf")?,
                bold: parse(BOLD_TTF, "DejaVuSans-Bold.ttf")?,
            })
        })
        .as_ref()
        .map_err(|e| Error::Report(e.clone()))
}

impl Fonts {
    pub fn face(&self, face: Face) -> &ParsedFont {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    pub fn has(&self, face: Face, c: char) -> bool {
        self.face(face).lookup_glyph_index(c as u32).is_some()
    }

    /// Advance of one character in thousandths of an em, truncated exactly as printpdf writes
    /// the PDF `/W` widths, so what we measure is what a viewer draws.
    fn advance(&self, face: Face, c: char) -> u32 {
        let f = self.face(face);
        let gid = f.lookup_glyph_index(c as u32).unwrap_or(0);
        let upem = f32::from(f.font_metrics.units_per_em.max(1));
        (f32::from(f.get_horizontal_advance(gid)) * 1000.0 / upem) as u32
    }

    /// Width in points of `text` (already made [`printable`](Fonts::printable)) at `size` points.
    /// No kerning: printpdf places glyphs by their advances alone.
    pub fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| self.advance(face, c)).sum();
        units as f32 * size / 1000.0
    }

    /// `text` with tabs as spaces, carriage returns dropped, and every other character the face
    /// lacks (emoji, control codes, scripts DejaVu does not cover) replaced by [`FALLBACK`].
    /// Line feeds stay: wrapping turns them into lines.
    pub fn printable<'a>(&self, face: Face, text: &'a str) -> Cow<'a, str> {
        let ok = |c: char| c == '\n' || (c != '\t' && c != '\r' && self.has(face, c));
        if text.chars().all(ok) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(
            text.chars()
                .filter(|&c| c != '\r')
                .map(|c| match c {
                    '\t' => ' ',
                    c if ok(c) => c,
                    _ => FALLBACK,
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_characters_people_type_are_in_both_faces() {
        let f = fonts().unwrap();
        for face in [Face::Regular, Face::Bold] {
            for c in "–—éèçñøåüßŁłşăΑαβγΩ✓●◐○…·→‘’“”€£".chars()
            {
                assert!(f.has(face, c), "{c} missing in {face:?}");
            }
            assert!(f.has(face, FALLBACK));
        }
    }

    #[test]
    fn missing_characters_get_a_visible_stand_in_and_nothing_is_dropped() {
        let f = fonts().unwrap();
        assert!(matches!(
            f.printable(Face::Regular, "São Paulo – Ωμέγα ✓"),
            Cow::Borrowed(_)
        ));
        let out = f.printable(Face::Regular, "ship 🚀 now\u{0007}\tok\r\n");
        assert_eq!(out, "ship \u{FFFD} now\u{FFFD} ok\n");
    }

    #[test]
    fn widths_come_from_the_font_and_add_up() {
        let f = fonts().unwrap();
        let w = |s: &str| f.width(Face::Regular, s, 10.0);
        assert!(w("W") > w("i") * 2.0, "proportional, not monospace");
        assert!((w("Wi") - (w("W") + w("i"))).abs() < 1e-4);
        assert!(f.width(Face::Bold, "Reliability", 10.0) > w("Reliability"));
        // A no-break space is measured as the plain space it prints as.
        assert_eq!(w("a\u{a0}b"), w("a b"));
        // DejaVu Sans: 'M' is 1767/2048 em wide.
        assert!((w("M") - 8.62).abs() < 0.01, "{}", w("M"));
    }
}
