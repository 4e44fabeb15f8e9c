//! The command line: `projects`, `show`, `--help`, `--version`, exit codes and where the
//! workspace lives. Every run has no DISPLAY, which proves the subcommands need none.

use northstar_core::demo::DEMO_NAME;
use northstar_tests::{cli, cli_command, cli_json, cli_ok, describe, stderr, stdout, Workspace};
use serde_json::Value;

/// Asserts a user error: exit 1, nothing on stdout, one line on stderr starting "northstar: ".
/// Returns that line.
pub(crate) fn assert_user_error(out: &std::process::Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(1),
        "expected exit 1\n{}",
        describe(out)
    );
    assert!(
        out.stdout.is_empty(),
        "a failure prints nothing on stdout\n{}",
        describe(out)
    );
    let err = stderr(out);
    assert!(
        err.starts_with("northstar: ") && err.ends_with('\n') && err.lines().count() == 1,
        "a user error is one line on stderr starting with \"northstar: \"\n{}",
        describe(out)
    );
    err.trim_end().to_owned()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("expected an object, got {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

fn assert_has_keys(v: &Value, wanted: &[&str], what: &str) {
    let have = keys(v);
    for k in wanted {
        assert!(have.contains(k), "{what} lacks \"{k}\": {v}");
    }
}

#[test]
fn help_names_the_commands_and_exits_0() {
    let ws = Workspace::new();
    for flag in ["--help", "-h"] {
        let out = cli(&ws, &[flag]);
        assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
        let text = stdout(&out);
        for word in ["projects", "show", "--data-dir", "--version"] {
            assert!(
                text.contains(word),
                "`northstar {flag}` does not mention {word}:\n{text}"
            );
        }
    }
    // Asking for help opens nothing.
    assert!(!ws.db_path().exists(), "--help created a database");
}

#[test]
fn version_prints_the_package_version() {
    let ws = Workspace::new();
    let out = cli(&ws, &["--version"]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert_eq!(
        stdout(&out),
        format!("northstar {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_usage_exits_2_with_usage_on_stderr() {
    let ws = Workspace::new();
    for args in [
        &["frobnicate"][..],
        &["show"],
        &["projects", "--no-such-flag"],
        &["show", "x", "y"],
        &["--data-dir"],
    ] {
        let out = cli(&ws, args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "`northstar {}`\n{}",
            args.join(" "),
            describe(&out)
        );
        assert!(
            out.stdout.is_empty(),
            "`northstar {}` wrote to stdout\n{}",
            args.join(" "),
            describe(&out)
        );
        let err = stderr(&out);
        assert!(
            err.starts_with("error: ") && (err.contains("Usage") || err.contains("--help")),
            "`northstar {}` should say what is wrong and point at the usage\n{}",
            args.join(" "),
            describe(&out)
        );
    }
}

#[test]
fn no_arguments_without_a_display_exits_1_and_says_how() {
    let ws = Workspace::new();
    let out = cli(&ws, &[]);
    let line = assert_user_error(&out);
    assert!(
        line.contains("xvfb-run"),
        "the message should say how to run headless: {line}"
    );
}

#[test]
fn projects_json_lists_the_demo_on_first_run() {
    let ws = Workspace::new();
    let list = cli_json(&ws, &["projects", "--json"]);
    let list = list.as_array().expect("an array of projects");
    assert_eq!(
        list.len(),
        1,
        "a new workspace holds exactly the demo: {list:?}"
    );
    let p = &list[0];
    assert_has_keys(
        p,
        &[
            "id",
            "name",
            "description",
            "north_star",
            "leading_metric",
            "archived",
        ],
        "a project",
    );
    assert_eq!(p["name"], DEMO_NAME);
    assert_eq!(p["archived"], false);
    assert!(
        !p["north_star"].as_str().unwrap().is_empty(),
        "the demo has a North Star"
    );
    assert!(
        !p["leading_metric"].as_str().unwrap().is_empty(),
        "the demo has a leading metric"
    );
    assert!(
        ws.db_path().is_file(),
        "the workspace database is made in the data folder"
    );
}

#[test]
fn projects_table_shows_name_and_headline() {
    let ws = Workspace::new();
    let text = cli_ok(&ws, &["projects"]);
    assert_eq!(text.lines().count(), 1, "one line per project:\n{text}");
    assert!(text.contains(DEMO_NAME), "{text}");
    assert!(text.contains("0 of 12 pillars at target"), "{text}");
    assert!(text.contains("overall 2.0"), "{text}");
}

#[test]
fn show_json_has_project_pillars_assessments_and_headline() {
    let ws = Workspace::new();
    let v = cli_json(&ws, &["show", DEMO_NAME, "--json"]);
    assert_has_keys(
        &v,
        &["project", "pillars", "assessments", "headline"],
        "show --json",
    );

    let p = &v["project"];
    assert_has_keys(
        p,
        &[
            "id",
            "name",
            "description",
            "north_star",
            "leading_metric",
            "archived",
        ],
        "project",
    );
    assert_eq!(p["name"], DEMO_NAME);
    assert!(p["id"].is_string() && p["archived"].is_boolean(), "{p}");

    let pillars = v["pillars"].as_array().expect("pillars is an array");
    assert_eq!(
        pillars.len(),
        12,
        "four pillars and the eight-point checklist"
    );
    for pl in pillars {
        assert_has_keys(
            pl,
            &[
                "id",
                "name",
                "description",
                "score",
                "target",
                "status",
                "evidence",
                "owner",
                "next_checkpoint",
                "position",
            ],
            "pillar",
        );
        assert!(
            pl["score"].is_null() || (1..=5).contains(&pl["score"].as_u64().unwrap()),
            "{pl}"
        );
        assert_eq!(pl["target"], 4, "demo targets are 4: {pl}");
    }
    let by_name = |n: &str| {
        pillars
            .iter()
            .find(|p| p["name"] == n)
            .unwrap_or_else(|| panic!("no pillar {n}"))
    };
    assert_eq!(by_name("Reliability")["score"], 2);
    assert_eq!(by_name("Security")["score"], 1);
    assert_eq!(by_name("Observability")["score"], 1);
    assert_eq!(by_name("Supportability")["score"], 2);
    assert_eq!(by_name("Security")["status"], "pending");
    assert_eq!(by_name("Architectural clarity")["status"], "in_progress");
    assert_eq!(by_name("Testing safety net")["score"], Value::Null);
    let positions: Vec<u64> = pillars
        .iter()
        .map(|p| p["position"].as_u64().unwrap())
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "pillars come in order: {positions:?}"
    );

    let h = &v["headline"];
    assert_has_keys(h, &["overall", "at_target", "total"], "headline");
    assert_eq!(h["total"], 12);
    assert_eq!(h["at_target"], 0);
    assert_eq!(h["overall"], 2.0);

    let assessments = v["assessments"]
        .as_array()
        .expect("assessments is an array");
    let labels: Vec<&str> = assessments
        .iter()
        .map(|a| a["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["Day 0", "v0.2.0 architecture pass"],
        "oldest first"
    );
    for a in assessments {
        assert_has_keys(a, &["id", "label", "date", "scores"], "assessment");
        let date = a["date"].as_str().unwrap();
        assert!(
            date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
            "dates are YYYY-MM-DD: {date}"
        );
        let scores = a["scores"].as_array().unwrap();
        assert_eq!(scores.len(), 12, "an assessment freezes every pillar");
        for s in scores {
            assert_has_keys(
                s,
                &["pillar", "score", "target", "evidence"],
                "assessment score",
            );
        }
    }
    let day0_reliability = assessments[0]["scores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["pillar"] == "Reliability")
        .unwrap();
    assert_eq!(day0_reliability["score"], 1, "Day 0 froze Reliability at 1");
}

#[test]
fn show_finds_a_project_by_id_or_exact_name() {
    let ws = Workspace::new();
    let by_name = cli_json(&ws, &["show", DEMO_NAME, "--json"]);
    let id = by_name["project"]["id"].as_str().unwrap().to_owned();
    let by_id = cli_json(&ws, &["show", &id, "--json"]);
    assert_eq!(by_id, by_name);

    let text = cli_ok(&ws, &["show", &id]);
    assert!(text.starts_with(DEMO_NAME), "{text}");
    assert!(text.contains("North Star: "), "{text}");
    assert!(text.contains("Security"), "{text}");
}

#[test]
fn an_unknown_project_is_exit_1_with_one_line() {
    let ws = Workspace::new();
    // A hyphen where the demo has an en dash is a different name.
    for key in [
        "LaunchPad - v0 Readiness",
        "launchpad – v0 readiness",
        "no such project",
    ] {
        let out = cli(&ws, &["show", key, "--json"]);
        let line = assert_user_error(&out);
        assert!(
            line.contains(key),
            "the message names what was not found: {line}"
        );
    }
}

#[test]
fn data_dir_flag_wins_over_the_environment() {
    let ws = Workspace::new();
    let other = ws.root().join("elsewhere");
    let out = cli_command(&ws)
        .arg("--data-dir")
        .arg(&other)
        .args(["projects", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(
        other.join("northstar.db").is_file(),
        "--data-dir made its folder and database"
    );
    assert!(
        !ws.db_path().exists(),
        "NORTHSTAR_DATA_DIR was used although --data-dir was given"
    );

    // The flag also works after the subcommand (it is global).
    let out = cli_command(&ws)
        .args(["projects", "--json", "--data-dir"])
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(!ws.db_path().exists());
}

#[test]
fn without_flag_or_environment_the_workspace_is_under_xdg_data_home() {
    let ws = Workspace::new();
    let out = cli_command(&ws)
        .env_remove(northstar_core::workspace::DATA_DIR_ENV)
        .args(["projects", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(ws.xdg_data_home().join("northstar/northstar.db").is_file());
    assert!(!ws.db_path().exists());
}
