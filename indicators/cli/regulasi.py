"""The ``kla regulasi`` subcommands: a region's regulation register as XLSX, out and back in.

``kla regulasi export --wilayah CODE --out FILE.xlsx [--tanggal YYYY-MM-DD] [--db PATH]`` writes
the register of one kab/kota (the committed seed plus what its editors stored), one row per entry.
``kla regulasi import FILE [--user NAME] [--password-stdin] [--dry-run] [--db PATH] [--bahasa id|en]``
reads the edited file back, with the rules of ``kla checklist import``: every problem at once, each
naming file, sheet, row, column, value and what is expected (exit 2, nothing written), else one
all-or-nothing write of every edited row, each changed field logged (who, when, old → new) in the
workspace file beside the database. ``--dry-run`` checks everything and writes nothing.

**Who writes**, as for ``kla checklist import``: without ``--user`` (or while no account exists) the
command runs in local mode, as an admin recorded under the system user name; with ``--user NAME``
the account's password is asked (getpass, or one line on stdin) and its regional scope applies, so
an editor of 33.75 cannot change 33.26's register.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from indicators.akun import pengguna as akun
from indicators.cli.akun import baca_sandi
from indicators.cli.galat import KODE_GALAT_MASUKAN, cetak_galat_sistem
from indicators.format import Bahasa
from indicators.gugus import regulasi as rg, regulasi_xlsx, simpan
from indicators.impor.masalah import Masalah
from indicators.io import store
from indicators.lokasi import db_bawaan
from indicators.teks import t

PERINTAH = ("regulasi",)


class _Galat(Exception):
    def __init__(self, kunci: str, **isian: object) -> None:
        super().__init__(t(kunci, "id", **isian))
        self.pesan, self.pesan_en = t(kunci, "id", **isian), t(kunci, "en", **isian)


def daftarkan(sub: Any) -> None:
    """Add ``regulasi export`` and ``regulasi import`` to the ``kla`` subparsers ``sub``."""
    rp = sub.add_parser("regulasi", help="register regulasi (Perda/Perwal/SK) per kab/kota sebagai XLSX")
    aksi = rp.add_subparsers(dest="aksi_regulasi", required=True)
    ek = aksi.add_parser("export", help="tulis register satu kab/kota (write one region's register)")
    ek.add_argument("--wilayah", required=True, metavar="KODE", help="kode kab/kota, mis. 33.75")
    ek.add_argument("--out", type=Path, required=True, help="berkas .xlsx keluaran (output file)")
    ek.add_argument("--tanggal", default=None, help="tanggal hari ini untuk tenggat (YYYY-MM-DD; default: hari ini)")
    ek.add_argument("--db", type=Path, default=None, help="database KLA (default: $KLA_DB atau data/kla.duckdb)")
    ek.add_argument("--bahasa", choices=("id", "en"), default="id", help="bahasa pesan (message language)")
    im = aksi.add_parser("import", help="baca kembali register yang sudah diisi (read an edited register back)")
    im.add_argument("berkas", type=Path, help="berkas .xlsx hasil export")
    im.add_argument("--user", default=None, help="akun (sandi diminta, lingkup wilayah berlaku)")
    im.add_argument("--password-stdin", action="store_true", help="baca sandi dari stdin (password on stdin)")
    im.add_argument("--dry-run", action="store_true", help="hanya periksa (check only)")
    im.add_argument("--db", type=Path, default=None)
    im.add_argument("--bahasa", choices=("id", "en"), default="id", help="bahasa pesan (message language)")


def _kabkota(db_path: Path) -> dict[str, str]:
    if store.versi_database(db_path) is None:
        raise _Galat("tak_ada_db", db=db_path)
    wilayah = store.kueri(db_path, "wilayah_kabkota")
    return dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))


def _hari_ini(teks: str | None) -> dt.date:
    if teks is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(teks)
    except ValueError as exc:
        raise _Galat("tanggal_tak_sah", nilai=teks) from exc


def _ekspor(args: argparse.Namespace, bahasa: Bahasa) -> int:
    db_path = args.db or db_bawaan()
    kabkota = _kabkota(db_path)
    if args.wilayah not in kabkota:
        raise _Galat("wilayah_tak_dikenal", kode=args.wilayah)
    hari_ini = _hari_ini(args.tanggal)
    daftar = rg.daftar_regulasi(simpan.path_gugus(db_path), args.wilayah)
    isi = regulasi_xlsx.tulis_xlsx(
        daftar, kode_wilayah=args.wilayah, nama_wilayah=kabkota[args.wilayah], dibuat=hari_ini
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(isi)
    tak = sum(e.isi.tahap is None for e in daftar)
    print(
        t("rg_cli_ekspor", bahasa, nama=kabkota[args.wilayah], kode=args.wilayah, out=args.out, n=len(daftar), tak=tak)
    )
    return 0


def _nama_sistem() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or "cli"


def _masuk(args: argparse.Namespace, db_path: Path, bahasa: Bahasa) -> akun.Pengguna:
    """The account that writes: local mode (an admin under the system name) or a verified account."""
    path = akun.path_akun(db_path)
    if args.user is None:
        return akun.Pengguna(_nama_sistem(), "admin", ())
    if not akun.daftar_pengguna(path):
        print(t("mode_lokal", bahasa, path=path, user=args.user))
        return akun.Pengguna(str(args.user), "admin", ())
    sandi = baca_sandi(args.password_stdin, konfirmasi=False, prompt=f"Sandi untuk {args.user} (password): ")
    pengguna = akun.verifikasi(path, str(args.user), sandi)
    if pengguna is None:
        raise _Galat("sandi_salah")
    return pengguna


def _cetak_masalah(masalah: list[Masalah], bahasa: Bahasa) -> int:
    print(t("cli_masalah", bahasa, n=len(masalah)), file=sys.stderr)
    for m in masalah:
        print(f"  {m.teks(bahasa)}", file=sys.stderr)
    return KODE_GALAT_MASUKAN


def _impor(args: argparse.Namespace, bahasa: Bahasa) -> int:
    db_path = args.db or db_bawaan()
    kabkota = _kabkota(db_path)
    if not args.berkas.is_file():
        raise _Galat("tak_ada_berkas", berkas=args.berkas)
    pengguna = _masuk(args, db_path, bahasa)
    path = simpan.path_gugus(db_path)
    try:
        data = args.berkas.read_bytes()
    except OSError as exc:
        raise _Galat("tak_ada_berkas", berkas=args.berkas) from exc

    def register_untuk(kode: str) -> dict[str, rg.Entri]:
        return rg.baca_register(path, [kode]).get(kode, {})

    hasil = regulasi_xlsx.baca_xlsx(data, args.berkas.name, kabkota, register_untuk, pengguna)
    if not hasil.sah or hasil.kode_wilayah is None:
        return _cetak_masalah(hasil.masalah, bahasa)
    if hasil.catatan:
        print(t("gt_cli_catatan", bahasa, n=len(hasil.catatan)))
        for m in hasil.catatan:
            print(f"  {m.lokasi(bahasa)}: {m.uraian(bahasa)}")
    kode = hasil.kode_wilayah
    berubah, _ = rg.periksa_perubahan(path, kode, hasil.perubahan)
    print(
        t(
            "rg_cli_ringkas",
            bahasa,
            berkas=args.berkas.name,
            kode=kode,
            nama=kabkota[kode],
            baris=hasil.baris,
            n=berubah,
        )
    )
    if args.dry_run:
        print(t("dry_run", bahasa))
        return 0
    asal = f"impor {args.berkas.name}"
    try:
        n = rg.simpan_regulasi(path, pengguna, kode, hasil.perubahan, asal=asal) if berubah else 0
    except rg.RegulasiError as exc:  # another import or an editor wrote in between
        print(t("rg_cli_berubah_sementara", bahasa), file=sys.stderr)
        print(t("cli_masalah", bahasa, n=len(exc.masalah)), file=sys.stderr)
        baris = "row" if bahasa == "en" else "baris"
        for tolak in exc.masalah:
            tempat = f"{hasil.berkas}, sheet '{regulasi_xlsx.NAMA_SHEET}', {baris} {hasil.lokasi[tolak.indeks]}"
            print(f"  {tempat}: {tolak.teks(bahasa)}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    print(t("cli_tersimpan", bahasa, n=n, user=pengguna.nama, path=path))
    return 0


def jalankan(args: argparse.Namespace) -> int:
    """Run ``kla regulasi export`` or ``kla regulasi import``; return the exit code."""
    bahasa: Bahasa = getattr(args, "bahasa", "id")
    awal = "Error" if bahasa == "en" else "Galat"
    try:
        if args.aksi_regulasi == "export":
            return _ekspor(args, bahasa)
        return _impor(args, bahasa)
    except (_Galat, simpan.GugusError, akun.AkunError) as exc:
        print(f"{awal}: {exc.pesan_en if bahasa == 'en' else exc.pesan}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except Exception as exc:
        return cetak_galat_sistem(exc, "ruang kerja", "the workspace")
