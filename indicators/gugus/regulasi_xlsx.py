"""The regulation register as XLSX, out and back in, with the rules of the checklist file.

**Export** (:func:`tulis_xlsx`): one sheet ``Regulasi`` with the region, the date made and the
rules above one row per entry (type, number, year, title, mandate, indicators, coordinating OPD,
current stage, a date reached and a due date per stage, notes, source), then two columns that are
only read by people (``Keadaan``: overdue/stalled; ``Asal``: seed and its confidence, or who
changed it) and the ``Versi`` stamp. An empty cell means "tidak diketahui" (the current stage says
so in words). Text that starts like a formula is written as text with an apostrophe
(:func:`indicators.gugus.xlsx.aman`), taken off again on import.

**Import** (:func:`baca_xlsx`): the upload limits and zip checks first, then every problem at once,
each naming file, sheet, row, column, bad value and what is expected, Indonesian first; nothing is
returned to write unless every row is valid. The ``Versi`` stamp is ``<version>-<fingerprint>``: a
row whose cells still match the fingerprint was not edited and is left out (so it cannot undo a
newer change made meanwhile); an edited row carries the version it was exported at, and is refused
when the entry has changed since. An edited row is checked against the register's rules with the
stored entry as the state before (a skipped stage needs a new stage note). A row with an empty ID
adds an entry. All or nothing: one bad row refuses the whole file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped, unused-ignore]

from indicators.akun.pengguna import Pengguna, dalam_lingkup, label_lingkup
from indicators.format import format_tanggal
from indicators.gugus import regulasi as rg
from indicators.gugus.simpan import teks_log
from indicators.gugus.tugas import normalkan_teks
from indicators.gugus.xlsx import aman, pulihkan
from indicators.impor.baca import batas_bawaan, periksa_zip
from indicators.impor.batas import masalah_ukuran_xlsx
from indicators.impor.masalah import Masalah
from indicators.teks import t

NAMA_SHEET = "Regulasi"
LABEL_KODE_WILAYAH = "Kode wilayah"
K_ID, K_JENIS, K_NOMOR, K_TAHUN, K_JUDUL = "ID", "Jenis", "Nomor", "Tahun", "Judul"
K_AMANAT, K_INDIKATOR, K_OPD, K_TAHAP = "Amanat", "Indikator KLA", "OPD koordinator", "Tahap kini"
K_CATATAN_TAHAP, K_TAUTAN, K_CATATAN, K_SUMBER = "Catatan tahap", "Tautan JDIH", "Catatan", "Sumber"
K_KEADAAN, K_ASAL, K_VERSI = "Keadaan", "Asal", "Versi"
_KOLOM_TANGGAL = {f"tanggal_{s}": f"Tanggal {rg.label_tahap(s)}" for s in rg.TAHAP}
_KOLOM_TENGGAT = {f"tenggat_{s}": f"Tenggat {rg.label_tahap(s)}" for s in rg.TAHAP}
JUDUL_KOLOM: dict[str, str] = {
    "regulasi_id": K_ID,
    "jenis": K_JENIS,
    "nomor": K_NOMOR,
    "tahun": K_TAHUN,
    "judul": K_JUDUL,
    "amanat": K_AMANAT,
    "indikator": K_INDIKATOR,
    "opd": K_OPD,
    "tahap": K_TAHAP,
}
for _s in rg.TAHAP:
    JUDUL_KOLOM[f"tanggal_{_s}"] = _KOLOM_TANGGAL[f"tanggal_{_s}"]
    JUDUL_KOLOM[f"tenggat_{_s}"] = _KOLOM_TENGGAT[f"tenggat_{_s}"]
JUDUL_KOLOM |= {"catatan_tahap": K_CATATAN_TAHAP, "tautan": K_TAUTAN, "catatan": K_CATATAN, "sumber": K_SUMBER}
JUDUL_KOLOM |= {"keadaan": K_KEADAAN, "asal": K_ASAL, "versi": K_VERSI}
"""Stored column (or export-only column) → header in the sheet; the import finds columns by header."""
KOLOM_WAJIB = (K_ID, K_JENIS, K_JUDUL, K_TAHAP, K_VERSI)
_HANYA_BACA = (K_KEADAAN, K_ASAL)
_LEBAR = {K_ID: 16, K_JENIS: 14, K_NOMOR: 8, K_TAHUN: 7, K_JUDUL: 44, K_AMANAT: 18, K_INDIKATOR: 22, K_OPD: 24}
_LEBAR |= {K_TAHAP: 26, K_CATATAN_TAHAP: 30, K_TAUTAN: 30, K_CATATAN: 40, K_SUMBER: 40, K_KEADAAN: 24, K_ASAL: 24}
_POLA_VERSI = re.compile(r"(\d{1,9})(?:-([0-9a-f]{16}))?")
_ESCAPE_OOXML = re.compile(r"_x(00[01][0-9A-Fa-f])_")
_TAK_DIKETAHUI = {"tidak diketahui", "unknown", "?", "-", "–"}


@dataclass
class HasilRegulasi:
    """A read register file: the region, the edited rows as changes, and every problem.

    ``perubahan`` holds one change per edited row; ``lokasi`` gives each change's sheet row (same
    order); ``baris`` counts every entry row read; ``catatan`` are notes that do not stop the
    import (control characters cleaned). ``perubahan`` is empty whenever ``masalah`` is not.
    """

    berkas: str
    kode_wilayah: str | None
    perubahan: list[rg.UbahRegulasi] = field(default_factory=list)
    lokasi: list[int] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    baris: int = 0
    catatan: list[Masalah] = field(default_factory=list)

    @property
    def sah(self) -> bool:
        """True when the file has no problem."""
        return not self.masalah


def sidik(isi: rg.IsiRegulasi) -> str:
    """A fingerprint of an entry's fields as stored (16 hex digits): tells an edited row from an untouched one."""
    nilai = [teks_log(v) for v in rg.kolom_isi(rg.bersihkan(isi)).values()]
    return hashlib.sha256(json.dumps(nilai, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


# --- export ----------------------------------------------------------------------------------


def _tulis(ws: Any, baris: int, kolom: int, nilai: object) -> Any:
    """Write a cell; text is never a formula (neutralised by :func:`aman`), and XLSX-unsafe controls are cleaned."""
    sel = ws.cell(row=baris, column=kolom)
    if isinstance(nilai, str):
        teks = normalkan_teks(nilai)[0]
        sel.value = aman(teks)
        sel.data_type = "s"
        if sel.value != teks:
            sel.quotePrefix = True
    else:
        sel.value = nilai
    return sel


def _keadaan(e: rg.Entri, hari_ini: dt.date) -> str:
    k = rg.keadaan(e.isi, hari_ini)
    bagian = []
    if k.lewat:
        bagian.append(t("rg_lewat_tenggat", "id"))
    if k.macet_hari is not None:
        bagian.append(t("rg_macet", "id"))
    return "; ".join(bagian)


def _asal(e: rg.Entri) -> str:
    if e.asal == "bawaan":
        return t("rg_asal_bawaan", "id", keyakinan=e.keyakinan or "-")
    pada = format_tanggal(e.diubah_pada.date(), "id") if e.diubah_pada else "-"
    return t("rg_asal_ruang_kerja", "id", oleh=e.diubah_oleh or "-", pada=pada, versi=e.versi)


def _isi_baris(e: rg.Entri, hari_ini: dt.date) -> dict[str, object]:
    nilai = rg.kolom_isi(e.isi)
    nilai["jenis"] = rg.label_jenis(e.isi.jenis)
    nilai["tahap"] = rg.label_tahap(e.isi.tahap)
    return {
        "regulasi_id": e.regulasi_id,
        **nilai,
        "keadaan": _keadaan(e, hari_ini),
        "asal": _asal(e),
        "versi": f"{e.versi}-{sidik(e.isi)}",
    }


def _kepala(nama_wilayah: str, kode_wilayah: str, dibuat: dt.date) -> list[tuple[str, str]]:
    """The label/value rows above the table: region, code, date, what an empty cell means, the rules."""
    tahap = "; ".join(
        f"{rg.label_jenis(j)}: {' → '.join(rg.label_tahap(s) for s in rg.TAHAP_JENIS[j])}"
        for j in ("perda", "perkada", "keputusan")
    )
    return [
        ("Wilayah", nama_wilayah),
        (LABEL_KODE_WILAYAH, kode_wilayah),
        ("Tanggal dibuat", format_tanggal(dibuat, "id")),
        ("Sel kosong", t("rg_xlsx_kosong", "id")),
        ("Tahap", tahap + ". " + t("rg_xlsx_tahap_ringkas", "id")),
        ("Aturan", t("rg_xlsx_aturan", "id", batas=rg.MACET_HARI)),
    ]


def tulis_xlsx(daftar: Sequence[rg.Entri], *, kode_wilayah: str, nama_wilayah: str, dibuat: dt.date) -> bytes:
    """Write a region's register (``daftar``: its entries, removed ones left out) as an XLSX sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = NAMA_SHEET
    _tulis(ws, 1, 1, f"Register regulasi KLA — {nama_wilayah}").font = Font(bold=True, size=14)
    kepala = _kepala(nama_wilayah, kode_wilayah, dibuat)
    for i, (label, nilai) in enumerate(kepala, start=2):
        _tulis(ws, i, 1, label).font = Font(bold=True)
        _tulis(ws, i, 2, nilai)
    baris_judul = len(kepala) + 3
    judul = list(JUDUL_KOLOM.values())
    for k, nama in enumerate(judul, start=1):
        sel = _tulis(ws, baris_judul, k, nama)
        sel.font = Font(bold=True)
        sel.fill = PatternFill("solid", fgColor="DDEBF7" if nama not in _HANYA_BACA else "EDEDED")
        ws.column_dimensions[get_column_letter(k)].width = _LEBAR.get(nama, 13)
    for n, e in enumerate(daftar, start=baris_judul + 1):
        for k, (nama_kolom, isi_sel) in enumerate(_isi_baris(e, dibuat).items(), start=1):
            sel = _tulis(ws, n, k, isi_sel)
            if nama_kolom.startswith(("tanggal_", "tenggat_")):
                sel.number_format = "DD/MM/YYYY"
            sel.alignment = Alignment(wrap_text=True, vertical="top")
    akhir = max(baris_judul + len(daftar), baris_judul + 200)  # room for new rows, with the same lists
    for kolom, pilihan in ((K_JENIS, [rg.label_jenis(j) for j in rg.JENIS]), (K_TAHAP, _pilihan_tahap())):
        huruf = get_column_letter(judul.index(kolom) + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(pilihan) + '"', allow_blank=True)
        dv.add(f"{huruf}{baris_judul + 1}:{huruf}{akhir}")
        ws.add_data_validation(dv)
    ws.freeze_panes = ws.cell(row=baris_judul + 1, column=2)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _pilihan_tahap() -> list[str]:
    return [rg.label_tahap(None), *(rg.label_tahap(s) for s in rg.TAHAP)]


# --- import ----------------------------------------------------------------------------------


def _teks_sel_bersih(nilai: object) -> tuple[str | None, int, bool]:
    """A cell as text: export apostrophe undone, controls cleaned, trimmed; None when empty."""
    if nilai is None:
        return None, 0, False
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    mentah = pulihkan(_ESCAPE_OOXML.sub(lambda m: chr(int(m.group(1), 16)), str(nilai)))
    teks, dihapus = normalkan_teks(mentah)
    return teks.strip() or None, dihapus, teks != mentah


def _teks(nilai: object) -> str | None:
    return _teks_sel_bersih(nilai)[0]


def _dari_label(teks: str, kode: Sequence[str], label: Callable[[str, Any], str]) -> str | None:
    """A code from how people type it: the code, or its label in either language (case and spaces ignored)."""
    bersih = " ".join(teks.casefold().replace("_", " ").split())
    for k in kode:
        if bersih in {k, " ".join(label(k, "id").casefold().split()), " ".join(label(k, "en").casefold().split())}:
            return k
    return None


def _jenis(teks: str) -> str | None:
    kode = _dari_label(teks, rg.JENIS, rg.label_jenis)
    sebutan = {"perwal": "perkada", "perbup": "perkada", "keputusan": "keputusan", "sk": "keputusan"}
    return kode or sebutan.get(teks.strip().casefold())


def _tanggal(nilai: object) -> dt.date:
    """A date from a cell: a date cell, ``2025-06-30`` or ``30/06/2025``; raises ValueError when not one."""
    if isinstance(nilai, dt.datetime):
        return nilai.date()
    if isinstance(nilai, dt.date):
        return nilai
    teks = str(nilai).strip()
    cocok = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", teks)
    if cocok:
        return dt.date(int(cocok.group(3)), int(cocok.group(2)), int(cocok.group(1)))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}( .*)?", teks):
        return dt.date.fromisoformat(teks[:10])
    raise ValueError(teks)


class _Pembaca:
    """Collects the problems of one file while reading it."""

    def __init__(self, berkas: str) -> None:
        self.berkas = berkas
        self.masalah: list[Masalah] = []
        self.catatan: list[Masalah] = []

    def tambah(self, kode: str, baris: int | None, judul: str | None, nilai: object, **isian: str) -> None:
        """Record one problem on the register sheet at a row and column (its header ``judul``), with the bad value."""
        teks = None if nilai is None else str(nilai)
        self.masalah.append(Masalah(kode, self.berkas, NAMA_SHEET, baris, judul, teks, isian=isian))


def _buka(data: bytes, baca: _Pembaca) -> Any | None:
    """The workbook, or None (the problem recorded) for a file too big, not XLSX, unsafe or damaged."""
    batas = batas_bawaan()
    if len(data) > batas.ukuran_maks:
        isian = {"ukuran": f"{len(data) / 2**20:.0f} MB", "maks": f"{batas.ukuran_maks / 2**20:.0f} MB"}
        baca.masalah.append(Masalah("terlalu_besar", baca.berkas, isian=isian))
        return None
    if not data.startswith(b"PK"):
        baca.masalah.append(Masalah("rg_bukan_xlsx", baca.berkas))
        return None
    # The sheets' declared and streamed size too, before openpyxl builds every cell in memory.
    if zip_masalah := periksa_zip(data, baca.berkas, batas) or masalah_ukuran_xlsx(data, baca.berkas, batas.baris_maks):
        baca.masalah += zip_masalah
        return None
    try:
        return load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        baca.masalah.append(Masalah("xlsx_rusak", baca.berkas, isian={"rincian": type(exc).__name__}))
        return None


def _wilayah(
    ws: Any, baris_judul: int, kabkota: Mapping[str, str], pengguna: Pengguna | None, baca: _Pembaca
) -> str | None:
    """The region code above the table: known, a kab/kota, and in the account's scope."""
    for b in range(1, baris_judul):
        if str(ws.cell(row=b, column=1).value or "").strip().casefold() == LABEL_KODE_WILAYAH.casefold():
            kode = _teks(ws.cell(row=b, column=2).value)
            break
    else:
        b, kode = None, None
    if kode is None:
        baca.tambah("ck_wilayah_kosong", b, LABEL_KODE_WILAYAH, None)
    elif kode not in kabkota:
        baca.tambah("ck_wilayah_tak_dikenal", b, LABEL_KODE_WILAYAH, kode)
    elif pengguna is not None and not dalam_lingkup(pengguna, kode):
        lingkup = label_lingkup(pengguna, dict(kabkota))
        baca.tambah(
            "ck_luar_lingkup", b, LABEL_KODE_WILAYAH, f"{kode} {kabkota[kode]}", pengguna=pengguna.nama, lingkup=lingkup
        )
    else:
        return kode
    return None


def _judul(ws: Any, baca: _Pembaca) -> tuple[int, dict[str, int]] | None:
    """The header row and the column of each header, or None (problem recorded)."""
    for b in range(1, min(ws.max_row, 40) + 1):
        nilai = [str(ws.cell(row=b, column=k).value or "").strip() for k in range(1, ws.max_column + 1)]
        if K_ID in nilai and K_JUDUL in nilai:
            kolom = {v: k for k, v in enumerate(nilai, start=1) if v}
            hilang = [k for k in KOLOM_WAJIB if k not in kolom]
            for k in hilang:
                baca.tambah("rg_kolom_hilang", b, k, None, kolom=", ".join(KOLOM_WAJIB))
            return None if hilang else (b, kolom)
    baca.tambah("rg_tanpa_tabel", None, None, None, kolom=", ".join(KOLOM_WAJIB))
    return None


@dataclass
class _Baris:
    """One entry row as read: its id, fields, version stamp, and whether it was edited since export."""

    baris: int
    regulasi_id: str | None
    isi: rg.IsiRegulasi
    versi: int | None
    diubah: bool


def _sel_teks(ws: Any, b: int, kolom: Mapping[str, int], nama: str, baca: _Pembaca) -> str | None:
    if nama not in kolom:
        return None
    teks, dihapus, dibersihkan = _teks_sel_bersih(ws.cell(row=b, column=kolom[nama]).value)
    if dibersihkan:
        baca.catatan.append(Masalah("ck_kendali", baca.berkas, NAMA_SHEET, b, nama, isian={"n": str(dihapus)}))
    return teks


def _baca_tanggal(
    ws: Any, b: int, kolom: Mapping[str, int], baca: _Pembaca
) -> tuple[dict[str, dt.date], dict[str, dt.date]]:
    hasil: tuple[dict[str, dt.date], dict[str, dt.date]] = ({}, {})
    for peta, judul in ((hasil[0], _KOLOM_TANGGAL), (hasil[1], _KOLOM_TENGGAT)):
        for nama_kolom, nama in judul.items():
            nilai = ws.cell(row=b, column=kolom[nama]).value if nama in kolom else None
            if nilai is None or (
                isinstance(nilai, str) and (not nilai.strip() or nilai.strip().casefold() in _TAK_DIKETAHUI)
            ):
                continue
            try:
                peta[nama_kolom.split("_", 1)[1]] = _tanggal(nilai)
            except ValueError:
                baca.tambah("ck_tanggal_tak_sah", b, nama, _teks(nilai))
    return hasil


def _baca_tahun(ws: Any, b: int, kolom: Mapping[str, int], baca: _Pembaca) -> int | None:
    nilai = ws.cell(row=b, column=kolom[K_TAHUN]).value if K_TAHUN in kolom else None
    if isinstance(nilai, int | float) and not isinstance(nilai, bool) and float(nilai).is_integer():
        return int(nilai)
    teks = _teks(nilai)
    if teks is None or teks.casefold() in _TAK_DIKETAHUI:
        return None
    if re.fullmatch(r"\d{4}", teks):
        return int(teks)
    baca.tambah("rg_tahun_tak_sah", b, K_TAHUN, teks)
    return None


def _baca_versi(teks: str | None, b: int, baca: _Pembaca) -> tuple[int | None, str | None]:
    if teks is None:
        return None, None
    cocok = _POLA_VERSI.fullmatch(teks)
    if cocok is None:
        baca.tambah("rg_versi_tak_sah", b, K_VERSI, teks)
        return None, None
    return int(cocok.group(1)), cocok.group(2)


def _baca_baris(ws: Any, b: int, kolom: Mapping[str, int], baca: _Pembaca) -> _Baris | None:
    """One row as an entry, or None (an empty row, or one with problems: they are recorded)."""
    sebelum = len(baca.masalah)
    for nama, k in kolom.items():
        sel = ws.cell(row=b, column=k)
        if sel.data_type == "f" and nama not in _HANYA_BACA:
            baca.tambah("ck_rumus", b, nama, sel.value)
    teks = {
        nama: _sel_teks(ws, b, kolom, nama, baca)
        for nama in (K_ID, K_JENIS, K_NOMOR, K_JUDUL, K_AMANAT, K_INDIKATOR, K_OPD, K_TAHAP)
    }
    teks |= {
        nama: _sel_teks(ws, b, kolom, nama, baca) for nama in (K_CATATAN_TAHAP, K_TAUTAN, K_CATATAN, K_SUMBER, K_VERSI)
    }
    if not any(teks[k] for k in (K_ID, K_JENIS, K_JUDUL, K_VERSI)):
        return None  # an empty row (e.g. below the table)
    jenis_teks = teks[K_JENIS]
    jenis = _jenis(jenis_teks) if jenis_teks else None
    if jenis_teks is None:
        harapan = ", ".join(rg.label_jenis(j) for j in rg.JENIS)
        baca.tambah("ck_sel_kosong", b, K_JENIS, None, harapan_id=harapan, harapan_en=harapan)
    elif jenis is None:
        baca.tambah(
            "rg_jenis_tak_dikenal", b, K_JENIS, teks[K_JENIS], daftar=", ".join(rg.label_jenis(j) for j in rg.JENIS)
        )
    tahap_teks = teks[K_TAHAP]
    tahap = None
    if tahap_teks is not None and tahap_teks.casefold() not in _TAK_DIKETAHUI:
        tahap = _dari_label(tahap_teks, rg.TAHAP, rg.label_tahap)
        if tahap is None:
            baca.tambah("rg_tahap_tak_dikenal", b, K_TAHAP, tahap_teks, daftar=", ".join(_pilihan_tahap()))
    tanggal, tenggat = _baca_tanggal(ws, b, kolom, baca)
    tahun = _baca_tahun(ws, b, kolom, baca)
    versi, cap = _baca_versi(teks[K_VERSI], b, baca)
    if teks[K_ID] is not None and teks[K_VERSI] is None:
        # Without the version an edited row could silently undo a change made after the export.
        baca.tambah("rg_versi_tak_sah", b, K_VERSI, None)
    if len(baca.masalah) > sebelum or jenis is None:
        return None
    tak = {k: (None if v is not None and v.casefold() in _TAK_DIKETAHUI else v) for k, v in teks.items()}
    isi = rg.IsiRegulasi(
        jenis=jenis,
        judul=teks[K_JUDUL] or "",
        nomor=tak[K_NOMOR],
        tahun=tahun,
        amanat=tak[K_AMANAT],
        indikator=rg.pisah_indikator(teks[K_INDIKATOR]),
        opd=tak[K_OPD],
        tahap=tahap,
        tanggal=tanggal,
        tenggat=tenggat,
        catatan_tahap=teks[K_CATATAN_TAHAP],
        tautan=teks[K_TAUTAN],
        catatan=teks[K_CATATAN],
        sumber=teks[K_SUMBER],
    )
    return _Baris(b, teks[K_ID], isi, versi, cap is None or cap != sidik(isi))


# Each rule's field → the header of its column, for the message's location.
_KOLOM_ATURAN = {**JUDUL_KOLOM, "dihapus": K_ID}


def _periksa_baris(r: _Baris, register: Mapping[str, rg.Entri], lihat: dict[str, int], baca: _Pembaca) -> None:
    """An edited row against the register: known id (once in the file), version, and the stage rules."""
    if r.regulasi_id is not None:
        if r.regulasi_id in lihat:
            baca.tambah("rg_id_ganda", r.baris, K_ID, r.regulasi_id, baris_awal=str(lihat[r.regulasi_id]))
            return
        lihat[r.regulasi_id] = r.baris
    ubah = rg.UbahRegulasi(r.regulasi_id, r.isi, r.versi)
    _, masalah = rg.rencanakan(register, [ubah], rg.indikator_sah())
    for m in masalah:
        p = m.pelanggaran
        kolom = _KOLOM_ATURAN.get(p.kolom or "", K_VERSI if p.kode == "konflik" else K_ID)
        nilai = r.regulasi_id if p.kolom in {None, "regulasi_id"} else teks_log(rg.kolom_isi(r.isi).get(p.kolom))
        pesan = {b: p.teks(b) for b in ("id", "en")}
        baca.tambah("rg_aturan", r.baris, kolom, nilai, pesan=pesan["id"], pesan_en=pesan["en"])


def baca_xlsx(
    data: bytes,
    berkas: str,
    kabkota: Mapping[str, str],
    register_untuk: Callable[[str], Mapping[str, rg.Entri]],
    pengguna: Pengguna | None = None,
) -> HasilRegulasi:
    """Read an edited register file and check every row; return the changes or every problem.

    ``kabkota`` maps every known kab/kota code to its name; ``register_untuk(code)`` returns that
    region's current register (:func:`indicators.gugus.regulasi.gabung_register`), against which
    edited rows are checked. With ``pengguna`` a region outside the account's scope refuses the
    whole file. Only edited rows (no longer matching their Versi fingerprint) become changes.
    """
    baca = _Pembaca(berkas)
    wb = _buka(data, baca)
    if wb is None:
        return HasilRegulasi(berkas, None, masalah=baca.masalah)
    if NAMA_SHEET not in wb.sheetnames:
        baca.masalah.append(Masalah("rg_tanpa_sheet", berkas, isian={"sheet": ", ".join(wb.sheetnames)}))
        return HasilRegulasi(berkas, None, masalah=baca.masalah)
    ws = wb[NAMA_SHEET]
    judul = _judul(ws, baca)
    if judul is None:
        return HasilRegulasi(berkas, None, masalah=baca.masalah)
    baris_judul, kolom = judul
    kode = _wilayah(ws, baris_judul, kabkota, pengguna, baca)
    rows = [r for b in range(baris_judul + 1, ws.max_row + 1) if (r := _baca_baris(ws, b, kolom, baca)) is not None]
    if kode is not None:
        register = register_untuk(kode)
        lihat: dict[str, int] = {}
        for r in rows:
            if r.diubah:
                _periksa_baris(r, register, lihat, baca)
            elif r.regulasi_id is not None:
                lihat.setdefault(r.regulasi_id, r.baris)
    if baca.masalah:
        urut = sorted(baca.masalah, key=lambda m: m.baris or 0)  # in the order of the sheet's rows
        return HasilRegulasi(berkas, kode, masalah=urut, baris=len(rows))
    diubah = [r for r in rows if r.diubah]
    return HasilRegulasi(
        berkas,
        kode,
        perubahan=[rg.UbahRegulasi(r.regulasi_id, r.isi, r.versi) for r in diubah],
        lokasi=[r.baris for r in diubah],
        baris=len(rows),
        catatan=baca.catatan,
    )
