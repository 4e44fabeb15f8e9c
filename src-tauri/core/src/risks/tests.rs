use super::*;
use crate::clock::Clock;
use crate::goals::{self, NewGoal};
use crate::project::{self, NewProject};
use crate::stakeholders::{self, NewStakeholder};
use crate::testing::store;
use crate::Store;
use chrono::{DateTime, Duration, TimeZone, Utc};
use std::sync::{Arc, Mutex};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn project_id(s: &mut Store, name: &str) -> String {
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

fn add(s: &mut Store, p: &str, title: &str, l: i64, i: i64) -> Risk {
    add_risk(
        s,
        p,
        NewRisk {
            title: title.into(),
            likelihood: l,
            impact: i,
            ..Default::default()
        },
    )
    .unwrap()
}

fn titles(page: &RiskPage) -> Vec<&str> {
    page.risks.iter().map(|r| r.title.as_str()).collect()
}

fn search(s: &Store, p: &str, text: &str) -> Vec<String> {
    let q = RiskQuery {
        search: text.into(),
        ..Default::default()
    };
    let page = list_risks(s.conn(), p, &q, today()).unwrap();
    page.risks.into_iter().map(|r| r.title).collect()
}

fn changes(s: &Store) -> i64 {
    s.conn()
        .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn severity_and_band_at_every_boundary() {
    let cases = [
        (1, Band::Low),
        (4, Band::Low),
        (5, Band::Medium),
        (9, Band::Medium),
        (10, Band::High),
        (16, Band::High),
        (20, Band::Critical),
        (25, Band::Critical),
    ];
    for (severity, band) in cases {
        assert_eq!(Band::of(severity), band, "severity {severity}");
    }
    // Every likelihood × impact, through the store: severity is the product, band from it.
    let mut s = store();
    let p = project_id(&mut s, "P");
    for l in 1..=5 {
        for i in 1..=5 {
            let r = add(&mut s, &p, &format!("{l}×{i}"), l, i);
            assert_eq!(i64::from(r.severity), l * i);
            let want = match l * i {
                1..=4 => Band::Low,
                5..=9 => Band::Medium,
                10..=16 => Band::High,
                _ => Band::Critical,
            };
            assert_eq!(r.band, want, "{l}×{i}");
        }
    }
    let map = heat_map(s.conn(), &p).unwrap();
    assert_eq!(map.total, 25);
    assert!(map.cells.iter().all(|c| c.count == 1));
    assert_eq!((map.cells[0].likelihood, map.cells[0].impact), (5, 1));
    assert_eq!(map.cells[4].band, Band::Critical);
    for band in Band::ALL {
        let q = RiskQuery {
            band: Some(band),
            ..Default::default()
        };
        let page = list_risks(s.conn(), &p, &q, today()).unwrap();
        assert!(page.risks.iter().all(|r| r.band == band));
        let n = match band {
            Band::Low => 8,      // 1,2,3,4 as products: 1×1..4, 2×1, 2×2, 3×1, 4×1
            Band::Medium => 7,   // 5,6,8,9
            Band::High => 7,     // 10,12,15,16
            Band::Critical => 3, // 20,20,25
        };
        assert_eq!(page.total, n, "{band:?}");
    }
}

#[test]
fn bad_input_is_refused_with_a_message_and_writes_nothing() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let r = add(&mut s, &p, "Keys leak", 3, 4);
    let before = changes(&s);
    let bad = |s: &mut Store, new: NewRisk| add_risk(s, &p, new).unwrap_err().to_string();
    let base = || NewRisk {
        title: "T".into(),
        ..Default::default()
    };
    assert_eq!(
        bad(
            &mut s,
            NewRisk {
                likelihood: 0,
                ..base()
            }
        ),
        "Likelihood must be a whole number from 1 to 5 (got 0)."
    );
    assert_eq!(
        bad(
            &mut s,
            NewRisk {
                impact: 6,
                ..base()
            }
        ),
        "Impact must be a whole number from 1 to 5 (got 6)."
    );
    assert_eq!(
        bad(
            &mut s,
            NewRisk {
                title: "  ".into(),
                ..base()
            }
        ),
        "A risk's title is required."
    );
    assert!(bad(
        &mut s,
        NewRisk {
            title: "x".repeat(201),
            ..base()
        }
    )
    .contains("at most 200 characters (this one has 201)"));
    assert!(bad(
        &mut s,
        NewRisk {
            mitigation: "x".repeat(10_001),
            ..base()
        }
    )
    .contains("at most 10000 characters"));
    assert!(bad(
        &mut s,
        NewRisk {
            review_date: Some("2026-02-30".into()),
            ..base()
        }
    )
    .contains("real calendar date"));
    assert!(bad(
        &mut s,
        NewRisk {
            status: Some(RiskStatus::Closed),
            ..base()
        }
    )
    .contains("closing note"));
    let edit = |s: &mut Store, e: RiskEdit| edit_risk(s, &r.id, e).unwrap_err().to_string();
    assert!(edit(&mut s, RiskEdit::Likelihood(9)).contains("from 1 to 5 (got 9)"));
    assert!(edit(&mut s, RiskEdit::Status(RiskStatus::Closed)).contains("closing note"));
    assert_eq!(
        edit(&mut s, RiskEdit::Close("   ".into())),
        "A closing note is required."
    );
    assert_eq!(changes(&s), before, "a refused write leaves no trace");
    let same = get_risk(s.conn(), &r.id, today()).unwrap();
    assert_eq!(same, r);
}

#[test]
fn links_stay_in_the_project_and_go_with_whichever_end_is_removed() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let other = project_id(&mut s, "Other");
    let g = goals::add_goal(
        &mut s,
        &p,
        NewGoal {
            goal: "G".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let foreign = goals::add_goal(
        &mut s,
        &other,
        NewGoal {
            goal: "F".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let who = stakeholders::add_stakeholder(
        &mut s,
        &p,
        NewStakeholder {
            name: "CS lead".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let err = add_risk(
        &mut s,
        &p,
        NewRisk {
            title: "T".into(),
            goals: vec![foreign.id.clone()],
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "A risk can only name goals of its own project."
    );
    let r = add_risk(
        &mut s,
        &p,
        NewRisk {
            title: "Traffic spike".into(),
            likelihood: 4,
            impact: 4,
            goals: vec![g.id.clone(), g.id.clone()],
            stakeholders: vec![who.id.clone()],
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(r.goals, std::slice::from_ref(&g.id));
    assert_eq!(r.stakeholders, std::slice::from_ref(&who.id));
    let goal = goals::get_goal(s.conn(), &g.id, today()).unwrap();
    assert_eq!(goal.risks.len(), 1);
    assert_eq!(goal.risk_band, Some(Band::High));
    let person = stakeholders::get_stakeholder(s.conn(), &who.id, today()).unwrap();
    assert_eq!(person.risks[0].title, "Traffic spike");
    let impact = stakeholders::stakeholder_removal_impact(s.conn(), &who.id).unwrap();
    assert_eq!(impact.risks, ["Traffic spike"]);

    // Removing the risk removes both links in the same transaction.
    let before = changes(&s);
    remove_risk(&mut s, &r.id).unwrap();
    assert_eq!(
        changes(&s) - before,
        3,
        "two links and the risk, in one write"
    );
    let live_links: i64 = s
        .conn()
        .query_row(
            "SELECT (SELECT count(*) FROM risk_goals WHERE deleted_at IS NULL)
                  + (SELECT count(*) FROM risk_stakeholders WHERE deleted_at IS NULL)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(live_links, 0);
    assert!(goals::get_goal(s.conn(), &g.id, today())
        .unwrap()
        .risks
        .is_empty());
    assert!(get_risk(s.conn(), &r.id, today()).is_err());

    // Removing a goal or a stakeholder takes its links from the risks that named it.
    let r = add_risk(
        &mut s,
        &p,
        NewRisk {
            title: "Second".into(),
            goals: vec![g.id.clone()],
            stakeholders: vec![who.id.clone()],
            ..Default::default()
        },
    )
    .unwrap();
    goals::remove_goal(&mut s, &g.id).unwrap();
    stakeholders::remove_stakeholder(&mut s, &who.id).unwrap();
    let r = get_risk(s.conn(), &r.id, today()).unwrap();
    assert!(r.goals.is_empty() && r.stakeholders.is_empty());
}

#[test]
fn a_goal_links_risks_from_its_side_too() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let other = project_id(&mut s, "Other");
    let g = goals::add_goal(
        &mut s,
        &p,
        NewGoal {
            goal: "G".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let a = add(&mut s, &p, "A", 1, 2);
    let b = add(&mut s, &p, "B", 5, 5);
    let c = add(&mut s, &other, "C", 1, 1);
    let set =
        |s: &mut Store, ids: Vec<String>| goals::edit_goal(s, &g.id, goals::GoalEdit::Risks(ids));
    let goal = set(&mut s, vec![a.id.clone(), b.id.clone()]).unwrap();
    assert_eq!(
        goal.risks
            .iter()
            .map(|r| r.title.as_str())
            .collect::<Vec<_>>(),
        ["B", "A"]
    );
    assert_eq!(goal.risk_band, Some(Band::Critical));
    assert!(set(&mut s, vec![c.id.clone()]).is_err());
    // Closing the critical one leaves the band to the open ones; the link stays.
    edit_risk(&mut s, &b.id, RiskEdit::Close("Rate limits shipped".into())).unwrap();
    let goal = goals::get_goal(s.conn(), &g.id, today()).unwrap();
    assert_eq!(goal.risk_band, Some(Band::Low));
    assert_eq!(goal.risks.len(), 2);
    let goal = set(&mut s, vec![a.id.clone()]).unwrap();
    assert_eq!(goal.risks.len(), 1);
    assert_eq!(get_risk(s.conn(), &b.id, today()).unwrap().goals.len(), 0);
}

#[test]
fn typed_risk_text_stays_on_the_goal_until_turned_into_a_risk() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let typed = "Risk: an integration spikes traffic unexpectedly → Mitigation: synthetic monitoring and rate limits.";
    let g = goals::add_goal(
        &mut s,
        &p,
        NewGoal {
            goal: "G".into(),
            risks_text: typed.into(),
            ..Default::default()
        },
    )
    .unwrap();
    // The register's arrival changes nothing typed: the text is still there, word for word.
    let goal = goals::get_goal(s.conn(), &g.id, today()).unwrap();
    assert_eq!(goal.risks_text, typed);
    assert!(goal.risks.is_empty());

    let r = risk_from_goal_text(&mut s, &g.id).unwrap();
    assert_eq!(r.title, "An integration spikes traffic unexpectedly");
    assert_eq!(r.mitigation, "Synthetic monitoring and rate limits.");
    assert_eq!(r.goals, std::slice::from_ref(&g.id));
    let goal = goals::get_goal(s.conn(), &g.id, today()).unwrap();
    assert_eq!(goal.risks_text, "");
    assert_eq!(goal.risks[0].id, r.id);
    assert!(
        risk_from_goal_text(&mut s, &g.id).is_err(),
        "nothing left to turn"
    );

    // Text in no particular shape: the first line titles the risk, the whole text is kept.
    let free = "Vendor lock-in\nIf the hosting provider raises prices we cannot move quickly.";
    let g2 = goals::add_goal(
        &mut s,
        &p,
        NewGoal {
            goal: "G2".into(),
            risks_text: free.into(),
            ..Default::default()
        },
    )
    .unwrap();
    let r = risk_from_goal_text(&mut s, &g2.id).unwrap();
    assert_eq!(r.title, "Vendor lock-in");
    assert_eq!(r.description, free);
    // A single line too long for a title is cut at a word, and kept whole as the description.
    let long = "word ".repeat(60);
    let g3 = goals::add_goal(
        &mut s,
        &p,
        NewGoal {
            goal: "G3".into(),
            risks_text: long.clone(),
            ..Default::default()
        },
    )
    .unwrap();
    let r = risk_from_goal_text(&mut s, &g3.id).unwrap();
    assert!(r.title.ends_with("word…") && r.title.chars().count() <= TITLE_MAX);
    assert_eq!(r.description, long.trim());
}

#[test]
fn search_finds_each_field_ignoring_case_and_accents_and_forgets_removed_risks() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let other = project_id(&mut s, "Other");
    let a = add_risk(
        &mut s,
        &p,
        NewRisk {
            title: "Traffic spike from an integration".into(),
            description: "A partner's résumé parser retries without backoff.".into(),
            mitigation: "Synthetic monitoring and rate limits".into(),
            ..Default::default()
        },
    )
    .unwrap();
    add(&mut s, &p, "Keys in a .env file", 3, 5);
    add(&mut s, &other, "Traffic spike elsewhere", 3, 5);
    assert_eq!(
        search(&s, &p, "traffic"),
        ["Traffic spike from an integration"]
    );
    assert_eq!(
        search(&s, &p, "RESUME"),
        ["Traffic spike from an integration"]
    );
    assert_eq!(
        search(&s, &p, "synth lim"),
        ["Traffic spike from an integration"]
    );
    assert_eq!(
        search(&s, &p, "MONITORING"),
        ["Traffic spike from an integration"]
    );
    assert_eq!(search(&s, &p, "env"), ["Keys in a .env file"]);
    assert!(
        search(&s, &p, "traffic keys").is_empty(),
        "every word must match"
    );
    assert!(search(&s, &p, "\"unbalanced OR (").is_empty());

    // An edit is found by its new words, not its old ones.
    edit_risk(
        &mut s,
        &a.id,
        RiskEdit::Mitigation("Circuit breakers".into()),
    )
    .unwrap();
    assert!(search(&s, &p, "synthetic").is_empty());
    assert_eq!(search(&s, &p, "circuit").len(), 1);

    // A closed risk leaves the default list and the heat map, and search still finds it.
    edit_risk(
        &mut s,
        &a.id,
        RiskEdit::Close("The partner fixed their client.".into()),
    )
    .unwrap();
    let default = list_risks(s.conn(), &p, &RiskQuery::default(), today()).unwrap();
    assert_eq!(titles(&default), ["Keys in a .env file"]);
    assert_eq!(heat_map(s.conn(), &p).unwrap().total, 1);
    assert_eq!(
        search(&s, &p, "traffic"),
        ["Traffic spike from an integration"]
    );
    let reopened = edit_risk(&mut s, &a.id, RiskEdit::Status(RiskStatus::Mitigating)).unwrap();
    assert_eq!(reopened.closing_note, "The partner fixed their client.");
    assert_eq!(heat_map(s.conn(), &p).unwrap().total, 2);

    remove_risk(&mut s, &a.id).unwrap();
    assert!(search(&s, &p, "traffic").is_empty());
}

#[test]
fn pages_filters_and_sorts_run_in_sqlite() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    for n in 0..250 {
        add_risk(
            &mut s,
            &p,
            NewRisk {
                title: format!("Risk {n:03}"),
                likelihood: 1 + n % 5,
                impact: 1 + (n / 5) % 5,
                owner: if n % 2 == 0 {
                    "Ana".into()
                } else {
                    "Teo".into()
                },
                review_date: (n % 3 != 0).then(|| format!("2027-01-{:02}", 1 + n % 28)),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let first = list_risks(s.conn(), &p, &RiskQuery::default(), today()).unwrap();
    assert_eq!((first.total, first.risks.len()), (250, 100));
    let sev: Vec<u8> = first.risks.iter().map(|r| r.severity).collect();
    assert!(sev.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(sev[0], 25);
    let third = list_risks(
        s.conn(),
        &p,
        &RiskQuery {
            offset: 200,
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    assert_eq!(third.risks.len(), 50);
    let huge = RiskQuery {
        limit: Some(100_000),
        ..Default::default()
    };
    assert_eq!(
        list_risks(s.conn(), &p, &huge, today())
            .unwrap()
            .risks
            .len(),
        250
    );

    let cell = RiskQuery {
        cell: Some(Cell {
            likelihood: 2,
            impact: 3,
        }),
        ..Default::default()
    };
    let page = list_risks(s.conn(), &p, &cell, today()).unwrap();
    assert_eq!(page.total, heat_map(s.conn(), &p).unwrap().count(2, 3));
    assert!(page
        .risks
        .iter()
        .all(|r| r.likelihood == 2 && r.impact == 3));

    let ana = RiskQuery {
        owner: Some("Ana".into()),
        ..Default::default()
    };
    assert_eq!(list_risks(s.conn(), &p, &ana, today()).unwrap().total, 125);
    assert_eq!(risk_owners(s.conn(), &p).unwrap(), ["Ana", "Teo"]);

    let by_date = RiskQuery {
        sort: RiskSort::ReviewDate,
        ..huge.clone()
    };
    let dates: Vec<Option<String>> = list_risks(s.conn(), &p, &by_date, today())
        .unwrap()
        .risks
        .into_iter()
        .map(|r| r.review_date)
        .collect();
    let dated = dates.iter().take_while(|d| d.is_some()).count();
    assert!(dates[dated..].iter().all(Option::is_none), "undated last");
    assert!(dates[..dated].windows(2).all(|w| w[0] <= w[1]));

    let first_id = first.risks[0].id.clone();
    edit_risk(&mut s, &first_id, RiskEdit::Status(RiskStatus::Accepted)).unwrap();
    let by_status = RiskQuery {
        sort: RiskSort::Status,
        ..huge
    };
    let all = list_risks(s.conn(), &p, &by_status, today()).unwrap().risks;
    assert_eq!(all.last().unwrap().id, first_id, "accepted after open");
}

/// A clock the test moves forward.
#[derive(Clone)]
struct Steps(Arc<Mutex<DateTime<Utc>>>);

impl Clock for Steps {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

#[test]
fn the_row_says_what_band_it_was_and_since_when() {
    let clock = Steps(Arc::new(Mutex::new(
        Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).unwrap(),
    )));
    let mut s = Store::open_in_memory(Box::new(clock.clone())).unwrap();
    let advance = |days: i64| *clock.0.lock().unwrap() += Duration::days(days);
    let p = project_id(&mut s, "P");
    let r = add(&mut s, &p, "Traffic spike", 4, 4); // 16, high
    assert_eq!(r.band_change, None);
    advance(10); // 12 Nov
    let r = edit_risk(&mut s, &r.id, RiskEdit::Likelihood(2)).unwrap(); // 8, medium
    let since = |r: &Risk| r.band_change.clone().map(|c| (c.was, c.since));
    assert_eq!(since(&r), Some((Band::High, "2026-11-12".into())));
    advance(3);
    // A change inside the band keeps the last move's date.
    let r = edit_risk(&mut s, &r.id, RiskEdit::Impact(3)).unwrap(); // 6, medium
    assert_eq!(since(&r), Some((Band::High, "2026-11-12".into())));
    let page = list_risks(s.conn(), &p, &RiskQuery::default(), s.clock().today()).unwrap();
    assert_eq!(
        since(&page.risks[0]),
        Some((Band::High, "2026-11-12".into()))
    );
    advance(2);
    let r = edit_risk(&mut s, &r.id, RiskEdit::Impact(1)).unwrap(); // 2, low
    assert_eq!(since(&r), Some((Band::Medium, "2026-11-17".into())));

    edit_risk(&mut s, &r.id, RiskEdit::Close("Gone".into())).unwrap();
    let history = risk_history(s.conn(), &r.id).unwrap();
    let fields: Vec<&str> = history.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "created",
            "likelihood",
            "impact",
            "impact",
            "closing_note",
            "status"
        ]
    );
    assert_eq!(history[1].old.as_deref(), Some("4"));
    assert_eq!(history[1].new.as_deref(), Some("2"));
    assert_eq!(history[5].new.as_deref(), Some("closed"));
}

#[test]
fn top_risks_are_the_most_severe_not_closed() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    for (t, l, i) in [
        ("a", 1, 1),
        ("b", 5, 5),
        ("c", 3, 3),
        ("d", 4, 4),
        ("e", 2, 5),
        ("f", 5, 4),
        ("g", 1, 2),
    ] {
        add(&mut s, &p, t, l, i);
    }
    let b = list_risks(s.conn(), &p, &RiskQuery::default(), today())
        .unwrap()
        .risks[0]
        .id
        .clone();
    edit_risk(&mut s, &b, RiskEdit::Close("done".into())).unwrap();
    let top: Vec<String> = top_risks(s.conn(), &p, 5, today())
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(top, ["f", "d", "e", "c", "g"]);
    assert_eq!(count_risks(s.conn(), &p).unwrap(), 7);
}

#[test]
fn a_review_date_before_today_is_overdue_unless_closed() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let r = add_risk(
        &mut s,
        &p,
        NewRisk {
            title: "T".into(),
            review_date: Some("2026-11-24".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(r.review_overdue);
    let r = edit_risk(
        &mut s,
        &r.id,
        RiskEdit::ReviewDate(Some("2026-11-25".into())),
    )
    .unwrap();
    assert!(!r.review_overdue, "due today is not overdue");
    let r = edit_risk(
        &mut s,
        &r.id,
        RiskEdit::ReviewDate(Some("2026-11-01".into())),
    )
    .unwrap();
    let r = edit_risk(&mut s, &r.id, RiskEdit::Close("done".into())).unwrap();
    assert!(!r.review_overdue);
}
