//! Issue 12, once per area of the demo project: one edit made through the page, Ctrl+Z (with the
//! focus on the page, not in a text field) puts it back on screen and in the file and the toast
//! says "Undid: …", Ctrl+Shift+Z makes it again. The Scorecard and the trash are in `undo.rs`.

use crate::harness::{App, Harness};
use crate::tid;
use crate::undo::press_ctrl_shift;
use fantoccini::key::Key;
use northstar_core::demo::DEMO_NAME;
use northstar_tests::cli_json;
use serde_json::{json, Value};

const NORTH_STAR: &str = "Ship daily without customer-visible downtime or data loss.";
const GOAL: &str = "Keep the onboarding API reliable during beta";
const CS: &str = "Customer success lead";
const SUPPORT_RISK: &str = "Support load grows while the onboarding doc is stale";

async fn launch(h: &mut Harness) -> App {
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app
}

/// Polls the workspace file (through the CLI's `show --json`) until `probe` finds what it wants.
async fn in_file(app: &App, h: &Harness, what: &str, probe: impl Fn(&Value) -> bool) {
    app.wait_until(&format!("{what} in the workspace"), || async {
        probe(&cli_json(&h.ws, &["show", DEMO_NAME, "--json"])).then_some(())
    })
    .await;
}

/// Scrolled to the middle first (the tab bar is sticky), then clicked.
async fn click(app: &App, css: &str) {
    let el = app.wait_for(css).await;
    app.js(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![json!(el)],
    )
    .await;
    el.click().await.unwrap();
}

/// Takes the focus out of any text field (where Ctrl+Z is the field's own undo).
async fn leave_fields(app: &App) {
    let tag = app
        .js(
            "const a = document.activeElement;
             if (a && (a.matches('input, textarea') || a.isContentEditable)) a.blur();
             return document.activeElement?.tagName ?? null",
            vec![],
        )
        .await;
    assert_ne!(tag, "INPUT", "the focus is still in a text field");
    assert_ne!(tag, "TEXTAREA", "the focus is still in a text area");
}

async fn toast(app: &App, text: &str) {
    app.wait_for_text(&tid("undo-toast-message"), text).await;
}

async fn ctrl_z(app: &App, label: &str) {
    leave_fields(app).await;
    app.press_ctrl('z').await;
    toast(app, &format!("Undid: {label} · {DEMO_NAME}")).await;
    app.wait_for_text(&tid("undo-toast-action"), "Redo").await;
}

async fn ctrl_shift_z(app: &App, label: &str) {
    leave_fields(app).await;
    press_ctrl_shift(app, 'z').await;
    toast(app, &format!("Redid: {label} · {DEMO_NAME}")).await;
    app.wait_for_text(&tid("undo-toast-action"), "Undo").await;
}

#[tokio::test]
async fn undo_the_north_star() {
    const NEW: &str = "Ship weekly, and say so when it breaks";
    let mut h = Harness::new("undo_north_star").await;
    let app = launch(&mut h).await;
    app.open_area("overview").await;
    let star = tid("north-star");
    app.wait_for_text(&star, NORTH_STAR).await;
    click(&app, &star).await;
    let input = app.wait_for(&format!("{star} input")).await;
    app.js("arguments[0].select()", vec![json!(input)]).await;
    input
        .send_keys(&format!("{NEW}{}", Key::Enter))
        .await
        .unwrap();
    toast(&app, "North Star changed").await;
    app.wait_for_text(&star, NEW).await;
    let is = |want: &'static str| move |v: &Value| v["project"]["north_star"] == want;
    in_file(&app, &h, "the new North Star", is(NEW)).await;

    ctrl_z(&app, "North Star changed").await;
    app.wait_for_text(&star, NORTH_STAR).await;
    in_file(&app, &h, "the demo's North Star", is(NORTH_STAR)).await;
    app.screenshot("undone").await;

    ctrl_shift_z(&app, "North Star changed").await;
    app.wait_for_text(&star, NEW).await;
    in_file(&app, &h, "the new North Star again", is(NEW)).await;
    app.quit().await;
}

#[tokio::test]
async fn undo_a_goal_reading() {
    let mut h = Harness::new("undo_reading").await;
    let app = launch(&mut h).await;
    app.open_area("goals").await;
    let row = format!("{}[data-goal=\"{GOAL}\"]", tid("goal-row"));
    let points = |n: u8| format!("{row} {}[data-points=\"{n}\"]", tid("goal-sparkline"));
    app.wait_for(&points(2)).await;
    app.wait_for(&format!("{row} {}", tid("reading-input")))
        .await
        .send_keys(&format!("99.4{}", Key::Enter))
        .await
        .unwrap();
    toast(&app, "Reading added").await;
    app.wait_for(&points(3)).await;
    let readings =
        |n: usize| move |v: &Value| v["goals"][0]["readings"].as_array().map(Vec::len) == Some(n);
    in_file(&app, &h, "3 readings", readings(3)).await;

    ctrl_z(&app, "Reading added").await;
    app.wait_for(&points(2)).await;
    in_file(&app, &h, "2 readings", readings(2)).await;
    app.screenshot("undone").await;

    ctrl_shift_z(&app, "Reading added").await;
    app.wait_for(&points(3)).await;
    in_file(&app, &h, "3 readings again", readings(3)).await;
    app.quit().await;
}

#[tokio::test]
async fn undo_a_check_in() {
    let mut h = Harness::new("undo_check_in").await;
    let app = launch(&mut h).await;
    app.open_area("stakeholders").await;
    let card = format!("{}[data-name=\"{CS}\"]", tid("stakeholder-card"));
    let overdue = |yes: bool| format!("{card}[data-overdue=\"{yes}\"]");
    app.wait_for(&overdue(true)).await;
    app.wait_for_text(
        &format!("{card} {}", tid("stakeholder-last")),
        "10 days ago",
    )
    .await;
    click(&app, &format!("{card} {}", tid("check-in"))).await;
    toast(&app, "Check-in recorded").await;
    app.wait_for(&overdue(false)).await;
    app.wait_for_text(&format!("{card} {}", tid("stakeholder-last")), "today")
        .await;
    let check_ins = |n: usize, late: bool| {
        move |v: &Value| {
            v["stakeholders"].as_array().into_iter().flatten().any(|s| {
                s["name"] == CS
                    && s["overdue"] == late
                    && s["check_ins"].as_array().map(Vec::len) == Some(n)
            })
        }
    };
    in_file(&app, &h, "2 check-ins, not overdue", check_ins(2, false)).await;

    ctrl_z(&app, "Check-in recorded").await;
    app.wait_for(&overdue(true)).await;
    app.wait_for_text(
        &format!("{card} {}", tid("stakeholder-last")),
        "10 days ago",
    )
    .await;
    in_file(&app, &h, "1 check-in, overdue", check_ins(1, true)).await;
    app.screenshot("undone").await;

    ctrl_shift_z(&app, "Check-in recorded").await;
    app.wait_for(&overdue(false)).await;
    in_file(&app, &h, "2 check-ins again", check_ins(2, false)).await;
    app.quit().await;
}

/// The likelihood of the risk `title` in the file.
fn likelihood_is(title: &'static str, l: u8) -> impl Fn(&Value) -> bool {
    move |v: &Value| {
        v["risks"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["title"] == title && r["likelihood"] == l)
    }
}

#[tokio::test]
async fn undo_a_risk_likelihood() {
    let mut h = Harness::new("undo_likelihood").await;
    let app = launch(&mut h).await;
    let v = cli_json(&h.ws, &["show", DEMO_NAME, "--json"]);
    let id = v["risks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == SUPPORT_RISK)
        .expect("the demo's support risk")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.open_area("risks").await;
    let row = format!("{}[data-risk-id=\"{id}\"]", tid("risk-row"));
    let at = |l: u8| format!("{row}[data-likelihood=\"{l}\"]");
    app.wait_for(&at(4)).await;
    app.js(
        "document.querySelector(arguments[0]).focus()",
        vec![json!(row)],
    )
    .await;
    app.type_keys("l2").await;
    toast(&app, "Likelihood changed").await;
    app.wait_for(&at(2)).await;
    in_file(&app, &h, "likelihood 2", likelihood_is(SUPPORT_RISK, 2)).await;

    ctrl_z(&app, "Likelihood changed").await;
    app.wait_for(&at(4)).await;
    in_file(&app, &h, "likelihood 4", likelihood_is(SUPPORT_RISK, 4)).await;
    // The page was built again; the keyboard is back on the row it was on.
    app.wait_until("the focus back on the risk's row", || async {
        let on = app
            .js(
                "return document.activeElement.matches(arguments[0])",
                vec![json!(row)],
            )
            .await;
        (on == true).then_some(())
    })
    .await;
    app.screenshot("undone").await;

    ctrl_shift_z(&app, "Likelihood changed").await;
    app.wait_for(&at(2)).await;
    in_file(
        &app,
        &h,
        "likelihood 2 again",
        likelihood_is(SUPPORT_RISK, 2),
    )
    .await;
    app.quit().await;
}

#[tokio::test]
async fn undo_a_scan_row_readiness() {
    let mut h = Harness::new("undo_scan_row").await;
    let app = launch(&mut h).await;
    let v = cli_json(&h.ws, &["show", DEMO_NAME, "--json"]);
    let first = &v["compliance"]["scan"][0];
    let id = first["id"].as_str().unwrap().to_owned();
    let was = first["readiness"].as_str().unwrap().to_owned();
    let to = if was == "ready" { "missing" } else { "ready" };
    app.open_area("compliance").await;
    let row = format!("{}[data-id=\"{id}\"]", tid("scan-row"));
    let reads = |r: &str| format!("{row}[data-readiness=\"{r}\"]");
    app.wait_for(&reads(&was)).await;
    click(&app, &row).await;
    let select = app
        .wait_for(&format!(
            "{} {}",
            tid("scan-editor"),
            tid("scan-field-readiness")
        ))
        .await;
    app.set_value(&select, to).await;
    toast(&app, "Scan row changed").await;
    // Escape closes the editor and gives the focus back to the row.
    app.type_keys(&Key::Escape.to_string()).await;
    app.wait_for_count(&tid("scan-editor"), 0).await;
    app.wait_for(&reads(to)).await;
    let stored = |r: String| {
        let id = id.clone();
        move |v: &Value| {
            v["compliance"]["scan"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|s| s["id"] == id.as_str() && s["readiness"] == r.as_str())
        }
    };
    in_file(&app, &h, &format!("readiness {to}"), stored(to.into())).await;

    ctrl_z(&app, "Scan row changed").await;
    app.wait_for(&reads(&was)).await;
    in_file(&app, &h, &format!("readiness {was}"), stored(was.clone())).await;
    app.screenshot("undone").await;

    ctrl_shift_z(&app, "Scan row changed").await;
    app.wait_for(&reads(to)).await;
    in_file(&app, &h, "the new readiness again", stored(to.into())).await;
    app.quit().await;
}

#[tokio::test]
async fn undo_an_agenda_item_marked_reviewed() {
    let mut h = Harness::new("undo_reviewed").await;
    let app = launch(&mut h).await;
    app.open_area("agenda").await;
    let overdue = format!(
        "{}[data-bucket=\"overdue\"][data-kind=\"stakeholder_check_in\"]",
        tid("agenda-item")
    );
    // The same check-in once reviewed: due again later.
    let moved_on = format!(
        "{}[data-kind=\"stakeholder_check_in\"]:not([data-bucket=\"overdue\"])",
        tid("agenda-item")
    );
    app.wait_for_text(&overdue, &format!("Check in with {CS}"))
        .await;
    click(&app, &format!("{overdue} {}", tid("agenda-reviewed"))).await;
    click(&app, &tid("agenda-reviewed-confirm")).await;
    app.wait_for_text(&tid("agenda-status"), "Reviewed; next due")
        .await;
    toast(&app, "Marked reviewed").await;
    app.wait_for_text(&moved_on, CS).await;
    app.wait_for_count(&overdue, 0).await;
    let late = |yes: bool| {
        move |v: &Value| {
            let listed = v["agenda"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|i| i["kind"] == "stakeholder_check_in" && i["bucket"] == "overdue");
            listed == yes
        }
    };
    in_file(&app, &h, "no overdue check-in", late(false)).await;

    ctrl_z(&app, "Marked reviewed").await;
    app.wait_for_text(&overdue, &format!("Check in with {CS}"))
        .await;
    in_file(&app, &h, "the overdue check-in", late(true)).await;
    app.screenshot("undone").await;

    ctrl_shift_z(&app, "Marked reviewed").await;
    app.wait_for_text(&moved_on, CS).await;
    app.wait_for_count(&overdue, 0).await;
    in_file(&app, &h, "no overdue check-in again", late(false)).await;
    app.quit().await;
}
