//! The demo's compliance: the primer's three scan rows (GDPR Partial, PCI DSS Missing, HIPAA
//! Missing), the answers that propose those regulations, and a filled-in notes page.

use crate::compliance::{
    self as c, Answers, DataKind, Industry, NewInventoryRow, NewReview, NewScanRow, NewTrigger,
    NewVendor, Readiness, Sensitive, SnapshotEdit,
};
use crate::error::Result;
use crate::store::Writer;
use chrono::Duration;

const GDPR: &str = "builtin-gdpr";
const PCI_DSS: &str = "builtin-pci-dss";
const HIPAA: &str = "builtin-hipaa";

pub(super) fn seed(w: &mut Writer<'_>, p: &str) -> Result<()> {
    let today = w.today();
    let day = |n: i64| (today + Duration::days(n)).to_string();
    c::set_answers_in(
        w,
        p,
        Answers {
            data: Some(vec![
                DataKind::EuPersonal,
                DataKind::UsHealth,
                DataKind::Card,
            ]),
            payments: Some(true),
            industry: Some(Industry::None),
            industry_detail: String::new(),
        },
    )?;
    let rows = [
        (
            "User accounts (EU residents)",
            GDPR,
            Readiness::Partial,
            "AWS region set to eu-west-1; privacy policy draft saved",
            "Need DPA with analytics vendor; confirm data retention policy",
            "Bohdan",
        ),
        (
            "Payment processing",
            PCI_DSS,
            Readiness::Missing,
            "Using Stripe Checkout (tokenized)",
            "Document SAQ A scope; enforce least privilege on billing dashboards",
            "Teo",
        ),
        (
            "Health metrics pilot",
            HIPAA,
            Readiness::Missing,
            "Data stored encrypted at rest",
            "Need BAA with hosting provider; define access logs retention",
            "Lucas",
        ),
    ];
    for (area, regulation, readiness, proof, gaps, owner) in rows {
        c::add_scan_row_in(
            w,
            p,
            NewScanRow {
                area: area.into(),
                regulation_id: regulation.into(),
                readiness: Some(readiness),
                proof: proof.into(),
                gaps: gaps.into(),
                owner: owner.into(),
                review_date: Some(day(35)),
            },
        )?;
    }
    notes(w, p)?;
    c::record_review_in(
        w,
        p,
        NewReview {
            date: Some(day(-7)),
            reviewer: "Bohdan".into(),
            findings: "Logged GDPR trigger; scheduled DPA signing with the analytics vendor."
                .into(),
            corrects: None,
        },
    )
}

fn notes(w: &mut Writer<'_>, p: &str) -> Result<()> {
    c::edit_snapshot_in(
        w,
        p,
        SnapshotEdit::NextReviewMilestone("first_paying_customer".into()),
    )?;
    c::edit_snapshot_in(w, p, SnapshotEdit::Owner("Bohdan".into()))?;
    let inventory = [
        (
            "Customer email",
            "Signup form",
            "Postgres `customers` table",
            "Delete inactive records after 12 months",
            "Support, Admin",
            Some(Sensitive::Personal),
        ),
        (
            "Heart-rate readings",
            "Health metrics pilot app",
            "S3 bucket in eu-west-1, encrypted",
            "90 days, then aggregated",
            "Clinician role only",
            Some(Sensitive::Health),
        ),
        (
            "Billing metadata",
            "Stripe webhooks",
            "Postgres `invoices` table",
            "7 years (tax records)",
            "Finance, Admin",
            Some(Sensitive::Payment),
        ),
    ];
    for (category, source, storage, retention, access, kind) in inventory {
        c::add_inventory_row_in(
            w,
            p,
            NewInventoryRow {
                category: category.into(),
                source: source.into(),
                storage: storage.into(),
                retention: retention.into(),
                access: access.into(),
                kind,
            },
        )?;
    }
    c::add_trigger_in(
        w,
        p,
        NewTrigger {
            standard: "GDPR".into(),
            why: "EU residents can sign up for beta".into(),
            controls: "Data processing agreement, consent capture".into(),
            status: "DPA template drafted; need legal review".into(),
        },
    )?;
    c::add_vendor_in(
        w,
        p,
        NewVendor {
            name: "Stripe".into(),
            data_shared: "Billing metadata (no card numbers)".into(),
            verified: true,
            verified_with: "SOC 2 report reviewed".into(),
            verified_on: Some((w.today() - Duration::days(20)).to_string()),
            actions: "Re-check annually".into(),
            recheck_date: None,
        },
    )?;
    c::add_vendor_in(
        w,
        p,
        NewVendor {
            name: "Product analytics".into(),
            data_shared: "Pseudonymous usage events, EU users included".into(),
            actions: "Sign the DPA; confirm EU data residency".into(),
            ..Default::default()
        },
    )?;
    let https: String = w.conn().query_row(
        "SELECT id FROM controls WHERE project_id = ?1 AND deleted_at IS NULL ORDER BY position LIMIT 1",
        [p],
        |r| r.get(0),
    )?;
    c::tick_control_in(w, &https, true, "Bohdan")?;
    c::set_question_in(
        w,
        p,
        "vendors",
        true,
        "Stripe (billing metadata) and the analytics vendor (usage events).",
    )
}
