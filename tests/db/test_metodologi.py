"""Unit tests of indicators.analisis.metodologi: loaders on the built database, vintages, validation, what-ifs."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from indicators.analisis import metodologi as met, skor
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import DATA_DIR
from ui.bagian import metodologi as hm

KATALOG = katalog_bawaan()
PITA = KATALOG.pita
KLA24 = KATALOG.skema["KLA24"]
MAKS24 = {i.id: i.nilai_maks for i in KLA24.indikator}


# --- loaders -----------------------------------------------------------------------------------------------------


def test_muat_sumber_memuat_setiap_sumber_dengan_lisensi_dan_keyakinan(db_bawaan: Path):
    sumber = met.muat_sumber(db_bawaan)
    assert list(sumber.columns) == [
        "sumber_id",
        "sitasi",
        "url",
        "jenis",
        "lisensi",
        "keyakinan",
        "sintetis",
        "dipakai_untuk",
    ]
    with store.buka(db_bawaan) as con:
        jumlah = con.execute("SELECT count(*) FROM sumber").fetchone()
    assert jumlah is not None
    assert len(sumber) == jumlah[0]
    assert sumber["sumber_id"].is_unique
    # Synthetic and boundary sources come first, so a reader sees them without scrolling.
    assert sumber["jenis"].iloc[0] == "sintetis"
    sintetis = sumber[sumber["sintetis"]]
    # Two synthetic samples, each labelled with the one table it fills.
    dipakai_sintetis = dict(zip(sintetis["sumber_id"], sintetis["dipakai_untuk"], strict=True))
    assert dipakai_sintetis == {"sintetis-skor-v1": "skor_indikator", "sintetis-perlindungan-v1": "perlindungan_anak"}
    batas = sumber[sumber["jenis"] == "batas_wilayah"]
    assert len(batas) == 1
    assert "MIT" in batas["lisensi"].iloc[0]
    kode = sumber[sumber["jenis"] == "kode_wilayah"]
    assert "300.2.2-2138/2025" in kode["sitasi"].iloc[0]
    assert set(sumber["keyakinan"].dropna()) <= {"tinggi", "sedang", "rendah"}
    # Every source that official predikat rows cite says so.
    with store.buka(db_bawaan) as con:
        dikutip = {r[0] for r in con.execute("SELECT DISTINCT sumber_id FROM predikat_resmi").fetchall()}
    dipakai = dict(zip(sumber["sumber_id"], sumber["dipakai_untuk"], strict=True))
    assert all("predikat_resmi" in dipakai[s].split(",") for s in dikutip)


def test_cakupan_statistik_dan_skor(db_bawaan: Path):
    statistik = met.muat_cakupan_statistik(db_bawaan)
    korban = statistik[statistik["statistik"] == "korban_kekerasan_anak_0_18"]
    assert sorted(korban["tahun"]) == [2023, 2024]
    assert not korban["terverifikasi"].any()
    assert set(korban["keyakinan_min"]) == {1}
    skor_ = met.muat_cakupan_skor(db_bawaan)
    assert skor_["sintetis"].all()
    assert set(skor_["jumlah_wilayah"]) == {35}
    assert set(skor_.loc[skor_["tahun"] == 2017, "kode_skema"]) == {"KLA31"}
    assert set(skor_.loc[skor_["tahun"] == 2017, "jumlah_indikator"]) == {31}
    assert set(skor_.loc[skor_["tahun"] == 2025, "tahap"]) == {"mandiri", "provinsi", "final"}


def test_ringkas_cakupan_statistik(db_bawaan: Path):
    ringkas = met.ringkas_cakupan_statistik(met.muat_cakupan_statistik(db_bawaan), KATALOG).set_index("statistik")
    korban = ringkas.loc["korban_kekerasan_anak_0_18"]
    assert not korban["terverifikasi"]
    assert korban["keyakinan"] == "rendah"
    assert korban["tahun_teks"] == "2023, 2024"
    assert korban["jumlah_kabkota"] == 35
    assert "KLA24-21" in korban["indikator"]
    ssgi = ringkas.loc["prevalensi_stunting_ssgi"]
    assert {2021, 2022, 2024} <= set(ssgi["tahun"])
    assert ssgi["ada_provinsi"]
    assert ssgi["terverifikasi"]
    # Only the student-project victims count is unverified.
    assert list(ringkas.index[~ringkas["terverifikasi"]]) == ["korban_kekerasan_anak_0_18"]


def test_cakupan_predikat_jawa_tengah(db_bawaan: Path):
    predikat = store.kueri(db_bawaan, "predikat_resmi", {"tahun": None})
    wilayah = store.kueri(db_bawaan, "wilayah_semua")
    semua = met.cakupan_predikat(predikat, wilayah)
    assert {"33", "35", "51"} <= set(semua["kode_provinsi"])  # national releases name other provinces' kab/kota
    cakupan = semua[semua["kode_provinsi"] == "33"].set_index("tahun")
    assert list(cakupan.index) == [2017, 2018, 2019, 2021, 2022, 2023, 2025]
    assert set(cakupan["jumlah_kabkota"]) == {35}
    assert list(cakupan.index[cakupan["lengkap"]]) == [2021, 2025]
    assert cakupan.loc[2019, "jumlah"] == 23  # 22 in kla_predikat.csv + Pemalang (predikat_jateng_koreksi.csv)
    assert cakupan.loc[2019, "tidak_ada"] == 3
    assert cakupan.loc[2019, "berpredikat"] == 20
    rincian = cakupan[["tinggi", "sedang", "rendah"]].sum(axis=1)
    assert (rincian == cakupan["jumlah"]).all()


def test_cakupan_predikat_kecil():
    wilayah = pd.DataFrame(
        {
            "kode_wilayah": ["33", "33.01", "33.02", "34.01"],
            "tingkat": ["provinsi", "kabkota", "kabkota", "kabkota"],
            "kode_provinsi": ["33", "33", "33", "34"],
        }
    )
    predikat = pd.DataFrame(
        {
            "tahun": [2021, 2021, 2022],
            "kode_wilayah": ["33.01", "33.02", "33.01"],
            "predikat": ["Madya", "Tidak ada", "Nindya"],
            "keyakinan": ["tinggi", "sedang", "rendah"],
        }
    )
    hasil = met.cakupan_predikat(predikat, wilayah)
    assert hasil.to_dict("records") == [
        {
            "kode_provinsi": "33",
            "tahun": 2021,
            "jumlah": 2,
            "berpredikat": 1,
            "tidak_ada": 1,
            "tinggi": 1,
            "sedang": 1,
            "rendah": 0,
            "jumlah_kabkota": 2,
            "lengkap": True,
        },
        {
            "kode_provinsi": "33",
            "tahun": 2022,
            "jumlah": 1,
            "berpredikat": 1,
            "tidak_ada": 0,
            "tinggi": 0,
            "sedang": 0,
            "rendah": 1,
            "jumlah_kabkota": 2,
            "lengkap": False,
        },
    ]


# --- boundary attribution -------------------------------------------------------------------------------------------


def test_atribusi_batas_dari_readme():
    atribusi = met.baca_atribusi_batas(DATA_DIR / "README-batas-wilayah.md")
    assert atribusi.baris == (
        "Batas wilayah: cahyadsn/wilayah_boundaries (MIT). Kode & nama wilayah: Kepmendagri No. "
        "300.2.2-2138/2025 via cahyadsn/wilayah (MIT). Luas: BIG (2024). Kode BPS: BPS, sig.bps.go.id "
        "bridging kode (2020)."
    )
    assert atribusi.lisensi == "MIT"
    assert atribusi.hak_cipta == (
        "Copyright (c) 2024 Cahya DSN (wilayah_boundaries)",
        "Copyright (c) 2017-2025 Cahya DSN (wilayah)",
    )
    assert atribusi.teks_lisensi.startswith("MIT License")
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in atribusi.teks_lisensi


def test_atribusi_batas_tanpa_baris_atribusi(tmp_path: Path):
    path = tmp_path / "README.md"
    path.write_text("# data\n\nNo attribution here.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="atribusi"):
        met.baca_atribusi_batas(path)
    path.write_text("Suggested attribution line:\n> Batas: X (MIT).\n", encoding="utf-8")
    with pytest.raises(ValueError, match="MIT"):
        met.baca_atribusi_batas(path)


# --- validation -------------------------------------------------------------------------------------------------


def test_validasi_maks_bawaan_sah():
    for skema in KATALOG.skema.values():
        maks = met.maks_bawaan(skema)
        assert met.validasi_maks(dict(zip(maks["indikator"], maks["maks_bawaan"], strict=True)), 1000) == []
        assert maks["maks_bawaan"].sum() == skema.nilai_total
        assert list(maks["nomor"]) == list(range(1, len(skema.indikator) + 1))


def test_validasi_maks_jumlah_salah():
    masalah = met.validasi_maks({**MAKS24, "KLA24-01": 90.0}, 1000)
    assert masalah == [met.Masalah("maks_jumlah", {"jumlah": 1020.0, "total": 1000, "selisih": 20.0})]


def test_validasi_maks_nol_negatif_dan_kosong():
    masalah = met.validasi_maks({**MAKS24, "KLA24-01": 0.0, "KLA24-02": -5.0}, 1000)
    assert [m.kode for m in masalah] == ["maks_tidak_positif", "maks_tidak_positif", "maks_jumlah"]
    assert masalah[0].isian == {"indikator": "KLA24-01", "nilai": 0.0}
    assert masalah[1].isian == {"indikator": "KLA24-02", "nilai": -5.0}
    # An empty cell is reported alone: the sum is meaningless until every cell has a number.
    kosong = met.validasi_maks({**MAKS24, "KLA24-03": None, "KLA24-04": math.nan}, 1000)
    assert kosong == [
        met.Masalah("maks_kosong", {"indikator": "KLA24-03"}),
        met.Masalah("maks_kosong", {"indikator": "KLA24-04"}),
    ]


def test_validasi_maks_pecahan_tanpa_galat_pembulatan():
    # 70 → 69.9 and 80 → 80.1: float noise must not make 1000 read as 999.9999999.
    assert met.validasi_maks({**MAKS24, "KLA24-01": 69.9, "KLA24-02": 80.1}, 1000) == []


def test_validasi_batas():
    bawaan = [(p.predikat, p.bawah) for p in sorted(PITA.pita, key=lambda p: p.urutan)]
    assert met.validasi_batas(bawaan, 1000) == []
    turun = met.validasi_batas([("Pratama", 500), ("Madya", 450), ("Nindya", 700)], 1000)
    assert turun == [
        met.Masalah(
            "batas_tidak_naik",
            {"predikat": "Madya", "nilai": 450.0, "sebelumnya": "Pratama", "nilai_sebelumnya": 500.0},
        )
    ]
    sama = met.validasi_batas([("Pratama", 500), ("Madya", 500)], 1000)
    assert [m.kode for m in sama] == ["batas_tidak_naik"]
    luar = met.validasi_batas([("Pratama", -1), ("KLA", 1000)], 1000)
    assert [m.kode for m in luar] == ["batas_di_luar", "batas_di_luar"]
    kosong = met.validasi_batas([("Pratama", 500), ("Madya", None), ("Nindya", 700)], 1000)
    assert kosong == [met.Masalah("batas_kosong", {"predikat": "Madya"})]


def test_pesan_validasi_dua_bahasa():
    (jumlah,) = met.validasi_maks({**MAKS24, "KLA24-01": 90.0}, 1000)
    assert hm.pesan(jumlah, "id") == (
        "Jumlah nilai maksimum harus tepat 1.000, sekarang 1.020 (selisih 20). Ubah nilai indikator lain "
        "sampai jumlahnya 1.000."
    )
    assert hm.pesan(jumlah, "en") == (
        "The maxima must sum to exactly 1,000; they now sum to 1,020 (difference 20). Adjust other "
        "indicators until the sum is 1,000."
    )
    nol = met.validasi_maks({**MAKS24, "KLA24-01": 0.0}, 1000)[0]
    assert hm.pesan(nol, "id") == "Nilai maksimum KLA24-01 harus lebih dari 0 (sekarang 0)."
    assert hm.pesan(nol, "en") == "The maximum of KLA24-01 must be greater than 0 (now 0)."
    (pecahan,) = met.validasi_maks({**MAKS24, "KLA24-01": 70.5}, 1000)
    assert "1.000,50" in hm.pesan(pecahan, "id")
    assert "1,000.50" in hm.pesan(pecahan, "en")
    (batas,) = met.validasi_batas([("Pratama", 500), ("Madya", 450)], 1000)
    assert hm.pesan(batas, "id") == "Batas bawah Madya (450) harus lebih besar dari batas bawah Pratama (500)."
    assert hm.pesan(batas, "en") == "The lower edge of Madya (450) must be greater than that of Pratama (500)."


# --- what-if -------------------------------------------------------------------------------------------------------


def test_skala_ulang_sebanding():
    data = pd.DataFrame({"indikator": ["A", "A", "B"], "nilai": [35.0, 70.0, 10.0]})
    hasil = met.skala_ulang(data, {"A": 70.0, "B": 20.0}, {"A": 140.0})
    # A doubles; B has no new maximum and keeps its score; a score at its maximum lands on the new one.
    assert hasil["nilai"].tolist() == [70.0, 140.0, 10.0]
    assert data["nilai"].tolist() == [35.0, 70.0, 10.0]  # the input is not changed
    with pytest.raises(ValueError, match="C"):
        met.skala_ulang(pd.DataFrame({"indikator": ["C"], "nilai": [1.0]}), {"A": 1.0}, {"A": 2.0})


def test_pita_dengan_batas_menjaga_sisi_batas():
    pita = met.pita_dengan_batas(PITA, {"Madya": 650.0})
    pratama, madya = sorted(pita.pita, key=lambda p: p.urutan)[:2]
    assert (pratama.bawah, pratama.atas, madya.bawah, madya.atas) == (500.0, 650.0, 650.0, 700.0)
    assert pita.predikat_untuk(650.0) == "Pratama"
    assert pita.predikat_untuk(650.01) == "Madya"
    assert pita.predikat_untuk(600.5) == "Pratama"
    assert pita.predikat_untuk(1000.0) == "KLA"
    assert pita.predikat_untuk(499.99) is None
    # The original bands are untouched.
    assert PITA.predikat_untuk(600.5) == "Madya"


def test_hitung_what_if_contoh_kecil():
    data = pd.DataFrame(
        {
            "kode_wilayah": ["a", "a", "b", "b"],
            "indikator": ["X", "Y", "X", "Y"],
            "nilai": [300.0, 300.0, 400.0, 250.0],
        }
    )
    lama = {"X": 500.0, "Y": 500.0}
    baru = {"X": 400.0, "Y": 600.0}
    hasil = met.hitung_what_if(data, lama, baru, PITA, PITA).set_index("kode_wilayah")
    # a: 300×0.8 + 300×1.2 = 600 (stays Pratama); b: 400×0.8 + 250×1.2 = 620 (Madya → Madya).
    assert hasil.loc["a", "total_bawaan"] == 600.0
    assert hasil.loc["a", "total_baru"] == 600.0
    assert hasil.loc["b", "total_bawaan"] == 650.0
    assert hasil.loc["b", "total_baru"] == 620.0
    assert hasil.loc["a", "predikat_baru"] == "Pratama"
    assert hasil.loc["b", "predikat_baru"] == "Madya"
    assert not hasil["berubah"].any()
    pita = met.pita_dengan_batas(PITA, {"Madya": 630.0})
    hasil = met.hitung_what_if(data, lama, baru, PITA, pita).set_index("kode_wilayah")
    assert hasil.loc["b", "predikat_bawaan"] == "Madya"
    assert hasil.loc["b", "predikat_baru"] == "Pratama"
    assert hasil["berubah"].tolist() == [False, True]
    assert hasil.loc["b", "perubahan_total"] == -30.0
    jumlah = met.jumlah_per_predikat(hasil.reset_index(), pita.urutan(), PITA.tanpa_predikat)
    assert jumlah["predikat"].tolist() == ["KLA", "Utama", "Nindya", "Madya", "Pratama", "Belum berpredikat"]
    assert jumlah.set_index("predikat").loc[["Madya", "Pratama"]].to_dict("list") == {
        "bawaan": [1, 1],
        "baru": [0, 2],
        "selisih": [-1, 1],
    }


def test_hitung_what_if_bawaan_sama_dengan_skor_resmi_dasbor(db_bawaan: Path):
    data = store.kueri(db_bawaan, "skor_indikator", {"tahun": 2025, "tahap": "final"})
    hasil = met.hitung_what_if(data, MAKS24, MAKS24, PITA, PITA).set_index("kode_wilayah")
    acuan = skor.hitung_skor(data, KATALOG).set_index("kode_wilayah")
    assert len(hasil) == 35
    pd.testing.assert_series_equal(hasil["total_bawaan"], acuan["total"], check_names=False)
    assert (hasil["predikat_bawaan"] == acuan["predikat_hitung"]).all()
    assert (hasil["total_baru"] == hasil["total_bawaan"]).all()
    assert not hasil["berubah"].any()
    # Moving weight from Perda KLA to Terlembaga KLA and back changes some computed predikat.
    baru = {**MAKS24, "KLA24-01": 120.0, "KLA24-02": 30.0}
    assert met.validasi_maks(baru, 1000) == []
    geser = met.hitung_what_if(data, MAKS24, baru, PITA, PITA)
    jumlah = met.jumlah_per_predikat(geser, PITA.urutan(), PITA.tanpa_predikat).set_index("predikat")
    assert jumlah["bawaan"].sum() == jumlah["baru"].sum() == 35
    assert jumlah.loc["Utama", "selisih"] == 1
    assert jumlah.loc["Nindya", "selisih"] == -1
