"""End to end in Debian's Chromium: the offline bundle opens from file:// with no server, draws its
charts and the 35-region map, and a click on the map opens a profile, with no request leaving the
machine and no console error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from benchmarks.server import PUSAT_JS
from indicators.ekspor.situs import tulis_situs
from tests.e2e_util import simpan_tangkapan

pytestmark = pytest.mark.e2e

LOKAL = {"file", "data", "blob"}


@pytest.fixture(scope="module")
def situs(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tulis_situs(db_bawaan, "33", 2025, tmp_path_factory.mktemp("usb") / "kla", tanggal=dt.date(2025, 8, 8))


class _Pantau:
    def __init__(self, page: Page) -> None:
        self.permintaan: list[str] = []
        self.galat: list[str] = []
        page.on("request", lambda r: self.permintaan.append(r.url))
        page.on("requestfailed", lambda r: self.galat.append(f"gagal: {r.url} {r.failure}"))
        page.on("pageerror", lambda e: self.galat.append(f"pageerror: {e}"))
        page.on("console", self._konsol)

    def _konsol(self, pesan: ConsoleMessage) -> None:
        if pesan.type == "error":
            self.galat.append(pesan.text)

    def periksa(self) -> None:
        luar = [u for u in self.permintaan if urlparse(u).scheme not in LOKAL]
        assert not luar, luar
        assert not self.galat, self.galat


def test_situs_dari_file_tanpa_jaringan(page: Page, situs: Path):
    pantau = _Pantau(page)
    page.goto(situs.as_uri())
    expect(page.locator("#grafik-jumlah .main-svg").first).to_be_visible(timeout=30_000)
    expect(page.locator("#grafik-sebaran .main-svg").first).to_be_visible()
    expect(page.locator("#grafik-jumlah .bars path")).not_to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jawa Tengah 2025")
    expect(page.locator(".sintetis").first).to_contain_text("sintetis")
    expect(page.locator("table").first.locator("tbody tr")).to_have_count(35)
    simpan_tangkapan(page, "situs_ringkasan")

    page.get_by_role("link", name="Peta", exact=True).first.click()
    expect(page.locator("#peta-predikat .choroplethlayer path")).to_have_count(35, timeout=30_000)
    page.wait_for_timeout(300)
    simpan_tangkapan(page, "situs_peta")
    pusat = page.locator("#peta-predikat .choroplethlayer path").evaluate_all(PUSAT_JS)
    kota = next(p for p in pusat if p["kode"] == "33.74")  # Kota Semarang
    assert kota["di_dalam"]
    page.mouse.click(kota["x"], kota["y"])
    page.wait_for_url("**/profil/33-74-kota-semarang.html", timeout=15_000)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kota Semarang")
    for grafik in ("grafik-riwayat", "grafik-kelompok", "grafik-ruang"):
        expect(page.locator(f"#{grafik} .main-svg").first).to_be_visible(timeout=15_000)
    expect(page.locator("#grafik-riwayat .scatterlayer .point")).not_to_have_count(0)
    expect(page.locator(".sintetis").first).to_be_visible()
    simpan_tangkapan(page, "situs_profil")

    page.get_by_role("link", name="Sumber & atribusi").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sumber")
    assert page.locator("table tbody tr").count() > 3
    pantau.periksa()
    assert all(urlparse(u).scheme == "file" for u in pantau.permintaan if u.endswith(".js"))


def test_situs_bahasa_inggris(page: Page, db_bawaan: Path, tmp_path: Path):
    pantau = _Pantau(page)
    index = tulis_situs(db_bawaan, "33", 2025, tmp_path / "en", "en", tanggal=dt.date(2025, 8, 8))
    page.goto(index.as_uri())
    expect(page.get_by_role("heading", level=1)).to_contain_text("KLA predikat overview")
    expect(page.locator("#grafik-jumlah .main-svg").first).to_be_visible(timeout=30_000)
    expect(page.locator("footer")).to_contain_text("8 August 2025")
    pantau.periksa()
