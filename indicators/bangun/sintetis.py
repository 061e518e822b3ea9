"""Deterministic synthetic per-indicator scores for Jawa Tengah (labelled synthetic everywhere).

No real per-indicator KLA scores are published for any kab/kota, so the dashboard ships an
example set to show what the analysis looks like. It never contradicts a fact the product holds
(:class:`FaktaSintetis`):

- a published final total (``skor_dilaporkan``) IS that region-year's final total: the synthetic
  indicator scores are split to sum to it exactly (two decimals) and stay flagged synthetic. Its band
  may differ from the official predikat (Sragen 2019: 620 with Pratama); both are real, and the
  dashboard always shows computed and official side by side;
- otherwise a known official predikat fixes the band (with a margin, so rounding cannot cross an
  edge); 'Tidak ada' keeps the total below 500;
- a statement that is not a predikat value (``fakta_predikat``) excludes a band ('bukan') or fixes
  the cycles before a year ('hitungan_sebelum', see :func:`_baca_hitungan`);
- an official recap bounds the bands of the regions whose predikat is unknown: per band at most
  (official − named) of them, and in the province's own recap exactly (regions − official Total −
  named 'Tidak ada') get no award. A negative difference (the named list is longer than the recap,
  as Jawa Tengah 2022 Pratama: 9 named, 8 in Solopos) is clipped at zero.

Where the facts leave several bands, one is picked deterministically: the band nearest the region's
nearest known predikat, ties broken by a seeded draw, keeping every other region feasible. Such a
row is flagged ``perkiraan`` in :attr:`HasilSintetis.pita`; a band the facts fix is ``fakta``.
"""

from __future__ import annotations

import hashlib
from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators.katalog.model import Katalog, PitaPredikat, Skema

SUMBER_SINTETIS = "sintetis-skor-v1"
TIDAK_ADA = "Tidak ada"
FAKTA = "fakta"
PERKIRAAN = "perkiraan"
# Self-assessments run higher than the verified score (Sleman 2018: 963,04 mandiri; Kota
# Pekalongan 2024: 857,5 mandiri → 808,71 provinsi), so mandiri sits above final.
_NAIK_MANDIRI = (0.03, 0.22)
# Provincial administrative verification is reported from the 2023 cycle on.
_TAHUN_TAHAP_PROVINSI = 2023
# KLA24-17 (no tobacco advertising) is met by no kab/kota as of 2025.
_BATAS_PORSI = {"KLA24-17": 0.6}
_MARGIN = 3.0
# With no known predikat at all a region is centred on the middle band, as the old 560–780 range was.
_PITA_TENGAH = "Madya"


class FaktaBertentangan(ValueError):
    """The facts of a cycle leave no band for some region: two sources contradict each other."""


@dataclass(frozen=True)
class Hitungan:
    """A source says region ``kode`` held ``predikat`` ``jumlah`` times before the cycle ``sebelum_tahun``."""

    kode: str
    predikat: str
    jumlah: int
    sebelum_tahun: int


@dataclass(frozen=True)
class Rekap:
    """Official counts of one cycle for a scope that holds every kab/kota being generated.

    ``jumlah`` maps a band or ``Total`` to the official count. ``dinamai_luar`` counts the named
    predikat of the scope's regions that are not generated, and ``wilayah_luar`` is how many such
    regions there are: 0 for the province's own recap, which then fixes the number of regions
    without an award exactly; for the national recap it only bounds from above.
    """

    jumlah: Mapping[str, int]
    dinamai_luar: Mapping[str, int] = field(default_factory=dict)
    wilayah_luar: int = 0


@dataclass(frozen=True)
class FaktaSintetis:
    """Every fact the synthetic set must respect (keys are ``(kode_wilayah, tahun)``)."""

    predikat: Mapping[tuple[str, int], str] = field(default_factory=dict)
    rekap: Mapping[int, tuple[Rekap, ...]] = field(default_factory=dict)
    bukan: frozenset[tuple[str, int, str]] = frozenset()
    hitungan: tuple[Hitungan, ...] = ()
    total_final: Mapping[tuple[str, int], float] = field(default_factory=dict)


@dataclass(frozen=True)
class HasilSintetis:
    """The synthetic scores and, per region-year, the band of its final total and how it was fixed.

    ``skor``: tahun, kode_wilayah, indikator, tahap, nilai. ``pita``: tahun, kode_wilayah, pita,
    status ('fakta' | 'perkiraan'), pita_layak (allowed bands, lowest first, comma-separated), dasar.
    """

    skor: pd.DataFrame
    pita: pd.DataFrame


@dataclass(frozen=True)
class _Batas:
    """Capacities for the unknown regions of one cycle (None = unbounded)."""

    pita: dict[str, int | None]
    tidak_ada: int | None
    dapat: int | None


def _rng(*kunci: object) -> np.random.Generator:
    benih = hashlib.sha256("|".join(map(str, kunci)).encode()).digest()
    return np.random.default_rng(int.from_bytes(benih[:8], "big"))


def _semua_pita(pita: PitaPredikat) -> list[str]:
    return [TIDAK_ADA, *pita.urutan()]


def _pita_total(total: float, pita: PitaPredikat) -> str:
    return pita.predikat_untuk(total) or TIDAK_ADA


def _rentang_target(predikat: str, pita: PitaPredikat, plafon: float) -> tuple[float, float]:
    """The range a total in ``predikat`` is drawn from: inside the band and below ``plafon``.

    ``plafon`` is the most the schema's indicators sum to under their caps (KLA24: 986); a KLA band
    total above it could not be split, its scores came out NaN and the region read as 'Tidak ada'.
    Both ends keep ``_MARGIN`` away, so rounding cannot cross an edge.
    """
    if predikat == TIDAK_ADA:
        return (380.0, 500.0 - _MARGIN)
    band = next(p for p in pita.pita if p.predikat == predikat)
    rentang = (band.bawah + _MARGIN, min(band.atas, plafon) - _MARGIN)
    if rentang[0] > rentang[1]:
        raise ValueError(f"pita {predikat} tidak tercapai: skema hanya sampai {plafon} (band above the schema's cap)")
    return rentang


def _predikat_acuan(kode: str, tahun: int, predikat: Mapping[tuple[str, int], str]) -> str | None:
    """The known predikat of this year, else of the nearest year with one (earlier wins a tie)."""
    if (kode, tahun) in predikat:
        return predikat[(kode, tahun)]
    tahun_diketahui = sorted((abs(t - tahun), t) for (k, t) in predikat if k == kode)
    return predikat[(kode, tahun_diketahui[0][1])] if tahun_diketahui else None


def bagi_ke_indikator(total: float, maks: np.ndarray, batas: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Split ``total`` over indicators with maxima ``maks``: uneven, each ≤ its cap, summing exactly.

    Scores are rounded to two decimals and the rounding residue goes to the indicator with the
    most headroom, so the sum equals ``round(total, 2)``. Raises ``ValueError`` when ``total`` is
    outside 0 … ``(maks * batas).sum()``: such a total cannot be split (the scores would be NaN).
    """
    if not 0.0 <= total <= float((maks * batas).sum()) + 1e-9:
        raise ValueError(f"total {total} di luar 0–{float((maks * batas).sum())} (cannot be split under the caps)")
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


def _pita_diketahui(kode: str, tahun: int, fakta: FaktaSintetis, pita: PitaPredikat) -> str | None:
    """The band a region is known to have held: its official predikat, else its published total's."""
    if (kode, tahun) in fakta.predikat:
        return fakta.predikat[(kode, tahun)]
    if (kode, tahun) in fakta.total_final:
        return _pita_total(fakta.total_final[(kode, tahun)], pita)
    return None


def _baca_hitungan(
    fakta: FaktaSintetis, semua_tahun: list[int], pita: PitaPredikat
) -> tuple[dict[tuple[str, int], str], set[tuple[str, int, str]]]:
    """Turn "held P n times before year Y" into fixed and excluded bands of the catalogue's cycles.

    The statement is read as covering the latest cycles before Y: after the cycles whose band is
    known, the latest unknown ones get P until n is reached and earlier ones cannot be P. (Kota
    Pekalongan, "Pratama twice, then Madya in 2019", gets Pratama in 2017 and 2018.) When the known
    cycles already reach n, no unknown cycle before Y can be P.
    """
    tetap: dict[tuple[str, int], str] = {}
    larang: set[tuple[str, int, str]] = set()
    for h in fakta.hitungan:
        sebelum = sorted((t for t in semua_tahun if t < h.sebelum_tahun), reverse=True)
        diketahui = {t: _pita_diketahui(h.kode, t, fakta, pita) for t in sebelum}
        sisa = h.jumlah - sum(p == h.predikat for p in diketahui.values())
        for tahun in (t for t in sebelum if diketahui[t] is None):
            if tetap.get((h.kode, tahun), h.predikat) != h.predikat:
                continue  # another count already fixed this cycle to another band: it is not P
            if sisa > 0:
                tetap[(h.kode, tahun)] = h.predikat
                sisa -= 1
            else:
                larang.add((h.kode, tahun, h.predikat))
    return tetap, larang


def _izin(
    kode: str,
    tahun: int,
    fakta: FaktaSintetis,
    pita: PitaPredikat,
    hitungan: tuple[dict[tuple[str, int], str], set[tuple[str, int, str]]],
) -> tuple[frozenset[str], str | None]:
    """The bands one region-year may take on its own facts, and the fact that fixes it (if one does)."""
    # A published total, then an official predikat, outrank a statement about the same region-year.
    if (kode, tahun) in fakta.total_final:
        return frozenset({_pita_total(fakta.total_final[(kode, tahun)], pita)}), "skor_dilaporkan"
    if (kode, tahun) in fakta.predikat:
        return frozenset({fakta.predikat[(kode, tahun)]}), "predikat_resmi"
    tetap, larang = hitungan
    izin = frozenset(_semua_pita(pita)) - {p for (k, t, p) in fakta.bukan | larang if (k, t) == (kode, tahun)}
    if (kode, tahun) in tetap:
        izin &= {tetap[(kode, tahun)]}
    if not izin:
        raise FaktaBertentangan(
            f"{kode} {tahun}: fakta predikat saling bertentangan, tidak ada pita yang mungkin "
            f"(the statements about this region-year exclude every band)"
        )
    return izin, ("fakta_predikat" if (kode, tahun) in tetap else None)


def _batas(tahun: int, kode_kabkota: list[str], fakta: FaktaSintetis, pita: PitaPredikat) -> _Batas:
    """Capacities for the unknown regions of a cycle: the tightest over every recap of the cycle."""
    tanpa = len([k for k in kode_kabkota if (k, tahun) not in fakta.predikat])
    cap: dict[str, int | None] = dict.fromkeys(pita.urutan())
    ta: int | None = None
    dapat: int | None = None

    def ketat(lama: int | None, baru: int) -> int:
        return max(0, baru) if lama is None else min(lama, max(0, baru))

    for rekap in fakta.rekap.get(tahun, ()):
        dinamai = Counter(fakta.predikat[(k, tahun)] for k in kode_kabkota if (k, tahun) in fakta.predikat)
        dinamai.update(rekap.dinamai_luar)
        total = rekap.jumlah.get("Total")
        disebut = sum(rekap.jumlah.get(p, 0) for p in cap)
        for p in cap:
            if p in rekap.jumlah:
                cap[p] = ketat(cap[p], rekap.jumlah[p] - dinamai[p])
            elif total is not None:  # a band the recap leaves out holds at most what its total leaves
                cap[p] = ketat(cap[p], total - disebut)
        if total is None:
            continue
        wilayah = len(kode_kabkota) + rekap.wilayah_luar
        ta_lingkup = min(tanpa, max(0, wilayah - total - dinamai[TIDAK_ADA]))
        ta = ketat(ta, ta_lingkup)
        dapat = ketat(dapat, total - sum(v for p, v in dinamai.items() if p != TIDAK_ADA))
        if rekap.wilayah_luar == 0:  # the province's own recap: every other unknown region is awarded
            dapat = ketat(dapat, tanpa - ta_lingkup)
    return _Batas(cap, ta, dapat)


def _aliran_maks(sisi: dict[str, dict[str, int]], asal: str, tujuan: str) -> int:
    """Maximum flow from ``asal`` to ``tujuan`` (Edmonds–Karp on residual capacities, in place)."""
    aliran = 0
    while True:
        induk: dict[str, str] = {asal: asal}
        antre = deque([asal])
        while antre and tujuan not in induk:
            u = antre.popleft()
            for v, c in sisi[u].items():
                if c > 0 and v not in induk:
                    induk[v] = u
                    antre.append(v)
        if tujuan not in induk:
            return aliran
        v = tujuan
        while v != asal:
            u = induk[v]
            sisi[u][v] -= 1
            sisi[v][u] = sisi[v].get(u, 0) + 1
            v = u
        aliran += 1


def _mungkin(izin: Mapping[str, frozenset[str]], batas: _Batas) -> bool:
    """Whether every region can get one of its bands within the cycle's capacities (a flow check)."""
    n = len(izin)
    sisi: dict[str, dict[str, int]] = {"S": {}, "T": {}, "DAPAT": {}, f"p:{TIDAK_ADA}": {}}

    def tambah(a: str, b: str, c: int | None) -> None:
        sisi.setdefault(a, {})[b] = n if c is None else c
        sisi.setdefault(b, {}).setdefault(a, 0)

    for kode, boleh in izin.items():
        tambah("S", f"w:{kode}", 1)
        for p in sorted(boleh):
            tambah(f"w:{kode}", f"p:{p}", 1)
    for p, c in batas.pita.items():
        tambah(f"p:{p}", "DAPAT", c)
    tambah(f"p:{TIDAK_ADA}", "T", batas.tidak_ada)
    tambah("DAPAT", "T", batas.dapat)
    return _aliran_maks(sisi, "S", "T") == n


def _preferensi(kode: str, tahun: int, layak: tuple[str, ...], acuan: str | None, urutan: list[str]) -> list[str]:
    """Allowed bands, nearest the reference band first; ties broken by a draw seeded on the region-year."""
    pusat = urutan.index(acuan if acuan is not None else _PITA_TENGAH)
    undian = _rng("pita", kode, tahun).random(len(urutan))
    return sorted(layak, key=lambda p: (abs(urutan.index(p) - pusat), undian[urutan.index(p)]))


def _pilih_siklus(
    tahun: int, izin: dict[str, frozenset[str]], batas: _Batas | None, fakta: FaktaSintetis, urutan: list[str]
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Pick one band per region of a cycle: (band, every band some full assignment allows)."""
    if batas is None:  # no recap this cycle: regions are independent
        layak = {k: tuple(p for p in urutan if p in b) for k, b in izin.items()}
    else:
        if not _mungkin(izin, batas):
            raise FaktaBertentangan(
                f"{tahun}: rekap resmi dan daftar predikat tidak dapat dipenuhi bersama "
                f"(the official recap and the per-region facts of this cycle contradict each other)"
            )
        layak = {
            k: tuple(p for p in urutan if p in b and _mungkin({**izin, k: frozenset({p})}, batas))
            for k, b in izin.items()
        }
    tetap = dict(izin)
    kode_urut = sorted(izin)
    for i in _rng("urutan-pita", tahun).permutation(len(kode_urut)):
        kode = kode_urut[int(i)]
        for p in _preferensi(kode, tahun, layak[kode], _predikat_acuan(kode, tahun, fakta.predikat), urutan):
            coba = {**tetap, kode: frozenset({p})}
            if batas is None or _mungkin(coba, batas):
                tetap = coba
                break
    return {k: (next(iter(tetap[k])), layak[k]) for k in kode_urut}


def _dasar_perkiraan(izin: frozenset[str], layak: tuple[str, ...], urutan: list[str]) -> str:
    """What bounded a region-year no single fact fixes: the recap, its own statements, or nothing."""
    if set(layak) != izin:
        return "rekap_predikat"
    return "fakta_predikat" if len(izin) < len(urutan) else "tanpa_fakta"


def tentukan_pita(katalog: Katalog, kode_kabkota: list[str], fakta: FaktaSintetis) -> pd.DataFrame:
    """Return the band of every region-year's synthetic final total and whether facts fix it.

    Columns: tahun, kode_wilayah, pita, status ('fakta' | 'perkiraan'), pita_layak, dasar.
    Raises :class:`FaktaBertentangan` when the facts of a cycle cannot all hold.
    """
    urutan = _semua_pita(katalog.pita)
    semua_tahun = [s.tahun for s in katalog.siklus]
    hitungan = _baca_hitungan(fakta, semua_tahun, katalog.pita)
    baris = []
    for tahun in semua_tahun:
        izin_dasar = {k: _izin(k, tahun, fakta, katalog.pita, hitungan) for k in kode_kabkota}
        tak_dikenal = {k: izin for k, (izin, _) in izin_dasar.items() if (k, tahun) not in fakta.predikat}
        batas = _batas(tahun, kode_kabkota, fakta, katalog.pita) if tahun in fakta.rekap else None
        pilihan = _pilih_siklus(tahun, tak_dikenal, batas, fakta, urutan)
        for kode in kode_kabkota:
            izin, dasar = izin_dasar[kode]
            pita, layak = pilihan.get(kode, (next(iter(izin)), tuple(izin)))
            if dasar is None:
                dasar = _dasar_perkiraan(izin, layak, urutan)
            status = FAKTA if len(layak) == 1 else PERKIRAAN
            baris.append((tahun, kode, pita, status, ",".join(layak), dasar))
    return pd.DataFrame(baris, columns=["tahun", "kode_wilayah", "pita", "status", "pita_layak", "dasar"])


def _skor_wilayah(
    skema: Skema, kode: str, tahun: int, pita: str, total_terbit: float | None, katalog: Katalog
) -> dict[str, np.ndarray]:
    """The synthetic scores of one region-year per stage, with the final total in ``pita``."""
    maks = np.array([i.nilai_maks for i in skema.indikator])
    batas = np.array([_BATAS_PORSI.get(i.id, 1.0) for i in skema.indikator])
    rng = _rng("skor", kode, tahun)
    # Always draw, so a published total changes this region-year's total only, not the draws after it.
    total = round(float(rng.uniform(*_rentang_target(pita, katalog.pita, float((maks * batas).sum())))), 2)
    if total_terbit is not None:
        total = round(total_terbit, 2)
        if total > float((maks * batas).sum()):  # a published total outranks the plausibility caps
            batas = np.ones_like(batas)
    final = bagi_ke_indikator(total, maks, batas, rng)
    mandiri = np.round(np.minimum(maks, final * (1 + rng.uniform(*_NAIK_MANDIRI, size=maks.size))), 2)
    tahap = {"mandiri": mandiri, "final": final}
    if tahun >= _TAHUN_TAHAP_PROVINSI:
        tahap["provinsi"] = np.round(final + (mandiri - final) * rng.uniform(0.2, 0.6, size=maks.size), 2)
    return tahap


def buat_skor_sintetis(katalog: Katalog, kode_kabkota: list[str], fakta: FaktaSintetis) -> HasilSintetis:
    """Return synthetic scores for every cycle and the band table (:class:`HasilSintetis`).

    Stages: ``mandiri`` and ``final`` for every cycle, and ``provinsi`` from 2023 on. The final
    total of every region-year satisfies every fact in ``fakta`` (see the module docstring).
    ``kode_kabkota`` must be every kab/kota of the province whose recap is in ``fakta.rekap``.
    """
    pita = tentukan_pita(katalog, kode_kabkota, fakta)
    pilihan = {(k, int(t)): p for t, k, p in zip(pita["tahun"], pita["kode_wilayah"], pita["pita"], strict=True)}
    baris: list[pd.DataFrame] = []
    for siklus in katalog.siklus:
        skema: Skema = katalog.skema[siklus.skema]
        ids = np.array([i.id for i in skema.indikator])
        for kode in kode_kabkota:
            terbit = fakta.total_final.get((kode, siklus.tahun))
            tahap = _skor_wilayah(skema, kode, siklus.tahun, pilihan[(kode, siklus.tahun)], terbit, katalog)
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
    return HasilSintetis(skor=pd.concat(baris, ignore_index=True), pita=pita)
