"""Figures of the Gugus Tugas page (pure: DataFrames in, figures out).

Readiness per cluster or OPD as stacked bars, and the trajectory of totals towards the next
evaluation: earlier evaluations, the workspace's snapshots and the rough final estimate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Protocol

import pandas as pd
import plotly.graph_objects as go

from indicators.analisis.skor import hitung_skor
from indicators.format import Bahasa, format_angka
from indicators.katalog.model import Katalog
from indicators.teks import t

_WARNA = {"selesai": "#31a354", "dalam_proses": "#fdae6b", "belum_ada": "#d9d9d9"}


class Lintasan(Protocol):
    """What the trajectory chart reads of a workspace (``indicators.gugus.layanan.RuangKerja``).

    A protocol, not an import: the workspace lives in a layer above the figures.
    """

    @property
    def skor_wilayah(self) -> pd.DataFrame:
        """The region's evaluation scores, all cycles and stages."""

    @property
    def lintasan(self) -> pd.DataFrame:
        """The stored snapshots, scored (``tanggal``, ``total``)."""


def _angka(nilai: object, desimal: int, bahasa: Bahasa) -> str:
    if nilai is None or (isinstance(nilai, float) and pd.isna(nilai)):
        return "–"
    return format_angka(float(nilai), desimal, bahasa)  # type: ignore[arg-type]


def grafik_kesiapan(kesiapan: pd.DataFrame, label: Mapping[str, str], judul: str, bahasa: Bahasa) -> go.Figure:
    """Stacked horizontal bars per group: complete, in progress, missing (most important on top)."""
    data = kesiapan.iloc[::-1]
    nama = [label.get(str(k), str(k)) for k in data.iloc[:, 0]]
    fig = go.Figure()
    for kolom, kunci in (
        ("selesai", "gt_kol_selesai"),
        ("dalam_proses", "gt_kol_proses"),
        ("belum_ada", "gt_kol_belum"),
    ):
        teks_hover = [
            f"{n}: {int(v)} {t(kunci, bahasa).lower()} · {t('gt_kartu_terlambat', bahasa).lower()} {int(lt)}"
            f" · {t('gt_kartu_poin', bahasa).lower()} {_angka(p, 2, bahasa)}"
            for n, v, lt, p in zip(nama, data[kolom], data["terlambat"], data["poin_dipertaruhkan"], strict=True)
        ]
        fig.add_bar(
            y=nama,
            x=data[kolom].astype(int),
            orientation="h",
            name=t(kunci, bahasa),
            marker_color=_WARNA[kolom],
            hovertext=teks_hover,
            hoverinfo="text",
        )
    fig.update_layout(
        barmode="stack",
        title=judul,
        height=max(260, 28 * len(data) + 120),
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1, "traceorder": "normal"},
        xaxis_title=t("gt_sumbu_butir", bahasa),
        separators=",." if bahasa == "id" else ".,",
    )
    return fig


def _tanggal_siklus(katalog: Katalog, tahun: int) -> dt.date:
    siklus = next((s for s in katalog.siklus if s.tahun == tahun), None)
    if siklus is not None and siklus.tanggal_penganugerahan:
        return dt.date.fromisoformat(siklus.tanggal_penganugerahan)
    return dt.date(tahun, 7, 23)  # Hari Anak Nasional, the usual award date (kla-domain.md §3.2)


def grafik_lintasan(
    rk: Lintasan, katalog: Katalog, tahun_berikut: int, proyeksi: Mapping[str, object] | None, bahasa: Bahasa
) -> go.Figure:
    """Totals over time: earlier evaluations (mandiri and final), snapshots, and the rough final estimate."""
    fig = go.Figure()
    if len(rk.skor_wilayah):
        skor = hitung_skor(rk.skor_wilayah, katalog)
        sintetis = " (sintetis)" if bahasa == "id" else " (synthetic)"
        for tahap, kunci, gaya in (("final", "gt_lintasan_final", "solid"), ("mandiri", "gt_lintasan_mandiri", "dot")):
            data = skor[skor["tahap"] == tahap].sort_values("tahun")
            if data.empty:
                continue
            label = t(kunci, bahasa) + (sintetis if bool(data["sintetis"].any()) else "")
            fig.add_scatter(
                x=[_tanggal_siklus(katalog, int(x)) for x in data["tahun"]],
                y=data["total"],
                mode="lines+markers",
                name=label,
                line={"dash": gaya, "color": "#636363"},
            )
    if len(rk.lintasan):
        fig.add_scatter(
            x=list(rk.lintasan["tanggal"]),
            y=rk.lintasan["total"],
            mode="lines+markers",
            name=t("gt_lintasan_snapshot", bahasa),
            line={"color": "#3182bd", "width": 3},
        )
    if proyeksi is not None and len(rk.lintasan):
        fig.add_scatter(
            x=[rk.lintasan["tanggal"].iloc[-1], _tanggal_siklus(katalog, tahun_berikut)],
            y=[proyeksi["total_snapshot"], proyeksi["perkiraan_final"]],
            mode="lines+markers",
            name=t("gt_lintasan_proyeksi", bahasa),
            line={"dash": "dash", "color": "#e6550d"},
        )
    for pita in katalog.pita.pita:
        fig.add_hline(y=pita.bawah, line={"width": 1, "color": "#bdbdbd", "dash": "dot"}, annotation_text=pita.predikat)
    fig.update_layout(
        title=t("gt_lintasan", bahasa, tahun=tahun_berikut),
        yaxis_title=t("gt_sumbu_total", bahasa),
        height=420,
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        legend={"orientation": "h", "y": -0.2},
        separators=",." if bahasa == "id" else ".,",
    )
    return fig
