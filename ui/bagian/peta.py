"""Pieces of the Peta page: URL-kept pickers, titles, hover texts, map figures, click-to-profile.

No caching here; the figures are built without geometry (the browser loads the static GeoJSON
layer once).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators.analisis import ringkasan, ukuran as uk
from indicators.format import Bahasa, format_angka
from indicators.grafik import predikat as grafik
from indicators.katalog.model import ARAH_LABEL, Katalog
from indicators.teks import t
from ui import tampilan, widgets

_GARIS = "#4d4d4d"
_FONT = "Source Sans Pro, Arial, sans-serif"
URUTAN_PERUBAHAN = ["naik", "tetap", "turun", "tidak_sebanding"]
# Hover boxes in dark text on white: the default takes the region's own (often pale) colour.
_LABEL_HOVER = {"bgcolor": "white", "bordercolor": _GARIS, "font": {"color": "#262730", "family": _FONT}}


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


def judul_peta(
    ukuran: uk.Ukuran, provinsi: str, tahun: int, tahap: str | None, tingkat: uk.Tingkat, bahasa: Bahasa
) -> str:
    """Map title: measure, unit, province (and level), cycle or year, and stage for scores."""
    label = ukuran.label(bahasa)
    satuan = ""
    if ukuran.kontinu:
        # "Prevalensi stunting (SSGI), persen" rather than two parentheses in a row.
        kunci = "peta_judul_satuan_koma" if label.endswith(")") else "peta_judul_satuan"
        satuan = t(kunci, bahasa, satuan=ukuran.satuan(bahasa))
    return t(
        "peta_judul",
        bahasa,
        ukuran=label,
        satuan=satuan,
        wilayah=provinsi if tingkat == "kabkota" else t("peta_judul_kecamatan", bahasa, provinsi=provinsi),
        waktu=t("peta_judul_tahun" if ukuran.jenis == "statistik" else "peta_judul_siklus", bahasa, tahun=tahun),
        tahap=t("peta_judul_tahap", bahasa, tahap=t(f"tahap_{tahap}", bahasa)) if ukuran.berbasis_skor else "",
    )


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
    if ukuran.jenis == "statistik" and bahasa == "id" and katalog.statistik[ukuran.sumber].catatan:
        bagian.append(t("peta_catatan_statistik", bahasa, catatan=katalog.statistik[ukuran.sumber].catatan))
    return " · ".join(bagian)


def _status(status: str, keyakinan: object, terverifikasi: bool, bahasa: Bahasa) -> str:
    teks = uk.LABEL_STATUS[status][0 if bahasa == "id" else 1]
    rincian = []
    if status == "resmi" and isinstance(keyakinan, str):
        rincian.append(t("peta_keyakinan", bahasa, tingkat=t(keyakinan, bahasa)))
    if status != "tidak_ditemukan" and not terverifikasi:
        rincian.append(t("peta_belum_terverifikasi", bahasa))
    return teks + (f" ({', '.join(rincian)})" if rincian else "")


def teks_hover(data: pd.DataFrame, ukuran: uk.Ukuran, tahun: int, bahasa: Bahasa) -> list[str]:
    """One hover text per region: name, value with unit, official predikat, data status."""
    hasil = []
    for nama, tampil, nilai, predikat, status, keyakinan, verif in zip(
        data["nama"],
        data["tampilan"],
        data["nilai"],
        data["predikat"],
        data["status"],
        data["keyakinan"],
        data["terverifikasi"],
        strict=True,
    ):
        baris = [f"<b>{nama}</b>"]
        if ukuran.kontinu:
            nilai_teks = (
                f"{tampil} {ukuran.satuan(bahasa)}"
                if pd.notna(nilai)
                else uk.LABEL_STATUS[status][0 if bahasa == "id" else 1]
            )
            baris.append(f"{ukuran.label(bahasa)} {tahun}: {nilai_teks}")
            if isinstance(predikat, str):
                label = tampilan.label_kategori(bahasa).get(predikat, predikat)
                baris.append(f"{t('peta_predikat_tahun', bahasa, tahun=tahun)}: {label}")
        else:
            baris.append(f"{t('peta_predikat_tahun', bahasa, tahun=tahun)}: {tampil}")
        baris.append(f"{t('peta_status', bahasa)}: {_status(status, keyakinan, bool(verif), bahasa)}")
        hasil.append("<br>".join(baris))
    return hasil


def _selisih_teks(nilai: float, desimal: int, bahasa: Bahasa) -> str:
    teks = format_angka(nilai, desimal, bahasa)
    return "+" + teks if nilai > 0 else teks


def teks_hover_perubahan(ubah: pd.DataFrame, ukuran: uk.Ukuran, awal: int, akhir: int, bahasa: Bahasa) -> list[str]:
    """Hover texts of the change map: both values, the change and whether it is synthetic."""
    desimal = ukuran.desimal if ukuran.desimal is not None else uk.desimal_data(ubah["selisih"])
    label_ubah = {k: t(f"peta_perubahan_{k}", bahasa) for k in URUTAN_PERUBAHAN}
    hasil = []
    for nama, a, b, selisih, arah, sintetis in zip(
        ubah["nama"], ubah["tampilan_awal"], ubah["tampilan_akhir"], ubah["selisih"], ubah["arah_perubahan"],
        ubah["sintetis"], strict=True,
    ):  # fmt: skip
        baris = [f"<b>{nama}</b>", f"{awal}: {a if isinstance(a, str) else '–'}", f"{akhir}: {b}"]
        if ukuran.kontinu and pd.notna(selisih):
            baris.append(
                f"{t('peta_selisih', bahasa)}: {_selisih_teks(selisih, desimal, bahasa)} {ukuran.satuan(bahasa)}"
            )
        else:
            baris.append(f"{t('peta_selisih', bahasa)}: {label_ubah[arah]}")
        if sintetis:
            baris.append(t("label_sintetis", bahasa))
        hasil.append("<br>".join(baris))
    return hasil


def keterangan_arah(ukuran: uk.Ukuran, bahasa: Bahasa) -> str:
    """A short line on how to read the change map's colours."""
    if ukuran.arah == "netral":
        return t("peta_perubahan_netral", bahasa)
    arah = "naik" if ukuran.arah == "kategori" else ukuran.arah
    return t("peta_perubahan_keterangan", bahasa, arah=ARAH_LABEL[arah][0 if bahasa == "id" else 1])


# --- figures ---------------------------------------------------------------------------------------


def url_geojson_peta(kode_provinsi: str, tingkat: uk.Tingkat) -> str:
    """The static layer for the map: kecamatan of Jawa Tengah, or the kab/kota layer."""
    if tingkat == "kecamatan":
        return "/app/static/geo/jawa_tengah_kecamatan.geojson"
    return tampilan.url_geojson(kode_provinsi)


def _tata_letak(fig: go.Figure, tinggi: int, bahasa: Bahasa) -> go.Figure:
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    fig.update_layout(
        margin={"l": 0, "r": 0, "t": 0, "b": 70},
        legend={"orientation": "v", "x": 0.0, "y": 1.0, "yanchor": "top", "bgcolor": "rgba(255,255,255,0.85)"},
        font={"family": _FONT, "size": 14},
        height=tinggi,
        dragmode=False,
        separators=",." if bahasa == "id" else ".,",
        hoverlabel=_LABEL_HOVER,
    )
    return fig


def _lapisan_kosong(data: pd.DataFrame, geojson: str, hover: list[str], label: str) -> go.Choropleth:
    return go.Choropleth(
        geojson=geojson,
        featureidkey="properties.kode_wilayah",
        locations=data["kode_wilayah"],
        z=[0] * len(data),
        colorscale=[[0, uk.WARNA_KOSONG], [1, uk.WARNA_KOSONG]],
        showscale=False,
        showlegend=True,
        name=f"{label} ({len(data)})",
        marker={"line": {"color": _GARIS, "width": 0.6}},
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
    )


def _peta_kontinu(
    data: pd.DataFrame,
    kolom: str,
    geojson: str,
    *,
    skala: list[list[float | str]],
    rentang: tuple[float, float],
    judul_skala: str,
    hover: list[str],
    label_kosong: str,
    tinggi: int,
    bahasa: Bahasa,
    zmid: float | None = None,
) -> go.Figure:
    ada = data[kolom].notna().to_numpy()
    hover_ada = [h for h, a in zip(hover, ada, strict=True) if a]
    hover_kosong = [h for h, a in zip(hover, ada, strict=True) if not a]
    fig = go.Figure()
    if (~ada).any():
        fig.add_trace(_lapisan_kosong(data[~ada], geojson, hover_kosong, label_kosong))
    if ada.any():
        fig.add_trace(
            go.Choropleth(
                geojson=geojson,
                featureidkey="properties.kode_wilayah",
                locations=data.loc[ada, "kode_wilayah"],
                z=data.loc[ada, kolom],
                zmin=rentang[0],
                zmax=rentang[1],
                zmid=zmid,
                colorscale=skala,
                # A horizontal bar under the map leaves the map its full width, even side by side.
                colorbar={
                    "title": {"text": judul_skala, "side": "top"},
                    "orientation": "h",
                    "thickness": 12,
                    "len": 0.7,
                    "x": 0.5,
                    "xanchor": "center",
                    "y": -0.02,
                    "yanchor": "top",
                },
                showlegend=False,
                marker={"line": {"color": _GARIS, "width": 0.6}},
                hovertext=hover_ada,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    return _tata_letak(fig, tinggi, bahasa)


def _judul_skala(ukuran: uk.Ukuran, sintetis: bool, bahasa: Bahasa, awalan: str = "") -> str:
    teks = awalan + ukuran.satuan(bahasa)
    return teks + (f" {t('peta_sintetis_pendek', bahasa)}" if sintetis else "")


def gambar_peta(
    data: pd.DataFrame,
    ukuran: uk.Ukuran,
    geojson: str,
    tahun: int,
    bahasa: Bahasa,
    *,
    rentang: tuple[float, float] | None = None,
    tinggi: int = 520,
) -> go.Figure:
    """Choropleth of one measure for one cycle.

    Predikat: fixed colours with a legend. Numbers: a sequential scale (better = darker green) with
    a colour bar titled with the unit; ``rentang`` shares one range between two maps.
    """
    hover = teks_hover(data, ukuran, tahun, bahasa)
    label = tampilan.label_kategori(bahasa)
    if not ukuran.kontinu:
        fig = grafik.peta_kategori(
            data,
            geojson,
            kolom_kategori="kategori",
            urutan=ringkasan.urutan_kategori(list(ukuran.kategori[1:])),
            label_kategori=label,
            hover=hover,
        )
        fig.update_layout(height=tinggi, separators=",." if bahasa == "id" else ".,", hoverlabel=_LABEL_HOVER)
        return fig
    return _peta_kontinu(
        data,
        "nilai",
        geojson,
        skala=uk.skala_warna(ukuran.arah),
        rentang=rentang or uk.rentang(data["nilai"]) or (0.0, 1.0),
        judul_skala=_judul_skala(ukuran, bool(data["sintetis"].any()), bahasa),
        hover=hover,
        label_kosong=label[ringkasan.TIDAK_DITEMUKAN],
        tinggi=tinggi,
        bahasa=bahasa,
    )


def gambar_perubahan(
    ubah: pd.DataFrame, ukuran: uk.Ukuran, geojson: str, awal: int, akhir: int, bahasa: Bahasa
) -> go.Figure:
    """Change map between two cycles.

    Predikat: moves as up/same/down categories. Numbers: a diverging scale centred on 0 (green =
    better by the measure's direction).
    """
    hover = teks_hover_perubahan(ubah, ukuran, awal, akhir, bahasa)
    if not ukuran.kontinu:
        label = {k: t(f"peta_perubahan_{k}", bahasa) for k in URUTAN_PERUBAHAN}
        fig = grafik.peta_kategori(
            ubah, geojson, kolom_kategori="arah_perubahan", urutan=URUTAN_PERUBAHAN, label_kategori=label, hover=hover
        )
        ada = [k for k in URUTAN_PERUBAHAN if (ubah["arah_perubahan"] == k).any()]
        for trace, kategori in zip(fig.data, ada, strict=True):
            warna = uk.WARNA_PERUBAHAN[kategori]
            trace.colorscale = [[0, warna], [1, warna]]
        fig.update_layout(separators=",." if bahasa == "id" else ".,", hoverlabel=_LABEL_HOVER)
        return fig
    batas = uk.rentang_simetris(ubah["selisih"])
    return _peta_kontinu(
        ubah,
        "selisih",
        geojson,
        skala=uk.skala_divergen(ukuran.arah),
        rentang=(-batas, batas),
        zmid=0.0,
        judul_skala=_judul_skala(ukuran, bool(ubah["sintetis"].any()), bahasa, awalan="Δ "),
        hover=hover,
        label_kosong=t("peta_perubahan_tidak_sebanding", bahasa),
        tinggi=520,
        bahasa=bahasa,
    )


# --- rendering -------------------------------------------------------------------------------------


def tampilkan_peta(fig: go.Figure, *, key: str, tahun: int, wilayah: pd.DataFrame, bahasa: Bahasa) -> None:
    """Draw a map; a click on a region opens its profile (kab/kota; a kecamatan opens its kab/kota)."""
    event: Any = st.plotly_chart(
        fig, key=key, on_select="rerun", selection_mode="points", config=tampilan.KONFIG_PETA, width="stretch"
    )
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
    label = tampilan.label_kategori(bahasa)
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
        _status(s, k, bool(v), bahasa)
        for s, k, v in zip(data["status"], data["keyakinan"], data["terverifikasi"], strict=True)
    ]
    return pd.DataFrame(kolom)
