//! Names the core keeps unique (projects, pillars in a project, regulation codes, triggers and
//! vendors in a project): a row coming back, or a name set back, must not make two alike.

use crate::error::{Error, Result};
use crate::store::entity_name;
use rusqlite::{Connection, OptionalExtension};

/// (table, name column, scope column, only rows where)
const UNIQUE: &[(&str, &str, Option<&str>, &str)] = &[
    ("projects", "name", None, "archived = 0"),
    ("pillars", "name", Some("project_id"), "1"),
    ("regulations", "code", None, "1"),
    ("compliance_triggers", "standard", Some("project_id"), "1"),
    ("vendors", "name", Some("project_id"), "1"),
];

/// Refuses when `id` (coming back, or renamed back to `rename`'s name) would share its name
/// with another live row.
pub(super) fn check_free(
    conn: &Connection,
    table: &str,
    id: &str,
    rename: Option<(&str, &str)>,
) -> Result<()> {
    let Some(&(_, col, scope, only)) = UNIQUE.iter().find(|u| u.0 == table) else {
        return Ok(());
    };
    if rename.is_some_and(|(c, _)| c != col) {
        return Ok(());
    }
    let scope_col = scope.unwrap_or("NULL");
    let Some((name, scope_value, counts)): Option<(String, Option<String>, bool)> = conn
        .query_row(
            &format!("SELECT {col}, {scope_col}, {only} FROM {table} WHERE id = ?1"),
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
    else {
        return Ok(());
    };
    if !counts {
        // An archived project may share its name; it is checked when it comes out.
        return Ok(());
    }
    let name = rename.map_or(name, |(_, n)| n.to_owned());
    let wanted = name.to_lowercase();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {col} FROM {table}
         WHERE deleted_at IS NULL AND {only} AND id != ?1 AND {scope_col} IS ?2"
    ))?;
    let mut rows = stmt.query(rusqlite::params![id, scope_value])?;
    while let Some(r) = rows.next()? {
        let other: String = r.get(0)?;
        if other.to_lowercase() == wanted {
            return Err(Error::Conflict(format!(
                "This cannot come back: another {} is called “{other}” now. Rename it first; nothing was changed.",
                entity_name(table)
            )));
        }
    }
    Ok(())
}
