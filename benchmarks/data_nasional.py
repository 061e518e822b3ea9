"""A national-scale database for the benchmark, built through the real import path.

On top of the default database (real Jawa Tengah data plus its synthetic example scores) it
imports, as CSV files an official could have uploaded:

- per-indicator scores of all 514 kab/kota for every evaluation cycle in the catalogue (both
  schemes) and all four stages;
- an official predikat for every kab/kota and cycle;
- raw statistics per kab/kota per year, and Jawa Tengah's kecamatan × 30 statistics × 9 years
  (``stres`` has ten times the statistic rows: each statistic is copied under a benchmark code).

Values are deterministic pseudo-random numbers, marked in ``sumber`` as benchmark data.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from indicators.analisis.skor import predikat_dari_total
from indicators.bangun import database
from indicators.impor import terapkan as impor
from indicators.impor.baca import BatasUnggah
from indicators.io import store
from indicators.katalog.model import TAHAP, Katalog

Skala = Literal["cepat", "nasional", "stres"]
SUMBER = "data uji kinerja sintetis (benchmark, bukan data nyata)"
# Benchmark files are bigger than an official's upload; the import path is the same.
BATAS_BENCH = BatasUnggah(ukuran_maks=512 * 1024 * 1024, baris_maks=5_000_000)


@dataclass(frozen=True)
class Ukuran:
    """How much data a scale generates."""

    provinsi: tuple[str, ...] | None  # None: every province
    tahun_statistik: tuple[int, ...]
    jumlah_statistik_kecamatan: int
    kelipatan_statistik: int


UKURAN: dict[Skala, Ukuran] = {
    # quick mode for CI: one province, so the whole run takes seconds
    "cepat": Ukuran(("33",), tuple(range(2017, 2020)), 5, 1),
    "nasional": Ukuran(None, tuple(range(2017, 2026)), 30, 1),
    "stres": Ukuran(None, tuple(range(2017, 2026)), 30, 10),
}


@dataclass(frozen=True)
class HasilData:
    """What was generated and imported, with timings in seconds."""

    db_path: Path
    detik_bangun: float
    detik_impor: float
    baris: dict[str, int]


def _kabkota(wilayah: pd.DataFrame, provinsi: tuple[str, ...] | None) -> list[str]:
    kab = wilayah[wilayah["tingkat"] == "kabkota"]
    if provinsi is not None:
        kab = kab[kab["kode_provinsi"].isin(provinsi)]
    return sorted(kab["kode_wilayah"])


def berkas_skor(katalog: Katalog, kabkota: list[str], rng: np.random.Generator) -> Iterator[tuple[int, pd.DataFrame]]:
    """One score file per cycle: every kab/kota × indicator of that cycle's scheme × stage.

    Each region gets a level (share of the maximum) so totals spread over every predikat band;
    later stages lose a little, as verification does.
    """
    tingkat = dict(zip(kabkota, rng.uniform(0.45, 0.95, len(kabkota)), strict=True))
    for siklus in katalog.siklus:
        indikator = katalog.skema[siklus.skema].indikator
        baris = []
        for kode in kabkota:
            dasar = tingkat[kode]
            for i in indikator:
                acak = float(np.clip(dasar + rng.normal(0, 0.08), 0, 1))
                for n, tahap in enumerate(TAHAP):
                    bagian = max(0.0, acak - 0.02 * n * float(rng.uniform(0, 1)))
                    baris.append((siklus.tahun, kode, i.id, tahap, round(bagian * i.nilai_maks, 2)))
        df = pd.DataFrame(baris, columns=["tahun", "kode_wilayah", "indikator", "tahap", "nilai"])
        df["sumber"] = SUMBER
        yield siklus.tahun, df


def berkas_predikat(katalog: Katalog, skor: dict[int, pd.DataFrame], ada: pd.DataFrame) -> pd.DataFrame:
    """The official predikat of every kab/kota and cycle without one in ``ada``: the band of its final total."""
    bagian = []
    for tahun, df in skor.items():
        final = df[df["tahap"] == "final"].groupby("kode_wilayah", as_index=False)["nilai"].sum()
        predikat = predikat_dari_total(final["nilai"], katalog.pita).fillna("Tidak ada")
        bagian.append(pd.DataFrame({"tahun": tahun, "kode_wilayah": final["kode_wilayah"], "predikat": predikat}))
    hasil = pd.concat(bagian, ignore_index=True)
    # real official predikat (Jawa Tengah) stay as they are
    sudah = pd.MultiIndex.from_frame(ada[["tahun", "kode_wilayah"]].astype({"tahun": int}))
    hasil = hasil[~pd.MultiIndex.from_frame(hasil[["tahun", "kode_wilayah"]]).isin(sudah)]
    hasil["sumber"] = SUMBER
    return hasil


def katalog_stres(katalog: Katalog, kelipatan: int) -> Katalog:
    """The catalogue with each statistic copied ``kelipatan - 1`` times (``…_uji1`` …), for ``stres``.

    The import only accepts statistics the catalogue declares; the copies keep each original's unit.
    """
    if kelipatan <= 1:
        return katalog
    salinan = {
        f"{kode}_uji{n}": s.model_copy(update={"kode": f"{kode}_uji{n}"})
        for kode, s in katalog.statistik.items()
        for n in range(1, kelipatan)
    }
    return dataclasses.replace(katalog, statistik={**katalog.statistik, **salinan})


def berkas_statistik(
    katalog: Katalog,
    kode_wilayah: list[str],
    tahun: tuple[int, ...],
    kode_statistik: list[str],
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Statistics for the given regions × years × codes, each value valid for its unit."""
    indeks = pd.MultiIndex.from_product(
        [tahun, kode_wilayah, kode_statistik], names=["tahun", "kode_wilayah", "indikator"]
    )
    df = indeks.to_frame(index=False)
    satuan = df["indikator"].map({k: katalog.statistik[k].satuan for k in kode_statistik})
    persen = (satuan == "persen").to_numpy()
    df["nilai"] = np.where(persen, np.round(rng.uniform(1, 99, len(df)), 2), rng.integers(0, 5000, len(df)))
    df["satuan"] = satuan
    df["sumber"] = SUMBER
    return df


def _impor(db_path: Path, katalog: Katalog, wilayah: pd.DataFrame, nama: str, df: pd.DataFrame) -> float:
    data = df.to_csv(index=False).encode("utf-8")
    mulai = time.perf_counter()
    hasil = impor.periksa_berkas(data, nama, katalog, wilayah, batas=BATAS_BENCH)
    if hasil.masalah:
        raise RuntimeError(f"data benchmark {nama} ditolak: {hasil.masalah[0]}")
    impor.terapkan(db_path, hasil, katalog, pengguna="benchmark")
    return time.perf_counter() - mulai


def bangun_nasional(db_path: Path, katalog: Katalog, skala: Skala = "nasional", benih: int = 2026) -> HasilData:
    """Build the default database at ``db_path``, then import the generated national data into it."""
    ukuran = UKURAN[skala]
    mulai = time.perf_counter()
    database.bangun_database(db_path, static_dir=None)
    detik_bangun = time.perf_counter() - mulai
    wilayah = impor.muat_wilayah(db_path)
    kabkota = _kabkota(wilayah, ukuran.provinsi)
    kecamatan = sorted(wilayah.loc[wilayah["tingkat"] == "kecamatan", "kode_wilayah"])
    rng = np.random.default_rng(benih)
    baris: dict[str, int] = {}
    detik_impor = 0.0
    skor = dict(berkas_skor(katalog, kabkota, rng))
    for tahun, df in skor.items():
        detik_impor += _impor(db_path, katalog, wilayah, f"skor_{tahun}.csv", df)
        baris["skor"] = baris.get("skor", 0) + len(df)
    predikat = berkas_predikat(katalog, skor, store.kueri(db_path, "predikat_resmi", {"tahun": None}))
    detik_impor += _impor(db_path, katalog, wilayah, "predikat.csv", predikat)
    baris["predikat"] = len(predikat)
    katalog_data = katalog_stres(katalog, ukuran.kelipatan_statistik)
    semua = sorted(katalog_data.statistik)
    asli = sorted(katalog.statistik)[: ukuran.jumlah_statistik_kecamatan]
    kecamatan_kode = [k for k in semua if k.split("_uji")[0] in asli]
    for nama, kode, statistik in (("kabkota", kabkota, semua), ("kecamatan", kecamatan, kecamatan_kode)):
        df = berkas_statistik(katalog_data, kode, ukuran.tahun_statistik, statistik, rng)
        for awal in range(0, len(df), 1_000_000):  # one file per million rows, as an upload would be split
            bagian = df.iloc[awal : awal + 1_000_000]
            detik_impor += _impor(db_path, katalog_data, wilayah, f"statistik_{nama}_{awal}.csv", bagian)
        baris[f"statistik_{nama}"] = len(df)
    return HasilData(db_path, detik_bangun, detik_impor, baris)
