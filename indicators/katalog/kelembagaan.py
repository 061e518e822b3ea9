"""The Kelembagaan evidence register as data: its items, their value types, and what a valid value is.

The items live in ``indicators/katalog/kelembagaan_<skema>.yaml`` (SK Gugus Tugas, meetings, RAD KLA,
Profil Anak, budget share per cluster, KELANA/DEKELA/PATBM, involvement of society, business and
media), each bound to the KLA indicator it evidences, with its value type, unit, what the
instrument expects (``syarat``) and its sources, like the rest of the catalogue. Everything is
checked on load; every problem names the file and the entry.

Values are stored as one canonical text per item (:func:`urai_nilai`): an ISO date, a year, a
period ``2021-2026``, a whole number, a percentage with at most two decimals, or option codes in
catalogue order. A bad value raises :class:`NilaiError` naming the item, the value and what was
expected, Indonesian first. :func:`tampil_nilai` shows a stored value through
:mod:`indicators.format`; :func:`perhatian` lists what the instrument would question (four meetings
or fewer, a structure without every cluster, an expired decree ...). Pure: no file access but the
catalogue file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.galat import GalatDwibahasa
from indicators.katalog.model import KATALOG_DIR, Katalog, KatalogError, Referensi, _baca_yaml, _uraikan, katalog_bawaan
from indicators.teks import t
from indicators.teks_aman import bersihkan_kontrol, tampak_kontrol

TipeNilai = Literal["teks", "tanggal", "tahun", "periode", "bilangan", "persen", "pilihan"]
JenisSyarat = Literal["lebih_dari", "semua_pilihan", "belum_lewat", "tahun_berjalan", "mencakup_tahun_berjalan"]
TAHUN_MIN, TAHUN_MAKS = 1990, 2100
BILANGAN_MAKS = 1_000_000
TEKS_MAKS = 300
# Which value types each expectation applies to (checked on load).
_SYARAT_UNTUK: dict[str, set[str]] = {
    "lebih_dari": {"bilangan", "persen"},
    "semua_pilihan": {"pilihan"},
    "belum_lewat": {"tanggal"},
    "tahun_berjalan": {"tanggal"},
    "mencakup_tahun_berjalan": {"periode"},
}
_TANGGAL_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_TANGGAL_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?")
_PERIODE = re.compile(r"(\d{4})\s*(?:-|–|—|s\.?\s*d\.?|sampai|hingga|to|until)\s*(\d{4})", re.IGNORECASE)
_PERSEN = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%?")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Pilihan(_Model):
    """One option of a ``pilihan`` item (e.g. ``klaster_3``)."""

    kode: str = Field(pattern=r"^[a-z0-9_]+$")
    nama: str = Field(min_length=1)
    nama_en: str = Field(min_length=1)


class Syarat(_Model):
    """What the instrument expects of a value; a value that misses it is flagged, not refused."""

    jenis: JenisSyarat
    ambang: float | None = None


class ButirKelembagaan(_Model):
    """One item of the register (e.g. the number of Gugus Tugas meetings in a year)."""

    kode: str = Field(pattern=r"^[a-z0-9_]+$")
    indikator: str = Field(pattern=r"^[A-Z0-9]+-\d{2}$")
    tipe: TipeNilai
    nama: str = Field(min_length=1)
    nama_en: str = Field(min_length=1)
    satuan: str | None = None
    satuan_en: str | None = None
    pilihan: tuple[Pilihan, ...] = ()
    syarat: Syarat | None = None
    masa_depan: bool = True
    status: Literal["C", "C2", "I", "?"]
    sumber: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _konsisten(self) -> ButirKelembagaan:
        if (self.tipe == "pilihan") != bool(self.pilihan):
            raise ValueError("'pilihan' wajib untuk tipe pilihan dan hanya untuk itu (options only for type pilihan)")
        if self.syarat is not None and self.tipe not in _SYARAT_UNTUK[self.syarat.jenis]:
            raise ValueError(f"syarat '{self.syarat.jenis}' tidak berlaku untuk tipe {self.tipe} (not for this type)")
        if self.syarat is not None and self.syarat.jenis == "lebih_dari" and self.syarat.ambang is None:
            raise ValueError("syarat lebih_dari perlu 'ambang' (needs a threshold)")
        if (self.satuan is None) != (self.satuan_en is None):
            raise ValueError("'satuan' dan 'satuan_en' diisi bersama (unit in both languages)")
        return self

    def label(self, bahasa: Bahasa) -> str:
        """The item's name in the chosen language."""
        return self.nama if bahasa == "id" else self.nama_en


class _Berkas(_Model):
    skema: str
    referensi: dict[str, Referensi] = Field(default_factory=dict)
    butir: tuple[ButirKelembagaan, ...] = Field(min_length=1)


class KatalogKelembagaan(_Model):
    """The checked register definition of one scheme: its items in order and their sources."""

    skema: str
    referensi: dict[str, Referensi]
    butir: tuple[ButirKelembagaan, ...]

    def cari(self, kode: str) -> ButirKelembagaan | None:
        """The item ``kode``, or None when the register has no such item."""
        return next((b for b in self.butir if b.kode == kode), None)

    @property
    def kode(self) -> list[str]:
        """Every item code, in register order."""
        return [b.kode for b in self.butir]


class NilaiError(GalatDwibahasa):
    """A value that does not fit its item: names the item, the value and what was expected."""


def _periksa(berkas: _Berkas, katalog: Katalog, nama: str) -> list[str]:
    skema = katalog.skema.get(berkas.skema)
    if skema is None:
        return [f"{nama}: skema '{berkas.skema}' tidak ada di katalog (unknown scheme)"]
    indikator = {i.id: i for i in skema.indikator}
    kenal_ref = set(berkas.referensi) | set(skema.referensi)
    masalah: list[str] = []
    lihat: set[str] = set()
    for b in berkas.butir:
        label = f"butir '{b.kode}'"
        if b.kode in lihat:
            masalah.append(f"{label}: kode ganda (duplicate code)")
        lihat.add(b.kode)
        ind = indikator.get(b.indikator)
        if ind is None:
            masalah.append(f"{label}: indikator '{b.indikator}' bukan indikator skema {skema.kode} (unknown indicator)")
        elif ind.kelompok != "kelembagaan":
            masalah.append(f"{label}: {b.indikator} bukan indikator kelembagaan (not an institutional indicator)")
        masalah.extend(
            f"{label}: referensi '{k}' tidak dikenal (unknown reference)" for k in b.sumber if k not in kenal_ref
        )
        if len({p.kode for p in b.pilihan}) != len(b.pilihan):
            masalah.append(f"{label}: pilihan ganda (duplicate option)")
    return [f"{nama}: {m}" for m in masalah]


def muat_kelembagaan(path: Path, katalog: Katalog) -> KatalogKelembagaan:
    """Load and check one register file against the indicator catalogue.

    Raises:
        KatalogError: the file is unreadable, malformed or names an unknown indicator, reference
            or duplicate code; the message lists every problem with the file and the entry.
    """
    data = _baca_yaml(path)
    try:
        berkas = _Berkas.model_validate(data)
    except ValidationError as exc:
        raise KatalogError(f"{path.name}: {_uraikan(exc, data)}") from exc
    masalah = _periksa(berkas, katalog, path.name)
    if masalah:
        raise KatalogError("; ".join(masalah))
    skema = katalog.skema[berkas.skema]
    return KatalogKelembagaan(skema=berkas.skema, referensi={**skema.referensi, **berkas.referensi}, butir=berkas.butir)


def path_kelembagaan(kode_skema: str, direktori: Path = KATALOG_DIR) -> Path:
    """The register file of a scheme (``kelembagaan_kla24.yaml`` for ``KLA24``)."""
    return direktori / f"kelembagaan_{kode_skema.lower()}.yaml"


@cache
def kelembagaan_bawaan(kode_skema: str = "KLA24") -> KatalogKelembagaan:
    """The shipped register definition of a scheme (loaded once per process)."""
    return muat_kelembagaan(path_kelembagaan(kode_skema), katalog_bawaan())


# --- values: typed input → canonical text ---------------------------------------------------------


def _galat(butir: ButirKelembagaan, mentah: object, **isian: object) -> NilaiError:
    """The error for a bad value: the item, the value as typed (controls visible), what was expected."""
    nilai = tampak_kontrol(str(mentah))
    nilai = nilai if len(nilai) <= 60 else nilai[:60] + "…"
    harapan = {b: t(f"kl_harapan_{butir.tipe}", b, **isian) for b in ("id", "en")}
    return NilaiError(
        t("kl_galat_nilai", "id", butir=butir.nama, kode=butir.kode, nilai=nilai, harapan=harapan["id"]),
        t("kl_galat_nilai", "en", butir=butir.nama_en, kode=butir.kode, nilai=nilai, harapan=harapan["en"]),
    )


def _kosong(mentah: object) -> bool:
    if mentah is None or (isinstance(mentah, float) and mentah != mentah):
        return True
    if isinstance(mentah, str):
        return not bersihkan_kontrol(mentah).strip()
    return isinstance(mentah, list | tuple | set | frozenset) and not mentah


def _tanggal(mentah: object) -> dt.date | None:
    if isinstance(mentah, dt.datetime):
        return mentah.date()
    if isinstance(mentah, dt.date):
        return mentah
    teks = str(mentah).strip()
    try:
        if cocok := _TANGGAL_DMY.fullmatch(teks):
            return dt.date(int(cocok.group(3)), int(cocok.group(2)), int(cocok.group(1)))
        if cocok := _TANGGAL_ISO.fullmatch(teks):
            return dt.date(int(cocok.group(1)), int(cocok.group(2)), int(cocok.group(3)))
    except ValueError:  # 31/02/2025: shaped like a date, but none
        return None
    return None


def _bulat(mentah: object) -> int | None:
    """A whole number from an int, an integral float or digits; None for anything else (bool too)."""
    if isinstance(mentah, bool):
        return None
    if isinstance(mentah, int):
        return mentah
    if isinstance(mentah, float):
        return int(mentah) if mentah.is_integer() else None
    teks = str(mentah).strip()
    return int(teks) if re.fullmatch(r"-?\d{1,9}", teks) else None


def _urai_tanggal(butir: ButirKelembagaan, mentah: object, hari_ini: dt.date | None) -> str:
    tanggal = _tanggal(mentah)
    if tanggal is None or not TAHUN_MIN <= tanggal.year <= TAHUN_MAKS:
        raise _galat(butir, mentah, min=TAHUN_MIN, maks=TAHUN_MAKS)
    if not butir.masa_depan and hari_ini is not None and tanggal > hari_ini:
        raise NilaiError(
            t("kl_galat_masa_depan", "id", butir=butir.nama, kode=butir.kode, nilai=format_tanggal(tanggal, "id"),
              hari_ini=format_tanggal(hari_ini, "id")),
            t("kl_galat_masa_depan", "en", butir=butir.nama_en, kode=butir.kode, nilai=format_tanggal(tanggal, "en"),
              hari_ini=format_tanggal(hari_ini, "en")),
        )  # fmt: skip
    return tanggal.isoformat()


def _urai_tahun(butir: ButirKelembagaan, mentah: object) -> str:
    tahun = _bulat(mentah)
    if tahun is None or not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise _galat(butir, mentah, min=TAHUN_MIN, maks=TAHUN_MAKS)
    return str(tahun)


def _urai_periode(butir: ButirKelembagaan, mentah: object) -> str:
    if isinstance(mentah, list | tuple) and len(mentah) == 2:
        awal, akhir = _bulat(mentah[0]), _bulat(mentah[1])
    elif cocok := _PERIODE.fullmatch(str(mentah).strip()):
        awal, akhir = int(cocok.group(1)), int(cocok.group(2))
    else:
        awal = akhir = None
    if awal is None or akhir is None or not TAHUN_MIN <= awal <= akhir <= TAHUN_MAKS:
        raise _galat(butir, mentah, min=TAHUN_MIN, maks=TAHUN_MAKS)
    return f"{awal}-{akhir}"


def _urai_bilangan(butir: ButirKelembagaan, mentah: object) -> str:
    n = _bulat(mentah)
    if n is None or not 0 <= n <= BILANGAN_MAKS:
        raise _galat(
            butir, mentah, maks=format_angka(BILANGAN_MAKS, 0, "id"), maks_en=format_angka(BILANGAN_MAKS, 0, "en")
        )
    return str(n)


def _urai_persen(butir: ButirKelembagaan, mentah: object) -> str:
    if isinstance(mentah, int | float) and not isinstance(mentah, bool):
        nilai: float | None = float(mentah)
    elif cocok := _PERSEN.fullmatch(str(mentah).strip()):
        nilai = float(cocok.group(1).replace(",", "."))
    else:
        nilai = None
    if nilai is None or nilai != nilai or not 0 <= nilai <= 100:
        raise _galat(butir, mentah)
    # Two decimals at most, kept as typed otherwise: 12.5 stays 12.5, 33.333 becomes 33.33.
    return f"{round(nilai, 2):.2f}".rstrip("0").rstrip(".")


def _cari_pilihan(butir: ButirKelembagaan, teks: str) -> Pilihan | None:
    kunci = " ".join(teks.casefold().replace("_", " ").split())
    for p in butir.pilihan:
        if kunci in {p.kode.replace("_", " "), p.nama.casefold(), p.nama_en.casefold()}:
            return p
    return None


def _urai_pilihan(butir: ButirKelembagaan, mentah: object) -> str:
    bagian: Iterable[object] = (
        mentah if isinstance(mentah, list | tuple | set | frozenset) else re.split(r"[;,\n]", str(mentah))
    )
    dipilih: set[str] = set()
    for teks in (str(x).strip() for x in bagian):
        if not teks:
            continue
        p = _cari_pilihan(butir, teks)
        if p is None:
            raise _galat(butir, teks, daftar=", ".join(p.nama for p in butir.pilihan),
                         daftar_en=", ".join(p.nama_en for p in butir.pilihan))  # fmt: skip
        dipilih.add(p.kode)
    return ",".join(p.kode for p in butir.pilihan if p.kode in dipilih)


def _urai_teks(butir: ButirKelembagaan, mentah: object) -> str:
    teks = " ".join(bersihkan_kontrol(str(mentah)).split())
    if len(teks) > TEKS_MAKS:
        raise _galat(butir, mentah, maks=TEKS_MAKS)
    return teks


def urai_nilai(butir: ButirKelembagaan, mentah: object, hari_ini: dt.date | None = None) -> str | None:
    """A typed or pasted value as the canonical text the register stores; None when empty.

    Accepts what people type: dates as ``31/12/2025`` or ``2025-12-31`` (or a date), percentages
    with a comma or a point and an optional ``%`` (``12,5 %``), periods as ``2021-2026``,
    ``2021–2026`` or ``2021 s.d. 2026``, options by code or name, separated by commas. With
    ``hari_ini``, a date of an item that cannot lie in the future is checked against it.

    Raises:
        NilaiError: naming the item, the value and what was expected (Indonesian and English).
    """
    if _kosong(mentah):
        return None
    if butir.tipe == "tanggal":
        return _urai_tanggal(butir, mentah, hari_ini)
    if butir.tipe == "tahun":
        return _urai_tahun(butir, mentah)
    if butir.tipe == "periode":
        return _urai_periode(butir, mentah)
    if butir.tipe == "bilangan":
        return _urai_bilangan(butir, mentah)
    if butir.tipe == "persen":
        return _urai_persen(butir, mentah)
    if butir.tipe == "pilihan":
        return _urai_pilihan(butir, mentah) or None
    return _urai_teks(butir, mentah) or None


# --- values: canonical text → what people read, and what the instrument would question ----------


def tampil_nilai(butir: ButirKelembagaan, nilai: str | None, bahasa: Bahasa = "id") -> str:
    """A stored value for display, numbers and dates in the reader's locale; "belum diisi" when empty."""
    if nilai is None:
        return t("kl_belum_diisi", bahasa)
    if butir.tipe == "tanggal":
        return format_tanggal(dt.date.fromisoformat(nilai), bahasa)
    if butir.tipe == "periode":
        return nilai.replace("-", "–")
    if butir.tipe == "bilangan":
        satuan = butir.satuan if bahasa == "id" else butir.satuan_en
        teks = format_angka(int(nilai), 0, bahasa)
        return f"{teks} {satuan}" if satuan else teks
    if butir.tipe == "persen":
        desimal = len(nilai.partition(".")[2])
        return f"{format_angka(float(nilai), desimal, bahasa)} %"
    if butir.tipe == "pilihan":
        kode = set(nilai.split(","))
        return "; ".join(p.nama if bahasa == "id" else p.nama_en for p in butir.pilihan if p.kode in kode)
    return nilai  # teks, tahun: as stored (a year takes no thousands separator)


def perhatian(butir: ButirKelembagaan, nilai: str | None, hari_ini: dt.date, bahasa: Bahasa = "id") -> str | None:
    """What the instrument would question in a stored value (one sentence), or None.

    ``lebih_dari``: the value is at most the threshold (four meetings or fewer where the instrument
    asks for more than four); ``semua_pilihan``: options not chosen; ``belum_lewat``: a date before
    ``hari_ini``; ``tahun_berjalan``: a date before this year; ``mencakup_tahun_berjalan``: a
    period that does not include this year. An empty value is not questioned here (it is unfilled).
    """
    if nilai is None or butir.syarat is None:
        return None
    jenis = butir.syarat.jenis
    if jenis == "lebih_dari":
        ambang = float(butir.syarat.ambang or 0)
        if float(nilai) <= ambang:
            return t("kl_perhatian_lebih_dari", bahasa, ambang=format_angka(ambang, 0, bahasa))
    elif jenis == "semua_pilihan":
        dipilih = set(nilai.split(","))
        kurang = [p.nama if bahasa == "id" else p.nama_en for p in butir.pilihan if p.kode not in dipilih]
        if kurang:
            return t("kl_perhatian_semua_pilihan", bahasa, kurang=", ".join(kurang))
    elif jenis == "belum_lewat":
        if dt.date.fromisoformat(nilai) < hari_ini:
            return t("kl_perhatian_belum_lewat", bahasa, hari_ini=format_tanggal(hari_ini, bahasa))
    elif jenis == "tahun_berjalan":
        if dt.date.fromisoformat(nilai).year < hari_ini.year:
            return t("kl_perhatian_tahun_berjalan", bahasa, tahun=hari_ini.year)
    else:
        awal, _, akhir = nilai.partition("-")
        if not int(awal) <= hari_ini.year <= int(akhir):
            return t("kl_perhatian_mencakup_tahun_berjalan", bahasa, tahun=hari_ini.year)
    return None
