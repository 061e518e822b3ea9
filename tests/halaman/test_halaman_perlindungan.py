"""AppTest of the Perlindungan Anak page, anonymous and as an editor, in both languages.

What the page must show is read from the disclosure-controlled functions themselves
(``indicators.perlindungan.data``) for the same viewer; the exact counts a test compares against
come from the administrator's view (``terbuka={"*"}``). The known small counts of Kabupaten
Pekalongan (33.26) in 2024, a region outside editor ana's scope (33.75), must appear nowhere on the
page: not in the recap, not in the region table, not in any chart's bars or hover text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators.akun import pengguna
from indicators.ekspor import perlindungan as ep
from indicators.format import Bahasa
from indicators.grafik import perlindungan as gp
from indicators.impor import verifikasi
from indicators.katalog.perlindungan import katalog_perlindungan
from indicators.perlindungan import data
from indicators.teks import t
from tests.halaman_util import buka_halaman, buka_unduhan_gambar, periksa_tanpa_galat
from ui import cache, masuk
from ui.unduh import tabel as unduh_tabel

BENTUK = ["fisik", "psikis", "seksual", "eksploitasi", "tppo", "penelantaran", "lainnya"]
LUAR = "33.26"  # Kabupaten Pekalongan: outside ana's scope
LINGKUP = "33.75"  # Kota Pekalongan: ana's scope
TAHUN = 2024


@pytest.fixture
def db_halaman(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test's private database with editor ana (33.75); the app points at it; caches emptied."""
    pengguna.tambah_pengguna(pengguna.path_akun(db), "ana", "editor", [LINGKUP], "sandi-rahasia-1")
    monkeypatch.setenv("KLA_DB", str(db))
    st.cache_data.clear()
    yield db
    st.cache_data.clear()


def _masuk(nama: str) -> dict[str, object]:
    return {masuk.KUNCI_SESI: {"nama": nama, "aktif": time.time()}}


def _buka(bahasa: Bahasa, wilayah: str, sesi: dict[str, object] | None = None) -> AppTest:
    at = buka_halaman("perlindungan", sesi=sesi, wilayah=wilayah, tahun=str(TAHUN))
    if bahasa == "en":
        at.query_params["lang"] = "en"
    return periksa_tanpa_galat(at.run())


def _rekap(db: Path, terbuka: tuple[str, ...], bahasa: Bahasa) -> pd.DataFrame:
    return data.rekap_provinsi(db, "33", TAHUN, terbuka=terbuka, bahasa=bahasa).set_index("kode_wilayah")


def _tersembunyi(db: Path, terbuka: tuple[str, ...], kode: str) -> dict[str, tuple[str, str]]:
    """The forms of ``kode`` the viewer may not see: form → (published text, exact text)."""
    lihat, tepat = _rekap(db, terbuka, "id").loc[kode], _rekap(db, ("*",), "id").loc[kode]
    return {b: (str(lihat[b]), str(tepat[b])) for b in BENTUK if lihat[b] != tepat[b]}


def _label(bentuk: str, bahasa: Bahasa) -> str:
    """A form of violence as the page's headers name it."""
    return katalog_perlindungan().tabel["bentuk_kekerasan"].kategori[bentuk].label.teks(bahasa)


def _tabel_rekap(at: AppTest, bahasa: Bahasa) -> pd.DataFrame:
    kode = t("ph_kol_kode", bahasa)
    return next(d.value for d in at.dataframe if kode in d.value.columns).set_index(kode)


def _spek(at: AppTest) -> dict[str, dict[str, Any]]:
    """The page's charts by key (the key is in the element's id)."""
    hasil = {}
    for c in at.get("plotly_chart"):
        kunci = next(k for k in ("ph_peta", "ph_tren", "ph_bentuk", "ph_standar") if k in c.proto.id)
        hasil[kunci] = json.loads(c.proto.spec)
    return hasil


def _semua_hover(spek: dict[str, dict[str, Any]]) -> list[str]:
    return [str(h) for s in spek.values() for tr in s["data"] for h in (tr.get("hovertext") or [])]


def _angka_per_x(spek: dict[str, Any]) -> dict[str, float]:
    """x → value of every bar drawn on a visible (value) axis."""
    tersembunyi = {
        "y" + k.removeprefix("yaxis")
        for k, v in spek["layout"].items()
        if k.startswith("yaxis") and v.get("overlaying")
    }
    return {
        str(x): float(y)
        for tr in spek["data"]
        if tr.get("type") == "bar" and tr.get("yaxis", "y") not in tersembunyi
        for x, y in zip(tr.get("x") or [], tr.get("y") or [], strict=True)
    }


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_publik_melihat_angka_tersamar_dan_aturan(db_halaman: Path, bahasa: Bahasa, rekaman: dict[str, Any]):
    at = _buka(bahasa, LUAR)
    assert at.title[0].value == t("ph_judul", bahasa, provinsi="Jawa Tengah", tahun=TAHUN)
    aturan = t("ph_aturan", bahasa, ambang=5)
    assert aturan in [i.value for i in at.info]
    assert "1–5" in aturan
    assert any(t("ph_sintetis", bahasa) == w.value for w in at.warning)
    assert t("ph_publik", bahasa) in [c.value for c in at.caption]
    # The recap is exactly what the disclosure control publishes for the public.
    tabel = _tabel_rekap(at, bahasa)
    publik = _rekap(db_halaman, (), bahasa)
    assert list(tabel.index) == list(publik.index)
    for kode in (LUAR, LINGKUP):
        rahasia = _tersembunyi(db_halaman, (), kode)
        assert rahasia, kode  # the test means something: both regions have hidden small counts
        for b, (teks, tepat) in rahasia.items():
            assert str(tabel.loc[kode, _label(b, bahasa)]) == teks == str(publik.loc[kode, b])
            assert teks in {"1–5", "x"}
            assert teks != tepat
    # four charts, each with its PNG/SVG/PDF buttons (drawn once their expander is opened); the recap
    # with CSV and XLSX
    spek = _spek(at)
    assert set(spek) == {"ph_peta", "ph_tren", "ph_bentuk", "ph_standar"}
    assert [e.label for e in at.expander].count(t("unduh_gambar", bahasa)) == 4
    buka_unduhan_gambar(at, list(spek))
    label = [getattr(d, "label", "") for d in at.get("download_button")]
    assert sum(lbl.endswith("PNG") for lbl in label) == 4
    assert [lbl for lbl in label if lbl.endswith(("CSV", "XLSX"))] == [t("csv", bahasa), t("xlsx", bahasa)]
    # The image files say their language as every other page's do: no suffix in Indonesian, _en in English.
    gambar = sorted(str(nama) for _, nama in rekaman.values() if str(nama).endswith((".png", ".svg", ".pdf")))
    akhir = f"_{TAHUN}_en" if bahasa == "en" else f"_{TAHUN}"
    assert len(gambar) == 12
    assert all(n.startswith("kla_perlindungan_") and n.rsplit(".", 1)[0].endswith(akhir) for n in gambar), gambar


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_editor_melihat_angka_persis_hanya_di_lingkupnya(db_halaman: Path, bahasa: Bahasa):
    at = _buka(bahasa, LUAR, _masuk("ana"))
    assert any("ana" in c.value and LINGKUP in c.value for c in at.caption)
    tabel = _tabel_rekap(at, bahasa)
    tepat = _rekap(db_halaman, ("*",), bahasa)
    # Her own region: every count exact, the small ones included.
    sendiri = _tersembunyi(db_halaman, (), LINGKUP)
    for b in BENTUK:
        assert str(tabel.loc[LINGKUP, _label(b, bahasa)]) == str(tepat.loc[LINGKUP, b])
    assert any(t_ in {"1", "2", "3", "4", "5"} for _, t_ in sendiri.values())
    # Another region: its small counts stay hidden, in the recap and everywhere else.
    rahasia = _tersembunyi(db_halaman, (LINGKUP,), LUAR)
    assert rahasia
    for b, (teks, persis) in rahasia.items():
        assert str(tabel.loc[LUAR, _label(b, bahasa)]) == teks != persis
    _tidak_bocor(at, db_halaman, bahasa, (LINGKUP,))


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_publik_tidak_membocorkan_angka_kecil_wilayah_mana_pun(db_halaman: Path, bahasa: Bahasa):
    _tidak_bocor(_buka(bahasa, LUAR), db_halaman, bahasa, ())


def _tidak_bocor(at: AppTest, db: Path, bahasa: Bahasa, terbuka: tuple[str, ...]) -> None:
    """The exact small counts of LUAR in TAHUN appear in no element: tables, bars, hover texts, texts."""
    rahasia = _tersembunyi(db, terbuka, LUAR)
    spek = _spek(at)
    hover = _semua_hover(spek)
    nama = "Kabupaten Pekalongan"
    # The region table beside the province.
    wilayah = next(d.value for d in at.dataframe if nama in d.value.columns)
    kolom_wilayah = wilayah.set_index(wilayah.columns[0])[nama]
    kasus = t("ph_skala_jumlah", bahasa)
    for b, (teks, persis) in rahasia.items():
        nama_bentuk = _label(b, bahasa)
        assert str(kolom_wilayah[nama_bentuk]) == teks
        # the small multiples: the year's bar of that form is a band, its hover the published text
        token = f"<b>{TAHUN}</b><br>{nama_bentuk}, {kasus}: "
        assert [h for h in hover if h.startswith(token)] == [f"{token}{teks} ({t('ph_tersamar_pendek', bahasa)})"]
        assert f"{token}{persis}" not in hover
    # The monthly trend: every month the viewer may not see is a band, never a bar, never its number.
    tepat = data.tren_wilayah(db, LUAR, tahun=[TAHUN], terbuka=("*",), bahasa=bahasa)
    lihat = data.tren_wilayah(db, LUAR, tahun=[TAHUN], terbuka=terbuka, bahasa=bahasa)
    batang = _angka_per_x(spek["ph_tren"])
    kunci_kasus = t("ph_label_kasus", bahasa)
    tersembunyi = 0
    for persis_bulan, lihat_bulan in zip(tepat.to_dict("records"), lihat.to_dict("records"), strict=True):
        x = gp.label_bulan(TAHUN, int(persis_bulan["bulan"]), bahasa)
        if lihat_bulan["status"] in gp.TERSAMAR:
            tersembunyi += 1
            assert x not in batang
            assert f"<b>{x}</b><br>{kunci_kasus}: {persis_bulan['teks']}" not in hover
            assert f"<b>{x}</b><br>{kunci_kasus}: {lihat_bulan['teks']} ({t('ph_tersamar_pendek', bahasa)})" in hover
    assert tersembunyi > 0


def test_editor_wilayahnya_sendiri_tren_persis(db_halaman: Path):
    at = _buka("id", LINGKUP, _masuk("ana"))
    tepat = data.tren_wilayah(db_halaman, LINGKUP, tahun=[TAHUN], terbuka=("*",))
    batang = _angka_per_x(_spek(at)["ph_tren"])
    for r in tepat.to_dict("records"):
        if r["status"] == "terbuka":
            assert batang[gp.label_bulan(TAHUN, int(r["bulan"]), "id")] == r["nilai"]
    assert any(0 < v <= 5 for v in batang.values())  # small counts drawn exactly for her own region


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_tautan_klaster_v_dan_gugus_tugas(db_halaman: Path, bahasa: Bahasa):
    at = _buka(bahasa, LUAR)
    tautan = {e.proto.query_string: (e.proto.page, e.proto.label) for e in at.get("page_link")}
    lang = "&lang=en" if bahasa == "en" else ""
    for kode in ("KLA24-21", "KLA24-22", "KLA24-23", "KLA24-24"):
        halaman, label = tautan[f"skema=KLA24&indikator={kode}{lang}"]
        assert halaman == "indikator"
        assert label.startswith(f"{kode} · ")
    halaman, label = tautan[f"provinsi=33&wilayah={LUAR}{lang}"]
    assert halaman == "gugus_tugas"
    assert label == t("ph_tautan_gugus", bahasa, nama="Kabupaten Pekalongan")


class _Hari:
    """``datetime`` as ui/cache.py sees it, on 1 August 2025 (2025 is then the current year)."""

    class date(dt.date):  # stands in for datetime.date
        @classmethod
        def today(cls) -> _Hari.date:
            return cls(2025, 8, 1)


def test_angka_tahun_berjalan_belum_terverifikasi(db_halaman: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(cache, "dt", _Hari)
    at = periksa_tanpa_galat(buka_halaman("perlindungan", wilayah=LUAR, tahun="2025").run())
    belum = [w.value for w in at.warning if "belum terverifikasi" in w.value]
    assert belum == [
        "Angka tahun 2025 **belum terverifikasi** oleh editor provinsi untuk 36 wilayah: semua kab/kota dan provinsi"
    ]
    catatan = _tabel_rekap(at, "id")[t("ph_kol_catatan", "id")]
    assert catatan.loc[LUAR] == "data contoh (sintetis); belum terverifikasi"
    # A province editor marks Kota Pekalongan verified: the others are named, it is not.
    verifikasi.tandai_verifikasi(db_halaman, pengguna.Pengguna("boss", "admin", ()), LINGKUP, 2025)
    st.cache_data.clear()
    at = periksa_tanpa_galat(buka_halaman("perlindungan", wilayah=LUAR, tahun="2025").run())
    belum = [w.value for w in at.warning if "belum terverifikasi" in w.value]
    assert len(belum) == 1
    assert belum[0].startswith("Angka tahun 2025 **belum terverifikasi** oleh editor provinsi untuk 35 wilayah: ")
    assert "Kabupaten Pekalongan" in belum[0]
    assert "Kota Pekalongan" not in belum[0]
    assert _tabel_rekap(at, "id")[t("ph_kol_catatan", "id")].loc[LINGKUP] == "data contoh (sintetis)"
    # a past year carries no such label
    at = periksa_tanpa_galat(buka_halaman("perlindungan", wilayah=LUAR, tahun="2024").run())
    assert not [w.value for w in at.warning if "belum terverifikasi" in w.value]


def test_berkas_csv_xlsx_rekap_memuat_teks_terbit(db_halaman: Path):
    """The recap's files hold the published text: "1–5" stays text, never read back as a number."""
    isi = ep.muat(db_halaman, "33", TAHUN, LUAR)
    tampil = ep.tabel_rekap(isi, "id")
    rincian = unduh_tabel.Rincian(baris=isi.rekap[["kode_wilayah", "sintetis"]], sumber=("sintetis-perlindungan-v1",))
    teks = unduh_tabel.isi_berkas(tampil, "csv", "Uji", "id", rincian=rincian).decode("utf-8-sig")
    baris = {r[0]: r for r in csv.reader(io.StringIO(teks))}
    kepala = list(baris["Kode"])
    for b, (terbit, persis) in _tersembunyi(db_halaman, (), LUAR).items():
        assert baris[LUAR][kepala.index(_label(b, "id"))] == terbit != persis
    xlsx = openpyxl.load_workbook(io.BytesIO(unduh_tabel.isi_berkas(tampil, "xlsx", "Uji", "id", rincian=rincian)))
    data_ = {str(r[0]): r for r in xlsx["Data"].iter_rows(values_only=True)}
    for b, (terbit, _) in _tersembunyi(db_halaman, (), LUAR).items():
        assert data_[LUAR][kepala.index(_label(b, "id"))] == terbit
    metadata = {str(r[0]): r[1] for r in xlsx["Metadata"].iter_rows(values_only=True) if r and r[0]}
    assert str(metadata["Data sintetis"]).startswith("Ya")


DATABOKS = "https://databoks.katadata.co.id/demografi/statistik/89f7f75ce859c21/1427-kasus-kekerasan-anak-terjadi-di-jawa-tengah-pada-2020"


def _polos(markdown: str) -> str:
    """A caption's Markdown source as read: escapes and the word joiner that keeps a URL from linking removed."""
    return markdown.replace("\\", "").replace("\u2060", "")


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_sumber_2020_di_bawah_grafik_dan_tabel(db_halaman: Path, bahasa: Bahasa):
    """2020: under every chart and table a sources line naming the BPS total (databoks) as real and
    the kab/kota sample as synthetic; the 'Sumber data' expander lists them with their URLs."""
    at = buka_halaman("perlindungan", wilayah=LUAR, tahun="2020")
    if bahasa == "en":
        at.query_params["lang"] = "en"
    at = periksa_tanpa_galat(at.run())
    awal = t("ph_sumber_daftar", bahasa, daftar="").strip()
    kaki = _polos(t("ph_sumber", bahasa))  # the page's closing general note, not a figure's line
    baris = [_polos(c.value) for c in at.caption if _polos(c.value).startswith(awal) and _polos(c.value) != kaki]
    assert len(baris) == 6  # map, region table, recap, trend, forms, service standard
    provinsi = t("ph_sumber_provinsi", bahasa, tahun="2020")
    nyata = t("ph_sumber_nyata", bahasa, cakupan=provinsi, nama=DATABOKS, keyakinan=t("tinggi", bahasa), tabel="")
    sintetis = {"id": "(35 kab/kota): contoh sintetis", "en": "(35 kab/kota): synthetic example"}[bahasa]
    for b in baris:
        assert nyata.removesuffix(")") in b
        assert sintetis in b
    # the trend covers 2018–2020: the KemenPPPA figure of 2019 (posjateng) is named there, not on the map
    assert "posjateng.id" in baris[3]
    assert "posjateng.id" not in baris[0]
    sumber = next(d.value for d in at.dataframe if t("ph_sumber_kol_cakupan", bahasa) in d.value.columns)
    url = sumber.set_index(t("ph_sumber_kol_cakupan", bahasa))[t("ph_sumber_kol_url", bahasa)]
    assert url.loc[provinsi] == DATABOKS
    assert sumber["sumber_id"].iloc[-1] == "sintetis-perlindungan-v1"


def test_metadata_berkas_rekap_2020_menyebut_bps(db_halaman: Path):
    """The recap's XLSX (the ids the page passes) lists the databoks source in its Metadata sheet."""
    isi = ep.muat(db_halaman, "33", 2020, LUAR)
    rincian = unduh_tabel.Rincian(
        baris=isi.rekap[["kode_wilayah", "sintetis"]], sumber=tuple(isi.sumber_untuk("rekap")["sumber_id"])
    )
    xlsx = openpyxl.load_workbook(
        io.BytesIO(unduh_tabel.isi_berkas(ep.tabel_rekap(isi, "id"), "xlsx", "Uji", "id", rincian=rincian))
    )
    sel = [str(v) for r in xlsx["Metadata"].iter_rows(values_only=True) for v in r if v is not None]
    assert any(DATABOKS in v for v in sel)
    assert any("sintetis-perlindungan-v1" in v or "Data contoh sintetis Dasbor KLA" in v for v in sel)
