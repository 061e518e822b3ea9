"""AppTest of the Unggah Data page and the login: form, login and logout (throttling: see
test_halaman_masuk.py), session timeout, non-public viewing; and the check → preview → confirm → rollback flow
(AppTest cannot fill a file uploader, so that flow runs the page's own parts on real bytes)."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators.akun import pengguna as akun
from indicators.impor import terapkan as impor
from indicators.io import store
from indicators.lokasi import PROYEK
from tests.conftest import SANDI_ANA, SANDI_BOSS, sha_berkas
from tests.halaman_util import buka_halaman, periksa_tanpa_galat

BAIK = PROYEK / "tests" / "data" / "impor" / "baik"


@pytest.fixture
def db_unggah(db_berakun: Path) -> Path:
    """The shared database with accounts (tests/conftest.py: db_berakun)."""
    return db_berakun


def _masuk(at: AppTest, nama: str, sandi: str) -> AppTest:
    at.text_input(key="masuk_nama").input(nama)
    at.text_input(key="masuk_sandi").input(sandi)
    next(b for b in at.button if b.label == "Masuk").click()
    return at.run()


def _teks(at: AppTest) -> str:
    bagian = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    bagian += [e.value for e in at.error] + [i.value for i in at.info] + [w.value for w in at.warning]
    bagian += [s.value for s in at.success]
    return "\n".join(str(b) for b in bagian)


def test_keluar_menampilkan_formulir_masuk(db_unggah: Path):
    at = periksa_tanpa_galat(buka_halaman("unggah").run())
    assert at.title[0].value == "Unggah data"
    assert [x.label for x in at.text_input] == ["Nama pengguna", "Sandi"]
    assert at.text_input(key="masuk_sandi").proto.type == at.text_input(key="masuk_sandi").proto.PASSWORD
    assert "Mengimpor data memerlukan akun" in _teks(at)
    assert "1. Unduh templat" not in _teks(at)
    assert not at.get("file_uploader")


def test_masuk_lalu_keluar(db_unggah: Path):
    at = periksa_tanpa_galat(buka_halaman("unggah").run())
    at = periksa_tanpa_galat(_masuk(at, "ana", SANDI_ANA))
    teks = _teks(at)
    assert "Lingkup akun Anda: 33.75 (Kota Pekalongan)" in teks
    for langkah in ("1. Unduh templat", "2. Unggah berkas", "4. Riwayat impor"):
        assert langkah in teks
    assert "Belum ada impor." in teks
    assert "Masuk sebagai **ana** (editor: 33.75)" in teks
    unduh = at.get("download_button")
    assert [d.proto.label for d in unduh] == ["Unduh templat skor indikator (.xlsx)"]
    assert "Batas: 20 MB dan 100.000 baris per berkas" in teks
    # The session keeps the name and the time, never the password; the form emptied its field.
    assert set(at.session_state["kla_masuk"]) == {"nama", "aktif"}
    assert "masuk_sandi" not in at.session_state
    next(b for b in at.button if b.label == "Keluar").click()
    periksa_tanpa_galat(at.run())
    assert "1. Unduh templat" not in _teks(at)
    assert [x.label for x in at.text_input] == ["Nama pengguna", "Sandi"]


def test_sesi_habis_setelah_30_menit_diam(db_unggah: Path, monkeypatch: pytest.MonkeyPatch):
    lama = {"nama": "ana", "aktif": time.time() - 31 * 60}
    at = periksa_tanpa_galat(buka_halaman("unggah", sesi={"kla_masuk": dict(lama)}).run())
    assert "Sesi Anda berakhir karena tidak aktif selama 30 menit" in _teks(at)
    assert "1. Unduh templat" not in _teks(at)
    monkeypatch.setenv(akun.ENV_SESI_MENIT, "60")
    at = periksa_tanpa_galat(buka_halaman("unggah", sesi={"kla_masuk": dict(lama)}).run())
    assert "1. Unduh templat" in _teks(at)
    # An account removed on the server ends its sessions at once.
    akun.hapus_pengguna(akun.path_akun(db_unggah), "ana")
    periksa_tanpa_galat(at.run())
    assert "1. Unduh templat" not in _teks(at)


def test_tampilan_tidak_publik_meminta_masuk_di_setiap_halaman(db_unggah: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(akun.ENV_TAMPILAN_PUBLIK, "false")
    at = periksa_tanpa_galat(buka_halaman().run())
    assert at.title[0].value == "Masuk"
    assert "Halaman ini hanya untuk pengguna yang masuk." in _teks(at)
    assert not at.get("plotly_chart")
    at = periksa_tanpa_galat(_masuk(at, "boss", SANDI_BOSS))
    assert at.get("plotly_chart")  # the overview page runs once logged in
    monkeypatch.setenv(akun.ENV_TAMPILAN_PUBLIK, "true")
    publik = periksa_tanpa_galat(buka_halaman().run())
    assert publik.get("plotly_chart")


def test_bahasa_inggris(db_unggah: Path):
    sesi = {"kla_masuk": {"nama": "boss", "aktif": time.time()}}
    at = periksa_tanpa_galat(buka_halaman("unggah", sesi=sesi, lang="en").run())
    teks = _teks(at)
    assert at.title[0].value == "Upload data"
    assert "Your account's scope: all regions" in teks
    assert "4. Import history" in teks


# --- the flow on real bytes ------------------------------------------------------------------


def _alur(db: object, nama_berkas: object, nama_pengguna: object) -> None:
    """The page's steps 2–4 for one file already uploaded (AppTest cannot fill the uploader)."""
    from pathlib import Path as _Path

    from indicators.akun import pengguna as _akun
    from ui import cache as _cache
    from ui.bagian import unggah as hu

    # Runs as its own script (annotations are builtins only): names are imported here.
    path = _Path(str(db))
    pengguna = _akun.cari_pengguna(_akun.path_akun(path), str(nama_pengguna))
    assert pengguna is not None
    kat = _cache.katalog()
    nama = str(nama_berkas)
    data = (path.parent / nama).read_bytes()  # copied there by _alur_app
    hasil, prat = hu._periksa(path, data, nama, None, pengguna, kat)
    hu.render_hasil(path, hasil, prat, pengguna, kat, "id")
    hu.render_riwayat(path, pengguna, "id")


def _alur_app(db: Path, nama_berkas: str, pengguna: str) -> AppTest:
    shutil.copyfile(BAIK / nama_berkas, db.parent / nama_berkas)
    return AppTest.from_function(
        _alur, default_timeout=120, kwargs={"db": db, "nama_berkas": nama_berkas, "nama_pengguna": pengguna}
    )


def test_editor_luar_lingkup_melihat_semua_masalah_tanpa_tombol(db_unggah: Path):
    sebelum = sha_berkas(db_unggah)
    at = periksa_tanpa_galat(_alur_app(db_unggah, "skor_baik.csv", "ana").run(), galat=1)
    assert at.error[0].value == "Ditemukan 3 masalah; berkas tidak diimpor. Perbaiki lalu unggah lagi."
    tabel = at.dataframe[0].value
    assert list(tabel.columns) == ["Berkas", "Sheet", "Baris", "Kolom", "Sel", "Nilai", "Masalah", "Harapan"]
    assert tabel["Baris"].tolist() == ["5", "6", "7"]
    assert set(tabel["Kolom"]) == {"kode_wilayah"}
    assert tabel["Nilai"].iloc[0] == "33.26 Kabupaten Pekalongan"
    assert tabel["Harapan"].iloc[0] == "hanya wilayah dalam lingkup akun: 33.75 (Kota Pekalongan)"
    assert not [b for b in at.button if b.label == "Konfirmasi impor"]
    assert sha_berkas(db_unggah) == sebelum


def test_pratinjau_konfirmasi_riwayat_dan_pembatalan(db_unggah: Path):
    sebelum = store.kueri(db_unggah, "impor_bawa_skor_indikator")
    skor_lama = store.kueri(db_unggah, "skor_indikator", {"tahun": 2025, "tahap": "final"})
    sha_lama = sha_berkas(db_unggah)
    at = periksa_tanpa_galat(_alur_app(db_unggah, "skor_baik.xlsx", "boss").run())
    metrik = {m.label: m.value for m in at.metric}
    assert metrik == {"Baris baru": "0", "Berubah": "6", "Sama": "0", "Skor sintetis diganti": "66"}
    baris = at.dataframe[0].value
    assert baris["Nilai baru"].tolist()[:3] == ["60,50", "71,00", "45,25"]
    assert all(v.endswith("(sintetis)") for v in baris["Nilai lama"])
    dampak = at.dataframe[1].value
    assert "Total sesudah" in dampak.columns
    assert "Predikat hitung sesudah" in dampak.columns
    assert sha_berkas(db_unggah) == sha_lama  # nothing written before the confirmation
    next(b for b in at.button if b.label == "Konfirmasi impor").click()
    periksa_tanpa_galat(at.run())
    log = impor.daftar_impor(db_unggah)
    assert log[["impor_id", "pengguna", "berkas", "status"]].values.tolist() == [
        [1, "boss", "skor_baik.xlsx", "berhasil"]
    ]
    assert log["sha256"].iloc[0] == hashlib.sha256((BAIK / "skor_baik.xlsx").read_bytes()).hexdigest()
    riwayat = at.dataframe[-1].value
    assert riwayat["ID"].tolist() == ["1"]
    assert riwayat["Pengguna"].tolist() == ["boss"]
    assert riwayat["SHA-256"].iloc[0] == log["sha256"].iloc[0]
    assert riwayat["Status"].tolist() == ["berlaku"]
    # Rollback asks first, then restores exactly the values before the import.
    next(b for b in at.button if b.label == "Batalkan impor #1").click()
    periksa_tanpa_galat(at.run())
    assert "Batalkan impor #1 (skor_baik.xlsx)? Nilai sebelum impor itu dipulihkan persis." in _teks(at)
    assert impor.daftar_impor(db_unggah)["status"].tolist() == ["berhasil"]
    next(b for b in at.button if b.label == "Ya, batalkan #1").click()
    periksa_tanpa_galat(at.run())
    assert impor.daftar_impor(db_unggah)["status"].tolist() == ["berhasil", "dibatalkan"]
    pulih = store.kueri(db_unggah, "skor_indikator", {"tahun": 2025, "tahap": "final"})
    kunci = ["kode_wilayah", "indikator"]
    assert pulih.sort_values(kunci, ignore_index=True).equals(skor_lama.sort_values(kunci, ignore_index=True))
    assert store.kueri(db_unggah, "impor_bawa_skor_indikator").equals(sebelum)


def test_editor_tidak_mendapat_tombol_batal_untuk_impor_luar_lingkup(db_unggah: Path):
    from indicators.katalog.model import katalog_bawaan

    data = (BAIK / "skor_baik.csv").read_bytes()
    hasil = impor.periksa_berkas(data, "skor_baik.csv", katalog_bawaan(), impor.muat_wilayah(db_unggah))
    impor.terapkan(db_unggah, hasil, katalog_bawaan(), pengguna="boss")  # 33.75 and 33.26
    berkas = db_unggah.parent / "predikat_33_75.csv"
    berkas.write_text("tahun,kode_wilayah,predikat\n2025,33.75,Utama\n", encoding="utf-8")
    hasil = impor.periksa_berkas(berkas.read_bytes(), berkas.name, katalog_bawaan(), impor.muat_wilayah(db_unggah))
    impor.terapkan(db_unggah, hasil, katalog_bawaan(), pengguna="ana")
    at = periksa_tanpa_galat(_alur_app(db_unggah, "predikat_baik.csv", "ana").run(), galat=1)
    # The file also has a row outside ana's scope (Kab. Batang): refused, and said so.
    assert at.error[0].value == "Ditemukan 1 masalah; berkas tidak diimpor. Perbaiki lalu unggah lagi."
    tombol = [b.label for b in at.button if b.label.startswith("Batalkan impor")]
    assert tombol == ["Batalkan impor #2"]
