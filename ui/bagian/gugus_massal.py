"""Gugus Tugas page: many checklist items at once, in a table editor or from an uploaded XLSX file.

Both write through the one write path, in one transaction (:func:`indicators.gugus.simpan.simpan_butir`):
every change carries the item version the table (or the file) showed, so an item changed since
makes the whole save refused, with a bilingual message naming the item. The table keeps what it
first showed (``gt_massal_dasar``) while edits are pending, so a save compares against that, not
against a newer file read on the click's rerun.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators.akun.pengguna import Pengguna
from indicators.format import Bahasa
from indicators.gugus import layanan, simpan as gugus_simpan, tugas
from indicators.gugus.layanan import RuangKerja
from indicators.katalog.data_dukung import KatalogDataDukung
from indicators.katalog.model import Katalog
from indicators.teks import t
from ui import aman

_DASAR = "gt_massal_dasar"
_GENERASI = "gt_massal_generasi"
_GENERASI_UNGGAH = "gt_unggah_generasi"
_KOLOM_TAMPIL = ("kunci", "nama", "status", "opd", "tenggat", "referensi", "catatan", "versi")


def _kunci_editor(kode: str) -> str:
    return f"gt_massal_{kode}_{st.session_state.get(_GENERASI, 0)}"


def _baru(kode: str) -> None:
    """Start the table and the uploader afresh on the next run (after a save or a discard)."""
    for kunci in (_GENERASI, _GENERASI_UNGGAH):
        st.session_state[kunci] = st.session_state.get(kunci, 0) + 1
    st.session_state.pop(_DASAR, None)


def _dasar(rk: RuangKerja, tertunda: bool) -> pd.DataFrame:
    """What the table shows: kept while edits are pending, otherwise the workspace as it is now."""
    segar = layanan.tabel_sunting(rk.butir)
    simpanan = st.session_state.get(_DASAR)
    if isinstance(simpanan, tuple) and simpanan[0] == rk.kode_wilayah and tertunda:
        return simpanan[1]  # type: ignore[no-any-return]
    if not isinstance(simpanan, tuple) or simpanan[0] != rk.kode_wilayah or not simpanan[1].equals(segar):
        st.session_state[_GENERASI] = st.session_state.get(_GENERASI, 0) + 1  # a fresh widget for fresh data
    st.session_state[_DASAR] = (rk.kode_wilayah, segar)
    return segar


def _tampilan(dasar: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The table in the reader's language: statuses as labels, item names in ``bahasa``."""
    data = dasar.copy()
    data["nama"] = aman.netral(data["nama"] if bahasa == "id" else data["nama_en"])
    data["status"] = [tugas.STATUS_LABEL[s][0 if bahasa == "id" else 1] for s in data["status"]]
    return data[list(_KOLOM_TAMPIL)]


def _kode_status(label: object, bahasa: Bahasa) -> str:
    kode = tugas.status_dari_teks(str(label))
    return kode if kode is not None else str(label)


def render_massal(rk: RuangKerja, pengguna: Pengguna, path: Path, dd: KatalogDataDukung, bahasa: Bahasa) -> None:
    """The table editor of the whole checklist, saved in one transaction with a button."""
    with st.expander(t("gt_massal", bahasa)):
        st.caption(t("gt_massal_bantuan", bahasa))
        lama = st.session_state.get(_kunci_editor(rk.kode_wilayah))
        tertunda = isinstance(lama, Mapping) and bool(lama.get("edited_rows"))
        dasar = _dasar(rk, tertunda)
        pilihan_opd = sorted({*map(str, rk.opd["opd"]), *dasar["opd"]})
        status = [tugas.STATUS_LABEL[s][0 if bahasa == "id" else 1] for s in tugas.STATUS]
        hasil = st.data_editor(
            _tampilan(dasar, bahasa),
            key=_kunci_editor(rk.kode_wilayah),
            hide_index=True,
            num_rows="fixed",
            disabled=["kunci", "nama", "versi"],
            column_config={
                "kunci": st.column_config.TextColumn(t("gt_kol_kode_butir", bahasa), width="small"),
                "nama": st.column_config.TextColumn(t("gt_kol_butir", bahasa), width="medium"),
                "status": st.column_config.SelectboxColumn(t("profil_status", bahasa), options=status, required=True),
                "opd": st.column_config.SelectboxColumn(t("gt_opd_pemilik", bahasa), options=pilihan_opd),
                "tenggat": st.column_config.DateColumn(t("gt_tenggat", bahasa), format="DD/MM/YYYY"),
                "referensi": st.column_config.TextColumn(t("gt_kol_referensi", bahasa), max_chars=1000),
                "catatan": st.column_config.TextColumn(t("ind_catatan", bahasa), max_chars=1000),
                "versi": st.column_config.NumberColumn(t("gt_kol_versi", bahasa), format="%d"),
            },
        )
        suntingan = dasar.copy()
        for k in layanan.KOLOM_SUNTING:
            suntingan[k] = list(hasil[k])
        suntingan["status"] = [_kode_status(s, bahasa) for s in suntingan["status"]]
        try:
            perubahan = layanan.perubahan_tabel(dasar, suntingan, rk.opd)
        except gugus_simpan.GugusError as exc:
            st.error(exc.teks(bahasa))
            return
        if perubahan:
            st.caption(t("gt_massal_tertunda", bahasa, n=len(perubahan)))
        kiri, kanan = st.columns(2)
        if kiri.button(t("gt_massal_simpan", bahasa), type="primary", key="gt_massal_simpan", disabled=not perubahan):
            _simpan(rk, pengguna, path, dd, perubahan, "dasbor", bahasa)
        if kanan.button(t("gt_massal_batal", bahasa), key="gt_massal_batal"):
            _baru(rk.kode_wilayah)
            st.rerun()


def _simpan(
    rk: RuangKerja,
    pengguna: Pengguna,
    path: Path,
    dd: KatalogDataDukung,
    perubahan: list[gugus_simpan.UbahButir],
    asal: str,
    bahasa: Bahasa,
) -> None:
    """Write the changes in one transaction; say what was refused (nothing written) or rerun with the news."""
    try:
        n = gugus_simpan.simpan_butir(path, pengguna, rk.kode_wilayah, perubahan, dd, asal=asal)
    except gugus_simpan.KonflikError as exc:
        st.error(t("gt_massal_konflik", bahasa, pesan=aman.md(exc.teks(bahasa))))
        return
    except gugus_simpan.GugusError as exc:
        st.error(t("gt_galat_simpan", bahasa, pesan=aman.md(exc.teks(bahasa))))
        return
    st.session_state["gt_pesan"] = t("gt_tersimpan", bahasa, n=n) if n else t("gt_tak_berubah", bahasa)
    _baru(rk.kode_wilayah)
    st.rerun()


# --- the uploaded checklist file -----------------------------------------------------------------


def render_unggah(
    rk: RuangKerja,
    pengguna: Pengguna,
    db: Path,
    kabkota: Mapping[str, str],
    katalog: Katalog,
    dd: KatalogDataDukung,
    bahasa: Bahasa,
) -> None:
    """Upload the filled-in checklist (XLSX): preview, every problem at once, then apply all or nothing."""
    berkas = st.file_uploader(
        t("gt_unggah", bahasa),
        type=["xlsx"],
        help=t("gt_unggah_bantuan", bahasa),
        key=f"gt_unggah_{st.session_state.get(_GENERASI_UNGGAH, 0)}",
    )
    if berkas is None:
        return
    data = berkas.getvalue()
    pratinjau = layanan.pratinjau_checklist(db, data, berkas.name, kabkota, pengguna, katalog, dd, rk.hari_ini)
    hasil = pratinjau.hasil
    if not hasil.sah:
        st.error(t("gt_unggah_masalah", bahasa, berkas=aman.md(berkas.name), n=len(hasil.masalah)))
        st.dataframe(
            pd.DataFrame({t("gt_kol_masalah", bahasa): aman.netral(m.teks(bahasa) for m in hasil.masalah)}),
            hide_index=True,
        )
        return
    if hasil.kode_wilayah != rk.kode_wilayah:
        isian = {"berkas": aman.md(berkas.name), "kode_berkas": hasil.kode_wilayah, "kode": rk.kode_wilayah}
        st.error(t("gt_unggah_wilayah_lain", bahasa, nama=kabkota.get(rk.kode_wilayah, ""), **isian))
        return
    st.info(t("gt_unggah_ringkas", bahasa, berkas=aman.md(berkas.name), baris=hasil.baris, berubah=pratinjau.berubah))
    for m in hasil.catatan:
        st.caption(aman.md(f"{m.lokasi(bahasa)}: {m.uraian(bahasa)}"))
    if pratinjau.konflik:
        rincian = " ".join(k.teks(bahasa) for k in pratinjau.konflik)
        pesan = t("gt_konflik", bahasa, n=len(pratinjau.konflik), rincian=rincian)
        st.error(t("gt_unggah_konflik", bahasa, pesan=aman.md(pesan)))
        return
    if not pratinjau.berubah:
        st.caption(t("gt_unggah_tanpa_ubah", bahasa))
        return
    sidik = hashlib.sha256(data).hexdigest()[:12]  # one apply button per file content
    if st.button(t("gt_unggah_terapkan", bahasa), type="primary", key=f"gt_unggah_terapkan_{sidik}"):
        # A saved file leaves the uploader (its key changes, see _baru).
        _simpan(rk, pengguna, gugus_simpan.path_gugus(db), dd, pratinjau.perubahan, f"impor {berkas.name}", bahasa)
