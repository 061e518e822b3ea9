"""Sections of the Regulasi page, and the regulation notice of the Gugus Tugas readiness view.

The page passes in what ui/cache.py returned (the register table of
:func:`indicators.gugus.regulasi.tabel_register`); writes go through
:func:`indicators.gugus.regulasi.simpan_regulasi` with the logged-in user, after which the workspace
file has a new mtime and the caches keyed on it read the change on the rerun. Unknown values are
shown as "tidak diketahui" / "unknown", never as a blank that could be read as "none".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators.akun.pengguna import Pengguna
from indicators.format import Bahasa, format_angka, format_tanggal, format_waktu
from indicators.gugus import regulasi as rg, regulasi_xlsx, simpan
from indicators.gugus.tugas import daftar_rekam, kosong, sebagai_tanggal
from indicators.teks import ada, t
from ui import aman, cache, tetap, widgets

_BARU = "__baru__"
_TANGGAL_MIN, _TANGGAL_MAKS = dt.date(rg.TAHUN_MIN, 1, 1), dt.date(rg.TAHUN_MAKS, 12, 31)


def _tak(bahasa: Bahasa) -> str:
    return t("rg_tidak_diketahui", bahasa)


def _tanggal(nilai: object, bahasa: Bahasa, kosong_teks: str) -> str:
    tanggal = sebagai_tanggal(nilai)
    return kosong_teks if tanggal is None else format_tanggal(tanggal, bahasa)


def _isi(r: Mapping[str, object]) -> rg.IsiRegulasi:
    return rg.isi_dari_kolom(r)


# --- cards and the register table ----------------------------------------------------------------


def render_kartu(ringkasan: pd.DataFrame, register: pd.DataFrame, bahasa: Bahasa) -> None:
    """The register's counts; a region without a register says so (unknown, not zero)."""
    r = ringkasan.iloc[0]
    if pd.isna(r["regulasi_diamanatkan"]):
        st.info(t("rg_tanpa_register", bahasa))
        return

    def angka(kolom: str) -> str:
        return format_angka(int(r[kolom]), 0, bahasa)

    kolom = st.columns(5)
    kolom[0].metric(t("rg_kartu_entri", bahasa), format_angka(len(register), 0, bahasa))
    ditetapkan = t(
        "rg_kartu_ditetapkan_nilai", bahasa, n=angka("regulasi_ditetapkan"), dari=angka("regulasi_diamanatkan")
    )
    kolom[1].metric(t("rg_kartu_ditetapkan", bahasa), ditetapkan)
    kolom[2].metric(t("rg_kartu_lewat", bahasa), angka("regulasi_lewat_tenggat"))
    kolom[3].metric(t("rg_kartu_macet", bahasa), angka("regulasi_macet"))
    kolom[4].metric(t("rg_kartu_tak_diketahui", bahasa), angka("regulasi_tidak_diketahui"))
    st.caption(t("rg_kartu_catatan", bahasa, batas=rg.MACET_HARI))


def _keadaan(r: Mapping[str, object], bahasa: Bahasa) -> str:
    if kosong(r["tahap"]):
        return _tak(bahasa)
    bagian = []
    if r["lewat_tenggat"]:
        tahap = ", ".join(rg.label_tahap(str(s), bahasa) for s in r["tahap_lewat"])  # type: ignore[attr-defined]
        bagian.append(f"⚠ {t('rg_lewat_tenggat', bahasa)}: {tahap}")
    if r["macet"]:
        hari = format_angka(int(r["hari_macet"]), 0, bahasa)  # type: ignore[call-overload]
        bagian.append(f"⚠ {t('rg_macet', bahasa)} ({t('rg_hari', bahasa, n=hari)})")
    return "; ".join(bagian) or t("rg_sesuai_jadwal", bahasa)


def _asal(r: Mapping[str, object], bahasa: Bahasa) -> str:
    if r["asal"] == "bawaan":
        keyakinan = t(f"rg_keyakinan_{r['keyakinan']}", bahasa) if not kosong(r["keyakinan"]) else "-"
        return t("rg_asal_bawaan", bahasa, keyakinan=keyakinan)
    pada = pd.Timestamp(str(r["diubah_pada"]))
    return t(
        "rg_asal_ruang_kerja", bahasa, oleh=r["diubah_oleh"], pada=format_tanggal(pada.date(), bahasa), versi=r["versi"]
    )


def tabel_tampil(register: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The register for display: overdue or stalled entries first, unknowns in words, flags spelled out."""
    tak = _tak(bahasa)
    rekam = sorted(daftar_rekam(register), key=lambda r: not (r["lewat_tenggat"] or r["macet"]))  # stable
    tahap = [None if kosong(r["tahap"]) else str(r["tahap"]) for r in rekam]
    return pd.DataFrame(
        {
            t("rg_kol_regulasi", bahasa): aman.netral(rg.label_regulasi(_isi(r), bahasa) for r in rekam),
            t("rg_kol_tahap", bahasa): [rg.label_tahap(s, bahasa) for s in tahap],
            t("rg_kol_keadaan", bahasa): [_keadaan(r, bahasa) for r in rekam],
            t("rg_kol_sejak", bahasa): [
                _tanggal(r["sejak"], bahasa, tak if s else "–") for r, s in zip(rekam, tahap, strict=True)
            ],
            t("rg_kol_berikut", bahasa): [
                rg.label_tahap(str(r["tahap_berikut"]), bahasa) if not kosong(r["tahap_berikut"]) else "–"
                for r in rekam
            ],
            t("rg_kol_tenggat_berikut", bahasa): [_tanggal(r["tenggat_berikut"], bahasa, "–") for r in rekam],
            t("rg_kol_opd", bahasa): aman.netral(r["opd"] if not kosong(r["opd"]) else tak for r in rekam),
            t("rg_kol_amanat", bahasa): aman.netral(r["amanat"] if not kosong(r["amanat"]) else "–" for r in rekam),
            t("rg_kol_indikator", bahasa): [r["indikator"] if not kosong(r["indikator"]) else "–" for r in rekam],
            t("rg_kol_asal", bahasa): [_asal(r, bahasa) for r in rekam],
            t("rg_kol_sumber", bahasa): aman.netral(r["sumber"] if not kosong(r["sumber"]) else "–" for r in rekam),
        }
    )


def render_register(register: pd.DataFrame, bahasa: Bahasa) -> None:
    """The register table (read-only) with the stage rules in one line."""
    st.subheader(t("rg_register", bahasa))
    if register.empty:
        st.caption(t("rg_register_kosong", bahasa))
        return
    regulasi, keadaan = t("rg_kol_regulasi", bahasa), t("rg_kol_keadaan", bahasa)
    kolom = {
        # In view while the others scroll; "medium" leaves room for them on a 390 px phone.
        regulasi: st.column_config.TextColumn(regulasi, width="medium", pinned=True),
        keadaan: st.column_config.TextColumn(keadaan, width="large"),
    }
    st.dataframe(tetap.tetap(tabel_tampil, register, bahasa), hide_index=True, column_config=kolom)
    st.caption(t("rg_asumsi_tahap", bahasa))


def tabel_tahapan(r: Mapping[str, object], bahasa: Bahasa, hari_ini: dt.date) -> pd.DataFrame:
    """One entry's stages: the date reached (unknown when reached without a date) and the due date."""
    isi = _isi(r)
    urutan = rg.TAHAP_JENIS[isi.jenis]
    kini = urutan.index(isi.tahap) if isi.tahap in urutan else None
    baris = []
    for i, s in enumerate(urutan):
        dicapai = kini is not None and i <= kini
        tenggat = isi.tenggat.get(s)
        if kini is None:
            keadaan = _tak(bahasa)
        elif dicapai:
            keadaan = t("rg_dicapai", bahasa)
        elif tenggat is not None and tenggat < hari_ini:
            keadaan = f"⚠ {t('rg_lewat_tenggat', bahasa)}"
        else:
            keadaan = t("rg_belum", bahasa)
        tanggal_kosong = _tak(bahasa) if dicapai or kini is None else "–"
        baris.append(
            {
                t("rg_kol_tahap_satu", bahasa): rg.label_tahap(s, bahasa),
                t("rg_kol_keadaan", bahasa): keadaan,
                t("rg_kol_tanggal", bahasa): _tanggal(isi.tanggal.get(s), bahasa, tanggal_kosong),
                t("rg_kol_tenggat", bahasa): _tanggal(tenggat, bahasa, "–"),
            }
        )
    return pd.DataFrame(baris)


def render_tahapan(register: pd.DataFrame, hari_ini: dt.date, bahasa: Bahasa) -> None:
    """The pipeline of one chosen entry: each stage with its date and due date, and the entry's notes."""
    if register.empty:
        return
    st.subheader(t("rg_tahapan", bahasa))
    rekam = {str(r["regulasi_id"]): r for r in tetap.tetap(daftar_rekam, register)}  # shared: read only
    entri = {k: rg.label_regulasi(_isi(r), bahasa) for k, r in rekam.items()}
    pilih = widgets.pilih_berlabel(st.selectbox, t("rg_pilih_entri", bahasa), entri, key="rg_pilih_tahapan")
    r = rekam[pilih]
    st.dataframe(tabel_tahapan(r, bahasa, hari_ini), hide_index=True)
    for kolom, label in (("catatan_tahap", "rg_catatan_tahap"), ("catatan", "rg_catatan"), ("tautan", "rg_tautan")):
        if not kosong(r[kolom]):
            st.caption(f"**{t(label, bahasa)}:** {aman.md(r[kolom])}")


# --- the edit form --------------------------------------------------------------------------------


def _kunci(akhiran: str, kolom: str) -> str:
    return f"rg_f_{akhiran}_{kolom}"


def _isi_form(isi: rg.IsiRegulasi | None, akhiran: str) -> None:
    """Put an entry's values (empty for a new entry) into the form's session state, before it is drawn.

    The same values are kept as ``rg_awal_<entry>``: :func:`_gambar_form` gives each widget its
    value as its default too. A save sends the whole entry, and the browser redraws a widget whose
    state it dropped from its default, so with the widgets' own empty defaults such a redraw would
    blank a stored field nobody touched (seen on the Gugus Tugas item form, 7 December).
    """
    isi = isi or rg.IsiRegulasi("perkada", "")
    awal: dict[str, object] = {k: getattr(isi, k) or "" for k in _TEKS_FORM}
    awal |= {"jenis": isi.jenis, "tahun": isi.tahun, "tahap": isi.tahap}
    awal["indikator"] = [i for i in isi.indikator if i in rg.indikator_sah()]
    for s in rg.TAHAP:
        awal[f"tanggal_{s}"] = isi.tanggal.get(s)
        awal[f"tenggat_{s}"] = isi.tenggat.get(s)
    for k, nilai in awal.items():
        st.session_state[_kunci(akhiran, k)] = nilai
    st.session_state[f"rg_awal_{akhiran}"] = awal


_TEKS_FORM = ("nomor", "judul", "amanat", "opd", "catatan_tahap", "tautan", "catatan", "sumber")


def _nilai_form(akhiran: str) -> rg.IsiRegulasi:
    """The entry as the form holds it (only the stages of the chosen type keep their dates)."""
    ss = st.session_state
    teks = {k: str(ss[_kunci(akhiran, k)] or "") or None for k in rg.KOLOM_TEKS}
    jenis = str(ss[_kunci(akhiran, "jenis")])
    urutan = rg.TAHAP_JENIS[jenis]
    tahun = ss[_kunci(akhiran, "tahun")]
    return rg.IsiRegulasi(
        jenis=jenis,
        judul=teks["judul"] or "",
        nomor=teks["nomor"],
        tahun=None if tahun is None else int(tahun),
        amanat=teks["amanat"],
        indikator=tuple(ss[_kunci(akhiran, "indikator")]),
        opd=teks["opd"],
        tahap=ss[_kunci(akhiran, "tahap")],
        tanggal={s: d for s in urutan if isinstance(d := ss[_kunci(akhiran, f"tanggal_{s}")], dt.date)},
        tenggat={s: d for s in urutan if isinstance(d := ss[_kunci(akhiran, f"tenggat_{s}")], dt.date)},
        catatan_tahap=teks["catatan_tahap"],
        tautan=teks["tautan"],
        catatan=teks["catatan"],
        sumber=teks["sumber"],
    )


def _gambar_form(akhiran: str, bahasa: Bahasa) -> None:
    """The form's widgets; the stage choices and date rows follow the chosen type."""

    def k(kolom: str) -> str:
        return _kunci(akhiran, kolom)

    awal = st.session_state[f"rg_awal_{akhiran}"]  # each widget's default: see _isi_form
    teks = {kolom: str(awal[kolom]) for kolom in _TEKS_FORM}
    kiri, tengah, kanan = st.columns([2, 1, 1])
    jenis = list(rg.JENIS)
    kiri.selectbox(
        t("rg_kol_jenis", bahasa),
        jenis,
        index=widgets.indeks_pilihan(jenis, awal["jenis"]),
        format_func=rg.label_jenis,
        key=k("jenis"),
    )
    tengah.text_input(t("rg_nomor", bahasa), value=teks["nomor"], key=k("nomor"), help=t("rg_bantuan_kosong", bahasa))
    kanan.number_input(
        t("rg_tahun", bahasa),
        value=awal["tahun"],
        min_value=rg.TAHUN_MIN,
        max_value=rg.TAHUN_MAKS,
        step=1,
        key=k("tahun"),
        help=t("rg_bantuan_kosong", bahasa),
    )
    st.text_input(t("rg_judul_isian", bahasa), value=teks["judul"], key=k("judul"))
    kiri, kanan = st.columns(2)
    kiri.text_input(
        t("rg_kol_amanat", bahasa), value=teks["amanat"], key=k("amanat"), help=t("rg_bantuan_amanat", bahasa)
    )
    kanan.text_input(t("rg_kol_opd", bahasa), value=teks["opd"], key=k("opd"), help=t("rg_bantuan_kosong", bahasa))
    pilihan = sorted(rg.indikator_sah())
    st.multiselect(
        t("rg_kol_indikator", bahasa),
        pilihan,
        default=awal["indikator"],
        key=k("indikator"),
        placeholder=t("rg_pilih_indikator", bahasa),
    )
    urutan = rg.TAHAP_JENIS[str(st.session_state[k("jenis")])]
    if st.session_state[k("tahap")] not in (None, *urutan):
        st.session_state[k("tahap")] = None  # a stage of another type: unknown until chosen again
    tahap = {s: rg.label_tahap(s, bahasa) for s in [None, *urutan]}
    indeks = widgets.indeks_pilihan(list(tahap), awal["tahap"])
    widgets.pilih_berlabel(st.selectbox, t("rg_kol_tahap", bahasa), tahap, index=indeks, key=k("tahap"))
    st.caption(t("rg_bantuan_tanggal", bahasa))
    for s in urutan:
        label, tanggal, tenggat = st.columns([2, 1, 1])
        label.markdown(rg.label_tahap(s, bahasa))
        for kolom, nama in ((tanggal, f"tanggal_{s}"), (tenggat, f"tenggat_{s}")):
            kolom.date_input(
                t(f"rg_kol_{nama.split('_')[0]}", bahasa),
                value=awal[nama],
                min_value=_TANGGAL_MIN,
                max_value=_TANGGAL_MAKS,
                format="DD/MM/YYYY",
                key=k(nama),
                label_visibility="collapsed" if s != urutan[0] else "visible",
            )
    st.text_area(
        t("rg_catatan_tahap", bahasa),
        value=teks["catatan_tahap"],
        key=k("catatan_tahap"),
        height=80,
        help=t("rg_bantuan_lompat", bahasa),
    )
    kiri, kanan = st.columns(2)
    kiri.text_input(t("rg_tautan", bahasa), value=teks["tautan"], key=k("tautan"))
    kanan.text_input(t("rg_kol_sumber", bahasa), value=teks["sumber"], key=k("sumber"))
    st.text_area(t("rg_catatan", bahasa), value=teks["catatan"], key=k("catatan"), height=80)


def render_ubah(register: pd.DataFrame, pengguna: Pengguna, path: Path, kode_wilayah: str, bahasa: Bahasa) -> None:
    """Add an entry or change one, for an editor whose scope covers the region; every change is logged."""
    st.subheader(t("rg_ubah", bahasa))
    rekam = {str(r["regulasi_id"]): r for r in tetap.tetap(daftar_rekam, register)}  # shared: read only
    label = {_BARU: t("rg_entri_baru_pilih", bahasa)} | {
        k: rg.label_regulasi(_isi(r), bahasa) for k, r in rekam.items()
    }
    pilih = widgets.pilih_berlabel(
        st.selectbox, t("rg_pilih_ubah", bahasa), label, key="rg_pilih_ubah"
    )  # labels: language
    r = rekam.get(pilih)
    akhiran = pilih.replace("-", "_")
    if st.session_state.pop(f"rg_segarkan_{akhiran}", False) or _kunci(akhiran, "jenis") not in st.session_state:
        _isi_form(_isi(r) if r is not None else None, akhiran)
        st.session_state[f"rg_dasar_{akhiran}"] = int(r["versi"]) if r is not None else None
    _gambar_form(akhiran, bahasa)
    kiri, kanan = st.columns(2)
    if kiri.button(t("rg_simpan", bahasa), type="primary", key="rg_simpan"):
        ubah = rg.UbahRegulasi(
            None if r is None else pilih, _nilai_form(akhiran), st.session_state[f"rg_dasar_{akhiran}"]
        )
        _simpan(path, pengguna, kode_wilayah, ubah, akhiran, bahasa)
    if r is not None:
        yakin = kanan.checkbox(t("rg_hapus_yakin", bahasa), key=f"rg_hapus_yakin_{akhiran}")
        if kanan.button(t("rg_hapus", bahasa), disabled=not yakin, key="rg_hapus"):
            ubah = rg.UbahRegulasi(pilih, versi=st.session_state[f"rg_dasar_{akhiran}"], hapus=True)
            _simpan(path, pengguna, kode_wilayah, ubah, akhiran, bahasa)


def _simpan(
    path: Path, pengguna: Pengguna, kode_wilayah: str, ubah: rg.UbahRegulasi, akhiran: str, bahasa: Bahasa
) -> None:
    """Save one change; a refused save lists every rule it breaks and keeps the form as typed."""
    try:
        n = rg.simpan_regulasi(path, pengguna, kode_wilayah, [ubah])
    except rg.RegulasiError as exc:
        rincian = "\n".join(f"- {aman.md(m.pelanggaran.teks(bahasa))}" for m in exc.masalah)
        st.error(t("rg_galat_simpan", bahasa) + "\n\n" + rincian)
        return
    except simpan.GugusError as exc:
        st.error(t("gt_galat_simpan", bahasa, pesan=aman.md(exc.teks(bahasa))))
        return
    st.session_state["rg_pesan"] = t("gt_tersimpan", bahasa, n=n) if n else t("gt_tak_berubah", bahasa)
    st.session_state[f"rg_segarkan_{akhiran}"] = True
    if ubah.hapus or ubah.regulasi_id is None:
        st.session_state.pop("rg_pilih_ubah", None)  # the removed entry is gone; a new one gets its own id
    st.rerun()


# --- download, history, and the Gugus Tugas notice -------------------------------------------------


def xlsx_register(path: Path, kode_wilayah: str, nama_wilayah: str, hari_ini: dt.date) -> bytes:
    """The register as the XLSX ``kla regulasi export`` writes (made when the download is clicked)."""
    daftar = rg.daftar_regulasi(path, kode_wilayah)
    return regulasi_xlsx.tulis_xlsx(daftar, kode_wilayah=kode_wilayah, nama_wilayah=nama_wilayah, dibuat=hari_ini)


def label_kolom_log(kolom: str, bahasa: Bahasa) -> str:
    """A logged field of the register as its label ("Tanggal dicapai (penetapan)"), not the stored key."""
    for awalan, kunci in (("tanggal_", "rg_kol_tanggal"), ("tenggat_", "rg_kol_tenggat")):
        if kolom.startswith(awalan) and kolom.removeprefix(awalan) in rg.TAHAP:
            return f"{t(kunci, bahasa)} ({rg.label_tahap(kolom.removeprefix(awalan), bahasa)})"
    return t(f"bh_kolom_rg_{kolom}", bahasa) if ada(f"bh_kolom_rg_{kolom}") else kolom


def nilai_log(kolom: str, nilai: object, bahasa: Bahasa) -> str:
    """A logged old or new value for display: dates, stages, types and flags in words; none as "kosong"."""
    if not isinstance(nilai, str) or not nilai:
        return t("gt_nilai_kosong", bahasa)
    if kolom.startswith(("tanggal_", "tenggat_")):
        try:
            return format_tanggal(dt.date.fromisoformat(nilai), bahasa)
        except ValueError:
            return nilai
    if kolom == "tahap" and nilai in rg.TAHAP:
        return rg.label_tahap(nilai, bahasa)
    if kolom == "jenis" and ada(f"rg_jenis_{nilai}"):
        return rg.label_jenis(nilai, bahasa)
    if kolom == "dihapus" and nilai.lower() in ("true", "false"):
        return t("ya" if nilai.lower() == "true" else "bh_tidak", bahasa)
    return nilai


def label_asal(asal: object, bahasa: Bahasa) -> str:
    """Where a change came from, in words: the dashboard, the default workspace, an imported file."""
    teks = str(asal)
    if teks.startswith("impor "):
        return t("bh_asal_impor", bahasa, berkas=teks.removeprefix("impor "))
    return t(f"bh_asal_{teks}", bahasa) if ada(f"bh_asal_{teks}") else teks


def tabel_riwayat(log: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The register's change log for display: time in the locale, field labels, values in words."""
    kolom = [str(k) for k in log["kolom"]]
    return pd.DataFrame(
        {
            t("gt_kol_waktu", bahasa): [
                "–" if pd.isna(w) else format_waktu(pd.Timestamp(w).to_pydatetime(), bahasa) for w in log["waktu"]
            ],
            t("gt_kol_pengguna", bahasa): aman.netral(log["pengguna"]),
            t("rg_kol_id", bahasa): log["kunci"].to_numpy(),
            t("gt_kol_kolom", bahasa): [label_kolom_log(k, bahasa) for k in kolom],
            t("gt_kol_lama", bahasa): aman.netral(
                nilai_log(k, v, bahasa) for k, v in zip(kolom, log["nilai_lama"], strict=True)
            ),
            t("gt_kol_baru", bahasa): aman.netral(
                nilai_log(k, v, bahasa) for k, v in zip(kolom, log["nilai_baru"], strict=True)
            ),
            t("gt_kol_asal", bahasa): [label_asal(a, bahasa) for a in log["asal"]],
        }
    )


def render_riwayat(log: pd.DataFrame, bahasa: Bahasa) -> None:
    """Every recorded change of the region's register, newest first: who, when, which entry and field, old → new."""
    st.subheader(t("rg_riwayat", bahasa))
    log = log[log["tabel"] == "regulasi"] if len(log) else log
    if log.empty:
        st.caption(t("rg_riwayat_kosong", bahasa))
        return
    st.dataframe(tabel_riwayat(log, bahasa), hide_index=True)


def render_peringatan_gugus(db_path: Path, kode_wilayah: str, hari_ini: dt.date, bahasa: Bahasa) -> None:
    """For the Gugus Tugas readiness view: the region's overdue and stalled regulations, in a few lines.

    Nothing overdue or stalled: one caption (or, without a register, that it is unknown).
    """
    terlambat = cache.terlambat_regulasi(db_path, (kode_wilayah,), hari_ini)
    if terlambat.empty:
        ringkasan = cache.ringkasan_regulasi(db_path, (kode_wilayah,), hari_ini)
        kunci = "rg_gugus_tanpa_register" if pd.isna(ringkasan["regulasi_diamanatkan"].iloc[0]) else "rg_gugus_aman"
        st.caption(t(kunci, bahasa))
        return
    alasan = "alasan_en" if bahasa == "en" else "alasan"
    baris = [f"- **{aman.md(r['label'])}**: {aman.md(r[alasan])}" for r in daftar_rekam(terlambat.head(5))]
    lebih = len(terlambat) - 5
    ekor = [t("rg_gugus_lebih", bahasa, n=lebih)] if lebih > 0 else []
    judul = t("rg_gugus_judul", bahasa, n=terlambat["regulasi_id"].nunique())  # an entry may be both
    st.warning("\n".join([judul, "", *baris, *ekor]), icon="⚖️")
    tautan = {"wilayah": kode_wilayah} | ({"lang": "en"} if bahasa == "en" else {})
    st.page_link("halaman/regulasi.py", label=t("rg_gugus_tautan", bahasa), icon="➡️", query_params=tautan)
