"""Comparison over time: series of several kab/kota across cycles, peer groups and averages.

Evaluation cycles are not annual (2019 → 2021 → 2022 → 2023 → 2025). The series here are laid on
the calendar year, and a year without an evaluation is a gap: a row whose value is missing, never
an interpolated one, so a line drawn from it breaks there.

A measure (``ukuran``) is the total (``total``), a group subtotal (``kelembagaan``,
``klaster_1`` … ``klaster_5``) or a KLA24 indicator (``KLA24-04``). Totals and subtotals are points;
an indicator is its share of the maximum (``capaian_persen``), so KLA31 cycles bridged through the
crosswalk share the scale (see ``analitik.seri_indikator``).

All functions are pure: DataFrames and the catalogue in, DataFrames and lists out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

import pandas as pd

from indicators.analisis import analitik
from indicators.format import Bahasa
from indicators.katalog.model import KELOMPOK, Katalog

JenisUkuran = Literal["total", "kelompok", "indikator"]
Sebaya = Literal["pilihan", "provinsi", "predikat", "tetangga"]

SEBAYA: tuple[Sebaya, ...] = ("pilihan", "provinsi", "predikat", "tetangga")
"""Peer presets: the user's own choice, the province average, same official predikat, neighbours."""

SKEMA_UTAMA = "KLA24"
"""The scheme whose indicators can be followed over time (KLA31 cycles reach them via the crosswalk)."""

KOLOM_SERI = ["tahun", "kode_wilayah", "nilai", "skema", "komparabilitas", "indikator_sumber", "sintetis"]
"""Columns of a series table (one row per region and cycle)."""


def jenis_ukuran(kode: str) -> JenisUkuran:
    """Return the kind of a measure code: ``total``, a group subtotal or an indicator."""
    if kode == "total":
        return "total"
    if kode in KELOMPOK:
        return "kelompok"
    return "indikator"


def daftar_ukuran(katalog: Katalog) -> list[str]:
    """Return the measure codes in display order: total, the six groups, then every KLA24 indicator."""
    return ["total", *KELOMPOK, *(i.id for i in katalog.skema[SKEMA_UTAMA].indikator)]


def label_ukuran(kode: str, katalog: Katalog, bahasa: Bahasa) -> str:
    """Return the display name of a measure (group and indicator names come from the catalogue)."""
    skema = katalog.skema[SKEMA_UTAMA]
    jenis = jenis_ukuran(kode)
    if jenis == "total":
        return "Total skor" if bahasa == "id" else "Total score"
    if jenis == "kelompok":
        kelompok = skema.kelompok_dari(kode)
        return kelompok.nama if bahasa == "id" else kelompok.nama_en
    ind = katalog.indikator()[kode]
    return f"{ind.nomor}. {ind.label.teks if bahasa == 'id' else ind.nama_en} ({kode})"


def maks_kelompok_per_skema(katalog: Katalog, kelompok: str) -> dict[str, float]:
    """Return a group's maximum in each scheme, oldest first, e.g. ``{'KLA31': 150.0, 'KLA24': 160.0}``."""
    urut = sorted(katalog.skema.values(), key=lambda s: s.tahun_mulai)
    return {skema.kode: skema.nilai_maks_kelompok()[kelompok] for skema in urut}


def sumbu_tahun(tahun_siklus: Iterable[int]) -> list[int]:
    """Return every calendar year from the first to the last cycle (the x axis of the charts)."""
    daftar = sorted({int(t) for t in tahun_siklus})
    return list(range(daftar[0], daftar[-1] + 1)) if daftar else []


def tahun_tanpa_evaluasi(tahun_siklus: Iterable[int]) -> list[int]:
    """Return the years inside the axis with no evaluation cycle at all (e.g. 2020 and 2024)."""
    ada = {int(t) for t in tahun_siklus}
    return [t for t in sumbu_tahun(ada) if t not in ada]


@dataclass(frozen=True)
class GantiSkema:
    """A change of indicator scheme between two consecutive cycles."""

    tahun_lama: int
    tahun_baru: int
    skema_lama: str
    skema_baru: str

    @property
    def posisi(self) -> float:
        """Where the marker goes on the year axis: halfway between the two cycles."""
        return (self.tahun_lama + self.tahun_baru) / 2


def pergantian_skema(siklus: Iterable[tuple[int, str]]) -> list[GantiSkema]:
    """Return every scheme change between consecutive cycles, from ``(tahun, skema)`` pairs."""
    urut = sorted(set(siklus))
    return [GantiSkema(lama[0], baru[0], lama[1], baru[1]) for lama, baru in pairwise(urut) if lama[1] != baru[1]]


@dataclass(frozen=True)
class SumbuWaktu:
    """The shared x axis of the charts: calendar years, years without a cycle, scheme changes."""

    tahun: list[int]
    tanpa_evaluasi: list[int]
    ganti_skema: list[GantiSkema]


def sumbu_waktu(siklus: Iterable[tuple[int, str]]) -> SumbuWaktu:
    """Build the year axis from ``(tahun, skema)`` pairs of the cycles with data (duplicates allowed)."""
    pasangan = {(int(t), str(s)) for t, s in siklus}
    tahun = [t for t, _ in pasangan]
    return SumbuWaktu(sumbu_tahun(tahun), tahun_tanpa_evaluasi(tahun), pergantian_skema(pasangan))


def urutkan_disematkan(kode: Sequence[str], disematkan: str | None = None) -> list[str]:
    """Return the codes without duplicates, the pinned one first (by default the first given)."""
    unik = list(dict.fromkeys(kode))
    if disematkan is None:
        return unik
    return [disematkan, *(k for k in unik if k != disematkan)]


def urai_daftar_wilayah(teks: str | None, tersedia: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split a URL list such as ``'33.75,33.26'`` into known codes and unknown ones (order kept)."""
    ada = set(tersedia)
    bagian = [b.strip() for b in (teks or "").split(",") if b.strip()]
    dikenal = urutkan_disematkan([b for b in bagian if b in ada])
    return dikenal, [b for b in dict.fromkeys(bagian) if b not in ada]


def predikat_terakhir(predikat_resmi: pd.DataFrame, kode_wilayah: str) -> tuple[int, str] | None:
    """Return ``(tahun, predikat)`` of the latest cycle with an official predikat for the region."""
    milik = predikat_resmi[(predikat_resmi["kode_wilayah"] == kode_wilayah) & predikat_resmi["predikat"].notna()]
    if milik.empty:
        return None
    baris = milik.sort_values("tahun").iloc[-1]
    return int(baris["tahun"]), str(baris["predikat"])


def kelompok_preset(
    kode_wilayah: str,
    wilayah: pd.DataFrame,
    tetangga: pd.DataFrame,
    predikat_resmi: pd.DataFrame,
    kode_ada: Iterable[str],
) -> dict[Sebaya, list[str]]:
    """Return the regions each peer preset shows, the pinned region first.

    ``provinsi`` shows the pinned region alone (with the province average drawn separately);
    ``tetangga`` adds its neighbours; ``predikat`` adds the regions that had the same official
    predikat in the pinned region's latest cycle with one. Only regions in ``kode_ada`` (with
    scores) are kept. ``pilihan`` is the user's own list and is not a preset (empty here).
    """
    ada = set(kode_ada)
    tetangga_kode = analitik.kelompok_sebaya(kode_wilayah, "tetangga", wilayah, tetangga=tetangga)
    terakhir = predikat_terakhir(predikat_resmi, kode_wilayah)
    predikat_kode: list[str] = []
    if terakhir is not None:
        siklus = predikat_resmi[predikat_resmi["tahun"] == terakhir[0]]
        predikat_kode = analitik.kelompok_sebaya(
            kode_wilayah, "predikat", wilayah, predikat=siklus[["kode_wilayah", "predikat"]]
        )
    return {
        "pilihan": [],
        "provinsi": [kode_wilayah],
        "predikat": [kode_wilayah, *(k for k in predikat_kode if k in ada)],
        "tetangga": [kode_wilayah, *(k for k in tetangga_kode if k in ada)],
    }


def seri_skor(skor: pd.DataFrame, kode_wilayah: Sequence[str], kolom: str) -> pd.DataFrame:
    """Return the series of a total or group subtotal for the given regions (columns ``KOLOM_SERI``).

    ``skor`` is one stage of ``skor_semua_siklus`` (``tahun, kode_wilayah, kode_skema, sintetis``
    and the score columns). Totals and subtotals carry no crosswalk: ``komparabilitas`` is ``sama``.
    """
    data = skor[skor["kode_wilayah"].isin(kode_wilayah)]
    hasil = pd.DataFrame(
        {
            "tahun": data["tahun"].astype(int),
            "kode_wilayah": data["kode_wilayah"],
            "nilai": data[kolom].astype(float),
            "skema": data["kode_skema"],
            "komparabilitas": "sama",
            "indikator_sumber": "",
            "sintetis": data["sintetis"].astype(bool),
        }
    )
    return hasil.sort_values(["kode_wilayah", "tahun"], ignore_index=True)[KOLOM_SERI]


def seri_indikator_wilayah(skor_indikator: pd.DataFrame, indikator: str, tahap: str, katalog: Katalog) -> pd.DataFrame:
    """Return one KLA24 indicator as % of its maximum for every region in ``skor_indikator``.

    ``skor_indikator`` holds ``tahun, kode_wilayah, indikator, tahap, nilai, sintetis`` (any number
    of regions and stages). Each region goes through ``analitik.seri_indikator``: KLA31 cycles are
    bridged by the crosswalk and carry its ``komparabilitas`` (``baik``/``sebagian``/``lemah``).
    """
    data = skor_indikator[skor_indikator["tahap"] == tahap]
    bagian = []
    for kode, milik in data.groupby("kode_wilayah", sort=True):
        seri = analitik.seri_indikator(milik, indikator, katalog)
        sintetis = milik.groupby("tahun")["sintetis"].any()
        bagian.append(
            pd.DataFrame(
                {
                    "tahun": seri["tahun"].astype(int),
                    "kode_wilayah": kode,
                    "nilai": seri["capaian_persen"].astype(float),
                    "skema": seri["skema"],
                    "komparabilitas": seri["komparabilitas"],
                    "indikator_sumber": seri["indikator_sumber"],
                    "sintetis": sintetis.reindex(seri["tahun"]).fillna(False).astype(bool).to_numpy(),
                }
            )
        )
    if not bagian:
        return pd.DataFrame(columns=KOLOM_SERI)
    return pd.concat(bagian, ignore_index=True)[KOLOM_SERI]


def seri_rata_provinsi(seri: pd.DataFrame, wilayah: pd.DataFrame, kode_provinsi: str) -> pd.DataFrame:
    """Return the province average of a series over its kab/kota, per cycle (``analitik.rata_rata``).

    ``seri`` is a series table (``KOLOM_SERI``) over every kab/kota. The result is a series table
    whose ``kode_wilayah`` is the province code; a cycle where any value is synthetic is synthetic.
    """
    data = seri.merge(wilayah[["kode_wilayah", "kode_provinsi"]], on="kode_wilayah", how="left")
    data = data[data["kode_provinsi"] == kode_provinsi].assign(tahap="-")
    if data.empty:
        return pd.DataFrame(columns=KOLOM_SERI)
    rata = analitik.rata_rata(data, ["nilai"])
    rata = rata[(rata["cakupan"] == "provinsi") & (rata["kode_provinsi"] == kode_provinsi)]
    info = data.groupby("tahun").agg(
        skema=("skema", "first"),
        komparabilitas=("komparabilitas", "first"),
        indikator_sumber=("indikator_sumber", "first"),
        sintetis=("sintetis", "any"),
    )
    hasil = rata[["tahun", "nilai"]].merge(info, left_on="tahun", right_index=True, how="left")
    hasil = hasil.assign(kode_wilayah=kode_provinsi, nilai=hasil["nilai"].round(2))
    return hasil.sort_values("tahun", ignore_index=True)[KOLOM_SERI]


def seri_peringkat(skor: pd.DataFrame, kode_wilayah: Sequence[str]) -> pd.DataFrame:
    """Return each region's rank of total within its province per cycle (1 = best; '=' marks a tie).

    Columns: ``tahun, kode_wilayah, peringkat, label, jumlah``.
    """
    data = skor[skor["kode_wilayah"].isin(kode_wilayah)]
    hasil = pd.DataFrame(
        {
            "tahun": data["tahun"].astype(int),
            "kode_wilayah": data["kode_wilayah"],
            "peringkat": data["peringkat_provinsi"].astype(float),
            "label": analitik.label_peringkat(data["peringkat_provinsi"], data["seri_provinsi"]).astype(str),
            "jumlah": data["jumlah_provinsi"].astype(int),
        }
    )
    return hasil.sort_values(["kode_wilayah", "tahun"], ignore_index=True)


def isi_celah(
    seri: pd.DataFrame, tahun: Sequence[int], kode_wilayah: Sequence[str], kolom_nilai: str = "nilai"
) -> pd.DataFrame:
    """Lay series on the calendar-year axis: one row per region × year, gaps left empty.

    A year without a value (no evaluation that year, or none at this stage) gets a row whose value
    columns are None; nothing is interpolated. Rows come region by region in the order of
    ``kode_wilayah`` (pinned first), years ascending. Adds ``ada_nilai`` (``kolom_nilai`` is known).
    """
    kunci = pd.DataFrame([(k, int(t)) for k in kode_wilayah for t in tahun], columns=["kode_wilayah", "tahun"]).astype(
        {"tahun": int}
    )
    hasil = kunci.merge(seri.astype({"tahun": int}), on=["kode_wilayah", "tahun"], how="left", validate="one_to_one")
    hasil["ada_nilai"] = hasil[kolom_nilai].notna()
    nilai = [c for c in hasil.columns if c not in ("kode_wilayah", "tahun", "ada_nilai")]
    hasil[nilai] = hasil[nilai].astype(object).where(hasil[nilai].notna(), None)
    return hasil


def tidak_sebanding(seri: pd.DataFrame) -> pd.DataFrame:
    """Return the cycles whose value is bridged from another scheme (``komparabilitas`` not ``sama``).

    One row per cycle: ``tahun, skema, indikator_sumber, komparabilitas``.
    """
    data = seri[seri["komparabilitas"].notna() & (seri["komparabilitas"] != "sama")]
    kolom = ["tahun", "skema", "indikator_sumber", "komparabilitas"]
    return data[kolom].drop_duplicates().sort_values("tahun", ignore_index=True)
