"""``kla bench --latensi`` in quick mode: a real server, Chromium, and a sane structured report.

No timing is asserted (budgets belong to the benchmark): the report must hold every budget, each
interaction with its repetitions, charts, floors and breakdown, and the Markdown table.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import latensi
from indicators.cli import utama

pytestmark = pytest.mark.e2e


def test_p95_dan_anggaran_dari_median_terburuk():
    assert latensi.p95([]) is None
    assert latensi.p95([5.0]) == 5.0
    assert latensi.p95([float(n) for n in range(1, 21)]) == 19.0
    ringkas = [
        {"anggaran": "ganti_hangat", "gambar_ms": {"median": 200.0}},
        {"anggaran": "ganti_hangat", "gambar_ms": {"median": 260.0}},
        {"anggaran": "buka_url", "gambar_ms": {"median": 900.0}},
    ]
    hasil = {a["kunci"]: a for a in latensi.periksa(ringkas)}
    assert hasil["ganti_hangat"]["nilai_ms"] == 260.0
    assert hasil["ganti_hangat"]["lolos"] is False
    assert hasil["buka_url"]["lolos"] is True
    assert hasil["klik_peta"]["lolos"] is None  # not measured is not a pass


def test_latensi_mode_cepat_menulis_laporan(db_bawaan: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]):
    argumen = ["bench", "--latensi", "--skala", "cepat", "--ulang", "1", "--db-latensi", str(db_bawaan)]
    assert utama.main([*argumen, "--out", str(tmp_path)]) == 0
    keluaran = capfd.readouterr().out
    assert "Mode cepat" in keluaran
    laporan = json.loads(next(tmp_path.glob("latensi_*_cepat.json")).read_text(encoding="utf-8"))
    assert {a["kunci"] for a in laporan["anggaran"]} == {a.kunci for a in latensi.ANGGARAN}
    assert all(a["nilai_ms"] is not None and a["nilai_ms"] > 0 for a in laporan["anggaran"]), laporan["anggaran"]
    assert {u["anggaran"] for u in laporan["ukuran"]} == {a.kunci for a in latensi.ANGGARAN}
    for u in laporan["ukuran"]:
        assert u["ulang"] == 1, u
        assert u["jumlah_grafik"] >= 1, u  # every measured view draws charts
        assert 0 < u["gambar_ms"]["median"] < 120_000, u
        assert u["siap_ms"]["median"] > 0, u
        assert u["kb_diterima"]["median"] > 0, u  # the rerun's ForwardMsgs were seen on the websocket
        assert u["server_ms"]["median"] is not None, u
        assert u["lantai_streamlit_ms"] > 0, u
        assert u["lantai_plotly_ms"] > 0, u
        assert u["rasio_lantai"] > 0, u
    assert laporan["lantai_streamlit_ms"]["ganti"] > 0
    assert laporan["uji_cpu_ms"]["awal"] > 0  # the machine's speed at the start and the end
    assert laporan["uji_cpu_ms"]["akhir"] > 0
    md = (tmp_path / next(tmp_path.glob("latensi_*_cepat.md")).name).read_text(encoding="utf-8")
    assert md.count("PASS") + md.count("FAIL") == len(latensi.ANGGARAN)
    assert "| peta → profil | " in md
    assert "Uji CPU (CPU probe" in md.splitlines()[0]


def test_klik_tab_grafik_diukur_seperti_ganti_lain(browser: Any, streamlit_url: str):
    """A chart tab click is a measured change: each click reruns the page and draws its one chart."""
    page = latensi._halaman_baru(browser)
    try:
        tab = latensi.Interaksi("profil", "/profil?provinsi=33&wilayah=33.75", "tab grafik", tab=True)
        u = latensi.ganti_pilihan(page, streamlit_url, tab, 2, None, "profil: tab grafik", "ganti_hangat").ringkas()
        assert u["ulang"] == 2, u
        assert u["jumlah_grafik"] == 1, u  # one chart per change
        assert all(0 < ms < 120_000 for ms in (u["gambar_ms"]["median"], u["siap_ms"]["median"])), u
        assert u["kb_diterima"]["median"] > 0, u  # each click sent the new tab's chart
        # Two clicks from the first view: the second view, then the first again.
        panel = page.get_by_role("radiogroup", name=latensi.PANEL_GRAFIK, exact=True)
        terpilih = panel.get_by_role("radio", checked=True).inner_text().strip()
        assert terpilih == panel.get_by_role("radio").first.inner_text().strip()
    finally:
        page.close()
    assert [i for i in latensi.interaksi_bawaan(False) if i.tab] == [
        latensi.Interaksi("ringkasan", "/?provinsi=33", "tab grafik", tab=True),
        tab,
    ]
