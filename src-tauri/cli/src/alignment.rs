//! `northstar reading add` and `northstar checkin`: feeding goal readings and stakeholder
//! check-ins from a script, cron job or CI step, plus the goals and stakeholders in `show`.

use super::UserError;
use clap::{Args, Subcommand};
use northstar_core::goals::{self, Goal, MetricStatus};
use northstar_core::stakeholders::{self, Stakeholder};
use northstar_core::{project, Store};

#[derive(Debug, Subcommand)]
pub enum ReadingCommand {
    /// Add a dated reading of a goal's metric (today unless --date).
    Add(ReadingAddArgs),
}

#[derive(Debug, Args)]
pub struct ReadingAddArgs {
    /// Project id or exact name.
    project: String,
    /// Goal id or exact goal text.
    goal: String,
    /// The value read, a plain number such as 98.6 or -3.
    #[arg(allow_negative_numbers = true)]
    value: String,
    /// The day of the reading, YYYY-MM-DD (default: today; never in the future).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// Project id or exact name.
    project: String,
    /// Stakeholder id or exact name.
    stakeholder: String,
    /// The day of the check-in, YYYY-MM-DD (default: today; never in the future).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// What was said or agreed.
    #[arg(long, default_value = "")]
    note: String,
}

pub fn add_reading(store: &mut Store, a: ReadingAddArgs) -> Result<String, UserError> {
    let p = project::find(store.conn(), &a.project)?;
    let today = store.clock().today();
    let g = goals::find_goal(store.conn(), &p.id, &a.goal, today)?;
    let value: f64 = a
        .value
        .trim()
        .parse()
        .map_err(|_| UserError(format!("“{}” is not a number.", a.value)))?;
    let added = day(a.date.as_deref(), "A reading's date")?.unwrap_or(today.to_string());
    let g = goals::add_reading(store, &g.id, value, Some(&added))?;
    let latest = match g.latest.clone() {
        Some(r) if r.date != added => format!(
            "; the latest stays {} on {}",
            goals::with_unit(r.value, &g.unit),
            r.date
        ),
        _ => String::new(),
    };
    Ok(format!(
        "Added {} on {added} to “{}”{latest}: {}.\n",
        goals::with_unit(value, &g.unit),
        g.goal,
        status_words(&g)
    ))
}

pub fn checkin(store: &mut Store, a: CheckinArgs) -> Result<String, UserError> {
    let p = project::find(store.conn(), &a.project)?;
    let today = store.clock().today();
    let who = stakeholders::find_stakeholder(store.conn(), &p.id, &a.stakeholder, today)?;
    let date = day(a.date.as_deref(), "A check-in's date")?.unwrap_or(today.to_string());
    let who = stakeholders::check_in(store, &who.id, Some(&date), &a.note)?;
    Ok(format!(
        "Checked in with “{}” on {date}; {}.\n",
        who.name,
        next_words(&who)
    ))
}

/// A `--date` as the core reads it (U+2011 hyphens and all), so the output can echo it.
fn day(value: Option<&str>, label: &str) -> Result<Option<String>, UserError> {
    Ok(value
        .map(|d| northstar_core::validate::date("date", label, d).map(|d| d.to_string()))
        .transpose()?)
}

/// "not met (98.1% against ≥ 99%)", "met · stale", "no reading yet".
fn status_words(g: &Goal) -> String {
    let stale = if g.stale { ", stale" } else { "" };
    match g.status {
        MetricStatus::NoNumbers => "no numbers".into(),
        MetricStatus::NoReading => format!("no reading yet ({})", g.latest_vs_target()),
        s => format!("{}{stale} ({})", s.label(), g.latest_vs_target()),
    }
}

fn next_words(s: &Stakeholder) -> String {
    match (&s.next_check_in, s.overdue) {
        (Some(d), true) => format!("next check-in {d}, overdue"),
        (Some(d), false) => format!("next check-in {d}"),
        (None, _) if s.last_check_in.is_some() => "no fixed cadence".into(),
        (None, _) => "not checked in yet".into(),
    }
}

/// The goals and stakeholders part of `northstar show`.
pub fn show_text(goals: &[Goal], people: &[Stakeholder]) -> String {
    let mut s = String::new();
    if !goals.is_empty() {
        s.push_str("\nGoals\n");
        for g in goals {
            s.push_str(&format!("  {}\n    {}\n", g.goal, status_words(g)));
        }
    }
    if !people.is_empty() {
        s.push_str("\nStakeholders\n");
        for p in people {
            s.push_str(&format!(
                "  {:<28} {:<12} {}\n",
                p.name,
                p.cadence.label(),
                next_words(p)
            ));
        }
    }
    s
}
