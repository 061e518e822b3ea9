"""Shared fixtures: the default database built once per session in a temporary folder, and a
real Streamlit server for the browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from indicators import bangun
from indicators.lokasi import PROYEK, STATIC_DIR

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTEFAK = PROYEK / "tests" / "artefak"


@pytest.fixture(scope="session")
def db_bawaan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real default database, built from the committed sources in a temporary folder."""
    db_path = tmp_path_factory.mktemp("db") / "kla.duckdb"
    bangun.bangun_database(db_path, static_dir=STATIC_DIR)
    return db_path


@pytest.fixture
def app_db(db_bawaan: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the dashboard at the session database and start every test with empty caches."""
    import streamlit as st

    monkeypatch.setenv("KLA_DB", str(db_bawaan))
    st.cache_data.clear()
    yield db_bawaan
    st.cache_data.clear()


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def streamlit_url(db_bawaan: Path) -> Iterator[str]:
    """A real Streamlit server on 127.0.0.1 serving app.py on the session database."""
    port = _port_bebas()
    env = {**os.environ, "KLA_DB": str(db_bawaan)}
    log = ARTEFAK / "streamlit.log"
    ARTEFAK.mkdir(exist_ok=True)
    with open(log, "w") as keluaran:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.address",
                "127.0.0.1",
                "--server.port",
                str(port),
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=PROYEK,
            env=env,
            stdout=keluaran,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    batas = time.time() + 60
    while True:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                break
        except OSError:
            if time.time() > batas or proc.poll() is not None:
                proc.kill()
                raise RuntimeError(log.read_text()[-3000:]) from None
            time.sleep(0.3)
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Drive Debian's Chromium; the flags keep Chromium itself from calling out (tech-notes §5.2)."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--disable-domain-reliability",
            "--disable-client-side-phishing-detection",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A projector-sized viewport, tall enough to see the whole page (Streamlit scrolls inside)."""
    return {**browser_context_args, "viewport": {"width": 1600, "height": 1400}, "locale": "id-ID"}
