//! The readiness scorecard: pillars scored 1-5 against a target, the headline, and assessments
//! that freeze the scores after each release so trends show.

mod assessments;
mod builtin;
mod pillars;
mod screen;

pub(crate) use assessments::record_assessment_in;
pub use assessments::{
    compare, delete_assessment, edit_assessment, get_assessment, list_assessments,
    record_assessment, Assessment, AssessmentEdit, AssessmentScore, ScoreChange,
};
pub use builtin::{builtin_pillars, PillarSet, PillarSetInfo, PillarTemplate, PILLAR_SETS};
pub use pillars::{
    add_pillar, add_pillar_set, edit_pillar, list_pillars, move_pillar, pillar_removal_impact,
    remove_pillar, NewPillar, Pillar, PillarEdit, PillarSaved, RemovalImpact,
};
pub(crate) use pillars::{add_pillar_in, add_pillar_set_in, edit_pillar_in};
pub use screen::{scorecard_screen, AssessmentPoint, FrozenScore, ScorecardScreen};

use crate::error::Result;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const PILLAR_NAME_MAX: usize = 100;
pub const DEFAULT_TARGET: u8 = 4;

/// The word for each score, 1 to 5.
pub fn legend(score: u8) -> &'static str {
    match score {
        1 => "Nonexistent",
        2 => "Nascent",
        3 => "Emerging",
        4 => "Mature",
        5 => "Operationalized",
        _ => "Not scored",
    }
}

/// Where a pillar stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// At or above target: green.
    OnTarget,
    /// One below target: amber.
    InProgress,
    /// Two or more below, or not scored: red.
    Pending,
}

impl Status {
    pub fn of(score: Option<u8>, target: u8) -> Status {
        match score {
            Some(s) if s >= target => Status::OnTarget,
            Some(s) if s + 1 == target => Status::InProgress,
            _ => Status::Pending,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::OnTarget => "on target",
            Status::InProgress => "in progress",
            Status::Pending => "pending",
        }
    }
}

/// The line at the top of a scorecard: how far the project is from every pillar at target.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Headline {
    /// Mean of the scored pillars, to one decimal; none when nothing is scored.
    pub overall: Option<f64>,
    pub at_target: u32,
    pub total: u32,
    pub scored: u32,
    /// The lowest-scoring pillars below target (unscored ones first), at most three.
    pub lowest: Vec<String>,
}

impl Headline {
    pub fn of(pillars: &[Pillar]) -> Headline {
        let scores: Vec<u8> = pillars.iter().filter_map(|p| p.score).collect();
        let overall = mean(&scores);
        let mut behind: Vec<&Pillar> = pillars
            .iter()
            .filter(|p| p.status != Status::OnTarget)
            .collect();
        // Unscored first, then by score, then by how far below target, then by position.
        behind.sort_by_key(|p| {
            (
                p.score.unwrap_or(0),
                std::cmp::Reverse(i16::from(p.target) - i16::from(p.score.unwrap_or(0))),
                p.position,
            )
        });
        Headline {
            overall,
            at_target: pillars
                .iter()
                .filter(|p| p.status == Status::OnTarget)
                .count() as u32,
            total: pillars.len() as u32,
            scored: scores.len() as u32,
            lowest: behind.iter().take(3).map(|p| p.name.clone()).collect(),
        }
    }

    /// "3 of 8 pillars at target".
    pub fn summary(&self) -> String {
        let noun = if self.total == 1 { "pillar" } else { "pillars" };
        format!("{} of {} {noun} at target", self.at_target, self.total)
    }
}

/// The mean of some scores to one decimal, or none for no scores.
pub fn mean(scores: &[u8]) -> Option<f64> {
    if scores.is_empty() {
        return None;
    }
    let sum: u32 = scores.iter().map(|&s| u32::from(s)).sum();
    Some((f64::from(sum) * 10.0 / scores.len() as f64).round() / 10.0)
}

/// A project's whole scorecard, frozen evidence included (the PDF, exports, `show --json`); the
/// page reads the lighter [`ScorecardScreen`].
#[derive(Debug, Clone, Serialize, TS)]
pub struct Scorecard {
    pub project_id: String,
    pub pillars: Vec<Pillar>,
    pub headline: Headline,
    /// Oldest first, so a trend reads left to right.
    pub assessments: Vec<Assessment>,
}

/// Every live pillar's id and name, in the user's order.
pub fn pillar_names(conn: &Connection, project_id: &str) -> Result<Vec<crate::named::Named>> {
    crate::named::query(
        conn,
        "SELECT id, name FROM pillars WHERE project_id = ?1 AND deleted_at IS NULL
         ORDER BY position, created_at",
        project_id,
    )
}

pub fn scorecard(conn: &Connection, project_id: &str) -> Result<Scorecard> {
    crate::project::get(conn, project_id)?;
    let pillars = list_pillars(conn, project_id)?;
    let headline = Headline::of(&pillars);
    Ok(Scorecard {
        project_id: project_id.to_owned(),
        assessments: list_assessments(conn, project_id)?,
        pillars,
        headline,
    })
}

#[cfg(test)]
mod tests;
