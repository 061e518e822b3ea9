"""The frame of a map: fit it to the mainland, and show far-off islands in a small inset.

Plotly's ``fitbounds="locations"`` fits every polygon, so a province with a few small islands far
offshore (Jawa Tengah's Karimunjawa, 80 km north of Jepara) is drawn small under a wide band of
sea. Here the frame is the cluster of polygons around the largest one; polygons far from it go in
a small inset map of their own, drawn from the same trace data (same colours, hover and click),
so no region disappears. A real archipelago (the far-off parts hold more than a few per cent of
the land), or a map with nothing far off, is framed whole: no inset could show an archipelago.

Every frame is computed here, never left to plotly's ``fitbounds``: plotly's fit drew the whole of
Indonesia in about half the chart's width, and fitting cost every draw of that map 10–20 ms on a
static page in Chromium (benchmarks/RIWAYAT.md, "Latensi" (w)). A whole frame with a legend at its
bottom left leaves room for the legend under the regions (:func:`dengan_ruang_legenda`).

Generic for any province: nothing here names a region. The geometry is read from the trace's
GeoJSON (a dict, or the static layer its URL points to under ``static/``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from indicators.grafik import tata
from indicators.lokasi import STATIC_DIR

JARAK_GUGUS = 0.25
"""Degrees (~28 km): a polygon closer than this to the mainland's box belongs to the mainland."""
AMBANG_JAUH = 0.03
"""Far-off parts holding more than this share of the land: an archipelago, framed whole."""
_URL_STATIS = "/app/static/"
_TEPI = 0.04
"""Share of each side of the frame left as margin."""
_BARIS_LEGENDA_PX = 21.5
"""Height of one legend entry in px at the maps' 14 px font (measured in Chromium)."""
_TEPI_LEGENDA_PX = 12
"""The legend's own padding in px, above and below its entries."""
_RUANG_LEGENDA_MAKS = 0.45
"""The legend's room never takes more than this share of the chart's height."""
SISIPAN_DOMAIN = {"x": [0.0, 0.2], "y": [0.8, 1.0]}
"""Where the inset sits: the top left corner (the legend of a category map is at the bottom left)."""

GEO_PETA: dict[str, Any] = {"fitbounds": "locations", "visible": False, "projection": {"type": "mercator"}}
"""A map's geo subplot: fitted to its regions, no base map, Mercator (:func:`peta_berbingkai`
replaces plotly's fit with a frame of its own wherever the regions' geometry is at hand). Plotly
copies it into each figure."""

Kotak = tuple[float, float, float, float]
"""(lon_min, lat_min, lon_max, lat_max)."""


@dataclass(frozen=True)
class Bingkai:
    """A map frame: the mainland's lon/lat range and the far-off parts (their owners and their box)."""

    lon: tuple[float, float]
    lat: tuple[float, float]
    jauh: tuple[str, ...]
    lon_jauh: tuple[float, float]
    lat_jauh: tuple[float, float]


def _cincin_luar(geometri: dict[str, Any]) -> list[list[list[float]]]:
    if geometri.get("type") == "Polygon":
        return [geometri["coordinates"][0]]
    if geometri.get("type") == "MultiPolygon":
        return [poligon[0] for poligon in geometri["coordinates"]]
    return []


def _luas(cincin: Sequence[Sequence[float]]) -> float:
    """Area in square degrees (shoelace): only compared with other areas of the same map."""
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(cincin, [*cincin[1:], cincin[0]], strict=True))) / 2


def _kotak(cincin: Sequence[Sequence[float]]) -> Kotak:
    lon = [p[0] for p in cincin]
    lat = [p[1] for p in cincin]
    return (min(lon), min(lat), max(lon), max(lat))


def _gabung(a: Kotak, b: Kotak) -> Kotak:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _jarak(a: Kotak, b: Kotak) -> float:
    dx = max(b[0] - a[2], a[0] - b[2], 0.0)
    dy = max(b[1] - a[3], a[1] - b[3], 0.0)
    return max(dx, dy)


def _dengan_tepi(bawah: float, atas: float) -> tuple[float, float]:
    tepi = (atas - bawah) * _TEPI or 0.05
    return (round(bawah - tepi, 4), round(atas + tepi, 4))


def bingkai_fitur(fitur: Iterable[tuple[str, dict[str, Any]]]) -> Bingkai | None:
    """The frame of ``(code, geometry)`` pairs, or None when plotly's fit of everything is right.

    The mainland is the largest polygon plus every polygon within :data:`JARAK_GUGUS` of the
    growing cluster; the rest is far off. None when nothing is far off, or when the far-off parts
    are more than :data:`AMBANG_JAUH` of the land (an archipelago).
    """
    bagian = [(kode, _kotak(c), _luas(c)) for kode, g in fitur for c in _cincin_luar(g) if len(c) >= 3]
    if not bagian:
        return None
    total = sum(b[2] for b in bagian) or 1.0
    sisa = sorted(bagian, key=lambda b: b[2], reverse=True)
    kotak = sisa.pop(0)[1]
    tumbuh = True
    while tumbuh:
        tumbuh = False
        for b in list(sisa):
            if _jarak(kotak, b[1]) <= JARAK_GUGUS:
                kotak = _gabung(kotak, b[1])
                sisa.remove(b)
                tumbuh = True
    if not sisa or sum(b[2] for b in sisa) / total > AMBANG_JAUH:
        return None
    jauh = sisa[0][1]
    for b in sisa[1:]:
        jauh = _gabung(jauh, b[1])
    return Bingkai(
        lon=_dengan_tepi(kotak[0], kotak[2]),
        lat=_dengan_tepi(kotak[1], kotak[3]),
        jauh=tuple(sorted({b[0] for b in sisa})),
        lon_jauh=_dengan_tepi(jauh[0], jauh[2]),
        lat_jauh=_dengan_tepi(jauh[1], jauh[3]),
    )


@functools.lru_cache(maxsize=16)
def _baca(path: str, mtime_ns: int) -> tuple[tuple[str, dict[str, Any], str], ...]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return tuple(
        (str(f["properties"].get("kode_wilayah")), f["geometry"], str(f["properties"].get("nama", "")))
        for f in data.get("features", [])
        if f.get("geometry")
    )


def fitur_lapisan(
    geojson: str | dict[str, Any], static_dir: Path = STATIC_DIR
) -> list[tuple[str, dict[str, Any], str]]:
    """``(code, geometry, name)`` of every feature of a trace's GeoJSON (a dict or a static-layer URL).

    A URL outside ``static/`` or a missing file gives no features (the map keeps plotly's fit).
    """
    if isinstance(geojson, dict):
        return [
            (str(f["properties"].get("kode_wilayah")), f["geometry"], str(f["properties"].get("nama", "")))
            for f in geojson.get("features", [])
            if f.get("geometry")
        ]
    if not geojson.startswith(_URL_STATIS):
        return []
    path = (static_dir / geojson[len(_URL_STATIS) :]).resolve()
    if not path.is_relative_to(static_dir.resolve()) or not path.is_file():
        return []
    return list(_baca(str(path), path.stat().st_mtime_ns))


Pembingkaian = tuple[Bingkai | None, tuple[tuple[str, str], ...], Kotak | None]
"""A map's mainland frame (None: framed whole), ``(code, name)`` of its features, and their whole box."""


def kotak_fitur(fitur: Iterable[tuple[str, dict[str, Any]]]) -> Kotak | None:
    """The lon/lat box of every polygon of ``(code, geometry)`` pairs, or None for no polygons."""
    kotak: Kotak | None = None
    for _, g in fitur:
        for c in _cincin_luar(g):
            if len(c) >= 3:
                kotak = _kotak(c) if kotak is None else _gabung(kotak, _kotak(c))
    return kotak


@functools.lru_cache(maxsize=64)
def _bingkai_tersimpan(geojson: str, lokasi: frozenset[str]) -> Pembingkaian:
    return _bingkai_dari([f for f in fitur_lapisan(geojson) if f[0] in lokasi])


def _bingkai_dari(fitur: list[tuple[str, dict[str, Any], str]]) -> Pembingkaian:
    pasangan = [(k, g) for k, g, _ in fitur]
    bingkai = bingkai_fitur(pasangan)
    # The whole box only frames a map without a mainland frame: not computed for the others.
    return bingkai, tuple((k, n) for k, _, n in fitur), kotak_fitur(pasangan) if bingkai is None else None


def _jejak_peta(jejak: Sequence[Any]) -> list[Any]:
    return [tr for tr in jejak if tr.type == "choropleth" and (tr.geo or "geo") == "geo"]


GAYA_PETA: dict[str, Any] = {
    "font": {"color": "#262730"},
    # In trace order, without the gap plotly puts between legend groups (dengan_contoh_legenda).
    "legend": {"font": {"color": "#262730"}, "traceorder": "normal", "tracegroupgap": 0},
    "hoverlabel": {
        "bgcolor": "#ffffff",
        "bordercolor": "rgba(47,45,43,0.2)",
        "font": {"family": "Source Sans Pro, Arial, sans-serif", "size": 12, "color": "#262730"},
    },
}
"""A map's whole style, in the figure itself: what Streamlit's theme gave it (a white hover label), with
text in the app's dark grey. The legend keeps the figure's font size (14 px on the page; a print
copy's 15 px, indicators.ekspor.gambar). A map carries no template (:func:`tanpa_templat`)."""


_ARRAY_ANGKA = ("z", "customdata", "text")


def tanpa_templat(fig: go.Figure) -> go.Figure:
    """Drop ``fig``'s template and pin its data revision to its traces' content; return ``fig``.

    Why: Streamlit's client draws a new chart, then applies its theme to a deep copy of the figure
    and hands that to ``Plotly.react``. A template in that copy (any template: it is a new object),
    or data arrays without a ``datarevision``, make plotly draw everything a second time: 60–100 ms
    for the 514-region map on 2 cores, after the map was already drawn. Without a template and with
    a revision that only changes with the traces, the second call is a few milliseconds. A copy of
    the figure (``go.Figure(fig)``, the print exports) takes the process's default template again.
    The page draws a map with ``theme=None`` (:func:`ui.layar.gambar`), so Streamlit adds none.
    Numeric numpy arrays become lists: plotly.py writes them as base64 typed arrays, which
    plotly.js decodes into a new typed array on every call and so computes the map again.
    """
    for tr in fig.data:
        for nama in _ARRAY_ANGKA:
            nilai: Any = getattr(tr, nama, None)
            if getattr(nilai, "dtype", None) is not None and nilai.dtype.kind in "biuf":
                tr[nama] = None  # plotly skips setting a value equal to the one held: clear it first
                tr[nama] = nilai.tolist()
    isi = json.dumps([tr.to_plotly_json() for tr in fig.data], sort_keys=True, default=_nilai_json)
    fig.layout.datarevision = hashlib.blake2b(isi.encode(), digest_size=8).hexdigest()
    fig.layout.template = None
    return fig


def _nilai_json(nilai: Any) -> Any:
    # numpy arrays in full (their str() elides the middle of a long array)
    return nilai.tolist() if hasattr(nilai, "tolist") else str(nilai)


def dengan_gaya_peta(layout: dict[str, Any]) -> dict[str, Any]:
    """``layout`` over :data:`GAYA_PETA`: the map's own font, legend and hover label win, key by key."""
    hasil = {**GAYA_PETA, **layout}
    for kunci in ("font", "legend", "hoverlabel"):
        hasil[kunci] = {**GAYA_PETA[kunci], **layout.get(kunci, {})}
    for kunci in ("legend", "hoverlabel"):
        hasil[kunci]["font"] = {**GAYA_PETA[kunci]["font"], **layout.get(kunci, {}).get("font", {})}
    return hasil


def _punya_jauh(tr: Any, jauh: set[str]) -> bool:
    """Whether a choropleth trace has a far-off location (so the inset gets a copy of it)."""
    return tr.locations is not None and bool(jauh & {str(k) for k in tr.locations})


def _saring(tr: Any, simpan: set[str]) -> Any:
    """A copy of a choropleth trace keeping only the locations in ``simpan`` (on the inset)."""
    lokasi = [str(x) for x in tr.locations]
    indeks = [i for i, k in enumerate(lokasi) if k in simpan]
    salinan = go.Choropleth(tr)
    for nama in ("locations", "z", "hovertext", "text", "customdata"):
        nilai = getattr(tr, nama)
        if nilai is not None and not isinstance(nilai, str) and len(nilai) == len(lokasi):
            setattr(salinan, nama, [nilai[i] for i in indeks])
    # meta as an array, not a dict: plotly compares a dict by identity and would draw the map again
    # for the deep copy Streamlit's client hands it (tanpa_templat); arrays follow the datarevision.
    salinan.update(geo="geo2", showlegend=False, showscale=False, meta=["salinan", "sisipan"])
    return salinan


_GARIS_CONTOH_MAKS = 2.0
"""The thickest outline a legend swatch draws (a region's own outline may be thicker on the map)."""


def _tak_terlihat(warna: str) -> bool:
    """Whether a fill disappears on the legend's white: white or nearly, or fully transparent."""
    warna = warna.replace(" ", "").lower()
    if warna.startswith("rgba("):
        return float(warna.rstrip(")").rsplit(",", 1)[1]) == 0
    return warna == "transparent" or (len(warna) == 7 and warna.startswith("#") and tata.kontras_putih(warna) < 1.1)


def dengan_contoh_legenda(jejak: Sequence[Any]) -> list[Any]:
    """``jejak`` with each white or transparent choropleth's legend entry drawn with its regions' outline.

    Why: plotly draws a choropleth's legend entry as a bare square of its fill, without the outline
    the regions have on the map, so a white entry ('Data tidak ditemukan') or a transparent one (a
    highlighted region: outline only) is invisible on the legend's white background. Such a trace
    leaves the legend to a marker-only stand-in placed right after it (no points, so nothing on the
    map): the same name and count, the fill and outline of its regions. Both share a legend group,
    so a click on the entry still hides the regions. Only those entries: each stand-in costs plotly
    about 1,3 ms per draw (benchmarks/RIWAYAT.md, "Latensi" (o)), and a coloured swatch shows without an outline.
    The choropleths given are changed in place (legend entry off, group set): callers pass traces
    they have just made.
    """
    hasil: list[Any] = []
    for nomor, tr in enumerate(jejak):
        hasil.append(tr)
        skala = getattr(tr, "colorscale", None) if tr.type == "choropleth" else None
        if not tr.showlegend or not skala or {warna for _, warna in skala} != {skala[0][1]}:
            continue
        if not _tak_terlihat(str(skala[0][1])):
            continue
        grup = tr.legendgroup or f"peta-{nomor}"
        tr.update(showlegend=False, legendgroup=grup)
        garis = tr.marker.line
        hasil.append(
            go.Scattergeo(
                lon=[None],
                lat=[None],
                mode="markers",
                name=tr.name,
                legendgroup=grup,
                showlegend=True,
                hoverinfo="skip",
                geo=tr.geo or "geo",
                marker={
                    "symbol": "square",
                    "size": 12,
                    "color": skala[0][1],
                    "opacity": 1.0 if tr.marker.opacity is None else tr.marker.opacity,
                    "line": {"color": garis.color or "#444444", "width": min(garis.width or 1.0, _GARIS_CONTOH_MAKS)},
                },
            )
        )
    return hasil


def peta_berbingkai(jejak: Sequence[Any], layout: dict[str, Any]) -> go.Figure:
    """The map figure of ``jejak`` (traces) and ``layout``, fitted to its mainland, far-off parts in an inset.

    Works on the choropleth traces of the first geo subplot; a map without far-off parts, or of
    an archipelago, is left to plotly's ``fitbounds`` (see the module docstring). The figure is
    made in one constructor: an ``update_layout`` on a made map costs 5 ms or more. Its style is
    :data:`GAYA_PETA` under ``layout``, and it has no template (:func:`tanpa_templat`). Its legend
    entries are drawn like their regions (:func:`dengan_contoh_legenda`).
    """
    jejak = dengan_contoh_legenda(jejak)
    peta = _jejak_peta(jejak)
    bingkai, nama, kotak = _bingkai_jejak(peta)
    layout = dengan_gaya_peta(layout)
    if bingkai is None:
        if kotak is not None:
            layout = dengan_ruang_legenda(_dengan_bingkai_utuh(layout, kotak), _entri_legenda(jejak))
        return tanpa_templat(go.Figure(data=list(jejak), layout=layout))
    jauh = set(bingkai.jauh)
    sisipan = [_saring(tr, jauh) for tr in peta if _punya_jauh(tr, jauh)]
    return tanpa_templat(go.Figure(data=[*jejak, *sisipan], layout=_dengan_sisipan(layout, bingkai, dict(nama))))


def _bingkai_jejak(peta: list[Any]) -> Pembingkaian:
    """The frame of the map traces' locations on their GeoJSON, their features' names and whole box."""
    if not peta:
        return None, (), None
    geojson = peta[0].geojson
    lokasi = frozenset(str(k) for tr in peta for k in (tr.locations if tr.locations is not None else []))
    if isinstance(geojson, str):
        return _bingkai_tersimpan(geojson, lokasi)
    return _bingkai_dari([f for f in fitur_lapisan(geojson) if f[0] in lokasi])


def _entri_legenda(jejak: Sequence[Any]) -> int:
    return sum(1 for tr in jejak if tr.showlegend is True)


def _dengan_bingkai_utuh(layout: dict[str, Any], kotak: Kotak) -> dict[str, Any]:
    geo = layout.get("geo", {})
    return {
        **layout,
        "geo": {
            **geo,
            "fitbounds": False,
            "lonaxis": {**geo.get("lonaxis", {}), "range": list(_dengan_tepi(kotak[0], kotak[2]))},
            "lataxis": {**geo.get("lataxis", {}), "range": list(_dengan_tepi(kotak[1], kotak[3]))},
        },
    }


def _y_mercator(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _lat_mercator(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def dengan_ruang_legenda(layout: dict[str, Any], entri: int) -> dict[str, Any]:
    """``layout`` whose framed map leaves its bottom to a bottom-left legend of ``entri`` entries.

    The frame's south edge moves south (in Mercator y) until the legend's share of the chart's
    height lies under the regions. Then no region hides under the legend at any width: where the
    frame fills the chart's height, the regions fill the part above the legend; where it fills the
    width instead (a narrow screen), plotly centres it and its regions still end above the legend's
    top. Nothing changes without legend entries, with ``showlegend`` off (the pack draws its own
    legend) or with the legend placed elsewhere.
    """
    legenda = layout.get("legend", {})
    geo = layout.get("geo", {})
    lat = geo.get("lataxis", {}).get("range")
    bawah = legenda.get("yanchor") == "bottom" and (legenda.get("y") or 0) <= 0.05
    if entri == 0 or layout.get("showlegend") is False or not bawah or not lat:
        return layout
    ruang = min(_RUANG_LEGENDA_MAKS, (_BARIS_LEGENDA_PX * entri + _TEPI_LEGENDA_PX) / float(layout.get("height", 520)))
    atas, selatan = _y_mercator(lat[1]), _y_mercator(lat[0])
    baru = round(_lat_mercator(atas - (atas - selatan) / (1 - ruang)), 4)
    return {**layout, "geo": {**geo, "lataxis": {**geo.get("lataxis", {}), "range": [baru, lat[1]]}}}


def _dengan_sisipan(layout: dict[str, Any], bingkai: Bingkai, nama_wilayah: dict[str, str]) -> dict[str, Any]:
    """``layout`` with the main map framed on the mainland and the inset's subplot, outline and label."""
    geo = layout.get("geo", {})
    label = ", ".join(nama_wilayah.get(k) or k for k in bingkai.jauh)
    hasil = {
        **layout,
        # The main map keeps the whole figure: with a second geo subplot plotly would shrink its default domain.
        "geo": {
            **geo,
            "domain": {"x": [0, 1], "y": [0, 1]},
            "fitbounds": False,
            "lonaxis": {**geo.get("lonaxis", {}), "range": list(bingkai.lon)},
            "lataxis": {**geo.get("lataxis", {}), "range": list(bingkai.lat)},
        },
        "geo2": {
            "domain": SISIPAN_DOMAIN,
            "projection": {"type": "mercator"},
            "fitbounds": False,
            "lonaxis": {"range": list(bingkai.lon_jauh)},
            "lataxis": {"range": list(bingkai.lat_jauh)},
            "visible": False,
            "bgcolor": "rgba(0,0,0,0)",
        },
        "shapes": [*layout.get("shapes", []), {
            "type": "rect", "xref": "paper", "yref": "paper", "line": {"color": "#9ca3af", "width": 1},
            "x0": SISIPAN_DOMAIN["x"][0], "x1": SISIPAN_DOMAIN["x"][1],
            "y0": SISIPAN_DOMAIN["y"][0], "y1": SISIPAN_DOMAIN["y"][1],
        }],
        "annotations": [*layout.get("annotations", []), {
            "text": label, "xref": "paper", "yref": "paper", "x": SISIPAN_DOMAIN["x"][0], "y": SISIPAN_DOMAIN["y"][0],
            "xanchor": "left", "yanchor": "top", "showarrow": False, "font": {"size": 11, "color": "#374151"},
            "name": "sisipan",
        }],
    }  # fmt: skip
    legenda = layout.get("legend", {})
    y, x = legenda.get("y"), legenda.get("x")
    if (y is not None and y >= 0.5) and (x is None or x <= SISIPAN_DOMAIN["x"][1]):
        hasil["legend"] = {**legenda, "y": SISIPAN_DOMAIN["y"][0] - 0.07, "yanchor": "top"}  # below the inset's label
    return hasil
