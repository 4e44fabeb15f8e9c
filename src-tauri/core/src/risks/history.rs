//! A risk's story, read back from the change log the store already keeps: every change of
//! likelihood, impact, status and closing note, and the band's last move ("was high, now
//! medium since 12 Nov"), found by walking the changes back from today's values.

use super::{Band, BandChange, Risk};
use crate::error::Result;
use chrono::{DateTime, Local, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// One recorded change of a risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RiskChange {
    /// `YYYY-MM-DD`, the user's day of the change.
    pub date: String,
    /// "created", "likelihood", "impact", "status" or "closing_note".
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The user's calendar day of a stored instant.
fn day_of(at: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| t.with_timezone(&Local).date_naive())
        .unwrap_or(NaiveDate::MIN)
        .to_string()
}

/// The last band change of each risk that has one.
pub(crate) fn band_changes(
    conn: &Connection,
    risks: &[Risk],
) -> Result<HashMap<String, BandChange>> {
    let mut by_risk: HashMap<String, Vec<(String, String, String)>> = HashMap::new();
    for chunk in risks.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(", ");
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT row_id, field, old_value, at FROM changes
             WHERE table_name = 'risks' AND row_id IN ({marks}) AND op = 'update'
               AND field IN ('likelihood', 'impact')
             ORDER BY at, id"
        ))?;
        let mut q = stmt.query(rusqlite::params_from_iter(chunk.iter().map(|r| &r.id)))?;
        while let Some(r) = q.next()? {
            by_risk.entry(r.get(0)?).or_default().push((
                r.get(1)?,
                r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                r.get(3)?,
            ));
        }
    }
    let mut out = HashMap::new();
    for risk in risks {
        let Some(changes) = by_risk.get(&risk.id) else {
            continue;
        };
        let (mut l, mut i) = (risk.likelihood, risk.impact);
        // Newest first: undo each change in turn until the band before it differs.
        for (field, old, at) in changes.iter().rev() {
            let Ok(old) = old.parse::<u8>() else { break };
            let (bl, bi) = if field == "likelihood" {
                (old, i)
            } else {
                (l, old)
            };
            let (now, was) = (Band::of(l * i), Band::of(bl * bi));
            if was != now {
                out.insert(
                    risk.id.clone(),
                    BandChange {
                        was,
                        since: day_of(at),
                    },
                );
                break;
            }
            (l, i) = (bl, bi);
        }
    }
    Ok(out)
}

/// Every change of a risk's likelihood, impact, status and closing note, oldest first, starting
/// with its creation.
pub fn risk_history(conn: &Connection, id: &str) -> Result<Vec<RiskChange>> {
    Ok(conn
        .prepare_cached(
            "SELECT op, field, old_value, new_value, at FROM changes
             WHERE table_name = 'risks' AND row_id = ?1
               AND (op = 'insert' OR field IN ('likelihood', 'impact', 'status', 'closing_note'))
             ORDER BY at, id",
        )?
        .query_map([id], |r| {
            let op: String = r.get(0)?;
            let at: String = r.get(4)?;
            Ok(RiskChange {
                date: day_of(&at),
                field: if op == "insert" {
                    "created".into()
                } else {
                    r.get::<_, Option<String>>(1)?.unwrap_or_default()
                },
                old: r.get(2)?,
                new: if op == "insert" { None } else { r.get(3)? },
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}
