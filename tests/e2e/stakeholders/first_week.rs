//! The first-week card on the Overview: the demo's items as the data ticks them, and a plan day
//! ticked by hand, surviving a relaunch.

use super::{attr, text_is};
use crate::harness::Harness;
use crate::tid;
use northstar_core::demo::DEMO_NAME;

fn first_week_item(key: &str) -> String {
    format!("{}[data-key=\"{key}\"]", tid("first-week-item"))
}

#[tokio::test]
async fn the_first_week_card_ticks_itself_and_by_hand() {
    let mut h = Harness::new("first_week").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.open_area("overview").await;
    app.wait_for(&tid("first-week")).await;
    app.wait_for_count(&tid("first-week-item"), 10).await;
    // The demo has a North Star, a leading metric, stakeholders and answered compliance trigger
    // questions; 6 of its 12 pillars are unscored, and no plan day is ticked.
    for (key, done) in [
        ("north_star", "true"),
        ("score_pillars", "false"),
        ("map_stakeholders", "true"),
        ("scan_compliance", "true"),
        ("leading_metric", "true"),
        ("day1", "false"),
        ("day5", "false"),
    ] {
        assert_eq!(
            attr(&app, &first_week_item(key), "data-done").await,
            done,
            "{key}"
        );
    }
    text_is(&app, &tid("first-week-progress"), "4 of 10 done").await;
    let auto = app
        .wait_for(&format!("{} input", first_week_item("north_star")))
        .await;
    assert!(
        !auto.is_enabled().await.unwrap(),
        "items that tick themselves are not clickable"
    );
    app.wait_for_text(
        &first_week_item("north_star"),
        "Ticks itself once the North Star is written.",
    )
    .await;

    app.wait_for(&format!("{} input", first_week_item("day1")))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text(&tid("first-week-progress"), "5 of 10 done")
        .await;
    assert_eq!(
        attr(&app, &first_week_item("day1"), "data-done").await,
        "true"
    );
    assert_eq!(
        app.count(&tid("first-week-dismiss")).await,
        0,
        "not complete yet"
    );
    app.screenshot("first-week").await;
    app.quit().await;

    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.open_area("overview").await;
    app.wait_for_text(&tid("first-week-progress"), "5 of 10 done")
        .await;
    assert_eq!(
        attr(&app, &first_week_item("day1"), "data-done").await,
        "true"
    );
    app.quit().await;
}
