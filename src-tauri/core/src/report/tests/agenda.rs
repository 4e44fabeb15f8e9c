//! Review dates in print: the scorecard's "Coming up" at the foot of the left column (overdue
//! and the next 30 days, grouped by day and kind, still one page on A4 and Letter, nothing when
//! nothing is due), and the full report's table of every review date.

use super::*;
use crate::agenda::{agenda, AgendaQuery, Bucket};
use crate::report::sections::coming;

fn all_dates(s: &Store, id: &str, day: NaiveDate) -> Vec<crate::agenda::AgendaItem> {
    let q = AgendaQuery {
        days: None,
        project_id: Some(id.to_owned()),
    };
    agenda(s.conn(), day, &q).unwrap()
}

#[test]
fn the_demo_scorecard_lists_the_overdue_check_in_and_stays_one_page() {
    let (s, id) = demo();
    let overdue: Vec<_> = all_dates(&s, &id, as_of())
        .into_iter()
        .filter(|i| i.bucket == Bucket::Overdue)
        .collect();
    assert_eq!(overdue.len(), 1, "{overdue:?}");
    assert_eq!(overdue[0].title, "Check in with Customer success lead");
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        assert_eq!(info(&pdf, "Pages"), "1", "{paper:?}");
        let page = &pages(&pdf)[0];
        let (line, _) = line_and_next(page, "overdue since 22 Nov");
        assert!(line.contains("Coming up") || paper == Paper::A4, "{line}");
        assert!(line.contains("Check in with"), "{paper:?}: {line}");
        assert!(
            page.contains("more review dates in the full report"),
            "{page}"
        );
        // The demo's other panels stay whole.
        assert!(!page.contains("more risk") && !page.contains("more goal"));
        assert!(page.contains("PCI DSS") && page.contains("Last reviewed"));
        // Under the goals, in the left column.
        let all = words(&pdf);
        let ((width, _), list) = &all[0];
        let word = |t: &str| list.iter().find(|w| w.text == t).unwrap();
        let (coming, goals) = (word("Coming"), word("Goals"));
        assert!(coming.x1 < width / 2.0 && coming.y0 > goals.y1, "{paper:?}");
        assert_tidy(&pdf);
        qpdf_ok(&pdf);
    }
    // A4 has room for the panel with its heading, and twelve checkpoints read as one line.
    let pdf = render(s.conn(), &id, &opts(Paper::A4, false)).unwrap();
    let page = &pages(&pdf)[0];
    assert!(
        page.contains("1 overdue · 15 in the next 30 days"),
        "{page}"
    );
    let (line, _) = line_and_next(page, "12 pillar checkpoints");
    assert!(line.contains("9 Dec"), "{line}");
    assert!(!page.contains("Reliability checkpoint"), "{page}");
}

#[test]
fn nothing_due_in_thirty_days_draws_no_coming_up() {
    let (s, id) = demo();
    // Half a year earlier, every date is more than 30 days off and none is overdue.
    let day = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let until = day + chrono::Days::new(30);
    let dates = all_dates(&s, &id, day);
    assert!(!dates.is_empty());
    assert!(dates
        .iter()
        .all(|i| i.bucket != Bucket::Overdue && i.due.0 > until));
    for paper in [Paper::A4, Paper::Letter] {
        let o = ReportOptions {
            as_of: day,
            ..opts(paper, false)
        };
        let pdf = render(s.conn(), &id, &o).unwrap();
        assert_eq!(info(&pdf, "Pages"), "1", "{paper:?}");
        let page = &pages(&pdf)[0];
        for gone in ["Coming up", "overdue since", "review date"] {
            assert!(!page.contains(gone), "{paper:?} {gone}: {page}");
        }
    }
}

#[test]
fn the_full_report_lists_every_review_date() {
    let (s, id) = demo();
    let dates = all_dates(&s, &id, as_of());
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, true)).unwrap();
        let all = pages(&pdf);
        let first = all
            .iter()
            .position(|p| p.contains("Review dates"))
            .expect("a review dates page");
        let text: String = all[first..].join("\n");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&format!("{} dates · 1 overdue", dates.len())));
        for h in ["Date", "What", "Kind", "Repeats"] {
            assert!(all[first].contains(h), "{h}");
        }
        for i in &dates {
            let start: String = i.title.chars().take(30).collect();
            assert!(flat.contains(&start), "{paper:?}: {} missing", i.title);
            assert!(flat.contains(&i.due.to_string()), "{}", i.due);
        }
        let (line, next) = line_and_next(&all[first], "Check in with Customer success lead");
        assert!(
            line.contains("2026-11-22") && line.contains("weekly"),
            "{line}"
        );
        assert!(next.contains("overdue"), "{next}");
        assert!(flat.contains("Vendor re-check: Stripe") && flat.contains("yearly"));
        assert_tidy(&pdf);
        qpdf_ok(&pdf);
    }
}

/// The demo's scorecard on A4 and Letter and the full report, to look at:
/// `cargo test -p northstar-core write_agenda_pdfs -- --ignored`.
#[test]
#[ignore = "writes files to look at"]
fn write_agenda_pdfs() {
    let dir = std::env::var("NORTHSTAR_REPORT_OUT").unwrap_or("/tmp/pdf-agenda".into());
    std::fs::create_dir_all(&dir).unwrap();
    let (s, id) = demo();
    for (name, paper, full) in [
        ("demo-a4", Paper::A4, false),
        ("demo-letter", Paper::Letter, false),
        ("demo-full-a4", Paper::A4, true),
    ] {
        let pdf = render(s.conn(), &id, &opts(paper, full)).unwrap();
        std::fs::write(Path::new(&dir).join(format!("{name}.pdf")), pdf).unwrap();
    }
}

#[test]
fn the_scorecard_reads_only_the_dates_it_shows_and_the_full_report_every_one() {
    let (mut s, id) = demo();
    let until = as_of() + chrono::Days::new(sections::AHEAD);
    // A date inside the window snoozed past it leaves both the window and the scorecard.
    let inside = all_dates(&s, &id, as_of())
        .into_iter()
        .find(|i| i.bucket != Bucket::Overdue && i.due.0 <= until)
        .expect("the demo has a date in the next 30 days");
    let later = until + chrono::Days::new(5);
    crate::agenda::snooze(&mut s, &inside.id(), &later.to_string()).unwrap();

    let full = gather(s.conn(), &id, as_of(), true).unwrap();
    let card = gather(s.conn(), &id, as_of(), false).unwrap();
    let key = |i: &crate::agenda::AgendaItem| (i.id(), i.due.0, i.bucket);
    let shown: Vec<_> = coming(&full).into_iter().map(key).collect();
    assert_eq!(card.agenda.iter().map(key).collect::<Vec<_>>(), shown);
    assert!(shown.iter().all(|(item, _, _)| *item != inside.id()));
    assert!(full
        .agenda
        .iter()
        .any(|i| i.id() == inside.id() && i.due.0 == later));
    assert!(
        full.agenda.len() > card.agenda.len(),
        "the full report lists more"
    );
    // Stakeholders are named only in the full report's tables.
    assert!(!full.stakeholders.is_empty() && card.stakeholders.is_empty());
}
