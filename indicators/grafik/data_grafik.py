"""The data behind a chart as a table: the text alternative every dashboard chart offers.

Built generically from a Plotly figure's traces, so any chart drawn through the one chart wrapper
(``ui.unduh.gambar.grafik``) gets it without its own code. Numbers go through Babel
(:mod:`indicators.format`); a value the chart does not carry stays empty, never invented (a
categorical map colours regions by layer, its ``z`` is only a colour index and is left out).
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.teks import t

# Traces drawn as points/bars on x and y axes; the others are read by their own fields.
_JENIS_XY = {"bar", "scatter", "scattergl", "histogram", "box"}
_JENIS_PETA = {"choropleth", "choroplethmap", "choroplethmapbox"}
_TAG = re.compile(r"<[^>]+>")
# Years are labels, not quantities: 2025 must never read "2.025".
_TAHUN = range(1900, 2101)


def _teks_hover(nilai: object) -> str:
    """Hover text as plain text: line breaks become '; ', markup and entities are dropped."""
    teks = re.sub(r"<br\s*/?>", "; ", str(nilai), flags=re.IGNORECASE)
    return html.unescape(_TAG.sub("", teks)).strip()


def _label(nilai: object, bahasa: Bahasa) -> str:
    """A category (axis position, region code, year) as text."""
    if nilai is None or (isinstance(nilai, float) and nilai != nilai):
        return ""
    if isinstance(nilai, dt.datetime | pd.Timestamp):
        return format_tanggal(nilai.date(), bahasa)
    if isinstance(nilai, dt.date):
        return format_tanggal(nilai, bahasa)
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return str(nilai)


def _angka(nilai: object, bahasa: Bahasa) -> str:
    """A quantity in the reader's locale: whole numbers without decimals, others with two."""
    if isinstance(nilai, bool) or not isinstance(nilai, int | float):
        return "" if nilai is None else _label(nilai, bahasa)
    if nilai != nilai:  # NaN: unknown stays empty
        return ""
    return format_angka(nilai, 0 if float(nilai).is_integer() else 2, bahasa)


def _daftar(nilai: Any, panjang: int) -> list[Any]:
    """A trace field as a list of ``panjang`` items (a scalar is repeated, a missing field is empty)."""
    if nilai is None:
        return [None] * panjang
    if isinstance(nilai, str) or not isinstance(nilai, Iterable):
        return [nilai] * panjang
    hasil = list(nilai)
    return hasil + [None] * (panjang - len(hasil))


def _judul_sumbu(fig: go.Figure, sumbu: str, nama: str | None) -> str:
    """The title of the axis a trace uses (``x``, ``x2``…), or '' without one."""
    kunci = f"{sumbu}axis{(nama or sumbu)[1:]}"
    teks = fig.layout[kunci].title.text if kunci in fig.layout else None
    return _teks_hover(teks) if teks else ""


def _salinan(meta: object) -> bool:
    """A copy of points listed already: ``{"salinan": True}`` (a line chart) or ``[..., "salinan"]`` (a map inset)."""
    if isinstance(meta, dict):
        return bool(meta.get("salinan"))
    return isinstance(meta, list | tuple) and "salinan" in meta


def _baris_xy(fig: go.Figure, jejak: Any, bahasa: Bahasa) -> tuple[str, str, list[tuple[str, str, str]]]:
    mendatar = getattr(jejak, "orientation", None) == "h"
    kategori, nilai = (jejak.y, jejak.x) if mendatar else (jejak.x, jejak.y)
    sumbu_kat, sumbu_nilai = ("y", "x") if mendatar else ("x", "y")
    judul_kat = _judul_sumbu(fig, sumbu_kat, getattr(jejak, f"{sumbu_kat}axis", None))
    judul_nilai = _judul_sumbu(fig, sumbu_nilai, getattr(jejak, f"{sumbu_nilai}axis", None))
    if _bin_tetap(jejak):  # its points are the bins drawn, not the raw values
        return judul_kat, judul_nilai, _baris_histogram(jejak, bahasa)
    panjang = max(len(kategori) if kategori is not None else 0, len(nilai) if nilai is not None else 0)
    hover = _daftar(jejak.hovertext if jejak.hovertext is not None else getattr(jejak, "text", None), panjang)
    baris = [
        (_label(k, bahasa), _angka(v, bahasa), _teks_hover(h) if h is not None else "")
        for k, v, h in zip(_daftar(kategori, panjang), _daftar(nilai, panjang), hover, strict=True)
    ]
    return judul_kat, judul_nilai, baris


def bin_histogram(nilai: Iterable[Any], awal: float, lebar: float) -> list[tuple[float, int]]:
    """Counts per bin ``[awal + k·lebar, awal + (k+1)·lebar)``, as Plotly bins a histogram with ``xbins``.

    From the first non-empty bin to the last, empty bins between them included (the shape of the
    distribution); missing values are left out. Returns ``(lower edge, count)`` pairs.
    """
    angka = [float(v) for v in nilai if v is not None and v == v]
    if not angka:
        return []
    indeks = Counter(math.floor((v - awal) / lebar) for v in angka)
    return [(awal + k * lebar, indeks.get(k, 0)) for k in range(min(indeks), max(indeks) + 1)]


def _baris_histogram(jejak: Any, bahasa: Bahasa) -> list[tuple[str, str, str]]:
    """A histogram with fixed bins as one row per bin: 'lower–upper' and how many values fall in it."""
    lebar, awal = float(jejak.xbins.size), float(jejak.xbins.start)
    return [
        (f"{_angka(b, bahasa)}–{_angka(b + lebar, bahasa)}", _angka(n, bahasa), "")
        for b, n in bin_histogram(jejak.x, awal, lebar)
    ]


def _bin_tetap(jejak: Any) -> bool:
    """A vertical histogram whose bins are set (start and size): its table can list the bins drawn."""
    return (
        jejak.type == "histogram"
        and getattr(jejak, "orientation", None) != "h"
        and jejak.xbins.size is not None
        and jejak.xbins.start is not None
    )


def _baris_peta(jejak: Any, bahasa: Bahasa) -> list[tuple[str, str, str]]:
    lokasi = list(jejak.locations) if jejak.locations is not None else []
    # A layer without a colour scale colours its regions by category: its z is no quantity.
    z = _daftar(jejak.z if jejak.showscale is not False else None, len(lokasi))
    hover = _daftar(jejak.hovertext if jejak.hovertext is not None else jejak.text, len(lokasi))
    return [
        (_label(k, bahasa), _angka(v, bahasa), _teks_hover(h) if h is not None else "")
        for k, v, h in zip(lokasi, z, hover, strict=True)
    ]


def _baris_heatmap(jejak: Any, bahasa: Bahasa) -> list[tuple[str, str, str]]:
    baris_z = list(jejak.z) if jejak.z is not None else []
    ys = _daftar(jejak.y, len(baris_z))
    hasil = []
    for y, isi in zip(ys, baris_z, strict=True):
        xs = _daftar(jejak.x, len(isi))
        hasil += [
            (f"{_label(y, bahasa)} · {_label(x, bahasa)}", _angka(v, bahasa), "") for x, v in zip(xs, isi, strict=True)
        ]
    return hasil


def _seragam(judul: Sequence[str]) -> str:
    """The one axis title all traces share, or '' when they differ or have none."""
    isi = {j for j in judul if j}
    return isi.pop() if len(isi) == 1 else ""


def tabel_grafik(fig: go.Figure, bahasa: Bahasa) -> pd.DataFrame:
    """One row per data point of ``fig``: series, category, value and the point's own description.

    Column names are the figure's axis titles where all traces share them, else generic ones;
    a column that is empty throughout is dropped. Text-only traces (labels at line ends) are
    skipped: they repeat points already listed.
    """
    kolom_seri, kolom_kat, kolom_nilai, kolom_ket = (
        t("ax_kolom_seri", bahasa),
        t("ax_kolom_kategori", bahasa),
        t("ax_kolom_nilai", bahasa),
        t("ax_kolom_keterangan", bahasa),
    )
    baris: list[tuple[str, str, str, str]] = []
    judul_kat: list[str] = []
    judul_nilai: list[str] = []
    for jejak in fig.data:
        jenis = jejak.type
        if _salinan(jejak.meta):
            continue  # a copy of points listed already: a map inset, a dashed segment across a gap year
        if jenis in _JENIS_XY:
            if jenis in {"scatter", "scattergl"} and jejak.mode == "text":
                continue
            kat, nil, isi = _baris_xy(fig, jejak, bahasa)
            judul_kat.append(kat)
            judul_nilai.append(nil)
        elif jenis in _JENIS_PETA:
            isi = _baris_peta(jejak, bahasa)
            judul_kat.append(t("ax_kolom_wilayah", bahasa))
        elif jenis == "heatmap":
            isi = _baris_heatmap(jejak, bahasa)
        elif jenis == "pie":
            label = _daftar(jejak.labels, len(jejak.values or []))
            isi = [(_label(k, bahasa), _angka(v, bahasa), "") for k, v in zip(label, jejak.values or [], strict=True)]
        else:
            continue
        nama = _teks_hover(jejak.name) if jejak.name else ""
        baris += [(nama, *b) for b in isi]
    nama_kolom = [kolom_seri, _seragam(judul_kat) or kolom_kat, _seragam(judul_nilai) or kolom_nilai, kolom_ket]
    if len(set(nama_kolom)) < len(nama_kolom):  # both axes titled alike: the generic names tell them apart
        nama_kolom = [kolom_seri, kolom_kat, kolom_nilai, kolom_ket]
    tabel = pd.DataFrame(baris, columns=nama_kolom)
    kosong = [k for k in tabel.columns if (tabel[k] == "").all()]
    return tabel.drop(columns=kosong) if len(tabel) else tabel
