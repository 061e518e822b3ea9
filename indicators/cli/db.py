"""The ``kla db`` subcommands: build, inspect and restore the database file.

``kla db build [--db PATH]`` rebuilds from the committed sources and carries the imports over; the
file it replaces is kept as a version (``<name>.versi-<time>``, the last three), a damaged file is
moved aside to ``<name>.rusak-<time>`` (never overwritten) and a file open in another program is
refused. ``kla db info [--db PATH]`` prints the row count of every table.
``kla db restore [--db PATH] [--versi NAME] [--daftar]`` puts the newest readable kept version back;
the file it replaces becomes the newest version, so a restore is undone the same way. Every build,
quarantine and restore is logged in ``<name>.log`` beside the database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from indicators.bangun import database
from indicators.cli.galat import KODE_GALAT_MASUKAN, KODE_GALAT_SISTEM, cetak_galat_sistem
from indicators.format import Bahasa, format_angka
from indicators.io import store
from indicators.katalog.model import KATALOG_DIR, KatalogError
from indicators.lokasi import db_bawaan
from indicators.teks import t

PERINTAH = ("db",)


class _Galat(Exception):
    """A user-facing error: the key of its text and the values to fill in."""

    def __init__(self, kunci: str, **isian: object) -> None:
        super().__init__(kunci)
        self.kunci, self.isian = kunci, isian


def daftarkan(sub: Any) -> None:
    """Add ``db build``, ``db info`` and ``db restore`` to the ``kla`` subparsers ``sub``."""
    db = sub.add_parser("db", help="bangun, periksa atau pulihkan database (build, inspect or restore the database)")
    aksi = db.add_subparsers(dest="aksi", required=True)
    bantuan_build = (
        "bangun ulang dari sumber, impor dibawa; berkas lama disimpan sebagai versi <db>.versi-<waktu> (3 terakhir), "
        "berkas rusak dipindah ke <db>.rusak-<waktu>, berkas yang dibuka program lain ditolak (rebuild from sources, "
        "imports kept; the old file is kept as a version, a damaged one moved aside, one open elsewhere refused)"
    )
    build = aksi.add_parser("build", help=bantuan_build, description=bantuan_build)
    build.add_argument("--katalog", type=Path, default=KATALOG_DIR, help="folder katalog indikator (catalogue folder)")
    aksi.add_parser("info", help="jumlah baris per tabel (row counts per table)")
    bantuan_pulih = (
        "pulihkan versi tersimpan terbaru yang dapat dibaca; berkas yang diganti disimpan sebagai versi, berkas "
        "rusak dipindah ke <db>.rusak-<waktu> (restore the newest readable kept version; the replaced file is kept "
        "as a version, so a restore is undone the same way)"
    )
    pulih = aksi.add_parser("restore", help=bantuan_pulih, description=bantuan_pulih)
    pulih.add_argument("--versi", default=None, help="nama atau path versi (default: terbaru; lihat --daftar)")
    pulih.add_argument("--daftar", action="store_true", help="hanya daftar versi tersimpan (list kept versions only)")
    for parser in (build, aksi.choices["info"], pulih):
        parser.add_argument("--db", type=Path, default=None, help="berkas DuckDB (default: $KLA_DB, data/kla.duckdb)")
        parser.add_argument("--bahasa", choices=("id", "en"), default="id", help="bahasa pesan (message language)")


def _build(args: argparse.Namespace, bahasa: Bahasa) -> int:
    db_path = args.db or db_bawaan()
    ada = db_path.exists()
    hasil = database.bangun_database(db_path, katalog_dir=args.katalog)
    print(t("bd_cli_dibangun", bahasa, db=hasil.db_path, detik=format_angka(hasil.detik, 1, bahasa)))
    if hasil.rusak is not None:
        print(t("bd_cli_karantina", bahasa, rusak=hasil.rusak))
    if hasil.asal_impor is not None:
        print(t("bd_cli_impor_dari", bahasa, asal=hasil.asal_impor))
    if ada and hasil.rusak is None:
        print(t("bd_cli_versi_lama", bahasa, db=db_path))
    for tabel, jumlah in hasil.jumlah_baris.items():
        print(f"  {tabel:<22} {format_angka(jumlah, 0, bahasa):>10}")
    return 0


def _info(args: argparse.Namespace, bahasa: Bahasa) -> int:
    db_path = args.db or db_bawaan()
    versi = store.versi_database(db_path)
    if versi is None:
        raise _Galat("bd_cli_tak_ada_db", db=db_path)
    jumlah = store.kueri(db_path, "jumlah_baris_per_tabel")
    print(t("bd_cli_info", bahasa, db=db_path, versi=versi))
    for tabel, n in zip(jumlah["tabel"], jumlah["jumlah"], strict=True):
        print(f"  {tabel:<22} {format_angka(int(n), 0, bahasa):>10}")
    return 0


def _daftar(db_path: Path, bahasa: Bahasa) -> int:
    versi = store.versi_tersimpan(db_path)
    if not versi:
        print(t("bd_cli_daftar_kosong", bahasa, db=db_path))
        return 0
    print(t("bd_cli_daftar", bahasa, db=db_path))
    for path in versi:
        baik = store.periksa_database(path).jenis == "siap"
        keadaan = t("bd_cli_versi_baik" if baik else "bd_cli_versi_buruk", bahasa)
        ukuran = format_angka(path.stat().st_size, 0, bahasa)
        print(t("bd_cli_versi_baris", bahasa, nama=path.name, ukuran=ukuran, keadaan=keadaan))
    return 0


def _restore(args: argparse.Namespace, bahasa: Bahasa) -> int:
    db_path = args.db or db_bawaan()
    if args.daftar:
        return _daftar(db_path, bahasa)
    versi = None
    if args.versi is not None:
        versi = Path(args.versi)
        versi = versi if versi.parent != Path() else db_path.parent / versi  # a bare name: beside the database
    try:
        pilihan, disimpan, rusak = database.pulihkan_database(db_path, versi)
    except database.TidakAdaVersi as exc:
        if versi is None:
            raise _Galat("bd_cli_tak_ada_versi", db=db_path) from exc
        raise _Galat("bd_cli_versi_tak_sah", versi=versi) from exc
    if rusak is not None:
        print(t("bd_cli_karantina", bahasa, rusak=rusak))
    print(t("bd_cli_dipulihkan", bahasa, db=db_path, versi=pilihan))
    if disimpan is not None:
        print(t("bd_cli_pulih_disimpan", bahasa, versi=disimpan))
    return 0


def _pesan_tidak_siap(persiapan: database.Persiapan, bahasa: Bahasa) -> str:
    if persiapan.jenis == "terkunci":
        pemegang = store.pemegang_kunci(persiapan.galat) or t("bd_pemegang_tak_dikenal", bahasa)
        return t("bd_cli_terkunci", bahasa, db=persiapan.db_path, pemegang=pemegang)
    return t("bd_cli_tak_terbuka", bahasa, db=persiapan.db_path, galat=persiapan.galat)


def jalankan(args: argparse.Namespace) -> int:
    """Run ``kla db build``, ``kla db info`` or ``kla db restore``; return the exit code."""
    bahasa: Bahasa = args.bahasa
    awal = "Error" if bahasa == "en" else "Galat"
    try:
        if args.aksi == "build":
            return _build(args, bahasa)
        if args.aksi == "info":
            return _info(args, bahasa)
        return _restore(args, bahasa)
    except _Galat as exc:
        print(f"{awal}: {t(exc.kunci, bahasa, **exc.isian)}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except (KatalogError, database.DataSumberError) as exc:
        print(f"Galat (error): {exc}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except database.DatabaseTidakSiap as exc:
        print(f"{awal}: {_pesan_tidak_siap(exc.persiapan, bahasa)}", file=sys.stderr)
        return KODE_GALAT_SISTEM
    except Exception as exc:
        return cetak_galat_sistem(exc, "database", "the database")
