"""Pieces of the Peta page: URL-kept pickers, titles, the map layer's URL, click-to-profile, the table.

No caching here. The maps are drawn by :mod:`indicators.grafik.peta`, without geometry (the
browser loads the static GeoJSON layer once).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators.analisis import ringkasan, ukuran as uk
from indicators.format import Bahasa
from indicators.grafik import peta as grafik_peta
from indicators.katalog.model import ARAH_LABEL, Katalog
from indicators.teks import t
from ui import cache, layar, tampilan, widgets
from ui.unduh import tabel as unduh_tabel

# --- pickers ---------------------------------------------------------------------------------------


def label_pilihan(ukuran: uk.Ukuran, bahasa: Bahasa) -> str:
    """The measure's name as listed in the picker (statistics are marked as such)."""
    if ukuran.jenis == "statistik":
        return f"{t('peta_statistik_awalan', bahasa)}: {ukuran.label(bahasa)}"
    return ukuran.label(bahasa)


def pilih_ukuran(bahasa: Bahasa, pilihan: dict[str, uk.Ukuran]) -> uk.Ukuran:
    """Measure picker (URL parameter ``ukuran``); official predikat by default."""
    kode = widgets.pilih_dari_url(
        t("peta_ukuran", bahasa),
        list(pilihan),
        param="ukuran",
        bawaan="predikat",
        format_func=lambda k: label_pilihan(pilihan[k], bahasa),
        key="ukuran",
    )
    return pilihan[kode]


def pilih_tingkat(bahasa: Bahasa, tingkat: list[uk.Tingkat]) -> uk.Tingkat:
    """Level picker (URL parameter ``tingkat``), shown only when more than one level has data."""
    if len(tingkat) < 2:
        return tingkat[0]
    return widgets.pilih_dari_url(
        t("peta_tingkat", bahasa),
        tingkat,
        param="tingkat",
        bawaan=tingkat[0],
        format_func=lambda x: t(f"peta_tingkat_{x}", bahasa),
        key="peta_tingkat",
    )


def pilih_tahap(bahasa: Bahasa, tahap: Iterable[str]) -> str:
    """Stage picker (URL parameter ``tahap``) over the stages with scores; final by default."""
    urutan = ["mandiri", "provinsi", "pusat", "final"]
    ada = [x for x in urutan if x in set(tahap)] or ["final"]
    return widgets.pilih_dari_url(
        t("tahap", bahasa),
        ada,
        param="tahap",
        bawaan="final" if "final" in ada else ada[-1],
        format_func=lambda x: t(f"tahap_{x}", bahasa),
        key="tahap",
    )


def pilih_pembanding(bahasa: Bahasa, tahun: int, semua_tahun: Sequence[int]) -> int | None:
    """A toggle for the two-cycle comparison and the second cycle (URL parameter ``tahun2``)."""
    kiri, kanan, _ = st.columns([2, 1, 1], vertical_alignment="bottom")
    with kiri:
        hidup = st.toggle(t("peta_bandingkan", bahasa), value="tahun2" in st.query_params, key="peta_bandingkan")
    lain = [x for x in semua_tahun if x != tahun]
    if not hidup or not lain:
        if "tahun2" in st.query_params:
            del st.query_params["tahun2"]
        if hidup:
            st.info(t("peta_satu_siklus", bahasa))
        return None
    bawaan = ringkasan.siklus_sebelumnya(tahun, list(lain)) or lain[-1]
    with kanan:
        return widgets.pilih_dari_url(t("peta_tahun2", bahasa), lain, param="tahun2", bawaan=bawaan, key="tahun2")


def pilih_tahun(bahasa: Bahasa, ukuran: uk.Ukuran, semua_tahun: Sequence[int], bawaan: int) -> int:
    """Cycle picker (URL parameter ``tahun``) over the cycles with data; "data year" for a statistic."""
    label = t("peta_tahun_data" if ukuran.jenis == "statistik" else "tahun", bahasa)
    return widgets.pilih_dari_url(label, list(semua_tahun), param="tahun", bawaan=bawaan, key="tahun")


# --- text ------------------------------------------------------------------------------------------


def subjudul_peta(ukuran: uk.Ukuran, tahun: int, tahap: str | None, bahasa: Bahasa) -> str:
    """Short heading of one map of a side-by-side pair: the cycle (or year) and the stage."""
    teks = t("peta_subjudul_tahun" if ukuran.jenis == "statistik" else "peta_subjudul_siklus", bahasa, tahun=tahun)
    return teks + (t("peta_judul_tahap", bahasa, tahap=t(f"tahap_{tahap}", bahasa)) if ukuran.berbasis_skor else "")


def keterangan_ukuran(ukuran: uk.Ukuran, katalog: Katalog, bahasa: Bahasa) -> str:
    """One caption line under the title: the indicator's full name, the unit and which way is better."""
    indeks = 0 if bahasa == "id" else 1
    bagian = []
    if ukuran.jenis == "indikator":
        ind = katalog.indikator()[ukuran.sumber]
        bagian.append(t("peta_indikator_lengkap", bahasa, nama=ind.nama.teks if bahasa == "id" else ind.nama_en))
    if ukuran.kontinu:
        bagian.append(t("peta_satuan", bahasa, satuan=ukuran.satuan(bahasa)))
    if ukuran.kontinu:
        bagian.append(t("peta_arah", bahasa, arah=ARAH_LABEL[ukuran.arah][indeks]))
    else:
        bagian.append(t("peta_urutan_predikat", bahasa, urutan=" < ".join(ukuran.kategori[1:])))
    if ukuran.jenis == "statistik" and (catatan := katalog.statistik[ukuran.sumber].catatan_teks(bahasa)):
        bagian.append(t("peta_catatan_statistik", bahasa, catatan=catatan))
    return " · ".join(bagian)


def keterangan_arah(ukuran: uk.Ukuran, bahasa: Bahasa) -> str:
    """A short line on how to read the change map's colours."""
    if ukuran.arah == "netral":
        return t("peta_perubahan_netral", bahasa)
    arah = "naik" if ukuran.arah == "kategori" else ukuran.arah
    return t("peta_perubahan_keterangan", bahasa, arah=ARAH_LABEL[arah][0 if bahasa == "id" else 1])


# --- map layer -------------------------------------------------------------------------------------


def url_geojson_peta(kode_provinsi: str, tingkat: uk.Tingkat) -> str:
    """The static layer for the map: kecamatan of Jawa Tengah, or the kab/kota layer."""
    if tingkat == "kecamatan":
        return "/app/static/geo/jawa_tengah_kecamatan.geojson"
    return tampilan.url_geojson(kode_provinsi)


# --- rendering -------------------------------------------------------------------------------------


def tampilkan_peta(fig: go.Figure, *, key: str, tahun: int, wilayah: pd.DataFrame, bahasa: Bahasa) -> None:
    """Draw a map; a click on a region opens its profile (kab/kota; a kecamatan opens its kab/kota)."""
    event: Any = layar.gambar(
        fig, key=key, on_select="rerun", selection_mode="points", config=tampilan.KONFIG_PETA, width="stretch",
    )  # fmt: skip
    titik = event["selection"]["points"] if event else []
    kode = titik[0].get("location") if titik else None
    if isinstance(kode, str):
        buka_profil(kode, tahun, wilayah, bahasa)


def tujuan_profil(kode: str, tahun: int, wilayah: pd.DataFrame, bahasa: Bahasa) -> dict[str, str]:
    """Query parameters of the profile page for a clicked region (its kab/kota for a kecamatan)."""
    induk = dict(zip(wilayah["kode_wilayah"], wilayah["kode_induk"], strict=True))
    kabkota = induk.get(kode, kode) if kode.count(".") >= 2 else kode
    param = {"wilayah": str(kabkota), "tahun": str(tahun), "provinsi": str(kabkota)[:2]}
    if bahasa == "en":
        param["lang"] = "en"
    return param


def buka_profil(kode: str, tahun: int, wilayah: pd.DataFrame, bahasa: Bahasa) -> None:
    """Go to the profile page of a region, with the view in its URL."""
    st.switch_page("halaman/profil.py", query_params=tujuan_profil(kode, tahun, wilayah, bahasa))


def tabel_nilai(data: pd.DataFrame, ukuran: uk.Ukuran, tahun: int, bahasa: Bahasa) -> pd.DataFrame:
    """The mapped values as a table (for reading and copying), headers in the reader's language."""
    label = grafik_peta.label_kategori(bahasa)
    nilai = f"{ukuran.label(bahasa)} ({ukuran.satuan(bahasa)})" if ukuran.kontinu else ukuran.label(bahasa)
    kolom: dict[str, Any] = {
        t("kode", bahasa): data["kode_wilayah"],
        t("nama", bahasa): data["nama"],
        nilai: data["tampilan"],
    }
    if ukuran.kontinu:
        kolom[t("peta_predikat_tahun", bahasa, tahun=tahun)] = [
            label.get(p, p) if isinstance(p, str) else "–" for p in data["predikat"]
        ]
    kolom[t("peta_status", bahasa)] = [
        grafik_peta.teks_status(s, k, bool(v), bahasa)
        for s, k, v in zip(data["status"], data["keyakinan"], data["terverifikasi"], strict=True)
    ]
    return pd.DataFrame(kolom)


def render_tabel(data: pd.DataFrame, ukuran: uk.Ukuran, tahun: int, tahap: str, bahasa: Bahasa, db: Path) -> None:
    """The mapped values as a table with CSV/XLSX buttons whose files name the measure, region, cycle and stage.

    The rows behind the table go with it: their synthetic flags, the official predikat of the cycle
    (its confidence and basis) and, for a raw statistic, the source of each value shown. Built only
    while its expander is open: closed, its grid (514 rows for Indonesia) and buttons cost every
    change of measure or cycle a mount for nothing (README "Kinerja").
    """
    kotak = widgets.isi_saat_dibuka(t("peta_tabel", bahasa), key="peta_tabel")
    if kotak is None:
        return
    sumber: list[str] = []
    if ukuran.jenis == "statistik":
        stat = cache.statistik(db, ukuran.sumber)
        stat = stat[(stat["tahun"] == tahun) & stat["kode_wilayah"].isin(set(data["kode_wilayah"]))]
        sumber = [str(s) for s in stat["sumber_id"].dropna().unique()]
    konteks: list[str | unduh_tabel.Bagian] = [str(tahun)]
    if ukuran.berbasis_skor:
        konteks.append(unduh_tabel.bagian_tahap(tahap, bahasa))
    with kotak:
        unduh_tabel.tabel(
            tabel_nilai(data, ukuran, tahun, bahasa),
            f"peta_{ukuran.kode}",
            bahasa,
            judul=ukuran.label(bahasa),
            url=("provinsi",),
            konteks=konteks,
            ekspor=data,
            fakta={"predikat": tahun},
            sumber=sumber,
            peta=True,
        )
