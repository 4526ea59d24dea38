#!/usr/bin/env bash
# Installs everything the tests need, then runs them all (unit, pages, PostgreSQL, browser).
# Usage: bash scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: Debian's Chromium (the browser tests drive it; no browser download) and
# PostgreSQL (the storage tests start their own throwaway server with it).
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# Two workers (this machine has two cores): the browser tests on one, with their servers started
# once, and the rest of the suite on the other (tests/e2e/conftest.py groups them).
exec .venv/bin/python -m pytest -n 2 --dist loadgroup "$@"
