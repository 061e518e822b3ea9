"""The `kla` command on the built default database."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from indicators.cli import utama


def test_indikator_csv(capsys: pytest.CaptureFixture[str]):
    assert utama.main(["indikator", "--skema", "KLA24", "--format", "csv"]) == 0
    df = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert {"id", "nomor", "klaster", "nama", "nilai_maks"} <= set(df.columns)
    assert len(df) == 24
    assert df["nilai_maks"].sum() == 1000
    assert df.loc[df["nomor"] == 17, "klaster"].item() == "klaster_3"


def test_indikator_tabel_semua_skema(capsys: pytest.CaptureFixture[str]):
    assert utama.main(["indikator"]) == 0
    keluaran = capsys.readouterr().out
    assert "KLA31-31" in keluaran
    assert "KLA24-24" in keluaran


def test_skema_tak_dikenal_keluar_bukan_nol(capsys: pytest.CaptureFixture[str]):
    assert utama.main(["indikator", "--skema", "KLA99"]) == 2
    galat = capsys.readouterr().err
    assert "KLA99" in galat
    assert "KLA24" in galat
    assert "Traceback" not in galat


def test_db_info(db_bawaan: Path, capsys: pytest.CaptureFixture[str]):
    assert utama.main(["db", "info", "--db", str(db_bawaan)]) == 0
    keluaran = capsys.readouterr().out
    assert "wilayah" in keluaran
    assert "1.129" in keluaran


def test_db_info_tanpa_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert utama.main(["db", "info", "--db", str(tmp_path / "tidak_ada.duckdb")]) == 2
    assert "kla db build" in capsys.readouterr().err


def test_scores_csv_pada_database_bawaan(db_bawaan: Path, capsys: pytest.CaptureFixture[str]):
    assert utama.main(["scores", "--tahun", "2025", "--provinsi", "33", "--format", "csv", "--db", str(db_bawaan)]) == 0
    tabel = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"kode_wilayah": str})
    wajib = [
        "kode_wilayah",
        "nama",
        "kelembagaan",
        "klaster_1",
        "klaster_2",
        "klaster_3",
        "klaster_4",
        "klaster_5",
        "total",
        "predikat_hitung",
        "predikat_resmi",
        "peringkat_provinsi",
        "selisih_ke_predikat_berikut",
        "lengkap",
        "sintetis",
    ]
    assert set(wajib) <= set(tabel.columns)
    assert len(tabel) == 35
    assert tabel["sintetis"].all()
    assert tabel["lengkap"].all()
    assert (
        tabel[["kelembagaan", "klaster_1", "klaster_2", "klaster_3", "klaster_4", "klaster_5"]].sum(axis=1).round(2)
        == tabel["total"].round(2)
    ).all()
    # The synthetic set keeps every total inside the official band, so computed equals official.
    assert (tabel["predikat_hitung"] == tabel["predikat_resmi"]).all()
    assert sorted(tabel["peringkat_provinsi"])[0] == 1


def test_scores_json_dan_tabel(db_bawaan: Path, capsys: pytest.CaptureFixture[str]):
    assert (
        utama.main(["scores", "--tahun", "2023", "--tahap", "mandiri", "--format", "json", "--db", str(db_bawaan)]) == 0
    )
    baris = json.loads(capsys.readouterr().out)
    assert len(baris) == 35
    assert {b["tahap"] for b in baris} == {"mandiri"}
    assert utama.main(["scores", "--tahun", "2023", "--db", str(db_bawaan)]) == 0
    keluaran = capsys.readouterr().out
    assert "Kota Pekalongan" in keluaran
    assert "sintetis" in keluaran


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (["--tahun", "2020"], "tersedia: 2017, 2018, 2019, 2021, 2022, 2023, 2025"),
        (["--tahun", "2025", "--provinsi", "11"], "tersedia: 33 (Jawa Tengah)"),
        (["--tahun", "2021", "--tahap", "provinsi"], "tersedia: mandiri, final"),
        (["--tahun", "2025", "--tahap", "akhir"], "tersedia: mandiri, provinsi, pusat, final"),
    ],
)
def test_scores_pilihan_salah_keluar_bukan_nol(
    db_bawaan: Path, capsys: pytest.CaptureFixture[str], argumen: list[str], pesan: str
):
    assert utama.main(["scores", *argumen, "--db", str(db_bawaan)]) == 2
    galat = capsys.readouterr().err
    assert pesan in galat
    assert len(galat.strip().splitlines()) == 1
    assert "Traceback" not in galat
