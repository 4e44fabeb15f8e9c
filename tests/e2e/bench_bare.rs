//! Issue 13: Northstar against a bare Tauri 2 window (tests/bench/bare: one HTML page, one
//! button, the same Tauri version and release profile), both launched through the same
//! tauri-driver path under Xvfb, alternately, and measured the same way:
//!
//! - launch → first screen with data: from the app process starting to the frame that paints
//!   the bare app's button, or Northstar's scorecard (title, rows, headline). Watched from inside
//!   the page (`FIRST_FRAME`), since a WebDriver poll only gets through once the page's main
//!   thread is free: what it sees is printed too, as "page answering a script";
//! - settled memory: `SETTLE_MS` (default 2,000) after that, the PSS summed over the app process
//!   and every process below it (WebKit's web and network processes), from
//!   /proc/PID/smaps_rollup; and the web process alone, with its anonymous part.
//!
//! Northstar runs twice per round: on a fresh workspace (the demo is seeded on that launch) and
//! on a large one (issue 13's size, built once through northstar-core and copied per launch).
//! Each round rotates the order of the three launches, so a busy moment of the machine does
//! not always fall on the same app. Nothing is asserted about the figures (a loaded machine
//! would fail it); they are printed with their medians and ratios. Run it with
//! tests/bench/bare.sh (`make bench`).

use crate::harness::{App, Harness};
use crate::processes::{descendants, process_age};
use crate::startup;
use northstar_core::demo::{large_project, LargeSize};
use northstar_tests::Workspace;
use serde_json::json;
use std::path::PathBuf;
use std::time::Duration;

/// The large project's name (the only project in its workspace, so the one open at launch).
pub(crate) const LARGE: &str = "Large workspace";

/// The bare app: `$BARE_BIN`, else the release build beside the app under test.
fn bare_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("BARE_BIN").filter(|v| !v.is_empty()) {
        return PathBuf::from(bin);
    }
    let app = northstar_tests::app_binary();
    let bin = app.with_file_name("northstar-bench-bare");
    assert!(
        bin.is_file(),
        "the bare Tauri app is not at {} (or $BARE_BIN): build it with `cargo build --release --features custom-protocol --manifest-path tests/bench/bare/Cargo.toml` (tests/bench/bare.sh does)",
        bin.display()
    );
    bin
}

/// A workspace holding only the large project, written once through the core.
pub(crate) fn large_template() -> Workspace {
    let ws = Workspace::new();
    let mut s = ws.store();
    large_project(&mut s, LARGE, LargeSize::ISSUE_13).expect("write the large project");
    s.checkpoint().expect("fold the log in, as an exit would");
    ws
}

/// Copies the template's database into `h`'s (empty) workspace.
pub(crate) fn copy_workspace(template: &Workspace, h: &Harness) {
    std::fs::copy(template.db_path(), h.ws.db_path()).expect("copy the large workspace");
}

/// The bare page's button, laid out: the page's age then, else null.
const BARE_VISIBLE: &str = r#"
const b = document.querySelector('[data-testid="bare-button"]');
return b && b.getBoundingClientRect().height > 0 ? performance.now() : null;
"#;

/// The large project's scorecard on screen (`FILLED` prepended): its title, the headline and its
/// fifty pillars' rows as far as the window shows them.
const LARGE_VISIBLE: &str = r#"
const title = document.querySelector('[data-testid="project-title"]');
const overall = document.querySelector('[data-testid="headline-overall"]');
const shown = (el) => !!el && el.getBoundingClientRect().height > 0;
const ready = shown(title) && title.textContent.includes(arguments[0])
  && shown(overall) && overall.textContent.trim() !== '' && filled(50);
return ready ? performance.now() : null;
"#;

/// The large project's first screen (see `startup::FILLED`).
fn large_visible() -> String {
    format!("{}{LARGE_VISIBLE}", startup::FILLED)
}

/// Memory of one process tree, kB.
#[derive(Default, Clone, Copy)]
struct Memory {
    /// PSS of the app and every process below it.
    total: u64,
    /// PSS of the app process alone.
    app: u64,
    /// PSS of the WebKit web process, and its anonymous part.
    web: u64,
    web_anon: u64,
}

fn rollup(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix(field)?
                .trim()
                .strip_suffix("kB")?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

fn memory(pid: u32) -> Memory {
    let mut m = Memory {
        app: rollup(pid, "Pss:"),
        ..Default::default()
    };
    m.total = m.app;
    for child in descendants(pid) {
        m.total += rollup(child, "Pss:");
        let comm = std::fs::read_to_string(format!("/proc/{child}/comm")).unwrap_or_default();
        // The name is cut at 15 characters: "WebKitWebProces".
        if comm.starts_with("WebKitWebProc") {
            m.web += rollup(child, "Pss:");
            m.web_anon += rollup(child, "Pss_Anon:");
        }
    }
    m
}

struct Launch {
    /// From the process starting to the first screen on it, ms.
    first_screen: f64,
    /// From the process starting to the first WebDriver poll that saw it, ms.
    answered: f64,
    /// Of which in the page (from its navigation start), ms.
    in_page: f64,
    memory: Memory,
}

fn settle() -> Duration {
    let ms = std::env::var("SETTLE_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    Duration::from_millis(ms)
}

/// Watches for the first screen from inside the page, from the first moment a script runs
/// there: `CHECK` (a script returning non-null once the first screen is laid out) runs at every
/// animation frame, and the first frame at which it holds is the one that paints it. Already
/// true when the watch starts (the bare page's one button): the page's first contentful paint
/// was that frame. Returns null until then, else [that frame's time, now], in the page's clock.
const FIRST_FRAME: &str = r#"
const args = Array.from(arguments);
const check = function () { CHECK };
const holds = () => check.apply(null, args) != null;
if (!window.__nsFirst) {
  const w = (window.__nsFirst = { at: null });
  if (holds()) {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    w.at = fcp ? fcp.startTime : performance.now();
  } else {
    const look = () => {
      if (holds()) w.at = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }
}
const w = window.__nsFirst;
return w.at == null ? null : [w.at, performance.now()];
"#;

/// Launches `h`'s app, waits for `visible` (a script returning the page's age once the first
/// screen is on it), lets it settle, reads its memory and quits it.
async fn launch(h: &mut Harness, visible: &str, args: Vec<serde_json::Value>) -> Launch {
    let app: App = h.launch().await;
    let pid = app.app_pid().expect("the app process is running");
    let watch = FIRST_FRAME.replace("CHECK", visible);
    let (first_screen, answered, in_page) = app
        .wait_until("the first screen", || async {
            let seen = app.client().execute(&watch, args.clone()).await.ok()?;
            let age = process_age(pid).as_secs_f64() * 1000.0;
            let (at, now) = (seen.get(0)?.as_f64()?, seen.get(1)?.as_f64()?);
            Some((age - (now - at), age, at))
        })
        .await;
    tokio::time::sleep(settle()).await;
    let memory = memory(pid);
    app.quit().await;
    Launch {
        first_screen,
        answered,
        in_page,
        memory,
    }
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    s[s.len() / 2]
}

#[derive(Default)]
struct Series {
    first_screen: Vec<f64>,
    answered: Vec<f64>,
    in_page: Vec<f64>,
    total: Vec<f64>,
    app: Vec<f64>,
    web: Vec<f64>,
    web_anon: Vec<f64>,
}

impl Series {
    fn add(&mut self, l: &Launch) {
        let mb = |kb: u64| kb as f64 / 1024.0;
        self.first_screen.push(l.first_screen);
        self.answered.push(l.answered);
        self.in_page.push(l.in_page);
        self.total.push(mb(l.memory.total));
        self.app.push(mb(l.memory.app));
        self.web.push(mb(l.memory.web));
        self.web_anon.push(mb(l.memory.web_anon));
    }
}

fn line(l: &Launch) -> String {
    let m = l.memory;
    format!(
        "first screen {:.0} ms (in the page {:.0}; a script answered at {:.0}); PSS {} MB (app {}, web process {}, {} anonymous)",
        l.first_screen,
        l.in_page,
        l.answered,
        m.total / 1024,
        m.app / 1024,
        m.web / 1024,
        m.web_anon / 1024
    )
}

#[derive(Clone, Copy)]
enum Kind {
    Bare,
    Demo,
    Large,
}

/// The benchmark: `BENCH_RUNS` (default 5) rounds of one launch each of the bare app, Northstar
/// on a fresh (demo) workspace and Northstar on the large workspace; medians and ratios.
#[tokio::test]
#[ignore = "a benchmark: run it with tests/bench/bare.sh (make bench)"]
async fn bench_bare() {
    let runs = crate::harness::bench_runs(5);
    let bare = bare_binary();
    let started = std::time::Instant::now();
    let template = large_template();
    eprintln!(
        "[bare] large workspace written in {:.1} s: {:?}, database {} MB",
        started.elapsed().as_secs_f64(),
        LargeSize::ISSUE_13,
        std::fs::metadata(template.db_path()).map_or(0, |m| m.len() >> 20)
    );
    let (mut b, mut d, mut l) = (Series::default(), Series::default(), Series::default());
    for round in 0..runs {
        let mut order = [Kind::Bare, Kind::Demo, Kind::Large];
        order.rotate_left(round % 3);
        for kind in order {
            match kind {
                Kind::Bare => {
                    let mut h = Harness::new(&format!("bare{round}")).await;
                    h.program(bare.clone());
                    let r = launch(&mut h, BARE_VISIBLE, vec![]).await;
                    eprintln!("[bare] run {} bare Tauri:      {}", round + 1, line(&r));
                    b.add(&r);
                }
                Kind::Demo => {
                    let mut h = Harness::new(&format!("demo{round}")).await;
                    let demo = json!(northstar_core::demo::DEMO_NAME);
                    let r = launch(&mut h, &startup::visible(), vec![demo]).await;
                    eprintln!("[bare] run {} Northstar demo:  {}", round + 1, line(&r));
                    d.add(&r);
                }
                Kind::Large => {
                    let mut h = Harness::new(&format!("large{round}")).await;
                    copy_workspace(&template, &h);
                    let r = launch(&mut h, &large_visible(), vec![json!(LARGE)]).await;
                    eprintln!("[bare] run {} Northstar large: {}", round + 1, line(&r));
                    l.add(&r);
                }
            }
        }
    }
    eprintln!("[bare] bare binary: {}", bare.display());
    eprintln!(
        "[bare] Northstar binary: {}",
        northstar_tests::app_binary().display()
    );
    let row = |what: &str, f: fn(&Series) -> &Vec<f64>, unit: &str| {
        let (mb, md, ml) = (median(f(&b)), median(f(&d)), median(f(&l)));
        eprintln!(
            "[bare] {what}, medians of {runs}: bare {mb:.0} {unit}, Northstar demo {md:.0} {unit} ({:.2}× bare), large {ml:.0} {unit} ({:.2}× bare, {:.2}× demo)",
            md / mb,
            ml / mb,
            ml / md
        );
    };
    row("launch → first screen with data", |s| &s.first_screen, "ms");
    row("  of which in the page", |s| &s.in_page, "ms");
    row("  page answering a script", |s| &s.answered, "ms");
    row("settled PSS, app + WebKit processes", |s| &s.total, "MB");
    row("  app process", |s| &s.app, "MB");
    row("  web process", |s| &s.web, "MB");
    row("  web process, anonymous", |s| &s.web_anon, "MB");
}

/// What the page did before its first screen, once it is up: its navigation timing, every
/// resource and IPC call (start and end, ms from the navigation), the marks, how big the DOM
/// and the style sheets are.
const PROFILE: &str = r#"
const nav = performance.getEntriesByType('navigation')[0] || {};
const res = performance.getEntriesByType('resource').map((e) => `${e.name.replace(/^.*\/\/[^/]*/, '')} ${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)} (${e.transferSize || e.encodedBodySize || 0} B)`);
const marks = performance.getEntriesByType('mark').map((e) => `${e.name} ${e.startTime.toFixed(0)}`);
const paint = performance.getEntriesByType('paint').map((e) => `${e.name} ${e.startTime.toFixed(0)}`);
let rules = 0;
for (const s of document.styleSheets) { try { rules += s.cssRules.length } catch {} }
return {
  responseEnd: nav.responseEnd, domInteractive: nav.domInteractive,
  domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
  resources: res, marks, paint,
  elements: document.getElementsByTagName('*').length,
  svgElements: document.querySelectorAll('svg *').length,
  styleRules: rules,
  now: performance.now(),
};
"#;

/// Notes, from now on, when each part of the first screen first appears (ms in the page).
const WATCH: &str = r#"
const seen = window.__nsSeen = {};
const parts = ['project-item', 'sidebar-agenda', 'project-title', 'tab-scorecard', 'headline-overall', 'pillar-row', 'trend-chart', 'first-week'];
const look = () => {
  for (const p of parts) if (!(p in seen) && document.querySelector(`[data-testid="${p}"]`)) seen[p] = Math.round(performance.now());
  if (!('loading' in seen) && document.querySelector('.page-loading')) seen.loading = Math.round(performance.now());
};
look();
const ipc = window.__nsIpc = [];
const fetch0 = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = String(input && input.url ? input.url : input);
  if (!url.startsWith('ipc:') && !url.includes('//ipc.localhost/')) return fetch0(input, init);
  const e = { cmd: url.replace(/^.*\//, ''), start: Math.round(performance.now()) };
  ipc.push(e);
  const r = await fetch0(input, init);
  e.end = Math.round(performance.now());
  e.bytes = Number(r.headers.get('content-length')) || null;
  return r;
};
new MutationObserver(look).observe(document.documentElement, { childList: true, subtree: true });
// Where the page's main thread was busy: every gap of over 25 ms between 5 ms ticks.
const busy = window.__nsBusy = [];
let last = performance.now();
const tickBusy = () => {
  const now = performance.now();
  if (now - last > 25) busy.push(`${Math.round(last)}-${Math.round(now)}`);
  last = now;
  if (now < 3000) setTimeout(tickBusy, 5);
};
setTimeout(tickBusy, 5);
// Every animation frame's start, for the first second.
const frames = window.__nsFrames = [];
const frame = (t) => { frames.push(Math.round(performance.now())); if (t < 1000) requestAnimationFrame(frame); };
requestAnimationFrame(frame);
return performance.now();
"#;

/// Not a benchmark: a launch's profile (demo, then large), to see where the page's time goes.
#[tokio::test]
#[ignore = "a diagnostic: prints what the page did before its first screen"]
async fn launch_profile() {
    let template = large_template();
    for large in [false, true] {
        let mut h = Harness::new(if large {
            "profile-large"
        } else {
            "profile-demo"
        })
        .await;
        let (visible, arg) = if large {
            copy_workspace(&template, &h);
            (large_visible(), json!(LARGE))
        } else {
            (startup::visible(), json!(northstar_core::demo::DEMO_NAME))
        };
        let app = h.launch().await;
        let watched = app.client().execute(WATCH, vec![]).await.ok();
        let at = app
            .wait_until("the first screen", || async {
                app.client()
                    .execute(&visible, vec![arg.clone()])
                    .await
                    .ok()?
                    .as_f64()
            })
            .await;
        tokio::time::sleep(settle()).await;
        let p = app.js(PROFILE, vec![]).await;
        let frame = app
            .client()
            .execute_async(crate::bench_scorecard::IDLE_FRAMES, vec![])
            .await
            .ok();
        let idle = app.js("return typeof requestIdleCallback", vec![]).await;
        eprintln!("[profile] frame interval at rest {frame:?} ms; requestIdleCallback: {idle}");
        let seen = app
            .js(
                "return [window.__nsSeen, window.__nsIpc, window.__nsBusy, window.__nsFrames]",
                vec![],
            )
            .await;
        eprintln!("[profile] {} first screen at {at:.0} ms in the page (watching from {watched:?}): first seen {seen}; {p:#}", if large { "large" } else { "demo" });
        // The compare table, rendered after the first screen (on idle), as a reader scrolls to it.
        let row = app.wait_for(&crate::tid("compare-row")).await;
        app.js(
            "arguments[0].scrollIntoView({block: 'center'})",
            vec![json!(row)],
        )
        .await;
        let shot = app.screenshot("compare").await;
        eprintln!("[profile] screenshot: {}", shot.display());
        app.quit().await;
    }
}

/// Not a benchmark: writes the large workspace into `$LARGE_WS` (a folder), for looking at it by
/// hand (`northstar --data-dir $LARGE_WS`, or its CLI commands).
#[test]
#[ignore = "a tool: LARGE_WS=/some/folder writes the large workspace there"]
fn write_large_workspace() {
    let dir = PathBuf::from(std::env::var_os("LARGE_WS").expect("set LARGE_WS to a folder"));
    std::fs::create_dir_all(&dir).expect("create the folder");
    let template = large_template();
    std::fs::copy(template.db_path(), dir.join(northstar_core::store::DB_FILE))
        .expect("copy the database");
}

/// Not a benchmark: how much each page's first call carries across IPC on the large workspace
/// (the JSON the command answers with), and how long the core takes to make it.
#[test]
#[ignore = "a diagnostic: prints the size of each page's first IPC answer on the large workspace"]
fn large_payloads() {
    use northstar_core::{agenda, goals, risks, scorecard, stakeholders};
    let template = large_template();
    let s = template.store();
    let c = s.conn();
    let today = s.clock().today();
    let id = northstar_core::project::list(c).unwrap()[0].id.clone();
    macro_rules! size {
        ($what:expr, $make:expr) => {{
            let t = std::time::Instant::now();
            let v = $make.unwrap();
            let took = t.elapsed().as_secs_f64() * 1000.0;
            let kib = serde_json::to_vec(&v).unwrap().len() / 1024;
            eprintln!(
                "[payload] {}: {kib} KiB, made in {took:.0} ms (debug build)",
                $what
            );
        }};
    }
    size!("get_scorecard, whole", scorecard::scorecard(c, &id));
    size!("get_scorecard, screen", scorecard::scorecard_screen(c, &id));
    size!("list_goals", goals::list_goals(c, &id, today));
    size!(
        "list_stakeholders",
        stakeholders::list_stakeholders(c, &id, today)
    );
    let q = risks::RiskQuery::default();
    size!("risks_view", risks::risks_view(c, &id, &q, today));
    let aq = agenda::AgendaQuery {
        days: None,
        project_id: Some(id.clone()),
    };
    size!("agenda (project)", agenda::agenda(c, today, &aq));
    size!("agenda_due_counts", agenda::due_counts(c, today));
}
