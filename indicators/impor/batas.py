"""An XLSX measured from its XML before any parser builds it: rows, cells and formulas.

openpyxl builds every cell of every sheet in memory before anyone can count them: a 7 MB file of
a million rows (75 MB unpacked) took 70 s and 3 GB in the server, and the other visitors waited.
So the sheets' XML is read straight from the zip first, and the file is refused (all of it,
nothing opened) when

1. a sheet *declares* too much: its ``<dimension ref="A1:Z1000000"/>``, near the top of the XML;
2. or, since a dimension can lie, the sheets *hold* too much: row and cell elements are counted
   and the highest row number any ``<row r=…>`` or ``<c r=…>`` names is noted, streamed 1 MB at a
   time and stopped as soon as a limit is passed (memory stays bounded whatever the file).

The budget covers every sheet together (openpyxl loads them all): ``maks_baris`` data rows plus
:data:`BARIS_CADANGAN` for title rows and helper sheets (a template's hidden lists have ~600 rows),
and :data:`SEL_PER_BARIS` cells a row on average. The scan is a byte search, not an XML parser,
so no entity can expand; a sheet with a DOCTYPE is refused, and the small workbook parts that
name the sheets are parsed with defusedxml (no DTD, no entities, no external references).

:func:`rumus_sheet` finds the formulas of one sheet the same way (openpyxl with ``data_only``
gives a formula's cached value and no sign that it was one).
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as xml_aman  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import column_index_from_string, get_column_letter  # type: ignore[import-untyped, unused-ignore]

from indicators.format import format_angka
from indicators.impor.masalah import Bahasa, ImporError, Masalah

BARIS_CADANGAN = 5_000
"""Rows allowed beyond ``maks_baris`` over all sheets: title and header rows, helper sheets."""
SEL_PER_BARIS = 20
"""Cells allowed per budgeted row on average (a template has 6 to 11 columns)."""

_MB = 1024 * 1024
_POTONG = _MB  # decompressed XML read at a time
_KOP = 64 * 1024  # where a sheet's <dimension> must be: before <sheetData>, after a few settings
_SISA = 1024  # kept of a stretch without any '>' (a tag longer than this is no row or cell)
_BAGIAN_MAKS = 10 * _MB  # a content-types, workbook or rels part larger than this is no workbook
_GAGAL_BACA = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
    ValueError,  # defusedxml's refusals (DTD, entities) are ValueErrors too
    ParseError,
    KeyError,
)

_AWALAN = rb"(?:[A-Za-z_][\w.-]{0,31}:)?"  # a namespace prefix: <x:row> is a row too
# Counting without the prefix is four times faster; a sheet uses it only once it binds a prefix to
# the spreadsheet namespace (xmlns:x="…/spreadsheetml/2006/main"), so the slow form is for those.
_BARIS = re.compile(rb"<row[\s/>]")
_SEL = re.compile(rb"<c[\s/>]")
_BARIS_AWALAN = re.compile(rb"<" + _AWALAN + rb"row[\s/>]")
_SEL_AWALAN = re.compile(rb"<" + _AWALAN + rb"c[\s/>]")
_AWALAN_UTAMA = re.compile(rb"xmlns:[A-Za-z_][\w.-]*\s*=\s*[\"'][^\"']*spreadsheetml(?:/2006)?/main[\"']")
_DIMENSI = re.compile(rb"<" + _AWALAN + rb"dimension\s[^>]{0,512}?\bref\s*=\s*[\"']([^\"']{1,64})[\"']")
_RUMUS = re.compile(rb"<" + _AWALAN + rb"f[\s/>]")
_ALAMAT = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,10})")
# A cell beyond column Z (two or three letters); calamine lays a sheet out densely from its first
# to its last cell, so one cell in column XFD makes 16 384 cells of every row up to the last one.
_KOLOM_JAUH = re.compile(rb"r\s*=\s*[\"']\$?([A-Za-z]{2,3})\$?\d")
_KOLOM_BIASA = 26  # up to Z the dense layout stays within 26 × the row budget: no check needed
_JENIS_WORKBOOK = ("sheet.main+xml", "template.main+xml", "macroEnabled.main+xml")
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class XlsxDitolak(ImporError):
    """An XLSX refused before it was opened; :attr:`masalah` holds each reason (file, sheet, limit)."""

    def __init__(self, masalah: list[Masalah]) -> None:
        super().__init__(_gabung(masalah, "id"), _gabung(masalah, "en"))
        self.masalah = masalah


def _gabung(masalah: list[Masalah], bahasa: Bahasa) -> str:
    return "; ".join(m.teks(bahasa) for m in masalah)


@dataclass(frozen=True)
class _Batas:
    """The budget of one file and the fill-ins every message about it shares."""

    maks_baris: int

    @property
    def baris(self) -> int:
        """Rows all sheets together may hold or reach."""
        return self.maks_baris + BARIS_CADANGAN

    @property
    def sel(self) -> int:
        """Cells all sheets together may hold (or declare)."""
        return self.baris * SEL_PER_BARIS

    def isian(self, **angka: int) -> dict[str, str]:
        """``{nama}`` in Indonesian and ``{nama}_en`` in English for each number, plus the limits."""
        semua = {"maks": self.maks_baris, "batas_baris": self.baris, "batas_sel": self.sel, **angka}
        hasil: dict[str, str] = {}
        for nama, n in semua.items():
            hasil[nama] = format_angka(n, 0, "id")
            hasil[f"{nama}_en"] = format_angka(n, 0, "en")
        return hasil


def _bagian_xml(arsip: zipfile.ZipFile, nama: str) -> Element | None:
    """A small XML part parsed safely, or None when the archive has no such part."""
    try:
        info = arsip.getinfo(nama)
    except KeyError:
        return None
    if info.file_size > _BAGIAN_MAKS:
        raise ValueError(f"{nama} > {_BAGIAN_MAKS} bytes")
    hasil: Element = xml_aman.fromstring(arsip.read(info), forbid_dtd=True)
    return hasil


def nama_lokal(tag: object) -> str:
    """An XML tag without its namespace (``{…}c`` → ``c``)."""
    return str(tag).rpartition("}")[2]


def _bagian_workbook(arsip: zipfile.ZipFile) -> str:
    """Where the workbook part is: named in [Content_Types].xml, as openpyxl looks it up."""
    jenis = _bagian_xml(arsip, "[Content_Types].xml")
    for el in jenis if jenis is not None else []:
        if nama_lokal(el.tag) == "Override" and el.get("ContentType", "").endswith(_JENIS_WORKBOOK):
            return el.get("PartName", "").lstrip("/")
    return "xl/workbook.xml"


def daftar_sheet(arsip: zipfile.ZipFile) -> list[tuple[str, str]]:
    """Return (sheet name, zip member) of every worksheet, in workbook order.

    Followed as openpyxl follows it: the workbook part, its relationships, its ``<sheet>`` list.
    A workbook whose parts cannot be followed falls back to every ``xl/worksheets/*.xml``.

    Raises:
        ValueError: a part is oversized, or holds a DTD or an entity (defusedxml).
        xml.etree.ElementTree.ParseError: a part is not XML.
    """
    workbook = _bagian_workbook(arsip)
    folder = posixpath.dirname(workbook)
    rels = _bagian_xml(arsip, posixpath.join(folder, "_rels", posixpath.basename(workbook) + ".rels"))
    buku = _bagian_xml(arsip, workbook)
    target: dict[str, str] = {}
    for el in rels if rels is not None else []:
        if el.get("Type", "").endswith("/worksheet"):
            tujuan = el.get("Target", "")
            target[el.get("Id", "")] = (
                tujuan.lstrip("/") if tujuan.startswith("/") else posixpath.normpath(posixpath.join(folder, tujuan))
            )
    ada = set(arsip.namelist())
    hasil = [
        (el.get("name", ""), target[el.get(_R_ID, "")])
        for el in (buku.iter() if buku is not None else [])
        if nama_lokal(el.tag) == "sheet" and target.get(el.get(_R_ID, "")) in ada
    ]
    if not hasil:
        hasil = [
            (posixpath.basename(n), n) for n in sorted(ada) if n.startswith("xl/worksheets/") and n.endswith(".xml")
        ]
    return hasil


def _ujung_rentang(ref: str) -> tuple[int, int] | None:
    """The last (row, column) of a range such as ``A1:Z1000000`` (or one cell), None if unreadable."""
    cocok = _ALAMAT.fullmatch(ref.split(":")[-1].strip())
    if cocok is None:
        return None
    return int(cocok.group(2)), column_index_from_string(cocok.group(1).upper())


def _periksa_dimensi(arsip: zipfile.ZipFile, sheet: list[tuple[str, str]], berkas: str, batas: _Batas) -> list[Masalah]:
    """Refuse a file whose sheets declare more rows or cells than the budget (the first 64 KB of each)."""
    baris = sel = 0
    for nama, bagian in sheet:
        with arsip.open(bagian) as f:
            kop = f.read(_KOP)
        # No worksheet needs a DTD, and an entity could hide rows from a byte scan (openpyxl parses
        # with defusedxml and would refuse it too, but only after reading everything before it).
        if b"<!DOCTYPE" in kop:
            return [Masalah("xlsx_rusak", berkas, nama, isian={"rincian": "DOCTYPE"})]
        cocok = _DIMENSI.search(kop)
        rentang = cocok.group(1).decode("ascii", "replace") if cocok else ""
        ujung = _ujung_rentang(rentang)
        if ujung is None:
            continue
        baris += ujung[0]
        sel += ujung[0] * ujung[1]
        if baris > batas.baris or sel > batas.sel:
            isian = batas.isian(baris=ujung[0], sel=ujung[0] * ujung[1]) | {"rentang": rentang}
            return [Masalah("xlsx_dimensi", berkas, nama, isian=isian)]
    return []


@functools.cache
def _pola_nomor(digit: int) -> re.Pattern[bytes]:
    """The row number a row or cell names (``r="12"``, ``r="AB12"``), when it has ``digit`` digits or more.

    A number shorter than the budget's cannot pass it: looking only at the long ones keeps the
    scan from making a million small objects for a file within its limit. Any attribute ending
    in ``r`` is taken (no other worksheet attribute holds such a number; more is only stricter).
    """
    angka = rb"(\d{" + str(digit).encode() + rb",10})"
    return re.compile(rb"r\s*=\s*[\"']\$?[A-Za-z]{0,3}\$?" + angka + rb"[\"']")


def _potongan(f: IO[bytes]) -> Iterator[bytes]:
    """Yield a part's XML in stretches of about 1 MB that hold only whole tags, each tag once."""
    ekor = b""
    while True:
        potong = f.read(_POTONG)
        buf = ekor + potong if ekor else potong
        if not potong:
            yield buf
            return
        # Cut after the last '>': a tag that began before it has ended (tags hold no '>').
        akhir = buf.rfind(b">") + 1
        if akhir == 0 and len(buf) > _POTONG:
            akhir = len(buf) - _SISA  # a long text without any tag: only its end can start one
        yield buf[:akhir]
        ekor = buf[akhir:]


def _periksa_isi(arsip: zipfile.ZipFile, sheet: list[tuple[str, str]], berkas: str, batas: _Batas) -> list[Masalah]:
    """Refuse a file whose sheets hold or reach more rows, or hold more cells, than the budget.

    Rows of a sheet are the larger of its row elements and the highest row number named (a sparse
    sheet whose one cell is A1000000 makes a million rows in openpyxl). A sheet reaching beyond
    column Z is also refused when its last row times its last column passes the cell budget (the
    reader lays the sheet out densely). Stops at the first excess.
    """
    baris_lalu = sel = 0
    nomor = _pola_nomor(len(str(batas.baris)))
    for nama, bagian in sheet:
        elemen = tertinggi = kolom = 0
        pola_baris, pola_sel = _BARIS, _SEL
        with arsip.open(bagian) as f:
            for buf in _potongan(f):
                if b"<!DOCTYPE" in buf or b"<!ENTITY" in buf:  # see _periksa_dimensi
                    return [Masalah("xlsx_rusak", berkas, nama, isian={"rincian": "DOCTYPE"})]
                if b"xmlns:" in buf and _AWALAN_UTAMA.search(buf):
                    pola_baris, pola_sel = _BARIS_AWALAN, _SEL_AWALAN
                elemen += len(pola_baris.findall(buf))
                sel += len(pola_sel.findall(buf))
                tertinggi = max(tertinggi, max(map(int, nomor.findall(buf)), default=0))
                # Set first: a wide file names the same few column letters a million times.
                jauh = set(_KOLOM_JAUH.findall(buf))
                kolom = max(kolom, max((column_index_from_string(k.decode().upper()) for k in jauh), default=0))
                if baris_lalu + max(elemen, tertinggi) > batas.baris:
                    return [Masalah("xlsx_baris_lebih", berkas, nama, isian=batas.isian())]
                if sel > batas.sel:
                    return [Masalah("xlsx_sel_lebih", berkas, nama, isian=batas.isian())]
        baris_lalu += max(elemen, tertinggi)
        if kolom > _KOLOM_BIASA and (jangkau := _jangkauan_baris(arsip, bagian)) * kolom > batas.sel:
            isian = batas.isian(baris=jangkau, sel=jangkau * kolom) | {"kolom": get_column_letter(kolom)}
            return [Masalah("lt.xlsx_jangkau", berkas, nama, isian=isian)]
    return []


def _jangkauan_baris(arsip: zipfile.ZipFile, bagian: str) -> int:
    """The highest row number any row or cell of a sheet names (every number, however short)."""
    with arsip.open(bagian) as f:
        return max((max(map(int, _pola_nomor(1).findall(buf)), default=0) for buf in _potongan(f)), default=0)


def _arsip(sumber: bytes | Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(sumber) if isinstance(sumber, bytes) else sumber)


def masalah_ukuran_xlsx(sumber: bytes | Path, berkas: str, maks_baris: int) -> list[Masalah]:
    """Return why an XLSX is too large to open (empty list: it may be opened), without opening it.

    Args:
        sumber: the file's bytes, or its path (read from the disk, not loaded whole).
        berkas: the file name shown in messages.
        maks_baris: the data-row cap (:attr:`~indicators.impor.baca.BatasUnggah.baris_maks`); the
            sheets together may hold ``maks_baris + BARIS_CADANGAN`` rows and
            ``SEL_PER_BARIS`` times as many cells.

    The problems (codes ``xlsx_dimensi``, ``xlsx_baris_lebih``, ``xlsx_sel_lebih``, ``xlsx_rusak``)
    name the file, the sheet, the range or the limit passed; the file is refused whole.
    """
    batas = _Batas(maks_baris)
    try:
        with _arsip(sumber) as arsip:
            sheet = daftar_sheet(arsip)
            return _periksa_dimensi(arsip, sheet, berkas, batas) or _periksa_isi(arsip, sheet, berkas, batas)
    except _GAGAL_BACA as exc:
        return [Masalah("xlsx_rusak", berkas, isian={"rincian": type(exc).__name__})]


def periksa_xlsx_sebelum_baca(path: Path, maks_baris: int, nama_berkas: str | None = None) -> None:
    """Refuse an XLSX on disk that is too large to open, before openpyxl or pandas parse it.

    Same rules as :func:`masalah_ukuran_xlsx`; ``nama_berkas`` (default: the path's name) is the
    name shown in the messages.

    Raises:
        XlsxDitolak: an :class:`~indicators.impor.masalah.ImporError` whose ``masalah`` lists why:
            a declared dimension, or a streamed count of rows or cells, over the limit (or a
            workbook whose structure cannot be read).
    """
    masalah = masalah_ukuran_xlsx(path, nama_berkas or path.name, maks_baris)
    if masalah:
        raise XlsxDitolak(masalah)


def _ada_rumus(f: IO[bytes]) -> bool:
    return any(_RUMUS.search(buf) for buf in _potongan(f))


def sel_sheet(f: IO[bytes]) -> Iterator[tuple[int, int, Element]]:
    """Every cell (``<c>``) of one sheet's XML, streamed: (row, column, element), both from 1.

    Parsed with defusedxml (no DTD). Cells are addressed as openpyxl addresses them: by their
    ``r`` (``E5``), or, without one, following the cell or row before. Rows already seen are
    dropped, so memory stays flat on a large sheet; a cell's children are read before its row ends.
    """
    baris = kolom = 0
    data_sheet: Element | None = None
    for acara, el in xml_aman.iterparse(f, events=("start", "end"), forbid_dtd=True):
        tag = nama_lokal(el.tag)
        if acara == "start":
            if tag == "sheetData":
                data_sheet = el
            elif tag == "row":
                baris, kolom = int(el.get("r") or baris + 1), 0
            continue
        if tag == "c":
            cocok = _ALAMAT.fullmatch(el.get("r") or "")
            if cocok:
                kolom, baris = column_index_from_string(cocok.group(1).upper()), int(cocok.group(2))
            else:
                kolom += 1
            yield baris, kolom, el
        elif tag == "row" and data_sheet is not None:
            data_sheet.clear()


def _baca_rumus(f: IO[bytes]) -> dict[str, str]:
    """Stream one sheet's XML and return cell address → formula text (``=SUM(A1:A3)``)."""
    hasil: dict[str, str] = {}
    bersama: dict[str, str] = {}  # a shared formula's text is written once, on its first cell
    for baris, kolom, el in sel_sheet(f):
        rumus = next((anak for anak in el if nama_lokal(anak.tag) == "f"), None)
        if rumus is not None:
            teks = rumus.text or bersama.get(rumus.get("si", ""), "")
            if rumus.get("t") == "shared" and rumus.text:
                bersama[rumus.get("si", "")] = rumus.text
            hasil[f"{get_column_letter(kolom)}{baris}"] = f"={teks}"
    return hasil


def rumus_sheet(data: bytes, sheet: str) -> dict[str, str]:
    """Return the formula cells of one sheet of an XLSX: address (``E5``) → formula (``=B5*2``).

    The sheet's XML is searched for a formula tag first (bytes, streamed); only a sheet that has
    one is parsed (defusedxml, streamed). An unknown sheet has none.

    Raises:
        ValueError, xml.etree.ElementTree.ParseError, zipfile.BadZipFile: the workbook cannot be
            read (callers check it with :func:`masalah_ukuran_xlsx` first).
    """
    with _arsip(data) as arsip:
        bagian = dict(daftar_sheet(arsip)).get(sheet)
        if bagian is None:
            return {}
        with arsip.open(bagian) as f:
            if not _ada_rumus(f):
                return {}
        with arsip.open(bagian) as f:
            return _baca_rumus(f)
