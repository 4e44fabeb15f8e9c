//! One window per workspace: a second launch on the same workspace hands over to the window
//! that is open and exits, while a launch on another workspace opens a window of its own.

use crate::harness::{Harness, WAIT};
use crate::processes::{log_file, Group};
use crate::tid;
use northstar_core::demo::DEMO_NAME;
use northstar_tests::app_binary;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Starts `northstar --data-dir DIR` as a user would, in the test's session (its XDG folders,
/// display and private bus, as the driven app has them), in a process group of its own.
fn launch_by_hand(h: &Harness, data_dir: &Path, label: &str) -> Group {
    let log = log_file(&format!("{label}.log"));
    let mut cmd = h.command(&app_binary());
    cmd.arg("--data-dir")
        .arg(data_dir)
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("log"))
        .stderr(log);
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    Group {
        child: cmd.spawn().expect("start northstar"),
    }
}

#[tokio::test]
async fn a_second_launch_on_the_same_workspace_leaves_one_window() {
    let mut h = Harness::new("single_instance").await;
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    let first = app.app_pid().expect("the first window's process");

    // Same workspace: the second process hands over to the first and exits 0, at once.
    let mut second = launch_by_hand(&h, &h.ws.data_dir(), "single_instance-second");
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = second.child.try_wait().expect("wait for the second launch") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "a second launch on the same workspace was still running after {WAIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    };
    assert!(status.success(), "the second launch exited with {status}");
    assert_eq!(
        app.app_pid(),
        Some(first),
        "the first window's process is still the one running"
    );
    // And the first window still answers.
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;

    // Another workspace is not a second instance: it opens and keeps running.
    let other = h.ws.root().join("other-workspace");
    let mut third = launch_by_hand(&h, &other, "single_instance-other");
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline {
        if let Some(status) = third.child.try_wait().expect("wait for the other launch") {
            panic!("a launch on another workspace exited ({status}) instead of opening");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        other.join("northstar.db").is_file(),
        "the other workspace was opened"
    );
    third.stop();
    app.quit().await;
}
