"""AppTest of the login's defences (issue #18, items 4, 5, 6 and 8): the throttle survives cleared
caches and new sessions, an attacker's address cannot lock a user out, a huge name is refused
before anything stores or logs it, the log holds a fingerprint instead of the typed name, and the
uploader shows (and uploaded bytes stay) only while someone is logged in."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.testing.v1 import AppTest

from indicators.akun import batas_masuk as bm, pengguna as akun
from indicators.impor import terapkan as impor
from indicators.lokasi import PROYEK
from tests.conftest import SANDI_ANA, JamUji
from tests.halaman_util import buka_halaman, periksa_tanpa_galat

BAIK = PROYEK / "tests" / "data" / "impor" / "baik"
SALAH = "Nama pengguna atau sandi salah."
PENYERANG, KANTOR = "203.0.113.66", "198.51.100.7"


@pytest.fixture
def db_masuk(db_berakun: Path) -> Path:
    """The shared database with accounts (tests/conftest.py: db_berakun)."""
    return db_berakun


@pytest.fixture
def dibuang(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Session ids whose uploaded files the app dropped from the server's memory."""
    catatan: list[str] = []
    asli = MemoryUploadedFileManager.remove_session_files

    def _catat(self: MemoryUploadedFileManager, session_id: str) -> None:
        catatan.append(session_id)
        asli(self, session_id)

    monkeypatch.setattr(MemoryUploadedFileManager, "remove_session_files", _catat)
    return catatan


def _masuk(at: AppTest, nama: str, sandi: str) -> AppTest:
    at.text_input(key="masuk_nama").set_value(nama)  # set_value: what a crafted client can send
    at.text_input(key="masuk_sandi").set_value(sandi)
    next(b for b in at.button if b.label == "Masuk").click()
    return at.run()


def _sudah_masuk(at: AppTest) -> bool:
    return any(s.value == "1. Unduh templat" for s in at.subheader)


def test_bersihkan_cache_di_antara_percobaan_tidak_mereset_batas(db_masuk: Path, jam: JamUji):
    at = periksa_tanpa_galat(buka_halaman("unggah").run())
    for _ in range(3):
        at = periksa_tanpa_galat(_masuk(at, "ana", "bukan-sandinya"), galat=1)
        assert [e.value for e in at.error] == [SALAH]
    # What one clear_cache message from any client does; then a brand-new session.
    st.cache_resource.clear()
    st.cache_data.clear()
    baru = periksa_tanpa_galat(_masuk(periksa_tanpa_galat(buka_halaman("unggah").run()), "ana", SANDI_ANA), galat=1)
    assert [e.value for e in baru.error] == ["Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 1 detik."]
    assert not _sudah_masuk(baru)
    jam.t += 1.001
    assert _sudah_masuk(periksa_tanpa_galat(_masuk(baru, "ana", SANDI_ANA)))


def test_gagal_dari_alamat_lain_tidak_mengunci_nama(db_masuk: Path, jam: JamUji, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("ui.masuk._alamat", lambda: PENYERANG, raising=False)
    at = periksa_tanpa_galat(buka_halaman("unggah").run())
    for _ in range(6):
        jam.t += 1000  # past every delay so far: each failure counts
        at = periksa_tanpa_galat(_masuk(at, "ana", "bukan-sandinya"), galat=1)
        assert [e.value for e in at.error] == [SALAH]
    at = periksa_tanpa_galat(_masuk(at, "ana", SANDI_ANA), galat=1)  # the attacker's address waits
    assert at.error[0].value.startswith("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 8 detik")
    # Ana from her office, at once: no lock, no wait.
    monkeypatch.setattr("ui.masuk._alamat", lambda: KANTOR, raising=False)
    kantor = periksa_tanpa_galat(_masuk(periksa_tanpa_galat(buka_halaman("unggah").run()), "ana", SANDI_ANA))
    assert _sudah_masuk(kantor)


def test_nama_10mb_dipotong_sebelum_disimpan_atau_dicatat(
    db_masuk: Path, jam: JamUji, caplog: pytest.LogCaptureFixture
):
    at = periksa_tanpa_galat(buka_halaman("unggah").run())
    assert at.text_input(key="masuk_nama").max_chars == akun.NAMA_MAKS == 64
    assert at.text_input(key="masuk_sandi").max_chars == akun.SANDI_MAKS
    with caplog.at_level(logging.INFO):
        # A crafted client sends 10 MB; Streamlit cuts a widget's value at max_chars on the server,
        # so the login sees 64 characters (indicators.akun refuses anything longer by itself).
        at = periksa_tanpa_galat(_masuk(at, "n" * (10 * 1024 * 1024), "bukan-sandinya"), galat=1)
    assert [e.value for e in at.error] == [SALAH]
    teks = "\n".join(r.getMessage() for r in caplog.records)
    assert f"#{bm.sidik_nama('n' * 64)}" in teks
    assert "nnnnnnnn" not in teks
    tersimpan = bm.path_batas(akun.path_akun(db_masuk)).read_text(encoding="utf-8")
    assert len(tersimpan) < 200
    assert "nnnn" not in tersimpan


def test_log_nama_gagal_berupa_sidik(db_masuk: Path, jam: JamUji, caplog: pytest.LogCaptureFixture):
    rahasia = "Sandi-Rahasia-Ana-2025"  # a password typed into the name field by mistake
    at = periksa_tanpa_galat(buka_halaman("unggah").run())
    with caplog.at_level(logging.INFO):
        periksa_tanpa_galat(_masuk(at, rahasia, "bukan-sandinya"), galat=1)
    teks = "\n".join(r.getMessage() for r in caplog.records)
    assert rahasia not in teks
    assert rahasia.casefold() not in teks
    assert f"login gagal untuk nama #{bm.sidik_nama(rahasia)}" in teks


def test_pengunggah_tersembunyi_sebelum_masuk_dan_unggahan_anonim_dibuang(
    db_masuk: Path, dibuang: list[str], monkeypatch: pytest.MonkeyPatch
):
    at = periksa_tanpa_galat(buka_halaman("unggah").run())
    assert not at.get("file_uploader")
    assert [x.label for x in at.text_input] == ["Nama pengguna", "Sandi"]
    assert dibuang  # whatever an anonymous session sent to /_stcore/upload_file is dropped
    monkeypatch.setenv(akun.ENV_TAMPILAN_PUBLIK, "false")
    at = periksa_tanpa_galat(buka_halaman("unggah").run())
    assert not at.get("file_uploader")
    assert at.title[0].value == "Masuk"


def test_konfirmasi_impor_dan_keluar_membuang_berkas_unggahan(db_masuk: Path, dibuang: list[str]):
    sesi = {"kla_masuk": {"nama": "boss", "aktif": time.time()}}
    at = periksa_tanpa_galat(buka_halaman("unggah", sesi=sesi).run())
    data = (BAIK / "skor_baik.xlsx").read_bytes()
    at.file_uploader[0].set_value(("skor_baik.xlsx", data, "application/octet-stream"))
    at = periksa_tanpa_galat(at.run())
    assert dibuang == []  # still needed: checked and previewed, not imported yet
    next(b for b in at.button if b.label == "Konfirmasi impor").click()
    at = periksa_tanpa_galat(at.run())
    assert impor.daftar_impor(db_masuk)["berkas"].tolist() == ["skor_baik.xlsx"]
    assert dibuang  # imported: the bytes go at once, not when the session ends
    dibuang.clear()
    at.file_uploader[0].set_value(("skor_baik.xlsx", data, "application/octet-stream"))
    at = periksa_tanpa_galat(at.run())
    at.sidebar.button(key="tombol_keluar").click()
    at = periksa_tanpa_galat(at.run())
    assert dibuang  # logging out drops them too
    assert not at.get("file_uploader")
