//! The two built-in pillar sets, each pillar with its one-line meaning.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PillarSet {
    FourPillars,
    ReadinessChecklist,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PillarSetInfo {
    pub id: PillarSet,
    pub name: &'static str,
    pub pillars: Vec<PillarTemplate>,
}

/// A built-in pillar: its name and one-line meaning.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PillarTemplate {
    pub name: String,
    pub description: String,
}

pub const PILLAR_SETS: [PillarSet; 2] = [PillarSet::FourPillars, PillarSet::ReadinessChecklist];

impl PillarSet {
    pub fn name(self) -> &'static str {
        match self {
            PillarSet::FourPillars => "The four pillars",
            PillarSet::ReadinessChecklist => "The eight-point readiness checklist",
        }
    }

    pub fn info(self) -> PillarSetInfo {
        PillarSetInfo {
            id: self,
            name: self.name(),
            pillars: builtin_pillars(self)
                .iter()
                .map(|(name, description)| PillarTemplate {
                    name: (*name).to_owned(),
                    description: (*description).to_owned(),
                })
                .collect(),
        }
    }
}

/// The pillars of a set as (name, meaning).
pub fn builtin_pillars(set: PillarSet) -> &'static [(&'static str, &'static str)] {
    match set {
        PillarSet::FourPillars => &[
            (
                "Reliability",
                "Answers when it should, degrades gracefully, loses no data.",
            ),
            (
                "Security",
                "Secrets stay secret, data boundaries hold, abuse is checked.",
            ),
            (
                "Observability",
                "Logs, metrics, traces: debug without guessing.",
            ),
            (
                "Supportability",
                "Code, docs and workflows maintainable without heroics.",
            ),
        ],
        PillarSet::ReadinessChecklist => &[
            (
                "Architectural clarity",
                "Clear boundaries and a design the team can explain.",
            ),
            (
                "Configuration hygiene",
                "Secrets out of the code, configuration validated at start.",
            ),
            (
                "Testing safety net",
                "Tests that catch regressions on the paths users take.",
            ),
            (
                "Automation & CI/CD",
                "Every change built, checked and shipped the same way.",
            ),
            (
                "Operational readiness",
                "Logs, metrics, alerts and runbooks before launch day.",
            ),
            (
                "Security posture",
                "Auth, validation, rate limits and dependency scanning.",
            ),
            (
                "Documentation",
                "Docs as code: setup, architecture and decisions kept current.",
            ),
            (
                "Post-launch rhythm",
                "Release rituals, issue triage and re-scoring after each release.",
            ),
        ],
    }
}
