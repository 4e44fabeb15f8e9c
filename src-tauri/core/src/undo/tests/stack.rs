//! The stack's rules: order, redo cleared by a new edit, what is never on it, refusals.

use super::{count, demo, open, view};
use crate::compliance::{self, NewReview};
use crate::error::Error;
use crate::scorecard::{self, PillarEdit};
use crate::undo::{redo, undo, undo_state};
use std::sync::{Arc, Mutex};

fn pillar(ws: &super::Ws) -> (crate::Store, String) {
    let s = open(&ws.path);
    let id = scorecard::list_pillars(s.conn(), &ws.project).unwrap()[0]
        .id
        .clone();
    (s, id)
}

fn score_of(s: &crate::Store, id: &str) -> Option<u8> {
    scorecard::list_pillars(s.conn(), &s_project(s))
        .unwrap()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap()
        .score
}

fn s_project(s: &crate::Store) -> String {
    crate::project::list(s.conn()).unwrap()[0].id.clone()
}

#[test]
fn a_fresh_workspace_has_nothing_to_undo_the_demo_is_not_an_edit() {
    let ws = demo();
    let mut s = open(&ws.path);
    let state = undo_state(s.conn()).unwrap();
    assert!(state.undo.is_none() && state.redo.is_none());
    let err = undo(&mut s).unwrap_err();
    assert_eq!(err.to_string(), "Nothing to undo.");
    assert_eq!(redo(&mut s).unwrap_err().to_string(), "Nothing to redo.");
}

#[test]
fn undo_walks_back_newest_first_and_redo_walks_forward() {
    let ws = demo();
    let (mut s, id) = pillar(&ws);
    let v0 = view(&s, &ws.project);
    scorecard::edit_pillar(&mut s, &id, PillarEdit::Score(Some(5))).unwrap();
    let v1 = view(&s, &ws.project);
    scorecard::edit_pillar(
        &mut s,
        &id,
        PillarEdit::Evidence("Load test passed.".into()),
    )
    .unwrap();
    let v2 = view(&s, &ws.project);

    let out = undo(&mut s).unwrap();
    assert_eq!(out.label, "Evidence changed");
    assert_eq!(
        out.message,
        "Undid: Evidence changed · LaunchPad – v0 Readiness"
    );
    assert_eq!(out.project_id.as_deref(), Some(ws.project.as_str()));
    assert_eq!(view(&s, &ws.project), v1);
    drop(s);
    let mut s = open(&ws.path);
    assert_eq!(undo(&mut s).unwrap().label, "Score changed");
    assert_eq!(view(&s, &ws.project), v0);
    assert!(undo_state(s.conn()).unwrap().undo.is_none());

    assert_eq!(redo(&mut s).unwrap().label, "Score changed");
    assert_eq!(view(&s, &ws.project), v1);
    assert_eq!(redo(&mut s).unwrap().label, "Evidence changed");
    assert_eq!(view(&s, &ws.project), v2);
    assert!(undo_state(s.conn()).unwrap().redo.is_none());
    // History only grew: two edits, two undos, two redos, each a batch of one change.
    assert_eq!(
        count(&s, "SELECT count(*) FROM batches WHERE kind != 'system'"),
        6
    );
}

#[test]
fn a_new_edit_after_an_undo_clears_redo() {
    let ws = demo();
    let (mut s, id) = pillar(&ws);
    scorecard::edit_pillar(&mut s, &id, PillarEdit::Score(Some(5))).unwrap();
    undo(&mut s).unwrap();
    assert!(undo_state(s.conn()).unwrap().redo.is_some());
    scorecard::edit_pillar(&mut s, &id, PillarEdit::Owner("Ana".into())).unwrap();
    drop(s);
    let mut s = open(&ws.path);
    let state = undo_state(s.conn()).unwrap();
    assert!(state.redo.is_none());
    assert_eq!(state.undo.unwrap().label, "Pillar owner changed");
    assert_eq!(redo(&mut s).unwrap_err().to_string(), "Nothing to redo.");
}

#[test]
fn a_write_that_changes_nothing_leaves_no_batch() {
    let ws = demo();
    let (mut s, id) = pillar(&ws);
    let score = score_of(&s, &id);
    let before = count(&s, "SELECT count(*) FROM batches");
    scorecard::edit_pillar(&mut s, &id, PillarEdit::Score(score.map(i64::from))).unwrap();
    assert_eq!(count(&s, "SELECT count(*) FROM batches"), before);
}

#[test]
fn a_review_is_append_only_and_not_on_the_stack() {
    let ws = demo();
    let (mut s, id) = pillar(&ws);
    scorecard::edit_pillar(&mut s, &id, PillarEdit::Score(Some(5))).unwrap();
    let reviews = compliance::reviews_view(s.conn(), &ws.project)
        .unwrap()
        .len();
    let review = NewReview {
        date: Some("2026-11-24".into()),
        reviewer: "Sam".into(),
        findings: "All good.".into(),
        corrects: None,
    };
    compliance::record_review(&mut s, &ws.project, review).unwrap();
    // Undo passes over the review (it cannot be taken back) to the edit before it.
    assert_eq!(undo(&mut s).unwrap().label, "Score changed");
    assert_eq!(
        compliance::reviews_view(s.conn(), &ws.project)
            .unwrap()
            .len(),
        reviews + 1
    );
}

#[test]
fn an_undo_of_a_row_changed_outside_the_stack_is_refused_and_changes_nothing() {
    let ws = demo();
    let (mut s, id) = pillar(&ws);
    scorecard::edit_pillar(&mut s, &id, PillarEdit::Score(Some(5))).unwrap();
    // As an older Northstar would have written it: no batch.
    s.conn()
        .execute("UPDATE pillars SET score = 3 WHERE id = ?1", [&id])
        .unwrap();
    let batches = count(&s, "SELECT count(*) FROM batches");
    let err = undo(&mut s).unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err}");
    assert!(
        err.to_string()
            .contains("“Score changed” cannot be undone: the pillar was changed again since"),
        "{err}"
    );
    assert_eq!(score_of(&s, &id), Some(3));
    assert_eq!(count(&s, "SELECT count(*) FROM batches"), batches);
}

#[test]
fn every_commit_is_told_with_its_words_and_project() {
    let ws = demo();
    let (mut s, id) = pillar(&ws);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    s.on_commit(Box::new(move |c| sink.lock().unwrap().push(c.clone())));
    scorecard::edit_pillar(&mut s, &id, PillarEdit::Score(Some(4))).unwrap();
    undo(&mut s).unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].label, "Score changed");
    assert_eq!(
        seen[0].project_name.as_deref(),
        Some("LaunchPad – v0 Readiness")
    );
    assert!(seen[0].undoable);
    assert_eq!(seen[1].kind, crate::store::BatchKind::Undo);
}
