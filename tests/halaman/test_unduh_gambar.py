"""AppTest: PNG/SVG/PDF download buttons under every chart and map, the pack buttons, and no Chromium."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from indicators.analisis import layanan
from indicators.ekspor import gambar as ekspor_gambar
from indicators.grafik import data_grafik
from indicators.katalog.model import katalog_bawaan
from tests.halaman_util import buka_halaman, buka_tab, buka_unduhan_gambar, periksa_tanpa_galat
from ui import widgets


def _unduhan(at: AppTest) -> list[str]:
    return [str(e.proto.label) for e in at.get("download_button")]


def _kunci(at: AppTest) -> list[str]:
    """The user keys of the download buttons (the widget id ends with ``-<key>``)."""
    return [str(e.proto.id).split("-", 2)[-1] for e in at.get("download_button")]


def _tombol_gambar(at: AppTest) -> list[str]:
    return [k for k in _kunci(at) if k.startswith("unduh_")]


def test_ringkasan_tombol_gambar_dan_paket_provinsi(app_db: Path) -> None:
    at = periksa_tanpa_galat(buka_halaman("ringkasan", batas=240, provinsi="33", tahun="2025").run())
    tab = {"Peta kab/kota": "peta_predikat", "Jumlah per predikat": "batang_predikat",
           "Sebaran total skor": "sebaran_total"}  # fmt: skip
    for label, grafik in tab.items():  # each chart in its tab, with its own image downloads
        buka_tab(at, "ringkasan_grafik", label)
        kotak = [e for e in at.expander if e.label == "Unduh gambar (PNG, SVG, PDF)"]
        assert len(kotak) == 1
        assert not _tombol_gambar(at)  # closed: no button drawn, nothing registered with Streamlit
        buka_unduhan_gambar(at, (grafik,))
        assert _tombol_gambar(at) == [f"unduh_{grafik}_{f}" for f in ("png", "svg", "pdf")]
        assert _unduhan(at)[:3] == ["Unduh PNG", "Unduh SVG", "Unduh PDF"]
    tombol = next(b for b in at.button if b.label.startswith("Buat paket ringkasan provinsi"))
    tombol.click().run()
    periksa_tanpa_galat(at)
    unduhan = _unduhan(at)
    assert "Unduh laporan PDF" in unduhan
    assert "Unduh paparan PPTX" in unduhan
    kunci = _kunci(at)
    assert "paket_prov_33_2025_id_pdf" in kunci
    assert "paket_prov_33_2025_id_pptx" in kunci
    assert at.session_state["paket_prov_33_2025_id"][0] == "kla_paket_provinsi_jawa-tengah_2025_id"


def test_tabel_data_grafik_dibuat_hanya_saat_dibuka(app_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chart's data table is built and sent only while its expander is open: a closed one costs no rerun time."""
    dibuat: list[str] = []
    asli = data_grafik.tabel_grafik

    def hitung(fig: Any, bahasa: Any) -> Any:
        dibuat.append(bahasa)
        return asli(fig, bahasa)

    monkeypatch.setattr(data_grafik, "tabel_grafik", hitung)
    at = periksa_tanpa_galat(buka_halaman("ringkasan", batas=240, provinsi="33", tahun="2025").run())
    kotak = [e for e in at.expander if e.label == "Tabel data grafik"]
    assert len(kotak) == 1  # the map's: the counts and the histogram are a tab away
    assert not any(k.children for k in kotak)
    buka_tab(at, "ringkasan_grafik", "Sebaran total skor")
    assert not any(e.children for e in at.expander if e.label == "Tabel data grafik")
    assert not dibuat
    at.session_state["tabel_sebaran_total"] = True  # what opening the histogram's expander sets
    periksa_tanpa_galat(at.run())
    assert dibuat == ["id"]
    terbuka = [e for e in at.expander if e.label == "Tabel data grafik" and e.children]
    assert len(terbuka) == 1
    assert len(terbuka[0].table) == 1
    # The histogram's table lists the bins drawn (25 points, lower edge included) with their counts,
    # every kab/kota of Jawa Tengah counted once, numbers in the reader's locale (not '771.09').
    tabel = terbuka[0].table[0].value
    total = layanan.tabel_skor(app_db, katalog_bawaan(), tahun=2025, kode_provinsi="33")["total"]
    harapan: dict[str, int] = {}
    for nilai in total:
        bawah = int(nilai // 25) * 25
        harapan[f"{bawah}–{bawah + 25}"] = harapan.get(f"{bawah}–{bawah + 25}", 0) + 1
    per_bin = {str(k): int(v) for k, v in zip(tabel.index, tabel.iloc[:, 0], strict=True) if int(v)}
    assert per_bin == harapan
    assert sum(per_bin.values()) == 35
    assert not any("." in str(k) for k in tabel.index)


def test_unduhan_gambar_tertutup_tidak_mendaftar_apa_pun(
    app_db: Path, rekaman: dict[str, tuple[Callable[[], Any], str | None]]
) -> None:
    """Closed, the image downloads register no callable with Streamlit's media file manager.

    Each registration takes that manager's one lock per process; nine per rerun queued every rerun
    of a busy server (README "Penerapan"). The table buttons (CSV, XLSX) still register theirs.
    """
    gambar = (".png", ".svg", ".pdf")
    at = periksa_tanpa_galat(buka_halaman("profil", batas=240, wilayah="33.14", tahun="2025").run())
    nama = [str(n) for _, n in rekaman.values()]
    assert nama
    assert not [n for n in nama if n.endswith(gambar)], nama
    buka_tab(at, "profil_grafik", "Selisih ke predikat berikutnya")
    rekaman.clear()
    buka_unduhan_gambar(at, ("profil_ruang",))
    nama = [str(n) for _, n in rekaman.values()]
    assert sorted(n.rsplit(".", 1)[1] for n in nama if n.endswith(gambar)) == ["pdf", "png", "svg"]


def test_profil_tombol_gambar_dan_paket(app_db: Path) -> None:
    at = periksa_tanpa_galat(buka_halaman("profil", batas=240, wilayah="33.14", tahun="2025").run())
    tab = {"Riwayat predikat": "profil_riwayat", "Skor per kelompok": "profil_kelompok",
           "Selisih ke predikat berikutnya": "profil_ruang"}  # fmt: skip
    for label, grafik in tab.items():
        buka_tab(at, "profil_grafik", label)
        assert not _tombol_gambar(at)
        buka_unduhan_gambar(at, (grafik,))
        assert _tombol_gambar(at) == [f"unduh_{grafik}_{f}" for f in ("png", "svg", "pdf")]
    assert any(b.label == "Buat paket evaluasi (PDF + PPTX)" for b in at.button)


def test_peta_tombol_gambar_bahasa_inggris(app_db: Path) -> None:
    at = periksa_tanpa_galat(buka_halaman("peta", batas=240, provinsi="33", tahun="2025", lang="en").run())
    assert [e.label for e in at.expander].count("Download image (PNG, SVG, PDF)") == 1
    label = _unduhan(buka_unduhan_gambar(at, ("peta_utama",)))
    assert {"Download PNG", "Download SVG", "Download PDF"} <= set(label)
    assert {"unduh_peta_utama_png", "unduh_peta_utama_svg", "unduh_peta_utama_pdf"} <= set(_kunci(at))


def test_tanpa_chromium_dasbor_tetap_jalan(app_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/tidak/ada/chromium")
    at = periksa_tanpa_galat(buka_halaman("ringkasan", batas=240, provinsi="33", tahun="2025").run())
    assert not _tombol_gambar(at)
    assert not any(b.label.startswith("Buat paket") for b in at.button)
    teks = [c.value for c in at.caption]
    assert teks.count(ekspor_gambar.PESAN_CHROMIUM) == 2  # the open tab's figure and the pack
    assert len(at.get("plotly_chart")) == 1  # the chart itself still draws


class _Kolom:
    """Stands in for the buttons' row container: records what each download button was given."""

    def __init__(self, catatan: list[dict[str, Any]]) -> None:
        self.catatan = catatan

    def download_button(self, label: str, **opsi: Any) -> bool:
        self.catatan.append({"label": label, **opsi})
        return False


class _Wadah:
    """Stands in for the open expander: its one row is a :class:`_Kolom`."""

    def __init__(self, catatan: list[dict[str, Any]]) -> None:
        self.catatan = catatan

    def container(self, **_: Any) -> _Kolom:
        return _Kolom(self.catatan)


def test_berkas_dibuat_saat_diklik_dengan_nama_dan_isi(db_bawaan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from indicators.ekspor.paket import susun
    from indicators.katalog.model import katalog_bawaan
    from ui.unduh import gambar as unduh_gambar

    catatan: list[dict[str, Any]] = []
    # An open "Unduh gambar" expander whose one wrapping row records the buttons (the data table's stays shut).
    monkeypatch.setattr(
        widgets, "isi_saat_dibuka", lambda _, *, key, **__: _Wadah(catatan) if key == "unduh_uji" else None
    )
    fig, _, _ = susun.gambar_provinsi(db_bawaan, katalog_bawaan(), "33", 2025, "peta")
    konteks = unduh_gambar.KonteksGambar("Jawa Tengah", 2025, "id")
    unduh_gambar.unduh(fig, "peta_predikat", konteks, key="uji")
    assert [c["file_name"] for c in catatan] == [
        f"kla_peta_predikat_jawa-tengah_2025.{f}" for f in ("png", "svg", "pdf")
    ]
    assert all(c["on_click"] == "ignore" and callable(c["data"]) for c in catatan)
    png = catatan[0]["data"]()  # made now, on "click"
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert Image.open(io.BytesIO(png)).size == (2400, 1800)  # maps export taller (1200 x 900 at 2x)
    svg = catatan[1]["data"]().decode("utf-8")
    assert "Peta predikat resmi KLA Jawa Tengah 2025" in svg
    assert "tahap Final" in svg
