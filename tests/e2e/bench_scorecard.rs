//! The scorecard budgets of issue 3, measured in the real window and so over IPC:
//!
//! - opening a project with 50 pillars and 40 assessments, chart included (budget 150 ms): from
//!   the click on its sidebar entry to the page's `northstar:scorecard-ready` mark, and to all
//!   50 rows and the trend chart being in the page (the mark fires in the frame of the first
//!   screenful; the other rows and the chart come in the task after it, see
//!   ui/src/lib/scorecard/ScorecardPage.svelte);
//! - a score typed on a focused row (budget 16 ms): from the keydown to the row showing the new
//!   score, and to the save status saying "Saved" (the core answered `edit_pillar`).
//!
//! Times are taken in the page with `performance.now()` (1 ms resolution in WebKitGTK). "its
//! frame (rAF)" is the requestAnimationFrame callback after the change is in the DOM: the start
//! of the frame that paints it; "that frame done" is the first task after that callback, once
//! the frame's style, layout and paint on the page's main thread are over (compositing and the X
//! server come after). Each run also prints profile splits: the IPC calls (sent, answered,
//! parsed) and when the parts of the page appear.
//!
//! Nothing here asserts a time, only that what was timed really happened: the right project's
//! rows, its chart and headline, the key landing on the row, "Saved", and every typed score in
//! the database. Run it with tests/bench/scorecard.sh (`make bench`).

use crate::harness::{App, Harness};
use crate::tid;
use northstar_core::project::{self, NewProject};
use northstar_core::scorecard::{self, NewPillar, PillarEdit};
use northstar_tests::{cli_json, Workspace};
use serde_json::{json, Value};
use std::time::Duration;

const PILLARS: usize = 50;
const ASSESSMENTS: usize = 40;

/// One of the two benchmark projects, as built through the core.
struct BenchProject {
    id: String,
    name: String,
    /// Every pillar name starts with it, so the page's rows tell which project they belong to.
    prefix: String,
    /// Pillar ids and names, in order.
    pillars: Vec<(String, String)>,
    /// The headline's overall score as the page shows it ("3.0").
    overall: String,
}

/// Two projects of 50 pillars (evidence of a few lines with links, owner, next checkpoint) and
/// 40 assessments each, written through northstar-core's public API into the workspace's
/// database file, as src-tauri/core/benches/scorecard.rs builds one.
fn build_workspace(ws: &Workspace) -> Vec<BenchProject> {
    let mut s = ws.store();
    let mut out = Vec::new();
    for tag in ["A", "B"] {
        let name = format!("Scorecard bench {tag}");
        let prefix = format!("{tag} pillar ");
        let p = project::create(
            &mut s,
            NewProject {
                name: name.clone(),
                north_star: "Every pillar at target before general availability".into(),
                leading_metric: "Pillars at target".into(),
                ..Default::default()
            },
        )
        .expect("create a benchmark project");
        let mut pillars = Vec::new();
        for i in 0..PILLARS {
            let pillar_name = format!("{prefix}{i:02}");
            let pl = scorecard::add_pillar(
                &mut s,
                &p.id,
                NewPillar {
                    name: pillar_name.clone(),
                    description: "What this pillar means, in one line.".into(),
                },
            )
            .expect("add a pillar");
            let evidence = format!(
                "Runbook: https://runbooks.example.com/{tag}/{i} (reviewed last sprint).\n\
                 Dashboard https://grafana.example.com/d/{tag}-{i} shows the SLO; alerts page the on-call.\n\
                 Open question for mailto:owner{i}@example.com: who signs off the restore drill?"
            );
            for edit in [
                PillarEdit::Evidence(evidence),
                PillarEdit::Owner(format!("Owner {i}")),
                PillarEdit::NextCheckpoint(Some(format!("2026-{:02}-15", i % 12 + 1))),
            ] {
                scorecard::edit_pillar(&mut s, &pl.id, edit).expect("edit a pillar");
            }
            pillars.push((pl.id, pillar_name));
        }
        for a in 0..ASSESSMENTS {
            for (i, (id, _)) in pillars.iter().enumerate() {
                let score = ((a + i) % 5 + 1) as i64;
                scorecard::edit_pillar(&mut s, id, PillarEdit::Score(Some(score)))
                    .expect("score a pillar");
            }
            // Weekly from 2025-01-01: four a month, ten months.
            let date = format!("2025-{:02}-{:02}", a / 4 + 1, (a % 4) * 7 + 1);
            scorecard::record_assessment(&mut s, &p.id, &format!("Release {a}"), &date)
                .expect("record an assessment");
        }
        let card = scorecard::scorecard(s.conn(), &p.id).expect("read the scorecard back");
        assert_eq!(
            (card.pillars.len(), card.assessments.len()),
            (PILLARS, ASSESSMENTS)
        );
        let overall = format!(
            "{:.1}",
            card.headline.overall.expect("the pillars are scored")
        );
        out.push(BenchProject {
            id: p.id,
            name,
            prefix,
            pillars,
            overall,
        });
    }
    out
}

/// Profiling hooks, installed once per page: every IPC call's times (Tauri's `invoke` goes
/// through `fetch` to `ipc://localhost/<command>` on Linux: sent, answered, JSON parsed), and
/// the rows and chart in the page at the moment `northstar:scorecard-ready` is marked. Both
/// only record; the app's own code paths are unchanged.
const HOOKS: &str = r#"
if (!window.__nsHooks) {
  const h = (window.__nsHooks = { ipc: [], marks: [] });
  const fetch0 = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = String(input && input.url ? input.url : input);
    if (!url.startsWith('ipc:') && !url.includes('//ipc.localhost/')) return fetch0(input, init);
    const e = { cmd: url.replace(/^.*\//, ''), start: performance.now(), end: null, parsed: null };
    h.ipc.push(e);
    const r = await fetch0(input, init);
    e.end = performance.now();
    const json0 = r.json.bind(r);
    r.json = async () => {
      const v = await json0();
      e.parsed = performance.now();
      return v;
    };
    return r;
  };
  const mark0 = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const m = mark0(name, options);
    if (name === 'northstar:scorecard-ready') {
      const chart = document.querySelector('[data-testid="trend-chart"]');
      h.marks.push({
        at: m.startTime,
        detail: options && options.detail,
        rows: document.querySelectorAll('[data-testid="pillar-row"]').length,
        chartPoints: chart ? chart.dataset.points : null,
      });
    }
    return m;
  };
}
"#;

/// Arms the measurement of one project open, before the click: `arguments` = project id, pillar
/// name prefix, pillar count, assessment count. The click's time is taken by a capture listener
/// on the window; a MutationObserver sees the moment all the project's rows and its chart (a
/// new one, every series drawn) are in the page, and a requestAnimationFrame after that is the
/// frame that paints them. Returns null, or why it cannot measure.
const ARM_OPEN: &str = r#"
const [pid, prefix, n, points] = arguments;
const item = document.querySelector(`[data-testid="project-item"][data-project-id="${pid}"]`);
if (!item) return 'no sidebar entry for ' + pid;
const old = document.querySelector('[data-testid="trend-chart"]');
const b = {
  pid, t0: null, painted: null, gone: null, first: null, chart: null, compare: null, dom: null, frame: null, frames: [],
  ipcFrom: window.__nsHooks.ipc.length,
};
let resolve;
b.done = new Promise((r) => (resolve = r));
const complete = () => {
  const rows = document.querySelectorAll('[data-testid="pillar-row"]');
  if (rows.length !== n) return false;
  for (const r of rows) if (!(r.dataset.pillarName || '').startsWith(prefix)) return false;
  const chart = document.querySelector('[data-testid="trend-chart"]');
  return !!chart && chart !== old && chart.dataset.points === String(points)
    && chart.querySelectorAll('.series path').length === n
    && chart.querySelectorAll('circle.dot').length === points;
};
const mo = new MutationObserver(() => {
  if (b.t0 == null || b.dom != null) return;
  const now = performance.now();
  // Profiling splits: the old page torn down, the new one's first rows, its chart.
  if (b.gone == null && !document.contains(old)) b.gone = now;
  if (b.first == null && document.querySelector(`[data-testid="pillar-row"][data-pillar-name^="${prefix}"]`)) b.first = now;
  if (b.chart == null) {
    const c = document.querySelector('[data-testid="trend-chart"]');
    if (c && c !== old) b.chart = now;
  }
  if (b.compare == null && b.gone != null
      && document.querySelectorAll('[data-testid="compare-row"]').length === n) b.compare = now;
  if (!complete()) return;
  b.dom = now;
  mo.disconnect();
  requestAnimationFrame(() => {
    b.frame = performance.now();
    setTimeout(() => { b.painted = performance.now(); resolve(); });
  });
});
mo.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-points'] });
// Frame boundaries while it opens (profile): every animation frame's start, until done.
const frames = () => { b.frames.push(performance.now()); if (b.frame == null) requestAnimationFrame(frames); };
window.addEventListener('click', () => {
  b.t0 = performance.now();
  requestAnimationFrame(frames);
}, { capture: true, once: true });
window.__nsOpen = b;
return null;
"#;

/// Waits (execute_async) for the armed open to complete and the mark to be there; returns the
/// times and what the page shows.
const AWAIT_OPEN: &str = r#"
const done = arguments[arguments.length - 1];
const b = window.__nsOpen;
const h = window.__nsHooks;
const deadline = performance.now() + 10000;
const result = (error) => {
  const mark = h.marks.find((m) => m.detail === b.pid && b.t0 != null && m.at >= b.t0) || null;
  const calls = h.ipc.slice(b.ipcFrom);
  const ipc = calls.filter((e) => e.cmd === 'get_scorecard');
  const cmp = calls.filter((e) => e.cmd === 'compare_assessments');
  const count = (sel) => document.querySelector(sel)?.querySelectorAll('*').length ?? 0;
  return {
    error, t0: b.t0, painted: b.painted, gone: b.gone, first: b.first, chart: b.chart, dom: b.dom, frame: b.frame, mark,
    ipc: ipc.length ? { start: ipc[0].start, end: ipc[0].end, parsed: ipc[0].parsed } : null,
    cmp: cmp.length ? { start: cmp[0].start, end: cmp[0].end, parsed: cmp[0].parsed } : null,
    compare: b.compare, frames: b.frames,
    elements: {
      page: document.querySelectorAll('*').length,
      rows: count('[data-pillar-list]'),
      assessments: count('section.assessments'),
    },
    rows: document.querySelectorAll('[data-testid="pillar-row"]').length,
    points: document.querySelector('[data-testid="trend-chart"]')?.dataset.points ?? null,
    overall: document.querySelector('[data-testid="headline-overall"]')?.textContent.trim() ?? null,
    title: document.querySelector('[data-testid="project-title"]')?.textContent.trim() ?? null,
  };
};
const check = () => {
  const mark = h.marks.some((m) => m.detail === b.pid && b.t0 != null && m.at >= b.t0);
  if (b.painted != null && mark) return done(result(null));
  if (performance.now() > deadline) return done(result('timed out'));
  setTimeout(check, 20);
};
b.done.then(check);
setTimeout(() => { if (b.painted == null) done(result('timed out')); }, 10000);
"#;

/// Scrolls a row to the middle of the window and focuses it, then waits two frames so the
/// scroll's repaint is over before the keypress (execute_async; `arguments` = pillar id).
const FOCUS_ROW: &str = r#"
const done = arguments[arguments.length - 1];
const row = document.querySelector(`[data-testid="pillar-row"][data-pillar-id="${arguments[0]}"]`);
if (!row) return done(false);
row.scrollIntoView({ block: 'center' });
row.focus();
requestAnimationFrame(() => requestAnimationFrame(() => done(document.activeElement === row)));
"#;

/// Arms the measurement of one keypress on the focused row: `arguments` = pillar id, the key.
/// A capture listener on the document takes the keydown's time; a MutationObserver sees the
/// row's score text change (visible) and the save status go from "saving" to "saved"
/// (persisted), each followed by the requestAnimationFrame of the frame that paints it.
const ARM_SCORE: &str = r#"
const [id, key] = arguments;
const row = document.querySelector(`[data-testid="pillar-row"][data-pillar-id="${id}"]`);
if (!row) return { error: 'no row ' + id };
if (document.activeElement !== row) return { error: 'the row does not have the focus' };
const score = row.querySelector('[data-testid="pillar-score"]');
const status = document.querySelector('[data-testid="save-status"]');
if (status.dataset.state === 'saving') return { error: 'a save is still pending' };
const b = {
  t0: null, visible: null, visibleFrame: null, visiblePainted: null,
  saving: null, saved: null, savedFrame: null, savedPainted: null,
  before: score.textContent.trim(), after: null, statusBefore: row.dataset.status, row, savedText: null, ipcFrom: window.__nsHooks.ipc.length,
};
let resolve;
b.done = new Promise((r) => (resolve = r));
const maybeDone = () => {
  if (b.visiblePainted != null && b.savedPainted != null) {
    mo.disconnect();
    document.removeEventListener('keydown', onkey, { capture: true });
    resolve();
  }
};
const check = () => {
  if (b.t0 == null) return;
  const now = performance.now();
  if (b.visible == null && score.textContent.trim() !== b.before) {
    b.visible = now;
    b.after = score.textContent.trim();
    requestAnimationFrame(() => {
      b.visibleFrame = performance.now();
      setTimeout(() => { b.visiblePainted = performance.now(); maybeDone(); });
    });
  }
  const state = status.dataset.state;
  if (state === 'saving' && b.saving == null) b.saving = now;
  if (state !== 'saving' && b.saving != null && b.saved == null) {
    b.saved = now;
    b.savedState = state;
    b.savedText = status.textContent.trim();
    requestAnimationFrame(() => {
      b.savedFrame = performance.now();
      setTimeout(() => { b.savedPainted = performance.now(); maybeDone(); });
    });
  }
};
const mo = new MutationObserver(check);
mo.observe(row, { subtree: true, childList: true, characterData: true });
mo.observe(status, { subtree: true, childList: true, characterData: true, attributes: true });
const onkey = (e) => {
  if (e.key === key && b.t0 == null) { b.t0 = performance.now(); b.target = e.target === row; }
};
document.addEventListener('keydown', onkey, { capture: true });
window.__nsScore = b;
return { error: null, before: b.before };
"#;

const AWAIT_SCORE: &str = r#"
const done = arguments[arguments.length - 1];
const b = window.__nsScore;
const h = window.__nsHooks;
const result = (error) => {
  const ipc = h.ipc.slice(b.ipcFrom).filter((e) => e.cmd === 'edit_pillar');
  return {
    error, t0: b.t0, onRow: b.target ?? null,
    visible: b.visible, visibleFrame: b.visibleFrame, visiblePainted: b.visiblePainted,
    saved: b.saved, savedFrame: b.savedFrame, savedPainted: b.savedPainted, before: b.before, after: b.after,
    savedState: b.savedState ?? null, savedText: b.savedText,
    status: `${b.statusBefore} → ${b.row.dataset.status}`,
    ipc: ipc.length ? { start: ipc[0].start, end: ipc[0].end, parsed: ipc[0].parsed } : null,
    ipcCalls: ipc.length,
  };
};
b.done.then(() => done(result(null)));
setTimeout(() => done(result('timed out')), 10000);
"#;

/// Milliseconds from `t0` to `v[key]`, when the page saw it.
fn since(v: &Value, key: &str, t0: f64) -> Option<f64> {
    Some(v.get(key)?.as_f64()? - t0)
}

/// Median (the upper one for an even count, as startup.rs does), min and max.
fn spread(v: &[f64]) -> (f64, f64, f64) {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    (s[s.len() / 2], s[0], s[s.len() - 1])
}

/// Named figures of one run, in the order they happen (ms from the click or keydown).
type Splits = Vec<(&'static str, Option<f64>)>;

fn run_line(splits: &Splits) -> String {
    splits
        .iter()
        .map(|(name, v)| match v {
            Some(ms) => format!("{name} {ms:.0}"),
            None => format!("{name} –"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every run's figures by name, for the medians.
#[derive(Default)]
struct Series(Vec<(&'static str, Vec<f64>)>);

impl Series {
    fn add(&mut self, splits: &Splits) {
        for (name, v) in splits {
            let Some(v) = v else { continue };
            match self.0.iter_mut().find(|(n, _)| n == name) {
                Some((_, all)) => all.push(*v),
                None => self.0.push((name, vec![*v])),
            }
        }
    }

    fn of(&self, name: &str) -> &[f64] {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[], |(_, v)| v)
    }

    /// "name median M ms (min A, max B)" for `names`.
    fn summary(&self, names: &[&str]) -> String {
        names
            .iter()
            .filter(|n| !self.of(n).is_empty())
            .map(|n| {
                let (med, min, max) = spread(self.of(n));
                format!("{n} median {med:.0} ms (min {min:.0}, max {max:.0})")
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn names(&self) -> Vec<&'static str> {
        self.0.iter().map(|(n, _)| *n).collect()
    }
}

async fn fail(app: &App, message: String) -> ! {
    let shot = app.screenshot("bench-failure").await;
    panic!("{message}\nscreenshot: {}", shot.display());
}

const MARK: &str = "click → scorecard-ready mark";
const ALL_FRAME: &str = "click → all rows + chart, their frame (rAF)";
const ALL_PAINTED: &str = "all rows + chart, frame done";
const ALL_DOM: &str = "all rows + chart in the DOM";

/// Clicks `p`'s sidebar entry (a WebDriver element click) and measures the open in the page:
/// the two budget figures, the profile splits, and a line on the frames and the page's size.
async fn open(app: &App, p: &BenchProject) -> (Splits, Splits, String) {
    let armed = app
        .js(
            &format!("{HOOKS}\n{ARM_OPEN}"),
            vec![
                json!(p.id),
                json!(p.prefix),
                json!(PILLARS),
                json!(ASSESSMENTS),
            ],
        )
        .await;
    if !armed.is_null() {
        fail(
            app,
            format!("could not arm the open of {}: {armed}", p.name),
        )
        .await;
    }
    let item = app
        .wait_for(&format!(
            "{}[data-project-id=\"{}\"]",
            tid("project-item"),
            p.id
        ))
        .await;
    if let Err(e) = item.click().await {
        fail(
            app,
            format!("clicking {}'s sidebar entry failed: {e}", p.name),
        )
        .await;
    }
    let r = app
        .client()
        .execute_async(AWAIT_OPEN, vec![])
        .await
        .unwrap_or_else(|e| panic!("waiting for the open of {} failed: {e}", p.name));
    if !r["error"].is_null() {
        fail(app, format!("opening {}: {r}", p.name)).await;
    }
    // What was timed is really the project's scorecard: its title, its 50 rows (checked by the
    // page's criterion as well), its 40-point chart and the headline the core computes.
    assert_eq!(r["title"], json!(p.name), "{r}");
    assert_eq!(r["rows"], json!(PILLARS), "{r}");
    assert_eq!(r["points"], json!(ASSESSMENTS.to_string()), "{r}");
    assert_eq!(r["overall"], json!(p.overall), "{r}");
    let t0 = r["t0"].as_f64().expect("the click was seen");
    let mark = &r["mark"];
    let budget = vec![
        (MARK, since(mark, "at", t0)),
        (ALL_FRAME, since(&r, "frame", t0)),
        (ALL_PAINTED, since(&r, "painted", t0)),
    ];
    let profile = vec![
        ("old page gone", since(&r, "gone", t0)),
        ("get_scorecard sent", since(&r["ipc"], "start", t0)),
        ("get_scorecard answered", since(&r["ipc"], "end", t0)),
        ("get_scorecard parsed", since(&r["ipc"], "parsed", t0)),
        ("first rows in the DOM", since(&r, "first", t0)),
        ("chart in the DOM", since(&r, "chart", t0)),
        ("mark", since(mark, "at", t0)),
        ("compare_assessments sent", since(&r["cmp"], "start", t0)),
        ("compare_assessments answered", since(&r["cmp"], "end", t0)),
        ("compare rows in the DOM", since(&r, "compare", t0)),
        (ALL_DOM, since(&r, "dom", t0)),
    ];
    let frames: Vec<String> = r["frames"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| Some(format!("{:.0}", f.as_f64()? - t0)))
        .collect();
    let extra = format!(
        "{} rows in the page at the mark; frames began at {}; elements: {}",
        mark["rows"].as_u64().unwrap_or(0),
        frames.join(", "),
        r["elements"]
    );
    (budget, profile, extra)
}

const SHOWN: &str = "keydown → score shown (DOM)";
const SHOWN_FRAME: &str = "score's frame (rAF)";
const SHOWN_PAINTED: &str = "score's frame done";
const SAVED: &str = "keydown → \"Saved\" (DOM)";
const SAVED_FRAME: &str = "\"Saved\" frame (rAF)";
const SAVED_PAINTED: &str = "\"Saved\" frame done";

/// Presses `score` (a WebDriver key action) on the focused row of `pillar_id` and measures.
async fn score(app: &App, pillar_id: &str, score: u8) -> (Splits, Splits, String) {
    let key = score.to_string();
    let focused = app
        .client()
        .execute_async(FOCUS_ROW, vec![json!(pillar_id)])
        .await
        .unwrap_or_else(|e| panic!("focusing the row failed: {e}"));
    if focused != json!(true) {
        fail(
            app,
            format!("the row of {pillar_id} did not take the focus"),
        )
        .await;
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    let armed = app
        .js(
            &format!("{HOOKS}\n{ARM_SCORE}"),
            vec![json!(pillar_id), json!(key)],
        )
        .await;
    if !armed["error"].is_null() {
        fail(app, format!("could not arm the score change: {armed}")).await;
    }
    app.type_keys(&key).await;
    let r = app
        .client()
        .execute_async(AWAIT_SCORE, vec![])
        .await
        .unwrap_or_else(|e| panic!("waiting for the score change failed: {e}"));
    if !r["error"].is_null() {
        fail(app, format!("score change on {pillar_id}: {r}")).await;
    }
    let shown = format!("{score} · {}", scorecard::legend(score));
    assert_eq!(r["onRow"], json!(true), "the key went to the row: {r}");
    assert_eq!(r["after"], json!(shown), "the row shows the new score: {r}");
    assert_eq!(
        (&r["savedState"], &r["savedText"]),
        (&json!("saved"), &json!("Saved")),
        "the save status says saved: {r}"
    );
    assert_eq!(r["ipcCalls"], json!(1), "one edit_pillar call: {r}");
    let t0 = r["t0"].as_f64().expect("the keydown was seen");
    let budget = vec![
        (SHOWN, since(&r, "visible", t0)),
        (SHOWN_FRAME, since(&r, "visibleFrame", t0)),
        (SHOWN_PAINTED, since(&r, "visiblePainted", t0)),
        (SAVED, since(&r, "saved", t0)),
        (SAVED_FRAME, since(&r, "savedFrame", t0)),
        (SAVED_PAINTED, since(&r, "savedPainted", t0)),
    ];
    let profile = vec![
        ("edit_pillar sent", since(&r["ipc"], "start", t0)),
        ("edit_pillar answered", since(&r["ipc"], "end", t0)),
        ("edit_pillar parsed", since(&r["ipc"], "parsed", t0)),
    ];
    (
        budget,
        profile,
        r["status"].as_str().unwrap_or("?").to_owned(),
    )
}

/// The page's frame interval at rest: the median gap between 30 animation frames.
pub(crate) const IDLE_FRAMES: &str = r#"
const done = arguments[arguments.length - 1];
const t = [];
const step = (now) => { t.push(now); if (t.length < 31) requestAnimationFrame(step); else {
  const gaps = t.slice(1).map((x, i) => x - t[i]).sort((a, b) => a - b);
  done(gaps[gaps.length >> 1]);
} };
requestAnimationFrame(step);
"#;

/// The scorecard benchmark: two 50 × 40 projects opened alternately `BENCH_RUNS` (default 15)
/// times after a warm-up open of each, then `BENCH_RUNS` score changes by key (after one
/// warm-up) on different rows; per-run figures, medians, min and max to stderr. Run by
/// tests/bench/scorecard.sh (`make bench`).
#[tokio::test]
#[ignore = "a benchmark: run it with tests/bench/scorecard.sh (make bench)"]
async fn bench_scorecard() {
    let runs = crate::harness::bench_runs(15);
    let mut h = Harness::new("bench_scorecard").await;
    let projects = build_workspace(&h.ws);
    let (a, b) = (&projects[0], &projects[1]);
    // What the page is sent (the screen's scorecard, no frozen evidence), and the whole one.
    let payload = {
        let card = scorecard::scorecard_screen(h.ws.store().conn(), &a.id).unwrap();
        serde_json::to_vec(&card).unwrap().len()
    };
    let whole = {
        let card = scorecard::scorecard(h.ws.store().conn(), &a.id).unwrap();
        serde_json::to_vec(&card).unwrap().len()
    };

    let app = h.launch().await;
    app.wait_for_count(&tid("project-item"), 2).await;
    // The first project by name opens at launch.
    app.wait_for_text(&tid("project-title"), &a.name).await;
    app.wait_for_count(&tid("pillar-row"), PILLARS).await;
    app.wait_for(&tid("trend-chart")).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle_frame = app
        .client()
        .execute_async(IDLE_FRAMES, vec![])
        .await
        .ok()
        .and_then(|v| v.as_f64());
    eprintln!(
        "[scorecard] workspace: 2 projects × {PILLARS} pillars × {ASSESSMENTS} assessments; get_scorecard payload {} KiB (the whole scorecard, frozen evidence included: {} KiB); frame interval at rest {}",
        payload / 1024,
        whole / 1024,
        idle_frame.map_or("unknown".into(), |f| format!("{f:.0} ms"))
    );

    // (a) Opening: a warm-up open of each, then alternate so every open is a navigation.
    let (mut open_budget, mut open_profile) = (Series::default(), Series::default());
    for i in 0..runs + 2 {
        let p = if i % 2 == 0 { b } else { a };
        let (budget, profile, extra) = open(&app, p).await;
        let line = format!(
            "{} | profile: {} | {extra}",
            run_line(&budget),
            run_line(&profile)
        );
        if i < 2 {
            eprintln!("[scorecard] open warm-up {}: {line}", i + 1);
        } else {
            eprintln!("[scorecard] open run {}: {line}", i - 1);
            open_budget.add(&budget);
            open_profile.add(&profile);
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    // (b) Scoring: BENCH_RUNS keypresses (plus one warm-up) on rows spread over the scorecard
    // that is open now (B after an odd number of opens, A after an even one).
    let open_now = if (runs + 2) % 2 == 1 { b } else { a };
    let mut current: Vec<Option<u8>> = scorecard::scorecard(h.ws.store().conn(), &open_now.id)
        .unwrap()
        .pillars
        .iter()
        .map(|p| p.score)
        .collect();
    let mut typed: Vec<(usize, u8)> = Vec::new();
    let (mut score_budget, mut score_profile) = (Series::default(), Series::default());
    for i in 0..runs + 1 {
        let row = (i * 7 + 3) % PILLARS;
        let new = current[row].map_or(1, |s| s % 5 + 1);
        let (budget, profile, status) = score(&app, &open_now.pillars[row].0, new).await;
        current[row] = Some(new);
        typed.retain(|(r, _)| *r != row);
        typed.push((row, new));
        let line = format!(
            "{} → {new} ({status}): {} | profile: {}",
            open_now.pillars[row].1,
            run_line(&budget),
            run_line(&profile)
        );
        if i == 0 {
            eprintln!("[scorecard] score warm-up: {line}");
        } else {
            eprintln!("[scorecard] score run {i}: {line}");
            score_budget.add(&budget);
            score_profile.add(&profile);
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    // Persisted: with the window still open, the database holds every score typed.
    let v = cli_json(&h.ws, &["show", &open_now.name, "--json"]);
    let pillars = v["pillars"].as_array().expect("show --json lists pillars");
    for (row, want) in &typed {
        let name = &open_now.pillars[*row].1;
        let got = pillars
            .iter()
            .find(|p| p["name"] == json!(name))
            .unwrap_or_else(|| panic!("{name} is in the database"));
        assert_eq!(got["score"], json!(want), "{name}'s typed score was saved");
    }
    let (row, want) = typed.last().unwrap();
    eprintln!(
        "[scorecard] saved: `northstar show --json` has {} = {want}, the last score typed (and the last score of each of the {} rows typed on)",
        open_now.pillars[*row].1,
        typed.len()
    );
    app.quit().await;

    eprintln!(
        "[scorecard] binary: {}",
        northstar_tests::app_binary().display()
    );
    eprintln!(
        "[scorecard] open, {PILLARS} pillars × {ASSESSMENTS} assessments, {runs} runs (budget 150 ms): {}",
        open_budget.summary(&open_budget.names())
    );
    eprintln!(
        "[scorecard] open profile, ms from the click: {}",
        open_profile.summary(&open_profile.names())
    );
    eprintln!(
        "[scorecard] score change by key, {runs} runs (budget 16 ms to saved): {}",
        score_budget.summary(&score_budget.names())
    );
    eprintln!(
        "[scorecard] score change profile, ms from the keydown: {}",
        score_profile.summary(&score_profile.names())
    );
}
