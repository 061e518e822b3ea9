"""End to end in Debian's Chromium: routes, links and language (issue #16, items 1, 2, 3 and 13).

The session's shared server (they only read). Each test would have failed before its fix: English
was lost on every page change and the navigation kept its Indonesian titles after a switch (1); a
bad link silently showed Kota Pekalongan or 2025, and /ringkasan showed Streamlit's "Page not found"
(2); every visitor was Kota Pekalongan (3); the offline site had no button in the dashboard (13).
"""

from __future__ import annotations

import base64
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from playwright.sync_api import Locator, Page, expect

from indicators.analisis import analitik, layanan, profil
from indicators.format import format_angka
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

BATAS = 60_000


@pytest.fixture
def url(streamlit_url: str) -> str:
    """The session's shared server (these tests only read; the ZIP is built in a temporary folder)."""
    return streamlit_url


def _navigasi(page: Page, judul: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=judul, exact=True).click()


def _judul_navigasi(page: Page) -> Locator:
    return page.get_by_test_id("stSidebarNav").get_by_test_id("stSidebarNavLink")


def test_bahasa_bertahan_lintas_halaman(page: Page, url: str):
    """Item 1: English survives a navigation click; a switch renames the navigation at once; a reload keeps it."""
    pantauan = pantau(page)
    page.goto(f"{url}/?lang=en")
    expect(page.get_by_role("heading", name=re.compile("KLA predikat overview"))).to_be_visible(timeout=BATAS)
    tunggu_siap(page)
    _navigasi(page, "Maps")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Official predikat", timeout=BATAS)
    tunggu_siap(page)
    expect(page).to_have_url(re.compile(r"/peta\?.*lang=en"))
    expect(_judul_navigasi(page).first).to_have_text("Overview")
    simpan_tangkapan(page, "rute_1_peta_en")

    page.get_by_test_id("stSidebar").get_by_text("Indonesia", exact=True).click()
    expect(_judul_navigasi(page).nth(1)).to_have_text("Peta", timeout=BATAS)  # the same run, no reload
    tunggu_siap(page)
    expect(page).not_to_have_url(re.compile("lang=en"))
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(_judul_navigasi(page).nth(1)).to_have_text("Maps", timeout=BATAS)
    tunggu_siap(page)
    page.reload()
    expect(_judul_navigasi(page).nth(1)).to_have_text("Maps", timeout=BATAS)
    tunggu_siap(page)
    _navigasi(page, "Region profile")
    expect(page.get_by_role("heading", name="Region profile")).to_be_visible(timeout=BATAS)
    expect(page).to_have_url(re.compile(r"/profil\?.*lang=en"))
    tidak_ada_galat(page)
    pantauan.periksa()


def test_tautan_salah_mengatakannya(page: Page, url: str):
    """Item 2: an unknown region or a cycle without data is named, with what is shown instead; /ringkasan works."""
    page.goto(f"{url}/profil?wilayah=99.99")
    peringatan = page.get_by_test_id("stAlertContentWarning").filter(has_text="wilayah = 99.99")
    expect(peringatan).to_be_visible(timeout=BATAS)
    tunggu_siap(page)
    expect(peringatan).to_contain_text("Kabupaten Cilacap")  # what was expected
    expect(page.get_by_text("Kota Pekalongan")).to_have_count(0)
    expect(page.get_by_role("link", name="Lihat ringkasan Jawa Tengah")).to_be_visible()
    simpan_tangkapan(page, "rute_2_wilayah_salah")

    page.goto(f"{url}/profil?wilayah=33.26&tahun=2020&lang=en")
    expect(page.get_by_role("heading", name="Profile of Kabupaten Pekalongan — 2021 evaluation")).to_be_visible(
        timeout=BATAS
    )
    tunggu_siap(page)
    tahun = page.get_by_test_id("stAlertContentWarning").filter(has_text="tahun = 2020")
    expect(tahun).to_contain_text("Showing: 2021 instead")
    simpan_tangkapan(page, "rute_2_tahun_salah_en")

    page.goto(f"{url}/ringkasan?tahun=2023")
    expect(page.get_by_role("heading", name="Ringkasan predikat KLA Jawa Tengah 2023")).to_be_visible(timeout=BATAS)
    tunggu_siap(page)
    expect(page.get_by_text("Page not found")).to_have_count(0)


def test_bukan_kota_pekalongan_secara_bawaan(page: Page, url: str):
    """Item 3: no region until one is chosen, and the choice carries to the next page."""
    page.goto(f"{url}/profil")
    expect(page.get_by_text("Pilih kab/kota di atas untuk melihat halaman ini")).to_be_visible(timeout=BATAS)
    tunggu_siap(page)
    expect(page.get_by_text("Kota Pekalongan")).to_have_count(0)
    simpan_tangkapan(page, "rute_3_profil_tanpa_wilayah")
    page.get_by_test_id("stSelectbox").filter(has_text="Kabupaten/kota").click()
    page.keyboard.type("Batang")  # the option list is virtual: type first
    page.get_by_role("option", name="Kabupaten Batang", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Profil Kabupaten Batang"))).to_be_visible(timeout=BATAS)
    tunggu_siap(page)
    _navigasi(page, "Gugus Tugas")
    expect(page.get_by_role("heading", name="Gugus Tugas KLA Kabupaten Batang")).to_be_visible(timeout=BATAS)
    tunggu_siap(page)

    simpan_tangkapan(page, "rute_3_gugus_dari_sesi")
    tidak_ada_galat(page)  # an editor starting at their own region: tests/halaman/test_halaman_rute.py


def test_situs_luring_dari_ringkasan(page: Page, url: str, db_bawaan: Path, tmp_path: Path):
    """Item 13: Ringkasan builds the offline site and downloads it as a ZIP named after province and cycle;
    its profiles carry the stage comparison, the neighbours and the history's gaps."""
    page.goto(f"{url}/tidak-ada?tahun=2025")  # item 2 as well: an unknown path says so in our words
    tombol = page.get_by_role("button", name="Buat situs luring (ZIP)")
    expect(tombol).to_be_visible(timeout=BATAS)
    tunggu_siap(page)
    expect(page.get_by_test_id("stAlertContentWarning").filter(has_text="/tidak-ada")).to_be_visible()
    simpan_tangkapan(page, "rute_2_halaman_tidak_ada")  # Streamlit's own modal cannot be turned off: close it
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    tombol.click()
    unduh = page.get_by_role("button", name="Unduh situs luring (ZIP)")
    expect(unduh).to_be_visible(timeout=180_000)
    tunggu_siap(page)
    simpan_tangkapan(page, "rute_13_situs_siap")
    with page.expect_download() as info:
        unduh.click()
    berkas = info.value
    assert berkas.suggested_filename == "kla_situs_jawa-tengah_2025.zip"
    path = tmp_path / berkas.suggested_filename
    berkas.save_as(path)
    with zipfile.ZipFile(path) as z:
        nama = z.namelist()
        assert all(n.startswith("kla_situs_jawa-tengah_2025/") for n in nama)  # one tidy folder when unpacked
        assert sum(n.startswith("kla_situs_jawa-tengah_2025/profil/") for n in nama) == 35
        html = z.read("kla_situs_jawa-tengah_2025/profil/33-75-kota-pekalongan.html").decode("utf-8")
    tidak_ada_galat(page)
    _periksa_profil(html, db_bawaan)


def _periksa_profil(html: str, db: Path) -> None:
    """Kota Pekalongan's profile: stage comparison, neighbours, and the history's gaps (2020, 2024)."""
    kat = katalog_bawaan()
    skor = store.kueri(db, "skor_wilayah", {"kode_wilayah": "33.75"})
    per_tahap = profil.total_per_tahap(skor[skor["tahun"] == 2025], kat)  # the Profil page's stage metrics
    assert per_tahap["tahap"].tolist() == ["mandiri", "provinsi", "final"]
    total = [format_angka(float(v), 2, "id") for v in per_tahap["total"]]
    bagian = html[html.index('<section id="tahap">') : html.index('<section id="tetangga">')]
    assert all(teks in bagian for teks in ["Evaluasi mandiri", "Verifikasi provinsi", *total])
    batang = _figur(html, "grafik-tahap")["data"][0]
    assert [x.split("<br>")[0] for x in batang["text"]] == total

    wilayah = store.kueri(db, "wilayah_semua")
    assert analitik.kelompok_sebaya("33.75", "tetangga", wilayah, store.kueri(db, "tetangga")) == ["33.25", "33.26"]
    tabel = layanan.tabel_skor(db, kat, tahun=2025, tahap="final").set_index("kode_wilayah")
    bagian = html[html.index('<section id="tetangga">') :]
    assert '<a href="33-25-kabupaten-batang.html">Kabupaten Batang</a>' in bagian
    assert '<a href="33-26-kabupaten-pekalongan.html">Kabupaten Pekalongan</a>' in bagian
    assert format_angka(tabel["total"].astype(float).to_dict()["33.25"], 2, "id") in bagian

    riwayat = _figur(html, "grafik-riwayat")  # 2020 and 2024 had no evaluation: shaded gaps, no point
    assert sorted(round((s["x0"] + s["x1"]) / 2) for s in riwayat["layout"]["shapes"]) == [2020, 2024]
    titik = {int(x) for jejak in riwayat["data"] for x in _nilai(jejak.get("x"))}
    assert {2017, 2019, 2021, 2023, 2025} <= titik
    assert not titik & {2020, 2024}
    assert "tanpa evaluasi" in json.dumps(riwayat["layout"]["annotations"])


def _figur(html: str, id_div: str) -> dict[str, Any]:
    """The data and layout plotly draws in ``id_div`` (the page's own JSON)."""
    cocok = re.search(r'Plotly\.newPlot\("' + id_div + r'", (\[.*?\]), (\{.*?\}), \{"displaylogo"', html)
    assert cocok, id_div
    return {"data": json.loads(cocok.group(1)), "layout": json.loads(cocok.group(2))}


def _nilai(x: object) -> list[float]:
    """A trace's values: a JSON list, or plotly's binary array ``{"dtype", "bdata"}``."""
    if isinstance(x, dict):
        return list(np.frombuffer(base64.b64decode(x["bdata"]), dtype=x["dtype"]).tolist())
    return list(x) if isinstance(x, list) else []
