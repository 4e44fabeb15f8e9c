//! Restore: a round trip, every kind of file refused with the workspace untouched, an older
//! schema migrated on the way in, and other connections seeing the restored data.

use super::*;
use crate::backup::{backup_now, restore, RowCounts};
use crate::project::{self, NewProject};
use crate::store::LATEST_VERSION;
use crate::ErrorKind;
use rusqlite::Connection;

fn fixture(version: i64) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(format!("schema-{version}.db"))
}

fn new_project(store: &mut Store, name: &str) {
    project::create(
        store,
        NewProject {
            name: name.into(),
            ..Default::default()
        },
    )
    .unwrap();
}

fn pragma(conn: &Connection, name: &str) -> String {
    conn.query_row(&format!("PRAGMA {name}"), [], |r| {
        r.get::<_, rusqlite::types::Value>(0)
    })
    .map(|v| match v {
        rusqlite::types::Value::Text(s) => s,
        rusqlite::types::Value::Integer(i) => i.to_string(),
        other => format!("{other:?}"),
    })
    .unwrap()
}

#[test]
fn a_backup_restored_gives_back_every_row_and_the_workspace_as_it_was_is_kept() {
    let mut ws = Ws::new();
    let backup = backup_now(&ws.store, at(2026, 11, 25, 9, 0)).unwrap();
    new_project(&mut ws.store, "After the backup – São Paulo");
    let changed = RowCounts::read(ws.store.conn()).unwrap();
    assert_eq!(changed.projects(), 2);

    let report = restore(
        &mut ws.store,
        Path::new(&backup.path),
        at(2026, 11, 25, 10, 0),
    )
    .unwrap();
    assert_eq!(report.counts, backup.counts);
    assert_eq!(report.projects, 1);
    assert_eq!(
        (report.schema_from, report.migrated),
        (LATEST_VERSION, false)
    );
    assert!(
        report.summary().starts_with("Restored 1 project from "),
        "{}",
        report.summary()
    );
    assert!(report.summary().contains("pillars"), "{}", report.summary());

    // The workspace as it was before is a backup of its own, never rotated away.
    assert!(
        report
            .before_restore
            .ends_with("northstar-2026-11-25-100000-before-restore.db"),
        "{}",
        report.before_restore
    );
    let before = Connection::open(&report.before_restore).unwrap();
    assert_eq!(RowCounts::read(&before).unwrap(), changed);
    crate::backup::rotation::rotate(&ws.backups()).unwrap();
    assert!(Path::new(&report.before_restore).exists());

    // The store goes on working, in WAL mode, on a sound file.
    let conn = ws.store.conn();
    assert_eq!(pragma(conn, "journal_mode"), "wal");
    assert_eq!(pragma(conn, "integrity_check"), "ok");
    assert_eq!(pragma(conn, "user_version"), LATEST_VERSION.to_string());
    new_project(&mut ws.store, "After the restore");
    assert_eq!(ws.projects(), 2);
}

/// The live database's bytes, with the log folded in first so they are the whole state.
fn live_bytes(ws: &Ws) -> (Vec<u8>, u64) {
    let mut wal = ws.db().into_os_string();
    wal.push("-wal");
    let wal_len = std::fs::metadata(&wal).map_or(0, |m| m.len());
    (std::fs::read(ws.db()).unwrap(), wal_len)
}

fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn a_missing_corrupt_foreign_or_newer_file_is_refused_and_the_workspace_is_untouched() {
    let mut ws = Ws::new();
    let good = ws.dir.path().join("good.db");
    crate::backup::backup_to(&ws.store, &good).unwrap();
    let files = ws.dir.path().join("offered");
    std::fs::create_dir_all(&files).unwrap();
    let file = |name: &str| files.join(name);

    std::fs::write(file("noise.db"), noise(64 * 1024, 7)).unwrap();
    std::fs::write(file("empty.db"), b"").unwrap();
    let mut fake = b"SQLite format 3\0".to_vec();
    fake.extend(noise(8 * 1024, 11));
    std::fs::write(file("header-then-noise.db"), fake).unwrap();
    let whole = std::fs::read(&good).unwrap();
    std::fs::write(file("truncated.db"), &whole[..whole.len() / 2]).unwrap();
    let foreign = Connection::open(file("foreign.db")).unwrap();
    foreign
        .execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');")
        .unwrap();
    drop(foreign);
    std::fs::copy(&good, file("newer.db")).unwrap();
    Connection::open(file("newer.db"))
        .unwrap()
        .pragma_update(None, "user_version", LATEST_VERSION + 1)
        .unwrap();
    std::fs::create_dir_all(file("a-folder.db")).unwrap();

    let newer = format!(
        "was made by a newer Northstar (schema {}; this app knows up to {LATEST_VERSION})",
        LATEST_VERSION + 1
    );
    let cases: &[(&str, &str)] = &[
        ("missing.db", "does not exist"),
        (
            "noise.db",
            "is not a Northstar workspace (it is not an SQLite database)",
        ),
        (
            "empty.db",
            "is not a Northstar workspace (it is not an SQLite database)",
        ),
        ("header-then-noise.db", "failed its integrity check"),
        ("truncated.db", "failed its integrity check"),
        (
            "foreign.db",
            "is not a Northstar workspace (it is another application's database)",
        ),
        ("newer.db", &newer),
        ("a-folder.db", "is a folder"),
    ];
    ws.store.checkpoint().unwrap();
    let before = live_bytes(&ws);
    let backups_before = ws.backup_names();
    for &(name, expect) in cases {
        let path = file(name);
        let offered = std::fs::read(&path).ok();
        let err = restore(&mut ws.store, &path, at(2026, 11, 25, 10, 0)).unwrap_err();
        let msg = err.to_string();
        assert_eq!(err.kind(), ErrorKind::Refused, "{name}: {msg}");
        assert!(
            msg.contains(expect),
            "{name}: expected “{expect}” in: {msg}"
        );
        assert!(
            msg.contains(&path.display().to_string()),
            "{name} names the file: {msg}"
        );
        assert!(
            msg.ends_with("Nothing was restored; the workspace is unchanged."),
            "{msg}"
        );
        assert!(
            live_bytes(&ws) == before,
            "{name}: the workspace file changed"
        );
        assert_eq!(
            ws.backup_names(),
            backups_before,
            "{name}: no backup taken, nothing left"
        );
        assert_eq!(
            std::fs::read(&path).ok(),
            offered,
            "{name}: the offered file changed"
        );
    }
    assert_eq!(ws.projects(), 1);
}

#[test]
fn an_older_schema_file_is_migrated_on_the_way_in_and_is_itself_left_as_it_was() {
    let mut ws = Ws::new();
    let offered = ws.dir.path().join("from-2025.db");
    std::fs::copy(fixture(2), &offered).unwrap();
    let bytes = std::fs::read(&offered).unwrap();

    let report = restore(&mut ws.store, &offered, at(2026, 11, 25, 10, 0)).unwrap();
    assert_eq!((report.schema_from, report.migrated), (2, true));
    assert_eq!(report.projects, 2, "the fixture's two live projects");
    assert_eq!(report.counts.get("goal_readings").unwrap().rows, 3);
    assert_eq!(
        report.counts.get("compliance_notes").unwrap().rows,
        3,
        "made by migration 4"
    );
    assert!(
        report.summary().contains("brought up from schema 2"),
        "{}",
        report.summary()
    );
    assert_eq!(
        std::fs::read(&offered).unwrap(),
        bytes,
        "the offered file is only read"
    );
    // Its pages were 1 KiB; the workspace keeps its own size, mode and soundness.
    let conn = ws.store.conn();
    assert_eq!(pragma(conn, "page_size"), "4096");
    assert_eq!(pragma(conn, "journal_mode"), "wal");
    assert_eq!(pragma(conn, "integrity_check"), "ok");
    let names: Vec<String> = project::list(conn)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(names.contains(&"LaunchPad – v0".to_owned()), "{names:?}");
    new_project(&mut ws.store, "Written after the restore");
    assert_eq!(ws.projects(), 3);
}

#[test]
fn another_connection_open_before_the_restore_reads_the_restored_data_and_writes_onto_it() {
    let mut ws = Ws::new();
    let mut window = Store::open(&ws.db()).unwrap();
    let seen = |s: &Store| -> Vec<String> {
        project::list(s.conn())
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect()
    };
    assert_eq!(seen(&window), [crate::demo::DEMO_NAME]);
    let version = |s: &Store| -> i64 {
        s.conn()
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap()
    };
    let v0 = version(&window);
    let mark = crate::backup::last_restore(&window).unwrap();

    restore(
        &mut ws.store,
        &fixture(LATEST_VERSION),
        at(2026, 11, 25, 10, 0),
    )
    .unwrap();

    assert_ne!(
        version(&window),
        v0,
        "the window can tell the data changed under it"
    );
    let after = crate::backup::last_restore(&window).unwrap();
    assert!(
        after.is_some() && after != mark,
        "and that it was a restore: {after:?}"
    );
    let mut names = seen(&window);
    names.sort();
    assert_eq!(names, ["LaunchPad – v0", "São Paulo pilot"]);
    // Its next write lands on the restored data; it never brings the old file back.
    new_project(&mut window, "Added from the window");
    assert_eq!(ws.projects(), 3);
    drop(window);
    assert_eq!(pragma(ws.store.conn(), "integrity_check"), "ok");
}
