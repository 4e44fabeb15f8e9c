//! The Workspace dialog in the real window (issue 11): the day's backup is taken at launch,
//! "Back up now" adds one, the check passes, and restoring a backup brings back what it held
//! (a project added since is gone) once the window reloads. A restore from a terminal while
//! the window is open makes it say it must reload.

use crate::harness::{App, Harness};
use crate::tid;
use northstar_core::demo::DEMO_NAME;
use northstar_tests::{cli_ok, project_names};
use std::time::{Duration, Instant};

async fn open_dialog(app: &App) {
    app.wait_for(&tid("open-workspace"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&tid("workspace-dialog")).await;
}

fn backups(h: &Harness) -> Vec<String> {
    let dir = h.ws.data_dir().join("backups");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".db"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[tokio::test]
async fn back_up_check_and_restore_from_the_window() {
    let mut h = Harness::new("workspace").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;

    // The day's backup, taken at launch on its own thread.
    let deadline = Instant::now() + Duration::from_secs(15);
    while backups(&h).is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        backups(&h).len(),
        1,
        "one backup at launch: {:?}",
        backups(&h)
    );

    // "Back up now" is today's backup; the one from launch is rotated away (one a day kept).
    open_dialog(&app).await;
    app.wait_for(&tid("backup-now"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text(&tid("backup-status"), "Backed up: 1 project, 12 pillars")
        .await;
    app.wait_for_count(&tid("backup-row"), 1).await;
    app.wait_for(&tid("check-workspace"))
        .await
        .click()
        .await
        .unwrap();
    let items = app.wait_for_count(&tid("check-item"), 3).await;
    for item in &items {
        let text = app.text(item).await;
        assert!(text.contains("OK"), "{text}");
    }
    app.screenshot("workspace-dialog").await;

    // A project added after it, which the restore must take away.
    let sheet =
        northstar_tests::workspace_root().join("tests/fixtures/launchpad/stakeholder-canvas.md");
    cli_ok(
        &h.ws,
        &[
            "import",
            "markdown",
            "--project",
            "Added later",
            &sheet.display().to_string(),
        ],
    );
    assert_eq!(project_names(&h.ws), ["Added later", DEMO_NAME]);

    app.wait_for(&tid("restore-backup"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(&tid("confirm-restore"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text(&tid("restore-summary"), "1 project")
        .await;
    app.screenshot("workspace-restored").await;
    assert_eq!(project_names(&h.ws), [DEMO_NAME]);
    app.wait_for(&tid("restore-reload"))
        .await
        .click()
        .await
        .unwrap();
    // The reloaded window lists the one project the backup held.
    app.wait_for_count(&tid("project-item"), 1).await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;

    // Restored from a terminal meanwhile: the window says so rather than show the old data.
    let copy = h.ws.root().join("copy.db");
    cli_ok(&h.ws, &["backup", "-o", &copy.display().to_string()]);
    cli_ok(&h.ws, &["restore", &copy.display().to_string()]);
    app.js("window.dispatchEvent(new Event('focus'))", vec![])
        .await;
    app.wait_for(&tid("restored-banner")).await;
    app.screenshot("workspace-restored-elsewhere").await;
    app.quit().await;
}
