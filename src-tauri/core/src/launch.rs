//! What the window's first screen needs, in one call: the projects, the one that opens, and its
//! scorecard. At launch every round trip to the core waits behind a busy window; asking for the
//! list, then for the scorecard, cost ~40 ms more than asking once (issue 13).

use crate::error::Result;
use crate::project::{self, Project};
use crate::scorecard::{self, ScorecardScreen};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Serialize, TS)]
pub struct FirstScreen {
    pub projects: Vec<Project>,
    /// The project that opens: `remembered` when it is still there, else the first active one by
    /// name (as the sidebar sorts them), else the first archived one.
    pub selected: Option<String>,
    /// The scorecard of `selected`, when asked for (it is the page that opens).
    pub scorecard: Option<ScorecardScreen>,
}

pub fn first_screen(
    conn: &Connection,
    remembered: Option<&str>,
    scorecard: bool,
) -> Result<FirstScreen> {
    let projects = project::list(conn)?;
    let selected = pick(&projects, remembered);
    let scorecard = match (&selected, scorecard) {
        (Some(id), true) => Some(scorecard::scorecard_screen(conn, id)?),
        _ => None,
    };
    Ok(FirstScreen {
        projects,
        selected,
        scorecard,
    })
}

fn pick(projects: &[Project], remembered: Option<&str>) -> Option<String> {
    if let Some(id) = remembered.filter(|id| projects.iter().any(|p| p.id == *id)) {
        return Some(id.to_owned());
    }
    let first = |archived: bool| {
        projects
            .iter()
            .filter(|p| p.archived == archived)
            .min_by(|a, b| {
                (a.name.to_lowercase(), &a.created_at).cmp(&(b.name.to_lowercase(), &b.created_at))
            })
    };
    first(false).or_else(|| first(true)).map(|p| p.id.clone())
}

#[cfg(test)]
mod tests {
    use super::first_screen;
    use crate::project::{self, NewProject};
    use crate::scorecard::{self, NewPillar};
    use crate::testing::store;
    use crate::Store;

    fn new(s: &mut Store, name: &str) -> String {
        let p = NewProject {
            name: name.into(),
            ..Default::default()
        };
        project::create(s, p).unwrap().id
    }

    #[test]
    fn the_remembered_project_opens_else_the_first_by_name_with_its_scorecard() {
        let mut s = store();
        let zeta = new(&mut s, "zeta");
        let alpha = new(&mut s, "Alpha");
        scorecard::add_pillar(
            &mut s,
            &alpha,
            NewPillar {
                name: "Reliability".into(),
                description: String::new(),
            },
        )
        .unwrap();

        let first = first_screen(s.conn(), None, true).unwrap();
        assert_eq!(first.projects.len(), 2);
        assert_eq!(
            first.selected.as_deref(),
            Some(alpha.as_str()),
            "by name, any case"
        );
        let sc = first.scorecard.expect("the scorecard was asked for");
        assert_eq!(sc.project_id, alpha);
        assert_eq!(sc.pillars[0].name, "Reliability");

        let first = first_screen(s.conn(), Some(&zeta), false).unwrap();
        assert_eq!(first.selected.as_deref(), Some(zeta.as_str()));
        assert!(first.scorecard.is_none(), "not asked for");

        let gone = first_screen(s.conn(), Some("no-such-project"), true).unwrap();
        assert_eq!(gone.selected.as_deref(), Some(alpha.as_str()));
    }

    #[test]
    fn an_empty_workspace_opens_nothing() {
        let s = store();
        let first = first_screen(s.conn(), None, true).unwrap();
        assert!(first.projects.is_empty());
        assert_eq!(first.selected, None);
        assert!(first.scorecard.is_none());
    }
}
