//! Export → import → the same tables; a file that fails mid-way writes nothing; bad input is a
//! message with the file and line, never a panic.

use super::super::{apply, export, plan, ImportArea};
use crate::testing::{demo, store};

#[test]
fn the_demo_exported_and_imported_gives_the_same_tables() {
    let (mut s, id) = demo();
    let md = export(&s, &id).unwrap();
    assert!(md.starts_with(
        "# LaunchPad – v0 Readiness\n\nReadiness 2.0 / 5 · 0 of 12 pillars at target\n"
    ));
    assert!(md.contains("| Pillar | Current Score (1‑5) | Target Score | Status |"));
    assert!(md.contains("| Reliability | 2 | 4 | 🔴 Pending |"));
    assert!(md.contains("| User accounts (EU residents) | GDPR | 🟡 Partial |"));
    assert!(md.contains("- [x] HTTPS enforced across environments"));

    let p = plan(&[("launchpad.md".into(), md.clone().into_bytes())]).unwrap();
    assert!(
        p.tables.iter().all(|t| t.unrecognised.is_empty()),
        "every exported column is recognised"
    );
    let report = apply(&mut s, &p, "Copy").unwrap();
    assert!(report.project_created);
    let again = export(&s, &report.project_id).unwrap();
    let body = |m: &str| m.split_once('\n').unwrap().1.to_owned();
    assert_eq!(
        body(&again),
        body(&md),
        "everything below the title is the same"
    );

    let today = s.clock().today();
    let goal = &crate::goals::list_goals(s.conn(), &report.project_id, today).unwrap()[0];
    assert_eq!(goal.risks.len(), 2, "the goal's risks are linked again");
    assert!(goal.risks_text.is_empty());
    assert_eq!(goal.stakeholders.len(), 1);
}

#[test]
fn escaped_pipes_and_line_breaks_survive_the_round_trip() {
    let mut s = store();
    let p = crate::project::create(
        &mut s,
        crate::project::NewProject {
            name: "Pipes".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let pillar = crate::scorecard::add_pillar(
        &mut s,
        &p.id,
        crate::scorecard::NewPillar {
            name: "A | B".into(),
            description: String::new(),
        },
    )
    .unwrap();
    crate::scorecard::edit_pillar(
        &mut s,
        &pillar.id,
        crate::scorecard::PillarEdit::Evidence("one | two\nthree [link](https://x.org)".into()),
    )
    .unwrap();
    let md = export(&s, &p.id).unwrap();
    assert!(md
        .contains("| A \\| B | — | 4 | 🔴 Pending | one \\| two<br>three [link](https://x.org) |"));
    let plan = plan(&[("p.md".into(), md.into_bytes())]).unwrap();
    let r = apply(&mut s, &plan, "Pipes 2").unwrap();
    let got = &crate::scorecard::list_pillars(s.conn(), &r.project_id).unwrap()[0];
    assert_eq!(got.name, "A | B");
    assert_eq!(got.evidence, "one | two\nthree [link](https://x.org)");
}

#[test]
fn a_file_failing_mid_way_writes_nothing_and_names_file_and_line() {
    let mut s = store();
    let good = super::fixture("production-scorecard-template.md");
    // The second review is dated in the future, which the review history refuses.
    let bad = "## Review History\n\n| Date | Reviewer | Key Changes / Findings |\n| --- | --- | --- |\n| 2026-01-01 | Ana | First pass |\n| 2999-01-01 | Ana | From the future |\n";
    let p = plan(&[good, ("notes.md".into(), bad.as_bytes().to_vec())]).unwrap();
    assert_eq!(p.creates, 6);
    let changes = |s: &crate::Store| -> i64 {
        s.conn()
            .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))
            .unwrap()
    };
    let before = changes(&s);
    let e = apply(&mut s, &p, "Atomic").unwrap_err();
    assert_eq!(e.kind(), crate::ErrorKind::Invalid);
    let msg = e.to_string();
    assert!(msg.starts_with("notes.md, line 6: "), "{msg}");
    assert!(msg.contains("future"), "{msg}");
    assert!(crate::project::list(s.conn()).unwrap().is_empty());
    assert_eq!(
        changes(&s),
        before,
        "no pillar, no project, no change record"
    );
}

#[test]
fn bad_files_are_refused_with_their_name_and_line() {
    let e = plan(&[("a.md".into(), b"# ok\n\nline 3 \xff\xfe".to_vec())]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "a.md, line 3: not UTF-8 text (is it a Markdown file?)."
    );
    let e = plan(&[("b.md".into(), b"# x\n\n\0\0binary".to_vec())]).unwrap_err();
    assert!(e.to_string().starts_with("b.md, line 3:"), "{e}");
    let huge = vec![b'a'; super::super::FILE_MAX + 1];
    assert!(plan(&[("c.md".into(), huge)]).is_err());
}

#[test]
fn ragged_rows_and_megabyte_cells_are_skipped_with_reasons() {
    let big = "x".repeat(2 * 1024 * 1024);
    let md = format!(
        "| Pillar | Current Score | Owner |\n| --- | --- | --- |\n| Reliability | 2 | Ana | extra |\n| Security | 1 |\n| Observability | {big} | Bo |\n| Docs | seven | Bo |\n"
    );
    let p = plan(&[("r.md".into(), md.into_bytes())]).unwrap();
    let t = &p.tables[0];
    assert_eq!(t.area, Some(ImportArea::Pillars));
    let reasons: Vec<(u32, &str)> = t
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert_eq!(reasons[0].0, 3);
    assert!(reasons[0]
        .1
        .starts_with("ragged row: 4 cells where the header has 3"));
    assert_eq!(reasons[1].0, 5);
    assert!(reasons[1].1.contains("2097152 characters"));
    assert_eq!(
        reasons[2],
        (6, "score: unparseable score “seven” (a whole number 1-5)")
    );
    assert_eq!(
        t.rows.len(),
        1,
        "a short row reads its missing cells as empty"
    );
    assert_eq!(t.rows[0].label, "Security");
}

#[test]
fn duplicates_and_unknown_columns_are_listed() {
    let md = "| Vendor | Data Shared | Mood |\n| --- | --- | --- |\n| Stripe | Billing | 🙂 |\n| stripe | Cards | 🙃 |\n\n| Name | Colour |\n| --- | --- |\n| a | b |\n";
    let p = plan(&[("v.md".into(), md.as_bytes().to_vec())]).unwrap();
    assert_eq!(p.tables[0].unrecognised, ["Mood"]);
    assert_eq!(p.tables[0].skipped[0].reason, "duplicate of line 3");
    assert_eq!(p.tables[1].area, None);
    assert_eq!(p.tables[1].unrecognised, ["Name", "Colour"]);
}

#[test]
fn the_plan_crosses_ipc_as_json() {
    let p = super::plan_of("readiness-checklist.md");
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["tables"][0]["area"], "pillars");
    assert_eq!(json["tables"][0]["rows"][0]["row"]["type"], "pillar");
    let back: super::super::ImportPlan = serde_json::from_value(json).unwrap();
    assert_eq!(
        back, p,
        "the window can send the plan it showed back to apply"
    );
}
