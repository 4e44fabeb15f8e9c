//! Issue 9 from the command line, as whole processes on real workspace files: `compliance` and
//! the compliance part of `show --json`; a schema-3 workspace upgraded gets its notes row and
//! starting controls; the review history refuses change through a raw connection to the file.

use northstar_core::demo::DEMO_NAME;
use northstar_tests::{cli, cli_json, cli_ok, describe, Workspace};
use rusqlite::Connection;

#[test]
fn show_json_carries_every_part_of_compliance() {
    let ws = Workspace::new();
    let v = cli_json(&ws, &["show", DEMO_NAME, "--json"]);
    let c = &v["compliance"];
    for key in [
        "answers",
        "regulations",
        "scan",
        "snapshot",
        "data_inventory",
        "triggers",
        "vendors",
        "controls",
        "reviews",
        "questions",
    ] {
        assert!(c.get(key).is_some(), "compliance lacks {key}: {c}");
    }
    let scan: Vec<(String, String)> = c["scan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["regulation"].as_str().unwrap().to_owned(),
                r["readiness"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        scan,
        [
            ("GDPR".to_owned(), "partial".to_owned()),
            ("PCI DSS".to_owned(), "missing".to_owned()),
            ("HIPAA".to_owned(), "missing".to_owned())
        ]
    );
    assert_eq!(c["answers"]["payments"], true);
    assert_eq!(c["snapshot"]["undated"], true);
    assert_eq!(c["controls"].as_array().unwrap().len(), 4);
    assert_eq!(c["questions"].as_array().unwrap().len(), 4);
    assert_eq!(c["reviews"][0]["reviewer"], "Bohdan");
}

#[test]
fn compliance_reports_readiness_and_uncovered_data_and_exits_0() {
    let ws = Workspace::new();
    let out = cli_ok(&ws, &["compliance", DEMO_NAME]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("GDPR") && lines[0].contains("Partial"),
        "{out}"
    );
    assert!(
        out.contains("next review First paying customer (to be dated)"),
        "{out}"
    );
    assert!(!out.contains("Data not covered"), "{out}");

    // Sensitive data nothing covers is named, with the regulation it probably needs; still exit 0.
    {
        let mut s = ws.store();
        let p = northstar_core::project::find(s.conn(), DEMO_NAME).unwrap();
        northstar_core::compliance::add_inventory_row(
            &mut s,
            &p.id,
            northstar_core::compliance::NewInventoryRow {
                category: "Class rosters".into(),
                kind: Some(northstar_core::compliance::Sensitive::Student),
                ..Default::default()
            },
        )
        .unwrap();
        s.checkpoint().unwrap();
    }
    let out = cli(&ws, &["compliance", DEMO_NAME]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "Class rosters: Student data that no accepted regulation's scan row covers: probably FERPA."
        ),
        "{text}"
    );
    let json = cli_json(&ws, &["compliance", DEMO_NAME, "--json"]);
    assert_eq!(json["data_inventory"][3]["needs"], "builtin-ferpa");
    let out = cli(&ws, &["compliance", "Nope"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_review_history_in_the_file_refuses_a_raw_rewrite() {
    let ws = Workspace::new();
    cli_ok(&ws, &["projects"]);
    let conn = Connection::open(ws.db_path()).unwrap();
    for sql in [
        "UPDATE compliance_reviews SET findings = 'nothing to see'",
        "DELETE FROM compliance_reviews",
    ] {
        let err = conn.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    let n: i64 = conn
        .query_row("SELECT count(*) FROM compliance_reviews", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "the demo's entry is still there");
}
