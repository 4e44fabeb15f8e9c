//! Writing the compliance rows of a plan: scan rows (naming a regulation the library lacks adds
//! it, as the domain lets users add SOC 2 or a customer's contract), the notes' snapshot, data
//! inventory, triggers, vendors, controls and review history. Controls a new project was seeded
//! with are matched, not added twice: the compliance notes template words one of them
//! differently ("Database encryption (at rest + in transit)").

use super::apply::{kept, same, Done};
use super::values::norm;
use super::{NewRow, SnapshotField};
use crate::compliance::{
    self, NewInventoryRow, NewRegulation, NewReview, NewScanRow, NewTrigger, NewVendor,
    SnapshotEdit, STARTING_CONTROLS,
};
use crate::error::{Error, Result};
use crate::store::Writer;

/// Other ways worksheets word the starting controls, normalised, with the control they mean.
const CONTROL_WORDINGS: &[(&str, usize)] = &[
    ("database encryption", 3),
    ("database encryption at rest in transit", 3),
    ("https everywhere", 0),
    ("mfa on admin consoles", 1),
    ("secrets kept outside the repo", 2),
];

/// Whether two control labels mean the same control.
fn same_control(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        let n = norm(s);
        CONTROL_WORDINGS
            .iter()
            .find(|(w, _)| *w == n)
            .map_or(n, |(_, i)| norm(STARTING_CONTROLS[*i]))
    };
    key(a) == key(b)
}

pub(super) fn write(w: &mut Writer<'_>, p: &str, row: NewRow) -> Result<Done> {
    Ok(match row {
        NewRow::Scan {
            area,
            regulation,
            readiness,
            proof,
            gaps,
            owner,
            review_date,
        } => {
            let view = compliance::scan_view(w.conn(), p)?;
            let found = view
                .library
                .iter()
                .find(|r| same(&r.code, &regulation) || same(&r.name, &regulation));
            let (regulation_id, created) = match found {
                Some(r) => (r.id.clone(), false),
                None => {
                    let new = NewRegulation {
                        code: regulation.clone(),
                        name: String::new(),
                        applies_when: String::new(),
                        controls: String::new(),
                        covers: None,
                    };
                    (compliance::add_regulation_in(w, new)?, true)
                }
            };
            let dup = view
                .scan
                .iter()
                .any(|s| s.regulation_id == regulation_id && same(&s.area, &area));
            if dup && !created {
                return Ok(kept("scan row", &format!("{area} ({regulation})")));
            }
            let new = NewScanRow {
                area,
                regulation_id,
                readiness,
                proof,
                gaps,
                owner,
                review_date,
            };
            compliance::add_scan_row_in(w, p, new)?;
            Done::Created
        }
        NewRow::Snapshot { field, value } => {
            let edit = match field {
                SnapshotField::LastReviewed => SnapshotEdit::LastReviewed(Some(value)),
                SnapshotField::NextReviewDate => SnapshotEdit::NextReviewDate(Some(value)),
                SnapshotField::NextReviewMilestone => SnapshotEdit::NextReviewMilestone(value),
                SnapshotField::Owner => SnapshotEdit::Owner(value),
            };
            compliance::edit_snapshot_in(w, p, edit)?;
            Done::Updated
        }
        NewRow::Inventory {
            category,
            source,
            storage,
            retention,
            access,
            kind,
        } => {
            let notes = compliance::notes_view(w.conn(), p)?;
            if notes
                .data_inventory
                .iter()
                .any(|r| same(&r.category, &category))
            {
                return Ok(kept("data category", &category));
            }
            let new = NewInventoryRow {
                category,
                source,
                storage,
                retention,
                access,
                kind,
            };
            compliance::add_inventory_row_in(w, p, new)?;
            Done::Created
        }
        NewRow::Trigger {
            standard,
            why,
            controls,
            status,
        } => {
            let notes = compliance::notes_view(w.conn(), p)?;
            if notes.triggers.iter().any(|t| same(&t.standard, &standard)) {
                return Ok(kept("trigger", &standard));
            }
            let new = NewTrigger {
                standard,
                why,
                controls,
                status,
            };
            compliance::add_trigger_in(w, p, new)?;
            Done::Created
        }
        NewRow::Vendor {
            name,
            data_shared,
            verified,
            verified_with,
            actions,
            recheck_date,
        } => {
            let notes = compliance::notes_view(w.conn(), p)?;
            if notes.vendors.iter().any(|v| same(&v.name, &name)) {
                return Ok(kept("vendor", &name));
            }
            let new = NewVendor {
                name,
                data_shared,
                verified,
                verified_with,
                verified_on: None,
                actions,
                recheck_date,
            };
            compliance::add_vendor_in(w, p, new)?;
            Done::Created
        }
        NewRow::Control { label, done } => {
            let notes = compliance::notes_view(w.conn(), p)?;
            match notes
                .controls
                .iter()
                .find(|c| same_control(&c.label, &label))
            {
                Some(c) if c.done || !done => {
                    return Ok(Done::Kept(format!(
                        "the control “{}” is already on the list; left as it is.",
                        c.label
                    )))
                }
                Some(c) => {
                    compliance::tick_control_in(w, &c.id, true, "")?;
                    Done::Updated
                }
                None => {
                    let id = compliance::add_control_in(w, p, &label)?;
                    if done {
                        compliance::tick_control_in(w, &id, true, "")?;
                    }
                    Done::Created
                }
            }
        }
        NewRow::Review {
            date,
            reviewer,
            findings,
        } => {
            let history = compliance::reviews_view(w.conn(), p)?;
            let dup = history.iter().any(|r| {
                Some(&r.date) == date.as_ref()
                    && same(&r.reviewer, &reviewer)
                    && same(&r.findings, &findings)
            });
            if dup {
                return Ok(kept(
                    "review",
                    &format!("{} by {reviewer}", date.unwrap_or_default()),
                ));
            }
            let new = NewReview {
                date,
                reviewer,
                findings,
                corrects: None,
            };
            compliance::record_review_in(w, p, new)?;
            Done::Created
        }
        _ => {
            return Err(Error::invalid(
                "import",
                "This row belongs to another area than compliance.",
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::same_control;

    #[test]
    fn the_templates_wording_of_a_seeded_control_is_the_same_control() {
        assert!(same_control(
            "Database encryption (at rest + in transit)",
            "Database encrypted at rest and in transit"
        ));
        assert!(same_control(
            "HTTPS enforced across environments",
            "https enforced across environments"
        ));
        assert!(!same_control(
            "Backups tested",
            "HTTPS enforced across environments"
        ));
    }
}
