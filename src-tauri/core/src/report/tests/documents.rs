//! The scorecard and the full report as a reader gets them.

use super::*;
#[test]
fn the_demo_scorecard_is_one_page_with_every_pillar_score_and_the_north_star() {
    let (s, id) = demo();
    let card = scorecard::scorecard(s.conn(), &id).unwrap();
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        let pages = pages(&pdf);
        assert_eq!(pages.len(), 1, "{paper:?}");
        let text = &pages[0];
        assert!(text.contains("LaunchPad – v0 Readiness"), "{text}");
        assert!(text.contains("Ship daily without customer-visible downtime or data loss."));
        assert!(text.contains("Onboarding API success rate"));
        assert!(text.contains("As of 2026-11-25"));
        assert!(text.contains("“v0.2.0 architecture pass” of 2026-11-18"));
        assert!(text.contains("0 of 12 pillars at target"));
        let overall = format!("{:.1}", card.headline.overall.unwrap());
        assert!(text.contains(&overall), "overall score {overall}");
        // Each pillar's row (the first line naming it) carries its score and status.
        for p in &card.pillars {
            let table = &text[text.find("Score vs target").unwrap()..];
            let row = table
                .lines()
                .find(|l| l.contains(&p.name))
                .unwrap_or_else(|| panic!("{} missing", p.name));
            let score = match p.score {
                Some(v) => format!("{v} {}", scorecard::legend(v)),
                None => "– Not scored".to_owned(),
            };
            assert!(row.contains(&score), "{}: {row}", p.name);
            assert!(row.contains(p.status.label()), "{row}");
            assert!(
                row.contains("Bohdan") && row.contains("2026-12-09"),
                "{row}"
            );
        }
        assert!(text.contains("page 1 of 1"));
        assert_tidy(&pdf);
        qpdf_ok(&pdf);
    }
}

#[test]
fn metadata_names_the_report_the_owner_and_the_day() {
    let (s, id) = demo();
    let pdf = render(s.conn(), &id, &opts(Paper::Letter, false)).unwrap();
    assert_eq!(
        info(&pdf, "Title"),
        "LaunchPad – v0 Readiness – Readiness scorecard"
    );
    assert_eq!(info(&pdf, "Author"), "Bohdan");
    assert!(
        info(&pdf, "CreationDate").contains("2026"),
        "{}",
        info(&pdf, "CreationDate")
    );
    assert!(info(&pdf, "Page size").starts_with("612 x 792"));
    let a4 = render(s.conn(), &id, &opts(Paper::A4, false)).unwrap();
    assert!(info(&a4, "Page size").starts_with("595.276 x 841.89"));
}

#[test]
fn twelve_pillars_with_long_evidence_still_fit_one_page() {
    let mut s = store();
    let id = generated(&mut s, "Twelve", 12, 2_000, 6);
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        let pages = pages(&pdf);
        assert_eq!(pages.len(), 1, "{paper:?}");
        for i in 0..12 {
            assert!(pages[0].contains(&format!("Pillar {i:03} Zeta")));
            // The first line of evidence, marked as cut, and nothing of the rest.
            assert!(
                pages[0].contains(&format!("EVS-{i:03} first line of evidence. …")),
                "{}",
                pages[0]
            );
            assert!(!pages[0].contains(&format!("EVE-{i:03}")));
        }
        assert_tidy(&pdf);
    }
}

#[test]
fn the_full_report_has_every_pillar_and_assessment_once_on_numbered_pages() {
    let mut s = store();
    let id = generated(&mut s, "Big – Ωmega", 60, 2_000, 40);
    let pdf = render(s.conn(), &id, &opts(Paper::A4, true)).unwrap();
    qpdf_ok(&pdf);
    let pages = pages(&pdf);
    let total = pages.len();
    assert_eq!(info(&pdf, "Pages"), total.to_string());
    assert!(total > 10, "{total} pages");
    for (i, page) in pages.iter().enumerate() {
        let label = format!("page {} of {total}", i + 1);
        assert_eq!(page.matches(&label).count(), 1, "page {}: {page}", i + 1);
        assert!(page.contains("Big – Ωmega · Readiness report · 2026-11-25"));
    }
    let first = |needle: &str| pages.iter().position(|p| p.contains(needle)).unwrap();
    let (evidence, history) = (first("Pillars and evidence"), first("Assessment history"));
    assert!(0 < evidence && evidence < history, "{evidence} {history}");
    let section = |r: std::ops::Range<usize>| pages[r].join("\n");
    let evidence_pages = section(evidence..history);
    let history_pages = section(history..total);
    let all = pages.join("\n");
    for i in 0..60 {
        let name = format!("Pillar {i:03} Zeta");
        assert_eq!(evidence_pages.matches(&name).count(), 1, "{name}");
        // All the evidence is there: its last word once in the whole report, its first twice
        // (the scorecard's summary line and the full table).
        assert_eq!(all.matches(&format!("EVE-{i:03}")).count(), 1, "EVE-{i:03}");
        assert_eq!(all.matches(&format!("EVS-{i:03}")).count(), 2, "EVS-{i:03}");
    }
    for r in 0..40 {
        let label = format!("Round {r:02} review");
        assert_eq!(history_pages.matches(&label).count(), 1, "{label}");
    }
    assert!(history_pages.contains("Scores by assessment, #1–#"));
    // Table headings repeat after each break.
    for page in &pages[evidence + 1..history] {
        assert!(
            page.contains("Pillars and evidence (continued)") && page.contains("Evidence / notes")
        );
    }
    assert_tidy(&pdf);
}

#[test]
fn awkward_names_print_literally() {
    let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap());
    let mut s = Store::open_in_memory(Box::new(clock)).unwrap();
    let name = r"Ops <&> (beta) \ back\slash ((unbalanced";
    let p = project::create(
        &mut s,
        NewProject {
            name: name.into(),
            north_star: "Zoë’s “täglich” – ✓ αβγ".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let pillars = [
        r"A (b",
        "C) d",
        r"e \ f",
        "<script>&amp;",
        "Sécurité ✓ São Paulo",
        "Launch 🚀 day",
    ];
    for n in pillars {
        let pl = scorecard::add_pillar(
            &mut s,
            &p.id,
            NewPillar {
                name: n.into(),
                ..Default::default()
            },
        )
        .unwrap();
        scorecard::edit_pillar(&mut s, &pl.id, PillarEdit::Owner(r"Zoë (QA) \o/".into())).unwrap();
        scorecard::edit_pillar(
            &mut s,
            &pl.id,
            PillarEdit::Evidence(r"see (notes \ appendix".into()),
        )
        .unwrap();
    }
    for full in [false, true] {
        let pdf = render(s.conn(), &p.id, &opts(Paper::A4, full)).unwrap();
        qpdf_ok(&pdf);
        let text = pages(&pdf).join("\n");
        assert!(text.contains(name), "{text}");
        assert!(text.contains("Zoë’s “täglich” – ✓ αβγ"));
        for n in &pillars[..5] {
            assert!(text.contains(n), "{n}");
        }
        // Outside the font: a visible stand-in, not silence.
        assert!(text.contains("Launch \u{FFFD} day"), "{text}");
        assert!(text.contains(r"Zoë (QA) \o/") && text.contains(r"see (notes \ appendix"));
        assert!(info(&pdf, "Title").starts_with(name));
        assert_eq!(info(&pdf, "Author"), r"Zoë (QA) \o/");
        assert_tidy(&pdf);
    }
}

#[test]
fn sections_without_data_leave_no_heading() {
    let mut s = store();
    let bare = project::create(
        &mut s,
        NewProject {
            name: "Bare".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let pdf = render(s.conn(), &bare.id, &opts(Paper::A4, true)).unwrap();
    let text = pages(&pdf).join("\n");
    assert!(text.contains("Bare") && text.contains("Not set") && text.contains("No pillars yet"));
    for h in [
        "Pillars",
        "Trend",
        "Assessment history",
        "pillars at target",
    ] {
        assert!(!text.contains(h), "{h}: {text}");
    }
    assert_eq!(pages(&pdf).len(), 1);

    // Pillars but no assessment yet: pillars print, the trend does not.
    let id = generated(&mut s, "Fresh", 4, 100, 0);
    let pdf = render(s.conn(), &id, &opts(Paper::A4, true)).unwrap();
    let text = pages(&pdf).join("\n");
    assert!(text.contains("Pillars and evidence") && text.contains("no assessment recorded yet"));
    assert!(!text.contains("Trend") && !text.contains("Assessment history"));
    assert_eq!(info(&pdf, "Author"), "Northstar", "owners differ");
}

#[test]
fn an_unknown_project_is_not_found() {
    let s = store();
    let e = render(s.conn(), "nope", &opts(Paper::A4, false)).unwrap_err();
    assert_eq!(e.kind(), crate::ErrorKind::NotFound);
}
