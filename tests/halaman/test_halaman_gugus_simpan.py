"""AppTest of saving a Gugus Tugas checklist item: a full disk keeps the typed note and says what failed;
a save from a stale page is refused with the newer change and keeps the input; an unchanged save
writes nothing; control characters in a note are cleaned and said so (issue #18, items 2, 3, 15)."""

from __future__ import annotations

import datetime as dt
import errno
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import TextArea, TextInput

from indicators.akun import pengguna
from indicators.gugus import simpan as gugus_simpan
from indicators.io import store
from indicators.katalog.data_dukung import data_dukung_bawaan
from tests.conftest import sha_berkas
from tests.halaman_util import GALAT_UMUM, buka_halaman, periksa_bawaan, periksa_tanpa_galat
from ui import masuk

CATATAN = "SK Gugus Tugas menunggu tanda tangan Wali Kota; draf di Bagian Hukum"


@pytest.fixture
def db_halaman(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test's private copy of the database (the page writes the workspace beside it) with one editor."""
    pengguna.tambah_pengguna(pengguna.path_akun(db), "ana.pkl", "editor", ["33.75"], "sandi-rahasia-1")
    monkeypatch.setenv("KLA_DB", str(db))
    st.cache_data.clear()
    yield db
    st.cache_data.clear()


def _buka() -> tuple[AppTest, str]:
    """The page as ana.pkl, and the form's key suffix of the item it shows first."""
    sesi = {masuk.KUNCI_SESI: {"nama": "ana.pkl", "aktif": time.time()}}
    at = periksa_tanpa_galat(buka_halaman("gugus_tugas", sesi=sesi, wilayah="33.75").run())
    return at, str(at.selectbox(key="gt_pilih_butir").value).replace("/", "_")


def _catatan(at: AppTest, akhiran: str) -> TextArea | TextInput:
    """The note widget of the item's form (a text area; a one-line text input before notes took lines)."""
    kunci = f"gt_cat_{akhiran}"
    cocok: list[TextArea | TextInput] = [w for w in [*at.text_area, *at.text_input] if w.key == kunci]
    return cocok[0]


def _butir(akhiran: str) -> tuple[str, str]:
    indikator, _, butir = akhiran.partition("_")
    return indikator, butir


def _disk_penuh(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_disk_penuh_menyimpan_isian_dan_menyebut_galatnya(db_halaman: Path, monkeypatch: pytest.MonkeyPatch):
    at, akhiran = _buka()
    _catatan(at, akhiran).set_value(CATATAN)
    with monkeypatch.context() as m:  # the publish step of the one write path fails
        m.setattr(store, "terbitkan", _disk_penuh)
        at.button(key="gt_simpan").click().run()
    periksa_tanpa_galat(at, galat=1)
    galat = at.error[0].value
    assert galat not in GALAT_UMUM
    assert galat.startswith("Tidak disimpan: Disk penuh.")
    assert "Isian Anda tetap di formulir" in galat
    assert _catatan(at, akhiran).value == CATATAN  # the typed note is still there
    assert not gugus_simpan.path_gugus(db_halaman).exists()
    # Space freed: the same click saves it.
    at.button(key="gt_simpan").click().run()
    periksa_tanpa_galat(at)
    assert any("1 perubahan tersimpan" in s.value for s in at.success)
    assert list(gugus_simpan.baca_butir(gugus_simpan.path_gugus(db_halaman), "33.75")["catatan"]) == [CATATAN]


def test_simpan_dari_halaman_basi_ditolak_dan_isian_tetap(db_halaman: Path):
    path = gugus_simpan.path_gugus(db_halaman)
    at, akhiran = _buka()
    indikator, butir = _butir(akhiran)
    # Another editor marks the same item complete while this page is open.
    budi = pengguna.Pengguna("budi.pkl", "editor", ("33.75",))
    lengkap = gugus_simpan.UbahButir(indikator, butir, "lengkap")
    gugus_simpan.simpan_butir(path, budi, "33.75", [lengkap], data_dukung_bawaan())
    sebelum = sha_berkas(path)
    _catatan(at, akhiran).set_value(CATATAN)  # only the note; the page still shows "belum"
    at.button(key="gt_simpan").click().run()
    periksa_tanpa_galat(at, galat=1)
    galat = at.error[0].value
    assert "budi.pkl" in galat
    assert "status belum → lengkap" in galat
    assert sha_berkas(path) == sebelum  # refused: "lengkap" was not reverted
    assert at.selectbox(key=f"gt_status_{akhiran}").value == "lengkap"  # untouched field: the newer value
    assert _catatan(at, akhiran).value == CATATAN  # the input is kept
    at.button(key="gt_simpan").click().run()  # saved deliberately on the new version
    periksa_tanpa_galat(at)
    simpan = gugus_simpan.baca_butir(path, "33.75").iloc[0]
    assert (simpan["status"], simpan["catatan"], simpan["versi"]) == ("lengkap", CATATAN, 2)


def test_simpan_tanpa_perubahan_tidak_menulis_dan_kendali_dibersihkan(db_halaman: Path):
    path = gugus_simpan.path_gugus(db_halaman)
    at, akhiran = _buka()
    at.selectbox(key=f"gt_status_{akhiran}").set_value("lengkap")
    _catatan(at, akhiran).set_value("Perda 5/2024\x0bdisahkan\x07")  # pasted from Word
    at.button(key="gt_simpan").click().run()
    periksa_tanpa_galat(at)
    pesan = " ".join(s.value for s in at.success)
    assert "2 perubahan tersimpan" in pesan
    assert "1 karakter kendali dihapus dari Catatan" in pesan
    assert gugus_simpan.baca_butir(path, "33.75")["catatan"].iloc[0] == "Perda 5/2024\ndisahkan"
    assert _catatan(at, akhiran).value == "Perda 5/2024\ndisahkan"
    sebelum, mtime = sha_berkas(path), path.stat().st_mtime_ns
    jumlah_log = len(gugus_simpan.baca_log(path, "33.75"))
    at.button(key="gt_simpan").click().run()  # no due date, nothing changed
    periksa_tanpa_galat(at)
    assert any("Tidak ada yang berubah" in s.value for s in at.success)
    assert (sha_berkas(path), path.stat().st_mtime_ns) == (sebelum, mtime)
    assert len(gugus_simpan.baca_log(path, "33.75")) == jumlah_log


def test_widget_yang_digambar_ulang_dari_bawaannya_tidak_menulis_kolom_lain(db_halaman: Path):
    """Every widget of the item form has the stored value as its default (see periksa_bawaan), and a
    status change saves the status only. With the widgets' own defaults (unticked, empty, the first
    option) a status change once saved today as the due date too (e2e under load, 7 December)."""
    path = gugus_simpan.path_gugus(db_halaman)
    awal, akhiran = _buka()
    opd = awal.selectbox(key=f"gt_opd_{akhiran}").value  # the indicator's OPD pengampu owns the item
    indikator, butir = _butir(akhiran)
    budi = pengguna.Pengguna("budi.pkl", "editor", ("33.75",))
    tersimpan = gugus_simpan.UbahButir(
        indikator, butir, "dalam_proses", tenggat=dt.date(2027, 3, 31), catatan=CATATAN, referensi="SK 12/2026"
    )
    gugus_simpan.simpan_butir(path, budi, "33.75", [tersimpan], data_dukung_bawaan())
    at, _ = _buka()  # a fresh page shows the stored item
    kunci = {
        f"gt_status_{akhiran}": "dalam_proses",
        f"gt_opd_{akhiran}": opd,
        f"gt_tanpa_{akhiran}": False,
        f"gt_tenggat_{akhiran}": dt.date(2027, 3, 31),
        f"gt_ref_{akhiran}": "SK 12/2026",
        f"gt_cat_{akhiran}": CATATAN,
    }
    widget = {w.key: w for w in [*at.selectbox, *at.checkbox, *at.date_input, *at.text_input, *at.text_area]}
    assert {k: widget[k].value for k in kunci} == kunci
    assert set(periksa_bawaan(at, "gt_")) >= set(kunci)
    widget[f"gt_status_{akhiran}"].set_value("lengkap")
    at.button(key="gt_simpan").click().run()
    periksa_tanpa_galat(at)
    assert any("1 perubahan tersimpan" in s.value for s in at.success)
    log = gugus_simpan.baca_log(path, "33.75")
    assert list(log.loc[log["pengguna"] == "ana.pkl", "kolom"]) == ["status"]
    simpan = gugus_simpan.baca_butir(path, "33.75").iloc[0]
    assert (simpan["status"], pd.Timestamp(simpan["tenggat"]).date(), simpan["catatan"], simpan["referensi"]) == (
        "lengkap",
        dt.date(2027, 3, 31),
        CATATAN,
        "SK 12/2026",
    )


def test_ganti_bahasa_mengirim_label_baru_dan_simpan_tidak_mengubah(db_halaman: Path):
    """After a switch to English the status select and the item picker are sent again with their
    English labels (the browser would otherwise keep "dalam proses" and send it back, which matches
    no English option), and a save right after the switch changes nothing."""
    path = gugus_simpan.path_gugus(db_halaman)
    _, akhiran = _buka()
    indikator, butir = _butir(akhiran)
    budi = pengguna.Pengguna("budi.pkl", "editor", ("33.75",))
    gugus_simpan.simpan_butir(
        path, budi, "33.75", [gugus_simpan.UbahButir(indikator, butir, "dalam_proses")], data_dukung_bawaan()
    )
    at, _ = _buka()
    status = at.selectbox(key=f"gt_status_{akhiran}")
    assert status.proto.options[status.proto.default] == "dalam proses"
    at.button_group(key="bahasa").set_value(["en"]).run()
    periksa_tanpa_galat(at)
    for kunci, label in ((f"gt_status_{akhiran}", "in progress"), ("gt_pilih_butir", "[in progress]")):
        proto = at.selectbox(key=kunci).proto
        assert proto.set_value, kunci  # the value is sent again, with its label in English
        assert proto.raw_value.endswith(label), (kunci, proto.raw_value)
    at.button(key="gt_simpan").click().run()
    periksa_tanpa_galat(at)
    assert any("Nothing changed" in s.value for s in at.success)
    assert gugus_simpan.baca_butir(path, "33.75")["status"].iloc[0] == "dalam_proses"
