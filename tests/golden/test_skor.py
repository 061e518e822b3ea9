"""Scoring engine: golden tables on a tiny real DuckDB, band edges, gaps, stages, comparisons,
series across schemes, what-if, statistics, and properties that must always hold."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from indicators.analisis import analitik, layanan, simulasi, skor
from indicators.io import store
from indicators.katalog.model import KELOMPOK, katalog_bawaan
from tests.mini_db import bangun_mini, skor_mini

GOLDEN = Path(__file__).parent
KATALOG = katalog_bawaan()


def _kosong(nilai: object) -> bool:
    return nilai is None or nilai is pd.NA or nilai != nilai  # NaN is not equal to itself


@pytest.fixture(scope="module")
def mini_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bangun_mini(tmp_path_factory.mktemp("mini") / "mini.duckdb", KATALOG)


def test_tabel_skor_sama_dengan_golden(mini_db: Path):
    """Golden values were worked out by hand: each region's scores are a uniform share p of every
    indicator's maximum, so a group subtotal is p × the group maximum (see tests/mini_db.py)."""
    hasil = layanan.tabel_skor(mini_db, KATALOG, tahun=2023, tahap="final")
    harapan = pd.read_csv(GOLDEN / "skor_mini_2023_final.csv", dtype={"kode_wilayah": str})
    kolom = list(harapan.columns)
    aktual = hasil[kolom].copy()
    for k in ("peringkat_provinsi", "peringkat_nasional"):
        aktual[k] = aktual[k].astype(int)
    for k in ("predikat_hitung", "predikat_resmi", "predikat_berikut"):
        aktual[k] = aktual[k].astype(object).where(aktual[k].notna(), np.nan)
        harapan[k] = harapan[k].astype(object).where(harapan[k].notna(), np.nan)
    pd.testing.assert_frame_equal(aktual.reset_index(drop=True), harapan, check_dtype=False, atol=1e-9)


def test_tabel_skor_per_provinsi_dan_pilihan_salah(mini_db: Path):
    jateng = layanan.tabel_skor(mini_db, KATALOG, tahun=2023, kode_provinsi="33")
    assert len(jateng) == 9
    assert jateng["sintetis"].eq(False).all()
    with pytest.raises(layanan.PilihanError, match=r"2017, 2021, 2023"):
        layanan.tabel_skor(mini_db, KATALOG, tahun=2019)
    with pytest.raises(layanan.PilihanError, match=r"tersedia: mandiri, final"):
        layanan.tabel_skor(mini_db, KATALOG, tahun=2023, tahap="pusat")
    with pytest.raises(layanan.PilihanError, match=r"33 \(Jawa Tengah\), 34 \(DI Yogyakarta\)"):
        layanan.tabel_skor(mini_db, KATALOG, tahun=2023, kode_provinsi="35")


@pytest.mark.parametrize(
    ("total", "predikat", "berikut", "selisih"),
    [
        (0, None, "Pratama", 500.0),
        (499.99, None, "Pratama", 0.01),
        (500, "Pratama", "Madya", 100.01),
        (600, "Pratama", "Madya", 0.01),
        (600.01, "Madya", "Nindya", 100.0),
        (700, "Madya", "Nindya", 0.01),
        (700.01, "Nindya", "Utama", 100.0),
        (800, "Nindya", "Utama", 0.01),
        (800.01, "Utama", "KLA", 100.0),
        (900, "Utama", "KLA", 0.01),
        (900.01, "KLA", None, None),
        (1000, "KLA", None, None),
    ],
)
def test_tepi_pita_predikat(total: float, predikat: str | None, berikut: str | None, selisih: float | None):
    seri = pd.Series([total], dtype=float)
    hasil: object = skor.predikat_dari_total(seri, KATALOG.pita).iloc[0]
    assert hasil == predikat if predikat else hasil is None
    gap = skor.selisih_ke_berikut(seri, KATALOG.pita).iloc[0]
    assert gap["predikat_berikut"] == berikut if berikut else pd.isna(gap["predikat_berikut"])
    assert (
        gap["selisih_ke_predikat_berikut"] == pytest.approx(selisih)
        if selisih
        else pd.isna(gap["selisih_ke_predikat_berikut"])
    )


def test_indikator_tak_dikenal_ditolak():
    data = pd.DataFrame([{"tahun": 2023, "kode_wilayah": "x", "indikator": "KLA24-99", "tahap": "final", "nilai": 1}])
    with pytest.raises(ValueError, match="KLA24-99"):
        skor.hitung_skor(data, KATALOG)


def test_ruang_indikator_menunjukkan_tempat_poin_berikutnya():
    data = skor_mini(KATALOG)
    wilayah = data[(data["kode_wilayah"] == "33.07") & (data["tahun"] == 2023) & (data["tahap"] == "final")]
    ruang = skor.ruang_indikator(wilayah, KATALOG, "KLA24", selisih=84.01)
    # KLA24-24 has no score, so all its 40 points are room: it ranks first.
    assert ruang.iloc[0]["indikator"] == "KLA24-24"
    assert not ruang.iloc[0]["ada_skor"]
    assert ruang.iloc[0]["ruang"] == 40
    # Then 15 % of the largest maxima: KLA24-02 (80 → 12) and KLA24-01 (70 → 10,5), ...
    assert list(ruang["indikator"][1:3]) == ["KLA24-02", "KLA24-01"]
    assert ruang["ruang"].sum() == pytest.approx(1000 - 816)
    tertutup = ruang[ruang["menutup_selisih"]]
    assert tertutup["ruang"].sum() >= 84.01
    assert tertutup["ruang"].iloc[:-1].sum() < 84.01


def test_perubahan_tahap_verifikasi(mini_db: Path):
    data = store.kueri(mini_db, "skor_wilayah", {"kode_wilayah": "33.01"})
    tahap = analitik.perubahan_tahap(data[data["tahun"] == 2023], KATALOG)
    assert tahap.iloc[0]["indikator"] == "KLA24-21"
    assert tahap.iloc[0]["berubah_verifikasi"] == -30
    assert tahap.iloc[1]["indikator"] == "KLA24-02"
    assert tahap.iloc[1]["berubah_verifikasi"] == -8
    total = skor.hitung_skor(data[data["tahun"] == 2023], KATALOG).set_index("tahap")["total"]
    assert total["mandiri"] == pytest.approx(600 - 36 + 60)
    assert total["final"] == pytest.approx(500)


def test_perubahan_dari_siklus_sebelumnya_dan_ganti_skema(mini_db: Path):
    data = store.kueri(mini_db, "skor_wilayah", {"kode_wilayah": "33.01"})
    hasil = analitik.tambah_perubahan(skor.hitung_skor(data[data["tahap"] == "final"], KATALOG)).set_index("tahun")
    assert _kosong(hasil.loc[2017, "tahun_sebelumnya"])
    assert hasil.loc[2021, "tahun_sebelumnya"] == 2017
    assert hasil.loc[2021, "perubahan_total"] == pytest.approx(50)
    assert bool(hasil.loc[2021, "ganti_skema"])
    assert hasil.loc[2023, "tahun_sebelumnya"] == 2021
    assert hasil.loc[2023, "perubahan_total"] == pytest.approx(50)
    assert not bool(hasil.loc[2023, "ganti_skema"])


def test_seri_indikator_lintas_skema_membawa_komparabilitas(mini_db: Path):
    data = store.kueri(mini_db, "skor_wilayah", {"kode_wilayah": "33.01"})
    seri = analitik.seri_indikator(data[data["tahap"] == "final"], "KLA24-04", KATALOG).set_index("tahun")
    assert seri.loc[2017, "skema"] == "KLA31"
    assert seri.loc[2017, "indikator_sumber"] == "KLA31-08"
    assert seri.loc[2017, "komparabilitas"] == "baik"
    assert seri.loc[2017, "capaian_persen"] == pytest.approx(40)
    assert seri.loc[2023, "komparabilitas"] == "sama"
    assert seri.loc[2023, "capaian_persen"] == pytest.approx(50)
    lemah = analitik.seri_indikator(data[data["tahap"] == "final"], "KLA24-12", KATALOG).set_index("tahun")
    assert lemah.loc[2017, "komparabilitas"] == "lemah"


def test_rata_rata_provinsi_dan_nasional(mini_db: Path):
    tabel = layanan.tabel_skor(mini_db, KATALOG, tahun=2023)
    tabel = tabel.merge(store.kueri(mini_db, "wilayah_kabkota")[["kode_wilayah", "kode_provinsi"]], on="kode_wilayah")
    rata = analitik.rata_rata(tabel, ["total"]).set_index(["cakupan", "kode_provinsi"])
    assert rata.loc[("provinsi", "33"), "total"] == pytest.approx(
        (500 + 600 + 700 + 700 + 800 + 900 + 816 + 450 + 600.01) / 9
    )
    assert rata.loc[("provinsi", "34"), "jumlah_wilayah"] == 1
    assert rata.xs("nasional", level="cakupan")["jumlah_wilayah"].iloc[0] == 10


def test_kelompok_sebaya_mini(mini_db: Path):
    with store.buka(mini_db) as con:
        wilayah = con.execute("SELECT * FROM wilayah").df()
        tetangga = store.kueri_con(con, "tetangga")
        resmi = store.kueri_con(con, "predikat_resmi", {"tahun": 2023})
    assert analitik.kelompok_sebaya("33.01", "tetangga", wilayah, tetangga) == ["33.02"]
    assert len(analitik.kelompok_sebaya("33.01", "provinsi", wilayah)) == 8
    assert analitik.kelompok_sebaya("33.02", "predikat", wilayah, predikat=resmi) == ["33.03", "33.09"]
    assert analitik.kelompok_sebaya("33.04", "predikat", wilayah, predikat=resmi) == []


def test_kelompok_sebaya_kota_pekalongan(db_bawaan: Path):
    with store.buka(db_bawaan) as con:
        wilayah = con.execute("SELECT * FROM wilayah").df()
        tetangga = store.kueri_con(con, "tetangga")
        resmi = store.kueri_con(con, "predikat_resmi", {"tahun": 2025})
    nama = wilayah.set_index("kode_wilayah")["nama"]
    sebaya = analitik.kelompok_sebaya("33.75", "tetangga", wilayah, tetangga)
    assert [nama[k] for k in sebaya] == ["Kabupaten Batang", "Kabupaten Pekalongan"]
    provinsi = analitik.kelompok_sebaya("33.75", "provinsi", wilayah)
    assert len(provinsi) == 34
    assert "33.75" not in provinsi
    nindya = analitik.kelompok_sebaya("33.75", "predikat", wilayah, predikat=resmi)
    # 13 Nindya in Jawa Tengah 2025 (Kota Pekalongan among them), plus those national releases name.
    assert len([k for k in nindya if k.startswith("33.")]) == 12
    assert len(nindya) == 12 + int(
        ((resmi["predikat"] == "Nindya") & ~resmi["kode_wilayah"].str.startswith("33.")).sum()
    )


def test_statistik_menghormati_arah(db_bawaan: Path):
    stunting = store.kueri(db_bawaan, "statistik_indikator", {"statistik": "prevalensi_stunting_ssgi"})
    hasil = analitik.ringkas_statistik(stunting, "prevalensi_stunting_ssgi", KATALOG).set_index("kode_wilayah")
    pekalongan = hasil.loc["33.75"]
    assert pekalongan["tahun"] == 2024
    assert pekalongan["nilai"] == pytest.approx(17.68)
    assert pekalongan["nilai_sebelumnya"] == pytest.approx(23.1)
    assert pekalongan["tren"] == "membaik"  # stunting fell, and lower is better
    tahun_2022 = hasil[hasil["tahun"] == 2022]
    terbaik = tahun_2022.sort_values("nilai").index[0]
    assert hasil.loc[terbaik, "peringkat_provinsi"] == 1
    assert pekalongan["nilai_provinsi_resmi"] != pekalongan["nilai_provinsi_resmi"]  # no 2024 Jateng figure stored
    assert tahun_2022["nilai_provinsi_resmi"].iloc[0] == pytest.approx(20.8)


# --- what-if ---------------------------------------------------------------------------------------


def _wilayah_mini(kode: str) -> pd.DataFrame:
    data = skor_mini(KATALOG)
    return data[(data["kode_wilayah"] == kode) & (data["tahun"] == 2023) & (data["tahap"] == "final")]


def test_simulasi_skor_baru_menaikkan_predikat():
    hasil = simulasi.simulasikan(_wilayah_mini("33.02"), KATALOG, skor_baru={"KLA24-21": 60})
    assert hasil.sebelum["total"] == pytest.approx(600)
    assert hasil.sesudah["total"] == pytest.approx(624)
    assert hasil.sebelum["predikat_hitung"] == "Pratama"
    assert hasil.sesudah["predikat_hitung"] == "Madya"
    assert hasil.sesudah["selisih_ke_predikat_berikut"] == pytest.approx(76.01)
    assert hasil.perubahan_total == pytest.approx(24)


def test_simulasi_statistik_lewat_rubrik_asumsi():
    hasil = simulasi.simulasikan(_wilayah_mini("33.03"), KATALOG, statistik_baru={"prevalensi_stunting_ssgi": 12.0})
    assert hasil.sesudah["total"] == pytest.approx(700 - 28 + 40)
    assert hasil.sesudah["predikat_hitung"] == "Nindya"
    assert any("KLA24-13" in a and "asumsi" in a for a in hasil.asumsi)
    buruk = simulasi.simulasikan(_wilayah_mini("33.03"), KATALOG, statistik_baru={"prevalensi_stunting_ssgi": 31.0})
    assert buruk.sesudah["total"] == pytest.approx(700 - 28 + 8)


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        ({"skor_baru": {"KLA24-21": 61}}, r"KLA24-21: nilai 61 di luar 0..60"),
        ({"skor_baru": {"KLA31-01": 1}}, r"KLA31-01.*skema KLA24"),
        ({"statistik_baru": {"jumlah_penduduk": 5}}, r"tidak ada rubrik"),
        ({"statistik_baru": {"xyz": 5}}, r"'xyz' tidak dikenal"),
    ],
)
def test_simulasi_menolak_masukan_salah(argumen: dict[str, dict[str, float]], pesan: str):
    with pytest.raises(simulasi.SimulasiError, match=pesan):
        simulasi.simulasikan(_wilayah_mini("33.02"), KATALOG, **argumen)


# --- properties ------------------------------------------------------------------------------------

_INDIKATOR = KATALOG.skema["KLA24"].indikator


@st.composite
def _skor_acak(draw: st.DrawFn) -> pd.DataFrame:
    baris = []
    for ind in _INDIKATOR:
        if draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans()):
            continue  # about one indicator in eight has no score
        sen = draw(st.integers(min_value=0, max_value=int(ind.nilai_maks * 100)))
        baris.append(
            {"tahun": 2023, "kode_wilayah": "33.01", "indikator": ind.id, "tahap": "final", "nilai": sen / 100}
        )
    if not baris:
        baris.append({"tahun": 2023, "kode_wilayah": "33.01", "indikator": "KLA24-01", "tahap": "final", "nilai": 0.0})
    return pd.DataFrame(baris)


@settings(max_examples=150, deadline=None)
@given(_skor_acak())
def test_sifat_total_dan_kelompok(data: pd.DataFrame):
    hasil = skor.hitung_skor(data, KATALOG).iloc[0]
    assert hasil["total"] == pytest.approx(sum(hasil[k] for k in KELOMPOK))
    assert hasil["total"] == pytest.approx(data["nilai"].sum())
    maks = KATALOG.skema["KLA24"].nilai_maks_kelompok()
    for kelompok in KELOMPOK:
        assert hasil[kelompok] <= maks[kelompok] + 1e-9
    assert hasil["lengkap"] == (len(data) == 24)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=100_000), min_size=2, max_size=40))
def test_sifat_predikat_monoton(sen: list[int]):
    total = pd.Series(sorted(sen), dtype=float) / 100
    urutan: dict[str | None, int] = {None: 0, **{p: i + 1 for i, p in enumerate(KATALOG.pita.urutan())}}
    tingkat = [urutan[p if isinstance(p, str) else None] for p in skor.predikat_dari_total(total, KATALOG.pita)]
    assert tingkat == sorted(tingkat)
    gap = skor.selisih_ke_berikut(total, KATALOG.pita)["selisih_ke_predikat_berikut"]
    assert (gap.dropna() > 0).all()


@settings(max_examples=60, deadline=None)
@given(_skor_acak())
def test_sifat_simulasi_tanpa_perubahan_tidak_mengubah_apa_pun(data: pd.DataFrame):
    sama = dict(zip(data["indikator"], data["nilai"], strict=True))
    hasil = simulasi.simulasikan(data, KATALOG, skor_baru=sama)
    pd.testing.assert_series_equal(hasil.sebelum, hasil.sesudah)
    assert hasil.perubahan_total == 0


def test_predikat_dan_selisih_mengikuti_indeks_masukan():
    # Callers pass filtered slices: the results must line up by index, not by position.
    pita = katalog_bawaan().pita
    total = pd.Series([950.0, 600.0, np.nan, 600.01, 420.5], index=[10, 3, 7, 0, 99])
    predikat = skor.predikat_dari_total(total, pita)
    assert predikat.index.tolist() == [10, 3, 7, 0, 99]
    assert predikat.tolist() == ["KLA", "Pratama", None, "Madya", None]
    berikut = skor.selisih_ke_berikut(total, pita)
    assert berikut.index.tolist() == [10, 3, 7, 0, 99]
    assert berikut["predikat_berikut"].tolist() == [None, "Madya", None, "Nindya", "Pratama"]
    assert pd.isna(berikut["selisih_ke_predikat_berikut"].loc[10])  # top band: nothing further
    assert berikut.loc[3, "selisih_ke_predikat_berikut"] == pytest.approx(0.01)
    assert berikut.loc[0, "selisih_ke_predikat_berikut"] == pytest.approx(100.0)
    assert berikut.loc[99, "selisih_ke_predikat_berikut"] == pytest.approx(79.5)
