"""The evaluation pack: what a PDF report and a PPTX deck show, for one kab/kota or for a province.

This module gathers the content with the existing analytics (``layanan.tabel_skor``,
``layanan.skor_semua_siklus``, ``profil``, ``analitik``, ``skor.ruang_indikator``: nothing is scored
again here), builds the figures (``grafik``, ``grafik_profil``), renders them once through the shared
kaleido server, and returns a :class:`Paket`: a list of sections that ``paket_pdf`` typesets with
ReportLab and ``paket_pptx`` lays out as slides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from indicators.analisis import analitik, layanan, metodologi, profil, rekap, ringkasan
from indicators.analisis.skor import ruang_indikator
from indicators.ekspor import gambar as ekspor_gambar, perlindungan as ekspor_perlindungan
from indicators.ekspor.gambar import MetaGambar, slug
from indicators.ekspor.paket import bagan as data_bagan
from indicators.ekspor.paket.bagan import DataBagan
from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.grafik import predikat as grafik, profil as grafik_profil, tahap as grafik_tahap, tata
from indicators.gugus import regulasi as gugus_regulasi, simpan as gugus_simpan
from indicators.io import store
from indicators.katalog.model import TAHAP, Indikator, Katalog, Skema
from indicators.lokasi import DATA_DIR, STATIC_DIR
from indicators.teks import Penerjemah, penerjemah

Kemajuan = Callable[[float, str], None]
"""``kemajuan(bagian_selesai 0..1, apa_yang_dikerjakan)``: progress for the dashboard's bar."""

# Layout pixels of a pack figure (PNG at 2x): 1000 px across the 178 mm text width keeps chart text
# near 9 pt on paper.
LEBAR_GAMBAR = 1000
TINGGI_GAMBAR = 520
TINGGI_PETA = 760
README_BATAS = DATA_DIR / "README-batas-wilayah.md"
WARNA_SOROT = "#762a83"
"""Fill of the highlighted region on the pack's map: a purple apart from the predikat greens (colour-blind safe)."""


@dataclass(frozen=True)
class Tabel:
    """A table as text: header and rows already formatted in the reader's language."""

    kolom: list[str]
    baris: list[list[str]]
    lebar: list[float] | None = None
    """Relative column widths (summing to any positive number); equal when None."""
    judul_baris: tuple[int, ...] = ()
    """Indices of rows (in ``baris``) that head a group (e.g. a klaster): one text, shown bold across."""


@dataclass(frozen=True)
class Gambar:
    """A rendered figure (PNG bytes at 2x) with what it shows."""

    png: bytes
    lebar: int
    tinggi: int
    bagan: DataBagan | None = None
    """The numbers of a bar or line chart, drawn as a native chart in the deck (None: a picture)."""
    legenda: tuple[tuple[str, str], ...] = ()
    """(label, hex colour) per legend entry when the picture leaves its legend to the document (maps)."""


@dataclass
class Bagian:
    """One section: its own page in the PDF; a slide (or two) in the deck when ``di_slide``."""

    judul: str
    paragraf: list[str] = field(default_factory=list)
    gambar: list[Gambar] = field(default_factory=list)
    tabel: list[Tabel] = field(default_factory=list)
    sintetis: bool = False
    di_slide: bool = True
    judul_gambar: list[str] = field(default_factory=list)
    """A slide title per picture (one picture per slide); the section title when empty."""
    halaman_baru: bool = True
    """Kept for callers; the PDF flows sections and keeps each heading with what follows it."""
    tabel_slide: list[Tabel] | None = None
    """A compact table for the deck instead of ``tabel`` (e.g. indicators grouped by klaster)."""


@dataclass
class Paket:
    """Everything both documents show; ``nama_berkas`` is the file stem without extension."""

    jenis: Literal["wilayah", "provinsi"]
    judul: str
    nama: str
    subjudul: str
    bahasa: Bahasa
    kpi: list[tuple[str, str]]
    bagian: list[Bagian]
    baris_sumber: str
    sintetis: bool
    catatan_sintetis: str
    teks_halaman: str
    dibuat: str
    nama_berkas: str


class _Pelapor:
    def __init__(self, kemajuan: Kemajuan | None, langkah: int) -> None:
        self.kemajuan, self.langkah, self.i = kemajuan, langkah, 0

    def __call__(self, apa: str) -> None:
        self.i += 1
        if self.kemajuan is not None:
            self.kemajuan(min(self.i / self.langkah, 1.0), apa)


def _angka(nilai: Any, desimal: int, bahasa: Bahasa) -> str:
    return "–" if nilai is None or pd.isna(nilai) else format_angka(float(nilai), desimal, bahasa)


def _render(fig: go.Figure, meta: MetaGambar, tinggi: int = TINGGI_GAMBAR, bagan: DataBagan | None = None) -> Gambar:
    cetak = ekspor_gambar.siapkan_cetak(fig, meta, lebar=LEBAR_GAMBAR, tinggi=tinggi, kepala=False)
    png = ekspor_gambar.ke_bytes(cetak, "png", lebar=LEBAR_GAMBAR, tinggi=tinggi)
    return Gambar(png=png, lebar=LEBAR_GAMBAR, tinggi=tinggi, bagan=bagan)


def _render_peta(fig: go.Figure, meta: MetaGambar) -> Gambar:
    """A map without its plotly legend: the document draws the legend itself (large enough on a slide)."""
    legenda = []
    for jejak in fig.data:
        if not getattr(jejak, "showlegend", False) or not jejak.name:
            continue
        # A choropleth's own entry, or its stand-in (indicators.grafik.bingkai.dengan_contoh_legenda).
        skala = getattr(jejak, "colorscale", None)
        warna = str(skala[-1][1]) if skala else str(jejak.marker.color or "#cccccc")
        opasitas = jejak.marker.opacity if jejak.marker.opacity is not None else 1.0
        swatch = tata.campur_putih(warna, float(opasitas)).lstrip("#").upper() if warna.startswith("#") else "CCCCCC"
        legenda.append((str(jejak.name), swatch))
    tanpa = go.Figure(fig).update_layout(showlegend=False)
    gbr = _render(tanpa, meta, TINGGI_PETA)
    return Gambar(png=gbr.png, lebar=gbr.lebar, tinggi=gbr.tinggi, legenda=tuple(legenda))


def _wilayah(db_path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    with store.buka(db_path) as con:
        return store.kueri_con(con, "wilayah_kabkota"), store.kueri_con(con, "wilayah_semua")


GRUP_SUMBER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("predikat", ("predikat_resmi", "rekap_predikat", "penghargaan_provinsi", "skor_dilaporkan")),
    ("skor", ("skor_indikator",)),
    ("statistik", ("statistik_indikator",)),
    ("perlindungan", ("perlindungan_anak",)),
    ("wilayah", ("wilayah",)),
)
"""What a source covers, read from the tables that cite it (``dipakai_untuk``); the first match wins."""


def _grup_sumber(dipakai_untuk: object) -> str:
    tabel = set(str(dipakai_untuk).split(",")) if isinstance(dipakai_untuk, str) else set()
    return next((grup for grup, nama in GRUP_SUMBER if tabel & set(nama)), "lainnya")


def _sumber(db_path: Path, sitasi: Sequence[str], bahasa: Bahasa, teks: Callable[..., str]) -> tuple[Tabel, Tabel]:
    """Every source the pack shows, once each, grouped by what it covers (predikat, scores, statistics …).

    Returns the report's table (source, licence) and the deck's (source only), both with a heading
    row per group.
    """
    semua = metodologi.muat_sumber(db_path)
    dipakai = semua[
        semua["sitasi"].isin(set(sitasi)) | semua["sintetis"] | semua["jenis"].isin(["batas_wilayah", "kode_wilayah"])
    ].drop_duplicates(subset=["sitasi"])
    dipakai = dipakai.assign(_grup=[_grup_sumber(d) for d in dipakai["dipakai_untuk"]])
    baris: list[list[str]] = []
    judul: list[int] = []
    for grup in [*(g for g, _ in GRUP_SUMBER), "lainnya"]:
        isi = dipakai[dipakai["_grup"] == grup]
        if isi.empty:
            continue
        judul.append(len(baris))
        baris.append([teks(f"pk_grup_{grup}"), ""])
        baris += [
            [str(s), str(lis) if isinstance(lis, str) and lis else teks("lisensi_kosong")]
            for s, lis in zip(metodologi.terjemah_sitasi(isi["sitasi"], bahasa), isi["lisensi"], strict=True)
        ]
    laporan = Tabel([teks("sumber"), teks("met_kol_lisensi")], baris, [7.0, 2.2], tuple(judul))
    slide = Tabel([teks("sumber")], [[b[0]] for b in baris], None, tuple(judul))
    return laporan, slide


def _bagian_metode(db_path: Path, sitasi: Sequence[str], bahasa: Bahasa, teks: Callable[..., str]) -> Bagian:
    atribusi = metodologi.atribusi_dalam(metodologi.baca_atribusi_batas(README_BATAS), bahasa)
    paragraf = [
        teks("metode_teks"),
        f"<b>{teks('atribusi')}</b>: {atribusi.baris} ({atribusi.lisensi}). " + " ".join(atribusi.hak_cipta),
        f"<b>{teks('sumber_daftar')}</b>",
    ]
    laporan, slide = _sumber(db_path, sitasi, bahasa, teks)
    return Bagian(teks("metode"), paragraf, tabel=[laporan], sintetis=True, tabel_slide=[slide])


def _label_kategori(teks: Penerjemah) -> dict[str, str]:
    """Display names of the two map categories that are not a predikat (predikat names are proper names)."""
    return {ringkasan.TIDAK_ADA: teks("tidak_ada_predikat"), ringkasan.TIDAK_DITEMUKAN: teks("tidak_ditemukan")}


def _kabkota_peta(db_path: Path, kode_provinsi: str, tahun: int) -> pd.DataFrame:
    """The province's kab/kota of one cycle (``ringkasan_kabkota``) with their map category."""
    kabkota = store.kueri(db_path, "ringkasan_kabkota", {"kode_provinsi": kode_provinsi, "tahun": tahun})
    return ringkasan.dengan_kategori(kabkota)


def _gambar_peta(
    kabkota: pd.DataFrame, katalog: Katalog, kode_provinsi: str, teks: Penerjemah, *, legenda: bool = True
) -> go.Figure:
    """The official predikat map of the province (no hover text: the map is printed, not explored).

    ``legenda=False`` for the pack, whose document draws the legend (:func:`_render_peta`): then
    the frame keeps no room for a plotly legend under the regions.
    """
    return grafik.peta_kategori(
        kabkota,
        ekspor_gambar.lapisan_provinsi(kode_provinsi, STATIC_DIR),
        kolom_kategori="kategori",
        urutan=ringkasan.urutan_kategori(katalog.pita.urutan()),
        label_kategori=_label_kategori(teks),
        hover=[""] * len(kabkota),
        disimpulkan=("disimpulkan", teks("peta_disimpulkan")),
        tambahan=None if legenda else {"showlegend": False},
    )


def _peta_provinsi(
    db_path: Path, katalog: Katalog, kode_provinsi: str, tahun: int, teks: Penerjemah
) -> tuple[go.Figure, pd.DataFrame]:
    """The province's predikat map and the kab/kota rows it draws."""
    kabkota = _kabkota_peta(db_path, kode_provinsi, tahun)
    return _gambar_peta(kabkota, katalog, kode_provinsi, teks, legenda=False), kabkota


def _histogram_total(tabel: pd.DataFrame, katalog: Katalog, bahasa: Bahasa) -> go.Figure:
    """Histogram of the province's final totals with the predikat bands."""
    teks = penerjemah(bahasa)
    return grafik.histogram_total(
        tabel.rename(columns={"total": "total_final"}),
        katalog.pita,
        bahasa,
        judul_x=teks("total_final"),
        judul_y=teks("jumlah_kabkota"),
    )


def _nama_provinsi(db_path: Path, kode_provinsi: str) -> str:
    """The province's name, read from its kab/kota rows."""
    kabkota, _ = _wilayah(db_path)
    return str(kabkota.loc[kabkota["kode_provinsi"] == kode_provinsi, "nama_provinsi"].iloc[0])


def _tanggal(tanggal: dt.date | None) -> dt.date:
    """The date the pack says it was made: the one given (tests, reproducible packs), else today."""
    return tanggal or dt.date.today()


def _baris_sumber(nama: str, subjudul: str, sintetis: bool, bahasa: Bahasa, tanggal: dt.date) -> str:
    """The pack's source line: official predikat, plus the synthetic scores when any value shown is one."""
    teks = penerjemah(bahasa)
    sumber = (teks("sumber_pendek"), *((teks("sumber_skor"),) if sintetis else ()))
    return ekspor_gambar.baris_sumber(MetaGambar(nama, subjudul, sumber, sintetis, bahasa, tanggal))


# --- the pack of one kab/kota ---------------------------------------------------------------------


class _Berbahasa:
    """What both packs' data records give their sections: text and numbers in the pack's language."""

    bahasa: Bahasa

    @property
    def teks(self) -> Penerjemah:
        """The text function in the pack's language."""
        return penerjemah(self.bahasa)

    def angka(self, nilai: Any, desimal: int) -> str:
        """A number in the pack's language, '–' when missing."""
        return _angka(nilai, desimal, self.bahasa)


@dataclass(frozen=True, eq=False)
class _DataWilayah(_Berbahasa):
    """What the sections of a kab/kota pack read, loaded once (nothing is scored again here)."""

    db_path: Path
    katalog: Katalog
    kode_wilayah: str
    kode_provinsi: str
    nama: str
    tahun: int
    tahap: str
    bahasa: Bahasa
    skema: Skema
    tabel: pd.DataFrame
    """``tabel_skor`` of the province for the cycle and stage (the peers of the rank and groups)."""
    baris: dict[str, Any]
    """The region's row of ``tabel``."""
    skor_tahun: pd.DataFrame
    """The region's per-indicator scores of the cycle, every stage."""
    skor_siklus: pd.DataFrame
    """The same for the stage of the pack."""
    resmi: pd.DataFrame
    """The region's official predikat, every cycle."""
    riwayat: pd.DataFrame
    semua_wilayah: pd.DataFrame
    indikator: dict[str, Indikator]
    meta: MetaGambar
    """Metadata of the pack's figures (the report sets title and source as its own text)."""

    @property
    def berikut(self) -> Any:
        """The next predikat up, None at the top."""
        return self.baris["predikat_berikut"]

    @property
    def selisih(self) -> Any:
        """Points to the next predikat (NaN at the top)."""
        return self.baris["selisih_ke_predikat_berikut"]

    @property
    def di_puncak(self) -> bool:
        """Whether no predikat is left above the region's total."""
        return self.berikut is None or bool(pd.isna(self.selisih))


def _tolak_wilayah_tak_dikenal(db_path: Path, kabkota: pd.DataFrame, kode_wilayah: str, tahun: int) -> None:
    """Raise when ``kode_wilayah`` is no kab/kota; the message lists those with scores that year."""
    if kode_wilayah in set(kabkota["kode_wilayah"]):
        return
    punya = store.kueri(db_path, "ringkasan_kabkota", {"kode_provinsi": "00", "tahun": tahun})
    punya = punya[punya["jumlah_indikator"] > 0]
    daftar = ", ".join(f"{k} ({n})" for k, n in zip(punya["kode_wilayah"], punya["nama"], strict=True))
    raise layanan.PilihanError(
        f"Kab/kota '{kode_wilayah}' tidak dikenal; yang punya skor tahun {tahun}: {daftar or '(tidak ada)'} "
        f"(unknown kab/kota)"
    )


def _data_wilayah(
    db_path: Path, katalog: Katalog, kode_wilayah: str, tahun: int, tahap: str, bahasa: Bahasa, tanggal: dt.date
) -> _DataWilayah:
    """Load the region, its province's score table, its scores and its predikat history.

    Raises:
        layanan.PilihanError: unknown region, or no scores for that year or stage.
    """
    teks = penerjemah(bahasa)
    kabkota, semua_wilayah = _wilayah(db_path)
    _tolak_wilayah_tak_dikenal(db_path, kabkota, kode_wilayah, tahun)
    info = kabkota[kabkota["kode_wilayah"] == kode_wilayah].iloc[0]
    kode_provinsi, nama, nama_provinsi = str(info["kode_provinsi"]), str(info["nama"]), str(info["nama_provinsi"])
    tabel = layanan.tabel_skor(db_path, katalog, tahun=tahun, tahap=tahap, kode_provinsi=kode_provinsi)
    if kode_wilayah not in set(tabel["kode_wilayah"]):
        raise layanan.PilihanError(
            f"{nama} tidak punya skor tahun {tahun} tahap {tahap}; kab/kota yang punya: "
            f"{', '.join(tabel['nama'])} (no scores for this region)"
        )
    skema = katalog.skema_untuk_tahun(tahun)
    skor_wilayah = store.kueri(db_path, "skor_wilayah", {"kode_wilayah": kode_wilayah})
    skor_tahun = skor_wilayah[skor_wilayah["tahun"] == tahun]
    skor_siklus = skor_tahun[skor_tahun["tahap"] == tahap]
    resmi = store.kueri(db_path, "predikat_resmi", {"tahun": None})
    resmi = resmi[resmi["kode_wilayah"] == kode_wilayah]
    semua = layanan.skor_semua_siklus(db_path, katalog)
    riwayat = profil.riwayat_predikat(
        semua[semua["kode_wilayah"] == kode_wilayah], resmi, [(s.tahun, s.skema) for s in katalog.siklus]
    )
    sintetis = bool(skor_siklus["sintetis"].any())
    subjudul = f"{nama_provinsi} · " + teks("siklus_tahap", tahun=tahun, tahap=teks(f"tahap_{tahap}"), skema=skema.kode)
    return _DataWilayah(
        db_path=db_path,
        katalog=katalog,
        kode_wilayah=kode_wilayah,
        kode_provinsi=kode_provinsi,
        nama=nama,
        tahun=tahun,
        tahap=tahap,
        bahasa=bahasa,
        skema=skema,
        tabel=tabel,
        baris={str(k): v for k, v in tabel[tabel["kode_wilayah"] == kode_wilayah].iloc[0].items()},
        skor_tahun=skor_tahun,
        skor_siklus=skor_siklus,
        resmi=resmi,
        riwayat=riwayat,
        semua_wilayah=semua_wilayah,
        indikator=katalog.indikator(),
        meta=MetaGambar(nama, subjudul, (), sintetis, bahasa, tanggal),
    )


def _kpi_wilayah(d: _DataWilayah) -> list[tuple[str, str]]:
    """The cover's key figures: official and computed predikat, confidence, total, rank and gap."""
    teks, lp, baris = d.teks, grafik_profil.label_predikat, d.baris
    keyakinan = d.resmi.loc[d.resmi["tahun"] == d.tahun, "keyakinan"].dropna().tolist()
    teks_selisih = (
        teks("paket_puncak")
        if d.di_puncak
        else teks("selisih_nilai", selisih=d.angka(d.selisih, 2), predikat=d.berikut)
    )
    seri = "=" if baris["seri_provinsi"] else ""
    return [
        (teks("peta_predikat_tahun", tahun=d.tahun), lp(baris["predikat_resmi"], teks, resmi=True)),
        (teks("kpi_keyakinan"), teks(keyakinan[0]) if keyakinan else "–"),
        (teks("predikat_hitung"), lp(baris["predikat_hitung"], teks, resmi=False)),
        (teks("kpi_total"), d.angka(baris["total"], 2)),
        (
            teks("kpi_peringkat"),
            teks(
                "profil_peringkat_dari",
                peringkat=f"{baris['peringkat_provinsi']}{seri}",
                jumlah=int(baris["jumlah_provinsi"]),
            ),
        ),
        (teks("profil_selisih"), teks_selisih),
    ]


def _bagian_riwayat(d: _DataWilayah) -> Bagian:
    """Predikat history: the chart over every cycle and its table (official, computed, total)."""
    teks, lp = d.teks, grafik_profil.label_predikat
    tanpa = profil.tahun_tanpa_siklus(d.riwayat["tahun"])
    fig = grafik_profil.grafik_riwayat(d.riwayat, d.katalog.pita, tanpa, d.bahasa, teks)
    kolom = ["tahun", "profil_skema", "predikat_resmi", "keyakinan", "predikat_hitung", "kpi_total"]
    tabel = Tabel(
        [teks(k) for k in kolom],
        [
            [
                str(r["tahun"]),
                str(r["kode_skema"]),
                lp(r["predikat_resmi"], teks, resmi=True),
                teks(r["keyakinan"]) if isinstance(r["keyakinan"], str) else "–",
                lp(r["predikat_hitung"], teks, resmi=False) if r["ada_skor"] else "–",
                d.angka(r["total"], 2),
            ]
            for r in d.riwayat.to_dict("records")
        ],
    )
    resmi = {
        int(r["tahun"]): lp(r["predikat_resmi"], teks, resmi=True) if r["ada_resmi"] else teks("tidak_ditemukan")
        for r in d.riwayat.to_dict("records")
    }
    bagan = data_bagan.bagan_riwayat(d.riwayat, resmi, teks)
    return Bagian(teks("riwayat"), [teks("riwayat_teks")], [_render(fig, d.meta, 470, bagan)], [tabel], True)


def _bagian_kelompok(d: _DataWilayah) -> Bagian:
    """Group profile: each group's score against its maximum and the province average."""
    teks = d.teks
    kelompok = profil.kelompok_vs_maks(d.baris, d.skema, profil.rata_kelompok(d.tabel))
    fig = grafik_profil.grafik_kelompok(kelompok, d.skema, d.bahasa, teks)
    kolom = ["profil_kelompok_kolom", "ind_kol_skor", "profil_maks", "perbandingan_sebaya_provinsi"]
    tabel = Tabel(
        [teks(k) for k in kolom],
        [
            [grafik_profil.label_kelompok(d.skema, k, d.bahasa), d.angka(n, 2), d.angka(m, 0), d.angka(r, 2)]
            for k, n, m, r in zip(
                kelompok["kelompok"], kelompok["nilai"], kelompok["nilai_maks"], kelompok["rata_provinsi"], strict=True
            )
        ],
        [5.0, 1.5, 1.5, 1.7],
    )
    label = [grafik_profil.label_kelompok(d.skema, k, d.bahasa, pendek=True) for k in kelompok["kelompok"]]
    bagan = data_bagan.bagan_kelompok(kelompok, d.skema, label, teks)
    return Bagian(teks("paket_kelompok"), [teks("kelompok_teks")], [_render(fig, d.meta, 470, bagan)], [tabel], True)


def _bagian_selisih(d: _DataWilayah) -> Bagian:
    """Gap to the next predikat and the indicators with the most room (those that close it marked)."""
    teks = d.teks
    ruang = ruang_indikator(d.skor_siklus, d.katalog, d.skema.kode, d.selisih)
    berikut = None if d.berikut is None else str(d.berikut)
    fig = grafik_profil.grafik_ruang(ruang, d.katalog, berikut, d.bahasa, teks)
    total = d.angka(d.baris["total"], 2)
    if d.di_puncak:
        paragraf = [teks("selisih_puncak", total=total)]
    else:
        jumlah = int(ruang["menutup_selisih"].sum())
        selisih = d.angka(d.selisih, 2)
        paragraf = [teks("selisih_teks", total=total, selisih=selisih, predikat=d.berikut, jumlah=jumlah)]
    kolom = ["profil_indikator", "ind_kol_skor", "profil_maks", "profil_ruang", "profil_menutup_kolom"]
    tabel = Tabel(
        ["#", *[teks(k) for k in kolom]],
        [
            [
                str(r["peringkat"]),
                grafik_profil.label_indikator(d.indikator[r["indikator"]], d.bahasa),
                d.angka(r["nilai"], 2),
                d.angka(r["nilai_maks"], 0),
                d.angka(r["ruang"], 2),
                teks("paket_ya") if r["menutup_selisih"] else "",
            ]
            for r in ruang.head(grafik_profil.JUMLAH_RUANG).to_dict("records")
        ],
        [0.5, 5.0, 1.3, 1.3, 1.1, 1.4],
    )
    atas = ruang.head(grafik_profil.JUMLAH_RUANG)
    label = [grafik_profil.label_indikator(d.indikator[k], d.bahasa, pendek=True) for k in atas["indikator"]]
    bagan = data_bagan.bagan_ruang(atas, label, berikut, teks)
    return Bagian(teks("paket_selisih"), paragraf, [_render(fig, d.meta, 500, bagan)], [tabel], True)


def _tabel_kehilangan(d: _DataWilayah, rugi: pd.DataFrame) -> Tabel:
    """Indicators whose score fell between stages: the score at each stage and the change."""
    teks = d.teks
    tahap_ada = [x for x in TAHAP if x in rugi]
    return Tabel(
        [teks("profil_indikator"), *[teks(f"tahap_{x}") for x in tahap_ada], teks("perubahan")],
        [
            [
                grafik_profil.label_indikator(d.indikator[str(r["indikator"])], d.bahasa),
                *[d.angka(r[x], 2) for x in tahap_ada],
                d.angka(r["berubah_verifikasi"], 2),
            ]
            for _, r in rugi.iterrows()
        ],
        [5.0, *[1.3] * len(tahap_ada), 1.4],
    )


def _bagian_tahap(d: _DataWilayah) -> list[Bagian]:
    """Stage comparison: the total per stage and, when verification lost points, where (own section)."""
    teks, lp = d.teks, grafik_profil.label_predikat
    per_tahap = profil.total_per_tahap(d.skor_tahun, d.katalog)
    tabel_tahap = Tabel(
        [teks("tahap"), teks("total"), teks("profil_predikat_hitung"), teks("perubahan")],
        [
            [
                teks(f"tahap_{r['tahap']}"),
                d.angka(r["total"], 2),
                lp(r["predikat_hitung"], teks, resmi=False),
                d.angka(r["perubahan"], 2),
            ]
            for r in per_tahap.to_dict("records")
        ],
    )
    rugi = profil.kehilangan_verifikasi(analitik.perubahan_tahap(d.skor_tahun, d.katalog))
    paragraf = [] if len(per_tahap) > 1 else [teks("tahap_kosong")]
    if rugi.empty:
        paragraf.append(teks("tanpa_kehilangan"))
    fig = grafik_tahap.grafik_tahap(per_tahap, d.bahasa, teks)
    gambar = [_render(fig, d.meta, 380, data_bagan.bagan_tahap(per_tahap, teks))] if len(per_tahap) else []
    hasil = [Bagian(teks("paket_tahap"), paragraf, gambar, tabel=[tabel_tahap], sintetis=True)]
    if not rugi.empty:
        tabel_rugi = [_tabel_kehilangan(d, rugi)]
        hasil.append(Bagian(teks("kehilangan"), tabel=tabel_rugi, sintetis=True, halaman_baru=False))
    return hasil


def _bagian_tetangga(d: _DataWilayah) -> tuple[Bagian, list[str]]:
    """Neighbours: the region beside the kab/kota it borders; also returns their codes (for the sources)."""
    teks, lp = d.teks, grafik_profil.label_predikat
    tetangga = analitik.kelompok_sebaya(d.kode_wilayah, "tetangga", d.semua_wilayah, store.kueri(d.db_path, "tetangga"))
    nama_semua = dict(zip(d.semua_wilayah["kode_wilayah"], d.semua_wilayah["nama"], strict=True))
    tabel_semua = layanan.tabel_skor(d.db_path, d.katalog, tahun=d.tahun, tahap=d.tahap)
    sebaya = profil.tabel_sebaya(d.kode_wilayah, tetangga, tabel_semua, nama_semua)
    tabel = Tabel(
        [teks("nama"), teks("total"), teks("profil_predikat_hitung"), teks("predikat_resmi")],
        [
            [
                f"{r['nama']} ({teks('wilayah_ini')})" if r["wilayah_ini"] else str(r["nama"]),
                d.angka(r["total"], 2),
                lp(r["predikat_hitung"], teks, resmi=False) if pd.notna(r["total"]) else "–",
                lp(r["predikat_resmi"], teks, resmi=True),
            ]
            for r in sebaya.to_dict("records")
        ],
        [4.0, 1.6, 1.8, 1.8],
    )
    paragraf = [] if len(sebaya) > 1 else [teks("profil_tanpa_tetangga")]
    bagian = Bagian(teks("sebaya"), paragraf, tabel=[tabel], sintetis=True, halaman_baru=False)
    return bagian, tetangga


def _bagian_peta_wilayah(d: _DataWilayah) -> tuple[Bagian, pd.DataFrame]:
    """The province map with the region highlighted; also returns the kab/kota rows (for the sources)."""
    fig, kabkota = _peta_provinsi(d.db_path, d.katalog, d.kode_provinsi, d.tahun, d.teks)
    # Filled, not only outlined: a thin line is lost among 35 regions on paper and on a projector.
    grafik.sorot_wilayah(fig, d.kode_wilayah, d.teks("pk_sorot", nama=d.nama), isi=WARNA_SOROT, garis=("#000000", 2.5))
    return Bagian(d.teks("paket_peta", nama=d.nama), [], [_render_peta(fig, d.meta)], [], False), kabkota


def _bagian_indikator(d: _DataWilayah) -> Bagian:
    """Every indicator of the cycle with score, maximum, share and status (report only, too long for a slide)."""
    teks = d.teks
    status = profil.tabel_status(d.skor_siklus, d.katalog, d.skema.kode)
    kolom = ["profil_indikator", "profil_kelompok_kolom", "ind_kol_skor", "profil_maks"]
    kolom += ["perbandingan_persen_maks", "profil_status"]
    tabel = Tabel(
        [teks(k) for k in kolom],
        [
            [
                grafik_profil.label_indikator(d.indikator[r["indikator"]], d.bahasa),
                grafik_profil.label_kelompok(d.skema, r["kelompok"], d.bahasa, pendek=True),
                d.angka(r["nilai"], 2),
                d.angka(r["nilai_maks"], 0),
                d.angka(r["persen_maks"], 1),
                teks(f"profil_status_{r['status']}"),
            ]
            for r in status.to_dict("records")
        ],
        [5.2, 1.5, 1.3, 1.2, 1.1, 1.3],
    )
    paragraf = [teks("profil_status_aturan")]
    return Bagian(
        teks("paket_indikator"), paragraf, tabel=[tabel], sintetis=True, tabel_slide=[_tabel_slide_indikator(d, status)]
    )


def _tabel_slide_indikator(d: _DataWilayah, status: pd.DataFrame) -> Tabel:
    """The deck's indicator table: every indicator's score over its maximum, under a heading per klaster."""
    teks = d.teks
    baris: list[list[str]] = []
    judul: list[int] = []
    for kelompok, isi in status.groupby("kelompok", sort=False):
        judul.append(len(baris))
        baris.append([grafik_profil.label_kelompok(d.skema, str(kelompok), d.bahasa), ""])
        baris += [
            [
                grafik_profil.label_indikator(d.indikator[r["indikator"]], d.bahasa, pendek=True),
                f"{d.angka(r['nilai'], 2)} / {d.angka(r['nilai_maks'], 0)}",
            ]
            for r in isi.to_dict("records")
        ]
    kolom = [teks("profil_indikator"), teks("pk_skor_maks")]
    return Tabel(kolom, baris, [4.0, 1.6], tuple(judul))


def _bagian_regulasi(d: _DataWilayah) -> Bagian | None:
    """The region's overdue and stalled regulations on the pack's date; None without a register (unknown)."""
    path, kode = gugus_simpan.path_gugus(d.db_path), [d.kode_wilayah]
    ringkas = gugus_regulasi.ringkasan_regulasi(path, kode, d.meta.tanggal).iloc[0]
    if pd.isna(ringkas["regulasi_diamanatkan"]):
        return None
    terlambat = gugus_regulasi.butir_terlambat_regulasi(path, kode, d.meta.tanggal)
    angka = {k.removeprefix("regulasi_"): d.angka(ringkas[k], 0) for k in gugus_regulasi.KOLOM_RINGKASAN}
    tanggal = format_tanggal(d.meta.tanggal, d.bahasa)
    paragraf = [d.teks("rg_paket_teks", tanggal=tanggal, batas=gugus_regulasi.MACET_HARI, **angka)]
    akhiran, tak = ("_en" if d.bahasa == "en" else ""), d.teks("rg_tidak_diketahui")
    kolom = [d.teks("rg_kol_regulasi"), d.teks("rg_kol_opd"), d.teks("rg_paket_kol_alasan")]
    baris = [
        [r[f"label{akhiran}"], r["opd"] if isinstance(r["opd"], str) else tak, r[f"alasan{akhiran}"]]
        for r in terlambat.to_dict("records")
    ]
    tabel = [Tabel(kolom, baris, [3.4, 1.6, 4.0])] if baris else []
    return Bagian(d.teks("rg_paket_judul"), paragraf, tabel=tabel, halaman_baru=False)


def _bagian_perlindungan(d: _DataWilayah) -> list[Bagian]:
    """Perlindungan Anak of the region in the public view: by form beside the province, then its charts."""
    isi = ekspor_perlindungan.bagian_paket(
        d.db_path, d.kode_provinsi, d.kode_wilayah, d.tahun, d.bahasa, d.meta.tanggal
    )
    if isi is None:
        return []
    hasil = [Bagian(isi.judul, isi.paragraf, tabel=[Tabel(*isi.tabel)], sintetis=isi.sintetis)]
    for hal in isi.halaman:  # a page of figures each, titled
        gambar = [_render(fig, d.meta, tinggi) for _, fig, tinggi in hal]
        hasil.append(Bagian(isi.judul, gambar=gambar, sintetis=isi.sintetis, judul_gambar=[j for j, _, _ in hal]))
    return hasil


def _sitasi_wilayah(d: _DataWilayah, tetangga: Sequence[str], kabkota_peta: pd.DataFrame) -> list[str]:
    """The predikat sources of every cycle shown: the region's history, its neighbours and the map."""
    sitasi: list[str] = []
    for th in d.riwayat["tahun"]:
        rk = store.kueri(d.db_path, "ringkasan_kabkota", {"kode_provinsi": d.kode_provinsi, "tahun": int(th)})
        sitasi += rk.loc[rk["kode_wilayah"].isin([d.kode_wilayah, *tetangga]), "sumber_predikat"].dropna().tolist()
    return sitasi + kabkota_peta["sumber_predikat"].dropna().tolist()


def paket_wilayah(
    db_path: Path,
    katalog: Katalog,
    kode_wilayah: str,
    tahun: int,
    *,
    tahap: str = "final",
    bahasa: Bahasa = "id",
    kemajuan: Kemajuan | None = None,
    tanggal: dt.date | None = None,
) -> Paket:
    """The evaluation pack of one kab/kota for one cycle and stage (final by default).

    Sections in order: history, groups, gap, stages (and losses), neighbours, map, indicator
    table, method and sources.

    Raises:
        layanan.PilihanError: unknown region, or no scores for that year or stage; the message
            lists what is available.
        ekspor_gambar.ChromiumTidakAda: no Chromium to render the figures.
    """
    lapor = _Pelapor(kemajuan, 8)
    d = _data_wilayah(db_path, katalog, kode_wilayah, tahun, tahap, bahasa, _tanggal(tanggal))
    teks = d.teks
    lapor("skor")
    bagian = [_bagian_riwayat(d)]
    lapor("riwayat")
    bagian.append(_bagian_kelompok(d))
    lapor("kelompok")
    bagian.append(_bagian_selisih(d))
    lapor("selisih")
    sebaya, tetangga = _bagian_tetangga(d)
    bagian += [*_bagian_tahap(d), sebaya]
    lapor("tahap")
    peta, kabkota_peta = _bagian_peta_wilayah(d)
    bagian.append(peta)
    lapor("peta")
    bagian.append(_bagian_indikator(d))
    lapor("indikator")
    bagian += _bagian_perlindungan(d)
    if (regulasi := _bagian_regulasi(d)) is not None:
        bagian.append(regulasi)
    bagian.append(_bagian_metode(db_path, _sitasi_wilayah(d, tetangga, kabkota_peta), bahasa, teks))
    lapor("sumber")
    return Paket(
        jenis="wilayah",
        judul=teks("laporan_wilayah"),
        nama=d.nama,
        subjudul=d.meta.subjudul,
        bahasa=bahasa,
        kpi=_kpi_wilayah(d),
        bagian=bagian,
        baris_sumber=_baris_sumber(d.nama, d.meta.subjudul, d.meta.sintetis, bahasa, d.meta.tanggal),
        sintetis=d.meta.sintetis,
        catatan_sintetis=teks("catatan_sintetis"),
        teks_halaman=teks("halaman", n="{n}"),
        dibuat=teks("paket_dibuat", tanggal=format_tanggal(d.meta.tanggal, bahasa)),
        nama_berkas="_".join(["kla_paket", slug(d.nama), str(tahun), tahap, bahasa]),
    )


# --- the province pack ----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _DataProvinsi(_Berbahasa):
    """What the sections of a province pack read, loaded once (final stage)."""

    db_path: Path
    katalog: Katalog
    kode_provinsi: str
    nama: str
    tahun: int
    bahasa: Bahasa
    tabel: pd.DataFrame
    """``tabel_skor`` of the province (final stage)."""
    kabkota: pd.DataFrame
    """The kab/kota of the map (``ringkasan_kabkota`` with the map category)."""
    tahun_lalu: int | None
    """The previous cycle with data, if any."""
    lalu: pd.DataFrame | None
    """``ringkasan_kabkota`` of the previous cycle."""
    ringkas: pd.DataFrame | None
    """Counts per predikat band as every surface shows them (official recap, basis, coverage, change)."""
    meta: MetaGambar


def _data_provinsi(
    db_path: Path, katalog: Katalog, kode_provinsi: str, tahun: int, bahasa: Bahasa, tanggal: dt.date
) -> _DataProvinsi:
    """Load the province's scores, its kab/kota map rows and the previous cycle to compare with.

    Raises:
        layanan.PilihanError: no scores for that province or year.
    """
    teks = penerjemah(bahasa)
    tabel = layanan.tabel_skor(db_path, katalog, tahun=tahun, tahap="final", kode_provinsi=kode_provinsi)
    nama = _nama_provinsi(db_path, kode_provinsi)
    skema = katalog.skema_untuk_tahun(tahun)
    sintetis = bool(tabel["sintetis"].any())
    subjudul = teks("siklus_tahap", tahun=tahun, tahap=teks("tahap_final"), skema=skema.kode)
    kab = _kabkota_peta(db_path, kode_provinsi, tahun)
    semua_tahun = sorted({int(t) for t in store.kueri(db_path, "tahap_per_tahun")["tahun"]})
    tahun_lalu = ringkasan.siklus_sebelumnya(tahun, semua_tahun)
    lalu = None
    if tahun_lalu is not None:
        lalu = store.kueri(db_path, "ringkasan_kabkota", {"kode_provinsi": kode_provinsi, "tahun": tahun_lalu})
    return _DataProvinsi(
        db_path=db_path,
        katalog=katalog,
        kode_provinsi=kode_provinsi,
        nama=nama,
        tahun=tahun,
        bahasa=bahasa,
        tabel=tabel,
        kabkota=kab,
        tahun_lalu=tahun_lalu,
        lalu=lalu,
        ringkas=rekap.ringkasan_bila_ada(db_path, kode_provinsi, tahun, katalog.pita.urutan()),
        meta=MetaGambar(nama, subjudul, (), sintetis, bahasa, tanggal),
    )


def _kpi_provinsi(d: _DataProvinsi) -> list[tuple[str, str]]:
    """The cover's key figures: kab/kota, the count per predikat band as the page shows it, mean total."""
    teks = d.teks
    label = _label_kategori(teks)
    pita = [] if d.ringkas is None else d.ringkas.to_dict("records")
    return [
        (teks("jumlah_kabkota"), str(len(d.kabkota))),
        *[
            (label.get(r["predikat"], r["predikat"]), str(int(r["jumlah"])))
            for r in pita
            if pd.notna(r["jumlah"]) and r["jumlah"] > 0
        ],
        (teks("rata_total"), d.angka(d.tabel["total"].mean(), 2)),
    ]


def _bagian_peta_provinsi(d: _DataProvinsi) -> Bagian:
    """The official predikat map of the province (official data: no synthetic note)."""
    fig = _gambar_peta(d.kabkota, d.katalog, d.kode_provinsi, d.teks, legenda=False)
    return Bagian(d.teks("peta_predikat"), [], [_render_peta(fig, d.meta)], [], False)


def _bagian_distribusi(d: _DataProvinsi) -> Bagian:
    """Kab/kota per predikat (official counts, known-by-name share, basis) and the totals, one slide each."""
    teks = d.teks
    bagan_histogram = data_bagan.bagan_histogram(d.tabel["total"], d.katalog, teks)
    histogram = _render(_histogram_total(d.tabel, d.katalog, d.bahasa), d.meta, 440, bagan_histogram)
    if d.ringkas is None:
        return Bagian(
            teks("distribusi"), [], [histogram], sintetis=d.meta.sintetis, judul_gambar=[teks("paket_sebaran_total")]
        )
    batang = _gambar_jumlah(d.ringkas, d.kabkota, d.katalog, d.bahasa)
    diketahui = rekap.jumlah_diketahui(d.kabkota, d.katalog.pita.urutan())
    bagan_jumlah = data_bagan.bagan_jumlah(d.ringkas, diketahui, _label_kategori(teks), teks)
    return Bagian(
        teks("distribusi"),
        [baris for _, baris in rekap.keterangan_dasar(d.ringkas, d.bahasa)],
        [_render(batang, d.meta, 420, bagan_jumlah), histogram],
        sintetis=d.meta.sintetis,
        judul_gambar=[rekap.judul_jumlah(d.ringkas, d.nama, d.bahasa), teks("paket_sebaran_total")],
    )


def _gambar_jumlah(ringkas: pd.DataFrame, kabkota: pd.DataFrame, katalog: Katalog, bahasa: Bahasa) -> go.Figure:
    """The counts chart the Ringkasan page draws (official count, known-by-name share beside it)."""
    teks = penerjemah(bahasa)
    diketahui = rekap.jumlah_diketahui(kabkota, katalog.pita.urutan())
    seri = (teks("seri_resmi"), teks("seri_diketahui"))
    return grafik.batang_resmi(ringkas, diketahui, _label_kategori(teks), judul_sumbu=teks("kab_kota"), seri=seri)


def _bagian_peringkat(d: _DataProvinsi) -> Bagian:
    """The ranking table: every kab/kota by rank (ties marked '='), predikat and gap to the next one."""
    teks, lp = d.teks, grafik_profil.label_predikat
    urut = d.tabel.sort_values(["peringkat_provinsi", "nama"], ignore_index=True)
    baris = [
        [
            f"{r['peringkat_provinsi']}{'=' if r['seri_provinsi'] else ''}",
            str(r["nama"]),
            d.angka(r["total"], 2),
            lp(r["predikat_hitung"], teks, resmi=False),
            lp(r["predikat_resmi"], teks, resmi=True),
            "–"
            if r["predikat_berikut"] is None or pd.isna(r["selisih_ke_predikat_berikut"])
            else f"{d.angka(r['selisih_ke_predikat_berikut'], 2)} → {r['predikat_berikut']}",
        ]
        for r in urut.to_dict("records")
    ]
    kolom = ["nama", "total", "profil_predikat_hitung", "predikat_resmi", "kolom_selisih"]
    kepala = [teks("kol_peringkat_populasi", jumlah=len(d.tabel)), *(teks(k) for k in kolom)]
    tabel = Tabel(kepala, baris, [0.9, 3.2, 1.3, 1.5, 1.6, 1.9])
    return Bagian(teks("paket_peringkat"), [], tabel=[tabel], sintetis=True)


def _tabel_gerak(d: _DataProvinsi, tahun_lalu: int, lalu: pd.DataFrame) -> Tabel | None:
    """Kab/kota whose official predikat moved since ``tahun_lalu`` (None when none moved)."""
    teks, lp = d.teks, grafik_profil.label_predikat
    dua = pd.concat([d.kabkota.assign(tahun=d.tahun), lalu.assign(tahun=tahun_lalu)])
    dua = dua.dropna(subset=["predikat_resmi"]).rename(columns={"predikat_resmi": "predikat"})
    gerak = ringkasan.pergerakan_predikat(dua, d.tahun, tahun_lalu, d.katalog.pita.urutan())
    gerak = gerak[gerak["langkah"] != 0]
    if gerak.empty:
        return None
    return Tabel(
        [teks("nama"), teks("predikat_lalu", tahun=tahun_lalu), teks("predikat_lalu", tahun=d.tahun), teks("ind_arah")],
        [
            [
                str(r["nama"]),
                lp(r["predikat_lalu"], teks, resmi=True),
                lp(r["predikat_kini"], teks, resmi=True),
                teks("paket_naik" if r["langkah"] > 0 else "turun"),
            ]
            for r in gerak.to_dict("records")
        ],
        [3.5, 2.0, 2.0, 1.2],
    )


def _tabel_perubahan_total(d: _DataProvinsi) -> Tabel | None:
    """The ten largest changes of total score since the previous cycle (None when none is known)."""
    teks = d.teks
    semua = layanan.skor_semua_siklus(d.db_path, d.katalog)
    ubah = semua[(semua["tahun"] == d.tahun) & (semua["kode_provinsi"] == d.kode_provinsi)].dropna(
        subset=["perubahan_total"]
    )
    if ubah.empty:
        return None
    ubah = ubah.reindex(ubah["perubahan_total"].abs().sort_values(ascending=False).index).head(10)
    return Tabel(
        [teks("nama"), teks("total"), teks("perubahan")],
        [
            [
                str(r["nama"]),
                d.angka(r["total"], 2),
                ("+" if r["perubahan_total"] > 0 else "") + d.angka(r["perubahan_total"], 2),
            ]
            for r in ubah.to_dict("records")
        ],
        [4.0, 2.0, 2.0],
    )


def _bagian_pergerakan(d: _DataProvinsi) -> list[Bagian]:
    """Predikat movements since the previous cycle and, when known, the largest total changes."""
    teks = d.teks
    if d.tahun_lalu is None or d.lalu is None:
        return [Bagian(teks("pergerakan", tahun="–"), [teks("tanpa_pembanding")], tabel=[])]
    gerak = _tabel_gerak(d, d.tahun_lalu, d.lalu)
    paragraf = [] if gerak is not None else [teks("tanpa_pergerakan")]
    hasil = [Bagian(teks("pergerakan", tahun=d.tahun_lalu), paragraf, tabel=[] if gerak is None else [gerak])]
    ubah = _tabel_perubahan_total(d)
    if ubah is not None:
        judul = teks("perubahan_total", tahun=d.tahun_lalu)
        hasil.append(Bagian(judul, tabel=[ubah], sintetis=True, halaman_baru=False))
    return hasil


def paket_provinsi(
    db_path: Path,
    katalog: Katalog,
    kode_provinsi: str,
    tahun: int,
    *,
    bahasa: Bahasa = "id",
    kemajuan: Kemajuan | None = None,
    tanggal: dt.date | None = None,
) -> Paket:
    """The province summary pack for BAPPEDA: map, distribution, ranking table and movers (final stage).

    Raises:
        layanan.PilihanError: no scores for that province or year; the message lists what exists.
        ekspor_gambar.ChromiumTidakAda: no Chromium to render the figures.
    """
    lapor = _Pelapor(kemajuan, 6)
    d = _data_provinsi(db_path, katalog, kode_provinsi, tahun, bahasa, _tanggal(tanggal))
    teks = d.teks
    lapor("skor")
    bagian = [_bagian_peta_provinsi(d)]
    lapor("peta")
    bagian.append(_bagian_distribusi(d))
    lapor("sebaran")
    bagian.append(_bagian_peringkat(d))
    lapor("peringkat")
    bagian += _bagian_pergerakan(d)
    lapor("pergerakan")
    bagian.append(_bagian_metode(db_path, d.kabkota["sumber_predikat"].dropna().tolist(), bahasa, teks))
    lapor("sumber")
    subjudul, sintetis, dibuat = d.meta.subjudul, d.meta.sintetis, format_tanggal(d.meta.tanggal, bahasa)
    return Paket(
        jenis="provinsi",
        judul=teks("laporan_provinsi"),
        nama=d.nama,
        subjudul=subjudul,
        bahasa=bahasa,
        kpi=_kpi_provinsi(d),
        bagian=bagian,
        baris_sumber=_baris_sumber(d.nama, subjudul, sintetis, bahasa, d.meta.tanggal),
        sintetis=sintetis,
        catatan_sintetis=teks("catatan_sintetis"),
        teks_halaman=teks("halaman", n="{n}"),
        dibuat=teks("paket_dibuat", tanggal=dibuat) + " · " + teks("untuk_bappeda"),
        nama_berkas="_".join(["kla_paket_provinsi", slug(d.nama), str(tahun), bahasa]),
    )


JenisGambar = Literal["peta", "batang", "sebaran"]
JENIS_GAMBAR: tuple[JenisGambar, ...] = ("peta", "batang", "sebaran")
_NAMA_JENIS: dict[JenisGambar, str] = {"peta": "peta_predikat", "batang": "jumlah_predikat", "sebaran": "sebaran_total"}


def gambar_provinsi(
    db_path: Path,
    katalog: Katalog,
    kode_provinsi: str,
    tahun: int,
    jenis: JenisGambar,
    *,
    bahasa: Bahasa = "id",
    tanggal: dt.date | None = None,
) -> tuple[go.Figure, MetaGambar, str]:
    """One province figure for a single-chart export: the figure, its metadata and its file stem.

    ``peta``: official predikat map; ``batang``: kab/kota per official predikat; ``sebaran``:
    histogram of final totals (synthetic). The file stem reads like
    ``kla_peta_predikat_jawa-tengah_2025``.

    Raises:
        layanan.PilihanError: no scores for that province or year; the message lists what exists.
    """
    teks = penerjemah(bahasa)
    tabel = layanan.tabel_skor(db_path, katalog, tahun=tahun, tahap="final", kode_provinsi=kode_provinsi)
    nama = _nama_provinsi(db_path, kode_provinsi)
    skema = katalog.skema_untuk_tahun(tahun)
    ukuran = teks("total_final") if jenis == "sebaran" else teks("predikat_resmi")
    siklus = teks("siklus_tahap", tahun=tahun, tahap=teks("tahap_final"), skema=skema.kode)
    subjudul = f"{ukuran} · {nama} · {siklus}"
    kab = _kabkota_peta(db_path, kode_provinsi, tahun)
    sintetis = False
    if jenis == "peta":
        fig = _gambar_peta(kab, katalog, kode_provinsi, teks)
        judul = f"{teks('peta_predikat')} {nama} {tahun}"
    elif jenis == "batang":
        ringkas = rekap.ringkasan_bila_ada(db_path, kode_provinsi, tahun, katalog.pita.urutan())
        if ringkas is None:
            raise layanan.PilihanError(f"Tidak ada predikat {tahun} untuk {nama} (no predikat for that cycle)")
        fig = _gambar_jumlah(ringkas, kab, katalog, bahasa)
        judul = rekap.judul_jumlah(ringkas, nama, bahasa)
    else:
        fig = _histogram_total(tabel, katalog, bahasa)
        judul = f"{teks('paket_sebaran_total')}, {nama} {tahun}"
        sintetis = bool(tabel["sintetis"].any())
    sumber = (teks("sumber_pendek"), *((teks("sumber_skor"),) if sintetis else ()))
    meta = MetaGambar(judul, subjudul, sumber, sintetis, bahasa, _tanggal(tanggal))
    return fig, meta, ekspor_gambar.nama_dasar(_NAMA_JENIS[jenis], nama, tahun)
