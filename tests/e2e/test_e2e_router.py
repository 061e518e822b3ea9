"""A shared link opened first on a freshly started server still goes through the router (app.py).

With a ``pages/`` folder beside app.py, Streamlit 1.67 runs a deep link's page script directly on
a fresh server (its old multipage mode), skipping st.navigation: wrong titles, no page config, no
login gate. The pages therefore live in ``halaman/``; this test keeps it that way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from benchmarks.server import server_streamlit
from tests.conftest import ARTEFAK
from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

JUDUL_NAVIGASI = [
    "Ringkasan",
    "Peta",
    "Perbandingan",
    "Profil Wilayah",
    "Indikator",
    "Data & Metodologi",
    "Gugus Tugas",
    "Regulasi",
    "Pembinaan",
    "Perlindungan Anak",
    "Unggah Data",
]


def test_tautan_langsung_pertama_lewat_router(page: Page, db_bawaan: Path):
    ARTEFAK.mkdir(exist_ok=True)
    with server_streamlit(db_bawaan, ARTEFAK / "streamlit_router.log") as server:
        pantauan = pantau(page)
        page.goto(f"{server.url}/profil?wilayah=33.26&tahun=2023")
        expect(page.get_by_role("heading", name="Profil Kabupaten Pekalongan — evaluasi 2023")).to_be_visible(
            timeout=60_000
        )
        tunggu_siap(page)
        navigasi = page.get_by_test_id("stSidebarNav").get_by_test_id("stSidebarNavLink")
        expect(navigasi).to_have_text(JUDUL_NAVIGASI)
        expect(page.get_by_test_id("stSidebar")).to_contain_text("Kabupaten/Kota Layak Anak")
        simpan_tangkapan(page, "router_tautan_langsung")
        tidak_ada_galat(page)
        pantauan.periksa()
