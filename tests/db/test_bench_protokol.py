"""`kla bench --protokol` in quick mode: the protocol load generator runs against a real server and
writes its structured report (the timing is the benchmark's business, never asserted here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indicators.cli import utama


@pytest.mark.e2e
def test_uji_protokol_cepat_menulis_laporan(tmp_path: Path, capfd: pytest.CaptureFixture[str]):
    argumen = ["bench", "--protokol", "--skala", "cepat", "--tingkat", "2", "--detik", "4", "--jeda", "0.3"]
    assert utama.main([*argumen, "--out", str(tmp_path)]) == 0, capfd.readouterr().out
    assert "| sesi | impor | rerun |" in capfd.readouterr().out
    laporan = json.loads(next(tmp_path.glob("protokol_*_cepat_r1.json")).read_text(encoding="utf-8"))
    assert laporan["replika"] == 1
    assert laporan["jeda_s"] == 0.3
    assert laporan["mesin"]["inti"] >= 1
    tanpa, dengan = laporan["tingkat"]
    assert (tanpa["sesi"], tanpa["penulis"], dengan["sesi"], dengan["penulis"]) == (2, False, 2, True)
    for data in (tanpa, dengan):
        assert data["jumlah_galat"] == 0, data["galat"]
        assert data["interaksi"] >= 2
        assert data["rerun_per_detik"] > 0
        assert 0 < data["p50_ms"] <= data["p95_ms"]
        assert data["cpu_server_persen"] > 0
        assert data["rss_server_mb"] > 50
        assert data["setengah_impor"] == []
        assert data["lolos"]
        assert sum(data["bacaan_kla"].values()) >= 2  # every session read the KLA card at least once
    assert dengan["siklus_impor"] >= 1
    # The import moves the KLA card the sessions read (a cycle without an official recap), so a
    # reading that is neither count would be caught: with a recap's count the check could not fail.
    assert dengan["kla_sebelum"] != dengan["kla_sesudah"]
    assert {int(k) for k in dengan["bacaan_kla"]} <= {dengan["kla_sebelum"], dengan["kla_sesudah"]}
    assert not dengan["galat_penulis"]
