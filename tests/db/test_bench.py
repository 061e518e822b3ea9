"""The benchmark and the load test: budget logic, query recording, and both in quick mode.

Budgets are checked by the benchmark itself, never here: these tests keep the machinery working
(the issue asks CI to run a small quick mode of both).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from benchmarks import ukur
from benchmarks.anggaran import ANGGARAN, periksa_anggaran
from benchmarks.beban import HasilBeban, berkas_kla, berkas_kla_bergilir
from benchmarks.data_nasional import berkas_predikat, berkas_statistik, katalog_stres
from indicators.cli import utama
from indicators.io import store
from indicators.katalog.model import katalog_bawaan

KATALOG = katalog_bawaan()


def test_anggaran_menandai_yang_terlewati_dan_yang_tak_diukur():
    nilai: dict[str, float | None] = {a.kunci: a.batas for a in ANGGARAN}  # exactly on the limit passes
    nilai["skor_nasional_ms"] = 100.01
    nilai["ekspor_peta_s"] = None
    hasil = {h.anggaran.kunci: h for h in periksa_anggaran(nilai, {"ekspor_peta_s": "Chromium tidak ada"})}
    assert hasil["skor_nasional_ms"].lolos is False
    assert hasil["ekspor_peta_s"].lolos is None
    assert hasil["ekspor_peta_s"].alasan == "Chromium tidak ada"
    assert all(h.lolos for k, h in hasil.items() if k not in ("skor_nasional_ms", "ekspor_peta_s"))


def test_rekam_kueri_mencatat_nama_dan_parameter(db_bawaan: Path):
    with ukur.rekam_kueri() as rekaman:
        store.kueri(db_bawaan, "predikat_resmi", {"tahun": 2025})
        with store.buka(db_bawaan) as con:
            store.kueri_con(con, "wilayah_kabkota")
    assert rekaman == [("predikat_resmi", {"tahun": 2025}), ("wilayah_kabkota", None)]
    # outside the block nothing is recorded any more
    store.kueri(db_bawaan, "wilayah_kabkota")
    assert len(rekaman) == 2


def test_data_benchmark_sah_untuk_impor():
    kode = ["33.01", "33.02"]
    df = berkas_statistik(KATALOG, kode, (2020, 2021), sorted(KATALOG.statistik)[:4], np.random.default_rng(1))
    assert len(df) == 2 * 2 * 4
    persen = df["satuan"] == "persen"
    assert df.loc[persen, "nilai"].between(0, 100).all()
    assert (df["nilai"] >= 0).all()
    stres = katalog_stres(KATALOG, 10)
    assert len(stres.statistik) == 10 * len(KATALOG.statistik)
    assert (
        stres.statistik["prevalensi_stunting_ssgi_uji3"].satuan == KATALOG.statistik["prevalensi_stunting_ssgi"].satuan
    )


def test_predikat_benchmark_tidak_menimpa_data_nyata():
    skor = pd.DataFrame(
        {"tahun": 2025, "kode_wilayah": ["33.01", "34.01"], "indikator": "KLA24-01", "tahap": "final", "nilai": 700.0}
    )
    ada = pd.DataFrame({"tahun": [2025], "kode_wilayah": ["33.01"]})
    hasil = berkas_predikat(KATALOG, {2025: skor}, ada)
    assert hasil["kode_wilayah"].tolist() == ["34.01"]
    assert hasil["predikat"].tolist() == ["Madya"]


def test_setengah_impor_terdeteksi():
    hasil = HasilBeban(sesi=1, detik=1, interaksi=5, kla_sebelum=0, kla_sesudah=5, bacaan_kla={0: 3, 5: 2})
    assert hasil.setengah_impor == []
    assert hasil.ringkasan()["lolos"]
    hasil.bacaan_kla[2] = 1
    assert hasil.setengah_impor == [2]
    assert not hasil.ringkasan()["lolos"]


def test_berkas_kla_mengubah_jumlah_kla(db_bawaan: Path):
    data, sebelum, sesudah = berkas_kla(db_bawaan, 2025, 5)
    baris = pd.read_csv(io.BytesIO(data), dtype=str)
    assert len(baris) == 5
    assert set(baris["predikat"]) == {"KLA"}
    assert sesudah == sebelum + 5


def test_berkas_bergilir_membawa_baris_baru_tiap_impor(db_bawaan: Path):
    # The load test's writer imports these in turn: each must turn another 5 non-KLA kab/kota into
    # KLA, so the dashboard sees rows it has not seen, and the KLA count after each is the same.
    berkas, sebelum, sesudah = berkas_kla_bergilir(db_bawaan, 2025, 5, banyak=16)
    pertama, sebelum_1, sesudah_1 = berkas_kla(db_bawaan, 2025, 5)
    assert (sebelum, sesudah) == (sebelum_1, sesudah_1) == (sebelum, sebelum + 5)
    himpunan = [frozenset(pd.read_csv(io.BytesIO(b), dtype=str)["kode_wilayah"]) for b in berkas]
    assert len(set(himpunan)) == 16
    assert all(len(h) == 5 for h in himpunan)
    resmi = store.kueri(db_bawaan, "predikat_resmi", {"tahun": 2025})
    jateng = resmi[resmi["kode_wilayah"].str.startswith("33.")]
    bukan_kla = set(jateng.loc[jateng["predikat"] != "KLA", "kode_wilayah"])
    assert set().union(*himpunan) <= bukan_kla
    assert set(pd.read_csv(io.BytesIO(pertama), dtype=str)["kode_wilayah"]) <= bukan_kla


@pytest.mark.e2e
def test_bench_mode_cepat_menulis_hasil(tmp_path: Path, capfd: pytest.CaptureFixture[str]):
    assert utama.main(["bench", "--skala", "cepat", "--ulang", "1", "--out", str(tmp_path)]) == 0
    keluaran = capfd.readouterr().out
    assert "Mode cepat" in keluaran
    laporan = json.loads(next(tmp_path.glob("*_cepat.json")).read_text(encoding="utf-8"))
    assert {h["nama"] for h in laporan["halaman"]} == {
        "ringkasan",
        "peta",
        "perbandingan",
        "profil",
        "indikator",
        "metodologi",
        "gugus_tugas",
        "unggah",
        "regulasi",
        "pembinaan",
        "perlindungan",
    }
    assert all(h["hangat_ms"] > 0 and h["jumlah_kueri"] >= 0 for h in laporan["halaman"])
    nilai = {a["kunci"]: a["nilai"] for a in laporan["anggaran"]}
    assert set(nilai) == {a.kunci for a in ANGGARAN}
    assert all(v is not None and v > 0 for v in nilai.values()), nilai
    assert laporan["data"]["baris"]["skor"] > 0
    assert laporan["uji_cpu_ms"]["awal"] > 0
    assert laporan["uji_cpu_ms"]["akhir"] > 0
    md = (tmp_path / f"{laporan['tanggal'][:10]}_cepat.md").read_text(encoding="utf-8")
    assert md.count("|") > 40
    assert "Uji CPU (CPU probe" in md.splitlines()[0]


@pytest.mark.e2e
def test_uji_beban_cepat_tanpa_galat_dan_tanpa_setengah_impor(tmp_path: Path, capfd: pytest.CaptureFixture[str]):
    argumen = ["bench", "--beban", "--skala", "cepat", "--sesi", "3", "--detik", "25", "--out", str(tmp_path)]
    assert utama.main(argumen) == 0, capfd.readouterr().out
    laporan = json.loads(next(tmp_path.glob("beban_*.json")).read_text(encoding="utf-8"))
    assert laporan["lolos"]
    assert laporan["interaksi"] >= 3
    assert laporan["siklus_impor"] >= 1
    assert laporan["p50_ms"] > 0
    assert not laporan["permintaan_luar"]
