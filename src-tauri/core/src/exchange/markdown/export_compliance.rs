//! The compliance part of the export: the scan (the primer's table) and the compliance notes'
//! snapshot, data inventory, triggers, vendors, controls and review history, each under the
//! heading and with the column headings of the compliance notes template.

use super::export::{line, opt, table};
use crate::compliance::{self, Readiness, MILESTONES};
use crate::error::Result;
use crate::store::Store;
use std::fmt::Write;

fn readiness_cell(r: Readiness) -> &'static str {
    match r {
        Readiness::Ready => "🟢 Ready",
        Readiness::Partial => "🟡 Partial",
        Readiness::Missing => "🔴 Missing",
    }
}

pub(super) fn sections(out: &mut String, store: &Store, project_id: &str) -> Result<()> {
    let c = compliance::compliance(store.conn(), project_id)?;
    let rows = c
        .scan
        .iter()
        .map(|s| {
            vec![
                s.area.clone(),
                s.regulation.clone(),
                readiness_cell(s.readiness).into(),
                s.proof.clone(),
                s.gaps.clone(),
                s.owner.clone(),
                opt(&s.review_date),
            ]
        })
        .collect();
    table(
        out,
        "## Compliance Scan",
        &[
            "Data / Feature Area",
            "Potential Regulation",
            "Current Readiness",
            "Proof / References",
            "Gaps & Next Actions",
            "Owner",
            "Review Date",
        ],
        rows,
    );

    let _ = writeln!(out, "## Compliance Notes\n\n### Snapshot\n");
    let unset = "_(not set)_".to_owned();
    let next = match (
        &c.snapshot.next_review_date,
        c.snapshot.next_review_milestone.trim(),
    ) {
        (Some(d), _) => d.clone(),
        (None, "") => unset.clone(),
        (None, m) => MILESTONES
            .iter()
            .find(|(k, _)| *k == m)
            .map_or(m.to_owned(), |(_, label)| (*label).to_owned()),
    };
    let owner = match c.snapshot.owner.trim() {
        "" => unset.clone(),
        o => line(o),
    };
    let _ = writeln!(
        out,
        "- **Last reviewed:** {}\n- **Next review:** {}\n- **Owner:** {}\n",
        c.snapshot.last_reviewed.clone().unwrap_or(unset),
        line(&next),
        owner
    );

    let rows = c
        .data_inventory
        .iter()
        .map(|r| {
            vec![
                r.category.clone(),
                r.source.clone(),
                r.storage.clone(),
                r.retention.clone(),
                r.access.clone(),
                r.kind.map_or(String::new(), |k| k.label().into()),
            ]
        })
        .collect();
    table(
        out,
        "### Data Inventory",
        &[
            "Data Category",
            "Source",
            "Storage Location",
            "Retention Policy",
            "Access Roles",
            "Sensitive Data",
        ],
        rows,
    );
    let rows = c
        .triggers
        .iter()
        .map(|t| {
            vec![
                t.standard.clone(),
                t.why.clone(),
                t.controls.clone(),
                t.status.clone(),
            ]
        })
        .collect();
    table(
        out,
        "### Regulatory Triggers",
        &[
            "Standard / Law",
            "Why It Applies (or Not)",
            "Required Controls",
            "Status / Notes",
        ],
        rows,
    );
    let rows = c
        .vendors
        .iter()
        .map(|v| {
            let mark = if v.verified { "✅" } else { "❌" };
            let with = match (v.verified, v.verified_with.trim()) {
                (true, "") => "Yes",
                (false, "") => "No",
                (_, w) => w,
            };
            vec![
                v.name.clone(),
                v.data_shared.clone(),
                format!("{mark} {with}"),
                v.actions.clone(),
                opt(&v.recheck_date),
            ]
        })
        .collect();
    table(
        out,
        "### Vendors & Integrations",
        &[
            "Vendor",
            "Data Shared",
            "Compliance Status Verified?",
            "Action Items",
            "Re-check Date",
        ],
        rows,
    );

    let _ = writeln!(out, "### Controls & Follow-Ups\n");
    for control in &c.controls {
        let mark = if control.done { "x" } else { " " };
        let _ = writeln!(out, "- [{mark}] {}", line(&control.label));
    }
    out.push('\n');

    // Oldest first, as a log reads; the app shows the newest first.
    let rows = c
        .reviews
        .iter()
        .rev()
        .map(|r| vec![r.date.clone(), r.reviewer.clone(), r.findings.clone()])
        .collect();
    table(
        out,
        "### Review History",
        &["Date", "Reviewer", "Key Changes / Findings"],
        rows,
    );
    Ok(())
}
