"""Print-ready figure export: names, source line, print layout (pure) and real PNG/SVG/PDF via kaleido."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import plotly.graph_objects as go
import pypdf
import pytest
from PIL import Image

from indicators.ekspor import gambar as eg
from indicators.ekspor.paket import susun
from indicators.grafik import predikat
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import PROYEK, STATIC_DIR

ARTEFAK = PROYEK / "tests" / "artefak"
KAT = katalog_bawaan()
TANGGAL = dt.date(2026, 8, 8)
URL_JATENG = "/app/static/geo/jawa_tengah_kabkota.geojson"


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        ("Jawa Tengah", "jawa-tengah"),
        ("Kab. Banjarnegara", "kab-banjarnegara"),
        ("Daerah Istimewa  Yogyakarta", "daerah-istimewa-yogyakarta"),
        ("Kepulauan Bangka Belitung (Babel)", "kepulauan-bangka-belitung-babel"),
        ("Pémalang / Tegal", "pemalang-tegal"),
        ("  --Kota Semarang--  ", "kota-semarang"),
    ],
)
def test_slug(teks: str, harapan: str) -> None:
    assert eg.slug(teks) == harapan


def test_nama_berkas_menyebut_isinya() -> None:
    assert eg.nama_berkas("peta_predikat", "Jawa Tengah", 2025, "png") == "kla_peta_predikat_jawa-tengah_2025.png"
    assert eg.nama_berkas("riwayat", "Kabupaten Sragen", 2025, ".PDF", "mandiri", "en") == (
        "kla_riwayat_kabupaten-sragen_2025_mandiri_en.pdf"
    )
    assert eg.nama_dasar("peta_ubah_total", "Kota Tegal", 2023) == "kla_peta_ubah_total_kota-tegal_2023"
    # The language comes last, and only when it is not Indonesian.
    inggris = eg.nama_dasar("riwayat", "Kota Tegal", 2023, "mandiri", bahasa="en")
    assert inggris == "kla_riwayat_kota-tegal_2023_mandiri_en"
    assert eg.nama_dasar("riwayat", "Kota Tegal", 2023, bahasa="id") == "kla_riwayat_kota-tegal_2023"


# --- source line ---------------------------------------------------------------------------------


def test_baris_sumber_indonesia_dengan_sintetis_dan_tanggal() -> None:
    meta = eg.MetaGambar("Judul", "Sub", ("sumber A", "sumber B", "sumber A"), True, "id", TANGGAL)
    assert eg.baris_sumber(meta) == "Sumber: sumber A; sumber B · data contoh (sintetis) · Dibuat 8 Agustus 2026"


def test_baris_sumber_inggris_tanpa_sintetis() -> None:
    meta = eg.MetaGambar("Title", "Sub", ("source A",), False, "en", TANGGAL)
    teks = eg.baris_sumber(meta)
    assert teks == "Source: source A · Made 8 August 2026"
    assert "synthetic" not in teks


def test_bungkus_memotong_di_batas_kata() -> None:
    baris = eg.bungkus("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh", 20)
    assert all(len(b) <= 20 for b in baris)
    assert " ".join(baris) == "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh"


# --- geometry and print layout -------------------------------------------------------------------


def _peta(kode: list[str]) -> go.Figure:
    import pandas as pd

    data = pd.DataFrame({"kode_wilayah": kode, "kategori": ["Madya"] * len(kode)})
    return predikat.peta_kategori(
        data, URL_JATENG, kolom_kategori="kategori", urutan=["Madya"], label_kategori={}, hover=[""] * len(kode)
    )


def test_geometri_inline_mengganti_url_dengan_fitur_yang_dipetakan() -> None:
    fig = _peta(["33.01", "33.74"])
    hasil = eg.geometri_inline(fig, STATIC_DIR)
    assert fig.data[0].geojson == URL_JATENG  # the interactive figure keeps its URL
    fitur = hasil.data[0].geojson["features"]
    assert sorted(f["properties"]["kode_wilayah"] for f in fitur) == ["33.01", "33.74"]
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in fitur)


def test_geometri_inline_peta_indonesia_dicetak_dari_lapisan_rinci() -> None:
    """The whole-Indonesia screen layer is simplified for ~900 px; a print image takes the detailed
    layer of the same regions (geometry equal to that file's, not to the screen layer's)."""
    import json

    url = "/app/static/geo/indonesia_kabkota_ikhtisar.geojson"
    fig = go.Figure(
        go.Choropleth(geojson=url, locations=["33.74", "11.01"], z=[1, 2], featureidkey="properties.kode_wilayah")
    )
    fitur = {
        f["properties"]["kode_wilayah"]: f["geometry"]
        for f in eg.geometri_inline(fig, STATIC_DIR).data[0].geojson["features"]
    }
    assert set(fitur) == {"33.74", "11.01"}
    for nama, sama in (("indonesia_kabkota", True), ("indonesia_kabkota_ikhtisar", False)):
        lapisan = json.loads((STATIC_DIR / "geo" / f"{nama}.geojson").read_text(encoding="utf-8"))
        asli = {
            f["properties"]["kode_wilayah"]: f["geometry"]
            for f in lapisan["features"]
            if f["properties"]["kode_wilayah"] in fitur
        }
        assert (asli == fitur) is sama, nama


def test_geometri_inline_url_tak_dikenal() -> None:
    fig = go.Figure(go.Choropleth(geojson="/app/static/geo/tidak_ada.geojson", locations=["x"], z=[1]))
    with pytest.raises(ValueError, match="tidak ditemukan"):
        eg.geometri_inline(fig, STATIC_DIR)


def test_lapisan_provinsi_hanya_kabkota_provinsi_itu() -> None:
    jateng = eg.lapisan_provinsi("33", STATIC_DIR)["features"]
    assert len(jateng) == 35
    jatim = eg.lapisan_provinsi("35", STATIC_DIR)["features"]
    assert jatim
    assert all(f["properties"]["kode_wilayah"].startswith("35.") for f in jatim)


def test_siapkan_cetak_ukuran_tetap_judul_dan_sumber() -> None:
    fig = _peta(["33.01"])
    fig.update_layout(height=300)  # a screen height must not leak into the export
    meta = eg.MetaGambar("Peta uji", "Predikat · Jawa Tengah", ("sumber uji",), True, "id", TANGGAL)
    cetak = eg.siapkan_cetak(fig, meta, lebar=1000, tinggi=700)
    assert (cetak.layout.width, cetak.layout.height) == (1000, 700)
    assert "Peta uji" in cetak.layout.title.text
    assert cetak.layout.title.subtitle.text == "Predikat · Jawa Tengah"
    catatan = " ".join(a.text for a in cetak.layout.annotations)
    assert "sumber uji" in catatan
    assert "data contoh (sintetis)" in catatan
    assert "8 Agustus 2026" in catatan
    assert cetak.layout.separators == ",."
    assert isinstance(cetak.data[0].geojson, dict)
    tanpa = eg.siapkan_cetak(fig, meta, lebar=1000, tinggi=700, kepala=False)
    assert tanpa.layout.title.text is None
    assert not tanpa.layout.annotations


def test_tanpa_chromium_satu_baris_galat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/tidak/ada/chromium")
    assert not eg.chromium_tersedia()
    with pytest.raises(eg.ChromiumTidakAda) as galat:
        eg.ke_bytes(_peta(["33.01"]), "png")
    pesan = str(galat.value)
    assert pesan.startswith("Ekspor gambar butuh Chromium")
    assert "sudo apt-get install -y chromium" in pesan
    assert "\n" not in pesan


# --- real exports through kaleido (one server for the session) ----------------------------------


@pytest.fixture(scope="module")
def peta_jateng(db_bawaan: Path) -> dict[eg.Format, bytes]:
    """The Jawa Tengah 2025 predikat map in the three formats, as the CLI makes it."""
    fig, meta, stem = susun.gambar_provinsi(db_bawaan, KAT, "33", 2025, "peta", tanggal=TANGGAL)
    assert stem == "kla_peta_predikat_jawa-tengah_2025"
    hasil = eg.semua_format(fig, meta)
    ARTEFAK.mkdir(exist_ok=True)
    (ARTEFAK / f"{stem}.png").write_bytes(hasil["png"])
    return hasil


def test_png_ukuran_cetak_skala_2(peta_jateng: dict[eg.Format, bytes]) -> None:
    gambar = Image.open(io.BytesIO(peta_jateng["png"]))
    assert gambar.format == "PNG"
    assert gambar.size == (eg.LEBAR * eg.SKALA_PNG, eg.TINGGI * eg.SKALA_PNG)
    # Not an empty canvas: the predikat greens are drawn.
    warna = {c for _, c in gambar.convert("RGB").getcolors(maxcolors=1 << 20) or []}
    assert (0x31, 0xA3, 0x54) in warna
    assert (0xA1, 0xD9, 0x9B) in warna


def test_svg_terurai_dan_memuat_judul_sumber(peta_jateng: dict[eg.Format, bytes]) -> None:
    akar = ET.fromstring(peta_jateng["svg"])
    assert akar.tag == "{http://www.w3.org/2000/svg}svg"
    teks = "".join(akar.itertext())
    assert "Peta predikat resmi Jawa Tengah 2025" in teks
    assert "Sumber:" in teks
    assert "cahyadsn/wilayah_boundaries (MIT)" in teks
    assert "8 Agustus 2026" in teks
    assert "Nindya (13)" in teks  # the legend
    assert "sintetis" not in teks  # official predikat are real data: no synthetic label


def test_pdf_satu_halaman_terbuka(peta_jateng: dict[eg.Format, bytes]) -> None:
    pdf = pypdf.PdfReader(io.BytesIO(peta_jateng["pdf"]))
    assert len(pdf.pages) == 1
    teks = pdf.pages[0].extract_text()
    assert "Peta predikat resmi Jawa Tengah 2025" in teks
    assert "Sumber:" in teks
    lebar, tinggi = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert lebar / tinggi == pytest.approx(eg.LEBAR / eg.TINGGI, rel=0.01)


def test_sebaran_sintetis_berlabel_dan_inggris(db_bawaan: Path, peta_jateng: dict[eg.Format, bytes]) -> None:
    fig, meta, stem = susun.gambar_provinsi(db_bawaan, KAT, "33", 2025, "sebaran", bahasa="en")
    assert meta.sintetis
    assert stem == "kla_sebaran_total_jawa-tengah_2025"
    akar = ET.fromstring(eg.ekspor(fig, meta, "svg"))
    teks = "".join(akar.itertext())
    assert "synthetic example data" in teks
    assert "Source:" in teks
    assert "Final total score" in teks
