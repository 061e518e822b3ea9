"""End to end in Debian's Chromium: the real server draws the map, offline."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e


def test_ringkasan_menggambar_peta_35_wilayah_tanpa_jaringan_luar(page: Page, streamlit_url: str):
    pantauan = pantau(page)

    page.goto(streamlit_url)
    # The main map's regions (Karimunjawa's inset repeats Jepara in its own geo2 subplot).
    peta = page.locator('[data-testid="stPlotlyChart"] g.geo:not(.geo2) .choroplethlayer path')
    expect(peta).to_have_count(35, timeout=60_000)
    tunggu_siap(page)
    expect(page.get_by_role("heading", name="Ringkasan predikat KLA Jawa Tengah 2025")).to_be_visible()
    simpan_tangkapan(page, "ringkasan_2025")

    # Filled polygons: every region has a colour, none is left transparent.
    isian = peta.evaluate_all("ps => ps.map(p => getComputedStyle(p).fill)")
    assert all(f and f != "none" for f in isian)
    # No polygon is drawn inside out (a wrongly wound ring fills the whole map frame).
    lebar = peta.evaluate_all("ps => ps.map(p => p.getBBox().width)")
    bingkai = page.locator('[data-testid="stPlotlyChart"] .geolayer .bg rect, [data-testid="stPlotlyChart"] .geo').first
    kotak = bingkai.bounding_box()
    assert kotak is not None
    assert max(lebar) < 0.5 * kotak["width"], lebar

    tidak_ada_galat(page)
    pantauan.periksa()
    assert any(u.endswith("/app/static/geo/jawa_tengah_kabkota.geojson") for u in pantauan.permintaan)
