//! A relaunch comes back as the user left it (issue 12): the window's size, and the project and
//! page that were open.

use crate::harness::{x11_window, Harness};
use crate::tid;
use northstar_core::demo::DEMO_NAME;
use northstar_tests::cli_ok;

#[tokio::test]
async fn the_window_size_project_and_page_survive_a_relaunch() {
    let mut h = Harness::new("remembered").await;
    cli_ok(
        &h.ws,
        &[
            "import",
            "markdown",
            "--project",
            "Second",
            &northstar_tests::workspace_root()
                .join("tests/fixtures/launchpad/stakeholder-canvas.md")
                .display()
                .to_string(),
        ],
    );
    let app = h.launch().await;
    // The demo's Risks page, in a smaller window.
    for item in app.wait_for_count(&tid("project-item"), 2).await {
        if app.text(&item).await.contains("LaunchPad") {
            item.click().await.unwrap();
        }
    }
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    app.open_area("risks").await;
    app.client()
        .set_window_size(1000, 700)
        .await
        .expect("resize the window");
    let (w, hgt) = app.client().get_window_size().await.unwrap();
    assert_eq!((w, hgt), (1000, 700));
    // Closed as a user closes it, with the title bar's button.
    x11_window("close");
    app.exits_on_its_own().await;

    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    let tab = app.wait_for(&tid("tab-risks")).await;
    assert_eq!(
        tab.attr("aria-selected").await.unwrap().as_deref(),
        Some("true"),
        "the Risks page is open again"
    );
    let (w, hgt) = app.client().get_window_size().await.unwrap();
    assert_eq!((w, hgt), (1000, 700), "the window's size is kept");
    app.quit().await;
}
