"""End to end in Debian's Chromium: numbers read and typed in Indonesian (issue #16 item 4) and English
mode that translates content, not only the chrome (item 5).

- Profil (id): the what-if fields show 50,57 (a number input could only show 50.57), a value typed
  with a decimal point is refused with the expected form, no table cell shows 1234.5-style numbers,
  None or nan; (en) the same field shows 50.57.
- Indikator (en): the metadata and Satu Data fields are English, the official Indonesian name beside
  them; no Indonesian content words remain.
- Data & Metodologi (en): the dashboard's own citations and the boundary credit line are English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from benchmarks.server import server_streamlit
from indicators.katalog.model import katalog_bawaan
from tests.conftest import ARTEFAK
from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

# Indonesian words that never belong in an English sentence (official names kept in Indonesian, such
# as "Kepemilikan kutipan akta kelahiran" under "Official full name (Indonesian)", are taken out first).
KATA_INDONESIA = re.compile(
    r"\b(yang|dan|untuk|dengan|atau|tidak|jumlah|persen|tahunan|balita|makin|dinilai|kategori)\b", re.I
)


@pytest.fixture(scope="module")
def server_bahasa(db_modul: Path) -> Iterator[str]:
    """A Streamlit server of app.py for this module only (it does not write)."""
    ARTEFAK.mkdir(exist_ok=True)
    with server_streamlit(db_modul, ARTEFAK / "streamlit_bahasa.log") as server:
        yield server.url


def _sel_tabel(page: Page) -> list[str]:
    """The text of every drawn cell of every table: st.dataframe's (its accessible table) and the small HTML ones."""
    return page.locator('[data-testid="stDataFrame"] table td, .kla-tabel td').all_inner_texts()


def _buka(page: Page, url: str) -> None:
    page.goto(url)
    tunggu_siap(page)
    tidak_ada_galat(page)


def test_profil_angka_indonesia_dan_masukan_koma(page: Page, server_bahasa: str):
    pantauan = pantau(page)
    _buka(page, f"{server_bahasa}/profil?wilayah=33.75&tahun=2025&tahap=final")
    page.get_by_text("Buka formulir simulasi").click()  # the what-if form is built once opened
    perda = page.get_by_role("textbox", name="01 Perda KLA")
    expect(perda).to_have_value("50,57", timeout=60_000)
    page.get_by_role("radio", name="Riwayat predikat").click()  # the history chart's view
    page.get_by_text("Tabel riwayat predikat").click()  # an expander: its table is drawn once opened
    # The history table itself: the neighbours table holds 771,09 too, and is drawn before it.
    riwayat = page.get_by_test_id("stExpander").filter(has_text="Tabel riwayat predikat")
    expect(riwayat.locator(".kla-tabel").filter(has_text="771,09")).to_be_visible(timeout=30_000)
    sel = _sel_tabel(page)
    assert sel
    assert "771,09" in sel
    assert not [s for s in sel if re.fullmatch(r"-?\d+\.\d+|None|nan|NaN|NaT", s)], sel
    simpan_tangkapan(page, "bahasa_profil_id")

    # A decimal point in Indonesian could mean thousands: refused with the expected form, not guessed.
    perda.fill("55.5")
    page.locator(".st-key-profil_sim_kirim button").click()
    expect(page.get_by_test_id("stAlertContentError")).to_contain_text(
        "'55.5' bukan angka yang sah; tulis seperti 1.234,5 (koma desimal)", timeout=30_000
    )
    simpan_tangkapan(page, "bahasa_profil_id_simulasi")  # a typed comma value is computed: AppTest covers it

    _buka(page, f"{server_bahasa}/profil?wilayah=33.75&tahun=2025&tahap=final&lang=en")
    page.get_by_text("Open the what-if form").click()
    expect(page.get_by_role("textbox", name="01 KLA regulation (Perda KLA)")).to_have_value("50.57", timeout=60_000)
    simpan_tangkapan(page, "bahasa_profil_en")
    pantauan.periksa()


def test_indikator_dan_metodologi_inggris_menerjemahkan_isi(page: Page, server_bahasa: str):
    pantauan = pantau(page)
    _buka(page, f"{server_bahasa}/indikator?indikator=KLA24-13&lang=en")
    expect(page.get_by_role("heading", name="KLA24-13 · Nutrition prevalence")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Stunting prevalence among under-fives")).to_be_visible()
    expect(page.get_by_text("The nutritional status of under-fives as a reflection", exact=False)).to_be_visible()
    teks = page.locator("section.main, [data-testid='stMain']").first.inner_text()
    ind = katalog_bawaan().indikator()["KLA24-13"]
    for resmi in (ind.nama.teks, ind.label.teks):
        teks = teks.replace(resmi, "")  # the official Indonesian name and label, kept on purpose
    awal = teks.index("Indicator metadata")
    akhir = teks.index("References")
    assert not KATA_INDONESIA.findall(teks[awal:akhir]), KATA_INDONESIA.findall(teks[awal:akhir])
    simpan_tangkapan(page, "bahasa_indikator_en")

    _buka(page, f"{server_bahasa}/metodologi?lang=en")
    expect(page.get_by_text("Boundaries: cahyadsn/wilayah_boundaries (MIT).", exact=False)).to_be_visible(
        timeout=60_000
    )
    expect(page.get_by_text("Batas wilayah: cahyadsn")).to_have_count(0)
    sumber = page.get_by_test_id("stDataFrame").first
    expect(sumber).to_contain_text("KLA Dashboard synthetic example data")
    expect(sumber).not_to_contain_text("Data contoh sintetis")
    simpan_tangkapan(page, "bahasa_metodologi_en")
    pantauan.periksa()
