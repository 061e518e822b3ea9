"""The ``kla checklist`` subcommands: the Gugus Tugas evidence checklist as XLSX, out and back in.

``kla checklist export --wilayah CODE --out FILE.xlsx [--tanggal YYYY-MM-DD] [--db PATH]`` writes the
readiness table of one kab/kota, one sheet per OPD (a request-letter attachment).
``kla checklist import FILE [--user NAME] [--password-stdin] [--dry-run] [--db PATH] [--bahasa id|en]``
reads the edited file back: every problem at once, each naming file, sheet, row, column, value and
what is expected (exit 2, nothing written), else one all-or-nothing write of every edited row,
each change logged (who, when, old → new) in the workspace file beside the database.

**Two imports at once.** Every row carries the version of its item at export (the Versi column).
Rows nobody edited are left out, so they cannot undo a newer change. When an edited row's item
has changed since the export (another import, or the dashboard), the **whole** import is refused,
all or nothing like every other problem of the file, with one line per such row: sheet, row, who
changed the item when, and what. ``--dry-run`` shows the same lines without writing.

**Who writes**, as for ``kla import``: without ``--user`` (or while no account exists) the command
runs in local mode, as an admin recorded under the system user name; with ``--user NAME`` the
account's password is asked (getpass, or one line on stdin) and its regional scope applies, so an
editor of 33.75 cannot change 33.26's checklist.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
from typing import Any

from indicators.akun import pengguna as akun
from indicators.cli import ruang_kerja
from indicators.cli.galat import KODE_GALAT_MASUKAN, cetak_galat_sistem
from indicators.format import Bahasa
from indicators.gugus import layanan, simpan, xlsx
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import KatalogError, katalog_bawaan
from indicators.lokasi import db_bawaan
from indicators.teks import t

PERINTAH = ("checklist",)


def daftarkan(sub: Any) -> None:
    """Add ``checklist export`` and ``checklist import`` to the ``kla`` subparsers ``sub``."""
    ck = sub.add_parser("checklist", help="checklist data dukung Gugus Tugas (evidence checklist) sebagai XLSX")
    aksi = ck.add_subparsers(dest="aksi_checklist", required=True)
    ruang_kerja.tambah_export_import(
        aksi,
        bantuan_export="tulis checklist satu kab/kota, satu sheet per OPD (write one sheet per OPD)",
        bantuan_import="baca kembali checklist yang sudah diisi (read an edited checklist back)",
        berkas="berkas .xlsx hasil export",
    )


def _ekspor(args: argparse.Namespace, bahasa: Bahasa) -> int:
    db_path = args.db or db_bawaan()
    kabkota = ruang_kerja.kabkota(db_path)
    if args.wilayah not in kabkota:
        raise ruang_kerja.galat("wilayah_tak_dikenal", kode=args.wilayah)
    katalog, dd = katalog_bawaan(), data_dukung_bawaan()
    hari_ini = ruang_kerja.hari_ini(args.tanggal)
    rk = layanan.ruang_kerja(db_path, katalog, dd, args.wilayah, hari_ini)
    nama_ind = {i.id: i.label.teks for i in katalog.skema[dd.skema].indikator}
    isi = xlsx.tulis_xlsx(
        rk.butir,
        rk.opd,
        kode_wilayah=args.wilayah,
        nama_wilayah=kabkota[args.wilayah],
        dibuat=hari_ini,
        nama_indikator=nama_ind,
        catatan_acuan=layanan.catatan_acuan(rk.acuan, "id"),
        sintetis=rk.acuan.sintetis,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(isi)
    print(
        t(
            "ekspor",
            bahasa,
            nama=kabkota[args.wilayah],
            kode=args.wilayah,
            out=args.out,
            sheet=rk.butir["opd"].nunique(),
            butir=len(rk.butir),
            selesai=int(rk.butir["selesai"].sum()),
        )
    )
    return 0


def _cetak_konflik(konflik: list[simpan.Konflik], hasil: xlsx.HasilChecklist, bahasa: Bahasa) -> int:
    """Print one line per refused row (file, sheet, row: who changed the item when, and what); return 2."""
    print(t("gt_cli_konflik", bahasa, n=len(konflik)), file=sys.stderr)
    for k in konflik:
        sheet, baris = hasil.lokasi.get((k.indikator, k.butir), ("?", 0))
        tempat = f"{hasil.berkas}, sheet '{sheet}', {'row' if bahasa == 'en' else 'baris'} {baris}"
        print(f"  {tempat}: {k.teks(bahasa)}", file=sys.stderr)
    print(t("gt_cli_konflik_saran", bahasa), file=sys.stderr)
    return KODE_GALAT_MASUKAN


def _baca_berkas(
    args: argparse.Namespace, kabkota: dict[str, str], pengguna: akun.Pengguna, bahasa: Bahasa
) -> xlsx.HasilChecklist | None:
    """Read and check the file; print its problems (None) or its notes (the read file)."""
    try:
        data = args.berkas.read_bytes()
    except OSError as exc:
        raise ruang_kerja.galat("tak_ada_berkas", berkas=args.berkas) from exc
    path = simpan.path_gugus(args.db or db_bawaan())
    tambahan = functools.partial(xlsx.kunci_tambahan, path)  # the region's custom items are items too
    hasil = xlsx.baca_xlsx(data, args.berkas.name, data_dukung_bawaan(), kabkota, pengguna, tambahan)
    if not hasil.sah or hasil.kode_wilayah is None:
        print(t("cli_masalah", bahasa, n=len(hasil.masalah)), file=sys.stderr)
        for m in hasil.masalah:
            print(f"  {m.teks(bahasa)}", file=sys.stderr)
        return None
    if hasil.catatan:
        print(t("gt_cli_catatan", bahasa, n=len(hasil.catatan)))
        for m in hasil.catatan:
            print(f"  {m.lokasi(bahasa)}: {m.uraian(bahasa)}")
    return hasil


def _impor(args: argparse.Namespace, bahasa: Bahasa) -> int:
    db_path = args.db or db_bawaan()
    kabkota = ruang_kerja.kabkota(db_path)
    if not args.berkas.is_file():
        raise ruang_kerja.galat("tak_ada_berkas", berkas=args.berkas)
    pengguna = ruang_kerja.masuk(args, db_path, bahasa)
    katalog, dd = katalog_bawaan(), data_dukung_bawaan()
    hasil = _baca_berkas(args, kabkota, pengguna, bahasa)
    if hasil is None or hasil.kode_wilayah is None:
        return KODE_GALAT_MASUKAN
    kode, path = hasil.kode_wilayah, simpan.path_gugus(db_path)
    rk = layanan.ruang_kerja(db_path, katalog, dd, kode, dt.date.today())
    perubahan = xlsx.selaraskan_opd(hasil.perubahan, rk.butir, rk.tersimpan)
    berubah = simpan.jumlah_berubah(perubahan, rk.tersimpan)
    nama = kabkota[kode]
    print(t("cli_ringkas", bahasa, berkas=args.berkas.name, kode=kode, nama=nama, baris=hasil.baris, berubah=berubah))
    # Checked again under the write lock by simpan_butir; here so that --dry-run shows it too.
    if konflik := simpan.konflik_butir(path, kode, perubahan):
        return _cetak_konflik(konflik, hasil, bahasa)
    if args.dry_run:
        print(t("dry_run", bahasa))
        return 0
    try:
        n = simpan.simpan_butir(path, pengguna, kode, perubahan, dd, asal=f"impor {args.berkas.name}")
    except simpan.KonflikError as exc:  # another import or an editor wrote in between
        return _cetak_konflik(exc.konflik, hasil, bahasa)
    print(t("cli_tersimpan", bahasa, n=n, user=pengguna.nama, path=path))
    return 0


def jalankan(args: argparse.Namespace) -> int:
    """Run ``kla checklist export`` or ``kla checklist import``; return the exit code."""
    bahasa: Bahasa = getattr(args, "bahasa", "id")
    awal = "Error" if bahasa == "en" else "Galat"
    try:
        if args.aksi_checklist == "export":
            return _ekspor(args, bahasa)
        return _impor(args, bahasa)
    except (ruang_kerja.GalatPerintah, simpan.GugusError, akun.AkunError) as exc:
        print(f"{awal}: {exc.pesan_en if bahasa == 'en' else exc.pesan}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except KatalogError as exc:
        print(f"Galat (error): {exc}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except Exception as exc:
        return cetak_galat_sistem(exc, "ruang kerja", "the workspace")


def main(argv: list[str] | None = None) -> int:
    """Run only these subcommands (``python -m indicators.cli.checklist ...``); ``kla`` has them too."""
    parser = argparse.ArgumentParser(prog="kla", description="Dasbor KLA: checklist data dukung Gugus Tugas")
    sub = parser.add_subparsers(dest="perintah", required=True)
    daftarkan(sub)
    return jalankan(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
