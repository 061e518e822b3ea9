"""The upload page's step 2 with a file carrying personal data: the file's bytes are dropped from the
server at once (the uploader is emptied and the session's uploads freed), and only the findings,
which never quote a cell, are shown on the next run. A clean child-protection file previews normally.

AppTest cannot fill a file uploader, so the script replaces ``st.file_uploader`` with one that hands
the file over once (its first key) and then reports an empty uploader, as Streamlit does after the
key changes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators.impor import terapkan
from tests.conftest import sha_berkas
from tests.halaman_util import periksa_tanpa_galat

KORPUS = Path(__file__).parents[1] / "data" / "impor" / "perlindungan"


def _langkah_unggah(db: object, nama_berkas: object) -> None:
    """Step 2 of the page (render_unggah) for boss, with the uploader replaced (see the module docstring)."""
    from pathlib import Path as _Path

    import streamlit as _st

    from indicators.akun import pengguna as _akun
    from ui import cache as _cache, masuk as _masuk
    from ui.bagian import unggah as hu

    path = _Path(str(db))
    data = (path.parent / str(nama_berkas)).read_bytes()

    class _Berkas:
        name = str(nama_berkas)

        def getvalue(self) -> bytes:
            return data

    def pengunggah(*_: object, key: str, **__: object) -> object:
        return _Berkas() if key == "unggah_berkas_0" else None

    def lepas() -> None:
        _st.session_state["uji_dilepas"] = int(_st.session_state.get("uji_dilepas", 0)) + 1

    # The stand-ins replace module attributes of this one test process: put the originals back,
    # or every later page test would run with them (the upload-freeing tests saw nothing freed).
    asli = (_st.file_uploader, _masuk.lepas_unggahan)
    _st.file_uploader = pengunggah  # type: ignore[assignment]
    _masuk.lepas_unggahan = lepas
    try:
        pengguna = _akun.cari_pengguna(_akun.path_akun(path), "boss")
        assert pengguna is not None
        hu.render_unggah(path, pengguna, _cache.katalog(), "id")
    finally:
        _st.file_uploader, _masuk.lepas_unggahan = asli


def _app(db: Path, nama: str) -> AppTest:
    shutil.copyfile(KORPUS / nama, db.parent / nama)
    return AppTest.from_function(_langkah_unggah, default_timeout=120, kwargs={"db": db, "nama_berkas": nama})


@pytest.mark.parametrize("nama", ["31_pribadi_nik.csv", "43_xlsx_pribadi_nik.xlsx"])
def test_berkas_pribadi_dilepas_dan_hanya_temuannya_tampil(db_berakun: Path, nama: str):
    sebelum = sha_berkas(db_berakun)
    at = periksa_tanpa_galat(_app(db_berakun, nama).run(), galat=1)
    assert at.session_state["uji_dilepas"] == 1  # the session's uploads were freed
    assert at.session_state["unggah_putaran"] == 1  # and the uploader emptied (a new key)
    assert "unggah_hasil" not in at.session_state
    assert at.error[0].value.startswith("Berkas ditolak seluruhnya karena tampak memuat data pribadi")
    tabel = at.dataframe[0].value
    assert tabel["Masalah"].str.contains("tampak seperti NIK").all()
    assert "3375014507100003" not in tabel.to_csv() + repr(at.session_state)
    assert not [b for b in at.button if b.label == "Konfirmasi impor"]
    # The next run has no file and no finding left: nothing of it stays in the session.
    at = periksa_tanpa_galat(at.run())
    assert "unggah_pribadi" not in at.session_state
    assert sha_berkas(db_berakun) == sebelum
    assert terapkan.daftar_impor(db_berakun).empty


def test_berkas_bersih_dipratinjau(db_berakun: Path):
    at = periksa_tanpa_galat(_app(db_berakun, "baik_templat.xlsx").run())
    assert "uji_dilepas" not in at.session_state
    metrik = {m.label: m.value for m in at.metric}
    assert int(metrik["Baris baru"]) + int(metrik["Berubah"]) == 8
    baris = at.dataframe[0].value
    assert {"Sheet", "Bulan", "Tabel", "Kategori"} <= set(baris.columns)
    assert set(baris["Nilai baru"]) <= {"1", "2", "3", "4", "71.234"}
    assert [b.label for b in at.button if b.label == "Konfirmasi impor"] == ["Konfirmasi impor"]


def test_halaman_unggah_menawarkan_templat_dan_jenis_perlindungan(db_berakun: Path):
    import time

    from tests.halaman_util import buka_halaman

    sesi = {"kla_masuk": {"nama": "ana", "aktif": time.time()}}
    at = periksa_tanpa_galat(buka_halaman("unggah", sesi=sesi).run())
    assert at.selectbox(key="unggah_jenis").options[-1] == "Perlindungan anak (agregat)"
    at.selectbox(key="templat_jenis").select("perlindungan")
    at = periksa_tanpa_galat(at.run())
    unduh = at.get("download_button")
    assert [d.proto.label for d in unduh] == ["Unduh templat perlindungan anak (agregat) (.xlsx)"]
    assert "Jangan pernah mengisi data pribadi" in "\n".join(c.value for c in at.caption)
