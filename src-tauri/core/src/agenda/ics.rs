//! The agenda as an iCalendar file: one all-day event per item, its UID the item's id (so a
//! calendar importing the file again updates rather than duplicates), recurring items as RRULE,
//! the project in the summary. RFC 5545: CRLF line ends, text escaped, lines folded at 75 octets.

use super::{agenda, AgendaQuery};
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so no physical line exceeds 75 octets (never inside a
/// character).
fn line(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn day(d: &str) -> String {
    d.replace('-', "")
}

/// Every review date (of one project when `project_id` is given) as an `.ics` file's text.
pub fn ics(
    conn: &Connection,
    today: NaiveDate,
    now: DateTime<Utc>,
    project_id: Option<&str>,
) -> Result<String> {
    let q = AgendaQuery {
        days: None,
        project_id: project_id.map(str::to_owned),
    };
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Northstar//Review dates//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Northstar review dates",
    ] {
        line(&mut out, l);
    }
    for item in agenda(conn, today, &q)? {
        let start = item.due.to_string();
        let end = item.due.succ_opt().map_or(start.clone(), |d| d.to_string());
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}@northstar", item.id()));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", day(&start)));
        line(&mut out, &format!("DTEND;VALUE=DATE:{}", day(&end)));
        line(
            &mut out,
            &format!(
                "SUMMARY:{}",
                escape(&format!("{}: {}", item.project, item.title))
            ),
        );
        line(
            &mut out,
            &format!(
                "DESCRIPTION:{}",
                escape(&format!(
                    "A review date in Northstar ({} page of “{}”).",
                    item.area(),
                    item.project
                ))
            ),
        );
        if let Some(rep) = item.recurring {
            line(&mut out, &format!("RRULE:{}", rep.rrule()));
        }
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    Ok(out)
}
