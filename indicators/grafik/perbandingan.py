"""Figures of the Perbandingan page (pure: a gap-filled table in, a figure out).

The tables come from ``indicators.analisis.perbandingan.isi_celah`` (one row per region × year,
``nilai`` None where there is no cycle). Each compared region has its own colour-blind-safe colour
(:data:`indicators.grafik.tata.PALET`) and its name at the end of its line; the pinned region is
thicker, darker and drawn on top; the province average is a dashed near-black reference line.
A change across years without any evaluation (2023 → 2025) is a dashed segment; a cycle a region
has no value for stays a gap.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators.analisis.perbandingan import SumbuWaktu
from indicators.format import Bahasa, format_angka
from indicators.grafik import tata
from indicators.grafik.tata import PALET, WARNA_LAIN, WARNA_RUJUKAN, WARNA_SEMAT
from indicators.katalog.model import KOMPARABILITAS_LABEL
from indicators.teks import t

WARNA_RATA = WARNA_RUJUKAN
_FONT = "Source Sans Pro, Arial, sans-serif"
_TINGGI = 480

LEGENDA_MAKS_LAIN = len(PALET)
"""Compared regions with a colour of their own; past this many the rest are thin grey lines sharing
one legend entry (their names stay in the hover)."""
_LEBAR_LABEL = 12
"""Characters per line of a label at a line's end (two short lines fit a phone's right margin)."""
_PX_HURUF_LABEL = 7.4
_PX_BARIS_LABEL = 15


def label_komparabilitas(kode: str, bahasa: Bahasa) -> str:
    """Display name of a crosswalk comparability level (``baik``, ``sebagian``, ``lemah``)."""
    return KOMPARABILITAS_LABEL[kode][0 if bahasa == "id" else 1] if kode in KOMPARABILITAS_LABEL else kode


def teks_hover(
    tabel: pd.DataFrame,
    nama: dict[str, str],
    desimal: int,
    satuan: str,
    bahasa: Bahasa,
    *,
    cakupan: Mapping[str, Mapping[int, tuple[int, int]]] | None = None,
) -> list[str]:
    """One hover text per row of a gap-filled table ('' where there is no value).

    ``cakupan`` maps an average's code to ``{tahun: (kab/kota with a value, kab/kota in the
    province)}``: its hover says how many regions the average covers that cycle.
    """
    hasil = []
    for kode, tahun, nilai, k, sumber, sintetis in zip(
        tabel["kode_wilayah"],
        tabel["tahun"],
        tabel["nilai"],
        tabel["komparabilitas"],
        tabel["indikator_sumber"],
        tabel["sintetis"],
        strict=True,
    ):
        if nilai is None or pd.isna(nilai):
            hasil.append("")
            continue
        teks = f"<b>{nama.get(kode, kode)}</b><br>{tahun}: {format_angka(nilai, desimal, bahasa)} {satuan}"
        if cakupan and kode in cakupan and int(tahun) in cakupan[kode]:
            ada, semua = cakupan[kode][int(tahun)]
            teks += "<br>" + t("gf_cakupan", bahasa, ada=ada, jumlah=semua)
        if k not in (None, "sama"):
            label = label_komparabilitas(str(k), bahasa)
            teks += "<br>" + t("perbandingan_hover_komparabilitas", bahasa, sumber=sumber, label=label)
        if sintetis:
            teks += f"<br><i>{t('label_sintetis', bahasa)}</i>"
        hasil.append(teks)
    return hasil


def _nilai(kolom: pd.Series) -> list[float | None]:
    """Values for plotly with gaps as None (JSON null), so a line breaks and is never bridged."""
    return [None if v is None or pd.isna(v) else float(v) for v in kolom]


@dataclass(frozen=True)
class _Gaya:
    warna: str
    lebar: float
    titik: int
    urutan: int
    garis: str = "solid"
    berlabel: bool = True


def warna_wilayah(kode: Sequence[str], disematkan: str, rata: str | None) -> dict[str, str]:
    """Each drawn region's colour: the pinned vermillion, the average near-black, the others the palette.

    Compared regions take the palette in order; past its end they are grey.
    """
    hasil: dict[str, str] = {}
    lain = [k for k in dict.fromkeys(kode) if k not in (disematkan, rata)]
    for i, k in enumerate(lain):
        hasil[k] = PALET[i] if i < len(PALET) else WARNA_LAIN
    if disematkan in kode:
        hasil[disematkan] = WARNA_SEMAT
    if rata is not None and rata in kode:
        hasil[rata] = WARNA_RATA
    return hasil


def _gaya(kode: str, warna: str, disematkan: str, rata: str | None) -> _Gaya:
    if kode == disematkan:
        return _Gaya(warna, 4.5, 10, 1)
    if kode == rata:
        return _Gaya(warna, 2.5, 7, 2, garis="dash")
    if warna == WARNA_LAIN:
        return _Gaya(warna, 1.5, 6, 4, berlabel=False)
    return _Gaya(warna, 2.2, 7, 3)


def ruas_celah(tahun: Sequence[int], nilai: Sequence[float | None], tanpa_evaluasi: Sequence[int]) -> list[int | None]:
    """Indices of the segments bridging years without any evaluation, as ``[i, j, None, …]``.

    Two values are joined when every year between them had no evaluation at all (2023 → 2025 over
    2024); a cycle that took place but has no value for the region stays a gap.
    """
    kosong = set(tanpa_evaluasi)
    ada = [i for i, v in enumerate(nilai) if v is not None]
    hasil: list[int | None] = []
    for i, j in itertools.pairwise(ada):
        antara = range(int(tahun[i]) + 1, int(tahun[j]))
        if len(antara) and all(x in kosong for x in antara):
            hasil += [i, j, None]
    return hasil


def label_pendek(nama: str, lebar: int = _LEBAR_LABEL) -> list[str]:
    """A region's name for the label at its line's end: 'Kabupaten' shortened, wrapped into short lines."""
    pendek = nama.replace("Kabupaten ", "Kab. ", 1) if nama.startswith("Kabupaten ") else nama
    return tata.bungkus(pendek, lebar)


@dataclass(frozen=True)
class _Label:
    kode: str
    baris: list[str]
    warna: str
    y: float
    tebal: bool


def _sebar(posisi: list[float], tinggi: list[float]) -> list[float]:
    """Move label centres (0 = bottom, 1 = top of the plot) apart so that no two overlap, staying in 0..1."""
    urut = sorted(range(len(posisi)), key=lambda i: posisi[i])
    hasil = list(posisi)
    for sebelum, i in itertools.pairwise(urut):
        batas = hasil[sebelum] + (tinggi[sebelum] + tinggi[i]) / 2
        hasil[i] = max(hasil[i], batas)
    if urut and hasil[urut[-1]] + tinggi[urut[-1]] / 2 > 1:
        hasil[urut[-1]] = 1 - tinggi[urut[-1]] / 2
        for sesudah, i in itertools.pairwise(urut[::-1]):
            hasil[i] = min(hasil[i], hasil[sesudah] - (tinggi[sesudah] + tinggi[i]) / 2)
    return hasil


def _label_ujung(
    label: list[_Label], rentang: tuple[float, float], tinggi_plot: float, margin: dict[str, int]
) -> dict[str, Any]:
    """Each region's name in the right margin at the height of its line's last value (layout keys).

    Positions are spread apart (in fractions of the plot height) so that names never overlap, and
    the right margin (``margin`` with ``r`` replaced) is made wide enough for the longest line.
    Returns ``annotations`` and ``margin``; nothing when there is no label.
    """
    if not label:
        return {}
    bawah, atas = rentang
    posisi = [(lb.y - bawah) / (atas - bawah) for lb in label]
    tinggi = [(_PX_BARIS_LABEL * len(lb.baris) + 4) / tinggi_plot for lb in label]
    catatan = []
    for lb, p in zip(label, _sebar(posisi, tinggi), strict=True):
        teks = "<br>".join(lb.baris)
        catatan.append(
            {
                "x": 1,
                "xref": "paper",
                "xanchor": "left",
                "xshift": 6,
                "y": bawah + p * (atas - bawah),
                "yref": "y",
                "yanchor": "middle",
                "text": f"<b>{teks}</b>" if lb.tebal else teks,
                "showarrow": False,
                "align": "left",
                "font": {"size": 12, "color": tata.warna_teks(lb.warna)},
                "name": f"label_{lb.kode}",
            }
        )
    lebar = max(len(baris) for lb in label for baris in lb.baris)
    return {"annotations": catatan, "margin": {**margin, "r": int(14 + _PX_HURUF_LABEL * lebar)}}


def _garis(
    tabel: pd.DataFrame,
    kolom: str,
    nama: dict[str, str],
    disematkan: str,
    rata: str | None,
    sumbu: SumbuWaktu,
    bahasa: Bahasa,
    **tambahan: Any,
) -> tuple[list[go.Scatter], list[_Label]]:
    """One line per region: context first, the pinned region last so it lies on top.

    ``tabel`` holds ``kode_wilayah, tahun``, the value column ``kolom``, ``_hover`` and optionally
    ``_simbol`` (marker symbols). ``tambahan`` maps a region code to extra trace properties.
    Returns the traces and the labels to write at the lines' ends.
    """
    jejak: list[go.Scatter] = []
    kode_semua = list(dict.fromkeys(tabel["kode_wilayah"]))
    warna = warna_wilayah(kode_semua, disematkan, rata)
    lain = [k for k in kode_semua if k not in (disematkan, rata)]
    abu = [k for k in lain if warna[k] == WARNA_LAIN]
    if abu:
        gaya = _gaya("", WARNA_LAIN, disematkan, rata)
        jejak.append(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines+markers",
                name=t("perbandingan_lain", bahasa, jumlah=len(abu)),
                legendgroup="lain",
                legendrank=gaya.urutan,
                line={"color": WARNA_LAIN, "width": gaya.lebar},
                marker={"size": gaya.titik, "color": WARNA_LAIN},
                hoverinfo="skip",
            )
        )
    label: list[_Label] = []
    for kode in [*lain, *(k for k in (rata, disematkan) if k in kode_semua)]:
        seri = tabel[tabel["kode_wilayah"] == kode]
        gaya = _gaya(kode, warna[kode], disematkan, rata)
        tahun = seri["tahun"].astype(int).tolist()
        nilai = _nilai(seri[kolom])
        simbol = seri["_simbol"].tolist() if "_simbol" in seri else "circle"
        grup = "lain" if kode in abu else kode
        sifat: dict[str, Any] = {
            "x": tahun,
            "y": nilai,
            "mode": "lines+markers",
            "connectgaps": False,
            "name": nama.get(kode, kode),
            "hovertext": seri["_hover"].tolist(),
            "hovertemplate": "%{hovertext}<extra></extra>",
            "line": {"color": gaya.warna, "width": gaya.lebar, "dash": gaya.garis},
            "marker": {"size": gaya.titik, "symbol": simbol, "color": gaya.warna},
            "legendrank": gaya.urutan,
            "legendgroup": grup,
            "meta": {"kode_wilayah": kode},
        }
        if kode in abu:
            sifat.update(showlegend=False)
        sifat.update(tambahan.get(kode, {}))
        ruas = ruas_celah(tahun, nilai, sumbu.tanpa_evaluasi)
        if ruas:
            # Drawn first, under the line: the same colour, dashed (dotted for the dashed average).
            jejak.append(
                go.Scatter(
                    x=[None if i is None else tahun[i] for i in ruas],
                    y=[None if i is None else nilai[i] for i in ruas],
                    mode="lines",
                    connectgaps=False,
                    name=t("gf_melintasi_celah", bahasa, nama=nama.get(kode, kode)),
                    line={"color": gaya.warna, "width": max(gaya.lebar - 1.5, 1.5),
                          "dash": "dot" if gaya.garis == "dash" else "dash"},
                    legendgroup=grup,
                    showlegend=False,
                    hoverinfo="skip",
                    meta={"kode_wilayah": kode, "celah": True, "salinan": True},
                )
            )  # fmt: skip
        jejak.append(go.Scatter(**sifat))
        terakhir = [v for v in nilai if v is not None]
        if gaya.berlabel and terakhir:
            label.append(_Label(kode, label_pendek(nama.get(kode, kode)), gaya.warna, terakhir[-1], kode == disematkan))
    return jejak, label


def _tata_letak(
    sumbu: SumbuWaktu, *, judul: str, subjudul: str, sumbu_y: str, bahasa: Bahasa
) -> tuple[dict[str, Any], int]:
    """Shared layout of both charts, and its top margin (for placing the line-end labels).

    Years without an evaluation are shaded and named; a scheme change is a dashed vertical line
    with a note (what ``add_vline`` draws, as a plain shape).
    """
    pita = tata.pita_vertikal_isi(
        [(th - 0.5, th + 0.5) for th in sumbu.tanpa_evaluasi], warna="#eeeeee", opacity=0.7, di_bawah=True
    )
    catatan: list[dict[str, Any]] = [
        {
            "x": th,
            "y": 0.02,
            "yref": "paper",
            "yanchor": "bottom",
            "text": t("perbandingan_tanpa_evaluasi", bahasa),
            "showarrow": False,
            "textangle": -90,
            "font": {"size": 11, "color": "#4b5563"},
        }
        for th in sumbu.tanpa_evaluasi
    ]
    garis: list[dict[str, Any]] = []
    for ganti in sumbu.ganti_skema:
        garis.append(
            {
                "type": "line", "x0": ganti.posisi, "x1": ganti.posisi, "xref": "x", "y0": 0, "y1": 1,
                "yref": "y domain", "line": {"dash": "dash", "color": "#4b5563", "width": 1.5},
            }
        )  # fmt: skip
        catatan.append(
            {
                "x": ganti.posisi,
                "y": 1,
                "yref": "paper",
                "yanchor": "top",
                "xanchor": "left",
                "xshift": 2,
                "textangle": -90,
                "text": t("perbandingan_ganti_skema", bahasa, lama=ganti.skema_lama, baru=ganti.skema_baru),
                "showarrow": False,
                "bgcolor": "rgba(255,255,255,0.8)",
                "font": {"size": 12, "color": "#374151"},
            }
        )
    isi_judul, atas = tata.judul(judul, subjudul)
    return {
        "shapes": [*pita["shapes"], *garis],
        "annotations": [*pita["annotations"], *catatan],
        "title": isi_judul,
        "xaxis": tata.sumbu_tahun(sumbu.tahun),
        "yaxis": {"title": {"text": sumbu_y}, "gridcolor": "#e5e7eb", "zeroline": False},
        "legend": tata.LEGENDA_BAWAH,
        "margin": {"l": 10, "r": 10, "t": atas, "b": 10},
        "font": {"family": _FONT, "size": 14},
        "height": _TINGGI,
        "hovermode": "closest",
        "separators": tata.pemisah(bahasa),
        "plot_bgcolor": "#ffffff",
    }, atas


def _figur(
    jejak: list[go.Scatter],
    tata_letak: dict[str, Any],
    sumbu_y: dict[str, Any],
    label: list[_Label],
    rentang: tuple[float, float],
    atas: int,
) -> go.Figure:
    """The chart in one constructor: layout, y axis and line-end labels (each update_layout costs ms)."""
    ujung = _label_ujung(label, rentang, _tinggi_plot(atas), tata_letak["margin"])
    layout = {
        **tata_letak,
        "yaxis": {**tata_letak["yaxis"], **sumbu_y},
        "annotations": [*tata_letak["annotations"], *ujung.get("annotations", [])],
        "margin": ujung.get("margin", tata_letak["margin"]),
    }
    return go.Figure(data=jejak, layout=layout)


def _tinggi_plot(atas: int) -> float:
    # The legend (up to four rows on a phone) and the year labels under the plot take about 140 px.
    return max(_TINGGI - atas - 140, 120)


def rentang_nilai(nilai: Sequence[float | None], *, jarak: float = 0.08) -> tuple[float, float]:
    """The y range of the values with ``jarak`` of their spread left free above and below."""
    ada = [float(v) for v in nilai if v is not None and not pd.isna(v)]
    if not ada:
        return (0.0, 1.0)
    bawah, atas = min(ada), max(ada)
    tepi = (atas - bawah) * jarak or max(abs(atas) * 0.05, 1.0)
    return (bawah - tepi, atas + tepi)


def grafik_tren(
    tabel: pd.DataFrame,
    nama: dict[str, str],
    disematkan: str,
    sumbu: SumbuWaktu,
    bahasa: Bahasa,
    *,
    judul: str,
    subjudul: str,
    sumbu_y: str,
    hover: list[str],
    rata: str | None = None,
) -> go.Figure:
    """Trend lines across cycles on the calendar-year axis, one trace per region.

    ``tabel`` is gap-filled (one row per region × year, ``nilai`` None where there is no cycle);
    lines are drawn with ``connectgaps=False`` so they break there, and a dashed segment crosses
    years without any evaluation. ``rata`` is the code of the average series, if any (a dashed
    reference line). Bridged points (``komparabilitas`` not ``sama``) get hollow markers. The x axis
    is the calendar year; scheme changes are dashed vertical lines with a note. Every line is
    named at its end, in its colour.
    """
    simbol = ["circle" if k in (None, "sama") else "circle-open" for k in tabel["komparabilitas"]]
    jejak, label = _garis(tabel.assign(_hover=hover, _simbol=simbol), "nilai", nama, disematkan, rata, sumbu, bahasa)
    tata_letak, atas = _tata_letak(sumbu, judul=judul, subjudul=subjudul, sumbu_y=sumbu_y, bahasa=bahasa)
    rentang = rentang_nilai(_nilai(tabel["nilai"]))
    return _figur(jejak, tata_letak, {"range": list(rentang), "autorange": False}, label, rentang, atas)


def grafik_peringkat(
    tabel: pd.DataFrame,
    nama: dict[str, str],
    disematkan: str,
    sumbu: SumbuWaktu,
    bahasa: Bahasa,
    *,
    judul: str,
    subjudul: str,
) -> go.Figure:
    """Bump chart of the rank within the province per cycle: 1 on top (y reversed), gaps kept.

    ``tabel`` is gap-filled from ``perbandingan.seri_peringkat`` (``peringkat``, ``label``,
    ``jumlah``). The pinned region's markers carry its rank as text.
    """
    hover = [
        ""
        if p is None or pd.isna(p)
        else f"<b>{nama.get(k, k)}</b><br>{th}: " + t("perbandingan_hover_peringkat", bahasa, peringkat=lb, jumlah=j)
        for k, th, p, lb, j in zip(
            tabel["kode_wilayah"], tabel["tahun"], tabel["peringkat"], tabel["label"], tabel["jumlah"], strict=True
        )
    ]
    label_semat = tabel.loc[tabel["kode_wilayah"] == disematkan, "label"]
    teks = {
        "mode": "lines+markers+text",
        "text": [lb if isinstance(lb, str) else "" for lb in label_semat],
        "textposition": "top center",
        "textfont": {"color": WARNA_SEMAT},
    }
    jejak, label = _garis(
        tabel.assign(_hover=hover), "peringkat", nama, disematkan, None, sumbu, bahasa, **{disematkan: teks}
    )
    tata_letak, atas = _tata_letak(
        sumbu, judul=judul, subjudul=subjudul, sumbu_y=t("perbandingan_sumbu_peringkat", bahasa), bahasa=bahasa
    )
    jumlah = pd.to_numeric(tabel["jumlah"], errors="coerce").max()
    batas = int(jumlah) if pd.notna(jumlah) else 1
    sumbu_y = {"autorange": False, "range": [batas + 1, 0], "tickmode": "array"}
    sumbu_y["tickvals"] = [1, *range(5, batas + 1, 5)]
    return _figur(jejak, tata_letak, sumbu_y, label, (batas + 1, 0), atas)
