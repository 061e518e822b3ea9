"""Disclosure control on a table worked out by hand (tests/golden/perlindungan_sensor.csv).

Threshold 5. The input (cases per form, four kab/kota):

======  =====  ======  =======  =====
        fisik  psikis  seksual  total
======  =====  ======  =======  =====
33.01     12       2       30     44
33.02      0       9        4     13
33.03      7      15        0     22
33.04     20       8       25     53
total     39      34       59    132
======  =====  ======  =======  =====

**Public.** Primary: 33.01 psikis (2) and 33.02 seksual (4). Each needs a second hidden cell in
its row and its column, and the cheapest cycle is the rectangle 33.01/33.02 × psikis/seksual,
which hides only 33.01 seksual (30) and 33.02 psikis (9): psikis +1 and seksual −1 in 33.01,
seksual +1 and psikis −1 in 33.02 (3, 29, 5, 8), or the other way (1, 31, 3, 10); every other
cycle needs three more cells. With p the hidden 2, a viewer knows 33.01 seksual = 44 − 12 − p,
33.02 psikis = 34 − 15 − 8 − p = 11 − p and 33.02 seksual = 13 − (11 − p) = 2 + p; "1–5" and
"x" leave p = 1, 2 or 3 (33.02 seksual 3, 4 or 5): neither small count is recovered. Zeros, totals
and everything else stay published.

**Editor of 33.02** (sees 0, 9, 4 exactly). Only 33.01 psikis (2) is primary. Its row needs a
partner among 12 and 30, its column among 15 and 8 (9 is known), and the cycle must close through
a cell of 33.03 or 33.04 above the threshold: three more cells whatever the choice (33.01 fisik,
33.03 fisik, 33.03 psikis; or 33.01 fisik, 33.04 fisik, 33.04 psikis; or 33.01 seksual, 33.04
seksual, 33.04 psikis). The tie goes to the first cells in table order: 33.01 fisik (12), 33.03
fisik (7) and 33.03 psikis (15). The viewer knows, with p the hidden 2: 33.01 fisik = 14 − p,
33.03 psikis = 17 − p, 33.03 fisik = 5 + p; every one of p = 1..5 fits (each "x" stays above 5).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indicators.perlindungan.sensor import TOTAL, kendalikan
from tests.unit.test_sensor_perlindungan import AMBANG, tertebak

GOLDEN = Path(__file__).parent / "perlindungan_sensor.csv"
KOLOM = ["fisik", "psikis", "seksual"]


def _kasus(nama: str) -> pd.DataFrame:
    df = pd.read_csv(GOLDEN, dtype=str, keep_default_na=False)
    return df[df["kasus"] == nama].drop(columns="kasus").set_index("baris")[KOLOM]


@pytest.mark.parametrize(("kasus", "terbuka"), [("publik", frozenset()), ("editor_33.02", frozenset({"33.02"}))])
def test_tabel_hitung_tangan(kasus: str, terbuka: frozenset[str]):
    masukan = _kasus("masukan").astype(int)
    hasil = kendalikan(masukan, terbuka=terbuka)
    harapan = _kasus(kasus)
    aktual = hasil.teks.drop(columns=TOTAL)
    aktual.index.name = "baris"
    pd.testing.assert_frame_equal(aktual, harapan, check_names=False, check_dtype=False, check_index_type=False)
    # the row totals are published as they are (none is small, none is needed to close a cycle)
    assert list(hasil.teks[TOTAL]) == ["44", "13", "22", "53", "132"]
    assert tertebak(masukan, hasil.teks, AMBANG) == []


def test_bulan_di_bawah_total_yang_diketahui():
    """Months of one kab/kota under its yearly total (51) as the recap publishes it: January (2) is
    primary; February (40) and March (9) could each close the cycle (January +1, the other −1), and
    the tie goes to the first, February. January + February = 42 with January 1..5: not recovered."""
    bulan = pd.DataFrame({1: [2], 2: [40], 3: [9], 4: [0]}, index=["33.04"])
    hasil = kendalikan(bulan, total_diketahui={"33.04"}, total_baris=False)
    assert list(hasil.teks.loc["33.04"]) == ["1–5", "x", "9", "0", "51"]
