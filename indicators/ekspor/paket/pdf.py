"""Typeset an evaluation pack as an A4 PDF report with ReportLab (platypus), fully offline.

One section per page: heading, paragraphs, figures (PNG at 2x from kaleido, scaled to the text
width) and tables. Every page carries the footer (pack, page number) and, when the pack shows
synthetic values, the synthetic note. ReportLab's standard Helvetica covers Indonesian; the few
symbols outside its encoding (≠, →, ≥ …) are written out in ASCII.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_LEFT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # type: ignore[import-untyped]

from indicators.ekspor.bersih import tanpa_kontrol
from indicators.ekspor.paket.susun import Bagian, Paket, Tabel
from indicators.teks import t

HIJAU_TUA = colors.HexColor("#00441b")
HIJAU = colors.HexColor("#006d2c")
HIJAU_MUDA = colors.HexColor("#e5f5e0")
ABU = colors.HexColor("#555555")
ORANYE = colors.HexColor("#a63603")
_TEPI = 16 * mm
_LEBAR_TEKS = A4[0] - 2 * _TEPI
_GANTI = {"≠": "!=", "→": "->", "≥": ">=", "≤": "<=", "−": "-", "Δ": "delta ", "✓": "ya", "⚠": "!"}


def aman(teks: str) -> str:
    """Text that Helvetica (WinAnsi) can show: known symbols spelled out, anything else as '?'."""
    for simbol, ganti in _GANTI.items():
        teks = teks.replace(simbol, ganti)
    return teks.encode("cp1252", errors="replace").decode("cp1252")


def _p(teks: str, gaya: ParagraphStyle, *, markup: bool = False) -> Paragraph:
    # Paragraph text is XML: escape it unless it carries our own <b> markup.
    return Paragraph(aman(teks) if markup else escape(aman(teks)), gaya)


def _gaya() -> dict[str, ParagraphStyle]:
    dasar = getSampleStyleSheet()
    return {
        "judul": ParagraphStyle("judul", dasar["Title"], fontName="Helvetica-Bold", fontSize=24, leading=29,
                                textColor=HIJAU_TUA, alignment=TA_LEFT, spaceAfter=4 * mm),
        "nama": ParagraphStyle("nama", dasar["Title"], fontName="Helvetica-Bold", fontSize=30, leading=36,
                               textColor=colors.black, alignment=TA_LEFT, spaceAfter=3 * mm),
        "sub": ParagraphStyle("sub", dasar["Normal"], fontName="Helvetica", fontSize=12, leading=16, textColor=ABU,
                              spaceAfter=8 * mm),
        "h1": ParagraphStyle("h1", dasar["Heading1"], fontName="Helvetica-Bold", fontSize=16, leading=20,
                             textColor=HIJAU_TUA, spaceAfter=3 * mm),
        "isi": ParagraphStyle("isi", dasar["Normal"], fontName="Helvetica", fontSize=10, leading=13.5,
                              spaceAfter=3 * mm),
        "sel": ParagraphStyle("sel", dasar["Normal"], fontName="Helvetica", fontSize=8.5, leading=10.5),
        "sel_kecil": ParagraphStyle("sel_kecil", dasar["Normal"], fontName="Helvetica", fontSize=7, leading=8.4),
        "kepala": ParagraphStyle("kepala", dasar["Normal"], fontName="Helvetica-Bold", fontSize=8.5, leading=10.5),
        "kpi_label": ParagraphStyle("kpi_label", dasar["Normal"], fontName="Helvetica", fontSize=11, leading=14,
                                    textColor=ABU),
        "kpi_nilai": ParagraphStyle("kpi_nilai", dasar["Normal"], fontName="Helvetica-Bold", fontSize=14, leading=17),
        "peringatan": ParagraphStyle("peringatan", dasar["Normal"], fontName="Helvetica", fontSize=9.5, leading=12.5,
                                     textColor=ORANYE, borderColor=ORANYE, borderWidth=0.8, borderPadding=6,
                                     backColor=colors.HexColor("#fff5eb"), spaceBefore=4 * mm, spaceAfter=6 * mm),
        "sumber": ParagraphStyle("sumber", dasar["Normal"], fontName="Helvetica", fontSize=8, leading=10,
                                 textColor=ABU, spaceBefore=2 * mm),
    }  # fmt: skip


def _tabel(tabel: Tabel, gaya: dict[str, ParagraphStyle], *, kecil: bool = False) -> Table:
    sel = gaya["sel_kecil" if kecil else "sel"]
    kepala = ParagraphStyle("k", gaya["kepala"], fontSize=sel.fontSize, leading=sel.leading)
    data: list[list[Any]] = [[_p(k, kepala) for k in tabel.kolom]]
    data += [[_p(v, sel) for v in baris] for baris in tabel.baris]
    relatif = tabel.lebar or [1.0] * len(tabel.kolom)
    lebar = [_LEBAR_TEKS * r / sum(relatif) for r in relatif]
    hasil = Table(data, colWidths=lebar, repeatRows=1, hAlign="LEFT")
    hasil.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HIJAU_MUDA),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, HIJAU),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#d9d9d9")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.2 if kecil else 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2 if kecil else 3),
            ]
        )
    )
    return hasil


def _gambar(png: bytes, lebar_px: int, tinggi_px: int, tinggi_maks: float) -> Image:
    lebar = _LEBAR_TEKS
    tinggi = lebar * tinggi_px / lebar_px
    if tinggi > tinggi_maks:
        lebar, tinggi = lebar * tinggi_maks / tinggi, tinggi_maks
    return Image(io.BytesIO(png), width=lebar, height=tinggi)


def _isi_bagian(bagian: Bagian, gaya: dict[str, ParagraphStyle], sumber: str) -> list[Any]:
    alur: list[Any] = [_p(bagian.judul, gaya["h1"])]
    alur += [_p(p, gaya["isi"], markup=True) for p in bagian.paragraf]
    # Two pictures share the page; one may take most of it.
    if bagian.tabel:
        tinggi_maks = (95 if len(bagian.gambar) > 1 else 150) * mm
    else:
        tinggi_maks = (112 if len(bagian.gambar) > 1 else 215) * mm
    for i, gbr in enumerate(bagian.gambar):
        if i < len(bagian.judul_gambar):
            alur.append(_p(bagian.judul_gambar[i], gaya["kepala"]))
        alur.append(_gambar(gbr.png, gbr.lebar, gbr.tinggi, tinggi_maks))
    if bagian.gambar:
        alur.append(_p(sumber, gaya["sumber"]))
        alur.append(Spacer(1, 3 * mm))
    # Long tables (every indicator, every kab/kota, every source) use the small cell style to fit a page.
    kecil = any(len(t.baris) > 20 for t in bagian.tabel)
    for tabel in bagian.tabel:
        alur.append(_tabel(tabel, gaya, kecil=kecil))
        alur.append(Spacer(1, 4 * mm))
    return alur


def _kaki(paket: Paket) -> Callable[[Canvas, Any], None]:
    """The page decoration drawn on every page: a rule, the pack and page number, the synthetic note."""

    def kaki(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(HIJAU)
        canvas.setLineWidth(0.6)
        canvas.line(_TEPI, 16 * mm, A4[0] - _TEPI, 16 * mm)
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(ABU)
        # drawString draws a line break as a box: a name holding one (Word's line break) goes on one line.
        canvas.drawString(_TEPI, 11.5 * mm, aman(" ".join(f"Dasbor KLA · {paket.judul} · {paket.nama}".split())))
        canvas.drawRightString(A4[0] - _TEPI, 11.5 * mm, aman(paket.teks_halaman.format(n=canvas.getPageNumber())))
        if paket.sintetis:
            canvas.setFillColor(ORANYE)
            canvas.setFont("Helvetica", 7.5)
            # One line only: the footer band holds no second line.
            canvas.drawString(_TEPI, 7.5 * mm, aman(" ".join(paket.catatan_sintetis.split()))[:175])
        canvas.restoreState()

    return kaki


def _tabel_kpi(paket: Paket, gaya: dict[str, ParagraphStyle]) -> Table:
    """The cover's key figures as a two-column table (label, value)."""
    kpi = Table(
        [[_p(label, gaya["kpi_label"]), _p(nilai, gaya["kpi_nilai"])] for label, nilai in paket.kpi],
        colWidths=[_LEBAR_TEKS * 0.55, _LEBAR_TEKS * 0.45],
        hAlign="LEFT",
    )
    kpi.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#d9d9d9")),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, HIJAU),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return kpi


def _sampul(paket: Paket, gaya: dict[str, ParagraphStyle]) -> list[Any]:
    """The cover page: title, name, subtitle, key figures, synthetic warning, date and sources."""
    alur: list[Any] = [
        Spacer(1, 20 * mm),
        _p(paket.judul, gaya["judul"]),
        _p(paket.nama, gaya["nama"]),
        _p(paket.subjudul, gaya["sub"]),
        _tabel_kpi(paket, gaya),
    ]
    if paket.sintetis:
        alur.append(_p(t("peringatan_sintetis", paket.bahasa), gaya["peringatan"]))
    alur.append(_p(paket.dibuat, gaya["sub"]))
    alur.append(_p(paket.baris_sumber, gaya["sumber"]))
    return alur


def tulis_pdf(paket: Paket) -> bytes:
    """The pack as an A4 PDF report: a cover, then one page per section."""
    paket = tanpa_kontrol(paket)  # the same text as the deck: no control character shown as a box
    gaya = _gaya()
    keluaran = io.BytesIO()
    doc = SimpleDocTemplate(
        keluaran,
        pagesize=A4,
        leftMargin=_TEPI,
        rightMargin=_TEPI,
        topMargin=14 * mm,
        bottomMargin=22 * mm,
        title=aman(f"{paket.judul}: {paket.nama}"),
        author="Dasbor KLA",
        subject=aman(paket.subjudul),
        creator="Dasbor KLA (ReportLab)",
    )
    alur = _sampul(paket, gaya)
    for bagian in paket.bagian:
        # A short section may follow the previous one on its page.
        alur.append(PageBreak() if bagian.halaman_baru else Spacer(1, 6 * mm))
        alur += _isi_bagian(bagian, gaya, paket.baris_sumber)
    kaki = _kaki(paket)
    doc.build(alur, onFirstPage=kaki, onLaterPages=kaki)
    return keluaran.getvalue()
