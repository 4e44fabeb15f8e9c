//! The window's reminders: a background thread (never the UI thread) with its own connection to
//! the workspace checks what is due at launch and every few minutes after, so what fell due while
//! the laptop slept is caught up at wake, as one summary. The core records each reminder in the
//! transaction that decides it, so this thread, `northstar remind` from a timer and another
//! window never send one twice. The same look keeps the tray's count current.

use chrono::Local;
use northstar_core::agenda;
use northstar_core::store::{Store, DB_FILE};
use std::path::PathBuf;
use std::time::Duration;
use tauri::AppHandle;

/// How often to look again while the app runs: short enough that a wake from sleep, or midnight,
/// shows within a minute; long enough to cost nothing (a check with nothing due takes 0.03 ms).
const EVERY: Duration = Duration::from_secs(60);

pub fn spawn(data_dir: PathBuf, app: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || {
            let mut store = match Store::open(&data_dir.join(DB_FILE)) {
                Ok(s) => s,
                Err(e) => return eprintln!("northstar: reminders are off: {e}"),
            };
            loop {
                check(&mut store);
                let today = Local::now().date_naive();
                if let Ok(counts) = agenda::due_counts(store.conn(), today) {
                    crate::tray::show_due(&app, counts.values().sum());
                }
                std::thread::sleep(EVERY);
            }
        });
    if let Err(e) = spawned {
        eprintln!("northstar: reminders are off: {e}");
    }
}

fn check(store: &mut Store) {
    match agenda::check_reminders(store, Local::now().naive_local(), false) {
        Ok(Some(summary)) => {
            if let Err(e) = northstar_core::notify::send(&summary) {
                // Recorded already: the agenda still lists the items.
                eprintln!("northstar: {e}");
            }
        }
        Ok(None) => {}
        Err(e) => eprintln!("northstar: checking reminders failed: {e}"),
    }
}
