use super::*;
use crate::project::{self, NewProject};
use crate::testing::store;
use crate::Store;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn next(c: Cadence, from: &str) -> Option<String> {
    c.next_after(day(from)).map(|d| d.to_string())
}

fn project_id(s: &mut Store) -> String {
    project::create(
        s,
        NewProject {
            name: "P".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn add(s: &mut Store, p: &str, name: &str, cadence: Cadence) -> Stakeholder {
    add_stakeholder(
        s,
        p,
        NewStakeholder {
            name: name.into(),
            cadence: Some(cadence),
            ..Default::default()
        },
    )
    .unwrap()
}

#[test]
fn weekly_and_fortnightly_count_days_across_month_and_year_ends() {
    assert_eq!(
        next(Cadence::Weekly, "2026-11-25").as_deref(),
        Some("2026-12-02")
    );
    assert_eq!(
        next(Cadence::Weekly, "2026-12-28").as_deref(),
        Some("2027-01-04")
    );
    assert_eq!(
        next(Cadence::Weekly, "2028-02-26").as_deref(),
        Some("2028-03-04")
    );
    assert_eq!(
        next(Cadence::Fortnightly, "2026-01-31").as_deref(),
        Some("2026-02-14")
    );
    assert_eq!(
        next(Cadence::Fortnightly, "2028-02-20").as_deref(),
        Some("2028-03-05")
    );
    assert_eq!(
        next(Cadence::Fortnightly, "2027-02-20").as_deref(),
        Some("2027-03-06")
    );
}

#[test]
fn monthly_and_quarterly_keep_the_day_or_take_the_last_day_of_a_shorter_month() {
    assert_eq!(
        next(Cadence::Monthly, "2026-01-15").as_deref(),
        Some("2026-02-15")
    );
    // 31st-of-month starts.
    assert_eq!(
        next(Cadence::Monthly, "2026-01-31").as_deref(),
        Some("2026-02-28")
    );
    assert_eq!(
        next(Cadence::Monthly, "2028-01-31").as_deref(),
        Some("2028-02-29")
    );
    assert_eq!(
        next(Cadence::Monthly, "2026-03-31").as_deref(),
        Some("2026-04-30")
    );
    assert_eq!(
        next(Cadence::Monthly, "2026-12-31").as_deref(),
        Some("2027-01-31")
    );
    assert_eq!(
        next(Cadence::Quarterly, "2026-11-30").as_deref(),
        Some("2027-02-28")
    );
    assert_eq!(
        next(Cadence::Quarterly, "2027-11-30").as_deref(),
        Some("2028-02-29")
    );
    assert_eq!(
        next(Cadence::Quarterly, "2026-08-31").as_deref(),
        Some("2026-11-30")
    );
    // Leap day starts.
    assert_eq!(
        next(Cadence::Monthly, "2028-02-29").as_deref(),
        Some("2028-03-29")
    );
    assert_eq!(
        next(Cadence::Quarterly, "2028-02-29").as_deref(),
        Some("2028-05-29")
    );
    assert_eq!(
        next(Cadence::Weekly, "2028-02-29").as_deref(),
        Some("2028-03-07")
    );
}

#[test]
fn ad_hoc_has_no_next_check_in() {
    assert_eq!(next(Cadence::AdHoc, "2026-11-25"), None);
}

#[test]
fn check_ins_accumulate_and_set_the_next_date_and_overdue() {
    let mut s = store();
    let p = project_id(&mut s);
    let who = add(&mut s, &p, "Customer success lead", Cadence::Weekly);
    assert_eq!(
        (
            who.last_check_in.clone(),
            who.next_check_in.clone(),
            who.overdue
        ),
        (None, None, false)
    );
    let who = check_in(&mut s, &who.id, Some("2026-11-10"), "Beta error budget").unwrap();
    assert_eq!(who.next_check_in.as_deref(), Some("2026-11-17"));
    assert!(who.overdue, "due 17 Nov, today is 25 Nov");
    // "Checked in today".
    let who = check_in(&mut s, &who.id, None, "").unwrap();
    assert_eq!(who.last_check_in.as_deref(), Some("2026-11-25"));
    assert_eq!(who.next_check_in.as_deref(), Some("2026-12-02"));
    assert!(!who.overdue);
    // An older check-in typed later does not move the next date back.
    let who = check_in(&mut s, &who.id, Some("2026-11-01"), "kick-off").unwrap();
    let dates: Vec<&str> = who.check_ins.iter().map(|c| c.date.as_str()).collect();
    assert_eq!(dates, ["2026-11-25", "2026-11-10", "2026-11-01"]);
    assert_eq!(who.check_ins[1].note, "Beta error budget");
    // Changing the cadence moves the next date, from the same last check-in.
    let who = edit_stakeholder(
        &mut s,
        &who.id,
        StakeholderEdit::Cadence(Cadence::Quarterly),
    )
    .unwrap();
    assert_eq!(who.next_check_in.as_deref(), Some("2027-02-25"));
    let who = edit_stakeholder(&mut s, &who.id, StakeholderEdit::Cadence(Cadence::AdHoc)).unwrap();
    assert_eq!((who.next_check_in, who.overdue), (None, false));
    // A mistaken check-in is deleted.
    let latest = who.check_ins[0].id.clone();
    let who = delete_check_in(&mut s, &latest).unwrap();
    assert_eq!(who.last_check_in.as_deref(), Some("2026-11-10"));
}

#[test]
fn check_ins_are_real_days_not_in_the_future() {
    let mut s = store();
    let p = project_id(&mut s);
    let who = add(&mut s, &p, "Advisor", Cadence::Monthly);
    let e = check_in(&mut s, &who.id, Some("2026-11-26"), "").unwrap_err();
    assert_eq!(e.field(), Some("date"));
    assert!(
        e.to_string().contains("cannot be dated in the future"),
        "{e}"
    );
    let e = check_in(&mut s, &who.id, Some("25/11/2026"), "").unwrap_err();
    assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
    let e = check_in(&mut s, &who.id, None, &"n".repeat(10_001)).unwrap_err();
    assert_eq!(e.field(), Some("note"));
    assert!(get_stakeholder(s.conn(), &who.id, s.clock().today())
        .unwrap()
        .check_ins
        .is_empty());
}

#[test]
fn a_name_is_required_and_fields_have_limits() {
    let mut s = store();
    let p = project_id(&mut s);
    let e = add_stakeholder(&mut s, &p, NewStakeholder::default()).unwrap_err();
    assert_eq!(
        (e.field(), e.to_string().as_str()),
        (Some("name"), "A stakeholder name is required.")
    );
    let e = add_stakeholder(
        &mut s,
        &p,
        NewStakeholder {
            name: "x".repeat(201),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "A stakeholder name can be at most 200 characters (this one has 201)."
    );
    let who = add(&mut s, &p, "Ops", Cadence::Monthly);
    let long = "y".repeat(10_001);
    for (field, edit) in [
        ("why", StakeholderEdit::Why(long.clone())),
        ("success", StakeholderEdit::Success(long.clone())),
        ("channel", StakeholderEdit::Channel(long.clone())),
        (
            "open_questions",
            StakeholderEdit::OpenQuestions(long.clone()),
        ),
        ("name", StakeholderEdit::Name(" ".into())),
    ] {
        let e = edit_stakeholder(&mut s, &who.id, edit).unwrap_err();
        assert_eq!(e.field(), Some(field), "{e}");
    }
    let who = edit_stakeholder(&mut s, &who.id, StakeholderEdit::Owner("Teo".into())).unwrap();
    assert_eq!(who.owner, "Teo");
    let bad: Result<StakeholderEdit, _> =
        serde_json::from_str(r#"{"field":"cadence","value":"hourly"}"#);
    assert!(bad.is_err(), "cadence comes from its list");
}

#[test]
fn stakeholders_are_found_by_id_or_exact_name_within_their_project() {
    let mut s = store();
    let p = project_id(&mut s);
    let a = add(&mut s, &p, "Compliance advisor", Cadence::Quarterly);
    let b = add(&mut s, &p, "Customer success lead", Cadence::Weekly);
    let today = s.clock().today();
    assert_eq!(
        find_stakeholder(s.conn(), &p, "Customer success lead", today)
            .unwrap()
            .id,
        b.id
    );
    assert_eq!(
        find_stakeholder(s.conn(), &p, &a.id, today).unwrap().id,
        a.id
    );
    let e = find_stakeholder(s.conn(), &p, "customer success lead", today).unwrap_err();
    assert_eq!(
        e.to_string(),
        "No stakeholder matches “customer success lead”."
    );
    let order: Vec<String> = move_stakeholder(&mut s, &b.id, 0)
        .unwrap()
        .into_iter()
        .map(|x| x.name)
        .collect();
    assert_eq!(order, ["Customer success lead", "Compliance advisor"]);
    remove_stakeholder(&mut s, &b.id).unwrap();
    assert_eq!(list_stakeholders(s.conn(), &p, today).unwrap().len(), 1);
    assert!(find_stakeholder(s.conn(), &p, &b.id, today).is_err());
}
