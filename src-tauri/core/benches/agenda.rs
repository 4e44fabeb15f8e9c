//! Agenda benchmarks against a real database file (WAL, as the app opens it), medians of many
//! runs (no criterion), on issue 10's large workspace: about 100,000 dated items across 50
//! projects (risk reviews and compliance scan reviews, from the core's generators).
//!
//! - the whole agenda across all projects (budget 50 ms), and one project's;
//! - the reminder check when nothing is due (budget 10 ms), and the due counts for the sidebar.
//!
//! `cargo bench -p northstar-core --bench agenda [-- --runs N]`

mod common;

use chrono::NaiveDate;
use common::{ms, runs, time};
use northstar_core::agenda::{self, AgendaQuery};
use northstar_core::project::{self, NewProject};
use northstar_core::{compliance, risks, Store};
use std::time::Instant;

const PROJECTS: usize = 50;
const RISKS: usize = 2_800;
const SCAN: usize = 200;

fn main() {
    let dir = common::bench_dir("agenda");
    let mut s = Store::open(&dir.join("northstar.db")).unwrap();
    let t = Instant::now();
    let mut first = String::new();
    for p in 0..PROJECTS {
        let id = project::create(
            &mut s,
            NewProject {
                name: format!("Project {p:02}"),
                ..Default::default()
            },
        )
        .unwrap()
        .id;
        risks::sample_register(&mut s, &id, RISKS, &[], &[]).unwrap();
        compliance::sample_compliance(&mut s, &id, SCAN, 0, 0).unwrap();
        if p == 0 {
            first = id;
        }
    }
    s.checkpoint().unwrap();
    // A day before every generated date (2027): nothing is due or within a week of it.
    let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let all = agenda::agenda(s.conn(), today, &AgendaQuery::default()).unwrap();
    println!(
        "[agenda] fixture: {} dated items in {PROJECTS} projects, written in {}",
        all.len(),
        ms(t.elapsed())
    );
    let n = runs(11);
    let conn = s.conn();
    let d = time(n, || {
        agenda::agenda(conn, today, &AgendaQuery::default()).unwrap()
    });
    println!(
        "[agenda] whole agenda, all projects: {} (budget 50 ms)",
        ms(d)
    );
    let one = AgendaQuery {
        days: None,
        project_id: Some(first.clone()),
    };
    let d = time(n, || agenda::agenda(conn, today, &one).unwrap());
    println!("[agenda] one project's agenda: {}", ms(d));
    let week = AgendaQuery {
        days: Some(7),
        project_id: None,
    };
    let d = time(n, || agenda::agenda(conn, today, &week).unwrap());
    println!("[agenda] the coming week, all projects: {}", ms(d));
    let d = time(n, || agenda::due_counts(conn, today).unwrap());
    println!("[agenda] sidebar due counts: {}", ms(d));
    let noon = today.and_hms_opt(12, 0, 0).unwrap();
    let d = time(n, || agenda::check_reminders(&mut s, noon, false).unwrap());
    println!(
        "[agenda] reminder check, nothing due: {} (budget 10 ms)",
        ms(d)
    );
    drop(s);
    let _ = std::fs::remove_dir_all(&dir);
}
