//! Where review dates come from: one query per area, reading only live dated rows through the
//! partial indexes schema 5 made for them (an index walk in date order, bounded by the last day
//! asked for), then keeping the rows of live, unarchived projects. A new area with a date adds
//! one entry to [`SOURCES`].

use super::{AgendaItem, Bucket, Day, ItemKind, Repeat, Shared};
use crate::error::Result;
use crate::stakeholders::Cadence;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

/// Each query returns (row id, project id, title, date, repeat) in date order; `?2` is the last
/// day wanted. Titles are made in SQL (no formatting per row in Rust), and the WHERE clauses
/// repeat the partial indexes' own, so SQLite walks them in order.
const SOURCES: &[(ItemKind, &str)] = &[
    (
        ItemKind::PillarCheckpoint,
        "SELECT x.id, x.project_id, x.name || ' checkpoint', x.next_checkpoint, x.checkpoint_repeat
         FROM pillars x
         WHERE x.deleted_at IS NULL AND x.next_checkpoint IS NOT NULL AND x.next_checkpoint <= ?2",
    ),
    (
        ItemKind::GoalDeadline,
        "SELECT x.id, x.project_id, 'Goal deadline: ' || x.goal, x.deadline, NULL FROM goals x
         WHERE x.deleted_at IS NULL AND x.deadline IS NOT NULL AND x.deadline <= ?2",
    ),
    (
        // Next check-in: the last one plus the cadence; a stakeholder never checked in is due
        // from the day they were added. Ad hoc has no date. Few rows: sorted in Rust.
        ItemKind::StakeholderCheckIn,
        "SELECT x.id, x.project_id, 'Check in with ' || x.name,
                coalesce((SELECT max(c.date) FROM stakeholder_check_ins c
                          WHERE c.stakeholder_id = x.id AND c.deleted_at IS NULL),
                         '=' || substr(x.created_at, 1, 10)),
                x.cadence
         FROM stakeholders x WHERE x.deleted_at IS NULL AND x.cadence != 'ad_hoc' AND ?2 IS NOT NULL",
    ),
    (
        ItemKind::RiskReview,
        "SELECT x.id, x.project_id, 'Risk review: ' || x.title, x.review_date, NULL FROM risks x
         WHERE x.deleted_at IS NULL AND x.review_date IS NOT NULL AND x.status != 'closed'
           AND x.review_date <= ?2",
    ),
    (
        ItemKind::ComplianceReview,
        "SELECT x.id, x.project_id, g.code || ' scan: ' || x.area, x.review_date, NULL
         FROM scan_rows x JOIN regulations g ON g.id = x.regulation_id
         WHERE x.deleted_at IS NULL AND x.review_date IS NOT NULL AND x.review_date <= ?2",
    ),
    (
        ItemKind::NotesReview,
        "SELECT x.id, x.project_id, 'Compliance review', x.next_review_date, NULL
         FROM compliance_notes x
         WHERE x.deleted_at IS NULL AND x.next_review_date IS NOT NULL AND x.next_review_date <= ?2",
    ),
    (
        ItemKind::VendorRecheck,
        "SELECT x.id, x.project_id, 'Vendor re-check: ' || x.name, x.recheck_date, 'yearly'
         FROM vendors x
         WHERE x.deleted_at IS NULL AND x.recheck_date IS NOT NULL AND x.recheck_date <= ?2",
    ),
];

fn cadence(c: &str) -> Option<Cadence> {
    [
        Cadence::Weekly,
        Cadence::Fortnightly,
        Cadence::Monthly,
        Cadence::Quarterly,
    ]
    .into_iter()
    .find(|k| k.as_str() == c)
}

fn cadence_repeat(c: Cadence) -> Repeat {
    match c {
        Cadence::Weekly => Repeat::Weekly,
        Cadence::Fortnightly => Repeat::Fortnightly,
        Cadence::Monthly => Repeat::Monthly,
        _ => Repeat::Quarterly,
    }
}

/// `YYYY-MM-DD` as the core writes it, read without chrono's general parser (a tenth of the
/// time, which 100,000 rows notice); anything else is not a date.
pub(crate) fn ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

/// The stakeholder's next check-in from its source row: `=DATE` is "never checked in, added
/// on DATE" (due then), a plain date is the last check-in.
fn check_in_due(text: &str, c: Cadence) -> Option<NaiveDate> {
    if let Some(added) = text.strip_prefix('=') {
        return ymd(added);
    }
    c.next_after(ymd(text)?)
}

/// Live, unarchived projects: id → name.
fn projects(conn: &Connection, only: Option<&str>) -> Result<HashMap<Shared, Shared>> {
    let mut out = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM projects WHERE deleted_at IS NULL AND archived = 0
           AND (?1 IS NULL OR id = ?1)",
    )?;
    let mut rows = stmt.query([only])?;
    while let Some(r) = rows.next()? {
        out.insert(
            Shared::from(r.get::<_, String>(0)?),
            Shared::from(r.get::<_, String>(1)?),
        );
    }
    Ok(out)
}

/// Every dated item due on or before `until` (all when none), of one project or all, sorted by
/// date and kind.
pub(crate) fn all(
    conn: &Connection,
    project_id: Option<&str>,
    until: Option<NaiveDate>,
) -> Result<Vec<AgendaItem>> {
    let projects = projects(conn, project_id)?;
    let last = until.map_or("9999-12-31".to_owned(), |d| d.to_string());
    let mut runs: Vec<Vec<AgendaItem>> = Vec::with_capacity(SOURCES.len());
    for (kind, sql) in SOURCES {
        let mut out = Vec::new();
        // One project: a filter SQLite applies while walking the date index.
        let order = if *kind == ItemKind::StakeholderCheckIn {
            ""
        } else {
            " ORDER BY 4"
        };
        let sql = match project_id {
            Some(_) => format!("{sql} AND x.project_id = ?1{order}"),
            None => format!("{sql} AND ?1 IS NULL{order}"),
        };
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params![project_id, last])?;
        while let Some(r) = rows.next()? {
            // Borrowed where possible: at 100,000 rows every allocation shows.
            let Some((pid, project)) =
                projects.get_key_value(r.get_ref(1)?.as_str().unwrap_or_default())
            else {
                continue;
            };
            let date = r.get_ref(3)?.as_str().unwrap_or_default();
            let repeat = r.get_ref(4)?.as_str_or_null().ok().flatten();
            let (due, recurring) = match kind {
                ItemKind::StakeholderCheckIn => {
                    let Some(c) = repeat.and_then(cadence) else {
                        continue;
                    };
                    (check_in_due(date, c), Some(cadence_repeat(c)))
                }
                _ => (ymd(date), repeat.and_then(Repeat::parse)),
            };
            let Some(due) = due.filter(|d| until.is_none_or(|u| *d <= u)) else {
                continue;
            };
            out.push(AgendaItem {
                kind: *kind,
                row_id: r.get(0)?,
                project_id: pid.clone(),
                project: project.clone(),
                title: r.get(2)?,
                due: Day(due),
                snoozed_from: None,
                // Set once marks are applied, against the day asked about.
                bucket: Bucket::Later,
                recurring,
            });
        }
        if *kind == ItemKind::StakeholderCheckIn {
            out.sort_by_key(|r| r.due);
        }
        runs.push(out);
    }
    Ok(merge(runs))
}

/// Merges runs each in date order into one list by (date, kind), moving every item once: at
/// 100,000 items a sort's extra moves cost more than the queries.
fn merge(runs: Vec<Vec<AgendaItem>>) -> Vec<AgendaItem> {
    let total = runs.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(total);
    let mut heads: Vec<std::iter::Peekable<std::vec::IntoIter<AgendaItem>>> =
        runs.into_iter().map(|r| r.into_iter().peekable()).collect();
    loop {
        // SOURCES are in kind order, so the first run holding the earliest date wins ties.
        let next = heads
            .iter_mut()
            .enumerate()
            .filter_map(|(i, h)| h.peek().map(|r| (r.due, i)))
            .min();
        let Some((_, i)) = next else {
            return out;
        };
        out.extend(heads[i].next());
    }
}

#[cfg(test)]
mod tests {
    use super::ymd;
    use chrono::NaiveDate;

    #[test]
    fn dates_read_fast_and_only_when_real() {
        assert_eq!(ymd("2028-02-29"), NaiveDate::from_ymd_opt(2028, 2, 29));
        for bad in [
            "2027-02-29",
            "2026-13-01",
            "2026-1-01",
            "2026/01/01",
            "",
            "abcd-ef-gh",
        ] {
            assert_eq!(ymd(bad), None, "{bad}");
        }
    }
}
