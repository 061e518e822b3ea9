#!/usr/bin/env bash
# Set up everything (Chromium included) and run the whole test suite: lint, types, all test layers.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --chromium
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy
echo "== import-linter (layers, forbidden imports, no loops: [tool.importlinter] in pyproject.toml)"
.venv/bin/lint-imports --no-cache
echo "== pytest"
.venv/bin/python -m pytest -p no:cacheprovider "$@"
