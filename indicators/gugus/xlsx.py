"""The checklist as XLSX: one sheet per OPD to send as a request-letter attachment, and back.

**Export** (:func:`tulis_xlsx`): every sheet is one OPD's items, most important first, with a
title, the region, the date made (Indonesian format) and the assumption behind the points at
stake; a synthetic reference score is labelled so. Text that starts like a formula (``= + - @``,
tab, CR) is written as a plain string cell with an apostrophe and Excel's quote prefix, so no
formula can run (:func:`aman`; the import takes exactly that apostrophe off again, :func:`pulihkan`).
What XLSX cannot hold (control characters) is left out, so an export never fails on a pasted note.
Every item row carries its **Versi** stamp, ``<version>-<fingerprint>``: the item version the row
was exported at and a fingerprint of each editable field as exported.

**Import** (:func:`baca_xlsx`): the same file, edited (status, due date, OPD, note, reference),
is read back with the import rules of :mod:`indicators.impor.terapkan`: the upload limits and zip checks
first, then every problem at once, each naming file, sheet, row, column, bad value and what is
expected, Indonesian first. Nothing is returned to write unless every row is valid. A row whose
fields still match their fingerprint was not edited and is left out (so it cannot undo a newer
change made meanwhile); an edited row sets only its edited fields, carries its version, and the
write refuses the whole file when any edited row's item changed since
(:class:`indicators.gugus.simpan.KonflikError`): all or nothing, like every other problem of the
file. Control characters in a cell (Excel's ``_x000B_`` escapes too) are cleaned as on the page and
reported as notes.

**Custom items** (butir tambahan, :mod:`indicators.gugus.tambahan`) travel like the catalogue's:
exported on their OPD's sheet with ``ya`` in the *Butir tambahan* column, read back when the
region has them active (:func:`kunci_tambahan`); a deleted one is an unknown item.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.comments import Comment  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped, unused-ignore]

from indicators.akun.pengguna import Pengguna, dalam_lingkup, label_lingkup
from indicators.format import format_angka, format_tanggal
from indicators.gugus.simpan import KOLOM_BUTIR_UBAH, UbahButir, baca_tambahan
from indicators.gugus.tugas import STATUS, STATUS_LABEL, Status, kosong, normalkan_teks, status_dari_teks
from indicators.impor.baca import batas_bawaan, periksa_zip
from indicators.impor.batas import masalah_ukuran_xlsx
from indicators.impor.masalah import Masalah
from indicators.katalog.data_dukung import KatalogDataDukung
from indicators.teks import t

AWALAN_BERBAHAYA = ("=", "+", "-", "@", "\t", "\r")
PANJANG_TEKS_MAKS = 1000
# Header of the item table, in sheet order; the import finds columns by these names.
K_NO, K_INDIKATOR, K_NAMA_IND, K_BUTIR, K_NAMA_BUTIR = "No", "Indikator", "Nama indikator", "Kode butir", "Butir"
K_STATUS, K_TENGGAT, K_CATATAN, K_REFERENSI = "Status", "Tenggat", "Catatan", "Referensi"
K_POIN, K_OPD, K_VERSI, K_TAMBAHAN = "Poin dipertaruhkan", "OPD", "Versi", "Butir tambahan"
JUDUL_KOLOM: tuple[str, ...] = (K_NO, K_INDIKATOR, K_NAMA_IND, K_BUTIR, K_NAMA_BUTIR, K_STATUS, K_TENGGAT)
JUDUL_KOLOM += (K_CATATAN, K_REFERENSI, K_POIN, K_OPD, K_VERSI, K_TAMBAHAN)
TANDA_TAMBAHAN = "ya"  # the Butir tambahan cell of a region's custom item (read-only, like the names)
KOLOM_WAJIB = (K_INDIKATOR, K_BUTIR, K_STATUS)
LABEL_KODE_WILAYAH = "Kode wilayah"
_LEBAR = {K_NO: 5, K_INDIKATOR: 11, K_NAMA_IND: 26, K_BUTIR: 22, K_NAMA_BUTIR: 55, K_STATUS: 14, K_TENGGAT: 12}
_LEBAR |= {K_CATATAN: 30, K_REFERENSI: 30, K_POIN: 12, K_OPD: 26, K_VERSI: 18, K_TAMBAHAN: 10}
# "3-<30 hex>": the item version, then the fingerprint of the row's five editable fields as exported
# (:func:`sidik_baris`). A bare "3" is a version without fingerprint: the row then sets every field.
_HEX_KOLOM = 6
_POLA_VERSI = re.compile(rf"(\d{{1,9}})(?:-([0-9a-f]{{{_HEX_KOLOM * 5}}}))?")
# Excel writes a control character in a cell as _xHHHH_ (openpyxl leaves it so): read it back.
_ESCAPE_OOXML = re.compile(r"_x(00[01][0-9A-Fa-f])_")


@dataclass
class HasilChecklist:
    """A read checklist file: the region, the edited rows as item changes, and every problem.

    ``perubahan`` holds one full item state per *edited* row, with the version it was exported
    at; ``baris`` counts every item row read (edited or not); ``lokasi`` gives each item's sheet
    and row, for messages; ``catatan`` are notes that do not stop the import (control characters
    cleaned). ``perubahan`` is empty whenever ``masalah`` is not: nothing may be written from a bad file.
    """

    berkas: str
    kode_wilayah: str | None
    perubahan: list[UbahButir] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    baris: int = 0
    lokasi: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    catatan: list[Masalah] = field(default_factory=list)

    @property
    def sah(self) -> bool:
        """True when the file has no problem."""
        return not self.masalah


# --- export ----------------------------------------------------------------------------------


def _diberi_apostrof(teks: str) -> bool:
    """Whether ``teks`` reads as an apostrophe that :func:`aman` added (before ``= + - @``, tab, CR or ``'``)."""
    return teks.startswith("'") and teks[1:].startswith((*AWALAN_BERBAHAYA, "'"))


def aman(teks: str) -> str:
    """Neutralise formula-looking text with a leading apostrophe (undone exactly by :func:`pulihkan`).

    A text that already looks like one that was given an apostrophe (``'=x``, ``''x``) gets one
    too, so the import can always tell the added apostrophe from the user's own: ``'=x`` is
    written ``''=x`` and read back ``'=x``. No other text is changed.
    """
    return "'" + teks if teks.startswith(AWALAN_BERBAHAYA) or _diberi_apostrof(teks) else teks


def pulihkan(teks: str) -> str:
    """Undo :func:`aman`: drop the apostrophe it added, and only that one (``pulihkan(aman(x)) == x``)."""
    return teks[1:] if _diberi_apostrof(teks) else teks


def _tulis(ws: Any, baris: int, kolom: int, nilai: object) -> Any:
    sel = ws.cell(row=baris, column=kolom)
    if isinstance(nilai, str):
        # What XLSX cannot hold (a vertical tab pasted from Word) would make openpyxl refuse the file.
        teks = normalkan_teks(nilai)[0]
        sel.value = aman(teks)
        sel.data_type = "s"  # never a formula, whatever the text
        if sel.value != teks:
            sel.quotePrefix = True
    else:
        sel.value = nilai
    return sel


def nama_sheet(opd: str, terpakai: set[str]) -> str:
    """A valid, unique sheet name for an OPD (Excel: 31 characters at most; no brackets, colon, ``*?/``, backslash)."""
    dasar = re.sub(r"[\[\]:*?/\\]", "-", normalkan_teks(opd)[0].replace("\n", " ")).strip("' ") or "OPD"
    nama = dasar[:31]
    n = 2
    while nama.casefold() in terpakai:
        akhiran = f" ({n})"
        nama = dasar[: 31 - len(akhiran)] + akhiran
        n += 1
    terpakai.add(nama.casefold())
    return nama


def _peran_kontak(opd: pd.DataFrame) -> dict[str, set[str]]:
    """Each OPD's contact roles (an OPD may hold several across indicators)."""
    peran: dict[str, set[str]] = {}
    for o, p in zip(opd["opd"], opd["peran_kontak"], strict=True):
        peran.setdefault(str(o), set()).add(str(p))
    return peran


def _kepala_sheet(
    nama_opd: str,
    milik: pd.DataFrame,
    peran: set[str],
    *,
    nama_wilayah: str,
    kode_wilayah: str,
    dibuat: dt.date,
    urutan: str,
) -> list[tuple[str, str]]:
    """The label/value rows above an OPD's table: region, OPD, contacts, date, points at stake, order."""
    return [
        ("Wilayah", nama_wilayah),
        (LABEL_KODE_WILAYAH, kode_wilayah),
        ("OPD", nama_opd),
        ("Peran kontak", "; ".join(sorted(peran)) or "-"),
        ("Tanggal dibuat", format_tanggal(dibuat, "id")),
        (
            "Poin dipertaruhkan",
            f"{format_angka(float(milik['poin_dipertaruhkan'].sum()), 2)} poin: bagian sama dari nilai maksimum "
            "indikator untuk setiap butir yang belum lengkap. Nilai maksimum adalah alokasi bawaan proyek "
            "(asumsi; nilai maksimum resmi tidak dipublikasikan).",
        ),
        ("Urutan", urutan),
    ]


def _isi_baris(n: int, r: Any, nama_indikator: Mapping[str, str]) -> list[object]:
    """One item as the cells of a table row, in ``JUDUL_KOLOM`` order."""
    return [
        n,
        r.indikator,
        nama_indikator.get(str(r.indikator), ""),
        r.butir,
        r.nama,
        STATUS_LABEL[str(r.status)][0],
        None if kosong(r.tenggat) else r.tenggat,  # NaT is a date to isinstance, so ask kosong
        r.catatan if isinstance(r.catatan, str) else None,
        r.referensi if isinstance(r.referensi, str) else None,
        round(float(r.poin_dipertaruhkan), 2),
        str(r.opd),
        None,  # Versi: stamped once the row is written (:func:`_cap_versi`)
        TANDA_TAMBAHAN if bool(getattr(r, "tambahan", False)) else None,
    ]


def _isi_terbaca(nilai: Mapping[str, object]) -> dict[str, str]:
    """A row's editable fields as the import reads them (``KOLOM_BUTIR_UBAH``), empty as ``""``."""
    status_teks = _teks_sel(nilai.get(K_STATUS))
    status = (status_dari_teks(status_teks) if status_teks is not None else None) or status_teks
    try:
        tenggat = _urai_tanggal(nilai[K_TENGGAT]) if _teks_sel(nilai.get(K_TENGGAT)) is not None else None
    except ValueError:  # a date-shaped text that is no date: reported elsewhere
        tenggat = None
    return {
        "status": status or "",
        "opd": _teks_sel(nilai.get(K_OPD)) or "",
        "tenggat": tenggat.isoformat() if tenggat else "",
        "catatan": _teks_sel(nilai.get(K_CATATAN)) or "",
        "referensi": _teks_sel(nilai.get(K_REFERENSI)) or "",
    }


def sidik_baris(nilai: Mapping[str, object]) -> str:
    """The fingerprint of a row's editable fields as read: 6 hex digits per field, in ``KOLOM_BUTIR_UBAH`` order.

    One part per field, so the import knows which fields were edited and writes only those.
    """
    isi = _isi_terbaca(nilai)
    return "".join(hashlib.sha256(isi[k].encode("utf-8")).hexdigest()[:_HEX_KOLOM] for k in KOLOM_BUTIR_UBAH)


def _kolom_diubah(sidik: str | None, nilai: Mapping[str, object]) -> frozenset[str] | None:
    """The fields edited since export (their part of the fingerprint differs); None without a fingerprint."""
    if sidik is None:
        return None  # a bare version: the row is the item's whole state
    kini, n = sidik_baris(nilai), _HEX_KOLOM
    bagian = [(sidik[i * n : (i + 1) * n], kini[i * n : (i + 1) * n]) for i in range(len(KOLOM_BUTIR_UBAH))]
    return frozenset(k for k, (lama, baru) in zip(KOLOM_BUTIR_UBAH, bagian, strict=True) if lama != baru)


def _cap_versi(ws: Any, baris: int, versi: int) -> None:
    """Write the row's Versi stamp from the cells as written, so the import computes the same fingerprint."""
    nilai = {judul: ws.cell(row=baris, column=k).value for k, judul in enumerate(JUDUL_KOLOM, start=1)}
    sel = _tulis(ws, baris, JUDUL_KOLOM.index(K_VERSI) + 1, f"{versi}-{sidik_baris(nilai)}")
    sel.number_format = "@"


def _tulis_tabel(ws: Any, baris_judul: int, milik: pd.DataFrame, nama_indikator: Mapping[str, str]) -> None:
    """The item table: header at ``baris_judul``, one row per item, a status drop-down, frozen header."""
    tebal = Font(bold=True)
    isi_judul = PatternFill("solid", fgColor="DDEBF7")
    for k, judul in enumerate(JUDUL_KOLOM, start=1):
        sel = _tulis(ws, baris_judul, k, judul)
        sel.font = tebal
        sel.fill = isi_judul
        ws.column_dimensions[get_column_letter(k)].width = _LEBAR[judul]
        if judul == K_VERSI:
            sel.comment = Comment(t("gt_xlsx_versi_bantuan", "id"), "Dasbor KLA")
    for n, r in enumerate(milik.itertuples(index=False), start=1):
        for k, v in enumerate(_isi_baris(n, r, nama_indikator), start=1):
            sel = _tulis(ws, baris_judul + n, k, v)
            if JUDUL_KOLOM[k - 1] == K_TENGGAT:
                sel.number_format = "DD/MM/YYYY"
            elif JUDUL_KOLOM[k - 1] == K_POIN:
                sel.number_format = "#,##0.00"
            sel.alignment = Alignment(wrap_text=True, vertical="top")
        _cap_versi(ws, baris_judul + n, int(getattr(r, "versi", 0) or 0))
    if len(milik):
        kolom_status = get_column_letter(JUDUL_KOLOM.index(K_STATUS) + 1)
        status_dv = '"' + ",".join(STATUS_LABEL[s][0] for s in STATUS) + '"'
        dv = DataValidation(type="list", formula1=status_dv, allow_blank=False)
        dv.add(f"{kolom_status}{baris_judul + 1}:{kolom_status}{baris_judul + len(milik)}")
        ws.add_data_validation(dv)
    ws.freeze_panes = ws.cell(row=baris_judul + 1, column=1)


def tulis_xlsx(
    butir: pd.DataFrame,
    opd: pd.DataFrame,
    *,
    kode_wilayah: str,
    nama_wilayah: str,
    dibuat: dt.date,
    nama_indikator: Mapping[str, str],
    catatan_acuan: str,
    sintetis: bool,
) -> bytes:
    """Write the readiness table, one sheet per OPD (in the order of ``butir``'s priority).

    ``butir`` is :func:`indicators.gugus_tugas.tambah_prioritas`'s result; ``opd`` the effective
    OPD list (:func:`indicators.gugus_tugas.opd_efektif`) for the contact roles;
    ``nama_indikator`` maps an indicator id to its short label; ``catatan_acuan`` says which
    score the priority comes from. ``sintetis`` labels a synthetic reference score.
    """
    wb = Workbook()
    wb.remove(wb.active)
    peran = _peran_kontak(opd)
    terpakai: set[str] = set()
    urutan = catatan_acuan + (" Skor acuan adalah data contoh (sintetis)." if sintetis else "")
    for nama_opd in dict.fromkeys(butir["opd"]):
        milik = butir[butir["opd"] == nama_opd]
        ws = wb.create_sheet(nama_sheet(str(nama_opd), terpakai))
        _tulis(ws, 1, 1, f"Daftar data dukung evaluasi KLA — {nama_opd}").font = Font(bold=True, size=14)
        kepala = _kepala_sheet(
            str(nama_opd),
            milik,
            peran.get(str(nama_opd), set()),
            nama_wilayah=nama_wilayah,
            kode_wilayah=kode_wilayah,
            dibuat=dibuat,
            urutan=urutan,
        )
        for i, (label, nilai) in enumerate(kepala, start=2):
            _tulis(ws, i, 1, label).font = Font(bold=True)
            _tulis(ws, i, 2, nilai)
        # One empty row between the label block and the table.
        _tulis_tabel(ws, len(kepala) + 3, milik, nama_indikator)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- import ----------------------------------------------------------------------------------


def _teks_sel_bersih(nilai: object) -> tuple[str | None, int, bool]:
    """A cell as text: export apostrophe undone, controls cleaned, trimmed; None when empty.

    Also returns how many control characters were removed and whether the cleaning changed
    anything (a vertical tab made a line break), for the note to the user.
    """
    if nilai is None:
        return None, 0, False
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    mentah = pulihkan(_ESCAPE_OOXML.sub(lambda m: chr(int(m.group(1), 16)), str(nilai)))
    teks, dihapus = normalkan_teks(mentah)
    return teks.strip() or None, dihapus, teks != mentah


def _teks_sel(nilai: object) -> str | None:
    return _teks_sel_bersih(nilai)[0]


def _urai_tanggal(nilai: object) -> dt.date | None:
    """A due date from a cell: a date cell, ``2025-06-30`` or ``30/06/2025`` (also ``30-06-2025``)."""
    if isinstance(nilai, dt.datetime):
        return nilai.date()
    if isinstance(nilai, dt.date):
        return nilai
    teks = str(nilai).strip()
    cocok = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", teks)
    if cocok:
        return dt.date(int(cocok.group(3)), int(cocok.group(2)), int(cocok.group(1)))
    return dt.date.fromisoformat(teks[:10]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}( .*)?", teks) else None


def _cari_sel_label(ws: Any, label: str, sampai: int) -> tuple[int, object] | None:
    for baris in range(1, sampai):
        if str(ws.cell(row=baris, column=1).value or "").strip().casefold() == label.casefold():
            return baris, ws.cell(row=baris, column=2).value
    return None


def _cari_judul(ws: Any) -> tuple[int, dict[str, int]] | None:
    for baris in range(1, min(ws.max_row, 30) + 1):
        nilai = [str(ws.cell(row=baris, column=k).value or "").strip() for k in range(1, ws.max_column + 1)]
        if K_INDIKATOR in nilai and K_BUTIR in nilai:
            return baris, {v: k for k, v in enumerate(nilai, start=1) if v}
    return None


class _Pembaca:
    """Collects the problems of one file while reading it."""

    def __init__(self, berkas: str) -> None:
        self.berkas = berkas
        self.masalah: list[Masalah] = []
        self.catatan: list[Masalah] = []  # notes that do not stop the import

    def tambah(
        self, kode: str, sheet: str | None, baris: int | None, kol: str | None, nilai: object, **isian: str
    ) -> None:
        """Record one problem at a sheet, row and column, with the bad value."""
        teks = None if nilai is None else str(nilai)
        self.masalah.append(Masalah(kode, self.berkas, sheet, baris, kol, teks, isian=isian))


def _buka_berkas(data: bytes, berkas: str, baca: _Pembaca) -> Any | HasilChecklist:
    """The workbook, or the rejection of the whole file (too big, not XLSX, unsafe zip, damaged)."""
    batas = batas_bawaan()
    if len(data) > batas.ukuran_maks:
        mb = {"ukuran": f"{len(data) / 2**20:.0f} MB", "maks": f"{batas.ukuran_maks / 2**20:.0f} MB"}
        return HasilChecklist(berkas, None, masalah=[Masalah("terlalu_besar", berkas, isian=mb)])
    if not data.startswith(b"PK"):
        baca.tambah("ck_bukan_xlsx", None, None, None, None)
        return HasilChecklist(berkas, None, masalah=baca.masalah)
    # The sheets' declared and streamed size too, before openpyxl builds every cell in memory.
    zip_masalah = periksa_zip(data, berkas, batas) or masalah_ukuran_xlsx(data, berkas, batas.baris_maks)
    if zip_masalah:
        return HasilChecklist(berkas, None, masalah=zip_masalah)
    try:
        return load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        baca.masalah.append(Masalah("xlsx_rusak", berkas, isian={"rincian": type(exc).__name__}))
        return HasilChecklist(berkas, None, masalah=baca.masalah)


@dataclass
class _WilayahBerkas:
    """The region of a file: set by its first sheet with a valid code; every other sheet must match."""

    kabkota: Mapping[str, str]
    pengguna: Pengguna | None
    kode: str | None = None
    sheet_awal: str = ""

    def periksa(self, ws: Any, baris_judul: int, baca: _Pembaca) -> None:
        """Check the sheet's region code (above its table) against the known regions, scope and first sheet."""
        label = _cari_sel_label(ws, LABEL_KODE_WILAYAH, baris_judul)
        kode_sheet = _teks_sel(label[1]) if label else None
        baris_kode = label[0] if label else None
        if kode_sheet is None:
            baca.tambah("ck_wilayah_kosong", ws.title, baris_kode, LABEL_KODE_WILAYAH, None)
        elif kode_sheet not in self.kabkota:
            baca.tambah("ck_wilayah_tak_dikenal", ws.title, baris_kode, LABEL_KODE_WILAYAH, kode_sheet)
        elif self.kode is None:
            self.kode, self.sheet_awal = kode_sheet, ws.title
            if self.pengguna is not None and not dalam_lingkup(self.pengguna, kode_sheet):
                baca.tambah(
                    "ck_luar_lingkup",
                    ws.title,
                    baris_kode,
                    LABEL_KODE_WILAYAH,
                    f"{kode_sheet} {self.kabkota[kode_sheet]}",
                    pengguna=self.pengguna.nama,
                    lingkup=label_lingkup(self.pengguna, dict(self.kabkota)),
                )
        elif kode_sheet != self.kode:
            baca.tambah(
                "ck_wilayah_beda",
                ws.title,
                baris_kode,
                LABEL_KODE_WILAYAH,
                kode_sheet,
                sheet_awal=self.sheet_awal,
                kode_awal=self.kode,
            )


def _judul_sheet(ws: Any, baca: _Pembaca) -> tuple[int, dict[str, int]] | None:
    """The sheet's header row and column positions, or None (problem recorded) without a usable table."""
    judul = _cari_judul(ws)
    if judul is None:
        baca.tambah("ck_tanpa_tabel", ws.title, None, None, None, kolom=", ".join(JUDUL_KOLOM))
        return None
    baris_judul, kolom = judul
    hilang = [k for k in KOLOM_WAJIB if k not in kolom]
    for k in hilang:
        baca.tambah("ck_kolom_hilang", ws.title, baris_judul, k, None, kolom=", ".join(KOLOM_WAJIB))
    if K_VERSI not in kolom:
        # Without the version an edited row could silently undo a change made after the export.
        baca.tambah("ck_tanpa_versi", ws.title, baris_judul, K_VERSI, None)
        return None
    return None if hilang else judul


def baca_xlsx(
    data: bytes,
    berkas: str,
    dd: KatalogDataDukung,
    kabkota: Mapping[str, str],
    pengguna: Pengguna | None = None,
    tambahan: Callable[[str], Collection[tuple[str, str]]] | None = None,
) -> HasilChecklist:
    """Read an edited checklist file and check every row; return the item states or every problem.

    ``kabkota`` maps every known kab/kota code to its name. With ``pengguna`` a region outside
    the account's scope rejects the whole file. ``tambahan`` gives a region's active custom items
    as ``(indicator, item)`` (:func:`kunci_tambahan`): their rows are read like the catalogue's;
    without it, or for a deleted custom item, such a row is an unknown item. Rows are the full
    state of their item (status, OPD, due date, note, reference); an empty OPD cell means the
    default owner. Only edited
    rows (fields no longer matching the row's Versi fingerprint) become changes, each setting its
    edited fields, with the version it was exported at.
    """
    baca = _Pembaca(berkas)
    wb = _buka_berkas(data, berkas, baca)
    if isinstance(wb, HasilChecklist):
        return wb
    wilayah = _WilayahBerkas(kabkota, pengguna)
    lihat: dict[tuple[str, str], tuple[str, int]] = {}
    perubahan: list[UbahButir] = []
    dikenal: dict[str, frozenset[tuple[str, str]]] = {}
    for ws in wb.worksheets:
        judul = _judul_sheet(ws, baca)
        if judul is None:
            continue
        baris_judul, kolom = judul
        wilayah.periksa(ws, baris_judul, baca)
        if wilayah.kode is not None and tambahan is not None and wilayah.kode not in dikenal:
            dikenal[wilayah.kode] = frozenset(tambahan(wilayah.kode))
        butir_wilayah = dikenal.get(wilayah.kode or "", frozenset())
        for b in range(baris_judul + 1, ws.max_row + 1):
            baris = _baca_baris(ws, b, kolom, _Butir(dd, butir_wilayah), baca, lihat)
            if baris is not None and baris[1]:  # only edited rows become changes
                perubahan.append(baris[0])
    if not baca.masalah and not lihat:
        baca.tambah("ck_tanpa_baris", None, None, None, None, kolom=", ".join(KOLOM_WAJIB))
    if baca.masalah:
        return HasilChecklist(berkas, wilayah.kode, masalah=baca.masalah, baris=len(lihat), lokasi=lihat)
    return HasilChecklist(
        berkas, wilayah.kode, perubahan=perubahan, baris=len(lihat), lokasi=lihat, catatan=baca.catatan
    )


@dataclass(frozen=True)
class _Butir:
    """The items a file may name: the catalogue's, and the region's active custom items."""

    dd: KatalogDataDukung
    tambahan: frozenset[tuple[str, str]]

    def ada(self, indikator: str, kode: str) -> bool:
        """Whether ``indikator``/``kode`` is an item of the region."""
        return self.dd.butir(indikator, kode) is not None or (indikator, kode) in self.tambahan

    def daftar(self, indikator: str) -> list[str]:
        """The item codes of an indicator, catalogue first."""
        return [x.kode for x in self.dd.per_indikator[indikator]] + sorted(
            k for i, k in self.tambahan if i == indikator
        )


def _periksa_butir(
    ws: Any,
    b: int,
    indikator: str | None,
    kode_butir: str | None,
    butir: _Butir,
    baca: _Pembaca,
    lihat: dict[tuple[str, str], tuple[str, int]],
) -> None:
    """Check the row's indicator and item code: known, an item of the region, and not already in the file."""
    dd = butir.dd
    if indikator is None:
        baca.tambah(
            "ck_sel_kosong", ws.title, b, K_INDIKATOR, None, harapan_id="id indikator", harapan_en="indicator id"
        )
    elif indikator not in dd.per_indikator:
        baca.tambah("ck_indikator_tak_dikenal", ws.title, b, K_INDIKATOR, indikator, skema=dd.skema)
    elif kode_butir is None:
        baca.tambah("ck_sel_kosong", ws.title, b, K_BUTIR, None, harapan_id="kode butir", harapan_en="item code")
    elif not butir.ada(indikator, kode_butir):
        daftar = ", ".join(butir.daftar(indikator))
        baca.tambah("ck_butir_tak_dikenal", ws.title, b, K_BUTIR, kode_butir, indikator=indikator, daftar=daftar)
    elif (indikator, kode_butir) in lihat:
        sheet_awal, baris_awal = lihat[(indikator, kode_butir)]
        baca.tambah(
            "ck_ganda",
            ws.title,
            b,
            K_BUTIR,
            kode_butir,
            kunci=f"{indikator}/{kode_butir}",
            sheet_awal=sheet_awal,
            baris_awal=str(baris_awal),
        )
    else:
        lihat[(indikator, kode_butir)] = (ws.title, b)


def _periksa_status(
    ws: Any, b: int, sel: Mapping[str, Any], nilai: Mapping[str, object], baca: _Pembaca
) -> Status | None:
    """The row's status from its label or code; None (problem recorded unless a formula) when empty or unknown."""
    status_teks = _teks_sel(nilai.get(K_STATUS))
    status = status_dari_teks(status_teks) if status_teks is not None else None
    # A formula cell was already reported as one: not again as empty.
    if status_teks is None and sel.get(K_STATUS) is not None and sel[K_STATUS].data_type != "f":
        baca.tambah(
            "ck_sel_kosong",
            ws.title,
            b,
            K_STATUS,
            None,
            harapan_id="belum, dalam proses, lengkap atau diverifikasi",
            harapan_en="belum, dalam proses, lengkap or diverifikasi",
        )
    elif status_teks is not None and status is None:
        baca.tambah("ck_status_tak_dikenal", ws.title, b, K_STATUS, status_teks)
    return status


def _periksa_tenggat(ws: Any, b: int, mentah: object, baca: _Pembaca) -> dt.date | None:
    """The row's due date, None when empty or not a date (then a problem is recorded)."""
    if mentah is None or _teks_sel(mentah) is None:
        return None
    try:
        tenggat = _urai_tanggal(mentah)
    except ValueError:  # a date-shaped text that is no date, e.g. 31/02/2025
        tenggat = None
    if tenggat is None:
        baca.tambah("ck_tanggal_tak_sah", ws.title, b, K_TENGGAT, _teks_sel(mentah))
    return tenggat


def _periksa_teks(ws: Any, b: int, nilai: Mapping[str, object], baca: _Pembaca) -> dict[str, str | None]:
    """The row's note, reference and OPD, each at most ``PANJANG_TEKS_MAKS`` characters."""
    teks: dict[str, str | None] = {}
    for k in (K_CATATAN, K_REFERENSI, K_OPD):
        teks[k], dihapus, dibersihkan = _teks_sel_bersih(nilai.get(k))
        isi = teks[k]
        if dibersihkan:
            baca.catatan.append(Masalah("ck_kendali", baca.berkas, ws.title, b, k, isian={"n": str(dihapus)}))
        if isi is not None and len(isi) > PANJANG_TEKS_MAKS:
            baca.tambah(
                "ck_terlalu_panjang",
                ws.title,
                b,
                k,
                isi[:40] + "…",
                panjang=str(len(isi)),
                maks=str(PANJANG_TEKS_MAKS),
            )
    return teks


def _baca_baris(
    ws: Any,
    b: int,
    kolom: Mapping[str, int],
    butir: _Butir,
    baca: _Pembaca,
    lihat: dict[tuple[str, str], tuple[str, int]],
) -> tuple[UbahButir, bool] | None:
    """Check one row; return its item state and whether it was edited, or None (empty, or with problems)."""
    sel = {k: ws.cell(row=b, column=i) for k, i in kolom.items() if k in JUDUL_KOLOM}
    sebelum = len(baca.masalah)
    for k, s in sel.items():
        if s.data_type == "f":
            baca.tambah("ck_rumus", ws.title, b, k, s.value)
    # A formula's text is never read as a value: it was reported above.
    nilai = {k: (None if s.data_type == "f" else s.value) for k, s in sel.items()}
    indikator, kode_butir = _teks_sel(nilai.get(K_INDIKATOR)), _teks_sel(nilai.get(K_BUTIR))
    if indikator is None and kode_butir is None and _teks_sel(nilai.get(K_STATUS)) is None:
        return None  # an empty row (e.g. below the table)
    _periksa_butir(ws, b, indikator, kode_butir, butir, baca, lihat)
    status = _periksa_status(ws, b, sel, nilai, baca)
    tenggat = _periksa_tenggat(ws, b, nilai.get(K_TENGGAT), baca)
    teks = _periksa_teks(ws, b, nilai, baca)
    versi = _periksa_versi(ws, b, nilai.get(K_VERSI), baca)
    if len(baca.masalah) > sebelum or indikator is None or kode_butir is None or status is None or versi is None:
        return None
    kolom_diubah = _kolom_diubah(versi[1], nilai)
    ubah = UbahButir(
        indikator=indikator,
        butir=kode_butir,
        status=status,
        opd=teks[K_OPD],
        tenggat=tenggat,
        catatan=teks[K_CATATAN],
        referensi=teks[K_REFERENSI],
        versi=versi[0],
        kolom=kolom_diubah,
    )
    return ubah, kolom_diubah is None or bool(kolom_diubah)


def _periksa_versi(ws: Any, b: int, mentah: object, baca: _Pembaca) -> tuple[int, str | None] | None:
    """The row's Versi stamp as (version, fingerprint or None); None (problem recorded) when not one."""
    if isinstance(mentah, int | float) and not isinstance(mentah, bool) and float(mentah).is_integer() and mentah >= 0:
        return int(mentah), None  # a bare version typed as a number
    teks = _teks_sel(mentah)
    cocok = _POLA_VERSI.fullmatch(teks or "")
    if cocok is None:
        baca.tambah("ck_versi_tak_sah", ws.title, b, K_VERSI, teks)
        return None
    return int(cocok.group(1)), cocok.group(2)


def kunci_tambahan(path: Path, kode_wilayah: str) -> frozenset[tuple[str, str]]:
    """A region's active custom items as ``(indicator, item)``, read from the workspace (for :func:`baca_xlsx`)."""
    data = baca_tambahan(path, kode_wilayah)
    aktif = data[data["dihapus_pada"].isna()]
    return frozenset(zip(aktif["indikator"].astype(str), aktif["butir"].astype(str), strict=True))


def selaraskan_opd(perubahan: Sequence[UbahButir], butir: pd.DataFrame, tersimpan: pd.DataFrame) -> list[UbahButir]:
    """Keep an item's owner as "default" when the file names the owner it already has by default.

    The export writes every item's effective owner; read back unchanged, that must not turn a
    default owner into a stored one (and log a change that nobody made).
    """
    efektif = {
        (str(i), str(k)): str(o) for i, k, o in zip(butir["indikator"], butir["butir"], butir["opd"], strict=True)
    }
    simpan: dict[tuple[str, str], object] = {}
    if len(tersimpan):
        simpan = {
            (str(i), str(k)): o
            for i, k, o in zip(tersimpan["indikator"], tersimpan["butir"], tersimpan["opd"], strict=True)
        }
    hasil = []
    for u in perubahan:
        kunci = (u.indikator, u.butir)
        tanpa_simpan = kosong(simpan.get(kunci))
        if u.opd is not None and u.opd == efektif.get(kunci) and tanpa_simpan:
            u = dataclasses.replace(u, opd=None)
        hasil.append(u)
    return hasil
