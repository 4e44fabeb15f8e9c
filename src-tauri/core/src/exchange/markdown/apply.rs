//! Writing a plan: one transaction for everything, each row through its area's own write
//! function (validation, change log), in an order where links can be made: stakeholders and
//! risks before the goals that name them. A row that fails fails the import, and the error
//! names the file and line it came from; nothing is written.
//!
//! Into an existing project the import adds what is new: pillars of the same name are filled
//! in (a project made with a built-in set has them unscored), the snapshot and empty project
//! fields are set, and rows already there by name are left as they are and listed.

use super::values::norm;
use super::{
    ImportArea, ImportAreaCount, ImportPlan, ImportReport, NewRow, ProjectField, TablePlan,
};
use crate::error::{Error, Result};
use crate::goals::NewGoal;
use crate::project::{NewProject, ProjectEdit};
use crate::risks::{NewRisk, RiskEdit, RiskQuery, RiskStatus, StatusFilter};
use crate::scorecard::{NewPillar, PillarEdit, PillarSet};
use crate::stakeholders::NewStakeholder;
use crate::store::{Store, Writer};

/// The order areas are written in: what others link to comes first.
const ORDER: [ImportArea; 12] = [
    ImportArea::Project,
    ImportArea::Pillars,
    ImportArea::Stakeholders,
    ImportArea::Risks,
    ImportArea::Goals,
    ImportArea::ComplianceScan,
    ImportArea::Snapshot,
    ImportArea::DataInventory,
    ImportArea::Triggers,
    ImportArea::Vendors,
    ImportArea::Controls,
    ImportArea::Reviews,
];

/// What one row did.
pub(super) enum Done {
    Created,
    Updated,
    Kept(String),
}

/// Writes `plan` into the project named `project`, creating it when no project has that name.
pub fn apply(store: &mut Store, plan: &ImportPlan, project: &str) -> Result<ImportReport> {
    store.write(|w| {
w.label("Imported from Markdown");
        let (project_id, project_created) = match crate::project::find(w.conn(), project) {
            Ok(p) => (p.id, false),
            Err(Error::NotFound { .. }) => (
                crate::project::create_in(
                    w,
                    NewProject {
                        name: project.to_owned(),
                        ..NewProject::default()
                    },
                )?,
                true,
            ),
            Err(e) => return Err(e),
        };
        let mut report = ImportReport {
            project_name: crate::project::get(w.conn(), &project_id)?.name,
            project_id,
            project_created,
            areas: Vec::new(),
            notes: Vec::new(),
        };
        for area in ORDER {
            let mut count = ImportAreaCount {
                area,
                created: 0,
                updated: 0,
                kept: 0,
            };
            for t in plan.tables.iter().filter(|t| t.area == Some(area)) {
                for r in &t.rows {
                    let done = write_row(w, &report.project_id, project_created, &r.row)
                        .map_err(|e| located(e, t, r.line))?;
                    match done {
                        Done::Created => count.created += 1,
                        Done::Updated => count.updated += 1,
                        Done::Kept(why) => {
                            count.kept += 1;
                            report.notes.push(format!("{}, line {}: {why}", t.file, r.line));
                        }
                    }
                    if let NewRow::Goal { stakeholders, .. } = &r.row {
                        for name in unlinked(w, &report.project_id, stakeholders)? {
                            report.notes.push(format!(
                                "{}, line {}: “{name}” is not on the stakeholder canvas, so the goal does not name them.",
                                t.file, r.line
                            ));
                        }
                    }
                }
            }
            if count.created + count.updated + count.kept > 0 {
                report.areas.push(count);
            }
        }
        Ok(report)
    })
}

/// Puts the file and line in front of an area's message.
fn located(e: Error, t: &TablePlan, line: u32) -> Error {
    let at = format!("{}, line {line}", t.file);
    match e {
        Error::Invalid { field, reason } => Error::Invalid {
            field,
            reason: format!("{at}: {reason}"),
        },
        e @ (Error::NotFound { .. } | Error::Conflict(_)) => {
            Error::invalid("import", format!("{at}: {e}"))
        }
        e => e,
    }
}

pub(super) fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn write_row(w: &mut Writer<'_>, p: &str, fresh: bool, row: &NewRow) -> Result<Done> {
    let today = w.today();
    Ok(match row.clone() {
        NewRow::Project { field, value } => {
            let current = crate::project::get(w.conn(), p)?;
            let (have, edit) = match field {
                ProjectField::NorthStar => (current.north_star, ProjectEdit::NorthStar(value)),
                ProjectField::LeadingMetric => {
                    (current.leading_metric, ProjectEdit::LeadingMetric(value))
                }
                ProjectField::Description => (current.description, ProjectEdit::Description(value)),
            };
            if !fresh && !have.trim().is_empty() {
                return Ok(Done::Kept(format!(
                    "the project already has a {}; left as it is.",
                    norm(&format!("{field:?}"))
                )));
            }
            crate::project::edit_in(w, p, edit)?;
            Done::Updated
        }
        NewRow::Pillar {
            name,
            score,
            target,
            evidence,
            owner,
            next_checkpoint,
        } => {
            let existing = crate::scorecard::list_pillars(w.conn(), p)?
                .into_iter()
                .find(|q| same(&q.name, &name));
            let (id, done) = match existing {
                Some(q) => (q.id, Done::Updated),
                None => {
                    let description = [PillarSet::FourPillars, PillarSet::ReadinessChecklist]
                        .into_iter()
                        .flat_map(crate::scorecard::builtin_pillars)
                        .find(|(n, _)| same(n, &name))
                        .map_or(String::new(), |(_, m)| (*m).to_owned());
                    let new = NewPillar { name, description };
                    (crate::scorecard::add_pillar_in(w, p, new)?, Done::Created)
                }
            };
            let mut edits = Vec::new();
            edits.extend(target.map(|t| PillarEdit::Target(t.into())));
            edits.extend(score.map(|s| PillarEdit::Score(Some(s.into()))));
            if !evidence.is_empty() {
                edits.push(PillarEdit::Evidence(evidence));
            }
            if !owner.is_empty() {
                edits.push(PillarEdit::Owner(owner));
            }
            edits.extend(next_checkpoint.map(|d| PillarEdit::NextCheckpoint(Some(d))));
            for e in edits {
                crate::scorecard::edit_pillar_in(w, &id, e)?;
            }
            done
        }
        NewRow::Stakeholder {
            name,
            why,
            success,
            cadence,
            channel,
            open_questions,
            owner,
            last_check_in,
        } => {
            let have = crate::stakeholders::list_stakeholders(w.conn(), p, today)?;
            if have.iter().any(|s| same(&s.name, &name)) {
                return Ok(kept("stakeholder", &name));
            }
            let new = NewStakeholder {
                name,
                why,
                success,
                cadence,
                channel,
                open_questions,
                owner,
            };
            let id = crate::stakeholders::add_stakeholder_in(w, p, new)?;
            if let Some(d) = last_check_in {
                crate::stakeholders::check_in_in(w, &id, Some(&d), "")?;
            }
            Done::Created
        }
        NewRow::Risk {
            title,
            description,
            likelihood,
            impact,
            mitigation,
            owner,
            status,
            closing_note,
            review_date,
        } => {
            if risk_ids(w, p)?.iter().any(|(_, t)| same(t, &title)) {
                return Ok(kept("risk", &title));
            }
            let closed = status == RiskStatus::Closed;
            let new = NewRisk {
                title,
                description,
                likelihood: likelihood.into(),
                impact: impact.into(),
                mitigation,
                owner,
                status: Some(if closed { RiskStatus::Open } else { status }),
                review_date,
                goals: Vec::new(),
                stakeholders: Vec::new(),
            };
            let id = crate::risks::add_risk_in(w, p, new)?;
            if closed {
                let note = if closing_note.trim().is_empty() {
                    "Closed before it was imported.".to_owned()
                } else {
                    closing_note
                };
                crate::risks::edit_risk_in(w, &id, RiskEdit::Close(note))?;
            }
            Done::Created
        }
        NewRow::Goal {
            goal,
            metric,
            deadline,
            guardrail,
            stakeholders,
            risks,
        } => {
            let have = crate::goals::list_goals(w.conn(), p, today)?;
            if have.iter().any(|g| same(&g.goal, &goal)) {
                return Ok(kept("goal", &goal));
            }
            // Risks & mitigations that name risks of the register become links; anything
            // else stays as the goal's text.
            let all = risk_ids(w, p)?;
            let parts: Vec<&str> = risks
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            let linked: Vec<String> = parts
                .iter()
                .filter_map(|part| all.iter().find(|(_, t)| same(t, part)))
                .map(|(id, _)| id.clone())
                .collect();
            let links = !parts.is_empty() && linked.len() == parts.len();
            let new = NewGoal {
                goal,
                metric,
                deadline,
                guardrail,
                stakeholders: stakeholder_ids(w, p, &stakeholders)?,
                risks_text: if links { String::new() } else { risks },
                ..NewGoal::default()
            };
            let id = crate::goals::add_goal_in(w, p, new)?;
            if links {
                crate::risks::set_goal_risks_in(w, p, &id, &linked)?;
            }
            Done::Created
        }
        other => super::apply_compliance::write(w, p, other)?,
    })
}

pub(super) fn kept(what: &str, name: &str) -> Done {
    Done::Kept(format!(
        "the project already has the {what} “{name}”; left as it is."
    ))
}

fn risk_ids(w: &Writer<'_>, p: &str) -> Result<Vec<(String, String)>> {
    let q = RiskQuery {
        status: StatusFilter::All,
        ..RiskQuery::default()
    };
    Ok(crate::risks::all_risks(w.conn(), p, &q, w.today())?
        .into_iter()
        .map(|r| (r.id, r.title))
        .collect())
}

/// A stakeholder named in a goal: by the whole name, or else the one whose name starts with
/// it ("Customer success" for "Customer success lead").
fn find_stakeholder(all: &[crate::stakeholders::Stakeholder], name: &str) -> Option<String> {
    let lower = name.trim().to_lowercase();
    if let Some(s) = all.iter().find(|s| s.name.to_lowercase() == lower) {
        return Some(s.id.clone());
    }
    let starts: Vec<_> = all
        .iter()
        .filter(|s| s.name.to_lowercase().starts_with(&lower))
        .collect();
    (starts.len() == 1).then(|| starts[0].id.clone())
}

fn stakeholder_ids(w: &Writer<'_>, p: &str, names: &[String]) -> Result<Vec<String>> {
    let all = crate::stakeholders::list_stakeholders(w.conn(), p, w.today())?;
    let mut ids: Vec<String> = Vec::new();
    for id in names.iter().filter_map(|n| find_stakeholder(&all, n)) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

fn unlinked(w: &Writer<'_>, p: &str, names: &[String]) -> Result<Vec<String>> {
    let all = crate::stakeholders::list_stakeholders(w.conn(), p, w.today())?;
    Ok(names
        .iter()
        .filter(|n| find_stakeholder(&all, n).is_none())
        .cloned()
        .collect())
}
