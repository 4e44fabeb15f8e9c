//! Reminders from the real window (issue 10): launched on the demo, whose customer success lead
//! is overdue for a check-in, the app shows one summary notification on its session bus (a fake
//! `org.freedesktop.Notifications` catches it), and a relaunch shows nothing again.

use crate::harness::Harness;
use crate::tid;
use northstar_core::demo::DEMO_NAME;
use northstar_tests::bus::Notifications;
use std::time::{Duration, Instant};

#[tokio::test]
async fn the_due_summary_is_shown_once_at_launch_and_not_on_relaunch() {
    let mut h = Harness::new("reminders").await;
    let desktop = Notifications::serve(h.bus());
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    let deadline = Instant::now() + Duration::from_secs(15);
    while desktop.shown().is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let shown = desktop.shown();
    assert_eq!(shown.len(), 1, "one summary at launch: {shown:?}");
    assert_eq!(shown[0].summary, "2 reviews due (1 overdue)", "{shown:?}");
    assert!(
        shown[0].body.starts_with(&format!(
            "Check in with Customer success lead · {DEMO_NAME} (overdue since "
        )),
        "{shown:?}"
    );
    assert!(
        shown[0]
            .body
            .contains("Risk review: An integration spikes traffic unexpectedly"),
        "{shown:?}"
    );
    app.quit().await;

    // Relaunched: nothing new is due, nothing is shown again.
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(desktop.shown().len(), 1, "{:?}", desktop.shown());
    app.quit().await;
}
