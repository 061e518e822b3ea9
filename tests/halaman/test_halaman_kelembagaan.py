"""AppTest of the Kelembagaan register and the custom checklist items on the Gugus Tugas page, in both
languages: read-only for everyone; the kab/kota editor submits (a bad value is refused with what was
expected); the province editor verifies or rejects with a reason and the editor sees the reason; an
editor adds a custom item and the readiness count grows."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators.akun import pengguna
from indicators.akun.pengguna import Pengguna
from indicators.gugus import kelembagaan as kl, simpan as gugus_simpan
from indicators.katalog.kelembagaan import kelembagaan_bawaan
from tests.halaman_util import buka_halaman, periksa_bawaan, periksa_tanpa_galat
from ui import masuk


@pytest.fixture
def db_halaman(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test's private database with the kab/kota editor ana.pkl (33.75) and the province editor budi.jateng (33)."""
    path = pengguna.path_akun(db)
    pengguna.tambah_pengguna(path, "ana.pkl", "editor", ["33.75"], "sandi-rahasia-1")
    pengguna.tambah_pengguna(path, "budi.jateng", "editor", ["33"], "sandi-rahasia-2")
    monkeypatch.setenv("KLA_DB", str(db))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield db
    st.cache_data.clear()
    st.cache_resource.clear()


def _buka(nama: str | None = None, lang: str | None = None) -> AppTest:
    sesi = {masuk.KUNCI_SESI: {"nama": nama, "aktif": time.time()}} if nama else None
    at = buka_halaman("gugus_tugas", sesi=sesi, wilayah="33.75")
    if lang is not None:
        at.query_params["lang"] = lang
    return periksa_tanpa_galat(at.run())


def _register(at: AppTest, judul_nilai: str) -> pd.DataFrame:
    """The register table: the dataframe with a value column of that title."""
    return next(d.value for d in at.dataframe if judul_nilai in d.value.columns)


@pytest.mark.parametrize(
    ("lang", "kolom", "belum", "judul"),
    [
        (None, ["Indikator", "Butir", "Nilai", "Verifikasi", "Alasan penolakan", "Perlu perhatian",
                "Referensi dokumen"], "belum diisi", "Register Kelembagaan (KLA24-01 … 03)"),
        ("en", ["Indicator", "Item", "Value", "Verification", "Rejection reason", "Needs attention",
                          "Document reference"], "not filled in", "Kelembagaan register (KLA24-01 … 03)"),
    ],
)  # fmt: skip
def test_anonim_membaca_register_tanpa_formulir(
    db_halaman: Path, lang: str | None, kolom: list[str], belum: str, judul: str
):
    at = _buka(lang=lang)
    assert judul in [s.value for s in at.subheader]
    tabel = _register(at, kolom[2])
    assert list(tabel.columns) == kolom
    assert len(tabel) == 20
    assert set(tabel[kolom[2]]) == {belum}
    assert set(tabel[kolom[0]]) == {"KLA24-01", "KLA24-02", "KLA24-03"}
    kunci = [w.key for w in [*at.button, *at.selectbox, *at.text_input]]
    assert not [k for k in kunci if k and k.startswith("kl_")]  # no form for a reader


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_editor_mengajukan_nilai_lalu_nilai_salah_ditolak(db_halaman: Path, bahasa: str):
    at = _buka("ana.pkl", "en" if bahasa == "en" else None)
    assert "kl_putuskan" not in [b.key for b in at.button]  # the kab/kota editor does not verify
    at.selectbox(key="kl_pilih_isian").set_value("rapat_gt_jumlah").run()
    at.text_input(key="kl_nilai_rapat_gt_jumlah").set_value("3")
    at.text_input(key="kl_ref_rapat_gt_jumlah").set_value("Notulen GT 12/2025")
    at.button(key="kl_simpan").click().run()
    periksa_tanpa_galat(at)
    sukses = (
        "Isian Kelembagaan diajukan (3 kolom berubah)."
        if bahasa == "id"
        else "Kelembagaan entry submitted (3 field(s) changed)."
    )
    assert sukses in [s.value for s in at.success]
    nilai, status, perhatian = (("Nilai", "Verifikasi", "Perlu perhatian") if bahasa == "id"
                                else ("Value", "Verification", "Needs attention"))  # fmt: skip
    tabel = _register(at, nilai).set_index("Butir" if bahasa == "id" else "Item")
    baris = tabel.loc[
        "Jumlah rapat Gugus Tugas dalam tahun itu" if bahasa == "id" else "Number of task-force meetings in that year"
    ]
    assert baris[nilai] == ("3 kali" if bahasa == "id" else "3 times")
    assert baris[status] == ("diajukan" if bahasa == "id" else "submitted")
    assert baris[perhatian] == (
        "Instrumen meminta lebih dari 4." if bahasa == "id" else "The instrument asks for more than 4."
    )
    # A percentage over 100: an error box says which item, which value and what was expected; nothing changes.
    path = gugus_simpan.path_gugus(db_halaman)
    sebelum = gugus_simpan.baca_log(path, "33.75")
    at.selectbox(key="kl_pilih_isian").set_value("kelana_persen").run()
    at.text_input(key="kl_nilai_kelana_persen").set_value("150")
    at.button(key="kl_simpan").click().run()
    periksa_tanpa_galat(at, galat=1)
    harapan = "persentase 0 sampai 100" if bahasa == "id" else "a percentage from 0 to 100"
    assert "(kelana_persen)" in at.error[0].value
    assert "150" in at.error[0].value
    assert harapan in at.error[0].value
    assert at.text_input(key="kl_nilai_kelana_persen").value == "150"  # the input stays for a fix
    assert len(gugus_simpan.baca_log(path, "33.75")) == len(sebelum)


def test_provinsi_menolak_dengan_alasan_dan_editor_melihat_alasannya(db_halaman: Path):
    path = gugus_simpan.path_gugus(db_halaman)
    kat = kelembagaan_bawaan()
    ana = Pengguna("ana.pkl", "editor", ("33.75",))
    kl.simpan_isian(path, ana, "33.75", [kl.UbahIsian("dekela_persen", "25", "SK Wali Kota 400/2025")], kat)
    at = _buka("budi.jateng", lang="en")
    assert at.selectbox(key="kl_pilih_verifikasi").value == "dekela_persen"
    at.radio(key="kl_keputusan_dekela_persen").set_value("ditolak")
    at.button(key="kl_putuskan").click().run()
    periksa_tanpa_galat(at, galat=1)  # no reason: refused
    assert "a rejection needs a reason" in at.error[0].value
    at.text_area(key="kl_alasan_dekela_persen").set_value("SK lists 9 of 47 kelurahan, not 25 %")
    at.button(key="kl_putuskan").click().run()
    periksa_tanpa_galat(at)
    assert "Decision saved (rejected; 2 field(s) changed)." in [s.value for s in at.success]
    baris = _register(at, "Value").set_index("Item").loc["Share of child-friendly villages (DEKELA)"]
    assert (baris["Verification"], baris["Rejection reason"]) == ("rejected", "SK lists 9 of 47 kelurahan, not 25 %")
    # The kab/kota editor sees the reason next to the item's form.
    at = _buka("ana.pkl")
    at.selectbox(key="kl_pilih_isian").set_value("dekela_persen").run()
    assert any("SK lists 9 of 47 kelurahan" in w.value for w in at.warning)
    riwayat = at.dataframe[-1].value
    assert "budi.jateng" in set(riwayat["Pengguna"])
    assert "ditolak" in set(riwayat["Baru"])


def test_editor_menambah_butir_tambahan_dan_kesiapan_bertambah(db_halaman: Path):
    at = _buka("ana.pkl")
    assert {m.label: m.value for m in at.metric}["Butir lengkap"] == "0 dari 64"
    at.selectbox(key="kl_tb_indikator").set_value("KLA24-02")
    at.text_input(key="kl_tb_nama").set_value("Perwal pembinaan dan pengawasan KLA")
    at.text_input(key="kl_tb_opd").set_value("Bagian Hukum Setda")
    at.button(key="kl_tb_tambah").click().run()
    periksa_tanpa_galat(at)
    assert "Butir tambahan tambahan_1 ditambahkan ke KLA24-02." in [s.value for s in at.success]
    assert {m.label: m.value for m in at.metric}["Butir lengkap"] == "0 dari 65"
    assert at.text_input(key="kl_tb_nama").value == ""  # the form is empty again
    checklist = next(d.value for d in at.dataframe if "Dasar butir" in d.value.columns)
    baris = checklist[checklist["Butir data dukung"] == "Perwal pembinaan dan pengawasan KLA"]
    assert list(baris["Dasar butir"]) == ["butir tambahan"]
    assert list(baris["OPD"]) == ["Bagian Hukum Setda"]
    # The same name again is refused, with the typed name kept.
    at.selectbox(key="kl_tb_indikator").set_value("KLA24-02")
    at.text_input(key="kl_tb_nama").set_value("perwal pembinaan dan pengawasan kla")
    at.button(key="kl_tb_tambah").click().run()
    periksa_tanpa_galat(at, galat=1)
    assert "sudah punya butir bernama" in at.error[0].value
    # Deleting it takes it out of readiness; the history keeps every step.
    at.button(key="kl_tb_hapus").click().run()
    periksa_tanpa_galat(at)
    assert {m.label: m.value for m in at.metric}["Butir lengkap"] == "0 dari 64"
    riwayat = at.dataframe[-1].value
    assert {"Nama", "OPD pemilik", "Dihapus"} <= set(riwayat["Kolom"])  # labels, not stored keys (#16 item 4)


def test_tanggal_lewat_pemilih_dan_simpan_basi_ditolak_dengan_isian_tetap(db_halaman: Path):
    at = _buka("ana.pkl")
    at.selectbox(key="kl_pilih_isian").set_value("sk_gt_tanggal").run()
    at.date_input(key="kl_nilai_sk_gt_tanggal").set_value(dt.date(2024, 3, 5))
    at.button(key="kl_simpan").click().run()
    periksa_tanpa_galat(at)
    baris = _register(at, "Nilai").set_index("Butir").loc["Tanggal penetapan SK Gugus Tugas"]
    assert (baris["Nilai"], baris["Verifikasi"]) == ("5 Maret 2024", "diajukan")
    # Another editor of the region changes the item while this form still shows version 1.
    path = gugus_simpan.path_gugus(db_halaman)
    rina = Pengguna("rina.pkl", "editor", ("33.75",))
    kl.simpan_isian(
        path, rina, "33.75", [kl.UbahIsian("sk_gt_tanggal", "2024-03-06", "SK 463/2024")], kelembagaan_bawaan()
    )
    at.date_input(key="kl_nilai_sk_gt_tanggal").set_value(dt.date(2024, 3, 7))
    at.button(key="kl_simpan").click().run()
    periksa_tanpa_galat(at, galat=1)
    assert "rina.pkl" in at.error[0].value
    assert "versi yang Anda ubah 1, kini 2" in at.error[0].value
    assert at.date_input(key="kl_nilai_sk_gt_tanggal").value == dt.date(2024, 3, 7)  # the input is kept
    assert at.text_input(key="kl_ref_sk_gt_tanggal").value == "SK 463/2024"  # the untouched field is updated
    assert kl.register_wilayah(path, "33.75").set_index("butir").loc["sk_gt_tanggal", "nilai"] == "2024-03-06"
    # Saving again, knowingly over version 2, goes through.
    at.button(key="kl_simpan").click().run()
    periksa_tanpa_galat(at)
    assert kl.register_wilayah(path, "33.75").set_index("butir").loc["sk_gt_tanggal", "nilai"] == "2024-03-07"


@pytest.mark.parametrize(
    ("butir", "nilai"),
    [("sk_gt_tanggal", "2024-03-06"), ("sk_gt_struktur", "kelembagaan; klaster_2"), ("sk_gt_nomor", "463/12/2024")],
)
def test_formulir_memakai_nilai_tersimpan_sebagai_bawaan_widget(db_halaman: Path, butir: str, nilai: str):
    """A date, a multiple choice and a text item: each widget's default is the stored value (the
    browser falls back to it when it redraws a widget whose state it dropped), not today or empty."""
    rina = Pengguna("rina.pkl", "editor", ("33.75",))
    path = gugus_simpan.path_gugus(db_halaman)
    kl.simpan_isian(path, rina, "33.75", [kl.UbahIsian(butir, nilai, "SK 463/2024")], kelembagaan_bawaan())
    at = _buka("ana.pkl")
    at.selectbox(key="kl_pilih_isian").set_value(butir).run()
    periksa_tanpa_galat(at)
    assert periksa_bawaan(at, f"kl_nilai_{butir}") + periksa_bawaan(at, f"kl_ref_{butir}") == [
        f"kl_nilai_{butir}",
        f"kl_ref_{butir}",
    ]
    assert at.text_input(key=f"kl_ref_{butir}").value == "SK 463/2024"


def test_tolak_lalu_ganti_bahasa_tetap_ditolak(db_halaman: Path):
    """A province editor chooses "ditolak", switches to English and decides: the decision is a
    rejection, and the radio is sent again with its English labels. A browser left with the
    Indonesian label sends it back at the next click, where it matches no English option; the
    Gugus Tugas status select then fell back to its default (tests/e2e/test_e2e_gugus_tugas.py).
    AppTest sends the value it was given, so the set_value check is what fails on the old radio."""
    path = gugus_simpan.path_gugus(db_halaman)
    kat = kelembagaan_bawaan()
    ana = Pengguna("ana.pkl", "editor", ("33.75",))
    kl.simpan_isian(path, ana, "33.75", [kl.UbahIsian("dekela_persen", "25", "SK Wali Kota 400/2025")], kat)
    at = _buka("budi.jateng")
    at.radio(key="kl_keputusan_dekela_persen").set_value("ditolak").run()
    at.text_area(key="kl_alasan_dekela_persen").set_value("SK lists 9 of 47 kelurahan, not 25 %")
    at.button_group(key="bahasa").set_value(["en"]).run()
    periksa_tanpa_galat(at)
    assert at.radio(key="kl_keputusan_dekela_persen").proto.set_value  # sent again, in English
    at.button(key="kl_putuskan").click().run()
    periksa_tanpa_galat(at)
    assert "Decision saved (rejected; 2 field(s) changed)." in [s.value for s in at.success]
    assert kl.register_wilayah(path, "33.75").set_index("butir").loc["dekela_persen", "status"] == "ditolak"
