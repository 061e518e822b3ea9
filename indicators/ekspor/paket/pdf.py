"""Typeset an evaluation pack as an A4 PDF report with ReportLab (platypus), fully offline.

Sections flow one after another (a heading is kept with what follows it; a figure shrinks a little
to finish a page rather than leave half of it empty): headings, paragraphs, figures (PNG at 2x from
kaleido, scaled to the text width) and tables. Every page carries the footer (pack, page number)
and, when the pack shows synthetic values, the synthetic note.

Font: Bitstream Vera, shipped inside the ReportLab package itself (so a fresh machine has it,
offline), embedded in the PDF. It has ≥ ≤ ≠ − but no arrow: → and Δ are set in the PDF standard
Symbol font, which every PDF reader provides. Other symbols outside Vera are spelled out.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_LEFT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    CondPageBreak,
    Image,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from indicators.ekspor.bersih import tanpa_kontrol
from indicators.ekspor.paket.susun import Bagian, Gambar, Paket, Tabel
from indicators.teks import t

HIJAU_TUA = colors.HexColor("#00441b")
HIJAU = colors.HexColor("#006d2c")
HIJAU_MUDA = colors.HexColor("#e5f5e0")
ABU = colors.HexColor("#555555")
ORANYE = colors.HexColor("#a63603")
_TEPI = 16 * mm
_LEBAR_TEKS = A4[0] - 2 * _TEPI
_PAD_SEL = 4.0
"""Left and right padding of a table cell (points)."""
FONT, FONT_TEBAL = "Vera", "Vera-Bold"
_SIMBOL = frozenset("→Δ")
"""Set in the standard Symbol font (not in Vera)."""
ASCII_SIMBOL = {"->": "→", ">=": "≥", "<=": "≤"}
"""ASCII stand-ins (in texts and source citations) printed as the symbols they stand for."""
_GANTI = {"✓": "ya", "⚠": "!", "⇒": "=>"}
"""Spelled out: in neither Vera nor Symbol."""


@cache
def _daftarkan_font() -> frozenset[int]:
    """Register Vera (regular, bold, italic) from ReportLab's own folder; return Vera's code points."""
    folder = Path(reportlab.__file__).parent / "fonts"
    for nama, berkas in ((FONT, "Vera.ttf"), (FONT_TEBAL, "VeraBd.ttf"), ("Vera-Italic", "VeraIt.ttf"),
                         ("Vera-BoldItalic", "VeraBI.ttf")):  # fmt: skip
        pdfmetrics.registerFont(TTFont(nama, str(folder / berkas)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_TEBAL, italic="Vera-Italic", boldItalic="Vera-BoldItalic"
    )
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def aman(teks: str) -> str:
    """Text the canvas can draw in Vera: arrows and symbols outside it spelled out, anything else as '?'."""
    ada = _daftarkan_font()
    ganti = {"→": "->", "Δ": "delta ", **_GANTI}
    return "".join(c if ord(c) in ada or c in "\n\t" else ganti.get(c, "?") for c in teks)


def _markup(teks: str) -> str:
    """Paragraph markup (already XML-escaped): → and Δ in the Symbol font, the rest as :func:`aman`."""
    ada = _daftarkan_font()
    hasil = []
    for c in teks:
        if ord(c) in ada or c in "\n\t":
            hasil.append(c)
        elif c in _SIMBOL:
            hasil.append(f'<font name="Symbol">{c}</font>')
        else:
            hasil.append(_GANTI.get(c, "?"))
    return "".join(hasil)


def _p(teks: str, gaya: ParagraphStyle, *, markup: bool = False) -> Paragraph:
    # Paragraph text is XML: escape it unless it carries our own <b> markup.
    for ascii_, simbol in ASCII_SIMBOL.items():
        teks = teks.replace(ascii_, simbol)
    return Paragraph(_markup(teks if markup else escape(teks)), gaya)


def _gaya() -> dict[str, ParagraphStyle]:
    _daftarkan_font()
    dasar = getSampleStyleSheet()
    return {
        "judul": ParagraphStyle("judul", dasar["Title"], fontName=FONT_TEBAL, fontSize=24, leading=29,
                                textColor=HIJAU_TUA, alignment=TA_LEFT, spaceAfter=4 * mm),
        "nama": ParagraphStyle("nama", dasar["Title"], fontName=FONT_TEBAL, fontSize=30, leading=36,
                               textColor=colors.black, alignment=TA_LEFT, spaceAfter=3 * mm),
        "sub": ParagraphStyle("sub", dasar["Normal"], fontName=FONT, fontSize=12, leading=16, textColor=ABU,
                              spaceAfter=8 * mm),
        "h1": ParagraphStyle("h1", dasar["Heading1"], fontName=FONT_TEBAL, fontSize=15, leading=19,
                             textColor=HIJAU_TUA, spaceBefore=2 * mm, spaceAfter=3 * mm),
        "isi": ParagraphStyle("isi", dasar["Normal"], fontName=FONT, fontSize=9.5, leading=13,
                              spaceAfter=2.5 * mm),
        "sel": ParagraphStyle("sel", dasar["Normal"], fontName=FONT, fontSize=8, leading=10),
        "sel_kecil": ParagraphStyle("sel_kecil", dasar["Normal"], fontName=FONT, fontSize=6.8, leading=8.2),
        "kepala": ParagraphStyle("kepala", dasar["Normal"], fontName=FONT_TEBAL, fontSize=8, leading=10,
                                 splitLongWords=0),
        "kpi_label": ParagraphStyle("kpi_label", dasar["Normal"], fontName=FONT, fontSize=11, leading=14,
                                    textColor=ABU),
        "kpi_nilai": ParagraphStyle("kpi_nilai", dasar["Normal"], fontName=FONT_TEBAL, fontSize=14, leading=17),
        "peringatan": ParagraphStyle("peringatan", dasar["Normal"], fontName=FONT, fontSize=9.5, leading=12.5,
                                     textColor=ORANYE, borderColor=ORANYE, borderWidth=0.8, borderPadding=6,
                                     backColor=colors.HexColor("#fff5eb"), spaceBefore=4 * mm, spaceAfter=6 * mm),
        "sumber": ParagraphStyle("sumber", dasar["Normal"], fontName=FONT, fontSize=7.5, leading=9.5,
                                 textColor=ABU, spaceBefore=1.5 * mm),
    }  # fmt: skip


def lebar_kolom(
    kolom: list[str], relatif: list[float], font: str, ukuran: float, total: float, pad: float = _PAD_SEL
) -> list[float]:
    """Column widths (points) from relative ones, each at least as wide as the longest word of its header.

    A header then breaks between words, never inside one ("Peringka/t"): columns too narrow take
    what they need from the others in proportion to those columns' spare width. ``pad`` is a
    cell's left (= right) padding. The deck uses it too (Vera is wider than Calibri: a safe bound).
    """
    _daftarkan_font()
    minimum = [
        max((pdfmetrics.stringWidth(w, font, ukuran) for w in (k.split() or [""])), default=0.0) + 2 * pad + 1
        for k in kolom
    ]
    lebar = [total * r / sum(relatif) for r in relatif]
    kurang = sum(max(m - w, 0.0) for m, w in zip(minimum, lebar, strict=True))
    lebih = sum(max(w - m, 0.0) for m, w in zip(minimum, lebar, strict=True))
    if kurang <= 0 or lebih <= 0:
        return lebar
    faktor = min(kurang / lebih, 1.0)
    return [m if w < m else w - (w - m) * faktor for m, w in zip(minimum, lebar, strict=True)]


def _tabel(tabel: Tabel, gaya: dict[str, ParagraphStyle], *, kecil: bool = False) -> Table:
    sel = gaya["sel_kecil" if kecil else "sel"]
    kepala = ParagraphStyle("k", gaya["kepala"], fontSize=sel.fontSize, leading=sel.leading)
    judul = ParagraphStyle("kj", kepala, textColor=HIJAU_TUA)
    data: list[list[Any]] = [[_p(k, kepala) for k in tabel.kolom]]
    for i, baris in enumerate(tabel.baris):
        data.append([_p(v, judul if i in tabel.judul_baris else sel) for v in baris])
    relatif = tabel.lebar or [1.0] * len(tabel.kolom)
    lebar = lebar_kolom(tabel.kolom, relatif, FONT_TEBAL, kepala.fontSize, _LEBAR_TEKS)
    hasil = Table(data, colWidths=lebar, repeatRows=1, hAlign="LEFT")
    perintah: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HIJAU_MUDA),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, HIJAU),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#d9d9d9")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD_SEL),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD_SEL),
        ("TOPPADDING", (0, 0), (-1, -1), 2 if kecil else 2.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2 if kecil else 2.6),
    ]
    for i in tabel.judul_baris:  # a group heading spans the row
        perintah += [
            ("SPAN", (0, i + 1), (-1, i + 1)),
            ("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor("#f3faf0")),
        ]
        perintah.append(("TOPPADDING", (0, i + 1), (-1, i + 1), 5))
    hasil.setStyle(TableStyle(perintah))
    return hasil


class _GambarLentur(Image):  # type: ignore[misc]  # ReportLab is untyped
    """A figure that shrinks (down to ``minimum`` of its height) to finish a page instead of moving on."""

    def __init__(self, png: bytes, lebar: float, tinggi: float, minimum: float = 0.72) -> None:
        super().__init__(io.BytesIO(png), width=lebar, height=tinggi)
        self._asli = (lebar, tinggi)
        self._minimum = minimum

    def wrap(self, lebar_ada: float, tinggi_ada: float) -> tuple[float, float]:
        lebar, tinggi = self._asli
        if self._minimum * tinggi <= tinggi_ada < tinggi:
            skala = tinggi_ada / tinggi
            lebar, tinggi = lebar * skala, tinggi * skala
        self.drawWidth, self.drawHeight = lebar, tinggi
        return lebar, tinggi


def _gambar(gbr: Gambar, tinggi_maks: float) -> _GambarLentur:
    lebar = _LEBAR_TEKS
    tinggi = lebar * gbr.tinggi / gbr.lebar
    if tinggi > tinggi_maks:
        lebar, tinggi = lebar * tinggi_maks / tinggi, tinggi_maks
    return _GambarLentur(gbr.png, lebar, tinggi)


def _legenda(gbr: Gambar, gaya: dict[str, ParagraphStyle]) -> Table:
    """A map's legend under it: a colour swatch and a label per entry, in two columns."""
    sel = gaya["sel"]
    isi = [("", _p(label, sel), colors.HexColor("#" + warna)) for label, warna in gbr.legenda]
    separuh = -(-len(isi) // 2)
    baris: list[list[Any]] = []
    perintah: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    for i in range(separuh):
        kanan = isi[i + separuh] if i + separuh < len(isi) else None
        baris.append(["", isi[i][1], "", kanan[1] if kanan else ""])
        perintah.append(("BACKGROUND", (0, i), (0, i), isi[i][2]))
        perintah.append(("BOX", (0, i), (0, i), 0.4, colors.HexColor("#4d4d4d")))
        if kanan:
            perintah.append(("BACKGROUND", (2, i), (2, i), kanan[2]))
            perintah.append(("BOX", (2, i), (2, i), 0.4, colors.HexColor("#4d4d4d")))
    separuh_lebar = _LEBAR_TEKS / 2
    tabel = Table(baris, colWidths=[7 * mm, separuh_lebar - 9 * mm, 7 * mm, separuh_lebar - 9 * mm], hAlign="LEFT")
    tabel.setStyle(TableStyle(perintah))
    return tabel


def _tinggi(alur: list[Any]) -> float:
    """The height flowables take at the text width (paragraph spacing included)."""
    tinggi = 0.0
    for f in alur:
        tinggi += f.wrap(_LEBAR_TEKS, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return tinggi


def _isi_bagian(bagian: Bagian, gaya: dict[str, ParagraphStyle], sumber: str) -> list[Any]:
    """A section's flowables; each figure (with the heading, before the first) starts only where it fits.

    CondPageBreak instead of KeepTogether: a figure may shrink to finish the page (``_GambarLentur``),
    which KeepTogether would not allow.
    """
    kepala: list[Any] = [_p(bagian.judul, gaya["h1"])]
    kepala += [_p(p, gaya["isi"], markup=True) for p in bagian.paragraf]
    alur: list[Any] = []
    tinggi_maks = (100 if len(bagian.gambar) > 1 else 125) * mm
    for i, gbr in enumerate(bagian.gambar):
        blok: list[Any] = [] if i else list(kepala)
        if i < len(bagian.judul_gambar):
            blok.append(_p(bagian.judul_gambar[i], gaya["kepala"]))
        gambar = _gambar(gbr, 175 * mm if gbr.legenda else tinggi_maks)
        ekor = [_legenda(gbr, gaya)] if gbr.legenda else []
        perlu = _tinggi(blok) + gambar._minimum * gambar._asli[1] + _tinggi(ekor)
        alur += [CondPageBreak(perlu), *blok, gambar, *ekor]
    if bagian.gambar:
        alur.append(_p(sumber, gaya["sumber"]))
        alur.append(Spacer(1, 3 * mm))
    else:
        # A heading never ends a page: it starts where its text and a few table rows fit.
        alur += [CondPageBreak(_tinggi(kepala) + 30 * mm), *kepala]
    # Long tables (every indicator, every kab/kota, every source) use the small cell style.
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
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(ABU)
        # drawString draws a line break as a box: a name holding one (Word's line break) goes on one line.
        canvas.drawString(_TEPI, 11.5 * mm, aman(" ".join(f"Dasbor KLA · {paket.judul} · {paket.nama}".split())))
        canvas.drawRightString(A4[0] - _TEPI, 11.5 * mm, aman(paket.teks_halaman.format(n=canvas.getPageNumber())))
        if paket.sintetis:
            canvas.setFillColor(ORANYE)
            canvas.setFont(FONT, 6.6)
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
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return kpi


def _sampul(paket: Paket, gaya: dict[str, ParagraphStyle]) -> list[Any]:
    """The cover page: title, name, subtitle, key figures, synthetic warning, date and sources."""
    alur: list[Any] = [
        Spacer(1, 30 * mm),
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
    """The pack as an A4 PDF report: a cover page, then the sections flowing page after page."""
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
        title=f"{paket.judul}: {paket.nama}",
        author="Dasbor KLA",
        subject=paket.subjudul,
        creator="Dasbor KLA (ReportLab)",
    )
    alur = _sampul(paket, gaya)
    alur.append(PageBreak())  # the cover is a page of its own
    for i, bagian in enumerate(paket.bagian):
        if i:
            alur.append(Spacer(1, 5 * mm))
        alur += _isi_bagian(bagian, gaya, paket.baris_sumber)
    kaki = _kaki(paket)
    doc.build(alur, onFirstPage=kaki, onLaterPages=kaki)
    return keluaran.getvalue()
