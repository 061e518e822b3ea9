"""Download buttons for figures (PNG, SVG, PDF) and for the evaluation pack (PDF report + PPTX deck).

The bytes of a figure are made only when a button is clicked (``st.download_button`` accepts a
callable in Streamlit 1.67), through the one kaleido server of the process
(``indicators.ekspor.gambar``). Without Chromium the dashboard still runs: the buttons are
replaced by one line saying what to install.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators.analisis import layanan, ukuran as uk
from indicators.ekspor import gambar as ekspor_gambar
from indicators.ekspor.gambar import FORMAT, MIME, Format, MetaGambar
from indicators.ekspor.paket import pdf as paket_pdf, pptx as paket_pptx, susun
from indicators.format import Bahasa
from indicators.grafik import data_grafik, peta as grafik_peta
from indicators.teks import ada, t
from ui import aman, cache, gaya, layar, tampilan, widgets

# Up to this many rows a chart's data table is a real HTML table (read cell by cell by screen
# readers); longer ones (a kecamatan map) go to the scrolling data grid.
_BARIS_TABEL_HTML = 60


@dataclass(frozen=True)
class KonteksGambar:
    """What every figure of a page shares: region (or province) name, cycle, stage and language.

    ``rincian`` are extra subtitle parts (the province of a kab/kota, the scheme).
    """

    wilayah: str
    tahun: int
    bahasa: Bahasa
    tahap: str | None = "final"
    rincian: tuple[str, ...] = ()

    def subjudul(self, ukuran: str | None = None) -> str:
        """'Ukuran · Wilayah · siklus 2025 · tahap Final · rincian' in the page's language."""
        bagian = [ukuran] if ukuran else []
        bagian += [self.wilayah, *self.rincian, t("siklus", self.bahasa, tahun=self.tahun)]
        if self.tahap:
            bagian.append(t("unduh_tahap", self.bahasa, tahap=t(f"tahap_{self.tahap}", self.bahasa)))
        return " · ".join(bagian)


def _buat(fig: go.Figure, meta: MetaGambar, format_: Format, lebar: int, tinggi: int) -> bytes:
    return ekspor_gambar.ekspor(fig, meta, format_, lebar=lebar, tinggi=tinggi)


def tombol_unduh(
    fig: go.Figure,
    meta: MetaGambar,
    nama_dasar: str,
    *,
    key: str,
    lebar: int = ekspor_gambar.LEBAR,
    tinggi: int = ekspor_gambar.TINGGI,
) -> None:
    """PNG, SVG and PDF download buttons for a figure, in a collapsed expander built only while open.

    The file is made when a button is clicked. The buttons themselves are drawn only in an open
    expander: each one registers its callable with Streamlit's media file manager on every rerun,
    under one lock per process held across a call that lets go of the GIL. With many sessions
    busy that lock queued every rerun of the process (protocol load test, 100 sessions, imports
    running: p95 5,5 s with nine buttons on a page, 0,8 s without; README "Penerapan").
    """
    if not ekspor_gambar.chromium_tersedia():
        st.caption(ekspor_gambar.PESAN_CHROMIUM)
        return
    kotak = widgets.isi_saat_dibuka(t("unduh_gambar", meta.bahasa), key=f"unduh_{key}", icon=":material/download:")
    if kotak is None:
        return
    # One row that wraps: fixed-width columns cut the labels ("Unduh …") beside a chart in half a
    # page, and stacked them one per row on a phone.
    baris = kotak.container(horizontal=True, gap="small")
    for format_ in FORMAT:
        baris.download_button(
            t("unduh", meta.bahasa, format=format_.upper()),
            data=functools.partial(_buat, fig, meta, format_, lebar, tinggi),
            file_name=f"{nama_dasar}.{format_}",
            mime=MIME[format_],
            on_click="ignore",
            key=f"unduh_{key}_{format_}",
            icon=":material/download:",
            help=t("unduh_bantuan", meta.bahasa),
        )


def grafik(
    fig: go.Figure,
    jenis: str,
    konteks: KonteksGambar,
    *,
    key: str,
    config: dict[str, Any] | None = None,
    sintetis: bool = False,
    judul: str | None = None,
    ukuran: str | None = None,
    statistik: bool = False,
    subjudul: str | None = None,
) -> None:
    """Draw a chart (``st.plotly_chart``) and its PNG/SVG/PDF download buttons under it.

    ``jenis`` names the figure (``peta_predikat``…): it picks the default title and the file name
    (``kla_peta_predikat_jawa-tengah_2025.png``). ``sintetis`` marks a figure showing synthetic values.
    ``subjudul`` replaces the exported subtitle built from ``konteks`` (a view over several cycles).
    """
    layar.gambar(fig, key=key, config=config or tampilan.KONFIG_GRAFIK)
    unduh(
        fig, jenis, konteks, key=key, sintetis=sintetis, judul=judul, ukuran=ukuran, statistik=statistik,
        subjudul=subjudul,
    )  # fmt: skip


def unduh(
    fig: go.Figure,
    jenis: str,
    konteks: KonteksGambar,
    *,
    key: str,
    sintetis: bool = False,
    judul: str | None = None,
    ukuran: str | None = None,
    statistik: bool = False,
    subjudul: str | None = None,
) -> None:
    """Name, PNG/SVG/PDF download buttons and data table of a figure already drawn (see :func:`grafik`).

    The name is read by screen readers; the table is the chart's text alternative, one click away.
    """
    b = konteks.bahasa
    sumber = [t("unduh_sumber_predikat", b)]
    if statistik:
        sumber.append(t("sumber_statistik", b))
    if sintetis:
        sumber.append(t("sumber_skor", b))
    kunci_judul = f"judul_{jenis}"
    teks_judul = judul or (
        t(kunci_judul, b, wilayah=konteks.wilayah, tahun=konteks.tahun) if ada(kunci_judul) else jenis
    )
    meta = MetaGambar(teks_judul, subjudul or konteks.subjudul(ukuran), tuple(sumber), sintetis, b)
    rincian = [konteks.tahap] if konteks.tahap and konteks.tahap != "final" else []
    nama = ekspor_gambar.nama_dasar(jenis, konteks.wilayah, konteks.tahun, *rincian, bahasa=b)
    tinggi = 900 if jenis.startswith("peta") else ekspor_gambar.TINGGI
    gaya.nama_grafik(key, t("ax_nama_grafik", b, judul=meta.judul, subjudul=meta.subjudul))
    tombol_unduh(fig, meta, nama, key=key, tinggi=tinggi)
    tabel_data(fig, b, key=key)


def alternatif(fig: go.Figure, judul: str, bahasa: Bahasa, *, key: str, subjudul: str = "") -> None:
    """The accessible name and the data table of a chart drawn without download buttons."""
    kunci = "ax_nama_grafik" if subjudul else "ax_nama_grafik_singkat"
    gaya.nama_grafik(key, t(kunci, bahasa, judul=judul, subjudul=subjudul))
    tabel_data(fig, bahasa, key=key)


def tabel_data(fig: go.Figure, bahasa: Bahasa, *, key: str) -> None:
    """The chart's data as a table in a collapsed expander: the text alternative of the chart.

    The table is built and sent only while its expander is open (opening it reruns the page).
    Built on every rerun, the tables of a page's charts were a quarter of what a person waited
    for after changing the cycle on Ringkasan (Chromium, 2 cores: 435 → 330 ms median).
    """
    kotak = widgets.isi_saat_dibuka(t("ax_tabel_grafik", bahasa), key=f"tabel_{key}", icon=":material/table_view:")
    if kotak is None:
        return
    with kotak:
        tabel = data_grafik.tabel_grafik(fig, bahasa)
        if tabel.empty:
            st.caption(t("ax_tabel_kosong", bahasa))
        elif len(tabel) <= _BARIS_TABEL_HTML:
            st.table(tabel.set_index(tabel.columns[0]))
        else:
            st.dataframe(tabel, hide_index=True, width="stretch")


# --- evaluation pack -------------------------------------------------------------------------------


def _paket(kunci: str, label: str, bangun: Any, bahasa: Bahasa) -> None:
    """A button that builds a pack with a progress bar, then offers the PDF and the PPTX."""
    if not ekspor_gambar.chromium_tersedia():
        st.caption(ekspor_gambar.PESAN_CHROMIUM)
        return
    if st.button(label, key=f"{kunci}_buat", icon=":material/picture_as_pdf:"):
        bilah = st.progress(0.0, text=t("paket_proses", bahasa, langkah="…"))

        def kemajuan(bagian: float, langkah: str) -> None:
            bilah.progress(0.9 * bagian, text=t("paket_proses", bahasa, langkah=langkah))

        try:
            isi = bangun(kemajuan)
            bilah.progress(0.92, text=t("paket_tulis", bahasa))
            st.session_state[kunci] = (isi.nama_berkas, paket_pdf.tulis_pdf(isi), paket_pptx.tulis_pptx(isi))
        except (layanan.PilihanError, ekspor_gambar.ChromiumTidakAda, ValueError, OSError) as exc:
            st.error(t("paket_galat", bahasa, pesan=aman.md(exc)))  # may quote a region name or a path
            return
        finally:
            bilah.empty()
    if kunci in st.session_state:
        nama, pdf, pptx = st.session_state[kunci]
        st.caption(t("paket_siap", bahasa))
        kiri, kanan = st.columns(2, width=520)
        kiri.download_button(
            t("unduh_pdf", bahasa), pdf, file_name=f"{nama}.pdf", mime="application/pdf", on_click="ignore",
            key=f"{kunci}_pdf", icon=":material/download:",
        )  # fmt: skip
        kanan.download_button(
            t("unduh_pptx", bahasa), pptx, file_name=f"{nama}.pptx", on_click="ignore", key=f"{kunci}_pptx",
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            icon=":material/download:",
        )  # fmt: skip


def paket_wilayah(db: Path, kode: str, tahun: int, tahap: str, bahasa: Bahasa) -> None:
    """The Profil Wilayah pack button: report and deck of one kab/kota, cycle and stage."""
    _paket(
        f"paket_{kode}_{tahun}_{tahap}_{bahasa}",
        t("paket_tombol", bahasa),
        lambda lapor: susun.paket_wilayah(db, cache.katalog(), kode, tahun, tahap=tahap, bahasa=bahasa, kemajuan=lapor),
        bahasa,
    )


def paket_provinsi(db: Path, kode_provinsi: str, nama: str, tahun: int, bahasa: Bahasa) -> KonteksGambar:
    """Offer the province summary pack for BAPPEDA (button with progress) on the Ringkasan page.

    Returns the export context the page's figures share (the province, the cycle, the final stage).
    """
    konteks = KonteksGambar(nama, tahun, bahasa)
    if kode_provinsi == "00":
        return konteks  # the summary pack is per province
    _paket(
        f"paket_prov_{kode_provinsi}_{tahun}_{bahasa}",
        t("paket_provinsi_tombol", bahasa),
        lambda lapor: susun.paket_provinsi(db, cache.katalog(), kode_provinsi, tahun, bahasa=bahasa, kemajuan=lapor),
        bahasa,
    )
    return konteks


def unduh_peta(
    fig: go.Figure,
    ukuran: uk.Ukuran,
    data: pd.DataFrame,
    konteks: KonteksGambar,
    *,
    key: str,
    tahun: int | None = None,
    tingkat: uk.Tingkat = "kabkota",
    judul: str | None = None,
    jenis: str | None = None,
) -> None:
    """Download buttons of a Peta map: title from the page's own map title, synthetic flag from the data.

    ``tahun`` overrides the context's cycle (side-by-side maps); ``judul`` and ``jenis`` the title and
    file kind (the change map).
    """
    if tahun is not None:
        konteks = dataclasses.replace(konteks, tahun=tahun)
    tahap = konteks.tahap if ukuran.berbasis_skor else None
    konteks = dataclasses.replace(konteks, tahap=tahap)
    judul = judul or grafik_peta.judul_peta(ukuran, konteks.wilayah, konteks.tahun, tahap, tingkat, konteks.bahasa)
    sintetis = bool(data["sintetis"].any()) if "sintetis" in data else False
    unduh(
        fig,
        jenis or f"peta_{ukuran.kode}",
        konteks,
        key=key,
        sintetis=sintetis,
        judul=judul,
        statistik=ukuran.jenis == "statistik",
    )
