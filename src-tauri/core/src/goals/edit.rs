//! Adding, editing, reordering and removing goals, with the rules the core enforces.

use super::{get_goal, Direction, Goal, GOAL_MAX, LONG_MAX, UNIT_MAX};
use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use crate::validate;
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::Deserialize;
use ts_rs::TS;

/// What the user fills in to add a goal; everything but the goal text may come later.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewGoal {
    pub goal: String,
    #[serde(default)]
    pub metric: String,
    #[serde(default)]
    #[ts(optional)]
    pub target: Option<f64>,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    #[ts(optional)]
    pub direction: Option<Direction>,
    #[serde(default)]
    #[ts(optional)]
    pub deadline: Option<String>,
    #[serde(default)]
    pub guardrail: String,
    #[serde(default)]
    pub stakeholders: Vec<String>,
    #[serde(default)]
    pub risks_text: String,
}

/// One edited field of a goal. Numbers are checked here: the webview is not trusted.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum GoalEdit {
    Goal(String),
    Metric(String),
    Target(Option<f64>),
    Unit(String),
    Direction(Direction),
    Deadline(Option<String>),
    Guardrail(String),
    /// The whole set of stakeholders the goal names, replacing the old set.
    Stakeholders(Vec<String>),
    RisksText(String),
    /// The whole set of risks linked to the goal, replacing the old set.
    Risks(Vec<String>),
}

fn check_goal(v: &str) -> Result<String> {
    validate::required("goal", "A goal", v, GOAL_MAX)
}

fn check_long(field: &'static str, label: &str, v: &str) -> Result<String> {
    validate::text(field, label, v, LONG_MAX)
}

/// A target must be a finite number (not NaN or infinity), or none.
pub(crate) fn check_number(field: &'static str, label: &str, v: Option<f64>) -> Result<Value> {
    match v {
        None => Ok(Value::Null),
        Some(x) if x.is_finite() => Ok(Value::Real(x)),
        Some(x) => Err(Error::invalid(
            field,
            format!("{label} must be a finite number (got {x})."),
        )),
    }
}

fn date_value(field: &'static str, label: &str, v: Option<&str>) -> Result<Value> {
    Ok(validate::optional_date(field, label, v)?
        .map_or(Value::Null, |d| Value::Text(d.to_string())))
}

fn next_position(conn: &Connection, project_id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(position), -1) + 1 FROM goals WHERE project_id = ?1 AND deleted_at IS NULL",
        [project_id],
        |r| r.get(0),
    )?)
}

pub fn add_goal(store: &mut Store, project_id: &str, new: NewGoal) -> Result<Goal> {
    let id = store.write(|w| add_goal_in(w, project_id, new))?;
    get_goal(store.conn(), &id, store.clock().today())
}

/// Adds a goal inside a caller's transaction and returns its id.
pub(crate) fn add_goal_in(w: &mut Writer<'_>, project_id: &str, new: NewGoal) -> Result<String> {
    w.label("Goal added");
    crate::project::get(w.conn(), project_id)?;
    let goal = check_goal(&new.goal)?;
    let metric = check_long("metric", "A success metric", &new.metric)?;
    let target = check_number("target", "A target", new.target)?;
    let unit = validate::text("unit", "A unit", &new.unit, UNIT_MAX)?;
    let deadline = date_value("deadline", "The deadline", new.deadline.as_deref())?;
    let guardrail = check_long("guardrail", "A guardrail", &new.guardrail)?;
    let risks_text = check_long("risks_text", "Risks & mitigations", &new.risks_text)?;
    let stakeholders =
        crate::stakeholders::check_in_project(w.conn(), project_id, &new.stakeholders)?;
    let id = crate::new_id();
    let position = next_position(w.conn(), project_id)?;
    let now = w.now().to_owned();
    w.insert(
        "goals",
        &id,
        &[
            ("project_id", Value::Text(project_id.to_owned())),
            ("goal", Value::Text(goal)),
            ("metric", Value::Text(metric)),
            ("target", target),
            ("unit", Value::Text(unit)),
            (
                "direction",
                Value::Text(new.direction.unwrap_or(Direction::Higher).as_str().into()),
            ),
            ("deadline", deadline),
            ("guardrail", Value::Text(guardrail)),
            ("risks_text", Value::Text(risks_text)),
            ("position", Value::Integer(position)),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )?;
    for s in stakeholders {
        link(w, &id, &s)?;
    }
    Ok(id)
}

fn link(w: &mut Writer<'_>, goal_id: &str, stakeholder_id: &str) -> Result<()> {
    let now = w.now().to_owned();
    w.insert(
        "goal_stakeholders",
        &crate::new_id(),
        &[
            ("goal_id", Value::Text(goal_id.to_owned())),
            ("stakeholder_id", Value::Text(stakeholder_id.to_owned())),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )
}

/// The live link rows of a goal: (link id, stakeholder id).
fn links(conn: &Connection, goal_id: &str) -> Result<Vec<(String, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, stakeholder_id FROM goal_stakeholders WHERE goal_id = ?1 AND deleted_at IS NULL",
        )?
        .query_map([goal_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Replaces a goal's stakeholder set: links not wanted are removed, new ones added, in the
/// caller's transaction.
fn set_stakeholders(w: &mut Writer<'_>, g: &Goal, wanted: &[String]) -> Result<()> {
    let wanted = crate::stakeholders::check_in_project(w.conn(), &g.project_id, wanted)?;
    let have = links(w.conn(), &g.id)?;
    for (link_id, s) in &have {
        if !wanted.contains(s) {
            w.soft_delete("goal_stakeholders", link_id)?;
        }
    }
    for s in &wanted {
        if !have.iter().any(|(_, h)| h == s) {
            link(w, &g.id, s)?;
        }
    }
    Ok(())
}

pub fn edit_goal(store: &mut Store, id: &str, change: GoalEdit) -> Result<Goal> {
    let today = store.clock().today();
    store.write(|w| {
        w.label(match &change {
            GoalEdit::Goal(_) => "Goal renamed",
            GoalEdit::Metric(_) => "Success metric changed",
            GoalEdit::Target(_) => "Goal target changed",
            GoalEdit::Unit(_) => "Goal unit changed",
            GoalEdit::Direction(_) => "Goal direction changed",
            GoalEdit::Deadline(_) => "Goal deadline changed",
            GoalEdit::Guardrail(_) => "Guardrail changed",
            GoalEdit::RisksText(_) => "Risks & mitigations changed",
            GoalEdit::Stakeholders(_) => "Goal stakeholders changed",
            GoalEdit::Risks(_) => "Goal risks changed",
        });
        let g = get_goal(w.conn(), id, today)?;
        let (col, value) = match change {
            GoalEdit::Goal(v) => ("goal", Value::Text(check_goal(&v)?)),
            GoalEdit::Metric(v) => (
                "metric",
                Value::Text(check_long("metric", "A success metric", &v)?),
            ),
            GoalEdit::Target(v) => ("target", check_number("target", "A target", v)?),
            GoalEdit::Unit(v) => (
                "unit",
                Value::Text(validate::text("unit", "A unit", &v, UNIT_MAX)?),
            ),
            GoalEdit::Direction(d) => ("direction", Value::Text(d.as_str().into())),
            GoalEdit::Deadline(v) => (
                "deadline",
                date_value("deadline", "The deadline", v.as_deref())?,
            ),
            GoalEdit::Guardrail(v) => (
                "guardrail",
                Value::Text(check_long("guardrail", "A guardrail", &v)?),
            ),
            GoalEdit::RisksText(v) => (
                "risks_text",
                Value::Text(check_long("risks_text", "Risks & mitigations", &v)?),
            ),
            GoalEdit::Stakeholders(ids) => return set_stakeholders(w, &g, &ids),
            GoalEdit::Risks(ids) => {
                return crate::risks::set_goal_risks_in(w, &g.project_id, id, &ids)
            }
        };
        w.update("goals", id, col, value)?;
        Ok(())
    })?;
    get_goal(store.conn(), id, today)
}

/// Moves a goal to `index` (0-based, clamped) and renumbers the others, in one transaction.
pub fn move_goal(store: &mut Store, id: &str, index: i64) -> Result<Vec<Goal>> {
    let today = store.clock().today();
    let g = get_goal(store.conn(), id, today)?;
    store.write(|w| {
        w.label("Goals reordered");
        let mut order: Vec<(String, i64)> = w
            .conn()
            .prepare_cached(
                "SELECT id, position FROM goals WHERE project_id = ?1 AND deleted_at IS NULL
                 ORDER BY position, created_at",
            )?
            .query_map([&g.project_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let from = order
            .iter()
            .position(|(q, _)| q == id)
            .ok_or_else(|| Error::not_found("goal", id))?;
        let moved = order.remove(from);
        let to = usize::try_from(index.max(0)).unwrap_or(0).min(order.len());
        order.insert(to, moved);
        for (i, (q, pos)) in order.iter().enumerate() {
            if *pos != i as i64 {
                w.update("goals", q, "position", Value::Integer(i as i64))?;
            }
        }
        Ok(())
    })?;
    super::list_goals(store.conn(), &g.project_id, today)
}

/// Removes every live goal link to a stakeholder, inside a caller's transaction (the
/// stakeholder is being removed).
pub(crate) fn unlink_stakeholder_in(w: &mut Writer<'_>, stakeholder_id: &str) -> Result<()> {
    let ids: Vec<String> = w
        .conn()
        .prepare_cached(
            "SELECT id FROM goal_stakeholders WHERE stakeholder_id = ?1 AND deleted_at IS NULL",
        )?
        .query_map([stakeholder_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        w.soft_delete("goal_stakeholders", &id)?;
    }
    Ok(())
}

/// Removes a goal with its stakeholder and risk links, and unties the project's leading metric from it,
/// in one transaction. Its readings stay in the file with it (trash and undo can bring it back).
pub fn remove_goal(store: &mut Store, id: &str) -> Result<()> {
    let today = store.clock().today();
    store.write(|w| {
        w.label("Goal removed");
        let g = get_goal(w.conn(), id, today)?;
        for (link_id, _) in links(w.conn(), id)? {
            w.soft_delete("goal_stakeholders", &link_id)?;
        }
        crate::risks::unlink_goal_in(w, id)?;
        crate::project::untie_leading_goal_in(w, &g.project_id, id)?;
        w.soft_delete("goals", id)
    })
}
