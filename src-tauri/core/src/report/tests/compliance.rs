//! Compliance in print: the scorecard's readiness per accepted regulation under the top risks
//! (word and symbol, still one page on A4 and Letter, nothing when none is accepted), and the
//! full report's compliance part with the worksheets' headings, repeated on every page a long
//! scan runs onto.

use super::risks::{add, demo_with_risks, raw};
use super::*;
use crate::compliance::{
    self, Decision, NewInventoryRow, NewReview, NewScanRow, NewVendor, Readiness, Sensitive,
    SnapshotEdit,
};

fn regulation_id(s: &Store, code: &str) -> String {
    let library = compliance::library(s.conn()).unwrap();
    library.into_iter().find(|r| r.code == code).unwrap().id
}

fn scan_row(s: &mut Store, project: &str, area: &str, code: &str, readiness: Readiness) {
    let new = NewScanRow {
        area: area.into(),
        regulation_id: regulation_id(s, code),
        readiness: Some(readiness),
        proof: "Privacy policy draft saved".into(),
        gaps: "Sign the DPA; confirm the retention policy".into(),
        owner: "Bohdan".into(),
        review_date: Some("2026-12-30".into()),
    };
    compliance::add_scan_row(s, project, new).unwrap();
}

/// The primer's three scan rows (GDPR Partial, PCI DSS Missing, HIPAA Missing), added unless
/// the project has scan rows already (the demo carries them).
fn primer_rows(s: &mut Store, project: &str) {
    if !compliance::scan_view(s.conn(), project)
        .unwrap()
        .scan
        .is_empty()
    {
        return;
    }
    let rows = [
        ("User accounts (EU residents)", "GDPR", Readiness::Partial),
        ("Payment processing", "PCI DSS", Readiness::Missing),
        ("Health metrics pilot", "HIPAA", Readiness::Missing),
    ];
    for (area, code, readiness) in rows {
        scan_row(s, project, area, code, readiness);
    }
}

/// The demo with the primer's rows, a second GDPR row that is ready (the worst stays partial),
/// FERPA dismissed, and the next review at launch, not dated yet.
fn demo_with_scan() -> (Store, String) {
    let (mut s, id) = demo();
    primer_rows(&mut s, &id);
    scan_row(&mut s, &id, "Newsletter", "GDPR", Readiness::Ready);
    let ferpa = regulation_id(&s, "FERPA");
    let dismiss = Decision::Dismiss("No student records.".into());
    compliance::decide(&mut s, &id, &ferpa, dismiss).unwrap();
    let launch = SnapshotEdit::NextReviewMilestone("launch_day".into());
    compliance::edit_snapshot(&mut s, &id, launch).unwrap();
    (s, id)
}

#[test]
fn the_scorecard_shows_each_accepted_regulations_worst_readiness_under_the_top_risks() {
    let (s, id) = demo_with_scan();
    let summary = compliance::summary(s.conn(), &id).unwrap();
    assert_eq!(summary.len(), 3, "FERPA dismissed, the rest accepted");
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        assert_eq!(info(&pdf, "Pages"), "1", "{paper:?}");
        let page = &pages(&pdf)[0];
        // Code, symbol and word on one line, and the rows; the worst of GDPR's two is partial.
        for r in &summary {
            let (line, _) = line_and_next(page, &format!("{}    ", r.code));
            let worst = r.worst.unwrap();
            let words = format!("{} {}", style::readiness_symbol(worst), worst.label());
            assert!(line.contains(&words), "{paper:?} {}: {line}", r.code);
            let rows = if r.rows == 1 {
                "1 scan row"
            } else {
                "2 scan rows"
            };
            assert!(line.contains(rows), "{line}");
        }
        let (gdpr, _) = line_and_next(page, "GDPR    ");
        assert!(gdpr.contains("◐ Partial") && gdpr.contains("2 scan rows"));
        assert!(!page.contains("FERPA"), "dismissed: {page}");
        assert!(page.contains("3 regulations"), "{page}");
        assert!(
            page.contains("next: Launch day (to be dated)"),
            "{paper:?}: {page}"
        );
        // Under the top risks, in the right column; the demo's three risks and goal still whole.
        let all = words(&pdf);
        let ((width, _), list) = &all[0];
        let word = |t: &str| list.iter().find(|w| w.text == t).unwrap();
        let (heading, top) = (word("Compliance"), word("Top"));
        assert!(heading.x0 > width / 2.0 && heading.y0 > top.y1, "{paper:?}");
        assert!(!page.contains("more risk") && !page.contains("more goal"));
        assert!(page.contains("Keep the onboarding API reliable during beta"));
        assert_tidy(&pdf);
        qpdf_ok(&pdf);
    }
}

#[test]
fn without_an_accepted_regulation_the_scorecard_draws_no_compliance() {
    let (mut s, id) = demo();
    without_compliance(&mut s, &id);
    let before = pages(&render(s.conn(), &id, &opts(Paper::Letter, false)).unwrap());
    // Proposed (by the demo's answers) and dismissed regulations alone draw nothing.
    let hipaa = regulation_id(&s, "HIPAA");
    let dismiss = Decision::Dismiss("The pilot was dropped.".into());
    compliance::decide(&mut s, &id, &hipaa, dismiss).unwrap();
    let regulations = compliance::scan_view(s.conn(), &id).unwrap().regulations;
    assert!(!regulations.is_empty());
    assert!(compliance::summary(s.conn(), &id).unwrap().is_empty());
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        let page = &pages(&pdf)[0];
        for gone in ["Compliance", "regulation", "GDPR", "HIPAA", "reviewed"] {
            assert!(!page.contains(gone), "{gone}: {page}");
        }
        if paper == Paper::Letter {
            assert_eq!(&pages(&pdf), &before);
        }
    }
}

#[test]
fn five_risks_on_letter_give_way_to_the_compliance_block() {
    let (mut s, id) = demo_with_risks();
    primer_rows(&mut s, &id);
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        assert_eq!(info(&pdf, "Pages"), "1", "{paper:?}");
        let page = &pages(&pdf)[0];
        for code in ["GDPR", "PCI DSS", "HIPAA"] {
            assert!(page.contains(code), "{paper:?} {code}: {page}");
        }
        // The most severe first; the rest counted, never spilled onto a second page.
        assert!(page.contains("RISK-A Payment provider outage"));
        match paper {
            Paper::A4 => assert!(!page.contains("more risk"), "{page}"),
            Paper::Letter => assert!(page.contains("+2 more risks in the full report"), "{page}"),
        }
        assert_tidy(&pdf);
    }

    // A crowded project (twelve pillars, thirty goals, eight long risks) stays one page too.
    let mut s = store();
    let id = generated(&mut s, "Crowded", 12, 300, 6);
    alignment(&mut s, &id, 30, 4, 3);
    for k in 0..8i64 {
        let title = format!("RISK-{k} a partner's nightly sync floods the onboarding API");
        add(&mut s, &id, &title, (5 - k % 3, 5 - k % 2), "Teo");
    }
    primer_rows(&mut s, &id);
    for code in ["SOC 2", "CCPA", "Customer contract"] {
        let new = compliance::NewRegulation {
            code: code.into(),
            ..Default::default()
        };
        compliance::add_regulation(&mut s, new).unwrap();
        scan_row(&mut s, &id, "Everything", code, Readiness::Ready);
    }
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        assert_eq!(info(&pdf, "Pages"), "1", "{paper:?}");
        let page = &pages(&pdf)[0];
        assert!(page.contains("6 regulations"), "{page}");
        assert!(page.contains("RISK-0") && page.contains("GDPR"), "{page}");
        assert_tidy(&pdf);
    }
}

/// The demo's notes, and a flagged inventory row, an unverified vendor overdue for its
/// re-check, a ticked control and a correction in the review history.
fn demo_with_notes() -> (Store, String) {
    let (mut s, id) = demo_with_scan();
    let kids = NewInventoryRow {
        category: "Kids' profiles".into(),
        source: "Family plan signup".into(),
        kind: Some(Sensitive::Children),
        ..Default::default()
    };
    compliance::add_inventory_row(&mut s, &id, kids).unwrap();
    let vendor = NewVendor {
        name: "Mailer Co".into(),
        data_shared: "Email addresses".into(),
        recheck_date: Some("2026-11-01".into()),
        ..Default::default()
    };
    compliance::add_vendor(&mut s, &id, vendor).unwrap();
    let notes = compliance::notes_view(s.conn(), &id).unwrap();
    let mfa = notes
        .controls
        .iter()
        .find(|c| c.label.contains("MFA"))
        .unwrap();
    compliance::tick_control(&mut s, &mfa.id.clone(), true, "Priya").unwrap();
    let first = NewReview {
        date: Some("2026-11-10".into()),
        reviewer: "Teo".into(),
        findings: "REVIEW-ONE PCI scope written down.".into(),
        corrects: None,
    };
    let history = compliance::record_review(&mut s, &id, first).unwrap();
    let wrong = history
        .iter()
        .find(|r| r.reviewer == "Teo")
        .unwrap()
        .id
        .clone();
    let fix = NewReview {
        date: Some("2026-11-20".into()),
        reviewer: "Priya".into(),
        findings: "REVIEW-TWO PCI scope is SAQ A, not SAQ D.".into(),
        corrects: Some(wrong),
    };
    compliance::record_review(&mut s, &id, fix).unwrap();
    (s, id)
}

#[test]
fn the_full_report_has_a_compliance_part_with_the_worksheets_headings() {
    let (s, id) = demo_with_notes();
    let k = compliance::compliance(s.conn(), &id).unwrap();
    let pdf = render(s.conn(), &id, &opts(Paper::A4, true)).unwrap();
    qpdf_ok(&pdf);
    let all_pages = pages(&pdf);
    let register = all_pages.iter().position(|p| p.contains("Risk register"));
    let start = all_pages
        .iter()
        .position(|p| p.contains("not legal advice"))
        .expect("a compliance part");
    assert!(start > register.unwrap(), "after the risk register");
    let first_line = all_pages[start].lines().find(|l| !l.trim().is_empty());
    assert!(first_line.unwrap().trim_start().starts_with("Compliance"));

    let text = raw(&pdf);
    let part = &text[text.find("not legal advice").unwrap()..];
    for heads in [
        "Regulation Decision Worst readiness Scan rows",
        "Data / Feature Area Potential Regulation Current Readiness Proof / References \
         Gaps & Next Actions Owner Review Date",
        "Data Category Source Storage Location Retention Policy Access Roles",
        "Standard / Law Why It Applies (or Not) Required Controls Status / Notes",
        "Vendor Data Shared Compliance Status Verified? Action Items Re-check",
        "Date Reviewer Key Changes / Findings",
    ] {
        assert!(part.contains(heads), "{heads}: {part}");
    }
    for title in [
        "Compliance scan",
        "Snapshot",
        "Data Inventory",
        "Regulatory Triggers",
        "Vendors & Integrations",
        "Controls & Follow-Ups",
        "Quick Questions to Revisit",
        "Review History",
    ] {
        assert!(part.contains(title), "{title}");
    }
    // Every scan row once (a wrapped cell's lines interleave with the others' in the text, so
    // each is found by its first word), with its readiness in words.
    assert_eq!(k.scan.len(), 4);
    let scan = &part[part.find("Compliance scan").unwrap()..part.find("Snapshot").unwrap()];
    for r in &k.scan {
        let first = r.area.split(' ').next().unwrap();
        assert_eq!(scan.matches(first).count(), 1, "{first}: {scan}");
        assert!(scan.contains(&r.owner), "{}", r.owner);
    }
    assert!(part.contains("◐ Partial") && part.contains("○ Missing") && part.contains("● Ready"));
    assert!(part.contains("Dismissed") && part.contains("No student records."));
    for v in &k.vendors {
        assert!(part.contains(&v.name), "{}", v.name);
    }
    assert!(part.contains("✓ Yes") && part.contains("✗ No"));
    assert!(
        part.contains("Next review Launch day (to be dated)"),
        "{part}"
    );
    assert!(part.contains(
        "⚠ Flagged: Children's data that no accepted regulation's scan row covers: probably COPPA."
    ));
    // The checklist: boxes, and who ticked what.
    assert!(
        part.contains("☑ MFA enabled for admin consoles Priya, 2026-11-25"),
        "{part}"
    );
    assert!(part.contains("☐ Secrets stored outside the repo"), "{part}");
    // Newest first; a correction and what it corrects point at each other.
    let (two, one) = (
        part.find("REVIEW-TWO").unwrap(),
        part.find("REVIEW-ONE").unwrap(),
    );
    assert!(two < one);
    assert!(part.contains("Corrects the entry of 2026-11-10 by Teo."));
    assert!(part.contains("Corrected by the entry of 2026-11-20 by Priya."));
    // The vendor's re-check passed: in words as well as red.
    // The compliance part's vendors, not the scorecard's or the review dates' mention of them.
    let vendor_page = all_pages[1..]
        .iter()
        .find(|p| p.contains("Mailer Co") && !p.contains("Review dates"))
        .unwrap();
    let (row, below) = line_and_next(vendor_page, "Mailer Co");
    assert!(
        row.contains("2026-11-01") && below.contains("overdue"),
        "{row}\n{below}"
    );
    assert_tidy(&pdf);
}

#[test]
fn compliance_tables_without_rows_are_left_out() {
    let mut s = store();
    let id = generated(&mut s, "One row", 3, 50, 1);
    let pdf = render(s.conn(), &id, &opts(Paper::A4, true)).unwrap();
    assert!(!raw(&pdf).contains("not legal advice"), "nothing said yet");

    scan_row(&mut s, &id, "Signup", "GDPR", Readiness::Partial);
    let pdf = render(s.conn(), &id, &opts(Paper::A4, true)).unwrap();
    let text = raw(&pdf);
    for shown in [
        "Compliance scan",
        "Controls & Follow-Ups",
        "Quick Questions to Revisit",
    ] {
        assert!(text.contains(shown), "{shown}");
    }
    for gone in [
        "Snapshot",
        "Data Inventory",
        "Regulatory Triggers",
        "Vendors & Integrations",
        "Review History",
    ] {
        assert!(!text.contains(gone), "{gone}");
    }
    assert_tidy(&pdf);
}

#[test]
fn a_long_scan_repeats_its_headings_on_every_page() {
    let mut s = store();
    let id = generated(&mut s, "Many scan rows", 3, 50, 1);
    let codes = ["GDPR", "PCI DSS", "HIPAA"];
    let levels = [Readiness::Ready, Readiness::Partial, Readiness::Missing];
    for k in 0..300 {
        let area = format!("AREA-{k:03} data");
        scan_row(&mut s, &id, &area, codes[k % 3], levels[k / 3 % 3]);
    }
    let pdf = render(s.conn(), &id, &opts(Paper::Letter, true)).unwrap();
    qpdf_ok(&pdf);
    let all_pages = pages(&pdf);
    let start = all_pages
        .iter()
        .position(|p| p.contains("not legal advice"))
        .unwrap();
    let scan_pages: Vec<&String> = all_pages[start + 1..]
        .iter()
        .filter(|p| p.contains("AREA-") && !p.contains("Review dates"))
        .collect();
    assert!(scan_pages.len() > 3, "{} pages", scan_pages.len());
    for p in scan_pages {
        assert!(p.contains("Compliance scan (continued)"), "{p}");
        for h in [
            "Feature Area",
            "Readiness",
            "Gaps & Next Actions",
            "Review Date",
        ] {
            assert!(p.contains(h), "{h}: {p}");
        }
    }
    // Up to the review dates, which name every scan row again.
    let text = raw(&pdf);
    let text = &text[..text.find("Review dates").unwrap()];
    for k in 0..300 {
        let tag = format!("AREA-{k:03}");
        assert_eq!(text.matches(&tag).count(), 1, "{tag}");
    }
    assert_tidy(&pdf);
}

/// Renders the demo's scorecard (A4 and Letter) and full report with compliance into
/// `NORTHSTAR_REPORT_OUT` (default `/tmp/pdf-compliance`), to look at:
/// `cargo test -p northstar-core write_compliance_pdfs -- --ignored`.
#[test]
#[ignore = "writes files to look at"]
fn write_compliance_pdfs() {
    let dir = std::env::var("NORTHSTAR_REPORT_OUT").unwrap_or("/tmp/pdf-compliance".into());
    std::fs::create_dir_all(&dir).unwrap();
    let (s, id) = demo();
    let (notes, notes_id) = demo_with_notes();
    let (mut busy, busy_id) = demo_with_risks();
    primer_rows(&mut busy, &busy_id);
    for (name, store, id, paper, full) in [
        ("demo-a4", &s, &id, Paper::A4, false),
        ("demo-letter", &s, &id, Paper::Letter, false),
        ("demo-full-a4", &s, &id, Paper::A4, true),
        ("notes-full-letter", &notes, &notes_id, Paper::Letter, true),
        ("busy-letter", &busy, &busy_id, Paper::Letter, false),
    ] {
        let pdf = render(store.conn(), id, &opts(paper, full)).unwrap();
        std::fs::write(Path::new(&dir).join(format!("{name}.pdf")), pdf).unwrap();
    }
}
