//! Writing the compliance notes' tables: data inventory, regulatory triggers, vendors (names
//! unique per project, re-check a year after verification by default), controls (who ticked
//! them and when) and the questions to revisit. Each write returns the notes view.

use super::edit::{date, long, next_position, notes_id, row_project, short};
use super::read::{notes_view, NotesView};
use super::{Sensitive, QUESTIONS, STARTING_CONTROLS};
use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use crate::validate;
use chrono::{Months, NaiveDate};
use rusqlite::types::Value;
use rusqlite::OptionalExtension;
use serde::Deserialize;
use ts_rs::TS;

/// A new project's notes row and starting controls, in its creating transaction.
pub(crate) fn seed_in(w: &mut Writer<'_>, project_id: &str) -> Result<()> {
    notes_id(w, project_id)?;
    for label in STARTING_CONTROLS {
        insert_control(w, project_id, label)?;
    }
    Ok(())
}

/// Inserts a row with a position at the end, returning its id.
fn insert_row(
    w: &mut Writer<'_>,
    table: &'static str,
    project_id: &str,
    cols: Vec<(&'static str, Value)>,
) -> Result<String> {
    crate::project::get(w.conn(), project_id)?;
    let id = crate::new_id();
    let position = next_position(w, table, project_id)?;
    let now = w.now().to_owned();
    let mut all = vec![("project_id", Value::Text(project_id.to_owned()))];
    all.extend(cols);
    all.push(("position", Value::Integer(position)));
    all.push(("created_at", Value::Text(now.clone())));
    all.push(("updated_at", Value::Text(now)));
    w.insert(table, &id, &all)?;
    Ok(id)
}

fn text(v: String) -> Value {
    Value::Text(v)
}

// ---- data inventory

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewInventoryRow {
    pub category: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub storage: String,
    #[serde(default)]
    pub retention: String,
    #[serde(default)]
    pub access: String,
    #[serde(default)]
    #[ts(optional)]
    pub kind: Option<Sensitive>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum InventoryEdit {
    Category(String),
    Source(String),
    Storage(String),
    Retention(String),
    Access(String),
    Kind(Option<Sensitive>),
}

fn category(v: &str) -> Result<String> {
    validate::required("category", "A data category", v, 200)
}

pub fn add_inventory_row(
    store: &mut Store,
    project_id: &str,
    new: NewInventoryRow,
) -> Result<NotesView> {
    store.write(|w| {
        w.label("Inventory row added");
        add_inventory_row_in(w, project_id, new).map(|_| ())
    })?;
    notes_view(store.conn(), project_id)
}

pub(crate) fn add_inventory_row_in(
    w: &mut Writer<'_>,
    project_id: &str,
    new: NewInventoryRow,
) -> Result<String> {
    let cols = vec![
        ("category", text(category(&new.category)?)),
        ("source", text(short("source", "A source", &new.source)?)),
        (
            "storage",
            text(short("storage", "A storage location", &new.storage)?),
        ),
        (
            "retention",
            text(long("retention", "A retention policy", &new.retention)?),
        ),
        (
            "access",
            text(short("access", "Access roles", &new.access)?),
        ),
        ("kind", text(new.kind.map_or("", |k| k.as_str()).into())),
    ];
    insert_row(w, "data_inventory", project_id, cols)
}

pub fn edit_inventory_row(store: &mut Store, id: &str, edit: InventoryEdit) -> Result<NotesView> {
    let project_id = row_project(store.conn(), "data_inventory", "inventory row", id)?;
    store.write(|w| {
        w.label("Inventory row changed");
        let (col, value) = match edit {
            InventoryEdit::Category(v) => ("category", text(category(&v)?)),
            InventoryEdit::Source(v) => ("source", text(short("source", "A source", &v)?)),
            InventoryEdit::Storage(v) => {
                ("storage", text(short("storage", "A storage location", &v)?))
            }
            InventoryEdit::Retention(v) => (
                "retention",
                text(long("retention", "A retention policy", &v)?),
            ),
            InventoryEdit::Access(v) => ("access", text(short("access", "Access roles", &v)?)),
            InventoryEdit::Kind(k) => ("kind", text(k.map_or("", |k| k.as_str()).into())),
        };
        w.update("data_inventory", id, col, value).map(|_| ())
    })?;
    notes_view(store.conn(), &project_id)
}

pub fn remove_inventory_row(store: &mut Store, id: &str) -> Result<NotesView> {
    let project_id = row_project(store.conn(), "data_inventory", "inventory row", id)?;
    store.write(|w| {
        w.label("Inventory row removed");
        w.soft_delete("data_inventory", id)
    })?;
    notes_view(store.conn(), &project_id)
}

// ---- regulatory triggers

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewTrigger {
    pub standard: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub controls: String,
    #[serde(default)]
    pub status: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum TriggerEdit {
    Standard(String),
    Why(String),
    Controls(String),
    Status(String),
}

/// A standard is named once in a project's triggers (ignoring case), as a regulation is once in
/// its decisions.
fn standard(w: &Writer<'_>, project_id: &str, v: &str, except: Option<&str>) -> Result<String> {
    let name = validate::required("standard", "A standard or law", v, 200)?;
    let taken: Option<String> = w
        .conn()
        .prepare_cached(
            "SELECT standard FROM compliance_triggers WHERE project_id = ?1
               AND deleted_at IS NULL AND lower(standard) = lower(?2) AND id != ?3",
        )?
        .query_row([project_id, &name, except.unwrap_or("")], |r| r.get(0))
        .optional()?;
    match taken {
        Some(t) => Err(Error::invalid(
            "standard",
            format!("The triggers already name “{t}”: add to that row instead."),
        )),
        None => Ok(name),
    }
}

pub fn add_trigger(store: &mut Store, project_id: &str, new: NewTrigger) -> Result<NotesView> {
    store.write(|w| {
        w.label("Trigger added");
        add_trigger_in(w, project_id, new).map(|_| ())
    })?;
    notes_view(store.conn(), project_id)
}

pub(crate) fn add_trigger_in(
    w: &mut Writer<'_>,
    project_id: &str,
    new: NewTrigger,
) -> Result<String> {
    let cols = vec![
        (
            "standard",
            text(standard(w, project_id, &new.standard, None)?),
        ),
        ("why", text(long("why", "Why it applies", &new.why)?)),
        (
            "controls",
            text(long("controls", "Required controls", &new.controls)?),
        ),
        (
            "status",
            text(long("status", "Status / notes", &new.status)?),
        ),
    ];
    insert_row(w, "compliance_triggers", project_id, cols)
}

pub fn edit_trigger(store: &mut Store, id: &str, edit: TriggerEdit) -> Result<NotesView> {
    let project_id = row_project(store.conn(), "compliance_triggers", "trigger", id)?;
    store.write(|w| {
        w.label("Trigger changed");
        let (col, value) = match edit {
            TriggerEdit::Standard(v) => ("standard", text(standard(w, &project_id, &v, Some(id))?)),
            TriggerEdit::Why(v) => ("why", text(long("why", "Why it applies", &v)?)),
            TriggerEdit::Controls(v) => {
                ("controls", text(long("controls", "Required controls", &v)?))
            }
            TriggerEdit::Status(v) => ("status", text(long("status", "Status / notes", &v)?)),
        };
        w.update("compliance_triggers", id, col, value).map(|_| ())
    })?;
    notes_view(store.conn(), &project_id)
}

pub fn remove_trigger(store: &mut Store, id: &str) -> Result<NotesView> {
    let project_id = row_project(store.conn(), "compliance_triggers", "trigger", id)?;
    store.write(|w| {
        w.label("Trigger removed");
        w.soft_delete("compliance_triggers", id)
    })?;
    notes_view(store.conn(), &project_id)
}

// ---- vendors

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewVendor {
    pub name: String,
    #[serde(default)]
    pub data_shared: String,
    #[serde(default)]
    pub verified: bool,
    #[serde(default)]
    pub verified_with: String,
    /// When verified (default: today, when `verified`).
    #[serde(default)]
    #[ts(optional)]
    pub verified_on: Option<String>,
    #[serde(default)]
    pub actions: String,
    /// Default: a year after verification.
    #[serde(default)]
    #[ts(optional)]
    pub recheck_date: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum VendorEdit {
    Name(String),
    DataShared(String),
    /// Ticking it dates the verification today (unless dated) and, without a re-check date,
    /// sets one a year later.
    Verified(bool),
    VerifiedWith(String),
    VerifiedOn(Option<String>),
    Actions(String),
    RecheckDate(Option<String>),
}

/// Vendor names are unique per project, ignoring case.
fn vendor_name(w: &Writer<'_>, project_id: &str, v: &str, except: Option<&str>) -> Result<String> {
    let name = validate::required("name", "A vendor's name", v, 200)?;
    let taken: Option<String> = w
        .conn()
        .prepare_cached(
            "SELECT name FROM vendors WHERE project_id = ?1 AND deleted_at IS NULL
               AND lower(name) = lower(?2) AND id != ?3",
        )?
        .query_row([project_id, &name, except.unwrap_or("")], |r| r.get(0))
        .optional()?;
    match taken {
        Some(t) => Err(Error::invalid(
            "name",
            format!("This project already lists the vendor “{t}”."),
        )),
        None => Ok(name),
    }
}

/// A year after `day`, the 29th of February landing on the 28th.
fn year_after(day: NaiveDate) -> String {
    day.checked_add_months(Months::new(12))
        .unwrap_or(day)
        .to_string()
}

pub fn add_vendor(store: &mut Store, project_id: &str, new: NewVendor) -> Result<NotesView> {
    store.write(|w| {
        w.label("Vendor added");
        add_vendor_in(w, project_id, new).map(|_| ())
    })?;
    notes_view(store.conn(), project_id)
}

pub(crate) fn add_vendor_in(
    w: &mut Writer<'_>,
    project_id: &str,
    new: NewVendor,
) -> Result<String> {
    let name = vendor_name(w, project_id, &new.name, None)?;
    let on = validate::optional_date(
        "verified_on",
        "The verification date",
        new.verified_on.as_deref(),
    )?
    .or(new.verified.then(|| w.today()));
    let recheck = validate::optional_date(
        "recheck_date",
        "The re-check date",
        new.recheck_date.as_deref(),
    )?
    .map(|d| d.to_string())
    .or_else(|| on.filter(|_| new.verified).map(year_after));
    let cols = vec![
        ("name", text(name)),
        (
            "data_shared",
            text(long("data_shared", "Data shared", &new.data_shared)?),
        ),
        ("verified", Value::Integer(new.verified.into())),
        (
            "verified_with",
            text(short(
                "verified_with",
                "What was verified",
                &new.verified_with,
            )?),
        ),
        (
            "verified_on",
            on.map_or(Value::Null, |d| text(d.to_string())),
        ),
        (
            "actions",
            text(long("actions", "Action items", &new.actions)?),
        ),
        ("recheck_date", recheck.map_or(Value::Null, text)),
    ];
    insert_row(w, "vendors", project_id, cols)
}

pub fn edit_vendor(store: &mut Store, id: &str, edit: VendorEdit) -> Result<NotesView> {
    let project_id = row_project(store.conn(), "vendors", "vendor", id)?;
    store.write(|w| {
        w.label("Vendor changed");
        let (col, value) = match edit {
            VendorEdit::Name(v) => ("name", text(vendor_name(w, &project_id, &v, Some(id))?)),
            VendorEdit::DataShared(v) => {
                ("data_shared", text(long("data_shared", "Data shared", &v)?))
            }
            VendorEdit::Verified(on) => {
                if on {
                    let (dated, recheck): (Option<String>, Option<String>) = w.conn().query_row(
                        "SELECT verified_on, recheck_date FROM vendors WHERE id = ?1",
                        [id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )?;
                    let day = dated
                        .as_deref()
                        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                        .unwrap_or(w.today());
                    w.update("vendors", id, "verified_on", text(day.to_string()))?;
                    if recheck.is_none() {
                        w.update("vendors", id, "recheck_date", text(year_after(day)))?;
                    }
                }
                ("verified", Value::Integer(on.into()))
            }
            VendorEdit::VerifiedWith(v) => (
                "verified_with",
                text(short("verified_with", "What was verified", &v)?),
            ),
            VendorEdit::VerifiedOn(v) => (
                "verified_on",
                date("verified_on", "The verification date", v.as_deref())?,
            ),
            VendorEdit::Actions(v) => ("actions", text(long("actions", "Action items", &v)?)),
            VendorEdit::RecheckDate(v) => (
                "recheck_date",
                date("recheck_date", "The re-check date", v.as_deref())?,
            ),
        };
        w.update("vendors", id, col, value).map(|_| ())
    })?;
    notes_view(store.conn(), &project_id)
}

pub fn remove_vendor(store: &mut Store, id: &str) -> Result<NotesView> {
    let project_id = row_project(store.conn(), "vendors", "vendor", id)?;
    store.write(|w| {
        w.label("Vendor removed");
        w.soft_delete("vendors", id)
    })?;
    notes_view(store.conn(), &project_id)
}

// ---- controls

fn insert_control(w: &mut Writer<'_>, project_id: &str, label: &str) -> Result<String> {
    let label = validate::required("label", "A control", label, 200)?;
    insert_row(w, "controls", project_id, vec![("label", text(label))])
}

pub fn add_control(store: &mut Store, project_id: &str, label: &str) -> Result<NotesView> {
    store.write(|w| {
        w.label("Control added");
        add_control_in(w, project_id, label).map(|_| ())
    })?;
    notes_view(store.conn(), project_id)
}

/// Adds a control inside a caller's transaction (an import) and returns its id.
pub(crate) fn add_control_in(w: &mut Writer<'_>, project_id: &str, label: &str) -> Result<String> {
    insert_control(w, project_id, label)
}

/// Ticks (recording who and when) or unticks a control.
pub fn tick_control(store: &mut Store, id: &str, done: bool, by: &str) -> Result<NotesView> {
    let project_id = row_project(store.conn(), "controls", "control", id)?;
    store.write(|w| {
        w.label(if done {
            "Control ticked"
        } else {
            "Control unticked"
        });
        tick_control_in(w, id, done, by)
    })?;
    notes_view(store.conn(), &project_id)
}

pub(crate) fn tick_control_in(w: &mut Writer<'_>, id: &str, done: bool, by: &str) -> Result<()> {
    let by = short("done_by", "Who ticked it", by)?;
    let now = w.now().to_owned();
    if done {
        w.update("controls", id, "done_by", text(by))?;
        w.update("controls", id, "done_at", text(now))?;
    } else {
        w.update("controls", id, "done_by", text(String::new()))?;
        w.update("controls", id, "done_at", Value::Null)?;
    }
    w.update("controls", id, "done", Value::Integer(done.into()))
        .map(|_| ())
}

pub fn remove_control(store: &mut Store, id: &str) -> Result<NotesView> {
    let project_id = row_project(store.conn(), "controls", "control", id)?;
    store.write(|w| {
        w.label("Control removed");
        w.soft_delete("controls", id)
    })?;
    notes_view(store.conn(), &project_id)
}

// ---- questions to revisit

/// Ticks a question to revisit and keeps its note.
pub fn set_question(
    store: &mut Store,
    project_id: &str,
    key: &str,
    done: bool,
    note: &str,
) -> Result<NotesView> {
    store.write(|w| {
        w.label("Question to revisit updated");
        set_question_in(w, project_id, key, done, note)
    })?;
    notes_view(store.conn(), project_id)
}

pub(crate) fn set_question_in(
    w: &mut Writer<'_>,
    project_id: &str,
    key: &str,
    done: bool,
    note: &str,
) -> Result<()> {
    crate::project::get(w.conn(), project_id)?;
    if !QUESTIONS.iter().any(|(k, _)| *k == key) {
        return Err(Error::not_found("question", key));
    }
    let note = long("note", "A note", note)?;
    let row: Option<String> = w
        .conn()
        .prepare_cached(
            "SELECT id FROM compliance_questions WHERE project_id = ?1 AND question = ?2
               AND deleted_at IS NULL",
        )?
        .query_row([project_id, key], |r| r.get(0))
        .optional()?;
    match row {
        Some(id) => {
            w.update(
                "compliance_questions",
                &id,
                "done",
                Value::Integer(done.into()),
            )?;
            w.update("compliance_questions", &id, "note", text(note))?;
        }
        None => {
            let now = w.now().to_owned();
            w.insert(
                "compliance_questions",
                &crate::new_id(),
                &[
                    ("project_id", text(project_id.to_owned())),
                    ("question", text(key.to_owned())),
                    ("done", Value::Integer(done.into())),
                    ("note", text(note)),
                    ("created_at", text(now.clone())),
                    ("updated_at", text(now)),
                ],
            )?;
        }
    }
    Ok(())
}
