"""Upload limits: size and row caps, macros, external links and zip bombs are refused before any
parser opens the file, with a clear message, and the database stays byte-for-byte the same."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from indicators.cli import utama
from indicators.impor import baca, terapkan
from indicators.impor.baca import BatasUnggah, batas_bawaan, periksa_zip
from indicators.katalog.model import katalog_bawaan
from tests.conftest import sha_berkas

DATA = Path(__file__).parents[1] / "data" / "impor"
JUDUL = "tahun,kode_wilayah,indikator,tahap,nilai\n"


@pytest.fixture(scope="module")
def wilayah(db_modul: Path) -> pd.DataFrame:
    return terapkan.muat_wilayah(db_modul)


@pytest.fixture
def tanpa_pengurai(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CSV and XLSX parsers fail the test if called: a file must be refused before them."""

    def dilarang(data: bytes, berkas: str) -> None:
        raise AssertionError(f"{berkas} reached a parser; it should have been refused before")

    monkeypatch.setattr(baca, "_baca_csv", dilarang)
    monkeypatch.setattr(baca, "_baca_xlsx", dilarang)


def _periksa(data: bytes, nama: str, wilayah: pd.DataFrame, batas: BatasUnggah | None = None) -> list[str]:
    hasil = terapkan.periksa_berkas(data, nama, katalog_bawaan(), wilayah, batas=batas)
    assert not hasil.sah
    return [m.teks() for m in hasil.masalah]


def test_batas_bawaan_dan_dari_lingkungan(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("KLA_UNGGAH_MAKS_MB", raising=False)
    monkeypatch.delenv("KLA_UNGGAH_MAKS_BARIS", raising=False)
    assert batas_bawaan() == BatasUnggah(ukuran_maks=20 * 1024 * 1024, baris_maks=100_000)
    monkeypatch.setenv("KLA_UNGGAH_MAKS_MB", "0.5")
    monkeypatch.setenv("KLA_UNGGAH_MAKS_BARIS", "10")
    assert batas_bawaan().ukuran_maks == 512 * 1024
    assert batas_bawaan().baris_maks == 10
    monkeypatch.setenv("KLA_UNGGAH_MAKS_MB", "banyak")
    assert batas_bawaan().ukuran_maks == 20 * 1024 * 1024


def test_berkas_di_atas_20_mb_ditolak_sebelum_dibaca(wilayah: pd.DataFrame, tanpa_pengurai: None):
    data = (JUDUL + "2025,33.75,KLA24-01,final,12\n" * 730_000).encode()
    assert len(data) > 20 * 1024 * 1024
    teks = _periksa(data, "besar.csv", wilayah)  # refused by its size, not parsed (tanpa_pengurai)
    assert teks == [
        "besar.csv: berkas terlalu besar (20,2 MB); harapan: berkas paling besar 20 MB; "
        "bagi data menjadi beberapa berkas"
    ]


def test_batas_ukuran_yang_diatur(wilayah: pd.DataFrame):
    data = (DATA / "baik" / "skor_baik.xlsx").read_bytes()  # 43 KB
    teks = _periksa(data, "skor_baik.xlsx", wilayah, BatasUnggah(ukuran_maks=10 * 1024))
    assert teks == [
        "skor_baik.xlsx: berkas terlalu besar (43 KB); harapan: berkas paling besar 10 KB; "
        "bagi data menjadi beberapa berkas"
    ]


def test_batas_baris_csv_dan_xlsx(wilayah: pd.DataFrame):
    baris = "".join(f"2025,33.75,KLA24-{i:02d},final,1\n" for i in range(1, 13))
    teks = _periksa((JUDUL + baris).encode(), "banyak.csv", wilayah, BatasUnggah(baris_maks=10))
    assert teks == [
        "banyak.csv: berkas berisi 12 baris, melebihi batas; harapan: paling banyak 10 baris data per berkas; "
        "bagi data menjadi beberapa berkas"
    ]
    # The good XLSX has 6 data rows.
    xlsx = (DATA / "baik" / "skor_baik.xlsx").read_bytes()
    teks = _periksa(xlsx, "skor_baik.xlsx", wilayah, BatasUnggah(baris_maks=5))
    assert teks == [
        "skor_baik.xlsx, sheet 'Data': berkas berisi 6 baris, melebihi batas; harapan: paling banyak 5 baris "
        "data per berkas; bagi data menjadi beberapa berkas"
    ]
    hasil = terapkan.periksa_berkas(xlsx, "skor_baik.xlsx", katalog_bawaan(), wilayah, batas=BatasUnggah(baris_maks=6))
    assert hasil.sah
    # A CSV far over the cap is refused by counting lines, before the CSV reader runs.
    teks = _periksa((JUDUL + baris * 100).encode(), "banyak.csv", wilayah, BatasUnggah(baris_maks=10))
    assert "berkas berisi 1201 baris" in teks[0]


def _zip(isi: dict[str, bytes]) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as arsip:
        for nama, data in isi.items():
            arsip.writestr(nama, data)
    return keluaran.getvalue()


def test_bom_zip_total_besar_ditolak_tanpa_dibuka(wilayah: pd.DataFrame, tanpa_pengurai: None):
    data = _zip({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": bytes(120 * 1024 * 1024)})
    assert len(data) < 200 * 1024
    teks = _periksa(data, "bom.xlsx", wilayah)  # refused from the zip directory, never opened (tanpa_pengurai)
    assert len(teks) == 1
    assert teks[0].startswith("bom.xlsx: isi berkas XLSX mengembang jauh melebihi ukurannya (")
    assert "menjadi 120 MB" in teks[0]
    # Even a modest ratio is refused when the total is over the cap.
    assert periksa_zip(data, "bom.xlsx", BatasUnggah(rasio_zip_maks=1e9))[0].kode == "zip_bom"
    # And a small archive is never a bomb, whatever its ratio.
    kecil = _zip({"a.xml": bytes(500 * 1024)})
    assert [m.kode for m in periksa_zip(kecil, "kecil.xlsx", BatasUnggah())] == []


def test_berkas_baik_tidak_dianggap_bom_atau_makro():
    for path in (DATA / "baik").glob("*.xlsx"):
        assert periksa_zip(path.read_bytes(), path.name, BatasUnggah()) == []


@pytest.mark.parametrize(
    ("nama", "kode"),
    [
        ("44_makro_vba.xlsx", "xlsx_makro"),
        ("45_xlsm_berganti_nama.xlsx", "xlsx_makro"),
        ("46_tautan_luar.xlsx", "xlsx_tautan_luar"),
        ("47_koneksi_data.xlsx", "xlsx_tautan_luar"),
        ("48_makro_excel4.xlsx", "xlsx_makro"),
        ("49_bom_zip.xlsx", "zip_bom"),
    ],
)
def test_korpus_makro_tautan_bom_ditolak_dan_database_utuh(
    nama: str, kode: str, db_modul: Path, wilayah: pd.DataFrame, capsys: pytest.CaptureFixture[str]
):
    path = DATA / "rusak" / nama
    hasil = terapkan.periksa_berkas(path.read_bytes(), nama, katalog_bawaan(), wilayah)
    assert [m.kode for m in hasil.masalah] == [kode]
    assert hasil.data.empty
    assert hasil.masalah[0].teks("en") != hasil.masalah[0].teks("id")
    sebelum = sha_berkas(db_modul)
    assert utama.main(["import", str(path), "--db", str(db_modul), "--user", "uji"]) == 2
    keluaran = capsys.readouterr()
    assert "Traceback" not in keluaran.out + keluaran.err
    assert hasil.masalah[0].teks() in keluaran.err
    assert sha_berkas(db_modul) == sebelum
    assert not list(db_modul.parent.glob("*.impor-*"))


def test_batas_lewat_lingkungan_pada_cli(
    db_modul: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    berkas = tmp_path / "tiga.csv"
    berkas.write_text(JUDUL + "".join(f"2025,33.75,KLA24-{i:02d},final,1\n" for i in (1, 2, 3)), encoding="utf-8")
    sebelum = sha_berkas(db_modul)
    monkeypatch.setenv("KLA_UNGGAH_MAKS_BARIS", "2")
    assert utama.main(["import", str(berkas), "--db", str(db_modul), "--dry-run"]) == 2
    assert "tiga.csv: berkas berisi 3 baris, melebihi batas" in capsys.readouterr().err
    monkeypatch.setenv("KLA_UNGGAH_MAKS_BARIS", "3")
    assert utama.main(["import", str(berkas), "--db", str(db_modul), "--dry-run"]) == 0
    assert sha_berkas(db_modul) == sebelum
