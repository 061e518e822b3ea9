"""Sections of the Perlindungan Anak page: the viewer and the rule, labels, charts, recap and links.

The viewer and the disclosure rule, the synthetic and "belum terverifikasi" labels, the charts with
their downloads, the recap table and the links to Klaster V and the Gugus Tugas workspace.

Everything drawn comes from :class:`indicators.ekspor.perlindungan.IsiPerlindungan`, read through
the disclosure-controlled functions for the viewer's scope (``ui.cache.isi_perlindungan``): the
public sees "1–5", "x" and "–"; a logged-in editor sees exact figures for the regions of their
scope only. The partners register and the verification marks are H5's sections
(:mod:`ui.bagian.perlindungan_mitra`).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators.akun.pengguna import Pengguna
from indicators.ekspor import gambar as ekspor_gambar, perlindungan as ep
from indicators.ekspor.gambar import MetaGambar
from indicators.format import Bahasa
from indicators.perlindungan import data, sensor
from indicators.teks import t
from ui import aman, cache, layar, masuk, tampilan, tetap
from ui.unduh import gambar, tabel as unduh_tabel

_KONFIG = {"displaylogo": False}


def terbuka(pengguna: Pengguna | None) -> tuple[str, ...]:
    """The regions whose exact figures the viewer may see: none in public, the scope of an editor."""
    return tuple(sorted(data.terbuka_untuk(pengguna)))


def render_penonton(pengguna: Pengguna | None, ambang: int, bahasa: Bahasa) -> None:
    """The disclosure rule, then who is looking: the public (with the login form) or an editor and their scope."""
    st.info(t("ph_aturan", bahasa, ambang=ambang), icon=":material/shield_lock:")
    if pengguna is None:
        st.caption(t("ph_publik", bahasa))
        with st.expander(t("ph_masuk", bahasa)):
            masuk.formulir_masuk(bahasa)
    else:
        lingkup = masuk.label_lingkup(pengguna, bahasa)
        st.caption(t("ph_editor", bahasa, nama=aman.md(pengguna.nama), lingkup=lingkup))


def render_label(isi: ep.IsiPerlindungan, bahasa: Bahasa) -> None:
    """The synthetic label and, for the current year, the regions whose figures are not yet verified."""
    if isi.sintetis:
        st.warning(t("ph_sintetis", bahasa), icon="⚠️")
    belum = isi.belum_terverifikasi()
    if belum:
        st.warning(
            t("ph_belum_terverifikasi", bahasa, tahun=isi.tahun, jumlah=len(belum))
            + " "
            + isi.daftar_belum_terverifikasi(bahasa),
            icon=":material/pending:",
        )


def _unduh(fig: go.Figure, isi: ep.IsiPerlindungan, jenis: str, judul: str, bahasa: Bahasa, *, tinggi: int) -> None:
    """PNG/SVG/PDF buttons: title, the view, the sources and the synthetic mark of the published figure."""
    lingkup = t("semua_wilayah", bahasa) if sensor.TERBUKA_SEMUA in isi.terbuka else ", ".join(isi.terbuka)
    tampilan_ = t("ph_lingkup_pendek", bahasa, lingkup=lingkup) if isi.terbuka else t("ph_publik_pendek", bahasa)
    subjudul = " · ".join([isi.nama_wilayah, str(isi.tahun), tampilan_])
    sumber = ep.daftar_sumber(isi.sumber_untuk(jenis), bahasa)
    batas = [t("ph_sumber_batas", bahasa)] if jenis == "peta" else []
    meta = MetaGambar(judul, subjudul, (*sumber, *batas), isi.sintetis, bahasa)
    nama = ekspor_gambar.nama_dasar(f"perlindungan_{jenis}", isi.nama_wilayah, isi.tahun, bahasa=bahasa)
    gambar.tombol_unduh(fig, meta, nama, key=f"ph_{jenis}", tinggi=tinggi)
    gambar.alternatif(fig, judul, bahasa, key=f"ph_{jenis}", subjudul=subjudul)  # name and data table


def render_sumber_baris(isi: ep.IsiPerlindungan, jenis: str, bahasa: Bahasa) -> None:
    """The 'Sumber: …' line under a chart or table: the sources of the years it shows, real or synthetic."""
    st.caption(aman.md(ep.teks_sumber(isi.sumber_untuk(jenis), bahasa)))


def render_sumber(isi: ep.IsiPerlindungan, bahasa: Bahasa) -> None:
    """Every source behind the figures shown, as a table in an expander (citations escaped, URLs linked)."""
    with st.expander(t("ph_sumber_judul", bahasa), icon=":material/menu_book:"):
        tahun = ", ".join(str(x) for x in sorted({int(th) for d in isi.sumber["tahun"] for th in str(d).split(",")}))
        st.caption(t("ph_sumber_keterangan", bahasa, provinsi=isi.nama_provinsi, tahun=tahun))
        tabel = ep.tabel_sumber(isi.sumber, bahasa)
        sitasi = t("ph_sumber_kol_sitasi", bahasa)
        st.dataframe(
            aman.netral_tabel(tabel, [sitasi]),
            hide_index=True,
            width="stretch",
            key="ph_tabel_sumber",
            column_config={t("ph_sumber_kol_url", bahasa): st.column_config.LinkColumn()},
        )


def render_peta(isi: ep.IsiPerlindungan, bahasa: Bahasa) -> None:
    """The province map (rate per 10 000 children, or counts without a denominator, said so)."""
    judul = ep.judul_peta(isi, bahasa)
    st.subheader(judul)
    if not isi.per_anak:
        st.caption(t("ph_peta_tanpa_penyebut", bahasa))
    fig = tetap.tetap(ep.gambar_peta, isi, tampilan.url_geojson(isi.kode_provinsi), bahasa, tinggi=480)
    layar.gambar(fig, key="ph_peta", config=tampilan.KONFIG_PETA)
    render_sumber_baris(isi, "peta", bahasa)
    _unduh(fig, isi, "peta", judul, bahasa, tinggi=900)  # the print copy takes its geometry inline


def render_wilayah(isi: ep.IsiPerlindungan, bahasa: Bahasa) -> None:
    """The chosen kab/kota beside its province, by form of violence (published text)."""
    st.subheader(t("ph_wilayah_judul", bahasa, nama=isi.nama_wilayah, tahun=isi.tahun))
    kepala, baris = ep.tabel_wilayah(isi, bahasa)
    st.dataframe(pd.DataFrame(baris, columns=kepala), hide_index=True, width="stretch", key="ph_tabel_wilayah")
    render_sumber_baris(isi, "wilayah", bahasa)


def render_rekap(isi: ep.IsiPerlindungan, bahasa: Bahasa) -> None:
    """The recap of every kab/kota by form, with CSV/XLSX files of exactly what is shown, then every source."""
    judul = t("ph_rekap_judul", bahasa, tahun=isi.tahun)
    st.subheader(judul)
    tampil = tetap.tetap(ep.tabel_rekap, isi, bahasa)
    kolom_kode = {t("ph_kol_kode", bahasa): st.column_config.TextColumn(pinned=True)}
    unduh_tabel.tabel(
        tampil,
        "perlindungan_rekap",
        bahasa,
        judul=judul,
        deskripsi=ep.aturan(isi, bahasa),
        ekspor=isi.rekap[["kode_wilayah", "sintetis"]],
        sumber=tuple(isi.sumber_untuk("rekap")["sumber_id"]),
        column_config=kolom_kode,
        key="ph_tabel_rekap",
    )
    render_sumber_baris(isi, "rekap", bahasa)
    render_sumber(isi, bahasa)


def render_grafik(isi: ep.IsiPerlindungan, jenis: str, bahasa: Bahasa) -> None:
    """One of the region's charts (``tren``, ``bentuk``, ``standar``) with its title, note and downloads."""
    judul = {"tren": ep.judul_tren, "bentuk": ep.judul_bentuk, "standar": ep.judul_standar}[jenis](isi, bahasa)
    bangun = {"tren": ep.gambar_tren, "bentuk": ep.gambar_bentuk, "standar": ep.gambar_standar}[jenis]
    st.subheader(judul)
    st.caption(t(f"ph_{jenis}_catatan", bahasa))
    if jenis == "tren":
        st.caption(t("ph_lengkap", bahasa, daftar=ep.teks_lengkap(isi, bahasa)))
    # Two panels a row on screen: a phone's width still shows each form readably.
    fig = tetap.tetap(bangun, isi, bahasa, **({"kolom": 2} if jenis == "bentuk" else {}))
    layar.gambar(fig, key=f"ph_{jenis}", config=_KONFIG)
    render_sumber_baris(isi, jenis, bahasa)
    _unduh(fig, isi, jenis, judul, bahasa, tinggi=ekspor_gambar.TINGGI)


def render_tautan(isi: ep.IsiPerlindungan, bahasa: Bahasa) -> None:
    """Links to the Klaster V indicators (Indikator page) and to the region's Gugus Tugas workspace."""
    st.subheader(t("ph_terkait", bahasa))
    indikator = cache.katalog().indikator()
    lang = {"lang": "en"} if bahasa == "en" else {}
    for kode in ep.INDIKATOR_KLASTER_V:
        ind = indikator[kode]
        st.page_link(
            "halaman/indikator.py",
            label=t("ph_tautan_indikator", bahasa, kode=kode, nama=ind.label.teks),  # the official short label
            query_params={"skema": "KLA24", "indikator": kode, **lang},
            icon=":material/query_stats:",
            help=ind.nama.teks if bahasa == "id" else ind.nama_en,
        )
    st.page_link(
        "halaman/gugus_tugas.py",
        label=t("ph_tautan_gugus", bahasa, nama=isi.nama_wilayah),
        query_params={"provinsi": isi.kode_provinsi, "wilayah": isi.kode_wilayah or "", **lang},
        icon=":material/groups:",
    )
