"""Hostile and careless import files (issue #18): a million-row XLSX is refused before any parser
builds it, in bounded time and memory; formula cells, mixed encodings, overlong cells and control
characters are refused with their file, row, column and value; and nothing from a file reaches
the administrator's terminal as an escape sequence."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.cli import impor as cli_impor
from indicators.format import format_angka
from indicators.gugus import xlsx as checklist_xlsx
from indicators.impor import baca, terapkan
from indicators.impor.baca import PANJANG_SEL_MAKS
from indicators.impor.batas import XlsxDitolak, masalah_ukuran_xlsx, periksa_xlsx_sebelum_baca
from indicators.impor.templat import buat_templat
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import PROYEK
from indicators.teks import t
from tests.conftest import sha_berkas

BAIK = Path(__file__).parents[1] / "data" / "impor" / "baik"
JUDUL = "tahun,kode_wilayah,indikator,tahap,nilai,sumber\n"
SEJUTA = 1_000_000

# --- a minimal XLSX written by hand: the sheet XML is streamed into the zip ---------------------

_UTAMA = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_BAGIAN_TETAP = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_UTAMA}" xmlns:r="{_REL}">'
        '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def _teks(ref: str, nilai: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{nilai}</t></is></c>'


def _judul(awalan: str = "") -> str:
    nama = ("tahun", "kode_wilayah", "indikator", "tahap", "nilai")
    sel = "".join(_teks(f"{k}1", v) for k, v in zip("ABCDE", nama, strict=True))
    return f'<{awalan}row r="1">{sel}</{awalan}row>'


def _sheet(baris: Iterable[str], dimensi: str | None = None, awalan: str = "", kop: str = "") -> Iterator[bytes]:
    """The worksheet XML in pieces: rows are joined 10 000 at a time (a million stay fast)."""
    xmlns = f'xmlns:{awalan[:-1]}="{_UTAMA}"' if awalan else f'xmlns="{_UTAMA}"'
    yield f'<?xml version="1.0" encoding="UTF-8"?>{kop}<{awalan}worksheet {xmlns}>'.encode()
    if dimensi:
        yield f'<{awalan}dimension ref="{dimensi}"/>'.encode()
    yield f"<{awalan}sheetData>".encode()
    blok: list[str] = []
    for b in baris:
        blok.append(b)
        if len(blok) == 10_000:
            yield "".join(blok).encode()
            blok = []
    yield "".join(blok).encode()
    yield f"</{awalan}sheetData></{awalan}worksheet>".encode()


def _xlsx(sheet: Iterable[bytes], tujuan: Path | None = None) -> bytes:
    """Write a one-sheet workbook ('Data') to ``tujuan`` (or memory); return its bytes."""
    keluaran: Path | io.BytesIO = tujuan if tujuan is not None else io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as arsip:
        for nama, isi in _BAGIAN_TETAP.items():
            arsip.writestr(nama, isi)
        with arsip.open("xl/worksheets/sheet1.xml", "w") as f:
            for potong in sheet:
                f.write(potong)
    return keluaran.read_bytes() if isinstance(keluaran, Path) else keluaran.getvalue()


def _baris_angka(dari: int, sampai: int, awalan: str = "") -> Iterator[str]:
    """Rows of two number cells, about 60 bytes each: a million make ~60 MB of XML in a ~10 MB file."""
    a = awalan
    for i in range(dari, sampai + 1):
        sel = f'<{a}c r="A{i}"><{a}v>2025</{a}v></{a}c><{a}c r="E{i}"><{a}v>{i % 97}</{a}v></{a}c>'
        yield f'<{a}row r="{i}">{sel}</{a}row>'


@pytest.fixture(scope="module")
def sejuta(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two XLSX of a million rows: one declaring its size, one whose dimension says A1:B2."""
    folder = tmp_path_factory.mktemp("sejuta")
    hasil = {}
    for nama, dimensi in (("jujur", f"A1:E{SEJUTA}"), ("bohong", "A1:B2")):
        path = folder / f"sejuta_{nama}.xlsx"
        _xlsx(_sheet(_rows_sejuta(), dimensi), path)
        hasil[nama] = path
    return hasil


def _rows_sejuta() -> Iterator[str]:
    yield _judul()
    yield from _baris_angka(2, SEJUTA)


@pytest.fixture(scope="module")
def wilayah(db_modul: Path) -> pd.DataFrame:
    return terapkan.muat_wilayah(db_modul)


def _masalah(data: bytes, nama: str, wilayah: pd.DataFrame) -> list[str]:
    hasil = terapkan.periksa_berkas(data, nama, katalog_bawaan(), wilayah)
    assert not hasil.sah
    assert hasil.data.empty
    return [m.teks() for m in hasil.masalah]


# --- 7: a million rows, refused before parsing ------------------------------------------------


def test_sejuta_baris_ukuran_dinyatakan_ditolak_cepat(sejuta: dict[str, Path]):
    path = sejuta["jujur"]
    assert path.stat().st_size < 20 * 1024 * 1024  # under the size cap: the rows are what must stop it
    tracemalloc.start()
    mulai = time.perf_counter()
    with pytest.raises(XlsxDitolak) as info:
        periksa_xlsx_sebelum_baca(path, 100_000)
    lama = time.perf_counter() - mulai
    puncak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [m.kode for m in info.value.masalah] == ["xlsx_dimensi"]
    assert info.value.teks() == (
        "sejuta_jujur.xlsx, sheet 'Data': sheet menyatakan rentang A1:E1000000 (1.000.000 baris, 5.000.000 sel), "
        "melebihi batas; berkas tidak dibuka; harapan: paling banyak 100.000 baris data per berkas (semua sheet "
        "bersama: 105.000 baris, 2.100.000 sel); bagi data menjadi beberapa berkas"
    )
    assert "the sheet declares the range A1:E1000000 (1,000,000 rows" in info.value.teks("en")
    assert lama < 3
    assert puncak < 20 * 1024 * 1024


def test_sejuta_baris_dimensi_bohong_ditolak_hitungan(sejuta: dict[str, Path]):
    path = sejuta["bohong"]
    mulai = time.perf_counter()
    with pytest.raises(XlsxDitolak) as info:
        periksa_xlsx_sebelum_baca(path, 100_000, nama_berkas="laporan.xlsx")
    assert time.perf_counter() - mulai < 5
    assert info.value.teks() == (
        "laporan.xlsx, sheet 'Data': berkas berisi atau menjangkau lebih dari 105.000 baris (dihitung sebelum "
        "dibuka); berkas tidak dibuka; harapan: paling banyak 100.000 baris data per berkas (semua sheet bersama: "
        "105.000 baris, 2.100.000 sel); bagi data menjadi beberapa berkas"
    )
    # Memory stays bounded: the XML is counted 1 MB at a time and the count stops at the limit.
    tracemalloc.start()
    masalah_ukuran_xlsx(path, path.name, 100_000)
    puncak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert puncak < 40 * 1024 * 1024
    # With a budget above a million the whole file is counted, still without building it.
    assert masalah_ukuran_xlsx(path, path.name, SEJUTA) == []


def test_sejuta_baris_ditolak_pembaca_impor_sebelum_openpyxl(
    sejuta: dict[str, Path], wilayah: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
):
    def dilarang(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook reached the XLSX reader; it should have been refused before")

    monkeypatch.setattr("indicators.impor.xlsx_nilai.buka", dilarang)
    for nama, kode in (("jujur", "xlsx_dimensi"), ("bohong", "xlsx_baris_lebih")):
        tabel, masalah = baca.baca_tabel(sejuta[nama].read_bytes(), "sejuta.xlsx")
        assert tabel is None
        assert [m.kode for m in masalah] == [kode]
    teks = _masalah(sejuta["bohong"].read_bytes(), "sejuta.xlsx", wilayah)
    assert teks[0].startswith("sejuta.xlsx, sheet 'Data': berkas berisi atau menjangkau lebih dari 105.000 baris")


def test_sejuta_baris_ditolak_checklist(sejuta: dict[str, Path], monkeypatch: pytest.MonkeyPatch):
    def dilarang(*args: object, **kwargs: object) -> None:
        raise AssertionError("the checklist reached openpyxl; it should have been refused before")

    monkeypatch.setattr(checklist_xlsx, "load_workbook", dilarang)
    for nama, kode in (("jujur", "xlsx_dimensi"), ("bohong", "xlsx_baris_lebih")):
        hasil = checklist_xlsx.baca_xlsx(sejuta[nama].read_bytes(), "checklist.xlsx", data_dukung_bawaan(), {})
        assert [m.kode for m in hasil.masalah] == [kode]
        assert not hasil.perubahan


_ANAK = """
import json, resource, sys, time
from indicators.cli import utama
def ukur(argv):
    mulai = time.perf_counter()
    kode = utama.main(argv)
    return kode, time.perf_counter() - mulai, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
hasil = [ukur(json.loads(a)) for a in sys.argv[1:]]
print(json.dumps(hasil))
"""


def test_cli_sejuta_baris_waktu_dan_memori_terbatas(sejuta: dict[str, Path], db_modul: Path):
    """``kla import`` in a process of its own: a small file first (modules, database, openpyxl
    loaded), then each million-row file; the peak memory may barely grow (today: 3 GB, 70 s)."""
    sebelum = sha_berkas(db_modul)
    argv = [
        json.dumps(["import", str(path), "--db", str(db_modul), "--dry-run"])
        for path in (BAIK / "skor_baik.xlsx", sejuta["jujur"], sejuta["bohong"])
    ]
    proses = subprocess.run(
        [sys.executable, "-c", _ANAK, *argv], cwd=PROYEK, capture_output=True, text=True, timeout=300, check=False
    )
    (kode_baik, _, rss_baik), (kode_jujur, lama_jujur, _), (kode_bohong, lama_bohong, rss) = json.loads(
        proses.stdout.splitlines()[-1]
    )
    assert (kode_baik, kode_jujur, kode_bohong) == (0, 2, 2), proses.stderr
    assert "sejuta_jujur.xlsx, sheet 'Data': sheet menyatakan rentang A1:E1000000" in proses.stderr
    assert "sejuta_bohong.xlsx, sheet 'Data': berkas berisi atau menjangkau lebih dari 105.000 baris" in proses.stderr
    assert "Traceback" not in proses.stderr
    assert lama_jujur < 5
    assert lama_bohong < 8
    assert (rss - rss_baik) * 1024 < 150 * 1024 * 1024  # ru_maxrss is in KiB on Linux
    assert sha_berkas(db_modul) == sebelum


def test_sel_jauh_di_bawah_ditolak_tanpa_membangun_baris(wilayah: pd.DataFrame):
    # Two cells: the header and one at A1000000. openpyxl would make every row in between.
    data = _xlsx(_sheet([_judul(), '<row r="1000000"><c r="A1000000"><v>1</v></c></row>']))
    assert len(data) < 2000
    teks = _masalah(data, "jarang.xlsx", wilayah)
    assert teks == [
        "jarang.xlsx, sheet 'Data': berkas berisi atau menjangkau lebih dari 105.000 baris (dihitung sebelum "
        "dibuka); berkas tidak dibuka; harapan: paling banyak 100.000 baris data per berkas (semua sheet bersama: "
        "105.000 baris, 2.100.000 sel); bagi data menjadi beberapa berkas"
    ]


@pytest.mark.parametrize("awalan", ["", "x:"])
def test_hitungan_tepat_di_batas_dengan_atau_tanpa_awalan(awalan: str):
    # maks_baris 10 → 5 010 rows for all sheets; a prefixed sheet (<x:row>) counts the same.
    pas = _xlsx(_sheet([_judul(awalan), *_baris_angka(2, 5_010, awalan)], awalan=awalan))
    lebih = _xlsx(_sheet([_judul(awalan), *_baris_angka(2, 5_011, awalan)], awalan=awalan))
    assert masalah_ukuran_xlsx(pas, "pas.xlsx", 10) == []
    assert [m.kode for m in masalah_ukuran_xlsx(lebih, "lebih.xlsx", 10)] == ["xlsx_baris_lebih"]


def test_semua_sheet_dihitung_bersama():
    buku = Workbook()
    for nama in ("Data", "Lain"):
        ws = buku.create_sheet(nama)
        for i in range(1, 3_001):
            ws.cell(row=i, column=1, value=i)
    del buku["Sheet"]
    keluaran = io.BytesIO()
    buku.save(keluaran)
    # 3 000 rows each: within 5 010 one by one, over it together (maks_baris 10); Lain is named.
    assert masalah_ukuran_xlsx(keluaran.getvalue(), "dua.xlsx", 1_000) == []
    masalah = masalah_ukuran_xlsx(keluaran.getvalue(), "dua.xlsx", 10)
    assert [(m.kode, m.sheet) for m in masalah] == [("xlsx_dimensi", "Lain")]
    # Without the declared dimensions the streamed counts add up the same way.
    tanpa = io.BytesIO()
    with zipfile.ZipFile(keluaran) as asal, zipfile.ZipFile(tanpa, "w") as baru:
        for info in asal.infolist():
            baru.writestr(info, re.sub(rb"<dimension [^>]*/>", b"", asal.read(info)))
    masalah = masalah_ukuran_xlsx(tanpa.getvalue(), "dua.xlsx", 10)
    assert [(m.kode, m.sheet) for m in masalah] == [("xlsx_baris_lebih", "Lain")]


def test_sheet_dengan_doctype_ditolak():
    kop = '<!DOCTYPE worksheet [<!ENTITY b "<row/><row/><row/>">]>'
    data = _xlsx(_sheet([_judul(), "&b;&b;"], kop=kop))
    masalah = masalah_ukuran_xlsx(data, "dtd.xlsx", 100_000)
    assert [(m.kode, m.isian["rincian"]) for m in masalah] == [("xlsx_rusak", "DOCTYPE")]


# --- 13: formulas, mixed encodings, long cells ------------------------------------------------


def _baris_data(nomor: int, nilai: str, sumber: str | None = None, lain: str = "") -> str:
    sel = [
        f'<c r="A{nomor}"><v>2025</v></c>',
        _teks(f"B{nomor}", "33.75"),
        _teks(f"C{nomor}", f"KLA24-{nomor:02d}"),
        _teks(f"D{nomor}", "final"),
        nilai,
    ]
    if sumber is not None:
        sel.append(_teks(f"F{nomor}", sumber))
    return f'<row r="{nomor}">{"".join(sel)}{lain}</row>'


def _judul_sumber() -> str:
    return _judul().replace("</row>", _teks("F1", "sumber") + _teks("G1", "nama_wilayah") + "</row>")


def test_rumus_ditolak_dengan_sheet_baris_kolom_dan_rumusnya(wilayah: pd.DataFrame):
    baris = [
        _judul_sumber(),
        _baris_data(2, '<c r="E2"><f>10+2</f><v>12</v></c>'),
        # a shared formula: written once on E3, referred to from E4
        _baris_data(3, '<c r="E3"><f t="shared" ref="E3:E4" si="0">A3/200</f><v>10.125</v></c>'),
        _baris_data(4, '<c r="E4"><f t="shared" si="0"/><v>10.125</v></c>'),
        # a formula in a column the import ignores (the template's lookup columns) is no problem
        _baris_data(5, '<c r="E5"><v>7</v></c>', lain='<c r="G5" t="str"><f>VLOOKUP(B5,Daftar!A:B,2)</f><v>x</v></c>'),
    ]
    teks = _masalah(_xlsx(_sheet(baris)), "rumus.xlsx", wilayah)
    assert teks == [
        "rumus.xlsx, sheet 'Data', baris 2, kolom 'nilai' (sel E2): nilai '=10+2' – sel berisi rumus; rumus tidak "
        "diimpor (nilai tersimpannya bisa usang); harapan: nilai biasa (salin lalu Tempel Spesial → Nilai)",
        "rumus.xlsx, sheet 'Data', baris 3, kolom 'nilai' (sel E3): nilai '=A3/200' – sel berisi rumus; rumus tidak "
        "diimpor (nilai tersimpannya bisa usang); harapan: nilai biasa (salin lalu Tempel Spesial → Nilai)",
        "rumus.xlsx, sheet 'Data', baris 4, kolom 'nilai' (sel E4): nilai '=A3/200' – sel berisi rumus; rumus tidak "
        "diimpor (nilai tersimpannya bisa usang); harapan: nilai biasa (salin lalu Tempel Spesial → Nilai)",
    ]
    # Without the formulas the same file is accepted: the check names formulas, nothing else.
    tanpa = [b.replace("<f>10+2</f>", "") for b in baris[:2]] + [baris[4]]
    hasil = terapkan.periksa_berkas(_xlsx(_sheet(tanpa)), "tanpa.xlsx", katalog_bawaan(), wilayah)
    assert hasil.sah, [m.teks() for m in hasil.masalah]
    # The template's lookup columns hold formulas (VLOOKUP) in every row; they are not imported.
    buku = load_workbook(io.BytesIO(buat_templat("skor", katalog_bawaan(), wilayah, tahun=2025, wilayah=["33.75"])))
    ws = buku["Data"]
    assert any(str(ws.cell(row=r, column=3).value).startswith("=") for r in range(2, ws.max_row + 1))
    for r in range(2, 26):
        ws.cell(row=r, column=7, value="final")
        ws.cell(row=r, column=8, value=1)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    hasil = terapkan.periksa_berkas(keluaran.getvalue(), "templat.xlsx", katalog_bawaan(), wilayah)
    assert hasil.sah, [m.teks() for m in hasil.masalah[:3]]
    assert len(hasil.data) == 24


def test_csv_campuran_utf8_dan_windows_1252_ditolak(wilayah: pd.DataFrame):
    data = (
        JUDUL.encode()
        + "2025,33.75,KLA24-01,final,12,Bu Señora\n".encode()
        + "2025,33.75,KLA24-02,final,13,Bu Señora\n".encode("cp1252")
        + "2025,33.75,KLA24-03,final,14,café\n".encode("cp1252")
    )
    assert _masalah(data, "campur.csv", wilayah) == [
        "campur.csv: berkas mencampur dua encoding: UTF-8 pada baris 2 dan Windows-1252 pada baris 3, 4; huruf "
        "seperti é akan rusak; harapan: seluruh berkas dalam satu encoding, sebaiknya UTF-8 (Excel: Simpan Sebagai "
        "→ CSV UTF-8)"
    ]
    # A file in Windows-1252 only is still read as such.
    hanya = (JUDUL + "2025,33.75,KLA24-01,final,12,Bu Señora\n").encode("cp1252")
    hasil = terapkan.periksa_berkas(hanya, "cp1252.csv", katalog_bawaan(), wilayah)
    assert hasil.sah
    assert hasil.data["sumber"].tolist() == ["Bu Señora"]


def test_sel_terlalu_panjang_disebut_dengan_batasnya(wilayah: pd.DataFrame):
    panjang = "x" * 200_000
    data = (JUDUL + f"2025,33.75,KLA24-01,final,12,{panjang}\n2025,33.75,KLA24-02,final,13,{'y' * 10_000}\n").encode()
    assert _masalah(data, "panjang.csv", wilayah) == [
        f"panjang.csv, baris 2, kolom 'sumber' (sel F2): nilai '{'x' * 40}…' – teks sel terlalu panjang (200.000 "
        "karakter); harapan: paling banyak 10.000 karakter per sel"
    ]
    # A quoted cell over many short lines is as long as its lines together.
    banyak_baris = '"' + "baris\n" * 2_000 + '"'
    data = (JUDUL + f"2025,33.75,KLA24-01,final,12,{banyak_baris}\n").encode()
    assert "teks sel terlalu panjang (12.000 karakter)" in _masalah(data, "multi.csv", wilayah)[0]
    # And in an XLSX.
    data = _xlsx(_sheet([_judul_sumber(), _baris_data(2, '<c r="E2"><v>12</v></c>', "z" * 15_000)]))
    teks = _masalah(data, "panjang.xlsx", wilayah)
    assert teks == [
        f"panjang.xlsx, sheet 'Data', baris 2, kolom 'sumber' (sel F2): nilai '{'z' * 40}…' – teks sel terlalu "
        "panjang (15.000 karakter); harapan: paling banyak 10.000 karakter per sel"
    ]


# --- 9 (input): control characters ------------------------------------------------------------


def test_karakter_kontrol_ditolak_dengan_nilai_yang_terlihat(wilayah: pd.DataFrame):
    data = (JUDUL + "2025,33.75,KLA24-01,final,12,BA\x0bverifikasi\n2025,33.75,KLA24-02,final,13,ok\ttab\n").encode()
    assert _masalah(data, "vt.csv", wilayah) == [
        "vt.csv, baris 2, kolom 'sumber' (sel F2): nilai 'BA\\x0bverifikasi' – sel berisi karakter kontrol tak "
        "terlihat (\\x0b); karakter ini merusak ekspor; harapan: teks tanpa karakter kontrol (selain tab dan baris "
        "baru); ganti pindah baris Word (\\x0b) dengan Enter atau spasi"
    ]
    # Excel writes a vertical tab as _x000B_ in the XML; openpyxl leaves the escape as text.
    data = _xlsx(_sheet([_judul_sumber(), _baris_data(2, '<c r="E2"><v>12</v></c>', "BA_x000B_verifikasi")]))
    teks = _masalah(data, "vt.xlsx", wilayah)
    assert teks[0].startswith("vt.xlsx, sheet 'Data', baris 2, kolom 'sumber' (sel F2): nilai 'BA\\x0bverifikasi'")
    # A control character in a column the import ignores stores nothing and is no problem.
    data = (JUDUL.replace("\n", ",nama_wilayah\n") + "2025,33.75,KLA24-01,final,12,BA,Kota\x0bPkl\n").encode()
    assert terapkan.periksa_berkas(data, "abaikan.csv", katalog_bawaan(), wilayah).sah


# --- 12: nothing from a file reaches the terminal raw ------------------------------------------


def test_cli_tidak_mencetak_escape_dari_berkas(
    db_modul: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
):
    berkas = tmp_path / "jahat\x1b]0;judul\x07.csv"
    berkas.write_text(JUDUL + "2025,33.75\x1b[31m,KLA24-01,final,12,x\n", encoding="utf-8")
    assert cli_impor.main(["import", str(berkas), "--db", str(db_modul), "--dry-run"]) == 2
    keluaran = capsysbinary.readouterr()
    assert b"\x1b" not in keluaran.out + keluaran.err
    assert b"\x07" not in keluaran.out + keluaran.err
    assert b"nilai '33.75\\x1b[31m'" in keluaran.err  # the bad cell, escaped, in its problem line
    assert b"jahat\\x1b]0;judul\\x07.csv" in keluaran.out  # the file name
    # A valid file with a hostile column name: the name is printed, escaped, in the notes.
    berkas = tmp_path / "kolom.csv"
    berkas.write_text(JUDUL.replace("\n", ",\x1b[2Jkolom\n") + "2025,33.75,KLA24-01,final,12,x,y\n", encoding="utf-8")
    assert cli_impor.main(["import", str(berkas), "--db", str(db_modul), "--dry-run"]) == 0
    keluaran = capsysbinary.readouterr()
    assert b"\x1b" not in keluaran.out + keluaran.err
    assert b"kolom '\\x1b[2Jkolom': kolom tidak dikenal diabaikan" in keluaran.out


def test_teks_halaman_unggah_menyebut_batas_isi_sel():
    for bahasa in ("id", "en"):
        teks = t("unggah_batas", bahasa, mb="20", baris="100")
        assert format_angka(PANJANG_SEL_MAKS, 0, bahasa) in teks
