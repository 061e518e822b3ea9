"""Caches the Perbandingan page needs beyond ui/cache.py (to be merged into ui/cache.py by the integrator).

Same pattern as ui/cache.py: a private ``@st.cache_data`` function keyed on the database path and
its version, and a public wrapper passing the version.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from indicators import perbandingan
from indicators.io import store
from ui import cache


def _versi(db_path: Path) -> int:
    return db_path.stat().st_mtime_ns


@st.cache_data(show_spinner=False)
def _seri_indikator_semua(db: str, versi_db: int, indikator: str, tahap: str) -> pd.DataFrame:
    data = store.kueri(Path(db), "skor_indikator", {"tahun": None, "tahap": tahap})
    return perbandingan.seri_indikator_wilayah(data, indikator, tahap, cache.katalog())


def seri_indikator_semua(db_path: Path, indikator: str, tahap: str = "final") -> pd.DataFrame:
    """One KLA24 indicator as % of its maximum for every kab/kota and cycle of one stage.

    Used for the province average of an indicator. Columns: ``perbandingan.KOLOM_SERI``.
    """
    return _seri_indikator_semua(str(db_path), _versi(db_path), indikator, tahap)


@st.cache_data(show_spinner=False)
def _tahap_per_tahun(db: str, versi_db: int) -> pd.DataFrame:
    return store.kueri(Path(db), "tahap_per_tahun")


def tahap_per_tahun(db_path: Path) -> pd.DataFrame:
    """Which stages have scores in which cycle. Columns: ``tahun, tahap``."""
    return _tahap_per_tahun(str(db_path), _versi(db_path))
