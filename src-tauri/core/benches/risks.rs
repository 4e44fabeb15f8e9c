//! Risk register benchmarks against a real database file (WAL, as the app opens it), medians of
//! many runs (no criterion), on issue 8's large register: 20,000 risks in one project.
//!
//! - the heat map's counts (budget 10 ms);
//! - the Risks page's first screen, data half: heat map, first page of 100, owners and link
//!   labels (the page's budget is 100 ms from the click);
//! - a search as the user types it, one prefix per keystroke (budget 50 ms per keystroke,
//!   including IPC and drawing): first page and total;
//! - a filter to one heat-map cell, and page 50 of the default list (a deep scroll);
//! - one edit of likelihood, committed and re-read.
//!
//! `cargo bench -p northstar-core --bench risks [-- --runs N]`

mod common;

use common::{ms, runs, time};
use northstar_core::project::{self, NewProject};
use northstar_core::risks::{self, Cell, RiskEdit, RiskQuery, RiskSort};
use northstar_core::Store;
use std::time::{Duration, Instant};

const RISKS: usize = 20_000;

fn main() {
    let dir = common::bench_dir("risks");
    let mut s = Store::open(&dir.join("northstar.db")).unwrap();
    let p = project::create(
        &mut s,
        NewProject {
            name: "Large register".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let t = Instant::now();
    risks::sample_register(&mut s, &p.id, RISKS, &[], &[]).unwrap();
    println!(
        "[risks] fixture: {RISKS} risks written in {}",
        ms(t.elapsed())
    );
    // As the app finds the file at launch: the log folded in on the last exit.
    s.checkpoint().unwrap();
    let today = s.clock().today();
    let n = runs(21);
    let conn = s.conn();

    let map = risks::heat_map(conn, &p.id).unwrap();
    assert!(
        map.total > 17_000,
        "the fixture's open risks: {}",
        map.total
    );
    let d = time(n, || risks::heat_map(conn, &p.id).unwrap());
    println!("[risks] heat map counts: {} (budget 10 ms)", ms(d));

    let q = RiskQuery::default();
    let view = risks::risks_view(conn, &p.id, &q, today).unwrap();
    assert_eq!(view.page.risks.len(), 100);
    let d = time(n, || risks::risks_view(conn, &p.id, &q, today).unwrap());
    println!(
        "[risks] first screen data (heat map, 100 rows, owners, labels): {}",
        ms(d)
    );
    let d = time(n, || risks::list_risks(conn, &p.id, &q, today).unwrap());
    println!(
        "[risks]   of which the first page of 100 and the total: {}",
        ms(d)
    );
    let d = time(n, || risks::risk_owners(conn, &p.id).unwrap());
    println!("[risks]   of which the owners: {}", ms(d));

    let words = "payment times out";
    let mut worst = Duration::ZERO;
    let mut line = String::new();
    for end in 1..=words.len() {
        let typed = &words[..end];
        if typed.ends_with(' ') {
            continue;
        }
        let q = RiskQuery {
            search: typed.into(),
            ..Default::default()
        };
        let page = risks::list_risks(conn, &p.id, &q, today).unwrap();
        let d = time(n, || risks::list_risks(conn, &p.id, &q, today).unwrap());
        worst = worst.max(d);
        line.push_str(&format!("\n    “{typed}” {} rows: {}", page.total, ms(d)));
    }
    println!(
        "[risks] search per keystroke (first page + total), slowest {}:{line}",
        ms(worst)
    );

    let cell = RiskQuery {
        cell: Some(Cell {
            likelihood: 4,
            impact: 3,
        }),
        ..Default::default()
    };
    let d = time(n, || risks::list_risks(conn, &p.id, &cell, today).unwrap());
    println!("[risks] one heat-map cell's list: {}", ms(d));
    for sort in [RiskSort::ReviewDate, RiskSort::Status] {
        let q = RiskQuery {
            sort,
            ..Default::default()
        };
        let d = time(n, || risks::list_risks(conn, &p.id, &q, today).unwrap());
        println!("[risks] first page sorted by {sort:?}: {}", ms(d));
    }
    let deep = RiskQuery {
        offset: 4_900,
        ..Default::default()
    };
    let d = time(n, || risks::list_risks(conn, &p.id, &deep, today).unwrap());
    println!("[risks] page 50 of the default list: {}", ms(d));

    let id = view.page.risks[0].id.clone();
    let mut level = 1;
    let d = time(n, || {
        level = level % 5 + 1;
        risks::edit_risk(&mut s, &id, RiskEdit::Likelihood(level)).unwrap()
    });
    println!(
        "[risks] one likelihood edit, committed and re-read: {}",
        ms(d)
    );
    drop(s);
    if std::env::var_os("NORTHSTAR_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    } else {
        println!("[risks] kept {}", dir.display());
    }
}
