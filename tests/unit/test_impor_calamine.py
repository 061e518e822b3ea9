"""The calamine XLSX reader sees every cell as the openpyxl reader did (#17, section 4).

Each generated workbook is read twice: by the import's reader (:mod:`indicators.impor.xlsx_nilai`)
and by a reference that is the old openpyxl reading (``data_only``, Excel's ``_xHHHH_`` control
escapes read back, percent-formatted numbers × 100). Values and their types must match cell by
cell; then the whole import reader (:func:`indicators.impor.baca.baca_tabel`) is checked on the
same files for rows, problems and messages.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable

import pytest
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

from indicators.impor import xlsx_nilai
from indicators.impor.baca import SUSUNAN_BAWAAN, baca_semua_sheet, baca_tabel

_KONTROL = re.compile(r"_x(00[01][0-9A-Fa-f]|007[Ff]|00[89][0-9A-Fa-f])_")
JUDUL = ["tahun", "kode_wilayah", "indikator", "tahap", "nilai", "sumber"]


def _rujukan(data: bytes, sheet: str) -> list[list[tuple[object, bool]]]:
    """The old reading: openpyxl's cell values, controls read back, percentages × 100."""
    ws = load_workbook(io.BytesIO(data), data_only=True)[sheet]
    hasil = []
    for baris in ws.iter_rows():
        isi = []
        for cell in baris:
            v = cell.value
            if type(v) is str and "_x" in v:
                v = _KONTROL.sub(lambda m: chr(int(m.group(1), 16)), v)
            persen = isinstance(v, int | float) and not isinstance(v, bool) and "%" in str(cell.number_format or "")
            isi.append((round(float(v) * 100, 10) if persen else v, persen))
        hasil.append(isi)
    return hasil


def _calamine(data: bytes, sheet: str) -> list[list[tuple[object, bool]]]:
    nilai, persen = xlsx_nilai.isi_sheet(xlsx_nilai.buka(data), sheet)
    return [
        [(v, f"{get_column_letter(j + 1)}{i}" in persen) for j, v in enumerate(isi)]
        for i, isi in enumerate(nilai, start=1)
    ]


def _ringkas(grid: list[list[tuple[object, bool]]]) -> list[list[tuple[str, object, bool]]]:
    """Type, value and percent flag of each cell; trailing empty cells and rows dropped."""
    hasil = []
    for isi in grid:
        baris = [(type(v).__name__, v, p) for v, p in isi]
        while baris and baris[-1][1] in (None, ""):
            baris.pop()
        hasil.append(baris)
    while hasil and not hasil[-1]:
        hasil.pop()
    return hasil


def _simpan(wb: Workbook) -> bytes:
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _buku_sulit() -> bytes:
    """Dates, times and durations, numbers as text, leading zeros, booleans, errors, percentages,
    control escapes, no-break spaces, blank rows, a merged block, a stray far cell, a title row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Data skor KLA (judul di atas tabel)"])
    ws.append([*JUDUL, "tanggal"])
    ws.append([2025, "33.75", "KLA24-01", "final", 12, "BA", dt.datetime(2025, 1, 2, 10, 30)])
    ws.append([2025.0, 33.75, "KLA24-02", "final", 12.5, "007", dt.date(2025, 1, 3)])
    ws.append([])  # a blank row inside the data
    ws.append(["2025", "33.1", "KLA24-03", "FINAL", "12,5", "a_x000B_b", dt.time(10, 30)])
    ws.append([2025, 3375, "KLA24-04", " final ", 0.85, "\u00a0 ", dt.timedelta(hours=30)])
    ws["E7"].number_format = "0%"
    ws.append([2025, "33.75", "KLA24-05", "final", 0.125, True, 1e20])
    ws["E8"].number_format = "0.0%"
    ws.append([2025, "33.75", "KLA24-06", "final", "#N/A", False, 12345678901234567])
    ws["E9"].data_type = "e"
    ws.append([2025, "33.75", "KLA24-07", "final", -0.0, "", 2**53 + 2])
    ws.merge_cells("F10:G11")
    ws["F10"] = "gabungan"
    ws.append([2025, "33.75", "KLA24-08", "final", "=E3*2", "rumus"])
    ws["AB14"] = "sel jauh"
    ws["C16"].number_format = "0%"  # styled, no value
    tersembunyi = wb.create_sheet("Tersembunyi")
    tersembunyi.sheet_state = "hidden"
    tersembunyi.append(JUDUL)
    wb.create_sheet("Petunjuk").append(["Isi sheet Data", dt.datetime(2024, 12, 31)])
    return _simpan(wb)


def _buku_dua_sheet() -> bytes:
    """Two visible data sheets without a 'Data' sheet, one with a header further down."""
    wb = Workbook()
    a = wb.active
    a.title = "Skor 2024"
    a.append(JUDUL)
    a.append([2024, "33.01", "KLA24-01", "final", 1.5, "x"])
    b = wb.create_sheet("Skor 2025")
    for _ in range(3):
        b.append([])
    b.append(JUDUL)
    b.append([2025, "33.02", "KLA24-01", "final", 2, None])
    return _simpan(wb)


BUKU: dict[str, Callable[[], bytes]] = {"sulit": _buku_sulit, "dua_sheet": _buku_dua_sheet}


@pytest.mark.parametrize("nama", list(BUKU))
def test_nilai_sel_sama_dengan_openpyxl(nama: str):
    data = BUKU[nama]()
    wb = load_workbook(io.BytesIO(data))
    buku = xlsx_nilai.buka(data)
    assert buku.sheetnames == wb.sheetnames
    assert buku.terlihat == {ws.title for ws in wb.worksheets if ws.sheet_state == "visible"}
    for sheet in wb.sheetnames:
        assert _ringkas(_calamine(data, sheet)) == _ringkas(_rujukan(data, sheet)), sheet


def test_buku_sulit_dibaca_dengan_tipe_yang_sama():
    rujukan = _ringkas(_rujukan(_buku_sulit(), "Data"))
    # The cases the equivalence rests on are really in the file (not all None).
    tipe = {t for baris in rujukan for t, _, _ in baris}
    assert {"int", "float", "str", "bool", "datetime", "time", "timedelta"} <= tipe
    assert ("float", 85.0, True) in rujukan[6]
    assert ("str", "#N/A", False) in rujukan[8]
    assert ("str", "a\x0bb", False) in rujukan[5]


def test_baca_tabel_baris_masalah_dan_pesan():
    data = _buku_sulit()
    tabel, masalah = baca_tabel(data, "sulit.xlsx")
    assert tabel is not None
    assert tabel.sheet == "Data"
    assert tabel.baris_judul == 2
    # Blank row 5 and rows 14 and 16 (a far cell, a styled empty cell: nothing in the table) are left out.
    assert [n for n, _ in tabel.baris] == [3, 4, 6, 7, 8, 9, 10, 11]
    rujukan = _rujukan(data, "Data")
    for nomor, sel in tabel.baris:
        lebar = len(tabel.kolom)
        harapan = (rujukan[nomor - 1] + [(None, False)] * lebar)[:lebar]
        assert [(s.nilai, s.persen) for s in sel] == harapan, nomor
        assert [s.alamat for s in sel] == [f"{get_column_letter(j + 1)}{nomor}" for j in range(lebar)]
    # The formula in E11 and the control character in F6 are refused, each named.
    assert [(m.kode, m.sel, m.nilai) for m in masalah] == [
        ("xlsx_rumus", "E11", "=E3*2"),
        ("sel_kontrol", "F6", "a\x0bb"),
    ]
    assert masalah[0].teks().startswith("sulit.xlsx, sheet 'Data', baris 11, kolom 'nilai' (sel E11): nilai '=E3*2'")


def test_beberapa_sheet_dan_sheet_tanpa_data():
    tabel, masalah = baca_semua_sheet(_buku_dua_sheet(), "dua.xlsx", SUSUNAN_BAWAAN)
    assert masalah == []
    assert [(t.sheet, t.baris_judul, [n for n, _ in t.baris]) for t in tabel] == [
        ("Skor 2024", 1, [2]),
        ("Skor 2025", 4, [5]),
    ]
    tunggal, masalah = baca_tabel(_buku_dua_sheet(), "dua.xlsx")
    assert tunggal is None
    assert [m.kode for m in masalah] == ["sheet_tak_ditemukan"]


def _ganti_sheet(data: bytes, ganti: Callable[[str], str]) -> bytes:
    """The workbook with its first sheet's XML rewritten (a cell added where openpyxl cannot put one)."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as asal, zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as tujuan:
        for info in asal.infolist():
            isi = asal.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                isi = ganti(isi.decode()).encode()
            tujuan.writestr(info, isi)
    return keluaran.getvalue()


def test_sel_jauh_ditolak_sebelum_dibaca(monkeypatch: pytest.MonkeyPatch):
    """One cell in column XFD far below would make calamine lay out billions of cells: refused unread."""
    wb = Workbook()
    wb.active.title = "Data"
    wb.active.append(JUDUL)
    sel = '<row r="60000"><c r="XFD60000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    data = _ganti_sheet(_simpan(wb), lambda xml: xml.replace("</sheetData>", sel))

    def dilarang(*args: object) -> None:
        raise AssertionError("the workbook reached calamine")

    monkeypatch.setattr(xlsx_nilai, "buka", dilarang)
    tabel, masalah = baca_tabel(data, "jauh.xlsx")
    assert tabel is None
    assert [m.kode for m in masalah] == ["lt.xlsx_jangkau"]
    assert masalah[0].teks() == (
        "jauh.xlsx, sheet 'Data': sheet menjangkau sampai kolom XFD dan baris 60.000 (983.040.000 sel bila "
        "dibaca), melebihi batas (dihitung sebelum dibuka); berkas tidak dibuka; harapan: paling banyak 100.000 "
        "baris data per berkas (semua sheet bersama: 105.000 baris, 2.100.000 sel); hapus sel di luar tabel data "
        "(juga sel kosong yang jauh di kanan atau di bawah)"
    )
    assert masalah[0].teks("en").startswith("jauh.xlsx, sheet 'Data': the sheet reaches column XFD and row 60,000")


def test_sel_galat_di_ujung_sheet_tetap_terbaca():
    """calamine drops error cells and ends its range before them; the zip puts them back."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(JUDUL)
    ws.append([2025, "33.75", "KLA24-01", "final", 12, "x"])
    ws["E3"] = "#DIV/0!"
    ws["E3"].data_type = "e"
    data = _simpan(wb)
    assert _ringkas(_calamine(data, "Data")) == _ringkas(_rujukan(data, "Data"))
    tabel, _ = baca_tabel(data, "galat.xlsx")
    assert tabel is not None
    assert [(n, s[4].nilai) for n, s in tabel.baris] == [(2, 12), (3, "#DIV/0!")]
