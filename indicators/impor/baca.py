"""Reading import files: XLSX and CSV into raw cells, strict numbers, region names to codes.

Tolerant where people are messy (UTF-8 with or without BOM and Windows-1252; comma, semicolon
or tab separators; a title row above the header; Indonesian "1.234,5" and "12,5", "12.5",
"85%"; region names instead of codes) and strict where it matters: a number whose meaning is
ambiguous ("1.234" could be 1234 or 1,234) is an error naming the cell, never a guess.

Upload limits (:class:`BatasUnggah`) are checked before any parser sees the bytes: a size cap, a
row cap, and for XLSX a look at the zip directory only: macros (``vbaProject.bin``, macro-enabled
content types, Excel 4 macro sheets), external links and data connections, and archives that would
expand far beyond their size (zip bombs) are rejected without being decompressed; then the sheets'
declared and streamed size (:mod:`indicators.impor.batas`) before any cell is read. Cell values
are read with calamine (:mod:`indicators.impor.xlsx_nilai`), as openpyxl showed them.

Cells the import stores are refused, each named, when they hold a formula (XLSX), more than
:data:`PANJANG_SEL_MAKS` characters, or a control character (C0 other than tab, LF and CR; DEL;
C1; Excel's ``_x000B_`` escapes are read back first); a CSV mixing UTF-8 and Windows-1252 lines
is refused with the line numbers of each. Nothing is cleaned silently.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import os
import re
import unicodedata
import zipfile
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import ParseError

import pandas as pd
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from python_calamine import CalamineError

from indicators.format import format_angka
from indicators.impor import xlsx_nilai
from indicators.impor.batas import masalah_ukuran_xlsx, rumus_sheet
from indicators.impor.masalah import Masalah
from indicators.impor.xlsx_nilai import BukuXlsx
from indicators.teks_aman import ada_kontrol, daftar_kontrol

NilaiSel = str | float | int | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None

# Column names a header row may contain (canonical names, their aliases and the template's
# informational lookup columns); used to find the header row and to sniff the CSV separator.
ALIAS_KOLOM = {
    "kode": "kode_wilayah",
    "wilayah": "kode_wilayah",
    "kab_kota": "kode_wilayah",
    "kabupaten_kota": "kode_wilayah",
    "id_indikator": "indikator",
    "kode_indikator": "indikator",
    "statistik": "indikator",
    "kode_statistik": "indikator",
    "skor": "nilai",
    "keterangan": "catatan",
}
KOLOM_KANONIK = ("tahun", "kode_wilayah", "indikator", "tahap", "nilai", "satuan", "predikat", "sumber", "catatan")
KOLOM_INFORMASI = ("nama_wilayah", "nama_indikator", "nama_statistik", "nilai_maks", "no", "nomor")
KOLOM_DIKENAL = frozenset((*KOLOM_KANONIK, *KOLOM_INFORMASI, *ALIAS_KOLOM))


@dataclass(frozen=True)
class Susunan:
    """What the header of one layout of import file looks like.

    Attributes:
        dikenal: the (normalised) names that find the header row: the row with the most of
            them, at least two, among the first rows.
        kanonik: the columns the import stores (their aliases in :data:`ALIAS_KOLOM` count too);
            only their cells are checked for formulas, length and control characters.
        contoh: the columns named when no header is found.
    """

    dikenal: Container[str]
    kanonik: tuple[str, ...]
    contoh: str


SUSUNAN_BAWAAN = Susunan(KOLOM_DIKENAL, KOLOM_KANONIK, ", ".join(KOLOM_KANONIK[:5]))
"""The score, statistic and predikat layout (one row per value, an ``indikator`` column)."""

_SHEET_BANTU = {"petunjuk", "daftar"}
_MB = 1024 * 1024
ENV_MAKS_MB = "KLA_UNGGAH_MAKS_MB"
ENV_MAKS_BARIS = "KLA_UNGGAH_MAKS_BARIS"


@dataclass(frozen=True)
class BatasUnggah:
    """Limits on an import file, checked before it is parsed.

    Attributes:
        ukuran_maks: file size cap in bytes (default 20 MB; ``$KLA_UNGGAH_MAKS_MB``).
        baris_maks: data row cap (default 100 000; ``$KLA_UNGGAH_MAKS_BARIS``); a full national
            score file (514 kab/kota × 24 indicators × 4 stages) has about 49 000 rows.
        isi_zip_maks: total uncompressed size an XLSX may declare (default 100 MB).
        rasio_zip_maks: largest uncompressed/compressed ratio for an XLSX that expands beyond
            ``_RASIO_MULAI`` bytes (default 100; real workbooks are 3–15).
    """

    ukuran_maks: int = 20 * _MB
    baris_maks: int = 100_000
    isi_zip_maks: int = 100 * _MB
    rasio_zip_maks: float = 100.0


_RASIO_MULAI = _MB  # a small archive cannot hurt, whatever its ratio


def _angka_env(nama: str, bawaan: float) -> float:
    try:
        nilai = float(os.environ.get(nama, bawaan))
    except ValueError:
        return bawaan
    return nilai if nilai > 0 else bawaan


def batas_bawaan() -> BatasUnggah:
    """Return the limits in force: the defaults, overridden by ``$KLA_UNGGAH_MAKS_MB`` / ``_BARIS``."""
    return BatasUnggah(
        ukuran_maks=int(_angka_env(ENV_MAKS_MB, 20) * _MB),
        baris_maks=int(_angka_env(ENV_MAKS_BARIS, 100_000)),
    )


def _ukuran(nama: str, n: float) -> dict[str, str]:
    """A size for a message, as ``{nama}`` (Indonesian) and ``{nama}_en``: ``45 KB``, ``20,9 MB``."""
    if n < _MB:
        teks = f"{max(round(n / 1024), 1)} KB"
        return {nama: teks, f"{nama}_en": teks}
    mb = round(n / _MB, 1)
    desimal = 0 if mb.is_integer() else 1
    return {
        nama: f"{format_angka(mb, desimal, 'id')} MB",
        f"{nama}_en": f"{format_angka(mb, desimal, 'en')} MB",
    }


_BARIS_CARI_JUDUL = 10
PANJANG_SEL_MAKS = 10_000
"""Longest text a stored cell may hold, in characters (a long note; Excel's own cap is 32 767)."""
_SPASI = re.compile(r"\s+")


@dataclass(slots=True)  # not frozen: a large file makes a million of these, and frozen init is slow
class Sel:
    """One cell as read: its value, its address (``E5``) and whether it was formatted as percent."""

    nilai: NilaiSel
    alamat: str | None = None
    persen: bool = False


@dataclass
class TabelMentah:
    """The data block of a file: normalised header names and the rows below the header.

    :attr:`baris` holds (spreadsheet row number, cells aligned to ``kolom``); empty rows are left
    out. A CSV keeps its cells as text in ``teks`` (same rows, same alignment), an XLSX its cell
    values in ``mentah`` (percentages already multiplied by 100, their addresses in ``persen``);
    the :class:`Sel` objects are made only when :attr:`baris` is first read: a valid file checked
    column by column (:mod:`indicators.impor.kolom`) never needs the million cell objects.
    """

    berkas: str
    sheet: str | None
    kolom: list[str]
    judul_asli: list[str]
    sel_baris: list[tuple[int, list[Sel]]] | None = None
    teks: list[tuple[int, list[str]]] | None = None
    baris_judul: int | None = None
    """The spreadsheet row of the header (1 unless title rows sit above it)."""
    mentah: list[tuple[int, list[NilaiSel]]] | None = None
    persen: frozenset[str] = frozenset()

    @property
    def isi_nilai(self) -> list[tuple[int, list[Any]]] | None:
        """The rows as plain values (each cell's :attr:`Sel.nilai`), without cell objects.

        A CSV's texts or an XLSX's values; None for a table built from cells.
        """
        return self.teks if self.teks is not None else self.mentah

    @property
    def baris(self) -> list[tuple[int, list[Sel]]]:
        """The rows as cells with their addresses (built from ``teks`` or ``mentah`` on first use)."""
        if self.sel_baris is None:
            self.sel_baris = self._sel(self.isi_nilai or [])
        return self.sel_baris

    def baris_awal(self, n: int) -> list[tuple[int, list[Sel]]]:
        """The first ``n`` rows as cells, without building the cells of the others."""
        return self.sel_baris[:n] if self.sel_baris is not None else self._sel((self.isi_nilai or [])[:n])

    def _sel(self, isi_nilai: list[tuple[int, list[Any]]]) -> list[tuple[int, list[Sel]]]:
        huruf = [get_column_letter(j + 1) for j in range(len(self.kolom))]
        hasil = [(nomor, [Sel(v, f"{huruf[j]}{nomor}") for j, v in enumerate(isi)]) for nomor, isi in isi_nilai]
        if self.persen:
            for _, sel in hasil:
                for s in sel:
                    s.persen = s.alamat in self.persen
        return hasil

    @property
    def jumlah_baris(self) -> int:
        """How many data rows the table has."""
        isi = self.isi_nilai
        return len(isi) if isi is not None else len(self.baris)


def nama_kolom(judul: object) -> str:
    """Normalise a header cell: ``" Kode Wilayah "`` → ``kode_wilayah``; ``"nilai (0-100)*"`` → ``nilai``."""
    teks = "" if judul is None else str(judul)
    teks = teks.split("(")[0].strip().strip("*").strip().casefold()
    return re.sub(r"[\s\-/.]+", "_", teks).strip("_")


def teks_sel(sel: Sel) -> str | None:
    """Return the cell as trimmed text for messages and text columns (None when empty)."""
    v = sel.nilai
    if v is None:
        return None
    if type(v) is str:  # the common case (every CSV cell): skip the other checks
        if "\u00a0" in v or "\u202f" in v:
            v = v.replace("\u00a0", " ").replace("\u202f", " ")
        return v.strip() or None
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        return repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dt.datetime | dt.date | dt.time):
        return v.isoformat()
    teks = str(v).replace("\u00a0", " ").replace("\u202f", " ").strip()
    return teks or None


# --- numbers --------------------------------------------------------------------------------


class AngkaError(ValueError):
    """A cell is not an acceptable number; ``kode`` and ``isian`` describe why (see indicators/teks/masalah.yaml)."""

    def __init__(self, kode: str, isian: dict[str, str] | None = None) -> None:
        super().__init__(kode)
        self.kode = kode
        self.isian = isian or {}


_POLA_BULAT = re.compile(r"\d+")
_POLA_SATU = re.compile(r"(\d+)([.,])(\d+)")
_POLA_ID = re.compile(r"\d{1,3}(\.\d{3})+,\d+")
_POLA_EN = re.compile(r"\d{1,3}(,\d{3})+\.\d+")
_POLA_RIBU_ID = re.compile(r"\d{1,3}(\.\d{3}){2,}")
_POLA_RIBU_EN = re.compile(r"\d{1,3}(,\d{3}){2,}")


def urai_angka_teks(teks: str) -> tuple[float, bool]:
    """Parse a number written by hand; return (value, had a percent sign).

    Accepted: ``12``, ``12,5`` and ``12.5`` (one separator is the decimal mark), ``1.234,5``
    (Indonesian) and ``1,234.5`` (English) with valid thousands groups, ``1.234.567``, a leading
    sign and a trailing ``%``. A single separator followed by exactly three digits (``1.234``,
    ``1,234``) is ambiguous and raises :class:`AngkaError` with code ``angka_ambigu``.
    """
    s = teks.replace("\u00a0", " ").replace("\u202f", " ").strip()
    persen = s.endswith("%")
    if persen:
        s = s[:-1].rstrip()
    tanda = 1.0
    if s[:1] in {"-", "−", "+"}:
        tanda = -1.0 if s[0] != "+" else 1.0
        s = s[1:].lstrip()
    if _POLA_BULAT.fullmatch(s):
        return tanda * float(s), persen
    satu = _POLA_SATU.fullmatch(s)
    if satu:
        depan, _, belakang = satu.groups()
        if len(belakang) == 3 and len(depan) <= 3 and not depan.startswith("0"):
            ribuan = depan + belakang
            desimal = f"{depan}.{belakang}"
            raise AngkaError(
                "angka_ambigu",
                {"ribuan": ribuan, "desimal_id": desimal.replace(".", ","), "desimal_en": desimal},
            )
        return tanda * float(f"{depan}.{belakang}"), persen
    if _POLA_ID.fullmatch(s):
        return tanda * float(s.replace(".", "").replace(",", ".")), persen
    if _POLA_EN.fullmatch(s) or _POLA_RIBU_EN.fullmatch(s):
        return tanda * float(s.replace(",", "")), persen
    if _POLA_RIBU_ID.fullmatch(s):
        return tanda * float(s.replace(".", "")), persen
    raise AngkaError("bukan_angka")


def urai_angka(sel: Sel) -> tuple[float, bool]:
    """Return a cell's number and whether it is a percentage (a ``%`` sign or percent format)."""
    v = sel.nilai
    if isinstance(v, bool):
        raise AngkaError("bukan_angka")
    if isinstance(v, int | float):
        angka = float(v)
        if angka != angka or angka in (float("inf"), float("-inf")):
            raise AngkaError("bukan_angka")
        return angka, sel.persen
    if isinstance(v, dt.datetime | dt.date | dt.time | dt.timedelta):
        raise AngkaError("angka_tanggal")
    teks = teks_sel(sel)
    if teks is None:
        raise AngkaError("bukan_angka")
    return urai_angka_teks(teks)


def urai_tahun(sel: Sel) -> int:
    """Return a whole-number year from a cell (``2025``, ``2025.0`` from Excel); raise ValueError."""
    v = sel.nilai
    if isinstance(v, bool):
        raise ValueError("tahun")
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    teks = teks_sel(sel)
    if teks is not None and re.fullmatch(r"\d{4}", teks):
        return int(teks)
    raise ValueError("tahun")


# --- regions --------------------------------------------------------------------------------

_AWALAN = {
    "kab": "kabupaten",
    "kabupaten": "kabupaten",
    "kota": "kota",
    "kot": "kota",
    "kodya": "kota",
    "kotamadya": "kota",
    "kota_madya": "kota",
    "prov": "provinsi",
    "provinsi": "provinsi",
    "propinsi": "provinsi",
}


def normalkan_nama(nama: str) -> str:
    """Normalise a region name: case, accents, punctuation and the Kab./Kota/Provinsi prefix.

    ``"Kab. Pekalongan"``, ``"KABUPATEN  PEKALONGAN"`` → ``"kabupaten pekalongan"``.
    """
    teks = unicodedata.normalize("NFKD", nama).encode("ascii", "ignore").decode("ascii").casefold()
    teks = re.sub(r"[.,\-_/()']+", " ", teks)
    kata = _SPASI.sub(" ", teks).strip().split(" ")
    if len(kata) > 1 and kata[0] in _AWALAN:
        kata[0] = _AWALAN[kata[0]]
    return " ".join(k for k in kata if k)


@dataclass(frozen=True)
class HasilWilayah:
    """Result of resolving one region cell: a code, or a problem code with its fill-ins."""

    kode: str | None
    masalah: str | None = None
    isian: dict[str, str] = field(default_factory=dict)


class IndeksWilayah:
    """Look up regions by Kemendagri code, BPS code or (normalised) name."""

    def __init__(self, wilayah: pd.DataFrame) -> None:
        self.nama: dict[str, str] = dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))
        self.tingkat: dict[str, str] = dict(zip(wilayah["kode_wilayah"], wilayah["tingkat"], strict=True))
        self._bps: dict[str, list[str]] = {}
        self._nama_lengkap: dict[str, list[str]] = {}
        self._nama_singkat: dict[str, list[str]] = {}
        singkat = wilayah["nama_singkat"] if "nama_singkat" in wilayah else wilayah["nama"]
        bps = wilayah["kode_bps"] if "kode_bps" in wilayah else pd.Series([None] * len(wilayah))
        for kode, nama, pendek, tingkat, kode_bps in zip(
            wilayah["kode_wilayah"], wilayah["nama"], singkat, wilayah["tingkat"], bps, strict=True
        ):
            if tingkat == "kecamatan":
                continue  # thousands of repeated names; kecamatan only by code
            if isinstance(kode_bps, str) and kode_bps:
                self._bps.setdefault(kode_bps, []).append(kode)
            lengkap = normalkan_nama(str(nama))
            if tingkat == "provinsi" and not lengkap.startswith("provinsi "):
                lengkap = "provinsi " + lengkap
            self._nama_lengkap.setdefault(lengkap, []).append(kode)
            if tingkat == "kabkota" and isinstance(pendek, str) and pendek:
                self._nama_singkat.setdefault(normalkan_nama(pendek), []).append(kode)
        # A file names the same few hundred regions again and again: resolve each text once.
        self._sudah: dict[tuple[str, tuple[str, ...]], HasilWilayah] = {}

    def _boleh(self, kode: str, tingkat: Sequence[str]) -> bool:
        return self.tingkat.get(kode) in tingkat

    def cari(self, teks: str, tingkat: Sequence[str]) -> HasilWilayah:
        """Resolve a region cell to a code among regions of the given levels.

        Codes may lose a trailing zero in Excel (``33.1`` is ``33.10``) and BPS codes (``3375``)
        are accepted when they map to one region. A name must match exactly one region after
        normalising; an ambiguous name lists its candidates with their codes.
        """
        kunci_sudah = (teks, tuple(tingkat))
        if kunci_sudah not in self._sudah:
            self._sudah[kunci_sudah] = self._cari(teks, tingkat)
        return self._sudah[kunci_sudah]

    def _cari(self, teks: str, tingkat: Sequence[str]) -> HasilWilayah:
        label_tingkat = "kabupaten/kota" if tuple(tingkat) == ("kabkota",) else "wilayah"
        bersih = teks.strip()
        if re.fullmatch(r"[\d.,\s]+", bersih):
            kode = re.sub(r"\s+", "", bersih).replace(",", ".")
            if re.fullmatch(r"\d{2}\.\d", kode):
                kode += "0"
            if kode in self.tingkat:
                if self._boleh(kode, tingkat):
                    return HasilWilayah(kode)
                return HasilWilayah(None, "bukan_kabkota", {"kode": kode, "nama": self.nama[kode]})
            calon = [k for k in self._bps.get(kode, []) if self._boleh(k, tingkat)]
            if len(calon) == 1:
                return HasilWilayah(calon[0])
            return HasilWilayah(None, "kode_tak_dikenal", {"tingkat": label_tingkat})
        kunci = normalkan_nama(bersih)
        calon = [k for k in self._nama_lengkap.get(kunci, []) if self._boleh(k, tingkat)]
        if not calon:
            calon = [k for k in self._nama_singkat.get(kunci, []) if self._boleh(k, tingkat)]
        if not calon and kunci == "indonesia" and self._boleh("00", tingkat):
            calon = ["00"]
        if len(calon) == 1:
            return HasilWilayah(calon[0])
        if len(calon) > 1:
            daftar = ", ".join(f"{k} {self.nama[k]}" for k in sorted(calon))
            return HasilWilayah(None, "nama_ambigu", {"calon": daftar})
        return HasilWilayah(None, "nama_tak_dikenal")


# --- files ----------------------------------------------------------------------------------


def _cari_judul(baris: Sequence[Sequence[object]], dikenal: Container[str] = KOLOM_DIKENAL) -> int | None:
    """Return the index of the header row among the first rows (most known column names, ≥ 2)."""
    terbaik, skor_terbaik = None, 1
    for i, isi in enumerate(baris[:_BARIS_CARI_JUDUL]):
        skor = sum(1 for v in isi if nama_kolom(v) in dikenal)
        if skor > skor_terbaik:
            terbaik, skor_terbaik = i, skor
    return terbaik


def _masalah_berkas(kode: str, berkas: str, sheet: str | None = None, **isian: str) -> Masalah:
    return Masalah(kode=kode, berkas=berkas, sheet=sheet, isian=isian)


def kolom_dibaca(kolom: Sequence[str], kanonik: Sequence[str] = KOLOM_KANONIK) -> list[int]:
    """Positions of the columns an import stores (``kanonik`` names and their aliases).

    The template's lookup columns (``nama_wilayah`` … ``nilai_maks``) and unknown columns are
    ignored by the import, so their cells are not checked for formulas, length or controls;
    ``nama_wilayah`` counts when the file has no code column (it is then read as the region).
    """
    punya_kode = any(ALIAS_KOLOM.get(k, k) == "kode_wilayah" for k in kolom)
    return [
        j
        for j, k in enumerate(kolom)
        if (k not in KOLOM_INFORMASI and ALIAS_KOLOM.get(k, k) in kanonik) or (k == "nama_wilayah" and not punya_kode)
    ]


def _angka_isian(**angka: int) -> dict[str, str]:
    """Whole numbers for a message: ``{nama}`` in Indonesian (10.000) and ``{nama}_en`` (10,000)."""
    hasil: dict[str, str] = {}
    for nama, n in angka.items():
        hasil[nama], hasil[f"{nama}_en"] = format_angka(n, 0, "id"), format_angka(n, 0, "en")
    return hasil


def _masalah_sel(tabel: TabelMentah, kanonik: Sequence[str] = KOLOM_KANONIK) -> list[Masalah]:
    """Cells the import would store that are too long or hold control characters, each named.

    Column by column: a column whose texts are all short and clean (one joined search) is passed
    over whole, so a valid file of 100 000 rows costs a few list walks, not a check per cell.
    """
    baris_nilai = tabel.isi_nilai
    nomor_baris = [n for n, _ in baris_nilai] if baris_nilai is not None else [n for n, _ in tabel.baris]
    ditemukan: list[tuple[int, int, Masalah]] = []
    for j in kolom_dibaca(tabel.kolom, kanonik):
        nilai: list[object] = (
            [isi[j] for _, isi in baris_nilai] if baris_nilai is not None else [isi[j].nilai for _, isi in tabel.baris]
        )
        teks = [v for v in nilai if type(v) is str]
        if max(map(len, teks), default=0) <= PANJANG_SEL_MAKS and not ada_kontrol("".join(teks)):
            continue
        huruf, judul = get_column_letter(j + 1), tabel.judul_asli[j]
        for nomor, v in zip(nomor_baris, nilai, strict=True):
            if not isinstance(v, str):
                continue
            if len(v) > PANJANG_SEL_MAKS:
                kode, isi_nilai = "sel_terlalu_panjang", v[:40] + "…"
                isian = _angka_isian(panjang=len(v), maks=PANJANG_SEL_MAKS)
            elif ada_kontrol(v):
                kode, isi_nilai = "sel_kontrol", (v if len(v) <= 80 else v[:80] + "…")
                isian = {"kontrol": ", ".join(daftar_kontrol(v))}
            else:
                continue
            m = Masalah(kode, tabel.berkas, tabel.sheet, nomor, judul, isi_nilai, f"{huruf}{nomor}", isian)
            ditemukan.append((nomor, j, m))
    return [m for _, _, m in sorted(ditemukan, key=lambda d: d[:2])]


def _dekode(data: bytes) -> tuple[str | None, str]:
    """The text of a CSV and the encoding that read it (``utf-16``, ``utf-8-sig`` or ``cp1252``)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None, "utf-16"
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None, ""


def _encoding_campur(data: bytes, berkas: str) -> Masalah | None:
    """A problem when a file that is not UTF-8 as a whole has lines that are (UTF-8 and Windows-1252 mixed).

    Read as Windows-1252, the UTF-8 lines would be stored garbled ("é" as "Ã©"). A line of only
    ASCII says nothing; a line with other bytes is UTF-8 when it decodes as UTF-8 (Windows-1252
    text almost never does: "é" is one byte there, never a UTF-8 sequence on its own).
    """
    utf8: list[int] = []
    cp1252: list[int] = []
    for nomor, baris in enumerate(data.split(b"\n"), start=1):
        if baris.isascii():
            continue
        try:
            baris.decode("utf-8")
        except UnicodeDecodeError:
            cp1252.append(nomor)
        else:
            utf8.append(nomor)
    if not utf8 or not cp1252:
        return None
    isian = {"utf8": ringkas_baris(utf8), "cp1252": ringkas_baris(cp1252)}
    return Masalah("encoding_campur", berkas, isian=isian)


def _teks_csv(data: bytes, berkas: str) -> tuple[str | None, list[Masalah]]:
    """The decoded text of a CSV, or why it cannot be read (encoding, mixed encodings, binary, empty)."""
    teks, encoding = _dekode(data)
    if teks is None:
        return None, [_masalah_berkas("encoding", berkas)]
    if "\x00" in teks:
        return None, [_masalah_berkas("format_tak_dikenal", berkas)]
    campur = _encoding_campur(data, berkas) if encoding == "cp1252" else None
    if campur is not None:
        return None, [campur]
    if not teks.strip():
        return None, [_masalah_berkas("berkas_kosong", berkas)]
    return teks, []


def _pisah_csv(teks: str, dikenal: Container[str] = KOLOM_DIKENAL) -> tuple[list[list[str]], int, bool] | None:
    """Split a CSV with its best separator: (rows, header index, whether a cell spans lines), or None.

    The separator is chosen on the first rows only (where the header must be), then the file is
    parsed once with the best one that parses: 100 000 rows read three times cost a second.
    """
    # No cell can be longer than the text, and the cell-length rule below names a long cell with
    # its row and column; the csv module's own limit (128 KiB) would fail the whole file instead.
    # Raised only, never lowered: the setting is per process and another thread may be reading.
    if csv.field_size_limit() <= len(teks):
        csv.field_size_limit(len(teks) + 1)
    pilihan: list[tuple[int, int, str, int]] = []
    for urut, pemisah in enumerate((",", ";", "\t")):
        pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
        try:
            awal = list(itertools.islice(pembaca, _BARIS_CARI_JUDUL))
        except csv.Error:
            continue
        judul_awal = _cari_judul(awal, dikenal)
        if judul_awal is not None:
            skor = sum(1 for v in awal[judul_awal] if nama_kolom(v) in dikenal)
            pilihan.append((skor, -urut, pemisah, judul_awal))
    for _, _, pemisah, judul_awal in sorted(pilihan, reverse=True):
        pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
        try:
            semua = list(pembaca)
        except csv.Error:
            continue
        return semua, judul_awal, pembaca.line_num != len(semua)
    return None


def _mungkin_bermasalah(teks: str, multi_baris: bool) -> bool:
    """Whether any cell may be too long or hold a control character (a cheap look at the whole text).

    A cell is never longer than its line unless a quoted cell spans lines.
    """
    if ada_kontrol(teks):
        return True
    if len(teks) <= PANJANG_SEL_MAKS:
        return False
    return multi_baris or max(map(len, teks.split("\n"))) > PANJANG_SEL_MAKS


def _baca_csv(data: bytes, berkas: str, susunan: Susunan = SUSUNAN_BAWAAN) -> tuple[TabelMentah | None, list[Masalah]]:
    teks, masalah = _teks_csv(data, berkas)
    if teks is None:
        return None, masalah
    pisah = _pisah_csv(teks, susunan.dikenal)
    if pisah is None:
        return None, [_masalah_berkas("header_tak_ditemukan", berkas, kolom=susunan.contoh)]
    semua, judul, multi_baris = pisah
    judul_asli = [v.strip() for v in semua[judul]]
    while judul_asli and not judul_asli[-1]:
        judul_asli.pop()
    lebar = len(judul_asli)
    teks_baris: list[tuple[int, list[str]]] = []
    # A cell is empty when it strips to nothing (str.strip also removes the no-break spaces that
    # teks_sel turns into spaces), so a row is empty when its joined cells strip to nothing.
    for nomor, isi in enumerate(semua[judul + 1 :], start=judul + 2):
        if len(isi) != lebar:
            if len(isi) > lebar and "".join(isi[lebar:]).strip():
                masalah.append(
                    Masalah(
                        "sel_berlebih",
                        berkas,
                        baris=nomor,
                        isian={"jumlah": str(len(isi)), "kolom": str(lebar)},
                    )
                )
                continue
            isi = (isi + [""] * (lebar - len(isi)))[:lebar]
        if "".join(isi).strip():
            teks_baris.append((nomor, isi))
    tabel = TabelMentah(
        berkas, None, [nama_kolom(v) for v in judul_asli], judul_asli, teks=teks_baris, baris_judul=judul + 1
    )
    if _mungkin_bermasalah(teks, multi_baris):
        masalah += _masalah_sel(tabel, susunan.kanonik)
    return tabel, masalah


_KOLOM_CARI_JUDUL = 1_000  # a header further right than this is no import table


def _isi_sheet(
    buku: BukuXlsx, sheet: str, maks_baris: int | None = None, maks_kolom: int | None = None
) -> tuple[list[list[NilaiSel]], frozenset[str]]:
    """A sheet's values row by row from A1, and the addresses of its percent-formatted numbers.

    At most ``maks_baris`` rows of ``maks_kolom`` cells. Values as openpyxl showed them
    (:mod:`indicators.impor.xlsx_nilai`: Excel's ``_xHHHH_`` escapes of control characters read
    back, so the import sees and refuses them; percentages multiplied by 100).
    """
    return xlsx_nilai.isi_sheet(buku, sheet, maks_baris, maks_kolom)


def _awal_sel(buku: BukuXlsx, sheet: str) -> list[list[Sel]]:
    """The first rows of a sheet as cells, where its header must be (at most the first 1 000 columns)."""
    nilai_baris, persen = _isi_sheet(buku, sheet, _BARIS_CARI_JUDUL, _KOLOM_CARI_JUDUL)
    return [
        [Sel(v, a := f"{get_column_letter(j + 1)}{i}", a in persen) for j, v in enumerate(isi)]
        for i, isi in enumerate(nilai_baris, start=1)
    ]


def periksa_zip(data: bytes, berkas: str, batas: BatasUnggah) -> list[Masalah]:
    """Look at an XLSX's zip directory (nothing is decompressed) and return the reasons to refuse it.

    Refused: macros (``vbaProject.bin``, a macro-enabled content type, Excel 4 macro sheets),
    external links or data connections, more than 10 000 entries, and a total uncompressed size
    over ``batas.isi_zip_maks`` or a ratio over ``batas.rasio_zip_maks`` (zip bomb). Python's
    zipfile never inflates an entry beyond its declared size, so the declared sizes bound what
    openpyxl can read.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as arsip:
            isi = arsip.infolist()
            nama = [i.filename.replace("\\", "/").casefold() for i in isi]
            jenis_isi = ""
            if "[content_types].xml" in nama and len(isi) <= 10_000:
                info = isi[nama.index("[content_types].xml")]
                if info.file_size <= _MB:
                    jenis_isi = arsip.read(info).decode("utf-8", "replace").casefold()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, RuntimeError, NotImplementedError) as exc:
        return [_masalah_berkas("xlsx_rusak", berkas, rincian=type(exc).__name__)]
    masalah: list[Masalah] = []
    total = sum(i.file_size for i in isi)
    if (
        len(isi) > 10_000
        or total > batas.isi_zip_maks
        or (total > _RASIO_MULAI and total > batas.rasio_zip_maks * max(len(data), 1))
    ):
        masalah.append(
            _masalah_berkas(
                "zip_bom",
                berkas,
                rasio=f"{total / max(len(data), 1):.0f}",
                rasio_maks=f"{batas.rasio_zip_maks:.0f}",
                **_ukuran("ukuran", len(data)),
                **_ukuran("isi", total),
                **_ukuran("isi_maks", batas.isi_zip_maks),
            )
        )
    makro = [
        i.filename
        for i, n in zip(isi, nama, strict=True)
        if n.endswith("vbaproject.bin") or n.startswith("xl/macrosheets/")
    ]
    if makro or "macroenabled" in jenis_isi or "vbaproject" in jenis_isi:
        masalah.append(_masalah_berkas("xlsx_makro", berkas, bagian=", ".join(makro[:3]) or "[Content_Types].xml"))
    luar = [i.filename for i, n in zip(isi, nama, strict=True) if n.startswith("xl/externallinks/")]
    luar += [i.filename for i, n in zip(isi, nama, strict=True) if n == "xl/connections.xml"]
    if luar:
        masalah.append(_masalah_berkas("xlsx_tautan_luar", berkas, bagian=", ".join(luar[:3])))
    return masalah


def _masalah_rumus(
    tabel: TabelMentah, data: bytes, baris_judul: int, kanonik: Sequence[str] = KOLOM_KANONIK
) -> list[Masalah]:
    """Formula cells below the header in the columns the import stores, each named with its formula.

    openpyxl (``data_only``) would hand over the result Excel last saved, which may be stale or
    never computed; the checklist import refuses formulas the same way.
    """
    rumus = rumus_sheet(data, tabel.sheet or "")
    kolom = {get_column_letter(j + 1): tabel.judul_asli[j] for j in kolom_dibaca(tabel.kolom, kanonik)}
    hasil: list[tuple[int, int, Masalah]] = []
    for alamat, teks in rumus.items():
        cocok = re.fullmatch(r"([A-Z]{1,3})(\d+)", alamat)
        if cocok is None or cocok.group(1) not in kolom or int(cocok.group(2)) <= baris_judul:
            continue
        huruf, nomor = cocok.group(1), int(cocok.group(2))
        masalah = Masalah("xlsx_rumus", tabel.berkas, tabel.sheet, nomor, kolom[huruf], teks, alamat)
        hasil.append((nomor, len(huruf) * 100 + ord(huruf[-1]), masalah))
    return [m for _, _, m in sorted(hasil, key=lambda h: h[:2])]


_GAGAL_BUKA = (CalamineError, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, ParseError)


def _buka_xlsx(data: bytes, berkas: str) -> BukuXlsx | Masalah:
    """The workbook (cached values, as shown in Excel), or the problem that it cannot be opened."""
    try:
        return xlsx_nilai.buka(data)
    except _GAGAL_BUKA as exc:
        return _masalah_berkas("xlsx_rusak", berkas, rincian=type(exc).__name__)


def _ada_judul(buku: BukuXlsx, sheet: str, dikenal: Container[str]) -> bool:
    """Whether a sheet has a header row (a sheet calamine cannot read, e.g. a chart sheet, has none)."""
    try:
        awal = _awal_sel(buku, sheet)
    except _GAGAL_BUKA:
        return False
    return _cari_judul([[s.nilai for s in r] for r in awal], dikenal) is not None


def _sheet_data(buku: BukuXlsx, dikenal: Container[str] = KOLOM_DIKENAL, *, semua: bool = False) -> list[str]:
    """The sheets that may hold the data: one named Data, or else every visible one with a header.

    With ``semua`` (a template with one sheet per table) every visible sheet with a header counts,
    a sheet named Data among them.
    """
    nama_sheet = list(buku.sheetnames)
    pilihan = [n for n in nama_sheet if n.strip().casefold() == "data"]
    if pilihan and not semua:
        return pilihan
    return [
        n
        for n in nama_sheet
        if n.strip().casefold() not in _SHEET_BANTU and n in buku.terlihat and _ada_judul(buku, n, dikenal)
    ]


def _baca_sheet(
    buku: BukuXlsx, data: bytes, berkas: str, sheet: str, susunan: Susunan
) -> tuple[TabelMentah | None, list[Masalah]]:
    """One sheet of an open workbook into raw cells, with its formula, length and control problems."""
    try:
        return _baca_sheet_terbuka(buku, data, berkas, sheet, susunan)
    except _GAGAL_BUKA as exc:
        return None, [_masalah_berkas("xlsx_rusak", berkas, sheet, rincian=type(exc).__name__)]


def _baca_sheet_terbuka(
    buku: BukuXlsx, data: bytes, berkas: str, sheet: str, susunan: Susunan
) -> tuple[TabelMentah | None, list[Masalah]]:
    awal = _awal_sel(buku, sheet)
    judul = _cari_judul([[s.nilai for s in r] for r in awal], susunan.dikenal)
    if judul is None:
        return None, [_masalah_berkas("header_tak_ditemukan", berkas, sheet, kolom=susunan.contoh)]
    judul_asli = [teks_sel(s) or "" for s in awal[judul]]
    while judul_asli and not judul_asli[-1]:
        judul_asli.pop()
    lebar = len(judul_asli)
    isi, persen = _isi_sheet(buku, sheet, maks_kolom=lebar)
    mentah: list[tuple[int, list[NilaiSel]]] = []
    for nomor, baris in enumerate(isi[judul + 1 :], start=judul + 2):
        # Empty as teks_sel sees it: None, or a text of spaces (str.strip removes no-break spaces).
        if any(v is not None and (type(v) is not str or v.strip()) for v in baris):
            mentah.append((nomor, baris + [None] * (lebar - len(baris)) if len(baris) < lebar else baris))
    tabel = TabelMentah(
        berkas,
        sheet,
        [nama_kolom(v) for v in judul_asli],
        judul_asli,
        baris_judul=judul + 1,
        mentah=mentah,
        persen=persen,
    )
    try:
        masalah = _masalah_rumus(tabel, data, judul + 1, susunan.kanonik)
    except (ValueError, ParseError, zipfile.BadZipFile, OSError) as exc:
        return None, [_masalah_berkas("xlsx_rusak", berkas, sheet, rincian=type(exc).__name__)]
    return tabel, masalah + _masalah_sel(tabel, susunan.kanonik)


def _baca_xlsx(data: bytes, berkas: str) -> tuple[TabelMentah | None, list[Masalah]]:
    buku = _buka_xlsx(data, berkas)
    if isinstance(buku, Masalah):
        return None, [buku]
    pilihan = _sheet_data(buku)
    if len(pilihan) != 1:
        return None, [_masalah_berkas("sheet_tak_ditemukan", berkas, daftar=", ".join(buku.sheetnames) or "–")]
    return _baca_sheet(buku, data, berkas, pilihan[0], SUSUNAN_BAWAAN)


def _masalah_batas(data: bytes, berkas: str, batas: BatasUnggah) -> list[Masalah]:
    """Why a file is refused before any parser sees it: size, emptiness, old .xls, zip, row count."""
    if len(data) > batas.ukuran_maks:
        return [
            _masalah_berkas(
                "terlalu_besar", berkas, **_ukuran("ukuran", len(data)), **_ukuran("maks", batas.ukuran_maks)
            )
        ]
    if not data or not data.strip():
        return [_masalah_berkas("berkas_kosong", berkas)]
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return [_masalah_berkas("xls_lama", berkas)]
    if data.startswith(b"PK\x03\x04"):
        # The zip directory first, then the sheets' declared and streamed size: nothing is parsed
        # until both say the file is safe and small enough to open.
        return periksa_zip(data, berkas, batas) or masalah_ukuran_xlsx(data, berkas, batas.baris_maks)
    if data.count(b"\n") > batas.baris_maks + _BARIS_CARI_JUDUL + 1:
        jumlah = str(data.count(b"\n"))
        return [_masalah_berkas("terlalu_banyak_baris", berkas, jumlah=jumlah, maks=str(batas.baris_maks))]
    return []


def _masalah_jumlah_baris(berkas: str, sheet: str | None, jumlah: int, batas: BatasUnggah) -> list[Masalah]:
    if jumlah <= batas.baris_maks:
        return []
    return [_masalah_berkas("terlalu_banyak_baris", berkas, sheet, jumlah=str(jumlah), maks=str(batas.baris_maks))]


def baca_tabel(data: bytes, berkas: str, batas: BatasUnggah | None = None) -> tuple[TabelMentah | None, list[Masalah]]:
    """Read an XLSX or CSV file (told apart by content, not by name) into raw cells.

    The upload limits (``batas``; default :func:`batas_bawaan`) are checked first: an oversized
    file, a macro or externally linked workbook, a zip bomb or too many rows is refused whole.
    Returns the table (None when the file cannot be read at all) and the problems found.
    """
    batas = batas or batas_bawaan()
    ditolak = _masalah_batas(data, berkas, batas)
    if ditolak:
        return None, ditolak
    if data.startswith(b"PK\x03\x04"):
        tabel, masalah = _baca_xlsx(data, berkas)
    else:
        tabel, masalah = _baca_csv(data, berkas)
    if tabel is not None and (terlalu := _masalah_jumlah_baris(berkas, tabel.sheet, tabel.jumlah_baris, batas)):
        return None, terlalu
    return tabel, masalah


def baca_semua_sheet(
    data: bytes, berkas: str, susunan: Susunan, batas: BatasUnggah | None = None
) -> tuple[list[TabelMentah], list[Masalah]]:
    """Read a CSV, or every data sheet of an XLSX (one sheet per table), laid out as ``susunan``.

    The same limits and cell checks as :func:`baca_tabel`; the row cap counts the rows of all
    sheets together. A workbook's helper sheets (``Petunjuk``, ``Daftar``), hidden sheets and
    sheets without a header are left out; a workbook without any data sheet is a problem.
    Returns the tables read (empty when the file cannot be read at all) and the problems found.
    """
    batas = batas or batas_bawaan()
    ditolak = _masalah_batas(data, berkas, batas)
    if ditolak:
        return [], ditolak
    if not data.startswith(b"PK\x03\x04"):
        tabel, masalah = _baca_csv(data, berkas, susunan)
        if tabel is None:
            return [], masalah
        terlalu = _masalah_jumlah_baris(berkas, None, tabel.jumlah_baris, batas)
        return ([], terlalu) if terlalu else ([tabel], masalah)
    buku = _buka_xlsx(data, berkas)
    if isinstance(buku, Masalah):
        return [], [buku]
    pilihan = _sheet_data(buku, susunan.dikenal, semua=True)
    if not pilihan:
        return [], [_masalah_berkas("sheet_tak_ditemukan", berkas, daftar=", ".join(buku.sheetnames) or "–")]
    hasil: list[TabelMentah] = []
    masalah = []
    for sheet in pilihan:
        tabel, masalah_sheet = _baca_sheet(buku, data, berkas, sheet, susunan)
        masalah += masalah_sheet
        if tabel is not None:
            hasil.append(tabel)
    terlalu = _masalah_jumlah_baris(berkas, None, sum(t.jumlah_baris for t in hasil), batas)
    return ([], terlalu) if terlalu else (hasil, masalah)


def ringkas_baris(nomor: Iterable[int], batas: int = 10) -> str:
    """Return row numbers as a short list: ``2, 3, 7 … (+12)``."""
    daftar = list(nomor)
    teks = ", ".join(str(n) for n in daftar[:batas])
    return teks + (f" … (+{len(daftar) - batas})" if len(daftar) > batas else "")
