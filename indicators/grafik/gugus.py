"""Figures of the Gugus Tugas page (pure: DataFrames in, figures out).

Readiness per cluster or OPD as stacked bars, and the trajectory of totals towards the next
evaluation: earlier evaluations, the workspace's snapshots and the rough final estimate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Protocol

import pandas as pd
import plotly.graph_objects as go

from indicators.analisis import profil
from indicators.analisis.skor import hitung_skor
from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.grafik import tata
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
        separators=tata.pemisah(bahasa),
    )
    return fig


def posisi_tanggal(tanggal: dt.date) -> float:
    """A date on the cycle axis: its year plus the share of the year gone (1 July 2026 → about 2026.5)."""
    awal = dt.date(tanggal.year, 1, 1)
    return tanggal.year + (tanggal - awal).days / (dt.date(tanggal.year + 1, 1, 1) - awal).days


def _teks_hover(label: str, waktu: str, nilai: object, bahasa: Bahasa) -> str:
    return f"{label}<br>{waktu}: {_angka(nilai, 2, bahasa)}"


def grafik_lintasan(
    rk: Lintasan, katalog: Katalog, tahun_berikut: int, proyeksi: Mapping[str, object] | None, bahasa: Bahasa
) -> go.Figure:
    """Totals per evaluation cycle (mandiri and final), snapshots, and the rough final estimate.

    The x axis counts cycles, not award dates: each evaluation sits exactly on its cycle's tick (the
    2023 evaluation on "2023", whatever day it was awarded), the assumed next evaluation gets its own
    tick, and years without an evaluation between cycles are shaded as gaps, as on the Profil history.
    A snapshot sits at its date within the year (between the ticks), its date on hover.
    """
    fig = go.Figure()
    tahun_data: list[int] = []
    if len(rk.skor_wilayah):
        skor = hitung_skor(rk.skor_wilayah, katalog)
        tahun_data = sorted({int(x) for x in skor["tahun"]})
        _tandai_tanpa_evaluasi(fig, profil.tahun_tanpa_siklus(tahun_data), bahasa)
        sintetis = f" ({t('gt_sintetis_pendek', bahasa)})"
        for tahap, kunci, gaya in (("final", "gt_lintasan_final", "solid"), ("mandiri", "gt_lintasan_mandiri", "dot")):
            data = skor[skor["tahap"] == tahap].sort_values("tahun")
            if data.empty:
                continue
            label = t(kunci, bahasa) + (sintetis if bool(data["sintetis"].any()) else "")
            fig.add_scatter(
                x=[int(x) for x in data["tahun"]],
                y=data["total"],
                mode="lines+markers",
                name=label,
                line={"dash": gaya, "color": "#636363"},
                hovertext=[
                    _teks_hover(label, str(int(x)), v, bahasa)
                    for x, v in zip(data["tahun"], data["total"], strict=True)
                ],
                hoverinfo="text",
            )
    if len(rk.lintasan):
        tanggal = [dt.date.fromisoformat(str(x)[:10]) for x in rk.lintasan["tanggal"]]
        label = t("gt_lintasan_snapshot", bahasa)
        fig.add_scatter(
            x=[posisi_tanggal(x) for x in tanggal],
            y=rk.lintasan["total"],
            mode="lines+markers",
            name=label,
            line={"color": "#3182bd", "width": 3},
            hovertext=[
                _teks_hover(label, format_tanggal(x, bahasa), v, bahasa)
                for x, v in zip(tanggal, rk.lintasan["total"], strict=True)
            ],
            hoverinfo="text",
        )
        if proyeksi is not None:
            label = t("gt_lintasan_proyeksi", bahasa)
            fig.add_scatter(
                x=[posisi_tanggal(tanggal[-1]), tahun_berikut],
                y=[proyeksi["total_snapshot"], proyeksi["perkiraan_final"]],
                mode="lines+markers",
                name=label,
                line={"dash": "dash", "color": "#e6550d"},
                hovertext=[
                    _teks_hover(label, format_tanggal(tanggal[-1], bahasa), proyeksi["total_snapshot"], bahasa),
                    _teks_hover(label, str(tahun_berikut), proyeksi["perkiraan_final"], bahasa),
                ],
                hoverinfo="text",
            )
    for pita in katalog.pita.pita:
        fig.add_hline(y=pita.bawah, line={"width": 1, "color": "#bdbdbd", "dash": "dot"}, annotation_text=pita.predikat)
    tik = sorted({*tahun_data, tahun_berikut})
    fig.update_layout(
        title=t("gt_lintasan", bahasa, tahun=tahun_berikut),
        yaxis_title=t("gt_sumbu_total", bahasa),
        xaxis={
            "title": {"text": t("gt_sumbu_siklus", bahasa)},
            "tickmode": "array",
            "tickvals": tik,
            "ticktext": [str(x) for x in tik],
            "range": [tik[0] - 0.6, tik[-1] + 0.6],
            "showgrid": True,
        },
        height=420,
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        legend={"orientation": "h", "y": -0.25},
        separators=tata.pemisah(bahasa),
    )
    return fig


def _tandai_tanpa_evaluasi(fig: go.Figure, tahun: Sequence[int], bahasa: Bahasa) -> None:
    """Shade the years between cycles without an evaluation, so the gap is seen, not read as a value."""
    isi = tata.pita_vertikal_isi(
        [(x - 0.45, x + 0.45) for x in tahun], warna="#f0f0f0", di_bawah=True,
        label=[t("gt_tanpa_evaluasi", bahasa)] * len(tahun), ukuran_label=11,
    )  # fmt: skip
    fig.update_layout(
        shapes=[*fig.layout.shapes, *isi["shapes"]], annotations=[*fig.layout.annotations, *isi["annotations"]]
    )
