"""Reading import files: strict numbers, region names and codes, encodings and separators."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indicators.impor import terapkan
from indicators.impor.baca import (
    AngkaError,
    IndeksWilayah,
    Sel,
    baca_tabel,
    normalkan_nama,
    urai_angka,
    urai_angka_teks,
)
from indicators.katalog.model import katalog_bawaan


@pytest.mark.parametrize(
    ("teks", "angka", "persen"),
    [
        ("12", 12.0, False),
        ("12,5", 12.5, False),
        ("12.5", 12.5, False),
        ("0,125", 0.125, False),
        ("0.125", 0.125, False),
        ("1234,567", 1234.567, False),
        ("1.234,5", 1234.5, False),
        ("1,234.5", 1234.5, False),
        ("1.234.567", 1234567.0, False),
        ("1,234,567", 1234567.0, False),
        ("12.345.678,25", 12345678.25, False),
        ("85%", 85.0, True),
        ("85 %", 85.0, True),
        ("17,5%", 17.5, True),
        ("-3", -3.0, False),
        ("−3,5", -3.5, False),
        (" 7 ", 7.0, False),
        ("1,2340", 1.234, False),
    ],
)
def test_angka_diterima(teks: str, angka: float, persen: bool):
    assert urai_angka_teks(teks) == (angka, persen)


@pytest.mark.parametrize(
    ("teks", "kode"), [("1.234", "angka_ambigu"), ("1,234", "angka_ambigu"), ("12.345", "angka_ambigu")]
)
def test_angka_ambigu(teks: str, kode: str):
    with pytest.raises(AngkaError) as info:
        urai_angka_teks(teks)
    assert info.value.kode == kode
    assert info.value.isian["ribuan"] == teks.replace(".", "").replace(",", "")


@pytest.mark.parametrize(
    "teks", ["dua", "12,5,1", "1.23,5", "12..5", "1 234", "12,5.3", "", "%", "1e5", "nan", "inf", "12.34.5"]
)
def test_bukan_angka(teks: str):
    with pytest.raises(AngkaError) as info:
        urai_angka_teks(teks)
    assert info.value.kode == "bukan_angka"


def test_sel_angka_dari_excel():
    assert urai_angka(Sel(12.5)) == (12.5, False)
    assert urai_angka(Sel(85.0, persen=True)) == (85.0, True)
    with pytest.raises(AngkaError):
        urai_angka(Sel(True))
    with pytest.raises(AngkaError):
        urai_angka(Sel(float("nan")))


@pytest.mark.parametrize(
    ("nama", "normal"),
    [
        ("Kab. Pekalongan", "kabupaten pekalongan"),
        ("KABUPATEN  PEKALONGAN", "kabupaten pekalongan"),
        ("kab pekalongan", "kabupaten pekalongan"),
        ("Kota Pekalongan", "kota pekalongan"),
        ("Kotamadya Pekalongan", "kota pekalongan"),
        ("Pekalongan", "pekalongan"),
        ("Prov. Jawa Tengah", "provinsi jawa tengah"),
    ],
)
def test_normalkan_nama(nama: str, normal: str):
    assert normalkan_nama(nama) == normal


@pytest.fixture(scope="module")
def indeks(db_bawaan: Path) -> IndeksWilayah:
    return IndeksWilayah(terapkan.muat_wilayah(db_bawaan))


@pytest.mark.parametrize(
    ("teks", "kode"),
    [
        ("Kab. Pekalongan", "33.26"),
        ("KABUPATEN PEKALONGAN", "33.26"),
        ("Kota Pekalongan", "33.75"),
        ("kota  pekalongan", "33.75"),
        ("33.75", "33.75"),
        ("33.1", "33.10"),  # Excel drops the trailing zero of 33.10
        ("33,75", "33.75"),
        ("3375", "33.75"),  # BPS code
        ("Batang", "33.25"),  # a short name that matches one kab/kota
    ],
)
def test_wilayah_dikenali(indeks: IndeksWilayah, teks: str, kode: str):
    assert indeks.cari(teks, ("kabkota",)).kode == kode


def test_nama_ambigu_menyebut_calon(indeks: IndeksWilayah):
    hasil = indeks.cari("Pekalongan", ("kabkota",))
    assert hasil.kode is None
    assert hasil.masalah == "nama_ambigu"
    assert hasil.isian["calon"] == "33.26 Kabupaten Pekalongan, 33.75 Kota Pekalongan"


def test_provinsi_dan_indonesia_hanya_untuk_statistik(indeks: IndeksWilayah):
    semua = ("kabkota", "provinsi", "nasional", "kecamatan")
    assert indeks.cari("Provinsi Jawa Tengah", semua).kode == "33"
    assert indeks.cari("Indonesia", semua).kode == "00"
    assert indeks.cari("33", ("kabkota",)).masalah == "bukan_kabkota"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("pemisah", [",", ";", "\t"])
def test_encoding_dan_pemisah(encoding: str, pemisah: str, db_bawaan: Path):
    teks = pemisah.join(["tahun", "kode_wilayah", "indikator", "tahap", "nilai", "catatan"]) + "\n"
    teks += pemisah.join(["2025", "Kota Pekalongan", "KLA24-01", "final", '"12,5"', "Señora Müller"]) + "\n"
    hasil = terapkan.periksa_berkas(teks.encode(encoding), "x.csv", katalog_bawaan(), terapkan.muat_wilayah(db_bawaan))
    assert hasil.sah, [m.teks() for m in hasil.masalah]
    assert hasil.data["nilai"].tolist() == [12.5]
    assert hasil.data["catatan"].tolist() == ["Señora Müller"]
    assert hasil.data["kode_wilayah"].tolist() == ["33.75"]


def test_judul_di_bawah_baris_judul_dokumen():
    teks = (
        "Data skor KLA Kota Pekalongan 2025\n\ntahun,kode_wilayah,indikator,tahap,nilai\n2025,33.75,KLA24-01,final,12\n"
    )
    tabel, masalah = baca_tabel(teks.encode(), "x.csv")
    assert not masalah
    assert tabel is not None
    assert tabel.kolom == ["tahun", "kode_wilayah", "indikator", "tahap", "nilai"]
    assert tabel.baris[0][0] == 4  # spreadsheet row of the first data row


def test_kolom_tak_dikenal_jadi_peringatan(db_bawaan: Path):
    teks = "tahun,kode_wilayah,indikator,tahap,nilai,dinas\n2025,33.75,KLA24-01,final,12,Dinkes\n"
    hasil = terapkan.periksa_berkas(teks.encode(), "x.csv", katalog_bawaan(), terapkan.muat_wilayah(db_bawaan))
    assert hasil.sah
    assert [m.kode for m in hasil.peringatan] == ["kolom_diabaikan"]
    assert "dinas" in hasil.peringatan[0].teks()


def test_galat_tak_terduga_jadi_pesan(monkeypatch: pytest.MonkeyPatch):
    from indicators.impor import periksa

    def meledak(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(periksa, "baca_tabel", meledak)
    hasil = terapkan.periksa_berkas(b"x", "x.csv", katalog_bawaan(), pd.DataFrame())
    assert not hasil.sah
    assert "berkas tidak dapat diproses" in hasil.masalah[0].teks()
