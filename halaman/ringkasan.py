"""Ringkasan: official predikat of every kab/kota in a province (or all Indonesia) for one cycle."""

import pandas as pd
import streamlit as st

from indicators.analisis import ringkasan
from indicators.format import format_tanggal
from indicators.grafik import peta as grafik_peta
from indicators.teks import t
from ui import cache, tetap, widgets
from ui.bagian import ringkasan as halaman_ringkasan
from ui.unduh import gambar

bahasa = widgets.pilih_bahasa()
db = cache.siapkan_database()
wilayah = cache.wilayah(db)
provinsi = wilayah[wilayah["tingkat"] == "provinsi"]
nama_provinsi = dict(zip(provinsi["kode_wilayah"], provinsi["nama"], strict=True))
kiri, kanan = st.columns(2)
with kiri:
    kode_provinsi = widgets.pilih_provinsi(bahasa, nama_provinsi)
nama = t("indonesia", bahasa) if kode_provinsi == "00" else nama_provinsi[kode_provinsi]
siklus = cache.siklus_dengan_data(db, kode_provinsi)
if siklus.empty:
    st.title(t("hal_ringkasan", bahasa))
    st.info(t("provinsi_kosong", bahasa, provinsi=nama))
    st.stop()
semua_tahun = [int(x) for x in siklus["tahun"]]
with kanan:
    tahun = widgets.pilih_tahun(bahasa, semua_tahun)
tahun_lalu = ringkasan.siklus_sebelumnya(tahun, semua_tahun)

kabkota = tetap.tetap(ringkasan.dengan_kategori, cache.ringkasan_kabkota(db, kode_provinsi, tahun))
lalu = None if tahun_lalu is None else cache.ringkasan_kabkota(db, kode_provinsi, tahun_lalu)
pita = cache.katalog().pita
label = grafik_peta.label_kategori(bahasa)

st.title(t("ringkasan_judul", bahasa, provinsi=nama, tahun=tahun))
info = siklus[siklus["tahun"] == tahun].to_dict("records")[0]
keterangan = [t("skema", bahasa, skema=info["kode_skema"])]
if pd.notna(info["tanggal_penganugerahan"]):
    keterangan.append(t("penganugerahan", bahasa, tanggal=format_tanggal(info["tanggal_penganugerahan"], bahasa)))
st.caption(" · ".join(keterangan))
konteks = gambar.paket_provinsi(db, kode_provinsi, nama, tahun, bahasa)
halaman_ringkasan.render_situs(db, kode_provinsi, nama, tahun, bahasa)
if sintetis := bool(kabkota["skor_sintetis"].any()):
    st.warning(t("sintetis_peringatan", bahasa), icon="⚠️")

ringkas = cache.ringkasan_predikat(db, kode_provinsi, tahun)
if ringkas is not None:
    halaman_ringkasan.render_kpi(ringkas, label, bahasa)
provila = cache.penghargaan_provinsi(db)
provila = provila[(provila["kode_wilayah"] == kode_provinsi) & (provila["tahun"] == tahun)]
halaman_ringkasan.render_ringkas_angka(
    kabkota,
    None if lalu is None else lalu["total_final"].mean(),
    provila["penghargaan"].iloc[0] if len(provila) else None,
    tahun_lalu,
    bahasa,
)
if kode_provinsi == "00":
    rekap_pilihan = cache.rekap_pilihan(db)
    halaman_ringkasan.render_rekap_nasional(rekap_pilihan, tahun, pita.urutan(), bahasa)

# One chart per change (widgets.panel_grafik): the map first, the others a click away.
tab = halaman_ringkasan.tab_grafik(ringkas is not None, kabkota, kode_provinsi == "00", bahasa)
buka, wadah = widgets.panel_grafik(tab, key="ringkasan_grafik", label=t("panel_grafik", bahasa))
with wadah:
    if buka == "peta":
        halaman_ringkasan.render_peta(kabkota, kode_provinsi, label, pita.urutan(), konteks, bahasa)
    elif buka == "jumlah" and ringkas is not None:
        halaman_ringkasan.render_batang(ringkas, kabkota, label, nama, konteks, bahasa)
    elif buka == "sebaran":
        halaman_ringkasan.render_sebaran(kabkota, pita, konteks, bahasa, sintetis=sintetis)
    elif buka == "provila":
        award = cache.penghargaan_provinsi(db)  # the provila view is Indonesia's: rekap_pilihan is read above
        halaman_ringkasan.render_peta_provinsi(provinsi, award, rekap_pilihan, kabkota, tahun, konteks, bahasa)

# The movers and the full table: one view at a time, like the charts above.
halaman_ringkasan.render_tabel(kabkota, lalu, tahun, tahun_lalu, pita.urutan(), bahasa)
