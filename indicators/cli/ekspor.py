"""The ``kla export`` subcommands (added to ``indicators.cli.utama`` by ``daftarkan``).

``kla export pack --wilayah CODE --tahun YEAR [--tahap final] [--bahasa id|en] --out DIR`` writes
the evaluation pack of one kab/kota (PDF report + PPTX deck); ``kla export pack --provinsi CODE
--tahun YEAR --out DIR`` the province summary pack. ``kla export chart --jenis peta|batang|sebaran
--provinsi CODE --tahun YEAR --format png|svg|pdf --out FILE`` writes one print-ready figure.
``kla export site --provinsi CODE --tahun YEAR --out DIR`` writes the offline HTML bundle
(``indicators.ekspor.situs``). One kaleido server serves every figure of a run. Errors are one
line, Indonesian first, never a traceback: unknown region or year, or a target folder holding other
files, exits 2; no Chromium, a file error or anything unexpected exits 1.

Every file is written whole: the site is built in a hidden folder and swapped in when complete
(``indicators.ekspor.folder``), the pack's two files are both made before either is written, and
each file goes through :func:`indicators.io.store.tulis_atomik`. A failure leaves the previous
output as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from indicators.analisis import layanan
from indicators.cli.galat import KODE_GALAT_MASUKAN, KODE_GALAT_SISTEM, cetak_galat_sistem
from indicators.ekspor import folder, gambar, situs
from indicators.ekspor.paket import pdf, pptx, susun
from indicators.format import format_angka
from indicators.io import store
from indicators.katalog.model import TAHAP, KatalogError, katalog_bawaan
from indicators.lokasi import db_bawaan

PERINTAH = ("export",)


def daftarkan(sub: Any) -> None:
    """Add ``kla export pack|chart|site`` to the ``kla`` parser."""
    ekspor = sub.add_parser("export", help="ekspor paket, gambar, atau situs luring (export packs, charts, site)")
    jenis = ekspor.add_subparsers(dest="ekspor", required=True)

    pk = jenis.add_parser("pack", help="paket evaluasi PDF + PPTX (evaluation pack)")
    sasaran = pk.add_mutually_exclusive_group(required=True)
    sasaran.add_argument("--wilayah", help="kode kab/kota Kemendagri, mis. 33.14 (regency/city code)")
    sasaran.add_argument("--provinsi", help="kode provinsi, mis. 33: paket ringkasan BAPPEDA (province pack)")
    pk.add_argument("--tahun", type=int, required=True, help="tahun siklus evaluasi (evaluation year)")
    pk.add_argument("--tahap", default="final", choices=TAHAP, help="tahap (stage; default: final)")
    pk.add_argument("--bahasa", default="id", choices=("id", "en"), help="bahasa (language; default: id)")
    pk.add_argument("--out", type=Path, required=True, help="folder keluaran (output folder)")
    pk.add_argument("--db", type=Path, default=None)

    ch = jenis.add_parser("chart", help="satu gambar PNG/SVG/PDF siap cetak (one print-ready figure)")
    ch.add_argument("--jenis", required=True, choices=susun.JENIS_GAMBAR, help="peta, batang atau sebaran")
    ch.add_argument("--provinsi", required=True, help="kode provinsi, mis. 33 (province code)")
    ch.add_argument("--tahun", type=int, required=True)
    ch.add_argument("--format", default=None, choices=gambar.FORMAT, help="png, svg atau pdf (default: dari --out)")
    ch.add_argument("--bahasa", default="id", choices=("id", "en"))
    ch.add_argument("--out", type=Path, required=True, help="berkas atau folder keluaran (output file or folder)")
    ch.add_argument("--db", type=Path, default=None)

    st = jenis.add_parser("site", help="situs HTML statis untuk presentasi luring (offline HTML bundle)")
    st.add_argument("--provinsi", required=True)
    st.add_argument("--tahun", type=int, required=True)
    st.add_argument("--bahasa", default="id", choices=("id", "en"))
    st.add_argument("--out", type=Path, required=True)
    st.add_argument("--db", type=Path, default=None)


class _Galat(Exception):
    """A user error shown as one line (exit 2)."""


def _db(args: argparse.Namespace) -> Path:
    db_path: Path = args.db or db_bawaan()
    if store.versi_database(db_path) is None:
        raise _Galat(
            f"Database {db_path} tidak ada atau rusak; jalankan 'kla db build' (database missing; run 'kla db build')"
        )
    return db_path


def _ukuran(path: Path) -> str:
    return f"{format_angka(path.stat().st_size / 1024, 0)} KB"


def _pack(args: argparse.Namespace) -> int:
    db_path, katalog = _db(args), katalog_bawaan()
    mulai = time.perf_counter()
    if args.wilayah is not None:
        isi = susun.paket_wilayah(db_path, katalog, args.wilayah, args.tahun, tahap=args.tahap, bahasa=args.bahasa)
    else:
        isi = susun.paket_provinsi(db_path, katalog, args.provinsi, args.tahun, bahasa=args.bahasa)
    # Both files are made before either is written: a failing deck leaves no new report beside an old deck.
    laporan, dek = pdf.tulis_pdf(isi), pptx.tulis_pptx(isi)
    hasil = [args.out / f"{isi.nama_berkas}.pdf", args.out / f"{isi.nama_berkas}.pptx"]
    for tujuan, isi_berkas in zip(hasil, (laporan, dek), strict=True):
        store.tulis_atomik(tujuan, isi_berkas)
    detik = format_angka(time.perf_counter() - mulai, 1)
    print(f"Paket ditulis (pack written) dalam {detik} detik:")
    for path in hasil:
        print(f"  {path} ({_ukuran(path)})")
    return 0


def _chart(args: argparse.Namespace) -> int:
    db_path = _db(args)
    fig, meta, stem = susun.gambar_provinsi(
        db_path, katalog_bawaan(), args.provinsi, args.tahun, args.jenis, bahasa=args.bahasa
    )
    out: Path = args.out
    format_ = args.format
    if out.is_dir() or not out.suffix:
        format_ = format_ or "png"
        out = out / f"{stem}.{format_}"
    elif format_ is None:
        format_ = out.suffix.lstrip(".").lower()
        if format_ not in gambar.FORMAT:
            tersedia = ", ".join(gambar.FORMAT)
            raise _Galat(f"Format berkas '{out.suffix}' tidak dikenal; tersedia: {tersedia} (unknown file format)")
    store.tulis_atomik(out, gambar.ekspor(fig, meta, format_))
    print(f"Gambar ditulis (figure written): {out} ({_ukuran(out)})")
    return 0


def _site(args: argparse.Namespace) -> int:
    db_path = _db(args)
    hasil = situs.tulis_situs(db_path, args.provinsi, args.tahun, args.out, args.bahasa)
    print(f"Situs luring ditulis (offline site written): {hasil}")
    return 0


_TETAP = {
    "pack": ("folder keluaran", "the output folder"),
    "chart": ("berkas keluaran", "the output file"),
    "site": ("folder tujuan", "the target folder"),
}
"""What an unexpected failure leaves unchanged, per subcommand (Indonesian, English)."""


def jalankan(args: argparse.Namespace) -> int:
    """Run ``kla export pack|chart|site``; return the exit code (errors are printed as one line)."""
    try:
        if args.ekspor == "pack":
            return _pack(args)
        if args.ekspor == "chart":
            return _chart(args)
        return _site(args)
    except (_Galat, layanan.PilihanError, KatalogError, folder.FolderTujuanError) as exc:
        print(f"Galat (error): {exc}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except gambar.ChromiumTidakAda as exc:
        print(f"Galat (error): {exc}", file=sys.stderr)
        return KODE_GALAT_SISTEM
    except Exception as exc:  # no traceback ever reaches the user
        return cetak_galat_sistem(exc, *_TETAP[args.ekspor])
