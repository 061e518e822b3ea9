"""AppTest of what the dashboard does and says when the database file is not healthy (issue #18).

Opening ``/`` while another program holds the file read-write leaves it byte-for-byte alone and says
so, with a retry; a damaged file is moved aside, the last kept version restored and the reader told;
a database error in the middle of a page is named instead of the generic "your data is safe" box.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import streamlit as st

from indicators.io import store
from indicators.teks import t
from tests.conftest import sha_berkas
from tests.db.test_basisdata_aman import dipegang_proses_lain, impor_skor, jumlah_impor
from tests.halaman_util import GALAT_UMUM, buka_halaman, periksa_tanpa_galat

AMAN = ("Data Anda aman", "Your data is safe")


@pytest.fixture
def db_app(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test's private copy of the database, with one real import; the app points at it."""
    impor_skor(db)
    monkeypatch.setenv("KLA_DB", str(db))
    st.cache_data.clear()
    yield db
    st.cache_data.clear()


def _tanpa_kata_aman(pesan: list[str]) -> None:
    for teks in pesan:
        assert not any(kata in teks for kata in AMAN), teks


def test_database_dipegang_program_lain_tidak_dibangun_ulang(db_app: Path):
    sebelum = sha_berkas(db_app)
    with dipegang_proses_lain(db_app) as proses:
        at = buka_halaman().run()
        assert not at.exception
        pesan = [e.value for e in at.error]
        assert len(pesan) == 1
        assert "sedang dibuka oleh program lain" in pesan[0]
        assert f"PID {proses.pid}" in pesan[0]
        assert "Coba lagi" in pesan[0]
        _tanpa_kata_aman(pesan)
        assert [b.label for b in at.button] == [t("bd_coba_lagi", "id")]
        assert sha_berkas(db_app) == sebelum
    assert sha_berkas(db_app) == sebelum
    assert jumlah_impor(db_app)[0] == 1  # the imported rows and their log are all still there
    at.button[0].click().run()  # the program is closed now: the retry opens the page
    periksa_tanpa_galat(at)
    assert "Jawa Tengah 2025" in at.title[0].value


def test_database_dipegang_program_lain_dalam_bahasa_inggris(db_app: Path):
    with dipegang_proses_lain(db_app):
        at = buka_halaman(lang="en").run()
    assert "is open in another program" in at.error[0].value
    assert [b.label for b in at.button] == ["Retry"]


def test_header_rusak_dipindah_versi_dipulihkan_dan_dikabarkan(db_app: Path):
    [versi] = store.versi_tersimpan(db_app)
    with open(db_app, "r+b") as berkas:
        berkas.write(b"\0" * 64)
    at = periksa_tanpa_galat(buka_halaman().run())  # the page itself works on the restored version
    assert "Jawa Tengah 2025" in at.title[0].value
    [rusak] = db_app.parent.glob("kla.duckdb.rusak-*")
    assert sha_berkas(db_app) == sha_berkas(versi)
    kabar = [w.value for w in at.warning if rusak.name in w.value]
    assert len(kabar) == 1
    assert versi.name in kabar[0]
    assert "kla.duckdb.log" in kabar[0]
    _tanpa_kata_aman(kabar)
    assert "dipulihkan (restored)" in (db_app.parent / "kla.duckdb.log").read_text(encoding="utf-8")
    at.switch_page("halaman/metodologi.py").run()  # the session keeps being told
    assert any(rusak.name in w.value for w in at.warning)


def test_galat_database_di_tengah_halaman_tidak_disebut_aman(db_app: Path, monkeypatch: pytest.MonkeyPatch):
    def rusak(*_: object, **__: object) -> None:
        raise duckdb.IOException(f'IO Error: Could not read enough bytes from file "{db_app}": attempted to read 8')

    monkeypatch.setattr(store, "kueri", rusak)  # every page query fails as on a damaged block
    at = buka_halaman().run()
    pesan = [e.value for e in at.error]
    assert pesan == [t("bd_rusak_halaman", "id", berkas="kla.duckdb")]
    assert not GALAT_UMUM.intersection(pesan)
    assert "kla db restore" in pesan[0]
    _tanpa_kata_aman(pesan)
