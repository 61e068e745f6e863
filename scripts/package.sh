#!/usr/bin/env bash
# Builds Trainscope.tar.xz, the Linux desktop package: the binary (with the
# real version in it), the .desktop file, the icon and a Makefile for
# "make user-install" and "make install DESTDIR=...".
#
# The pinned Fyne tool (go.mod's tool directive) lays out the package; two
# of its habits are worked around here:
# - it bumps the build number in FyneApp.toml and writes the file back, so
#   it runs on a copy of the metadata in a temporary folder and the tracked
#   FyneApp.toml is never rewritten;
# - its Makefile names the icon without ".png" ("Icon := io.github.trainscope")
#   while the file is io.github.trainscope.png, so both installs stopped at
#   the icon; the Makefile in the tarball is corrected.
#
# usage: scripts/package.sh VERSION [OUTPUT.tar.xz]
set -euo pipefail

version=${1:?usage: scripts/package.sh VERSION [OUTPUT.tar.xz]}
out=${2:-Trainscope.tar.xz}
go=${GO:-go}
tags=${TAGS:-migrated_fynedo}
root=$(pwd)
case $out in /*) ;; *) out=$root/$out ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The binary, built here so that it carries the version (fyne package
# passes no -X flags of ours).
mkdir -p "$work/bin"
CGO_ENABLED=1 "$go" build -tags "$tags" -trimpath -ldflags "-s -w -X main.version=$version" -o "$work/bin/trainscope" .

# The metadata fyne package reads, and may rewrite, in a folder of its own.
# It wants Go code there before it packages the binary it is given.
mkdir -p "$work/src/assets"
cp FyneApp.toml "$work/src/"
cp assets/icon.png "$work/src/assets/"
printf '// Package main is a stand-in: fyne package wants Go code beside the metadata.\npackage main\n' >"$work/src/main.go"
# fyne package writes the tarball into the folder it runs in.
"$go" build -o "$work/fyne" fyne.io/tools/cmd/fyne
mkdir "$work/out"
(cd "$work/out" && "$work/fyne" package -os linux -release -src "$work/src" -executable "$work/bin/trainscope" >&2)
tarball=$(ls "$work"/out/*.tar.xz)

# Unpack, correct the Makefile, check the .desktop file, pack again.
mkdir "$work/pkg"
tar -xJf "$tarball" -C "$work/pkg"
makefile=$(find "$work/pkg" -name Makefile)
icon=$(cd "$(dirname "$makefile")" && find usr -path '*/share/pixmaps/*' -type f)
[ -n "$icon" ] || { echo "package: no icon under share/pixmaps in the package" >&2; exit 1; }
iconfile=$(basename "$icon")
sed -i -e "s|^Icon := .*|Icon := \"$iconfile\"|" "$makefile"
grep -q "^Icon := \"$iconfile\"\$" "$makefile" || { echo "package: could not correct the icon's name in the Makefile" >&2; exit 1; }
desktop=$(find "$work/pkg" -name '*.desktop')
if command -v desktop-file-validate >/dev/null 2>&1; then
	desktop-file-validate "$desktop"
else
	echo "package: desktop-file-validate is not installed (package desktop-file-utils); the .desktop file was not checked" >&2
fi

tmp=$(mktemp "$out.XXXXXX")
tar -cJf "$tmp" -C "$work/pkg" .
chmod 0644 "$tmp" # a package for others to install
mv "$tmp" "$out"
echo "package: wrote $out (trainscope $version)" >&2
