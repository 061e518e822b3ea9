"""Caches the Peta page needs beyond ui/cache.py (to be merged into ui/cache.py by the integrator).

Same pattern as ui/cache.py: a private ``@st.cache_data`` function keyed on the database path and
its version, and a public wrapper passing the version.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from indicators import ukuran
from indicators.io import store
from ui import cache


def _versi(db_path: Path) -> int:
    return db_path.stat().st_mtime_ns


@st.cache_data(show_spinner=False)
def _ketersediaan_statistik(db: str, versi_db: int) -> pd.DataFrame:
    kode = sorted(cache.katalog().statistik)
    with store.buka(Path(db)) as con:
        bagian = [store.kueri_con(con, "statistik_indikator", {"statistik": k}) for k in kode]
    bagian = [b for b in bagian if not b.empty]
    return ukuran.ringkas_ketersediaan(pd.concat(bagian, ignore_index=True) if bagian else pd.DataFrame())


def ketersediaan_statistik(db_path: Path) -> pd.DataFrame:
    """Which raw statistic has rows for which year, level and province.

    Columns: ``statistik, tahun, tingkat, kode_provinsi, jumlah``.
    """
    return _ketersediaan_statistik(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _skor_indikator(db: str, versi_db: int, tahun: int, tahap: str) -> pd.DataFrame:
    return store.kueri(Path(db), "skor_indikator", {"tahun": tahun, "tahap": tahap})


def skor_indikator(db_path: Path, tahun: int, tahap: str = "final") -> pd.DataFrame:
    """Per-indicator scores of every region for one cycle and stage.

    Columns: ``tahun, kode_wilayah, indikator, tahap, nilai, sintetis``.
    """
    return _skor_indikator(str(db_path), _versi(db_path), tahun, tahap)


@st.cache_data(show_spinner=False)
def _tahap_per_tahun(db: str, versi_db: int) -> pd.DataFrame:
    return store.kueri(Path(db), "tahap_per_tahun")


def tahap_per_tahun(db_path: Path) -> pd.DataFrame:
    """Which evaluation stages have scores in which cycle (``tahun, tahap``)."""
    return _tahap_per_tahun(str(db_path), _versi(db_path))
