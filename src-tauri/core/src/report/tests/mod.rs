//! Whole documents, read back the way a person or a search would: `pdftotext` for the words
//! and where they sit, `pdfinfo` for the metadata, `qpdf --check` for the file structure
//! (poppler-utils and qpdf must be installed).

use super::*;
use crate::clock::FixedClock;
use crate::goals::{self, Direction, NewGoal};
use crate::project::{self, NewProject};
use crate::scorecard::{self, NewPillar, PillarEdit};
use crate::stakeholders::{self, Cadence, NewStakeholder};
use crate::store::Store;
use crate::testing::{demo, store};
use chrono::{Duration, TimeZone, Utc};
use std::path::Path;
use std::process::Command;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn opts(paper: Paper, full: bool) -> ReportOptions {
    ReportOptions {
        paper,
        full,
        as_of: as_of(),
    }
}

/// Runs a poppler or qpdf tool on the PDF and returns its standard output.
fn tool(bytes: &[u8], program: &str, args: &[&str]) -> String {
    // NORTHSTAR_REPORT_DUMP=dir keeps every PDF the tests make, to look at.
    if let Ok(d) = std::env::var("NORTHSTAR_REPORT_DUMP") {
        let name = format!(
            "{:016x}.pdf",
            bytes.len() as u64 * 31 + bytes.iter().map(|&b| u64::from(b)).sum::<u64>()
        );
        std::fs::write(Path::new(&d).join(name), bytes).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, bytes).unwrap();
    run(program, args, &path)
}

fn run(program: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(program)
        .args(args)
        .arg(path)
        .args(if program == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed (poppler-utils, qpdf): {e}"));
    assert!(
        out.status.success(),
        "{program} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text of each page, in order.
fn pages(bytes: &[u8]) -> Vec<String> {
    let text = tool(bytes, "pdftotext", &["-layout"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn qpdf_ok(bytes: &[u8]) {
    let out = tool(bytes, "qpdf", &["--check"]);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
}

fn info(bytes: &[u8], key: &str) -> String {
    let out = tool(bytes, "pdfinfo", &[]);
    out.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .map(|v| v.trim().to_owned())
        .unwrap_or_default()
}

struct Word {
    text: String,
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

/// Every word with its box, page by page, plus each page's size.
fn words(bytes: &[u8]) -> Vec<((f32, f32), Vec<Word>)> {
    let html = tool(bytes, "pdftotext", &["-bbox"]);
    let attr = |tag: &str, name: &str| -> f32 {
        let k = format!("{name}=\"");
        let at = tag.find(&k).unwrap() + k.len();
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut out = Vec::new();
    for chunk in html.split("<page ").skip(1) {
        let size = (attr(chunk, "width"), attr(chunk, "height"));
        let words = chunk
            .split("<word ")
            .skip(1)
            .map(|w| Word {
                text: w
                    .split('>')
                    .nth(1)
                    .unwrap()
                    .split('<')
                    .next()
                    .unwrap()
                    .to_owned(),
                x0: attr(w, "xMin"),
                y0: attr(w, "yMin"),
                x1: attr(w, "xMax"),
                y1: attr(w, "yMax"),
            })
            .collect();
        out.push((size, words));
    }
    out
}

/// No word sits outside the margins or on top of another word.
fn assert_tidy(bytes: &[u8]) {
    for (n, ((w, h), words)) in words(bytes).iter().enumerate() {
        for a in words {
            assert!(
                a.x0 >= style::MARGIN_X - 0.5
                    && a.x1 <= w - style::MARGIN_X + 0.5
                    && a.y0 >= 20.0
                    && a.y1 <= h - 20.0,
                "page {}: “{}” sits off the page or in the margin",
                n + 1,
                a.text
            );
        }
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                let dx = a.x1.min(b.x1) - a.x0.max(b.x0);
                let dy = a.y1.min(b.y1) - a.y0.max(b.y0);
                assert!(
                    dx <= 0.5 || dy <= 0.5,
                    "page {}: “{}” overlaps “{}”",
                    n + 1,
                    a.text,
                    b.text
                );
            }
        }
    }
}

/// A project with `n` pillars, each with `evidence` characters of evidence (several lines, with
/// a unique marker at each end), and `rounds` assessments with scores moving between them.
fn generated(s: &mut Store, name: &str, n: usize, evidence: usize, rounds: usize) -> String {
    let p = project::create(
        s,
        NewProject {
            name: name.into(),
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
    for i in 0..n {
        let pillar = scorecard::add_pillar(
            s,
            &p.id,
            NewPillar {
                name: format!("Pillar {i:03} Zeta"),
                ..Default::default()
            },
        )
        .unwrap();
        let mut text = format!("EVS-{i:03} first line of evidence.\n");
        let mut k = i;
        while text.len() < evidence.saturating_sub(8) {
            text.push_str(words[k % words.len()]);
            text.push(if k % 23 == 0 { '\n' } else { ' ' });
            k += 7;
        }
        text.push_str(&format!("EVE-{i:03}"));
        scorecard::edit_pillar(s, &pillar.id, PillarEdit::Evidence(text)).unwrap();
        scorecard::edit_pillar(s, &pillar.id, PillarEdit::Owner(format!("Owner {}", i % 3)))
            .unwrap();
        scorecard::edit_pillar(
            s,
            &pillar.id,
            PillarEdit::NextCheckpoint(Some("2026-12-01".into())),
        )
        .unwrap();
        ids.push(pillar.id);
    }
    let start = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    for r in 0..rounds {
        for (i, id) in ids.iter().enumerate() {
            if (i + r) % 4 == 0 {
                let score = ((i * 3 + r) % 5 + 1) as i64;
                scorecard::edit_pillar(s, id, PillarEdit::Score(Some(score))).unwrap();
            }
        }
        let date = (start + Duration::days(7 * r as i64)).to_string();
        scorecard::record_assessment(s, &p.id, &format!("Round {r:02} review"), &date).unwrap();
    }
    p.id
}

/// Adds `people` stakeholders (every cadence, some overdue, some never checked in) and
/// `goals` goals to a project: every status (met, not met, stale, no reading yet, words only),
/// `readings` readings each where there are numbers, each goal naming up to two stakeholders.
/// Each goal's text starts with `GOAL-nn` and each name with `Person nn`, to find them again.
fn alignment(s: &mut Store, project_id: &str, goals: usize, readings: usize, people: usize) {
    let today = s.clock().today();
    let cadences = Cadence::ALL;
    let mut ids = Vec::new();
    for i in 0..people {
        let p = stakeholders::add_stakeholder(
            s,
            project_id,
            NewStakeholder {
                name: format!("Person {i:02} – product lead"),
                why: "Needs reliable onboarding flows to avoid churn in the first week.".into(),
                success: "Under 2% onboarding failures; fixes within an hour.".into(),
                cadence: Some(cadences[i % cadences.len()]),
                channel: "Weekly async update in chat; monthly review call.".into(),
                open_questions: format!("Question {i:02}: do customers abroad hit other issues?"),
                owner: format!("Owner {}", i % 4),
            },
        )
        .unwrap();
        // Every third never checked in; the others last heard from 3 to 100 days ago.
        if i % 3 != 0 {
            for k in [100, 3 + (i as i64 * 7) % 60] {
                let day = (today - Duration::days(k)).to_string();
                stakeholders::check_in(s, &p.id, Some(&day), "Shared the error budget.").unwrap();
            }
        }
        ids.push(p.id);
    }
    for i in 0..goals {
        let numbers = i % 5 != 4;
        let lower = i % 2 == 1;
        let g = goals::add_goal(
            s,
            project_id,
            NewGoal {
                goal: format!("GOAL-{i:02} keep the onboarding API reliable during the beta"),
                metric: "99% of requests succeed; p95 under 400 ms over a rolling week".into(),
                target: numbers.then_some(if lower { 400.0 } else { 99.0 }),
                unit: if lower { "ms" } else { "%" }.into(),
                direction: Some(if lower {
                    Direction::Lower
                } else {
                    Direction::Higher
                }),
                deadline: Some((today + Duration::days(i as i64 * 9 - 20)).to_string()),
                guardrail: "Beta in six weeks; hosting under EUR 150 a month.".into(),
                stakeholders: ids
                    .iter()
                    .skip(i % people.max(1))
                    .take(2)
                    .cloned()
                    .collect(),
                risks_text: "Risk: an integration spikes traffic → Mitigation: rate limits.".into(),
            },
        )
        .unwrap();
        // Goals 3, 8, ... have numbers but no reading yet; 2, 7, ... were last read long ago.
        if !numbers || i % 5 == 3 {
            continue;
        }
        let last = if i % 5 == 2 { 45 } else { 1 };
        for r in 0..readings {
            let day = (today - Duration::days(last + (readings - 1 - r) as i64 * 3)).to_string();
            let base = if lower { 380.0 } else { 98.0 };
            let value = base + ((i + r) % 7) as f64 * if lower { 5.0 } else { 0.25 };
            goals::add_reading(s, &g.id, value, Some(&day)).unwrap();
        }
    }
}

/// Sets a project's compliance aside (scan rows removed, every regulation undecided), for the
/// tests of what the scorecard's right column held before compliance took its foot.
fn without_compliance(s: &mut Store, project_id: &str) {
    let view = crate::compliance::scan_view(s.conn(), project_id).unwrap();
    for r in &view.scan {
        crate::compliance::remove_scan_row(s, &r.id).unwrap();
    }
    for r in &view.regulations {
        let undecide = crate::compliance::Decision::Undecide;
        crate::compliance::decide(s, project_id, &r.regulation.id, undecide).unwrap();
    }
}

/// The line of the page's layout text that holds `needle`, and the line after it.
fn line_and_next<'a>(page: &'a str, needle: &str) -> (&'a str, &'a str) {
    let lines: Vec<&str> = page.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} missing: {page}"));
    (lines[i], lines.get(i + 1).copied().unwrap_or(""))
}

mod agenda;
mod compliance;
mod documents;
mod risks;
mod scorecard_goals;
mod tables;
