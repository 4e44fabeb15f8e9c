//! Scorecard benchmarks against a real database file (WAL, as the app opens it), medians of
//! many runs (no criterion):
//!
//! - one score change, from the call to committed and the headline recomputed (budget 16 ms);
//! - opening the scorecard of a project with 50 pillars and 40 assessments (budget 150 ms for
//!   the whole page; this is the data half of it).
//!
//! `cargo bench -p northstar-core --bench scorecard [-- --runs N]`

mod common;

use common::{median, ms, runs};
use northstar_core::project::{self, NewProject};
use northstar_core::scorecard::{self, NewPillar, PillarEdit};
use northstar_core::Store;
use std::time::Instant;

fn main() {
    let dir = common::bench_dir("scorecard");
    let mut s = Store::open(&dir.join("northstar.db")).unwrap();
    let p = project::create(
        &mut s,
        NewProject {
            name: "Fifty pillars".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let ids: Vec<String> = (0..50)
        .map(|i| {
            let pl = scorecard::add_pillar(
                &mut s,
                &p.id,
                NewPillar {
                    name: format!("Pillar {i:02}"),
                    description: "What this pillar means, in one line.".into(),
                },
            )
            .unwrap();
            scorecard::edit_pillar(
                &mut s,
                &pl.id,
                PillarEdit::Evidence(
                    "Evidence with a link https://example.com/runbook and a few words.".repeat(4),
                ),
            )
            .unwrap();
            pl.id
        })
        .collect();
    for a in 0..40 {
        for (i, id) in ids.iter().enumerate() {
            let score = ((a + i) % 5 + 1) as i64;
            scorecard::edit_pillar(&mut s, id, PillarEdit::Score(Some(score))).unwrap();
        }
        let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
            + chrono::Duration::days(7 * a as i64);
        scorecard::record_assessment(&mut s, &p.id, &format!("Release {a}"), &date.to_string())
            .unwrap();
    }

    let n = runs(200);
    let mut score_times = Vec::with_capacity(n);
    for i in 0..n {
        let id = &ids[i % ids.len()];
        let t = Instant::now();
        let saved = scorecard::edit_pillar(&mut s, id, PillarEdit::Score(Some((i % 5 + 1) as i64)))
            .unwrap();
        score_times.push(t.elapsed());
        assert_eq!(saved.headline.total, 50);
    }
    let mut open_times = Vec::with_capacity(n);
    for _ in 0..n.min(100) {
        let t = Instant::now();
        let card = scorecard::scorecard(s.conn(), &p.id).unwrap();
        open_times.push(t.elapsed());
        assert_eq!((card.pillars.len(), card.assessments.len()), (50, 40));
    }
    let json = serde_json::to_vec(&scorecard::scorecard(s.conn(), &p.id).unwrap()).unwrap();
    println!(
        "score change (core, file db, WAL)    median {}  over {n} runs  budget 16 ms",
        ms(median(score_times))
    );
    println!(
        "open scorecard 50 pillars x 40 rounds median {}  payload {} KiB  budget 150 ms (page)",
        ms(median(open_times)),
        json.len() / 1024
    );
    let _ = std::fs::remove_dir_all(&dir);
}
