"""Sections of the Gugus Tugas page: tables (pure) and small render_* functions.

The charts are built by :mod:`indicators.grafik.gugus`. No caching here: the page passes in what
ui/cache.py returned. Writes go through :mod:`indicators.gugus.simpan` with the logged-in
:class:`indicators.akun.pengguna.Pengguna`; the workspace file then has a new mtime, so the caches
keyed on it read the change on the rerun.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Literal

import pandas as pd
import streamlit as st

from indicators.akun.pengguna import Pengguna
from indicators.format import Bahasa, baca_angka, format_angka, format_tanggal, format_waktu
from indicators.grafik import gugus as grafik_gugus
from indicators.gugus import layanan, simpan as gugus_simpan, tugas
from indicators.gugus.layanan import RuangKerja
from indicators.katalog.data_dukung import JENIS_LABEL, KatalogDataDukung
from indicators.katalog.model import STATUS_LABEL as KEYAKINAN_LABEL, Katalog, Skema, katalog_bawaan
from indicators.teks import ada, t
from ui import aman, layar, tampilan, tetap, widgets
from ui.unduh import gambar

_KONFIG = {"displaylogo": False}


def label_status(status: str, bahasa: Bahasa) -> str:
    """A checklist status for display (``dalam proses`` / ``in progress``)."""
    return tugas.STATUS_LABEL[status][0 if bahasa == "id" else 1]


KOSONG = "—"
"""What an empty cell shows (a missing value, never a made-up one)."""


def _angka(nilai: object, desimal: int, bahasa: Bahasa) -> str:
    if tugas.kosong(nilai):
        return KOSONG
    return format_angka(float(nilai), desimal, bahasa)  # type: ignore[arg-type]


def _angka_kolom(nilai: Iterable[object], desimal: int, bahasa: Bahasa) -> list[str]:
    """Numbers as the reader writes them (Babel: 151,67 in Indonesian), for a table that shows text."""
    return [_angka(v, desimal, bahasa) for v in nilai]


def _tanggal(nilai: object, bahasa: Bahasa) -> str:
    """A stored date as the reader writes it (8 Agustus 2025), "—" when there is none."""
    tanggal = tugas.sebagai_tanggal(nilai)
    return KOSONG if tanggal is None else format_tanggal(tanggal, bahasa)


def _teks(nilai: object) -> str:
    """A stored text, "—" when there is none (never "None")."""
    return KOSONG if tugas.kosong(nilai) or not str(nilai).strip() else str(nilai)


def _label_kelompok(skema: Skema, kode: str, bahasa: Bahasa) -> str:
    k = skema.kelompok_dari(kode)
    return (k.nama if bahasa == "id" else k.nama_en).split(":")[0]


# --- cards -------------------------------------------------------------------------------------


def ringkasan(rk: RuangKerja) -> dict[str, float]:
    """The workspace's headline readiness numbers (see indicators.gugus_tugas.ringkasan)."""
    return tugas.ringkasan(rk.butir)


def render_kartu(rk: RuangKerja, bahasa: Bahasa) -> None:
    """Headline readiness numbers, with the points-at-stake assumption spelled out."""
    r = tetap.tetap(ringkasan, rk)
    kolom = st.columns(6)
    kolom[0].metric(
        t("gt_kartu_siap", bahasa), t("gt_kartu_siap_nilai", bahasa, selesai=r["selesai"], jumlah=r["jumlah"])
    )
    kolom[1].metric(t("gt_kartu_persen", bahasa), f"{format_angka(r['persen_siap'], 1, bahasa)} %")
    kolom[2].metric(t("gt_kartu_terlambat", bahasa), format_angka(r["terlambat"], 0, bahasa))
    kolom[3].metric(t("gt_kartu_belum", bahasa), format_angka(r["belum_ada"], 0, bahasa))
    kolom[4].metric(t("gt_kartu_poin", bahasa), format_angka(r["poin_dipertaruhkan"], 2, bahasa))
    hilang = tetap.tetap(layanan.poin_hilang_total, rk)
    teks_hilang = t("gt_tidak_diketahui", bahasa) if tugas.kosong(hilang) else format_angka(hilang, 2, bahasa)
    kolom[5].metric(t("gt_kartu_hilang", bahasa), teks_hilang)
    st.caption(t("gt_dua_poin", bahasa, acuan=layanan.label_acuan(rk.acuan, bahasa)))
    st.caption(t("gt_asumsi_poin", bahasa, hari_ini=format_tanggal(rk.hari_ini, bahasa)))
    if rk.acuan.sintetis:
        st.warning(t("gt_acuan_sintetis", bahasa), icon="⚠️")


# --- readiness charts --------------------------------------------------------------------------


def _nama_pengampu(nama: str, kunci: str, bahasa: Bahasa) -> str:
    """An OPD's name; a national agency's office (Polres, BPS …) is marked as not an OPD."""
    if kunci == "kelompok":
        return nama
    return tampilan.label_pengampu(nama, katalog_bawaan().skema["KLA24"], bahasa)


def tabel_kesiapan(
    kesiapan: pd.DataFrame,
    kunci: str,
    label: Mapping[str, str],
    bahasa: Bahasa,
    hilang: pd.DataFrame | None = None,
    acuan: str = "",
) -> pd.DataFrame:
    """The readiness table with translated headings and numbers as the reader writes them (Babel).

    With ``hilang`` (:func:`indicators.gugus.tugas.poin_hilang`), beside the checklist counts the
    score points missing per row from the reference score ``acuan`` (named in the heading);
    unknown stays "tidak diketahui".
    """
    judul = t("gt_kol_klaster", bahasa) if kunci == "kelompok" else t("gt_kol_opd", bahasa)
    tabel = pd.DataFrame(
        {
            judul: aman.netral(_nama_pengampu(label.get(str(k), str(k)), kunci, bahasa) for k in kesiapan[kunci]),
            t("gt_kol_jumlah", bahasa): _angka_kolom(kesiapan["jumlah"], 0, bahasa),
            t("gt_kol_selesai", bahasa): _angka_kolom(kesiapan["selesai"], 0, bahasa),
            t("gt_kol_proses", bahasa): _angka_kolom(kesiapan["dalam_proses"], 0, bahasa),
            t("gt_kol_belum", bahasa): _angka_kolom(kesiapan["belum_ada"], 0, bahasa),
            t("gt_kartu_terlambat", bahasa): _angka_kolom(kesiapan["terlambat"], 0, bahasa),
            t("gt_kol_persen", bahasa): _angka_kolom(kesiapan["persen_siap"], 1, bahasa),
            t("gt_kartu_poin", bahasa): _angka_kolom(kesiapan["poin_dipertaruhkan"], 2, bahasa),
            t("gt_kol_poin_prioritas", bahasa): _angka_kolom(kesiapan["poin_prioritas"], 2, bahasa),
        }
    )
    if hilang is None:
        return tabel
    data = kesiapan[[kunci]].merge(hilang, on=kunci, how="left", validate="1:1")
    tak_tahu = t("gt_tidak_diketahui", bahasa)
    # Right after the open checklist points, so the two numbers are read side by side.
    letak = list(tabel.columns).index(t("gt_kartu_poin", bahasa)) + 1
    nilai = [tak_tahu if tugas.kosong(v) else format_angka(float(v), 2, bahasa) for v in data["poin_hilang"]]
    tabel.insert(letak, t("gt_kol_poin_hilang", bahasa, acuan=acuan), nilai)
    tabel.insert(letak + 1, t("gt_kol_indikator_milik", bahasa), _angka_kolom(data["jumlah_indikator"], 0, bahasa))
    return tabel


def poin_hilang(rk: RuangKerja, kunci: Literal["kelompok", "opd"]) -> pd.DataFrame:
    """Score points missing per ``kunci`` from the workspace's reference score."""
    return tugas.poin_hilang(rk.butir, rk.acuan, kunci)


def kesiapan(rk: RuangKerja, kunci: Literal["kelompok", "opd"]) -> pd.DataFrame:
    """Readiness of the workspace's checklist per ``kunci`` (``kelompok`` or ``opd``)."""
    return tugas.kesiapan(rk.butir, kunci)


def render_kesiapan(rk: RuangKerja, skema: Skema, bahasa: Bahasa) -> None:
    """Readiness per cluster and per OPD: two charts, then the OPD table."""
    klaster = tetap.tetap(kesiapan, rk, "kelompok")
    per_opd = tetap.tetap(kesiapan, rk, "opd")
    label_klaster: dict[str, str] = {str(k.kode): _label_kelompok(skema, k.kode, bahasa) for k in skema.kelompok}
    kiri, kanan = st.columns(2)
    with kiri:
        fig = tetap.tetap(
            grafik_gugus.grafik_kesiapan, klaster, label_klaster, t("gt_kesiapan_klaster", bahasa), bahasa
        )
        layar.gambar(fig, key="gt_grafik_klaster", config=_KONFIG)
        gambar.alternatif(fig, t("gt_kesiapan_klaster", bahasa), bahasa, key="gt_grafik_klaster")
    with kanan:
        fig = tetap.tetap(grafik_gugus.grafik_kesiapan, per_opd, {}, t("gt_kesiapan_opd", bahasa), bahasa)
        layar.gambar(fig, key="gt_grafik_opd", config=_KONFIG)
        gambar.alternatif(fig, t("gt_kesiapan_opd", bahasa), bahasa, key="gt_grafik_opd")
    hilang = tetap.tetap(poin_hilang, rk, "opd")
    acuan = layanan.label_acuan(rk.acuan, bahasa)
    with st.expander(t("gt_tabel_opd", bahasa)):
        st.caption(t("gt_dua_poin", bahasa, acuan=acuan))
        st.dataframe(tetap.tetap_tabel(tabel_kesiapan, per_opd, "opd", {}, bahasa, hilang, acuan), hide_index=True)


# --- checklist ---------------------------------------------------------------------------------


def tabel_checklist(butir: pd.DataFrame, skema: Skema, bahasa: Bahasa) -> pd.DataFrame:
    """The checklist for display, in priority order (dates and points kept typed for sorting)."""
    label_ind = {i.id: f"{i.nomor:02d} {i.label.teks if bahasa == 'id' else i.nama_en}" for i in skema.indikator}
    return pd.DataFrame(
        {
            t("gt_kol_prioritas", bahasa): [
                t("gt_prioritas_ya", bahasa) if p else "" for p in butir["menutup_selisih"]
            ],
            t("profil_indikator", bahasa): [label_ind[str(i)] for i in butir["indikator"]],
            t("gt_kol_butir", bahasa): butir["nama"] if bahasa == "id" else butir["nama_en"],
            t("met_kol_jenis", bahasa): [
                JENIS_LABEL[j][0 if bahasa == "id" else 1] if isinstance(j, str) else "–" for j in butir["jenis"]
            ],
            t("gt_kol_opd", bahasa): aman.netral(butir["opd"]),
            t("profil_status", bahasa): [label_status(str(s), bahasa) for s in butir["status"]],
            t("gt_kol_tenggat", bahasa): [_tanggal(x, bahasa) for x in butir["tenggat"]],
            t("gt_kartu_terlambat", bahasa): butir["terlambat"],
            t("gt_kartu_poin", bahasa): _angka_kolom(butir["poin_dipertaruhkan"], 2, bahasa),
            t("gt_kol_referensi", bahasa): aman.netral(_teks(x) for x in butir["referensi"]),
            t("ind_catatan", bahasa): aman.netral(_teks(x) for x in butir["catatan"]),
            # A custom item (butir tambahan) is the region's own, not a catalogue entry with a source.
            t("gt_kol_keyakinan", bahasa): [
                KEYAKINAN_LABEL[k][0 if bahasa == "id" else 1] if isinstance(k, str) else t("kl_butir_tambahan", bahasa)
                for k in butir["keyakinan"]
            ],
        }
    )


def daftar_opd(rk: RuangKerja) -> list[str]:
    """The OPD named in the workspace's checklist, sorted."""
    return sorted({str(o) for o in rk.butir["opd"]})


def tabel_checklist_opd(rk: RuangKerja, opd: str | None, skema: Skema, bahasa: Bahasa) -> pd.DataFrame:
    """The checklist table of one OPD (None: every OPD)."""
    data = rk.butir if opd is None else rk.butir[rk.butir["opd"] == opd]
    return tabel_checklist(data, skema, bahasa)


def render_checklist(rk: RuangKerja, skema: Skema, bahasa: Bahasa) -> None:
    """The checklist table (read-only), filterable by OPD."""
    st.subheader(t("gt_checklist", bahasa))
    semua = t("gt_semua_opd", bahasa)
    pilihan = [semua, *tetap.tetap(daftar_opd, rk)]
    opd = st.selectbox(t("gt_filter_opd", bahasa), pilihan, key="gt_filter_opd")
    st.dataframe(
        tetap.tetap_tabel(tabel_checklist_opd, rk, None if opd == semua else opd, skema, bahasa),
        hide_index=True,
    )


def _label_butir(r: Mapping[str, object], bahasa: Bahasa) -> str:
    nama = str(r["nama"] if bahasa == "id" else r["nama_en"])
    tambahan = f" ({t('kl_butir_tambahan', bahasa)})" if r.get("tambahan") else ""
    status = label_status(str(r["status"]), bahasa)
    return f"{r['indikator']} · {nama[:70]}{'…' if len(nama) > 70 else ''}{tambahan} [{status}]"


# The edit form of one item keeps, beside its widgets, the item as the form first showed it
# (``gt_dasar_<item>``: version and values). A save sends only the fields that differ from it, with
# that version, so a stale form is refused instead of writing back values it never changed.
# Each widget is also given that stored value as its own default (``value=``/``index=``): the
# browser falls back to a widget's default when it redraws one whose state it dropped, and it sends
# that back on the next click. With the widget's built-in default a save then wrote a field nobody
# touched: in 2 of 18 loaded runs "no due date" came back unticked and today's date was saved as
# the due date (the Gugus Tugas e2e test, 7 December). The session state still sets the value.
_KOLOM = ("status", "opd", "tenggat", "catatan", "referensi")


def _kunci(akhiran: str) -> dict[str, str]:
    """The session keys of one item's widgets."""
    return {
        "status": f"gt_status_{akhiran}",
        "opd": f"gt_opd_{akhiran}",
        "tanpa": f"gt_tanpa_{akhiran}",
        "tenggat": f"gt_tenggat_{akhiran}",
        "referensi": f"gt_ref_{akhiran}",
        "catatan": f"gt_cat_{akhiran}",
    }


def _dasar(r: Mapping[str, object]) -> dict[str, object]:
    """The stored item as the form shows it: version, status, owner, due date, note, reference."""
    return {
        "versi": int(r["versi"]),  # type: ignore[call-overload]
        "status": str(r["status"]),
        "opd": str(r["opd"]),
        "tenggat": r["tenggat"] if isinstance(r["tenggat"], dt.date) else None,
        "catatan": str(r["catatan"] or ""),
        "referensi": str(r["referensi"] or ""),
    }


def _isi_widget(kunci: Mapping[str, str], dasar: Mapping[str, object], kolom: Sequence[str], hari_ini: dt.date) -> None:
    """Put ``dasar``'s values of ``kolom`` into the widgets' session state (before they are drawn)."""
    for k in kolom:
        if k == "tenggat":
            st.session_state[kunci["tanpa"]] = dasar["tenggat"] is None
            st.session_state[kunci["tenggat"]] = dasar["tenggat"] or hari_ini
        else:
            st.session_state[kunci[k]] = dasar[k]


def _siapkan_form(r: Mapping[str, object], akhiran: str, hari_ini: dt.date, bahasa: Bahasa) -> None:
    """Fill the item's widgets before they are drawn: fresh, after a save, or after a refused save.

    After a refused save (another editor changed the item), the fields this editor did not touch
    take the newer values, the touched ones keep the input, and the form moves to the new version.
    """
    kunci, kunci_dasar = _kunci(akhiran), f"gt_dasar_{akhiran}"
    segar = st.session_state.pop(f"gt_segarkan_{akhiran}", False)
    konflik = st.session_state.pop(f"gt_konflik_{akhiran}", None)
    if segar or kunci["status"] not in st.session_state or kunci_dasar not in st.session_state:
        st.session_state[kunci_dasar] = _dasar(r)
        _isi_widget(kunci, st.session_state[kunci_dasar], _KOLOM, hari_ini)
    elif konflik is not None:
        st.session_state[kunci_dasar] = _dasar(r)
        tak_disentuh = [k for k in _KOLOM if k not in konflik["kolom"]]
        _isi_widget(kunci, st.session_state[kunci_dasar], tak_disentuh, hari_ini)
        st.error(t("gt_konflik_isian", bahasa, pesan=aman.md(konflik["pesan"]), versi=r["versi"]))


def _nilai_form(kunci: Mapping[str, str], bahasa: Bahasa) -> tuple[dict[str, object], list[str]]:
    """The form's values with text cleaned of control characters, and a note per text field cleaned."""
    ss = st.session_state
    nilai: dict[str, object] = {"status": str(ss[kunci["status"]]), "opd": str(ss[kunci["opd"]])}
    tenggat = ss[kunci["tenggat"]]
    nilai["tenggat"] = None if ss[kunci["tanpa"]] or not isinstance(tenggat, dt.date) else tenggat
    catatan: list[str] = []
    for k, label in (("catatan", "ind_catatan"), ("referensi", "gt_kol_referensi")):
        nilai[k], dihapus = tugas.normalkan_teks(str(ss[kunci[k]] or ""))
        if dihapus:
            catatan.append(t("gt_kendali_dihapus", bahasa, n=dihapus, kolom=t(label, bahasa)))
    return nilai, catatan


def _berubah(nilai: Mapping[str, object], dasar: Mapping[str, object]) -> frozenset[str]:
    """The fields the editor changed from what the form first showed (text compared as stored)."""
    teks = {"catatan", "referensi"}
    return frozenset(
        k
        for k in _KOLOM
        if (tugas.teks_masukan(nilai[k]) != tugas.teks_masukan(dasar[k]) if k in teks else nilai[k] != dasar[k])
    )


_PEMILIH = "gt_pilih_butir"


def render_ubah_butir(rk: RuangKerja, pengguna: Pengguna, path: Path, dd: KatalogDataDukung, bahasa: Bahasa) -> None:
    """Per-item controls for an editor in scope: status, owner, due date, note, reference."""
    st.subheader(t("gt_ubah", bahasa))
    rekam = tugas.daftar_rekam(rk.butir)
    daftar = [f"{r['indikator']}/{r['butir']}" for r in rekam]
    label = {k: _label_butir(r, bahasa) for k, r in zip(daftar, rekam, strict=True)}
    # The label carries the saved status, and the language.
    pilih = widgets.pilih_berlabel(st.selectbox, t("gt_pilih_butir", bahasa), label, key=_PEMILIH)
    r = rekam[daftar.index(pilih)]
    akhiran = pilih.replace("/", "_")
    _siapkan_form(r, akhiran, rk.hari_ini, bahasa)
    kunci = _kunci(akhiran)
    if r["diubah_oleh"] is not None and not pd.isna(r["diubah_pada"]):
        pada = pd.Timestamp(r["diubah_pada"])
        waktu = f"{format_tanggal(pada.date(), bahasa)} {pada:%H:%M}"
        st.caption(t("gt_versi_butir", bahasa, versi=r["versi"], oleh=aman.md(r["diubah_oleh"]), pada=waktu))
    dasar = st.session_state[f"gt_dasar_{akhiran}"]
    kiri, tengah, kanan = st.columns(3)
    label_s = {s: label_status(s, bahasa) for s in tugas.STATUS}
    indeks = widgets.indeks_pilihan(list(label_s), dasar["status"])
    widgets.pilih_berlabel(kiri.selectbox, t("profil_status", bahasa), label_s, index=indeks, key=kunci["status"])
    daftar_opd = list(dict.fromkeys([*rk.opd.loc[rk.opd["indikator"] == r["indikator"], "opd"], str(r["opd"])]))
    tengah.selectbox(
        t("gt_opd_pemilik", bahasa),
        daftar_opd,
        index=widgets.indeks_pilihan(daftar_opd, dasar["opd"]),
        key=kunci["opd"],
    )
    tanpa = kanan.checkbox(t("gt_tanpa_tenggat", bahasa), value=dasar["tenggat"] is None, key=kunci["tanpa"])
    kanan.date_input(
        t("gt_tenggat", bahasa),
        value=dasar["tenggat"] or rk.hari_ini,
        disabled=tanpa,
        format="DD/MM/YYYY",
        key=kunci["tenggat"],
    )
    st.text_input(t("gt_referensi", bahasa), value=str(dasar["referensi"]), key=kunci["referensi"])
    st.text_area(t("ind_catatan", bahasa), value=str(dasar["catatan"]), key=kunci["catatan"], height=100)
    if st.button(t("gt_simpan", bahasa), type="primary", key="gt_simpan"):
        _simpan_butir(rk, r, akhiran, pengguna, path, dd, bahasa)


def _simpan_butir(
    rk: RuangKerja,
    r: Mapping[str, object],
    akhiran: str,
    pengguna: Pengguna,
    path: Path,
    dd: KatalogDataDukung,
    bahasa: Bahasa,
) -> None:
    """Save the fields the editor changed, based on the version the form showed.

    A refused save (a newer change) reruns with the form moved to the new version and the input
    kept; a failed write (disk full) says what failed and keeps the form as typed for a retry.
    """
    dasar = st.session_state[f"gt_dasar_{akhiran}"]
    nilai, catatan = _nilai_form(_kunci(akhiran), bahasa)
    kolom = _berubah(nilai, dasar)
    tenggat = nilai["tenggat"]
    ubah = gugus_simpan.UbahButir(
        str(r["indikator"]),
        str(r["butir"]),
        str(nilai["status"]),
        str(nilai["opd"]),
        tenggat if isinstance(tenggat, dt.date) else None,
        str(nilai["catatan"]),
        str(nilai["referensi"]),
        versi=int(dasar["versi"]),
        kolom=kolom,
    )
    try:
        n = gugus_simpan.simpan_butir(path, pengguna, rk.kode_wilayah, [ubah], dd) if kolom else 0
    except gugus_simpan.KonflikError as exc:
        st.session_state[f"gt_konflik_{akhiran}"] = {"pesan": exc.teks(bahasa), "kolom": kolom}
        st.rerun()
    except gugus_simpan.TulisError as exc:
        st.error(t("gt_galat_simpan_isian", bahasa, pesan=aman.md(exc.teks(bahasa))))
        return
    except gugus_simpan.GugusError as exc:
        st.error(t("gt_galat_simpan", bahasa, pesan=aman.md(exc.teks(bahasa))))
        return
    pesan = t("gt_tersimpan", bahasa, n=n) if n else t("gt_tak_berubah", bahasa)
    st.session_state["gt_pesan"] = " ".join([pesan, *catatan])
    st.session_state[f"gt_segarkan_{akhiran}"] = True
    st.rerun()


# --- trajectory and snapshots --------------------------------------------------------------------


def render_lintasan(rk: RuangKerja, katalog: Katalog, bahasa: Bahasa) -> None:
    """The trajectory chart, the earlier stage drops and the assumption behind the estimate."""
    tahun_berikut = tugas.tahun_evaluasi_berikut(katalog, rk.hari_ini)
    proyeksi = tugas.proyeksi_final(rk.lintasan, rk.penurunan, katalog)
    fig = tetap.tetap(grafik_gugus.grafik_lintasan, rk, katalog, tahun_berikut, proyeksi, bahasa)
    layar.gambar(fig, key="gt_lintasan", config=_KONFIG)
    gambar.alternatif(fig, t("gt_lintasan", bahasa, tahun=tahun_berikut), bahasa, key="gt_lintasan")
    rata = rk.penurunan["penurunan"].mean() if len(rk.penurunan) else float("nan")
    st.caption(t("gt_lintasan_catatan", bahasa, rata=_angka(rata, 2, bahasa), tahun=tahun_berikut))
    if rk.lintasan.empty:
        st.info(t("gt_tanpa_snapshot", bahasa))
    if len(rk.penurunan):
        with st.expander(t("gt_penurunan", bahasa)):
            st.dataframe(tetap.tetap_tabel(tabel_penurunan, rk.penurunan, bahasa), hide_index=True)


def tabel_penurunan(penurunan: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The mandiri → final drop per cycle with numbers as the reader writes them (759,83; −76,13)."""
    return pd.DataFrame(
        {
            t("gt_kol_tahun", bahasa): [str(int(x)) for x in penurunan["tahun"]],
            t("gt_kol_mandiri", bahasa): _angka_kolom(penurunan["mandiri"], 2, bahasa),
            t("gt_kol_final", bahasa): _angka_kolom(penurunan["final"], 2, bahasa),
            t("gt_kol_perubahan", bahasa): _angka_kolom(penurunan["penurunan"], 2, bahasa),
        }
    )


def render_form_snapshot(
    rk: RuangKerja, pengguna: Pengguna, path: Path, katalog: Katalog, skema: Skema, bahasa: Bahasa
) -> None:
    """A form to record the estimated self-score per indicator at a date (prefilled).

    The scores are typed as the reader writes numbers (50,57 in Indonesian) and read with Babel;
    a number in the wrong form is refused naming the indicator, never guessed.
    """
    awal = dict(zip(rk.acuan.skor["indikator"], rk.acuan.skor["nilai"], strict=True))
    with st.expander(t("gt_snapshot", bahasa)), st.form("gt_form_snapshot"):
        st.caption(t("gt_snapshot_bantuan", bahasa))
        tanggal = st.date_input(t("gt_snapshot_tanggal", bahasa), value=rk.hari_ini, format="DD/MM/YYYY")
        kolom = st.columns(4)
        teks: dict[str, str] = {}
        for n, ind in enumerate(skema.indikator):
            maks = float(ind.nilai_maks)
            with kolom[n % 4]:
                teks[ind.id] = st.text_input(
                    f"{ind.nomor:02d} {ind.label.teks if bahasa == 'id' else ind.nama_en}",
                    value=format_angka(min(float(awal.get(ind.id, 0.0)), maks), 2, bahasa),
                    help=f"{t('gt_snapshot_maks', bahasa)}: {format_angka(maks, 2, bahasa)}",
                    key=f"gt_snap_{ind.id}",
                )
        kirim = st.form_submit_button(t("gt_snapshot_simpan", bahasa))
    if kirim and isinstance(tanggal, dt.date):
        _simpan_snapshot(rk, pengguna, path, katalog, skema, tanggal, teks, bahasa)


def _simpan_snapshot(
    rk: RuangKerja,
    pengguna: Pengguna,
    path: Path,
    katalog: Katalog,
    skema: Skema,
    tanggal: dt.date,
    teks: Mapping[str, str],
    bahasa: Bahasa,
) -> None:
    """Read the typed scores (Babel, the reader's locale) and record them; a bad number names its indicator."""
    nilai: dict[str, float] = {}
    for ind, isi in teks.items():
        try:
            nilai[ind] = baca_angka(isi, bahasa)
        except ValueError as exc:
            st.error(t("gt_snapshot_angka_salah", bahasa, indikator=ind, pesan=aman.md(str(exc))))
            return
    try:
        n = gugus_simpan.simpan_snapshot(path, pengguna, rk.kode_wilayah, tanggal, nilai, katalog, skema.kode)
    except gugus_simpan.GugusError as exc:
        st.error(t("gt_galat_simpan", bahasa, pesan=aman.md(exc.teks(bahasa))))
        return
    st.session_state["gt_pesan"] = t("gt_tersimpan", bahasa, n=n) if n else t("gt_tak_berubah", bahasa)
    st.rerun()


# --- history -------------------------------------------------------------------------------------


def _label_kunci(kunci: str, awalan: str, bahasa: Bahasa) -> str:
    """An internal name (``butir_checklist``, ``tenggat``) as its label; an unknown one readable as it is."""
    return t(f"{awalan}{kunci}", bahasa) if ada(f"{awalan}{kunci}") else kunci.replace("_", " ")


def _label_asal(asal: str, bahasa: Bahasa) -> str:
    if asal == "dasbor":
        return t("gt_asal_dasbor", bahasa)
    if asal.startswith("impor "):
        return t("gt_asal_impor", bahasa, berkas=asal.removeprefix("impor "))
    return asal


def _nilai_log(kolom: str, nilai: object, bahasa: Bahasa) -> str:
    """A logged old/new value as the reader reads it: status label, date, number (Babel), or "—" when empty."""
    if tugas.kosong(nilai) or str(nilai).strip() == "":
        return KOSONG
    teks = str(nilai)
    if kolom == "status" and teks in tugas.STATUS_LABEL:
        return label_status(teks, bahasa)
    if kolom == "tenggat":
        try:
            return format_tanggal(dt.date.fromisoformat(teks[:10]), bahasa)
        except ValueError:
            return str(aman.netral([teks])[0])
    if kolom == "nilai":
        try:
            return format_angka(float(teks), 2, bahasa)
        except ValueError:
            return str(aman.netral([teks])[0])
    return str(aman.netral([teks])[0])


def tabel_riwayat(log: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The change history for reading: times and values in the reader's locale, internal keys as labels."""
    waktu = [KOSONG if tugas.kosong(w) else format_waktu(pd.Timestamp(w).to_pydatetime(), bahasa) for w in log["waktu"]]
    return pd.DataFrame(
        {
            t("gt_kol_waktu", bahasa): waktu,
            t("gt_kol_pengguna", bahasa): aman.netral(log["pengguna"]),
            t("gt_kol_tabel", bahasa): [_label_kunci(str(x), "gt_tabel_", bahasa) for x in log["tabel"]],
            t("gt_kol_kunci", bahasa): aman.netral(log["kunci"]),
            t("gt_kol_kolom", bahasa): [_label_kunci(str(x), "gt_kolom_", bahasa) for x in log["kolom"]],
            t("gt_kol_lama", bahasa): [
                _nilai_log(str(k), v, bahasa) for k, v in zip(log["kolom"], log["nilai_lama"], strict=True)
            ],
            t("gt_kol_baru", bahasa): [
                _nilai_log(str(k), v, bahasa) for k, v in zip(log["kolom"], log["nilai_baru"], strict=True)
            ],
            t("gt_kol_asal", bahasa): [_label_asal(str(x), bahasa) for x in log["asal"]],
        }
    )


def render_riwayat(log: pd.DataFrame, bahasa: Bahasa) -> None:
    """Every recorded change of the region, newest first: who, when, what, old → new."""
    st.subheader(t("gt_riwayat", bahasa))
    if log.empty:
        st.caption(t("gt_riwayat_kosong", bahasa))
        return
    st.dataframe(tetap.tetap_tabel(tabel_riwayat, log, bahasa), hide_index=True)
