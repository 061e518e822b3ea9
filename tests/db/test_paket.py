"""The evaluation pack on the real default database: open the PDF and PPTX and check what they say.

Each pack is built once per module (kaleido renders its figures through the session's one
server); the PDF pages are rendered to PNG in tests/artefak/ to be looked at.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

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
    # Cover + history, groups, gap, stages & neighbours, map, indicators, Perlindungan Anak (text and
    # table, two pages of charts), method & sources (two pages).
    assert len(pembaca.pages) == 12
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
    assert len(berkas) == 12
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
    # Cover, history, groups, gap (charts), stages, losses, neighbours (tables), map (chart),
    # Perlindungan Anak (table, then trend, service standard and forms: charts).
    assert len(slides) == 12
    gambar = 0
    for i, slide in enumerate(slides, start=1):
        assert slide.shapes.title is not None, i
        assert slide.shapes.title.text.strip(), i
        teks = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert "Sumber:" in teks, i
        assert "cahyadsn/wilayah_boundaries (MIT)" in teks, i
        assert "data contoh (sintetis)" in teks, i
        gambar += sum(1 for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert gambar == 7
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
    # Cover, map, distribution, ranking, movers (with total changes), method & sources.
    assert len(pembaca.pages) == 6
    halaman = [p.extract_text() for p in pembaca.pages]
    assert "Jawa Tengah" in halaman[0]
    assert "Paket ringkasan untuk BAPPEDA" in halaman[0]
    assert "Peta predikat resmi" in halaman[1]
    assert "Sebaran predikat" in halaman[2]
    peringkat = halaman[3]
    assert peringkat.count("Kabupaten") + peringkat.count("Kota ") >= 35
    assert "Pergerakan predikat resmi sejak 2023" in halaman[4]
    for i, teks in enumerate(halaman, start=1):
        assert "data contoh (sintetis)" in teks, i
    _simpan_halaman(pdf, "paket_jateng")


def test_pptx_provinsi(paket_jateng: tuple[susun.Paket, bytes, bytes]) -> None:
    _, _, pptx = paket_jateng
    slides = list(Presentation(io.BytesIO(pptx)).slides)
    # Cover, map, counts, histogram (charts), ranking over 3 slides, moves, total changes.
    assert len(slides) == 9
    assert all(s.shapes.title is not None and s.shapes.title.text for s in slides)
    gambar = sum(1 for s in slides for b in s.shapes if b.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert gambar == 3
    tabel = [b.table for s in slides for b in s.shapes if b.has_table]
    assert sum(len(tb.rows) - 1 for tb in tabel[:3]) == 35  # every kab/kota in the ranking
