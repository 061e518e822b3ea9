"""Scoring of many regions at once (vectorised; no Python loop per region).

Group subtotals, totals out of 1000, computed predikat, completeness and the gap to the next
predikat.

Input is the long score table (``tahun, kode_wilayah, indikator, tahap, nilai[, sintetis]``);
everything about indicators (group, maximum, scheme) comes from the catalogue.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.katalog.model import KELOMPOK, Katalog, PitaPredikat

KUNCI = ["tahun", "kode_wilayah", "tahap"]
# Totals are sums of two-decimal scores; round away float noise before comparing with band
# edges, or 600 could come out as 600.0000000001 and read as Madya.
_DESIMAL_TOTAL = 6


def tabel_indikator(katalog: Katalog) -> pd.DataFrame:
    """Return one row per indicator: ``indikator, kode_skema, nomor, kelompok, nilai_maks, arah``."""
    return pd.DataFrame(
        [
            {
                "indikator": i.id,
                "kode_skema": s.kode,
                "nomor": i.nomor,
                "kelompok": i.kelompok,
                "nilai_maks": i.nilai_maks,
                "arah": i.arah,
            }
            for s in katalog.skema.values()
            for i in s.indikator
        ]
    )


def predikat_dari_total(total: pd.Series, pita: PitaPredikat) -> pd.Series:
    """Return the computed predikat per total (None below the lowest band), by the catalogue's edges."""
    nilai = total.to_numpy(dtype="float64", na_value=np.nan)
    # None (not NaN) for "no predikat", so callers can test it plainly.
    hasil = np.full(len(nilai), None, dtype=object)
    for band in pita.pita:
        bawah = nilai >= band.bawah if band.bawah_inklusif else nilai > band.bawah
        atas = nilai <= band.atas if band.atas_inklusif else nilai < band.atas
        hasil[bawah & atas] = band.predikat
    return pd.Series(hasil, index=total.index, dtype="object")


def selisih_ke_berikut(total: pd.Series, pita: PitaPredikat) -> pd.DataFrame:
    """Return the next predikat and the points needed to reach it, per total.

    Where the next band's lower edge is exclusive (Madya is > 600), reaching it takes the edge
    minus the total plus the score resolution (0,01), the smallest step that crosses the edge.
    At the top band both columns are empty.
    """
    nilai = total.to_numpy(dtype="float64", na_value=np.nan)
    berikut = np.full(len(nilai), None, dtype=object)
    selisih = np.full(len(nilai), np.nan)
    # Walk from the top band down, so each total ends with the lowest band it has not reached.
    for band in sorted(pita.pita, key=lambda p: p.urutan, reverse=True):
        belum = nilai < band.bawah if band.bawah_inklusif else nilai <= band.bawah
        langkah = 0.0 if band.bawah_inklusif else pita.resolusi_skor
        berikut[belum] = band.predikat
        selisih[belum] = np.round(band.bawah - nilai[belum] + langkah, 2)
    return pd.DataFrame(
        {
            "predikat_berikut": pd.Series(berikut, index=total.index, dtype="object"),
            "selisih_ke_predikat_berikut": pd.Series(selisih, index=total.index),
        }
    )


def hitung_skor(skor: pd.DataFrame, katalog: Katalog) -> pd.DataFrame:
    """Score every region × cycle × stage in ``skor``.

    Returns one row per (tahun, kode_wilayah, tahap) with ``kode_skema``, one subtotal column per
    group (``kelembagaan``, ``klaster_1`` … ``klaster_5``, 0 where a group has no score), ``total``
    (out of 1000), ``jumlah_indikator`` (indicators with a score), ``jumlah_indikator_skema``,
    ``lengkap`` (every indicator of the scheme scored: an incomplete set is computed, never passed
    off as complete), ``predikat_hitung``, ``predikat_berikut``, ``selisih_ke_predikat_berikut`` and
    ``sintetis`` (any synthetic score used).

    Raises:
        ValueError: an indicator id is not in the catalogue, or one row mixes two schemes.
    """
    indikator = tabel_indikator(katalog)
    posisi = pd.Index(indikator["indikator"]).get_indexer(skor["indikator"])
    if (posisi < 0).any():
        tak_dikenal = pd.unique(skor["indikator"].to_numpy()[posisi < 0])
        raise ValueError(
            f"indikator tidak dikenal di katalog (unknown indicator ids): {', '.join(map(str, tak_dikenal))}"
        )
    # Vectorised with integer group codes and bincount: a national cycle (12 000 rows) takes a few
    # milliseconds, where pandas' groupby/pivot on three string keys took about 100 ms.
    grup, contoh = _kode_grup(skor[KUNCI])
    n_grup, n_kelompok = len(contoh), len(KELOMPOK)
    kelompok = pd.Index(list(KELOMPOK)).get_indexer(pd.Index(indikator["kelompok"]))[posisi]
    skema_kode, skema_unik = pd.factorize(indikator["kode_skema"])
    skema = skema_kode[posisi]
    nilai = np.nan_to_num(skor["nilai"].to_numpy(dtype="float64"), nan=0.0)
    subtotal = np.bincount(grup * n_kelompok + kelompok, weights=nilai, minlength=n_grup * n_kelompok)
    subtotal = subtotal.reshape(n_grup, n_kelompok).round(_DESIMAL_TOTAL)
    if (_jumlah_unik(grup, skema, n_grup) > 1).any():
        raise ValueError("satu wilayah × tahun × tahap memuat indikator dari dua skema (mixed schemes)")
    sintetis = skor["sintetis"].to_numpy(dtype=bool) if "sintetis" in skor else np.zeros(len(skor), dtype=bool)

    hasil = skor[KUNCI].iloc[contoh].reset_index(drop=True)
    hasil["kode_skema"] = np.asarray(skema_unik)[skema[contoh]]
    hasil["jumlah_indikator"] = _jumlah_unik(grup, posisi, n_grup)
    hasil["sintetis"] = np.bincount(grup, weights=sintetis.astype("float64"), minlength=n_grup) > 0
    for j, nama in enumerate(KELOMPOK):
        hasil[nama] = subtotal[:, j]
    hasil["total"] = subtotal.sum(axis=1).round(_DESIMAL_TOTAL)
    per_skema = indikator.groupby("kode_skema").size()
    hasil["jumlah_indikator_skema"] = hasil["kode_skema"].map(per_skema).astype(int)
    hasil["lengkap"] = hasil["jumlah_indikator"] == hasil["jumlah_indikator_skema"]
    hasil["predikat_hitung"] = predikat_dari_total(hasil["total"], katalog.pita)
    hasil = hasil.join(selisih_ke_berikut(hasil["total"], katalog.pita))
    return hasil.sort_values(KUNCI, ignore_index=True)


def _kode_grup(kunci: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Integer group codes for the rows' key columns, and the first row of each group."""
    gabungan = np.zeros(len(kunci), dtype="int64")
    for kolom in kunci.columns:
        kode, unik = pd.factorize(kunci[kolom])
        gabungan = gabungan * (len(unik) + 1) + kode
    grup, _ = pd.factorize(gabungan)
    _, contoh = np.unique(grup, return_index=True)
    return grup, contoh


def _jumlah_unik(grup: np.ndarray, nilai: np.ndarray, n_grup: int) -> np.ndarray:
    """How many distinct ``nilai`` (non-negative integer codes) each group has."""
    pasangan = np.unique(grup.astype("int64") * (int(nilai.max(initial=0)) + 1) + nilai)
    return np.bincount(pasangan // (int(nilai.max(initial=0)) + 1), minlength=n_grup)


def ruang_indikator(
    skor_wilayah: pd.DataFrame, katalog: Katalog, kode_skema: str, selisih: float | None
) -> pd.DataFrame:
    """Rank the indicators of one region × cycle × stage by remaining room (maximum − score).

    ``skor_wilayah`` holds ``indikator, nilai`` for one region × cycle × stage. An indicator with
    no score has all its maximum as room and ``ada_skor`` False. ``menutup_selisih`` marks the
    smallest set of top-ranked indicators whose room covers ``selisih`` (the gap to the next
    predikat), so a Gugus Tugas sees where the next points are.
    """
    indikator = tabel_indikator(katalog)
    indikator = indikator[indikator["kode_skema"] == kode_skema]
    data = indikator.merge(skor_wilayah[["indikator", "nilai"]], on="indikator", how="left", validate="one_to_one")
    data["ada_skor"] = data["nilai"].notna()
    data["ruang"] = (data["nilai_maks"] - data["nilai"].fillna(0.0)).round(2)
    data = data.sort_values(["ruang", "nomor"], ascending=[False, True], ignore_index=True)
    data["peringkat"] = np.arange(1, len(data) + 1)
    kumulatif = data["ruang"].cumsum()
    if selisih is None or np.isnan(selisih):
        data["menutup_selisih"] = False
    else:
        # An indicator is needed while the room before it does not yet cover the gap.
        data["menutup_selisih"] = (kumulatif - data["ruang"]) < selisih
    return data[
        ["peringkat", "indikator", "nomor", "kelompok", "nilai", "nilai_maks", "ruang", "ada_skor", "menutup_selisih"]
    ]
