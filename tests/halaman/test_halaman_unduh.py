"""AppTest: CSV and XLSX download buttons sit under the tables of the Ringkasan and Profil pages,
deferred (made on click, no rerun) and named after the view in the URL; and what a file holds beyond
the table shown (per-row synthetic flags, on-screen labels, rounding, predikat facts and sources).
Every button of every page is pressed in test_halaman_unduh_semua.py."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators.io import store
from tests.halaman_util import buka_halaman, buka_tab, periksa_tanpa_galat
from ui.tampilan import label_dasar
from ui.unduh import tabel as unduh_tabel


def _tombol(at: AppTest) -> list[tuple[str, str, bool, bool]]:
    return [
        (b.proto.label, b.proto.id, b.proto.ignore_rerun, b.proto.HasField("deferred_file_id"))
        for b in at.get("download_button")
    ]


def _unduhan_tabel(at: AppTest) -> list[tuple[str, str, bool, bool]]:
    return [b for b in _tombol(at) if "-unduhtabel_" in b[1]]


def test_ringkasan_punya_tombol_unduh_tabel(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman().run())
    tombol = _unduhan_tabel(at)
    label = [t[0] for t in tombol]
    assert label == ["Unduh CSV", "Unduh XLSX"]  # the movers' table; the kab/kota table is a click away
    assert all(t[2] and t[3] for t in tombol)  # on_click="ignore", data made lazily
    kunci = [t[1] for t in tombol]
    assert any("unduhtabel_pergerakan-predikat_jawa-tengah_2025" in k for k in kunci)
    assert not any("unduhtabel_predikat-kabkota" in k for k in kunci)  # built when its view is chosen
    kunci = [t[1] for t in _unduhan_tabel(buka_tab(at, "ringkasan_tabel", "Semua kab/kota"))]
    assert any(k.endswith("unduhtabel_predikat-kabkota_jawa-tengah_2025_csv") for k in kunci)
    assert any(k.endswith("unduhtabel_predikat-kabkota_jawa-tengah_2025_xlsx") for k in kunci)


def test_ringkasan_tombol_berbahasa_inggris(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman(lang="en").run())
    label = {t[0] for t in _unduhan_tabel(at)}
    assert label == {"Download CSV", "Download XLSX"}


def test_profil_punya_tombol_unduh_tabel(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.74").run())
    # The history and room tables (and their buttons) are built once their expanders are opened.
    tertutup = [t[1] for t in _unduhan_tabel(at)]
    assert not [k for k in tertutup if "unduhtabel_riwayat-predikat" in k or "unduhtabel_ruang" in k]
    # Each in its chart's tab (one chart per change): open the tab, then the expander.
    for tab, kotak, topik in (
        ("Riwayat predikat", "profil_riwayat_tabel", "riwayat-predikat"),
        ("Selisih ke predikat berikutnya", "profil_ruang_tabel", "ruang-indikator"),
    ):
        buka_tab(at, "profil_grafik", tab)
        at.session_state[kotak] = True
        kunci = [t[1] for t in _unduhan_tabel(periksa_tanpa_galat(at.run()))]
        for ada in (topik, "indikator"):
            assert any(f"unduhtabel_{ada}_kota-semarang" in k and k.endswith("_xlsx") for k in kunci), (ada, kunci)
    assert any(k.endswith("unduhtabel_indikator_kota-semarang_2025_final_csv") for k in kunci), kunci
    # The stage losses and the neighbours: each in its details view, with both buttons.
    for rincian, topik in (("Skor per tahap", "kehilangan-verifikasi"), ("Wilayah tetangga", "tetangga")):
        kunci = [t[1] for t in _unduhan_tabel(buka_tab(at, "profil_rincian", rincian))]
        for akhiran in ("_csv", "_xlsx"):
            assert any(f"unduhtabel_{topik}_kota-semarang" in k and k.endswith(akhiran) for k in kunci), kunci
        assert not any("unduhtabel_indikator_" in k for k in kunci)  # one details view at a time


@pytest.mark.parametrize(
    ("halaman", "param", "kotak", "topik"),
    [
        ("peta", {"provinsi": "33"}, "peta_tabel", "unduhtabel_peta-predikat_jawa-tengah_2025"),
        ("perbandingan", {"wilayah": "33.75,33.76"}, "perbandingan_tabel", "unduhtabel_perbandingan-total"),
    ],
)
def test_tabel_peta_dan_perbandingan_dibuat_saat_dibuka(
    app_db: Path, halaman: str, param: dict[str, str], kotak: str, topik: str
):
    """Closed, the table's expander holds no grid and no button: a change of measure or cycle skips them."""
    at = periksa_tanpa_galat(buka_halaman(halaman, batas=180, sesi=None, **param).run())
    assert not [b[1] for b in _unduhan_tabel(at) if topik in b[1]]
    assert not at.dataframe
    at.session_state[kotak] = True  # what opening the expander sets
    periksa_tanpa_galat(at.run())
    kunci = [b[1] for b in _unduhan_tabel(at) if topik in b[1]]
    assert {k.rsplit("_", 1)[-1] for k in kunci} == {"csv", "xlsx"}, kunci
    assert len(at.dataframe) == 1


# --- what a file holds (ui.unduh.tabel.isi_berkas on the session database) -----------------------------------


def _baca(isi: bytes) -> tuple[list[list[object]], dict[str, object], list[list[object]]]:
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    data = [list(r) for r in wb["Data"].iter_rows(values_only=True)]
    meta = [list(r) for r in wb["Metadata"].iter_rows(values_only=True)]
    awal = {str(r[0]): r[1] for r in meta[: next(i for i, r in enumerate(meta) if r[0] is None)]}
    return data, awal, meta


def test_baris_berbeda_diberi_kolom_sintetis_per_baris(app_db: Path):
    tampil = pd.DataFrame({"Nama": ["A", "B"], "Total skor": ["700,50", "–"]})
    baris = pd.DataFrame({"kode_wilayah": ["33.01", "11.01"], "skor_sintetis": [True, False]})
    data, awal, _ = _baca(unduh_tabel.isi_berkas(tampil, "xlsx", "Uji", "id", rincian=unduh_tabel.Rincian(baris=baris)))
    assert data[0] == ["Nama", "Total skor", "Data sintetis"]
    assert [r[2] for r in data[1:]] == [True, False]
    assert str(awal["Data sintetis"]).startswith("Ya")
    assert "Data sintetis" in str(awal["Deskripsi"])
    # all rows real: no column, and the rows' flag wins over a "(sintetis)" header
    nyata = baris.assign(skor_sintetis=False)
    tampil_ = tampil.rename(columns={"Total skor": "Total skor (sintetis)"})
    data, awal, _ = _baca(
        unduh_tabel.isi_berkas(tampil_, "xlsx", "Uji", "id", rincian=unduh_tabel.Rincian(baris=nyata))
    )
    assert "Data sintetis" not in data[0]
    assert awal["Data sintetis"] == "Tidak"


def test_kolom_mentah_diberi_label_dibulatkan_dan_predikat_diberi_fakta(app_db: Path):
    resmi = store.kueri(app_db, "predikat_resmi", {"tahun": 2025})
    contoh = resmi[resmi["kode_wilayah"] == "33.74"].iloc[0]
    baris = pd.DataFrame(
        {
            "kode_wilayah": ["33.74"],
            "nama": ["Kota Semarang"],
            "total": [774.6899999999999],
            "predikat_kini": [contoh["predikat"]],
        }
    )
    rincian = unduh_tabel.Rincian(
        kolom={"nama": "Nama", "total": "Total skor", "predikat_kini": "Predikat resmi"},
        desimal={"total": 1},
        fakta=(("predikat_kini", 2025),),
    )
    data, _, meta = _baca(unduh_tabel.isi_berkas(baris, "xlsx", "Uji", "id", rincian=rincian))
    assert data[0] == ["Nama", "Total skor", "Predikat resmi", "Keyakinan", "Dasar predikat"]
    assert data[1][1] == 774.7  # one decimal, as the screen shows
    assert data[1][4] == label_dasar(contoh["dasar"], "id") != "–"
    assert contoh["sumber_id"] in [r[0] for r in meta]  # the predikat's own source is listed
    csv_ = unduh_tabel.isi_berkas(baris, "csv", "Uji", "id", rincian=rincian).decode("utf-8-sig")
    assert "774.7" in csv_
    assert "774.69" not in csv_


def test_ekspor_tidak_sebaris_ditolak():
    with pytest.raises(ValueError, match="baris"):
        unduh_tabel.tombol_unduh(pd.DataFrame({"a": [1, 2]}), "uji", "id", ekspor=pd.DataFrame({"a": [1]}))
