"""Plotly figure builders: pure functions from DataFrames to figures (no Streamlit).

Predikat colours are fixed and ordered so that every map and chart, on screen or exported,
reads the same: darker green is a higher predikat; grey is no predikat; white is unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators.analisis.ringkasan import TIDAK_ADA, TIDAK_DITEMUKAN
from indicators.format import Bahasa
from indicators.grafik import tata
from indicators.grafik.bingkai import GEO_PETA, dengan_contoh_legenda, peta_berbingkai
from indicators.katalog.model import PitaPredikat

WARNA_PREDIKAT: dict[str, str] = {
    "KLA": "#00441b",
    "Utama": "#006d2c",
    "Nindya": "#31a354",
    "Madya": "#a1d99b",
    "Pratama": "#c7e9c0",
    TIDAK_ADA: "#9e9e9e",
    TIDAK_DITEMUKAN: "#ffffff",
    # Province status on the national map (indicators.analisis.ringkasan.STATUS_PROVINSI).
    "provila": "#006d2c",
    "penghargaan_lain": "#74c476",
    "bukan_provila": "#9e9e9e",
    "tidak_diketahui": "#ffffff",
}
_GARIS = "#4d4d4d"
_PUCAT = 0.45
"""How strongly an inferred predikat shows its colour (blended with white)."""
_FONT = "Source Sans Pro, Arial, sans-serif"


def peta_kategori(
    data: pd.DataFrame,
    geojson: str | dict[str, Any],
    *,
    kolom_kategori: str,
    urutan: list[str],
    label_kategori: dict[str, str],
    hover: list[str],
    judul: str | None = None,
    disimpulkan: tuple[str, str] | None = None,
    warna: Mapping[str, str] | None = None,
    tambahan: Mapping[str, Any] | None = None,
) -> go.Figure:
    """Build a choropleth with one trace per category, so the legend lists them in ``urutan``.

    ``geojson`` is a URL (interactive: the browser fetches the static layer once) or a
    GeoJSON dict (static export). Features are matched on ``properties.kode_wilayah``;
    ``hover`` holds one preformatted hover text per row of ``data``. ``disimpulkan`` =
    (boolean column, legend suffix): those rows (a predikat inferred, not stated by a source)
    get their own paler trace, so the map and its legend never show an inference like a fact.
    ``warna`` overrides the predikat colours (category → colour); ``tambahan`` holds layout keys
    that replace this map's own (a page's height, separators, hover label). Far-off islands go in an inset
    (:func:`indicators.grafik.bingkai.peta_berbingkai`).
    """
    jejak: list[go.Choropleth] = []
    data = data.assign(_hover=hover, _simpul=data[disimpulkan[0]].fillna(False) if disimpulkan else False)
    # One pass over the rows (rows keep their order in each part), not one filter per legend entry.
    bagian_per = {(k, bool(s)): b for (k, s), b in data.groupby([kolom_kategori, "_simpul"], sort=False)}
    for kategori in urutan:
        for simpul in (False, True):
            bagian = bagian_per.get((kategori, simpul))
            if bagian is None:
                continue
            nama = label_kategori.get(kategori, kategori)
            if simpul and disimpulkan:
                nama = f"{nama}, {disimpulkan[1]}"
            isi = (warna or WARNA_PREDIKAT).get(kategori, "#cccccc")
            jejak.append(_jejak_kategori(bagian, geojson, isi, nama, simpul))
    # One constructor with the whole layout: each update_layout on a made figure costs milliseconds.
    return peta_berbingkai(
        jejak,
        {
            "geo": GEO_PETA,
            **({"title": {"text": judul}} if judul else {}),
            "margin": {"l": 0, "r": 0, "t": 40 if judul else 0, "b": 0},
            "legend": {
                "title": {"text": ""},
                "orientation": "v",
                "x": 0.0,
                "y": 0.0,
                "yanchor": "bottom",
                "bgcolor": "rgba(255,255,255,0.85)",
            },
            "font": {"family": _FONT, "size": 14},
            "height": 520,
            "dragmode": False,
            **(tambahan or {}),
        },
    )


def _jejak_kategori(
    bagian: pd.DataFrame, geojson: str | dict[str, Any], warna: str, nama: str, simpul: bool
) -> go.Choropleth:
    isi, garis = (tata.campur_putih(warna, _PUCAT), tata.campur_putih(_GARIS, _PUCAT)) if simpul else (warna, _GARIS)
    return go.Choropleth(
        geojson=geojson,
        featureidkey="properties.kode_wilayah",
        locations=bagian["kode_wilayah"],
        z=[1] * len(bagian),
        colorscale=[[0, isi], [1, isi]],
        showscale=False,
        showlegend=True,
        name=f"{nama} ({len(bagian)})",
        # Inferred: the same colour, paler, with a heavier outline, in its own legend entry. Paler as
        # the colour blended with white, not as opacity: plotly's legend swatch ignores opacity.
        marker={"line": {"color": garis, "width": 1.6 if simpul else 0.6}},
        hovertext=bagian["_hover"],
        hovertemplate="%{hovertext}<extra></extra>",
        customdata=bagian[["kode_wilayah"]],
    )


def batang_resmi(
    ringkas: pd.DataFrame,
    diketahui: dict[str, int],
    label_kategori: dict[str, str],
    *,
    judul_sumbu: str,
    seri: tuple[str, str],
) -> go.Figure:
    """Bars per predikat band: the official count and, beside it, how many are known by name.

    ``ringkas`` is :func:`indicators.analisis.rekap.ringkasan_predikat` (``predikat, jumlah, dasar``);
    ``diketahui`` the known-by-name count per band; ``seri`` the two legend names (official, known).
    When the count is itself a per-region list only that list is drawn: the two would be the same.
    """
    data = ringkas.assign(_kenal=[diketahui.get(p, 0) for p in ringkas["predikat"]])
    data = data[(data["jumlah"].fillna(0) > 0) | (data["_kenal"] > 0)]
    label = [label_kategori.get(k, k) for k in data["predikat"]]
    warna = [WARNA_PREDIKAT.get(k, "#cccccc") for k in data["predikat"]]
    garis = {"color": _GARIS, "width": 0.6}
    batang: list[go.Bar] = []
    resmi = bool(len(data)) and data["dasar"].iloc[0] == "rekap_resmi"
    if resmi:
        jumlah = data["jumlah"].astype("float").tolist()  # plain lists: readable in the JSON spec and exports
        teks = [_angka_batang(v) for v in jumlah]
        batang.append(
            go.Bar(x=jumlah, y=label, orientation="h", name=seri[0], marker={"color": warna, "line": garis},
                   text=teks, textposition="outside", hoverinfo="skip")
        )  # fmt: skip
    batang.append(
        go.Bar(
            x=data["_kenal"].tolist(),
            y=label,
            orientation="h",
            name=seri[1],
            # Hatched and paler when drawn beside the official count: a share, not a second total.
            marker={"color": warna, "line": garis, "pattern": {"shape": "/" if resmi else ""},
                    "opacity": 0.55 if resmi else 1.0},
            text=data["_kenal"].tolist(),
            textposition="outside",
            hoverinfo="skip",
        )
    )  # fmt: skip
    terbesar = float(pd.concat([data["jumlah"].astype("float"), data["_kenal"]]).max()) if len(data) else 0.0
    return go.Figure(
        data=batang,
        layout={
            "barmode": "group",
            "showlegend": resmi,
            "legend": {"orientation": "h", "y": -0.25},
            "yaxis": {"autorange": "reversed"},
            # Room past the longest bar for its number (textposition outside), which plotly would clip.
            "xaxis": {
                "title": {"text": judul_sumbu},
                "range": [0, max(terbesar, 1.0) * 1.15],
                **({"dtick": 5} if terbesar <= 40 else {}),
            },
            "margin": {"l": 0, "r": 30, "t": 10, "b": 0},
            "font": {"family": _FONT, "size": 14},
            "height": 340 if resmi else 300,
        },
    )


def _angka_batang(v: float) -> str:
    return "" if pd.isna(v) else str(int(v))


def histogram_total(
    kabkota: pd.DataFrame, pita: PitaPredikat, bahasa: Bahasa, *, judul_x: str, judul_y: str
) -> go.Figure:
    """Histogram of final totals (``total_final``) with the predikat bands drawn as shaded bands."""
    pita_isi = tata.pita_vertikal_isi(
        [(b.bawah, b.atas) for b in pita.pita], warna=[WARNA_PREDIKAT[b.predikat] for b in pita.pita],
        label=[b.predikat for b in pita.pita], posisi_label="top left", opacity=0.25,
    )  # fmt: skip
    return go.Figure(
        go.Histogram(
            x=kabkota["total_final"],
            xbins={"start": 0, "size": 25},  # bins at multiples of 25, as the deck and the data table count them
            marker={"color": "#31a354", "line": {"color": "#fff", "width": 1}},
            hovertemplate="%{x}: %{y}<extra></extra>",
        ),
        layout={
            **pita_isi,
            "xaxis": {"title": {"text": judul_x}, "range": [400, 1000]},
            "yaxis": {"title": {"text": judul_y}},
            "margin": {"l": 0, "r": 10, "t": 30, "b": 0},
            "height": 300,
            "bargap": 0.05,
            "separators": tata.pemisah(bahasa),
        },
    )


def sorot_wilayah(
    fig: go.Figure,
    kode_wilayah: str,
    label: str,
    *,
    isi: str = "rgba(0,0,0,0)",
    garis: tuple[str, float] = ("#d7301f", 3.5),
) -> go.Figure:
    """Outline one region on a map built by :func:`peta_kategori` (same boundary layer), thick and dark.

    The highlight is its own trace, by default a transparent fill (the region keeps its predikat
    colour) in a red outline; ``isi`` and ``garis`` (colour, width) set another look. The legend
    names the highlighted region (a transparent one as an outlined square: :func:`dengan_contoh_legenda`).
    """
    geojson = next((tr.geojson for tr in fig.data if getattr(tr, "geojson", None) is not None), None)
    sorot = go.Choropleth(
        geojson=geojson,
        featureidkey="properties.kode_wilayah",
        locations=[kode_wilayah],
        z=[1],
        colorscale=[[0, isi], [1, isi]],
        showscale=False,
        showlegend=True,
        name=label,
        marker={"line": {"color": garis[0], "width": garis[1]}},
        hoverinfo="skip",
    )
    fig.add_traces(dengan_contoh_legenda([sorot]))
    return fig
