"""The ``kla ringkasan`` subcommand: counts per predikat band for a province or Indonesia, with their basis.

So the figures on Ringkasan can be checked without a browser: one row per band, highest first,
the previous cycle's count, the change only where both counts are official or complete, and how
many kab/kota are known by name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from indicators.analisis import rekap
from indicators.analisis.layanan import PilihanError
from indicators.cli.galat import KODE_GALAT_MASUKAN, cetak_galat_sistem
from indicators.format import format_angka
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import db_bawaan

PERINTAH = ("ringkasan",)
KOLOM = [
    "tahun",
    "predikat",
    "jumlah",
    "tahun_lalu",
    "jumlah_siklus_lalu",
    "selisih",
    "dasar",
    "dasar_lalu",
    "diketahui",
    "total_wilayah",
]


def daftarkan(sub: Any) -> None:
    """Add ``kla ringkasan`` to the ``kla`` subparsers ``sub``."""
    p = sub.add_parser(
        "ringkasan",
        help="jumlah kab/kota per predikat dengan dasarnya (counts per predikat band, with their basis)",
    )
    p.add_argument("--provinsi", required=True, help="kode provinsi Kemendagri, mis. 33; 00 = Indonesia")
    p.add_argument("--tahun", type=int, required=True, help="tahun siklus evaluasi (evaluation year)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--db", type=Path, default=None, help="berkas DuckDB (default: data/kla.duckdb atau $KLA_DB)")


def _tabel(hasil: pd.DataFrame) -> str:
    tampil = hasil[["predikat", "jumlah", "jumlah_siklus_lalu", "selisih"]].copy()
    for kolom in ("jumlah", "jumlah_siklus_lalu"):
        tampil[kolom] = ["–" if pd.isna(v) else format_angka(int(v)) for v in hasil[kolom]]
    tampil["selisih"] = ["–" if pd.isna(v) else rekap.tanda_selisih(int(v)) for v in hasil["selisih"]]
    baris = hasil.iloc[0]
    keterangan = (
        f"Dasar (basis) {int(baris['tahun'])}: {baris['dasar']}; {format_angka(int(baris['diketahui']))} dari "
        f"{format_angka(int(baris['total_wilayah']))} kab/kota diketahui per wilayah (known by name)"
    )
    if pd.notna(baris["tahun_lalu"]):
        keterangan += f"\nSiklus lalu (previous cycle) {int(baris['tahun_lalu'])}: {baris['dasar_lalu']}"
    if hasil["selisih"].isna().all() and pd.notna(baris["tahun_lalu"]):
        keterangan += "\nSelisih tidak dihitung: salah satu siklus hanya daftar sebagian (change not computable)"
    return tampil.to_string(index=False) + "\n" + keterangan + "\n"


def jalankan(args: argparse.Namespace) -> int:
    """Print the counts for ``--provinsi`` and ``--tahun``; return the exit code."""
    db_path = args.db or db_bawaan()
    try:
        if store.versi_database(db_path) is None:
            raise PilihanError(f"Database {db_path} tidak ada atau rusak; jalankan 'kla db build' (run 'kla db build')")
        hasil = rekap.ringkasan_dari_db(db_path, args.provinsi, args.tahun, katalog_bawaan().pita.urutan())
    except PilihanError as exc:
        print(f"Galat (error): {exc}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except (duckdb.Error, OSError) as exc:
        return cetak_galat_sistem(exc, "database", "the database")
    hasil = hasil[KOLOM]
    if args.format == "csv":
        sys.stdout.write(hasil.to_csv(index=False))
    elif args.format == "json":
        sys.stdout.write(hasil.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(_tabel(hasil))
    return 0
