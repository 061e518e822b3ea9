"""End to end in Debian's Chromium at 1366 px on a private server and database: the Pembinaan page is
read-only for a visitor (countdown, every kab/kota in risk order with the workspace of
tests/db/test_pembinaan.py, unknown said as unknown, risk flags on real data only: the official predikat
fell for Wonosobo and Surakarta, no synthetic "total fell"); a provincial
editor logs in, adds a supervision note and sees it open; the Gugus Tugas page shows the same
countdown; nothing leaves 127.0.0.1. Screenshots: tests/artefak/pembinaan_*.png (look at them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from indicators.gugus import pembinaan as pb, simpan
from tests.db.test_pembinaan import _isi_ruang_kerja
from tests.e2e_util import pantau, server_dengan_akun, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

SANDI = "sandi-jateng-2026"
TEMUAN = "SK Gugus Tugas kedaluwarsa; rapat Gugus Tugas baru dua kali tahun ini"


@pytest.fixture(scope="module")
def server_pembinaan(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A Streamlit server of app.py on its own copy of the database, with one provincial editor of 33."""
    akun = [("jateng", "editor", ["33"], SANDI)]

    def isi(db: Path) -> None:
        _isi_ruang_kerja(simpan.path_gugus(db))  # two regions monitored, three notes (see tests/db/test_pembinaan.py)

    with server_dengan_akun(db_bawaan, tmp_path_factory.mktemp("e2e_pembinaan"), "pembinaan", akun, isi) as server:
        yield server


def test_pembinaan_baca_masuk_catat_dan_hitung_mundur(page: Page, server_pembinaan: tuple[str, Path]):
    url, db = server_pembinaan
    page.set_viewport_size({"width": 1366, "height": 1500})
    pantauan = pantau(page)
    page.goto(f"{url}/pembinaan")
    expect(page.get_by_role("heading", name="Pembinaan & pengawasan KLA: Jawa Tengah")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    expect(page.get_by_text("Mode baca saja")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").first).to_contain_text("Kota Pekalongan")
    expect(page.get_by_text("KLA 2026").first).to_be_visible()  # the countdown
    expect(page.get_by_test_id("stMetric").filter(has_text="Kesiapan terpantau")).to_contain_text("2 dari 35")
    expect(page.get_by_role("button", name="Unduh laporan pembinaan (PDF)")).to_be_visible()
    tabel = page.get_by_test_id("stDataFrame").first
    expect(tabel).to_contain_text("predikat resmi turun (data nyata)")
    expect(tabel).not_to_contain_text("total turun")  # every total of Jawa Tengah is synthetic
    expect(page.get_by_text("tidak menyalakan tanda risiko", exact=False).first).to_be_visible()
    tidak_ada_galat(page)
    simpan_tangkapan(page, "pembinaan_1_baca_saja")

    # Only the regions whose official predikat fell, the table scrolled to the score columns.
    page.get_by_test_id("stMultiSelect").filter(has_text="Hanya kab/kota dengan tanda").click()
    page.get_by_role("option", name="predikat resmi turun (data nyata)").click()
    page.keyboard.press("Escape")
    tunggu_siap(page)
    expect(tabel).to_contain_text("Kota Surakarta")
    expect(tabel).not_to_contain_text("Kota Pekalongan")
    tabel.scroll_into_view_if_needed()
    tabel.hover()
    page.mouse.wheel(1600, 0)
    page.wait_for_timeout(500)
    simpan_tangkapan(page, "pembinaan_1b_predikat_turun")
    page.goto(f"{url}/pembinaan")  # a fresh session: no filter
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=60_000)
    tunggu_siap(page)

    page.get_by_text("Masuk untuk menulis catatan").click()
    page.get_by_label("Nama pengguna").fill("jateng")
    page.get_by_label("Sandi").fill(SANDI)
    page.get_by_role("button", name="Masuk", exact=True).click()
    expect(page.get_by_text("Anda dapat menulis catatan pembinaan")).to_be_visible(timeout=30_000)
    tunggu_siap(page)

    page.get_by_text("Tambah catatan pembinaan").click()
    temuan = page.get_by_label("Temuan").first
    temuan.scroll_into_view_if_needed()
    temuan.fill(TEMUAN)
    page.get_by_label("Penanggung jawab tindak lanjut").first.fill("DP3A Kabupaten Banjarnegara")
    page.get_by_role("button", name="Simpan").first.click()
    expect(page.get_by_text("untuk Kabupaten Banjarnegara tersimpan")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="Catatan terbuka")).to_contain_text("3")
    tidak_ada_galat(page)
    page.get_by_role("heading", name="Pembinaan & pengawasan KLA: Jawa Tengah").scroll_into_view_if_needed()
    simpan_tangkapan(page, "pembinaan_2_tersimpan")
    page.get_by_role("heading", name="Catatan pembinaan").scroll_into_view_if_needed()
    simpan_tangkapan(page, "pembinaan_3_catatan_terbuka")
    catatan = pb.baca_catatan(simpan.path_gugus(db), "33", dt.date.today())
    assert list(catatan.loc[catatan["kode_wilayah"] == "33.04", "temuan"]) == [TEMUAN]
    assert set(simpan.baca_log(simpan.path_gugus(db), "33.04")["pengguna"]) == {"jateng"}

    page.goto(f"{url}/gugus_tugas?wilayah=33.04")
    expect(page.get_by_role("heading", name="Gugus Tugas KLA Kabupaten Banjarnegara")).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    expect(page.get_by_text("KLA 2026").first).to_be_visible()
    tidak_ada_galat(page)
    simpan_tangkapan(page, "pembinaan_4_gugus_hitung_mundur")

    page.goto(f"{url}/pembinaan?lang=en")
    expect(page.get_by_role("heading", name="KLA supervision: Jawa Tengah")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    tidak_ada_galat(page)
    simpan_tangkapan(page, "pembinaan_5_en")
    pantauan.periksa()
