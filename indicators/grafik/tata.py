"""Layout pieces every chart shares, so each one reads on a 390 px phone and on a projector alike.

The figure cannot know the width it will be drawn at (Streamlit stretches it to the column), so
what must hold at every width is decided here once: the title sits below a band kept free for
Plotly's toolbar, the legend goes under the plot, year axes label a few years (always the last)
and never rotate their labels, and line colours come from one colour-blind-safe palette.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import Any

from indicators.format import Bahasa

PALET: tuple[str, ...] = ("#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
"""Okabe-Ito colours for compared regions (yellow left out: unreadable on white; vermillion and
black are kept for the pinned region and the reference line)."""
WARNA_SEMAT = "#c2410c"
"""The pinned region: Okabe-Ito vermillion, darkened so that it also reads as text (5.2:1 on white)."""
WARNA_RUJUKAN = "#1f2937"
"""A reference line (the province average): near-black, dashed."""
WARNA_LAIN = "#a3a3a3"
"""Regions past the palette: thin grey, named in the hover only."""

PITA_TOOLBAR = 30
"""Pixels kept free above a chart's title for Plotly's toolbar, which appears over the top right."""
_TINGGI_BARIS_JUDUL = 20
_TINGGI_BARIS_SUBJUDUL = 17
LEBAR_JUDUL = 40
"""Characters per title line: a bold 16 px line this long fits a 390 px phone."""
MAKS_LABEL_TAHUN = 5
"""At most this many labelled years on a year axis (each label ~30 px; a phone plot is ~220 px)."""

LEGENDA_BAWAH: dict[str, Any] = {
    "orientation": "h",
    "yanchor": "top",
    "y": -0.12,
    "x": 0,
    "xanchor": "left",
    "title": {"text": ""},
}
"""A horizontal legend under the plot: it wraps into rows on a phone instead of covering the plot."""


def pemisah(bahasa: Bahasa) -> str:
    """Plotly's ``separators`` for the reader's language: decimal comma in Indonesian, point in English."""
    return ",." if bahasa == "id" else ".,"


def bungkus(teks: str, lebar: int) -> list[str]:
    """Split ``teks`` into lines of at most ``lebar`` characters at spaces (a long word stays whole)."""
    return textwrap.wrap(teks, width=lebar, break_long_words=False, break_on_hyphens=False) or [""]


def judul(teks: str, subjudul: str = "", *, lebar: int = LEBAR_JUDUL) -> tuple[dict[str, Any], int]:
    """A title (wrapped) and grey subtitle under the toolbar band, and the top margin they need.

    Returns ``(layout.title, margin_top)``: the title is anchored in pixels from the top of the
    figure, so neither the toolbar nor a legend can sit on it at any width.
    """
    baris = bungkus(teks, lebar)
    sub = bungkus(subjudul, int(lebar * 1.25)) if subjudul else []
    isi = "<br>".join(baris)
    if sub:
        isi += "<br><span style='font-size:13px;color:#4b5563'>" + "<br>".join(sub) + "</span>"
    atas = PITA_TOOLBAR + _TINGGI_BARIS_JUDUL * len(baris) + _TINGGI_BARIS_SUBJUDUL * len(sub) + 12
    return {
        "text": isi,
        "x": 0,
        "xref": "paper",
        "xanchor": "left",
        "y": 1,
        "yref": "container",
        "yanchor": "top",
        "pad": {"t": PITA_TOOLBAR},
        "font": {"size": 16},
    }, atas


def tahun_berlabel(tahun: Sequence[int], maks: int = MAKS_LABEL_TAHUN) -> list[int]:
    """The years a year axis labels: counted back from the last in equal steps, so the last is always there.

    2017–2025 labels 2017, 2019, 2021, 2023 and 2025; five years or fewer are all labelled.
    """
    urut = sorted({int(x) for x in tahun})
    if not urut:
        return []
    rentang = urut[-1] - urut[0]
    langkah = max(1, math.ceil(rentang / max(maks - 1, 1)))
    return list(range(urut[-1], urut[0] - 1, -langkah))[::-1]


def sumbu_tahun(tahun: Sequence[int], *, jarak: float = 0.5) -> dict[str, Any]:
    """An x axis of calendar years: a few labelled years (never rotated) and a small tick at every year.

    ``jarak`` is the room left before the first and after the last year, in years.
    """
    urut = sorted({int(x) for x in tahun})
    semua = list(range(urut[0], urut[-1] + 1)) if urut else []
    return {
        "tickmode": "array",
        "tickvals": tahun_berlabel(urut),
        "ticktext": [str(x) for x in tahun_berlabel(urut)],
        "tickangle": 0,
        "ticks": "outside",
        "ticklen": 6,
        "minor": {"tickmode": "array", "tickvals": semua, "ticks": "outside", "ticklen": 3, "showgrid": False},
        "range": [urut[0] - jarak, urut[-1] + jarak] if urut else None,
        "showgrid": False,
        "automargin": True,
    }


def _kanal(nilai: int) -> float:
    c = nilai / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def kontras_putih(warna: str) -> float:
    """WCAG contrast ratio of a ``#rrggbb`` colour against white."""
    r, g, b = (int(warna[i : i + 2], 16) for i in (1, 3, 5))
    terang = 0.2126 * _kanal(r) + 0.7152 * _kanal(g) + 0.0722 * _kanal(b)
    return 1.05 / (terang + 0.05)


def campur_putih(warna: str, opasitas: float) -> str:
    """A ``#rrggbb`` colour as it shows at ``opasitas`` over white, as an opaque ``#rrggbb``."""
    rgb = (int(warna[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * opasitas):02x}" for c in rgb)


def warna_teks(warna: str, minimal: float = 4.5) -> str:
    """The same hue darkened until it reads as text on white (WCAG AA, 4.5:1), for direct labels."""
    r, g, b = (int(warna[i : i + 2], 16) for i in (1, 3, 5))
    hasil = warna
    faktor = 1.0
    while kontras_putih(hasil) < minimal and faktor > 0:
        faktor -= 0.05
        hasil = "#{:02x}{:02x}{:02x}".format(*(round(c * faktor) for c in (r, g, b)))
    return hasil


def pita_vertikal_isi(
    rentang: Sequence[tuple[float, float]],
    *,
    warna: str | Sequence[str],
    label: Sequence[str] | None = None,
    posisi_label: str = "top",
    ukuran_label: int | None = None,
    opacity: float | None = None,
    di_bawah: bool = False,
) -> dict[str, list[dict[str, Any]]]:
    """The layout's ``shapes`` and ``annotations`` that shade x ranges over the whole plot height.

    Each range gets a rect on the x axis and the y domain, and (with ``label``) a label inside at
    the top, centred or at the top left: what ``fig.add_vrect`` draws, as plain dicts a builder
    puts into its figure's layout when it makes the figure: an ``update_layout`` on a made figure
    costs 2–10 ms (more with more traces), a constructor's layout a tenth of that, and
    ``add_vrect`` walked every subplot for each band. ``warna`` is one colour for all ranges or
    one per range.
    """
    bentuk: list[dict[str, Any]] = []
    catatan: list[dict[str, Any]] = []
    for i, (x0, x1) in enumerate(rentang):
        rect: dict[str, Any] = {"type": "rect", "xref": "x", "yref": "y domain", "x0": x0, "x1": x1, "y0": 0, "y1": 1}
        rect |= {"fillcolor": warna if isinstance(warna, str) else warna[i], "line": {"width": 0}}
        if opacity is not None:
            rect["opacity"] = opacity
        if di_bawah:
            rect["layer"] = "below"
        bentuk.append(rect)
        if label is not None:
            kiri = posisi_label == "top left"
            teks: dict[str, Any] = {"text": label[i], "xref": "x", "yref": "y domain", "y": 1, "yanchor": "top"}
            teks |= {"x": x0 if kiri else (x0 + x1) / 2, "xanchor": "left" if kiri else "center", "showarrow": False}
            if ukuran_label is not None:
                teks["font"] = {"size": ukuran_label}
            catatan.append(teks)
    return {"shapes": bentuk, "annotations": catatan}
