"""The Excel template of the child-protection import: one sheet per table, one column per category.

Sheets: ``Petunjuk`` (instructions, protected), one data sheet per table of the Perlindungan Anak
catalogue named by the table's id (``bentuk_kekerasan``, ``umur`` …) plus ``penduduk_anak`` for the
denominator, and a hidden ``Daftar`` with the drop-down lists. A data sheet has ``tahun``,
``bulan`` (1–12; empty for a whole year), ``kode_wilayah`` (drop-downs), a grey ``nama_wilayah``
helper, one column per category (a whole number ≥ 0, checked by Excel's data validation; the
header's note gives the category's label, unit and definition), ``sumber`` and ``catatan``. The
header row is locked, the input cells are not. The import flattens every filled category cell to
one row of the long layout (``tahun, bulan, kode_wilayah, tabel, kategori, jumlah``), which a CSV
may also use directly (:mod:`indicators.impor.perlindungan`).

With a year the sheets come prefilled: one row per region and month (per region for
``penduduk_anak``), every count empty; an empty count is "not reported", never a zero.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.comments import Comment  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font, Protection  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.workbook.properties import CalcProperties  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

from indicators.impor.masalah import ImporError
from indicators.impor.perlindungan import KATEGORI_PENDUDUK, TABEL_PENDUDUK, TAHUN_AWAL, TINGKAT
from indicators.impor.templat import HURUF_MASUKAN, ISI_BANTU, ISI_MASUKAN, daftar_pilihan, tulis_daftar
from indicators.katalog.perlindungan import KatalogPerlindungan, katalog_perlindungan

BARIS_KOSONG = 300
"""Input rows with drop-downs in a sheet of an empty template."""
BARIS_CADANGAN = 100
"""Extra input rows below a prefilled block."""


@dataclass(frozen=True)
class _Kolom:
    nama: str
    masukan: bool
    lebar: float
    catatan: str | None = None


@dataclass(frozen=True)
class _Daftar:
    wilayah: str
    bulan: str
    n_wilayah: int


def _kolom_sheet(katalog: KatalogPerlindungan, tabel: str) -> list[_Kolom]:
    """The columns of one table's sheet: the period and region, one per category, source and note."""
    kolom = [_Kolom("tahun", True, 8), _Kolom("bulan", True, 7), _Kolom("kode_wilayah", True, 13)]
    kolom.append(_Kolom("nama_wilayah", False, 26))
    if tabel == TABEL_PENDUDUK:
        kolom = [k for k in kolom if k.nama != "bulan"]
        kolom.append(_Kolom(KATEGORI_PENDUDUK, True, 12, "Penduduk usia 0–17 tahun (orang); sumber wajib diisi."))
    else:
        t = katalog.tabel[tabel]
        for k in t.kategori.values():
            definisi = f"\n{k.definisi.id}" if k.definisi else ""
            teks = f"{k.label.id} ({t.satuan_kategori(k.id).id}).{definisi}\n{k.label.en}"
            kolom.append(_Kolom(k.id, True, max(9.0, min(len(k.id) + 2.0, 24.0)), teks))
    kolom += [_Kolom("sumber", True, 28), _Kolom("catatan", True, 24)]
    return kolom


def _petunjuk(ws: Worksheet, katalog: KatalogPerlindungan, tahun: int | None) -> None:
    """The instructions: how to fill in, what is refused (personal data first), and the tables."""
    baris: list[tuple[str, ...]] = [
        ("Templat impor Dasbor KLA: Perlindungan Anak (data agregat)",),
        (f"Dibuat {dt.date.today().isoformat()}." + (f" Baris terisi untuk tahun {tahun}." if tahun else ""),),
        ("",),
        ("DILARANG: data pribadi",),
        (
            "Jangan mengisi nama, inisial, NIK/KK, alamat, tanggal lahir, nomor telepon atau surel siapa pun. "
            "Berkas yang memuat kolom atau sel seperti itu ditolak seluruhnya dan tidak ada isinya yang "
            "disimpan atau dicatat (UU 27/2022 PDP; UU 35/2014; UU SPPA Ps. 19).",
        ),
        ("",),
        ("Cara mengisi",),
        ("1. Satu sheet per tabel; nama sheet adalah id tabel. Baris judul (baris 1) dikunci.",),
        ("2. Satu baris per wilayah × bulan: isi tahun, bulan (1–12) dan kode wilayah dari daftar.",),
        ("   Bulan kosong berarti angka setahun penuh; jangan mencampur angka setahun dan bulanan.",),
        ("3. Satu kolom per kategori: jumlah pasti, bilangan bulat ≥ 0. Arahkan kursor ke judul kolom",),
        ("   untuk label, satuan dan definisinya.",),
        ("4. Sel kosong berarti TIDAK DILAPORKAN, bukan nol. Tulis 0 bila memang nol.",),
        ("5. Angka tersamar seperti 1–5, <6 atau x ditolak: impor menyimpan angka pasti; dasbor yang",),
        ("   menyamarkan angka kecil saat menampilkannya kepada publik.",),
        ("6. Bagian tidak boleh melebihi totalnya (mis. korban menurut umur ≤ korban anak; aduan ditangani",),
        ("   tepat waktu ≤ semua aduan tingkat risiko itu).",),
        ("7. Sheet penduduk_anak: jumlah anak usia 0–17 per wilayah dan tahun, dengan sumbernya (wajib);",),
        ("   tanpa penyebut ini, angka per 10.000 anak tidak ditampilkan.",),
        ("8. Semua atau tidak sama sekali; pratinjau menampilkan baris baru/berubah sebelum disimpan, dan",),
        ("   setiap impor dapat dibatalkan. Boleh juga CSV: tahun, bulan, kode_wilayah, tabel, kategori, jumlah.",),
        ("",),
        ("Tabel", "Kategori", "Satuan", "Definisi"),
    ]
    for t in katalog.tabel.values():
        baris.append((t.id, ", ".join(t.kategori), t.satuan.id, t.definisi.id))
    baris.append((TABEL_PENDUDUK, KATEGORI_PENDUDUK, "orang", "Penduduk usia 0–17 tahun (penyebut per 10.000 anak)."))
    baris += [
        ("",),
        (
            "English: one sheet per table, one row per region and month (empty month = whole year), one column "
            "per category with exact whole counts; an empty cell means not reported. No personal data: a file "
            "with names, ID numbers, addresses, dates of birth or phone numbers is refused whole.",
        ),
    ]
    for isi in baris:
        ws.append(list(isi))
    ws["A1"].font = Font(bold=True, size=14)
    for sel in ("A4", "A7"):
        ws[sel].font = Font(bold=True)
    ws["A4"].font = Font(bold=True, color="C00000")
    judul = next(i for i, isi in enumerate(baris, start=1) if isi[:1] == ("Tabel",))
    for sel in ws[judul]:
        sel.font = Font(bold=True)
    for huruf, lebar in zip("ABCD", (22, 60, 10, 70), strict=True):
        ws.column_dimensions[huruf].width = lebar
    ws.protection.sheet = True


def _isi_daftar(ws: Worksheet, wilayah: pd.DataFrame) -> _Daftar:
    hasil = _Daftar(
        wilayah=tulis_daftar(ws, 1, "kode_wilayah", list(wilayah["kode_wilayah"])),
        bulan=tulis_daftar(ws, 4, "bulan", list(range(1, 13))),
        n_wilayah=len(wilayah) + 1,
    )
    tulis_daftar(ws, 2, "nama_wilayah", list(wilayah["nama"]))
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return hasil


def _kepala(ws: Worksheet, kolom: Sequence[_Kolom]) -> None:
    for j, k in enumerate(kolom, start=1):
        sel = ws.cell(row=1, column=j, value=k.nama)
        sel.font = HURUF_MASUKAN if k.masukan else Font(bold=True)
        sel.fill = ISI_MASUKAN if k.masukan else ISI_BANTU
        sel.alignment = Alignment(horizontal="center")
        sel.protection = Protection(locked=True)
        if k.catatan:
            sel.comment = Comment(k.catatan, "Dasbor KLA", width=320, height=140)
        dimensi = ws.column_dimensions[get_column_letter(j)]
        dimensi.width = k.lebar
        if k.masukan:
            dimensi.protection = Protection(locked=False)
        if k.nama == "kode_wilayah":
            dimensi.number_format = "@"  # 33.10 must stay text, not the number 33.1


def _isi(ws: Worksheet, kolom: Sequence[_Kolom], isian: list[dict[str, object]], akhir: int, daftar: _Daftar) -> None:
    """Rows 2..``akhir``: prefilled period and region (unlocked) and the grey region-name helper."""
    posisi = {k.nama: get_column_letter(j) for j, k in enumerate(kolom, start=1)}
    kw = posisi["kode_wilayah"]
    for r in range(2, akhir + 1):
        nilai = isian[r - 2] if r - 2 < len(isian) else {}
        for j, k in enumerate(kolom, start=1):
            v = nilai.get(k.nama)
            if k.masukan:
                if v is not None:
                    sel = ws.cell(row=r, column=j, value=v)
                    sel.protection = Protection(locked=False)
                    if k.nama == "kode_wilayah":
                        sel.number_format = "@"
                continue
            rumus = f'=IF({kw}{r}="","",IFERROR(VLOOKUP({kw}{r},Daftar!$A$2:$B${daftar.n_wilayah},2,FALSE),"?"))'
            ws.cell(row=r, column=j, value=v if v is not None else rumus).fill = ISI_BANTU


def _validasi(ws: Worksheet, kolom: Sequence[_Kolom], akhir: int, daftar: _Daftar) -> None:
    """Drop-downs for the region and month, and whole-number checks for the year and every category."""
    posisi = {k.nama: get_column_letter(j) for j, k in enumerate(kolom, start=1)}
    aturan: list[tuple[str, DataValidation]] = [
        ("kode_wilayah", daftar_pilihan(daftar.wilayah, "kode wilayah")),
        (
            "tahun",
            DataValidation(
                type="whole",
                operator="between",
                formula1=str(TAHUN_AWAL),
                formula2=str(dt.date.today().year + 1),
                showErrorMessage=True,
                error="Tahun empat angka.",
            ),
        ),
    ]
    if "bulan" in posisi:
        aturan.append(("bulan", daftar_pilihan(daftar.bulan, "bulan 1–12 (kosong = setahun)")))
    for k in kolom:
        if k.masukan and k.nama not in ("tahun", "bulan", "kode_wilayah", "sumber", "catatan"):
            minimum = "1" if k.nama == KATEGORI_PENDUDUK else "0"
            aturan.append(
                (
                    k.nama,
                    DataValidation(
                        type="whole",
                        operator="greaterThanOrEqual",
                        formula1=minimum,
                        showErrorMessage=True,
                        errorTitle="Jumlah tidak sah",
                        error=f"Bilangan bulat ≥ {minimum}; kosongkan bila tidak dilaporkan.",
                    ),
                )
            )
    for nama, dv in aturan:
        huruf = posisi[nama]
        dv.add(f"{huruf}2:{huruf}{akhir}")
        ws.add_data_validation(dv)


def _lindungi(ws: Worksheet, kolom: Sequence[_Kolom], akhir: int) -> None:
    ws.freeze_panes = "E2" if ws.title != TABEL_PENDUDUK else "D2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(kolom))}{akhir}"
    proteksi = ws.protection
    proteksi.sheet = True
    proteksi.insertRows = False
    proteksi.deleteRows = False
    proteksi.sort = False
    proteksi.autoFilter = False
    proteksi.formatColumns = False


def _daftar_wilayah(wilayah_df: pd.DataFrame, pilihan: Sequence[str] | None) -> pd.DataFrame:
    df = wilayah_df[wilayah_df["tingkat"].isin(TINGKAT)].sort_values("kode_wilayah")
    if pilihan:
        tak_ada = [k for k in pilihan if k not in set(df["kode_wilayah"])]
        if tak_ada:
            raise ImporError(
                f"Kode wilayah tidak dikenal untuk templat perlindungan anak: {', '.join(tak_ada)}",
                f"Unknown region code for the child-protection template: {', '.join(tak_ada)}",
            )
        df = df[df["kode_wilayah"].isin(pilihan)]
    return df[["kode_wilayah", "nama"]].reset_index(drop=True)


def _baris_isian(tabel: str, wilayah: pd.DataFrame, tahun: int) -> list[dict[str, object]]:
    bulan: list[int | None] = [None] if tabel == TABEL_PENDUDUK else list(range(1, 13))
    return [
        {"tahun": tahun, "bulan": b, "kode_wilayah": kode, "nama_wilayah": nama}
        for kode, nama in zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True)
        for b in bulan
    ]


def buat_templat_perlindungan(
    wilayah_df: pd.DataFrame,
    *,
    tahun: int | None = None,
    wilayah: Sequence[str] | None = None,
    katalog: KatalogPerlindungan | None = None,
) -> bytes:
    """Return the XLSX template of the child-protection import.

    Args:
        wilayah_df: the regions (``kode_wilayah, nama, tingkat``); the drop-down holds the kab/kota
            and provinces among them.
        tahun: prefill every sheet with this year: one row per region and month (per region for
            ``penduduk_anak``).
        wilayah: limit the regions (drop-down and prefilled rows) to these codes.
        katalog: the Perlindungan Anak catalogue (default: the shipped one).

    Raises:
        ImporError: an unknown region code or a year outside 2000 … next year.
    """
    katalog = katalog or katalog_perlindungan()
    if tahun is not None and not TAHUN_AWAL <= tahun <= dt.date.today().year + 1:
        raise ImporError(
            f"Tahun {tahun} di luar {TAHUN_AWAL}–{dt.date.today().year + 1}",
            f"The year {tahun} is outside {TAHUN_AWAL}–{dt.date.today().year + 1}",
        )
    daftar_wilayah = _daftar_wilayah(wilayah_df, wilayah)
    buku = Workbook()
    buku.calculation = CalcProperties(fullCalcOnLoad=True)
    petunjuk = buku.active
    assert petunjuk is not None
    petunjuk.title = "Petunjuk"
    lembar = {t: buku.create_sheet(t) for t in [*katalog.tabel, TABEL_PENDUDUK]}
    daftar = _isi_daftar(buku.create_sheet("Daftar"), daftar_wilayah)
    for tabel, ws in lembar.items():
        kolom = _kolom_sheet(katalog, tabel)
        isian = _baris_isian(tabel, daftar_wilayah, tahun) if tahun is not None else []
        akhir = len(isian) + 1 + BARIS_CADANGAN if isian else BARIS_KOSONG + 1
        _kepala(ws, kolom)
        _isi(ws, kolom, isian, akhir, daftar)
        _validasi(ws, kolom, akhir, daftar)
        _lindungi(ws, kolom, akhir)
    _petunjuk(petunjuk, katalog, tahun)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
