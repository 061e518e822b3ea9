"""Sections of the Pembinaan & pengawasan page, and the evaluation countdown the Gugus Tugas page shows too.

No caching here: the page passes in what ui/cache.py returned. Notes and dates are written through
:mod:`indicators.gugus.pembinaan` and :mod:`indicators.gugus.kalender` (the workspace's one write
path) with the logged-in user; the workspace then has a new mtime, so the caches read the change.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators.akun.pengguna import Pengguna
from indicators.ekspor import pembinaan as ekspor
from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.galat import GalatDwibahasa
from indicators.gugus import kalender as kal, pembinaan as pb
from indicators.gugus.tugas import kosong
from indicators.teks import t
from ui import aman, tetap, widgets

_URUTAN: dict[str, tuple[list[str], list[bool]]] = {
    "risiko": (["urutan_risiko"], [True]),
    "kesiapan": (["kesiapan_persen", "urutan_risiko"], [True, True]),
    "selisih": (["selisih_ke_predikat_berikut", "urutan_risiko"], [True, True]),
    "perubahan": (["_perubahan_nyata", "urutan_risiko"], [True, True]),
    "predikat": (["langkah_predikat", "urutan_risiko"], [True, True]),
    "nama": (["nama"], [True]),
}
"""Sort choices of the table: key columns and directions (unknown values always last). The change in
total sorts on real totals only (:func:`indicators.gugus.pembinaan.perubahan_nyata`): a synthetic
change is unknown, as in the risk order."""
_MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- the countdown (also on the Gugus Tugas page) ----------------------------------------------


def render_hitung_mundur(kalender: pd.DataFrame, hari_ini: dt.date, bahasa: Bahasa) -> None:
    """The evaluation countdown as one info box: stages under way, the next milestone, what is unknown."""
    baris = kal.baris_hitung_mundur(kal.hitung_mundur(kalender, hari_ini), bahasa)
    st.info("  \n".join(aman.md(b) for b in baris), icon=":material/event:")


def render_kalender(kalender: pd.DataFrame, bahasa: Bahasa) -> None:
    """The whole calendar with a source per row, in an expander."""
    with st.expander(t("pb_kal_judul", bahasa)):
        st.caption(t("pb_kal_sumber", bahasa))
        st.dataframe(tetap.tetap_tabel(kal.tabel_kalender, kalender, bahasa), hide_index=True)


# --- cards and the province table ---------------------------------------------------------------


def render_kartu(p: pb.Pembinaan, bahasa: Bahasa) -> None:
    """Headline numbers: kab/kota, readiness monitored, regions flagged, open and overdue notes."""
    kolom = st.columns(5)
    berisiko = int((p.tabel["jumlah_bendera"] > 0).sum())
    kolom[0].metric(t("pb_kpi_kabkota", bahasa), format_angka(len(p.tabel), 0, bahasa))
    nilai = t("pb_nilai_dari", bahasa, a=p.cakupan["kesiapan"], b=p.cakupan["jumlah"])
    kolom[1].metric(t("pb_kpi_terpantau", bahasa), nilai)
    kolom[2].metric(t("pb_kpi_berisiko", bahasa), t("pb_nilai_dari", bahasa, a=berisiko, b=len(p.tabel)))
    kolom[3].metric(t("pb_kpi_catatan_terbuka", bahasa), format_angka(int(p.catatan["terbuka"].sum()), 0, bahasa))
    kolom[4].metric(t("pb_kpi_catatan_lewat", bahasa), format_angka(int(p.catatan["lewat_tenggat"].sum()), 0, bahasa))
    st.caption(t("pb_cakupan", bahasa, **p.cakupan))
    if p.sintetis:
        st.warning(f"{t('pb_sintetis', bahasa)} {t('pb_sintetis_risiko', bahasa)}", icon="⚠️")


def saring(tabel: pd.DataFrame, bendera: list[str], hanya_catatan: bool, urutan: str) -> pd.DataFrame:
    """The rows with any of ``bendera`` (all when empty), with open notes if asked, sorted by ``urutan``."""
    data = tabel
    if bendera:
        data = data[[any(b in str(x).split(";") for b in bendera) for x in data["bendera_risiko"]]]
    if hanya_catatan:
        data = data[data["catatan_pembinaan_terbuka"] > 0]
    kolom, naik = _URUTAN[urutan]
    data = data.assign(_perubahan_nyata=pb.perubahan_nyata(data))
    hasil = data.sort_values(kolom, ascending=naik, na_position="last", ignore_index=True)
    return hasil.drop(columns="_perubahan_nyata")


def render_tabel(p: pb.Pembinaan, bahasa: Bahasa) -> None:
    """Filters, sort order and the table of every kab/kota (risk order by default)."""
    st.subheader(t("pb_judul_ringkasan", bahasa))
    kiri, tengah, kanan = st.columns([2, 1, 1])
    bendera = widgets.pilih_berlabel(
        kiri.multiselect,
        t("pb_filter_bendera", bahasa),
        {b: ekspor.label_bendera(b, bahasa) for b in pb.BENDERA},
        placeholder=t("pb_filter_semua", bahasa),
        key="pb_filter_bendera",
    )
    urutan_label = {u: t(f"pb_urut_{u}", bahasa) for u in _URUTAN}
    urutan = widgets.pilih_berlabel(tengah.selectbox, t("pb_urut", bahasa), urutan_label, key="pb_urut")
    hanya = kanan.checkbox(t("pb_filter_catatan", bahasa), key="pb_filter_catatan")
    data = saring(p.tabel, bendera, hanya, urutan)
    if data.empty:
        st.info(t("pb_tabel_kosong", bahasa))
    else:
        tampil = tetap.tetap(ekspor.tabel_tampilan, data, bahasa)
        st.dataframe(aman.netral_tabel(tampil, [t("pb_kol_kabkota", bahasa)]), hide_index=True, key="pb_tabel")
    st.caption(t("pb_urutan_risiko", bahasa, ambang=format_angka(pb.AMBANG_KESIAPAN, 0, bahasa)))
    st.caption(t("pb_sumber", bahasa))


def render_unduh(p: pb.Pembinaan, kalender: pd.DataFrame, bahasa: Bahasa) -> None:
    """XLSX and PDF download buttons; each file is made when its button is clicked."""
    mundur = kal.baris_hitung_mundur(kal.hitung_mundur(kalender, p.hari_ini), bahasa)
    kiri, kanan = st.columns(2)
    kiri.download_button(
        t("pb_unduh_xlsx", bahasa),
        data=functools.partial(ekspor.tulis_xlsx, p, bahasa, kalender=kalender, hitung_mundur=mundur),
        file_name=ekspor.nama_berkas(p, bahasa, "xlsx"),
        mime=_MIME_XLSX,
        help=t("pb_unduh_xlsx_bantuan", bahasa),
        on_click="ignore",
        key="pb_unduh_xlsx",
    )
    kanan.download_button(
        t("pb_unduh_pdf", bahasa),
        data=functools.partial(ekspor.tulis_pdf, p, bahasa, hitung_mundur=mundur),
        file_name=ekspor.nama_berkas(p, bahasa, "pdf"),
        mime="application/pdf",
        help=t("pb_unduh_pdf_bantuan", bahasa),
        on_click="ignore",
        key="pb_unduh_pdf",
    )


# --- supervision notes --------------------------------------------------------------------------


def render_catatan(p: pb.Pembinaan, bahasa: Bahasa) -> None:
    """The supervision notes: open ones by default (overdue marked), all on request, by kab/kota."""
    st.subheader(t("pb_judul_catatan", bahasa))
    kiri, kanan = st.columns([2, 1])
    semua_wilayah = t("pb_semua_kabkota", bahasa)
    nama = dict(zip(p.tabel["kode_wilayah"], p.tabel["nama"], strict=True))
    pilihan = [semua_wilayah, *sorted(nama, key=nama.__getitem__)]
    wilayah = kiri.selectbox(
        t("pb_kol_kabkota", bahasa), pilihan, format_func=lambda k: nama.get(k, k), key="pb_catatan_wilayah"
    )
    semua = kanan.checkbox(t("pb_catatan_semua", bahasa), key="pb_catatan_semua")
    data = p.catatan if semua else p.catatan[p.catatan["terbuka"]]
    if wilayah != semua_wilayah:
        data = data[data["kode_wilayah"] == wilayah]
    if data.empty:
        st.caption(t("pb_catatan_kosong", bahasa))
        return
    tampil = ekspor.tabel_catatan(data, bahasa)
    kolom_teks = [t(f"pb_kol_{k}", bahasa) for k in ("temuan", "rekomendasi", "penanggung_jawab", "kabkota")]
    st.dataframe(aman.netral_tabel(tampil, kolom_teks), hide_index=True, key="pb_tabel_catatan")


def _isian_catatan(awalan: str, awal: Mapping[str, object], hari_ini: dt.date, bahasa: Bahasa) -> pb.IsiCatatan:
    """The note's fields as widgets (prefilled from ``awal``); returns what they hold."""
    kiri, kanan = st.columns(2)
    tanggal_awal = awal.get("tanggal")
    tanggal = kiri.date_input(
        t("pb_kol_tanggal", bahasa),
        value=tanggal_awal if isinstance(tanggal_awal, dt.date) else hari_ini,
        format="DD/MM/YYYY",
        key=f"{awalan}_tgl",
    )
    status = widgets.pilih_berlabel(
        kanan.selectbox,
        t("pb_kol_status", bahasa),
        {s: pb.STATUS_CATATAN_LABEL[s][0 if bahasa == "id" else 1] for s in pb.STATUS_CATATAN},
        index=pb.STATUS_CATATAN.index(str(awal.get("status") or "terbuka")),
        key=f"{awalan}_status",
    )
    temuan = st.text_area(t("pb_kol_temuan", bahasa), value=_teks(awal.get("temuan")), key=f"{awalan}_temuan")
    rekomendasi = st.text_area(
        t("pb_kol_rekomendasi", bahasa), value=_teks(awal.get("rekomendasi")), key=f"{awalan}_rek"
    )
    kiri, tengah, kanan = st.columns(3)
    pj = kiri.text_input(
        t("pb_kol_penanggung_jawab", bahasa), value=_teks(awal.get("penanggung_jawab")), key=f"{awalan}_pj"
    )
    tenggat_awal = awal.get("tenggat")
    tanpa = tengah.checkbox(t("pb_tanpa_tenggat", bahasa), value=tenggat_awal is None, key=f"{awalan}_tanpa")
    tenggat = kanan.date_input(
        t("pb_kol_tenggat", bahasa),
        value=tenggat_awal if isinstance(tenggat_awal, dt.date) else hari_ini,
        format="DD/MM/YYYY",
        key=f"{awalan}_tenggat",
    )
    return pb.IsiCatatan(
        tanggal=tanggal if isinstance(tanggal, dt.date) else hari_ini,
        temuan=temuan,
        rekomendasi=rekomendasi,
        penanggung_jawab=pj,
        tenggat=None if tanpa or not isinstance(tenggat, dt.date) else tenggat,
        status=str(status),
    )


def _teks(nilai: object) -> str:
    return "" if nilai is None or kosong(nilai) else str(nilai)


def _simpan(tulis: Callable[[], int], pesan: Callable[[int], str], bahasa: Bahasa, *, kosongkan: str = "") -> None:
    """Run a write; on success keep a message for the rerun, on a refusal show why (the input stays).

    ``kosongkan``: the key prefix of a form's widgets to empty after a save, so that a second click
    does not add the same note twice.
    """
    try:
        n = tulis()
    except GalatDwibahasa as exc:
        st.error(t("pb_galat_simpan", bahasa, pesan=aman.md(exc.teks(bahasa))))
        return
    st.session_state["pb_pesan"] = pesan(n)
    for kunci in [k for k in st.session_state if kosongkan and str(k).startswith(kosongkan)]:
        del st.session_state[kunci]
    st.rerun()


def render_tambah_catatan(p: pb.Pembinaan, pengguna: Pengguna, path: Path, bahasa: Bahasa) -> None:
    """A form for a province editor to add a supervision note about one kab/kota."""
    nama = dict(zip(p.tabel["kode_wilayah"], p.tabel["nama"], strict=True))
    with st.expander(t("pb_tambah_judul", bahasa)), st.form("pb_form_tambah", clear_on_submit=False):
        kode = st.selectbox(
            t("pb_kol_kabkota", bahasa), sorted(nama, key=nama.__getitem__), format_func=nama.__getitem__,
            key="pb_tambah_wilayah",
        )  # fmt: skip
        isi = _isian_catatan("pb_tambah", {}, p.hari_ini, bahasa)
        kirim = st.form_submit_button(t("pb_simpan", bahasa), type="primary", key="pb_tambah_simpan")
    if kirim:
        _simpan(
            lambda: pb.tambah_catatan(path, pengguna, str(kode), isi),
            lambda n: t("pb_tersimpan_baru", bahasa, id=n, nama=nama[str(kode)]),
            bahasa,
            kosongkan="pb_tambah_",
        )


def _label_catatan(r: Mapping[str, object], bahasa: Bahasa) -> str:
    temuan = str(r["temuan"])
    status = pb.STATUS_CATATAN_LABEL[str(r["status"])][0 if bahasa == "id" else 1]
    tanggal = r["tanggal"]
    hari = format_tanggal(tanggal, bahasa) if isinstance(tanggal, dt.date) else ""
    return f"#{r['catatan_id']} · {r['nama']} · {hari} · {temuan[:60]}{'…' if len(temuan) > 60 else ''} [{status}]"


def render_ubah_catatan(p: pb.Pembinaan, pengguna: Pengguna, path: Path, bahasa: Bahasa) -> None:
    """A form to change one note (status, follow-up …), based on the version shown."""
    if p.catatan.empty:
        return
    rekam = {int(r["catatan_id"]): {str(k): v for k, v in r.items()} for r in p.catatan.to_dict("records")}
    with st.expander(t("pb_ubah_judul", bahasa)):
        label = {i: _label_catatan(r, bahasa) for i, r in rekam.items()}
        pilih = widgets.pilih_berlabel(st.selectbox, t("pb_pilih_catatan", bahasa), label, key="pb_pilih_catatan")
        r = rekam[int(pilih)]
        versi = int(str(r["versi"]))
        st.caption(t("pb_versi_catatan", bahasa, versi=versi, oleh=aman.md(r["diubah_oleh"])))
        with st.form(f"pb_form_ubah_{pilih}_{versi}"):
            isi = _isian_catatan(f"pb_ubah_{pilih}_{versi}", r, p.hari_ini, bahasa)
            kirim = st.form_submit_button(t("pb_simpan", bahasa), type="primary", key="pb_ubah_simpan")
    if kirim:
        _simpan(
            lambda: pb.ubah_catatan(path, pengguna, int(pilih), isi, versi=versi),
            lambda n: t("pb_tersimpan", bahasa, n=n) if n else t("pb_tak_berubah", bahasa),
            bahasa,
        )


# --- the province's own calendar dates ----------------------------------------------------------


def render_form_kalender(kalender: pd.DataFrame, kode_provinsi: str, pengguna: Pengguna, path: Path,
                         hari_ini: dt.date, bahasa: Bahasa) -> None:  # fmt: skip
    """A form for a province editor to record the dates the province was given, with their source."""
    siklus = sorted({*kal.siklus_kalender(kalender), hari_ini.year, hari_ini.year + 1})
    with st.expander(t("pb_kal_form_judul", bahasa)), st.form("pb_form_kalender"):
        st.caption(t("pb_kal_form_bantuan", bahasa))
        kiri, kanan = st.columns(2)
        pilih_siklus = kiri.selectbox(t("pb_kol_siklus", bahasa), siklus, index=len(siklus) - 2, key="pb_kal_siklus")
        label_tahap = {x: kal.label_tahap(x, bahasa) for x in kal.TAHAP_KALENDER}
        tahap = widgets.pilih_berlabel(kanan.selectbox, t("pb_kol_tahap", bahasa), label_tahap, key="pb_kal_tahap")
        kiri, kanan = st.columns(2)
        tanpa_mulai = kiri.checkbox(t("pb_kal_mulai_tak_tahu", bahasa), key="pb_kal_tanpa_mulai")
        mulai = kiri.date_input(t("pb_kol_mulai", bahasa), value=hari_ini, format="DD/MM/YYYY", key="pb_kal_mulai")
        tanpa_selesai = kanan.checkbox(t("pb_kal_selesai_tak_tahu", bahasa), key="pb_kal_tanpa_selesai")
        selesai = kanan.date_input(
            t("pb_kol_selesai", bahasa), value=hari_ini, format="DD/MM/YYYY", key="pb_kal_selesai"
        )
        sumber = st.text_input(t("pb_kol_sumber", bahasa), key="pb_kal_sumber")
        keterangan = st.text_input(t("pb_kol_keterangan", bahasa), key="pb_kal_keterangan")
        kirim = st.form_submit_button(t("pb_simpan", bahasa), type="primary", key="pb_kal_simpan")
    if kirim:
        isi = kal.IsiKalender(
            siklus=int(pilih_siklus),
            tahap=str(tahap),
            mulai=None if tanpa_mulai or not isinstance(mulai, dt.date) else mulai,
            selesai=None if tanpa_selesai or not isinstance(selesai, dt.date) else selesai,
            sumber=sumber,
            keterangan=keterangan,
        )
        _simpan(
            lambda: kal.simpan_kalender(path, pengguna, kode_provinsi, isi),
            lambda n: t("pb_tersimpan", bahasa, n=n) if n else t("pb_tak_berubah", bahasa),
            bahasa,
        )
