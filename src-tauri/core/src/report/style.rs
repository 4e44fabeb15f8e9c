//! The report's look: a neutral grey palette, three status colours that stay apart in
//! greyscale and always travel with a word and a symbol, and the type sizes.

use crate::compliance::Readiness;
use crate::goals::MetricStatus;
use crate::risks::Band;
use crate::scorecard::Status;
use printpdf::{Color, Rgb};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb8(pub u8, pub u8, pub u8);

impl Rgb8 {
    pub fn color(self) -> Color {
        let c = |v: u8| f32::from(v) / 255.0;
        Color::Rgb(Rgb {
            r: c(self.0),
            g: c(self.1),
            b: c(self.2),
            icc_profile: None,
        })
    }
}

pub const INK: Rgb8 = Rgb8(0x18, 0x18, 0x1b);
pub const TEXT: Rgb8 = Rgb8(0x3f, 0x3f, 0x46);
pub const MUTED: Rgb8 = Rgb8(0x71, 0x71, 0x7a);
pub const FAINT: Rgb8 = Rgb8(0xa1, 0xa1, 0xaa);
pub const RULE: Rgb8 = Rgb8(0xe4, 0xe4, 0xe7);
pub const BAND: Rgb8 = Rgb8(0xf4, 0xf4, 0xf5);

/// Green, amber and red dark enough for small text on white (WCAG AA).
pub const GREEN: Rgb8 = Rgb8(0x15, 0x80, 0x3d);
pub const AMBER: Rgb8 = Rgb8(0xb4, 0x53, 0x09);
pub const RED: Rgb8 = Rgb8(0xb9, 0x1c, 0x1c);

pub fn status_color(s: Status) -> Rgb8 {
    match s {
        Status::OnTarget => GREEN,
        Status::InProgress => AMBER,
        Status::Pending => RED,
    }
}

/// Full, half and empty discs: the status reads without colour too.
pub fn status_symbol(s: Status) -> &'static str {
    match s {
        Status::OnTarget => "●",
        Status::InProgress => "◐",
        Status::Pending => "○",
    }
}

/// A scan row's readiness: green, amber, red, as the app shows it.
pub fn readiness_color(r: Readiness) -> Rgb8 {
    match r {
        Readiness::Ready => GREEN,
        Readiness::Partial => AMBER,
        Readiness::Missing => RED,
    }
}

/// The pillars' discs again (ready full, partial half, missing empty), so it reads in grey.
pub fn readiness_symbol(r: Readiness) -> &'static str {
    match r {
        Readiness::Ready => "●",
        Readiness::Partial => "◐",
        Readiness::Missing => "○",
    }
}

/// "◐ Partial".
pub fn readiness_words(r: Readiness) -> String {
    format!("{} {}", readiness_symbol(r), r.label())
}

/// A goal metric's colour: met green, missed red, and grey when there is nothing to judge.
pub fn metric_color(s: MetricStatus) -> Rgb8 {
    match s {
        MetricStatus::Met => GREEN,
        MetricStatus::NotMet => RED,
        MetricStatus::NoReading => MUTED,
        MetricStatus::NoNumbers => FAINT,
    }
}

/// The same discs as the pillars (met full, missed empty), and a dash when nothing is judged.
pub fn metric_symbol(s: MetricStatus) -> &'static str {
    match s {
        MetricStatus::Met => "●",
        MetricStatus::NotMet => "○",
        MetricStatus::NoReading | MetricStatus::NoNumbers => "–",
    }
}

/// A risk band's colour, as the app shows it: low green, medium grey (so amber and red keep
/// their alarm), high amber, critical red. Always printed with the band's word.
pub fn band_color(b: Band) -> Rgb8 {
    match b {
        Band::Low => GREEN,
        Band::Medium => MUTED,
        Band::High => AMBER,
        Band::Critical => RED,
    }
}

/// A light tint of the band's colour for heat-map cells: ink stays readable on every one.
/// Empty cells take the paler tint, so the cells holding risks stand out.
pub fn band_tint(b: Band, empty: bool) -> Rgb8 {
    match (b, empty) {
        (Band::Low, false) => Rgb8(0xbb, 0xf7, 0xd0),
        (Band::Low, true) => Rgb8(0xf0, 0xfd, 0xf4),
        (Band::Medium, false) => Rgb8(0xd4, 0xd4, 0xd8),
        (Band::Medium, true) => Rgb8(0xf4, 0xf4, 0xf5),
        (Band::High, false) => Rgb8(0xfd, 0xe6, 0x8a),
        (Band::High, true) => Rgb8(0xff, 0xfb, 0xeb),
        (Band::Critical, false) => Rgb8(0xfc, 0xa5, 0xa5),
        (Band::Critical, true) => Rgb8(0xfe, 0xf2, 0xf2),
    }
}

/// Margins in points: roomy enough for any office printer.
pub const MARGIN_X: f32 = 42.0;
pub const MARGIN_TOP: f32 = 40.0;
pub const MARGIN_BOTTOM: f32 = 50.0;
/// Baseline of the footer, measured up from the bottom edge.
pub const FOOTER_BASELINE: f32 = 28.0;

pub const TITLE: f32 = 17.0;
pub const H2: f32 = 10.5;
pub const BODY: f32 = 9.0;
pub const SMALL: f32 = 8.0;
pub const TINY: f32 = 7.0;

/// Space between sections: 12 rather than 14, one of the points the one-page scorecard gave up
/// to make room for the goals.
pub const SECTION_GAP: f32 = 12.0;
