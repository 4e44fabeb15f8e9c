//! Issue 10 from the command line, as whole processes on real workspace files: `agenda` (text and
//! JSON), `reviewed` and `snooze`, `export ics` read back by an independent parser (Python's
//! icalendar), and `remind` showing one notification on a private session bus, then never again.

use crate::cli::assert_user_error;
use northstar_core::demo::DEMO_NAME;
use northstar_tests::bus::{Bus, Notifications};
use northstar_tests::{cli, cli_command, cli_json, cli_ok, describe, stdout, Workspace};
use serde_json::Value;

fn today() -> String {
    northstar_core::clock::Clock::today(&northstar_core::clock::SystemClock).to_string()
}

fn item<'a>(items: &'a Value, kind: &str) -> &'a Value {
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {items}"))
}

#[test]
fn the_agenda_lists_every_kind_of_review_date_with_its_bucket() {
    let ws = Workspace::new();
    let items = cli_json(&ws, &["agenda", "--json"]);
    for i in items.as_array().unwrap() {
        for key in [
            "id",
            "kind",
            "project",
            "title",
            "due",
            "bucket",
            "recurring",
        ] {
            assert!(i.get(key).is_some(), "item lacks {key}: {i}");
        }
        assert_eq!(i["project"], DEMO_NAME);
    }
    // The demo: check-ins (one overdue), the risks' reviews, pillar checkpoints, a goal deadline,
    // scan row reviews and a vendor re-check; its next compliance review is an undated milestone.
    for kind in [
        "stakeholder_check_in",
        "risk_review",
        "pillar_checkpoint",
        "goal_deadline",
        "compliance_review",
        "vendor_recheck",
    ] {
        item(&items, kind);
    }
    let lead = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == "Check in with Customer success lead")
        .unwrap();
    assert_eq!(lead["bucket"], "overdue");
    assert_eq!(lead["recurring"], "weekly");
    assert!(items
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["kind"] != "notes_review"));
    let week = cli_json(&ws, &["agenda", "--json", "--days", "6"]);
    assert!(week.as_array().unwrap().len() < items.as_array().unwrap().len());
    let far = cli_json(&ws, &["agenda", "--json", "--today", "2099-01-01"]);
    assert!(far
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["bucket"] == "overdue"));
    // `show --json` carries the same review dates for its project.
    let show = cli_json(&ws, &["show", DEMO_NAME, "--json"]);
    assert_eq!(show["agenda"], items);
    let text = cli_ok(&ws, &["agenda"]);
    assert!(text.starts_with("Overdue\n"), "{text}");
    assert!(
        text.contains(lead["id"].as_str().unwrap()),
        "the id reviewed/snooze take"
    );
    let line = assert_user_error(&cli(&ws, &["agenda", "--project", "Nope"]));
    assert_eq!(line, "northstar: No project matches “Nope”.");
}

#[test]
fn reviewed_and_snooze_move_items_and_refuse_what_they_cannot_do() {
    let ws = Workspace::new();
    let items = cli_json(&ws, &["agenda", "--json"]);
    let lead = item(&items, "stakeholder_check_in")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = cli_ok(&ws, &["reviewed", &lead, "--note", "Beta numbers shared"]);
    assert!(out.starts_with("Reviewed; next due "), "{out}");
    let v = cli_json(&ws, &["show", DEMO_NAME, "--json"]);
    let person = &v["stakeholders"][0];
    assert_eq!(person["last_check_in"], today());
    assert_eq!(person["check_ins"][0]["note"], "Beta numbers shared");

    let risk = item(&items, "risk_review")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = cli_ok(&ws, &["snooze", &risk, "--until", "2099-01-01"]);
    assert!(out.starts_with("Snoozed until 2099-01-01"), "{out}");
    let moved = cli_json(&ws, &["agenda", "--json"]);
    let r = moved
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == risk.as_str())
        .unwrap();
    assert_eq!(r["due"], "2099-01-01");
    assert_eq!(r["bucket"], "later");

    let line = assert_user_error(&cli(&ws, &["snooze", &risk, "--until", &today()]));
    assert!(line.contains("Snooze until a day after today"), "{line}");
    let line = assert_user_error(&cli(&ws, &["reviewed", "risk_review:nope"]));
    assert_eq!(
        line,
        "northstar: No agenda item matches “risk_review:nope”."
    );
}

#[test]
fn the_calendar_file_reads_back_with_its_dates_uids_and_rrules() {
    let ws = Workspace::new();
    let file = ws.root().join("reviews.ics");
    let out = cli_ok(&ws, &["export", "ics", "-o", file.to_str().unwrap()]);
    assert_eq!(out.trim(), file.to_str().unwrap());
    let items = cli_json(&ws, &["agenda", "--json"]);
    // An independent parser: Python's icalendar (Debian's python3-icalendar).
    let script = r#"
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    rrule = e.get('RRULE')
    out.append({
        'uid': str(e['UID']),
        'start': e.decoded('DTSTART').isoformat(),
        'summary': str(e['SUMMARY']),
        'rrule': rrule.to_ical().decode() if rrule else None,
    })
print(json.dumps(out))
"#;
    // Debian's interpreter, which python3-icalendar installs for (a pyenv `python3` on PATH
    // would not see it).
    let py = std::process::Command::new("/usr/bin/python3")
        .args(["-c", script, file.to_str().unwrap()])
        .output()
        .expect("run python3 (make test installs python3-icalendar)");
    assert!(py.status.success(), "{}", describe(&py));
    let events: Value = serde_json::from_slice(&py.stdout).unwrap();
    let events = events.as_array().unwrap();
    assert_eq!(events.len(), items.as_array().unwrap().len());
    for i in items.as_array().unwrap() {
        let uid = format!("{}@northstar", i["id"].as_str().unwrap());
        let e = events
            .iter()
            .find(|e| e["uid"] == uid.as_str())
            .unwrap_or_else(|| panic!("no event {uid}"));
        assert_eq!(e["start"], i["due"], "{uid}");
        assert_eq!(
            e["summary"].as_str().unwrap(),
            format!("{DEMO_NAME}: {}", i["title"].as_str().unwrap())
        );
        let want = match i["recurring"].as_str() {
            Some("weekly") => Some("FREQ=WEEKLY"),
            Some("quarterly") => Some("FREQ=MONTHLY;INTERVAL=3"),
            Some("yearly") => Some("FREQ=YEARLY"),
            Some(other) => panic!("unexpected repeat {other}"),
            None => None,
        };
        assert_eq!(e["rrule"].as_str(), want, "{uid}");
    }
    // Exported again, the same UIDs: a calendar updates rather than duplicates.
    let again = ws.root().join("again.ics");
    cli_ok(&ws, &["export", "ics", "-o", again.to_str().unwrap()]);
    let uids = |p: &std::path::Path| -> Vec<String> {
        std::fs::read_to_string(p)
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(uids(&file), uids(&again));
}

#[test]
fn remind_shows_one_summary_and_never_the_same_reminders_again() {
    let ws = Workspace::new();
    cli_ok(&ws, &["projects"]);
    let bus = Bus::start(&ws, "remind");
    let desktop = Notifications::serve(&bus);
    let remind = |args: &[&str]| {
        let mut cmd = cli_command(&ws);
        cmd.env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .arg("remind")
            .args(args);
        cmd.output().expect("run northstar remind")
    };
    // A dry run says what is due and sends and records nothing.
    let dry = remind(&["--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", describe(&dry));
    assert!(stdout(&dry).contains("(dry run"), "{}", describe(&dry));
    assert!(desktop.shown().is_empty());

    let out = remind(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let shown = desktop.shown();
    assert_eq!(shown.len(), 1, "one summary, not a burst: {shown:?}");
    assert!(shown[0].summary.contains("reviews due"), "{shown:?}");
    assert!(
        shown[0].body.contains(
            "Check in with Customer success lead · LaunchPad – v0 Readiness (overdue since"
        ),
        "{shown:?}"
    );
    assert_eq!(
        stdout(&out),
        format!("{}\n{}\n", shown[0].summary, shown[0].body)
    );

    // Again: nothing new is due, nothing is shown.
    let out = remind(&[]);
    assert_eq!(
        stdout(&out),
        "Nothing due to remind of.\n",
        "{}",
        describe(&out)
    );
    assert_eq!(desktop.shown().len(), 1);

    // Without a desktop bus the reminders are still recorded, and it says so (exit 1).
    let mut cmd = cli_command(&ws);
    cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
        .args(["remind", "--today", "2099-01-01"]);
    let out = cmd.output().unwrap();
    let line = assert_user_error(&out);
    assert!(line.contains("The reminders are recorded"), "{line}");
}
