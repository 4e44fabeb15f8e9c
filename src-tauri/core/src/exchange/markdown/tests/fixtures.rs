//! Each worksheet of the fixtures gives the rows its content says, skips its example and empty
//! rows with reasons, and writes into a project as the user would have typed it.

use super::super::{apply, plan, ImportArea, ImportPlan, NewRow, TablePlan};
use super::{fixture, plan_of};
use crate::compliance::Readiness;
use crate::stakeholders::Cadence;
use crate::testing::store;

fn only(p: &ImportPlan, area: ImportArea) -> &TablePlan {
    let t: Vec<&TablePlan> = p.tables.iter().filter(|t| t.area == Some(area)).collect();
    assert_eq!(t.len(), 1, "{area:?}: {:#?}", p.tables);
    t[0]
}

fn skipped(t: &TablePlan) -> Vec<(u32, &str)> {
    t.skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect()
}

#[test]
fn the_production_scorecard_gives_four_scored_pillars() {
    let p = plan_of("production-scorecard-template.md");
    let t = only(&p, ImportArea::Pillars);
    assert_eq!(t.line, 12);
    assert!(t.unrecognised.is_empty());
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Reliability", "Security", "Observability", "Supportability"]
    );
    assert_eq!(
        t.rows[1].row,
        NewRow::Pillar {
            name: "Security".into(),
            score: Some(1),
            target: Some(4),
            evidence: "API keys stored in `.env`; secrets not rotated; no dependency scanning."
                .into(),
            owner: "Bohdan".into(),
            next_checkpoint: Some("2026-01-01".into()),
        }
    );
    assert_eq!(skipped(t), [(18, "empty row")]);
    assert_eq!((p.creates, p.skips), (4, 1));
}

#[test]
fn the_readiness_checklist_reads_statuses_as_scores() {
    let p = plan_of("readiness-checklist.md");
    let t = only(&p, ImportArea::Pillars);
    assert_eq!(t.rows.len(), 8);
    assert!(t.skipped.is_empty());
    let NewRow::Pillar { score, .. } = &t.rows[0].row else {
        panic!()
    };
    assert_eq!(
        (t.rows[0].label.as_str(), *score),
        ("Architectural clarity", Some(3))
    );
    assert_eq!(
        t.rows[0].notes,
        ["status “🟡 In progress” read as score 3 of target 4"]
    );
    let NewRow::Pillar {
        score, evidence, ..
    } = &t.rows[1].row
    else {
        panic!()
    };
    assert_eq!(*score, None, "pending is unscored");
    assert_eq!(evidence, "`.env` templates exist; secrets management TBD.");
    assert_eq!(t.rows[7].label, "Post-launch cadence");
}

#[test]
fn the_north_star_alignment_has_only_an_example_and_an_empty_row() {
    let p = plan_of("north-star-alignment.md");
    let t = only(&p, ImportArea::Goals);
    assert!(t.rows.is_empty());
    assert_eq!(skipped(t), [(13, "example row"), (14, "empty row")]);
    assert_eq!(
        t.skipped[0].label,
        "Example: Keep onboarding API reliable during beta"
    );
}

#[test]
fn the_stakeholder_canvas_gives_two_stakeholders_with_cadences() {
    let p = plan_of("stakeholder-canvas.md");
    let t = only(&p, ImportArea::Stakeholders);
    assert_eq!(t.columns.len(), 6);
    let NewRow::Stakeholder {
        name,
        cadence,
        channel,
        success,
        ..
    } = &t.rows[0].row
    else {
        panic!()
    };
    assert_eq!(name, "Customer success lead");
    assert_eq!(*cadence, Some(Cadence::Weekly));
    assert_eq!(channel, "Weekly async update in Slack; monthly Zoom review");
    assert_eq!(success, "<2% onboarding failure rate; 1-hour SLA on fixes");
    let NewRow::Stakeholder { cadence, owner, .. } = &t.rows[1].row else {
        panic!()
    };
    assert_eq!(
        (*cadence, owner.as_str()),
        (Some(Cadence::Quarterly), "Lucas")
    );
    assert_eq!(skipped(t), [(16, "empty row")]);
}

#[test]
fn the_compliance_primer_gives_three_scan_rows() {
    let p = plan_of("compliance-primer.md");
    let t = only(&p, ImportArea::ComplianceScan);
    let got: Vec<(&str, Option<Readiness>)> = t
        .rows
        .iter()
        .map(|r| match &r.row {
            NewRow::Scan {
                regulation,
                readiness,
                ..
            } => (regulation.as_str(), *readiness),
            _ => panic!(),
        })
        .collect();
    use Readiness::{Missing, Partial};
    assert_eq!(
        got,
        [
            ("GDPR", Some(Partial)),
            ("PCI DSS", Some(Missing)),
            ("HIPAA", Some(Missing))
        ],
        "🔴 None is Missing"
    );
    assert_eq!(skipped(t), [(17, "empty row")]);
}

#[test]
fn the_compliance_notes_template_gives_its_controls_and_skips_its_examples() {
    let p = plan_of("compliance-notes-template.md");
    let snapshot = only(&p, ImportArea::Snapshot);
    assert_eq!(snapshot.columns, ["Last reviewed", "Next review", "Owner"]);
    assert!(snapshot.skipped.iter().all(|s| s.reason == "not filled in"));
    for (area, example) in [
        (ImportArea::DataInventory, 15),
        (ImportArea::Triggers, 22),
        (ImportArea::Vendors, 29),
        (ImportArea::Reviews, 46),
    ] {
        let t = only(&p, area);
        assert!(t.rows.is_empty(), "{area:?}");
        assert_eq!(
            skipped(t),
            [(example, "example row"), (example + 1, "empty row")]
        );
    }
    let controls = only(&p, ImportArea::Controls);
    assert_eq!(controls.rows.len(), 4);
    assert_eq!(
        controls.rows[3].label,
        "Database encryption (at rest + in transit)"
    );

    // The four controls are the four a new project is seeded with: none is added twice.
    let mut s = store();
    let report = apply(&mut s, &p, "Compliance").unwrap();
    let notes = crate::compliance::notes_view(s.conn(), &report.project_id).unwrap();
    assert_eq!(notes.controls.len(), 4);
    let c = report
        .areas
        .iter()
        .find(|a| a.area == ImportArea::Controls)
        .unwrap();
    assert_eq!((c.created, c.kept), (0, 4));
}

#[test]
fn the_core_audit_has_no_place_and_says_so_item_by_item() {
    let p = plan_of("core-audit.md");
    assert_eq!(p.tables.len(), 4);
    assert!(p
        .tables
        .iter()
        .all(|t| t.area.is_none() && !t.note.is_empty()));
    assert_eq!(p.tables[0].heading[1], "Architecture Boundaries");
    assert_eq!(p.creates, 0);
    assert_eq!(p.skips, 16);
}

#[test]
fn every_fixture_together_fills_a_new_project() {
    let names = [
        "production-scorecard-template.md",
        "readiness-checklist.md",
        "north-star-alignment.md",
        "stakeholder-canvas.md",
        "compliance-primer.md",
        "compliance-notes-template.md",
        "core-audit.md",
    ];
    let files: Vec<_> = names.iter().map(|n| fixture(n)).collect();
    let p = plan(&files).unwrap();
    let mut s = store();
    let report = apply(&mut s, &p, "LaunchPad").unwrap();
    assert!(report.project_created);
    let id = &report.project_id;
    let card = crate::scorecard::scorecard(s.conn(), id).unwrap();
    assert_eq!(card.pillars.len(), 12);
    assert_eq!(card.headline.summary(), "0 of 12 pillars at target");
    assert_eq!(card.headline.overall, Some(2.0));
    assert_eq!(
        card.pillars[4].description, "Clear boundaries and a design the team can explain.",
        "a built-in pillar gets its meaning"
    );
    let today = s.clock().today();
    assert_eq!(
        crate::stakeholders::list_stakeholders(s.conn(), id, today)
            .unwrap()
            .len(),
        2
    );
    let summary: Vec<_> = crate::compliance::summary(s.conn(), id)
        .unwrap()
        .into_iter()
        .map(|r| (r.code, r.worst))
        .collect();
    assert_eq!(summary.len(), 3);
    assert_eq!(summary[0], ("GDPR".to_owned(), Some(Readiness::Partial)));

    // Again into the same project: nothing new, pillars filled in again, rows kept.
    let again = apply(&mut s, &p, "LaunchPad").unwrap();
    assert!(!again.project_created);
    assert!(again.areas.iter().all(|a| a.created == 0), "{again:?}");
    assert_eq!(
        crate::scorecard::list_pillars(s.conn(), id).unwrap().len(),
        12
    );
}

#[test]
fn a_bom_and_crlf_do_not_change_the_plan() {
    for name in [
        "production-scorecard-template.md",
        "compliance-notes-template.md",
    ] {
        let (n, bytes) = fixture(name);
        let text = String::from_utf8(bytes.clone()).unwrap();
        let windows = format!("\u{feff}{}", text.replace('\n', "\r\n")).into_bytes();
        assert_eq!(
            plan(&[(n.clone(), windows)]).unwrap(),
            plan(&[(n, bytes)]).unwrap(),
            "{name}"
        );
    }
}
