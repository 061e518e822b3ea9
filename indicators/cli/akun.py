"""The ``kla user`` subcommands: accounts for the Unggah Data page and ``kla import --user``.

``kla user add NAME --role admin|editor [--wilayah KODE ...]``, ``kla user passwd NAME``,
``kla user list`` and ``kla user remove NAME``; each takes ``--db PATH`` (the accounts file lives
beside that database, see :func:`indicators.akun.path_akun`). A password is read with getpass
(asked twice) or, with ``--password-stdin``, as one line from standard input; it is never printed
or logged. Errors are one clear line, never a traceback, with exit code 2.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from indicators.akun import pengguna
from indicators.cli.galat import KODE_GALAT_MASUKAN
from indicators.io import store
from indicators.lokasi import db_bawaan

PERINTAH = ("user",)


def daftarkan(sub: Any) -> None:
    """Add the ``user`` subcommand group to the ``kla`` subparsers ``sub``."""
    us = sub.add_parser("user", help="kelola akun impor (manage import accounts)")
    aksi = us.add_subparsers(dest="aksi_user", required=True)
    add = aksi.add_parser("add", help="tambah akun (add an account)")
    add.add_argument("nama", help="nama pengguna, mis. ana.dinkes (user name)")
    add.add_argument("--role", choices=pengguna.PERAN, required=True, help="admin atau editor")
    add.add_argument(
        "--wilayah", nargs="+", default=[], metavar="KODE", help="lingkup editor: kab/kota (33.75) atau provinsi (33)"
    )
    pw = aksi.add_parser("passwd", help="ganti sandi (change a password)")
    pw.add_argument("nama")
    for p in (add, pw):
        p.add_argument("--password-stdin", action="store_true", help="baca sandi dari stdin (read it from stdin)")
    rm = aksi.add_parser("remove", help="hapus akun (remove an account)")
    rm.add_argument("nama")
    ls = aksi.add_parser("list", help="daftar akun (list accounts)")
    for p in (add, pw, rm, ls):
        p.add_argument("--db", type=Path, default=None, help="database; akun disimpan di sampingnya (beside it)")


def baca_sandi(dari_stdin: bool, *, konfirmasi: bool, prompt: str = "Sandi (password): ") -> str:
    """Read a password from stdin (one line) or interactively with getpass (twice when ``konfirmasi``).

    Raises:
        akun.AkunError: stdin is empty, or the two entries differ.
    """
    if dari_stdin:
        baris = sys.stdin.readline()
        sandi = baris[:-1] if baris.endswith("\n") else baris
        if not sandi:
            raise pengguna.AkunError("Tidak ada sandi di stdin.", "No password on stdin.")
        return sandi
    sandi = getpass.getpass(prompt)
    if konfirmasi and getpass.getpass("Ulangi sandi (repeat password): ") != sandi:
        raise pengguna.AkunError(
            "Kedua sandi tidak sama; tidak ada yang diubah.", "The passwords differ; nothing changed."
        )
    return sandi


def _kode_sah(db_path: Path) -> set[str] | None:
    """Region codes a scope may name (provinces and kab/kota), or None when the database is missing."""
    if store.versi_database(db_path) is None:
        return None
    wilayah = store.kueri(db_path, "wilayah_semua")
    return set(wilayah.loc[wilayah["tingkat"].isin(["provinsi", "kabkota"]), "kode_wilayah"].astype(str))


def _jalankan(args: argparse.Namespace) -> int:
    db_path = args.db or db_bawaan()
    path = pengguna.path_akun(db_path)
    if args.aksi_user == "list":
        semua = pengguna.daftar_pengguna(path)
        if not semua:
            print(f"Belum ada akun di {path} (no accounts yet).")
            return 0
        for p in semua:
            lingkup = "semua wilayah (all regions)" if p.peran == "admin" else " ".join(p.wilayah)
            print(f"{p.nama:<24} {p.peran:<7} {lingkup}")
        return 0
    if args.aksi_user == "remove":
        pengguna.hapus_pengguna(path, args.nama)
        print(f"Akun {args.nama} dihapus (account removed).")
        return 0
    if args.aksi_user == "add":
        kode_sah = _kode_sah(db_path)
        # Check everything except the password before asking for it.
        if pengguna.cari_pengguna(path, args.nama) is not None:
            raise pengguna.AkunError(
                f"Pengguna '{args.nama}' sudah ada; ganti sandinya dengan 'kla user passwd {args.nama}'.",
                f"User '{args.nama}' already exists; change the password with 'kla user passwd {args.nama}'.",
            )
        sandi = baca_sandi(args.password_stdin, konfirmasi=True)
        baru = pengguna.tambah_pengguna(path, args.nama, args.role, args.wilayah, sandi, kode_sah=kode_sah)
        lingkup = "semua wilayah" if baru.peran == "admin" else " ".join(baru.wilayah)
        print(f"Akun {baru.nama} ({baru.peran}; {lingkup}) disimpan di {path} (account saved).")
        if kode_sah is None:
            print(f"Catatan: database {db_path} belum ada; kode wilayah hanya diperiksa bentuknya.")
        return 0
    if pengguna.cari_pengguna(path, args.nama) is None:
        raise pengguna.AkunError(f"Pengguna '{args.nama}' tidak ada.", f"User '{args.nama}' does not exist.")
    pengguna.ganti_sandi(path, args.nama, baca_sandi(args.password_stdin, konfirmasi=True))
    print(f"Sandi {args.nama} diganti (password changed).")
    return 0


def jalankan(args: argparse.Namespace) -> int:
    """Run one ``kla user`` subcommand from parsed arguments; return the exit code."""
    try:
        return _jalankan(args)
    except pengguna.AkunError as exc:
        print(f"Galat: {exc.pesan} (error: {exc.pesan_en})", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except (EOFError, KeyboardInterrupt):
        print("Dibatalkan; tidak ada yang diubah (cancelled; nothing changed).", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except OSError as exc:
        print(f"Galat (error): {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
