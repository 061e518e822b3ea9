"""The one write path of the store: file lock, publisher, working copy, atomic small files, migrations."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from indicators.io import store
from indicators.lokasi import PROYEK

# --- kunci --------------------------------------------------------------------------------------


def test_kunci_memakai_berkas_kunci_di_samping_target(tmp_path: Path):
    target = tmp_path / "baru" / "kla.duckdb"  # the folder does not exist yet
    with store.kunci(target):
        # The name the builder, the import and the workspace have always used, so an older
        # process and a newer one still exclude each other.
        assert (tmp_path / "baru" / ".kla-kla.duckdb.lock").is_file()
    assert not target.exists()


def test_kunci_eksklusif_dan_dilepas_setelah_galat(tmp_path: Path):
    target = tmp_path / "kla.gugus.duckdb"
    urutan: list[str] = []

    def kedua() -> None:
        with store.kunci(target):
            urutan.append("kedua")

    penunggu = threading.Thread(target=kedua)

    def pertama() -> None:
        with store.kunci(target):
            penunggu.start()
            penunggu.join(0.5)
            assert penunggu.is_alive()  # waits while the lock is held
            urutan.append("pertama")
            raise RuntimeError("gagal di dalam blok")

    with pytest.raises(RuntimeError):
        pertama()
    penunggu.join(10)
    assert not penunggu.is_alive()
    assert urutan == ["pertama", "kedua"]


def test_kunci_dilepas_saat_pemegangnya_dibunuh(tmp_path: Path):
    target = tmp_path / "kla.duckdb"
    kode = (
        "import sys, time; from pathlib import Path; from indicators.io import store\n"
        f"with store.kunci(Path({str(target)!r})):\n"
        "    print('pegang', flush=True); time.sleep(60)\n"
    )
    proses = subprocess.Popen([sys.executable, "-c", kode], cwd=PROYEK, stdout=subprocess.PIPE, text=True)
    try:
        assert proses.stdout is not None
        assert proses.stdout.readline().strip() == "pegang"
        dapat = threading.Event()

        def ambil() -> None:
            with store.kunci(target):
                dapat.set()

        penunggu = threading.Thread(target=ambil, daemon=True)
        penunggu.start()
        assert not dapat.wait(0.5)  # the other process holds it
        proses.kill()
        assert dapat.wait(10)  # the operating system released it with the process
    finally:
        if proses.poll() is None:
            proses.kill()
        proses.wait(10)


# --- terbitkan ------------------------------------------------------------------------------------


def _catat_panggilan(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Record os.fsync (by inode of the file synced) and os.replace calls, in order."""
    panggilan: list[tuple[str, object]] = []
    fsync, replace = os.fsync, os.replace

    def fsync_catat(fd: int) -> None:
        panggilan.append(("fsync", os.fstat(fd).st_ino))
        fsync(fd)

    def replace_catat(asal: str | os.PathLike[str], tujuan: str | os.PathLike[str]) -> None:
        panggilan.append(("replace", (Path(asal).name, Path(tujuan).name)))
        replace(asal, tujuan)

    monkeypatch.setattr(os, "fsync", fsync_catat)
    monkeypatch.setattr(os, "replace", replace_catat)
    return panggilan


def test_terbitkan_fsync_berkas_ganti_nama_lalu_fsync_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    tujuan = tmp_path / "kla.duckdb"
    tujuan.write_text("lama", encoding="utf-8")
    sementara = tmp_path / "kla.duckdb.baru-1"
    sementara.write_text("baru", encoding="utf-8")
    ino_sementara, ino_folder = sementara.stat().st_ino, tmp_path.stat().st_ino
    panggilan = _catat_panggilan(monkeypatch)
    store.terbitkan(sementara, tujuan)
    assert panggilan == [
        ("fsync", ino_sementara),
        ("replace", ("kla.duckdb.baru-1", "kla.duckdb")),
        ("fsync", ino_folder),
    ]
    assert tujuan.read_text(encoding="utf-8") == "baru"
    assert tujuan.stat().st_ino == ino_sementara
    assert not sementara.exists()


# --- tulis_atomik ---------------------------------------------------------------------------------


def test_tulis_atomik_teks_mode_0600_lewat_penerbit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    tujuan = tmp_path / "folder" / "kla.akun.json"
    tujuan.parent.mkdir()
    tujuan.write_text("lama\n", encoding="utf-8")
    tujuan.chmod(0o644)
    panggilan = _catat_panggilan(monkeypatch)
    store.tulis_atomik(tujuan, '{"nama": "Sragen – ä"}\n', mode=0o600)
    assert tujuan.read_bytes() == '{"nama": "Sragen – ä"}\n'.encode()
    assert tujuan.stat().st_mode & 0o777 == 0o600
    assert [p[0] for p in panggilan] == ["fsync", "replace", "fsync"]
    assert panggilan[1] == ("replace", (f"kla.akun.json.tmp-{os.getpid()}", "kla.akun.json"))
    assert sorted(p.name for p in tujuan.parent.iterdir()) == ["kla.akun.json"]


def test_tulis_atomik_bita_dan_folder_baru(tmp_path: Path):
    tujuan = tmp_path / "a" / "b" / "data.bin"
    store.tulis_atomik(tujuan, b"\x00\x01\xff")
    assert tujuan.read_bytes() == b"\x00\x01\xff"


def test_tulis_atomik_gagal_tidak_mengubah_berkas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    tujuan = tmp_path / "kla.akun.json"
    tujuan.write_text("lama", encoding="utf-8")

    def gagal(sementara: Path, tujuan_: Path) -> None:
        raise OSError("disk penuh")

    monkeypatch.setattr(store, "terbitkan", gagal)
    with pytest.raises(OSError, match="disk penuh"):
        store.tulis_atomik(tujuan, "baru", mode=0o600)
    assert tujuan.read_text(encoding="utf-8") == "lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kla.akun.json"]


# --- migrations -----------------------------------------------------------------------------------


def _folder(path: Path, berkas: dict[str, str]) -> Path:
    path.mkdir()
    for nama, isi in berkas.items():
        (path / nama).write_text(isi, encoding="utf-8")
    return path


def _buku(con: duckdb.DuckDBPyConnection, tabel: str) -> list[tuple[object, ...]]:
    query = {
        "migrasi_skema": "SELECT versi, nama FROM migrasi_skema ORDER BY versi",
        "migrasi_gugus": "SELECT versi, nama FROM migrasi_gugus ORDER BY versi",
    }[tabel]
    return con.execute(query).fetchall()


def test_satu_pelaksana_migrasi_untuk_dua_folder(tmp_path: Path):
    satu = _folder(
        tmp_path / "satu",
        {
            "002_tambah_kolom.sql": "ALTER TABLE a ADD COLUMN y INTEGER;",
            "001_awal.sql": "CREATE TABLE a (x INTEGER);",
        },
    )
    dua = _folder(tmp_path / "dua", {"001_ruang.sql": "CREATE TABLE b (z VARCHAR);"})
    assert store.daftar_migrasi(satu) == [
        (1, "awal", satu / "001_awal.sql"),
        (2, "tambah_kolom", satu / "002_tambah_kolom.sql"),
    ]
    assert store.versi_terbaru(satu) == 2
    assert store.versi_terbaru(dua) == 1
    with duckdb.connect(str(tmp_path / "uji.duckdb")) as con:
        assert store.terapkan_migrasi(con, satu) == [1, 2]
        assert store.terapkan_migrasi(con, dua, buku="migrasi_gugus") == [1]
        assert store.terapkan_migrasi(con, satu) == []  # each folder has its own ledger
        assert store.terapkan_migrasi(con, dua, buku="migrasi_gugus") == []
        assert _buku(con, "migrasi_skema") == [(1, "awal"), (2, "tambah_kolom")]
        assert _buku(con, "migrasi_gugus") == [(1, "ruang")]
        assert con.execute("SELECT x, y FROM a").fetchall() == []
        (satu / "003_isi.sql").write_text("INSERT INTO a VALUES (1, 2);", encoding="utf-8")
        assert store.terapkan_migrasi(con, satu) == [3]
        assert con.execute("SELECT x, y FROM a").fetchall() == [(1, 2)]


def test_migrasi_gagal_tidak_tercatat(tmp_path: Path):
    folder = _folder(
        tmp_path / "m",
        {"001_awal.sql": "CREATE TABLE a (x INTEGER);", "002_rusak.sql": "CREATE TABLE a (x INTEGER);"},
    )
    db = tmp_path / "uji.duckdb"
    with duckdb.connect(str(db)) as con, pytest.raises(duckdb.Error):
        store.terapkan_migrasi(con, folder)
    with duckdb.connect(str(db)) as con:
        assert _buku(con, "migrasi_skema") == [(1, "awal")]


def test_migrasi_bawaan_dan_buku_tak_dikenal(tmp_path: Path):
    assert store.daftar_migrasi() == store.daftar_migrasi(store.MIGRASI_DIR)
    assert store.versi_terbaru() == store.versi_terbaru(store.MIGRASI_DIR)
    with duckdb.connect(str(tmp_path / "uji.duckdb")) as con:
        with pytest.raises(ValueError, match="buku migrasi tidak dikenal"):
            store.terapkan_migrasi(con, store.MIGRASI_GUGUS_DIR, buku="migrasi_lain")
        terapan = store.terapkan_migrasi(con, store.MIGRASI_GUGUS_DIR, buku="migrasi_gugus")
        assert terapan == [v for v, _, _ in store.daftar_migrasi(store.MIGRASI_GUGUS_DIR)]
        assert con.execute("SELECT count(*) FROM butir_checklist").fetchall() == [(0,)]


# --- salinan_kerja --------------------------------------------------------------------------------


def _nilai(path: Path) -> list[tuple[object, ...]]:
    with store.buka(path) as con:
        return con.execute("SELECT z FROM b ORDER BY z").fetchall()


@pytest.fixture
def folder_b(tmp_path: Path) -> Path:
    return _folder(tmp_path / "migrasi_b", {"001_b.sql": "CREATE TABLE b (z VARCHAR);"})


def test_salinan_kerja_menerbitkan_hanya_bila_diminta(tmp_path: Path, folder_b: Path):
    path = tmp_path / "data" / "ruang.duckdb"
    with store.salinan_kerja(path, akhiran="tulis", jeda="X", tempat="uji", migrasi=folder_b) as salinan:
        salinan.con.execute("INSERT INTO b VALUES ('satu')")
        salinan.terbit = False
    assert not path.exists()  # a write that changes nothing creates nothing
    with store.salinan_kerja(path, akhiran="tulis", jeda="X", tempat="uji", migrasi=folder_b) as salinan:
        salinan.con.execute("INSERT INTO b VALUES ('satu')")
    assert _nilai(path) == [("satu",)]
    assert not path.with_name(path.name + ".wal").exists()  # checkpointed before it was published
    assert sorted(p.name for p in path.parent.iterdir()) == [".kla-ruang.duckdb.lock", "ruang.duckdb"]


def test_salinan_kerja_galat_dan_penolakan_tidak_mengubah_berkas(tmp_path: Path, folder_b: Path):
    path = tmp_path / "ruang.duckdb"
    with store.salinan_kerja(path, akhiran="tulis", jeda="X", tempat="uji", migrasi=folder_b) as salinan:
        salinan.con.execute("INSERT INTO b VALUES ('satu')")
    sebelum = path.read_bytes()
    basi = path.with_name(f"{path.name}.tulis-999999")
    basi.write_bytes(b"sisa penulis yang dibunuh")

    def gagal() -> None:
        with store.salinan_kerja(path, akhiran="tulis", jeda="X", tempat="uji", migrasi=folder_b) as salinan:
            assert not basi.exists()  # a killed writer's copy is removed under the lock
            salinan.con.execute("INSERT INTO b VALUES ('dua')")
            raise RuntimeError("gagal")

    with pytest.raises(RuntimeError):
        gagal()
    assert path.read_bytes() == sebelum

    def tolak() -> None:
        raise PermissionError("ditolak")

    with (
        pytest.raises(PermissionError),
        store.salinan_kerja(path, akhiran="tulis", jeda="X", tempat="uji", migrasi=folder_b, periksa=tolak),
    ):
        pytest.fail("the block must not run when the check refuses")
    assert path.read_bytes() == sebelum
    assert _nilai(path) == [("satu",)]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ruang")) == ["ruang.duckdb"]
