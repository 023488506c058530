#!/usr/bin/env bash
# Installs what building and testing GluteCoach needs, when it is missing:
# Debian packages (C libraries and tools) and a Python virtual environment for test helpers.
# Safe to run again: it only acts on what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the build and the tests use.
packages=(libsqlite3-dev libmicrohttpd-dev libsodium-dev pkg-config python3-venv)
if [ "${1:-}" = "--with-test-tools" ]; then
  # chromium: the browser tests drive Debian's build through Playwright (which never downloads one).
  packages+=(bsdutils openssl curl chromium)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Python packages used by the tests (see scripts/requirements-test.txt).
if [ "${1:-}" = "--with-test-tools" ]; then
  stamp=.venv/.requirements-installed
  if [ ! -f "$stamp" ] || [ scripts/requirements-test.txt -nt "$stamp" ]; then
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements-test.txt
    touch "$stamp"
  fi
fi
