#!/usr/bin/env bash
# Issue 13: Northstar against a bare Tauri 2 window (tests/bench/bare), launched alternately
# through the same tauri-driver path, BENCH_RUNS rounds (default 5): launch → first screen
# with data and settled memory (PSS of the app and its WebKit processes, the web process alone
# with its anonymous part), on the demo workspace and on a large one; per-run figures, medians
# and ratios. Builds the bare app first (release, into the same target dir, so the Tauri crates
# are shared). The measuring is the e2e test `bench_bare::bench_bare` (ignored in `make test`).
#
#   NORTHSTAR_BIN=$CARGO_TARGET_DIR/release/northstar bash tests/bench/bare.sh   (make bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --features custom-protocol --manifest-path tests/bench/bare/Cargo.toml
export BARE_BIN=${BARE_BIN:-${CARGO_TARGET_DIR:-tests/bench/bare/target}/release/northstar-bench-bare}
exec bash tests/bench/e2e-bench.sh bare bench_bare::bench_bare '(\[bare\]|panicked).*' 5
