"""Lay out an evaluation pack as a 16:9 PPTX deck with python-pptx, in the project's own template.

The template is set in code (no external file): a green band, the title in the slide's title
placeholder (a real, editable title), the source line as editable text on every slide (with the
synthetic note when values are synthetic) and the slide number. Bar and line charts are native,
editable PowerPoint charts drawn from the numbers the figure builders draw (``Gambar.bagan``); the
map stays a picture, with its legend as slide text large enough to read from the back of a room.
Tables are native tables sized to the slide. Every content slide carries speaker notes: the key
figures (numbers through Babel) and their sources.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from indicators.ekspor.bersih import tanpa_kontrol
from indicators.ekspor.paket.bagan import DataBagan
from indicators.ekspor.paket.pdf import ASCII_SIMBOL, FONT_TEBAL, lebar_kolom
from indicators.ekspor.paket.susun import Bagian, Gambar, Paket, Tabel
from indicators.format import Bahasa
from indicators.teks import t


def _warna(hex_: str) -> RGBColor:
    warna: RGBColor = RGBColor.from_string(hex_.lstrip("#").upper())  # type: ignore[no-untyped-call]  # python-pptx is partly untyped
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
_BAWAH_ISI = Inches(6.5)
_TINGGI_ISI = _BAWAH_ISI - _ATAS_ISI
_LEBAR_ISI = LEBAR - 2 * _TEPI
_EMU_PT = 12700
_TATA_JUDUL, _TATA_SAMPUL = 5, 0  # the default master's "Title Only" and "Title Slide" layouts
UKURAN_LEGENDA = 16
"""Point size of the map legend on a slide (readable from the back of a meeting room)."""
UKURAN_TABEL = (18, 16, 14, 12)
"""Table font sizes tried from large to small; 12 pt is the smallest a deck uses."""
_JENIS_BAGAN = {
    "batang": XL_CHART_TYPE.BAR_CLUSTERED,
    "kolom": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "garis": XL_CHART_TYPE.LINE_MARKERS,
}


def _teks(kotak: object, isi: str, ukuran: float, warna: RGBColor, *, tebal: bool = False) -> None:
    tf = kotak.text_frame  # type: ignore[attr-defined]
    tf.word_wrap = True
    for ascii_, simbol in ASCII_SIMBOL.items():  # as in the report: "2022 -> 2023" reads "2022 → 2023"
        isi = isi.replace(ascii_, simbol)
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


def _polos(markup: str) -> str:
    return markup.replace("<b>", "").replace("</b>", "")


def _hias(slide: Slide, paket: Paket, nomor: int, judul: str) -> None:
    pita = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(0), Emu(0), LEBAR, Inches(0.16))
    _padat(pita, HIJAU)
    pita.line.fill.background()
    kepala = slide.shapes.title
    if kepala is not None:
        kepala.left, kepala.top, kepala.width, kepala.height = _TEPI, Inches(0.3), Emu(_LEBAR_ISI), Inches(0.95)
        # A long title (the counts chart names its basis) steps down so it stays within its two lines.
        _teks(kepala, judul, 28 if len(judul) <= 60 else 22 if len(judul) <= 80 else 18, HIJAU_TUA, tebal=True)
        kepala.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    sumber = slide.shapes.add_textbox(_TEPI, Inches(6.62), Emu(_LEBAR_ISI - Inches(0.8)), Inches(0.5))
    sumber.name = "Sumber"
    _teks(sumber, paket.baris_sumber, 10, ABU)
    if paket.sintetis:
        par = sumber.text_frame.add_paragraph()
        run = par.add_run()
        run.text = paket.catatan_sintetis
        run.font.size, run.font.name, run.font.color.rgb = Pt(10), FONT, ORANYE
    angka = slide.shapes.add_textbox(Emu(LEBAR - _TEPI - Inches(0.7)), Inches(6.95), Inches(0.7), Inches(0.35))
    angka.name = "Nomor"
    _teks(angka, str(nomor), 10, ABU)
    angka.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def _catatan(slide: Slide, paket: Paket, paragraf: Sequence[str], angka: Sequence[str]) -> None:
    """Speaker notes: what the slide says, its key figures and where they come from."""
    bagian = [_polos(p) for p in paragraf]
    if angka:
        bagian += [t("pk_angka_kunci", paket.bahasa), *angka]
    bagian.append(paket.baris_sumber)  # "Sumber: …" / "Source: …", as on the slide
    if paket.sintetis:
        bagian.append(paket.catatan_sintetis)
    catatan = slide.notes_slide.notes_text_frame
    if catatan is not None:  # python-pptx's default notes master always has the body placeholder
        catatan.text = "\n".join(bagian)


def _bagan(slide: Slide, data: DataBagan, bahasa: Bahasa) -> None:
    """A native chart of ``data`` filling the content area (a note under it when it has one)."""
    tinggi = _TINGGI_ISI - (Inches(0.55) if data.catatan else 0)
    # The locale tag makes PowerPoint and Impress show 844,56 in an Indonesian deck whatever the viewer's locale.
    lokal = "[$-421]" if bahasa == "id" else "[$-409]"
    isi: Any = CategoryChartData(number_format=lokal + ("#,##0" if data.desimal == 0 else "#,##0.00"))  # type: ignore[no-untyped-call]
    # Horizontal bars are drawn bottom-up: feed them reversed so the first category reads on top
    # (reverse_order would move the value axis to the top in Impress).
    balik = slice(None, None, -1) if data.jenis == "batang" else slice(None)
    isi.categories = list(data.kategori)[balik]
    for seri in data.seri:
        isi.add_series(seri.nama, list(seri.nilai)[balik])
    bingkai = slide.shapes.add_chart(_JENIS_BAGAN[data.jenis], _TEPI, _ATAS_ISI, Emu(_LEBAR_ISI), Emu(tinggi), isi)
    grafik: Any = bingkai.chart  # type: ignore[attr-defined]  # python-pptx's GraphicFrame is untyped here
    grafik.font.size, grafik.font.name = Pt(14), FONT
    grafik.has_title = False  # the slide title names the chart
    grafik.has_legend = len(data.seri) > 1
    if grafik.has_legend:
        grafik.legend.position, grafik.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
        grafik.legend.font.size = Pt(14)
    grafik.value_axis.has_title = True
    grafik.value_axis.axis_title.text_frame.text = data.judul_sumbu
    grafik.value_axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    plot = grafik.plots[0]
    if data.jenis != "garis":
        grafik.value_axis.minimum_scale = 0  # a bar starts at zero: a cut axis exaggerates differences
        plot.gap_width = 60
    for i, (seri_data, seri) in enumerate(zip(data.seri, plot.series, strict=True)):
        if data.jenis == "garis":
            seri.format.line.color.rgb = _warna(seri_data.warna or "31A354")
            seri.format.line.width = Pt(3)
            seri.marker.style, seri.marker.size = XL_MARKER_STYLE.CIRCLE, 10
            seri.smooth = False
        elif seri_data.warna:
            _padat(seri.format, _warna(seri_data.warna))
        for j, warna in enumerate(seri_data.warna_titik[balik]):
            _padat(seri.points[j].format, _warna(warna))
        if i == 0:  # the values of the first series as labels; the others are in the legend and notes
            seri.data_labels.show_value = True
            seri.data_labels.font.size = Pt(12)
            seri.data_labels.number_format_is_linked = True
    if data.catatan:
        kotak = slide.shapes.add_textbox(_TEPI, Emu(_ATAS_ISI + tinggi + Inches(0.05)), Emu(_LEBAR_ISI), Inches(0.5))
        _teks(kotak, data.catatan, 13, ABU)


def _peta(slide: Slide, gbr: Gambar, judul_legenda: str) -> None:
    """The map as a picture as tall as the content area, its legend beside it as slide text."""
    tinggi = _TINGGI_ISI
    lebar = int(tinggi * gbr.lebar / gbr.tinggi)
    slide.shapes.add_picture(io.BytesIO(gbr.png), _TEPI, _ATAS_ISI, width=Emu(lebar), height=Emu(int(tinggi)))
    kiri = _TEPI + lebar + Inches(0.3)
    lebar_teks = LEBAR - _TEPI - kiri - Inches(0.5)
    judul = slide.shapes.add_textbox(Emu(kiri), _ATAS_ISI, Emu(lebar_teks + Inches(0.5)), Inches(0.5))
    judul.name = "Legenda"
    _teks(judul, judul_legenda, UKURAN_LEGENDA, HIJAU_TUA, tebal=True)
    langkah = min(Inches(0.62), int((tinggi - Inches(0.6)) / max(len(gbr.legenda), 1)))
    for i, (label, warna) in enumerate(gbr.legenda):
        atas = _ATAS_ISI + Inches(0.6) + i * langkah
        kotak = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, Emu(kiri), Emu(atas + Inches(0.06)), Inches(0.36), Inches(0.3)
        )
        _padat(kotak, _warna(warna))
        kotak.line.color.rgb = _warna("4D4D4D")
        teks = slide.shapes.add_textbox(Emu(kiri + Inches(0.5)), Emu(atas), Emu(lebar_teks), Emu(langkah))
        teks.name = "Legenda"
        _teks(teks, label, UKURAN_LEGENDA, HITAM)


def _gambar(slide: Slide, gbr: Gambar) -> None:
    """A picture (a figure without native chart) scaled to fill the content area."""
    lebar = _LEBAR_ISI
    tinggi = int(lebar * gbr.tinggi / gbr.lebar)
    if tinggi > _TINGGI_ISI:
        lebar, tinggi = int(_LEBAR_ISI * _TINGGI_ISI / tinggi), _TINGGI_ISI
    kiri = int((LEBAR - lebar) / 2)
    slide.shapes.add_picture(io.BytesIO(gbr.png), Emu(kiri), _ATAS_ISI, width=Emu(int(lebar)), height=Emu(int(tinggi)))


# --- tables -----------------------------------------------------------------------------------------


def _lebar_kolom(tabel: Tabel, lebar_total: int, pt: int) -> list[int]:
    """Column widths (EMU) in which no header word is broken (the report's rule, cell margins 0,1")."""
    relatif = tabel.lebar or [1.0] * len(tabel.kolom)
    lebar = lebar_kolom(tabel.kolom, relatif, FONT_TEBAL, pt, lebar_total / _EMU_PT, pad=7.2)
    return [int(w * _EMU_PT) for w in lebar]


def _tinggi_baris(isi: Sequence[str], lebar: Sequence[int], pt: int) -> int:
    """An estimate of a row's height: wrapped lines of the fullest cell (~0,55 em a character, URLs included)."""
    baris = 1
    for teks, w in zip(isi, lebar, strict=True):
        muat = max((w - Inches(0.2)) / (pt * 0.55 * _EMU_PT), 1.0)
        baris = max(baris, sum(math.ceil(max(len(bagian), 1) / muat) for bagian in str(teks).split("\n")))
    return int(baris * pt * 1.2 * 12700 + Inches(0.075))


def _potong(tabel: Tabel, kolom: int, pt: int, batas: float = 0.0) -> list[list[int]]:
    """Row indices per table block (a block = one column of a slide), each fitting the content height.

    ``batas`` > 0 closes a block once its rows reach that height (an even share when the table runs
    over several blocks, so the last one is not a stub).
    """
    lebar = _lebar_kolom(tabel, int((_LEBAR_ISI - (kolom - 1) * Inches(0.3)) / kolom), pt)
    kepala = _tinggi_baris(tabel.kolom, lebar, pt)
    blok: list[list[int]] = [[]]
    tinggi = kepala
    for i, baris in enumerate(tabel.baris):
        h = _tinggi_baris(baris, lebar, pt)
        # A group heading never ends a block: it moves to the next one with its first row.
        sisa = h + (
            _tinggi_baris(tabel.baris[i + 1], lebar, pt) if i in tabel.judul_baris and i + 1 < len(tabel.baris) else 0
        )
        if blok[-1] and (
            tinggi + sisa > _TINGGI_ISI or (batas and tinggi - kepala >= batas and i - 1 not in tabel.judul_baris)
        ):
            blok.append([])
            tinggi = kepala
        blok[-1].append(i)
        tinggi += h
    if len(blok) > 1 and not batas:
        # Share the rows evenly over the blocks needed (the greedy fill leaves a short last block).
        rata = _potong(tabel, kolom, pt, sum(_tinggi_baris(b, lebar, pt) for b in tabel.baris) / len(blok))
        if len(rata) == len(blok):
            return rata
    return blok


def _susun_tabel(tabel: Tabel) -> tuple[int, int, list[list[list[int]]]]:
    """Font size, blocks per slide and the slides (each a list of row blocks) of a table.

    The largest font that fits the table on one slide wins; a narrow table (≤ 3 columns) may use two
    blocks side by side; what does not fit at 12 pt runs over several slides.
    """
    kolom_pilihan = (1, 2) if len(tabel.kolom) <= 3 else (1,)
    for pt in UKURAN_TABEL:
        for kolom in kolom_pilihan:
            blok = _potong(tabel, kolom, pt)
            if len(blok) <= kolom:
                return pt, kolom, [blok]
    pt, kolom = UKURAN_TABEL[-1], kolom_pilihan[-1]
    blok = _potong(tabel, kolom, pt)
    return pt, kolom, [blok[i : i + kolom] for i in range(0, len(blok), kolom)]


def _tabel(slide: Slide, tabel: Tabel, baris: Sequence[int], kiri: int, lebar_total: int, pt: int) -> None:
    """One table block; rows stretched (up to 0,35" each) towards the bottom of the content area."""
    lebar = _lebar_kolom(tabel, lebar_total, pt)
    tinggi = [_tinggi_baris(tabel.kolom, lebar, pt)] + [_tinggi_baris(tabel.baris[i], lebar, pt) for i in baris]
    if sum(tinggi) < _TINGGI_ISI:
        tambah = min(int((_TINGGI_ISI - sum(tinggi)) / len(tinggi)), Inches(0.35))
        tinggi = [h + tambah for h in tinggi]
    bentuk = slide.shapes.add_table(
        len(tinggi), len(tabel.kolom), Emu(kiri), _ATAS_ISI, Emu(lebar_total), Emu(sum(tinggi))
    )
    tbl = bentuk.table
    for j, w in enumerate(lebar):
        tbl.columns[j].width = Emu(w)
    for r, h in enumerate(tinggi):
        tbl.rows[r].height = Emu(h)
    for r, i in enumerate([-1, *baris]):
        judul = i in tabel.judul_baris
        isi = tabel.kolom if i < 0 else tabel.baris[i]
        if judul and len(isi) > 1:
            tbl.cell(r, 0).merge(tbl.cell(r, len(isi) - 1))
        kepala = i < 0 or judul
        for j, nilai in enumerate(isi):
            if judul and j > 0:
                continue  # merged into the heading cell
            sel = tbl.cell(r, j)
            _teks(sel, str(nilai), pt, HIJAU_TUA if kepala else HITAM, tebal=kepala)
            _padat(sel, HIJAU_MUDA if kepala else PUTIH)
            sel.margin_top = sel.margin_bottom = Inches(0.03)


def _slide_tabel(prs: Any, paket: Paket, nomor: int, bagian: Bagian, tabel: Tabel) -> int:
    """The slides of one table; returns the last slide number used."""
    pt, kolom, slides = _susun_tabel(tabel)
    lebar = int((_LEBAR_ISI - (kolom - 1) * Inches(0.3)) / kolom)
    for s, blok in enumerate(slides):
        nomor += 1
        slide = prs.slides.add_slide(prs.slide_layouts[_TATA_JUDUL])
        judul = bagian.judul + (f" ({s + 1}/{len(slides)})" if len(slides) > 1 else "")
        _hias(slide, paket, nomor, judul)
        semua: list[int] = []
        for k, baris in enumerate(blok):
            _tabel(slide, tabel, baris, _TEPI + k * (lebar + Inches(0.3)), lebar, pt)
            semua += baris
        angka = [" · ".join(c for c in tabel.baris[i] if c) for i in semua]
        _catatan(slide, paket, bagian.paragraf if s == 0 else [], angka)
    return nomor


# --- the deck ---------------------------------------------------------------------------------------


def _sampul(prs: Any, paket: Paket) -> None:
    sampul = prs.slides.add_slide(prs.slide_layouts[_TATA_SAMPUL])
    _hias(sampul, paket, 1, f"{paket.judul}: {paket.nama}")
    assert sampul.shapes.title is not None
    sampul.shapes.title.top = Inches(1.2)
    sampul.shapes.title.height = Inches(1.6)
    sub = sampul.placeholders[1]
    sub.left, sub.top, sub.width, sub.height = _TEPI, Inches(2.9), Emu(_LEBAR_ISI), Inches(0.6)
    _teks(sub, paket.subjudul, 18, ABU)
    kpi = sampul.shapes.add_textbox(_TEPI, Inches(3.6), Emu(_LEBAR_ISI), Inches(2.8))
    _teks(kpi, "\n".join(f"{label}: {nilai}" for label, nilai in paket.kpi), 20, HITAM)
    kpi.text_frame.add_paragraph().text = paket.dibuat
    _catatan(sampul, paket, [paket.subjudul], [f"{label}: {nilai}" for label, nilai in paket.kpi])


def _slide_gambar(prs: Any, paket: Paket, nomor: int, bagian: Bagian, i: int, gbr: Gambar) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_TATA_JUDUL])
    _hias(slide, paket, nomor, bagian.judul_gambar[i] if i < len(bagian.judul_gambar) else bagian.judul)
    if gbr.bagan is not None:
        _bagan(slide, gbr.bagan, paket.bahasa)
        angka = gbr.bagan.angka_kunci(paket.bahasa)
        if gbr.bagan.catatan:
            angka.append(gbr.bagan.catatan)
    elif gbr.legenda:
        _peta(slide, gbr, t("pk_legenda", paket.bahasa))
        angka = [label for label, _ in gbr.legenda]
    else:
        _gambar(slide, gbr)
        angka = [" · ".join(c for c in b if c) for tb in bagian.tabel for b in tb.baris]
    _catatan(slide, paket, bagian.paragraf if i == 0 else [], angka)


def tulis_pptx(paket: Paket) -> bytes:
    """The pack as a deck: a cover, one slide per chart, the tables worth presenting, the sources."""
    paket = tanpa_kontrol(paket)  # python-pptx refuses a control character ("must be XML compatible")
    prs = Presentation()
    prs.slide_width, prs.slide_height = LEBAR, TINGGI
    prs.core_properties.title = f"{paket.judul}: {paket.nama}"
    prs.core_properties.author = "Dasbor KLA"
    prs.core_properties.subject = paket.subjudul
    _sampul(prs, paket)
    nomor = 1
    for bagian in paket.bagian:
        for i, gbr in enumerate(bagian.gambar):
            nomor += 1
            _slide_gambar(prs, paket, nomor, bagian, i, gbr)
        if not bagian.di_slide:
            continue
        tabel = bagian.tabel_slide if bagian.tabel_slide is not None else ([] if bagian.gambar else bagian.tabel)
        for tb in tabel:
            if tb.baris:
                nomor = _slide_tabel(prs, paket, nomor, bagian, tb)
        if not bagian.tabel and not bagian.gambar:
            nomor += 1
            slide = prs.slides.add_slide(prs.slide_layouts[_TATA_JUDUL])
            _hias(slide, paket, nomor, bagian.judul)
            kotak = slide.shapes.add_textbox(_TEPI, _ATAS_ISI, Emu(_LEBAR_ISI), Emu(_TINGGI_ISI))
            _teks(kotak, "\n".join(_polos(p) for p in bagian.paragraf), 24, ABU)
            _catatan(slide, paket, bagian.paragraf, [])
    keluaran = io.BytesIO()
    prs.save(keluaran)
    return keluaran.getvalue()
