"""What the workspace XLSX commands (``kla checklist``, ``kla regulasi``) share.

Their arguments, the region list, the date, who writes, and their one-line errors.

**Who writes**, as for ``kla import``: without ``--user`` (or while no account exists) a command
runs in local mode, as an admin recorded under the system user name; with ``--user NAME`` the
account's password is asked (getpass, or one line on stdin) and its regional scope applies.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
from pathlib import Path
from typing import Any

from indicators.akun import pengguna as akun
from indicators.cli.akun import baca_sandi
from indicators.format import Bahasa
from indicators.io import store
from indicators.teks import t


class GalatPerintah(Exception):
    """A user's mistake, printed as one line in the chosen language (exit 2)."""

    def __init__(self, pesan: str, pesan_en: str) -> None:
        super().__init__(pesan)
        self.pesan, self.pesan_en = pesan, pesan_en


def galat(kunci: str, **isian: object) -> GalatPerintah:
    """A :class:`GalatPerintah` from a text-catalogue key, in both languages."""
    return GalatPerintah(t(kunci, "id", **isian), t(kunci, "en", **isian))


def tambah_export_import(aksi: Any, *, bantuan_export: str, bantuan_import: str, berkas: str) -> None:
    """Add the ``export`` and ``import`` subparsers with the arguments both commands take."""
    ek = aksi.add_parser("export", help=bantuan_export)
    ek.add_argument("--wilayah", required=True, metavar="KODE", help="kode kab/kota, mis. 33.75")
    ek.add_argument("--out", type=Path, required=True, help="berkas .xlsx keluaran (output file)")
    ek.add_argument("--tanggal", default=None, help="tanggal hari ini untuk tenggat (YYYY-MM-DD; default: hari ini)")
    ek.add_argument("--db", type=Path, default=None, help="database KLA (default: $KLA_DB atau data/kla.duckdb)")
    ek.add_argument("--bahasa", choices=("id", "en"), default="id", help="bahasa pesan (message language)")
    im = aksi.add_parser("import", help=bantuan_import)
    im.add_argument("berkas", type=Path, help=berkas)
    im.add_argument("--user", default=None, help="akun (sandi diminta, lingkup wilayah berlaku)")
    im.add_argument("--password-stdin", action="store_true", help="baca sandi dari stdin (password on stdin)")
    im.add_argument("--dry-run", action="store_true", help="hanya periksa (check only)")
    im.add_argument("--db", type=Path, default=None)
    im.add_argument("--bahasa", choices=("id", "en"), default="id", help="bahasa pesan (message language)")


def kabkota(db_path: Path) -> dict[str, str]:
    """Code → name of every kab/kota in the database; a clear error when there is no database."""
    if store.versi_database(db_path) is None:
        raise galat("tak_ada_db", db=db_path)
    wilayah = store.kueri(db_path, "wilayah_kabkota")
    return dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))


def hari_ini(teks: str | None) -> dt.date:
    """``--tanggal`` as a date (default today); a clear error for anything but YYYY-MM-DD."""
    if teks is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(teks)
    except ValueError as exc:
        raise galat("tanggal_tak_sah", nilai=teks) from exc


def _nama_sistem() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or "cli"


def masuk(args: argparse.Namespace, db_path: Path, bahasa: Bahasa) -> akun.Pengguna:
    """The account that writes: local mode (an admin under the system name) or a verified account."""
    path = akun.path_akun(db_path)
    if args.user is None:
        return akun.Pengguna(_nama_sistem(), "admin", ())
    try:
        ada_akun = bool(akun.daftar_pengguna(path))
        if not ada_akun:
            print(t("mode_lokal", bahasa, path=path, user=args.user))
            return akun.Pengguna(str(args.user), "admin", ())
        sandi = baca_sandi(args.password_stdin, konfirmasi=False, prompt=f"Sandi untuk {args.user} (password): ")
        pengguna = akun.verifikasi(path, str(args.user), sandi)
    except akun.AkunError as exc:
        raise GalatPerintah(exc.pesan, exc.pesan_en) from exc
    if pengguna is None:
        raise galat("sandi_salah")
    return pengguna
