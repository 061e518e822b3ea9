"""Peta: a choropleth of any measure (official predikat, scores, raw statistics), one or two cycles."""

import pandas as pd
import streamlit as st

from indicators.analisis import ukuran
from indicators.grafik import peta as grafik_peta
from indicators.teks import t
from ui import cache, tetap, widgets
from ui.bagian import peta as halaman_peta
from ui.unduh import gambar

bahasa = widgets.pilih_bahasa()
db = cache.siapkan_database()
wilayah = cache.wilayah(db)
provinsi = wilayah[wilayah["tingkat"] == "provinsi"]
nama_provinsi = dict(zip(provinsi["kode_wilayah"], provinsi["nama"], strict=True))
ketersediaan = cache.ketersediaan_statistik(db)

kolom = st.columns([2, 3, 1, 1])
with kolom[0]:
    kode_provinsi = widgets.pilih_provinsi(bahasa, nama_provinsi)
nama = t("indonesia", bahasa) if kode_provinsi == "00" else nama_provinsi[kode_provinsi]
pilihan = ukuran.daftar_ukuran(cache.katalog(), ukuran.statistik_tersedia(ketersediaan, kode_provinsi))
with kolom[1]:
    uk = halaman_peta.pilih_ukuran(bahasa, pilihan)
    tingkat = halaman_peta.pilih_tingkat(bahasa, ukuran.tingkat_tersedia(uk, ketersediaan, kode_provinsi))
siklus = cache.siklus_dengan_data(db, kode_provinsi)
semua_tahun = ukuran.tahun_tersedia(uk, siklus, ketersediaan, kode_provinsi, tingkat)
if not semua_tahun:
    st.title(t("hal_peta", bahasa))
    st.info(t("peta_kosong", bahasa, ukuran=uk.label(bahasa), provinsi=nama))
    st.stop()
with kolom[2]:
    bawaan = ukuran.tahun_bawaan(uk, semua_tahun, ketersediaan, kode_provinsi, tingkat)
    tahun = halaman_peta.pilih_tahun(bahasa, uk, semua_tahun, bawaan)
tahap = "final"
tahun_banding = semua_tahun
if uk.berbasis_skor:
    tahap_ada = cache.tahap_per_tahun(db)
    with kolom[3]:
        tahap = halaman_peta.pilih_tahap(bahasa, tahap_ada.loc[tahap_ada["tahun"] == tahun, "tahap"])
    tahun_banding = [x for x in semua_tahun if x in set(tahap_ada.loc[tahap_ada["tahap"] == tahap, "tahun"])]

daerah = ukuran.wilayah_peta(wilayah, kode_provinsi, tingkat)
predikat = cache.predikat_resmi(db)
geojson = halaman_peta.url_geojson_peta(kode_provinsi, tingkat)


def muat(th: int) -> pd.DataFrame:
    """The measure's value per region for one cycle (or statistic year)."""
    return ukuran.nilai_ukuran(
        uk,
        th,
        daerah,
        predikat=predikat,
        skor=cache.tabel_skor(db, th, tahap) if uk.jenis in ("total", "kelompok") else None,
        skor_indikator=cache.skor_indikator(db, th, tahap) if uk.jenis == "indikator" else None,
        statistik=cache.statistik(db, uk.sumber) if uk.jenis == "statistik" else None,
        bahasa=bahasa,
    )


data = muat(tahun)
st.title(grafik_peta.judul_peta(uk, nama, tahun, tahap, tingkat, bahasa))
st.caption(halaman_peta.keterangan_ukuran(uk, cache.katalog(), bahasa))
tahun2 = halaman_peta.pilih_pembanding(bahasa, tahun, tahun_banding)
data2 = None if tahun2 is None else muat(tahun2)
if (data["sintetis"].any() or (data2 is not None and data2["sintetis"].any())) and uk.berbasis_skor:
    st.warning(t("sintetis_peringatan", bahasa), icon="⚠️")
st.caption(t("peta_klik", bahasa))
ku = gambar.KonteksGambar(nama, tahun, bahasa, tahap)

if tahun2 is None or data2 is None:
    fig = tetap.tetap(grafik_peta.gambar_peta, data, uk, geojson, tahun, bahasa)
    halaman_peta.tampilkan_peta(fig, key="peta_utama", tahun=tahun, wilayah=wilayah, bahasa=bahasa)
    gambar.unduh_peta(fig, uk, data, ku, key="peta_utama", tingkat=tingkat)
else:
    awal, akhir = sorted([tahun, tahun2])
    sisi, ubah = st.tabs([t("peta_tab_berdampingan", bahasa), t("peta_tab_perubahan", bahasa, awal=awal, akhir=akhir)])
    rentang = ukuran.rentang(data["nilai"], data2["nilai"]) if uk.kontinu else None
    with sisi:
        for wadah, th, isi in zip(st.columns(2), (tahun, tahun2), (data, data2), strict=True):
            with wadah:
                st.subheader(halaman_peta.subjudul_peta(uk, th, tahap, bahasa))
                fig = tetap.tetap(grafik_peta.gambar_peta, isi, uk, geojson, th, bahasa, rentang=rentang, tinggi=440)
                halaman_peta.tampilkan_peta(fig, key=f"peta_{th}", tahun=th, wilayah=wilayah, bahasa=bahasa)
                gambar.unduh_peta(fig, uk, isi, ku, key=f"peta_{th}", tahun=th, tingkat=tingkat)
    with ubah:
        perubahan = ukuran.perubahan_ukuran(uk, *((data, data2) if tahun == awal else (data2, data)))
        st.subheader(t("peta_perubahan_judul", bahasa, ukuran=uk.label(bahasa), awal=awal, akhir=akhir))
        st.caption(halaman_peta.keterangan_arah(uk, bahasa))
        fig = tetap.tetap(grafik_peta.gambar_perubahan, perubahan, uk, geojson, awal, akhir, bahasa)
        halaman_peta.tampilkan_peta(fig, key="peta_perubahan", tahun=akhir, wilayah=wilayah, bahasa=bahasa)
        judul = t("peta_perubahan_judul", bahasa, ukuran=uk.label(bahasa), awal=awal, akhir=akhir)
        gambar.unduh_peta(fig, uk, perubahan, ku, key="peta_perubahan", judul=judul, jenis=f"peta_ubah_{uk.kode}")

halaman_peta.render_tabel(data, uk, tahun, tahap, bahasa, db)  # measure, cycle, stage, sources in the files
st.caption(t("peta_sumber", bahasa))
