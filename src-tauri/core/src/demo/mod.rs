//! The demo project a new workspace starts with: "LaunchPad – v0 Readiness". Seeded once; a
//! demo the user deleted stays deleted.

mod compliance;
mod large;

use crate::error::Result;
use crate::goals::{self, Direction, NewGoal};
use crate::project::{self, NewProject, ProjectEdit};
use crate::risks::{self, NewRisk, RiskStatus};
use crate::scorecard::{self, PillarEdit, PillarSet};
use crate::stakeholders::{self, Cadence, NewStakeholder};
use crate::store::{Store, Writer};
use chrono::Duration;

pub use large::{large_project, LargeSize};

pub const DEMO_NAME: &str = "LaunchPad – v0 Readiness";
const SEEDED_KEY: &str = "demo_seeded";

/// Seeds the demo when this workspace has never held a project and never had the demo. The
/// check, the whole demo and the flag are one transaction, so two processes opening a new
/// workspace at once seed it once, and a crash mid-way leaves no half demo.
pub fn seed_if_first_run(store: &mut Store) -> Result<bool> {
    if store.setting(SEEDED_KEY)?.is_some() {
        return Ok(false);
    }
    store.write(|w| {
        w.system();
        let flagged: i64 = w.conn().query_row(
            "SELECT count(*) FROM settings WHERE key = ?1",
            [SEEDED_KEY],
            |r| r.get(0),
        )?;
        let ever: i64 = w
            .conn()
            .query_row("SELECT count(*) FROM projects", [], |r| r.get(0))?;
        let fresh = flagged == 0 && ever == 0;
        if fresh {
            seed(w)?;
        }
        w.conn().execute(
            "INSERT OR IGNORE INTO settings (key, value) VALUES (?1, '1')",
            [SEEDED_KEY],
        )?;
        Ok(fresh)
    })
}

/// (pillar, score at Day 0, score now, evidence now)
const SCORES: &[(&str, Option<i64>, Option<i64>, &str)] = &[
    (
        "Reliability",
        Some(1),
        Some(2),
        "One happy-path integration test passes; no retries or backoff yet.",
    ),
    (
        "Security",
        Some(1),
        Some(1),
        "API keys kept in a .env file, never rotated; no dependency scanning.",
    ),
    (
        "Observability",
        Some(1),
        Some(1),
        "Console logging only; no structured logs or dashboards.",
    ),
    (
        "Supportability",
        Some(2),
        Some(2),
        "README covers setup; no runbooks; the onboarding doc is stale.",
    ),
    (
        "Architectural clarity",
        Some(2),
        Some(3),
        "DDD skeleton in place; persistence still in memory.",
    ),
    (
        "Configuration hygiene",
        None,
        None,
        "`.env` templates exist; secrets management to be decided.",
    ),
    (
        "Testing safety net",
        None,
        None,
        "Basic end-to-end smoke test only.",
    ),
    (
        "Automation & CI/CD",
        None,
        None,
        "CI will be introduced in a later release.",
    ),
    (
        "Operational readiness",
        None,
        None,
        "No logging or metrics yet.",
    ),
    (
        "Security posture",
        None,
        None,
        "Validation exists; auth and rate limiting forthcoming.",
    ),
    (
        "Documentation",
        Some(2),
        Some(3),
        "Docs folder started; more diagrams coming.",
    ),
    (
        "Post-launch rhythm",
        None,
        None,
        "Issue templates and release rituals to be added.",
    ),
];

fn seed(w: &mut Writer<'_>) -> Result<()> {
    let today = w.today();
    let id = project::create_in(
        w,
        NewProject {
            name: DEMO_NAME.into(),
            description:
                "An example project to explore Northstar with. Delete it whenever you like.".into(),
            north_star: "Ship daily without customer-visible downtime or data loss.".into(),
            leading_metric: "Onboarding API success rate (target 99%, p95 under 400 ms)".into(),
            pillar_sets: vec![PillarSet::FourPillars, PillarSet::ReadinessChecklist],
        },
    )?;
    let pillars = scorecard::list_pillars(w.conn(), &id)?;
    let checkpoint = (today + Duration::days(14)).to_string();
    let set = |w: &mut Writer<'_>, name: &str, edit: PillarEdit| -> Result<()> {
        if let Some(pillar) = pillars.iter().find(|q| q.name == name) {
            scorecard::edit_pillar_in(w, &pillar.id, edit)?;
        }
        Ok(())
    };
    for (name, day0, _, _) in SCORES {
        set(w, name, PillarEdit::Score(*day0))?;
        set(w, name, PillarEdit::Owner("Bohdan".into()))?;
        set(
            w,
            name,
            PillarEdit::NextCheckpoint(Some(checkpoint.clone())),
        )?;
    }
    let day0 = (today - Duration::days(28)).to_string();
    scorecard::record_assessment_in(w, &id, "Day 0", &day0)?;
    for (name, _, now, evidence) in SCORES {
        set(w, name, PillarEdit::Score(*now))?;
        set(w, name, PillarEdit::Evidence((*evidence).into()))?;
    }
    let pass = (today - Duration::days(7)).to_string();
    scorecard::record_assessment_in(w, &id, "v0.2.0 architecture pass", &pass)?;
    seed_alignment(w, &id)
}

/// The demo goal (two readings, the latest below target) tied to the leading metric, and the
/// two stakeholders from the method's canvas, the customer success lead overdue for a check-in.
fn seed_alignment(w: &mut Writer<'_>, project_id: &str) -> Result<()> {
    let today = w.today();
    let day = |n: i64| (today + Duration::days(n)).to_string();
    let cs = stakeholders::add_stakeholder_in(
        w,
        project_id,
        NewStakeholder {
            name: "Customer success lead".into(),
            why: "Needs reliable onboarding flows to avoid churn.".into(),
            success: "Under 2% onboarding failures; fixes within an hour.".into(),
            cadence: Some(Cadence::Weekly),
            channel: "Weekly async update in chat; monthly review call.".into(),
            open_questions: "Do international customers hit region-specific issues?".into(),
            owner: "Teo".into(),
        },
    )?;
    stakeholders::check_in_in(w, &cs, Some(&day(-10)), "Shared the beta error budget.")?;
    let advisor = stakeholders::add_stakeholder_in(
        w,
        project_id,
        NewStakeholder {
            name: "Compliance advisor".into(),
            why: "Makes sure data flows meet regional rules.".into(),
            success: "A documented data inventory and a GDPR impact assessment.".into(),
            cadence: Some(Cadence::Quarterly),
            channel: "Quarterly security review call; email for blockers.".into(),
            open_questions: "Where does the analytics stack keep its data?".into(),
            owner: "Lucas".into(),
        },
    )?;
    stakeholders::check_in_in(w, &advisor, Some(&day(-30)), "")?;
    let goal = goals::add_goal_in(
        w,
        project_id,
        NewGoal {
            goal: "Keep the onboarding API reliable during beta".into(),
            metric: "99% of requests succeed; p95 under 400 ms".into(),
            target: Some(99.0),
            unit: "%".into(),
            direction: Some(Direction::Higher),
            deadline: Some(day(42)),
            guardrail: "Beta launch in six weeks; hosting under EUR 150 a month.".into(),
            stakeholders: vec![cs.clone()],
            risks_text: String::new(),
        },
    )?;
    goals::add_reading_in(w, &goal, 99.3, Some(&day(-21)))?;
    goals::add_reading_in(w, &goal, 98.1, Some(&day(-2)))?;
    project::edit_in(w, project_id, ProjectEdit::LeadingGoal(Some(goal.clone())))?;
    seed_risks(w, project_id, &goal, &cs, &advisor)?;
    compliance::seed(w, project_id)
}

/// The method's demo risk, linked to the demo goal and the customer success lead, and two more
/// the demo's own evidence points at (keys in a .env file, a stale onboarding doc), so the heat
/// map has three cells lit.
fn seed_risks(
    w: &mut Writer<'_>,
    project_id: &str,
    goal: &str,
    cs: &str,
    advisor: &str,
) -> Result<()> {
    let day = |n: i64| Some((w.today() + Duration::days(n)).to_string());
    let list = [
        NewRisk {
            title: "An integration spikes traffic unexpectedly".into(),
            description:
                "A partner's sync job or a bulk import floods the onboarding API during beta."
                    .into(),
            likelihood: 3,
            impact: 4,
            mitigation: "Synthetic monitoring and rate limits.".into(),
            owner: "Teo".into(),
            status: Some(RiskStatus::Mitigating),
            review_date: day(7),
            goals: vec![goal.to_owned()],
            stakeholders: vec![cs.to_owned()],
        },
        NewRisk {
            title: "API keys leak from the .env file".into(),
            description:
                "Keys live in a .env file, are never rotated, and no dependency scanning runs."
                    .into(),
            likelihood: 3,
            impact: 5,
            mitigation:
                "Move secrets to the host's secret store, rotate them, turn on dependency scanning."
                    .into(),
            owner: "Lucas".into(),
            status: Some(RiskStatus::Open),
            review_date: day(14),
            goals: Vec::new(),
            stakeholders: vec![advisor.to_owned()],
        },
        NewRisk {
            title: "Support load grows while the onboarding doc is stale".into(),
            description:
                "New customers follow outdated steps and open tickets the team answers by hand."
                    .into(),
            likelihood: 4,
            impact: 2,
            mitigation: "Runbooks for the five most asked questions; review the doc each release."
                .into(),
            owner: "Teo".into(),
            status: Some(RiskStatus::Open),
            review_date: day(30),
            goals: vec![goal.to_owned()],
            stakeholders: vec![cs.to_owned()],
        },
    ];
    for new in list {
        risks::add_risk_in(w, project_id, new)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::Status;
    use crate::testing::store;

    #[test]
    fn the_demo_is_seeded_once_and_stays_deleted() {
        let mut s = store();
        assert!(seed_if_first_run(&mut s).unwrap());
        let projects = project::list(s.conn()).unwrap();
        assert_eq!(projects.len(), 1);
        assert_eq!(projects[0].name, "LaunchPad – v0 Readiness");
        let card = scorecard::scorecard(s.conn(), &projects[0].id).unwrap();
        let score = |n: &str| card.pillars.iter().find(|p| p.name == n).unwrap().score;
        assert_eq!(
            [
                score("Reliability"),
                score("Security"),
                score("Observability"),
                score("Supportability")
            ],
            [Some(2), Some(1), Some(1), Some(2)]
        );
        let arch = card
            .pillars
            .iter()
            .find(|p| p.name == "Architectural clarity")
            .unwrap();
        assert_eq!(arch.status, Status::InProgress);
        assert_eq!(card.assessments.len(), 2);
        assert_eq!(card.assessments[0].label, "Day 0");

        let today = s.clock().today();
        let goals = goals::list_goals(s.conn(), &projects[0].id, today).unwrap();
        assert_eq!(goals.len(), 1);
        assert_eq!(goals[0].readings.len(), 2);
        assert_eq!(goals[0].status, goals::MetricStatus::NotMet);
        assert_eq!(
            projects[0].leading_goal_id.as_deref(),
            Some(goals[0].id.as_str())
        );
        let people = stakeholders::list_stakeholders(s.conn(), &projects[0].id, today).unwrap();
        let overdue: Vec<bool> = people.iter().map(|p| p.overdue).collect();
        assert_eq!(overdue, [true, false]);
        assert_eq!(people[0].goals, [goals[0].id.clone()]);

        let register = risks::top_risks(s.conn(), &projects[0].id, 5, today).unwrap();
        let titles: Vec<&str> = register.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "API keys leak from the .env file",
                "An integration spikes traffic unexpectedly",
                "Support load grows while the onboarding doc is stale"
            ]
        );
        assert_eq!(
            register[1].mitigation,
            "Synthetic monitoring and rate limits."
        );
        assert_eq!(register[1].goals, [goals[0].id.clone()]);
        assert_eq!(register[1].stakeholders, [people[0].id.clone()]);
        assert_eq!(goals[0].risk_band, Some(risks::Band::High));
        assert_eq!(risks::heat_map(s.conn(), &projects[0].id).unwrap().total, 3);

        let summary: Vec<(String, Option<crate::compliance::Readiness>)> =
            crate::compliance::summary(s.conn(), &projects[0].id)
                .unwrap()
                .into_iter()
                .map(|r| (r.code, r.worst))
                .collect();
        use crate::compliance::Readiness::{Missing, Partial};
        assert_eq!(
            summary,
            [
                ("GDPR".to_owned(), Some(Partial)),
                ("HIPAA".to_owned(), Some(Missing)),
                ("PCI DSS".to_owned(), Some(Missing))
            ]
        );
        let notes = crate::compliance::notes_view(s.conn(), &projects[0].id).unwrap();
        assert!(
            notes.snapshot.undated,
            "next review: first paying customer, to be dated"
        );
        assert!(
            notes.data_inventory.iter().all(|r| r.flag.is_none()),
            "all covered"
        );
        assert_eq!(notes.vendors.len(), 2);
        assert!(notes.controls[0].done);

        project::delete(&mut s, &projects[0].id).unwrap();
        assert!(!seed_if_first_run(&mut s).unwrap());
        assert!(project::list(s.conn()).unwrap().is_empty());
    }
}
