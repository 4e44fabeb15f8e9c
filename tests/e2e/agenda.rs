//! The agenda in the real window (issue 10): the sidebar's entry counts what is overdue or due
//! today, the view lists the demo's review dates by bucket, and marking the overdue check-in
//! reviewed records the check-in and moves it a week on.

use crate::harness::Harness;
use crate::tid;
use northstar_core::demo::DEMO_NAME;

#[tokio::test]
async fn the_agenda_lists_review_dates_and_marks_one_reviewed() {
    let mut h = Harness::new("agenda").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.wait_for_text(&tid("agenda-badge"), "1").await;
    app.wait_for(&tid("sidebar-agenda"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&format!("{}[data-scope=\"all\"]", tid("agenda-view")))
        .await;
    let overdue = format!(
        "{}[data-bucket=\"overdue\"][data-kind=\"stakeholder_check_in\"]",
        tid("agenda-item")
    );
    app.wait_for_text(&overdue, "Check in with Customer success lead")
        .await;
    app.wait_for(&format!("{}[data-bucket=\"later\"]", tid("agenda-item")))
        .await;
    app.screenshot("all").await;

    app.wait_for(&format!("{overdue} {}", tid("agenda-reviewed")))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&tid("agenda-note"))
        .await
        .send_keys("Went over the beta numbers")
        .await
        .unwrap();
    app.wait_for(&tid("agenda-reviewed-confirm"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text(&tid("agenda-status"), "Reviewed; next due")
        .await;
    app.wait_for_count(&overdue, 0).await;
    let v = {
        let s = h.ws.store();
        let p = northstar_core::project::find(s.conn(), DEMO_NAME).unwrap();
        northstar_core::stakeholders::list_stakeholders(s.conn(), &p.id, s.clock().today()).unwrap()
    };
    assert_eq!(v[0].check_ins[0].note, "Went over the beta numbers");
    assert!(!v[0].overdue);
    app.screenshot("reviewed").await;
    app.quit().await;
}
