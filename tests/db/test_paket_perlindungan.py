"""The evaluation pack's Perlindungan Anak section on the real default database, opened and read.

The pack is always the public view: the section's table must hold exactly what the disclosure
control publishes for the public (``data.rekap_provinsi`` with no open region), and the exact small
counts (the administrator's view, ``terbuka={"*"}``) must be in neither the PDF nor the PPTX, nor in
the charts the section draws. The PDF pages of the section are saved to tests/artefak/ to look at.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pandas as pd
import pypdf
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from indicators.ekspor import perlindungan as ep
from indicators.ekspor.paket import pdf as paket_pdf, pptx as paket_pptx, susun
from indicators.format import Bahasa
from indicators.katalog.model import katalog_bawaan
from indicators.katalog.perlindungan import katalog_perlindungan
from indicators.lokasi import PROYEK
from indicators.perlindungan import data
from indicators.teks import t

ARTEFAK = PROYEK / "tests" / "artefak"
TANGGAL = dt.date(2026, 8, 8)
SRAGEN = "33.14"
BENTUK = list(katalog_perlindungan().tabel["bentuk_kekerasan"].kategori)


@pytest.fixture(scope="module", params=["id", "en"])
def paket(request: pytest.FixtureRequest, db_bawaan: Path) -> tuple[Bahasa, bytes, bytes]:
    bahasa: Bahasa = request.param
    isi = susun.paket_wilayah(db_bawaan, katalog_bawaan(), SRAGEN, 2025, tanggal=TANGGAL, bahasa=bahasa)
    return bahasa, paket_pdf.tulis_pdf(isi), paket_pptx.tulis_pptx(isi)


def _baris(db: Path, terbuka: tuple[str, ...], bahasa: Bahasa) -> pd.DataFrame:
    return data.rekap_provinsi(db, "33", 2025, terbuka=terbuka, bahasa=bahasa, hari_ini=TANGGAL).set_index(
        "kode_wilayah"
    )


def _harapan(db: Path, bahasa: Bahasa) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Per form: (Sragen, Jawa Tengah) as published to the public; and Sragen's exact hidden counts."""
    publik, tepat = _baris(db, (), bahasa), _baris(db, ("*",), bahasa)
    label = ep.label_bentuk(bahasa)
    harapan = {label[b]: (str(publik.loc[SRAGEN, b]), str(publik.loc["33", b])) for b in BENTUK}
    rahasia = {
        label[b]: str(tepat.loc[SRAGEN, b]) for b in BENTUK if str(publik.loc[SRAGEN, b]) != str(tepat.loc[SRAGEN, b])
    }
    return harapan, rahasia


def test_pdf_bagian_perlindungan_publik(paket: tuple[Bahasa, bytes, bytes], db_bawaan: Path):
    bahasa, pdf, _ = paket
    halaman = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    judul = t("ph_paket_judul", bahasa, nama="Kabupaten Sragen", tahun=2025)
    nomor = [i for i, h in enumerate(halaman) if judul in h]
    assert len(nomor) == 3  # text and table, then two pages of charts
    teks = halaman[nomor[0]]
    satu_baris = " ".join(teks.split())
    assert " ".join(t("ph_aturan_polos", bahasa, ambang=5).split()) in satu_baris
    assert " ".join(t("ph_sintetis_polos", bahasa).split()) in satu_baris
    for kunci in ("ph_tren_judul", "ph_bentuk_judul"):
        assert any(t(kunci, bahasa, nama="Kabupaten Sragen") in halaman[i] for i in nomor[1:]), kunci
    # The table, cell by cell (pypdf gives one line per cell): exactly the public text.
    baris = teks.splitlines()
    harapan, rahasia = _harapan(db_bawaan, bahasa)
    assert rahasia, "Sragen 2025 has hidden small counts: the check below means something"
    for label, (sragen, provinsi) in harapan.items():
        i = baris.index(label)
        assert baris[i + 1 : i + 3] == [sragen, provinsi], label
        if label in rahasia:
            assert baris[i + 1] in {"1–5", "x"}
            assert baris[i + 1] != rahasia[label]
    # The pages of the section, rendered, to look at.
    dokumen = pdfium.PdfDocument(pdf)
    ARTEFAK.mkdir(exist_ok=True)
    for i in nomor:
        dokumen[i].render(scale=1.4).to_pil().save(ARTEFAK / f"paket_perlindungan_{bahasa}_hal{i + 1}.png")


def test_pptx_bagian_perlindungan_publik(paket: tuple[Bahasa, bytes, bytes], db_bawaan: Path):
    bahasa, _, pptx = paket
    judul = t("ph_paket_judul", bahasa, nama="Kabupaten Sragen", tahun=2025)
    slides = list(Presentation(io.BytesIO(pptx)).slides)
    tabel = [s for s in slides if s.shapes.title is not None and s.shapes.title.text == judul]
    assert len(tabel) == 1
    bentuk = next(b for b in tabel[0].shapes if b.has_table).table
    sel = {bentuk.cell(r, 0).text: (bentuk.cell(r, 1).text, bentuk.cell(r, 2).text) for r in range(1, len(bentuk.rows))}
    harapan, rahasia = _harapan(db_bawaan, bahasa)
    for label, nilai in harapan.items():
        assert sel[label] == nilai
        if label in rahasia:
            assert sel[label][0] != rahasia[label]
    assert bentuk.cell(0, 1).text == "Kabupaten Sragen"
    # Then one slide per chart, each a picture under its own editable title, with the source line.
    i = slides.index(tabel[0])
    grafik = slides[i + 1 : i + 4]
    judul_grafik = [s.shapes.title.text for s in grafik if s.shapes.title is not None]
    assert judul_grafik == [
        t("ph_tren_judul", bahasa, nama="Kabupaten Sragen"),
        t("ph_standar_judul", bahasa, nama="Kabupaten Sragen", provinsi="Jawa Tengah", tahun=2025),
        t("ph_bentuk_judul", bahasa, nama="Kabupaten Sragen"),
    ]
    for s in grafik:
        assert sum(b.shape_type == MSO_SHAPE_TYPE.PICTURE for b in s.shapes) == 1
        assert any("cahyadsn" in b.text_frame.text for b in s.shapes if b.has_text_frame)


def _hover(fig: Any) -> list[str]:
    return [str(h) for tr in fig.data for h in (tr.hovertext or ())]


def test_grafik_paket_tanpa_angka_kecil_persis(db_bawaan: Path):
    """The charts the section renders: a month or form the public may not see is never a number."""
    bagian = ep.bagian_paket(db_bawaan, "33", SRAGEN, 2025, "id", TANGGAL)
    assert bagian is not None
    (judul_tren, tren, _), (_, standar, _) = bagian.halaman[0]
    (_, bentuk, _) = bagian.halaman[1][0]
    assert judul_tren == "Tren bulanan, Kabupaten Sragen"
    tepat = data.tren_wilayah(db_bawaan, SRAGEN, tahun=[2025], terbuka=("*",), hari_ini=TANGGAL)
    publik = data.tren_wilayah(db_bawaan, SRAGEN, tahun=[2025], hari_ini=TANGGAL)
    hover = _hover(tren)
    tersamar = 0
    for a, b in zip(tepat.to_dict("records"), publik.to_dict("records"), strict=True):
        x = f"{t('ph_bulan_' + str(b['bulan']), 'id')} 2025"
        if b["status"] in {"primer", "sekunder"}:
            tersamar += 1
            assert f"<b>{x}</b><br>Kasus: {a['teks']}" not in hover
            assert f"<b>{x}</b><br>Kasus: {b['teks']} (disamarkan)" in hover
    assert tersamar > 0
    assert "<b>2025</b><br>6/12" in [a.text for a in tren.layout.annotations]  # short on the chart, in full below
    assert any("2025: 6 dari 12 bulan dilaporkan" in p for p in bagian.paragraf)
    # the service panel and the small multiples carry the public text only
    panel = data.panel_standar(db_bawaan, SRAGEN, 2025, hari_ini=TANGGAL)
    for r in panel[panel["status"] != "terbuka"].to_dict("records"):
        assert any(f": {r['teks']} (" in h for h in _hover(standar))
    per_bentuk = data.bentuk_per_tahun(db_bawaan, SRAGEN, tahun=[2025], terbuka=("*",), hari_ini=TANGGAL)
    hover_bentuk = _hover(bentuk)
    for r in per_bentuk.to_dict("records"):
        if r["status"] == "terbuka" and 1 <= r["nilai"] <= 5:
            assert f"<b>2025</b><br>{r['label']}, kasus: {r['teks']}" not in hover_bentuk


def test_tahun_tanpa_data_memakai_tahun_terakhir_dan_menyebutnya(db_bawaan: Path):
    bagian = ep.bagian_paket(db_bawaan, "33", SRAGEN, 2018, "id", TANGGAL)
    assert bagian is not None
    assert bagian.judul == "Perlindungan Anak, Kabupaten Sragen 2017"
    assert bagian.paragraf[0].startswith("Tahun 2018 belum punya angka Perlindungan Anak")
    assert ep.bagian_paket(db_bawaan, "35", "35.78", 2025, "id", TANGGAL) is None  # no such figures: no section


def test_belum_terverifikasi_disebut(db_bawaan: Path):
    # On 1 August 2025 the 2025 figures are the current year's, and no province editor marked them.
    bagian = ep.bagian_paket(db_bawaan, "33", SRAGEN, 2025, "id", dt.date(2025, 8, 1))
    assert bagian is not None
    assert any(p.startswith("Belum terverifikasi oleh editor provinsi (angka tahun 2025)") for p in bagian.paragraf)
    kemudian = ep.bagian_paket(db_bawaan, "33", SRAGEN, 2025, "id", TANGGAL)  # 2026: a past year, no label
    assert kemudian is not None
    assert not any(p.startswith("Belum terverifikasi") for p in kemudian.paragraf)


DATABOKS = "https://databoks.katadata.co.id/demografi/statistik/89f7f75ce859c21/1427-kasus-kekerasan-anak-terjadi-di-jawa-tengah-pada-2020"


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_sumber_2020_nyata_dan_sintetis_di_bagian_paket(db_bawaan: Path, bahasa: Bahasa):
    """2020: the BPS total (databoks) named as the real provincial row, the kab/kota sample as synthetic."""
    bagian = ep.bagian_paket(db_bawaan, "33", SRAGEN, 2020, bahasa, TANGGAL)
    assert bagian is not None
    provinsi = t("ph_sumber_provinsi", bahasa, tahun="2020")
    nyata = t("ph_sumber_nyata", bahasa, cakupan=provinsi, nama=DATABOKS, keyakinan=t("tinggi", bahasa), tabel="")
    assert any(p.startswith(nyata.removesuffix(")")) for p in bagian.paragraf), bagian.paragraf
    kabkota = t("ph_sumber_kabkota", bahasa, tahun="2016, 2017, 2018, 2019, 2020", jumlah=35).split(" 2016")[0]
    sintetis = [p for p in bagian.paragraf if p.startswith(kabkota) and "sintetis-perlindungan-v1" in p]
    assert len(sintetis) == 1
    assert "2019, 2020 (35 kab/kota)" in sintetis[0]  # the sample starts in 2019


def test_pdf_2021_menyebut_sumber_bps_2020(db_bawaan: Path):
    """No scores in 2020, so the 2021 pack: its charts reach back to 2020, whose BPS total it names."""
    isi = susun.paket_wilayah(db_bawaan, katalog_bawaan(), SRAGEN, 2021, tanggal=TANGGAL, bahasa="id")
    halaman = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(paket_pdf.tulis_pdf(isi))).pages]
    judul = t("ph_paket_judul", "id", nama="Kabupaten Sragen", tahun=2021)
    teks = "".join("".join(h.split()) for h in halaman if judul in h)  # a long URL may wrap: compare without spaces
    assert "totalprovinsi2020:" + DATABOKS + "(nyata;keyakinantinggi;" in teks
    assert "rinciankab/kota2019,2020,2021(35kab/kota):contohsintetis(sintetis-perlindungan-v1;" in teks
