//! Reading a project's compliance: the scan view (answers, regulations with their summary, scan
//! rows), the notes view and the review history, each one call for the page's sub-view that
//! shows it, and everything together for `show --json` and the report.

use super::proposals::proposals;
use super::{
    Answers, Control, DataKind, Industry, InventoryRow, ProjectRegulation, Question, Readiness,
    Regulation, RegulationStatus, Review, ScanRow, Sensitive, Snapshot, TriggerRow, Vendor,
    QUESTIONS,
};
use crate::error::Result;
use crate::named::Named;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// The Compliance page's first view: questions, what they propose, decisions and the scan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScanView {
    pub answers: Answers,
    /// Proposed, accepted and dismissed regulations, in the library's order.
    pub regulations: Vec<ProjectRegulation>,
    pub scan: Vec<ScanRow>,
    /// The whole library, for adding a regulation by hand or picking one on a scan row.
    pub library: Vec<Regulation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NotesView {
    pub snapshot: Snapshot,
    pub data_inventory: Vec<InventoryRow>,
    pub triggers: Vec<TriggerRow>,
    pub vendors: Vec<Vendor>,
    pub controls: Vec<Control>,
    pub questions: Vec<Question>,
}

/// Everything, with the field names `show --json` promises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Compliance {
    pub answers: Answers,
    pub regulations: Vec<ProjectRegulation>,
    pub scan: Vec<ScanRow>,
    pub snapshot: Snapshot,
    pub data_inventory: Vec<InventoryRow>,
    pub triggers: Vec<TriggerRow>,
    pub vendors: Vec<Vendor>,
    pub controls: Vec<Control>,
    pub reviews: Vec<Review>,
    pub questions: Vec<Question>,
}

/// Per accepted regulation: the worst readiness across its scan rows and how many rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RegulationSummary {
    pub regulation_id: String,
    pub code: String,
    pub name: String,
    pub worst: Option<Readiness>,
    pub rows: u32,
}

fn regulation(r: &Row<'_>) -> rusqlite::Result<Regulation> {
    Ok(Regulation {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        applies_when: r.get(3)?,
        controls: r.get(4)?,
        covers: Sensitive::parse(&r.get::<_, String>(5)?),
        builtin: r.get(6)?,
    })
}

/// The workspace's library: the built-in five first, then the user's own by code.
pub fn library(conn: &Connection) -> Result<Vec<Regulation>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, code, name, applies_when, controls, covers, builtin FROM regulations
             WHERE deleted_at IS NULL ORDER BY builtin DESC, rowid * builtin, code COLLATE NOCASE",
        )?
        .query_map([], regulation)?
        .collect::<rusqlite::Result<_>>()?)
}

struct NotesRow {
    answers: Answers,
    snapshot: Snapshot,
}

fn notes_row(conn: &Connection, project_id: &str) -> Result<NotesRow> {
    let row = conn
        .prepare_cached(
            "SELECT data_kinds, payments, industry, industry_detail, last_reviewed,
                    next_review_date, next_review_milestone, owner
             FROM compliance_notes WHERE project_id = ?1 AND deleted_at IS NULL
             ORDER BY created_at LIMIT 1",
        )?
        .query_row([project_id], |r| {
            let data: Option<String> = r.get(0)?;
            let industry: Option<String> = r.get(2)?;
            let next_date: Option<String> = r.get(5)?;
            let milestone: String = r.get(6)?;
            Ok(NotesRow {
                answers: Answers {
                    data: data.map(|d| d.split(',').filter_map(DataKind::parse).collect()),
                    payments: r.get(1)?,
                    industry: industry.as_deref().and_then(Industry::parse),
                    industry_detail: r.get(3)?,
                },
                snapshot: Snapshot {
                    last_reviewed: r.get(4)?,
                    undated: next_date.is_none() && !milestone.is_empty(),
                    next_review_date: next_date,
                    next_review_milestone: milestone,
                    owner: r.get(7)?,
                },
            })
        })
        .optional()?;
    Ok(row.unwrap_or(NotesRow {
        answers: Answers::default(),
        snapshot: Snapshot::default(),
    }))
}

/// The trigger questions' answers alone (the first-week card asks only this).
pub fn answers(conn: &Connection, project_id: &str) -> Result<Answers> {
    Ok(notes_row(conn, project_id)?.answers)
}

/// The notes' snapshot alone (the one-page scorecard's review line).
pub fn snapshot(conn: &Connection, project_id: &str) -> Result<Snapshot> {
    Ok(notes_row(conn, project_id)?.snapshot)
}

fn scan_rows(conn: &Connection, project_id: &str) -> Result<Vec<ScanRow>> {
    Ok(conn
        .prepare_cached(
            "SELECT s.id, s.area, s.regulation_id, g.code, s.readiness, s.proof, s.gaps, s.owner,
                    s.review_date
             FROM scan_rows s JOIN regulations g ON g.id = s.regulation_id
             WHERE s.project_id = ?1 AND s.deleted_at IS NULL ORDER BY s.position, s.created_at",
        )?
        .query_map([project_id], |r| {
            Ok(ScanRow {
                id: r.get(0)?,
                area: r.get(1)?,
                regulation_id: r.get(2)?,
                regulation: r.get(3)?,
                readiness: Readiness::parse(&r.get::<_, String>(4)?).unwrap_or(Readiness::Missing),
                proof: r.get(5)?,
                gaps: r.get(6)?,
                owner: r.get(7)?,
                review_date: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The project's decisions: regulation id → (accepted?, reason).
fn decisions(conn: &Connection, project_id: &str) -> Result<HashMap<String, (bool, String)>> {
    let mut out = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT regulation_id, decision, reason FROM project_regulations
         WHERE project_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut q = stmt.query([project_id])?;
    while let Some(r) = q.next()? {
        out.insert(r.get(0)?, (r.get::<_, String>(1)? == "accepted", r.get(2)?));
    }
    Ok(out)
}

fn regulations(
    answers: &Answers,
    library: &[Regulation],
    decided: &HashMap<String, (bool, String)>,
    scan: &[ScanRow],
) -> Vec<ProjectRegulation> {
    let proposed = proposals(answers);
    library
        .iter()
        .filter_map(|reg| {
            let why = proposed
                .iter()
                .find(|(id, _)| *id == reg.id)
                .map(|(_, w)| w.clone());
            let (status, reason) = match decided.get(&reg.id) {
                Some((true, _)) => (RegulationStatus::Accepted, String::new()),
                Some((false, reason)) => (RegulationStatus::Dismissed, reason.clone()),
                None if why.is_some() => (RegulationStatus::Proposed, String::new()),
                None => return None,
            };
            let rows: Vec<&ScanRow> = scan.iter().filter(|s| s.regulation_id == reg.id).collect();
            Some(ProjectRegulation {
                regulation: reg.clone(),
                status,
                reason,
                proposed_by: why.unwrap_or_default(),
                worst: rows.iter().map(|s| s.readiness).max(),
                rows: rows.len() as u32,
            })
        })
        .collect()
}

pub fn scan_view(conn: &Connection, project_id: &str) -> Result<ScanView> {
    crate::project::get(conn, project_id)?;
    let answers = notes_row(conn, project_id)?.answers;
    let library = library(conn)?;
    let scan = scan_rows(conn, project_id)?;
    let regulations = regulations(&answers, &library, &decisions(conn, project_id)?, &scan);
    Ok(ScanView {
        answers,
        regulations,
        scan,
        library,
    })
}

/// The summary strip: per accepted regulation, worst readiness and rows.
pub fn summary(conn: &Connection, project_id: &str) -> Result<Vec<RegulationSummary>> {
    Ok(scan_view(conn, project_id)?
        .regulations
        .into_iter()
        .filter(|r| r.status == RegulationStatus::Accepted)
        .map(|r| RegulationSummary {
            regulation_id: r.regulation.id,
            code: r.regulation.code,
            name: r.regulation.name,
            worst: r.worst,
            rows: r.rows,
        })
        .collect())
}

/// The project's accepted regulations, as "GDPR · General Data Protection Regulation (EU)" (the
/// code alone when the name adds nothing), in the library's order: the command palette's index.
pub fn regulation_names(conn: &Connection, project_id: &str) -> Result<Vec<Named>> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.code, g.name FROM project_regulations d
         JOIN regulations g ON g.id = d.regulation_id
         WHERE d.project_id = ?1 AND d.deleted_at IS NULL AND d.decision = 'accepted'
           AND g.deleted_at IS NULL
         ORDER BY g.builtin DESC, g.rowid * g.builtin, g.code COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([project_id], |r| {
        let (code, name): (String, String) = (r.get(1)?, r.get(2)?);
        let name = if name.trim().is_empty() || name == code {
            code
        } else {
            format!("{code} · {name}")
        };
        Ok(Named {
            id: r.get(0)?,
            name,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn inventory(
    conn: &Connection,
    project_id: &str,
    covered: &[Sensitive],
    library: &[Regulation],
) -> Result<Vec<InventoryRow>> {
    let mut rows: Vec<InventoryRow> = conn
        .prepare_cached(
            "SELECT id, category, source, storage, retention, access, kind FROM data_inventory
             WHERE project_id = ?1 AND deleted_at IS NULL ORDER BY position, created_at",
        )?
        .query_map([project_id], |r| {
            Ok(InventoryRow {
                id: r.get(0)?,
                category: r.get(1)?,
                source: r.get(2)?,
                storage: r.get(3)?,
                retention: r.get(4)?,
                access: r.get(5)?,
                kind: Sensitive::parse(&r.get::<_, String>(6)?),
                flag: None,
                needs: None,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for row in &mut rows {
        let Some(kind) = row.kind.filter(|k| !covered.contains(k)) else {
            continue;
        };
        let needs = library
            .iter()
            .filter(|r| r.covers == Some(kind))
            .min_by_key(|r| !r.builtin);
        row.flag = Some(match needs {
            Some(r) => format!(
                "{} that no accepted regulation's scan row covers: probably {}.",
                kind.label(),
                r.code
            ),
            None => format!(
                "{} that no accepted regulation's scan row covers.",
                kind.label()
            ),
        });
        row.needs = needs.map(|r| r.id.clone());
    }
    Ok(rows)
}

/// The kinds of sensitive data an accepted regulation with at least one scan row covers.
fn covered(view: &ScanView) -> Vec<Sensitive> {
    view.regulations
        .iter()
        .filter(|r| r.status == RegulationStatus::Accepted && r.rows > 0)
        .filter_map(|r| r.regulation.covers)
        .collect()
}

fn triggers(conn: &Connection, project_id: &str) -> Result<Vec<TriggerRow>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, standard, why, controls, status FROM compliance_triggers
             WHERE project_id = ?1 AND deleted_at IS NULL ORDER BY position, created_at",
        )?
        .query_map([project_id], |r| {
            Ok(TriggerRow {
                id: r.get(0)?,
                standard: r.get(1)?,
                why: r.get(2)?,
                controls: r.get(3)?,
                status: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

fn vendors(conn: &Connection, project_id: &str) -> Result<Vec<Vendor>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, name, data_shared, verified, verified_with, verified_on, actions,
                    recheck_date
             FROM vendors WHERE project_id = ?1 AND deleted_at IS NULL
             ORDER BY position, created_at",
        )?
        .query_map([project_id], |r| {
            Ok(Vendor {
                id: r.get(0)?,
                name: r.get(1)?,
                data_shared: r.get(2)?,
                verified: r.get(3)?,
                verified_with: r.get(4)?,
                verified_on: r.get(5)?,
                actions: r.get(6)?,
                recheck_date: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

fn controls(conn: &Connection, project_id: &str) -> Result<Vec<Control>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, label, done, done_by, done_at FROM controls
             WHERE project_id = ?1 AND deleted_at IS NULL ORDER BY position, created_at",
        )?
        .query_map([project_id], |r| {
            Ok(Control {
                id: r.get(0)?,
                label: r.get(1)?,
                done: r.get(2)?,
                done_by: r.get(3)?,
                done_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

fn questions(conn: &Connection, project_id: &str) -> Result<Vec<Question>> {
    let mut stored: HashMap<String, (bool, String)> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT question, done, note FROM compliance_questions
         WHERE project_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut q = stmt.query([project_id])?;
    while let Some(r) = q.next()? {
        stored.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
    }
    Ok(QUESTIONS
        .iter()
        .map(|(key, text)| {
            let (done, note) = stored.remove(*key).unwrap_or_default();
            Question {
                key: (*key).into(),
                text: (*text).into(),
                done,
                note,
            }
        })
        .collect())
}

pub fn notes_view(conn: &Connection, project_id: &str) -> Result<NotesView> {
    let scan = scan_view(conn, project_id)?;
    notes_from(conn, project_id, &scan)
}

fn notes_from(conn: &Connection, project_id: &str, scan: &ScanView) -> Result<NotesView> {
    Ok(NotesView {
        snapshot: notes_row(conn, project_id)?.snapshot,
        data_inventory: inventory(conn, project_id, &covered(scan), &scan.library)?,
        triggers: triggers(conn, project_id)?,
        vendors: vendors(conn, project_id)?,
        controls: controls(conn, project_id)?,
        questions: questions(conn, project_id)?,
    })
}

/// The review history, newest first.
pub fn reviews_view(conn: &Connection, project_id: &str) -> Result<Vec<Review>> {
    crate::project::get(conn, project_id)?;
    Ok(conn
        .prepare_cached(
            "SELECT id, date, reviewer, findings, corrects, created_at FROM compliance_reviews
             WHERE project_id = ?1 ORDER BY date DESC, created_at DESC",
        )?
        .query_map([project_id], |r| {
            Ok(Review {
                id: r.get(0)?,
                date: r.get(1)?,
                reviewer: r.get(2)?,
                findings: r.get(3)?,
                corrects: r.get(4)?,
                created_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn compliance(conn: &Connection, project_id: &str) -> Result<Compliance> {
    let scan = scan_view(conn, project_id)?;
    let notes = notes_from(conn, project_id, &scan)?;
    Ok(Compliance {
        answers: scan.answers,
        regulations: scan.regulations,
        scan: scan.scan,
        snapshot: notes.snapshot,
        data_inventory: notes.data_inventory,
        triggers: notes.triggers,
        vendors: notes.vendors,
        controls: notes.controls,
        reviews: reviews_view(conn, project_id)?,
        questions: notes.questions,
    })
}
