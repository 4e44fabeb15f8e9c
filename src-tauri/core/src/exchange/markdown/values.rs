//! Reading the values people write in worksheet cells: dates with look-alike hyphens, scores
//! ("2", "**2** – Nascent", "2/5"), statuses as emoji and words ("🟡 Partial", "🔴 None"),
//! cadences inside a sentence, "✅ SOC 2 report reviewed". Each returns the value or a reason a
//! user can act on; an empty cell is "not given", never an error.

use crate::compliance::{Readiness, Sensitive};
use crate::risks::RiskStatus;
use crate::scorecard::Status;
use crate::stakeholders::Cadence;

/// Lower case, letters and digits only (emoji, punctuation and Markdown dropped), words split
/// on anything else, "&" read as "and", and anything in parentheses left out: "Current Score
/// (1‑5)" → "current score", "What “Success” Looks Like" → "what success looks like".
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '&' => out.push_str(" and "),
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words that mean "nothing here yet" in a cell that wants a date, score or status.
fn blank(plain: &str) -> bool {
    matches!(
        norm(plain).as_str(),
        "" | "tbd" | "n a" | "na" | "none yet" | "not scored" | "not set" | "unscored"
    ) && !plain.chars().any(|c| c.is_ascii_digit())
}

/// A whole cell in parentheses, such as the templates' "_(date)_": a placeholder.
pub(crate) fn placeholder(plain: &str) -> bool {
    let t = plain.trim();
    t.starts_with('(') && t.ends_with(')')
}

pub(crate) fn date(plain: &str) -> Result<Option<String>, String> {
    if blank(plain) {
        return Ok(None);
    }
    crate::validate::date("date", "A date", plain)
        .map(|d| Some(d.to_string()))
        .map_err(|_| format!("“{}” is not a date written YYYY-MM-DD", clip(plain)))
}

/// A score 1-5; the legend's words count ("Nascent" is 2).
pub(crate) fn score(plain: &str) -> Result<Option<u8>, String> {
    if blank(plain) || matches!(plain.trim(), "—" | "–" | "-") {
        return Ok(None);
    }
    let digits: String = plain
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if let Ok(n @ 1..=5) = digits.parse::<u8>() {
        return Ok(Some(n));
    }
    let words = norm(plain);
    (1..=5u8)
        .find(|&n| words == norm(crate::scorecard::legend(n)))
        .map(Some)
        .ok_or_else(|| format!("unparseable score “{}” (a whole number 1-5)", clip(plain)))
}

/// The readiness checklist's status: 🟢 complete, 🟡 in progress, 🔴 pending.
pub(crate) fn pillar_status(plain: &str) -> Result<Option<Status>, String> {
    let words = norm(plain);
    if plain.contains('🟢') || ["complete", "done", "on target", "ready"].contains(&words.as_str())
    {
        return Ok(Some(Status::OnTarget));
    }
    if plain.contains('🟡') || ["in progress", "partial", "started"].contains(&words.as_str()) {
        return Ok(Some(Status::InProgress));
    }
    if plain.contains('🔴') || ["pending", "not started", "missing"].contains(&words.as_str()) {
        return Ok(Some(Status::Pending));
    }
    if words.is_empty() {
        return Ok(None);
    }
    Err(format!(
        "unparseable status “{}” (🟢 complete, 🟡 in progress or 🔴 pending)",
        clip(plain)
    ))
}

/// 🟢 Ready, 🟡 Partial, 🔴 Missing (the primer also writes "🔴 None").
pub(crate) fn readiness(plain: &str) -> Result<Option<Readiness>, String> {
    let words = norm(plain);
    if plain.contains('🟢') || ["ready", "done", "complete", "yes"].contains(&words.as_str()) {
        return Ok(Some(Readiness::Ready));
    }
    if plain.contains('🟡') || ["partial", "in progress", "partly"].contains(&words.as_str()) {
        return Ok(Some(Readiness::Partial));
    }
    if plain.contains('🔴') || ["missing", "none", "no", "not started"].contains(&words.as_str())
    {
        return Ok(Some(Readiness::Missing));
    }
    if words.is_empty() {
        return Ok(None);
    }
    Err(format!(
        "unparseable readiness “{}” (🟢 Ready, 🟡 Partial or 🔴 Missing)",
        clip(plain)
    ))
}

/// Likelihood or impact, 1-5.
pub(crate) fn scale(plain: &str, what: &str) -> Result<Option<u8>, String> {
    if blank(plain) {
        return Ok(None);
    }
    let digits: String = plain
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    match digits.parse::<u8>() {
        Ok(n @ 1..=5) => Ok(Some(n)),
        _ => Err(format!(
            "unparseable {what} “{}” (a whole number 1-5)",
            clip(plain)
        )),
    }
}

/// A risk's status word, and for "Closed: why" the closing note.
pub(crate) fn risk_status(raw: &str) -> Result<(RiskStatus, String), String> {
    let (word, rest) = match raw.split_once(':') {
        Some((w, r)) => (w, r.trim()),
        None => (raw, ""),
    };
    let words = norm(word);
    if words.is_empty() {
        return Ok((RiskStatus::Open, String::new()));
    }
    RiskStatus::ALL
        .into_iter()
        .find(|s| s.as_str() == words)
        .map(|s| (s, rest.to_owned()))
        .ok_or_else(|| {
            format!(
                "unparseable status “{}” (open, mitigating, accepted or closed)",
                clip(raw)
            )
        })
}

/// The words a cadence goes by, most specific first.
const CADENCES: &[(&str, Cadence)] = &[
    ("fortnightly", Cadence::Fortnightly),
    ("biweekly", Cadence::Fortnightly),
    ("every two weeks", Cadence::Fortnightly),
    ("weekly", Cadence::Weekly),
    ("monthly", Cadence::Monthly),
    ("quarterly", Cadence::Quarterly),
    ("ad hoc", Cadence::AdHoc),
];

/// "Weekly async update in Slack; monthly Zoom review" → weekly, and the whole cell as the
/// channel (the first cadence named is the one kept). A cell Northstar wrote as "Monthly: x"
/// gives monthly and "x"; a cell that is only the cadence gives no channel.
pub(crate) fn cadence(raw: &str) -> (Option<Cadence>, String) {
    let words = norm(raw);
    let first = CADENCES
        .iter()
        .filter_map(|(w, c)| find_word(&words, w).map(|at| (at, *c)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, c)| c);
    if let Some((head, rest)) = raw.split_once(':') {
        if let Some((_, c)) = CADENCES.iter().find(|(w, _)| norm(head) == *w) {
            return (Some(*c), rest.trim().to_owned());
        }
    }
    if CADENCES.iter().any(|(w, _)| words == *w) {
        return (first, String::new());
    }
    (first, raw.trim().to_owned())
}

/// Where `word` starts in `words` as whole words, if it does.
fn find_word(words: &str, word: &str) -> Option<usize> {
    let padded = format!(" {words} ");
    padded.find(&format!(" {word} "))
}

/// "✅ SOC 2 report reviewed" → verified, with what. "❌ ..." or "No ..." → not verified.
pub(crate) fn verified(raw: &str) -> (bool, String) {
    let t = raw.trim();
    let (yes, rest) = if let Some(r) = t.strip_prefix('✅').or_else(|| t.strip_prefix("✔️")) {
        (true, r)
    } else if let Some(r) = t.strip_prefix('❌').or_else(|| t.strip_prefix('✖')) {
        (false, r)
    } else {
        let lower = t.to_lowercase();
        match ["yes", "verified", "no", "not yet"].iter().find(|w| {
            lower.starts_with(*w)
                && !lower
                    .get(w.len()..)
                    .is_some_and(|r| r.starts_with(char::is_alphanumeric))
        }) {
            Some(w) => (!w.starts_with('n'), t.get(w.len()..).unwrap_or("")),
            None => (false, t),
        }
    };
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || "—–-:,;.".contains(c));
    let lower = rest.to_lowercase();
    let rest = match ["yes", "no"]
        .iter()
        .find(|w| lower == **w || lower.starts_with(&format!("{w} ")))
    {
        Some(w) => rest
            .get(w.len()..)
            .unwrap_or("")
            .trim_start_matches(|c: char| c.is_whitespace() || "—–-:,;".contains(c)),
        None => rest,
    };
    (yes, rest.trim().to_owned())
}

/// A kind of sensitive data by its label ("Health data") or key ("health").
pub(crate) fn sensitive(plain: &str) -> Result<Option<Sensitive>, String> {
    let words = norm(plain);
    if words.is_empty() {
        return Ok(None);
    }
    Sensitive::ALL
        .into_iter()
        .find(|k| norm(k.label()) == words || k.as_str() == words)
        .map(Some)
        .ok_or_else(|| format!("unknown kind of sensitive data “{}”", clip(plain)))
}

/// "2026‑03‑01; hosting under EUR 150" → the deadline and the guardrail. A cell that does not
/// start with a date is all guardrail ("Beta launch in 6 weeks; hosting budget €150/month").
pub(crate) fn deadline_guardrail(raw: &str) -> (Option<String>, String) {
    let t = raw.trim();
    let head: String = t.chars().take(10).collect();
    match crate::validate::date("deadline", "A deadline", &head) {
        Ok(d) => {
            let rest = t[head.len()..]
                .trim_start_matches(|c: char| c.is_whitespace() || "—–-:,;·".contains(c));
            (Some(d.to_string()), rest.trim().to_owned())
        }
        Err(_) => (None, t.to_owned()),
    }
}

/// Names in a cell, split on commas and semicolons.
pub(crate) fn names(raw: &str) -> Vec<String> {
    raw.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A value shortened for a message, so a megabyte cell does not make a megabyte reason.
pub(crate) fn clip(s: &str) -> String {
    let t = s.trim();
    if t.chars().count() <= 60 {
        return t.to_owned();
    }
    let mut out: String = t.chars().take(57).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_normalise_past_case_punctuation_and_emoji() {
        assert_eq!(norm("Current Score (1‑5)"), "current score");
        assert_eq!(norm("What “Success” Looks Like"), "what success looks like");
        assert_eq!(
            norm("Communication Cadence & Channel"),
            "communication cadence and channel"
        );
        assert_eq!(norm("**Owner** 👤"), "owner");
        assert_eq!(
            norm("Compliance Status Verified?"),
            "compliance status verified"
        );
    }

    #[test]
    fn cells_as_people_write_them() {
        assert_eq!(date("2026‑01‑01").unwrap().as_deref(), Some("2026-01-01"));
        assert_eq!(date("2026–01–01").unwrap().as_deref(), Some("2026-01-01"));
        assert_eq!(date("").unwrap(), None);
        assert!(date("next week").unwrap_err().contains("next week"));
        assert_eq!(score("2").unwrap(), Some(2));
        assert_eq!(score("3 – Emerging").unwrap(), Some(3));
        assert_eq!(score("Nascent").unwrap(), Some(2));
        assert_eq!(score("").unwrap(), None);
        assert!(score("seven").unwrap_err().contains("“seven”"));
        assert!(score("7").is_err());
        assert_eq!(readiness("🔴 None").unwrap(), Some(Readiness::Missing));
        assert_eq!(readiness("🟡 Partial").unwrap(), Some(Readiness::Partial));
        assert_eq!(readiness("Ready").unwrap(), Some(Readiness::Ready));
        assert_eq!(
            pillar_status("🟡 In progress").unwrap(),
            Some(Status::InProgress)
        );
        assert_eq!(pillar_status("🔴 Pending").unwrap(), Some(Status::Pending));
        assert_eq!(
            cadence("Weekly async update in Slack; monthly Zoom review").0,
            Some(Cadence::Weekly)
        );
        assert_eq!(
            cadence("Quarterly security review call; ad-hoc email for blockers").0,
            Some(Cadence::Quarterly)
        );
        assert_eq!(
            cadence("Monthly: Weekly digest"),
            (Some(Cadence::Monthly), "Weekly digest".to_owned())
        );
        assert_eq!(cadence("Ad hoc"), (Some(Cadence::AdHoc), String::new()));
        assert_eq!(
            verified("✅ SOC 2 report reviewed"),
            (true, "SOC 2 report reviewed".to_owned())
        );
        assert_eq!(verified("❌ No"), (false, String::new()));
        assert_eq!(
            verified("Yes — DPA signed"),
            (true, "DPA signed".to_owned())
        );
        assert_eq!(
            deadline_guardrail("2026‑03‑01; hosting under EUR 150"),
            (Some("2026-03-01".into()), "hosting under EUR 150".into())
        );
        assert_eq!(
            deadline_guardrail("Beta launch in 6 weeks").1,
            "Beta launch in 6 weeks"
        );
        assert_eq!(
            risk_status("Closed: fixed in v2").unwrap(),
            (RiskStatus::Closed, "fixed in v2".into())
        );
    }
}
