"""What-if simulation for one region × cycle × stage.

New scores for some indicators (or new raw statistics run through the catalogue's declared
rubrics) give a new total, predikat and gap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from indicators.analisis.skor import hitung_skor
from indicators.katalog.model import Indikator, Katalog, Rubrik


class SimulasiError(ValueError):
    """A what-if input is invalid; the message names the indicator, the value and what is allowed."""


@dataclass(frozen=True)
class HasilSimulasi:
    """The scores before and after a what-if, and the assumptions it used."""

    sebelum: pd.Series
    sesudah: pd.Series
    skor_baru: pd.DataFrame
    asumsi: list[str] = field(default_factory=list)

    @property
    def perubahan_total(self) -> float:
        """Return the change in total (after − before), rounded to two decimals."""
        return round(float(self.sesudah["total"]) - float(self.sebelum["total"]), 2)


def porsi_rubrik(rubrik: Rubrik, nilai: float, arah: str) -> float:
    """Return the share of the maximum a raw value earns under a declared rubric.

    Steps are read in declared order (best first): for a higher-is-better statistic a value at
    or above ``batas`` earns ``porsi``; for lower-is-better, at or below. No step met earns 0.
    """
    for ambang in rubrik.ambang:
        if (arah == "turun" and nilai <= ambang.batas) or (arah != "turun" and nilai >= ambang.batas):
            return ambang.porsi
    return 0.0


def _indikator_dengan_rubrik(katalog: Katalog, kode_skema: str, kode_statistik: str) -> list[Indikator]:
    return [
        i for i in katalog.skema[kode_skema].indikator if i.rubrik is not None and i.rubrik.statistik == kode_statistik
    ]


def simulasikan(
    skor_wilayah: pd.DataFrame,
    katalog: Katalog,
    *,
    skor_baru: Mapping[str, float] | None = None,
    statistik_baru: Mapping[str, float] | None = None,
) -> HasilSimulasi:
    """Apply new indicator scores and/or new raw statistics to one region × cycle × stage.

    ``skor_wilayah`` is that region's long score table (one tahun, kode_wilayah and tahap). New
    scores must be within 0..maximum of an indicator of the cycle's scheme. New statistics go
    through the rubric of every indicator that declares one for that statistic; rubrics are
    project assumptions and each use is listed in ``asumsi``.

    Raises:
        SimulasiError: unknown indicator or statistic, a score outside 0..maximum, or no rubric.
    """
    kunci = skor_wilayah[["tahun", "kode_wilayah", "tahap"]].drop_duplicates()
    if len(kunci) != 1:
        raise SimulasiError("simulasi butuh tepat satu wilayah × tahun × tahap (exactly one region, cycle and stage)")
    tahun, kode_wilayah, tahap = kunci.iloc[0]
    skema = katalog.skema_untuk_tahun(int(tahun))
    indikator = {i.id: i for i in skema.indikator}
    baru: dict[str, float] = {}
    asumsi: list[str] = []

    for kode_stat, nilai in (statistik_baru or {}).items():
        if kode_stat not in katalog.statistik:
            raise SimulasiError(f"statistik '{kode_stat}' tidak dikenal (unknown statistic)")
        sasaran = _indikator_dengan_rubrik(katalog, skema.kode, kode_stat)
        if not sasaran:
            raise SimulasiError(f"tidak ada rubrik di skema {skema.kode} untuk statistik '{kode_stat}' (no rubric)")
        for ind in sasaran:
            if ind.rubrik is None:  # narrowed by _indikator_dengan_rubrik; keeps the type checker sure
                continue
            porsi = porsi_rubrik(ind.rubrik, float(nilai), katalog.statistik[kode_stat].arah)
            baru[ind.id] = round(porsi * ind.nilai_maks, 2)
            asumsi.append(f"{ind.id}: {kode_stat} = {nilai:g} → {porsi:.0%} dari maks (rubrik asumsi proyek)")

    for kode_ind, nilai in (skor_baru or {}).items():
        if kode_ind not in indikator:
            raise SimulasiError(
                f"indikator '{kode_ind}' tidak ada di skema {skema.kode} tahun {tahun} "
                f"(expected {skema.kode}-01 … {skema.kode}-{len(indikator):02d})"
            )
        maks = indikator[kode_ind].nilai_maks
        if not 0 <= float(nilai) <= maks:
            raise SimulasiError(f"{kode_ind}: nilai {nilai:g} di luar 0..{maks:g} (score outside 0..maximum {maks:g})")
        baru[kode_ind] = float(nilai)

    data = skor_wilayah.set_index("indikator").copy()
    for kode_ind, nilai in baru.items():
        data.loc[kode_ind, ["tahun", "kode_wilayah", "tahap", "nilai"]] = [tahun, kode_wilayah, tahap, nilai]
        if "sintetis" in data:
            # A score the user typed is not synthetic, even where the one it replaces was.
            data.loc[kode_ind, "sintetis"] = False
    data = data.reset_index()
    sebelum = hitung_skor(skor_wilayah, katalog).iloc[0]
    sesudah = hitung_skor(data, katalog).iloc[0]
    return HasilSimulasi(sebelum=sebelum, sesudah=sesudah, skor_baru=data, asumsi=asumsi)
