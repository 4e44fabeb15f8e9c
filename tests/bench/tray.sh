#!/usr/bin/env bash
# What the tray icon costs in memory (issue 10: under 10 MB): the app's settled PSS, its own
# process and with its WebKit processes, launched alternately with and without the tray
# (NORTHSTAR_NO_TRAY=1), BENCH_RUNS times each (default 5), on a fresh workspace under a
# private session bus; prints each run and the medians.
#
#   NORTHSTAR_BIN=$CARGO_TARGET_DIR/release/northstar bash tests/bench/tray.sh   (make bench)
set -euo pipefail
BIN=${NORTHSTAR_BIN:?set NORTHSTAR_BIN to the app binary}
RUNS=${BENCH_RUNS:-5}
SETTLE=${SETTLE_SECONDS:-10}
if [ -z "${DISPLAY:-}" ] && [ -z "${INSIDE_XVFB:-}" ]; then
	INSIDE_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x900x24" bash "$0" "$@"
fi
if [ -z "${INSIDE_BUS:-}" ]; then
	INSIDE_BUS=1 exec dbus-run-session -- bash "$0" "$@"
fi

pss() { awk '/^Pss:/{print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

one() { # with|without -> "app_kB total_kB"
	local d pid app total
	d=$(mktemp -d)
	mkdir -p "$d/home"
	(
		export HOME=$d/home XDG_CONFIG_HOME=$d/config XDG_DATA_HOME=$d/data XDG_CACHE_HOME=$d/cache
		export GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
		if [ "$1" = without ]; then export NORTHSTAR_NO_TRAY=1; fi
		exec "$BIN" --data-dir "$d/ws"
	) >/dev/null 2>&1 &
	pid=$!
	sleep "$SETTLE"
	app=$(pss "$pid")
	total=$app
	for c in $(pgrep -P "$pid"); do total=$((total + $(pss "$c"))); done
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	rm -rf "$d"
	echo "$app $total"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -a wa wt na nt
for i in $(seq 1 "$RUNS"); do
	read -r a t < <(one with); wa+=("$a"); wt+=("$t")
	echo "run $i with tray:    app ${a} kB, with WebKit ${t} kB"
	read -r a t < <(one without); na+=("$a"); nt+=("$t")
	echo "run $i without tray: app ${a} kB, with WebKit ${t} kB"
done
mwa=$(printf '%s\n' "${wa[@]}" | median); mna=$(printf '%s\n' "${na[@]}" | median)
mwt=$(printf '%s\n' "${wt[@]}" | median); mnt=$(printf '%s\n' "${nt[@]}" | median)
echo "tray, medians of $RUNS: app process $((mwa / 1024)) MB with, $((mna / 1024)) MB without ($(((mwa - mna) / 1024)) MB); with WebKit $((mwt / 1024)) MB with, $((mnt / 1024)) MB without ($(((mwt - mnt) / 1024)) MB); budget 10 MB"
