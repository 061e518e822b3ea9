"""Widgets, charts and tables of the Perbandingan page (no caching here).

The chart builders are pure: a gap-filled table in (see ``indicators.perbandingan.isi_celah``), a
``go.Figure`` out. The pinned region is a thick coloured line drawn on top; the others are thin
and grey; the province average is dashed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators.analisis import perbandingan
from indicators.analisis.perbandingan import SEBAYA, Sebaya, SumbuWaktu, urai_daftar_wilayah, urutkan_disematkan
from indicators.format import Bahasa, format_angka
from indicators.katalog.model import KOMPARABILITAS_LABEL, TAHAP, Katalog
from indicators.teks import t
from ui import widgets

K_WILAYAH = "perbandingan_wilayah"
K_SEBAYA = "perbandingan_sebaya"
_K_ASING = "_perbandingan_kode_asing"

WARNA_SEMAT = "#c2410c"
WARNA_RATA = "#1f2937"
WARNA_LAIN = "#a3a3a3"
_FONT = "Source Sans Pro, Arial, sans-serif"


# --- widgets (the view lives in the URL: wilayah, ukuran, tahap, sebaya) ----------------------------


def _simpan_param(nama: str, nilai: str) -> None:
    if st.query_params.get(nama) != nilai:
        st.query_params[nama] = nilai


def _saat_wilayah_diubah() -> None:
    # Editing the list by hand leaves a set-defining preset; the province average stays on.
    if st.session_state.get(K_SEBAYA) in ("predikat", "tetangga"):
        st.session_state[K_SEBAYA] = "pilihan"


def _saat_sebaya_diubah(kelompok: dict[Sebaya, list[str]]) -> None:
    pilihan = cast(Sebaya, st.session_state[K_SEBAYA])
    if pilihan != "pilihan" and kelompok.get(pilihan):
        st.session_state[K_WILAYAH] = kelompok[pilihan]


def pilih_wilayah(
    bahasa: Bahasa, nama: dict[str, str], bawaan: list[str], preset: Callable[[str], dict[Sebaya, list[str]]]
) -> tuple[list[str], list[str]]:
    """Multiselect of kab/kota (URL ``wilayah=33.75,33.26``), the first one pinned.

    On the first run the list comes from the URL (codes without data are set aside and returned
    as the second value), else ``bawaan``; a URL ``sebaya=tetangga``/``predikat`` fills it with the
    preset of the first region.
    """
    if K_WILAYAH not in st.session_state:
        dikenal, asing = urai_daftar_wilayah(st.query_params.get("wilayah"), nama)
        dari_url = st.query_params.get("sebaya")
        sebaya: Sebaya = next((s for s in SEBAYA if s == dari_url), "pilihan")
        dikenal = dikenal or list(bawaan)
        if sebaya in ("predikat", "tetangga"):
            dikenal = preset(dikenal[0])[sebaya]
        st.session_state[K_WILAYAH] = dikenal
        st.session_state[K_SEBAYA] = sebaya
        st.session_state[_K_ASING] = asing
    terpilih = st.multiselect(
        t("perbandingan_wilayah", bahasa),
        list(nama),
        format_func=nama.__getitem__,
        key=K_WILAYAH,
        on_change=_saat_wilayah_diubah,
    )
    terpilih = urutkan_disematkan(terpilih)
    _simpan_param("wilayah", ",".join(terpilih))
    return terpilih, list(st.session_state.get(_K_ASING, []))


def pilih_sebaya(bahasa: Bahasa, kelompok: dict[Sebaya, list[str]]) -> Sebaya:
    """Peer preset (URL ``sebaya``): own selection, province average, same predikat or neighbours."""
    st.session_state.setdefault(K_SEBAYA, "pilihan")
    nilai = st.radio(
        t("perbandingan_sebaya", bahasa),
        list(SEBAYA),
        format_func=lambda s: t(f"perbandingan_sebaya_{s}", bahasa),
        horizontal=True,
        key=K_SEBAYA,
        on_change=_saat_sebaya_diubah,
        args=(kelompok,),
    )
    _simpan_param("sebaya", nilai)
    return nilai


def pilih_ukuran(bahasa: Bahasa, katalog: Katalog) -> str:
    """Measure picker (URL ``ukuran``): total, a group subtotal or a KLA24 indicator; total by default."""
    return widgets.pilih_dari_url(
        t("perbandingan_ukuran", bahasa),
        perbandingan.daftar_ukuran(katalog),
        param="ukuran",
        bawaan="total",
        format_func=lambda k: perbandingan.label_ukuran(k, katalog, bahasa),
        key="perbandingan_ukuran",
    )


def pilih_tahap(bahasa: Bahasa, tahap_ada: Sequence[str]) -> str:
    """Stage picker (URL ``tahap``) over the stages with scores; final by default."""
    daftar = [x for x in TAHAP if x in set(tahap_ada)]
    return widgets.pilih_dari_url(
        t("tahap", bahasa),
        daftar,
        param="tahap",
        bawaan="final" if "final" in daftar else daftar[-1],
        format_func=lambda x: t(f"tahap_{x}", bahasa),
        key="perbandingan_tahap",
    )


# --- notes above the charts --------------------------------------------------------------------------


def render_catatan(seri: pd.DataFrame, ukuran: str, label: str, katalog: Katalog, bahasa: Bahasa) -> None:
    """Warn about synthetic scores, bridged (not fully comparable) cycles and differing group maxima."""
    if seri["sintetis"].any():
        st.warning(t("sintetis_peringatan", bahasa), icon="⚠️")
    jenis = perbandingan.jenis_ukuran(ukuran)
    tidak = perbandingan.tidak_sebanding(seri)
    if jenis == "indikator" and not tidak.empty:
        rincian = rincian_komparabilitas(tidak, bahasa)
        st.warning(t("perbandingan_komparabilitas", bahasa, ukuran=label, rincian=rincian), icon="⚖️")
    if jenis == "kelompok":
        maks = perbandingan.maks_kelompok_per_skema(katalog, ukuran)
        if len(set(maks.values())) > 1:
            rincian = ", ".join(f"{s} {format_angka(m, 0, bahasa)}" for s, m in maks.items())
            st.caption(t("perbandingan_maks_kelompok", bahasa, rincian=rincian))


def render_sebaya(sebaya: Sebaya, semat: str, nama: dict[str, str], predikat: pd.DataFrame, bahasa: Bahasa) -> None:
    """Say which predikat the same-predikat group shares (or that the pinned region has none)."""
    if sebaya != "predikat":
        return
    terakhir = perbandingan.predikat_terakhir(predikat, semat)
    if terakhir is None:
        st.info(t("perbandingan_tanpa_predikat", bahasa, nama=nama[semat]))
    else:
        st.caption(t("perbandingan_predikat_sama", bahasa, nama=nama[semat], predikat=terakhir[1], tahun=terakhir[0]))


def render_keterangan_sumbu(
    sumbu: SumbuWaktu, tahap: str, tahun_tahap: Sequence[int], nama_semat: str, bahasa: Bahasa
) -> None:
    """Captions under the trend chart: who is pinned, the gaps, and cycles missing for this stage."""
    st.caption(t("perbandingan_disematkan", bahasa, nama=nama_semat))
    st.caption(t("perbandingan_celah", bahasa, tahun=", ".join(map(str, sumbu.tanpa_evaluasi))))
    ada = [th for th in sumbu.tahun if th not in sumbu.tanpa_evaluasi]
    if list(tahun_tahap) != ada:
        tahun = ", ".join(map(str, tahun_tahap))
        st.caption(t("perbandingan_tahap_terbatas", bahasa, tahap=t(f"tahap_{tahap}", bahasa), tahun=tahun))


def subjudul(tahap: str, sintetis: bool, bahasa: Bahasa) -> str:
    """Chart subtitle: the stage, and the synthetic label when any score shown is synthetic."""
    teks = t("perbandingan_subjudul", bahasa, tahap=t(f"tahap_{tahap}", bahasa), sintetis=t("label_sintetis", bahasa))
    return teks if sintetis else teks.split(" · ")[0]


def satuan_ukuran(ukuran: str, label: str, bahasa: Bahasa) -> tuple[int, str, str]:
    """Decimals, y-axis title and hover unit of a measure (points, or % of maximum for an indicator)."""
    if perbandingan.jenis_ukuran(ukuran) == "indikator":
        return 1, t("perbandingan_sumbu_persen", bahasa), t("perbandingan_persen_maks", bahasa)
    pendek = label if ukuran == "total" else t("perbandingan_subtotal", bahasa)
    return 2, t("perbandingan_sumbu_poin", bahasa, ukuran=pendek), t("perbandingan_poin", bahasa)


# --- labels ------------------------------------------------------------------------------------------


def label_komparabilitas(kode: str, bahasa: Bahasa) -> str:
    """Display name of a crosswalk comparability level (``baik``, ``sebagian``, ``lemah``)."""
    return KOMPARABILITAS_LABEL[kode][0 if bahasa == "id" else 1] if kode in KOMPARABILITAS_LABEL else kode


def rincian_komparabilitas(tidak_sebanding: pd.DataFrame, bahasa: Bahasa) -> str:
    """One phrase per bridged cycle, e.g. '2017 (KLA31: KLA31-08; komparabilitas baik)'."""
    return "; ".join(
        t(
            "perbandingan_rincian_komparabilitas",
            bahasa,
            tahun=tahun,
            skema=skema,
            sumber=sumber,
            label=label_komparabilitas(k, bahasa),
        )
        for tahun, skema, sumber, k in zip(
            tidak_sebanding["tahun"],
            tidak_sebanding["skema"],
            tidak_sebanding["indikator_sumber"],
            tidak_sebanding["komparabilitas"],
            strict=True,
        )
    )


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


# --- charts ------------------------------------------------------------------------------------------

LEGENDA_MAKS_LAIN = 4
"""Above this many context regions, the grey lines share one legend entry (names stay in the hover)."""


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


# --- table -------------------------------------------------------------------------------------------


def tabel_angka(
    tabel: pd.DataFrame, nama: dict[str, str], tahun: Sequence[int], desimal: int, bahasa: Bahasa
) -> pd.DataFrame:
    """Regions × cycles with values formatted in the reader's locale ('–' where there is none)."""
    baris = []
    for kode in dict.fromkeys(tabel["kode_wilayah"]):
        milik = tabel[tabel["kode_wilayah"] == kode].set_index("tahun")["nilai"]
        isi: dict[str, str] = {t("nama", bahasa): nama.get(kode, kode)}
        for th in tahun:
            nilai = milik.get(th)
            isi[str(th)] = format_angka(None if nilai is None or pd.isna(nilai) else float(nilai), desimal, bahasa)
        baris.append(isi)
    return pd.DataFrame(baris)
