//! The command palette's index on issue 8's large register: 20,000 risks in one project (and
//! the demo beside it). The palette reads the index once per opening and matches in the window,
//! so what counts is the read, and the JSON it sends over IPC (built here as the shell does),
//! against the palette's budget of feeling instant (well under 100 ms to the first results).
//!
//! `cargo bench -p northstar-core --bench palette [-- --runs N]`

mod common;

use common::{ms, runs, time};
use northstar_core::project::{self, NewProject};
use northstar_core::{demo, palette, risks, Store};

const RISKS: usize = 20_000;

fn main() {
    let dir = common::bench_dir("palette");
    let mut s = Store::open(&dir.join("northstar.db")).unwrap();
    demo::seed_if_first_run(&mut s).unwrap();
    let p = project::create(
        &mut s,
        NewProject {
            name: "Large register".into(),
            ..Default::default()
        },
    )
    .unwrap();
    risks::sample_register(&mut s, &p.id, RISKS, &[], &[]).unwrap();
    s.checkpoint().unwrap();
    let n = runs(21);
    let conn = s.conn();

    let index = palette::index(conn).unwrap();
    let names: usize = index
        .iter()
        .map(|p| {
            p.pillars.len()
                + p.goals.len()
                + p.stakeholders.len()
                + p.risks.len()
                + p.regulations.len()
                + 1
        })
        .sum();
    assert!(names > RISKS, "{names} names");
    let d = time(n, || palette::index(conn).unwrap());
    println!(
        "[palette] index of {names} names (2 projects, {RISKS} risks): {}",
        ms(d)
    );
    let json = serde_json::to_vec(&index).unwrap();
    let d = time(n, || {
        serde_json::to_vec(&palette::index(conn).unwrap()).unwrap()
    });
    println!(
        "[palette] index read and serialised as IPC sends it: {} ({} KB of JSON)",
        ms(d),
        json.len() / 1024
    );
    drop(s);
    let _ = std::fs::remove_dir_all(&dir);
}
