"""End to end in Debian's Chromium: the Peta page draws, switches measure, compares two cycles and
opens a region's profile on a click, all without leaving 127.0.0.1."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from benchmarks.server import PUSAT_JS
from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

PETA = '[data-testid="stPlotlyChart"] g.geo:not(.geo2) .choroplethlayer path'  # not the Karimunjawa inset


def _pilih(page: Page, label: str, opsi: str) -> None:
    page.get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.keyboard.type(opsi)  # the list is virtual: a province far down is not in it until searched
    page.get_by_role("option", name=opsi, exact=True).click()


def test_peta_ukuran_banding_dan_klik_ke_profil(page: Page, streamlit_url: str):
    pantauan = pantau(page)
    page.goto(streamlit_url)
    expect(page.locator(PETA).first).to_be_attached(timeout=60_000)
    tunggu_siap(page)

    page.goto(f"{streamlit_url}/peta")
    expect(page.get_by_role("heading", name="Predikat resmi — Jawa Tengah, evaluasi 2025")).to_be_visible(
        timeout=60_000
    )
    expect(page.locator(PETA)).to_have_count(35, timeout=60_000)
    tunggu_siap(page)
    isian = page.locator(PETA).evaluate_all("ps => ps.map(p => getComputedStyle(p).fill)")
    assert all(f and f != "none" for f in isian)
    expect(page.get_by_test_id("stSidebarNav").get_by_role("link", name="Peta")).to_be_visible()
    simpan_tangkapan(page, "peta_predikat_2025")

    # Switch the measure to the (synthetic) total: a colour bar with the unit, every region filled.
    _pilih(page, "Ukuran yang dipetakan", "Total skor")
    expect(
        page.get_by_role("heading", name="Total skor (poin) — Jawa Tengah, evaluasi 2025, tahap Final")
    ).to_be_visible(timeout=60_000)
    expect(page.locator(PETA)).to_have_count(35, timeout=60_000)
    tunggu_siap(page)
    assert "ukuran=total" in page.url
    expect(page.locator('[data-testid="stPlotlyChart"] .colorbar').first).to_contain_text("poin (sintetis)")
    expect(page.get_by_text("data contoh (sintetis)").first).to_be_visible()
    simpan_tangkapan(page, "peta_total_2025")

    # Two cycles side by side, then the change map.
    page.get_by_text("Bandingkan dua siklus").click()
    expect(page.get_by_role("heading", name="Evaluasi 2023, tahap Final")).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    assert "tahun2=2023" in page.url
    expect(page.locator(PETA)).to_have_count(105, timeout=60_000)  # three maps; the change map in a tab
    simpan_tangkapan(page, "peta_total_banding")
    page.get_by_role("tab", name="Peta perubahan 2023 → 2025").click()
    expect(page.get_by_role("heading", name="Perubahan Total skor, 2023 → 2025")).to_be_visible()
    expect(page.locator('[data-testid="stPlotlyChart"] .colorbar').last).to_contain_text("Δ poin")
    # A chart in a tab that was hidden is laid out again once shown: wait until it has its size.
    page.wait_for_function(
        """() => { const c = document.querySelectorAll('[data-testid="stPlotlyChart"]')[2];
                   const svg = c && c.querySelector('.main-svg'); const w = c && c.getBoundingClientRect().width;
                   return !!svg && w > 100 && Math.abs(Number(svg.getAttribute('width')) - w) < 2
                       && c.querySelector('.choroplethlayer path').getBoundingClientRect().width > 0; }""",
        timeout=30_000,
    )
    simpan_tangkapan(page, "peta_total_perubahan")

    # Back to one map; a click at a region's centre opens its profile with the view in the URL.
    page.get_by_text("Bandingkan dua siklus").click()
    expect(page.locator(PETA)).to_have_count(35, timeout=60_000)
    tunggu_siap(page)
    pusat = page.locator(PETA).evaluate_all(PUSAT_JS)
    sasaran = next(p for p in pusat if p["di_dalam"] and p["lebar"] > 30 and p["kode"])
    page.mouse.click(sasaran["x"], sasaran["y"])
    expect(page).to_have_url(re.compile(rf"/profil\?.*wilayah={re.escape(sasaran['kode'])}"), timeout=60_000)
    tunggu_siap(page)
    assert "tahun=2025" in page.url
    assert "provinsi=33" in page.url
    simpan_tangkapan(page, "peta_klik_profil")

    tidak_ada_galat(page)
    pantauan.periksa()
    assert any(u.endswith("/app/static/geo/jawa_tengah_kabkota.geojson") for u in pantauan.permintaan)


def test_peta_statistik_inggris_dan_provinsi_kosong(page: Page, streamlit_url: str):
    pantauan = pantau(page)
    page.goto(streamlit_url)
    expect(page.locator(PETA).first).to_be_attached(timeout=60_000)
    tunggu_siap(page)

    page.goto(f"{streamlit_url}/peta?ukuran=stat:prevalensi_stunting_ssgi&lang=en")
    expect(page.get_by_role("heading", name="Stunting prevalence (SSGI survey), percent")).to_be_visible(timeout=60_000)
    expect(page.locator(PETA)).to_have_count(35, timeout=60_000)
    tunggu_siap(page)
    # In the map's legend (the chart data table under it repeats the name)
    expect(page.get_by_test_id("stPlotlyChart").get_by_text("No data found (3)")).to_be_visible()
    simpan_tangkapan(page, "peta_stunting_en")

    # 2019: twelve kab/kota without a known predikat, white on the map. Their legend swatch has the
    # regions' outline (plotly's own choropleth swatch has none: white on the legend's white).
    page.goto(f"{streamlit_url}/peta?tahun=2019&lang=en")
    contoh = page.locator(".legend .traces", has_text="No data found (12)").locator(".legendpoints path.scatterpts")
    expect(contoh).to_have_count(1, timeout=60_000)
    tunggu_siap(page)
    assert contoh.evaluate("p => [getComputedStyle(p).stroke, getComputedStyle(p).fill]") == [
        "rgb(77, 77, 77)",
        "rgb(255, 255, 255)",
    ]

    page.goto(f"{streamlit_url}/peta?provinsi=11")  # Aceh: no kab/kota named in any release
    expect(page.get_by_test_id("stAlertContentInfo")).to_contain_text("Belum ada data", timeout=60_000)
    tunggu_siap(page)
    expect(page.locator(PETA)).to_have_count(0)
    simpan_tangkapan(page, "peta_provinsi_kosong")

    tidak_ada_galat(page)
    pantauan.periksa()


# Each Plotly.react on a chart, and whether plotly computed it again (a full draw) or only restyled
# it. Streamlit's client calls react twice on a new chart: to draw it, then with its theme applied.
HITUNG_GAMBAR_JS = """() => { const P = window.Plotly; if (P.__hitung) return; P.__hitung = true;
  window.__gambar = []; const asli = P.react;
  P.react = function (gd, ...sisa) { const sebelum = gd.calcdata; const hasil = asli.call(this, gd, ...sisa);
    Promise.resolve(hasil).then(() => window.__gambar.push(gd.calcdata !== sebelum)); return hasil; }; }"""


def _gambar_penuh_per_ganti(page: Page, ganti: Callable[[], None]) -> list[bool]:
    page.evaluate(HITUNG_GAMBAR_JS)
    page.evaluate("() => { window.__gambar = []; }")
    ganti()
    page.wait_for_function("() => window.__gambar.length >= 2", timeout=60_000)  # drawn, then themed
    tunggu_siap(page)
    page.wait_for_timeout(500)  # nothing more follows
    return list(page.evaluate("() => window.__gambar"))


def test_peta_digambar_sekali_per_ganti(page: Page, streamlit_url: str):
    """A map is computed and drawn once per change (tests/unit/test_grafik_peta_gaya.py says why)."""
    pantauan = pantau(page)
    page.goto(f"{streamlit_url}/peta")
    expect(page.locator(PETA)).to_have_count(35, timeout=60_000)
    tunggu_siap(page)
    for ukuran in ("Total skor", "Predikat resmi"):  # a colour scale, then categories
        gambar = _gambar_penuh_per_ganti(page, functools.partial(_pilih, page, "Ukuran yang dipetakan", ukuran))
        assert gambar.count(True) == 1, (ukuran, gambar)
        expect(page.locator(PETA)).to_have_count(35)

    page.goto(streamlit_url)  # Ringkasan's map, through the figure-and-downloads helper
    expect(page.locator(PETA)).to_have_count(35, timeout=60_000)
    tunggu_siap(page)
    for tahun in ("2023", "2025"):
        gambar = _gambar_penuh_per_ganti(page, functools.partial(_pilih, page, "Tahun evaluasi", tahun))
        assert gambar.count(True) == 1, gambar
        expect(page.locator(PETA)).to_have_count(35)
    # Indonesia has a Provila view and Jawa Tengah a histogram: new options, and the last view's map
    # must not be drawn again under them (as it was under new st.tabs labels:
    # benchmarks/RIWAYAT.md, "Latensi" (l), (s)).
    for provinsi, wilayah in (("Indonesia (semua provinsi)", 514), ("Jawa Tengah", 35)):
        gambar = _gambar_penuh_per_ganti(page, functools.partial(_pilih, page, "Provinsi", provinsi))
        assert gambar.count(True) == 1, (provinsi, gambar)
        expect(page.locator(PETA)).to_have_count(wilayah)
        expect(page.get_by_test_id("stPlotlyChart")).to_have_count(1)
    tidak_ada_galat(page)
    pantauan.periksa()
