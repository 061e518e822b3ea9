"""Read functions of Perlindungan Anak: every figure already disclosure-controlled for its viewer.

Every function takes ``terbuka`` (the region codes whose exact counts the viewer may see: a
logged-in editor's scope, :func:`terbuka_untuk`; empty for the public) and ``ambang`` (None: the
configured threshold, :func:`sensor.ambang_aktif`), and returns published text and numbers only:
a count the viewer may not see is never in what they return (the sensor's ``nilai`` is NaN there
and ``teks`` is "1–5", "x" or "–"). "1–5" is 1 to the threshold; "x" is hidden so a small count
cannot be worked out from the totals; "–" was not reported. The current year's figures without a
province editor's mark are ``terverifikasi = False`` ("belum terverifikasi"); the current year comes
from ``hari_ini`` (default: today), so tests are deterministic.

Functions (H5's CLI and H6's page, pack and site call these):

- :func:`tahun_tersedia` (db_path, kode_provinsi) -> list[int]: the years with data.
- :func:`rekap_provinsi` (db_path, kode_provinsi, tahun, *, terbuka=(), ambang=None, hari_ini=None,
  bahasa="id", ascii_=False, bentuk_primer="rentang", dengan_total=True) -> DataFrame: one row per
  kab/kota (then the province's total row): ``kode_wilayah, nama``, one column per form of violence,
  ``total, per_10rb_anak`` (text; empty without a denominator), ``bulan_dilaporkan`` (int: months
  reported, 12 for a whole-year figure), ``sintetis``, ``terverifikasi`` (bool). ``ascii_`` gives
  the CLI's text ("1-5", "x", "-", plain digits), ``bentuk_primer="kurang_dari"`` "<6".
- :func:`rekap_tabel` (db_path, kode_provinsi, tahun, tabel, ...) -> :class:`RekapTabel`: any one
  table of the catalogue × kab/kota for one year (never a finer cross-tabulation), controlled.
- :func:`peta_provinsi` (db_path, kode_provinsi, tahun, ...) -> DataFrame ``kode_wilayah, nama,
  ukuran, nilai, teks, status, keterangan, bulan_dilaporkan, sintetis, terverifikasi``: the rate per
  10 000 children per kab/kota, or the cases where no denominator is known (``ukuran``).
- :func:`tren_wilayah` (db_path, kode_wilayah, *, tahun=None, ...) -> DataFrame ``tahun, bulan,
  nilai, teks, status, sintetis, terverifikasi``: cases per month of one kab/kota (``kosong`` for a
  month not reported; a whole-year figure is one row with bulan 0); for a province, one row per year.
- :func:`bentuk_per_tahun` (db_path, kode_wilayah, ...) -> DataFrame ``bentuk, label, tahun, nilai,
  teks, status, sintetis, terverifikasi``: cases per form and year (small multiples), of a kab/kota
  or of the province.
- :func:`panel_standar` (db_path, kode_wilayah, tahun, ...) -> DataFrame ``ukuran, label, persen,
  nama, provinsi, nilai, teks, status``: % of complaints handled within the standard, % re-reported
  within 12 months, % of cases closed and the open caseload, of a kab/kota and of its province.
- :func:`cakupan` (db_path, kode_provinsi, tahun) -> DataFrame ``kode_wilayah, nama, bulan,
  jumlah_bulan, setahun``: which months each kab/kota reported (coverage is not a count of children).
- :func:`terbuka_untuk` (pengguna) -> frozenset[str]: the viewer's open regions.

How tables are linked so that one cannot undo another's suppression: the map, the recap and the
small multiples of a year are cells of one controlled table (cases by form × kab/kota); a kab/kota's
months are published only under its yearly total as the recap publishes it (kept exact; a year whose
total the recap hides is hidden whole, its reported months all "x"); the province's monthly totals are
not published (they would tie the months of all kab/kota together); victims by age and sex are
linked to victims, and cases by place and perpetrator to cases, the same way (the catalogue's
``dasar``). Rates and percentages are published only when every count they are built on is.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from indicators.akun.pengguna import Pengguna
from indicators.format import Bahasa, format_angka
from indicators.galat import GalatDwibahasa
from indicators.io import store
from indicators.katalog.perlindungan import KatalogPerlindungan, katalog_perlindungan
from indicators.perlindungan import sensor
from indicators.perlindungan.sensor import TOTAL, BentukPrimer, TabelTerkendali
from indicators.teks import t

BENTUK = "bentuk_kekerasan"
PER_ANAK = 10_000


def _sel(df: pd.DataFrame, baris: object, kolom: object) -> Any:
    """One cell (pandas-stubs type ``.at`` as a union of every scalar)."""
    return df.at[baris, kolom]


class PilihanPerlindunganError(GalatDwibahasa):
    """A requested province, region, year or table has no data; the message lists what there is."""


def terbuka_untuk(pengguna: Pengguna | None) -> frozenset[str]:
    """The regions whose exact counts ``pengguna`` may see: none for the public, all for an admin."""
    if pengguna is None:
        return frozenset()
    if pengguna.peran == "admin":
        return frozenset({sensor.TERBUKA_SEMUA})
    return frozenset(pengguna.wilayah)


def _hari_ini(hari_ini: dt.date | None) -> dt.date:
    return hari_ini or dt.date.today()


# --- loading ----------------------------------------------------------------------------------------


def _identitas(db_path: Path) -> tuple[str, int, int]:
    st = os.stat(db_path)
    return (str(Path(db_path).resolve()), st.st_mtime_ns, st.st_size)


def tahun_tersedia(db_path: Path, kode_provinsi: str) -> list[int]:
    """The years with at least one row for the province or any of its kab/kota, oldest first."""
    return [int(x) for x in store.kueri(db_path, "perlindungan_tahun", {"kode_provinsi": kode_provinsi})["tahun"]]


def _wilayah(db_path: Path, kode_provinsi: str) -> tuple[str, pd.DataFrame]:
    df = store.kueri(db_path, "perlindungan_wilayah", {"kode_provinsi": kode_provinsi})
    prov = df[df["tingkat"] == "provinsi"]
    if prov.empty or (df["tingkat"] == "kabkota").sum() == 0:
        raise _galat_provinsi(db_path, kode_provinsi)
    kabkota = df[df["tingkat"] == "kabkota"][["kode_wilayah", "nama"]].reset_index(drop=True)
    return str(prov["nama"].iloc[0]), kabkota


def _galat_provinsi(db_path: Path, kode_provinsi: str) -> PilihanPerlindunganError:
    ada = store.kueri(db_path, "perlindungan_provinsi")
    pilihan = ", ".join(f"{k} ({n})" for k, n in zip(ada["kode_provinsi"], ada["nama"], strict=True)) or "-"
    return PilihanPerlindunganError(
        t("pa_galat_provinsi", "id", kode=kode_provinsi, pilihan=pilihan),
        t("pa_galat_provinsi", "en", kode=kode_provinsi, pilihan=pilihan),
    )


def _periksa_tahun(db_path: Path, kode_provinsi: str, nama: str, tahun: int) -> None:
    tersedia = tahun_tersedia(db_path, kode_provinsi)
    if not tersedia:
        raise _galat_provinsi(db_path, kode_provinsi)
    if tahun not in tersedia:
        pilihan = ", ".join(str(x) for x in tersedia) or "-"
        raise PilihanPerlindunganError(
            t("pa_galat_tahun", "id", tahun=tahun, wilayah=nama, pilihan=pilihan),
            t("pa_galat_tahun", "en", tahun=tahun, wilayah=nama, pilihan=pilihan),
        )


def _periksa_tabel(katalog: KatalogPerlindungan, tabel: str) -> None:
    if tabel not in katalog.tabel:
        pilihan = ", ".join(katalog.tabel)
        raise PilihanPerlindunganError(
            t("pa_galat_tabel", "id", tabel=tabel, pilihan=pilihan),
            t("pa_galat_tabel", "en", tabel=tabel, pilihan=pilihan),
        )


def _tahunan(
    baris: pd.DataFrame, kode: Sequence[str], kategori: Sequence[str], katalog: KatalogPerlindungan, tabel: str
) -> pd.DataFrame:
    """A year per region and category, NA where the category was not reported.

    A whole-year row when there is one, else the months: summed for a flow, the last reported month
    for a stock.
    """
    bulanan = baris[baris["bulan"] > 0].sort_values("bulan", kind="stable")
    kelompok = bulanan.groupby(["kode_wilayah", "kategori"])["jumlah"]
    akhir = [k for k in kategori if katalog.agregasi(tabel, k) == "akhir"]
    dari_bulan = kelompok.sum().where(~kelompok.sum().index.get_level_values("kategori").isin(akhir), kelompok.last())
    setahun = baris[baris["bulan"] == 0].set_index(["kode_wilayah", "kategori"])["jumlah"]
    nilai = pd.concat([dari_bulan[~dari_bulan.index.isin(setahun.index)], setahun])
    hasil = nilai.unstack() if len(nilai) else pd.DataFrame()
    return hasil.reindex(index=list(kode), columns=list(kategori)).astype("Float64")


@dataclass(frozen=True)
class RekapTabel:
    """One table of the catalogue × the kab/kota of a province, for one year, controlled for one viewer.

    ``terkendali``: the sensor's result (rows: kab/kota codes, then :data:`sensor.TOTAL` for the
    province; columns: the categories, and :data:`sensor.TOTAL` when the categories add up to a
    meaningful total). ``bulan``: the months each kab/kota reported (any table; 0 = a whole-year row).
    ``sintetis`` and ``terverifikasi`` per kab/kota and for :data:`sensor.TOTAL`.
    """

    tabel: str
    kode_provinsi: str
    nama_provinsi: str
    tahun: int
    wilayah: pd.DataFrame
    terkendali: TabelTerkendali
    bulan: dict[str, tuple[int, ...]]
    sintetis: dict[str, bool]
    terverifikasi: dict[str, bool]
    bulan_diharapkan: int
    """Months a complete year has so far: 12, or up to ``hari_ini``'s month in the current year."""
    _bulanan: pd.DataFrame = field(repr=False)
    """Per kab/kota and month 1–12: the table's total (flows only; NA = no row of this table).
    Exact counts, never published: only :func:`tren_wilayah` reads them, through the sensor."""

    def bulan_dilaporkan(self, kode: str) -> int:
        """Months reported by a kab/kota (12 for a whole-year figure).

        For :data:`sensor.TOTAL`: the months in which any kab/kota reported.
        """
        if kode == TOTAL:
            semua = {m for b in self.bulan.values() for m in b}
            return 12 if 0 in semua else len(semua)
        bulan = self.bulan.get(kode, ())
        return 12 if 0 in bulan else len(bulan)

    def kolom_total(self) -> str:
        """The column holding each kab/kota's total (the only category when there is one)."""
        kolom = list(self.terkendali.teks.columns)
        return TOTAL if TOTAL in kolom else str(kolom[0])


def rekap_tabel(
    db_path: Path,
    kode_provinsi: str,
    tahun: int,
    tabel: str,
    *,
    terbuka: Collection[str] = (),
    ambang: int | None = None,
    hari_ini: dt.date | None = None,
    bahasa: Bahasa = "id",
    ascii_: bool = False,
    bentuk_primer: BentukPrimer = "rentang",
) -> RekapTabel:
    """One table of the catalogue × the kab/kota of a province for ``tahun``, disclosure-controlled.

    Raises :class:`PilihanPerlindunganError` (naming what is available) for an unknown province,
    table, or a year without data.
    """
    katalog = katalog_perlindungan()
    _periksa_tabel(katalog, tabel)
    return _rekap(
        _identitas(db_path), kode_provinsi, int(tahun), tabel, frozenset(terbuka), sensor.ambang_aktif(ambang),
        _hari_ini(hari_ini), bahasa, ascii_, bentuk_primer,
    )  # fmt: skip


@lru_cache(maxsize=256)
def _rekap(
    identitas: tuple[str, int, int],
    kode_provinsi: str,
    tahun: int,
    tabel: str,
    terbuka: frozenset[str],
    ambang: int,
    hari_ini: dt.date,
    bahasa: Bahasa,
    ascii_: bool,
    bentuk_primer: BentukPrimer,
) -> RekapTabel:
    # Kept per version of the file (its identity is in the key): a page asks for the same year's
    # table for the map, the recap, the small multiples and the trend.
    db_path = Path(identitas[0])
    katalog = katalog_perlindungan()
    nama_provinsi, wilayah = _wilayah(db_path, kode_provinsi)
    _periksa_tahun(db_path, kode_provinsi, nama_provinsi, tahun)
    kode = [str(k) for k in wilayah["kode_wilayah"]]
    kategori = list(katalog.tabel[tabel].kategori)
    param = {"kode_provinsi": kode_provinsi, "tahun": tahun, "tabel": tabel}
    baris = store.kueri(db_path, "perlindungan_baris_provinsi", param)
    asli = _tahunan(baris, kode, kategori, katalog, tabel)
    lapor = store.kueri(db_path, "perlindungan_bulan_lapor", {"kode_provinsi": kode_provinsi, "tahun": tahun})
    bulan = {k: tuple(int(m) for m in lapor.loc[lapor["kode_wilayah"] == k, "bulan"]) for k in kode}
    total_kolom = katalog.tabel[tabel].jumlah_bermakna and len(kategori) > 1
    diketahui, selimut = _taut_dasar(
        katalog, tabel, asli, db_path, kode_provinsi, tahun, terbuka, ambang, hari_ini, bahasa, ascii_, bentuk_primer
    )
    terkendali = sensor.kendalikan(
        asli,
        ambang=ambang,
        terbuka=terbuka,
        total_kolom=total_kolom,
        total_diketahui=diketahui,
        baris_selimut=selimut,
        bahasa=bahasa,
        ascii_=ascii_,
        bentuk_primer=bentuk_primer,
    )
    ada_sintetis = baris.groupby("kode_wilayah")["sintetis"].any()
    sintetis = {k: bool(ada_sintetis.get(k, False)) for k in kode}
    sintetis[TOTAL] = _total_sintetis(db_path, param, asli, sintetis)
    tanda = set(
        store.kueri(db_path, "perlindungan_verifikasi", {"kode_provinsi": kode_provinsi, "tahun": tahun})[
            "kode_wilayah"
        ]
    )
    kini = tahun == hari_ini.year
    terverifikasi = {k: not kini or k in tanda for k in kode}
    dilapor = [k for k in kode if bulan[k]]
    terverifikasi[TOTAL] = not kini or kode_provinsi in tanda or (bool(dilapor) and all(k in tanda for k in dilapor))
    return RekapTabel(
        tabel=tabel,
        kode_provinsi=kode_provinsi,
        nama_provinsi=nama_provinsi,
        tahun=tahun,
        wilayah=wilayah,
        terkendali=terkendali,
        bulan=bulan,
        sintetis=sintetis,
        terverifikasi=terverifikasi,
        bulan_diharapkan=len(_bulan_tahun(tahun, hari_ini)),
        _bulanan=_bulanan(baris, kode, katalog, tabel),
    )


def _bulanan(baris: pd.DataFrame, kode: Sequence[str], katalog: KatalogPerlindungan, tabel: str) -> pd.DataFrame:
    arus = [k for k in katalog.tabel[tabel].kategori if katalog.agregasi(tabel, k) == "jumlah"]
    bulanan = baris[(baris["bulan"] > 0) & baris["kategori"].isin(arus)]
    jumlah = bulanan.groupby(["kode_wilayah", "bulan"])["jumlah"].sum().unstack()
    return jumlah.reindex(index=list(kode), columns=range(1, 13)).astype("Float64")


def _total_sintetis(db_path: Path, param: dict[str, object], asli: pd.DataFrame, sintetis: dict[str, bool]) -> bool:
    """The province row is real when the province's own real figure is that sum for every category."""
    if not any(sintetis.values()):
        return False
    sendiri = store.kueri(db_path, "perlindungan_baris_provinsi_sendiri", param)
    nyata = sendiri[(sendiri["bulan"] == 0) & ~sendiri["sintetis"]].set_index("kategori")["jumlah"]
    jumlah = asli.sum(skipna=True)
    return not (set(nyata.index) >= set(asli.columns) and all(int(nyata[k]) == int(jumlah[k]) for k in asli.columns))


def _taut_dasar(
    katalog: KatalogPerlindungan,
    tabel: str,
    asli: pd.DataFrame,
    db_path: Path,
    kode_provinsi: str,
    tahun: int,
    terbuka: frozenset[str],
    ambang: int,
    hari_ini: dt.date,
    bahasa: Bahasa,
    ascii_: bool,
    bentuk_primer: BentukPrimer,
) -> tuple[set[str], set[str]]:
    """Rows whose total the base table publishes exactly (and equal), and rows whose total it hides."""
    dasar = katalog.tabel[tabel].dasar
    if dasar is None:
        return set(), set()
    induk = _rekap(
        _identitas(db_path), kode_provinsi, tahun, dasar, terbuka, ambang, hari_ini, bahasa, ascii_, bentuk_primer
    )
    kolom = induk.kolom_total()
    status, nilai = induk.terkendali.status[kolom], induk.terkendali.nilai[kolom]
    jumlah = asli.sum(axis=1, skipna=True)
    diketahui = {
        str(k)
        for k in asli.index
        if status.get(k) == "terbuka" and not math.isnan(nilai[k]) and int(nilai[k]) == int(jumlah[k])
    }
    selimut = {str(k) for k in asli.index if status.get(k) in sensor.STATUS_TERSAMAR}
    return diketahui, selimut


# --- the recap ---------------------------------------------------------------------------------------


def _penduduk(db_path: Path, kode_provinsi: str, tahun: int, kode: Sequence[str]) -> dict[str, int]:
    """Children aged 0–17 per kab/kota and (as :data:`sensor.TOTAL`) the province: real figures only."""
    df = store.kueri(db_path, "perlindungan_penduduk", {"kode_provinsi": kode_provinsi, "tahun": tahun})
    ada = {str(k): int(v) for k, v in zip(df["kode_wilayah"], df["jumlah"], strict=True)}
    hasil = {k: ada[k] for k in kode if k in ada}
    if kode_provinsi in ada:
        hasil[TOTAL] = ada[kode_provinsi]
    elif kode and all(k in ada for k in kode):
        hasil[TOTAL] = sum(ada[k] for k in kode)  # a sum of real figures, never an estimate
    return hasil


def _laju(
    rekap: RekapTabel, penduduk: dict[str, int], kode: str, bahasa: Bahasa, ascii_: bool
) -> tuple[float, str, str]:
    """(value, text, status) of the rate per 10 000 children of one row: hidden with its count."""
    kolom = rekap.kolom_total()
    status = str(rekap.terkendali.status.at[kode, kolom])
    if kode not in penduduk:
        return math.nan, "", status
    if status in sensor.STATUS_TERSAMAR:
        return math.nan, sensor.TEKS_SEKUNDER, status
    if status == "kosong":
        return math.nan, sensor.teks_kosong(ascii_=ascii_), status
    laju = float(_sel(rekap.terkendali.nilai, kode, kolom)) / penduduk[kode] * PER_ANAK
    return laju, sensor.teks_angka(laju, desimal=1, bahasa=bahasa, ascii_=ascii_), status


def rekap_provinsi(
    db_path: Path,
    kode_provinsi: str,
    tahun: int,
    *,
    terbuka: Collection[str] = (),
    ambang: int | None = None,
    hari_ini: dt.date | None = None,
    bahasa: Bahasa = "id",
    ascii_: bool = False,
    bentuk_primer: BentukPrimer = "rentang",
    dengan_total: bool = True,
) -> pd.DataFrame:
    """Cases by form of violence per kab/kota of a province in ``tahun`` (the CLI's ``rekap``).

    Columns: ``kode_wilayah, nama``, the forms (``fisik, psikis, seksual, eksploitasi, tppo,
    penelantaran, lainnya``), ``total, per_10rb_anak, bulan_dilaporkan, sintetis, terverifikasi``.
    Cells are published text (see the module docstring); with ``dengan_total`` the last row is the
    province (``kode_wilayah`` = ``kode_provinsi``), the sum of its kab/kota.
    """
    rekap = rekap_tabel(
        db_path, kode_provinsi, tahun, BENTUK,
        terbuka=terbuka, ambang=ambang, hari_ini=hari_ini, bahasa=bahasa, ascii_=ascii_, bentuk_primer=bentuk_primer,
    )  # fmt: skip
    kode = [str(k) for k in rekap.wilayah["kode_wilayah"]]
    penduduk = _penduduk(db_path, kode_provinsi, rekap.tahun, kode)
    nama = dict(zip(kode, rekap.wilayah["nama"], strict=True))
    baris = []
    for k in [*kode, *([TOTAL] if dengan_total else [])]:
        teks = rekap.terkendali.teks.loc[k]
        baris.append(
            {
                "kode_wilayah": kode_provinsi if k == TOTAL else k,
                "nama": rekap.nama_provinsi if k == TOTAL else nama[k],
                **{kat: str(teks[kat]) for kat in katalog_perlindungan().tabel[BENTUK].kategori},
                "total": str(teks[TOTAL]),
                "per_10rb_anak": _laju(rekap, penduduk, k, bahasa, ascii_)[1],
                "bulan_dilaporkan": rekap.bulan_dilaporkan(k),
                "sintetis": rekap.sintetis[k],
                "terverifikasi": rekap.terverifikasi[k],
            }
        )
    return pd.DataFrame(baris)


def cakupan(db_path: Path, kode_provinsi: str, tahun: int) -> pd.DataFrame:
    """Which months each kab/kota reported in ``tahun`` (coverage, not a count of children).

    Columns: ``kode_wilayah, nama, bulan`` (a tuple of months; 0 = a whole-year figure),
    ``jumlah_bulan`` (12 for a whole-year figure), ``setahun``.
    """
    _, wilayah = _wilayah(db_path, kode_provinsi)
    lapor = store.kueri(db_path, "perlindungan_bulan_lapor", {"kode_provinsi": kode_provinsi, "tahun": int(tahun)})
    baris = []
    for k, n in zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True):
        bulan = tuple(int(m) for m in lapor.loc[lapor["kode_wilayah"] == k, "bulan"])
        baris.append(
            {
                "kode_wilayah": k,
                "nama": n,
                "bulan": bulan,
                "jumlah_bulan": 12 if 0 in bulan else len(bulan),
                "setahun": 0 in bulan,
            }
        )
    return pd.DataFrame(baris)


# --- the page's figures ----------------------------------------------------------------------------------


def _keterangan(rekap: RekapTabel, kode: str, bahasa: Bahasa) -> str:
    """Published notes of one row: months reported, synthetic, not yet verified."""
    bulan = rekap.bulan.get(kode, ()) if kode != TOTAL else ()
    if kode != TOTAL and 0 in bulan:
        baris = [t("pa_setahun_penuh", bahasa)]
    elif kode != TOTAL and not bulan:
        baris = [t("pa_tidak_dilaporkan", bahasa)]
    elif kode != TOTAL:
        baris = [t("pa_bulan_dilaporkan", bahasa, dilaporkan=len(bulan), bulan=rekap.bulan_diharapkan)]
    else:
        baris = []
    if rekap.sintetis.get(kode):
        baris.append(t("pa_sintetis", bahasa))
    if not rekap.terverifikasi.get(kode, True):
        baris.append(t("pa_belum_terverifikasi", bahasa))
    return "; ".join(baris)


def peta_provinsi(
    db_path: Path,
    kode_provinsi: str,
    tahun: int,
    *,
    terbuka: Collection[str] = (),
    ambang: int | None = None,
    hari_ini: dt.date | None = None,
    bahasa: Bahasa = "id",
) -> pd.DataFrame:
    """The map's values per kab/kota: the rate per 10 000 children, or the cases.

    ``ukuran`` is "per_10rb_anak" when any denominator is known for the year, else "jumlah"; a
    kab/kota without a denominator then shows "tidak diketahui" (status ``terbuka``, no value),
    never an invented rate. A rate is hidden with its count.
    """
    rekap = rekap_tabel(
        db_path, kode_provinsi, tahun, BENTUK, terbuka=terbuka, ambang=ambang, hari_ini=hari_ini, bahasa=bahasa
    )
    kode = [str(k) for k in rekap.wilayah["kode_wilayah"]]
    penduduk = _penduduk(db_path, kode_provinsi, rekap.tahun, kode)
    ukuran = "per_10rb_anak" if any(k in penduduk for k in kode) else "jumlah"
    baris = []
    for k, n in zip(kode, rekap.wilayah["nama"], strict=True):
        status = str(rekap.terkendali.status.at[k, TOTAL])
        if ukuran == "jumlah":
            nilai, teks = float(_sel(rekap.terkendali.nilai, k, TOTAL)), str(rekap.terkendali.teks.at[k, TOTAL])
        else:
            nilai, teks, status = _laju(rekap, penduduk, k, bahasa, False)
            if teks == "":
                teks = t("pa_tidak_diketahui", bahasa)
        baris.append(
            {
                "kode_wilayah": k,
                "nama": n,
                "ukuran": ukuran,
                "nilai": nilai,
                "teks": teks,
                "status": status,
                "keterangan": _keterangan(rekap, k, bahasa),
                "bulan_dilaporkan": rekap.bulan_dilaporkan(k),
                "sintetis": rekap.sintetis[k],
                "terverifikasi": rekap.terverifikasi[k],
            }
        )
    return pd.DataFrame(baris)


def _satu_wilayah(db_path: Path, kode_wilayah: str) -> tuple[str, str, str]:
    """(name, level, province code) of a kab/kota or province."""
    df = store.kueri(db_path, "perlindungan_satu_wilayah", {"kode_wilayah": kode_wilayah})
    if df.empty:
        raise PilihanPerlindunganError(
            t("pa_galat_wilayah", "id", kode=kode_wilayah), t("pa_galat_wilayah", "en", kode=kode_wilayah)
        )
    return str(df["nama"].iloc[0]), str(df["tingkat"].iloc[0]), str(df["kode_provinsi"].iloc[0])


def _tahun_pilihan(db_path: Path, kode_provinsi: str, tahun: Iterable[int] | None) -> list[int]:
    tersedia = tahun_tersedia(db_path, kode_provinsi)
    if tahun is None:
        return tersedia
    return [int(x) for x in tahun if int(x) in tersedia]


def _bulan_tahun(tahun: int, hari_ini: dt.date) -> list[int]:
    """The months of a year a trend shows: all twelve, or up to this month in the current year."""
    if tahun > hari_ini.year:
        return []
    return list(range(1, (hari_ini.month if tahun == hari_ini.year else 12) + 1))


def _tren_tahun(
    rekap: RekapTabel, kode: str, terbuka: frozenset[str], hari_ini: dt.date, bahasa: Bahasa
) -> list[dict[str, object]]:
    """The months of one kab/kota in one year, under its yearly total as the recap publishes it."""
    umum = {"tahun": rekap.tahun, "sintetis": rekap.sintetis[kode], "terverifikasi": rekap.terverifikasi[kode]}
    bulan_lapor = rekap.bulan.get(kode, ())
    if 0 in bulan_lapor:  # a whole-year figure: the recap's cell, as it is
        return [
            {
                **umum,
                "bulan": 0,
                "nilai": float(_sel(rekap.terkendali.nilai, kode, TOTAL)),
                "teks": str(rekap.terkendali.teks.at[kode, TOTAL]),
                "status": str(rekap.terkendali.status.at[kode, TOTAL]),
            }
        ]
    bulan = _bulan_tahun(rekap.tahun, hari_ini)
    # A month without a row of this table was not reported for it (a reported zero is a row of 0).
    deret = rekap._bulanan.loc[[kode], bulan]
    status_total = str(rekap.terkendali.status.at[kode, TOTAL])
    hasil = sensor.kendalikan(
        deret,
        ambang=rekap.terkendali.ambang,
        terbuka=terbuka,
        total_baris=False,
        total_diketahui={kode} if status_total == "terbuka" else set(),
        baris_selimut={kode} if status_total in sensor.STATUS_TERSAMAR else set(),
        bahasa=bahasa,
    )
    return [
        {
            **umum,
            "bulan": m,
            "nilai": float(_sel(hasil.nilai, kode, m)),
            "teks": str(hasil.teks.at[kode, m]),
            "status": str(hasil.status.at[kode, m]),
        }
        for m in bulan
    ]


def tren_wilayah(
    db_path: Path,
    kode_wilayah: str,
    *,
    tahun: Iterable[int] | None = None,
    terbuka: Collection[str] = (),
    ambang: int | None = None,
    hari_ini: dt.date | None = None,
    bahasa: Bahasa = "id",
) -> pd.DataFrame:
    """Cases per month of one kab/kota, in time order; for a province, cases per year (bulan 0).

    Every month of each year is a row (``kosong``: not reported); ``tahun`` None: every year with data.
    A kab/kota's months are published only under its yearly total as the recap publishes it: when
    the recap hides that total, the year's reported months are all "x" (nothing of them is shown).
    """
    hari_ini = _hari_ini(hari_ini)
    _, tingkat, kode_provinsi = _satu_wilayah(db_path, kode_wilayah)
    buka = frozenset(terbuka)
    baris: list[dict[str, object]] = []
    for th in _tahun_pilihan(db_path, kode_provinsi, tahun):
        rekap = rekap_tabel(
            db_path, kode_provinsi, th, BENTUK, terbuka=buka, ambang=ambang, hari_ini=hari_ini, bahasa=bahasa
        )
        if tingkat == "provinsi":
            baris.append(
                {
                    "tahun": th,
                    "bulan": 0,
                    "nilai": float(_sel(rekap.terkendali.nilai, TOTAL, TOTAL)),
                    "teks": str(rekap.terkendali.teks.at[TOTAL, TOTAL]),
                    "status": str(rekap.terkendali.status.at[TOTAL, TOTAL]),
                    "sintetis": rekap.sintetis[TOTAL],
                    "terverifikasi": rekap.terverifikasi[TOTAL],
                }
            )
        else:
            baris.extend(_tren_tahun(rekap, kode_wilayah, buka, hari_ini, bahasa))
    kolom = ["tahun", "bulan", "nilai", "teks", "status", "sintetis", "terverifikasi"]
    return pd.DataFrame(baris, columns=kolom)


def bentuk_per_tahun(
    db_path: Path,
    kode_wilayah: str,
    *,
    tahun: Iterable[int] | None = None,
    terbuka: Collection[str] = (),
    ambang: int | None = None,
    hari_ini: dt.date | None = None,
    bahasa: Bahasa = "id",
) -> pd.DataFrame:
    """Cases per form of violence and year (the small multiples), of a kab/kota or its province.

    The kab/kota's row, or the province's total row, of each year's recap. One row per form and
    year, forms in catalogue order.
    """
    _, tingkat, kode_provinsi = _satu_wilayah(db_path, kode_wilayah)
    baris_rekap = TOTAL if tingkat == "provinsi" else kode_wilayah
    kategori = katalog_perlindungan().tabel[BENTUK].kategori
    baris = []
    for th in _tahun_pilihan(db_path, kode_provinsi, tahun):
        rekap = rekap_tabel(
            db_path, kode_provinsi, th, BENTUK, terbuka=terbuka, ambang=ambang, hari_ini=hari_ini, bahasa=bahasa
        )
        for kode, kat in kategori.items():
            baris.append(
                {
                    "bentuk": kode,
                    "label": kat.label.teks(bahasa),
                    "tahun": th,
                    "nilai": float(_sel(rekap.terkendali.nilai, baris_rekap, kode)),
                    "teks": str(rekap.terkendali.teks.at[baris_rekap, kode]),
                    "status": str(rekap.terkendali.status.at[baris_rekap, kode]),
                    "sintetis": rekap.sintetis[baris_rekap],
                    "terverifikasi": rekap.terverifikasi[baris_rekap],
                }
            )
    return pd.DataFrame(
        baris, columns=["bentuk", "label", "tahun", "nilai", "teks", "status", "sintetis", "terverifikasi"]
    )


def _persen(
    pembilang: Sequence[tuple[float, str]], penyebut: Sequence[tuple[float, str]], bahasa: Bahasa
) -> tuple[float, str, str]:
    """A percentage from (value, status) counts: published only when every count is."""
    status = [s for _, s in [*pembilang, *penyebut]]
    if sensor.tersamar(status):
        return math.nan, sensor.TEKS_SEKUNDER, "primer" if "primer" in status else "sekunder"
    if "kosong" in status:
        return math.nan, sensor.teks_kosong(), "kosong"
    bawah = sum(v for v, _ in penyebut)
    if bawah == 0:
        return math.nan, t("pa_tidak_diketahui", bahasa), "terbuka"
    nilai = 100 * sum(v for v, _ in pembilang) / bawah
    return nilai, f"{format_angka(nilai, 1, bahasa)}%", "terbuka"


def panel_standar(
    db_path: Path,
    kode_wilayah: str,
    tahun: int,
    *,
    terbuka: Collection[str] = (),
    ambang: int | None = None,
    hari_ini: dt.date | None = None,
    bahasa: Bahasa = "id",
) -> pd.DataFrame:
    """The service-standard panel of a kab/kota against its province for ``tahun``.

    Measures: ``tepat_waktu`` (% of complaints of every risk level handled within the standard),
    ``dilaporkan_ulang`` (% of cases re-reported within 12 months), ``ditutup`` (% of cases handled
    that were closed: closed ÷ (closed + open at period end)), ``terbuka`` (open at period end). A
    percentage is published only when every count it is made of is; the region's bar comes first.
    """
    nama, tingkat, kode_provinsi = _satu_wilayah(db_path, kode_wilayah)
    opsi = {"terbuka": terbuka, "ambang": ambang, "hari_ini": hari_ini, "bahasa": bahasa}
    respons = rekap_tabel(db_path, kode_provinsi, tahun, "respons", **opsi)  # type: ignore[arg-type]
    kasus = rekap_tabel(db_path, kode_provinsi, tahun, BENTUK, **opsi)  # type: ignore[arg-type]
    pilihan = (
        [(TOTAL, respons.nama_provinsi, True)]
        if tingkat == "provinsi"
        else [(kode_wilayah, nama, False), (TOTAL, respons.nama_provinsi, True)]
    )
    baris = []
    for kode, label_nama, provinsi in pilihan:
        tk = respons.terkendali

        def sel(kategori: str, kode: str = kode, tk: TabelTerkendali = tk) -> tuple[float, str]:
            return float(_sel(tk.nilai, kode, kategori)), str(tk.status.at[kode, kategori])

        kasus_total = (float(_sel(kasus.terkendali.nilai, kode, TOTAL)), str(kasus.terkendali.status.at[kode, TOTAL]))
        ukuran = {
            "tepat_waktu": _persen(
                [sel(f"aduan_risiko_{r}_tepat_waktu") for r in ("tinggi", "sedang", "rendah")],
                [sel(f"aduan_risiko_{r}") for r in ("tinggi", "sedang", "rendah")],
                bahasa,
            ),
            "dilaporkan_ulang": _persen([sel("dilaporkan_ulang_12_bulan")], [kasus_total], bahasa),
            "ditutup": _persen(
                [sel("kasus_ditutup")], [sel("kasus_ditutup"), sel("kasus_terbuka_akhir_periode")], bahasa
            ),
            "terbuka": (
                float(_sel(tk.nilai, kode, "kasus_terbuka_akhir_periode")),
                str(tk.teks.at[kode, "kasus_terbuka_akhir_periode"]),
                str(tk.status.at[kode, "kasus_terbuka_akhir_periode"]),
            ),
        }
        for u, (nilai, teks, status) in ukuran.items():
            baris.append(
                {
                    "ukuran": u,
                    "label": t(f"pa_standar_{u}", bahasa),
                    "persen": u != "terbuka",
                    "nama": label_nama,
                    "provinsi": provinsi,
                    "nilai": nilai,
                    "teks": teks,
                    "status": status,
                }
            )
    hasil = pd.DataFrame(baris)
    urutan = {u: i for i, u in enumerate(("tepat_waktu", "dilaporkan_ulang", "ditutup", "terbuka"))}
    return hasil.sort_values(
        ["ukuran", "provinsi"], key=lambda s: s.map(urutan) if s.name == "ukuran" else s, kind="stable"
    ).reset_index(drop=True)


# --- sources ----------------------------------------------------------------------------------------

KOLOM_SUMBER = (
    "sumber_id", "sitasi", "url", "jenis", "lisensi", "keyakinan", "sintetis",
    "cakupan", "tabel", "tahun", "jumlah_wilayah", "jumlah_baris",
)  # fmt: skip
"""The columns of :func:`sumber_perlindungan`."""


def sumber_perlindungan(db_path: Path, kode_provinsi: str, tahun: int, *, sejak: int | None = None) -> pd.DataFrame:
    """The sources behind the Perlindungan Anak figures of a province from ``sejak`` (default: ``tahun``) to ``tahun``.

    One row per source and coverage (``cakupan``): ``provinsi`` (the province's own rows, such as a
    real BPS total), ``kabkota`` (rows of its kab/kota: real, imported or the synthetic sample) and
    ``penyebut`` (children aged 0–17, the denominators of rates). Columns :data:`KOLOM_SUMBER`:
    the source's id, citation, URL, kind (``berita_resmi``, ``impor``, ``sintetis`` …), licence and
    confidence as the ``sumber`` table holds them; ``sintetis`` when the source or any row it covers
    is; ``tabel`` and ``tahun`` the catalogue tables and years covered (comma-separated, sorted);
    ``jumlah_wilayah`` and ``jumlah_baris`` how many regions and stored rows. Real provincial rows come
    first, synthetic last. A source behind a count lists it even where the count is suppressed:
    naming the source discloses no count.

    Raises :class:`PilihanPerlindunganError` for an unknown province or a ``tahun`` without data.
    """
    nama, _ = _wilayah(db_path, kode_provinsi)
    _periksa_tahun(db_path, kode_provinsi, nama, int(tahun))
    awal = int(tahun) if sejak is None else min(int(sejak), int(tahun))
    param = {"kode_provinsi": kode_provinsi, "tahun_awal": awal, "tahun_akhir": int(tahun)}
    df = store.kueri(db_path, "perlindungan_sumber", param)
    df["sintetis"] = df["sintetis"].astype(bool)
    for kolom in ("jumlah_wilayah", "jumlah_baris"):
        df[kolom] = df[kolom].astype("int64")
    return df[list(KOLOM_SUMBER)].reset_index(drop=True)
