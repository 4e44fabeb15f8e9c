//! The links between risks and the goals and stakeholders they threaten: two join tables with
//! soft-deleted rows, kept inside one project, removed with whichever end goes first.

use super::{Band, RiskRef, RiskStatus};
use crate::error::{Error, Result};
use crate::store::Writer;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// The two link tables: (table, the column naming the other end, what that end is called).
pub(crate) const GOALS: (&str, &str, &str) = ("risk_goals", "goal_id", "goal");
pub(crate) const STAKEHOLDERS: (&str, &str, &str) =
    ("risk_stakeholders", "stakeholder_id", "stakeholder");

type ByRisk = HashMap<String, Vec<String>>;

/// Live goal and stakeholder ids linked to each of `risk_ids`, each list in its area's order.
pub(crate) fn links_of(conn: &Connection, risk_ids: &[&str]) -> Result<(ByRisk, ByRisk)> {
    let mut goals = ByRisk::new();
    let mut people = ByRisk::new();
    // Chunks keep the statement under SQLite's parameter limit on an unpaged read.
    for chunk in risk_ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(", ");
        for (sql, out) in [
            (
                format!(
                    "SELECT l.risk_id, l.goal_id FROM risk_goals l JOIN goals g ON g.id = l.goal_id
                     WHERE l.risk_id IN ({marks}) AND l.deleted_at IS NULL AND g.deleted_at IS NULL
                     ORDER BY g.position, g.created_at"
                ),
                &mut goals,
            ),
            (
                format!(
                    "SELECT l.risk_id, l.stakeholder_id FROM risk_stakeholders l
                     JOIN stakeholders s ON s.id = l.stakeholder_id
                     WHERE l.risk_id IN ({marks}) AND l.deleted_at IS NULL AND s.deleted_at IS NULL
                     ORDER BY s.position, s.created_at"
                ),
                &mut people,
            ),
        ] {
            let mut stmt = conn.prepare_cached(&sql)?;
            let mut q = stmt.query(rusqlite::params_from_iter(chunk.iter()))?;
            while let Some(r) = q.next()? {
                out.entry(r.get(0)?).or_default().push(r.get(1)?);
            }
        }
    }
    Ok((goals, people))
}

/// Checks that every id names a live goal or stakeholder of `project_id` and returns them
/// without repeats, in the order given.
pub(crate) fn check_ends(
    conn: &Connection,
    (_, col, what): (&str, &str, &'static str),
    project_id: &str,
    ids: &[String],
) -> Result<Vec<String>> {
    let table = if col == "goal_id" {
        "goals"
    } else {
        "stakeholders"
    };
    let field = if col == "goal_id" {
        "goals"
    } else {
        "stakeholders"
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT project_id FROM {table} WHERE id = ?1 AND deleted_at IS NULL"
    ))?;
    let mut out: Vec<String> = Vec::with_capacity(ids.len());
    for id in ids {
        match stmt.query_row([id], |r| r.get::<_, String>(0)).optional()? {
            Some(p) if p == project_id => {
                if !out.contains(id) {
                    out.push(id.clone());
                }
            }
            Some(_) => {
                return Err(Error::invalid(
                    field,
                    format!("A risk can only name {what}s of its own project."),
                ))
            }
            None => return Err(Error::not_found(what, id.as_str())),
        }
    }
    Ok(out)
}

/// Makes `wanted` the set linked to `risk_id` in one link table: links not wanted are removed,
/// new ones added. `wanted` must already be checked.
pub(crate) fn set_links(
    w: &mut Writer<'_>,
    (table, col, _): (&'static str, &'static str, &'static str),
    risk_id: &str,
    wanted: &[String],
) -> Result<()> {
    let have: Vec<(String, String)> = w
        .conn()
        .prepare_cached(&format!(
            "SELECT id, {col} FROM {table} WHERE risk_id = ?1 AND deleted_at IS NULL"
        ))?
        .query_map([risk_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (link, end) in &have {
        if !wanted.contains(end) {
            w.soft_delete(table, link)?;
        }
    }
    for end in wanted {
        if !have.iter().any(|(_, h)| h == end) {
            insert_link(w, table, col, risk_id, end)?;
        }
    }
    Ok(())
}

fn insert_link(
    w: &mut Writer<'_>,
    table: &'static str,
    col: &'static str,
    risk_id: &str,
    end: &str,
) -> Result<()> {
    let now = w.now().to_owned();
    w.insert(
        table,
        &crate::new_id(),
        &[
            ("risk_id", Value::Text(risk_id.to_owned())),
            (col, Value::Text(end.to_owned())),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )
}

/// Soft-deletes every live link row whose `col` is `id`, inside the caller's transaction.
fn unlink(w: &mut Writer<'_>, table: &'static str, col: &str, id: &str) -> Result<()> {
    let links: Vec<String> = w
        .conn()
        .prepare_cached(&format!(
            "SELECT id FROM {table} WHERE {col} = ?1 AND deleted_at IS NULL"
        ))?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for link in links {
        w.soft_delete(table, &link)?;
    }
    Ok(())
}

/// A risk is being removed: its links go with it.
pub(crate) fn unlink_risk_in(w: &mut Writer<'_>, risk_id: &str) -> Result<()> {
    unlink(w, "risk_goals", "risk_id", risk_id)?;
    unlink(w, "risk_stakeholders", "risk_id", risk_id)
}

/// A goal is being removed: risks stop naming it.
pub(crate) fn unlink_goal_in(w: &mut Writer<'_>, goal_id: &str) -> Result<()> {
    unlink(w, "risk_goals", "goal_id", goal_id)
}

/// A stakeholder is being removed: risks stop naming them.
pub(crate) fn unlink_stakeholder_in(w: &mut Writer<'_>, stakeholder_id: &str) -> Result<()> {
    unlink(w, "risk_stakeholders", "stakeholder_id", stakeholder_id)
}

/// Makes `risk_ids` the set of risks linked to a goal (the goal's side of the same links).
pub(crate) fn set_goal_risks_in(
    w: &mut Writer<'_>,
    project_id: &str,
    goal_id: &str,
    risk_ids: &[String],
) -> Result<()> {
    let mut wanted: Vec<String> = Vec::with_capacity(risk_ids.len());
    for id in risk_ids {
        let project: Option<String> = w
            .conn()
            .prepare_cached("SELECT project_id FROM risks WHERE id = ?1 AND deleted_at IS NULL")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        match project {
            Some(p) if p == project_id => {
                if !wanted.contains(id) {
                    wanted.push(id.clone());
                }
            }
            Some(_) => {
                return Err(Error::invalid(
                    "risks",
                    "A goal can only link risks of its own project.",
                ))
            }
            None => return Err(Error::not_found("risk", id.as_str())),
        }
    }
    let have: Vec<(String, String)> = w
        .conn()
        .prepare_cached(
            "SELECT id, risk_id FROM risk_goals WHERE goal_id = ?1 AND deleted_at IS NULL",
        )?
        .query_map([goal_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (link, risk) in &have {
        if !wanted.contains(risk) {
            w.soft_delete("risk_goals", link)?;
        }
    }
    for risk in &wanted {
        if !have.iter().any(|(_, h)| h == risk) {
            insert_link(w, "risk_goals", "goal_id", risk, goal_id)?;
        }
    }
    Ok(())
}

fn risk_ref(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<RiskRef> {
    let severity: u8 = r.get(at + 2)?;
    Ok(RiskRef {
        id: r.get(at)?,
        title: r.get(at + 1)?,
        severity,
        band: Band::of(severity),
        status: RiskStatus::parse(&r.get::<_, String>(at + 3)?).unwrap_or(RiskStatus::Open),
    })
}

/// Every goal's linked live risks (closed ones too), most severe first, for a project.
pub(crate) fn risks_by_goal(
    conn: &Connection,
    project_id: &str,
) -> Result<HashMap<String, Vec<RiskRef>>> {
    let mut out: HashMap<String, Vec<RiskRef>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT l.goal_id, r.id, r.title, r.severity, r.status FROM risk_goals l
         JOIN risks r ON r.id = l.risk_id
         WHERE r.project_id = ?1 AND l.deleted_at IS NULL AND r.deleted_at IS NULL
         ORDER BY l.goal_id, r.status = 'closed', r.severity DESC, r.id",
    )?;
    let mut q = stmt.query([project_id])?;
    while let Some(r) = q.next()? {
        out.entry(r.get(0)?).or_default().push(risk_ref(r, 1)?);
    }
    Ok(out)
}

/// Every stakeholder's linked risks that are not closed, most severe first, for a project.
pub(crate) fn open_risks_by_stakeholder(
    conn: &Connection,
    project_id: &str,
) -> Result<HashMap<String, Vec<RiskRef>>> {
    let mut out: HashMap<String, Vec<RiskRef>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT l.stakeholder_id, r.id, r.title, r.severity, r.status FROM risk_stakeholders l
         JOIN risks r ON r.id = l.risk_id
         WHERE r.project_id = ?1 AND l.deleted_at IS NULL AND r.deleted_at IS NULL
           AND r.status != 'closed'
         ORDER BY l.stakeholder_id, r.severity DESC, r.id",
    )?;
    let mut q = stmt.query([project_id])?;
    while let Some(r) = q.next()? {
        out.entry(r.get(0)?).or_default().push(risk_ref(r, 1)?);
    }
    Ok(out)
}

/// One goal's linked live risks, as [`risks_by_goal`] lists them (a single goal's read).
pub(crate) fn risks_of_goal(conn: &Connection, goal_id: &str) -> Result<Vec<RiskRef>> {
    Ok(conn
        .prepare_cached(
            "SELECT r.id, r.title, r.severity, r.status FROM risk_goals l
             JOIN risks r ON r.id = l.risk_id
             WHERE l.goal_id = ?1 AND l.deleted_at IS NULL AND r.deleted_at IS NULL
             ORDER BY r.status = 'closed', r.severity DESC, r.id",
        )?
        .query_map([goal_id], |r| risk_ref(r, 0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// One stakeholder's linked risks not closed, as [`open_risks_by_stakeholder`] lists them.
pub(crate) fn open_risks_of_stakeholder(
    conn: &Connection,
    stakeholder_id: &str,
) -> Result<Vec<RiskRef>> {
    Ok(conn
        .prepare_cached(
            "SELECT r.id, r.title, r.severity, r.status FROM risk_stakeholders l
             JOIN risks r ON r.id = l.risk_id
             WHERE l.stakeholder_id = ?1 AND l.deleted_at IS NULL AND r.deleted_at IS NULL
               AND r.status != 'closed'
             ORDER BY r.severity DESC, r.id",
        )?
        .query_map([stakeholder_id], |r| risk_ref(r, 0))?
        .collect::<rusqlite::Result<_>>()?)
}
