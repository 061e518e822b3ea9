"""Charts as the page draws them: Streamlit's chart theme written into the figure, drawn once.

Why: for a chart drawn with ``theme="streamlit"``, Streamlit's client draws the figure, then gives
``Plotly.react`` a deep copy with its theme applied as a template. A template in that copy (any
template: it is a new object) makes plotly compute and draw the whole chart a second time, after it
is already on screen: 15–50 ms of the browser's main thread per chart change on Profil (Chromium
traces, 2 cores; benchmarks/RIWAYAT.md, "Latensi"). A map already carries its whole style and no template
(:func:`indicators.grafik.bingkai.tanpa_templat`). This module does the same for every other chart:
:func:`untuk_layar` writes the theme's values under the figure's own (its own values win, as over a
template) and draws it with ``theme=None``.

:data:`TEMA_LAYOUT` and :data:`TEMA_DATA` are Streamlit 1.67's theme as its client resolves it for
this app (``[theme] base = "light"`` in .streamlit/config.toml): read from ``layout.template`` of a
chart drawn in Chromium. Left out: ``title.color`` and ``title.subtitleColor``, which plotly.js
ignores (plotly.py refuses them), and ``ternary``, a subplot none of our charts has; and
``"transparent"`` is written ``rgba(0,0,0,0)``, the same colour in plotly.js. The theme does two
more things, done here too: it sets the figure's own title in bold, and, being a template, its
colours switch nothing on (:func:`_saklar_sumbu`). When Streamlit is upgraded, read the theme again
(tests/unit/test_layar.py fails on a new version to say so). What plotly drew was compared with
Streamlit's own theme on every chart of Ringkasan, Profil, Perbandingan, Indikator, Gugus Tugas
and Perlindungan Anak: the same layout and data, and the same SVG (benchmarks/RIWAYAT.md, "Latensi").

The figure a page builds is shared and read-only (ui/tetap.py); its screen copy is made once per
figure (:func:`ui.cache.turunan`), since a copy validates every property again (about 4 ms). The
exports keep the figure itself: a print has its own style (indicators.ekspor.gambar).
"""

from __future__ import annotations

import base64
import copy
import re
from typing import Any

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from indicators.grafik import bingkai
from ui import cache

VERSI_STREAMLIT = "1.67.0"
"""The Streamlit whose client theme :data:`TEMA_LAYOUT` and :data:`TEMA_DATA` were read from."""

_ABU = "#808495"
_GARIS = "#e6eaf1"
_FONT = '"Source Sans", sans-serif, "Source Sans", sans-serif'
_BIRU = ["#e4f5ff", "#c7ebff", "#a6dcff", "#83c9ff", "#60b4ff", "#3d9df3", "#1c83e1", "#0068c9", "#0054a3", "#004280"]
_DIVERGEN = [
    "#7d353b",
    "#bd4043",
    "#ff4b4b",
    "#ff8c8c",
    "#ffc7c7",
    "#a6dcff",
    "#60b4ff",
    "#1c83e1",
    "#0054a3",
    "#004280",
]


def _skala(warna: list[str]) -> list[list[Any]]:
    return [[0 if i == 0 else 1 if i == len(warna) - 1 else i / (len(warna) - 1), w] for i, w in enumerate(warna)]


_SKALA_BIRU = _skala(_BIRU)

TEMA_LAYOUT: dict[str, Any] = {
    "coloraxis": {
        "colorscale": _SKALA_BIRU,
        "colorbar": {
            "thickness": 16, "xpad": 24, "ticklabelposition": "outside", "outlinecolor": "rgba(0,0,0,0)",
            "outlinewidth": 8, "len": 0.75, "y": 0.5745,
            "title": {"font": {"color": _ABU, "size": 14}}, "tickfont": {"color": _ABU, "size": 12},
        },
    },
    "colorscale": {"diverging": _skala(_DIVERGEN), "sequential": _SKALA_BIRU, "sequentialminus": _SKALA_BIRU},
    "colorway": [
        "#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5",
    ],
    "font": {"color": _ABU, "family": _FONT, "size": 12, "weight": 400},
    "title": {"font": {"family": _FONT, "size": 16, "color": "#2F2D2B"}, "pad": {"l": 4}, "xanchor": "left", "x": 0},
    "legend": {
        "title": {"font": {"size": 12, "color": _ABU}, "side": "top"}, "valign": "top",
        "bordercolor": "rgba(0,0,0,0)", "borderwidth": 0, "font": {"size": 12, "color": "#262730"},
    },
    "paper_bgcolor": "#FFFFFF",
    "plot_bgcolor": "#FFFFFF",
    "yaxis": {
        "ticklabelposition": "outside", "zerolinecolor": _GARIS,
        "title": {"font": {"color": _ABU, "size": 14}, "standoff": 24},
        "tickcolor": _GARIS, "tickfont": {"color": _ABU, "size": 12}, "gridcolor": _GARIS,
        "minor": {"gridcolor": _GARIS}, "automargin": True,
    },
    "xaxis": {
        "zerolinecolor": _GARIS, "gridcolor": _GARIS, "showgrid": False, "tickfont": {"color": _ABU, "size": 12},
        "tickcolor": _GARIS, "title": {"font": {"color": _ABU, "size": 14}, "standoff": 20},
        "minor": {"gridcolor": _GARIS}, "zeroline": False, "automargin": True,
        "rangeselector": {"bgcolor": "#FFFFFF", "bordercolor": _GARIS, "borderwidth": 1, "x": 0},
    },
    "margin": {"pad": 8, "r": 0, "l": 0},
    "hoverlabel": {
        "bgcolor": "#FFFFFF", "bordercolor": "rgba(47, 45, 43, 0.2)",
        "font": {"color": _ABU, "family": _FONT, "size": 12},
    },
}  # fmt: skip
"""Streamlit's theme for a figure's layout (see the module docstring)."""

TEMA_DATA: dict[str, list[dict[str, Any]]] = {
    "candlestick": [{"decreasing": {"line": {"color": "#ff2b2b"}}, "increasing": {"line": {"color": "#29b09d"}}}],
    "contourcarpet": [{"colorscale": _SKALA_BIRU}],
    "contour": [{"colorscale": _SKALA_BIRU}],
    "heatmap": [{"colorscale": _SKALA_BIRU}],
    "histogram2d": [{"colorscale": _SKALA_BIRU}],
    "icicle": [{"textfont": {"color": "white"}}],
    "sankey": [{"textfont": {"color": _ABU}}],
    "scatter": [{"marker": {"line": {"width": 0}}}],
    "table": [{
        "cells": {
            "fill": {"color": "#FFFFFF"}, "font": {"color": "#262730"}, "line": {"color": "rgba(47, 45, 43, 0.1)"},
        },
        "header": {
            "fill": {"color": "rgba(252, 252, 251, 1)"}, "font": {"color": _ABU},
            "line": {"color": "rgba(47, 45, 43, 0.1)"},
        },
    }],
    "waterfall": [{
        "connector": {"line": {"color": _ABU, "width": 2}}, "decreasing": {"marker": {"color": "#ff2b2b"}},
        "increasing": {"marker": {"color": "#29b09d"}}, "totals": {"marker": {"color": "#0068c9"}},
    }],
}  # fmt: skip
"""Streamlit's theme for each kind of trace, as a template's ``data`` (one entry per kind here)."""

# Traces drawn on x/y axes: the theme's xaxis/yaxis apply to the axes they name.
_KARTESIUS = frozenset(
    {"bar", "box", "candlestick", "contour", "funnel", "heatmap", "histogram", "histogram2d", "ohlc", "scatter",
     "scattergl", "violin", "waterfall"}
)  # fmt: skip
# Traces plotly.js calls "oriented" (no grid along the position axis) and "2dMap" (ticks outside).
_BERORIENTASI = frozenset({"bar", "box", "funnel", "histogram", "violin", "waterfall"})
_PETA_2D = frozenset({"contour", "heatmap", "histogram2d", "histogram2dcontour"})
# Subplots a template styles one by one: every xaxis2, coloraxis3… the figure has takes the theme's.
_SUBPLOT = re.compile(r"(xaxis|yaxis|coloraxis)\d*")


def bertemplat(fig: go.Figure) -> bool:
    """Whether ``fig`` carries a template (a map carries none: its style is its own)."""
    return "template" in fig.layout.to_plotly_json()


def gambar(fig: go.Figure, **kwargs: Any) -> Any:
    """``st.plotly_chart`` of ``fig`` as the page shows it (:func:`untuk_layar`); returns its event."""
    return st.plotly_chart(untuk_layar(fig), theme=None, **kwargs)


def untuk_layar(fig: go.Figure) -> go.Figure:
    """``fig`` with Streamlit's theme written in and no template, made once per (shared) figure."""
    if not bertemplat(fig):
        return fig
    return cache.turunan(fig, _salin_bertema)


def _salin_bertema(fig: go.Figure) -> go.Figure:
    spek = fig.to_dict()
    layout = spek.get("layout", {})
    layout.pop("template", None)
    data = [_dengan_tema_jejak(_tanpa_numpy(tr)) for tr in spek.get("data", [])]
    subplot = _subplot(layout, data)
    tema = _tema_layout(subplot)
    tanpa_grid, tick_luar = _opsi_sumbu(data)
    for nama in subplot:
        if nama[0] in "xy":
            milik = layout.get(nama, {})
            _di_atas(tema[nama], _saklar_sumbu(milik, tema[nama], nama in tanpa_grid, nama in tick_luar))
    if layout.get("title") is not None:  # Streamlit's theme sets a figure's own title in bold
        judul = layout["title"] if isinstance(layout["title"], dict) else {"text": layout["title"]}
        layout["title"] = {**judul, "text": f"<b>{judul.get('text') or ''}</b>"}
    return bingkai.tanpa_templat(go.Figure(data=data, layout=_di_atas(tema, layout)))


def _subplot(layout: dict[str, Any], data: list[dict[str, Any]]) -> set[str]:
    """The subplots (axes, colour axes) of the figure: named in its layout or by a trace."""
    subplot = {k for k in layout if _SUBPLOT.fullmatch(k)}
    for tr in data:
        if tr.get("type", "scatter") in _KARTESIUS:
            subplot |= {_nama_sumbu(tr.get("xaxis", "x")), _nama_sumbu(tr.get("yaxis", "y"))}
    return subplot


def _tema_layout(subplot: set[str]) -> dict[str, Any]:
    """The theme's layout for a figure with these subplots: the subplot styles under each one."""
    tema = copy.deepcopy({k: v for k, v in TEMA_LAYOUT.items() if not _SUBPLOT.fullmatch(k)})
    for nama in subplot:  # a copy each: one deepcopy of all would share one dict between xaxis and xaxis2
        tema[nama] = copy.deepcopy(TEMA_LAYOUT[_SUBPLOT.fullmatch(nama).group(1)])  # type: ignore[union-attr]
    return tema


def _opsi_sumbu(data: list[dict[str, Any]]) -> tuple[set[str], set[str]]:
    """The axes plotly draws without a grid by default, and those with ticks outside by default.

    As plotly.js's cartesian layout defaults: an oriented trace (bars, a histogram) has no grid
    along its position axis; a 2D map (a heatmap) has ticks outside on both axes.
    """
    tanpa_grid: set[str] = set()
    tick_luar: set[str] = set()
    for tr in data:
        jenis = tr.get("type", "scatter")
        x, y = _nama_sumbu(tr.get("xaxis", "x")), _nama_sumbu(tr.get("yaxis", "y"))
        if jenis in _PETA_2D:
            tick_luar |= {x, y}
        if jenis in _BERORIENTASI:
            tanpa_grid.add(y if _orientasi(tr) == "h" else x)
    return tanpa_grid, tick_luar


def _orientasi(jejak: dict[str, Any]) -> str:
    """A trace's orientation as plotly.js defaults it (bars: "h" given x only; a histogram: given y only)."""
    if jejak.get("orientation"):
        return str(jejak["orientation"])
    ada_x, ada_y = jejak.get("x") is not None, jejak.get("y") is not None
    if jejak.get("type") == "histogram":
        return "h" if ada_y and not ada_x else "v"
    return "h" if ada_x and not ada_y else "v"


def _saklar_sumbu(milik: dict[str, Any], tema: dict[str, Any], tanpa_grid: bool, tick_luar: bool) -> dict[str, Any]:
    """The switches of an axis as plotly.js derives them when the theme is a template.

    plotly.js turns ticks, grid, zero line and minor grid on when their colour or width is given
    (``Lib.coerce2``), but only when the figure gives it: a template's value does not count. Written
    into the figure, the theme's colours would turn them all on; so each switch the figure leaves
    unset is set here to what plotly would have chosen with the theme as a template.
    """
    minor = milik.get("minor") or {}
    saklar: dict[str, Any] = {}
    if "ticks" not in milik:
        saklar["ticks"] = "outside" if tick_luar or _ada(milik, "ticklen", "tickwidth", "tickcolor") else ""
    if "showgrid" not in milik:
        saklar["showgrid"] = tema.get("showgrid", not tanpa_grid or _ada(milik, "gridcolor", "gridwidth", "griddash"))
    if "zeroline" not in milik:
        saklar["zeroline"] = tema.get("zeroline", not tanpa_grid or _ada(milik, "zerolinecolor", "zerolinewidth"))
    if "showgrid" not in minor:
        saklar["minor"] = {"showgrid": _ada(minor, "gridcolor", "gridwidth", "griddash")}
    return saklar


def _ada(isi: dict[str, Any], *kunci: str) -> bool:
    return any(isi.get(k) is not None for k in kunci)


def _nama_sumbu(acuan: str) -> str:
    """A trace's axis reference (``x``, ``y2``) as the layout key (``xaxis``, ``yaxis2``)."""
    return f"{acuan[0]}axis{acuan[1:]}"


def _dengan_tema_jejak(jejak: dict[str, Any]) -> dict[str, Any]:
    bawaan = TEMA_DATA.get(jejak.get("type", "scatter"))
    return _di_atas(copy.deepcopy(bawaan[0]), jejak) if bawaan else jejak


def _tanpa_numpy(nilai: Any) -> Any:
    # Numeric arrays as lists, at any depth. plotly.py writes a numpy array as a base64 typed array
    # (``{"dtype", "bdata"}``, already in ``to_dict``), which plotly.js decodes into a new array on
    # every call, and so computes the chart again.
    if isinstance(nilai, dict):
        if "bdata" in nilai and "dtype" in nilai:
            larik = np.frombuffer(base64.b64decode(nilai["bdata"]), dtype=np.dtype(nilai["dtype"]))
            if "shape" in nilai:
                larik = larik.reshape([int(n) for n in str(nilai["shape"]).split(",")])
            return larik.tolist()
        return {k: _tanpa_numpy(v) for k, v in nilai.items()}
    return nilai


def _di_atas(bawaan: dict[str, Any], milik: dict[str, Any]) -> dict[str, Any]:
    """``milik`` over ``bawaan``, key by key into nested dicts: the figure's own values win (``bawaan`` is changed)."""
    for kunci, nilai in milik.items():
        lama = bawaan.get(kunci)
        bawaan[kunci] = _di_atas(lama, nilai) if isinstance(lama, dict) and isinstance(nilai, dict) else nilai
    return bawaan
