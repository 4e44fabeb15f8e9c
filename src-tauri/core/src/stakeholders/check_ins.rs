//! Check-ins: "checked in today" records a dated row with an optional note; rows accumulate, so
//! the card can show the last few, and the newest sets the next check-in.

use super::{get_stakeholder, Stakeholder, LONG_MAX};
use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use crate::validate;
use rusqlite::types::Value;
use rusqlite::OptionalExtension;

/// Records a check-in on `date` (today when none) and returns the stakeholder as it now stands.
pub fn check_in(
    store: &mut Store,
    stakeholder_id: &str,
    date: Option<&str>,
    note: &str,
) -> Result<Stakeholder> {
    let today = store.clock().today();
    store.write(|w| check_in_in(w, stakeholder_id, date, note).map(|_| ()))?;
    get_stakeholder(store.conn(), stakeholder_id, today)
}

pub(crate) fn check_in_in(
    w: &mut Writer<'_>,
    stakeholder_id: &str,
    date: Option<&str>,
    note: &str,
) -> Result<String> {
    w.label("Check-in recorded");
    let today = w.today();
    get_stakeholder(w.conn(), stakeholder_id, today)?;
    let date = match date.map(str::trim) {
        None | Some("") => today,
        Some(d) => validate::date("date", "A check-in's date", d)?,
    };
    if date > today {
        return Err(Error::invalid(
            "date",
            format!("A check-in cannot be dated in the future ({date} is after today, {today})."),
        ));
    }
    let note = validate::text("note", "A check-in note", note, LONG_MAX)?;
    let id = crate::new_id();
    let now = w.now().to_owned();
    w.insert(
        "stakeholder_check_ins",
        &id,
        &[
            ("stakeholder_id", Value::Text(stakeholder_id.to_owned())),
            ("date", Value::Text(date.to_string())),
            ("note", Value::Text(note)),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )?;
    Ok(id)
}

/// Deletes a check-in recorded by mistake and returns the stakeholder as it now stands.
pub fn delete_check_in(store: &mut Store, check_in_id: &str) -> Result<Stakeholder> {
    let today = store.clock().today();
    let stakeholder_id: String = store
        .conn()
        .query_row(
            "SELECT stakeholder_id FROM stakeholder_check_ins WHERE id = ?1 AND deleted_at IS NULL",
            [check_in_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("check-in", check_in_id))?;
    store.write(|w| {
        w.label("Check-in deleted");
        w.soft_delete("stakeholder_check_ins", check_in_id)
    })?;
    get_stakeholder(store.conn(), &stakeholder_id, today)
}
