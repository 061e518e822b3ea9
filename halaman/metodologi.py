"""Data & Metodologi: sources and licences, data vintages, the scoring method, and editable what-ifs."""

import streamlit as st

from indicators.analisis import metodologi as met
from indicators.teks import t
from ui import cache, tetap, widgets
from ui.bagian import metodologi as hm
from ui.unduh import tabel as unduh_tabel

PROVINSI = "33"  # the only province with KLA data (Jawa Tengah)

bahasa = widgets.pilih_bahasa()
db = cache.siapkan_database()
katalog = cache.katalog()
wilayah = cache.wilayah(db)
nama_kabkota = cache.susunan_kabkota(db).kabkota[PROVINSI]

st.title(t("hal_metodologi", bahasa))
st.markdown(t("met_pengantar", bahasa))

# --- sources and licences -------------------------------------------------------------------------------------
st.header(t("met_sumber_judul", bahasa))
sumber = cache.sumber(db)
st.markdown(hm.ringkas_sumber(sumber, bahasa))
hm.render_sumber(sumber, bahasa)
st.caption(t("met_sumber_catatan", bahasa))
hm.render_atribusi(cache.atribusi_batas(), bahasa)

# --- data vintages --------------------------------------------------------------------------------------------------
st.header(t("met_cakupan_judul", bahasa))
st.subheader(t("met_cakupan_predikat", bahasa))
cakupan = tetap.tetap(met.cakupan_predikat, cache.predikat_resmi(db), wilayah)
nama_provinsi = dict(wilayah.loc[wilayah["tingkat"] == "provinsi", ["kode_wilayah", "nama"]].to_numpy().tolist())
unduh_tabel.tabel(hm.tabel_cakupan_predikat(cakupan, nama_provinsi, bahasa), "cakupan_predikat", bahasa, url=(),
                  judul=t("met_cakupan_predikat", bahasa), sumber=["predikat_resmi"])  # fmt: skip
st.caption(t("met_cakupan_predikat_catatan", bahasa))
hm.render_konflik(cache.rekap_konflik(db), bahasa)
st.subheader(t("met_cakupan_statistik", bahasa))
statistik = tetap.tetap(met.ringkas_cakupan_statistik, cache.cakupan_statistik(db), katalog)
hm.render_cakupan_statistik(statistik, bahasa)
st.subheader(t("met_cakupan_wilayah", bahasa))
st.markdown(t("met_vintage_wilayah", bahasa))
st.subheader(t("met_sintetis_judul", bahasa))
st.warning(t("met_sintetis_isi", bahasa), icon="⚠️")
unduh_tabel.tabel(hm.tabel_cakupan_skor(cache.cakupan_skor(db), bahasa), "cakupan_skor", bahasa, url=(),
                  judul=t("unduh_judul_cakupan_skor", bahasa), sumber=["skor_indikator"])  # fmt: skip
st.subheader(t("met_belum_terverifikasi_judul", bahasa))
st.markdown("\n".join(hm.daftar_belum_terverifikasi(statistik, bahasa)) or t("met_semua_terverifikasi", bahasa))

# --- scoring method ---------------------------------------------------------------------------------------------------
st.header(t("met_metode_judul", bahasa))
st.markdown(t("met_metode_total", bahasa))
unduh_tabel.tabel(hm.tabel_maks_kelompok(katalog, bahasa), "nilai_maks_kelompok", bahasa, url=(),
                  judul=t("unduh_judul_maks_kelompok", bahasa))  # fmt: skip
st.markdown(t("met_metode_pita", bahasa, tanpa=katalog.pita.tanpa_predikat))
unduh_tabel.tabel(hm.tabel_pita(katalog.pita, bahasa), "pita_predikat", bahasa, url=(),
                  judul=t("unduh_judul_pita", bahasa), sumber=katalog.pita.sumber)  # fmt: skip
st.markdown(t("met_resolusi", bahasa, resolusi=hm.angka(katalog.pita.resolusi_skor, bahasa)))
st.caption(f"{t('met_catatan_katalog', bahasa)}: {katalog.pita.catatan}")
st.caption(" · ".join(f"[{s.sitasi}]({s.url})" if s.url else s.sitasi for s in katalog.pita.sumber))

# --- editable assumptions (what-if, session only): a fragment, so an edit reruns this section alone -----------------
hm.render_asumsi(db, katalog, nama_kabkota, bahasa)
