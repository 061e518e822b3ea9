"""Unit tests of indicators/profil.py: status rule, predikat history, groups against maxima, stages,
peers and the what-if helpers (no Streamlit, no database)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from indicators.analisis import analitik, profil, simulasi
from indicators.katalog.model import KELOMPOK, Katalog, katalog_bawaan

SIKLUS = [(2017, "KLA31"), (2018, "KLA24"), (2019, "KLA24"), (2021, "KLA24"), (2022, "KLA24"), (2023, "KLA24")]


@pytest.fixture(scope="module")
def kat() -> Katalog:
    return katalog_bawaan()


def _skor(kat: Katalog, porsi: float = 0.7, *, tahun: int = 2025, tahap: str = "final", kode: str = "33.75"):
    """A full KLA24 score table of one region: every indicator at ``porsi`` of its maximum."""
    return pd.DataFrame(
        [
            {
                "tahun": tahun,
                "kode_wilayah": kode,
                "indikator": i.id,
                "tahap": tahap,
                "nilai": round(porsi * i.nilai_maks, 2),
                "sintetis": True,
            }
            for i in kat.skema["KLA24"].indikator
        ]
    )


# --- status rule -----------------------------------------------------------------------------------


def test_status_indikator_ambang():
    nilai = pd.Series([70.0, 69.996, 69.99, 56.0, 55.99, 35.0, 34.99, 0.0, np.nan])
    maks = pd.Series([70.0] * len(nilai))
    assert profil.status_indikator(nilai, maks).tolist() == [
        "penuh",  # at the maximum
        "penuh",  # within half the score resolution
        "baik",  # 0,01 short is not full
        "baik",  # exactly 80 %
        "sebagian",
        "sebagian",  # exactly 50 %
        "rendah",
        "rendah",
        "belum_ada_skor",
    ]
    assert set(profil.status_indikator(nilai, maks)) <= set(profil.STATUS)


def test_tabel_status_semua_indikator_skema_termasuk_yang_tanpa_skor(kat: Katalog):
    skor = _skor(kat)
    skor = skor[skor["indikator"] != "KLA24-10"]
    skor.loc[skor["indikator"] == "KLA24-01", "nilai"] = 70.0
    skor.loc[skor["indikator"] == "KLA24-02", "nilai"] = 30.0
    tabel = profil.tabel_status(skor, kat, "KLA24")
    assert len(tabel) == 24
    assert tabel["nomor"].tolist() == list(range(1, 25))
    per = tabel.set_index("indikator")
    assert per.loc["KLA24-01", "status"] == "penuh"
    assert per.loc["KLA24-01", "persen_maks"] == 100.0
    assert per.loc["KLA24-02", "status"] == "rendah"  # 30 of 80
    assert per.loc["KLA24-02", "persen_maks"] == 37.5
    assert per.loc["KLA24-10", "status"] == "belum_ada_skor"
    assert per["nilai"].isna()["KLA24-10"]
    assert not per.loc["KLA24-10", "sintetis"]
    assert per.loc["KLA24-03", "status"] == "sebagian"  # 70 %
    assert per.loc["KLA24-03", "sintetis"]
    assert per["nilai_maks"].sum() == 1000


# --- predikat history ------------------------------------------------------------------------------


def test_riwayat_resmi_dan_hitung_dengan_celah(kat: Katalog):
    skor = pd.DataFrame(
        {
            "tahun": [2017, 2019, 2021, 2022, 2023],
            "total": [650.0, 690.0, 720.0, 480.0, 810.0],
            "predikat_hitung": ["Madya", "Madya", "Nindya", None, "Utama"],
            "sintetis": [True] * 5,
        }
    )
    resmi = pd.DataFrame(
        {
            "tahun": [2019, 2021, 2022, 2018],
            "predikat": ["Madya", "Madya", "Tidak ada", "Pratama"],
            "keyakinan": ["tinggi", "sedang", "tinggi", "rendah"],
        }
    )
    r = profil.riwayat_predikat(skor, resmi, SIKLUS).set_index("tahun")
    assert r.index.tolist() == [2017, 2018, 2019, 2021, 2022, 2023]  # every cycle, in order
    # 2017: scores but no official predikat → not found, never filled in, no difference claimed.
    assert r.loc[2017, "predikat_resmi"] is None
    assert not r.loc[2017, "ada_resmi"]
    assert r.loc[2017, "ada_skor"]
    assert not r.loc[2017, "beda_predikat"]
    assert r.loc[2017, "kode_skema"] == "KLA31"
    # 2018: official predikat but no score.
    assert r.loc[2018, "predikat_resmi"] == "Pratama"
    assert not r.loc[2018, "ada_skor"]
    assert not r.loc[2018, "beda_predikat"]
    assert not r.loc[2018, "sintetis"]
    # 2019 same, 2021 different, 2022 'Tidak ada' equals a computed no-predikat, 2023 no official.
    assert not r.loc[2019, "beda_predikat"]
    assert r.loc[2021, "beda_predikat"]
    assert r.loc[2021, "keyakinan"] == "sedang"
    assert not r.loc[2022, "beda_predikat"]
    assert r.loc[2022, "predikat_hitung"] is None
    assert not r.loc[2023, "ada_resmi"]


def test_riwayat_setuju_dengan_bandingkan_resmi(kat: Katalog):
    # The profile's difference rule is the same as analitik.bandingkan_resmi's.
    skor = pd.DataFrame(
        {
            "tahun": [2019, 2021, 2022],
            "kode_wilayah": ["33.75"] * 3,
            "total": [650.0, 720.0, 480.0],
            "predikat_hitung": ["Madya", "Nindya", None],
            "sintetis": [True] * 3,
        }
    )
    resmi = pd.DataFrame(
        {
            "tahun": [2019, 2021, 2022],
            "kode_wilayah": ["33.75"] * 3,
            "predikat": ["Nindya", "Nindya", "Tidak ada"],
            "keyakinan": ["tinggi"] * 3,
        }
    )
    ref = analitik.bandingkan_resmi(skor, resmi)["beda_predikat"].tolist()
    r = profil.riwayat_predikat(skor, resmi, [(2019, "KLA24"), (2021, "KLA24"), (2022, "KLA24")])
    assert r["beda_predikat"].tolist() == ref == [True, False, False]


def test_tahun_tanpa_siklus():
    assert profil.tahun_tanpa_siklus([2025, 2017, 2018, 2019, 2021, 2022, 2023]) == [2020, 2024]
    assert profil.tahun_tanpa_siklus([2021]) == []
    assert profil.tahun_tanpa_siklus([]) == []


# --- groups ----------------------------------------------------------------------------------------


def test_kelompok_vs_maks(kat: Katalog):
    skema = kat.skema["KLA24"]
    baris = {"kelembagaan": 150.0, "klaster_1": 60.0, "klaster_2": 80.0, "klaster_3": 105.0, "klaster_4": 65.0}
    rata = {"kelembagaan": 140.0, "klaster_1": 70.0, "klaster_5": 90.0}
    tabel = profil.kelompok_vs_maks(baris, skema, rata)
    maks = skema.nilai_maks_kelompok()
    assert tabel["kelompok"].tolist() == list(KELOMPOK)
    assert tabel["nilai_maks"].tolist() == [maks[k] for k in tabel["kelompok"]]
    assert tabel["nilai_maks"].sum() == 1000
    per = tabel.set_index("kelompok")
    assert per.loc["kelembagaan", "persen_maks"] == round(100 * 150 / maks["kelembagaan"], 1)
    assert per.loc["kelembagaan", "ruang"] == maks["kelembagaan"] - 150
    assert per.loc["kelembagaan", "rata_provinsi"] == 140.0
    assert per["nilai"].isna()["klaster_5"]  # a group without a score stays empty
    assert per["rata_provinsi"].isna()["klaster_2"]


def test_kelompok_skema_lama_memakai_maks_kla31(kat: Katalog):
    skema = kat.skema["KLA31"]
    tabel = profil.kelompok_vs_maks({}, skema, {})
    assert tabel["nilai_maks"].tolist() == [skema.nilai_maks_kelompok()[k] for k in tabel["kelompok"]]


def test_rata_kelompok():
    tabel = pd.DataFrame({"kelembagaan": [100.0, 200.0], "total": [600.0, 800.0], "nama": ["a", "b"]})
    assert profil.rata_kelompok(tabel) == {"kelembagaan": 150.0, "total": 700.0}


# --- stages ----------------------------------------------------------------------------------------


def test_total_per_tahap_urut_proses(kat: Katalog):
    skor = pd.concat(
        [_skor(kat, 0.7, tahap="final"), _skor(kat, 0.9, tahap="mandiri"), _skor(kat, 0.8, tahap="provinsi")]
    )
    tabel = profil.total_per_tahap(skor, kat)
    assert tabel["tahap"].tolist() == ["mandiri", "provinsi", "final"]
    assert tabel["total"].round(0).tolist() == [900.0, 800.0, 700.0]
    assert math.isnan(tabel["perubahan"].iloc[0])
    assert tabel["perubahan"].iloc[1:].round(0).tolist() == [-100.0, -100.0]
    assert profil.total_per_tahap(skor.iloc[0:0], kat).empty


def test_kehilangan_verifikasi_hanya_yang_turun(kat: Katalog):
    final = _skor(kat, 0.7, tahap="final")
    mandiri = _skor(kat, 0.7, tahap="mandiri")
    mandiri.loc[mandiri["indikator"] == "KLA24-05", "nilai"] += 5
    mandiri.loc[mandiri["indikator"] == "KLA24-09", "nilai"] += 2
    mandiri.loc[mandiri["indikator"] == "KLA24-11", "nilai"] -= 3  # gained at verification: not a loss
    rugi = profil.kehilangan_verifikasi(analitik.perubahan_tahap(pd.concat([final, mandiri]), kat))
    assert rugi["indikator"].tolist() == ["KLA24-05", "KLA24-09"]
    assert rugi["berubah_verifikasi"].tolist() == [-5.0, -2.0]
    # One stage only: nothing to compare.
    assert profil.kehilangan_verifikasi(analitik.perubahan_tahap(final, kat)).empty


# --- peers -----------------------------------------------------------------------------------------


def test_tabel_sebaya_wilayah_dulu_lalu_total():
    skor = pd.DataFrame(
        {
            "kode_wilayah": ["33.25", "33.26", "33.75"],
            "total": [650.0, 700.0, 770.0],
            "predikat_hitung": ["Madya", "Madya", "Nindya"],
            "predikat_resmi": ["Madya", None, "Nindya"],
            "sintetis": [True, True, True],
        }
    )
    nama = {"33.25": "Kabupaten Batang", "33.26": "Kabupaten Pekalongan", "33.75": "Kota Pekalongan"}
    tabel = profil.tabel_sebaya("33.75", ["33.25", "33.26", "32.99"], skor, nama)
    assert tabel["kode_wilayah"].tolist() == ["33.75", "33.26", "33.25", "32.99"]
    assert tabel["wilayah_ini"].tolist() == [True, False, False, False]
    assert tabel["nama"].iloc[-1] == "32.99"  # unknown name falls back to the code
    assert tabel["predikat_resmi"].iloc[1] is None
    assert math.isnan(tabel["total"].iloc[-1])
    assert not tabel["sintetis"].iloc[-1]


# --- what-if ---------------------------------------------------------------------------------------


def test_skor_berubah_membuang_yang_sama(kat: Katalog):
    skor = _skor(kat)
    kini = dict(zip(skor["indikator"], skor["nilai"], strict=True))
    masukan = {**kini, "KLA24-01": 70.0}
    assert profil.skor_berubah(skor, masukan) == {"KLA24-01": 70.0}
    tanpa = skor[skor["indikator"] != "KLA24-02"]
    assert profil.skor_berubah(tanpa, {"KLA24-02": 0.0}) == {"KLA24-02": 0.0}


def test_simulasi_profil_naik_predikat_dan_yang_tak_diubah_tetap_sintetis(kat: Katalog):
    skor = _skor(kat, 0.78)  # 780: Nindya, 20 short of Utama (> 800)
    kini = dict(zip(skor["indikator"], skor["nilai"], strict=True))
    masukan = {**kini, "KLA24-01": 70.0, "KLA24-21": 60.0}
    hasil = profil.simulasikan_profil(skor, kat, masukan_skor=masukan, statistik_baru={})
    assert hasil.sebelum["predikat_hitung"] == "Nindya"
    assert hasil.sesudah["predikat_hitung"] == "Utama"
    assert hasil.perubahan_total == round(70 - kini["KLA24-01"] + 60 - kini["KLA24-21"], 2)
    baru = hasil.skor_baru.set_index("indikator")
    assert not baru.loc["KLA24-01", "sintetis"]
    assert baru.loc["KLA24-02", "sintetis"]  # untouched input stays synthetic


def test_simulasi_statistik_lewat_rubrik_dan_catatan(kat: Katalog):
    skor = _skor(kat)
    hasil = profil.simulasikan_profil(
        skor, kat, masukan_skor={}, statistik_baru={"prevalensi_stunting_ssgi": 17.68, "persalinan_di_fasyankes": 99}
    )
    baru = hasil.skor_baru.set_index("indikator")["nilai"]
    assert baru["KLA24-13"] == 32.0  # ≤ 20 % stunting → 80 % of 40 (assumed rubric)
    assert baru["KLA24-12"] == 30.0  # ≥ 98 % deliveries in facilities → 100 % of 30
    catatan = profil.catatan_rubrik({"prevalensi_stunting_ssgi": 17.68}, kat, "KLA24")
    assert catatan.to_dict("records") == [
        {
            "indikator": "KLA24-13",
            "statistik": "prevalensi_stunting_ssgi",
            "nilai": 17.68,
            "porsi": 0.8,
            "skor": 32.0,
            "nilai_maks": 40.0,
        }
    ]
    assert profil.catatan_rubrik({}, kat, "KLA24").empty
    assert profil.catatan_rubrik({"prevalensi_stunting_ssgi": 10}, kat, "KLA31").empty


@pytest.mark.parametrize(
    ("statistik", "pesan"),
    [
        ({"prevalensi_stunting_ssgi": 150.0}, "di luar 0–100 persen"),
        ({"prevalensi_stunting_ssgi": -1.0}, "di luar 0–100 persen"),
        ({"prevalensi_stunting_ssgi": float("nan")}, "bukan angka"),
        ({"tidak_ada": 1.0}, "tidak dikenal"),
    ],
)
def test_simulasi_statistik_tidak_sah(kat: Katalog, statistik: dict[str, float], pesan: str):
    with pytest.raises(simulasi.SimulasiError, match=pesan):
        profil.simulasikan_profil(_skor(kat), kat, masukan_skor={}, statistik_baru=statistik)


def test_simulasi_skor_di_luar_maks_ditolak(kat: Katalog):
    with pytest.raises(simulasi.SimulasiError, match=r"KLA24-01: nilai 99 di luar 0\.\.70"):
        profil.simulasikan_profil(_skor(kat), kat, masukan_skor={"KLA24-01": 99.0}, statistik_baru={})


def test_statistik_terakhir():
    data = pd.DataFrame(
        {
            "tahun": [2021, 2022, 2024, 2021, 2022],
            "kode_wilayah": ["33.75", "33.75", "33.75", "33.26", "33.75"],
            "statistik": ["stunting", "stunting", "stunting", "stunting", "persalinan"],
            "nilai": [20.6, 23.1, 17.68, 30.0, np.nan],
        }
    )
    assert profil.statistik_terakhir(data, "33.75") == {"stunting": (17.68, 2024)}
    assert profil.statistik_terakhir(data, "33.75", 2023) == {"stunting": (23.1, 2022)}
    assert profil.statistik_terakhir(data, "33.01") == {}


def test_baris_dengan_memotong_menurut_semua_kolom_dan_menjaga_urutan():
    skor = pd.DataFrame(
        {
            "tahun": [2023, 2025, 2025, 2025],
            "tahap": ["final", "final", "mandiri", "final"],
            "indikator": ["01", "02", "01", "01"],
        },
        index=[10, 11, 12, 13],
    )
    assert profil.baris_dengan(skor, tahun=2025).index.tolist() == [11, 12, 13]
    assert profil.baris_dengan(skor, tahun=2025, tahap="final")["indikator"].tolist() == ["02", "01"]
    assert profil.baris_dengan(skor, tahun=2019).empty
    assert profil.baris_dengan(skor).equals(skor)
