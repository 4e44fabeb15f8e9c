//! Projects: one per product or launch, with its North Star and leading metric.

mod edit;

pub use edit::{create, delete, edit, set_archived};
pub(crate) use edit::{create_in, edit_in, untie_leading_goal_in};

use crate::error::{Error, Result};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const NAME_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 2000;
pub const NORTH_STAR_MAX: usize = 500;
pub const LEADING_METRIC_MAX: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub description: String,
    pub north_star: String,
    pub leading_metric: String,
    pub archived: bool,
    /// The goal whose readings the leading metric shows, when it is tied to one.
    pub leading_goal_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What the user fills in to start a project.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewProject {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub north_star: String,
    #[serde(default)]
    pub leading_metric: String,
    /// Built-in pillar sets to start the scorecard with (none, either or both).
    #[serde(default)]
    pub pillar_sets: Vec<crate::scorecard::PillarSet>,
}

/// One edited field: the UI saves field by field, and each is one change record.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum ProjectEdit {
    Name(String),
    Description(String),
    NorthStar(String),
    LeadingMetric(String),
    /// Ties the leading metric to one of the project's goals (none unties it).
    LeadingGoal(Option<String>),
}

/// What deleting a project takes with it, for the confirmation.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DeletionImpact {
    pub pillars: u32,
    pub assessments: u32,
    pub goals: u32,
    pub stakeholders: u32,
}

const COLUMNS: &str = "id, name, description, north_star, leading_metric, archived, leading_goal_id, created_at, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Project> {
    Ok(Project {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        north_star: r.get(3)?,
        leading_metric: r.get(4)?,
        archived: r.get(5)?,
        leading_goal_id: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

/// Every project not deleted, active ones first, each group by name.
pub fn list(conn: &Connection) -> Result<Vec<Project>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM projects WHERE deleted_at IS NULL
         ORDER BY archived, name COLLATE NOCASE, created_at"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Project> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM projects WHERE id = ?1 AND deleted_at IS NULL"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| Error::not_found("project", id))
}

/// A project by id or by exact name (an active project wins over an archived namesake).
pub fn find(conn: &Connection, key: &str) -> Result<Project> {
    if let Ok(p) = get(conn, key) {
        return Ok(p);
    }
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM projects WHERE name = ?1 AND deleted_at IS NULL
         ORDER BY archived, created_at LIMIT 1"
    ))?
    .query_row([key], from_row)
    .optional()?
    .ok_or_else(|| Error::not_found("project", key))
}

pub fn deletion_impact(conn: &Connection, id: &str) -> Result<DeletionImpact> {
    get(conn, id)?;
    let count = |sql: &str| conn.query_row(sql, [id], |r| r.get::<_, u32>(0));
    Ok(DeletionImpact {
        pillars: count(
            "SELECT count(*) FROM pillars WHERE project_id = ?1 AND deleted_at IS NULL",
        )?,
        assessments: count(
            "SELECT count(*) FROM assessments WHERE project_id = ?1 AND deleted_at IS NULL",
        )?,
        goals: crate::goals::count_goals(conn, id)?,
        stakeholders: crate::stakeholders::count_stakeholders(conn, id)?,
    })
}

#[cfg(test)]
mod tests;
