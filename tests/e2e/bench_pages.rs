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

/// Armed before the click, so the watching never starts late: a capture listener takes the
/// click's time and from then on looks, each frame, for a laid-out `arguments[0]` that was not
/// in the page at the click (the page before may have rows of the same kind); notes the click's
/// time, that frame's, and how many of them are in the page and on screen then. (Watching from a
/// script sent after the click missed a scorecard's first screenful when it came before the
/// script: it saw the frame of the rows drawn after it.)
const ARM: &str = r#"
const [sel] = arguments;
const b = (window.__nsPage = { t0: null, result: null });
const laid = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
const onScreen = (e) => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; };
let before = new Set();
const step = () => {
  const rows = Array.from(document.querySelectorAll(sel)).filter((e) => !before.has(e) && laid(e));
  if (rows.length > 0) {
    b.result = { t0: b.t0, frame: performance.now(), rows: rows.length, onScreen: rows.filter(onScreen).length };
  } else if (performance.now() > b.t0 + 10000) {
    b.result = { error: 'timed out', t0: b.t0 };
  } else {
    requestAnimationFrame(step);
  }
};
window.addEventListener('click', () => {
  b.t0 = performance.now();
  before = new Set(document.querySelectorAll(sel));
  requestAnimationFrame(step);
}, { capture: true, once: true });
"#;

/// Waits for what `ARM` noted.
const AWAIT_ROWS: &str = r#"
const done = arguments[arguments.length - 1];
const wait = () => (window.__nsPage.result ? done(window.__nsPage.result) : setTimeout(wait, 5));
wait();
"#;

/// Clicks `click` and returns ms from the click to the frame painting `rows`, and a note.
async fn open(app: &App, click: &str, rows: &str) -> (f64, String) {
    let target = app.wait_for(&tid(click)).await;
    app.js(ARM, vec![json!(tid(rows))]).await;
    target.click().await.expect("click");
    let r = app
        .client()
        .execute_async(AWAIT_ROWS, vec![])
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
