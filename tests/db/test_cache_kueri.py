"""The dashboard's cached data equals what the core computes the long way, on real DuckDB files.

A province's score table is the national one cut (scored once per version); the statistics'
availability is counted in DuckDB, not by fetching every row; the counts per predikat are made
from the page's cached queries, not read again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import streamlit as st

from indicators.analisis import layanan, rekap, ukuran
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


def test_ringkasan_predikat_dari_kueri_cache(db_bawaan: Path, monkeypatch: pytest.MonkeyPatch):
    # Both kinds of cache: a page test run earlier may have left this file's regions in a resource.
    st.cache_data.clear()
    st.cache_resource.clear()
    urutan = KATALOG.pita.urutan()
    harapan = {(k, th): rekap.ringkasan_bila_ada(db_bawaan, k, th, urutan) for k in ("33", "00") for th in (2023, 2025)}
    dibaca: list[tuple[str, str]] = []
    kueri, kueri_con = store.kueri, store.kueri_con

    def catat(db: Path, nama: str, param: dict[str, Any] | None = None) -> pd.DataFrame:
        dibaca.append((nama, repr(sorted((param or {}).items()))))
        return kueri(db, nama, param)

    def catat_con(con: Any, nama: str, param: dict[str, Any] | None = None) -> pd.DataFrame:
        dibaca.append((nama, repr(sorted((param or {}).items()))))
        return kueri_con(con, nama, param)

    monkeypatch.setattr(store, "kueri", catat)
    monkeypatch.setattr(store, "kueri_con", catat_con)
    for (kode, tahun), frame in harapan.items():
        assert frame is not None
        dari_cache = cache.ringkasan_predikat(db_bawaan, kode, tahun)
        assert dari_cache is not None
        pd.testing.assert_frame_equal(dari_cache, frame)
    # Four summaries from the page's cached queries: none read twice (each once read them all itself).
    assert len(dibaca) == len(set(dibaca))
    assert {n for n, _ in dibaca} == {"wilayah_semua", "rekap_predikat", "siklus_dengan_data", "ringkasan_kabkota"}
    # 2022, 2023 and 2025, read for all Indonesia only: Jawa Tengah's rows are cut from them.
    assert sorted(p for n, p in dibaca if n == "ringkasan_kabkota") == [
        repr([("kode_provinsi", "00"), ("tahun", th)]) for th in (2022, 2023, 2025)
    ]
    assert rekap.ringkasan_bila_ada(db_bawaan, "33", 2099, urutan) is None  # no such cycle: nothing to count
    st.cache_data.clear()


@pytest.mark.parametrize("nama_db", ["mini", "bawaan"])
def test_ringkasan_kabkota_provinsi_potongan_nasional_sama_dengan_kueri(nama_db: str, mini_db: Path, db_bawaan: Path):
    # Every province the database knows (with and without kab/kota data) and every cycle, plus
    # a code no province has: the cut equals the query run for the province, row for row. One
    # difference, on purpose: a column with no value in the province (no predikat known) keeps
    # the country's type (text, missing = NaN), where the query alone would type it as objects (None).
    path = mini_db if nama_db == "mini" else db_bawaan
    st.cache_resource.clear()
    wilayah = store.kueri(path, "wilayah_semua")
    provinsi = [*wilayah.loc[wilayah["tingkat"] == "provinsi", "kode_wilayah"], "99", "00"]
    tahun = [s.tahun for s in KATALOG.siklus]
    diuji = kosong = 0
    for th in tahun:
        jenis = store.kueri(path, "ringkasan_kabkota", {"kode_provinsi": "00", "tahun": th}).dtypes
        for kode in provinsi:
            harapan = store.kueri(path, "ringkasan_kabkota", {"kode_provinsi": kode, "tahun": th})
            tanpa_nilai = [k for k in harapan.columns if harapan[k].isna().all() and harapan[k].dtype != jenis[k]]
            kosong += len(tanpa_nilai)
            harapan = harapan.astype({k: jenis[k] for k in tanpa_nilai})
            pd.testing.assert_frame_equal(cache.ringkasan_kabkota(path, kode, th), harapan)
            diuji += len(harapan)
    assert diuji > 0
    assert kosong > 0  # the case above was met
    st.cache_resource.clear()
