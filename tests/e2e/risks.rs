//! The risk register in the real window (issue 8): a risk added lights its heat-map cell, the
//! cell filters the list to it alone, the keyboard moves its likelihood and the row says which
//! band it was, closing it with a note takes it off the map and the default list while search
//! still finds it; and a goal's linked risk opens the Risks page on that risk.

use crate::harness::{App, Harness};
use crate::tid;
use fantoccini::key::Key;
use northstar_core::demo::DEMO_NAME;
use northstar_core::{project, risks};
use serde_json::json;

const TITLE: &str = "Vendor outage takes sign-up down";
const SPIKE: &str = "An integration spikes traffic unexpectedly";

fn cell(l: u8, i: u8) -> String {
    format!(
        "{}[data-likelihood=\"{l}\"][data-impact=\"{i}\"]",
        tid("heat-cell")
    )
}

fn cell_count(l: u8, i: u8, n: u32) -> String {
    format!("{}[data-count=\"{n}\"]", cell(l, i))
}

/// The row of a risk by its id.
fn row(id: &str) -> String {
    format!("{}[data-risk-id=\"{id}\"]", tid("risk-row"))
}

async fn focused_testid(app: &App) -> serde_json::Value {
    app.js(
        "return document.activeElement?.dataset?.testid ?? null",
        vec![],
    )
    .await
}

/// The risk's row as the database has it, read by the test through the core.
fn stored(h: &Harness, title: &str) -> risks::Risk {
    let s = h.ws.store();
    let p = project::find(s.conn(), DEMO_NAME).unwrap();
    let q = risks::RiskQuery {
        status: risks::StatusFilter::All,
        ..Default::default()
    };
    risks::all_risks(s.conn(), &p.id, &q, s.clock().today())
        .unwrap()
        .into_iter()
        .find(|r| r.title == title)
        .unwrap_or_else(|| panic!("no risk “{title}” in the file"))
}

#[tokio::test]
async fn a_risk_lights_its_cell_filters_to_it_and_stays_searchable_when_closed() {
    let mut h = Harness::new("risks").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.open_area("risks").await;
    app.wait_for_count(&tid("risk-row"), 3).await;
    app.wait_for_count(&tid("heat-cell"), 25).await;
    app.wait_for(&cell_count(3, 4, 1)).await;
    app.wait_for(&cell_count(5, 5, 0)).await;
    app.wait_for_text(&tid("risk-total"), "3 risks").await;
    app.screenshot("demo").await;

    // Add a critical risk (5 × 5) through the form: its cell counts it.
    let title = app.wait_for(&tid("risk-add-title")).await;
    title.send_keys(TITLE).await.unwrap();
    let l = app.wait_for(&tid("risk-add-likelihood")).await;
    app.set_value(&l, "5").await;
    let i = app.wait_for(&tid("risk-add-impact")).await;
    app.set_value(&i, "5").await;
    app.wait_for(&tid("risk-add-submit"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&cell_count(5, 5, 1)).await;
    app.wait_for_text(&tid("risk-total"), "4 risks").await;
    let id = stored(&h, TITLE).id;
    assert_eq!(stored(&h, TITLE).severity, 25);
    app.wait_for_text(
        &format!("{} {}", row(&id), tid("risk-row-band")),
        "critical",
    )
    .await;

    // Its cell filters the list to it alone, shown as a chip that clears.
    app.wait_for(&cell(5, 5)).await.click().await.unwrap();
    app.wait_for_count(&tid("risk-row"), 1).await;
    app.wait_for_text(&tid("risk-row-title"), TITLE).await;
    app.wait_for_text(&tid("risk-cell-chip"), "Likelihood 5")
        .await;
    app.screenshot("cell").await;
    app.wait_for(&tid("risk-cell-chip"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_count(&tid("risk-row"), 4).await;

    // Keyboard: L then 2 on the focused row; the row says the band it left.
    app.js(
        "document.querySelector(arguments[0]).focus()",
        vec![json!(row(&id))],
    )
    .await;
    app.type_keys("l2").await;
    app.wait_for(&format!("{}[data-likelihood=\"2\"]", row(&id)))
        .await;
    app.wait_for_text(
        &format!("{} {}", row(&id), tid("risk-row-was")),
        "was critical, now high",
    )
    .await;
    app.wait_for(&cell_count(2, 5, 1)).await;
    app.wait_for(&cell_count(5, 5, 0)).await;
    assert_eq!(
        stored(&h, TITLE).likelihood,
        2,
        "the key press reached the file"
    );

    // Enter opens the editor; closing asks for a note, then the risk leaves map and list.
    app.js(
        "document.querySelector(arguments[0]).focus()",
        vec![json!(row(&id))],
    )
    .await;
    app.type_keys(&Key::Enter.to_string()).await;
    app.wait_for(&format!("{}[data-risk-id=\"{id}\"]", tid("risk-editor")))
        .await;
    app.wait_for(&tid("risk-close"))
        .await
        .click()
        .await
        .unwrap();
    let note = app.wait_for(&tid("risk-close-note")).await;
    assert_eq!(focused_testid(&app).await, "risk-close-note");
    app.wait_for(&tid("risk-close-confirm"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&tid("field-error")).await;
    note.send_keys("The vendor added a second region.")
        .await
        .unwrap();
    app.wait_for(&tid("risk-close-confirm"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_count(&tid("risk-row"), 3).await;
    app.wait_for(&cell_count(2, 5, 0)).await;
    app.wait_for_text(&tid("risk-total"), "3 risks").await;
    let closed = stored(&h, TITLE);
    assert_eq!(closed.status, risks::RiskStatus::Closed);
    assert_eq!(closed.closing_note, "The vendor added a second region.");

    // Search still finds it, closed, and words from the mitigation of another.
    let search = app.wait_for(&tid("risk-search")).await;
    search.send_keys("vendor outage").await.unwrap();
    app.wait_for_count(&tid("risk-row"), 1).await;
    app.wait_for(&format!("{}[data-status=\"closed\"]", row(&id)))
        .await;
    app.screenshot("search-closed").await;
    search.clear().await.unwrap();
    search.send_keys("RATE LIMITS").await.unwrap();
    app.wait_for_text(&tid("risk-row-title"), SPIKE).await;
    app.wait_for_count(&tid("risk-row"), 1).await;
    app.quit().await;
}

#[tokio::test]
async fn a_goals_linked_risk_opens_the_risks_page_on_it() {
    let mut h = Harness::new("risk_links").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.open_area("goals").await;
    let spike = stored(&h, SPIKE).id;
    let link = format!("{}[data-risk-id=\"{spike}\"]", tid("goal-risk-link"));
    app.wait_for_text(&link, SPIKE).await;
    app.wait_for_text(&tid("goal-risk-band"), "high").await;
    app.screenshot("goal-links").await;
    app.wait_for(&link).await.click().await.unwrap();
    app.wait_for(&format!("{}[data-risk-id=\"{spike}\"]", tid("risk-editor")))
        .await;
    app.wait_for(&format!("{}[aria-selected=\"true\"]", tid("tab-risks")))
        .await;
    app.screenshot("opened-from-goal").await;

    // The stakeholder canvas lists the open risks naming the customer success lead.
    app.open_area("stakeholders").await;
    app.wait_for_text(&tid("stakeholder-risk"), SPIKE).await;
    app.quit().await;
}
