//! The window is exactly the window (desktop polish): on every page of the demo project, on
//! the all-projects agenda and with the Workspace dialog open, the document is exactly as tall
//! and as wide as the window, so a programmatic scroll (`scrollIntoView`, a WebDriver click on
//! something near the bottom) scrolls the content area and never slides the whole app out of
//! the window. Before the fix, the `.sr-only` labels of the add-pillar form near the bottom of
//! the scorecard, absolutely positioned against the initial containing block rather than inside
//! the scrolling content area, made the document about 1,750 px tall in an 800 px window. Dialogs
//! still cover the window, the project tabs stay stuck to its top, and with many projects the
//! sidebar scrolls on its own.

use crate::harness::{App, Harness};
use crate::tid;
use fantoccini::elements::Element;
use fantoccini::key::Key;
use northstar_core::demo::DEMO_NAME;
use northstar_core::project::{self, NewProject};
use serde_json::{json, Value};

/// The document's and the body's size against the window's, the document's scroll offset, the
/// content area's, and (for a failure message) the absolutely positioned or fixed elements that
/// reach past the window.
const MEASURE_JS: &str = "
  const de = document.documentElement, body = document.body, se = document.scrollingElement;
  const main = document.querySelector('main');
  const shell = document.querySelector('.shell').getBoundingClientRect();
  const outside = [];
  for (const e of document.querySelectorAll('body *')) {
    const pos = getComputedStyle(e).position;
    if (pos !== 'absolute' && pos !== 'fixed') continue;
    const r = e.getBoundingClientRect();
    if (r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) {
      outside.push(`${e.tagName.toLowerCase()}.${e.className} @${Math.round(r.top)}: ${(e.textContent || '').trim().slice(0, 40)}`);
    }
  }
  return {
    inner_h: innerHeight, inner_w: innerWidth,
    doc_h: de.scrollHeight, doc_w: de.scrollWidth,
    body_h: body.scrollHeight, body_w: body.scrollWidth,
    top: se.scrollTop, left: se.scrollLeft,
    shell_top: shell.top, shell_left: shell.left,
    shell_h: shell.height, shell_w: shell.width,
    main_top: main.scrollTop, main_scrollable: main.scrollHeight - main.clientHeight,
    outside: outside.slice(0, 10),
  };";

/// Lets two frames paint, so what a page rendered after its first rows is laid out too.
async fn settle(app: &App) {
    app.client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));",
            vec![],
        )
        .await
        .expect("wait for two frames");
}

async fn measure(app: &App) -> Value {
    settle(app).await;
    app.js(MEASURE_JS, vec![]).await
}

/// The document and the body are exactly the window, not scrolled, and the shell fills it.
async fn fits_the_window(app: &App, what: &str) -> Value {
    let m = measure(app).await;
    let n = |k: &str| m[k].as_f64().unwrap_or(f64::NAN);
    let (h, w) = (n("inner_h"), n("inner_w"));
    assert!(h > 0.0 && w > 0.0, "{what}: no window size: {m}");
    assert_eq!(
        n("doc_h"),
        h,
        "{what}: the document is taller than the window: {m}"
    );
    assert_eq!(
        n("body_h"),
        h,
        "{what}: the body is taller than the window: {m}"
    );
    assert_eq!(
        n("doc_w"),
        w,
        "{what}: the document is wider than the window: {m}"
    );
    assert_eq!(
        n("body_w"),
        w,
        "{what}: the body is wider than the window: {m}"
    );
    assert_eq!(n("top"), 0.0, "{what}: the document is scrolled: {m}");
    assert_eq!(
        n("left"),
        0.0,
        "{what}: the document is scrolled sideways: {m}"
    );
    assert_eq!(
        (n("shell_top"), n("shell_left"), n("shell_h"), n("shell_w")),
        (0.0, 0.0, h, w),
        "{what}: the shell is not exactly the window: {m}"
    );
    m
}

/// Scrolls the content area back to its top (the document itself must already be there).
async fn scroll_main_to_top(app: &App) {
    app.js("document.querySelector('main').scrollTop = 0", vec![])
        .await;
}

/// The element of the content area whose box reaches lowest: where a scroll into view has the
/// furthest to go.
const LOWEST_JS: &str = "
  let lowest = null, bottom = -Infinity;
  for (const e of document.querySelector('main').querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.bottom >= bottom) { bottom = r.bottom; lowest = e; }
  }
  return lowest;";

/// From the top of the content area, `scrollIntoView()` (aligned to the top: the most a page
/// could slide) on `target`; then the document has not moved, the content area has when it can
/// scroll, and the element is in the window.
async fn scroll_into_view_moves_only_the_content(app: &App, target: Value, what: &str) -> Value {
    assert!(target.is_object(), "{what}: no element to scroll to");
    scroll_main_to_top(app).await;
    let before = fits_the_window(app, &format!("{what}, before scrollIntoView")).await;
    let r = app
        .js(
            "const el = arguments[0];
             el.scrollIntoView();
             const r = el.getBoundingClientRect();
             return { top: r.top, bottom: r.bottom, el: `${el.tagName.toLowerCase()}.${el.className}` };",
            vec![target],
        )
        .await;
    let m = fits_the_window(app, &format!("{what}, after scrollIntoView on {}", r["el"])).await;
    if before["main_scrollable"].as_f64().unwrap() > 0.0 {
        assert!(
            m["main_top"].as_f64().unwrap() > 0.0,
            "{what}: the content area did not scroll to {r}: {m}"
        );
    }
    let (top, h) = (r["top"].as_f64().unwrap(), m["inner_h"].as_f64().unwrap());
    assert!(
        top >= 0.0 && top < h,
        "{what}: the element is not in the window after scrollIntoView ({r}): {m}"
    );
    m
}

/// A dialog's backdrop covers the whole window and is what is under its corners.
async fn covers_the_window(app: &App, dialog: &Element, what: &str) {
    let cover = app
        .js(
            "const backdrop = arguments[0].parentElement;
             const r = backdrop.getBoundingClientRect();
             const corners = [[1, 1], [innerWidth - 2, 1], [1, innerHeight - 2], [innerWidth - 2, innerHeight - 2]];
             return {
               rect: [r.top, r.left, r.width, r.height], window: [0, 0, innerWidth, innerHeight],
               on_top: corners.every(([x, y]) => document.elementFromPoint(x, y) === backdrop),
             };",
            vec![json!(dialog)],
        )
        .await;
    assert_eq!(
        cover["rect"], cover["window"],
        "{what}: the backdrop is not the window: {cover}"
    );
    assert_eq!(
        cover["on_top"],
        json!(true),
        "{what}: the backdrop is not on top at the window's corners: {cover}"
    );
}

/// The last element matching `css` in the page.
async fn last(app: &App, css: &str) -> Value {
    app.js(
        "const all = document.querySelectorAll(arguments[0]); return all[all.length - 1] ?? null;",
        vec![json!(css)],
    )
    .await
}

#[tokio::test]
async fn the_window_is_exactly_the_window() {
    let mut h = Harness::new("window").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;

    // Every area of the demo project, each once its content is in: the document is the window,
    // and scrolling the lowest thing on the page into view scrolls only the content area.
    let areas: [(&str, String); 7] = [
        ("overview", tid("delete-project")),
        ("scorecard", tid("compare-row")),
        ("goals", tid("goal-row")),
        ("stakeholders", tid("stakeholder-card")),
        ("risks", tid("risk-row")),
        ("compliance", tid("compliance-disclaimer")),
        ("agenda", tid("agenda-item")),
    ];
    for (area, ready) in &areas {
        app.open_area(area).await;
        app.wait_for(&format!(
            "{}[aria-selected=\"true\"]",
            tid(&format!("tab-{area}"))
        ))
        .await;
        app.wait_for(ready).await;
        fits_the_window(&app, area).await;
        let lowest = app.js(LOWEST_JS, vec![]).await;
        scroll_into_view_moves_only_the_content(&app, lowest, &format!("{area}, lowest element"))
            .await;
    }

    // A dialog opened from inside the scrolling content area (Delete project…, on the Overview)
    // still covers the whole window, scrolled or not.
    app.open_area("overview").await;
    let delete = app.wait_for(&tid("delete-project")).await;
    app.js("arguments[0].scrollIntoView()", vec![json!(delete)])
        .await;
    delete.click().await.unwrap();
    let confirm = app.wait_for("[role=\"alertdialog\"]").await;
    fits_the_window(&app, "the Delete project dialog").await;
    covers_the_window(&app, &confirm, "the Delete project dialog").await;
    let shot = app.screenshot("delete-dialog").await;
    println!("screenshot: {}", shot.display());
    app.type_keys(&Key::Escape.to_string()).await;
    app.wait_for_count("[role=\"alertdialog\"]", 0).await;
    assert_eq!(h.cli_projects(), [DEMO_NAME], "Escape deleted nothing");

    // The scorecard, the longest page of the demo. Its last pillar row; then the last row of
    // "What changed" at the very bottom, which used to slide the whole app up by 672 px and
    // leave the bottom of the window white; then a visually hidden label (which used to slide
    // it by 955 px).
    app.open_area("scorecard").await;
    app.wait_for_count(&tid("pillar-row"), 12).await;
    app.wait_for(&tid("compare-row")).await;
    let row = last(&app, &tid("pillar-row")).await;
    scroll_into_view_moves_only_the_content(&app, row, "scorecard, last pillar row").await;
    let row = last(&app, &tid("compare-row")).await;
    scroll_into_view_moves_only_the_content(&app, row, "scorecard, last compared pillar").await;
    // The project's tabs stay stuck to the top of the content area, which is the window's top.
    let tabs_top = app
        .js(
            "return document.querySelector('[role=\"tablist\"][aria-label=\"Project areas\"]').getBoundingClientRect().top",
            vec![],
        )
        .await;
    assert_eq!(tabs_top, json!(0), "the sticky tabs moved");
    let shot = app.screenshot("scorecard-bottom").await;
    println!("screenshot: {}", shot.display());
    let label = last(&app, "main .sr-only").await;
    scroll_into_view_moves_only_the_content(&app, label, "scorecard, a visually hidden label")
        .await;

    // A WebDriver click on the add-pillar field, far down the page, scrolls it into view the
    // driver's way.
    scroll_main_to_top(&app).await;
    app.wait_for(&tid("add-pillar-name"))
        .await
        .click()
        .await
        .unwrap();
    let m = fits_the_window(
        &app,
        "scorecard, after a WebDriver click on add-pillar-name",
    )
    .await;
    assert!(
        m["main_top"].as_f64().unwrap() > 0.0,
        "the click scrolled nothing: {m}"
    );
    let focused = app
        .js(
            "return document.activeElement?.dataset?.testid ?? null",
            vec![],
        )
        .await;
    assert_eq!(
        focused,
        json!("add-pillar-name"),
        "the click focused the field"
    );

    // The project's agenda: its last item.
    app.open_area("agenda").await;
    app.wait_for(&tid("agenda-item")).await;
    let item = last(&app, &tid("agenda-item")).await;
    scroll_into_view_moves_only_the_content(&app, item, "agenda, last item").await;

    // The all-projects agenda from the sidebar.
    app.wait_for(&tid("sidebar-agenda"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&format!("{}[data-scope=\"all\"]", tid("agenda-view")))
        .await;
    app.wait_for(&tid("agenda-item")).await;
    fits_the_window(&app, "the all-projects agenda").await;
    let item = last(&app, &tid("agenda-item")).await;
    scroll_into_view_moves_only_the_content(&app, item, "the all-projects agenda, last item").await;

    // The Workspace dialog: the document stays the window, and the backdrop covers all of it.
    app.wait_for(&tid("open-workspace"))
        .await
        .click()
        .await
        .unwrap();
    let dialog = app.wait_for(&tid("workspace-dialog")).await;
    fits_the_window(&app, "the Workspace dialog").await;
    covers_the_window(&app, &dialog, "the Workspace dialog").await;
    let shot = app.screenshot("workspace-dialog").await;
    println!("screenshot: {}", shot.display());
    app.quit().await;

    // Many projects: the sidebar scrolls on its own, and scrolling its last entry into view
    // moves the sidebar, not the document.
    {
        let mut s = h.ws.store();
        for i in 1..=40 {
            project::create(
                &mut s,
                NewProject {
                    name: format!("Project {i:02}"),
                    ..Default::default()
                },
            )
            .expect("create a project");
        }
    }
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.wait_for_count(&tid("project-item"), 41).await;
    fits_the_window(&app, "41 projects").await;
    let r = app
        .js(
            "const nav = document.querySelector('nav.sidebar');
             const items = document.querySelectorAll(arguments[0]);
             const el = items[items.length - 1];
             const scrollable = nav.scrollHeight - nav.clientHeight;
             el.scrollIntoView();
             const r = el.getBoundingClientRect();
             return { scrollable, nav_top: nav.scrollTop, top: r.top, bottom: r.bottom, text: el.innerText };",
            vec![json!(tid("project-item"))],
        )
        .await;
    assert!(
        r["scrollable"].as_f64().unwrap() > 0.0,
        "41 projects should overflow the sidebar: {r}"
    );
    assert!(
        r["nav_top"].as_f64().unwrap() > 0.0,
        "the sidebar did not scroll: {r}"
    );
    let m = fits_the_window(&app, "41 projects, after scrollIntoView on the last").await;
    let (top, bottom) = (r["top"].as_f64().unwrap(), r["bottom"].as_f64().unwrap());
    assert!(
        top >= 0.0 && bottom <= m["inner_h"].as_f64().unwrap(),
        "the last project is not in the window: {r}"
    );
    assert_eq!(r["text"], json!("Project 40"));
    let shot = app.screenshot("many-projects").await;
    println!("screenshot: {}", shot.display());
    app.quit().await;
}
