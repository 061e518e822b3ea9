"""The Perlindungan Anak catalogue as data: its aggregate tables, categories, units and rules.

The tables and their categories live in ``indicators/katalog/perlindungan.yaml`` (cases by form of
violence, victims by age and sex, place, perpetrator, services, UPTD PPA functions, rapid response,
prevention, child labour and trafficking), each with bilingual labels, a unit and a definition,
like the rest of the catalogue. The "parts never exceed their totals" rules are data too
(:class:`AturanBagian`); :func:`pelanggaran_bagian` checks long rows against them. Everything is
checked on load; a problem names the file and the entry. No personal data has a place here: every
row is a count per region and period.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from indicators.format import Bahasa
from indicators.katalog.model import KATALOG_DIR, KatalogError, _baca_yaml, _uraikan

PATH_KATALOG = KATALOG_DIR / "perlindungan.yaml"
Agregasi = Literal["jumlah", "akhir"]
"""How a year is made of its months: ``jumlah`` sums a flow, ``akhir`` keeps the last month of a stock."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Dwibahasa(_Model):
    """A text in Indonesian (``id``) and English (``en``)."""

    id: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def teks(self, bahasa: Bahasa = "id") -> str:
        """The text in ``bahasa``."""
        return self.en if bahasa == "en" else self.id


class Kategori(_Model):
    """One category of a table (``fisik`` of ``bentuk_kekerasan``); ``satuan`` None takes the table's."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: Dwibahasa
    satuan: Dwibahasa | None = None
    definisi: Dwibahasa | None = None
    agregasi: Agregasi = "jumlah"


class TabelPerlindungan(_Model):
    """One aggregate table: counts per region × period × category, never finer.

    ``jumlah_bermakna`` says whether the sum of all categories is a meaningful total (cases by form:
    yes; the rapid-response counts of different things: no), i.e. whether a total column is shown.
    ``dasar`` names the table whose total is this table's total too (victims by age → victims), so
    their disclosure control is linked.
    """

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: Dwibahasa
    satuan: Dwibahasa
    definisi: Dwibahasa
    jumlah_bermakna: bool
    kategori: dict[str, Kategori]
    dasar: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _kategori_ke_peta(cls, data: object) -> object:
        # The YAML lists categories in display order; the model keys them by id (order kept).
        if isinstance(data, dict) and isinstance(data.get("kategori"), list):
            daftar = data["kategori"]
            kode = [k.get("id") if isinstance(k, dict) else None for k in daftar]
            ganda = sorted({str(k) for k in kode if kode.count(k) > 1})
            if ganda:
                raise ValueError(f"kategori ditulis dua kali (duplicate category): {', '.join(ganda)}")
            data = {**data, "kategori": {str(k): v for k, v in zip(kode, daftar, strict=True)}}
        return data

    @model_validator(mode="after")
    def _ada_kategori(self) -> TabelPerlindungan:
        if not self.kategori:
            raise ValueError("tabel tanpa kategori (a table needs at least one category)")
        return self

    def satuan_kategori(self, kategori: str) -> Dwibahasa:
        """The unit of one category (its own, else the table's)."""
        return self.kategori[kategori].satuan or self.satuan


class RujukanKategori(_Model):
    """Some categories of one table; an empty ``kategori`` means all of them."""

    tabel: str
    kategori: tuple[str, ...] = ()


class AturanBagian(_Model):
    """The categories ``bagian`` never add up to more than the categories ``total``.

    Checked per (tahun, bulan, kode_wilayah) where both sides were reported.
    """

    bagian: RujukanKategori
    total: RujukanKategori


class _BerkasKatalog(_Model):
    versi: int
    indikator_terkait: tuple[str, ...]
    tabel: tuple[TabelPerlindungan, ...]
    aturan: tuple[AturanBagian, ...] = ()


@dataclass(frozen=True)
class KatalogPerlindungan:
    """The loaded catalogue: tables by id (file order) and the parts-and-totals rules."""

    tabel: dict[str, TabelPerlindungan]
    aturan: tuple[AturanBagian, ...]
    indikator_terkait: tuple[str, ...]

    def kategori(self, rujukan: RujukanKategori) -> tuple[str, ...]:
        """The category ids a rule side names (all of the table's when it names none)."""
        return rujukan.kategori or tuple(self.tabel[rujukan.tabel].kategori)

    def agregasi(self, tabel: str, kategori: str) -> Agregasi:
        """How a year of this category is made of its months."""
        return self.tabel[tabel].kategori[kategori].agregasi


def _periksa_rujukan(
    path: Path, tabel: dict[str, TabelPerlindungan], nomor: int, sisi: str, r: RujukanKategori
) -> None:
    if r.tabel not in tabel:
        raise KatalogError(f"{path.name}: aturan #{nomor}, {sisi}: tabel '{r.tabel}' tidak ada (unknown table)")
    asing = [k for k in r.kategori if k not in tabel[r.tabel].kategori]
    if asing:
        raise KatalogError(
            f"{path.name}: aturan #{nomor}, {sisi}: kategori {', '.join(asing)} tidak ada di tabel "
            f"'{r.tabel}' (unknown category)"
        )


def muat_katalog_perlindungan(path: Path = PATH_KATALOG) -> KatalogPerlindungan:
    """Load and check the catalogue file; raise :class:`KatalogError` naming the file and entry."""
    data = _baca_yaml(path)
    try:
        berkas = _BerkasKatalog.model_validate(data)
    except ValidationError as exc:
        raise KatalogError(f"{path.name}: {_uraikan(exc, data)}") from exc
    tabel: dict[str, TabelPerlindungan] = {}
    for t in berkas.tabel:
        if t.id in tabel:
            raise KatalogError(f"{path.name}: tabel '{t.id}' ditulis dua kali (duplicate table)")
        tabel[t.id] = t
    for t in tabel.values():
        if t.dasar is not None and (t.dasar not in tabel or t.dasar == t.id or tabel[t.dasar].dasar is not None):
            raise KatalogError(
                f"{path.name}: tabel '{t.id}', dasar '{t.dasar}': harus tabel lain yang tidak berdasar tabel lain "
                "(the base must be another table without a base of its own)"
            )
    for nomor, aturan in enumerate(berkas.aturan, start=1):
        _periksa_rujukan(path, tabel, nomor, "bagian", aturan.bagian)
        _periksa_rujukan(path, tabel, nomor, "total", aturan.total)
    return KatalogPerlindungan(tabel=tabel, aturan=berkas.aturan, indikator_terkait=berkas.indikator_terkait)


@cache
def katalog_perlindungan() -> KatalogPerlindungan:
    """The shipped catalogue, loaded once."""
    return muat_katalog_perlindungan()


@dataclass(frozen=True)
class Pelanggaran:
    """Parts that add up to more than their total for one region and period."""

    tahun: int
    bulan: int
    kode_wilayah: str
    aturan: AturanBagian
    jumlah_bagian: int
    jumlah_total: int


def _jumlah(baris: pd.DataFrame, tabel: str, kategori: Iterable[str]) -> pd.Series:
    pilih = baris[(baris["tabel"] == tabel) & baris["kategori"].isin(list(kategori))]
    return pilih.groupby(["tahun", "bulan", "kode_wilayah"])["jumlah"].sum()


def pelanggaran_bagian(baris: pd.DataFrame, katalog: KatalogPerlindungan | None = None) -> list[Pelanggaran]:
    """Every place where parts exceed their total in long rows (tahun, bulan, kode_wilayah, tabel, kategori, jumlah).

    A side that was not reported for a region and period is not compared (a total that is missing
    is unknown, not zero). Sorted by rule, then period and region.
    """
    katalog = katalog or katalog_perlindungan()
    hasil: list[Pelanggaran] = []
    for aturan in katalog.aturan:
        bagian = _jumlah(baris, aturan.bagian.tabel, katalog.kategori(aturan.bagian))
        total = _jumlah(baris, aturan.total.tabel, katalog.kategori(aturan.total))
        berdua = bagian.to_frame("bagian").join(total.to_frame("total"), how="inner")
        for (tahun, bulan, kode), b, t in zip(berdua.index, berdua["bagian"], berdua["total"], strict=True):
            if b > t:
                hasil.append(Pelanggaran(int(tahun), int(bulan), str(kode), aturan, int(b), int(t)))
    return hasil
