//! Issue 7 from the command line, as whole processes on real workspace files: `show --json`
//! with goals and stakeholders, `reading add` and `checkin`, and their refusals, which write
//! nothing.

use crate::cli::assert_user_error;
use northstar_core::demo::DEMO_NAME;
use northstar_tests::{cli, cli_json, cli_ok, describe, FileSnapshot, Workspace};
use serde_json::Value;

const GOAL: &str = "Keep the onboarding API reliable during beta";
const LEAD: &str = "Customer success lead";

fn show(ws: &Workspace) -> Value {
    cli_json(ws, &["show", DEMO_NAME, "--json"])
}

/// The CLI's "today": the local calendar day, from the same clock the core uses.
fn today() -> String {
    northstar_core::clock::Clock::today(&northstar_core::clock::SystemClock).to_string()
}

fn rows_in(ws: &Workspace, table: &str) -> i64 {
    ws.store()
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn show_json_carries_goals_and_stakeholders() {
    let ws = Workspace::new();
    let v = show(&ws);
    let goals = v["goals"].as_array().expect("goals");
    assert_eq!(goals.len(), 1, "{v}");
    let g = &goals[0];
    for key in [
        "id",
        "goal",
        "metric",
        "target",
        "unit",
        "direction",
        "readings",
        "latest",
        "status",
        "deadline",
        "guardrail",
        "stakeholders",
        "risks_text",
    ] {
        assert!(g.get(key).is_some(), "goal lacks {key}: {g}");
    }
    assert_eq!(g["goal"], GOAL);
    assert_eq!(g["target"], 99.0);
    assert_eq!(g["direction"], "higher");
    assert_eq!(g["status"], "not_met");
    assert_eq!(g["readings"].as_array().unwrap().len(), 2);
    assert_eq!(g["latest"]["value"], 98.1);
    for key in ["id", "date", "value"] {
        assert!(g["readings"][0].get(key).is_some(), "reading lacks {key}");
    }
    let people = v["stakeholders"].as_array().expect("stakeholders");
    assert_eq!(people.len(), 2);
    for p in people {
        for key in [
            "id",
            "name",
            "why",
            "success",
            "cadence",
            "channel",
            "open_questions",
            "owner",
            "last_check_in",
            "next_check_in",
            "check_ins",
        ] {
            assert!(p.get(key).is_some(), "stakeholder lacks {key}: {p}");
        }
    }
    assert_eq!(people[0]["name"], LEAD);
    assert_eq!(people[0]["cadence"], "weekly");
    assert_eq!(people[0]["overdue"], true);
    assert_eq!(people[1]["cadence"], "quarterly");
    // Links by id, both ways.
    assert_eq!(g["stakeholders"], serde_json::json!([people[0]["id"]]));
    assert_eq!(v["project"]["leading_goal_id"], g["id"]);
    // The plain text names them too.
    let text = cli_ok(&ws, &["show", DEMO_NAME]);
    assert!(
        text.contains(GOAL) && text.contains("not met (98.1% (target ≥ 99%))"),
        "{text}"
    );
    assert!(text.contains(LEAD) && text.contains("overdue"), "{text}");
}

#[test]
fn reading_add_takes_the_goal_by_text_or_id_and_dates_it_today_by_default() {
    let ws = Workspace::new();
    let out = cli_ok(&ws, &["reading", "add", DEMO_NAME, GOAL, "99.4"]);
    let today = today();
    assert_eq!(
        out,
        format!("Added 99.4% on {today} to “{GOAL}”: met (99.4% (target ≥ 99%)).\n")
    );
    let v = show(&ws);
    let g = &v["goals"][0];
    assert_eq!(g["status"], "met");
    assert_eq!(g["latest"]["date"], today.as_str());
    let id = g["id"].as_str().unwrap().to_owned();
    // By id, dated in the past, a negative number: it lands but is not the latest.
    let out = cli_ok(
        &ws,
        &[
            "reading",
            "add",
            DEMO_NAME,
            &id,
            "-3",
            "--date",
            "2020-02-29",
        ],
    );
    assert!(out.contains("the latest stays 99.4%"), "{out}");
    let v = show(&ws);
    assert_eq!(v["goals"][0]["readings"].as_array().unwrap().len(), 4);
    assert_eq!(v["goals"][0]["readings"][0]["date"], "2020-02-29");
    assert_eq!(v["goals"][0]["readings"][0]["value"], -3.0);
}

#[test]
fn reading_add_refusals_exit_1_and_write_nothing() {
    let ws = Workspace::new();
    cli_ok(&ws, &["projects"]);
    // A goal without numbers.
    {
        let mut s = ws.store();
        let p = northstar_core::project::find(s.conn(), DEMO_NAME).unwrap();
        northstar_core::goals::add_goal(
            &mut s,
            &p.id,
            northstar_core::goals::NewGoal {
                goal: "Words only".into(),
                ..Default::default()
            },
        )
        .unwrap();
        s.checkpoint().unwrap();
    }
    let db = ws.db_path();
    let before = FileSnapshot::of(&db);
    let readings = rows_in(&ws, "goal_readings");
    for (args, says) in [
        (vec!["ninety"], "“ninety” is not a number."),
        (vec!["NaN"], "A reading must be a finite number (got NaN)."),
        (vec!["inf"], "A reading must be a finite number (got inf)."),
        (vec!["98", "--date", "2026-02-30"], "YYYY-MM-DD"),
        (
            vec!["98", "--date", "2999-01-01"],
            "cannot be dated in the future",
        ),
    ] {
        let mut full = vec!["reading", "add", DEMO_NAME, GOAL];
        full.extend(args.iter().copied());
        let line = assert_user_error(&cli(&ws, &full));
        assert!(line.contains(says), "{full:?}: {line}");
    }
    let line = assert_user_error(&cli(
        &ws,
        &["reading", "add", DEMO_NAME, "No such goal", "1"],
    ));
    assert_eq!(line, "northstar: No goal matches “No such goal”.");
    let line = assert_user_error(&cli(&ws, &["reading", "add", DEMO_NAME, "Words only", "1"]));
    assert!(line.contains("has no numeric target"), "{line}");
    let line = assert_user_error(&cli(&ws, &["reading", "add", "Nope", GOAL, "1"]));
    assert_eq!(line, "northstar: No project matches “Nope”.");
    assert_eq!(rows_in(&ws, "goal_readings"), readings);
    assert!(
        FileSnapshot::of(&db) == before,
        "a refused reading changed the database file"
    );
    // Missing arguments are usage errors.
    let out = cli(&ws, &["reading", "add", DEMO_NAME, GOAL]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
}

#[test]
fn checkin_records_a_dated_check_in_and_moves_the_next_one() {
    let ws = Workspace::new();
    let today = today();
    let out = cli_ok(
        &ws,
        &[
            "checkin",
            DEMO_NAME,
            LEAD,
            "--note",
            "Went over the beta numbers",
        ],
    );
    assert!(
        out.starts_with(&format!(
            "Checked in with “{LEAD}” on {today}; next check-in "
        )),
        "{out}"
    );
    let v = show(&ws);
    let p = &v["stakeholders"][0];
    assert_eq!(p["last_check_in"], today.as_str());
    assert_eq!(p["overdue"], false);
    assert_eq!(p["check_ins"][0]["note"], "Went over the beta numbers");
    assert_eq!(p["check_ins"].as_array().unwrap().len(), 2);
    let next = p["next_check_in"].as_str().unwrap();
    let gap = chrono_days(&today, next);
    assert_eq!(gap, 7, "weekly: {today} → {next}");

    let id = v["stakeholders"][1]["id"].as_str().unwrap().to_owned();
    let out = cli_ok(
        &ws,
        &[
            "checkin",
            DEMO_NAME,
            &id,
            "--date",
            "2026\u{2011}01\u{2011}31",
        ],
    );
    assert!(
        out.starts_with("Checked in with “Compliance advisor” on 2026-01-31; next check-in "),
        "{out}"
    );
    let v = show(&ws);
    let dates: Vec<&str> = v["stakeholders"][1]["check_ins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates.last(),
        Some(&"2026-01-31"),
        "kept, oldest last: {dates:?}"
    );
}

#[test]
fn checkin_refusals_exit_1_and_write_nothing() {
    let ws = Workspace::new();
    cli_ok(&ws, &["projects"]);
    let db = ws.db_path();
    let before = FileSnapshot::of(&db);
    let line = assert_user_error(&cli(&ws, &["checkin", DEMO_NAME, "customer success lead"]));
    assert_eq!(
        line,
        "northstar: No stakeholder matches “customer success lead”."
    );
    let line = assert_user_error(&cli(
        &ws,
        &["checkin", DEMO_NAME, LEAD, "--date", "2999-12-31"],
    ));
    assert!(line.contains("cannot be dated in the future"), "{line}");
    let line = assert_user_error(&cli(
        &ws,
        &["checkin", DEMO_NAME, LEAD, "--date", "31/01/2026"],
    ));
    assert!(line.contains("YYYY-MM-DD"), "{line}");
    let long = "n".repeat(10_001);
    let line = assert_user_error(&cli(&ws, &["checkin", DEMO_NAME, LEAD, "--note", &long]));
    assert!(line.contains("at most 10000 characters"), "{line}");
    assert!(
        FileSnapshot::of(&db) == before,
        "a refused check-in changed the database file"
    );
}

/// Days from one `YYYY-MM-DD` to another, through the core's date rules.
fn chrono_days(from: &str, to: &str) -> i64 {
    let d = |s: &str| northstar_core::validate::date("d", "d", s).unwrap();
    (d(to) - d(from)).num_days()
}
