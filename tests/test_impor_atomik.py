"""All or nothing against SIGKILL: an import killed mid-way leaves the database unchanged and usable."""

from __future__ import annotations

import hashlib
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from indicators.impor import terapkan as impor
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import PROYEK

BAIK = Path(__file__).parent / "data" / "impor" / "baik"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _proses(db: Path, *argumen: str, jeda: float | None = None) -> subprocess.Popen[str]:
    env = {**os.environ}
    env.pop(impor.ENV_JEDA_UJI, None)
    if jeda is not None:
        env[impor.ENV_JEDA_UJI] = str(jeda)
    return subprocess.Popen(
        [sys.executable, "-m", "indicators.cli.impor", *argumen, "--db", str(db)],
        cwd=PROYEK,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _tunggu_jeda(proses: subprocess.Popen[str], batas: float = 60) -> None:
    assert proses.stderr is not None
    akhir = time.time() + batas
    while time.time() < akhir:
        siap, _, _ = select.select([proses.stderr], [], [], 1)
        if siap:
            baris = proses.stderr.readline()
            if "KLA_UJI" in baris:
                return
            assert baris or proses.poll() is None, "the import ended before its test pause"
    pytest.fail("the import never reached its test pause")


def _skor_kota(db: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT indikator, nilai, sintetis FROM skor_indikator "
            "WHERE tahun = 2025 AND kode_wilayah = '33.75' AND tahap = 'final' ORDER BY indikator"
        ).fetchall()


@pytest.fixture
def db(db_bawaan: Path, tmp_path: Path) -> Path:
    salinan = tmp_path / "kla.duckdb"
    shutil.copyfile(db_bawaan, salinan)
    return salinan


def test_sigkill_di_dalam_transaksi_tidak_mengubah_database(db: Path):
    sebelum = _sha(db)
    skor_awal = _skor_kota(db)
    proses = _proses(db, "import", str(BAIK / "skor_baik.xlsx"), "--user", "uji", jeda=60)
    try:
        _tunggu_jeda(proses)
        # The import works on a copy beside the database; readers are not blocked meanwhile.
        assert list(db.parent.glob("kla.duckdb.impor-*"))
        assert _skor_kota(db) == skor_awal
        proses.send_signal(signal.SIGKILL)
        proses.wait(30)
    finally:
        if proses.poll() is None:
            proses.kill()
    assert proses.returncode == -signal.SIGKILL
    assert _sha(db) == sebelum
    assert store.versi_database(db) == store.versi_terbaru()
    assert _skor_kota(db) == skor_awal
    assert impor.daftar_impor(db).empty
    # Still usable: the next import succeeds and clears the killed import's copy.
    wilayah = impor.muat_wilayah(db)
    hasil = impor.periksa_berkas((BAIK / "skor_baik.xlsx").read_bytes(), "skor_baik.xlsx", katalog_bawaan(), wilayah)
    impor.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")
    assert not list(db.parent.glob("kla.duckdb.impor-*"))
    assert [n for _, n, _ in _skor_kota(db)] == [60.5, 71.0, 45.25]


def test_sigkill_saat_rollback_tidak_mengubah_database(db: Path):
    wilayah = impor.muat_wilayah(db)
    hasil = impor.periksa_berkas((BAIK / "skor_baik.csv").read_bytes(), "skor_baik.csv", katalog_bawaan(), wilayah)
    impor.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")
    sebelum = _sha(db)
    proses = _proses(db, "import", "--rollback", "1", jeda=60)
    try:
        _tunggu_jeda(proses)
        proses.send_signal(signal.SIGKILL)
        proses.wait(30)
    finally:
        if proses.poll() is None:
            proses.kill()
    assert _sha(db) == sebelum
    assert impor.daftar_impor(db)["status"].tolist() == ["berhasil"]
    impor.batalkan(db, 1, pengguna="uji")
    assert len(_skor_kota(db)) == 24


@pytest.mark.parametrize("tunda", [0.5, 1.5, 2.5, 3.5])
def test_sigkill_kapan_saja_semua_atau_tidak_sama_sekali(db: Path, tunda: float):
    sebelum = _sha(db)
    proses = _proses(db, "import", str(BAIK / "skor_baik.csv"), "--user", "uji")
    time.sleep(tunda)
    proses.send_signal(signal.SIGKILL)
    proses.wait(30)
    skor = _skor_kota(db)
    if _sha(db) == sebelum:
        assert len(skor) == 24
        assert all(s for _, _, s in skor)
    else:  # the import had finished: all of it landed
        assert [n for _, n, _ in skor] == [60.5, 71.0, 45.25]
        assert impor.daftar_impor(db)["status"].tolist() == ["berhasil"]
