"""End to end in Debian's Chromium at 1366 px, on a private server and database: the Kelembagaan register is
readable logged out; the kab/kota editor submits a value and adds a custom checklist item (readiness
grows to 65 items); the province editor rejects the value with a reason, which the table then shows
(also in English); nothing leaves 127.0.0.1. Screenshots in tests/artefak/kelembagaan_*.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect

from indicators.gugus import kelembagaan as kl, simpan as gugus_simpan
from tests.e2e_util import masuk, pantau, server_dengan_akun, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

SANDI_ANA, SANDI_BUDI = "sandi-pekalongan-1", "sandi-jateng-0001"
UKURAN: ViewportSize = {"width": 1366, "height": 900}


@pytest.fixture(scope="module")
def server_kelembagaan(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A Streamlit server of app.py on its own copy of the database, with a kab/kota and a province editor."""
    akun = [("ana.pkl", "editor", ["33.75"], SANDI_ANA), ("budi.jateng", "editor", ["33"], SANDI_BUDI)]
    with server_dengan_akun(db_bawaan, tmp_path_factory.mktemp("e2e_kelembagaan"), "kelembagaan", akun) as server:
        yield server


def _buka(page: Page, url: str, lang: str = "") -> None:
    page.set_viewport_size(UKURAN)
    page.goto(f"{url}/gugus_tugas?wilayah=33.75{lang}")
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_attached(timeout=60_000)
    tunggu_siap(page)


def _ke_atas(elemen: Locator) -> None:
    """Scroll so that the element is at the top of the view (the table below it in sight)."""
    elemen.evaluate("e => e.scrollIntoView({block: 'start'})")


def _pilih(page: Page, label: str, opsi: str) -> None:
    kotak = page.get_by_test_id("stSelectbox").filter(has_text=label)
    kotak.scroll_into_view_if_needed()
    kotak.click()
    page.keyboard.type(opsi.split(" · ")[-1])  # the list is long and virtual: filter it down first
    page.get_by_role("option", name=opsi).click()
    tunggu_siap(page)


def test_register_dan_butir_tambahan_dari_kabkota_ke_provinsi(page: Page, browser: Browser, server_kelembagaan):
    url, db = server_kelembagaan
    pantauan = pantau(page)
    page.set_viewport_size(UKURAN)
    page.goto(url)
    # Let the home page finish loading its chart code first: leaving it mid-load aborts those requests.
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_attached(timeout=60_000)
    tunggu_siap(page)
    _buka(page, url)
    judul = page.get_by_role("heading", name="Register Kelembagaan (KLA24-01 … 03)")
    judul.scroll_into_view_if_needed()
    expect(page.get_by_text("20 butir: 0 terisi")).to_be_visible()
    expect(page.get_by_role("button", name="Ajukan isian")).to_have_count(0)
    tidak_ada_galat(page)
    simpan_tangkapan(page, "kelembagaan_1_baca_saja")

    # The kab/kota editor submits the number of meetings (four or fewer is flagged).
    masuk(page, "ana.pkl", SANDI_ANA, "Masuk sebagai ana.pkl")
    _pilih(page, "Pilih butir Kelembagaan", "KLA24-02 · Jumlah rapat Gugus Tugas dalam tahun itu")
    expect(page.get_by_text("Keadaan kini: belum diisi.")).to_be_visible()
    page.get_by_placeholder("bilangan bulat, mis. 6").fill("3")  # the chosen item's own input (a count)
    expect(page.get_by_label("Nilai", exact=True)).to_have_count(1)
    page.get_by_label("Nomor dokumen atau tautan").fill("Notulen rapat GT 2025 (Sekretariat DPMPPA)")
    page.get_by_label("Nomor dokumen atau tautan").press("Enter")
    tunggu_siap(page)
    page.get_by_role("button", name="Ajukan isian").click()
    expect(page.get_by_text("Isian Kelembagaan diajukan (3 kolom berubah).")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    expect(page.get_by_text("1 terisi, 1 diajukan")).to_be_visible()
    expect(page.get_by_text("Keadaan kini: diajukan (terakhir oleh ana.pkl, versi 1).")).to_be_visible()
    page.get_by_text("Isi atau ubah butir Kelembagaan").scroll_into_view_if_needed()
    tidak_ada_galat(page)
    simpan_tangkapan(page, "kelembagaan_2_diajukan")

    # A custom checklist item: readiness counts 65 items.
    page.get_by_text("Butir tambahan checklist wilayah ini").click()
    page.get_by_label("Nama butir", exact=True).fill("Perwal pembinaan dan pengawasan KLA")
    page.get_by_role("textbox", name="OPD pengampu (opsional)").fill("Bagian Hukum Setda")
    page.get_by_role("button", name="Tambah butir").click()
    expect(page.get_by_text("Butir tambahan tambahan_1 ditambahkan")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="Butir lengkap")).to_contain_text("0 dari 65")
    page.get_by_text("Butir tambahan checklist wilayah ini").scroll_into_view_if_needed()
    tidak_ada_galat(page)
    simpan_tangkapan(page, "kelembagaan_3_butir_tambahan")
    pantauan.periksa()

    # The province editor, in another browser session, rejects the value with a reason.
    konteks = browser.new_context(viewport=UKURAN, locale="id-ID")
    provinsi = konteks.new_page()
    pantauan_provinsi = pantau(provinsi)
    _buka(provinsi, url)
    masuk(provinsi, "budi.jateng", SANDI_BUDI, "Masuk sebagai budi.jateng")
    expect(provinsi.get_by_text("Nilai 3 kali; referensi: Notulen rapat GT 2025")).to_be_visible(timeout=30_000)
    provinsi.get_by_text("Verifikasi (editor provinsi atau admin)").scroll_into_view_if_needed()
    provinsi.get_by_test_id("stRadio").get_by_text("ditolak", exact=True).click()
    tunggu_siap(provinsi)
    alasan = provinsi.get_by_label("Alasan (wajib bila ditolak)")
    alasan.fill("Notulen tanpa daftar hadir; lampirkan daftar hadir.")
    alasan.press("Tab")  # the text area sends its value when it loses focus
    tunggu_siap(provinsi)
    tombol = provinsi.get_by_role("button", name="Simpan keputusan verifikasi")
    expect(tombol).to_be_visible(timeout=30_000)
    tidak_ada_galat(provinsi)
    simpan_tangkapan(provinsi, "kelembagaan_4_verifikasi")
    tombol.click()
    expect(provinsi.get_by_text("Keputusan tersimpan (ditolak; 2 kolom berubah).")).to_be_visible(timeout=30_000)
    tunggu_siap(provinsi)
    expect(provinsi.get_by_text("1 terisi, 0 diajukan, 0 diverifikasi, 1 ditolak")).to_be_visible()
    expect(provinsi.get_by_text("Tidak ada butir yang menunggu keputusan.")).to_be_visible()
    _ke_atas(provinsi.get_by_role("heading", name="Register Kelembagaan (KLA24-01 … 03)"))
    tidak_ada_galat(provinsi)
    simpan_tangkapan(provinsi, "kelembagaan_5_ditolak")

    # The same register in English.
    _buka(provinsi, url, "&lang=en")
    _ke_atas(provinsi.get_by_role("heading", name="Kelembagaan register (KLA24-01 … 03)"))
    expect(provinsi.get_by_text("20 items: 1 filled in, 0 submitted, 0 verified, 1 rejected")).to_be_visible()
    tidak_ada_galat(provinsi)
    simpan_tangkapan(provinsi, "kelembagaan_6_en")
    pantauan_provinsi.periksa()
    konteks.close()

    path = gugus_simpan.path_gugus(db)
    register = kl.register_wilayah(path, "33.75").set_index("butir")
    assert register.loc["rapat_gt_jumlah", "status"] == "ditolak"
    assert register.loc["rapat_gt_jumlah", "alasan"] == "Notulen tanpa daftar hadir; lampirkan daftar hadir."
    assert list(gugus_simpan.baca_tambahan(path, "33.75")["nama"]) == ["Perwal pembinaan dan pengawasan KLA"]
