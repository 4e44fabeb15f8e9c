#!/usr/bin/env bash
# Startup benchmark: from launching $NORTHSTAR_BIN to the demo project's data being visible in
# its window, median of BENCH_RUNS (default 7) launches on a fresh workspace and as many
# relaunches. The measuring is the e2e test `startup::bench_startup` (ignored in `make test`):
# it drives the real window through tauri-driver, so it needs an X display and runs itself
# under xvfb-run when there is none.
#
#   NORTHSTAR_BIN=$CARGO_TARGET_DIR/release/northstar bash tests/bench/startup.sh   (make bench)
exec bash "$(dirname "$0")/e2e-bench.sh" startup startup::bench_startup '(run [0-9]+:|startup,|binary:|panicked).*' 7
