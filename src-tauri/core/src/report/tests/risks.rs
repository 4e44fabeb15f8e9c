//! Risks in print: the scorecard's top five (not closed, most severe first) beside the goals,
//! still one page on A4 and Letter; the full report's risk register with its heat map, and its
//! headings repeated on every page a long register runs onto.

use super::*;
use crate::risks::{self, NewRisk, RiskEdit, RiskQuery, RiskStatus, StatusFilter};
use std::collections::HashMap;

/// Adds a risk tagged by its title; closed ones are closed with a note after adding.
pub(super) fn add(
    s: &mut Store,
    project: &str,
    title: &str,
    (l, i): (i64, i64),
    owner: &str,
) -> String {
    let r = risks::add_risk(
        s,
        project,
        NewRisk {
            title: title.into(),
            description: "What it would do to the launch.".into(),
            likelihood: l,
            impact: i,
            mitigation: "Watch it weekly.".into(),
            owner: owner.into(),
            ..Default::default()
        },
    )
    .unwrap();
    r.id
}

fn edit(s: &mut Store, id: &str, change: RiskEdit) {
    risks::edit_risk(s, id, change).unwrap();
}

/// The demo (three risks of its own) and five more: two critical (one overdue for review, one
/// with neither owner nor review date), one accepted, one low, and the most severe of all
/// closed. Not closed, most severe first: A 25, B 20, the demo's 15 and 12, E 10, then the
/// demo's 8 and D 2.
pub(super) fn demo_with_risks() -> (Store, String) {
    let (mut s, id) = demo();
    let a = add(
        &mut s,
        &id,
        "RISK-A Payment provider outage",
        (5, 5),
        "Priya",
    );
    edit(&mut s, &a, RiskEdit::ReviewDate(Some("2026-11-20".into())));
    add(&mut s, &id, "RISK-B Migration loses rows", (4, 5), "");
    let c = add(&mut s, &id, "RISK-C Vendor lock-in", (5, 5), "Priya");
    edit(
        &mut s,
        &c,
        RiskEdit::Close("Vendor replaced by an in-house job.".into()),
    );
    add(&mut s, &id, "RISK-D Typo in the docs", (1, 2), "Teo");
    let e = add(&mut s, &id, "RISK-E Certificates expire", (2, 5), "Lucas");
    edit(&mut s, &e, RiskEdit::Status(RiskStatus::Accepted));
    (s, id)
}

fn every_risk() -> RiskQuery {
    RiskQuery {
        status: StatusFilter::All,
        ..Default::default()
    }
}

/// The words of the line under the word `tag` on the first page, from the tag's left edge on:
/// in a column, what the card shows under its title.
fn under(bytes: &[u8], tag: &str) -> String {
    let all = words(bytes);
    let list = &all[0].1;
    let w = list.iter().find(|w| w.text == tag).unwrap();
    let mut below: Vec<&Word> = list
        .iter()
        .filter(|b| b.y0 > w.y1 && b.y0 < w.y1 + 8.0 && b.x0 >= w.x0 - 1.0)
        .collect();
    below.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    below
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words in content-stream order, whitespace collapsed.
pub(super) fn raw(bytes: &[u8]) -> String {
    let text = tool(bytes, "pdftotext", &["-raw"]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_scorecard_lists_the_five_most_severe_risks_not_closed_beside_the_goals() {
    let (mut s, id) = demo_with_risks();
    // Compliance takes the foot of this column and, on Letter, room for two cards (see
    // `compliance::five_risks_on_letter_give_way_to_the_compliance_block`).
    without_compliance(&mut s, &id);
    let top = risks::top_risks(s.conn(), &id, 5, as_of()).unwrap();
    let all = risks::all_risks(s.conn(), &id, &every_risk(), as_of()).unwrap();
    // "Top" means: not closed, most severe first.
    let mut open: Vec<_> = all
        .iter()
        .filter(|r| r.status != RiskStatus::Closed)
        .collect();
    open.sort_by_key(|r| std::cmp::Reverse(r.severity));
    let severities = |v: &[&risks::Risk]| v.iter().map(|r| r.severity).collect::<Vec<_>>();
    assert_eq!(
        severities(&top.iter().collect::<Vec<_>>()),
        severities(&open[..5])
    );
    assert_eq!(severities(&open[..5]), [25, 20, 15, 12, 10]);

    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        assert_eq!(info(&pdf, "Pages"), "1", "{paper:?}");
        let page = &pages(&pdf)[0];
        assert!(page.contains("5 of 7 not closed · 2 critical"), "{page}");
        // Exactly the five, in order of severity; the rest and the closed one not at all.
        let text = raw(&pdf);
        let at: Vec<usize> = top
            .iter()
            .map(|r| text.find(&r.title).unwrap_or_else(|| panic!("{}", r.title)))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
        for r in all.iter().filter(|r| !top.iter().any(|t| t.id == r.id)) {
            assert!(!page.contains(&r.title), "{} is not top five", r.title);
        }
        // Band in words, owner, review date; overdue and missing ones said in words.
        let a = under(&pdf, "RISK-A");
        assert_eq!(a, "critical · 25 Priya review 2026-11-20, overdue");
        let b = under(&pdf, "RISK-B");
        assert_eq!(b, "critical · 20 no owner no review date");
        let e = under(&pdf, "RISK-E");
        assert_eq!(e, "high · 10 Lucas · accepted no review date");
        // The goal is still whole, and the two columns start level: trend left, risks right.
        assert!(page.contains("Keep the onboarding API reliable during beta"));
        assert!(!page.contains("more goal") && !page.contains("more risk"));
        let all_words = words(&pdf);
        let ((width, _), list) = &all_words[0];
        let word = |t: &str| list.iter().find(|w| w.text == t).unwrap();
        let (trend, top_word) = (word("Trend"), word("Top"));
        assert!((trend.y0 - top_word.y0).abs() < 1.0 && top_word.x0 > width / 2.0);
        assert_tidy(&pdf);
        qpdf_ok(&pdf);
    }
}

#[test]
fn without_open_risks_the_scorecard_says_so_or_shows_nothing() {
    let mut s = store();
    let id = generated(&mut s, "Riskless", 4, 100, 2);
    alignment(&mut s, &id, 2, 2, 0);
    let page = pages(&render(s.conn(), &id, &opts(Paper::A4, false)).unwrap()).remove(0);
    assert!(!page.contains("risk"), "{page}");
    // Nothing on the right: trend and goals keep the page's width.
    assert!(page.contains("overall and per pillar"), "{page}");

    let r = add(&mut s, &id, "Old worry", (2, 2), "Teo");
    edit(&mut s, &r, RiskEdit::Close("Gone.".into()));
    let pdf = render(s.conn(), &id, &opts(Paper::A4, false)).unwrap();
    let page = pages(&pdf).remove(0);
    assert!(page.contains("Top risks"), "{page}");
    assert!(page.contains("None open · 1 risk closed, in the full report"));
    assert!(!page.contains("Old worry") && !page.contains("overall and per pillar"));
    assert_tidy(&pdf);
}

/// The heat map's counts as printed on `page`: each number inside the grid, placed in its cell
/// by the axis numbers (likelihood down the left, impact under the grid).
fn printed_heat_map(bytes: &[u8], page: usize) -> HashMap<(u8, u8), u32> {
    let all = words(bytes);
    let list = &all[page].1;
    let first = |t: &str, below: f32| {
        list.iter()
            .filter(|w| w.text == t && w.y0 > below)
            .min_by(|a, b| a.y0.total_cmp(&b.y0))
            .unwrap_or_else(|| panic!("{t} missing"))
    };
    let caption = first("Likelihood", 0.0);
    let impact = first("Impact", caption.y0);
    let numbers: Vec<&Word> = list
        .iter()
        .filter(|w| w.y0 > caption.y1 && w.y1 < impact.y0 && w.text.parse::<u32>().is_ok())
        .collect();
    let mut cols: Vec<&Word> = numbers
        .iter()
        .filter(|w| impact.y0 - w.y1 < 6.0)
        .copied()
        .collect();
    cols.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    assert_eq!(cols.len(), 5, "impact 1 to 5 under the grid");
    let mut rows: Vec<&Word> = numbers
        .iter()
        .filter(|w| w.x1 < cols[0].x0 - 10.0)
        .copied()
        .collect();
    rows.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    assert_eq!(rows.len(), 5, "likelihood 5 to 1 down the side");
    let mid_x = |w: &Word| (w.x0 + w.x1) / 2.0;
    let mid_y = |w: &Word| (w.y0 + w.y1) / 2.0;
    let step = mid_x(cols[1]) - mid_x(cols[0]);
    let nearest = |v: f32, axis: &[&Word], mid: &dyn Fn(&Word) -> f32| {
        let (k, d) = axis
            .iter()
            .map(|w| (mid(w) - v).abs())
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        (k, d)
    };
    let mut out = HashMap::new();
    for w in &numbers {
        let is_axis = cols.iter().chain(&rows).any(|a| std::ptr::eq(*a, *w));
        if is_axis || mid_x(w) > mid_x(cols[4]) + step / 2.0 {
            continue;
        }
        let (i, dx) = nearest(mid_x(w), &cols, &mid_x);
        let (l, dy) = nearest(mid_y(w), &rows, &mid_y);
        assert!(
            dx < step / 2.0 && dy < 12.0,
            "“{}” sits off the grid",
            w.text
        );
        out.insert(((5 - l) as u8, (i + 1) as u8), w.text.parse().unwrap());
    }
    out
}

#[test]
fn the_full_report_has_the_heat_map_and_the_register_closed_risks_last() {
    let (s, id) = demo_with_risks();
    let pdf = render(s.conn(), &id, &opts(Paper::A4, true)).unwrap();
    qpdf_ok(&pdf);
    let all_pages = pages(&pdf);
    let page = all_pages
        .iter()
        .position(|p| p.contains("Risk register"))
        .expect("a risk register");
    // On a page of its own, its heading first.
    let first_line = all_pages[page]
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap();
    assert!(
        first_line.trim_start().starts_with("Risk register"),
        "{first_line}"
    );
    assert!(first_line.contains("8 risks · 7 not closed · 2 critical · as of 2026-11-25"));

    let map = risks::heat_map(s.conn(), &id).unwrap();
    let expected: HashMap<(u8, u8), u32> = map
        .cells
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| ((c.likelihood, c.impact), c.count))
        .collect();
    assert_eq!(expected[&(5, 5)], 1, "the closed 5 × 5 is not counted");
    assert_eq!(printed_heat_map(&pdf, page), expected);
    for legend in [
        "critical 20–25 2 risks",
        "high 10–16 3 risks",
        "low 1–4 1 risk",
    ] {
        assert!(raw(&pdf).contains(legend), "{legend}");
    }

    let text = raw(&pdf);
    // The scorecard's column had the overall trend only: every pillar's is in the full report.
    assert!(!all_pages[0].contains("overall and per pillar"));
    assert!(text.contains("overall and per pillar"));
    // Up to the review dates, which close the report and name every risk reviewed.
    let register = &text[text.find("Risk register").unwrap()..text.find("Review dates").unwrap()];
    assert!(
        register.contains("Risk Likelihood Impact Severity Mitigation Owner Status Review date"),
        "{register}"
    );
    // Every risk once (a wrapped title's lines interleave with the other cells' in the text,
    // so each is found by its first words); closed last, with why.
    let all = risks::all_risks(s.conn(), &id, &every_risk(), as_of()).unwrap();
    assert_eq!(all.len(), 8);
    let closed_at = register.find("RISK-C").unwrap();
    for r in &all {
        let start: String = r.title.split(' ').take(2).collect::<Vec<_>>().join(" ");
        assert_eq!(register.matches(&start).count(), 1, "{start}");
        if r.status != RiskStatus::Closed {
            assert!(register.find(&start).unwrap() < closed_at, "{start}");
        }
    }
    assert!(register.contains("Closed: Vendor replaced by an in-house job."));
    // Severity as number and band; an overdue review date says so under the date.
    let (row, below) = line_and_next(&all_pages[page], "RISK-A Payment");
    assert!(
        row.contains("25 critical") && row.contains("2026-11-20"),
        "{row}"
    );
    assert!(below.trim_end().ends_with("overdue"), "{below}");
    // What a risk threatens, by name.
    assert!(register.contains(
        "Threatens: Keep the onboarding API reliable during beta; Customer success lead"
    ));
    assert_tidy(&pdf);
}

#[test]
fn a_long_register_repeats_its_headings_on_every_page() {
    let mut s = store();
    let id = generated(&mut s, "Many risks", 3, 100, 1);
    for k in 0..200i64 {
        let r = add(
            &mut s,
            &id,
            &format!("R-{k:03} risk"),
            (k % 5 + 1, k / 5 % 5 + 1),
            "Ana",
        );
        if k % 10 == 0 {
            edit(&mut s, &r, RiskEdit::Close(format!("Closed {k:03}.")));
        }
    }
    let pdf = render(s.conn(), &id, &opts(Paper::Letter, true)).unwrap();
    qpdf_ok(&pdf);
    let all_pages = pages(&pdf);
    let start = all_pages
        .iter()
        .position(|p| p.contains("Risk register"))
        .unwrap();
    assert!(
        all_pages.len() - start > 3,
        "{} pages",
        all_pages.len() - start
    );
    let register_pages = all_pages[start + 1..]
        .iter()
        .take_while(|p| !p.contains("Review dates"));
    for p in register_pages {
        assert!(p.contains("Risk register (continued)"), "{p}");
        for h in ["Likelihood", "Severity", "Mitigation", "Review date"] {
            assert!(p.contains(h), "{h}: {p}");
        }
    }
    let text = raw(&pdf);
    // Up to the review dates, which close the report and name every risk reviewed.
    let register = &text[text.find("Risk register").unwrap()..text.find("Review dates").unwrap()];
    let first_closed = register.find("R-000 risk").unwrap();
    for k in 0..200 {
        let tag = format!("R-{k:03} risk");
        assert_eq!(register.matches(&tag).count(), 1, "{tag}");
        if k % 10 != 0 {
            assert!(register.find(&tag).unwrap() < first_closed, "{tag}");
        }
    }
    assert!(register.contains("180 not closed"));
    assert_tidy(&pdf);
}

/// Renders the demo's one-page scorecard (A4 and Letter) and full report into
/// `NORTHSTAR_REPORT_OUT` (default `/tmp/pdf-risks`), to look at:
/// `cargo test -p northstar-core write_demo_pdfs -- --ignored`.
#[test]
#[ignore = "writes files to look at"]
fn write_demo_pdfs() {
    let dir = std::env::var("NORTHSTAR_REPORT_OUT").unwrap_or("/tmp/pdf-risks".into());
    std::fs::create_dir_all(&dir).unwrap();
    let (s, id) = demo();
    let (busy, busy_id) = demo_with_risks();
    for (name, store, id, paper, full) in [
        ("demo-a4", &s, &id, Paper::A4, false),
        ("demo-letter", &s, &id, Paper::Letter, false),
        ("demo-full-a4", &s, &id, Paper::A4, true),
        ("busy-letter", &busy, &busy_id, Paper::Letter, false),
        ("busy-full-letter", &busy, &busy_id, Paper::Letter, true),
    ] {
        let pdf = render(store.conn(), id, &opts(paper, full)).unwrap();
        std::fs::write(Path::new(&dir).join(format!("{name}.pdf")), pdf).unwrap();
    }
}

#[test]
fn a_crowded_scorecard_still_fits_one_page() {
    let mut s = store();
    // Twelve pillars with long evidence, thirty goals and eight risks with long titles.
    let id = generated(&mut s, "Crowded", 12, 300, 6);
    alignment(&mut s, &id, 30, 4, 3);
    for k in 0..8i64 {
        let title = format!(
            "RISK-{k} a partner's nightly sync floods the onboarding API and the on-call \
             engineer is asleep in another time zone"
        );
        add(
            &mut s,
            &id,
            &title,
            (5 - k % 3, 5 - k % 2),
            "An owner with a rather long name",
        );
    }
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        assert_eq!(info(&pdf, "Pages"), "1", "{paper:?}");
        let page = &pages(&pdf)[0];
        assert!(page.contains("5 of 8 not closed"), "{page}");
        // Long titles take two lines at most, cut with an ellipsis.
        let shown = (0..8)
            .filter(|k| page.contains(&format!("RISK-{k}")))
            .count();
        assert_eq!(shown, 5, "{page}");
        assert!(page.contains("more goals in the full report"));
        assert_tidy(&pdf);
    }
}
