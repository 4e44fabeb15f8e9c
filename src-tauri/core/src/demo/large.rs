//! A large project for benchmarks (issue 13): the first screen of a big workspace must open as
//! fast as the demo's. Everything is written in one transaction, through the areas' own write
//! functions, so the data (change log included) is what the app would have made.

use crate::error::Result;
use crate::goals::{self, Direction, NewGoal};
use crate::project::{self, NewProject};
use crate::scorecard::{self, NewPillar, PillarEdit};
use crate::stakeholders::{self, Cadence, NewStakeholder};
use crate::store::Store;

/// How much the large project holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LargeSize {
    pub risks: usize,
    pub goals: usize,
    pub readings_per_goal: usize,
    pub stakeholders: usize,
    pub pillars: usize,
    pub assessments: usize,
}

impl LargeSize {
    /// The size issue 13 names: 20,000 risks, 500 goals with 20 readings each, 1,000
    /// stakeholders, 50 pillars and 40 assessments.
    pub const ISSUE_13: LargeSize = LargeSize {
        risks: 20_000,
        goals: 500,
        readings_per_goal: 20,
        stakeholders: 1_000,
        pillars: 50,
        assessments: 40,
    };
}

/// Creates the project `name` holding `size` of everything; returns its id.
pub fn large_project(store: &mut Store, name: &str, size: LargeSize) -> Result<String> {
    store.write(|w| {
        w.label("Large benchmark project added");
        let project_id = project::create_in(
            w,
            NewProject {
                name: name.to_owned(),
                north_star: "Every pillar at target before general availability".into(),
                leading_metric: "Weekly active teams".into(),
                ..Default::default()
            },
        )?;
        let pillars = (0..size.pillars)
            .map(|i| {
                let id = scorecard::add_pillar_in(
                    w,
                    &project_id,
                    NewPillar {
                        name: format!("Pillar {i:02}"),
                        description: "What this pillar means, in one line.".into(),
                    },
                )?;
                let evidence = format!(
                    "Runbook: https://runbooks.example.com/{i} (reviewed last sprint).\n\
                     Dashboard https://grafana.example.com/d/{i} shows the SLO; alerts page the on-call."
                );
                scorecard::edit_pillar_in(w, &id, PillarEdit::Evidence(evidence))?;
                scorecard::edit_pillar_in(w, &id, PillarEdit::Owner(format!("Owner {i}")))?;
                Ok(id)
            })
            .collect::<Result<Vec<String>>>()?;
        for a in 0..size.assessments {
            for (i, id) in pillars.iter().enumerate() {
                let score = ((a + i) % 5 + 1) as i64;
                scorecard::edit_pillar_in(w, id, PillarEdit::Score(Some(score)))?;
            }
            // Weekly from 2024-01-01, a date a day being enough for any count.
            let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date")
                + chrono::Duration::weeks(a as i64);
            scorecard::record_assessment_in(w, &project_id, &format!("Release {a}"), &date.to_string())?;
        }
        let cadences = Cadence::ALL;
        let people = (0..size.stakeholders)
            .map(|i| {
                stakeholders::add_stakeholder_in(
                    w,
                    &project_id,
                    NewStakeholder {
                        name: format!("Stakeholder {i:04}"),
                        why: "Needs the launch to hold up for their customers.".into(),
                        success: "Under 2% onboarding failures".into(),
                        cadence: Some(cadences[i % cadences.len()]),
                        channel: "Weekly async update".into(),
                        open_questions: "Which regions first?".into(),
                        owner: "Teo".into(),
                    },
                )
            })
            .collect::<Result<Vec<String>>>()?;
        let mut goal_ids = Vec::with_capacity(size.goals);
        for i in 0..size.goals {
            let id = goals::add_goal_in(
                w,
                &project_id,
                NewGoal {
                    goal: format!("Goal {i:03}: keep the onboarding API reliable"),
                    metric: "99% of requests succeed".into(),
                    target: Some(99.0),
                    unit: "%".into(),
                    direction: Some(Direction::Higher),
                    deadline: Some(format!("2027-{:02}-15", 1 + i % 12)),
                    guardrail: "Hosting under EUR 150 a month".into(),
                    stakeholders: people.get(i % people.len().max(1)).cloned().into_iter().collect(),
                    risks_text: String::new(),
                },
            )?;
            let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
            for k in 0..size.readings_per_goal {
                let date = start + chrono::Duration::weeks(k as i64);
                let value = 96.0 + ((i + k) % 7) as f64 * 0.5;
                goals::add_reading_in(w, &id, value, Some(&date.to_string()))?;
            }
            goal_ids.push(id);
        }
        crate::risks::sample_register_in(w, &project_id, size.risks, &goal_ids, &people)?;
        Ok(project_id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_large_project_holds_what_was_asked() {
        let mut s = crate::testing::store();
        let size = LargeSize {
            risks: 30,
            goals: 4,
            readings_per_goal: 3,
            stakeholders: 5,
            pillars: 6,
            assessments: 3,
        };
        let id = large_project(&mut s, "Big", size).unwrap();
        let card = scorecard::scorecard(s.conn(), &id).unwrap();
        assert_eq!((card.pillars.len(), card.assessments.len()), (6, 3));
        assert!(card.assessments.iter().all(|a| a.scores.len() == 6));
        let today = s.clock().today();
        let gs = goals::list_goals(s.conn(), &id, today).unwrap();
        assert_eq!(gs.len(), 4);
        let count = |sql: &str| -> i64 { s.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(count("SELECT count(*) FROM goal_readings"), 12);
        assert_eq!(count("SELECT count(*) FROM stakeholders"), 5);
        assert_eq!(count("SELECT count(*) FROM risks"), 30);
    }
}
