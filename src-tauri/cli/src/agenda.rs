//! `northstar agenda`, `remind`, `reviewed`, `snooze` and `export ics`: the review dates from a
//! terminal, a cron job or a systemd timer. `remind` decides and records what is due in one
//! transaction, then shows one desktop notification, so it never repeats what the window (or
//! another timer) already sent.

use super::UserError;
use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime};
use clap::Args;
use northstar_core::agenda::{self, AgendaItem, AgendaQuery, Bucket};
use northstar_core::{files, project, Store};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Only what is due within N days (overdue items always).
    #[arg(long, value_name = "N")]
    days: Option<u32>,
    /// Judge as of this day instead of today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// One project only (id or exact name).
    #[arg(long, value_name = "PROJECT")]
    project: Option<String>,
}

#[derive(Debug, Args)]
pub struct RemindArgs {
    /// Say what would be sent; send and record nothing.
    #[arg(long)]
    dry_run: bool,
    /// Act as if it were noon on this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReviewedArgs {
    /// The item's id, as `northstar agenda` prints it.
    item: String,
    /// What the review found, kept in the item's history.
    #[arg(long, default_value = "")]
    note: String,
}

#[derive(Debug, Args)]
pub struct SnoozeArgs {
    /// The item's id, as `northstar agenda` prints it.
    item: String,
    /// The day it comes back, YYYY-MM-DD (after today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    until: String,
}

fn day(text: Option<&str>, store: &Store) -> Result<NaiveDate, UserError> {
    match text {
        Some(t) => Ok(northstar_core::validate::date("today", "--today", t)?),
        None => Ok(store.clock().today()),
    }
}

fn project_id(store: &Store, p: Option<&str>) -> Result<Option<String>, UserError> {
    Ok(match p {
        Some(p) => Some(project::find(store.conn(), p)?.id),
        None => None,
    })
}

fn bucket_label(b: Bucket) -> &'static str {
    match b {
        Bucket::Overdue => "Overdue",
        Bucket::Today => "Today",
        Bucket::ThisWeek => "This week",
        Bucket::Later => "Later",
    }
}

/// Items under their bucket's heading, each with the id `reviewed` and `snooze` take.
fn text(items: &[AgendaItem]) -> String {
    if items.is_empty() {
        return "Nothing to review.\n".into();
    }
    let mut s = String::new();
    let mut last = None;
    for i in items {
        if last != Some(i.bucket) {
            if last.is_some() {
                s.push('\n');
            }
            s.push_str(bucket_label(i.bucket));
            s.push('\n');
            last = Some(i.bucket);
        }
        let snoozed = i
            .snoozed_from
            .as_deref()
            .map_or(String::new(), |d| format!(" (snoozed from {d})"));
        s.push_str(&format!(
            "  {}  {} · {}{snoozed}\n      {}\n",
            i.due,
            i.title,
            i.project,
            i.id()
        ));
    }
    s
}

pub fn list(store: &Store, a: AgendaArgs) -> Result<String, UserError> {
    let today = day(a.today.as_deref(), store)?;
    let q = AgendaQuery {
        days: a.days,
        project_id: project_id(store, a.project.as_deref())?,
    };
    let items = agenda::agenda(store.conn(), today, &q)?;
    if a.json {
        return Ok(super::pretty(&serde_json::json!(items)));
    }
    // Overdue first, then by date: the agenda's order is by date, so overdue already leads.
    Ok(text(&items))
}

pub fn remind(store: &mut Store, a: RemindArgs) -> Result<String, UserError> {
    let now: NaiveDateTime = match a.today.as_deref() {
        Some(t) => northstar_core::validate::date("today", "--today", t)?
            .and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()),
        None => Local::now().naive_local(),
    };
    let Some(summary) = agenda::check_reminders(store, now, a.dry_run)? else {
        return Ok("Nothing due to remind of.\n".into());
    };
    let mut out = format!("{}\n{}\n", summary.title, summary.body);
    if a.dry_run {
        out.push_str("(dry run: nothing sent or recorded)\n");
        return Ok(out);
    }
    // Recorded before it is shown: if the desktop drops it, the agenda still lists the items.
    match northstar_core::notify::send(&summary) {
        Ok(_) => Ok(out),
        Err(e) => Err(UserError(format!(
            "{e}. The reminders are recorded; `northstar agenda` lists them."
        ))),
    }
}

pub fn reviewed(store: &mut Store, a: ReviewedArgs) -> Result<String, UserError> {
    let next = agenda::mark_reviewed(store, a.item.trim(), &a.note)?;
    Ok(match next {
        Some(i) => format!(
            "Reviewed; next due {}: {} · {}.\n",
            i.due, i.title, i.project
        ),
        None => "Reviewed; it leaves the agenda.\n".into(),
    })
}

pub fn snooze(store: &mut Store, a: SnoozeArgs) -> Result<String, UserError> {
    let i = agenda::snooze(store, a.item.trim(), &a.until)?;
    Ok(format!(
        "Snoozed until {}: {} · {}.\n",
        i.due, i.title, i.project
    ))
}

pub fn export_ics(
    store: &Store,
    output: PathBuf,
    project: Option<String>,
) -> Result<String, UserError> {
    let p = project_id(store, project.as_deref())?;
    let text = agenda::ics(
        store.conn(),
        store.clock().today(),
        store.clock().now(),
        p.as_deref(),
    )?;
    let path = files::with_extension(&output, "ics")?;
    files::write_atomically(&path, text.as_bytes())?;
    Ok(format!("{}\n", path.display()))
}
