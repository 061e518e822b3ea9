"""Pieces of the Data & Metodologi page: sources, vintages, scoring method and editable what-ifs.

The editable assumptions are the per-indicator maxima and the band edges, shown with their effect.

No caching here. The ``tabel_*`` functions are pure (results in, display tables out, headers
translated and numbers in the reader's locale); the ``render_*`` functions draw with Streamlit.
Edits made in the editors live only in the session and are never saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators.analisis import metodologi as met, rekap
from indicators.format import Bahasa, format_angka
from indicators.katalog.model import TAHAP, Katalog, PitaPredikat, Skema
from indicators.teks import t
from ui import aman, cache, tampilan, tetap, widgets
from ui.bagian.indikator import md, nama_kelompok
from ui.unduh import tabel

# Pixel widths of the editors' first three columns (the third is the editable one), shared by both
# editors so the editable cell sits at the same place on every screen width.
LEBAR_EDITOR = (90, 80, 150)
_TABEL = (
    "predikat_resmi",
    "statistik_indikator",
    "skor_indikator",
    "skor_dilaporkan",
    "rekap_predikat",
    "penghargaan_provinsi",
    "wilayah",
    "perlindungan_anak",
    "penduduk_anak",
)


def angka(nilai: float, bahasa: Bahasa) -> str:
    """A number in the reader's locale: no decimals for whole numbers, else two."""
    return format_angka(nilai, 0 if float(nilai).is_integer() else 2, bahasa)


def _ya(nilai: bool, bahasa: Bahasa) -> str:
    return t("ya", bahasa) if nilai else "–"


# --- sources ------------------------------------------------------------------------------------------------


terjemah_sitasi = met.terjemah_sitasi  # kept here for the page sections that call it


def tabel_sumber(sumber: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Every source with translated kind, confidence and the tables citing it."""
    dipakai = [
        ", ".join(t(f"met_tabel_{x}", bahasa) for x in str(d).split(",") if x in _TABEL)
        for d in sumber["dipakai_untuk"]
    ]
    return pd.DataFrame(
        {
            t("met_kol_jenis", bahasa): [t(f"met_jenis_{j}", bahasa) for j in sumber["jenis"]],
            # Imports add sources with user text: neutralised.
            t("met_kol_sitasi", bahasa): aman.netral(terjemah_sitasi(sumber["sitasi"], bahasa)),
            t("met_kol_url", bahasa): aman.netral(sumber["url"].fillna("")),
            t("met_kol_lisensi", bahasa): sumber["lisensi"].fillna("–"),
            t("keyakinan", bahasa): [t(k, bahasa) if isinstance(k, str) else "–" for k in sumber["keyakinan"]],
            t("met_kol_sintetis", bahasa): [_ya(bool(s), bahasa) for s in sumber["sintetis"]],
            t("met_kol_dipakai", bahasa): dipakai,
        }
    )


def render_sumber(sumber: pd.DataFrame, bahasa: Bahasa) -> None:
    """The source table: links shown by their host, columns sized so the citation reads."""
    st.dataframe(
        tabel_sumber(sumber, bahasa),
        hide_index=True,
        width="stretch",
        height=360,
        column_config={
            t("met_kol_jenis", bahasa): st.column_config.TextColumn(width=140),
            t("met_kol_sitasi", bahasa): st.column_config.TextColumn(width=380),
            t("met_kol_url", bahasa): st.column_config.LinkColumn(width=150, display_text=tampilan.HOST_URL),
            t("met_kol_lisensi", bahasa): st.column_config.TextColumn(width=130),
            t("keyakinan", bahasa): st.column_config.TextColumn(width=90),
            t("met_kol_sintetis", bahasa): st.column_config.TextColumn(width=75),
            t("met_kol_dipakai", bahasa): st.column_config.TextColumn(width=180),
        },
    )
    tabel.tombol_unduh(
        tabel_sumber(sumber, bahasa), "sumber", bahasa, judul=t("met_sumber_judul", bahasa), url=(), ekspor=sumber,
        sintetis=False,  # a list of sources: its "Sintetis" column describes each source, the rows are real
    )  # fmt: skip


def ringkas_sumber(sumber: pd.DataFrame, bahasa: Bahasa) -> str:
    """One line: how many sources of each kind and confidence."""
    jenis = sumber["jenis"].value_counts()
    keyakinan = sumber["keyakinan"].fillna("tanpa").value_counts()
    return t(
        "met_ringkas_sumber",
        bahasa,
        jumlah=len(sumber),
        jenis=", ".join(f"{t(f'met_jenis_{j}', bahasa)} {n}" for j, n in jenis.items()),
        keyakinan=", ".join(
            f"{t(k, bahasa) if k != 'tanpa' else t('met_tanpa_keyakinan', bahasa)} {keyakinan[k]}"
            for k in ("tinggi", "sedang", "rendah", "tanpa")
            if k in keyakinan
        ),
    )


def render_atribusi(atribusi: met.Atribusi, bahasa: Bahasa) -> None:
    """The boundaries' attribution line (as the data asks) and their MIT licence."""
    st.markdown(f"**{t('met_atribusi_judul', bahasa)}**")
    baris = met.atribusi_dalam(atribusi, bahasa).baris  # as the data asks; in English its translation
    st.markdown(f"> {md(baris)}")
    st.markdown(
        t("met_atribusi_lisensi", bahasa, lisensi=atribusi.lisensi, hak_cipta=md("; ".join(atribusi.hak_cipta)))
    )
    with st.expander(t("met_teks_lisensi", bahasa, lisensi=atribusi.lisensi)):
        st.code(atribusi.teks_lisensi, language=None)


# --- vintages -------------------------------------------------------------------------------------------------


def tabel_cakupan_predikat(cakupan: pd.DataFrame, nama_provinsi: Mapping[str, str], bahasa: Bahasa) -> pd.DataFrame:
    """Official predikat per province and cycle: recorded results out of the province's kab/kota.

    Jawa Tengah first (its lists are the dashboard's core), then the provinces whose kab/kota appear
    in national releases.
    """
    urut = cakupan.assign(_jateng=cakupan["kode_provinsi"] != "33").sort_values(["_jateng", "kode_provinsi", "tahun"])
    cakupan = urut.drop(columns="_jateng")
    return pd.DataFrame(
        {
            t("provinsi", bahasa): [nama_provinsi.get(k, k) for k in cakupan["kode_provinsi"]],
            t("tahun", bahasa): [str(x) for x in cakupan["tahun"]],
            t("met_kol_tercatat", bahasa): [
                f"{a} / {b}" for a, b in zip(cakupan["jumlah"], cakupan["jumlah_kabkota"], strict=True)
            ],
            t("met_kol_berpredikat", bahasa): cakupan["berpredikat"].astype(str),
            t("met_kol_tidak_ada", bahasa): cakupan["tidak_ada"].astype(str),
            t("met_kol_keyakinan_rincian", bahasa): [
                f"{a} / {b} / {c}"
                for a, b, c in zip(cakupan["tinggi"], cakupan["sedang"], cakupan["rendah"], strict=True)
            ],
            t("met_kol_lengkap", bahasa): [_ya(bool(x), bahasa) for x in cakupan["lengkap"]],
        }
    )


def tabel_konflik(konflik: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Recap counts two sources give differently: the value shown and the one set aside, both cited."""
    return pd.DataFrame(
        {
            t("tahun", bahasa): [str(x) for x in konflik["tahun"]],
            t("met_konflik_kol_cakupan", bahasa): [
                t("indonesia", bahasa) if c == rekap.NASIONAL else str(c).replace("_", " ").title()
                for c in konflik["cakupan"]
            ],
            t("met_konflik_kol_predikat", bahasa): konflik["predikat"],
            t("met_konflik_kol_dipakai", bahasa): [angka(v, bahasa) for v in konflik["jumlah"]],
            t("met_konflik_kol_sumber_dipakai", bahasa): konflik["sitasi"],
            t("met_konflik_kol_lain", bahasa): [angka(v, bahasa) for v in konflik["jumlah_lain"]],
            t("met_konflik_kol_sumber_lain", bahasa): konflik["sitasi_lain"],
        }
    )


def render_konflik(konflik: pd.DataFrame, bahasa: Bahasa) -> None:
    """Conflicting recap values, the declared rule that chose one, and both sources."""
    st.subheader(t("met_konflik_judul", bahasa))
    st.markdown(t("met_konflik_aturan", bahasa))
    tabel.tabel(tabel_konflik(konflik, bahasa), "konflik_sumber", bahasa, url=(), ekspor=konflik,
                      judul=t("met_konflik_judul", bahasa))  # fmt: skip


def tabel_cakupan_statistik(ringkas: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Raw statistics: years covered, kab/kota per year, confidence and verification."""
    return pd.DataFrame(
        {
            t("met_kol_statistik", bahasa): ringkas["nama" if bahasa == "id" else "nama_en"],
            t("met_kol_tahun", bahasa): ringkas["tahun_teks"],
            t("met_kol_kabkota", bahasa): ringkas["jumlah_kabkota"].astype(str),
            t("met_kol_provinsi_resmi", bahasa): [_ya(bool(x), bahasa) for x in ringkas["ada_provinsi"]],
            t("met_kol_keyakinan_min", bahasa): [t(k, bahasa) for k in ringkas["keyakinan"]],
            t("met_kol_status", bahasa): [
                t("met_terverifikasi", bahasa) if v else t("met_belum_terverifikasi", bahasa)
                for v in ringkas["terverifikasi"]
            ],
            t("met_kol_indikator", bahasa): ringkas["indikator"],
        }
    )


def render_cakupan_statistik(ringkas: pd.DataFrame, bahasa: Bahasa) -> None:
    """The raw-statistics vintage table, with room for the names and the years."""
    st.dataframe(
        tabel_cakupan_statistik(ringkas, bahasa),
        hide_index=True,
        width="stretch",
        height=320,
        column_config={
            t("met_kol_statistik", bahasa): st.column_config.TextColumn(width=300),
            t("met_kol_tahun", bahasa): st.column_config.TextColumn(width=190),
        },
    )
    tabel.tombol_unduh(
        tabel_cakupan_statistik(ringkas, bahasa), "cakupan_statistik", bahasa, judul=t("met_cakupan_statistik", bahasa),
        url=(), ekspor=ringkas, sumber=["statistik_indikator"],
    )  # fmt: skip


def tabel_cakupan_skor(cakupan: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Per-indicator scores per cycle: scheme, stages, regions, indicators and the synthetic flag."""
    baris = []
    for tahun, data in cakupan.groupby("tahun", sort=True):
        tahap = [x for x in TAHAP if x in set(data["tahap"])]
        baris.append(
            {
                t("tahun", bahasa): str(tahun),
                t("met_kol_skema", bahasa): str(data["kode_skema"].iloc[0]),
                t("tahap", bahasa): ", ".join(t(f"tahap_{x}", bahasa) for x in tahap),
                t("met_kol_kabkota", bahasa): str(int(data["jumlah_wilayah"].max())),
                t("met_kol_jumlah_indikator", bahasa): str(int(data["jumlah_indikator"].max())),
                t("met_kol_sintetis", bahasa): _ya(bool(data["sintetis"].all()), bahasa),
            }
        )
    return pd.DataFrame(baris)


def daftar_belum_terverifikasi(ringkas: pd.DataFrame, bahasa: Bahasa) -> list[str]:
    """Markdown bullets for every statistic with unverified rows: name, years, kab/kota, note."""
    hasil = []
    for baris in ringkas[~ringkas["terverifikasi"]].to_dict("records"):
        nama = baris["nama"] if bahasa == "id" else baris["nama_en"]
        hasil.append(
            t(
                "met_belum_terverifikasi_butir",
                bahasa,
                nama=md(str(nama)),
                kode=baris["statistik"],
                tahun=baris["tahun_teks"],
                kabkota=baris["jumlah_kabkota"],
                keyakinan=t(str(baris["keyakinan"]), bahasa),
                catatan=md(str(baris["catatan" if bahasa == "id" else "catatan_en"])),
            )
        )
    return hasil


# --- scoring method -------------------------------------------------------------------------------------------


def teks_batas(bawah: float, inklusif: bool, bahasa: Bahasa) -> str:
    """A lower edge as an inequality: '≥ 500' or '> 600'."""
    return f"{'≥' if inklusif else '>'} {angka(bawah, bahasa)}"


def tabel_pita(pita: PitaPredikat, bahasa: Bahasa) -> pd.DataFrame:
    """The predikat bands: the integer range as the sources write it and the edges for non-integer totals."""
    urut = sorted(pita.pita, key=lambda p: p.urutan, reverse=True)
    return pd.DataFrame(
        {
            t("met_kol_predikat", bahasa): [p.predikat for p in urut],
            t("met_kol_rentang_resmi", bahasa): [
                f"{angka(p.bawah if p.bawah_inklusif else p.bawah + 1, bahasa)}–{angka(p.atas, bahasa)}" for p in urut
            ],
            t("met_kol_batas_pecahan", bahasa): [
                t(
                    "met_batas_dan",
                    bahasa,
                    bawah=teks_batas(p.bawah, p.bawah_inklusif, bahasa),
                    atas=f"{'≤' if p.atas_inklusif else '<'} {angka(p.atas, bahasa)}",
                )
                for p in urut
            ],
        }
    )


def tabel_maks_kelompok(katalog: Katalog, bahasa: Bahasa) -> pd.DataFrame:
    """Each group's maximum (sum of its indicators' default maxima) per scheme, with the scheme total."""
    skema = sorted(katalog.skema.values(), key=lambda s: s.tahun_mulai, reverse=True)
    acuan = skema[0]
    data: dict[str, list[str]] = {t("met_kol_kelompok", bahasa): [nama_kelompok(k, bahasa) for k in acuan.kelompok]}
    for s in skema:
        maks = s.nilai_maks_kelompok()
        data[s.kode] = [angka(maks.get(k.kode, 0.0), bahasa) for k in acuan.kelompok]
    data[t("met_kol_kelompok", bahasa)].append(t("met_total", bahasa))
    for s in skema:
        data[s.kode].append(angka(s.nilai_total, bahasa))
    return pd.DataFrame(data)


# --- editable assumptions -----------------------------------------------------------------------------------------


def pesan(masalah: met.Masalah, bahasa: Bahasa) -> str:
    """A validation problem as a sentence in the reader's language, numbers in their locale."""
    isian = {k: angka(v, bahasa) if isinstance(v, float | int) else v for k, v in masalah.isian.items()}
    return t(f"met_{masalah.kode}", bahasa, **isian)


def editor_maks(skema: Skema, bahasa: Bahasa) -> dict[str, float | None]:
    """An editor of the scheme's maxima (defaults filled in); returns indicator → edited maximum."""
    awal = met.maks_bawaan(skema).drop(columns="kelompok").assign(maks=lambda d: d["maks_bawaan"])
    hasil = st.data_editor(
        awal,
        key=f"met_maks_{skema.kode}",
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(awal), 460),
        disabled=["indikator", "nomor", "label", "maks_bawaan"],
        column_order=["indikator", "maks_bawaan", "maks", "label"],
        column_config={
            "indikator": st.column_config.TextColumn(t("met_kol_indikator_id", bahasa), width=LEBAR_EDITOR[0]),
            "maks_bawaan": st.column_config.NumberColumn(
                t("met_kol_maks_bawaan", bahasa), format="localized", width=LEBAR_EDITOR[1]
            ),
            "maks": st.column_config.NumberColumn(
                t("met_kol_maks_baru", bahasa), step=0.01, format="localized", width=LEBAR_EDITOR[2]
            ),
            "label": st.column_config.TextColumn(t("met_kol_label", bahasa)),
        },
    )
    return {str(i): (None if pd.isna(v) else float(v)) for i, v in zip(hasil["indikator"], hasil["maks"], strict=True)}


def editor_pita(pita: PitaPredikat, bahasa: Bahasa) -> list[tuple[str, float | None]]:
    """An editor of the bands' lower edges, lowest band first; returns (predikat, edited lower edge)."""
    urut = sorted(pita.pita, key=lambda p: p.urutan)
    awal = pd.DataFrame(
        {
            "predikat": [p.predikat for p in urut],
            "aturan": [teks_batas(p.bawah, p.bawah_inklusif, bahasa) for p in urut],
            "bawah": [p.bawah for p in urut],
        }
    )
    hasil = st.data_editor(
        awal,
        key="met_pita",
        hide_index=True,
        width=sum(LEBAR_EDITOR) + 2,
        disabled=["predikat", "aturan"],
        column_config={
            "predikat": st.column_config.TextColumn(t("met_kol_predikat", bahasa), width=LEBAR_EDITOR[0]),
            "aturan": st.column_config.TextColumn(t("met_kol_aturan_bawaan", bahasa), width=LEBAR_EDITOR[1]),
            "bawah": st.column_config.NumberColumn(
                t("met_kol_bawah_baru", bahasa), step=0.01, format="localized", width=LEBAR_EDITOR[2]
            ),
        },
    )
    return [(str(p), None if pd.isna(v) else float(v)) for p, v in zip(hasil["predikat"], hasil["bawah"], strict=True)]


def teks_pita(pita: PitaPredikat, bahasa: Bahasa) -> str:
    """The bands in one line: 'Pratama ≥ 500 dan ≤ 600 · Madya > 600 dan ≤ 700 · …'."""
    return " · ".join(
        f"{p.predikat} "
        + t(
            "met_batas_dan",
            bahasa,
            bawah=teks_batas(p.bawah, p.bawah_inklusif, bahasa),
            atas=f"{'≤' if p.atas_inklusif else '<'} {angka(p.atas, bahasa)}",
        )
        for p in sorted(pita.pita, key=lambda p: p.urutan)
    )


def tabel_jumlah(jumlah: pd.DataFrame, pita: PitaPredikat, bahasa: Bahasa) -> pd.DataFrame:
    """Kab/kota per computed predikat, default against the what-if, with the difference signed."""
    return pd.DataFrame(
        {
            t("met_kol_predikat", bahasa): [
                t("tidak_ada_predikat", bahasa) if p == pita.tanpa_predikat else p for p in jumlah["predikat"]
            ],
            t("met_kol_bawaan", bahasa): jumlah["bawaan"].astype(str),
            t("met_kol_what_if", bahasa): jumlah["baru"].astype(str),
            t("met_kol_selisih", bahasa): [f"{d:+d}" if d else "0" for d in jumlah["selisih"]],
        }
    )


def tabel_berubah(what_if: pd.DataFrame, nama: Mapping[str, str], bahasa: Bahasa) -> pd.DataFrame:
    """The kab/kota whose computed predikat changes under the what-if."""
    berubah = what_if[what_if["berubah"]]
    tanpa = t("tidak_ada_predikat", bahasa)
    return pd.DataFrame(
        {
            t("wilayah", bahasa): [nama.get(k, k) for k in berubah["kode_wilayah"]],
            t("met_kol_total_bawaan", bahasa): [format_angka(v, 2, bahasa) for v in berubah["total_bawaan"]],
            t("met_kol_total_baru", bahasa): [format_angka(v, 2, bahasa) for v in berubah["total_baru"]],
            t("met_kol_predikat_berubah", bahasa): [
                f"{a or tanpa} → {b or tanpa}"
                for a, b in zip(berubah["predikat_bawaan"], berubah["predikat_baru"], strict=True)
            ],
        }
    )


def render_efek(what_if: pd.DataFrame, pita: PitaPredikat, nama: Mapping[str, str], tahun: int, bahasa: Bahasa) -> None:
    """The effect of the edits: counts per computed predikat and the kab/kota that change."""
    st.subheader(t("met_efek_judul", bahasa, tahun=tahun))
    jumlah = met.jumlah_per_predikat(what_if, pita.urutan(), pita.tanpa_predikat)
    kiri, kanan = st.columns([2, 3])
    with kiri:
        st.dataframe(tabel_jumlah(jumlah, pita, bahasa), hide_index=True, width="stretch")
        tabel.tombol_unduh(
            tabel_jumlah(jumlah, pita, bahasa), "what-if_jumlah", bahasa, judul=t("unduh_judul_whatif_jumlah", bahasa),
            deskripsi=t("met_efek_catatan", bahasa), url=("skema", "tahun"), sintetis=True,
        )  # fmt: skip
    with kanan:
        berubah = int(what_if["berubah"].sum())
        st.metric(t("met_jumlah_berubah", bahasa), berubah)
        if berubah:
            st.dataframe(tabel_berubah(what_if, nama, bahasa), hide_index=True, width="stretch")
            tabel.tombol_unduh(
                tabel_berubah(what_if, nama, bahasa), "what-if_berubah", bahasa,
                judul=t("unduh_judul_whatif_berubah", bahasa), deskripsi=t("met_efek_catatan", bahasa),
                url=("skema", "tahun"), sintetis=True,
            )  # fmt: skip
    st.caption(t("met_efek_catatan", bahasa))


@st.fragment
def render_asumsi(db: Path, katalog: Katalog, nama_kabkota: Mapping[str, str], bahasa: Bahasa) -> None:
    """The editable assumptions (maxima and band edges) and their effect on Jawa Tengah's predikat.

    A fragment: a change in its editors or selectors reruns this section only, not the five long
    tables above it. A what-if year change took 594 ms in Chromium until the page was idle as a full
    rerun and 390 ms as a fragment, 54 against 14 KB sent (README "Kinerja"). A language switch or
    a new page load reruns the whole page. ``st.stop()`` on invalid edits ends this section's run:
    it is the page's last section.
    """
    st.header(t("met_asumsi_judul", bahasa))
    st.info(t("met_asumsi_sesi", bahasa), icon="ℹ️")
    skor_semua = cache.skor_indikator(db, None, "final")
    kiri, kanan = st.columns(2)
    with kiri:
        kode_skema = widgets.pilih_dari_url(
            t("met_skema", bahasa), sorted(katalog.skema, reverse=True), param="skema", bawaan="KLA24", key="met_skema"
        )
    skema = katalog.skema[kode_skema]
    siklus = sorted(
        {s.tahun for s in katalog.siklus if s.skema == kode_skema} & set(skor_semua["tahun"].unique().tolist())
    )
    with kanan:
        tahun = widgets.pilih_tahun(bahasa, siklus, key=f"met_tahun_{kode_skema}")
    maks_kiri, pita_kanan = st.columns([3, 2])
    with maks_kiri:
        st.markdown(f"**{t('met_maks_judul', bahasa, skema=kode_skema)}**")
        maks_baru = editor_maks(skema, bahasa)
        jumlah = sum(v for v in maks_baru.values() if v is not None)
        st.caption(t("met_jumlah_maks", bahasa, jumlah=angka(jumlah, bahasa), total=angka(skema.nilai_total, bahasa)))
    with pita_kanan:
        st.markdown(f"**{t('met_pita_judul', bahasa)}**")
        batas = editor_pita(katalog.pita, bahasa)
        st.caption(t("met_pita_catatan", bahasa))
    masalah = met.validasi_maks(maks_baru, skema.nilai_total) + met.validasi_batas(batas, skema.nilai_total)
    if masalah:
        st.error("\n".join(f"- {pesan(m, bahasa)}" for m in masalah), icon=":material/error:")
        st.stop()
    pita_baru = met.pita_dengan_batas(katalog.pita, {p: float(v or 0) for p, v in batas})
    st.caption(f"{t('met_pita_dipakai', bahasa)}: {teks_pita(pita_baru, bahasa)}")
    maks_lama = {i.id: i.nilai_maks for i in skema.indikator}
    skor = skor_semua[(skor_semua["tahun"] == tahun) & skor_semua["kode_wilayah"].isin(list(nama_kabkota))]
    what_if = tetap.tetap(
        met.hitung_what_if, skor, maks_lama, {k: float(v or 0) for k, v in maks_baru.items()}, katalog.pita, pita_baru
    )
    render_efek(what_if, katalog.pita, nama_kabkota, tahun, bahasa)
