//! A canvas of 1,000 stakeholders: the first screen's delay from the tab click (printed, with a
//! canvas of 2 as this machine's baseline), a first screen of a few cards only, and every card
//! coming in as the page scrolls to the end.

use super::{card, day};
use crate::harness::{App, Harness};
use crate::tid;
use northstar_core::project::{self, NewProject};
use northstar_core::stakeholders::{self, Cadence, NewStakeholder};
use serde_json::json;

/// Clicks the Stakeholders tab and returns the time from the click to the page's
/// `northstar:stakeholders-ready` mark, taken in the page, with when `list_stakeholders` was
/// answered and the first card was in the DOM (the core's share, the page's).
async fn open_canvas(app: &App) -> (f64, String) {
    let tab = app.wait_for(&tid("tab-stakeholders")).await;
    app.js(
        "window.__t0 = null; window.__ipc = []; window.__dom = null;
         performance.clearMarks('northstar:stakeholders-ready');
         arguments[0].addEventListener('click', () => (window.__t0 = performance.now()), {capture: true, once: true});
         new MutationObserver((_, o) => {
           if (document.querySelector('[data-testid=\"stakeholder-card\"]')) {
             window.__dom = performance.now();
             o.disconnect();
           }
         }).observe(document.body, { childList: true, subtree: true });
         if (!window.__fetch0) {
           window.__fetch0 = window.fetch.bind(window);
           window.fetch = async (input, init) => {
             const url = String(input && input.url ? input.url : input);
             const e = { cmd: url.replace(/^.*\\//, ''), start: performance.now() };
             window.__ipc.push(e);
             const r = await window.__fetch0(input, init);
             e.end = performance.now();
             return r;
           };
         }",
        vec![json!(tab)],
    )
    .await;
    tab.click().await.unwrap();
    let ms = app
        .wait_until("the stakeholders-ready mark", || async {
            let v = app
                .js(
                    "const m = performance.getEntriesByName('northstar:stakeholders-ready')[0];
                     return m && window.__t0 != null ? m.startTime - window.__t0 : null",
                    vec![],
                )
                .await;
            v.as_f64()
        })
        .await;
    let split = app
        .js(
            "return window.__ipc.map((e) => `${e.cmd} answered at ${Math.round(e.end - window.__t0)} ms`).join(', ')
               + `, first card in the DOM at ${Math.round(window.__dom - window.__t0)} ms`",
            vec![],
        )
        .await;
    (ms, split.as_str().unwrap_or_default().to_owned())
}

const PEOPLE: usize = 1000;

#[tokio::test]
async fn a_canvas_of_1000_stakeholders_opens_on_its_first_screen_and_fills_in_on_scroll() {
    let mut h = Harness::new("stakeholders_1000").await;
    let (id, small) = {
        // Check-ins spread over the last 60 days, so some cards are overdue and some not.
        let days: Vec<String> = (0..60).map(|d| day(-d).0).collect();
        let mut s = h.ws.store();
        let p = project::create(
            &mut s,
            NewProject {
                name: "Canvas of 1000".into(),
                ..Default::default()
            },
        )
        .expect("create the project");
        let small = project::create(
            &mut s,
            NewProject {
                name: "Canvas of 2".into(),
                ..Default::default()
            },
        )
        .expect("create the project");
        for i in 0..PEOPLE + 2 {
            let st = stakeholders::add_stakeholder(
                &mut s,
                if i < PEOPLE { &p.id } else { &small.id },
                NewStakeholder {
                    name: format!("Stakeholder {i:04}"),
                    why: "Needs reliable onboarding flows to avoid churn.".into(),
                    success: "Under 2% onboarding failures; fixes within an hour.".into(),
                    cadence: Some(Cadence::ALL[i % 5]),
                    channel: "Weekly async update in chat; monthly review call.".into(),
                    open_questions: "Do international customers hit region-specific issues?".into(),
                    owner: "Teo".into(),
                },
            )
            .expect("add a stakeholder");
            stakeholders::check_in(&mut s, &st.id, Some(&days[i % 60]), "Synced.")
                .expect("check in");
        }
        (p.id, small.id)
    };
    let app = h.launch().await;
    // A canvas of 2 first, as a baseline on this machine.
    app.wait_for(&format!(
        "{}[data-project-id=\"{small}\"]",
        tid("project-item")
    ))
    .await
    .click()
    .await
    .unwrap();
    app.wait_for_text(&tid("project-title"), "Canvas of 2")
        .await;
    let (small_ms, small_split) = open_canvas(&app).await;
    println!(
        "2 stakeholders: tab click → stakeholders-ready mark {small_ms:.0} ms ({small_split})"
    );
    app.wait_for(&format!(
        "{}[data-project-id=\"{id}\"]",
        tid("project-item")
    ))
    .await
    .click()
    .await
    .unwrap();
    app.wait_for_text(&tid("project-title"), "Canvas of 1000")
        .await;
    app.wait_for(&card("Stakeholder 0000")).await;
    let mut runs = Vec::new();
    for _ in 0..3 {
        app.wait_for(&tid("tab-scorecard"))
            .await
            .click()
            .await
            .unwrap();
        app.wait_for_count(&tid("stakeholder-card"), 0).await;
        let (ms, split) = open_canvas(&app).await;
        println!("{PEOPLE} stakeholders: tab click → stakeholders-ready mark {ms:.0} ms ({split})");
        runs.push(ms);
    }
    runs.sort_by(f64::total_cmp);
    let first = app.count(&tid("stakeholder-card")).await;
    println!(
        "{PEOPLE} stakeholders, median of 3: {:.0} ms; {first} cards in the page at first",
        runs[1]
    );
    assert!(
        (12..100).contains(&first),
        "the first screen holds a few cards, not all {PEOPLE}: {first}"
    );
    // WebKitGTK makes each <input> added cost time in proportion to those already in the page:
    // resting cards have none (the check-in note field is made on demand).
    let inputs = app
        .js(
            "return document.querySelectorAll('[data-testid=\"stakeholder-card\"] input').length",
            vec![],
        )
        .await;
    assert_eq!(inputs, 0, "resting cards hold no <input>");
    app.screenshot("first-screen").await;

    // A user reading down the canvas: 40 px a frame for 3 s. The page notes the gaps between
    // frames (printed, not asserted: this machine's frame rate is not the budget's).
    let r = app
        .client()
        .execute_async(
            "const done = arguments[0];
             const main = document.querySelector('main');
             const gaps = [];
             let last = performance.now();
             const t0 = last;
             const step = (t) => {
               gaps.push(t - last);
               last = t;
               main.scrollTop += 40;
               if (t - t0 < 3000) return requestAnimationFrame(step);
               gaps.sort((a, b) => a - b);
               done({ cards: document.querySelectorAll('[data-testid=\"stakeholder-card\"]').length,
                      frames: gaps.length, median: Math.round(gaps[gaps.length >> 1]),
                      max: Math.round(gaps.at(-1)) });
             };
             requestAnimationFrame(step);",
            vec![],
        )
        .await
        .unwrap();
    println!("scrolling 40 px a frame for 3 s: {r}");
    // Then straight to the end, a frame at a time, until every card is there.
    let r = app
        .client()
        .execute_async(
            "const [want, done] = arguments;
             const main = document.querySelector('main');
             const gaps = [];
             let last = performance.now();
             const t0 = last;
             const step = (t) => {
               gaps.push(t - last);
               last = t;
               main.scrollTop = 1e9;
               const cards = document.querySelectorAll('[data-testid=\"stakeholder-card\"]').length;
               if (cards < want && t - t0 < 25000) return requestAnimationFrame(step);
               gaps.sort((a, b) => a - b);
               done({ cards, ms: Math.round(t - t0), frames: gaps.length,
                      median: Math.round(gaps[gaps.length >> 1]), max: Math.round(gaps.at(-1)) });
             };
             requestAnimationFrame(step);",
            vec![json!(PEOPLE)],
        )
        .await
        .unwrap();
    println!("scrolled to the end: {r}");
    assert_eq!(
        r["cards"],
        json!(PEOPLE),
        "every card came in as the page scrolled: {r}"
    );
    app.wait_for_text(&tid("stakeholder-name"), "Stakeholder 0999")
        .await;
    app.screenshot("last-screen").await;
    app.quit().await;
}
