//! `northstar undo`, `redo` and `trash` as whole processes: an edit made by the window (the core)
//! is undone from the command line after the window closed, and a removal goes through the trash.

use crate::cli::assert_user_error;
use northstar_core::demo::DEMO_NAME;
use northstar_core::{project, scorecard, stakeholders};
use northstar_tests::{cli, cli_json, cli_ok, Workspace};

fn first_pillar(ws: &Workspace) -> (String, Option<u8>) {
    let s = ws.store();
    let p = project::find(s.conn(), DEMO_NAME).unwrap();
    let pl = scorecard::list_pillars(s.conn(), &p.id).unwrap()[0].clone();
    (pl.id, pl.score)
}

fn score(ws: &Workspace, id: &str) -> Option<u8> {
    let s = ws.store();
    let p = project::find(s.conn(), DEMO_NAME).unwrap();
    scorecard::list_pillars(s.conn(), &p.id)
        .unwrap()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap()
        .score
}

#[test]
fn an_edit_from_the_window_is_undone_and_redone_from_the_command_line() {
    let ws = Workspace::new();
    cli_ok(&ws, &["projects"]);
    let (id, was) = first_pillar(&ws);
    {
        let mut s = ws.store();
        scorecard::edit_pillar(&mut s, &id, scorecard::PillarEdit::Score(Some(5))).unwrap();
        s.checkpoint().unwrap();
    }
    let out = cli_ok(&ws, &["undo"]);
    assert_eq!(out, format!("Undid: Score changed · {DEMO_NAME}\n"));
    assert_eq!(score(&ws, &id), was);
    let v = cli_json(&ws, &["redo", "--json"]);
    assert_eq!(v["label"], "Score changed");
    assert_eq!(v["message"], format!("Redid: Score changed · {DEMO_NAME}"));
    assert_eq!(score(&ws, &id), Some(5));
    cli_ok(&ws, &["undo"]);
    let err = assert_user_error(&cli(&ws, &["undo"]));
    assert!(err.contains("Nothing to undo."), "{err}");
    cli_ok(&ws, &["redo"]);
    let err = assert_user_error(&cli(&ws, &["redo"]));
    assert!(err.contains("Nothing to redo."), "{err}");
}

#[test]
fn a_check_in_typed_on_the_command_line_is_undone() {
    let ws = Workspace::new();
    cli_ok(&ws, &["projects"]);
    let s = ws.store();
    let p = project::find(s.conn(), DEMO_NAME).unwrap();
    let who =
        stakeholders::list_stakeholders(s.conn(), &p.id, s.clock().today()).unwrap()[0].clone();
    drop(s);
    cli_ok(
        &ws,
        &[
            "checkin",
            DEMO_NAME,
            &who.name,
            "--note",
            "Agreed the beta scope",
        ],
    );
    let out = cli_ok(&ws, &["undo"]);
    assert_eq!(out, format!("Undid: Check-in recorded · {DEMO_NAME}\n"));
    let s = ws.store();
    let after = stakeholders::list_stakeholders(s.conn(), &p.id, s.clock().today()).unwrap();
    let again = after.iter().find(|x| x.id == who.id).unwrap();
    assert_eq!(again.check_ins.len(), who.check_ins.len());
}

#[test]
fn the_trash_lists_restores_and_empties_only_when_confirmed() {
    let ws = Workspace::new();
    cli_ok(&ws, &["projects"]);
    let (id, _) = first_pillar(&ws);
    let name = {
        let mut s = ws.store();
        let p = project::find(s.conn(), DEMO_NAME).unwrap();
        let name = scorecard::list_pillars(s.conn(), &p.id).unwrap()[0]
            .name
            .clone();
        scorecard::remove_pillar(&mut s, &id).unwrap();
        s.checkpoint().unwrap();
        name
    };
    let text = cli_ok(&ws, &["trash"]);
    assert!(
        text.contains(&format!("Pillar “{name}” · {DEMO_NAME}")),
        "{text}"
    );
    let list = cli_json(&ws, &["trash", "list", "--json"]);
    let entry = list[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(list[0]["kind"], "pillar");

    let err = assert_user_error(&cli(&ws, &["trash", "empty"]));
    assert!(err.contains("removes 1 entry for good"), "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(
        cli_json(&ws, &["trash", "list", "--json"]),
        list,
        "nothing changed"
    );

    let out = cli_ok(&ws, &["trash", "restore", &entry]);
    assert_eq!(out, format!("Restored pillar “{name}” · {DEMO_NAME}\n"));
    assert_eq!(cli_ok(&ws, &["trash"]), "The trash is empty.\n");
    let err = assert_user_error(&cli(&ws, &["trash", "restore", &entry]));
    assert!(err.contains("No trash entry matches"), "{err}");

    // Removed again and emptied: the demo's Day 0 assessment still names it, so it stays hidden.
    cli_ok(&ws, &["undo"]);
    let out = cli_ok(&ws, &["trash", "empty", "--yes"]);
    assert!(out.starts_with("Emptied the trash: 1 entry.\n"), "{out}");
    assert_eq!(cli_ok(&ws, &["trash"]), "The trash is empty.\n");
}
