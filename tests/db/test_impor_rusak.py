"""The malformed-file corpus: every file is rejected with the expected problems, all at once, and
the database stays byte-for-byte the same (also through the `kla import` command)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from indicators.cli import impor as cli_impor
from indicators.impor import terapkan
from indicators.katalog.model import katalog_bawaan
from tests.conftest import sha_berkas

RUSAK = Path(__file__).parents[1] / "data" / "impor" / "rusak"
HARAPAN: list[dict[str, Any]] = yaml.safe_load((RUSAK / "harapan.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def wilayah(db_modul: Path) -> pd.DataFrame:
    return terapkan.muat_wilayah(db_modul)


def test_korpus_lengkap_dan_cukup_besar():
    berkas = sorted(p.name for p in RUSAK.iterdir() if p.name != "harapan.yaml")
    assert sorted(h["berkas"] for h in HARAPAN) == berkas
    assert len(berkas) >= 30
    assert sum(1 for b in berkas if b.endswith(".xlsx")) >= 8
    assert sum(1 for b in berkas if b.endswith(".csv")) >= 20


@pytest.mark.parametrize("harapan", HARAPAN, ids=[h["berkas"] for h in HARAPAN])
def test_berkas_rusak_ditolak_dengan_pesan_yang_diharapkan(harapan: dict[str, Any], wilayah: pd.DataFrame):
    path = RUSAK / harapan["berkas"]
    hasil = terapkan.periksa_berkas(path.read_bytes(), path.name, katalog_bawaan(), wilayah, harapan.get("jenis"))
    assert not hasil.sah
    teks = [m.teks() for m in hasil.masalah]
    assert len(teks) == harapan["jumlah"], teks
    for potongan in harapan["pesan"]:
        assert any(potongan in t for t in teks), (potongan, teks)
    for m in hasil.masalah:
        assert m.berkas == path.name
        assert m.teks("en")
        assert m.teks("en") != m.teks("id")
    # Every cell-level problem names the row and column.
    for m in hasil.masalah:
        if m.nilai is not None:
            assert m.baris is not None
            assert m.kolom is not None


@pytest.mark.parametrize("harapan", HARAPAN, ids=[h["berkas"] for h in HARAPAN])
def test_cli_menolak_dan_database_tidak_berubah(
    harapan: dict[str, Any], db_modul: Path, capsys: pytest.CaptureFixture[str]
):
    sebelum = sha_berkas(db_modul)
    argv = ["import", str(RUSAK / harapan["berkas"]), "--db", str(db_modul), "--user", "uji"]
    if harapan.get("jenis"):
        argv += ["--jenis", harapan["jenis"]]
    assert cli_impor.main(argv) == 2
    keluaran = capsys.readouterr()
    assert "Traceback" not in keluaran.err + keluaran.out
    assert harapan["pesan"][0] in keluaran.err
    assert sha_berkas(db_modul) == sebelum
    assert not list(db_modul.parent.glob("*.impor-*"))


def test_bahasa_inggris(wilayah: pd.DataFrame):
    path = RUSAK / "08_nama_ambigu.csv"
    hasil = terapkan.periksa_berkas(path.read_bytes(), path.name, katalog_bawaan(), wilayah)
    assert hasil.masalah[0].teks("en") == (
        "08_nama_ambigu.csv, row 2, column 'kode_wilayah' (cell B2): value 'Pekalongan' – ambiguous region "
        "name, it matches 33.26 Kabupaten Pekalongan, 33.75 Kota Pekalongan; expected: the code or the full name "
        "of one of them"
    )
    assert hasil.masalah[0].sebagai_dict("id")["harapan"] == "kode atau nama lengkap salah satunya"
