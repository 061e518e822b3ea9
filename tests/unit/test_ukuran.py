"""Map measures: the declared list, the cycles per measure, values per region, status, direction."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from indicators.analisis import ukuran
from indicators.analisis.ringkasan import TIDAK_ADA, TIDAK_DITEMUKAN
from indicators.katalog.model import katalog_bawaan

KAT = katalog_bawaan()
SEMUA = ukuran.daftar_ukuran(KAT)

WILAYAH = pd.DataFrame(
    [
        ("00", "Indonesia", "nasional", None, "00"),
        ("33", "Jawa Tengah", "provinsi", "00", "33"),
        ("34", "DI Yogyakarta", "provinsi", "00", "34"),
        ("33.01", "Kab. A", "kabkota", "33", "33"),
        ("33.02", "Kab. B", "kabkota", "33", "33"),
        ("33.03", "Kota C", "kabkota", "33", "33"),
        ("34.01", "Kab. D", "kabkota", "34", "34"),
        ("33.01.01", "Kec. A1", "kecamatan", "33.01", "33"),
        ("33.01.02", "Kec. A2", "kecamatan", "33.01", "33"),
    ],
    columns=["kode_wilayah", "nama", "tingkat", "kode_induk", "kode_provinsi"],
)
KABKOTA = ukuran.wilayah_peta(WILAYAH, "33")
PREDIKAT = pd.DataFrame(
    [
        (2023, "33.01", "Madya", "tinggi", False),
        (2023, "33.02", "Tidak ada", "sedang", False),
        (2025, "33.01", "Nindya", "tinggi", False),
        (2025, "33.02", "Madya", "rendah", False),
        (2025, "33.03", "Pratama", "tinggi", False),
    ],
    columns=["tahun", "kode_wilayah", "predikat", "keyakinan", "sintetis"],
)
SKOR = pd.DataFrame(
    {
        "kode_wilayah": ["33.01", "33.02", "34.01"],
        "kelembagaan": [150.0, 120.5, 100.0],
        "klaster_3": [170.25, 99.0, 80.0],
        "total": [1234.5, 601.0, 700.0],
        "sintetis": [True, True, True],
    }
)
SKOR_INDIKATOR = pd.DataFrame(
    {
        "tahun": [2025, 2025, 2025, 2023],
        "kode_wilayah": ["33.01", "33.02", "33.01", "33.01"],
        "indikator": ["KLA24-13", "KLA24-13", "KLA24-01", "KLA24-13"],
        "tahap": ["final"] * 4,
        "nilai": [30.5, 22.0, 60.0, 10.0],
        "sintetis": [True, True, True, True],
    }
)
STATISTIK = pd.DataFrame(
    {
        "tahun": [2022, 2022, 2021, 2022, 2022],
        "kode_wilayah": ["33.01", "33.03", "33.01", "33", "33.01.01"],
        "statistik": ["prevalensi_stunting_ssgi"] * 5,
        "nilai": [20.9, 14.25, 17.0, 20.8, 12.0],
        "satuan": ["persen"] * 5,
        "keyakinan": ["tinggi", "sedang", "tinggi", "tinggi", "tinggi"],
        "terverifikasi": [True, False, True, True, True],
        "sintetis": [False] * 5,
        "tingkat": ["kabkota", "kabkota", "kabkota", "provinsi", "kecamatan"],
        "kode_provinsi": ["33"] * 5,
    }
)
SIKLUS = pd.DataFrame(
    {
        "tahun": [2017, 2021, 2023, 2025, 2026],
        "kode_skema": ["KLA31", "KLA24", "KLA24", "KLA24", "KLA24"],
        "jumlah_predikat": [0, 35, 25, 35, 10],
        "jumlah_skor": [35, 35, 35, 35, 0],
    }
)


def test_daftar_ukuran_memuat_setiap_jenis_dengan_kode_url_yang_stabil():
    assert list(SEMUA)[:8] == ["predikat", "total", "kelembagaan", *[f"klaster_{i}" for i in range(1, 6)]]
    jenis = {u.jenis for u in SEMUA.values()}
    assert jenis == {"predikat", "total", "kelompok", "indikator", "statistik"}
    assert SEMUA["KLA24-13"].skema == "KLA24"
    assert SEMUA["KLA31-05"].skema == "KLA31"
    assert len([u for u in SEMUA.values() if u.jenis == "indikator"]) == 24 + 31
    stunting = SEMUA["stat:prevalensi_stunting_ssgi"]
    assert (stunting.jenis, stunting.sumber, stunting.arah) == ("statistik", "prevalensi_stunting_ssgi", "turun")
    assert stunting.satuan("id") == "persen"
    assert stunting.satuan("en") == "percent"
    assert stunting.label("en") == "Stunting prevalence (SSGI survey)"
    assert SEMUA["total"].satuan("en") == "points"
    assert SEMUA["predikat"].kategori == (TIDAK_ADA, "Pratama", "Madya", "Nindya", "Utama", "KLA")
    assert not SEMUA["predikat"].kontinu
    assert SEMUA["klaster_3"].berbasis_skor
    assert not SEMUA["stat:jumlah_penduduk"].berbasis_skor
    assert SEMUA["stat:jumlah_penduduk"].arah == "netral"
    # Every unit of the statistics catalogue has an English name.
    assert all(u.satuan_en != u.satuan_id for u in SEMUA.values() if u.jenis == "statistik")
    # The statistics can be limited to those with data.
    sedikit = ukuran.daftar_ukuran(KAT, ["prevalensi_stunting_ssgi"])
    assert [k for k in sedikit if k.startswith(ukuran.AWALAN_STATISTIK)] == ["stat:prevalensi_stunting_ssgi"]


def test_tahun_tersedia_per_jenis_ukuran():
    ada = ukuran.ringkas_ketersediaan(STATISTIK)
    assert ukuran.tahun_tersedia(SEMUA["predikat"], SIKLUS, ada, "33") == [2021, 2023, 2025, 2026]
    assert ukuran.tahun_tersedia(SEMUA["total"], SIKLUS, ada, "33") == [2017, 2021, 2023, 2025]
    assert ukuran.tahun_tersedia(SEMUA["klaster_1"], SIKLUS, ada, "33") == [2017, 2021, 2023, 2025]
    # An indicator only in cycles of its own scheme.
    assert ukuran.tahun_tersedia(SEMUA["KLA24-13"], SIKLUS, ada, "33") == [2021, 2023, 2025]
    assert ukuran.tahun_tersedia(SEMUA["KLA31-05"], SIKLUS, ada, "33") == [2017]
    # A statistic: the years it has at that level (its province row does not count).
    stunting = SEMUA["stat:prevalensi_stunting_ssgi"]
    assert ukuran.tahun_tersedia(stunting, SIKLUS, ada, "33") == [2021, 2022]
    assert ukuran.tahun_tersedia(stunting, SIKLUS, ada, "33", "kecamatan") == [2022]
    assert ukuran.tahun_tersedia(stunting, SIKLUS, ada, "00") == [2021, 2022]
    assert ukuran.tahun_tersedia(stunting, SIKLUS, ada, "34") == []
    assert ukuran.tahun_bawaan(stunting, [2021, 2022], ada, "33", "kabkota") == 2022
    assert ukuran.tahun_bawaan(SEMUA["total"], [2017, 2025], ada, "33", "kabkota") == 2025


def test_tahun_bawaan_statistik_tahun_terlengkap_bukan_terakhir():
    data = pd.DataFrame(
        {
            "statistik": ["s"] * 4,
            "tahun": [2021, 2021, 2021, 2024],
            "tingkat": ["kabkota"] * 4,
            "kode_provinsi": ["33"] * 4,
        }
    )
    ada = ukuran.ringkas_ketersediaan(data)
    stat = ukuran.Ukuran("stat:s", "statistik", "s", "S", "S", "persen", "percent", "naik", desimal=None)
    assert ukuran.tahun_bawaan(stat, [2021, 2024], ada, "33", "kabkota") == 2021


def test_kecamatan_hanya_bila_ada_baris_kecamatan_dan_lapisannya():
    ada = ukuran.ringkas_ketersediaan(STATISTIK)
    stunting = SEMUA["stat:prevalensi_stunting_ssgi"]
    assert ukuran.tingkat_tersedia(stunting, ada, "33") == ["kabkota", "kecamatan"]
    # No kecamatan boundary layer for that province: not offered.
    assert ukuran.tingkat_tersedia(stunting, ada, "33", lapisan_kecamatan=()) == ["kabkota"]
    # Scores and predikat are kab/kota results.
    assert ukuran.tingkat_tersedia(SEMUA["total"], ada, "33") == ["kabkota"]
    # Without kecamatan rows (the shipped data today) the option never appears.
    hanya_kabkota = ukuran.ringkas_ketersediaan(STATISTIK[STATISTIK["tingkat"] != "kecamatan"])
    assert ukuran.tingkat_tersedia(stunting, hanya_kabkota, "33") == ["kabkota"]
    assert ukuran.statistik_tersedia(hanya_kabkota, "33") == ["prevalensi_stunting_ssgi"]
    assert ukuran.statistik_tersedia(hanya_kabkota, "34") == []


def test_nilai_statistik_per_kecamatan():
    kecamatan = ukuran.wilayah_peta(WILAYAH, "33", "kecamatan")
    assert list(kecamatan["kode_wilayah"]) == ["33.01.01", "33.01.02"]
    hasil = ukuran.nilai_ukuran(SEMUA["stat:prevalensi_stunting_ssgi"], 2022, kecamatan, statistik=STATISTIK)
    hasil = hasil.set_index("kode_wilayah")
    assert hasil.loc["33.01.01", "nilai"] == 12.0
    assert hasil.loc["33.01.01", "status"] == "resmi"
    assert hasil.loc["33.01.02", "status"] == "tidak_ditemukan"


def test_wilayah_peta_provinsi_dan_nasional():
    assert list(KABKOTA["kode_wilayah"]) == ["33.01", "33.02", "33.03"]
    assert list(ukuran.wilayah_peta(WILAYAH, "00")["kode_wilayah"]) == ["33.01", "33.02", "33.03", "34.01"]


def test_nilai_predikat_resmi_peringkat_dan_tidak_ditemukan():
    hasil = ukuran.nilai_ukuran(SEMUA["predikat"], 2023, KABKOTA, predikat=PREDIKAT).set_index("kode_wilayah")
    assert list(hasil.columns) == [c for c in ukuran.KOLOM_NILAI if c != "kode_wilayah"]
    assert hasil.loc["33.01", "kategori"] == "Madya"
    assert hasil.loc["33.01", "nilai"] == 2.0  # Tidak ada 0, Pratama 1, Madya 2
    assert hasil.loc["33.02", "nilai"] == 0.0
    assert hasil.loc["33.02", "tampilan"] == "Tidak berpredikat"
    assert hasil.loc["33.01", "status"] == "resmi"
    assert hasil.loc["33.01", "keyakinan"] == "tinggi"
    # Missing is never filled in.
    assert hasil.loc["33.03", "kategori"] == TIDAK_DITEMUKAN
    assert hasil.loc["33.03", "status"] == "tidak_ditemukan"
    assert math.isnan(hasil["nilai"]["33.03"])
    assert hasil.loc["33.03", "keyakinan"] is None
    inggris = ukuran.nilai_ukuran(SEMUA["predikat"], 2023, KABKOTA, predikat=PREDIKAT, bahasa="en")
    assert list(inggris["tampilan"]) == ["Madya", "No predikat", "No data found"]


def test_nilai_total_dan_kelompok_sintetis_dengan_format_lokal():
    hasil = ukuran.nilai_ukuran(SEMUA["total"], 2025, KABKOTA, predikat=PREDIKAT, skor=SKOR)
    hasil = hasil.set_index("kode_wilayah")
    assert hasil.loc["33.01", "nilai"] == 1234.5
    assert hasil.loc["33.01", "tampilan"] == "1.234,50"
    assert hasil.loc["33.01", "status"] == "sintetis"
    assert bool(hasil.loc["33.01", "sintetis"])
    assert hasil.loc["33.01", "predikat"] == "Nindya"  # the official predikat shown beside the value
    assert hasil.loc["33.03", "status"] == "tidak_ditemukan"
    assert hasil.loc["33.03", "tampilan"] == "–"
    assert not bool(hasil.loc["33.03", "sintetis"])
    assert "34.01" not in hasil.index  # only the regions asked for
    en = ukuran.nilai_ukuran(SEMUA["total"], 2025, KABKOTA, skor=SKOR, bahasa="en").set_index("kode_wilayah")
    assert en.loc["33.01", "tampilan"] == "1,234.50"
    assert en.loc["33.01", "predikat"] is None  # no predikat frame given
    klaster = ukuran.nilai_ukuran(SEMUA["klaster_3"], 2025, KABKOTA, skor=SKOR).set_index("kode_wilayah")
    assert klaster.loc["33.01", "nilai"] == 170.25
    assert klaster.loc["33.01", "tampilan"] == "170,25"


def test_nilai_indikator_hanya_indikator_dan_tahun_itu():
    hasil = ukuran.nilai_ukuran(SEMUA["KLA24-13"], 2025, KABKOTA, skor_indikator=SKOR_INDIKATOR)
    assert list(hasil["nilai"].fillna(-1)) == [30.5, 22.0, -1]
    assert list(hasil["status"]) == ["sintetis", "sintetis", "tidak_ditemukan"]


def test_nilai_statistik_resmi_keyakinan_dan_verifikasi():
    stunting = SEMUA["stat:prevalensi_stunting_ssgi"]
    hasil = ukuran.nilai_ukuran(stunting, 2022, KABKOTA, predikat=PREDIKAT, statistik=STATISTIK)
    hasil = hasil.set_index("kode_wilayah")
    assert hasil.loc["33.01", "nilai"] == 20.9
    # Decimals follow the data: 14,25 needs two, so every value shows two.
    assert hasil.loc["33.01", "tampilan"] == "20,90"
    assert hasil.loc["33.03", "tampilan"] == "14,25"
    assert hasil.loc["33.03", "keyakinan"] == "sedang"
    assert not bool(hasil.loc["33.03", "terverifikasi"])
    assert hasil.loc["33.01", "status"] == "resmi"
    assert hasil.loc["33.02", "status"] == "tidak_ditemukan"
    assert hasil.loc["33.01", "predikat"] is None  # 2022 is not an evaluation cycle
    lalu = ukuran.nilai_ukuran(stunting, 2021, KABKOTA, statistik=STATISTIK)
    assert list(lalu["tampilan"]) == ["17", "–", "–"]


def test_nilai_sintetis_ditandai_dan_frame_wajib():
    stat = STATISTIK.assign(sintetis=True)
    hasil = ukuran.nilai_ukuran(SEMUA["stat:prevalensi_stunting_ssgi"], 2022, KABKOTA, statistik=stat)
    assert hasil.loc[0, "status"] == "sintetis"
    with pytest.raises(ValueError, match="tabel skor"):
        ukuran.nilai_ukuran(SEMUA["total"], 2025, KABKOTA)
    with pytest.raises(ValueError, match="predikat"):
        ukuran.nilai_ukuran(SEMUA["predikat"], 2025, KABKOTA)
    with pytest.raises(ValueError, match="indikator"):
        ukuran.nilai_ukuran(SEMUA["KLA24-01"], 2025, KABKOTA)
    with pytest.raises(ValueError, match="statistik"):
        ukuran.nilai_ukuran(SEMUA["stat:prevalensi_stunting_ssgi"], 2025, KABKOTA)


def test_perubahan_predikat_naik_tetap_turun_tidak_sebanding():
    awal = ukuran.nilai_ukuran(SEMUA["predikat"], 2023, KABKOTA, predikat=PREDIKAT)
    akhir = ukuran.nilai_ukuran(SEMUA["predikat"], 2025, KABKOTA, predikat=PREDIKAT)
    ubah = ukuran.perubahan_ukuran(SEMUA["predikat"], awal, akhir).set_index("kode_wilayah")
    assert ubah["arah_perubahan"].to_dict() == {"33.01": "naik", "33.02": "naik", "33.03": "tidak_sebanding"}
    assert ubah.loc["33.02", "selisih"] == 2.0  # Tidak ada → Madya: two bands
    assert ubah.loc["33.01", "membaik"] is True
    assert ubah.loc["33.03", "membaik"] is None
    turun = ukuran.perubahan_ukuran(SEMUA["predikat"], akhir, awal).set_index("kode_wilayah")
    assert turun.loc["33.01", "arah_perubahan"] == "turun"
    assert turun.loc["33.01", "membaik"] is False


def test_perubahan_mengikuti_arah_ukuran():
    stunting = SEMUA["stat:prevalensi_stunting_ssgi"]
    awal = ukuran.nilai_ukuran(stunting, 2021, KABKOTA, statistik=STATISTIK)
    akhir = ukuran.nilai_ukuran(stunting, 2022, KABKOTA, statistik=STATISTIK)
    ubah = ukuran.perubahan_ukuran(stunting, awal, akhir).set_index("kode_wilayah")
    assert ubah.loc["33.01", "selisih"] == pytest.approx(3.9)
    assert ubah.loc["33.01", "arah_perubahan"] == "naik"
    assert ubah.loc["33.01", "membaik"] is False  # stunting up is worse
    assert ubah.loc["33.03", "arah_perubahan"] == "tidak_sebanding"  # no 2021 value: not guessed
    total = ukuran.perubahan_ukuran(SEMUA["total"], akhir, awal).set_index("kode_wilayah")
    assert total.loc["33.01", "membaik"] is False  # same numbers read as "higher is better": a fall
    netral = ukuran.perubahan_ukuran(SEMUA["stat:jumlah_penduduk"], awal, akhir)
    assert netral["membaik"].isna().all()
    tetap = ukuran.perubahan_ukuran(stunting, akhir, akhir).set_index("kode_wilayah")
    assert tetap.loc["33.01", "arah_perubahan"] == "tetap"


def test_sintetis_pada_perubahan_bila_salah_satu_sintetis():
    akhir = ukuran.nilai_ukuran(SEMUA["total"], 2025, KABKOTA, skor=SKOR)
    awal = ukuran.nilai_ukuran(SEMUA["total"], 2025, KABKOTA, skor=SKOR.assign(sintetis=False))
    ubah = ukuran.perubahan_ukuran(SEMUA["total"], awal, akhir)
    assert list(ubah["sintetis"]) == [True, True, False]


def test_skala_warna_lebih_baik_selalu_hijau_tua():
    hijau_tua = "#00441b"
    naik = ukuran.skala_warna("naik")
    turun = ukuran.skala_warna("turun")
    assert naik[-1] == [1.0, hijau_tua]  # highest value darkest
    assert turun[0] == [0.0, hijau_tua]  # lowest value darkest when lower is better
    assert [w for _, w in turun] == list(reversed([w for _, w in naik]))
    assert ukuran.skala_warna("netral")[-1][1] != hijau_tua  # neutral: not green at all
    # Diverging: an improvement is green on both sides of the direction.
    assert ukuran.skala_divergen("naik")[-1][1] == "#1b7837"
    assert ukuran.skala_divergen("turun")[0][1] == "#1b7837"
    assert ukuran.skala_divergen("naik")[2] == [0.5, "#f7f7f7"]  # centre (zmid 0) is neutral


def test_rentang_bersama_dan_simetris():
    assert ukuran.rentang([1.0, float("nan")], [5.0, 3.0]) == (1.0, 5.0)
    assert ukuran.rentang([float("nan")]) is None
    bawah, atas = ukuran.rentang([10.0])  # type: ignore[misc]
    assert bawah < 10.0 < atas
    assert ukuran.rentang_simetris([-3.0, 2.0, float("nan")]) == 3.0
    assert ukuran.rentang_simetris([0.0]) == 1.0


def test_desimal_data():
    assert ukuran.desimal_data([1.0, 2.0]) == 0
    assert ukuran.desimal_data([1.5, 2.0]) == 1
    assert ukuran.desimal_data([94.84, 101.38]) == 2
    assert ukuran.desimal_data([1.23456]) == 2
    assert ukuran.desimal_data([]) == 0


def test_ringkas_ketersediaan_kosong():
    kosong = ukuran.ringkas_ketersediaan(pd.DataFrame())
    assert list(kosong.columns) == ["statistik", "tahun", "tingkat", "kode_provinsi", "jumlah"]
    assert ukuran.statistik_tersedia(kosong, "33") == []
