#!/usr/bin/env bash
# Goals and stakeholders benchmark (issue 7's budgets), in the real window and so over IPC, on a
# project with 500 goals × 20 readings and 1,000 stakeholders built through northstar-core: the
# Goals and Stakeholders tabs, click → first screen (budget 150 ms), and a scroll to the bottom
# of each (long frames). The measuring is the e2e test `bench_alignment::bench_alignment`
# (ignored in `make test`).
#
#   NORTHSTAR_BIN=$CARGO_TARGET_DIR/release/northstar bash tests/bench/alignment.sh   (make bench)
exec bash "$(dirname "$0")/e2e-bench.sh" alignment bench_alignment::bench_alignment '(\[alignment\]|panicked).*' 7
