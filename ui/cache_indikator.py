"""Caches the Indikator and Data & Metodologi pages need beyond ui/cache.py.

To be merged into ui/cache.py by the integrator. Same pattern as ui/cache.py: a private
``@st.cache_data`` function keyed on the database path and its version, and a public wrapper
passing the version.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from indicators import metodologi
from indicators.io import store
from indicators.lokasi import DATA_DIR

README_BATAS = DATA_DIR / "README-batas-wilayah.md"


def _versi(db_path: Path) -> int:
    return db_path.stat().st_mtime_ns


@st.cache_data(show_spinner=False)
def _skor_semua_indikator(db: str, versi_db: int, tahap: str) -> pd.DataFrame:
    return store.kueri(Path(db), "skor_indikator", {"tahun": None, "tahap": tahap})


def skor_semua_indikator(db_path: Path, tahap: str = "final") -> pd.DataFrame:
    """Per-indicator scores of every region in every cycle for one stage.

    Columns: ``tahun, kode_wilayah, indikator, tahap, nilai, sintetis``.
    """
    return _skor_semua_indikator(str(db_path), _versi(db_path), tahap)


@st.cache_data(show_spinner=False)
def _sumber(db: str, versi_db: int) -> pd.DataFrame:
    return metodologi.muat_sumber(Path(db))


def sumber(db_path: Path) -> pd.DataFrame:
    """Every source with kind, licence, confidence, synthetic flag and the tables citing it."""
    return _sumber(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _cakupan_statistik(db: str, versi_db: int) -> pd.DataFrame:
    return metodologi.muat_cakupan_statistik(Path(db))


def cakupan_statistik(db_path: Path) -> pd.DataFrame:
    """Raw-statistic rows per statistic × year × level (see indicators.metodologi)."""
    return _cakupan_statistik(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _cakupan_skor(db: str, versi_db: int) -> pd.DataFrame:
    return metodologi.muat_cakupan_skor(Path(db))


def cakupan_skor(db_path: Path) -> pd.DataFrame:
    """Per-indicator score coverage per cycle × stage (see indicators.metodologi)."""
    return _cakupan_skor(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _atribusi(path: str, versi: int) -> metodologi.Atribusi:
    return metodologi.baca_atribusi_batas(Path(path))


def atribusi_batas() -> metodologi.Atribusi:
    """The boundaries' attribution line and MIT licence, read from data/README-batas-wilayah.md."""
    return _atribusi(str(README_BATAS), README_BATAS.stat().st_mtime_ns)
