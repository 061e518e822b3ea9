"""Pembinaan & pengawasan: the province's view of all its kab/kota, supervision notes and the calendar."""

import datetime as dt

import streamlit as st

from indicators.akun import pengguna as akun
from indicators.gugus import simpan
from indicators.teks import t
from ui import aman, cache, masuk, widgets
from ui.bagian import pembinaan as bp

bahasa = widgets.pilih_bahasa()
db = cache.siapkan_database()
susunan = cache.susunan_kabkota(db)
# One fixed-width box, not st.columns(3)[0]: on a phone the two empty columns stacked into a blank gap.
with st.container(width=360):
    kode_provinsi = widgets.pilih_provinsi(bahasa, susunan.nama_provinsi, izinkan_indonesia=False)
hari_ini = dt.date.today()
p = cache.pembinaan(db, kode_provinsi, hari_ini)
kalender = cache.kalender_evaluasi(db, kode_provinsi)
path = simpan.path_gugus(db)

st.title(t("pb_judul_halaman", bahasa, provinsi=p.nama_provinsi))
st.caption(t("pb_subjudul", bahasa))
pengguna = masuk.pengguna_masuk()
# Notes are the province's: only an editor whose scope covers the province (or an admin) writes them.
boleh = pengguna is not None and akun.dalam_lingkup(pengguna, kode_provinsi)
if pesan := st.session_state.pop("pb_pesan", None):
    st.success(pesan)
if pengguna is None:
    st.info(t("pb_hanya_baca", bahasa))
    with st.expander(t("pb_masuk", bahasa)):
        masuk.formulir_masuk(bahasa)
elif not boleh:
    lingkup = ", ".join(pengguna.wilayah)
    st.warning(t("pb_luar_lingkup", bahasa, nama=aman.md(pengguna.nama), lingkup=lingkup, provinsi=p.nama_provinsi))
else:
    st.caption(t("pb_boleh_ubah", bahasa, nama=aman.md(pengguna.nama), provinsi=p.nama_provinsi))

bp.render_hitung_mundur(kalender, hari_ini, bahasa)
bp.render_kartu(p, bahasa)
bp.render_tabel(p, bahasa)
bp.render_unduh(p, kalender, bahasa)
bp.render_catatan(p, bahasa)
if boleh and pengguna is not None:
    bp.render_tambah_catatan(p, pengguna, path, bahasa)
    bp.render_ubah_catatan(p, pengguna, path, bahasa)
bp.render_kalender(kalender, bahasa)
if boleh and pengguna is not None:
    bp.render_form_kalender(kalender, kode_provinsi, pengguna, path, hari_ini, bahasa)
