//! End-to-end tests: the real `northstar` binary in a real window under Xvfb, driven through
//! `tauri-driver` and Debian's `WebKitWebDriver`. Each test has its own workspace, HOME, XDG
//! folders and D-Bus session bus, and the tests run one at a time (see `harness`).
//!
//! Run them with `make test`, or by hand:
//! `xvfb-run -a -s "-screen 0 1280x900x24" cargo test -p northstar-tests --test e2e`.

mod a11y;
mod agenda;
mod bench_alignment;
mod bench_bare;
mod bench_compliance;
mod bench_pages;
mod bench_palette;
mod bench_risks;
mod bench_scorecard;
mod compliance;
mod goals;
mod harness;
mod instance;
mod launcher;
mod palette;
mod processes;
mod projects;
mod remembered;
mod reminders;
mod risks;
mod scorecard;
mod settings;
mod stakeholders;
mod startup;
mod tray;
mod undo;
mod undo_areas;
mod window;
mod workspace;

/// A selector by `data-testid` (see ui/TESTIDS.md).
pub fn tid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}
