"""End to end in Debian's Chromium, issue #16 on the Gugus Tugas page, on a private server and database:

- item 9: the trajectory's ticks are the evaluation cycles (the 2023 evaluation on "2023", no "2024"
  tick beside it); the OPD table shows the score points missing next to the checklist counts, the
  cards name both numbers;
- item 4: the OPD table, the mandiri → final table and the change history in Indonesian numbers and
  dates, with labels instead of internal keys and "—" for nothing;
- item 10: after saving an item the picker shows its saved status; a filled-in XLSX checklist is
  uploaded, previewed and applied on the page; the page has a logout.

One module-scoped server, one page load, then clicks; screenshots in both languages."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from playwright.sync_api import Browser, FilePayload, Locator, Page, expect

from indicators.gugus import simpan as gugus_simpan, tugas
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from tests.e2e_util import masuk, pantau, server_dengan_akun, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

SANDI = "sandi-pekalongan-16"


@pytest.fixture(scope="module")
def server_gugus16(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A Streamlit server of app.py on its own copy of the database, with one editor of 33.75."""
    akun = [("ana.pkl", "editor", ["33.75"], SANDI)]
    with server_dengan_akun(db_bawaan, tmp_path_factory.mktemp("e2e_gugus16"), "gugus16", akun) as server:
        yield server


def _sel(grid: Locator) -> list[str]:
    """The text of a data grid's cells (Streamlit keeps an accessible copy of the visible ones)."""
    return [x.strip() for x in grid.locator('[role="gridcell"]').all_inner_texts()]


def _kepala(grid: Locator) -> list[str]:
    return [x.strip() for x in grid.locator('[role="columnheader"]').all_inner_texts()]


def _buka_expander(page: Page, judul: str) -> Locator:
    ex = page.get_by_test_id("stExpander").filter(has=page.get_by_text(judul, exact=True))
    ex.get_by_text(judul, exact=True).click()
    grid = ex.get_by_test_id("stDataFrame").first
    expect(grid.locator('[role="gridcell"]').first).to_be_attached(timeout=30_000)
    grid.scroll_into_view_if_needed()
    return grid


def _tik_lintasan(page: Page) -> list[str]:
    grafik = page.get_by_test_id("stPlotlyChart").filter(
        has=page.locator(".gtitle", has_text=re.compile("Lintasan|Trajectory"))
    )
    grafik.scroll_into_view_if_needed()
    expect(grafik.locator(".xtick text").first).to_be_attached(timeout=30_000)
    return [str(x).strip() for x in grafik.locator(".xtick text").evaluate_all("els => els.map(e => e.textContent)")]


def _xlsx_diisi(page: Page) -> bytes:
    """Download the page's checklist file and mark its first two 'belum' items complete."""
    with page.expect_download() as unduh:
        page.get_by_role("button", name="Unduh checklist per OPD (XLSX)").click()
    wb = load_workbook(io.BytesIO(Path(unduh.value.path()).read_bytes()))
    belum = [
        (ws, r) for ws in wb.worksheets for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=6).value == "belum"
    ]
    for ws, r in belum[:2]:
        ws.cell(row=r, column=6).value = "lengkap"
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


@pytest.fixture(scope="module")
def halaman(
    browser: Browser, browser_context_args: dict[str, Any], server_gugus16: tuple[str, Path]
) -> Iterator[tuple[Page, Path]]:
    """One page for the module: the Gugus Tugas page of Kota Pekalongan, logged in as its editor."""
    url, db = server_gugus16
    konteks = browser.new_context(**{**browser_context_args, "viewport": {"width": 1366, "height": 768}})
    page = konteks.new_page()
    pantauan = pantau(page)
    page.goto(f"{url}/gugus_tugas?wilayah=33.75")
    expect(page.get_by_role("heading", name="Gugus Tugas KLA Kota Pekalongan")).to_be_visible(timeout=90_000)
    tunggu_siap(page)
    masuk(page, "ana.pkl", SANDI, "Anda dapat mengubah checklist Kota Pekalongan")
    yield page, db
    pantauan.periksa()
    konteks.close()


def test_09_lintasan_per_siklus_dan_poin_skor_hilang_per_opd(halaman: tuple[Page, Path]):
    page, db = halaman
    # The cards name both numbers: the open checklist points and the score points missing.
    expect(page.get_by_test_id("stMetric").filter(has_text="Poin skor hilang")).to_contain_text(re.compile(r"\d+,\d\d"))
    expect(page.get_by_test_id("stMetric").filter(has_text="Poin checklist terbuka")).to_contain_text("1.000,00")
    # The OPD table: the missing score points right beside the checklist counts, labelled with their source.
    grid = _buka_expander(page, "Tabel kesiapan per OPD")
    kepala = _kepala(grid)
    poin = kepala.index("Poin checklist terbuka")
    assert kepala[poin + 1].startswith("Poin skor hilang (evaluasi 2025, tahap final, sintetis)")
    assert any(re.fullmatch(r"\d+,\d\d", x) for x in _sel(grid)[poin + 1 :: len(kepala)])
    simpan_tangkapan(page, "gugus16_id_opd")
    # The trajectory: one tick per evaluation cycle and the next one, nothing by calendar.
    tahun = sorted({int(x) for x in store.kueri(db, "skor_wilayah", {"kode_wilayah": "33.75"})["tahun"]})
    berikut = tugas.tahun_evaluasi_berikut(katalog_bawaan(), dt.date.today())
    assert _tik_lintasan(page) == [str(x) for x in sorted({*tahun, berikut})]
    simpan_tangkapan(page, "gugus16_id_lintasan")
    tidak_ada_galat(page)


def test_04_angka_indonesia_di_tabel_opd_dan_penurunan(halaman: tuple[Page, Path]):
    page, _ = halaman
    sel = _sel(
        page.get_by_test_id("stExpander").filter(has_text="Tabel kesiapan per OPD").get_by_test_id("stDataFrame")
    )
    assert "151,67" in sel
    assert "151.67" not in sel
    assert "33,3" not in sel
    sel = _sel(_buka_expander(page, "Penurunan mandiri → final per siklus"))
    assert any(re.fullmatch(r"\d{3},\d\d", x) for x in sel)
    assert not any(re.fullmatch(r"\d+\.\d\d", x) for x in sel)


def test_10_pemilih_unggah_xlsx_riwayat_dan_keluar(halaman: tuple[Page, Path]):
    page, db = halaman
    # Save one item: the picker then shows its saved status.
    pemilih = page.get_by_role("combobox", name="Butir", exact=True)
    pemilih.scroll_into_view_if_needed()
    assert pemilih.input_value().endswith("[belum]")
    page.get_by_test_id("stSelectbox").filter(has_text="Status").click()
    page.get_by_role("option", name="dalam proses", exact=True).click()
    tunggu_siap(page)
    page.get_by_role("button", name="Simpan butir").click()
    expect(page.get_by_text("1 perubahan tersimpan")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    expect(pemilih).to_have_value(re.compile(r"\[dalam proses\]$"))
    tidak_ada_galat(page)
    # Upload the filled-in checklist on the page: preview, then apply (all or nothing, one transaction).
    isi = _xlsx_diisi(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=FilePayload(name="checklist_pkl.xlsx", mimeType="application/octet-stream", buffer=isi)
    )
    expect(page.get_by_text("2 butir akan berubah")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    page.get_by_text("Ubah banyak butir sekaligus").click()
    tunggu_siap(page)
    simpan_tangkapan(page, "gugus16_id_unggah_massal")
    page.get_by_role("button", name="Terapkan berkas ini").click()
    expect(page.get_by_text("2 perubahan tersimpan")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    simpan = gugus_simpan.baca_butir(gugus_simpan.path_gugus(db), "33.75")
    assert sorted(simpan["status"]) == ["dalam_proses", "lengkap", "lengkap"]
    # Item 4 too: the change history with Indonesian dates, labels for internal keys, no "None".
    page.get_by_role("heading", name="Riwayat perubahan").scroll_into_view_if_needed()
    grid = page.get_by_test_id("stDataFrame").last
    expect(grid.locator('[role="gridcell"]').first).to_be_attached(timeout=30_000)
    sel = _sel(grid)
    assert any(re.fullmatch(rf"\d{{1,2}} \w+ {dt.date.today().year} \d\d\.\d\d", x) for x in sel)
    assert "Checklist data dukung" in sel
    assert "butir_checklist" not in sel
    assert "None" not in sel
    assert "impor checklist_pkl.xlsx" in sel
    simpan_tangkapan(page, "gugus16_id_riwayat")
    # English: the labels say which number is which.
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(page.get_by_test_id("stMetric").filter(has_text="Score points missing")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    grid = _buka_expander(page, "Readiness table by OPD")
    assert "Score points missing (2025 evaluation, final stage, synthetic)" in _kepala(grid)
    assert "151.67" in _sel(grid)
    page.get_by_test_id("stMetric").first.scroll_into_view_if_needed()
    simpan_tangkapan(page, "gugus16_en_kartu")
    _tik_lintasan(page)
    simpan_tangkapan(page, "gugus16_en_lintasan")
    tidak_ada_galat(page)
    # The page's own logout (the same as the Unggah Data page's).
    page.get_by_test_id("stSidebar").get_by_role("button", name="Log out").click()
    expect(page.get_by_text("Read-only.", exact=False)).to_be_visible(timeout=30_000)
