"""AppTest of the Pembinaan page: read-only for anyone (both languages), notes and dates written by a
provincial editor and refused to a kab/kota editor, filters, the files behind the download buttons, and
the evaluation countdown on the Gugus Tugas page."""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pypdf
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators.akun import pengguna
from indicators.gugus import kalender as kal, pembinaan as pb, simpan
from tests.halaman_util import buka_halaman, periksa_tanpa_galat
from ui import masuk


@pytest.fixture
def db_halaman(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test's private database with a provincial editor (33) and a kab/kota editor (33.75)."""
    path = pengguna.path_akun(db)
    pengguna.tambah_pengguna(path, "jateng", "editor", ["33"], "sandi-provinsi-1")
    pengguna.tambah_pengguna(path, "ana.pkl", "editor", ["33.75"], "sandi-rahasia-1")
    monkeypatch.setenv("KLA_DB", str(db))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield db
    st.cache_data.clear()
    st.cache_resource.clear()


def _buka(nama: str | None = None, **param: str) -> AppTest:
    sesi = {masuk.KUNCI_SESI: {"nama": nama, "aktif": time.time()}} if nama else None
    at = buka_halaman("pembinaan", sesi=sesi)
    for kunci, nilai in param.items():
        at.query_params[kunci] = nilai
    return periksa_tanpa_galat(at.run())


def _teks(at: AppTest) -> str:
    return " ".join(str(e.value) for e in [*at.info, *at.caption, *at.success, *at.warning, *at.markdown])


def test_tampilan_baca_saja_bahasa_indonesia(db_halaman: Path):
    at = _buka()
    assert at.title[0].value == "Pembinaan & pengawasan KLA: Jawa Tengah"
    assert any("Mode baca saja" in i.value for i in at.info)
    assert any("KLA 2026" in i.value for i in at.info)  # the countdown
    metrik = {m.label: m.value for m in at.metric}
    assert metrik["Kab/kota"] == "35"
    assert metrik["Kesiapan terpantau"] == "0 dari 35"
    tabel = at.dataframe[0].value
    assert len(tabel) == 35
    assert set(tabel["Kesiapan checklist"]) == {"tidak diketahui"}  # nobody recorded anything: unknown, not 0 %
    # The flags rest on real data: the official predikat fell for Wonosobo (Madya 2022 → Pratama 2025) and
    # Surakarta (Utama 2023 → Nindya 2025) only (tests/db/test_pembinaan.py); no synthetic "total fell".
    risiko = dict(zip(tabel["Kab/Kota"], tabel["Tanda risiko"], strict=True))
    assert [n for n, r in risiko.items() if "predikat resmi turun (data nyata)" in r] == [
        "Kabupaten Wonosobo",
        "Kota Surakarta",
    ]
    assert not any("total turun" in r for r in risiko.values())
    perubahan = tabel["Perubahan total sejak siklus lalu (sintetis)"]
    assert all(str(v).endswith("; sintetis)") for v in perubahan)  # still shown, labelled synthetic
    assert "Perubahan total dari total sintetis tetap ditampilkan dengan label sintetis" in " ".join(
        w.value for w in at.warning
    )
    assert "perubahan total dari dua total nyata (bukan sintetis) 0 dari 35" in _teks(at)
    assert '"total turun" hanya bila kedua total final nyata, bukan sintetis' in _teks(at)
    assert "Cakupan: 35 kab/kota" in _teks(at)
    assert [getattr(b, "label", None) for b in at.get("download_button")] == [
        "Unduh XLSX (satu sheet per kab/kota)",
        "Unduh laporan pembinaan (PDF)",
    ]
    assert not [b for b in at.button if b.key == "pb_tambah_simpan"]  # no form for a visitor
    assert not simpan.path_gugus(db_halaman).exists()  # viewing writes nothing


def test_tampilan_bahasa_inggris(db_halaman: Path):
    at = _buka(lang="en")
    assert at.title[0].value == "KLA supervision: Jawa Tengah"
    assert any("Read-only" in i.value for i in at.info)
    assert {m.label for m in at.metric} >= {"Regencies/cities", "Open notes"}
    assert set(at.dataframe[0].value["Checklist readiness"]) == {"unknown"}
    tabel = at.dataframe[0].value.set_index("Regency/city")
    assert tabel.loc["Kota Surakarta", "Official predikat: previous recorded → latest cycle"] == (
        "Utama (2023) → Nindya (2025)"
    )
    assert tabel.loc["Kota Surakarta", "Risk flags"] == "official predikat fell (real data); readiness not monitored"
    assert "change in total between two real (not synthetic) totals 0 of 35" in _teks(at)


def test_editor_provinsi_menambah_dan_mengubah_catatan(db_halaman: Path):
    path = simpan.path_gugus(db_halaman)
    at = _buka("jateng")
    assert "jateng" in _teks(at)
    at.selectbox(key="pb_tambah_wilayah").set_value("33.75")
    at.text_area(key="pb_tambah_temuan").set_value("SK Gugus Tugas kedaluwarsa sejak Juni")
    at.text_input(key="pb_tambah_pj").set_value("DP3A Kota Pekalongan")
    at.button(key="pb_tambah_simpan").click().run()
    periksa_tanpa_galat(at)
    assert [s.value for s in at.success] == ["Catatan pembinaan #1 untuk Kota Pekalongan tersimpan."]
    catatan = pb.baca_catatan(path, "33", dt.date.today())
    assert (catatan.iloc[0]["kode_wilayah"], catatan.iloc[0]["temuan"]) == (
        "33.75",
        "SK Gugus Tugas kedaluwarsa sejak Juni",
    )
    assert {m.label: m.value for m in at.metric}["Catatan terbuka"] == "1"
    assert "SK Gugus Tugas kedaluwarsa sejak Juni" in set(at.dataframe[1].value["Temuan"])
    # The change form shows the note as stored; a status change is one logged change.
    at.selectbox(key="pb_ubah_1_1_status").set_value("selesai")
    at.button(key="pb_ubah_simpan").click().run()
    periksa_tanpa_galat(at)
    assert [s.value for s in at.success] == ["1 perubahan tersimpan."]
    assert pb.baca_catatan(path, "33", dt.date.today()).iloc[0]["status"] == "selesai"
    log = simpan.baca_log(path, "33.75")
    assert ("status", "terbuka", "selesai") in set(zip(log["kolom"], log["nilai_lama"], log["nilai_baru"], strict=True))
    assert {m.label: m.value for m in at.metric}["Catatan terbuka"] == "0"


def test_editor_provinsi_berbahasa_inggris(db_halaman: Path):
    at = _buka("jateng", lang="en")
    assert any("you can write supervision notes" in c.value for c in at.caption)
    at.selectbox(key="pb_tambah_wilayah").set_value("33.26")
    at.text_area(key="pb_tambah_temuan").set_value("RAD KLA not yet adopted")
    at.button(key="pb_tambah_simpan").click().run()
    periksa_tanpa_galat(at)
    assert [s.value for s in at.success] == ["Supervision note #1 for Kabupaten Pekalongan saved."]
    assert {m.label: m.value for m in at.metric}["Open notes"] == "1"
    # The form is emptied after a save: a second click cannot add the same note twice.
    assert at.text_area(key="pb_tambah_temuan").value == ""
    at.button(key="pb_tambah_simpan").click().run()
    periksa_tanpa_galat(at, galat=1)
    assert "the finding is empty" in at.error[0].value
    assert len(pb.baca_catatan(simpan.path_gugus(db_halaman), "33", dt.date.today())) == 1


def test_temuan_kosong_ditolak_dengan_pesan_dan_isian_tetap(db_halaman: Path):
    at = _buka("jateng")
    at.text_input(key="pb_tambah_pj").set_value("Bappeda")
    at.button(key="pb_tambah_simpan").click().run()
    periksa_tanpa_galat(at, galat=1)
    assert at.error[0].value.replace("\\", "") == (
        "Catatan pembinaan tidak disimpan: temuan kosong; tuliskan apa yang ditemukan. Isian Anda tetap di formulir."
    )
    assert at.text_input(key="pb_tambah_pj").value == "Bappeda"
    assert not simpan.path_gugus(db_halaman).exists()


def test_editor_kabkota_hanya_membaca(db_halaman: Path):
    at = _buka("ana.pkl")
    assert any("bukan editor provinsi Jawa Tengah" in w.value for w in at.warning)
    assert not [b for b in at.button if b.key in ("pb_tambah_simpan", "pb_kal_simpan")]
    # Another province: the provincial editor of 33 reads 34 only.
    at = _buka("jateng", provinsi="34")
    assert at.title[0].value == "Pembinaan & pengawasan KLA: Daerah Istimewa Yogyakarta"
    assert any("bukan editor provinsi" in w.value for w in at.warning)


def test_editor_provinsi_mencatat_tanggal_evaluasi(db_halaman: Path):
    at = _buka("jateng")
    at.selectbox(key="pb_kal_siklus").set_value(2026)
    at.selectbox(key="pb_kal_tahap").set_value("verifikasi_provinsi")
    at.checkbox(key="pb_kal_tanpa_selesai").check()
    at.text_input(key="pb_kal_sumber").set_value("Surat DP3AP2KB Jateng 400.2/123")
    at.button(key="pb_kal_simpan").click().run()
    periksa_tanpa_galat(at)
    assert [s.value for s in at.success] == ["3 perubahan tersimpan."]  # start, precision, source
    tersimpan = kal.baca_kalender_provinsi(simpan.path_gugus(db_halaman), "33")
    assert (tersimpan.iloc[0]["tahap"], tersimpan.iloc[0]["sumber"]) == (
        "verifikasi_provinsi",
        "Surat DP3AP2KB Jateng 400.2/123",
    )
    assert any("editor provinsi" in set(df.value.get("Asal", [])) for df in at.dataframe)


def test_saringan_dan_urutan(db_halaman: Path):
    at = _buka()
    at.multiselect(key="pb_filter_bendera").set_value(["kesiapan_rendah"]).run()
    periksa_tanpa_galat(at)
    assert any(i.value == "Tidak ada kab/kota yang cocok dengan saringan ini." for i in at.info)
    at.multiselect(key="pb_filter_bendera").set_value(["predikat_turun"]).run()
    assert list(at.dataframe[0].value["Kode"]) == ["33.07", "33.72"]
    at.multiselect(key="pb_filter_bendera").set_value(["turun"]).run()
    assert any(i.value == "Tidak ada kab/kota yang cocok dengan saringan ini." for i in at.info)
    at.multiselect(key="pb_filter_bendera").set_value([]).run()
    risiko = list(at.dataframe[0].value["Kode"])
    # Sorting by the change in total: every change is synthetic, so unknown, and the risk order stays.
    at.selectbox(key="pb_urut").set_value("perubahan").run()
    assert list(at.dataframe[0].value["Kode"]) == risiko
    # Sorting by the official predikat change: the two falls (−1 each, then risk order) first.
    at.selectbox(key="pb_urut").set_value("predikat").run()
    assert list(at.dataframe[0].value["Kode"])[:2] == ["33.07", "33.72"]
    at.selectbox(key="pb_urut").set_value("nama").run()
    nama = list(at.dataframe[0].value["Kab/Kota"])
    assert nama == sorted(nama)


def test_tombol_unduh_membuat_xlsx_dan_pdf(db_halaman: Path, rekaman: dict[str, tuple[Callable[[], Any], str | None]]):
    _buka(lang="en")
    berkas = {str(nama): buat() for buat, nama in rekaman.values()}
    xlsx = next(isi for nama, isi in berkas.items() if nama.endswith("_en.xlsx"))
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert wb.sheetnames[0] == "Summary"
    assert len(wb.sheetnames) == 1 + 35 + 1
    pdf = next(isi for nama, isi in berkas.items() if nama.endswith("_en.pdf"))
    teks = " ".join(h.extract_text() for h in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "KLA supervision report" in teks


def test_hitung_mundur_di_halaman_gugus_tugas(db_halaman: Path):
    at = periksa_tanpa_galat(buka_halaman("gugus_tugas", wilayah="33.75").run())
    hitung = [i.value for i in at.info if "KLA 2026" in i.value or "KLA 2027" in i.value]
    assert len(hitung) == 1
    at = periksa_tanpa_galat(buka_halaman("gugus_tugas", wilayah="33.75", lang="en").run())
    assert any("of KLA 20" in i.value for i in at.info)
