#!/usr/bin/env bash
# Makes sure the Debian packages a build or test needs are installed.
# Installs what is missing with apt-get when it can (as root, or with sudo
# that needs no password); otherwise stops and prints the exact command.
set -euo pipefail

if [ "$#" -eq 0 ]; then exit 0; fi
if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "ensure-packages: not a Debian-based system; make sure these are installed: $*" >&2
	exit 0
fi

missing=()
for pkg in "$@"; do
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$pkg")
	fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo=(sudo)
else
	echo "ensure-packages: these packages are missing and I cannot install them without root:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
	exit 1
fi
echo "ensure-packages: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
