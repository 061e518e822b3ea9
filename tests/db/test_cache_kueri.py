"""The dashboard's cached data equals what the core computes the long way, on real DuckDB files.

A province's score table is the national one cut (scored once per version); the statistics'
availability is counted in DuckDB, not by fetching every row.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import streamlit as st

from indicators.analisis import layanan, ukuran
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from tests.mini_db import bangun_mini
from ui import cache

KATALOG = katalog_bawaan()
_TABEL_SKOR = layanan.tabel_skor  # before a test wraps it


@pytest.fixture(scope="module")
def mini_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bangun_mini(tmp_path_factory.mktemp("mini") / "mini.duckdb", KATALOG)


@pytest.fixture
def hitungan(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    """Every scoring of a whole cycle the cache asks ``layanan`` for."""
    st.cache_data.clear()
    panggilan: list[dict[str, Any]] = []

    def catat(db: Path, katalog: Any, **opsi: Any) -> pd.DataFrame:
        panggilan.append(opsi)
        return _TABEL_SKOR(db, katalog, **opsi)

    monkeypatch.setattr(layanan, "tabel_skor", catat)
    yield panggilan
    st.cache_data.clear()


def test_provinsi_potongan_nasional_dihitung_sekali(mini_db: Path, hitungan: list[dict[str, Any]]):
    nasional = _TABEL_SKOR(mini_db, KATALOG, tahun=2023, tahap="final")
    for kode, jumlah in (("33", 9), ("34", 1)):
        tabel = cache.tabel_skor(mini_db, 2023, "final", kode)
        harapan = nasional[nasional["kode_wilayah"].str.startswith(f"{kode}.")].reset_index(drop=True)
        assert len(tabel) == jumlah
        pd.testing.assert_frame_equal(tabel, harapan)  # national ranks and province ranks kept as scored
        assert sorted(tabel["peringkat_provinsi"])[0] == 1  # a province ranks from 1
        # The same as scoring with the province given, straight from the core.
        pd.testing.assert_frame_equal(tabel, _TABEL_SKOR(mini_db, KATALOG, tahun=2023, kode_provinsi=kode))
    pd.testing.assert_frame_equal(cache.tabel_skor(mini_db, 2023, "final"), nasional)
    assert hitungan == [{"tahun": 2023, "tahap": "final"}]  # one national scoring served all three


def test_provinsi_tanpa_skor_menyebut_yang_ada(mini_db: Path, hitungan: list[dict[str, Any]]):
    pesan = r"Provinsi '35' tidak punya skor tahun 2023; tersedia: 33 \(Jawa Tengah\), 34 \(DI Yogyakarta\)"
    with pytest.raises(layanan.PilihanError, match=pesan):
        cache.tabel_skor(mini_db, 2023, "final", "35")


def test_ketersediaan_dihitung_duckdb_sama_dengan_semua_baris(db_bawaan: Path):
    st.cache_data.clear()
    with store.buka(db_bawaan) as con:
        semua = [store.kueri_con(con, "statistik_indikator", {"statistik": k}) for k in sorted(KATALOG.statistik)]
    harapan = ukuran.ringkas_ketersediaan(pd.concat([b for b in semua if not b.empty], ignore_index=True))
    ada = cache.ketersediaan_statistik(db_bawaan)
    pd.testing.assert_frame_equal(ada, harapan)
    assert {"kabkota", "provinsi"} <= set(ada["tingkat"])  # every level counted
    assert ada["jumlah"].sum() == sum(len(b) for b in semua)
