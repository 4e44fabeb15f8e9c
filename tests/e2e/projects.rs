//! Issue 2 in the window: the demo on first launch, the theme following the desktop, creating a
//! project (and it surviving a relaunch), an empty name refused in place, and a name full of
//! HTML shown as plain text.

use crate::harness::{App, Harness};
use crate::tid;
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::Locator;
use northstar_core::demo::DEMO_NAME;

#[tokio::test]
async fn first_launch_shows_the_demo_project() {
    let mut h = Harness::new("first_launch").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-item"), DEMO_NAME).await;
    let title = app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    assert_eq!(app.text(&title).await, DEMO_NAME);
    app.wait_for_text(
        &tid("north-star"),
        "Ship daily without customer-visible downtime",
    )
    .await;
    app.wait_for_text(&tid("leading-metric"), "Onboarding API success rate")
        .await;
    app.wait_for_count(&tid("pillar-row"), 12).await;
    app.wait_for_text(&tid("headline-at-target"), "0 of 12 pillars at target")
        .await;
    assert_eq!(app.client().title().await.unwrap(), "Northstar");
    app.screenshot("demo").await;
    app.quit().await;
    // The webview kept its storage in the test's own XDG folders, not the user's.
    let private = std::fs::read_dir(h.ws.xdg_data_home()).unwrap().count();
    assert!(
        private > 0,
        "the app wrote nothing under the private XDG_DATA_HOME"
    );
}

/// The window follows the desktop's light or dark preference: GTK's theme, which WebKit
/// reports to the page as `prefers-color-scheme`.
#[tokio::test]
async fn the_theme_follows_the_desktop() {
    for (theme, dark) in [("Adwaita", false), ("Adwaita:dark", true)] {
        let label = if dark { "theme_dark" } else { "theme_light" };
        let mut h = Harness::new(label).await;
        h.env("GTK_THEME", theme);
        let app = h.launch().await;
        app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
        let page = app
            .js(
                "const lum = (css) => {
                   const [r, g, b] = css.match(/\\d+/g).map(Number);
                   return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
                 };
                 const style = getComputedStyle(document.body);
                 return {
                   dark: matchMedia('(prefers-color-scheme: dark)').matches,
                   page: lum(style.backgroundColor),
                   text: lum(style.color),
                 }",
                vec![],
            )
            .await;
        assert_eq!(page["dark"], dark, "GTK_THEME={theme}: {page}");
        let (bg, text) = (
            page["page"].as_f64().unwrap(),
            page["text"].as_f64().unwrap(),
        );
        if dark {
            assert!(bg < 0.2 && text > 0.8, "dark page, light text: {page}");
        } else {
            assert!(bg > 0.9 && text < 0.2, "light page, dark text: {page}");
        }
        app.screenshot("theme").await;
        app.quit().await;
    }
}

/// How to open the new-project form.
enum Open {
    Shortcut,
    Button,
}

/// Opens the new-project form (Ctrl+N, or the sidebar button) and waits until its name field
/// has the focus, so typed keys go there.
async fn open_new_project_form(app: &App, how: Open) -> Element {
    app.wait_for(&tid("project-list")).await;
    match how {
        // The shortcut is handled on the window, whatever has the focus.
        Open::Shortcut => app.press_ctrl('n').await,
        Open::Button => app
            .wait_for(&tid("new-project"))
            .await
            .click()
            .await
            .unwrap(),
    }
    app.wait_for(&tid("new-project-form")).await;
    let input = app.wait_for(&tid("project-name-input")).await;
    app.wait_until("the name field to have the focus", || async {
        let focused = app
            .js(
                "return document.activeElement?.dataset?.testid ?? null",
                vec![],
            )
            .await;
        (focused == "project-name-input").then_some(())
    })
    .await;
    input
}

#[tokio::test]
async fn a_project_created_in_the_window_is_there_after_a_relaunch() {
    const NAME: &str = "Onboarding revamp";
    let mut h = Harness::new("create_relaunch").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-item"), DEMO_NAME).await;
    open_new_project_form(&app, Open::Shortcut).await;
    app.type_keys(&format!("{NAME}{}", Key::Enter)).await;
    app.wait_for_text(&tid("project-item"), NAME).await;
    app.wait_for_text(&tid("project-title"), NAME).await;
    assert_eq!(
        app.count(&tid("new-project-form")).await,
        0,
        "the form closed after saving"
    );
    app.quit().await;

    let mut names = h.cli_projects();
    names.sort();
    assert_eq!(
        names,
        [DEMO_NAME, NAME],
        "the app wrote the project to the workspace"
    );

    let app = h.launch().await;
    app.wait_for_text(&tid("project-item"), NAME).await;
    app.wait_for_count(&tid("project-item"), 2).await;
    app.quit().await;
}

#[tokio::test]
async fn an_empty_name_shows_an_error_and_creates_nothing() {
    let mut h = Harness::new("empty_name").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-item"), DEMO_NAME).await;
    // The button, this time, and Enter on the empty field.
    open_new_project_form(&app, Open::Button).await;
    app.type_keys(&Key::Enter.to_string()).await;
    let error = app
        .wait_for_text(&tid("field-error"), "A project name is required.")
        .await;
    assert_eq!(app.text(&error).await, "A project name is required.");
    let input = app
        .client()
        .find(Locator::Css(&tid("project-name-input")))
        .await
        .unwrap();
    assert_eq!(
        input.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );

    // Spaces only are no name either; the Create button says the same.
    input.send_keys("   ").await.unwrap();
    app.wait_for(&tid("save-project"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text(&tid("field-error"), "A project name is required.")
        .await;
    assert_eq!(
        app.count(&tid("new-project-form")).await,
        1,
        "the form stays open"
    );
    assert_eq!(
        app.count(&tid("project-item")).await,
        1,
        "nothing was added to the sidebar"
    );
    app.screenshot("empty-name-error").await;
    app.quit().await;

    assert_eq!(
        h.cli_projects(),
        [DEMO_NAME],
        "nothing was written to the workspace"
    );
}

#[tokio::test]
async fn a_name_made_of_html_is_shown_as_plain_text() {
    const NAME: &str = "<img src=x onerror=alert(1)>";
    let mut h = Harness::new("html_name").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-item"), DEMO_NAME).await;
    let images_before = app
        .js("return document.querySelectorAll('img').length", vec![])
        .await;
    let input = open_new_project_form(&app, Open::Shortcut).await;
    input
        .send_keys(&format!("{NAME}{}", Key::Enter))
        .await
        .unwrap();

    let item = app.wait_for_text(&tid("project-item"), NAME).await;
    assert_eq!(app.text(&item).await, NAME);
    let title = app.wait_for_text(&tid("project-title"), NAME).await;
    assert_eq!(app.text(&title).await, NAME);
    let probe = app
        .js(
            "return {
               images: document.querySelectorAll('img').length,
               onerror: document.querySelectorAll('[onerror]').length,
               inItem: document.querySelectorAll('[data-testid=\"project-item\"] *').length,
               inTitle: document.querySelectorAll('[data-testid=\"project-title\"] img').length,
             }",
            vec![],
        )
        .await;
    assert_eq!(
        probe["images"], images_before,
        "an <img> element was created: {probe}"
    );
    assert_eq!(
        probe["onerror"], 0,
        "an element with an onerror attribute exists: {probe}"
    );
    assert_eq!(
        probe["inItem"], 0,
        "the sidebar entries hold text only: {probe}"
    );
    assert_eq!(probe["inTitle"], 0, "{probe}");
    // No alert() ran: WebDriver would report an open prompt.
    assert!(
        app.client().get_alert_text().await.is_err(),
        "an alert is open: the name ran as HTML"
    );
    app.screenshot("html-name").await;
    app.quit().await;

    assert!(
        h.cli_projects().iter().any(|n| n == NAME),
        "stored as typed"
    );
}
