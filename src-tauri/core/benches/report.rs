//! Report benchmarks, plain `Instant` and medians (no criterion):
//!
//! - the demo scorecard, rendered in process and as a whole process (start, seed, render, write);
//! - the full report of 60 pillars with 2,000 characters of evidence each and 40 assessments,
//!   40 goals with 20 readings each and 60 stakeholders with check-ins, with the peak memory of
//!   a process doing only that.
//!
//! `cargo bench -p northstar-core --bench report [-- --runs N] [-- --out DIR]`; `--out` also
//! writes the PDFs there to look at.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use northstar_core::clock::FixedClock;
use northstar_core::goals::{self, Direction, NewGoal};
use northstar_core::project::{self, NewProject, ProjectEdit};
use northstar_core::report::{render, Paper, ReportOptions};
use northstar_core::scorecard::{self, NewPillar, PillarEdit};
use northstar_core::stakeholders::{self, Cadence, NewStakeholder};
use northstar_core::Store;
use std::process::Command;
use std::time::{Duration as Elapsed, Instant};

fn store() -> Store {
    let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap());
    Store::open_in_memory(Box::new(clock)).unwrap()
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn demo() -> (Store, String) {
    let mut s = store();
    northstar_core::demo::seed_if_first_run(&mut s).unwrap();
    let id = project::list(s.conn()).unwrap()[0].id.clone();
    (s, id)
}

/// 60 pillars, 2,000 characters of evidence each, 40 assessments; 40 goals (one in five in
/// words only) with 20 readings each, 60 stakeholders with two check-ins each, every goal
/// naming three of them, the first goal tied to the leading metric.
fn big() -> (Store, String) {
    let mut s = store();
    let p = project::create(
        &mut s,
        NewProject {
            name: "Big – 60 pillars".into(),
            north_star: "Every pillar at 4 before the launch.".into(),
            leading_metric: "p95 latency".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let words = [
        "latency", "retries", "café", "naïve", "Ωmega", "backoff", "runbook", "on-call",
    ];
    let mut ids = Vec::new();
    for i in 0..60 {
        let name = format!("Pillar {i:03}");
        let pillar = scorecard::add_pillar(
            &mut s,
            &p.id,
            NewPillar {
                name,
                ..Default::default()
            },
        )
        .unwrap();
        let mut text = String::new();
        let mut k = i;
        while text.chars().count() < 2_000 {
            text.push_str(words[k % words.len()]);
            text.push(if k % 23 == 0 { '\n' } else { ' ' });
            k += 7;
        }
        scorecard::edit_pillar(&mut s, &pillar.id, PillarEdit::Evidence(text)).unwrap();
        scorecard::edit_pillar(&mut s, &pillar.id, PillarEdit::Owner("Ana".into())).unwrap();
        ids.push(pillar.id);
    }
    let start = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    for r in 0..40 {
        for (i, id) in ids.iter().enumerate() {
            if (i + r) % 4 == 0 {
                let score = ((i * 3 + r) % 5 + 1) as i64;
                scorecard::edit_pillar(&mut s, id, PillarEdit::Score(Some(score))).unwrap();
            }
        }
        let date = (start + Duration::days(7 * r as i64)).to_string();
        scorecard::record_assessment(&mut s, &p.id, &format!("Round {r:02}"), &date).unwrap();
    }
    alignment(&mut s, &p.id);
    (s, p.id)
}

/// The goals and stakeholders of [`big`].
fn alignment(s: &mut Store, project_id: &str) {
    let today = as_of();
    let cadences = [
        Cadence::Weekly,
        Cadence::Fortnightly,
        Cadence::Monthly,
        Cadence::Quarterly,
        Cadence::AdHoc,
    ];
    let mut people = Vec::new();
    for i in 0..60 {
        let person = stakeholders::add_stakeholder(
            s,
            project_id,
            NewStakeholder {
                name: format!("Stakeholder {i:02} – customer success"),
                why: "Needs reliable onboarding flows to avoid churn in the first week.".into(),
                success: "Under 2% onboarding failures; fixes within an hour.".into(),
                cadence: Some(cadences[i % cadences.len()]),
                channel: "Weekly async update in chat; monthly review call.".into(),
                open_questions: "Do customers abroad hit region-specific issues?".into(),
                owner: format!("Owner {}", i % 5),
            },
        )
        .unwrap();
        for days in [90, 5 + (i as i64 * 11) % 80] {
            let day = (today - Duration::days(days)).to_string();
            stakeholders::check_in(s, &person.id, Some(&day), "Shared the error budget.").unwrap();
        }
        people.push(person.id);
    }
    for i in 0..40 {
        let numbers = i % 5 != 4;
        let goal = goals::add_goal(
            s,
            project_id,
            NewGoal {
                goal: format!("Goal {i:02}: keep the onboarding API reliable during the beta"),
                metric: "99% of requests succeed; p95 under 400 ms over a rolling week".into(),
                target: numbers.then_some(99.0),
                unit: "%".into(),
                direction: Some(Direction::Higher),
                deadline: Some((today + Duration::days(7 * i as i64 - 30)).to_string()),
                guardrail: "Beta in six weeks; hosting under EUR 150 a month.".into(),
                stakeholders: people.iter().cycle().skip(i).take(3).cloned().collect(),
                risks_text: "Risk: an integration spikes traffic → Mitigation: rate limits.".into(),
            },
        )
        .unwrap();
        if !numbers {
            continue;
        }
        for r in 0..20 {
            let day = (today - Duration::days(3 * (20 - r as i64))).to_string();
            let value = 98.0 + ((i + r) % 9) as f64 * 0.25;
            goals::add_reading(s, &goal.id, value, Some(&day)).unwrap();
        }
        if i == 0 {
            project::edit(s, project_id, ProjectEdit::LeadingGoal(Some(goal.id))).unwrap();
        }
    }
}

fn opts(full: bool) -> ReportOptions {
    ReportOptions {
        paper: Paper::A4,
        full,
        as_of: as_of(),
    }
}

fn median(mut v: Vec<Elapsed>) -> Elapsed {
    v.sort();
    v[v.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Elapsed {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

/// Peak resident memory of this process so far, in MiB.
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// One export in a fresh process: what `northstar export pdf` costs, bar argument parsing.
fn child(which: &str, out: &str) {
    let (s, id, full) = match which {
        "demo" => {
            let (s, id) = demo();
            (s, id, false)
        }
        _ => {
            let (s, id) = big();
            (s, id, true)
        }
    };
    let t = Instant::now();
    let pdf = render(s.conn(), &id, &opts(full)).unwrap();
    std::fs::write(out, &pdf).unwrap();
    println!(
        "render_ms={:.1} bytes={} peak_rss_mib={:.1}",
        t.elapsed().as_secs_f64() * 1e3,
        pdf.len(),
        peak_rss_mib()
    );
}

fn whole_process(which: &str, runs: usize, out: &str) -> (Elapsed, String) {
    let exe = std::env::current_exe().unwrap();
    let mut last = String::new();
    let t = time(runs, || {
        let o = Command::new(&exe)
            .args(["--child", which, out])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        last = String::from_utf8_lossy(&o.stdout).trim().to_owned();
    });
    (t, last)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |k: &str| {
        args.iter()
            .position(|a| a == k)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(which) = arg("--child") {
        let out = args.last().unwrap();
        child(&which, out);
        return;
    }
    let runs: usize = arg("--runs").and_then(|r| r.parse().ok()).unwrap_or(15);
    let dir = arg("--out");
    let tmp = std::env::temp_dir();
    let path = |name: &str| match &dir {
        Some(d) => format!("{d}/{name}"),
        None => tmp
            .join(format!("northstar-bench-{}-{name}", std::process::id()))
            .display()
            .to_string(),
    };

    let (s, id) = demo();
    let t = time(runs, || {
        render(s.conn(), &id, &opts(false)).unwrap();
    });
    println!(
        "demo scorecard, in process:        median {:>7.1} ms ({runs} runs)",
        t.as_secs_f64() * 1e3
    );
    if let Some(d) = &dir {
        for (paper, name) in [
            (Paper::A4, "demo-a4.pdf"),
            (Paper::Letter, "demo-letter.pdf"),
        ] {
            let o = ReportOptions {
                paper,
                ..opts(false)
            };
            std::fs::write(format!("{d}/{name}"), render(s.conn(), &id, &o).unwrap()).unwrap();
        }
        let full = render(s.conn(), &id, &opts(true)).unwrap();
        std::fs::write(format!("{d}/demo-full.pdf"), full).unwrap();
    }

    let demo_out = path("demo.pdf");
    let (t, last) = whole_process("demo", runs, &demo_out);
    println!(
        "demo scorecard, whole process:     median {:>7.1} ms ({runs} runs; {last})",
        t.as_secs_f64() * 1e3
    );

    let setup = Instant::now();
    let (s, id) = big();
    let setup = setup.elapsed();
    let big_runs = runs.clamp(1, 7);
    let t = time(big_runs, || {
        render(s.conn(), &id, &opts(true)).unwrap();
    });
    println!(
        "big full report, in process:       median {:>7.1} ms ({big_runs} runs; building the project took {:.0} ms)",
        t.as_secs_f64() * 1e3,
        setup.as_secs_f64() * 1e3
    );
    let big_out = path("big-full.pdf");
    let (t, last) = whole_process("big", big_runs, &big_out);
    println!(
        "big full report, whole process:    median {:>7.1} ms ({big_runs} runs; {last})",
        t.as_secs_f64() * 1e3
    );
    if dir.is_none() {
        let _ = std::fs::remove_file(demo_out);
        let _ = std::fs::remove_file(big_out);
    }
}
