"""Map measures ("ukuran"): what a map can show, declared and typed, and the pure functions over them.

The functions turn score, predikat and statistic frames into one row per region.

A measure is one of five kinds:

- ``predikat``: the official predikat of a cycle (ordered categories, fixed colours);
- ``total``: the computed total score (out of 1000);
- ``kelompok``: one group subtotal (``kelembagaan``, ``klaster_1`` … ``klaster_5``);
- ``indikator``: one indicator's score (only in cycles of that indicator's scheme);
- ``statistik``: a raw statistic from the catalogue (its years, not evaluation cycles).

Every measure has a stable code used in the URL (``predikat``, ``total``, ``klaster_3``,
``KLA24-13``, ``stat:prevalensi_stunting_ssgi``), a unit, a direction and labels in Indonesian and
English. Nothing here reads the database or imports Streamlit: the frames come in as arguments.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from indicators.analisis.ringkasan import TIDAK_ADA, TIDAK_DITEMUKAN
from indicators.format import Bahasa, format_angka
from indicators.katalog.model import KELOMPOK, Katalog
from indicators.teks import pasangan

JenisUkuran = Literal["predikat", "total", "kelompok", "indikator", "statistik"]
ArahUkuran = Literal["naik", "turun", "netral", "kategori"]
Tingkat = Literal["kabkota", "kecamatan"]
Perubahan = Literal["naik", "tetap", "turun", "tidak_sebanding"]

AWALAN_STATISTIK = "stat:"
"""URL codes of raw statistics start with this prefix: ``stat:<kode statistik>``."""

JENIS_SKOR: frozenset[str] = frozenset({"total", "kelompok", "indikator"})
"""Kinds computed from per-indicator scores (which are synthetic in the shipped data)."""

LABEL_STATUS = pasangan(
    {"resmi": "status_data_resmi", "sintetis": "label_sintetis", "tidak_ditemukan": "tidak_ditemukan"}
)
"""Display names of the data statuses (Indonesian, English)."""

LABEL_KATEGORI = pasangan({TIDAK_ADA: "tidak_ada_predikat", TIDAK_DITEMUKAN: "tidak_ditemukan"})
"""Display names of the two non-predikat categories (predikat names are proper names)."""

KOLOM_NILAI = [
    "kode_wilayah",
    "nama",
    "nilai",
    "tampilan",
    "kategori",
    "predikat",
    "status",
    "keyakinan",
    "dasar",
    "terverifikasi",
    "sintetis",
]
"""Columns returned by :func:`nilai_ukuran`."""

# Sequential scales run from "worse" (light) to "better" (dark green); a neutral statistic uses blue.
_HIJAU = ["#f7fcf5", "#c7e9c0", "#74c476", "#238b45", "#00441b"]
_BIRU = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"]
# Diverging scales: a worsening is orange, no change is near white, an improvement is green.
_DIVERGEN = ["#b35806", "#f1a340", "#f7f7f7", "#5aae61", "#1b7837"]
_DIVERGEN_NETRAL = ["#8c510a", "#d8b365", "#f5f5f5", "#67a9cf", "#2166ac"]

WARNA_KOSONG = "#d9d9d9"
"""Regions without a value on a colour-scale map: grey, so never mistaken for the scale's pale end."""

WARNA_PERUBAHAN: dict[str, str] = {
    "naik": "#1b7837",
    "tetap": "#c6dbef",
    "turun": "#e08214",
    "tidak_sebanding": WARNA_KOSONG,
}
"""Fixed colours of the predikat change categories (up, same, down, not comparable)."""


@dataclass(frozen=True)
class Ukuran:
    """One measure a map can show.

    Attributes:
        kode: stable code used in the URL (``ukuran`` query parameter).
        jenis: the kind of measure (see the module docstring).
        sumber: where the value comes from: a ``tabel_skor`` column, an indicator id or a
            statistic code (``predikat`` for the official predikat).
        label_id / label_en: the measure's name.
        satuan_id / satuan_en: its unit.
        arah: which way is better (``naik`` higher, ``turun`` lower, ``netral`` no direction,
            ``kategori`` ordered categories).
        desimal: decimals to show; None means "as few as the data needs" (raw statistics).
        skema: for an indicator, the scheme it belongs to (its cycles are that scheme's cycles).
        nilai_maks: the maximum score where one is defined.
        kategori: for ordered categories, the categories from lowest to highest.
    """

    kode: str
    jenis: JenisUkuran
    sumber: str
    label_id: str
    label_en: str
    satuan_id: str
    satuan_en: str
    arah: ArahUkuran
    desimal: int | None = 2
    skema: str | None = None
    nilai_maks: float | None = None
    kategori: tuple[str, ...] = ()

    @property
    def kontinu(self) -> bool:
        """Whether the measure is a number (drawn with a colour scale), not a category."""
        return self.jenis != "predikat"

    @property
    def berbasis_skor(self) -> bool:
        """Whether the measure comes from per-indicator scores (it then has an evaluation stage)."""
        return self.jenis in JENIS_SKOR

    def label(self, bahasa: Bahasa) -> str:
        """Return the measure's name in ``bahasa``."""
        return self.label_id if bahasa == "id" else self.label_en

    def satuan(self, bahasa: Bahasa) -> str:
        """Return the measure's unit in ``bahasa``."""
        return self.satuan_id if bahasa == "id" else self.satuan_en


def _skema_terbaru(katalog: Katalog) -> str:
    return max(katalog.skema.values(), key=lambda s: s.tahun_mulai).kode


def daftar_ukuran(katalog: Katalog, statistik: Iterable[str] | None = None) -> dict[str, Ukuran]:
    """Return every measure by code, in picker order.

    Order: official predikat, total, the six groups, the indicators of every scheme (newest scheme
    first), then raw statistics. ``statistik`` limits the statistics to those codes (e.g. the ones
    with data); None lists every statistic of the catalogue.
    """
    hasil: dict[str, Ukuran] = {}
    pita = tuple(katalog.pita.urutan())
    hasil["predikat"] = Ukuran(
        "predikat", "predikat", "predikat", "Predikat resmi", "Official predikat", "kategori", "category",
        "kategori", desimal=0, kategori=(TIDAK_ADA, *pita),
    )  # fmt: skip
    hasil["total"] = Ukuran(
        "total", "total", "total", "Total skor", "Total score", "poin", "points", "naik", nilai_maks=1000.0
    )
    skema_baru = katalog.skema[_skema_terbaru(katalog)]
    for kode in KELOMPOK:
        kel = skema_baru.kelompok_dari(kode)
        hasil[kode] = Ukuran(
            kode, "kelompok", kode, f"Skor {kel.nama}", f"{kel.nama_en} score", "poin", "points", "naik"
        )
    for skema in sorted(katalog.skema.values(), key=lambda s: -s.tahun_mulai):
        for ind in skema.indikator:
            hasil[ind.id] = Ukuran(
                ind.id,
                "indikator",
                ind.id,
                f"Skor indikator {ind.nomor} ({skema.kode}): {ind.label.teks}",
                f"Indicator {ind.nomor} ({skema.kode}) score: {ind.nama_en}",
                "poin",
                "points",
                "naik",
                skema=skema.kode,
                nilai_maks=ind.nilai_maks,
            )
    pilihan = None if statistik is None else set(statistik)
    for kode_stat, stat in katalog.statistik.items():
        if pilihan is not None and kode_stat not in pilihan:
            continue
        hasil[AWALAN_STATISTIK + kode_stat] = Ukuran(
            AWALAN_STATISTIK + kode_stat,
            "statistik",
            kode_stat,
            stat.nama,
            stat.nama_en,
            stat.satuan,
            stat.satuan_en,
            stat.arah,
            desimal=None,
        )
    return hasil


_KOLOM_SEDIA = ["statistik", "tahun", "tingkat", "kode_provinsi"]


def ringkas_ketersediaan(statistik: pd.DataFrame) -> pd.DataFrame:
    """Summarise which statistic has rows for which year, level and province.

    ``statistik`` holds rows of any number of statistics with ``statistik, tahun, tingkat,
    kode_provinsi`` (as ``statistik_indikator.sql`` returns them). Returns ``statistik, tahun,
    tingkat, kode_provinsi, jumlah`` (rows), sorted.
    """
    if statistik.empty:
        return rapikan_ketersediaan(pd.DataFrame())
    return rapikan_ketersediaan(statistik.groupby(_KOLOM_SEDIA, dropna=False).size().rename("jumlah").reset_index())


def rapikan_ketersediaan(jumlah: pd.DataFrame) -> pd.DataFrame:
    """Row counts per ``statistik, tahun, tingkat, kode_provinsi`` in the form of :func:`ringkas_ketersediaan`.

    The counts may come from pandas or from ``ketersediaan_statistik.sql`` (counted in DuckDB):
    both end with the same types and order.
    """
    if jumlah.empty:
        kosong = {k: pd.Series(dtype="object") for k in _KOLOM_SEDIA}
        return pd.DataFrame({**kosong, "jumlah": pd.Series(dtype="int64")})
    hasil = jumlah[[*_KOLOM_SEDIA, "jumlah"]].copy()
    hasil["tahun"] = hasil["tahun"].astype(int)
    hasil["jumlah"] = hasil["jumlah"].astype("int64")
    return hasil.sort_values(_KOLOM_SEDIA, ignore_index=True)


def _ketersediaan_di(ketersediaan: pd.DataFrame, kode_statistik: str, kode_provinsi: str) -> pd.DataFrame:
    data = ketersediaan[ketersediaan["statistik"] == kode_statistik]
    return data if kode_provinsi == "00" else data[data["kode_provinsi"] == kode_provinsi]


def statistik_tersedia(ketersediaan: pd.DataFrame, kode_provinsi: str) -> list[str]:
    """Return the statistic codes with rows for a kab/kota or kecamatan of the province ('00' = any)."""
    data = ketersediaan[ketersediaan["tingkat"].isin(["kabkota", "kecamatan"])]
    if kode_provinsi != "00":
        data = data[data["kode_provinsi"] == kode_provinsi]
    return sorted(data["statistik"].drop_duplicates().tolist())  # not set(column): that iterates in Python


def tingkat_tersedia(
    ukuran: Ukuran, ketersediaan: pd.DataFrame, kode_provinsi: str, lapisan_kecamatan: Iterable[str] = ("33",)
) -> list[Tingkat]:
    """Return the map levels a measure can be drawn at in a province.

    Kab/kota always (scores and predikat are kab/kota results). Kecamatan only where kecamatan rows
    of the statistic exist in that province and a kecamatan boundary layer exists
    (``lapisan_kecamatan``: province codes), so the option never leads to an empty map.
    """
    if ukuran.jenis != "statistik":
        return ["kabkota"]
    data = _ketersediaan_di(ketersediaan, ukuran.sumber, kode_provinsi)
    hasil: list[Tingkat] = ["kabkota"] if (data["tingkat"] == "kabkota").any() else []
    if kode_provinsi in set(lapisan_kecamatan) and (data["tingkat"] == "kecamatan").any():
        hasil.append("kecamatan")
    return hasil or ["kabkota"]


def tahun_tersedia(
    ukuran: Ukuran,
    siklus: pd.DataFrame,
    ketersediaan: pd.DataFrame,
    kode_provinsi: str,
    tingkat: Tingkat = "kabkota",
) -> list[int]:
    """Return the cycles (or, for a statistic, the years) with data for the measure, ascending.

    ``siklus`` is ``siklus_dengan_data.sql`` for the province (``tahun, kode_skema,
    jumlah_predikat, jumlah_skor``); ``ketersediaan`` is :func:`ringkas_ketersediaan`.
    """
    if ukuran.jenis == "statistik":
        data = _ketersediaan_di(ketersediaan, ukuran.sumber, kode_provinsi)
        return sorted({int(x) for x in data.loc[data["tingkat"] == tingkat, "tahun"]})
    if ukuran.jenis == "predikat":
        ada = siklus[siklus["jumlah_predikat"] > 0]
    else:
        ada = siklus[siklus["jumlah_skor"] > 0]
        if ukuran.jenis == "indikator":
            ada = ada[ada["kode_skema"] == ukuran.skema]
    return sorted({int(x) for x in ada["tahun"]})


def tahun_bawaan(
    ukuran: Ukuran, semua_tahun: Sequence[int], ketersediaan: pd.DataFrame, kode_provinsi: str, tingkat: Tingkat
) -> int:
    """The year a map opens on: the latest cycle; for a statistic, its best-covered year (latest on ties).

    A statistic's latest year often holds a single region, which makes a poor first map.
    """
    if ukuran.jenis != "statistik":
        return max(semua_tahun)
    data = _ketersediaan_di(ketersediaan, ukuran.sumber, kode_provinsi)
    data = data[(data["tingkat"] == tingkat) & data["tahun"].isin(list(semua_tahun))]
    if data.empty:
        return max(semua_tahun)
    jumlah = data.groupby("tahun")["jumlah"].sum()
    return int(max(jumlah.index, key=lambda th: (jumlah[th], th)))


def wilayah_peta(wilayah: pd.DataFrame, kode_provinsi: str, tingkat: Tingkat = "kabkota") -> pd.DataFrame:
    """Return the regions drawn on a map: ``kode_wilayah, nama, kode_induk`` at ``tingkat``.

    ``wilayah`` is every region (``wilayah_semua.sql``); '00' means every province.
    """
    data = wilayah[wilayah["tingkat"] == tingkat]
    if kode_provinsi != "00":
        data = data[data["kode_provinsi"] == kode_provinsi]
    return data[["kode_wilayah", "nama", "kode_induk"]].sort_values("kode_wilayah", ignore_index=True)


def desimal_data(nilai: Iterable[float], batas: int = 2) -> int:
    """Return the fewest decimals (up to ``batas``) that show every value exactly."""
    angka = [float(v) for v in nilai if v is not None and not math.isnan(float(v))]
    for desimal in range(batas + 1):
        if all(abs(v * 10**desimal - round(v * 10**desimal)) < 1e-6 for v in angka):
            return desimal
    return batas


def _tahun_ini(data: pd.DataFrame | None, tahun: int) -> pd.DataFrame | None:
    if data is None:
        return None
    return data[data["tahun"] == tahun] if "tahun" in data.columns else data


def _sumber_predikat(ukuran: Ukuran, resmi: pd.DataFrame | None) -> pd.DataFrame:
    """The official predikat as the measure: ``_kategori`` and its rank ``_nilai`` (0 = no predikat)."""
    if resmi is None:
        raise ValueError("ukuran predikat memerlukan tabel predikat (needs the predikat frame)")
    if "dasar" not in resmi.columns:
        resmi = resmi.assign(dasar=None)
    kolom = ["kode_wilayah", "_kategori", "keyakinan", "dasar", "sintetis"]
    sumber = resmi.rename(columns={"predikat": "_kategori"})[kolom]
    peringkat = {k: float(i) for i, k in enumerate(ukuran.kategori)}
    return sumber.assign(_nilai=sumber["_kategori"].map(peringkat), terverifikasi=True)


def _sumber_skor(ukuran: Ukuran, skor: pd.DataFrame | None) -> pd.DataFrame:
    """The total or a group subtotal from ``tabel_skor`` as ``_nilai``."""
    if skor is None:
        raise ValueError(f"ukuran {ukuran.kode} memerlukan tabel skor (needs tabel_skor)")
    sumber = skor[["kode_wilayah", ukuran.sumber, "sintetis"]].rename(columns={ukuran.sumber: "_nilai"})
    return sumber.assign(keyakinan=None, terverifikasi=True)


def _sumber_indikator(ukuran: Ukuran, tahun: int, skor_indikator: pd.DataFrame | None) -> pd.DataFrame:
    """One indicator's score of the cycle as ``_nilai``."""
    if skor_indikator is None:
        raise ValueError(f"ukuran {ukuran.kode} memerlukan skor per indikator (needs indicator scores)")
    data = _tahun_ini(skor_indikator, tahun)
    assert data is not None
    data = data[data["indikator"] == ukuran.sumber]
    sumber = data[["kode_wilayah", "nilai", "sintetis"]].rename(columns={"nilai": "_nilai"})
    return sumber.assign(keyakinan=None, terverifikasi=True)


def _sumber_statistik(ukuran: Ukuran, tahun: int, statistik: pd.DataFrame | None) -> pd.DataFrame:
    """A raw statistic of the year as ``_nilai``, with its own confidence and verification."""
    if statistik is None:
        raise ValueError(f"ukuran {ukuran.kode} memerlukan tabel statistik (needs the statistic frame)")
    data = _tahun_ini(statistik, tahun)
    assert data is not None
    if "statistik" in data.columns:
        data = data[data["statistik"] == ukuran.sumber]
    kolom = ["kode_wilayah", "nilai", "keyakinan", "terverifikasi", "sintetis"]
    return data[kolom].rename(columns={"nilai": "_nilai"})


def _tandai_status(hasil: pd.DataFrame, ada: pd.Series) -> None:
    """Set ``status``, ``sintetis``, ``terverifikasi``, ``keyakinan`` and ``nilai`` in place.

    A region without a value is ``tidak_ditemukan``: neither synthetic nor unverified, no confidence.
    """
    sintetis = hasil["sintetis"].where(ada, False).astype(bool)
    hasil["status"] = [
        "tidak_ditemukan" if not a else ("sintetis" if s else "resmi") for a, s in zip(ada, sintetis, strict=True)
    ]
    hasil["sintetis"] = sintetis
    hasil["terverifikasi"] = hasil["terverifikasi"].where(ada, True).astype(bool)
    hasil["keyakinan"] = pd.Series(
        [k if a and isinstance(k, str) else None for a, k in zip(ada, hasil["keyakinan"], strict=True)], dtype="object"
    )
    # The basis of an official predikat (stated, by elimination, inferred); other measures have none.
    dasar = hasil["dasar"] if "dasar" in hasil.columns else pd.Series(None, index=hasil.index, dtype="object")
    hasil["dasar"] = pd.Series([d if a and isinstance(d, str) else None for a, d in zip(ada, dasar, strict=True)],
                               dtype="object", index=hasil.index)  # fmt: skip
    hasil["nilai"] = hasil["_nilai"].astype(float)


def _tandai_tampilan(hasil: pd.DataFrame, ada: pd.Series, ukuran: Ukuran, bahasa: Bahasa) -> None:
    """Set ``kategori`` (predikat map category) and ``tampilan`` (the value as shown) in place."""
    if ukuran.jenis == "predikat":
        hasil["kategori"] = hasil["_kategori"].where(ada, TIDAK_DITEMUKAN)
        indeks = 0 if bahasa == "id" else 1
        hasil["tampilan"] = [LABEL_KATEGORI[k][indeks] if k in LABEL_KATEGORI else k for k in hasil["kategori"]]
    else:
        hasil["kategori"] = None
        desimal = ukuran.desimal if ukuran.desimal is not None else desimal_data(hasil["nilai"])
        hasil["tampilan"] = [format_angka(v, desimal, bahasa) for v in hasil["nilai"]]


def nilai_ukuran(
    ukuran: Ukuran,
    tahun: int,
    wilayah: pd.DataFrame,
    *,
    predikat: pd.DataFrame | None = None,
    skor: pd.DataFrame | None = None,
    skor_indikator: pd.DataFrame | None = None,
    statistik: pd.DataFrame | None = None,
    bahasa: Bahasa = "id",
) -> pd.DataFrame:
    """Return one row per region of ``wilayah`` with the measure's value for one cycle or year.

    Args:
        ukuran: the measure.
        tahun: the evaluation cycle, or the statistic's year.
        wilayah: the regions to map (``kode_wilayah, nama``), e.g. from :func:`wilayah_peta`.
        predikat: official predikat (``tahun, kode_wilayah, predikat, keyakinan, sintetis``);
            used for the ``predikat`` measure and for the predikat shown beside any value.
        skor: ``tabel_skor`` of the cycle and stage (group columns, ``total``, ``sintetis``).
        skor_indikator: per-indicator scores (``kode_wilayah, indikator, nilai, sintetis``) of the
            cycle and stage.
        statistik: rows of the statistic (``tahun, kode_wilayah, statistik, nilai, keyakinan,
            terverifikasi, sintetis``).
        bahasa: language of the display values.

    Returns:
        ``KOLOM_NILAI``: ``nilai`` (float; for predikat the rank, 0 = no predikat), ``tampilan``
        (the value as shown), ``kategori`` (predikat map category, else None), ``predikat`` (the
        official predikat of that year, None if unknown), ``status`` (``resmi``, ``sintetis`` or
        ``tidak_ditemukan``), ``keyakinan`` (confidence of an official value), ``terverifikasi``
        and ``sintetis``. A missing value is never filled in.

    Raises:
        ValueError: the frame the measure needs was not given.
    """
    basis = wilayah[["kode_wilayah", "nama"]].reset_index(drop=True)
    resmi = _tahun_ini(predikat, tahun)
    if ukuran.jenis == "predikat":
        sumber = _sumber_predikat(ukuran, resmi)
    elif ukuran.jenis in ("total", "kelompok"):
        sumber = _sumber_skor(ukuran, skor)
    elif ukuran.jenis == "indikator":
        sumber = _sumber_indikator(ukuran, tahun, skor_indikator)
    else:
        sumber = _sumber_statistik(ukuran, tahun, statistik)
    hasil = basis.merge(sumber, on="kode_wilayah", how="left", validate="one_to_one")
    ada = (hasil["_kategori"] if ukuran.jenis == "predikat" else hasil["_nilai"]).notna()
    _tandai_status(hasil, ada)
    _tandai_tampilan(hasil, ada, ukuran, bahasa)
    if resmi is None:
        hasil["predikat"] = None
    else:
        peta = dict(zip(resmi["kode_wilayah"], resmi["predikat"], strict=True))
        hasil["predikat"] = [peta.get(k) for k in hasil["kode_wilayah"]]
    return hasil[KOLOM_NILAI]


def perubahan_ukuran(ukuran: Ukuran, awal: pd.DataFrame, akhir: pd.DataFrame) -> pd.DataFrame:
    """Compare two :func:`nilai_ukuran` frames of the same measure (earlier → later).

    Returns one row per region of ``akhir``: ``kode_wilayah, nama, nilai_awal, nilai_akhir,
    selisih`` (later − earlier; for predikat the change in rank, in bands), ``arah_perubahan``
    (``naik``, ``tetap``, ``turun`` or ``tidak_sebanding`` when either value is missing),
    ``membaik`` (True if better by the measure's direction, None for neutral or not comparable)
    and ``sintetis`` (either value synthetic). A change is never guessed from a missing value.
    """
    kiri = awal[["kode_wilayah", "nilai", "tampilan", "sintetis"]]
    gabung = akhir[["kode_wilayah", "nama", "nilai", "tampilan", "sintetis"]].merge(
        kiri, on="kode_wilayah", how="left", suffixes=("_akhir", "_awal"), validate="one_to_one"
    )
    selisih = gabung["nilai_akhir"] - gabung["nilai_awal"]
    arah: list[Perubahan] = []
    for d in selisih.astype(float):
        if math.isnan(d):
            arah.append("tidak_sebanding")
        elif abs(d) < 1e-9:
            arah.append("tetap")
        else:
            arah.append("naik" if d > 0 else "turun")
    membaik: list[bool | None] = []
    for a in arah:
        if a == "tidak_sebanding" or ukuran.arah == "netral":
            membaik.append(None)
        elif a == "tetap":
            membaik.append(False)
        else:
            membaik.append((a == "naik") == (ukuran.arah != "turun"))
    return pd.DataFrame(
        {
            "kode_wilayah": gabung["kode_wilayah"],
            "nama": gabung["nama"],
            "nilai_awal": gabung["nilai_awal"],
            "nilai_akhir": gabung["nilai_akhir"],
            "tampilan_awal": gabung["tampilan_awal"],
            "tampilan_akhir": gabung["tampilan_akhir"],
            "selisih": selisih.round(6),
            "arah_perubahan": arah,
            "membaik": membaik,
            "sintetis": gabung["sintetis_akhir"].astype(bool) | gabung["sintetis_awal"].fillna(False).astype(bool),
        }
    )


def _skala(warna: Sequence[str]) -> list[list[float | str]]:
    langkah = len(warna) - 1
    return [[i / langkah, w] for i, w in enumerate(warna)]


def skala_warna(arah: ArahUkuran) -> list[list[float | str]]:
    """Sequential plotly colour scale oriented so that "better" is always the darker green.

    Higher-is-better runs light → dark green with the value; lower-is-better is reversed (the
    lowest value is darkest); a neutral statistic uses blue (darker = more, no judgement).
    """
    if arah == "netral":
        return _skala(_BIRU)
    return _skala(_HIJAU if arah != "turun" else list(reversed(_HIJAU)))


def skala_divergen(arah: ArahUkuran) -> list[list[float | str]]:
    """Diverging colour scale for a change map (to be centred on 0 with ``zmid=0``).

    Green is always an improvement and orange a worsening: for lower-is-better measures the
    scale is reversed, so a fall is green. A neutral statistic uses brown–blue (no judgement).
    """
    if arah == "netral":
        return _skala(_DIVERGEN_NETRAL)
    return _skala(_DIVERGEN if arah != "turun" else list(reversed(_DIVERGEN)))


def rentang(*nilai: Iterable[float]) -> tuple[float, float] | None:
    """Common colour range (min, max) over several value lists, so two maps share one scale."""
    angka = [float(v) for kumpulan in nilai for v in kumpulan if v is not None and not math.isnan(float(v))]
    if not angka:
        return None
    bawah, atas = min(angka), max(angka)
    if bawah == atas:
        # A single value still needs a non-empty range for the colour bar.
        lebar = abs(bawah) * 0.05 or 1.0
        return bawah - lebar, atas + lebar
    return bawah, atas


def rentang_simetris(selisih: Iterable[float]) -> float:
    """Half-width of a colour range centred on 0 that holds every change (1 if there is none)."""
    angka = [abs(float(v)) for v in selisih if v is not None and not math.isnan(float(v))]
    return max(angka) if angka and max(angka) > 0 else 1.0
