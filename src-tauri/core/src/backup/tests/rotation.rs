//! Naming, the keep rules, a simulated year of launches, and "at most once a day".

use super::*;
use crate::backup::rotation::{file_name, keep, parse_name, rotate};
use crate::backup::{auto_backup, backup_now, backup_to, BackupKind};
use crate::ErrorKind;
use chrono::Datelike;
use std::time::{Duration, SystemTime};

#[test]
fn names_round_trip_and_names_we_did_not_make_are_not_ours() {
    let t = at(2026, 11, 25, 9, 5);
    for kind in [BackupKind::Regular, BackupKind::BeforeRestore] {
        assert_eq!(parse_name(&file_name(t, kind)), Some((t, kind)));
    }
    assert_eq!(
        file_name(t, BackupKind::Regular),
        "northstar-2026-11-25-090500.db"
    );
    for name in [
        "northstar.db",
        "northstar-copy.db",
        "northstar-2026-11-25.db",
        "northstar-2026-13-01-090000.db",
        "northstar-2026-11-25-090000.db.bak",
        "northstar-2026-1-5-090000.db",
        "northstar-2026-11-25-090000-mine.db",
        ".northstar-tmp-0190.db",
    ] {
        assert_eq!(parse_name(name), None, "{name}");
    }
}

#[test]
fn keep_takes_the_newest_of_each_recent_day_week_and_month() {
    let stamps = [
        at(2026, 3, 2, 9, 0),
        at(2026, 3, 2, 18, 0), // newer the same day: it is the one kept
        at(2026, 3, 9, 9, 0),
        at(2026, 1, 15, 9, 0),
        at(2026, 1, 20, 9, 0),
    ];
    let kept = keep(&stamps);
    let expect = [
        at(2026, 1, 15, 9, 0),
        at(2026, 1, 20, 9, 0),
        at(2026, 3, 2, 18, 0),
        at(2026, 3, 9, 9, 0),
    ];
    assert_eq!(kept.into_iter().collect::<Vec<_>>(), expect);
    assert!(keep(&[]).is_empty());
}

/// Every launch from October 2025 to the end of 2026, except two closed weeks in August, all
/// of November, and December's weekends; a second launch in the evening every tenth day.
fn launches() -> Vec<NaiveDateTime> {
    let mut out = Vec::new();
    let mut d = day(2025, 10, 1);
    while d <= day(2026, 12, 31) {
        let closed = (day(2026, 8, 3)..=day(2026, 8, 16)).contains(&d)
            || (d.year() == 2026 && d.month() == 11)
            || (d.year() == 2026 && d.month() == 12 && d.weekday().number_from_monday() >= 6);
        if !closed {
            out.push(d.and_hms_opt(9, 0, 0).unwrap());
            if d.day().is_multiple_of(10) {
                out.push(d.and_hms_opt(17, 30, 0).unwrap());
            }
        }
        d = d.succ_opt().unwrap();
    }
    out
}

fn regular(names: &[String]) -> Vec<String> {
    names
        .iter()
        .filter(|n| matches!(parse_name(n), Some((_, BackupKind::Regular))))
        .cloned()
        .collect()
}

fn named(days: &[(i32, u32, u32)]) -> Vec<String> {
    let mut v: Vec<String> = days
        .iter()
        .map(|&(y, m, d)| file_name(at(y, m, d, 9, 0), BackupKind::Regular))
        .collect();
    v.sort();
    v
}

#[test]
fn rotation_over_a_simulated_year_keeps_exactly_the_right_files() {
    let ws = Ws::new();
    std::fs::create_dir_all(ws.backups()).unwrap();
    // Files that are not regular backups of ours: never removed.
    let others = [
        "notes.txt",
        "northstar-copy.db",
        "northstar-2025-10-05-120000-before-restore.db",
    ];
    for name in others {
        std::fs::write(ws.backups().join(name), b"kept").unwrap();
    }
    let mut last_day = None;
    for t in launches() {
        let made = auto_backup(&ws.store, t).unwrap();
        assert_eq!(
            made.is_some(),
            last_day != Some(t.date()),
            "{t}: once a day"
        );
        last_day = Some(t.date());
        let names = ws.backup_names();
        let ours = regular(&names);
        assert!(ours.len() <= 7 + 4 + 12, "{t}: {ours:?}");
        assert_eq!(
            ours.last(),
            Some(&file_name(
                t.date().and_hms_opt(9, 0, 0).unwrap(),
                BackupKind::Regular
            ))
        );
        if t == at(2026, 8, 17, 9, 0) {
            // Back from two closed weeks: the last seven days with a backup span the gap.
            let daily = named(&[
                (2026, 7, 28),
                (2026, 7, 29),
                (2026, 7, 30),
                (2026, 7, 31),
                (2026, 8, 1),
                (2026, 8, 2),
                (2026, 8, 17),
            ]);
            for d in &daily {
                assert!(ours.contains(d), "{d} missing from {ours:?}");
            }
        }
    }
    let expect = named(&[
        // The newest of each of the last twelve months that have one (none in November).
        (2025, 12, 31),
        (2026, 1, 31),
        (2026, 2, 28),
        (2026, 3, 31),
        (2026, 4, 30),
        (2026, 5, 31),
        (2026, 6, 30),
        (2026, 7, 31),
        (2026, 8, 31),
        (2026, 9, 30),
        (2026, 10, 31),
        // The newest of each of the last four ISO weeks: weeks 50 and 51 add their Fridays.
        (2026, 12, 11),
        (2026, 12, 18),
        // The last seven days with a backup (no weekends in December); the 31st ends every
        // rule's list.
        (2026, 12, 23),
        (2026, 12, 24),
        (2026, 12, 25),
        (2026, 12, 28),
        (2026, 12, 29),
        (2026, 12, 30),
        (2026, 12, 31),
    ]);
    let names = ws.backup_names();
    assert_eq!(regular(&names), expect);
    for name in others {
        assert!(names.contains(&name.to_owned()), "{name} was removed");
    }
    assert_eq!(names.len(), expect.len() + others.len(), "{names:?}");
    // Rotating once more changes nothing: keeping is stable.
    assert!(rotate(&ws.backups()).unwrap().is_empty());
}

#[test]
fn at_most_one_automatic_backup_a_day_and_back_up_now_counts_as_that_day_s() {
    let ws = Ws::new();
    assert!(auto_backup(&ws.store, at(2026, 11, 25, 0, 5))
        .unwrap()
        .is_some());
    assert!(auto_backup(&ws.store, at(2026, 11, 25, 23, 59))
        .unwrap()
        .is_none());
    let next = auto_backup(&ws.store, at(2026, 11, 26, 0, 1))
        .unwrap()
        .unwrap();
    assert!(
        next.path.ends_with("northstar-2026-11-26-000100.db"),
        "{}",
        next.path
    );
    // "Back up now" on a day with no backup yet spares the launch's.
    backup_now(&ws.store, at(2026, 11, 27, 8, 0)).unwrap();
    assert!(auto_backup(&ws.store, at(2026, 11, 27, 9, 0))
        .unwrap()
        .is_none());
    // Two in one second get two names.
    let a = backup_now(&ws.store, at(2026, 11, 27, 10, 0)).unwrap();
    let b = backup_now(&ws.store, at(2026, 11, 27, 10, 0)).unwrap();
    assert_ne!(a.path, b.path);
    assert_eq!(
        regular(&ws.backup_names()),
        [
            "northstar-2026-11-25-000500.db",
            "northstar-2026-11-26-000100.db",
            "northstar-2026-11-27-100001.db",
        ],
        "the newest of the 27th is kept"
    );
}

#[test]
fn a_backup_is_one_consistent_self_contained_file_and_never_overwrites() {
    let ws = Ws::new();
    let dest = ws.dir.path().join("elsewhere/copy.db");
    let info = backup_to(&ws.store, &dest).unwrap();
    assert_eq!(info.schema, crate::store::LATEST_VERSION);
    assert_eq!(info.bytes, std::fs::metadata(&dest).unwrap().len());
    assert_eq!(
        info.counts,
        crate::backup::RowCounts::read(ws.store.conn()).unwrap()
    );
    assert_eq!(info.counts.projects(), 1);
    // Nothing beside it: no log, no temporary file.
    assert_eq!(names_in(&ws.dir.path().join("elsewhere")), ["copy.db"]);
    let journal: String = rusqlite::Connection::open(&dest)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "delete");

    std::fs::write(ws.dir.path().join("taken.db"), b"mine").unwrap();
    let err = backup_to(&ws.store, &ws.dir.path().join("taken.db")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().contains("taken.db already exists"), "{err}");
    assert_eq!(
        std::fs::read(ws.dir.path().join("taken.db")).unwrap(),
        b"mine"
    );
}

#[test]
fn rotation_sweeps_old_leftovers_of_interrupted_backups_but_not_young_ones() {
    let ws = Ws::new();
    let dir = ws.backups();
    std::fs::create_dir_all(dir.join(".northstar-tmp-old-staging")).unwrap();
    std::fs::write(dir.join(".northstar-tmp-old.db"), b"half").unwrap();
    std::fs::write(dir.join(".northstar-tmp-young.db"), b"in progress").unwrap();
    let long_ago = SystemTime::now() - Duration::from_secs(2 * 3600);
    for old in [".northstar-tmp-old.db", ".northstar-tmp-old-staging"] {
        std::fs::File::open(dir.join(old))
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }
    rotate(&dir).unwrap();
    assert_eq!(names_in(&dir), [".northstar-tmp-young.db"]);
}

/// Found by the SIGKILL test: a third backup within one second took the first one's free name,
/// and rotation deleted it as the day's older copy while the CLI reported it written.
#[test]
fn backups_in_the_same_second_each_get_a_later_name_and_the_last_one_is_kept() {
    let ws = Ws::new();
    let now = at(2026, 11, 25, 9, 0);
    let mut written = Vec::new();
    for _ in 0..4 {
        written.push(backup_now(&ws.store, now).unwrap().path);
    }
    let mut sorted = written.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, written, "each later than the last: {written:?}");
    let last = std::path::Path::new(written.last().unwrap());
    assert!(last.exists(), "the backup reported is the one kept");
    assert_eq!(ws.backup_names().len(), 1, "{:?}", ws.backup_names());
}
