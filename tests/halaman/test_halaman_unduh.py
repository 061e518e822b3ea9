"""AppTest: CSV and XLSX download buttons sit under the tables of the Ringkasan and Profil pages,
deferred (made on click, no rerun) and named after the view in the URL."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.halaman_util import buka_halaman, periksa_tanpa_galat


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
    assert label.count("Unduh CSV") >= 2
    assert label.count("Unduh XLSX") >= 2
    assert all(t[2] and t[3] for t in tombol)  # on_click="ignore", data made lazily
    kunci = [t[1] for t in tombol]
    assert any(k.endswith("unduhtabel_predikat-kabkota_jawa-tengah_2025_csv") for k in kunci)
    assert any(k.endswith("unduhtabel_predikat-kabkota_jawa-tengah_2025_xlsx") for k in kunci)
    assert any("unduhtabel_pergerakan-predikat_jawa-tengah_2025" in k for k in kunci)


def test_ringkasan_tombol_berbahasa_inggris(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman(lang="en").run())
    label = {t[0] for t in _unduhan_tabel(at)}
    assert label == {"Download CSV", "Download XLSX"}


def test_profil_punya_tombol_unduh_tabel(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.74").run())
    kunci = [t[1] for t in _unduhan_tabel(at)]
    for topik in ("riwayat-predikat", "ruang-indikator", "indikator", "tetangga"):
        assert any(f"unduhtabel_{topik}_kota-semarang" in k and k.endswith("_xlsx") for k in kunci), (topik, kunci)
    assert any(k.endswith("unduhtabel_indikator_kota-semarang_2025_final_csv") for k in kunci), kunci
