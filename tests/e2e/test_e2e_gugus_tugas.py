"""End to end in Debian's Chromium on a private server and database: the Gugus Tugas page is read-only
when logged out; an editor logs in, marks an item complete and sees the readiness figure change;
nothing leaves 127.0.0.1. The shared session server is not used because this test writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from indicators.akun.pengguna import Pengguna
from indicators.gugus import simpan as gugus_simpan
from indicators.katalog.data_dukung import data_dukung_bawaan
from tests.e2e_util import masuk, pantau, server_dengan_akun, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

SANDI = "sandi-pekalongan-1"


@pytest.fixture(scope="module")
def server_gugus(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A Streamlit server of app.py on its own copy of the database, with one editor of 33.75."""
    akun = [("ana.pkl", "editor", ["33.75"], SANDI)]
    with server_dengan_akun(db_bawaan, tmp_path_factory.mktemp("e2e_gugus"), "gugus", akun) as server:
        yield server


def test_masuk_tandai_lengkap_dan_kesiapan_berubah(page: Page, server_gugus: tuple[str, Path]):
    url, db = server_gugus
    pantauan = pantau(page)
    page.goto(url)
    # Let the home page finish loading its chart code first: leaving it mid-load aborts those requests.
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_attached(timeout=60_000)
    tunggu_siap(page)
    page.goto(f"{url}/gugus_tugas?wilayah=33.75")
    expect(page.get_by_role("heading", name="Gugus Tugas KLA Kota Pekalongan")).to_be_visible(timeout=60_000)
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_attached(timeout=60_000)
    tunggu_siap(page)
    kartu = page.get_by_test_id("stMetric").filter(has_text="Butir lengkap")
    expect(kartu).to_contain_text("0 dari 64")
    expect(page.get_by_text("Mode baca saja")).to_be_visible()
    expect(page.get_by_role("button", name="Simpan butir")).to_have_count(0)
    tidak_ada_galat(page)
    simpan_tangkapan(page, "gugus_1_baca_saja")

    masuk(page, "ana.pkl", SANDI, "Anda dapat mengubah checklist Kota Pekalongan")

    status = page.get_by_test_id("stSelectbox").filter(has_text="Status")
    status.scroll_into_view_if_needed()
    status.click()
    page.get_by_role("option", name="lengkap", exact=True).click()
    tunggu_siap(page)
    page.get_by_role("button", name="Simpan butir").click()
    expect(page.get_by_text("perubahan tersimpan")).to_be_visible(timeout=30_000)
    expect(kartu).to_contain_text("1 dari 64")
    tunggu_siap(page)
    tidak_ada_galat(page)
    page.get_by_role("heading", name="Gugus Tugas KLA Kota Pekalongan").scroll_into_view_if_needed()
    simpan_tangkapan(page, "gugus_2_lengkap")
    page.get_by_text("Riwayat perubahan").scroll_into_view_if_needed()
    simpan_tangkapan(page, "gugus_3_riwayat")
    simpan = gugus_simpan.baca_butir(gugus_simpan.path_gugus(db), "33.75")
    assert list(simpan["status"]) == ["lengkap"]
    log = gugus_simpan.baca_log(gugus_simpan.path_gugus(db), "33.75")
    assert list(log["pengguna"]) == ["ana.pkl"], log.to_string()
    pantauan.periksa()


@pytest.fixture(scope="module")
def server_gugus_tersimpan(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Like ``server_gugus``, with Kota Pekalongan's first item already in progress, due and noted."""

    def isi(db: Path) -> None:
        budi = Pengguna("budi.pkl", "editor", ("33.75",))
        ubah = gugus_simpan.UbahButir(
            "KLA24-01", "perda_kla", "dalam_proses", tenggat=dt.date(2027, 3, 31), catatan="Draf di Bagian Hukum"
        )
        gugus_simpan.simpan_butir(gugus_simpan.path_gugus(db), budi, "33.75", [ubah], data_dukung_bawaan())

    akun = [("ana.pkl", "editor", ["33.75"], SANDI)]
    folder = tmp_path_factory.mktemp("e2e_gugus_bahasa")
    with server_dengan_akun(db_bawaan, folder, "gugus_bahasa", akun, isi) as server:
        yield server


def test_ganti_bahasa_lalu_simpan_tidak_mengubah_apa_pun(page: Page, server_gugus_tersimpan: tuple[str, Path]):
    """The browser keeps a select's label and sends it back; after a switch to English the Indonesian
    label "dalam proses" matches no option, so Streamlit falls back to the widget's default. That
    default is the stored status: a save after the switch changes nothing. (With the built-in
    default, the first option, it wrote "belum" over "dalam_proses".)"""
    url, db = server_gugus_tersimpan
    pantauan = pantau(page)
    page.goto(f"{url}/gugus_tugas?wilayah=33.75")
    expect(page.get_by_role("heading", name="Gugus Tugas KLA Kota Pekalongan")).to_be_visible(timeout=60_000)
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_attached(timeout=60_000)
    tunggu_siap(page)
    masuk(page, "ana.pkl", SANDI, "Anda dapat mengubah checklist Kota Pekalongan")
    page.get_by_role("radio", name="English").or_(page.get_by_role("button", name="English")).first.click()
    expect(page.get_by_role("heading", name="Edit an item")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    page.get_by_role("button", name="Save item").click()
    expect(page.get_by_text("Nothing changed.")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    tidak_ada_galat(page)
    simpan = gugus_simpan.baca_butir(gugus_simpan.path_gugus(db), "33.75")
    assert list(simpan["status"]) == ["dalam_proses"]
    assert set(gugus_simpan.baca_log(gugus_simpan.path_gugus(db), "33.75")["pengguna"]) == {"budi.pkl"}
    pantauan.periksa()
