"""Figures of the Peta page: a choropleth of any measure for one cycle, and the change between two.

Pure: the values of ``indicators.analisis.ukuran.nilai_ukuran`` (or ``perubahan_ukuran``) in, a
figure out. The maps carry no geometry of their own: ``geojson`` is the URL of the static layer
the browser loads once (or a GeoJSON dict for a static export).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators.analisis import ringkasan, ukuran as uk
from indicators.format import Bahasa, format_angka
from indicators.grafik import predikat as grafik, tata
from indicators.grafik.bingkai import GEO_PETA, peta_berbingkai
from indicators.teks import t

_GARIS = "#4d4d4d"
_FONT = "Source Sans Pro, Arial, sans-serif"
URUTAN_PERUBAHAN = ["naik", "tetap", "turun", "tidak_sebanding"]
# Hover boxes in dark text on white: the default takes the region's own (often pale) colour.
_LABEL_HOVER = {"bgcolor": "white", "bordercolor": _GARIS, "font": {"color": "#262730", "family": _FONT}}


def label_kategori(bahasa: Bahasa) -> dict[str, str]:
    """Display names of the map categories (predikat names are proper names, not translated)."""
    return {
        ringkasan.TIDAK_ADA: t("tidak_ada_predikat", bahasa),
        ringkasan.TIDAK_DITEMUKAN: t("tidak_ditemukan", bahasa),
    }


def teks_status(status: str, keyakinan: object, terverifikasi: bool, bahasa: Bahasa, dasar: object = None) -> str:
    """A value's data status: official (with its confidence and basis), synthetic or not found; unverified flagged."""
    teks = uk.LABEL_STATUS[status][0 if bahasa == "id" else 1]
    rincian = []
    if status == "resmi" and isinstance(keyakinan, str):
        rincian.append(t("peta_keyakinan", bahasa, tingkat=t(keyakinan, bahasa)))
    if status == "resmi" and (basis := ringkasan.label_dasar(dasar, bahasa)):
        rincian.append(basis)
    if status != "tidak_ditemukan" and not terverifikasi:
        rincian.append(t("peta_belum_terverifikasi", bahasa))
    return teks + (f" ({', '.join(rincian)})" if rincian else "")


def teks_hover(data: pd.DataFrame, ukuran: uk.Ukuran, tahun: int, bahasa: Bahasa) -> list[str]:
    """One hover text per region: name, value with unit, official predikat, data status."""
    hasil = []
    dasar_semua = data["dasar"] if "dasar" in data.columns else [None] * len(data)
    for nama, tampil, nilai, predikat, status, keyakinan, dasar, verif in zip(
        data["nama"],
        data["tampilan"],
        data["nilai"],
        data["predikat"],
        data["status"],
        data["keyakinan"],
        dasar_semua,
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
                label = label_kategori(bahasa).get(predikat, predikat)
                baris.append(f"{t('peta_predikat_tahun', bahasa, tahun=tahun)}: {label}")
        else:
            baris.append(f"{t('peta_predikat_tahun', bahasa, tahun=tahun)}: {tampil}")
        baris.append(f"{t('peta_status', bahasa)}: {teks_status(status, keyakinan, bool(verif), bahasa, dasar)}")
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


MODE_KLIK: dict[str, Any] = {"clickmode": "event+select", "hovermode": "closest", "dragmode": "pan"}
"""A Peta map's region is clicked to open its profile: the modes Streamlit's point selection gives a
chart (and the offline site's maps pan too). Set in the figure, the browser need not set them after
the first draw, which would draw the map a second time."""


def _tata_letak(tinggi: int, bahasa: Bahasa) -> dict[str, Any]:
    return {
        "geo": GEO_PETA,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 70},
        "legend": {"orientation": "v", "x": 0.0, "y": 1.0, "yanchor": "top", "bgcolor": "rgba(255,255,255,0.85)"},
        "font": {"family": _FONT, "size": 14},
        "height": tinggi,
        **MODE_KLIK,
        "separators": tata.pemisah(bahasa),
        "hoverlabel": _LABEL_HOVER,
    }


def _lapisan_kosong(data: pd.DataFrame, geojson: str | dict[str, Any], hover: list[str], label: str) -> go.Choropleth:
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
    geojson: str | dict[str, Any],
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
    jejak: list[go.Choropleth] = []
    if (~ada).any():
        jejak.append(_lapisan_kosong(data[~ada], geojson, hover_kosong, label_kosong))
    if ada.any():
        jejak.append(
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
    # One constructor with the whole layout: each update_layout on a made figure costs milliseconds.
    return peta_berbingkai(jejak, _tata_letak(tinggi, bahasa))


def _judul_skala(ukuran: uk.Ukuran, sintetis: bool, bahasa: Bahasa, awalan: str = "") -> str:
    teks = awalan + ukuran.satuan(bahasa)
    return teks + (f" {t('peta_sintetis_pendek', bahasa)}" if sintetis else "")


def gambar_peta(
    data: pd.DataFrame,
    ukuran: uk.Ukuran,
    geojson: str | dict[str, Any],
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
    label = label_kategori(bahasa)
    if not ukuran.kontinu:
        dasar = data["dasar"] if "dasar" in data.columns else pd.Series(None, index=data.index, dtype="object")
        return grafik.peta_kategori(
            data.assign(disimpulkan=ringkasan.disimpulkan(data["kategori"], dasar)),
            geojson,
            kolom_kategori="kategori",
            urutan=ringkasan.urutan_kategori(list(ukuran.kategori[1:])),
            label_kategori=label,
            hover=hover,
            disimpulkan=("disimpulkan", t("peta_disimpulkan", bahasa)),
            tambahan={"height": tinggi, "separators": tata.pemisah(bahasa), "hoverlabel": _LABEL_HOVER, **MODE_KLIK},
        )
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
    ubah: pd.DataFrame, ukuran: uk.Ukuran, geojson: str | dict[str, Any], awal: int, akhir: int, bahasa: Bahasa
) -> go.Figure:
    """Change map between two cycles.

    Predikat: moves as up/same/down categories. Numbers: a diverging scale centred on 0 (green =
    better by the measure's direction).
    """
    hover = teks_hover_perubahan(ubah, ukuran, awal, akhir, bahasa)
    if not ukuran.kontinu:
        label = {k: t(f"peta_perubahan_{k}", bahasa) for k in URUTAN_PERUBAHAN}
        return grafik.peta_kategori(
            ubah, geojson, kolom_kategori="arah_perubahan", urutan=URUTAN_PERUBAHAN, label_kategori=label,
            hover=hover, warna=uk.WARNA_PERUBAHAN,
            tambahan={"separators": tata.pemisah(bahasa), "hoverlabel": _LABEL_HOVER, **MODE_KLIK},
        )  # fmt: skip
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
