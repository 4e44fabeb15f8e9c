//! The scorecard as its screen reads it: the pillars and headline in full, and each assessment
//! as a point of the trend (its scores by pillar, no evidence or targets). A project with 50
//! pillars and 40 assessments froze 2,000 evidences, which the screen never shows (comparing two
//! assessments reads theirs with `compare`); the PDF, the exports and `show --json` read the
//! whole [`super::Scorecard`].

use super::{list_assessments, list_pillars, Headline, Pillar};
use crate::error::Result;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// What the scorecard page shows for one project.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ScorecardScreen {
    pub project_id: String,
    pub pillars: Vec<Pillar>,
    pub headline: Headline,
    /// Oldest first, so a trend reads left to right.
    pub assessments: Vec<AssessmentPoint>,
}

/// An assessment as the trend and the history show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AssessmentPoint {
    pub id: String,
    pub label: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Mean of the scored pillars at that moment, one decimal.
    pub overall: Option<f64>,
    pub scores: Vec<FrozenScore>,
}

/// One pillar's score in an assessment, under the name it had then.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FrozenScore {
    pub pillar_id: String,
    pub pillar: String,
    pub score: Option<u8>,
}

pub fn scorecard_screen(conn: &Connection, project_id: &str) -> Result<ScorecardScreen> {
    crate::project::get(conn, project_id)?;
    let pillars = list_pillars(conn, project_id)?;
    let headline = Headline::of(&pillars);
    Ok(ScorecardScreen {
        project_id: project_id.to_owned(),
        assessments: points(conn, project_id)?,
        pillars,
        headline,
    })
}

/// A project's assessments as points, oldest first: the same read as `list_assessments` (the
/// evidence costs SQLite little; it is its trip over IPC the screen is spared).
fn points(conn: &Connection, project_id: &str) -> Result<Vec<AssessmentPoint>> {
    Ok(list_assessments(conn, project_id)?
        .into_iter()
        .map(|a| AssessmentPoint {
            id: a.id,
            label: a.label,
            date: a.date,
            overall: a.overall,
            scores: a
                .scores
                .into_iter()
                .map(|s| FrozenScore {
                    pillar_id: s.pillar_id,
                    pillar: s.pillar,
                    score: s.score,
                })
                .collect(),
        })
        .collect())
}
