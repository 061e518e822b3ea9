"""The only module that opens DuckDB: connections, migrations and named SQL.

Readers open the file read-only with a short-lived connection per call (DuckDB allows one
writing process, and a reader blocks a writer), so the builder writes a new file and swaps it
in with ``os.replace``; a reader never sees half a database.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
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


@contextmanager
def buka(db_path: Path, *, read_only: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the database file and close it when the block ends."""
    con = duckdb.connect(str(db_path), read_only=read_only, config=_KONFIG)
    try:
        yield con
    finally:
        con.close()


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
