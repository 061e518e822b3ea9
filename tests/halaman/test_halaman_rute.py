"""Routes, links and the default region in AppTest (issue #16, items 1–3), cheaper than a browser.

Each test fails on the behaviour before the fix: ``?tahun=2020`` silently became 2025, an unknown
region became Kota Pekalongan, every visitor started at Kota Pekalongan, and a language chosen on one
page was lost on the next.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators.akun import pengguna
from tests.halaman_util import buka_halaman, kartu, periksa_tanpa_galat
from ui import masuk, widgets


@pytest.fixture
def db_editor(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private database with editor budi.smg of Kota Semarang (33.74); the app points at it."""
    pengguna.tambah_pengguna(pengguna.path_akun(db), "budi.smg", "editor", ["33.74"], "sandi-semarang-1")
    monkeypatch.setenv("KLA_DB", str(db))
    st.cache_data.clear()
    yield db
    st.cache_data.clear()


def _semua_teks(at: AppTest) -> str:
    bagian = [*at.title, *at.header, *at.subheader, *at.markdown, *at.caption, *at.info, *at.warning, *at.metric]
    kartu_html = [" ".join([label, *isi.values()]) for label, isi in kartu(at).items()]  # Ringkasan's cards
    return "\n".join([*(str(getattr(e, "value", "")) for e in bagian), *kartu_html])


def test_tahun_terdekat():
    siklus = [2017, 2018, 2019, 2021, 2022, 2023, 2025]
    assert widgets.tahun_terdekat("2020", siklus) == 2021  # a tie goes to the later cycle
    assert widgets.tahun_terdekat("2024", siklus) == 2025
    assert widgets.tahun_terdekat("1999", siklus) == 2017
    assert widgets.tahun_terdekat(" 2030 ", siklus) == 2025
    assert widgets.tahun_terdekat("dua ribu", siklus) is None


def test_tahun_tanpa_data_dikatakan_dan_siklus_terdekat(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.26", tahun="2020").run())
    assert at.title[0].value == "Profil Kabupaten Pekalongan — evaluasi 2021"
    pesan = [w.value for w in at.warning if "tahun = 2020" in w.value]
    assert pesan
    assert "2017, 2018, 2019, 2021, 2022, 2023, 2025" in pesan[0]
    assert "Ditampilkan: **2021**" in pesan[0]
    assert at.query_params["tahun"] == "2021"
    at.selectbox(key="tahap").set_value("mandiri").run()  # the link is honoured now: the notice goes
    assert not [w for w in at.warning if "tahun = 2020" in w.value]


def test_wilayah_tak_dikenal_tanpa_wilayah_pengganti(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("gugus_tugas", wilayah="99.99", lang="en").run())
    (pesan,) = [w.value for w in at.warning if "wilayah = 99.99" in w.value]
    assert "e.g. 33.01 (Kabupaten Cilacap)" in pesan
    assert "no regency/city yet" in pesan
    assert "Kota Pekalongan" not in _semua_teks(at)
    assert at.selectbox(key="wilayah").value is None
    assert "wilayah" not in at.query_params


def test_tanpa_wilayah_halaman_meminta_pilihan_lalu_mengingatnya(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("profil").run())
    assert at.title[0].value == "Profil Wilayah"
    assert any("Pilih kab/kota di atas" in i.value for i in at.info)
    assert "Kota Pekalongan" not in _semua_teks(at)
    at.selectbox(key="wilayah").set_value("33.25").run()
    assert at.title[0].value.startswith("Profil Kabupaten Batang")
    assert at.session_state[widgets.K_WILAYAH_TERAKHIR] == "33.25"
    at.switch_page("halaman/gugus_tugas.py").run()  # the next page starts at the region chosen
    periksa_tanpa_galat(at)
    assert at.title[0].value == "Gugus Tugas KLA Kabupaten Batang"


def test_perbandingan_dan_indikator_tanpa_wilayah_bawaan(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("perbandingan").run())
    assert at.multiselect(key="perbandingan_wilayah").value == []
    assert any("Pilih minimal satu" in i.value for i in at.info)
    at = periksa_tanpa_galat(buka_halaman("indikator").run())
    assert any("Pilih kab/kota di atas untuk melihat tren" in i.value for i in at.info)
    assert "Kota Pekalongan" not in _semua_teks(at)


def test_editor_mulai_di_wilayahnya(db_editor: Path):
    sesi = {masuk.KUNCI_SESI: {"nama": "budi.smg", "aktif": time.time()}}
    at = periksa_tanpa_galat(buka_halaman("profil", sesi=sesi).run())
    assert at.title[0].value == "Profil Kota Semarang — evaluasi 2025"
    at = periksa_tanpa_galat(buka_halaman("perbandingan", sesi=sesi).run())
    assert at.multiselect(key="perbandingan_wilayah").value[0] == "33.74"


def test_bahasa_sesi_dipakai_navigasi_dan_halaman_tanpa_lang(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("peta", sesi={widgets.K_BAHASA: "en"}).run())
    assert at.title[0].value.startswith("Official predikat")
    assert at.query_params["lang"] == "en"  # written back for reloads and shared links
