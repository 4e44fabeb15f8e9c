//! The Overview's briefing: the on-screen twin of the one-page scorecard. It is read by the same
//! [`gather`](super::gather) as the PDF and cut by the same rules (the five top risks, readiness
//! per accepted regulation, what is overdue or due in the next 30 days), so the screen and the
//! page a PM hands round always say the same thing.

use super::sections::{coming, critical, next_review, ReportData, AHEAD};
use crate::agenda::AgendaItem;
use crate::compliance::RegulationSummary;
use crate::error::Result;
use crate::goals::Goal;
use crate::risks::Risk;
use crate::scorecard::{Headline, Status};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// How many pillars stand at each status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct StatusCounts {
    pub on_target: u32,
    pub in_progress: u32,
    pub pending: u32,
}

/// A date in words, as the scorecard prints it ("Launch day, 2026-12-15"), and whether it is past.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueWords {
    pub text: String,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Briefing {
    /// `YYYY-MM-DD`: the day it speaks for (statuses and overdue dates are judged on it).
    pub as_of: String,
    pub headline: Headline,
    pub counts: StatusCounts,
    /// The goal the leading metric follows, with its latest reading and status, when tied.
    pub leading: Option<Goal>,
    /// Every goal in the user's order, with its metric status.
    pub goals: Vec<Goal>,
    /// The five most severe risks not closed.
    pub top_risks: Vec<Risk>,
    /// Risks not closed, and of those the critical ones.
    pub open_risks: u32,
    pub critical_risks: u32,
    /// Live risks, closed ones included.
    pub risk_count: u32,
    /// Per accepted regulation, the worst readiness of its scan rows.
    pub regulations: Vec<RegulationSummary>,
    /// The compliance notes' next review, when one is planned.
    pub compliance_review: Option<DueWords>,
    /// What is overdue, then what falls due in the next `coming_days` days, in date order.
    #[ts(as = "Vec<crate::agenda::AgendaItemJson<'static>>")]
    pub coming: Vec<AgendaItem>,
    pub coming_days: u32,
}

/// The briefing of a project on `as_of`.
pub fn briefing(conn: &Connection, project_id: &str, as_of: NaiveDate) -> Result<Briefing> {
    Ok(from_report(super::gather(conn, project_id, as_of, false)?))
}

fn from_report(d: ReportData) -> Briefing {
    let count = |s: Status| d.card.pillars.iter().filter(|p| p.status == s).count() as u32;
    Briefing {
        as_of: d.as_of.to_string(),
        headline: d.card.headline.clone(),
        counts: StatusCounts {
            on_target: count(Status::OnTarget),
            in_progress: count(Status::InProgress),
            pending: count(Status::Pending),
        },
        critical_risks: critical(&d),
        open_risks: d.heat_map.total,
        compliance_review: next_review(&d.compliance_review, d.as_of)
            .map(|(text, overdue)| DueWords { text, overdue }),
        coming: coming(&d).into_iter().cloned().collect(),
        coming_days: AHEAD as u32,
        leading: d.leading,
        goals: d.goals,
        top_risks: d.top_risks,
        risk_count: d.risk_count,
        regulations: d.regulations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Bucket;
    use crate::compliance::Readiness;
    use crate::testing::demo;
    use chrono::Days;

    #[test]
    fn the_demo_briefing_says_what_its_scorecard_prints() {
        let (s, id) = demo();
        let today = s.clock().today();
        let b = briefing(s.conn(), &id, today).unwrap();
        assert_eq!(b.as_of, today.to_string());
        assert_eq!(b.headline.summary(), "0 of 12 pillars at target");
        assert_eq!(b.headline.overall, Some(2.0));
        assert_eq!(
            b.counts.on_target + b.counts.in_progress + b.counts.pending,
            12
        );
        assert_eq!(b.goals.len(), 1);
        assert_eq!(b.leading.as_ref().map(|g| &g.id), Some(&b.goals[0].id));
        assert!(!b.top_risks.is_empty() && b.top_risks.len() <= 5);
        let sev: Vec<u8> = b.top_risks.iter().map(|r| r.severity).collect();
        assert!(
            sev.windows(2).all(|w| w[0] >= w[1]),
            "most severe first: {sev:?}"
        );
        let regs: Vec<(&str, Option<Readiness>)> = b
            .regulations
            .iter()
            .map(|r| (r.code.as_str(), r.worst))
            .collect();
        assert_eq!(
            regs,
            [
                ("GDPR", Some(Readiness::Partial)),
                ("HIPAA", Some(Readiness::Missing)),
                ("PCI DSS", Some(Readiness::Missing)),
            ]
        );
        assert_eq!(b.regulations[0].regulation_id, "builtin-gdpr");
        // The same cut as the printed "Coming up": overdue, or due within 30 days.
        let until = today + Days::new(30);
        assert!(!b.coming.is_empty());
        assert!(b
            .coming
            .iter()
            .all(|i| i.bucket == Bucket::Overdue || i.due.0 <= until));
        let pdf = crate::report::render(
            s.conn(),
            &id,
            &crate::report::ReportOptions {
                paper: crate::report::Paper::A4,
                full: false,
                as_of: today,
            },
        )
        .unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }

    #[test]
    fn an_empty_project_briefs_as_empty() {
        let mut s = crate::testing::store();
        let p = crate::project::create(
            &mut s,
            crate::project::NewProject {
                name: "Blank".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let b = briefing(s.conn(), &p.id, s.clock().today()).unwrap();
        assert_eq!(b.headline.total, 0);
        assert!(b.leading.is_none() && b.goals.is_empty() && b.top_risks.is_empty());
        assert!(b.regulations.is_empty() && b.coming.is_empty());
        assert_eq!((b.open_risks, b.critical_risks, b.risk_count), (0, 0, 0));
        assert_eq!(b.compliance_review, None);
    }

    #[test]
    fn an_unknown_project_is_not_found() {
        let s = crate::testing::store();
        let e = briefing(s.conn(), "nope", s.clock().today()).unwrap_err();
        assert!(matches!(e, crate::Error::NotFound { .. }), "{e:?}");
    }
}
