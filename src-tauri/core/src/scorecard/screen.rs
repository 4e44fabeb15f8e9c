//! The scorecard as its screen reads it: the pillars and headline in full, and each assessment
//! as a point of the trend (its scores by pillar, no evidence or targets). A project with 50
//! pillars and 40 assessments froze 2,000 evidences, which the screen never shows (comparing two
//! assessments reads theirs with `compare`); the PDF, the exports and `show --json` read the
//! whole [`super::Scorecard`].

use super::{list_pillars, mean, Headline, Pillar};
use crate::error::Result;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
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

/// A project's assessments as points, oldest first (the order of `list_assessments`): two
/// queries whatever their number.
fn points(conn: &Connection, project_id: &str) -> Result<Vec<AssessmentPoint>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.label, a.date FROM assessments a
         WHERE a.project_id = ?1 AND a.deleted_at IS NULL ORDER BY a.date, a.created_at, a.id",
    )?;
    let mut out: Vec<AssessmentPoint> = stmt
        .query_map([project_id], |r| {
            Ok(AssessmentPoint {
                id: r.get(0)?,
                label: r.get(1)?,
                date: r.get(2)?,
                overall: None,
                scores: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let index: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT s.assessment_id, s.pillar_id, s.pillar_name, s.score
         FROM assessment_scores s JOIN assessments a ON a.id = s.assessment_id
         WHERE a.project_id = ?1 AND a.deleted_at IS NULL ORDER BY s.assessment_id, s.position",
    )?;
    let mut rows = stmt.query([project_id])?;
    while let Some(r) = rows.next()? {
        let aid: String = r.get(0)?;
        if let Some(&i) = index.get(&aid) {
            out[i].scores.push(FrozenScore {
                pillar_id: r.get(1)?,
                pillar: r.get(2)?,
                score: r.get(3)?,
            });
        }
    }
    for a in &mut out {
        let scores: Vec<u8> = a.scores.iter().filter_map(|s| s.score).collect();
        a.overall = mean(&scores);
    }
    Ok(out)
}
