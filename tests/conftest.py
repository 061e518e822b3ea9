"""Shared fixtures: the default database built once per session in a temporary folder, and a
real Streamlit server for the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.server import ARGUMEN_CHROMIUM, CHROMIUM, server_streamlit
from indicators.bangun import database
from indicators.lokasi import PROYEK, STATIC_DIR

ARTEFAK = PROYEK / "tests" / "artefak"


@pytest.fixture(scope="session")
def db_bawaan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real default database, built from the committed sources in a temporary folder."""
    db_path = tmp_path_factory.mktemp("db") / "kla.duckdb"
    database.bangun_database(db_path, static_dir=STATIC_DIR)
    return db_path


@pytest.fixture
def app_db(db_bawaan: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the dashboard at the session database and start every test with empty caches."""
    import streamlit as st

    monkeypatch.setenv("KLA_DB", str(db_bawaan))
    st.cache_data.clear()
    yield db_bawaan
    st.cache_data.clear()


@pytest.fixture(scope="session")
def streamlit_url(db_bawaan: Path) -> Iterator[str]:
    """A real Streamlit server on 127.0.0.1 serving app.py on the session database."""
    ARTEFAK.mkdir(exist_ok=True)
    with server_streamlit(db_bawaan, ARTEFAK / "streamlit.log") as server:
        yield server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Drive Debian's Chromium; the flags keep Chromium itself from calling out (tech-notes §5.2)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ARGUMEN_CHROMIUM}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A projector-sized viewport, tall enough to see the whole page (Streamlit scrolls inside)."""
    return {**browser_context_args, "viewport": {"width": 1600, "height": 1400}, "locale": "id-ID"}
