"""An XLSX's cell values read with calamine (Rust), as openpyxl (``data_only``) showed them.

openpyxl builds a Python object per cell with its style: 100 000 rows took 14 s, against 2 s for
the same CSV. calamine reads the values in Rust, about ten times faster; what it reads
differently from openpyxl is put back here, so the import sees the same cells as before:

- an empty cell is ``None`` (calamine: ``""``);
- a whole number is an ``int`` (calamine reads every number as a float; openpyxl gave ``2025``);
- a date is a ``datetime`` (calamine gives a ``date`` when the time is midnight);
- a merged block holds a value only in its first cell (openpyxl showed no other);
- an error cell keeps its text (``#N/A``; calamine drops it), read from the sheet's XML;
- a number formatted as a percentage is marked (calamine reads no styles): the percent styles
  come from ``xl/styles.xml`` and the cells that use them from the sheet's XML, streamed, only
  when the workbook has such a style and the sheet uses it.

Formulas, macros and external links are found from the zip itself
(:mod:`indicators.impor.batas`, :func:`indicators.impor.baca.periksa_zip`); the size limits are
checked before calamine sees the file (it lays a sheet out densely, see ``batas``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

import defusedxml.ElementTree as xml_aman  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles.numbers import BUILTIN_FORMATS  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from python_calamine import CalamineWorkbook, SheetVisibleEnum

from indicators.impor.batas import daftar_sheet, nama_lokal, sel_sheet

NilaiMentah = str | float | int | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None

_BULAT_MAKS = 2**53  # beyond this a float holds no exact whole number (openpyxl kept it a float)
_POTONG = 1024 * 1024
_GALAT = re.compile(rb"\bt\s*=\s*[\"']e[\"']")


@dataclass
class BukuXlsx:
    """An open workbook: calamine for the values, the zip for what calamine does not read."""

    data: bytes
    buku: CalamineWorkbook
    sheetnames: list[str]
    terlihat: frozenset[str]
    _bagian: dict[str, str] | None = field(default=None, repr=False)
    _gaya_persen: frozenset[int] | None = field(default=None, repr=False)
    _sheet: dict[str, tuple[list[list[NilaiMentah]], frozenset[str]]] = field(default_factory=dict, repr=False)

    def bagian(self, sheet: str) -> str | None:
        """The zip member holding a sheet's XML."""
        if self._bagian is None:
            with zipfile.ZipFile(io.BytesIO(self.data)) as arsip:
                self._bagian = dict(daftar_sheet(arsip))
        return self._bagian.get(sheet)

    def gaya_persen(self) -> frozenset[int]:
        """The cell styles (indices into ``cellXfs``) whose number format holds ``%``, as openpyxl tested."""
        if self._gaya_persen is None:
            self._gaya_persen = _gaya_persen(self.data)
        return self._gaya_persen


def buka(data: bytes) -> BukuXlsx:
    """Open an XLSX from its bytes (calamine's errors and zip errors propagate to the caller)."""
    buku = CalamineWorkbook.from_filelike(io.BytesIO(data))
    terlihat = frozenset(m.name for m in buku.sheets_metadata if m.visible == SheetVisibleEnum.Visible)
    return BukuXlsx(data, buku, list(buku.sheet_names), terlihat)


def _gaya_persen(data: bytes) -> frozenset[int]:
    with zipfile.ZipFile(io.BytesIO(data)) as arsip:
        try:
            info = arsip.getinfo("xl/styles.xml")
        except KeyError:
            return frozenset()
        if info.file_size > 10 * 1024 * 1024:
            raise ValueError("xl/styles.xml > 10 MB")
        akar = xml_aman.fromstring(arsip.read(info), forbid_dtd=True)
    format_: dict[int, str] = {int(k): v for k, v in BUILTIN_FORMATS.items()}
    cell_xfs = None
    for el in akar:
        if nama_lokal(el.tag) == "numFmts":
            for nf in el:
                if nf.get("numFmtId", "").isdigit():
                    format_[int(nf.get("numFmtId", "0"))] = nf.get("formatCode", "")
        elif nama_lokal(el.tag) == "cellXfs":
            cell_xfs = el
    if cell_xfs is None:
        return frozenset()
    xf = [x for x in cell_xfs if nama_lokal(x.tag) == "xf"]
    return frozenset(i for i, x in enumerate(xf) if "%" in format_.get(int(x.get("numFmtId", "0") or 0), "General"))


def _potongan(f: IO[bytes]) -> Iterator[bytes]:
    """A part's bytes in overlapping stretches, so a short pattern split between two is still seen."""
    ekor = b""
    while potong := f.read(_POTONG):
        yield ekor + potong
        ekor = potong[-64:]


def _sel_khusus(
    data: bytes, bagian: str, gaya_persen: frozenset[int]
) -> tuple[set[tuple[int, int]], dict[tuple[int, int], str]]:
    """The percent-formatted cells and the error cells (→ ``#N/A``) of one sheet, by (row, column) from 1.

    A byte search first (streamed): a sheet without an error cell and without any of the percent
    styles is not parsed. Otherwise the XML is parsed streamed (defusedxml), cells addressed as
    openpyxl addresses them (a cell or row without ``r`` follows the one before).
    """
    pola_gaya = (
        re.compile(rb"\bs\s*=\s*[\"'](" + b"|".join(str(i).encode() for i in sorted(gaya_persen)) + rb")[\"']")
        if gaya_persen
        else None
    )
    with zipfile.ZipFile(io.BytesIO(data)) as arsip:
        with arsip.open(bagian) as f:
            perlu = any(_GALAT.search(b) or (pola_gaya and pola_gaya.search(b)) for b in _potongan(f))
        if not perlu:
            return set(), {}
        with arsip.open(bagian) as f:
            return _urai_sel_khusus(f, gaya_persen)


def _urai_sel_khusus(
    f: IO[bytes], gaya_persen: frozenset[int]
) -> tuple[set[tuple[int, int]], dict[tuple[int, int], str]]:
    persen: set[tuple[int, int]] = set()
    galat: dict[tuple[int, int], str] = {}
    for baris, kolom, el in sel_sheet(f):
        if el.get("t") == "e":
            nilai = next((anak.text for anak in el if nama_lokal(anak.tag) == "v"), None)
            if nilai:
                galat[(baris, kolom)] = nilai
        elif (el.get("s") or "0").isdigit() and int(el.get("s") or 0) in gaya_persen:
            persen.add((baris, kolom))
    return persen, galat


def _sebagai_openpyxl(v: object) -> NilaiMentah:
    """One calamine value as openpyxl gave it (see the module docstring)."""
    if type(v) is float:
        return int(v) if v.is_integer() and abs(v) < _BULAT_MAKS else v
    if type(v) is str:
        return v if v else None
    if type(v) is dt.date:
        return dt.datetime(v.year, v.month, v.day)
    return v  # type: ignore[return-value]


def _baris(isi: Sequence[Any]) -> list[NilaiMentah]:
    """:func:`_sebagai_openpyxl` on a row, its two common cases inline (a million calls cost a second)."""
    return [
        (v or None)
        if (k := type(v)) is str
        else (int(v) if v.is_integer() and -_BULAT_MAKS < v < _BULAT_MAKS else v)
        if k is float
        else _sebagai_openpyxl(v)
        for v in isi
    ]


def isi_sheet(
    buku: BukuXlsx, sheet: str, maks_baris: int | None = None, maks_kolom: int | None = None
) -> tuple[list[list[NilaiMentah]], frozenset[str]]:
    """A sheet's values row by row from A1, and the addresses (``E5``) of its percent-formatted numbers.

    At most ``maks_baris`` rows of ``maks_kolom`` cells; rows are as long as the sheet's used width
    (or ``maks_kolom``), the caller pads them. A percent-formatted number is multiplied by 100, as
    the import always did. The sheet is read once and kept on ``buku`` (calamine reads a whole
    sheet even for its first rows); callers must not change the lists.
    """
    if sheet not in buku._sheet:
        buku._sheet[sheet] = _baca_sheet(buku, sheet)
    hasil, persen = buku._sheet[sheet]
    if maks_baris is not None:
        hasil = hasil[:maks_baris]
    if maks_kolom is not None:
        hasil = [isi[:maks_kolom] if len(isi) > maks_kolom else isi for isi in hasil]
    return hasil, persen


def _baca_sheet(buku: BukuXlsx, sheet: str) -> tuple[list[list[NilaiMentah]], frozenset[str]]:
    lembar = buku.buku.get_sheet_by_name(sheet)
    hasil = [_baris(isi) for isi in lembar.to_python(skip_empty_area=False)]
    # openpyxl showed only the first cell of a merged block; Excel empties the others when merging,
    # but a file written by another program may keep values there, which the import never saw.
    for (r0, c0), (r1, c1) in lembar.merged_cell_ranges or []:
        for i in range(r0, min(r1 + 1, len(hasil))):
            for j in range(c0, min(c1 + 1, len(hasil[i]))):
                if (i, j) != (r0, c0):
                    hasil[i][j] = None
    bagian = buku.bagian(sheet)
    if bagian is None:
        return hasil, frozenset()
    sel_persen, galat = _sel_khusus(buku.data, bagian, buku.gaya_persen())
    for (nomor, kolom), teks in galat.items():
        i, j = nomor - 1, kolom - 1
        hasil.extend([] for _ in range(i + 1 - len(hasil)))  # calamine ends at the last non-error cell
        hasil[i].extend([None] * (j + 1 - len(hasil[i])))
        hasil[i][j] = teks
    persen: set[str] = set()
    for nomor, kolom in sel_persen:
        i, j = nomor - 1, kolom - 1
        v = hasil[i][j] if i < len(hasil) and j < len(hasil[i]) else None
        if isinstance(v, int | float) and not isinstance(v, bool):
            hasil[i][j] = round(float(v) * 100, 10)
            persen.add(f"{get_column_letter(kolom)}{nomor}")
    return hasil, frozenset(persen)
