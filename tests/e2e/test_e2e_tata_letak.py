"""Every page at a projector's 1366×768 and at a phone's 390 px: nothing overflows sideways and no
two controls overlap (issue 4, "works at 1366×768 and on a phone width")."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

# URL paths; the overview is the root (its url_path is only a name: /ringkasan is not a page).
HALAMAN = [
    "",
    "peta",
    "perbandingan",
    "profil",
    "indikator",
    "metodologi",
    "gugus_tugas",
    "regulasi",
    "pembinaan",
    "perlindungan",
    "unggah",
]
UKURAN = {"proyektor": (1366, 768), "ponsel": (390, 844)}

# Widgets a user operates; each must have its own box on screen.
_KONTROL = (
    '[data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stRadio"], '
    '[data-testid="stSegmentedControl"], [data-testid="stNumberInput"], [data-testid="stButton"], '
    '[data-testid="stDownloadButton"], [data-testid="stTextInput"], [data-testid="stToggle"]'
)

_KOTAK_JS = """sel => [...document.querySelectorAll(sel)]
  .filter(e => e.offsetParent !== null)
  .map(e => { const r = e.getBoundingClientRect();
              return {x: r.left, y: r.top, w: r.width, h: r.height, t: e.getAttribute('data-testid')}; })
  .filter(r => r.w > 0 && r.h > 0)"""


def _tumpang_tindih(a: dict[str, float], b: dict[str, float]) -> bool:
    # One pixel of slack: neighbouring widgets may share a border.
    return (
        a["x"] + 1 < b["x"] + b["w"]
        and b["x"] + 1 < a["x"] + a["w"]
        and a["y"] + 1 < b["y"] + b["h"]
        and b["y"] + 1 < a["y"] + a["h"]
    )


@pytest.mark.parametrize("ukuran", UKURAN)
def test_setiap_halaman_muat_tanpa_tumpang_tindih(page: Page, streamlit_url: str, ukuran: str):
    lebar, tinggi = UKURAN[ukuran]
    page.set_viewport_size({"width": lebar, "height": tinggi})
    pantauan = pantau(page)
    for nama in HALAMAN:
        page.goto(f"{streamlit_url}/{nama}")
        expect(page.locator('[data-testid="stMainBlockContainer"] h1').first).to_be_visible(timeout=60_000)
        tunggu_siap(page)
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
        tidak_ada_galat(page)
        simpan_tangkapan(page, f"tata_letak_{ukuran}_{nama or 'ringkasan'}")
    pantauan.periksa()
