//! One row of an export: its values as JSON holds them, and the check of a row against its
//! table's live columns (names, types, sizes, id) that both import passes share.

use super::{ID_MAX, TEXT_MAX};
use crate::error::{Error, Result};
use crate::exchange::tables::{Affinity, Column, Table};
use rusqlite::types::Value;
use serde::de::{self, Visitor};
use serde::Deserialize;
use std::fmt;

/// One value of a row, as JSON can hold it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// A row as read: column names and values, in the file's order.
pub(super) type Row = Vec<(String, Cell)>;

/// A row checked against its table's columns: the id, and the other values given, in schema
/// order; columns the row leaves out take their defaults.
pub(super) struct Conformed {
    pub id: String,
    pub values: Vec<(usize, Value)>,
}

pub(super) fn bad(table: &str, n: u32, id: Option<&str>, reason: impl std::fmt::Display) -> Error {
    let id = id.map(|i| format!(" (id {})", clip(i))).unwrap_or_default();
    Error::invalid("file", format!("table {table}, row {n}{id}: {reason}"))
}

pub(super) fn conform(t: &Table, cols: &[Column], row: Row, n: u32) -> Result<Conformed> {
    let mut slots: Vec<Option<Value>> = vec![None; cols.len()];
    let id_at = |row: &Row| {
        row.iter().find_map(|(k, v)| match v {
            Cell::Text(s) if k == "id" => Some(s.clone()),
            _ => None,
        })
    };
    let row_id = id_at(&row);
    let fail = |reason: String| bad(t.name, n, row_id.as_deref(), reason);
    for (name, cell) in row {
        let Some(i) = cols.iter().position(|c| c.name == name) else {
            if t.counters.contains(&name.as_str()) {
                continue; // made anew here
            }
            return Err(fail(format!("unknown column “{}”", clip(&name))));
        };
        if slots[i].is_some() {
            return Err(fail(format!("column {name} appears twice")));
        }
        let v = value_of(&cols[i], cell).map_err(|r| fail(format!("column {name}: {r}")))?;
        slots[i] = Some(v);
    }
    let id = match cols
        .iter()
        .position(|c| c.name == "id")
        .and_then(|i| slots[i].take())
    {
        Some(Value::Text(id)) => check_id(&id).map(|()| id).map_err(&fail)?,
        _ => return Err(fail("the row has no id (text)".into())),
    };
    if let Some(c) = cols
        .iter()
        .zip(&slots)
        .find(|(c, v)| v.is_none() && c.not_null && !c.has_default && c.name != "id")
    {
        return Err(fail(format!("column {} is missing", c.0.name)));
    }
    let values = slots
        .into_iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    Ok(Conformed { id, values })
}

fn value_of(col: &Column, cell: Cell) -> std::result::Result<Value, String> {
    use Affinity::*;
    match (cell, col.affinity) {
        (Cell::Null, _) if col.not_null => Err("cannot be null".into()),
        (Cell::Null, _) => Ok(Value::Null),
        (Cell::Int(i), Integer | Real | Any) => Ok(Value::Integer(i)),
        (Cell::Real(f), Real | Any) => Ok(Value::Real(f)),
        (Cell::Real(f), Integer) => Err(format!("expected a whole number, got {f}")),
        (Cell::Text(s), Text | Any) => {
            if s.len() > TEXT_MAX {
                let n = s.chars().count();
                if n > TEXT_MAX {
                    return Err(format!(
                        "text of {n} characters; a field holds at most {TEXT_MAX}"
                    ));
                }
            }
            Ok(Value::Text(s))
        }
        (Cell::Text(s), _) => Err(format!("expected a number, got text “{}”", clip(&s))),
        (Cell::Int(_) | Cell::Real(_), Text) => Err("expected text, got a number".into()),
    }
}

pub(super) fn check_id(id: &str) -> std::result::Result<(), String> {
    if id.is_empty() || id.len() > ID_MAX || !id.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(format!(
            "the id “{}” is not one (1 to {ID_MAX} letters, digits or marks)",
            clip(id)
        ));
    }
    Ok(())
}

pub(super) fn text<'v>(
    values: &'v [(usize, Value)],
    cols: &[Column],
    name: &str,
) -> Option<&'v str> {
    values.iter().find_map(|(i, v)| match v {
        Value::Text(s) if cols[*i].name == name => Some(s.as_str()),
        _ => None,
    })
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Cell, D::Error> {
        d.deserialize_any(CellVisitor)
    }
}

struct CellVisitor;

impl Visitor<'_> for CellVisitor {
    type Value = Cell;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, text or null")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Cell, E> {
        Ok(Cell::Int(i64::from(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
        Ok(Cell::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
        i64::try_from(v)
            .map(Cell::Int)
            .map_err(|_| E::custom(format!("the number {v} is too large")))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
        Ok(Cell::Real(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
        Ok(Cell::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Cell, E> {
        Ok(Cell::Text(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }
}

/// User text quoted in a message, cut short: a key of megabytes makes no better message.
pub(super) fn clip(s: &str) -> String {
    const MAX: usize = 60;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}
