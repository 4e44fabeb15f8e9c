use super::*;
use crate::project::{self, NewProject, ProjectEdit};
use crate::stakeholders::{self, NewStakeholder};
use crate::testing::store;
use crate::Store;

fn today(s: &Store) -> NaiveDate {
    s.clock().today()
}

fn project_named(s: &mut Store, name: &str) -> String {
    project::create(
        s,
        NewProject {
            name: name.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn numeric(s: &mut Store, p: &str, target: f64, direction: Direction) -> Goal {
    add_goal(
        s,
        p,
        NewGoal {
            goal: "Keep the API reliable".into(),
            metric: "99% of requests succeed".into(),
            target: Some(target),
            unit: "%".into(),
            direction: Some(direction),
            ..Default::default()
        },
    )
    .unwrap()
}

fn reading(date: &str, value: f64) -> Reading {
    Reading {
        id: "r".into(),
        date: date.into(),
        value,
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn higher_is_better_is_met_at_and_above_the_target() {
    let t = day("2026-11-25");
    let status = |v: f64| {
        metric_status(
            Some(99.0),
            Direction::Higher,
            Some(&reading("2026-11-25", v)),
            t,
        )
        .0
    };
    assert_eq!(status(98.999), MetricStatus::NotMet);
    assert_eq!(status(99.0), MetricStatus::Met);
    assert_eq!(status(99.001), MetricStatus::Met);
    assert_eq!(status(-5.0), MetricStatus::NotMet);
}

#[test]
fn lower_is_better_is_met_at_and_below_the_target() {
    let t = day("2026-11-25");
    let status = |v: f64| {
        metric_status(
            Some(400.0),
            Direction::Lower,
            Some(&reading("2026-11-25", v)),
            t,
        )
        .0
    };
    assert_eq!(status(400.0), MetricStatus::Met);
    assert_eq!(status(399.9), MetricStatus::Met);
    assert_eq!(status(400.1), MetricStatus::NotMet);
    assert_eq!(status(0.0), MetricStatus::Met);
}

#[test]
fn no_target_means_words_only_and_no_reading_is_said() {
    let t = day("2026-11-25");
    assert_eq!(
        metric_status(
            None,
            Direction::Higher,
            Some(&reading("2026-11-25", 1.0)),
            t
        ),
        (MetricStatus::NoNumbers, false, None)
    );
    assert_eq!(
        metric_status(Some(1.0), Direction::Higher, None, t),
        (MetricStatus::NoReading, false, None)
    );
}

#[test]
fn a_reading_older_than_30_days_is_stale() {
    let t = day("2026-11-25");
    let at = |d: &str| metric_status(Some(1.0), Direction::Higher, Some(&reading(d, 2.0)), t);
    assert_eq!(at("2026-10-26"), (MetricStatus::Met, false, Some(30)));
    assert_eq!(at("2026-10-25"), (MetricStatus::Met, true, Some(31)));
    assert_eq!(at("2026-11-25"), (MetricStatus::Met, false, Some(0)));
}

#[test]
fn readings_accumulate_and_the_latest_by_date_decides() {
    let mut s = store();
    let p = project_named(&mut s, "P");
    let g = numeric(&mut s, &p, 99.0, Direction::Higher);
    assert_eq!(g.status, MetricStatus::NoReading);
    let g1 = add_reading(&mut s, &g.id, 98.0, Some("2026-11-20")).unwrap();
    assert_eq!(g1.status, MetricStatus::NotMet);
    // An older reading typed later does not become the latest.
    let g2 = add_reading(&mut s, &g.id, 99.5, Some("2026-11-01")).unwrap();
    assert_eq!(g2.readings.len(), 2);
    assert_eq!(g2.latest.as_ref().unwrap().value, 98.0);
    // Today by default.
    let g3 = add_reading(&mut s, &g.id, 99.2, None).unwrap();
    assert_eq!(g3.latest.as_ref().unwrap().date, "2026-11-25");
    assert_eq!(g3.status, MetricStatus::Met);
    assert_eq!(g3.days_since_reading, Some(0));
    // A mistaken reading is deleted, and the one before it is the latest again.
    let id = g3.latest.unwrap().id;
    let g4 = delete_reading(&mut s, &id).unwrap();
    assert_eq!(g4.readings.len(), 2);
    assert_eq!(g4.status, MetricStatus::NotMet);
    assert!(delete_reading(&mut s, &id).is_err(), "deleted twice");
}

#[test]
fn readings_are_finite_numbers_on_real_days_not_in_the_future() {
    let mut s = store();
    let p = project_named(&mut s, "P");
    let g = numeric(&mut s, &p, 99.0, Direction::Higher);
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let e = add_reading(&mut s, &g.id, bad, None).unwrap_err();
        assert_eq!(e.field(), Some("value"));
        assert!(e.to_string().contains("finite number"), "{e}");
    }
    let e = add_reading(&mut s, &g.id, 1.0, Some("2026-02-30")).unwrap_err();
    assert_eq!(e.field(), Some("date"));
    assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
    let e = add_reading(&mut s, &g.id, 1.0, Some("2026-11-26")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "A reading cannot be dated in the future (2026-11-26 is after today, 2026-11-25)."
    );
    // U+2011 hyphens, as pasted from the worksheets, are dates too.
    add_reading(&mut s, &g.id, 1.0, Some("2026\u{2011}11\u{2011}01")).unwrap();
    assert_eq!(
        get_goal(s.conn(), &g.id, today(&s)).unwrap().readings.len(),
        1
    );
}

#[test]
fn a_goal_without_numbers_takes_no_readings() {
    let mut s = store();
    let p = project_named(&mut s, "P");
    let g = add_goal(
        &mut s,
        &p,
        NewGoal {
            goal: "Words only".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(g.status, MetricStatus::NoNumbers);
    let e = add_reading(&mut s, &g.id, 1.0, None).unwrap_err();
    assert!(e.to_string().contains("no numeric target"), "{e}");
    let n: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM goal_readings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn goal_text_is_required_and_fields_have_limits() {
    let mut s = store();
    let p = project_named(&mut s, "P");
    let new = |goal: &str| NewGoal {
        goal: goal.into(),
        ..Default::default()
    };
    let e = add_goal(&mut s, &p, new("  ")).unwrap_err();
    assert_eq!(
        (e.field(), e.to_string().as_str()),
        (Some("goal"), "A goal is required.")
    );
    let e = add_goal(&mut s, &p, new(&"g".repeat(501))).unwrap_err();
    assert_eq!(
        e.to_string(),
        "A goal can be at most 500 characters (this one has 501)."
    );
    add_goal(&mut s, &p, new(&"g".repeat(500))).unwrap();
    let long = "x".repeat(10_001);
    for (field, edit) in [
        ("metric", GoalEdit::Metric(long.clone())),
        ("guardrail", GoalEdit::Guardrail(long.clone())),
        ("risks_text", GoalEdit::RisksText(long.clone())),
    ] {
        let g = list_goals(s.conn(), &p, today(&s)).unwrap().remove(0);
        let e = edit_goal(&mut s, &g.id, edit).unwrap_err();
        assert_eq!(e.field(), Some(field), "{e}");
        assert!(e.to_string().contains("at most 10000 characters"), "{e}");
    }
    let g = list_goals(s.conn(), &p, today(&s)).unwrap().remove(0);
    let e = edit_goal(&mut s, &g.id, GoalEdit::Target(Some(f64::NAN))).unwrap_err();
    assert_eq!(
        (e.field(), e.to_string().as_str()),
        (
            Some("target"),
            "A target must be a finite number (got NaN)."
        )
    );
    let e = edit_goal(&mut s, &g.id, GoalEdit::Deadline(Some("next week".into()))).unwrap_err();
    assert_eq!(e.field(), Some("deadline"));
    let g = edit_goal(&mut s, &g.id, GoalEdit::Deadline(Some("2027-01-06".into()))).unwrap();
    assert_eq!(g.deadline.as_deref(), Some("2027-01-06"));
    let g = edit_goal(&mut s, &g.id, GoalEdit::Target(Some(400.0))).unwrap();
    let g = edit_goal(&mut s, &g.id, GoalEdit::Direction(Direction::Lower)).unwrap();
    assert_eq!((g.target, g.direction), (Some(400.0), Direction::Lower));
    assert_eq!(g.status, MetricStatus::NoReading);
}

#[test]
fn a_direction_outside_the_list_is_refused_at_the_boundary() {
    let bad: Result<GoalEdit, _> =
        serde_json::from_str(r#"{"field":"direction","value":"sideways"}"#);
    assert!(bad.is_err());
    let ok: GoalEdit = serde_json::from_str(r#"{"field":"direction","value":"lower"}"#).unwrap();
    assert!(matches!(ok, GoalEdit::Direction(Direction::Lower)));
}

fn person(s: &mut Store, p: &str, name: &str) -> String {
    stakeholders::add_stakeholder(
        s,
        p,
        NewStakeholder {
            name: name.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

#[test]
fn goals_name_stakeholders_of_their_own_project_only() {
    let mut s = store();
    let p = project_named(&mut s, "P");
    let q = project_named(&mut s, "Q");
    let a = person(&mut s, &p, "Customer success lead");
    let b = person(&mut s, &p, "Compliance advisor");
    let other = person(&mut s, &q, "Elsewhere");
    let g = numeric(&mut s, &p, 1.0, Direction::Higher);
    let g = edit_goal(
        &mut s,
        &g.id,
        GoalEdit::Stakeholders(vec![b.clone(), a.clone(), a.clone()]),
    )
    .unwrap();
    // Listed in the canvas's order, once each.
    assert_eq!(g.stakeholders, [a.clone(), b.clone()]);
    let e = edit_goal(
        &mut s,
        &g.id,
        GoalEdit::Stakeholders(vec![a.clone(), other]),
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("stakeholders"));
    assert_eq!(
        e.to_string(),
        "A goal can only name stakeholders of its own project."
    );
    // Refused whole: the earlier set stands.
    assert_eq!(
        get_goal(s.conn(), &g.id, today(&s)).unwrap().stakeholders,
        [a.clone(), b.clone()]
    );
    let g = edit_goal(&mut s, &g.id, GoalEdit::Stakeholders(vec![b.clone()])).unwrap();
    assert_eq!(g.stakeholders, std::slice::from_ref(&b));
    let sb = stakeholders::get_stakeholder(s.conn(), &b, today(&s)).unwrap();
    assert_eq!(sb.goals, std::slice::from_ref(&g.id));
    let sa = stakeholders::get_stakeholder(s.conn(), &a, today(&s)).unwrap();
    assert!(sa.goals.is_empty());
}

#[test]
fn removing_a_stakeholder_says_which_goals_name_them_and_unlinks_them() {
    let mut s = store();
    let p = project_named(&mut s, "P");
    let a = person(&mut s, &p, "Customer success lead");
    let g = add_goal(
        &mut s,
        &p,
        NewGoal {
            goal: "Keep onboarding reliable".into(),
            stakeholders: vec![a.clone()],
            ..Default::default()
        },
    )
    .unwrap();
    let impact = stakeholders::stakeholder_removal_impact(s.conn(), &a).unwrap();
    assert_eq!(impact.goals, ["Keep onboarding reliable"]);
    stakeholders::remove_stakeholder(&mut s, &a).unwrap();
    assert!(get_goal(s.conn(), &g.id, today(&s))
        .unwrap()
        .stakeholders
        .is_empty());
    let live: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM goal_stakeholders WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(live, 0);
}

#[test]
fn the_leading_metric_follows_a_goal_of_the_same_project_until_it_is_removed() {
    let mut s = store();
    let p = project_named(&mut s, "P");
    let q = project_named(&mut s, "Q");
    let g = numeric(&mut s, &p, 99.0, Direction::Higher);
    let h = numeric(&mut s, &q, 99.0, Direction::Higher);
    let e = project::edit(&mut s, &p, ProjectEdit::LeadingGoal(Some(h.id.clone()))).unwrap_err();
    assert_eq!(e.field(), Some("leading_goal_id"));
    let proj = project::edit(&mut s, &p, ProjectEdit::LeadingGoal(Some(g.id.clone()))).unwrap();
    assert_eq!(proj.leading_goal_id.as_deref(), Some(g.id.as_str()));
    add_reading(&mut s, &g.id, 99.4, None).unwrap();
    let lead = leading_goal(s.conn(), &p, today(&s)).unwrap().unwrap();
    assert_eq!(
        (lead.latest.unwrap().value, lead.status),
        (99.4, MetricStatus::Met)
    );
    remove_goal(&mut s, &g.id).unwrap();
    assert_eq!(project::get(s.conn(), &p).unwrap().leading_goal_id, None);
    assert!(leading_goal(s.conn(), &p, today(&s)).unwrap().is_none());
    assert!(list_goals(s.conn(), &p, today(&s)).unwrap().is_empty());
}

#[test]
fn goals_keep_their_order_and_can_be_moved() {
    let mut s = store();
    let p = project_named(&mut s, "P");
    for name in ["A", "B", "C"] {
        add_goal(
            &mut s,
            &p,
            NewGoal {
                goal: name.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let c = list_goals(s.conn(), &p, today(&s)).unwrap()[2].id.clone();
    let order: Vec<String> = move_goal(&mut s, &c, 0)
        .unwrap()
        .into_iter()
        .map(|g| g.goal)
        .collect();
    assert_eq!(order, ["C", "A", "B"]);
    let g = find_goal(s.conn(), &p, "B", today(&s)).unwrap();
    assert_eq!(g.goal, "B");
    assert!(
        find_goal(s.conn(), &p, "b", today(&s)).is_err(),
        "exact text only"
    );
    assert_eq!(find_goal(s.conn(), &p, &c, today(&s)).unwrap().goal, "C");
}

#[test]
fn every_write_is_recorded_in_the_change_log() {
    let mut s = store();
    let p = project_named(&mut s, "P");
    let g = numeric(&mut s, &p, 99.0, Direction::Higher);
    add_reading(&mut s, &g.id, 98.0, None).unwrap();
    let count = |table: &str| -> i64 {
        s.conn()
            .query_row(
                "SELECT count(*) FROM changes WHERE table_name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(count("goals"), 1);
    assert_eq!(count("goal_readings"), 1);
}

#[test]
fn numbers_print_as_people_write_them() {
    assert_eq!(with_unit(99.0, "%"), "99%");
    assert_eq!(with_unit(98.125, "%"), "98.125%");
    assert_eq!(with_unit(400.0, "ms"), "400 ms");
    assert_eq!(with_unit(0.1 + 0.2, ""), "0.3");
    assert_eq!(with_unit(-2.5, "pts"), "-2.5 pts");
}

#[test]
fn name_lists_hold_only_live_rows_in_the_users_order() {
    let mut s = store();
    let p = project_named(&mut s, "P");
    let a = add_goal(
        &mut s,
        &p,
        NewGoal {
            goal: "A".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let b = add_goal(
        &mut s,
        &p,
        NewGoal {
            goal: "B".into(),
            ..Default::default()
        },
    )
    .unwrap();
    move_goal(&mut s, &b.id, 0).unwrap();
    let x = person(&mut s, &p, "X");
    person(&mut s, &p, "Y");
    remove_goal(&mut s, &a.id).unwrap();
    stakeholders::remove_stakeholder(&mut s, &x).unwrap();
    let goals: Vec<String> = goal_names(s.conn(), &p)
        .unwrap()
        .into_iter()
        .map(|n| n.name)
        .collect();
    assert_eq!(goals, ["B"]);
    let people: Vec<String> = stakeholders::stakeholder_names(s.conn(), &p)
        .unwrap()
        .into_iter()
        .map(|n| n.name)
        .collect();
    assert_eq!(people, ["Y"]);
}
