"""A tiny real DuckDB for golden tests, built from hand-chosen scores whose totals are easy to
check by hand: uniform shares of each indicator's maximum, so every group subtotal is that share
of the group's maximum (Kelembagaan 200, Klaster I 120, II 160, III 210, IV 130, V 180)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.bangun import database
from indicators.katalog.model import Katalog

# kode_wilayah: (share of maximum per indicator, official predikat or None)
PORSI_2023 = {
    "33.01": (0.5, "Pratama"),  # exactly 500: lowest edge of Pratama (inclusive)
    "33.02": (0.6, "Madya"),  # exactly 600: still Pratama; official Madya differs (like the 565 case)
    "33.03": (0.7, "Madya"),  # exactly 700: top edge of Madya; tied with 33.04
    "33.04": (0.7, None),  # tie; no official predikat known
    "33.05": (0.8, "Nindya"),  # exactly 800
    "33.06": (0.9, "Utama"),  # exactly 900
    "33.07": (0.85, "Utama"),  # KLA24-24 missing: 850 − 34 = 816, incomplete
    "33.08": (0.45, "Tidak ada"),  # 450: below every band
    "33.09": (0.6, "Madya"),  # 600 + 0,01 on KLA24-01 = 600,01: just inside Madya
    "34.01": (1.0, None),  # 1000 in another province (national rank)
}


def _wilayah() -> pd.DataFrame:
    baris = [
        ("00", "Indonesia", "negara", "nasional", None, "00"),
        ("33", "Jawa Tengah", "provinsi", "provinsi", "00", "33"),
        ("34", "DI Yogyakarta", "provinsi", "provinsi", "00", "34"),
    ]
    baris += [(k, f"Kab. Uji {k}", "kabupaten", "kabkota", k[:2], k[:2]) for k in PORSI_2023]
    df = pd.DataFrame(baris, columns=["kode_wilayah", "nama", "jenis", "tingkat", "kode_induk", "kode_provinsi"])
    df["sumber_id"] = "uji"
    return df


def _seragam(katalog: Katalog, skema: str, tahun: int, kode: str, tahap: str, porsi: float) -> list[dict[str, object]]:
    return [
        {
            "tahun": tahun,
            "kode_wilayah": kode,
            "indikator": i.id,
            "tahap": tahap,
            "nilai": round(porsi * i.nilai_maks, 2),
        }
        for i in katalog.skema[skema].indikator
    ]


def skor_mini(katalog: Katalog) -> pd.DataFrame:
    """The fixture's per-indicator scores."""
    baris: list[dict[str, object]] = []
    for kode, (porsi, _) in PORSI_2023.items():
        baris += _seragam(katalog, "KLA24", 2023, kode, "final", porsi)
    skor = pd.DataFrame(baris)
    skor = skor[~((skor["kode_wilayah"] == "33.07") & (skor["indikator"] == "KLA24-24"))]
    skor.loc[(skor["kode_wilayah"] == "33.09") & (skor["indikator"] == "KLA24-01"), "nilai"] += 0.01
    # 33.01 over time and stages: 2017 under KLA31 at 40 %, 2021 at 45 %, and a 2023 self-assessment
    # at 60 % everywhere except KLA24-21, claimed at its full 60 and verified at 30.
    lain = _seragam(katalog, "KLA31", 2017, "33.01", "final", 0.4)
    lain += _seragam(katalog, "KLA24", 2021, "33.01", "final", 0.45)
    mandiri = _seragam(katalog, "KLA24", 2023, "33.01", "mandiri", 0.6)
    for b in mandiri:
        if b["indikator"] == "KLA24-21":
            b["nilai"] = 60.0
    skor = pd.concat([skor, pd.DataFrame(lain + mandiri)], ignore_index=True)
    skor["sintetis"] = False
    skor["sumber_id"] = "uji"
    return skor


def bangun_mini(db_path: Path, katalog: Katalog) -> Path:
    """Write the tiny database and return its path."""
    predikat = pd.DataFrame(
        [(2023, k, p) for k, (_, p) in PORSI_2023.items() if p is not None],
        columns=["tahun", "kode_wilayah", "predikat"],
    ).assign(dasar="stated", keyakinan="tinggi", sintetis=False, sumber_id="uji")
    tabel = {
        "sumber": pd.DataFrame([{"sumber_id": "uji", "sitasi": "data uji", "jenis": "uji", "sintetis": False}]),
        "wilayah": _wilayah(),
        "tetangga": pd.DataFrame(
            [("33.01", "33.02", 1.0), ("33.02", "33.01", 1.0)],
            columns=["kode_wilayah", "kode_tetangga", "panjang_batas_km"],
        ),
        **database.katalog_ke_tabel(katalog),
        "predikat_resmi": predikat,
        "skor_indikator": skor_mini(katalog),
    }
    database.tulis_database(db_path, tabel)
    return db_path
