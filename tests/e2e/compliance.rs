//! Compliance in the real window (issue 9): on a new project, answer the trigger questions,
//! accept the proposed GDPR, add a scan row marked Partial, record a review; relaunch and all
//! of it is there, the summary strip reading Partial for GDPR.

use crate::harness::{App, Harness};
use crate::tid;
use northstar_core::project::{self, NewProject};

/// Sorts before the demo, so it is the project open at launch.
const NAME: &str = "Checkout beta";

fn regulation(code: &str) -> String {
    format!("{}[data-code=\"{code}\"]", tid("regulation"))
}

/// Clicks one of the page's views (Scan, Notes, History), scrolled into the middle first: the
/// project's tab bar is sticky and would take a click on a button scrolled under it.
async fn view(app: &App, name: &str) {
    let el = app.wait_for(&tid(&format!("compliance-view-{name}"))).await;
    app.js(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![serde_json::json!(el)],
    )
    .await;
    el.click().await.unwrap();
}

async fn open_compliance(app: &App) {
    app.wait_for_text(&tid("project-title"), NAME).await;
    app.open_area("compliance").await;
    app.wait_for(&tid("compliance-page")).await;
    app.wait_for(&tid("compliance-disclaimer")).await;
}

#[tokio::test]
async fn questions_gdpr_a_partial_row_and_a_review_survive_a_relaunch() {
    let mut h = Harness::new("compliance").await;
    {
        let mut s = h.ws.store();
        project::create(
            &mut s,
            NewProject {
                name: NAME.into(),
                ..Default::default()
            },
        )
        .expect("create the project");
    }
    let app = h.launch().await;
    open_compliance(&app).await;
    view(&app, "scan").await;

    // EU residents' personal data and payments: GDPR and PCI DSS are proposed, nothing else.
    app.wait_for(&tid("q-data-eu_personal"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&tid("q-payments-yes"))
        .await
        .click()
        .await
        .unwrap();
    let industry = app.wait_for(&tid("q-industry")).await;
    app.set_value(&industry, "none").await;
    app.wait_for(&format!("{}[data-status=\"proposed\"]", regulation("GDPR")))
        .await;
    app.wait_for(&format!(
        "{}[data-status=\"proposed\"]",
        regulation("PCI DSS")
    ))
    .await;
    assert_eq!(
        app.count(&regulation("HIPAA")).await,
        0,
        "HIPAA is not proposed"
    );
    app.wait_for(&format!(
        "{} {}",
        regulation("GDPR"),
        tid("regulation-accept")
    ))
    .await
    .click()
    .await
    .unwrap();
    app.wait_for(&format!("{}[data-status=\"accepted\"]", regulation("GDPR")))
        .await;
    app.screenshot("questions").await;

    // A scan row under GDPR, marked Partial.
    app.wait_for(&tid("scan-add-area"))
        .await
        .send_keys("User accounts (EU residents)")
        .await
        .unwrap();
    let reg = app.wait_for(&tid("scan-add-regulation")).await;
    app.set_value(&reg, "builtin-gdpr").await;
    let readiness = app.wait_for(&tid("scan-add-readiness")).await;
    app.set_value(&readiness, "partial").await;
    app.wait_for(&tid("scan-add-submit"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&format!("{}[data-readiness=\"partial\"]", tid("scan-row")))
        .await;
    let gdpr = format!("{}[data-code=\"GDPR\"]", tid("summary-item"));
    app.wait_for_text(&gdpr, "Partial").await;
    app.screenshot("scan").await;

    // A review in the history view.
    view(&app, "history").await;
    app.wait_for(&tid("review-reviewer"))
        .await
        .send_keys("Ana")
        .await
        .unwrap();
    app.wait_for(&tid("review-findings"))
        .await
        .send_keys("Logged the GDPR trigger; DPA to sign.")
        .await
        .unwrap();
    app.wait_for(&tid("review-submit"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text(&tid("review-entry"), "Logged the GDPR trigger")
        .await;
    app.screenshot("history").await;
    app.quit().await;

    // Relaunch: everything is still there.
    let app = h.launch().await;
    open_compliance(&app).await;
    view(&app, "scan").await;
    app.wait_for(&format!("{}[data-status=\"accepted\"]", regulation("GDPR")))
        .await;
    app.wait_for_text(&gdpr, "Partial").await;
    app.wait_for(&format!("{}[data-worst=\"partial\"]", gdpr))
        .await;
    app.wait_for_count(&tid("scan-row"), 1).await;
    let eu = app.wait_for(&tid("q-data-eu_personal")).await;
    assert!(eu.is_selected().await.unwrap(), "the answer is kept");
    let yes = app.wait_for(&tid("q-payments-yes")).await;
    assert!(yes.is_selected().await.unwrap());
    view(&app, "history").await;
    app.wait_for_count(&tid("review-entry"), 1).await;
    view(&app, "notes").await;
    let last = app
        .text(&app.wait_for(&tid("snapshot-last-reviewed")).await)
        .await;
    assert!(
        !last.is_empty() && !last.contains("Never"),
        "last reviewed is set: {last}"
    );
    app.wait_for_count(&tid("control"), 4).await;
    app.screenshot("notes").await;
    app.quit().await;
}
