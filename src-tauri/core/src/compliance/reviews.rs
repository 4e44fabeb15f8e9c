//! The review history: "Record review" appends an entry (date, reviewer, findings) and moves the
//! snapshot's "last reviewed" in the same transaction. Entries are never edited or removed (the
//! schema's triggers refuse it too); a mistake is corrected by a later entry that names it.

use super::edit::{long, notes_id};
use super::read::reviews_view;
use super::Review;
use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use crate::validate;
use rusqlite::types::Value;
use rusqlite::OptionalExtension;
use serde::Deserialize;
use ts_rs::TS;

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewReview {
    /// `YYYY-MM-DD`, not in the future (default: today).
    #[serde(default)]
    #[ts(optional)]
    pub date: Option<String>,
    pub reviewer: String,
    #[serde(default)]
    pub findings: String,
    /// The id of an earlier entry this one corrects.
    #[serde(default)]
    #[ts(optional)]
    pub corrects: Option<String>,
}

/// Appends a review and returns the history, newest first.
pub fn record_review(store: &mut Store, project_id: &str, new: NewReview) -> Result<Vec<Review>> {
    store.write(|w| {
        w.label("Review recorded");
        record_review_in(w, project_id, new)
    })?;
    reviews_view(store.conn(), project_id)
}

pub(crate) fn record_review_in(w: &mut Writer<'_>, project_id: &str, new: NewReview) -> Result<()> {
    let today = w.today();
    let day =
        validate::optional_date("date", "A review's date", new.date.as_deref())?.unwrap_or(today);
    if day > today {
        return Err(Error::invalid(
            "date",
            format!("A review cannot be dated in the future ({day})."),
        ));
    }
    let reviewer = validate::required("reviewer", "A reviewer", &new.reviewer, 200)?;
    let findings = long("findings", "Key changes / findings", &new.findings)?;
    let notes = notes_id(w, project_id)?;
    let corrects = match new
        .corrects
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        None => Value::Null,
        Some(c) => {
            let owner: Option<String> = w
                .conn()
                .prepare_cached("SELECT project_id FROM compliance_reviews WHERE id = ?1")?
                .query_row([c], |r| r.get(0))
                .optional()?;
            if owner.as_deref() != Some(project_id) {
                return Err(Error::not_found("review", c));
            }
            Value::Text(c.to_owned())
        }
    };
    let now = w.now().to_owned();
    w.insert(
        "compliance_reviews",
        &crate::new_id(),
        &[
            ("project_id", Value::Text(project_id.to_owned())),
            ("date", Value::Text(day.to_string())),
            ("reviewer", Value::Text(reviewer)),
            ("findings", Value::Text(findings)),
            ("corrects", corrects),
            ("created_at", Value::Text(now)),
        ],
    )?;
    // "Last reviewed" is the newest review's day: a back-dated entry does not move it back.
    let last: Option<String> = w.conn().query_row(
        "SELECT max(date) FROM compliance_reviews WHERE project_id = ?1",
        [project_id],
        |r| r.get(0),
    )?;
    w.update(
        "compliance_notes",
        &notes,
        "last_reviewed",
        last.map_or(Value::Null, Value::Text),
    )?;
    Ok(())
}
