"""Text columns are kept in numpy storage once the core is imported (indicators/__init__.py).

Arrow-backed text cost about a quarter of a rerun's server CPU on our small frames; the same
``str`` dtype with numpy storage keeps the behaviour (missing values are NaN) and not the cost.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

import indicators
from indicators.io import store


def test_kolom_teks_disimpan_numpy_dengan_nan_sebagai_kosong():
    assert indicators.__name__ == "indicators"
    seri = pd.Series(["33.01", None])
    assert seri.dtype == "str"
    assert getattr(seri.dtype, "storage", None) == "python"  # the stubs type a Series dtype as numpy's
    assert math.isnan(seri.iloc[1])


def test_kueri_database_memberi_teks_numpy(db_bawaan: Path):
    wilayah = store.kueri(db_bawaan, "wilayah_semua")
    assert wilayah["kode_wilayah"].dtype == "str"
    assert getattr(wilayah["kode_wilayah"].dtype, "storage", None) == "python"
