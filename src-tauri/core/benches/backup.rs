//! Backup, check and restore on a 50 MB workspace (issue budgets: backup under 1 s, `northstar
//! check` under 2 s, memory under 150 MB), medians of 5 runs (no criterion).
//!
//! The workspace is a real file in WAL mode, filled with generated risk registers (their rows,
//! full-text index and change records) until it passes 50 MB, then checkpointed as the app
//! leaves it on exit. Peak memory is the process's VmHWM, reset after the fill (Linux), so it
//! measures the backup, check and restore themselves; the fill's own peak is printed too.
//!
//! `cargo bench -p northstar-core --bench backup [-- --runs N]`

mod common;

use chrono::NaiveDate;
use common::{median, ms, runs};
use northstar_core::backup;
use northstar_core::project::{self, NewProject};
use northstar_core::risks;
use northstar_core::Store;
use std::path::Path;
use std::time::{Duration, Instant};

const TARGET_BYTES: u64 = 50 * 1024 * 1024;
const RISKS_PER_PROJECT: usize = 10_000;

fn time(runs: usize, mut f: impl FnMut(usize)) -> Duration {
    let mut v = Vec::with_capacity(runs);
    for i in 0..runs {
        let t = Instant::now();
        f(i);
        v.push(t.elapsed());
    }
    median(v)
}

/// The process's peak resident memory so far, in MB (Linux; 0 elsewhere).
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Starts the peak over from the current resident memory (Linux 4.0+; a no-op elsewhere).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn file_mb(path: &Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / (1024.0 * 1024.0))
}

fn main() {
    let dir = common::bench_dir("backup");
    let db = dir.join("northstar.db");
    let mut s = Store::open(&db).unwrap();
    let t = Instant::now();
    let mut n = 0;
    while std::fs::metadata(&db).unwrap().len() < TARGET_BYTES {
        let p = project::create(
            &mut s,
            NewProject {
                name: format!("Large register {n} – São Paulo"),
                ..Default::default()
            },
        )
        .unwrap();
        risks::sample_register(&mut s, &p.id, RISKS_PER_PROJECT, &[], &[]).unwrap();
        s.checkpoint().unwrap();
        n += 1;
    }
    println!(
        "[backup] fixture: {} risks in {n} projects, {:.1} MB, written in {} (peak {:.0} MB)",
        n * RISKS_PER_PROJECT,
        file_mb(&db),
        ms(t.elapsed()),
        peak_rss_mb()
    );
    reset_peak();
    let runs = runs(5);
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();

    let out = dir.join("out");
    let d = time(runs, |i| {
        backup::backup_to(&s, &out.join(format!("copy-{i}.db"))).unwrap();
    });
    println!(
        "[backup] backup of the workspace (VACUUM INTO, flushed, read back): {} (budget 1 s), copy {:.1} MB",
        ms(d),
        file_mb(&out.join("copy-0.db"))
    );
    let _ = std::fs::remove_dir_all(&out);

    backup::auto_backup(&s, day.and_hms_opt(9, 0, 0).unwrap()).unwrap();
    let tmp = dir.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let d = time(runs, |_| {
        let report = backup::check(&s, Some(&tmp)).unwrap();
        assert!(report.ok, "{report:?}");
    });
    println!(
        "[backup] check (integrity, foreign keys, test restore of the newest backup): {} (budget 2 s)",
        ms(d)
    );

    let newest = backup::list(&s).unwrap().pop().unwrap();
    let d = time(runs.min(3), |i| {
        let at = day.and_hms_opt(10, i as u32, 0).unwrap();
        backup::restore(&mut s, Path::new(&newest.path), at).unwrap();
    });
    println!(
        "[backup] restore of the newest backup (checks, backup before, replace): {}",
        ms(d)
    );
    println!(
        "[backup] peak memory during backup, check and restore: {:.0} MB (budget 150 MB)",
        peak_rss_mb()
    );
    drop(s);
    if std::env::var_os("NORTHSTAR_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    } else {
        println!("[backup] kept {}", dir.display());
    }
}
