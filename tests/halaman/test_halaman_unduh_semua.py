"""AppTest: every table download button on every page is pressed and both of its files are opened.

A table button makes its file on click (``data`` is a callable Streamlit keeps until then). The
test records what each button registers with Streamlit's media file manager, the callable a
browser click runs, calls it and opens the bytes: the XLSX with openpyxl, the CSV with ``csv``.
Each file must say what it holds:

- the Metadata sheet's synthetic line matches the rows (read back from the Data sheet: a per-row
  "Data sintetis" column, the "Keterangan" label, or a filled "(sintetis)" column) and what the page
  shows (``SINTETIS``); where rows differ the per-row column is there;
- at least one source, the synthetic-data source when synthetic, a news/official source when the
  rows carry an official predikat;
- a title and a file name naming the view (region, cycle, stage, measure) and a description;
- the on-screen headers, never internal keys, and predikat tables with "Keyakinan" and "Dasar predikat";
- numbers rounded as on screen (no value with more than two decimals, the most any table shows).

Gugus Tugas and Unggah Data show tables without file exports (their downloads are the checklist
workbook and the import template): the test asserts they have no table button.
"""

from __future__ import annotations

import csv
import io
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators.akun import pengguna as akun
from indicators.ekspor import tabel as et
from indicators.format import Bahasa
from indicators.teks import t
from tests.halaman_util import buka_halaman, buka_tab, periksa_tanpa_galat
from ui import masuk

KUNCI_INTERNAL = {
    "nilai_maks",
    "klaster_1",
    "klaster_2",
    "klaster_3",
    "klaster_4",
    "klaster_5",
    "kelembagaan",
    "predikat_hitung",
    "predikat_resmi",
    "skor_sintetis",
    "sintetis",
    "url_sumber",
    "sumber_predikat",
    "kode_wilayah",
    "total_final",
    "capaian_persen",
    "persen_maks",
    "keterangan",
}
"""Raw column names that must never be a header (no screen shows ``kode_wilayah``: it shows "Kode")."""
POLA_KUNCI = re.compile(r"^[a-z]+(_[a-z0-9]+)+$")
"""Any snake_case header is an internal key that slipped through."""
DESIMAL_MAKS = 2
"""The most decimals any table shows (scores); percentages show one, counts none."""

SINTETIS: dict[str, bool] = {
    "predikat-kabkota": True,
    "pergerakan-predikat": False,  # official predikat only
    "riwayat-predikat": True,
    "ruang-indikator": True,
    "kehilangan-verifikasi": True,
    "indikator": True,
    "tetangga": True,
    "perbandingan-total": True,
    "peta-predikat": False,
    "peta-total": True,
    "katalog-kla24": False,
    "peringkat-indikator": True,
    "tren-kla24-12": True,
    "statistik": False,  # real statistics
    "sumber": False,  # a list of sources: its "Sintetis" column describes each source, not the rows
    "konflik-sumber": False,
    "cakupan-predikat": False,
    "cakupan-statistik": False,
    "cakupan-skor": False,  # counts of the synthetic score sets, not scores
    "nilai-maks-kelompok": False,
    "pita-predikat": False,
    "what-if-jumlah": True,  # computed from synthetic scores
    "perlindungan-rekap": True,  # synthetic per-kab/kota sample, disclosure-controlled
}
"""Every table export of the pages below (by the file name's topic) and whether it holds synthetic data."""

TANPA_TAMPILAN = {
    "katalog-kla24",
    "sumber",
    "konflik-sumber",
    "cakupan-statistik",
    "nilai-maks-kelompok",
    "pita-predikat",
}
"""Tables whose view is a constant (the whole catalogue, every source): their title names no region or cycle."""


@dataclass
class Kasus:
    """One page opened with a view; ``nama`` are the names every (non-constant) title and file name carry.

    ``nama_khusus`` replaces them for one table (by topic). ``buka`` are the keys of expanders whose
    tables are built only once opened: the reader opens them first, after the chart tab ``tab``
    (panel key, label) that holds them.
    """

    halaman: str | None
    param: dict[str, str]
    nama: tuple[str, ...]
    topik: frozenset[str]
    nama_khusus: dict[str, tuple[str, ...]] = field(default_factory=dict)
    buka: tuple[str, ...] = ()
    tab: tuple[str, str] | None = None


KASUS = [
    Kasus(None, {}, ("Jawa Tengah", "2025"), frozenset({"pergerakan-predikat"})),
    Kasus(
        None,
        {},
        ("Jawa Tengah", "2025"),
        frozenset({"predikat-kabkota"}),
        tab=("ringkasan_tabel", "Semua kab/kota"),
    ),
    Kasus(None, {"provinsi": "00", "lang": "en"}, ("Indonesia", "2025"), frozenset({"pergerakan-predikat"})),
    Kasus(
        None,
        {"provinsi": "00", "lang": "en"},
        ("Indonesia", "2025"),
        frozenset({"predikat-kabkota"}),
        tab=("ringkasan_tabel", "All regencies and cities"),
    ),
    Kasus(
        "profil",
        {"wilayah": "33.74"},
        ("Kota Semarang",),
        frozenset({"riwayat-predikat", "indikator"}),
        {"riwayat-predikat": ("Kota Semarang", "2017–2025")},
        ("profil_riwayat_tabel",),
        ("profil_grafik", "Riwayat predikat"),
    ),
    Kasus(
        "profil",
        {"wilayah": "33.74"},
        ("Kota Semarang",),
        frozenset({"ruang-indikator", "indikator"}),
        {"ruang-indikator": ("Kota Semarang", "2025", "tahap final")},
        ("profil_ruang_tabel",),
        ("profil_grafik", "Selisih ke predikat berikutnya"),
    ),
    Kasus(
        "profil",
        {"wilayah": "33.74"},
        ("Kota Semarang",),
        frozenset({"kehilangan-verifikasi"}),
        tab=("profil_rincian", "Skor per tahap"),
    ),
    Kasus(
        "profil",
        {"wilayah": "33.74", "lang": "en"},
        ("Kota Semarang",),
        frozenset({"tetangga"}),
        tab=("profil_rincian", "Neighbouring regions"),
    ),
    Kasus(
        "perbandingan",
        {"wilayah": "33.75,33.76"},
        ("Total skor", "tahap final", "Kota Pekalongan vs Kota Tegal", "2017–2025"),
        frozenset({"perbandingan-total"}),
        buka=("perbandingan_tabel",),
    ),
    Kasus("peta", {}, ("Jawa Tengah", "2025"), frozenset({"peta-predikat"}), buka=("peta_tabel",)),
    Kasus(
        "perlindungan",
        {"wilayah": "33.26", "tahun": "2024"},
        ("Jawa Tengah", "2024"),
        frozenset({"perlindungan-rekap"}),
    ),
    Kasus(
        "peta",
        {"ukuran": "total"},
        ("Total skor", "Jawa Tengah", "2025", "tahap final"),
        frozenset({"peta-total"}),
        buka=("peta_tabel",),
    ),
    Kasus(
        "indikator",
        {"indikator": "KLA24-12", "wilayah": "33.74"},
        ("KLA24-12",),
        frozenset({"katalog-kla24", "peringkat-indikator", "tren-kla24-12", "statistik"}),
        {
            "peringkat-indikator": ("KLA24-12", "2025", "tahap final"),
            "tren-kla24-12": ("KLA24-12", "Kota Semarang", "tahap final", "2017–2025"),
            "statistik": ("KLA24-12", "Kota Semarang"),
        },
    ),
    Kasus(
        "metodologi",
        {},
        ("KLA24", "2025"),
        frozenset(
            {
                "sumber",
                "konflik-sumber",
                "cakupan-predikat",
                "cakupan-statistik",
                "cakupan-skor",
                "nilai-maks-kelompok",
                "pita-predikat",
                "what-if-jumlah",
            }
        ),
        {"cakupan-predikat": ("2017–2025",), "cakupan-skor": ("2017–2025",)},
    ),
]


@dataclass(frozen=True)
class Berkas:
    """One table button's file: its name and the bytes a click hands the reader."""

    kunci: str
    nama: str
    isi: bytes


def _tekan_semua(at: AppTest, rekaman: dict[str, tuple[Callable[[], Any], str | None]]) -> list[Berkas]:
    """Press every table download button of the last run: run what a click runs and keep the bytes."""
    hasil = []
    for tombol in at.get("download_button"):
        if "unduhtabel_" not in tombol.proto.id:
            continue
        kunci = tombol.proto.id[tombol.proto.id.index("unduhtabel_") :]
        assert tombol.proto.HasField("deferred_file_id"), kunci  # made on click, not on every rerun
        buat, nama = rekaman[tombol.proto.deferred_file_id]
        isi = buat()
        hasil.append(Berkas(kunci, str(nama), isi if isinstance(isi, bytes) else str(isi).encode()))
    return hasil


def _topik(nama: str) -> str:
    """The table's topic from its file name: 'kla_peta-total_jawa-tengah_2025.xlsx' → 'peta-total'."""
    return nama.rsplit(".", 1)[0].split("_")[1]


def _blok_awal(ws: Any) -> dict[str, Any]:
    """The Metadata sheet's key–value lines (before the first blank row)."""
    hasil: dict[str, Any] = {}
    for baris in ws.iter_rows(values_only=True):
        if not any(v is not None for v in baris):
            break
        hasil[str(baris[0])] = baris[1]
    return hasil


def _sumber(ws: Any, bahasa: Bahasa) -> list[dict[str, Any]]:
    """The source rows of the Metadata sheet, as dicts by header."""
    baris = [list(r) for r in ws.iter_rows(values_only=True)]
    awal = next((i for i, r in enumerate(baris) if r[0] == t("ekspor_sumber", bahasa) and r[1] is None), None)
    if awal is None:
        return []
    kepala = [str(v) for v in baris[awal + 1] if v is not None]
    hasil = []
    for r in baris[awal + 2 :]:
        if not any(v is not None for v in r):
            break
        hasil.append(dict(zip(kepala, r, strict=False)))
    return hasil


def _sintetis_dari_data(kepala: list[str], baris: list[list[Any]], bahasa: Bahasa) -> bool:
    """Whether the Data sheet itself says a row is synthetic: per-row column, the label, or a '(sintetis)' column."""
    per_baris = t("ekspor_sintetis", bahasa)
    if per_baris in kepala:
        return any(r[kepala.index(per_baris)] is True for r in baris)
    if t("ekspor_keterangan", bahasa) in kepala:
        return any(r[kepala.index(t("ekspor_keterangan", bahasa))] == et.LABEL_SINTETIS[bahasa] for r in baris)
    tanda = "(sintetis)" if bahasa == "id" else "(synthetic)"
    return any(tanda in k and any(r[i] not in (None, "", "–") for r in baris) for i, k in enumerate(kepala))


def _desimal(nilai: float) -> int:
    return next(d for d in range(12) if abs(nilai - round(nilai, d)) < 1e-9)


def _periksa_kepala(kepala: list[str], bahasa: Bahasa, asal: str) -> None:
    """On-screen headers only; a table with an official predikat carries its confidence and basis."""
    internal = [k for k in kepala if k in KUNCI_INTERNAL or POLA_KUNCI.match(k)]
    assert not internal, f"{asal}: internal keys as headers: {internal}"
    predikat = t("predikat_resmi", bahasa)
    if any(k == predikat or k.startswith(predikat + " ") or re.fullmatch(r"Predikat \d{4}", k) for k in kepala):
        assert any(k.startswith(t("keyakinan", bahasa)) for k in kepala), f"{asal}: predikat without confidence"
        assert any(k.startswith(t("dasar_predikat", bahasa)) for k in kepala), f"{asal}: predikat without basis"


def _periksa_angka(baris: list[list[Any]], asal: str) -> None:
    for r in baris:
        for v in r:
            if isinstance(v, float):
                assert _desimal(v) <= DESIMAL_MAKS, f"{asal}: {v!r} has more decimals than the screen shows"


def _periksa_xlsx(berkas: Berkas, kasus: Kasus, bahasa: Bahasa) -> tuple[list[str], bool]:
    """Open one XLSX and check everything it must say; return its headers and synthetic flag."""
    wb = openpyxl.load_workbook(io.BytesIO(berkas.isi))
    assert wb.sheetnames == ["Data", "Metadata"], berkas.nama
    semua = [list(r) for r in wb["Data"].iter_rows(values_only=True)]
    kepala, baris = [str(k) for k in semua[0]], semua[1:]
    topik = _topik(berkas.nama)
    meta = _blok_awal(wb["Metadata"])
    judul, deskripsi = str(meta[t("judul", bahasa)]), meta.get(t("deskripsi", bahasa))
    assert deskripsi, f"{berkas.nama}: no description"
    assert judul not in {topik, topik.replace("-", "_")}, f"{berkas.nama}: the title is the internal topic"
    if topik not in TANPA_TAMPILAN:
        for nama in kasus.nama_khusus.get(topik, kasus.nama):
            assert nama in judul, f"{berkas.nama}: title {judul!r} does not name {nama!r}"
            # the file name says the stage without the word "tahap"; the measure is in the topic
            bagian = et.slug(nama).removeprefix("tahap-")
            assert bagian in berkas.nama or nama == "Total skor", f"{berkas.nama} does not name {nama!r}"
    sintetis = meta[t("ekspor_sintetis", bahasa)] == t("sintetis_ya", bahasa)
    assert sintetis == _sintetis_dari_data(kepala, baris, bahasa), f"{berkas.nama}: flag {sintetis} vs Data sheet"
    assert sintetis == SINTETIS[topik], f"{berkas.nama}: synthetic flag {sintetis}"
    if t("ekspor_sintetis", bahasa) in kepala:
        nilai = {r[kepala.index(t("ekspor_sintetis", bahasa))] for r in baris}
        assert nilai == {True, False}, f"{berkas.nama}: a per-row synthetic column where rows do not differ"
    sumber = _sumber(wb["Metadata"], bahasa)
    assert sumber, f"{berkas.nama}: no source"
    jenis = {r.get("Jenis" if bahasa == "id" else "Kind") for r in sumber}
    assert not sintetis or "sintetis" in jenis, f"{berkas.nama}: synthetic without the synthetic source"
    dasar = kepala.index(t("dasar_predikat", bahasa)) if t("dasar_predikat", bahasa) in kepala else None
    if dasar is not None and any(r[dasar] != "–" for r in baris):
        assert "berita_resmi" in jenis, f"{berkas.nama}: official predikat without their sources"
    _periksa_kepala(kepala, bahasa, berkas.nama)
    _periksa_angka(baris, berkas.nama)
    return kepala, sintetis


def _periksa_csv(berkas: Berkas, kepala_xlsx: list[str], sintetis: bool, bahasa: Bahasa) -> None:
    """The CSV twin: BOM, the same headers as the Data sheet, numbers rounded, the synthetic marker kept."""
    assert berkas.isi.startswith(b"\xef\xbb\xbf"), berkas.nama
    baris = list(csv.reader(io.StringIO(berkas.isi.decode("utf-8-sig"))))
    assert baris[0] == kepala_xlsx, berkas.nama
    for r in baris[1:]:
        for v in r:
            if re.fullmatch(r"-?\d+\.\d+", v):
                assert _desimal(float(v)) <= DESIMAL_MAKS, f"{berkas.nama}: {v}"
    penanda = {t("ekspor_sintetis", bahasa), t("ekspor_keterangan", bahasa)}
    tanda = "(sintetis)" if bahasa == "id" else "(synthetic)"
    if sintetis:
        assert penanda & set(baris[0]) or any(tanda in k for k in baris[0]), f"{berkas.nama}: synthetic, unmarked"


def _nama_kasus(k: Kasus) -> str:
    return "-".join([k.halaman or "ringkasan", *k.param.values(), *(k.buka[:1]), *(k.tab[1:] if k.tab else ())])


@pytest.mark.parametrize("kasus", KASUS, ids=_nama_kasus)
def test_setiap_tombol_tabel_ditekan_dan_berkasnya_dibuka(
    app_db: Path, rekaman: dict[str, tuple[Callable[[], Any], str | None]], kasus: Kasus
):
    at = periksa_tanpa_galat(buka_halaman(kasus.halaman, batas=180, sesi=None, **kasus.param).run())
    if kasus.tab is not None:
        buka_tab(at, *kasus.tab)
    for kunci in kasus.buka:
        at.session_state[kunci] = True  # what opening the expander sets
    if kasus.buka:
        periksa_tanpa_galat(at.run())
    bahasa: Bahasa = "en" if kasus.param.get("lang") == "en" else "id"
    berkas = _tekan_semua(at, rekaman)
    topik = {_topik(b.nama) for b in berkas}
    assert topik == kasus.topik, f"table exports on the page: {sorted(topik)}"
    for b in berkas:
        assert b.nama.startswith("kla_"), b.nama
        assert b.nama.endswith((".xlsx", ".csv")), b.nama
    per_berkas = {b.nama.rsplit(".", 1)[0]: b for b in berkas if b.nama.endswith(".xlsx")}
    assert len(per_berkas) == len(kasus.topik)  # one XLSX per table, names distinct
    for nama, xlsx in per_berkas.items():
        kepala, sintetis = _periksa_xlsx(xlsx, kasus, bahasa)
        csv_ = next(b for b in berkas if b.nama == f"{nama}.csv")
        _periksa_csv(csv_, kepala, sintetis, bahasa)


def test_perbandingan_berkas_bernama_tampilan_dan_bahasa_inggris(
    app_db: Path, rekaman: dict[str, tuple[Callable[[], Any], str | None]]
):
    param = {"wilayah": "33.75,33.76", "ukuran": "klaster_1", "tahap": "mandiri", "lang": "en"}
    at = periksa_tanpa_galat(buka_halaman("perbandingan", batas=180, sesi=None, **param).run())
    at.session_state["perbandingan_tabel"] = True  # what opening the table's expander sets
    periksa_tanpa_galat(at.run())
    (xlsx,) = [b for b in _tekan_semua(at, rekaman) if b.nama.endswith(".xlsx")]
    assert xlsx.nama == "kla_perbandingan-klaster-1_mandiri_kota-pekalongan-vs-kota-tegal_2017-2025.xlsx"
    meta = _blok_awal(openpyxl.load_workbook(io.BytesIO(xlsx.isi))["Metadata"])
    assert meta["Title"].endswith("self-assessment stage, Kota Pekalongan vs Kota Tegal, 2017–2025"), meta["Title"]
    assert meta["Synthetic data"].startswith("Yes")


@pytest.fixture
def db_pribadi(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy (Gugus Tugas writes its workspace beside the database) with an admin account."""
    akun.tambah_pengguna(akun.path_akun(db), "boss", "admin", [], "admin-jateng-2025")
    monkeypatch.setenv("KLA_DB", str(db))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield db
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.parametrize("halaman", ["gugus_tugas", "unggah"])
def test_halaman_tanpa_ekspor_tabel(db_pribadi: Path, rekaman: dict[str, Any], halaman: str):
    # Their tables (checklist, import log) have no file export; their downloads are a workbook and a template.
    sesi = {masuk.KUNCI_SESI: {"nama": "boss", "aktif": time.time()}}
    at = periksa_tanpa_galat(buka_halaman(halaman, sesi=sesi, wilayah="33.75").run())
    kunci = [b.proto.id for b in at.get("download_button")]
    assert kunci, "the page's own download is there"
    assert not [k for k in kunci if "-unduhtabel_" in k]
