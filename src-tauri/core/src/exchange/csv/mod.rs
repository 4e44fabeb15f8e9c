//! CSV export of the lists users see, as filtered on screen: UTF-8, RFC 4180 quoting (the `csv`
//! crate's: fields with commas, quotes or line breaks quoted, quotes doubled), CRLF line ends,
//! the worksheets' column headings, and values as the pages show them (labels, not keys).
//! Each list reads through its area's public functions, never its tables ([`lists`]).

mod lists;

use crate::error::{Error, Result};
use crate::risks::RiskQuery;
use chrono::NaiveDate;
use lists::{
    agenda_rows, goals_rows, inventory_rows, pillars, risk_rows, scan_rows, stakeholder_rows,
    vendor_rows,
};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A list that exports to CSV, by its CLI name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CsvTable {
    Pillars,
    Goals,
    Stakeholders,
    Risks,
    Compliance,
    Vendors,
    Inventory,
    Agenda,
}

impl CsvTable {
    pub const ALL: [CsvTable; 8] = [
        CsvTable::Pillars,
        CsvTable::Goals,
        CsvTable::Stakeholders,
        CsvTable::Risks,
        CsvTable::Compliance,
        CsvTable::Vendors,
        CsvTable::Inventory,
        CsvTable::Agenda,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CsvTable::Pillars => "pillars",
            CsvTable::Goals => "goals",
            CsvTable::Stakeholders => "stakeholders",
            CsvTable::Risks => "risks",
            CsvTable::Compliance => "compliance",
            CsvTable::Vendors => "vendors",
            CsvTable::Inventory => "inventory",
            CsvTable::Agenda => "agenda",
        }
    }

    /// The list named `s`, or an error naming every list there is.
    pub fn parse(s: &str) -> Result<CsvTable> {
        let key = s.trim().to_lowercase();
        CsvTable::ALL
            .into_iter()
            .find(|t| t.as_str() == key)
            .ok_or_else(|| {
                let names: Vec<&str> = CsvTable::ALL.iter().map(|t| t.as_str()).collect();
                Error::invalid(
                    "table",
                    format!(
                        "There is no list called “{}” to export. Choose one of: {}.",
                        s.trim(),
                        names.join(", ")
                    ),
                )
            })
    }
}

impl std::str::FromStr for CsvTable {
    type Err = Error;
    fn from_str(s: &str) -> Result<CsvTable> {
        CsvTable::parse(s)
    }
}

/// The filters a page has on screen; lists without one ignore it.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct CsvFilter {
    /// The risk register's query (its paging is ignored: every matching risk is exported).
    /// None: every risk, closed ones included.
    #[serde(default)]
    #[ts(optional)]
    pub risks: Option<RiskQuery>,
    /// The agenda's window in days from today; none for every date.
    #[serde(default)]
    #[ts(optional)]
    pub agenda_days: Option<u32>,
}

/// The list as CSV bytes, judged on `today` (overdue, status and next dates depend on it).
pub fn export_table(
    conn: &Connection,
    project_id: &str,
    table: CsvTable,
    filter: &CsvFilter,
    today: NaiveDate,
) -> Result<Vec<u8>> {
    crate::project::get(conn, project_id)?;
    let (head, rows) = match table {
        CsvTable::Pillars => pillars(conn, project_id)?,
        CsvTable::Goals => goals_rows(conn, project_id, today)?,
        CsvTable::Stakeholders => stakeholder_rows(conn, project_id, today)?,
        CsvTable::Risks => risk_rows(conn, project_id, filter, today)?,
        CsvTable::Compliance => scan_rows(conn, project_id)?,
        CsvTable::Vendors => vendor_rows(conn, project_id)?,
        CsvTable::Inventory => inventory_rows(conn, project_id)?,
        CsvTable::Agenda => agenda_rows(conn, project_id, filter, today)?,
    };
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let io = |e: ::csv::Error| Error::Io(std::io::Error::other(e));
    w.write_record(head).map_err(io)?;
    for r in rows {
        w.write_record(&r).map_err(io)?;
    }
    w.into_inner()
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

#[cfg(test)]
mod tests;
