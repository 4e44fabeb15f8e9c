//! A workspace made by every released schema opens, migrates and keeps every row.
//!
//! `tests/fixtures/schema-N.db` (made by `tests/fixtures/make_schema_fixtures.py`) is a small
//! workspace as schema N left it. Each is copied into a temporary folder, opened with the app's
//! own store, and checked row by row. A new schema needs its fixture: the test asks for one per
//! version up to `LATEST_VERSION`.

use northstar_core::project;
use northstar_core::store::{APPLICATION_ID, LATEST_VERSION};
use northstar_core::Store;
use std::path::PathBuf;

const FIXTURE_DEVICE: &str = "fixture-device";

/// (table, schema version whose fixture rows it gained, rows the fixture script writes)
const ROWS: &[(&str, i64, i64)] = &[
    ("projects", 1, 3),
    ("pillars", 1, 5),
    ("assessments", 1, 1),
    ("assessment_scores", 1, 3),
    ("changes", 1, 3),
    ("settings", 1, 3),
    ("goals", 2, 2),
    ("goal_readings", 2, 3),
    ("stakeholders", 2, 2),
    ("stakeholder_check_ins", 2, 1),
    ("goal_stakeholders", 2, 1),
    ("first_week_ticks", 2, 1),
    ("risks", 3, 3),
    ("risk_goals", 3, 1),
    ("risk_stakeholders", 3, 1),
    ("regulations", 4, 6),
    ("compliance_notes", 4, 3),
    ("project_regulations", 4, 2),
    ("scan_rows", 4, 2),
    ("data_inventory", 4, 1),
    ("compliance_triggers", 4, 1),
    ("vendors", 4, 1),
    ("controls", 4, 13),
    ("compliance_questions", 4, 1),
    ("compliance_reviews", 4, 1),
    ("agenda_marks", 5, 1),
    ("reminders_sent", 5, 1),
    ("batches", 6, 1),
];

/// The rows `table` holds once a schema-`from` file is brought up to date.
fn expected(table: &str, since: i64, rows: i64, from: i64) -> i64 {
    if from >= since {
        return rows;
    }
    // Migration 0004 brings the five built-in regulations, and gives every project (the
    // deleted one too) its compliance notes and four starting controls.
    match table {
        "regulations" => 5,
        "compliance_notes" => 3,
        "controls" => 12,
        _ => 0,
    }
}

fn fixture(version: i64) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(format!("schema-{version}.db"))
}

fn count(store: &Store, sql: &str) -> i64 {
    store
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn text(store: &Store, sql: &str) -> String {
    store
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
fn every_released_schema_opens_migrates_and_keeps_every_row() {
    for version in 1..=LATEST_VERSION {
        let source = fixture(version);
        assert!(
            source.exists(),
            "no fixture for schema {version}: add its rows to tests/fixtures/make_schema_fixtures.py and run it"
        );
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("northstar.db");
        std::fs::copy(&source, &db).unwrap();
        let store = Store::open(&db).unwrap_or_else(|e| panic!("schema {version}: {e}"));
        let at = format!("schema-{version}.db");

        assert_eq!(count(&store, "PRAGMA user_version"), LATEST_VERSION, "{at}");
        assert_eq!(
            count(&store, "PRAGMA application_id"),
            i64::from(APPLICATION_ID),
            "{at}"
        );
        assert_eq!(text(&store, "PRAGMA integrity_check"), "ok", "{at}");
        assert_eq!(
            count(&store, "SELECT count(*) FROM pragma_foreign_key_check"),
            0,
            "{at}"
        );
        for &(table, since, rows) in ROWS {
            assert_eq!(
                count(&store, &format!("SELECT count(*) FROM {table}")),
                expected(table, since, rows, version),
                "{at}: rows in {table}"
            );
        }
        let backup = dir.path().join(format!("northstar.db.v{version}.bak"));
        assert_eq!(
            backup.exists(),
            version < LATEST_VERSION,
            "{at}: copied aside before migrating"
        );
        values_survive(&store, version);
    }
}

/// A few values, Unicode text and what the soft delete left, read back after migration.
fn values_survive(store: &Store, version: i64) {
    let at = format!("schema-{version}.db");
    let live = project::list(store.conn()).unwrap();
    let names: Vec<&str> = live.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"LaunchPad – v0"), "{at}: {names:?}");
    assert!(!names.contains(&"Old – trashed"), "{at}: {names:?}");
    let launchpad = live.iter().find(|p| p.name == "LaunchPad – v0").unwrap();
    assert_eq!(launchpad.description, "Ship the beta to São Paulo", "{at}");
    assert_eq!(
        text(
            store,
            "SELECT evidence || ' / ' || owner FROM pillars WHERE name = 'Security'"
        ),
        "Keys in .env – never rotated / João",
        "{at}"
    );
    assert_eq!(
        text(store, "SELECT value FROM settings WHERE key = 'device_id'"),
        FIXTURE_DEVICE,
        "{at}: the device id is kept"
    );
    if version >= 2 {
        assert_eq!(
            text(
                store,
                "SELECT g.goal FROM projects p JOIN goals g ON g.id = p.leading_goal_id WHERE p.name = 'LaunchPad – v0'"
            ),
            "Teams ship weekly",
            "{at}"
        );
        assert_eq!(
            text(store, "SELECT note FROM stakeholder_check_ins"),
            "Café – agreed the beta scope",
            "{at}"
        );
    }
    if version >= 3 {
        // The full-text index came along too: "resume" finds "Résumé".
        assert_eq!(
            count(
                store,
                "SELECT count(*) FROM risks_fts WHERE risks_fts MATCH 'resume'"
            ),
            1,
            "{at}"
        );
        assert_eq!(
            count(store, "SELECT severity FROM risks WHERE search_key = 1"),
            15,
            "{at}"
        );
    }
    if version >= 4 {
        assert_eq!(
            text(store, "SELECT name FROM vendors"),
            "Correio São Paulo",
            "{at}"
        );
    }
    if version >= 5 {
        assert_eq!(
            text(
                store,
                "SELECT checkpoint_repeat FROM pillars WHERE name = 'Reliability'"
            ),
            "monthly",
            "{at}"
        );
    }
    // Changes recorded before schema 6 have no batch: history, but not undoable.
    let undo = northstar_core::undo::undo_state(store.conn()).unwrap().undo;
    if version >= 6 {
        assert_eq!(
            undo.map(|u| u.label).as_deref(),
            Some("Score changed"),
            "{at}"
        );
    } else {
        assert_eq!(undo, None, "{at}");
    }
}

#[test]
fn an_edit_recorded_by_schema_6_is_undone_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("northstar.db");
    std::fs::copy(fixture(6), &db).unwrap();
    let score = |s: &Store| {
        s.conn()
            .query_row(
                "SELECT score FROM pillars WHERE name = 'Reliability'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap()
    };
    let mut store = Store::open(&db).unwrap();
    assert_eq!(score(&store), 2);
    let out = northstar_core::undo::undo(&mut store).unwrap();
    assert_eq!(out.message, "Undid: Score changed · LaunchPad – v0");
    assert_eq!(score(&store), 1);
}
