//! Reminders that never miss and never repeat. What is due is [`decide`], a pure function of the
//! agenda, what was already sent, the settings and the moment; [`check_reminders`] runs it inside
//! one write transaction that also records what it decides, so a restart, a second process or a
//! wake after a closed week never sends a reminder twice, and what fell due meanwhile comes as
//! one summary. The caller shows the summary after the commit; if the desktop drops it, the
//! agenda still lists the items.

use super::{agenda, AgendaItem, AgendaQuery, Bucket};
use crate::error::Result;
use crate::store::Store;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// The user's reminder settings (device-local, in `settings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReminderSettings {
    pub enabled: bool,
    /// Days ahead to remind, besides the day itself (default 7 and 1).
    pub lead_days: Vec<u32>,
    /// Quiet hours `HH:MM`; reminders wait for their end. Equal or absent: none.
    #[ts(optional)]
    pub quiet_from: Option<String>,
    #[ts(optional)]
    pub quiet_to: Option<String>,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            enabled: true,
            lead_days: vec![7, 1],
            quiet_from: None,
            quiet_to: None,
        }
    }
}

const SETTINGS_KEY: &str = "reminders";

impl ReminderSettings {
    pub fn load(store: &Store) -> Result<ReminderSettings> {
        Ok(store
            .setting(SETTINGS_KEY)?
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default())
    }

    pub fn save(&self, store: &Store) -> Result<()> {
        let mut s = self.clone();
        s.lead_days.sort_unstable_by(|a, b| b.cmp(a));
        s.lead_days.dedup();
        s.lead_days.retain(|d| (1..=90).contains(d));
        for t in [&s.quiet_from, &s.quiet_to].into_iter().flatten() {
            parse_time(t)?;
        }
        store.set_setting(SETTINGS_KEY, &serde_json::to_string(&s).unwrap_or_default())
    }

    /// Whether `at` falls in the quiet hours (which may run past midnight).
    pub fn quiet_at(&self, at: NaiveTime) -> bool {
        let (Some(from), Some(to)) = (&self.quiet_from, &self.quiet_to) else {
            return false;
        };
        let (Ok(from), Ok(to)) = (parse_time(from), parse_time(to)) else {
            return false;
        };
        match from.cmp(&to) {
            std::cmp::Ordering::Equal => false,
            std::cmp::Ordering::Less => at >= from && at < to,
            std::cmp::Ordering::Greater => at >= from || at < to,
        }
    }
}

fn parse_time(t: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| {
        crate::Error::invalid(
            "quiet_hours",
            format!("Quiet hours are written HH:MM, 24-hour (got “{t}”)."),
        )
    })
}

/// One reminder decided: an item, the due date it was for, and how many days ahead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Reminder {
    #[ts(as = "super::AgendaItemJson<'static>")]
    pub item: AgendaItem,
    pub lead_days: u32,
}

/// What to show: one notification, however many reminders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Summary {
    pub title: String,
    pub body: String,
    pub reminders: Vec<Reminder>,
}

/// The reminders due at `now` (local time) and every (item, due, lead) key they settle. For
/// each item, of the moments it should be reminded (each lead day, and the day itself) those
/// already reached count; only the most urgent is sent, and the earlier ones are settled with
/// it, so a week's catch-up is one reminder per item, not three. Nothing during quiet hours.
pub fn decide(
    items: &[AgendaItem],
    sent: &HashSet<(String, String, u32)>,
    settings: &ReminderSettings,
    now: NaiveDateTime,
) -> (Vec<Reminder>, Vec<(String, String, u32)>) {
    let mut out = Vec::new();
    let mut settle = Vec::new();
    if !settings.enabled || settings.quiet_at(now.time()) {
        return (out, settle);
    }
    let today = now.date();
    let mut leads: Vec<u32> = settings.lead_days.clone();
    leads.push(0);
    for item in items {
        let due = item.due.0;
        let reached: Vec<u32> = leads
            .iter()
            .copied()
            .filter(|l| (due - today).num_days() <= i64::from(*l))
            .collect();
        let Some(urgent) = reached.iter().copied().min() else {
            continue;
        };
        let id = item.id();
        let key = |l: u32| (id.clone(), item.due.to_string(), l);
        if sent.contains(&key(urgent)) {
            continue;
        }
        for l in &reached {
            if !sent.contains(&key(*l)) {
                settle.push(key(*l));
            }
        }
        out.push(Reminder {
            item: item.clone(),
            lead_days: urgent,
        });
    }
    (out, settle)
}

fn when(r: &Reminder, today: NaiveDate) -> String {
    let due = r.item.due.0;
    match (due - today).num_days() {
        d if d < 0 => format!("overdue since {}", due.format("%-d %b")),
        0 => "due today".into(),
        1 => "due tomorrow".into(),
        d => format!("due in {d} days"),
    }
}

/// "3 reviews due: …" with a line per reminder (at most five, then how many more).
pub fn summarize(reminders: Vec<Reminder>, today: NaiveDate) -> Option<Summary> {
    let first = reminders.first()?;
    let title = if reminders.len() == 1 {
        format!("Review {}: {}", when(first, today), first.item.title)
    } else {
        let overdue = reminders
            .iter()
            .filter(|r| r.item.bucket == Bucket::Overdue)
            .count();
        let today_n = reminders
            .iter()
            .filter(|r| r.item.bucket == Bucket::Today)
            .count();
        let mut t = format!("{} reviews due", reminders.len());
        if overdue + today_n == reminders.len() && overdue == 0 {
            t.push_str(" today");
        } else if overdue > 0 {
            t.push_str(&format!(" ({overdue} overdue)"));
        }
        t
    };
    let mut lines: Vec<String> = reminders
        .iter()
        .take(5)
        .map(|r| format!("{} · {} ({})", r.item.title, r.item.project, when(r, today)))
        .collect();
    if reminders.len() > 5 {
        lines.push(format!("and {} more in the agenda", reminders.len() - 5));
    }
    Some(Summary {
        title,
        body: lines.join("\n"),
        reminders,
    })
}

/// Decides and records, in one write transaction, the reminders due at `now` (local time), and
/// returns the summary to show (none when nothing is due). With `dry_run`, records nothing.
pub fn check_reminders(
    store: &mut Store,
    now: NaiveDateTime,
    dry_run: bool,
) -> Result<Option<Summary>> {
    let settings = ReminderSettings::load(store)?;
    let today = now.date();
    let decided = store.write(|w| {
        w.system();
        // Only what is due within the longest lead matters: a bounded walk of the date indexes.
        let horizon = settings.lead_days.iter().copied().max().unwrap_or(0);
        let q = AgendaQuery {
            days: Some(horizon),
            project_id: None,
        };
        let items = agenda(w.conn(), today, &q)?;
        let mut sent: HashSet<(String, String, u32)> = HashSet::new();
        let mut stmt = w
            .conn()
            .prepare_cached("SELECT item, due, lead_days FROM reminders_sent")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            sent.insert((r.get(0)?, r.get(1)?, r.get(2)?));
        }
        drop(rows);
        drop(stmt);
        let (reminders, settle) = decide(&items, &sent, &settings, now);
        if !dry_run {
            let at = w.now().to_owned();
            for (item, due, lead) in settle {
                w.insert(
                    "reminders_sent",
                    &crate::new_id(),
                    &[
                        ("item", Value::Text(item)),
                        ("due", Value::Text(due)),
                        ("lead_days", Value::Integer(lead.into())),
                        ("sent_at", Value::Text(at.clone())),
                    ],
                )?;
            }
        }
        Ok(reminders)
    })?;
    Ok(summarize(decided, today))
}
