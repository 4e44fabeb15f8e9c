//! Reading the register a page at a time: filters, sort and search run in SQLite, so a screen of
//! rows costs the same at 20 risks as at 20,000; the heat map is one grouped count.

use super::{from_row, history, links, search, Band, Risk, RiskStatus, COLUMNS};
use crate::error::Result;
use crate::named::Named;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Rows in one page unless asked otherwise, and the most one request may take.
pub const PAGE: u32 = 100;
pub const PAGE_MAX: u32 = 500;

/// Which statuses the list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    /// The default view: every risk not closed. A search looks at closed risks too, since
    /// finding an old decision is what search is for.
    #[default]
    Active,
    All,
    Open,
    Mitigating,
    Accepted,
    Closed,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskSort {
    /// Most severe first, then the nearest review date.
    #[default]
    Severity,
    /// Nearest review date first (undated last), then most severe.
    ReviewDate,
    /// Open, mitigating, accepted, closed; most severe first within each.
    Status,
}

/// One heat-map cell: likelihood and impact, 1-5 each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Cell {
    pub likelihood: u8,
    pub impact: u8,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
pub struct RiskQuery {
    #[serde(default)]
    pub status: StatusFilter,
    /// Exactly this owner ("" for risks nobody owns).
    #[serde(default)]
    #[ts(optional)]
    pub owner: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub band: Option<Band>,
    #[serde(default)]
    #[ts(optional)]
    pub cell: Option<Cell>,
    /// Words to find in title, description or mitigation; each word matches as a prefix,
    /// ignoring case and accents.
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub sort: RiskSort,
    #[serde(default)]
    pub offset: u32,
    /// Rows wanted (default 100, at most 500).
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RiskPage {
    /// How many risks match, over every page.
    pub total: u32,
    pub offset: u32,
    pub risks: Vec<Risk>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HeatCell {
    pub likelihood: u8,
    pub impact: u8,
    pub count: u32,
    pub band: Band,
}

/// Counts of the risks not closed, per likelihood × impact cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HeatMap {
    /// All 25 cells, likelihood 5 first (the top row), impact 1 to 5 within a row.
    pub cells: Vec<HeatCell>,
    /// Risks not closed.
    pub total: u32,
}

impl HeatMap {
    pub fn count(&self, likelihood: u8, impact: u8) -> u32 {
        self.cells
            .iter()
            .find(|c| c.likelihood == likelihood && c.impact == impact)
            .map_or(0, |c| c.count)
    }
}

/// Everything the Risks page shows first, in one call.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RisksView {
    pub heat_map: HeatMap,
    pub page: RiskPage,
    /// Owners named on the project's risks, for the owner filter.
    pub owners: Vec<String>,
    /// The labels of the goals and stakeholders a risk can link to.
    pub goals: Vec<Named>,
    pub stakeholders: Vec<Named>,
}

pub fn heat_map(conn: &Connection, project_id: &str) -> Result<HeatMap> {
    let mut counts = [[0u32; 5]; 5];
    let mut stmt = conn.prepare_cached(
        "SELECT likelihood, impact, count(*) FROM risks
         WHERE project_id = ?1 AND deleted_at IS NULL AND status != 'closed'
         GROUP BY likelihood, impact",
    )?;
    let mut q = stmt.query([project_id])?;
    while let Some(r) = q.next()? {
        let (l, i): (u8, u8) = (r.get(0)?, r.get(1)?);
        if (1..=5).contains(&l) && (1..=5).contains(&i) {
            counts[usize::from(l) - 1][usize::from(i) - 1] = r.get(2)?;
        }
    }
    let mut cells = Vec::with_capacity(25);
    for l in (1..=5u8).rev() {
        for i in 1..=5u8 {
            cells.push(HeatCell {
                likelihood: l,
                impact: i,
                count: counts[usize::from(l) - 1][usize::from(i) - 1],
                band: Band::of(l * i),
            });
        }
    }
    let total = cells.iter().map(|c| c.count).sum();
    Ok(HeatMap { cells, total })
}

/// The owners named on a project's live risks, sorted, without repeats or blanks.
pub fn risk_owners(conn: &Connection, project_id: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT DISTINCT owner FROM risks
             WHERE project_id = ?1 AND deleted_at IS NULL AND owner != ''
             ORDER BY owner COLLATE NOCASE",
        )?
        .query_map([project_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Where a page's rows come from. A search starts from the index's matches and looks each risk
/// up by its key (CROSS JOIN fixes that order); left to itself SQLite walks the whole project
/// and probes the index per row, 20 times slower at 20,000 risks. Without statistics SQLite may
/// also pick any index on (project_id, deleted_at) and sort the whole register, so a page names
/// the index matching its order; a count (`for_count`) is left to the covering heat-map index.
fn source(q: &RiskQuery, search: bool, for_count: bool) -> &'static str {
    match (search, q.cell, q.sort, for_count) {
        (true, ..) => "risks_fts CROSS JOIN risks r ON r.search_key = risks_fts.rowid",
        (false, Some(_), ..) => "risks r INDEXED BY risks_by_cell",
        (false, None, RiskSort::Severity, false) => "risks r INDEXED BY risks_by_severity",
        _ => "risks r",
    }
}

/// The WHERE clause and its parameters for a query (`?1` is the project).
fn filters(q: &RiskQuery) -> (String, Vec<Value>) {
    let fts = search::fts_query(&q.search);
    let mut sql = String::from(if fts.is_some() {
        "risks_fts MATCH ?2 AND r.project_id = ?1 AND r.deleted_at IS NULL"
    } else {
        "r.project_id = ?1 AND r.deleted_at IS NULL"
    });
    let mut params: Vec<Value> = fts.iter().cloned().map(Value::Text).collect();
    let mut bind = |sql: &mut String, clause: &str, v: Value| {
        params.push(v);
        sql.push_str(&clause.replace('?', &format!("?{}", params.len() + 1)));
    };
    let status = match q.status {
        StatusFilter::Active if fts.is_some() => None,
        StatusFilter::Active => Some(" AND r.status != 'closed'".to_owned()),
        StatusFilter::All => None,
        StatusFilter::Open => Some(one(RiskStatus::Open)),
        StatusFilter::Mitigating => Some(one(RiskStatus::Mitigating)),
        StatusFilter::Accepted => Some(one(RiskStatus::Accepted)),
        StatusFilter::Closed => Some(one(RiskStatus::Closed)),
    };
    if let Some(s) = status {
        sql.push_str(&s);
    }
    if let Some(owner) = &q.owner {
        bind(
            &mut sql,
            " AND r.owner = ?",
            Value::Text(owner.trim().to_owned()),
        );
    }
    if let Some(band) = q.band {
        let (lo, hi) = band.range();
        bind(&mut sql, " AND r.severity >= ?", Value::Integer(lo.into()));
        bind(&mut sql, " AND r.severity <= ?", Value::Integer(hi.into()));
    }
    if let Some(c) = q.cell {
        bind(
            &mut sql,
            " AND r.likelihood = ?",
            Value::Integer(c.likelihood.into()),
        );
        bind(
            &mut sql,
            " AND r.impact = ?",
            Value::Integer(c.impact.into()),
        );
    }
    (sql, params)
}

fn one(s: RiskStatus) -> String {
    format!(" AND r.status = '{}'", s.as_str())
}

fn order(sort: RiskSort) -> &'static str {
    match sort {
        RiskSort::Severity => "r.severity DESC, r.review_date IS NULL, r.review_date, r.id",
        RiskSort::ReviewDate => "r.review_date IS NULL, r.review_date, r.severity DESC, r.id",
        RiskSort::Status => {
            "CASE r.status WHEN 'open' THEN 0 WHEN 'mitigating' THEN 1 WHEN 'accepted' THEN 2
             ELSE 3 END, r.severity DESC, r.review_date IS NULL, r.review_date, r.id"
        }
    }
}

/// One page of a project's risks matching `q`, with the total over all pages.
pub fn list_risks(
    conn: &Connection,
    project_id: &str,
    q: &RiskQuery,
    today: NaiveDate,
) -> Result<RiskPage> {
    let limit = q.limit.unwrap_or(PAGE).clamp(1, PAGE_MAX);
    page(conn, project_id, q, limit, today)
}

fn page(
    conn: &Connection,
    project_id: &str,
    q: &RiskQuery,
    limit: u32,
    today: NaiveDate,
) -> Result<RiskPage> {
    let (filter, params) = filters(q);
    let search = search::fts_query(&q.search).is_some();
    let all: Vec<Value> = std::iter::once(Value::Text(project_id.to_owned()))
        .chain(params)
        .collect();
    let total: u32 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM {} WHERE {filter}",
            source(q, search, true)
        ))?
        .query_row(rusqlite::params_from_iter(all.iter()), |r| r.get(0))?;
    let mut risks: Vec<Risk> = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM {} WHERE {filter} ORDER BY {} LIMIT {limit} OFFSET {}",
            source(q, search, false),
            order(q.sort),
            q.offset
        ))?
        .query_map(rusqlite::params_from_iter(all.iter()), |r| {
            from_row(r, today)
        })?
        .collect::<rusqlite::Result<_>>()?;
    complete(conn, &mut risks)?;
    Ok(RiskPage {
        total,
        offset: q.offset,
        risks,
    })
}

/// Every risk matching `q`, unpaged: for `show --json`, the CLI list and the full report.
pub fn all_risks(
    conn: &Connection,
    project_id: &str,
    q: &RiskQuery,
    today: NaiveDate,
) -> Result<Vec<Risk>> {
    let q = RiskQuery {
        offset: 0,
        ..q.clone()
    };
    Ok(page(conn, project_id, &q, u32::MAX, today)?.risks)
}

/// The `n` most severe risks not closed.
pub fn top_risks(
    conn: &Connection,
    project_id: &str,
    n: u32,
    today: NaiveDate,
) -> Result<Vec<Risk>> {
    Ok(page(conn, project_id, &RiskQuery::default(), n, today)?.risks)
}

/// The Risks page's first screen: heat map, first page, owners and link labels.
pub fn risks_view(
    conn: &Connection,
    project_id: &str,
    q: &RiskQuery,
    today: NaiveDate,
) -> Result<RisksView> {
    crate::project::get(conn, project_id)?;
    Ok(RisksView {
        heat_map: heat_map(conn, project_id)?,
        page: list_risks(conn, project_id, q, today)?,
        owners: risk_owners(conn, project_id)?,
        goals: crate::goals::goal_names(conn, project_id)?,
        stakeholders: crate::stakeholders::stakeholder_names(conn, project_id)?,
    })
}

/// Adds links and the last band change to freshly read risks: two queries per page.
pub(crate) fn complete(conn: &Connection, risks: &mut [Risk]) -> Result<()> {
    if risks.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = risks.iter().map(|r| r.id.as_str()).collect();
    let (mut goals, mut people) = links::links_of(conn, &ids)?;
    let mut changes = history::band_changes(conn, risks)?;
    for r in risks.iter_mut() {
        r.goals = goals.remove(&r.id).unwrap_or_default();
        r.stakeholders = people.remove(&r.id).unwrap_or_default();
        r.band_change = changes.remove(&r.id);
    }
    Ok(())
}
