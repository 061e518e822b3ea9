"""The regulation register of a kab/kota: Perda, Perwal/Perbup, SK, SE, Instruksi, RAD and their pipeline.

A kab/kota becomes child-friendly through regulations before it scores (KLA24-01 asks for the
Perda KLA and its Perbup/Perwal). The register tracks each regulation from planning to publication.

**Stages** (:data:`TAHAP`, in order): Propemperda → penyusunan & naskah akademik → harmonisasi
(Kanwil Kemenkum) → pembahasan (DPRD) → penetapan → pengundangan → terbit (JDIH). The stage of an
entry is the **last stage reached**, with the date it was reached; every stage may also carry a due
date. Which stages apply depends on the type (:data:`TAHAP_JENIS`; the project's reading of UU
12/2011 jo. UU 13/2022 and Permendagri 80/2015, an assumption shown as such): a Perda goes through
all seven; a Perwal/Perbup has no pembahasan with the DPRD; a Keputusan/SK, SE, Instruksi or RAD is
drafted, set and published.

**Rules** (:func:`periksa_isi`, tested in tests/unit/test_regulasi.py):

- *No stage skipped without a note*: a change that moves the stage forward past a stage, or back,
  needs a new ``catatan_tahap`` saying why. Recording a stage for an entry whose stage was unknown is
  not a move.
- *Dates ordered*: the dates reached follow the order of the stages; no stage after the current one
  has a date reached; an unknown stage has no dates reached.
- *Overdue* (``lewat_tenggat``): a stage after the current one whose due date is before
  ``hari_ini``; a stage due today is not overdue yet.
- *Stalled* (``macet``): not at the last stage, and more than :data:`MACET_HARI` days since the
  current stage was reached.
- *Unknown is a state*: an unknown stage, date, number or coordinating OPD stays None and is shown
  as "tidak diketahui"; an entry whose stage is unknown is neither overdue nor stalled (that cannot
  be told) and is counted as unknown instead.

**Seed.** ``data/kla/regulasi_seed.csv`` (committed, a source per row) is the starting register. It
is shown as it is (version 0) until an editor changes an entry; the first change writes the whole
entry into the workspace, and a stored entry always wins over the seed, so a seed update can never
overwrite a user's edit. A removed entry stays stored with ``dihapus`` set, so the seed does not
bring it back.

**Writes** go through the workspace's one write path (:mod:`indicators.gugus.simpan`:
:func:`~indicators.gugus.simpan.transaksi`, :func:`~indicators.gugus.simpan.periksa_lingkup`,
:func:`~indicators.gugus.simpan.sisip`, :func:`~indicators.gugus.simpan.catat_log`): scope checked
first, all or nothing, every changed field logged in ``log_perubahan`` (table ``regulasi``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from indicators.akun.pengguna import Pengguna
from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.gugus.simpan import GugusError, baca_kueri, catat_log, periksa_lingkup, sisip, teks_log, transaksi
from indicators.gugus.tugas import kosong, sebagai_tanggal, teks_masukan
from indicators.io import store
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import DATA_DIR
from indicators.teks import t

SEED_PATH = DATA_DIR / "kla" / "regulasi_seed.csv"
JENIS: tuple[str, ...] = ("perda", "perkada", "keputusan", "se", "instruksi", "rad")
TAHAP: tuple[str, ...] = ("propemperda", "penyusunan", "harmonisasi", "pembahasan", "penetapan", "pengundangan")
TAHAP += ("terbit",)
_RINGKAS = ("penyusunan", "penetapan", "terbit")
TAHAP_JENIS: dict[str, tuple[str, ...]] = {
    "perda": TAHAP,
    "perkada": tuple(s for s in TAHAP if s != "pembahasan"),
    "keputusan": _RINGKAS,
    "se": _RINGKAS,
    "instruksi": _RINGKAS,
    "rad": _RINGKAS,
}
"""The stages that apply to each type (the project's reading of the law-making rules, see above)."""
TAHAP_DITETAPKAN = "penetapan"
"""An entry at this stage or later counts as enacted (``regulasi_ditetapkan``)."""
MACET_HARI = 180
"""Days without reaching the next stage after which an entry is stalled. The project's choice, not a
rule of any regulation: a Propemperda is set once a year and harmonisasi or pembahasan normally take
weeks to a few months, so half a year without movement is worth a question at the Gugus Tugas
meeting."""
PANJANG_TEKS_MAKS = 1000
TAHUN_MIN, TAHUN_MAKS = 1945, 2100
KOLOM_TANGGAL = tuple(f"tanggal_{s}" for s in TAHAP)
KOLOM_TENGGAT = tuple(f"tenggat_{s}" for s in TAHAP)
KOLOM_TEKS = ("nomor", "judul", "amanat", "opd", "catatan_tahap", "tautan", "catatan", "sumber")
KOLOM_ISI: tuple[str, ...] = ("jenis", "nomor", "tahun", "judul", "amanat", "indikator", "opd", "tahap")
KOLOM_ISI += tuple(k for s in TAHAP for k in (f"tanggal_{s}", f"tenggat_{s}"))
KOLOM_ISI += ("catatan_tahap", "tautan", "catatan", "sumber")
"""The editable fields as stored (one column each); every change is logged per field."""
KOLOM_SIMPAN = ("kode_wilayah", "regulasi_id", *KOLOM_ISI, "dihapus", "diubah_oleh", "diubah_pada", "versi")
KOLOM_RINGKASAN = (
    "regulasi_diamanatkan",
    "regulasi_ditetapkan",
    "regulasi_lewat_tenggat",
    "regulasi_macet",
    "regulasi_tidak_diketahui",
)
_POLA_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_POLA_ID_BARU = re.compile(r"rg-(\d+)")
_POLA_TAUTAN = re.compile(r"https?://\S+")


def label_jenis(jenis: str, bahasa: Bahasa = "id") -> str:
    """A type for display: ``Perwal/Perbup``, ``Keputusan/SK`` (the same in both languages)."""
    return t(f"rg_jenis_{jenis}", bahasa)


def label_tahap(tahap: str | None, bahasa: Bahasa = "id") -> str:
    """A stage for display; None is "tidak diketahui" / "unknown"."""
    return t("rg_tidak_diketahui", bahasa) if tahap is None else t(f"rg_tahap_{tahap}", bahasa)


# --- the entry and its rules --------------------------------------------------------------------


@dataclass(frozen=True)
class IsiRegulasi:
    """The editable fields of one entry; None (or a missing date) means "tidak diketahui".

    ``tanggal`` maps a stage to the date it was reached, ``tenggat`` a stage to its due date;
    ``indikator`` holds KLA indicator ids (``KLA24-01`` for a KLA Perda/Perwal, others by subject).
    """

    jenis: str
    judul: str
    nomor: str | None = None
    tahun: int | None = None
    amanat: str | None = None
    indikator: tuple[str, ...] = ()
    opd: str | None = None
    tahap: str | None = None
    tanggal: Mapping[str, dt.date] = field(default_factory=dict)
    tenggat: Mapping[str, dt.date] = field(default_factory=dict)
    catatan_tahap: str | None = None
    tautan: str | None = None
    catatan: str | None = None
    sumber: str | None = None


def kolom_isi(isi: IsiRegulasi) -> dict[str, object]:
    """The entry as its stored columns (:data:`KOLOM_ISI`): dates per stage, indicators as ``a; b``."""
    nilai: dict[str, object] = {k: getattr(isi, k) for k in ("jenis", "nomor", "tahun", "judul", "amanat", "opd")}
    nilai["indikator"] = "; ".join(isi.indikator) or None
    nilai["tahap"] = isi.tahap
    for s in TAHAP:
        nilai[f"tanggal_{s}"] = isi.tanggal.get(s)
        nilai[f"tenggat_{s}"] = isi.tenggat.get(s)
    nilai |= {k: getattr(isi, k) for k in ("catatan_tahap", "tautan", "catatan", "sumber")}
    return {k: nilai[k] for k in KOLOM_ISI}


def _tahun(nilai: object) -> int | None:
    if kosong(nilai) or (isinstance(nilai, str) and not nilai.strip()):
        return None
    return int(float(str(nilai)))


def pisah_indikator(teks: object) -> tuple[str, ...]:
    """Indicator ids from ``KLA24-01; KLA24-02`` (commas, semicolons or spaces), in order, once each."""
    if kosong(teks):
        return ()
    return tuple(dict.fromkeys(b.strip().upper() for b in re.split(r"[;,\s]+", str(teks)) if b.strip()))


def isi_dari_kolom(rekam: Mapping[str, object]) -> IsiRegulasi:
    """An entry from its stored columns (a workspace or seed row); missing columns are unknown."""
    teks = {k: teks_masukan(rekam.get(k)) for k in KOLOM_TEKS}
    tahap = teks_masukan(rekam.get("tahap"))
    return IsiRegulasi(
        jenis=str(rekam.get("jenis")),
        judul=teks["judul"] or "",
        nomor=teks["nomor"],
        tahun=_tahun(rekam.get("tahun")),
        amanat=teks["amanat"],
        indikator=pisah_indikator(rekam.get("indikator")),
        opd=teks["opd"],
        tahap=tahap,
        tanggal={s: d for s in TAHAP if (d := sebagai_tanggal(rekam.get(f"tanggal_{s}"))) is not None},
        tenggat={s: d for s in TAHAP if (d := sebagai_tanggal(rekam.get(f"tenggat_{s}"))) is not None},
        catatan_tahap=teks["catatan_tahap"],
        tautan=teks["tautan"],
        catatan=teks["catatan"],
        sumber=teks["sumber"],
    )


def bersihkan(isi: IsiRegulasi) -> IsiRegulasi:
    """The entry as it is stored: text cleaned of control characters and trimmed (empty → None)."""
    teks = {k: teks_masukan(getattr(isi, k)) for k in KOLOM_TEKS}
    return dataclasses.replace(
        isi,
        judul=teks["judul"] or "",
        nomor=teks["nomor"],
        amanat=teks["amanat"],
        opd=teks["opd"],
        catatan_tahap=teks["catatan_tahap"],
        tautan=teks["tautan"],
        catatan=teks["catatan"],
        sumber=teks["sumber"],
        indikator=tuple(isi.indikator),
    )


@dataclass(frozen=True)
class Pelanggaran:
    """One broken rule of an entry: a code, the field it is about (None: the whole entry), and values."""

    kode: str
    kolom: str | None = None
    isian: Mapping[str, str] = field(default_factory=dict)

    def teks(self, bahasa: Bahasa = "id") -> str:
        """What is wrong and what to do, in one sentence (stages and dates in the reader's words)."""
        isian: dict[str, object] = dict(self.isian)
        for k, v in self.isian.items():
            if k.startswith("tahap"):
                isian[k], isian[f"{k}_en"] = (label_tahap(v, b) if v in TAHAP else v for b in ("id", "en"))
            elif k in {"dilewati", "daftar_tahap"}:
                isian[k], isian[f"{k}_en"] = (", ".join(label_tahap(s, b) for s in v.split(",")) for b in ("id", "en"))
            elif k in {"tanggal", "lain", "pada"} and v != "-":
                waktu = dt.datetime.fromisoformat(v)
                jam = f" {waktu:%H:%M}" if k == "pada" else ""
                isian[k], isian[f"{k}_en"] = (format_tanggal(waktu.date(), b) + jam for b in ("id", "en"))
        return t(f"rg_aturan_{self.kode}", bahasa, **isian)


def _periksa_dasar(isi: IsiRegulasi, indikator_sah: Collection[str]) -> list[Pelanggaran]:
    """Type, title, year, indicators, link and text length."""
    hasil: list[Pelanggaran] = []
    if isi.jenis not in JENIS:
        hasil.append(Pelanggaran("jenis_tak_dikenal", "jenis", {"nilai": isi.jenis, "daftar": ", ".join(JENIS)}))
    if not isi.judul.strip():
        hasil.append(Pelanggaran("judul_kosong", "judul"))
    if isi.tahun is not None and not TAHUN_MIN <= isi.tahun <= TAHUN_MAKS:
        isian = {"nilai": str(isi.tahun), "min": str(TAHUN_MIN), "maks": str(TAHUN_MAKS)}
        hasil.append(Pelanggaran("tahun_tak_sah", "tahun", isian))
    for ind in isi.indikator:
        if ind not in indikator_sah:
            hasil.append(Pelanggaran("indikator_tak_dikenal", "indikator", {"nilai": ind}))
    if isi.tautan is not None and not _POLA_TAUTAN.fullmatch(isi.tautan):
        hasil.append(Pelanggaran("tautan_tak_sah", "tautan", {"nilai": isi.tautan[:60]}))
    for k in KOLOM_TEKS:
        nilai = getattr(isi, k)
        if isinstance(nilai, str) and len(nilai) > PANJANG_TEKS_MAKS:
            isian = {"panjang": str(len(nilai)), "maks": str(PANJANG_TEKS_MAKS)}
            hasil.append(Pelanggaran("terlalu_panjang", k, isian))
    return hasil


def _periksa_tanggal(isi: IsiRegulasi, urutan: Sequence[str]) -> list[Pelanggaran]:
    """Dates only on stages of the type, none reached beyond the current stage, and in stage order."""
    hasil: list[Pelanggaran] = []
    jenis = label_jenis(isi.jenis)
    for jenis_tanggal, peta in (("tanggal", isi.tanggal), ("tenggat", isi.tenggat)):
        for s in peta:
            if s not in urutan:
                hasil.append(Pelanggaran("tanggal_tak_berlaku", f"{jenis_tanggal}_{s}", {"tahap": s, "jenis": jenis}))
    if isi.tahap is None:
        hasil += [Pelanggaran("tanggal_tanpa_tahap", f"tanggal_{s}", {"tahap": s}) for s in isi.tanggal]
        return hasil
    if isi.tahap not in urutan:
        return hasil
    kini = urutan.index(isi.tahap)
    for s in urutan[kini + 1 :]:
        if s in isi.tanggal:
            hasil.append(Pelanggaran("tanggal_sesudah_tahap", f"tanggal_{s}", {"tahap": s, "tahap_lain": isi.tahap}))
    berurut = [(s, isi.tanggal[s]) for s in urutan[: kini + 1] if s in isi.tanggal]
    for (s_awal, d_awal), (s_akhir, d_akhir) in itertools.pairwise(berurut):
        if d_akhir < d_awal:
            isian = {"tahap": s_akhir, "tahap_lain": s_awal, "tanggal": d_akhir.isoformat(), "lain": d_awal.isoformat()}
            hasil.append(Pelanggaran("tanggal_tak_urut", f"tanggal_{s_akhir}", isian))
    return hasil


def _periksa_gerak(isi: IsiRegulasi, lama: IsiRegulasi, urutan: Sequence[str]) -> list[Pelanggaran]:
    """A move past a stage, or back, needs a new note on the stage (``catatan_tahap``)."""
    if lama.tahap is None or isi.tahap is None or lama.tahap not in urutan or isi.tahap not in urutan:
        return []
    dari, ke = urutan.index(lama.tahap), urutan.index(isi.tahap)
    catatan_baru = isi.catatan_tahap is not None and isi.catatan_tahap != lama.catatan_tahap
    if ke > dari + 1 and not catatan_baru:
        isian = {"tahap_lama": lama.tahap, "tahap_baru": isi.tahap, "dilewati": ",".join(urutan[dari + 1 : ke])}
        return [Pelanggaran("lompat_tanpa_catatan", "catatan_tahap", isian)]
    if ke < dari and not catatan_baru:
        return [
            Pelanggaran("mundur_tanpa_catatan", "catatan_tahap", {"tahap_lama": lama.tahap, "tahap_baru": isi.tahap})
        ]
    return []


def periksa_isi(isi: IsiRegulasi, indikator_sah: Collection[str], lama: IsiRegulasi | None = None) -> list[Pelanggaran]:
    """Every rule the entry breaks (empty: it may be stored); ``lama`` is the entry before the change.

    Checks the type, title, year, indicators, link and text length, that the stage applies to the
    type, the dates (on the type's stages, none beyond the current stage, none without a known
    stage, in stage order) and, against ``lama``, that a skipped or backward stage has a new note.
    """
    hasil = _periksa_dasar(isi, indikator_sah)
    if isi.jenis not in JENIS:
        return hasil
    urutan = TAHAP_JENIS[isi.jenis]
    if isi.tahap is not None and isi.tahap not in urutan:
        kode = "tahap_tak_berlaku" if isi.tahap in TAHAP else "tahap_tak_dikenal"
        isian = {"tahap": isi.tahap, "jenis": label_jenis(isi.jenis), "daftar_tahap": ",".join(urutan)}
        hasil.append(Pelanggaran(kode, "tahap", isian))
    hasil += _periksa_tanggal(isi, urutan)
    if lama is not None:
        hasil += _periksa_gerak(isi, lama, urutan)
    return hasil


@dataclass(frozen=True)
class Keadaan:
    """Where an entry stands on a day.

    ``ditetapkan`` is None when the stage is unknown. ``lewat`` lists the stages after the current
    one whose due date has passed, with that date. ``macet_hari`` is the days since the current stage
    was reached when over :data:`MACET_HARI`, else None. ``berikut``/``tenggat_berikut`` are the next
    stage and its due date; ``sejak`` is the date the current stage was reached.
    """

    ditetapkan: bool | None
    lewat: tuple[tuple[str, dt.date], ...] = ()
    macet_hari: int | None = None
    berikut: str | None = None
    tenggat_berikut: dt.date | None = None
    sejak: dt.date | None = None


def keadaan(isi: IsiRegulasi, hari_ini: dt.date) -> Keadaan:
    """Overdue stages, stalling and enactment of one entry on ``hari_ini`` (see the module's rules)."""
    urutan = TAHAP_JENIS.get(isi.jenis, TAHAP)
    if isi.tahap is None or isi.tahap not in urutan:
        return Keadaan(None)
    kini = urutan.index(isi.tahap)
    sisa = urutan[kini + 1 :]
    sejak = isi.tanggal.get(isi.tahap)
    diam = (hari_ini - sejak).days if sejak is not None else None
    return Keadaan(
        ditetapkan=TAHAP.index(isi.tahap) >= TAHAP.index(TAHAP_DITETAPKAN),
        lewat=tuple((s, isi.tenggat[s]) for s in sisa if s in isi.tenggat and isi.tenggat[s] < hari_ini),
        macet_hari=diam if sisa and diam is not None and diam > MACET_HARI else None,
        berikut=sisa[0] if sisa else None,
        tenggat_berikut=isi.tenggat.get(sisa[0]) if sisa else None,
        sejak=sejak,
    )


@functools.cache
def indikator_sah() -> frozenset[str]:
    """The indicator ids an entry may name: those of the evidence checklist's scheme (KLA24)."""
    return frozenset(i.id for i in katalog_bawaan().skema[data_dukung_bawaan().skema].indikator)


def label_regulasi(isi: IsiRegulasi, bahasa: Bahasa = "id") -> str:
    """``Perda 13/2019 · Judul``; an unknown number and year is said so, one unknown part is ``?``."""
    if isi.nomor is None and isi.tahun is None:
        nomor = t("rg_nomor_tak_diketahui", bahasa)
    else:
        nomor = f"{isi.nomor or '?'}/{isi.tahun or '?'}"
    return f"{label_jenis(isi.jenis, bahasa)} {nomor} · {isi.judul}"


# --- the register: seed and workspace -------------------------------------------------------------


@dataclass(frozen=True)
class Entri:
    """One entry of a region's register: its fields, version and where it comes from.

    ``asal`` is ``bawaan`` (the committed seed, version 0, never edited) or ``ruang_kerja`` (stored
    by an editor). ``keyakinan`` is the seed row's confidence (None for an entry made by a user).
    """

    kode_wilayah: str
    regulasi_id: str
    isi: IsiRegulasi
    versi: int = 0
    asal: Literal["bawaan", "ruang_kerja"] = "bawaan"
    keyakinan: str | None = None
    diubah_oleh: str | None = None
    diubah_pada: dt.datetime | None = None
    dihapus: bool = False


class SeedError(ValueError):
    """The committed seed file breaks a rule (a developer error, caught by the tests)."""


@functools.cache
def _muat_seed(path: Path, mtime: int) -> tuple[Entri, ...]:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    hasil: list[Entri] = []
    for n, mentah in enumerate(frame.to_dict("records"), start=2):
        rekam: dict[str, object] = {str(k): (None if v == "" else v) for k, v in mentah.items()}
        isi = isi_dari_kolom(rekam)
        salah = periksa_isi(isi, indikator_sah())
        if salah or not rekam.get("sumber") or not _POLA_ID.fullmatch(str(rekam.get("regulasi_id"))):
            alasan = "; ".join(p.teks() for p in salah) or "regulasi_id atau sumber tidak sah"
            raise SeedError(f"{path.name} baris {n}: {alasan}")
        keyakinan = str(rekam["keyakinan"]) if rekam.get("keyakinan") else None
        hasil.append(Entri(str(rekam["kode_wilayah"]), str(rekam["regulasi_id"]), isi, keyakinan=keyakinan))
    return tuple(hasil)


def muat_seed(path: Path | None = None) -> tuple[Entri, ...]:
    """The committed starting register (every region; default :data:`SEED_PATH`), checked against the rules."""
    path = path or SEED_PATH
    return _muat_seed(path, path.stat().st_mtime_ns)


def _baca_tersimpan(path_gugus: Path, kode_wilayah: Sequence[str]) -> pd.DataFrame:
    """The stored entries of these regions (removed ones too); empty when nothing is stored yet."""
    if not kode_wilayah:
        return pd.DataFrame(columns=list(KOLOM_SIMPAN))
    return baca_kueri(path_gugus, "regulasi_wilayah", {"kode_wilayah": list(kode_wilayah)}, KOLOM_SIMPAN)


def _entri_tersimpan(rekam: Mapping[str, object], keyakinan: str | None) -> Entri:
    pada = rekam.get("diubah_pada")
    return Entri(
        kode_wilayah=str(rekam["kode_wilayah"]),
        regulasi_id=str(rekam["regulasi_id"]),
        isi=isi_dari_kolom(rekam),
        versi=int(str(rekam["versi"])),
        asal="ruang_kerja",
        keyakinan=keyakinan,
        diubah_oleh=str(rekam["diubah_oleh"]),
        diubah_pada=None if kosong(pada) else pd.Timestamp(str(pada)).to_pydatetime(),
        dihapus=bool(rekam["dihapus"]),
    )


def gabung_register(tersimpan: pd.DataFrame, seed: Iterable[Entri], kode_wilayah: str) -> dict[str, Entri]:
    """One region's register (removed entries included): the seed, each entry replaced by its stored row.

    A stored row always wins: an entry's seed values are used only until the first edit.
    """
    register = {e.regulasi_id: e for e in seed if e.kode_wilayah == kode_wilayah}
    for rekam in tersimpan.to_dict("records"):
        if str(rekam["kode_wilayah"]) != kode_wilayah:
            continue
        asal = register.get(str(rekam["regulasi_id"]))
        entri = _entri_tersimpan({str(k): v for k, v in rekam.items()}, asal.keyakinan if asal else None)
        register[entri.regulasi_id] = entri
    return register


def baca_register(path_gugus: Path, kode_wilayah: Sequence[str]) -> dict[str, dict[str, Entri]]:
    """The registers of these regions (removed entries included); a region with none is left out."""
    tersimpan = _baca_tersimpan(path_gugus, kode_wilayah)
    seed = muat_seed()
    hasil = {kode: gabung_register(tersimpan, seed, kode) for kode in dict.fromkeys(kode_wilayah)}
    return {kode: reg for kode, reg in hasil.items() if reg}


def daftar_regulasi(path_gugus: Path, kode_wilayah: str) -> list[Entri]:
    """One region's entries in the register (removed ones left out), in id order."""
    register = baca_register(path_gugus, [kode_wilayah]).get(kode_wilayah, {})
    return [register[k] for k in sorted(register) if not register[k].dihapus]


def tabel_register(daftar: Sequence[Entri], hari_ini: dt.date) -> pd.DataFrame:
    """The register as a table: one row per entry with its stored columns and its state on ``hari_ini``.

    Besides :data:`KOLOM_ISI`: ``regulasi_id, versi, asal, keyakinan, diubah_oleh, diubah_pada``,
    ``ditetapkan`` (None when the stage is unknown), ``lewat_tenggat``, ``tahap_lewat`` (the overdue
    stages), ``macet``, ``hari_macet``, ``tahap_berikut``, ``tenggat_berikut`` and ``sejak``.
    """
    baris = []
    for e in daftar:
        k = keadaan(e.isi, hari_ini)
        baris.append(
            {
                "regulasi_id": e.regulasi_id,
                **kolom_isi(e.isi),
                "versi": e.versi,
                "asal": e.asal,
                "keyakinan": e.keyakinan,
                "diubah_oleh": e.diubah_oleh,
                "diubah_pada": e.diubah_pada,
                "ditetapkan": k.ditetapkan,
                "lewat_tenggat": bool(k.lewat),
                "tahap_lewat": tuple(s for s, _ in k.lewat),
                "macet": k.macet_hari is not None,
                "hari_macet": k.macet_hari,
                "tahap_berikut": k.berikut,
                "tenggat_berikut": k.tenggat_berikut,
                "sejak": k.sejak,
            }
        )
    kolom = ["regulasi_id", *KOLOM_ISI, "versi", "asal", "keyakinan", "diubah_oleh", "diubah_pada", "ditetapkan"]
    kolom += ["lewat_tenggat", "tahap_lewat", "macet", "hari_macet", "tahap_berikut", "tenggat_berikut", "sejak"]
    return pd.DataFrame(baris, columns=kolom)


# --- summaries for the Gugus Tugas view, the province view and the evaluation pack ----------------


def ringkasan_regulasi(path_gugus: Path, kode_wilayah: Sequence[str], hari_ini: dt.date) -> pd.DataFrame:
    """Counts per region: one row per requested code, in the order asked.

    Columns: ``kode_wilayah``, ``regulasi_diamanatkan`` (entries that carry a mandate),
    ``regulasi_ditetapkan`` (of those, at penetapan or later), ``regulasi_lewat_tenggat`` (entries
    with an overdue stage), ``regulasi_macet`` (stalled) and ``regulasi_tidak_diketahui`` (stage
    unknown); integers (``Int64``), and ``pd.NA`` in every count of a region without any register
    (unknown, not zero). Removed entries are not counted.
    """
    register = baca_register(path_gugus, kode_wilayah)
    baris: list[dict[str, object]] = []
    for kode in kode_wilayah:
        if kode not in register:
            baris.append({"kode_wilayah": kode, **dict.fromkeys(KOLOM_RINGKASAN, pd.NA)})
            continue
        aktif = [e for e in register[kode].values() if not e.dihapus]
        keadaan_ = [(e, keadaan(e.isi, hari_ini)) for e in aktif]
        baris.append(
            {
                "kode_wilayah": kode,
                "regulasi_diamanatkan": sum(e.isi.amanat is not None for e in aktif),
                "regulasi_ditetapkan": sum(e.isi.amanat is not None and bool(k.ditetapkan) for e, k in keadaan_),
                "regulasi_lewat_tenggat": sum(bool(k.lewat) for _, k in keadaan_),
                "regulasi_macet": sum(k.macet_hari is not None for _, k in keadaan_),
                "regulasi_tidak_diketahui": sum(e.isi.tahap is None for e in aktif),
            }
        )
    frame = pd.DataFrame(baris, columns=["kode_wilayah", *KOLOM_RINGKASAN])
    frame["kode_wilayah"] = frame["kode_wilayah"].astype(str)
    return frame.astype(dict.fromkeys(KOLOM_RINGKASAN, "Int64"))


KOLOM_TERLAMBAT = (
    *("kode_wilayah", "regulasi_id", "label", "label_en", "jenis", "judul", "opd", "tahap", "masalah"),
    *("tahap_tenggat", "tenggat", "sejak", "hari", "alasan", "alasan_en"),
)


def _alasan(e: Entri, k: Keadaan, masalah: str, hari_ini: dt.date, bahasa: Bahasa) -> str:
    tahap_kini = label_tahap(e.isi.tahap, bahasa)
    if masalah == "lewat_tenggat":
        tahap, tenggat = k.lewat[0]
        teks = t(
            "rg_alasan_lewat",
            bahasa,
            tahap=label_tahap(tahap, bahasa),
            tenggat=format_tanggal(tenggat, bahasa),
            hari=format_angka((hari_ini - tenggat).days, 0, bahasa),
            kini=tahap_kini,
        )
        lain = [label_tahap(s, bahasa) for s, _ in k.lewat[1:]]
        return teks + (t("rg_alasan_lewat_lain", bahasa, daftar=", ".join(lain)) if lain else "")
    sejak = k.sejak or hari_ini
    return t(
        "rg_alasan_macet",
        bahasa,
        kini=tahap_kini,
        sejak=format_tanggal(sejak, bahasa),
        hari=format_angka(k.macet_hari, 0, bahasa),
        batas=format_angka(MACET_HARI, 0, bahasa),
    )


def butir_terlambat_regulasi(path_gugus: Path, kode_wilayah: Sequence[str], hari_ini: dt.date) -> pd.DataFrame:
    """The overdue and stalled entries of these regions, with their reasons (one row per entry and problem).

    Columns (:data:`KOLOM_TERLAMBAT`): region, id, ``label``/``label_en`` (type, number/year, title), type,
    title, coordinating OPD (None = unknown), current stage, ``masalah`` (``lewat_tenggat`` or
    ``macet``), the first overdue stage and its due date (overdue), the date the current stage was
    reached, ``hari`` (days past the due date, or days without movement) and the reason in
    Indonesian (``alasan``) and English (``alasan_en``). Overdue rows come first, then the longest.
    """
    register = baca_register(path_gugus, kode_wilayah)
    baris: list[dict[str, object]] = []
    for kode, isi_register in register.items():
        for e in sorted(isi_register.values(), key=lambda x: x.regulasi_id):
            k = keadaan(e.isi, hari_ini)
            masalah = [m for m, ada in (("lewat_tenggat", k.lewat), ("macet", k.macet_hari is not None)) if ada]
            for m in masalah if not e.dihapus else []:
                tahap_tenggat, tenggat = k.lewat[0] if m == "lewat_tenggat" else (None, None)
                baris.append(
                    {
                        "kode_wilayah": kode,
                        "regulasi_id": e.regulasi_id,
                        "label": label_regulasi(e.isi),
                        "label_en": label_regulasi(e.isi, "en"),
                        "jenis": e.isi.jenis,
                        "judul": e.isi.judul,
                        "opd": e.isi.opd,
                        "tahap": e.isi.tahap,
                        "masalah": m,
                        "tahap_tenggat": tahap_tenggat,
                        "tenggat": tenggat,
                        "sejak": k.sejak,
                        "hari": (hari_ini - tenggat).days if tenggat is not None else k.macet_hari,
                        "alasan": _alasan(e, k, m, hari_ini, "id"),
                        "alasan_en": _alasan(e, k, m, hari_ini, "en"),
                    }
                )
    frame = pd.DataFrame(baris, columns=list(KOLOM_TERLAMBAT))
    if frame.empty:
        return frame
    frame["_urut"] = frame["masalah"].map({"lewat_tenggat": 0, "macet": 1})
    frame = frame.sort_values(["_urut", "hari", "kode_wilayah", "regulasi_id"], ascending=[True, False, True, True])
    return frame.drop(columns="_urut").reset_index(drop=True)


# --- writing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class UbahRegulasi:
    """A change to one entry: new fields, or its removal.

    ``regulasi_id`` None adds a new entry (its id is given when it is written: ``rg-001``, …).
    ``versi`` is the entry version the change was based on (0 for a seed entry never edited); a
    change to an entry stored at another version is refused. None skips that check.
    """

    regulasi_id: str | None
    isi: IsiRegulasi | None = None
    versi: int | None = None
    hapus: bool = False


@dataclass(frozen=True)
class MasalahUbah:
    """A refused change: which one (its position), the entry, and the rule it breaks."""

    indeks: int
    regulasi_id: str | None
    pelanggaran: Pelanggaran

    def teks(self, bahasa: Bahasa = "id") -> str:
        """``<entry>: <rule>``."""
        entri = self.regulasi_id or t("rg_entri_baru", bahasa)
        return f"{entri}: {self.pelanggaran.teks(bahasa)}"


class RegulasiError(GugusError):
    """Changes refused because they break the register's rules or are based on an older version."""

    def __init__(self, masalah: Sequence[MasalahUbah]) -> None:
        self.masalah = list(masalah)
        isi = {b: " ".join(m.teks(b) for m in self.masalah) for b in ("id", "en")}
        super().__init__(
            t("rg_galat_tolak", "id", n=len(self.masalah), rincian=isi["id"]),
            t("rg_galat_tolak", "en", n=len(self.masalah), rincian=isi["en"]),
        )


@dataclass(frozen=True)
class Rencana:
    """One checked change: the entry before (None for a new one), after, and the fields that differ."""

    ubah: UbahRegulasi
    lama: Entri | None
    baru: IsiRegulasi
    beda: tuple[str, ...]
    dihapus: bool = False


def _beda(lama: IsiRegulasi | None, baru: IsiRegulasi) -> tuple[str, ...]:
    sebelum = kolom_isi(lama) if lama is not None else {}
    sesudah = kolom_isi(baru)
    return tuple(k for k in KOLOM_ISI if teks_log(sebelum.get(k)) != teks_log(sesudah[k]))


def _konflik(ubah: UbahRegulasi, lama: Entri, indeks: int) -> MasalahUbah:
    """The change was based on another version of the entry than the stored one: who changed it, when."""
    pada = lama.diubah_pada.isoformat(timespec="minutes") if lama.diubah_pada else "-"
    isian = {"oleh": lama.diubah_oleh or "-", "pada": pada, "dasar": str(ubah.versi), "kini": str(lama.versi)}
    return MasalahUbah(indeks, lama.regulasi_id, Pelanggaran("konflik", None, isian))


def _kunci_entri(isi: IsiRegulasi) -> tuple[str, str, str | None, int | None]:
    return isi.jenis, " ".join(isi.judul.casefold().split()), isi.nomor, isi.tahun


def _entri_serupa(register: Mapping[str, Entri], baru: IsiRegulasi, rencana: Sequence[Rencana]) -> str | None:
    """The id of an entry with the same type, title, number and year as a new one (a file imported twice)."""
    kunci = _kunci_entri(baru)
    for e in register.values():
        if not e.dihapus and _kunci_entri(e.isi) == kunci:
            return e.regulasi_id
    if any(r.lama is None and _kunci_entri(r.baru) == kunci for r in rencana):
        return t("rg_entri_baru", "id")
    return None


def rencanakan(
    register: Mapping[str, Entri], perubahan: Sequence[UbahRegulasi], sah: Collection[str]
) -> tuple[list[Rencana], list[MasalahUbah]]:
    """Check changes against a region's register (pure); return what to write, or every problem.

    A change that equals the stored entry writes nothing (and is not checked for its version); an
    unknown or removed id, a rule broken (:func:`periksa_isi`, with the stored entry as ``lama``),
    a new entry with the type, title, number and year of one already there (a file imported
    twice), or a change based on another version than the stored one is a problem.
    """
    rencana: list[Rencana] = []
    masalah: list[MasalahUbah] = []
    for i, ubah in enumerate(perubahan):
        lama = register.get(ubah.regulasi_id) if ubah.regulasi_id is not None else None
        if ubah.regulasi_id is not None and (lama is None or lama.dihapus):
            masalah.append(MasalahUbah(i, ubah.regulasi_id, Pelanggaran("id_tak_dikenal", "regulasi_id")))
            continue
        beda: tuple[str, ...]
        if ubah.hapus:
            if lama is None:
                continue
            baru, beda = lama.isi, ("dihapus",)
        elif ubah.isi is None:
            continue
        else:
            baru = bersihkan(ubah.isi)
            beda = _beda(lama.isi if lama else None, baru)
            if not beda:
                continue
            masalah += [MasalahUbah(i, ubah.regulasi_id, p) for p in periksa_isi(baru, sah, lama.isi if lama else None)]
            if lama is None and (sama := _entri_serupa(register, baru, rencana)) is not None:
                masalah.append(MasalahUbah(i, None, Pelanggaran("entri_ganda", "judul", {"id": sama})))
        if lama is not None and ubah.versi is not None and ubah.versi != lama.versi:
            masalah.append(_konflik(ubah, lama, i))
        rencana.append(Rencana(ubah, lama, baru, beda, dihapus=ubah.hapus))
    return rencana, masalah


def _id_baru(terpakai: Iterable[str]) -> Iterator[str]:
    """Fresh ids ``rg-001``, ``rg-002``, … after the highest one in use."""
    n = max((int(m.group(1)) for i in terpakai if (m := _POLA_ID_BARU.fullmatch(i))), default=0)
    while True:
        n += 1
        yield f"rg-{n:03d}"


def _baris_tulis(
    rencana: Sequence[Rencana], register: Mapping[str, Entri], kode_wilayah: str, pengguna: Pengguna, waktu: dt.datetime
) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    """The entry rows to write and one change-log row per changed field (a new entry logs its filled fields)."""
    id_baru = _id_baru(register)
    baris: list[dict[str, object]] = []
    log: list[dict[str, object]] = []
    for r in rencana:
        regulasi_id = r.lama.regulasi_id if r.lama is not None else next(id_baru)
        versi = (r.lama.versi if r.lama is not None else 0) + 1
        sebelum = kolom_isi(r.lama.isi) if r.lama is not None else {}
        sesudah = kolom_isi(r.baru)
        ubah = (
            [("dihapus", "false", "true")]
            if r.dihapus
            else [(k, teks_log(sebelum.get(k)), teks_log(sesudah[k])) for k in r.beda]
        )
        log += [
            {
                "tabel": "regulasi",
                "kunci": regulasi_id,
                "kolom": k,
                "nilai_lama": lama,
                "nilai_baru": baru,
                "versi": versi,
            }
            for k, lama, baru in ubah
        ]
        baris.append(
            {
                "kode_wilayah": kode_wilayah,
                "regulasi_id": regulasi_id,
                **sesudah,
                "dihapus": r.dihapus,
                "diubah_oleh": pengguna.nama,
                "diubah_pada": waktu,
                "versi": versi,
            }
        )
    frame = pd.DataFrame(baris, columns=list(KOLOM_SIMPAN))
    for k in (*KOLOM_TANGGAL, *KOLOM_TENGGAT):
        frame[k] = pd.Series([sebagai_tanggal(v) for v in frame[k]], dtype="object")
    frame["tahun"] = pd.Series([None if kosong(v) else int(v) for v in frame["tahun"]], dtype="object")
    return frame, log


def simpan_regulasi(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    perubahan: Sequence[UbahRegulasi],
    *,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Write changes to one region's register at once; return the number of fields logged.

    Through the workspace's one write path: scope first, then under the lock on a copy in one
    transaction, the changes are checked against the stored register (:func:`rencanakan`), written,
    and every changed field is logged. A change that equals the stored entry writes nothing; a
    save that changes nothing does not rewrite the file.

    Raises:
        LingkupError: the region is outside the user's scope (nothing is written).
        RegulasiError: a rule broken, an unknown id or a stale version, each listed (nothing is written).
        TulisError: the disk is full or the write failed (nothing is written).
    """
    periksa_lingkup(pengguna, kode_wilayah)
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    with transaksi(path) as tulis:
        tersimpan = store.kueri_con(tulis.con, "regulasi_wilayah", {"kode_wilayah": [kode_wilayah]})
        register = gabung_register(tersimpan, muat_seed(), kode_wilayah)
        rencana, masalah = rencanakan(register, perubahan, indikator_sah())
        if masalah:
            raise RegulasiError(masalah)
        frame, log = _baris_tulis(rencana, register, kode_wilayah, pengguna, waktu)
        sisip(tulis.con, "regulasi_sisip", frame)
        return catat_log(tulis, log, pengguna, kode_wilayah, waktu, asal)


def periksa_perubahan(
    path: Path, kode_wilayah: str, perubahan: Sequence[UbahRegulasi]
) -> tuple[int, list[MasalahUbah]]:
    """What a save would do now, read-only: the number of entries it changes and every problem (a dry run)."""
    register = gabung_register(_baca_tersimpan(path, [kode_wilayah]), muat_seed(), kode_wilayah)
    rencana, masalah = rencanakan(register, perubahan, indikator_sah())
    return len(rencana), masalah


def baca_log_regulasi(path: Path, kode_wilayah: str) -> pd.DataFrame:
    """The register's change history of one region, newest first (empty while nothing is stored)."""
    kolom = ["log_id", "waktu", "pengguna", "kode_wilayah", "tabel", "kunci", "kolom", "nilai_lama", "nilai_baru"]
    return baca_kueri(path, "regulasi_log", {"kode_wilayah": kode_wilayah}, [*kolom, "asal", "versi"])
