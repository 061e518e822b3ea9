"""ui.layar in Debian's Chromium: a chart with the theme written in draws exactly as with the theme
as a template, which is how Streamlit's client applied it (and drew every chart twice).

Each figure is drawn twice by plotly.js on one static page (plotly.py's own bundle, no server, no
network): once with :data:`ui.layar.TEMA_LAYOUT`/``TEMA_DATA`` as its template and its title set in
bold, as Streamlit's theme does, and once as :func:`ui.layar.untuk_layar` makes it. The two SVGs
must be the same, element for element. The figures cover what our builders use and what plotly.js
switches on by itself: horizontal and vertical bars (no grid along their category axis), a
histogram, lines on a second x axis, a heatmap (ticks outside), a line marking a threshold, titles,
and a figure's own grid, tick and zero-line settings, which must still win over the theme.
"""

from __future__ import annotations

import copy
import html.parser
import json
import re
from pathlib import Path

import numpy as np
import plotly
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from playwright.sync_api import Page
from streamlit.elements import plotly_chart  # noqa: F401  (registers Streamlit's plotly template, as the app does)

from ui import layar

pytestmark = pytest.mark.e2e

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _figur() -> dict[str, go.Figure]:
    kategori = [f"Indikator {i}" for i in range(1, 7)]
    batang_h = go.Figure(
        [
            go.Bar(x=np.array([19.4, 17.0, 12.5, 8.0, 5.5, 3.0]), y=kategori, orientation="h", name="Skor"),
            go.Bar(x=[20, 20, 15, 10, 10, 5], y=kategori, orientation="h", name="Maks", opacity=0.3),
        ],
        layout={"barmode": "overlay", "legend": {"orientation": "h", "y": -0.2}, "margin": {"l": 0, "r": 10}},
    )
    batang_h.add_vline(x=15, line={"dash": "dot", "color": "#bdbdbd"}, annotation_text="Madya")
    batang_v = go.Figure(go.Bar(x=["Pratama", "Madya", "Nindya", "Utama"], y=np.array([5, 15, 13, 2])))
    batang_v.update_layout(title="Jumlah per predikat", yaxis={"title": {"text": "kab/kota"}})
    histogram = go.Figure(go.Histogram(x=np.array([512.0, 640.5, 702.1, 715.0, 803.2, 650.0, 690.9])))
    garis = go.Figure(
        [
            go.Scatter(x=[2019, 2021, 2022, 2023, 2025], y=[640.1, 702.3, 715.0, 771.09, 790.2], mode="lines+markers"),
            go.Scatter(x=[1, 2, 3], y=[3, 1, 2], xaxis="x2", marker={"color": "#166b3b"}),
        ],
        layout={"xaxis2": {"overlaying": "x", "side": "top"}, "title": {"text": "Riwayat", "x": 0.5}},
    )
    peta_panas = go.Figure(go.Heatmap(z=np.array([[1, 2, 3], [4, 5, 6]]), x=["a", "b", "c"], y=["p", "q"]))
    milik_sendiri = go.Figure(go.Bar(x=["A", "B", "C"], y=[3, -1, 2]))
    milik_sendiri.update_layout(
        xaxis={"gridcolor": "#ff0000", "tickcolor": "#00aa00", "ticklen": 8},
        yaxis={"showgrid": False, "zerolinecolor": "#0000ff", "minor": {"gridcolor": "#cccccc"}},
    )
    return {
        "batang_h": batang_h, "batang_v": batang_v, "histogram": histogram, "garis": garis,
        "peta_panas": peta_panas, "milik_sendiri": milik_sendiri,
    }  # fmt: skip


def _seperti_streamlit(fig: go.Figure) -> str:
    """The figure as Streamlit's theme gives it to plotly.js: the theme as its template, its title bold."""
    spek = fig.to_dict()
    spek["layout"]["template"] = {"layout": copy.deepcopy(layar.TEMA_LAYOUT), "data": copy.deepcopy(layar.TEMA_DATA)}
    judul = spek["layout"].get("title")
    if judul is not None:
        spek["layout"]["title"] = {**judul, "text": f"<b>{judul.get('text') or ''}</b>"}
    return str(pio.to_json(spek, validate=False))


class _Svg(html.parser.HTMLParser):
    """An SVG as a list of its tags with their attributes sorted, and its texts."""

    def __init__(self) -> None:
        super().__init__()
        self.isi: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.isi.append(f"<{tag} {sorted(attrs)}>")

    def handle_endtag(self, tag: str) -> None:
        self.isi.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.isi.append(data)


def _svg_normal(svg: str) -> list[str]:
    # Random per-draw names (trace uids, clip-path, defs and colour bar ids) and the order in which
    # plotly set an element's attributes, which the drawing does not depend on.
    svg = re.sub(r"(trace|clip|legend|topdefs|defs-|gradient|pattern|cb)[0-9a-f]{6}", r"\1ID", svg)
    svg = re.sub(r"\bg[0-9a-f]{6}-", "gID-", svg)
    pengurai = _Svg()
    pengurai.feed(svg)
    return pengurai.isi


def test_tema_tertulis_sama_dengan_tema_sebagai_templat(page: Page):
    page.set_content(
        '<html><body><div id="a" style="width:700px"></div><div id="b" style="width:700px"></div></body></html>'
    )
    page.add_script_tag(path=str(PLOTLY_JS))
    for nama, fig in _figur().items():
        ditulis = layar.untuk_layar(fig)
        spek_ditulis = json.loads(ditulis.to_json())
        assert "template" not in spek_ditulis["layout"], nama
        svg = page.evaluate(
            """async ([a, b]) => {
                 const gambar = async (id, spek) => { const gd = document.getElementById(id); Plotly.purge(gd);
                   await Plotly.newPlot(gd, spek.data, {...spek.layout, width: 700, height: 420});
                   return gd.querySelector('.main-svg').outerHTML + gd.querySelectorAll('.main-svg')[1].outerHTML; };
                 return [await gambar('a', a), await gambar('b', b)]; }""",
            [json.loads(_seperti_streamlit(fig)), spek_ditulis],
        )
        templat, tertulis = (_svg_normal(s) for s in svg)
        assert len(templat) > 100, nama  # something was drawn (elements and texts)
        assert tertulis == templat, f"{nama}: the chart draws otherwise than with Streamlit's theme"
