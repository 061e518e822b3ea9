"""Gugus Tugas: who owes which evidence, readiness per cluster and OPD, snapshots and trajectory."""

import datetime as dt
import functools

import streamlit as st

from indicators.akun import pengguna as akun
from indicators.gugus import layanan, simpan, tugas, xlsx as gugus_xlsx
from indicators.teks import t
from ui import aman, cache, masuk, widgets
from ui.bagian import (
    butir_tambahan as bt,
    gugus_massal as gm,
    gugus_tugas as hg,
    kelembagaan as hk,
    pembinaan as hp,
    regulasi as hr,
)

bahasa = widgets.pilih_bahasa()
db = cache.siapkan_database()
kat, dd = cache.katalog(), cache.data_dukung()
skema = kat.skema[dd.skema]
dipilih = widgets.pilih_kabkota(bahasa, cache.susunan_kabkota(db), st.columns(3))
kode, nama = dipilih.kode, dipilih.nama
hari_ini = dt.date.today()
rk = cache.ruang_kerja(db, kode, hari_ini)
path = simpan.path_gugus(db)

st.title(t("gt_judul", bahasa, nama=nama))
st.caption(t("gt_subjudul", bahasa, tahun=tugas.tahun_evaluasi_berikut(kat, hari_ini)))
hp.render_hitung_mundur(cache.kalender_evaluasi(db, dipilih.kode_provinsi), hari_ini, bahasa)
pengguna = masuk.pengguna_masuk()
masuk.tombol_keluar_halaman(bahasa)  # the same logout as the Unggah Data page (sidebar)
boleh = pengguna is not None and akun.dalam_lingkup(pengguna, kode)
if pesan := st.session_state.pop("gt_pesan", None):
    st.success(pesan)
if pengguna is None:
    st.info(t("gt_hanya_baca", bahasa))
    with st.expander(t("gt_masuk", bahasa)):
        masuk.formulir_masuk(bahasa)
elif not boleh:
    lingkup = ", ".join(pengguna.wilayah)
    st.warning(t("gt_luar_lingkup", bahasa, nama=aman.md(pengguna.nama), lingkup=lingkup, wilayah=nama))
else:
    st.caption(t("gt_boleh_ubah", bahasa, nama=aman.md(pengguna.nama), wilayah=nama))

hg.render_kartu(rk, bahasa)
hg.render_kesiapan(rk, skema, bahasa)
hr.render_peringatan_gugus(db, kode, hari_ini, bahasa)
hg.render_checklist(rk, skema, bahasa)
if boleh and pengguna is not None:
    hg.render_ubah_butir(rk, pengguna, path, dd, bahasa)
    gm.render_massal(rk, pengguna, path, dd, bahasa)
    bt.render_butir_tambahan(rk, pengguna, path, dd, skema, bahasa)

xlsx = functools.partial(  # made when the button is clicked, not on every rerun
    gugus_xlsx.tulis_xlsx,
    rk.butir,
    rk.opd,
    kode_wilayah=kode,
    nama_wilayah=nama,
    dibuat=hari_ini,
    nama_indikator={i.id: i.label.teks for i in skema.indikator},
    catatan_acuan=layanan.catatan_acuan(rk.acuan, "id"),
    sintetis=rk.acuan.sintetis,
)
st.download_button(
    t("gt_unduh", bahasa),
    data=xlsx,
    file_name=f"kla_checklist_{kode}_{hari_ini.isoformat()}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    help=t("gt_unduh_bantuan", bahasa),
    on_click="ignore",
    key="gt_unduh",
)
if boleh and pengguna is not None:
    semua_kabkota = {k: v for per in cache.susunan_kabkota(db).kabkota.values() for k, v in per.items()}
    gm.render_unggah(rk, pengguna, db, semua_kabkota, kat, dd, bahasa)
hk.render_kelembagaan(rk, pengguna, boleh, path, bahasa)

hg.render_lintasan(rk, kat, bahasa)
if boleh and pengguna is not None:
    hg.render_form_snapshot(rk, pengguna, path, kat, skema, bahasa)
hg.render_riwayat(cache.log_gugus(db, kode), bahasa)
