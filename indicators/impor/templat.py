"""Excel templates for importing scores, statistics and official predikat.

A template has three sheets: ``Petunjuk`` (instructions in Indonesian), ``Data`` (the header row
locked by sheet protection, input cells unlocked, Excel drop-downs for year, region, indicator,
stage and predikat, and grey lookup columns that show the region and indicator names beside the
codes) and a hidden ``Daftar`` holding the drop-down lists. With a year and/or regions the data
sheet comes prefilled: one row per region × indicator with an empty ``nilai``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font, PatternFill, Protection  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.workbook.properties import CalcProperties  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

from indicators.impor.masalah import ImporError
from indicators.impor.periksa import PREDIKAT_SAH, TAHUN_STATISTIK_AWAL, Jenis
from indicators.katalog.model import TAHAP, Indikator, Katalog

BARIS_KOSONG = 1000  # input rows with drop-downs in an empty template
BARIS_CADANGAN = 200  # extra input rows below a prefilled block
# Header colours of input and helper columns (the child-protection template uses them too).
ISI_MASUKAN = PatternFill("solid", fgColor="1F4E79")
ISI_BANTU = PatternFill("solid", fgColor="E7E6E6")
HURUF_MASUKAN = Font(bold=True, color="FFFFFF")


@dataclass(frozen=True)
class Kolom:
    """One column of the data sheet: name, whether it is input (unlocked) and its width."""

    nama: str
    masukan: bool
    lebar: float
    wajib: bool
    isi: str
    contoh: str


_KOLOM: dict[Jenis, tuple[Kolom, ...]] = {
    "skor": (
        Kolom("tahun", True, 8, True, "Tahun siklus evaluasi (pilih dari daftar).", "2025"),
        Kolom("kode_wilayah", True, 14, True, "Kode Kemendagri kab/kota, atau nama lengkapnya.", "33.75"),
        Kolom("nama_wilayah", False, 28, False, "Bantuan: nama wilayah (tidak dibaca saat impor).", "Kota Pekalongan"),
        Kolom("indikator", True, 12, True, "Id indikator dari katalog skema tahun itu.", "KLA24-04"),
        Kolom("nama_indikator", False, 48, False, "Bantuan: nama indikator (tidak dibaca).", "Akta kelahiran"),
        Kolom("nilai_maks", False, 11, False, "Bantuan: nilai maksimum indikator (tidak dibaca).", "50"),
        Kolom("tahap", True, 11, True, "Tahap penilaian: mandiri, provinsi, pusat atau final.", "final"),
        Kolom("nilai", True, 10, True, "Skor indikator, 0 sampai nilai_maks.", "42,5"),
        Kolom("sumber", True, 30, False, "Asal angka (dokumen, OPD, tautan).", "Berita acara verifikasi 2025"),
        Kolom("catatan", True, 30, False, "Catatan bebas.", ""),
    ),
    "statistik": (
        Kolom("tahun", True, 8, True, "Tahun data.", "2024"),
        Kolom(
            "kode_wilayah", True, 14, True, "Kode Kemendagri (kab/kota, provinsi, 00 = Indonesia) atau nama.", "33.75"
        ),
        Kolom("nama_wilayah", False, 28, False, "Bantuan: nama wilayah (tidak dibaca).", "Kota Pekalongan"),
        Kolom("indikator", True, 36, True, "Kode statistik dari katalog (sheet Daftar).", "prevalensi_stunting_ssgi"),
        Kolom("nama_indikator", False, 48, False, "Bantuan: nama statistik dan satuannya (tidak dibaca).", ""),
        Kolom("nilai", True, 10, True, "Angka; persen 0–100 untuk satuan persen.", "12,5"),
        Kolom("satuan", True, 22, True, "Satuan sesuai katalog.", "persen"),
        Kolom("sumber", True, 30, False, "Asal angka (publikasi, OPD, tautan).", "SSGI 2024"),
        Kolom("catatan", True, 30, False, "Catatan bebas.", ""),
    ),
    "predikat": (
        Kolom("tahun", True, 8, True, "Tahun siklus evaluasi (pilih dari daftar).", "2025"),
        Kolom("kode_wilayah", True, 14, True, "Kode Kemendagri kab/kota, atau nama lengkapnya.", "33.75"),
        Kolom("nama_wilayah", False, 28, False, "Bantuan: nama wilayah (tidak dibaca).", "Kota Pekalongan"),
        Kolom(
            "predikat", True, 14, True, "Predikat resmi: Pratama, Madya, Nindya, Utama, KLA atau Tidak ada.", "Madya"
        ),
        Kolom("sumber", True, 30, False, "SK atau berita resmi penganugerahan.", "SK Menteri PPPA 2025"),
        Kolom("catatan", True, 30, False, "Catatan bebas.", ""),
    ),
}
_JUDUL: dict[Jenis, str] = {
    "skor": "skor per indikator",
    "statistik": "statistik (data mentah per wilayah)",
    "predikat": "predikat resmi",
}


def kolom_templat(jenis: Jenis) -> list[str]:
    """Return the data sheet's column names for a kind of template."""
    return [k.nama for k in _KOLOM[jenis]]


def _indikator(katalog: Katalog, tahun: int | None) -> list[Indikator]:
    if tahun is not None:
        return list(katalog.skema_untuk_tahun(tahun).indikator)
    skema = sorted(katalog.skema.values(), key=lambda s: s.tahun_mulai, reverse=True)
    return [i for s in skema for i in s.indikator]


def _daftar_wilayah(jenis: Jenis, wilayah_df: pd.DataFrame, pilihan: Sequence[str] | None) -> pd.DataFrame:
    tingkat = ["kabkota"] if jenis != "statistik" else ["nasional", "provinsi", "kabkota"]
    df = wilayah_df[wilayah_df["tingkat"].isin(tingkat)].sort_values("kode_wilayah")
    if pilihan:
        semua = wilayah_df[wilayah_df["tingkat"].isin(tingkat)]
        tak_ada = [k for k in pilihan if k not in set(semua["kode_wilayah"])]
        if tak_ada:
            raise ImporError(
                f"Kode wilayah tidak dikenal untuk templat {jenis}: {', '.join(tak_ada)}",
                f"Unknown region code for the {jenis} template: {', '.join(tak_ada)}",
            )
        df = df[df["kode_wilayah"].isin(pilihan)]
    return df[["kode_wilayah", "nama"]].reset_index(drop=True)


def tulis_daftar(ws: Worksheet, kolom: int, judul: str, nilai: Sequence[object]) -> str:
    """Write a list in column ``kolom`` of the Daftar sheet; return its absolute range."""
    huruf = get_column_letter(kolom)
    ws.cell(row=1, column=kolom, value=judul).font = Font(bold=True)
    for i, v in enumerate(nilai, start=2):
        sel = ws.cell(row=i, column=kolom, value=v)
        if isinstance(v, str):
            sel.number_format = "@"
    return f"Daftar!${huruf}$2:${huruf}${max(len(nilai) + 1, 2)}"


_CARA_MENGISI: tuple[str, ...] = (
    "1. Isi sheet 'Data' mulai baris 2. Baris judul (baris 1) dikunci; jangan diubah atau dipindah.",
    "2. Satu baris untuk satu nilai. Pilih kode dari daftar (panah di sel) agar tidak salah ketik.",
    "3. Kolom berlatar abu-abu (nama_wilayah, nama_indikator, nilai_maks) hanya bantuan dan tidak dibaca.",
    "4. Angka: 12,5 dan 12.5 sama-sama diterima; ribuan bertitik hanya bersama koma desimal (1.234,5). "
    "Bentuk 1.234 atau 1,234 ditolak karena ambigu: tulis 1234.",
    "5. Wilayah: kode Kemendagri (33.75) atau nama lengkap (Kota Pekalongan, Kab. Pekalongan). "
    "Nama yang cocok dengan dua wilayah (mis. 'Pekalongan') ditolak dengan daftar calonnya.",
    "6. Baris dengan nilai kosong dilewati: tidak diimpor dan tidak menghapus data yang tersimpan.",
    "7. Semua atau tidak sama sekali: satu masalah membuat seluruh berkas ditolak, dan semua masalah "
    "dilaporkan sekaligus (berkas, sheet, baris, kolom, nilai dan yang diharapkan).",
    "8. Sebelum disimpan, pratinjau menampilkan baris baru / berubah / sama dan dampaknya pada total "
    "dan predikat. Setiap impor dicatat (siapa, kapan, berkas, SHA-256) dan dapat dibatalkan.",
)
"""Steps 1-8 of the instructions, the same for every kind of template."""

_CSV = (
    "10. Boleh juga disimpan sebagai CSV (UTF-8 atau Windows-1252; pemisah koma atau titik koma) "
    "dengan nama kolom yang sama."
)
_INGGRIS = (
    "English: fill in the 'Data' sheet from row 2, one value per row; grey columns are helpers and "
    "are not read. Rows without a value are skipped; any problem rejects the whole file."
)


def _teks_skema(katalog: Katalog, tahun: int | None) -> str:
    """Which indicator scheme the template's year uses, or every scheme with its years."""
    if tahun is not None:
        return f"Tahun {tahun} memakai skema {katalog.skema_untuk_tahun(tahun).kode}."
    rentang = (f"{s.kode} untuk {s.tahun_mulai}–{s.tahun_selesai or 'kini'}" for s in katalog.skema.values())
    return "Skema indikator mengikuti tahun: " + "; ".join(rentang) + "."


def _langkah_jenis(jenis: Jenis, katalog: Katalog) -> list[tuple[str, ...]]:
    """Step 9 of the instructions: what is particular to scores, predikat or statistics."""
    siklus = ", ".join(str(c.tahun) for c in katalog.siklus)
    if jenis == "skor":
        return [
            (
                "9. Skor nyata untuk satu wilayah × tahun × tahap menggantikan seluruh skor contoh (sintetis) "
                "wilayah × tahun × tahap itu; indikator yang belum diisi membuat total 'belum lengkap'.",
            ),
            (f"   Tahun siklus evaluasi: {siklus}. Tahap: {', '.join(TAHAP)}.",),
        ]
    if jenis == "predikat":
        return [(f"9. Tahun siklus evaluasi: {siklus}. Predikat: {', '.join(PREDIKAT_SAH)}.",)]
    return [
        (
            "9. Kode statistik dan satuannya ada di katalog (lihat kolom nama_indikator). Persentase "
            "0–100; tanda % boleh. Tahun data bebas (bukan hanya tahun siklus).",
        )
    ]


def _baris_petunjuk(jenis: Jenis, katalog: Katalog, tahun: int | None) -> list[tuple[str, ...]]:
    """The rows of the instructions sheet: title, steps, the column table, an English summary."""
    skema = _teks_skema(katalog, tahun)
    baris: list[tuple[str, ...]] = [
        (f"Templat impor Dasbor KLA: {_JUDUL[jenis]}",),
        (f"Dibuat {dt.date.today().isoformat()}. {skema if jenis == 'skor' else ''}".strip(),),
        ("",),
        ("Cara mengisi",),
        *[(langkah,) for langkah in _CARA_MENGISI],
        *_langkah_jenis(jenis, katalog),
        (_CSV,),
        ("",),
        ("Kolom", "Wajib", "Isi", "Contoh"),
    ]
    baris += [(k.nama, "ya" if k.wajib else "tidak", k.isi, k.contoh) for k in _KOLOM[jenis]]
    return [*baris, ("",), (_INGGRIS,)]


def _petunjuk(ws: Worksheet, jenis: Jenis, katalog: Katalog, tahun: int | None) -> None:
    """Write the instructions sheet (read-only: the sheet is protected)."""
    baris = _baris_petunjuk(jenis, katalog, tahun)
    for isi in baris:
        ws.append(list(isi))
    ws["A1"].font = Font(bold=True, size=14)
    ws["A4"].font = Font(bold=True)
    judul_kolom = next(i for i, isi in enumerate(baris, start=1) if isi[:1] == ("Kolom",))
    for sel in ws[judul_kolom]:
        sel.font = Font(bold=True)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 8
    ws.column_dimensions["C"].width = 70
    ws.column_dimensions["D"].width = 28
    ws.protection.sheet = True


def _baris_isian(
    jenis: Jenis,
    katalog: Katalog,
    daftar_wilayah: pd.DataFrame,
    indikator: list[Indikator],
    tahun: int | None,
    tahap: str | None,
) -> list[dict[str, object]]:
    hasil: list[dict[str, object]] = []
    for kode, nama in zip(daftar_wilayah["kode_wilayah"], daftar_wilayah["nama"], strict=True):
        dasar: dict[str, object] = {"tahun": tahun, "kode_wilayah": kode, "nama_wilayah": nama}
        if jenis == "skor":
            for ind in indikator:
                hasil.append(
                    {
                        **dasar,
                        "indikator": ind.id,
                        "nama_indikator": ind.nama.teks,
                        "nilai_maks": ind.nilai_maks,
                        "tahap": tahap,
                    }
                )
        elif jenis == "statistik":
            for st_ in sorted(katalog.statistik.values(), key=lambda s: s.kode):
                hasil.append(
                    {
                        **dasar,
                        "indikator": st_.kode,
                        "nama_indikator": f"{st_.nama} ({st_.satuan})",
                        "satuan": st_.satuan,
                    }
                )
        else:
            hasil.append(dasar)
    return hasil


@dataclass(frozen=True)
class _Daftar:
    """Where the hidden Daftar sheet holds each drop-down list (absolute ranges) and how long the lookups are."""

    wilayah: str
    indikator: str
    tahap: str
    predikat: str
    tahun: str
    satuan: str
    n_wilayah: int
    """Last row of the region lookup (header included)."""
    n_indikator: int
    """Last row of the indicator (or statistic) lookup."""


def _periksa_pilihan(jenis: Jenis, katalog: Katalog, tahun: int | None, tahap: str | None) -> None:
    """Reject an unknown kind, a year outside the cycles (scores, predikat) or an unknown stage."""
    if jenis not in _KOLOM:
        raise ImporError(f"Jenis templat tidak dikenal: {jenis}", f"Unknown template kind: {jenis}")
    tahun_siklus = [c.tahun for c in katalog.siklus]
    if tahun is not None and jenis != "statistik" and tahun not in tahun_siklus:
        daftar = ", ".join(map(str, tahun_siklus))
        raise ImporError(
            f"Tahun {tahun} bukan tahun siklus evaluasi; pilih salah satu: {daftar}",
            f"{tahun} is not an evaluation year; choose one of: {daftar}",
        )
    if tahap is not None and tahap not in TAHAP:
        raise ImporError(f"Tahap tidak dikenal: {tahap} ({', '.join(TAHAP)})", f"Unknown stage: {tahap}")


def _isi_daftar(
    ws: Worksheet, jenis: Jenis, katalog: Katalog, daftar_wilayah: pd.DataFrame, indikator: list[Indikator]
) -> _Daftar:
    """Write the hidden lists behind the drop-downs and lookups; the sheet is hidden and protected."""
    statistik = sorted(katalog.statistik.values(), key=lambda s: s.kode)
    r_wilayah = tulis_daftar(ws, 1, "kode_wilayah", list(daftar_wilayah["kode_wilayah"]))
    tulis_daftar(ws, 2, "nama_wilayah", list(daftar_wilayah["nama"]))
    # Columns D-F hold code, name and third value (unit or maximum) for the VLOOKUP helpers.
    if jenis == "statistik":
        r_indikator = tulis_daftar(ws, 4, "statistik", [s.kode for s in statistik])
        tulis_daftar(ws, 5, "nama_statistik", [f"{s.nama} ({s.satuan})" for s in statistik])
        tulis_daftar(ws, 6, "satuan", [s.satuan for s in statistik])
    else:
        r_indikator = tulis_daftar(ws, 4, "indikator", [i.id for i in indikator])
        tulis_daftar(ws, 5, "nama_indikator", [i.nama.teks for i in indikator])
        tulis_daftar(ws, 6, "nilai_maks", [i.nilai_maks for i in indikator])
    hasil = _Daftar(
        wilayah=r_wilayah,
        indikator=r_indikator,
        tahap=tulis_daftar(ws, 8, "tahap", list(TAHAP)),
        predikat=tulis_daftar(ws, 10, "predikat", list(PREDIKAT_SAH)),
        tahun=tulis_daftar(ws, 12, "tahun_siklus", [c.tahun for c in katalog.siklus]),
        satuan=tulis_daftar(ws, 14, "satuan_katalog", sorted({s.satuan for s in statistik})),
        n_wilayah=len(daftar_wilayah) + 1,
        n_indikator=(len(statistik) if jenis == "statistik" else len(indikator)) + 1,
    )
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return hasil


def _kepala_data(ws: Worksheet, kolom: Sequence[Kolom]) -> None:
    """The header row (locked; input columns dark, helper columns grey) and the column formats."""
    for j, k in enumerate(kolom, start=1):
        sel = ws.cell(row=1, column=j, value=k.nama)
        sel.font = HURUF_MASUKAN if k.masukan else Font(bold=True)
        sel.fill = ISI_MASUKAN if k.masukan else ISI_BANTU
        sel.alignment = Alignment(horizontal="center")
        sel.protection = Protection(locked=True)
        dimensi = ws.column_dimensions[get_column_letter(j)]
        dimensi.width = k.lebar
        if k.masukan:
            dimensi.protection = Protection(locked=False)
        # Codes stay text: 33.10 must not become the number 33.1.
        if k.nama == "kode_wilayah" or k.nama == "indikator":
            dimensi.number_format = "@"


def _rumus_bantu(nama_kolom: str, r: int, posisi: dict[str, str], daftar: _Daftar) -> str:
    """The lookup formula of a helper cell: the region or indicator name (or maximum) beside the code."""
    if nama_kolom == "nama_wilayah":
        kw = posisi["kode_wilayah"]
        return f'=IF({kw}{r}="","",IFERROR(VLOOKUP({kw}{r},Daftar!$A$2:$B${daftar.n_wilayah},2,FALSE),"?"))'
    ki = posisi.get("indikator")
    indeks = 2 if nama_kolom == "nama_indikator" else 3
    rentang = f"Daftar!$D$2:$F${daftar.n_indikator}"
    return f'=IF({ki}{r}="","",IFERROR(VLOOKUP({ki}{r},{rentang},{indeks},FALSE),"?"))'


def _isi_data(
    ws: Worksheet, kolom: Sequence[Kolom], isian: list[dict[str, object]], akhir: int, daftar: _Daftar
) -> None:
    """Rows 2..``akhir``: prefilled input cells (unlocked) and helper cells (locked, grey)."""
    posisi = {k.nama: get_column_letter(j) for j, k in enumerate(kolom, start=1)}
    for r in range(2, akhir + 1):
        nilai_baris = isian[r - 2] if r - 2 < len(isian) else {}
        for j, k in enumerate(kolom, start=1):
            v = nilai_baris.get(k.nama)
            if k.masukan:
                if v is not None:
                    sel = ws.cell(row=r, column=j, value=v)
                    sel.protection = Protection(locked=False)
                    if k.nama in ("kode_wilayah", "indikator"):
                        sel.number_format = "@"
                continue
            # Helper columns: static names in prefilled rows, lookup formulas elsewhere (locked).
            sel = ws.cell(row=r, column=j, value=v if v is not None else _rumus_bantu(k.nama, r, posisi, daftar))
            sel.fill = ISI_BANTU


def daftar_pilihan(rentang: str, apa: str) -> DataValidation:
    """A drop-down from a Daftar range that rejects anything not on the list."""
    return DataValidation(
        type="list",
        formula1=rentang,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Nilai tidak ada di daftar",
        error=f"Pilih {apa} dari daftar (lihat sheet Petunjuk).",
    )


def _validasi_tambahan(jenis: Jenis, posisi: dict[str, str], daftar: _Daftar) -> list[tuple[str, DataValidation]]:
    """The year and value checks, which differ by kind (a statistic's year is free, a score has a maximum)."""
    if jenis == "statistik":
        tahun = DataValidation(
            type="whole",
            operator="between",
            formula1=str(TAHUN_STATISTIK_AWAL),
            formula2=str(dt.date.today().year + 1),
            showErrorMessage=True,
            error="Tahun empat angka.",
        )
        nilai = DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", showErrorMessage=True, error="Angka ≥ 0."
        )
        return [("tahun", tahun), ("nilai", nilai)]
    hasil = [("tahun", daftar_pilihan(daftar.tahun, "tahun siklus"))]
    if jenis == "skor":
        n, m = posisi["nilai"], posisi["nilai_maks"]
        skor = DataValidation(
            type="custom",
            formula1=f'AND(ISNUMBER({n}2),{n}2>=0,OR({m}2="",{n}2<={m}2))',
            showErrorMessage=True,
            errorTitle="Skor di luar rentang",
            error="Skor harus angka 0 sampai nilai_maks indikator.",
        )
        hasil.append(("nilai", skor))
    return hasil


def _validasi_data(ws: Worksheet, jenis: Jenis, kolom: Sequence[Kolom], akhir: int, daftar: _Daftar) -> None:
    """Add the drop-downs and checks to rows 2..``akhir`` of the columns this kind has."""
    posisi = {k.nama: get_column_letter(j) for j, k in enumerate(kolom, start=1)}
    semua = [
        ("kode_wilayah", daftar_pilihan(daftar.wilayah, "kode wilayah")),
        ("indikator", daftar_pilihan(daftar.indikator, "indikator")),
        ("tahap", daftar_pilihan(daftar.tahap, "tahap")),
        ("predikat", daftar_pilihan(daftar.predikat, "predikat")),
        ("satuan", daftar_pilihan(daftar.satuan, "satuan")),
        *_validasi_tambahan(jenis, posisi, daftar),
    ]
    for nama_kolom, dv in semua:
        if nama_kolom in posisi:
            huruf = posisi[nama_kolom]
            dv.add(f"{huruf}2:{huruf}{akhir}")
            ws.add_data_validation(dv)


def _lindungi_data(ws: Worksheet, kolom: Sequence[Kolom], akhir: int) -> None:
    """Freeze the header, add a filter and protect the sheet (no inserted, deleted or sorted rows)."""
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(kolom))}{akhir}"
    proteksi = ws.protection
    proteksi.sheet = True
    proteksi.insertRows = False
    proteksi.deleteRows = False
    proteksi.sort = False
    proteksi.autoFilter = False
    proteksi.formatColumns = False


def buat_templat(
    jenis: Jenis,
    katalog: Katalog,
    wilayah_df: pd.DataFrame,
    tahun: int | None = None,
    wilayah: Sequence[str] | None = None,
    tahap: str | None = None,
) -> bytes:
    """Return an XLSX import template.

    Args:
        jenis: ``skor``, ``statistik`` or ``predikat``.
        katalog: the catalogue (schemes, cycles, statistics).
        wilayah_df: the regions (``kode_wilayah, nama, tingkat``); the drop-down holds its kab/kota
            (plus provinces and Indonesia for statistics).
        tahun: prefill this year, and limit indicator ids to the year's scheme.
        wilayah: prefill these region codes (and limit the drop-down to them).
        tahap: prefill this stage in score rows.

    With ``tahun`` or ``wilayah`` the data sheet holds one row per region × indicator (per region
    for predikat) with an empty ``nilai``.

    Raises:
        ImporError: unknown kind, year outside the cycles, unknown region code or stage.
    """
    _periksa_pilihan(jenis, katalog, tahun, tahap)
    daftar_wilayah = _daftar_wilayah(jenis, wilayah_df, wilayah)
    indikator = _indikator(katalog, tahun if jenis == "skor" else None)

    buku = Workbook()
    buku.calculation = CalcProperties(fullCalcOnLoad=True)
    petunjuk = buku.active
    assert petunjuk is not None
    petunjuk.title = "Petunjuk"
    data = buku.create_sheet("Data")
    daftar = _isi_daftar(buku.create_sheet("Daftar"), jenis, katalog, daftar_wilayah, indikator)

    kolom = _KOLOM[jenis]
    _kepala_data(data, kolom)
    isian = _baris_isian(jenis, katalog, daftar_wilayah, indikator, tahun, tahap) if (tahun or wilayah) else []
    # A prefilled block gets spare rows below it; an empty template gets a fixed number of rows.
    akhir = len(isian) + 1 + BARIS_CADANGAN if isian else BARIS_KOSONG + 1
    _isi_data(data, kolom, isian, akhir, daftar)
    _validasi_data(data, jenis, kolom, akhir, daftar)
    _lindungi_data(data, kolom, akhir)

    _petunjuk(petunjuk, jenis, katalog, tahun)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
