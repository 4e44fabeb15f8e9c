//! A generated workspace touching every table the exchange carries, for round-trip tests and
//! the export/import benchmark: projects with both pillar sets scored, an assessment, goals
//! with readings and stakeholders, check-ins, a risk register (with band changes in its
//! history), a compliance record naming a user-added regulation, and agenda marks.

use crate::compliance::{self, Decision, NewRegulation};
use crate::error::Result;
use crate::goals::{Direction, NewGoal};
use crate::project::{self, NewProject};
use crate::risks::{self, RiskEdit};
use crate::scorecard::{self, PillarEdit, PillarSet};
use crate::stakeholders::{Cadence, NewStakeholder};
use crate::store::Store;

/// Adds `projects` projects of `risks` risks each (and about a tenth as many goals, a twentieth
/// as many stakeholders, a quarter as many scan rows); returns their ids.
pub fn sample_workspace(store: &mut Store, projects: usize, risks: usize) -> Result<Vec<String>> {
    let soc2 = compliance::add_regulation(
        store,
        NewRegulation {
            code: "SOC 2".into(),
            name: "Service Organization Control 2".into(),
            applies_when: "A customer asks for the report.".into(),
            controls: "Access reviews; change management; incident response.".into(),
            covers: None,
        },
    )?;
    let mut ids = Vec::new();
    for n in 0..projects {
        let p = project::create(
            store,
            NewProject {
                name: format!("Sample {n} – São Paulo"),
                description: "A generated project, \"quoted\", with, commas.".into(),
                north_star: "Ship daily without customer-visible downtime or data loss".into(),
                leading_metric: "p95 latency".into(),
                pillar_sets: vec![PillarSet::FourPillars, PillarSet::ReadinessChecklist],
            },
        )?;
        fill(store, &p.id, risks, &soc2)?;
        ids.push(p.id);
    }
    Ok(ids)
}

fn fill(store: &mut Store, project_id: &str, n: usize, soc2: &str) -> Result<()> {
    let pillars = scorecard::list_pillars(store.conn(), project_id)?;
    for (i, p) in pillars.iter().enumerate().filter(|(i, _)| i % 3 != 2) {
        let score = Some(1 + (i % 5) as i64);
        scorecard::edit_pillar(store, &p.id, PillarEdit::Score(score))?;
    }
    scorecard::record_assessment(store, project_id, "Day 0", "2026-01-05")?;
    let today = store.clock().today();
    let (people, goals) = store.write(|w| {
        w.label("Sample data added");
        let mut people = Vec::new();
        for i in 0..(n / 20).max(2) {
            let id = crate::stakeholders::add_stakeholder_in(
                w,
                project_id,
                NewStakeholder {
                    name: format!("Stakeholder {i:04}"),
                    why: "Needs onboarding to hold up.\nEspecially on Mondays.".into(),
                    success: "Under 2% onboarding failures".into(),
                    cadence: Some(Cadence::ALL[i % Cadence::ALL.len()]),
                    channel: "Weekly async update".into(),
                    open_questions: "Which regions?".into(),
                    owner: "Teo".into(),
                },
            )?;
            crate::stakeholders::check_in_in(w, &id, Some("2026-10-01"), "Fine")?;
            people.push(id);
        }
        let mut goals = Vec::new();
        for i in 0..(n / 10).max(2) {
            let id = crate::goals::add_goal_in(
                w,
                project_id,
                NewGoal {
                    goal: format!("Goal {i:03}: keep the onboarding API reliable"),
                    metric: "99% of requests succeed; p95 < 400 ms".into(),
                    target: Some(99.0),
                    unit: "%".into(),
                    direction: Some(Direction::Higher),
                    deadline: Some(format!("2027-{:02}-15", 1 + i % 12)),
                    guardrail: "Hosting under EUR 150 a month".into(),
                    stakeholders: vec![people[i % people.len()].clone()],
                    risks_text: String::new(),
                },
            )?;
            for k in 0..5 {
                let date = format!("2026-{:02}-10", 6 + k);
                crate::goals::add_reading_in(w, &id, 97.5 + k as f64 * 0.5, Some(&date))?;
            }
            goals.push(id);
        }
        Ok((people, goals))
    })?;
    risks::sample_register(store, project_id, n, &goals, &people)?;
    // Band changes the risk history reads back from the change log.
    let every = risks::RiskQuery {
        status: risks::StatusFilter::All,
        ..Default::default()
    };
    let register = risks::all_risks(store.conn(), project_id, &every, today)?;
    for r in register.iter().step_by(50).filter(|r| r.likelihood < 5) {
        risks::edit_risk(store, &r.id, RiskEdit::Likelihood(5))?;
    }
    compliance::sample_compliance(store, project_id, (n / 4).max(3), (n / 20).max(2), 10)?;
    compliance::decide(store, project_id, soc2, Decision::Accept)?;
    compliance::add_scan_row(
        store,
        project_id,
        compliance::NewScanRow {
            area: "Customer audit".into(),
            regulation_id: soc2.into(),
            readiness: None,
            proof: String::new(),
            gaps: "Write the access review down".into(),
            owner: "Mia".into(),
            review_date: Some("2027-03-01".into()),
        },
    )?;
    let agenda = crate::agenda::agenda(
        store.conn(),
        today,
        &crate::agenda::AgendaQuery {
            days: None,
            project_id: Some(project_id.to_owned()),
        },
    )?;
    for item in agenda.iter().take(3) {
        crate::agenda::mark_reviewed(store, &item.id(), "Looked at it")?;
    }
    if let Some(item) = agenda
        .iter()
        .rev()
        .find(|i| i.kind == crate::agenda::ItemKind::RiskReview)
    {
        let later = today + chrono::Duration::days(400);
        crate::agenda::snooze(store, &item.id(), &later.to_string())?;
    }
    Ok(())
}
