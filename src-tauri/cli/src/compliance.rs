//! `northstar compliance`: the per-regulation summary and the flagged inventory rows. It
//! reports and does not judge: gaps exit 0 like everything else that ran.

use super::UserError;
use clap::Args;
use northstar_core::compliance::{self, Compliance, RegulationStatus};
use northstar_core::{project, Store};

#[derive(Debug, Args)]
pub struct ComplianceArgs {
    /// Project id or exact name.
    project: String,
    /// Print the whole compliance record as JSON.
    #[arg(long)]
    json: bool,
}

pub fn show(store: &Store, a: ComplianceArgs) -> Result<String, UserError> {
    let p = project::find(store.conn(), &a.project)?;
    let c = compliance::compliance(store.conn(), &p.id)?;
    if a.json {
        return Ok(super::pretty(&serde_json::json!(c)));
    }
    Ok(text(&c))
}

/// "GDPR      Partial   2 rows", the proposals still to decide, then flagged inventory rows.
pub fn text(c: &Compliance) -> String {
    let mut s = String::new();
    let accepted: Vec<_> = c
        .regulations
        .iter()
        .filter(|r| r.status == RegulationStatus::Accepted)
        .collect();
    if accepted.is_empty() {
        s.push_str("No regulation accepted yet.\n");
    }
    for r in accepted {
        let worst = r.worst.map_or("no scan rows yet", |w| w.label());
        let rows = match r.rows {
            0 => String::new(),
            1 => "1 row".into(),
            n => format!("{n} rows"),
        };
        s.push_str(&format!("{:<10} {:<17} {rows}\n", r.regulation.code, worst));
    }
    for r in c
        .regulations
        .iter()
        .filter(|r| r.status == RegulationStatus::Proposed)
    {
        s.push_str(&format!(
            "{:<10} proposed ({}): accept or dismiss it\n",
            r.regulation.code,
            r.proposed_by.join("; ").to_lowercase()
        ));
    }
    let flagged: Vec<_> = c
        .data_inventory
        .iter()
        .filter(|r| r.flag.is_some())
        .collect();
    if !flagged.is_empty() {
        s.push_str("\nData not covered\n");
        for r in flagged {
            s.push_str(&format!(
                "  {}: {}\n",
                r.category,
                r.flag.as_deref().unwrap_or_default()
            ));
        }
    }
    let snap = &c.snapshot;
    let next = match (&snap.next_review_date, snap.next_review_milestone.as_str()) {
        (Some(d), _) => d.clone(),
        (None, "") => "not set".into(),
        (None, m) => format!("{} (to be dated)", milestone(m)),
    };
    s.push_str(&format!(
        "\nLast reviewed {}; next review {next}.\n",
        snap.last_reviewed.as_deref().unwrap_or("never")
    ));
    s
}

fn milestone(key: &str) -> &str {
    compliance::MILESTONES
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, label)| label)
}
