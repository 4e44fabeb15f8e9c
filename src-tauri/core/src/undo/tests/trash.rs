//! The trash: each kind removed, listed with what it took, restored whole; emptied for good.

use super::{count, demo, open, today, view, Ws};
use crate::error::Error;
use crate::store::Store;
use crate::undo::{empty_trash, list_trash, restore, undo, undo_state, TrashKind};
use crate::{compliance, goals, project, risks, scorecard, stakeholders};

/// Removes a row with `remove`, checks the trash entry after a restart, restores it and checks
/// every page is as before; then Ctrl+Z on the restore puts it back in the trash.
fn trash_round_trip(ws: &Ws, kind: TrashKind, name: &str, remove: impl FnOnce(&mut Store)) {
    let before = {
        let mut s = open(&ws.path);
        let before = view(&s, &ws.project);
        remove(&mut s);
        assert_ne!(view(&s, &ws.project), before);
        before
    };
    let mut s = open(&ws.path);
    let trash = list_trash(s.conn()).unwrap();
    assert_eq!(trash.len(), 1, "{trash:?}");
    let e = &trash[0];
    assert_eq!((e.kind, e.name.as_str()), (kind, name));
    assert_eq!(e.project_id.as_deref(), Some(ws.project.as_str()));
    let out = restore(&mut s, &e.id).unwrap();
    assert!(out.message.starts_with("Restored "), "{}", out.message);
    drop(s);
    let mut s = open(&ws.path);
    assert_eq!(view(&s, &ws.project), before, "{name} came back whole");
    assert!(list_trash(s.conn()).unwrap().is_empty());
    assert!(undo_state(s.conn())
        .unwrap()
        .undo
        .unwrap()
        .label
        .starts_with("Restored "));
    undo(&mut s).unwrap();
    assert_eq!(list_trash(s.conn()).unwrap().len(), 1);
}

#[test]
fn a_project_with_what_it_took() {
    let ws = demo();
    trash_round_trip(&ws, TrashKind::Project, crate::demo::DEMO_NAME, |s| {
        project::delete(s, &ws.project).unwrap();
    });
    let s = open(&ws.path);
    let e = &list_trash(s.conn()).unwrap()[0];
    let took: Vec<String> = e
        .took
        .iter()
        .map(|t| format!("{} {}", t.count, t.what))
        .collect();
    assert!(took.contains(&"12 pillars".to_owned()), "{took:?}");
    assert!(took.contains(&"1 goal".to_owned()), "{took:?}");
    assert!(took.contains(&"3 risks".to_owned()), "{took:?}");
}

#[test]
fn a_pillar() {
    let ws = demo();
    let p = scorecard::list_pillars(open(&ws.path).conn(), &ws.project).unwrap()[0].clone();
    trash_round_trip(&ws, TrashKind::Pillar, &p.name, |s| {
        scorecard::remove_pillar(s, &p.id).unwrap();
    });
}

#[test]
fn a_goal_with_its_links_and_the_leading_metric() {
    let ws = demo();
    let s = open(&ws.path);
    let g = goals::list_goals(s.conn(), &ws.project, today()).unwrap()[0].clone();
    drop(s);
    let mut s = open(&ws.path);
    project::edit(
        &mut s,
        &ws.project,
        crate::project::ProjectEdit::LeadingGoal(Some(g.id.clone())),
    )
    .unwrap();
    drop(s);
    trash_round_trip(&ws, TrashKind::Goal, &g.goal, |s| {
        goals::remove_goal(s, &g.id).unwrap();
    });
    let s = open(&ws.path);
    let took: Vec<String> = list_trash(s.conn()).unwrap()[0]
        .took
        .iter()
        .map(|t| format!("{} {}", t.count, t.what))
        .collect();
    assert_eq!(took, ["2 readings", "2 risk links", "1 stakeholder link"]);
}

#[test]
fn a_stakeholder() {
    let ws = demo();
    let s = open(&ws.path);
    let p = stakeholders::list_stakeholders(s.conn(), &ws.project, today()).unwrap()[0].clone();
    drop(s);
    trash_round_trip(&ws, TrashKind::Stakeholder, &p.name, |s| {
        stakeholders::remove_stakeholder(s, &p.id).unwrap();
    });
}

#[test]
fn a_risk() {
    let ws = demo();
    let s = open(&ws.path);
    let r =
        risks::all_risks(s.conn(), &ws.project, &Default::default(), today()).unwrap()[0].clone();
    drop(s);
    trash_round_trip(&ws, TrashKind::Risk, &r.title, |s| {
        risks::remove_risk(s, &r.id).unwrap();
    });
}

#[test]
fn a_scan_row() {
    let ws = demo();
    let s = open(&ws.path);
    let row = compliance::compliance(s.conn(), &ws.project).unwrap().scan[0].clone();
    let code: String = s
        .conn()
        .query_row(
            "SELECT code FROM regulations WHERE id = ?1",
            [&row.regulation_id],
            |r| r.get(0),
        )
        .unwrap();
    drop(s);
    trash_round_trip(
        &ws,
        TrashKind::ScanRow,
        &format!("{code} scan: {}", row.area),
        |s| {
            compliance::remove_scan_row(s, &row.id).unwrap();
        },
    );
}

#[test]
fn a_pillar_of_a_project_in_the_trash_waits_for_its_project() {
    let ws = demo();
    let mut s = open(&ws.path);
    let p = scorecard::list_pillars(s.conn(), &ws.project).unwrap()[0].clone();
    scorecard::remove_pillar(&mut s, &p.id).unwrap();
    project::delete(&mut s, &ws.project).unwrap();
    let trash = list_trash(s.conn()).unwrap();
    let pillar = trash.iter().find(|e| e.kind == TrashKind::Pillar).unwrap();
    let err = restore(&mut s, &pillar.id).unwrap_err();
    assert!(matches!(err, Error::Conflict(_)));
    assert!(
        err.to_string().contains("restore the project first"),
        "{err}"
    );
}

#[test]
fn a_project_whose_name_was_taken_since_is_refused() {
    let ws = demo();
    let mut s = open(&ws.path);
    project::delete(&mut s, &ws.project).unwrap();
    let new = project::NewProject {
        name: crate::demo::DEMO_NAME.into(),
        ..Default::default()
    };
    project::create(&mut s, new).unwrap();
    let e = list_trash(s.conn()).unwrap()[0].clone();
    let err = restore(&mut s, &e.id).unwrap_err();
    assert!(
        err.to_string().contains("another project is called"),
        "{err}"
    );
    assert_eq!(list_trash(s.conn()).unwrap().len(), 1, "nothing changed");
}

#[test]
fn emptying_removes_the_rows_for_good_and_keeps_the_history() {
    let ws = demo();
    let mut s = open(&ws.path);
    let g = goals::list_goals(s.conn(), &ws.project, today())
        .unwrap()
        .into_iter()
        .find(|g| g.has_numbers())
        .unwrap();
    goals::add_reading(&mut s, &g.id, 10.0, None).unwrap();
    goals::remove_goal(&mut s, &g.id).unwrap();
    let r =
        risks::all_risks(s.conn(), &ws.project, &Default::default(), today()).unwrap()[0].clone();
    risks::remove_risk(&mut s, &r.id).unwrap();
    assert_eq!(list_trash(s.conn()).unwrap().len(), 2);
    let changes = count(&s, "SELECT count(*) FROM changes");
    drop(s);

    let mut s = open(&ws.path);
    let out = empty_trash(&mut s).unwrap();
    assert_eq!(out.entries, 2);
    assert!(out.rows >= 4, "the goal, its readings, the risk: {out:?}");
    assert!(list_trash(s.conn()).unwrap().is_empty());
    let gone = |table: &str, id: &str| {
        s.conn()
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get::<_, i64>(0),
            )
            .unwrap()
            == 0
    };
    assert!(gone("goals", &g.id) && gone("risks", &r.id));
    let readings: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM goal_readings WHERE goal_id = ?1",
            [&g.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(readings, 0);
    assert!(
        count(&s, "SELECT count(*) FROM changes") > changes,
        "history only grows"
    );
    // The search index no longer finds the risk.
    let found = count(&s, "SELECT count(*) FROM risks_fts");
    assert_eq!(found, count(&s, "SELECT count(*) FROM risks"));
    // The removals and the reading can no longer be undone: the stack has nothing of them.
    assert!(undo_state(s.conn()).unwrap().undo.is_none());
    let integrity: String = s
        .conn()
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .unwrap_or_else(|_| "ok".into());
    assert_eq!(integrity, "ok");
}

#[test]
fn a_pillar_frozen_in_an_assessment_stays_hidden_when_emptied() {
    let ws = demo();
    let mut s = open(&ws.path);
    // The demo's Day 0 assessment froze every pillar.
    let p = scorecard::list_pillars(s.conn(), &ws.project).unwrap()[0].clone();
    scorecard::remove_pillar(&mut s, &p.id).unwrap();
    let out = empty_trash(&mut s).unwrap();
    assert_eq!((out.entries, out.rows, out.kept), (1, 0, 1));
    assert!(list_trash(s.conn()).unwrap().is_empty());
    let kept: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM pillars WHERE id = ?1 AND deleted_at IS NOT NULL",
            [&p.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, 1);
}

#[test]
fn emptying_a_deleted_project_takes_everything_of_it() {
    let ws = demo();
    let mut s = open(&ws.path);
    let new = project::NewProject {
        name: "Side project".into(),
        pillar_sets: vec![scorecard::PillarSet::FourPillars],
        ..Default::default()
    };
    let p = project::create(&mut s, new).unwrap();
    let goal = goals::NewGoal {
        goal: "Ship it".into(),
        ..Default::default()
    };
    goals::add_goal(&mut s, &p.id, goal).unwrap();
    scorecard::record_assessment(&mut s, &p.id, "Day 0", "2026-11-20").unwrap();
    project::delete(&mut s, &p.id).unwrap();
    let out = empty_trash(&mut s).unwrap();
    assert_eq!((out.entries, out.kept), (1, 0), "{out:?}");
    let tables = [
        "pillars",
        "assessments",
        "goals",
        "stakeholders",
        "risks",
        "scan_rows",
        "controls",
        "compliance_notes",
    ];
    for table in tables {
        let n: i64 = s
            .conn()
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE project_id = ?1"),
                [&p.id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert_eq!(count(&s, "SELECT count(*) FROM assessment_scores s WHERE NOT EXISTS (SELECT 1 FROM assessments a WHERE a.id = s.assessment_id)"), 0);
    let gone: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM projects WHERE id = ?1",
            [&p.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(gone, 0);
    assert!(list_trash(s.conn()).unwrap().is_empty());
}

#[test]
fn a_project_with_review_history_keeps_it_hidden_when_emptied() {
    let ws = demo();
    let mut s = open(&ws.path);
    assert!(!compliance::reviews_view(s.conn(), &ws.project)
        .unwrap()
        .is_empty());
    project::delete(&mut s, &ws.project).unwrap();
    let out = empty_trash(&mut s).unwrap();
    assert!(out.kept >= 1, "{out:?}");
    assert!(list_trash(s.conn()).unwrap().is_empty());
    assert!(project::list(s.conn()).unwrap().is_empty());
    let n: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM pillars WHERE project_id = ?1",
            [&ws.project],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 0, "what the history does not name is gone");
}
