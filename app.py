"""Dasbor KLA: the router. Pages live in halaman/, logic in indicators/."""

import logging

import streamlit as st

from indicators.bangun import database
from indicators.format import Bahasa
from indicators.lokasi import db_bawaan
from indicators.teks import t
from ui import cache, gaya, masuk, proses, tampilan, widgets

proses.atur_pengumpul_sampah()  # once per process: the collector's pauses (ui/proses.py)

st.set_page_config(page_title="Dasbor KLA", page_icon="🧒", layout="wide")
gaya.pasang()  # style sheet and the charts' accessible names (ui/gaya.py)
# The switch just pressed, else the session's, else ?lang=: the navigation titles follow a switch on the same run.
bahasa: Bahasa = widgets.bahasa_sesi()

# url_path values are part of shared links: keep them stable, and equal to the file name (AppTest
# finds a page by it). The default page is served at "/", yet Streamlit keeps its url_path for itself:
# it is "beranda", and a hidden page answers the overview's own path /ringkasan.
ringkasan = st.Page("halaman/ringkasan.py", title=t("hal_ringkasan", bahasa), url_path="beranda", default=True)
halaman = st.navigation(
    [
        ringkasan,
        st.Page("halaman/ringkasan.py", title=t("hal_ringkasan", bahasa), url_path="ringkasan", visibility="hidden"),
        st.Page("halaman/peta.py", title=t("hal_peta", bahasa), url_path="peta"),
        st.Page("halaman/perbandingan.py", title=t("hal_perbandingan", bahasa), url_path="perbandingan"),
        st.Page("halaman/profil.py", title=t("hal_profil", bahasa), url_path="profil"),
        st.Page("halaman/indikator.py", title=t("hal_indikator", bahasa), url_path="indikator"),
        st.Page("halaman/metodologi.py", title=t("hal_metodologi", bahasa), url_path="metodologi"),
        st.Page("halaman/gugus_tugas.py", title="Gugus Tugas", url_path="gugus_tugas"),
        st.Page("halaman/regulasi.py", title=t("rg_hal", bahasa), url_path="regulasi"),
        st.Page("halaman/pembinaan.py", title=t("pb_hal", bahasa), url_path="pembinaan"),
        st.Page("halaman/perlindungan.py", title=t("ph_hal", bahasa), url_path="perlindungan"),
        st.Page("halaman/unggah.py", title=t("hal_unggah", bahasa), url_path="unggah"),
    ]
)
st.sidebar.markdown(f"**{t('judul_aplikasi', bahasa)}**  \n{t('subjudul_aplikasi', bahasa)}")
try:
    if masuk.boleh_lihat(bahasa):  # KLA_TAMPILAN_PUBLIK=false: every page asks for login first
        # Before the page, so that a locked or damaged database file gets its own message.
        cache.siapkan_database()
        if (kabar := cache.kabar_database()) is not None:
            st.warning(tampilan.pesan_database(kabar, bahasa))
        widgets.siapkan_pesan_tautan(halaman.title)  # bad-link notices go above the page
        widgets.halaman_tidak_ada(halaman, bahasa)
        halaman.run()
except database.DatabaseTidakSiap as exc:
    logging.getLogger("dasbor_kla").warning("database tidak siap (not ready): %s", exc)
    st.error(tampilan.pesan_database(exc.persiapan, bahasa))
    st.button(t("bd_coba_lagi", bahasa), key="bd_coba_lagi")  # a click reruns the app, which checks again
except Exception as exc:
    # Streamlit's own control flow (st.stop, st.rerun, st.switch_page) derives from BaseException and passes.
    logging.getLogger("dasbor_kla").exception("halaman gagal (page failed)")
    st.error(tampilan.pesan_galat(exc, db_bawaan(), bahasa))
