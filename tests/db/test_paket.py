"""The evaluation pack on the real default database: open the PDF and PPTX and check what they say.

Each pack is built once per module (kaleido renders its figures through the session's one
server); the PDF pages are rendered to PNG in tests/artefak/ to be looked at.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from indicators.analisis import layanan
from indicators.ekspor.paket import pdf as paket_pdf, pptx as paket_pptx, susun
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import DATA_DIR, PROYEK

ARTEFAK = PROYEK / "tests" / "artefak"
KAT = katalog_bawaan()
TANGGAL = dt.date(2026, 8, 8)
SRAGEN = "33.14"


def _predikat_resmi(kode: str, tahun: int) -> str:
    import pandas as pd

    sumber = pd.read_csv(DATA_DIR / "kla" / "kla_predikat.csv", dtype={"kode_wilayah": str})
    baris = sumber[(sumber["kode_wilayah"] == kode) & (sumber["tahun"] == tahun)]
    return str(baris["predikat"].iloc[0])


def _simpan_halaman(pdf: bytes, awalan: str) -> list[Path]:
    ARTEFAK.mkdir(exist_ok=True)
    dokumen = pdfium.PdfDocument(pdf)
    hasil = []
    for i in range(len(dokumen)):
        tujuan = ARTEFAK / f"{awalan}_hal{i + 1}.png"
        dokumen[i].render(scale=1.4).to_pil().save(tujuan)
        hasil.append(tujuan)
    return hasil


@pytest.fixture(scope="module")
def paket_sragen(db_bawaan: Path) -> tuple[susun.Paket, bytes, bytes]:
    langkah: list[float] = []
    isi = susun.paket_wilayah(db_bawaan, KAT, SRAGEN, 2025, tanggal=TANGGAL, kemajuan=lambda f, _: langkah.append(f))
    assert langkah == sorted(langkah)
    assert langkah[-1] == pytest.approx(1.0)
    return isi, paket_pdf.tulis_pdf(isi), paket_pptx.tulis_pptx(isi)


@pytest.fixture(scope="module")
def paket_jateng(db_bawaan: Path) -> tuple[susun.Paket, bytes, bytes]:
    isi = susun.paket_provinsi(db_bawaan, KAT, "33", 2025, tanggal=TANGGAL)
    return isi, paket_pdf.tulis_pdf(isi), paket_pptx.tulis_pptx(isi)


# --- one kab/kota -------------------------------------------------------------------------------


def test_pdf_wilayah_isi_dan_jumlah_halaman(paket_sragen: tuple[susun.Paket, bytes, bytes]) -> None:
    isi, pdf, _ = paket_sragen
    pembaca = pypdf.PdfReader(io.BytesIO(pdf))
    # Cover, then the sections flowing over 9 pages (no section forces a page of its own).
    assert len(pembaca.pages) == 10
    halaman = [p.extract_text() for p in pembaca.pages]
    semua = "\n".join(halaman)
    resmi = _predikat_resmi(SRAGEN, 2025)
    sampul = " ".join(halaman[0].split())
    assert "Kabupaten Sragen" in sampul
    assert f"Predikat resmi 2025 {resmi}" in sampul
    assert "Total skor (sintetis) 844,56" in sampul
    assert "Peringkat total (sintetis) di provinsi 1 dari 35 kab/kota yang ada datanya" in sampul
    judul_bagian = ["Riwayat predikat", "Profil kelompok", "Selisih ke predikat berikutnya", "Perbandingan tahap"]
    judul_bagian += ["Wilayah tetangga", "Peta predikat resmi provinsi", "Tabel indikator", "Metode dan sumber"]
    judul_bagian += ["Perlindungan Anak, Kabupaten Sragen 2025"]
    for judul in judul_bagian:
        assert judul in semua, judul
    assert "Sumber: predikat resmi" in semua
    assert "8 Agustus 2026" in semua
    # The synthetic note on every page (each shows synthetic scores), and the page numbers.
    for i, teks in enumerate(halaman, start=1):
        assert "data contoh (sintetis)" in teks, i
        assert f"halaman {i}" in teks
    metode = "\n".join(halaman[-2:])  # the sources table runs onto a second page
    assert "cahyadsn/wilayah_boundaries" in metode
    assert "MIT" in metode
    assert "Copyright" in metode
    assert "sintetis-skor-v1" in semua or "Data contoh sintetis" in metode
    assert pembaca.metadata is not None
    assert pembaca.metadata.title == f"{isi.judul}: Kabupaten Sragen"


def test_pdf_wilayah_menyebut_ruang_dan_tetangga(paket_sragen: tuple[susun.Paket, bytes, bytes]) -> None:
    _, pdf, _ = paket_sragen
    teks = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "poin lagi menuju KLA" in teks  # Sragen (Utama) is 55,45 points from KLA
    assert "Kabupaten Boyolali" in teks
    assert "Kabupaten Sragen (wilayah ini)" in teks
    assert "04 Akta Kelahiran" in teks
    assert "Evaluasi mandiri" in teks


def test_pdf_wilayah_dirender_ke_png(paket_sragen: tuple[susun.Paket, bytes, bytes]) -> None:
    _, pdf, _ = paket_sragen
    berkas = _simpan_halaman(pdf, "paket_sragen")
    assert len(berkas) == 10
    from PIL import Image

    for path in berkas:
        gambar = Image.open(path).convert("L")
        # A page with content: many non-white pixels (an empty page or chart would fail this).
        gelap = sum(gambar.histogram()[:200])
        assert gelap > 5000, path.name


def test_pptx_wilayah_judul_gambar_sumber(paket_sragen: tuple[susun.Paket, bytes, bytes]) -> None:
    _, _, pptx = paket_sragen
    prs = Presentation(io.BytesIO(pptx))
    slides = list(prs.slides)
    # Cover, history, groups, gap, stages (native charts), losses, neighbours (tables), map (picture),
    # indicators (table), Perlindungan Anak (table, then trend, service standard and forms: pictures),
    # sources (two slides).
    assert len(slides) == 15
    gambar = 0
    for i, slide in enumerate(slides, start=1):
        assert slide.shapes.title is not None, i
        assert slide.shapes.title.text.strip(), i
        teks = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert "Sumber:" in teks, i
        assert "cahyadsn/wilayah_boundaries (MIT)" in teks, i
        assert "data contoh (sintetis)" in teks, i
        gambar += sum(1 for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert gambar == 4
    assert slides[0].shapes.title.text == "Laporan evaluasi KLA: Kabupaten Sragen"
    assert any(s.has_table for s in slides[6].shapes)


def test_paket_wilayah_tak_dikenal(db_bawaan: Path) -> None:
    with pytest.raises(layanan.PilihanError, match=r"'33\.99' tidak dikenal.*33\.14 \(Kabupaten Sragen\)"):
        susun.paket_wilayah(db_bawaan, KAT, "33.99", 2025)
    with pytest.raises(layanan.PilihanError, match="tersedia: 2017, 2018"):
        susun.paket_wilayah(db_bawaan, KAT, SRAGEN, 2024)


# --- a province ---------------------------------------------------------------------------------


def test_pdf_provinsi(paket_jateng: tuple[susun.Paket, bytes, bytes]) -> None:
    _, pdf, _ = paket_jateng
    pembaca = pypdf.PdfReader(io.BytesIO(pdf))
    # Cover, then map, distribution, ranking, movers (with total changes), method & sources flowing.
    assert len(pembaca.pages) == 5
    halaman = [p.extract_text() for p in pembaca.pages]
    assert "Jawa Tengah" in halaman[0]
    assert "Paket ringkasan untuk BAPPEDA" in halaman[0]
    semua = "\n".join(halaman[1:])
    judul = ["Peta predikat resmi", "Sebaran predikat", "Peringkat kab/kota", "Pergerakan predikat resmi sejak 2023"]
    posisi = [semua.find(j) for j in judul]
    assert min(posisi) >= 0
    assert posisi == sorted(posisi)
    peringkat = semua[posisi[2] : posisi[3]]
    assert peringkat.count("Kabupaten") + peringkat.count("Kota ") >= 35
    for i, teks in enumerate(halaman, start=1):
        assert "data contoh (sintetis)" in teks, i
    _simpan_halaman(pdf, "paket_jateng")


def test_pptx_provinsi(paket_jateng: tuple[susun.Paket, bytes, bytes]) -> None:
    _, _, pptx = paket_jateng
    slides = list(Presentation(io.BytesIO(pptx)).slides)
    # Cover, map (picture), counts, histogram (native charts), ranking over 3 slides, moves, total
    # changes, sources.
    assert len(slides) == 10
    assert all(s.shapes.title is not None and s.shapes.title.text for s in slides)
    gambar = sum(1 for s in slides for b in s.shapes if b.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert gambar == 1
    tabel = [b.table for s in slides for b in s.shapes if b.has_table]
    assert sum(len(tb.rows) - 1 for tb in tabel[:3]) == 35  # every kab/kota in the ranking


# --- issue 16: native charts, speaker notes, full slides, readable legend; PDF symbols and layout ---


def _slides(pptx: bytes) -> list[Any]:
    return list(Presentation(io.BytesIO(pptx)).slides)


def _grafik(slide: Any) -> list[Any]:
    return [b.chart for b in slide.shapes if b.has_chart]


def _baca(grafik: Any) -> tuple[list[str], dict[str, list[float | None]]]:
    """A chart's categories and series in reading order (horizontal bars are stored bottom-up)."""
    from pptx.enum.chart import XL_CHART_TYPE

    balik = slice(None, None, -1) if grafik.chart_type == XL_CHART_TYPE.BAR_CLUSTERED else slice(None)
    plot = grafik.plots[0]
    return list(plot.categories)[balik], {s.name: list(s.values)[balik] for s in plot.series}


def _judul(slide: Any) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


def test_pptx_grafik_asli_dari_data_yang_sama(db_bawaan: Path, paket_sragen: tuple[susun.Paket, bytes, bytes]) -> None:
    """Bar and line charts are native PowerPoint charts whose series are the analysis' own numbers."""
    from pptx.enum.chart import XL_CHART_TYPE

    from indicators.analisis import profil

    _, _, pptx = paket_sragen
    slides = _slides(pptx)
    per_judul = {_judul(s): _grafik(s) for s in slides if _grafik(s)}
    assert {"Riwayat predikat", "Profil kelompok: skor terhadap maksimum dan rata-rata provinsi"} <= set(per_judul)
    # History: a line over every calendar year 2017-2025; 2020 and 2024 (no evaluation) are gaps, not zeros.
    riwayat = per_judul["Riwayat predikat"][0]
    assert riwayat.chart_type == XL_CHART_TYPE.LINE_MARKERS
    semua = layanan.skor_semua_siklus(db_bawaan, KAT)
    total = dict(
        zip(
            semua.loc[semua["kode_wilayah"] == SRAGEN, "tahun"],
            semua.loc[semua["kode_wilayah"] == SRAGEN, "total"],
            strict=True,
        )
    )
    harap = tuple(round(float(total[th]), 2) if th in total else None for th in range(2017, 2026))
    nilai = tuple(None if v is None else round(v, 2) for v in riwayat.plots[0].series[0].values)
    assert nilai == harap
    assert nilai[3] is None
    assert nilai[7] is None
    assert "2023\nUtama" in list(riwayat.plots[0].categories)  # the official predikat under its year
    # Groups: the score, the assumed maximum and the province mean of profil.kelompok_vs_maks.
    tabel = layanan.tabel_skor(db_bawaan, KAT, tahun=2025, tahap="final", kode_provinsi="33")
    baris = {str(k): v for k, v in tabel[tabel["kode_wilayah"] == SRAGEN].iloc[0].items()}
    kelompok = profil.kelompok_vs_maks(baris, KAT.skema_untuk_tahun(2025), profil.rata_kelompok(tabel))
    grafik = per_judul["Profil kelompok: skor terhadap maksimum dan rata-rata provinsi"][0]
    assert grafik.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    _, seri = _baca(grafik)
    assert seri["Skor (sintetis)"] == pytest.approx(kelompok["nilai"].tolist())
    assert seri["Maks. (alokasi bawaan proyek, asumsi)"] == pytest.approx(kelompok["nilai_maks"].tolist())
    assert seri["Rata-rata provinsi"] == pytest.approx(kelompok["rata_provinsi"].tolist())
    # Stages: mandiri -> provinsi -> final as columns; the gap chart as bars; the map stays a picture.
    kolom = per_judul["Perbandingan tahap: evaluasi mandiri sampai final"][0]
    assert kolom.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert [k.split("\n")[0] for k in kolom.plots[0].categories] == ["Evaluasi mandiri", "Verifikasi provinsi", "Final"]
    assert list(kolom.plots[0].categories)[-1] == "Final\nUtama"  # the computed predikat under its stage
    assert list(kolom.plots[0].series[0].values)[-1] == pytest.approx(844.56)
    assert per_judul["Selisih ke predikat berikutnya"][0].chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    peta = next(s for s in slides if _judul(s).startswith("Peta predikat resmi"))
    assert not _grafik(peta)
    assert any(b.shape_type == MSO_SHAPE_TYPE.PICTURE for b in peta.shapes)


def test_pptx_provinsi_grafik_asli(paket_jateng: tuple[susun.Paket, bytes, bytes]) -> None:
    """The province deck's counts and histogram are native charts of the pack's own numbers."""
    isi, _, pptx = paket_jateng
    grafik = [g for s in _slides(pptx) for g in _grafik(s)]
    data = [g.bagan for b in isi.bagian for g in b.gambar if g.bagan is not None]
    assert len(grafik) == len(data) == 2
    for g, d in zip(grafik, data, strict=True):
        kategori, seri = _baca(g)
        assert kategori == list(d.kategori)
        assert [seri[s.nama] for s in d.seri] == [pytest.approx(list(s.nilai)) for s in d.seri]
    # The histogram counts every kab/kota with a total once.
    assert sum(grafik[1].plots[0].series[0].values) == 35


@pytest.mark.parametrize("nama", ["paket_sragen", "paket_jateng"])
def test_pptx_catatan_pembicara(nama: str, request: pytest.FixtureRequest) -> None:
    """Every slide has speaker notes with its key figures (Babel-formatted) and their sources."""
    from indicators.format import format_angka

    _isi, _, pptx = request.getfixturevalue(nama)
    for i, slide in enumerate(_slides(pptx), start=1):
        assert slide.has_notes_slide, i
        catatan = slide.notes_slide.notes_text_frame.text
        assert "Sumber:" in catatan, i
        assert "predikat resmi" in catatan, i
        if i > 1:
            assert "Angka kunci:" in catatan or not any(b.has_table or b.has_chart for b in slide.shapes), i
        for g in _grafik(slide):
            nilai = next(v for v in g.plots[0].series[0].values if v is not None)
            desimal = 0 if float(nilai).is_integer() and "Jumlah" in catatan else 2
            assert format_angka(nilai, desimal, "id") in catatan or format_angka(nilai, 0, "id") in catatan, (i, nilai)
    if nama == "paket_sragen":
        sampul = _slides(pptx)[0].notes_slide.notes_text_frame.text
        assert "844,56" in sampul  # Indonesian number format, not 844.56
        assert "844.56" not in sampul


def test_pptx_slide_tabel_indikator_dan_sumber(paket_sragen: tuple[susun.Paket, bytes, bytes]) -> None:
    """A slide of all 24 indicators (score / max under each klaster, ≥ 12 pt) and a sources slide."""
    _, _, pptx = paket_sragen
    slides = _slides(pptx)
    indikator = [s for s in slides if _judul(s).startswith("Tabel indikator")]
    assert len(indikator) == 1  # two columns on one slide
    sel = [c for b in indikator[0].shapes if b.has_table for r in b.table.rows for c in r.cells]
    teks = [c.text for c in sel]
    assert sum(1 for x in teks if " / " in x and x[0].isdigit()) == 24
    for kelompok in ("Kelembagaan", "Klaster I: Hak Sipil dan Kebebasan", "Klaster V: Perlindungan Khusus"):
        assert kelompok in teks
    ukuran = [r.font.size.pt for c in sel for p in c.text_frame.paragraphs for r in p.runs]
    assert ukuran
    assert min(ukuran) >= 12
    sumber = [s for s in slides if _judul(s).startswith("Metode dan sumber")]
    assert sumber
    isi_sumber = "\n".join(
        c.text for s in sumber for b in s.shapes if b.has_table for r in b.table.rows for c in r.cells
    )
    for grup in (
        "Predikat resmi, rekap dan skor yang dilaporkan",
        "Skor per indikator",
        "Batas, kode dan nama wilayah",
    ):
        assert grup in isi_sumber
    assert "cahyadsn/wilayah_boundaries" in isi_sumber


@pytest.mark.parametrize("nama", ["paket_sragen", "paket_jateng"])
def test_pptx_isi_mengisi_slide(nama: str, request: pytest.FixtureRequest) -> None:
    """No slide whose content sits in its top fifth: charts, tables and maps reach well down the slide."""
    _, _, pptx = request.getfixturevalue(nama)
    prs = Presentation(io.BytesIO(pptx))
    tinggi = int(prs.slide_height or 0)
    for i, slide in enumerate(prs.slides, start=1):
        # Content: below the top band and title, above the footer band (source line from 6.62" of 7.5").
        isi = [b for b in slide.shapes if not b.is_placeholder and tinggi * 0.05 < b.top < tinggi * 0.87]
        assert isi, i
        bawah = max(b.top + b.height for b in isi)
        # The content band runs from 1.35" to 6.5" (of 7.5"); its lower half must be reached.
        assert bawah >= tinggi * 0.6, (i, _judul(slide), bawah / tinggi)


def test_pptx_legenda_peta_besar(paket_sragen: tuple[susun.Paket, bytes, bytes]) -> None:
    """The map's legend is slide text of at least 14 pt, naming the categories and the highlighted region."""
    _, _, pptx = paket_sragen
    peta = next(s for s in _slides(pptx) if _judul(s).startswith("Peta predikat resmi"))
    legenda = [b for b in peta.shapes if b.name == "Legenda"]
    teks = [b.text_frame.text for b in legenda]
    assert any(x.startswith("Utama (") for x in teks)
    assert any("Kabupaten Sragen" in x for x in teks)
    ukuran = [r.font.size.pt for b in legenda for p in b.text_frame.paragraphs for r in p.runs]
    assert ukuran
    assert min(ukuran) >= 14


def test_pptx_dirender_impress(paket_sragen: tuple[susun.Paket, bytes, bytes], tmp_path: Path) -> None:
    """LibreOffice Impress opens the deck and draws every slide with its content (PNG in tests/artefak/)."""
    import subprocess

    from PIL import Image

    _, _, pptx = paket_sragen
    (tmp_path / "dek.pptx").write_bytes(pptx)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profil", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(tmp_path / "dek.pptx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    dokumen = pdfium.PdfDocument(tmp_path / "dek.pdf")
    assert len(dokumen) == len(_slides(pptx))
    ARTEFAK.mkdir(exist_ok=True)
    for i in range(len(dokumen)):
        gambar = dokumen[i].render(scale=1.0).to_pil()
        gambar.save(ARTEFAK / f"paket16_slide{i + 1}.png")
        abu = gambar.convert("L")
        lebar, tinggi = abu.size
        # Ink in the lower half of the content band (between 45 % and 85 % of the slide's height).
        pita = abu.crop((0, int(tinggi * 0.45), lebar, int(tinggi * 0.85)))
        assert sum(pita.histogram()[:200]) > 2000, i + 1
        assert isinstance(gambar, Image.Image)


def test_pdf_simbol_bukan_ascii(
    paket_sragen: tuple[susun.Paket, bytes, bytes], paket_jateng: tuple[susun.Paket, bytes, bytes]
) -> None:
    """≥, ≤ and → print as themselves (embedded Vera + Symbol), never as >=, <= or ->."""
    teks = ""
    for _, pdf, _ in (paket_sragen, paket_jateng):
        pembaca = pypdf.PdfReader(io.BytesIO(pdf))
        teks += "\n".join(p.extract_text() for p in pembaca.pages)
        fonts = {
            str(f["/BaseFont"])
            for p in pembaca.pages
            for f in p["/Resources"]["/Font"].get_object().values()  # type: ignore[index]
            if "/BaseFont" in f.get_object()
        }
        assert any("Vera" in f for f in fonts), fonts
    assert "≥" in teks
    assert "→" in teks
    for ascii_ in (">=", "<=", "->"):
        assert ascii_ not in teks, ascii_


def _terisi(png: Path) -> float:
    """How far down the text area (14 mm top margin, footer from 22 mm) a rendered page carries ink."""
    import numpy as np
    from PIL import Image

    abu = np.asarray(Image.open(png).convert("L"))
    tinggi = abu.shape[0]
    area = abu[int(tinggi * 14 / 297) : int(tinggi * (297 - 22) / 297)]
    baris = np.flatnonzero(area.min(axis=1) < 200)
    return (int(baris.max()) + 1) / area.shape[0] if len(baris) else 0.0


@pytest.mark.parametrize("nama", ["paket_sragen", "paket_jateng"])
def test_pdf_tanpa_halaman_setengah_kosong(nama: str, request: pytest.FixtureRequest) -> None:
    """Every page but the last is used at least 60 % down its text area (sections flow, no forced breaks).

    (The one-section-per-page layout ended pages at 48-57 % of the text area: half-empty pages.)
    """
    _, pdf, _ = request.getfixturevalue(nama)
    halaman = _simpan_halaman(pdf, f"paket16_{nama}")
    terisi = [_terisi(p) for p in halaman]
    assert all(x >= 0.6 for x in terisi[:-1]), [round(x, 2) for x in terisi]


@pytest.mark.parametrize("nama", ["paket_sragen", "paket_jateng"])
def test_pdf_kepala_tabel_tidak_terpotong(nama: str, request: pytest.FixtureRequest) -> None:
    """Table headers break between words, never inside one ("Peringka/t"), and fit their column."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]

    isi, _, _ = request.getfixturevalue(nama)
    gaya = paket_pdf._gaya()
    for bagian in isi.bagian:
        for tabel in bagian.tabel:
            flow = paket_pdf._tabel(tabel, gaya, kecil=any(len(t.baris) > 20 for t in bagian.tabel))
            for j, sel in enumerate(flow._cellvalues[0]):
                ruang = flow._colWidths[j] - 2 * paket_pdf._PAD_SEL
                sel.wrap(ruang, 1000)
                kata = [
                    w for baris in sel.blPara.lines for w in (baris[1] if isinstance(baris, tuple) else baris.words)
                ]
                assert [str(w) for w in kata] == tabel.kolom[j].split(), (bagian.judul, tabel.kolom[j])
                font = sel.style.fontName
                assert max(stringWidth(w, font, sel.style.fontSize) for w in tabel.kolom[j].split()) <= ruang + 0.5


def test_pdf_sumber_dikelompokkan(paket_sragen: tuple[susun.Paket, bytes, bytes]) -> None:
    """Sources are listed once each, under a heading of what they cover, in a fixed order."""
    isi, pdf, _ = paket_sragen
    tabel = next(b for b in isi.bagian if b.judul == "Metode dan sumber").tabel[0]
    judul = [tabel.baris[i][0] for i in tabel.judul_baris]
    assert judul == [
        "Predikat resmi, rekap dan skor yang dilaporkan",
        "Skor per indikator",
        "Perlindungan Anak",
        "Batas, kode dan nama wilayah",
    ]
    sumber = [b[0] for i, b in enumerate(tabel.baris) if i not in tabel.judul_baris]
    assert len(sumber) == len(set(sumber))
    teks = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
    posisi = [teks.rfind(j) for j in judul]
    assert all(p >= 0 for p in posisi)
    assert posisi == sorted(posisi)


def test_pdf_peta_wilayah_diisi(paket_sragen: tuple[susun.Paket, bytes, bytes]) -> None:
    """The highlighted region is filled (many pixels of the highlight colour), with a legend entry."""
    from PIL import Image

    isi, _, _ = paket_sragen
    peta = next(g for b in isi.bagian for g in b.gambar if b.judul.startswith("Peta predikat resmi"))
    assert any("Kabupaten Sragen" in label for label, _ in peta.legenda)
    import numpy as np

    gambar = np.asarray(Image.open(io.BytesIO(peta.png)).convert("RGB")).astype(int)
    sasaran = np.array([int(susun.WARNA_SOROT[i : i + 2], 16) for i in (1, 3, 5)])
    piksel = int((np.abs(gambar - sasaran).sum(axis=2) < 30).sum())
    assert piksel > 3000, piksel  # an outline alone would be a few hundred pixels


def test_pdf_grafik_tahap(db_bawaan: Path, paket_sragen: tuple[susun.Paket, bytes, bytes]) -> None:
    """The stage section carries a chart of profil.total_per_tahap (mandiri → provinsi → final)."""
    from indicators.analisis import profil
    from indicators.io import store

    isi, pdf, _ = paket_sragen
    bagian = next(b for b in isi.bagian if b.judul.startswith("Perbandingan tahap"))
    assert len(bagian.gambar) == 1
    assert bagian.gambar[0].bagan is not None
    skor = store.kueri(db_bawaan, "skor_wilayah", {"kode_wilayah": SRAGEN})
    per_tahap = profil.total_per_tahap(skor[skor["tahun"] == 2025], KAT)
    assert list(bagian.gambar[0].bagan.seri[0].nilai) == pytest.approx(per_tahap["total"].tolist())
    halaman = next(p for p in pypdf.PdfReader(io.BytesIO(pdf)).pages if "Perbandingan tahap" in p.extract_text())
    assert len(halaman.images) >= 1


def test_paket_inggris_atribusi_dan_sitasi_sendiri_dalam_bahasa_inggris(db_bawaan: Path) -> None:
    """An English pack carries the boundary credit line and the dashboard's own citations in English
    (#16 item 5): before, the PDF and deck of an English pack printed the Indonesian lines."""
    isi = susun.paket_provinsi(db_bawaan, KAT, "33", 2025, bahasa="en", tanggal=TANGGAL)
    paragraf = " ".join(p for b in isi.bagian for p in b.paragraf)
    sel = " ".join(" ".join(map(str, r)) for b in isi.bagian for tb in b.tabel for r in tb.baris)
    assert "Boundaries: cahyadsn/wilayah_boundaries (MIT)" in paragraf
    assert "Batas wilayah:" not in paragraf
    assert "KLA Dashboard synthetic example data" in sel
    assert "Data contoh sintetis Dasbor KLA" not in sel
