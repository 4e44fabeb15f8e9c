//! `northstar undo`, `northstar redo` and `northstar trash`: the window's Ctrl+Z, Ctrl+Shift+Z
//! and Trash view, on the same stack (the window and the command line share one history).

use super::UserError;
use clap::{Args, Subcommand};
use northstar_core::undo::{self, TrashEntry, UndoOutcome};
use northstar_core::Store;

#[derive(Debug, Args)]
pub struct StackArgs {
    /// Print what was undone or redone as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum TrashCommand {
    /// What is in the trash, newest first (the default).
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Bring a removal back whole, by the id `trash list` shows.
    Restore { id: String },
    /// Remove everything in the trash for good.
    Empty {
        /// Confirm: the rows cannot be brought back afterwards.
        #[arg(long)]
        yes: bool,
    },
}

pub fn undo(store: &mut Store, a: StackArgs) -> Result<String, UserError> {
    Ok(outcome(&undo::undo(store)?, a.json))
}

pub fn redo(store: &mut Store, a: StackArgs) -> Result<String, UserError> {
    Ok(outcome(&undo::redo(store)?, a.json))
}

fn outcome(o: &UndoOutcome, json: bool) -> String {
    if json {
        return super::pretty(&serde_json::json!(o));
    }
    match &o.note {
        Some(note) => format!("{}\n{note}\n", o.message),
        None => format!("{}\n", o.message),
    }
}

pub fn trash(store: &mut Store, c: Option<TrashCommand>) -> Result<String, UserError> {
    match c.unwrap_or(TrashCommand::List { json: false }) {
        TrashCommand::List { json: true } => Ok(super::pretty(&serde_json::json!(
            undo::list_trash(store.conn())?
        ))),
        TrashCommand::List { json: false } => Ok(list_text(&undo::list_trash(store.conn())?)),
        TrashCommand::Restore { id } => Ok(format!("{}\n", undo::restore(store, &id)?.message)),
        TrashCommand::Empty { yes: false } => {
            let n = undo::list_trash(store.conn())?.len();
            Err(UserError(match n {
                0 => "The trash is empty.".into(),
                n => format!(
                    "Emptying the trash removes {} for good. Run `northstar trash empty --yes` to do it.",
                    entries(n)
                ),
            }))
        }
        TrashCommand::Empty { yes: true } => {
            let p = undo::empty_trash(store)?;
            let mut s = format!("Emptied the trash: {}.\n", entries(p.entries as usize));
            if p.kept > 0 {
                s.push_str(&format!(
                    "{} kept out of sight: the assessment or review history still names {}.\n",
                    p.kept,
                    if p.kept == 1 { "it" } else { "them" }
                ));
            }
            Ok(s)
        }
    }
}

fn entries(n: usize) -> String {
    if n == 1 {
        "1 entry".into()
    } else {
        format!("{n} entries")
    }
}

fn list_text(list: &[TrashEntry]) -> String {
    if list.is_empty() {
        return "The trash is empty.\n".into();
    }
    let mut s = String::new();
    for e in list {
        let project = match (&e.project_name, e.kind) {
            (_, undo::TrashKind::Project) | (None, _) => String::new(),
            (Some(p), _) => format!(" · {p}"),
        };
        let took: Vec<String> = e
            .took
            .iter()
            .map(|t| format!("{} {}", t.count, t.what))
            .collect();
        let took = if took.is_empty() {
            String::new()
        } else {
            format!(" (with {})", took.join(", "))
        };
        s.push_str(&format!(
            "{}  {} {}{project}{took}  removed {}\n",
            e.id,
            kind_word(e.kind),
            quoted(&e.name),
            &e.deleted_at[..10.min(e.deleted_at.len())]
        ));
    }
    s
}

fn kind_word(k: undo::TrashKind) -> &'static str {
    match k {
        undo::TrashKind::Project => "Project",
        undo::TrashKind::Pillar => "Pillar",
        undo::TrashKind::Goal => "Goal",
        undo::TrashKind::Stakeholder => "Stakeholder",
        undo::TrashKind::Risk => "Risk",
        undo::TrashKind::ScanRow => "Scan row",
    }
}

fn quoted(s: &str) -> String {
    format!("“{s}”")
}
