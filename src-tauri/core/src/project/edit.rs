//! Creating, editing, archiving and deleting projects, with the rules the core enforces.

use super::{get, NewProject, Project, ProjectEdit};
use super::{DESCRIPTION_MAX, LEADING_METRIC_MAX, NAME_MAX, NORTH_STAR_MAX};
use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use crate::validate;
use rusqlite::types::Value;
use rusqlite::Connection;

fn check_name(value: &str) -> Result<String> {
    validate::required("name", "A project name", value, NAME_MAX)
}

/// Names are unique among active projects, ignoring case (Unicode-aware, not just ASCII).
fn check_unique(conn: &Connection, name: &str, except: Option<&str>) -> Result<()> {
    let wanted = name.to_lowercase();
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM projects WHERE deleted_at IS NULL AND archived = 0",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let other: String = r.get(1)?;
        if Some(id.as_str()) != except && other.to_lowercase() == wanted {
            return Err(Error::invalid(
                "name",
                format!("Another active project is already called “{other}”. Pick another name."),
            ));
        }
    }
    Ok(())
}

pub fn create(store: &mut Store, new: NewProject) -> Result<Project> {
    let id = store.write(|w| {
        w.label("Project created");
        create_in(w, new)
    })?;
    get(store.conn(), &id)
}

/// Creates a project inside a caller's transaction and returns its id.
pub(crate) fn create_in(w: &mut Writer<'_>, new: NewProject) -> Result<String> {
    let name = check_name(&new.name)?;
    let description = validate::text(
        "description",
        "The description",
        &new.description,
        DESCRIPTION_MAX,
    )?;
    let north_star = validate::text(
        "north_star",
        "The North Star",
        &new.north_star,
        NORTH_STAR_MAX,
    )?;
    let leading_metric = validate::text(
        "leading_metric",
        "The leading metric",
        &new.leading_metric,
        LEADING_METRIC_MAX,
    )?;
    check_unique(w.conn(), &name, None)?;
    let id = crate::new_id();
    let now = w.now().to_owned();
    w.insert(
        "projects",
        &id,
        &[
            ("name", Value::Text(name)),
            ("description", Value::Text(description)),
            ("north_star", Value::Text(north_star)),
            ("leading_metric", Value::Text(leading_metric)),
            ("archived", Value::Integer(0)),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )?;
    for set in &new.pillar_sets {
        crate::scorecard::add_pillar_set_in(w, &id, *set)?;
    }
    crate::compliance::seed_in(w, &id)?;
    Ok(id)
}

pub fn edit(store: &mut Store, id: &str, change: ProjectEdit) -> Result<Project> {
    store.write(|w| {
        w.label(match &change {
            ProjectEdit::Name(_) => "Project renamed",
            ProjectEdit::Description(_) => "Project description changed",
            ProjectEdit::NorthStar(_) => "North Star changed",
            ProjectEdit::LeadingMetric(_) => "Leading metric changed",
            ProjectEdit::LeadingGoal(_) => "Leading metric goal changed",
        });
        edit_in(w, id, change)
    })?;
    get(store.conn(), id)
}

/// Edits one field inside a caller's transaction.
pub(crate) fn edit_in(w: &mut Writer<'_>, id: &str, change: ProjectEdit) -> Result<()> {
    {
        let current = get(w.conn(), id)?;
        let (col, value) = match change {
            ProjectEdit::LeadingGoal(goal) => {
                let value = match goal.as_deref().map(str::trim) {
                    None | Some("") => Value::Null,
                    Some(g) => {
                        let goal = crate::goals::get_goal(w.conn(), g, w.today())?;
                        if goal.project_id != id {
                            return Err(Error::invalid(
                                "leading_goal_id",
                                "The leading metric can only follow a goal of this project.",
                            ));
                        }
                        Value::Text(goal.id)
                    }
                };
                w.update("projects", id, "leading_goal_id", value)?;
                return Ok(());
            }
            ProjectEdit::Name(v) => {
                let name = check_name(&v)?;
                if !current.archived {
                    check_unique(w.conn(), &name, Some(id))?;
                }
                ("name", name)
            }
            ProjectEdit::Description(v) => (
                "description",
                validate::text("description", "The description", &v, DESCRIPTION_MAX)?,
            ),
            ProjectEdit::NorthStar(v) => (
                "north_star",
                validate::text("north_star", "The North Star", &v, NORTH_STAR_MAX)?,
            ),
            ProjectEdit::LeadingMetric(v) => (
                "leading_metric",
                validate::text(
                    "leading_metric",
                    "The leading metric",
                    &v,
                    LEADING_METRIC_MAX,
                )?,
            ),
        };
        w.update("projects", id, col, Value::Text(value))?;
        Ok(())
    }
}

/// Unties the leading metric from `goal_id` when it follows that goal (the goal is going away).
pub(crate) fn untie_leading_goal_in(w: &mut Writer<'_>, id: &str, goal_id: &str) -> Result<()> {
    if get(w.conn(), id)?.leading_goal_id.as_deref() == Some(goal_id) {
        w.update("projects", id, "leading_goal_id", Value::Null)?;
    }
    Ok(())
}

pub fn set_archived(store: &mut Store, id: &str, archived: bool) -> Result<Project> {
    store.write(|w| {
w.label(if archived { "Project archived" } else { "Project brought back from the archive" });
        let current = get(w.conn(), id)?;
        if !archived && current.archived {
            // Coming back must not make two active projects share a name.
            check_unique(w.conn(), &current.name, Some(id)).map_err(|_| {
                Error::Conflict(format!(
                    "An active project is already called “{}”. Rename one of them before restoring this one.",
                    current.name
                ))
            })?;
        }
        w.update("projects", id, "archived", Value::Integer(archived.into()))?;
        Ok(())
    })?;
    get(store.conn(), id)
}

/// Soft-deletes the project and everything that belongs to it, in one transaction.
pub fn delete(store: &mut Store, id: &str) -> Result<()> {
    store.write(|w| {
        w.label("Project deleted");
        get(w.conn(), id)?;
        for table in ["pillars", "assessments"] {
            for child in live_children(w, table, id)? {
                w.soft_delete(table, &child)?;
            }
        }
        w.soft_delete("projects", id)
    })
}

fn live_children(w: &Writer<'_>, table: &'static str, project: &str) -> Result<Vec<String>> {
    let mut stmt = w.conn().prepare_cached(&format!(
        "SELECT id FROM {table} WHERE project_id = ?1 AND deleted_at IS NULL"
    ))?;
    let ids = stmt.query_map([project], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}
