"""Pieces of the Indikator page: pickers, catalogue, metadata, ranking, map, trend and statistics.

Pickers keep the view in the URL; the catalogue is browsed by group; one indicator's metadata
carries confidence badges and numbered citations.

No caching here. The data-shaping functions are pure (DataFrames and catalogue models in); the
``render_*`` functions draw with Streamlit. The map and the trend chart are built by
:mod:`indicators.grafik.indikator`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from indicators.analisis import analitik
from indicators.format import Bahasa, format_angka
from indicators.grafik import indikator as grafik_indikator
from indicators.katalog.model import (
    ARAH_LABEL,
    KOMPARABILITAS_LABEL,
    STATUS_LABEL,
    Indikator,
    Katalog,
    Kelompok,
    Referensi,
    Skema,
)
from indicators.teks import t
from ui import layar, tampilan, tetap, widgets
from ui.unduh import gambar, tabel as unduh_tabel

WARNA_STATUS = {"C": "green", "C2": "green", "I": "blue", "?": "orange"}
_KHUSUS_MD = re.compile(r"([\\`*_\[\]<>#|$~])")


def _i(bahasa: Bahasa) -> int:
    return 0 if bahasa == "id" else 1


def md(teks: str) -> str:
    """Escape Markdown (and Streamlit's ``$`` maths) in catalogue text, so it shows as written."""
    return _KHUSUS_MD.sub(r"\\\1", teks)


def lencana_status(status: str, bahasa: Bahasa) -> str:
    """A coloured Markdown badge for a confidence status (C/C2 confirmed, I inferred, ? unverified)."""
    return f":{WARNA_STATUS[status]}-badge[{STATUS_LABEL[status][_i(bahasa)]}]"


def nama_indikator(ind: Indikator, bahasa: Bahasa) -> str:
    """The indicator's name in the reader's language (the catalogue's English translation in English)."""
    return ind.nama_teks(bahasa)


def nama_kelompok(kelompok: Kelompok, bahasa: Bahasa, *, pendek: bool = False) -> str:
    """A group's name; ``pendek`` keeps the part before the colon ("Klaster I")."""
    nama = kelompok.nama if bahasa == "id" else kelompok.nama_en
    return nama.split(":")[0] if pendek else nama


def label_indikator(ind: Indikator, bahasa: Bahasa) -> str:
    """The picker label of an indicator: id and short label (the official one, or its English)."""
    return f"{ind.id} · {ind.label_teks(bahasa)}"


# --- pickers ------------------------------------------------------------------------------------------


def padanan(indikator: str, kode_skema: str, katalog: Katalog) -> list[str]:
    """Indicators of ``kode_skema`` linked to ``indikator`` by the KLA31 → KLA24 crosswalk."""
    hasil: list[str] = []
    for p in katalog.peta_silang:
        if indikator == p.kla24:
            hasil += list(p.kla31)
        elif indikator in p.kla31:
            hasil.append(p.kla24)
    ids = {i.id for i in katalog.skema[kode_skema].indikator} if kode_skema in katalog.skema else set()
    return [i for i in dict.fromkeys(hasil) if i in ids]


def bawaan_skema(indikator_url: str | None, katalog: Katalog) -> str:
    """The scheme to start from: the one of the indicator in the URL, else the newest scheme."""
    for skema in katalog.skema.values():
        if any(i.id == indikator_url for i in skema.indikator):
            return skema.kode
    return max(katalog.skema.values(), key=lambda s: s.tahun_mulai).kode


def bawaan_indikator(skema: Skema, indikator_url: str | None, katalog: Katalog) -> str:
    """The indicator to start from: the URL's if it is in ``skema``, else its crosswalk counterpart, else the first."""
    ids = [i.id for i in skema.indikator]
    if indikator_url in ids:
        return str(indikator_url)
    lain = padanan(indikator_url, skema.kode, katalog) if indikator_url else []
    return lain[0] if lain else ids[0]


def pilih_skema(bahasa: Bahasa, katalog: Katalog) -> Skema:
    """Scheme picker (URL parameter ``skema``), newest scheme first."""
    daftar = sorted(katalog.skema.values(), key=lambda s: s.tahun_mulai, reverse=True)
    kode = widgets.pilih_dari_url(
        t("ind_skema", bahasa),
        [s.kode for s in daftar],
        param="skema",
        bawaan=bawaan_skema(st.query_params.get("indikator"), katalog),
        format_func=lambda k: t(
            "ind_skema_opsi",
            bahasa,
            kode=k,
            jumlah=len(katalog.skema[k].indikator),
            mulai=katalog.skema[k].tahun_mulai,
            selesai=katalog.skema[k].tahun_selesai or t("ind_kini", bahasa),
        ),
        key="skema",
    )
    return katalog.skema[kode]


def pilih_indikator(bahasa: Bahasa, skema: Skema, katalog: Katalog) -> Indikator:
    """Indicator picker (URL parameter ``indikator``); one widget per scheme so a switch starts clean."""
    per_id = {i.id: i for i in skema.indikator}
    kode = widgets.pilih_dari_url(
        t("profil_indikator", bahasa),
        list(per_id),
        param="indikator",
        bawaan=bawaan_indikator(skema, st.query_params.get("indikator"), katalog),
        format_func=lambda i: label_indikator(per_id[i], bahasa),
        key=f"indikator_{skema.kode}",
    )
    return per_id[kode]


def _buka_indikator(kode_skema: str, indikator: str) -> None:
    # Widget callbacks run before the script, so the pickers pick these up on the rerun.
    st.session_state["skema"] = kode_skema
    st.session_state[f"indikator_{kode_skema}"] = indikator
    st.query_params["skema"] = kode_skema
    st.query_params["indikator"] = indikator


def tombol_buka(label: str, kode_skema: str, indikator: str, key: str) -> None:
    """A button that switches the page to another indicator (kept in the URL)."""
    st.button(label, key=key, on_click=_buka_indikator, args=(kode_skema, indikator))


# --- catalogue ------------------------------------------------------------------------------------------


def tabel_katalog(skema: Skema, kelompok: str, terpilih: str, bahasa: Bahasa) -> pd.DataFrame:
    """The indicators of one group: number, short label, name and default maximum (an assumption)."""
    daftar = [i for i in skema.indikator if i.kelompok == kelompok]
    return pd.DataFrame(
        {
            t("ind_kol_nomor", bahasa): [("▶ " if i.id == terpilih else "") + str(i.nomor) for i in daftar],
            t("ind_kol_label", bahasa): [i.label.teks for i in daftar],
            t("ind_kol_nama", bahasa): [nama_indikator(i, bahasa) for i in daftar],
            t("ind_kol_maks", bahasa): [format_angka(i.nilai_maks, 0, bahasa) for i in daftar],
        }
    )


def render_katalog(skema: Skema, terpilih: Indikator, bahasa: Bahasa) -> None:
    """The scheme's indicators in one tab per group; the selected indicator's group opens first."""
    label = [f"{nama_kelompok(k, bahasa, pendek=True)} ({sum(i.kelompok == k.kode for i in skema.indikator)})"
             for k in skema.kelompok]  # fmt: skip
    bawaan = label[[k.kode for k in skema.kelompok].index(terpilih.kelompok)]
    for tab, kelompok in zip(st.tabs(label, default=bawaan), skema.kelompok, strict=True):
        with tab:
            st.caption(nama_kelompok(kelompok, bahasa))
            st.dataframe(
                tabel_katalog(skema, kelompok.kode, terpilih.id, bahasa),
                hide_index=True,
                width="stretch",
                column_config={
                    t("ind_kol_nomor", bahasa): st.column_config.TextColumn(width=55),
                    t("ind_kol_label", bahasa): st.column_config.TextColumn(width=220),
                    t("ind_kol_nama", bahasa): st.column_config.TextColumn(width=460),
                    t("ind_kol_maks", bahasa): st.column_config.TextColumn(width=140),
                },
            )
    # The whole scheme in one file, under the tabs' headers (the view is the scheme: a constant).
    katalog_skema = pd.DataFrame(
        [
            {"indikator": i.id, "nomor": i.nomor, "kelompok": nama_kelompok(skema.kelompok_dari(i.kelompok), bahasa),
             "label": i.label.teks, "nama": nama_indikator(i, bahasa), "nilai_maks": float(i.nilai_maks)}
            for i in skema.indikator
        ]
    )  # fmt: skip
    kolom = {"indikator": "ID", "nomor": t("ind_kol_nomor", bahasa), "kelompok": t("met_kol_kelompok", bahasa)}
    kolom |= {k: t(f"ind_kol_{k}", bahasa) for k in ("label", "nama")} | {"nilai_maks": t("ind_kol_maks", bahasa)}
    unduh_tabel.tombol_unduh(
        katalog_skema, f"katalog_{skema.kode}", bahasa, judul=t("ind_katalog", bahasa, skema=skema.kode), url=(),
        kolom=kolom, desimal={"nilai_maks": 0},
    )  # fmt: skip
    st.caption(t("ind_maks_asumsi_catatan", bahasa))


# --- one indicator's metadata ----------------------------------------------------------------------------


class Rujukan:
    """Numbers the scheme's references in the order an indicator's fields first cite them."""

    def __init__(self, referensi: Mapping[str, Referensi]) -> None:
        self.referensi = referensi
        self.urutan: list[str] = []

    def nomor(self, kunci: Sequence[str]) -> str:
        """Return " [1] [2]" for these reference keys (numbering new ones), or "" for none."""
        for k in kunci:
            if k in self.referensi and k not in self.urutan:
                self.urutan.append(k)
        return "".join(f" \\[{self.urutan.index(k) + 1}\\]" for k in kunci if k in self.urutan)

    def daftar(self) -> list[str]:
        """The numbered citations as Markdown lines, with links where a URL is known."""
        baris = []
        for n, k in enumerate(self.urutan, start=1):
            ref = self.referensi[k]
            tautan = f" — [{md(ref.url)}]({ref.url})" if ref.url else ""
            baris.append(f"{n}. {md(ref.sitasi)}{tautan}")
        return baris


def _bidang(label: str, isi: str, status: str | None, rujukan: str, bahasa: Bahasa) -> str:
    lencana = f" {lencana_status(status, bahasa)}" if status else ""
    return f"**{label}**{lencana}{rujukan}  \n{isi}"


def baris_metadata(ind: Indikator, skema: Skema, rujukan: Rujukan, bahasa: Bahasa) -> list[str]:
    """Markdown blocks for the indicator's own metadata, each with its confidence badge and citations."""
    arah = ARAH_LABEL[ind.arah][_i(bahasa)]
    maks_kelompok = skema.nilai_maks_kelompok()[ind.kelompok]
    maks = t(
        "ind_maks_isi",
        bahasa,
        maks=format_angka(ind.nilai_maks, 0, bahasa),
        kelompok=format_angka(maks_kelompok, 0, bahasa),
        total=format_angka(skema.nilai_total, 0, bahasa),
    )
    butir = "\n".join(f"- {md(b)}" for b in ind.data_diukur_teks(bahasa))
    pengampu = md("; ".join(tampilan.label_pengampu(b, skema, bahasa) for b in ind.opd_pengampu.butir))
    # The official Indonesian name and label are proper names: English mode shows them beside the
    # translation, so a reader can match the indicator to the instrument's wording.
    nama = [
        _bidang(
            t("ind_nama_lengkap", bahasa), md(ind.nama.teks), ind.nama.status, rujukan.nomor(ind.nama.sumber), bahasa
        ),
        _bidang(t("ind_label", bahasa), md(ind.label.teks), ind.label.status, rujukan.nomor(ind.label.sumber), bahasa),
    ]
    if bahasa == "en":
        nama = [_bidang(t("ind_nama_en", bahasa), md(f"{ind.nama_en} · {ind.en.label}"), None, "", bahasa), *nama]
    else:
        nama.append(_bidang(t("ind_nama_en", bahasa), md(ind.nama_en), None, "", bahasa))
    return [
        *nama,
        _bidang(t("ind_data_diukur", bahasa), "", ind.data_diukur.status, rujukan.nomor(ind.data_diukur.sumber), bahasa)
        + "\n\n" + butir,
        _bidang(t("ind_satuan", bahasa), md(ind.satuan_teks(bahasa)), None, "", bahasa),
        _bidang(t("ind_arah", bahasa), arah, None, "", bahasa),
        _bidang(t("ind_maks", bahasa), f"{maks} :orange-badge[{t('ind_asumsi', bahasa)}]", None, "", bahasa),
        _bidang(
            t("ind_opd", bahasa), pengampu,
            ind.opd_pengampu.status, rujukan.nomor(ind.opd_pengampu.sumber), bahasa,
        ),
        _bidang_klaster(ind, skema, rujukan, bahasa),
        _bidang(
            t("ind_sumber_data", bahasa), md(ind.sumber_data_teks(bahasa)), ind.sumber_data.status,
            rujukan.nomor(ind.sumber_data.sumber), bahasa,
        ),
    ]  # fmt: skip


def _bidang_klaster(ind: Indikator, skema: Skema, rujukan: Rujukan, bahasa: Bahasa) -> str:
    """The indicator's klaster; where sources disagree, a 'belum pasti' badge and both sources."""
    nama = md(nama_kelompok(next(k for k in skema.kelompok if k.kode == ind.kelompok), bahasa))
    catatan = ind.kelompok_catatan
    if catatan is None:
        return _bidang(t("ind_klaster", bahasa), nama, None, "", bahasa)
    lencana = f":orange-badge[{t('ind_klaster_belum_pasti', bahasa)}]"
    isi = f"{nama} {lencana}  \n{md(catatan.teks if bahasa == 'id' else catatan.teks_en)}"
    return _bidang(t("ind_klaster", bahasa), isi, None, rujukan.nomor(catatan.sumber), bahasa)


def baris_sdi(ind: Indikator, bahasa: Bahasa) -> list[str]:
    """Markdown blocks for the Satu Data Indonesia metadata fields (one status for all of them)."""
    sdi = ind.sdi_teks(bahasa)
    isian = [
        ("ind_sdi_konsep", sdi.konsep),
        ("ind_sdi_definisi", sdi.definisi),
        ("ind_sdi_rumus", sdi.rumus_perhitungan),
        ("ind_sdi_interpretasi", sdi.interpretasi),
        ("ind_sdi_satuan", sdi.satuan),
        ("ind_sdi_periode", sdi.periode),
    ]
    return [_bidang(t(k, bahasa), md(v), ind.metadata_sdi.status, "", bahasa) for k, v in isian]


def render_metadata(ind: Indikator, skema: Skema, bahasa: Bahasa) -> None:
    """The indicator's metadata and its SDI metadata side by side, then the numbered citations."""
    rujukan = Rujukan(skema.referensi)
    kiri, kanan = st.columns(2)
    with kiri, st.container(border=True):
        st.markdown(f"#### {t('ind_metadata', bahasa)}")
        for blok in baris_metadata(ind, skema, rujukan, bahasa):
            st.markdown(blok)
        with st.expander(t("ind_maks_kenapa", bahasa)):
            st.markdown(md(skema.catatan_maks_teks(bahasa)))
    with kanan, st.container(border=True):
        st.markdown(f"#### {t('ind_sdi', bahasa)}")
        for blok in baris_sdi(ind, bahasa):
            st.markdown(blok)
    if bahasa == "en":
        st.caption(t("ind_catatan_bahasa", bahasa))
    st.markdown(f"**{t('ind_rujukan', bahasa)}**")
    daftar = rujukan.daftar()
    st.markdown("\n".join(daftar) if daftar else t("ind_tanpa_rujukan", bahasa))


# --- scores: ranking, map, trend ---------------------------------------------------------------------------


def peringkat_indikator(skor: pd.DataFrame, indikator: str, nilai_maks: float, nama: Mapping[str, str]) -> pd.DataFrame:
    """One indicator's scores across the kab/kota in ``nama`` for one cycle, best first.

    ``skor`` holds ``kode_wilayah, indikator, nilai, sintetis``. Adds ``nama``, ``capaian_persen``
    (share of the maximum), ``peringkat`` (ties share the best rank) and ``seri`` (tied).
    """
    data = skor.loc[(skor["indikator"] == indikator) & skor["kode_wilayah"].isin(list(nama))]
    data = data[["kode_wilayah", "nilai", "sintetis"]].copy()
    data["nama"] = data["kode_wilayah"].map(nama)
    data["capaian_persen"] = (100 * data["nilai"] / nilai_maks).round(2)
    data["peringkat"] = data["nilai"].rank(method="min", ascending=False).astype(int)
    data["seri"] = data.duplicated("nilai", keep=False)
    return data.sort_values(["peringkat", "kode_wilayah"], ignore_index=True)


def render_peringkat(peringkat: pd.DataFrame, bahasa: Bahasa) -> None:
    """The ranking table, sized to sit beside the map."""
    st.dataframe(
        tabel_peringkat(peringkat, bahasa),
        hide_index=True,
        width="stretch",
        height=380,
        column_config={
            t("ind_kol_peringkat", bahasa): st.column_config.TextColumn(width=75),
            t("wilayah", bahasa): st.column_config.TextColumn(width=165),
            t("ind_kol_skor", bahasa): st.column_config.TextColumn(width=110),
            t("perbandingan_persen_maks", bahasa): st.column_config.TextColumn(width=90),
        },
    )
    unduh_tabel.tombol_unduh(
        tabel_peringkat(peringkat, bahasa), "peringkat_indikator", bahasa, judul=t("unduh_judul_peringkat", bahasa),
        url=("indikator", "tahun"), konteks=[unduh_tabel.bagian_tahap("final", bahasa)], ekspor=peringkat,
    )  # fmt: skip


def tabel_peringkat(peringkat: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The ranking with translated headers and numbers in the reader's locale."""
    label = analitik.label_peringkat(peringkat["peringkat"], peringkat["seri"])
    return pd.DataFrame(
        {
            t("ind_kol_peringkat", bahasa): label,
            t("wilayah", bahasa): peringkat["nama"],
            t("ind_kol_skor", bahasa): [format_angka(v, 2, bahasa) for v in peringkat["nilai"]],
            t("perbandingan_persen_maks", bahasa): [format_angka(v, 1, bahasa) for v in peringkat["capaian_persen"]],
        }
    )


def siklus_skema(skor_semua: pd.DataFrame, skema: Skema, katalog: Katalog) -> list[int]:
    """Cycles that used ``skema`` and have scores."""
    ada = set(skor_semua["tahun"].unique().tolist())
    return sorted(s.tahun for s in katalog.siklus if s.skema == skema.kode and s.tahun in ada)


def seri_tren(
    skor_semua: pd.DataFrame, indikator_kla24: str, kode_wilayah: str, kabkota: Sequence[str], katalog: Katalog
) -> pd.DataFrame:
    """The indicator's series for the province average and one region (``seri``: 'provinsi'/'wilayah').

    KLA31 cycles are bridged with the crosswalk (see analitik.seri_indikator) and keep their
    ``komparabilitas``.
    """
    data = skor_semua[skor_semua["kode_wilayah"].isin(list(kabkota))]
    rata = data.groupby(["tahun", "indikator"])["nilai"].mean().reset_index()
    provinsi = analitik.seri_indikator(rata, indikator_kla24, katalog).assign(seri="provinsi")
    sendiri = data[data["kode_wilayah"] == kode_wilayah]
    wilayah = analitik.seri_indikator(sendiri, indikator_kla24, katalog).assign(seri="wilayah")
    return pd.concat([provinsi, wilayah], ignore_index=True)


def tabel_tren(seri: pd.DataFrame, nama: Mapping[str, str], bahasa: Bahasa) -> pd.DataFrame:
    """The trend as a table: one row per cycle, province average and region side by side."""
    lebar = seri.pivot_table(index="tahun", columns="seri", values="capaian_persen", aggfunc="first")
    info = seri.drop_duplicates("tahun").set_index("tahun")
    kolom = {k: lebar[k] if k in lebar else pd.Series(index=lebar.index, dtype=float) for k in ("wilayah", "provinsi")}
    return pd.DataFrame(
        {
            t("tahun", bahasa): [str(x) for x in lebar.index],
            t("profil_skema", bahasa): info.loc[lebar.index, "skema"].to_list(),
            t("ind_kol_sumber_indikator", bahasa): info.loc[lebar.index, "indikator_sumber"].to_list(),
            nama["wilayah"]: [format_angka(v, 1, bahasa) for v in kolom["wilayah"]],
            nama["provinsi"]: [format_angka(v, 1, bahasa) for v in kolom["provinsi"]],
            t("ind_komparabilitas", bahasa): [
                t("ind_sama", bahasa) if k == "sama" else KOMPARABILITAS_LABEL[k][_i(bahasa)]
                for k in info.loc[lebar.index, "komparabilitas"]
            ],
        }
    )


def render_tren(
    seri: pd.DataFrame,
    ind: Indikator,
    katalog: Katalog,
    nama: Mapping[str, str],
    bahasa: Bahasa,
    unduh: gambar.KonteksGambar | None = None,
) -> None:
    """The trend chart (PNG/SVG/PDF downloads given ``unduh``), the KLA31 crosswalk warning and the table."""
    if seri.empty:
        st.info(t("belum_ada_data", bahasa))
        return
    fig = tetap.tetap(grafik_indikator.grafik_tren, seri, nama, bahasa)
    layar.gambar(fig, key="ind_tren", config={"displaylogo": False})
    if unduh is not None:
        gambar.unduh(fig, f"tren_{ind.id}", unduh, key="ind_tren", judul=label_indikator(ind, bahasa), sintetis=True)
    silang = next((p for p in katalog.peta_silang if p.kla24 == ind.id), None)
    if silang is not None and (seri["komparabilitas"] != "sama").any():
        st.warning(
            t(
                "ind_silang_peringatan",
                bahasa,
                kla31=", ".join(silang.kla31),
                komparabilitas=KOMPARABILITAS_LABEL[silang.komparabilitas][_i(bahasa)],
                catatan=f" {t('ind_catatan', bahasa)}: {md(silang.catatan_teks(bahasa))}." if silang.catatan else "",
            ),
            icon="⚠️",
        )
    with st.expander(t("ind_data_tren", bahasa)):
        tabel = tetap.tetap(tabel_tren, seri, nama, bahasa)
        st.dataframe(tabel, hide_index=True, width="stretch")
        unduh_tabel.tombol_unduh(
            tabel, f"tren_{ind.id}", bahasa, judul=t("ind_tren_judul", bahasa, indikator=ind.id), url=("wilayah",),
            konteks=[unduh_tabel.bagian_tahap("final", bahasa)], sintetis=True,
        )  # fmt: skip


def render_padanan(ind: Indikator, katalog: Katalog, bahasa: Bahasa) -> None:
    """For a KLA31 indicator: its KLA24 counterparts (trends are shown there), each a button."""
    lain = padanan(ind.id, "KLA24", katalog)
    if not lain:
        st.info(t("ind_tanpa_padanan", bahasa))
        return
    st.info(t("ind_lihat_padanan", bahasa))
    per_id = katalog.indikator()
    for kode in lain:
        silang = next(p for p in katalog.peta_silang if p.kla24 == kode)
        komp = KOMPARABILITAS_LABEL[silang.komparabilitas][_i(bahasa)]
        label = f"{label_indikator(per_id[kode], bahasa)} ({t('ind_komparabilitas', bahasa)}: {komp})"
        tombol_buka(label, "KLA24", kode, key=f"ind_buka_{kode}")


# --- related raw statistics ------------------------------------------------------------------------------------


def statistik_terkait(katalog: Katalog, indikator: str) -> list[str]:
    """Codes of the raw statistics that inform ``indikator`` (catalogue order)."""
    return [k for k, s in katalog.statistik.items() if indikator in s.indikator]


def _angka(nilai: Any, bahasa: Bahasa) -> str:
    if nilai is None or pd.isna(nilai):
        return "–"
    return format_angka(float(nilai), 0 if float(nilai).is_integer() else 2, bahasa)


def _dengan_tahun(nilai: Any, tahun: Any, bahasa: Bahasa) -> str:
    return "–" if nilai is None or pd.isna(nilai) else f"{_angka(nilai, bahasa)} ({int(tahun)})"


def ringkas_terkait(
    data: Mapping[str, pd.DataFrame],
    katalog: Katalog,
    wilayah: tuple[str, str],
    kode_provinsi: str,
    bahasa: Bahasa,
) -> tuple[pd.DataFrame, list[str]]:
    """Latest values of the related statistics for a region, its province's kab/kota and the province.

    ``data`` maps statistic code → its rows (ui.cache.statistik); ``wilayah`` is the region's
    (code, name). Per statistic: its status (verified or not), unit, years, how many kab/kota have
    data, the region's latest value with trend and rank among the kab/kota of that year, the kab/kota
    mean of the latest year and the latest official province figure. Returns the display table and
    the names of statistics without any row for the province.
    """
    kode_wilayah, nama_wilayah = wilayah
    baris: list[dict[str, str]] = []
    tanpa: list[str] = []
    for kode, semua in data.items():
        info = katalog.statistik[kode]
        nama = info.nama_teks(bahasa)
        di_prov = semua[semua["kode_provinsi"] == kode_provinsi]
        if di_prov.empty:
            tanpa.append(nama)
            continue
        kabkota = di_prov[di_prov["tingkat"] == "kabkota"]
        ringkas = analitik.ringkas_statistik(di_prov, kode, katalog).set_index("kode_wilayah")
        sendiri = ringkas.loc[kode_wilayah].to_dict() if kode_wilayah in ringkas.index else None
        prov = di_prov[di_prov["tingkat"] == "provinsi"].sort_values("tahun")
        terakhir = kabkota[kabkota["tahun"] == kabkota["tahun"].max()] if len(kabkota) else kabkota
        peringkat = ""
        tren = ""
        if sendiri is not None:
            tren = t(f"ind_tren_{sendiri['tren']}", bahasa) if sendiri["tren"] else ""
            if pd.notna(sendiri["peringkat_provinsi"]):
                sebanyak = int((kabkota["tahun"] == sendiri["tahun"]).sum())
                peringkat = t(
                    "profil_peringkat_dari", bahasa, peringkat=int(sendiri["peringkat_provinsi"]), jumlah=sebanyak
                )
        baris.append(
            {
                t("peta_statistik_awalan", bahasa): nama,
                t("profil_status", bahasa): t("ind_terverifikasi", bahasa)
                if bool(di_prov["terverifikasi"].all())
                else t("ind_belum_terverifikasi", bahasa),
                t("ind_satuan", bahasa): info.satuan_teks(bahasa),
                t("ind_kol_tahun_data", bahasa): ", ".join(str(x) for x in sorted(set(di_prov["tahun"]))),
                t("ind_kol_kabkota_data", bahasa): str(kabkota["kode_wilayah"].nunique()),
                t("ind_kol_nilai_wilayah", bahasa, wilayah=nama_wilayah): "–"
                if sendiri is None
                else _dengan_tahun(sendiri["nilai"], sendiri["tahun"], bahasa),
                t("ind_kol_tren", bahasa): tren,
                t("ind_kol_peringkat", bahasa): peringkat,
                t("ind_kol_rata_kabkota", bahasa): "–"
                if terakhir.empty
                else _dengan_tahun(terakhir["nilai"].mean(), terakhir["tahun"].iloc[0], bahasa),
                t("ind_kol_provinsi", bahasa): "–"
                if prov.empty
                else _dengan_tahun(prov["nilai"].iloc[-1], prov["tahun"].iloc[-1], bahasa),
            }
        )
    return pd.DataFrame(baris), tanpa
