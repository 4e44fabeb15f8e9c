//! The full report's North Star alignment and stakeholder canvas tables: the worksheets'
//! headings, names rather than ids, every reading and check-in, and nothing at all for an area
//! without data.

use super::*;

/// The words in content-stream order, whitespace collapsed: a heading wrapped over two lines
/// in a narrow column reads as one phrase, and columns stay in drawing order.
fn raw(bytes: &[u8]) -> String {
    let text = tool(bytes, "pdftotext", &["-raw"]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The column headings of the two worksheets users keep today
/// (`fixtures/launchpad/north-star-alignment.md` and `stakeholder-canvas.md`).
const GOAL_HEADINGS: [&str; 5] = [
    "Goal / Outcome",
    "Success Metric",
    "Deadline / Guardrail",
    "Stakeholders",
    "Risks & Mitigations",
];
const CANVAS_HEADINGS: [&str; 6] = [
    "Stakeholder / Role",
    "Why They Care",
    "What “Success” Looks Like",
    "Communication Cadence & Channel",
    "Risks / Open Questions",
    "Owner",
];

/// The text of each column of one table row: the words on page `page` (0-based) with tops
/// between `top` and `bottom` whose left edge falls under each heading word (the first such
/// word below `after`), in reading order.
fn cells(
    bytes: &[u8],
    page: usize,
    heads: &[&str],
    after: f32,
    (top, bottom): (f32, f32),
) -> Vec<String> {
    let all = words(bytes);
    let ((width, _), words) = &all[page];
    let xs: Vec<f32> = heads
        .iter()
        .map(|h| {
            let w = words.iter().find(|w| w.text == *h && w.y0 > after);
            w.unwrap_or_else(|| panic!("heading {h} missing")).x0 - 0.5
        })
        .collect();
    (0..xs.len())
        .map(|k| {
            let right = xs.get(k + 1).copied().unwrap_or(*width);
            let mut inside: Vec<&Word> = words
                .iter()
                .filter(|w| w.x0 >= xs[k] && w.x0 < right && w.y0 >= top - 0.5 && w.y0 < bottom)
                .collect();
            inside.sort_by(|a, b| (a.y0, a.x0).partial_cmp(&(b.y0, b.x0)).unwrap());
            let text: Vec<&str> = inside.iter().map(|w| w.text.as_str()).collect();
            text.join(" ")
        })
        .collect()
}

/// The page (0-based) whose text holds `page_has`, and the top of the first word `text` on it
/// below `after`.
fn locate(bytes: &[u8], page_has: &str, text: &str, after: f32) -> (usize, f32) {
    let page = pages(bytes)
        .iter()
        .position(|p| p.contains(page_has))
        .unwrap();
    let all = words(bytes);
    let w = all[page].1.iter().find(|w| w.text == text && w.y0 > after);
    (page, w.unwrap_or_else(|| panic!("{text} missing")).y0)
}

#[test]
fn the_full_report_has_both_worksheets_with_their_headings_and_names() {
    let (s, id) = demo();
    let pdf = render(s.conn(), &id, &opts(Paper::A4, true)).unwrap();
    qpdf_ok(&pdf);
    let text = raw(&pdf);
    let goals_at = text.find("North Star alignment").expect("the goals table");
    let canvas_at = text
        .find("Stakeholder alignment canvas")
        .expect("the canvas");
    assert!(goals_at < canvas_at);
    let (goals_part, canvas_part) = (
        &text[goals_at..canvas_at],
        &text[canvas_at..text.find("Review dates").unwrap_or(text.len())],
    );
    // Headings in the worksheets' order, ready to paste back into them.
    assert!(
        goals_part.contains(&GOAL_HEADINGS.join(" ")),
        "{goals_part}"
    );
    assert!(
        canvas_part.contains(&CANVAS_HEADINGS.join(" ")),
        "{canvas_part}"
    );
    assert!(canvas_part.contains("Owner Last / next check-in"));

    // Full-width lines under the rows: every reading, and the latest check-ins with notes.
    assert!(goals_part.contains("Readings: 2026-11-04 99.3% · 2026-11-23 98.1%"));
    assert!(canvas_part.contains("Check-ins: 2026-11-15 – Shared the beta error budget."));
    assert!(canvas_part.contains("2 stakeholders · 1 overdue for a check-in"));

    // The goal's row, column by column, down to its readings line.
    let (page, title) = locate(&pdf, "North Star alignment", "North", 0.0);
    let (_, top) = locate(&pdf, "North Star alignment", "Keep", title);
    let (_, readings) = locate(&pdf, "North Star alignment", "Readings:", top);
    let heads = ["Goal", "Success", "Deadline", "Stakeholders", "Risks"];
    let row = cells(&pdf, page, &heads, title, (top, readings));
    assert_eq!(
        row,
        [
            "Keep the onboarding API reliable during beta",
            "99% of requests succeed; p95 under 400 ms Target ≥ 99% ○ not met: 98.1%",
            "2027-01-06 Beta launch in six weeks; hosting under EUR 150 a month.",
            // Stakeholders by name, never by id.
            "Customer success lead",
            // The linked risks, most severe first, with band and mitigation from the register.
            "Risk: An integration spikes traffic unexpectedly (high) → Mitigation: Synthetic \
             monitoring and rate limits. Risk: Support load grows while the onboarding doc is \
             stale (medium) → Mitigation: Runbooks for the five most asked questions; review the \
             doc each release.",
        ]
    );
    let people = stakeholders::list_stakeholders(s.conn(), &id, as_of()).unwrap();
    for p in &people {
        assert!(!text.contains(&p.id), "{} printed by id", p.name);
    }

    // The first stakeholder's row: the overdue check-in says so in words.
    let (page, title) = locate(&pdf, "Stakeholder alignment canvas", "canvas", 0.0);
    let (_, top) = locate(&pdf, "Stakeholder alignment canvas", "Customer", title);
    let (_, check_ins) = locate(&pdf, "Stakeholder alignment canvas", "Check-ins:", top);
    let heads = [
        "Stakeholder",
        "Why",
        "What",
        "Communication",
        "Risks",
        "Owner",
        "Last",
    ];
    let row = cells(&pdf, page, &heads, title + 1.0, (top, check_ins));
    assert_eq!(
        row,
        [
            "Customer success lead",
            "Needs reliable onboarding flows to avoid churn.",
            "Under 2% onboarding failures; fixes within an hour.",
            "Weekly Weekly async update in chat; monthly review call.",
            "Do international customers hit region-specific issues?",
            "Teo",
            "last 2026-11-15 next 2026-11-22 overdue",
        ]
    );
    // The quarterly check-in is not due yet.
    let (_, top) = locate(
        &pdf,
        "Stakeholder alignment canvas",
        "Compliance",
        check_ins,
    );
    let (_, bottom) = locate(&pdf, "Stakeholder alignment canvas", "Check-ins:", top);
    let row = cells(&pdf, page, &heads, title + 1.0, (top, bottom));
    assert_eq!(row[0], "Compliance advisor");
    assert_eq!(row[6], "last 2026-10-26 next 2027-01-26");
    assert_tidy(&pdf);
}

#[test]
fn a_big_full_report_prints_every_goal_reading_and_stakeholder_once() {
    let mut s = store();
    let id = generated(&mut s, "Big – Ωmega", 20, 300, 10);
    alignment(&mut s, &id, 40, 20, 60);
    let pdf = render(s.conn(), &id, &opts(Paper::Letter, true)).unwrap();
    qpdf_ok(&pdf);
    let pages = pages(&pdf);
    let first = |needle: &str| pages.iter().position(|p| p.contains(needle)).unwrap();
    let (goals_page, canvas_page) = (
        first("North Star alignment"),
        first("Stakeholder alignment canvas"),
    );
    assert!(first("Assessment history") < goals_page && goals_page <= canvas_page);
    // Headings repeat on every page a table runs onto.
    for page in &pages[goals_page + 1..canvas_page] {
        assert!(
            page.contains("North Star alignment (continued)") && page.contains("Success Metric")
        );
    }
    for page in pages[canvas_page + 1..]
        .iter()
        .take_while(|p| !p.contains("Review dates"))
    {
        assert!(page.contains("Stakeholder alignment canvas (continued)"));
        assert!(page.contains("Why They Care"));
    }
    let text = raw(&pdf);
    let canvas_at = text.find("Stakeholder alignment canvas").unwrap();
    // The canvas ends where the review dates, which name every check-in again, begin.
    let end = text.find("Review dates").unwrap_or(text.len());
    let (goals_part, canvas_part) = (&text[..canvas_at], &text[canvas_at..end]);
    let goals_part = &goals_part[goals_part.find("North Star alignment").unwrap()..];
    let list = goals::list_goals(s.conn(), &id, as_of()).unwrap();
    for g in &list {
        let tag = &g.goal[..7];
        assert_eq!(goals_part.matches(tag).count(), 1, "{tag}");
        // Every reading, oldest first, value and unit together.
        let readings: Vec<String> = g
            .readings
            .iter()
            .map(|r| format!("{} {}", r.date, goals::with_unit(r.value, &g.unit)))
            .collect();
        if !readings.is_empty() {
            let line = format!("Readings: {}", readings.join(" · "));
            assert!(goals_part.contains(&line), "{line}");
        }
    }
    let people = stakeholders::list_stakeholders(s.conn(), &id, as_of()).unwrap();
    for (i, p) in people.iter().enumerate() {
        assert_eq!(canvas_part.matches(&format!("Question {i:02}:")).count(), 1);
        assert!(!text.contains(&p.id));
    }
    let overdue = people.iter().filter(|p| p.overdue).count();
    assert!(overdue > 0);
    assert!(canvas_part.contains(&format!("{overdue} overdue for a check-in")));
    assert_eq!(
        canvas_part.matches(" overdue ").count(),
        overdue + 1,
        "{canvas_part}"
    );
    assert_tidy(&pdf);
}

#[test]
fn areas_without_data_draw_nothing() {
    let mut s = store();
    let id = generated(&mut s, "Pillars only", 4, 100, 2);
    for full in [false, true] {
        let pdf = render(s.conn(), &id, &opts(Paper::A4, full)).unwrap();
        let text = pages(&pdf).join("\n");
        for h in [
            "Goals",
            "Latest reading",
            "North Star alignment",
            "Stakeholder alignment canvas",
            "Goal / Outcome",
            "Why They Care",
        ] {
            assert!(!text.contains(h), "{h}: {text}");
        }
        let (line, _) = line_and_next(&text, "Leading metric");
        assert!(line.trim_end().ends_with("p95 latency"), "{line}");
    }
    let plain = pages(&render(s.conn(), &id, &opts(Paper::A4, true)).unwrap()).len();

    // Stakeholders alone: the canvas, on a page of its own, and no goals anywhere.
    alignment(&mut s, &id, 0, 0, 2);
    let pdf = render(s.conn(), &id, &opts(Paper::A4, true)).unwrap();
    let all = pages(&pdf);
    assert_eq!(all.len(), plain + 1);
    // Before the review dates, which close the report.
    assert!(all[plain - 1].contains("Stakeholder alignment canvas"));
    assert!(all[plain].contains("Review dates"));
    let text = all.join("\n");
    assert!(!text.contains("North Star alignment") && !text.contains("Goals"));
    // The scorecard may say a check-in with them is coming up, nothing more.
    assert!(
        !all[0]
            .lines()
            .any(|l| l.contains("Person 00") && !l.contains("Check in with")),
        "the canvas is not on the scorecard"
    );

    // Goals alone: their table and the scorecard rows, no canvas, no names.
    let mut s = store();
    let id = generated(&mut s, "Goals only", 4, 100, 2);
    alignment(&mut s, &id, 2, 2, 0);
    let text = pages(&render(s.conn(), &id, &opts(Paper::A4, true)).unwrap()).join("\n");
    assert!(text.contains("Goals") && text.contains("North Star alignment"));
    assert!(!text.contains("Stakeholder alignment canvas") && !text.contains("Person"));
}
