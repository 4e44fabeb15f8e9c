//! PDF exports of a project: the one-page scorecard a PM brings to a meeting, and the full
//! readiness report (that page, then every table in full: pillars, assessments, goals with
//! their readings, the stakeholder canvas, the risk register, compliance, the review dates). This module turns a
//! project into bytes; the shell or the CLI decides where they go.
//!
//! Text is real text in an embedded DejaVu Sans, so it can be selected, searched and read back
//! by `pdftotext`, and names print the same on every system.

mod briefing;
mod canvas;
mod fonts;
mod layout;
mod paper;
mod sections;
mod style;

pub use briefing::{briefing, Briefing, DueWords, StatusCounts};
pub use paper::{preferred as preferred_paper, set_preferred as set_preferred_paper, Paper};

use crate::agenda::{agenda, AgendaQuery};
use crate::compliance;
use crate::error::{Error, Result};
use crate::goals::list_goals;
use crate::risks::{self, RiskQuery, RiskStatus, StatusFilter};
use crate::scorecard::scorecard;
use crate::stakeholders::list_stakeholders;
use canvas::Canvas;
use chrono::NaiveDate;
use fonts::Face;
use printpdf::{OffsetDateTime, PdfDocument, PdfParseErrorSeverity, PdfSaveOptions};
use rusqlite::Connection;
use sections::ReportData;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    pub paper: Paper,
    /// The scorecard page followed by every table in full.
    pub full: bool,
    /// The day the report speaks for: printed in the header and footer, used to mark overdue
    /// checkpoints and as the document's creation date.
    pub as_of: NaiveDate,
}

/// Everything the scorecard (or, with `full`, the whole report) shows, judged on `as_of`: read
/// once here for the PDF and for the Overview's briefing, so the page and the screen agree.
fn gather(conn: &Connection, project_id: &str, as_of: NaiveDate, full: bool) -> Result<ReportData> {
    let project = crate::project::get(conn, project_id)?;
    // Statuses, staleness and overdue check-ins are judged on the day the report speaks for.
    let goals = list_goals(conn, project_id, as_of)?;
    // The same goal `goals::leading_goal` reads, taken from the list rather than read again.
    let leading = project
        .leading_goal_id
        .as_deref()
        .and_then(|id| goals.iter().find(|g| g.id == id))
        .cloned();
    // The scorecard needs five risks and the counts; only the full report reads the register,
    // which may run to thousands.
    let risks = if full {
        let all = RiskQuery {
            status: StatusFilter::All,
            ..Default::default()
        };
        let (closed, open): (Vec<_>, Vec<_>) = risks::all_risks(conn, project_id, &all, as_of)?
            .into_iter()
            .partition(|r| r.status == RiskStatus::Closed);
        open.into_iter().chain(closed).collect()
    } else {
        Vec::new()
    };
    // Likewise, the scorecard needs the readiness per regulation and the review dates; only the
    // full report reads the scan rows and every note.
    let regulations = compliance::summary(conn, project_id)?;
    let (compliance_review, compliance) = if full {
        let all = compliance::compliance(conn, project_id)?;
        (all.snapshot.clone(), Some(all))
    } else {
        (compliance::snapshot(conn, project_id)?, None)
    };
    // The full report lists every review date; the scorecard (and the Overview's briefing) the
    // overdue ones and the next AHEAD days, so only those are read: a project with 20,000 risks
    // holds ~14,000 dates, ~30 ms to read in full. (A snooze only postpones, so no date past
    // the window can move into it.)
    let dates = AgendaQuery {
        days: (!full).then_some(sections::AHEAD as u32),
        project_id: Some(project_id.to_owned()),
    };
    // Only the full report's tables name stakeholders (a thousand take ~30 ms to read).
    let stakeholders = if full {
        list_stakeholders(conn, project_id, as_of)?
    } else {
        Vec::new()
    };
    Ok(ReportData {
        card: scorecard(conn, project_id)?,
        stakeholders,
        project,
        goals,
        leading,
        top_risks: risks::top_risks(conn, project_id, 5, as_of)?,
        risks,
        heat_map: risks::heat_map(conn, project_id)?,
        risk_count: risks::count_risks(conn, project_id)?,
        regulations,
        compliance_review,
        compliance,
        agenda: agenda(conn, as_of, &dates)?,
        as_of,
    })
}

/// Renders the scorecard (or the full report) of a project as PDF bytes.
pub fn render(conn: &Connection, project_id: &str, opts: &ReportOptions) -> Result<Vec<u8>> {
    let data = gather(conn, project_id, opts.as_of, opts.full)?;
    let fonts = fonts::fonts()?;
    let kind = if opts.full {
        "Readiness report"
    } else {
        "Readiness scorecard"
    };

    let mut doc = PdfDocument::new(&format!("{} – {kind}", data.project.name));
    let ids = [
        doc.add_font(fonts.face(Face::Regular)),
        doc.add_font(fonts.face(Face::Bold)),
    ];
    let mut c = Canvas::new(fonts, ids, opts.paper.size_pt());
    for section in sections::SCORECARD {
        section(&data, &mut c);
    }
    if opts.full {
        for section in sections::FULL {
            section(&data, &mut c);
        }
    }
    let footer_left = format!("{} · {kind} · {}", data.project.name, data.as_of);
    let pages = c.finish(|c, page, total| footer(c, &footer_left, page, total));

    let info = &mut doc.metadata.info;
    info.author = author(&data);
    info.creator = "Northstar".to_owned();
    info.producer = "Northstar (printpdf)".to_owned();
    info.subject = kind.to_owned();
    let stamp = opts
        .as_of
        .and_time(chrono::NaiveTime::MIN)
        .and_utc()
        .timestamp();
    let created =
        OffsetDateTime::from_unix_timestamp(stamp).map_err(|e| Error::Report(e.to_owned()))?;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;

    let mut warnings = Vec::new();
    let bytes = doc
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut warnings);
    // printpdf reports mistakes in the page ops (text outside a text object, colours out of
    // range) as error-level warnings and writes the file anyway: treat them as failures.
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(Error::Report(format!("page {}: {}", w.page + 1, w.msg)));
    }
    Ok(bytes)
}

/// The pillars' owner when they all share one, else the app.
fn author(d: &ReportData) -> String {
    let mut owners = d.card.pillars.iter().map(|p| p.owner.trim());
    match owners.next() {
        Some(first) if !first.is_empty() && owners.all(|o| o == first) => first.to_owned(),
        _ => "Northstar".to_owned(),
    }
}

fn footer(c: &mut Canvas, left: &str, page: usize, total: usize) {
    let base = c.page_height() - style::FOOTER_BASELINE;
    c.rule(c.left, c.right, base - 10.0, style::RULE);
    let pages = format!("page {page} of {total}");
    let pw = c.width(&pages, Face::Regular, style::TINY);
    c.text_right(
        c.right,
        base,
        &pages,
        Face::Regular,
        style::TINY,
        style::MUTED,
    );
    let left = c.fit(
        left,
        Face::Regular,
        style::TINY,
        c.content_width() - pw - 16.0,
    );
    c.text(
        c.left,
        base,
        &left,
        Face::Regular,
        style::TINY,
        style::MUTED,
    );
}

#[cfg(test)]
mod tests;
