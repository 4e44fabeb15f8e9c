//! A generated compliance record for benchmarks and large-workspace checks: many scan rows,
//! vendors and review entries in one project, written in one transaction.

use super::{
    add_inventory_row_in, add_scan_row_in, add_vendor_in, record_review_in, NewInventoryRow,
    NewReview, NewScanRow, NewVendor, Readiness, Sensitive,
};
use crate::error::Result;
use crate::store::Store;
use chrono::Duration;

const REGULATIONS: [&str; 5] = [
    "builtin-gdpr",
    "builtin-hipaa",
    "builtin-pci-dss",
    "builtin-ferpa",
    "builtin-coppa",
];
const AREAS: [&str; 6] = [
    "User accounts",
    "Payment processing",
    "Health metrics",
    "Support inbox",
    "Analytics events",
    "Backups",
];

/// Adds `scan` scan rows, `vendors` vendors, `reviews` review entries (dated back from today)
/// and a sensitive inventory row per kind.
pub fn sample_compliance(
    store: &mut Store,
    project_id: &str,
    scan: usize,
    vendors: usize,
    reviews: usize,
) -> Result<()> {
    store.write(|w| {
        w.label("Sample compliance data added");
        for i in 0..scan {
            let readiness = [Readiness::Ready, Readiness::Partial, Readiness::Missing][i % 3];
            add_scan_row_in(
                w,
                project_id,
                NewScanRow {
                    area: format!("{} ({})", AREAS[i % AREAS.len()], i),
                    regulation_id: REGULATIONS[i % REGULATIONS.len()].into(),
                    readiness: Some(readiness),
                    proof: "Policy draft at https://wiki.example.com/privacy".into(),
                    gaps: "Sign the DPA; confirm the retention policy".into(),
                    owner: ["Ana", "Teo", "Lucas"][i % 3].into(),
                    review_date: Some(format!("2027-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                },
            )?;
        }
        for i in 0..vendors {
            add_vendor_in(
                w,
                project_id,
                NewVendor {
                    name: format!("Vendor {i:04}"),
                    data_shared: "Usage events and account emails".into(),
                    verified: i % 2 == 0,
                    verified_with: "SOC 2 report reviewed".into(),
                    actions: "Re-check annually".into(),
                    ..Default::default()
                },
            )?;
        }
        for kind in Sensitive::ALL {
            add_inventory_row_in(
                w,
                project_id,
                NewInventoryRow {
                    category: format!("{} records", kind.label()),
                    kind: Some(kind),
                    ..Default::default()
                },
            )?;
        }
        let today = w.today();
        for i in 0..reviews {
            record_review_in(
                w,
                project_id,
                NewReview {
                    date: Some((today - Duration::days(i as i64)).to_string()),
                    reviewer: ["Ana", "Teo", "Lucas"][i % 3].into(),
                    findings: "Checked the scan rows and the vendor list; no new triggers.".into(),
                    corrects: None,
                },
            )?;
        }
        Ok(())
    })
}
