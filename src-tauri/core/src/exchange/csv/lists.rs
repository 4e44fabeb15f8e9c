//! The lists, one function each: the worksheet's headings and one row of text per item.

use super::CsvFilter;
use crate::agenda::{self, AgendaQuery, Bucket};
use crate::error::Result;
use crate::risks::{RiskQuery, StatusFilter};
use crate::{compliance, goals, scorecard, stakeholders};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

pub(super) type Table = (&'static [&'static str], Vec<Vec<String>>);

fn opt(v: Option<impl ToString>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn yes(b: bool) -> String {
    if b { "Yes" } else { "No" }.to_owned()
}

pub(super) fn pillars(conn: &Connection, project_id: &str) -> Result<Table> {
    const HEAD: &[&str] = &[
        "Pillar",
        "Description",
        "Current score",
        "Target score",
        "Status",
        "Evidence / notes",
        "Owner",
        "Next checkpoint date",
        "Repeats",
    ];
    let rows = scorecard::list_pillars(conn, project_id)?
        .into_iter()
        .map(|p| {
            vec![
                p.name,
                p.description,
                opt(p.score),
                p.target.to_string(),
                p.status.label().to_owned(),
                p.evidence,
                p.owner,
                opt(p.next_checkpoint),
                opt(p.checkpoint_repeat.map(|r| r.as_str())),
            ]
        })
        .collect();
    Ok((HEAD, rows))
}

fn names(list: Vec<crate::named::Named>) -> HashMap<String, String> {
    list.into_iter().map(|n| (n.id, n.name)).collect()
}

fn joined(ids: &[String], names: &HashMap<String, String>) -> String {
    ids.iter()
        .filter_map(|id| names.get(id).cloned())
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn goals_rows(conn: &Connection, project_id: &str, today: NaiveDate) -> Result<Table> {
    const HEAD: &[&str] = &[
        "Goal / Outcome",
        "Success Metric",
        "Target",
        "Unit",
        "Better when",
        "Latest reading",
        "Latest reading date",
        "Metric status",
        "Deadline",
        "Guardrail",
        "Stakeholders",
        "Risks & Mitigations",
    ];
    let people = names(stakeholders::stakeholder_names(conn, project_id)?);
    let rows = goals::list_goals(conn, project_id, today)?
        .into_iter()
        .map(|g| {
            let mut risks: Vec<String> = g.risks.iter().map(|r| r.title.clone()).collect();
            if !g.risks_text.trim().is_empty() {
                risks.push(g.risks_text.trim().to_owned());
            }
            vec![
                g.goal,
                g.metric,
                opt(g.target),
                g.unit,
                match g.direction {
                    goals::Direction::Higher => "higher",
                    goals::Direction::Lower => "lower",
                }
                .to_owned(),
                opt(g.latest.as_ref().map(|r| r.value)),
                opt(g.latest.map(|r| r.date)),
                g.status.label().to_owned(),
                opt(g.deadline),
                g.guardrail,
                joined(&g.stakeholders, &people),
                risks.join("; "),
            ]
        })
        .collect();
    Ok((HEAD, rows))
}

pub(super) fn stakeholder_rows(
    conn: &Connection,
    project_id: &str,
    today: NaiveDate,
) -> Result<Table> {
    const HEAD: &[&str] = &[
        "Stakeholder / Role",
        "Why They Care",
        "What “Success” Looks Like",
        "Communication Cadence",
        "Channel",
        "Risks / Open Questions",
        "Owner",
        "Last check-in",
        "Next check-in",
    ];
    let rows = stakeholders::list_stakeholders(conn, project_id, today)?
        .into_iter()
        .map(|s| {
            vec![
                s.name,
                s.why,
                s.success,
                s.cadence.label().to_owned(),
                s.channel,
                s.open_questions,
                s.owner,
                opt(s.last_check_in),
                opt(s.next_check_in),
            ]
        })
        .collect();
    Ok((HEAD, rows))
}

pub(super) fn risk_rows(
    conn: &Connection,
    project_id: &str,
    filter: &CsvFilter,
    today: NaiveDate,
) -> Result<Table> {
    const HEAD: &[&str] = &[
        "Risk",
        "Description",
        "Likelihood",
        "Impact",
        "Severity",
        "Band",
        "Mitigation",
        "Owner",
        "Status",
        "Review date",
        "Closing note",
        "Goals",
        "Stakeholders",
    ];
    let every = RiskQuery {
        status: StatusFilter::All,
        ..Default::default()
    };
    let q = filter.risks.as_ref().unwrap_or(&every);
    let goal_names = names(goals::goal_names(conn, project_id)?);
    let people = names(stakeholders::stakeholder_names(conn, project_id)?);
    let rows = crate::risks::all_risks(conn, project_id, q, today)?
        .into_iter()
        .map(|r| {
            vec![
                r.title,
                r.description,
                r.likelihood.to_string(),
                r.impact.to_string(),
                r.severity.to_string(),
                r.band.label().to_owned(),
                r.mitigation,
                r.owner,
                r.status.as_str().to_owned(),
                opt(r.review_date),
                r.closing_note,
                joined(&r.goals, &goal_names),
                joined(&r.stakeholders, &people),
            ]
        })
        .collect();
    Ok((HEAD, rows))
}

pub(super) fn scan_rows(conn: &Connection, project_id: &str) -> Result<Table> {
    const HEAD: &[&str] = &[
        "Data / Feature Area",
        "Potential Regulation",
        "Current Readiness",
        "Proof / References",
        "Gaps & Next Actions",
        "Owner",
        "Review date",
    ];
    let rows = compliance::scan_view(conn, project_id)?
        .scan
        .into_iter()
        .map(|s| {
            vec![
                s.area,
                s.regulation,
                s.readiness.label().to_owned(),
                s.proof,
                s.gaps,
                s.owner,
                opt(s.review_date),
            ]
        })
        .collect();
    Ok((HEAD, rows))
}

pub(super) fn vendor_rows(conn: &Connection, project_id: &str) -> Result<Table> {
    const HEAD: &[&str] = &[
        "Vendor",
        "Data Shared",
        "Compliance Status Verified?",
        "Verified with",
        "Verified on",
        "Action Items",
        "Re-check date",
    ];
    let rows = compliance::notes_view(conn, project_id)?
        .vendors
        .into_iter()
        .map(|v| {
            vec![
                v.name,
                v.data_shared,
                yes(v.verified),
                v.verified_with,
                opt(v.verified_on),
                v.actions,
                opt(v.recheck_date),
            ]
        })
        .collect();
    Ok((HEAD, rows))
}

pub(super) fn inventory_rows(conn: &Connection, project_id: &str) -> Result<Table> {
    const HEAD: &[&str] = &[
        "Data Category",
        "Source",
        "Storage Location",
        "Retention Policy",
        "Access Roles",
        "Sensitive data",
    ];
    let rows = compliance::notes_view(conn, project_id)?
        .data_inventory
        .into_iter()
        .map(|r| {
            vec![
                r.category,
                r.source,
                r.storage,
                r.retention,
                r.access,
                opt(r.kind.map(|k| k.label())),
            ]
        })
        .collect();
    Ok((HEAD, rows))
}

pub(super) fn agenda_rows(
    conn: &Connection,
    project_id: &str,
    filter: &CsvFilter,
    today: NaiveDate,
) -> Result<Table> {
    const HEAD: &[&str] = &["Date", "What", "Kind", "Repeats", "When"];
    let q = AgendaQuery {
        days: filter.agenda_days,
        project_id: Some(project_id.to_owned()),
    };
    let rows = agenda::agenda(conn, today, &q)?
        .into_iter()
        .map(|i| {
            vec![
                i.due.to_string(),
                i.title,
                i.kind.words().to_owned(),
                opt(i.recurring.map(|r| r.as_str())),
                match i.bucket {
                    Bucket::Overdue => "overdue",
                    Bucket::Today => "today",
                    Bucket::ThisWeek => "this week",
                    Bucket::Later => "later",
                }
                .to_owned(),
            ]
        })
        .collect();
    Ok((HEAD, rows))
}
