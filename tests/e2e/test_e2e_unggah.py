"""End to end in Debian's Chromium on a private server and database: log in, download a template,
upload the good XLSX, see the preview, confirm, and find the import in the history; nothing
leaves 127.0.0.1. The shared session server is not used because this test writes."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from playwright.sync_api import Page, expect

from indicators.impor import terapkan
from indicators.lokasi import PROYEK
from tests.e2e_util import Akun, pantau, server_dengan_akun, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

BAIK = PROYEK / "tests" / "data" / "impor" / "baik"
SANDI = "admin-jateng-2025"


@pytest.fixture(scope="module")
def server_unggah(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A Streamlit server of app.py on its own copy of the database, with one admin account."""
    akun: list[Akun] = [("boss", "admin", [], SANDI)]
    with server_dengan_akun(db_bawaan, tmp_path_factory.mktemp("e2e_unggah"), "unggah", akun) as server:
        yield server


def test_masuk_unggah_pratinjau_konfirmasi_riwayat(page: Page, server_unggah: tuple[str, Path]):
    url, db = server_unggah
    pantauan = pantau(page)
    page.goto(url)
    tunggu_siap(page)
    page.goto(f"{url}/unggah")
    expect(page.get_by_role("heading", name="Unggah data")).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    simpan_tangkapan(page, "unggah_1_masuk")

    # A wrong password first: a clear message, still logged out.
    page.get_by_label("Nama pengguna").fill("boss")
    page.get_by_label("Sandi").fill("bukan-sandinya")
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Nama pengguna atau sandi salah.")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    page.get_by_label("Nama pengguna").fill("boss")
    page.get_by_label("Sandi").fill(SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("1. Unduh templat")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Masuk sebagai")).to_be_visible()
    tunggu_siap(page)

    # The template downloads as a real workbook with the data sheet.
    with page.expect_download(timeout=60_000) as unduhan:
        page.get_by_role("button", name="Unduh templat skor indikator (.xlsx)").click()
    isi = Path(unduhan.value.path()).read_bytes()
    assert unduhan.value.suggested_filename == "templat_skor_2025.xlsx"
    buku = load_workbook(io.BytesIO(isi), read_only=True)
    assert {"Petunjuk", "Data"} <= set(buku.sheetnames)

    # Upload the good template file: the preview lists the changes; nothing is written yet.
    sebelum = db.read_bytes()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(BAIK / "skor_baik.xlsx"))
    expect(page.get_by_text("3. Pratinjau")).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    metrik = page.get_by_test_id("stMetric")
    expect(metrik.filter(has_text="Berubah")).to_contain_text("6")
    expect(metrik.filter(has_text="Skor sintetis diganti")).to_contain_text("66")
    expect(page.get_by_text("Dampak pada total dan predikat hitung")).to_be_visible()
    tidak_ada_galat(page)
    simpan_tangkapan(page, "unggah_2_pratinjau")
    assert db.read_bytes() == sebelum

    page.get_by_role("button", name="Konfirmasi impor").click()
    expect(page.get_by_text("Impor #1 tersimpan: 0 baris baru, 6 berubah.")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("button", name="Batalkan impor #1")).to_be_visible(timeout=30_000)
    tunggu_siap(page)
    tidak_ada_galat(page)
    simpan_tangkapan(page, "unggah_3_riwayat")
    log = terapkan.daftar_impor(db)
    assert log[["impor_id", "pengguna", "berkas", "status"]].values.tolist() == [
        [1, "boss", "skor_baik.xlsx", "berhasil"]
    ]
    # The uploader was emptied: no second preview of the same file.
    expect(page.get_by_text("3. Pratinjau")).to_have_count(0)
    pantauan.periksa()
