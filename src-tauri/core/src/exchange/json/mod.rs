//! JSON export and import of one project or the whole workspace: every stored field of every
//! table in the registry ([`super::tables`]), with a format version.
//!
//! The file, one row per line so a diff or an error's line number points at one row:
//!
//! ```text
//! { "format": "northstar", "version": 1, "schema": 5, "exported_at": "…",
//!   "regulations": [ {row}, … ],            the library rows the projects name
//!   "projects": [ { "project": {row},
//!                   "tables": { "pillars": [ {row}, … ], … every registry table … },
//!                   "history": [ {change}, … ] } ] }   what the app reads back from the log
//! ```
//!
//! A row is `{column: value}` with SQLite's values as JSON's: integers, reals, text, null.
//! Blobs are refused (no table holds one), as is text that is not UTF-8. Soft-deleted rows
//! travel (they are the trash and undo's material); deleted projects do not.
//!
//! Export streams row by row into any writer inside one read transaction, so a 50 MB
//! workspace is never held in memory whole; import ([`import`]) reads the bytes twice, to
//! validate and then to write, without building a tree of them.

mod import;
mod parse;
mod rows;
mod sample;
mod sinks;

pub use import::{
    import, preview, ImportedProject, JsonImportOptions, JsonImportPreview, JsonImportReport,
};
pub use sample::sample_workspace;

use super::tables::{self, Table, PROJECT_TABLES, WORKSPACE_TABLES};
use crate::error::{Error, Result};
use crate::store::Store;
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde::Serialize;
use std::io::Write;
use ts_rs::TS;

/// The `format` of every Northstar export.
pub const FORMAT: &str = "northstar";
/// The file layout's version; a file of another version is refused rather than half read.
pub const VERSION: i64 = 1;
/// The longest text one field may hold on import, in characters: the longest the app lets a
/// user type anywhere (a pillar's evidence).
pub const TEXT_MAX: usize = 20_000;
/// The longest id accepted on import (a UUID is 36; built-in rows have short names).
pub const ID_MAX: usize = 64;

/// How many rows of one table an export or import carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TableCount {
    pub table: String,
    pub rows: u32,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportSummary {
    pub projects: u32,
    /// Rows over every table, project rows and library rows included.
    pub rows: u32,
}

/// The export as bytes: one project (by id) or, with `None`, every project not deleted.
pub fn export(store: &Store, project: Option<&str>) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    export_to(store, project, &mut out)?;
    Ok(out)
}

/// Streams the export into `out`, from one consistent read of the workspace.
pub fn export_to(store: &Store, project: Option<&str>, out: impl Write) -> Result<ExportSummary> {
    // One read transaction: a window writing meanwhile cannot tear the file between tables.
    let tx = store.conn().unchecked_transaction()?;
    let conn: &Connection = &tx;
    let ids: Vec<String> = match project {
        Some(id) => vec![crate::project::get(conn, id)?.id],
        None => conn
            .prepare("SELECT id FROM projects WHERE deleted_at IS NULL ORDER BY created_at, id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?,
    };
    let schema: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut rows = 0u32;
    write!(
        w,
        "{{\n\"format\": \"{FORMAT}\",\n\"version\": {VERSION},\n\"schema\": {schema},\n\"exported_at\": \"{}\",\n",
        crate::clock::instant(store.clock().now())
    )?;
    let mut first = true;
    w.write_all(b"\"regulations\": [")?;
    for t in WORKSPACE_TABLES {
        let cols = tables::columns(conn, t)?;
        let sql = tables::select_sql(t, &cols);
        rows += write_rows(conn, &sql, project, t, &cols, "\n", &mut first, &mut w)?;
    }
    w.write_all(b"\n],\n\"projects\": [")?;
    let plan: Vec<(&Table, Vec<tables::Column>, String)> = PROJECT_TABLES
        .iter()
        .map(|t| {
            let cols = tables::columns(conn, t)?;
            let sql = tables::select_sql(t, &cols);
            Ok((t, cols, sql))
        })
        .collect::<Result<_>>()?;
    for (n, id) in ids.iter().enumerate() {
        w.write_all(if n == 0 { b"\n{\n" } else { b",\n{\n" })?;
        for (t, cols, sql) in &plan {
            let mut first = true;
            if t.scope == tables::Scope::Root {
                w.write_all(b"\"project\": ")?;
                rows += write_rows(conn, sql, Some(id), t, cols, "", &mut first, &mut w)?;
                w.write_all(b",\n\"tables\": {")?;
                continue;
            }
            let sep = if t.name == PROJECT_TABLES[1].name {
                "\n"
            } else {
                ",\n"
            };
            write!(w, "{sep}\"{}\": [", t.name)?;
            rows += write_rows(conn, sql, Some(id), t, cols, "\n", &mut first, &mut w)?;
            w.write_all(if first { b"]" } else { b"\n]" })?;
        }
        w.write_all(b"\n},\n\"history\": [")?;
        write_history(conn, id, &mut w)?;
        w.write_all(b"\n]\n}")?;
    }
    w.write_all(b"\n]\n}\n")?;
    w.flush()?;
    Ok(ExportSummary {
        projects: ids.len() as u32,
        rows,
    })
}

/// Writes each row `sql` returns as one JSON object, each preceded by `lead` (and a comma
/// after the first); returns how many.
#[allow(clippy::too_many_arguments)]
fn write_rows(
    conn: &Connection,
    sql: &str,
    project: Option<&str>,
    t: &Table,
    cols: &[tables::Column],
    lead: &str,
    first: &mut bool,
    w: &mut impl Write,
) -> Result<u32> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut q = stmt.query([project])?;
    let mut n = 0;
    while let Some(r) = q.next()? {
        if !*first {
            w.write_all(b",")?;
        }
        *first = false;
        w.write_all(lead.as_bytes())?;
        w.write_all(b"{")?;
        for (i, c) in cols.iter().enumerate() {
            if i > 0 {
                w.write_all(b",")?;
            }
            write!(w, "\"{}\":", c.name)?;
            match r.get_ref(i)? {
                ValueRef::Null => w.write_all(b"null")?,
                ValueRef::Integer(v) => write!(w, "{v}")?,
                ValueRef::Real(v) if v.is_finite() => serde_json::to_writer(&mut *w, &v)
                    .map_err(|e| Error::Io(std::io::Error::other(e)))?,
                ValueRef::Text(b) => {
                    let s = std::str::from_utf8(b)
                        .map_err(|_| unfit(t, r, &c.name, "text that is not UTF-8"))?;
                    serde_json::to_writer(&mut *w, s)
                        .map_err(|e| Error::Io(std::io::Error::other(e)))?;
                }
                ValueRef::Real(_) => {
                    return Err(unfit(t, r, &c.name, "a number that is not finite"))
                }
                ValueRef::Blob(_) => return Err(unfit(t, r, &c.name, "binary data")),
            }
        }
        w.write_all(b"}")?;
        n += 1;
    }
    Ok(n)
}

fn unfit(t: &Table, r: &rusqlite::Row<'_>, col: &str, what: &str) -> Error {
    let id: String = r.get(0).unwrap_or_default();
    Error::Refused(format!(
        "Cannot export: {}.{col} of row {id} holds {what}, which a JSON export does not carry.",
        t.name
    ))
}

/// The change records the app reads back as data, for the tables that keep such history:
/// each row's first insert (its creation day; an import adds a later one, which is not carried
/// again) and the changes of the listed fields. An insert's snapshot of the row is left out:
/// the row itself is in the file.
fn write_history(conn: &Connection, project_id: &str, w: &mut impl Write) -> Result<()> {
    let mut first = true;
    for t in PROJECT_TABLES.iter().filter(|t| !t.history.is_empty()) {
        let fields = t
            .history
            .iter()
            .map(|f| format!("'{f}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT c.row_id, c.op, c.field, c.old_value,
                    CASE WHEN c.op = 'insert' THEN NULL ELSE c.new_value END, c.at, c.device
             FROM {t} x JOIN changes c ON c.table_name = '{t}' AND c.row_id = x.id
             WHERE x.project_id = ?1 AND (c.field IN ({fields}) OR (c.op = 'insert'
                   AND NOT EXISTS (SELECT 1 FROM changes e
                       WHERE e.table_name = c.table_name AND e.row_id = c.row_id
                         AND e.op = 'insert' AND (e.at, e.id) < (c.at, c.id))))
             ORDER BY c.at, c.id",
            t = t.name
        ))?;
        let mut q = stmt.query([project_id])?;
        while let Some(r) = q.next()? {
            let text = |i: usize| r.get::<_, Option<String>>(i);
            let (row, op, field, old, new, at, device) = (
                text(0)?,
                text(1)?,
                text(2)?,
                text(3)?,
                text(4)?,
                text(5)?,
                text(6)?,
            );
            let entry = HistoryOut {
                table: t.name,
                row: row.as_deref().unwrap_or_default(),
                op: op.as_deref().unwrap_or_default(),
                field: field.as_deref(),
                old: old.as_deref(),
                new: new.as_deref(),
                at: at.as_deref().unwrap_or_default(),
                device: device.as_deref().unwrap_or_default(),
            };
            w.write_all(if first { b"\n" } else { b",\n" })?;
            first = false;
            serde_json::to_writer(&mut *w, &entry)
                .map_err(|e| Error::Io(std::io::Error::other(e)))?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct HistoryOut<'a> {
    table: &'a str,
    row: &'a str,
    op: &'a str,
    field: Option<&'a str>,
    old: Option<&'a str>,
    new: Option<&'a str>,
    at: &'a str,
    device: &'a str,
}

#[cfg(test)]
mod tests;
