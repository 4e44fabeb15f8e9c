//! Goals on the one-page scorecard: the leading metric's latest reading in the header, and
//! one row per goal under the trend, as many as fit, the rest counted.

use super::*;
use crate::goals::MetricStatus;

#[test]
fn the_leading_metric_shows_its_goals_latest_reading_and_status() {
    let (mut s, id) = demo();
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        let page = &pages(&pdf)[0];
        // The words on the first line, the reading on the second, then the next field.
        let (words, reading) = line_and_next(page, "Leading metric");
        assert!(
            words.contains("Onboarding API success rate (target 99%, p95 under 400 ms)"),
            "{words}"
        );
        assert_eq!(
            reading.trim(),
            "98.1% on 2026-11-23, target ≥ 99% · ○ not met",
            "{paper:?}"
        );
        let (_, after) = line_and_next(page, reading.trim());
        assert!(after.trim_start().starts_with("Assessment"), "{after}");
    }

    // Short words and a met reading share one line.
    project::edit(
        &mut s,
        &id,
        project::ProjectEdit::LeadingMetric("Success rate".into()),
    )
    .unwrap();
    let goal = goals::list_goals(s.conn(), &id, as_of()).unwrap()[0]
        .id
        .clone();
    goals::add_reading(&mut s, &goal, 99.6, Some("2026-11-25")).unwrap();
    let pdf = render(s.conn(), &id, &opts(Paper::Letter, false)).unwrap();
    let page = pages(&pdf).remove(0);
    let (line, next) = line_and_next(&page, "Leading metric");
    assert!(
        line.contains("Success rate — 99.6% on 2026-11-25, target ≥ 99% · ● met"),
        "{line}"
    );
    assert!(next.trim_start().starts_with("Assessment"), "{next}");

    // Untied, the field is the words alone again.
    project::edit(&mut s, &id, project::ProjectEdit::LeadingGoal(None)).unwrap();
    let pdf = render(s.conn(), &id, &opts(Paper::Letter, false)).unwrap();
    let page = pages(&pdf).remove(0);
    let (line, next) = line_and_next(&page, "Leading metric");
    assert!(line.trim_end().ends_with("Success rate"), "{line}");
    assert!(next.trim_start().starts_with("Assessment"), "{next}");
}

#[test]
fn a_stale_or_unread_leading_goal_says_so_in_words() {
    let mut s = store();
    let id = generated(&mut s, "Stale", 3, 100, 1);
    alignment(&mut s, &id, 4, 3, 0);
    let list = goals::list_goals(s.conn(), &id, as_of()).unwrap();
    // GOAL-02 was last read 45 days ago; GOAL-03 has a target and no reading.
    for (goal, words) in [
        (
            &list[2],
            "99% on 2026-10-11, target ≥ 99% · ● met · stale, 45 days",
        ),
        (&list[3], "target ≤ 400 ms · – no reading yet"),
    ] {
        project::edit(
            &mut s,
            &id,
            project::ProjectEdit::LeadingGoal(Some(goal.id.clone())),
        )
        .unwrap();
        let pdf = render(s.conn(), &id, &opts(Paper::A4, false)).unwrap();
        let page = pages(&pdf).remove(0);
        let (line, _) = line_and_next(&page, "Leading metric");
        assert!(line.contains(&format!("p95 latency — {words}")), "{line}");
    }
}

#[test]
fn the_demo_scorecard_shows_its_goal_and_stays_one_page() {
    let (mut s, id) = demo();
    // Beside the demo's risks the goal is a card in the lower half's left column: the goal, then
    // its metric with the status, then the numbers.
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        assert_eq!(info(&pdf, "Pages"), "1", "{paper:?}");
        let page = &pages(&pdf)[0];
        let section = &page[page.find("Goals").expect("a Goals section")..];
        let lines: Vec<&str> = section.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("Keep the onboarding API reliable during beta"))
            .unwrap_or_else(|| panic!("the goal: {section}"));
        let (metric, numbers) = (lines[at + 1], lines[at + 2]);
        assert!(
            metric.contains("99% of requests succeed; p95 under 400 ms")
                && metric.contains("○ not met"),
            "{metric}"
        );
        assert!(
            numbers.contains("98.1% on 2026-11-23 · target ≥ 99%"),
            "{numbers}"
        );
        assert!(!page.contains("more goal"), "{page}");
        assert!(page.contains("page 1 of 1"));
        assert_tidy(&pdf);
        qpdf_ok(&pdf);
    }

    // Without risks or compliance the goals take the page's width again: a row under column
    // labels.
    without_compliance(&mut s, &id);
    let all = crate::risks::RiskQuery {
        status: crate::risks::StatusFilter::All,
        ..Default::default()
    };
    for r in crate::risks::all_risks(s.conn(), &id, &all, as_of()).unwrap() {
        crate::risks::remove_risk(&mut s, &r.id).unwrap();
    }
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        assert_eq!(info(&pdf, "Pages"), "1", "{paper:?}");
        let page = &pages(&pdf)[0];
        let section = &page[page.find("Goals").expect("a Goals section")..];
        let (head, _) = line_and_next(section, "Goals");
        for label in ["Latest reading", "Target", "Status"] {
            assert!(head.contains(label), "{head}");
        }
        let (row, below) = line_and_next(section, "Keep the onboarding API reliable during beta");
        for cell in ["98.1%", "≥ 99%", "○ not met"] {
            assert!(row.contains(cell), "{cell}: {row}");
        }
        assert!(
            below.contains("99% of requests succeed; p95 under 400 ms"),
            "{below}"
        );
        assert!(below.contains("2026-11-23"), "{below}");
        assert!(!page.contains("more goal") && !page.contains("Top risks"));
        assert_tidy(&pdf);
        qpdf_ok(&pdf);
    }
}

#[test]
fn goals_that_do_not_fit_the_page_are_counted_not_spilled() {
    let mut s = store();
    // Twelve pillars (both built-in sets) leave room for only a few goals.
    let id = generated(&mut s, "Crowded", 12, 300, 6);
    alignment(&mut s, &id, 30, 4, 3);
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(s.conn(), &id, &opts(paper, false)).unwrap();
        let pages = pages(&pdf);
        assert_eq!(pages.len(), 1, "{paper:?}");
        let shown = (0..30)
            .take_while(|i| pages[0].contains(&format!("GOAL-{i:02}")))
            .count();
        assert!((1..30).contains(&shown), "{shown} shown");
        assert!(!pages[0].contains(&format!("GOAL-{shown:02}")));
        let more = format!("+{} more goals in the full report", 30 - shown);
        assert!(pages[0].contains(&more), "{more}: {}", pages[0]);
        assert_tidy(&pdf);
    }

    // With room, every goal prints, each status in words.
    let id = generated(&mut s, "Roomy", 3, 100, 2);
    alignment(&mut s, &id, 5, 3, 2);
    let pdf = render(s.conn(), &id, &opts(Paper::Letter, false)).unwrap();
    let page = &pages(&pdf)[0];
    assert!(!page.contains("more goal"));
    let list = goals::list_goals(s.conn(), &id, as_of()).unwrap();
    // The fixture spreads its goals over every status, one of them stale.
    for status in [
        MetricStatus::Met,
        MetricStatus::NotMet,
        MetricStatus::NoReading,
        MetricStatus::NoNumbers,
    ] {
        assert!(list.iter().any(|g| g.status == status), "{status:?}");
    }
    assert!(list.iter().any(|g| g.stale));
    for g in &list {
        let (row, below) = line_and_next(page, &g.goal[..7]);
        let status = format!("{} {}", style::metric_symbol(g.status), g.status.label());
        assert!(row.contains(&status), "{status}: {row}");
        assert_eq!(below.contains("stale, 45 days"), g.stale, "{below}");
    }
    assert_tidy(&pdf);
}
