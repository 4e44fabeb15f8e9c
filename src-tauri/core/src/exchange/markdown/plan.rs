//! The import plan: files → blocks → per block its area, the rows it will create and the rows
//! it skips with a reason. Pure: nothing here reads or writes the store, so the window can
//! show the plan before the user says yes, and the CLI's `--dry-run` prints it.

use super::parse::{self, Block, CheckList, Field, Row, Table};
use super::recognise::{self, Recognised};
use super::rows::{self, Cells};
use super::values::{clip, placeholder};
use super::{
    BlockKind, ImportArea, ImportPlan, NewRow, PlannedRow, SkippedRow, TablePlan, CELL_MAX,
    FILE_MAX,
};
use crate::error::{Error, Result};
use std::collections::HashMap;

/// Reads worksheets and says what importing them would do. A file that is not text (not
/// UTF-8, or holding NUL bytes) or is larger than [`FILE_MAX`] fails the whole plan with its
/// name and line; anything wrong inside a table skips that row with a reason.
pub fn plan(files: &[(String, Vec<u8>)]) -> Result<ImportPlan> {
    let mut tables = Vec::new();
    let mut seen = Seen::default();
    for (name, bytes) in files {
        let text = decode(name, bytes)?;
        for block in parse::blocks(&text) {
            let t = match block {
                Block::Table(t) => table(name, t, &mut seen),
                Block::CheckList(l) => checklist(name, l, &mut seen),
                Block::Field(f) => match field(name, f, &mut seen) {
                    Some(t) => t,
                    None => continue,
                },
            };
            merge_or_push(&mut tables, t);
        }
    }
    let creates = tables.iter().map(|t: &TablePlan| t.rows.len() as u32).sum();
    let skips = tables.iter().map(|t| t.skipped.len() as u32).sum();
    Ok(ImportPlan {
        tables,
        creates,
        skips,
    })
}

/// Consecutive "Key: value" lines of one area under the same headings are one block.
fn merge_or_push(tables: &mut Vec<TablePlan>, t: TablePlan) {
    if let Some(last) = tables.last_mut() {
        let same = last.kind == BlockKind::Fields
            && t.kind == BlockKind::Fields
            && last.file == t.file
            && last.heading == t.heading
            && last.area == t.area;
        if same {
            last.columns.extend(t.columns);
            last.rows.extend(t.rows);
            last.skipped.extend(t.skipped);
            return;
        }
    }
    tables.push(t);
}

/// The file as text: a BOM dropped, CRLF read as LF (line numbers do not move).
fn decode(name: &str, bytes: &[u8]) -> Result<String> {
    if bytes.len() > FILE_MAX {
        return Err(Error::invalid(
            "file",
            format!(
                "{name}: {} MB is too large for a worksheet (at most {} MB).",
                bytes.len() / (1024 * 1024),
                FILE_MAX / (1024 * 1024)
            ),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        Error::invalid(
            "file",
            format!("{name}, line {line}: not UTF-8 text (is it a Markdown file?)."),
        )
    })?;
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        return Err(Error::invalid(
            "file",
            format!("{name}, line {line}: holds binary data (a NUL byte), not Markdown."),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(text.replace("\r\n", "\n"))
}

/// Rows already planned, by area and identity, so a second one says where the first was.
#[derive(Default)]
struct Seen(HashMap<(ImportArea, String), (String, u32)>);

impl Seen {
    /// Records the row, or says which earlier row it repeats.
    fn check(&mut self, area: ImportArea, row: &NewRow, file: &str, line: u32) -> Option<String> {
        let key = rows::identity(row)?;
        match self.0.get(&(area, key.clone())) {
            Some((f, l)) if f == file => Some(format!("duplicate of line {l}")),
            Some((f, l)) => Some(format!("duplicate of {f}, line {l}")),
            None => {
                self.0.insert((area, key), (file.to_owned(), line));
                None
            }
        }
    }
}

fn empty(file: &str, line: u32, kind: BlockKind, heading: Vec<String>) -> TablePlan {
    TablePlan {
        file: file.to_owned(),
        line,
        kind,
        heading,
        area: None,
        columns: Vec::new(),
        unrecognised: Vec::new(),
        rows: Vec::new(),
        skipped: Vec::new(),
        note: String::new(),
    }
}

fn table(file: &str, t: Table, seen: &mut Seen) -> TablePlan {
    let mut out = empty(file, t.line, BlockKind::Table, t.heading);
    let Recognised {
        area,
        fields,
        unrecognised,
        key_heading,
    } = recognise::recognise(&t.header);
    out.columns = fields
        .iter()
        .map(|(i, _)| t.header[*i].plain.clone())
        .collect();
    out.unrecognised = unrecognised;
    let Some(area) = area else {
        out.note = "Its columns match no worksheet Northstar knows, so it is not imported.".into();
        return out;
    };
    out.area = Some(area);
    let width = t.header.len();
    for row in &t.rows {
        let cells = Cells::new(row, &fields);
        let label = clip(&cells.plain(key_field(area)).replace('\n', " "));
        match row_reason(row, width, &cells, area, &key_heading) {
            Some(reason) => out.skipped.push(SkippedRow {
                line: row.line,
                label,
                reason,
            }),
            None => {
                let mut notes = Vec::new();
                match rows::build(area, &cells, &mut notes) {
                    Err(reason) => out.skipped.push(SkippedRow {
                        line: row.line,
                        label,
                        reason,
                    }),
                    Ok(new) => match seen.check(area, &new, file, row.line) {
                        Some(reason) => out.skipped.push(SkippedRow {
                            line: row.line,
                            label,
                            reason,
                        }),
                        None => out.rows.push(PlannedRow {
                            line: row.line,
                            label,
                            notes,
                            row: new,
                        }),
                    },
                }
            }
        }
    }
    out
}

fn key_field(area: ImportArea) -> &'static str {
    recognise::SPECS
        .iter()
        .find(|s| s.area == area)
        .map_or("", |s| s.key)
}

/// Why a row is skipped before its values are read: empty, an example, ragged, a cell too
/// long, or no value in the key column.
fn row_reason(
    row: &Row,
    width: usize,
    cells: &Cells<'_>,
    area: ImportArea,
    key_heading: &str,
) -> Option<String> {
    if row.cells.iter().all(|c| c.plain.trim().is_empty()) {
        return Some("empty row".into());
    }
    let first = row.cells.first().map_or("", |c| c.plain.trim_start());
    let key = cells.plain(key_field(area)).trim_start();
    if [first, key]
        .iter()
        .any(|s| s.to_lowercase().starts_with("example:"))
    {
        return Some("example row".into());
    }
    if row.written > width {
        return Some(format!(
            "ragged row: {} cells where the header has {width} (an unescaped “|” in a cell? write it as “\\|”)",
            row.written
        ));
    }
    if let Some(c) = row.cells.iter().find(|c| c.raw.chars().count() > CELL_MAX) {
        return Some(format!(
            "a cell of {} characters is longer than Northstar keeps (at most {CELL_MAX})",
            c.raw.chars().count()
        ));
    }
    if key.is_empty() {
        return Some(format!("no “{key_heading}”"));
    }
    None
}

/// Checkbox lists: the compliance notes' controls are imported; Northstar has no place for
/// other checklists (the core audit's), so their items are listed as skipped.
fn checklist(file: &str, l: CheckList, seen: &mut Seen) -> TablePlan {
    let controls = recognise::controls_list(&l.heading);
    let mut out = empty(file, l.line, BlockKind::Checklist, l.heading);
    if !controls {
        out.note = "Northstar keeps no free checklists: only the compliance notes' controls \
                    (a checkbox list under a “Controls” heading) are imported."
            .into();
    } else {
        out.area = Some(ImportArea::Controls);
    }
    for item in l.items {
        let label = clip(&item.text);
        let reason = if !controls {
            Some("not a compliance control".to_owned())
        } else if item.text.is_empty() || placeholder(&item.text) {
            Some("empty item".to_owned())
        } else if item.text.chars().count() > 200 {
            Some("a control is at most 200 characters".to_owned())
        } else {
            let row = NewRow::Control {
                label: item.text.clone(),
                done: item.done,
            };
            match seen.check(ImportArea::Controls, &row, file, item.line) {
                Some(r) => Some(r),
                None => {
                    out.rows.push(PlannedRow {
                        line: item.line,
                        label,
                        notes: Vec::new(),
                        row,
                    });
                    continue;
                }
            }
        };
        out.skipped.push(SkippedRow {
            line: item.line,
            label,
            reason: reason.unwrap_or_default(),
        });
    }
    out
}

/// A "Key: value" line Northstar knows; others (legends, tips) are prose and left out.
fn field(file: &str, f: Field, seen: &mut Seen) -> Option<TablePlan> {
    let (area, id) = recognise::field(&f.heading, &f.key)?;
    let mut out = empty(file, f.line, BlockKind::Fields, f.heading);
    out.area = Some(area);
    out.columns = vec![f.key.clone()];
    let label = f.key.clone();
    let built = if f.value.is_empty() || placeholder(&f.value) {
        Err("not filled in".to_owned())
    } else {
        rows::field_row(id, &f.value)
    };
    match built {
        Err(reason) => out.skipped.push(SkippedRow {
            line: f.line,
            label,
            reason,
        }),
        Ok(row) => match seen.check(area, &row, file, f.line) {
            Some(reason) => out.skipped.push(SkippedRow {
                line: f.line,
                label,
                reason,
            }),
            None => out.rows.push(PlannedRow {
                line: f.line,
                label,
                notes: Vec::new(),
                row,
            }),
        },
    }
    Some(out)
}
