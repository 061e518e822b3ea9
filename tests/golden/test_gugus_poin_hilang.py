"""Golden: the score points missing per OPD on the Gugus Tugas page (issue #16 item 9), and the
trajectory's cycle axis.

Hand computation (catalogue maxima, ``indicators/katalog/skema_kla24.yaml``; item owners from the
data dukung catalogue): Disdik owns items of KLA24-10 (max 30), KLA24-18 (45), KLA24-19 (45) and
KLA24-23 (40), so its maximum is 30 + 45 + 45 + 40 = 160. With a self-score snapshot of
KLA24-10 = 22,5, KLA24-18 = 45, KLA24-19 = 30,25, KLA24-23 = 0 its score is 97,75 and its
missing score points are 160 − 97,75 = **62,25**. Bagian/Biro Hukum Setda owns only KLA24-01
(max 70); with KLA24-01 = 51,5 it misses 70 − 51,5 = **18,5**. Its open checklist points, by
contrast, are 35 (two of KLA24-01's four items, 70 / 4 = 17,5 each, none complete): a different
number, which is why the page shows both.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from indicators.grafik import gugus as grafik_gugus
from indicators.gugus import tugas
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan

KAT = katalog_bawaan()
DD = data_dukung_bawaan()
HARI = dt.date(2026, 3, 1)
SKOR = {"KLA24-10": 22.5, "KLA24-18": 45.0, "KLA24-19": 30.25, "KLA24-23": 0.0, "KLA24-01": 51.5}


def _butir() -> pd.DataFrame:
    opd = tugas.opd_efektif(pd.DataFrame(columns=["indikator", "opd", "peran_kontak", "urutan"]), KAT, DD)
    return tugas.tabel_butir(pd.DataFrame(columns=["indikator", "butir"]), opd, KAT, DD, hari_ini=HARI)


def _acuan(skor: dict[str, float]) -> tugas.Acuan:
    snapshot = pd.DataFrame({"tanggal": HARI, "indikator": list(skor), "nilai": list(skor.values())})
    return tugas.acuan_skor(snapshot, pd.DataFrame(), KAT, "KLA24", "33.75")


def test_poin_hilang_disdik_dan_bagian_hukum_dihitung_tangan():
    hilang = tugas.poin_hilang(_butir(), _acuan(SKOR), "opd").set_index("opd")
    assert hilang.loc["Disdik", "jumlah_indikator"] == 4
    assert hilang.loc["Disdik", "nilai_maks"] == 160.0
    assert hilang.loc["Disdik", "skor"] == 97.75
    assert hilang.loc["Disdik", "poin_hilang"] == 62.25
    assert hilang.loc["Bagian/Biro Hukum Setda", "poin_hilang"] == 18.5
    # Open checklist points of the same OPD: a different quantity (2 of 4 items of 70 points).
    kesiapan = tugas.kesiapan(_butir().assign(poin_prioritas=0.0), "opd").set_index("opd")
    assert kesiapan.loc["Bagian/Biro Hukum Setda", "poin_dipertaruhkan"] == 35.0


def test_poin_hilang_tidak_diketahui_bila_skor_indikator_tidak_ada():
    tanpa_23 = {k: v for k, v in SKOR.items() if k != "KLA24-23"}
    hilang = tugas.poin_hilang(_butir(), _acuan(tanpa_23), "opd").set_index("opd")
    assert hilang["poin_hilang"].isna()["Disdik"]  # unknown, never counted as 0
    assert hilang.loc["Bagian/Biro Hukum Setda", "poin_hilang"] == 18.5
    kosong = tugas.Acuan("kosong", pd.DataFrame(columns=["indikator", "nilai"]), {})
    assert tugas.poin_hilang(_butir(), kosong, "opd")["poin_hilang"].isna().all()


class _Lintasan:
    """A workspace with evaluations in 2019, 2021, 2022, 2023, 2025 and one snapshot."""

    def __init__(self, skor: pd.DataFrame, lintasan: pd.DataFrame) -> None:
        self.skor_wilayah = skor
        self.lintasan = lintasan


def _skor_siklus() -> pd.DataFrame:
    baris = []
    for tahun in (2019, 2021, 2022, 2023, 2025):
        for tahap in ("mandiri", "final"):
            for ind in KAT.skema["KLA24"].indikator:
                baris.append(
                    {
                        "tahun": tahun,
                        "kode_wilayah": "33.75",
                        "indikator": ind.id,
                        "tahap": tahap,
                        "nilai": ind.nilai_maks * 0.7,
                        "sintetis": True,
                    }
                )
    return pd.DataFrame(baris)


def test_lintasan_titik_evaluasi_tepat_di_tik_siklus_dan_celah_diarsir():
    lintasan = pd.DataFrame({"tanggal": [dt.date(2026, 7, 2)], "total": [780.0]})
    fig = grafik_gugus.grafik_lintasan(_Lintasan(_skor_siklus(), lintasan), KAT, 2027, None, "id")
    tik = list(fig.layout.xaxis.tickvals)
    assert tik == [2019, 2021, 2022, 2023, 2025, 2027]  # one tick per cycle, and the next one
    evaluasi = [tr for tr in fig.data if isinstance(tr, go.Scatter) and "evaluasi" in str(tr.name)]
    assert len(evaluasi) == 2
    for tr in evaluasi:
        assert list(tr.x) == [2019, 2021, 2022, 2023, 2025]  # 2023 sits on the "2023" tick, not by "2024"
        assert "(sintetis)" in tr.name
    snapshot = next(tr for tr in fig.data if tr.name == "Snapshot skor mandiri")
    assert 2026.49 < snapshot.x[0] < 2026.51  # 2 July, half-way through 2026
    assert "2 Juli 2026" in snapshot.hovertext[0]
    arsir = [s for s in fig.layout.shapes if s.type == "rect"]
    assert sorted(round((s.x0 + s.x1) / 2) for s in arsir) == [2020, 2024]  # years without an evaluation
