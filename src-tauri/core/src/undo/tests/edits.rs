//! Each kind of edit, undone and redone across restarts.

use super::{count, demo, open, round_trip, today, Ws};
use crate::compliance::{self, Readiness, ScanEdit};
use crate::exchange::{json, markdown};
use crate::goals;
use crate::risks::{self, RiskEdit};
use crate::scorecard::{self, PillarEdit, PillarSet};
use crate::stakeholders::{self, StakeholderEdit};
use crate::store::Store;

fn first_pillar(s: &Store, ws: &Ws) -> String {
    scorecard::list_pillars(s.conn(), &ws.project).unwrap()[0]
        .id
        .clone()
}

#[test]
fn a_pillar_score() {
    let ws = demo();
    let id = first_pillar(&open(&ws.path), &ws);
    round_trip(&ws, "Score changed", |s| {
        scorecard::edit_pillar(s, &id, PillarEdit::Score(Some(5))).unwrap();
    });
    // The log keeps text; the column got its integer back, so the CHECK and reads agree.
    let s = open(&ws.path);
    let t: String = s
        .conn()
        .query_row(
            "SELECT typeof(score) FROM pillars WHERE id = ?1",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(t, "integer");
}

#[test]
fn a_score_cleared_comes_back_as_a_number() {
    let ws = demo();
    let id = first_pillar(&open(&ws.path), &ws);
    round_trip(&ws, "Score cleared", |s| {
        scorecard::edit_pillar(s, &id, PillarEdit::Score(None)).unwrap();
    });
}

#[test]
fn a_pillar_set_added_is_undone_whole() {
    let ws = demo();
    let mut s = open(&ws.path);
    let p = crate::project::create(
        &mut s,
        crate::project::NewProject {
            name: "Empty".into(),
            ..Default::default()
        },
    )
    .unwrap();
    drop(s);
    let ws = Ws {
        project: p.id,
        ..ws
    };
    round_trip(&ws, "Pillar set added", |s| {
        let added = scorecard::add_pillar_set(s, &ws.project, PillarSet::FourPillars).unwrap();
        assert_eq!(added.len(), 4);
    });
    let s = open(&ws.path);
    assert!(scorecard::list_pillars(s.conn(), &ws.project)
        .unwrap()
        .is_empty());
}

#[test]
fn an_assessment_recorded_is_undone_whole() {
    let ws = demo();
    round_trip(&ws, "Assessment recorded", |s| {
        scorecard::record_assessment(s, &ws.project, "Week 4", "2026-11-20").unwrap();
    });
}

#[test]
fn a_goal_reading() {
    let ws = demo();
    let s = open(&ws.path);
    let goal = goals::list_goals(s.conn(), &ws.project, today())
        .unwrap()
        .into_iter()
        .find(|g| g.has_numbers())
        .expect("the demo has a goal with numbers")
        .id;
    drop(s);
    round_trip(&ws, "Reading added", |s| {
        goals::add_reading(s, &goal, 1234.5, None).unwrap();
    });
}

#[test]
fn a_stakeholder_edit() {
    let ws = demo();
    let s = open(&ws.path);
    let id = stakeholders::list_stakeholders(s.conn(), &ws.project, today()).unwrap()[0]
        .id
        .clone();
    drop(s);
    round_trip(&ws, "Stakeholder renamed", |s| {
        stakeholders::edit_stakeholder(s, &id, StakeholderEdit::Name("Dana (CFO)".into())).unwrap();
    });
}

#[test]
fn a_risk_edit_and_a_risk_closed() {
    let ws = demo();
    let s = open(&ws.path);
    let risk =
        risks::all_risks(s.conn(), &ws.project, &Default::default(), today()).unwrap()[0].clone();
    drop(s);
    let l = if risk.likelihood == 5 { 1 } else { 5 };
    round_trip(&ws, "Likelihood changed", |s| {
        risks::edit_risk(s, &risk.id, RiskEdit::Likelihood(l)).unwrap();
    });
    // Closing writes two fields in one batch: both come back.
    round_trip(&ws, "Risk closed", |s| {
        risks::edit_risk(s, &risk.id, RiskEdit::Close("Vendor replaced.".into())).unwrap();
    });
}

#[test]
fn compliance_edits() {
    let ws = demo();
    let s = open(&ws.path);
    let c = compliance::compliance(s.conn(), &ws.project).unwrap();
    let row = c.scan[0].clone();
    let control = c.controls[0].clone();
    drop(s);
    let to = if row.readiness == Readiness::Ready {
        Readiness::Missing
    } else {
        Readiness::Ready
    };
    round_trip(&ws, "Scan row changed", |s| {
        compliance::edit_scan_row(s, &row.id, ScanEdit::Readiness(to)).unwrap();
    });
    let label = if control.done {
        "Control unticked"
    } else {
        "Control ticked"
    };
    round_trip(&ws, label, |s| {
        compliance::tick_control(s, &control.id, !control.done, "Sam").unwrap();
    });
}

#[test]
fn a_json_import_is_undone_whole() {
    let ws = demo();
    let s = open(&ws.path);
    let file = json::export(&s, Some(&ws.project)).unwrap();
    let projects = count(&s, "SELECT count(*) FROM projects WHERE deleted_at IS NULL");
    drop(s);
    round_trip(&ws, "Imported from JSON", |s| {
        let opts = json::JsonImportOptions {
            rename: Some("LaunchPad copy".into()),
            remap_ids: true,
            source: None,
        };
        json::import(s, &file, opts).unwrap();
    });
    let mut s = open(&ws.path);
    assert_eq!(
        count(&s, "SELECT count(*) FROM projects WHERE deleted_at IS NULL"),
        projects
    );
    // The copy's review went out of sight with it: nothing to warn about.
    crate::undo::redo(&mut s).unwrap();
    assert_eq!(crate::undo::undo(&mut s).unwrap().note, None);
}

#[test]
fn a_markdown_import_into_a_project_is_undone_whole() {
    let ws = demo();
    let s = open(&ws.path);
    let md = markdown::export(&s, &ws.project).unwrap();
    drop(s);
    let changed = md.replace("| Reliability | 2 | 4 |", "| Reliability | 4 | 4 |");
    assert_ne!(changed, md, "the demo's export names Reliability at 2");
    round_trip(&ws, "Imported from Markdown", |s| {
        let plan = markdown::plan(&[("launchpad.md".into(), changed.into_bytes())]).unwrap();
        markdown::apply(s, &plan, crate::demo::DEMO_NAME).unwrap();
    });
}
