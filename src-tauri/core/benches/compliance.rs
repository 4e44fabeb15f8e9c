//! Compliance benchmarks against a real database file (WAL, as the app opens it), medians of many
//! runs (no criterion), on issue 9's large project: 2,000 scan rows, 500 vendors and 1,000 review
//! history entries. Each sub-view of the page is one read (the page's budget is 150 ms from the
//! click to the first screen, IPC and drawing included); the serialized size is what crosses IPC.
//!
//! `cargo bench -p northstar-core --bench compliance [-- --runs N]`

mod common;

use common::{ms, runs, time};
use northstar_core::compliance::{self, Answers, DataKind};
use northstar_core::project::{self, NewProject};
use northstar_core::Store;
use std::time::Instant;

fn kib<T: serde::Serialize>(v: &T) -> usize {
    serde_json::to_vec(v).unwrap().len() / 1024
}

fn main() {
    let dir = common::bench_dir("compliance");
    let mut s = Store::open(&dir.join("northstar.db")).unwrap();
    let p = project::create(
        &mut s,
        NewProject {
            name: "Large compliance".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let answers = Answers {
        data: Some(vec![DataKind::EuPersonal, DataKind::Card]),
        payments: Some(true),
        ..Default::default()
    };
    compliance::set_answers(&mut s, &p.id, answers).unwrap();
    let t = Instant::now();
    compliance::sample_compliance(&mut s, &p.id, 2000, 500, 1000).unwrap();
    println!(
        "[compliance] fixture: 2,000 scan rows, 500 vendors, 1,000 reviews written in {}",
        ms(t.elapsed())
    );
    s.checkpoint().unwrap();
    let n = runs(21);
    let conn = s.conn();
    let scan = compliance::scan_view(conn, &p.id).unwrap();
    let d = time(n, || compliance::scan_view(conn, &p.id).unwrap());
    println!(
        "[compliance] scan view ({} rows, {} KiB): {}",
        scan.scan.len(),
        kib(&scan),
        ms(d)
    );
    let notes = compliance::notes_view(conn, &p.id).unwrap();
    let d = time(n, || compliance::notes_view(conn, &p.id).unwrap());
    println!(
        "[compliance] notes view ({} vendors, {} KiB): {}",
        notes.vendors.len(),
        kib(&notes),
        ms(d)
    );
    let history = compliance::reviews_view(conn, &p.id).unwrap();
    let d = time(n, || compliance::reviews_view(conn, &p.id).unwrap());
    println!(
        "[compliance] history view ({} entries, {} KiB): {}",
        history.len(),
        kib(&history),
        ms(d)
    );
    let d = time(n, || compliance::summary(conn, &p.id).unwrap());
    println!(
        "[compliance] summary strip (the one-page PDF's part): {}",
        ms(d)
    );
    drop(s);
    let _ = std::fs::remove_dir_all(&dir);
}
