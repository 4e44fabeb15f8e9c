//! JSON export and import of a large workspace against real database files (WAL, as the app
//! opens them), medians of a few runs, with each phase's peak memory (VmHWM, reset between
//! phases through /proc/self/clear_refs). Budgets: on a 50 MB workspace export under 1 s and
//! import under 3 s, under 150 MB each.
//!
//! `cargo bench -p northstar-core --bench exchange [-- --runs N] [-- --risks N]`

mod common;

use common::{median, ms, runs};
use northstar_core::exchange::json::{self, JsonImportOptions};
use northstar_core::Store;
use std::time::Instant;

const PROJECTS: usize = 5;

/// `--risks N` per project, else the size that makes a workspace (database file) of about 50 MB;
/// its JSON is about a third of that, the change log and indexes being left behind.
fn risks_per_project() -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--risks")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(3_100)
}

/// Peak resident memory since the last reset, in MB.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Starts a new peak: the kernel sets VmHWM back to the current resident size.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn size_mb(path: &std::path::Path) -> f64 {
    let file = |p: &std::path::Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    (file(path) + file(std::path::Path::new(&wal))) as f64 / 1e6
}

fn main() {
    let dir = common::bench_dir("exchange");
    let db = dir.join("northstar.db");
    let mut s = Store::open(&db).unwrap();
    let per = risks_per_project();
    let t = Instant::now();
    json::sample_workspace(&mut s, PROJECTS, per).unwrap();
    s.checkpoint().unwrap();
    println!(
        "[exchange] fixture: {PROJECTS} projects × {per} risks (and their goals, stakeholders, compliance), {:.1} MB database, written in {}",
        size_mb(&db),
        ms(t.elapsed())
    );
    let n = runs(5);
    let file = dir.join("export.json");

    reset_peak();
    let base = peak_mb();
    let mut times = Vec::new();
    for _ in 0..n {
        let t = Instant::now();
        let out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        json::export_to(&s, None, out).unwrap();
        times.push(t.elapsed());
    }
    let bytes = std::fs::read(&file).unwrap();
    println!(
        "[exchange] export to a file: median {} of {n} ({:.1} MB of JSON); peak memory {:.0} MB (process {:.0} MB before) (budget 1 s, 150 MB)",
        ms(median(times)),
        bytes.len() as f64 / 1e6,
        peak_mb(),
        base
    );
    drop(s);

    // The checking read alone (what the UI's preview costs); the import reads twice.
    let t2 = Store::open(&dir.join("preview.db")).unwrap();
    let t = Instant::now();
    json::preview(&t2, &bytes, &JsonImportOptions::default()).unwrap();
    println!(
        "[exchange] preview (the checking read alone): {}",
        ms(t.elapsed())
    );
    drop(t2);
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    for i in 0..n {
        let target = dir.join(format!("import-{i}.db"));
        let mut t2 = Store::open(&target).unwrap();
        reset_peak();
        let t = Instant::now();
        let bytes = std::fs::read(&file).unwrap();
        let report = json::import(&mut t2, &bytes, JsonImportOptions::default()).unwrap();
        times.push(t.elapsed());
        peaks.push(peak_mb());
        assert_eq!(report.projects.len(), PROJECTS);
        drop(t2);
        let _ = std::fs::remove_file(&target);
    }
    peaks.sort_by(f64::total_cmp);
    println!(
        "[exchange] import into a new workspace file (reading the file included): median {} of {n}; peak memory {:.0} MB at most (budget 3 s, 150 MB)",
        ms(median(times)),
        peaks.last().copied().unwrap_or(f64::NAN)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
