//! Issue 3 in the window: scoring from the keyboard (and it surviving a relaunch), recording an
//! assessment and seeing it in the history and the trend, and an over-long pillar name refused.

use crate::harness::{App, Harness};
use crate::tid;
use fantoccini::elements::Element;
use fantoccini::Locator;
use northstar_core::demo::DEMO_NAME;
use northstar_tests::cli_json;
use serde_json::json;

fn row(name: &str) -> String {
    format!("{}[data-pillar-name=\"{name}\"]", tid("pillar-row"))
}

/// Waits for the demo's scorecard (open by default on the demo project).
async fn demo_scorecard(app: &App) {
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.wait_for(&tid("tab-scorecard")).await;
    app.wait_for_count(&tid("pillar-row"), 12).await;
}

/// Focuses a pillar row itself (not a field inside it), as Tab or a click on its edge does.
async fn focus_row(app: &App, name: &str) -> Element {
    let el = app.wait_for(&row(name)).await;
    let focused = app
        .js(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();
             return document.activeElement === arguments[0]",
            vec![serde_json::to_value(&el).unwrap()],
        )
        .await;
    assert_eq!(focused, true, "the {name} row did not take focus");
    el
}

async fn score_of(app: &App, name: &str) -> String {
    let el = app
        .wait_for(&format!("{} {}", row(name), tid("pillar-score")))
        .await;
    app.text(&el).await
}

/// Waits until the workspace holds `score` for `pillar`, read through the CLI while the window
/// is open. (The page shows a new score before the save finishes, so what is on screen does
/// not prove the write landed.)
pub(crate) async fn wait_saved(app: &App, h: &Harness, pillar: &str, score: Option<u8>) {
    let want = json!(score);
    app.wait_until(
        &format!("{pillar} = {want} to be saved in the workspace"),
        || async {
            let v = cli_json(&h.ws, &["show", DEMO_NAME, "--json"]);
            let saved = v["pillars"]
                .as_array()?
                .iter()
                .find(|p| p["name"] == pillar)?["score"]
                .clone();
            (saved == want).then_some(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_score_typed_on_a_focused_row_persists_across_a_relaunch() {
    let mut h = Harness::new("score_keyboard").await;
    let app = h.launch().await;
    demo_scorecard(&app).await;
    assert_eq!(score_of(&app, "Security").await, "1 · Nonexistent");
    app.wait_for_text(&tid("headline-overall"), "2.0").await;
    app.wait_for_text(&tid("headline-at-target"), "0 of 12 pillars at target")
        .await;

    focus_row(&app, "Security").await;
    app.type_keys("4").await;
    app.wait_for_text(
        &format!("{} {}", row("Security"), tid("pillar-score")),
        "4 · Mature",
    )
    .await;
    // Scores 2, 4, 1, 2, 3, 3 of 12 pillars: 15 / 6 = 2.5; Security is now at its target.
    app.wait_for_text(&tid("headline-overall"), "2.5").await;
    app.wait_for_text(&tid("headline-at-target"), "1 of 12 pillars at target")
        .await;
    app.wait_for_text(&tid("save-status"), "Saved").await;
    wait_saved(&app, &h, "Security", Some(4)).await;
    let status = app
        .wait_for(&row("Security"))
        .await
        .attr("data-status")
        .await
        .unwrap();
    assert_eq!(status.as_deref(), Some("on_target"));

    // 0 clears a score, on another row, with the keyboard only (ArrowDown from Security).
    app.type_keys(&fantoccini::key::Key::Down.to_string()).await;
    let on_observability = app
        .js(
            "return document.activeElement?.dataset?.pillarName ?? null",
            vec![],
        )
        .await;
    assert_eq!(
        on_observability, "Observability",
        "ArrowDown moves to the next row"
    );
    app.type_keys("0").await;
    app.wait_for_text(
        &format!("{} {}", row("Observability"), tid("pillar-score")),
        "Not scored",
    )
    .await;
    // 2, 4, 2, 3, 3 of the rest: 14 / 5 = 2.8.
    app.wait_for_text(&tid("headline-overall"), "2.8").await;
    wait_saved(&app, &h, "Observability", None).await;
    app.quit().await;

    let v = cli_json(&h.ws, &["show", DEMO_NAME, "--json"]);
    let pillar = |n: &str| {
        v["pillars"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(
        pillar("Security")["score"],
        4,
        "the score was written to the workspace"
    );
    assert_eq!(pillar("Observability")["score"], serde_json::Value::Null);
    assert_eq!(
        (
            &v["headline"]["overall"],
            &v["headline"]["at_target"],
            &v["headline"]["total"]
        ),
        (&json!(2.8), &json!(1), &json!(12)),
        "the headline follows the saved scores"
    );

    let app = h.launch().await;
    demo_scorecard(&app).await;
    assert_eq!(score_of(&app, "Security").await, "4 · Mature");
    assert_eq!(score_of(&app, "Observability").await, "Not scored");
    app.wait_for_text(&tid("headline-overall"), "2.8").await;
    app.wait_for_text(&tid("headline-at-target"), "1 of 12 pillars at target")
        .await;
    app.quit().await;
}

#[tokio::test]
async fn a_recorded_assessment_shows_in_the_history_and_the_trend() {
    const LABEL: &str = "v0.3 pass";
    let mut h = Harness::new("record_assessment").await;
    let app = h.launch().await;
    demo_scorecard(&app).await;
    app.wait_for_count(&tid("assessment-item"), 2).await;
    let chart = app.wait_for(&tid("trend-chart")).await;
    assert_eq!(
        chart.attr("data-points").await.unwrap().as_deref(),
        Some("2")
    );

    app.wait_for(&tid("record-assessment"))
        .await
        .click()
        .await
        .unwrap();
    let label = app.wait_for(&tid("assessment-label")).await;
    let date = app.wait_for(&tid("assessment-date")).await;
    let today = date.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(
        today.len(),
        10,
        "the date is pre-filled as YYYY-MM-DD: {today:?}"
    );
    label.send_keys(LABEL).await.unwrap();
    app.wait_for(&tid("assessment-submit"))
        .await
        .click()
        .await
        .unwrap();

    let items = app.wait_for_count(&tid("assessment-item"), 3).await;
    assert_eq!(
        items[0].attr("data-label").await.unwrap().as_deref(),
        Some(LABEL),
        "the history lists the newest first"
    );
    let chart = app
        .wait_until("the trend chart to draw three assessments", || async {
            let chart = app
                .client()
                .find(Locator::Css(&tid("trend-chart")))
                .await
                .ok()?;
            (chart.attr("data-points").await.ok()?.as_deref() == Some("3")).then_some(chart)
        })
        .await;
    let labels = app
        .js(
            "return Array.from(arguments[0].querySelectorAll('text.xlabel')).map(t => t.textContent)",
            vec![serde_json::to_value(&chart).unwrap()],
        )
        .await;
    assert!(
        labels.as_array().unwrap().iter().any(|l| l == LABEL),
        "the trend's axis names the new assessment: {labels}"
    );
    let dots = chart.find_all(Locator::Css("circle.dot")).await.unwrap();
    assert_eq!(dots.len(), 3, "one overall point per assessment");
    app.js(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![serde_json::to_value(&chart).unwrap()],
    )
    .await;
    app.screenshot("trend").await;
    app.quit().await;

    let v = cli_json(&h.ws, &["show", DEMO_NAME, "--json"]);
    let a = v["assessments"].as_array().unwrap();
    assert_eq!(a.len(), 3, "{v}");
    let recorded = a
        .iter()
        .find(|x| x["label"] == LABEL)
        .expect("the assessment was stored");
    assert_eq!(recorded["date"], today.as_str());
    assert_eq!(
        recorded["scores"].as_array().unwrap().len(),
        12,
        "every pillar frozen"
    );
}

#[tokio::test]
async fn a_pillar_name_of_10000_characters_is_refused_with_a_message() {
    let mut h = Harness::new("long_pillar_name").await;
    let app = h.launch().await;
    demo_scorecard(&app).await;
    let input = app.wait_for(&tid("add-pillar-name")).await;
    // Typing 10,000 keys through WebDriver takes minutes; a paste is one input event.
    let long = "x".repeat(10_000);
    app.js(
        "const el = arguments[0]; el.focus(); el.value = arguments[1];
         el.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![serde_json::to_value(&input).unwrap(), json!(long)],
    )
    .await;
    assert_eq!(
        input
            .prop("value")
            .await
            .unwrap()
            .map(|v| v.chars().count()),
        Some(10_000)
    );
    app.wait_for(&tid("add-pillar-submit"))
        .await
        .click()
        .await
        .unwrap();
    let error = app
        .wait_for_text(
            &tid("field-error"),
            "A pillar name can be at most 100 characters",
        )
        .await;
    assert_eq!(
        app.text(&error).await,
        "A pillar name can be at most 100 characters (this one has 10000)."
    );
    assert_eq!(
        input.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    assert_eq!(
        app.count(&tid("pillar-row")).await,
        12,
        "no pillar was added"
    );
    app.js(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![serde_json::to_value(&error).unwrap()],
    )
    .await;
    app.screenshot("long-name").await;
    app.quit().await;

    let v = cli_json(&h.ws, &["show", DEMO_NAME, "--json"]);
    assert_eq!(
        v["pillars"].as_array().unwrap().len(),
        12,
        "nothing was written"
    );
}

/// What `pillar` holds in the workspace for `field`, read through the CLI.
fn saved_field(h: &Harness, pillar: &str, field: &str) -> serde_json::Value {
    let v = cli_json(&h.ws, &["show", DEMO_NAME, "--json"]);
    v["pillars"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == pillar))
        .map(|p| p[field].clone())
        .unwrap_or_default()
}

/// Waits for the field `css` that took a stand-in's place after `how` (a click, a Tab), and
/// checks it has the focus and `row` kept its `height`.
async fn swapped_in(
    app: &App,
    css: &str,
    row: &Element,
    height: &serde_json::Value,
    how: &str,
) -> Element {
    let field = app.wait_for(css).await;
    let seen = app
        .js(
            "return [document.activeElement === arguments[0], arguments[1].getBoundingClientRect().height]",
            vec![json!(field), json!(row)],
        )
        .await;
    assert_eq!(seen[0], true, "{how} focuses {css}");
    assert_eq!(
        &seen[1], height,
        "{css} took the stand-in's place without moving the row"
    );
    field
}

/// A row's name, evidence, owner and next checkpoint show as text until used (issue 13: the
/// fields cost the page more than anything else in a row); a click or Tab puts the real field
/// in their place, the caret where the click landed, and nothing on the page moves.
#[tokio::test]
async fn a_rows_fields_open_in_place_where_clicked_or_tabbed_to() {
    let mut h = Harness::new("stand_ins").await;
    let app = h.launch().await;
    demo_scorecard(&app).await;
    assert_eq!(
        app.count(&format!(
            "{} textarea, {} input[type=date]",
            row("Security"),
            row("Security")
        ))
        .await,
        0,
        "no evidence or date field before one is used"
    );
    let before = saved_field(&h, "Security", "evidence");
    let before = before.as_str().unwrap().to_string();
    let row_height = "return arguments[0].getBoundingClientRect().height";
    let security = app.wait_for(&row("Security")).await;
    let height = app.js(row_height, vec![json!(security)]).await;

    // WebDriver clicks the middle of the box: the middle of the one-line evidence.
    let evidence = app
        .wait_for(&format!("{} .evidence [role=textbox]", row("Security")))
        .await;
    app.js(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![json!(evidence)],
    )
    .await;
    evidence.click().await.unwrap();
    let area = app.wait_for(&format!("{} textarea", row("Security"))).await;
    let caret = app
        .js(
            "return document.activeElement === arguments[0] ? arguments[0].selectionStart : -1",
            vec![json!(area)],
        )
        .await
        .as_i64()
        .unwrap();
    let len = before.chars().count() as i64;
    assert!(
        caret > 0 && caret < len,
        "the caret is where the click was, inside the text: {caret} of {len}"
    );
    assert_eq!(
        app.js(row_height, vec![json!(security)]).await,
        height,
        "the textarea takes the stand-in's place without moving the row"
    );
    app.screenshot("evidence-open").await;
    app.type_keys("(typed) ").await;
    // Tab to the owner field (saving the evidence), and on to the checkpoint.
    let tab = fantoccini::key::Key::Tab.to_string();
    app.type_keys(&tab).await;
    let owner = format!("{} .owner input", row("Security"));
    swapped_in(&app, &owner, &security, &height, "Tab from the evidence").await;
    let at = before.char_indices().nth(caret as usize).unwrap().0;
    let want = format!("{}(typed) {}", &before[..at], &before[at..]);
    app.wait_until("the evidence typed at the caret to be saved", || async {
        (saved_field(&h, "Security", "evidence") == json!(want)).then_some(())
    })
    .await;

    // Tab from the owner lands on the checkpoint's stand-in, which hands over to the date field.
    let checkpoint = saved_field(&h, "Security", "next_checkpoint");
    app.type_keys(&tab).await;
    let date = format!("{} .checkpoint input[type=date]", row("Security"));
    let date = swapped_in(&app, &date, &security, &height, "Tab from the owner field").await;
    assert_eq!(
        date.prop("value").await.unwrap().map(|v| json!(v)),
        Some(checkpoint)
    );
    app.set_value(&date, "2027-01-15").await;
    app.wait_until("the new checkpoint to be saved", || async {
        (saved_field(&h, "Security", "next_checkpoint") == json!("2027-01-15")).then_some(())
    })
    .await;

    // The name too: a click opens it, End and typing add to it, Enter saves.
    let name = app
        .wait_for(&format!("{} .name [role=textbox]", row("Security")))
        .await;
    name.click().await.unwrap();
    let input = format!("{} .name input", row("Security"));
    swapped_in(&app, &input, &security, &height, "a click on the name").await;
    let end = fantoccini::key::Key::End.to_string();
    let enter = fantoccini::key::Key::Enter.to_string();
    app.type_keys(&format!("{end} team{enter}")).await;
    app.wait_until("the longer name to be saved", || async {
        let v = cli_json(&h.ws, &["show", DEMO_NAME, "--json"]);
        v["pillars"]
            .as_array()?
            .iter()
            .any(|p| p["name"] == "Security team")
            .then_some(())
    })
    .await;
    app.quit().await;
}
