#!/usr/bin/env bash
# The first start after an upgrade (docs/performance.md): each binary BIN
# started, in turn, RUNS rounds, on a fresh copy of DB, whose summaries were
# made under other rules (the scale databases are: their rules are the
# benchmark's), on its own Xvfb display at 1280x800. Prints each start's
# time from just before exec to the home screen's TRAINSCOPE_TIMING line,
# and the median and range per binary. HOME is a fresh folder each time.
#
#   scripts/first-start.sh RUNS DB BIN...
set -euo pipefail
runs=$1
db=$(realpath "$2")
shift 2
work=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1

for ((r = 1; r <= runs; r++)); do
	for bin in "$@"; do
		name=$(basename "$bin")
		rm -rf "$work/run" && mkdir -p "$work/run/home"
		cp "$db" "$work/run/t.db"
		: >"$work/run/log"
		t0=$(date +%s%3N)
		HOME="$work/run/home" DISPLAY=$display TRAINSCOPE_TIMING=1 "$bin" -db "$work/run/t.db" 2>"$work/run/log" &
		pid=$!
		for ((i = 0; i < 1800; i++)); do # 90 s at most
			grep -q 'unix ms' "$work/run/log" && break
			sleep 0.05
		done
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		t1=$(sed -n 's/.*unix ms \([0-9]*\).*/\1/p' "$work/run/log" | head -1)
		if [ -z "$t1" ]; then echo "$name: no home screen within 90 s" >&2; continue; fi
		echo "$name round $r: $((t1 - t0)) ms"
		echo $((t1 - t0)) >>"$work/$name.ms"
	done
done
for bin in "$@"; do
	name=$(basename "$bin")
	sort -n "$work/$name.ms" | awk -v n="$name" '{a[NR] = $1} END {printf "%s: median %d ms (%d–%d ms), %d runs\n", n, a[int((NR + 1) / 2)], a[1], a[NR], NR}'
done
