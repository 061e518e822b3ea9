"""Deterministic synthetic per-indicator scores for Jawa Tengah (labelled synthetic everywhere).

No real per-indicator KLA scores are published for any kab/kota, so the dashboard ships an
example set to show what the analysis looks like. It is built so that it never contradicts a
real fact we hold: where the official predikat of a region and year is known, the synthetic
final total falls inside that predikat's band (with a margin, so rounding cannot cross an edge);
where the region got no award, the total stays below 500.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

import numpy as np
import pandas as pd

from indicators.katalog.model import Katalog, PitaPredikat, Skema

SUMBER_SINTETIS = "sintetis-skor-v1"
# Self-assessments run higher than the verified score (Sleman 2018: 963,04 mandiri; Kota
# Pekalongan 2024: 857,5 mandiri → 808,71 provinsi), so mandiri sits above final.
_NAIK_MANDIRI = (0.03, 0.22)
# Provincial administrative verification is reported from the 2023 cycle on.
_TAHUN_TAHAP_PROVINSI = 2023
# KLA24-17 (no tobacco advertising) is met by no kab/kota as of 2025.
_BATAS_PORSI = {"KLA24-17": 0.6}
_MARGIN = 3.0


def _rng(*kunci: object) -> np.random.Generator:
    benih = hashlib.sha256("|".join(map(str, kunci)).encode()).digest()
    return np.random.default_rng(int.from_bytes(benih[:8], "big"))


def _rentang_target(predikat: str | None, pita: PitaPredikat) -> tuple[float, float] | None:
    if predikat is None:
        return None
    if predikat == "Tidak ada":
        return (380.0, 500.0 - _MARGIN)
    band = next(p for p in pita.pita if p.predikat == predikat)
    return (band.bawah + _MARGIN, band.atas - _MARGIN)


def _predikat_acuan(kode: str, tahun: int, predikat: Mapping[tuple[str, int], str]) -> str | None:
    """The known predikat of this year, else of the nearest year with one (earlier wins a tie)."""
    if (kode, tahun) in predikat:
        return predikat[(kode, tahun)]
    tahun_diketahui = sorted((abs(t - tahun), t) for (k, t) in predikat if k == kode)
    return predikat[(kode, tahun_diketahui[0][1])] if tahun_diketahui else None


def bagi_ke_indikator(total: float, maks: np.ndarray, batas: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Split ``total`` over indicators with maxima ``maks``: uneven, each ≤ its cap, summing exactly.

    Scores are rounded to two decimals and the rounding residue goes to the indicator with the
    most headroom, so the sum equals ``round(total, 2)``.
    """
    rasio = total / maks.sum()
    porsi = np.clip(rasio + rng.normal(0.0, 0.12, size=maks.size), 0.05, batas)
    for _ in range(200):
        selisih = total - float((porsi * maks).sum())
        if abs(selisih) < 1e-9:
            break
        bebas = porsi < batas - 1e-12 if selisih > 0 else porsi > 0.0
        bobot = maks * bebas
        porsi = np.clip(porsi + selisih * bebas / bobot.sum(), 0.0, batas)
    nilai = np.round(porsi * maks, 2)
    sisa = round(round(total, 2) - float(nilai.sum()), 2)
    ruang = maks * batas - nilai if sisa > 0 else nilai
    nilai[int(np.argmax(ruang))] += sisa
    hasil: np.ndarray = np.round(nilai, 2)
    return hasil


def buat_skor_sintetis(
    katalog: Katalog,
    kode_kabkota: list[str],
    predikat_resmi: Mapping[tuple[str, int], str],
) -> pd.DataFrame:
    """Return synthetic scores (tahun, kode_wilayah, indikator, tahap, nilai) for every cycle.

    Stages: ``mandiri`` and ``final`` for every cycle, and ``provinsi`` from 2023 on.
    """
    baris: list[pd.DataFrame] = []
    for siklus in katalog.siklus:
        skema: Skema = katalog.skema[siklus.skema]
        ids = np.array([i.id for i in skema.indikator])
        maks = np.array([i.nilai_maks for i in skema.indikator])
        batas = np.array([_BATAS_PORSI.get(i.id, 1.0) for i in skema.indikator])
        for kode in kode_kabkota:
            rng = _rng("skor", kode, siklus.tahun)
            acuan = _predikat_acuan(kode, siklus.tahun, predikat_resmi)
            rentang = _rentang_target(acuan, katalog.pita) or (560.0, 780.0)
            total = round(float(rng.uniform(*rentang)), 2)
            final = bagi_ke_indikator(total, maks, batas, rng)
            mandiri = np.round(np.minimum(maks, final * (1 + rng.uniform(*_NAIK_MANDIRI, size=maks.size))), 2)
            tahap = {"mandiri": mandiri, "final": final}
            if siklus.tahun >= _TAHUN_TAHAP_PROVINSI:
                tahap["provinsi"] = np.round(final + (mandiri - final) * rng.uniform(0.2, 0.6, size=maks.size), 2)
            for nama_tahap, nilai in tahap.items():
                baris.append(
                    pd.DataFrame(
                        {
                            "tahun": siklus.tahun,
                            "kode_wilayah": kode,
                            "indikator": ids,
                            "tahap": nama_tahap,
                            "nilai": nilai,
                        }
                    )
                )
    return pd.concat(baris, ignore_index=True)
