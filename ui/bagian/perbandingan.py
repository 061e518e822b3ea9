"""Widgets, notes and the table of the Perbandingan page (no caching here).

The charts are drawn by :mod:`indicators.grafik.perbandingan` (pure: a gap-filled table in, a
figure out); this module keeps the view in the URL and says what the charts cannot.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
from ui.unduh import tabel as unduh_tabel

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
    # The province average is a reference line added to the chosen regions, never a replacement.
    if pilihan in ("predikat", "tetangga") and kelompok.get(pilihan):
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
        placeholder=t("bh_pilih_banyak", bahasa),
    )
    terpilih = urutkan_disematkan(terpilih)
    _simpan_param("wilayah", ",".join(terpilih))
    return terpilih, list(st.session_state.get(_K_ASING, []))


def pilih_sebaya(bahasa: Bahasa, kelompok: dict[Sebaya, list[str]]) -> Sebaya:
    """Peer preset (URL ``sebaya``): own selection, province average, same predikat or neighbours."""
    st.session_state.setdefault(K_SEBAYA, "pilihan")
    nilai = widgets.pilih_berlabel(
        st.radio,
        t("perbandingan_sebaya", bahasa),
        {s: t(f"perbandingan_sebaya_{s}", bahasa) for s in SEBAYA},
        horizontal=True,
        key=K_SEBAYA,
        on_change=_saat_sebaya_diubah,
        args=(kelompok,),
    )
    _simpan_param("sebaya", nilai)
    return cast(Sebaya, nilai)


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


def pilih_rentang(bahasa: Bahasa, tahun_siklus: Sequence[int]) -> tuple[int, int]:
    """Cycle-range slider (URL ``siklus=2019-2025``) over the cycles with data; all of them by default.

    A URL range that is not two cycles with data falls back to the whole range.
    """
    daftar = sorted({int(x) for x in tahun_siklus})
    if len(daftar) < 2:
        return (daftar[0], daftar[0]) if daftar else (0, 0)
    awal: tuple[int, int] = (daftar[0], daftar[-1])
    bagian = (st.query_params.get("siklus") or "").split("-")
    if len(bagian) == 2 and all(b.strip().isdigit() for b in bagian):
        dari_url = (int(bagian[0]), int(bagian[1]))
        if dari_url[0] in daftar and dari_url[1] in daftar and dari_url[0] < dari_url[1]:
            awal = dari_url
    nilai = st.select_slider(
        t("gf_rentang", bahasa),
        options=daftar,
        value=awal,
        key="perbandingan_siklus",
        help=t("gf_rentang_bantuan", bahasa),
    )
    mulai, akhir = sorted(nilai)
    if mulai == akhir:  # one cycle is no trend: widen to the neighbouring cycle
        i = daftar.index(mulai)
        mulai, akhir = (daftar[i - 1], akhir) if i > 0 else (mulai, daftar[i + 1])
    _simpan_param("siklus", f"{mulai}-{akhir}")
    return mulai, akhir


def label_rentang(rentang: tuple[int, int]) -> str:
    """'2017–2025' (an en dash between the first and last cycle)."""
    return f"{rentang[0]}–{rentang[1]}"


def siklus_dalam(semua: pd.DataFrame, rentang: tuple[int, int]) -> list[tuple[int, str]]:
    """``(tahun, skema)`` of the cycles with data inside the range (the year axis is built from them)."""
    pasangan = zip(semua["tahun"].astype(int), semua["kode_skema"], strict=True)
    return [(th, str(sk)) for th, sk in pasangan if rentang[0] <= th <= rentang[1]]


def cakupan_rata(
    semua_seri: pd.DataFrame, wilayah: pd.DataFrame, kode_provinsi: str, rentang: tuple[int, int]
) -> dict[int, tuple[int, int]]:
    """Per cycle in the range, how many of the province's kab/kota the average covers: ``{tahun: (ada, jumlah)}``."""
    kabkota = wilayah[(wilayah["tingkat"] == "kabkota") & (wilayah["kode_provinsi"] == kode_provinsi)]
    milik = semua_seri[semua_seri["kode_wilayah"].isin(set(kabkota["kode_wilayah"])) & semua_seri["nilai"].notna()]
    milik = milik[milik["tahun"].between(*rentang)]
    ada = milik.groupby("tahun")["kode_wilayah"].nunique()
    return {int(str(th)): (int(n), len(kabkota)) for th, n in ada.items()}


def teks_cakupan(cakupan: dict[int, tuple[int, int]], bahasa: Bahasa) -> str:
    """'35 dari 35 kab/kota', or '30–35 dari 35 kab/kota per siklus' when it differs between cycles."""
    if not cakupan:
        return t("gf_cakupan_singkat", bahasa, ada=0, jumlah=0)
    ada = [n for n, _ in cakupan.values()]
    jumlah = max(j for _, j in cakupan.values())
    if min(ada) == max(ada):
        return t("gf_cakupan_singkat", bahasa, ada=ada[0], jumlah=jumlah)
    return t("gf_cakupan_rentang", bahasa, min=min(ada), maks=max(ada), jumlah=jumlah)


@dataclass(frozen=True)
class Tampilan:
    """What the trend draws: the series, the codes and names drawn, and the province average if asked for."""

    seri: pd.DataFrame
    kode: list[str]
    nama: dict[str, str]
    rata: str | None = None  # the province code standing for its average line
    cakupan: dict[int, tuple[int, int]] = field(default_factory=dict)
    info_rata: tuple[str, str] | None = None  # (province, coverage text) for the export subtitle

    def cakupan_garis(self) -> dict[str, dict[int, tuple[int, int]]] | None:
        """The average line's coverage per cycle, keyed by its code, for the hover; None without it."""
        return None if self.rata is None else {self.rata: self.cakupan}


def tambah_rata(
    seri: pd.DataFrame,
    semua_seri: pd.DataFrame | None,
    wilayah: pd.DataFrame,
    pilihan: Sequence[str],
    nama: dict[str, str],
    kode_provinsi: str,
    rentang: tuple[int, int],
    bahasa: Bahasa,
) -> Tampilan:
    """The chosen regions, plus the province average as a reference line when ``semua_seri`` is given.

    The average is added beside the chosen regions, never instead of them, with its coverage in a caption.
    """
    if semua_seri is None:
        return Tampilan(seri, list(pilihan), dict(nama))
    nama_wilayah = dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))
    rata_seri = perbandingan.seri_rata_provinsi(semua_seri, wilayah, kode_provinsi)
    nama_rata = t("perbandingan_rata", bahasa, provinsi=nama_wilayah[kode_provinsi])
    cakupan = cakupan_rata(semua_seri, wilayah, kode_provinsi, rentang)
    info_rata = (nama_wilayah[kode_provinsi], teks_cakupan(cakupan, bahasa))
    st.caption(t("gf_keterangan_rata", bahasa, provinsi=info_rata[0], cakupan=info_rata[1]))
    return Tampilan(
        pd.concat([seri, rata_seri], ignore_index=True),
        [*pilihan, kode_provinsi],
        {**nama, kode_provinsi: nama_rata},
        kode_provinsi,
        cakupan,
        info_rata,
    )


def subjudul_ekspor(pilihan: Sequence[str], nama: dict[str, str], rata: tuple[str, str] | None, bahasa: Bahasa) -> str:
    """The exported chart's subtitle: who is pinned, who is compared, and the average with its coverage.

    ``rata`` is ``(province name, coverage text)`` when the province average is drawn.
    """
    semat, *lain = pilihan
    bagian = [t("gf_subjudul_semat", bahasa, nama=nama[semat])]
    if lain:
        bagian.append(t("gf_subjudul_pembanding", bahasa, daftar=", ".join(nama[k] for k in lain)))
    if rata is not None:
        bagian.append(t("gf_subjudul_rata", bahasa, provinsi=rata[0], cakupan=rata[1]))
    return " · ".join(bagian)


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
    sumbu: SumbuWaktu, tahap: str, tahun_tahap: Sequence[int], tahun_siklus: Sequence[int], nama_semat: str,
    bahasa: Bahasa,
) -> None:  # fmt: skip
    """Captions under the trend chart: who is pinned, the gaps, and cycles missing for this stage.

    ``tahun_tahap`` are the cycles with this stage, ``tahun_siklus`` every cycle with data.
    """
    st.caption(t("perbandingan_disematkan", bahasa, nama=nama_semat))
    if sumbu.tanpa_evaluasi:
        st.caption(t("perbandingan_celah", bahasa, tahun=", ".join(map(str, sumbu.tanpa_evaluasi))))
    if sorted(tahun_tahap) != sorted(set(tahun_siklus)):
        tahun = ", ".join(map(str, tahun_tahap))
        st.caption(t("perbandingan_tahap_terbatas", bahasa, tahap=t(f"tahap_{tahap}", bahasa), tahun=tahun))


def subjudul(sintetis: bool, bahasa: Bahasa) -> str:
    """Chart subtitle under a title that names the stage: the synthetic label when any score shown is synthetic."""
    return t("label_sintetis", bahasa) if sintetis else ""


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


def render_tabel(
    tabel: pd.DataFrame,
    nama: dict[str, str],
    tahun: Sequence[int],
    desimal: int,
    bahasa: Bahasa,
    *,
    ukuran: str,
    label: str,
    konteks: str,
) -> None:
    """The series as regions × cycles (:func:`tabel_angka`) with CSV/XLSX buttons, built only while open.

    The files name the view (measure, stage, regions, cycles) and flag each region holding synthetic
    scores. Closed, the grid and its buttons cost every change of measure or region a mount for
    nothing (README "Kinerja").
    """
    kotak = widgets.isi_saat_dibuka(t("perbandingan_tabel", bahasa), key="perbandingan_tabel")
    if kotak is None:
        return
    tampil = tabel[tabel["tahun"].isin(tahun)]
    per_wilayah = tampil.groupby("kode_wilayah", sort=False)["sintetis"].any().reset_index()
    with kotak:
        unduh_tabel.tabel(
            tabel_angka(tabel, nama, tahun, desimal, bahasa), f"perbandingan_{ukuran}", bahasa,
            judul=label, url=("tahap", "wilayah"), konteks=[konteks], ekspor=per_wilayah,
        )  # fmt: skip
