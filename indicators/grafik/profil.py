"""Figures of the Profil Wilayah page and the evaluation pack (pure: DataFrames in, figures out).

The dashboard, the exports (PNG/SVG/PDF) and the evaluation pack draw these same figures. Labels
come from ``teks``, the text catalogue's ``t`` bound to the reader's language
(:func:`indicators.teks.penerjemah`), so screen and paper read alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators.analisis.ringkasan import TIDAK_ADA
from indicators.format import Bahasa, format_angka
from indicators.grafik import tata
from indicators.grafik.predikat import WARNA_PREDIKAT
from indicators.katalog.model import Indikator, Katalog, PitaPredikat, Skema

Teks = Callable[..., str]
"""``teks(kunci, **isian) -> str``: interface text in one language."""

JUMLAH_RUANG = 10
"""Indicators drawn in the 'where are the next points' chart."""
_HIJAU, _ABU, _ORANYE, _MERAH = "#31a354", "#d9d9d9", "#e6550d", "#c0392b"


def _angka(nilai: Any, desimal: int, bahasa: Bahasa) -> str:
    return "–" if nilai is None or pd.isna(nilai) else format_angka(float(nilai), desimal, bahasa)


def label_indikator(ind: Indikator, bahasa: Bahasa, *, pendek: bool = False) -> str:
    """'04 Akta Kelahiran' in Indonesian (official short label), '04 Birth certificates' in English."""
    nama = f"{ind.nomor:02d} {ind.label_teks(bahasa)}"
    return nama[:43].rstrip() + "…" if pendek and len(nama) > 45 else nama


def label_kelompok(skema: Skema, kode: str, bahasa: Bahasa, *, pendek: bool = False) -> str:
    """A group's name from the catalogue; ``pendek`` keeps the part before the colon ('Klaster IV')."""
    kelompok = skema.kelompok_dari(kode)
    nama = kelompok.nama if bahasa == "id" else kelompok.nama_en
    return nama.split(":")[0] if pendek else nama


def label_predikat(predikat: object, teks: Teks, *, resmi: bool) -> str:
    """A predikat for display: missing official → 'Data tidak ditemukan'; none → 'Tidak berpredikat'."""
    if predikat is None or (isinstance(predikat, float) and pd.isna(predikat)):
        return teks("tidak_ditemukan" if resmi else "tidak_ada_predikat")
    if predikat == TIDAK_ADA:
        return teks("tidak_ada_predikat")
    return str(predikat)


def _sintetis(label: str, teks: Teks) -> str:
    return f"{label} ({teks('profil_sintetis_pendek')})"


def grafik_riwayat(
    riwayat: pd.DataFrame, pita: PitaPredikat, tanpa_siklus: Sequence[int], bahasa: Bahasa, teks: Teks
) -> go.Figure:
    """Timeline: official predikat per cycle (filled), computed predikat (diamonds, red where different).

    The x axis is the calendar, so years without an evaluation show as shaded gaps.
    """
    kategori = [teks("tidak_ditemukan"), teks("tidak_ada_predikat"), *pita.urutan()]
    tahun = [int(x) for x in riwayat["tahun"]]
    # One constructor with the whole layout: each update_layout on a made figure costs milliseconds.
    return go.Figure(
        data=[
            _titik_resmi(riwayat[riwayat["ada_resmi"]], teks),
            _titik_tidak_ditemukan(riwayat[~riwayat["ada_resmi"]], teks),
            _titik_hitung(riwayat[riwayat["ada_skor"]], bahasa, teks),
        ],
        layout={
            **_tanpa_siklus(tanpa_siklus, teks),
            "height": 330,
            "margin": {"l": 0, "r": 10, "t": 30, "b": 0},
            "xaxis": {
                **tata.sumbu_tahun(tahun),
                "range": [min(tahun) - 0.6, max(tahun) + 0.8],
                "title": {"text": teks("tahun")},
            },
            "yaxis": {"categoryorder": "array", "categoryarray": kategori, "range": [-0.5, len(kategori) - 0.3]},
            "legend": {"orientation": "h", "y": -0.25},
            "separators": tata.pemisah(bahasa),
        },
    )


def _tanpa_siklus(tanpa_siklus: Sequence[int], teks: Teks) -> dict[str, list[dict[str, Any]]]:
    """Shade the calendar years without an evaluation, so a gap does not read as a missing value."""
    return tata.pita_vertikal_isi(
        [(x - 0.45, x + 0.45) for x in tanpa_siklus], warna="#f0f0f0",
        label=[teks("perbandingan_tanpa_evaluasi")] * len(tanpa_siklus), ukuran_label=11,
    )  # fmt: skip


def _titik_resmi(ada: pd.DataFrame, teks: Teks) -> go.Scatter:
    """The official predikat of the cycles that have one, coloured like the map, confidence on hover."""
    keyakinan = [teks(k) if isinstance(k, str) else "–" for k in ada["keyakinan"]]
    return go.Scatter(
        x=ada["tahun"],
        y=[label_predikat(p, teks, resmi=True) for p in ada["predikat_resmi"]],
        mode="markers",
        name=teks("predikat_resmi"),
        marker={
            "size": 18,
            "color": [WARNA_PREDIKAT.get(str(p), "#9e9e9e") for p in ada["predikat_resmi"]],
            "line": {"color": "#252525", "width": 1.5},
        },
        customdata=keyakinan,
        hovertemplate="%{x}: <b>%{y}</b><br>" + teks("keyakinan") + ": %{customdata}<extra></extra>",
    )


def _titik_tidak_ditemukan(hilang: pd.DataFrame, teks: Teks) -> go.Scatter:
    """Cycles whose official predikat was not found: open circles on the 'Data tidak ditemukan' row."""
    return go.Scatter(
        x=hilang["tahun"],
        y=[teks("tidak_ditemukan")] * len(hilang),
        mode="markers",
        name=teks("tidak_ditemukan"),
        marker={"size": 14, "symbol": "circle-open", "color": "#737373", "line": {"width": 2}},
        hovertemplate="%{x}: " + teks("profil_resmi_tidak_ditemukan") + "<extra></extra>",
    )


def _titik_hitung(skor: pd.DataFrame, bahasa: Bahasa, teks: Teks) -> go.Scatter:
    """The computed (synthetic) predikat beside the official one; red with '≠' where the two differ."""
    beda = skor["beda_predikat"].tolist()
    return go.Scatter(
        x=skor["tahun"] + 0.22,  # beside the official marker of the same year, not on top of it
        y=[label_predikat(p, teks, resmi=False) for p in skor["predikat_hitung"]],
        mode="markers+text",
        name=_sintetis(teks("profil_predikat_hitung"), teks),
        text=["≠" if b else "" for b in beda],
        textposition="middle right",
        textfont={"color": _MERAH, "size": 16},
        marker={
            "size": [13 if b else 10 for b in beda],
            "symbol": "diamond",
            "color": [_MERAH if b else "#ffffff" for b in beda],
            "line": {"color": [_MERAH if b else "#525252" for b in beda], "width": 1.5},
        },
        customdata=[_angka(v, 2, bahasa) for v in skor["total"]],
        hovertemplate=(
            "%{x:.0f}: %{y}<br>" + _sintetis(teks("perbandingan_total"), teks) + ": %{customdata}<extra></extra>"
        ),
    )


def grafik_kelompok(kelompok: pd.DataFrame, skema: Skema, bahasa: Bahasa, teks: Teks) -> go.Figure:
    """Horizontal bars: each group's score over its maximum (assumed allocation), province average as a tick."""
    y = [label_kelompok(skema, k, bahasa, pendek=True) for k in kelompok["kelompok"]]
    nama = [label_kelompok(skema, k, bahasa) for k in kelompok["kelompok"]]
    isi = [
        f"{_angka(n, 1, bahasa)} / {_angka(m, 0, bahasa)}"
        for n, m in zip(kelompok["nilai"], kelompok["nilai_maks"], strict=True)
    ]
    batang = [
        go.Bar(
            x=kelompok["nilai_maks"],
            y=y,
            orientation="h",
            name=teks("profil_maks_asumsi"),
            marker={"color": _ABU},
            customdata=nama,
            hovertemplate="%{customdata}<br>" + teks("profil_maks_asumsi") + ": %{x}<extra></extra>",
        ),
        go.Bar(
            x=kelompok["nilai"],
            y=y,
            orientation="h",
            name=_sintetis(teks("profil_skor"), teks),
            marker={"color": _HIJAU},
            text=isi,
            textposition="inside",
            insidetextanchor="start",
            customdata=nama,
            hovertemplate="%{customdata}<br>" + teks("profil_skor") + ": %{text}<extra></extra>",
        ),
        go.Scatter(
            x=kelompok["rata_provinsi"],
            y=y,
            # Drawn the same either way (no stacking); it tells the chart's data table that x holds the value.
            orientation="h",
            mode="markers",
            name=teks("perbandingan_sebaya_provinsi"),
            marker={"symbol": "line-ns", "size": 26, "line": {"width": 3, "color": "#252525"}},
            customdata=[_angka(v, 1, bahasa) for v in kelompok["rata_provinsi"]],
            hovertemplate=teks("perbandingan_sebaya_provinsi") + ": %{customdata}<extra></extra>",
        ),
    ]
    return go.Figure(
        data=batang,
        layout={
            "barmode": "overlay",
            "height": 330,
            "margin": {"l": 0, "r": 10, "t": 10, "b": 0},
            "xaxis": {"title": {"text": teks("profil_poin")}},
            "yaxis": {"autorange": "reversed"},
            "legend": {"orientation": "h", "y": -0.2},
            "separators": tata.pemisah(bahasa),
        },
    )


def grafik_ruang(ruang: pd.DataFrame, katalog: Katalog, berikut: str | None, bahasa: Bahasa, teks: Teks) -> go.Figure:
    """Bars of the indicators with the most room left; the ones that together close the gap in orange."""
    indikator = katalog.indikator()
    data = ruang.head(JUMLAH_RUANG)
    batang: list[go.Bar] = []
    for menutup, warna, nama in (
        (True, _ORANYE, teks("profil_menutup", predikat=berikut or "–")),
        (False, "#969696", teks("profil_lainnya")),
    ):
        bagian = data[data["menutup_selisih"] == menutup]
        if bagian.empty:
            continue
        batang.append(
            go.Bar(
                x=bagian["ruang"],
                y=[label_indikator(indikator[k], bahasa, pendek=True) for k in bagian["indikator"]],
                orientation="h",
                name=nama,
                marker={"color": warna},
                text=[_angka(v, 2, bahasa) for v in bagian["ruang"]],
                textposition="outside",
                customdata=[label_indikator(indikator[k], bahasa) for k in bagian["indikator"]],
                hovertemplate="%{customdata}<br>" + teks("profil_ruang") + ": %{text}<extra></extra>",
                cliponaxis=False,
            )
        )
    urutan = [label_indikator(indikator[k], bahasa, pendek=True) for k in data["indikator"]]
    batas = float(data["ruang"].max()) * 1.2 if len(data) else 1.0
    return go.Figure(
        data=batang,
        layout={
            "height": 90 + 28 * len(data),
            "margin": {"l": 0, "r": 30, "t": 10, "b": 0},
            "xaxis": {"title": {"text": teks("profil_ruang_poin")}, "range": [0, batas]},
            "yaxis": {"categoryorder": "array", "categoryarray": urutan, "autorange": "reversed"},
            "legend": {"orientation": "h", "y": -0.25},
            "separators": tata.pemisah(bahasa),
        },
    )
