"""Lay out an evaluation pack as a 16:9 PPTX deck with python-pptx, in the project's own template.

The template is set in code (no external file): a green band, the title in the slide's title
placeholder (a real, editable title), one chart per slide as a picture rendered by kaleido, and
on every slide the source line as editable text (with the synthetic note when values are
synthetic) and the slide number. Tables (neighbours, ranking, movers, sources) are native,
editable PowerPoint tables.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from indicators.ekspor.bersih import tanpa_kontrol
from indicators.ekspor.paket.susun import Gambar, Paket, Tabel


def _warna(hex_: str) -> RGBColor:
    warna: RGBColor = RGBColor.from_string(hex_)  # type: ignore[no-untyped-call]  # python-pptx is partly untyped
    return warna


HIJAU_TUA = _warna("00441B")
HIJAU = _warna("006D2C")
HIJAU_MUDA = _warna("E5F5E0")
ABU = _warna("555555")
ORANYE = _warna("A63603")
PUTIH = _warna("FFFFFF")
HITAM = _warna("262730")
FONT = "Calibri"
LEBAR, TINGGI = Inches(13.333), Inches(7.5)
_TEPI = Inches(0.5)
_ATAS_ISI = Inches(1.35)
_BAWAH_ISI = Inches(6.55)
_TATA_JUDUL, _TATA_SAMPUL = 5, 0  # the default master's "Title Only" and "Title Slide" layouts
_BARIS_TABEL = 16


def _teks(kotak: object, isi: str, ukuran: float, warna: RGBColor, *, tebal: bool = False) -> None:
    tf = kotak.text_frame  # type: ignore[attr-defined]
    tf.word_wrap = True
    tf.text = isi
    for par in tf.paragraphs:
        par.alignment = PP_ALIGN.LEFT
        for run in par.runs:
            run.font.size = Pt(ukuran)
            run.font.name = FONT
            run.font.bold = tebal
            run.font.color.rgb = warna


def _padat(bentuk: object, warna: RGBColor) -> None:
    isi = bentuk.fill  # type: ignore[attr-defined]
    isi.solid()
    isi.fore_color.rgb = warna


def _hias(slide: Slide, paket: Paket, nomor: int, judul: str) -> None:
    pita = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(0), Emu(0), LEBAR, Inches(0.16))
    _padat(pita, HIJAU)
    pita.line.fill.background()
    kepala = slide.shapes.title
    if kepala is not None:
        kepala.left, kepala.top, kepala.width, kepala.height = _TEPI, Inches(0.3), Emu(LEBAR - 2 * _TEPI), Inches(0.95)
        _teks(kepala, judul, 28, HIJAU_TUA, tebal=True)
        kepala.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    sumber = slide.shapes.add_textbox(_TEPI, Inches(6.62), Emu(LEBAR - 2 * _TEPI - Inches(0.8)), Inches(0.5))
    _teks(sumber, paket.baris_sumber, 10, ABU)
    if paket.sintetis:
        par = sumber.text_frame.add_paragraph()
        run = par.add_run()
        run.text = paket.catatan_sintetis
        run.font.size, run.font.name, run.font.color.rgb = Pt(10), FONT, ORANYE
    angka = slide.shapes.add_textbox(Emu(LEBAR - _TEPI - Inches(0.7)), Inches(6.95), Inches(0.7), Inches(0.35))
    _teks(angka, str(nomor), 10, ABU)
    angka.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def _gambar(slide: Slide, gbr: Gambar) -> None:
    lebar_maks, tinggi_maks = LEBAR - 2 * _TEPI, _BAWAH_ISI - _ATAS_ISI
    lebar = lebar_maks
    tinggi = int(lebar * gbr.tinggi / gbr.lebar)
    if tinggi > tinggi_maks:
        lebar, tinggi = int(lebar_maks * tinggi_maks / tinggi), tinggi_maks
    kiri = int((LEBAR - lebar) / 2)
    slide.shapes.add_picture(io.BytesIO(gbr.png), Emu(kiri), _ATAS_ISI, width=Emu(int(lebar)), height=Emu(int(tinggi)))


def _tabel(slide: Slide, tabel: Tabel, baris: Sequence[list[str]]) -> None:
    n_baris, n_kolom = len(baris) + 1, len(tabel.kolom)
    tinggi = min(Inches(0.3) * n_baris, _BAWAH_ISI - _ATAS_ISI)
    bentuk = slide.shapes.add_table(n_baris, n_kolom, _TEPI, _ATAS_ISI, Emu(LEBAR - 2 * _TEPI), Emu(int(tinggi)))
    tbl = bentuk.table
    relatif = tabel.lebar or [1.0] * n_kolom
    for j, r in enumerate(relatif):
        tbl.columns[j].width = Emu(int((LEBAR - 2 * _TEPI) * r / sum(relatif)))
    kecil = 11 if n_baris > 12 else 13
    for i, isi in enumerate([tabel.kolom, *baris]):
        for j, nilai in enumerate(isi):
            sel = tbl.cell(i, j)
            _teks(sel, str(nilai), kecil, HIJAU_TUA if i == 0 else HITAM, tebal=i == 0)
            _padat(sel, HIJAU_MUDA if i == 0 else PUTIH)
            sel.margin_top = sel.margin_bottom = Inches(0.03)


def tulis_pptx(paket: Paket) -> bytes:
    """The pack as a deck: a cover, one slide per chart, then the tables worth presenting."""
    paket = tanpa_kontrol(paket)  # python-pptx refuses a control character ("must be XML compatible")
    prs = Presentation()
    prs.slide_width, prs.slide_height = LEBAR, TINGGI
    prs.core_properties.title = f"{paket.judul}: {paket.nama}"
    prs.core_properties.author = "Dasbor KLA"
    prs.core_properties.subject = paket.subjudul

    sampul = prs.slides.add_slide(prs.slide_layouts[_TATA_SAMPUL])
    _hias(sampul, paket, 1, f"{paket.judul}: {paket.nama}")
    assert sampul.shapes.title is not None
    sampul.shapes.title.top = Inches(1.2)
    sampul.shapes.title.height = Inches(1.6)
    sub = sampul.placeholders[1]
    sub.left, sub.top, sub.width, sub.height = _TEPI, Inches(2.9), Emu(LEBAR - 2 * _TEPI), Inches(0.6)
    _teks(sub, paket.subjudul, 18, ABU)
    kpi = sampul.shapes.add_textbox(_TEPI, Inches(3.6), Emu(LEBAR - 2 * _TEPI), Inches(2.8))
    _teks(kpi, "\n".join(f"{label}: {nilai}" for label, nilai in paket.kpi), 18, HITAM)
    kpi.text_frame.add_paragraph().text = paket.dibuat
    nomor = 1

    for bagian in paket.bagian:
        for i, gbr in enumerate(bagian.gambar):
            nomor += 1
            slide = prs.slides.add_slide(prs.slide_layouts[_TATA_JUDUL])
            judul = bagian.judul_gambar[i] if i < len(bagian.judul_gambar) else bagian.judul
            _hias(slide, paket, nomor, judul)
            _gambar(slide, gbr)
        if not bagian.di_slide:
            continue
        for tabel in bagian.tabel if not bagian.gambar else []:
            # Long tables are split evenly over as few slides as hold them (35 rows: 3 x 12).
            per_slide = -(-len(tabel.baris) // max(-(-len(tabel.baris) // _BARIS_TABEL), 1)) or 1
            for awal in range(0, max(len(tabel.baris), 1), per_slide):
                potong = tabel.baris[awal : awal + per_slide]
                nomor += 1
                slide = prs.slides.add_slide(prs.slide_layouts[_TATA_JUDUL])
                judul = bagian.judul
                if len(tabel.baris) > per_slide:
                    judul += f" ({awal + 1}–{awal + len(potong)})"
                _hias(slide, paket, nomor, judul)
                if potong:
                    _tabel(slide, tabel, potong)
        if not bagian.tabel and not bagian.gambar:
            nomor += 1
            slide = prs.slides.add_slide(prs.slide_layouts[_TATA_JUDUL])
            _hias(slide, paket, nomor, bagian.judul)
            kotak = slide.shapes.add_textbox(_TEPI, _ATAS_ISI, Emu(LEBAR - 2 * _TEPI), Inches(3))
            _teks(kotak, "\n".join(p.replace("<b>", "").replace("</b>", "") for p in bagian.paragraf), 18, ABU)
    keluaran = io.BytesIO()
    prs.save(keluaran)
    return keluaran.getvalue()
