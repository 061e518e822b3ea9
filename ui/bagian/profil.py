"""Sections of the Profil Wilayah page: tables (pure), figures and small render_* functions.

The figures are built by :mod:`indicators.grafik.profil`; here they get their labels and are reused
across reruns (ui/tetap.py).

No caching here: the page passes in what ui/cache.py returned. One exception goes through
ui/cache.py itself: the what-if form reads its latest raw statistics only once it is opened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators.analisis import analitik, profil, simulasi
from indicators.analisis.profil import AsalTotal
from indicators.format import Bahasa, baca_angka, format_angka
from indicators.grafik import profil as grafik_profil
from indicators.grafik.profil import label_indikator, label_kelompok
from indicators.katalog.model import TAHAP, Indikator, Katalog, PitaPredikat, Skema
from indicators.teks import penerjemah, t
from ui import cache, layar, tampilan, tetap, widgets
from ui.unduh import gambar, tabel

JUMLAH_SIMULASI = 6
"""Indicators (largest room first) offered directly in the what-if form; the rest sit in an expander."""
_KONFIG = tampilan.KONFIG_GRAFIK  # toolbar on hover only, fewer buttons (a phone), wheel scrolls the page
_URL = ("wilayah", "tahun", "tahap")
"""Query parameters naming a profile's view in download file names (the region, cycle and stage)."""
_HIJAU, _ABU, _ORANYE, _MERAH = "#31a354", "#d9d9d9", "#e6550d", "#c0392b"


def _angka(nilai: Any, desimal: int, bahasa: Bahasa) -> str:
    return "–" if nilai is None or pd.isna(nilai) else format_angka(float(nilai), desimal, bahasa)


def _teks(bahasa: Bahasa) -> grafik_profil.Teks:
    return penerjemah(bahasa)


def label_predikat(predikat: object, bahasa: Bahasa, *, resmi: bool) -> str:
    """A predikat for display: missing official → 'Data tidak ditemukan'; none → 'Tidak berpredikat'."""
    return grafik_profil.label_predikat(predikat, _teks(bahasa), resmi=resmi)


def label_tahap(tahap: str, bahasa: Bahasa) -> str:
    """Stage name (Evaluasi mandiri, Verifikasi provinsi, Final)."""
    return t(f"tahap_{tahap}", bahasa)


def _sintetis(teks: str, bahasa: Bahasa) -> str:
    return f"{teks} ({t('profil_sintetis_pendek', bahasa)})"


# --- predikat history ------------------------------------------------------------------------------


def grafik_riwayat(riwayat: pd.DataFrame, pita: PitaPredikat, tanpa_siklus: Sequence[int], bahasa: Bahasa) -> go.Figure:
    """Timeline of official and computed predikat (see indicators.grafik_profil.grafik_riwayat)."""
    return tetap.tetap(grafik_profil.grafik_riwayat, riwayat, pita, tanpa_siklus, bahasa, _teks(bahasa))


def tabel_riwayat(riwayat: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The history as a table: official predikat with confidence beside the computed (synthetic) one."""
    return pd.DataFrame(
        {
            t("tahun", bahasa): riwayat["tahun"].astype(str),
            t("profil_skema", bahasa): riwayat["kode_skema"],
            t("predikat_resmi", bahasa): [label_predikat(p, bahasa, resmi=True) for p in riwayat["predikat_resmi"]],
            t("keyakinan", bahasa): [t(k, bahasa) if isinstance(k, str) else "–" for k in riwayat["keyakinan"]],
            _sintetis(t("profil_predikat_hitung", bahasa), bahasa): [
                label_predikat(p, bahasa, resmi=False) if ada else "–"
                for p, ada in zip(riwayat["predikat_hitung"], riwayat["ada_skor"], strict=True)
            ],
            _sintetis(t("perbandingan_total", bahasa), bahasa): [_angka(v, 2, bahasa) for v in riwayat["total"]],
            t("profil_beda", bahasa): [t("profil_beda_ya", bahasa) if b else "" for b in riwayat["beda_predikat"]],
        }
    )


def render_riwayat(
    riwayat: pd.DataFrame, pita: PitaPredikat, bahasa: Bahasa, unduh: gambar.KonteksGambar | None = None
) -> None:
    """Predikat history: the timeline chart (with PNG/SVG/PDF downloads given ``unduh``) and its table."""
    st.subheader(t("profil_riwayat", bahasa))
    tanpa = profil.tahun_tanpa_siklus(riwayat["tahun"])
    fig = grafik_riwayat(riwayat, pita, tanpa, bahasa)
    layar.gambar(fig, key="profil_riwayat", config=_KONFIG)
    if unduh is not None:
        gambar.unduh(fig, "riwayat", unduh, key="profil_riwayat", sintetis=bool(riwayat["sintetis"].any()))
    st.caption(t("profil_riwayat_catatan", bahasa))
    kotak = widgets.isi_saat_dibuka(t("profil_riwayat_tabel", bahasa), key="profil_riwayat_tabel")
    if kotak is None:
        return
    with kotak:
        tampil = tetap.tetap(tabel_riwayat, riwayat, bahasa)
        tabel.tabel_ringkas(
            tampil, "riwayat_predikat", bahasa, judul=t("profil_riwayat", bahasa),
            url=("wilayah",), ekspor=riwayat,
        )  # fmt: skip


# --- groups against maxima -------------------------------------------------------------------------


def grafik_kelompok(kelompok: pd.DataFrame, skema: Skema, bahasa: Bahasa) -> go.Figure:
    """Group bars against maxima and the province average (see indicators.grafik.profil)."""
    return tetap.tetap(grafik_profil.grafik_kelompok, kelompok, skema, bahasa, _teks(bahasa))


def render_kelompok(
    kelompok: pd.DataFrame, skema: Skema, bahasa: Bahasa, unduh: gambar.KonteksGambar | None = None
) -> None:
    """Group bars against their (assumed) maxima and the province average (downloads given ``unduh``)."""
    st.subheader(t("profil_kelompok", bahasa))
    fig = grafik_kelompok(kelompok, skema, bahasa)
    layar.gambar(fig, key="profil_kelompok", config=_KONFIG)
    if unduh is not None:
        gambar.unduh(fig, "kelompok", unduh, key="profil_kelompok", sintetis=True)
    st.caption(t("profil_maks_catatan", bahasa, skema=skema.kode))


# --- gap to the next predikat ----------------------------------------------------------------------


def grafik_ruang(ruang: pd.DataFrame, katalog: Katalog, berikut: str | None, bahasa: Bahasa) -> go.Figure:
    """Indicators with the most room left (see indicators.grafik_profil.grafik_ruang)."""
    return tetap.tetap(grafik_profil.grafik_ruang, ruang, katalog, berikut, bahasa, _teks(bahasa))


def tabel_ruang(ruang: pd.DataFrame, katalog: Katalog, bahasa: Bahasa) -> pd.DataFrame:
    """Ranked table of room per indicator (score, maximum, room, whether it is needed to close the gap)."""
    indikator = katalog.indikator()
    return pd.DataFrame(
        {
            t("profil_peringkat_ruang", bahasa): ruang["peringkat"],
            t("profil_indikator", bahasa): [label_indikator(indikator[k], bahasa) for k in ruang["indikator"]],
            _sintetis(t("profil_skor", bahasa), bahasa): [_angka(v, 2, bahasa) for v in ruang["nilai"]],
            t("profil_maks", bahasa): [_angka(v, 0, bahasa) for v in ruang["nilai_maks"]],
            t("profil_ruang", bahasa): [_angka(v, 2, bahasa) for v in ruang["ruang"]],
            t("profil_menutup_kolom", bahasa): ["✓" if m else "" for m in ruang["menutup_selisih"]],
        }
    )


def render_selisih(
    baris: Mapping[str, object],
    ruang: pd.DataFrame,
    katalog: Katalog,
    bahasa: Bahasa,
    unduh: gambar.KonteksGambar | None = None,
) -> None:
    """The gap to the next predikat and the indicators holding most of the remaining points.

    Given ``unduh``, the chart gets PNG/SVG/PDF download buttons.
    """
    st.subheader(t("profil_selisih", bahasa))
    berikut, selisih = baris["predikat_berikut"], baris["selisih_ke_predikat_berikut"]
    if berikut is None or pd.isna(selisih):  # type: ignore[call-overload]
        st.success(t("profil_puncak", bahasa))
    else:
        jumlah = int(ruang["menutup_selisih"].sum())
        kunci = "profil_selisih_teks_satu" if jumlah == 1 else "profil_selisih_teks"
        st.markdown(t(kunci, bahasa, selisih=_angka(selisih, 2, bahasa), predikat=berikut, jumlah=jumlah))
    fig = grafik_ruang(ruang, katalog, None if berikut is None else str(berikut), bahasa)
    layar.gambar(fig, key="profil_ruang", config=_KONFIG)
    if unduh is not None:
        gambar.unduh(fig, "ruang", unduh, key="profil_ruang", sintetis=True)
    kotak = widgets.isi_saat_dibuka(t("profil_ruang_tabel", bahasa), key="profil_ruang_tabel")
    if kotak is None:
        return
    with kotak:
        tampil = tetap.tetap(tabel_ruang, ruang, katalog, bahasa)
        tabel.tabel_ringkas(
            tampil,
            "ruang_indikator",
            bahasa,
            judul=t("profil_ruang_tabel", bahasa),
            url=_URL,
            ekspor=ruang,
            sintetis=bool(baris["sintetis"]),
        )


# --- stages ----------------------------------------------------------------------------------------


def tabel_kehilangan(rugi: pd.DataFrame, katalog: Katalog, bahasa: Bahasa) -> pd.DataFrame:
    """The indicators that lost most at verification: score per stage and the change."""
    indikator = katalog.indikator()
    kolom: dict[str, object] = {
        t("profil_indikator", bahasa): [label_indikator(indikator[k], bahasa) for k in rugi["indikator"]]
    }
    for tahap in TAHAP:
        if tahap in rugi:
            kolom[label_tahap(tahap, bahasa)] = [_angka(v, 2, bahasa) for v in rugi[tahap]]
    kolom[t("profil_berubah_verifikasi", bahasa)] = [_angka(v, 2, bahasa) for v in rugi["berubah_verifikasi"]]
    return pd.DataFrame(kolom)


def render_tahap(per_tahap: pd.DataFrame, skor_tahun: pd.DataFrame, katalog: Katalog, bahasa: Bahasa) -> None:
    """Totals at each stage (mandiri → provinsi → final) and the indicators that lost most at verification."""
    st.subheader(t("profil_tahap_judul", bahasa))
    st.caption(t("profil_tahap_catatan", bahasa))
    kolom = st.columns(max(len(per_tahap), 3))
    for wadah, tahap, total, predikat, ubah in zip(
        kolom[: len(per_tahap)],
        per_tahap["tahap"].tolist(),
        per_tahap["total"].tolist(),
        per_tahap["predikat_hitung"].tolist(),
        per_tahap["perubahan"].tolist(),
        strict=True,
    ):
        wadah.metric(
            label_tahap(str(tahap), bahasa),
            _angka(total, 2, bahasa),
            delta=None if pd.isna(ubah) else _angka(ubah, 2, bahasa),
            help=t("profil_predikat_hitung", bahasa) + ": " + label_predikat(predikat, bahasa, resmi=False),
        )
    rugi = tetap.tetap(profil.kehilangan_verifikasi, tetap.tetap(analitik.perubahan_tahap, skor_tahun, katalog))
    if rugi.empty:
        st.caption(t("profil_tanpa_kehilangan", bahasa))
        return
    st.markdown(t("profil_kehilangan", bahasa))
    tampil = tetap.tetap(tabel_kehilangan, rugi, katalog, bahasa)  # once per input, for the table and the files
    tabel.tabel_ringkas(
        tampil,
        "kehilangan_verifikasi",
        bahasa,
        judul=t("profil_tahap_judul", bahasa),
        url=_URL[:2],
        ekspor=rugi,
        sintetis=bool(skor_tahun["sintetis"].any()),
    )


# --- indicator status ------------------------------------------------------------------------------


def tabel_status_tampil(status: pd.DataFrame, katalog: Katalog, skema: Skema, bahasa: Bahasa) -> pd.DataFrame:
    """Every indicator of the scheme: score, maximum, % of maximum and status, headers translated."""
    indikator = katalog.indikator()
    return pd.DataFrame(
        {
            t("profil_indikator", bahasa): [label_indikator(indikator[k], bahasa) for k in status["indikator"]],
            t("profil_kelompok_kolom", bahasa): [
                label_kelompok(skema, k, bahasa, pendek=True) for k in status["kelompok"]
            ],
            _sintetis(t("profil_skor", bahasa), bahasa): [_angka(v, 2, bahasa) for v in status["nilai"]],
            t("profil_maks", bahasa): [_angka(v, 0, bahasa) for v in status["nilai_maks"]],
            t("perbandingan_persen_maks", bahasa): [_angka(v, 1, bahasa) for v in status["persen_maks"]],
            t("profil_status", bahasa): [t(f"profil_status_{s}", bahasa) for s in status["status"]],
        }
    )


def render_status(status: pd.DataFrame, katalog: Katalog, skema: Skema, bahasa: Bahasa) -> None:
    """The indicator table with status, and the status rule under it."""
    st.subheader(t("profil_tabel_indikator", bahasa))
    tampil = tetap.tetap(tabel_status_tampil, status, katalog, skema, bahasa)
    tabel.tabel_ringkas(
        tampil, "indikator", bahasa,
        judul=t("profil_tabel_indikator", bahasa), url=_URL, ekspor=status,
    )  # fmt: skip
    st.caption(t("profil_status_aturan", bahasa))


# --- what-if ---------------------------------------------------------------------------------------


# The what-if inputs are text fields, not st.number_input: a number input shows and accepts only a
# decimal point (50.57), and the Indonesian reader writes 50,57. The text is read with Babel in the
# reader's locale (indicators.format.baca_angka) when the form is sent; a bad value is named.


def _input_skor(ind: Indikator, nilai: object, kunci: str, bahasa: Bahasa) -> str:
    kosong = nilai is None or pd.isna(nilai)  # type: ignore[call-overload]
    return st.text_input(
        label_indikator(ind, bahasa),
        value="" if kosong else _angka(float(nilai), 2, bahasa),  # type: ignore[arg-type]
        key=f"profil_sim_{kunci}_{ind.id}",
        placeholder=t("profil_sim_kosong", bahasa),
        help=t("profil_sim_bantuan_skor", bahasa, maks=_angka(ind.nilai_maks, 0, bahasa)),
    )


def baca_masukan(
    skor: Mapping[str, str], statistik: Mapping[str, str], katalog: Katalog, bahasa: Bahasa
) -> tuple[dict[str, float], dict[str, float], list[str]]:
    """Read the typed what-if values in the reader's locale: new scores, new statistics, problems.

    ``skor`` maps indicator id → text, ``statistik`` statistic code → text. An empty field is not
    used. Each problem names the field, the value typed and what was expected.
    """
    indikator = katalog.indikator()
    skor_baru: dict[str, float] = {}
    statistik_baru: dict[str, float] = {}
    masalah: list[str] = []
    for kode, teks in skor.items():
        if not teks.strip():
            continue
        maks = indikator[kode].nilai_maks
        try:
            nilai = baca_angka(teks, bahasa)
        except ValueError as exc:
            masalah.append(f"{label_indikator(indikator[kode], bahasa)}: {exc}")
            continue
        if not 0 <= nilai <= maks:
            masalah.append(
                t("profil_sim_di_luar", bahasa, indikator=label_indikator(indikator[kode], bahasa),
                  nilai=teks.strip(), maks=_angka(maks, 0, bahasa))
            )  # fmt: skip
            continue
        skor_baru[kode] = nilai
    for kode, teks in statistik.items():
        if teks.strip():
            try:
                statistik_baru[kode] = baca_angka(teks, bahasa)
            except ValueError as exc:
                masalah.append(f"{katalog.statistik[kode].nama_teks(bahasa)}: {exc}")
    return skor_baru, statistik_baru, masalah


def _input_statistik(
    katalog: Katalog, ind: Indikator, terakhir: Mapping[str, tuple[float, int]], kunci: str, bahasa: Bahasa
) -> str:
    assert ind.rubrik is not None
    stat = katalog.statistik[ind.rubrik.statistik]
    nama = stat.nama_teks(bahasa)
    ada = terakhir.get(stat.kode)
    bantuan = t("profil_sim_rubrik_bantuan", bahasa, indikator=label_indikator(ind, bahasa))
    if ada is not None:
        bantuan += " " + t("profil_sim_terakhir", bahasa, nilai=_angka(ada[0], 2, bahasa), tahun=ada[1])
    return st.text_input(
        f"{nama} ({stat.satuan_teks(bahasa)}) → {ind.id}",
        value="",
        key=f"profil_stat_{kunci}_{stat.kode}",
        placeholder=t("profil_sim_kosong", bahasa),
        help=bantuan,
    )


def render_simulasi(
    db: Path, skor_siklus: pd.DataFrame, ruang: pd.DataFrame, katalog: Katalog, skema: Skema, bahasa: Bahasa
) -> None:
    """The what-if form: new scores (largest room first) and raw statistics through the assumed rubrics.

    The form sits in an expander that starts closed and is built only while open (opening it reruns
    the page): its 27 inputs were a quarter of the wait after every change of region (Chromium,
    2 cores, Jawa Tengah: 569 → 429 ms median without them). The latest raw statistics it offers
    are read only then too.
    """
    st.subheader(t("profil_simulasi", bahasa))
    st.caption(t("profil_simulasi_bantuan", bahasa))
    buka = t("profil_sim_buka", bahasa)
    kotak = widgets.isi_saat_dibuka(buka, key="profil_simulasi_buka", icon=":material/calculate:")
    if kotak is None:
        return
    baris = skor_siklus.iloc[0]
    dengan_rubrik = tuple(i.rubrik.statistik for i in skema.indikator if i.rubrik)
    terakhir = cache.statistik_terakhir(db, str(baris["kode_wilayah"]), int(baris["tahun"]), dengan_rubrik)
    with kotak:
        _formulir_simulasi(skor_siklus, ruang, katalog, skema, terakhir, bahasa)


def _formulir_simulasi(
    skor_siklus: pd.DataFrame,
    ruang: pd.DataFrame,
    katalog: Katalog,
    skema: Skema,
    terakhir: Mapping[str, tuple[float, int]],
    bahasa: Bahasa,
) -> None:
    indikator = {i.id: i for i in skema.indikator}
    kini = dict(zip(skor_siklus["indikator"], skor_siklus["nilai"], strict=True))
    baris = skor_siklus.iloc[0]
    kunci = f"{baris['kode_wilayah']}_{baris['tahun']}_{baris['tahap']}"
    urut = [str(k) for k in ruang["indikator"]]
    masukan: dict[str, str] = {}
    statistik_teks: dict[str, str] = {}
    with st.form("profil_simulasi"):
        for daftar, wadah in ((urut[:JUMLAH_SIMULASI], st.container()), (urut[JUMLAH_SIMULASI:], None)):
            if wadah is None:
                wadah = st.expander(t("profil_sim_lainnya", bahasa, jumlah=len(daftar)))
            with wadah:
                kolom = st.columns(3)
                for i, kode in enumerate(daftar):
                    with kolom[i % 3]:
                        masukan[kode] = _input_skor(indikator[kode], kini.get(kode), kunci, bahasa)
        dengan_rubrik = [i for i in skema.indikator if i.rubrik is not None]
        if dengan_rubrik:
            st.markdown(t("profil_sim_statistik", bahasa))
            for wadah_stat, ind in zip(st.columns(len(dengan_rubrik)), dengan_rubrik, strict=True):
                with wadah_stat:
                    teks = _input_statistik(katalog, ind, terakhir, kunci, bahasa)
                if ind.rubrik is not None:
                    statistik_teks[ind.rubrik.statistik] = teks
        st.caption(t("profil_sim_format", bahasa, contoh=_angka(50.57, 2, bahasa)))
        kirim = st.form_submit_button(t("profil_sim_kirim", bahasa), type="primary", key="profil_sim_kirim")
    if not kirim:
        return
    skor_baru, statistik_baru, masalah = baca_masukan(masukan, statistik_teks, katalog, bahasa)
    if masalah:
        st.error(t("profil_sim_galat", bahasa, pesan="; ".join(masalah)))
        return
    try:
        hasil = profil.simulasikan_profil(skor_siklus, katalog, masukan_skor=skor_baru, statistik_baru=statistik_baru)
    except simulasi.SimulasiError as exc:
        st.error(t("profil_sim_galat", bahasa, pesan=str(exc)))
        return
    render_hasil_simulasi(hasil, skor_siklus, skor_baru, statistik_baru, katalog, skema, bahasa)


def catatan_asumsi(
    rubrik: pd.DataFrame, diketik: Sequence[str], katalog: Katalog, sintetis: bool, bahasa: Bahasa
) -> list[str]:
    """The assumption notes shown under a what-if result (bilingual, numbers in the reader's locale)."""
    indikator = katalog.indikator()
    catatan = [t("profil_asumsi_maks", bahasa)]
    if sintetis:
        catatan.append(t("profil_asumsi_sintetis", bahasa))
    for kode, stat, nilai, porsi, skor in zip(
        rubrik["indikator"], rubrik["statistik"], rubrik["nilai"], rubrik["porsi"], rubrik["skor"], strict=True
    ):
        info = katalog.statistik[str(stat)]
        catatan.append(
            t(
                "profil_asumsi_rubrik",
                bahasa,
                indikator=label_indikator(indikator[str(kode)], bahasa),
                statistik=info.nama_teks(bahasa),
                nilai=_angka(nilai, 2, bahasa),
                satuan=info.satuan_teks(bahasa),
                porsi=_angka(100 * float(porsi), 0, bahasa),
                skor=_angka(skor, 2, bahasa),
            )
        )
        if kode in diketik:
            catatan.append(t("profil_asumsi_diketik", bahasa, indikator=kode))
    return catatan


def render_hasil_simulasi(
    hasil: simulasi.HasilSimulasi,
    skor_siklus: pd.DataFrame,
    skor_baru: Mapping[str, float],
    statistik_baru: Mapping[str, float],
    katalog: Katalog,
    skema: Skema,
    bahasa: Bahasa,
) -> None:
    """New total, predikat and gap after a what-if, what changed, and the assumptions used."""
    sebelum, sesudah = hasil.sebelum, hasil.sesudah
    st.markdown(t("profil_sim_hasil", bahasa))
    kiri, tengah, kanan = st.columns(3)
    kiri.metric(
        t("profil_sim_total_baru", bahasa),
        _angka(sesudah["total"], 2, bahasa),
        delta=_angka(hasil.perubahan_total, 2, bahasa),
    )
    lama = label_predikat(sebelum["predikat_hitung"], bahasa, resmi=False)
    baru = label_predikat(sesudah["predikat_hitung"], bahasa, resmi=False)
    tengah.metric(
        t("profil_sim_predikat_baru", bahasa),
        baru,
        delta=t("profil_sim_dari", bahasa, predikat=lama) if baru != lama else None,
        delta_color="off",
        delta_arrow="off",
    )
    if sesudah["predikat_berikut"] is None or pd.isna(sesudah["selisih_ke_predikat_berikut"]):
        kanan.metric(t("profil_sim_selisih_baru", bahasa), t("profil_sim_puncak", bahasa))
    else:
        kanan.metric(
            t("profil_sim_selisih_baru", bahasa),
            t(
                "profil_sim_selisih_nilai",
                bahasa,
                selisih=_angka(sesudah["selisih_ke_predikat_berikut"], 2, bahasa),
                predikat=sesudah["predikat_berikut"],
            ),
        )
    lama_skor = dict(zip(skor_siklus["indikator"], skor_siklus["nilai"], strict=True))
    baru_skor = dict(zip(hasil.skor_baru["indikator"], hasil.skor_baru["nilai"], strict=True))
    berubah = [k for k in sorted(baru_skor) if pd.isna(lama_skor.get(k)) or abs(baru_skor[k] - lama_skor[k]) > 1e-9]
    if berubah:
        indikator = katalog.indikator()
        st.dataframe(
            pd.DataFrame(
                {
                    t("profil_indikator", bahasa): [label_indikator(indikator[k], bahasa) for k in berubah],
                    t("profil_sim_sebelum", bahasa): [_angka(lama_skor.get(k), 2, bahasa) for k in berubah],
                    t("profil_sim_sesudah", bahasa): [_angka(baru_skor[k], 2, bahasa) for k in berubah],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    rubrik = profil.catatan_rubrik(statistik_baru, katalog, skema.kode)
    diketik = list(profil.skor_berubah(skor_siklus, skor_baru))
    catatan = catatan_asumsi(rubrik, diketik, katalog, bool(skor_siklus["sintetis"].any()), bahasa)
    st.info(t("profil_asumsi_judul", bahasa) + "\n\n" + "\n".join(f"- {c}" for c in catatan))


# --- peers -----------------------------------------------------------------------------------------


def tabel_sebaya_tampil(sebaya: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The region and its neighbours: total (synthetic) and official predikat for the cycle."""
    return pd.DataFrame(
        {
            t("nama", bahasa): [
                f"{n} ({t('profil_wilayah_ini', bahasa)})" if ini else n
                for n, ini in zip(sebaya["nama"], sebaya["wilayah_ini"], strict=True)
            ],
            _sintetis(t("perbandingan_total", bahasa), bahasa): [_angka(v, 2, bahasa) for v in sebaya["total"]],
            _sintetis(t("profil_predikat_hitung", bahasa), bahasa): [
                label_predikat(p, bahasa, resmi=False) if pd.notna(v) else "–"
                for p, v in zip(sebaya["predikat_hitung"], sebaya["total"], strict=True)
            ],
            t("predikat_resmi", bahasa): [label_predikat(p, bahasa, resmi=True) for p in sebaya["predikat_resmi"]],
        }
    )


def render_tetangga(db: Path, kode: str, tahun: int, tahap: str, wilayah: pd.DataFrame, bahasa: Bahasa) -> None:
    """The neighbours' table of ``kode`` (shared border) for the cycle and stage (:func:`render_sebaya`)."""
    tetangga = analitik.kelompok_sebaya(kode, "tetangga", wilayah, cache.tetangga(db))
    nasional, nama_semua = cache.tabel_skor(db, tahun, tahap), cache.nama_wilayah(db)
    kode_sebaya = [kode, *tetangga]  # only these rows matter: hashing all 514 would cost more than the table
    skor_sebaya = nasional[nasional["kode_wilayah"].isin(kode_sebaya)]
    nama_sebaya = {k: nama_semua.get(k, k) for k in kode_sebaya}
    render_sebaya(tetap.tetap(profil.tabel_sebaya, kode, tetangga, skor_sebaya, nama_sebaya), bahasa)


def render_sebaya(sebaya: pd.DataFrame, bahasa: Bahasa) -> None:
    """A small table of the region's neighbours (shared border) for the cycle."""
    st.subheader(t("profil_sebaya", bahasa))
    if len(sebaya) <= 1:
        st.caption(t("profil_tanpa_tetangga", bahasa))
        return
    tampil = tetap.tetap(tabel_sebaya_tampil, sebaya, bahasa)
    tabel.tabel_ringkas(
        tampil, "tetangga", bahasa, judul=t("profil_sebaya", bahasa), url=_URL,
        ekspor=sebaya,
    )  # fmt: skip


# --- headline --------------------------------------------------------------------------------------


def render_kpi(baris: Mapping[str, object], keyakinan: str | None, asal: AsalTotal | None, bahasa: Bahasa) -> None:
    """Official predikat, total, computed predikat and rank in the province for the chosen cycle/stage.

    ``asal`` (final stage only): a published total is shown as real with its source; a computed
    predikat the facts leave open is labelled a synthetic estimate, never like a known one.
    """
    kolom = st.columns(4)
    resmi = label_predikat(baris["predikat_resmi"], bahasa, resmi=True)
    kolom[0].metric(
        t("peta_predikat_tahun", bahasa, tahun=baris["tahun"]),
        resmi,
        help=t("profil_kpi_keyakinan", bahasa, keyakinan=t(keyakinan, bahasa)) if keyakinan else None,
    )
    dilaporkan = asal.dilaporkan if asal is not None else None
    nyata = dilaporkan is not None and abs(float(cast(float, baris["total"])) - dilaporkan[0]) < 0.005
    if dilaporkan is not None and nyata:
        sumber = dilaporkan[2] or dilaporkan[1]
        kolom[1].metric(t("profil_total_dilaporkan", bahasa), _angka(baris["total"], 2, bahasa),
                        help=t("profil_total_dilaporkan_bantuan", bahasa, sumber=sumber))  # fmt: skip
    else:
        kolom[1].metric(_sintetis(t("perbandingan_total", bahasa), bahasa), _angka(baris["total"], 2, bahasa))
    hitung = label_predikat(baris["predikat_hitung"], bahasa, resmi=False)
    perkiraan = asal is not None and asal.status == "perkiraan"
    # Short values and labels (four cards share a row); the estimate and the rank's population are
    # said in the card's delta line and help, where they are not cut off.
    delta = t("profil_beda_ya", bahasa) if baris["beda_predikat"] else None
    if delta is None and perkiraan:
        delta = t("profil_perkiraan", bahasa)
    kolom[2].metric(
        t("profil_predikat_dari_dilaporkan", bahasa)
        if nyata
        else _sintetis(t("profil_predikat_hitung", bahasa), bahasa),
        hitung,
        delta=delta,
        delta_color="off",
        delta_arrow="off",
        help=t("profil_perkiraan_bantuan", bahasa, pita=", ".join(asal.pita_layak)) if perkiraan and asal else None,
    )
    seri = "=" if baris["seri_provinsi"] else ""
    # The rank is over the synthetic totals of the regions that have scores: both said on the card.
    jumlah = format_angka(int(cast(int, baris["jumlah_provinsi"])), bahasa=bahasa)
    peringkat = f"{baris['peringkat_provinsi']}{seri}"
    kolom[3].metric(
        _sintetis(t("profil_kpi_peringkat", bahasa), bahasa),
        t("profil_peringkat_pendek", bahasa, peringkat=peringkat, jumlah=jumlah),
        delta=t("profil_peringkat_populasi", bahasa),
        delta_color="off",
        delta_arrow="off",
        help=t("profil_peringkat_dari", bahasa, peringkat=peringkat, jumlah=jumlah),
    )
