#!/usr/bin/env bash
# The Debian packages the tests need: a real browser, a real Secret Service, and GNU time for a bench.
# As root with apt, installs what is missing; otherwise names the one command to run.
set -euo pipefail

PACKAGES=(chromium gnome-keyring dbus-x11 time)
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=(gnome-keyring)
command -v dbus-launch >/dev/null 2>&1 || missing+=(dbus-x11)
[ -x /usr/bin/time ] || missing+=(time) # the Severa bench measures whole processes with it
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages the tests need: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "The tests need these Debian packages: ${missing[*]}. Run: sudo apt-get install -y ${PACKAGES[*]}" >&2
exit 1
