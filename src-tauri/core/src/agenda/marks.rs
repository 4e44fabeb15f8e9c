//! Marking an item reviewed (with an optional note, kept in its history) or snoozing it. A mark
//! is for one due date of an item: a date the area moves later is a new one. Recurring items
//! move on by their interval counted from the day reviewed: a stakeholder check-in records the
//! check-in, a vendor re-check moves a year on, a repeating pillar checkpoint by its repeat.

use super::sources;
use super::{AgendaItem, AgendaQuery, ItemKind};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::validate;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::Connection;
use std::collections::HashMap;

pub(crate) enum Mark {
    Reviewed,
    Snoozed(NaiveDate),
}

/// Every live mark, by the row its item is about: (kind, due date, mark), oldest first, so the
/// last one that fits is the newest. Keyed by row so an agenda of 100,000 items looks marks up
/// without making each item's id.
pub(crate) struct Marks(HashMap<String, Vec<(ItemKind, NaiveDate, Mark)>>);

impl Marks {
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn of(&self, item: &AgendaItem) -> Option<&Mark> {
        self.0
            .get(item.row_id.as_str())?
            .iter()
            .rev()
            .find(|(k, d, _)| *k == item.kind && *d == item.due.0)
            .map(|(_, _, m)| m)
    }
}

pub(crate) fn latest(conn: &Connection) -> Result<Marks> {
    let mut out: HashMap<String, Vec<(ItemKind, NaiveDate, Mark)>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT item, due, mark, until FROM agenda_marks WHERE deleted_at IS NULL
         ORDER BY created_at, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let item: String = r.get(0)?;
        let due: String = r.get(1)?;
        let mark: String = r.get(2)?;
        let until: Option<String> = r.get(3)?;
        let Some((kind, row)) = split(&item) else {
            continue;
        };
        let Ok(due) = NaiveDate::parse_from_str(&due, "%Y-%m-%d") else {
            continue;
        };
        let m = match (mark.as_str(), until) {
            ("snoozed", Some(u)) => match NaiveDate::parse_from_str(&u, "%Y-%m-%d") {
                Ok(d) => Mark::Snoozed(d),
                Err(_) => continue,
            },
            _ => Mark::Reviewed,
        };
        out.entry(row.to_owned()).or_default().push((kind, due, m));
    }
    Ok(Marks(out))
}

/// `kind:row id` into its kind and row id.
fn split(item: &str) -> Option<(ItemKind, &str)> {
    let (k, row) = item.split_once(':')?;
    Some((ItemKind::parse(k)?, row))
}

fn find(conn: &Connection, item: &str) -> Result<AgendaItem> {
    let (kind, row) = split(item).ok_or_else(|| Error::not_found("agenda item", item))?;
    sources::all(conn, None, None)?
        .into_iter()
        .find(|r| r.kind == kind && r.row_id == row)
        .ok_or_else(|| Error::not_found("agenda item", item))
}

fn insert_mark(
    w: &mut crate::store::Writer<'_>,
    r: &AgendaItem,
    mark: &str,
    until: Option<NaiveDate>,
    note: String,
) -> Result<()> {
    let now = w.now().to_owned();
    w.insert(
        "agenda_marks",
        &crate::new_id(),
        &[
            ("item", Value::Text(r.id())),
            ("due", Value::Text(r.due.to_string())),
            ("mark", Value::Text(mark.into())),
            (
                "until",
                until.map_or(Value::Null, |d| Value::Text(d.to_string())),
            ),
            ("note", Value::Text(note)),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )
}

/// Marks an item reviewed today; returns the item's next occurrence when it recurs.
pub fn mark_reviewed(store: &mut Store, item: &str, note: &str) -> Result<Option<AgendaItem>> {
    let note = validate::text("note", "A note", note, 10_000)?;
    let r = find(store.conn(), item)?;
    let today = store.clock().today();
    store.write(|w| {
        w.label("Marked reviewed");
        insert_mark(w, &r, "reviewed", None, note.clone())?;
        match (r.kind, r.recurring) {
            (ItemKind::StakeholderCheckIn, _) => {
                crate::stakeholders::check_in_in(w, &r.row_id, Some(&today.to_string()), &note)?;
            }
            (ItemKind::VendorRecheck, Some(rep)) => {
                let next = Value::Text(rep.after(today).to_string());
                w.update("vendors", &r.row_id, "recheck_date", next)?;
            }
            (ItemKind::PillarCheckpoint, Some(rep)) => {
                let next = Value::Text(rep.after(today).to_string());
                w.update("pillars", &r.row_id, "next_checkpoint", next)?;
            }
            _ => {}
        }
        Ok(())
    })?;
    let q = AgendaQuery {
        days: None,
        project_id: Some(r.project_id.to_string()),
    };
    Ok(super::agenda(store.conn(), today, &q)?
        .into_iter()
        .find(|i| i.kind == r.kind && i.row_id == r.row_id))
}

/// Snoozes an item until a later day (tomorrow at the earliest).
pub fn snooze(store: &mut Store, item: &str, until: &str) -> Result<AgendaItem> {
    let until = validate::date("until", "The day to snooze until", until)?;
    let today = store.clock().today();
    if until <= today {
        return Err(Error::invalid(
            "until",
            format!("Snooze until a day after today (got {until})."),
        ));
    }
    let r = find(store.conn(), item)?;
    if until <= r.due.0 {
        return Err(Error::invalid(
            "until",
            format!("A snooze moves an item later: it is due {} already.", r.due),
        ));
    }
    store.write(|w| {
        w.label("Snoozed");
        insert_mark(w, &r, "snoozed", Some(until), String::new())
    })?;
    let q = AgendaQuery {
        days: None,
        project_id: Some(r.project_id.to_string()),
    };
    super::agenda(store.conn(), today, &q)?
        .into_iter()
        .find(|i| i.kind == r.kind && i.row_id == r.row_id)
        .ok_or_else(|| Error::not_found("agenda item", item))
}
