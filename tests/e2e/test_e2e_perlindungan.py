"""End to end in Debian's Chromium: the Perlindungan Anak page at a projector's 1366 px and a phone's
390 px. It draws its map and charts, shows suppressed and unreported months as hatched bands whose
hover says "1–5" (never a number), says its disclosure rule, offers its downloads, lays out without
sideways overflow or overlapping controls, and stays on 127.0.0.1."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

GRAFIK = '[data-testid="stPlotlyChart"]'
URL = "/perlindungan?wilayah=33.26&tahun=2024"
_KONTROL = (
    '[data-testid="stSelectbox"], [data-testid="stSegmentedControl"], [data-testid="stButton"], '
    '[data-testid="stDownloadButton"], [data-testid="stPageLink"], [data-testid="stExpander"]'
)
_KOTAK_JS = """sel => [...document.querySelectorAll(sel)]
  .filter(e => e.offsetParent !== null)
  .map(e => { const r = e.getBoundingClientRect();
              return {x: r.left, y: r.top, w: r.width, h: r.height, t: e.getAttribute('data-testid')}; })
  .filter(r => r.w > 0 && r.h > 0)"""


def _buka(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(GRAFIK)).to_have_count(4, timeout=90_000)
    expect(page.locator(f"{GRAFIK} .choroplethlayer path").first).to_be_attached(timeout=60_000)
    tunggu_siap(page)


def _ke(page: Page, teks: str) -> None:
    page.get_by_role("heading", name=teks).scroll_into_view_if_needed()
    page.wait_for_timeout(300)


def _tumpang_tindih(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] + 1 < b["x"] + b["w"]
        and b["x"] + 1 < a["x"] + a["w"]
        and a["y"] + 1 < b["y"] + b["h"]
        and b["y"] + 1 < a["y"] + a["h"]
    )


def _tata_letak_rapi(page: Page, lebar: int) -> None:
    luapan = page.evaluate(
        """() => { const m = document.querySelector('[data-testid="stMain"]');
                   return {lebar: m.scrollWidth, terlihat: m.clientWidth,
                           dokumen: document.documentElement.scrollWidth}; }"""
    )
    assert luapan["lebar"] <= luapan["terlihat"] + 1, luapan
    assert luapan["dokumen"] <= lebar + 1, luapan
    kotak = page.evaluate(_KOTAK_JS, _KONTROL)
    bentrok = [(a["t"], b["t"]) for i, a in enumerate(kotak) for b in kotak[i + 1 :] if _tumpang_tindih(a, b)]
    assert not bentrok, bentrok[:3]


def test_perlindungan_proyektor(page: Page, streamlit_url: str):
    page.set_viewport_size({"width": 1366, "height": 768})
    pantauan = pantau(page)
    _buka(page, streamlit_url + URL)
    expect(page.get_by_role("heading", name="Perlindungan Anak — Jawa Tengah 2024")).to_be_visible()
    expect(page.get_by_text("Aturan penyamaran.")).to_be_visible()
    expect(page.get_by_text("data contoh (sintetis)").first).to_be_visible()
    # the map: every kab/kota drawn and filled, the suppressed ones included
    peta = page.locator(GRAFIK).nth(0).locator(".choroplethlayer path")
    expect(peta).to_have_count(35)
    assert all(f and f != "none" for f in peta.evaluate_all("ps => ps.map(p => getComputedStyle(p).fill)"))
    simpan_tangkapan(page, "perlindungan_1366_peta")
    _tata_letak_rapi(page, 1366)

    # The trend: hatched bands (pattern fills) for the months the public may not see; the hover of
    # one says "1–5", never a count.
    _ke(page, "Tren bulanan, Kabupaten Pekalongan")
    tren = page.locator(GRAFIK).nth(1)
    pita = tren.locator(".barlayer .trace").filter(has=page.locator("path[style*='url(']"))
    expect(pita.first).to_be_attached()
    pita.first.locator("path").first.hover(force=True)
    expect(tren.locator(".hovertext").first).to_contain_text("1–5", timeout=10_000)
    expect(tren.locator(".hovertext").first).to_contain_text("disamarkan")
    # Above each year the months reported, short ("12/12"); in full in the caption below.
    expect(tren.locator(".annotation-text").first).to_contain_text(re.compile(r"\d/12$"))
    expect(page.get_by_text("Kelengkapan laporan (bulan dengan laporan, bukan jumlah anak): 2022: ")).to_be_visible()
    simpan_tangkapan(page, "perlindungan_1366_tren")

    _ke(page, "Standar layanan, Kabupaten Pekalongan dibanding Jawa Tengah, 2024")
    simpan_tangkapan(page, "perlindungan_1366_standar")
    _ke(page, "Terkait")
    expect(page.get_by_role("link", name="Ruang kerja Gugus Tugas Kabupaten Pekalongan")).to_be_visible()
    expect(page.get_by_role("link", name="KLA24-21 · ", exact=False).first).to_be_visible()
    assert page.get_by_role("button", name="Unduh CSV").count() == 1
    unduhan = page.locator('[data-testid="stExpander"] summary', has_text="Unduh gambar (PNG, SVG, PDF)")
    assert unduhan.count() == 4  # one per chart; its buttons are drawn when it is opened
    assert page.get_by_role("button", name="Unduh PNG").count() == 0
    simpan_tangkapan(page, "perlindungan_1366_tautan")
    tidak_ada_galat(page)

    # The Klaster V link opens the indicator with its view in the URL.
    page.get_by_role("link", name="KLA24-23 · ", exact=False).first.click()
    expect(page.get_by_role("heading", name="KLA24-23 · ", exact=False).first).to_be_visible(timeout=60_000)
    assert "indikator=KLA24-23" in page.url
    tunggu_siap(page)
    pantauan.periksa()


def test_perlindungan_ponsel_inggris(page: Page, streamlit_url: str):
    page.set_viewport_size({"width": 390, "height": 844})
    pantauan = pantau(page)
    _buka(page, streamlit_url + URL + "&lang=en")
    expect(page.get_by_role("heading", name="Child Protection — Jawa Tengah 2024")).to_be_visible()
    expect(page.get_by_text("Disclosure rule.")).to_be_visible()
    simpan_tangkapan(page, "perlindungan_390_atas")
    _tata_letak_rapi(page, 390)
    _ke(page, "Monthly trend, Kabupaten Pekalongan")
    simpan_tangkapan(page, "perlindungan_390_tren")
    _ke(page, "By form of violence, Kabupaten Pekalongan")
    simpan_tangkapan(page, "perlindungan_390_bentuk")
    _ke(page, "Service standard, Kabupaten Pekalongan against Jawa Tengah, 2024")
    simpan_tangkapan(page, "perlindungan_390_standar")
    _tata_letak_rapi(page, 390)
    tidak_ada_galat(page)
    pantauan.periksa()
