#!/usr/bin/env bash
# Set up everything and start the dashboard on the embedded default data: http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The dashboard also builds the database on first start; building here shows progress in the terminal.
.venv/bin/kla db build >/dev/null
echo "Dasbor KLA: http://localhost:8501  (Ctrl+C untuk berhenti / to stop)"
# ui/mulai.py is `streamlit run` with Nagle's algorithm off (see its docstring).
exec .venv/bin/python -m ui.mulai run app.py --server.address 127.0.0.1 --server.port "${PORT:-8501}" "$@"
