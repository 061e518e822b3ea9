"""Readers share one open instance per version of the database file, and never a replaced one.

An import or a rebuild swaps a new file in with ``os.replace``; the next reader must see it at
once, a reader inside a query must finish on the version it started with, and replaced versions
must be closed (their disk space freed) when their last reader is done.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb
import pytest

from indicators.io import store


def _versi(path: Path, nilai: int) -> None:
    """Write a database holding ``nilai`` beside ``path`` and swap it in, as the builder does."""
    baru = path.with_name(f"{path.name}.baru")
    baru.unlink(missing_ok=True)
    with duckdb.connect(str(baru)) as con:
        con.execute("CREATE TABLE t AS SELECT ?::INTEGER AS x", [nilai])
    os.replace(baru, path)


def _baca(path: Path) -> int:
    with store.buka(path) as con:
        return int(con.execute("SELECT x FROM t").fetchall()[0][0])


def _fd_terbuka() -> int:
    return len(os.listdir("/proc/self/fd"))


pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux)")


def test_pembaca_melihat_versi_baru_segera(tmp_path: Path):
    db = tmp_path / "kla.duckdb"
    _versi(db, 1)
    assert _baca(db) == 1
    assert _baca(db) == 1
    _versi(db, 2)
    assert _baca(db) == 2


def test_pembaca_di_tengah_kueri_selesai_di_versi_lama(tmp_path: Path):
    db = tmp_path / "kla.duckdb"
    _versi(db, 1)
    with store.buka(db) as lama:
        assert lama.execute("SELECT x FROM t").fetchall() == [(1,)]
        _versi(db, 2)
        assert _baca(db) == 2  # a new reader sees the new file while the old one is still in use
        assert lama.execute("SELECT x FROM t").fetchall() == [(1,)]  # and the old reader its own
    assert _baca(db) == 2


def test_versi_lama_ditutup_tanpa_bocor(tmp_path: Path):
    db = tmp_path / "kla.duckdb"
    _versi(db, 0)
    _baca(db)
    awal = _fd_terbuka()
    for n in range(1, 25):
        _versi(db, n)
        assert _baca(db) == n
    assert _fd_terbuka() <= awal + 1


def test_banyak_utas_membaca_saat_berkas_diganti(tmp_path: Path):
    db = tmp_path / "kla.duckdb"
    _versi(db, 0)
    galat: list[BaseException] = []
    mundur: list[tuple[int, int]] = []
    berhenti = threading.Event()

    def pembaca() -> None:
        terakhir = -1
        try:
            while not berhenti.is_set():
                nilai = _baca(db)
                if nilai < terakhir:  # versions only move forward
                    mundur.append((terakhir, nilai))
                terakhir = nilai
        except BaseException as exc:  # reported below
            galat.append(exc)

    utas = [threading.Thread(target=pembaca) for _ in range(6)]
    for u in utas:
        u.start()
    for n in range(1, 16):
        _versi(db, n)
    berhenti.set()
    for u in utas:
        u.join(timeout=30)
    assert not galat, galat
    assert not mundur, mundur
    assert _baca(db) == 15


def test_tulis_di_proses_yang_sama_tidak_bentrok(tmp_path: Path):
    # The shared read-only version must give way to a read-write block on the same file (DuckDB
    # refuses to open a file that is attached elsewhere in the process).
    db = tmp_path / "kla.duckdb"
    _versi(db, 1)
    assert _baca(db) == 1
    with store.buka(db, read_only=False) as con:
        con.execute("UPDATE t SET x = 5")
        con.execute("CHECKPOINT")
    assert _baca(db) == 5


def test_berkas_rusak_tetap_galat_duckdb(tmp_path: Path):
    db = tmp_path / "kla.duckdb"
    db.write_bytes(b"bukan database" * 100)
    with pytest.raises(duckdb.Error, match=r"kla\.duckdb"), store.buka(db):
        pass
    baik = tmp_path / "baik.duckdb"
    _versi(baik, 7)
    assert _baca(baik) == 7  # the instance the damaged file failed to attach to is still sound


def test_instans_versi_lama_dipakai_lagi_dengan_isi_versi_baru(tmp_path: Path, instans_dibuat: list[str]):
    # A replaced version's instance is emptied and takes the next version: nothing of the old file
    # (its tables, its values) may be seen through it, and at most two emptied instances are kept.
    db = tmp_path / "kla.duckdb"
    _versi(db, 1)
    assert _baca(db) == 1
    dibuat = instans_dibuat
    for n in range(2, 8):
        baru = db.with_name("baru.duckdb")
        with duckdb.connect(str(baru)) as con:  # the new version has another table, not t
            con.execute("CREATE TABLE u AS SELECT ?::INTEGER AS y", [n])
        os.replace(baru, db)
        dibuat.clear()
        with store.buka(db) as con:
            assert con.execute("SELECT y FROM u").fetchall() == [(n,)]
            with pytest.raises(duckdb.CatalogException):
                con.execute("SELECT x FROM t")
        assert dibuat == []  # the replaced version's instance, not a new one
        db.unlink()
        _versi(db, n)
        assert _baca(db) == n
    assert len(store._cadangan) <= store._MAKS_CADANGAN
