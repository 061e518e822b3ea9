"""The ``kla`` command: catalogue and scores here; the database (``kla db``), imports and the rest in their modules.

Every error reaches the user as one clear line in Indonesian (English after it), never a
traceback, and the command exits non-zero.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import duckdb

from indicators.analisis import analitik, layanan
from indicators.bangun import database
from indicators.cli import (
    akun,
    bench,
    checklist,
    db,
    ekspor,
    impor,
    layanan as serve,
    pembinaan,
    perlindungan,
    regulasi,
    ringkasan,
)
from indicators.cli.galat import KODE_GALAT_MASUKAN
from indicators.format import format_angka
from indicators.io import store
from indicators.katalog.model import KATALOG_DIR, KatalogError, katalog_bawaan, muat_katalog
from indicators.lokasi import db_bawaan

# Subcommand groups that live in their own modules: each has PERINTAH (the command names it
# owns), daftarkan(sub) to add its parsers and jalankan(args) to run one and return the exit code.
_MODUL_PERINTAH = (db, impor, akun, checklist, ekspor, bench, ringkasan, regulasi, pembinaan, perlindungan, serve)


class GalatPengguna(Exception):
    """An error caused by the user's input, shown as one line."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kla", description="Dasbor KLA: alat baris perintah (command-line tools)")
    sub = parser.add_subparsers(dest="perintah", required=True)

    ind = sub.add_parser("indikator", help="daftar katalog indikator (list the indicator catalogue)")
    ind.add_argument("--skema", default=None, help="KLA24 atau KLA31 (default: semua / all)")
    ind.add_argument("--format", choices=("table", "csv"), default="table")
    ind.add_argument("--katalog", type=Path, default=KATALOG_DIR, help=argparse.SUPPRESS)

    sc = sub.add_parser("scores", help="skor per kab/kota untuk satu siklus (scores per kab/kota for one cycle)")
    sc.add_argument("--tahun", type=int, required=True, help="tahun siklus evaluasi (evaluation year)")
    sc.add_argument("--provinsi", default=None, help="kode provinsi Kemendagri, mis. 33 (province code)")
    sc.add_argument("--tahap", default="final", help="mandiri, provinsi, pusat atau final (default: final)")
    sc.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sc.add_argument("--db", type=Path, default=None)
    for modul in _MODUL_PERINTAH:
        modul.daftarkan(sub)
    return parser


def _indikator(args: argparse.Namespace) -> int:
    katalog = muat_katalog(args.katalog)
    if args.skema is not None and args.skema not in katalog.skema:
        tersedia = ", ".join(katalog.skema)
        raise GalatPengguna(f"Skema '{args.skema}' tidak dikenal; tersedia: {tersedia} (unknown scheme)")
    # The same rows the database holds, under the command's column names.
    df = database.tabel_indikator_katalog(katalog).drop(columns="nilai_maks_asumsi")
    df = df.rename(columns={"indikator": "id", "kode_skema": "skema", "kode_kelompok": "klaster"})
    if args.skema is not None:
        df = df[df["skema"] == args.skema]
    if args.format == "csv":
        sys.stdout.write(df.to_csv(index=False))
    else:
        tampil = df[["id", "nomor", "klaster", "label", "nilai_maks"]].copy()
        tampil["nilai_maks"] = [format_angka(v, 0) for v in tampil["nilai_maks"]]
        sys.stdout.write(tampil.to_string(index=False) + "\n")
    return 0


def _scores(args: argparse.Namespace) -> int:
    db_path = args.db or db_bawaan()
    if store.versi_database(db_path) is None:
        raise GalatPengguna(f"Database {db_path} tidak ada atau rusak; jalankan 'kla db build' (run 'kla db build')")
    try:
        tabel = layanan.tabel_skor(
            db_path, katalog_bawaan(), tahun=args.tahun, tahap=args.tahap, kode_provinsi=args.provinsi
        )
    except layanan.PilihanError as exc:
        raise GalatPengguna(str(exc)) from exc
    if args.format == "csv":
        sys.stdout.write(tabel.to_csv(index=False))
    elif args.format == "json":
        sys.stdout.write(tabel.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        tampil = tabel[
            [
                "kode_wilayah",
                "nama",
                "total",
                "predikat_hitung",
                "predikat_resmi",
                "peringkat_provinsi",
                "selisih_ke_predikat_berikut",
                "lengkap",
                "sintetis",
            ]
        ].copy()
        tampil["total"] = [format_angka(v, 2) for v in tampil["total"]]
        tampil["selisih_ke_predikat_berikut"] = [format_angka(v, 2) for v in tampil["selisih_ke_predikat_berikut"]]
        label = analitik.label_peringkat(tabel["peringkat_provinsi"], tabel["seri_provinsi"])
        tampil["peringkat_provinsi"] = [f"{r} dari {n}" for r, n in zip(label, tabel["jumlah_provinsi"], strict=True)]
        sys.stdout.write(tampil.fillna("–").to_string(index=False) + "\n")
        if tabel["sintetis"].any():
            sys.stdout.write("Catatan: skor per indikator adalah data contoh (sintetis) / synthetic example scores.\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kla`` command and return its exit code."""
    args = _parser().parse_args(argv)
    for modul in _MODUL_PERINTAH:
        if args.perintah in modul.PERINTAH:
            return int(modul.jalankan(args))
    try:
        if args.perintah == "scores":
            return _scores(args)
        return _indikator(args)
    except (KatalogError, database.DataSumberError, GalatPengguna) as exc:
        print(f"Galat (error): {exc}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except (duckdb.Error, OSError) as exc:
        print(f"Galat (error): {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
