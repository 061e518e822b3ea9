"""`kla ringkasan`: the figures an official presents, checked against the issue's expected values."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from indicators.cli import utama


def _ringkasan(db: Path, provinsi: str, tahun: int, capsys: pytest.CaptureFixture[str]) -> pd.DataFrame:
    kode = utama.main(["ringkasan", "--provinsi", provinsi, "--tahun", str(tahun), "--format", "csv", "--db", str(db)])
    assert kode == 0
    return pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"selisih": "Int64"}).set_index("predikat")


def test_jawa_tengah_2025_dari_rekap_resmi(db_bawaan: Path, capsys: pytest.CaptureFixture[str]):
    hasil = _ringkasan(db_bawaan, "33", 2025, capsys)
    assert hasil.index.tolist() == ["KLA", "Utama", "Nindya", "Madya", "Pratama"]
    kolom = ["jumlah", "jumlah_siklus_lalu", "selisih"]
    per_pita = hasil.to_dict("index")
    assert [int(per_pita["Nindya"][k]) for k in kolom] == [13, 11, 2]
    assert [int(per_pita["Madya"][k]) for k in kolom] == [15, 15, 0]
    assert set(hasil["dasar"]) == {"rekap_resmi"}
    assert set(hasil["tahun_lalu"]) == {2023}
    assert set(hasil["total_wilayah"]) == {35}


def test_indonesia_2025_dan_2022(db_bawaan: Path, capsys: pytest.CaptureFixture[str]):
    hasil = _ringkasan(db_bawaan, "00", 2025, capsys)
    assert hasil.loc[["Utama", "Nindya", "Madya", "Pratama"], "jumlah"].tolist() == [22, 69, 125, 139]
    pratama = hasil.to_dict("index")["Pratama"]
    assert int(pratama["diketahui"]) < int(pratama["total_wilayah"])
    assert _ringkasan(db_bawaan, "00", 2022, capsys).loc["Pratama", "jumlah"] == 121


def test_daftar_sebagian_tanpa_selisih(db_bawaan: Path, capsys: pytest.CaptureFixture[str]):
    hasil = _ringkasan(db_bawaan, "33", 2019, capsys)
    assert set(hasil["dasar"]) == {"daftar_sebagian"}
    assert hasil["selisih"].isna().all()
    assert utama.main(["ringkasan", "--provinsi", "33", "--tahun", "2019", "--db", str(db_bawaan)]) == 0
    teks = capsys.readouterr().out
    assert "23 dari 35 kab/kota diketahui" in teks  # 22 listed + Pemalang from a later statement


def test_json_dan_galat(db_bawaan: Path, capsys: pytest.CaptureFixture[str]):
    assert (
        utama.main(["ringkasan", "--provinsi", "33", "--tahun", "2023", "--format", "json", "--db", str(db_bawaan)])
        == 0
    )
    baris = json.loads(capsys.readouterr().out)
    assert {b["predikat"]: b["jumlah"] for b in baris}["Madya"] == 15
    assert utama.main(["ringkasan", "--provinsi", "99", "--tahun", "2025", "--db", str(db_bawaan)]) == 2
    assert utama.main(["ringkasan", "--provinsi", "33", "--tahun", "2020", "--db", str(db_bawaan)]) == 2
    galat = capsys.readouterr().err
    assert "2023, 2025" in galat
    assert "Traceback" not in galat
