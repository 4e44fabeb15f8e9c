//! `northstar export pdf` as a whole process on a real workspace: the file it writes, read back
//! with poppler (`pdftotext`, `pdfinfo`) and checked with `qpdf --check`; paper, `--full`, and
//! the errors that must leave nothing behind.

use northstar_core::demo::DEMO_NAME;
use northstar_tests::{cli, cli_ok, describe, dir_listing, stderr, Workspace};
use std::path::Path;
use std::process::Command;

/// Runs a poppler or qpdf tool on `pdf` and returns its stdout, insisting it succeeded.
fn tool(program: &str, args: &[&str], pdf: &Path) -> String {
    let mut cmd = Command::new(program);
    cmd.args(args).arg(pdf);
    if program == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed (poppler-utils, qpdf): {e}"));
    assert!(out.status.success(), "{program} failed\n{}", describe(&out));
    String::from_utf8(out.stdout).expect("the tool printed UTF-8")
}

/// `pdfinfo`'s value for `key` ("Pages", "Page size", "Title"...).
fn info(pdf: &Path, key: &str) -> String {
    tool("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .unwrap_or_else(|| panic!("pdfinfo has no {key}"))
        .trim()
        .to_owned()
}

#[test]
fn the_demo_scorecard_is_one_page_of_real_text() {
    let ws = Workspace::new();
    let out = ws.root().join("handout.pdf");
    let printed = cli_ok(
        &ws,
        &[
            "export",
            "pdf",
            DEMO_NAME,
            "-o",
            out.to_str().unwrap(),
            "--paper",
            "a4",
        ],
    );
    // It says where the file went, and that is where it is.
    assert_eq!(printed.trim_end(), out.display().to_string());
    tool("qpdf", &["--check"], &out);
    assert_eq!(info(&out, "Pages"), "1");
    assert!(
        info(&out, "Page size").contains("595.276 x 841.89"),
        "A4: {}",
        info(&out, "Page size")
    );
    assert_eq!(
        info(&out, "Title"),
        format!("{DEMO_NAME} – Readiness scorecard")
    );

    let text = tool("pdftotext", &[], &out);
    let show = northstar_tests::cli_json(&ws, &["show", DEMO_NAME, "--json"]);
    for needle in [
        DEMO_NAME,
        show["project"]["north_star"].as_str().unwrap(),
        "Reliability",
        "Security",
        "Observability",
        "Supportability",
    ] {
        assert!(text.contains(needle), "{needle:?} not in:\n{text}");
    }
}

#[test]
fn letter_paper_and_the_full_report_are_chosen_by_flags() {
    let ws = Workspace::new();
    let out = ws.root().join("report");
    let printed = cli_ok(
        &ws,
        &[
            "export",
            "pdf",
            DEMO_NAME,
            "--output",
            out.to_str().unwrap(),
            "--paper",
            "letter",
            "--full",
        ],
    );
    // The extension is added when the name has none.
    let written = ws.root().join("report.pdf");
    assert_eq!(printed.trim_end(), written.display().to_string());
    tool("qpdf", &["--check"], &written);
    assert!(info(&written, "Page size").contains("612 x 792"));
    let pages: usize = info(&written, "Pages").parse().unwrap();
    assert!(pages >= 2, "the full report follows the scorecard page");
    let text = tool("pdftotext", &[], &written);
    for n in 1..=pages {
        assert!(
            text.contains(&format!("page {n} of {pages}")),
            "page {n} is numbered:\n{text}"
        );
    }
    assert!(text.contains("Pillars and evidence"), "{text}");
    assert!(text.contains("Assessment history"), "{text}");
}

#[test]
fn an_unknown_project_or_a_bad_flag_writes_nothing() {
    let ws = Workspace::new();
    let out = ws.root().join("exports");
    std::fs::create_dir_all(&out).unwrap();
    let file = out.join("x.pdf");
    let file = file.to_str().unwrap();

    let unknown = cli(&ws, &["export", "pdf", "No such project", "-o", file]);
    assert_eq!(unknown.status.code(), Some(1), "{}", describe(&unknown));
    assert!(stderr(&unknown).contains("No such project"));

    let paper = cli(
        &ws,
        &["export", "pdf", DEMO_NAME, "-o", file, "--paper", "a3"],
    );
    assert_eq!(paper.status.code(), Some(2), "{}", describe(&paper));

    let no_output = cli(&ws, &["export", "pdf", DEMO_NAME]);
    assert_eq!(no_output.status.code(), Some(2), "{}", describe(&no_output));

    let missing_dir = ws.root().join("no/such/folder/x.pdf");
    let unwritable = cli(
        &ws,
        &[
            "export",
            "pdf",
            DEMO_NAME,
            "-o",
            missing_dir.to_str().unwrap(),
        ],
    );
    assert_eq!(
        unwritable.status.code(),
        Some(1),
        "{}",
        describe(&unwritable)
    );
    assert_eq!(
        stderr(&unwritable).lines().count(),
        1,
        "{}",
        describe(&unwritable)
    );

    assert!(
        dir_listing(&out).is_empty(),
        "a failed export left files behind: {:?}",
        dir_listing(&out)
    );
}

#[test]
fn exporting_over_an_existing_file_replaces_it_whole() {
    let ws = Workspace::new();
    let out = ws.root().join("scorecard.pdf");
    std::fs::write(
        &out,
        "an older export, much longer than nothing at all".repeat(10_000),
    )
    .unwrap();
    cli_ok(
        &ws,
        &["export", "pdf", DEMO_NAME, "-o", out.to_str().unwrap()],
    );
    tool("qpdf", &["--check"], &out);
    assert_eq!(info(&out, "Pages"), "1");
    assert_eq!(
        dir_listing(ws.root())
            .iter()
            .filter(|n| n.contains("scorecard"))
            .count(),
        1,
        "no temporary file is left beside it: {:?}",
        dir_listing(ws.root())
    );
}
