"""Login throttling kept on disk beside the accounts: growing delays per name and client address.

**Why on disk.** The dashboard once counted failures in ``st.cache_resource``, which any anonymous
client empties with one ``clear_cache`` message, and in session state, which a new tab leaves
behind. The counts now live in a small JSON file beside the accounts file (:func:`path_batas`),
written atomically through :func:`indicators.io.store.tulis_atomik` under the store's file lock,
so neither a cleared cache, a new session nor a server restart forgets them.

**Delays, not locks.** A hard lock on a name after a few failures lets anyone lock a known user
out (a lockout attack). Instead, every attempt counts against three scopes, each with its own
free allowance and a delay that doubles with every further attempt (:class:`Aturan`):

- the name from this client address (``na``): 3 free, then 1 s, 2 s, 4 s … up to 15 minutes;
- the client address over every name (``a``): looser, 20 free, then the same doubling;
- the name from every address (``n``): 10 free, then at most 30 s. This is the only part an
  attacker elsewhere can impose on a user: a small, bounded wait, never a lock.

An attempt is counted *before* its password is checked (:meth:`PembatasMasuk.mulai`), so parallel
attempts cannot slip through one free slot together; a correct password takes its count back.

**Bounded.** Keys are 16 hex digits of a SHA-256 (a name of any length costs 16 bytes, and the
file never names anyone); entries idle for ``LUPA_DETIK`` are dropped, and at most ``MAKS_ENTRI``
(the most recent) are kept. Names longer than ``NAMA_MAKS`` never reach this module:
:func:`coba_masuk` refuses them first.

Pure Python: no Streamlit here (``ui/masuk.py`` is the Streamlit side).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from indicators.akun.pengguna import NAMA_MAKS, SANDI_MAKS, Pengguna, verifikasi
from indicators.io import store

log = logging.getLogger(__name__)

Lingkup = Literal["na", "a", "n"]
Alasan = Literal["masuk", "kosong", "terlalu_panjang", "tunggu", "salah"]

VERSI_BERKAS = 1
LUPA_DETIK = 24 * 3600
MAKS_ENTRI = 10_000
ALAMAT_LOKAL = "lokal"


@dataclass(frozen=True)
class Aturan:
    """One scope's rule: ``bebas`` attempts without delay, then ``awal`` seconds doubling up to ``maks``."""

    bebas: int
    awal: float
    maks: float

    def tunda(self, percobaan: int) -> float:
        """Seconds to wait after ``percobaan`` counted attempts before the next one."""
        if percobaan < self.bebas:
            return 0.0
        return min(self.maks, self.awal * 2.0 ** min(percobaan - self.bebas, 30))


ATURAN: dict[Lingkup, Aturan] = {
    "na": Aturan(bebas=3, awal=1.0, maks=15 * 60.0),
    "a": Aturan(bebas=20, awal=1.0, maks=15 * 60.0),
    "n": Aturan(bebas=10, awal=1.0, maks=30.0),
}


def path_batas(path_akun: Path) -> Path:
    """The throttle file beside an accounts file: ``data/kla.akun.json`` → ``data/kla.akun.json.masuk``."""
    return path_akun.with_name(path_akun.name + ".masuk")


def _sidik(*bagian: str) -> str:
    teks = "\0".join(bagian).encode("utf-8", "surrogatepass")
    return hashlib.sha256(teks).hexdigest()[:16]


def sidik_nama(nama: str) -> str:
    """A short fingerprint of a typed user name for the server log (8 hex digits of its SHA-256).

    A password typed into the name field must never land in the log; the fingerprint still lets
    an admin match repeated attempts on one name (``sidik_nama("ana")`` in a Python shell).
    """
    return hashlib.sha256(nama.strip().casefold().encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _kunci(nama: str, alamat: str) -> dict[Lingkup, str]:
    bersih = nama.strip().casefold()
    return {"na": _sidik("na", bersih, alamat), "a": _sidik("a", alamat), "n": _sidik("n", bersih)}


def _jam() -> float:
    return time.time()


class PembatasMasuk:
    """Failed-login throttle stored in one file (see the module docstring); holds no counts itself.

    Two instances on the same file share everything, whatever cache or process made them.
    ``jam`` (wall-clock seconds) is injectable for tests.
    """

    def __init__(self, path: Path, jam: Callable[[], float] | None = None) -> None:
        self.path = path
        self._jam = jam or _jam

    def _baca(self) -> dict[str, list[float]]:
        try:
            isi = json.loads(self.path.read_text(encoding="utf-8"))
            data = isi["gagal"]
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError):
            # A damaged throttle file must not stop every login; the next write replaces it.
            log.warning("berkas batas masuk %s rusak; dimulai kosong (damaged throttle file)", self.path)
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            str(k): [float(v[0]), float(v[1])]
            for k, v in data.items()
            if isinstance(v, list) and len(v) == 2 and all(isinstance(x, int | float) for x in v)
        }

    def _tulis(self, data: dict[str, list[float]], sekarang: float) -> None:
        segar = {k: v for k, v in data.items() if sekarang - v[1] < LUPA_DETIK and v[0] > 0}
        if len(segar) > MAKS_ENTRI:
            terbaru = sorted(segar.items(), key=lambda kv: kv[1][1], reverse=True)[:MAKS_ENTRI]
            segar = dict(terbaru)
        teks = json.dumps({"versi": VERSI_BERKAS, "gagal": segar}, separators=(",", ":"), sort_keys=True)
        store.tulis_atomik(self.path, teks + "\n", mode=0o600)

    def _sisa(self, data: dict[str, list[float]], kunci: dict[Lingkup, str], sekarang: float) -> float:
        sisa = 0.0
        for lingkup, k in kunci.items():
            rekam = data.get(k)
            if rekam is not None:
                sisa = max(sisa, rekam[1] + ATURAN[lingkup].tunda(int(rekam[0])) - sekarang)
        return sisa

    def sisa(self, nama: str, alamat: str) -> float:
        """Seconds before ``nama`` may be tried again from ``alamat`` (0: now)."""
        return self._sisa(self._baca(), _kunci(nama, alamat), self._jam())

    def mulai(self, nama: str, alamat: str) -> float:
        """Start an attempt: the seconds still to wait (nothing counted), or 0 with the attempt counted.

        The check and the count happen under one file lock, so two parallel attempts never share
        one free slot. A correct password then takes its count back (:meth:`berhasil`).
        """
        kunci = _kunci(nama, alamat)
        with store.kunci(self.path):
            data, sekarang = self._baca(), self._jam()
            sisa = self._sisa(data, kunci, sekarang)
            if sisa > 0:
                return sisa
            for k in kunci.values():
                data[k] = [data.get(k, [0.0, 0.0])[0] + 1, sekarang]
            self._tulis(data, sekarang)
        return 0.0

    def berhasil(self, nama: str, alamat: str) -> None:
        """A correct password: forget this name from this address and take the attempt back elsewhere."""
        kunci = _kunci(nama, alamat)
        with store.kunci(self.path):
            data, sekarang = self._baca(), self._jam()
            data.pop(kunci["na"], None)
            for lingkup in ("a", "n"):
                rekam = data.get(kunci[lingkup])
                if rekam is not None:
                    rekam[0] -= 1
            self._tulis(data, sekarang)


@dataclass(frozen=True)
class HasilMasuk:
    """The outcome of one login attempt: why, the user on success, the wait when throttled."""

    alasan: Alasan
    pengguna: Pengguna | None = None
    tunggu: float = 0.0


def coba_masuk(path_akun: Path, nama: str, sandi: str, alamat: str | None) -> HasilMasuk:
    """Try one login from a client address (None: this machine), in the only safe order.

    1. Length caps (``NAMA_MAKS``, ``SANDI_MAKS``) before anything else reads the text.
    2. Empty fields.
    3. The throttle (:class:`PembatasMasuk` on :func:`path_batas`), which counts the attempt.
    4. The password (argon2id, at most ``pengguna.HASH_SERENTAK`` at a time).

    The log names a failed user name only by :func:`sidik_nama`, never verbatim.

    Raises:
        OSError: the throttle file cannot be written (no login is possible then).
    """
    if len(nama) > NAMA_MAKS or len(sandi) > SANDI_MAKS:
        log.warning("login ditolak: %d karakter nama, %d sandi (input too long)", len(nama), len(sandi))
        return HasilMasuk("terlalu_panjang")
    if not nama.strip() or not sandi:
        return HasilMasuk("kosong")
    dari = alamat or ALAMAT_LOKAL
    pembatas = PembatasMasuk(path_batas(path_akun))
    sisa = pembatas.mulai(nama, dari)
    if sisa > 0:
        log.warning("login ditahan %.0f s untuk nama #%s dari %s (throttled)", sisa, sidik_nama(nama), dari)
        return HasilMasuk("tunggu", tunggu=sisa)
    pengguna = verifikasi(path_akun, nama, sandi)
    if pengguna is None:
        log.warning("login gagal untuk nama #%s dari %s (failed login)", sidik_nama(nama), dari)
        return HasilMasuk("salah")
    pembatas.berhasil(nama, dari)
    return HasilMasuk("masuk", pengguna)
