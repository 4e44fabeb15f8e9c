//! The command palette's index: every named thing in the workspace (projects, and in each their
//! pillars, goals, stakeholders, risks and accepted regulations), read once when the palette
//! opens. The window matches what is typed against it, so a keystroke asks the store nothing;
//! on a 20,000-risk workspace the read takes a few milliseconds (`--bench palette`).

use crate::error::Result;
use crate::named::Named;
use crate::{compliance, goals, project, risks, scorecard, stakeholders};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// One project and the names inside it, each list in its page's order (risks newest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PaletteProject {
    pub id: String,
    pub name: String,
    pub archived: bool,
    pub pillars: Vec<Named>,
    pub goals: Vec<Named>,
    pub stakeholders: Vec<Named>,
    pub risks: Vec<Named>,
    pub regulations: Vec<Named>,
}

/// Every live project (archived ones after the rest, as the sidebar lists them) with its names.
pub fn index(conn: &Connection) -> Result<Vec<PaletteProject>> {
    project::list(conn)?
        .into_iter()
        .map(|p| {
            Ok(PaletteProject {
                pillars: scorecard::pillar_names(conn, &p.id)?,
                goals: goals::goal_names(conn, &p.id)?,
                stakeholders: stakeholders::stakeholder_names(conn, &p.id)?,
                risks: risks::risk_names(conn, &p.id)?,
                regulations: compliance::regulation_names(conn, &p.id)?,
                id: p.id,
                name: p.name,
                archived: p.archived,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::NewProject;

    fn names(list: &[Named]) -> Vec<&str> {
        list.iter().map(|n| n.name.as_str()).collect()
    }

    #[test]
    fn the_demo_names_every_area() {
        let mut s = crate::testing::store();
        crate::demo::seed_if_first_run(&mut s).unwrap();
        let idx = index(s.conn()).unwrap();
        assert_eq!(idx.len(), 1);
        let p = &idx[0];
        assert_eq!(p.name, "LaunchPad – v0 Readiness");
        assert_eq!(p.pillars.len(), 12);
        assert_eq!(p.pillars[0].name, "Reliability");
        assert_eq!(p.goals.len(), 1);
        assert!(p.goals[0].name.contains("onboarding API"), "{:?}", p.goals);
        assert_eq!(p.stakeholders.len(), 2);
        assert!(!p.risks.is_empty());
        assert_eq!(
            names(&p.regulations),
            [
                "GDPR · General Data Protection Regulation (EU)",
                "HIPAA · Health Insurance Portability and Accountability Act (US)",
                "PCI DSS · Payment Card Industry Data Security Standard",
            ]
        );
    }

    #[test]
    fn removed_rows_and_dismissed_regulations_are_left_out() {
        let mut s = crate::testing::store();
        let p = project::create(
            &mut s,
            NewProject {
                name: "Atlas".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let keep = risks::add_risk(
            &mut s,
            &p.id,
            risks::NewRisk {
                title: "Vendor lock-in".into(),
                likelihood: 2,
                impact: 3,
                ..Default::default()
            },
        )
        .unwrap();
        let gone = risks::add_risk(
            &mut s,
            &p.id,
            risks::NewRisk {
                title: "Gone".into(),
                likelihood: 2,
                impact: 3,
                ..Default::default()
            },
        )
        .unwrap();
        risks::remove_risk(&mut s, &gone.id).unwrap();
        let no = compliance::Decision::Dismiss("No EU users".into());
        compliance::decide(&mut s, &p.id, "builtin-gdpr", no).unwrap();
        compliance::decide(&mut s, &p.id, "builtin-coppa", compliance::Decision::Accept).unwrap();
        let idx = index(s.conn()).unwrap();
        assert_eq!(
            idx[0].risks,
            vec![Named {
                id: keep.id,
                name: "Vendor lock-in".into()
            }]
        );
        assert_eq!(
            names(&idx[0].regulations),
            ["COPPA · Children's Online Privacy Protection Act (US)"]
        );
        assert!(idx[0].pillars.is_empty());
    }
}
