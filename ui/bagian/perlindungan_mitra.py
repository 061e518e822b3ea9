"""Perlindungan Anak sections the page draws: the partners register and the verification marks.

:func:`render_mitra` shows a region's (or province's) MoU / PKS with their status and a warning
for every agreement that ends within the warning period or has ended; an editor whose scope
covers the region gets a form to add, change or remove an entry (through
:func:`indicators.gugus.mitra.simpan_mitra`, scope checked and every change logged).
:func:`render_verifikasi` lets a province editor (or an admin) mark a region-year's figures
verified, or take the mark back (:func:`indicators.impor.verifikasi.tandai_verifikasi`); a
kab/kota editor sees the marks but cannot set them. Every failure is one clear message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators.akun import pengguna as akun
from indicators.format import Bahasa, format_tanggal
from indicators.galat import GalatDwibahasa
from indicators.gugus import mitra, simpan
from indicators.impor import verifikasi
from indicators.teks import t
from ui import aman, cache, widgets

_PESAN = "pe_pesan"
_BARU = 0  # the "new entry" choice of the entry selector


def _tanggal(v: object, bahasa: Bahasa) -> str:
    return format_tanggal(v, bahasa) if isinstance(v, dt.date) else t("pe_tidak_diketahui", bahasa)


def tabel_mitra(data: pd.DataFrame, nama: dict[str, str], bahasa: Bahasa) -> pd.DataFrame:
    """The register as shown: translated headers, dates in the reader's language, status with days left."""
    kolom = {
        "kode_wilayah": t("pe_kol_wilayah", bahasa),
        "mitra": t("pe_kol_mitra", bahasa),
        "jenis": t("pe_kol_jenis", bahasa),
        "bentuk": t("pe_kol_bentuk", bahasa),
        "lingkup": t("pe_kol_lingkup", bahasa),
        "nomor": t("pe_kol_nomor", bahasa),
        "tanggal_tanda_tangan": t("pe_kol_tanda_tangan", bahasa),
        "tanggal_berakhir": t("pe_kol_berakhir", bahasa),
        "status": t("pe_kol_status", bahasa),
    }
    if data.empty:
        return pd.DataFrame(columns=list(kolom.values()))
    hasil = pd.DataFrame(
        {
            "kode_wilayah": [f"{k} {nama.get(k, '')}".strip() for k in data["kode_wilayah"]],
            "mitra": data["mitra"],
            "jenis": [mitra.label_jenis(j, bahasa) for j in data["jenis"]],
            "bentuk": [t(f"pe_bentuk_{b}", bahasa) for b in data["bentuk"]],
            "lingkup": data["lingkup"].fillna(""),
            "nomor": data["nomor"].fillna(""),
            "tanggal_tanda_tangan": [_tanggal(v, bahasa) for v in data["tanggal_tanda_tangan"]],
            "tanggal_berakhir": [_tanggal(v, bahasa) for v in data["tanggal_berakhir"]],
            "status": [_status(s, h, bahasa) for s, h in zip(data["status"], data["sisa_hari"], strict=True)],
        }
    )
    # Partner names, scopes and numbers are typed by users: shown as text, never as formulas.
    return aman.netral_tabel(hasil, ["mitra", "lingkup", "nomor"]).rename(columns=kolom)


def _status(status: str, sisa: object, bahasa: Bahasa) -> str:
    teks = mitra.label_status(status, bahasa)
    if status == "segera_berakhir" and sisa is not None and not pd.isna(sisa):  # type: ignore[call-overload]
        return f"{teks} ({t('pe_sisa_hari', bahasa, n=int(str(sisa)))})"
    return teks


def _peringatan(data: pd.DataFrame, bahasa: Bahasa) -> None:
    """One warning per agreement ending within the warning period, one error per agreement that ended."""
    for r in data.to_dict("records"):
        isian = {"mitra": aman.md(r["mitra"]), "tanggal": _tanggal(r["tanggal_berakhir"], bahasa)}
        if r["status"] == "berakhir":
            st.error(t("pe_mitra_berakhir", bahasa, **isian), icon=":material/event_busy:")
        elif r["status"] == "segera_berakhir":
            st.warning(t("pe_mitra_segera", bahasa, n=int(r["sisa_hari"]), **isian), icon=":material/schedule:")


def render_mitra(
    db: Path, kode_wilayah: str, pengguna: akun.Pengguna | None, bahasa: Bahasa, *, hari_ini: dt.date | None = None
) -> None:
    """The partners register of a region (a province code: the province and its kab/kota), with expiry warnings.

    An editor whose scope covers ``kode_wilayah`` also gets the form to add, change or remove an entry.
    """
    hari_ini = hari_ini or dt.date.today()
    st.subheader(t("pe_mitra_judul", bahasa))
    pesan = st.session_state.pop(_PESAN, None)
    if pesan:
        st.success(pesan, icon=":material/check_circle:")
    try:
        data = cache.mitra_perlindungan(db, kode_wilayah, hari_ini)
    except GalatDwibahasa as exc:
        st.error(aman.md(exc.teks(bahasa)))
        return
    wilayah = cache.wilayah(db)
    nama = dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))
    st.caption(t("pe_mitra_catatan", bahasa, n=mitra.hari_peringatan()))
    if data.empty:
        st.info(t("pe_mitra_kosong", bahasa))
    else:
        _peringatan(data, bahasa)
        st.dataframe(tabel_mitra(data, nama, bahasa), hide_index=True, width="stretch", key="pe_tabel_mitra")
    if pengguna is not None and akun.dalam_lingkup(pengguna, kode_wilayah):
        _formulir(db, kode_wilayah, pengguna, data[data["kode_wilayah"] == kode_wilayah], bahasa)


def _formulir(db: Path, kode_wilayah: str, pengguna: akun.Pengguna, data: pd.DataFrame, bahasa: Bahasa) -> None:
    """Add a partner, or change or remove one of this region's entries."""
    rekam = {int(r["mitra_id"]): r for _, r in data.iterrows()}
    with st.expander(t("pe_mitra_ubah", bahasa)):
        label = {_BARU: t("pe_mitra_baru", bahasa)} | {i: f"#{i} {r['mitra']}" for i, r in rekam.items()}
        pilih = widgets.pilih_berlabel(st.selectbox, t("pe_mitra_pilih", bahasa), label, key="pe_mitra_pilih")
        lama = rekam.get(pilih)
        with st.form(f"pe_form_mitra_{pilih}"):
            isi = _isian(lama, f"pe_mitra_{pilih}", bahasa)
            simpan_klik = st.form_submit_button(t("pe_mitra_simpan", bahasa), type="primary")
        if simpan_klik:
            _simpan(db, kode_wilayah, pengguna, isi, lama, bahasa)
        if lama is not None and st.button(t("pe_mitra_hapus", bahasa, id=pilih), key=f"pe_mitra_hapus_{pilih}"):
            _hapus(db, kode_wilayah, pengguna, lama, bahasa)


def _isian(lama: pd.Series | None, awalan: str, bahasa: Bahasa) -> mitra.IsiMitra:
    """The form's fields (keys ``<awalan>_<field>``), prefilled from the stored entry when one is being changed."""

    def nilai(kolom: str, bawaan: object = None) -> object:
        v = None if lama is None else lama[kolom]
        return bawaan if v is None or (isinstance(v, float) and v != v) else v

    kiri, kanan = st.columns(2)
    nama_mitra = kiri.text_input(
        t("pe_kol_mitra", bahasa), value=str(nilai("mitra", "")), max_chars=200, key=f"{awalan}_mitra"
    )
    jenis = widgets.pilih_berlabel(
        kanan.selectbox,
        t("pe_kol_jenis", bahasa),
        {j: mitra.label_jenis(j, bahasa) for j in mitra.JENIS_MITRA},
        index=list(mitra.JENIS_MITRA).index(str(nilai("jenis", "lainnya"))),
        key=f"{awalan}_jenis",
    )
    bentuk = widgets.pilih_berlabel(
        kiri.selectbox,
        t("pe_kol_bentuk", bahasa),
        {b: t(f"pe_bentuk_{b}", bahasa) for b in mitra.BENTUK},
        index=list(mitra.BENTUK).index(str(nilai("bentuk", "pks"))),
        key=f"{awalan}_bentuk",
    )
    nomor = kanan.text_input(
        t("pe_kol_nomor", bahasa), value=str(nilai("nomor", "")), max_chars=200, key=f"{awalan}_nomor"
    )
    lingkup = st.text_input(
        t("pe_kol_lingkup", bahasa),
        value=str(nilai("lingkup", "")),
        max_chars=mitra.PANJANG_MAKS,
        key=f"{awalan}_lingkup",
    )
    tanda = nilai("tanggal_tanda_tangan")
    tanda_tangan = kiri.date_input(
        t("pe_kol_tanda_tangan", bahasa),
        value=tanda if isinstance(tanda, dt.date) else None,
        min_value=dt.date(1990, 1, 1),
        format="DD/MM/YYYY",
        key=f"{awalan}_tanda_tangan",
    )
    akhir = nilai("tanggal_berakhir")
    berakhir = kanan.date_input(
        t("pe_kol_berakhir", bahasa),
        value=akhir if isinstance(akhir, dt.date) else None,
        min_value=dt.date(1990, 1, 1),
        format="DD/MM/YYYY",
        help=t("pe_mitra_berakhir_bantuan", bahasa),
        key=f"{awalan}_berakhir",
    )
    catatan = st.text_input(
        t("pe_kol_catatan", bahasa),
        value=str(nilai("catatan", "")),
        max_chars=mitra.PANJANG_MAKS,
        key=f"{awalan}_catatan",
    )
    return mitra.IsiMitra(
        mitra=nama_mitra,
        jenis=jenis,
        bentuk=bentuk,
        tanggal_tanda_tangan=tanda_tangan if isinstance(tanda_tangan, dt.date) else None,
        tanggal_berakhir=berakhir if isinstance(berakhir, dt.date) else None,
        lingkup=lingkup,
        nomor=nomor,
        catatan=catatan,
    )


def _simpan(
    db: Path, kode_wilayah: str, pengguna: akun.Pengguna, isi: mitra.IsiMitra, lama: pd.Series | None, bahasa: Bahasa
) -> None:
    try:
        mitra_id = mitra.simpan_mitra(
            simpan.path_gugus(db),
            pengguna,
            kode_wilayah,
            isi,
            mitra_id=None if lama is None else int(lama["mitra_id"]),
            versi=None if lama is None else int(lama["versi"]),
        )
    except GalatDwibahasa as exc:
        st.error(aman.md(exc.teks(bahasa)))
        return
    st.session_state[_PESAN] = t("pe_mitra_tersimpan", bahasa, id=mitra_id)
    st.rerun()


def _hapus(db: Path, kode_wilayah: str, pengguna: akun.Pengguna, lama: pd.Series, bahasa: Bahasa) -> None:
    try:
        mitra.hapus_mitra(
            simpan.path_gugus(db), pengguna, kode_wilayah, int(lama["mitra_id"]), versi=int(lama["versi"])
        )
    except GalatDwibahasa as exc:
        st.error(aman.md(exc.teks(bahasa)))
        return
    st.session_state[_PESAN] = t("pe_mitra_terhapus", bahasa, id=int(lama["mitra_id"]))
    st.session_state.pop("pe_mitra_pilih", None)
    st.rerun()


# --- verification marks -------------------------------------------------------------------------


def tabel_verifikasi(
    kode: list[str], tanda: pd.DataFrame, tahun: int, nama: dict[str, str], bahasa: Bahasa
) -> pd.DataFrame:
    """One row per region: its mark for ``tahun`` (who and when) or "belum terverifikasi"."""
    tahun_ini = tanda[tanda["tahun"].astype(int) == tahun] if len(tanda) else tanda
    per_kode = {str(r["kode_wilayah"]): r for _, r in tahun_ini.iterrows()}
    baris = []
    for k in kode:
        r = per_kode.get(k)
        pada = pd.Timestamp(r["diverifikasi_pada"]) if r is not None else None
        baris.append(
            {
                t("pe_kol_wilayah", bahasa): f"{k} {nama.get(k, '')}".strip(),
                t("pe_kol_status", bahasa): t(
                    "pe_terverifikasi" if r is not None else "pe_belum_terverifikasi", bahasa
                ),
                t("pe_kol_oleh", bahasa): "" if r is None else str(r["diverifikasi_oleh"]),
                t("pe_kol_pada", bahasa): "" if pada is None else format_tanggal(pada.date(), bahasa),
            }
        )
    return aman.netral_tabel(pd.DataFrame(baris), [t("pe_kol_oleh", bahasa)])


def render_verifikasi(db: Path, kode_provinsi: str, tahun: int, pengguna: akun.Pengguna | None, bahasa: Bahasa) -> None:
    """The verification marks of a province's regions for one year; a province editor (or admin) sets them.

    Nothing is drawn for a visitor who is not logged in (the page labels unverified figures itself).
    """
    if pengguna is None:
        return
    st.subheader(t("pe_verifikasi_judul", bahasa, tahun=tahun))
    pesan = st.session_state.pop(f"{_PESAN}_verifikasi", None)
    if pesan:
        st.success(pesan, icon=":material/check_circle:")
    wilayah = cache.wilayah(db)
    nama = dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))
    kabkota = wilayah[(wilayah["kode_provinsi"] == kode_provinsi) & (wilayah["tingkat"] == "kabkota")]
    kode = [kode_provinsi, *sorted(kabkota["kode_wilayah"].astype(str))]
    tanda = cache.verifikasi_perlindungan(db, kode_provinsi)
    st.dataframe(
        tabel_verifikasi(kode, tanda, tahun, nama, bahasa), hide_index=True, width="stretch", key="pe_tabel_verifikasi"
    )
    if not verifikasi.boleh_verifikasi(pengguna, kode_provinsi):
        st.caption(t("pe_verifikasi_hanya_provinsi", bahasa))
        return
    kiri, tengah, kanan = st.columns([3, 1, 1])
    pilih = kiri.selectbox(
        t("pe_kol_wilayah", bahasa), kode, format_func=lambda k: f"{k} {nama.get(k, '')}", key="pe_verifikasi_wilayah"
    )
    if tengah.button(t("pe_verifikasi_tandai", bahasa), type="primary", key="pe_verifikasi_tandai"):
        _tandai(db, pengguna, pilih, tahun, True, bahasa)
    if kanan.button(t("pe_verifikasi_cabut", bahasa), key="pe_verifikasi_cabut"):
        _tandai(db, pengguna, pilih, tahun, False, bahasa)


def _tandai(db: Path, pengguna: akun.Pengguna, kode: str, tahun: int, tanda: bool, bahasa: Bahasa) -> None:
    try:
        berubah = verifikasi.tandai_verifikasi(db, pengguna, kode, tahun, terverifikasi=tanda)
    except GalatDwibahasa as exc:
        st.error(aman.md(exc.teks(bahasa)))
        return
    kunci = "pe_verifikasi_ditandai" if tanda else ("pe_verifikasi_dicabut" if berubah else "pe_verifikasi_tak_ada")
    st.session_state[f"{_PESAN}_verifikasi"] = t(kunci, bahasa, kode=kode, tahun=tahun)
    st.rerun()
