"""The only module that opens DuckDB: connections, migrations and named SQL.

Readers take a cursor on one read-only instance shared per version of the file (see
:class:`_Generasi`). Writers never touch the live file: the builder and the import write a new
file and swap it in with ``os.replace``, so a reader never sees half a database and sees the new
version on its next query.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

SQL_DIR = Path(__file__).parent / "sql"
MIGRASI_DIR = Path(__file__).parent / "migrasi"

# Never reach for the extension server: this app runs offline, and a missing extension should
# fail at once instead of hanging on the network (docs/tech-notes §2.2).
_KONFIG: dict[str, Any] = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}

Parameter = Sequence[object] | Mapping[str, object] | None


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
    version; a replaced version closes when its last reader is done.
    """

    identitas: tuple[int, int, int, int]
    induk: duckdb.DuckDBPyConnection
    aktif: int = 0
    pensiun: bool = False


_MAKS_GENERASI = 4  # open files kept (the database, the workspace, a test's copies)
_generasi: dict[str, _Generasi] = {}
_kunci_generasi = threading.Lock()


def _identitas(path: str) -> tuple[int, int, int, int]:
    st = os.stat(path)
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def _buka_generasi(path: str, identitas: tuple[int, int, int, int]) -> _Generasi | None:
    induk = duckdb.connect(":memory:", config=_KONFIG)
    try:
        induk.execute(muat_sql("lampirkan_baca"), [path])
    except duckdb.Error:
        induk.close()
        return None  # the caller opens by name, so DuckDB's own error names the file
    return _Generasi(identitas, induk)


def _tutup_bila_selesai(generasi: _Generasi) -> None:
    if generasi.pensiun and generasi.aktif == 0:
        generasi.induk.close()


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


def terbitkan(sementara: Path, tujuan: Path) -> None:
    """Publish a finished, closed copy: fsync it, move it over ``tujuan``, fsync the folder.

    The rename is atomic, so a reader sees the old file or the new one, and after the folder's
    fsync the new one survives a power cut.
    """
    _fsync(sementara)
    os.replace(sementara, tujuan)
    _fsync(tujuan.parent)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def jeda_uji(variabel: str, tempat: str) -> None:
    """Test hook: wait ``$variabel`` seconds inside a write transaction (the kill tests use it)."""
    detik = os.environ.get(variabel)
    if detik:
        print(f"KLA_UJI: jeda di dalam transaksi {tempat}", file=sys.stderr, flush=True)
        time.sleep(float(detik))


def daftar_migrasi() -> list[tuple[int, str, Path]]:
    """Return the migration files as (version, name, path), in order."""
    hasil = []
    for path in sorted(MIGRASI_DIR.glob("*.sql")):
        versi, _, nama = path.stem.partition("_")
        hasil.append((int(versi), nama, path))
    return hasil


def versi_terbaru() -> int:
    """Return the version of the newest migration shipped with the code."""
    return max(v for v, _, _ in daftar_migrasi())


def terapkan_migrasi(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every migration not yet applied, each in its own transaction; return those applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS migrasi_skema "
        "(versi INTEGER PRIMARY KEY, nama VARCHAR NOT NULL, diterapkan_pada TIMESTAMP NOT NULL)"
    )
    sudah = {row[0] for row in con.execute("SELECT versi FROM migrasi_skema").fetchall()}
    diterapkan = []
    for versi, nama, path in daftar_migrasi():
        if versi in sudah:
            continue
        con.execute("BEGIN TRANSACTION")
        con.execute(path.read_text(encoding="utf-8"))
        con.execute("INSERT INTO migrasi_skema VALUES (?, ?, now())", [versi, nama])
        con.execute("COMMIT")
        diterapkan.append(versi)
    return diterapkan


def versi_database(db_path: Path) -> int | None:
    """Return the schema version of a database file, or None if it is missing or unreadable."""
    if not db_path.is_file():
        return None
    try:
        with buka(db_path) as con:
            row = con.execute("SELECT max(versi) FROM migrasi_skema").fetchall()
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
