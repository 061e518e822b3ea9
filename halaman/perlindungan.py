"""Perlindungan Anak: child-protection cases and the response to them, from aggregates, disclosure-controlled.

The public sees small counts as "1–5" (secondary suppressions "x", unreported "–"); a logged-in
editor sees exact figures for the regions of their scope only. Every number comes from the
disclosure-controlled read functions (indicators.perlindungan.data) through ui/cache.py.
"""

import streamlit as st

from indicators.teks import t
from ui import cache, masuk, widgets
from ui.bagian import perlindungan as hp, perlindungan_mitra as hm

bahasa = widgets.pilih_bahasa()
db = cache.siapkan_database()
kolom = st.columns(3)
dipilih = widgets.pilih_kabkota(bahasa, cache.susunan_kabkota(db), kolom)
tahun_ada = cache.tahun_perlindungan(db, dipilih.kode_provinsi)
if not tahun_ada:
    st.title(t("ph_hal", bahasa))
    st.info(t("ph_tanpa_data", bahasa, provinsi=dipilih.nama_provinsi))
    st.stop()
with kolom[2]:
    tahun = widgets.pilih_tahun(bahasa, tahun_ada)

pengguna = masuk.pengguna_masuk()
isi = cache.isi_perlindungan(db, dipilih.kode_provinsi, tahun, dipilih.kode, hp.terbuka(pengguna), bahasa)

st.title(t("ph_judul", bahasa, provinsi=dipilih.nama_provinsi, tahun=tahun))
st.caption(t("ph_subjudul", bahasa))
hp.render_penonton(pengguna, isi.ambang, bahasa)
hp.render_label(isi, bahasa)

peta, wilayah = st.columns([3, 2])
with peta:
    hp.render_peta(isi, bahasa)
with wilayah:
    hp.render_wilayah(isi, bahasa)
hp.render_rekap(isi, bahasa)

hp.render_grafik(isi, "tren", bahasa)
hp.render_grafik(isi, "bentuk", bahasa)
hp.render_grafik(isi, "standar", bahasa)

hm.render_mitra(db, dipilih.kode, pengguna, bahasa)
hm.render_verifikasi(db, dipilih.kode_provinsi, tahun, pengguna, bahasa)
hp.render_tautan(isi, bahasa)
st.caption(t("ph_sumber", bahasa))
