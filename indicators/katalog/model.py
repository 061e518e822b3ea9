"""The declarative KLA indicator catalogue: typed models, loading and validation.

The catalogue is data, not code. Each scheme (``KLA24``, ``KLA31``, a future revision) is one
YAML file under ``indicators/katalog/``; the predikat bands, evaluation cycles, the KLA31 → KLA24
crosswalk and the raw-statistics catalogue each have their own file. Everything is validated on
load, and every problem names the file and the entry, in Indonesian first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from indicators.format import Bahasa
from indicators.teks import pasangan

KATALOG_DIR = Path(__file__).parent

# Status of a piece of catalogue text: C confirmed by the cited source, C2 by two or more sources,
# I our inference, ? sources conflict or unverified.
StatusTeks = Literal["C", "C2", "I", "?"]
Arah = Literal["naik", "turun", "kategori"]
ArahStatistik = Literal["naik", "turun", "netral"]
Komparabilitas = Literal["baik", "sebagian", "lemah", "tidak_ada"]
KodeKelompok = Literal["kelembagaan", "klaster_1", "klaster_2", "klaster_3", "klaster_4", "klaster_5"]
Tahap = Literal["mandiri", "provinsi", "pusat", "final"]

TAHAP: tuple[Tahap, ...] = ("mandiri", "provinsi", "pusat", "final")
KELOMPOK: tuple[KodeKelompok, ...] = (
    "kelembagaan",
    "klaster_1",
    "klaster_2",
    "klaster_3",
    "klaster_4",
    "klaster_5",
)
STATUS_LABEL = pasangan(
    {"C": "status_sumber_c", "C2": "status_sumber_c2", "I": "status_sumber_i", "?": "status_sumber_belum_pasti"}
)
ARAH_LABEL = pasangan({a: f"arah_{a}" for a in ("naik", "turun", "kategori", "netral")})
KOMPARABILITAS_LABEL = pasangan({k: f"komparabilitas_{k}" for k in ("baik", "sebagian", "lemah", "tidak_ada")})


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Referensi(_Model):
    """A cited source for catalogue text."""

    sitasi: str
    url: str | None = None


class Teks(_Model):
    """A piece of catalogue text with how sure we are of it and where it comes from."""

    teks: str = Field(min_length=1)
    status: StatusTeks
    sumber: tuple[str, ...] = ()


class CatatanKelompok(Teks):
    """Why an indicator's klaster is uncertain, in both languages, with its sources."""

    teks_en: str = Field(min_length=1)


class Daftar(_Model):
    """A list of items (data items, OPD) with its confidence and sources."""

    butir: tuple[str, ...] = Field(min_length=1)
    status: StatusTeks
    sumber: tuple[str, ...] = ()


class MetadataSDI(_Model):
    """Satu Data Indonesia indicator metadata (Perpres 39/2019 metadata fields)."""

    konsep: str
    definisi: str
    rumus_perhitungan: str
    interpretasi: str
    satuan: str
    periode: str
    status: StatusTeks


class AmbangRubrik(_Model):
    """One rubric step: a raw value at or past ``batas`` earns ``porsi`` of the maximum."""

    batas: float
    porsi: float = Field(ge=0, le=1)


class Rubrik(_Model):
    """A declared rubric that turns a raw statistic into a share of an indicator's maximum.

    Rubrics are assumptions (the official rubric is unpublished) and say so.
    """

    statistik: str
    ambang: tuple[AmbangRubrik, ...] = Field(min_length=1)
    status: StatusTeks = "I"
    catatan: str


class MetadataSDIEn(_Model):
    """The Satu Data Indonesia metadata fields in English (the field names stay the SDI ones)."""

    konsep: str = Field(min_length=1)
    definisi: str = Field(min_length=1)
    rumus_perhitungan: str = Field(min_length=1)
    interpretasi: str = Field(min_length=1)
    satuan: str = Field(min_length=1)
    periode: str = Field(min_length=1)


class IndikatorEn(_Model):
    """An indicator's content in English, from ``skema_<kode>.en.yaml`` (a translation, not a source).

    Lists run parallel to the Indonesian ones: item *n* of ``data_diukur`` translates item *n*.
    """

    label: str = Field(min_length=1)
    data_diukur: tuple[str, ...] = Field(min_length=1)
    satuan: str = Field(min_length=1)
    sumber_data: str = Field(min_length=1)
    metadata_sdi: MetadataSDIEn
    rubrik: str | None = None


class Indikator(_Model):
    """One KLA indicator of one scheme."""

    id: str = Field(pattern=r"^[A-Z0-9]+-\d{2}$")
    nomor: Annotated[int, Field(ge=1)]
    kelompok: KodeKelompok
    label: Teks
    nama: Teks
    nama_en: str = Field(min_length=1)
    data_diukur: Daftar
    satuan: str = Field(min_length=1)
    arah: Arah
    nilai_maks: float = Field(gt=0)
    opd_pengampu: Daftar
    sumber_data: Teks
    metadata_sdi: MetadataSDI
    rubrik: Rubrik | None = None
    # Where sources disagree on which klaster an indicator belongs to: shown as "belum pasti".
    kelompok_catatan: CatatanKelompok | None = None
    # English content, merged in by muat_skema from the scheme's .en.yaml translation file.
    en: IndikatorEn

    def masalah_inggris(self) -> list[str]:
        """What is wrong with the English content: a list that drops or adds an item would pair the wrong texts."""
        masalah = []
        if len(self.en.data_diukur) != len(self.data_diukur.butir):
            masalah.append(
                f"en.data_diukur punya {len(self.en.data_diukur)} butir, data_diukur {len(self.data_diukur.butir)} "
                "(the English list must translate each item)"
            )
        if (self.en.rubrik is None) != (self.rubrik is None):
            masalah.append("en.rubrik harus ada tepat bila rubrik ada (English rubric note iff a rubric)")
        return masalah

    def label_teks(self, bahasa: Bahasa) -> str:
        """The short label: the official Indonesian one, or its English gloss."""
        return self.label.teks if bahasa == "id" else self.en.label

    def nama_teks(self, bahasa: Bahasa) -> str:
        """The full indicator name in ``bahasa``."""
        return self.nama.teks if bahasa == "id" else self.nama_en

    def data_diukur_teks(self, bahasa: Bahasa) -> tuple[str, ...]:
        """The data items measured, in ``bahasa``."""
        return self.data_diukur.butir if bahasa == "id" else self.en.data_diukur

    def satuan_teks(self, bahasa: Bahasa) -> str:
        """The unit in ``bahasa``."""
        return self.satuan if bahasa == "id" else self.en.satuan

    def sumber_data_teks(self, bahasa: Bahasa) -> str:
        """Where the data come from, in ``bahasa`` (agency names stay Indonesian: they are proper names)."""
        return self.sumber_data.teks if bahasa == "id" else self.en.sumber_data

    def sdi_teks(self, bahasa: Bahasa) -> MetadataSDI | MetadataSDIEn:
        """The Satu Data Indonesia metadata fields in ``bahasa``."""
        return self.metadata_sdi if bahasa == "id" else self.en.metadata_sdi

    def catatan_rubrik(self, bahasa: Bahasa) -> str | None:
        """The rubric's note in ``bahasa``, or None without a rubric."""
        if self.rubrik is None:
            return None
        return self.rubrik.catatan if bahasa == "id" else self.en.rubrik


def jenis_pengampu(nama: str, skema: Skema) -> str:
    """'instansi_vertikal' for a national agency's office (Polres, BPS …), else 'opd'."""
    return "instansi_vertikal" if nama in skema.instansi_vertikal else "opd"


class Kelompok(_Model):
    """A group of indicators: Kelembagaan or one of Klaster I–V."""

    kode: KodeKelompok
    nama: str
    nama_en: str
    urutan: int


class Skema(_Model):
    """A versioned indicator scheme: its legal basis, the years it covers and its indicators."""

    kode: str = Field(pattern=r"^[A-Z0-9]+$")
    nama: str
    nama_en: str
    dasar_hukum: tuple[str, ...]
    tahun_mulai: int
    tahun_selesai: int | None
    nilai_total: float
    catatan_nilai_maks: str
    catatan_nilai_maks_en: str = Field(min_length=1)  # from the scheme's .en.yaml
    referensi: dict[str, Referensi]
    kelompok: tuple[Kelompok, ...]
    indikator: tuple[Indikator, ...]
    # Gugus Tugas members that are not regional OPD (Polres, Kejari, BPS …): labelled as such.
    instansi_vertikal: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _konsisten(self) -> Skema:
        masalah: list[str] = []
        kode_kelompok = [k.kode for k in self.kelompok]
        if sorted(kode_kelompok) != sorted(set(kode_kelompok)):
            masalah.append(f"kode kelompok ganda: {kode_kelompok}")
        seen: set[str] = set()
        for urut, ind in enumerate(self.indikator, start=1):
            nama = f"indikator #{urut} ({ind.id})"
            if ind.id in seen:
                masalah.append(f"{nama}: id ganda (duplicate id)")
            seen.add(ind.id)
            if ind.id != f"{self.kode}-{ind.nomor:02d}":
                masalah.append(f"{nama}: id harus {self.kode}-{ind.nomor:02d} (id must match scheme and number)")
            masalah.extend(f"{nama}: {m}" for m in ind.masalah_inggris())
            if ind.kelompok not in kode_kelompok:
                masalah.append(f"{nama}: klaster tidak dikenal '{ind.kelompok}' (unknown klaster)")
            catatan = () if ind.kelompok_catatan is None else (ind.kelompok_catatan,)
            for teks in (ind.label, ind.nama, ind.data_diukur, ind.opd_pengampu, ind.sumber_data, *catatan):
                for kunci in teks.sumber:
                    if kunci not in self.referensi:
                        masalah.append(f"{nama}: referensi '{kunci}' tidak ada di daftar referensi")
        nomor = [i.nomor for i in self.indikator]
        pengampu = {b for i in self.indikator for b in i.opd_pengampu.butir}
        if lain := sorted(set(self.instansi_vertikal) - pengampu):
            masalah.append(f"instansi_vertikal bukan pengampu indikator mana pun: {', '.join(lain)}")
        if nomor != list(range(1, len(nomor) + 1)):
            masalah.append(f"nomor indikator harus 1..{len(nomor)} berurutan (numbers must run 1..n)")
        total = round(sum(i.nilai_maks for i in self.indikator), 6)
        if total != self.nilai_total:
            masalah.append(
                f"jumlah nilai_maks = {total:g}, seharusnya {self.nilai_total:g} "
                f"(maximum scores sum to {total:g}, expected {self.nilai_total:g})"
            )
        if self.tahun_selesai is not None and self.tahun_selesai < self.tahun_mulai:
            masalah.append("tahun_selesai lebih awal dari tahun_mulai")
        if masalah:
            raise ValueError("; ".join(masalah))
        return self

    def catatan_maks_teks(self, bahasa: Bahasa) -> str:
        """Why the per-indicator maxima are an assumption, in ``bahasa``."""
        return self.catatan_nilai_maks if bahasa == "id" else self.catatan_nilai_maks_en

    def kelompok_dari(self, kode: str) -> Kelompok:
        """Return the group with this code."""
        return next(k for k in self.kelompok if k.kode == kode)

    def nilai_maks_kelompok(self) -> dict[str, float]:
        """Return each group's maximum: the sum of its indicators' maxima."""
        hasil: dict[str, float] = {k.kode: 0.0 for k in self.kelompok}
        for ind in self.indikator:
            hasil[ind.kelompok] += ind.nilai_maks
        return hasil

    def berlaku(self, tahun: int) -> bool:
        """Return whether this scheme was used for the evaluation of ``tahun``."""
        return self.tahun_mulai <= tahun and (self.tahun_selesai is None or tahun <= self.tahun_selesai)


class Pita(_Model):
    """A predikat band. Edges are stated for non-integer totals: (bawah, atas] or [bawah, atas]."""

    predikat: str
    urutan: int
    bawah: float
    bawah_inklusif: bool
    atas: float
    atas_inklusif: bool = True

    def memuat(self, total: float) -> bool:
        """Return whether ``total`` falls inside this band."""
        atas_ok = total <= self.atas if self.atas_inklusif else total < self.atas
        bawah_ok = total >= self.bawah if self.bawah_inklusif else total > self.bawah
        return atas_ok and bawah_ok


class PitaPredikat(_Model):
    """The predikat bands, ordered from lowest to highest, with their sources."""

    tanpa_predikat: str
    # Scores carry two decimals: the smallest step that crosses an exclusive edge (> 600).
    resolusi_skor: float = Field(gt=0)
    sumber: tuple[Referensi, ...]
    catatan: str
    pita: tuple[Pita, ...]

    @model_validator(mode="after")
    def _bersambung(self) -> PitaPredikat:
        urut = sorted(self.pita, key=lambda p: p.urutan)
        for bawah, atas in pairwise(urut):
            # Bands must meet exactly, with exactly one side owning the shared edge.
            if bawah.atas != atas.bawah or bawah.atas_inklusif == atas.bawah_inklusif:
                raise ValueError(f"pita {bawah.predikat} dan {atas.predikat} tidak bersambung tepat")
        return self

    def predikat_untuk(self, total: float) -> str | None:
        """Return the predikat whose band holds ``total``, or None below the lowest band."""
        for pita in self.pita:
            if pita.memuat(total):
                return pita.predikat
        return None

    def urutan(self) -> list[str]:
        """Return the predikat names from lowest to highest."""
        return [p.predikat for p in sorted(self.pita, key=lambda p: p.urutan)]


class Siklus(_Model):
    """One evaluation cycle (award year), with the scheme used and dates where known."""

    tahun: int
    skema: str
    tanggal_penganugerahan: str | None = None
    tempat: str | None = None
    sumber: str | None = None


class PetaSilang(_Model):
    """One KLA24 indicator and its closest KLA31 indicators, with comparability."""

    kla24: str
    kla31: tuple[str, ...]
    komparabilitas: Komparabilitas
    catatan: str = ""
    catatan_en: str = ""

    @model_validator(mode="after")
    def _catatan_en(self) -> PetaSilang:
        if bool(self.catatan) != bool(self.catatan_en):
            raise ValueError("catatan dan catatan_en harus ada keduanya (note needs its English)")
        return self

    def catatan_teks(self, bahasa: Bahasa) -> str:
        """The comparability note in ``bahasa`` ('' without one)."""
        return self.catatan if bahasa == "id" else self.catatan_en


class Statistik(_Model):
    """A raw statistic (e.g. stunting prevalence) and the KLA indicator it informs."""

    kode: str = Field(pattern=r"^[a-z0-9_]+$")
    nama: str
    nama_en: str
    satuan: str
    satuan_en: str = Field(min_length=1)
    arah: ArahStatistik
    indikator: tuple[str, ...] = ()
    catatan: str = ""
    catatan_en: str = ""

    @model_validator(mode="after")
    def _catatan_en(self) -> Statistik:
        if bool(self.catatan) != bool(self.catatan_en):
            raise ValueError("catatan dan catatan_en harus ada keduanya (note needs its English)")
        return self

    def nama_teks(self, bahasa: Bahasa) -> str:
        """The statistic's name in ``bahasa``."""
        return self.nama if bahasa == "id" else self.nama_en

    def satuan_teks(self, bahasa: Bahasa) -> str:
        """The unit in ``bahasa``."""
        return self.satuan if bahasa == "id" else self.satuan_en

    def catatan_teks(self, bahasa: Bahasa) -> str:
        """The caveat note in ``bahasa`` ('' without one)."""
        return self.catatan if bahasa == "id" else self.catatan_en


@dataclass(frozen=True)
class Katalog:
    """The whole catalogue: schemes, bands, cycles, crosswalk and statistics."""

    skema: dict[str, Skema]
    pita: PitaPredikat
    siklus: tuple[Siklus, ...]
    peta_silang: tuple[PetaSilang, ...]
    statistik: dict[str, Statistik]

    def skema_untuk_tahun(self, tahun: int) -> Skema:
        """Return the scheme in force for the evaluation of ``tahun``."""
        for skema in self.skema.values():
            if skema.berlaku(tahun):
                return skema
        tersedia = ", ".join(f"{s.kode} {s.tahun_mulai}–{s.tahun_selesai or 'kini'}" for s in self.skema.values())
        raise KatalogError(f"Tahun {tahun} di luar cakupan katalog ({tersedia}) / year outside the catalogue")

    def indikator(self) -> dict[str, Indikator]:
        """Return every indicator of every scheme by id."""
        return {i.id: i for s in self.skema.values() for i in s.indikator}


class KatalogError(ValueError):
    """A catalogue file is invalid; the message names the file and the entry."""


def _baca_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KatalogError(f"{path.name}: berkas tidak dapat dibaca sebagai YAML (not readable YAML): {exc}") from exc


def _uraikan(exc: ValidationError, data: Any) -> str:
    """Turn a pydantic error into lines that name the entry (id where there is one)."""
    baris = []
    for err in exc.errors():
        loc = err["loc"]
        entri = ".".join(str(x) for x in loc)
        # Name the indicator by its id, not only by its position in the list.
        if len(loc) >= 2 and loc[0] == "indikator" and isinstance(loc[1], int) and isinstance(data, dict):
            daftar = data.get("indikator") or []
            if loc[1] < len(daftar) and isinstance(daftar[loc[1]], dict):
                entri = f"indikator {daftar[loc[1]].get('id', '#' + str(loc[1] + 1))}" + (
                    "." + ".".join(str(x) for x in loc[2:]) if len(loc) > 2 else ""
                )
        pesan = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "missing":
            pesan = "kolom wajib tidak ada (required field missing)"
        elif isinstance(err.get("input"), str | int | float):
            pesan = f"nilai '{err['input']}' tidak sah (invalid value): {pesan}"
        baris.append(f"{entri}: {pesan}" if entri else pesan)
    return "; ".join(baris)


def path_inggris(path: Path) -> Path:
    """The English translation file of a scheme file: skema_kla24.yaml → skema_kla24.en.yaml."""
    return path.with_name(f"{path.stem}.en.yaml")


def _gabung_inggris(path: Path, data: Any) -> None:
    """Put each indicator's English content (``en``) from the translation file into ``data``."""
    path_en = path_inggris(path)
    if not path_en.exists():
        raise KatalogError(f"{path_en.name}: berkas terjemahan Inggris tidak ada (English translation file missing)")
    isi_en = _baca_yaml(path_en) or {}
    terjemahan = isi_en.get("indikator") or {}
    if isinstance(data, dict) and "catatan_nilai_maks" in isi_en:
        data["catatan_nilai_maks_en"] = isi_en["catatan_nilai_maks"]
    daftar = data.get("indikator") if isinstance(data, dict) else None
    for ind in daftar or []:
        if isinstance(ind, dict) and ind.get("id") in terjemahan:
            ind["en"] = terjemahan[ind["id"]]


def muat_skema(path: Path) -> Skema:
    """Load and validate one scheme file with its English file. Raises KatalogError naming the file and entry."""
    data = _baca_yaml(path)
    _gabung_inggris(path, data)
    try:
        skema = Skema.model_validate(data)
    except ValidationError as exc:
        # An error in the English content is fixed in the translation file: name both files.
        en = any("en" in err["loc"] or "catatan_nilai_maks_en" in err["loc"] for err in exc.errors())
        nama = f"{path.name} / {path_inggris(path).name}" if en else path.name
        raise KatalogError(f"{nama}: {_uraikan(exc, data)}") from exc
    terjemahan = (_baca_yaml(path_inggris(path)) or {}).get("indikator") or {}
    if lebih := sorted(set(terjemahan) - {i.id for i in skema.indikator}):
        raise KatalogError(
            f"{path_inggris(path).name}: indikator tidak dikenal (unknown indicator): {', '.join(lebih)}"
        )
    return skema


def _muat_daftar(path: Path, model: type[_Model], kunci: str) -> list[Any]:
    data = _baca_yaml(path)
    hasil = []
    for urut, entri in enumerate((data or {}).get(kunci) or [], start=1):
        try:
            hasil.append(model.model_validate(entri))
        except ValidationError as exc:
            nama = entri.get("kode") or entri.get("kla24") or entri.get("tahun") if isinstance(entri, dict) else None
            raise KatalogError(f"{path.name}: {kunci} #{urut} ({nama}): {_uraikan(exc, entri)}") from exc
    return hasil


def _pastikan_unik(path: Path, nilai: Iterable[object], apa: str) -> None:
    lihat: set[object] = set()
    for n in nilai:
        if n in lihat:
            raise KatalogError(f"{path.name}: {apa} ganda '{n}' (duplicate)")
        lihat.add(n)


def muat_katalog(direktori: Path = KATALOG_DIR) -> Katalog:
    """Load the whole catalogue from ``direktori`` and check it is consistent across files."""
    skema: dict[str, Skema] = {}
    for path in sorted(p for p in direktori.glob("skema_*.yaml") if not p.name.endswith(".en.yaml")):
        s = muat_skema(path)
        if s.kode in skema:
            raise KatalogError(f"{path.name}: skema {s.kode} sudah ada (duplicate scheme)")
        skema[s.kode] = s
    if not skema:
        raise KatalogError(f"{direktori}: tidak ada berkas skema_*.yaml (no scheme files)")
    urut = sorted(skema.values(), key=lambda s: s.tahun_mulai)
    for lama, baru in pairwise(urut):
        if lama.tahun_selesai is None or lama.tahun_selesai >= baru.tahun_mulai:
            raise KatalogError(f"skema {lama.kode} dan {baru.kode}: rentang tahun bertumpang (overlapping years)")

    path_pita = direktori / "predikat.yaml"
    try:
        pita = PitaPredikat.model_validate(_baca_yaml(path_pita))
    except ValidationError as exc:
        raise KatalogError(f"{path_pita.name}: {_uraikan(exc, None)}") from exc

    path_siklus = direktori / "siklus.yaml"
    siklus = tuple(_muat_daftar(path_siklus, Siklus, "siklus"))
    _pastikan_unik(path_siklus, (s.tahun for s in siklus), "tahun")
    for s in siklus:
        if s.skema not in skema or not skema[s.skema].berlaku(s.tahun):
            raise KatalogError(f"{path_siklus.name}: siklus {s.tahun}: skema {s.skema} tidak berlaku pada tahun itu")

    semua = {i.id for s in skema.values() for i in s.indikator}
    path_silang = direktori / "peta_silang_kla31_kla24.yaml"
    silang = tuple(_muat_daftar(path_silang, PetaSilang, "peta"))
    _pastikan_unik(path_silang, (p.kla24 for p in silang), "kla24")
    for p in silang:
        for ref in (p.kla24, *p.kla31):
            if ref not in semua:
                raise KatalogError(f"{path_silang.name}: {p.kla24}: indikator '{ref}' tidak dikenal (unknown id)")

    path_stat = direktori / "statistik.yaml"
    statistik_list = _muat_daftar(path_stat, Statistik, "statistik")
    _pastikan_unik(path_stat, (s.kode for s in statistik_list), "kode")
    for st_ in statistik_list:
        for ref in st_.indikator:
            if ref not in semua:
                raise KatalogError(f"{path_stat.name}: {st_.kode}: indikator '{ref}' tidak dikenal (unknown id)")
    statistik = {s.kode: s for s in statistik_list}
    for s in skema.values():
        for ind in s.indikator:
            if ind.rubrik and ind.rubrik.statistik not in statistik:
                raise KatalogError(
                    f"skema {s.kode}: {ind.id}: rubrik memakai statistik tak dikenal '{ind.rubrik.statistik}'"
                )

    return Katalog(skema=skema, pita=pita, siklus=siklus, peta_silang=silang, statistik=statistik)


@cache
def katalog_bawaan() -> Katalog:
    """Return the catalogue shipped with the package (loaded once per process)."""
    return muat_katalog(KATALOG_DIR)
