//! Pillar rows: add, edit field by field, reorder and remove, with the rules the core enforces.

use super::{builtin_pillars, Headline, PillarSet, Status, DEFAULT_TARGET, PILLAR_NAME_MAX};
use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use crate::validate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const DESCRIPTION_MAX: usize = 500;
pub const EVIDENCE_MAX: usize = 20_000;
pub const OWNER_MAX: usize = 100;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Pillar {
    pub id: String,
    pub project_id: String,
    pub name: String,
    pub description: String,
    pub score: Option<u8>,
    pub target: u8,
    pub status: Status,
    pub evidence: String,
    pub owner: String,
    /// `YYYY-MM-DD`, a review date.
    pub next_checkpoint: Option<String>,
    /// When set, marking the checkpoint reviewed moves it on by this interval.
    pub checkpoint_repeat: Option<crate::agenda::Repeat>,
    pub position: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewPillar {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// One edited field of a pillar. Numbers arrive as given and are checked here, since the
/// webview is not trusted to send 1-5.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum PillarEdit {
    Name(String),
    Description(String),
    Score(Option<i64>),
    Target(i64),
    Evidence(String),
    Owner(String),
    NextCheckpoint(Option<String>),
    /// Repeat the checkpoint by this interval once reviewed; none: a one-off.
    CheckpointRepeat(Option<crate::agenda::Repeat>),
}

/// What removing a pillar would touch, for the confirmation.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RemovalImpact {
    pub scored: bool,
    /// Recorded assessments that mention the pillar (they keep their frozen copy).
    pub assessments: u32,
}

const COLUMNS: &str =
    "id, project_id, name, description, score, target, evidence, owner, next_checkpoint, position, checkpoint_repeat";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Pillar> {
    let score: Option<u8> = r.get(4)?;
    let target: u8 = r.get(5)?;
    Ok(Pillar {
        id: r.get(0)?,
        project_id: r.get(1)?,
        name: r.get(2)?,
        description: r.get(3)?,
        score,
        target,
        status: Status::of(score, target),
        evidence: r.get(6)?,
        owner: r.get(7)?,
        next_checkpoint: r.get(8)?,
        position: r.get(9)?,
        checkpoint_repeat: r
            .get::<_, Option<String>>(10)?
            .as_deref()
            .and_then(crate::agenda::Repeat::parse),
    })
}

pub fn list_pillars(conn: &Connection, project_id: &str) -> Result<Vec<Pillar>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM pillars WHERE project_id = ?1 AND deleted_at IS NULL ORDER BY position, created_at"
    ))?;
    let rows = stmt.query_map([project_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get_pillar(conn: &Connection, id: &str) -> Result<Pillar> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM pillars WHERE id = ?1 AND deleted_at IS NULL"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| Error::not_found("pillar", id))
}

fn check_name(
    conn: &Connection,
    project_id: &str,
    name: &str,
    except: Option<&str>,
) -> Result<String> {
    let name = validate::required("name", "A pillar name", name, PILLAR_NAME_MAX)?;
    let wanted = name.to_lowercase();
    for p in list_pillars(conn, project_id)? {
        if Some(p.id.as_str()) != except && p.name.to_lowercase() == wanted {
            return Err(Error::invalid(
                "name",
                format!("This project already has a pillar called “{}”.", p.name),
            ));
        }
    }
    Ok(name)
}

fn check_score(field: &'static str, label: &str, v: i64) -> Result<u8> {
    match u8::try_from(v) {
        Ok(s @ 1..=5) => Ok(s),
        _ => Err(Error::invalid(
            field,
            format!("{label} is a whole number from 1 to 5 (got {v})."),
        )),
    }
}

fn next_position(conn: &Connection, project_id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(position), -1) + 1 FROM pillars WHERE project_id = ?1 AND deleted_at IS NULL",
        [project_id],
        |r| r.get(0),
    )?)
}

fn insert(
    w: &mut Writer<'_>,
    project_id: &str,
    name: String,
    description: String,
) -> Result<String> {
    let id = crate::new_id();
    let position = next_position(w.conn(), project_id)?;
    let now = w.now().to_owned();
    w.insert(
        "pillars",
        &id,
        &[
            ("project_id", Value::Text(project_id.to_owned())),
            ("name", Value::Text(name)),
            ("description", Value::Text(description)),
            ("target", Value::Integer(DEFAULT_TARGET.into())),
            ("position", Value::Integer(position)),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )?;
    Ok(id)
}

pub fn add_pillar(store: &mut Store, project_id: &str, new: NewPillar) -> Result<Pillar> {
    let id = store.write(|w| add_pillar_in(w, project_id, new))?;
    get_pillar(store.conn(), &id)
}

/// Adds a pillar inside a caller's transaction (an import) and returns its id.
pub(crate) fn add_pillar_in(
    w: &mut Writer<'_>,
    project_id: &str,
    new: NewPillar,
) -> Result<String> {
    w.label("Pillar added");
    crate::project::get(w.conn(), project_id)?;
    let name = check_name(w.conn(), project_id, &new.name, None)?;
    let description = validate::text(
        "description",
        "A pillar's meaning",
        &new.description,
        DESCRIPTION_MAX,
    )?;
    insert(w, project_id, name, description)
}

/// Adds a built-in set's pillars, skipping any the project already has by name.
pub fn add_pillar_set(store: &mut Store, project_id: &str, set: PillarSet) -> Result<Vec<Pillar>> {
    store.write(|w| {
        crate::project::get(w.conn(), project_id)?;
        add_pillar_set_in(w, project_id, set)
    })?;
    list_pillars(store.conn(), project_id)
}

pub(crate) fn add_pillar_set_in(
    w: &mut Writer<'_>,
    project_id: &str,
    set: PillarSet,
) -> Result<()> {
    w.label("Pillar set added");
    let have: Vec<String> = list_pillars(w.conn(), project_id)?
        .into_iter()
        .map(|p| p.name.to_lowercase())
        .collect();
    for (name, meaning) in builtin_pillars(set) {
        if !have.contains(&name.to_lowercase()) {
            insert(w, project_id, (*name).to_owned(), (*meaning).to_owned())?;
        }
    }
    Ok(())
}

/// The pillar after an edit, and the project's headline, which a score or target moves.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PillarSaved {
    pub pillar: Pillar,
    pub headline: Headline,
}

pub fn edit_pillar(store: &mut Store, id: &str, change: PillarEdit) -> Result<PillarSaved> {
    let project_id = store.write(|w| edit_pillar_in(w, id, change))?;
    let pillars = list_pillars(store.conn(), &project_id)?;
    let headline = Headline::of(&pillars);
    let pillar = pillars
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| Error::not_found("pillar", id))?;
    Ok(PillarSaved { pillar, headline })
}

/// Edits one field inside a caller's transaction; returns the pillar's project id.
pub(crate) fn edit_pillar_in(w: &mut Writer<'_>, id: &str, change: PillarEdit) -> Result<String> {
    w.label(match &change {
        PillarEdit::Name(_) => "Pillar renamed",
        PillarEdit::Description(_) => "Pillar meaning changed",
        PillarEdit::Score(None) => "Score cleared",
        PillarEdit::Score(Some(_)) => "Score changed",
        PillarEdit::Target(_) => "Target changed",
        PillarEdit::Evidence(_) => "Evidence changed",
        PillarEdit::Owner(_) => "Pillar owner changed",
        PillarEdit::NextCheckpoint(_) => "Checkpoint date changed",
        PillarEdit::CheckpointRepeat(_) => "Checkpoint repeat changed",
    });
    let p = get_pillar(w.conn(), id)?;
    let (col, value) = match change {
        PillarEdit::Name(v) => (
            "name",
            Value::Text(check_name(w.conn(), &p.project_id, &v, Some(id))?),
        ),
        PillarEdit::Description(v) => (
            "description",
            Value::Text(validate::text(
                "description",
                "A pillar's meaning",
                &v,
                DESCRIPTION_MAX,
            )?),
        ),
        PillarEdit::Score(None) => ("score", Value::Null),
        PillarEdit::Score(Some(v)) => (
            "score",
            Value::Integer(check_score("score", "A score", v)?.into()),
        ),
        PillarEdit::Target(v) => (
            "target",
            Value::Integer(check_score("target", "A target", v)?.into()),
        ),
        PillarEdit::Evidence(v) => (
            "evidence",
            Value::Text(validate::text("evidence", "Evidence", &v, EVIDENCE_MAX)?),
        ),
        PillarEdit::Owner(v) => (
            "owner",
            Value::Text(validate::text("owner", "An owner", &v, OWNER_MAX)?),
        ),
        PillarEdit::NextCheckpoint(v) => (
            "next_checkpoint",
            validate::optional_date("next_checkpoint", "The next checkpoint", v.as_deref())?
                .map_or(Value::Null, |d| Value::Text(d.to_string())),
        ),
        PillarEdit::CheckpointRepeat(r) => (
            "checkpoint_repeat",
            r.map_or(Value::Null, |r| Value::Text(r.as_str().into())),
        ),
    };
    w.update("pillars", id, col, value)?;
    Ok(p.project_id)
}

/// Moves a pillar to `index` (0-based, clamped) and renumbers the others, in one transaction.
pub fn move_pillar(store: &mut Store, id: &str, index: i64) -> Result<Vec<Pillar>> {
    let p = get_pillar(store.conn(), id)?;
    store.write(|w| {
        w.label("Pillars reordered");
        let mut order: Vec<Pillar> = list_pillars(w.conn(), &p.project_id)?;
        let from = order
            .iter()
            .position(|q| q.id == id)
            .ok_or_else(|| Error::not_found("pillar", id))?;
        let moved = order.remove(from);
        let to = usize::try_from(index.max(0)).unwrap_or(0).min(order.len());
        order.insert(to, moved);
        for (i, q) in order.iter().enumerate() {
            if q.position != i as i64 {
                w.update("pillars", &q.id, "position", Value::Integer(i as i64))?;
            }
        }
        Ok(())
    })?;
    list_pillars(store.conn(), &p.project_id)
}

pub fn pillar_removal_impact(conn: &Connection, id: &str) -> Result<RemovalImpact> {
    let p = get_pillar(conn, id)?;
    let assessments = conn.query_row(
        "SELECT count(DISTINCT s.assessment_id) FROM assessment_scores s
         JOIN assessments a ON a.id = s.assessment_id
         WHERE s.pillar_id = ?1 AND a.deleted_at IS NULL AND s.score IS NOT NULL",
        [id],
        |r| r.get(0),
    )?;
    Ok(RemovalImpact {
        scored: p.score.is_some(),
        assessments,
    })
}

/// Removes a pillar from the scorecard. Recorded assessments keep their frozen copy of it.
pub fn remove_pillar(store: &mut Store, id: &str) -> Result<Vec<Pillar>> {
    let p = get_pillar(store.conn(), id)?;
    store.write(|w| {
        w.label("Pillar removed");
        w.soft_delete("pillars", id)
    })?;
    list_pillars(store.conn(), &p.project_id)
}
