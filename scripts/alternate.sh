#!/usr/bin/env bash
# Whole process against whole process, alternated (docs/performance.md):
# each LABEL=COMMAND once per round, in turn, ROUNDS rounds after one
# untimed round (caches, LibreOffice's profile), each command's output
# discarded. Prints each one's median and range of wall time and its ratio
# to the last command given.
#
#   scripts/alternate.sh ROUNDS "LABEL=COMMAND" ...
set -euo pipefail
rounds=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
labels=()
for spec in "$@"; do labels+=("${spec%%=*}"); done
for ((r = 0; r <= rounds; r++)); do
	i=0
	for spec in "$@"; do
		t0=$(date +%s%N)
		bash -c "${spec#*=}" >/dev/null 2>"$work/err" || { echo "alternate: ${labels[$i]} failed: $(tail -3 "$work/err")" >&2; exit 1; }
		t1=$(date +%s%N)
		[ "$r" = 0 ] || echo $(((t1 - t0) / 1000000)) >>"$work/$i.ms"
		i=$((i + 1))
	done
done
med() { sort -n "$1" | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)], v[1], v[NR]}'; }
last=$(($# - 1))
read -r ref _ _ < <(med "$work/$last.ms")
printf '| %-28s | %-26s | %-12s |\n' command "median (range), ms" "last / this"
printf '|------------------------------|----------------------------|--------------|\n'
for ((i = 0; i <= last; i++)); do
	read -r m lo hi < <(med "$work/$i.ms")
	printf '| %-28s | %-26s | %-12s |\n' "${labels[$i]}" "$m ($lo–$hi)" "$(awk -v a="$ref" -v b="$m" 'BEGIN {printf "%.1f×", a / b}')"
done
