//! Markdown → blocks: tables (header and rows of cells), checkbox lists, and "Key: value"
//! lines, each with the headings above it and its 1-based source line, in document order.
//! pulldown-cmark does the Markdown; this module only walks its events with their offsets.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A cell in two forms: `plain` is its text without Markdown (for recognising headers,
/// statuses, numbers and dates); `raw` is its source as written, with `\|` unescaped and
/// `<br>` read as a line break (for text fields, so links and code survive a round trip).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Cell {
    pub plain: String,
    pub raw: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub line: u32,
    pub cells: Vec<Cell>,
    /// Cells as written in the source: more than the header's means pulldown-cmark dropped
    /// some (GFM drops excess cells and pads missing ones), so the row is ragged.
    pub written: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub line: u32,
    pub heading: Vec<String>,
    pub header: Vec<Cell>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CheckItem {
    pub line: u32,
    pub done: bool,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CheckList {
    pub line: u32,
    pub heading: Vec<String>,
    pub items: Vec<CheckItem>,
}

/// A list item or paragraph of the form "**Key:** value".
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Field {
    pub line: u32,
    pub heading: Vec<String>,
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Table(Table),
    CheckList(CheckList),
    Field(Field),
}

/// Byte offsets → 1-based line numbers.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines(starts)
    }

    fn of(&self, offset: usize) -> u32 {
        let n = match self.0.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        };
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// Text being gathered for a heading, a list item or a paragraph.
struct Open {
    line: u32,
    text: String,
    /// A list item's checkbox, when it has one.
    task: Option<bool>,
}

#[derive(Default)]
struct Building {
    line: u32,
    header: Vec<Cell>,
    rows: Vec<Row>,
    in_head: bool,
    row: Option<Row>,
    cell: Option<Cell>,
}

/// Reads `text` (BOM and CRLF already removed) into blocks.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let lines = Lines::new(text);
    let opts = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let mut out: Vec<Block> = Vec::new();
    let mut headings: Vec<(u8, String)> = Vec::new();
    let mut heading: Option<Open> = None;
    let mut items: Vec<Open> = Vec::new();
    let mut paragraph: Option<Open> = None;
    let mut table: Option<Building> = None;
    let path = |h: &[(u8, String)]| h.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>();

    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        let line = lines.of(range.start);
        match event {
            Event::Start(Tag::Heading { .. }) => {
                heading = Some(Open {
                    line,
                    text: String::new(),
                    task: None,
                })
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = level as u8;
                if let Some(h) = heading.take() {
                    while headings.last().is_some_and(|(l, _)| *l >= level) {
                        headings.pop();
                    }
                    headings.push((level, h.text.trim().to_owned()));
                }
            }
            Event::Start(Tag::Table(_)) => {
                table = Some(Building {
                    line,
                    ..Building::default()
                })
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = table.take() {
                    out.push(Block::Table(Table {
                        line: t.line,
                        heading: path(&headings),
                        header: t.header,
                        rows: t.rows,
                    }));
                }
            }
            Event::Start(Tag::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.in_head = true;
                    t.line = line;
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.in_head = false;
                }
            }
            Event::Start(Tag::TableRow) => {
                if let Some(t) = table.as_mut() {
                    t.row = Some(Row {
                        line,
                        cells: Vec::new(),
                        written: written_cells(&text[range.clone()]),
                    });
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    if let Some(r) = t.row.take() {
                        t.rows.push(r);
                    }
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Some(t) = table.as_mut() {
                    t.cell = Some(Cell {
                        plain: String::new(),
                        raw: raw_cell(&text[range]),
                    });
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(t) = table.as_mut() {
                    if let Some(mut c) = t.cell.take() {
                        c.plain = c.plain.trim().to_owned();
                        match t.row.as_mut() {
                            Some(r) if !t.in_head => r.cells.push(c),
                            _ => t.header.push(c),
                        }
                    }
                }
            }
            Event::Start(Tag::Item) => items.push(Open {
                line,
                text: String::new(),
                task: None,
            }),
            Event::End(TagEnd::Item) => {
                if let Some(item) = items.pop() {
                    finish_line(&mut out, item, &headings);
                }
            }
            Event::TaskListMarker(done) => {
                if let Some(item) = items.last_mut() {
                    item.task = Some(done);
                }
            }
            Event::Start(Tag::Paragraph) if items.is_empty() && table.is_none() => {
                paragraph = Some(Open {
                    line,
                    text: String::new(),
                    task: None,
                })
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(p) = paragraph.take() {
                    finish_line(&mut out, p, &headings);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                push_text(&mut table, &mut heading, &mut items, &mut paragraph, &t)
            }
            Event::SoftBreak | Event::HardBreak => {
                push_text(&mut table, &mut heading, &mut items, &mut paragraph, " ")
            }
            Event::InlineHtml(h) if h.trim().to_ascii_lowercase().starts_with("<br") => {
                push_text(&mut table, &mut heading, &mut items, &mut paragraph, " ")
            }
            _ => {}
        }
    }
    out
}

/// Sends text to the innermost thing gathering it: a cell, a heading, a list item (its own
/// text, not its nested items'), or a paragraph.
fn push_text(
    table: &mut Option<Building>,
    heading: &mut Option<Open>,
    items: &mut [Open],
    paragraph: &mut Option<Open>,
    t: &str,
) {
    if let Some(cell) = table.as_mut().and_then(|t| t.cell.as_mut()) {
        cell.plain.push_str(t);
    } else if let Some(h) = heading.as_mut() {
        h.text.push_str(t);
    } else if let Some(item) = items.last_mut() {
        item.text.push_str(t);
    } else if let Some(p) = paragraph.as_mut() {
        p.text.push_str(t);
    }
}

/// A finished list item or paragraph: a checkbox item joins the list under the same headings
/// (or starts one); "Key: value" text becomes a field; anything else is prose and ignored.
fn finish_line(out: &mut Vec<Block>, open: Open, headings: &[(u8, String)]) {
    let text = open.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let heading: Vec<String> = headings.iter().map(|(_, t)| t.clone()).collect();
    if let Some(done) = open.task {
        let item = CheckItem {
            line: open.line,
            done,
            text,
        };
        if let Some(Block::CheckList(list)) = out.last_mut() {
            if list.heading == heading {
                list.items.push(item);
                return;
            }
        }
        out.push(Block::CheckList(CheckList {
            line: open.line,
            heading,
            items: vec![item],
        }));
        return;
    }
    if let Some((key, value)) = text.split_once(':') {
        let key = key.trim();
        if !key.is_empty() && key.chars().count() <= 40 {
            out.push(Block::Field(Field {
                line: open.line,
                heading,
                key: key.to_owned(),
                value: value.trim().to_owned(),
            }));
        }
    }
}

/// A cell's source: trimmed, escaped pipes unescaped, `<br>` as a line break.
fn raw_cell(src: &str) -> String {
    let s = src.trim();
    let s = s.strip_prefix('|').unwrap_or(s);
    let s = match s.strip_suffix('|') {
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => s,
    };
    let mut out = s.trim().replace("\\|", "|");
    for br in ["<br />", "<br/>", "<br>", "<BR>", "<BR/>", "<BR />"] {
        out = out.replace(br, "\n");
    }
    out
}

/// How many cells a row's source holds: pipes not escaped split cells, as in GFM, where a
/// pipe splits a cell even inside a code span unless escaped.
fn written_cells(src: &str) -> usize {
    let s = src.trim();
    let mut n = 1;
    let mut escaped = false;
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    for (i, (_, c)) in bytes.iter().enumerate() {
        if *c == '|' && !escaped {
            let edge = i == 0 || i + 1 == bytes.len();
            if !edge {
                n += 1;
            }
        }
        escaped = *c == '\\' && !escaped;
    }
    n
}

/// The span of a source line, for tests that point at one.
#[cfg(test)]
pub(crate) fn line_span(text: &str, line: u32) -> std::ops::Range<usize> {
    let lines = Lines::new(text);
    let start = lines.0[line as usize - 1];
    let end = lines.0.get(line as usize).copied().unwrap_or(text.len());
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_keep_headings_lines_and_both_forms_of_a_cell() {
        let md = "# A\n\n## B\n\n| Pillar | Notes |\n| --- | --- |\n| **Rel** | `x` \\| y<br>z |\n|  |  |\n";
        let b = blocks(md);
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(t.heading, ["A", "B"]);
        assert_eq!(t.line, 5);
        assert_eq!(t.header[0].plain, "Pillar");
        assert_eq!(t.rows[0].line, 7);
        assert_eq!(t.rows[0].cells[0].plain, "Rel");
        assert_eq!(t.rows[0].cells[0].raw, "**Rel**");
        assert_eq!(t.rows[0].cells[1].raw, "`x` | y\nz");
        assert_eq!(t.rows[1].cells[1].plain, "");
        assert_eq!(&md[line_span(md, 7)], "| **Rel** | `x` \\| y<br>z |\n");
    }

    #[test]
    fn ragged_rows_are_counted_as_written() {
        let md = "| a | b |\n| - | - |\n| 1 |\n| 1 | 2 | 3 |\n";
        let Block::Table(t) = &blocks(md)[0] else {
            panic!()
        };
        assert_eq!(t.rows[0].written, 1);
        assert_eq!(t.rows[0].cells.len(), 2, "padded by GFM");
        assert_eq!(t.rows[1].written, 3);
        assert_eq!(t.rows[1].cells.len(), 2, "excess dropped by GFM");
    }

    #[test]
    fn checklists_and_fields() {
        let md = "## Snapshot\n\n- **Last reviewed:** _(date)_\n\n## Controls\n\n- Safeguards:\n  - [ ] HTTPS\n  - [x] MFA\n";
        let b = blocks(md);
        let Block::Field(f) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(
            (f.key.as_str(), f.value.as_str(), f.line),
            ("Last reviewed", "(date)", 3)
        );
        let list = b
            .iter()
            .find_map(|x| match x {
                Block::CheckList(l) => Some(l),
                _ => None,
            })
            .unwrap();
        assert_eq!(list.heading, ["Controls"]);
        assert_eq!(list.items.len(), 2);
        assert_eq!(
            (list.items[1].text.as_str(), list.items[1].done),
            ("MFA", true)
        );
    }
}
