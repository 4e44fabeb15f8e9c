//! The check: a healthy workspace, no backups yet, a damaged newest backup, broken links, and
//! row counts that cover every table.

use super::*;
use crate::backup::counts::AREAS;
use crate::backup::{backup_now, check, BackupKind, CheckReport};

fn problems(report: &CheckReport) -> Vec<String> {
    report
        .problems()
        .map(|i| format!("{}: {}", i.name, i.detail))
        .collect()
}

#[test]
fn a_healthy_workspace_passes_and_having_no_backup_yet_is_said_not_failed() {
    let ws = Ws::new();
    let tmp = ws.dir.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let report = check(&ws.store, Some(&tmp)).unwrap();
    assert!(report.ok, "{:?}", problems(&report));
    let names: Vec<&str> = report.items.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Integrity", "Foreign keys", "Newest backup"]);
    assert!(
        report.items[2].detail.starts_with("No backups yet"),
        "{}",
        report.items[2].detail
    );

    backup_now(&ws.store, at(2026, 11, 25, 9, 0)).unwrap();
    let report = check(&ws.store, Some(&tmp)).unwrap();
    assert!(report.ok, "{:?}", problems(&report));
    let detail = &report.items[2].detail;
    assert!(detail.contains("northstar-2026-11-25-090000.db (2026-11-25 09:00:00), restores with every row: 1 project, 12 pillars"), "{detail}");
    assert!(
        names_in(&tmp).is_empty(),
        "the test restore cleans up: {:?}",
        names_in(&tmp)
    );
}

#[test]
fn a_damaged_newest_backup_is_named_and_fails_the_check() {
    let ws = Ws::new();
    let good = backup_now(&ws.store, at(2026, 11, 25, 9, 0)).unwrap();
    let whole = std::fs::read(&good.path).unwrap();
    let newest = ws.backups().join(crate::backup::rotation::file_name(
        at(2026, 11, 26, 9, 0),
        BackupKind::Regular,
    ));
    std::fs::write(&newest, &whole[..whole.len() / 2]).unwrap();
    let tmp = ws.dir.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();

    let report = check(&ws.store, Some(&tmp)).unwrap();
    assert!(!report.ok);
    let found = problems(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("Newest backup: The newest backup does not restore: "),
        "{found:?}"
    );
    assert!(
        found[0].contains(&newest.display().to_string()),
        "names the file: {found:?}"
    );
    assert!(found[0].contains("failed its integrity check"), "{found:?}");
    assert!(names_in(&tmp).is_empty(), "{:?}", names_in(&tmp));
}

#[test]
fn an_older_schema_backup_test_restores_with_every_row() {
    let ws = Ws::new();
    std::fs::create_dir_all(ws.backups()).unwrap();
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/schema-3.db");
    let name = crate::backup::rotation::file_name(at(2026, 1, 2, 9, 0), BackupKind::Regular);
    std::fs::copy(fixture, ws.backups().join(&name)).unwrap();
    let report = check(&ws.store, None).unwrap();
    assert!(report.ok, "{:?}", problems(&report));
    assert!(
        report.items[2].detail.contains(&name),
        "{}",
        report.items[2].detail
    );
}

#[test]
fn rows_pointing_at_missing_rows_are_named() {
    let ws = Ws::new();
    let conn = ws.store.conn();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO pillars (id, project_id, name, position, created_at, updated_at)
         VALUES ('p-orphan', 'no-such-project', 'Orphan', 0, 't', 't');
         PRAGMA foreign_keys = ON;",
    )
    .unwrap();
    let report = check(&ws.store, None).unwrap();
    assert!(!report.ok);
    assert_eq!(
        problems(&report),
        ["Foreign keys: Some rows point at rows that do not exist: pillars → projects (1)."]
    );
}

#[test]
fn row_counts_cover_every_table_of_the_latest_schema() {
    let ws = Ws::new();
    let tables: Vec<String> = ws
        .store
        .conn()
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'risks_fts%' AND name != 'settings'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for t in &tables {
        assert!(
            AREAS.iter().any(|(a, ..)| a == t),
            "table {t} is missing from backup::counts::AREAS: a restore and a check would not count it"
        );
    }
    assert_eq!(tables.len(), AREAS.len());
}
