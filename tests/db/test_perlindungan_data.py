"""Perlindungan Anak on the real database built by ``kla db build`` (issue 14): the schema, the real
figures and the synthetic sample that adds up to them, and every read function, disclosure-controlled
for the public and for an editor's scope."""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from indicators.akun.pengguna import Pengguna
from indicators.bangun import perlindungan as bangun
from indicators.io import store
from indicators.katalog.perlindungan import katalog_perlindungan, pelanggaran_bagian
from indicators.perlindungan import data, sensor
from indicators.perlindungan.sensor import TOTAL

KATALOG = katalog_perlindungan()
BENTUK = list(KATALOG.tabel["bentuk_kekerasan"].kategori)
HARI_INI = dt.date(2025, 8, 1)  # the "current year" of these tests: 2025
BPS_2020 = {
    "seksual": 789,
    "psikis": 296,
    "fisik": 205,
    "penelantaran": 58,
    "lainnya": 56,
    "eksploitasi": 15,
    "tppo": 8,
}
KOLOM_REKAP = [
    "kode_wilayah", "nama", *BENTUK, "total", "per_10rb_anak", "bulan_dilaporkan", "sintetis", "terverifikasi",
]  # fmt: skip


def _baris(db: Path) -> pd.DataFrame:
    with store.buka(db) as con:
        return con.execute("SELECT * FROM perlindungan_anak").df()


@pytest.fixture(scope="module")
def semua(db_bawaan: Path) -> pd.DataFrame:
    return _baris(db_bawaan)


def _di(df: pd.DataFrame, b: object, k: object) -> Any:
    """One cell (pandas-stubs type ``.at`` as a union of every scalar)."""
    return df.at[b, k]


def _bulan_lapor(semua: pd.DataFrame) -> dict[tuple[str, int], set[int]]:
    """The months with rows per (kab/kota, year)."""
    hasil: dict[tuple[str, int], set[int]] = {}
    for kode, tahun, bulan in semua.loc[semua["kode_wilayah"] != "33", ["kode_wilayah", "tahun", "bulan"]].itertuples(
        index=False
    ):
        hasil.setdefault((str(kode), int(tahun)), set()).add(int(bulan))
    return hasil


def _angka(teks: object) -> int | None:
    teks = str(teks)
    bersih = teks.replace(".", "").replace(",", "")
    return int(bersih) if bersih.isdigit() else None


def _tahunan_asli(semua: pd.DataFrame, tahun: int, tabel: str = "bentuk_kekerasan") -> pd.DataFrame:
    """The true yearly counts per kab/kota and category, computed here straight from the rows."""
    pilih = semua[(semua["tahun"] == tahun) & (semua["tabel"] == tabel) & (semua["kode_wilayah"] != "33")]
    return pilih.groupby(["kode_wilayah", "kategori"])["jumlah"].sum().unstack(fill_value=0)


# --- the schema and the build ------------------------------------------------------------------------


def test_build_baru_membuat_tabel_perlindungan_dan_mencatat_migrasi_004(db_bawaan: Path):
    with store.buka(db_bawaan) as con:
        tabel = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        versi = {r[0] for r in con.execute("SELECT versi FROM migrasi_skema").fetchall()}
        kolom = con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'perlindungan_anak' ORDER BY column_index"
        ).fetchall()
    assert {"perlindungan_anak", "penduduk_anak", "verifikasi_perlindungan"} <= tabel
    assert 4 in versi
    assert [k[0] for k in kolom] == [
        "tahun",
        "bulan",
        "kode_wilayah",
        "tabel",
        "kategori",
        "jumlah",
        "sintetis",
        "sumber_id",
    ]


def test_setiap_baris_punya_sumber_wilayah_dan_kategori_katalog(db_bawaan: Path, semua: pd.DataFrame):
    with store.buka(db_bawaan) as con:
        sumber = con.execute("SELECT sumber_id, sintetis FROM sumber").df().set_index("sumber_id")["sintetis"]
        wilayah = {r[0] for r in con.execute("SELECT kode_wilayah FROM wilayah").fetchall()}
    assert set(semua["sumber_id"]) <= set(sumber.index)
    assert set(semua["kode_wilayah"]) <= wilayah
    for (tabel, kategori), _ in semua.groupby(["tabel", "kategori"]):
        assert kategori in KATALOG.tabel[str(tabel)].kategori
    # synthetic rows cite the synthetic source, real rows a real one
    assert semua["sintetis"].map(lambda s: s).equals(semua["sumber_id"].map(sumber).astype(bool))
    assert set(semua.loc[semua["sintetis"], "sumber_id"]) == {bangun.SUMBER_SINTETIS}


def test_angka_nyata_dimuat_dengan_sumbernya_dan_yang_ambigu_tidak(semua: pd.DataFrame):
    nyata = semua[~semua["sintetis"]]
    bps = nyata[(nyata["tahun"] == 2020) & (nyata["tabel"] == "bentuk_kekerasan")].set_index("kategori")["jumlah"]
    assert bps.to_dict() == BPS_2020
    assert sum(BPS_2020.values()) == 1427
    korban = nyata[nyata["tabel"] == "korban"].set_index(["tahun", "kode_wilayah"])["jumlah"].to_dict()
    assert korban == {
        (2016, "33"): 1450, (2017, "33"): 1390, (2019, "33"): 706,
        (2020, "33"): 1197, (2020, "33.74"): 102, (2020, "33.71"): 3,
    }  # fmt: skip
    assert (nyata["bulan"] == 0).all()
    # women-and-children totals, partial periods, ambiguous regions and the student site stay out
    assert len(nyata) == 13


def test_sampel_sintetis_menjumlah_tepat_ke_angka_nyata(semua: pd.DataFrame):
    sampel = semua[semua["sintetis"]]
    assert set(sampel["kode_wilayah"].str.len()) == {5}  # kab/kota only
    assert sampel["kode_wilayah"].nunique() == 35
    assert sorted(sampel["tahun"].unique()) == list(range(2019, 2026))
    bentuk = sampel[sampel["tabel"] == "bentuk_kekerasan"].groupby(["tahun", "kategori"])["jumlah"].sum()
    assert bentuk.loc[2020].to_dict() == BPS_2020
    assert int(bentuk.loc[2021].sum()) == 1229
    assert int(bentuk.loc[2022].sum()) == 1224
    korban = semua[(semua["tabel"] == "korban") & (semua["kode_wilayah"] != "33")].groupby("tahun")["jumlah"].sum()
    assert int(korban.loc[2019]) == 706
    assert int(korban.loc[2020]) == 1197
    # 2020: Kota Semarang highest (102) and Kota Magelang lowest (3) per BPS; the others in between
    per_wilayah = semua[(semua["tabel"] == "korban") & (semua["tahun"] == 2020) & (semua["kode_wilayah"] != "33")]
    jumlah = per_wilayah.groupby("kode_wilayah")["jumlah"].sum()
    assert jumlah["33.74"] == 102
    assert jumlah["33.71"] == 3
    assert jumlah.between(3, 102).all()
    # a real whole-year figure is not doubled by synthetic months
    assert per_wilayah.loc[per_wilayah["kode_wilayah"] == "33.74", "sintetis"].eq(False).all()


def test_sampel_bagian_tidak_melebihi_total_dan_umur_sama_dengan_korban(semua: pd.DataFrame):
    assert pelanggaran_bagian(semua) == []
    tahunan = semua[semua["kode_wilayah"] != "33"].groupby(["tahun", "kode_wilayah", "tabel"])["jumlah"].sum().unstack()
    assert (tahunan["umur"] == tahunan["korban"]).all()
    assert (tahunan["jenis_kelamin"] == tahunan["korban"]).all()
    assert (tahunan["tempat"] == tahunan["bentuk_kekerasan"]).all()
    assert (tahunan["hubungan_pelaku"] == tahunan["bentuk_kekerasan"]).all()


def test_sampel_punya_bulan_tidak_dilaporkan_dan_angka_kecil(semua: pd.DataFrame):
    lapor = _bulan_lapor(semua)
    assert not {1, 2, 3} & lapor[("33.16", 2019)]  # Kabupaten Blora, January–March 2019
    assert not {7, 8, 9} & lapor[("33.07", 2021)]
    assert not {10, 11, 12} & lapor[("33.73", 2023)]
    assert max(max(b) for (k, th), b in lapor.items() if th == 2025) == 6  # 2025: January to June
    kosong = sum(12 - len(b) for (k, th), b in lapor.items() if th < 2025)
    assert kosong >= 40  # some region-months were not reported, on purpose
    tahunan = _tahunan_asli(semua, 2023)
    assert ((tahunan >= 1) & (tahunan <= 5)).sum().sum() >= 50  # small counts: suppression is at work


def test_sampel_deterministik(db_bawaan: Path, semua: pd.DataFrame, tmp_path: Path):
    from indicators.bangun import database

    kedua = tmp_path / "kla.duckdb"
    database.bangun_database(kedua, static_dir=None)
    urut = ["tahun", "bulan", "kode_wilayah", "tabel", "kategori"]
    a = semua.sort_values(urut).reset_index(drop=True)
    b = _baris(kedua).sort_values(urut).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)


# --- the recap ------------------------------------------------------------------------------------------


def test_rekap_provinsi_kolom_kontrak_dan_publik_tanpa_angka_kecil(db_bawaan: Path, semua: pd.DataFrame):
    rekap = data.rekap_provinsi(db_bawaan, "33", 2023, hari_ini=HARI_INI)
    assert list(rekap.columns) == KOLOM_REKAP
    assert len(rekap) == 36
    assert list(rekap["kode_wilayah"].iloc[[0, -2, -1]]) == ["33.01", "33.76", "33"]
    assert rekap["per_10rb_anak"].eq("").all()  # no denominator shipped: rates stay off
    asli = _tahunan_asli(semua, 2023)
    for _, baris in rekap.iloc[:-1].iterrows():
        for k in BENTUK:
            teks = baris[k]
            angka = _angka(teks)
            if angka is None:
                assert teks in ("1–5", "x", "–")
                continue
            assert angka == _di(asli, baris["kode_wilayah"], k)
            assert angka == 0 or angka > 5
    assert (rekap[BENTUK] == "1–5").sum().sum() > 0
    assert (rekap[BENTUK] == "x").sum().sum() > 0
    salatiga = rekap.set_index("kode_wilayah").loc["33.73"]
    assert salatiga["bulan_dilaporkan"] < 10  # October–December 2023 not reported
    assert rekap["sintetis"].iloc[:-1].all()


def test_rekap_provinsi_2020_baris_provinsi_nyata_bps(db_bawaan: Path):
    rekap = data.rekap_provinsi(db_bawaan, "33", 2020, hari_ini=HARI_INI).set_index("kode_wilayah")
    prov = rekap.loc["33"]
    assert {k: _angka(prov[k]) for k in BENTUK} == BPS_2020
    assert prov["total"] == "1.427"
    assert not prov["sintetis"]  # the sum of the synthetic sample is the real BPS figure


def test_rekap_provinsi_ascii_dan_kurang_dari(db_bawaan: Path):
    mesin = data.rekap_provinsi(db_bawaan, "33", 2023, hari_ini=HARI_INI, ascii_=True)
    nilai = set(mesin[BENTUK].to_numpy().ravel())
    assert "1-5" in nilai
    assert "1–5" not in nilai
    assert str(_di(mesin.set_index("kode_wilayah"), "33", "total")).isdigit()
    kurang = data.rekap_provinsi(db_bawaan, "33", 2023, hari_ini=HARI_INI, ascii_=True, bentuk_primer="kurang_dari")
    assert "<6" in set(kurang[BENTUK].to_numpy().ravel())


def test_lingkup_editor_33_75_melihat_persis_hanya_33_75(db_bawaan: Path, semua: pd.DataFrame):
    """Scope: an editor of 33.75 sees the exact values of 33.75 only."""
    asli = _tahunan_asli(semua, 2023)
    editor = data.rekap_provinsi(db_bawaan, "33", 2023, terbuka={"33.75"}, hari_ini=HARI_INI).set_index("kode_wilayah")
    publik = data.rekap_provinsi(db_bawaan, "33", 2023, hari_ini=HARI_INI).set_index("kode_wilayah")
    assert [_angka(_di(editor, "33.75", k)) for k in BENTUK] == [int(_di(asli, "33.75", k)) for k in BENTUK]
    assert _angka(_di(editor, "33.75", "total")) == sum(int(_di(asli, "33.75", k)) for k in BENTUK)
    assert any(1 <= int(_di(asli, "33.75", k)) <= 5 for k in BENTUK)  # there is something to see
    assert publik.loc["33.75", BENTUK].isin(["1–5", "x"]).any()
    for kode in editor.index.difference(["33.75", "33"]):
        for k in BENTUK:
            angka = _angka(_di(editor, kode, k))
            assert angka is None or angka == 0 or angka > 5, (kode, k)
    # through the account: terbuka_untuk gives the scope, an admin sees everything
    ana = data.terbuka_untuk(Pengguna("ana", "editor", ("33.75",)))
    assert ana == frozenset({"33.75"})
    assert data.terbuka_untuk(None) == frozenset()
    semua_wilayah = data.rekap_provinsi(
        db_bawaan, "33", 2023, terbuka=data.terbuka_untuk(Pengguna("boss", "admin", ())), hari_ini=HARI_INI
    )
    assert not semua_wilayah[BENTUK].isin(["1–5", "x"]).any().any()


def test_tahun_berjalan_belum_terverifikasi_sampai_ditandai(db: Path):
    rekap = data.rekap_provinsi(db, "33", 2025, hari_ini=HARI_INI).set_index("kode_wilayah")
    assert not rekap["terverifikasi"].any()
    assert data.rekap_provinsi(db, "33", 2024, hari_ini=HARI_INI)["terverifikasi"].all()
    with store.buka(db, read_only=False) as con:
        con.execute(
            "INSERT INTO verifikasi_perlindungan VALUES ('33.75', 2025, 'prov', TIMESTAMP '2025-07-30 10:00:00')"
        )
    rekap = data.rekap_provinsi(db, "33", 2025, hari_ini=HARI_INI).set_index("kode_wilayah")
    assert _di(rekap, "33.75", "terverifikasi")
    assert not _di(rekap, "33.01", "terverifikasi")
    peta = data.peta_provinsi(db, "33", 2025, hari_ini=HARI_INI).set_index("kode_wilayah")
    assert "belum terverifikasi" in _di(peta, "33.01", "keterangan")
    assert "belum terverifikasi" not in _di(peta, "33.75", "keterangan")


@pytest.fixture
def db_penyebut(db: Path) -> Path:
    """The private database with a denominator for every kab/kota and the province in 2023."""
    with store.buka(db, read_only=False) as con:
        con.execute("INSERT INTO sumber (sumber_id, sitasi, jenis, sintetis) VALUES ('uji', 'uji', 'impor', FALSE)")
        con.execute(
            "INSERT INTO penduduk_anak SELECT kode_wilayah, 2023, 100000, 'uji' FROM wilayah "
            "WHERE kode_provinsi = '33' AND tingkat = 'kabkota'"
        )
    return db


def test_laju_per_10rb_anak_hanya_di_atas_angka_yang_terbit(db_penyebut: Path, semua: pd.DataFrame):
    rekap = data.rekap_provinsi(db_penyebut, "33", 2023, hari_ini=HARI_INI).set_index("kode_wilayah")
    for kode, baris in rekap.iterrows():
        total = _angka(baris["total"])
        if total is None:
            assert baris["per_10rb_anak"] in ("x", "–")
        else:
            anak = 35 * 100_000 if kode == "33" else 100_000  # the province: the sum of its kab/kota
            assert baris["per_10rb_anak"] == f"{total / anak * 10_000:.1f}".replace(".", ",")
    peta = data.peta_provinsi(db_penyebut, "33", 2023, hari_ini=HARI_INI)
    assert set(peta["ukuran"]) == {"per_10rb_anak"}
    assert peta.loc[peta["status"].isin(["primer", "sekunder"]), "nilai"].isna().all()


def test_peta_tanpa_penyebut_menampilkan_jumlah_kasus(db_bawaan: Path):
    peta = data.peta_provinsi(db_bawaan, "33", 2023, hari_ini=HARI_INI)
    assert list(peta.columns) == [
        "kode_wilayah", "nama", "ukuran", "nilai", "teks", "status", "keterangan",
        "bulan_dilaporkan", "sintetis", "terverifikasi",
    ]  # fmt: skip
    assert set(peta["ukuran"]) == {"jumlah"}
    assert len(peta) == 35
    rekap = data.rekap_provinsi(db_bawaan, "33", 2023, hari_ini=HARI_INI).set_index("kode_wilayah")
    assert list(peta["teks"]) == list(rekap.loc[peta["kode_wilayah"], "total"])  # one table, one status
    assert "dari 12 bulan dilaporkan" in _di(peta.set_index("kode_wilayah"), "33.73", "keterangan")
    assert "data contoh (sintetis)" in peta["keterangan"].iloc[0]


# --- the page's figures ------------------------------------------------------------------------------------


def test_tren_wilayah_bulanan_dengan_kelengkapan(db_bawaan: Path, semua: pd.DataFrame):
    tren = data.tren_wilayah(db_bawaan, "33.16", tahun=[2019, 2020], hari_ini=HARI_INI)
    assert list(tren.columns) == ["tahun", "bulan", "nilai", "teks", "status", "sintetis", "terverifikasi"]
    assert len(tren) == 24
    jan_mar = tren[(tren["tahun"] == 2019) & tren["bulan"].isin([1, 2, 3])]
    assert jan_mar["status"].eq("kosong").all()
    assert jan_mar["teks"].eq("–").all()
    # for its own editor the months are exact and add up to the recap's total
    editor = data.tren_wilayah(db_bawaan, "33.16", tahun=[2020], terbuka={"33.16"}, hari_ini=HARI_INI)
    rekap = data.rekap_provinsi(db_bawaan, "33", 2020, terbuka={"33.16"}, hari_ini=HARI_INI).set_index("kode_wilayah")
    assert editor["nilai"].sum() == _angka(_di(rekap, "33.16", "total"))
    # 2025 (the current year) runs to this month only
    kini = data.tren_wilayah(db_bawaan, "33.16", tahun=[2025], hari_ini=HARI_INI)
    assert list(kini["bulan"]) == list(range(1, 9))
    assert not kini["terverifikasi"].any()


def test_tren_publik_bulan_tidak_membuka_yang_disembunyikan_rekap(db_bawaan: Path):
    """A year whose total the recap hides shows no month of it; under a published total the months
    are controlled so none can be worked out from that total."""
    for tahun in (2019, 2023):
        rekap = data.rekap_provinsi(db_bawaan, "33", tahun, hari_ini=HARI_INI).set_index("kode_wilayah")
        for kode in rekap.index.drop("33"):
            tren = data.tren_wilayah(db_bawaan, kode, tahun=[tahun], hari_ini=HARI_INI)
            dilapor = tren[tren["status"] != "kosong"]
            total = _angka(_di(rekap, kode, "total"))
            if total is None:
                assert dilapor["teks"].eq("x").all(), kode
                continue
            terbit = dilapor[dilapor["status"] == "terbuka"]
            assert ((terbit["nilai"] == 0) | (terbit["nilai"] > 5)).all()
            tersembunyi = dilapor[dilapor["status"] != "terbuka"]
            assert len(tersembunyi) != 1  # one hidden month would be total minus the others
            assert terbit["nilai"].sum() + len(tersembunyi) <= total


def test_tren_provinsi_per_tahun(db_bawaan: Path):
    tren = data.tren_wilayah(db_bawaan, "33", hari_ini=HARI_INI)
    assert set(tren["bulan"]) == {0}
    assert list(tren["tahun"]) == data.tahun_tersedia(db_bawaan, "33")
    assert _di(tren.set_index("tahun"), 2020, "teks") == "1.427"


def test_bentuk_per_tahun_wilayah_dan_provinsi(db_bawaan: Path):
    prov = data.bentuk_per_tahun(db_bawaan, "33", tahun=[2020, 2021], hari_ini=HARI_INI)
    assert list(prov.columns) == ["bentuk", "label", "tahun", "nilai", "teks", "status", "sintetis", "terverifikasi"]
    assert len(prov) == 14
    tahun_2020 = prov[prov["tahun"] == 2020].set_index("bentuk")
    assert tahun_2020["nilai"].astype(int).to_dict() == BPS_2020
    assert not tahun_2020["sintetis"].any()
    assert prov[prov["tahun"] == 2021]["sintetis"].all()
    wilayah = data.bentuk_per_tahun(db_bawaan, "33.75", tahun=[2023], hari_ini=HARI_INI, bahasa="en")
    rekap = data.rekap_provinsi(db_bawaan, "33", 2023, hari_ini=HARI_INI).set_index("kode_wilayah")
    assert list(wilayah["teks"]) == [_di(rekap, "33.75", k) for k in BENTUK]
    assert wilayah["label"].iloc[0] == "Physical"


def test_panel_standar_wilayah_dan_provinsi(db_bawaan: Path):
    panel = data.panel_standar(db_bawaan, "33.74", 2023, hari_ini=HARI_INI)
    assert list(panel.columns) == ["ukuran", "label", "persen", "nama", "provinsi", "nilai", "teks", "status"]
    assert list(panel["ukuran"]) == ["tepat_waktu"] * 2 + ["dilaporkan_ulang"] * 2 + ["ditutup"] * 2 + ["terbuka"] * 2
    assert list(panel["provinsi"]) == [False, True] * 4
    prov = panel[panel["provinsi"]].set_index("ukuran")
    assert (prov["status"] == "terbuka").all()
    assert 50 < _di(prov, "tepat_waktu", "nilai") < 100
    assert _di(prov, "tepat_waktu", "teks").endswith("%")
    respons = data.rekap_tabel(db_bawaan, "33", 2023, "respons", hari_ini=HARI_INI).terkendali
    for _, baris in panel[~panel["provinsi"]].iterrows():
        if baris["ukuran"] == "tepat_waktu":
            dasar = respons.status.loc["33.74", [k for k in respons.status.columns if k.startswith("aduan")]]
            assert (baris["status"] == "terbuka") == (dasar == "terbuka").all()
        if baris["status"] != "terbuka":
            assert math.isnan(baris["nilai"])
            assert baris["teks"] in ("x", "–", "1–5")


def test_tabel_berdasar_korban_tertaut(db_bawaan: Path):
    """Victims by age add up to victims: a region whose victims total the victims table hides is
    hidden whole by age; one it publishes keeps that exact total."""
    korban = data.rekap_tabel(db_bawaan, "33", 2023, "korban", hari_ini=HARI_INI).terkendali
    umur = data.rekap_tabel(db_bawaan, "33", 2023, "umur", hari_ini=HARI_INI).terkendali
    for kode in korban.status.index.drop(TOTAL):
        if _di(korban.status, kode, "korban_anak") in sensor.STATUS_TERSAMAR:
            assert umur.teks.loc[kode].isin(["x", "–", "0"]).all()
        elif _di(korban.status, kode, "korban_anak") == "terbuka":
            assert _di(umur.teks, kode, TOTAL) == _di(korban.teks, kode, "korban_anak")


def test_cakupan_bulan_per_wilayah(db_bawaan: Path):
    cakupan = data.cakupan(db_bawaan, "33", 2019).set_index("kode_wilayah")
    assert list(cakupan.columns) == ["nama", "bulan", "jumlah_bulan", "setahun"]
    assert not {1, 2, 3} & set(_di(cakupan, "33.16", "bulan"))
    assert _di(cakupan, "33.16", "jumlah_bulan") <= 9


def test_tahun_tersedia_dan_galat_pilihan(db_bawaan: Path):
    assert data.tahun_tersedia(db_bawaan, "33") == [2016, 2017, *range(2019, 2026)]
    with pytest.raises(data.PilihanPerlindunganError, match=r"tersedia: 2016, 2017, 2019") as galat:
        data.rekap_provinsi(db_bawaan, "33", 2018)
    assert "available" in galat.value.teks("en")
    with pytest.raises(data.PilihanPerlindunganError, match="Provinsi 35"):
        data.rekap_provinsi(db_bawaan, "35", 2023)
    with pytest.raises(data.PilihanPerlindunganError, match="tidak ada di katalog"):
        data.rekap_tabel(db_bawaan, "33", 2023, "nama_anak")
    with pytest.raises(data.PilihanPerlindunganError, match=r"33\.99"):
        data.tren_wilayah(db_bawaan, "33.99")


def test_ambang_dari_lingkungan(db_bawaan: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(sensor.ENV_AMBANG, "10")
    rekap = data.rekap_provinsi(db_bawaan, "33", 2023, hari_ini=HARI_INI)
    nilai: Any = rekap[BENTUK].to_numpy().ravel()
    assert "1–10" in set(nilai)
    for teks in nilai:
        angka = _angka(str(teks))
        assert angka is None or angka == 0 or angka > 10
    assert re.fullmatch(r"[\d.]+", rekap["total"].iloc[-1])
