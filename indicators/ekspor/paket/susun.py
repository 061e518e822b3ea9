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

from indicators.analisis import analitik, layanan, metodologi, profil, ringkasan
from indicators.analisis.skor import ruang_indikator
from indicators.ekspor import gambar as ekspor_gambar
from indicators.ekspor.gambar import MetaGambar, slug
from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.grafik import predikat as grafik, profil as grafik_profil
from indicators.io import store
from indicators.katalog.model import TAHAP, Katalog
from indicators.lokasi import DATA_DIR, STATIC_DIR
from indicators.teks import penerjemah

Kemajuan = Callable[[float, str], None]
"""``kemajuan(bagian_selesai 0..1, apa_yang_dikerjakan)``: progress for the dashboard's bar."""

# Layout pixels of a pack figure (PNG at 2x): 1000 px across the 178 mm text width keeps chart text
# near 9 pt on paper.
LEBAR_GAMBAR = 1000
TINGGI_GAMBAR = 520
TINGGI_PETA = 760
README_BATAS = DATA_DIR / "README-batas-wilayah.md"


@dataclass(frozen=True)
class Tabel:
    """A table as text: header and rows already formatted in the reader's language."""

    kolom: list[str]
    baris: list[list[str]]
    lebar: list[float] | None = None
    """Relative column widths (summing to any positive number); equal when None."""


@dataclass(frozen=True)
class Gambar:
    """A rendered figure (PNG bytes at 2x) with what it shows."""

    png: bytes
    lebar: int
    tinggi: int


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
    """Start a new PDF page (a short section may follow the previous one on its page)."""


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


def _render(fig: go.Figure, meta: MetaGambar, tinggi: int = TINGGI_GAMBAR) -> Gambar:
    cetak = ekspor_gambar.siapkan_cetak(fig, meta, lebar=LEBAR_GAMBAR, tinggi=tinggi, kepala=False)
    png = ekspor_gambar.ke_bytes(cetak, "png", lebar=LEBAR_GAMBAR, tinggi=tinggi)
    return Gambar(png=png, lebar=LEBAR_GAMBAR, tinggi=tinggi)


def _wilayah(db_path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    with store.buka(db_path) as con:
        return store.kueri_con(con, "wilayah_kabkota"), store.kueri_con(con, "wilayah_semua")


def _sumber(db_path: Path, sitasi: Sequence[str], bahasa: Bahasa, teks: Callable[..., str]) -> Tabel:
    """Every source the pack shows: the cited predikat sources, synthetic scores, boundaries and codes."""
    semua = metodologi.muat_sumber(db_path)
    dipakai = semua[
        semua["sitasi"].isin(set(sitasi)) | semua["sintetis"] | semua["jenis"].isin(["batas_wilayah", "kode_wilayah"])
    ]
    baris = [
        [str(s), str(j), str(lis) if isinstance(lis, str) and lis else teks("lisensi_kosong")]
        for s, j, lis in zip(dipakai["sitasi"], dipakai["jenis"], dipakai["lisensi"], strict=True)
    ]
    return Tabel([teks("sumber"), teks("met_kol_jenis"), teks("met_kol_lisensi")], baris, [6.2, 1.3, 2.0])


def _bagian_metode(db_path: Path, sitasi: Sequence[str], bahasa: Bahasa, teks: Callable[..., str]) -> Bagian:
    atribusi = metodologi.baca_atribusi_batas(README_BATAS)
    paragraf = [
        teks("metode_teks"),
        f"<b>{teks('atribusi')}</b>: {atribusi.baris} ({atribusi.lisensi}). " + " ".join(atribusi.hak_cipta),
        f"<b>{teks('sumber_daftar')}</b>",
    ]
    return Bagian(
        teks("metode"), paragraf, tabel=[_sumber(db_path, sitasi, bahasa, teks)], sintetis=True, di_slide=False
    )


def _peta_provinsi(
    db_path: Path, katalog: Katalog, kode_provinsi: str, tahun: int, teks: Callable[..., str]
) -> tuple[go.Figure, pd.DataFrame]:
    kabkota = store.kueri(db_path, "ringkasan_kabkota", {"kode_provinsi": kode_provinsi, "tahun": tahun})
    kabkota = kabkota.assign(kategori=ringkasan.kategori_peta(kabkota["predikat_resmi"]))
    label = {ringkasan.TIDAK_ADA: teks("tidak_ada_predikat"), ringkasan.TIDAK_DITEMUKAN: teks("tidak_ditemukan")}
    fig = grafik.peta_kategori(
        kabkota,
        ekspor_gambar.lapisan_provinsi(kode_provinsi, STATIC_DIR),
        kolom_kategori="kategori",
        urutan=ringkasan.urutan_kategori(katalog.pita.urutan()),
        label_kategori=label,
        hover=[""] * len(kabkota),
    )
    return fig, kabkota


def _tanggal(tanggal: dt.date | None) -> dt.date:
    return tanggal or dt.date.today()


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

    Raises:
        layanan.PilihanError: unknown region, or no scores for that year or stage; the message
            lists what is available.
        ekspor_gambar.ChromiumTidakAda: no Chromium to render the figures.
    """
    lapor = _Pelapor(kemajuan, 8)
    teks = penerjemah(bahasa)
    kabkota, semua_wilayah = _wilayah(db_path)
    if kode_wilayah not in set(kabkota["kode_wilayah"]):
        punya = store.kueri(db_path, "ringkasan_kabkota", {"kode_provinsi": "00", "tahun": tahun})
        punya = punya[punya["jumlah_indikator"] > 0]
        daftar = ", ".join(f"{k} ({n})" for k, n in zip(punya["kode_wilayah"], punya["nama"], strict=True))
        raise layanan.PilihanError(
            f"Kab/kota '{kode_wilayah}' tidak dikenal; yang punya skor tahun {tahun}: {daftar or '(tidak ada)'} "
            f"(unknown kab/kota)"
        )
    info = kabkota[kabkota["kode_wilayah"] == kode_wilayah].iloc[0]
    kode_provinsi, nama, nama_provinsi = str(info["kode_provinsi"]), str(info["nama"]), str(info["nama_provinsi"])
    tabel = layanan.tabel_skor(db_path, katalog, tahun=tahun, tahap=tahap, kode_provinsi=kode_provinsi)
    if kode_wilayah not in set(tabel["kode_wilayah"]):
        raise layanan.PilihanError(
            f"{nama} tidak punya skor tahun {tahun} tahap {tahap}; kab/kota yang punya: "
            f"{', '.join(tabel['nama'])} (no scores for this region)"
        )
    lapor("skor")
    baris = {str(k): v for k, v in tabel[tabel["kode_wilayah"] == kode_wilayah].iloc[0].items()}
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
    label_tahap = teks(f"tahap_{tahap}")
    subjudul = f"{nama_provinsi} · " + teks("siklus_tahap", tahun=tahun, tahap=label_tahap, skema=skema.kode)
    meta = MetaGambar(nama, subjudul, (), sintetis, bahasa, _tanggal(tanggal))
    lp = grafik_profil.label_predikat

    # --- cover figures
    keyakinan = resmi.loc[resmi["tahun"] == tahun, "keyakinan"].dropna().tolist()
    berikut, selisih = baris["predikat_berikut"], baris["selisih_ke_predikat_berikut"]
    teks_selisih = (
        teks("paket_puncak")
        if berikut is None or pd.isna(selisih)
        else teks("selisih_nilai", selisih=_angka(selisih, 2, bahasa), predikat=berikut)
    )
    seri = "=" if baris["seri_provinsi"] else ""
    kpi = [
        (teks("peta_predikat_tahun", tahun=tahun), lp(baris["predikat_resmi"], teks, resmi=True)),
        (teks("kpi_keyakinan"), teks(keyakinan[0]) if keyakinan else "–"),
        (teks("predikat_hitung"), lp(baris["predikat_hitung"], teks, resmi=False)),
        (teks("kpi_total"), _angka(baris["total"], 2, bahasa)),
        (teks("kpi_peringkat"), f"{baris['peringkat_provinsi']}{seri} / {len(tabel)}"),
        (teks("profil_selisih"), teks_selisih),
    ]
    bagian: list[Bagian] = []

    # --- history
    tanpa = profil.tahun_tanpa_siklus(riwayat["tahun"])
    fig = grafik_profil.grafik_riwayat(riwayat, katalog.pita, tanpa, bahasa, teks)
    tabel_riwayat = Tabel(
        [
            teks("tahun"),
            teks("profil_skema"),
            teks("predikat_resmi"),
            teks("keyakinan"),
            teks("predikat_hitung"),
            teks("kpi_total"),
        ],
        [
            [
                str(r["tahun"]),
                str(r["kode_skema"]),
                lp(r["predikat_resmi"], teks, resmi=True),
                teks(r["keyakinan"]) if isinstance(r["keyakinan"], str) else "–",
                lp(r["predikat_hitung"], teks, resmi=False) if r["ada_skor"] else "–",
                _angka(r["total"], 2, bahasa),
            ]
            for r in riwayat.to_dict("records")
        ],
    )
    bagian.append(Bagian(teks("riwayat"), [teks("riwayat_teks")], [_render(fig, meta, 470)], [tabel_riwayat], True))
    lapor("riwayat")

    # --- groups
    kelompok = profil.kelompok_vs_maks(baris, skema, profil.rata_kelompok(tabel))
    fig = grafik_profil.grafik_kelompok(kelompok, skema, bahasa, teks)
    tabel_kelompok = Tabel(
        [
            teks("profil_kelompok_kolom"),
            teks("ind_kol_skor"),
            teks("profil_maks"),
            teks("perbandingan_sebaya_provinsi"),
        ],
        [
            [
                grafik_profil.label_kelompok(skema, k, bahasa),
                _angka(n, 2, bahasa),
                _angka(m, 0, bahasa),
                _angka(r, 2, bahasa),
            ]
            for k, n, m, r in zip(
                kelompok["kelompok"], kelompok["nilai"], kelompok["nilai_maks"], kelompok["rata_provinsi"], strict=True
            )
        ],
        [5.0, 1.5, 1.5, 1.7],
    )
    bagian.append(
        Bagian(teks("paket_kelompok"), [teks("kelompok_teks")], [_render(fig, meta, 470)], [tabel_kelompok], True)
    )
    lapor("kelompok")

    # --- gap and room
    ruang = ruang_indikator(skor_siklus, katalog, skema.kode, selisih)
    fig = grafik_profil.grafik_ruang(ruang, katalog, None if berikut is None else str(berikut), bahasa, teks)
    indikator = katalog.indikator()
    total_teks = _angka(baris["total"], 2, bahasa)
    paragraf = (
        [teks("selisih_puncak", total=total_teks)]
        if berikut is None or pd.isna(selisih)
        else [
            teks(
                "selisih_teks",
                total=total_teks,
                selisih=_angka(selisih, 2, bahasa),
                predikat=berikut,
                jumlah=int(ruang["menutup_selisih"].sum()),
            )
        ]
    )
    atas = ruang.head(grafik_profil.JUMLAH_RUANG)
    tabel_ruang = Tabel(
        [
            "#",
            teks("profil_indikator"),
            teks("ind_kol_skor"),
            teks("profil_maks"),
            teks("profil_ruang"),
            teks("profil_menutup_kolom"),
        ],
        [
            [
                str(r["peringkat"]),
                grafik_profil.label_indikator(indikator[r["indikator"]], bahasa),
                _angka(r["nilai"], 2, bahasa),
                _angka(r["nilai_maks"], 0, bahasa),
                _angka(r["ruang"], 2, bahasa),
                teks("paket_ya") if r["menutup_selisih"] else "",
            ]
            for r in atas.to_dict("records")
        ],
        [0.5, 5.0, 1.3, 1.3, 1.1, 1.4],
    )
    bagian.append(Bagian(teks("paket_selisih"), paragraf, [_render(fig, meta, 500)], [tabel_ruang], True))
    lapor("selisih")

    # --- stages and neighbours (tables)
    per_tahap = profil.total_per_tahap(skor_tahun, katalog)
    tabel_tahap = Tabel(
        [teks("tahap"), teks("total"), teks("profil_predikat_hitung"), teks("perubahan")],
        [
            [
                teks(f"tahap_{r['tahap']}"),
                _angka(r["total"], 2, bahasa),
                lp(r["predikat_hitung"], teks, resmi=False),
                _angka(r["perubahan"], 2, bahasa),
            ]
            for r in per_tahap.to_dict("records")
        ],
    )
    rugi = profil.kehilangan_verifikasi(analitik.perubahan_tahap(skor_tahun, katalog))
    tabel_tahap_lain = []
    para_tahap = [] if len(per_tahap) > 1 else [teks("tahap_kosong")]
    if rugi.empty:
        para_tahap.append(teks("tanpa_kehilangan"))
    else:
        tahap_ada = [x for x in TAHAP if x in rugi]
        tabel_tahap_lain.append(
            Tabel(
                [teks("profil_indikator"), *[teks(f"tahap_{x}") for x in tahap_ada], teks("perubahan")],
                [
                    [
                        grafik_profil.label_indikator(indikator[str(r["indikator"])], bahasa),
                        *[_angka(r[x], 2, bahasa) for x in tahap_ada],
                        _angka(r["berubah_verifikasi"], 2, bahasa),
                    ]
                    for _, r in rugi.iterrows()
                ],
                [5.0, *[1.3] * len(tahap_ada), 1.4],
            )
        )
    tetangga = analitik.kelompok_sebaya(kode_wilayah, "tetangga", semua_wilayah, store.kueri(db_path, "tetangga"))
    nama_semua = dict(zip(semua_wilayah["kode_wilayah"], semua_wilayah["nama"], strict=True))
    tabel_semua = layanan.tabel_skor(db_path, katalog, tahun=tahun, tahap=tahap)
    sebaya = profil.tabel_sebaya(kode_wilayah, tetangga, tabel_semua, nama_semua)
    tabel_sebaya = Tabel(
        [teks("nama"), teks("total"), teks("profil_predikat_hitung"), teks("predikat_resmi")],
        [
            [
                f"{r['nama']} ({teks('wilayah_ini')})" if r["wilayah_ini"] else str(r["nama"]),
                _angka(r["total"], 2, bahasa),
                lp(r["predikat_hitung"], teks, resmi=False) if pd.notna(r["total"]) else "–",
                lp(r["predikat_resmi"], teks, resmi=True),
            ]
            for r in sebaya.to_dict("records")
        ],
        [4.0, 1.6, 1.8, 1.8],
    )
    bagian.append(Bagian(teks("paket_tahap"), para_tahap, tabel=[tabel_tahap], sintetis=True))
    if tabel_tahap_lain:
        bagian.append(Bagian(teks("kehilangan"), tabel=tabel_tahap_lain, sintetis=True, halaman_baru=False))
    bagian.append(
        Bagian(
            teks("sebaya"),
            [] if len(sebaya) > 1 else [teks("profil_tanpa_tetangga")],
            tabel=[tabel_sebaya],
            sintetis=True,
            halaman_baru=False,
        )
    )
    lapor("tahap")

    # --- map with the region highlighted
    fig, kabkota_peta = _peta_provinsi(db_path, katalog, kode_provinsi, tahun, teks)
    grafik.sorot_wilayah(fig, kode_wilayah, teks("sorot", nama=nama))
    bagian.append(Bagian(teks("paket_peta", nama=nama), [], [_render(fig, meta, TINGGI_PETA)], [], False))
    lapor("peta")

    # --- indicator table
    status = profil.tabel_status(skor_siklus, katalog, skema.kode)
    tabel_status = Tabel(
        [
            teks("profil_indikator"),
            teks("profil_kelompok_kolom"),
            teks("ind_kol_skor"),
            teks("profil_maks"),
            teks("perbandingan_persen_maks"),
            teks("profil_status"),
        ],
        [
            [
                grafik_profil.label_indikator(indikator[r["indikator"]], bahasa),
                grafik_profil.label_kelompok(skema, r["kelompok"], bahasa, pendek=True),
                _angka(r["nilai"], 2, bahasa),
                _angka(r["nilai_maks"], 0, bahasa),
                _angka(r["persen_maks"], 1, bahasa),
                teks(f"profil_status_{r['status']}"),
            ]
            for r in status.to_dict("records")
        ],
        [5.2, 1.5, 1.3, 1.2, 1.1, 1.3],
    )
    bagian.append(
        Bagian(
            teks("paket_indikator"), [teks("profil_status_aturan")], tabel=[tabel_status], sintetis=True, di_slide=False
        )
    )
    lapor("indikator")

    # --- method and sources: the predikat sources of every cycle shown
    sitasi: list[str] = []
    for th in riwayat["tahun"]:
        rk = store.kueri(db_path, "ringkasan_kabkota", {"kode_provinsi": kode_provinsi, "tahun": int(th)})
        sitasi += rk.loc[rk["kode_wilayah"].isin([kode_wilayah, *tetangga]), "sumber_predikat"].dropna().tolist()
    sitasi += kabkota_peta["sumber_predikat"].dropna().tolist()
    bagian.append(_bagian_metode(db_path, sitasi, bahasa, teks))
    lapor("sumber")

    sumber = (teks("sumber_pendek"), *((teks("sumber_skor"),) if sintetis else ()))
    meta_sumber = MetaGambar(nama, subjudul, sumber, sintetis, bahasa, meta.tanggal)
    return Paket(
        jenis="wilayah",
        judul=teks("laporan_wilayah"),
        nama=nama,
        subjudul=subjudul,
        bahasa=bahasa,
        kpi=kpi,
        bagian=bagian,
        baris_sumber=ekspor_gambar.baris_sumber(meta_sumber),
        sintetis=sintetis,
        catatan_sintetis=teks("catatan_sintetis"),
        teks_halaman=teks("halaman", n="{n}"),
        dibuat=teks("paket_dibuat", tanggal=format_tanggal(meta.tanggal, bahasa)),
        nama_berkas="_".join(["kla_paket", slug(nama), str(tahun), tahap, bahasa]),
    )


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
    teks = penerjemah(bahasa)
    tabel = layanan.tabel_skor(db_path, katalog, tahun=tahun, tahap="final", kode_provinsi=kode_provinsi)
    kabkota, _ = _wilayah(db_path)
    nama = str(kabkota.loc[kabkota["kode_provinsi"] == kode_provinsi, "nama_provinsi"].iloc[0])
    skema = katalog.skema_untuk_tahun(tahun)
    sintetis = bool(tabel["sintetis"].any())
    subjudul = teks("siklus_tahap", tahun=tahun, tahap=teks("tahap_final"), skema=skema.kode)
    meta = MetaGambar(nama, subjudul, (), sintetis, bahasa, _tanggal(tanggal))
    lapor("skor")

    fig, kab = _peta_provinsi(db_path, katalog, kode_provinsi, tahun, teks)
    semua_tahun = sorted({int(t) for t in store.kueri(db_path, "tahap_per_tahun")["tahun"]})
    tahun_lalu = ringkasan.siklus_sebelumnya(tahun, semua_tahun)
    lalu = None
    if tahun_lalu is not None:
        lalu = store.kueri(db_path, "ringkasan_kabkota", {"kode_provinsi": kode_provinsi, "tahun": tahun_lalu})
    jumlah = ringkasan.jumlah_dengan_perubahan(kab, lalu, katalog.pita.urutan())
    label = {ringkasan.TIDAK_ADA: teks("tidak_ada_predikat"), ringkasan.TIDAK_DITEMUKAN: teks("tidak_ditemukan")}
    berpredikat = int(kab["predikat_resmi"].isin(katalog.pita.urutan()).sum())
    kpi = [
        (teks("jumlah_kabkota"), str(len(kab))),
        (teks("berpredikat"), str(berpredikat)),
        *[(label.get(p, p), str(int(j))) for p, j in zip(jumlah["predikat"], jumlah["jumlah"], strict=True) if j > 0],
        (teks("rata_total"), _angka(tabel["total"].mean(), 2, bahasa)),
    ]
    bagian = [Bagian(teks("peta_predikat"), [], [_render(fig, meta, TINGGI_PETA)], [], False)]
    lapor("peta")

    batang = grafik.batang_jumlah(jumlah, label, teks("kab_kota"))
    histogram = grafik.histogram_total(
        tabel.rename(columns={"total": "total_final"}),
        katalog.pita,
        bahasa,
        judul_x=teks("total_final"),
        judul_y=teks("jumlah_kabkota"),
    )
    bagian.append(
        Bagian(
            teks("distribusi"),
            [],
            [_render(batang, meta, 420), _render(histogram, meta, 440)],
            sintetis=sintetis,
            judul_gambar=[teks("jumlah_predikat"), teks("paket_sebaran_total")],
        )
    )
    lapor("sebaran")

    urut = tabel.sort_values(["peringkat_provinsi", "nama"], ignore_index=True)
    lp = grafik_profil.label_predikat
    baris_peringkat = [
        [
            f"{r['peringkat_provinsi']}{'=' if r['seri_provinsi'] else ''}",
            str(r["nama"]),
            _angka(r["total"], 2, bahasa),
            lp(r["predikat_hitung"], teks, resmi=False),
            lp(r["predikat_resmi"], teks, resmi=True),
            "–"
            if r["predikat_berikut"] is None or pd.isna(r["selisih_ke_predikat_berikut"])
            else f"{_angka(r['selisih_ke_predikat_berikut'], 2, bahasa)} → {r['predikat_berikut']}",
        ]
        for r in urut.to_dict("records")
    ]
    kolom = [
        teks("ind_kol_peringkat"),
        teks("nama"),
        teks("total"),
        teks("profil_predikat_hitung"),
        teks("predikat_resmi"),
        teks("kolom_selisih"),
    ]
    bagian.append(
        Bagian(
            teks("paket_peringkat"),
            [],
            tabel=[Tabel(kolom, baris_peringkat, [0.9, 3.2, 1.3, 1.5, 1.6, 1.9])],
            sintetis=True,
        )
    )
    lapor("peringkat")

    para: list[str] = []
    tabel_gerak: list[Tabel] = []
    tabel_ubah: list[Tabel] = []
    if tahun_lalu is None or lalu is None:
        para.append(teks("tanpa_pembanding"))
        judul_gerak = teks("pergerakan", tahun="–")
    else:
        judul_gerak = teks("pergerakan", tahun=tahun_lalu)
        dua = pd.concat([kab.assign(tahun=tahun), lalu.assign(tahun=tahun_lalu)])
        dua = dua.dropna(subset=["predikat_resmi"]).rename(columns={"predikat_resmi": "predikat"})
        gerak = ringkasan.pergerakan_predikat(dua, tahun, tahun_lalu, katalog.pita.urutan())
        gerak = gerak[gerak["langkah"] != 0]
        if gerak.empty:
            para.append(teks("tanpa_pergerakan"))
        else:
            tabel_gerak.append(
                Tabel(
                    [
                        teks("nama"),
                        teks("predikat_lalu", tahun=tahun_lalu),
                        teks("predikat_lalu", tahun=tahun),
                        teks("ind_arah"),
                    ],
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
            )
        semua = layanan.skor_semua_siklus(db_path, katalog)
        ubah = semua[(semua["tahun"] == tahun) & (semua["kode_provinsi"] == kode_provinsi)].dropna(
            subset=["perubahan_total"]
        )
        if not ubah.empty:
            ubah = ubah.reindex(ubah["perubahan_total"].abs().sort_values(ascending=False).index).head(10)
            tabel_ubah.append(
                Tabel(
                    [teks("nama"), teks("total"), teks("perubahan")],
                    [
                        [
                            str(r["nama"]),
                            _angka(r["total"], 2, bahasa),
                            ("+" if r["perubahan_total"] > 0 else "") + _angka(r["perubahan_total"], 2, bahasa),
                        ]
                        for r in ubah.to_dict("records")
                    ],
                    [4.0, 2.0, 2.0],
                )
            )
    bagian.append(Bagian(judul_gerak, para, tabel=tabel_gerak))
    if tabel_ubah:
        judul_ubah = teks("perubahan_total", tahun=tahun_lalu)
        bagian.append(Bagian(judul_ubah, tabel=tabel_ubah, sintetis=True, halaman_baru=False))
    lapor("pergerakan")

    bagian.append(_bagian_metode(db_path, kab["sumber_predikat"].dropna().tolist(), bahasa, teks))
    lapor("sumber")
    sumber = (teks("sumber_pendek"), *((teks("sumber_skor"),) if sintetis else ()))
    return Paket(
        jenis="provinsi",
        judul=teks("laporan_provinsi"),
        nama=nama,
        subjudul=subjudul,
        bahasa=bahasa,
        kpi=kpi,
        bagian=bagian,
        baris_sumber=ekspor_gambar.baris_sumber(MetaGambar(nama, subjudul, sumber, sintetis, bahasa, meta.tanggal)),
        sintetis=sintetis,
        catatan_sintetis=teks("catatan_sintetis"),
        teks_halaman=teks("halaman", n="{n}"),
        dibuat=teks("paket_dibuat", tanggal=format_tanggal(meta.tanggal, bahasa)) + " · " + teks("untuk_bappeda"),
        nama_berkas="_".join(["kla_paket_provinsi", slug(nama), str(tahun), bahasa]),
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
    kabkota, _ = _wilayah(db_path)
    nama = str(kabkota.loc[kabkota["kode_provinsi"] == kode_provinsi, "nama_provinsi"].iloc[0])
    skema = katalog.skema_untuk_tahun(tahun)
    ukuran = teks("total_final") if jenis == "sebaran" else teks("predikat_resmi")
    siklus = teks("siklus_tahap", tahun=tahun, tahap=teks("tahap_final"), skema=skema.kode)
    subjudul = f"{ukuran} · {nama} · {siklus}"
    fig, kab = _peta_provinsi(db_path, katalog, kode_provinsi, tahun, teks)
    sintetis = False
    if jenis == "peta":
        judul = f"{teks('peta_predikat')} {nama} {tahun}"
    elif jenis == "batang":
        label = {ringkasan.TIDAK_ADA: teks("tidak_ada_predikat"), ringkasan.TIDAK_DITEMUKAN: teks("tidak_ditemukan")}
        jumlah = ringkasan.hitung_per_predikat(kab, katalog.pita.urutan())
        fig = grafik.batang_jumlah(jumlah, label, teks("kab_kota"))
        judul = f"{teks('jumlah_predikat')}, {nama} {tahun}"
    else:
        fig = grafik.histogram_total(
            tabel.rename(columns={"total": "total_final"}),
            katalog.pita,
            bahasa,
            judul_x=teks("total_final"),
            judul_y=teks("jumlah_kabkota"),
        )
        judul = f"{teks('paket_sebaran_total')}, {nama} {tahun}"
        sintetis = bool(tabel["sintetis"].any())
    sumber = (teks("sumber_pendek"), *((teks("sumber_skor"),) if sintetis else ()))
    meta = MetaGambar(judul, subjudul, sumber, sintetis, bahasa, _tanggal(tanggal))
    return fig, meta, ekspor_gambar.nama_dasar(_NAMA_JENIS[jenis], nama, tahun)
