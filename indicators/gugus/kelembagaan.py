"""The Kelembagaan evidence register per kab/kota: values, references and their verification.

The items are declared in the catalogue (:mod:`indicators.katalog.kelembagaan`: SK Gugus Tugas,
meetings per year, RAD KLA and its period, Profil Anak, budget share per cluster, % KELANA and
% DEKELA, PATBM, involvement of society, business and media; each bound to KLA24-01, 02 or 03).
Per region, each item holds a value, a reference (a document number or link: the files stay where
the region keeps them) and a verification status, because verification returns items with reasons.

**Statuses.** An item without a value is *belum diisi* (no status). A value or reference saved is
*diajukan* (submitted). A verifier decides *diverifikasi* or *ditolak*, a rejection always with its
reason (``alasan``; the database refuses a rejection without one too). Allowed decisions:

==============  =========================  ==========================================
from            to                         note
==============  =========================  ==========================================
diajukan        diverifikasi, ditolak      the normal decision
diverifikasi    ditolak                    a verification withdrawn, with a reason
ditolak         —                          resubmit first (change value or reference)
==============  =========================  ==========================================

Any change of value or reference, whatever the status, makes the item *diajukan* again (the
evidence the decision was about has changed) and clears the old reason; the history keeps it.

**Who.** Submitting: any account whose scope covers the region (the kab/kota's editor, its
province's editor, an admin). Verifying: an account whose scope covers the region *from above*:
an editor of the province (scope ``33`` verifies ``33.75``) or an admin, never the kab/kota's own
editor; and never the person who submitted the value being decided (four eyes). So 33.75's editor
submits, Jawa Tengah's editor verifies, and an editor of 33.75 can change nothing of 33.26.

**Writes** go through the workspace's one write path (:mod:`indicators.gugus.simpan`: scope,
lock, copy, one transaction, ``log_perubahan``). Every save carries the item version it was based
on; a save or decision on an item changed since is refused with that change
(:class:`indicators.gugus.simpan.KonflikError`). A save that changes nothing writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb
import pandas as pd

from indicators.akun.pengguna import Pengguna, label_lingkup
from indicators.format import Bahasa
from indicators.gugus.simpan import (
    GugusError,
    Konflik,
    KonflikError,
    baca_kelembagaan,
    baca_kueri,
    catat_log,
    periksa_lingkup,
    sisip,
    teks_log,
    transaksi,
)
from indicators.gugus.tugas import daftar_rekam, kosong, teks_masukan
from indicators.io import store
from indicators.katalog.kelembagaan import (
    KatalogKelembagaan,
    NilaiError,
    kelembagaan_bawaan,
    perhatian,
    tampil_nilai,
    urai_nilai,
)
from indicators.teks import pasangan, t

StatusIsian = Literal["diajukan", "diverifikasi", "ditolak"]
STATUS_ISIAN: tuple[StatusIsian, ...] = ("diajukan", "diverifikasi", "ditolak")
BELUM_DIISI = "belum_diisi"
STATUS_LABEL = pasangan({s: f"kl_status_{s}" for s in (BELUM_DIISI, *STATUS_ISIAN)})
# Decisions a verifier may take from each status (see the module docstring's table).
TRANSISI: dict[str, frozenset[str]] = {
    "diajukan": frozenset({"diverifikasi", "ditolak"}),
    "diverifikasi": frozenset({"ditolak"}),
    "ditolak": frozenset(),
}
REFERENSI_MAKS = 500
ALASAN_MAKS = 1000
KOLOM_ISIAN = ["kode_wilayah", "butir", "nilai", "referensi", "status", "alasan", "diajukan_oleh", "diajukan_pada"]
KOLOM_ISIAN += ["diputuskan_oleh", "diputuskan_pada", "diubah_oleh", "diubah_pada", "versi"]
KOLOM_REGISTER = ["butir", "indikator", "urutan", "tipe", "nama", "nama_en", "nilai", "referensi", "status"]
# Who submitted, decided and last changed an item, and when.
_JEJAK = ("diajukan_oleh", "diajukan_pada", "diputuskan_oleh", "diputuskan_pada", "diubah_oleh", "diubah_pada")
KOLOM_REGISTER += ["alasan", *_JEJAK, "versi"]
KOLOM_RINGKASAN = ["kode_wilayah", "kelembagaan_butir", "kelembagaan_terisi", "kelembagaan_diajukan"]
KOLOM_RINGKASAN += ["kelembagaan_terverifikasi", "kelembagaan_ditolak"]


class VerifikasiError(GugusError):
    """A verification decision that the rules do not allow (role, status, missing reason, own submission)."""


def _galat(kelas: type[GugusError], kunci: str, **isian: object) -> GugusError:
    return kelas(t(kunci, "id", **isian), t(kunci, "en", **isian))


@dataclass(frozen=True)
class UbahIsian:
    """A submitted value and/or reference for one register item.

    ``nilai`` is the value as typed (checked and made canonical by
    :func:`indicators.katalog.kelembagaan.urai_nilai`; empty clears it); ``versi`` the item version
    the editor saw (0 for an item never stored; None skips the check); ``kolom`` the fields this
    change sets (``nilai``, ``referensi``; None: both), the other keeps its stored value.
    """

    butir: str
    nilai: object = None
    referensi: str | None = None
    versi: int | None = None
    kolom: frozenset[str] | None = None


@dataclass(frozen=True)
class Keputusan:
    """A verifier's decision on one item: ``diverifikasi``, or ``ditolak`` with its reason."""

    butir: str
    status: Literal["diverifikasi", "ditolak"]
    alasan: str | None = None
    versi: int | None = None


# --- who may do what (pure) ----------------------------------------------------------------------


def boleh_verifikasi(pengguna: Pengguna, kode_wilayah: str) -> bool:
    """Whether the user may verify or reject the region's items.

    An admin, or an editor whose scope covers the region from above (a province editor for its
    kab/kota); never an editor scoped to the region itself.
    """
    if pengguna.peran == "admin":
        return True
    kode = str(kode_wilayah).strip()
    return any(kode.startswith(w + ".") for w in pengguna.wilayah)


def periksa_keputusan(rekam: Mapping[str, Any] | None, keputusan: Keputusan, pengguna: Pengguna) -> None:
    """Check one decision against the item's stored row (None: never filled in), by the rules above.

    Raises:
        VerifikasiError: no value to decide on, a decision the status does not allow, a rejection
            without a reason, or the verifier's own submission.
    """
    kunci = keputusan.butir
    if rekam is None or kosong(rekam.get("nilai")):
        raise _galat(VerifikasiError, "kl_galat_belum_diisi", butir=kunci)
    if keputusan.status == "ditolak" and not teks_masukan(keputusan.alasan):
        raise _galat(VerifikasiError, "kl_galat_alasan_wajib", butir=kunci)
    kini = str(rekam["status"])
    if keputusan.status not in TRANSISI[kini]:
        kunci_galat = "kl_galat_ajukan_ulang" if kini == "ditolak" else "kl_galat_transisi"
        raise _galat(VerifikasiError, kunci_galat, butir=kunci, dari=kini, ke=keputusan.status)
    if str(rekam.get("diajukan_oleh") or "") == pengguna.nama:
        raise _galat(VerifikasiError, "kl_galat_empat_mata", butir=kunci, nama=pengguna.nama)


def _periksa_verifikator(pengguna: Pengguna, kode_wilayah: str) -> None:
    periksa_lingkup(pengguna, kode_wilayah)
    if not boleh_verifikasi(pengguna, kode_wilayah):
        lingkup = label_lingkup(pengguna)
        raise _galat(VerifikasiError, "kl_galat_bukan_verifikator", nama=pengguna.nama, lingkup=lingkup,
                     wilayah=kode_wilayah)  # fmt: skip


# --- the register table (pure) ----------------------------------------------------------------------


def tabel_register(kat: KatalogKelembagaan, tersimpan: pd.DataFrame) -> pd.DataFrame:
    """Every register item for one region, in register order, with its stored value and status.

    ``tersimpan`` holds the region's stored rows (:func:`indicators.gugus.simpan.baca_kelembagaan`);
    rows of items no longer in the register are left out, and an item without a value has status
    ``belum_diisi``. Columns: ``KOLOM_REGISTER`` (values canonical, see :func:`teks_register`).
    """
    simpan = {str(r["butir"]): r for r in daftar_rekam(tersimpan)}
    baris = []
    for urut, b in enumerate(kat.butir):
        r = simpan.get(b.kode, {})
        nilai = None if kosong(r.get("nilai")) else str(r["nilai"])
        baris.append(
            {
                "butir": b.kode,
                "indikator": b.indikator,
                "urutan": urut,
                "tipe": b.tipe,
                "nama": b.nama,
                "nama_en": b.nama_en,
                "nilai": nilai,
                "referensi": None if kosong(r.get("referensi")) else str(r["referensi"]),
                "status": BELUM_DIISI if nilai is None else str(r["status"]),
                "alasan": None if kosong(r.get("alasan")) else str(r["alasan"]),
                **{k: r.get(k) for k in _JEJAK},
                "versi": 0 if kosong(r.get("versi")) else int(r["versi"]),
            }
        )
    return pd.DataFrame(baris, columns=KOLOM_REGISTER)


def teks_register(register: pd.DataFrame, kat: KatalogKelembagaan, hari_ini: dt.date, bahasa: Bahasa) -> pd.DataFrame:
    """The register's values as people read them: adds ``nilai_teks`` and ``perhatian``.

    ``nilai_teks`` shows numbers and dates in the reader's locale; ``perhatian`` says what the
    instrument would question, and flags a value without a document reference.
    """
    data = register.copy()
    butir = {b.kode: b for b in kat.butir}
    # pandas keeps a missing text as NaN: only a str is a value.
    nilai = [n if isinstance(n, str) else None for n in data["nilai"]]
    data["nilai_teks"] = [tampil_nilai(butir[k], n, bahasa) for k, n in zip(data["butir"], nilai, strict=True)]
    catatan = []
    for k, n, ref in zip(data["butir"], nilai, data["referensi"], strict=True):
        bagian = [perhatian(butir[k], n, hari_ini, bahasa)]
        if n is not None and not isinstance(ref, str):
            bagian.append(t("kl_perhatian_tanpa_referensi", bahasa))
        catatan.append(" ".join(p for p in bagian if p))
    data["perhatian"] = catatan
    return data


def hitung_ringkasan(register: pd.DataFrame) -> dict[str, int]:
    """The register's counts: items, filled in, submitted, verified, rejected (as :func:`ringkasan_kelembagaan`)."""
    status = register["status"]
    return {
        "butir": len(register),
        "terisi": int((status != BELUM_DIISI).sum()),
        "diajukan": int((status == "diajukan").sum()),
        "terverifikasi": int((status == "diverifikasi").sum()),
        "ditolak": int((status == "ditolak").sum()),
    }


# --- writing ---------------------------------------------------------------------------------------


def _konflik(
    rekam: Mapping[str, Any], kunci: tuple[str, str], dasar: int, log_sejak: Callable[[str, int], pd.DataFrame]
) -> Konflik:
    indikator, butir = kunci
    log = log_sejak(f"{indikator}/{butir}", dasar)
    return Konflik(
        indikator=indikator,
        butir=butir,
        versi_dasar=dasar,
        versi_kini=int(rekam.get("versi") or 0),
        oleh=str(rekam.get("diubah_oleh") or "-"),
        pada=None if kosong(rekam.get("diubah_pada")) else pd.Timestamp(rekam["diubah_pada"]).to_pydatetime(),
        perubahan=tuple((str(x.kolom), teks_log(x.nilai_lama), teks_log(x.nilai_baru)) for x in log.itertuples()),
    )


def _bersih(teks: object, maks: int, kunci: str, butir: str) -> str | None:
    bersih = teks_masukan(teks)
    if bersih is not None and len(bersih) > maks:
        raise _galat(GugusError, kunci, butir=butir, panjang=len(bersih), maks=maks)
    return bersih


def _siapkan_isian(
    perubahan: Sequence[UbahIsian], kat: KatalogKelembagaan, hari_ini: dt.date
) -> list[tuple[UbahIsian, str | None, str | None]]:
    """Each change with its canonical value and clean reference; every bad value reported at once.

    Raises:
        GugusError: an unknown item, a bad value, or a reference that is too long (all listed).
    """
    hasil, galat = [], []
    for ubah in perubahan:
        butir = kat.cari(ubah.butir)
        try:
            if butir is None:
                raise _galat(GugusError, "kl_galat_butir_tak_dikenal", butir=ubah.butir, daftar=", ".join(kat.kode))
            nilai = urai_nilai(butir, ubah.nilai, hari_ini)
            ref = _bersih(ubah.referensi, REFERENSI_MAKS, "kl_galat_referensi_panjang", ubah.butir)
        except (NilaiError, GugusError) as exc:
            galat.append(exc)
            continue
        hasil.append((ubah, nilai, ref))
    if galat:
        raise GugusError(" ".join(g.pesan for g in galat), " ".join(g.pesan_en for g in galat))
    return hasil


def _log_baris(kunci: str, lama: Mapping[str, Any], baru: Mapping[str, Any], versi: int) -> list[dict[str, object]]:
    return [
        {"tabel": "kelembagaan_isian", "kunci": kunci, "kolom": k, "nilai_lama": teks_log(lama.get(k)),
         "nilai_baru": teks_log(baru.get(k)), "versi": versi}
        for k in ("nilai", "referensi", "status", "alasan")
        if teks_log(lama.get(k)) != teks_log(baru.get(k))
    ]  # fmt: skip


def _baris_isian(
    kode_wilayah: str,
    butir: str,
    rekam: Mapping[str, Any],
    isian: Mapping[str, Any],
    pengguna: Pengguna,
    waktu: dt.datetime,
) -> dict[str, object]:
    """The row to store: the stored row with ``isian`` over it, stamped with who and when, version + 1."""
    baris = {k: rekam.get(k) for k in KOLOM_ISIAN} | dict(isian)
    for k in KOLOM_ISIAN:
        if kosong(baris.get(k)):
            baris[k] = None  # NaN/NaT from pandas are not values
    return baris | {
        "kode_wilayah": kode_wilayah,
        "butir": butir,
        "diubah_oleh": pengguna.nama,
        "diubah_pada": waktu,
        "versi": int(rekam.get("versi") or 0) + 1,
    }


def _sisip_isian(tulis_con: duckdb.DuckDBPyConnection, baris: list[dict[str, object]]) -> None:
    frame = pd.DataFrame(baris, columns=KOLOM_ISIAN)
    for k in ("diajukan_pada", "diputuskan_pada", "diubah_pada"):
        frame[k] = pd.to_datetime(frame[k])  # an all-empty column must still be read as a timestamp
    sisip(tulis_con, "kelembagaan_sisip", frame)


def _tulis(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    kat: KatalogKelembagaan,
    rencana: Callable[[Mapping[str, Any] | None, Any], dict[str, object] | None],
    daftar: Sequence[Any],
    *,
    asal: str,
    waktu: dt.datetime,
) -> int:
    """The shared write of submissions and decisions; returns the number of fields logged.

    Under the lock, each ``daftar`` entry (with a ``butir`` and a ``versi``) is planned against its
    stored row by ``rencana`` (None: no change); stale ones are refused together (all or
    nothing); the rest are stored and logged.
    """
    indikator = {b.kode: b.indikator for b in kat.butir}
    with transaksi(path) as tulis:
        lama = {
            str(r["butir"]): r
            for r in daftar_rekam(store.kueri_con(tulis.con, "kelembagaan_isian", {"kode_wilayah": kode_wilayah}))
        }

        def log_sejak(kunci: str, versi: int) -> pd.DataFrame:
            isian = {"kode_wilayah": kode_wilayah, "kunci": kunci, "versi": versi}
            return store.kueri_con(tulis.con, "kelembagaan_log_sejak", isian)

        baris, log, konflik = [], [], []
        for entri in daftar:
            rekam = lama.get(entri.butir)
            isian = rencana(rekam, entri)
            if isian is None:
                continue
            versi = int((rekam or {}).get("versi") or 0)
            kunci = (indikator[entri.butir], entri.butir)
            if entri.versi is not None and entri.versi != versi:
                konflik.append(_konflik(rekam or {}, kunci, entri.versi, log_sejak))
                continue
            baru = _baris_isian(kode_wilayah, entri.butir, rekam or {}, isian, pengguna, waktu)
            baris.append(baru)
            log += _log_baris(f"{kunci[0]}/{kunci[1]}", rekam or {}, baru, int(baru["versi"]))  # type: ignore[call-overload]
        if konflik:
            raise KonflikError(konflik)
        _sisip_isian(tulis.con, baris)
        return catat_log(tulis, log, pengguna, kode_wilayah, waktu, asal)


def simpan_isian(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    perubahan: Sequence[UbahIsian],
    kat: KatalogKelembagaan,
    *,
    hari_ini: dt.date | None = None,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Submit values and references of one region; return the number of fields that changed.

    Each changed item becomes ``diajukan`` (or unfilled when its value is cleared), its reason
    and earlier decision cleared; unchanged items are left alone (a save that changes nothing does
    not rewrite the file). ``hari_ini`` (default today) refuses dates that cannot lie in the future.

    Raises:
        LingkupError: the region is outside the user's scope. GugusError: unknown items, bad
            values (every one listed, with what was expected). KonflikError: an item changed since
            the version the change was based on. Nothing is written on any of them.
    """
    periksa_lingkup(pengguna, kode_wilayah)
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    siap = {u.butir: (nilai, ref) for u, nilai, ref in _siapkan_isian(perubahan, kat, hari_ini or waktu.date())}

    def rencana(rekam: Mapping[str, Any] | None, ubah: UbahIsian) -> dict[str, object] | None:
        rekam = rekam or {}
        nilai, ref = siap[ubah.butir]
        kolom = ubah.kolom if ubah.kolom is not None else frozenset({"nilai", "referensi"})
        baru = {
            "nilai": nilai if "nilai" in kolom else rekam.get("nilai"),
            "referensi": ref if "referensi" in kolom else rekam.get("referensi"),
        }
        if all(teks_log(baru[k]) == teks_log(rekam.get(k)) for k in baru):
            return None
        terisi = not kosong(baru["nilai"])
        return baru | {
            "status": "diajukan" if terisi else None,
            "alasan": None,
            "diajukan_oleh": pengguna.nama if terisi else None,
            "diajukan_pada": waktu if terisi else None,
            "diputuskan_oleh": None,
            "diputuskan_pada": None,
        }

    return _tulis(path, pengguna, kode_wilayah, kat, rencana, perubahan, asal=asal, waktu=waktu)


def putuskan(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    keputusan: Sequence[Keputusan],
    kat: KatalogKelembagaan,
    *,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Record verification decisions on one region's items; return the number of fields that changed.

    Raises:
        LingkupError: outside the user's scope. VerifikasiError: not a verifier of this region
            (a kab/kota's own editor), a rejection without a reason, a decision the item's status
            does not allow, or the verifier's own submission. GugusError: an unknown item.
            KonflikError: an item changed since the version the decision was based on. Nothing is
            written on any of them (all or nothing).
    """
    _periksa_verifikator(pengguna, kode_wilayah)
    for k in keputusan:
        if kat.cari(k.butir) is None:
            raise _galat(GugusError, "kl_galat_butir_tak_dikenal", butir=k.butir, daftar=", ".join(kat.kode))
    waktu = waktu or dt.datetime.now().replace(microsecond=0)

    def rencana(rekam: Mapping[str, Any] | None, kep: Keputusan) -> dict[str, object] | None:
        if rekam is not None and kep.versi is not None and int(rekam.get("versi") or 0) != kep.versi:
            return {}  # stale: let the shared write report the newer change instead of a rule
        periksa_keputusan(rekam, kep, pengguna)
        alasan = (
            _bersih(kep.alasan, ALASAN_MAKS, "kl_galat_alasan_panjang", kep.butir) if kep.status == "ditolak" else None
        )
        return {"status": kep.status, "alasan": alasan, "diputuskan_oleh": pengguna.nama, "diputuskan_pada": waktu}

    return _tulis(path, pengguna, kode_wilayah, kat, rencana, keputusan, asal=asal, waktu=waktu)


# --- reading -----------------------------------------------------------------------------------------


def register_wilayah(path: Path, kode_wilayah: str, kat: KatalogKelembagaan | None = None) -> pd.DataFrame:
    """One region's register (:func:`tabel_register`) read from the workspace file."""
    return tabel_register(kat or kelembagaan_bawaan(), baca_kelembagaan(path, kode_wilayah))


def ringkasan_kelembagaan(path_gugus: Path, kode_wilayah: Sequence[str]) -> pd.DataFrame:
    """Register counts per region, for the province's view: one row per requested code, in order.

    Columns: ``kode_wilayah``, ``kelembagaan_butir`` (items in the register definition),
    ``kelembagaan_terisi`` (items with a value), ``kelembagaan_diajukan``,
    ``kelembagaan_terverifikasi``, ``kelembagaan_ditolak`` (integers; 0 where nothing is stored,
    also without a workspace file). Rows of items no longer in the definition are not counted.
    """
    kat = kelembagaan_bawaan()
    kode = [str(k) for k in kode_wilayah]
    kolom = ["kode_wilayah", "terisi", "diajukan", "terverifikasi", "ditolak"]
    data = baca_kueri(path_gugus, "kelembagaan_ringkasan", {"kode": kode, "butir": kat.kode}, kolom)
    per = {str(r["kode_wilayah"]): r for r in daftar_rekam(data)}
    baris = [
        [
            k,
            len(kat.butir),
            *(int(per.get(k, {}).get(n) or 0) for n in ("terisi", "diajukan", "terverifikasi", "ditolak")),
        ]
        for k in kode
    ]
    hasil = pd.DataFrame(baris, columns=KOLOM_RINGKASAN)
    return hasil.astype(dict.fromkeys(KOLOM_RINGKASAN[1:], "int64"))
