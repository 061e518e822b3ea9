"""Load the additional real data of ``data/kla/tambahan/`` and gather the facts the synthetic set obeys.

- ``kla_predikat_nasional.csv`` and the predikat values of ``predikat_jateng_koreksi.csv`` join
  ``predikat_resmi``; ``rekap_tambahan.csv`` joins ``rekap_predikat`` with its confidence;
  ``provila_nasional.csv`` joins ``penghargaan_provinsi``.
- The rows of ``predikat_jateng_koreksi.csv`` and ``fakta_turunan.csv`` that are not a predikat
  value ("(not Utama)", "Pratama (2x before 2019)") become ``fakta_predikat`` rows.
- :func:`fakta_sintetis` reads the built tables back into :class:`sintetis.FaktaSintetis`.

The merge rule for a key that is already loaded (same year and region, or same year and province):
the row already there wins unless the new row's confidence is strictly higher; then the new row
replaces it and the older note is kept after the new one. Among new rows with the same key the
highest confidence wins, then the first in file order (corrections before the national list).

This module never imports the builder (:mod:`indicators.bangun.database`, which imports it): the
builder lends its citation register, code check and error type through :class:`Konteks`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from indicators.analisis import rekap as rekap_analisis
from indicators.bangun import sintetis

FOLDER = Path("kla") / "tambahan"
PREDIKAT_SAH = frozenset({"Pratama", "Madya", "Nindya", "Utama", "KLA", "Tidak ada"})
DASAR_SAH = frozenset({"stated", "derived_by_elimination", "inferred_from_later_statement", "inferred"})
# kla_predikat_nasional.csv writes "derived_from_later_statement" for what data/kla/README.md calls
# "inferred_from_later_statement" (a predikat worked out from a later article): one vocabulary in the database.
_DASAR_SINONIM = {"derived_from_later_statement": "inferred_from_later_statement"}
_KEYAKINAN = {"high": "tinggi", "medium": "sedang", "low": "rendah"}
_PERINGKAT = {"rendah": 0, "sedang": 1, "tinggi": 2}
# kla_skor.csv: every "nilai evaluasi KLA" row is the score announced with the award (each note names
# that year's final predikat), i.e. the final stage. Another kind of score (a self-assessment figure)
# must not be forced onto the final total, so only these kinds are.
JENIS_SKOR_FINAL = frozenset({"nilai evaluasi KLA"})
# Files of statements about Jawa Tengah predikat: a row is a predikat held in a year, "(not P)" or
# "P (nx before YYYY)". fakta_turunan.csv holds what the dashboard read out of a quote in the first
# file's notes (Pemalang's "Madya sudah dua kali, dan Pratama 3 kali"); see its README.
BERKAS_PERNYATAAN = ("predikat_jateng_koreksi.csv", "fakta_turunan.csv")
_BUKAN = re.compile(r"^\(not (?P<predikat>[A-Za-z ]+)\)$")
_HITUNGAN = re.compile(r"^(?P<predikat>[A-Za-z ]+?) \((?P<jumlah>\d+)x before (?P<sebelum>\d{4})\)$")


class _Pernyataan(NamedTuple):
    jenis: str  # nilai | bukan | hitungan_sebelum
    predikat: str
    jumlah: int | None
    sebelum_tahun: int | None


@dataclass(frozen=True)
class Konteks:
    """What the builder lends these loaders: data folder, citation register, code check, error type."""

    data_dir: Path
    sumber: Callable[..., str]
    periksa_kode: Callable[[Path, pd.DataFrame], None]
    galat: Callable[[str], Exception]
    tahun_siklus: frozenset[int] = frozenset()


def _baca(konteks: Konteks, nama: str) -> tuple[Path, pd.DataFrame]:
    path = konteks.data_dir / FOLDER / nama
    return path, pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _keyakinan(konteks: Konteks, path: Path, kolom: pd.Series) -> pd.Series:
    for posisi, nilai in enumerate(kolom, start=2):
        if nilai not in _KEYAKINAN:
            raise konteks.galat(
                f"{path.name}, baris {posisi}, kolom 'confidence': '{nilai}' tidak dikenal "
                f"(expected high, medium or low)"
            )
    return kolom.map(_KEYAKINAN)


def _sumber(konteks: Konteks, df: pd.DataFrame, keyakinan: pd.Series) -> list[str]:
    return [konteks.sumber(s, "berita_resmi", keyakinan=k) for s, k in zip(df["source"], keyakinan, strict=True)]


def _periksa_predikat(konteks: Konteks, path: Path, df: pd.DataFrame) -> None:
    for posisi, (tahun, predikat, dasar) in enumerate(zip(df["tahun"], df["predikat"], df["basis"], strict=True), 2):
        if predikat not in PREDIKAT_SAH:
            raise konteks.galat(
                f"{path.name}, baris {posisi}, kolom 'predikat': '{predikat}' tidak dikenal "
                f"(expected one of {', '.join(sorted(PREDIKAT_SAH))})"
            )
        if _DASAR_SINONIM.get(dasar, dasar) not in DASAR_SAH:
            raise konteks.galat(f"{path.name}, baris {posisi}, kolom 'basis': '{dasar}' tidak dikenal")
        if not tahun.isdigit() or int(tahun) not in konteks.tahun_siklus:
            raise konteks.galat(
                f"{path.name}, baris {posisi}, kolom 'tahun': '{tahun}' bukan tahun siklus evaluasi "
                f"(expected one of {sorted(konteks.tahun_siklus)})"
            )


def _baris_predikat(konteks: Konteks, path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """Checked ``predikat_resmi`` rows from a file with the columns of ``kla_predikat.csv``."""
    konteks.periksa_kode(path, df)
    _periksa_predikat(konteks, path, df)
    keyakinan = _keyakinan(konteks, path, df["confidence"])
    return pd.DataFrame(
        {
            "tahun": df["tahun"].astype(int),
            "kode_wilayah": df["kode_wilayah"],
            "predikat": df["predikat"],
            "dasar": df["basis"].replace(_DASAR_SINONIM),
            "keyakinan": keyakinan,
            "sintetis": False,
            "sumber_id": _sumber(konteks, df, keyakinan),
            "catatan": df["note"].replace("", None),
        }
    )


def gabung_berkeyakinan(dasar: pd.DataFrame, tambahan: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    """Merge ``tambahan`` into ``dasar`` by ``kunci`` under the module's rule (higher confidence only).

    Both frames have the same columns, among them ``keyakinan`` and ``catatan``.
    """
    urut = tambahan.assign(_p=tambahan["keyakinan"].map(_PERINGKAT)).sort_values("_p", ascending=False, kind="stable")
    baris = {tuple(r[k] for k in kunci): r for r in dasar.to_dict("records")}
    for r in urut.drop(columns="_p").drop_duplicates(kunci).to_dict("records"):
        k = tuple(r[x] for x in kunci)
        lama = baris.get(k)
        if lama is None:
            baris[k] = r
        elif _PERINGKAT[r["keyakinan"]] > _PERINGKAT[lama["keyakinan"]]:
            catatan = [c for c in (r["catatan"], lama["catatan"]) if isinstance(c, str) and c]
            baris[k] = {**r, "catatan": "; ".join(catatan) or None}
    return pd.DataFrame(list(baris.values()), columns=dasar.columns)


def gabung_predikat(dasar: pd.DataFrame, konteks: Konteks) -> pd.DataFrame:
    """``predikat_resmi`` with the corrections and the national list merged in (rule: module docstring).

    A national row with an empty ``kode_wilayah`` names an ambiguous region ("Magelang" without
    Kab/Kota) and is not loaded: it could be either of two regions, and a wrong region is worse than none.
    """
    bagian = [
        _baris_predikat(konteks, path, df[_baris(df, [u.jenis == "nilai" for u in uraian])])
        for path, df, uraian in _berkas_pernyataan(konteks)
    ]
    path_n, nasional = _baca(konteks, "kla_predikat_nasional.csv")
    nasional = nasional[nasional["kode_wilayah"].str.strip() != ""]
    tambahan = pd.concat([*bagian, _baris_predikat(konteks, path_n, nasional)], ignore_index=True)
    return gabung_berkeyakinan(dasar, tambahan, ["tahun", "kode_wilayah"])


def _baris(df: pd.DataFrame, pilih: list[bool]) -> pd.Series:
    """A row mask (a plain list would select columns when it is empty)."""
    return pd.Series(pilih, index=df.index, dtype=bool)


def _urai(konteks: Konteks, path: Path, posisi: int, baris: dict[str, str]) -> _Pernyataan:
    """Read one row: a predikat held in a year ('nilai'), 'bukan' or 'hitungan_sebelum'."""
    predikat, tahun = baris["predikat"], baris["tahun"]
    if predikat in PREDIKAT_SAH and tahun:
        return _Pernyataan("nilai", predikat, None, None)
    bukan = _BUKAN.match(predikat)
    if bukan and bukan["predikat"] in PREDIKAT_SAH and tahun:
        return _Pernyataan("bukan", bukan["predikat"], None, None)
    hitungan = _HITUNGAN.match(predikat)
    if hitungan and hitungan["predikat"] in PREDIKAT_SAH:
        return _Pernyataan("hitungan_sebelum", hitungan["predikat"], int(hitungan["jumlah"]), int(hitungan["sebelum"]))
    raise konteks.galat(
        f"{path.name}, baris {posisi + 2}, kolom 'predikat': '{predikat}' bukan predikat, "
        f"'(not P)' atau 'P (nx before YYYY)' (expected a predikat, '(not P)' or 'P (nx before YYYY)')"
    )


def _berkas_pernyataan(konteks: Konteks) -> list[tuple[Path, pd.DataFrame, list[_Pernyataan]]]:
    """Every row of the files of predikat statements, read (:data:`BERKAS_PERNYATAAN`)."""
    hasil = []
    for nama in BERKAS_PERNYATAAN:
        path, df = _baca(konteks, nama)
        baris = [{str(k): str(v) for k, v in r.items()} for r in df.to_dict("records")]
        hasil.append((path, df, [_urai(konteks, path, i, r) for i, r in enumerate(baris)]))
    return hasil


def _fakta_berkas(konteks: Konteks, path: Path, df: pd.DataFrame, uraian: list[_Pernyataan]) -> pd.DataFrame:
    pilih = [u.jenis != "nilai" for u in uraian]
    asal = df[_baris(df, pilih)]
    konteks.periksa_kode(path, asal)
    pernyataan = [u for u, p in zip(uraian, pilih, strict=True) if p]
    keyakinan = _keyakinan(konteks, path, asal["confidence"])

    def bulat(nilai: list[int | None]) -> pd.arrays.IntegerArray:
        return pd.array(nilai, dtype="Int64")

    return pd.DataFrame(
        {
            "tahun": bulat([int(t) if t else None for t in asal["tahun"]]),
            "kode_wilayah": asal["kode_wilayah"].to_numpy(),
            "pernyataan": [u.jenis for u in pernyataan],
            "predikat": [u.predikat for u in pernyataan],
            "jumlah": bulat([u.jumlah for u in pernyataan]),
            "sebelum_tahun": bulat([u.sebelum_tahun for u in pernyataan]),
            "keyakinan": keyakinan.to_numpy(),
            "sumber_id": _sumber(konteks, asal, keyakinan),
            "catatan": asal["note"].replace("", None).to_numpy(),
        }
    )


def fakta_predikat(konteks: Konteks) -> pd.DataFrame:
    """The rows of :data:`BERKAS_PERNYATAAN` that are not a predikat value, as ``fakta_predikat``."""
    return pd.concat([_fakta_berkas(konteks, *b) for b in _berkas_pernyataan(konteks)], ignore_index=True)


def _rekap(konteks: Konteks) -> pd.DataFrame:
    path, df = _baca(konteks, "rekap_tambahan.csv")
    keyakinan = _keyakinan(konteks, path, df["confidence"])
    for posisi, jumlah in enumerate(df["jumlah"], start=2):
        if not jumlah.isdigit():
            raise konteks.galat(f"{path.name}, baris {posisi}, kolom 'jumlah': '{jumlah}' bukan bilangan bulat")
    return pd.DataFrame(
        {
            "tahun": df["tahun"].astype(int),
            "cakupan": df["cakupan"],
            "predikat": df["predikat"],
            "jumlah": df["jumlah"].astype(int),
            "keyakinan": keyakinan,
            "sumber_id": _sumber(konteks, df, keyakinan),
            "catatan": df["note"].replace("", None),
        }
    )


def _provila(konteks: Konteks) -> pd.DataFrame:
    path, df = _baca(konteks, "provila_nasional.csv")
    df = df.rename(columns={"kode_provinsi": "kode_wilayah"})
    konteks.periksa_kode(path, df)
    keyakinan = _keyakinan(konteks, path, df["confidence"])
    return pd.DataFrame(
        {
            "tahun": df["tahun"].astype(int),
            "kode_wilayah": df["kode_wilayah"],
            "penghargaan": df["penghargaan"],
            "keyakinan": keyakinan,
            "sumber_id": _sumber(konteks, df, keyakinan),
            "catatan": df["note"].replace("", None),
        }
    )


def gabung_data_kecil(tabel: dict[str, pd.DataFrame], konteks: Konteks) -> dict[str, pd.DataFrame]:
    """The small tables with ``data/kla/tambahan`` merged in, plus ``fakta_predikat``.

    ``rekap_predikat`` keeps every row (two sources for one count are both kept; the page picks one by
    :data:`indicators.analisis.rekap.ATURAN_PILIH`); rows of ``kla_rekap_jumlah.csv`` have no confidence.
    ``penghargaan_provinsi`` keeps one row per province and year (rule: module docstring).
    """
    dasar_rekap = tabel["rekap_predikat"]
    if "keyakinan" not in dasar_rekap.columns:
        dasar_rekap = dasar_rekap.assign(keyakinan=None)
    rekap = pd.concat([dasar_rekap, _rekap(konteks)[dasar_rekap.columns]], ignore_index=True)
    penghargaan = gabung_berkeyakinan(tabel["penghargaan_provinsi"], _provila(konteks), ["tahun", "kode_wilayah"])
    return {
        **tabel,
        "rekap_predikat": rekap,
        "penghargaan_provinsi": penghargaan,
        "fakta_predikat": fakta_predikat(konteks),
    }


def _rekap_sintetis(
    rekap: pd.DataFrame, sumber: pd.DataFrame, predikat_luar: pd.DataFrame, cakupan: dict[str, int]
) -> dict[int, tuple[sintetis.Rekap, ...]]:
    """Per cycle, the chosen official counts of every scope in ``cakupan`` (scope → regions outside)."""
    lengkap = rekap.merge(sumber[["sumber_id", "sitasi", "url"]], on="sumber_id", how="left")
    pilihan = rekap_analisis.pilih_rekap(lengkap)
    pilihan = pilihan[
        pilihan["cakupan"].isin(cakupan) & ~pilihan["predikat"].isin(rekap_analisis.BUKAN_PITA - {"Total"})
    ]
    hasil: dict[int, list[sintetis.Rekap]] = {}
    for tahun, nama in sorted({(int(t), str(c)) for t, c in zip(pilihan["tahun"], pilihan["cakupan"], strict=True)}):
        grup = pilihan[(pilihan["tahun"] == tahun) & (pilihan["cakupan"] == nama)]
        luar = predikat_luar[predikat_luar["tahun"] == tahun] if cakupan[nama] else predikat_luar.iloc[0:0]
        hasil.setdefault(tahun, []).append(
            sintetis.Rekap(
                jumlah={str(p): int(j) for p, j in zip(grup["predikat"], grup["jumlah"], strict=True)},
                dinamai_luar=dict(Counter(luar["predikat"])),
                wilayah_luar=cakupan[nama],
            )
        )
    return {t: tuple(r) for t, r in hasil.items()}


def fakta_sintetis(
    tabel: dict[str, pd.DataFrame], sumber: pd.DataFrame, wilayah: pd.DataFrame, kode_provinsi: str
) -> sintetis.FaktaSintetis:
    """Every fact about the kab/kota of ``kode_provinsi`` that the synthetic set must satisfy.

    Reads ``predikat_resmi``, ``rekap_predikat`` (the province's and the national recap, one value per
    count chosen as the pages choose it), ``fakta_predikat`` and ``skor_dilaporkan`` (final-stage kinds only).
    """
    kabkota = wilayah[wilayah["tingkat"] == "kabkota"]
    di_dalam = set(kabkota.loc[kabkota["kode_induk"] == kode_provinsi, "kode_wilayah"])
    predikat = tabel["predikat_resmi"]
    dalam = predikat["kode_wilayah"].isin(di_dalam)
    luar = predikat[~dalam & predikat["kode_wilayah"].isin(set(kabkota["kode_wilayah"]))]
    nama = wilayah.loc[wilayah["kode_wilayah"] == kode_provinsi, "nama"].iloc[0]
    cakupan = {
        rekap_analisis.cakupan_rekap(kode_provinsi, nama): 0,
        rekap_analisis.NASIONAL: len(kabkota) - len(di_dalam),
    }
    fakta = tabel["fakta_predikat"]
    fakta = fakta[fakta["kode_wilayah"].isin(di_dalam)]
    bukan = fakta[fakta["pernyataan"] == "bukan"]
    hitung = fakta[fakta["pernyataan"] == "hitungan_sebelum"]
    skor = tabel["skor_dilaporkan"]
    skor = skor[skor["jenis_skor"].isin(JENIS_SKOR_FINAL) & skor["kode_wilayah"].isin(di_dalam)]
    return sintetis.FaktaSintetis(
        predikat={
            (k, int(t)): p
            for k, t, p in predikat.loc[dalam, ["kode_wilayah", "tahun", "predikat"]].itertuples(index=False)
        },
        rekap=_rekap_sintetis(tabel["rekap_predikat"], sumber, luar, cakupan),
        bukan=frozenset(
            (k, int(t), p) for k, t, p in bukan[["kode_wilayah", "tahun", "predikat"]].itertuples(index=False)
        ),
        hitungan=tuple(
            sintetis.Hitungan(k, p, int(n), int(y))
            for k, p, n, y in hitung[["kode_wilayah", "predikat", "jumlah", "sebelum_tahun"]].itertuples(index=False)
        ),
        total_final={
            (k, int(t)): float(v) for k, t, v in skor[["kode_wilayah", "tahun", "nilai"]].itertuples(index=False)
        },
    )
