"""ui.layar: Streamlit's chart theme written into a figure, so the browser draws it once."""

from __future__ import annotations

import gc
import json

import numpy as np
import plotly.graph_objects as go
import streamlit
from streamlit.elements import plotly_chart  # noqa: F401  (registers Streamlit's plotly template, as the app does)

from indicators.grafik import bingkai
from ui import cache, layar

GEOJSON = "/app/static/geo/jawa_tengah_kabkota.geojson"


def _batang() -> go.Figure:
    fig = go.Figure(
        [
            go.Bar(x=np.array([1.5, 2.0]), y=["A", "B"], orientation="h", name="skor"),
            go.Scatter(x=[1, 2], y=[3, 4], xaxis="x2", marker={"color": "#166b3b"}),
        ]
    )
    fig.update_layout(
        margin={"l": 10, "t": 5},
        xaxis={"title": {"text": "Poin"}},
        xaxis2={"overlaying": "x", "side": "top"},
        yaxis={"tickfont": {"color": "#111111"}},
    )
    return fig


def test_tema_sah_untuk_plotly() -> None:
    """Every value is one plotly.py accepts (a bad key would fail the page, not the test of a page)."""
    go.Layout(layar.TEMA_LAYOUT)
    go.layout.template.Data(layar.TEMA_DATA)


def test_tema_dibaca_dari_streamlit_yang_terpasang() -> None:
    """The theme was read from Streamlit 1.67's client: another version may draw charts otherwise."""
    assert streamlit.__version__ == layar.VERSI_STREAMLIT, (
        "Streamlit changed: read its chart theme again (ui/layar.py says how) and update VERSI_STREAMLIT"
    )


def test_bertemplat_hanya_figur_tanpa_gaya_sendiri() -> None:
    peta = bingkai.peta_berbingkai([go.Choropleth(locations=["33.01"], z=[1], geojson=GEOJSON)], {})
    assert not layar.bertemplat(peta)
    assert layar.untuk_layar(peta) is peta  # a map's style is its own
    assert layar.bertemplat(_batang())
    # A copy (a print export's) takes the process's template again.
    assert layar.bertemplat(go.Figure(peta))


def test_tema_di_bawah_nilai_figur_sendiri() -> None:
    """Worked by hand from the theme: the figure's own values win, key by key, as over a template."""
    fig = _batang()
    asli = fig.to_dict()
    spek = json.loads(layar.untuk_layar(fig).to_json())
    layout = spek["layout"]
    assert "template" not in layout
    assert layout["datarevision"]
    assert layout["margin"] == {"l": 10, "t": 5, "r": 0, "pad": 8}
    assert layout["font"] == {
        "color": "#808495",
        "family": layar.TEMA_LAYOUT["font"]["family"],
        "size": 12,
        "weight": 400,
    }
    assert layout["xaxis"]["title"] == {"text": "Poin", "font": {"color": "#808495", "size": 14}, "standoff": 20}
    assert layout["xaxis"]["showgrid"] is False
    assert layout["yaxis"]["tickfont"] == {"color": "#111111", "size": 12}
    assert layout["yaxis"]["gridcolor"] == "#e6eaf1"
    # The scatter's own x axis, which the figure's layout does not name, is styled too.
    assert layout["xaxis2"]["tickfont"] == {"color": "#808495", "size": 12}
    assert "side" not in layout["xaxis"]  # each axis its own copy of the theme
    # Switches as plotly.js sets them with the theme as a template: the horizontal bars' category
    # axis (y) has no grid or zero line, and the theme's colours switch no tick marks on.
    assert (layout["yaxis"]["showgrid"], layout["yaxis"]["zeroline"], layout["yaxis"]["ticks"]) == (False, False, "")
    assert (layout["xaxis"]["showgrid"], layout["xaxis"]["zeroline"]) == (False, False)  # the theme's own
    assert layout["xaxis"]["minor"]["showgrid"] is False
    assert "yaxis2" not in layout
    assert "coloraxis" not in layout
    assert layout["colorway"][0] == "#0068c9"
    # Trace defaults: the scatter's marker line from the theme, its colour its own; a bar has none.
    batang, titik = spek["data"]
    assert titik["marker"] == {"color": "#166b3b", "line": {"width": 0}}
    assert "marker" not in batang
    # Numbers as a plain list, not a base64 typed array plotly.js would decode anew on every call.
    assert batang["x"] == [1.5, 2.0]
    assert fig.to_dict() == asli  # the shared figure itself is left as it was


def test_revisi_data_ikut_isi_jejak() -> None:
    satu = layar.untuk_layar(_batang()).layout.datarevision
    assert layar.untuk_layar(_batang()).layout.datarevision == satu
    lain = _batang()
    lain.data[0].x = [1.5, 3.0]
    assert layar.untuk_layar(lain).layout.datarevision != satu


def test_salinan_layar_dibuat_sekali_per_figur() -> None:
    dibuat: list[int] = []

    def buat(fig: go.Figure) -> str:
        dibuat.append(id(fig))
        return f"layar {len(dibuat)}"

    fig = _batang()
    assert cache.turunan(fig, buat) == "layar 1"
    assert cache.turunan(fig, buat) == "layar 1"
    nomor = id(fig)
    del fig
    gc.collect()
    assert nomor not in cache._TURUNAN  # its copy goes with it
    assert cache.turunan(_batang(), buat).startswith("layar")
    assert len(dibuat) == 2
