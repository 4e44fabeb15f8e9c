//! An (id, name) pair: what one area shows of another's rows (the goal's stakeholder picker,
//! the goals that name a stakeholder), so a page never reads a whole other area to label links.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// Runs a query whose two columns are the id and the name, with one parameter.
pub(crate) fn query(
    conn: &rusqlite::Connection,
    sql: &str,
    param: &str,
) -> crate::Result<Vec<Named>> {
    Ok(conn
        .prepare_cached(sql)?
        .query_map([param], |r| {
            Ok(Named {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}
