"""What every surface of Perlindungan Anak shows: the page, the evaluation pack and the offline site.

:func:`muat` reads one province's year (and optionally one kab/kota) through the disclosure-controlled
read functions of :mod:`indicators.perlindungan.data`, for one viewer (``terbuka``: the regions whose
exact counts that viewer may see; the pack and the site always pass none, the public view). Nothing
here reads a table itself or computes a count: every number shown is what those functions publish,
so the disclosure rules hold the same on every surface. The figures come from the shared builders
(:mod:`indicators.grafik.perlindungan`) and the tables are made of published text only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pandas as pd
import plotly.graph_objects as go

from indicators.format import Bahasa
from indicators.grafik import perlindungan as grafik
from indicators.katalog.perlindungan import katalog_perlindungan
from indicators.perlindungan import data, sensor
from indicators.teks import t

BENTUK = data.BENTUK
TAHUN_TREN = 3
"""Years of monthly trend a surface shows: the chosen year and the two before it (36 bars at most)."""
TAHUN_BENTUK = 5
"""Years the small multiples by form show: the chosen year and the four before it."""
INDIKATOR_KLASTER_V = ("KLA24-21", "KLA24-22", "KLA24-23", "KLA24-24")
"""The Klaster V indicators this data informs (the catalogue's ``indikator_terkait``)."""


@dataclass(frozen=True)
class IsiPerlindungan:
    """One province's year (and one region's view of it) as the read functions publish it for one viewer.

    ``rekap``: :func:`data.rekap_provinsi` (kab/kota rows, then the province's total row); ``peta``:
    :func:`data.peta_provinsi`; ``tren``, ``bentuk`` and ``standar``: the region's (the province's
    when ``kode_wilayah`` is None) monthly trend over :data:`TAHUN_TREN` years, cases by form per
    year over :data:`TAHUN_BENTUK` years, and the service-standard panel against the province.
    """

    kode_provinsi: str
    nama_provinsi: str
    tahun: int
    kode_wilayah: str | None
    nama_wilayah: str
    ambang: int
    terbuka: tuple[str, ...]
    """The viewer's open regions (empty: the public view, which the pack and the site always use)."""
    rekap: pd.DataFrame
    peta: pd.DataFrame
    tren: pd.DataFrame
    lengkap: pd.DataFrame
    """Months reported per year of the trend (``tahun, dilaporkan, bulan``): of the region, or of the
    province (months in which any kab/kota reported)."""
    bentuk: pd.DataFrame
    standar: pd.DataFrame
    sumber: pd.DataFrame
    """The sources behind every figure shown (:func:`data.sumber_perlindungan` over the years of the
    small multiples, which include the trend's and the chosen year); :meth:`sumber_untuk` picks a
    figure's years."""

    @property
    def sintetis(self) -> bool:
        """Whether any value shown is synthetic example data."""
        return any(bool(f["sintetis"].any()) for f in (self.rekap, self.tren, self.bentuk) if "sintetis" in f)

    @property
    def per_anak(self) -> bool:
        """Whether the map shows rates per 10 000 children (a denominator is known), not counts."""
        return bool((self.peta["ukuran"] == "per_10rb_anak").any())

    def belum_terverifikasi(self) -> list[str]:
        """The kab/kota (and the province row) whose figures of this year are not yet verified."""
        return [str(n) for n, v in zip(self.rekap["nama"], self.rekap["terverifikasi"], strict=True) if not v]

    def daftar_belum_terverifikasi(self, bahasa: Bahasa) -> str:
        """Those regions by name, or "semua wilayah" when none of them is verified."""
        belum = self.belum_terverifikasi()
        return t("ph_semua_belum", bahasa) if len(belum) == len(self.rekap) else ", ".join(belum)

    def tahun_gambar(self, jenis: str) -> list[int]:
        """The years a figure or table shows: ``tren`` and ``bentuk`` several, the others the chosen year."""
        if jenis == "tren" and len(self.lengkap):
            return sorted(int(x) for x in self.lengkap["tahun"])
        if jenis == "bentuk" and len(self.bentuk):
            return sorted({int(x) for x in self.bentuk["tahun"]})
        return [self.tahun]

    def sumber_untuk(self, jenis: str | None = None) -> pd.DataFrame:
        """The sources behind one figure, ``tahun`` narrowed to that figure's years.

        ``jenis``: ``peta``, ``rekap``, ``wilayah``, ``tren``, ``bentuk``, ``standar``; None: everything shown.
        """
        if jenis is None:
            return self.sumber
        tahun = {str(x) for x in self.tahun_gambar(jenis)}
        sempit = [",".join(th for th in str(d).split(",") if th in tahun) for d in self.sumber["tahun"]]
        hasil = self.sumber.assign(tahun=sempit)
        return hasil[hasil["tahun"] != ""].reset_index(drop=True)


def tahun_tersedia(db_path: Path, kode_provinsi: str) -> list[int]:
    """The years with Perlindungan Anak data for a province (see :func:`data.tahun_tersedia`)."""
    return data.tahun_tersedia(db_path, kode_provinsi)


def tahun_terdekat(db_path: Path, kode_provinsi: str, tahun: int) -> int | None:
    """The latest year with data up to ``tahun`` (a pack's cycle may be a year without these figures)."""
    ada = [x for x in data.tahun_tersedia(db_path, kode_provinsi) if x <= tahun]
    return max(ada) if ada else None


def muat(
    db_path: Path,
    kode_provinsi: str,
    tahun: int,
    kode_wilayah: str | None = None,
    *,
    terbuka: Collection[str] = (),
    bahasa: Bahasa = "id",
    hari_ini: dt.date | None = None,
) -> IsiPerlindungan:
    """Read what the surfaces show for one province and year, and one kab/kota (None: the province).

    Raises:
        data.PilihanPerlindunganError: the province, region or year has no data (the message says
            what there is).
    """
    opsi: dict[str, Any] = {"terbuka": frozenset(terbuka), "hari_ini": hari_ini, "bahasa": bahasa}
    rekap = data.rekap_provinsi(db_path, kode_provinsi, tahun, **opsi)
    peta = data.peta_provinsi(db_path, kode_provinsi, tahun, **opsi)
    nama_provinsi = str(rekap["nama"].iloc[-1])
    kode = kode_wilayah or kode_provinsi
    ada = data.tahun_tersedia(db_path, kode_provinsi)
    tahun_tren = [x for x in ada if tahun - TAHUN_TREN < x <= tahun]
    tren = data.tren_wilayah(db_path, kode, tahun=tahun_tren, **opsi)
    bentuk = data.bentuk_per_tahun(db_path, kode, tahun=[x for x in ada if tahun - TAHUN_BENTUK < x <= tahun], **opsi)
    standar = data.panel_standar(db_path, kode, tahun, **opsi)
    sumber = data.sumber_perlindungan(db_path, kode_provinsi, tahun, sejak=tahun - TAHUN_BENTUK + 1)
    nama = nama_provinsi if kode_wilayah is None else str(rekap.loc[rekap["kode_wilayah"] == kode, "nama"].iloc[0])
    return IsiPerlindungan(
        kode_provinsi=kode_provinsi,
        nama_provinsi=nama_provinsi,
        tahun=tahun,
        kode_wilayah=kode_wilayah,
        nama_wilayah=nama,
        ambang=sensor.ambang_aktif(),
        terbuka=tuple(sorted(terbuka)),
        rekap=rekap,
        peta=peta,
        tren=tren,
        lengkap=_lengkap(db_path, kode_provinsi, tahun_tren, kode_wilayah, opsi),
        bentuk=bentuk,
        standar=standar,
        sumber=sumber,
    )


def _lengkap(
    db_path: Path, kode_provinsi: str, tahun: list[int], kode_wilayah: str | None, opsi: dict[str, Any]
) -> pd.DataFrame:
    """Months reported and months expected per year (coverage: not a count of children)."""
    baris = []
    for th in tahun:
        rekap = data.rekap_tabel(db_path, kode_provinsi, th, BENTUK, **opsi)
        dilaporkan = rekap.bulan_dilaporkan(kode_wilayah or sensor.TOTAL)
        baris.append({"tahun": th, "dilaporkan": dilaporkan, "bulan": max(rekap.bulan_diharapkan, dilaporkan)})
    return pd.DataFrame(baris, columns=["tahun", "dilaporkan", "bulan"])


# --- titles ----------------------------------------------------------------------------------------


def judul_peta(isi: IsiPerlindungan, bahasa: Bahasa) -> str:
    """The map's title: the rate per 10 000 children, or the counts 'without a denominator'."""
    kunci = "ph_peta_judul_laju" if isi.per_anak else "ph_peta_judul_jumlah"
    return t(kunci, bahasa, provinsi=isi.nama_provinsi, tahun=isi.tahun)


def judul_tren(isi: IsiPerlindungan, bahasa: Bahasa) -> str:
    """'Tren bulanan, Kota Pekalongan' (the province's trend is yearly)."""
    return t("ph_tren_judul" if isi.kode_wilayah else "ph_tren_judul_tahunan", bahasa, nama=isi.nama_wilayah)


def teks_lengkap(isi: IsiPerlindungan, bahasa: Bahasa) -> str:
    """'2023: 12 dari 12 bulan dilaporkan · 2024: 10 dari 12 bulan dilaporkan' for the trend's years."""
    return " · ".join(
        f"{r['tahun']}: {grafik.teks_kelengkapan(int(r['dilaporkan']), int(r['bulan']), bahasa)}"
        for r in isi.lengkap.to_dict("records")
    )


def judul_bentuk(isi: IsiPerlindungan, bahasa: Bahasa) -> str:
    """'Menurut bentuk kekerasan, Kota Pekalongan'."""
    return t("ph_bentuk_judul", bahasa, nama=isi.nama_wilayah)


def judul_standar(isi: IsiPerlindungan, bahasa: Bahasa) -> str:
    """'Standar layanan, Kota Pekalongan dibanding Jawa Tengah, 2024' (the province alone when it is the view)."""
    if isi.kode_wilayah is None:
        return t("ph_standar_judul_provinsi", bahasa, provinsi=isi.nama_provinsi, tahun=isi.tahun)
    return t("ph_standar_judul", bahasa, nama=isi.nama_wilayah, provinsi=isi.nama_provinsi, tahun=isi.tahun)


def aturan(isi: IsiPerlindungan, bahasa: Bahasa) -> str:
    """The disclosure rule in plain text (no markup), for the pack and the site."""
    return t("ph_aturan_polos", bahasa, ambang=isi.ambang)


# --- figures -----------------------------------------------------------------------------------------


def gambar_peta(isi: IsiPerlindungan, geojson: str | dict[str, Any], bahasa: Bahasa, *, tinggi: int = 520) -> go.Figure:
    """The province map of the rate per 10 000 children, or of the cases where no denominator is known."""
    laju = isi.per_anak
    return grafik.peta_perlindungan(
        isi.peta,
        geojson,
        bahasa,
        label_nilai=t("ph_label_laju" if laju else "ph_label_kasus", bahasa),
        judul_skala=t("ph_skala_laju" if laju else "ph_skala_jumlah", bahasa),
        tinggi=tinggi,
    )


def gambar_tren(isi: IsiPerlindungan, bahasa: Bahasa) -> go.Figure:
    """The region's cases per month (the province's per year), with the months reported per year."""
    return grafik.tren_wilayah(isi.tren, bahasa, label_nilai=t("ph_label_kasus", bahasa), lengkap=isi.lengkap)


def label_bentuk(bahasa: Bahasa) -> dict[str, str]:
    """The forms of violence in catalogue order, labelled in ``bahasa``."""
    return {k: v.label.teks(bahasa) for k, v in katalog_perlindungan().tabel[BENTUK].kategori.items()}


def gambar_bentuk(isi: IsiPerlindungan, bahasa: Bahasa, *, kolom: int = 4) -> go.Figure:
    """Small multiples: cases per year, one panel per form of violence, ``kolom`` panels a row."""
    label = t("ph_skala_jumlah", bahasa)
    return grafik.kecil_bentuk(isi.bentuk, label_bentuk(bahasa), bahasa, label_nilai=label, kolom=kolom)


def gambar_standar(isi: IsiPerlindungan, bahasa: Bahasa) -> go.Figure:
    """The service-standard panel: the region's bar beside the province's, one panel per measure."""
    return grafik.panel_standar(isi.standar, bahasa)


# --- tables (published text only) ---------------------------------------------------------------------


def catatan_baris(sintetis: object, terverifikasi: object, bahasa: Bahasa) -> str:
    """A row's notes: synthetic example data, not yet verified."""
    catatan = []
    if bool(sintetis):
        catatan.append(t("label_sintetis", bahasa))
    if not bool(terverifikasi):
        catatan.append(t("ph_belum_terverifikasi_pendek", bahasa))
    return "; ".join(catatan)


def tabel_rekap(isi: IsiPerlindungan, bahasa: Bahasa) -> pd.DataFrame:
    """The recap as shown: code, name, one column per form, total, the rate when known, months, notes."""
    rekap = isi.rekap
    kolom: dict[str, Any] = {
        t("ph_kol_kode", bahasa): rekap["kode_wilayah"],
        t("ph_kol_nama", bahasa): rekap["nama"],
    }
    for kode, label in label_bentuk(bahasa).items():
        kolom[label] = rekap[kode]
    kolom[t("ph_kol_total", bahasa)] = rekap["total"]
    if (rekap["per_10rb_anak"] != "").any():
        kolom[t("ph_kol_laju", bahasa)] = rekap["per_10rb_anak"].replace("", t("ph_tidak_diketahui", bahasa))
    kolom[t("ph_kol_bulan", bahasa)] = rekap["bulan_dilaporkan"].astype(int)
    kolom[t("ph_kol_catatan", bahasa)] = [
        catatan_baris(s, v, bahasa) for s, v in zip(rekap["sintetis"], rekap["terverifikasi"], strict=True)
    ]
    return pd.DataFrame(kolom).reset_index(drop=True)


def tabel_wilayah(isi: IsiPerlindungan, bahasa: Bahasa) -> tuple[list[str], list[list[str]]]:
    """The region's row of the recap beside the province's, by form: (header, rows) of published text."""
    rekap = isi.rekap
    wilayah = rekap[rekap["kode_wilayah"] == (isi.kode_wilayah or isi.kode_provinsi)].iloc[0]
    provinsi = rekap.iloc[-1]
    kepala = [t("ph_kol_bentuk", bahasa), str(wilayah["nama"])]
    sendiri = isi.kode_wilayah is None
    if not sendiri:
        kepala.append(str(provinsi["nama"]))
    baris = [
        [label, str(wilayah[kode]), *([] if sendiri else [str(provinsi[kode])])]
        for kode, label in label_bentuk(bahasa).items()
    ]
    baris.append([t("ph_kol_total", bahasa), str(wilayah["total"]), *([] if sendiri else [str(provinsi["total"])])])
    bulan = [str(int(wilayah["bulan_dilaporkan"])), *([] if sendiri else [str(int(provinsi["bulan_dilaporkan"]))])]
    baris.append([t("ph_kol_bulan", bahasa), *bulan])
    return kepala, baris


# --- sources (the same lines on the page, in every file's metadata, in the pack and on the site) --------


def _label_tabel(tabel: str, bahasa: Bahasa) -> str:
    """The catalogue tables covered, labelled; every table of the catalogue is "semua tabel"."""
    daftar = [x for x in tabel.split(",") if x]
    katalog = katalog_perlindungan().tabel
    if set(katalog) <= set(daftar):
        return t("ph_sumber_semua_tabel", bahasa)
    return ", ".join(katalog[x].label.teks(bahasa) if x in katalog else x for x in daftar)


def _cakupan(baris: Mapping[Any, Any], bahasa: Bahasa) -> str:
    """'total provinsi 2020', 'rincian 35 kab/kota 2019, 2020', 'penyebut anak 0–17 …'."""
    tahun = ", ".join(str(baris["tahun"]).split(","))
    kunci = {"provinsi": "ph_sumber_provinsi", "kabkota": "ph_sumber_kabkota"}.get(str(baris["cakupan"]))
    kunci = kunci or "ph_sumber_penyebut"
    return t(kunci, bahasa, tahun=tahun, jumlah=int(baris["jumlah_wilayah"]))


def _teks(nilai: object) -> str:
    return nilai if isinstance(nilai, str) else ""


def baris_sumber(baris: Mapping[Any, Any], bahasa: Bahasa) -> str:
    """One source in plain words: what it covers, whether real, imported or synthetic, and where it is.

    e.g. "total provinsi 2020: https://databoks… (nyata; keyakinan tinggi; Bentuk kekerasan, Korban)"
    and "rincian 35 kab/kota 2020: contoh sintetis (sintetis-perlindungan-v1; MIT (Dasbor KLA); bukan
    data resmi; semua tabel)".
    """
    cakupan, tabel = _cakupan(baris, bahasa), _label_tabel(str(baris["tabel"]), bahasa)
    if bool(baris["sintetis"]):
        lisensi = _teks(baris["lisensi"]) or t("ph_sumber_tanpa_lisensi", bahasa)
        return t("ph_sumber_sintetis", bahasa, cakupan=cakupan, id=baris["sumber_id"], lisensi=lisensi, tabel=tabel)
    url, sitasi = _teks(baris["url"]), _teks(baris["sitasi"]) or str(baris["sumber_id"])
    nama = sitasi if not url or url in sitasi else f"{sitasi} ({url})"
    if baris["jenis"] == "impor":
        return t("ph_sumber_impor", bahasa, cakupan=cakupan, nama=nama, tabel=tabel)
    keyakinan = t(baris["keyakinan"], bahasa) if _teks(baris["keyakinan"]) else t("ph_tidak_diketahui", bahasa)
    return t("ph_sumber_nyata", bahasa, cakupan=cakupan, nama=nama, keyakinan=keyakinan, tabel=tabel)


def daftar_sumber(sumber: pd.DataFrame, bahasa: Bahasa) -> list[str]:
    """Every source of ``sumber`` (:func:`data.sumber_perlindungan`'s rows) as :func:`baris_sumber` lines."""
    return [baris_sumber(r, bahasa) for r in sumber.to_dict("records")]


def teks_sumber(sumber: pd.DataFrame, bahasa: Bahasa) -> str:
    """'Sumber: total provinsi 2020: … · rincian 35 kab/kota 2020: contoh sintetis (…)' on one line."""
    daftar = daftar_sumber(sumber, bahasa)
    return t("ph_sumber_daftar", bahasa, daftar=" · ".join(daftar) if daftar else t("ph_tidak_diketahui", bahasa))


def tabel_sumber(sumber: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The sources as a table to show.

    Coverage (with years), citation, URL, kind, licence, confidence, real or synthetic, tables, rows, id.
    """
    tak = t("ph_tidak_diketahui", bahasa)
    rekaman = sumber.to_dict("records")
    return pd.DataFrame(
        {
            t("ph_sumber_kol_cakupan", bahasa): [_cakupan(r, bahasa) for r in rekaman],
            t("ph_sumber_kol_sitasi", bahasa): [_teks(r["sitasi"]) or str(r["sumber_id"]) for r in rekaman],
            t("ph_sumber_kol_url", bahasa): [_teks(r["url"]) or None for r in rekaman],
            t("ph_sumber_kol_jenis", bahasa): [t(f"met_jenis_{r['jenis']}", bahasa) for r in rekaman],
            t("ph_sumber_kol_lisensi", bahasa): [_teks(r["lisensi"]) or tak for r in rekaman],
            t("keyakinan", bahasa): [t(r["keyakinan"], bahasa) if _teks(r["keyakinan"]) else tak for r in rekaman],
            t("ph_sumber_kol_sifat", bahasa): [
                t("label_sintetis", bahasa) if r["sintetis"] else t("ph_sumber_nyata_pendek", bahasa) for r in rekaman
            ],
            t("ph_sumber_kol_tabel", bahasa): [_label_tabel(str(r["tabel"]), bahasa) for r in rekaman],
            t("ph_sumber_kol_baris", bahasa): [int(r["jumlah_baris"]) for r in rekaman],
            "sumber_id": [str(r["sumber_id"]) for r in rekaman],
        }
    )


# --- the evaluation pack and the offline site (always the public view) ----------------------------------


@dataclass(frozen=True)
class BagianPaket:
    """The pack's Perlindungan Anak section as plain parts (``susun`` turns them into its sections).

    ``paragraf`` is text for ReportLab's paragraph markup (already escaped); ``tabel`` is (header,
    rows, relative widths); ``halaman`` are the figures page by page, each as (title, figure, height
    in layout pixels).
    """

    judul: str
    paragraf: list[str]
    tabel: tuple[list[str], list[list[str]], list[float]]
    halaman: list[list[tuple[str, go.Figure, int]]]
    sintetis: bool


def _publik(db_path: Path, kode_provinsi: str, tahun: int, kode_wilayah: str | None, bahasa: Bahasa,
            hari_ini: dt.date | None) -> IsiPerlindungan | None:  # fmt: skip
    """The public view of the latest year with data up to ``tahun`` (None: no such year)."""
    terdekat = tahun_terdekat(db_path, kode_provinsi, tahun)
    if terdekat is None:
        return None
    return muat(db_path, kode_provinsi, terdekat, kode_wilayah, terbuka=(), bahasa=bahasa, hari_ini=hari_ini)


def catatan_isi(isi: IsiPerlindungan, bahasa: Bahasa, *, tahun_diminta: int | None = None) -> list[tuple[str, str]]:
    """Plain notes of a section as (kind, text), in order; a kind that does not apply is left out.

    Kinds: the year used (``tahun``), the disclosure rule (``aturan``), the months reported
    (``lengkap``), synthetic data (``sintetis``), not yet verified (``verifikasi``), no denominator
    (``penyebut``), sources (``sumber``).
    """
    catatan = []
    if tahun_diminta is not None and tahun_diminta != isi.tahun:
        catatan.append(("tahun", t("ph_tahun_terdekat", bahasa, tahun=isi.tahun, diminta=tahun_diminta)))
    catatan.append(("aturan", aturan(isi, bahasa)))
    if len(isi.lengkap):
        catatan.append(("lengkap", t("ph_lengkap", bahasa, daftar=teks_lengkap(isi, bahasa))))
    if isi.sintetis:
        catatan.append(("sintetis", t("ph_sintetis_polos", bahasa)))
    belum = isi.belum_terverifikasi()
    if belum:
        daftar = isi.daftar_belum_terverifikasi(bahasa)
        catatan.append(("verifikasi", t("ph_belum_terverifikasi_polos", bahasa, tahun=isi.tahun, daftar=daftar)))
    if not isi.per_anak:
        catatan.append(("penyebut", t("ph_tanpa_penyebut_polos", bahasa)))
    sumber = daftar_sumber(isi.sumber_untuk(), bahasa)
    if sumber:  # one note per source, the first led by "Sumber:"
        sumber[0] = t("ph_sumber_daftar", bahasa, daftar=sumber[0])
    catatan += [("sumber", baris) for baris in sumber]
    catatan.append(("sumber", t("ph_sumber_batas", bahasa)))
    return catatan


def bagian_paket(
    db_path: Path, kode_provinsi: str, kode_wilayah: str, tahun: int, bahasa: Bahasa, tanggal: dt.date | None = None
) -> BagianPaket | None:
    """A kab/kota pack's Perlindungan Anak section in the public view.

    The region beside its province by form, its monthly trend with the months reported, the service
    standard and the small multiples. The year is the pack's cycle or, without data for it, the
    latest year before (said so); None when the province has no such figures at all.
    """
    isi = _publik(db_path, kode_provinsi, tahun, kode_wilayah, bahasa, tanggal)
    if isi is None:
        return None
    kepala, baris = tabel_wilayah(isi, bahasa)
    return BagianPaket(
        judul=t("ph_paket_judul", bahasa, nama=isi.nama_wilayah, tahun=isi.tahun),
        paragraf=[escape(c) for _, c in catatan_isi(isi, bahasa, tahun_diminta=tahun)],
        tabel=(kepala, baris, [3.0, 2.0, 2.0][: len(kepala)]),
        halaman=[
            [
                (judul_tren(isi, bahasa), gambar_tren(isi, bahasa), 470),
                (judul_standar(isi, bahasa), gambar_standar(isi, bahasa), 640),
            ],
            [(judul_bentuk(isi, bahasa), gambar_bentuk(isi, bahasa), 640)],
        ],
        sintetis=isi.sintetis,
    )


def isi_situs(
    db_path: Path, kode_provinsi: str, tahun: int, bahasa: Bahasa, tanggal: dt.date | None = None
) -> IsiPerlindungan | None:
    """The offline site's Perlindungan Anak page content: the province, public view (None: no data)."""
    return _publik(db_path, kode_provinsi, tahun, None, bahasa, tanggal)
