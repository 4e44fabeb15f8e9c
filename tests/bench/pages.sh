#!/usr/bin/env bash
# Issue 13: every page of the large workspace (20,000 risks, 500 goals × 20 readings, 1,000
# stakeholders, 50 pillars × 40 assessments) from the click on its tab to its first rows
# painted (budget 150 ms), BENCH_RUNS rounds (default 5) after a warm-up; medians, min and max.
# The measuring is the e2e test `bench_pages::bench_pages` (ignored in `make test`).
#
#   NORTHSTAR_BIN=$CARGO_TARGET_DIR/release/northstar bash tests/bench/pages.sh   (make bench)
exec bash "$(dirname "$0")/e2e-bench.sh" pages bench_pages::bench_pages '(\[pages\]|panicked).*' 5
