"""Sections of the Ringkasan page: KPI cards, movers and the national counts (no caching here)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators.format import Bahasa, format_angka
from indicators.teks import t
from ui.unduh import tabel


def render_kpi(jumlah: pd.DataFrame, label: dict[str, str], tahun_lalu: int | None, bahasa: Bahasa) -> None:
    """One metric per predikat category, with the change since the previous cycle where known."""
    kolom = st.columns(len(jumlah))
    for wadah, predikat, banyak, lalu in zip(
        kolom, jumlah["predikat"].tolist(), jumlah["jumlah"].tolist(), jumlah["jumlah_lalu"].tolist(), strict=True
    ):
        delta = None if tahun_lalu is None or pd.isna(lalu) else int(banyak) - int(lalu)
        wadah.metric(
            label.get(predikat, predikat),
            int(banyak),
            delta=None if delta is None else f"{delta:+d} {t('dibanding', bahasa, tahun=tahun_lalu)}",
            delta_color="off" if predikat in label else "normal",
        )


def render_ringkas_angka(
    kabkota: pd.DataFrame, rata_lalu: float | None, provila: str | None, tahun_lalu: int | None, bahasa: Bahasa
) -> None:
    """Average synthetic total (with change) and the province's Provila status."""
    kiri, kanan = st.columns(2)
    rata = kabkota["total_final"].mean()
    delta = None
    if rata_lalu is not None and pd.notna(rata) and tahun_lalu is not None:
        delta = f"{format_angka(rata - rata_lalu, 1, bahasa)} {t('dibanding', bahasa, tahun=tahun_lalu)}"
    kiri.metric(t("rata_rata_total", bahasa), format_angka(rata, 1, bahasa) if pd.notna(rata) else "–", delta=delta)
    if provila is None:
        kanan.metric(t("provila", bahasa), t("provila_tidak_diketahui", bahasa))
    else:
        # The award's full name can be long ("Penggerak Provinsi Layak Anak"): a short value, full name as help.
        kanan.metric(t("provila", bahasa), t("ya", bahasa) if "Provila" in provila else provila, help=provila)


def render_pergerakan(gerak: pd.DataFrame, tahun_lalu: int | None, bahasa: Bahasa) -> None:
    """Regions whose official predikat went up or down since the previous cycle."""
    if tahun_lalu is None:
        st.caption(t("tanpa_pembanding", bahasa))
        return
    st.subheader(t("pergerakan", bahasa, tahun=tahun_lalu))
    naik, turun = gerak[gerak["langkah"] > 0], gerak[gerak["langkah"] < 0].sort_values("langkah")
    if naik.empty and turun.empty:
        st.caption(t("tidak_ada_pergerakan", bahasa))
        return
    kiri, kanan = st.columns(2)
    for wadah, data, judul in ((kiri, naik, "naik"), (kanan, turun, "turun")):
        with wadah:
            st.markdown(f"**{t(judul, bahasa)} ({len(data)})**")
            st.dataframe(
                pd.DataFrame(
                    {
                        t("nama", bahasa): data["nama"],
                        t("predikat_lalu", bahasa, tahun=tahun_lalu): data["predikat_lalu"],
                        t("predikat_resmi", bahasa): data["predikat_kini"],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
    tabel.tombol_unduh(gerak, "pergerakan_predikat", bahasa, judul=t("pergerakan", bahasa, tahun=tahun_lalu))


def render_rekap_nasional(rekap: pd.DataFrame, tahun: int, bahasa: Bahasa) -> None:
    """The national counts reported for a cycle, with their source, as one info line."""
    rekap = rekap[(rekap["tahun"] == tahun) & (rekap["cakupan"] == "nasional")].drop_duplicates("predikat")
    if len(rekap):
        rincian = ", ".join(f"{p} {j}" for p, j in zip(rekap["predikat"], rekap["jumlah"], strict=True))
        st.info(t("nasional_dilaporkan", bahasa, tahun=tahun, rincian=rincian, sumber=rekap["url"].iloc[0]))
