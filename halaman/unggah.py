"""Unggah Data: log in, download a template, upload, check, preview, confirm; history and rollback."""

import streamlit as st

from indicators.akun import pengguna as akun
from indicators.teks import t
from ui import cache, masuk, widgets
from ui.bagian import unggah as hu

bahasa = widgets.pilih_bahasa()
db = cache.siapkan_database()
st.title(t("unggah_judul", bahasa))
pengguna = masuk.pengguna_masuk()
if pengguna is None:
    st.caption(t("masuk_perlu_unggah", bahasa))
    pengguna = masuk.formulir_masuk(bahasa)
if pengguna is None:
    masuk.lepas_unggahan()  # nothing uploaded before a login is ever read: do not keep it
    st.stop()
masuk.tombol_keluar_halaman(bahasa)

wilayah = cache.wilayah(db)
nama = dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))
st.caption(t("unggah_pengantar", bahasa))
st.caption(t("unggah_lingkup", bahasa, lingkup=akun.label_lingkup(pengguna, nama, bahasa)))
kat = cache.katalog()
hu.render_templat(pengguna, kat, wilayah, bahasa)
hu.render_unggah(db, pengguna, kat, bahasa)
hu.render_riwayat(db, pengguna, bahasa)
