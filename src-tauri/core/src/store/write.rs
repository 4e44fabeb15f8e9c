//! The one write path: every insert, update and delete goes through a [`Writer`], which appends
//! a change record (table, row, field, old and new value, time, device) in the same transaction.

use super::batch::{Batch, BatchKind, Committed};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// A change record from another workspace's log, for [`Writer::record_past`].
#[derive(Debug, Clone, Copy)]
pub struct PastChange<'a> {
    pub table: &'a str,
    pub row_id: &'a str,
    pub op: &'a str,
    pub field: Option<&'a str>,
    pub old: Option<&'a str>,
    pub new: Option<&'a str>,
    pub at: &'a str,
    pub device: &'a str,
}

pub struct Writer<'a> {
    tx: Transaction<'a>,
    now: String,
    today: NaiveDate,
    device: &'a str,
    batch: Batch,
}

impl<'a> Writer<'a> {
    pub(super) fn new(tx: Transaction<'a>, now: String, today: NaiveDate, device: &'a str) -> Self {
        Writer {
            tx,
            now,
            today,
            device,
            batch: Batch::new(),
        }
    }

    /// Commits, returning the batch written (None when nothing changed).
    pub(super) fn commit(self) -> Result<Option<Committed>> {
        let done = self.batch.finish(&self.tx)?;
        self.tx.commit()?;
        Ok(done)
    }

    /// Names this write in the user's words ("Score changed"), as undo and the trash show it.
    /// The first name given wins, so an import that adds pillars stays "Imported …".
    pub fn label(&mut self, label: impl Into<String>) {
        if self.batch.label.is_none() {
            self.batch.label = Some(label.into());
        }
    }

    /// Marks this write as the app's own (the demo, a reminder sent): never on the undo stack.
    pub fn system(&mut self) {
        self.batch.kind = BatchKind::System;
    }

    /// Makes this write an undo, redo, restore or purge acting on batch `target`.
    pub(crate) fn act_on(&mut self, kind: BatchKind, target: Option<&str>, label: String) {
        self.batch.kind = kind;
        self.batch.target = target.map(str::to_owned);
        self.batch.label = Some(label);
    }

    /// This write's batch id (its row exists once something changed).
    pub(crate) fn batch_id(&self) -> &str {
        &self.batch.id
    }

    /// Reads inside the transaction see what it has written so far.
    pub fn conn(&self) -> &Connection {
        &self.tx
    }

    /// The instant this transaction stamps on rows, RFC 3339 UTC.
    pub fn now(&self) -> &str {
        &self.now
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Inserts a row. `table` and column names are the code's own constants, never user text.
    pub fn insert(&mut self, table: &'static str, id: &str, cols: &[(&str, Value)]) -> Result<()> {
        let names: Vec<&str> = std::iter::once("id")
            .chain(cols.iter().map(|(c, _)| *c))
            .collect();
        let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            names.join(", "),
            marks.join(", ")
        );
        let values: Vec<Value> = std::iter::once(Value::Text(id.to_owned()))
            .chain(cols.iter().map(|(_, v)| v.clone()))
            .collect();
        self.tx
            .prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(values.iter()))?;
        let snapshot: serde_json::Map<String, serde_json::Value> = cols
            .iter()
            .map(|(c, v)| ((*c).to_owned(), json_of(v)))
            .collect();
        let new = serde_json::Value::Object(snapshot).to_string();
        self.record(table, id, "insert", None, None, Some(new))
    }

    /// Sets one field of a live row (and its `updated_at`); records old and new value.
    /// Returns false, writing nothing, when the value is unchanged.
    pub fn update(&mut self, table: &'static str, id: &str, col: &str, new: Value) -> Result<bool> {
        let old: Value = self
            .tx
            .prepare_cached(&format!(
                "SELECT {col} FROM {table} WHERE id = ?1 AND deleted_at IS NULL"
            ))?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::not_found(entity_name(table), id))?;
        if old == new {
            return Ok(false);
        }
        self.tx
            .prepare_cached(&format!(
                "UPDATE {table} SET {col} = ?1, updated_at = ?2 WHERE id = ?3"
            ))?
            .execute(params![new, self.now, id])?;
        self.record(table, id, "update", Some(col), text_of(&old), text_of(&new))?;
        Ok(true)
    }

    /// Marks a row deleted; it stays in the file (undo, trash, sync) until a purge.
    pub fn soft_delete(&mut self, table: &'static str, id: &str) -> Result<()> {
        let n = self
            .tx
            .prepare_cached(&format!(
                "UPDATE {table} SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL"
            ))?
            .execute(params![self.now, id])?;
        if n == 0 {
            return Err(Error::not_found(entity_name(table), id));
        }
        self.record(table, id, "delete", None, None, None)
    }

    /// Brings a soft-deleted row back; recorded as `deleted_at` set back to NULL.
    pub(crate) fn undelete(&mut self, table: &'static str, id: &str) -> Result<()> {
        let was: Option<String> = self
            .tx
            .prepare_cached(&format!(
                "SELECT deleted_at FROM {table} WHERE id = ?1 AND deleted_at IS NOT NULL"
            ))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let Some(was) = was else {
            return Err(Error::not_found(entity_name(table), id));
        };
        self.tx
            .prepare_cached(&format!(
                "UPDATE {table} SET deleted_at = NULL, updated_at = ?1 WHERE id = ?2"
            ))?
            .execute(params![self.now, id])?;
        self.record(table, id, "update", Some("deleted_at"), Some(was), None)
    }

    /// Removes a row for good (emptying the trash); recorded as a delete of field `purge`.
    /// Returns false, writing nothing, when the row is already gone.
    pub(crate) fn purge(&mut self, table: &'static str, id: &str) -> Result<bool> {
        let n = self
            .tx
            .prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?
            .execute([id])?;
        if n == 0 {
            return Ok(false);
        }
        self.record(table, id, "delete", Some("purge"), None, None)?;
        Ok(true)
    }

    /// Appends a change record made before this transaction (an imported row's history),
    /// keeping its time and device, so what the app reads back from the log (a risk's band
    /// change) reads the same in the workspace the row moved to.
    pub fn record_past(&mut self, c: &PastChange<'_>) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO changes (id, table_name, row_id, op, field, old_value, new_value, at, device)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                crate::new_id(),
                c.table,
                c.row_id,
                c.op,
                c.field,
                c.old,
                c.new,
                c.at,
                c.device
            ])?;
        Ok(())
    }

    fn record(
        &mut self,
        table: &str,
        id: &str,
        op: &str,
        field: Option<&str>,
        old: Option<String>,
        new: Option<String>,
    ) -> Result<()> {
        if self.batch.changes == 0 {
            self.batch.begin(&self.tx, &self.now, self.device)?;
        }
        self.batch.changes += 1;
        self.tx
            .prepare_cached(
                "INSERT INTO changes (id, table_name, row_id, op, field, old_value, new_value, at, device, batch, seq)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                crate::new_id(),
                table,
                id,
                op,
                field,
                old,
                new,
                self.now,
                self.device,
                self.batch.id,
                self.batch.changes
            ])?;
        Ok(())
    }
}

pub(crate) fn entity_name(table: &str) -> &'static str {
    match table {
        "projects" => "project",
        "pillars" => "pillar",
        "assessments" => "assessment",
        "goals" => "goal",
        "goal_readings" => "reading",
        "stakeholders" => "stakeholder",
        "stakeholder_check_ins" => "check-in",
        "risks" => "risk",
        "agenda_marks" => "agenda mark",
        "regulations" | "project_regulations" => "regulation",
        "scan_rows" => "scan row",
        "data_inventory" => "inventory row",
        "compliance_triggers" => "trigger",
        "vendors" => "vendor",
        "controls" => "control",
        "compliance_questions" => "question",
        "compliance_notes" => "compliance notes",
        "goal_stakeholders" | "risk_goals" | "risk_stakeholders" => "link",
        _ => "row",
    }
}

pub(crate) fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::Integer(i) => Some(i.to_string()),
        Value::Real(f) => Some(f.to_string()),
        Value::Text(s) => Some(s.clone()),
        Value::Blob(b) => Some(format!("<{} bytes>", b.len())),
    }
}

fn json_of(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => (*i).into(),
        Value::Real(f) => (*f).into(),
        Value::Text(s) => s.clone().into(),
        Value::Blob(b) => format!("<{} bytes>", b.len()).into(),
    }
}
