//! Reading an export without building a tree of it: serde visitors hand each row to a sink as
//! soon as it is read, so memory holds one row at a time whatever the file's size, and a
//! failure anywhere stops the read with the line and column serde_json knows.

use super::rows::{clip, Cell, Row};
use crate::error::{Error, Result};
use crate::exchange::tables::{self, Scope};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// One carried change record.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct History {
    pub table: String,
    pub row: String,
    pub op: String,
    #[serde(default)]
    pub field: Option<String>,
    #[serde(default)]
    pub old: Option<String>,
    #[serde(default)]
    pub new: Option<String>,
    pub at: String,
    pub device: String,
}

/// What the top of the file says about itself.
#[derive(Debug, Default)]
pub(super) struct Header {
    pub format: Option<String>,
    pub version: Option<i64>,
    pub schema: Option<i64>,
}

/// What the read hands each part to, in file order.
pub(super) trait Sink {
    /// Called once, before the first regulation or project (or at the end of an empty file).
    fn header(&mut self, h: &Header) -> Result<()>;
    fn regulation(&mut self, row: Row) -> Result<()>;
    /// The project's own row; its tables and history follow.
    fn project(&mut self, row: Row) -> Result<()>;
    /// A row of `PROJECT_TABLES[table]`.
    fn row(&mut self, table: usize, row: Row) -> Result<()>;
    fn history(&mut self, h: History) -> Result<()>;
    fn project_end(&mut self) -> Result<()>;
}

/// Reads `bytes` into `sink`. A failure carries its line and column: the sink's own error
/// (keeping its kind) or serde_json's (a syntax, truncation or type error, as `Invalid`).
pub(super) fn parse<S: Sink>(bytes: &[u8], sink: &mut S) -> Result<()> {
    let mut feed = Feed {
        sink,
        failure: None,
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let res = Top(&mut feed).deserialize(&mut de).and_then(|()| de.end());
    res.map_err(|e| located(e, feed.failure.take()))
}

fn located(e: serde_json::Error, failure: Option<Error>) -> Error {
    let at = format!("line {}, column {}", e.line(), e.column());
    match failure {
        Some(Error::Invalid { field, reason }) => Error::Invalid {
            field,
            reason: format!("{at}: {reason}"),
        },
        Some(other) => other,
        None => {
            let full = e.to_string();
            let tail = format!(" at line {} column {}", e.line(), e.column());
            let msg = full.strip_suffix(&tail).unwrap_or(&full);
            let reason = match e.classify() {
                serde_json::error::Category::Eof => {
                    format!("the file ends too early, at {at} (is it cut short?): {msg}")
                }
                serde_json::error::Category::Syntax => {
                    format!("not a Northstar export: not valid JSON at {at} ({msg})")
                }
                _ => format!("{at}: {msg}"),
            };
            Error::invalid("file", reason)
        }
    }
}

struct Feed<'s, S> {
    sink: &'s mut S,
    failure: Option<Error>,
}

impl<S: Sink> Feed<'_, S> {
    /// Runs a sink call, keeping its error for [`parse`] and stopping serde with its message.
    fn call<E: de::Error>(&mut self, f: impl FnOnce(&mut S) -> Result<()>) -> Result<(), E> {
        f(self.sink).map_err(|e| {
            let msg = e.to_string();
            self.failure = Some(e);
            E::custom(msg)
        })
    }
}

struct Top<'f, 's, S>(&'f mut Feed<'s, S>);

impl<'de, S: Sink> DeserializeSeed<'de> for Top<'_, '_, S> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for Top<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Northstar export (a JSON object with \"format\": \"northstar\")")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let feed = self.0;
        let mut h = Header::default();
        let mut checked = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => h.format = Some(map.next_value()?),
                "version" => h.version = Some(map.next_value()?),
                "schema" => h.schema = Some(map.next_value()?),
                "exported_at" => {
                    map.next_value::<String>()?;
                }
                "regulations" | "projects" => {
                    if !checked {
                        feed.call(|s| s.header(&h))?;
                        checked = true;
                    }
                    if key == "projects" {
                        map.next_value_seed(Projects(&mut *feed))?;
                    } else {
                        map.next_value_seed(Rows {
                            feed: &mut *feed,
                            target: Target::Regulation,
                        })?;
                    }
                }
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown key “{}” at the top of the file",
                        clip(other)
                    )))
                }
            }
        }
        if !checked {
            feed.call(|s| s.header(&h))?;
        }
        Ok(())
    }
}

struct Projects<'f, 's, S>(&'f mut Feed<'s, S>);

impl<'de, S: Sink> DeserializeSeed<'de> for Projects<'_, '_, S> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for Projects<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of projects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(OneProject(&mut *self.0))?.is_some() {}
        Ok(())
    }
}

struct OneProject<'f, 's, S>(&'f mut Feed<'s, S>);

impl<'de, S: Sink> DeserializeSeed<'de> for OneProject<'_, '_, S> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for OneProject<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a project: an object with \"project\", \"tables\" and \"history\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let feed = self.0;
        let mut seen = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "project" => {
                    if seen {
                        return Err(de::Error::custom("a second “project” row in one project"));
                    }
                    map.next_value_seed(RowSeed {
                        feed: &mut *feed,
                        target: Target::Project,
                    })?;
                    seen = true;
                }
                "tables" | "history" if !seen => {
                    return Err(de::Error::custom(format!(
                        "“{key}” must come after the project's “project” row"
                    )))
                }
                "tables" => map.next_value_seed(TablesSeed(&mut *feed))?,
                "history" => map.next_value_seed(HistorySeed(&mut *feed))?,
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown key “{}” in a project",
                        clip(other)
                    )))
                }
            }
        }
        if !seen {
            return Err(de::Error::custom("a project without its “project” row"));
        }
        feed.call(|s| s.project_end())
    }
}

struct TablesSeed<'f, 's, S>(&'f mut Feed<'s, S>);

impl<'de, S: Sink> DeserializeSeed<'de> for TablesSeed<'_, '_, S> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for TablesSeed<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of tables, each a list of rows")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let table = tables::PROJECT_TABLES
                .iter()
                .position(|t| t.scope != Scope::Root && t.name == key)
                .ok_or_else(|| {
                    let known: Vec<&str> = tables::PROJECT_TABLES
                        .iter()
                        .filter(|t| t.scope != Scope::Root)
                        .map(|t| t.name)
                        .collect();
                    de::Error::custom(format!(
                        "unknown table “{}” (this version knows {})",
                        clip(&key),
                        known.join(", ")
                    ))
                })?;
            map.next_value_seed(Rows {
                feed: &mut *self.0,
                target: Target::Table(table),
            })?;
        }
        Ok(())
    }
}

/// Whose row a row is.
#[derive(Clone, Copy)]
enum Target {
    Regulation,
    Project,
    /// An index into `PROJECT_TABLES`.
    Table(usize),
}

/// A list of rows of one table.
struct Rows<'f, 's, S> {
    feed: &'f mut Feed<'s, S>,
    target: Target,
}

impl<'de, S: Sink> DeserializeSeed<'de> for Rows<'_, '_, S> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for Rows<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of rows")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let target = self.target;
        while seq
            .next_element_seed(RowSeed {
                feed: &mut *self.feed,
                target,
            })?
            .is_some()
        {}
        Ok(())
    }
}

struct HistorySeed<'f, 's, S>(&'f mut Feed<'s, S>);

impl<'de, S: Sink> DeserializeSeed<'de> for HistorySeed<'_, '_, S> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for HistorySeed<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of change records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(h) = seq.next_element::<History>()? {
            self.0.call(|s| s.history(h))?;
        }
        Ok(())
    }
}

/// One row, handed to the sink as soon as its closing brace is read: an error then carries
/// the row's own line (serde_json places it where reading stopped).
struct RowSeed<'f, 's, S> {
    feed: &'f mut Feed<'s, S>,
    target: Target,
}

impl<'de, S: Sink> DeserializeSeed<'de> for RowSeed<'_, '_, S> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for RowSeed<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a row: an object of column names and values")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut row = Vec::with_capacity(16);
        while let Some(entry) = map.next_entry::<String, Cell>()? {
            row.push(entry);
        }
        match self.target {
            Target::Regulation => self.feed.call(|s| s.regulation(row)),
            Target::Project => self.feed.call(|s| s.project(row)),
            Target::Table(t) => self.feed.call(|s| s.row(t, row)),
        }
    }
}
