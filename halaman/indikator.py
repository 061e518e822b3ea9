"""Indikator: the catalogue by group, one indicator's metadata, its ranking, map, trend and statistics."""

import streamlit as st

from indicators.format import format_angka
from indicators.grafik import indikator as grafik_indikator
from indicators.teks import t
from ui import cache, tampilan, tetap, widgets
from ui.bagian import indikator as hi
from ui.unduh import gambar, tabel as unduh_tabel

PROVINSI = "33"  # the only province with KLA data (Jawa Tengah)

bahasa = widgets.pilih_bahasa()
db = cache.siapkan_database()
katalog = cache.katalog()
susunan = cache.susunan_kabkota(db)
nama_kabkota = susunan.kabkota[PROVINSI]

st.title(t("ind_judul", bahasa))
kiri, kanan = st.columns([1, 2])
with kiri:
    skema = hi.pilih_skema(bahasa, katalog)
with kanan:
    ind = hi.pilih_indikator(bahasa, skema, katalog)
st.caption(t("ind_dasar_hukum", bahasa, dasar="; ".join(skema.dasar_hukum)))

st.subheader(t("ind_katalog", bahasa, skema=skema.kode))
hi.render_katalog(skema, ind, bahasa)

st.header(f"{hi.label_indikator(ind, bahasa)}")
st.markdown(f"**{hi.md(hi.nama_indikator(ind, bahasa))}**")
st.caption(t("ind_status_legenda", bahasa))
hi.render_metadata(ind, skema, bahasa)

# --- scores (synthetic) ------------------------------------------------------------------------------
skor_semua = cache.skor_indikator_provinsi(db, PROVINSI, "final")
siklus = hi.siklus_skema(skor_semua, skema, katalog)
st.header(t("ind_skor_judul", bahasa, indikator=ind.id))
st.warning(t("sintetis_peringatan", bahasa), icon="⚠️")
if not siklus:
    st.info(t("ind_tanpa_skor", bahasa, skema=skema.kode))
else:
    with st.columns([1, 2])[0]:
        tahun = widgets.pilih_tahun(bahasa, siklus, key=f"tahun_{skema.kode}")
    skor_tahun = skor_semua[(skor_semua["tahun"] == tahun) & (skor_semua["indikator"] == ind.id)]
    peringkat = tetap.tetap(hi.peringkat_indikator, skor_tahun, ind.id, ind.nilai_maks, nama_kabkota)
    rata = peringkat["nilai"].mean()
    st.caption(
        t(
            "ind_rata_maks",
            bahasa,
            rata=format_angka(rata, 2, bahasa),
            maks=format_angka(ind.nilai_maks, 0, bahasa),
            persen=format_angka(100 * rata / ind.nilai_maks, 1, bahasa),
            tahun=tahun,
        )
    )
    peta, tabel = st.columns([1, 1])
    with peta:
        nama_provinsi = susunan.nama_provinsi[PROVINSI]
        ku, geo = gambar.KonteksGambar(nama_provinsi, tahun, bahasa), tampilan.url_geojson(PROVINSI)
        fig = tetap.tetap(grafik_indikator.peta_skor, peringkat, ind.nilai_maks, bahasa, geo)
        gambar.grafik(fig, f"peta_{ind.id}", ku, key="ind_peta", config=tampilan.KONFIG_PETA,
                      judul=hi.label_indikator(ind, bahasa), sintetis=True)  # fmt: skip
    with tabel:
        hi.render_peringkat(peringkat, bahasa)

# --- trend: province average and one region -------------------------------------------------------------
st.header(t("ind_tren_judul", bahasa, indikator=ind.id))
with st.columns([1, 2])[0]:
    kode_wilayah = widgets.pilih_wilayah(bahasa, nama_kabkota)
if kode_wilayah is None:  # nobody's region by default: the trend and statistics wait for a choice
    st.info(t("ru_pilih_tren", bahasa), icon=":material/location_on:")
    st.stop()
nama_seri = {"provinsi": t("ind_rata_provinsi", bahasa), "wilayah": nama_kabkota[kode_wilayah]}
if skema.kode == "KLA24":
    seri = tetap.tetap(hi.seri_tren, skor_semua, ind.id, kode_wilayah, list(nama_kabkota), katalog)
    ku_tren = gambar.KonteksGambar(nama_seri["wilayah"], max(siklus, default=0), bahasa)
    hi.render_tren(seri, ind, katalog, nama_seri, bahasa, ku_tren)
else:
    hi.render_padanan(ind, katalog, bahasa)

# --- related raw statistics (real) ------------------------------------------------------------------------
st.header(t("ind_statistik_judul", bahasa))
kode_statistik = hi.statistik_terkait(katalog, ind.id)
if not kode_statistik:
    st.info(t("ind_tanpa_statistik", bahasa))
else:
    data = {k: cache.statistik(db, k) for k in kode_statistik}
    tabel_stat, tanpa = hi.ringkas_terkait(data, katalog, (kode_wilayah, nama_seri["wilayah"]), PROVINSI, bahasa)
    st.caption(t("ind_statistik_catatan", bahasa))
    if len(tabel_stat):
        kolom_nama = {t("peta_statistik_awalan", bahasa): st.column_config.TextColumn(pinned=True)}
        rujukan = [s for d in data.values() for s in d.loc[d["kode_provinsi"] == PROVINSI, "sumber_id"].dropna()]
        unduh_tabel.tabel(tabel_stat, "statistik", bahasa, judul=t("ind_statistik_judul", bahasa),
                          url=("indikator", "wilayah"), sumber=set(rujukan), column_config=kolom_nama)  # fmt: skip
    if tanpa:
        st.caption(t("ind_tanpa_data_statistik", bahasa, daftar="; ".join(tanpa)))
