"""End to end in Debian's Chromium: the Indikator and Data & Metodologi pages draw, react and stay
on 127.0.0.1 (no CDN topojson, no tiles)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap
from ui.bagian.metodologi import LEBAR_EDITOR

pytestmark = pytest.mark.e2e

PETA = '[data-testid="stPlotlyChart"] g.geo:not(.geo2) .choroplethlayer path'  # not the Karimunjawa inset
GARIS = '[data-testid="stPlotlyChart"] .scatterlayer .trace'


def _pilih(page: Page, label: str, opsi: str) -> None:
    """Open the selectbox labelled ``label`` and pick ``opsi`` (typed first: the option list is virtual)."""
    page.get_by_test_id("stSelectbox").filter(has_text=re.compile(f"^{re.escape(label)}")).click()
    page.keyboard.type(opsi.split(" · ")[0])
    page.get_by_role("option", name=opsi, exact=True).click()


def _buka_aplikasi(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(PETA).first).to_be_attached(timeout=60_000)
    tunggu_siap(page)


def test_indikator_metadata_peta_tren_dan_ganti_skema(page: Page, streamlit_url: str):
    pantauan = pantau(page)
    _buka_aplikasi(page, streamlit_url)

    page.goto(f"{streamlit_url}/indikator?wilayah=33.75")
    expect(page.get_by_role("heading", name="KLA24-01 · Perda KLA")).to_be_visible(timeout=60_000)
    expect(page.locator(PETA)).to_have_count(35, timeout=60_000)
    expect(page.locator(GARIS)).to_have_count(2, timeout=60_000)
    tunggu_siap(page)
    isian = page.locator(PETA).evaluate_all("ps => ps.map(p => getComputedStyle(p).fill)")
    assert all(f and f != "none" for f in isian)
    expect(page.get_by_text("terkonfirmasi", exact=True).first).to_be_visible()
    expect(page.get_by_text("asumsi, bukan angka resmi")).to_be_visible()
    expect(page.get_by_role("link", name="https://slideplayer.info/amp/17552328")).to_be_visible()
    expect(page.locator('[data-testid="stPlotlyChart"] .colorbar').first).to_contain_text("poin (sintetis)")
    expect(page.get_by_text("data contoh (sintetis)").first).to_be_visible()
    assert "indikator=KLA24-01" in page.url
    assert "skema=KLA24" in page.url
    simpan_tangkapan(page, "indikator_kla24_01")
    page.get_by_role("heading", name="Skor KLA24-01 antar kab/kota Jawa Tengah (sintetis)").scroll_into_view_if_needed()
    simpan_tangkapan(page, "indikator_kla24_01_peta_tren")

    # Another indicator: its metadata, map, trend and the related raw statistics.
    _pilih(page, "Indikator", "KLA24-13 · Prevalensi Gizi")
    expect(page.get_by_role("heading", name="KLA24-13 · Prevalensi Gizi")).to_be_visible(timeout=60_000)
    expect(page.locator(PETA)).to_have_count(35, timeout=60_000)
    tunggu_siap(page)
    assert "indikator=KLA24-13" in page.url
    page.get_by_role("heading", name="Statistik terkait (data nyata)").scroll_into_view_if_needed()
    expect(page.get_by_test_id("stDataFrame").filter(has_text="Prevalensi stunting (SSGI)")).to_be_visible()
    simpan_tangkapan(page, "indikator_kla24_13_statistik")

    # The old scheme: the crosswalk counterpart opens, then a button leads back to KLA24.
    page.get_by_role("heading", name="Indikator KLA").scroll_into_view_if_needed()
    _pilih(page, "Skema indikator", "KLA31 · 31 indikator (2011–2017)")
    expect(page.get_by_role("heading", name=re.compile(r"^KLA31-15 · "))).to_be_visible(timeout=60_000)
    expect(page.locator(PETA)).to_have_count(35, timeout=60_000)
    tunggu_siap(page)
    assert "skema=KLA31" in page.url
    assert "tahun=2017" in page.url
    tombol = page.get_by_role("button", name="KLA24-13 · Prevalensi Gizi (komparabilitas: baik)")
    tombol.scroll_into_view_if_needed()
    simpan_tangkapan(page, "indikator_kla31_15")
    tombol.click()
    expect(page.get_by_role("heading", name="KLA24-13 · Prevalensi Gizi")).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    assert "skema=KLA24" in page.url

    tidak_ada_galat(page)
    pantauan.periksa()
    assert any(u.endswith("/app/static/geo/jawa_tengah_kabkota.geojson") for u in pantauan.permintaan)


def test_indikator_inggris_statistik_belum_terverifikasi(page: Page, streamlit_url: str):
    pantauan = pantau(page)
    _buka_aplikasi(page, streamlit_url)

    page.goto(f"{streamlit_url}/indikator?indikator=KLA24-21&wilayah=33.74&lang=en")
    expect(page.get_by_role("heading", name="KLA24-21 · Victims of violence and exploitation")).to_be_visible(
        timeout=60_000
    )
    expect(page.locator(PETA)).to_have_count(35, timeout=60_000)
    tunggu_siap(page)
    expect(page.get_by_text("The catalogue is translated from its Indonesian sources").first).to_be_visible()
    page.get_by_role("heading", name="Related statistics (real data)").scroll_into_view_if_needed()
    expect(page.get_by_test_id("stDataFrame").filter(has_text="NOT verified")).to_be_visible()
    simpan_tangkapan(page, "indikator_kla24_21_en")

    tidak_ada_galat(page)
    pantauan.periksa()


def _editor(page: Page, judul: str) -> Locator:
    """The data editor in the column headed ``judul``, scrolled into view (grids render lazily)."""
    page.get_by_text(judul, exact=True).scroll_into_view_if_needed()
    # Clicking the heading takes the keyboard focus away from any grid edited before.
    page.get_by_text(judul, exact=True).click()
    editor = page.get_by_test_id("stColumn").filter(has_text=judul).get_by_test_id("stDataFrame")
    expect(editor).to_have_count(1, timeout=30_000)
    return editor


def _ubah_sel(page: Page, editor: Locator, baris: int, nilai: str) -> None:
    """Type a value into the editable (third) column of a data editor, row ``baris`` (0 = first)."""
    kotak = editor.bounding_box()
    assert kotak is not None
    lebar = LEBAR_EDITOR
    x = kotak["x"] + lebar[0] + lebar[1] + lebar[2] / 2
    y = kotak["y"] + 35 + 35 * baris + 17
    page.mouse.click(x, y)
    page.wait_for_timeout(300)  # the grid takes the focus asynchronously
    page.mouse.dblclick(x, y)
    masukan = page.locator("textarea.gdg-input, input.gdg-input")
    expect(masukan).to_have_count(1, timeout=10_000)
    masukan.fill(nilai)
    page.keyboard.press("Enter")


def test_metodologi_sumber_dan_asumsi_yang_dapat_diubah(page: Page, streamlit_url: str):
    pantauan = pantau(page)
    _buka_aplikasi(page, streamlit_url)

    page.goto(f"{streamlit_url}/metodologi")
    expect(page.get_by_role("heading", name="Data & Metodologi")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Batas wilayah: cahyadsn/wilayah_boundaries (MIT).")).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    # The grid draws its cells after the page is idle: under load that took more than the default 5 s.
    expect(page.get_by_test_id("stDataFrame").filter(has_text="data contoh sintetis").first).to_be_visible(
        timeout=60_000
    )
    simpan_tangkapan(page, "metodologi_sumber")

    page.get_by_role("heading", name="Statistik mentah per tahun").scroll_into_view_if_needed()
    expect(page.get_by_text("korban_kekerasan_anak_0_18")).to_be_visible()
    expect(page.get_by_text("Kepmendagri No. 300.2.2-2138/2025 (38 provinsi, 514 kab/kota)")).to_be_visible()
    simpan_tangkapan(page, "metodologi_cakupan")

    # A bad sum of maxima: a clear message, and no effect table.
    maks = _editor(page, "Nilai maksimum per indikator, KLA24")
    _ubah_sel(page, maks, 0, "120")
    galat = page.get_by_test_id("stAlertContentError")
    expect(galat).to_contain_text("Jumlah nilai maksimum harus tepat 1.000, sekarang 1.050", timeout=60_000)
    tunggu_siap(page)
    expect(page.get_by_role("heading", name=re.compile("^Efeknya"))).to_have_count(0)
    simpan_tangkapan(page, "metodologi_maks_salah")

    # Balance it with the next indicator: valid again, and one kab/kota changes computed predikat.
    maks = _editor(page, "Nilai maksimum per indikator, KLA24")
    _ubah_sel(page, maks, 1, "30")
    expect(galat).to_have_count(0, timeout=60_000)
    expect(page.get_by_role("heading", name=re.compile("^Efeknya pada predikat hitung Jawa Tengah"))).to_be_visible(
        timeout=60_000
    )
    tunggu_siap(page)
    expect(page.get_by_test_id("stMetricValue")).to_have_text("1")
    expect(page.get_by_test_id("stDataFrame").filter(has_text="Nindya → Utama")).to_be_visible(timeout=60_000)
    simpan_tangkapan(page, "metodologi_maks_sah")

    # A band edge: Madya from above 650.
    pita = _editor(page, "Batas bawah pita predikat")
    _ubah_sel(page, pita, 1, "650")
    expect(page.get_by_text(re.compile(r"Pratama ≥ 500 dan ≤ 650 · Madya > 650"))).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    simpan_tangkapan(page, "metodologi_pita")

    tidak_ada_galat(page)
    pantauan.periksa()
