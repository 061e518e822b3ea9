"""The Kelembagaan register section of the Gugus Tugas page: the table, the submit form, verification.

Everyone reads the table (value, reference, status, rejection reason, what the instrument would
question). An account whose scope covers the region submits values (:func:`render_ubah_isian`);
a verifier of the region (a province editor or an admin, :func:`indicators.gugus.kelembagaan.boleh_verifikasi`)
also decides (:func:`render_verifikasi`). Writes go through :mod:`indicators.gugus.kelembagaan`
(the workspace's one write path). Each form keeps, beside its widgets, the item as it first showed
it (``kl_dasar_<item>``: version and values): a save sends the fields that differ, with that
version, so a stale form is refused instead of writing over a newer change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from indicators.akun.pengguna import Pengguna
from indicators.format import Bahasa, format_angka
from indicators.gugus import kelembagaan as kl
from indicators.gugus.layanan import RuangKerja
from indicators.gugus.simpan import GugusError, KonflikError, TulisError
from indicators.gugus.tugas import daftar_rekam, teks_masukan
from indicators.katalog.kelembagaan import ButirKelembagaan, KatalogKelembagaan, kelembagaan_bawaan
from indicators.teks import t
from ui import aman, tetap, widgets

TANGGAL_MIN, TANGGAL_MAKS = dt.date(1990, 1, 1), dt.date(2100, 12, 31)


def label_status(status: str, bahasa: Bahasa) -> str:
    """A register status for display (``belum diisi`` / ``not filled in``, ``diajukan`` / ``submitted``, ...)."""
    return kl.STATUS_LABEL[status][0 if bahasa == "id" else 1]


def _teks_atau_kosong(nilai: pd.Series) -> list[str]:
    """User text for a display column, an empty cell (not "None") where there is none."""
    return aman.netral(v if isinstance(v, str) else "" for v in nilai)


def tabel_kelembagaan(register: pd.DataFrame, kode_skema: str, hari_ini: dt.date, bahasa: Bahasa) -> pd.DataFrame:
    """The register for display: indicator, item, value (in the locale), status, reason, remarks, reference.

    What a reader scans first comes first (a rejection with its reason in view at 1366 px); the
    reference, the longest text, comes last.
    """
    data = kl.teks_register(register, kelembagaan_bawaan(kode_skema), hari_ini, bahasa)
    return pd.DataFrame(
        {
            t("profil_indikator", bahasa): data["indikator"],
            t("kl_kol_butir", bahasa): data["nama"] if bahasa == "id" else data["nama_en"],
            t("kl_kol_nilai", bahasa): aman.netral(data["nilai_teks"]),
            t("kl_kol_status", bahasa): [label_status(str(s), bahasa) for s in data["status"]],
            t("kl_kol_alasan", bahasa): _teks_atau_kosong(data["alasan"]),
            t("kl_kol_perhatian", bahasa): data["perhatian"],
            t("gt_kol_referensi", bahasa): _teks_atau_kosong(data["referensi"]),
        }
    )


def _lebar_kolom(bahasa: Bahasa) -> dict[str, Any]:
    """Column widths that keep value, status, reason and most remarks in view at 1366 px (the rest scrolls)."""
    lebar = {"profil_indikator": 75, "kl_kol_butir": 280, "kl_kol_nilai": 105, "kl_kol_status": 95}
    lebar |= {"kl_kol_alasan": 180, "kl_kol_perhatian": 220, "gt_kol_referensi": 240}
    return {t(k, bahasa): st.column_config.TextColumn(t(k, bahasa), width=w) for k, w in lebar.items()}


def render_kelembagaan(rk: RuangKerja, pengguna: Pengguna | None, boleh: bool, path: Path, bahasa: Bahasa) -> None:
    """The register section: counts, the table for everyone, the forms for whoever may use them."""
    kat = kelembagaan_bawaan()
    st.subheader(t("kl_judul", bahasa))
    r = kl.hitung_ringkasan(rk.kelembagaan)
    st.caption(t("kl_keterangan", bahasa, **{k: format_angka(v, 0, bahasa) for k, v in r.items()}))
    st.dataframe(
        tetap.tetap_tabel(tabel_kelembagaan, rk.kelembagaan, kat.skema, rk.hari_ini, bahasa),
        hide_index=True,
        column_config=_lebar_kolom(bahasa),
        height=35 * (len(rk.kelembagaan) + 1) + 3,  # every item in view (35 px a row), no inner scrolling
    )
    st.caption(t("kl_aturan", bahasa))
    if not boleh or pengguna is None:
        return
    render_ubah_isian(rk, kat, pengguna, path, bahasa)
    if kl.boleh_verifikasi(pengguna, rk.kode_wilayah):
        render_verifikasi(rk, kat, pengguna, path, bahasa)


# --- the submit form ---------------------------------------------------------------------------------


def _label_butir(r: Mapping[str, Any], bahasa: Bahasa) -> str:
    """An item in a picker: indicator and name (its status is said below the picker, where it stays current)."""
    return f"{r['indikator']} · {r['nama'] if bahasa == 'id' else r['nama_en']}"


def _keadaan(r: Mapping[str, Any], bahasa: Bahasa) -> str:
    """The item's state in one line: status, and who last changed it when."""
    status = label_status(str(r["status"]), bahasa)
    if not isinstance(r.get("diubah_oleh"), str):
        return t("kl_keadaan_baru", bahasa, status=status)
    return t("kl_keadaan", bahasa, status=status, oleh=aman.md(r["diubah_oleh"]), versi=r["versi"])


def _nilai_widget(butir: ButirKelembagaan, nilai: object, bahasa: Bahasa) -> object:
    """A stored canonical value as its widget holds it: a date, a list of options, or text as people type it."""
    if not isinstance(nilai, str):
        return [] if butir.tipe == "pilihan" else (None if butir.tipe == "tanggal" else "")
    if butir.tipe == "tanggal":
        return dt.date.fromisoformat(nilai)
    if butir.tipe == "pilihan":
        return nilai.split(",")
    if butir.tipe == "persen":
        return format_angka(float(nilai), len(nilai.partition(".")[2]), bahasa)
    return nilai


def _siapkan(r: Mapping[str, Any], butir: ButirKelembagaan, bahasa: Bahasa) -> None:
    """Fill the item's widgets before they are drawn: fresh, after a save, or after a refused save.

    After a refused save (the item changed meanwhile) the fields this editor did not touch take
    the newer values, the touched ones keep the input, and the form moves to the new version.
    """
    kode, ss = butir.kode, st.session_state
    dasar = {"versi": int(r["versi"]), "nilai": _nilai_widget(butir, r["nilai"], bahasa)}
    dasar["referensi"] = r["referensi"] if isinstance(r["referensi"], str) else ""
    kunci = {"nilai": f"kl_nilai_{kode}", "referensi": f"kl_ref_{kode}"}
    konflik = ss.pop(f"kl_konflik_{kode}", None)
    if ss.pop(f"kl_segarkan_{kode}", False) or f"kl_dasar_{kode}" not in ss or kunci["nilai"] not in ss:
        ss[f"kl_dasar_{kode}"] = dasar
        for k, w in kunci.items():
            ss[w] = dasar[k]
    elif konflik is not None:
        ss[f"kl_dasar_{kode}"] = dasar
        for k, w in kunci.items():
            if k not in konflik["kolom"]:
                ss[w] = dasar[k]
        st.error(t("kl_konflik", bahasa, pesan=aman.md(konflik["pesan"])))


def _widget_nilai(butir: ButirKelembagaan, dasar: Any, bahasa: Bahasa) -> None:
    """The value widget of the item's type (text for numbers and periods: the register checks them).

    ``dasar`` (the stored value the form was filled with) is also the widget's default: the browser
    redraws a widget whose state it dropped from its default and sends that back on the next click
    (:func:`ui.widgets.indeks_pilihan`), which with the built-in default (today, empty) would save a
    value nobody entered.
    """
    label, kunci = t("kl_kol_nilai", bahasa), f"kl_nilai_{butir.kode}"
    if butir.tipe == "tanggal":
        st.date_input(label, value=dasar, min_value=TANGGAL_MIN, max_value=TANGGAL_MAKS, format="DD/MM/YYYY", key=kunci)
    elif butir.tipe == "pilihan":
        nama = {p.kode: p.nama if bahasa == "id" else p.nama_en for p in butir.pilihan}
        awal = [k for k in dasar if k in nama]
        widgets.pilih_berlabel(
            st.multiselect, label, nama, default=awal, key=kunci, placeholder=t("bh_pilih_banyak", bahasa)
        )
    else:
        st.text_input(label, value=str(dasar), placeholder=t(f"kl_contoh_{butir.tipe}", bahasa), key=kunci)


def render_ubah_isian(rk: RuangKerja, kat: KatalogKelembagaan, pengguna: Pengguna, path: Path, bahasa: Bahasa) -> None:
    """The submit form: pick an item, type its value and reference, submit (status becomes diajukan)."""
    rekam = {str(r["butir"]): r for r in daftar_rekam(rk.kelembagaan)}
    st.markdown(f"**{t('kl_ubah', bahasa)}**")
    label = {k: _label_butir(r, bahasa) for k, r in rekam.items()}
    kode = widgets.pilih_berlabel(
        st.selectbox, t("kl_pilih_isian", bahasa), label, key="kl_pilih_isian"
    )  # names: language
    butir, r = kat.cari(str(kode)), rekam[str(kode)]
    if butir is None:
        return
    _siapkan(r, butir, bahasa)
    st.caption(_keadaan(r, bahasa))
    kiri, kanan = st.columns(2)
    dasar = st.session_state[f"kl_dasar_{butir.kode}"]
    with kiri:
        _widget_nilai(butir, dasar["nilai"], bahasa)
    kanan.text_input(t("kl_referensi", bahasa), value=str(dasar["referensi"]), key=f"kl_ref_{butir.kode}")
    if isinstance(r["alasan"], str) and r["status"] == "ditolak":
        st.warning(t("kl_alasan_tolak", bahasa, alasan=aman.md(r["alasan"])))
    if st.button(t("kl_simpan", bahasa), type="primary", key="kl_simpan"):
        _ajukan(rk, kat, butir, pengguna, path, bahasa)


def _ajukan(
    rk: RuangKerja, kat: KatalogKelembagaan, butir: ButirKelembagaan, pengguna: Pengguna, path: Path, bahasa: Bahasa
) -> None:
    """Submit the fields the editor changed, based on the version the form showed."""
    ss, kode = st.session_state, butir.kode
    dasar = ss[f"kl_dasar_{kode}"]
    isian = {"nilai": ss[f"kl_nilai_{kode}"], "referensi": ss[f"kl_ref_{kode}"]}
    kolom = frozenset(k for k in isian if (teks_masukan(isian[k]) if k == "referensi" else isian[k]) != (
        teks_masukan(dasar[k]) if k == "referensi" else dasar[k]))  # fmt: skip
    ubah = kl.UbahIsian(kode, isian["nilai"], str(isian["referensi"] or ""), versi=int(dasar["versi"]), kolom=kolom)
    try:
        n = kl.simpan_isian(path, pengguna, rk.kode_wilayah, [ubah], kat, hari_ini=rk.hari_ini) if kolom else 0
    except KonflikError as exc:
        ss[f"kl_konflik_{kode}"] = {"pesan": exc.teks(bahasa), "kolom": kolom}
        st.rerun()
    except (TulisError, GugusError) as exc:
        st.error(t("kl_galat_simpan", bahasa, pesan=aman.md(exc.teks(bahasa))))
        return
    ss["gt_pesan"] = t("kl_tersimpan", bahasa, n=n) if n else t("gt_tak_berubah", bahasa)
    ss[f"kl_segarkan_{kode}"] = True
    st.rerun()


# --- verification --------------------------------------------------------------------------------------


def _bisa_diputuskan(register: pd.DataFrame) -> list[dict[str, Any]]:
    """The items a verifier can decide on now: submitted or verified (a rejected one waits for a resubmission)."""
    return [r for r in daftar_rekam(register) if r["status"] in {"diajukan", "diverifikasi"}]


def render_verifikasi(rk: RuangKerja, kat: KatalogKelembagaan, pengguna: Pengguna, path: Path, bahasa: Bahasa) -> None:
    """The verifier's controls: pick a submitted item, verify it or reject it with a reason."""
    st.markdown(f"**{t('kl_verifikasi', bahasa)}**")
    daftar = {str(r["butir"]): r for r in _bisa_diputuskan(rk.kelembagaan)}
    if not daftar:
        st.caption(t("kl_tak_ada_diajukan", bahasa))
        return
    label = {k: _label_butir(r, bahasa) for k, r in daftar.items()}
    kode = str(widgets.pilih_berlabel(st.selectbox, t("kl_pilih_verifikasi", bahasa), label, key="kl_pilih_verifikasi"))
    r, butir = daftar[kode], kat.cari(kode)
    if butir is None:
        return
    st.caption(_keadaan(r, bahasa))
    versi = st.session_state.setdefault(f"kl_vdasar_{kode}", int(r["versi"]))
    oleh = aman.md(r["diajukan_oleh"]) if isinstance(r["diajukan_oleh"], str) else "–"
    ref = aman.md(r["referensi"]) if isinstance(r["referensi"], str) else t("kl_perhatian_tanpa_referensi", bahasa)
    nilai = kl.teks_register(rk.kelembagaan[rk.kelembagaan["butir"] == kode], kat, rk.hari_ini, bahasa)["nilai_teks"]
    st.caption(t("kl_diajukan_oleh", bahasa, nilai=aman.md(nilai.iloc[0]), referensi=ref, oleh=oleh))
    keputusan = widgets.pilih_berlabel(
        st.radio,
        t("kl_keputusan", bahasa),
        {s: label_status(s, bahasa) for s in ("diverifikasi", "ditolak")},
        horizontal=True,
        key=f"kl_keputusan_{kode}",
    )
    st.text_area(t("kl_alasan", bahasa), key=f"kl_alasan_{kode}", height=80)
    if st.button(t("kl_putuskan", bahasa), key="kl_putuskan"):
        alasan = st.session_state[f"kl_alasan_{kode}"]
        kep = kl.Keputusan(kode, "ditolak" if keputusan == "ditolak" else "diverifikasi", alasan, versi=int(versi))
        try:
            n = kl.putuskan(path, pengguna, rk.kode_wilayah, [kep], kat)
        except KonflikError as exc:
            st.session_state.pop(f"kl_vdasar_{kode}", None)  # show the newer value before a new decision
            st.error(t("kl_konflik_verifikasi", bahasa, pesan=aman.md(exc.teks(bahasa))))
            return
        except (TulisError, GugusError) as exc:
            st.error(t("kl_galat_simpan", bahasa, pesan=aman.md(exc.teks(bahasa))))
            return
        st.session_state.pop(f"kl_vdasar_{kode}", None)
        st.session_state["gt_pesan"] = t("kl_diputuskan", bahasa, n=n, status=label_status(kep.status, bahasa))
        st.rerun()
