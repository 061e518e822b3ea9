"""Figures of Perlindungan Anak (pure: disclosure-controlled frames in, figures out).

One builder per chart, shared by the page, the evaluation pack and the offline site: the
province map of the rate per 10 000 children (or of counts where no denominator is known), the
monthly trend of one region with its reporting completeness, small multiples by form of
violence, and the service-standard panel of a region against its province.

Every frame comes from the disclosure-controlled read functions (``indicators.perlindungan``),
with per cell ``nilai`` (a float, NaN where the viewer may not see it), ``teks`` (the published
text: an exact number, "1–5", "x" or "–") and ``status`` (``terbuka`` shown; ``primer`` and
``sekunder`` suppressed; ``kosong`` not reported). The builders never draw a hidden cell as a
number: a suppressed or unreported cell is a full-height hatched bar on a hidden 0–1 axis (or a
grey map layer with a constant value), so it is never read as zero, and every hover text is made
of published text only (``teks``), never of ``nilai``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from indicators.analisis import ukuran as uk
from indicators.format import Bahasa, format_angka
from indicators.grafik import bingkai, tata
from indicators.teks import t

TAMPIL = "terbuka"
"""The status of a cell whose number the viewer may see."""
TERSAMAR = ("primer", "sekunder")
"""Suppressed cells: a small count (primary) or a cell hidden so the small one cannot be recovered (secondary)."""
KOSONG = "kosong"
"""A region-period that was not reported (never a zero)."""

_GARIS = "#4d4d4d"
_FONT = "Source Sans Pro, Arial, sans-serif"
_LABEL_HOVER = {"bgcolor": "white", "bordercolor": _GARIS, "font": {"color": "#262730", "family": _FONT}}
_BIRU = "#2171b5"
_ABU = "#7f7f7f"
# Hidden cells: their own colours and hatching, never the scale's pale end and never an empty bar.
_GAYA_TERSEMBUNYI: dict[str, dict[str, Any]] = {
    "tersamar": {"warna": "#fdd49e", "garis": "#d94801", "pola": "/"},
    "kosong": {"warna": "#f0f0f0", "garis": "#969696", "pola": "x"},
    "tidak_diketahui": {"warna": "#ffffff", "garis": "#969696", "pola": "."},
}
_KUNCI_TERSEMBUNYI = {
    "tersamar": "ph_tersamar",
    "kosong": "ph_tidak_dilaporkan",
    "tidak_diketahui": "ph_tidak_diketahui",
}
_KUNCI_HOVER = {**_KUNCI_TERSEMBUNYI, "tersamar": "ph_tersamar_pendek"}
"""The note after a hidden cell's text in a hover ("1–5 (disamarkan)"); the legend names the marks in full."""
_WARNA_PETA_TERSEMBUNYI = {"tersamar": "#fdd49e", "kosong": uk.WARNA_KOSONG, "tidak_diketahui": "#ffffff"}
_ATAS = 50
"""The top margin on screen (pixels)."""
_LABEL_BATANG_MAKS = 24
"""Above this many bars per panel the published text sits in the hover only (labels would overlap)."""


def golongan(status: object, nilai: object) -> str:
    """How a cell is drawn: ``angka`` (a bar of its value), ``tersamar``, ``kosong`` or ``tidak_diketahui``.

    A shown cell without a value (a rate without a denominator) is unknown, never a zero.
    """
    if status in TERSAMAR:
        return "tersamar"
    if status == KOSONG:
        return "kosong"
    if status == TAMPIL and nilai is not None and not pd.isna(nilai):  # type: ignore[call-overload]
        return "angka"
    return "tidak_diketahui"


def _golongan(data: pd.DataFrame) -> list[str]:
    return [golongan(s, v) for s, v in zip(data["status"], data["nilai"], strict=True)]


def _nilai_tampil(data: pd.DataFrame) -> pd.Series:
    """The values of the shown cells only (a hidden cell's value never scales an axis)."""
    return data["nilai"][[g == "angka" for g in _golongan(data)]]


def label_bulan(tahun: int, bulan: int, bahasa: Bahasa) -> str:
    """A period's label: 'Mei 2024' for a month, '2024' for a whole year (``bulan`` 0)."""
    if bulan == 0:
        return str(tahun)
    return f"{t(f'ph_bulan_{bulan}', bahasa)} {tahun}"


def kelengkapan(tren: pd.DataFrame) -> pd.DataFrame:
    """Reporting completeness per year: months reported (not ``kosong``) and months in the frame.

    ``tren`` holds ``tahun, bulan, status`` (one row per month, 1–12; whole-year rows are left out).
    """
    bulanan = tren[tren["bulan"] > 0]
    hasil = bulanan.groupby("tahun", sort=True).agg(
        dilaporkan=("status", lambda s: int((s != KOSONG).sum())), bulan=("bulan", "size")
    )
    return hasil.reset_index()


def teks_kelengkapan(dilaporkan: int, bulan: int, bahasa: Bahasa) -> str:
    """'10 dari 12 bulan dilaporkan' / '10 of 12 months reported'."""
    return t("ph_kelengkapan", bahasa, dilaporkan=dilaporkan, bulan=bulan)


# --- bars with hidden cells -----------------------------------------------------------------------


def _hover(x: Sequence[object], teks: Sequence[object], label_nilai: str, gol: str, bahasa: Bahasa) -> list[str]:
    catatan = "" if gol == "angka" else f" ({t(_KUNCI_HOVER[gol], bahasa)})"
    return [f"<b>{a}</b><br>{label_nilai}: {b}{catatan}" for a, b in zip(x, teks, strict=True)]


def _tambah_batang(
    fig: go.Figure,
    data: pd.DataFrame,
    *,
    x: Sequence[object],
    label_nilai: str,
    bahasa: Bahasa,
    warna: str | Sequence[str],
    sel: tuple[int, int] = (1, 1),
    legenda: set[str],
) -> None:
    """Bars of the shown cells, and one full-height hatched bar per hidden cell on the cell's hidden axis.

    ``legenda`` collects the hidden kinds already in the legend, so each appears once per figure.
    """
    gol = _golongan(data)
    x = list(x)
    teks = [str(v) for v in data["teks"]]
    warna_list = [warna] * len(x) if isinstance(warna, str) else list(warna)
    label = len(x) <= _LABEL_BATANG_MAKS
    pilih = [i for i, g in enumerate(gol) if g == "angka"]
    # Always a trace on the value axis, even an empty one: a cell whose counts are all hidden still
    # needs that axis (the hatched bands' hidden axis overlays it).
    fig.add_trace(
        go.Bar(
            x=[x[i] for i in pilih],
            y=[float(data["nilai"].iloc[i]) for i in pilih],
            marker={"color": [warna_list[i] for i in pilih]},
            text=[teks[i] for i in pilih] if label else None,
            textposition="outside",
            cliponaxis=False,
            hovertext=_hover([x[i] for i in pilih], [teks[i] for i in pilih], label_nilai, "angka", bahasa),
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        ),
        row=sel[0],
        col=sel[1],
        secondary_y=False,
    )
    for jenis in ("tersamar", "kosong", "tidak_diketahui"):
        pilih = [i for i, g in enumerate(gol) if g == jenis]
        if not pilih:
            continue
        gaya = _GAYA_TERSEMBUNYI[jenis]
        nama = t(_KUNCI_TERSEMBUNYI[jenis], bahasa)
        fig.add_trace(
            go.Bar(
                x=[x[i] for i in pilih],
                y=[1.0] * len(pilih),  # the whole height of the hidden 0–1 axis: a band, not a value
                marker={
                    "color": gaya["warna"],
                    "line": {"color": gaya["garis"], "width": 1},
                    "pattern": {
                        "shape": gaya["pola"],
                        "fgcolor": gaya["garis"],
                        "bgcolor": gaya["warna"],
                        "size": 6,
                        "solidity": 0.25,
                    },
                },
                text=[teks[i] for i in pilih] if label else None,
                textposition="inside",
                insidetextanchor="start",
                textangle=0,
                constraintext="none",
                textfont={"color": "#262730", "size": 12},
                hovertext=_hover([x[i] for i in pilih], [teks[i] for i in pilih], label_nilai, jenis, bahasa),
                hovertemplate="%{hovertext}<extra></extra>",
                name=nama,
                legendgroup=jenis,
                showlegend=jenis not in legenda,
            ),
            row=sel[0],
            col=sel[1],
            secondary_y=True,
        )
        legenda.add(jenis)


def _sumbu_hitungan(fig: go.Figure, nilai: pd.Series, sel: tuple[int, int] = (1, 1)) -> None:
    """A count axis never ticks at fractions: small maxima get whole-number ticks, no values a 0–1 frame."""
    angka = [float(v) for v in nilai if v is not None and not pd.isna(v)]
    atas = max(angka, default=0.0)
    if atas < 5:
        puncak = max(1, int(atas) + (0 if atas == int(atas) else 1))
        fig.update_yaxes(
            range=[0, puncak * 1.15], tickvals=list(range(puncak + 1)), row=sel[0], col=sel[1], secondary_y=False
        )


def _sumbu_tersembunyi(fig: go.Figure) -> None:
    """Every secondary y axis is the hidden 0–1 axis of the hatched bands."""
    fig.update_yaxes(range=[0, 1], visible=False, fixedrange=True, secondary_y=True)


def _ruang_atas(fig: go.Figure, px: int, tinggi: int, bawah: int) -> None:
    """Keep ``px`` pixels free above the plots (of a figure ``tinggi`` high), titles and notes moved down too.

    Titles over the top row must not rely on the top margin: a print copy keeps only a thin one.
    """
    bagian = 1 - px / max(tinggi - _ATAS - bawah, px * 4)
    for nama in fig.layout:
        if nama.startswith("yaxis") and fig.layout[nama].domain:
            bawah, atas = fig.layout[nama].domain
            fig.layout[nama].domain = [bawah * bagian, atas * bagian]
    for catatan in fig.layout.annotations:
        if catatan.yref == "paper":
            catatan.y = catatan.y * bagian


def _tata_letak(fig: go.Figure, tinggi: int, bahasa: Bahasa, *, bawah: int, **layout: Any) -> go.Figure:
    """Shared frame; the legend sits at the foot of the figure, ``bawah`` pixels kept for the x axis and it."""
    fig.update_layout(
        barmode="overlay",
        height=tinggi,
        font={"family": _FONT, "size": 14},
        separators=tata.pemisah(bahasa),
        hoverlabel=_LABEL_HOVER,
        # In the figure's own coordinates, below the tick labels however long they are.
        legend={"orientation": "h", "yref": "container", "y": 0.0, "yanchor": "bottom", "x": 0.0},
        plot_bgcolor="white",
        margin={"l": 10, "r": 10, "t": _ATAS, "b": bawah},
        **layout,
    )
    fig.update_yaxes(gridcolor="#e5e5e5", rangemode="tozero", secondary_y=False)
    _sumbu_tersembunyi(fig)
    return fig


# --- the charts -------------------------------------------------------------------------------------


def tren_wilayah(
    tren: pd.DataFrame,
    bahasa: Bahasa,
    *,
    label_nilai: str,
    lengkap: pd.DataFrame | None = None,
    tinggi: int = 380,
) -> go.Figure:
    """Cases per period of one region, with the months reported per year written over each year.

    ``tren`` holds ``tahun, bulan`` (1–12, or 0 for a whole year), ``nilai, teks, status``, in time
    order. An unreported month is a grey hatched band and a suppressed one an orange hatched band,
    both the full height of the chart, so neither is read as zero; a reported zero has no bar and
    says "0" in its label. ``lengkap`` (``tahun, dilaporkan, bulan``) gives the months reported per
    year where the frame cannot (a yearly trend); by default they are counted from ``tren``.
    """
    data = tren.reset_index(drop=True)
    x = [label_bulan(int(a), int(b), bahasa) for a, b in zip(data["tahun"], data["bulan"], strict=True)]
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    _tambah_batang(fig, data, x=x, label_nilai=label_nilai, bahasa=bahasa, warna=_BIRU, legenda=set())
    _sumbu_hitungan(fig, _nilai_tampil(data))
    for baris in (kelengkapan(data) if lengkap is None else lengkap).to_dict("records"):
        posisi = [i for i, th in enumerate(data["tahun"]) if th == baris["tahun"]]
        if not posisi:
            continue
        dilaporkan, bulan = int(baris["dilaporkan"]), int(baris["bulan"])
        singkat = f"{format_angka(dilaporkan, bahasa=bahasa)}/{format_angka(bulan, bahasa=bahasa)}"
        fig.add_annotation(
            x=(posisi[0] + posisi[-1]) / 2,
            y=1.0,  # the plot's top: _ruang_atas moves it down with the plot
            xref="x",
            yref="paper",
            yanchor="bottom",
            # "10/12" only: the full sentence ran into the next year's at phone width. It stays in the
            # hover here and in the caption the page writes above the chart.
            text=f"<b>{baris['tahun']}</b><br>{singkat}",
            hovertext=teks_kelengkapan(dilaporkan, bulan, bahasa),
            showarrow=False,
            font={"size": 11, "color": "#555555"},
        )
        if posisi[0] > 0:  # a thin rule between years
            fig.add_vline(x=posisi[0] - 0.5, line={"color": "#bdbdbd", "width": 1, "dash": "dot"})
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=x, tickangle=-45 if len(x) > 12 else 0)
    fig.update_yaxes(title={"text": label_nilai}, secondary_y=False)
    bawah = 120 if len(x) > 12 else 80
    _ruang_atas(fig, 48, tinggi, bawah)
    return _tata_letak(fig, tinggi, bahasa, bawah=bawah)


def _jarak_baris(baris: int, tinggi_baris: int, px: int = 70) -> float:
    """The gap between rows of panels as plotly wants it (a share of the plot's height) for ``px`` pixels."""
    return 0.0 if baris < 2 else min(0.3, px / (tinggi_baris * baris))


def kecil_bentuk(
    data: pd.DataFrame,
    label_bentuk: Mapping[str, str],
    bahasa: Bahasa,
    *,
    label_nilai: str,
    kolom: int = 4,
    tinggi_baris: int = 230,
) -> go.Figure:
    """Small multiples: one panel per form of violence (in ``label_bentuk`` order), cases per year.

    ``data`` holds ``bentuk, tahun, nilai, teks, status``. Each panel has its own scale (the forms
    differ by two orders of magnitude); hidden cells are hatched bands as in :func:`tren_wilayah`.
    """
    bentuk = [b for b in label_bentuk if (data["bentuk"] == b).any()]
    baris = max(1, -(-len(bentuk) // kolom))
    fig = make_subplots(
        rows=baris,
        cols=kolom,
        subplot_titles=[label_bentuk[b] for b in bentuk],
        specs=[[{"secondary_y": True}] * kolom for _ in range(baris)],
        # Wide enough for the next panel's tick labels ("1.000") not to touch this panel's bars on a phone.
        horizontal_spacing=0.12 if kolom < 3 else 0.08,
        vertical_spacing=_jarak_baris(baris, tinggi_baris),
    )
    tahun = sorted({int(x) for x in data["tahun"]})
    legenda: set[str] = set()
    for i, kode in enumerate(bentuk):
        bagian = data[data["bentuk"] == kode].sort_values("tahun")
        sel = (i // kolom + 1, i % kolom + 1)
        _tambah_batang(
            fig, bagian, x=[str(int(x)) for x in bagian["tahun"]], label_nilai=f"{label_bentuk[kode]}, {label_nilai}",
            bahasa=bahasa, warna=_BIRU, sel=sel, legenda=legenda,
        )  # fmt: skip
        _sumbu_hitungan(fig, _nilai_tampil(bagian), sel)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=[str(x) for x in tahun])
    fig.update_annotations(font={"size": 13})
    _ruang_atas(fig, 24, tinggi_baris * baris + 110, 70)
    return _tata_letak(fig, tinggi_baris * baris + 110, bahasa, bawah=70)


def _dua_baris(nama: str) -> str:
    """A name on two lines at its middle space ('Kota<br>Pekalongan'), so panels side by side stay readable."""
    kata = nama.split(" ")
    if len(kata) < 2:
        return nama
    tengah = min(range(1, len(kata)), key=lambda i: abs(len(" ".join(kata[:i])) - len(" ".join(kata[i:]))))
    return " ".join(kata[:tengah]) + "<br>" + " ".join(kata[tengah:])


def _bungkus(teks: str, lebar: int = 20) -> str:
    """A panel title on as many lines as it needs (``<br>``), so titles side by side never run together."""
    baris: list[str] = []
    for kata in teks.split(" "):
        if baris and len(baris[-1]) + 1 + len(kata) <= lebar:
            baris[-1] += " " + kata
        else:
            baris.append(kata)
    return "<br>".join(baris)


def panel_standar(data: pd.DataFrame, bahasa: Bahasa, *, kolom: int = 2, tinggi_baris: int = 250) -> go.Figure:
    """The service-standard panel: one panel per measure, the region's bar beside the province's.

    ``data`` holds ``ukuran`` (measure key, in panel order), ``label`` (the panel's title with its
    unit), ``persen`` (True: a 0–100 scale), ``nama`` (the region's or the province's name),
    ``provinsi`` (True for the province's bar), ``nilai, teks, status``.
    """
    ukuran = list(dict.fromkeys(data["ukuran"]))
    baris = max(1, -(-len(ukuran) // kolom))
    fig = make_subplots(
        rows=baris,
        cols=kolom,
        subplot_titles=[_bungkus(str(data.loc[data["ukuran"] == u, "label"].iloc[0])) for u in ukuran],
        specs=[[{"secondary_y": True}] * kolom for _ in range(baris)],
        horizontal_spacing=0.12,
        vertical_spacing=_jarak_baris(baris, tinggi_baris, 120),  # tick labels and a title of three lines
    )
    legenda: set[str] = set()
    for i, kode in enumerate(ukuran):
        bagian = data[data["ukuran"] == kode]
        label = str(bagian["label"].iloc[0])
        warna = [_ABU if p else _BIRU for p in bagian["provinsi"]]
        nama = [_dua_baris(str(n)) for n in bagian["nama"]]
        sel = (i // kolom + 1, i % kolom + 1)
        _tambah_batang(fig, bagian, x=nama, label_nilai=label, bahasa=bahasa, warna=warna, sel=sel, legenda=legenda)
        # the region first, the province second, whichever of them is hidden
        fig.update_xaxes(categoryorder="array", categoryarray=nama, row=sel[0], col=sel[1])
        if bool(bagian["persen"].iloc[0]):
            fig.update_yaxes(range=[0, 110], row=sel[0], col=sel[1], secondary_y=False)
        else:
            _sumbu_hitungan(fig, _nilai_tampil(bagian), sel)
    fig.update_xaxes(type="category", tickangle=0, automargin=True)
    fig.update_annotations(font={"size": 13})
    _ruang_atas(fig, 50, tinggi_baris * baris + 120, 90)
    return _tata_letak(fig, tinggi_baris * baris + 120, bahasa, bawah=90)


_LATAR_LEGENDA = "rgba(255,255,255,0.85)"


def peta_perlindungan(
    data: pd.DataFrame,
    geojson: str | dict[str, Any],
    bahasa: Bahasa,
    *,
    label_nilai: str,
    judul_skala: str,
    tinggi: int = 520,
) -> go.Figure:
    """Choropleth of the rate per 10 000 children (or the counts) per kab/kota.

    ``data`` holds ``kode_wilayah, nama, nilai, teks, status`` and optionally ``keterangan`` (further
    published hover lines: months reported, synthetic, not yet verified). Shown values use a neutral
    blue scale (a higher rate may mean better reporting, not more violence); suppressed, unreported
    and unknown regions are their own constant-colour layers with a legend entry. ``geojson`` is
    the static layer's URL (the browser loads it once) or a GeoJSON dict for a static export.
    """
    data = data.reset_index(drop=True)
    gol = _golongan(data)
    keterangan = data["keterangan"] if "keterangan" in data else pd.Series([""] * len(data))
    hover = [
        f"<b>{n}</b><br>{label_nilai}: {v}"
        + ("" if g == "angka" else f" ({t(_KUNCI_HOVER[g], bahasa)})")
        + (f"<br>{k}" if isinstance(k, str) and k else "")
        for n, v, g, k in zip(data["nama"], data["teks"], gol, keterangan, strict=True)
    ]
    jejak: list[go.Choropleth] = []
    for jenis in ("tersamar", "kosong", "tidak_diketahui"):
        pilih = [i for i, g in enumerate(gol) if g == jenis]
        if not pilih:
            continue
        warna = _WARNA_PETA_TERSEMBUNYI[jenis]
        jejak.append(
            go.Choropleth(
                geojson=geojson,
                featureidkey="properties.kode_wilayah",
                locations=[data["kode_wilayah"].iloc[i] for i in pilih],
                z=[0] * len(pilih),  # a constant: the layer's colour says what it is, never a value
                colorscale=[[0, warna], [1, warna]],
                showscale=False,
                showlegend=True,
                name=f"{t(_KUNCI_TERSEMBUNYI[jenis], bahasa)} ({len(pilih)})",
                marker={"line": {"color": _GARIS, "width": 0.6}},
                hovertext=[hover[i] for i in pilih],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    pilih = [i for i, g in enumerate(gol) if g == "angka"]
    if pilih:
        nilai = [float(data["nilai"].iloc[i]) for i in pilih]
        rentang = uk.rentang(nilai) or (0.0, 1.0)
        jejak.append(
            go.Choropleth(
                geojson=geojson,
                featureidkey="properties.kode_wilayah",
                locations=[data["kode_wilayah"].iloc[i] for i in pilih],
                z=nilai,
                zmin=min(0.0, rentang[0]),
                zmax=rentang[1],
                colorscale=uk.skala_warna("netral"),
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
                hovertext=[hover[i] for i in pilih],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig = go.Figure(data=bingkai.dengan_contoh_legenda(jejak))
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    fig.update_layout(
        bingkai.dengan_gaya_peta(
            {
                "margin": {"l": 0, "r": 0, "t": 0, "b": 70},
                "legend": {"orientation": "v", "x": 0.0, "y": 1.0, "yanchor": "top", "bgcolor": _LATAR_LEGENDA},
                "font": {"family": _FONT, "size": 14},
                "height": tinggi,
                "dragmode": False,
                "separators": tata.pemisah(bahasa),
                "hoverlabel": _LABEL_HOVER,
            }
        )
    )
    return bingkai.tanpa_templat(fig)
