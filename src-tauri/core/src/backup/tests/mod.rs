//! Backups, restore and the check against real files in temporary folders, with injected dates.

mod check;
mod restore;
mod rotation;

use crate::clock::FixedClock;
use crate::store::{Store, DB_FILE};
use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A workspace folder holding the demo project, opened as the app opens it.
struct Ws {
    dir: TempDir,
    store: Store,
}

impl Ws {
    fn new() -> Ws {
        let dir = tempfile::tempdir().unwrap();
        let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap());
        let mut store = Store::open_with_clock(&dir.path().join(DB_FILE), Box::new(clock)).unwrap();
        crate::demo::seed_if_first_run(&mut store).unwrap();
        Ws { dir, store }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join(DB_FILE)
    }

    fn backups(&self) -> PathBuf {
        self.dir.path().join(super::BACKUPS_DIR)
    }

    /// The names in `backups/`, sorted.
    fn backup_names(&self) -> Vec<String> {
        names_in(&self.backups())
    }

    fn projects(&self) -> i64 {
        self.store
            .conn()
            .query_row(
                "SELECT count(*) FROM projects WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap()
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, min, 0).unwrap()
}
