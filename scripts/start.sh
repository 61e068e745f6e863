#!/usr/bin/env bash
# Start to home, whole process against whole process (docs/performance.md):
# a Fyne hello world to its window, and the trainscope binary BIN to its home
# screen listing the trains of each database given, one run of each in turn
# per round, RUNS rounds, on one Xvfb display at 1280x800. The time is from
# just before exec to the wall clock the program prints (hello: once its
# window is up; trainscope with TRAINSCOPE_TIMING=1: once home shows the
# trains). Prints the median and range of each and its ratio to hello world.
#
#   scripts/start.sh ./trainscope RUNS DB...
set -euo pipefail
bin=$(realpath "$1")
runs=$2
shift 2
work=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
here=$(dirname "$(realpath "$0")")
(cd "$here/.." && ${GO:-go} build -tags migrated_fynedo -o "$work/hello" ./scripts/hello)

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1

# run LABEL CMD...: starts CMD on the display, waits for its timing line
# (at most 20 s), stops it, and appends the ms from exec to the line.
run() {
	local label=$1 t0 t1 log=$work/log
	shift
	: >"$log"
	t0=$(date +%s%3N)
	DISPLAY=$display TRAINSCOPE_TIMING=1 "$@" 2>"$log" &
	local pid=$!
	for ((i = 0; i < 400; i++)); do
		grep -q 'unix ms' "$log" && break
		sleep 0.05
	done
	sleep "${linger:-0}"
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	t1=$(sed -n 's/.*unix ms \([0-9]*\).*/\1/p' "$log" | head -1)
	if [ -z "$t1" ]; then echo "start: $label printed no timing line: $(tail -3 "$log")" >&2; return; fi
	echo $((t1 - t0)) >>"$work/$label.ms"
}

# One copy of each database for the whole run, so the run's backup, check
# and summaries never touch the original, and the rounds reuse what the
# first round did: with its write-ahead log, which may hold its last commits.
labels=(hello)
for db in "$@"; do
	name=$(basename "$db" .db)
	labels+=("$name")
	cp "$db" "$work/$name.db"
	[ ! -f "$db-wal" ] || cp "$db-wal" "$work/$name.db-wal"
done
for ((r = 0; r < runs + 1; r++)); do
	# The first round only warms the caches, and lets each run recompute
	# what the binary computes differently (the summaries, when its
	# version is not the one that made them) and take the day's backup
	# (kept in $work/backups): the rounds timed are a start on a day whose
	# backup is taken, as every start but the day's first.
	linger=0
	if [ "$r" = 0 ]; then linger=${WARM_LINGER:-30}; fi
	run hello "$work/hello"
	for db in "$@"; do
		name=$(basename "$db" .db)
		run "$name" "$bin" -db "$work/$name.db"
	done
	if [ "$r" = 0 ]; then rm -f "$work"/*.ms; fi
done

med() { sort -n "$1" | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)], v[1], v[NR]}'; }
read -r hello _ _ < <(med "$work/hello.ms")
printf '| %-22s | %-26s | %-14s |\n' program "to window / home, median (range)" "/ hello world"
printf '|------------------------|----------------------------|----------------|\n'
for l in "${labels[@]}"; do
	[ -f "$work/$l.ms" ] || { printf '| %-22s | %-26s | %-14s |\n' "$l" "no timing line" "-"; continue; }
	read -r m lo hi < <(med "$work/$l.ms")
	printf '| %-22s | %-26s | %-14s |\n' "$l" "$m ms ($lo–$hi ms)" "$(awk -v a="$m" -v b="$hello" 'BEGIN {printf "%.2f×", a / b}')"
done
