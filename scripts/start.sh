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
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	t1=$(sed -n 's/.*unix ms \([0-9]*\).*/\1/p' "$log" | head -1)
	if [ -z "$t1" ]; then echo "start: $label printed no timing line: $(tail -3 "$log")" >&2; return; fi
	echo $((t1 - t0)) >>"$work/$label.ms"
}

labels=(hello)
for db in "$@"; do labels+=("$(basename "$db" .db)"); done
for ((r = 0; r < runs + 1; r++)); do
	run hello "$work/hello"
	for db in "$@"; do
		# a copy, so the run's backup and check never touch the original
		cp "$db" "$work/copy.db"
		run "$(basename "$db" .db)" "$bin" -db "$work/copy.db"
		rm -f "$work/copy.db"*
		rm -rf "$work/backups"
	done
	# the first round only warms the caches
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
