//! Goals and stakeholders benchmarks against a real database file (WAL, as the app opens it),
//! medians of many runs (no criterion), on issue 7's large project: 500 goals with 20 readings
//! each and 1,000 stakeholders with three check-ins each.
//!
//! - reading every goal (with readings, status and links) and every stakeholder (with check-ins,
//!   next check-in and the goals naming them): the data half of each page's first screen
//!   (budget 150 ms for the page);
//! - one reading added, from the call to committed and the goal re-read.
//!
//! `cargo bench -p northstar-core --bench alignment [-- --runs N]`

mod common;

use chrono::{Duration as Days, NaiveDate};
use common::{median, ms, runs};
use northstar_core::goals::{self, Direction, NewGoal};
use northstar_core::project::{self, NewProject};
use northstar_core::stakeholders::{self, Cadence, NewStakeholder};
use northstar_core::Store;
use std::time::{Duration, Instant};

fn main() {
    let dir = common::bench_dir("align");
    let mut s = Store::open(&dir.join("northstar.db")).unwrap();
    let p = project::create(
        &mut s,
        NewProject {
            name: "Large alignment".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let t = Instant::now();
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let cadences = Cadence::ALL;
    let people: Vec<String> = (0..1000)
        .map(|i| {
            let who = stakeholders::add_stakeholder(
                &mut s,
                &p.id,
                NewStakeholder {
                    name: format!("Stakeholder {i:04}"),
                    why: "Needs the product to hold up when it matters to them.".into(),
                    success: "No surprises; fixes within a day.".into(),
                    cadence: Some(cadences[i % cadences.len()]),
                    channel: "Weekly async update".into(),
                    open_questions: "Which regions do their users sit in?".into(),
                    owner: "Teo".into(),
                },
            )
            .unwrap();
            for k in 0..3 {
                let d = start + Days::days((i % 200 + 30 * k) as i64);
                stakeholders::check_in(&mut s, &who.id, Some(&d.to_string()), "Check-in note")
                    .unwrap();
            }
            who.id
        })
        .collect();
    let goal_ids: Vec<String> = (0..500)
        .map(|i| {
            let g = goals::add_goal(
                &mut s,
                &p.id,
                NewGoal {
                    goal: format!("Goal {i:03}: keep this outcome on track"),
                    metric: "99% of requests succeed; p95 < 400 ms".into(),
                    target: Some(99.0),
                    unit: "%".into(),
                    direction: Some(Direction::Higher),
                    deadline: Some((start + Days::days(400)).to_string()),
                    guardrail: "Hosting under EUR 150 a month".into(),
                    stakeholders: vec![people[i % 1000].clone(), people[(i * 7) % 1000].clone()],
                    risks_text: "Risk: traffic spike → Mitigation: rate limits".into(),
                },
            )
            .unwrap();
            for k in 0..20 {
                let d = start + Days::days(7 * k);
                let v = 97.0 + ((i + k as usize) % 30) as f64 / 10.0;
                goals::add_reading(&mut s, &g.id, v, Some(&d.to_string())).unwrap();
            }
            g.id
        })
        .collect();
    println!(
        "built 500 goals x 20 readings and 1,000 stakeholders in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let today = s.clock().today();
    let n = runs(50);
    let time = |f: &mut dyn FnMut()| -> Duration {
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            let t = Instant::now();
            f();
            v.push(t.elapsed());
        }
        median(v)
    };
    let goals_read = time(&mut || {
        let list = goals::list_goals(s.conn(), &p.id, today).unwrap();
        assert_eq!(list.len(), 500);
    });
    let people_read = time(&mut || {
        let list = stakeholders::list_stakeholders(s.conn(), &p.id, today).unwrap();
        assert_eq!(list.len(), 1000);
    });
    let goals_json =
        serde_json::to_vec(&goals::list_goals(s.conn(), &p.id, today).unwrap()).unwrap();
    let people_json =
        serde_json::to_vec(&stakeholders::list_stakeholders(s.conn(), &p.id, today).unwrap())
            .unwrap();
    let mut add = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        let g = goals::add_reading(&mut s, &goal_ids[i % 500], 98.0, None).unwrap();
        add.push(t.elapsed());
        assert!(g.readings.len() > 20);
    }
    println!(
        "list 500 goals (10,000 readings)      median {}  payload {} KiB  budget 150 ms (page)",
        ms(goals_read),
        goals_json.len() / 1024
    );
    println!(
        "list 1,000 stakeholders (3,000 check-ins) median {}  payload {} KiB  budget 150 ms (page)",
        ms(people_read),
        people_json.len() / 1024
    );
    println!(
        "add one reading (core, file db, WAL)  median {}  over {n} runs",
        ms(median(add))
    );
    let _ = std::fs::remove_dir_all(&dir);
}
