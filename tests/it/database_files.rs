//! Real database files: files that are not ours are refused and left byte-for-byte untouched
//! (contents, modification time, and nothing created beside them); empty files are new
//! workspaces; a database made by an earlier run or an earlier schema opens with nothing lost.

use northstar_core::store::{inspect, FileState, APPLICATION_ID, LATEST_VERSION};
use northstar_core::ErrorKind;
use northstar_tests::{
    cli, cli_json, describe, dir_listing, integrity_check, stderr, FileSnapshot, Workspace,
};
use rusqlite::Connection;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// A fixed, old modification time, so any write to the file would show.
fn set_old_mtime(path: &Path) {
    let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(when))
        .expect("set mtime");
}

/// Deterministic noise (xorshift64), so a failure can be reproduced.
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

/// Runs the CLI and the core on a file that must be refused, then checks it is untouched.
/// Returns the CLI's message.
fn assert_refused_untouched(ws: &Workspace, expect_in_message: &str) -> String {
    let db = ws.db_path();
    set_old_mtime(&db);
    let before = FileSnapshot::of(&db);
    let listing = dir_listing(&ws.data_dir());

    let mut first = None;
    for args in [
        &["projects", "--json"][..],
        &["projects"],
        &["show", "anything", "--json"],
    ] {
        let out = cli(ws, args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "`northstar {}`\n{}",
            args.join(" "),
            describe(&out)
        );
        assert!(out.stdout.is_empty(), "{}", describe(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("northstar: ") && err.lines().count() == 1,
            "{}",
            describe(&out)
        );
        assert!(
            err.contains(expect_in_message),
            "expected “{expect_in_message}” in: {err}"
        );
        assert!(
            err.contains("untouched"),
            "the message says the file was left alone: {err}"
        );
        first.get_or_insert(err.trim_end().to_owned());
    }
    let err = match northstar_core::Store::open(&db) {
        Ok(_) => panic!("the core opened a file it must refuse"),
        Err(e) => e,
    };
    assert_eq!(err.kind(), ErrorKind::Refused, "{err}");
    assert!(
        inspect(&db).is_err(),
        "inspect() accepted a file that open() refused"
    );

    assert!(
        FileSnapshot::of(&db) == before,
        "the refused file was modified (contents or mtime)"
    );
    assert_eq!(
        dir_listing(&ws.data_dir()),
        listing,
        "files were created beside the refused database"
    );
    first.expect("at least one run")
}

#[test]
fn random_bytes_are_refused_and_left_untouched() {
    let ws = Workspace::new();
    std::fs::write(ws.db_path(), noise(64 * 1024, 0x9E37_79B9_7F4A_7C15)).unwrap();
    let msg = assert_refused_untouched(&ws, "not a Northstar workspace");
    assert!(
        msg.contains(&ws.db_path().display().to_string()),
        "the message names the file: {msg}"
    );
}

#[test]
fn a_short_text_file_is_refused_and_left_untouched() {
    let ws = Workspace::new();
    std::fs::write(ws.db_path(), "hello\n").unwrap();
    assert_refused_untouched(&ws, "not a Northstar workspace");
}

#[test]
fn a_damaged_sqlite_file_is_refused_and_left_untouched() {
    let ws = Workspace::new();
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(noise(8 * 1024, 42));
    std::fs::write(ws.db_path(), bytes).unwrap();
    assert_refused_untouched(&ws, "untouched");
}

/// Another application's SQLite database, in each journal mode and with each header that could
/// be mistaken for ours (a zero application_id, a user_version that happens to be ours).
#[test]
fn another_apps_sqlite_is_refused_and_left_untouched() {
    for (journal, app_id, user_version) in [
        ("DELETE", 0, 0),
        ("DELETE", 0, LATEST_VERSION),
        ("WAL", 0, 0),
        ("WAL", 0x1234_5678, LATEST_VERSION),
    ] {
        let ws = Workspace::new();
        {
            let conn = Connection::open(ws.db_path()).unwrap();
            let mode: String = conn
                .query_row(&format!("PRAGMA journal_mode = {journal}"), [], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(mode.to_uppercase(), journal);
            conn.execute_batch(
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
                 INSERT INTO notes (body) VALUES ('keep me'), ('and me');",
            )
            .unwrap();
            conn.pragma_update(None, "application_id", app_id).unwrap();
            conn.pragma_update(None, "user_version", user_version)
                .unwrap();
        }
        assert_eq!(
            dir_listing(&ws.data_dir()),
            ["northstar.db"],
            "closing the other app's connection leaves only its file"
        );
        let msg = assert_refused_untouched(&ws, "another application");
        assert!(!msg.is_empty(), "{journal} {app_id} {user_version}");
        let conn = Connection::open(ws.db_path()).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM notes", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 2);
    }
}

#[test]
fn a_workspace_from_a_newer_northstar_is_refused_and_left_untouched() {
    let ws = Workspace::new();
    {
        let _store = ws.store();
    }
    {
        let conn = Connection::open(ws.db_path()).unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .unwrap();
        // Leave a clean single file, as a newer app that closed properly would (copied here
        // without the lock file our own open left beside it).
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    std::fs::remove_file(ws.data_dir().join("northstar.db.lock")).unwrap();
    // Refused before the open takes its turn: not even a lock file is made beside it.
    assert_eq!(dir_listing(&ws.data_dir()), ["northstar.db"]);
    let msg = assert_refused_untouched(&ws, "newer Northstar");
    assert!(
        msg.contains(&format!("schema version {}", LATEST_VERSION + 1)),
        "{msg}"
    );
}

#[test]
fn a_folder_where_the_database_should_be_is_refused() {
    let ws = Workspace::new();
    std::fs::create_dir(ws.db_path()).unwrap();
    std::fs::write(ws.db_path().join("keep.txt"), "mine").unwrap();
    let out = cli(&ws, &["projects"]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(
        stderr(&out).starts_with("northstar: "),
        "{}",
        describe(&out)
    );
    assert_eq!(dir_listing(&ws.db_path()), ["keep.txt"]);
}

#[test]
fn an_empty_file_is_a_new_workspace() {
    let ws = Workspace::new();
    std::fs::write(ws.db_path(), b"").unwrap();
    assert_eq!(inspect(&ws.db_path()).unwrap(), FileState::New);
    let list = cli_json(&ws, &["projects", "--json"]);
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "the empty file became a workspace with the demo"
    );
    let conn = Connection::open(ws.db_path()).unwrap();
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, APPLICATION_ID, "application_id is 'NSTR'");
    assert_eq!(version, LATEST_VERSION);
    assert_eq!(journal, "wal");
}

/// A workspace made and filled by one run is reopened by later runs with nothing lost, nothing
/// re-seeded, and no migration backup (it is already at the latest schema).
#[test]
fn a_workspace_from_an_earlier_run_is_reopened_with_nothing_lost() {
    use northstar_core::project::{self, NewProject};
    use northstar_core::scorecard::{self, NewPillar, PillarEdit};

    let ws = Workspace::new();
    cli_json(&ws, &["projects", "--json"]);
    let second_id;
    {
        let mut store = ws.store();
        let p = project::create(
            &mut store,
            NewProject {
                name: "São Paulo rollout".into(),
                north_star: "Every store syncs nightly with zero lost orders.".into(),
                leading_metric: "Nightly sync success rate".into(),
                ..NewProject::default()
            },
        )
        .unwrap();
        let pillar = scorecard::add_pillar(
            &mut store,
            &p.id,
            NewPillar {
                name: "Reliability".into(),
                description: String::new(),
            },
        )
        .unwrap();
        scorecard::edit_pillar(&mut store, &pillar.id, PillarEdit::Score(Some(3))).unwrap();
        scorecard::edit_pillar(
            &mut store,
            &pillar.id,
            PillarEdit::Evidence("Retries with backoff.".into()),
        )
        .unwrap();
        scorecard::record_assessment(&mut store, &p.id, "v1.0", "2026-01-31").unwrap();
        second_id = p.id;
    }
    let first_list = cli_json(&ws, &["projects", "--json"]);
    let first_show = cli_json(&ws, &["show", &second_id, "--json"]);
    for _ in 0..2 {
        assert_eq!(cli_json(&ws, &["projects", "--json"]), first_list);
        assert_eq!(cli_json(&ws, &["show", &second_id, "--json"]), first_show);
    }
    assert_eq!(first_list.as_array().unwrap().len(), 2, "{first_list}");
    assert_eq!(first_show["pillars"][0]["score"], 3);
    assert_eq!(
        first_show["pillars"][0]["evidence"],
        "Retries with backoff."
    );
    assert_eq!(first_show["assessments"][0]["label"], "v1.0");
    assert_eq!(first_show["assessments"][0]["scores"][0]["score"], 3);
    let backups: Vec<String> = dir_listing(&ws.data_dir())
        .into_iter()
        .filter(|n| n.ends_with(".bak"))
        .collect();
    assert!(
        backups.is_empty(),
        "no migration ran, so no backup: {backups:?}"
    );
    assert_eq!(integrity_check(&ws.db_path()), "ok");
}

/// A file made by the schema-1 app as it shipped (migrations/0001_init.sql, applied as that
/// release did) opens in this build with every row kept. When later migrations land, this is
/// the upgrade test from version 1 and also checks the copy kept aside.
#[test]
fn a_schema_1_workspace_opens_with_nothing_lost() {
    let ws = Workspace::new();
    {
        let conn = Connection::open(ws.db_path()).unwrap();
        conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            .unwrap();
        conn.execute_batch(include_str!("../../migrations/0001_init.sql"))
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        let t = "2026-01-02T03:04:05.000Z";
        conn.execute_batch(&format!(
            "INSERT INTO projects (id, name, description, north_star, leading_metric, archived, created_at, updated_at)
               VALUES ('0190a000-0000-7000-8000-000000000001', 'Old project', 'From v1', 'Zero data loss', 'Error rate', 0, '{t}', '{t}'),
                      ('0190a000-0000-7000-8000-000000000002', 'Shelved', '', '', '', 1, '{t}', '{t}');
             INSERT INTO pillars (id, project_id, name, description, score, target, evidence, owner, next_checkpoint, position, created_at, updated_at)
               VALUES ('0190a000-0000-7000-8000-000000000011', '0190a000-0000-7000-8000-000000000001', 'Security', '', 2, 4, 'Keys rotated once', 'Ana', '2026-03-01', 0, '{t}', '{t}');
             INSERT INTO assessments (id, project_id, label, date, created_at, updated_at)
               VALUES ('0190a000-0000-7000-8000-000000000021', '0190a000-0000-7000-8000-000000000001', 'Day 0', '2026-01-02', '{t}', '{t}');
             INSERT INTO assessment_scores (id, assessment_id, pillar_id, pillar_name, score, target, evidence, position, created_at)
               VALUES ('0190a000-0000-7000-8000-000000000031', '0190a000-0000-7000-8000-000000000021', '0190a000-0000-7000-8000-000000000011', 'Security', 1, 4, 'Keys in .env', 0, '{t}');
             INSERT INTO settings (key, value) VALUES ('device_id', 'old-device');"
        ))
        .unwrap();
    }
    let list = cli_json(&ws, &["projects", "--json"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Old project", "Shelved"],
        "kept, and no demo seeded beside existing projects"
    );
    assert_eq!(list[1]["archived"], true);

    let v = cli_json(&ws, &["show", "Old project", "--json"]);
    assert_eq!(v["project"]["north_star"], "Zero data loss");
    assert_eq!(v["project"]["leading_metric"], "Error rate");
    let pl = &v["pillars"][0];
    assert_eq!(
        (
            &pl["name"],
            &pl["score"],
            &pl["evidence"],
            &pl["owner"],
            &pl["next_checkpoint"]
        ),
        (
            &"Security".into(),
            &2.into(),
            &"Keys rotated once".into(),
            &"Ana".into(),
            &"2026-03-01".into()
        )
    );
    assert_eq!(v["assessments"][0]["label"], "Day 0");
    assert_eq!(v["assessments"][0]["scores"][0]["score"], 1);
    assert_eq!(v["assessments"][0]["scores"][0]["evidence"], "Keys in .env");
    // Schema 2's areas start empty on an upgraded project.
    assert_eq!(v["project"]["leading_goal_id"], serde_json::Value::Null);
    assert_eq!(v["goals"], serde_json::json!([]));
    assert_eq!(v["stakeholders"], serde_json::json!([]));

    let conn = Connection::open(ws.db_path()).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        version, LATEST_VERSION,
        "opened files are brought up to the latest schema"
    );
    let device: String = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'device_id'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(device, "old-device", "the workspace keeps its device id");
    if LATEST_VERSION > 1 {
        assert!(
            ws.data_dir().join("northstar.db.v1.bak").is_file(),
            "a v1 file is copied aside before migrating: {:?}",
            dir_listing(&ws.data_dir())
        );
    }
    assert_eq!(integrity_check(&ws.db_path()), "ok");
}

/// A workspace written by schema 2 (goals with typed risks text, before the register) opens
/// with that text word for word, an empty register, and a working search.
#[test]
fn a_schema_2_workspace_keeps_its_typed_risks_text() {
    let ws = Workspace::new();
    let typed = "Risk: a partner floods the API → Mitigation: rate limits";
    {
        let conn = Connection::open(ws.db_path()).unwrap();
        conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            .unwrap();
        conn.execute_batch(include_str!("../../migrations/0001_init.sql"))
            .unwrap();
        conn.execute_batch(include_str!("../../migrations/0002_goals_stakeholders.sql"))
            .unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        let t = "2026-05-02T03:04:05.000Z";
        conn.execute(
            &format!(
                "INSERT INTO projects (id, name, description, north_star, leading_metric, archived, created_at, updated_at)
                   VALUES ('0190a000-0000-7000-8000-000000000001', 'Beta', '', '', '', 0, '{t}', '{t}')"
            ),
            [],
        )
        .unwrap();
        conn.execute(
            &format!(
                "INSERT INTO goals (id, project_id, goal, risks_text, position, created_at, updated_at)
                   VALUES ('0190a000-0000-7000-8000-000000000041', '0190a000-0000-7000-8000-000000000001',
                           'Keep the API up', ?1, 0, '{t}', '{t}')"
            ),
            [typed],
        )
        .unwrap();
    }
    let v = cli_json(&ws, &["show", "Beta", "--json"]);
    assert_eq!(
        v["goals"][0]["risks_text"], typed,
        "typed text kept word for word"
    );
    assert_eq!(v["goals"][0]["risks"], serde_json::json!([]));
    assert_eq!(v["risks"], serde_json::json!([]));
    assert!(ws.data_dir().join("northstar.db.v2.bak").is_file());

    // The upgraded file's register works, search included.
    let mut s = ws.store();
    let r =
        northstar_core::risks::risk_from_goal_text(&mut s, "0190a000-0000-7000-8000-000000000041")
            .unwrap();
    assert_eq!(r.title, "A partner floods the API");
    s.checkpoint().unwrap();
    drop(s);
    let found = cli_json(&ws, &["risks", "Beta", "--json", "--search", "floods"]);
    assert_eq!(found[0]["title"], "A partner floods the API");
    assert_eq!(integrity_check(&ws.db_path()), "ok");
}

/// A workspace written by schema 3 opens with every project given its compliance notes and the
/// four starting controls, as a new project gets them.
#[test]
fn a_schema_3_workspace_gains_compliance_notes_and_starting_controls() {
    let ws = Workspace::new();
    {
        let conn = Connection::open(ws.db_path()).unwrap();
        conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            .unwrap();
        for sql in [
            include_str!("../../migrations/0001_init.sql"),
            include_str!("../../migrations/0002_goals_stakeholders.sql"),
            include_str!("../../migrations/0003_risks.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        let t = "2026-06-02T03:04:05.000Z";
        conn.execute_batch(&format!(
            "INSERT INTO projects (id, name, description, north_star, leading_metric, archived, created_at, updated_at)
               VALUES ('0190a000-0000-7000-8000-000000000001', 'Old', '', '', '', 0, '{t}', '{t}'),
                      ('0190a000-0000-7000-8000-000000000002', 'Older', '', '', '', 0, '{t}', '{t}');"
        ))
        .unwrap();
    }
    for name in ["Old", "Older"] {
        let v = cli_json(&ws, &["show", name, "--json"]);
        let labels: Vec<&str> = v["compliance"]["controls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["label"].as_str().unwrap())
            .collect();
        assert_eq!(
            labels,
            northstar_core::compliance::STARTING_CONTROLS,
            "{name}"
        );
        assert_eq!(v["compliance"]["regulations"], serde_json::json!([]));
    }
    // The seeded rows' ids have a UUID's shape, and the file is sound.
    let conn = Connection::open(ws.db_path()).unwrap();
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM controls UNION ALL SELECT id FROM compliance_notes")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids.len(), 10);
    assert!(ids
        .iter()
        .all(|id| uuid::Uuid::parse_str(id).is_ok() && id.len() == 36));
    drop(conn);
    assert_eq!(integrity_check(&ws.db_path()), "ok");
}
