"""Widgets, notes and the table of the Perbandingan page (no caching here).

The charts are drawn by :mod:`indicators.grafik.perbandingan` (pure: a gap-filled table in, a
figure out); this module keeps the view in the URL and says what the charts cannot.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

import pandas as pd
import streamlit as st

from indicators.analisis import perbandingan
from indicators.analisis.perbandingan import SEBAYA, Sebaya, SumbuWaktu, urai_daftar_wilayah, urutkan_disematkan
from indicators.format import Bahasa, format_angka
from indicators.grafik.perbandingan import label_komparabilitas
from indicators.katalog.model import TAHAP, Katalog
from indicators.teks import t
from ui import widgets

K_WILAYAH = "perbandingan_wilayah"
K_SEBAYA = "perbandingan_sebaya"
_K_ASING = "_perbandingan_kode_asing"


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
