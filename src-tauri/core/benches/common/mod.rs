//! What the core's benches share: the run count from `-- --runs N`, a folder to work in, timing,
//! medians and printing.

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// `--runs N` from the bench's arguments, else `default`.
pub fn runs(default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

pub fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// A fresh folder for the bench `name` in the system's temp folder (one per process).
pub fn bench_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("northstar-bench-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The median time of `runs` calls of `f`.
#[allow(dead_code)] // not every bench times a closure
pub fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut v = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        v.push(t.elapsed());
    }
    median(v)
}
