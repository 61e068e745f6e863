#!/usr/bin/env bash
# The window's memory (docs/performance.md, "The window's memory"): the
# trainscope binary BIN started on a fresh copy of the big train's
# database (12 teams, 121 people, 300 impediments; TestWriteBigTrainDatabase
# writes it) on its own Xvfb display at 1280x800, driven with xdotool as a
# coach would: open the train, its roster and register tabs, back to its
# assessments, the latest one's results, Export report, the full report,
# Save. Prints the process's peak RSS (VmHWM) and its anonymous and
# file-backed RSS at the end, and the same for a Fyne hello world (one
# label, and one in each of the four text styles the screens use); RUNS
# runs of each. The clicks are at fixed places in the window, as laid out
# at 1280x800: a change of layout moves them.
#
#   scripts/window-memory.sh ./trainscope /tmp/big.db [RUNS] [ENV=VALUE ...]
set -euo pipefail
bin=$(realpath "$1")
db=$(realpath "$2")
runs=${3:-3}
shift 2
if [ $# -gt 0 ]; then shift; fi
work=$(mktemp -d)
here=$(dirname "$(realpath "$0")")
(cd "$here/.." && ${GO:-go} build -tags migrated_fynedo -o "$work/hello" ./scripts/hello)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=$display

mem() { # the memory figures of process $1
	awk '/^(VmHWM|RssAnon|RssFile):/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$1/status"
}
click() { xdotool mousemove --window "$win" "$1" "$2" click 1; sleep "$3"; }

for ((r = 1; r <= runs; r++)); do
	"$work/hello" >/dev/null 2>&1 &
	pid=$!
	sleep 3
	echo "hello world:  $(mem "$pid")"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	HELLO_STYLES=4 "$work/hello" >/dev/null 2>&1 &
	pid=$!
	sleep 3
	echo "hello world, four text styles:  $(mem "$pid")"
	kill "$pid"
	wait "$pid" 2>/dev/null || true

	rm -rf "$work/home" && mkdir -p "$work/home"
	cp "$db" "$work/home/big.db"
	(cd "$work/home" && exec env HOME="$work/home" "$@" "$bin" -db "$work/home/big.db") >/dev/null 2>&1 &
	pid=$!
	sleep 3
	win=$(xdotool search --pid "$pid" | tail -1)
	click 128 226 1.5 # the train
	click 182 256 1.5 # Roster
	click 292 256 1.5 # Impediments
	click 80 256 1    # Assessments
	click 765 337 1.5 # Results of the latest
	click 1190 95 1   # Export report
	click 735 455 1.5 # Choose where to save…
	click 1046 664 0  # Save
	for ((i = 0; i < 200; i++)); do
		ls "$work/home"/*.pdf >/dev/null 2>&1 && break
		sleep 0.05
	done
	sleep 2
	pdfs=$(ls "$work/home"/*.pdf 2>/dev/null | wc -l)
	echo "trainscope:   $(mem "$pid") report written: $pdfs"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
done
