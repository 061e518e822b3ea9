"""End to end in Debian's Chromium: the Perbandingan page draws broken trend lines and the rank chart,
switches the measure to an indicator (comparability warning), adds the province average, and
switches to English, all without leaving 127.0.0.1."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

GRAFIK = '[data-testid="stPlotlyChart"]'

# Per chart: how many region lines are drawn and how many separate solid pieces they make. A line
# that is not interpolated over 2020 and 2024 falls apart into several pieces, each one a single "M"
# path; the change across those years is a separate dashed trace (meta.celah), left out here.
GARIS_JS = """cs => cs.map(c => ({
  jejak: c.querySelector('.js-plotly-plot').data.filter(t => !(t.meta || {}).celah).length,
  potongan: [...c.querySelectorAll('.scatterlayer path.js-line')]
    .filter(p => (p.style.strokeDasharray || 'none') === 'none')
    .map(p => (p.getAttribute('d').match(/M/g) || []).length),
  legenda: [...c.querySelectorAll('.legendtext')].map(x => x.textContent),
}))"""


def _param(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def _pilih(page: Page, label: str, opsi: str) -> None:
    page.get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.get_by_role("option", name=opsi, exact=True).click()


def test_perbandingan_dua_wilayah_ukuran_dan_sebaya(page: Page, streamlit_url: str):
    pantauan = pantau(page)
    page.goto(streamlit_url)
    expect(page.locator(f"{GRAFIK} .main-svg").first).to_be_attached(timeout=60_000)
    tunggu_siap(page)

    page.goto(f"{streamlit_url}/perbandingan?wilayah=33.75,33.26")
    expect(page.get_by_role("heading", name="Total skor dari siklus ke siklus")).to_be_visible(timeout=60_000)
    expect(page.locator(f"{GRAFIK} .legend .traces")).to_have_count(4, timeout=60_000)
    tunggu_siap(page)
    assert _param(page)["wilayah"] == "33.75,33.26"
    tren, peringkat = page.locator(GRAFIK).evaluate_all(GARIS_JS)
    for grafik in (tren, peringkat):
        assert grafik["jejak"] == 2
        assert grafik["legenda"] == ["Kota Pekalongan", "Kabupaten Pekalongan"]
        # Broken at the gap years: more pieces than traces, each piece one continuous path.
        assert len(grafik["potongan"]) >= 2 * grafik["jejak"]
        assert set(grafik["potongan"]) == {1}
    expect(page.locator(GRAFIK).first).to_contain_text("ganti skema KLA31 → KLA24")
    expect(page.locator(GRAFIK).first).to_contain_text("tanpa evaluasi")
    expect(page.locator(GRAFIK).first).to_contain_text("data contoh (sintetis)")
    expect(page.locator(GRAFIK).nth(1)).to_contain_text("Peringkat total skor di Jawa Tengah")
    expect(page.get_by_text("data contoh (sintetis)").first).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav").get_by_role("link", name="Perbandingan")).to_be_visible()
    simpan_tangkapan(page, "perbandingan_total")

    # An indicator: % of maximum, and a warning that 2017 is bridged from KLA31.
    _pilih(page, "Ukuran", "4. Akta Kelahiran (KLA24-04)")
    expect(page.get_by_role("heading", name="4. Akta Kelahiran (KLA24-04) dari siklus ke siklus")).to_be_visible(
        timeout=60_000
    )
    expect(page.get_by_text("komparabilitas baik").first).to_be_visible()
    tunggu_siap(page)
    assert _param(page)["ukuran"] == "KLA24-04"
    expect(page.locator(GRAFIK).first).to_contain_text("Capaian (% dari nilai maksimum)")
    expect(page.locator(f"{GRAFIK} .legend .traces")).to_have_count(4)
    simpan_tangkapan(page, "perbandingan_indikator")

    # The province average as a reference line: the chosen regions stay, a dashed average line is added.
    page.get_by_text("Rata-rata provinsi", exact=True).click()
    expect(page.locator(GRAFIK).first).to_contain_text("Rata-rata Jawa Tengah", timeout=60_000)
    tunggu_siap(page)
    assert _param(page)["sebaya"] == "provinsi"
    assert _param(page)["wilayah"] == "33.75,33.26"
    tren, _ = page.locator(GRAFIK).evaluate_all(GARIS_JS)
    assert tren["legenda"] == ["Kota Pekalongan", "Rata-rata Jawa Tengah", "Kabupaten Pekalongan"]
    simpan_tangkapan(page, "perbandingan_rata_provinsi")

    # English, from a link that keeps the view.
    page.goto(f"{streamlit_url}/perbandingan?wilayah=33.75,33.25,33.26&ukuran=klaster_3&lang=en")
    expect(page.get_by_role("heading", name="Cluster III: Basic health and welfare across cycles")).to_be_visible(
        timeout=60_000
    )
    expect(page.locator(f"{GRAFIK} .legend .traces")).to_have_count(6, timeout=60_000)
    tunggu_siap(page)
    expect(page.locator(GRAFIK).first).to_contain_text("scheme change KLA31 → KLA24")
    expect(page.get_by_text("synthetic example data").first).to_be_visible()
    simpan_tangkapan(page, "perbandingan_en")

    tidak_ada_galat(page)
    pantauan.periksa()
