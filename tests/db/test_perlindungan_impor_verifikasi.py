"""Verification marks of child-protection figures: who may mark, undo, the write path and its log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indicators.akun.pengguna import Pengguna
from indicators.impor import terapkan, verifikasi
from indicators.impor.verifikasi import VerifikasiError
from indicators.katalog.model import katalog_bawaan
from tests.conftest import sha_berkas

ANA = Pengguna("ana", "editor", ("33.75",))
JATENG = Pengguna("jateng", "editor", ("33",))
JATIM = Pengguna("jatim", "editor", ("35",))
ADMIN = Pengguna("boss", "admin", ())
WAKTU = dt.datetime(2025, 3, 1, 10, 0)


@pytest.fixture
def db_isi(db: Path) -> Path:
    """The test's database with child-protection figures for 33.75 in 2024."""
    data = b"tahun,bulan,kode_wilayah,tabel,kategori,jumlah\n2024,1,33.75,bentuk_kekerasan,fisik,3\n"
    hasil = terapkan.periksa_berkas(data, "isi.csv", katalog_bawaan(), terapkan.muat_wilayah(db), "perlindungan")
    terapkan.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")
    return db


@pytest.mark.parametrize(
    ("pengguna", "boleh"), [(JATENG, True), (ADMIN, True), (ANA, False), (JATIM, False), (None, False)]
)
def test_hanya_editor_provinsi_atau_admin(pengguna: Pengguna | None, boleh: bool):
    assert verifikasi.boleh_verifikasi(pengguna, "33.75") is boleh


def test_editor_provinsi_menandai_dan_mencabut(db_isi: Path):
    assert verifikasi.baca_verifikasi(db_isi, "33").empty
    assert verifikasi.tandai_verifikasi(db_isi, JATENG, "33.75", 2024, waktu=WAKTU)
    tanda = verifikasi.baca_verifikasi(db_isi, "33")
    assert tanda[["kode_wilayah", "tahun", "diverifikasi_oleh"]].values.tolist() == [["33.75", 2024, "jateng"]]
    assert tanda["diverifikasi_pada"].iloc[0].to_pydatetime() == WAKTU
    assert verifikasi.baca_verifikasi(db_isi, "35").empty
    # Marking again keeps one mark, with the latest verifier.
    assert verifikasi.tandai_verifikasi(db_isi, ADMIN, "33.75", 2024)
    assert verifikasi.baca_verifikasi(db_isi)["diverifikasi_oleh"].tolist() == ["boss"]
    assert verifikasi.tandai_verifikasi(db_isi, JATENG, "33.75", 2024, terverifikasi=False)
    assert verifikasi.baca_verifikasi(db_isi, "33").empty
    # Taking back a mark that is not there changes nothing and writes nothing.
    sebelum = sha_berkas(db_isi)
    assert not verifikasi.tandai_verifikasi(db_isi, JATENG, "33.75", 2024, terverifikasi=False)
    assert sha_berkas(db_isi) == sebelum
    catatan = db_isi.with_name("kla.duckdb.log").read_text(encoding="utf-8")
    assert "perlindungan anak 33.75 2024: ditandai terverifikasi (marked verified) oleh jateng" in catatan
    assert "perlindungan anak 33.75 2024: tanda verifikasi dicabut (mark taken back) oleh jateng" in catatan


def test_editor_kabkota_tidak_boleh_menandai(db_isi: Path):
    sebelum = sha_berkas(db_isi)
    with pytest.raises(VerifikasiError) as galat:
        verifikasi.tandai_verifikasi(db_isi, ANA, "33.75", 2024)
    assert "hanya editor provinsi 33 atau admin" in galat.value.teks("id")
    assert "only an editor of province 33" in galat.value.teks("en")
    with pytest.raises(VerifikasiError):
        verifikasi.tandai_verifikasi(db_isi, JATIM, "33.75", 2024)
    assert sha_berkas(db_isi) == sebelum


def test_tanpa_angka_tidak_ada_yang_diverifikasi(db_isi: Path):
    sebelum = sha_berkas(db_isi)
    with pytest.raises(VerifikasiError, match="tidak punya angka perlindungan anak tahun 2005"):
        verifikasi.tandai_verifikasi(db_isi, JATENG, "33.75", 2005)
    assert sha_berkas(db_isi) == sebelum
