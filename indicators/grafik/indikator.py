"""Figures of the Indikator page (pure: DataFrames in, figures out).

One indicator's score on a small map, and its trend as a share of the maximum for a region and
the province average. Maps carry no geometry of their own: ``geojson`` is the URL of the static
layer the browser loads (or a GeoJSON dict for a static export).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.colors
import plotly.graph_objects as go

from indicators.format import Bahasa, format_angka
from indicators.grafik import tata
from indicators.grafik.bingkai import GEO_PETA, peta_berbingkai
from indicators.katalog.model import KOMPARABILITAS_LABEL
from indicators.teks import t

_GARIS = "#4d4d4d"
_FONT = "Source Sans Pro, Arial, sans-serif"
_HIJAU = plotly.colors.sequential.Greens
_LABEL_HOVER = {"bgcolor": "white", "bordercolor": _GARIS, "font": {"color": "#262730", "family": _FONT}}


def _i(bahasa: Bahasa) -> int:
    return 0 if bahasa == "id" else 1


def peta_skor(peringkat: pd.DataFrame, nilai_maks: float, bahasa: Bahasa, geojson: str | dict[str, Any]) -> go.Figure:
    """A small choropleth of one indicator's score (0 to its maximum).

    ``peringkat`` holds ``kode_wilayah, nama, nilai, peringkat`` (one indicator, one cycle).
    """
    maks = format_angka(nilai_maks, 0, bahasa)
    hover = [
        f"<b>{n}</b><br>{t('ind_kol_skor', bahasa)}: {format_angka(v, 2, bahasa)} / {maks}"
        f"<br>{t('ind_kol_peringkat', bahasa)}: {p}"
        for n, v, p in zip(peringkat["nama"], peringkat["nilai"], peringkat["peringkat"], strict=True)
    ]
    jejak = go.Choropleth(
        geojson=geojson,
        featureidkey="properties.kode_wilayah",
        locations=peringkat["kode_wilayah"],
        z=peringkat["nilai"],
        zmin=0,
        zmax=nilai_maks,
        colorscale=[[i / (len(_HIJAU) - 1), c] for i, c in enumerate(_HIJAU)],
        marker={"line": {"color": _GARIS, "width": 0.6}},
        colorbar={"title": {"text": t("ind_poin_sintetis", bahasa), "side": "right"}, "thickness": 14, "len": 0.8},
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        hoverlabel=_LABEL_HOVER,
    )
    layout = {
        "geo": GEO_PETA,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "height": 380,
        "dragmode": False,
        "font": {"family": _FONT},
    }
    return peta_berbingkai([jejak], layout)


def grafik_tren(seri: pd.DataFrame, nama: Mapping[str, str], bahasa: Bahasa) -> go.Figure:
    """Line chart of the share of the maximum per cycle; KLA31 (crosswalk) points drawn hollow.

    ``seri`` holds ``seri`` ('provinsi'/'wilayah'), ``tahun, capaian_persen, skema,
    indikator_sumber, komparabilitas``; ``nama`` names the two series.
    """
    fig = go.Figure()
    for kode, warna, garis in (("provinsi", "#7f7f7f", "dash"), ("wilayah", "#006d2c", "solid")):
        bagian = seri[seri["seri"] == kode]
        if bagian.empty:
            continue
        hover = [
            f"{th}: {format_angka(v, 1, bahasa)}% · {sk} {src}"
            + ("" if k == "sama" else f" ({t('ind_komparabilitas', bahasa)}: {KOMPARABILITAS_LABEL[k][_i(bahasa)]})")
            for th, v, sk, src, k in zip(
                bagian["tahun"], bagian["capaian_persen"], bagian["skema"], bagian["indikator_sumber"],
                bagian["komparabilitas"], strict=True,
            )
        ]  # fmt: skip
        fig.add_trace(
            go.Scatter(
                x=bagian["tahun"],
                y=bagian["capaian_persen"],
                mode="lines+markers",
                name=nama[kode],
                line={"color": warna, "dash": garis, "width": 2.5},
                marker={
                    "size": 10,
                    "symbol": ["circle-open" if k != "sama" else "circle" for k in bagian["komparabilitas"]],
                    "line": {"width": 2, "color": warna},
                },
                hovertext=hover,
                hovertemplate="%{hovertext}<extra>%{fullData.name}</extra>",
            )
        )
    lama = seri.loc[seri["komparabilitas"] != "sama", "tahun"]
    if len(lama):
        batas = float(lama.max()) + 0.5
        fig.add_vline(x=batas, line={"color": "#b0b0b0", "dash": "dot"})
        fig.add_annotation(x=batas, y=1.02, yref="paper", text=t("ind_ganti_skema", bahasa), showarrow=False,
                           xanchor="left", font={"size": 12, "color": "#555"})  # fmt: skip
    tahun = sorted({int(x) for x in seri["tahun"]})
    fig.update_layout(
        yaxis={"title": {"text": t("ind_sumbu_capaian", bahasa)}, "range": [0, 105]},
        # A few labelled years, never rotated, the last always shown (a phone has room for five).
        xaxis={"title": {"text": t("tahun", bahasa)}, **tata.sumbu_tahun(tahun)},
        legend={"orientation": "h", "y": -0.25},
        margin={"l": 0, "r": 10, "t": tata.PITA_TOOLBAR, "b": 0},
        height=360,
        font={"family": _FONT, "size": 14},
    )
    return fig
