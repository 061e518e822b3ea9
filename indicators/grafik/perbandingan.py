"""Figures of the Perbandingan page (pure: a gap-filled table in, a figure out).

The tables come from ``indicators.analisis.perbandingan.isi_celah`` (one row per region × year,
``nilai`` None where there is no cycle). The pinned region is a thick coloured line drawn on top;
the others are thin and grey; the province average is dashed.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators.analisis.perbandingan import SumbuWaktu
from indicators.format import Bahasa, format_angka
from indicators.katalog.model import KOMPARABILITAS_LABEL
from indicators.teks import t

WARNA_SEMAT = "#c2410c"
WARNA_RATA = "#1f2937"
WARNA_LAIN = "#a3a3a3"
_FONT = "Source Sans Pro, Arial, sans-serif"

LEGENDA_MAKS_LAIN = 4
"""Above this many context regions, the grey lines share one legend entry (names stay in the hover)."""


def label_komparabilitas(kode: str, bahasa: Bahasa) -> str:
    """Display name of a crosswalk comparability level (``baik``, ``sebagian``, ``lemah``)."""
    return KOMPARABILITAS_LABEL[kode][0 if bahasa == "id" else 1] if kode in KOMPARABILITAS_LABEL else kode


def teks_hover(tabel: pd.DataFrame, nama: dict[str, str], desimal: int, satuan: str, bahasa: Bahasa) -> list[str]:
    """One hover text per row of a gap-filled table ('' where there is no value)."""
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
        if nilai is None:
            hasil.append("")
            continue
        teks = f"<b>{nama.get(kode, kode)}</b><br>{tahun}: {format_angka(nilai, desimal, bahasa)} {satuan}"
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


def _gaya(kode: str, disematkan: str, rata: str | None) -> dict[str, Any]:
    if kode == disematkan:
        return {"line": {"color": WARNA_SEMAT, "width": 4}, "marker": {"size": 10}, "legendrank": 1}
    if kode == rata:
        return {"line": {"color": WARNA_RATA, "width": 2.5, "dash": "dash"}, "marker": {"size": 7}, "legendrank": 2}
    return {"line": {"color": WARNA_LAIN, "width": 1.5}, "marker": {"size": 6}, "legendrank": 3, "opacity": 0.9}


def _garis(
    fig: go.Figure,
    tabel: pd.DataFrame,
    kolom: str,
    nama: dict[str, str],
    disematkan: str,
    rata: str | None,
    bahasa: Bahasa,
    **tambahan: Any,
) -> None:
    """Add one line per region: context first, the pinned region last so it lies on top.

    ``tabel`` holds ``kode_wilayah, tahun``, the value column ``kolom``, ``_hover`` and optionally
    ``_simbol`` (marker symbols). ``tambahan`` maps a region code to extra trace properties.
    """
    kode_semua = list(dict.fromkeys(tabel["kode_wilayah"]))
    lain = [k for k in kode_semua if k not in (disematkan, rata)]
    satukan = len(lain) > LEGENDA_MAKS_LAIN
    if satukan:
        gaya = _gaya("", disematkan, rata)
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines+markers",
                name=t("perbandingan_lain", bahasa, jumlah=len(lain)),
                legendgroup="lain",
                legendrank=gaya["legendrank"],
                line=gaya["line"],
                marker={**gaya["marker"], "color": WARNA_LAIN},
                hoverinfo="skip",
            )
        )
    for kode in [*lain, *(k for k in (rata, disematkan) if k in kode_semua)]:
        seri = tabel[tabel["kode_wilayah"] == kode]
        gaya = _gaya(kode, disematkan, rata)
        simbol = seri["_simbol"].tolist() if "_simbol" in seri else "circle"
        sifat: dict[str, Any] = {
            "x": seri["tahun"].astype(int).tolist(),
            "y": _nilai(seri[kolom]),
            "mode": "lines+markers",
            "connectgaps": False,
            "name": nama.get(kode, kode),
            "hovertext": seri["_hover"].tolist(),
            "hovertemplate": "%{hovertext}<extra></extra>",
            "line": gaya["line"],
            "marker": {**gaya["marker"], "symbol": simbol, "color": gaya["line"]["color"]},
            "legendrank": gaya["legendrank"],
            "opacity": gaya.get("opacity", 1.0),
            "meta": {"kode_wilayah": kode},
        }
        if satukan and kode in lain:
            sifat.update(legendgroup="lain", showlegend=False)
        sifat.update(tambahan.get(kode, {}))
        fig.add_trace(go.Scatter(**sifat))


def _tata_letak(fig: go.Figure, sumbu: SumbuWaktu, *, judul: str, subjudul: str, sumbu_y: str, bahasa: Bahasa) -> None:
    tahun = sumbu.tahun
    for th in sumbu.tanpa_evaluasi:
        fig.add_vrect(x0=th - 0.5, x1=th + 0.5, fillcolor="#eeeeee", opacity=0.7, layer="below", line_width=0)
        fig.add_annotation(
            x=th,
            y=0.02,
            yref="paper",
            yanchor="bottom",
            text=t("perbandingan_tanpa_evaluasi", bahasa),
            showarrow=False,
            textangle=-90,
            font={"size": 11, "color": "#6b7280"},
        )
    for ganti in sumbu.ganti_skema:
        fig.add_vline(x=ganti.posisi, line_dash="dash", line_color="#4b5563", line_width=1.5)
        fig.add_annotation(
            x=ganti.posisi,
            y=1,
            yref="paper",
            yanchor="top",
            xanchor="left",
            xshift=2,
            textangle=-90,
            text=t("perbandingan_ganti_skema", bahasa, lama=ganti.skema_lama, baru=ganti.skema_baru),
            showarrow=False,
            bgcolor="rgba(255,255,255,0.8)",
            font={"size": 12, "color": "#374151"},
        )
    fig.update_layout(
        title={"text": f"{judul}<br><span style='font-size:13px;color:#4b5563'>{subjudul}</span>", "x": 0},
        xaxis={
            "tickmode": "array",
            "tickvals": list(tahun),
            "range": [min(tahun) - 0.5, max(tahun) + 0.5] if tahun else None,
            "showgrid": False,
        },
        yaxis={"title": {"text": sumbu_y}, "gridcolor": "#e5e7eb", "zeroline": False},
        legend={"orientation": "h", "yanchor": "top", "y": -0.1, "x": 0, "title": {"text": ""}},
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        font={"family": _FONT, "size": 14},
        height=480,
        hovermode="closest",
        separators=",." if bahasa == "id" else ".,",
        plot_bgcolor="#ffffff",
    )


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
    lines are drawn with ``connectgaps=False`` so they break there. ``rata`` is the code of the
    average series, if any. Bridged points (``komparabilitas`` not ``sama``) get hollow markers.
    The x axis is the calendar year; scheme changes are dashed vertical lines with a note.
    """
    fig = go.Figure()
    simbol = ["circle" if k in (None, "sama") else "circle-open" for k in tabel["komparabilitas"]]
    _garis(fig, tabel.assign(_hover=hover, _simbol=simbol), "nilai", nama, disematkan, rata, bahasa)
    _tata_letak(fig, sumbu, judul=judul, subjudul=subjudul, sumbu_y=sumbu_y, bahasa=bahasa)
    return fig


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
        if p is None
        else f"<b>{nama.get(k, k)}</b><br>{th}: " + t("perbandingan_hover_peringkat", bahasa, peringkat=lb, jumlah=j)
        for k, th, p, lb, j in zip(
            tabel["kode_wilayah"], tabel["tahun"], tabel["peringkat"], tabel["label"], tabel["jumlah"], strict=True
        )
    ]
    label = tabel.loc[tabel["kode_wilayah"] == disematkan, "label"]
    teks = {
        "mode": "lines+markers+text",
        "text": [lb or "" for lb in label],
        "textposition": "top center",
        "textfont": {"color": WARNA_SEMAT},
    }
    fig = go.Figure()
    _garis(fig, tabel.assign(_hover=hover), "peringkat", nama, disematkan, None, bahasa, **{disematkan: teks})
    _tata_letak(
        fig, sumbu, judul=judul, subjudul=subjudul, sumbu_y=t("perbandingan_sumbu_peringkat", bahasa), bahasa=bahasa
    )
    jumlah = pd.to_numeric(tabel["jumlah"], errors="coerce").max()
    batas = int(jumlah) if pd.notna(jumlah) else 1
    fig.update_yaxes(autorange=False, range=[batas + 1, 0], tickmode="array", tickvals=[1, *range(5, batas + 1, 5)])
    return fig
