"""Accounts for importing data: users, roles, regional scope, password hashing and login limits.

Viewing the dashboard can be public; importing requires an account. Roles:

- ``admin``: everything (every region, every rollback, user management through the CLI).
- ``editor``: imports and rollbacks only for the regions of its scope: one or more kab/kota codes
  (``33.75``) or a whole province (``33`` covers every ``33.xx`` and the province itself). A code
  in scope also covers the kecamatan below it (``33.75`` covers ``33.75.01``).

**Storage.** Accounts live in a small JSON file *beside* the database, never inside it: ``kla db
build`` rebuilds the database from the committed sources, so a table there would be lost. The
file (:func:`path_akun`) is written atomically with mode 0600 (temporary file, fsync,
``os.replace``: :func:`indicators.io.store.tulis_atomik`), and holds argon2id hashes only; a
password is never stored, printed or logged.

**Login limits.** :mod:`indicators.akun.batas_masuk` throttles failed logins in a file beside the
accounts (never in a Streamlit cache, which any client can clear). Here: a name longer than
``NAMA_MAKS`` or a password longer than ``SANDI_MAKS`` is refused before any hashing, and at most
``HASH_SERENTAK`` argon2id hashes (64 MiB each) run at once in this process. Sessions time out
after an idle period (:func:`sesi_habis`, ``KLA_SESI_MENIT``, default 30 minutes).

Pure Python: no Streamlit here (``ui/masuk.py`` is the Streamlit side).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from indicators.galat import GalatDwibahasa
from indicators.io import store

Peran = Literal["admin", "editor"]
PERAN: tuple[Peran, ...] = ("admin", "editor")

ENV_SESI_MENIT = "KLA_SESI_MENIT"
ENV_TAMPILAN_PUBLIK = "KLA_TAMPILAN_PUBLIK"
SESI_MENIT_BAWAAN = 30
SANDI_MIN = 10
# Input caps checked before anything else touches the text (hashing, the limiter, the log): a valid
# name has at most 32 characters, and no one types a password of over a thousand.
NAMA_MAKS = 64
SANDI_MAKS = 1024
# Each argon2id hash takes 64 MiB for its duration: two at a time bound a burst of logins to
# 128 MiB; the rest wait their turn.
HASH_SERENTAK = 2
VERSI_BERKAS = 1

_NAMA = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
_KODE = re.compile(r"\d{2}(\.\d{2})?")
_HASHER = PasswordHasher()
_SEMAFOR_HASH = threading.BoundedSemaphore(HASH_SERENTAK)
# Verified against when the user name is unknown, so a wrong name costs as much time as a wrong
# password and the response time does not tell which names exist.
_HASH_TIRUAN = _HASHER.hash("sandi-tiruan-untuk-waktu-yang-sama")


class AkunError(GalatDwibahasa):
    """An account operation cannot go ahead; one clear line, Indonesian with an English twin."""


@dataclass(frozen=True)
class Pengguna:
    """A logged-in (or listed) user: name, role and scope (empty for an admin)."""

    nama: str
    peran: Literal["admin", "editor"]
    wilayah: tuple[str, ...]


def path_akun(db_path: Path) -> Path:
    """Return the accounts file for a database: ``data/kla.duckdb`` → ``data/kla.akun.json``.

    It sits beside the database but is not part of it, so rebuilding the data keeps the accounts.
    """
    return db_path.with_name(f"{db_path.stem}.akun.json")


def dalam_lingkup(pengguna: Pengguna, kode_wilayah: str) -> bool:
    """Whether a region code lies in the user's scope (an admin's scope is everything).

    A scope code covers itself and every code below it: ``33`` covers ``33`` and ``33.75``;
    ``33.75`` covers ``33.75`` and ``33.75.01`` but not ``33`` or ``33.26``.
    """
    if pengguna.peran == "admin":
        return True
    kode = str(kode_wilayah).strip()
    return any(kode == w or kode.startswith(w + ".") for w in pengguna.wilayah)


def label_lingkup(pengguna: Pengguna, nama: dict[str, str] | None = None, bahasa: str = "id") -> str:
    """Describe a scope for messages: ``33.75 (Kota Pekalongan)``; an admin's is "semua wilayah"."""
    if pengguna.peran == "admin":
        return "all regions" if bahasa == "en" else "semua wilayah"
    nama = nama or {}
    return ", ".join(f"{w} ({nama[w]})" if w in nama else w for w in pengguna.wilayah)


# --- the accounts file ----------------------------------------------------------------------


def _baca(path: Path) -> dict[str, dict[str, object]]:
    if not path.exists():
        return {}
    try:
        isi = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AkunError(
            f"Berkas akun {path} tidak dapat dibaca ({type(exc).__name__}); perbaiki atau pulihkan dari cadangan.",
            f"The accounts file {path} cannot be read ({type(exc).__name__}); fix it or restore a backup.",
        ) from exc
    pengguna = isi.get("pengguna") if isinstance(isi, dict) else None
    if not isinstance(pengguna, dict):
        raise AkunError(
            f"Berkas akun {path} tidak berisi daftar pengguna.", f"The accounts file {path} holds no user list."
        )
    return cast(dict[str, dict[str, object]], pengguna)


def _tulis(path: Path, pengguna: dict[str, dict[str, object]]) -> None:
    """Write the accounts atomically with mode 0600, through the store's publisher (fsync, ``os.replace``)."""
    data = json.dumps({"versi": VERSI_BERKAS, "pengguna": pengguna}, ensure_ascii=False, indent=1, sort_keys=True)
    store.tulis_atomik(path, data + "\n", mode=0o600)


def _pengguna_dari(nama: str, rekam: dict[str, object]) -> Pengguna:
    peran = rekam.get("peran")
    wilayah = rekam.get("wilayah") or []
    if peran not in PERAN or not isinstance(wilayah, list):
        raise AkunError(f"Akun '{nama}' di berkas akun rusak.", f"Account '{nama}' in the accounts file is damaged.")
    return Pengguna(nama, peran, tuple(str(w) for w in wilayah))


def _periksa_nama(nama: str) -> str:
    bersih = nama.strip().casefold()
    if not _NAMA.fullmatch(bersih):
        raise AkunError(
            f"Nama pengguna '{nama}' tidak sah; harapan: 2–32 huruf kecil, angka, titik, garis bawah atau tanda "
            "hubung, diawali huruf atau angka (mis. ana.dinkes)",
            f"User name '{nama}' is not valid; expected 2–32 lower-case letters, digits, dots, underscores or "
            "hyphens, starting with a letter or digit (e.g. ana.dinkes)",
        )
    return bersih


def _hash(sandi: str) -> str:
    """The argon2id hash of a password, at most ``HASH_SERENTAK`` at a time in this process."""
    with _SEMAFOR_HASH:
        return _HASHER.hash(sandi)


def _cocok(hash_: str, sandi: str) -> bool:
    """Whether a password matches a hash (False for a damaged hash), at most ``HASH_SERENTAK`` at a time."""
    with _SEMAFOR_HASH:
        try:
            return bool(_HASHER.verify(hash_, sandi))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def _periksa_sandi(sandi: str) -> None:
    if len(sandi) < SANDI_MIN:
        raise AkunError(
            f"Sandi terlalu pendek ({len(sandi)} karakter); harapan: minimal {SANDI_MIN} karakter.",
            f"The password is too short ({len(sandi)} characters); expected at least {SANDI_MIN}.",
        )
    if len(sandi) > SANDI_MAKS:
        raise AkunError(
            f"Sandi terlalu panjang ({len(sandi)} karakter); harapan: paling banyak {SANDI_MAKS} karakter.",
            f"The password is too long ({len(sandi)} characters); expected at most {SANDI_MAKS}.",
        )
    if sandi != sandi.strip() or "\n" in sandi:
        raise AkunError(
            "Sandi tidak boleh diawali/diakhiri spasi atau berisi baris baru.",
            "A password may not start or end with a space or contain a line break.",
        )


def _periksa_wilayah(peran: Peran, wilayah: Sequence[str], kode_sah: Iterable[str] | None) -> list[str]:
    daftar = sorted({w.strip() for w in wilayah if w.strip()})
    if peran == "admin":
        if daftar:
            raise AkunError(
                "Admin berlaku untuk semua wilayah; jangan sebutkan --wilayah untuk admin.",
                "An admin covers every region; do not give --wilayah for an admin.",
            )
        return []
    if not daftar:
        raise AkunError(
            "Editor memerlukan lingkup wilayah, mis. --wilayah 33.75 (kab/kota) atau --wilayah 33 (provinsi).",
            "An editor needs a scope, e.g. --wilayah 33.75 (regency/city) or --wilayah 33 (province).",
        )
    salah = [w for w in daftar if not _KODE.fullmatch(w)]
    sah = set(kode_sah) if kode_sah is not None else None
    if sah is not None:
        salah += [w for w in daftar if _KODE.fullmatch(w) and w not in sah]
    if salah:
        raise AkunError(
            f"Kode wilayah tidak dikenal: {', '.join(salah)}; harapan: kode Kemendagri kab/kota (mis. 33.75) atau "
            "provinsi (mis. 33)",
            f"Unknown region code(s): {', '.join(salah)}; expected a Kemendagri regency/city code (e.g. 33.75) or "
            "a province code (e.g. 33)",
        )
    return daftar


def _sekarang() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


def daftar_pengguna(path: Path) -> list[Pengguna]:
    """Return every account, sorted by name (empty when the file does not exist)."""
    return [_pengguna_dari(n, r) for n, r in sorted(_baca(path).items())]


def cari_pengguna(path: Path, nama: str) -> Pengguna | None:
    """Return one account by name (case-insensitive), or None."""
    rekam = _baca(path).get(nama.strip().casefold())
    return _pengguna_dari(nama.strip().casefold(), rekam) if rekam is not None else None


def tambah_pengguna(
    path: Path,
    nama: str,
    peran: str,
    wilayah: Sequence[str],
    sandi: str,
    *,
    kode_sah: Iterable[str] | None = None,
) -> Pengguna:
    """Add an account and return it.

    Args:
        path: the accounts file (see :func:`path_akun`).
        nama: user name (2–32 of ``a-z 0-9 . _ -``; stored lower case).
        peran: ``admin`` or ``editor``.
        wilayah: the editor's scope (kab/kota or province codes); empty for an admin.
        sandi: the password (at least ``SANDI_MIN`` characters); only its argon2id hash is stored.
        kode_sah: when given, every scope code must be one of these (the database's regions).

    Raises:
        AkunError: invalid name, role, scope or password, or the name already exists.
    """
    bersih = _periksa_nama(nama)
    if peran not in PERAN:
        raise AkunError(
            f"Peran '{peran}' tidak dikenal; harapan: admin atau editor",
            f"Unknown role '{peran}'; expected admin or editor",
        )
    peran_sah: Peran = peran
    daftar = _periksa_wilayah(peran_sah, wilayah, kode_sah)
    _periksa_sandi(sandi)
    semua = _baca(path)
    if bersih in semua:
        raise AkunError(
            f"Pengguna '{bersih}' sudah ada; ganti sandinya dengan 'kla user passwd {bersih}'.",
            f"User '{bersih}' already exists; change the password with 'kla user passwd {bersih}'.",
        )
    waktu = _sekarang()
    semua[bersih] = {
        "peran": peran_sah,
        "wilayah": daftar,
        "hash": _hash(sandi),
        "dibuat": waktu,
        "diubah": waktu,
    }
    _tulis(path, semua)
    return Pengguna(bersih, peran_sah, tuple(daftar))


def ganti_sandi(path: Path, nama: str, sandi: str) -> None:
    """Replace an account's password (only the new hash is stored).

    Raises:
        AkunError: unknown user or a password that is too short.
    """
    semua = _baca(path)
    bersih = nama.strip().casefold()
    if bersih not in semua:
        raise AkunError(f"Pengguna '{nama}' tidak ada.", f"User '{nama}' does not exist.")
    _periksa_sandi(sandi)
    semua[bersih] = {**semua[bersih], "hash": _hash(sandi), "diubah": _sekarang()}
    _tulis(path, semua)


def hapus_pengguna(path: Path, nama: str) -> None:
    """Remove an account (its past imports stay in the history under its name).

    Raises:
        AkunError: unknown user.
    """
    semua = _baca(path)
    bersih = nama.strip().casefold()
    if bersih not in semua:
        raise AkunError(f"Pengguna '{nama}' tidak ada.", f"User '{nama}' does not exist.")
    del semua[bersih]
    _tulis(path, semua)


def verifikasi(path_akun: Path, nama: str, sandi: str) -> Pengguna | None:
    """Check a name and password; return the user, or None when either is wrong.

    An unknown name is verified against a dummy hash, so it takes as long as a wrong password.
    A name over ``NAMA_MAKS`` or a password over ``SANDI_MAKS`` characters is refused before any
    hashing. A damaged or missing accounts file means nobody can log in (None), never an exception.
    """
    if len(nama) > NAMA_MAKS or len(sandi) > SANDI_MAKS:
        return None
    try:
        semua = _baca(path_akun)
    except AkunError:
        semua = {}
    bersih = nama.strip().casefold()
    rekam = semua.get(bersih)
    hash_ = rekam.get("hash") if rekam is not None else None
    if not _cocok(hash_ if isinstance(hash_, str) else _HASH_TIRUAN, sandi):
        return None
    if rekam is None or not isinstance(hash_, str):
        return None
    try:
        return _pengguna_dari(bersih, rekam)
    except AkunError:
        return None


# --- session timeout -------------------------------------------------------------------------


def menit_sesi() -> float:
    """Idle minutes before a session times out: ``$KLA_SESI_MENIT`` (default 30; invalid → 30)."""
    try:
        menit = float(os.environ.get(ENV_SESI_MENIT, SESI_MENIT_BAWAAN))
    except ValueError:
        return float(SESI_MENIT_BAWAAN)
    return menit if menit > 0 else float(SESI_MENIT_BAWAAN)


def sesi_habis(terakhir_aktif: float, sekarang: float, menit: float) -> bool:
    """Whether a session idle since ``terakhir_aktif`` (seconds) has timed out at ``sekarang``."""
    return sekarang - terakhir_aktif > menit * 60


def tampilan_publik() -> bool:
    """Whether viewing is public: ``$KLA_TAMPILAN_PUBLIK`` (default true; ``0/false/tidak/no`` → login)."""
    nilai = os.environ.get(ENV_TAMPILAN_PUBLIK, "true").strip().casefold()
    return nilai not in {"0", "false", "tidak", "no", "off"}
