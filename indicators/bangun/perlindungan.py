"""Perlindungan Anak in the build: the real provincial figures and a synthetic per-kab/kota sample.

- :func:`angka_nyata` loads ``data/kla/perlindungan/angka_provinsi.csv`` (real figures that map
  cleanly onto the catalogue, each row with its source and confidence; what was left out and why is
  in that folder's README) into ``perlindungan_anak`` rows with ``sintetis = FALSE``.
- :func:`buat_sampel` generates, deterministically (a fixed seed per region, year and purpose), a
  monthly sample for every kab/kota of Jawa Tengah, every table of the catalogue, 2019 to June
  2025, flagged synthetic as the synthetic scores are (:mod:`indicators.bangun.sintetis`). Per-kab/kota
  breakdowns are not public; the sample only shows what the pages look like. It never contradicts a
  fact the product holds (:class:`FaktaPerlindungan`): where a real provincial figure is known the 35
  kab/kota add up to it exactly (per form of violence in 2020; victims in 2019 and 2020; all cases in
  2021 and 2022), a real kab/kota figure is kept as the real row and the synthetic breakdowns of that
  region-year add up to it, parts never exceed their totals, some region-months are deliberately not
  reported (no rows: never a zero), and small counts are common so the disclosure control is at work.
- Denominators (children aged 0–17 per kab/kota) were not found in any public source the project
  holds, so none is shipped: ``penduduk_anak`` stays empty until a user imports one.

This module never imports the builder (:mod:`indicators.bangun.database`, which imports it): the
builder lends its citation register, code check and error type through :class:`tambahan.Konteks`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from indicators.bangun import tambahan
from indicators.katalog.perlindungan import KatalogPerlindungan, katalog_perlindungan

SUMBER_SINTETIS = "sintetis-perlindungan-v1"
KODE_PROVINSI = "33"
TAHUN_SAMPEL = tuple(range(2019, 2026))
BULAN_TERAKHIR = {2025: 6}
"""The last month of the sample in a year that is not complete (2025: January to June)."""
FOLDER = tambahan.FOLDER.parent / "perlindungan"
BERKAS_NYATA = "angka_provinsi.csv"

# Region-months left unreported on purpose, besides a few percent at random: a quarter-long gap is
# what the completeness view has to make plain.
BOLONG_TETAP: Mapping[tuple[str, int], frozenset[int]] = {
    ("33.16", 2019): frozenset({1, 2, 3}),  # Kabupaten Blora
    ("33.07", 2021): frozenset({7, 8, 9}),  # Kabupaten Wonosobo
    ("33.73", 2023): frozenset({10, 11, 12}),  # Kota Salatiga
}
PELUANG_BOLONG = 0.04
# Synthetic expectations for years without any real figure (cases of the whole province; 2025 is
# half a year). Not real data: news speak of "about 1,200" in 2023 and "about 1,100" up to
# November 2024, and the sample stays near that.
_KASUS_HARAPAN = {2023: 1200, 2024: 1150, 2025: 560}
# Shares used where no real figure fixes a split (synthetic assumptions).
_UMUR = (0.22, 0.38, 0.40)
_JENIS_KELAMIN = (0.36, 0.64)
_TEMPAT = (0.55, 0.12, 0.18, 0.03, 0.12)
_HUBUNGAN = (0.18, 0.22, 0.25, 0.05, 0.15, 0.15)
_LAYANAN = (0.95, 0.45, 0.30, 0.35, 0.40, 0.15, 0.05, 0.10)
_RISIKO = (0.15, 0.35, 0.50)
_KEYAKINAN = {"high": "tinggi", "medium": "sedang", "low": "rendah"}
_BENTUK_BAWAAN = {"fisik": 205, "psikis": 296, "seksual": 789, "eksploitasi": 15, "tppo": 8, "penelantaran": 58}


@dataclass(frozen=True)
class FaktaPerlindungan:
    """The real figures the synthetic sample must add up to.

    ``bentuk``: year → form → province cases; ``kasus``: year → province cases of all forms;
    ``korban``: year → province child victims; ``korban_wilayah``: (year, kab/kota) → victims (kept
    as real rows; the other kab/kota of that year stay between the lowest and highest of them).
    """

    bentuk: Mapping[int, Mapping[str, int]] = field(default_factory=dict)
    kasus: Mapping[int, int] = field(default_factory=dict)
    korban: Mapping[int, int] = field(default_factory=dict)
    korban_wilayah: Mapping[tuple[int, str], int] = field(default_factory=dict)


def _rng(*kunci: object) -> np.random.Generator:
    benih = hashlib.sha256("|".join(map(str, ("perlindungan", *kunci))).encode()).digest()
    return np.random.default_rng(int.from_bytes(benih[:8], "big"))


# --- real figures -----------------------------------------------------------------------------------


def _baca(konteks: tambahan.Konteks, nama: str) -> tuple[Path, pd.DataFrame]:
    path = konteks.data_dir / FOLDER / nama
    return path, pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def angka_nyata(konteks: tambahan.Konteks, katalog: KatalogPerlindungan | None = None) -> pd.DataFrame:
    """The checked rows of ``angka_provinsi.csv`` as ``perlindungan_anak`` rows (not synthetic)."""
    katalog = katalog or katalog_perlindungan()
    path, df = _baca(konteks, BERKAS_NYATA)
    konteks.periksa_kode(path, df)
    for posisi, baris in enumerate(df.to_dict("records"), start=2):
        tabel, kategori = baris["tabel"], baris["kategori"]
        if tabel not in katalog.tabel:
            raise konteks.galat(
                f"{path.name}, baris {posisi}, kolom 'tabel': '{tabel}' tidak ada di katalog "
                f"(not in indicators/katalog/perlindungan.yaml; expected one of {', '.join(katalog.tabel)})"
            )
        if kategori not in katalog.tabel[tabel].kategori:
            raise konteks.galat(
                f"{path.name}, baris {posisi}, kolom 'kategori': '{kategori}' bukan kategori tabel {tabel} "
                f"(expected one of {', '.join(katalog.tabel[tabel].kategori)})"
            )
        for kolom, batas in (("tahun", (1990, 2100)), ("bulan", (0, 12)), ("jumlah", (0, 10**9))):
            teks = baris[kolom]
            if not teks.isdigit() or not batas[0] <= int(teks) <= batas[1]:
                raise konteks.galat(
                    f"{path.name}, baris {posisi}, kolom '{kolom}': '{teks}' bukan bilangan bulat "
                    f"{batas[0]}–{batas[1]} (expected a whole number {batas[0]}–{batas[1]})"
                )
    keyakinan = []
    for posisi, nilai in enumerate(df["confidence"], start=2):
        if nilai not in _KEYAKINAN:
            raise konteks.galat(
                f"{path.name}, baris {posisi}, kolom 'confidence': '{nilai}' tidak dikenal "
                "(expected high, medium or low)"
            )
        keyakinan.append(_KEYAKINAN[nilai])
    return pd.DataFrame(
        {
            "tahun": df["tahun"].astype(int),
            "bulan": df["bulan"].astype(int),
            "kode_wilayah": df["kode_wilayah"],
            "tabel": df["tabel"],
            "kategori": df["kategori"],
            "jumlah": df["jumlah"].astype("int64"),
            "sintetis": False,
            "sumber_id": [
                konteks.sumber(s, "berita_resmi", keyakinan=k) for s, k in zip(df["source"], keyakinan, strict=True)
            ],
        }
    )


def _kasus_statistik(konteks: tambahan.Konteks) -> dict[int, int]:
    """Province case totals of whole years from ``data/kla/indikator_kabkota.csv`` (DP3AKB via news)."""
    path = konteks.data_dir / "kla" / "indikator_kabkota.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    pilih = df[(df["kode_wilayah"] == KODE_PROVINSI) & (df["indikator"] == "kasus_kekerasan_terhadap_anak")]
    return {int(t): int(float(v)) for t, v in zip(pilih["tahun"], pilih["nilai"], strict=True)}


def fakta_dari(nyata: pd.DataFrame, kasus_tahunan: Mapping[int, int]) -> FaktaPerlindungan:
    """The facts of the real rows (whole years only) and of the yearly case totals."""
    setahun = nyata[nyata["bulan"] == 0]
    prov = setahun[setahun["kode_wilayah"] == KODE_PROVINSI]
    bentuk: dict[int, dict[str, int]] = {}
    for r in prov[prov["tabel"] == "bentuk_kekerasan"].to_dict("records"):
        bentuk.setdefault(int(r["tahun"]), {})[str(r["kategori"])] = int(r["jumlah"])
    korban = {int(r["tahun"]): int(r["jumlah"]) for r in prov[prov["tabel"] == "korban"].to_dict("records")}
    wil = setahun[(setahun["kode_wilayah"] != KODE_PROVINSI) & (setahun["tabel"] == "korban")]
    korban_wilayah = {(int(r["tahun"]), str(r["kode_wilayah"])): int(r["jumlah"]) for r in wil.to_dict("records")}
    kasus = {**dict(kasus_tahunan), **{t: sum(b.values()) for t, b in bentuk.items()}}
    return FaktaPerlindungan(bentuk=bentuk, kasus=kasus, korban=korban, korban_wilayah=korban_wilayah)


# --- the synthetic sample --------------------------------------------------------------------------


def bulan_sampel(tahun: int) -> list[int]:
    """The months of ``tahun`` the sample covers."""
    return list(range(1, BULAN_TERAKHIR.get(tahun, 12) + 1))


def bulan_dilaporkan(kode: str, tahun: int) -> list[int]:
    """The months a kab/kota reports in the sample (the rest have no rows); at least one."""
    bolong = BOLONG_TETAP.get((kode, tahun), frozenset())
    lapor = [
        m for m in bulan_sampel(tahun) if m not in bolong and _rng("lapor", kode, tahun, m).random() >= PELUANG_BOLONG
    ]
    return lapor or [next(m for m in bulan_sampel(tahun) if m not in bolong)]


def _bagi(jumlah: int, bobot: Sequence[float], rng: np.random.Generator) -> np.ndarray:
    """Split ``jumlah`` into parts by ``bobot`` (a multinomial draw: the parts add up exactly)."""
    p = np.asarray(bobot, dtype=float)
    return rng.multinomial(int(jumlah), p / p.sum()) if len(p) else np.zeros(0, dtype=int)


def _dalam_batas(nilai: np.ndarray, bawah: int, atas: int) -> np.ndarray:
    """Move units from values above ``atas`` (or the largest) to values below ``bawah`` (or the smallest)."""
    nilai = nilai.copy()
    for _ in range(100_000):
        rendah, tinggi = np.flatnonzero(nilai < bawah), np.flatnonzero(nilai > atas)
        if not len(rendah) and not len(tinggi):
            return nilai
        dari = tinggi[0] if len(tinggi) else int(np.argmax(nilai))
        ke = rendah[0] if len(rendah) else int(np.argmin(nilai))
        nilai[dari] -= 1
        nilai[ke] += 1
    raise ValueError("sampel sintetis: batas korban tidak dapat dipenuhi (victim bounds cannot be met)")


def _intensitas(penduduk: Mapping[str, float], tahun: int) -> dict[str, float]:
    """How many cases a region tends to record: its population, a lasting factor and a yearly one."""
    return {
        kode: float(p)
        * float(np.exp(_rng("faktor", kode).normal(0, 0.3)))
        * float(np.exp(_rng("tahun", kode, tahun).normal(0, 0.15)))
        for kode, p in penduduk.items()
    }


def _korban_tahunan(
    kode: list[str], bobot: dict[str, float], tahun: int, fakta: FaktaPerlindungan
) -> dict[str, int] | None:
    """Victims per region for a year whose province total is real (None when it is not known)."""
    if tahun not in fakta.korban:
        return None
    tetap = {k: v for (t, k), v in fakta.korban_wilayah.items() if t == tahun}
    bebas = [k for k in kode if k not in tetap]
    sisa = fakta.korban[tahun] - sum(tetap.values())
    bagian = _bagi(sisa, [bobot[k] for k in bebas], _rng("korban", tahun))
    if len(tetap) >= 2:  # the real lowest and highest region: every other one lies between them
        bagian = _dalam_batas(bagian, min(tetap.values()), max(tetap.values()))
    return {**dict(zip(bebas, (int(x) for x in bagian), strict=True)), **tetap}


def _kasus_per_bentuk(tahun: int, fakta: FaktaPerlindungan, korban: Mapping[str, int] | None) -> dict[str, int]:
    """The province's cases per form for a year: real when known, else split from a total."""
    if tahun in fakta.bentuk:
        return dict(fakta.bentuk[tahun])
    bps = next(iter(fakta.bentuk.values()), _BENTUK_BAWAAN)
    rasio = sum(bps.values()) / fakta.korban.get(2020, sum(bps.values()))
    if tahun in fakta.kasus:
        total = fakta.kasus[tahun]
    elif korban is not None:
        total = round(sum(korban.values()) * rasio)
    else:
        total = int(_rng("kasus", tahun).poisson(_KASUS_HARAPAN.get(tahun, 1200)))
    bentuk = list(bps)
    return dict(
        zip(bentuk, (int(x) for x in _bagi(total, [bps[b] for b in bentuk], _rng("bentuk", tahun))), strict=True)
    )


@dataclass
class _Baris:
    """Rows being collected: (tahun, bulan, kode_wilayah, tabel, kategori, jumlah)."""

    isi: list[tuple[int, int, str, str, str, int]] = field(default_factory=list)

    def tambah(
        self, tahun: int, bulan: int, kode: str, tabel: str, kategori: Sequence[str], jumlah: Iterable[Any]
    ) -> None:
        """Add one row per category (``jumlah`` in the same order: whole counts, numpy or not)."""
        for k, j in zip(kategori, jumlah, strict=True):
            self.isi.append((tahun, bulan, kode, tabel, k, int(j)))


def _kategori(katalog: KatalogPerlindungan, tabel: str) -> list[str]:
    return list(katalog.tabel[tabel].kategori)


def _sampel_wilayah_tahun(
    baris: _Baris,
    katalog: KatalogPerlindungan,
    kode: str,
    tahun: int,
    kasus: Mapping[str, np.ndarray],
    korban_tahun: int | None,
    korban_nyata: bool,
    penduduk: float,
    terbuka_awal: int,
) -> int:
    """Every table of one region-year (its cases per form and month already drawn); returns open cases."""
    bulan = bulan_dilaporkan(kode, tahun)
    bentuk = _kategori(katalog, "bentuk_kekerasan")
    per_bulan = np.array([[int(kasus[b][i]) for b in bentuk] for i in range(len(bulan))]).reshape(
        len(bulan), len(bentuk)
    )
    total_bulan = per_bulan.sum(axis=1)
    rng = _rng("wilayah", kode, tahun)
    # Victims: a real whole-year figure is kept as the real row (its breakdowns are whole-year too).
    if korban_tahun is None:
        korban_bulan = np.array([rng.binomial(int(t), 0.84) for t in total_bulan])
    else:
        korban_bulan = _bagi(korban_tahun, total_bulan + 0.5, rng)
    if korban_nyata:
        assert korban_tahun is not None
        baris.tambah(tahun, 0, kode, "umur", _kategori(katalog, "umur"), _bagi(korban_tahun, _UMUR, rng))
        baris.tambah(
            tahun,
            0,
            kode,
            "jenis_kelamin",
            _kategori(katalog, "jenis_kelamin"),
            _bagi(korban_tahun, _JENIS_KELAMIN, rng),
        )
    terbuka = terbuka_awal
    kepatuhan = _rng("kepatuhan", kode).uniform((0.8, 0.65, 0.72), (0.98, 0.95, 0.97))
    for i, m in enumerate(bulan):
        c, k = int(total_bulan[i]), int(korban_bulan[i])
        baris.tambah(tahun, m, kode, "bentuk_kekerasan", bentuk, per_bulan[i])
        if not korban_nyata:
            baris.tambah(tahun, m, kode, "korban", ["korban_anak"], [k])
            baris.tambah(tahun, m, kode, "umur", _kategori(katalog, "umur"), _bagi(k, _UMUR, rng))
            baris.tambah(
                tahun, m, kode, "jenis_kelamin", _kategori(katalog, "jenis_kelamin"), _bagi(k, _JENIS_KELAMIN, rng)
            )
        baris.tambah(tahun, m, kode, "tempat", _kategori(katalog, "tempat"), _bagi(c, _TEMPAT, rng))
        baris.tambah(tahun, m, kode, "hubungan_pelaku", _kategori(katalog, "hubungan_pelaku"), _bagi(c, _HUBUNGAN, rng))
        dilayani = k if not korban_nyata else c
        baris.tambah(
            tahun, m, kode, "layanan", _kategori(katalog, "layanan"), [rng.binomial(dilayani, p) for p in _LAYANAN]
        )
        baris.tambah(
            tahun, m, kode, "fungsi_uptd", _kategori(katalog, "fungsi_uptd"),
            [rng.binomial(c, 0.9) + rng.poisson(1), rng.binomial(c, 0.5), c, rng.binomial(c, 0.08),
             rng.binomial(c, 0.15), rng.binomial(c, 0.7)],
        )  # fmt: skip
        aduan = _bagi(c + int(rng.poisson(1)), _RISIKO, rng)
        tepat = [rng.binomial(int(a), float(p)) for a, p in zip(aduan, kepatuhan, strict=True)]
        ditutup = int(rng.binomial(terbuka + c, 0.45))
        terbuka = terbuka + c - ditutup
        baris.tambah(
            tahun, m, kode, "respons", _kategori(katalog, "respons"),
            [aduan[0], tepat[0], aduan[1], tepat[1], aduan[2], tepat[2], rng.binomial(c, 0.06), ditutup, terbuka],
        )  # fmt: skip
        kegiatan = int(rng.poisson(1.5 + penduduk / 1e6))
        baris.tambah(
            tahun, m, kode, "pencegahan", _kategori(katalog, "pencegahan"),
            [kegiatan, rng.poisson(35 * kegiatan), rng.poisson(4), rng.poisson(0.8 * c + 1), rng.poisson(0.4)],
        )  # fmt: skip
        tppo = int(per_bulan[i][bentuk.index("tppo")])
        baris.tambah(
            tahun,
            m,
            kode,
            "perlindungan_khusus",
            ["pekerja_anak", "korban_tppo"],
            [rng.poisson(0.6 * penduduk / 1e6), tppo],
        )
    return terbuka


def buat_sampel(
    penduduk: Mapping[str, float], fakta: FaktaPerlindungan, katalog: KatalogPerlindungan | None = None
) -> pd.DataFrame:
    """The synthetic monthly sample of every kab/kota in ``penduduk`` (code → population).

    Columns: tahun, bulan, kode_wilayah, tabel, kategori, jumlah. Deterministic: the same inputs
    give the same rows. Region-years with a real victims figure (``fakta.korban_wilayah``) get no
    synthetic ``korban`` rows, and their age and sex breakdowns are whole-year rows adding up to it.
    """
    katalog = katalog or katalog_perlindungan()
    kode = sorted(penduduk)
    baris = _Baris()
    terbuka = {k: int(_rng("terbuka_awal", k).poisson(5 + penduduk[k] / 2e5)) for k in kode}
    for tahun in TAHUN_SAMPEL:
        intensitas = _intensitas(penduduk, tahun)
        korban = _korban_tahunan(kode, intensitas, tahun, fakta)
        bobot = {k: korban[k] + 0.5 for k in kode} if korban is not None else intensitas
        per_bentuk = _kasus_per_bentuk(tahun, fakta, korban)
        # Cases per form and region for the year, then per reported month of that region.
        tahunan = {
            b: _bagi(n, [bobot[k] for k in kode], _rng("wilayah_bentuk", tahun, b)) for b, n in per_bentuk.items()
        }
        for i, k in enumerate(kode):
            bulan = bulan_dilaporkan(k, tahun)
            kasus = {b: _bagi(int(tahunan[b][i]), [1.0] * len(bulan), _rng("bulan", k, tahun, b)) for b in tahunan}
            kasus.setdefault("lainnya", np.zeros(len(bulan), dtype=int))
            korban_tahun = korban[k] if korban is not None else None
            terbuka[k] = _sampel_wilayah_tahun(
                baris,
                katalog,
                k,
                tahun,
                kasus,
                korban_tahun,
                (tahun, k) in fakta.korban_wilayah,
                penduduk[k],
                terbuka[k],
            )
    return pd.DataFrame(baris.isi, columns=["tahun", "bulan", "kode_wilayah", "tabel", "kategori", "jumlah"])


# --- for the builder -------------------------------------------------------------------------------


def tabel_perlindungan(konteks: tambahan.Konteks, wilayah: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """``perlindungan_anak`` for the build: the real rows, then the synthetic sample of Jawa Tengah.

    No ``penduduk_anak`` rows (no public denominator was found) and no verification marks (users
    enter them; a rebuild carries them over with the imports).
    """
    katalog = katalog_perlindungan()
    nyata = angka_nyata(konteks, katalog)
    fakta = fakta_dari(nyata, _kasus_statistik(konteks))
    jateng = wilayah[(wilayah["tingkat"] == "kabkota") & (wilayah["kode_provinsi"] == KODE_PROVINSI)]
    penduduk = {str(k): float(p) for k, p in zip(jateng["kode_wilayah"], jateng["penduduk"], strict=True)}
    sid = konteks.sumber(
        "Data contoh sintetis Dasbor KLA: angka Perlindungan Anak per kab/kota per bulan dibangkitkan "
        "deterministik (indicators/bangun/perlindungan.py), menjumlah tepat ke angka provinsi nyata yang "
        "diketahui (BPS 2020 per bentuk kekerasan; korban 2019 dan 2020; kasus 2021 dan 2022). Bukan data resmi.",
        "sintetis",
        lisensi="MIT (Dasbor KLA)",
        sumber_id=SUMBER_SINTETIS,
        sintetis_=True,
    )
    sampel = buat_sampel(penduduk, fakta, katalog).assign(sintetis=True, sumber_id=sid)
    return {"perlindungan_anak": pd.concat([nyata, sampel], ignore_index=True)}
