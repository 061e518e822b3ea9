"""All or nothing against SIGKILL: an import or a rollback killed inside its transaction (at its test pause,
KLA_UJI_JEDA_IMPOR, never at a random moment) leaves the database unchanged and usable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from indicators.impor import terapkan as impor
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import PROYEK
from tests.conftest import bunuh_saat_jeda, jeda_lalu_bunuh, sha_berkas

BAIK = Path(__file__).parents[1] / "data" / "impor" / "baik"
# Seconds an import pauses inside its transaction (KLA_UJI_JEDA_IMPOR); it is killed there long before.
JEDA = 300


def _proses(db: Path, *argumen: str, jeda: float | None = None) -> subprocess.Popen[str]:
    """``kla import`` on ``db`` in a child process; with ``jeda``, it pauses that long inside its transaction."""
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


def _terapkan(db: Path, berkas: str) -> None:
    """Import ``berkas`` in this process, as the page or the CLI would."""
    hasil = impor.periksa_berkas((BAIK / berkas).read_bytes(), berkas, katalog_bawaan(), impor.muat_wilayah(db))
    assert hasil.sah, [m.teks() for m in hasil.masalah]
    impor.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")


def _skor_kota(db: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT indikator, nilai, sintetis FROM skor_indikator "
            "WHERE tahun = 2025 AND kode_wilayah = '33.75' AND tahap = 'final' ORDER BY indikator"
        ).fetchall()


def test_sigkill_di_dalam_transaksi_tidak_mengubah_database(db: Path):
    sebelum = sha_berkas(db)
    skor_awal = _skor_kota(db)
    proses = _proses(db, "import", str(BAIK / "skor_baik.xlsx"), "--user", "uji", jeda=JEDA)
    with jeda_lalu_bunuh(proses):
        # The import works on a copy beside the database; readers are not blocked meanwhile.
        assert list(db.parent.glob("kla.duckdb.impor-*"))
        assert _skor_kota(db) == skor_awal
    assert sha_berkas(db) == sebelum
    assert store.versi_database(db) == store.versi_terbaru()
    assert _skor_kota(db) == skor_awal
    assert impor.daftar_impor(db).empty
    # Still usable: the next import succeeds and clears the killed import's copy.
    _terapkan(db, "skor_baik.xlsx")
    assert not list(db.parent.glob("kla.duckdb.impor-*"))
    assert [n for _, n, _ in _skor_kota(db)] == [60.5, 71.0, 45.25]


def test_sigkill_saat_rollback_tidak_mengubah_database(db: Path):
    _terapkan(db, "skor_baik.csv")
    sebelum = sha_berkas(db)
    bunuh_saat_jeda(_proses(db, "import", "--rollback", "1", jeda=JEDA))
    assert sha_berkas(db) == sebelum
    assert impor.daftar_impor(db)["status"].tolist() == ["berhasil"]
    impor.batalkan(db, 1, pengguna="uji")
    assert len(_skor_kota(db)) == 24


@pytest.mark.parametrize("berkas", ["skor_baik.csv", "statistik_baik.csv", "predikat_baik.csv", "impor_kedua"])
def test_sigkill_di_dalam_transaksi_semua_atau_tidak_sama_sekali(db: Path, berkas: str):
    """Every kind of import killed inside its transaction (at its test pause, never at a random moment)
    leaves the database byte-for-byte as it was, its history included; the same import then succeeds.
    ``impor_kedua``: a second import killed after a first one succeeded leaves the first in place."""
    if berkas == "impor_kedua":
        _terapkan(db, "skor_baik.csv")
        berkas = "predikat_baik.csv"
    riwayat = impor.daftar_impor(db)
    sebelum = sha_berkas(db)
    bunuh_saat_jeda(_proses(db, "import", str(BAIK / berkas), "--user", "uji", jeda=JEDA))
    assert sha_berkas(db) == sebelum
    assert impor.daftar_impor(db).equals(riwayat)
    assert store.versi_database(db) == store.versi_terbaru()
    # Still usable: the same import, not killed, lands whole and clears the killed import's copy.
    assert list(db.parent.glob("kla.duckdb.impor-*"))
    _terapkan(db, berkas)
    assert not list(db.parent.glob("kla.duckdb.impor-*"))
    assert impor.daftar_impor(db)["status"].tolist() == ["berhasil"] * (len(riwayat) + 1)
