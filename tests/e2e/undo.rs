//! Issue 12 in the window: an edit shows "Score changed · Undo", Ctrl+Z puts the score back (in
//! the file too) and says so, Ctrl+Shift+Z makes it again; a goal removed from its page is listed
//! in the Trash with what it took and comes back whole with Restore.

use crate::harness::{App, Harness};
use crate::scorecard::wait_saved;
use crate::tid;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use northstar_core::demo::DEMO_NAME;
use northstar_tests::cli_json;
use serde_json::json;

fn row(name: &str) -> String {
    format!("{}[data-pillar-name=\"{name}\"]", tid("pillar-row"))
}

async fn focus(app: &App, css: &str) {
    let el = app.wait_for(css).await;
    let focused = app
        .js(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();
             return document.activeElement === arguments[0]",
            vec![serde_json::to_value(&el).unwrap()],
        )
        .await;
    assert_eq!(focused, true, "{css} did not take focus");
}

/// Ctrl+Shift+`key`, on whatever has focus.
pub(crate) async fn press_ctrl_shift(app: &App, key: char) {
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down {
            value: Key::Control.into(),
        })
        .then(KeyAction::Down {
            value: Key::Shift.into(),
        })
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key })
        .then(KeyAction::Up {
            value: Key::Shift.into(),
        })
        .then(KeyAction::Up {
            value: Key::Control.into(),
        });
    app.client()
        .perform_actions(keys)
        .await
        .expect("press keys");
    app.client().release_actions().await.expect("release keys");
}

#[tokio::test]
async fn ctrl_z_puts_a_score_back_and_the_trash_brings_a_goal_back() {
    let mut h = Harness::new("undo").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.wait_for_count(&tid("pillar-row"), 12).await;
    let security = format!("{} {}", row("Security"), tid("pillar-score"));
    app.wait_for_text(&security, "1 · Nonexistent").await;

    focus(&app, &row("Security")).await;
    app.type_keys("4").await;
    app.wait_for_text(&security, "4 · Mature").await;
    app.wait_for_text(&tid("undo-toast-message"), "Score changed")
        .await;
    app.wait_for_text(&tid("undo-toast-action"), "Undo").await;
    wait_saved(&app, &h, "Security", Some(4)).await;
    app.screenshot("toast-after-edit").await;

    // Ctrl+Z on the page (not in a text field): the score comes back, on screen and in the file.
    focus(&app, &row("Security")).await;
    app.press_ctrl('z').await;
    app.wait_for_text(
        &tid("undo-toast-message"),
        &format!("Undid: Score changed · {DEMO_NAME}"),
    )
    .await;
    app.wait_for_text(&tid("undo-toast-action"), "Redo").await;
    app.wait_for_text(&security, "1 · Nonexistent").await;
    wait_saved(&app, &h, "Security", Some(1)).await;
    app.screenshot("toast-after-undo").await;

    // Ctrl+Shift+Z makes it again.
    press_ctrl_shift(&app, 'z').await;
    app.wait_for_text(
        &tid("undo-toast-message"),
        &format!("Redid: Score changed · {DEMO_NAME}"),
    )
    .await;
    app.wait_for_text(&security, "4 · Mature").await;
    wait_saved(&app, &h, "Security", Some(4)).await;

    // A goal removed on its page goes to the Trash, with its readings, and comes back whole.
    app.open_area("goals").await;
    let goal = app.wait_for(&tid("goal-row")).await;
    let text = goal.attr("data-goal").await.unwrap().unwrap();
    app.wait_for(&format!("{} {}", tid("goal-row"), tid("remove-goal")))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&tid("confirm-delete"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_count(&tid("goal-row"), 0).await;
    app.wait_for_text(&tid("undo-toast-message"), "Goal removed")
        .await;

    app.wait_for(&tid("open-trash"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&tid("trash-dialog")).await;
    app.wait_for_text(&tid("trash-entry-name"), &text).await;
    let listed = app.text(&app.wait_for(&tid("trash-entry")).await).await;
    assert!(listed.starts_with("Goal"), "{listed}");
    assert!(listed.contains(DEMO_NAME), "{listed}");
    assert!(listed.contains("reading"), "what it took: {listed}");
    app.screenshot("trash").await;
    app.wait_for(&tid("trash-restore"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&tid("trash-empty-state")).await;
    app.wait_for_text(
        &tid("undo-toast-message"),
        &format!("Restored goal “{text}” · {DEMO_NAME}"),
    )
    .await;
    app.type_keys(&Key::Escape.to_string()).await;
    app.wait_for_count(&tid("goal-row"), 1).await;
    let v = cli_json(&h.ws, &["show", DEMO_NAME, "--json"]);
    assert_eq!(v["goals"][0]["goal"], json!(text));
    app.quit().await;
}
