//! `northstar risks`: the register from a script or a terminal, most severe first, filtered the
//! way the Risks page filters, plus the risks part of `northstar show`.

use super::UserError;
use clap::Args;
use northstar_core::risks::{self, Band, Risk, RiskQuery, StatusFilter};
use northstar_core::{project, Store};

#[derive(Debug, Args)]
pub struct RisksArgs {
    /// Project id or exact name.
    project: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// open, mitigating, accepted, closed, active (not closed; the default) or all.
    #[arg(long, value_name = "STATUS")]
    status: Option<String>,
    /// low, medium, high or critical.
    #[arg(long, value_name = "BAND")]
    band: Option<String>,
    /// Exactly this owner.
    #[arg(long, value_name = "NAME")]
    owner: Option<String>,
    /// Words to find in title, description or mitigation (closed risks included).
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
}

fn status(s: Option<&str>) -> Result<StatusFilter, UserError> {
    Ok(match s.map(|s| s.trim().to_lowercase()).as_deref() {
        None | Some("active") => StatusFilter::Active,
        Some("all") => StatusFilter::All,
        Some("open") => StatusFilter::Open,
        Some("mitigating") => StatusFilter::Mitigating,
        Some("accepted") => StatusFilter::Accepted,
        Some("closed") => StatusFilter::Closed,
        Some(_) => {
            return Err(UserError(format!(
                "Unknown status “{}”: use open, mitigating, accepted, closed, active or all.",
                s.unwrap_or_default()
            )))
        }
    })
}

fn band(b: Option<&str>) -> Result<Option<Band>, UserError> {
    b.map(|b| {
        Band::parse(&b.trim().to_lowercase()).ok_or_else(|| {
            UserError(format!(
                "Unknown band “{b}”: use low, medium, high or critical."
            ))
        })
    })
    .transpose()
}

pub fn list(store: &Store, a: RisksArgs) -> Result<String, UserError> {
    let p = project::find(store.conn(), &a.project)?;
    let q = RiskQuery {
        status: status(a.status.as_deref())?,
        band: band(a.band.as_deref())?,
        owner: a.owner,
        search: a.search.unwrap_or_default(),
        ..Default::default()
    };
    let list = risks::all_risks(store.conn(), &p.id, &q, store.clock().today())?;
    if a.json {
        return Ok(super::pretty(&serde_json::json!(list)));
    }
    if list.is_empty() {
        return Ok(format!("No risks match in “{}”.\n", p.name));
    }
    let mut s = String::new();
    for r in &list {
        s.push_str(&line(r));
    }
    Ok(s)
}

/// "15 high      3×5  open        Lucas     review 2026-12-09  API keys leak…"
fn line(r: &Risk) -> String {
    let review = match (&r.review_date, r.review_overdue) {
        (Some(d), true) => format!("review {d} (overdue)"),
        (Some(d), false) => format!("review {d}"),
        (None, _) => "no review date".into(),
    };
    let owner = if r.owner.is_empty() { "–" } else { &r.owner };
    let mut s = format!(
        "{:>2} {:<8} {}×{}  {:<10}  {:<12}  {:<28}  {}\n",
        r.severity,
        r.band.label(),
        r.likelihood,
        r.impact,
        r.status.as_str(),
        owner,
        review,
        r.title
    );
    if let Some(c) = &r.band_change {
        s.push_str(&format!(
            "{:>14}was {}, now {} since {}\n",
            "",
            c.was.label(),
            r.band.label(),
            c.since
        ));
    }
    s
}

/// The risks part of `northstar show`: the heat map's total and the five most severe.
pub fn show_text(store: &Store, project_id: &str) -> Result<String, UserError> {
    let today = store.clock().today();
    let top = risks::top_risks(store.conn(), project_id, 5, today)?;
    if top.is_empty() {
        return Ok(String::new());
    }
    let open = risks::heat_map(store.conn(), project_id)?.total;
    let mut s = format!("\nTop risks ({} of {open} not closed)\n", top.len());
    for r in &top {
        s.push_str(&format!(
            "  {:>2} {:<8} {}\n",
            r.severity,
            r.band.label(),
            r.title
        ));
    }
    Ok(s)
}
