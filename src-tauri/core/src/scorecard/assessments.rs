//! Assessments: dated, labelled rounds that freeze every pillar's score, target and evidence.
//! Once recorded only the label and date can change.

use super::{list_pillars, mean};
use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use crate::validate;
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

pub const LABEL_MAX: usize = 100;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Assessment {
    pub id: String,
    pub project_id: String,
    pub label: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Mean of the scored pillars at that moment, one decimal.
    pub overall: Option<f64>,
    pub scores: Vec<AssessmentScore>,
}

/// One pillar as it stood when the assessment was recorded.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AssessmentScore {
    pub pillar_id: String,
    /// The pillar's name at that moment.
    pub pillar: String,
    pub score: Option<u8>,
    pub target: u8,
    pub evidence: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum AssessmentEdit {
    Label(String),
    Date(String),
}

/// How one pillar moved between two assessments ("Security 1 → 3").
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ScoreChange {
    pub pillar_id: String,
    pub pillar: String,
    /// None when the pillar was unscored, or not yet there, in the earlier assessment.
    pub before: Option<u8>,
    pub after: Option<u8>,
    pub evidence_before: Option<String>,
    pub evidence_after: Option<String>,
}

fn check_label(v: &str) -> Result<String> {
    validate::required("label", "An assessment label", v, LABEL_MAX)
}

pub fn record_assessment(
    store: &mut Store,
    project_id: &str,
    label: &str,
    date: &str,
) -> Result<Assessment> {
    let id = store.write(|w| record_assessment_in(w, project_id, label, date))?;
    get_assessment(store.conn(), &id)
}

/// Records an assessment inside a caller's transaction and returns its id.
pub(crate) fn record_assessment_in(
    w: &mut Writer<'_>,
    project_id: &str,
    label: &str,
    date: &str,
) -> Result<String> {
    w.label("Assessment recorded");
    let label = check_label(label)?;
    let date = validate::date("date", "The assessment date", date)?.to_string();
    crate::project::get(w.conn(), project_id)?;
    let pillars = list_pillars(w.conn(), project_id)?;
    if pillars.is_empty() {
        return Err(Error::invalid(
            "label",
            "Add a pillar before recording an assessment.",
        ));
    }
    let id = crate::new_id();
    let now = w.now().to_owned();
    w.insert(
        "assessments",
        &id,
        &[
            ("project_id", Value::Text(project_id.to_owned())),
            ("label", Value::Text(label)),
            ("date", Value::Text(date)),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now.clone())),
        ],
    )?;
    for (i, p) in pillars.into_iter().enumerate() {
        w.insert(
            "assessment_scores",
            &crate::new_id(),
            &[
                ("assessment_id", Value::Text(id.clone())),
                ("pillar_id", Value::Text(p.id)),
                ("pillar_name", Value::Text(p.name)),
                (
                    "score",
                    p.score.map_or(Value::Null, |s| Value::Integer(s.into())),
                ),
                ("target", Value::Integer(p.target.into())),
                ("evidence", Value::Text(p.evidence)),
                ("position", Value::Integer(i as i64)),
                ("created_at", Value::Text(now.clone())),
            ],
        )?;
    }
    Ok(id)
}

/// A project's assessments, oldest first (by date, then by when they were recorded).
pub fn list_assessments(conn: &Connection, project_id: &str) -> Result<Vec<Assessment>> {
    load(conn, "a.project_id = ?1", project_id)
}

pub fn get_assessment(conn: &Connection, id: &str) -> Result<Assessment> {
    load(conn, "a.id = ?1", id)?
        .pop()
        .ok_or_else(|| Error::not_found("assessment", id))
}

/// Two queries whatever the number of assessments: the rounds, then all their scores.
fn load(conn: &Connection, filter: &str, key: &str) -> Result<Vec<Assessment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.id, a.project_id, a.label, a.date FROM assessments a
         WHERE {filter} AND a.deleted_at IS NULL ORDER BY a.date, a.created_at, a.id"
    ))?;
    let mut out: Vec<Assessment> = stmt
        .query_map([key], |r| {
            Ok(Assessment {
                id: r.get(0)?,
                project_id: r.get(1)?,
                label: r.get(2)?,
                date: r.get(3)?,
                overall: None,
                scores: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let index: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT s.assessment_id, s.pillar_id, s.pillar_name, s.score, s.target, s.evidence
         FROM assessment_scores s JOIN assessments a ON a.id = s.assessment_id
         WHERE {filter} AND a.deleted_at IS NULL ORDER BY s.assessment_id, s.position"
    ))?;
    let mut rows = stmt.query([key])?;
    while let Some(r) = rows.next()? {
        let aid: String = r.get(0)?;
        if let Some(&i) = index.get(&aid) {
            out[i].scores.push(AssessmentScore {
                pillar_id: r.get(1)?,
                pillar: r.get(2)?,
                score: r.get(3)?,
                target: r.get(4)?,
                evidence: r.get(5)?,
            });
        }
    }
    for a in &mut out {
        let scores: Vec<u8> = a.scores.iter().filter_map(|s| s.score).collect();
        a.overall = mean(&scores);
    }
    Ok(out)
}

pub fn edit_assessment(store: &mut Store, id: &str, change: AssessmentEdit) -> Result<Assessment> {
    let (col, value, label) = match change {
        AssessmentEdit::Label(v) => ("label", check_label(&v)?, "Assessment renamed"),
        AssessmentEdit::Date(v) => (
            "date",
            validate::date("date", "The assessment date", &v)?.to_string(),
            "Assessment date changed",
        ),
    };
    store.write(|w| {
        w.label(label);
        w.update("assessments", id, col, Value::Text(value))
            .map(|_| ())
    })?;
    get_assessment(store.conn(), id)
}

pub fn delete_assessment(store: &mut Store, id: &str) -> Result<()> {
    store.write(|w| {
        w.label("Assessment deleted");
        w.soft_delete("assessments", id)
    })
}

/// Pillar by pillar, what changed from assessment `from` to assessment `to`.
pub fn compare(conn: &Connection, from: &str, to: &str) -> Result<Vec<ScoreChange>> {
    let a = get_assessment(conn, from)?;
    let b = get_assessment(conn, to)?;
    if a.project_id != b.project_id {
        return Err(Error::invalid(
            "to",
            "Both assessments must belong to the same project.",
        ));
    }
    let before: HashMap<&str, &super::AssessmentScore> =
        a.scores.iter().map(|s| (s.pillar_id.as_str(), s)).collect();
    let mut out: Vec<ScoreChange> = b
        .scores
        .iter()
        .map(|s| {
            let old = before.get(s.pillar_id.as_str());
            ScoreChange {
                pillar_id: s.pillar_id.clone(),
                pillar: s.pillar.clone(),
                before: old.and_then(|o| o.score),
                after: s.score,
                evidence_before: old.map(|o| o.evidence.clone()),
                evidence_after: Some(s.evidence.clone()),
            }
        })
        .collect();
    // Pillars that were there before and are gone now still show, as removed.
    for s in &a.scores {
        if !b.scores.iter().any(|t| t.pillar_id == s.pillar_id) {
            out.push(ScoreChange {
                pillar_id: s.pillar_id.clone(),
                pillar: s.pillar.clone(),
                before: s.score,
                after: None,
                evidence_before: Some(s.evidence.clone()),
                evidence_after: None,
            });
        }
    }
    Ok(out)
}
