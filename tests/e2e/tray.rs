//! The tray (issue 10), as a desktop panel sees it: a fake StatusNotifierWatcher on the test's
//! private bus takes the app's AppIndicator registration; the test reads the item's label and
//! menu and clicks them over dbusmenu, and closes the window the way a window manager does
//! (`x11_window.py`, WM_DELETE_WINDOW).

use crate::harness::{x11_window, App, Harness};
use crate::tid;
use northstar_core::demo::DEMO_NAME;
use northstar_tests::tray::{ItemAddress, Watcher};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(15);

fn wait_for_window(state: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let now = x11_window("state");
        if now == state {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the window stayed {now:?}, not {state:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits for the tray to say `label` beside the icon and `line` as its menu's first entry.
fn wait_for_due(panel: &Watcher, item: &ItemAddress, label: &str, line: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let menu = panel.menu(item);
        let first = menu.first().map(|e| (e.label.as_str(), e.enabled));
        if panel.label(item) == label && first == Some((line, false)) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the tray says {:?} with menu {menu:?}; expected {label:?} and {line:?}",
            panel.label(item)
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

async fn keep_in_tray(app: &App, start_at_login: bool) {
    app.wait_for(&tid("agenda-settings"))
        .await
        .click()
        .await
        .unwrap();
    let keep = app.wait_for(&tid("desktop-keep-in-tray")).await;
    keep.click().await.unwrap();
    if start_at_login {
        app.wait_for(&tid("desktop-start-at-login"))
            .await
            .click()
            .await
            .unwrap();
    }
    app.screenshot("tray-settings").await;
    app.wait_for(&tid("reminders-save"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text(&tid("agenda-status"), "Reminder settings saved.")
        .await;
}

#[tokio::test]
async fn the_tray_says_what_is_due_opens_the_agenda_and_keeps_the_app_when_the_window_closes() {
    let mut h = Harness::new("tray").await;
    let panel = Watcher::serve(h.bus());
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    let item = panel.wait_for_item(WAIT);
    // The demo's overdue check-in with its customer success lead.
    wait_for_due(&panel, &item, "1", "1 review overdue or due today");
    let labels: Vec<String> = panel.menu(&item).into_iter().map(|e| e.label).collect();
    assert_eq!(
        labels,
        [
            "1 review overdue or due today",
            "",
            "Open agenda",
            "Quit Northstar"
        ]
    );

    panel.click(&item, "Open agenda");
    app.wait_for(&tid("agenda-view")).await;

    // Closing the window quits by default; with the setting on, it hides and the app stays.
    keep_in_tray(&app, true).await;
    let desktop_entry = h.ws.home().join(".config/autostart/Northstar.desktop");
    let entry = std::fs::read_to_string(&desktop_entry).expect("the login item is written");
    let exec = entry
        .lines()
        .find(|l| l.starts_with("Exec="))
        .unwrap_or_default();
    // It runs `northstar`, what a user launches, not the window program it hands over to.
    assert!(
        exec.starts_with(&format!(
            "Exec={} ",
            northstar_tests::app_binary().display()
        )),
        "{entry}"
    );
    assert!(exec.contains(" --minimized"), "{entry}");
    assert!(
        exec.contains(&format!(
            "--data-dir={}",
            std::fs::canonicalize(h.ws.data_dir()).unwrap().display()
        )),
        "{entry}"
    );

    x11_window("close");
    wait_for_window("unmapped");
    std::thread::sleep(Duration::from_secs(1));
    assert!(
        app.app_pid().is_some(),
        "the app still runs with its window closed"
    );

    panel.click(&item, "Open agenda");
    wait_for_window("viewable");
    app.wait_for(&tid("agenda-view")).await;

    panel.click(&item, "Quit Northstar");
    app.exits_on_its_own().await;

    // At login: in the tray, no window in front; the tray brings it up.
    h.args(&["--minimized"]);
    let app = h.launch().await;
    let item = panel.wait_for_items(2, WAIT).pop().unwrap();
    wait_for_window("unmapped");
    // The page loads behind the hidden window; a click before it listens would go unheard.
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    panel.click(&item, "Open agenda");
    wait_for_window("viewable");
    app.wait_for(&tid("agenda-view")).await;

    // Unticking the login item removes it.
    app.wait_for(&tid("agenda-settings"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&tid("desktop-start-at-login"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&tid("reminders-save"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text(&tid("agenda-status"), "Reminder settings saved.")
        .await;
    assert!(!desktop_entry.exists());
    panel.click(&item, "Quit Northstar");
    app.exits_on_its_own().await;
}
