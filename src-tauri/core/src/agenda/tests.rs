use super::*;
use crate::clock::Clock;
use crate::compliance::{self, NewScanRow, NewVendor, SnapshotEdit};
use crate::goals::{self, GoalEdit, NewGoal};
use crate::project::{self, NewProject};
use crate::risks::{self, NewRisk, RiskEdit};
use crate::scorecard::{self, NewPillar, PillarEdit};
use crate::stakeholders::{self, Cadence, NewStakeholder};
use crate::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDateTime, TimeZone, Utc};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

/// A clock the test moves: now (UTC, which the tests take as local too).
#[derive(Clone)]
struct Steps(Arc<Mutex<DateTime<Utc>>>);

impl Clock for Steps {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

impl Steps {
    fn at(y: i32, m: u32, d: u32, h: u32) -> Steps {
        Steps(Arc::new(Mutex::new(
            Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap(),
        )))
    }
    fn set(&self, t: NaiveDateTime) {
        *self.0.lock().unwrap() = Utc.from_utc_datetime(&t);
    }
    fn local(&self) -> NaiveDateTime {
        self.now().naive_utc()
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn store_at(clock: &Steps) -> Store {
    Store::open_in_memory(Box::new(clock.clone())).unwrap()
}

fn project(s: &mut Store, name: &str) -> String {
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

/// A project with one dated item of every kind, due on the given days.
struct Every {
    project: String,
    risk: String,
    vendor: String,
}

fn every_kind(s: &mut Store, name: &str, base: NaiveDate) -> Every {
    let p = project(s, name);
    let d = |n: i64| (base + Duration::days(n)).to_string();
    let pillar = scorecard::add_pillar(
        s,
        &p,
        NewPillar {
            name: "Reliability".into(),
            ..Default::default()
        },
    )
    .unwrap();
    scorecard::edit_pillar(s, &pillar.id, PillarEdit::NextCheckpoint(Some(d(0)))).unwrap();
    scorecard::edit_pillar(
        s,
        &pillar.id,
        PillarEdit::CheckpointRepeat(Some(Repeat::Monthly)),
    )
    .unwrap();
    let g = goals::add_goal(
        s,
        &p,
        NewGoal {
            goal: "Beta launch".into(),
            ..Default::default()
        },
    )
    .unwrap();
    goals::edit_goal(s, &g.id, GoalEdit::Deadline(Some(d(3)))).unwrap();
    let who = stakeholders::add_stakeholder(
        s,
        &p,
        NewStakeholder {
            name: "Ana".into(),
            cadence: Some(Cadence::Weekly),
            ..Default::default()
        },
    )
    .unwrap();
    stakeholders::check_in(
        s,
        &who.id,
        // A week before `base`, or today when that is still ahead.
        Some(
            &(base - Duration::days(7))
                .min(s.clock().today())
                .to_string(),
        ),
        "",
    )
    .unwrap();
    let risk = risks::add_risk(
        s,
        &p,
        NewRisk {
            title: "Traffic spike".into(),
            review_date: Some(d(10)),
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    compliance::add_scan_row(
        s,
        &p,
        NewScanRow {
            area: "Accounts".into(),
            regulation_id: "builtin-gdpr".into(),
            readiness: None,
            proof: String::new(),
            gaps: String::new(),
            owner: String::new(),
            review_date: Some(d(20)),
        },
    )
    .unwrap();
    compliance::edit_snapshot(s, &p, SnapshotEdit::NextReviewDate(Some(d(30)))).unwrap();
    let v = compliance::add_vendor(
        s,
        &p,
        NewVendor {
            name: "Stripe".into(),
            recheck_date: Some(d(40)),
            ..Default::default()
        },
    )
    .unwrap();
    Every {
        project: p,
        risk,
        vendor: v.vendors[0].id.clone(),
    }
}

#[test]
fn every_area_with_a_date_is_on_the_agenda_in_its_bucket() {
    let clock = Steps::at(2026, 11, 25, 9);
    let mut s = store_at(&clock);
    let today = clock.today();
    let e = every_kind(&mut s, "P", today);
    let items = agenda(s.conn(), today, &AgendaQuery::default()).unwrap();
    let seen: Vec<(ItemKind, &str, Bucket, Option<Repeat>)> = items
        .iter()
        .map(|i| (i.kind, i.title.as_str(), i.bucket, i.recurring))
        .collect();
    assert_eq!(
        seen,
        [
            (
                ItemKind::PillarCheckpoint,
                "Reliability checkpoint",
                Bucket::Today,
                Some(Repeat::Monthly)
            ),
            (
                ItemKind::StakeholderCheckIn,
                "Check in with Ana",
                Bucket::Today,
                Some(Repeat::Weekly)
            ),
            (
                ItemKind::GoalDeadline,
                "Goal deadline: Beta launch",
                Bucket::ThisWeek,
                None
            ),
            (
                ItemKind::RiskReview,
                "Risk review: Traffic spike",
                Bucket::Later,
                None
            ),
            (
                ItemKind::ComplianceReview,
                "GDPR scan: Accounts",
                Bucket::Later,
                None
            ),
            (
                ItemKind::NotesReview,
                "Compliance review",
                Bucket::Later,
                None
            ),
            (
                ItemKind::VendorRecheck,
                "Vendor re-check: Stripe",
                Bucket::Later,
                Some(Repeat::Yearly)
            ),
        ]
    );
    assert!(items
        .iter()
        .all(|i| i.project == "P" && i.id().starts_with(i.kind.as_str())));
    let week = AgendaQuery {
        days: Some(6),
        project_id: None,
    };
    assert_eq!(agenda(s.conn(), today, &week).unwrap().len(), 3);
    assert_eq!(due_counts(s.conn(), today).unwrap()[&e.project], 2);

    // Closed risks, archived and deleted projects, ad hoc stakeholders have no review date here.
    risks::edit_risk(&mut s, &e.risk, RiskEdit::Close("done".into())).unwrap();
    let after = agenda(s.conn(), today, &AgendaQuery::default()).unwrap();
    assert!(after.iter().all(|i| i.kind != ItemKind::RiskReview));
    project::set_archived(&mut s, &e.project, true).unwrap();
    assert!(agenda(s.conn(), today, &AgendaQuery::default())
        .unwrap()
        .is_empty());
    // A stakeholder never checked in is due from the day they were added.
    let q = project(&mut s, "Q");
    stakeholders::add_stakeholder(
        &mut s,
        &q,
        NewStakeholder {
            name: "Lucas".into(),
            cadence: Some(Cadence::Monthly),
            ..Default::default()
        },
    )
    .unwrap();
    stakeholders::add_stakeholder(
        &mut s,
        &q,
        NewStakeholder {
            name: "Whenever".into(),
            cadence: Some(Cadence::AdHoc),
            ..Default::default()
        },
    )
    .unwrap();
    let items = agenda(s.conn(), today, &AgendaQuery::default()).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0].title.as_str(), items[0].due.to_string().as_str()),
        ("Check in with Lucas", "2026-11-25")
    );
}

#[test]
fn reviewed_moves_recurring_items_on_from_the_day_reviewed_and_hides_one_offs() {
    let clock = Steps::at(2026, 1, 31, 9);
    let mut s = store_at(&clock);
    let e = every_kind(&mut s, "P", day("2026-01-20"));
    let today = clock.today();
    let item = |s: &Store, kind: ItemKind| {
        agenda(s.conn(), today, &AgendaQuery::default())
            .unwrap()
            .into_iter()
            .find(|i| i.kind == kind)
    };
    // A monthly pillar checkpoint reviewed on 31 Jan is next due on 28 Feb.
    let pillar = item(&s, ItemKind::PillarCheckpoint).unwrap();
    let next = mark_reviewed(&mut s, &pillar.id(), "Retries shipped")
        .unwrap()
        .unwrap();
    assert_eq!(next.due, "2026-02-28");
    // A check-in reviewed records the check-in; the weekly one is due a week on.
    let who = item(&s, ItemKind::StakeholderCheckIn).unwrap();
    let next = mark_reviewed(&mut s, &who.id(), "Went over the numbers")
        .unwrap()
        .unwrap();
    assert_eq!(next.due, "2026-02-07");
    let person = stakeholders::get_stakeholder(s.conn(), &who.row_id, today).unwrap();
    assert_eq!(person.check_ins[0].note, "Went over the numbers");
    // A vendor re-check moves a year on; a goal deadline, reviewed, leaves the agenda.
    let vendor = item(&s, ItemKind::VendorRecheck).unwrap();
    assert_eq!(vendor.row_id, e.vendor);
    let next = mark_reviewed(&mut s, &vendor.id(), "").unwrap().unwrap();
    assert_eq!(next.due, "2027-01-31");
    let goal = item(&s, ItemKind::GoalDeadline).unwrap();
    assert_eq!(mark_reviewed(&mut s, &goal.id(), "").unwrap(), None);
    assert!(item(&s, ItemKind::GoalDeadline).is_none());
    // The note is kept in the item's history.
    let notes: Vec<String> = s
        .conn()
        .prepare("SELECT note FROM agenda_marks WHERE mark = 'reviewed' ORDER BY created_at, id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(notes, ["Retries shipped", "Went over the numbers", "", ""]);
    assert!(mark_reviewed(&mut s, "risk_review:nope", "").is_err());
}

#[test]
fn a_snooze_moves_the_item_and_must_be_to_a_later_day() {
    let clock = Steps::at(2026, 11, 25, 9);
    let mut s = store_at(&clock);
    let today = clock.today();
    every_kind(&mut s, "P", today);
    let first = agenda(s.conn(), today, &AgendaQuery::default()).unwrap()[0].clone();
    let err = snooze(&mut s, &first.id(), "2026-11-25").unwrap_err();
    assert_eq!(
        err.to_string(),
        "Snooze until a day after today (got 2026-11-25)."
    );
    assert!(snooze(&mut s, &first.id(), "2026-11-31").is_err());
    let moved = snooze(&mut s, &first.id(), "2026-12-02").unwrap();
    assert_eq!(moved.due, "2026-12-02");
    assert_eq!(moved.snoozed_from, Some(Day(day("2026-11-25"))));
    assert_eq!(moved.bucket, Bucket::Later);
}

fn settings() -> ReminderSettings {
    ReminderSettings::default()
}

fn item_due(id: &str, due: &str, today: NaiveDate) -> AgendaItem {
    AgendaItem {
        kind: ItemKind::RiskReview,
        project_id: "p".into(),
        project: "P".into(),
        title: id.into(),
        due: Day(day(due)),
        snoozed_from: None,
        bucket: Bucket::of(day(due), today),
        recurring: None,
        row_id: id.into(),
    }
}

#[test]
fn decide_sends_each_lead_once_none_early_and_one_on_catch_up() {
    let mut sent: HashSet<(String, String, u32)> = HashSet::new();
    let mut run = |on: &str, at: u32| {
        let now = day(on).and_hms_opt(at, 0, 0).unwrap();
        let items = [item_due("a", "2026-03-10", now.date())];
        let (r, settle) = decide(&items, &sent, &settings(), now);
        sent.extend(settle);
        r.into_iter().map(|r| r.lead_days).collect::<Vec<_>>()
    };
    assert!(run("2026-03-02", 9).is_empty(), "8 days ahead: too early");
    assert_eq!(run("2026-03-03", 9), [7]);
    assert!(run("2026-03-03", 17).is_empty(), "not twice the same day");
    assert!(run("2026-03-06", 9).is_empty());
    assert_eq!(run("2026-03-09", 9), [1]);
    assert_eq!(run("2026-03-10", 9), [0]);
    assert!(
        run("2026-03-20", 9).is_empty(),
        "overdue is reminded once, on the day"
    );

    // A laptop shut from 10 days before until 2 days after: one reminder, the day's, and the
    // week-ahead and day-before ones settled with it.
    let mut sent: HashSet<(String, String, u32)> = HashSet::new();
    let now = day("2026-03-12").and_hms_opt(9, 0, 0).unwrap();
    let items = [
        item_due("a", "2026-03-10", now.date()),
        item_due("b", "2026-03-15", now.date()),
    ];
    let (r, settle) = decide(&items, &sent, &settings(), now);
    let got: Vec<(&str, u32)> = r
        .iter()
        .map(|r| (r.item.row_id.as_str(), r.lead_days))
        .collect();
    assert_eq!(got, [("a", 0), ("b", 7)]);
    assert_eq!(settle.len(), 4, "a's 7, 1 and 0, b's 7");
    sent.extend(settle);
    let summary = remind::summarize(r, now.date()).unwrap();
    assert_eq!(summary.title, "2 reviews due (1 overdue)");
    assert_eq!(
        summary.body,
        "a · P (overdue since 10 Mar)\nb · P (due in 3 days)"
    );

    // Quiet hours (22:00 to 08:00) defer everything to their end.
    let quiet = ReminderSettings {
        quiet_from: Some("22:00".into()),
        quiet_to: Some("08:00".into()),
        ..settings()
    };
    let items = [item_due("c", "2026-03-12", day("2026-03-12"))];
    for hour in [22, 23, 0, 7] {
        let at = day("2026-03-12").and_hms_opt(hour, 30, 0).unwrap();
        assert!(
            decide(&items, &sent, &quiet, at).0.is_empty(),
            "{hour}:30 is quiet"
        );
    }
    let at = day("2026-03-12").and_hms_opt(8, 0, 0).unwrap();
    assert_eq!(decide(&items, &sent, &quiet, at).0.len(), 1);
    let off = ReminderSettings {
        enabled: false,
        ..settings()
    };
    assert!(decide(&items, &sent, &off, at).0.is_empty());
}

/// A simulated year: a workspace with items of every kind and cadence in three projects, the app
/// launched most days at varying hours (shut for a week in August, checked during quiet hours on
/// some nights), check-ins reviewed when reminded, one date moved after its reminder, one risk
/// removed after its reminder, a snooze. Every reminder goes out exactly once, never early,
/// never in quiet hours, and nothing due is missed.
#[test]
fn a_simulated_year_sends_every_reminder_once_and_on_time() {
    let clock = Steps::at(2027, 12, 20, 9);
    let mut s = store_at(&clock);
    let quiet = ReminderSettings {
        quiet_from: Some("22:00".into()),
        quiet_to: Some("07:00".into()),
        ..settings()
    };
    quiet.save(&s).unwrap();
    // Month ends and a leap day among the dates.
    let a = every_kind(&mut s, "Alpha", day("2028-01-31"));
    every_kind(&mut s, "Beta", day("2028-02-29"));
    every_kind(&mut s, "Gamma", day("2028-06-30"));
    let mut log: Vec<(NaiveDateTime, Reminder)> = Vec::new();
    let mut moved = false;
    let mut removed = false;
    let mut snoozed = false;
    let mut date = day("2027-12-20");
    while date <= day("2028-12-31") {
        // Shut for the first week of August.
        let shut = date >= day("2028-08-01") && date <= day("2028-08-07");
        for hour in [23, 9] {
            if shut || (hour == 23 && !date.day0().is_multiple_of(5)) {
                continue;
            }
            let now = date.and_hms_opt(hour, 15, 0).unwrap();
            clock.set(now);
            if let Some(summary) = check_reminders(&mut s, now, false).unwrap() {
                for r in summary.reminders {
                    log.push((now, r));
                }
            }
            // Check-ins are reviewed on the day they come due; a quarter of them a week late.
            let due_now = agenda(
                s.conn(),
                date,
                &AgendaQuery {
                    days: Some(0),
                    project_id: None,
                },
            )
            .unwrap();
            for item in due_now {
                if item.kind == ItemKind::StakeholderCheckIn && !date.day0().is_multiple_of(4) {
                    mark_reviewed(&mut s, &item.id(), "").unwrap();
                }
            }
        }
        if !moved && date == day("2028-02-12") {
            // Alpha's risk review (10 Feb) was reminded; moving it to 1 Mar reminds again.
            risks::edit_risk(
                &mut s,
                &a.risk,
                RiskEdit::ReviewDate(Some("2028-03-01".into())),
            )
            .unwrap();
            moved = true;
        }
        if !removed && date == day("2028-03-02") {
            risks::remove_risk(&mut s, &a.risk).unwrap();
            removed = true;
        }
        if !snoozed && date == day("2028-06-28") {
            let gamma_goal = agenda(s.conn(), date, &AgendaQuery::default())
                .unwrap()
                .into_iter()
                .find(|i| i.kind == ItemKind::GoalDeadline && i.project == "Gamma")
                .unwrap();
            snooze(&mut s, &gamma_goal.id(), "2028-07-20").unwrap();
            snoozed = true;
        }
        date = date.succ_opt().unwrap();
    }
    // Exactly once per (item, due, lead).
    let mut seen: HashMap<(String, String, u32), NaiveDateTime> = HashMap::new();
    for (at, r) in &log {
        let key = (r.item.id(), r.item.due.to_string(), r.lead_days);
        assert!(
            seen.insert(key.clone(), *at).is_none(),
            "sent twice: {key:?}"
        );
        // Never early, never in quiet hours.
        let due = r.item.due.0;
        assert!(
            at.date() >= due - Duration::days(i64::from(r.lead_days)),
            "early: {key:?} at {at}"
        );
        assert!(
            !quiet.quiet_at(at.time()),
            "in quiet hours: {key:?} at {at}"
        );
    }
    // Nothing missed: every one-off due in the year got its on-the-day (or catch-up) reminder.
    for kind in [
        ItemKind::GoalDeadline,
        ItemKind::ComplianceReview,
        ItemKind::NotesReview,
    ] {
        for p in ["Alpha", "Beta", "Gamma"] {
            assert!(
                log.iter()
                    .any(|(_, r)| r.item.kind == kind && r.item.project == p && r.lead_days == 0),
                "{kind:?} of {p} never reminded on its day"
            );
        }
    }
    // The moved risk reminded for both dates; the leap day's items on 29 Feb itself.
    let risk_dues: HashSet<String> = log
        .iter()
        .filter(|(_, r)| r.item.row_id == a.risk)
        .map(|(_, r)| r.item.due.to_string())
        .collect();
    assert_eq!(
        risk_dues,
        HashSet::from(["2028-02-10".to_owned(), "2028-03-01".to_owned()])
    );
    assert!(log.iter().any(|(at, r)| r.item.project == "Beta"
        && r.item.kind == ItemKind::PillarCheckpoint
        && r.lead_days == 0
        && at.date() == day("2028-02-29")));
    // The snoozed goal reminded for its new day, not its old one.
    let gamma: Vec<String> = log
        .iter()
        .filter(|(_, r)| {
            r.item.kind == ItemKind::GoalDeadline && r.item.project == "Gamma" && r.lead_days == 0
        })
        .map(|(_, r)| r.item.due.to_string())
        .collect();
    assert_eq!(gamma, ["2028-07-20"]);
    // The week shut in August came back as reminders on the 8th, in one summary per check.
    let back: Vec<&NaiveDateTime> = log
        .iter()
        .map(|(at, _)| at)
        .filter(|at| at.date() == day("2028-08-08"))
        .collect();
    let checks: HashSet<&&NaiveDateTime> = back.iter().collect();
    assert!(
        !back.is_empty(),
        "what fell due in the shut week is caught up"
    );
    assert_eq!(checks.len(), 1, "the catch-up is one summary");
    // Weekly check-ins kept coming all year.
    let check_ins = log
        .iter()
        .filter(|(_, r)| r.item.kind == ItemKind::StakeholderCheckIn && r.lead_days == 0)
        .count();
    assert!(check_ins > 100, "{check_ins} check-in reminders");
}

#[test]
fn two_processes_checking_at_once_send_each_reminder_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("northstar.db");
    let clock = Steps::at(2026, 11, 25, 9);
    {
        let mut s = Store::open_with_clock(&path, Box::new(clock.clone())).unwrap();
        for n in 0..5 {
            every_kind(&mut s, &format!("P{n}"), clock.today());
        }
    }
    let now = clock.local();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let (path, clock) = (path.clone(), clock.clone());
            std::thread::spawn(move || {
                let mut s = Store::open_with_clock(&path, Box::new(clock)).unwrap();
                check_reminders(&mut s, now, false)
                    .unwrap()
                    .map_or(0, |sum| sum.reminders.len())
            })
        })
        .collect();
    let counts: Vec<usize> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let expected = {
        let s = Store::open_with_clock(&path, Box::new(clock.clone())).unwrap();
        let n: i64 = s
            .conn()
            .query_row(
                "SELECT count(DISTINCT item || due) FROM reminders_sent",
                [],
                |r| r.get(0),
            )
            .unwrap();
        n as usize
    };
    assert_eq!(counts.iter().sum::<usize>(), expected, "{counts:?}");
    assert_eq!(counts.iter().filter(|c| **c > 0).count(), 1, "{counts:?}");
}

#[test]
fn the_calendar_file_has_a_stable_uid_per_item_and_rrules() {
    let clock = Steps::at(2026, 11, 25, 9);
    let mut s = store_at(&clock);
    let e = every_kind(&mut s, "Launch; v0, beta", clock.today());
    let text = ics(s.conn(), clock.today(), clock.now(), Some(&e.project)).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 7);
    assert!(text.contains(&format!("UID:risk_review:{}@northstar\r\n", e.risk)));
    assert!(text.contains("SUMMARY:Launch\\; v0\\, beta: Risk review: Traffic spike\r\n"));
    assert!(text.contains("RRULE:FREQ=WEEKLY\r\n"));
    assert!(text.contains("RRULE:FREQ=MONTHLY\r\n"));
    assert!(text.contains("RRULE:FREQ=YEARLY\r\n"));
    assert!(text.contains("DTSTART;VALUE=DATE:20261205\r\nDTEND;VALUE=DATE:20261206\r\n"));
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "folded at 75 octets"
    );
    let again = ics(s.conn(), clock.today(), clock.now(), Some(&e.project)).unwrap();
    assert_eq!(text, again, "the same data gives the same file");
}

#[test]
fn the_first_screen_is_the_agendas_head_with_the_counts_of_all_of_it() {
    let clock = Steps::at(2026, 11, 25, 9);
    let mut s = store_at(&clock);
    let today = clock.today();
    every_kind(&mut s, "P", today);
    let q = AgendaQuery::default();
    let all = agenda(s.conn(), today, &q).unwrap();
    assert!(all.len() > 3, "enough items to cut: {}", all.len());
    let first = agenda_first(s.conn(), today, &q, 3).unwrap();
    assert_eq!(first.items, all[..3]);
    assert_eq!(first.total as usize, all.len());
    let count = |b: Bucket| all.iter().filter(|i| i.bucket == b).count() as u32;
    assert_eq!(
        first.counts,
        BucketCounts {
            overdue: count(Bucket::Overdue),
            today: count(Bucket::Today),
            this_week: count(Bucket::ThisWeek),
            later: count(Bucket::Later),
        }
    );
    let whole = agenda_first(s.conn(), today, &q, 1000).unwrap();
    assert_eq!(whole.items, all, "a limit past the end is all of it");
}
