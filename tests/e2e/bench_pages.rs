//! Issue 13: every page of the large workspace (20,000 risks, 500 goals × 20 readings, 1,000
//! stakeholders, 50 pillars × 40 assessments in one project) shows its first screen within
//! 150 ms of the click. From the click on each tab (and on the sidebar's Agenda) to the frame
//! that paints the page's first rows: the first `requestAnimationFrame` callback at which one of
//! them is laid out (that frame paints it). `BENCH_RUNS` (default 5) rounds over every page,
//! each page opened from the one before, so every open is a navigation; per-round figures, then
//! medians with min and max. A screenshot of each page on the first round. Nothing is asserted
//! about the times. Run it with tests/bench/pages.sh (`make bench`).

use crate::bench_bare::{copy_workspace, large_template, LARGE};
use crate::harness::{App, Harness};
use crate::tid;
use serde_json::json;

/// (label, what is clicked, the page's first rows)
const PAGES: &[(&str, &str, &str)] = &[
    ("Overview", "tab-overview", "first-week"),
    ("Scorecard", "tab-scorecard", "pillar-row"),
    ("Goals", "tab-goals", "goal-row"),
    ("Stakeholders", "tab-stakeholders", "stakeholder-card"),
    ("Risks", "tab-risks", "risk-row"),
    ("Compliance", "tab-compliance", "compliance-summary"),
    ("Agenda (project)", "tab-agenda", "agenda-item"),
    ("Agenda (all projects)", "sidebar-agenda", "agenda-item"),
];

/// A capture listener takes the click's time.
const ARM: &str = r#"
window.__nsPage = { t0: null };
window.addEventListener('click', () => { window.__nsPage.t0 = performance.now(); }, { capture: true, once: true });
"#;

/// Each frame after the click, looks for a laid-out `arguments[0]`; returns the click's time,
/// that frame's, and how many of them are in the page and on screen then.
const AWAIT_ROWS: &str = r#"
const [sel] = arguments;
const done = arguments[arguments.length - 1];
const b = window.__nsPage;
const deadline = performance.now() + 10000;
const laid = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
const onScreen = (e) => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; };
const step = () => {
  const rows = Array.from(document.querySelectorAll(sel)).filter(laid);
  if (b.t0 != null && rows.length > 0) {
    return done({ t0: b.t0, frame: performance.now(), rows: rows.length, onScreen: rows.filter(onScreen).length });
  }
  if (performance.now() > deadline) return done({ error: 'timed out', t0: b.t0 });
  requestAnimationFrame(step);
};
requestAnimationFrame(step);
"#;

/// Clicks `click` and returns ms from the click to the frame painting `rows`, and a note.
async fn open(app: &App, click: &str, rows: &str) -> (f64, String) {
    app.js(ARM, vec![]).await;
    let target = app.wait_for(&tid(click)).await;
    target.click().await.expect("click");
    let r = app
        .client()
        .execute_async(AWAIT_ROWS, vec![json!(tid(rows))])
        .await
        .unwrap_or_else(|e| panic!("waiting for {rows} failed: {e}"));
    assert!(r["error"].is_null(), "{click} → {rows}: {r}");
    let ms = r["frame"].as_f64().unwrap() - r["t0"].as_f64().unwrap();
    (
        ms,
        format!("{} laid out, {} on screen", r["rows"], r["onScreen"]),
    )
}

#[tokio::test]
#[ignore = "a benchmark: run it with tests/bench/pages.sh (make bench)"]
async fn bench_pages() {
    let runs = crate::harness::bench_runs(5);
    let template = large_template();
    let mut h = Harness::new("bench_pages").await;
    copy_workspace(&template, &h);
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), LARGE).await;
    app.wait_for(&tid("pillar-row")).await;
    tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
    let mut all: Vec<Vec<f64>> = vec![Vec::new(); PAGES.len()];
    for round in 0..runs + 1 {
        let mut figures = Vec::new();
        for (i, (label, click, rows)) in PAGES.iter().enumerate() {
            let (ms, note) = open(&app, click, rows).await;
            figures.push(format!("{label} {ms:.0} ms ({note})"));
            if round == 0 {
                let name = label.to_lowercase().replace([' ', '(', ')'], "");
                app.screenshot(&format!("page-{name}")).await;
            } else {
                all[i].push(ms);
            }
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        }
        // Back from the all-projects agenda to the project.
        app.wait_for(&tid("project-item"))
            .await
            .click()
            .await
            .expect("click the project");
        app.wait_for(&tid("tab-overview")).await;
        let what = if round == 0 {
            "warm-up".to_owned()
        } else {
            format!("run {round}")
        };
        eprintln!("[pages] {what}: {}", figures.join("; "));
    }
    app.quit().await;
    eprintln!(
        "[pages] binary: {}",
        northstar_tests::app_binary().display()
    );
    for ((label, _, _), v) in PAGES.iter().zip(&mut all) {
        v.sort_by(f64::total_cmp);
        eprintln!(
            "[pages] click → first rows painted, {label}, median of {runs}: {:.0} ms (min {:.0}, max {:.0}; budget 150 ms)",
            v[v.len() / 2],
            v[0],
            v[v.len() - 1]
        );
    }
}
