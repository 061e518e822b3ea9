"""The CPU probe every benchmark report carries at its start and its end."""

from __future__ import annotations

from benchmarks import latensi
from benchmarks.mesin import UJI_CPU_ITERASI, teks_uji_cpu, uji_cpu_ms


def test_uji_cpu_mengukur_waktu_nyata():
    # Two million iterations of Python take tens of milliseconds at least on any machine, and the
    # best of three is never slower than a single run of the same loop.
    satu = uji_cpu_ms(ulang=1)
    terbaik = uji_cpu_ms(ulang=3)
    assert 5 < terbaik < 60_000
    assert satu > 5
    assert UJI_CPU_ITERASI == 2_000_000


def test_teks_uji_cpu_dengan_format_indonesia():
    teks = teks_uji_cpu({"awal": 1234.4, "akhir": 98.6})
    assert "2.000.000 iterasi Python" in teks
    assert "1.234 → 99 ms" in teks
    assert teks_uji_cpu(None) == ""  # reports written before the probe existed
    assert teks_uji_cpu({}) == ""


def test_laporan_latensi_memuat_uji_cpu_di_baris_pertama():
    laporan = {
        "skala": "nasional",
        "tanggal": "2026-12-07T11:00:00",
        "ulang": 10,
        "beban_mesin": 0.4,
        "uji_cpu_ms": {"awal": 150.2, "akhir": 171.0},
        "anggaran": [],
        "ukuran": [],
    }
    pertama = latensi.tabel_markdown(laporan).splitlines()[0]
    assert pertama.endswith("smaller is faster): 150 → 171 ms.")
    assert "beban mesin (load average) 0,4." in pertama
    del laporan["uji_cpu_ms"]
    assert latensi.tabel_markdown(laporan).splitlines()[0].endswith("0,4.")
