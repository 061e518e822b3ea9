"""Overview helpers: previous cycle, official predikat moves, province status (counts: test_rekap.py)."""

from __future__ import annotations

import pandas as pd

from indicators.analisis import ringkasan

URUTAN = ["Pratama", "Madya", "Nindya", "Utama", "KLA"]


def test_siklus_sebelumnya_tidak_tahunan():
    siklus = [2017, 2018, 2019, 2021, 2022, 2023, 2025]
    assert ringkasan.siklus_sebelumnya(2025, siklus) == 2023
    assert ringkasan.siklus_sebelumnya(2021, siklus) == 2019
    assert ringkasan.siklus_sebelumnya(2017, siklus) is None


def test_pergerakan_predikat_hanya_yang_diketahui_di_kedua_siklus():
    predikat = pd.DataFrame(
        [
            ("a", "A", 2023, "Madya"),
            ("a", "A", 2025, "Utama"),
            ("b", "B", 2023, "Nindya"),
            ("b", "B", 2025, "Madya"),
            ("c", "C", 2023, "Tidak ada"),
            ("c", "C", 2025, "Pratama"),
            ("d", "D", 2025, "Madya"),
            ("e", "E", 2023, "Madya"),
            ("e", "E", 2025, "Madya"),
        ],
        columns=["kode_wilayah", "nama", "tahun", "predikat"],
    )
    gerak = ringkasan.pergerakan_predikat(predikat, 2025, 2023, URUTAN).set_index("kode_wilayah")
    assert gerak["langkah"].to_dict() == {"a": 2, "c": 1, "e": 0, "b": -1}
    assert "d" not in gerak.index
    assert ringkasan.pergerakan_predikat(predikat, 2025, None, URUTAN).empty


def test_provinsi_nasional_lengkap_hanya_bila_sama_dengan_rekap():
    provinsi = pd.DataFrame({"kode_wilayah": ["31", "33", "35"], "nama": ["DKI", "Jateng", "Jatim"]})
    award = pd.DataFrame(
        {
            "tahun": [2025, 2025, 2019],
            "kode_wilayah": ["31", "33", "35"],
            "penghargaan": [
                "Provinsi Layak Anak (Provila)",
                "Provinsi Layak Anak (Provila)",
                "Pelopor Provinsi Layak Anak",
            ],
        }
    )
    kabkota = pd.DataFrame(
        {"kode_wilayah": ["33.01", "33.02", "35.78"], "predikat_resmi": ["Madya", "Tidak ada", "Utama"]}
    )
    data, lengkap = ringkasan.provinsi_nasional(provinsi, award, kabkota, 2025, 2)
    assert lengkap
    assert data.set_index("kode_wilayah")["status"].to_dict() == {
        "31": "provila",
        "33": "provila",
        "35": "bukan_provila",
    }
    assert data.set_index("kode_wilayah")["kabkota_diketahui"].to_dict() == {"31": 0, "33": 1, "35": 1}
    _, lengkap = ringkasan.provinsi_nasional(provinsi, award, kabkota, 2025, 14)
    assert not lengkap
    sebagian, _ = ringkasan.provinsi_nasional(provinsi, award, kabkota, 2025, None)
    assert sebagian.set_index("kode_wilayah").loc["35", "status"] == "tidak_diketahui"
    lama, _ = ringkasan.provinsi_nasional(provinsi, award, kabkota, 2019, None)
    assert lama.set_index("kode_wilayah").loc["35", "status"] == "penghargaan_lain"


def test_predikat_dua_siklus_hanya_yang_diketahui_dengan_tahunnya():
    kini = pd.DataFrame({"kode_wilayah": ["a", "b"], "predikat_resmi": ["Madya", None], "total": [650.0, 700.0]})
    lalu = pd.DataFrame({"kode_wilayah": ["a", "b"], "predikat_resmi": ["Pratama", "Nindya"], "total": [1.0, 2.0]})
    dua = ringkasan.predikat_dua_siklus(kini, lalu, 2025, 2023)
    assert list(zip(dua["kode_wilayah"], dua["tahun"], dua["predikat"], strict=True)) == [
        ("a", 2025, "Madya"),
        ("a", 2023, "Pratama"),
        ("b", 2023, "Nindya"),
    ]
    assert "predikat_resmi" not in dua.columns
    tanpa_lalu = ringkasan.predikat_dua_siklus(kini, None, 2019, None)
    assert list(zip(tanpa_lalu["kode_wilayah"], tanpa_lalu["tahun"], strict=True)) == [("a", 2019)]
