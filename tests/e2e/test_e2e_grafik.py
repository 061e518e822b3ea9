"""End to end in Debian's Chromium: comparisons you can read and maps that let the page scroll
(issue #16 items 6, 7, 8 and 14).

Each test reads the figure plotly.js actually drew (the graph div's ``data``/``layout`` and the SVG)
and fails on the behaviour before the fix: identical grey comparator lines without labels, the
neighbours dropped by the province average, 2025 an isolated dot, exports titled "siklus 2025",
a map that zooms on the wheel and is framed around Karimunjawa, and a phone view whose last year,
title and chosen regions are cut.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

GRAFIK = '[data-testid="stPlotlyChart"]'
WILAYAH = "33.75,33.26,33.25"

# The first chart's traces and annotations as plotly.js holds them (the figure JSON in the page).
FIGUR_JS = """(i) => { const gd = document.querySelectorAll('.js-plotly-plot')[i];
  return {data: gd.data.map(t => ({name: t.name, x: t.x, y: t.y, line: t.line || {}, meta: t.meta || {},
                                   showlegend: t.showlegend, geo: t.geo, locations: t.locations})),
          annotations: (gd.layout.annotations || []).map(a => ({name: a.name, text: a.text})),
          title: gd.layout.title && gd.layout.title.text, xrange: gd._fullLayout.xaxis && gd._fullLayout.xaxis.range,
          swatch: [...gd.querySelectorAll('.legend .traces .js-line')].map(p => p.style.stroke)}; }"""


def _param(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def _figur(page: Page, i: int = 0) -> dict[str, Any]:
    hasil: dict[str, Any] = page.evaluate(FIGUR_JS, i)
    return hasil


def _garis(fig: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["name"]: t for t in fig["data"] if not t["meta"].get("celah") and any(v is not None for v in t["y"])}


def test_perbandingan_warna_label_celah_rata_rata_dan_judul_unduhan(page: Page, streamlit_url: str, tmp_path: Path):
    pantauan = pantau(page)
    page.goto(f"{streamlit_url}/perbandingan?wilayah={WILAYAH}&siklus=2019-2025")
    expect(page.locator(f"{GRAFIK} .main-svg").first).to_be_attached(timeout=90_000)
    # Both charts drawn: the rank chart may be drawn first, and the trend chart must be the first one read.
    expect(page.locator(f"{GRAFIK} .js-plotly-plot")).to_have_count(2, timeout=90_000)
    tunggu_siap(page)
    fig = _figur(page)
    garis = _garis(fig)

    # Item 6: three regions, three colours (legend swatches too), a name at each line's end, pinned thickest.
    assert set(garis) == {"Kota Pekalongan", "Kabupaten Pekalongan", "Kabupaten Batang"}
    warna = {g["line"]["color"] for g in garis.values()}
    assert len(warna) == 3
    assert len(set(fig["swatch"])) == 3
    assert {a["name"] for a in fig["annotations"] if (a["name"] or "").startswith("label_")} == {
        "label_33.75", "label_33.26", "label_33.25",
    }  # fmt: skip
    tebal = garis["Kota Pekalongan"]["line"]["width"]
    assert all(g["line"]["width"] < tebal for n, g in garis.items() if n != "Kota Pekalongan")

    # Item 7: the cycle range is in the URL, the axis and the title; 2023 → 2025 is a dashed segment.
    assert _param(page)["siklus"] == "2019-2025"
    assert fig["xrange"][0] == pytest.approx(2018.5)
    assert "Total skor, tahap Final, 2019–2025" in fig["title"]
    celah = [t for t in fig["data"] if t["meta"].get("celah") and t["meta"]["kode_wilayah"] == "33.75"]
    assert len(celah) == 1
    assert celah[0]["line"]["dash"] == "dash"
    assert [x for x in celah[0]["x"] if x in (2023, 2025)] == [2023, 2025]
    dasharray = page.locator(f"{GRAFIK} .scatterlayer .trace path.js-line").evaluate_all(
        "ps => ps.filter(p => (p.style.strokeDasharray || 'none') !== 'none').length"
    )
    assert dasharray >= 3  # one dashed segment set per region

    # Item 7: the province average is added as a dashed reference line; the neighbours stay.
    page.get_by_text("Rata-rata provinsi", exact=True).click()
    expect(page.get_by_text("35 dari 35 kab/kota").first).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    assert _param(page)["wilayah"] == WILAYAH
    assert _param(page)["sebaya"] == "provinsi"
    garis = _garis(_figur(page))
    assert set(garis) == {"Kota Pekalongan", "Kabupaten Pekalongan", "Kabupaten Batang", "Rata-rata Jawa Tengah"}
    assert garis["Rata-rata Jawa Tengah"]["line"]["dash"] == "dash"
    simpan_tangkapan(page, "grafik_perbandingan_rata_1366")

    # Item 7: the exported file's title and subtitle describe the view, not "siklus 2025".
    # The buttons are drawn once the chart's "Unduh gambar" expander is opened (a rerun).
    page.locator('[data-testid="stExpander"] summary', has_text="Unduh gambar (PNG, SVG, PDF)").first.click()
    expect(page.get_by_role("button", name="Unduh SVG").first).to_be_visible(timeout=60_000)
    with page.expect_download(timeout=120_000) as unduhan:
        page.get_by_role("button", name="Unduh SVG").first.click()
    svg = Path(unduhan.value.path()).read_text(encoding="utf-8")
    assert "Total skor, tahap Final, 2019–2025" in svg
    assert "siklus 2025" not in svg
    assert "Kabupaten Batang" in svg
    assert "35 dari 35 kab/kota" in svg
    tidak_ada_galat(page)
    pantauan.periksa()


# The d3 projection plotly.js draws the main geo subplot with: its scale changes when the map zooms.
SKALA_JS = """() => { const gd = document.querySelector('.js-plotly-plot');
  return gd._fullLayout.geo._subplot.projection.scale(); }"""
PETA_JS = """() => { const gd = document.querySelector('.js-plotly-plot'); const fl = gd._fullLayout;
  const utama = gd.querySelector('.geo:not(.geo2) .choroplethlayer') || gd.querySelector('.choroplethlayer');
  return {lat: fl.geo.lataxis.range, lon: fl.geo.lonaxis.range, geo2: !!fl.geo2,
          sisipan: gd.data.filter(t => t.geo === 'geo2').map(t => [...t.locations]),
          lebar_peta: utama.getBoundingClientRect().width, lebar: gd.getBoundingClientRect().width}; }"""


def test_peta_roda_menggulir_halaman_dan_bingkai_daratan(page: Page, streamlit_url: str):
    page.set_viewport_size({"width": 1366, "height": 768})  # a laptop: the page is taller than the window
    page.goto(f"{streamlit_url}/peta")
    peta = page.locator(f"{GRAFIK} .choroplethlayer path")
    expect(peta.first).to_be_attached(timeout=90_000)
    tunggu_siap(page)

    # Item 8: the wheel over the map scrolls the page; the map's zoom is unchanged.
    kotak = page.locator(GRAFIK).first.bounding_box()
    assert kotak is not None
    sebelum = page.evaluate(SKALA_JS)
    gulir = "document.querySelector('[data-testid=\"stMain\"]').scrollTop"
    atas = page.evaluate(gulir)
    page.mouse.move(kotak["x"] + kotak["width"] / 2, kotak["y"] + kotak["height"] / 2)
    page.mouse.wheel(0, 400)
    page.wait_for_function(f"() => {gulir} > {atas}", timeout=10_000)
    assert page.evaluate(SKALA_JS) == pytest.approx(sebelum)
    # The zoom buttons are kept.
    assert page.locator(f"{GRAFIK} .modebar-btn[data-attr='zoom'][data-val='in']").count() == 1

    # Item 8: Jawa Tengah is framed on the mainland; Karimunjawa (about 5.8° S) sits in a clickable inset.
    isi = page.evaluate(PETA_JS)
    assert isi["lat"][1] < -6.2
    assert isi["geo2"] is True
    assert isi["sisipan"] == [["33.20"]]
    assert isi["lebar_peta"] > 0.75 * isi["lebar"]  # the mainland fills the chart, no longer a small band
    simpan_tangkapan(page, "grafik_peta_1366")
    tidak_ada_galat(page)


# Bounding boxes of what must not collide or be cut at phone width.
PONSEL_JS = """() => { const gd = document.querySelector('.js-plotly-plot'); const svg = gd.querySelector('.main-svg');
  const r = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const tik = [...gd.querySelectorAll('.xtick text')];
  return {svg: r(svg), judul: r(gd.querySelector('.gtitle')), legenda: r(gd.querySelector('.legend')),
          tik: tik.map(t => [t.textContent, ...r(t)]), putar: tik.map(t => t.getAttribute('transform') || ''),
          label: [...gd.querySelectorAll('.annotation')].filter(a => a.textContent.includes('Pekalongan')).map(r),
          tag: [...document.querySelectorAll('.react-aria-ComboBox [data-tag]')].map(r),
          wadah: r(document.querySelector('.react-aria-ComboBox [data-testid="stMultiSelectTagsContainer"]'))}; }"""


def _bertumpuk(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_ponsel_390_tahun_terakhir_judul_dan_pilihan_utuh(browser: Browser, streamlit_url: str):
    # English: the longer labels are the harder case (both languages are in the screenshots we look at).
    bahasa = "en"
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="id-ID")
    try:
        page.goto(f"{streamlit_url}/perbandingan?wilayah={WILAYAH}&lang={bahasa}")
        expect(page.locator(f"{GRAFIK} .main-svg").first).to_be_attached(timeout=90_000)
        tunggu_siap(page)
        page.locator(GRAFIK).first.scroll_into_view_if_needed()
        isi = page.evaluate(PONSEL_JS)
        kiri, _, kanan, _ = isi["svg"]
        # Item 14: the last year is labelled and inside the chart; no label is rotated.
        terakhir = isi["tik"][-1]
        assert terakhir[0] == "2025"
        assert kiri <= terakhir[1]
        assert terakhir[3] <= kanan
        assert not any("rotate" in p for p in isi["putar"])
        # Title clear of the legend; line-end names inside the chart, not cut at the edge.
        assert not _bertumpuk(isi["judul"], isi["legenda"])
        assert isi["label"]
        assert all(lb[2] <= kanan + 1 for lb in isi["label"])
        # The three chosen regions' tags all fit in the picker (they wrap instead of scrolling away).
        assert len(isi["tag"]) == 3
        assert all(tag[2] <= isi["wadah"][2] + 1 for tag in isi["tag"])
        simpan_tangkapan(page, f"grafik_perbandingan_390_{bahasa}")
        tidak_ada_galat(page)
    finally:
        page.close()
