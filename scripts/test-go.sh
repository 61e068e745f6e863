#!/usr/bin/env bash
# Tests scripts/go, the way make run and make test get the Go that go.mod
# names, with an older Go: alone on PATH, in a fresh temporary home and
# module cache, scripts/go must end up running the pinned version, and a
# second run must reuse what the first fetched. Needs the Go module proxy.
#
# usage: scripts/test-go.sh /path/to/an/older/bin/go
#   e.g. apt-get install golang-1.19-go (Debian 12) and
#        scripts/test-go.sh /usr/lib/go-1.19/bin/go
set -euo pipefail

old=${1:?usage: scripts/test-go.sh /path/to/an/older/bin/go}
need=$(awk '$1 == "go" { print $2; exit }' go.mod)
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "test-go: FAIL: $*" >&2; exit 1; }

run() { # a clean environment with only the old Go on PATH; GOTOOLCHAIN=local as a distribution's go.env may say
	env -i HOME="$work/home" PATH="$(dirname "$old"):/usr/bin:/bin" GOMODCACHE="$work/mod" GOTOOLCHAIN=local scripts/go "$@"
}
mkdir "$work/home"
have=$(env -i PATH="$(dirname "$old"):/usr/bin:/bin" GOTOOLCHAIN=local HOME="$work/home" "$old" env GOVERSION)
[ "$have" != "go$need" ] || fail "$old is already go$need; give an older Go"

got=$(run env GOVERSION) || fail "scripts/go with $have failed"
[ "$(echo "$got" | tail -n 1)" = "go$need" ] || fail "with $have, scripts/go ran $got, want go$need"
echo "test-go: ok: with $have alone on PATH, scripts/go runs go$need"
got=$(run env GOVERSION 2>&1)
[ "$got" = "go$need" ] || fail "the second run printed '$got', want just go$need (nothing fetched again)"
echo "test-go: ok: the second run reuses it"
echo "2 passed, 0 failed"
