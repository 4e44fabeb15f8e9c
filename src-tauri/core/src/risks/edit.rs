//! Adding, editing, closing, reopening and removing risks, with the rules the core enforces:
//! likelihood and impact whole numbers 1-5, a title, a closing note to close, links only
//! within the project, and links removed with the risk in the same transaction.

use super::links::{self, check_ends, set_links, GOALS, STAKEHOLDERS};
use super::{get_risk, Risk, RiskStatus, LONG_MAX, OWNER_MAX, TITLE_MAX};
use crate::error::{Error, Result};
use crate::store::{Store, Writer};
use crate::validate;
use rusqlite::types::Value;
use serde::Deserialize;
use ts_rs::TS;

#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewRisk {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// 1-5.
    pub likelihood: i64,
    /// 1-5.
    pub impact: i64,
    #[serde(default)]
    pub mitigation: String,
    #[serde(default)]
    pub owner: String,
    /// Open unless given; a new risk cannot start closed.
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<RiskStatus>,
    #[serde(default)]
    #[ts(optional)]
    pub review_date: Option<String>,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub stakeholders: Vec<String>,
}

impl Default for NewRisk {
    fn default() -> Self {
        NewRisk {
            title: String::new(),
            description: String::new(),
            likelihood: 3,
            impact: 3,
            mitigation: String::new(),
            owner: String::new(),
            status: None,
            review_date: None,
            goals: Vec::new(),
            stakeholders: Vec::new(),
        }
    }
}

/// One edited field of a risk. Numbers are checked here: the webview is not trusted.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum RiskEdit {
    Title(String),
    Description(String),
    Likelihood(i64),
    Impact(i64),
    Mitigation(String),
    Owner(String),
    /// Open, mitigating or accepted; closing goes through `Close`, which needs a note.
    Status(RiskStatus),
    ReviewDate(Option<String>),
    Goals(Vec<String>),
    Stakeholders(Vec<String>),
    /// Closes the risk with this closing note (or changes the note of a closed one).
    Close(String),
}

fn title(v: &str) -> Result<String> {
    validate::required("title", "A risk's title", v, TITLE_MAX)
}

fn long(field: &'static str, label: &str, v: &str) -> Result<String> {
    validate::text(field, label, v, LONG_MAX)
}

fn scale(field: &'static str, label: &str, v: i64) -> Result<Value> {
    if (1..=5).contains(&v) {
        Ok(Value::Integer(v))
    } else {
        Err(Error::invalid(
            field,
            format!("{label} must be a whole number from 1 to 5 (got {v})."),
        ))
    }
}

fn review_date(v: Option<&str>) -> Result<Value> {
    Ok(
        validate::optional_date("review_date", "The review date", v)?
            .map_or(Value::Null, |d| Value::Text(d.to_string())),
    )
}

fn not_closing(s: RiskStatus) -> Result<RiskStatus> {
    if s == RiskStatus::Closed {
        return Err(Error::invalid(
            "status",
            "Closing a risk needs a closing note: say why it no longer threatens the project.",
        ));
    }
    Ok(s)
}

fn closing_note(v: &str) -> Result<String> {
    validate::required("closing_note", "A closing note", v, LONG_MAX)
}

pub fn add_risk(store: &mut Store, project_id: &str, new: NewRisk) -> Result<Risk> {
    let id = store.write(|w| add_risk_in(w, project_id, new))?;
    get_risk(store.conn(), &id, store.clock().today())
}

/// Adds a risk inside a caller's transaction (the demo, an import, a benchmark's fixture) and
/// returns its id.
pub fn add_risk_in(w: &mut Writer<'_>, project_id: &str, new: NewRisk) -> Result<String> {
    w.label("Risk added");
    crate::project::get(w.conn(), project_id)?;
    let title = title(&new.title)?;
    let description = long("description", "A description", &new.description)?;
    let likelihood = scale("likelihood", "Likelihood", new.likelihood)?;
    let impact = scale("impact", "Impact", new.impact)?;
    let mitigation = long("mitigation", "A mitigation", &new.mitigation)?;
    let owner = validate::text("owner", "An owner", &new.owner, OWNER_MAX)?;
    let status = not_closing(new.status.unwrap_or(RiskStatus::Open))?;
    let review = review_date(new.review_date.as_deref())?;
    let goals = check_ends(w.conn(), GOALS, project_id, &new.goals)?;
    let people = check_ends(w.conn(), STAKEHOLDERS, project_id, &new.stakeholders)?;
    let search_key: i64 = w.conn().query_row(
        "SELECT coalesce(max(search_key), 0) + 1 FROM risks",
        [],
        |r| r.get(0),
    )?;
    let id = crate::new_id();
    let now = w.now().to_owned();
    w.insert(
        "risks",
        &id,
        &[
            ("project_id", Value::Text(project_id.to_owned())),
            ("title", Value::Text(title)),
            ("description", Value::Text(description)),
            ("likelihood", likelihood),
            ("impact", impact),
            ("mitigation", Value::Text(mitigation)),
            ("owner", Value::Text(owner)),
            ("status", Value::Text(status.as_str().into())),
            ("review_date", review),
            ("search_key", Value::Integer(search_key)),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )?;
    set_links(w, GOALS, &id, &goals)?;
    set_links(w, STAKEHOLDERS, &id, &people)?;
    Ok(id)
}

pub fn edit_risk(store: &mut Store, id: &str, change: RiskEdit) -> Result<Risk> {
    let today = store.clock().today();
    store.write(|w| edit_risk_in(w, id, change))?;
    get_risk(store.conn(), id, today)
}

/// Edits one field of a risk inside a caller's transaction (an import closing a risk).
pub(crate) fn edit_risk_in(w: &mut Writer<'_>, id: &str, change: RiskEdit) -> Result<()> {
    w.label(match &change {
        RiskEdit::Title(_) => "Risk renamed",
        RiskEdit::Description(_) => "Risk description changed",
        RiskEdit::Likelihood(_) => "Likelihood changed",
        RiskEdit::Impact(_) => "Impact changed",
        RiskEdit::Mitigation(_) => "Mitigation changed",
        RiskEdit::Owner(_) => "Risk owner changed",
        RiskEdit::Status(_) => "Risk status changed",
        RiskEdit::ReviewDate(_) => "Risk review date changed",
        RiskEdit::Goals(_) => "Risk goals changed",
        RiskEdit::Stakeholders(_) => "Risk stakeholders changed",
        RiskEdit::Close(_) => "Risk closed",
    });
    let today = w.today();
    let risk = get_risk(w.conn(), id, today)?;
    let (col, value) = match change {
        RiskEdit::Title(v) => ("title", Value::Text(title(&v)?)),
        RiskEdit::Description(v) => (
            "description",
            Value::Text(long("description", "A description", &v)?),
        ),
        RiskEdit::Likelihood(v) => ("likelihood", scale("likelihood", "Likelihood", v)?),
        RiskEdit::Impact(v) => ("impact", scale("impact", "Impact", v)?),
        RiskEdit::Mitigation(v) => (
            "mitigation",
            Value::Text(long("mitigation", "A mitigation", &v)?),
        ),
        RiskEdit::Owner(v) => (
            "owner",
            Value::Text(validate::text("owner", "An owner", &v, OWNER_MAX)?),
        ),
        RiskEdit::Status(s) => ("status", Value::Text(not_closing(s)?.as_str().into())),
        RiskEdit::ReviewDate(v) => ("review_date", review_date(v.as_deref())?),
        RiskEdit::Goals(ids) => {
            let ids = check_ends(w.conn(), GOALS, &risk.project_id, &ids)?;
            return set_links(w, GOALS, id, &ids);
        }
        RiskEdit::Stakeholders(ids) => {
            let ids = check_ends(w.conn(), STAKEHOLDERS, &risk.project_id, &ids)?;
            return set_links(w, STAKEHOLDERS, id, &ids);
        }
        RiskEdit::Close(note) => {
            let note = closing_note(&note)?;
            w.update("risks", id, "closing_note", Value::Text(note))?;
            ("status", Value::Text(RiskStatus::Closed.as_str().into()))
        }
    };
    w.update("risks", id, col, value)?;
    Ok(())
}

/// Removes a risk and its links in one transaction. The row stays in the file, soft-deleted,
/// so search no longer finds it but trash and undo can bring it back.
pub fn remove_risk(store: &mut Store, id: &str) -> Result<()> {
    let today = store.clock().today();
    store.write(|w| {
        w.label("Risk removed");
        get_risk(w.conn(), id, today)?;
        links::unlink_risk_in(w, id)?;
        w.soft_delete("risks", id)
    })
}

/// Turns the free text a goal held under "risks & mitigations" (typed before the register
/// existed) into a risk linked to that goal. "Risk: X → Mitigation: Y" becomes title X and
/// mitigation Y; other text titles the risk with its first line and is kept whole as the
/// description. The goal's text is cleared in the same transaction, so it lives on in one place.
pub fn risk_from_goal_text(store: &mut Store, goal_id: &str) -> Result<Risk> {
    let today = store.clock().today();
    let goal = crate::goals::get_goal(store.conn(), goal_id, today)?;
    let text = goal.risks_text.trim().to_owned();
    if text.is_empty() {
        return Err(Error::invalid(
            "risks_text",
            "This goal has no typed risks to turn into a risk.",
        ));
    }
    let new = from_text(&text, goal_id);
    let id = store.write(|w| {
        w.label("Risk made from a goal's text");
        let id = add_risk_in(w, &goal.project_id, new)?;
        w.update("goals", goal_id, "risks_text", Value::Text(String::new()))?;
        Ok(id)
    })?;
    get_risk(store.conn(), &id, today)
}

fn from_text(text: &str, goal_id: &str) -> NewRisk {
    let arrow = ["→", "->", "=>"]
        .iter()
        .find_map(|a| text.split_once(a))
        .filter(|_| text.to_lowercase().starts_with("risk"));
    let (title, mitigation) = match arrow {
        Some((risk, rest)) => (strip_label(risk, "risk"), strip_label(rest, "mitigation")),
        None => (
            text.lines().next().unwrap_or(text).trim().to_owned(),
            String::new(),
        ),
    };
    let short = shorten(&title, TITLE_MAX);
    // Unless title and mitigation hold the text word for word, it is kept whole as the
    // description.
    let kept = short == title && (arrow.is_some() || text == title);
    NewRisk {
        title: capitalise(&short),
        description: if kept { String::new() } else { text.to_owned() },
        mitigation: capitalise(&mitigation),
        goals: vec![goal_id.to_owned()],
        ..NewRisk::default()
    }
}

/// "Risk: an integration spikes" without its "Risk:" label.
fn strip_label(s: &str, label: &str) -> String {
    let s = s.trim();
    match s.get(..label.len()) {
        Some(head) if head.eq_ignore_ascii_case(label) => s[label.len()..]
            .trim_start_matches([':', ' '])
            .trim()
            .to_owned(),
        _ => s.to_owned(),
    }
}

/// At most `max` characters, cut at a word and marked with an ellipsis when cut.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max - 1).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
