//! Which worksheet a table is: its header cells are matched, after [`norm`], against the
//! column headings each area's worksheet uses (and the few extra ones Northstar's export adds).
//! The area whose key column is present and which matches the most cells wins; cells no area
//! knows are reported, and their values left out.

use super::parse::Cell;
use super::values::norm;
use super::ImportArea;

/// An area's worksheet: its key column (a row without it is skipped) and each column's
/// field id with the headings it goes by, already normalised.
pub(crate) struct Spec {
    pub area: ImportArea,
    pub key: &'static str,
    pub cols: &'static [(&'static str, &'static [&'static str])],
}

pub(crate) const SPECS: &[Spec] = &[
    Spec {
        area: ImportArea::Pillars,
        key: "name",
        cols: &[
            ("name", &["pillar", "pillar name"]),
            ("score", &["current score", "score"]),
            ("target", &["target score", "target"]),
            ("status", &["status", "current status"]),
            (
                "evidence",
                &["evidence notes", "evidence", "notes", "evidence and notes"],
            ),
            ("owner", &["owner"]),
            (
                "checkpoint",
                &["next checkpoint", "checkpoint", "next checkpoint date"],
            ),
        ],
    },
    Spec {
        area: ImportArea::Goals,
        key: "goal",
        cols: &[
            (
                "goal",
                &["goal outcome", "goal", "outcome", "goal and outcome"],
            ),
            ("metric", &["success metric", "metric"]),
            (
                "deadline_guardrail",
                &["deadline guardrail", "deadline and guardrail"],
            ),
            ("deadline", &["deadline"]),
            ("guardrail", &["guardrail"]),
            ("stakeholders", &["stakeholders"]),
            (
                "risks",
                &["risks and mitigations", "risks mitigations", "risks"],
            ),
        ],
    },
    Spec {
        area: ImportArea::Stakeholders,
        key: "name",
        cols: &[
            ("name", &["stakeholder role", "stakeholder", "role"]),
            ("why", &["why they care"]),
            ("success", &["what success looks like", "success"]),
            (
                "cadence_channel",
                &["communication cadence and channel", "cadence and channel"],
            ),
            ("cadence", &["cadence", "communication cadence"]),
            ("channel", &["channel"]),
            (
                "open_questions",
                &[
                    "risks open questions",
                    "open questions",
                    "risks and open questions",
                ],
            ),
            ("owner", &["owner"]),
            ("last_check_in", &["last check in"]),
        ],
    },
    Spec {
        area: ImportArea::Risks,
        key: "title",
        cols: &[
            ("title", &["risk", "title", "risk title"]),
            ("description", &["description"]),
            ("likelihood", &["likelihood"]),
            ("impact", &["impact"]),
            // Recognised so it is not reported, but not read: severity is likelihood × impact.
            ("severity", &["severity"]),
            ("mitigation", &["mitigation"]),
            ("owner", &["owner"]),
            ("status", &["status"]),
            ("review_date", &["review date"]),
        ],
    },
    Spec {
        area: ImportArea::ComplianceScan,
        key: "area",
        cols: &[
            (
                "area",
                &[
                    "data feature area",
                    "data area",
                    "feature area",
                    "data or feature area",
                ],
            ),
            ("regulation", &["potential regulation", "regulation"]),
            ("readiness", &["current readiness", "readiness"]),
            ("proof", &["proof references", "proof"]),
            ("gaps", &["gaps and next actions", "gaps"]),
            ("owner", &["owner"]),
            ("review_date", &["review date"]),
        ],
    },
    Spec {
        area: ImportArea::DataInventory,
        key: "category",
        cols: &[
            ("category", &["data category", "category"]),
            ("source", &["source"]),
            ("storage", &["storage location", "storage"]),
            ("retention", &["retention policy", "retention"]),
            ("access", &["access roles", "access"]),
            ("kind", &["sensitive data", "kind"]),
        ],
    },
    Spec {
        area: ImportArea::Triggers,
        key: "standard",
        cols: &[
            ("standard", &["standard law", "standard", "law"]),
            ("why", &["why it applies"]),
            ("controls", &["required controls"]),
            ("status", &["status notes"]),
        ],
    },
    Spec {
        area: ImportArea::Vendors,
        key: "name",
        cols: &[
            ("name", &["vendor", "vendor integration"]),
            ("data_shared", &["data shared"]),
            ("verified", &["compliance status verified", "verified"]),
            ("actions", &["action items", "actions"]),
            ("recheck", &["re check date", "recheck date", "re check"]),
        ],
    },
    Spec {
        area: ImportArea::Reviews,
        key: "date",
        cols: &[
            ("date", &["date"]),
            ("reviewer", &["reviewer"]),
            (
                "findings",
                &["key changes findings", "findings", "key changes"],
            ),
        ],
    },
];

/// A table's header as understood.
#[derive(Debug)]
pub(crate) struct Recognised {
    pub area: Option<ImportArea>,
    /// (header cell index, field id) for each recognised cell.
    pub fields: Vec<(usize, &'static str)>,
    /// Header cells not recognised (or repeating a column already seen), as written.
    pub unrecognised: Vec<String>,
    /// The key column's heading as written, for "no ..." reasons.
    pub key_heading: String,
}

fn matches(spec: &Spec, header: &[Cell]) -> Vec<(usize, &'static str)> {
    let mut out: Vec<(usize, &'static str)> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let n = norm(&cell.plain);
        let hit = spec
            .cols
            .iter()
            .find(|(_, names)| names.contains(&n.as_str()))
            .map(|(f, _)| *f);
        if let Some(f) = hit {
            if !out.iter().any(|(_, g)| *g == f) {
                out.push((i, f));
            }
        }
    }
    out
}

pub(crate) fn recognise(header: &[Cell]) -> Recognised {
    let best = SPECS
        .iter()
        .map(|s| (s, matches(s, header)))
        .filter(|(s, m)| m.len() >= 2 && m.iter().any(|(_, f)| *f == s.key))
        // The first spec wins a tie: `max_by_key` keeps the last, so compare reversed order.
        .enumerate()
        .max_by_key(|(i, (_, m))| (m.len(), std::cmp::Reverse(*i)))
        .map(|(_, x)| x);
    let Some((spec, fields)) = best else {
        return Recognised {
            area: None,
            fields: Vec::new(),
            unrecognised: header
                .iter()
                .map(|c| c.plain.clone())
                .filter(|s| !s.is_empty())
                .collect(),
            key_heading: String::new(),
        };
    };
    let unrecognised = header
        .iter()
        .enumerate()
        .filter(|(i, c)| !fields.iter().any(|(j, _)| j == i) && !c.plain.is_empty())
        .map(|(_, c)| c.plain.clone())
        .collect();
    let key_heading = fields
        .iter()
        .find(|(_, f)| *f == spec.key)
        .map(|(i, _)| header[*i].plain.clone())
        .unwrap_or_default();
    Recognised {
        area: Some(spec.area),
        fields,
        unrecognised,
        key_heading,
    }
}

/// A "Key: value" line's meaning: the project's fields anywhere, the snapshot's under a
/// heading that says "Snapshot".
pub(crate) fn field(heading: &[String], key: &str) -> Option<(ImportArea, &'static str)> {
    let key = norm(key);
    let under_snapshot = heading.last().is_some_and(|h| norm(h).contains("snapshot"));
    if under_snapshot {
        return match key.as_str() {
            "last reviewed" => Some((ImportArea::Snapshot, "last_reviewed")),
            "next review" => Some((ImportArea::Snapshot, "next_review")),
            "owner" => Some((ImportArea::Snapshot, "owner")),
            _ => None,
        };
    }
    match key.as_str() {
        "north star" => Some((ImportArea::Project, "north_star")),
        "leading metric" => Some((ImportArea::Project, "leading_metric")),
        "description" => Some((ImportArea::Project, "description")),
        _ => None,
    }
}

/// Whether a checkbox list under these headings is the compliance notes' controls.
pub(crate) fn controls_list(heading: &[String]) -> bool {
    heading.last().is_some_and(|h| norm(h).contains("control"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<Cell> {
        cells
            .iter()
            .map(|c| Cell {
                plain: (*c).into(),
                raw: (*c).into(),
            })
            .collect()
    }

    #[test]
    fn worksheets_are_told_apart_by_their_columns() {
        let r = recognise(&header(&["Pillar", "Status", "Notes"]));
        assert_eq!(r.area, Some(ImportArea::Pillars));
        let r = recognise(&header(&[
            "Standard / Law",
            "Why It Applies (or Not)",
            "Required Controls",
            "Status / Notes",
        ]));
        assert_eq!(r.area, Some(ImportArea::Triggers));
        let r = recognise(&header(&["Vendor", "Data Shared", "Mood 🎉"]));
        assert_eq!(r.area, Some(ImportArea::Vendors));
        assert_eq!(r.unrecognised, ["Mood 🎉"]);
        let r = recognise(&header(&["Name", "Colour"]));
        assert_eq!(r.area, None);
    }
}
