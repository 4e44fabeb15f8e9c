//! The demo project: seeded on the first run of an empty workspace, once; a demo the user
//! deleted (or renamed) is never seeded again.

use northstar_core::demo::DEMO_NAME;
use northstar_core::project::{self, ProjectEdit};
use northstar_tests::{cli_json, cli_ok, project_names, Workspace};

fn demo_id(ws: &Workspace) -> String {
    let list = cli_json(ws, &["projects", "--json"]);
    let demo = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == DEMO_NAME)
        .unwrap_or_else(|| panic!("no demo project in {list}"));
    demo["id"].as_str().unwrap().to_owned()
}

#[test]
fn the_demo_is_seeded_once_across_runs() {
    let ws = Workspace::new();
    let id = demo_id(&ws);
    for _ in 0..3 {
        assert_eq!(project_names(&ws), [DEMO_NAME]);
        assert_eq!(demo_id(&ws), id, "the same demo, not a fresh copy");
    }
}

#[test]
fn a_deleted_demo_stays_deleted() {
    let ws = Workspace::new();
    let id = demo_id(&ws);
    {
        let mut store = ws.store();
        project::delete(&mut store, &id).unwrap();
    }
    for _ in 0..2 {
        assert!(project_names(&ws).is_empty(), "the deleted demo came back");
    }
    let text = cli_ok(&ws, &["projects"]);
    assert!(
        text.contains("No projects yet"),
        "the empty state says what to do: {text}"
    );
    // Opening through the core again (as the window does) does not seed it either.
    let store = northstar_core::workspace::open(&ws.data_dir()).unwrap();
    assert!(project::list(store.conn()).unwrap().is_empty());
}

#[test]
fn a_renamed_demo_is_not_seeded_again() {
    let ws = Workspace::new();
    let id = demo_id(&ws);
    {
        let mut store = ws.store();
        project::edit(&mut store, &id, ProjectEdit::Name("My launch".into())).unwrap();
    }
    assert_eq!(project_names(&ws), ["My launch"]);
    assert_eq!(project_names(&ws), ["My launch"]);
}
