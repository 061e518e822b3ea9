"""Unit tests of indicators/perbandingan.py: the year axis with gaps, pinned ordering, peer presets,
series of scores and indicators, the province average and ranks (no Streamlit)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indicators.analisis import layanan, perbandingan
from indicators.io import store
from indicators.katalog.model import Katalog, katalog_bawaan

SIKLUS = [(2017, "KLA31"), *((t, "KLA24") for t in (2018, 2019, 2021, 2022, 2023, 2025))]


@pytest.fixture(scope="module")
def kat() -> Katalog:
    return katalog_bawaan()


@pytest.fixture(scope="module")
def skor(db_bawaan: Path, kat: Katalog) -> pd.DataFrame:
    return layanan.skor_semua_siklus(db_bawaan, kat)


@pytest.fixture(scope="module")
def wilayah(db_bawaan: Path) -> pd.DataFrame:
    return store.kueri(db_bawaan, "wilayah_semua")


def _seri(kode: str, tahun_nilai: dict[int, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "tahun": list(tahun_nilai),
            "kode_wilayah": kode,
            "nilai": list(tahun_nilai.values()),
            "skema": "KLA24",
            "komparabilitas": "sama",
            "indikator_sumber": "",
            "sintetis": True,
        }
    )


# --- measures ---------------------------------------------------------------------------------------


def test_daftar_dan_jenis_ukuran(kat: Katalog):
    daftar = perbandingan.daftar_ukuran(kat)
    assert daftar[:7] == ["total", "kelembagaan", "klaster_1", "klaster_2", "klaster_3", "klaster_4", "klaster_5"]
    assert daftar[7:] == [f"KLA24-{n:02d}" for n in range(1, 25)]
    assert [perbandingan.jenis_ukuran(k) for k in ("total", "klaster_2", "KLA24-04")] == [
        "total",
        "kelompok",
        "indikator",
    ]


def test_label_ukuran_dari_katalog(kat: Katalog):
    assert perbandingan.label_ukuran("total", kat, "id") == "Total skor"
    assert perbandingan.label_ukuran("total", kat, "en") == "Total score"
    assert perbandingan.label_ukuran("klaster_5", kat, "id") == "Klaster V: Perlindungan Khusus"
    assert perbandingan.label_ukuran("klaster_5", kat, "en") == "Cluster V: Special protection"
    assert perbandingan.label_ukuran("KLA24-04", kat, "id") == "4. Akta Kelahiran (KLA24-04)"
    assert perbandingan.label_ukuran("KLA24-04", kat, "en") == "4. Birth-certificate coverage (KLA24-04)"


def test_maks_kelompok_berbeda_antarskema(kat: Katalog):
    assert list(perbandingan.maks_kelompok_per_skema(kat, "klaster_2").items()) == [("KLA31", 150.0), ("KLA24", 160.0)]
    assert set(perbandingan.maks_kelompok_per_skema(kat, "kelembagaan").values()) == {200.0}


# --- the year axis ----------------------------------------------------------------------------------


def test_sumbu_tahun_kalender_dengan_celah():
    tahun = [t for t, _ in SIKLUS]
    assert perbandingan.sumbu_tahun(tahun) == list(range(2017, 2026))
    assert perbandingan.tahun_tanpa_evaluasi(tahun) == [2020, 2024]
    assert perbandingan.sumbu_tahun([]) == []


def test_pergantian_skema_di_antara_2017_dan_2018():
    (ganti,) = perbandingan.pergantian_skema(SIKLUS)
    assert (ganti.tahun_lama, ganti.tahun_baru, ganti.skema_lama, ganti.skema_baru) == (2017, 2018, "KLA31", "KLA24")
    assert ganti.posisi == 2017.5
    assert perbandingan.pergantian_skema([(2018, "KLA24"), (2019, "KLA24")]) == []


def test_sumbu_waktu_menerima_pasangan_berulang():
    sumbu = perbandingan.sumbu_waktu(SIKLUS * 35)
    assert sumbu.tahun == list(range(2017, 2026))
    assert sumbu.tanpa_evaluasi == [2020, 2024]
    assert len(sumbu.ganti_skema) == 1


def test_isi_celah_tidak_menginterpolasi():
    seri = pd.concat(
        [
            _seri("33.26", {2017: 600.0, 2018: 610.0, 2019: 620.0, 2021: 640.0, 2022: 650.0, 2023: 660.0, 2025: 680.0}),
            _seri("33.75", {2019: 700.0, 2021: 720.0, 2023: 760.0, 2025: 780.0}),
        ]
    )
    sumbu = list(range(2017, 2026))
    tabel = perbandingan.isi_celah(seri, sumbu, ["33.75", "33.26"])
    assert len(tabel) == 2 * 9
    # Pinned region first, years ascending.
    assert tabel["kode_wilayah"].tolist()[:9] == ["33.75"] * 9
    assert tabel["tahun"].tolist()[:9] == sumbu
    for kode in ("33.75", "33.26"):
        milik = tabel[tabel["kode_wilayah"] == kode].set_index("tahun")
        # Years without an evaluation are rows with None, not an average of their neighbours.
        assert milik.loc[2020, "nilai"] is None
        assert milik.loc[2024, "nilai"] is None
        assert not milik.loc[2020, "ada_nilai"]
        assert not milik.loc[2024, "ada_nilai"]
    kota = tabel[tabel["kode_wilayah"] == "33.75"].set_index("tahun")
    assert kota.loc[2017, "nilai"] is None  # no value at this stage/cycle: also a gap
    assert kota.loc[2021, "nilai"] == 720.0
    assert kota.loc[2025, "nilai"] == 780.0
    assert kota["ada_nilai"].sum() == 4


def test_isi_celah_kolom_lain():
    seri = pd.DataFrame({"tahun": [2018, 2021], "kode_wilayah": "33.75", "peringkat": [3.0, 5.0], "label": ["3", "5="]})
    tabel = perbandingan.isi_celah(seri, [2018, 2019, 2020, 2021], ["33.75"], "peringkat")
    assert tabel["peringkat"].tolist() == [3.0, None, None, 5.0]
    assert tabel["label"].tolist() == ["3", None, None, "5="]


# --- pinned ordering and the URL list ----------------------------------------------------------------


def test_urutkan_disematkan():
    assert perbandingan.urutkan_disematkan(["33.26", "33.75", "33.26"]) == ["33.26", "33.75"]
    assert perbandingan.urutkan_disematkan(["33.26", "33.25", "33.75"], "33.75") == ["33.75", "33.26", "33.25"]
    assert perbandingan.urutkan_disematkan([], None) == []


def test_urai_daftar_wilayah():
    tersedia = ["33.25", "33.26", "33.75"]
    assert perbandingan.urai_daftar_wilayah("33.75,33.26", tersedia) == (["33.75", "33.26"], [])
    assert perbandingan.urai_daftar_wilayah(" 33.26 , 31.71,33.26,,33.75", tersedia) == (["33.26", "33.75"], ["31.71"])
    assert perbandingan.urai_daftar_wilayah(None, tersedia) == ([], [])


# --- peers -------------------------------------------------------------------------------------------


def test_predikat_terakhir():
    predikat = pd.DataFrame(
        {
            "tahun": [2019, 2023, 2025, 2025],
            "kode_wilayah": ["33.75", "33.75", "33.75", "33.26"],
            "predikat": ["Madya", "Nindya", None, "Madya"],
        }
    )
    assert perbandingan.predikat_terakhir(predikat, "33.75") == (2023, "Nindya")
    assert perbandingan.predikat_terakhir(predikat, "33.01") is None


def test_kelompok_preset_kota_pekalongan(db_bawaan: Path, wilayah: pd.DataFrame, skor: pd.DataFrame):
    tetangga = store.kueri(db_bawaan, "tetangga")
    predikat = store.kueri(db_bawaan, "predikat_resmi", {"tahun": None})
    kelompok = perbandingan.kelompok_preset("33.75", wilayah, tetangga, predikat, set(skor["kode_wilayah"]))
    assert kelompok["tetangga"] == ["33.75", "33.25", "33.26"]
    assert kelompok["provinsi"] == ["33.75"]
    assert kelompok["pilihan"] == []
    # Same official predikat as Kota Pekalongan's latest cycle (Nindya in 2025).
    assert perbandingan.predikat_terakhir(predikat, "33.75") == (2025, "Nindya")
    nindya = predikat[(predikat["tahun"] == 2025) & (predikat["predikat"] == "Nindya")]["kode_wilayah"]
    berdata = set(skor["kode_wilayah"])
    assert kelompok["predikat"][0] == "33.75"
    # Only regions with scores can be compared: Nindya 2025 outside Jawa Tengah (national releases) is left out.
    assert sorted(kelompok["predikat"]) == sorted(k for k in nindya if k in berdata)
    assert any(k not in berdata for k in nindya)
    assert len(kelompok["predikat"]) > 3


def test_kelompok_preset_hanya_wilayah_berdata(db_bawaan: Path, wilayah: pd.DataFrame):
    tetangga = store.kueri(db_bawaan, "tetangga")
    predikat = store.kueri(db_bawaan, "predikat_resmi", {"tahun": None})
    kelompok = perbandingan.kelompok_preset("33.75", wilayah, tetangga, predikat, ["33.75", "33.26"])
    assert kelompok["tetangga"] == ["33.75", "33.26"]


# --- series ------------------------------------------------------------------------------------------


def test_seri_skor_total(skor: pd.DataFrame):
    seri = perbandingan.seri_skor(skor, ["33.75", "33.26"], "total")
    assert list(seri.columns) == perbandingan.KOLOM_SERI
    kota = seri[seri["kode_wilayah"] == "33.75"]
    assert kota["tahun"].tolist() == [t for t, _ in SIKLUS]
    asli = skor[skor["kode_wilayah"] == "33.75"].sort_values("tahun")["total"].tolist()
    assert kota["nilai"].tolist() == asli
    assert kota["skema"].tolist() == [s for _, s in SIKLUS]
    assert set(seri["komparabilitas"]) == {"sama"}
    assert seri["sintetis"].all()


def test_seri_indikator_lintas_skema(db_bawaan: Path, kat: Katalog):
    data = store.kueri(db_bawaan, "skor_wilayah", {"kode_wilayah": "33.75"})
    seri = perbandingan.seri_indikator_wilayah(data, "KLA24-04", "final", kat).set_index("tahun")
    assert seri.index.tolist() == [t for t, _ in SIKLUS]
    # 2017 is KLA31: bridged from KLA31-08 through the crosswalk, comparability "baik".
    assert seri.loc[2017, "komparabilitas"] == "baik"
    assert seri.loc[2017, "indikator_sumber"] == "KLA31-08"
    final = data[data["tahap"] == "final"].set_index(["tahun", "indikator"])["nilai"]
    maks31 = kat.indikator()["KLA31-08"].nilai_maks
    assert seri.loc[2017, "nilai"] == pytest.approx(100 * final[(2017, "KLA31-08")] / maks31, abs=0.01)
    assert (seri.loc[2018:, "komparabilitas"] == "sama").all()
    maks24 = kat.indikator()["KLA24-04"].nilai_maks
    assert seri.loc[2025, "nilai"] == pytest.approx(100 * final[(2025, "KLA24-04")] / maks24, abs=0.01)
    assert seri["sintetis"].all()
    tidak = perbandingan.tidak_sebanding(seri.reset_index())
    assert tidak.to_dict("records") == [
        {"tahun": 2017, "skema": "KLA31", "indikator_sumber": "KLA31-08", "komparabilitas": "baik"}
    ]


def test_seri_indikator_tahap_lain_dan_kosong(db_bawaan: Path, kat: Katalog):
    data = store.kueri(db_bawaan, "skor_wilayah", {"kode_wilayah": "33.75"})
    provinsi = perbandingan.seri_indikator_wilayah(data, "KLA24-11", "provinsi", kat)
    assert provinsi["tahun"].tolist() == [2023, 2025]
    kosong = perbandingan.seri_indikator_wilayah(data.iloc[0:0], "KLA24-11", "final", kat)
    assert list(kosong.columns) == perbandingan.KOLOM_SERI
    assert kosong.empty


def test_seri_rata_provinsi(skor: pd.DataFrame, wilayah: pd.DataFrame):
    semua = perbandingan.seri_skor(skor, sorted(set(skor["kode_wilayah"])), "total")
    rata = perbandingan.seri_rata_provinsi(semua, wilayah, "33").set_index("tahun")
    assert set(rata["kode_wilayah"]) == {"33"}
    for tahun in (2017, 2021, 2025):
        harapan = skor.loc[skor["tahun"] == tahun, "total"].mean()
        assert rata.loc[tahun, "nilai"] == pytest.approx(harapan, abs=0.01)
    assert rata.loc[2017, "skema"] == "KLA31"
    assert rata["sintetis"].all()
    assert perbandingan.seri_rata_provinsi(semua, wilayah, "31").empty


def test_seri_peringkat_dengan_seri():
    skor = pd.DataFrame(
        {
            "tahun": [2021, 2021, 2023],
            "kode_wilayah": ["33.75", "33.26", "33.75"],
            "peringkat_provinsi": pd.array([2, 2, 1], dtype="Int64"),
            "seri_provinsi": [True, True, False],
            "jumlah_provinsi": [35, 35, 35],
        }
    )
    hasil = perbandingan.seri_peringkat(skor, ["33.75"])
    assert hasil["tahun"].tolist() == [2021, 2023]
    assert hasil["peringkat"].tolist() == [2.0, 1.0]
    assert hasil["label"].tolist() == ["2=", "1"]
    assert hasil["jumlah"].tolist() == [35, 35]
