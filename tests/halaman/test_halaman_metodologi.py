"""The Data & Metodologi page under AppTest on the built default database."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from indicators.analisis import layanan
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import PROYEK
from tests.halaman_util import buka_halaman, periksa_tanpa_galat

KATALOG = katalog_bawaan()


def _edit(at: AppTest, kunci: str, baris: dict[int, dict[str, float | None]]) -> AppTest:
    """Seed a data editor's edits (row position → column → value) and rerun."""
    at.session_state[kunci] = {"edited_rows": baris, "added_rows": [], "deleted_rows": []}
    return at.run()


def _tabel(at: AppTest, kolom: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if kolom in d.value.columns)


def _jumlah(at: AppTest) -> dict[str, tuple[int, int]]:
    tabel = _tabel(at, "Bagaimana jika")
    return {
        p: (int(a), int(b)) for p, a, b in zip(tabel["Predikat"], tabel["Bawaan"], tabel["Bagaimana jika"], strict=True)
    }


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_bawaan_sumber_atribusi_dan_cakupan(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("metodologi").run())
    assert at.title[0].value == "Data & Metodologi"
    assert [h.value for h in at.header] == [
        "Sumber data, keyakinan dan lisensi",
        "Cakupan dan tahun data",
        "Metode penilaian",
        "Asumsi yang dapat diubah (bagaimana jika)",
    ]
    with store.buka(app_db) as con:
        banyak = con.execute("SELECT count(*) FROM sumber").fetchone()
    assert banyak is not None
    sumber = _tabel(at, "Sitasi")
    assert len(sumber) == banyak[0]
    assert list(sumber.columns) == ["Jenis", "Sitasi", "Tautan", "Lisensi", "Keyakinan", "Sintetis", "Dipakai untuk"]
    batas = sumber[sumber["Jenis"] == "batas wilayah"].iloc[0]
    assert batas["Lisensi"] == "MIT"
    assert sumber[sumber["Jenis"] == "data contoh sintetis"].iloc[0]["Sintetis"] == "Ya"
    teks = _markdown(at)
    # The boundaries' suggested attribution line, verbatim (Markdown-escaped), and its MIT licence.
    assert (
        "> Batas wilayah: cahyadsn/wilayah\\_boundaries (MIT). Kode & nama wilayah: Kepmendagri No. "
        "300.2.2-2138/2025 via cahyadsn/wilayah (MIT). Luas: BIG (2024). Kode BPS: BPS, sig.bps.go.id "
        "bridging kode (2020)."
    ) in teks
    assert "Lisensi: **MIT** (Copyright (c) 2024 Cahya DSN" in teks
    assert any(c.value.startswith("MIT License") for c in at.code)
    # Vintages: predikat per cycle, statistics, codes, what is synthetic and what is unverified.
    semua = _tabel(at, "Kab/kota dengan hasil tercatat")
    assert semua["Provinsi"].iloc[0] == "Jawa Tengah"  # the core province first, then national releases
    assert "Jawa Timur" in set(semua["Provinsi"])
    predikat = semua[semua["Provinsi"] == "Jawa Tengah"].set_index("Tahun evaluasi")
    assert list(predikat.index) == ["2017", "2018", "2019", "2021", "2022", "2023", "2025"]
    assert predikat.loc["2025", "Kab/kota dengan hasil tercatat"] == "35 / 35"
    assert predikat.loc["2021", "Lengkap"] == "Ya"
    assert predikat.loc["2023", "Lengkap"] == "–"
    assert predikat.loc["2019", "Tidak berpredikat"] == "3"
    assert predikat.loc["2019", "Kab/kota dengan hasil tercatat"] == "23 / 35"  # Pemalang 2019 from a later statement
    statistik = _tabel(at, "Keyakinan terendah").set_index("Statistik")
    assert statistik.loc["Korban kekerasan anak 0–18 tahun (belum terverifikasi)", "Status"] == "BELUM terverifikasi"
    assert str(statistik.loc["Prevalensi stunting (SSGI)", "Tahun data"]).startswith("2021, 2022")
    assert "Kepmendagri No. 300.2.2-2138/2025" in teks
    assert any("Skor per indikator semua 35 kab/kota Jawa Tengah" in w.value for w in at.warning)
    sintetis = _tabel(at, "Indikator").set_index("Tahun evaluasi")
    assert sintetis.loc["2017", "Skema"] == "KLA31"
    assert sintetis.loc["2017", "Indikator"] == "31"
    assert sintetis.loc["2025", "Tahap"] == "Evaluasi mandiri, Verifikasi provinsi, Final"
    assert set(sintetis["Sintetis"]) == {"Ya"}
    assert "`korban_kekerasan_anak_0_18`" in teks
    assert "tahun 2023, 2024" in teks


def test_metode_penilaian(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("metodologi").run())
    teks = _markdown(at)
    assert "jumlah subtotal kelompok" in teks
    assert "**1.000**" in teks
    kelompok = _tabel(at, "KLA31").set_index("Kelompok")
    assert kelompok.loc["Total", "KLA24"] == "1.000"
    assert kelompok.loc["Kelembagaan", "KLA24"] == "200"
    pita = _tabel(at, "Batas untuk total pecahan").set_index("Predikat")
    assert pita.loc["Pratama", "Batas untuk total pecahan"] == "≥ 500 dan ≤ 600"
    assert pita.loc["Madya", "Batas untuk total pecahan"] == "> 600 dan ≤ 700"
    assert pita.loc["Madya", "Rentang di sumber (bilangan bulat)"] == "601–700"
    assert "**0,01** poin (resolusi skor)" in teks
    assert any("Catatan katalog: Rentang resmi" in c.value for c in at.caption)
    assert any("tidak disimpan" in i.value for i in at.info)


def test_what_if_bawaan_sama_dengan_predikat_hitung(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("metodologi").run())
    editor = at.data_editor
    assert [e.key for e in editor] == ["met_maks_KLA24", "met_pita"]
    assert len(editor[0].value) == 24
    assert editor[0].value["maks_bawaan"].sum() == 1000
    skor = layanan.tabel_skor(app_db, KATALOG, tahun=2025)
    hitung = skor["predikat_hitung"].value_counts()
    assert {p: b for p, (b, _) in _jumlah(at).items()} == {
        "KLA": 0,
        "Utama": int(hitung.get("Utama", 0)),
        "Nindya": int(hitung.get("Nindya", 0)),
        "Madya": int(hitung.get("Madya", 0)),
        "Pratama": int(hitung.get("Pratama", 0)),
        "Tidak berpredikat": int(skor["predikat_hitung"].isna().sum()),
    }
    assert all(a == b for a, b in _jumlah(at).values())
    assert at.metric[0].value == "0"
    assert any(s.value.startswith("Efeknya pada predikat hitung Jawa Tengah, evaluasi 2025") for s in at.subheader)


def test_maks_jumlah_salah_memberi_pesan(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("metodologi").run())
    at = _edit(at, "met_maks_KLA24", {0: {"maks": 90.0}})
    periksa_tanpa_galat(at, galat=1)
    assert [e.value for e in at.error] == [
        "- Jumlah nilai maksimum harus tepat 1.000, sekarang 1.020 (selisih 20). Ubah nilai indikator lain "
        "sampai jumlahnya 1.000."
    ]
    assert any(c.value == "Jumlah nilai maksimum: 1.020 dari 1.000." for c in at.caption)
    # No effect is shown for an invalid edit.
    assert not any(s.value.startswith("Efeknya") for s in at.subheader)


def test_maks_nol_dan_bahasa_inggris(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("metodologi", lang="en").run())
    at = _edit(at, "met_maks_KLA24", {0: {"maks": 0.0}})
    periksa_tanpa_galat(at, galat=1)
    pesan = at.error[0].value
    assert "The maximum of KLA24-01 must be greater than 0 (now 0)." in pesan
    assert "The maxima must sum to exactly 1,000; they now sum to 930 (difference -70)." in pesan


def test_maks_sah_mengubah_jumlah_predikat(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("metodologi").run())
    at = _edit(at, "met_maks_KLA24", {0: {"maks": 120.0}, 1: {"maks": 30.0}})
    periksa_tanpa_galat(at)
    jumlah = _jumlah(at)
    assert jumlah["Utama"][1] == jumlah["Utama"][0] + 1
    assert jumlah["Nindya"][1] == jumlah["Nindya"][0] - 1
    assert sum(b for _, b in jumlah.values()) == 35
    assert at.metric[0].value == "1"
    berubah = _tabel(at, "Total bagaimana jika")
    assert len(berubah) == 1
    assert berubah.iloc[0]["Predikat hitung"] == "Nindya → Utama"
    selisih = _tabel(at, "Bagaimana jika").set_index("Predikat")["Selisih"]
    assert selisih["Utama"] == "+1"
    assert selisih["Nindya"] == "-1"


def test_batas_pita_diubah(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("metodologi").run())
    at = _edit(at, "met_pita", {1: {"bawah": 450.0}})
    periksa_tanpa_galat(at, galat=1)
    assert [e.value for e in at.error] == [
        "- Batas bawah Madya (450) harus lebih besar dari batas bawah Pratama (500)."
    ]
    at = _edit(at, "met_pita", {1: {"bawah": 650.0}})
    periksa_tanpa_galat(at)
    assert any("Pratama ≥ 500 dan ≤ 650 · Madya > 650 dan ≤ 700" in c.value for c in at.caption)
    jumlah = _jumlah(at)
    assert jumlah["Madya"][1] < jumlah["Madya"][0]
    assert jumlah["Pratama"][1] - jumlah["Pratama"][0] == jumlah["Madya"][0] - jumlah["Madya"][1]


def test_skema_kla31(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("metodologi").run())
    at.selectbox(key="met_skema").set_value("KLA31").run()
    periksa_tanpa_galat(at)
    assert at.query_params["skema"] == "KLA31"
    assert at.query_params["tahun"] == "2017"
    assert at.selectbox(key="met_tahun_KLA31").options == ["2017"]
    editor = at.data_editor[0]
    assert editor.key == "met_maks_KLA31"
    assert len(editor.value) == 31
    assert sum(a for a, _ in _jumlah(at).values()) == 35


def test_sumber_impor_pengguna_berlabel(db: Path, monkeypatch):
    """After an official's import, the page lists the import as a source (it used to crash here)."""
    import streamlit as st

    from indicators.impor import terapkan as impor

    berkas = PROYEK / "tests" / "data" / "impor" / "baik" / "predikat_baik.csv"
    hasil = impor.periksa_berkas(berkas.read_bytes(), berkas.name, KATALOG, impor.muat_wilayah(db))
    impor.terapkan(db, hasil, KATALOG, pengguna="uji")
    monkeypatch.setenv("KLA_DB", str(db))
    st.cache_data.clear()
    for bahasa, label in (("id", "impor data oleh pengguna"), ("en", "imported by users")):
        at = buka_halaman("metodologi", lang="en") if bahasa == "en" else buka_halaman("metodologi")
        periksa_tanpa_galat(at.run())
        assert any(label in m.value for m in at.markdown), bahasa
    st.cache_data.clear()


def test_konflik_sumber_dan_aturan_pilih(app_db: Path):
    """National 2022 Pratama: 121 (Lampung's provincial release) is shown, 122 (news) listed beside it."""
    at = periksa_tanpa_galat(buka_halaman("metodologi").run())
    assert any("Angka rekap yang berbeda antarsumber" in s.value for s in at.subheader)
    assert any("keyakinan tertinggi dahulu" in m.value for m in at.markdown)
    konflik = _tabel(at, "Angka lain")
    nasional = konflik["Cakupan"].str.startswith("Indonesia")
    baris = konflik[nasional & (konflik["Tahun evaluasi"] == "2022") & (konflik["Predikat"] == "Pratama")].iloc[0]
    assert (baris["Angka dipakai"], baris["Angka lain"]) == ("121", "122")
    assert "lampungprov.go.id" in baris["Sumber angka dipakai"]
    assert "jowonews" in baris["Sumber angka lain"]
    en = periksa_tanpa_galat(buka_halaman("metodologi", lang="en").run())
    assert "Other value" in _tabel(en, "Other value").columns
