#!/usr/bin/env bash
# Installs the app and starts it on its embedded defaults (SQLite file in data/).
# Usage: bash scripts/start.sh [streamlit options, e.g. --server.port 8080]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
exec .venv/bin/python -m streamlit run server.py "$@"
