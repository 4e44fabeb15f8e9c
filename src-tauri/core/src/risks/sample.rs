//! A generated register for benchmarks and large-workspace checks (20,000 risks is the size the
//! register must stay instant at). Words vary the way real registers do, so a search matches a
//! realistic share of rows rather than all or none.

use super::{add_risk_in, NewRisk, RiskStatus};
use crate::error::Result;
use crate::store::{Store, Writer};
use rusqlite::types::Value;

const SUBJECTS: &[&str] = &[
    "Payment provider",
    "Login service",
    "Search index",
    "Email vendor",
    "Mobile app release",
    "Data warehouse",
    "Billing job",
    "Partner API",
    "Onboarding flow",
    "Analytics pipeline",
    "Backup restore",
    "Support inbox",
    "Résumé parser",
];
const EVENTS: &[&str] = &[
    "times out under load",
    "leaks personal data",
    "drops messages silently",
    "misses its service level",
    "rejects valid requests",
    "fails after an upgrade",
    "costs more than budgeted",
    "depends on one engineer",
];
const MITIGATIONS: &[&str] = &[
    "Synthetic monitoring and rate limits.",
    "Retries with backoff and an alert on the error budget.",
    "Encrypt at rest, rotate keys, review access quarterly.",
    "A runbook and a second person trained.",
    "Load test before each release.",
    "Contract review and a fallback vendor.",
];
const OWNERS: &[&str] = &["Ana", "Teo", "Lucas", "Mia", "Sam", "Ravi", "Jo", ""];

/// Adds `n` risks to a project in one transaction, spread over every likelihood × impact cell,
/// status (a tenth closed), owner and review month; every 7th names a goal and every 5th a stakeholder from the
/// ids given (cycling).
pub fn sample_register(
    store: &mut Store,
    project_id: &str,
    n: usize,
    goals: &[String],
    stakeholders: &[String],
) -> Result<()> {
    store.write(|w| {
        w.label("Sample risks added");
        sample_register_in(w, project_id, n, goals, stakeholders)
    })
}

/// [`sample_register`] inside a caller's transaction (the large benchmark workspace).
pub(crate) fn sample_register_in(
    w: &mut Writer<'_>,
    project_id: &str,
    n: usize,
    goals: &[String],
    stakeholders: &[String],
) -> Result<()> {
    for i in 0..n {
        let subject = SUBJECTS[i % SUBJECTS.len()];
        let event = EVENTS[(i / SUBJECTS.len()) % EVENTS.len()];
        // Every tenth is closed below, as a closing note requires.
        let status = match i % 10 {
            6 | 7 => RiskStatus::Mitigating,
            8 => RiskStatus::Accepted,
            _ => RiskStatus::Open,
        };
        let pick = |list: &[String], every: usize| {
            (i % every == 0 && !list.is_empty())
                .then(|| list[(i / every) % list.len()].clone())
                .into_iter()
                .collect::<Vec<_>>()
        };
        let id = add_risk_in(
            w,
            project_id,
            NewRisk {
                title: format!("{subject} {event} (#{i})"),
                description: format!(
                    "If the {} {event}, customers notice within the hour.",
                    subject.to_lowercase()
                ),
                likelihood: 1 + (i % 5) as i64,
                impact: 1 + ((i / 5 + i / 25) % 5) as i64,
                mitigation: MITIGATIONS[i % MITIGATIONS.len()].into(),
                owner: OWNERS[i % OWNERS.len()].into(),
                status: Some(status),
                review_date: (i % 4 != 0)
                    .then(|| format!("2027-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                goals: pick(goals, 7),
                stakeholders: pick(stakeholders, 5),
            },
        )?;
        if i % 10 == 9 {
            w.update(
                "risks",
                &id,
                "closing_note",
                Value::Text("Fixed for good.".into()),
            )?;
            w.update("risks", &id, "status", Value::Text("closed".into()))?;
        }
    }
    Ok(())
}
