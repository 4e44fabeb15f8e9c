//! The README headline, "Readiness 2.0 / 5 · 0 of 12 pillars at target", and a small badge of
//! it, so a CI job can keep a README current (`northstar headline`, `northstar export badge`).
//!
//! The numbers are the scorecard's own [`Headline`](crate::scorecard::Headline) (the mean of
//! the scored pillars to one decimal, the pillars at or above target), never recomputed here.

use crate::error::Result;
use crate::scorecard::{self, Status};
use serde::Serialize;
use ts_rs::TS;

/// The headline of one project, in the forms a README takes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReadmeHeadline {
    /// The overall score, 1-5 to one decimal; none while no pillar is scored.
    pub score: Option<f64>,
    pub at_target: u32,
    pub pillars: u32,
    /// The worst pillar's status (none at all counts as pending): the badge's colour.
    pub status: Status,
    /// "Readiness 2.0 / 5 · 0 of 12 pillars at target", or "Readiness not yet scored · …".
    pub text: String,
    /// The same with the score in bold: "**Readiness 2.0 / 5** · 0 of 12 pillars at target".
    pub markdown: String,
}

pub fn headline(conn: &rusqlite::Connection, project_id: &str) -> Result<ReadmeHeadline> {
    let card = scorecard::scorecard(conn, project_id)?;
    let h = &card.headline;
    // The worst pillar's status; no pillars at all is as far from ready as it gets.
    let status = [Status::Pending, Status::InProgress]
        .into_iter()
        .find(|s| card.pillars.is_empty() || card.pillars.iter().any(|p| p.status == *s))
        .unwrap_or(Status::OnTarget);
    let lead = match h.overall {
        Some(o) => format!("Readiness {o:.1} / 5"),
        None => "Readiness not yet scored".to_owned(),
    };
    Ok(ReadmeHeadline {
        score: h.overall,
        at_target: h.at_target,
        pillars: h.total,
        status,
        text: format!("{lead} · {}", h.summary()),
        markdown: format!("**{lead}** · {}", h.summary()),
    })
}

/// The badge's colours: the report's status colours, each AA-legible under white text.
fn colour(s: Status) -> &'static str {
    match s {
        Status::OnTarget => "#15803d",
        Status::InProgress => "#b45309",
        Status::Pending => "#b91c1c",
    }
}

/// A two-part badge in the shields.io look: "readiness" | "2.0/5 · 0/12 at target".
pub fn badge_svg(h: &ReadmeHeadline) -> String {
    let label = "readiness";
    let value = match h.score {
        Some(o) => format!("{o:.1}/5 · {}/{} at target", h.at_target, h.pillars),
        None => format!("not scored · {}/{} at target", h.at_target, h.pillars),
    };
    let (lw, vw) = (text_width(label) + 12, text_width(&value) + 12);
    let w = lw + vw;
    let title = xml_escape(&format!("{label}: {value}"));
    let (label, value) = (xml_escape(label), xml_escape(&value));
    let fill = colour(h.status);
    let (lx, vx) = (lw * 5, lw * 10 + vw * 5);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="20" role="img" aria-label="{title}">
<title>{title}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="{w}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="{lw}" height="20" fill="#555"/><rect x="{lw}" width="{vw}" height="20" fill="{fill}"/><rect width="{w}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="110" transform="scale(.1)">
<text x="{lx}" y="140">{label}</text>
<text x="{vx}" y="140">{value}</text>
</g>
</svg>
"##
    )
}

/// Width in pixels of `s` in 11 px Verdana, estimated per character class (Verdana is wide:
/// digits and most lower-case letters about 7 px).
fn text_width(s: &str) -> u32 {
    let tenths: u32 = s
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 30,
            ' ' | '·' | 'f' | 't' | 'r' | '/' | '(' | ')' => 45,
            'm' | 'w' | 'M' | 'W' => 105,
            c if c.is_ascii_uppercase() => 80,
            _ => 70,
        })
        .sum();
    tenths.div_ceil(10)
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::demo;

    #[test]
    fn the_demo_headline_reads_as_the_readme_says() {
        let (s, id) = demo();
        let h = headline(s.conn(), &id).unwrap();
        assert_eq!(h.text, "Readiness 2.0 / 5 · 0 of 12 pillars at target");
        assert_eq!(
            h.markdown,
            "**Readiness 2.0 / 5** · 0 of 12 pillars at target"
        );
        assert_eq!((h.score, h.at_target, h.pillars), (Some(2.0), 0, 12));
        assert_eq!(h.status, Status::Pending);
    }

    #[test]
    fn unscored_and_all_at_target() {
        let mut s = crate::testing::store();
        let p = crate::project::create(
            &mut s,
            crate::project::NewProject {
                name: "Fresh".into(),
                pillar_sets: vec![crate::scorecard::PillarSet::FourPillars],
                ..Default::default()
            },
        )
        .unwrap();
        let h = headline(s.conn(), &p.id).unwrap();
        assert_eq!(
            h.text,
            "Readiness not yet scored · 0 of 4 pillars at target"
        );
        assert!(badge_svg(&h).contains("not scored · 0/4 at target"));
        for pl in crate::scorecard::list_pillars(s.conn(), &p.id).unwrap() {
            crate::scorecard::edit_pillar(
                &mut s,
                &pl.id,
                crate::scorecard::PillarEdit::Score(Some(5)),
            )
            .unwrap();
        }
        let h = headline(s.conn(), &p.id).unwrap();
        assert_eq!(h.text, "Readiness 5.0 / 5 · 4 of 4 pillars at target");
        assert_eq!(h.status, Status::OnTarget);
        assert!(badge_svg(&h).contains(r##"fill="#15803d""##));
    }

    #[test]
    fn the_badge_is_well_formed_svg_with_its_text() {
        let (s, id) = demo();
        let svg = badge_svg(&headline(s.conn(), &id).unwrap());
        assert!(svg.contains("<title>readiness: 2.0/5 · 0/12 at target</title>"));
        assert!(svg.contains(">2.0/5 · 0/12 at target</text>"));
        assert!(svg.contains(r##"fill="#b91c1c""##));
        assert_well_formed(&svg);
        assert_eq!(
            xml_escape(r#"a<b & "c"'"#),
            "a&lt;b &amp; &quot;c&quot;&apos;"
        );
    }

    /// A small check that tags open and close in order and text holds no bare `<` or `&`.
    fn assert_well_formed(xml: &str) {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = xml;
        while let Some(open) = rest.find('<') {
            let text = &rest[..open];
            assert!(
                text.split('&').skip(1).all(|t| t.starts_with("amp;")
                    || t.starts_with("lt;")
                    || t.starts_with("gt;")
                    || t.starts_with("quot;")
                    || t.starts_with("apos;")),
                "bare & in {text:?}"
            );
            let close = rest[open..].find('>').expect("unclosed tag") + open;
            let tag = &rest[open + 1..close];
            assert_eq!(tag.matches('"').count() % 2, 0, "quotes in {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                let name = tag.split_whitespace().next().unwrap().to_owned();
                stack.push(name);
            }
            rest = &rest[close + 1..];
        }
        assert!(stack.is_empty(), "unclosed {stack:?}");
        assert!(xml.starts_with("<svg "));
    }
}
