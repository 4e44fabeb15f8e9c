//! Files other tools read, as whole processes (issue 11): `export json` → `import json` into
//! another workspace gives the same `show --json`; a taken name is refused with the hint; the
//! README headline and badge; CSV as a spreadsheet reads it.

use northstar_core::demo::DEMO_NAME;
use northstar_tests::{cli, cli_json, cli_ok, describe, project_names, stderr, Workspace};

/// A workspace with no demo in it: the store made through the core, marked as seeded.
fn empty_workspace() -> Workspace {
    let ws = Workspace::new();
    let store = ws.store();
    store.set_setting("demo_seeded", "1").unwrap();
    drop(store);
    assert!(project_names(&ws).is_empty());
    ws
}

#[test]
fn a_json_export_imported_into_another_workspace_shows_the_same() {
    let from = Workspace::new();
    // History worth carrying: a risk re-scored, a stakeholder checked in with.
    cli_ok(
        &from,
        &[
            "checkin",
            DEMO_NAME,
            "Customer success lead",
            "--note",
            "Weekly sync",
        ],
    );
    let file = from.root().join("launchpad.json");
    cli_ok(
        &from,
        &["export", "json", DEMO_NAME, "-o", file.to_str().unwrap()],
    );
    let before = cli_json(&from, &["show", DEMO_NAME, "--json"]);

    let to = empty_workspace();
    let said = cli_ok(&to, &["import", "json", file.to_str().unwrap()]);
    assert!(
        said.starts_with(&format!("Imported {DEMO_NAME} (")),
        "{said}"
    );
    let after = cli_json(&to, &["show", DEMO_NAME, "--json"]);
    assert_eq!(after, before);

    // Again: the name is taken; the message says how to go on, and nothing is written.
    let out = cli(&to, &["import", "json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(stderr(&out).contains("--rename NEW"), "{}", describe(&out));
    assert_eq!(project_names(&to), [DEMO_NAME]);

    // Renamed, its ids are still here: a copy needs new ids, and keeps its links.
    let out = cli(
        &to,
        &["import", "json", file.to_str().unwrap(), "--rename", "Copy"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(stderr(&out).contains("--remap-ids"), "{}", describe(&out));
    cli_ok(
        &to,
        &[
            "import",
            "json",
            file.to_str().unwrap(),
            "--rename",
            "Copy",
            "--remap-ids",
        ],
    );
    let copy = cli_json(&to, &["show", "Copy", "--json"]);
    assert_eq!(copy["pillars"].as_array().unwrap().len(), 12);
    assert_eq!(
        copy["goals"][0]["risks"].as_array().map(Vec::len),
        before["goals"][0]["risks"].as_array().map(Vec::len),
        "the copy's goal still names its risks"
    );
    assert_ne!(copy["project"]["id"], before["project"]["id"]);
}

#[test]
fn a_truncated_or_foreign_json_file_is_refused_by_name_and_writes_nothing() {
    let from = Workspace::new();
    let file = from.root().join("all.json");
    cli_ok(&from, &["export", "json", "-o", file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&file).unwrap();
    let to = empty_workspace();
    let cut = from.root().join("cut.json");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    let other = from.root().join("package.json");
    std::fs::write(&other, r#"{"name": "left-pad", "version": "1.3.0"}"#).unwrap();
    for f in [&cut, &other] {
        let out = cli(&to, &["import", "json", f.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        assert!(stderr(&out).contains(&name), "{}", describe(&out));
        assert!(project_names(&to).is_empty());
    }
}

#[test]
fn the_headline_and_its_badge_say_how_ready_the_project_is() {
    let ws = Workspace::new();
    assert_eq!(
        cli_ok(&ws, &["headline", DEMO_NAME]),
        "Readiness 2.0 / 5 · 0 of 12 pillars at target\n"
    );
    assert_eq!(
        cli_ok(&ws, &["headline", DEMO_NAME, "--markdown"]),
        "**Readiness 2.0 / 5** · 0 of 12 pillars at target\n"
    );
    let svg = ws.root().join("readiness");
    let said = cli_ok(
        &ws,
        &["export", "badge", DEMO_NAME, "-o", svg.to_str().unwrap()],
    );
    let written = said.trim();
    assert!(written.ends_with("readiness.svg"), "{said}");
    let text = std::fs::read_to_string(written).unwrap();
    assert!(
        text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{text}"
    );
    assert!(
        text.contains("<title>readiness: 2.0/5 · 0/12 at target</title>"),
        "{text}"
    );
}

#[test]
fn a_csv_list_reads_back_with_its_headings_and_quoting() {
    let ws = Workspace::new();
    let file = ws.root().join("risks.csv");
    cli_ok(
        &ws,
        &[
            "export",
            "csv",
            DEMO_NAME,
            "--table",
            "risks",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    let mut reader = csv::Reader::from_path(&file).expect("a CSV file");
    let headings: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        &headings[..4],
        ["Risk", "Description", "Likelihood", "Impact"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().any(|r| &r[1]
        == "Keys live in a .env file, are never rotated, and no dependency scanning runs."));

    let out = cli(
        &ws,
        &["export", "csv", DEMO_NAME, "--table", "nope", "-o", "x.csv"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("pillars, goals, stakeholders"),
        "{}",
        describe(&out)
    );
}
