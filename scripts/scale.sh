#!/usr/bin/env bash
# The scale run of docs/performance.md: the trainscope binary BIN timed on
# the databases in DIR (trains-1.db … trains-500.db, or those of
# TRAINSCOPE_SCALE_SIZES, made by BenchmarkOpen with TRAINSCOPE_SCALE_DIR=DIR), every size in turn within each round so
# that the load of a shared machine falls on all of them alike. Prints the
# median and range of RUNS rounds (3 for export and import, which take
# seconds) and the peak RSS of one more run under /usr/bin/time -v.
#
#   scripts/scale.sh ./trainscope /tmp/trainscope-scale [RUNS]
set -euo pipefail
bin=$(realpath "$1")
dir=$2
runs=${3:-10}
# TRAINSCOPE_SCALE_SIZES, as BenchmarkOpen reads it: the sizes to time
read -r -a sizes <<<"${TRAINSCOPE_SCALE_SIZES:-1 10 100 500}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ids of one train and its newest assessment in each database
declare -A train assessment
for n in "${sizes[@]}"; do
	db=$dir/trains-$n.db
	[ -f "$db" ] || { echo "scale: $db is missing; run BenchmarkOpen with TRAINSCOPE_SCALE_DIR=$dir first" >&2; exit 1; }
	read -r train[$n] assessment[$n] < <(sqlite3 -readonly -separator ' ' "$db" \
		"SELECT train_id, id FROM assessments ORDER BY date DESC, id LIMIT 1")
done

# cmd OP N: the command line of operation OP on the database of N trains
cmd() {
	local db=$dir/trains-$2.db
	case $1 in
	open) echo "$bin" export -db "$db" -train "${train[$2]}" -o "$work/one-$2.json" ;;
	report) echo "$bin" report -db "$db" -assessment "${assessment[$2]}" -o "$work/report-$2.pdf" ;;
	export) echo "$bin" export -db "$db" -o "$work/all-$2.json" ;;
	import) echo "$bin" import -db "$work/import-$2.db" "$work/all-$2.json" ;;
	esac
}

# once: any summaries made under other rules are recomputed by the first
# open, which must not be timed; and the bundles import reads
for n in "${sizes[@]}"; do $(cmd report "$n") && $(cmd export "$n"); done >/dev/null

ms() { # runs the command, prints its wall time in ms, or "refused"
	local t0 t1
	t0=$(date +%s%N)
	if ! "$@" >/dev/null 2>"$work/err"; then echo refused; return; fi
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000000))
}

for op in open report export import; do
	n_runs=$runs
	case $op in export | import) n_runs=3 ;; esac
	for ((i = 0; i < n_runs; i++)); do
		for n in "${sizes[@]}"; do
			rm -f "$work/import-$n.db"*
			ms $(cmd "$op" "$n") >>"$work/$op-$n.ms"
		done
	done
done

median() { # median (min–max) of the numbers in a file, or that the command was refused
	if grep -q refused "$1"; then echo "refused, see below"; return; fi
	sort -n "$1" | awk '{v[NR] = $1} END {printf "%d ms (%d–%d)", v[int((NR + 1) / 2)], v[1], v[NR]}'
}

printf '| %-7s | %-6s | %-24s | %-9s |\n' operation trains "wall time, median (range)" "peak RSS"
printf '|---------|--------|--------------------------|-----------|\n'
for op in open report export import; do
	for n in "${sizes[@]}"; do
		rm -f "$work/import-$n.db"*
		/usr/bin/time -v $(cmd "$op" "$n") >/dev/null 2>"$work/time" || true
		{ grep '^trainscope:' "$work/time" || true; } | tail -1 >"$work/err.$n"
		rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$work/time")
		printf '| %-7s | %6s | %-24s | %-9s |\n' "$op" "$n" "$(median "$work/$op-$n.ms")" "$rss"
		if grep -q refused "$work/$op-$n.ms"; then echo "$op of $n trains: $(cat "$work/err.$n")" >>"$work/refusals"; fi
	done
done
[ -f "$work/refusals" ] && cat "$work/refusals"
echo "Database files: $(cd "$dir" && ls -l trains-*.db | awk '{ if (NR > 1) printf ", "; printf "%s %.1f MB", $9, $5 / 1e6 }')."
