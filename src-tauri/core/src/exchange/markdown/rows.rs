//! One table row → one typed [`NewRow`] for its area. Names people match on (pillars,
//! stakeholders, vendors, regulations) are read as plain text; prose keeps its Markdown.

use super::parse::Row;
use super::values::{self, clip};
use super::{ImportArea, NewRow, ProjectField, SnapshotField};
use crate::scorecard::{Status, DEFAULT_TARGET};

/// A row's cells by field id; a column the table lacks reads as empty.
pub(crate) struct Cells<'a> {
    row: &'a Row,
    fields: &'a [(usize, &'static str)],
}

impl<'a> Cells<'a> {
    pub(crate) fn new(row: &'a Row, fields: &'a [(usize, &'static str)]) -> Self {
        Cells { row, fields }
    }

    fn cell(&self, f: &str) -> Option<&'a super::parse::Cell> {
        let i = self.fields.iter().find(|(_, g)| *g == f)?.0;
        self.row.cells.get(i)
    }

    pub(crate) fn has(&self, f: &str) -> bool {
        self.fields.iter().any(|(_, g)| *g == f)
    }

    pub(crate) fn plain(&self, f: &str) -> &'a str {
        self.cell(f).map_or("", |c| c.plain.as_str())
    }

    pub(crate) fn raw(&self, f: &str) -> String {
        self.cell(f).map_or(String::new(), |c| c.raw.clone())
    }
}

/// Prefixes a value's reason with its column, so "unparseable score" says which.
fn col<T>(what: &str, r: Result<T, String>) -> Result<T, String> {
    r.map_err(|e| format!("{what}: {e}"))
}

pub(crate) fn build(
    area: ImportArea,
    c: &Cells<'_>,
    notes: &mut Vec<String>,
) -> Result<NewRow, String> {
    Ok(match area {
        ImportArea::Pillars => pillar(c, notes)?,
        ImportArea::Goals => {
            let (deadline, guardrail) = if c.has("deadline_guardrail") {
                values::deadline_guardrail(&c.raw("deadline_guardrail"))
            } else {
                (
                    col("deadline", values::date(c.plain("deadline")))?,
                    c.raw("guardrail"),
                )
            };
            NewRow::Goal {
                goal: c.raw("goal"),
                metric: c.raw("metric"),
                deadline,
                guardrail,
                stakeholders: values::names(c.plain("stakeholders")),
                risks: c.raw("risks"),
            }
        }
        ImportArea::Stakeholders => {
            let (cadence, channel) = if c.has("cadence_channel") {
                values::cadence(&c.raw("cadence_channel"))
            } else {
                (values::cadence(c.plain("cadence")).0, c.raw("channel"))
            };
            NewRow::Stakeholder {
                name: c.plain("name").to_owned(),
                why: c.raw("why"),
                success: c.raw("success"),
                cadence,
                channel,
                open_questions: c.raw("open_questions"),
                owner: c.raw("owner"),
                last_check_in: col("last check-in", values::date(c.plain("last_check_in")))?,
            }
        }
        ImportArea::Risks => {
            let mut scale = |f: &str, what: &str| -> Result<u8, String> {
                match values::scale(c.plain(f), what)? {
                    Some(n) => Ok(n),
                    None => {
                        notes.push(format!("no {what}: taken as 3"));
                        Ok(3)
                    }
                }
            };
            let likelihood = scale("likelihood", "likelihood")?;
            let impact = scale("impact", "impact")?;
            let (status, closing_note) = values::risk_status(&c.raw("status"))?;
            NewRow::Risk {
                title: c.raw("title"),
                description: c.raw("description"),
                likelihood,
                impact,
                mitigation: c.raw("mitigation"),
                owner: c.raw("owner"),
                status,
                closing_note,
                review_date: col("review date", values::date(c.plain("review_date")))?,
            }
        }
        ImportArea::ComplianceScan => {
            let regulation = c.plain("regulation").trim().to_owned();
            if regulation.is_empty() {
                return Err("no regulation named".into());
            }
            NewRow::Scan {
                area: c.raw("area"),
                regulation,
                readiness: values::readiness(c.plain("readiness"))?,
                proof: c.raw("proof"),
                gaps: c.raw("gaps"),
                owner: c.raw("owner"),
                review_date: col("review date", values::date(c.plain("review_date")))?,
            }
        }
        ImportArea::DataInventory => NewRow::Inventory {
            category: c.raw("category"),
            source: c.raw("source"),
            storage: c.raw("storage"),
            retention: c.raw("retention"),
            access: c.raw("access"),
            kind: values::sensitive(c.plain("kind"))?,
        },
        ImportArea::Triggers => NewRow::Trigger {
            standard: c.plain("standard").to_owned(),
            why: c.raw("why"),
            controls: c.raw("controls"),
            status: c.raw("status"),
        },
        ImportArea::Vendors => {
            let (verified, verified_with) = values::verified(&c.raw("verified"));
            NewRow::Vendor {
                name: c.plain("name").to_owned(),
                data_shared: c.raw("data_shared"),
                verified,
                verified_with,
                actions: c.raw("actions"),
                recheck_date: col("re-check date", values::date(c.plain("recheck")))?,
            }
        }
        ImportArea::Reviews => {
            let reviewer = c.raw("reviewer");
            if reviewer.trim().is_empty() {
                return Err("no reviewer".into());
            }
            NewRow::Review {
                date: col("date", values::date(c.plain("date")))?,
                reviewer,
                findings: c.raw("findings"),
            }
        }
        ImportArea::Project | ImportArea::Snapshot | ImportArea::Controls => {
            return Err("not a table".into())
        }
    })
}

/// A pillar from the scorecard (a score) or the readiness checklist (a status, read as a score
/// against the target: in progress is one below, complete is at target, pending unscored).
fn pillar(c: &Cells<'_>, notes: &mut Vec<String>) -> Result<NewRow, String> {
    let target = col("target", values::score(c.plain("target")))?;
    let score = if c.has("score") {
        col("score", values::score(c.plain("score")))?
    } else {
        let t = target.unwrap_or(DEFAULT_TARGET);
        let status = values::pillar_status(c.plain("status"))?;
        let score = match status {
            Some(Status::OnTarget) => Some(t),
            Some(Status::InProgress) => Some(t.saturating_sub(1).max(1)),
            Some(Status::Pending) | None => None,
        };
        if status.is_some() {
            notes.push(match score {
                Some(n) => format!(
                    "status “{}” read as score {n} of target {t}",
                    clip(c.plain("status"))
                ),
                None => format!("status “{}” left unscored", clip(c.plain("status"))),
            });
        }
        score
    };
    Ok(NewRow::Pillar {
        name: c.plain("name").to_owned(),
        score,
        target,
        evidence: c.raw("evidence"),
        owner: c.raw("owner"),
        next_checkpoint: col("next checkpoint", values::date(c.plain("checkpoint")))?,
    })
}

/// A "Key: value" line's row.
pub(crate) fn field_row(id: &str, value: &str) -> Result<NewRow, String> {
    let project = |field| {
        Ok(NewRow::Project {
            field,
            value: value.to_owned(),
        })
    };
    let snapshot = |field, value: String| Ok(NewRow::Snapshot { field, value });
    match id {
        "north_star" => project(ProjectField::NorthStar),
        "leading_metric" => project(ProjectField::LeadingMetric),
        "description" => project(ProjectField::Description),
        "last_reviewed" => match values::date(value)? {
            Some(d) => snapshot(SnapshotField::LastReviewed, d),
            None => Err("not filled in".into()),
        },
        "next_review" => match values::date(value) {
            Ok(Some(d)) => snapshot(SnapshotField::NextReviewDate, d),
            _ => {
                let words = values::norm(value);
                let key = crate::compliance::MILESTONES
                    .iter()
                    .find(|(_, label)| values::norm(label) == words)
                    .map_or(value.to_owned(), |(k, _)| (*k).to_owned());
                snapshot(SnapshotField::NextReviewMilestone, key)
            }
        },
        "owner" => snapshot(SnapshotField::Owner, value.to_owned()),
        _ => Err("not a field Northstar keeps".into()),
    }
}

/// What makes two rows of an area the same, for skipping duplicates; none for rows that
/// accumulate (reviews are kept even when alike only if dated differently).
pub(crate) fn identity(row: &NewRow) -> Option<String> {
    let key = match row {
        NewRow::Project { field, .. } => format!("{field:?}"),
        NewRow::Snapshot { field, .. } => format!("{field:?}"),
        NewRow::Pillar { name, .. } => name.clone(),
        NewRow::Goal { goal, .. } => goal.clone(),
        NewRow::Stakeholder { name, .. } => name.clone(),
        NewRow::Risk { title, .. } => title.clone(),
        NewRow::Scan {
            area, regulation, ..
        } => format!("{area}\u{0}{regulation}"),
        NewRow::Inventory { category, .. } => category.clone(),
        NewRow::Trigger { standard, .. } => standard.clone(),
        NewRow::Vendor { name, .. } => name.clone(),
        NewRow::Control { label, .. } => label.clone(),
        NewRow::Review {
            date,
            reviewer,
            findings,
        } => format!("{date:?}\u{0}{reviewer}\u{0}{findings}"),
    };
    Some(key.trim().to_lowercase())
}
