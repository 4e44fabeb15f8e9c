//! Undo, redo and the trash against a real file, reopened between steps (a restart).

mod edits;
mod stack;
mod trash;

use crate::clock::FixedClock;
use crate::store::Store;
use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// A workspace file in a temporary folder, with the demo project in it.
pub(super) struct Ws {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub project: String,
}

pub(super) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

pub(super) fn open(path: &Path) -> Store {
    let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap());
    Store::open_with_clock(path, Box::new(clock)).unwrap()
}

pub(super) fn demo() -> Ws {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("northstar.db");
    let mut s = open(&path);
    crate::demo::seed_if_first_run(&mut s).unwrap();
    let project = crate::project::list(s.conn()).unwrap()[0].id.clone();
    Ws {
        _dir: dir,
        path,
        project,
    }
}

/// Everything the pages show of a project (and the project list), as JSON to compare.
pub(super) fn view(s: &Store, project: &str) -> Value {
    let c = s.conn();
    let mut risks = serde_json::to_value(
        crate::risks::all_risks(c, project, &Default::default(), today()).unwrap(),
    )
    .unwrap();
    // Read back from the change log, which an undo adds to: not the row's state.
    for r in risks.as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("band_change");
    }
    json!({
        "projects": crate::project::list(c).unwrap(),
        "scorecard": crate::scorecard::scorecard(c, project).ok(),
        "assessments": crate::scorecard::list_assessments(c, project).ok(),
        "goals": crate::goals::list_goals(c, project, today()).ok(),
        "stakeholders": crate::stakeholders::list_stakeholders(c, project, today()).ok(),
        "risks": risks,
        "compliance": crate::compliance::compliance(c, project).ok(),
    })
}

/// Makes `edit` (named `label`), then checks across restarts that undo puts every page back,
/// redo makes the edit again, and undoing the redo puts it back once more.
pub(super) fn round_trip(ws: &Ws, label: &str, edit: impl FnOnce(&mut Store)) {
    let before = {
        let mut s = open(&ws.path);
        let before = view(&s, &ws.project);
        edit(&mut s);
        assert_ne!(
            view(&s, &ws.project),
            before,
            "{label}: the edit changed something"
        );
        before
    };
    let after = {
        let mut s = open(&ws.path);
        let after = view(&s, &ws.project);
        let state = super::undo_state(s.conn()).unwrap();
        assert_eq!(state.undo.as_ref().map(|u| u.label.as_str()), Some(label));
        let out = super::undo(&mut s).unwrap();
        assert_eq!(out.label, label);
        assert!(
            out.message.starts_with(&format!("Undid: {label}")),
            "{}",
            out.message
        );
        after
    };
    {
        let mut s = open(&ws.path);
        assert_eq!(view(&s, &ws.project), before, "{label}: undo puts it back");
        let state = super::undo_state(s.conn()).unwrap();
        assert_eq!(state.redo.as_ref().map(|u| u.label.as_str()), Some(label));
        let out = super::redo(&mut s).unwrap();
        assert!(
            out.message.starts_with(&format!("Redid: {label}")),
            "{}",
            out.message
        );
    }
    {
        let mut s = open(&ws.path);
        assert_eq!(view(&s, &ws.project), after, "{label}: redo makes it again");
        assert!(super::undo_state(s.conn()).unwrap().redo.is_none());
        super::undo(&mut s).unwrap();
        assert_eq!(view(&s, &ws.project), before, "{label}: undoing the redo");
    }
}

pub(super) fn count(s: &Store, sql: &str) -> i64 {
    s.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}
