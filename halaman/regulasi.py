"""Regulasi: the Perda/Perwal/SK register of a kab/kota, each entry's pipeline stage, dates and due dates."""

import datetime as dt
import functools

import streamlit as st

from indicators.akun import pengguna as akun
from indicators.gugus import regulasi as rg, simpan
from indicators.teks import t
from ui import aman, cache, masuk, widgets
from ui.bagian import regulasi as hr

bahasa = widgets.pilih_bahasa()
db = cache.siapkan_database()
dipilih = widgets.pilih_kabkota(bahasa, cache.susunan_kabkota(db), st.columns(3))
kode, nama = dipilih.kode, dipilih.nama
hari_ini = dt.date.today()
register = cache.register_regulasi(db, kode, hari_ini)
path = simpan.path_gugus(db)

st.title(t("rg_judul", bahasa, nama=nama))
st.caption(t("rg_subjudul", bahasa))
pengguna = masuk.pengguna_masuk()
boleh = pengguna is not None and akun.dalam_lingkup(pengguna, kode)
if pesan := st.session_state.pop("rg_pesan", None):
    st.success(pesan)
if pengguna is None:
    st.info(t("rg_hanya_baca", bahasa))
    with st.expander(t("gt_masuk", bahasa)):
        masuk.formulir_masuk(bahasa)
elif not boleh:
    lingkup = ", ".join(pengguna.wilayah)
    st.warning(t("rg_luar_lingkup", bahasa, nama=aman.md(pengguna.nama), lingkup=lingkup, wilayah=nama))
else:
    st.caption(t("rg_boleh_ubah", bahasa, nama=aman.md(pengguna.nama), wilayah=nama))

hr.render_kartu(cache.ringkasan_regulasi(db, (kode,), hari_ini), register, bahasa)
hr.render_register(register, bahasa)
hr.render_tahapan(register, hari_ini, bahasa)
st.download_button(
    t("rg_unduh", bahasa),
    data=functools.partial(hr.xlsx_register, path, kode, nama, hari_ini),  # made when clicked
    file_name=f"kla_regulasi_{kode}_{hari_ini.isoformat()}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    help=t("rg_unduh_bantuan", bahasa),
    on_click="ignore",
    key="rg_unduh",
)
if boleh and pengguna is not None:
    hr.render_ubah(register, pengguna, path, kode, bahasa)
hr.render_riwayat(cache.log_gugus(db, kode), bahasa)
st.caption(t("rg_catatan_macet", bahasa, batas=rg.MACET_HARI))
