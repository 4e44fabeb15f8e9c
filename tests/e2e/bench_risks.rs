//! Issue 8's page budgets, measured in the real window and so over IPC, on a project with
//! 20,000 risks (northstar-core's generated register, linked to 20 goals and 50 stakeholders):
//!
//! - the Risks tab: from the click on the tab to the page's `northstar:risks-ready` mark (heat
//!   map and first rows in the DOM) and to the frame after it (painted) (budget 100 ms);
//! - the search box: from each keystroke of "payment times out" (typed one key at a time, each
//!   after the last one's results are shown, as a person reads while typing) to the
//!   `northstar:risks-listed` mark for that text and the frame after it (budget 50 ms).
//!
//! Times are taken in the page with `performance.now()`. Nothing here asserts a time, only that
//! what was timed happened: rows on screen, the right search answered. Run it with
//! tests/bench/risks.sh (`make bench`).

use crate::bench_alignment::median;
use crate::harness::{App, Harness};
use crate::tid;
use northstar_core::goals::{self, NewGoal};
use northstar_core::project::{self, NewProject};
use northstar_core::risks::{self, RiskQuery};
use northstar_core::stakeholders::{self, NewStakeholder};
use northstar_tests::Workspace;
use serde_json::{json, Value};
use std::time::Duration;

const RISKS: usize = 20_000;
/// Sorts before the demo, so it is the project open at launch.
const NAME: &str = "Big risk register";
const TYPED: &str = "payment times out";

fn build_workspace(ws: &Workspace) -> String {
    let mut s = ws.store();
    let p = project::create(
        &mut s,
        NewProject {
            name: NAME.into(),
            ..Default::default()
        },
    )
    .expect("create the benchmark project");
    let goals: Vec<String> = (0..20)
        .map(|i| {
            let new = NewGoal {
                goal: format!("Goal {i:02}: keep this outcome on track"),
                ..Default::default()
            };
            goals::add_goal(&mut s, &p.id, new).expect("add a goal").id
        })
        .collect();
    let people: Vec<String> = (0..50)
        .map(|i| {
            let new = NewStakeholder {
                name: format!("Stakeholder {i:02}"),
                ..Default::default()
            };
            let who = stakeholders::add_stakeholder(&mut s, &p.id, new);
            who.expect("add a stakeholder").id
        })
        .collect();
    risks::sample_register(&mut s, &p.id, RISKS, &goals, &people).expect("write the register");
    s.checkpoint().expect("fold the log in, as an exit would");
    p.id
}

/// Arms a timed click: a capture listener takes the click's time (marks are matched after it).
pub(crate) const ARM_CLICK: &str = r#"
window.__nsTab = { t0: null };
window.addEventListener('click', () => { window.__nsTab.t0 = performance.now(); }, { capture: true, once: true });
"#;

/// Waits for `arguments[0]` mark (with detail `arguments[1]` when not null) after the armed
/// moment, then for the next frame; returns the times and how many `arguments[2]` are on screen.
const AWAIT_MARK: &str = r#"
const [name, detail, rowSel] = arguments;
const done = arguments[arguments.length - 1];
const b = window.__nsTab;
const deadline = performance.now() + 10000;
const check = () => {
  const m = performance.getEntriesByName(name).find((e) => b.t0 != null && e.startTime >= b.t0 && (detail == null || e.detail === detail));
  if (m) {
    const rows = document.querySelectorAll(rowSel).length;
    const total = document.querySelector('[data-testid="risk-total"]')?.innerText ?? '';
    requestAnimationFrame(() => setTimeout(() => done({ t0: b.t0, mark: m.startTime, painted: performance.now(), rows, total })));
    return;
  }
  if (performance.now() > deadline) return done({ error: 'timed out', t0: b.t0 });
  setTimeout(check, 2);
};
check();
"#;

/// Arms a keystroke: a capture listener on the search box takes the key's time.
const ARM_KEY: &str = r#"
window.__nsTab = { t0: null };
const box = document.querySelector('[data-testid="risk-search"]');
box.addEventListener('keydown', () => { window.__nsTab.t0 = performance.now(); }, { capture: true, once: true });
"#;

pub(crate) fn spread(v: &[f64]) -> String {
    let lo = v.iter().copied().fold(f64::MAX, f64::min);
    let hi = v.iter().copied().fold(0.0, f64::max);
    format!(
        "median {:.0} ms (min {lo:.0}, max {hi:.0})",
        median(v.to_vec())
    )
}

pub(crate) async fn await_mark(
    app: &App,
    name: &str,
    detail: Option<&str>,
    rows: &str,
) -> (f64, f64, Value) {
    let r = app
        .client()
        .execute_async(AWAIT_MARK, vec![json!(name), json!(detail), json!(rows)])
        .await
        .expect("await the mark");
    assert!(r.get("error").is_none(), "{name} {detail:?}: {r}");
    let t0 = r["t0"].as_f64().unwrap();
    (
        r["mark"].as_f64().unwrap() - t0,
        r["painted"].as_f64().unwrap() - t0,
        r,
    )
}

async fn open_risks(app: &App) -> (f64, f64, Value) {
    app.open_area("overview").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.js(ARM_CLICK, vec![]).await;
    app.open_area("risks").await;
    await_mark(app, "northstar:risks-ready", None, &tid("risk-row")).await
}

/// Opens the Risks tab of the large register `BENCH_RUNS` (default 7) times, then types the
/// search one key at a time as many times. Run by tests/bench/risks.sh.
#[tokio::test]
#[ignore = "a benchmark: run it with tests/bench/risks.sh (make bench)"]
async fn bench_risks() {
    let runs = crate::harness::bench_runs(7);
    let mut h = Harness::new("bench_risks").await;
    let pid = build_workspace(&h.ws);
    let first_call = {
        let s = h.ws.store();
        let view = risks::risks_view(s.conn(), &pid, &RiskQuery::default(), s.clock().today());
        serde_json::to_vec(&view.unwrap()).unwrap().len() / 1024
    };
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), NAME).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    eprintln!("[risks] workspace: {RISKS} risks; the page's first call carries {first_call} KiB");

    let (mut mark, mut paint) = (vec![], vec![]);
    for i in 0..=runs {
        let (m, p, r) = open_risks(&app).await;
        assert!(r["rows"].as_u64().unwrap() > 0, "risk rows on screen: {r}");
        let line = format!(
            "mark {m:.0} painted {p:.0} ({} rows, {})",
            r["rows"], r["total"]
        );
        if i == 0 {
            eprintln!("[risks] warm-up: {line}");
            continue;
        }
        eprintln!("[risks] tab run {i}: {line}");
        mark.push(m);
        paint.push(p);
    }

    let (mut key_mark, mut key_paint) = (vec![], vec![]);
    for run in 0..=runs {
        let search = app.wait_for(&tid("risk-search")).await;
        search.clear().await.unwrap();
        app.js(
            "document.querySelector(arguments[0]).focus()",
            vec![json!(tid("risk-search"))],
        )
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let mut line = String::new();
        for end in 1..=TYPED.len() {
            let typed = &TYPED[..end];
            app.js(ARM_KEY, vec![]).await;
            app.type_keys(&TYPED[end - 1..end]).await;
            if typed.ends_with(' ') {
                // A trailing space asks nothing new; the next key's search is timed.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
            let (m, p, r) = await_mark(
                &app,
                "northstar:risks-listed",
                Some(typed),
                &tid("risk-row"),
            )
            .await;
            line.push_str(&format!(" “{typed}” {p:.0} ({})", r["total"]));
            if run > 0 {
                key_mark.push(m);
                key_paint.push(p);
            }
        }
        if run == 0 {
            eprintln!("[risks] search warm-up, painted per key:{line}");
        } else {
            eprintln!("[risks] search run {run}, painted per key:{line}");
        }
    }
    let rows = app.count(&tid("risk-row")).await;
    assert!(rows > 0, "the last search lists its risks");
    app.quit().await;
    eprintln!(
        "[risks] binary: {}",
        northstar_tests::app_binary().display()
    );
    eprintln!(
        "[risks] Risks tab click → heat map and first rows (mark), {runs} runs (budget 100 ms): {}; → painted: {}",
        spread(&mark),
        spread(&paint)
    );
    eprintln!(
        "[risks] search keystroke → results (mark), {} keys (budget 50 ms): {}; → painted: {}",
        key_mark.len(),
        spread(&key_mark),
        spread(&key_paint)
    );
}
