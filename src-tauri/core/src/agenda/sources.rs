//! Where review dates come from: one query per area, each reading only live rows of live,
//! unarchived projects. A new area with a date adds one entry to [`SOURCES`].

use super::{ItemKind, Repeat};
use crate::error::Result;
use crate::stakeholders::Cadence;
use chrono::NaiveDate;
use rusqlite::Connection;

pub(crate) struct RawItem {
    pub id: String,
    pub kind: ItemKind,
    pub project_id: String,
    pub project: String,
    pub title: String,
    pub due: NaiveDate,
    pub recurring: Option<Repeat>,
    pub row_id: String,
}

/// Each source's query returns (row id, project id, project name, title words, date text,
/// repeat text). `?1` is a project id or NULL for all.
const SOURCES: &[(ItemKind, &str)] = &[
    (
        ItemKind::PillarCheckpoint,
        "SELECT x.id, j.id, j.name, x.name, x.next_checkpoint, x.checkpoint_repeat
         FROM pillars x JOIN projects j ON j.id = x.project_id
         WHERE x.deleted_at IS NULL AND x.next_checkpoint IS NOT NULL",
    ),
    (
        ItemKind::GoalDeadline,
        "SELECT x.id, j.id, j.name, x.goal, x.deadline, NULL
         FROM goals x JOIN projects j ON j.id = x.project_id
         WHERE x.deleted_at IS NULL AND x.deadline IS NOT NULL",
    ),
    (
        // Next check-in: the last one plus the cadence; a stakeholder never checked in is due
        // from the day they were added. Ad hoc has no date.
        ItemKind::StakeholderCheckIn,
        "SELECT x.id, j.id, j.name, x.name,
                coalesce((SELECT max(c.date) FROM stakeholder_check_ins c
                          WHERE c.stakeholder_id = x.id AND c.deleted_at IS NULL),
                         '=' || substr(x.created_at, 1, 10)),
                x.cadence
         FROM stakeholders x JOIN projects j ON j.id = x.project_id
         WHERE x.deleted_at IS NULL AND x.cadence != 'ad_hoc'",
    ),
    (
        ItemKind::RiskReview,
        "SELECT x.id, j.id, j.name, x.title, x.review_date, NULL
         FROM risks x JOIN projects j ON j.id = x.project_id
         WHERE x.deleted_at IS NULL AND x.review_date IS NOT NULL AND x.status != 'closed'",
    ),
    (
        ItemKind::ComplianceReview,
        "SELECT x.id, j.id, j.name, g.code || ' scan: ' || x.area, x.review_date, NULL
         FROM scan_rows x JOIN projects j ON j.id = x.project_id
         JOIN regulations g ON g.id = x.regulation_id
         WHERE x.deleted_at IS NULL AND x.review_date IS NOT NULL",
    ),
    (
        ItemKind::NotesReview,
        "SELECT x.id, j.id, j.name, 'Compliance review', x.next_review_date, NULL
         FROM compliance_notes x JOIN projects j ON j.id = x.project_id
         WHERE x.deleted_at IS NULL AND x.next_review_date IS NOT NULL",
    ),
    (
        ItemKind::VendorRecheck,
        "SELECT x.id, j.id, j.name, x.name, x.recheck_date, 'yearly'
         FROM vendors x JOIN projects j ON j.id = x.project_id
         WHERE x.deleted_at IS NULL AND x.recheck_date IS NOT NULL",
    ),
];

fn title(kind: ItemKind, words: &str) -> String {
    match kind {
        ItemKind::PillarCheckpoint => format!("{words} checkpoint"),
        ItemKind::GoalDeadline => format!("Goal deadline: {words}"),
        ItemKind::StakeholderCheckIn => format!("Check in with {words}"),
        ItemKind::RiskReview => format!("Risk review: {words}"),
        ItemKind::ComplianceReview => words.to_owned(),
        ItemKind::NotesReview => words.to_owned(),
        ItemKind::VendorRecheck => format!("Vendor re-check: {words}"),
    }
}

fn cadence_repeat(c: &str) -> Option<Repeat> {
    match c {
        "weekly" => Some(Repeat::Weekly),
        "fortnightly" => Some(Repeat::Fortnightly),
        "monthly" => Some(Repeat::Monthly),
        "quarterly" => Some(Repeat::Quarterly),
        _ => None,
    }
}

/// The stakeholder's next check-in from its source row: `=DATE` is "never checked in, added
/// on DATE" (due then), a plain date is the last check-in.
fn check_in_due(text: &str, cadence: &str) -> Option<NaiveDate> {
    if let Some(added) = text.strip_prefix('=') {
        return NaiveDate::parse_from_str(added, "%Y-%m-%d").ok();
    }
    let last = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    let c = [
        Cadence::Weekly,
        Cadence::Fortnightly,
        Cadence::Monthly,
        Cadence::Quarterly,
    ]
    .into_iter()
    .find(|c| c.as_str() == cadence)?;
    c.next_after(last)
}

pub(crate) fn all(conn: &Connection, project_id: Option<&str>) -> Result<Vec<RawItem>> {
    let mut out = Vec::new();
    for (kind, sql) in SOURCES {
        let sql = format!(
            "{sql} AND j.deleted_at IS NULL AND j.archived = 0 AND (?1 IS NULL OR j.id = ?1)"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([project_id])?;
        while let Some(r) = rows.next()? {
            let row_id: String = r.get(0)?;
            let date: String = r.get(4)?;
            let repeat: Option<String> = r.get(5)?;
            let (due, recurring) = match kind {
                ItemKind::StakeholderCheckIn => {
                    let cadence = repeat.unwrap_or_default();
                    (check_in_due(&date, &cadence), cadence_repeat(&cadence))
                }
                _ => (
                    NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok(),
                    repeat.as_deref().and_then(Repeat::parse),
                ),
            };
            let Some(due) = due else { continue };
            out.push(RawItem {
                id: format!("{}:{row_id}", kind.as_str()),
                kind: *kind,
                project_id: r.get(1)?,
                project: r.get(2)?,
                title: title(*kind, &r.get::<_, String>(3)?),
                due,
                recurring,
                row_id,
            });
        }
    }
    Ok(out)
}
