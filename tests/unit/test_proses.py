"""The server process's collector settings (ui/proses.py): made once, by app.py's first run.

Each check runs in a fresh interpreter: freezing the test process's own objects would change
what other tests see of the collector.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from indicators.lokasi import PROYEK

SEKALI = """
import gc, json
from ui import proses
awal = gc.get_threshold()
ada = len(gc.get_objects())
proses.atur_pengumpul_sampah()
beku = gc.get_freeze_count()
kedua = [object() for _ in range(10)]  # made after the freeze: a second call must not freeze them
proses.atur_pengumpul_sampah()
hasil = {"awal": awal, "ambang": gc.get_threshold(), "ada": ada, "beku": beku, "beku_lagi": gc.get_freeze_count()}
print(json.dumps(hasil))
"""

LEWAT_APP = """
import gc, json
from streamlit.testing.v1 import AppTest
sebelum = gc.get_threshold()[0]
AppTest.from_file("app.py", default_timeout=120).run()
print(json.dumps({"sebelum": sebelum, "sesudah": gc.get_threshold()[0], "beku": gc.get_freeze_count()}))
"""


def _jalankan(kode: str) -> dict[str, Any]:
    keluaran = subprocess.run([sys.executable, "-c", kode], cwd=PROYEK, capture_output=True, text=True, check=True)
    return dict(json.loads(keluaran.stdout.strip().splitlines()[-1]))


def test_ambang_muda_dinaikkan_dan_objek_awal_dibekukan_sekali():
    hasil = _jalankan(SEKALI)
    awal = hasil["awal"]
    assert hasil["ambang"] == [50_000, awal[1], awal[2]]  # only the youngest generation's threshold moves
    assert hasil["beku"] >= hasil["ada"]  # every object made so far (the call's own frame too)
    assert hasil["beku_lagi"] == hasil["beku"]  # the second call froze nothing more


def test_app_mengatur_pengumpul_pada_jalan_pertama():
    hasil = _jalankan(LEWAT_APP)
    assert hasil["sebelum"] == 700
    assert hasil["sesudah"] == 50_000
    assert hasil["beku"] > 10_000  # Streamlit's, pandas' and plotly's modules
