"""Accessibility as a tested property (issue 16 item 15), and every page at a projector's 1366×768 and
a phone's 390 px in both languages (issue 4 and issue 16's screenshots).

One walk loads each page of the navigation once per width and language and, on that one load:
checks the layout (nothing overflows sideways, no two controls overlap), runs axe-core (bundled with
axe-playwright-python: no network) and fails on any serious or critical violation, checks that every
chart has an accessible name and a data table under it, and saves a full-page screenshot
``tests/artefak/layar_<halaman>_<lebar>_<bahasa>.png`` to look at.
"""

from __future__ import annotations

import contextlib
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, TimeoutError as PlaywrightTimeoutError, expect

from tests.conftest import ARTEFAK
from tests.e2e_util import pantau, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

# Every page of the navigation (app.py), with a region where the page needs one to draw its charts.
HALAMAN = {
    "ringkasan": "",
    "peta": "peta",
    "perbandingan": "perbandingan?wilayah=33.75,33.74",
    "profil": "profil?wilayah=33.75",
    "indikator": "indikator",
    "metodologi": "metodologi",
    "gugus_tugas": "gugus_tugas?wilayah=33.75",
    "regulasi": "regulasi?wilayah=33.75",
    "pembinaan": "pembinaan",
    "perlindungan": "perlindungan?wilayah=33.75",
    "unggah": "unggah",
}
UKURAN = {1366: 768, 390: 844}
# WCAG 2.1 A and AA. No rule is switched off: a violation is fixed, not excluded.
_AXE = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
}
_BERAT = {"serious", "critical"}

# Widgets a user operates; each must have its own box on screen.
_KONTROL = (
    '[data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stRadio"], '
    '[data-testid="stSegmentedControl"], [data-testid="stNumberInput"], [data-testid="stButton"], '
    '[data-testid="stDownloadButton"], [data-testid="stTextInput"], [data-testid="stToggle"]'
)
_KOTAK_JS = """sel => [...document.querySelectorAll(sel)]
  .filter(e => e.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true}))  // not in a closed expander
  .map(e => { const r = e.getBoundingClientRect();
              return {x: r.left, y: r.top, w: r.width, h: r.height, t: e.getAttribute('data-testid')}; })
  .filter(r => r.w > 0 && r.h > 0)"""
_GAMBAR_SIAP_JS = """() => !document.querySelector('[data-testid="stSkeleton"]')
  && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(g => g.querySelector('.main-svg'))"""
_NAMA_TERTAUT_JS = """() => [...document.querySelectorAll('.kla-nama-grafik[id]')]
  .every(n => document.querySelector(`[data-testid="stPlotlyChart"][aria-labelledby="${n.id}"]`))"""
# Each chart: its role, the text its aria-labelledby points at, and whether a data-table expander
# follows it in the same block.
_GRAFIK_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(g => {
  const id = g.getAttribute('aria-labelledby');
  const nama = id ? document.getElementById(id) : null;
  const wadah = g.closest('[data-testid="stElementContainer"]');
  let tabel = false;
  for (let adik = wadah && wadah.nextElementSibling; adik && !tabel; adik = adik.nextElementSibling) {
    if (adik.querySelector('[data-testid="stPlotlyChart"]')) break;
    tabel = !!adik.querySelector('[data-testid="stExpander"] summary')
      && /Tabel data grafik|Chart data table/.test(adik.textContent);
  }
  return {id, peran: g.getAttribute('role'), nama: nama ? nama.textContent.trim() : '', tabel};
})"""


# The focused element: the Streamlit widget it belongs to, and its name.
_FOKUS_JS = """() => { const e = document.activeElement;
  const w = e && e.closest(['stSelectbox', 'stMultiSelect', 'stDownloadButton', 'stButton', 'stExpander',
                            'stPlotlyChart', 'stSidebarNavLink', 'stButtonGroup']
                           .map(t => `[data-testid="${t}"]`).join(', '));
  return (w ? w.getAttribute('data-testid') : '') + '|'
         + (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 60); }"""


def _tumpang_tindih(a: dict[str, float], b: dict[str, float]) -> bool:
    # One pixel of slack: neighbouring widgets may share a border.
    return (
        a["x"] + 1 < b["x"] + b["w"]
        and b["x"] + 1 < a["x"] + a["w"]
        and a["y"] + 1 < b["y"] + b["h"]
        and b["y"] + 1 < a["y"] + a["h"]
    )


def _periksa_tata_letak(page: Page, nama: str, lebar: int) -> None:
    # Streamlit scrolls inside its own container: measure that container, not the window.
    luapan = page.evaluate(
        """() => { const m = document.querySelector('[data-testid="stMain"]');
                   return {lebar: m.scrollWidth, terlihat: m.clientWidth,
                           dokumen: document.documentElement.scrollWidth}; }"""
    )
    assert luapan["lebar"] <= luapan["terlihat"] + 1, (nama, luapan)
    assert luapan["dokumen"] <= lebar + 1, (nama, luapan)
    kotak = page.evaluate(_KOTAK_JS, _KONTROL)
    bentrok = [(a["t"], b["t"], a, b) for i, a in enumerate(kotak) for b in kotak[i + 1 :] if _tumpang_tindih(a, b)]
    assert not bentrok, (nama, bentrok[:3])


def _axe_berat(axe: Axe, page: Page) -> list[str]:
    hasil = axe.run(page, options=_AXE).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {n['target']} {n['html'][:120]} — {n.get('failureSummary', '')[:200]}"
        for v in hasil
        if v["impact"] in _BERAT
        for n in v["nodes"]
    ]


# True once no finite CSS transition or animation is running (Streamlit's fades are transitions).
_DIAM_JS = """() => document.getAnimations().every(a => a.playState !== 'running'
    || a.effect === null || a.effect.getComputedTiming().endTime === Infinity)"""


def _pelanggaran_berat(axe: Axe, page: Page) -> list[str]:
    """Serious violations that are still there once every fade has ended.

    Streamlit fades elements while a run is on and back in (200 ms) once it is over: in CI, axe
    read a caption mid-fade (#7c95d2, #828180 on white on Ringkasan) as a contrast failure, three
    times, once a second after the first reading on a machine running at half speed. So a failing
    page is read again after the page is idle and no transition runs, twice. A real violation
    persists.
    """
    if not (berat := _axe_berat(axe, page)):
        return []
    for _ in range(2):
        page.wait_for_timeout(1_000)
        tunggu_siap(page)
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function(_DIAM_JS, timeout=10_000)
        if not (berat := _axe_berat(axe, page)):
            return []
    return berat


def _tangkap_penuh(page: Page, path: str, lebar: int, tinggi: int) -> None:
    """A full-page screenshot: Streamlit scrolls inside stMain, so the window grows to its content."""
    isi = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": lebar, "height": min(max(tinggi, isi), 12_000)})
    # A taller window makes Plotly draw its charts again: shoot once every chart has its svg.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(_GAMBAR_SIAP_JS, timeout=15_000)
    page.screenshot(path=path)
    page.set_viewport_size({"width": lebar, "height": tinggi})


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("bahasa", ["id", "en"])
@pytest.mark.parametrize("lebar", UKURAN)
def test_setiap_halaman_tanpa_pelanggaran_berat_dan_muat_di_layar(
    page: Page, streamlit_url: str, axe: Axe, lebar: int, bahasa: str
):
    tinggi = UKURAN[lebar]
    page.set_viewport_size({"width": lebar, "height": tinggi})
    ARTEFAK.mkdir(exist_ok=True)
    pantauan = pantau(page)
    pelanggaran: dict[str, list[str]] = {}
    tanpa_nama: dict[str, list[object]] = {}
    for nama, jalur in HALAMAN.items():
        lang = "" if bahasa == "id" else ("&" if "?" in jalur else "?") + "lang=en"
        page.goto(f"{streamlit_url}/{jalur}{lang}")
        expect(page.locator('[data-testid="stMainBlockContainer"] h1').first).to_be_visible(timeout=60_000)
        tunggu_siap(page)
        tidak_ada_galat(page)
        _periksa_tata_letak(page, nama, lebar)
        # Colour and names do not change with the width: the phone walk runs axe in one language
        # (its own layout: collapsed sidebar, stacked columns) to keep the suite's time down.
        if (lebar == 1366 or bahasa == "id") and (berat := _pelanggaran_berat(axe, page)):
            pelanggaran[nama] = berat
        # The ARIA script links each name to its chart once Plotly drew it: wait for that (a chart
        # left without a name is reported below, not waited for).
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function(_NAMA_TERTAUT_JS, timeout=30_000)
        grafik = page.evaluate(_GRAFIK_JS)
        if salah := [g for g in grafik if g["peran"] != "figure" or len(g["nama"]) < 20 or not g["tabel"]]:
            tanpa_nama[nama] = salah
        _tangkap_penuh(page, str(ARTEFAK / f"layar_{nama}_{lebar}_{bahasa}.png"), lebar, tinggi)
    assert not pelanggaran, pelanggaran
    assert not tanpa_nama, tanpa_nama
    pantauan.periksa()


def test_tabel_data_grafik_satu_klik_dan_nama_grafik(page: Page, streamlit_url: str):
    page.goto(f"{streamlit_url}/profil?wilayah=33.75")
    expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    page.get_by_role("radio", name="Riwayat predikat").click()  # a keyboard user reaches it too (radio group)
    grafik = page.get_by_role("figure", name=re.compile(r"^Grafik: Riwayat predikat Kota Pekalongan"))
    expect(grafik).to_have_count(1, timeout=30_000)
    isi = page.locator('[data-testid="stExpander"]').filter(has_text="Tabel data grafik").first
    isi.locator("summary").click()  # one click from the chart to its data
    expect(isi.locator("table")).to_be_visible()
    # The history chart's table lists the cycles as years (not "2.025") with the predikat.
    expect(isi.locator("table")).to_contain_text("2025")
    assert "2.025" not in isi.locator("table").inner_text()


# A chart container and its name paragraph added as Streamlit adds them (two element containers in
# one block); the link read in the next microtask, after the page's MutationObserver has run.
_NAMA_SEKETIKA_JS = """async () => {
  const elemen = (isi) => { const w = document.createElement('div');
    w.setAttribute('data-testid', 'stElementContainer'); w.appendChild(isi); return w; };
  const grafik = document.createElement('div'); grafik.setAttribute('data-testid', 'stPlotlyChart');
  const nama = document.createElement('p'); nama.className = 'kla-nama-grafik'; nama.id = 'kla-grafik-uji';
  const blok = document.createElement('div'); blok.append(elemen(grafik), elemen(nama));
  document.querySelector('[data-testid="stMainBlockContainer"]').appendChild(blok);
  await new Promise(r => queueMicrotask(r));
  const hasil = [grafik.getAttribute('role'), grafik.getAttribute('aria-labelledby')];
  blok.remove(); return hasil; }"""


def test_nama_grafik_ditautkan_seketika(page: Page, streamlit_url: str):
    # Streamlit mounts a chart anew whenever its figure changes; the ARIA script links the new one
    # in the same turn it and its name are in the page. Until run (r) a 50 ms debounce linked it up
    # to 50 ms after Streamlit had shown it, and that was the page's last change after every switch.
    page.goto(f"{streamlit_url}/profil?provinsi=33&wilayah=33.75")
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    assert page.evaluate(_NAMA_SEKETIKA_JS) == ["figure", "kla-grafik-uji"]


# The bins plotly.js drew for each histogram: lower edge, upper edge, count.
_BIN_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')]
  .flatMap(gd => (gd.calcdata || []).filter(c => c[0] && c[0].trace && c[0].trace.type === 'histogram')
  .map(c => c.map(b => [b.ph0, b.ph1, b.s])))"""


def test_tabel_histogram_sama_dengan_bin_yang_digambar(page: Page, streamlit_url: str):
    page.goto(f"{streamlit_url}/?provinsi=33&tahun=2025")
    expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    page.get_by_role("radio", name="Sebaran total skor").click()
    expect(page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot .barlayer').first).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(1)
    digambar = page.evaluate(_BIN_JS)
    assert len(digambar) == 1
    bin_ = [(round(a), round(b), n) for a, b, n in digambar[0] if n]  # plotly.js's own bins, non-empty
    isi = page.locator('[data-testid="stExpander"]').filter(has_text="Tabel data grafik")
    isi.locator("summary").click()
    expect(isi.locator("table")).to_be_visible(timeout=60_000)
    baris = [r.split("\t") for r in isi.locator("table tbody tr").all_inner_texts()]
    tabel = [(int(a), int(b), int(n)) for (rentang, n) in baris for a, b in [rentang.split("–")] if int(n)]
    assert tabel == bin_, (tabel, bin_)  # the text alternative says what the bars show
    assert sum(n for _, _, n in tabel) == 35


def test_papan_ketik_mencapai_pemilih_dan_tombol_unduh_ringkasan(page: Page, streamlit_url: str):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(streamlit_url)
    expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    page.locator("body").focus()
    dicapai: list[str] = []
    dibuka = False
    for _ in range(200):
        page.keyboard.press("Tab")
        fokus = page.evaluate(_FOKUS_JS)
        dicapai.append(fokus)
        if not dibuka and re.search(r"stExpander\|.*Unduh gambar", fokus):
            # The first chart's image downloads: Enter opens the expander (a rerun) and Tab goes on
            # from its summary into the buttons it now holds.
            page.keyboard.press("Enter")
            expect(page.get_by_role("button", name="Unduh PNG")).to_be_visible(timeout=60_000)
            tunggu_siap(page)
            dibuka = True
        if sum("stDownloadButton" in f for f in dicapai) >= 3:
            break
    teks = "\n".join(dicapai)
    assert re.search(r"stSelectbox\|.*Provinsi", teks), teks
    assert re.search(r"stSelectbox\|.*Tahun evaluasi", teks), teks
    assert dibuka, teks
    tombol = [f for f in dicapai if "stDownloadButton" in f][:3]
    assert [f[-3:] for f in tombol] == ["PNG", "SVG", "PDF"], teks  # the text follows the icon's name
