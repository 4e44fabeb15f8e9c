//! Issue 8 from the command line, as whole processes on real workspace files: the risks in
//! `show --json` and `show`, `northstar risks` with its filters and search, and its refusals.

use crate::cli::assert_user_error;
use northstar_core::demo::DEMO_NAME;
use northstar_core::risks::{self, RiskEdit};
use northstar_tests::{cli, cli_json, cli_ok, FileSnapshot, Workspace};

const SPIKE: &str = "An integration spikes traffic unexpectedly";
const KEYS: &str = "API keys leak from the .env file";
const DOC: &str = "Support load grows while the onboarding doc is stale";

fn titles(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_owned())
        .collect()
}

/// Closes the demo's traffic-spike risk through the core, as the window would.
fn close_spike(ws: &Workspace) {
    let mut s = ws.store();
    let p = northstar_core::project::find(s.conn(), DEMO_NAME).unwrap();
    let today = s.clock().today();
    let q = risks::RiskQuery {
        search: "spikes".into(),
        ..Default::default()
    };
    let id = risks::all_risks(s.conn(), &p.id, &q, today).unwrap()[0]
        .id
        .clone();
    risks::edit_risk(&mut s, &id, RiskEdit::Close("Rate limits shipped".into())).unwrap();
    s.checkpoint().unwrap();
}

#[test]
fn show_json_carries_every_risk_with_its_links() {
    let ws = Workspace::new();
    let v = cli_json(&ws, &["show", DEMO_NAME, "--json"]);
    let list = v["risks"].as_array().expect("risks");
    assert_eq!(titles(&v["risks"]), [KEYS, SPIKE, DOC], "most severe first");
    for r in list {
        for key in [
            "id",
            "title",
            "description",
            "likelihood",
            "impact",
            "severity",
            "band",
            "mitigation",
            "owner",
            "status",
            "review_date",
            "goals",
            "stakeholders",
            "closing_note",
        ] {
            assert!(r.get(key).is_some(), "risk lacks {key}: {r}");
        }
    }
    let spike = &list[1];
    assert_eq!(spike["likelihood"], 3);
    assert_eq!(spike["impact"], 4);
    assert_eq!(spike["severity"], 12);
    assert_eq!(spike["band"], "high");
    assert_eq!(spike["mitigation"], "Synthetic monitoring and rate limits.");
    let goal = &v["goals"][0];
    assert_eq!(spike["goals"], serde_json::json!([goal["id"]]));
    assert_eq!(goal["risk_band"], "high");
    let lead = v["stakeholders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Customer success lead")
        .unwrap();
    assert_eq!(spike["stakeholders"], serde_json::json!([lead["id"]]));
    assert_eq!(lead["risks"][0]["title"], SPIKE);

    // A closed risk stays in `show --json`, with its note.
    close_spike(&ws);
    let v = cli_json(&ws, &["show", DEMO_NAME, "--json"]);
    let spike = v["risks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == SPIKE)
        .unwrap()
        .clone();
    assert_eq!(spike["status"], "closed");
    assert_eq!(spike["closing_note"], "Rate limits shipped");
}

#[test]
fn risks_lists_by_severity_and_filters_like_the_page() {
    let ws = Workspace::new();
    let out = cli_ok(&ws, &["risks", DEMO_NAME]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("15 high") && lines[0].ends_with(KEYS),
        "{out}"
    );
    assert!(
        lines[1].contains("3×4") && lines[1].contains("mitigating"),
        "{out}"
    );
    assert!(lines[2].starts_with(" 8 medium"), "{out}");

    let json = |args: &[&str]| {
        let mut full = vec!["risks", DEMO_NAME, "--json"];
        full.extend_from_slice(args);
        titles(&cli_json(&ws, &full))
    };
    assert_eq!(json(&["--band", "medium"]), [DOC]);
    assert_eq!(json(&["--band", "HIGH"]), [KEYS, SPIKE]);
    assert_eq!(json(&["--owner", "Lucas"]), [KEYS]);
    assert_eq!(json(&["--status", "mitigating"]), [SPIKE]);
    assert_eq!(
        json(&["--search", "RATE limit"]),
        [SPIKE],
        "mitigation, any case"
    );
    assert_eq!(json(&["--search", "bulk import"]), [SPIKE], "description");
    assert!(json(&["--search", "nothing like this"]).is_empty());

    close_spike(&ws);
    assert_eq!(
        json(&[]),
        [KEYS, DOC],
        "closed risks leave the default list"
    );
    assert_eq!(json(&["--status", "closed"]), [SPIKE]);
    assert_eq!(json(&["--status", "all"]), [KEYS, SPIKE, DOC]);
    assert_eq!(
        json(&["--search", "spikes"]),
        [SPIKE],
        "search finds closed risks"
    );
    let text = cli_ok(&ws, &["risks", DEMO_NAME, "--search", "nothing like this"]);
    assert_eq!(text, format!("No risks match in “{DEMO_NAME}”.\n"));

    let show = cli_ok(&ws, &["show", DEMO_NAME]);
    assert!(show.contains("Top risks (2 of 2 not closed)"), "{show}");
}

#[test]
fn a_bad_filter_is_one_line_and_changes_nothing() {
    let ws = Workspace::new();
    cli_ok(&ws, &["projects"]);
    let db = ws.db_path();
    let before = FileSnapshot::of(&db);
    for (args, says) in [
        (
            vec!["--status", "done"],
            "northstar: Unknown status “done”: use open, mitigating, accepted, closed, active or all.",
        ),
        (
            vec!["--band", "severe"],
            "northstar: Unknown band “severe”: use low, medium, high or critical.",
        ),
    ] {
        let mut full = vec!["risks", DEMO_NAME];
        full.extend(args.iter().copied());
        assert_eq!(assert_user_error(&cli(&ws, &full)), says);
    }
    let line = assert_user_error(&cli(&ws, &["risks", "Nope"]));
    assert_eq!(line, "northstar: No project matches “Nope”.");
    assert!(
        FileSnapshot::of(&db) == before,
        "a refused listing changed the file"
    );
}
