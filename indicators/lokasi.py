"""Where the project's committed sources and built artefacts live."""

from __future__ import annotations

import os
from pathlib import Path

PROYEK = Path(__file__).resolve().parents[1]
DATA_DIR = PROYEK / "data"
STATIC_DIR = PROYEK / "static"


def db_bawaan() -> Path:
    """Return the database path: ``$KLA_DB`` if set (tests, deployments), else ``data/kla.duckdb``."""
    return Path(os.environ.get("KLA_DB") or DATA_DIR / "kla.duckdb")
