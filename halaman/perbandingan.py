"""Perbandingan: one measure of several kab/kota across cycles, their rank, and peer groups."""

from functools import partial

import pandas as pd
import streamlit as st

from indicators.analisis import perbandingan as pb
from indicators.grafik import perbandingan as grafik_pb
from indicators.teks import t
from ui import cache, tetap, widgets
from ui.bagian import perbandingan as hp
from ui.unduh import gambar

bahasa = widgets.pilih_bahasa()
db = cache.siapkan_database()
kat = cache.katalog()
wilayah = cache.wilayah(db)
semua = cache.skor_semua_siklus(db)
if semua.empty:
    st.title(t("hal_perbandingan", bahasa))
    st.info(t("perbandingan_db_kosong", bahasa))
    st.stop()
kabkota = wilayah[wilayah["kode_wilayah"].isin(set(semua["kode_wilayah"]))].sort_values("kode_wilayah")
nama = dict(zip(kabkota["kode_wilayah"], kabkota["nama"], strict=True))
nama_wilayah = dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))
provinsi_dari = dict(zip(wilayah["kode_wilayah"], wilayah["kode_provinsi"], strict=True))
predikat = cache.predikat_resmi(db)

preset = partial(cache.kelompok_preset, db)  # region code → its peer groups
tahap_siklus = cache.tahap_per_tahun(db)
kiri, tengah, kanan = st.columns([5, 3, 2])
with kiri:
    awal = widgets.wilayah_bawaan(nama)  # the editor's region, else the session's last; else the page asks
    bawaan = [] if awal is None else preset(awal)["tetangga"]
    pilihan, asing = hp.pilih_wilayah(bahasa, nama, bawaan, preset)
with tengah:
    ukuran = hp.pilih_ukuran(bahasa, kat)
with kanan:
    tahap = hp.pilih_tahap(bahasa, tahap_siklus["tahap"].tolist())
label = pb.label_ukuran(ukuran, kat, bahasa)
st.title(t("perbandingan_judul", bahasa, ukuran=label))
if asing:
    st.info(t("perbandingan_tanpa_data", bahasa, kode=", ".join(asing)))
if not pilihan:
    st.info(t("perbandingan_pilih_dulu", bahasa))
    st.stop()
semat = pilihan[0]
widgets.ingat_wilayah(semat)
sebaya = hp.pilih_sebaya(bahasa, preset(semat))
tahun_tahap = sorted({int(x) for x in tahap_siklus.loc[tahap_siklus["tahap"] == tahap, "tahun"]})
rentang = hp.pilih_rentang(bahasa, tahun_tahap)
teks_rentang = hp.label_rentang(rentang)

# The series of the chosen regions, plus the province average as a reference line when asked for.
skor = cache.skor_semua_siklus(db, tahap)
kode_prov = provinsi_dari[semat]
if pb.jenis_ukuran(ukuran) == "indikator":
    skor_indikator = pd.concat([cache.skor_wilayah(db, k) for k in pilihan], ignore_index=True)
    seri = pb.seri_indikator_wilayah(skor_indikator, ukuran, tahap, kat)
    semua_seri = cache.seri_indikator_semua(db, ukuran, tahap) if sebaya == "provinsi" else None
else:
    seri = pb.seri_skor(skor, pilihan, ukuran)
    semua_seri = pb.seri_skor(skor, list(nama), ukuran) if sebaya == "provinsi" else None
vista = hp.tambah_rata(seri, semua_seri, wilayah, pilihan, nama, kode_prov, rentang, bahasa)
seri, nama_tampil, rata = vista.seri, vista.nama, vista.rata
hp.render_catatan(seri, ukuran, label, kat, bahasa)
hp.render_sebaya(sebaya, semat, nama, predikat, bahasa)

sumbu = pb.sumbu_waktu(hp.siklus_dalam(semua, rentang))
sintetis = bool(seri.loc[seri["tahun"].between(*rentang), "sintetis"].any())
subjudul = hp.subjudul(sintetis, bahasa)
tabel = tetap.tetap(pb.isi_celah, seri, sumbu.tahun, vista.kode)
desimal, sumbu_y, satuan = hp.satuan_ukuran(ukuran, label, bahasa)
hover = grafik_pb.teks_hover(tabel, nama_tampil, desimal, satuan, bahasa, cakupan=vista.cakupan_garis())
judul = t("gf_judul_tren", bahasa, ukuran=label, tahap=t(f"tahap_{tahap}", bahasa), rentang=teks_rentang)
teks = {"judul": judul, "subjudul": subjudul, "sumbu_y": sumbu_y}
fig = tetap.tetap(grafik_pb.grafik_tren, tabel, nama_tampil, semat, sumbu, bahasa, hover=hover, rata=rata, **teks)
# Exports name the view: measure, stage and cycle range in the title; the regions and the average below it.
ku = gambar.KonteksGambar(nama[semat], rentang[1], bahasa, tahap)
sub_ekspor = hp.subjudul_ekspor(pilihan, nama, vista.info_rata, bahasa)
gambar.grafik(fig, f"tren_{ukuran}", ku, key="perbandingan_tren", judul=judul, subjudul=sub_ekspor, sintetis=sintetis)
hp.render_keterangan_sumbu(sumbu, tahap, tahun_tahap, semua["tahun"].tolist(), nama[semat], bahasa)

peringkat = tetap.tetap(pb.isi_celah, pb.seri_peringkat(skor, pilihan), sumbu.tahun, pilihan, "peringkat")
judul = t("perbandingan_peringkat_judul", bahasa, provinsi=nama_wilayah[kode_prov])
judul = t("gf_judul_peringkat", bahasa, judul=judul, tahap=t(f"tahap_{tahap}", bahasa), rentang=teks_rentang)
fig = tetap.tetap(grafik_pb.grafik_peringkat, peringkat, nama, semat, sumbu, bahasa, judul=judul, subjudul=subjudul)
sub_ekspor = hp.subjudul_ekspor(pilihan, nama, None, bahasa)
gambar.grafik(fig, "peringkat", ku, key="perbandingan_peringkat", judul=judul, subjudul=sub_ekspor, sintetis=True)
hp.render_tabel(tabel, nama_tampil, [th for th in tahun_tahap if rentang[0] <= th <= rentang[1]], desimal, bahasa,
               ukuran=ukuran, label=label, konteks=teks_rentang)  # fmt: skip
st.caption(t("perbandingan_sumber", bahasa))
