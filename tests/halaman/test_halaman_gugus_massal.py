"""AppTest of editing many Gugus Tugas items at once (issue #16 item 10): the table editor saves its
changed rows in one transaction and the item picker then shows the saved status; a row changed by
someone else since the table was loaded refuses the whole save, naming the item; an uploaded XLSX
checklist is previewed and applied all or nothing. Item 4: the snapshot (what-if) inputs read numbers
the Indonesian way."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Dataframe, FileUploader

from indicators.akun import pengguna
from indicators.gugus import layanan, simpan as gugus_simpan, xlsx
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan
from tests.conftest import sha_berkas
from tests.halaman_util import buka_halaman, periksa_tanpa_galat
from ui import masuk


@pytest.fixture
def db_halaman(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test's private copy of the database with one editor of Kota Pekalongan."""
    pengguna.tambah_pengguna(pengguna.path_akun(db), "ana.pkl", "editor", ["33.75"], "sandi-rahasia-1")
    monkeypatch.setenv("KLA_DB", str(db))
    st.cache_data.clear()
    yield db
    st.cache_data.clear()


def _buka() -> AppTest:
    sesi = {masuk.KUNCI_SESI: {"nama": "ana.pkl", "aktif": time.time()}}
    return periksa_tanpa_galat(buka_halaman("gugus_tugas", sesi=sesi, wilayah="33.75").run())


def _sunting(at: AppTest, baris: dict[int, dict[str, object]]) -> AppTest:
    """Type into the table editor (its edit state, as the browser sends it) and rerun."""
    kunci = f"gt_massal_33.75_{at.session_state['gt_massal_generasi']}"
    at.session_state[kunci] = {"edited_rows": baris, "added_rows": [], "deleted_rows": []}
    return periksa_tanpa_galat(at.run())


def _tabel(at: AppTest) -> Dataframe:
    return next(d for d in at.dataframe if d.key is not None and d.key.startswith("gt_massal_33.75_"))


def test_tabel_menyimpan_banyak_butir_dalam_satu_simpan_dan_pemilih_ikut(db_halaman: Path):
    path = gugus_simpan.path_gugus(db_halaman)
    at = _buka()
    assert at.button(key="gt_massal_simpan").disabled  # nothing to save yet
    kunci = list(_tabel(at).value["kunci"][:3])
    assert str(at.selectbox(key="gt_pilih_butir").value) == kunci[0]  # the picker shows the first row's item
    at = _sunting(at, {0: {"status": "lengkap"}, 1: {"status": "dalam proses"}, 2: {"catatan": "draf di Bagian Hukum"}})
    assert any("3 baris diubah, belum disimpan" in c.value for c in at.caption)
    at.button(key="gt_massal_simpan").click().run()
    periksa_tanpa_galat(at)
    assert any("3 perubahan tersimpan" in s.value for s in at.success)
    simpanan = gugus_simpan.baca_butir(path, "33.75").set_index("butir")
    butir = [k.split("/")[1] for k in kunci]
    assert list(simpanan.loc[butir, "status"]) == ["lengkap", "dalam_proses", "belum"]
    assert simpanan.loc[butir[2], "catatan"] == "draf di Bagian Hukum"
    assert len(gugus_simpan.baca_log(path, "33.75")) == 3
    # The picker is sent its item again, so the browser shows the saved status, not the old one.
    pemilih = at.selectbox(key="gt_pilih_butir")
    assert pemilih.proto.set_value
    assert pemilih.proto.raw_value.endswith("[lengkap]")
    assert at.button(key="gt_massal_simpan").disabled  # a fresh table on the saved versions


def test_baris_basi_ditolak_semua_dengan_nama_butir(db_halaman: Path):
    path = gugus_simpan.path_gugus(db_halaman)
    at = _buka()
    kunci = list(_tabel(at).value["kunci"][:2])
    at = _sunting(at, {0: {"catatan": "menunggu tanda tangan"}, 1: {"status": "lengkap"}})
    indikator, butir = kunci[0].split("/")
    budi = pengguna.Pengguna("budi.pkl", "editor", ("33.75",))
    gugus_simpan.simpan_butir(
        path, budi, "33.75", [gugus_simpan.UbahButir(indikator, butir, "lengkap")], data_dukung_bawaan()
    )
    sebelum = sha_berkas(path)
    at.button(key="gt_massal_simpan").click().run()
    periksa_tanpa_galat(at, galat=1)
    pesan = at.error[0].value
    assert pesan.startswith("Tidak disimpan:")
    assert kunci[0] in pesan
    assert "budi.pkl" in pesan
    assert "Buang perubahan tabel dan muat ulang" in pesan
    assert sha_berkas(path) == sebelum  # row 2 was not written either
    assert any("2 baris diubah" in c.value for c in at.caption)  # the edits are kept


def test_unggah_xlsx_pratinjau_lalu_terapkan(db_halaman: Path):
    path = gugus_simpan.path_gugus(db_halaman)
    at = _buka()
    kat, dd = katalog_bawaan(), data_dukung_bawaan()
    rk = layanan.ruang_kerja(db_halaman, kat, dd, "33.75", dt.date.today())  # the file the download button makes
    berkas = xlsx.tulis_xlsx(
        rk.butir,
        rk.opd,
        kode_wilayah="33.75",
        nama_wilayah="Kota Pekalongan",
        dibuat=rk.hari_ini,
        nama_indikator={i.id: i.label.teks for i in kat.skema["KLA24"].indikator},
        catatan_acuan="",
        sintetis=True,
    )
    wb = load_workbook(io.BytesIO(berkas))
    ws = wb.worksheets[0]
    baris = [r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=6).value == "belum"][:2]
    for r in baris:
        ws.cell(row=r, column=6).value = "lengkap"
    keluar = io.BytesIO()
    wb.save(keluar)
    unggah = next(
        u for u in at.get("file_uploader") if isinstance(u, FileUploader) and str(u.key).startswith("gt_unggah_")
    )
    unggah.set_value(("checklist.xlsx", keluar.getvalue(), "application/octet-stream"))
    at.run()
    periksa_tanpa_galat(at)
    assert any("2 butir akan berubah" in i.value for i in at.info)
    assert not path.exists()  # the preview wrote nothing
    next(b for b in at.button if str(b.key).startswith("gt_unggah_terapkan_")).click().run()
    periksa_tanpa_galat(at)
    assert any("2 perubahan tersimpan" in s.value for s in at.success)
    log = gugus_simpan.baca_log(path, "33.75")
    assert set(log["asal"]) == {"impor checklist.xlsx"}
    assert len(log) == 2


def test_snapshot_dibaca_dengan_angka_indonesia_dan_angka_salah_menyebut_indikator(db_halaman: Path):
    """Item 4: the what-if snapshot inputs show and read 50,57 (Babel), never 50.57."""
    path = gugus_simpan.path_gugus(db_halaman)
    at = _buka()
    isian = at.text_input(key="gt_snap_KLA24-01")
    assert re.fullmatch(r"\d+,\d\d", str(isian.value))  # prefilled the Indonesian way
    isian.set_value("50.57")
    at.button(key="FormSubmitter:gt_form_snapshot-Simpan snapshot").click().run()
    periksa_tanpa_galat(at, galat=1)
    assert at.error[0].value.startswith("Snapshot tidak disimpan: indikator KLA24-01: '50.57' bukan angka yang sah")
    assert not path.exists()
    at.text_input(key="gt_snap_KLA24-01").set_value("50,57")
    at.button(key="FormSubmitter:gt_form_snapshot-Simpan snapshot").click().run()
    periksa_tanpa_galat(at)
    snapshot = gugus_simpan.baca_snapshot(path, "33.75").set_index("indikator")
    assert snapshot.loc["KLA24-01", "nilai"] == 50.57
