"""The only module that opens DuckDB, and the one write path of every file the app keeps.

Readers take a cursor on one read-only instance shared per version of the file (see
:class:`_Generasi`).

Writers never touch the live file. The one write path is here:

- :func:`kunci`: the exclusive file lock (``.kla-<name>.lock`` beside the target) that serialises
  the writers of one file across processes (the builder, imports, workspace writes);
- :func:`salinan_kerja`: copy the file beside itself, apply migrations, run one write transaction
  on the copy, CHECKPOINT, close and publish it (the import and the Gugus Tugas workspace);
- :func:`terbitkan`: the publisher every writer ends with: fsync the finished copy, move it over
  the target with ``os.replace``, fsync the folder. A reader sees the old file or the new one,
  never half of one, and sees the new version on its next query; a writer killed at any point
  leaves the old file as it was. Database writers keep the file they replace as a version
  (``<name>.versi-<time>``, the last :data:`SIMPAN_VERSI`), so a bad write can be undone;
- :func:`tulis_atomik`: small files (the accounts JSON) through the same publisher;
- :func:`terapkan_migrasi`: the one migration runner, for any folder of numbered migrations.

A file is never overwritten because it could not be read: :func:`periksa_database` tells a file
locked by another program (leave it alone) from a damaged one, :func:`karantina` moves a damaged
file aside (``<name>.rusak-<time>``, never deleted) and :func:`pulihkan` puts a kept version back.
Each of these is logged (:func:`catat_peristiwa`: Python logging and ``<name>.log`` beside the file).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import glob
import logging
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import duckdb
import pandas as pd

SQL_DIR = Path(__file__).parent / "sql"
MIGRASI_DIR = Path(__file__).parent / "migrasi"  # the KLA database
MIGRASI_GUGUS_DIR = Path(__file__).parent / "migrasi_gugus"  # the Gugus Tugas workspace

# Never reach for the extension server: this app runs offline, and a missing extension should
# fail at once instead of hanging on the network.
_KONFIG: dict[str, Any] = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}

Parameter = Sequence[object] | Mapping[str, object] | None

log = logging.getLogger(__name__)

SIMPAN_VERSI = 3
"""How many replaced versions of a database file are kept beside it (``<name>.versi-<time>``)."""


@cache
def muat_sql(nama: str) -> str:
    """Return the text of the named query ``indicators/io/sql/<nama>.sql``."""
    path = SQL_DIR / f"{nama}.sql"
    if not path.is_file():
        raise FileNotFoundError(f"query SQL '{nama}' tidak ada ({path})")
    return path.read_text(encoding="utf-8")


@dataclass
class _Generasi:
    """One version of a database file (one inode), held open read-only for the readers.

    Opening DuckDB costs about 30 ms, more than most page queries, so readers share one open
    instance per file version and each takes its own cursor (cursors are safe across threads).
    Each version is an in-memory instance that ATTACHes the file: DuckDB caches instances opened
    by file name and would hand a reader the version an import has just replaced, while an
    attached file is pinned to the inode it opened. Readers still inside a query finish on their
    version; a replaced version is detached when its last reader is done, and its instance kept
    for the next version (see :data:`_MAKS_CADANGAN`).
    """

    identitas: tuple[int, int, int, int]
    induk: duckdb.DuckDBPyConnection
    aktif: int = 0
    pensiun: bool = False


_MAKS_GENERASI = 4  # open files kept (the database, the workspace, a test's copies)
_MAKS_CADANGAN = 2
"""Emptied instances kept for the next version: making an instance costs about 11 ms and closing
one 2-3 ms, attaching a file to a kept one 3 ms and detaching it under 1 ms (national file)."""
_generasi: dict[str, _Generasi] = {}
_cadangan: list[duckdb.DuckDBPyConnection] = []
_kunci_generasi = threading.Lock()


def _identitas(path: str) -> tuple[int, int, int, int]:
    st = os.stat(path)
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def _buka_generasi(path: str, identitas: tuple[int, int, int, int]) -> _Generasi | None:
    induk = _cadangan.pop() if _cadangan else duckdb.connect(":memory:", config=_KONFIG)
    try:
        induk.execute(muat_sql("lampirkan_baca"), [path])
    except duckdb.Error:
        _simpan_atau_tutup(induk)  # nothing was attached: the instance is still empty
        return None  # the caller opens by name, so DuckDB's own error names the file
    return _Generasi(identitas, induk)


def _simpan_atau_tutup(induk: duckdb.DuckDBPyConnection) -> None:
    if len(_cadangan) < _MAKS_CADANGAN:
        _cadangan.append(induk)
    else:
        induk.close()


def _tutup_bila_selesai(generasi: _Generasi) -> None:
    """Detach a replaced version once its last reader is done (its file is then free)."""
    if not (generasi.pensiun and generasi.aktif == 0):
        return
    try:
        generasi.induk.execute(muat_sql("lepas_lampiran"))
    except duckdb.Error:  # an instance that cannot be emptied is not kept
        generasi.induk.close()
        return
    _simpan_atau_tutup(generasi.induk)


def _pensiunkan(path: str) -> None:
    generasi = _generasi.pop(path, None)
    if generasi is not None:
        generasi.pensiun = True
        _tutup_bila_selesai(generasi)


def _ambil_kursor(db_path: Path) -> tuple[_Generasi, duckdb.DuckDBPyConnection] | None:
    """A cursor on the current version of the file, or None when it cannot be shared."""
    path = os.path.abspath(db_path)
    # Our files are checkpointed before they are swapped in; a file with a write-ahead log was
    # written some other way, and is opened by name as before.
    if os.path.exists(path + ".wal"):
        return None
    try:
        identitas = _identitas(path)
    except OSError:
        return None
    with _kunci_generasi:
        generasi = _generasi.get(path)
        if generasi is None or generasi.identitas != identitas:
            _pensiunkan(path)
            baru = _buka_generasi(path, identitas)
            if baru is None:
                return None
            generasi = _generasi[path] = baru
            while len(_generasi) > _MAKS_GENERASI:
                _pensiunkan(next(iter(_generasi)))
        else:
            _generasi[path] = _generasi.pop(path)  # most recently used last
        kursor = generasi.induk.cursor()
        generasi.aktif += 1
    try:
        kursor.execute(muat_sql("pakai_lampiran"))
    except BaseException:
        kursor.close()
        _lepas(generasi)
        raise
    return generasi, kursor


def _lepas(generasi: _Generasi) -> None:
    with _kunci_generasi:
        generasi.aktif -= 1
        _tutup_bila_selesai(generasi)


@contextmanager
def buka(db_path: Path, *, read_only: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the database file and close it when the block ends.

    Read-only blocks share the open version of the file (see :class:`_Generasi`); a read-write
    block (only ever on a private copy being built) has its own connection.
    """
    bersama = _ambil_kursor(db_path) if read_only else None
    if bersama is None:
        if not read_only:
            with _kunci_generasi:
                _pensiunkan(os.path.abspath(db_path))  # DuckDB refuses a file attached elsewhere
        con = duckdb.connect(str(db_path), read_only=read_only, config=_KONFIG)
        try:
            yield con
        finally:
            con.close()
        return
    generasi, kursor = bersama
    try:
        yield kursor
    finally:
        kursor.close()
        _lepas(generasi)


# --- writing ----------------------------------------------------------------------------------


@contextmanager
def kunci(path: Path) -> Iterator[None]:
    """Hold the exclusive lock of ``path`` for the block: one writer of a file at a time.

    The lock is an ``flock`` on ``.kla-<name>.lock`` beside ``path`` (created with its folder when
    missing), so every process writing the file (dashboard sessions, the CLI) waits for the one
    holding it, and the operating system releases it when a holder dies. Not re-entrant: a
    process that already holds it must not take it again.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f".kla-{path.name}.lock", "w") as berkas:
        fcntl.flock(berkas, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(berkas, fcntl.LOCK_UN)


def terbitkan(sementara: Path, tujuan: Path, *, simpan: int = 0) -> Path | None:
    """Publish a finished, closed copy: fsync it, move it over ``tujuan``, fsync the folder.

    The rename is atomic, so a reader sees the old file or the new one, and after the folder's
    fsync the new one survives a power cut. With ``simpan`` above 0 the file being replaced is
    kept as ``<name>.versi-<time>`` (a hard link taken before the swap, so there is no moment
    without a file and nothing is copied) and only the newest ``simpan`` versions stay. Returns
    the version kept, or None.
    """
    _fsync(sementara)
    versi = _simpan_versi(tujuan) if simpan > 0 else None
    os.replace(sementara, tujuan)
    _fsync(tujuan.parent)
    if versi is not None:
        for lama in versi_tersimpan(tujuan)[simpan:]:
            lama.unlink(missing_ok=True)
    return versi


def _nama_samping(tujuan: Path, jenis: str) -> Path:
    """A free name ``<name>.<jenis>-<local time to the microsecond>`` beside ``tujuan``; names sort by age."""
    while True:
        calon = tujuan.with_name(f"{tujuan.name}.{jenis}-{dt.datetime.now():%Y%m%d-%H%M%S-%f}")
        if not calon.exists():
            return calon


def _simpan_versi(tujuan: Path) -> Path | None:
    """Keep the current ``tujuan`` (when there is one) under a new version name; return that name."""
    if not tujuan.is_file():
        return None
    versi = _nama_samping(tujuan, "versi")
    try:
        os.link(tujuan, versi)
    except OSError:  # a filesystem without hard links: a copy keeps the version just as well
        shutil.copyfile(tujuan, versi)
    return versi


def versi_tersimpan(tujuan: Path) -> list[Path]:
    """The kept versions of ``tujuan`` (``<name>.versi-<time>``), newest first."""
    pola = f"{glob.escape(tujuan.name)}.versi-*"
    return sorted((p for p in tujuan.parent.glob(pola) if p.suffix != ".wal"), reverse=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def tulis_atomik(tujuan: Path, isi: str | bytes, *, mode: int = 0o666) -> None:
    """Write a small file all at once: a temporary file beside it, then :func:`terbitkan`.

    Text is written as UTF-8. The new file is created with ``mode`` (less the umask), so a
    private file such as the accounts stays private from its first byte. The folder is created
    when missing.
    """
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    data = isi.encode("utf-8") if isinstance(isi, str) else isi
    sementara = tujuan.with_name(f"{tujuan.name}.tmp-{os.getpid()}")
    try:
        fd = os.open(sementara, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "wb") as berkas:
            berkas.write(data)
        terbitkan(sementara, tujuan)
    finally:
        sementara.unlink(missing_ok=True)


def jeda_uji(variabel: str, tempat: str) -> None:
    """Test hook: wait ``$variabel`` seconds inside a write transaction (the kill tests use it)."""
    detik = os.environ.get(variabel)
    if detik:
        print(f"KLA_UJI: jeda di dalam transaksi {tempat}", file=sys.stderr, flush=True)
        time.sleep(float(detik))


@dataclass
class SalinanKerja:
    """An open write on a private copy: its connection, and whether the copy is to be published.

    A writer that finds nothing to change sets ``terbit`` to False: the transaction is then
    rolled back and the file is left alone (not even created).
    """

    con: duckdb.DuckDBPyConnection
    terbit: bool = True


def _salin(tujuan: Path, sementara: Path, *, wal: bool) -> None:
    """Copy ``tujuan`` (when it exists) and, with ``wal``, its write-ahead log to ``sementara``."""
    if tujuan.is_file():
        shutil.copyfile(tujuan, sementara)
    log_tulis = tujuan.with_name(tujuan.name + ".wal")
    if wal and log_tulis.exists():
        shutil.copyfile(log_tulis, sementara.with_name(sementara.name + ".wal"))


@contextmanager
def salinan_kerja(
    tujuan: Path,
    *,
    akhiran: str,
    jeda: str,
    tempat: str,
    migrasi: Path = MIGRASI_DIR,
    buku: str = "migrasi_skema",
    periksa: Callable[[], None] | None = None,
    wal: bool = False,
    simpan: int = SIMPAN_VERSI,
) -> Iterator[SalinanKerja]:
    """Under :func:`kunci`, yield one write transaction on a fresh copy of ``tujuan``, then publish it.

    In order: remove copies left by killed writers (``<name>.<akhiran>-*``; we hold the lock),
    run ``periksa`` (checks that must see the file as the lock leaves it; it raises to refuse),
    copy the file to ``<name>.<akhiran>-<pid>`` (a missing file starts empty; with ``wal`` its
    write-ahead log is copied too), apply the migrations of ``migrasi`` (ledger table ``buku``),
    open the transaction and yield. When the block ends without error and ``terbit`` is still
    set: the test pause ``jeda_uji(jeda, tempat)``, COMMIT, CHECKPOINT, close and
    :func:`terbitkan`, which keeps the replaced file as one of the last ``simpan`` versions. On an
    error, or with ``terbit`` unset, ``tujuan`` is untouched; the copy is removed (a killed
    writer's copy is removed by the next writer).
    """
    with kunci(tujuan):
        for basi in tujuan.parent.glob(f"{tujuan.name}.{akhiran}-*"):
            basi.unlink(missing_ok=True)
        if periksa is not None:
            periksa()
        sementara = tujuan.with_name(f"{tujuan.name}.{akhiran}-{os.getpid()}")
        try:
            _salin(tujuan, sementara, wal=wal)
            with buka(sementara, read_only=False) as con:
                terapkan_migrasi(con, migrasi, buku=buku)
                con.execute("BEGIN TRANSACTION")
                salinan = SalinanKerja(con)
                yield salinan
                if salinan.terbit:
                    jeda_uji(jeda, tempat)
                    con.execute("COMMIT")
                    con.execute("CHECKPOINT")
                else:
                    con.execute("ROLLBACK")
            if salinan.terbit:
                terbitkan(sementara, tujuan, simpan=simpan)
        finally:
            sementara.unlink(missing_ok=True)
            sementara.with_name(sementara.name + ".wal").unlink(missing_ok=True)


# --- migrations -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Buku:
    """The statements of one ledger of applied migrations (create, list versions, record one)."""

    buat: str
    sudah: str
    catat: str


def _buku(nama: str) -> _Buku:
    """The ledger ``nama``: each file kind keeps its own (a table name cannot be a bound parameter).

    ``migrasi_skema`` is the KLA database's (read by :func:`versi_database`), ``migrasi_gugus``
    the Gugus Tugas workspace's.
    """
    if nama == "migrasi_skema":
        return _Buku(
            "CREATE TABLE IF NOT EXISTS migrasi_skema "
            "(versi INTEGER PRIMARY KEY, nama VARCHAR NOT NULL, diterapkan_pada TIMESTAMP NOT NULL)",
            "SELECT versi FROM migrasi_skema",
            "INSERT INTO migrasi_skema VALUES ($versi, $nama, now())",
        )
    if nama == "migrasi_gugus":
        return _Buku(muat_sql("gugus_migrasi_buat"), muat_sql("gugus_migrasi_sudah"), muat_sql("gugus_migrasi_catat"))
    raise ValueError(f"buku migrasi tidak dikenal: {nama!r} (expected migrasi_skema or migrasi_gugus)")


def daftar_migrasi(folder: Path = MIGRASI_DIR) -> list[tuple[int, str, Path]]:
    """Return the migration files of ``folder`` (``NNN_name.sql``) as (version, name, path), in order."""
    hasil = []
    for path in sorted(folder.glob("*.sql")):
        versi, _, nama = path.stem.partition("_")
        hasil.append((int(versi), nama, path))
    return hasil


def versi_terbaru(folder: Path = MIGRASI_DIR) -> int:
    """Return the version of the newest migration of ``folder`` shipped with the code."""
    return max(v for v, _, _ in daftar_migrasi(folder))


def terapkan_migrasi(
    con: duckdb.DuckDBPyConnection, folder: Path = MIGRASI_DIR, *, buku: str = "migrasi_skema"
) -> list[int]:
    """Apply every migration of ``folder`` not yet in the ledger ``buku``; return those applied.

    Each migration runs in its own transaction together with its ledger row, so a migration is
    either applied and recorded or neither. Call it outside a transaction.
    """
    sql = _buku(buku)
    con.execute(sql.buat)
    sudah = {int(row[0]) for row in con.execute(sql.sudah).fetchall()}
    diterapkan = []
    for versi, nama, path in daftar_migrasi(folder):
        if versi in sudah:
            continue
        con.execute("BEGIN TRANSACTION")
        con.execute(path.read_text(encoding="utf-8"))
        con.execute(sql.catat, {"versi": versi, "nama": nama})
        con.execute("COMMIT")
        diterapkan.append(versi)
    return diterapkan


# --- queries ----------------------------------------------------------------------------------


def versi_database(db_path: Path) -> int | None:
    """Return the schema version of a database file, or None if it is missing or unreadable."""
    if not db_path.is_file():
        return None
    try:
        with buka(db_path) as con:
            row = con.execute(muat_sql("versi_skema")).fetchall()
    except duckdb.Error:
        return None
    return int(row[0][0]) if row and row[0][0] is not None else None


def kueri(db_path: Path, nama: str, parameter: Parameter = None) -> pd.DataFrame:
    """Run the named query read-only with bound parameters and return a DataFrame."""
    with buka(db_path) as con:
        return con.execute(muat_sql(nama), parameter).df()


def kueri_con(con: duckdb.DuckDBPyConnection, nama: str, parameter: Parameter = None) -> pd.DataFrame:
    """Run the named query on an open connection with bound parameters."""
    return con.execute(muat_sql(nama), parameter).df()


# --- the state of a database file: locked, damaged, kept versions --------------------------------

JenisBerkas = Literal["hilang", "siap", "rusak", "terkunci", "tak_terbuka"]

# What DuckDB says when another process holds the file read-write, and when the file is damaged.
# Anything else (no permission, a newer storage format, ...) is neither: the file is left alone.
_TANDA_KUNCI = ("Could not set lock on file", "Conflicting lock is held")
_TANDA_RUSAK = (
    "not a valid DuckDB database file",
    "Could not read enough bytes",
    "Corrupt database file",
    "does not match stored checksum",
)
_PEMEGANG = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")
_BERKAS = re.compile(r'file "(?P<path>[^"]+)"')
# DuckDB's storage layout: the file header and two database headers of 4 KiB come before block 0.
_AWAL_BLOK = 3 * 4096


@dataclass(frozen=True)
class KeadaanBerkas:
    """What :func:`periksa_database` found.

    ``jenis``: ``hilang`` (no file), ``siap`` (a readable KLA database of schema ``versi``),
    ``rusak`` (damaged, truncated or not a KLA database), ``terkunci`` (another process holds it
    read-write) or ``tak_terbuka`` (it cannot be opened for another reason). ``galat`` is what is
    wrong, in DuckDB's words when it said so.
    """

    jenis: JenisBerkas
    versi: int | None = None
    galat: str = ""


def jenis_galat(exc: BaseException) -> Literal["terkunci", "rusak"] | None:
    """Whether a DuckDB error means the file is held by another process or damaged (None: neither)."""
    if not isinstance(exc, duckdb.Error):
        return None
    teks = str(exc)
    if any(tanda in teks for tanda in _TANDA_KUNCI):
        return "terkunci"
    if any(tanda in teks for tanda in _TANDA_RUSAK):
        return "rusak"
    return None


def pemegang_kunci(galat: str) -> str | None:
    """The program and process that hold a locked file (``duckdb (PID 4242)``), from DuckDB's message."""
    cocok = _PEMEGANG.search(galat)
    return f"{Path(cocok['program']).name} (PID {cocok['pid']})" if cocok else None


def berkas_dalam_galat(galat: str) -> Path | None:
    """The file a DuckDB error message names (a lock or a damaged file), or None when it names none."""
    cocok = _BERKAS.search(galat)
    return Path(cocok["path"]) if cocok else None


def periksa_database(db_path: Path, *, bersama: bool = False) -> KeadaanBerkas:
    """Open the KLA database file read-only on its own instance and say what state it is in.

    Nothing is written and the shared readers are not disturbed. A file shorter than the blocks
    in use was truncated, even when its first tables still read. (The header's total also counts
    free blocks that a checkpoint may have cut off the end: a sound file after a rollback.)

    ``bersama``: check on the shared reader of this version of the file (:class:`_Generasi`, its
    own in-memory instance), the one the pages read next, instead of a new instance: a DuckDB
    instance costs about 15 ms to make and close, paid on every data change by every server
    process. When the file cannot be shared (a write-ahead log beside it, held by a writer,
    unreadable), the check runs on its own instance as without ``bersama``.
    """
    if not db_path.exists():
        return KeadaanBerkas("hilang")
    ambil = _ambil_kursor(db_path) if bersama else None
    if ambil is not None:
        generasi, kursor = ambil
        try:
            return _keadaan(kursor, db_path)
        finally:
            kursor.close()
            _lepas(generasi)
    con = duckdb.connect(":memory:", config=_KONFIG)
    try:
        con.execute(muat_sql("lampirkan_baca"), [str(db_path)])
        con.execute(muat_sql("pakai_lampiran"))
        return _keadaan(con, db_path)
    except duckdb.Error as exc:
        return KeadaanBerkas(jenis_galat(exc) or "tak_terbuka", galat=f"{type(exc).__name__}: {exc}")
    finally:
        con.close()


def _keadaan(con: duckdb.DuckDBPyConnection, db_path: Path) -> KeadaanBerkas:
    """The state of the database file attached (and in use) on ``con``: see :func:`periksa_database`."""
    try:
        ada_buku = bool(con.execute(muat_sql("periksa_buku_skema")).fetchall()[0][0])
        versi = con.execute(muat_sql("versi_skema")).fetchall()[0][0] if ada_buku else None
        blok, ukuran_blok = con.execute(muat_sql("periksa_ukuran_berkas")).fetchall()[0]
        ukuran = os.stat(db_path).st_size
    except (duckdb.Error, OSError) as exc:
        return KeadaanBerkas(jenis_galat(exc) or "tak_terbuka", galat=f"{type(exc).__name__}: {exc}")
    if not ada_buku:
        return KeadaanBerkas("rusak", galat="tabel migrasi_skema tidak ada: bukan database KLA (not a KLA database)")
    harus = _AWAL_BLOK + int(blok) * int(ukuran_blok)
    if ukuran < harus:
        return KeadaanBerkas("rusak", galat=f"berkas terpotong (truncated): {ukuran} bita, seharusnya ≥ {harus}")
    return KeadaanBerkas("siap", versi=int(versi) if versi is not None else 0)


def versi_baik_terakhir(tujuan: Path) -> Path | None:
    """The newest kept version of ``tujuan`` that is a readable KLA database, or None."""
    return next((v for v in versi_tersimpan(tujuan) if periksa_database(v).jenis == "siap"), None)


def catat_peristiwa(tujuan: Path, teks: str, *, tingkat: int = logging.WARNING) -> None:
    """Record a rebuild, migration, quarantine or restore of ``tujuan`` (logging and ``<name>.log``).

    The line in ``<name>.log`` beside the file is where an administrator finds what happened
    without the server's log.
    """
    log.log(tingkat, "%s: %s", tujuan, teks)
    try:
        with open(tujuan.with_name(f"{tujuan.name}.log"), "a", encoding="utf-8") as berkas:
            berkas.write(f"{dt.datetime.now().isoformat(timespec='seconds')} {teks}\n")
    except OSError:
        log.exception("catatan %s tidak dapat ditulis (log file not writable)", tujuan)


def karantina(tujuan: Path, alasan: str) -> Path:
    """Move the damaged ``tujuan`` (and its write-ahead log) aside to ``<name>.rusak-<time>``; return it.

    Never deleted: whatever it still holds can be recovered from there. The caller holds :func:`kunci`.
    """
    rusak = _nama_samping(tujuan, "rusak")
    os.replace(tujuan, rusak)
    log_tulis = tujuan.with_name(f"{tujuan.name}.wal")
    if log_tulis.exists():
        os.replace(log_tulis, rusak.with_name(f"{rusak.name}.wal"))
    _fsync(tujuan.parent)
    catat_peristiwa(tujuan, f"karantina (quarantined): {tujuan.name} rusak, dipindah ke {rusak.name}; {alasan}")
    return rusak


def pulihkan(tujuan: Path, versi: Path) -> Path | None:
    """Put the kept version ``versi`` back as ``tujuan`` through :func:`terbitkan`.

    ``versi`` itself stays among the versions; the file it replaces (if any) is kept as the
    newest version, so a restore can be undone the same way. Returns that version, or None.
    The caller holds :func:`kunci` and has moved a damaged ``tujuan`` aside first.
    """
    for basi in tujuan.parent.glob(f"{glob.escape(tujuan.name)}.pulih-*"):  # a killed restore's copy
        basi.unlink(missing_ok=True)
    sementara = tujuan.with_name(f"{tujuan.name}.pulih-{os.getpid()}")
    try:
        shutil.copyfile(versi, sementara)
        disimpan = terbitkan(sementara, tujuan, simpan=SIMPAN_VERSI)
    finally:
        sementara.unlink(missing_ok=True)
    lama = f"; yang diganti disimpan sebagai {disimpan.name}" if disimpan else ""
    catat_peristiwa(tujuan, f"dipulihkan (restored): {tujuan.name} dari {versi.name}{lama}")
    return disimpan
