//! Owning the data, as whole processes on real files (issue 11): `backup`, `restore`, `check`,
//! `import markdown` of the worksheets users keep, and `export markdown` back into that shape.

use northstar_core::demo::DEMO_NAME;
use northstar_tests::{
    cli, cli_json, cli_ok, describe, integrity_check, project_names, stderr, workspace_root,
    FileSnapshot, Workspace,
};
use std::path::PathBuf;

fn launchpad(name: &str) -> PathBuf {
    workspace_root().join("tests/fixtures/launchpad").join(name)
}

fn all_worksheets() -> Vec<String> {
    let mut files: Vec<String> =
        std::fs::read_dir(workspace_root().join("tests/fixtures/launchpad"))
            .expect("the fixtures folder")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md") && !p.ends_with("FIXTURES.md"))
            .map(|p| p.display().to_string())
            .collect();
    files.sort();
    files
}

/// Backs up, changes the workspace, restores: the change is gone, the message says what came
/// back and where the replaced workspace went, and the file passes SQLite's integrity check.
#[test]
fn a_backup_restores_with_every_row_and_the_replaced_workspace_is_kept() {
    let ws = Workspace::new();
    let copy = ws.root().join("before.db");
    let said = cli_ok(&ws, &["backup", "-o", copy.to_str().unwrap()]);
    assert!(
        said.starts_with(&format!("Backed up to {}", copy.display())),
        "{said}"
    );
    assert!(said.contains("1 project, 12 pillars"), "{said}");

    cli_ok(
        &ws,
        &[
            "import",
            "markdown",
            launchpad("stakeholder-canvas.md").to_str().unwrap(),
            "--project",
            "Later",
        ],
    );
    assert_eq!(project_names(&ws), ["Later", DEMO_NAME]);

    let said = cli_ok(&ws, &["restore", copy.to_str().unwrap()]);
    assert!(said.starts_with("Restored 1 project from"), "{said}");
    assert!(said.contains("before-restore.db"), "{said}");
    assert_eq!(project_names(&ws), [DEMO_NAME]);
    assert_eq!(integrity_check(&ws.db_path()), "ok");

    // The workspace as it was before the restore is a backup that restores too.
    let kept: Vec<PathBuf> = std::fs::read_dir(ws.data_dir().join("backups"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with("-before-restore.db"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    cli_ok(&ws, &["restore", kept[0].to_str().unwrap()]);
    assert_eq!(project_names(&ws), ["Later", DEMO_NAME]);
}

/// Junk, a truncated database and a file that is not there are refused with the reason, exit
/// 1, and the workspace file is left byte for byte as it was.
#[test]
fn restoring_a_file_that_fails_its_checks_changes_nothing() {
    let ws = Workspace::new();
    cli_ok(&ws, &["projects"]);
    let good = ws.root().join("good.db");
    cli_ok(&ws, &["backup", "-o", good.to_str().unwrap()]);
    let bytes = std::fs::read(&good).unwrap();
    let truncated = ws.root().join("truncated.db");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let junk = ws.root().join("junk.db");
    std::fs::write(
        &junk,
        b"SQLite format 3\0 but not really, just text that claims to be",
    )
    .unwrap();
    let missing = ws.root().join("missing.db");
    let foreign = ws.root().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .and_then(|c| {
            c.execute_batch("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('hi');")
        })
        .unwrap();

    // Fold the write-ahead log so the comparison is of the whole database.
    drop(ws.store());
    let before = FileSnapshot::of(&ws.db_path());
    for (file, expect) in [
        (&foreign, "not a Northstar workspace"),
        (&junk, "failed its integrity check"),
        (&truncated, "Nothing was restored"),
        (&missing, "Nothing was restored"),
    ] {
        let out = cli(&ws, &["restore", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
        let err = stderr(&out);
        assert!(err.contains(expect), "{file:?}: {err}");
        assert!(
            err.contains(&file.file_name().unwrap().to_string_lossy().to_string()),
            "{err}"
        );
        assert_eq!(
            FileSnapshot::of(&ws.db_path()),
            before,
            "{file:?} changed the workspace"
        );
    }
}

#[test]
fn check_passes_a_healthy_workspace_and_names_a_damaged_newest_backup() {
    let ws = Workspace::new();
    let said = cli_ok(&ws, &["check"]);
    assert!(said.contains("ok       Integrity"), "{said}");
    assert!(
        said.contains("No backups yet") || said.contains("no backup"),
        "{said}"
    );

    let said = cli_ok(&ws, &["backup"]);
    let path = said
        .strip_prefix("Backed up to ")
        .and_then(|s| s.split(" (").next())
        .map(PathBuf::from)
        .expect("the path of the backup");
    assert!(cli_ok(&ws, &["check"]).contains("ok       Newest backup"));

    // Damage the backup's pages past the header.
    let mut bytes = std::fs::read(&path).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 4096] {
        *b = 0x5a;
    }
    std::fs::write(&path, bytes).unwrap();
    let out = cli(&ws, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(stderr(&out).contains("Newest backup"), "{}", describe(&out));
}

#[test]
fn the_worksheets_import_as_they_are_and_a_dry_run_writes_nothing() {
    let ws = Workspace::new();
    let files = all_worksheets();
    let mut args: Vec<&str> = vec!["import", "markdown"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--project", "Imported – São Paulo"]);

    let mut dry = args.clone();
    dry.push("--dry-run");
    let said = cli_ok(&ws, &dry);
    assert!(said.contains("Dry run: nothing was written."), "{said}");
    assert!(said.contains("example row"), "{said}");
    assert!(said.contains("empty row"), "{said}");
    assert_eq!(project_names(&ws), [DEMO_NAME]);

    let said = cli_ok(&ws, &args);
    assert!(
        said.contains(
            "Created Imported – São Paulo: 12 scorecard pillars, 2 stakeholders, 3 compliance scan"
        ),
        "{said}"
    );
    let shown = cli_json(&ws, &["show", "Imported – São Paulo", "--json"]);
    let pillars = shown["pillars"].as_array().unwrap();
    assert_eq!(pillars.len(), 12);
    assert_eq!(pillars[0]["name"], "Reliability");
    assert_eq!(pillars[0]["score"], 2);
    assert_eq!(shown["stakeholders"].as_array().unwrap().len(), 2);
}

#[test]
fn a_file_that_is_not_text_is_refused_by_name_and_nothing_is_written() {
    let ws = Workspace::new();
    cli_ok(&ws, &["projects"]);
    let junk = ws.root().join("scan.md");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 1, 2, 255]).unwrap();
    let good = launchpad("production-scorecard-template.md");
    let out = cli(
        &ws,
        &[
            "import",
            "markdown",
            good.to_str().unwrap(),
            junk.to_str().unwrap(),
            "--project",
            "X",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(stderr(&out).contains("scan.md"), "{}", describe(&out));
    assert_eq!(project_names(&ws), [DEMO_NAME]);
}

/// The demo exported as Markdown and imported into a new project comes out the same.
#[test]
fn markdown_export_imports_back_into_the_same_tables() {
    let ws = Workspace::new();
    let first = ws.root().join("demo.md");
    cli_ok(
        &ws,
        &[
            "export",
            "markdown",
            DEMO_NAME,
            "-o",
            first.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(
        text.contains("Readiness 2.0 / 5 · 0 of 12 pillars at target"),
        "{text}"
    );
    assert!(
        text.contains("| Pillar | Current Score (1‑5) | Target Score |"),
        "{text}"
    );

    cli_ok(
        &ws,
        &[
            "import",
            "markdown",
            first.to_str().unwrap(),
            "--project",
            "Copy",
        ],
    );
    let again = cli_ok(&ws, &["export", "markdown", "Copy"]);
    let body = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&again), body(&text));
}
