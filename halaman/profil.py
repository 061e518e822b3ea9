"""Profil Wilayah: one kab/kota's predikat history, scores, gap, stages, what-if and neighbours."""

import streamlit as st

from indicators.analisis import profil
from indicators.analisis.skor import ruang_indikator
from indicators.katalog.model import TAHAP
from indicators.teks import t
from ui import cache, tetap, widgets
from ui.bagian import profil as hp
from ui.unduh import gambar

bahasa = widgets.pilih_bahasa()
db = cache.siapkan_database()
kat = cache.katalog()
wilayah = cache.wilayah(db)
pilih = st.columns(4)
dipilih = widgets.pilih_kabkota(bahasa, cache.susunan_kabkota(db), pilih)
kode_provinsi, kode, nama = dipilih.kode_provinsi, dipilih.kode, dipilih.nama
siklus = cache.siklus_dengan_data(db, kode_provinsi)
siklus = siklus[siklus["jumlah_skor"] > 0]
if siklus.empty:
    st.title(t("profil_judul_singkat", bahasa, nama=nama))
    st.info(t("provinsi_kosong", bahasa, provinsi=dipilih.nama_provinsi))
    st.stop()
with pilih[2]:
    tahun = widgets.pilih_tahun(bahasa, [int(x) for x in siklus["tahun"]])
skor_wilayah = cache.skor_wilayah(db, kode)
skor_tahun = tetap.tetap(profil.baris_dengan, skor_wilayah, tahun=tahun)
tahap_ada = [x for x in TAHAP if x in set(skor_tahun["tahap"])]
if not tahap_ada:
    st.title(t("profil_judul", bahasa, nama=nama, tahun=tahun))
    st.info(t("belum_ada_data", bahasa))
    st.stop()
with pilih[3]:
    tahap = widgets.pilih_dari_url(
        t("tahap", bahasa),
        tahap_ada,
        param="tahap",
        bawaan="final" if "final" in tahap_ada else tahap_ada[-1],
        format_func=lambda x: hp.label_tahap(x, bahasa),
        key="tahap",
    )

tabel = cache.tabel_skor(db, tahun, tahap, kode_provinsi)
baris = {str(k): v for k, v in tabel[tabel["kode_wilayah"] == kode].iloc[0].items()}
skema = kat.skema_untuk_tahun(tahun)
skor_siklus = tetap.tetap(profil.baris_dengan, skor_wilayah, tahun=tahun, tahap=tahap)
resmi = tetap.tetap(profil.baris_dengan, cache.predikat_resmi(db), kode_wilayah=kode)
keyakinan = resmi.loc[resmi["tahun"] == tahun, "keyakinan"].dropna().tolist()

st.title(t("profil_judul", bahasa, nama=nama, tahun=tahun))
tahap_teks = t("tahap", bahasa) + ": " + hp.label_tahap(tahap, bahasa)
st.caption(" · ".join([dipilih.nama_provinsi, t("skema", bahasa, skema=skema.kode), tahap_teks]))
if skor_siklus["sintetis"].any():
    st.warning(t("sintetis_peringatan", bahasa), icon="⚠️")
hp.render_kpi(
    baris, keyakinan[0] if keyakinan else None, cache.asal_total(db, kode, tahun) if tahap == "final" else None, bahasa
)
gambar.paket_wilayah(db, kode, tahun, tahap, bahasa)
ku = gambar.KonteksGambar(nama, tahun, bahasa, tahap, (dipilih.nama_provinsi, skema.kode))

# One chart per change (widgets.panel_grafik): what holds the score back first, the others a click away.
tab = {n: t(f"profil_{n}", bahasa) for n in ("kelompok", "selisih", "riwayat")}
buka, wadah = widgets.panel_grafik(tab, key="profil_grafik", label=t("panel_grafik", bahasa))
ruang = tetap.tetap(ruang_indikator, skor_siklus, kat, skema.kode, baris["selisih_ke_predikat_berikut"])
with wadah:
    if buka == "kelompok":
        hp.render_kelompok(profil.kelompok_vs_maks(baris, skema, profil.rata_kelompok(tabel)), skema, bahasa, ku)
    elif buka == "selisih":
        hp.render_selisih(baris, ruang, kat, bahasa, ku)
    else:
        skor_riwayat = tetap.tetap(profil.skor_per_siklus, skor_wilayah, kat)  # this region, final stage
        siklus_skema = [(s.tahun, s.skema) for s in kat.siklus]
        riwayat = tetap.tetap(profil.riwayat_predikat, skor_riwayat, resmi, siklus_skema)
        hp.render_riwayat(riwayat, kat.pita, bahasa, ku)

# The details: one view per change too, the indicator table (what each indicator scored) first.
rincian = {n: t(f"profil_rincian_{n}", bahasa) for n in ("indikator", "tahap", "tetangga")}
lihat, kotak = widgets.panel_grafik(rincian, key="profil_rincian", label=t("panel_rincian", bahasa))
with kotak:
    if lihat == "indikator":
        hp.render_status(tetap.tetap(profil.tabel_status, skor_siklus, kat, skema.kode), kat, skema, bahasa)
    elif lihat == "tahap":
        hp.render_tahap(tetap.tetap(profil.total_per_tahap, skor_tahun, kat), skor_tahun, kat, bahasa)
    else:
        hp.render_tetangga(db, kode, tahun, tahap, wilayah, bahasa)

hp.render_simulasi(db, skor_siklus, ruang, kat, skema, bahasa)
st.caption(t("sumber_predikat", bahasa))
