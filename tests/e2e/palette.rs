//! The command palette and the Overview's briefing in the real window (issue 12): Ctrl+K finds a
//! risk by a fragment of its title and opens it on the Risks page; it runs the actions the page
//! offers (record an assessment, back up now) through the buttons' own handlers; the Overview
//! shows the demo's headline, a top risk and a regulation's readiness, and a row opens its page.

use crate::harness::{App, Harness};
use crate::tid;
use fantoccini::key::Key;
use northstar_core::demo::DEMO_NAME;
use serde_json::json;

/// Opens the palette with Ctrl+K and types `text` into it.
async fn palette(app: &App, text: &str) {
    app.press_ctrl('k').await;
    app.wait_for(&tid("palette-input")).await;
    let focused = app
        .js(
            "return document.activeElement?.dataset.testid ?? ''",
            vec![],
        )
        .await;
    assert_eq!(
        focused,
        json!("palette-input"),
        "the palette takes the focus"
    );
    app.type_keys(text).await;
}

/// The key of the active option once it is `key` (the results follow the keystrokes).
async fn wait_active(app: &App, key: &str) {
    let css = format!("[role=\"option\"][aria-selected=\"true\"][data-key=\"{key}\"]");
    app.wait_for(&css).await;
}

#[tokio::test]
async fn palette_finds_an_item_by_a_fragment_and_runs_an_action() {
    let mut h = Harness::new("palette").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.open_area("scorecard").await;
    app.wait_for(&tid("pillar-row")).await;

    // A fragment of a risk's title, in another case: the risk, with its project named.
    palette(&app, "SPIKES traf").await;
    let option = app
        .wait_for_text(
            "[role=\"option\"][data-kind=\"risk\"]",
            "An integration spikes traffic unexpectedly",
        )
        .await;
    let text = app.text(&option).await;
    assert!(text.contains(DEMO_NAME), "the project is named: {text}");
    let risk_key = option
        .attr("data-key")
        .await
        .unwrap()
        .expect("the option's key");
    wait_active(&app, &risk_key).await;
    app.screenshot("palette-open").await;
    app.type_keys(&Key::Enter.to_string()).await;

    // The Risks page, on that risk, its editor open.
    assert_eq!(app.count(&tid("palette")).await, 0, "the palette closed");
    let risk_id = risk_key.trim_start_matches("risk:");
    app.wait_for(&format!(
        "{}[data-risk-id=\"{risk_id}\"]",
        tid("risk-editor")
    ))
    .await;
    let selected = app
        .js(
            "return document.querySelector('[role=tab][aria-selected=true]')?.dataset.area",
            vec![],
        )
        .await;
    assert_eq!(selected, json!("risks"));

    // A page by name, then an action that page offers: the Scorecard's "Record assessment" opens
    // its form, focused on the label, as the button does.
    palette(&app, "scorec").await;
    wait_active(&app, "page:scorecard").await;
    app.type_keys(&Key::Enter.to_string()).await;
    app.wait_for(&tid("pillar-row")).await;
    palette(&app, "record").await;
    wait_active(&app, "action:record-assessment").await;
    app.type_keys(&Key::Enter.to_string()).await;
    app.wait_for(&tid("assessment-label")).await;
    let focused = app
        .js(
            "return document.activeElement?.dataset.testid ?? ''",
            vec![],
        )
        .await;
    assert_eq!(focused, json!("assessment-label"));
    app.type_keys(&format!("From the palette{}", Key::Enter))
        .await;
    app.wait_for(&format!(
        "{}[data-label=\"From the palette\"]",
        tid("assessment-item")
    ))
    .await;

    // One of the window's own actions: the backup is taken, as the dialog's button takes it.
    palette(&app, "back up").await;
    wait_active(&app, "action:back-up").await;
    app.type_keys(&Key::Enter.to_string()).await;
    app.wait_for_text(&tid("backup-status"), "Backed up: 1 project")
        .await;

    // Nothing found says so; Escape closes and gives the focus back.
    app.type_keys(&Key::Escape.to_string()).await;
    palette(&app, "zqxj").await;
    app.wait_for_text(&tid("palette-status"), "Nothing matches")
        .await;
    app.type_keys(&Key::Escape.to_string()).await;
    assert_eq!(app.count(&tid("palette")).await, 0);
    app.quit().await;
}

#[tokio::test]
async fn the_overview_is_the_one_pager_on_screen() {
    let mut h = Harness::new("overview").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.open_area("overview").await;
    app.wait_for(&tid("briefing")).await;

    // The same headline, top risk and readiness the PDF prints for the demo.
    app.wait_for_text(&tid("headline-at-target"), "0 of 12 pillars at target")
        .await;
    app.wait_for_text(&tid("briefing-risk"), "An integration spikes traffic")
        .await;
    let gdpr = app
        .wait_for(&format!(
            "{}[data-code=\"GDPR\"][data-worst=\"partial\"]",
            tid("briefing-regulation")
        ))
        .await;
    assert!(app.text(&gdpr).await.contains("Partial"));
    assert_eq!(
        app.count(&format!(
            "{}[data-worst=\"missing\"]",
            tid("briefing-regulation")
        ))
        .await,
        2,
        "PCI DSS and HIPAA are missing"
    );
    assert!(app.count(&tid("briefing-goal")).await >= 1);
    assert!(app.count(&tid("briefing-date")).await >= 1);
    // The project's own fields and the archive and delete buttons stay, below.
    app.wait_for(&tid("delete-project")).await;
    app.screenshot("overview").await;

    // A regulation opens the Compliance page on its card.
    gdpr.click().await.unwrap();
    app.wait_for(&tid("compliance-scan")).await;
    app.wait_until("the GDPR card to take the focus", || async {
        let id = app
            .js(
                "return document.activeElement?.dataset.regulationId ?? null",
                vec![],
            )
            .await;
        (id == json!("builtin-gdpr")).then_some(())
    })
    .await;

    // A top risk opens its row on the Risks page.
    app.open_area("overview").await;
    let risk = app
        .wait_for_text(&tid("briefing-risk"), "An integration spikes traffic")
        .await;
    let id = risk.attr("data-risk-id").await.unwrap().expect("risk id");
    risk.click().await.unwrap();
    app.wait_for(&format!("{}[data-risk-id=\"{id}\"]", tid("risk-editor")))
        .await;
    app.quit().await;
}
