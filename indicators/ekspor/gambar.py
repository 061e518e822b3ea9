"""Print-ready static images of the dashboard's figures: PNG (at least 2x), SVG and PDF via kaleido.

A figure shown in the browser is made for a screen: its size follows the window and a map points
at a static GeoJSON URL. :func:`siapkan_cetak` turns it into a self-contained figure of a fixed
size with a title, a subtitle (measure, unit, region, cycle, stage), its legend, and a source line
naming the data's sources, "data contoh (sintetis)" when any shown value is synthetic, and the
date made, in the reader's language and number format. :func:`ke_bytes` renders it through one
kaleido server (a headless Debian Chromium) that is started once and reused
(docs/tech-notes.md §3): the first image costs a browser start, later ones a fraction of a second.

No request leaves the machine: kaleido uses plotly's bundled plotly.js, MathJax is off, and the
base topojson comes from ``static/topojson``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import shutil
import sys
import textwrap
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import plotly.graph_objects as go

from indicators.ekspor.bersih import tanpa_kontrol
from indicators.format import Bahasa, format_tanggal
from indicators.grafik import tata
from indicators.lokasi import STATIC_DIR
from indicators.teks import t

Format = Literal["png", "svg", "pdf"]
FORMAT: tuple[Format, ...] = ("png", "svg", "pdf")
MIME: dict[Format, str] = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
SKALA_PNG = 2
"""PNG pixels per layout pixel: 1200 x 800 layout pixels become a 2400 x 1600 PNG (print at 200 dpi)."""
LEBAR = 1200
TINGGI = 800
PESAN_CHROMIUM = (
    "Ekspor gambar butuh Chromium; pasang dengan: sudo apt-get install -y chromium "
    "(image export needs Chromium: sudo apt-get install -y chromium)"
)
_FONT = "Source Sans Pro, Arial, DejaVu Sans, sans-serif"
_ABU_TEKS = "#555555"
_PX_BARIS_SUMBER = 17
_PX_SUMBU_X = 70
"""Reserved below a cartesian plot for the x tick labels and the axis title."""
_PX_SUMBU_Y = 70
"""The least left margin of a cartesian plot (y tick labels and title; automargin adds to it)."""
_URL_STATIS = "/app/static/"
_KUNCI = threading.Lock()
_KUNCI_IMPOR = threading.Lock()


class ChromiumTidakAda(RuntimeError):
    """No Chromium on this machine: static images cannot be made (the dashboard still runs)."""

    def __init__(self) -> None:
        super().__init__(PESAN_CHROMIUM)


@dataclass(frozen=True)
class MetaGambar:
    """What an exported figure says about itself.

    ``subjudul`` names the measure, unit, province or region, cycle and stage; ``sumber`` are the
    data's sources (short citations with licence where one applies); ``sintetis`` is true when any
    value shown is synthetic; ``tanggal`` defaults to today.
    """

    judul: str
    subjudul: str
    sumber: tuple[str, ...]
    sintetis: bool
    bahasa: Bahasa = "id"
    tanggal: dt.date = field(default_factory=dt.date.today)


# --- names ------------------------------------------------------------------------------------------


def slug(teks: str) -> str:
    """Lower-case ASCII words joined by hyphens: 'Kab. Banjarnegara' → 'kab-banjarnegara'."""
    ascii_ = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def nama_dasar(jenis: str, wilayah: str, tahun: int | str, *rincian: str, bahasa: Bahasa = "id") -> str:
    """A file stem that says what it is: ``kla_peta_predikat_jawa-tengah_2025``.

    ``jenis`` is the figure kind (``peta_predikat``, words kept, joined by ``_``); ``rincian`` are
    optional extra parts (a stage) appended after the year, then the language unless Indonesian
    (``…_2025_en``), so an Indonesian and an English export never share a name.
    """
    bagian = ["kla", *[slug(b).replace("-", "_") for b in jenis.split("_")], slug(wilayah), str(tahun)]
    bagian += [slug(r) for r in (*rincian, "" if bahasa == "id" else bahasa) if r]
    return "_".join(b for b in bagian if b)


def nama_berkas(jenis: str, wilayah: str, tahun: int | str, format_: str, *rincian: str) -> str:
    """:func:`nama_dasar` with the extension: ``kla_peta_predikat_jawa-tengah_2025.png``."""
    return nama_dasar(jenis, wilayah, tahun, *rincian) + "." + format_.lower().lstrip(".")


# --- source line ------------------------------------------------------------------------------------


def baris_sumber(meta: MetaGambar) -> str:
    """'Sumber: A; B · data contoh (sintetis) · Dibuat 1 Desember 2026' in the figure's language."""
    bagian = [f"{t('sumber', meta.bahasa)}: {'; '.join(dict.fromkeys(meta.sumber))}"] if meta.sumber else []
    if meta.sintetis:
        bagian.append(t("gambar_sintetis", meta.bahasa))
    bagian.append(t("dibuat", meta.bahasa, tanggal=format_tanggal(meta.tanggal, meta.bahasa)))
    return " · ".join(bagian)


def bungkus(teks: str, lebar_karakter: int) -> list[str]:
    """Wrap a line of text at word boundaries (plotly annotations never wrap by themselves)."""
    return textwrap.wrap(teks, width=max(lebar_karakter, 20), break_long_words=False, break_on_hyphens=False) or [""]


# --- geometry for static maps -----------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _baca_lapisan(path: Path, mtime_ns: int) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


LAPISAN_CETAK = {"indonesia_kabkota_ikhtisar.geojson": "indonesia_kabkota.geojson"}
"""Screen layers with a detailed twin: the whole-Indonesia view's layer is simplified for a screen
(:data:`indicators.bangun.geo.LAPISAN_WEB`), a print image takes the detailed layer of the same
regions."""


def berkas_lapisan(url: str, static_dir: Path = STATIC_DIR) -> Path | None:
    """The file behind a static-layer URL (``/app/static/geo/x.geojson``), or None for other URLs."""
    if not url.startswith(_URL_STATIS):
        return None
    path = (static_dir / url[len(_URL_STATIS) :]).resolve()
    return path if path.is_relative_to(static_dir.resolve()) and path.is_file() else None


def geometri_inline(fig: go.Figure, static_dir: Path = STATIC_DIR) -> go.Figure:
    """Return a copy of ``fig`` whose map traces carry their geometry instead of a static-layer URL.

    kaleido renders without the Streamlit server, so the URL the browser would fetch is read from
    ``static/`` (the simplified layers the build writes from the GeoPandas boundaries; a screen-scale
    layer's detailed twin, :data:`LAPISAN_CETAK`) and only the features the trace plots are kept.
    """
    hasil = go.Figure(fig)
    for trace in hasil.data:
        url = getattr(trace, "geojson", None)
        if not isinstance(url, str):
            continue
        folder, _, nama = url.rpartition("/")
        path = berkas_lapisan(f"{folder}/{LAPISAN_CETAK.get(nama, nama)}", static_dir)
        if path is None:
            raise ValueError(f"Lapisan batas {url} tidak ditemukan di {static_dir} (boundary layer not found)")
        lapisan = _baca_lapisan(path, path.stat().st_mtime_ns)
        kunci = (trace.featureidkey or "id").split(".")
        lokasi = {str(x) for x in (trace.locations if trace.locations is not None else [])}

        def kode(fitur: dict[str, Any], kunci: list[str] = kunci) -> str:
            nilai: Any = fitur
            for k in kunci:
                nilai = nilai.get(k, {}) if isinstance(nilai, dict) else {}
            return str(nilai)

        trace.geojson = {"type": "FeatureCollection", "features": [f for f in lapisan["features"] if kode(f) in lokasi]}
    return hasil


# --- print layout -----------------------------------------------------------------------------------


def _ada_sumbu(fig: go.Figure) -> bool:
    """Whether the figure draws on cartesian axes (bar, histogram, scatter…) rather than a map."""
    # Only cartesian trace classes have an ``xaxis`` property; its value stays None until set.
    return any(hasattr(type(tr), "xaxis") for tr in fig.data)


def _colorbar_bawah(fig: go.Figure) -> bool:
    return any(
        getattr(getattr(tr, "colorbar", None), "orientation", None) == "h"
        and getattr(tr, "showscale", True) is not False
        for tr in fig.data
    )


def _tepi_bawah(fig: go.Figure, tinggi_sumber: int, legenda_bawah: bool, ada_sumbu: bool) -> int:
    """The bottom margin: axis ticks and title (or a horizontal colour bar), the legend, the source line.

    The bottom margin is reserved, not auto-expanded: each part gets its own band (automargin would
    move the plot and let the axis title run into the source line).
    """
    bawah_plot = _PX_SUMBU_X if ada_sumbu else (78 if _colorbar_bawah(fig) else 12)
    return tinggi_sumber + (40 if legenda_bawah else 0) + bawah_plot


def _tepi_kiri(fig: go.Figure, ada_sumbu: bool) -> int:
    """The left margin: the figure's own, at least room for y tick labels on cartesian axes."""
    kiri = fig.layout.margin.l if fig.layout.margin.l is not None else 10
    if ada_sumbu:
        kiri = max(int(kiri), _PX_SUMBU_Y)
    return max(int(kiri), 16)


def _judul_cetak(meta: MetaGambar, tinggi: int) -> dict[str, Any]:
    """The title block at the top left: the title in bold, the subtitle in grey below it."""
    return {
        "text": f"<b>{meta.judul}</b>",
        "subtitle": {"text": meta.subjudul, "font": {"size": 16, "color": _ABU_TEKS}},
        "x": 0.012,
        "xanchor": "left",
        "xref": "container",
        "y": 1 - 18 / tinggi,
        "yanchor": "top",
        "yref": "container",
        "font": {"size": 22, "color": "#1a1a1a"},
    }


def _tambah_sumber(fig: go.Figure, sumber: list[str], turun: int) -> None:
    """Write the (wrapped) source line ``turun`` pixels below the plot area, in its own band."""
    fig.add_annotation(
        text="<br>".join(sumber),
        xref="paper",
        yref="paper",
        x=0.0,
        y=0,
        yshift=-turun,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        font={"size": 12, "color": _ABU_TEKS},
    )


def siapkan_cetak(
    fig: go.Figure,
    meta: MetaGambar,
    *,
    lebar: int = LEBAR,
    tinggi: int = TINGGI,
    static_dir: Path = STATIC_DIR,
    kepala: bool = True,
) -> go.Figure:
    """Return a print-ready copy of ``fig``: fixed size, title, subtitle, legend and source line.

    The copy has inline geometry (maps), a white background, the legend kept (moved under the
    plot when it was horizontal) and the source line at the bottom, wrapped to the width.
    Numbers follow the figure's language (``separators``). ``kepala=False`` leaves out the title
    and the source line, for a report or slide that sets them as its own (editable) text.
    """
    hasil = geometri_inline(fig, static_dir)
    # About 7.2 layout pixels per character of the 12 px source font.
    sumber = bungkus(baris_sumber(meta), int(lebar / 7.2)) if kepala else []
    tinggi_sumber = _PX_BARIS_SUMBER * len(sumber) + 14 if kepala else 4
    legenda_bawah = hasil.layout.legend.orientation == "h"
    ada_sumbu = _ada_sumbu(hasil)
    bawah = _tepi_bawah(hasil, tinggi_sumber, legenda_bawah, ada_sumbu)
    atas = (96 if meta.subjudul else 64) if kepala else 16
    hasil.update_layout(
        width=lebar,
        height=tinggi,
        autosize=False,
        title=_judul_cetak(meta, tinggi) if kepala else None,
        margin={"l": _tepi_kiri(hasil, ada_sumbu), "r": 28, "t": atas, "b": bawah, "autoexpand": True},
        font={"family": _FONT, "size": 15, "color": "#262730"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        separators=tata.pemisah(meta.bahasa),
        dragmode=False,
    )
    if legenda_bawah:
        hasil.update_layout(
            legend={"yref": "container", "y": (tinggi_sumber + 6) / tinggi, "yanchor": "bottom", "x": 0.0}
        )
    if kepala:
        _tambah_sumber(hasil, sumber, bawah - tinggi_sumber + 4)
    return _sumbu_cetak(hasil, ada_sumbu)


def _sumbu_cetak(fig: go.Figure, ada_sumbu: bool) -> go.Figure:
    """Light grid lines on cartesian axes; the x axis keeps the reserved band (no automargin)."""
    if ada_sumbu:
        fig.update_xaxes(gridcolor="#e5e5e5", zerolinecolor="#bdbdbd", automargin=False, title_standoff=8)
        # Category labels (indicator names) may be long: the left margin grows to fit them.
        fig.update_yaxes(gridcolor="#e5e5e5", zerolinecolor="#bdbdbd", automargin=True, title_standoff=10)
    return fig


def lapisan_provinsi(kode_provinsi: str, static_dir: Path = STATIC_DIR) -> dict[str, Any]:
    """The kab/kota boundaries of one province as inline GeoJSON for a static map.

    Jawa Tengah (33) has its own detailed layer; other provinces come from the national layer.
    """
    nama = "jawa_tengah_kabkota" if kode_provinsi == "33" else "indonesia_kabkota"
    path = static_dir / "geo" / f"{nama}.geojson"
    lapisan = _baca_lapisan(path, path.stat().st_mtime_ns)
    awalan = f"{kode_provinsi}."
    fitur = [f for f in lapisan["features"] if str(f["properties"]["kode_wilayah"]).startswith(awalan)]
    return {"type": "FeatureCollection", "features": fitur}


# --- rendering --------------------------------------------------------------------------------------


def cari_chromium() -> str | None:
    """The Chromium kaleido will use: ``$BROWSER_PATH``, else ``chromium`` on PATH or /usr/bin/chromium."""
    tertentu = os.environ.get("BROWSER_PATH")
    if tertentu:
        return tertentu if Path(tertentu).exists() else None
    for nama in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        ada = shutil.which(nama)
        if ada:
            return ada
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def chromium_tersedia() -> bool:
    """Whether static images can be made on this machine."""
    return cari_chromium() is not None


def _uri_topojson(static_dir: Path) -> str:
    return (static_dir / "topojson").resolve().as_uri() + "/"


def _kaleido() -> Any:
    """kaleido, imported on first use with ``sys.argv`` hidden from it.

    kaleido imports logistro, which parses ``sys.argv`` when it is imported and exits on what it
    reads as an ambiguous option: ``kla import --log`` would die with "--log could match
    --logistro-human". Importing here, not at the top, keeps every command that draws no image
    from loading it at all, and the command line it sees is the bare program name.
    """
    with _KUNCI_IMPOR:  # two sessions importing at once must not swap sys.argv back in the wrong order
        argv = sys.argv
        if "kaleido" not in sys.modules:
            sys.argv = argv[:1]  # only the first import reads it
        try:
            import kaleido  # type: ignore[import-untyped, unused-ignore]
        finally:
            sys.argv = argv
    return kaleido


def mulai_server() -> None:
    """Start the one kaleido server of this process (idempotent); it stops when the process exits.

    Raises:
        ChromiumTidakAda: no Chromium was found, so nothing is started.
    """
    if not chromium_tersedia():
        raise ChromiumTidakAda
    with _KUNCI:
        # MathJax off: kaleido's page would otherwise ask a CDN for it (nothing leaves the machine).
        _kaleido().start_sync_server(mathjax=False, silence_warnings=True)


def ke_bytes(
    fig: go.Figure,
    format_: Format,
    *,
    lebar: int = LEBAR,
    tinggi: int = TINGGI,
    skala: float = SKALA_PNG,
    static_dir: Path = STATIC_DIR,
) -> bytes:
    """Render a (print-ready) figure to PNG, SVG or PDF bytes through the shared kaleido server.

    Raises:
        ChromiumTidakAda: no Chromium on this machine.
        ValueError: an unknown format.
    """
    if format_ not in FORMAT:
        raise ValueError(f"Format '{format_}' tidak dikenal; tersedia: {', '.join(FORMAT)} (unknown format)")
    mulai_server()
    opsi = {"format": format_, "width": lebar, "height": tinggi, "scale": skala if format_ == "png" else 1}
    spek = tanpa_kontrol(fig.to_plotly_json())  # plotly.js cannot draw a control character (Error 525)
    # kaleido's server answers requests from one queue: one request at a time, or answers swap.
    with _KUNCI:
        try:
            hasil = _kaleido().calc_fig_sync(spek, opts=opsi, topojson=_uri_topojson(static_dir))
        except RuntimeError as exc:
            if "Chrome" in str(exc):
                raise ChromiumTidakAda from exc
            raise
    return bytes(hasil)


def ekspor(
    fig: go.Figure,
    meta: MetaGambar,
    format_: Format,
    *,
    lebar: int = LEBAR,
    tinggi: int = TINGGI,
    skala: float = SKALA_PNG,
    static_dir: Path = STATIC_DIR,
) -> bytes:
    """Print-ready bytes of a dashboard figure: :func:`siapkan_cetak` then :func:`ke_bytes`."""
    cetak = siapkan_cetak(fig, meta, lebar=lebar, tinggi=tinggi, static_dir=static_dir)
    return ke_bytes(cetak, format_, lebar=lebar, tinggi=tinggi, skala=skala, static_dir=static_dir)


def semua_format(
    fig: go.Figure, meta: MetaGambar, format_: Iterable[Format] = FORMAT, **opsi: Any
) -> dict[Format, bytes]:
    """The figure in several formats at once (one print layout, one server)."""
    cetak = siapkan_cetak(
        fig, meta, **{k: v for k, v in opsi.items() if k in ("lebar", "tinggi", "static_dir", "kepala")}
    )
    opsi.pop("kepala", None)
    return {f: ke_bytes(cetak, f, **opsi) for f in format_}
