#!/usr/bin/env bash
# Tests the Linux package as an IT department or a coach would use it:
# builds it with scripts/package.sh, checks that FyneApp.toml was left as it
# was, then installs it with "make user-install" into a temporary HOME and
# with "make install DESTDIR=..." into a temporary root, checks every file,
# the .desktop file (desktop-file-validate) and the installed binary's
# version, and uninstalls both again.
#
# usage: scripts/test-package.sh VERSION
set -euo pipefail

version=${1:?usage: scripts/test-package.sh VERSION}
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "test-package: FAIL: $*" >&2; exit 1; }
pass=0
ok() { pass=$((pass + 1)); echo "test-package: ok: $*"; }

before=$(sha256sum FyneApp.toml)
scripts/package.sh "$version" "$work/Trainscope.tar.xz"
[ "$(sha256sum FyneApp.toml)" = "$before" ] || fail "make package rewrote FyneApp.toml"
ok "FyneApp.toml is unchanged"

mkdir "$work/pkg"
tar -xJf "$work/Trainscope.tar.xz" -C "$work/pkg"
# The README's steps: tar -xJf Trainscope.tar.xz && cd trainscope, then make.
pkg=$work/pkg/trainscope
[ -f "$pkg/Makefile" ] || fail "the package does not unpack into trainscope/ with its Makefile, as the README says: $(cd "$work/pkg" && find . -maxdepth 2 | tr '\n' ' ')"
ok "the package unpacks into trainscope/ with its Makefile"

check_install() { # label bin desktop icon
	local label=$1 bin=$2 desktop=$3 icon=$4
	[ -x "$bin" ] || fail "$label: no executable $bin"
	[ -f "$desktop" ] || fail "$label: no $desktop"
	[ -f "$icon" ] || fail "$label: no icon $icon"
	desktop-file-validate "$desktop" || fail "$label: desktop-file-validate refused $desktop"
	got=$(env -i HOME="$work/home" PATH=/usr/bin:/bin "$bin" version)
	[ "$got" = "trainscope $version" ] || fail "$label: the installed binary says '$got', want 'trainscope $version'"
	ok "$label: binary, .desktop file and icon installed; the binary reports $version"
}

# A coach's own install, in a temporary home.
mkdir "$work/home"
HOME="$work/home" make -s -C "$pkg" user-install
local_share="$work/home/.local/share"
check_install "make user-install" "$work/home/.local/bin/trainscope" \
	"$local_share/applications/io.github.trainscope.desktop" "$local_share/icons/io.github.trainscope.png"
grep -qx "Exec=$work/home/.local/bin/trainscope" "$local_share/applications/io.github.trainscope.desktop" ||
	fail "make user-install: the .desktop file does not start the installed binary"
out=$(env -i HOME="$work/home" PATH=/usr/bin:/bin "$work/home/.local/bin/trainscope" sample 2>&1) || fail "the installed binary's sample failed: $out"
[ -f "$local_share/trainscope/trainscope.db" ] || fail "the installed binary did not keep its data in ~/.local/share/trainscope"
ok "the installed binary works and keeps its data in ~/.local/share/trainscope"
HOME="$work/home" make -s -C "$pkg" user-uninstall
for f in "$work/home/.local/bin/trainscope" "$local_share/applications/io.github.trainscope.desktop" "$local_share/icons/io.github.trainscope.png"; do
	[ ! -e "$f" ] || fail "make user-uninstall left $f"
done
ok "make user-uninstall removes what it installed"

# A system install, as a distribution package build does it.
mkdir "$work/root"
make -s -C "$pkg" install DESTDIR="$work/root"
check_install "make install DESTDIR" "$work/root/usr/bin/trainscope" \
	"$work/root/usr/share/applications/io.github.trainscope.desktop" "$work/root/usr/share/pixmaps/io.github.trainscope.png"
make -s -C "$pkg" uninstall DESTDIR="$work/root"
[ -z "$(find "$work/root" -type f)" ] || fail "make uninstall left $(find "$work/root" -type f)"
ok "make uninstall removes what it installed"

echo "$pass passed, 0 failed"
