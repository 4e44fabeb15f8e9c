#!/usr/bin/env bash
# Startup benchmark: from launching $NORTHSTAR_BIN to the demo project's data being visible in
# its window, median of BENCH_RUNS (default 7) launches on a fresh workspace and as many
# relaunches. The measuring is the e2e test `startup::bench_startup` (ignored in `make test`):
# it drives the real window through tauri-driver, so it needs an X display and runs itself
# under xvfb-run when there is none.
#
#   NORTHSTAR_BIN=$CARGO_TARGET_DIR/release/northstar bash tests/bench/startup.sh   (make bench)
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${NORTHSTAR_BIN:?set NORTHSTAR_BIN to the app binary to measure (make bench passes the release one)}"
[ -x "$NORTHSTAR_BIN" ] || { echo "startup.sh: $NORTHSTAR_BIN is not an executable; run make build" >&2; exit 1; }
NORTHSTAR_BIN=$(readlink -f "$NORTHSTAR_BIN")
export NORTHSTAR_BIN BENCH_RUNS="${BENCH_RUNS:-7}"

cmd=(cargo test -p northstar-tests --test e2e -- --ignored --exact startup::bench_startup --nocapture --test-threads=1)
if [ -z "${DISPLAY:-}" ]; then
	cmd=(xvfb-run -a -s "-screen 0 1280x900x24" "${cmd[@]}")
fi
"${cmd[@]}" 2>&1 | tee "${TMPDIR:-/tmp}/northstar-bench-startup.log" | grep -oE '(run [0-9]+:|startup,|binary:|panicked).*' || true
# The test's own status decides the script's.
grep -q 'test result: ok. 1 passed' "${TMPDIR:-/tmp}/northstar-bench-startup.log" || {
	echo "startup.sh: the benchmark failed; full log in ${TMPDIR:-/tmp}/northstar-bench-startup.log" >&2
	exit 1
}
