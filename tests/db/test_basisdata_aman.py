"""A database file is never replaced because it could not be read (issue #18, data loss).

A file held read-write by another program is left byte-for-byte alone; a damaged one is moved aside
(``kla.duckdb.rusak-<time>``) and the last kept version restored; an older schema is migrated in
place; ``kla db build`` keeps the file it replaces; ``kla db restore`` puts a kept version back;
and only the last few versions are kept. Every repair is logged beside the database.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from indicators.bangun import database
from indicators.cli import utama
from indicators.impor import terapkan as impor
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import PROYEK
from tests.conftest import sha_berkas

BAIK = Path(__file__).parents[1] / "data" / "impor" / "baik"
KLA = PROYEK / ".venv" / "bin" / "kla"


@contextmanager
def dipegang_proses_lain(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Hold ``db`` open read-write in another process, as the ``duckdb`` command line does, until the block ends."""
    kode = f"import duckdb, time\ncon = duckdb.connect({str(db)!r})\nprint('pegang', flush=True)\ntime.sleep(300)\n"
    proses = subprocess.Popen([sys.executable, "-c", kode], stdout=subprocess.PIPE, text=True)
    try:
        assert proses.stdout is not None
        assert proses.stdout.readline().strip() == "pegang"
        yield proses
    finally:
        proses.kill()
        proses.wait(30)


def impor_skor(db: Path) -> None:
    """Import the good score file into ``db`` as an official would (the pre-import file becomes a version)."""
    berkas = "skor_baik.xlsx"
    hasil = impor.periksa_berkas((BAIK / berkas).read_bytes(), berkas, katalog_bawaan(), impor.muat_wilayah(db))
    assert hasil.sah, [m.teks() for m in hasil.masalah]
    impor.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")


def jumlah_impor(db: Path) -> tuple[int, int]:
    """(import log rows, imported real scores): what a wrong rebuild would lose."""
    with duckdb.connect(str(db), read_only=True) as con:
        log = con.execute("SELECT count(*) FROM log_impor").fetchall()[0][0]
        skor = con.execute("SELECT count(*) FROM skor_indikator WHERE NOT sintetis").fetchall()[0][0]
    return int(log), int(skor)


def _rusak_header(db: Path) -> bytes:
    with open(db, "r+b") as berkas:
        berkas.write(b"\0" * 64)
    return db.read_bytes()


def _samping(db: Path, jenis: str) -> list[Path]:
    return sorted(db.parent.glob(f"{db.name}.{jenis}-*"))


@pytest.fixture
def db_impor(db: Path) -> Path:
    """A private database with one real import (so one kept version: the file before it)."""
    impor_skor(db)
    assert jumlah_impor(db)[0] == 1
    return db


# --- locked by another program: never touched --------------------------------------------------


def test_database_dipegang_proses_lain_tidak_disentuh(
    db_impor: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    sebelum, isi = sha_berkas(db_impor), sorted(p.name for p in tmp_path.iterdir())
    static = tmp_path / "static_kosong"  # missing layers would make the old code rebuild too
    with dipegang_proses_lain(db_impor) as proses:
        hasil = database.siapkan_database(db_impor, static_dir=static)
        assert hasil.jenis == "terkunci"
        assert f"PID {proses.pid}" in (store.pemegang_kunci(hasil.galat) or "")
        with pytest.raises(database.DatabaseTidakSiap):
            database.pastikan_database(db_impor, static_dir=static)
        with pytest.raises(database.DatabaseTidakSiap):
            database.bangun_database(db_impor, static_dir=None)
        assert utama.main(["db", "build", "--db", str(db_impor)]) == 1
        assert utama.main(["db", "restore", "--db", str(db_impor)]) == 1
        galat = capsys.readouterr().err
        assert "sedang dibuka oleh program lain" in galat
        assert f"PID {proses.pid}" in galat
        assert "Traceback" not in galat
        assert sha_berkas(db_impor) == sebelum
    assert sha_berkas(db_impor) == sebelum
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "static_kosong") == isi
    assert jumlah_impor(db_impor)[0] == 1


# --- damaged: moved aside, the last kept version restored, logged --------------------------------


def test_header_rusak_dipindah_dan_versi_terakhir_dipulihkan(db_impor: Path):
    [versi] = store.versi_tersimpan(db_impor)  # the file before the import
    isi_versi = sha_berkas(versi)
    rusak = _rusak_header(db_impor)
    hasil = database.siapkan_database(db_impor)
    assert (hasil.jenis, hasil.versi) == ("dipulihkan", versi)
    [karantina] = _samping(db_impor, "rusak")
    assert hasil.rusak == karantina
    assert karantina.read_bytes() == rusak  # kept exactly as it was, for whatever it still holds
    assert sha_berkas(db_impor) == isi_versi
    assert store.periksa_database(db_impor).jenis == "siap"
    catatan = (db_impor.parent / "kla.duckdb.log").read_text(encoding="utf-8")
    assert f"dipindah ke {karantina.name}" in catatan
    assert f"dari {versi.name}" in catatan
    assert database.siapkan_database(db_impor).jenis == "siap"  # nothing more to do


def test_berkas_terpotong_dikenali_sebagai_rusak(db_impor: Path):
    data = db_impor.read_bytes()
    db_impor.write_bytes(data[: len(data) // 2])  # its first tables still read: versi_database said 2
    keadaan = store.periksa_database(db_impor)
    assert keadaan.jenis == "rusak"
    assert "terpotong" in keadaan.galat
    assert database.pastikan_database(db_impor) is True
    assert [p.stat().st_size for p in _samping(db_impor, "rusak")] == [len(data) // 2]
    assert store.periksa_database(db_impor).jenis == "siap"


def _bukan_kla(db: Path) -> None:
    """Swap in a sound DuckDB file without the schema ledger (written beside it: the old one is attached)."""
    lain = db.with_name("lain.duckdb")
    with duckdb.connect(str(lain)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    lain.replace(db)


@pytest.mark.parametrize(
    "rusakkan",
    [
        pytest.param(lambda db: None, id="baik"),
        pytest.param(lambda db: db.write_bytes(db.read_bytes()[: db.stat().st_size // 2]), id="terpotong"),
        pytest.param(_rusak_header, id="header_rusak"),
        pytest.param(lambda db: db.write_bytes(b"bukan database duckdb" * 100), id="bukan_duckdb"),
        pytest.param(_bukan_kla, id="bukan_kla"),
        pytest.param(lambda db: db.unlink(), id="hilang"),
    ],
)
def test_periksa_di_pembaca_bersama_sama_dengan_instans_sendiri(db_impor: Path, rusakkan):
    rusakkan(db_impor)
    sendiri = store.periksa_database(db_impor)
    assert store.periksa_database(db_impor, bersama=True) == sendiri
    assert store.periksa_database(db_impor) == sendiri  # the shared check changed nothing


def _impor_dibaca_halaman(db: Path) -> int:
    with store.buka(db) as con:  # the shared reader, as every page query
        return int(con.execute("SELECT count(*) FROM log_impor").fetchall()[0][0])


def test_periksa_bersama_membuka_versi_yang_lalu_dibaca_halaman(
    db_impor: Path, instans_dibuat: list[str], monkeypatch: pytest.MonkeyPatch
):
    instans = instans_dibuat
    instans.clear()
    monkeypatch.setattr(store, "_cadangan", [])  # no emptied instance kept from earlier tests
    assert database.siapkan_database(db_impor, bersama=True).jenis == "siap"
    assert _impor_dibaca_halaman(db_impor) == 1
    assert instans in ([], [":memory:"])  # at most one instance for the check and the page's read
    impor_skor(db_impor)  # a new version of the file: checked and read on the replaced one's instance
    instans.clear()
    assert database.siapkan_database(db_impor, bersama=True).jenis == "siap"
    assert _impor_dibaca_halaman(db_impor) == 2
    assert instans == []
    instans.clear()
    assert database.siapkan_database(db_impor).jenis == "siap"  # the command line's check: its own instance
    assert instans == [":memory:"]


def test_rusak_tanpa_versi_dipindah_lalu_dibangun_dari_sumber(tmp_path: Path):
    db = tmp_path / "kla.duckdb"
    db.write_bytes(b"bukan database duckdb" * 100)
    hasil = database.siapkan_database(db, static_dir=tmp_path / "static")
    assert hasil.jenis == "dibangun_ulang"
    assert hasil.rusak is not None
    assert hasil.rusak.read_bytes() == b"bukan database duckdb" * 100
    assert store.periksa_database(db) == store.KeadaanBerkas("siap", versi=store.versi_terbaru())
    assert "dibangun (built)" in (tmp_path / "kla.duckdb.log").read_text(encoding="utf-8")


# --- an older schema is migrated in place; only the web layer is ever regenerated ------------


def _database_skema_1(path: Path) -> None:
    """A database at schema 1 (migration 001 only) holding one import, as an older release left it."""
    folder = path.parent / "migrasi_1"
    folder.mkdir()
    shutil.copyfile(store.MIGRASI_DIR / "001_skema_awal.sql", folder / "001_skema_awal.sql")
    with duckdb.connect(str(path)) as con:
        store.terapkan_migrasi(con, folder)
        con.execute("INSERT INTO sumber (sumber_id, sitasi, jenis) VALUES ('impor-uji', 'skor.xlsx', 'impor')")
        con.execute("INSERT INTO log_impor VALUES (1, now(), 'uji', 'skor.xlsx', 'skor', 35, 'berhasil', NULL)")
        con.execute("CHECKPOINT")


def test_skema_lama_dimigrasi_di_tempat_tanpa_kehilangan_baris(tmp_path: Path):
    db = tmp_path / "kla.duckdb"
    _database_skema_1(db)
    assert store.periksa_database(db).versi == 1
    sebelum = sha_berkas(db)
    assert database.siapkan_database(db).jenis == "dimigrasi"
    assert store.periksa_database(db).versi == store.versi_terbaru()
    with duckdb.connect(str(db), read_only=True) as con:  # a rebuild would have dropped the schema-1 import
        assert con.execute("SELECT impor_id, pengguna FROM log_impor").fetchall() == [(1, "uji")]
        assert con.execute("SELECT sitasi FROM sumber WHERE sumber_id = 'impor-uji'").fetchall() == [("skor.xlsx",)]
    assert [sha_berkas(v) for v in store.versi_tersimpan(db)] == [sebelum]  # the schema-1 file is kept
    catatan = (tmp_path / "kla.duckdb.log").read_text(encoding="utf-8")
    assert f"dimigrasi (migrated): skema 1 → {store.versi_terbaru()}" in catatan
    assert database.siapkan_database(db).jenis == "siap"


def test_lapisan_web_hilang_hanya_lapisan_yang_ditulis(db_impor: Path, tmp_path: Path):
    sebelum = sha_berkas(db_impor)
    static = tmp_path / "static"
    assert database.siapkan_database(db_impor, static_dir=static).jenis == "siap"
    assert database.lapisan_web_lengkap(static)
    assert sha_berkas(db_impor) == sebelum
    assert len(store.versi_tersimpan(db_impor)) == 1


# --- kla db build keeps what it replaces --------------------------------------------------------


def test_db_build_menyimpan_berkas_lama_dan_berkas_terpotong(db_impor: Path, capsys: pytest.CaptureFixture[str]):
    sebelum, impor_sebelum = sha_berkas(db_impor), jumlah_impor(db_impor)
    assert utama.main(["db", "build", "--db", str(db_impor)]) == 0
    assert sha_berkas(store.versi_tersimpan(db_impor)[0]) == sebelum  # the healthy file, kept as a version
    assert jumlah_impor(db_impor) == impor_sebelum
    data = db_impor.read_bytes()
    db_impor.write_bytes(data[: len(data) // 3])
    assert utama.main(["db", "build", "--db", str(db_impor)]) == 0
    [karantina] = _samping(db_impor, "rusak")
    assert karantina.read_bytes() == data[: len(data) // 3]  # the truncated file, never overwritten
    keluaran = capsys.readouterr().out
    assert karantina.name in keluaran
    assert jumlah_impor(db_impor) == impor_sebelum  # the imports came from the newest kept version
    assert "Traceback" not in keluaran


# --- kla db restore -----------------------------------------------------------------------------


def test_kla_db_restore_memulihkan_versi_sebelumnya_dan_bisa_dibatalkan(
    db_impor: Path, capsys: pytest.CaptureFixture[str]
):
    sesudah_impor = sha_berkas(db_impor)
    [sebelum_impor] = store.versi_tersimpan(db_impor)
    isi_sebelum = sha_berkas(sebelum_impor)
    assert utama.main(["db", "restore", "--db", str(db_impor), "--daftar"]) == 0
    assert sebelum_impor.name in capsys.readouterr().out
    assert utama.main(["db", "restore", "--db", str(db_impor)]) == 0
    assert sha_berkas(db_impor) == isi_sebelum
    assert jumlah_impor(db_impor)[0] == 0
    disimpan = store.versi_tersimpan(db_impor)[0]
    assert sha_berkas(disimpan) == sesudah_impor  # the file it replaced is the newest version now
    assert disimpan.name in capsys.readouterr().out
    assert utama.main(["db", "restore", "--db", str(db_impor)]) == 0  # and restoring again undoes it
    assert sha_berkas(db_impor) == sesudah_impor
    assert "dipulihkan (restored)" in (db_impor.parent / "kla.duckdb.log").read_text(encoding="utf-8")


def test_kla_db_restore_sebagai_perintah_atas_berkas_rusak(db_impor: Path):
    isi_versi = sha_berkas(store.versi_tersimpan(db_impor)[0])
    rusak = _rusak_header(db_impor)
    proses = subprocess.run(
        [str(KLA), "db", "restore", "--db", str(db_impor)], capture_output=True, text=True, timeout=120, check=False
    )
    assert proses.returncode == 0, proses.stderr
    assert sha_berkas(db_impor) == isi_versi
    assert [p.read_bytes() for p in _samping(db_impor, "rusak")] == [rusak]
    assert "Dipulihkan" in proses.stdout


def test_kla_db_restore_tanpa_versi_keluar_2(db: Path, capsys: pytest.CaptureFixture[str]):
    sebelum = sha_berkas(db)
    assert utama.main(["db", "restore", "--db", str(db)]) == 2
    assert "Tidak ada versi tersimpan" in capsys.readouterr().err
    assert utama.main(["db", "restore", "--db", str(db), "--versi", "tidak-ada"]) == 2
    assert sha_berkas(db) == sebelum


# --- kept versions are bounded ------------------------------------------------------------------


def test_versi_tersimpan_terbatas(tmp_path: Path):
    tujuan = tmp_path / "kla.duckdb"
    for nomor in range(6):
        sementara = tmp_path / f"baru-{nomor}"
        sementara.write_text(str(nomor), encoding="utf-8")
        store.terbitkan(sementara, tujuan, simpan=store.SIMPAN_VERSI)
    versi = store.versi_tersimpan(tujuan)
    assert store.SIMPAN_VERSI == 3
    assert [p.read_text(encoding="utf-8") for p in versi] == ["4", "3", "2"]  # newest first
    assert tujuan.read_text(encoding="utf-8") == "5"


def test_salinan_kerja_menyimpan_paling_banyak_tiga_versi(tmp_path: Path):
    migrasi = tmp_path / "migrasi"
    migrasi.mkdir()
    (migrasi / "001_b.sql").write_text("CREATE TABLE b (z INTEGER);", encoding="utf-8")
    path = tmp_path / "ruang.duckdb"
    for nomor in range(5):
        with store.salinan_kerja(path, akhiran="tulis", jeda="X", tempat="uji", migrasi=migrasi) as salinan:
            salinan.con.execute("INSERT INTO b VALUES (?)", [nomor])
    jumlah = []
    for versi in store.versi_tersimpan(path):
        with duckdb.connect(str(versi), read_only=True) as con:
            jumlah.append(con.execute("SELECT count(*) FROM b").fetchall()[0][0])
    assert jumlah == [4, 3, 2]
