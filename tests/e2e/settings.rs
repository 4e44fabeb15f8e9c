//! The Settings page in the real window (issue 12): the theme picked there is applied at once,
//! kept across a relaunch and applied before the window's first paint (no flash of the other
//! theme), "System" follows the desktop again; the paper picked there is the one a project's
//! PDF export offers.

use crate::harness::{App, Harness};
use crate::tid;
use northstar_core::demo::DEMO_NAME;
use serde_json::Value;

/// The theme attribute, the page's background luminance (0 black – 1 white), and, from the
/// launch, when the theme was applied and when the window first painted (ms, null if unknown).
async fn page_theme(app: &App) -> Value {
    app.js(
        "const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
         const applied = performance.getEntriesByName('northstar:theme-applied')[0];
         const paints = performance.getEntriesByType('paint');
         return {
           theme: document.documentElement.dataset.theme ?? null,
           scheme: getComputedStyle(document.documentElement).colorScheme,
           lum: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255,
           applied: applied?.startTime ?? null,
           applied_as: applied?.detail ?? null,
           first_paint: paints.length ? Math.min(...paints.map((p) => p.startTime)) : null,
         };",
        vec![],
    )
    .await
}

async fn click(app: &App, id: &str) {
    app.wait_for(&tid(id)).await.click().await.unwrap();
}

#[tokio::test]
async fn the_theme_is_kept_and_applied_before_the_first_paint() {
    let mut h = Harness::new("settings_theme").await;
    // A light desktop, so a dark window can only come from the choice.
    h.env("GTK_THEME", "Adwaita");
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    let first = page_theme(&app).await;
    assert_eq!(first["theme"], Value::Null, "{first}");
    assert!(
        first["lum"].as_f64().unwrap() > 0.9,
        "light at first: {first}"
    );

    click(&app, "open-settings").await;
    app.wait_for(&tid("settings-page")).await;
    click(&app, "theme-dark").await;
    app.wait_for_text(&tid("settings-status"), "Theme: Dark.")
        .await;
    let dark = page_theme(&app).await;
    assert_eq!(dark["theme"], "dark", "{dark}");
    assert_eq!(dark["scheme"], "dark", "WebKit's widgets follow: {dark}");
    assert!(dark["lum"].as_f64().unwrap() < 0.2, "dark at once: {dark}");
    app.screenshot("dark").await;
    app.quit().await;

    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    // The title can be in the page before the frame that paints it has been reported.
    let again = app
        .wait_until("WebKit to report the first paint", || async {
            let v = page_theme(&app).await;
            v["first_paint"].is_number().then_some(v)
        })
        .await;
    assert_eq!(again["theme"], "dark", "kept: {again}");
    assert_eq!(again["applied_as"], "dark", "{again}");
    assert!(again["lum"].as_f64().unwrap() < 0.2, "{again}");
    // WebKit's paint timing: the theme was set before anything was painted.
    let applied = again["applied"].as_f64().expect("the theme-applied mark");
    let paint = again["first_paint"].as_f64().unwrap();
    assert!(
        applied <= paint,
        "theme applied at {applied} ms, first paint at {paint} ms"
    );
    eprintln!("theme applied at {applied:.1} ms, first paint at {paint:.1} ms");

    // Back to the system: the light desktop decides again, now and at the next launch.
    click(&app, "open-settings").await;
    click(&app, "theme-system").await;
    app.wait_for_text(&tid("settings-status"), "Theme: System.")
        .await;
    let system = page_theme(&app).await;
    assert_eq!(system["theme"], Value::Null, "{system}");
    assert!(system["lum"].as_f64().unwrap() > 0.9, "{system}");
    app.quit().await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    assert_eq!(page_theme(&app).await["theme"], Value::Null);
    app.quit().await;
}

#[tokio::test]
async fn a_dark_desktop_with_light_chosen_shows_light() {
    let mut h = Harness::new("settings_light").await;
    h.env("GTK_THEME", "Adwaita:dark");
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    assert!(page_theme(&app).await["lum"].as_f64().unwrap() < 0.2);
    click(&app, "open-settings").await;
    app.wait_for_text(&tid("settings-page"), "now dark").await;
    click(&app, "theme-light").await;
    let light = page_theme(&app).await;
    assert_eq!(light["theme"], "light", "{light}");
    assert_eq!(light["scheme"], "light", "{light}");
    assert!(light["lum"].as_f64().unwrap() > 0.9, "{light}");
    app.screenshot("light-on-dark-desktop").await;
    app.quit().await;
}

#[tokio::test]
async fn the_paper_picked_in_settings_is_the_one_exports_offer() {
    let mut h = Harness::new("settings_paper").await;
    h.env("LANG", "de_DE.UTF-8"); // A4 by the locale
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    let paper = "select[title=\"Paper size\"]";
    let select = app.wait_for(paper).await;
    assert_eq!(select.prop("value").await.unwrap().as_deref(), Some("a4"));

    click(&app, "open-settings").await;
    app.wait_for(&tid("settings-page")).await;
    app.wait_until("the stored paper to be read", || async {
        let checked = app
            .js(
                "return document.querySelector('[data-testid=paper-a4]').checked",
                vec![],
            )
            .await;
        (checked == true).then_some(())
    })
    .await;
    click(&app, "paper-letter").await;
    app.wait_for_text(&tid("settings-status"), "US Letter")
        .await;

    click(&app, "project-item").await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    let select = app.wait_for(paper).await;
    app.wait_until("the header to offer US Letter", || async {
        (select.prop("value").await.ok().flatten().as_deref() == Some("letter")).then_some(())
    })
    .await;
    app.quit().await;
}
