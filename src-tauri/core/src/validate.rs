//! Small shared rules for user text and dates, each failing with a message a user can act on.

use crate::error::{Error, Result};
use chrono::NaiveDate;

/// Trims `value` and refuses it when longer than `max` characters.
pub fn text(field: &'static str, label: &str, value: &str, max: usize) -> Result<String> {
    let value = value.trim();
    let n = value.chars().count();
    if n > max {
        return Err(Error::invalid(
            field,
            format!("{label} can be at most {max} characters (this one has {n})."),
        ));
    }
    Ok(value.to_owned())
}

/// Like [`text`], and also refuses an empty value.
pub fn required(field: &'static str, label: &str, value: &str, max: usize) -> Result<String> {
    let value = text(field, label, value, max)?;
    if value.is_empty() {
        return Err(Error::invalid(field, format!("{label} is required.")));
    }
    Ok(value)
}

/// A calendar date written `YYYY-MM-DD`. Hyphen look-alikes (U+2010, U+2011, U+2013) count as
/// hyphens, since users paste dates from documents that use them.
pub fn date(field: &'static str, label: &str, value: &str) -> Result<NaiveDate> {
    let plain: String = value
        .trim()
        .chars()
        .map(|c| match c {
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
            c => c,
        })
        .collect();
    let shaped = plain.len() == 10
        && plain.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    match (shaped, NaiveDate::parse_from_str(&plain, "%Y-%m-%d")) {
        (true, Ok(d)) => Ok(d),
        _ => Err(Error::invalid(
            field,
            format!(
                "{label} must be a real calendar date written YYYY-MM-DD (got “{}”).",
                value.trim()
            ),
        )),
    }
}

/// An optional date: empty text means "no date".
pub fn optional_date(
    field: &'static str,
    label: &str,
    value: Option<&str>,
) -> Result<Option<NaiveDate>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => date(field, label, v).map(Some),
    }
}

/// A link the app may hand to the system: http, https or mailto only, nothing that could run
/// a program or read a local file.
pub fn link(value: &str) -> Result<String> {
    let url = value.trim();
    let lower = url.to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    if !allowed || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::invalid(
            "url",
            format!("Only http, https and mailto links can be opened (not “{url}”)."),
        ));
    }
    Ok(url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_days() {
        assert!(date("d", "The date", "2026-02-28").is_ok());
        assert_eq!(
            date("d", "The date", "2026\u{2011}01\u{2011}01").unwrap(),
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
        );
        for bad in [
            "2026-02-30",
            "2026-2-3",
            "tomorrow",
            "",
            "20260101",
            "2026-13-01",
        ] {
            let e = date("d", "The date", bad).unwrap_err();
            assert!(e.to_string().contains("YYYY-MM-DD"), "{bad}: {e}");
        }
    }

    #[test]
    fn only_web_and_mail_links_open() {
        for ok in [
            "https://example.com/a?b=1",
            "HTTP://x.org",
            "mailto:pm@example.com",
        ] {
            assert!(link(ok).is_ok(), "{ok}");
        }
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://",
            "smb://host/share",
            "https://a b",
            "ftp://x",
        ] {
            assert!(link(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn text_limits_count_characters_not_bytes() {
        assert_eq!(text("f", "Name", "  é–x  ", 3).unwrap(), "é–x");
        let e = text("f", "Name", "éééé", 3).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Name can be at most 3 characters (this one has 4)."
        );
        assert_eq!(
            required("f", "Name", "   ", 3).unwrap_err().to_string(),
            "Name is required."
        );
    }
}
