"""A map carries its whole style and no template, so Streamlit's client draws it once per change.

Streamlit's client draws a new chart, then hands plotly a deep copy of it with its theme applied.
A template in that copy, or data arrays without a ``datarevision``, make plotly draw the map a
second time (60–100 ms for 514 regions). These tests pin what the figure must be for the second
call to be cheap; tests/e2e/test_e2e_peta.py counts the draws in Chromium.
"""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from indicators.grafik import bingkai, perlindungan, peta as grafik_peta, predikat

GEOJSON = {"type": "FeatureCollection", "features": []}


def _peta(kategori: list[str]) -> go.Figure:
    data = pd.DataFrame({"kode_wilayah": [f"33.{i:02d}" for i in range(1, len(kategori) + 1)], "kat": kategori})
    return predikat.peta_kategori(
        data,
        GEOJSON,
        kolom_kategori="kat",
        urutan=["Nindya", "Madya"],
        label_kategori={"Nindya": "Nindya", "Madya": "Madya"},
        hover=[f"wilayah {k}" for k in data["kode_wilayah"]],
    )


def _layout(fig: go.Figure) -> dict[str, object]:
    return dict(json.loads(pio.to_json(fig, validate=False))["layout"])


@pytest.mark.parametrize("bawaan", ["plotly", "none", "plotly_dark"])
def test_peta_tanpa_templat_apa_pun_bawaan_prosesnya(bawaan: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(pio.templates, "default", bawaan)
    layout = _layout(_peta(["Nindya", "Madya", "Madya"]))
    assert "template" not in layout
    # The style a template gave, in the figure itself: dark text and a white hover label; the legend
    # keeps the figure's size (a print copy's 15 px).
    assert layout["legend"]["font"] == {"color": "#262730"}  # type: ignore[index]
    assert layout["hoverlabel"]["bgcolor"] == "#ffffff"  # type: ignore[index]
    assert layout["font"]["family"].startswith("Source Sans Pro")  # type: ignore[index]


def test_revisi_data_ikut_isi_jejak_saja():
    pertama = _layout(_peta(["Nindya", "Madya", "Madya"]))["datarevision"]
    assert pertama == _layout(_peta(["Nindya", "Madya", "Madya"]))["datarevision"]  # same traces, same revision
    assert pertama != _layout(_peta(["Madya", "Madya", "Madya"]))["datarevision"]  # another colour, another one


def test_revisi_membaca_array_numpy_utuh():
    """A numpy array's str() elides its middle: two arrays differing there must not share a revision."""
    z = [float(i) for i in range(3000)]
    satu = bingkai.tanpa_templat(go.Figure(go.Choropleth(locations=[str(i) for i in range(3000)], z=z)))
    z[1500] = -1.0
    dua = bingkai.tanpa_templat(go.Figure(go.Choropleth(locations=[str(i) for i in range(3000)], z=z)))
    assert satu.layout.datarevision != dua.layout.datarevision


def test_gaya_peta_sendiri_menang_kunci_demi_kunci():
    gaya = bingkai.dengan_gaya_peta({"legend": {"x": 0.1, "font": {"size": 14}}, "hoverlabel": {"bgcolor": "white"}})
    legenda = {"x": 0.1, "font": {"size": 14, "color": "#262730"}, "traceorder": "normal", "tracegroupgap": 0}
    assert gaya["legend"] == legenda
    assert gaya["hoverlabel"]["bgcolor"] == "white"
    assert gaya["hoverlabel"]["font"]["size"] == 12


def test_peta_halaman_peta_sudah_membawa_mode_klik():
    """Without them Streamlit's point selection sets these after the first draw, and plotly draws again."""
    data = pd.DataFrame({"kode_wilayah": ["33.01", "33.02"], "nama": ["A", "B"], "kategori": ["Nindya", "Madya"]})
    layout = grafik_peta.MODE_KLIK
    assert layout == {"clickmode": "event+select", "hovermode": "closest", "dragmode": "pan"}
    fig = predikat.peta_kategori(
        data, GEOJSON, kolom_kategori="kategori", urutan=["Nindya", "Madya"],
        label_kategori={"Nindya": "Nindya", "Madya": "Madya"}, hover=["A", "B"], tambahan=grafik_peta.MODE_KLIK,
    )  # fmt: skip
    assert {k: _layout(fig)[k] for k in layout} == layout


def test_peta_perlindungan_tanpa_templat():
    data = pd.DataFrame(
        {"kode_wilayah": ["33.01"], "nama": ["A"], "nilai": [4.2], "teks": ["4,2"], "status": ["angka"]}
    )
    fig = perlindungan.peta_perlindungan(data, GEOJSON, "id", label_nilai="x", judul_skala="x")
    layout = _layout(fig)
    assert "template" not in layout
    assert layout["datarevision"]
    assert layout["hoverlabel"]["font"]["color"] == "#262730"  # type: ignore[index]


def test_array_angka_sebagai_daftar_bukan_array_bertipe():
    """plotly.js decodes a base64 typed array anew on every call: plotly computes the map again."""
    import numpy as np

    fig = bingkai.tanpa_templat(
        go.Figure(go.Choropleth(locations=np.array(["a", "b"], dtype=object), z=np.array([1.5, 2.0])))
    )
    data = json.loads(pio.to_json(fig, validate=False))["data"][0]
    assert data["z"] == [1.5, 2.0]
