//! The importer never panics: random and ragged tables made of the pieces real worksheets hold
//! (emoji, escaped pipes, `<br>`, look-alike hyphens, example rows, CRLF, a BOM), and plain
//! junk bytes. Fixed seed and 200 cases each, so a run is short and the same every time.

use super::super::{apply, plan};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

const HEADINGS: &[&str] = &[
    "Pillar",
    "Current Score (1‑5)",
    "Target Score",
    "Status",
    "Evidence / Notes",
    "Owner",
    "Next Checkpoint",
    "Goal / Outcome",
    "Stakeholders",
    "Risks & Mitigations",
    "Stakeholder / Role",
    "Communication Cadence & Channel",
    "Last Check-in",
    "Risk",
    "Likelihood",
    "Data / Feature Area",
    "Potential Regulation",
    "Current Readiness",
    "Review Date",
    "Data Category",
    "Sensitive Data",
    "Standard / Law",
    "Vendor",
    "Compliance Status Verified?",
    "Re-check Date",
    "Date",
    "Reviewer",
    "🎉 Mood",
    "",
];

const PIECES: &[&str] = &[
    "Reliability",
    "Example: x",
    "2",
    "7",
    "seven",
    "🟡 Partial",
    "🔴 None",
    "🟢",
    "2026‑01‑01",
    "2026-02-30",
    "2999-01-01",
    "\\|",
    "|",
    "<br>",
    "`code | pipe`",
    "**bold**",
    "[link](https://x.org)",
    "İstanbul",
    "K",
    "✅ yes",
    "❌",
    "Weekly: chat",
    "Closed:",
    "(date)",
    " ",
    "GDPR",
    "Health data",
    "\u{feff}",
    "\t",
];

fn cell() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..4).prop_map(|p| p.concat())
}

fn table() -> impl Strategy<Value = String> {
    let header = prop::collection::vec(prop::sample::select(HEADINGS), 1..8);
    let rows = prop::collection::vec(prop::collection::vec(cell(), 0..9), 0..6);
    let crlf = any::<bool>();
    (header, rows, crlf).prop_map(|(h, rows, crlf)| {
        let mut md = String::from("## Snapshot\n\n- **Owner:** x\n- [ ] HTTPS\n\n");
        md.push_str(&format!("| {} |\n", h.join(" | ")));
        md.push_str(&format!("|{}\n", " --- |".repeat(h.len())));
        for r in rows {
            md.push_str(&format!("| {} |\n", r.join(" | ")));
        }
        if crlf {
            md = format!("\u{feff}{}", md.replace('\n', "\r\n"));
        }
        md
    })
}

fn runner() -> TestRunner {
    let config = Config {
        cases: 200,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

#[test]
fn random_and_ragged_tables_never_panic_the_importer() {
    runner()
        .run(&table(), |md| {
            let p = plan(&[("t.md".into(), md.into_bytes())]).expect("text always plans");
            // Writing may refuse a row (a future date, a long name), but never panics, and
            // a refusal names the file.
            let mut s = crate::testing::store();
            if let Err(e) = apply(&mut s, &p, "Prop") {
                prop_assert!(e.to_string().starts_with("t.md, line "), "{e}");
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn junk_bytes_never_panic_the_planner() {
    runner()
        .run(&prop::collection::vec(any::<u8>(), 0..2000), |bytes| {
            let _ = plan(&[("junk.bin".into(), bytes)]);
            Ok(())
        })
        .unwrap();
}
