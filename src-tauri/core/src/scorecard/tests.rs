use super::*;
use crate::project::{self, NewProject};
use crate::testing::store;
use crate::Store;

fn project_with(s: &mut Store, sets: Vec<PillarSet>) -> String {
    project::create(
        s,
        NewProject {
            name: "P".into(),
            pillar_sets: sets,
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn score(s: &mut Store, id: &str, v: Option<i64>) -> PillarSaved {
    edit_pillar(s, id, PillarEdit::Score(v)).unwrap()
}

#[test]
fn status_follows_the_legend() {
    assert_eq!(Status::of(Some(4), 4), Status::OnTarget);
    assert_eq!(Status::of(Some(5), 4), Status::OnTarget);
    assert_eq!(Status::of(Some(3), 4), Status::InProgress);
    assert_eq!(Status::of(Some(2), 4), Status::Pending);
    assert_eq!(Status::of(None, 4), Status::Pending);
    assert_eq!(Status::of(Some(1), 1), Status::OnTarget);
    assert_eq!(legend(1), "Nonexistent");
    assert_eq!(legend(5), "Operationalized");
}

#[test]
fn the_headline_is_the_mean_of_scored_pillars_to_one_decimal() {
    let mut s = store();
    let p = project_with(&mut s, vec![PillarSet::FourPillars]);
    let ps = list_pillars(s.conn(), &p).unwrap();
    assert_eq!(Headline::of(&ps).overall, None);
    score(&mut s, &ps[0].id, Some(2));
    score(&mut s, &ps[1].id, Some(1));
    let saved = score(&mut s, &ps[2].id, Some(4));
    // (2 + 1 + 4) / 3 = 2.333…
    assert_eq!(saved.headline.overall, Some(2.3));
    assert_eq!(saved.headline.at_target, 1);
    assert_eq!(saved.headline.total, 4);
    assert_eq!(saved.headline.scored, 3);
    assert_eq!(saved.headline.summary(), "1 of 4 pillars at target");
    // Unscored Supportability first, then Security (1), then Reliability (2).
    assert_eq!(
        saved.headline.lowest,
        ["Supportability", "Security", "Reliability"]
    );
    assert_eq!(mean(&[3, 4]), Some(3.5));
    assert_eq!(mean(&[1, 1, 2]), Some(1.3));
}

#[test]
fn scores_and_targets_are_one_to_five() {
    let mut s = store();
    let p = project_with(&mut s, vec![PillarSet::FourPillars]);
    let id = list_pillars(s.conn(), &p).unwrap()[0].id.clone();
    for bad in [0, 6, -1, 300] {
        let e = edit_pillar(&mut s, &id, PillarEdit::Score(Some(bad))).unwrap_err();
        assert_eq!(e.field(), Some("score"));
        assert_eq!(
            e.to_string(),
            format!("A score is a whole number from 1 to 5 (got {bad}).")
        );
        let e = edit_pillar(&mut s, &id, PillarEdit::Target(bad)).unwrap_err();
        assert_eq!(e.field(), Some("target"));
    }
    assert_eq!(score(&mut s, &id, Some(5)).pillar.score, Some(5));
    assert_eq!(score(&mut s, &id, None).pillar.score, None);
    let t = edit_pillar(&mut s, &id, PillarEdit::Target(3)).unwrap();
    assert_eq!(t.pillar.target, 3);
}

#[test]
fn pillar_names_are_required_short_and_unique_in_the_project() {
    let mut s = store();
    let p = project_with(&mut s, vec![PillarSet::FourPillars]);
    let add = |s: &mut Store, n: &str| {
        add_pillar(
            s,
            &p,
            NewPillar {
                name: n.into(),
                ..Default::default()
            },
        )
    };
    assert_eq!(
        add(&mut s, " ").unwrap_err().to_string(),
        "A pillar name is required."
    );
    let e = add(&mut s, &"x".repeat(10_000)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "A pillar name can be at most 100 characters (this one has 10000)."
    );
    let e = add(&mut s, "security").unwrap_err();
    assert_eq!(
        e.to_string(),
        "This project already has a pillar called “Security”."
    );
    assert_eq!(list_pillars(s.conn(), &p).unwrap().len(), 4);
    let cost = add(&mut s, "Cost").unwrap();
    assert_eq!((cost.position, cost.target, cost.score), (4, 4, None));
    // Another project may reuse a name.
    let q = project::create(
        &mut s,
        NewProject {
            name: "Q".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(add_pillar(
        &mut s,
        &q.id,
        NewPillar {
            name: "Cost".into(),
            ..Default::default()
        }
    )
    .is_ok());
}

#[test]
fn checkpoints_are_real_dates_or_empty() {
    let mut s = store();
    let p = project_with(&mut s, vec![PillarSet::FourPillars]);
    let id = list_pillars(s.conn(), &p).unwrap()[0].id.clone();
    let e = edit_pillar(
        &mut s,
        &id,
        PillarEdit::NextCheckpoint(Some("2026-02-30".into())),
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("next_checkpoint"));
    let ok = edit_pillar(
        &mut s,
        &id,
        PillarEdit::NextCheckpoint(Some("2026‑01‑01".into())),
    )
    .unwrap();
    assert_eq!(ok.pillar.next_checkpoint.as_deref(), Some("2026-01-01"));
    let cleared = edit_pillar(&mut s, &id, PillarEdit::NextCheckpoint(Some(" ".into()))).unwrap();
    assert_eq!(cleared.pillar.next_checkpoint, None);
}

#[test]
fn both_sets_make_twelve_pillars_and_adding_a_set_twice_adds_nothing() {
    let mut s = store();
    let p = project_with(
        &mut s,
        vec![PillarSet::FourPillars, PillarSet::ReadinessChecklist],
    );
    assert_eq!(list_pillars(s.conn(), &p).unwrap().len(), 12);
    assert_eq!(
        add_pillar_set(&mut s, &p, PillarSet::FourPillars)
            .unwrap()
            .len(),
        12
    );
    let none = project::create(
        &mut s,
        NewProject {
            name: "Empty".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(list_pillars(s.conn(), &none.id).unwrap().is_empty());
}

#[test]
fn moving_a_pillar_renumbers_the_rest() {
    let mut s = store();
    let p = project_with(&mut s, vec![PillarSet::FourPillars]);
    let ps = list_pillars(s.conn(), &p).unwrap();
    let moved = move_pillar(&mut s, &ps[3].id, 0).unwrap();
    let names: Vec<&str> = moved.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Supportability", "Reliability", "Security", "Observability"]
    );
    assert!(moved
        .iter()
        .enumerate()
        .all(|(i, p)| p.position == i as i64));
    let moved = move_pillar(&mut s, &ps[3].id, 99).unwrap();
    assert_eq!(moved.last().unwrap().name, "Supportability");
}

#[test]
fn assessments_freeze_scores_even_when_pillars_change_later() {
    let mut s = store();
    let p = project_with(&mut s, vec![PillarSet::FourPillars]);
    let ps = list_pillars(s.conn(), &p).unwrap();
    score(&mut s, &ps[1].id, Some(1));
    edit_pillar(
        &mut s,
        &ps[1].id,
        PillarEdit::Evidence("keys in .env".into()),
    )
    .unwrap();
    let day0 = record_assessment(&mut s, &p, "Day 0", "2026-01-01").unwrap();
    assert_eq!(day0.scores.len(), 4);
    assert_eq!(day0.overall, Some(1.0));

    score(&mut s, &ps[1].id, Some(3));
    edit_pillar(
        &mut s,
        &ps[1].id,
        PillarEdit::Evidence("vault, rotated".into()),
    )
    .unwrap();
    edit_pillar(
        &mut s,
        &ps[1].id,
        PillarEdit::Name("Security & privacy".into()),
    )
    .unwrap();
    remove_pillar(&mut s, &ps[0].id).unwrap();
    let v2 = record_assessment(&mut s, &p, "v0.2.0", "2026-02-01").unwrap();

    let all = list_assessments(s.conn(), &p).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0], day0, "the Day 0 snapshot must not move");
    let sec0 = &all[0].scores[1];
    assert_eq!(
        (sec0.pillar.as_str(), sec0.score, sec0.evidence.as_str()),
        ("Security", Some(1), "keys in .env")
    );

    let diff = compare(s.conn(), &day0.id, &v2.id).unwrap();
    let sec = diff.iter().find(|c| c.pillar_id == ps[1].id).unwrap();
    assert_eq!((sec.before, sec.after), (Some(1), Some(3)));
    assert_eq!(sec.evidence_before.as_deref(), Some("keys in .env"));
    let gone = diff.iter().find(|c| c.pillar_id == ps[0].id).unwrap();
    assert_eq!(gone.evidence_after, None);
    assert_eq!(
        pillar_removal_impact(s.conn(), &ps[1].id)
            .unwrap()
            .assessments,
        2
    );
}

#[test]
fn assessments_need_a_label_a_real_date_and_a_pillar() {
    let mut s = store();
    let p = project_with(&mut s, vec![]);
    assert_eq!(
        record_assessment(&mut s, &p, "Day 0", "2026-01-01")
            .unwrap_err()
            .to_string(),
        "Add a pillar before recording an assessment."
    );
    add_pillar_set(&mut s, &p, PillarSet::FourPillars).unwrap();
    assert_eq!(
        record_assessment(&mut s, &p, "", "2026-01-01")
            .unwrap_err()
            .field(),
        Some("label")
    );
    assert_eq!(
        record_assessment(&mut s, &p, "X", "2026-02-30")
            .unwrap_err()
            .field(),
        Some("date")
    );
    let a = record_assessment(&mut s, &p, "Day 0", "2026-01-01").unwrap();
    let a = edit_assessment(&mut s, &a.id, AssessmentEdit::Label("Day zero".into())).unwrap();
    assert_eq!(a.label, "Day zero");
    assert!(edit_assessment(&mut s, &a.id, AssessmentEdit::Date("nope".into())).is_err());
    delete_assessment(&mut s, &a.id).unwrap();
    assert!(list_assessments(s.conn(), &p).unwrap().is_empty());
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let mut s = store();
    let p = project_with(&mut s, vec![PillarSet::FourPillars]);
    let before: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))
        .unwrap();
    let e = s.write(|w| {
        w.update(
            "pillars",
            &list_pillars(w.conn(), &p)?[0].id,
            "owner",
            rusqlite::types::Value::Text("Ana".into()),
        )?;
        Err::<(), _>(crate::Error::invalid("x", "stop"))
    });
    assert!(e.is_err());
    let after: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(before, after);
    assert_eq!(list_pillars(s.conn(), &p).unwrap()[0].owner, "");
}

#[test]
fn the_screen_reads_the_scorecard_without_frozen_evidence() {
    let mut s = store();
    let p = project_with(&mut s, vec![PillarSet::FourPillars]);
    let ps = list_pillars(s.conn(), &p).unwrap();
    score(&mut s, &ps[0].id, Some(3));
    edit_pillar(&mut s, &ps[0].id, PillarEdit::Evidence("Runbook".into())).unwrap();
    record_assessment(&mut s, &p, "Later", "2026-02-01").unwrap();
    score(&mut s, &ps[1].id, Some(5));
    record_assessment(&mut s, &p, "Day 0", "2026-01-01").unwrap();
    let whole = scorecard(s.conn(), &p).unwrap();
    let screen = scorecard_screen(s.conn(), &p).unwrap();
    assert_eq!(screen.pillars, whole.pillars);
    assert_eq!(screen.headline, whole.headline);
    // The same points in the same order (by date), each score by pillar as frozen.
    let points: Vec<AssessmentPoint> = whole
        .assessments
        .iter()
        .map(|a| AssessmentPoint {
            id: a.id.clone(),
            label: a.label.clone(),
            date: a.date.clone(),
            overall: a.overall,
            scores: a
                .scores
                .iter()
                .map(|x| FrozenScore {
                    pillar_id: x.pillar_id.clone(),
                    pillar: x.pillar.clone(),
                    score: x.score,
                })
                .collect(),
        })
        .collect();
    assert_eq!(screen.assessments, points);
    assert_eq!(screen.assessments[0].label, "Day 0");
    assert_eq!(screen.assessments[1].overall, Some(3.0));
    // The pillar's own evidence is there once; the two frozen copies are not.
    let json = serde_json::to_string(&screen).unwrap();
    assert_eq!(json.matches("Runbook").count(), 1, "{json}");
    let whole_json = serde_json::to_string(&whole).unwrap();
    assert_eq!(whole_json.matches("Runbook").count(), 3);
    assert!(scorecard_screen(s.conn(), "nope").is_err());
}
