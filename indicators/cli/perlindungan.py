"""The ``kla perlindungan`` subcommands: the child-protection template, import and provincial recap.

``kla perlindungan template --out FILE.xlsx [--tahun YEAR] [--wilayah CODE ...] [--provinsi CODE]
[--db PATH]`` writes the import template (one sheet per table, one column per category).

``kla perlindungan import FILE [--dry-run] [--db PATH] [--user NAME --password-stdin] [--bahasa id|en]``
is ``kla import`` for this kind of file, with the same rules and exit codes: every problem at once
on stderr (exit 2, nothing written), else the preview (new / changed / unchanged rows and the
months each region-year-table reports before and after), then the all-or-nothing commit unless
``--dry-run``. A file carrying personal data is refused whole and nothing of it is printed but
where it is. ``--rollback ID`` and ``--log`` work as for ``kla import`` (one import history).

``kla perlindungan rekap --provinsi CODE --tahun YEAR [--format csv|json|table] [--db PATH]
[--user NAME --password-stdin]`` prints one row per kab/kota (cases by form of violence, total,
rate per 10 000 children, months reported, synthetic, verified) from
:func:`indicators.perlindungan.data.rekap_provinsi`. **Public by default**: without ``--user`` every
cell is disclosure-controlled (small counts print as ``1-5`` or ``<6``, cells hidden so that no small
count can be recovered from a total print as ``x``). With ``--user`` the account's password is
checked and the rows its scope covers are exact; the others stay controlled. Exact values need a
verified account: ``--user`` is refused while no account exists (there is no local mode here).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.akun import pengguna as akun
from indicators.cli import impor as cli_impor
from indicators.cli.akun import baca_sandi
from indicators.cli.galat import KODE_GALAT_MASUKAN, cetak_galat_sistem
from indicators.format import Bahasa
from indicators.galat import GalatDwibahasa
from indicators.impor import terapkan
from indicators.impor.masalah import ImporError
from indicators.impor.templat_perlindungan import buat_templat_perlindungan
from indicators.io import store
from indicators.lokasi import db_bawaan
from indicators.perlindungan import data as data_perlindungan
from indicators.perlindungan.sensor import BentukPrimer
from indicators.teks import t
from indicators.teks_aman import tampak_kontrol

PERINTAH = ("perlindungan",)
_BENTUK_PRIMER: dict[str, BentukPrimer] = {"1-5": "rentang", "<6": "kurang_dari"}


def daftarkan(sub: Any) -> None:
    """Add ``perlindungan template|import|rekap`` to the ``kla`` subparsers ``sub``."""
    pl = sub.add_parser("perlindungan", help="perlindungan anak: templat, impor, rekap (child protection)")
    aksi = pl.add_subparsers(dest="aksi_perlindungan", required=True)

    tp = aksi.add_parser("template", help="templat impor XLSX: satu sheet per tabel (one sheet per table)")
    tp.add_argument("--out", type=Path, required=True, help="berkas .xlsx keluaran (output file)")
    tp.add_argument("--tahun", type=int, default=None, help="isi baris wilayah × bulan untuk tahun ini (prefill)")
    tp.add_argument("--wilayah", nargs="+", default=None, metavar="KODE", help="kode kab/kota, mis. 33.75 33.26")
    tp.add_argument("--provinsi", default=None, help="batasi daftar wilayah ke satu provinsi, mis. 33")
    tp.add_argument("--db", type=Path, default=None, help="database untuk daftar wilayah (default: $KLA_DB)")

    im = aksi.add_parser("import", help="impor angka agregat XLSX/CSV dengan pratinjau (import with preview)")
    im.add_argument("berkas", nargs="?", type=Path, default=None, help="berkas .xlsx atau .csv")
    im.add_argument("--dry-run", action="store_true", help="hanya periksa dan pratinjau (check and preview only)")
    im.add_argument("--db", type=Path, default=None)
    im.add_argument("--user", default=None, help="akun (sandi diminta, lingkup wilayah berlaku)")
    im.add_argument("--password-stdin", action="store_true", help="baca sandi akun dari stdin (password on stdin)")
    im.add_argument("--bahasa", choices=("id", "en"), default="id", help="bahasa pesan (message language)")
    im.add_argument("--rollback", type=int, default=None, metavar="ID", help="batalkan impor ID (undo import ID)")
    im.add_argument("--log", action="store_true", help="daftar impor (list imports)")
    im.set_defaults(jenis="perlindungan")

    rk = aksi.add_parser("rekap", help="rekap provinsi per kab/kota, tersamar untuk publik (disclosure-controlled)")
    rk.add_argument("--provinsi", required=True, help="kode provinsi, mis. 33")
    rk.add_argument("--tahun", type=int, required=True, help="tahun data (year)")
    rk.add_argument("--format", choices=("csv", "json", "table"), default="table")
    rk.add_argument(
        "--tersamar",
        choices=tuple(_BENTUK_PRIMER),
        default="1-5",
        help="cara menulis angka kecil yang disamarkan (how a suppressed small count prints)",
    )
    rk.add_argument("--db", type=Path, default=None)
    rk.add_argument("--user", default=None, help="akun editor: angka pasti untuk wilayah dalam lingkupnya")
    rk.add_argument("--password-stdin", action="store_true", help="baca sandi akun dari stdin (password on stdin)")
    rk.add_argument("--bahasa", choices=("id", "en"), default="id", help="bahasa pesan (message language)")


def _cetak(teks: str, file: Any = None) -> None:
    print("\n".join(tampak_kontrol(b) for b in teks.split("\n")), file=file)


def _template(args: argparse.Namespace) -> int:
    db_path = args.db or db_bawaan()
    wilayah = terapkan.muat_wilayah(db_path)
    if args.provinsi:
        wilayah = wilayah[wilayah["kode_provinsi"] == args.provinsi]
    isi = buat_templat_perlindungan(wilayah, tahun=args.tahun, wilayah=args.wilayah)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(isi)
    buku = load_workbook(io.BytesIO(isi), read_only=True)
    sheet = [n for n in buku.sheetnames if n not in ("Petunjuk", "Daftar")]
    _cetak(t("pe_cli_templat", "id", out=args.out, n=len(sheet), sheet=", ".join(sheet)))
    return 0


def _pengguna(args: argparse.Namespace, db_path: Path) -> akun.Pengguna | None:
    """The verified account of ``--user`` (None without it: the public view).

    Raises:
        ImporError: no account exists (exact figures need a verified editor), or the name or
            password is wrong.
    """
    if not args.user:
        return None
    path = akun.path_akun(db_path)
    try:
        if not akun.daftar_pengguna(path):
            raise ImporError(t("pe_cli_tanpa_akun", "id", path=path), t("pe_cli_tanpa_akun", "en", path=path))
        sandi = baca_sandi(args.password_stdin, konfirmasi=False, prompt=f"Sandi untuk {args.user} (password): ")
    except akun.AkunError as exc:
        raise ImporError(exc.pesan, exc.pesan_en) from exc
    pengguna = akun.verifikasi(path, str(args.user), sandi)
    if pengguna is None:
        raise ImporError(t("sandi_salah", "id"), t("sandi_salah", "en"))
    return pengguna


def _rekap(args: argparse.Namespace) -> int:
    bahasa: Bahasa = args.bahasa
    db_path = args.db or db_bawaan()
    if store.versi_database(db_path) is None:
        raise ImporError(t("pe_verifikasi_tanpa_db", "id", db=db_path), t("pe_verifikasi_tanpa_db", "en", db=db_path))
    pengguna = _pengguna(args, db_path)
    terbuka = data_perlindungan.terbuka_untuk(pengguna)
    tabel = data_perlindungan.rekap_provinsi(
        db_path,
        args.provinsi,
        args.tahun,
        terbuka=terbuka,
        bahasa=bahasa,
        ascii_=True,  # "1-5", "x", "-": the same markers in a terminal, a script and a spreadsheet
        bentuk_primer=_BENTUK_PRIMER[args.tersamar],
    )
    if args.format == "csv":
        sys.stdout.write(tabel.to_csv(index=False))
    elif args.format == "json":
        sys.stdout.write(tabel.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(tabel.to_string(index=False) + "\n")
        terbuka_di_sini = [k for k in tabel["kode_wilayah"] if pengguna is not None and akun.dalam_lingkup(pengguna, k)]
        catatan = "pe_cli_rekap_terbuka" if terbuka_di_sini else "pe_cli_rekap_publik"
        _cetak(t(catatan, bahasa, n=len(terbuka_di_sini)))
        if tabel["sintetis"].astype(bool).any():
            _cetak(t("pe_cli_rekap_sintetis", bahasa))
    return 0


def jalankan(args: argparse.Namespace) -> int:
    """Run ``kla perlindungan template|import|rekap`` from parsed arguments; return the exit code."""
    if args.aksi_perlindungan == "import":
        return cli_impor.jalankan(args)  # the one import command: same checks, preview, history, exit codes
    bahasa: Bahasa = getattr(args, "bahasa", "id")
    try:
        if args.aksi_perlindungan == "template":
            return _template(args)
        return _rekap(args)
    except (ImporError, GalatDwibahasa) as exc:
        _cetak(f"{'Error' if bahasa == 'en' else 'Galat'}: {exc.teks(bahasa)}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except Exception as exc:
        return cetak_galat_sistem(exc, "database", "the database")
