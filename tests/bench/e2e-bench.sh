#!/usr/bin/env bash
# Runs one ignored end-to-end benchmark test against $NORTHSTAR_BIN, under xvfb-run when there
# is no X display, keeps its whole log, prints the lines matching PATTERN, and fails when the
# test did. Shared by startup.sh and scorecard.sh.
#
#   bash tests/bench/e2e-bench.sh NAME TEST PATTERN DEFAULT_RUNS
#   (NAME labels the log, TEST is the test's path, e.g. startup::bench_startup)
set -euo pipefail
cd "$(dirname "$0")/../.."
name=$1 test=$2 pattern=$3 runs=$4

: "${NORTHSTAR_BIN:?set NORTHSTAR_BIN to the app binary to measure (make bench passes the release one)}"
[ -x "$NORTHSTAR_BIN" ] || { echo "$name: $NORTHSTAR_BIN is not an executable; run make build" >&2; exit 1; }
NORTHSTAR_BIN=$(readlink -f "$NORTHSTAR_BIN")
export NORTHSTAR_BIN BENCH_RUNS="${BENCH_RUNS:-$runs}"

log="${TMPDIR:-/tmp}/northstar-bench-$name.log"
cmd=(cargo test -p northstar-tests --test e2e -- --ignored --exact "$test" --nocapture --test-threads=1)
if [ -z "${DISPLAY:-}" ]; then
	cmd=(xvfb-run -a -s "-screen 0 1280x900x24" "${cmd[@]}")
fi
"${cmd[@]}" 2>&1 | tee "$log" | grep -oE "$pattern" || true
# The test's own status decides the script's.
grep -q 'test result: ok. 1 passed' "$log" || {
	echo "$name: the benchmark failed; full log in $log" >&2
	exit 1
}
