//! The import's two readers of the file: [`Check`] validates every row against the live schema
//! and collects ids without writing; [`Load`] writes each row through the store's `Writer`,
//! ids rewritten and links resolved by the plan the check made.

use super::parse::{Header, History, Sink};
use super::rows::{bad, check_id, clip, conform, text, Conformed, Row};
use super::{FORMAT, ID_MAX, TEXT_MAX, VERSION};
use crate::error::{Error, Result};
use crate::exchange::tables::{Column, Scope, Table, PROJECT_TABLES, REGULATIONS};
use crate::store::{PastChange, Writer, LATEST_VERSION};
use rusqlite::types::Value;
use std::collections::{HashMap, HashSet};

/// The live columns of every registry table, read once from the target workspace.
pub(super) struct Schema {
    pub tables: Vec<Vec<Column>>,
    pub regulations: Vec<Column>,
}

/// Which table and which of the file's projects an id belongs to.
#[derive(Debug, Clone, Copy)]
pub(super) struct Owner {
    pub table: u16,
    pub project: u32,
}

/// What the check learned, and what the write follows.
#[derive(Default)]
pub(super) struct Plan {
    pub ids: HashMap<String, Owner>,
    /// Old id → new id, when remapping.
    pub fresh: HashMap<String, String>,
    /// The file's library rows: (id, code).
    pub regs: Vec<(String, String)>,
    /// File regulation id → the id it takes here; absent from the map when it is added.
    pub reg_use: HashMap<String, String>,
    /// Regulation ids the workspace already holds.
    pub target_regs: HashSet<String>,
    /// (id in the file, name after any rename).
    pub projects: Vec<(String, String)>,
    pub counts: Vec<u32>,
    pub history: u32,
}

impl Plan {
    fn id<'p>(&'p self, old: &'p str) -> &'p str {
        self.fresh.get(old).map_or(old, String::as_str)
    }
}

/// Pass one: everything is checked, nothing is written.
pub(super) struct Check<'a> {
    pub schema: &'a Schema,
    pub plan: Plan,
    row_no: Vec<u32>,
}

impl<'a> Check<'a> {
    pub fn new(schema: &'a Schema) -> Check<'a> {
        Check {
            schema,
            plan: Plan {
                counts: vec![0; PROJECT_TABLES.len()],
                ..Plan::default()
            },
            row_no: vec![0; PROJECT_TABLES.len()],
        }
    }

    fn own(&mut self, id: String, table: usize) -> Result<()> {
        let project = self.plan.projects.len().saturating_sub(1) as u32;
        let owner = Owner {
            table: table as u16,
            project,
        };
        if self.plan.ids.insert(id.clone(), owner).is_some() {
            return Err(Error::invalid(
                "file",
                format!("the id {} appears twice in the file", clip(&id)),
            ));
        }
        Ok(())
    }
}

impl Sink for Check<'_> {
    fn header(&mut self, h: &Header) -> Result<()> {
        if h.format.as_deref() != Some(FORMAT) {
            return Err(Error::Refused(
                "This is not a Northstar export: it has no \"format\": \"northstar\" at the top."
                    .into(),
            ));
        }
        match h.version {
            Some(VERSION) => {}
            Some(v) if v > VERSION => {
                return Err(Error::Refused(format!(
                    "This export is format version {v}, newer than this app reads (version {VERSION}). Update Northstar to import it."
                )))
            }
            Some(v) => {
                return Err(Error::Refused(format!(
                    "This export's format version {v} is not one this app reads (it reads version {VERSION})."
                )))
            }
            None => return Err(Error::Refused("This export has no \"version\".".into())),
        }
        if let Some(s) = h.schema.filter(|s| *s > LATEST_VERSION) {
            return Err(Error::Refused(format!(
                "This export comes from a newer Northstar (schema {s}; this app knows up to {LATEST_VERSION}). Update Northstar to import it."
            )));
        }
        Ok(())
    }

    fn regulation(&mut self, row: Row) -> Result<()> {
        let n = self.plan.regs.len() as u32 + 1;
        let cols = &self.schema.regulations;
        let r = conform(&crate::exchange::tables::WORKSPACE_TABLES[0], cols, row, n)?;
        let code = text(&r.values, cols, "code").unwrap_or_default().to_owned();
        if self.plan.regs.iter().any(|(id, _)| *id == r.id) {
            return Err(bad(REGULATIONS, n, Some(&r.id), "the id appears twice"));
        }
        self.plan.regs.push((r.id, code));
        Ok(())
    }

    fn project(&mut self, row: Row) -> Result<()> {
        let n = self.plan.projects.len() as u32 + 1;
        let r = conform(&PROJECT_TABLES[0], &self.schema.tables[0], row, n)?;
        let name = text(&r.values, &self.schema.tables[0], "name").unwrap_or_default();
        self.plan.projects.push((r.id.clone(), name.to_owned()));
        self.plan.counts[0] += 1;
        self.row_no.iter_mut().for_each(|x| *x = 0);
        self.own(r.id, 0)
    }

    fn row(&mut self, table: usize, row: Row) -> Result<()> {
        let t = &PROJECT_TABLES[table];
        self.row_no[table] += 1;
        let n = self.row_no[table];
        let cols = &self.schema.tables[table];
        let r = conform(t, cols, row, n)?;
        let project = &self.plan.projects[self.plan.projects.len() - 1].0;
        match t.scope {
            Scope::Project if text(&r.values, cols, "project_id") != Some(project.as_str()) => {
                return Err(bad(
                    t.name,
                    n,
                    Some(&r.id),
                    "its project_id is not the project it is listed under",
                ))
            }
            Scope::Item { column } => {
                let item = text(&r.values, cols, column).unwrap_or_default();
                if !matches!(item.split_once(':'), Some((k, i)) if !k.is_empty() && !i.is_empty()) {
                    return Err(bad(
                        t.name,
                        n,
                        Some(&r.id),
                        format!("{column} is not kind:id"),
                    ));
                }
            }
            _ => {}
        }
        self.plan.counts[table] += 1;
        self.own(r.id, table)
    }

    fn history(&mut self, h: History) -> Result<()> {
        let fail = |reason: String| Error::invalid("file", format!("history: {reason}"));
        let t = PROJECT_TABLES
            .iter()
            .find(|t| t.name == h.table && !t.history.is_empty())
            .ok_or_else(|| fail(format!("no history is kept for “{}”", clip(&h.table))))?;
        check_id(&h.row).map_err(fail)?;
        if !["insert", "update", "delete"].contains(&h.op.as_str()) {
            return Err(fail(format!("unknown change “{}”", clip(&h.op))));
        }
        if let Some(f) = h.field.as_deref().filter(|f| !t.history.contains(f)) {
            return Err(fail(format!(
                "no history is kept for {}.{}",
                t.name,
                clip(f)
            )));
        }
        for v in [&h.old, &h.new].into_iter().flatten() {
            if v.chars().count() > TEXT_MAX {
                return Err(fail(format!("a value longer than {TEXT_MAX} characters")));
            }
        }
        if h.device.len() > ID_MAX || chrono::DateTime::parse_from_rfc3339(&h.at).is_err() {
            return Err(fail(format!("“{}” is not a time (RFC 3339)", clip(&h.at))));
        }
        self.plan.history += 1;
        Ok(())
    }

    fn project_end(&mut self) -> Result<()> {
        Ok(())
    }
}

/// Pass two, inside the one transaction: every row written, links resolved.
pub(super) struct Load<'a, 'w> {
    pub w: &'a mut Writer<'w>,
    pub schema: &'a Schema,
    pub plan: &'a Plan,
    /// Next value of each table's counters.
    pub counters: Vec<Vec<i64>>,
    pub counts: Vec<u32>,
    pub regs_added: u32,
    project: usize,
    row_no: Vec<u32>,
}

impl<'a, 'w> Load<'a, 'w> {
    pub fn new(w: &'a mut Writer<'w>, schema: &'a Schema, plan: &'a Plan) -> Result<Self> {
        let mut counters = Vec::new();
        for t in PROJECT_TABLES {
            let mut next = Vec::new();
            for c in t.counters {
                let max: i64 = w.conn().query_row(
                    &format!("SELECT coalesce(max({c}), 0) FROM {}", t.name),
                    [],
                    |r| r.get(0),
                )?;
                next.push(max + 1);
            }
            counters.push(next);
        }
        Ok(Load {
            w,
            schema,
            plan,
            counters,
            counts: vec![0; PROJECT_TABLES.len()],
            regs_added: 0,
            project: 0,
            row_no: vec![0; PROJECT_TABLES.len()],
        })
    }

    /// The id a link's value takes here, once it is known to name a row of `target` that
    /// belongs to the same project (or the workspace's library).
    fn resolve(&self, value: &str, target: &str) -> std::result::Result<String, String> {
        if target == REGULATIONS {
            if let Some(to) = self.plan.reg_use.get(value) {
                return Ok(to.clone());
            }
            if self.plan.regs.iter().any(|(id, _)| id == value)
                || self.plan.target_regs.contains(value)
            {
                return Ok(value.to_owned());
            }
            return Err(format!(
                "names regulation {}, which is neither in the file nor in this workspace",
                clip(value)
            ));
        }
        match self.plan.ids.get(value) {
            Some(o)
                if PROJECT_TABLES[o.table as usize].name == target
                    && o.project as usize == self.project =>
            {
                Ok(self.plan.id(value).to_owned())
            }
            Some(_) => Err(format!(
                "names {}, which is not a {target} row of this project",
                clip(value)
            )),
            None => Err(format!(
                "names a {target} row ({}) the file does not hold",
                clip(value)
            )),
        }
    }

    fn insert(&mut self, t: &'static Table, table: usize, r: Conformed, n: u32) -> Result<()> {
        let cols = if table == usize::MAX {
            &self.schema.regulations
        } else {
            &self.schema.tables[table]
        };
        let mut values = Vec::with_capacity(r.values.len() + 1);
        for (i, v) in r.values {
            let name = cols[i].name.as_str();
            let link = t.all_refs().find(|(c, _)| *c == name).map(|(_, to)| to);
            let v = match (v, link, t.scope) {
                (Value::Text(s), Some(to), _) => Value::Text(
                    self.resolve(&s, to)
                        .map_err(|e| bad(t.name, n, Some(&r.id), format!("{name} {e}")))?,
                ),
                (Value::Text(s), None, Scope::Item { column }) if column == name => {
                    let (kind, id) = s.split_once(':').unwrap_or_default();
                    let owned = self.plan.ids.get(id).map(|o| o.project as usize);
                    if owned != Some(self.project) {
                        return Err(bad(
                            t.name,
                            n,
                            Some(&r.id),
                            "names a row the file does not hold for this project",
                        ));
                    }
                    Value::Text(format!("{kind}:{}", self.plan.id(id)))
                }
                (v, ..) => v,
            };
            values.push((name, v));
        }
        if table != usize::MAX {
            for (k, c) in t.counters.iter().enumerate() {
                values.push((c, Value::Integer(self.counters[table][k])));
                self.counters[table][k] += 1;
            }
        }
        let id = if table == usize::MAX {
            r.id.clone()
        } else {
            self.plan.id(&r.id).to_owned()
        };
        self.w
            .insert(t.name, &id, &values)
            .map_err(|e| bad(t.name, n, Some(&r.id), e))
    }
}

impl Sink for Load<'_, '_> {
    fn header(&mut self, _: &Header) -> Result<()> {
        Ok(())
    }

    fn regulation(&mut self, row: Row) -> Result<()> {
        let t = &crate::exchange::tables::WORKSPACE_TABLES[0];
        let r = conform(t, &self.schema.regulations, row, 0)?;
        if self.plan.reg_use.contains_key(&r.id) {
            return Ok(()); // already in this workspace's library
        }
        self.regs_added += 1;
        self.insert(t, usize::MAX, r, self.regs_added)
    }

    fn project(&mut self, row: Row) -> Result<()> {
        let mut r = conform(&PROJECT_TABLES[0], &self.schema.tables[0], row, 1)?;
        self.project = self.plan.ids[&r.id].project as usize;
        let name = self.plan.projects[self.project].1.clone();
        let cols = &self.schema.tables[0];
        for (i, v) in r.values.iter_mut() {
            if cols[*i].name == "name" {
                *v = Value::Text(name.clone());
            }
        }
        self.row_no.iter_mut().for_each(|x| *x = 0);
        self.counts[0] += 1;
        self.insert(&PROJECT_TABLES[0], 0, r, 1)
    }

    fn row(&mut self, table: usize, row: Row) -> Result<()> {
        self.row_no[table] += 1;
        let n = self.row_no[table];
        let r = conform(&PROJECT_TABLES[table], &self.schema.tables[table], row, n)?;
        self.counts[table] += 1;
        self.insert(&PROJECT_TABLES[table], table, r, n)
    }

    fn history(&mut self, h: History) -> Result<()> {
        let owner = self.plan.ids.get(&h.row);
        let ok = owner.is_some_and(|o| {
            PROJECT_TABLES[o.table as usize].name == h.table && o.project as usize == self.project
        });
        if !ok {
            return Err(Error::invalid(
                "file",
                format!(
                    "history: names a {} row ({}) the file does not hold for this project",
                    clip(&h.table),
                    clip(&h.row)
                ),
            ));
        }
        self.w.record_past(&PastChange {
            table: &h.table,
            row_id: self.plan.id(&h.row),
            op: &h.op,
            field: h.field.as_deref(),
            old: h.old.as_deref(),
            new: h.new.as_deref(),
            at: &h.at,
            device: &h.device,
        })
    }

    fn project_end(&mut self) -> Result<()> {
        Ok(())
    }
}
