//! The first week of a project: the quick-start checklist, whose items tick themselves from the
//! data where the data exists, and the five-day plan, ticked by hand, each day dated from the
//! project's start. The card can be dismissed once everything is done.

use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use chrono::{Days, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FirstWeekGroup {
    QuickStart,
    FiveDayPlan,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FirstWeekItem {
    pub key: String,
    pub group: FirstWeekGroup,
    pub label: String,
    pub done: bool,
    /// Ticked by hand; otherwise it ticks itself from the data and `hint` says how.
    pub by_hand: bool,
    pub hint: String,
    /// The plan's day, `YYYY-MM-DD`, counted from the project's start.
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FirstWeek {
    pub project_id: String,
    pub items: Vec<FirstWeekItem>,
    pub done: u32,
    pub total: u32,
    pub complete: bool,
    pub dismissed: bool,
}

const DISMISSED: &str = "dismissed";

/// (key, label, hint) of the quick-start items that tick themselves.
const AUTO: &[(&str, &str, &str)] = &[
    (
        "north_star",
        "Write the North Star",
        "Ticks itself once the North Star is written.",
    ),
    (
        "score_pillars",
        "Score the pillars",
        "Ticks itself once every pillar has a score.",
    ),
    (
        "map_stakeholders",
        "Map the stakeholders",
        "Ticks itself once the canvas has a stakeholder.",
    ),
];
/// Ticks itself once the compliance trigger questions are answered. (Before compliance had an
/// area it was ticked by hand; such a tick still counts, so nobody's card goes back.)
const SCAN: (&str, &str, &str) = (
    "scan_compliance",
    "Scan compliance risk",
    "Ticks itself once the Compliance page's three trigger questions are answered.",
);
const LEADING: (&str, &str, &str) = (
    "leading_metric",
    "Pick the leading metric",
    "Ticks itself once the leading metric is named or tied to a goal.",
);
const PLAN: &[&str] = &[
    "Score the pillars",
    "Settle configuration: pull secrets out, add validation",
    "Basic observability",
    "Linting and tests in CI",
    "Publish the readiness headline and scores in the README",
];

fn hand_keys() -> impl Iterator<Item = String> {
    (1..=PLAN.len()).map(|d| format!("day{d}"))
}

fn ticks(conn: &Connection, project_id: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT item FROM first_week_ticks WHERE project_id = ?1 AND deleted_at IS NULL",
        )?
        .query_map([project_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The card as it stands for a project.
pub fn first_week(conn: &Connection, project_id: &str) -> Result<FirstWeek> {
    let p = crate::project::get(conn, project_id)?;
    let ticked = ticks(conn, project_id)?;
    let pillars = crate::scorecard::list_pillars(conn, project_id)?;
    let facts = [
        !p.north_star.trim().is_empty(),
        !pillars.is_empty() && pillars.iter().all(|q| q.score.is_some()),
        crate::stakeholders::count_stakeholders(conn, project_id)? > 0,
    ];
    let mut items: Vec<FirstWeekItem> = AUTO
        .iter()
        .zip(facts)
        .map(|((key, label, hint), done)| FirstWeekItem {
            key: (*key).into(),
            group: FirstWeekGroup::QuickStart,
            label: (*label).into(),
            done,
            by_hand: false,
            hint: (*hint).into(),
            date: None,
        })
        .collect();
    let answers = crate::compliance::answers(conn, project_id)?;
    let answered =
        answers.data.is_some() && answers.payments.is_some() && answers.industry.is_some();
    items.push(FirstWeekItem {
        key: SCAN.0.into(),
        group: FirstWeekGroup::QuickStart,
        label: SCAN.1.into(),
        done: answered || ticked.iter().any(|t| t == SCAN.0),
        by_hand: false,
        hint: SCAN.2.into(),
        date: None,
    });
    items.push(FirstWeekItem {
        key: LEADING.0.into(),
        group: FirstWeekGroup::QuickStart,
        label: LEADING.1.into(),
        done: !p.leading_metric.trim().is_empty() || p.leading_goal_id.is_some(),
        by_hand: false,
        hint: LEADING.2.into(),
        date: None,
    });
    let start = NaiveDate::parse_from_str(p.created_at.get(..10).unwrap_or(""), "%Y-%m-%d").ok();
    for (i, label) in PLAN.iter().enumerate() {
        let key = format!("day{}", i + 1);
        items.push(FirstWeekItem {
            done: ticked.contains(&key),
            key,
            group: FirstWeekGroup::FiveDayPlan,
            label: format!("Day {}: {label}", i + 1),
            by_hand: true,
            hint: String::new(),
            date: start
                .and_then(|s| s.checked_add_days(Days::new(i as u64)))
                .map(|d| d.to_string()),
        });
    }
    let done = items.iter().filter(|i| i.done).count() as u32;
    let total = items.len() as u32;
    Ok(FirstWeek {
        project_id: project_id.to_owned(),
        items,
        done,
        total,
        complete: done == total,
        dismissed: ticked.iter().any(|t| t == DISMISSED),
    })
}

fn tick_row(conn: &Connection, project_id: &str, item: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM first_week_ticks WHERE project_id = ?1 AND item = ?2 AND deleted_at IS NULL",
        )?
        .query_row([project_id, item], |r| r.get(0))
        .optional()?)
}

fn set_flag(w: &mut Writer<'_>, project_id: &str, item: &str, on: bool) -> Result<()> {
    match (tick_row(w.conn(), project_id, item)?, on) {
        (None, true) => {
            let now = w.now().to_owned();
            w.insert(
                "first_week_ticks",
                &crate::new_id(),
                &[
                    ("project_id", Value::Text(project_id.to_owned())),
                    ("item", Value::Text(item.to_owned())),
                    ("created_at", Value::Text(now.clone())),
                    ("updated_at", Value::Text(now)),
                ],
            )
        }
        (Some(id), false) => w.soft_delete("first_week_ticks", &id),
        _ => Ok(()),
    }
}

/// Ticks or unticks an item that is ticked by hand.
pub fn tick(store: &mut Store, project_id: &str, key: &str, done: bool) -> Result<FirstWeek> {
    if let Some(auto) = AUTO
        .iter()
        .find(|a| a.0 == key)
        .map(|a| a.2)
        .or((key == LEADING.0).then_some(LEADING.2))
        .or((key == SCAN.0).then_some(SCAN.2))
    {
        return Err(Error::invalid("item", auto));
    }
    if !hand_keys().any(|k| k == key) {
        return Err(Error::invalid(
            "item",
            format!("The first-week card has no item “{key}”."),
        ));
    }
    store.write(|w| {
        w.label(if done {
            "First-week item ticked"
        } else {
            "First-week item unticked"
        });
        crate::project::get(w.conn(), project_id)?;
        set_flag(w, project_id, key, done)
    })?;
    first_week(store.conn(), project_id)
}

/// Hides the card (only once everything is done), or brings it back.
pub fn set_dismissed(store: &mut Store, project_id: &str, dismissed: bool) -> Result<FirstWeek> {
    store.write(|w| {
w.label(if dismissed { "First-week card dismissed" } else { "First-week card brought back" });
        let card = first_week(w.conn(), project_id)?;
        if dismissed && !card.complete {
            return Err(Error::invalid(
                "dismissed",
                format!(
                    "The first-week card can be dismissed once every item is done ({} of {} so far).",
                    card.done, card.total
                ),
            ));
        }
        set_flag(w, project_id, DISMISSED, dismissed)
    })?;
    first_week(store.conn(), project_id)
}

#[cfg(test)]
mod tests;
