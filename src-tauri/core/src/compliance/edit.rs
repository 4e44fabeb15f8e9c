//! Writing the scan side: the trigger questions' answers, decisions on regulations, the
//! workspace's own regulations, scan rows, and the notes' snapshot.

use super::read::{scan_view, ScanView};
use super::{Answers, DataKind, Readiness, Sensitive, Snapshot, LONG_MAX, SHORT_MAX};
use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use crate::validate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;
use ts_rs::TS;

pub(crate) fn short(field: &'static str, label: &str, v: &str) -> Result<String> {
    validate::text(field, label, v, SHORT_MAX)
}

pub(crate) fn long(field: &'static str, label: &str, v: &str) -> Result<String> {
    validate::text(field, label, v, LONG_MAX)
}

pub(crate) fn date(field: &'static str, label: &str, v: Option<&str>) -> Result<Value> {
    Ok(validate::optional_date(field, label, v)?
        .map_or(Value::Null, |d| Value::Text(d.to_string())))
}

/// The project's notes row, made when missing (projects get one when created).
pub(crate) fn notes_id(w: &mut Writer<'_>, project_id: &str) -> Result<String> {
    crate::project::get(w.conn(), project_id)?;
    let id: Option<String> = w
        .conn()
        .prepare_cached(
            "SELECT id FROM compliance_notes WHERE project_id = ?1 AND deleted_at IS NULL
             ORDER BY created_at LIMIT 1",
        )?
        .query_row([project_id], |r| r.get(0))
        .optional()?;
    if let Some(id) = id {
        return Ok(id);
    }
    let id = crate::new_id();
    let now = w.now().to_owned();
    w.insert(
        "compliance_notes",
        &id,
        &[
            ("project_id", Value::Text(project_id.to_owned())),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )?;
    Ok(id)
}

/// Saves the trigger questions' answers (all three at once, as the form holds them).
/// "None of these" cannot stand beside a kind of data.
pub fn set_answers(store: &mut Store, project_id: &str, a: Answers) -> Result<ScanView> {
    store.write(|w| {
        w.label("Trigger questions answered");
        set_answers_in(w, project_id, a)
    })?;
    scan_view(store.conn(), project_id)
}

pub(crate) fn set_answers_in(w: &mut Writer<'_>, project_id: &str, a: Answers) -> Result<()> {
    if let Some(kinds) = &a.data {
        if kinds.contains(&DataKind::None) && kinds.len() > 1 {
            return Err(Error::invalid(
                "data",
                "“None of these” cannot be chosen with a kind of data.",
            ));
        }
    }
    let detail = short("industry_detail", "The industry", &a.industry_detail)?;
    let id = notes_id(w, project_id)?;
    let data = a.data.as_ref().map(|kinds| {
        let keys: Vec<&str> = DataKind::ALL
            .into_iter()
            .filter(|k| kinds.contains(k))
            .map(DataKind::as_str)
            .collect();
        Value::Text(keys.join(","))
    });
    let payments = a.payments.map(|p| Value::Integer(p.into()));
    let industry = a.industry.map(|i| Value::Text(i.as_str().into()));
    w.update(
        "compliance_notes",
        &id,
        "data_kinds",
        data.unwrap_or(Value::Null),
    )?;
    w.update(
        "compliance_notes",
        &id,
        "payments",
        payments.unwrap_or(Value::Null),
    )?;
    w.update(
        "compliance_notes",
        &id,
        "industry",
        industry.unwrap_or(Value::Null),
    )?;
    w.update(
        "compliance_notes",
        &id,
        "industry_detail",
        Value::Text(detail),
    )?;
    Ok(())
}

/// What the user says of a regulation for this project.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "decision", content = "reason", rename_all = "snake_case")]
pub enum Decision {
    Accept,
    /// Dismissed, with the reason kept.
    Dismiss(String),
    /// Back to undecided (proposed again if the answers propose it).
    Undecide,
}

fn live_regulation(conn: &Connection, id: &str) -> Result<String> {
    conn.prepare_cached("SELECT code FROM regulations WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::not_found("regulation", id))
}

/// The one decision row of a regulation in a project (a regulation is named once per project).
fn decision_row(
    conn: &Connection,
    project_id: &str,
    regulation_id: &str,
) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM project_regulations
             WHERE project_id = ?1 AND regulation_id = ?2 AND deleted_at IS NULL",
        )?
        .query_row([project_id, regulation_id], |r| r.get(0))
        .optional()?)
}

pub(crate) fn decide_in(
    w: &mut Writer<'_>,
    project_id: &str,
    regulation_id: &str,
    d: Decision,
) -> Result<()> {
    crate::project::get(w.conn(), project_id)?;
    live_regulation(w.conn(), regulation_id)?;
    let row = decision_row(w.conn(), project_id, regulation_id)?;
    let (decision, reason) = match d {
        Decision::Undecide => {
            let in_use: i64 = w.conn().query_row(
                "SELECT count(*) FROM scan_rows WHERE project_id = ?1 AND regulation_id = ?2
                   AND deleted_at IS NULL",
                [project_id, regulation_id],
                |r| r.get(0),
            )?;
            if in_use > 0 {
                return Err(Error::invalid(
                    "decision",
                    "Scan rows name this regulation: remove them before setting it aside.",
                ));
            }
            if let Some(id) = row {
                w.soft_delete("project_regulations", &id)?;
            }
            return Ok(());
        }
        Decision::Accept => ("accepted", String::new()),
        Decision::Dismiss(reason) => {
            let reason = validate::required("reason", "A reason to dismiss", &reason, LONG_MAX)?;
            ("dismissed", reason)
        }
    };
    match row {
        Some(id) => {
            w.update(
                "project_regulations",
                &id,
                "decision",
                Value::Text(decision.into()),
            )?;
            w.update("project_regulations", &id, "reason", Value::Text(reason))?;
        }
        None => {
            let now = w.now().to_owned();
            w.insert(
                "project_regulations",
                &crate::new_id(),
                &[
                    ("project_id", Value::Text(project_id.to_owned())),
                    ("regulation_id", Value::Text(regulation_id.to_owned())),
                    ("decision", Value::Text(decision.into())),
                    ("reason", Value::Text(reason)),
                    ("created_at", Value::Text(now.clone())),
                    ("updated_at", Value::Text(now)),
                ],
            )?;
        }
    }
    Ok(())
}

/// Accepts, dismisses (with a reason) or undecides a regulation for a project.
pub fn decide(
    store: &mut Store,
    project_id: &str,
    regulation_id: &str,
    d: Decision,
) -> Result<ScanView> {
    store.write(|w| {
        w.label(match &d {
            Decision::Accept => "Regulation accepted",
            Decision::Dismiss(_) => "Regulation dismissed",
            Decision::Undecide => "Regulation decision cleared",
        });
        decide_in(w, project_id, regulation_id, d)
    })?;
    scan_view(store.conn(), project_id)
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewRegulation {
    pub code: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub applies_when: String,
    #[serde(default)]
    pub controls: String,
    #[serde(default)]
    #[ts(optional)]
    pub covers: Option<Sensitive>,
}

/// Adds the user's own regulation (SOC 2, CCPA, a customer's contract) to the workspace's
/// library; codes are unique there, ignoring case. Returns the new regulation's id.
pub fn add_regulation(store: &mut Store, new: NewRegulation) -> Result<String> {
    store.write(|w| {
        w.label("Regulation added");
        add_regulation_in(w, new)
    })
}

/// Adds the user's own regulation inside a caller's transaction (an import naming one the
/// library lacks) and returns its id.
pub(crate) fn add_regulation_in(w: &mut Writer<'_>, new: NewRegulation) -> Result<String> {
    let code = validate::required("code", "A regulation's short name", &new.code, 40)?;
    let name = short("name", "A regulation's name", &new.name)?;
    let applies = long("applies_when", "When it applies", &new.applies_when)?;
    let controls = long("controls", "Typical controls", &new.controls)?;
    let taken: i64 = w.conn().query_row(
        "SELECT count(*) FROM regulations WHERE lower(code) = lower(?1) AND deleted_at IS NULL",
        [&code],
        |r| r.get(0),
    )?;
    if taken > 0 {
        return Err(Error::invalid(
            "code",
            format!("The library already has a regulation called “{code}”."),
        ));
    }
    let id = crate::new_id();
    let now = w.now().to_owned();
    w.insert(
        "regulations",
        &id,
        &[
            ("code", Value::Text(code.clone())),
            (
                "name",
                Value::Text(if name.is_empty() { code.clone() } else { name }),
            ),
            ("applies_when", Value::Text(applies)),
            ("controls", Value::Text(controls)),
            (
                "covers",
                Value::Text(new.covers.map_or("", |c| c.as_str()).into()),
            ),
            ("builtin", Value::Integer(0)),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )?;
    Ok(id)
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewScanRow {
    pub area: String,
    pub regulation_id: String,
    #[serde(default)]
    #[ts(optional)]
    pub readiness: Option<Readiness>,
    #[serde(default)]
    pub proof: String,
    #[serde(default)]
    pub gaps: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    #[ts(optional)]
    pub review_date: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum ScanEdit {
    Area(String),
    RegulationId(String),
    Readiness(Readiness),
    Proof(String),
    Gaps(String),
    Owner(String),
    ReviewDate(Option<String>),
}

fn area(v: &str) -> Result<String> {
    validate::required("area", "A data or feature area", v, SHORT_MAX)
}

/// A scan row's regulation is accepted for the project in the same transaction: a row naming
/// it says it applies.
fn accept_for_row(w: &mut Writer<'_>, project_id: &str, regulation_id: &str) -> Result<()> {
    live_regulation(w.conn(), regulation_id)?;
    let accepted: Option<String> = w
        .conn()
        .prepare_cached(
            "SELECT decision FROM project_regulations
             WHERE project_id = ?1 AND regulation_id = ?2 AND deleted_at IS NULL",
        )?
        .query_row([project_id, regulation_id], |r| r.get(0))
        .optional()?;
    if accepted.as_deref() != Some("accepted") {
        decide_in(w, project_id, regulation_id, Decision::Accept)?;
    }
    Ok(())
}

pub(crate) fn next_position(w: &Writer<'_>, table: &'static str, project_id: &str) -> Result<i64> {
    Ok(w.conn().query_row(
        &format!(
            "SELECT coalesce(max(position), -1) + 1 FROM {table}
             WHERE project_id = ?1 AND deleted_at IS NULL"
        ),
        [project_id],
        |r| r.get(0),
    )?)
}

pub(crate) fn add_scan_row_in(
    w: &mut Writer<'_>,
    project_id: &str,
    new: NewScanRow,
) -> Result<String> {
    crate::project::get(w.conn(), project_id)?;
    let area = area(&new.area)?;
    let proof = long("proof", "Proof / references", &new.proof)?;
    let gaps = long("gaps", "Gaps & next actions", &new.gaps)?;
    let owner = short("owner", "An owner", &new.owner)?;
    let review = date("review_date", "The review date", new.review_date.as_deref())?;
    accept_for_row(w, project_id, &new.regulation_id)?;
    notes_id(w, project_id)?;
    let id = crate::new_id();
    let position = next_position(w, "scan_rows", project_id)?;
    let now = w.now().to_owned();
    let readiness = new.readiness.unwrap_or(Readiness::Missing);
    w.insert(
        "scan_rows",
        &id,
        &[
            ("project_id", Value::Text(project_id.to_owned())),
            ("area", Value::Text(area)),
            ("regulation_id", Value::Text(new.regulation_id)),
            ("readiness", Value::Text(readiness.as_str().into())),
            ("proof", Value::Text(proof)),
            ("gaps", Value::Text(gaps)),
            ("owner", Value::Text(owner)),
            ("review_date", review),
            ("position", Value::Integer(position)),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )?;
    Ok(id)
}

pub fn add_scan_row(store: &mut Store, project_id: &str, new: NewScanRow) -> Result<ScanView> {
    store.write(|w| {
        w.label("Scan row added");
        add_scan_row_in(w, project_id, new)
    })?;
    scan_view(store.conn(), project_id)
}

fn project_of(
    conn: &Connection,
    table: &'static str,
    what: &'static str,
    id: &str,
) -> Result<String> {
    conn.prepare_cached(&format!(
        "SELECT project_id FROM {table} WHERE id = ?1 AND deleted_at IS NULL"
    ))?
    .query_row([id], |r| r.get(0))
    .optional()?
    .ok_or_else(|| Error::not_found(what, id))
}

pub(crate) fn row_project(
    conn: &Connection,
    table: &'static str,
    what: &'static str,
    id: &str,
) -> Result<String> {
    project_of(conn, table, what, id)
}

pub fn edit_scan_row(store: &mut Store, id: &str, edit: ScanEdit) -> Result<ScanView> {
    let project_id = project_of(store.conn(), "scan_rows", "scan row", id)?;
    store.write(|w| {
        w.label("Scan row changed");
        let (col, value) = match edit {
            ScanEdit::Area(v) => ("area", Value::Text(area(&v)?)),
            ScanEdit::RegulationId(r) => {
                accept_for_row(w, &project_id, &r)?;
                ("regulation_id", Value::Text(r))
            }
            ScanEdit::Readiness(r) => ("readiness", Value::Text(r.as_str().into())),
            ScanEdit::Proof(v) => (
                "proof",
                Value::Text(long("proof", "Proof / references", &v)?),
            ),
            ScanEdit::Gaps(v) => (
                "gaps",
                Value::Text(long("gaps", "Gaps & next actions", &v)?),
            ),
            ScanEdit::Owner(v) => ("owner", Value::Text(short("owner", "An owner", &v)?)),
            ScanEdit::ReviewDate(v) => (
                "review_date",
                date("review_date", "The review date", v.as_deref())?,
            ),
        };
        w.update("scan_rows", id, col, value)?;
        Ok(())
    })?;
    scan_view(store.conn(), &project_id)
}

pub fn remove_scan_row(store: &mut Store, id: &str) -> Result<ScanView> {
    let project_id = project_of(store.conn(), "scan_rows", "scan row", id)?;
    store.write(|w| {
        w.label("Scan row removed");
        w.soft_delete("scan_rows", id)
    })?;
    scan_view(store.conn(), &project_id)
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum SnapshotEdit {
    LastReviewed(Option<String>),
    NextReviewDate(Option<String>),
    /// A milestone key ("launch_day", "first_paying_customer", "annual_audit") or the user's own
    /// words; "" for none.
    NextReviewMilestone(String),
    Owner(String),
}

pub fn edit_snapshot(store: &mut Store, project_id: &str, edit: SnapshotEdit) -> Result<Snapshot> {
    store.write(|w| {
        w.label("Compliance snapshot changed");
        edit_snapshot_in(w, project_id, edit)
    })?;
    Ok(super::notes_view(store.conn(), project_id)?.snapshot)
}

pub(crate) fn edit_snapshot_in(
    w: &mut Writer<'_>,
    project_id: &str,
    edit: SnapshotEdit,
) -> Result<()> {
    let id = notes_id(w, project_id)?;
    let (col, value) = match edit {
        SnapshotEdit::LastReviewed(v) => (
            "last_reviewed",
            date("last_reviewed", "The last review", v.as_deref())?,
        ),
        SnapshotEdit::NextReviewDate(v) => (
            "next_review_date",
            date("next_review_date", "The next review", v.as_deref())?,
        ),
        SnapshotEdit::NextReviewMilestone(v) => (
            "next_review_milestone",
            Value::Text(short("next_review_milestone", "A milestone", &v)?),
        ),
        SnapshotEdit::Owner(v) => ("owner", Value::Text(short("owner", "An owner", &v)?)),
    };
    w.update("compliance_notes", &id, col, value)?;
    Ok(())
}
