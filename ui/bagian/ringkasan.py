"""Sections of the Ringkasan page: KPI cards, movers and the national counts (no caching here)."""

from __future__ import annotations

import io
import threading
import zipfile
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators.analisis import layanan, rekap, ringkasan
from indicators.ekspor import folder, situs
from indicators.format import Bahasa, format_angka
from indicators.grafik import predikat
from indicators.katalog.model import PitaPredikat
from indicators.teks import t
from ui import aman, gaya, tampilan, tetap, widgets
from ui.unduh import gambar, tabel

_SATU_SITUS = threading.Lock()
"""One offline-site build at a time on the server: a second would halve the first's share of the
CPU. A session that finds it taken is told to try again, never made to wait."""


def render_kpi(ringkas: pd.DataFrame, label: dict[str, str], bahasa: Bahasa) -> None:
    """One card per predikat band (official where published), the change only where computable.

    Under the cards: what the figures rest on (recap, complete or partial list) and the coverage,
    and why a change is missing when it is (a partial list in either cycle).
    """
    kartu = [
        gaya.Kartu(
            label.get(b["predikat"], b["predikat"]),
            "–" if pd.isna(b["jumlah"]) else format_angka(int(b["jumlah"]), bahasa=bahasa),
            rekap.selisih_teks(b["selisih"], b["tahun_lalu"], bahasa),
            gaya.arah_selisih(b["selisih"]),  # no change is no arrow
        )
        for b in ringkas.to_dict("records")
    ]
    st.html(gaya.html_kartu(kartu))
    for jenis, teks in rekap.keterangan_dasar(ringkas, bahasa):
        if jenis == "sebagian":
            st.warning(teks, icon=":material/info:")
        else:
            st.caption(teks)


def render_peta(
    kabkota: pd.DataFrame,
    kode_provinsi: str,
    label: dict[str, str],
    urutan_predikat: list[str],
    konteks: gambar.KonteksGambar,
    bahasa: Bahasa,
) -> None:
    """The map of official predikat; a predikat inferred rather than stated is drawn paler, in its own legend entry."""
    st.subheader(t("peta_predikat", bahasa))
    fig = tetap.tetap(
        predikat.peta_kategori,
        kabkota,
        tampilan.url_geojson(kode_provinsi),
        kolom_kategori="kategori",
        urutan=ringkasan.urutan_kategori(urutan_predikat),
        label_kategori=label,
        hover=tetap.tetap(tampilan.teks_hover, kabkota, bahasa),  # 514 texts: built once per view
        disimpulkan=("disimpulkan", t("peta_disimpulkan", bahasa)),
    )
    gambar.grafik(fig, "peta_predikat", konteks, key="peta_predikat", config=tampilan.KONFIG_PETA)


def _hover_provinsi(data: pd.DataFrame, label: dict[str, str], tahun: int, bahasa: Bahasa) -> list[str]:
    hasil = []
    for nama, status, award, jumlah in data[["nama", "status", "penghargaan", "kabkota_diketahui"]].itertuples(
        index=False
    ):
        teks = award if isinstance(award, str) else label[status]  # the award's own name where one is known
        hasil.append(f"<b>{nama}</b><br>" + t("prov_hover", bahasa, status=teks, tahun=tahun, n=jumlah))
    return hasil


def render_peta_provinsi(
    provinsi: pd.DataFrame,
    penghargaan: pd.DataFrame,
    pilihan: pd.DataFrame,
    kabkota: pd.DataFrame,
    tahun: int,
    konteks: gambar.KonteksGambar,
    bahasa: Bahasa,
) -> None:
    """Indonesia: a province map of Provila status and how many kab/kota predikat are known.

    ``pilihan`` is the chosen recap (``cache.rekap_pilihan``). A province missing from an incomplete
    Provila list is 'unknown', never 'not Provila'.
    """
    resmi = pilihan[
        (pilihan["tahun"] == tahun) & (pilihan["cakupan"] == rekap.NASIONAL) & (pilihan["predikat"] == "Provila")
    ]
    jumlah_resmi = int(resmi["jumlah"].iloc[0]) if len(resmi) else None
    data, lengkap = ringkasan.provinsi_nasional(provinsi, penghargaan, kabkota, tahun, jumlah_resmi)
    st.subheader(t("prov_judul", bahasa))
    n = int((data["status"] == "provila").sum())
    if lengkap:
        st.caption(t("prov_lengkap", bahasa, tahun=tahun, n=n))
    else:
        dari = "" if jumlah_resmi is None else t("prov_dari_resmi", bahasa, resmi=jumlah_resmi)
        st.caption(t("prov_sebagian", bahasa, tahun=tahun, n=n, dari=dari))
    label = {s: t(f"prov_{s}", bahasa) for s in ringkasan.STATUS_PROVINSI}
    hover = _hover_provinsi(data, label, tahun, bahasa)
    judul = t("prov_judul_peta", bahasa, tahun=tahun)
    fig = tetap.tetap(
        predikat.peta_kategori,
        data,
        "/app/static/geo/indonesia_provinsi.geojson",
        kolom_kategori="status",
        urutan=list(ringkasan.STATUS_PROVINSI),
        label_kategori=label,
        hover=hover,
    )
    gambar.grafik(fig, "peta_provinsi", konteks, key="peta_provinsi", config=tampilan.KONFIG_PETA, judul=judul)


def render_batang(
    ringkas: pd.DataFrame,
    kabkota: pd.DataFrame,
    label: dict[str, str],
    wilayah: str,
    konteks: gambar.KonteksGambar,
    bahasa: Bahasa,
) -> None:
    """The counts chart: official counts with the known-by-name share beside them, basis in the title."""
    st.subheader(t("jumlah_per_predikat_dasar", bahasa, dasar=t(f"dasar_{ringkas['dasar'].iloc[0]}", bahasa)))
    urutan = list(ringkas["predikat"][::-1])
    diketahui = rekap.jumlah_diketahui(kabkota, urutan)
    seri = (t("seri_resmi", bahasa), t("seri_diketahui", bahasa))
    fig = tetap.tetap(predikat.batang_resmi, ringkas, diketahui, label, judul_sumbu=t("kab_kota", bahasa), seri=seri)
    judul = rekap.judul_jumlah(ringkas, wilayah, bahasa)
    gambar.grafik(fig, "jumlah_predikat", konteks, key="batang_predikat", judul=judul)


def tab_grafik(ada_jumlah: bool, kabkota: pd.DataFrame, nasional: bool, bahasa: Bahasa) -> dict[str, str]:
    """The page's chart views (name: label), the map first.

    The histogram only where every kab/kota has a total: a partial view, like Indonesia's, would
    pass one province off as all.
    """
    tab = {"peta": t("tab_peta_kabkota", bahasa)}
    if ada_jumlah:
        tab["jumlah"] = t("tab_jumlah_predikat", bahasa)
    if kabkota["total_final"].notna().all():
        tab["sebaran"] = t("tab_sebaran_total", bahasa)
    if nasional:
        tab["provila"] = t("tab_provila", bahasa)
    return tab


def render_sebaran(
    kabkota: pd.DataFrame, pita: PitaPredikat, konteks: gambar.KonteksGambar, bahasa: Bahasa, *, sintetis: bool
) -> None:
    """The histogram of final totals, predikat bands behind it (only where every kab/kota has a total)."""
    st.subheader(t("distribusi_total", bahasa))
    judul = {"judul_x": t("total_final", bahasa), "judul_y": t("jumlah_kabkota", bahasa)}
    fig = tetap.tetap(predikat.histogram_total, kabkota, pita, bahasa, **judul)
    gambar.grafik(fig, "sebaran_total", konteks, key="sebaran_total", sintetis=sintetis)


def render_ringkas_angka(
    kabkota: pd.DataFrame, rata_lalu: float | None, provila: str | None, tahun_lalu: int | None, bahasa: Bahasa
) -> None:
    """Average synthetic total (with change) and the province's Provila status.

    The average names its population when not every kab/kota of the view has scores (the national
    view holds scores for one province only), and Indonesia has no Provila status of its own.
    """
    rata = kabkota["total_final"].mean()
    ada = int(kabkota["total_final"].notna().sum())
    delta, arah = None, None
    if rata_lalu is not None and pd.notna(rata) and tahun_lalu is not None:
        selisih = rata - rata_lalu
        delta = f"{format_angka(selisih, 1, bahasa)} {t('dibanding', bahasa, tahun=tahun_lalu)}"
        arah = gaya.arah_selisih(round(selisih, 1))  # the arrow follows the shown figure
    label = t("rata_rata_total", bahasa)
    if 0 < ada < len(kabkota):
        cakupan = t("cakupan_skor", bahasa, ada=format_angka(ada, bahasa=bahasa),
                    total=format_angka(len(kabkota), bahasa=bahasa))  # fmt: skip
        label = t("rata_rata_total_cakupan", bahasa, cakupan=cakupan)
    kartu = [gaya.Kartu(label, format_angka(rata, 1, bahasa) if pd.notna(rata) else "–", delta, arah)]
    if kabkota["kode_wilayah"].str[:2].nunique() <= 1:  # Indonesia: the Provila count is in the national recap line
        kartu.append(_kartu_provila(provila, bahasa))
    st.html(gaya.html_kartu(kartu))


def _kartu_provila(provila: str | None, bahasa: Bahasa) -> gaya.Kartu:
    if provila is None:
        return gaya.Kartu(t("provila", bahasa), t("provila_tidak_diketahui", bahasa))
    label = t("provila", bahasa)
    if "Provila" not in provila:
        return gaya.Kartu(label, provila)
    # The award's name can be long ("Penggerak Provinsi Layak Anak"): a short value, the name under it
    # unless the label already says it.
    return gaya.Kartu(label, t("ya", bahasa), keterangan=None if provila == label else provila)


def render_tabel(
    kabkota: pd.DataFrame,
    lalu: pd.DataFrame | None,
    tahun: int,
    tahun_lalu: int | None,
    urutan: list[str],
    bahasa: Bahasa,
) -> None:
    """The movers since the previous cycle and the table of every kab/kota, two views of which only the chosen is built.

    Why: in Chromium the kab/kota grid cost every change of cycle or province 25–45 ms of the
    browser's time, for 35 rows as for 514 (a grid's fixed cost), and Indonesia's movers about 20 ms
    (benchmarks/RIWAYAT.md, "Latensi" (s)). The movers come first, as before; the full table and its files are one
    click away (:func:`ui.widgets.panel_grafik`). Without a previous cycle there are no movers.
    """
    tab = {"kabkota": t("tab_tabel_kabkota", bahasa)}
    if tahun_lalu is None:
        st.caption(t("tanpa_pembanding", bahasa))
    else:
        tab = {"pergerakan": t("tab_pergerakan", bahasa), **tab}
    buka, wadah = widgets.panel_grafik(tab, key="ringkasan_tabel", label=t("panel_tabel", bahasa))
    with wadah:
        if buka == "pergerakan" and tahun_lalu is not None:
            dua = tetap.tetap(ringkasan.predikat_dua_siklus, kabkota, lalu, tahun, tahun_lalu)
            gerak = tetap.tetap(ringkasan.pergerakan_predikat, dua, tahun, tahun_lalu, urutan)
            render_pergerakan(gerak, tahun_lalu, len(kabkota), bahasa)
        else:
            render_kabkota(kabkota, bahasa)
    st.caption(t("sumber_predikat", bahasa))


def render_kabkota(kabkota: pd.DataFrame, bahasa: Bahasa) -> None:
    """Every kab/kota of the view with its predikat, confidence, basis, total and source; CSV/XLSX buttons."""
    st.subheader(t("tabel_kabkota", bahasa))
    tabel.tabel(
        tetap.tetap(tampilan.tabel_kabkota, kabkota, bahasa),
        "predikat_kabkota",
        bahasa,
        judul=t("unduh_judul_kabkota", bahasa),
        deskripsi=t("sumber_predikat", bahasa),
        ekspor=kabkota,
        column_config={t("sumber", bahasa): st.column_config.LinkColumn(display_text=tampilan.HOST_URL)},
    )


def render_pergerakan(gerak: pd.DataFrame, tahun_lalu: int, total_wilayah: int, bahasa: Bahasa) -> None:
    """Regions whose official predikat went up or down since the previous cycle.

    Only regions known in both cycles can be compared; the note above the lists says how many that
    is. Without a previous cycle there is no movers' view (:func:`render_tabel` says so instead).
    """
    st.subheader(t("pergerakan", bahasa, tahun=tahun_lalu))
    cakupan = rekap.teks_cakupan(len(gerak), total_wilayah, bahasa)
    catatan = t("pergerakan_cakupan", bahasa, tahun=tahun_lalu, cakupan=cakupan)
    arah = {a: tetap.tetap(tampilan.tabel_pergerakan, gerak, a, tahun_lalu, bahasa) for a in ("naik", "turun")}
    if not any(len(tabel_arah) for tabel_arah in arah.values()):
        st.caption(f"{catatan}  \n{t('tidak_ada_pergerakan', bahasa)}")
        return
    # The note and both lists side by side as one HTML element (each element costs the browser on every rerun).
    bagian = tuple((f"{t(judul, bahasa)} ({len(isi)})", isi, t(judul, bahasa)) for judul, isi in arah.items())
    st.html(tetap.tetap(gaya.html_berdampingan, bagian, bahasa, catatan))
    tabel.tombol_unduh(
        gerak[gerak["langkah"] != 0], "pergerakan_predikat", bahasa, judul=t("pergerakan", bahasa, tahun=tahun_lalu),
        kolom={"nama": t("nama", bahasa), "predikat_lalu": t("predikat_lalu", bahasa, tahun=tahun_lalu),
               "predikat_kini": t("predikat_resmi", bahasa)},
        fakta={"predikat_lalu": tahun_lalu, "predikat_kini": None},
    )  # fmt: skip


def render_rekap_nasional(pilihan: pd.DataFrame, tahun: int, urutan: list[str], bahasa: Bahasa) -> None:
    """The national counts reported for a cycle as one info box, bands highest first, then the total.

    ``pilihan`` is the chosen recap (``cache.rekap_pilihan``): each band has one value (the declared
    rule). Participants and Provila go on their own line in the same box (one element per rerun).
    """
    pilihan = pilihan[(pilihan["tahun"] == tahun) & (pilihan["cakupan"] == rekap.NASIONAL)].set_index("predikat")
    if pilihan.empty:
        return
    jumlah = {str(p): int(j) for p, j in zip(pilihan.index, pilihan["jumlah"], strict=True)}
    urut = [p for p in [*reversed(urutan), "Total"] if p in jumlah]
    rincian = ", ".join(f"{p} {format_angka(jumlah[p], bahasa=bahasa)}" for p in urut)
    sumber = rekap.sumber_rekap(pilihan.reset_index(), tahun, rekap.NASIONAL) or "–"
    baris = [t("nasional_dilaporkan", bahasa, tahun=tahun, rincian=rincian, sumber=sumber)]
    lain = {p: format_angka(jumlah[p], bahasa=bahasa) for p in ("Peserta", "Provila") if p in jumlah}
    if lain:
        baris.append(
            t("rekap_peserta_provila", bahasa, peserta=lain.get("Peserta", "–"), provila=lain.get("Provila", "–"))
        )
    st.info("  \n".join(baris))


# --- the offline site ----------------------------------------------------------------------------------


def render_situs(db: Path, kode_provinsi: str, nama: str, tahun: int, bahasa: Bahasa) -> None:
    """Build the offline site (``kla export site``) from the page and offer it as a ZIP.

    The bundle is written in a temporary folder that is removed once zipped; a status box shows each
    step (data, then every profile, then the ZIP). The ZIP stays in the session until it is rebuilt.
    """
    if kode_provinsi == "00":
        return  # the site is per province; the summary pack button says the same by its absence
    kunci = f"situs_{kode_provinsi}_{tahun}_{bahasa}"
    bantuan = t("ru_situs_keterangan", bahasa, provinsi=nama, tahun=tahun)
    if st.button(t("ru_situs_buat", bahasa), key=f"{kunci}_buat", icon=":material/folder_zip:", help=bantuan):
        _bangun_situs(db, kode_provinsi, tahun, bahasa, kunci)
    if kunci in st.session_state:
        nama_berkas, isi = st.session_state[kunci]
        st.download_button(
            t("ru_situs_unduh", bahasa), isi, file_name=nama_berkas, mime="application/zip", on_click="ignore",
            key=f"{kunci}_unduh", icon=":material/download:", help=bantuan,
        )  # fmt: skip


def _bangun_situs(db: Path, kode_provinsi: str, tahun: int, bahasa: Bahasa, kunci: str) -> None:
    if not _SATU_SITUS.acquire(blocking=False):
        st.info(t("ru_situs_sibuk", bahasa), icon=":material/hourglass_top:")
        return
    try:
        with st.status(t("ru_situs_status", bahasa), expanded=True) as status:
            bilah = st.progress(0.0, text=t("ru_situs_langkah_data", bahasa))

            def lapor(bagian: float, langkah: str) -> None:
                bilah.progress(min(max(bagian, 0.0), 1.0), text=aman.md(langkah))  # a region name is data

            nama_berkas, isi = situs.zip_situs(db, kode_provinsi, tahun, bahasa, kemajuan=lapor)
            halaman = sum(n.endswith(".html") for n in zipfile.ZipFile(io.BytesIO(isi)).namelist())
            ukuran = f"{format_angka(len(isi) / 1_000_000, 1, bahasa)} MB"
            status.update(
                label=t("ru_situs_selesai", bahasa, halaman=halaman, ukuran=ukuran), state="complete", expanded=False
            )
        st.session_state[kunci] = (nama_berkas, isi)
    except (layanan.PilihanError, folder.FolderTujuanError, OSError, ValueError) as exc:
        st.error(t("ru_situs_gagal", bahasa, pesan=aman.md(exc)))
    finally:
        _SATU_SITUS.release()
