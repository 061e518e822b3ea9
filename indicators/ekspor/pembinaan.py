"""The province's supervision view as files: an XLSX workbook and a PDF "laporan pembinaan".

**XLSX** (:func:`tulis_xlsx`): a summary sheet (every kab/kota in risk order, every figure of
:data:`indicators.gugus.pembinaan.KOLOM_PEMBINAAN` as a number), then one sheet per kab/kota (its
figures as label and value, its supervision notes, its overdue checklist items), then the
evaluation calendar with its sources. An unknown figure is the text "tidak diketahui", never an
empty cell that reads as zero. Text from people (findings, names) is written as a string cell with
Excel's quote prefix when it starts like a formula, with control characters removed.

**PDF** (:func:`tulis_pdf`): the evaluation pack's ReportLab layout
(:func:`indicators.ekspor.paket.pdf.tulis_pdf`): a cover with the key figures and the countdown,
the summary table, the open supervision notes, the overdue items, and how to read it (coverage,
risk order, sources); the synthetic note on every page when a score shown is synthetic.

:func:`tabel_tampilan` is the summary as the page and the PDF show it (numbers formatted in the
reader's language, unknown in words).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

from indicators.analisis.ringkasan import TIDAK_ADA
from indicators.ekspor.paket import pdf as paket_pdf
from indicators.ekspor.paket.susun import Bagian, Paket, Tabel
from indicators.ekspor.tabel import berbahaya, slug
from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.gugus import kalender as kal, pembinaan as pb
from indicators.gugus.tugas import kosong, sebagai_tanggal
from indicators.teks import t
from indicators.teks_aman import bersihkan_kontrol

_HIJAU = "E5F5E0"
_ABU = "777777"
_PANJANG_SEL = 32_000  # an XLSX cell holds 32 767 characters
_LARANGAN_SHEET = re.compile(r"[\[\]:*?/\\]")
_TANGGAL = {"snapshot_tanggal"}


# --- words for values ----------------------------------------------------------------------------


def label_bendera(kode: str, bahasa: Bahasa) -> str:
    """A risk flag in words (``total turun``, ``readiness < 50 %``)."""
    return t(f"pb_bendera_{kode}", bahasa, ambang=format_angka(pb.AMBANG_KESIAPAN, 0, bahasa))


def teks_bendera(bendera: object, bahasa: Bahasa) -> str:
    """The ``;``-joined flags of a row in words, ``–`` when none."""
    kode = [b for b in str(bendera or "").split(";") if b]
    return "; ".join(label_bendera(b, bahasa) for b in kode) or t("pb_tanpa_bendera", bahasa)


def _tahu(nilai: object) -> bool:
    return not kosong(nilai)


def _angka(nilai: object, desimal: int, bahasa: Bahasa) -> str:
    return format_angka(float(nilai), desimal, bahasa) if _tahu(nilai) else t("pb_tidak_diketahui", bahasa)  # type: ignore[arg-type]


def _tanda(nilai: float, bahasa: Bahasa) -> str:
    """A change with its sign (``+12,50``, ``−3,20``, ``±0,00``)."""
    teks = format_angka(abs(nilai), 2, bahasa)
    return ("+" if nilai > 0 else "−" if nilai < 0 else "±") + teks


def teks_dasar(r: Mapping[str, Any], bahasa: Bahasa) -> str:
    """Which score the gap comes from: ``snapshot 1 Maret 2026`` or ``evaluasi 2025 (tahap final)``."""
    tanggal = sebagai_tanggal(r.get("dasar_tanggal"))
    if r.get("dasar_selisih") == "snapshot" and tanggal is not None:
        return t("pb_nilai_dasar_snapshot", bahasa, tanggal=format_tanggal(tanggal, bahasa))
    if r.get("dasar_selisih") == "evaluasi" and _tahu(r.get("dasar_tahun")):
        tahap = t(f"tahap_{r['dasar_tahap']}", bahasa).lower()
        return t("pb_nilai_dasar_evaluasi", bahasa, tahun=int(r["dasar_tahun"]), tahap=tahap)
    return t("pb_tidak_diketahui", bahasa)


def _predikat(nilai: object, bahasa: Bahasa) -> str:
    """A predikat by name; none computed, or "Tidak ada" (no award) recorded, in words."""
    return str(nilai) if _tahu(nilai) and str(nilai) and nilai != TIDAK_ADA else t("pb_nilai_tanpa_predikat", bahasa)


def _nyata(nilai: object) -> bool:
    """A ``*_sintetis`` cell that says "real": known and false (unknown counts as not real)."""
    return not kosong(nilai) and not bool(nilai)


def teks_gerak_predikat(r: Mapping[str, Any], bahasa: Bahasa) -> str:
    """The official predikat change: ``Madya (2022) → Pratama (2025)``, with its basis when not plain.

    Adds "disimpulkan" when a result is inferred rather than stated, and the confidence when it is
    below high; only the latest result when the one before is unknown; unknown when none is recorded.
    """
    if not _tahu(r.get("predikat_resmi_terakhir")):
        return t("pb_tidak_diketahui", bahasa)
    kini = t("pb_nilai_predikat_tahun", bahasa, predikat=_predikat(r["predikat_resmi_terakhir"], bahasa),
             tahun=int(r["tahun_predikat_terakhir"]))  # fmt: skip
    if not _tahu(r.get("predikat_resmi_sebelumnya")):
        return t("pb_nilai_predikat_tanpa_lalu", bahasa, kini=kini)
    lalu = t("pb_nilai_predikat_tahun", bahasa, predikat=_predikat(r["predikat_resmi_sebelumnya"], bahasa),
             tahun=int(r["tahun_predikat_sebelumnya"]))  # fmt: skip
    dasar = []
    if _tahu(r.get("predikat_disimpulkan")) and bool(r["predikat_disimpulkan"]):
        dasar.append(t("pb_nilai_disimpulkan", bahasa))
    keyakinan = r.get("predikat_keyakinan")
    if _tahu(keyakinan) and keyakinan != "tinggi":
        dasar.append(t("pb_nilai_keyakinan", bahasa, keyakinan=t(f"pb_keyakinan_{keyakinan}", bahasa)))
    teks = t("pb_nilai_gerak_predikat", bahasa, lalu=lalu, kini=kini)
    return f"{teks} ({'; '.join(dasar)})" if dasar else teks


def _sel_tampilan(r: Mapping[str, Any], bahasa: Bahasa) -> dict[str, str]:
    """One row of the display table: every figure in words and the reader's number format."""
    tak = t("pb_tidak_diketahui", bahasa)
    hasil = {
        "kesiapan": t("pb_nilai_persen", bahasa, nilai=format_angka(float(r["kesiapan_persen"]), 1, bahasa),
                      selesai=int(r["butir_selesai"]), jumlah=int(r["butir_jumlah"]))
        if _tahu(r["kesiapan_persen"]) else tak,
        "butir_lewat": _angka(r["butir_lewat_tenggat"], 0, bahasa),
        "regulasi": t("pb_nilai_dari", bahasa, a=int(r["regulasi_ditetapkan"]), b=int(r["regulasi_diamanatkan"]))
        if _tahu(r["regulasi_diamanatkan"]) else tak,
        "regulasi_masalah": f"{int(r['regulasi_lewat_tenggat'])} / {int(r['regulasi_macet'])}"
        if _tahu(r["regulasi_lewat_tenggat"]) and _tahu(r["regulasi_macet"]) else tak,
        "kelembagaan": t("pb_nilai_dari", bahasa, a=int(r["kelembagaan_terverifikasi"]), b=int(r["kelembagaan_butir"]))
        if _tahu(r["kelembagaan_terverifikasi"]) else tak,
        "snapshot": t("pb_nilai_snapshot", bahasa, total=format_angka(float(r["snapshot_total"]), 2, bahasa),
                      tanggal=format_tanggal(sebagai_tanggal(r["snapshot_tanggal"]), bahasa))  # type: ignore[arg-type]
        if _tahu(r["snapshot_total"]) else t("pb_nilai_belum_ada", bahasa),
        "evaluasi": t("pb_nilai_evaluasi", bahasa, tahun=int(r["tahun_evaluasi"]),
                      total=format_angka(float(r["total_evaluasi"]), 2, bahasa),
                      predikat=_predikat(r["predikat_resmi"], bahasa))
        if _tahu(r["total_evaluasi"]) else tak,
        "perubahan": t("pb_nilai_perubahan" if _nyata(r["perubahan_sintetis"]) else "pb_nilai_perubahan_sintetis",
                       bahasa, selisih=_tanda(float(r["perubahan_total"]), bahasa), tahun=int(r["tahun_sebelumnya"]))
        if _tahu(r["perubahan_total"]) else tak,
        "predikat": teks_gerak_predikat(r, bahasa),
        "selisih": t("pb_nilai_selisih", bahasa, selisih=format_angka(float(r["selisih_ke_predikat_berikut"]), 2,
                                                                      bahasa), predikat=r["predikat_berikut"])
        if _tahu(r["selisih_ke_predikat_berikut"])
        else (t("pb_nilai_puncak", bahasa) if r.get("dasar_selisih") else tak),
        "dasar": teks_dasar(r, bahasa),
        "catatan": t("pb_nilai_catatan", bahasa, terbuka=int(r["catatan_pembinaan_terbuka"]),
                     lewat=int(r["catatan_pembinaan_lewat_tenggat"]))
        if r["catatan_pembinaan_lewat_tenggat"] else format_angka(int(r["catatan_pembinaan_terbuka"]), 0, bahasa),
    }  # fmt: skip
    return hasil


def tabel_tampilan(tabel: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The summary as the page and the PDF show it, one row per kab/kota in the order given.

    The score columns say "(sintetis)" in their header when any row's scores are synthetic, and a
    change resting on a synthetic total says so in its cell (it raises no flag).
    """
    rekam = [{str(k): v for k, v in r.items()} for r in tabel.to_dict("records")]
    sel = [_sel_tampilan(r, bahasa) for r in rekam]
    tanda = t("pb_tanda_sintetis", bahasa) if bool(tabel["sintetis"].any()) else ""
    return pd.DataFrame(
        {
            t("pb_kol_urutan", bahasa): [int(r["urutan_risiko"]) for r in rekam],
            t("pb_kol_kode", bahasa): [str(r["kode_wilayah"]) for r in rekam],
            t("pb_kol_kabkota", bahasa): [str(r["nama"]) for r in rekam],
            t("pb_kol_risiko", bahasa): [teks_bendera(r["bendera_risiko"], bahasa) for r in rekam],
            t("pb_kol_kesiapan", bahasa): [s["kesiapan"] for s in sel],
            t("pb_kol_butir_lewat", bahasa): [s["butir_lewat"] for s in sel],
            t("pb_kol_regulasi", bahasa): [s["regulasi"] for s in sel],
            t("pb_kol_regulasi_masalah", bahasa): [s["regulasi_masalah"] for s in sel],
            t("pb_kol_kelembagaan", bahasa): [s["kelembagaan"] for s in sel],
            t("pb_kol_snapshot", bahasa): [s["snapshot"] for s in sel],
            t("pb_kol_evaluasi", bahasa) + tanda: [s["evaluasi"] for s in sel],
            t("pb_kol_predikat_gerak", bahasa): [s["predikat"] for s in sel],
            t("pb_kol_perubahan", bahasa) + tanda: [s["perubahan"] for s in sel],
            t("pb_kol_selisih", bahasa) + tanda: [s["selisih"] for s in sel],
            t("pb_kol_dasar", bahasa): [s["dasar"] for s in sel],
            t("pb_kol_catatan", bahasa): [s["catatan"] for s in sel],
        }
    )


def tabel_catatan(catatan: pd.DataFrame, bahasa: Bahasa, *, dengan_wilayah: bool = True) -> pd.DataFrame:
    """Supervision notes for display: date, region, finding, recommendation, owner, due date, status."""
    rekam = [{str(k): v for k, v in r.items()} for r in catatan.to_dict("records")]
    status = pb.STATUS_CATATAN_LABEL
    data: dict[str, list[Any]] = {t("pb_kol_nomor", bahasa): [int(r["catatan_id"]) for r in rekam]}
    if dengan_wilayah:
        data[t("pb_kol_kabkota", bahasa)] = [str(r.get("nama") or r["kode_wilayah"]) for r in rekam]
    data |= {
        t("pb_kol_tanggal", bahasa): [format_tanggal(r["tanggal"], bahasa) for r in rekam],
        t("pb_kol_temuan", bahasa): [str(r["temuan"]) for r in rekam],
        t("pb_kol_rekomendasi", bahasa): ["" if kosong(r["rekomendasi"]) else str(r["rekomendasi"]) for r in rekam],
        t("pb_kol_penanggung_jawab", bahasa): [
            "" if kosong(r["penanggung_jawab"]) else str(r["penanggung_jawab"]) for r in rekam
        ],
        t("pb_kol_tenggat", bahasa): [
            "–" if r["tenggat"] is None else format_tanggal(r["tenggat"], bahasa) for r in rekam
        ],
        t("pb_kol_status", bahasa): [
            status[str(r["status"])][0 if bahasa == "id" else 1]
            + (" · " + t("pb_kol_lewat_tenggat", bahasa).lower() if r["lewat_tenggat"] else "")
            for r in rekam
        ],
    }
    return pd.DataFrame(data)


# --- XLSX ------------------------------------------------------------------------------------------


def _tulis(ws: Any, baris: int, kolom: int, nilai: object, bahasa: Bahasa, *, tanggal: bool = False) -> Any:
    """Write one cell: numbers and dates typed, text a string cell (never a formula), unknown in words."""
    sel = ws.cell(row=baris, column=kolom)
    if kosong(nilai) or nilai is None:
        sel.value = t("pb_tidak_diketahui", bahasa)
        sel.font = Font(italic=True, color=_ABU)
        return sel
    if hasattr(nilai, "item") and not isinstance(nilai, str):
        nilai = nilai.item()  # numpy scalars
    if isinstance(nilai, bool | int | float):
        sel.value = nilai
    elif isinstance(nilai, dt.date) or tanggal:
        sel.value = sebagai_tanggal(nilai)
        sel.number_format = "DD/MM/YYYY"
    else:
        teks = bersihkan_kontrol(str(nilai))[:_PANJANG_SEL]
        sel.value = teks
        sel.data_type = "s"  # openpyxl would otherwise store '=…' as a formula
        sel.quotePrefix = berbahaya(teks)
    return sel


def _teks(ws: Any, baris: int, kolom: int, teks: str, **gaya: Any) -> None:
    sel = ws.cell(row=baris, column=kolom)
    sel.value = bersihkan_kontrol(teks)
    sel.data_type = "s"
    sel.quotePrefix = berbahaya(sel.value)
    if gaya:
        sel.font = Font(**gaya)


def _kepala_tabel(ws: Any, baris: int, judul: Sequence[str]) -> None:
    for k, teks in enumerate(judul, start=1):
        _teks(ws, baris, k, teks, bold=True)
        ws.cell(row=baris, column=k).fill = PatternFill("solid", fgColor=_HIJAU)
        ws.cell(row=baris, column=k).alignment = Alignment(wrap_text=True, vertical="top")


def nama_sheet(teks: str, terpakai: set[str]) -> str:
    r"""A sheet name Excel accepts (≤ 31 characters, none of ``[]:*?/\\``), unique in the workbook."""
    dasar = _LARANGAN_SHEET.sub("-", bersihkan_kontrol(teks)).strip("'")[:31] or "Sheet"
    nama, n = dasar, 2
    while nama.casefold() in terpakai:
        akhiran = f" ({n})"
        nama, n = dasar[: 31 - len(akhiran)] + akhiran, n + 1
    terpakai.add(nama.casefold())
    return nama


def _nilai_xlsx(kolom: str, nilai: object, bahasa: Bahasa) -> object:
    """A figure as the workbook stores it: flags, yes/no and confidence in words, the rest as they are."""
    if kolom == "bendera_risiko":
        return teks_bendera(nilai, bahasa)
    if kolom in ("perubahan_sintetis", "predikat_disimpulkan") and _tahu(nilai):
        return t("pb_ya" if bool(nilai) else "pb_tidak", bahasa)
    if kolom == "predikat_keyakinan" and _tahu(nilai):
        return t(f"pb_keyakinan_{nilai}", bahasa)
    return nilai


def _lembar_ringkasan(ws: Any, p: pb.Pembinaan, bahasa: Bahasa, hitung_mundur: Sequence[str]) -> None:
    _teks(ws, 1, 1, t("pb_judul_laporan", bahasa, provinsi=p.nama_provinsi), bold=True, size=14)
    _teks(ws, 2, 1, t("pb_per_tanggal", bahasa, tanggal=format_tanggal(p.hari_ini, bahasa)))
    baris = 3
    for teks in [t("pb_cakupan", bahasa, **p.cakupan), *hitung_mundur,
                 t("pb_urutan_risiko", bahasa, ambang=format_angka(pb.AMBANG_KESIAPAN, 0, bahasa)),
                 t("pb_sumber", bahasa)]:  # fmt: skip
        _teks(ws, baris, 1, teks)
        baris += 1
    if p.sintetis:
        for kunci in ("pb_sintetis", "pb_sintetis_risiko"):
            _teks(ws, baris, 1, t(kunci, bahasa), color="A63603")
            baris += 1
    baris += 1
    kolom = [*pb.KOLOM_PEMBINAAN[:-1], "dasar_teks"]
    kolom = [k for k in kolom if k not in ("dasar_selisih", "dasar_tanggal", "dasar_tahun", "dasar_tahap")]
    judul = [t("pb_f_dasar_selisih", bahasa) if k == "dasar_teks" else t(f"pb_f_{k}", bahasa) for k in kolom]
    _kepala_tabel(ws, baris, judul)
    for i, r in enumerate(p.tabel.to_dict("records"), start=baris + 1):
        rekam = {str(k): v for k, v in r.items()}
        for j, k in enumerate(kolom, start=1):
            nilai = teks_dasar(rekam, bahasa) if k == "dasar_teks" else _nilai_xlsx(k, rekam[k], bahasa)
            _tulis(ws, i, j, nilai, bahasa, tanggal=k in _TANGGAL and not kosong(nilai))
    ws.freeze_panes = ws.cell(row=baris + 1, column=4)
    for j in range(1, len(kolom) + 1):
        ws.column_dimensions[get_column_letter(j)].width = 14
    ws.column_dimensions["C"].width = 26
    ws.column_dimensions["E"].width = 36


def _lembar_wilayah(
    ws: Any, p: pb.Pembinaan, r: Mapping[str, Any], catatan: pd.DataFrame, telat: pd.DataFrame, bahasa: Bahasa
) -> None:
    _teks(ws, 1, 1, t("pb_judul_wilayah", bahasa, nama=r["nama"], kode=r["kode_wilayah"]), bold=True, size=14)
    _teks(ws, 2, 1, t("pb_per_tanggal_provinsi", bahasa, provinsi=p.nama_provinsi,
                      tanggal=format_tanggal(p.hari_ini, bahasa)))  # fmt: skip
    baris = 3
    if r["sintetis"]:
        _teks(ws, baris, 1, t("pb_sintetis", bahasa), color="A63603")
        baris += 1
    baris += 1
    _kepala_tabel(ws, baris, [t("pb_kol_angka", bahasa), t("pb_kol_nilai", bahasa)])
    for kolom in pb.KOLOM_PEMBINAAN[3:-1]:
        if kolom in ("dasar_tanggal", "dasar_tahun", "dasar_tahap"):
            continue
        baris += 1
        _teks(ws, baris, 1, t(f"pb_f_{kolom}", bahasa))
        nilai = teks_dasar(r, bahasa) if kolom == "dasar_selisih" else _nilai_xlsx(kolom, r[kolom], bahasa)
        _tulis(ws, baris, 2, nilai, bahasa, tanggal=kolom in _TANGGAL and not kosong(nilai))
    baris += 2
    _teks(ws, baris, 1, t("pb_judul_catatan", bahasa), bold=True, size=12)
    baris = _tabel_xlsx(ws, baris + 1, tabel_catatan(catatan, bahasa, dengan_wilayah=False), bahasa)
    baris += 1
    _teks(ws, baris, 1, t("pb_judul_lewat_tenggat", bahasa), bold=True, size=12)
    _tabel_xlsx(ws, baris + 1, tabel_lewat_tenggat(telat, bahasa), bahasa)
    ws.column_dimensions["A"].width = 40
    for huruf in "BCDEFGH":
        ws.column_dimensions[huruf].width = 24


def _tabel_xlsx(ws: Any, baris: int, data: pd.DataFrame, bahasa: Bahasa) -> int:
    """Write a display table (header, rows) from ``baris``; a line saying none when empty. Returns the next row."""
    if data.empty:
        _teks(ws, baris, 1, t("pb_tidak_ada_baris", bahasa), italic=True, color=_ABU)
        return baris + 1
    _kepala_tabel(ws, baris, [str(k) for k in data.columns])
    for i, nilai in enumerate(data.itertuples(index=False, name=None), start=baris + 1):
        for j, v in enumerate(nilai, start=1):
            if isinstance(v, str):
                _teks(ws, i, j, v)
                ws.cell(row=i, column=j).alignment = Alignment(wrap_text=True, vertical="top")
            else:
                _tulis(ws, i, j, v, bahasa)
    return baris + len(data) + 1


def tabel_lewat_tenggat(telat: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Overdue checklist items for display: indicator, item, OPD, status, due date."""
    rekam = [{str(k): v for k, v in r.items()} for r in telat.to_dict("records")]
    return pd.DataFrame(
        {
            t("pb_kol_indikator", bahasa): [str(r["indikator"]) for r in rekam],
            t("pb_kol_butir", bahasa): [str(r["nama"] if bahasa == "id" else r["nama_en"]) for r in rekam],
            t("pb_kol_opd", bahasa): [str(r["opd"]) for r in rekam],
            t("pb_kol_status", bahasa): [t(f"status_butir_{r['status']}", bahasa) for r in rekam],
            t("pb_kol_tenggat", bahasa): [format_tanggal(sebagai_tanggal(r["tenggat"]), bahasa) for r in rekam],  # type: ignore[arg-type]
        }
    )


def _lembar_kalender(ws: Any, kalender: pd.DataFrame, bahasa: Bahasa) -> None:
    _teks(ws, 1, 1, t("pb_kal_judul", bahasa), bold=True, size=14)
    _teks(ws, 2, 1, t("pb_kal_sumber", bahasa))
    _tabel_xlsx(ws, 4, kal.tabel_kalender(kalender, bahasa), bahasa)
    for huruf, lebar in zip("ABCDEFG", (10, 30, 18, 18, 60, 60, 18), strict=True):
        ws.column_dimensions[huruf].width = lebar


def tulis_xlsx(
    p: pb.Pembinaan, bahasa: Bahasa, *, kalender: pd.DataFrame | None = None, hitung_mundur: Sequence[str] = ()
) -> bytes:
    """The workbook: summary sheet, one sheet per kab/kota (risk order), then the calendar when given."""
    wb = Workbook()
    ringkas = wb.active
    terpakai: set[str] = set()
    ringkas.title = nama_sheet(t("pb_sheet_ringkasan", bahasa), terpakai)
    _lembar_ringkasan(ringkas, p, bahasa, hitung_mundur)
    for r in p.tabel.to_dict("records"):
        rekam = {str(k): v for k, v in r.items()}
        kode = str(rekam["kode_wilayah"])
        ws = wb.create_sheet(nama_sheet(f"{kode} {rekam['nama']}", terpakai))
        catatan = p.catatan[p.catatan["kode_wilayah"] == kode]
        telat = p.lewat_tenggat[p.lewat_tenggat["kode_wilayah"] == kode]
        _lembar_wilayah(ws, p, rekam, catatan, telat, bahasa)
    if kalender is not None:
        _lembar_kalender(wb.create_sheet(nama_sheet(t("pb_kal_judul", bahasa), terpakai)), kalender, bahasa)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


# --- PDF -------------------------------------------------------------------------------------------


def _tabel_pdf(data: pd.DataFrame, lebar: list[float] | None = None) -> Tabel:
    return Tabel([str(k) for k in data.columns], [[str(v) for v in b] for b in data.itertuples(index=False)], lebar)


def _ringkasan_pdf(p: pb.Pembinaan, bahasa: Bahasa) -> tuple[Tabel, Tabel]:
    """The summary split in two tables an A4 page holds: the work in hand, then the scores."""
    data = tabel_tampilan(p.tabel, bahasa)
    kolom = [str(k) for k in data.columns]
    data.columns = ["#", *kolom[1:]]
    # By position: the score headers carry "(sintetis)" when any score is synthetic.
    nama, risiko, kesiapan, butir, regulasi, _, kelembagaan, snapshot, evaluasi = kolom[2:11]
    predikat, perubahan, selisih, dasar, catatan = kolom[11:16]
    kerja = ["#", nama, risiko, kesiapan, butir, regulasi, kelembagaan, catatan]
    skor = ["#", nama, snapshot, evaluasi, predikat, perubahan, selisih, dasar]
    return (
        _tabel_pdf(data[kerja], [0.5, 1.5, 2.0, 1.4, 0.9, 1.1, 1.1, 1.1]),
        _tabel_pdf(data[skor], [0.4, 1.4, 1.1, 1.3, 1.7, 1.2, 1.2, 1.3]),
    )


def _kpi(p: pb.Pembinaan, bahasa: Bahasa) -> list[tuple[str, str]]:
    catatan = p.catatan
    berisiko = int((p.tabel["jumlah_bendera"] > 0).sum())
    return [
        (t("pb_kpi_kabkota", bahasa), format_angka(len(p.tabel), 0, bahasa)),
        (t("pb_kpi_terpantau", bahasa), t("pb_nilai_dari", bahasa, a=p.cakupan["kesiapan"], b=p.cakupan["jumlah"])),
        (t("pb_kpi_berisiko", bahasa), t("pb_nilai_dari", bahasa, a=berisiko, b=len(p.tabel))),
        (t("pb_kpi_catatan_terbuka", bahasa), format_angka(int(catatan["terbuka"].sum()), 0, bahasa)),
        (t("pb_kpi_catatan_lewat", bahasa), format_angka(int(catatan["lewat_tenggat"].sum()), 0, bahasa)),
    ]


def susun_laporan(p: pb.Pembinaan, bahasa: Bahasa, *, hitung_mundur: Sequence[str] = ()) -> Paket:
    """The laporan pembinaan as a pack (cover, summary, open notes, overdue items, how to read it)."""
    terbuka = p.catatan[p.catatan["terbuka"]]
    kerja, skor = _ringkasan_pdf(p, bahasa)
    bagian = [
        Bagian(t("pb_judul_ringkasan", bahasa), paragraf=[t("pb_cakupan", bahasa, **p.cakupan)], tabel=[kerja]),
        Bagian(t("pb_judul_ringkasan_skor", bahasa), paragraf=[t("pb_sumber", bahasa)], tabel=[skor],
               sintetis=p.sintetis),
        Bagian(t("pb_judul_catatan_terbuka", bahasa),
               paragraf=[] if len(terbuka) else [t("pb_tidak_ada_baris", bahasa)],
               tabel=[_tabel_pdf(tabel_catatan(terbuka, bahasa).rename(columns={t("pb_kol_nomor", bahasa): "#"}),
                                 [0.4, 1.3, 1.4, 2.3, 2.0, 1.2, 1.4, 1.2])]
               if len(terbuka) else []),
        Bagian(t("pb_judul_lewat_tenggat", bahasa),
               paragraf=[] if len(p.lewat_tenggat) else [t("pb_tidak_ada_baris", bahasa)],
               tabel=[_tabel_pdf(_lewat_dengan_wilayah(p, bahasa), [1.3, 0.9, 3.0, 1.6, 1.0, 1.1])]
               if len(p.lewat_tenggat) else [], halaman_baru=False),
        Bagian(t("pb_judul_cara_baca", bahasa),
               paragraf=[t("pb_urutan_risiko", bahasa, ambang=format_angka(pb.AMBANG_KESIAPAN, 0, bahasa)),
                         t("pb_sumber", bahasa),
                         *([t("pb_sintetis", bahasa), t("pb_sintetis_risiko", bahasa)] if p.sintetis else [])],
               halaman_baru=False),
    ]  # fmt: skip
    tanggal = format_tanggal(p.hari_ini, bahasa)
    return Paket(
        jenis="provinsi",
        judul=t("pb_judul_pdf", bahasa),
        nama=p.nama_provinsi,
        subjudul=" ".join([t("pb_per_tanggal", bahasa, tanggal=tanggal), *hitung_mundur]),
        bahasa=bahasa,
        kpi=_kpi(p, bahasa),
        bagian=bagian,
        baris_sumber=t("pb_sumber", bahasa),
        sintetis=p.sintetis,
        catatan_sintetis=t("pb_sintetis", bahasa),
        teks_halaman=t("halaman", bahasa, n="{n}"),
        dibuat=t("paket_dibuat", bahasa, tanggal=tanggal),
        nama_berkas=nama_berkas(p, bahasa, "pdf").removesuffix(".pdf"),
    )


def _lewat_dengan_wilayah(p: pb.Pembinaan, bahasa: Bahasa) -> pd.DataFrame:
    nama = dict(zip(p.tabel["kode_wilayah"], p.tabel["nama"], strict=True))
    data = tabel_lewat_tenggat(p.lewat_tenggat, bahasa)
    data.insert(0, t("pb_kol_kabkota", bahasa), [nama.get(str(k), str(k)) for k in p.lewat_tenggat["kode_wilayah"]])
    return data


def tulis_pdf(p: pb.Pembinaan, bahasa: Bahasa, *, hitung_mundur: Sequence[str] = ()) -> bytes:
    """The laporan pembinaan as an A4 PDF (ReportLab), for the province's meeting."""
    return paket_pdf.tulis_pdf(susun_laporan(p, bahasa, hitung_mundur=hitung_mundur))


def nama_berkas(p: pb.Pembinaan, bahasa: Bahasa, ekstensi: str) -> str:
    """``kla_pembinaan_jawa-tengah_2026-12-04.xlsx`` (``_en`` before the extension in English)."""
    bagian = ["kla", "pembinaan", slug(p.nama_provinsi), p.hari_ini.isoformat(), *(["en"] if bahasa == "en" else [])]
    return "_".join(bagian) + "." + ekstensi
