"""The region profile: one kab/kota's predikat history, groups, indicator status, stages and what-if.

Pure functions (DataFrames in, DataFrames out) behind the Profil Wilayah page; no Streamlit.

Indicator status rule (``status_indikator``), by the score's share of the indicator's maximum:

- ``penuh``: at the maximum (within half the score resolution, 0,005 points);
- ``baik``: at least 80 % of the maximum, the pace of Utama's lower edge (a region whose every
  indicator scored a share *p* of its maximum would total 1000·*p*, so 80 % ↔ 800 points);
- ``sebagian``: at least 50 % and below 80 %;
- ``rendah``: below 50 %, below the pace of even the lowest predikat (Pratama starts at 500);
- ``belum_ada_skor``: the indicator has no score for this region, cycle and stage.

The maxima are the project's default allocation (an assumption: the official per-indicator
maxima are unpublished), so the status is a reading aid, not an official finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from indicators.analisis import simulasi
from indicators.analisis.ringkasan import TIDAK_ADA
from indicators.analisis.skor import hitung_skor, tabel_indikator
from indicators.io import store
from indicators.katalog.model import KELOMPOK, TAHAP, Katalog, Skema

StatusIndikator = Literal["penuh", "baik", "sebagian", "rendah", "belum_ada_skor"]
STATUS: tuple[StatusIndikator, ...] = ("penuh", "baik", "sebagian", "rendah", "belum_ada_skor")
AMBANG_BAIK = 0.8
"""Share of the maximum from which a score reads ``baik`` (the Utama band starts at 800 of 1000)."""
AMBANG_RENDAH = 0.5
"""Share of the maximum below which a score reads ``rendah`` (the Pratama band starts at 500 of 1000)."""
TOLERANSI_PENUH = 0.005
"""Half the score resolution (0,01): a score this close to the maximum counts as ``penuh``."""


def status_indikator(nilai: pd.Series, nilai_maks: pd.Series) -> pd.Series:
    """Return each indicator's status by the rule in this module's docstring (``STATUS`` values)."""
    porsi = nilai / nilai_maks
    pilihan = [
        nilai.isna(),
        nilai >= nilai_maks - TOLERANSI_PENUH,
        porsi >= AMBANG_BAIK,
        porsi >= AMBANG_RENDAH,
    ]
    hasil = np.select(pilihan, ["belum_ada_skor", "penuh", "baik", "sebagian"], default="rendah")
    return pd.Series(hasil, index=nilai.index, dtype="object")


def tabel_status(skor_siklus: pd.DataFrame, katalog: Katalog, kode_skema: str) -> pd.DataFrame:
    """Every indicator of the scheme with its score, maximum, share of the maximum and status.

    ``skor_siklus`` holds ``indikator, nilai[, sintetis]`` of one region × cycle × stage. An
    indicator without a score is kept (``nilai`` empty, status ``belum_ada_skor``), never dropped.
    Columns: ``indikator, nomor, kelompok, nilai, nilai_maks, persen_maks, status, sintetis``.
    """
    indikator = tabel_indikator(katalog)
    indikator = indikator[indikator["kode_skema"] == kode_skema]
    kolom = ["indikator", "nilai", *(["sintetis"] if "sintetis" in skor_siklus else [])]
    data = indikator.merge(skor_siklus[kolom], on="indikator", how="left", validate="one_to_one")
    if "sintetis" not in data:
        data["sintetis"] = False
    data["sintetis"] = data["sintetis"].astype("boolean").fillna(False).astype(bool)
    data["persen_maks"] = (100 * data["nilai"] / data["nilai_maks"]).round(1)
    data["status"] = status_indikator(data["nilai"], data["nilai_maks"])
    return data.sort_values("nomor", ignore_index=True)[
        ["indikator", "nomor", "kelompok", "nilai", "nilai_maks", "persen_maks", "status", "sintetis"]
    ]


def _tanpa_tidak_ada(predikat: pd.Series) -> pd.Series:
    """Official 'Tidak ada' (no award) and a computed None both mean no predikat."""
    return predikat.where(predikat.notna() & (predikat != TIDAK_ADA), "")


def baris_dengan(data: pd.DataFrame, **nilai: object) -> pd.DataFrame:
    """The rows of ``data`` whose columns equal ``nilai`` (``tahun=2025, tahap="final"``), in order.

    Profil cuts a region's shared score rows with this through ui.tetap: the cut is then shared
    as well and fingerprinted once, not hashed again before every builder it feeds.
    """
    pilih = pd.Series(True, index=data.index)
    for kolom, isi in nilai.items():
        pilih &= data[kolom] == isi
    return data[pilih]


def skor_per_siklus(skor_wilayah: pd.DataFrame, katalog: Katalog, tahap: str = "final") -> pd.DataFrame:
    """One region's scored rows, one per cycle at ``tahap``, from its own per-indicator rows.

    ``skor_wilayah`` is the region's ``skor_wilayah`` query (every cycle and stage). Scoring is per
    region and cycle, so the totals, predikat and synthetic flags equal that region's rows of
    ``layanan.skor_semua_siklus`` (without ranks), without scoring every other region: nationally
    that took about 140 ms after each data change, for a history that needs one region.
    """
    return hitung_skor(skor_wilayah[skor_wilayah["tahap"] == tahap], katalog)


def riwayat_predikat(skor: pd.DataFrame, resmi: pd.DataFrame, siklus: Sequence[tuple[int, str]]) -> pd.DataFrame:
    """One row per evaluation cycle: the official predikat (real) beside the computed one (scores).

    ``skor`` holds the region's scored rows (``tahun, total, predikat_hitung, sintetis``, e.g. from
    ``layanan.skor_semua_siklus`` at the final stage); ``resmi`` its official rows (``tahun,
    predikat, keyakinan``); ``siklus`` every cycle as ``(tahun, kode_skema)``. A cycle without an
    official predikat keeps it empty (``ada_resmi`` False: "Data tidak ditemukan"), never filled in.
    ``beda_predikat`` marks cycles where both are known and differ.
    """
    kerangka = pd.DataFrame(list(siklus), columns=["tahun", "kode_skema"]).astype({"tahun": int})
    nilai = skor[["tahun", "total", "predikat_hitung", "sintetis"]].astype({"tahun": int})
    resmi_ = resmi[["tahun", "predikat", "keyakinan"]].rename(columns={"predikat": "predikat_resmi"})
    hasil = kerangka.merge(nilai, on="tahun", how="left", validate="one_to_one").merge(
        resmi_.astype({"tahun": int}), on="tahun", how="left", validate="one_to_one"
    )
    hasil["ada_resmi"] = hasil["predikat_resmi"].notna()
    hasil["ada_skor"] = hasil["total"].notna()
    hasil["sintetis"] = hasil["sintetis"].astype("boolean").fillna(False).astype(bool)
    for kolom in ("predikat_resmi", "keyakinan", "predikat_hitung"):
        hasil[kolom] = hasil[kolom].astype(object).where(hasil[kolom].notna(), None)
    beda = _tanpa_tidak_ada(hasil["predikat_resmi"]) != _tanpa_tidak_ada(hasil["predikat_hitung"])
    hasil["beda_predikat"] = hasil["ada_resmi"] & hasil["ada_skor"] & beda
    return hasil.sort_values("tahun", ignore_index=True)


def tahun_tanpa_siklus(tahun: Iterable[int]) -> list[int]:
    """Return the years between the first and last cycle that had no evaluation (cycles are not annual)."""
    ada = sorted({int(t) for t in tahun})
    if not ada:
        return []
    return [t for t in range(ada[0], ada[-1] + 1) if t not in ada]


def kelompok_vs_maks(baris: Mapping[str, float], skema: Skema, rata_provinsi: Mapping[str, float]) -> pd.DataFrame:
    """Each group's score beside its maximum and the province average, in the scheme's group order.

    ``baris`` and ``rata_provinsi`` map group codes (``kelembagaan``, ``klaster_1`` …) to points.
    Maxima come from ``skema.nilai_maks_kelompok()`` (the project's default allocation, an assumption).
    Columns: ``kelompok, urutan, nilai, nilai_maks, persen_maks, ruang, rata_provinsi``.
    """
    maks = skema.nilai_maks_kelompok()
    baris_ = []
    for kelompok in sorted(skema.kelompok, key=lambda k: k.urutan):
        nilai = float(baris.get(kelompok.kode, np.nan))
        baris_.append(
            {
                "kelompok": kelompok.kode,
                "urutan": kelompok.urutan,
                "nilai": nilai,
                "nilai_maks": maks[kelompok.kode],
                "persen_maks": round(100 * nilai / maks[kelompok.kode], 1),
                "ruang": round(maks[kelompok.kode] - nilai, 2),
                "rata_provinsi": float(rata_provinsi.get(kelompok.kode, np.nan)),
            }
        )
    return pd.DataFrame(baris_)


def rata_kelompok(tabel: pd.DataFrame) -> dict[str, float]:
    """Return the mean of each group subtotal and the total over the rows of a score table."""
    return {k: float(tabel[k].mean()) for k in (*KELOMPOK, "total") if k in tabel}


def total_per_tahap(skor_tahun: pd.DataFrame, katalog: Katalog) -> pd.DataFrame:
    """Totals of one region × cycle at each stage present, in process order (mandiri → … → final).

    ``skor_tahun`` is the region's long score table for one cycle (all stages). Columns:
    ``tahap, total, predikat_hitung, perubahan`` (change from the previous stage shown; empty first).
    """
    if skor_tahun.empty:
        return pd.DataFrame(columns=["tahap", "total", "predikat_hitung", "perubahan"])
    skor = hitung_skor(skor_tahun, katalog)
    skor["_urut"] = skor["tahap"].map({t: i for i, t in enumerate(TAHAP)})
    skor = skor.sort_values("_urut", ignore_index=True)
    skor["perubahan"] = skor["total"].diff().round(2)
    return skor[["tahap", "total", "predikat_hitung", "perubahan"]]


def kehilangan_verifikasi(perubahan: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The ``n`` indicators that lost the most points from self-assessment to final (losses only).

    ``perubahan`` is ``analitik.perubahan_tahap``'s result; rows without a loss are left out.
    """
    if "berubah_verifikasi" not in perubahan:
        return perubahan.iloc[0:0]
    rugi = perubahan[perubahan["berubah_verifikasi"] < 0]
    return rugi.sort_values(["berubah_verifikasi", "nomor"]).head(n).reset_index(drop=True)


def tabel_sebaya(kode_wilayah: str, sebaya: Sequence[str], skor: pd.DataFrame, nama: Mapping[str, str]) -> pd.DataFrame:
    """The region and its peers for one cycle: total, computed and official predikat.

    ``skor`` is the cycle's score table (``layanan.tabel_skor``); a peer without a row there (e.g. a
    neighbour in a province without data) is kept with empty values. The region itself comes
    first (``wilayah_ini``), then the peers by total, highest first.
    """
    kode = [kode_wilayah, *[k for k in sebaya if k != kode_wilayah]]
    kolom = ["kode_wilayah", "total", "predikat_hitung", "predikat_resmi", "sintetis"]
    data = pd.DataFrame({"kode_wilayah": kode}).merge(skor[kolom], on="kode_wilayah", how="left", validate="one_to_one")
    data["nama"] = [nama.get(k, k) for k in data["kode_wilayah"]]
    data["wilayah_ini"] = data["kode_wilayah"] == kode_wilayah
    data["sintetis"] = data["sintetis"].astype("boolean").fillna(False).astype(bool)
    for kolom_teks in ("predikat_hitung", "predikat_resmi"):
        data[kolom_teks] = data[kolom_teks].astype(object).where(data[kolom_teks].notna(), None)
    data = data.sort_values(["wilayah_ini", "total"], ascending=[False, False], na_position="last", ignore_index=True)
    return data[["kode_wilayah", "nama", "total", "predikat_hitung", "predikat_resmi", "sintetis", "wilayah_ini"]]


# --- what-if -------------------------------------------------------------------------------------


def skor_berubah(skor_siklus: pd.DataFrame, masukan: Mapping[str, float]) -> dict[str, float]:
    """Keep only the inputs that differ from the current score (an unchanged input stays as it was).

    So an untouched synthetic score stays marked synthetic in the result; an indicator without a
    score counts as changed when any value is entered.
    """
    kini = dict(zip(skor_siklus["indikator"], skor_siklus["nilai"], strict=True))
    hasil = {}
    for kode, nilai in masukan.items():
        lama = float(kini.get(kode, np.nan))
        if np.isnan(lama) or abs(float(nilai) - lama) > 1e-9:
            hasil[kode] = float(nilai)
    return hasil


def periksa_statistik(statistik_baru: Mapping[str, float], katalog: Katalog) -> None:
    """Check raw statistics before a what-if: a percentage lies in 0..100, any other value is ≥ 0.

    Raises:
        simulasi.SimulasiError: a value is not a number or outside its range; the message says which.
    """
    for kode, nilai in statistik_baru.items():
        info = katalog.statistik.get(kode)
        if info is None:
            raise simulasi.SimulasiError(f"statistik '{kode}' tidak dikenal (unknown statistic)")
        if not np.isfinite(nilai):
            raise simulasi.SimulasiError(f"{info.nama}: nilai kosong atau bukan angka (not a number)")
        batas_atas = 100.0 if info.satuan == "persen" else np.inf
        if not 0 <= float(nilai) <= batas_atas:
            rentang = "0–100 persen" if info.satuan == "persen" else "≥ 0"
            rentang_en = "0–100 percent" if info.satuan == "persen" else "≥ 0"
            raise simulasi.SimulasiError(
                f"{info.nama}: nilai {float(nilai):g} di luar {rentang} ({info.nama_en}: {float(nilai):g} "
                f"is outside {rentang_en})"
            )


def simulasikan_profil(
    skor_siklus: pd.DataFrame,
    katalog: Katalog,
    *,
    masukan_skor: Mapping[str, float],
    statistik_baru: Mapping[str, float],
) -> simulasi.HasilSimulasi:
    """Run the what-if of the profile form: changed scores plus raw statistics through rubrics.

    Unchanged inputs are dropped (``skor_berubah``) and statistics are checked
    (``periksa_statistik``) before ``simulasi.simulasikan`` applies them.

    Raises:
        simulasi.SimulasiError: any invalid input, with a message naming it.
    """
    periksa_statistik(statistik_baru, katalog)
    return simulasi.simulasikan(
        skor_siklus,
        katalog,
        skor_baru=skor_berubah(skor_siklus, masukan_skor),
        statistik_baru=dict(statistik_baru),
    )


def catatan_rubrik(statistik_baru: Mapping[str, float], katalog: Katalog, kode_skema: str) -> pd.DataFrame:
    """How each entered statistic was turned into a score by its rubric (rubrics are assumptions).

    Columns: ``indikator, statistik, nilai, porsi, skor, nilai_maks``, one row per indicator reached.
    """
    baris = []
    for indikator in katalog.skema[kode_skema].indikator:
        rubrik = indikator.rubrik
        if rubrik is None or rubrik.statistik not in statistik_baru:
            continue
        nilai = float(statistik_baru[rubrik.statistik])
        porsi = simulasi.porsi_rubrik(rubrik, nilai, katalog.statistik[rubrik.statistik].arah)
        baris.append(
            {
                "indikator": indikator.id,
                "statistik": rubrik.statistik,
                "nilai": nilai,
                "porsi": porsi,
                "skor": round(porsi * indikator.nilai_maks, 2),
                "nilai_maks": indikator.nilai_maks,
            }
        )
    return pd.DataFrame(baris, columns=["indikator", "statistik", "nilai", "porsi", "skor", "nilai_maks"])


def statistik_terakhir(
    statistik: pd.DataFrame, kode_wilayah: str, tahun_maks: int | None = None
) -> dict[str, tuple[float, int]]:
    """The region's latest real value of each raw statistic in ``statistik``, with its year.

    ``statistik`` holds ``tahun, kode_wilayah, statistik, nilai``; with ``tahun_maks`` only years up
    to it count. Returns ``{kode_statistik: (nilai, tahun)}``; a statistic without a value is absent.
    """
    data = statistik[statistik["kode_wilayah"] == kode_wilayah].dropna(subset=["nilai"])
    if tahun_maks is not None:
        data = data[data["tahun"] <= tahun_maks]
    data = data.sort_values("tahun").drop_duplicates("statistik", keep="last")
    return {str(k): (float(n), int(t)) for k, n, t in zip(data["statistik"], data["nilai"], data["tahun"], strict=True)}


@dataclass(frozen=True)
class AsalTotal:
    """Where a region-year's final total comes from.

    ``dilaporkan``: a total published in the news (value, citation, address), which the synthetic
    indicator scores were scaled to; ``status``: 'fakta' when the facts fix the band of the
    synthetic total, 'perkiraan' when it was picked among ``pita_layak`` (a synthetic estimate).
    """

    dilaporkan: tuple[float, str, str | None] | None
    status: str | None
    pita_layak: tuple[str, ...]


def asal_total(db_path: Path, kode_wilayah: str, tahun: int) -> AsalTotal:
    """:class:`AsalTotal` of one region-year, read from ``pita_sintetis`` and ``skor_dilaporkan``."""
    baris = store.kueri(db_path, "asal_total", {"kode_wilayah": kode_wilayah, "tahun": tahun}).to_dict("records")
    if not baris:
        return AsalTotal(None, None, ())
    b = baris[0]
    dilaporkan = None
    if pd.notna(b["total_dilaporkan"]):
        url = b["url"] if isinstance(b["url"], str) else None
        dilaporkan = (float(b["total_dilaporkan"]), str(b["sitasi"]), url)
    status = b["status"] if isinstance(b["status"], str) else None
    layak = tuple(str(b["pita_layak"]).split(",")) if isinstance(b["pita_layak"], str) else ()
    return AsalTotal(dilaporkan, status, layak)
