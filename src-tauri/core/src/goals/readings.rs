//! Readings: dated values of a goal's metric. Each is a new row; a mistaken one is deleted,
//! never edited, so the history of what was read stays honest.

use super::{get_goal, Goal};
use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use crate::validate;
use rusqlite::types::Value;
use rusqlite::OptionalExtension;

/// Adds a reading of `value` on `date` (today when none) and returns the goal as it now stands.
pub fn add_reading(
    store: &mut Store,
    goal_id: &str,
    value: f64,
    date: Option<&str>,
) -> Result<Goal> {
    let today = store.clock().today();
    store.write(|w| add_reading_in(w, goal_id, value, date).map(|_| ()))?;
    get_goal(store.conn(), goal_id, today)
}

/// Adds a reading inside a caller's transaction and returns its id.
pub(crate) fn add_reading_in(
    w: &mut Writer<'_>,
    goal_id: &str,
    value: f64,
    date: Option<&str>,
) -> Result<String> {
    w.label("Reading added");
    let today = w.today();
    let g = get_goal(w.conn(), goal_id, today)?;
    if !g.has_numbers() {
        return Err(Error::invalid(
            "value",
            format!(
                "“{}” has no numeric target yet: set a target before adding readings.",
                g.goal
            ),
        ));
    }
    if !value.is_finite() {
        return Err(Error::invalid(
            "value",
            format!("A reading must be a finite number (got {value})."),
        ));
    }
    let date = match date.map(str::trim) {
        None | Some("") => today,
        Some(d) => validate::date("date", "A reading's date", d)?,
    };
    if date > today {
        return Err(Error::invalid(
            "date",
            format!("A reading cannot be dated in the future ({date} is after today, {today})."),
        ));
    }
    let id = crate::new_id();
    let now = w.now().to_owned();
    w.insert(
        "goal_readings",
        &id,
        &[
            ("goal_id", Value::Text(goal_id.to_owned())),
            ("date", Value::Text(date.to_string())),
            ("value", Value::Real(value)),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )?;
    Ok(id)
}

/// Deletes a reading typed by mistake and returns its goal as it now stands.
pub fn delete_reading(store: &mut Store, reading_id: &str) -> Result<Goal> {
    let today = store.clock().today();
    let goal_id: String = store
        .conn()
        .query_row(
            "SELECT goal_id FROM goal_readings WHERE id = ?1 AND deleted_at IS NULL",
            [reading_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("reading", reading_id))?;
    store.write(|w| {
        w.label("Reading deleted");
        w.soft_delete("goal_readings", reading_id)
    })?;
    get_goal(store.conn(), &goal_id, today)
}
