//! Goals in the real window (issue 7): the demo goal with its readings and the header's leading
//! reading; a goal added with a numeric target, two readings (one back-dated), its status and
//! sparkline, and the leading metric moved onto it; a new project's empty Goals page, and a goal
//! text made of HTML shown as text.

use crate::harness::{App, Harness};
use crate::tid;
use fantoccini::key::Key;
use northstar_core::demo::DEMO_NAME;
use northstar_core::goals::{self, Direction};
use northstar_core::project;
use serde_json::json;

const DEMO_GOAL: &str = "Keep the onboarding API reliable during beta";

/// A goal row by its text.
fn row(goal: &str) -> String {
    format!("{}[data-goal=\"{goal}\"]", tid("goal-row"))
}

/// Something inside a goal's row.
fn in_row(goal: &str, id: &str) -> String {
    format!("{} {}", row(goal), tid(id))
}

/// Opens the demo project's Goals tab and waits for its one goal.
async fn demo_goals(app: &App) {
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.open_area("goals").await;
    app.wait_for_count(&tid("goal-row"), 1).await;
    app.wait_for(&row(DEMO_GOAL)).await;
}

async fn scroll_to(app: &App, css: &str) {
    let el = app.wait_for(css).await;
    app.js(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![json!(el)],
    )
    .await;
}

/// Adds a goal through the form, pressing Enter in the goal field.
async fn add_goal(app: &App, goal: &str, numbers: Option<(&str, &str, &str)>) {
    if let Some((target, unit, direction)) = numbers {
        let t = app.wait_for(&tid("add-goal-target")).await;
        t.send_keys(target).await.unwrap();
        app.wait_for(&tid("add-goal-unit"))
            .await
            .send_keys(unit)
            .await
            .unwrap();
        let d = app.wait_for(&tid("add-goal-direction")).await;
        app.set_value(&d, direction).await;
    }
    let input = app.wait_for(&tid("add-goal-input")).await;
    input
        .send_keys(&format!("{goal}{}", Key::Enter))
        .await
        .unwrap();
    app.wait_for(&row(goal)).await;
}

/// Types a reading into a goal's row and presses Enter.
async fn add_reading(app: &App, goal: &str, value: &str) {
    let input = app.wait_for(&in_row(goal, "reading-input")).await;
    input
        .send_keys(&format!("{value}{}", Key::Enter))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_goal_with_a_target_takes_readings_and_shows_its_status() {
    const GOAL: &str = "Cut onboarding p95 latency";
    let mut h = Harness::new("goal_readings").await;
    let app = h.launch().await;
    demo_goals(&app).await;

    // The demo: two readings, the latest below its target, tied to the leading metric.
    let demo = app.wait_for(&row(DEMO_GOAL)).await;
    assert_eq!(
        demo.attr("data-status").await.unwrap().as_deref(),
        Some("not_met")
    );
    app.wait_for_text(&in_row(DEMO_GOAL, "goal-status"), "not met")
        .await;
    app.wait_for_text(&in_row(DEMO_GOAL, "goal-latest"), "98.1% · target ≥ 99%")
        .await;
    app.wait_for(&format!(
        "{}[data-points=\"2\"]",
        in_row(DEMO_GOAL, "goal-sparkline")
    ))
    .await;
    app.wait_for_text(&in_row(DEMO_GOAL, "goal-since"), "2 days ago")
        .await;
    app.wait_for(&in_row(DEMO_GOAL, "leading-badge")).await;
    app.wait_for_text(
        &in_row(DEMO_GOAL, "goal-stakeholders"),
        "Customer success lead",
    )
    .await;
    app.wait_for_text(&tid("leading-reading"), "98.1%").await;
    app.wait_for_text(&tid("leading-reading"), "not met").await;
    app.screenshot("demo").await;

    // A new goal with numbers: lower is better, so 420 misses 400 and 380 meets it.
    add_goal(&app, GOAL, Some(("400", "ms", "lower"))).await;
    app.wait_for_text(&in_row(GOAL, "goal-status"), "no reading yet")
        .await;
    app.wait_for_text(&in_row(GOAL, "goal-latest"), "target ≤ 400 ms")
        .await;
    scroll_to(&app, &row(GOAL)).await;

    // The first reading back-dated three days through the date field, the second dated today.
    let date = app.wait_for(&in_row(GOAL, "reading-date")).await;
    let three_days_ago = app
        .js(
            "const d = new Date(); d.setDate(d.getDate() - 3);
             const p = (n) => String(n).padStart(2, '0');
             return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`",
            vec![],
        )
        .await;
    let three_days_ago = three_days_ago.as_str().unwrap().to_owned();
    app.set_value(&date, &three_days_ago).await;
    add_reading(&app, GOAL, "420").await;
    app.wait_for(&format!("{}[data-status=\"not_met\"]", row(GOAL)))
        .await;
    app.wait_for_text(&in_row(GOAL, "goal-status"), "not met")
        .await;
    app.wait_for_text(&in_row(GOAL, "goal-since"), "3 days ago")
        .await;
    add_reading(&app, GOAL, "380").await;
    app.wait_for(&format!("{}[data-status=\"met\"]", row(GOAL)))
        .await;
    let chip = app.wait_for(&in_row(GOAL, "goal-status")).await;
    assert_eq!(app.text(&chip).await, "met");
    app.wait_for(&format!(
        "{}[data-points=\"2\"]",
        in_row(GOAL, "goal-sparkline")
    ))
    .await;
    app.wait_for_text(&in_row(GOAL, "goal-latest"), "380 ms · target ≤ 400 ms")
        .await;
    app.wait_for_text(&in_row(GOAL, "goal-since"), "today")
        .await;
    let focused = app
        .js(
            "return document.activeElement?.dataset?.testid ?? null",
            vec![],
        )
        .await;
    assert_eq!(
        focused, "reading-input",
        "the field stays ready for the next reading"
    );
    app.wait_for_text(&tid("save-status"), "Saved").await;
    app.screenshot("readings").await;

    // The readings, newest first, in the row's disclosure.
    app.wait_for(&in_row(GOAL, "readings-toggle"))
        .await
        .click()
        .await
        .unwrap();
    let items = app
        .wait_for_count(&format!("{} {}", row(GOAL), tid("reading-item")), 2)
        .await;
    assert!(app.text(&items[0]).await.contains("380 ms"));
    assert!(app.text(&items[1]).await.contains(&three_days_ago));
    app.screenshot("reading-list").await;

    // Stakeholders from the canvas, picked with a checkbox; Escape closes the list.
    app.wait_for(&in_row(GOAL, "goal-stakeholders"))
        .await
        .click()
        .await
        .unwrap();
    let picker = format!("{} {}", row(GOAL), tid("stakeholder-picker"));
    app.wait_for_text(&format!("{picker} label"), "Compliance advisor")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text(&in_row(GOAL, "goal-stakeholders"), "Compliance advisor")
        .await;
    app.screenshot("picker").await;
    app.type_keys(&Key::Escape.to_string()).await;
    app.wait_until(
        "the list to close, the focus back on its button",
        || async {
            let focused = app
                .js(
                    "return document.activeElement?.dataset?.testid ?? null",
                    vec![],
                )
                .await;
            (app.count(&picker).await == 0 && focused == "goal-stakeholders").then_some(())
        },
    )
    .await;

    // The leading metric moves onto the new goal; the header follows.
    app.wait_for(&in_row(GOAL, "use-as-leading"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&in_row(GOAL, "leading-badge")).await;
    app.wait_for_text(&tid("leading-reading"), "380 ms · target ≤ 400 ms")
        .await;
    assert_eq!(app.count(&in_row(DEMO_GOAL, "leading-badge")).await, 0);
    app.js("document.querySelector('main').scrollTo(0, 0)", vec![])
        .await;
    app.screenshot("leading").await;
    app.quit().await;

    // What the window wrote, read back through the core.
    let s = h.ws.store();
    let demo_project = project::list(s.conn())
        .unwrap()
        .into_iter()
        .find(|p| p.name == DEMO_NAME)
        .unwrap();
    let all = goals::list_goals(s.conn(), &demo_project.id, s.clock().today()).unwrap();
    let g = all
        .iter()
        .find(|g| g.goal == GOAL)
        .expect("the goal was stored");
    assert_eq!(
        (g.target, g.unit.as_str(), g.direction),
        (Some(400.0), "ms", Direction::Lower)
    );
    let readings: Vec<(&str, f64)> = g
        .readings
        .iter()
        .map(|r| (r.date.as_str(), r.value))
        .collect();
    assert_eq!(
        readings,
        [
            (three_days_ago.as_str(), 420.0),
            (s.clock().today().to_string().as_str(), 380.0)
        ]
    );
    assert_eq!(g.status, goals::MetricStatus::Met);
    assert_eq!(g.stakeholders.len(), 1, "one stakeholder linked");
    assert_eq!(demo_project.leading_goal_id.as_deref(), Some(g.id.as_str()));
}

#[tokio::test]
async fn a_new_project_starts_empty_and_a_goal_made_of_html_is_shown_as_text() {
    const PROJECT: &str = "Goals from scratch";
    const GOAL: &str = "<script>alert(1)</script>";
    let mut h = Harness::new("goal_html").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.press_ctrl('n').await;
    app.wait_for(&tid("project-name-input"))
        .await
        .send_keys(&format!("{PROJECT}{}", Key::Enter))
        .await
        .unwrap();
    app.wait_for_text(&tid("project-title"), PROJECT).await;
    app.open_area("goals").await;
    app.wait_for_text(&tid("goals-empty"), "No goals yet.")
        .await;
    assert_eq!(
        app.count(&tid("leading-reading")).await,
        0,
        "no goal is tied to the leading metric"
    );
    app.screenshot("empty").await;

    let scripts_before = app
        .js("return document.querySelectorAll('script').length", vec![])
        .await;
    add_goal(&app, GOAL, None).await;
    // Waits for the text first: the row arrives with the core's answer.
    let text = app.wait_for_text(&in_row(GOAL, "goal-text"), GOAL).await;
    assert_eq!(app.text(&text).await, GOAL);
    assert_eq!(app.count(&tid("goals-empty")).await, 0);
    let probe = app
        .js(
            "return {
               scripts: document.querySelectorAll('script').length,
               inRows: document.querySelectorAll('[data-testid=\"goal-row\"] script').length,
             }",
            vec![],
        )
        .await;
    assert_eq!(
        probe["scripts"], scripts_before,
        "a <script> element was created: {probe}"
    );
    assert_eq!(probe["inRows"], 0, "{probe}");
    // A goal without numbers shows its metric as words only, and the way to add a target.
    assert_eq!(app.count(&in_row(GOAL, "goal-status")).await, 0);
    app.wait_for_text(&in_row(GOAL, "add-numbers"), "Add a numeric target")
        .await;
    assert!(
        app.client().get_alert_text().await.is_err(),
        "an alert is open: the goal ran as HTML"
    );
    app.screenshot("html-goal").await;
    app.quit().await;

    let s = h.ws.store();
    let p = project::list(s.conn())
        .unwrap()
        .into_iter()
        .find(|p| p.name == PROJECT)
        .unwrap();
    let all = goals::list_goals(s.conn(), &p.id, s.clock().today()).unwrap();
    assert_eq!(
        all.iter().map(|g| g.goal.as_str()).collect::<Vec<_>>(),
        [GOAL],
        "stored as typed"
    );
}
