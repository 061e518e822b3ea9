"""The ``kla pembinaan`` subcommand: the province's supervision view, one row per kab/kota, in risk order.

``kla pembinaan --provinsi CODE [--format csv|json|table] [--tanggal YYYY-MM-DD] [--db PATH]``
prints what the Pembinaan page shows, so the figures can be checked without a browser: readiness,
overdue items, regulations enacted vs mandated, Kelembagaan items verified, the last self-score
snapshot, the latest evaluation and its change (``perubahan_sintetis`` says when it rests on a
synthetic total; such a change raises no flag), the official predikat change between the last two
recorded cycles (real data), the gap to the next predikat, and the open and overdue supervision
notes. Unknown is empty in CSV, ``null`` in JSON and "tidak diketahui" in the table, never 0. A
province without kab/kota is one error line naming those that exist (exit 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from indicators.cli.galat import KODE_GALAT_MASUKAN, cetak_galat_sistem
from indicators.ekspor import pembinaan as ekspor_pembinaan
from indicators.gugus import pembinaan
from indicators.gugus.simpan import GugusError
from indicators.io import store
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import db_bawaan
from indicators.teks import t

PERINTAH = ("pembinaan",)


def daftarkan(sub: Any) -> None:
    """Add ``kla pembinaan`` to the ``kla`` subparsers ``sub``."""
    p = sub.add_parser(
        "pembinaan",
        help="pembinaan & pengawasan: semua kab/kota satu provinsi menurut risiko (supervision view of a province)",
    )
    p.add_argument("--provinsi", required=True, metavar="KODE", help="kode provinsi Kemendagri, mis. 33")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--tanggal", default=None, help="hari ini untuk tenggat (YYYY-MM-DD; default: hari ini)")
    p.add_argument("--db", type=Path, default=None, help="berkas DuckDB (default: data/kla.duckdb atau $KLA_DB)")


def _tabel(hasil: pembinaan.Pembinaan) -> str:
    """The human table: the page's columns in Indonesian, then coverage and the risk order."""
    tampil = ekspor_pembinaan.tabel_tampilan(hasil.tabel, "id")
    tampil = tampil.drop(columns=[t("pb_kol_dasar", "id"), t("pb_kol_snapshot", "id")])
    baris = [tampil.to_string(index=False), t("pb_cakupan", "id", **hasil.cakupan)]
    baris.append(t("pb_urutan_risiko", "id", ambang=int(pembinaan.AMBANG_KESIAPAN)))
    if hasil.sintetis:
        baris.append(f"Catatan: {t('pb_sintetis', 'id')} {t('pb_sintetis_risiko', 'id')}")
    return "\n".join(baris) + "\n"


def _mesin(tabel: pd.DataFrame) -> pd.DataFrame:
    """The table for machines: dates as ISO text, everything else as it is (unknown stays NA)."""
    hasil = tabel.copy()
    for kolom in ("snapshot_tanggal", "dasar_tanggal"):
        hasil[kolom] = [None if v is None or pd.isna(v) else pd.Timestamp(v).date().isoformat() for v in hasil[kolom]]
    return hasil


def jalankan(args: argparse.Namespace) -> int:
    """Print the view for ``--provinsi``; return the exit code."""
    db_path = args.db or db_bawaan()
    try:
        hari_ini = dt.date.fromisoformat(args.tanggal) if args.tanggal else dt.date.today()
    except ValueError:
        print(f"Galat (error): {t('tanggal_tak_sah', 'id', nilai=args.tanggal)}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    try:
        if store.versi_database(db_path) is None:
            print(f"Galat (error): {t('tak_ada_db', 'id', db=db_path)}", file=sys.stderr)
            return KODE_GALAT_MASUKAN
        hasil = pembinaan.tabel_pembinaan(db_path, katalog_bawaan(), data_dukung_bawaan(), args.provinsi, hari_ini)
    except pembinaan.PembinaanError as exc:
        print(f"Galat (error): {exc.teks('id')} / {exc.teks('en')}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except GugusError as exc:
        return cetak_galat_sistem(exc, "ruang kerja", "the workspace")
    except (duckdb.Error, OSError) as exc:
        return cetak_galat_sistem(exc, "database", "the database")
    if args.format == "csv":
        sys.stdout.write(_mesin(hasil.tabel).to_csv(index=False))
    elif args.format == "json":
        sys.stdout.write(_mesin(hasil.tabel).to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(_tabel(hasil))
    return 0
