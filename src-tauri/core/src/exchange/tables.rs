//! The one registry of what a project is made of: every project-scoped table, how its rows
//! belong to a project, which of its columns name other rows, in an order where a row comes
//! after the rows it names (the project's own leading goal and a review's "corrects" aside,
//! which the importer lets the transaction settle). JSON export and import walk this list and
//! nothing else, so a later area plugs in by adding its tables here; a test fails when a
//! migration adds a table that is neither here nor in [`LEFT_OUT`].
//!
//! The columns themselves are read from the live schema (`PRAGMA table_xinfo`), so a column a
//! migration adds travels without touching this file; generated columns (a risk's severity)
//! are left to SQLite to compute again.

use crate::error::Result;
use rusqlite::Connection;

/// How a table's rows belong to a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The `projects` table: the row is the project.
    Root,
    /// A `project_id` column names the project.
    Project,
    /// Through a parent row: `column` holds the id of a row of `table`, which is itself
    /// project-scoped.
    Parent {
        column: &'static str,
        table: &'static str,
    },
    /// `column` holds `kind:id`, naming a row of the project (the agenda's marks).
    Item { column: &'static str },
    /// Shared by the whole workspace (the regulation library): carried when a project's rows
    /// name it (and whole on a workspace export), matched on import by id, then by `key` among
    /// live rows ignoring case, and added only when neither matches.
    Workspace { key: &'static str },
}

/// One table the exchange formats carry.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    pub scope: Scope,
    /// Columns holding ids of other rows, with the table they name (rewritten when ids are
    /// remapped). A `Parent` scope's column is one of these implicitly.
    pub refs: &'static [(&'static str, &'static str)],
    /// This workspace's own numbering (the risk search index's row key): never exported, made
    /// anew on import as one more than the largest in use.
    pub counters: &'static [&'static str],
    /// Fields whose change records the app reads back as data (a risk's band change and
    /// history): those records travel with the rows, as does the row's insert record.
    pub history: &'static [&'static str],
}

impl Table {
    const fn project(name: &'static str) -> Table {
        Table {
            name,
            scope: Scope::Project,
            refs: &[],
            counters: &[],
            history: &[],
        }
    }

    const fn child(name: &'static str, column: &'static str, parent: &'static str) -> Table {
        Table {
            name,
            scope: Scope::Parent {
                column,
                table: parent,
            },
            refs: &[],
            counters: &[],
            history: &[],
        }
    }

    const fn refs(mut self, refs: &'static [(&'static str, &'static str)]) -> Table {
        self.refs = refs;
        self
    }

    /// Every column naming another row, the parent's included, with the table it names.
    pub fn all_refs(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        let parent = match self.scope {
            Scope::Parent { column, table } => Some((column, table)),
            Scope::Project => Some(("project_id", "projects")),
            _ => None,
        };
        parent.into_iter().chain(self.refs.iter().copied())
    }
}

pub const REGULATIONS: &str = "regulations";

/// The workspace-level tables a project's rows may name: exported when named, merged on import.
pub const WORKSPACE_TABLES: &[Table] = &[Table {
    name: REGULATIONS,
    scope: Scope::Workspace { key: "code" },
    refs: &[],
    counters: &[],
    history: &[],
}];

/// Every project-scoped table, parents before children. A new area adds its tables here.
pub const PROJECT_TABLES: &[Table] = &[
    Table {
        name: "projects",
        scope: Scope::Root,
        refs: &[("leading_goal_id", "goals")],
        counters: &[],
        history: &[],
    },
    // Scorecard.
    Table::project("pillars"),
    Table::project("assessments"),
    Table::child("assessment_scores", "assessment_id", "assessments")
        .refs(&[("pillar_id", "pillars")]),
    // North Star alignment and the stakeholder canvas.
    Table::project("goals"),
    Table::child("goal_readings", "goal_id", "goals"),
    Table::project("stakeholders"),
    Table::child("stakeholder_check_ins", "stakeholder_id", "stakeholders"),
    Table::child("goal_stakeholders", "goal_id", "goals")
        .refs(&[("stakeholder_id", "stakeholders")]),
    Table::project("first_week_ticks"),
    // Risks.
    Table {
        name: "risks",
        scope: Scope::Project,
        refs: &[],
        counters: &["search_key"],
        history: &["likelihood", "impact", "status", "closing_note"],
    },
    Table::child("risk_goals", "risk_id", "risks").refs(&[("goal_id", "goals")]),
    Table::child("risk_stakeholders", "risk_id", "risks")
        .refs(&[("stakeholder_id", "stakeholders")]),
    // Compliance.
    Table::project("compliance_notes"),
    Table::project("project_regulations").refs(&[("regulation_id", REGULATIONS)]),
    Table::project("scan_rows").refs(&[("regulation_id", REGULATIONS)]),
    Table::project("data_inventory"),
    Table::project("compliance_triggers"),
    Table::project("vendors"),
    Table::project("controls"),
    Table::project("compliance_questions"),
    Table::project("compliance_reviews").refs(&[("corrects", "compliance_reviews")]),
    // Agenda: marks name their item's row, so they come after every table with a date.
    Table {
        name: "agenda_marks",
        scope: Scope::Item { column: "item" },
        refs: &[],
        counters: &[],
        history: &[],
    },
];

/// Tables deliberately not exported, with the reason.
pub const LEFT_OUT: &[(&str, &str)] = &[
    (
        "changes",
        "the change log: the import writes its own records; only the history the app reads \
         back as data (a risk's) travels, with the rows",
    ),
    (
        "batches",
        "the undo steps of this workspace's change log, which does not travel either",
    ),
    (
        "settings",
        "this device's preferences and flags (device id, paper size, demo seeded)",
    ),
    (
        "reminders_sent",
        "what this device has notified; another workspace has notified nothing yet",
    ),
    (
        "risks_fts",
        "the search index, rebuilt from the risks by their triggers",
    ),
];

/// A table by name, project-scoped or workspace-level.
pub fn table(name: &str) -> Option<&'static Table> {
    PROJECT_TABLES
        .iter()
        .chain(WORKSPACE_TABLES)
        .find(|t| t.name == name)
}

/// Declared type of a column, as SQLite's affinity rules read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Affinity {
    Integer,
    Real,
    Text,
    /// No declared type, or one SQLite treats as numeric: any scalar is kept as given.
    Any,
}

/// One carried column of a table, as the live schema declares it.
#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    pub affinity: Affinity,
    pub not_null: bool,
    pub has_default: bool,
}

/// The columns a table carries: every stored, visible column but the counters. Generated
/// columns (hidden 2 and 3) and hidden virtual-table columns (1) are left out.
pub fn columns(conn: &Connection, t: &Table) -> Result<Vec<Column>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_xinfo({})", t.name))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let name: String = r.get("name")?;
        let hidden: i64 = r.get("hidden")?;
        if hidden != 0 || t.counters.contains(&name.as_str()) {
            continue;
        }
        let declared: String = r.get("type")?;
        out.push(Column {
            affinity: affinity(&declared),
            not_null: r.get::<_, i64>("notnull")? != 0 || r.get::<_, i64>("pk")? != 0,
            has_default: r.get::<_, Option<String>>("dflt_value")?.is_some(),
            name,
        });
    }
    Ok(out)
}

/// SQLite's rules for a declared type (section 3.1 of its datatype page), as far as ours go.
fn affinity(declared: &str) -> Affinity {
    let t = declared.to_ascii_uppercase();
    if t.contains("INT") {
        Affinity::Integer
    } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
        Affinity::Text
    } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
        Affinity::Real
    } else {
        Affinity::Any
    }
}

/// The query reading one project's rows of `t` (the project's id is `?1`), oldest first.
pub(crate) fn select_sql(t: &Table, cols: &[Column]) -> String {
    let list = cols
        .iter()
        .map(|c| format!("x.{}", c.name))
        .collect::<Vec<_>>()
        .join(", ");
    let order = "ORDER BY x.created_at, x.id";
    match t.scope {
        Scope::Root => format!("SELECT {list} FROM projects x WHERE x.id = ?1"),
        Scope::Project => {
            format!(
                "SELECT {list} FROM {} x WHERE x.project_id = ?1 {order}",
                t.name
            )
        }
        Scope::Parent { column, table } => format!(
            "SELECT {list} FROM {} x JOIN {table} p ON p.id = x.{column}
             WHERE p.project_id = ?1 {order}",
            t.name
        ),
        Scope::Item { column } => {
            let owned = PROJECT_TABLES
                .iter()
                .filter(|o| o.scope == Scope::Project)
                .map(|o| format!("SELECT id FROM {} WHERE project_id = ?1", o.name))
                .collect::<Vec<_>>()
                .join(" UNION ALL ");
            format!(
                "SELECT {list} FROM {} x
                 WHERE substr(x.{column}, instr(x.{column}, ':') + 1) IN ({owned}) {order}",
                t.name
            )
        }
        // The rows any exported project names, and on a whole-workspace export (`?1` null) the
        // live ones too.
        Scope::Workspace { .. } => {
            let named = PROJECT_TABLES
                .iter()
                .flat_map(|o| o.refs.iter().map(move |r| (o, r)))
                .filter(|(o, (_, target))| *target == t.name && o.scope == Scope::Project)
                .map(|(o, (c, _))| {
                    format!(
                        "SELECT {c} FROM {} WHERE project_id IN (SELECT id FROM projects
                         WHERE deleted_at IS NULL AND (?1 IS NULL OR id = ?1))",
                        o.name
                    )
                })
                .collect::<Vec<_>>()
                .join(" UNION ");
            format!(
                "SELECT {list} FROM {} x WHERE x.id IN ({named})
                    OR (?1 IS NULL AND x.deleted_at IS NULL) {order}",
                t.name
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// A migration that adds a table must say here whether it travels with a project.
    #[test]
    fn every_table_is_exported_or_left_out_on_purpose() {
        let s = crate::testing::store();
        let conn = s.conn();
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        let names: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let virtual_tables: Vec<&str> = LEFT_OUT
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| n.ends_with("_fts"))
            .collect();
        let unknown: Vec<&String> = names
            .iter()
            .filter(|n| table(n).is_none())
            .filter(|n| !LEFT_OUT.iter().any(|(l, _)| l == n))
            // FTS5 keeps its index in shadow tables named after it.
            .filter(|n| {
                !virtual_tables
                    .iter()
                    .any(|v| n.starts_with(&format!("{v}_")))
            })
            .filter(|n| !n.starts_with("sqlite_"))
            .collect();
        assert!(
            unknown.is_empty(),
            "tables neither in exchange::tables nor LEFT_OUT: {unknown:?}"
        );
        for t in PROJECT_TABLES.iter().chain(WORKSPACE_TABLES) {
            assert!(names.iter().any(|n| n == t.name), "{} is gone", t.name);
        }
    }

    /// Every column that names another row is declared, so remapping ids misses none; and every
    /// declared one exists.
    #[test]
    fn every_id_column_is_known() {
        let s = crate::testing::store();
        let mut seen = HashSet::new();
        for t in PROJECT_TABLES.iter().chain(WORKSPACE_TABLES) {
            assert!(seen.insert(t.name), "{} twice", t.name);
            let cols = columns(s.conn(), t).unwrap();
            let has = |c: &str| cols.iter().any(|x| x.name == c);
            assert!(has("id") && has("created_at"), "{}", t.name);
            let declared: Vec<&str> = t.all_refs().map(|(c, _)| c).collect();
            for (c, target) in t.all_refs() {
                assert!(has(c), "{}.{c} does not exist", t.name);
                assert!(table(target).is_some(), "{}.{c} names {target}", t.name);
            }
            if let Scope::Parent { table: parent, .. } = t.scope {
                let p = table(parent).unwrap();
                assert_eq!(p.scope, Scope::Project, "{} nests too deep", t.name);
                let at = |n: &str| PROJECT_TABLES.iter().position(|x| x.name == n);
                assert!(at(parent) < at(t.name), "{} before its parent", t.name);
            }
            for c in &cols {
                let looks_like_ref = c.name.ends_with("_id") || c.name == "corrects";
                assert!(
                    !looks_like_ref || declared.contains(&c.name.as_str()),
                    "{}.{} looks like a link but is not declared in refs",
                    t.name,
                    c.name
                );
            }
        }
        // The export's queries rely on these: a table naming the library, or keeping history,
        // has its own project_id.
        for t in PROJECT_TABLES {
            let names_library = t.refs.iter().any(|(_, to)| {
                table(to).is_some_and(|x| matches!(x.scope, Scope::Workspace { .. }))
            });
            if names_library || !t.history.is_empty() {
                assert_eq!(t.scope, Scope::Project, "{}", t.name);
            }
        }
        // The generated severity is recomputed, never carried.
        let risks = columns(s.conn(), table("risks").unwrap()).unwrap();
        assert!(!risks
            .iter()
            .any(|c| c.name == "severity" || c.name == "search_key"));
    }
}
