//! Adding, editing, reordering and removing stakeholders. Removing one that goals name says
//! which goals first, and takes those links with it in the same transaction.

use super::{get_stakeholder, Cadence, Stakeholder, LONG_MAX, NAME_MAX, OWNER_MAX};
use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use crate::validate;
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewStakeholder {
    pub name: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub success: String,
    #[serde(default)]
    #[ts(optional)]
    pub cadence: Option<Cadence>,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub open_questions: String,
    #[serde(default)]
    pub owner: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum StakeholderEdit {
    Name(String),
    Why(String),
    Success(String),
    Cadence(Cadence),
    Channel(String),
    OpenQuestions(String),
    Owner(String),
}

/// What removing a stakeholder would touch, for the confirmation.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StakeholderRemoval {
    /// The goals that name this stakeholder, by their text, in the goals' order.
    pub goals: Vec<String>,
    pub check_ins: u32,
    /// The open risks that name this stakeholder, by title, most severe first.
    pub risks: Vec<String>,
}

fn check_name(v: &str) -> Result<String> {
    validate::required("name", "A stakeholder name", v, NAME_MAX)
}

fn long(field: &'static str, label: &str, v: &str) -> Result<String> {
    validate::text(field, label, v, LONG_MAX)
}

fn next_position(conn: &Connection, project_id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(position), -1) + 1 FROM stakeholders WHERE project_id = ?1 AND deleted_at IS NULL",
        [project_id],
        |r| r.get(0),
    )?)
}

pub fn add_stakeholder(
    store: &mut Store,
    project_id: &str,
    new: NewStakeholder,
) -> Result<Stakeholder> {
    let id = store.write(|w| add_stakeholder_in(w, project_id, new))?;
    get_stakeholder(store.conn(), &id, store.clock().today())
}

pub(crate) fn add_stakeholder_in(
    w: &mut Writer<'_>,
    project_id: &str,
    new: NewStakeholder,
) -> Result<String> {
    w.label("Stakeholder added");
    crate::project::get(w.conn(), project_id)?;
    let name = check_name(&new.name)?;
    let why = long("why", "Why they care", &new.why)?;
    let success = long("success", "What success looks like", &new.success)?;
    let channel = long("channel", "The channel", &new.channel)?;
    let open_questions = long(
        "open_questions",
        "Risks / open questions",
        &new.open_questions,
    )?;
    let owner = validate::text("owner", "An owner", &new.owner, OWNER_MAX)?;
    let id = crate::new_id();
    let position = next_position(w.conn(), project_id)?;
    let now = w.now().to_owned();
    w.insert(
        "stakeholders",
        &id,
        &[
            ("project_id", Value::Text(project_id.to_owned())),
            ("name", Value::Text(name)),
            ("why", Value::Text(why)),
            ("success", Value::Text(success)),
            (
                "cadence",
                Value::Text(new.cadence.unwrap_or(Cadence::Monthly).as_str().into()),
            ),
            ("channel", Value::Text(channel)),
            ("open_questions", Value::Text(open_questions)),
            ("owner", Value::Text(owner)),
            ("position", Value::Integer(position)),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )?;
    Ok(id)
}

pub fn edit_stakeholder(
    store: &mut Store,
    id: &str,
    change: StakeholderEdit,
) -> Result<Stakeholder> {
    let today = store.clock().today();
    store.write(|w| {
        w.label(match &change {
            StakeholderEdit::Name(_) => "Stakeholder renamed",
            StakeholderEdit::Why(_) => "Why they care changed",
            StakeholderEdit::Success(_) => "What success looks like changed",
            StakeholderEdit::Cadence(_) => "Check-in cadence changed",
            StakeholderEdit::Channel(_) => "Channel changed",
            StakeholderEdit::OpenQuestions(_) => "Open questions changed",
            StakeholderEdit::Owner(_) => "Stakeholder owner changed",
        });
        get_stakeholder(w.conn(), id, today)?;
        let (col, value) = match change {
            StakeholderEdit::Name(v) => ("name", check_name(&v)?),
            StakeholderEdit::Why(v) => ("why", long("why", "Why they care", &v)?),
            StakeholderEdit::Success(v) => {
                ("success", long("success", "What success looks like", &v)?)
            }
            StakeholderEdit::Cadence(c) => ("cadence", c.as_str().to_owned()),
            StakeholderEdit::Channel(v) => ("channel", long("channel", "The channel", &v)?),
            StakeholderEdit::OpenQuestions(v) => (
                "open_questions",
                long("open_questions", "Risks / open questions", &v)?,
            ),
            StakeholderEdit::Owner(v) => {
                ("owner", validate::text("owner", "An owner", &v, OWNER_MAX)?)
            }
        };
        w.update("stakeholders", id, col, Value::Text(value))?;
        Ok(())
    })?;
    get_stakeholder(store.conn(), id, today)
}

/// Moves a stakeholder to `index` (0-based, clamped) and renumbers the others.
pub fn move_stakeholder(store: &mut Store, id: &str, index: i64) -> Result<Vec<Stakeholder>> {
    let today = store.clock().today();
    let s = get_stakeholder(store.conn(), id, today)?;
    store.write(|w| {
        w.label("Stakeholders reordered");
        let mut order: Vec<(String, i64)> = w
            .conn()
            .prepare_cached(
                "SELECT id, position FROM stakeholders WHERE project_id = ?1 AND deleted_at IS NULL
                 ORDER BY position, created_at",
            )?
            .query_map([&s.project_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let from = order
            .iter()
            .position(|(q, _)| q == id)
            .ok_or_else(|| Error::not_found("stakeholder", id))?;
        let moved = order.remove(from);
        let to = usize::try_from(index.max(0)).unwrap_or(0).min(order.len());
        order.insert(to, moved);
        for (i, (q, pos)) in order.iter().enumerate() {
            if *pos != i as i64 {
                w.update("stakeholders", q, "position", Value::Integer(i as i64))?;
            }
        }
        Ok(())
    })?;
    super::list_stakeholders(store.conn(), &s.project_id, today)
}

pub fn stakeholder_removal_impact(conn: &Connection, id: &str) -> Result<StakeholderRemoval> {
    let s = get_stakeholder(conn, id, chrono::NaiveDate::MIN)?;
    Ok(StakeholderRemoval {
        goals: crate::goals::goals_naming(conn, id)?
            .into_iter()
            .map(|(_, text)| text)
            .collect(),
        check_ins: s.check_ins.len() as u32,
        risks: s.risks.iter().map(|r| r.title.clone()).collect(),
    })
}

/// Removes a stakeholder and every goal's and risk's link to it, in one transaction. Check-ins stay in
/// the file with it (trash and undo can bring it back).
pub fn remove_stakeholder(store: &mut Store, id: &str) -> Result<()> {
    store.write(|w| {
        w.label("Stakeholder removed");
        crate::goals::unlink_stakeholder_in(w, id)?;
        crate::risks::unlink_stakeholder_in(w, id)?;
        w.soft_delete("stakeholders", id)
    })
}
