"""The evidence checklist (data dukung) per indicator: typed models, loading and validation.

One YAML file per scheme, ``indicators/katalog/data_dukung_<skema>.yaml``, lists the documents a
Gugus Tugas KLA collects for each indicator (Perda/Perwal, SK Gugus Tugas, RAD KLA, budget,
standardised services, data, reports, photos), each marked confirmed or inferred with its
sources (the same C / C2 / I / ? marks as the scheme files). The default owner OPD of every item must be one
of the indicator's ``opd_pengampu`` in the scheme file, so the two files cannot drift apart.
Everything is checked on load; every problem names the file and the entry, in Indonesian first.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from indicators.katalog.model import (
    KATALOG_DIR,
    Indikator,
    Katalog,
    KatalogError,
    Referensi,
    Skema,
    Teks,
    _baca_yaml,
    _uraikan,
    katalog_bawaan,
)
from indicators.teks import pasangan

JenisButir = Literal["regulasi", "sk", "rencana", "anggaran", "layanan", "data", "laporan", "foto"]
JENIS_LABEL = pasangan({j: f"jenis_butir_{j}" for j in get_args(JenisButir)})


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Butir(_Model):
    """One evidence item of one indicator (e.g. the SK Gugus Tugas of KLA24-02)."""

    kode: str = Field(pattern=r"^[a-z0-9_]+$")
    nama: str = Field(min_length=1)
    nama_en: str = Field(min_length=1)
    jenis: JenisButir
    opd: str | None = None
    status: Literal["C", "C2", "I", "?"]
    sumber: tuple[str, ...] = ()


class DataDukungIndikator(_Model):
    """The evidence items of one indicator."""

    indikator: str = Field(pattern=r"^[A-Z0-9]+-\d{2}$")
    butir: tuple[Butir, ...] = Field(min_length=1)


class _Berkas(_Model):
    skema: str
    peran_kontak_bawaan: Teks
    peran_kontak: dict[str, Teks] = Field(default_factory=dict)
    referensi: dict[str, Referensi] = Field(default_factory=dict)
    indikator: tuple[DataDukungIndikator, ...]


class KatalogDataDukung(_Model):
    """The checked evidence list of one scheme, bound to its indicators.

    ``per_indikator`` maps indicator id → its items; ``peran_kontak`` maps an OPD name to its
    default contact role (``peran_kontak_bawaan`` for the others).
    """

    skema: str
    peran_kontak_bawaan: Teks
    peran_kontak: dict[str, Teks]
    referensi: dict[str, Referensi]
    per_indikator: dict[str, tuple[Butir, ...]]

    def butir(self, indikator: str, kode: str) -> Butir | None:
        """Return the item ``kode`` of ``indikator``, or None when the catalogue has no such item."""
        return next((b for b in self.per_indikator.get(indikator, ()) if b.kode == kode), None)

    def kontak_untuk(self, opd: str) -> str:
        """Return the default contact role for an OPD."""
        teks = self.peran_kontak.get(opd, self.peran_kontak_bawaan)
        return teks.teks

    def opd_butir(self, ind: Indikator, butir: Butir) -> str:
        """Return the item's default owner: its own ``opd``, else the indicator's first OPD pengampu."""
        return butir.opd or ind.opd_pengampu.butir[0]


def _periksa(berkas: _Berkas, skema: Skema, nama: str) -> list[str]:
    masalah: list[str] = []
    indikator = {i.id: i for i in skema.indikator}
    kenal_ref = set(berkas.referensi) | set(skema.referensi)
    lihat: set[str] = set()
    for urut, entri in enumerate(berkas.indikator, start=1):
        label = f"indikator #{urut} ({entri.indikator})"
        ind = indikator.get(entri.indikator)
        if ind is None:
            masalah.append(f"{label}: bukan indikator skema {skema.kode} (not an indicator of the scheme)")
            continue
        if entri.indikator in lihat:
            masalah.append(f"{label}: indikator ganda (duplicate indicator)")
        lihat.add(entri.indikator)
        kode_lihat: set[str] = set()
        for b in entri.butir:
            if b.kode in kode_lihat:
                masalah.append(f"{label}: butir '{b.kode}' ganda (duplicate item)")
            kode_lihat.add(b.kode)
            if b.opd is not None and b.opd not in ind.opd_pengampu.butir:
                pilihan = ", ".join(ind.opd_pengampu.butir)
                masalah.append(
                    f"{label}: butir '{b.kode}': OPD '{b.opd}' bukan OPD pengampu indikator ini; harapan: {pilihan} "
                    f"(owner must be one of the indicator's OPD)"
                )
            for kunci in b.sumber:
                if kunci not in kenal_ref:
                    masalah.append(f"{label}: butir '{b.kode}': referensi '{kunci}' tidak dikenal (unknown reference)")
    for teks in (berkas.peran_kontak_bawaan, *berkas.peran_kontak.values()):
        masalah.extend(f"peran_kontak: referensi '{k}' tidak dikenal" for k in teks.sumber if k not in kenal_ref)
    kurang = [i for i in indikator if i not in lihat]
    if kurang:
        masalah.append(f"indikator tanpa data dukung (indicators without evidence items): {', '.join(kurang)}")
    return [f"{nama}: {m}" for m in masalah]


def muat_data_dukung(path: Path, katalog: Katalog) -> KatalogDataDukung:
    """Load and check one evidence file against the indicator catalogue.

    Raises:
        KatalogError: the file is unreadable, malformed, or inconsistent with the scheme; the
            message lists every problem, naming the file and the entry.
    """
    data = _baca_yaml(path)
    try:
        berkas = _Berkas.model_validate(data)
    except ValidationError as exc:
        raise KatalogError(f"{path.name}: {_uraikan(exc, data)}") from exc
    skema = katalog.skema.get(berkas.skema)
    if skema is None:
        raise KatalogError(f"{path.name}: skema '{berkas.skema}' tidak ada di katalog (unknown scheme)")
    masalah = _periksa(berkas, skema, path.name)
    if masalah:
        raise KatalogError("; ".join(masalah))
    urut = {i.id: i.nomor for i in skema.indikator}
    return KatalogDataDukung(
        skema=berkas.skema,
        peran_kontak_bawaan=berkas.peran_kontak_bawaan,
        peran_kontak=berkas.peran_kontak,
        referensi={**skema.referensi, **berkas.referensi},
        per_indikator={e.indikator: e.butir for e in sorted(berkas.indikator, key=lambda e: urut[e.indikator])},
    )


def path_data_dukung(kode_skema: str, direktori: Path = KATALOG_DIR) -> Path:
    """Return the evidence file of a scheme (``data_dukung_kla24.yaml`` for ``KLA24``)."""
    return direktori / f"data_dukung_{kode_skema.lower()}.yaml"


@cache
def data_dukung_bawaan(kode_skema: str = "KLA24") -> KatalogDataDukung:
    """Return the shipped evidence list of a scheme (loaded once per process)."""
    return muat_data_dukung(path_data_dukung(kode_skema), katalog_bawaan())
