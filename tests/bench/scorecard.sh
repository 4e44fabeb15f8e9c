#!/usr/bin/env bash
# Scorecard benchmark (issue 3's budgets, measured in the real window and so over IPC), on a
# workspace with two projects of 50 pillars and 40 assessments built through northstar-core:
#   - opening one from the sidebar: click → `northstar:scorecard-ready` mark, and click → all 50
#     rows and the trend chart in the page (budget 150 ms);
#   - a score typed on a focused row: keydown → score shown, keydown → "Saved" (budget 16 ms).
# BENCH_RUNS (default 15) opens, alternating between the projects, and as many keypresses;
# per-run figures, then medians with min and max. The measuring is the e2e test
# `bench_scorecard::bench_scorecard` (ignored in `make test`): it drives the real window through
# tauri-driver, so it needs an X display and runs itself under xvfb-run when there is none.
#
#   NORTHSTAR_BIN=$CARGO_TARGET_DIR/release/northstar bash tests/bench/scorecard.sh   (make bench)
exec bash "$(dirname "$0")/e2e-bench.sh" scorecard bench_scorecard::bench_scorecard '(\[scorecard\]|panicked).*' 15
