use super::*;
use crate::project::{self, NewProject, ProjectEdit};
use crate::scorecard::{self, PillarEdit, PillarSet};
use crate::stakeholders::{self, NewStakeholder};
use crate::testing::store;

fn item<'a>(card: &'a FirstWeek, key: &str) -> &'a FirstWeekItem {
    card.items.iter().find(|i| i.key == key).unwrap()
}

#[test]
fn quick_start_items_tick_themselves_from_the_data() {
    let mut s = store();
    let p = project::create(
        &mut s,
        NewProject {
            name: "P".into(),
            pillar_sets: vec![PillarSet::FourPillars],
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let card = first_week(s.conn(), &p).unwrap();
    assert_eq!((card.done, card.total, card.complete), (0, 10, false));
    let keys: Vec<&str> = card.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "north_star",
            "score_pillars",
            "map_stakeholders",
            "scan_compliance",
            "leading_metric",
            "day1",
            "day2",
            "day3",
            "day4",
            "day5"
        ]
    );

    project::edit(&mut s, &p, ProjectEdit::NorthStar("Ship daily".into())).unwrap();
    project::edit(&mut s, &p, ProjectEdit::LeadingMetric("p95 latency".into())).unwrap();
    let pillars = scorecard::list_pillars(s.conn(), &p).unwrap();
    for q in &pillars[..3] {
        scorecard::edit_pillar(&mut s, &q.id, PillarEdit::Score(Some(2))).unwrap();
    }
    let card = first_week(s.conn(), &p).unwrap();
    assert!(item(&card, "north_star").done);
    assert!(item(&card, "leading_metric").done);
    assert!(
        !item(&card, "score_pillars").done,
        "one pillar is still unscored"
    );
    scorecard::edit_pillar(&mut s, &pillars[3].id, PillarEdit::Score(Some(1))).unwrap();
    stakeholders::add_stakeholder(
        &mut s,
        &p,
        NewStakeholder {
            name: "Ops".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let card = first_week(s.conn(), &p).unwrap();
    assert!(item(&card, "score_pillars").done);
    assert!(item(&card, "map_stakeholders").done);
    assert_eq!(card.done, 4);

    // Clearing the data unticks the item again.
    project::edit(&mut s, &p, ProjectEdit::NorthStar(String::new())).unwrap();
    assert!(!item(&first_week(s.conn(), &p).unwrap(), "north_star").done);
}

#[test]
fn the_five_day_plan_is_ticked_by_hand_and_dated_from_the_start() {
    let mut s = store();
    let p = project::create(
        &mut s,
        NewProject {
            name: "P".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let card = first_week(s.conn(), &p).unwrap();
    let dates: Vec<&str> = card
        .items
        .iter()
        .filter(|i| i.group == FirstWeekGroup::FiveDayPlan)
        .map(|i| i.date.as_deref().unwrap())
        .collect();
    assert_eq!(
        dates,
        [
            "2026-11-25",
            "2026-11-26",
            "2026-11-27",
            "2026-11-28",
            "2026-11-29"
        ]
    );
    let card = tick(&mut s, &p, "day1", true).unwrap();
    assert!(item(&card, "day1").done);
    // Ticking twice is one tick; unticking removes it.
    tick(&mut s, &p, "day1", true).unwrap();
    let card = tick(&mut s, &p, "day2", true).unwrap();
    assert_eq!(card.done, 2);
    let card = tick(&mut s, &p, "day1", false).unwrap();
    assert!(!item(&card, "day1").done);
    assert_eq!(card.done, 1);

    let e = tick(&mut s, &p, "north_star", true).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Ticks itself once the North Star is written."
    );
    let e = tick(&mut s, &p, "day9", true).unwrap_err();
    assert_eq!(e.to_string(), "The first-week card has no item “day9”.");
}

#[test]
fn the_card_is_dismissed_only_once_everything_is_done() {
    let mut s = store();
    let p = project::create(
        &mut s,
        NewProject {
            name: "P".into(),
            north_star: "Ship daily".into(),
            leading_metric: "p95".into(),
            pillar_sets: vec![PillarSet::FourPillars],
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let e = set_dismissed(&mut s, &p, true).unwrap_err();
    assert!(
        e.to_string()
            .contains("once every item is done (2 of 10 so far)"),
        "{e}"
    );
    for q in scorecard::list_pillars(s.conn(), &p).unwrap() {
        scorecard::edit_pillar(&mut s, &q.id, PillarEdit::Score(Some(3))).unwrap();
    }
    stakeholders::add_stakeholder(
        &mut s,
        &p,
        NewStakeholder {
            name: "Ops".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        tick(&mut s, &p, "scan_compliance", true).is_err(),
        "it ticks itself now"
    );
    crate::compliance::set_answers(
        &mut s,
        &p,
        crate::compliance::Answers {
            data: Some(vec![crate::compliance::DataKind::None]),
            payments: Some(false),
            industry: Some(crate::compliance::Industry::None),
            industry_detail: String::new(),
        },
    )
    .unwrap();
    for key in ["day1", "day2", "day3", "day4", "day5"] {
        tick(&mut s, &p, key, true).unwrap();
    }
    let card = set_dismissed(&mut s, &p, true).unwrap();
    assert!(card.complete && card.dismissed);
    let card = set_dismissed(&mut s, &p, false).unwrap();
    assert!(!card.dismissed);
}
