//! The stakeholder canvas and the first-week card in the real window (issue 7): the demo's
//! overdue stakeholder, a stakeholder added and checked in (by button and by the C key) whose
//! next check-in survives a relaunch, removal naming the goals, and the dark theme; the
//! first-week card (`first_week`); a canvas of 1,000 stakeholders (`long_canvas`).

use crate::harness::{App, Harness};
use crate::tid;
use fantoccini::key::Key;
use northstar_core::demo::DEMO_NAME;
use serde_json::json;
use std::process::Command;

mod first_week;
mod long_canvas;

/// `date` with `args` in the C locale ("5 Dec", never a translated month): today's calendar day
/// as the app sees it (both use the local time zone), without a date library in the tests.
fn date(args: &[&str]) -> String {
    let out = Command::new("date")
        .env("LC_ALL", "C")
        .args(args)
        .output()
        .expect("run date");
    assert!(out.status.success(), "date {args:?} failed");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A day `offset` days from today: (`YYYY-MM-DD`, the card's words for it, "5 Dec", with the
/// year when it is not this year's).
fn day(offset: i32) -> (String, String) {
    let when = format!("{offset:+} days");
    let iso = date(&["-d", &when, "+%Y-%m-%d"]);
    let mut words = date(&["-d", &when, "+%-d %b"]);
    if iso[..4] != date(&["+%Y"]) {
        words = format!("{words} {}", &iso[..4]);
    }
    (iso, words)
}

fn card(name: &str) -> String {
    format!("{}[data-name=\"{name}\"]", tid("stakeholder-card"))
}

fn in_card(name: &str, id: &str) -> String {
    format!("{} {}", card(name), tid(id))
}

/// Waits until a visible element matching `css` shows exactly `want`, scrolled into view first
/// (the canvas is long, and the harness reads only what is on screen).
async fn text_is(app: &App, css: &str, want: &str) {
    read_until(app, css, want, |t| t == want).await;
}

/// Like [`text_is`], for text that contains `part`.
async fn text_has(app: &App, css: &str, part: &str) {
    read_until(app, css, part, |t| t.contains(part)).await;
}

async fn read_until(app: &App, css: &str, what: &str, ok: impl Fn(&str) -> bool) {
    app.wait_until(&format!("`{css}` to read “{what}”"), || async {
        app.js(
            "document.querySelector(arguments[0])?.scrollIntoView({block: 'center'})",
            vec![json!(css)],
        )
        .await;
        let (_, texts) = app.find_visible(css, None).await;
        texts.iter().any(|t| ok(t.trim())).then_some(())
    })
    .await;
}

async fn attr(app: &App, css: &str, name: &str) -> String {
    let el = app.wait_for(css).await;
    el.attr(name).await.unwrap().unwrap_or_default()
}

/// Opens the demo's Stakeholders tab and waits for its two cards.
async fn demo_canvas(app: &App) {
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.open_area("stakeholders").await;
    app.wait_for_count(&tid("stakeholder-card"), 2).await;
}

#[tokio::test]
async fn a_stakeholder_checked_in_today_is_next_due_a_cadence_later_after_a_relaunch() {
    const NAME: &str = "Support team";
    let (in_a_week, in_a_week_words) = day(7);
    let (_, today_words) = day(0);
    let mut h = Harness::new("stakeholders_check_in").await;
    let app = h.launch().await;
    demo_canvas(&app).await;

    // The demo's customer success lead (weekly, last seen 10 days ago) is 3 days overdue.
    let cs = "Customer success lead";
    assert_eq!(attr(&app, &card(cs), "data-overdue").await, "true");
    text_is(
        &app,
        &in_card(cs, "stakeholder-next"),
        &format!("Overdue since {}", day(-3).1),
    )
    .await;
    assert_eq!(
        attr(&app, &card("Compliance advisor"), "data-overdue").await,
        "false"
    );
    text_has(
        &app,
        &in_card(cs, "stakeholder-goals"),
        "Keep the onboarding API reliable during beta",
    )
    .await;
    text_has(
        &app,
        &in_card(cs, "check-in-item"),
        "Shared the beta error budget.",
    )
    .await;
    app.js("document.querySelector('main').scrollTop = 0", vec![])
        .await;
    app.screenshot("canvas").await;

    // Add one, weekly, with Enter in the name field.
    let cadence = app.wait_for(&tid("add-stakeholder-cadence")).await;
    cadence.select_by_value("weekly").await.unwrap();
    let input = app.wait_for(&tid("add-stakeholder-input")).await;
    input
        .send_keys(&format!("{NAME}{}", Key::Enter))
        .await
        .unwrap();
    app.wait_for(&card(NAME)).await;
    assert_eq!(
        attr(&app, &in_card(NAME, "stakeholder-cadence"), "value").await,
        "weekly"
    );
    text_has(&app, &in_card(NAME, "stakeholder-last"), "Never checked in").await;
    text_has(
        &app,
        &in_card(NAME, "stakeholder-next"),
        "Weekly from the first check-in",
    )
    .await;

    // "Checked in today" with a note: the note field opens on demand, focused.
    app.wait_for(&in_card(NAME, "check-in-add-note"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&in_card(NAME, "check-in-note"))
        .await
        .send_keys("Kick-off call")
        .await
        .unwrap();
    app.screenshot("note").await;
    app.wait_for(&in_card(NAME, "check-in"))
        .await
        .click()
        .await
        .unwrap();
    text_has(&app, &in_card(NAME, "check-in-item"), "Kick-off call").await;
    text_has(
        &app,
        &in_card(NAME, "stakeholder-next"),
        &format!("Next check-in {in_a_week_words}"),
    )
    .await;
    assert_eq!(
        attr(&app, &in_card(NAME, "stakeholder-next"), "data-date").await,
        in_a_week
    );

    // C on the focused overdue card checks in with them too.
    let el = app.wait_for(&card(cs)).await;
    let focused = app
        .js(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();
             return document.activeElement === arguments[0]",
            vec![json!(el)],
        )
        .await;
    assert_eq!(focused, true, "the card did not take focus");
    app.type_keys("c").await;
    text_has(
        &app,
        &in_card(cs, "stakeholder-next"),
        &format!("Next check-in {in_a_week_words}"),
    )
    .await;
    assert_eq!(attr(&app, &card(cs), "data-overdue").await, "false");
    app.wait_for_text(&tid("save-status"), "Saved").await;
    app.screenshot("checked-in").await;

    // Removing them asks first, naming the goal that names them; Cancel keeps them.
    app.wait_for(&in_card(cs, "remove-stakeholder"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text(
        "[role=\"alertdialog\"]",
        "“Keep the onboarding API reliable during beta” names them; the link goes with them.",
    )
    .await;
    app.screenshot("remove").await;
    app.type_keys(&Key::Escape.to_string()).await;
    app.wait_for_count("[role=\"alertdialog\"]", 0).await;
    assert_eq!(app.count(&tid("stakeholder-card")).await, 3);
    app.quit().await;

    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.open_area("stakeholders").await;
    app.wait_for_count(&tid("stakeholder-card"), 3).await;
    text_is(
        &app,
        &in_card(NAME, "stakeholder-next"),
        &format!("Next check-in {in_a_week_words}"),
    )
    .await;
    assert_eq!(
        attr(&app, &in_card(NAME, "stakeholder-next"), "data-date").await,
        in_a_week
    );
    text_is(
        &app,
        &in_card(NAME, "stakeholder-last"),
        &format!("Last check-in {today_words} · today"),
    )
    .await;
    text_has(&app, &in_card(NAME, "check-in-item"), "Kick-off call").await;
    assert_eq!(attr(&app, &card(cs), "data-overdue").await, "false");
    app.quit().await;
}

/// WCAG contrast of an element's text colour on its own background (both `rgb()`).
const CONTRAST_JS: &str = "const lum = (css) => {
    const [r, g, b] = css.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const s = getComputedStyle(arguments[0]);
  const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);";

#[tokio::test]
async fn the_canvas_reads_well_in_the_dark_theme() {
    let mut h = Harness::new("stakeholders_dark").await;
    h.env("GTK_THEME", "Adwaita:dark");
    let app = h.launch().await;
    demo_canvas(&app).await;
    let chip = app
        .wait_for(&in_card("Customer success lead", "stakeholder-next"))
        .await;
    let ratio = app.js(CONTRAST_JS, vec![json!(chip)]).await;
    assert!(
        ratio.as_f64().unwrap() >= 4.5,
        "the overdue words pass WCAG AA on their tint: {ratio}"
    );
    app.screenshot("canvas").await;
    app.open_area("overview").await;
    app.wait_for(&tid("first-week")).await;
    app.screenshot("first-week").await;
    app.quit().await;
}
