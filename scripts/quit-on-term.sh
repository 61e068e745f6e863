#!/usr/bin/env bash
# Quitting on SIGTERM, as a session's logout or a `kill` asks: starts the
# trainscope binary BIN on a copy of DB on its own Xvfb display, waits for
# its home screen, sends SIGTERM, and counts the runs whose process has not
# exited 10 s later. Those get SIGQUIT, and their goroutines are kept in
# OUT/hang-N.log. A run whose window never showed home is counted apart.
#
#   scripts/quit-on-term.sh BIN RUNS DB [OUT]
set -euo pipefail
bin=$(realpath "$1")
runs=$2
db=$3
out=${4:-$(mktemp -d)}
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
cp "$db" "$work/t.db"
[ ! -f "$db-wal" ] || cp "$db-wal" "$work/t.db-wal"
hung=0 quit=0 noshow=0
for ((r = 1; r <= runs; r++)); do
	log=$work/log
	: >"$log"
	DISPLAY=$display TRAINSCOPE_TIMING=1 "$bin" -db "$work/t.db" 2>"$log" &
	pid=$!
	for ((i = 0; i < 400; i++)); do
		grep -q 'unix ms' "$log" && break
		sleep 0.05
	done
	grep -q 'unix ms' "$log" || noshow=$((noshow + 1))
	sleep "${LINGER:-0.5}"
	kill -TERM "$pid"
	for ((i = 0; i < 100; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		hung=$((hung + 1))
		kill -QUIT "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		cp "$log" "$out/hang-$r.log"
	else
		wait "$pid" 2>/dev/null || true
		quit=$((quit + 1))
	fi
done
echo "runs $runs: exited on SIGTERM $quit, still running 10 s later $hung, home never shown $noshow (logs of hangs in $out)"
