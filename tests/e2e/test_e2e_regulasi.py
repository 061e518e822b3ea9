"""End to end in Debian's Chromium at 1366 px, on a private server and database: a visitor reads the seeded
Kota Pekalongan regulation register (unknowns shown as unknown); an editor logs in, adds a RAD whose
enactment is overdue, sees it flagged, finds it in the history and as a notice in the Gugus Tugas
readiness view; nothing leaves 127.0.0.1. The shared session server is not used because this test writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, ViewportSize, expect

from indicators.gugus import regulasi as rg, simpan as gugus_simpan
from tests.e2e_util import masuk, pantau, server_dengan_akun, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

SANDI = "sandi-pekalongan-1"
UKURAN: ViewportSize = {"width": 1366, "height": 900}
JUDUL_RAD = "RAD KLA Kota Pekalongan 2025–2029"


@pytest.fixture(scope="module")
def server_regulasi(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A Streamlit server of app.py on its own copy of the database, with one editor of 33.75."""
    akun = [("ana.pkl", "editor", ["33.75"], SANDI)]
    with server_dengan_akun(db_bawaan, tmp_path_factory.mktemp("e2e_regulasi"), "regulasi", akun) as server:
        yield server


def _kunci(page: Page, kunci: str) -> Locator:
    """A widget by its Streamlit key (Streamlit marks each keyed element with class st-key-<key>)."""
    return page.locator(f".st-key-{kunci}")


def _pilih(page: Page, kunci: str, opsi: str) -> None:
    kotak = _kunci(page, kunci)
    kotak.scroll_into_view_if_needed()
    kotak.locator('[data-testid="stSelectbox"]').click()
    page.get_by_role("option", name=opsi, exact=True).click()
    tunggu_siap(page)


def _tanggal(page: Page, kunci: str, teks: str) -> None:
    hari = _kunci(page, kunci).locator('[role="spinbutton"][data-type="day"]')
    hari.scroll_into_view_if_needed()
    hari.click()
    page.keyboard.type(teks.replace("/", ""))  # a segmented dd / mm / yyyy field: digits move along
    page.keyboard.press("Tab")  # leave the field: the value is sent
    page.keyboard.press("Escape")  # and close the calendar if it opened
    tunggu_siap(page)


def _tanpa_luapan(page: Page) -> None:
    luapan = page.evaluate(
        """() => { const m = document.querySelector('[data-testid="stMain"]');
                   return {lebar: m.scrollWidth, terlihat: m.clientWidth}; }"""
    )
    assert luapan["lebar"] <= luapan["terlihat"] + 1, luapan


def test_register_dibaca_lalu_editor_menambah_rad_yang_lewat_tenggat(page: Page, server_regulasi: tuple[str, Path]):
    url, db = server_regulasi
    page.set_viewport_size(UKURAN)
    pantauan = pantau(page)
    page.goto(url)
    # Let the home page finish loading its chart code first: leaving it mid-load aborts those requests.
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_attached(timeout=60_000)
    tunggu_siap(page)
    page.goto(f"{url}/regulasi?wilayah=33.75")
    expect(page.get_by_role("heading", name="Regulasi KLA Kota Pekalongan")).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="Amanat ditetapkan")).to_contain_text("0 dari 8")
    expect(page.get_by_test_id("stMetric").filter(has_text="Tahap tidak diketahui")).to_contain_text("8")
    expect(page.get_by_text("Mode baca saja")).to_be_visible()
    expect(page.get_by_role("button", name="Simpan entri")).to_have_count(0)
    tidak_ada_galat(page)
    _tanpa_luapan(page)
    simpan_tangkapan(page, "regulasi_1_baca_saja")
    page.get_by_role("heading", name="Tahapan satu entri").scroll_into_view_if_needed()
    simpan_tangkapan(page, "regulasi_2_tahapan")

    masuk(page, "ana.pkl", SANDI, "ana.pkl dapat mengubah register regulasi Kota Pekalongan")

    _pilih(page, "rg_f___baru___jenis", "RAD")
    judul = _kunci(page, "rg_f___baru___judul").locator("input")
    judul.fill(JUDUL_RAD)
    judul.press("Enter")
    tunggu_siap(page)
    _pilih(page, "rg_f___baru___tahap", "penyusunan & naskah akademik")
    _tanggal(page, "rg_f___baru___tanggal_penyusunan", "15/01/2024")
    _tanggal(page, "rg_f___baru___tenggat_penetapan", "30/06/2024")
    _kunci(page, "rg_f___baru___judul").scroll_into_view_if_needed()
    simpan_tangkapan(page, "regulasi_3_formulir")
    page.get_by_role("button", name="Simpan entri").click()
    expect(page.get_by_text("perubahan tersimpan")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="Lewat tenggat")).to_contain_text("1")
    expect(page.get_by_test_id("stMetric").filter(has_text="Macet")).to_contain_text("1")
    tidak_ada_galat(page)
    _tanpa_luapan(page)
    page.get_by_role("heading", name="Regulasi KLA Kota Pekalongan").scroll_into_view_if_needed()
    simpan_tangkapan(page, "regulasi_4_tersimpan")
    page.get_by_role("heading", name="Riwayat perubahan register").scroll_into_view_if_needed()
    simpan_tangkapan(page, "regulasi_5_riwayat")
    daftar = {e.regulasi_id: e for e in rg.daftar_regulasi(gugus_simpan.path_gugus(db), "33.75")}
    assert daftar["rg-001"].isi.judul == JUDUL_RAD
    assert daftar["rg-001"].diubah_oleh == "ana.pkl"

    page.goto(f"{url}/gugus_tugas?wilayah=33.75")
    expect(page.get_by_role("heading", name="Gugus Tugas KLA Kota Pekalongan")).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    peringatan = page.get_by_text("Regulasi lewat tenggat atau macet: 1")  # one RAD, overdue and stalled
    expect(peringatan).to_be_visible(timeout=30_000)
    peringatan.scroll_into_view_if_needed()
    tidak_ada_galat(page)
    simpan_tangkapan(page, "regulasi_6_gugus_tugas")
    # The notice's link opens the same region's register, the flagged RAD on top.
    page.get_by_role("link", name="Buka register regulasi").click()
    expect(page.get_by_role("heading", name="Regulasi KLA Kota Pekalongan")).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    page.get_by_role("heading", name="Register", exact=True).scroll_into_view_if_needed()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    tidak_ada_galat(page)
    simpan_tangkapan(page, "regulasi_7_register_ditandai")
    pantauan.periksa()
