"""Profil's predikat history from the region's own rows equals the one cut from scoring every region.

The page scores one region (``profil.skor_per_siklus`` on its ``skor_wilayah`` rows) instead of
every region in every cycle; the evaluation pack still cuts ``layanan.skor_semua_siklus``. Both must
give the same history, for every region of the real database and for a region without final scores.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from pandas.testing import assert_frame_equal

from indicators.analisis import layanan, profil
from indicators.io import store
from indicators.katalog.model import katalog_bawaan

KAT = katalog_bawaan()
SIKLUS = [(s.tahun, s.skema) for s in KAT.siklus]


def _riwayat(skor: pd.DataFrame, resmi: pd.DataFrame, kode: str) -> pd.DataFrame:
    return profil.riwayat_predikat(skor, resmi[resmi["kode_wilayah"] == kode], SIKLUS)


def test_riwayat_dari_baris_wilayah_sama_dengan_dari_semua_wilayah(db_modul: Path):
    semua = layanan.skor_semua_siklus(db_modul, KAT)
    resmi = store.kueri(db_modul, "predikat_resmi", {"tahun": None})
    kode_semua = sorted(set(semua["kode_wilayah"]))
    assert len(kode_semua) == 35  # every Jawa Tengah kab/kota has scores
    for kode in kode_semua:
        sendiri = profil.skor_per_siklus(store.kueri(db_modul, "skor_wilayah", {"kode_wilayah": kode}), KAT)
        dari_semua = _riwayat(semua[semua["kode_wilayah"] == kode], resmi, kode)
        assert_frame_equal(_riwayat(sendiri, resmi, kode), dari_semua, obj=kode)
        assert dari_semua["ada_skor"].sum() == len(sendiri) >= 1


def test_wilayah_tanpa_skor_final_riwayat_tanpa_skor(db_modul: Path):
    skor = store.kueri(db_modul, "skor_wilayah", {"kode_wilayah": "33.75"})
    hanya_mandiri = skor[skor["tahap"] == "mandiri"]
    kosong = profil.skor_per_siklus(hanya_mandiri, KAT)
    assert kosong.empty
    resmi = store.kueri(db_modul, "predikat_resmi", {"tahun": None})
    riwayat = _riwayat(kosong, resmi, "33.75")
    assert not riwayat["ada_skor"].any()
    assert riwayat.loc[riwayat["tahun"] == 2025, "predikat_resmi"].tolist() == ["Nindya"]  # the real one stays
    mandiri = profil.skor_per_siklus(hanya_mandiri, KAT, tahap="mandiri")
    assert len(mandiri) == len(set(hanya_mandiri["tahun"]))
