"""Streamlit parts of the Unggah Data page: template, upload and check, preview, history, rollback.

Nothing is written until the user confirms: the check and the preview only read the database,
and the commit and the rollback go through :func:`indicators.impor.terapkan` and
:func:`~indicators.impor.batalkan`, which write a copy and swap it in atomically. Every failure
becomes a clear message (``unggah_galat``), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import math
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators.akun import pengguna as akun
from indicators.format import Bahasa, format_angka, format_waktu
from indicators.impor import lingkup, terapkan as impor
from indicators.impor.baca import BatasUnggah, batas_bawaan
from indicators.impor.masalah import ImporError
from indicators.impor.periksa import JENIS_SEMUA, HasilPeriksa, Jenis
from indicators.impor.perlindungan import teks_bulan
from indicators.impor.templat import buat_templat
from indicators.impor.templat_perlindungan import buat_templat_perlindungan
from indicators.katalog.model import TAHAP, Katalog
from indicators.teks import t
from ui import aman, cache, masuk, widgets

log = logging.getLogger("dasbor_kla.unggah")

_HASIL = "unggah_hasil"
_PESAN = "unggah_pesan"
_PUTARAN = "unggah_putaran"
_BATAL = "unggah_batal_id"
_PRIBADI = "unggah_pribadi"  # a file refused for personal data: its findings only, never its bytes
_MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_BATAS_TAMPIL = 500
_BATAS_TOMBOL_BATAL = 10


def _galat(exc: BaseException, bahasa: Bahasa) -> None:
    """Show a failure as one clear line (ImporError/AkunError carry their own wording)."""
    if isinstance(exc, ImporError | akun.AkunError):
        st.error(aman.md(exc.teks(bahasa)))
    else:
        log.exception("langkah unggah gagal (upload step failed)")
        st.error(t("unggah_galat", bahasa, rincian=type(exc).__name__))


def label_jenis(jenis: str | None, bahasa: Bahasa) -> str:
    """Display name of a kind of data (None: detect from the columns)."""
    if jenis == "perlindungan":
        return t("pe_jenis_impor", bahasa)
    return t(f"unggah_jenis_{jenis or 'deteksi'}", bahasa)


def wilayah_templat(pengguna: akun.Pengguna, jenis: Jenis, wilayah: pd.DataFrame) -> list[str] | None:
    """Region codes a template holds for a user: None (all) for an admin, else the scope's regions.

    A province in scope expands to its kab/kota (and, for statistics, the province itself).
    """
    if pengguna.peran == "admin":
        return None
    tingkat = ["kabkota"] if jenis in ("skor", "predikat") else ["provinsi", "kabkota"]
    pilih = wilayah[wilayah["tingkat"].isin(tingkat)]
    return sorted(k for k in pilih["kode_wilayah"].astype(str) if akun.dalam_lingkup(pengguna, k))


def render_templat(pengguna: akun.Pengguna, kat: Katalog, wilayah: pd.DataFrame, bahasa: Bahasa) -> None:
    """Step 1: pick a kind (and year, stage) and download an XLSX template for the user's scope."""
    st.subheader(t("unggah_langkah_templat", bahasa))
    kolom = st.columns(3)
    with kolom[0]:
        label_j = {j: label_jenis(j, bahasa) for j in JENIS_SEMUA}
        jenis: Jenis = widgets.pilih_berlabel(st.selectbox, t("unggah_jenis", bahasa), label_j, key="templat_jenis")
    if jenis == "perlindungan":
        with kolom[1]:
            tahun_pl = _tahun_perlindungan(bahasa)
        _templat_perlindungan(pengguna, wilayah, tahun_pl, bahasa)
        return
    tahun_daftar: list[int | None] = [None, *sorted((c.tahun for c in kat.siklus), reverse=True)]
    with kolom[1]:
        tahun = widgets.pilih_berlabel(
            st.selectbox,
            t("unggah_tahun_templat", bahasa),
            {x: t("unggah_tanpa_tahun", bahasa) if x is None else str(x) for x in tahun_daftar},
            index=1 if jenis != "statistik" else 0,
            key="templat_tahun",
            disabled=jenis == "statistik",
        )
    tahap = None
    if jenis == "skor":
        with kolom[2]:
            tahap = widgets.pilih_berlabel(
                st.selectbox,
                t("unggah_tahap_templat", bahasa),
                {x: t(f"tahap_{x}", bahasa) for x in TAHAP},
                index=list(TAHAP).index("final"),
                key="templat_tahap",
            )
    if jenis == "statistik":
        tahun = None
    kode = wilayah_templat(pengguna, jenis, wilayah)
    buat: Callable[[], bytes] = functools.partial(buat_templat, jenis, kat, wilayah, tahun, kode, tahap)
    nama = f"templat_{jenis}{'_' + str(tahun) if tahun else ''}.xlsx"
    st.download_button(
        t("unggah_unduh", bahasa, jenis=label_jenis(jenis, bahasa).lower()),
        data=buat,
        file_name=nama,
        mime=_MIME_XLSX,
        on_click="ignore",
        key="templat_unduh",
        icon=":material/download:",
    )
    st.caption(t("unggah_templat_catatan", bahasa))


def _tahun_perlindungan(bahasa: Bahasa) -> int | None:
    """The year a child-protection template is prefilled for (this year by default; None: empty rows)."""
    tahun_ini = dt.date.today().year
    pilihan: int | None = widgets.pilih_berlabel(
        st.selectbox,
        t("unggah_tahun_templat", bahasa),
        {
            x: t("unggah_tanpa_tahun", bahasa) if x is None else str(x)
            for x in [None, *range(tahun_ini, tahun_ini - 7, -1)]
        },
        index=1,
        key="templat_tahun_perlindungan",
    )
    return pilihan


def _templat_perlindungan(pengguna: akun.Pengguna, wilayah: pd.DataFrame, tahun: int | None, bahasa: Bahasa) -> None:
    """The child-protection template: one sheet per table, prefilled per region and month for a chosen year."""
    kode = wilayah_templat(pengguna, "perlindungan", wilayah)
    buat: Callable[[], bytes] = functools.partial(buat_templat_perlindungan, wilayah, tahun=tahun, wilayah=kode)
    st.download_button(
        t("unggah_unduh", bahasa, jenis=label_jenis("perlindungan", bahasa).lower()),
        data=buat,
        file_name=f"templat_perlindungan{'_' + str(tahun) if tahun else ''}.xlsx",
        mime=_MIME_XLSX,
        on_click="ignore",
        key="templat_unduh_perlindungan",
        icon=":material/download:",
    )
    st.caption(t("pe_unggah_templat_catatan", bahasa))


def ada_data_pribadi(hasil: HasilPeriksa) -> bool:
    """Whether a file was refused for personal data (its findings are then its only problems)."""
    return any(m.kode.startswith("pe.pribadi_") for m in hasil.masalah)


def tabel_masalah(hasil: HasilPeriksa, bahasa: Bahasa) -> pd.DataFrame:
    """Every problem as a table with translated headers: file, sheet, row, column, cell, value, expected."""
    kunci = ["berkas", "sheet", "baris", "kolom", "sel", "nilai", "masalah", "harapan"]
    baris = [m.sebagai_dict(bahasa) for m in hasil.masalah]
    tabel = pd.DataFrame(baris, columns=kunci)
    tabel["baris"] = [str(int(b)) if isinstance(b, int) else "" for b in tabel["baris"]]
    return aman.netral_tabel(tabel.fillna(""), kunci).rename(columns={k: t(f"kol_{k}", bahasa) for k in kunci})


def _angka(v: object, bahasa: Bahasa, desimal: int = 2) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return format_angka(float(v), desimal, bahasa)  # type: ignore[arg-type]


def _benar(v: object) -> bool:
    return v is not None and v == v and bool(v)


def tabel_baris(prat: impor.Pratinjau, nama: dict[str, str], bahasa: Bahasa) -> pd.DataFrame:
    """The preview rows (changed first), values formatted in the reader's locale, old synthetic marked."""
    b = prat.baris_tampil().copy()
    urut = {"baru": 0, "berubah": 1, "sama": 2}
    b = b.sort_values(["status", "baris"], key=lambda s: s.map(urut) if s.name == "status" else s, kind="stable")
    hasil = pd.DataFrame({t("kol_baris", bahasa): b["baris"].astype(int).astype(str)})
    if prat.jenis == "perlindungan":
        hasil.insert(0, t("kol_sheet", bahasa), b["sheet"].fillna("").to_numpy())
    hasil[t("kol_tahun", bahasa)] = b["tahun"].astype(int).astype(str)
    if prat.jenis == "perlindungan":
        hasil[t("pe_kol_bulan", bahasa)] = [teks_bulan([int(x)], bahasa) for x in b["bulan"]]
    hasil[t("kol_wilayah", bahasa)] = b["kode_wilayah"]
    hasil[t("kol_nama", bahasa)] = [nama.get(k, "") for k in b["kode_wilayah"]]
    if prat.jenis == "perlindungan":
        hasil[t("pe_kol_tabel", bahasa)] = b["tabel"].to_numpy()
        hasil[t("pe_kol_kategori", bahasa)] = b["kategori"].to_numpy()
    for k in ("indikator", "statistik"):
        if k in b:
            hasil[t("kol_indikator", bahasa)] = b[k]
    if "tahap" in b:
        hasil[t("kol_tahap", bahasa)] = [t(f"tahap_{x}", bahasa) for x in b["tahap"]]
    sintetis = f" ({t('sintetis', bahasa)})"
    if prat.jenis == "predikat":
        lama = [p if isinstance(p, str) else t("belum_ada", bahasa) for p in b["predikat_lama"]]
        hasil[t("kol_predikat_lama", bahasa)] = lama
        hasil[t("kol_predikat_baru", bahasa)] = b["predikat"]
    else:
        desimal = 0 if prat.jenis == "perlindungan" else 2  # child-protection figures are whole counts
        hasil[t("kol_nilai_lama", bahasa)] = [
            (t("belum_ada", bahasa) if s == "baru" else _angka(v, bahasa, desimal)) + (sintetis if _benar(x) else "")
            for v, s, x in zip(b["nilai_lama"], b["status"], b["sintetis_lama"], strict=True)
        ]
        hasil[t("kol_nilai_baru", bahasa)] = [_angka(v, bahasa, desimal) for v in b["nilai"]]
    if prat.jenis == "statistik":
        hasil[t("kol_satuan", bahasa)] = aman.netral(b["satuan"])
    hasil[t("kol_status", bahasa)] = [t(f"status_{s}", bahasa) for s in b["status"]]
    return hasil.reset_index(drop=True)


def _keadaan(r: pd.Series, akhiran: str, bahasa: Bahasa) -> tuple[str, str]:
    total = r[f"total_{akhiran}"]
    if total is None or total != total:
        return t("belum_ada", bahasa), "–"
    catatan = []
    if not _benar(r[f"lengkap_{akhiran}"]):
        catatan.append(t("belum_lengkap", bahasa, n=int(r[f"jumlah_indikator_{akhiran}"])))
    if _benar(r[f"sintetis_{akhiran}"]):
        catatan.append(t("sintetis", bahasa))
    teks = _angka(total, bahasa) + (f" ({', '.join(catatan)})" if catatan else "")
    predikat = r[f"predikat_hitung_{akhiran}"]
    return teks, predikat if isinstance(predikat, str) else t("tanpa_predikat", bahasa)


def tabel_dampak(prat: impor.Pratinjau, nama: dict[str, str], bahasa: Bahasa) -> pd.DataFrame:
    """Effect on totals and computed predikat (scores) or on the official predikat (predikat)."""
    d = prat.dampak
    if d.empty:
        return pd.DataFrame()
    hasil = pd.DataFrame({t("kol_tahun", bahasa): d["tahun"].astype(int).astype(str)})
    hasil[t("kol_wilayah", bahasa)] = d["kode_wilayah"]
    hasil[t("kol_nama", bahasa)] = [nama.get(k, "") for k in d["kode_wilayah"]]
    if prat.jenis == "perlindungan":
        sintetis = f" ({t('sintetis', bahasa)})"
        hasil[t("pe_kol_tabel", bahasa)] = d["tabel"].to_numpy()
        hasil[t("pe_kol_bulan_lama", bahasa)] = [
            teks_bulan(b, bahasa) + (sintetis if _benar(x) else "")
            for b, x in zip(d["bulan_lama"], d["sintetis_lama"], strict=True)
        ]
        hasil[t("pe_kol_bulan_baru", bahasa)] = [teks_bulan(b, bahasa) for b in d["bulan_baru"]]
        return hasil
    if prat.jenis == "predikat":
        hasil[t("kol_predikat_lama", bahasa)] = [
            p if isinstance(p, str) else t("belum_ada", bahasa) for p in d["predikat_lama"]
        ]
        hasil[t("kol_predikat_baru", bahasa)] = d["predikat"]
        return hasil
    hasil[t("kol_tahap", bahasa)] = [t(f"tahap_{x}", bahasa) for x in d["tahap"]]
    lama = [_keadaan(r, "lama", bahasa) for _, r in d.iterrows()]
    baru = [_keadaan(r, "baru", bahasa) for _, r in d.iterrows()]
    hasil[t("kol_total_lama", bahasa)] = [a for a, _ in lama]
    hasil[t("kol_predikat_hitung_lama", bahasa)] = [b for _, b in lama]
    hasil[t("kol_total_baru", bahasa)] = [a for a, _ in baru]
    hasil[t("kol_predikat_hitung_baru", bahasa)] = [b for _, b in baru]
    return hasil


def _periksa(
    db: Path, data: bytes, berkas: str, jenis: Jenis | None, pengguna: akun.Pengguna, kat: Katalog
) -> tuple[HasilPeriksa, impor.Pratinjau | None]:
    """Check a file for a user (scope included) and preview it; memoised per file, kind, user and db."""
    sha = hashlib.sha256(data).hexdigest()
    kunci = (sha, berkas, jenis, pengguna, impor.sidik_db(db))
    simpan = st.session_state.get(_HASIL)
    if isinstance(simpan, tuple) and simpan[0] == kunci:
        return simpan[1], simpan[2]
    wilayah = cache.wilayah(db)
    nama = dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))
    hasil = impor.periksa_berkas(data, berkas, kat, wilayah, jenis)
    hasil = lingkup.periksa_lingkup(hasil, pengguna, nama)
    prat = impor.pratinjau(db, hasil, kat) if hasil.sah else None
    st.session_state[_HASIL] = (kunci, hasil, prat)
    return hasil, prat


def render_unggah(db: Path, pengguna: akun.Pengguna, kat: Katalog, bahasa: Bahasa) -> None:
    """Steps 2 and 3: upload, list every problem or show the preview, and commit on confirmation."""
    st.subheader(t("unggah_langkah_berkas", bahasa))
    pesan = st.session_state.pop(_PESAN, None)
    if pesan:
        st.success(pesan, icon=":material/check_circle:")
    pribadi = st.session_state.pop(_PRIBADI, None)
    if isinstance(pribadi, HasilPeriksa):
        render_hasil(db, pribadi, None, pengguna, kat, bahasa)
    batas: BatasUnggah = batas_bawaan()
    # The server refuses anything over server.maxUploadSize (.streamlit/config.toml) before the
    # page sees it, so the smaller of the two limits is the one to show.
    mb = max(1, min(math.ceil(batas.ukuran_maks / (1024 * 1024)), int(st.get_option("server.maxUploadSize"))))
    kiri, kanan = st.columns([3, 1])
    with kanan:
        label_j = {j: label_jenis(j, bahasa) for j in [None, *JENIS_SEMUA]}
        jenis: Jenis | None = widgets.pilih_berlabel(
            st.selectbox, t("unggah_jenis", bahasa), label_j, key="unggah_jenis"
        )
    with kiri:
        berkas = st.file_uploader(
            t("unggah_pemilih", bahasa),
            type=["xlsx", "csv"],
            key=f"unggah_berkas_{st.session_state.get(_PUTARAN, 0)}",
            max_upload_size=mb,
        )
    if bahasa == "id":  # Streamlit's uploader texts are English and cannot be set: say what they mean
        st.caption(t("bh_unggah_petunjuk", bahasa))
    st.caption(
        t("unggah_batas", bahasa, mb=format_angka(mb, 0, bahasa), baris=format_angka(batas.baris_maks, 0, bahasa))
    )
    if berkas is None:
        return
    try:
        hasil, prat = _periksa(db, berkas.getvalue(), berkas.name, jenis, pengguna, kat)
    except Exception as exc:  # no traceback ever reaches the user
        _galat(exc, bahasa)
        return
    if ada_data_pribadi(hasil):
        # Nothing of a file carrying personal data is kept: its bytes leave the server's memory
        # now (the uploader is emptied), and only its findings (which never quote a cell) stay
        # for the next run to show.
        st.session_state.pop(_HASIL, None)
        st.session_state[_PRIBADI] = hasil
        st.session_state[_PUTARAN] = int(st.session_state.get(_PUTARAN, 0)) + 1
        masuk.lepas_unggahan()
        st.rerun()
    render_hasil(db, hasil, prat, pengguna, kat, bahasa)


def _render_pratinjau(db: Path, prat: impor.Pratinjau, bahasa: Bahasa) -> None:
    """The preview: counts of new / changed / same / removed rows, the rows and the impact on totals."""
    wilayah = cache.wilayah(db)
    nama = dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))
    st.subheader(t("unggah_langkah_pratinjau", bahasa))
    j = prat.jumlah
    metrik = st.columns(4)
    perlindungan = prat.jenis == "perlindungan"
    for kolom, kunci in zip(metrik, ("baru", "berubah", "sama", "dihapus"), strict=True):
        label = "pe_unggah_dihapus" if perlindungan and kunci == "dihapus" else f"unggah_{kunci}"
        kolom.metric(t(label, bahasa), format_angka(j[kunci], 0, bahasa))
    st.markdown(f"**{t('unggah_baris', bahasa)}**")
    baris = tabel_baris(prat, nama, bahasa)
    st.dataframe(baris.head(_BATAS_TAMPIL), hide_index=True, width="stretch", key="unggah_tabel_baris")
    if prat.baris["sintetis_lama"].astype(bool).any() or j["dihapus"]:
        st.caption(t("pe_unggah_sintetis" if perlindungan else "unggah_sintetis", bahasa))
    dampak = tabel_dampak(prat, nama, bahasa)
    if not dampak.empty:
        judul = {"predikat": "unggah_dampak_predikat", "perlindungan": "pe_unggah_dampak"}.get(
            prat.jenis, "unggah_dampak"
        )
        st.markdown(f"**{t(judul, bahasa)}**")
        st.dataframe(dampak, hide_index=True, width="stretch", key="unggah_tabel_dampak")


def _render_konfirmasi(
    db: Path, hasil: HasilPeriksa, prat: impor.Pratinjau, pengguna: akun.Pengguna, kat: Katalog, bahasa: Bahasa
) -> None:
    """The confirm button; on success keep the message for the next run, clear the upload and rerun."""
    st.caption(t("unggah_konfirmasi_catatan", bahasa))
    if not st.button(t("unggah_konfirmasi", bahasa), type="primary", key="unggah_konfirmasi"):
        return
    try:
        terap = impor.terapkan(db, hasil, kat, pengguna=pengguna.nama, sidik=prat.sidik)
    except Exception as exc:
        st.session_state.pop(_HASIL, None)
        _galat(exc, bahasa)
        return
    log.info("impor #%s oleh %s (%s)", terap.impor_id, pengguna.nama, hasil.berkas)
    j = prat.jumlah
    st.session_state[_PESAN] = t(
        "unggah_berhasil",
        bahasa,
        id=terap.impor_id,
        baru=format_angka(j["baru"], 0, bahasa),
        berubah=format_angka(j["berubah"], 0, bahasa),
    )
    st.session_state.pop(_HASIL, None)
    st.session_state[_PUTARAN] = int(st.session_state.get(_PUTARAN, 0)) + 1  # empty the uploader
    masuk.lepas_unggahan()  # the imported file's bytes are no longer needed: free them now
    st.rerun()


def render_hasil(
    db: Path,
    hasil: HasilPeriksa,
    prat: impor.Pratinjau | None,
    pengguna: akun.Pengguna,
    kat: Katalog,
    bahasa: Bahasa,
) -> None:
    """Show the problems of a checked file, or its preview and the confirm button."""
    sheet = f" (sheet {aman.md(hasil.sheet)})" if hasil.sheet else ""
    berkas = aman.md(hasil.berkas)  # the uploader's file name: shown as text, never as a link or image
    st.caption(t("unggah_berkas_info", bahasa, berkas=berkas, sheet=sheet, jenis=hasil.jenis or "?", sha=hasil.sha256))
    if ada_data_pribadi(hasil):
        st.error(t("pe_unggah_pribadi", bahasa), icon=":material/privacy_tip:")
        st.dataframe(tabel_masalah(hasil, bahasa), hide_index=True, width="stretch", key="unggah_tabel_pribadi")
        return
    if hasil.masalah:
        st.error(t("unggah_ada_masalah", bahasa, n=format_angka(len(hasil.masalah), 0, bahasa)))
        st.dataframe(tabel_masalah(hasil, bahasa), hide_index=True, width="stretch", key="unggah_tabel_masalah")
        return
    if hasil.peringatan:
        with st.expander(t("unggah_catatan", bahasa)):
            for m in hasil.peringatan:
                st.markdown(f"- {aman.md(m.teks(bahasa))}")
    if prat is None:
        return
    _render_pratinjau(db, prat, bahasa)
    j = prat.jumlah
    if j["baru"] + j["berubah"] + j["dihapus"] == 0:
        st.info(t("unggah_tidak_ada_perubahan", bahasa))
        return
    _render_konfirmasi(db, hasil, prat, pengguna, kat, bahasa)


def tabel_riwayat(log_impor: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The import log with translated headers: who, when, file, SHA-256, counts, status."""
    d = log_impor
    hasil = pd.DataFrame({t("kol_id", bahasa): d["impor_id"].astype(int).astype(str)})
    hasil[t("kol_waktu", bahasa)] = [
        "–" if pd.isna(w) else format_waktu(pd.Timestamp(w).to_pydatetime(), bahasa) for w in d["waktu"]
    ]
    hasil[t("kol_pengguna", bahasa)] = aman.netral(d["pengguna"])
    hasil[t("kol_jenis", bahasa)] = [
        t("jenis_pembatalan", bahasa) if j == "pembatalan" else label_jenis(str(j), bahasa) for j in d["jenis"]
    ]
    hasil[t("kol_berkas", bahasa)] = aman.netral(d["berkas"])
    hasil[t("kol_sha", bahasa)] = d["sha256"].fillna("–")
    for k in ("baru", "berubah", "sama", "dihapus"):
        hasil[t(f"kol_jumlah_{k}", bahasa)] = [
            format_angka(int(v), 0, bahasa) if v == v and v is not None else "–" for v in d[f"jumlah_{k}"]
        ]
    hasil[t("kol_status", bahasa)] = [
        t(f"status_{s}", bahasa) if s in ("berhasil", "dibatalkan") else str(s) for s in d["status"]
    ]
    return hasil


def render_riwayat(db: Path, pengguna: akun.Pengguna, bahasa: Bahasa) -> None:
    """Step 4: the history and a rollback button (with a confirmation) per import the user may undo."""
    st.subheader(t("unggah_langkah_riwayat", bahasa))
    log_impor = cache.riwayat_impor(db)
    if log_impor.empty:
        st.info(t("unggah_riwayat_kosong", bahasa))
        return
    st.dataframe(tabel_riwayat(log_impor, bahasa), hide_index=True, width="stretch", key="unggah_tabel_riwayat")
    berlaku = log_impor[(log_impor["jenis"] != "pembatalan") & (log_impor["status"] == "berhasil")]
    boleh = [
        (int(r["impor_id"]), str(r["berkas"]))
        for _, r in berlaku.head(_BATAS_TOMBOL_BATAL).iterrows()
        if lingkup.boleh_batalkan(pengguna, cache.wilayah_impor(db, int(r["impor_id"])))
    ]
    tunggu = st.session_state.get(_BATAL)
    pilihan = dict(boleh)
    if isinstance(tunggu, int) and tunggu in pilihan:
        st.warning(t("unggah_batal_tanya", bahasa, id=tunggu, berkas=aman.md(pilihan[tunggu])))
        ya, tidak, _ = st.columns([1, 1, 4])
        if ya.button(t("unggah_batal_ya", bahasa, id=tunggu), type="primary", key="unggah_batal_ya"):
            st.session_state.pop(_BATAL, None)
            _batalkan(db, tunggu, pengguna, bahasa)
        if tidak.button(t("unggah_batal_tidak", bahasa), key="unggah_batal_tidak"):
            st.session_state.pop(_BATAL, None)
            st.rerun()
        return
    kolom = st.columns(min(len(boleh), 5) or 1)
    for i, (impor_id, _) in enumerate(boleh):
        if kolom[i % len(kolom)].button(t("unggah_batalkan", bahasa, id=impor_id), key=f"unggah_batal_{impor_id}"):
            st.session_state[_BATAL] = impor_id
            st.rerun()


def _batalkan(db: Path, impor_id: int, pengguna: akun.Pengguna, bahasa: Bahasa) -> None:
    if not lingkup.boleh_batalkan(pengguna, impor.wilayah_impor(db, impor_id)):
        st.error(t("unggah_batal_luar_lingkup", bahasa, id=impor_id))
        return
    try:
        hasil = impor.batalkan(db, impor_id, pengguna=pengguna.nama)
    except Exception as exc:
        _galat(exc, bahasa)
        return
    log.info("pembatalan impor #%s oleh %s", impor_id, pengguna.nama)
    st.session_state[_PESAN] = t(
        "unggah_batal_berhasil",
        bahasa,
        id=hasil.impor_id,
        n=format_angka(hasil.jumlah_kunci, 0, bahasa),
        log=hasil.log_id,
    )
    st.session_state.pop(_HASIL, None)
    st.rerun()
