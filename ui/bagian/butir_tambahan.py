"""The custom checklist items of the Gugus Tugas page (butir tambahan): add, rename, delete, restore.

For an editor in scope, below the item editor. A custom item then shows in the checklist, the
readiness figures and the XLSX like the catalogue's, marked as custom. Writes go through
:mod:`indicators.gugus.tambahan` (the workspace's one write path); a deletion keeps the item's
rows and history, and a restore brings it back as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import get_args

import pandas as pd
import streamlit as st

from indicators.akun.pengguna import Pengguna
from indicators.format import Bahasa
from indicators.gugus import tambahan as gugus_tambahan
from indicators.gugus.layanan import RuangKerja
from indicators.gugus.simpan import GugusError
from indicators.gugus.tugas import daftar_rekam
from indicators.katalog.data_dukung import JENIS_LABEL, JenisButir, KatalogDataDukung
from indicators.katalog.model import Skema
from indicators.teks import t
from ui import aman, tetap, widgets

TANGGAL_MIN, TANGGAL_MAKS = dt.date(1990, 1, 1), dt.date(2100, 12, 31)


def label_jenis(jenis: object, bahasa: Bahasa) -> str:
    """A catalogue item kind for display; "–" when a custom item has none."""
    return JENIS_LABEL[jenis][0 if bahasa == "id" else 1] if isinstance(jenis, str) else "–"


def tabel_tambahan(tambahan: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The region's custom items for display: code, indicator, name, kind, active or deleted, who added them."""
    return pd.DataFrame(
        {
            t("kl_tb_kol_kode", bahasa): tambahan["butir"],
            t("profil_indikator", bahasa): tambahan["indikator"],
            t("gt_kol_butir", bahasa): aman.netral(tambahan["nama"]),
            t("met_kol_jenis", bahasa): [label_jenis(j, bahasa) for j in tambahan["jenis"]],
            t("kl_tb_kol_keadaan", bahasa): [
                t("kl_tb_aktif" if pd.isna(h) else "kl_tb_dihapus", bahasa) for h in tambahan["dihapus_pada"]
            ],
            t("kl_tb_kol_oleh", bahasa): aman.netral(tambahan["dibuat_oleh"]),
        }
    )


def _pesan(teks: str) -> None:
    st.session_state["gt_pesan"] = teks
    st.rerun()


def _form_tambah(
    rk: RuangKerja, pengguna: Pengguna, path: Path, dd: KatalogDataDukung, skema: Skema, bahasa: Bahasa
) -> None:
    """The add form: indicator, name, optional kind, owner OPD and due date."""
    label_ind = {i.id: f"{i.nomor:02d} {i.label.teks if bahasa == 'id' else i.nama_en}" for i in skema.indikator}
    jenis_semua: list[str | None] = [None, *get_args(JenisButir)]
    if st.session_state.pop("kl_tb_kosongkan", False):
        # After an item was added (not after a refusal: the typed input stays for a retry).
        for kunci, awal in (("kl_tb_nama", ""), ("kl_tb_opd", ""), ("kl_tb_tenggat", None)):
            st.session_state[kunci] = awal
    with st.form("kl_tb_form"):
        kiri, kanan = st.columns(2)
        indikator = kiri.selectbox(
            t("profil_indikator", bahasa), list(label_ind), format_func=label_ind.__getitem__, key="kl_tb_indikator"
        )
        label_j = {j: label_jenis(j, bahasa) for j in jenis_semua}
        jenis = widgets.pilih_berlabel(kanan.selectbox, t("kl_tb_jenis", bahasa), label_j, key="kl_tb_jenis")
        nama = st.text_input(t("kl_tb_nama", bahasa), max_chars=gugus_tambahan.NAMA_MAKS, key="kl_tb_nama")
        kiri, kanan = st.columns(2)
        opd = kiri.text_input(t("kl_tb_opd", bahasa), help=t("kl_tb_opd_bantuan", bahasa), key="kl_tb_opd")
        tenggat = kanan.date_input(
            t("gt_tenggat", bahasa), min_value=TANGGAL_MIN, max_value=TANGGAL_MAKS, format="DD/MM/YYYY",
            key="kl_tb_tenggat",
        )  # fmt: skip
        kirim = st.form_submit_button(t("kl_tb_tambah", bahasa), key="kl_tb_tambah")
    if not kirim:
        return
    try:
        kode = gugus_tambahan.tambah_butir(
            path, pengguna, rk.kode_wilayah, str(indikator), nama, dd, opd=opd or None,
            tenggat=tenggat if isinstance(tenggat, dt.date) else None, jenis=jenis,
        )  # fmt: skip
    except GugusError as exc:
        st.error(t("gt_galat_simpan", bahasa, pesan=aman.md(exc.teks(bahasa))))
        return
    st.session_state["kl_tb_kosongkan"] = True
    _pesan(t("kl_tb_ditambahkan", bahasa, kode=kode, indikator=indikator))


def _kelola(rk: RuangKerja, pengguna: Pengguna, path: Path, dd: KatalogDataDukung, bahasa: Bahasa) -> None:
    """Rename, delete or restore one custom item."""
    rekam = {str(r["butir"]): r for r in daftar_rekam(rk.tambahan)}
    kode = str(
        st.selectbox(
            t("kl_tb_pilih", bahasa),
            list(rekam),
            format_func=lambda k: f"{rekam[k]['indikator']} · {rekam[k]['nama']} ({k})",
            key="kl_tb_pilih",
        )
    )
    r = rekam[kode]
    dihapus = not pd.isna(r["dihapus_pada"])
    nama_baru = st.text_input(t("kl_tb_nama_baru", bahasa), value=str(r["nama"]), key=f"kl_tb_nama_{kode}")
    kiri, tengah, _ = st.columns([1, 1, 2])
    try:
        if kiri.button(t("kl_tb_ganti_nama", bahasa), key="kl_tb_ganti_nama", disabled=dihapus):
            n = gugus_tambahan.ganti_nama(path, pengguna, rk.kode_wilayah, kode, nama_baru, dd)
            _pesan(t("kl_tb_diganti", bahasa, kode=kode) if n else t("gt_tak_berubah", bahasa))
        if dihapus and tengah.button(t("kl_tb_pulihkan", bahasa), key="kl_tb_pulihkan"):
            gugus_tambahan.pulihkan_butir(path, pengguna, rk.kode_wilayah, kode, dd)
            _pesan(t("kl_tb_dipulihkan", bahasa, kode=kode))
        if not dihapus and tengah.button(t("kl_tb_hapus", bahasa), key="kl_tb_hapus"):
            gugus_tambahan.hapus_butir(path, pengguna, rk.kode_wilayah, kode)
            _pesan(t("kl_tb_dihapus_pesan", bahasa, kode=kode))
    except GugusError as exc:
        st.error(t("gt_galat_simpan", bahasa, pesan=aman.md(exc.teks(bahasa))))


def render_butir_tambahan(
    rk: RuangKerja, pengguna: Pengguna, path: Path, dd: KatalogDataDukung, skema: Skema, bahasa: Bahasa
) -> None:
    """The custom-item section: what it is, the add form, the region's custom items and their controls."""
    st.session_state.setdefault("kl_tb_tenggat", None)  # no due date until one is chosen
    with st.expander(t("kl_tb_judul", bahasa)):
        st.caption(t("kl_tb_keterangan", bahasa))
        _form_tambah(rk, pengguna, path, dd, skema, bahasa)
        if rk.tambahan.empty:
            return
        st.dataframe(tetap.tetap_tabel(tabel_tambahan, rk.tambahan, bahasa), hide_index=True)
        _kelola(rk, pengguna, path, dd, bahasa)
