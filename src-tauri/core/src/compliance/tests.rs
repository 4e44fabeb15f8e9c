use super::proposals::{COPPA, FERPA, GDPR, HIPAA, PCI_DSS};
use super::*;
use crate::project::{self, NewProject};
use crate::testing::store;
use crate::Store;

fn project_id(s: &mut Store, name: &str) -> String {
    project::create(
        s,
        NewProject {
            name: name.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn proposed(a: Answers) -> Vec<&'static str> {
    proposals(&a).into_iter().map(|(id, _)| id).collect()
}

fn data(kinds: &[DataKind]) -> Answers {
    Answers {
        data: Some(kinds.to_vec()),
        ..Default::default()
    }
}

fn changes(s: &Store) -> i64 {
    s.conn()
        .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn each_answer_proposes_the_right_regulations_and_no_others() {
    assert!(proposed(Answers::default()).is_empty());
    assert!(proposed(data(&[DataKind::None])).is_empty());
    for (kind, id) in [
        (DataKind::EuPersonal, GDPR),
        (DataKind::UsHealth, HIPAA),
        (DataKind::Card, PCI_DSS),
        (DataKind::Student, FERPA),
        (DataKind::Children, COPPA),
    ] {
        assert_eq!(proposed(data(&[kind])), [id], "{kind:?}");
    }
    let payments = |p| Answers {
        payments: Some(p),
        ..Default::default()
    };
    assert_eq!(proposed(payments(true)), [PCI_DSS]);
    assert!(proposed(payments(false)).is_empty());
    let industry = |i| Answers {
        industry: Some(i),
        ..Default::default()
    };
    assert_eq!(proposed(industry(Industry::Healthcare)), [HIPAA]);
    assert_eq!(proposed(industry(Industry::Education)), [FERPA]);
    assert_eq!(proposed(industry(Industry::Finance)), [PCI_DSS]);
    for i in [Industry::None, Industry::Government, Industry::Other] {
        assert!(proposed(industry(i)).is_empty(), "{i:?}");
    }
    // Several answers: each regulation once, in the library's order, with every reason.
    let all = Answers {
        data: Some(vec![DataKind::Card, DataKind::EuPersonal]),
        payments: Some(true),
        industry: Some(Industry::Healthcare),
        industry_detail: "clinics".into(),
    };
    let p = proposals(&all);
    let ids: Vec<&str> = p.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, [GDPR, HIPAA, PCI_DSS]);
    assert_eq!(
        p[2].1,
        [
            "You store payment card data",
            "You take payments or touch financial data"
        ]
    );
}

#[test]
fn answers_are_kept_and_proposals_are_accepted_or_dismissed_with_a_reason() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let bad = set_answers(&mut s, &p, data(&[DataKind::None, DataKind::Card])).unwrap_err();
    assert_eq!(
        bad.to_string(),
        "“None of these” cannot be chosen with a kind of data."
    );
    let v = set_answers(
        &mut s,
        &p,
        Answers {
            data: Some(vec![DataKind::EuPersonal, DataKind::UsHealth]),
            payments: Some(false),
            industry: Some(Industry::None),
            industry_detail: String::new(),
        },
    )
    .unwrap();
    assert_eq!(v.answers.payments, Some(false));
    let status = |v: &ScanView, id: &str| {
        v.regulations
            .iter()
            .find(|r| r.regulation.id == id)
            .map(|r| r.status)
    };
    assert_eq!(status(&v, GDPR), Some(RegulationStatus::Proposed));
    assert_eq!(status(&v, HIPAA), Some(RegulationStatus::Proposed));
    assert_eq!(status(&v, PCI_DSS), None);

    let v = decide(&mut s, &p, GDPR, Decision::Accept).unwrap();
    assert_eq!(status(&v, GDPR), Some(RegulationStatus::Accepted));
    let err = decide(&mut s, &p, HIPAA, Decision::Dismiss("  ".into())).unwrap_err();
    assert_eq!(err.to_string(), "A reason to dismiss is required.");
    let v = decide(
        &mut s,
        &p,
        HIPAA,
        Decision::Dismiss("No patient data: wellness tips only.".into()),
    )
    .unwrap();
    let hipaa = v
        .regulations
        .iter()
        .find(|r| r.regulation.id == HIPAA)
        .unwrap();
    assert_eq!(hipaa.status, RegulationStatus::Dismissed);
    assert_eq!(hipaa.reason, "No patient data: wellness tips only.");
    // Named once per project: deciding again changes the one row.
    decide(&mut s, &p, HIPAA, Decision::Accept).unwrap();
    let rows: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM project_regulations WHERE project_id = ?1 AND regulation_id = ?2",
            [&p, HIPAA],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 1);
    // The user's own regulation joins the library once; accepted like any other.
    let soc2 = add_regulation(
        &mut s,
        NewRegulation {
            code: "SOC 2".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let again = add_regulation(
        &mut s,
        NewRegulation {
            code: "soc 2".into(),
            ..Default::default()
        },
    );
    assert!(again
        .unwrap_err()
        .to_string()
        .contains("already has a regulation"));
    let v = decide(&mut s, &p, &soc2, Decision::Accept).unwrap();
    assert_eq!(status(&v, &soc2), Some(RegulationStatus::Accepted));
    assert_eq!(v.library.last().unwrap().code, "SOC 2");
}

#[test]
fn scan_rows_accept_their_regulation_and_the_summary_reads_the_worst() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let add = |s: &mut Store, area: &str, reg: &str, r: Readiness| {
        add_scan_row(
            s,
            &p,
            NewScanRow {
                area: area.into(),
                regulation_id: reg.into(),
                readiness: Some(r),
                proof: String::new(),
                gaps: String::new(),
                owner: String::new(),
                review_date: None,
            },
        )
    };
    let v = add(
        &mut s,
        "User accounts (EU residents)",
        GDPR,
        Readiness::Ready,
    )
    .unwrap();
    assert_eq!(v.scan[0].regulation, "GDPR");
    let v = add(&mut s, "Analytics", GDPR, Readiness::Partial).unwrap();
    let row = v.scan[1].id.clone();
    add(&mut s, "Payment processing", PCI_DSS, Readiness::Missing).unwrap();
    let words = |s: &Store| -> Vec<(String, Option<Readiness>, u32)> {
        summary(s.conn(), &p)
            .unwrap()
            .into_iter()
            .map(|r| (r.code, r.worst, r.rows))
            .collect()
    };
    assert_eq!(
        words(&s),
        [
            ("GDPR".to_owned(), Some(Readiness::Partial), 2),
            ("PCI DSS".to_owned(), Some(Readiness::Missing), 1)
        ]
    );
    edit_scan_row(&mut s, &row, ScanEdit::Readiness(Readiness::Ready)).unwrap();
    assert_eq!(words(&s)[0].1, Some(Readiness::Ready));
    assert!(add(&mut s, " ", GDPR, Readiness::Ready).is_err());
    assert!(add(&mut s, "X", "no-such", Readiness::Ready).is_err());
    let err = decide(&mut s, &p, GDPR, Decision::Undecide).unwrap_err();
    assert!(err.to_string().contains("Scan rows name this regulation"));
    let err = edit_scan_row(
        &mut s,
        &row,
        ScanEdit::ReviewDate(Some("2026-13-01".into())),
    );
    assert!(err.unwrap_err().to_string().contains("real calendar date"));
}

#[test]
fn uncovered_sensitive_data_is_flagged_until_an_accepted_regulations_row_covers_it() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let v = add_inventory_row(
        &mut s,
        &p,
        NewInventoryRow {
            category: "Heart-rate readings".into(),
            kind: Some(Sensitive::Health),
            ..Default::default()
        },
    )
    .unwrap();
    add_inventory_row(
        &mut s,
        &p,
        NewInventoryRow {
            category: "Feature flags".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let row = &v.data_inventory[0];
    assert_eq!(
        row.flag.as_deref(),
        Some("Health data that no accepted regulation's scan row covers: probably HIPAA.")
    );
    assert_eq!(row.needs.as_deref(), Some(HIPAA));
    // Accepted without a scan row: still not covered.
    decide(&mut s, &p, HIPAA, Decision::Accept).unwrap();
    let flags = |s: &Store| -> Vec<bool> {
        notes_view(s.conn(), &p)
            .unwrap()
            .data_inventory
            .iter()
            .map(|r| r.flag.is_some())
            .collect()
    };
    assert_eq!(flags(&s), [true, false]);
    // A row under another regulation does not cover health data either.
    let new_row = |area: &str, reg: &str| NewScanRow {
        area: area.into(),
        regulation_id: reg.into(),
        readiness: None,
        proof: String::new(),
        gaps: String::new(),
        owner: String::new(),
        review_date: None,
    };
    add_scan_row(&mut s, &p, new_row("Accounts", GDPR)).unwrap();
    assert_eq!(flags(&s), [true, false]);
    let v = add_scan_row(&mut s, &p, new_row("Health metrics pilot", HIPAA)).unwrap();
    assert_eq!(flags(&s), [false, false]);
    // Removing the covering row flags it again.
    let hipaa_row = v.scan.iter().find(|r| r.regulation_id == HIPAA).unwrap();
    remove_scan_row(&mut s, &hipaa_row.id).unwrap();
    assert_eq!(flags(&s), [true, false]);
}

#[test]
fn the_review_history_refuses_change_even_through_raw_sql() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let h = record_review(
        &mut s,
        &p,
        NewReview {
            date: Some("2026-11-20".into()),
            reviewer: "Ana".into(),
            findings: "Logged GDPR trigger; scheduled DPA signing".into(),
            corrects: None,
        },
    )
    .unwrap();
    assert_eq!(
        notes_view(s.conn(), &p)
            .unwrap()
            .snapshot
            .last_reviewed
            .as_deref(),
        Some("2026-11-20")
    );
    let id = h[0].id.clone();
    for sql in [
        "UPDATE compliance_reviews SET findings = 'rewritten' WHERE id = ?1",
        "DELETE FROM compliance_reviews WHERE id = ?1",
    ] {
        let err = s.conn().execute(sql, [&id]).unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    let err = s
        .write(|w| {
            w.conn()
                .execute("DELETE FROM compliance_reviews", [])
                .map_err(crate::Error::from)
        })
        .unwrap_err();
    assert!(err.to_string().contains("append-only"));
    // A correction is a later entry naming the earlier one; the earlier one stays word for word.
    let h = record_review(
        &mut s,
        &p,
        NewReview {
            date: Some("2026-11-21".into()),
            reviewer: "Ana".into(),
            findings: "Correction: the DPA is signed, not scheduled.".into(),
            corrects: Some(id.clone()),
        },
    )
    .unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0].corrects.as_deref(), Some(id.as_str()));
    assert_eq!(h[1].findings, "Logged GDPR trigger; scheduled DPA signing");
    // A back-dated entry does not move "last reviewed" back; the future and no reviewer are refused.
    record_review(
        &mut s,
        &p,
        NewReview {
            date: Some("2026-10-01".into()),
            reviewer: "Teo".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let snap = notes_view(s.conn(), &p).unwrap().snapshot;
    assert_eq!(snap.last_reviewed.as_deref(), Some("2026-11-21"));
    let other = project_id(&mut s, "Other");
    let before = changes(&s);
    let future = NewReview {
        date: Some("2026-12-01".into()),
        reviewer: "Ana".into(),
        ..Default::default()
    };
    assert!(record_review(&mut s, &p, future)
        .unwrap_err()
        .to_string()
        .contains("future"));
    let nobody = NewReview::default();
    assert_eq!(
        record_review(&mut s, &p, nobody).unwrap_err().to_string(),
        "A reviewer is required."
    );
    let stray = NewReview {
        reviewer: "Ana".into(),
        corrects: Some(id),
        ..Default::default()
    };
    assert!(
        record_review(&mut s, &other, stray).is_err(),
        "corrects only its own project's"
    );
    assert_eq!(changes(&s), before);
}

#[test]
fn a_milestone_without_a_date_is_listed_as_undated() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let snap = edit_snapshot(
        &mut s,
        &p,
        SnapshotEdit::NextReviewMilestone("first_paying_customer".into()),
    )
    .unwrap();
    assert!(snap.undated);
    assert_eq!(snap.next_review_milestone, "first_paying_customer");
    let snap = edit_snapshot(
        &mut s,
        &p,
        SnapshotEdit::NextReviewDate(Some("2027-02-01".into())),
    )
    .unwrap();
    assert!(!snap.undated);
    let snap = edit_snapshot(&mut s, &p, SnapshotEdit::NextReviewDate(None)).unwrap();
    assert!(snap.undated);
    let snap = edit_snapshot(&mut s, &p, SnapshotEdit::NextReviewMilestone(String::new())).unwrap();
    assert!(!snap.undated, "nothing named, nothing to date");
    let err = edit_snapshot(
        &mut s,
        &p,
        SnapshotEdit::NextReviewDate(Some("soon".into())),
    );
    assert!(err.unwrap_err().to_string().contains("YYYY-MM-DD"));
}

#[test]
fn vendors_are_unique_per_project_and_rechecked_a_year_after_verification() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let other = project_id(&mut s, "Other");
    let v = add_vendor(
        &mut s,
        &p,
        NewVendor {
            name: "Stripe".into(),
            data_shared: "Billing metadata (no card numbers)".into(),
            verified: true,
            verified_with: "SOC 2 report reviewed".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let stripe = &v.vendors[0];
    assert_eq!(stripe.verified_on.as_deref(), Some("2026-11-25"));
    assert_eq!(stripe.recheck_date.as_deref(), Some("2027-11-25"));
    let dup = add_vendor(
        &mut s,
        &p,
        NewVendor {
            name: "  STRIPE ".into(),
            ..Default::default()
        },
    );
    assert_eq!(
        dup.unwrap_err().to_string(),
        "This project already lists the vendor “Stripe”."
    );
    add_vendor(
        &mut s,
        &other,
        NewVendor {
            name: "Stripe".into(),
            ..Default::default()
        },
    )
    .expect("another project may list it too");
    let v = add_vendor(
        &mut s,
        &p,
        NewVendor {
            name: "Mailer".into(),
            verified_on: Some("2024-02-29".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let mailer = v.vendors[1].id.clone();
    assert_eq!(
        v.vendors[1].recheck_date, None,
        "not verified: no re-check yet"
    );
    let v = edit_vendor(&mut s, &mailer, VendorEdit::Verified(true)).unwrap();
    assert_eq!(v.vendors[1].verified_on.as_deref(), Some("2024-02-29"));
    assert_eq!(v.vendors[1].recheck_date.as_deref(), Some("2025-02-28"));
    let err = edit_vendor(&mut s, &mailer, VendorEdit::Name("stripe".into())).unwrap_err();
    assert!(err.to_string().contains("already lists"));
}

#[test]
fn controls_start_seeded_and_keep_who_ticked_them_and_when() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    let v = notes_view(s.conn(), &p).unwrap();
    let labels: Vec<&str> = v.controls.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, STARTING_CONTROLS);
    let id = v.controls[1].id.clone();
    let v = tick_control(&mut s, &id, true, "ana").unwrap();
    assert!(v.controls[1].done);
    assert_eq!(v.controls[1].done_by, "ana");
    assert_eq!(
        v.controls[1].done_at.as_deref(),
        Some("2026-11-25T09:00:00.000Z")
    );
    let v = tick_control(&mut s, &id, false, "ana").unwrap();
    assert!(!v.controls[1].done && v.controls[1].done_at.is_none());
    let ticks: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM changes WHERE row_id = ?1 AND field = 'done'",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(ticks, 2, "the tick and the untick stay in the change log");
    let v = add_control(&mut s, &p, "Audit log for admin actions").unwrap();
    assert_eq!(v.controls.len(), 5);
    let v = remove_control(&mut s, &v.controls[0].id).unwrap();
    assert_eq!(v.controls.len(), 4);
    let v = set_question(&mut s, &p, "transfers", true, "Only EU regions.").unwrap();
    assert!(v.questions[0].done);
    assert_eq!(v.questions[0].note, "Only EU regions.");
    assert!(set_question(&mut s, &p, "nope", true, "").is_err());
}

#[test]
fn compliance_gathers_every_part_for_show_json() {
    let mut s = store();
    let p = project_id(&mut s, "P");
    add_trigger(
        &mut s,
        &p,
        NewTrigger {
            standard: "GDPR".into(),
            why: "EU residents can sign up for beta".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let again = add_trigger(
        &mut s,
        &p,
        NewTrigger {
            standard: "gdpr".into(),
            ..Default::default()
        },
    );
    assert_eq!(
        again.unwrap_err().to_string(),
        "The triggers already name “GDPR”: add to that row instead."
    );
    let c = compliance(s.conn(), &p).unwrap();
    let v = serde_json::to_value(&c).unwrap();
    for key in [
        "answers",
        "regulations",
        "scan",
        "snapshot",
        "data_inventory",
        "triggers",
        "vendors",
        "controls",
        "reviews",
        "questions",
    ] {
        assert!(v.get(key).is_some(), "compliance lacks {key}");
    }
    assert_eq!(c.triggers[0].standard, "GDPR");
    assert_eq!(c.questions.len(), 4);
}
