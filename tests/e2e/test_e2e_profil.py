"""End to end in Debian's Chromium: the Profil Wilayah page draws its charts, runs the what-if form
(an invalid input first, then a valid one), switches cycle and language, all without leaving 127.0.0.1."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

GRAFIK = '[data-testid="stPlotlyChart"] .main-svg'


def _isi(page: Page, label: str, nilai: str) -> None:
    # Text fields since #16 item 4: they show and read Indonesian decimals (50,57)
    kotak = page.get_by_test_id("stTextInput").filter(has_text=label).locator("input")
    kotak.fill(nilai)
    kotak.press("Tab")


def _pilih(page: Page, label: str, opsi: str) -> None:
    """Pick from a selectbox; the dropdown closes if the page is still scrolling, so retry the click."""
    kotak = page.get_by_test_id("stSelectbox").filter(has_text=label)
    kotak.scroll_into_view_if_needed()
    pilihan = page.get_by_role("option", name=opsi, exact=True)
    for _ in range(3):
        kotak.click()
        try:
            expect(pilihan).to_be_visible(timeout=2_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    pilihan.click()


def test_profil_grafik_simulasi_dan_siklus(page: Page, streamlit_url: str):
    pantauan = pantau(page)
    page.goto(streamlit_url)
    expect(page.locator(GRAFIK).first).to_be_attached(timeout=60_000)
    tunggu_siap(page)

    page.goto(f"{streamlit_url}/profil?wilayah=33.75")
    expect(page.get_by_role("heading", name="Profil Kota Pekalongan — evaluasi 2025")).to_be_visible(timeout=60_000)
    expect(page.locator(GRAFIK)).to_have_count(3, timeout=60_000)  # one chart (three svg layers), the others a tab away
    tunggu_siap(page)
    assert "tahun=2025" in page.url
    assert "provinsi=33" in page.url
    expect(page.get_by_text("data contoh (sintetis)").first).to_be_visible()
    # Groups (the first tab): six score bars over six maximum bars.
    kelompok = page.get_by_test_id("stPlotlyChart")
    assert kelompok.locator(".barlayer .point").count() == 12
    expect(kelompok).to_contain_text("Maks. (alokasi bawaan proyek, asumsi)")
    lebar = page.locator(GRAFIK).evaluate_all("es => es.map(e => e.getBoundingClientRect().width)")
    assert min(lebar) > 300
    simpan_tangkapan(page, "profil_bawaan")
    # Gap chart: ten indicators, two in orange.
    page.get_by_role("radio", name="Selisih ke predikat berikutnya").click()
    ruang = page.get_by_test_id("stPlotlyChart").filter(has_text="Menutup selisih ke Utama")
    expect(ruang).to_have_count(1, timeout=60_000)
    tunggu_siap(page)
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(1)
    assert ruang.locator(".barlayer .point").count() == 10
    simpan_tangkapan(page, "profil_tab_selisih")
    # History: seven cycles with the two gap years shaded; computed diamonds and official circles drawn.
    page.get_by_role("radio", name="Riwayat predikat").click()
    riwayat = page.get_by_test_id("stPlotlyChart").filter(has=page.locator(".annotation-text"))
    expect(riwayat.locator(".annotation-text")).to_have_count(2, timeout=60_000)
    tunggu_siap(page)
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(1)
    # At most five year labels (#16 item 14: no crowding on a phone), always the last cycle
    expect(riwayat.locator(".xtick text")).to_have_count(5)
    expect(riwayat.locator(".xtick text").last).to_have_text("2025")
    assert riwayat.locator(".scatterlayer .point").count() == 5 + 2 + 7
    simpan_tangkapan(page, "profil_tab_riwayat")

    # The details: the indicator table first; the stages and the neighbours a click away each.
    rincian = page.get_by_role("radiogroup", name="Rincian yang ditampilkan", exact=True)
    expect(rincian.get_by_role("radio", name="Status indikator")).to_have_attribute("aria-checked", "true")
    expect(page.get_by_role("table", name="Semua indikator dan statusnya")).to_be_attached()
    rincian.get_by_role("radio", name="Wilayah tetangga").click()
    tetangga = page.get_by_role("table", name="Wilayah tetangga")
    expect(tetangga).to_contain_text("Kabupaten Batang", timeout=60_000)
    tunggu_siap(page)
    expect(tetangga).to_contain_text("Kota Pekalongan (wilayah ini)")
    expect(page.get_by_role("table", name="Semua indikator dan statusnya")).to_have_count(0)
    tetangga.scroll_into_view_if_needed()
    simpan_tangkapan(page, "profil_rincian_tetangga")
    rincian.get_by_role("radio", name="Skor per tahap").click()
    expect(page.get_by_test_id("stMetric").filter(has_text="Verifikasi provinsi")).to_have_count(1, timeout=60_000)
    tunggu_siap(page)
    expect(page.get_by_role("table", name="Wilayah tetangga")).to_have_count(0)

    # The what-if form is closed (and not sent) until opened; opening reruns the page and shows it.
    assert page.get_by_role("button", name="Hitung").count() == 0
    page.get_by_text("Buka formulir simulasi").click()
    expect(page.get_by_role("button", name="Hitung")).to_be_visible(timeout=60_000)
    tunggu_siap(page)

    # An invalid what-if input gives a clear message, not a traceback.
    _isi(page, "Prevalensi stunting (SSGI)", "150")
    page.get_by_role("button", name="Hitung").click()
    galat = page.get_by_test_id("stAlertContentError")
    expect(galat).to_contain_text("Masukan simulasi tidak sah", timeout=60_000)
    expect(galat).to_contain_text("di luar 0–100 persen")
    tunggu_siap(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    galat.scroll_into_view_if_needed()
    simpan_tangkapan(page, "profil_simulasi_galat")

    # A valid what-if: two indicators to their maximum lift the computed predikat to Utama.
    _isi(page, "Prevalensi stunting (SSGI)", "")
    _isi(page, "01 Perda KLA", "70")
    _isi(page, "18 Wajar 12 Th", "45")
    page.get_by_role("button", name="Hitung").click()
    hasil = page.get_by_test_id("stMetric").filter(has_text="Predikat hitung baru")
    expect(hasil).to_contain_text("Utama", timeout=60_000)
    expect(hasil).to_contain_text("sebelumnya Nindya")
    tunggu_siap(page)
    expect(page.get_by_text("Asumsi simulasi ini")).to_be_visible()
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
    hasil.scroll_into_view_if_needed()
    simpan_tangkapan(page, "profil_simulasi_hasil")

    # Another cycle through the picker: the view follows and stays in the URL.
    _pilih(page, "Tahun evaluasi", "2021")
    expect(page.get_by_role("heading", name="Profil Kota Pekalongan — evaluasi 2021")).to_be_visible(timeout=60_000)
    expect(page.locator(GRAFIK)).to_have_count(3, timeout=60_000)
    tunggu_siap(page)
    # The chosen view stays chosen when the cycle changes.
    expect(page.get_by_role("radio", name="Riwayat predikat")).to_have_attribute("aria-checked", "true")
    expect(page.get_by_test_id("stPlotlyChart").locator(".annotation-text")).to_have_count(2)
    assert "tahun=2021" in page.url
    page.get_by_role("heading", name="Profil Kota Pekalongan — evaluasi 2021").scroll_into_view_if_needed()
    simpan_tangkapan(page, "profil_2021")

    tidak_ada_galat(page)
    pantauan.periksa()


def test_profil_inggris_dan_ponsel(page: Page, streamlit_url: str):
    pantauan = pantau(page)
    page.goto(streamlit_url)
    expect(page.locator(GRAFIK).first).to_be_attached(timeout=60_000)
    tunggu_siap(page)

    page.set_viewport_size({"width": 390, "height": 1400})
    page.goto(f"{streamlit_url}/profil?wilayah=33.26&lang=en")
    expect(page.get_by_role("heading", name="Profile of Kabupaten Pekalongan — 2025 evaluation")).to_be_visible(
        timeout=60_000
    )
    expect(page.locator(GRAFIK)).to_have_count(3, timeout=60_000)
    tunggu_siap(page)
    expect(page.get_by_text("synthetic example data").first).to_be_visible()
    expect(page.get_by_role("radio", name="Score by group")).to_have_attribute("aria-checked", "true")
    rincian = page.get_by_role("radiogroup", name="Details shown", exact=True)
    expect(rincian.get_by_role("radio", name="Indicator status")).to_have_attribute("aria-checked", "true")
    expect(rincian.get_by_role("radio")).to_have_text(["Indicator status", "Score by stage", "Neighbouring regions"])
    expect(page.get_by_test_id("stPlotlyChart")).to_contain_text("Max. (project default allocation, assumed)")
    lebar = page.locator(GRAFIK).evaluate_all("es => es.map(e => e.getBoundingClientRect().width)")
    assert max(lebar) <= 390
    simpan_tangkapan(page, "profil_ponsel_en")

    tidak_ada_galat(page)
    pantauan.periksa()
