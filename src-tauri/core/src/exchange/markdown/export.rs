//! A project as Markdown, ready to paste into a README or a wiki: the readiness headline on
//! top, then each worksheet's table under its heading with the worksheets' column headings
//! (a few columns added at the end for what Northstar keeps and the worksheet has no column
//! for: a pillar's status, a stakeholder's last check-in, a vendor's re-check date, an
//! inventory row's kind of sensitive data). Statuses carry their emoji and word; dates are
//! plain `YYYY-MM-DD`; cells escape `|` and write line breaks as `<br>`. Importing the result
//! gives the same tables back.

use crate::error::Result;
use crate::risks::{RiskQuery, RiskStatus, StatusFilter};
use crate::scorecard::Status;
use crate::stakeholders::Cadence;
use crate::store::Store;
use std::fmt::Write;

/// A cell's text: pipes escaped, line breaks as `<br>`, never empty (an empty cell is a space).
pub(super) fn cell(s: &str) -> String {
    let t = s.trim().replace("\r\n", "\n").replace('|', "\\|");
    let t = t.replace('\n', "<br>");
    if t.is_empty() {
        " ".into()
    } else {
        t
    }
}

/// Text on one line (a heading, a bullet).
pub(super) fn line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn table(out: &mut String, heading: &str, columns: &[&str], rows: Vec<Vec<String>>) {
    let _ = writeln!(out, "{heading}\n");
    let _ = writeln!(out, "| {} |", columns.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(columns.len()));
    let rows = if rows.is_empty() {
        vec![vec![String::new(); columns.len()]]
    } else {
        rows
    };
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

pub(super) fn opt(d: &Option<String>) -> String {
    d.clone().unwrap_or_default()
}

fn status_cell(s: Status) -> &'static str {
    match s {
        Status::OnTarget => "🟢 On target",
        Status::InProgress => "🟡 In progress",
        Status::Pending => "🔴 Pending",
    }
}

/// The canvas's one cell for cadence and channel. A channel that already starts with its
/// cadence ("Weekly async update in chat") is written as it is; otherwise the cadence leads.
fn cadence_cell(cadence: Cadence, channel: &str) -> String {
    let label = cadence.label();
    let mut word = label[..1].to_uppercase();
    word.push_str(&label[1..]);
    if channel.trim().is_empty() {
        return word;
    }
    if super::values::cadence(channel).0 == Some(cadence) && !channel.contains(':') {
        channel.to_owned()
    } else {
        format!("{word}: {channel}")
    }
}

/// The whole project as Markdown.
pub fn export(store: &Store, project_id: &str) -> Result<String> {
    let conn = store.conn();
    let today = store.clock().today();
    let p = crate::project::get(conn, project_id)?;
    let card = crate::scorecard::scorecard(conn, project_id)?;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", line(&p.name));
    // The line users put at the top of their README.
    let headline = crate::exchange::headline::headline(store.conn(), project_id)?;
    let _ = writeln!(out, "{}\n", headline.text);
    let fields = [
        ("North Star", &p.north_star),
        ("Leading metric", &p.leading_metric),
        ("Description", &p.description),
    ];
    let mut any = false;
    for (key, value) in fields.iter().filter(|(_, v)| !v.trim().is_empty()) {
        let _ = writeln!(out, "- **{key}:** {}", line(value));
        any = true;
    }
    if any {
        out.push('\n');
    }

    let rows = card
        .pillars
        .iter()
        .map(|q| {
            vec![
                q.name.clone(),
                q.score.map_or("—".into(), |s| s.to_string()),
                q.target.to_string(),
                status_cell(q.status).into(),
                q.evidence.clone(),
                q.owner.clone(),
                opt(&q.next_checkpoint),
            ]
        })
        .collect();
    table(
        &mut out,
        "## Production Readiness Scorecard",
        &[
            "Pillar",
            "Current Score (1‑5)",
            "Target Score",
            "Status",
            "Evidence / Notes",
            "Owner",
            "Next Checkpoint",
        ],
        rows,
    );

    let people = crate::stakeholders::list_stakeholders(conn, project_id, today)?;
    let name_of = |id: &String| people.iter().find(|s| &s.id == id).map(|s| s.name.clone());
    let rows = crate::goals::list_goals(conn, project_id, today)?
        .into_iter()
        .map(|g| {
            let deadline = match (&g.deadline, g.guardrail.trim()) {
                (Some(d), "") => d.clone(),
                (Some(d), guard) => format!("{d}; {guard}"),
                (None, guard) => guard.to_owned(),
            };
            let mut risks: Vec<String> = g.risks.iter().map(|r| r.title.clone()).collect();
            if !g.risks_text.trim().is_empty() {
                risks.push(g.risks_text.clone());
            }
            vec![
                g.goal,
                g.metric,
                deadline,
                g.stakeholders
                    .iter()
                    .filter_map(name_of)
                    .collect::<Vec<_>>()
                    .join(", "),
                risks.join("; "),
            ]
        })
        .collect();
    table(
        &mut out,
        "## North Star Alignment",
        &[
            "Goal / Outcome",
            "Success Metric",
            "Deadline / Guardrail",
            "Stakeholders",
            "Risks & Mitigations",
        ],
        rows,
    );

    let rows = people
        .iter()
        .map(|s| {
            vec![
                s.name.clone(),
                s.why.clone(),
                s.success.clone(),
                cadence_cell(s.cadence, &s.channel),
                s.open_questions.clone(),
                s.owner.clone(),
                opt(&s.last_check_in),
            ]
        })
        .collect();
    table(
        &mut out,
        "## Stakeholder Alignment Canvas",
        &[
            "Stakeholder / Role",
            "Why They Care",
            "What “Success” Looks Like",
            "Communication Cadence & Channel",
            "Risks / Open Questions",
            "Owner",
            "Last Check-in",
        ],
        rows,
    );

    let q = RiskQuery {
        status: StatusFilter::All,
        ..RiskQuery::default()
    };
    let rows = crate::risks::all_risks(conn, project_id, &q, today)?
        .into_iter()
        .map(|r| {
            let status = match r.status {
                RiskStatus::Closed if !r.closing_note.trim().is_empty() => {
                    format!("Closed: {}", r.closing_note)
                }
                s => {
                    let w = s.as_str();
                    format!("{}{}", w[..1].to_uppercase(), &w[1..])
                }
            };
            vec![
                r.title,
                r.description,
                r.likelihood.to_string(),
                r.impact.to_string(),
                format!("{} ({})", r.severity, r.band.label()),
                r.mitigation,
                r.owner,
                status,
                opt(&r.review_date),
            ]
        })
        .collect();
    table(
        &mut out,
        "## Risks",
        &[
            "Risk",
            "Description",
            "Likelihood (1-5)",
            "Impact (1-5)",
            "Severity",
            "Mitigation",
            "Owner",
            "Status",
            "Review Date",
        ],
        rows,
    );

    super::export_compliance::sections(&mut out, store, project_id)?;
    Ok(out)
}
