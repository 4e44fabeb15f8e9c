//! Several writers on one workspace file at once, as when the window is open and the CLI (or a
//! background task) writes too: every write lands, nothing is locked out, the file stays sound.

use northstar_core::project::{self, NewProject};
use northstar_core::scorecard::{self, NewPillar, PillarEdit};
use northstar_core::Store;
use northstar_tests::{cli, cli_json, describe, integrity_check, Workspace};
use rusqlite::types::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const WRITER_ENV: &str = "NORTHSTAR_IT_WRITER";

/// Adds `count` pillars named `{tag}-{i}` to `project_id`, scoring each: two writes per pillar,
/// each its own transaction, through the core's one write path.
fn write_pillars(
    db: &Path,
    project_id: &str,
    tag: &str,
    count: usize,
) -> northstar_core::Result<()> {
    let mut store = Store::open(db)?;
    for i in 0..count {
        let p = scorecard::add_pillar(
            &mut store,
            project_id,
            NewPillar {
                name: format!("{tag}-{i}"),
                description: String::new(),
            },
        )?;
        scorecard::edit_pillar(
            &mut store,
            &p.id,
            PillarEdit::Score(Some((i % 5 + 1) as i64)),
        )?;
    }
    Ok(())
}

fn new_project(ws: &Workspace) -> String {
    let mut store = ws.store();
    project::create(
        &mut store,
        NewProject {
            name: "Concurrent".into(),
            ..NewProject::default()
        },
    )
    .unwrap()
    .id
}

/// Every pillar each writer added is there, scored, with its change records, and the file is sound.
fn assert_all_landed(ws: &Workspace, project_id: &str, tags: &[String], per_writer: usize) {
    let store = ws.store();
    let pillars = scorecard::list_pillars(store.conn(), project_id).unwrap();
    assert_eq!(
        pillars.len(),
        tags.len() * per_writer,
        "some writes were lost"
    );
    for tag in tags {
        for i in 0..per_writer {
            let name = format!("{tag}-{i}");
            let p = pillars
                .iter()
                .find(|p| p.name == name)
                .unwrap_or_else(|| panic!("pillar {name} was lost"));
            assert_eq!(p.score, Some((i % 5 + 1) as u8), "{name}'s score was lost");
        }
    }
    let changes: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM changes WHERE table_name = 'pillars'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        changes,
        (tags.len() * per_writer * 2) as i64,
        "every write has its change record"
    );
    let mut positions: Vec<i64> = pillars.iter().map(|p| p.position).collect();
    positions.sort_unstable();
    positions.dedup();
    assert_eq!(
        positions.len(),
        pillars.len(),
        "two pillars got the same position"
    );
    drop(store);
    assert_eq!(integrity_check(&ws.db_path()), "ok");
}

#[test]
fn writer_threads_on_one_file_all_land() {
    const THREADS: usize = 4;
    const EACH: usize = 30;
    let ws = Workspace::new();
    let project_id = new_project(&ws);
    let db = ws.db_path();
    let start = Arc::new(Barrier::new(THREADS));
    let tags: Vec<String> = (0..THREADS).map(|t| format!("thread{t}")).collect();
    let handles: Vec<_> = tags
        .iter()
        .map(|tag| {
            let (db, project_id, tag, start) =
                (db.clone(), project_id.clone(), tag.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                write_pillars(&db, &project_id, &tag, EACH).map_err(|e| format!("{tag}: {e}"))
            })
        })
        .collect();
    let errors: Vec<String> = handles
        .into_iter()
        .filter_map(|h| h.join().expect("writer thread panicked").err())
        .collect();
    assert!(errors.is_empty(), "concurrent writes failed: {errors:#?}");
    assert_all_landed(&ws, &project_id, &tags, EACH);
}

/// Not a test on its own: the body of each child process of
/// `writer_processes_on_one_file_all_land`, which runs this test binary again.
#[test]
#[ignore = "run as a child process by writer_processes_on_one_file_all_land"]
fn writer_child() {
    let Some(spec) = std::env::var_os(WRITER_ENV) else {
        eprintln!("{WRITER_ENV} is not set: nothing to do (this runs as a child of another test)");
        return;
    };
    let spec = spec.to_string_lossy().into_owned();
    let parts: Vec<&str> = spec.split('\t').collect();
    let [db, project_id, tag, count, go] = parts[..] else {
        panic!("bad {WRITER_ENV}: {spec:?}");
    };
    // Start together with the other writers.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !Path::new(go).exists() {
        assert!(Instant::now() < deadline, "the start signal never came");
        std::thread::sleep(Duration::from_millis(1));
    }
    write_pillars(Path::new(db), project_id, tag, count.parse().unwrap())
        .unwrap_or_else(|e| panic!("writer {tag} failed: {e}"));
}

#[test]
fn writer_processes_on_one_file_all_land() {
    const PROCESSES: usize = 3;
    const EACH: usize = 30;
    let ws = Workspace::new();
    let project_id = new_project(&ws);
    let go: PathBuf = ws.root().join("go");
    let me = std::env::current_exe().unwrap();
    let tags: Vec<String> = (0..PROCESSES).map(|p| format!("process{p}")).collect();
    let children: Vec<_> = tags
        .iter()
        .map(|tag| {
            let spec = format!(
                "{}\t{project_id}\t{tag}\t{EACH}\t{}",
                ws.db_path().display(),
                go.display()
            );
            Command::new(&me)
                .args([
                    "concurrency::writer_child",
                    "--exact",
                    "--ignored",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(WRITER_ENV, spec)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("start writer process")
        })
        .collect();
    std::fs::write(&go, "").unwrap();
    for (tag, child) in tags.iter().zip(children) {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "writer {tag} failed\n{}",
            describe(&out)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("1 passed"),
            "writer {tag} did not run\n{}",
            describe(&out)
        );
    }
    assert_all_landed(&ws, &project_id, &tags, EACH);
}

/// The window and the CLI (or two CLI runs) may open a brand-new workspace at the same moment:
/// both must succeed, and the demo must be seeded exactly once.
#[test]
fn simultaneous_first_opens_of_a_new_workspace_all_succeed() {
    const OPENERS: usize = 4;
    for round in 0..8 {
        let ws = Workspace::new();
        let start = Arc::new(Barrier::new(OPENERS));
        let handles: Vec<_> = (0..OPENERS)
            .map(|_| {
                let (dir, start) = (ws.data_dir(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    northstar_core::workspace::open(&dir)
                        .map(drop)
                        .map_err(|e| e.to_string())
                })
            })
            .collect();
        let errors: Vec<String> = handles
            .into_iter()
            .filter_map(|h| h.join().expect("opener panicked").err())
            .collect();
        assert!(
            errors.is_empty(),
            "round {round}: opening a new workspace at once failed: {errors:#?}"
        );
        let list = cli_json(&ws, &["projects", "--json"]);
        assert_eq!(
            list.as_array().unwrap().len(),
            1,
            "round {round}: the demo was seeded more than once: {list}"
        );
    }
}

/// The CLI reads while another connection (the window) is in the middle of a write: it neither
/// waits for it nor sees the uncommitted row, and sees it once committed.
#[test]
fn the_cli_reads_while_the_window_is_writing() {
    let ws = Workspace::new();
    cli_json(&ws, &["projects", "--json"]);
    let mut store = ws.store();
    let id = northstar_core::new_id();
    store
        .write(|w| {
            w.label("Project created");
            let now = w.now().to_owned();
            w.insert(
                "projects",
                &id,
                &[
                    ("name", Value::Text("Half-written".into())),
                    ("created_at", Value::Text(now.clone())),
                    ("updated_at", Value::Text(now)),
                ],
            )?;
            let out = cli(&ws, &["projects", "--json"]);
            assert_eq!(
                out.status.code(),
                Some(0),
                "the CLI was locked out\n{}",
                describe(&out)
            );
            assert!(
                !String::from_utf8_lossy(&out.stdout).contains("Half-written"),
                "the CLI saw an uncommitted write"
            );
            Ok(())
        })
        .unwrap();
    let list = cli_json(&ws, &["projects", "--json"]);
    assert!(
        list.to_string().contains("Half-written"),
        "the committed write is visible: {list}"
    );
}
