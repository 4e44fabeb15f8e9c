//! Import: the whole file is read once to check it (format, version, every row's columns,
//! types and sizes, ids), then clashes with this workspace are looked for, then the file is
//! read again and written in one transaction through the store's `Writer`, so the change log
//! sees every row and a failure anywhere writes nothing.
//!
//! A project whose name a live project here already has is refused (import it renamed); so is
//! a file whose ids are already here (it was imported or exported here before), unless ids are
//! remapped: every row then gets a fresh UUID v7 and every link follows. Regulations the rows
//! name join this workspace's library: the same id, else the same code, else added.

use super::parse;
use super::sinks::{Check, Load, Plan, Schema};
use super::TableCount;
use crate::error::{Error, Result};
use crate::exchange::tables::{self, PROJECT_TABLES, REGULATIONS, WORKSPACE_TABLES};
use crate::store::Store;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct JsonImportOptions {
    /// A new name for the file's one project (refused when the file holds several).
    #[serde(default)]
    #[ts(optional)]
    pub rename: Option<String>,
    /// Give every row a fresh id and rewrite the links, so a file can come in again as a copy.
    #[serde(default)]
    pub remap_ids: bool,
    /// The file's name, which every message about its content starts with.
    #[serde(default)]
    #[ts(optional)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportedProject {
    /// The id it has in this workspace (a fresh one when remapped).
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JsonImportReport {
    pub projects: Vec<ImportedProject>,
    /// Rows written per table, in the registry's order (tables with none left out).
    pub tables: Vec<TableCount>,
    /// Regulations added to the library (those it already had are used as they are).
    pub regulations_added: u32,
    /// Change records carried (a risk's history).
    pub history: u32,
    pub remapped: bool,
}

/// What importing a file would do, for the UI to ask before it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JsonImportPreview {
    /// The file's projects, with their ids in the file and names after any rename.
    pub projects: Vec<ImportedProject>,
    /// Names a live project here already has: import under another name.
    pub name_clashes: Vec<String>,
    /// Rows of this file are already here: import with ids remapped.
    pub ids_present: bool,
    pub tables: Vec<TableCount>,
}

/// Checks a file and says what importing it would do, writing nothing. Malformed files fail
/// here as they would on import; clashes are reported, not refused.
pub fn preview(store: &Store, bytes: &[u8], opts: &JsonImportOptions) -> Result<JsonImportPreview> {
    let src = opts.source.as_deref();
    let schema = schema(store.conn())?;
    let (plan, clashes, present) =
        check(store.conn(), &schema, bytes, opts).map_err(|e| in_file(e, src))?;
    Ok(JsonImportPreview {
        projects: named(&plan, |p| p.0.clone()),
        name_clashes: clashes,
        ids_present: present,
        tables: counts(&plan.counts),
    })
}

/// Imports a file made by [`super::export`]: all of it, or nothing.
pub fn import(
    store: &mut Store,
    bytes: &[u8],
    opts: JsonImportOptions,
) -> Result<JsonImportReport> {
    let src = opts.source.as_deref();
    let schema = schema(store.conn())?;
    let (mut plan, clashes, present) =
        check(store.conn(), &schema, bytes, &opts).map_err(|e| in_file(e, src))?;
    if !clashes.is_empty() {
        let names = clashes
            .iter()
            .map(|n| format!("“{n}”"))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Error::Conflict(if plan.projects.len() == 1 {
            format!("A project called {names} is already in this workspace. Import it under another name (--rename NEW).")
        } else {
            format!("Projects called {names} are already in this workspace. Rename or delete them first, or import the projects one at a time (--rename NEW).")
        }));
    }
    if present && !opts.remap_ids {
        return Err(Error::Conflict(
            "This workspace already holds rows of this file: it was imported or exported here before. Import it as a copy with fresh ids (--remap-ids)."
                .into(),
        ));
    }
    if opts.remap_ids {
        // In the old ids' order, so rows that tie on time still sort as they did.
        let mut old: Vec<&String> = plan.ids.keys().collect();
        old.sort();
        let fresh = old
            .into_iter()
            .map(|k| (k.clone(), crate::new_id()))
            .collect();
        plan.fresh = fresh;
    }
    let (counts_written, regs_added) = store
        .write(|w| {
            w.label("Imported from JSON");
            // Links settle at commit: a project names its leading goal, which comes after it.
            w.conn().execute_batch("PRAGMA defer_foreign_keys = ON")?;
            let mut load = Load::new(w, &schema, &plan)?;
            parse::parse(bytes, &mut load)?;
            Ok((load.counts, load.regs_added))
        })
        .map_err(|e| in_file(e, src))?;
    Ok(JsonImportReport {
        projects: named(&plan, |p| plan.fresh.get(&p.0).unwrap_or(&p.0).clone()),
        tables: counts(&counts_written),
        regulations_added: regs_added,
        history: plan.history,
        remapped: opts.remap_ids,
    })
}

fn named(plan: &Plan, id: impl Fn(&(String, String)) -> String) -> Vec<super::ImportedProject> {
    plan.projects
        .iter()
        .map(|p| super::ImportedProject {
            id: id(p),
            name: p.1.clone(),
        })
        .collect()
}

fn counts(c: &[u32]) -> Vec<TableCount> {
    PROJECT_TABLES
        .iter()
        .zip(c)
        .filter(|(_, n)| **n > 0)
        .map(|(t, n)| TableCount {
            table: t.name.to_owned(),
            rows: *n,
        })
        .collect()
}

fn schema(conn: &Connection) -> Result<Schema> {
    Ok(Schema {
        tables: PROJECT_TABLES
            .iter()
            .map(|t| tables::columns(conn, t))
            .collect::<Result<_>>()?,
        regulations: tables::columns(conn, &WORKSPACE_TABLES[0])?,
    })
}

/// Pass one and the look for clashes: the plan, the names taken, whether ids are present.
fn check(
    conn: &Connection,
    schema: &Schema,
    bytes: &[u8],
    opts: &JsonImportOptions,
) -> Result<(Plan, Vec<String>, bool)> {
    let mut c = Check::new(schema);
    parse::parse(bytes, &mut c)?;
    let mut plan = c.plan;
    if let Some(new) = &opts.rename {
        if plan.projects.len() != 1 {
            return Err(Error::invalid(
                "rename",
                format!(
                    "Renaming needs a file with one project; this one holds {}.",
                    plan.projects.len()
                ),
            ));
        }
        plan.projects[0].1 = new.clone();
    }
    for p in &mut plan.projects {
        p.1 = crate::validate::required("name", "A project name", &p.1, crate::project::NAME_MAX)?;
    }
    let taken: HashMap<String, String> = conn
        .prepare("SELECT name FROM projects WHERE deleted_at IS NULL")?
        .query_map([], |r| r.get::<_, String>(0))?
        .map(|n| n.map(|n| (n.to_lowercase(), n)))
        .collect::<rusqlite::Result<_>>()?;
    let clashes = plan
        .projects
        .iter()
        .filter_map(|p| taken.get(&p.1.to_lowercase()).cloned())
        .collect();
    let present = ids_present(conn, &plan)?;
    plan_regulations(conn, &mut plan)?;
    Ok((plan, clashes, present))
}

/// Whether any id of the file is already a row here (deleted rows count: the key is taken).
fn ids_present(conn: &Connection, plan: &Plan) -> Result<bool> {
    let mut by_table: Vec<Vec<&str>> = vec![Vec::new(); PROJECT_TABLES.len()];
    for (id, o) in &plan.ids {
        by_table[o.table as usize].push(id);
    }
    for (t, ids) in PROJECT_TABLES.iter().zip(&by_table) {
        for chunk in ids.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let found: Option<i64> = conn
                .prepare_cached(&format!(
                    "SELECT 1 FROM {} WHERE id IN ({marks}) LIMIT 1",
                    t.name
                ))?
                .query_row(rusqlite::params_from_iter(chunk), |r| r.get(0))
                .ok();
            if found.is_some() {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Decides, for each library row of the file, which row of this workspace it becomes.
fn plan_regulations(conn: &Connection, plan: &mut Plan) -> Result<()> {
    let mut by_code: HashMap<String, String> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT id, code, deleted_at IS NULL FROM {REGULATIONS} ORDER BY created_at, id"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        if r.get::<_, bool>(2)? {
            by_code
                .entry(r.get::<_, String>(1)?.to_lowercase())
                .or_insert_with(|| id.clone());
        }
        plan.target_regs.insert(id);
    }
    for (id, code) in &plan.regs {
        if plan.target_regs.contains(id) {
            plan.reg_use.insert(id.clone(), id.clone());
        } else if let Some(to) = by_code.get(&code.to_lowercase()) {
            plan.reg_use.insert(id.clone(), to.clone());
        } else {
            // Added; a second row of the file with its code becomes this one.
            by_code.insert(code.to_lowercase(), id.clone());
        }
    }
    Ok(())
}

/// Starts a message about the file's content with the file's name.
fn in_file(e: Error, source: Option<&str>) -> Error {
    let Some(src) = source else { return e };
    match e {
        Error::Invalid { field, reason } => Error::Invalid {
            field,
            reason: format!("{src}: {reason}"),
        },
        Error::Refused(m) => Error::Refused(format!("{src}: {m}")),
        other => other,
    }
}
