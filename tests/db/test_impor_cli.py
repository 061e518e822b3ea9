"""The `kla template` and `kla import` subcommands."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.cli import impor as cli_impor
from indicators.cli.galat import cetak_galat_sistem
from indicators.impor import terapkan
from tests.conftest import sha_berkas

BAIK = Path(__file__).parents[1] / "data" / "impor" / "baik"


def test_template(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "templat.xlsx"
    argv = ["template", "--jenis", "skor", "--tahun", "2025", "--wilayah", "33.75", "33.26", "--out", str(out)]
    assert cli_impor.main([*argv, "--tahap", "final", "--db", str(db)]) == 0
    assert "48 baris isian" in capsys.readouterr().out
    assert load_workbook(out)["Data"]["G2"].value == "final"
    assert (
        cli_impor.main(["template", "--jenis", "predikat", "--provinsi", "33", "--out", str(out), "--db", str(db)]) == 0
    )
    assert load_workbook(out)["Daftar"]["A36"].value == "33.76"  # the 35 kab/kota of Jawa Tengah only


def test_template_galat(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    argv = ["template", "--jenis", "skor", "--tahun", "2024", "--out", str(tmp_path / "x.xlsx"), "--db", str(db)]
    assert cli_impor.main(argv) == 2
    galat = capsys.readouterr().err
    assert "2024 bukan tahun siklus" in galat
    assert "Traceback" not in galat


def test_dry_run_tidak_menyimpan(db: Path, capsys: pytest.CaptureFixture[str]):
    sebelum = sha_berkas(db)
    assert cli_impor.main(["import", str(BAIK / "skor_baik.csv"), "--dry-run", "--db", str(db)]) == 0
    keluaran = capsys.readouterr().out
    assert "Pratinjau: 0 baris baru, 6 berubah, 0 sama, 66 skor sintetis diganti data nyata" in keluaran
    assert "baris 2: 2025 33.75 KLA24-01 final:" in keluaran
    assert "(sintetis) → 60,50 [berubah]" in keluaran
    assert "2025 33.75 Kota Pekalongan, final:" in keluaran
    assert "176,75 tanpa predikat (belum lengkap 3/24)" in keluaran
    assert "tidak ada yang disimpan" in keluaran
    assert sha_berkas(db) == sebelum


def test_impor_lalu_rollback(db: Path, capsys: pytest.CaptureFixture[str]):
    sebelum = sha_berkas(db)
    assert cli_impor.main(["import", str(BAIK / "predikat_baik.csv"), "--db", str(db), "--user", "budi"]) == 0
    keluaran = capsys.readouterr().out
    assert "Impor #1 tersimpan oleh budi" in keluaran
    assert "2023 33.25 Kabupaten Batang: Madya → Madya" not in keluaran
    assert cli_impor.main(["import", "--log", "--db", str(db)]) == 0
    assert "budi" in capsys.readouterr().out
    assert cli_impor.main(["import", "--rollback", "1", "--db", str(db)]) == 0
    assert "Impor #1 dibatalkan" in capsys.readouterr().out
    assert cli_impor.main(["import", "--rollback", "1", "--db", str(db), "--bahasa", "en"]) == 2
    assert "Import #1 was already rolled back" in capsys.readouterr().err
    assert sha_berkas(db) != sebelum  # the log grew
    assert terapkan.daftar_impor(db)["status"].tolist() == ["berhasil", "dibatalkan"]


def test_bahasa_inggris_dan_jenis_terdeteksi(db: Path, capsys: pytest.CaptureFixture[str]):
    assert (
        cli_impor.main(["import", str(BAIK / "statistik_baik.csv"), "--dry-run", "--db", str(db), "--bahasa", "en"])
        == 0
    )
    keluaran = capsys.readouterr().out
    assert "kind statistik" in keluaran
    assert "Preview: 2 new rows, 2 changed, 0 unchanged" in keluaran
    assert "2021 33.75 imunisasi_dasar_lengkap_bayi: 102.30 → 104.20 [changed]" in keluaran


def test_berkas_tidak_ada_atau_tidak_disebut(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert cli_impor.main(["import", str(tmp_path / "tidak.csv"), "--db", str(db)]) == 2
    assert "tidak ada atau tidak dapat dibaca" in capsys.readouterr().err
    assert cli_impor.main(["import", "--db", str(db)]) == 2
    assert "--rollback" in capsys.readouterr().err
    assert cli_impor.main(["import", str(BAIK / "skor_baik.csv"), "--db", str(tmp_path / "tidak.duckdb")]) == 2
    assert "kla db build" in capsys.readouterr().err


def test_jenis_dipaksa_salah_memberi_pesan(db: Path, capsys: pytest.CaptureFixture[str]):
    assert cli_impor.main(["import", str(BAIK / "skor_baik.csv"), "--jenis", "predikat", "--db", str(db)]) == 2
    galat = capsys.readouterr().err
    assert "kolom 'predikat': kolom wajib tidak ada" in galat


def test_galat_sistem_tanpa_escape_mentah(capsys: pytest.CaptureFixture[str]):
    # An OS error quotes a path, and a path can come from an uploaded file's name.
    assert cetak_galat_sistem(OSError(2, "tidak ada", "data\x1b[2J.csv"), "database", "the database") == 1
    assert cetak_galat_sistem(ValueError("nilai\x1b]0;x\x07"), "database", "the database") == 1
    galat = capsys.readouterr().err
    assert "\x1b" not in galat
    assert "\x07" not in galat
    assert "data\\x1b[2J.csv" in galat
    assert "nilai\\x1b]0;x\\x07" in galat
