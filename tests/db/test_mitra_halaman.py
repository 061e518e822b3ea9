"""AppTest of the Perlindungan Anak sections (partners register, verification marks) and of the upload
page's refusal of a file carrying personal data: what a visitor, a kab/kota editor and a province
editor see and can do."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators.akun import pengguna as akun
from indicators.gugus import mitra, simpan
from indicators.impor import terapkan, verifikasi
from indicators.katalog.model import katalog_bawaan
from tests.conftest import sha_berkas
from tests.halaman_util import periksa_tanpa_galat

KORPUS = Path(__file__).parents[1] / "data" / "impor" / "perlindungan"
HARI_INI = dt.date(2025, 6, 1)
JATENG = akun.Pengguna("jateng", "editor", ("33",))


def _bagian(db: object, nama_pengguna: object, hari_ini: object) -> None:
    """The two sections as a page draws them (AppTest runs this function as its own script)."""
    import datetime as _dt
    from pathlib import Path as _Path

    from indicators.akun import pengguna as _akun
    from ui.bagian import perlindungan_mitra as pm

    path = _Path(str(db))
    pengguna = _akun.cari_pengguna(_akun.path_akun(path), str(nama_pengguna)) if nama_pengguna else None
    pm.render_mitra(path, "33.75", pengguna, "id", hari_ini=_dt.date.fromisoformat(str(hari_ini)))
    pm.render_verifikasi(path, "33", 2015, pengguna, "id")


def _app(db: Path, pengguna: str | None) -> AppTest:
    kwargs = {"db": db, "nama_pengguna": pengguna or "", "hari_ini": HARI_INI.isoformat()}
    return AppTest.from_function(_bagian, default_timeout=120, kwargs=kwargs)


def _teks(at: AppTest) -> str:
    bagian = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    bagian += [e.value for e in at.error] + [i.value for i in at.info] + [w.value for w in at.warning]
    return "\n".join(str(b) for b in bagian)


@pytest.fixture
def db_mitra(db_berakun: Path) -> Path:
    """Accounts (ana: 33.75, boss: admin, jateng: 33), two partners of 33.75 and its figures for 2015.

    2015 is before the build's synthetic sample (2019-2025): only 33.75 has figures that year.
    """
    akun.tambah_pengguna(akun.path_akun(db_berakun), "jateng", "editor", ["33"], "provinsi-jateng-2025")
    gugus = simpan.path_gugus(db_berakun)
    lpa = mitra.IsiMitra("LPA Kota Pekalongan", "komnas_pa_lpa", "pks", dt.date(2023, 1, 10), dt.date(2025, 7, 1))
    mitra.simpan_mitra(gugus, JATENG, "33.75", lpa)
    lama = mitra.IsiMitra("LKSA Harapan", "lksa", "mou", dt.date(2020, 1, 1), dt.date(2024, 12, 31))
    mitra.simpan_mitra(gugus, JATENG, "33.75", lama)
    data = b"tahun,bulan,kode_wilayah,tabel,kategori,jumlah\n2015,1,33.75,bentuk_kekerasan,fisik,3\n"
    hasil = terapkan.periksa_berkas(data, "a.csv", katalog_bawaan(), terapkan.muat_wilayah(db_berakun))
    terapkan.terapkan(db_berakun, hasil, katalog_bawaan(), pengguna="uji")
    return db_berakun


def test_publik_melihat_mitra_dan_peringatan_tanpa_formulir(db_mitra: Path):
    at = periksa_tanpa_galat(_app(db_mitra, None).run(), galat=1)
    teks = _teks(at)
    assert "Mitra perlindungan anak (MoU / PKS)" in teks
    assert "LPA Kota Pekalongan berakhir dalam 30 hari (1 Juli 2025); siapkan perpanjangan." in teks
    assert at.error[0].value == "LKSA Harapan sudah berakhir pada 31 Desember 2024."
    tabel = at.dataframe[0].value
    assert tabel["Mitra (lembaga)"].tolist() == ["LKSA Harapan", "LPA Kota Pekalongan"]  # most urgent first
    assert tabel["Status"].tolist() == ["sudah berakhir", "segera berakhir (30 hari lagi)"]
    assert tabel["Jenis mitra"].tolist() == ["LKSA", "Komnas PA / LPA"]
    assert not at.expander  # no form for a visitor
    assert "Verifikasi angka" not in teks  # nor the verification section


def test_editor_kabkota_mengubah_mitra_tapi_tidak_memverifikasi(db_mitra: Path):
    at = periksa_tanpa_galat(_app(db_mitra, "ana").run(), galat=1)
    assert [e.label for e in at.expander] == ["Tambah, ubah atau hapus mitra"]
    assert "Hanya editor provinsi (atau admin) yang dapat menandai" in _teks(at)
    assert not [b for b in at.button if b.label == "Tandai terverifikasi"]
    # Add a partner through the form.
    at.text_input(key="pe_mitra_0_mitra").input("Universitas Pekalongan")
    at.selectbox(key="pe_mitra_0_jenis").select("perguruan_tinggi")
    at.date_input(key="pe_mitra_0_tanda_tangan").set_value(dt.date(2024, 2, 1))
    at.date_input(key="pe_mitra_0_berakhir").set_value(dt.date(2027, 2, 1))
    next(b for b in at.button if b.label == "Simpan mitra").click()
    at = periksa_tanpa_galat(at.run(), galat=1)
    assert "Mitra #3 tersimpan" in "\n".join(s.value for s in at.success)
    daftar = mitra.baca_mitra(simpan.path_gugus(db_mitra), "33.75", hari_ini=HARI_INI)
    assert "Universitas Pekalongan" in daftar["mitra"].tolist()
    assert mitra.baca_log_mitra(simpan.path_gugus(db_mitra), "33.75")["pengguna"].iloc[0] == "ana"


def test_formulir_menolak_tanggal_berakhir_sebelum_tanda_tangan(db_mitra: Path):
    at = periksa_tanpa_galat(_app(db_mitra, "ana").run(), galat=1)
    sebelum = sha_berkas(simpan.path_gugus(db_mitra))
    at.text_input(key="pe_mitra_0_mitra").input("LSM Peduli Anak")
    at.date_input(key="pe_mitra_0_tanda_tangan").set_value(dt.date(2024, 2, 1))
    at.date_input(key="pe_mitra_0_berakhir").set_value(dt.date(2024, 1, 1))
    next(b for b in at.button if b.label == "Simpan mitra").click()
    at = periksa_tanpa_galat(at.run(), galat=2)
    assert "tanggal berakhir 2024-01-01 harus sesudah tanggal penandatanganan 2024-02-01" in at.error[1].value
    assert sha_berkas(simpan.path_gugus(db_mitra)) == sebelum


def test_editor_provinsi_menandai_terverifikasi(db_mitra: Path):
    at = periksa_tanpa_galat(_app(db_mitra, "jateng").run(), galat=1)
    status = at.dataframe[-1].value
    assert status.set_index("Wilayah").loc["33.75 Kota Pekalongan", "Status"] == "belum terverifikasi"
    at.selectbox(key="pe_verifikasi_wilayah").select("33.75")
    next(b for b in at.button if b.label == "Tandai terverifikasi").click()
    at = periksa_tanpa_galat(at.run(), galat=1)
    assert "Angka 33.75 tahun 2015 ditandai terverifikasi." in "\n".join(s.value for s in at.success)
    status = at.dataframe[-1].value.set_index("Wilayah")
    assert status.loc["33.75 Kota Pekalongan", "Status"] == "terverifikasi"
    assert status.loc["33.75 Kota Pekalongan", "Diverifikasi oleh"] == "jateng"
    assert verifikasi.baca_verifikasi(db_mitra, "33")["kode_wilayah"].tolist() == ["33.75"]
    # A region without figures for the year cannot be marked: said, not written.
    at.selectbox(key="pe_verifikasi_wilayah").select("33.26")
    next(b for b in at.button if b.label == "Tandai terverifikasi").click()
    at = periksa_tanpa_galat(at.run(), galat=2)
    assert "Wilayah 33.26 tidak punya angka perlindungan anak tahun 2015" in at.error[1].value


# --- the upload page refuses a file carrying personal data ----------------------------------------


def _unggah(db: object, nama_berkas: object) -> None:
    """The upload page's check and result for one file already uploaded (AppTest cannot fill the uploader)."""
    from pathlib import Path as _Path

    from indicators.akun import pengguna as _akun
    from ui import cache as _cache
    from ui.bagian import unggah as hu

    path = _Path(str(db))
    pengguna = _akun.cari_pengguna(_akun.path_akun(path), "boss")
    assert pengguna is not None
    kat = _cache.katalog()
    data = (path.parent / str(nama_berkas)).read_bytes()
    hasil, prat = hu._periksa(path, data, str(nama_berkas), None, pengguna, kat)
    hu.render_hasil(path, hasil, prat, pengguna, kat, "id")


@pytest.mark.parametrize(
    ("nama", "rahasia"),
    [
        ("33_pribadi_daftar_kasus.csv", ["Siti", "Aminah", "3375014507100003", "Merdeka"]),
        ("43_xlsx_pribadi_nik.xlsx", ["3375014507100003"]),
        ("32_pribadi_telepon.csv", ["3456-7890", "ibu korban"]),
    ],
)
def test_unggah_data_pribadi_ditolak_tanpa_jejak(
    db_berakun: Path, nama: str, rahasia: list[str], caplog: pytest.LogCaptureFixture
):
    shutil.copyfile(KORPUS / nama, db_berakun.parent / nama)
    sebelum = sha_berkas(db_berakun)
    caplog.set_level(logging.DEBUG)
    at = AppTest.from_function(_unggah, default_timeout=120, kwargs={"db": db_berakun, "nama_berkas": nama})
    at = periksa_tanpa_galat(at.run(), galat=1)
    assert at.error[0].value.startswith("Berkas ditolak seluruhnya karena tampak memuat data pribadi")
    tabel = at.dataframe[0].value
    assert set(tabel["Nilai"]) == {""}  # no value of the file is shown
    terlihat = _teks(at) + tabel.to_csv() + repr(at.session_state)
    (db_berakun.parent / nama).unlink()  # only the database folder's own files are searched below
    for r in rahasia:
        assert r not in terlihat
        assert r not in caplog.text
        for berkas in db_berakun.parent.iterdir():
            if berkas.is_file():
                assert r.encode() not in berkas.read_bytes(), berkas
    assert sha_berkas(db_berakun) == sebelum
    assert terapkan.daftar_impor(db_berakun).empty
