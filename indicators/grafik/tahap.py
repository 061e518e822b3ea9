"""The stage comparison figure (mandiri → provinsi → final) of the evaluation pack (pure: DataFrame in).

It draws :func:`indicators.analisis.profil.total_per_tahap`, the same table the Profil page shows
as its stage metrics.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from indicators.format import Bahasa, format_angka
from indicators.grafik import tata

Teks = Callable[..., str]
_HIJAU = "#31a354"


def grafik_tahap(per_tahap: pd.DataFrame, bahasa: Bahasa, teks: Teks) -> go.Figure:
    """Columns: the (synthetic) total at each stage, its value and computed predikat above it.

    The axis runs from 0 to the maximum of 1000: a bar cut short would exaggerate the change.
    """
    label = [teks(f"tahap_{x}") for x in per_tahap["tahap"]]
    isi = [
        "–" if pd.isna(v) else f"{format_angka(float(v), 2, bahasa)}<br>{p if isinstance(p, str) else '–'}"
        for v, p in zip(per_tahap["total"], per_tahap["predikat_hitung"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=label,
            y=per_tahap["total"],
            marker={"color": _HIJAU},
            text=isi,
            textposition="outside",
            textfont={"size": 15},
            cliponaxis=False,
            name=teks("total"),
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        height=360,
        margin={"l": 0, "r": 10, "t": 30, "b": 0},
        yaxis={"title": {"text": teks("profil_poin")}, "range": [0, 1000]},
        showlegend=False,
        separators=tata.pemisah(bahasa),
    )
    return fig
