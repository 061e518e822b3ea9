"""The evaluation pack lists a region's overdue and stalled regulations; the PDF and the PPTX still render.

Kota Pekalongan gets one overdue and stalled Perwal in its register; the pack of 8 Aug 2026 shows the
section with the register's counts, the entry and its reasons in both documents. A region without a
register (Sragen, tests/db/test_paket.py) gets no section: its delays are unknown, not none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pypdf
import pypdfium2 as pdfium  # type: ignore[import-untyped]
from pptx import Presentation

from indicators.akun.pengguna import Pengguna
from indicators.ekspor.paket import pdf as paket_pdf, pptx as paket_pptx, susun
from indicators.gugus import regulasi as rg, simpan as gugus_simpan
from indicators.katalog.model import katalog_bawaan
from tests.conftest import ARTEFAK

TANGGAL = dt.date(2026, 8, 8)
JUDUL = "Regulasi lewat tenggat dan macet"


def test_paket_pekalongan_memuat_regulasi_terlambat_pdf_dan_pptx(db: Path) -> None:
    path = gugus_simpan.path_gugus(db)
    p7 = {e.regulasi_id: e for e in rg.daftar_regulasi(path, "33.75")}["perwal-amanat-7"]
    isi = dataclasses.replace(
        p7.isi,
        opd="Bagian Hukum Setda",
        tahap="harmonisasi",
        tanggal={"harmonisasi": dt.date(2025, 10, 1)},  # 311 days before the pack: stalled
        tenggat={"penetapan": dt.date(2026, 3, 31)},  # 130 days late
    )
    rg.simpan_regulasi(
        path, Pengguna("ana", "editor", ("33.75",)), "33.75", [rg.UbahRegulasi(p7.regulasi_id, isi, versi=0)]
    )
    paket = susun.paket_wilayah(db, katalog_bawaan(), "33.75", 2025, tanggal=TANGGAL)
    judul = [b.judul for b in paket.bagian]
    assert judul[-2:] == [JUDUL, "Metode dan sumber"]
    bagian = paket.bagian[-2]
    assert bagian.paragraf[0].startswith("Per 8 Agustus 2026, menurut register regulasi")
    assert "0 dari 8 regulasi yang diamanatkan sudah ditetapkan; 1 lewat tenggat, 1 macet" in bagian.paragraf[0]
    assert "7 dengan tahap tidak diketahui" in bagian.paragraf[0]
    (tabel,) = bagian.tabel
    assert [b[1] for b in tabel.baris] == ["Bagian Hukum Setda", "Bagian Hukum Setda"]
    assert "(130 hari lewat)" in tabel.baris[0][2]
    assert "(311 hari; macet bila lebih dari 180 hari)" in tabel.baris[1][2]

    pdf = paket_pdf.tulis_pdf(paket)
    halaman = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    (nomor,) = [i for i, teks in enumerate(halaman) if JUDUL in teks]
    teks = " ".join(halaman[nomor].split())
    assert "Kota Layak Anak: kriteria, klaster dan Gugus Tugas" in teks
    assert "130 hari lewat" in teks
    ARTEFAK.mkdir(exist_ok=True)
    pdfium.PdfDocument(pdf)[nomor].render(scale=1.4).to_pil().save(ARTEFAK / "paket_regulasi_pekalongan.png")

    prs = Presentation(io.BytesIO(paket_pptx.tulis_pptx(paket)))
    (slide,) = [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == JUDUL]
    (tabel_pptx,) = [s.table for s in slide.shapes if s.has_table]
    assert len(tabel_pptx.rows) == 3  # header, overdue, stalled
    assert tabel_pptx.cell(0, 2).text == "Lewat tenggat atau macet"


def test_paket_inggris_dan_tanpa_keterlambatan(db: Path) -> None:
    paket = susun.paket_wilayah(db, katalog_bawaan(), "33.75", 2025, bahasa="en", tanggal=TANGGAL)
    bagian = next(b for b in paket.bagian if b.judul == "Overdue and stalled regulations")
    assert "0 of 8 mandated regulations are enacted; 0 overdue, 0 stalled" in bagian.paragraf[0]
    assert "8 with an unknown stage (not judged)" in bagian.paragraf[0]
    assert bagian.tabel == []
    Presentation(io.BytesIO(paket_pptx.tulis_pptx(paket)))  # the paragraph-only slide renders too
    assert pypdf.PdfReader(io.BytesIO(paket_pdf.tulis_pdf(paket))).pages
