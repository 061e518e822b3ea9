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
import sys
from typing import Any

from indicators.akun import pengguna as akun
from indicators.cli import ruang_kerja
from indicators.cli.galat import KODE_GALAT_MASUKAN, cetak_galat_sistem
from indicators.format import Bahasa
from indicators.gugus import regulasi as rg, regulasi_xlsx, simpan
from indicators.impor.masalah import Masalah
from indicators.lokasi import db_bawaan
from indicators.teks import t

PERINTAH = ("regulasi",)


def daftarkan(sub: Any) -> None:
    """Add ``regulasi export`` and ``regulasi import`` to the ``kla`` subparsers ``sub``."""
    rp = sub.add_parser("regulasi", help="register regulasi (Perda/Perwal/SK) per kab/kota sebagai XLSX")
    aksi = rp.add_subparsers(dest="aksi_regulasi", required=True)
    ruang_kerja.tambah_export_import(
        aksi,
        bantuan_export="tulis register satu kab/kota (write one region's register)",
        bantuan_import="baca kembali register yang sudah diisi (read an edited register back)",
        berkas="berkas .xlsx hasil export",
    )


def _ekspor(args: argparse.Namespace, bahasa: Bahasa) -> int:
    db_path = args.db or db_bawaan()
    kabkota = ruang_kerja.kabkota(db_path)
    if args.wilayah not in kabkota:
        raise ruang_kerja.galat("wilayah_tak_dikenal", kode=args.wilayah)
    hari_ini = ruang_kerja.hari_ini(args.tanggal)
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


def _cetak_masalah(masalah: list[Masalah], bahasa: Bahasa) -> int:
    print(t("cli_masalah", bahasa, n=len(masalah)), file=sys.stderr)
    for m in masalah:
        print(f"  {m.teks(bahasa)}", file=sys.stderr)
    return KODE_GALAT_MASUKAN


def _impor(args: argparse.Namespace, bahasa: Bahasa) -> int:
    db_path = args.db or db_bawaan()
    kabkota = ruang_kerja.kabkota(db_path)
    if not args.berkas.is_file():
        raise ruang_kerja.galat("tak_ada_berkas", berkas=args.berkas)
    pengguna = ruang_kerja.masuk(args, db_path, bahasa)
    path = simpan.path_gugus(db_path)
    try:
        data = args.berkas.read_bytes()
    except OSError as exc:
        raise ruang_kerja.galat("tak_ada_berkas", berkas=args.berkas) from exc

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
    except (ruang_kerja.GalatPerintah, simpan.GugusError, akun.AkunError) as exc:
        print(f"{awal}: {exc.pesan_en if bahasa == 'en' else exc.pesan}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except Exception as exc:
        return cetak_galat_sistem(exc, "ruang kerja", "the workspace")
