//! `northstar` alone becomes the window: the command line (no GTK, no WebKit) execs the window
//! program installed beside it, so whatever launched `northstar` (here WebKitWebDriver, as a
//! desktop entry would) holds the window's process, with the workspace passed on. The window
//! program launched directly opens the same workspace.

use crate::harness::Harness;
use crate::processes::{cmdline, parent_exe};
use crate::tid;
use northstar_core::demo::DEMO_NAME;
use northstar_tests::{app_binary, window_binary};

#[tokio::test]
async fn northstar_alone_execs_the_window_program_which_also_runs_by_itself() {
    let mut h = Harness::new("launcher").await;
    let data_dir = h.ws.data_dir().display().to_string();
    h.args(&["--minimized"]);
    let app = h.launch().await;
    app.wait_for(&tid("project-title")).await;
    let pid = app
        .app_pid()
        .expect("a process under the driver runs the window program");
    assert!(
        app.processes_running(&app_binary()).is_empty(),
        "no `northstar` process is left running: it became the window rather than starting one"
    );
    let parent = parent_exe(pid).expect("the window's parent");
    assert!(
        parent.ends_with("WebKitWebDriver"),
        "the window's parent is what launched `northstar` (WebKitWebDriver), not {}",
        parent.display()
    );
    assert_eq!(
        cmdline(pid)[1..],
        ["--data-dir", data_dir.as_str(), "--minimized"],
        "the window got the workspace and the flag `northstar` was given"
    );
    app.quit().await;

    // The window program by itself, as the package's desktop entry runs it.
    h.args(&[]);
    h.program(window_binary());
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    assert_eq!(
        cmdline(app.app_pid().expect("the window's process"))[1..],
        ["--data-dir", data_dir.as_str()]
    );
    app.screenshot("launcher-window-direct").await;
    app.quit().await;
}
