r"""The ``kla template`` and ``kla import`` subcommands (added to ``indicators.cli.utama`` by ``daftarkan``).

``kla template --jenis skor|statistik|predikat [--tahun YEAR] [--wilayah CODE ...] --out FILE.xlsx``
writes an import template. ``kla import FILE [--jenis ...] [--dry-run] [--db PATH] [--user NAME]
[--bahasa id|en]`` checks the file, prints every problem (exit 2) or the preview and commits it
(unless ``--dry-run``); ``kla import --rollback ID`` undoes an import; ``kla import --log`` lists
them. Errors are one clear line each, never a traceback; every value that comes from the file (its
name, sheet and column names, cells) is printed with its control characters escaped (``\x1b``).

**Who imports.** Without ``--user`` the command runs in *local mode*: whoever can run it on the
server can already write the database file, so it acts as an admin and records the system user
name. With ``--user NAME`` and an accounts file beside the database (``kla user add``), the
account's password is asked (getpass, or one line on stdin with ``--password-stdin``), the import
is recorded under that account and its regional scope applies: an editor's file with any row
outside the scope is refused whole, and an editor may only roll back imports within scope. While
no account exists at all, ``--user`` is only the name recorded (local mode, said on the output).
"""

from __future__ import annotations

import argparse
import getpass
import io
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.akun import pengguna as akun
from indicators.cli.akun import baca_sandi
from indicators.cli.galat import KODE_GALAT_MASUKAN, cetak_galat_sistem
from indicators.format import format_angka
from indicators.impor import lingkup, terapkan as impor
from indicators.impor.masalah import Bahasa, ImporError
from indicators.impor.perlindungan import teks_bulan
from indicators.impor.templat import buat_templat
from indicators.katalog.model import TAHAP, KatalogError, katalog_bawaan
from indicators.lokasi import db_bawaan
from indicators.teks import t
from indicators.teks_aman import tampak_kontrol

PERINTAH = ("template", "import")
_BATAS_BARIS = 30


def _cetak(*bagian: object, file: TextIO | None = None) -> None:
    r"""Print like ``print``, with every control character escaped (``\x1b``), line by line.

    File names, sheet and column names and cell values come from the file: a hostile one must not
    reach the administrator's terminal with escape sequences. The lines of a message stay lines.
    """
    teks = " ".join(str(b) for b in bagian)
    print("\n".join(tampak_kontrol(baris) for baris in teks.split("\n")), file=file)


def daftarkan(sub: Any) -> None:
    """Add the ``template`` and ``import`` subcommands to the ``kla`` subparsers ``sub``."""
    tp = sub.add_parser("template", help="buat templat impor XLSX (write an XLSX import template)")
    tp.add_argument("--jenis", choices=impor.JENIS, required=True, help="skor, statistik atau predikat")
    tp.add_argument("--tahun", type=int, default=None, help="isi baris untuk tahun ini (prefill this year)")
    tp.add_argument("--wilayah", nargs="+", default=None, metavar="KODE", help="kode kab/kota, mis. 33.75 33.26")
    tp.add_argument("--provinsi", default=None, help="batasi daftar wilayah ke satu provinsi, mis. 33")
    tp.add_argument("--tahap", choices=TAHAP, default=None, help="isi tahap pada baris skor (prefill the stage)")
    tp.add_argument("--out", type=Path, required=True, help="berkas .xlsx keluaran (output file)")
    tp.add_argument("--db", type=Path, default=None, help="database untuk daftar wilayah (default: $KLA_DB)")

    im = sub.add_parser("import", help="impor XLSX/CSV dengan pratinjau (import with preview); --rollback ID")
    im.add_argument("berkas", nargs="?", type=Path, default=None, help="berkas .xlsx atau .csv")
    im.add_argument("--jenis", choices=impor.JENIS, default=None, help="default: dideteksi dari kolom (detected)")
    im.add_argument("--dry-run", action="store_true", help="hanya periksa dan pratinjau (check and preview only)")
    im.add_argument("--db", type=Path, default=None)
    im.add_argument(
        "--user",
        default=None,
        help="akun (sandi diminta, lingkup wilayah berlaku); tanpa --user: mode lokal dengan nama pengguna sistem",
    )
    im.add_argument("--password-stdin", action="store_true", help="baca sandi akun dari stdin (password on stdin)")
    im.add_argument("--bahasa", choices=("id", "en"), default="id", help="bahasa pesan (message language)")
    im.add_argument("--rollback", type=int, default=None, metavar="ID", help="batalkan impor ID (undo import ID)")
    im.add_argument("--log", action="store_true", help="daftar impor (list imports)")


def _pengguna(args: argparse.Namespace) -> str:
    if args.user:
        return str(args.user)
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or "cli"


def _masuk(args: argparse.Namespace, db_path: Path, bahasa: Bahasa) -> tuple[str, akun.Pengguna | None]:
    """Return (name to record, the authenticated account or None in local mode).

    Raises:
        ImporError: accounts exist and the name or password is wrong.
    """
    if not args.user:
        return _pengguna(args), None
    path = akun.path_akun(db_path)
    try:
        ada_akun = bool(akun.daftar_pengguna(path))
    except akun.AkunError as exc:
        raise ImporError(exc.pesan, exc.pesan_en) from exc
    if not ada_akun:
        _cetak(t("mode_lokal", bahasa, path=path, user=args.user))
        return str(args.user), None
    try:
        sandi = baca_sandi(args.password_stdin, konfirmasi=False, prompt=f"Sandi untuk {args.user} (password): ")
    except akun.AkunError as exc:
        raise ImporError(exc.pesan, exc.pesan_en) from exc
    pengguna = akun.verifikasi(path, str(args.user), sandi)
    if pengguna is None:
        raise ImporError(t("sandi_salah", "id"), t("sandi_salah", "en"))
    return pengguna.nama, pengguna


def _angka(v: object, bahasa: Bahasa, desimal: int = 2) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "–"
    return format_angka(float(v), desimal, bahasa)  # type: ignore[arg-type]


def _cetak_baris(prat: impor.Pratinjau, bahasa: Bahasa) -> None:
    berubah = prat.baris[prat.baris["status"] != "sama"]
    if berubah.empty:
        return
    _cetak(t("cli_perubahan", bahasa))
    kunci = [
        k
        for k in ("tahun", "bulan", "kode_wilayah", "indikator", "statistik", "tahap", "tabel", "kategori")
        if k in berubah
    ]
    desimal = 0 if prat.jenis == "perlindungan" else 2  # child-protection figures are whole counts
    lama_kolom, baru_kolom = ("predikat_lama", "predikat") if prat.jenis == "predikat" else ("nilai_lama", "nilai")
    status_en = {"baru": "new", "berubah": "changed"}
    for _, r in berubah.head(_BATAS_BARIS).iterrows():
        label = " ".join(str(r[k]) for k in kunci)
        if prat.jenis == "predikat":
            lama = r[lama_kolom] if isinstance(r[lama_kolom], str) else t("kosong", bahasa)
            baru = str(r[baru_kolom])
        else:
            lama = _angka(r[lama_kolom], bahasa, desimal) if r["status"] != "baru" else t("kosong", bahasa)
            baru = _angka(r[baru_kolom], bahasa, desimal)
        if _benar(r["sintetis_lama"]):
            lama += f" ({t('sintetis', bahasa)})"
        status = status_en.get(str(r["status"]), str(r["status"])) if bahasa == "en" else str(r["status"])
        _cetak(f"  {'row' if bahasa == 'en' else 'baris'} {r['baris']}: {label}: {lama} → {baru} [{status}]")
    if len(berubah) > _BATAS_BARIS:
        _cetak(t("lagi", bahasa, n=len(berubah) - _BATAS_BARIS))


def _benar(v: object) -> bool:
    """A flag read from a frame cell (True, numpy bool); missing counts as False."""
    return v is not None and v == v and bool(v)


def _keadaan(r: Any, akhiran: str, m: int, bahasa: Bahasa) -> str:
    total = r[f"total_{akhiran}"]
    if total is None or total != total:
        return t("kosong", bahasa)
    predikat = r[f"predikat_hitung_{akhiran}"]
    teks = f"{_angka(total, bahasa)} {predikat if isinstance(predikat, str) else t('tanpa_predikat', bahasa)}"
    catatan = []
    if not _benar(r[f"lengkap_{akhiran}"]):
        catatan.append(t("tak_lengkap", bahasa, n=int(r[f"jumlah_indikator_{akhiran}"]), m=m))
    if _benar(r[f"sintetis_{akhiran}"]):
        catatan.append(t("sintetis", bahasa))
    return teks + (f" ({', '.join(catatan)})" if catatan else "")


def _cetak_dampak(prat: impor.Pratinjau, nama: dict[str, str], bahasa: Bahasa) -> None:
    if prat.dampak.empty:
        return
    if prat.jenis == "perlindungan":
        _cetak_dampak_perlindungan(prat, nama, bahasa)
        return
    if prat.jenis == "predikat":
        _cetak(t("dampak_predikat", bahasa))
        for _, r in prat.dampak.head(_BATAS_BARIS).iterrows():
            lama = r["predikat_lama"] if isinstance(r["predikat_lama"], str) else t("kosong", bahasa)
            _cetak(f"  {r['tahun']} {r['kode_wilayah']} {nama.get(r['kode_wilayah'], '')}: {lama} → {r['predikat']}")
        return
    _cetak(t("dampak", bahasa))
    katalog = katalog_bawaan()
    for _, r in prat.dampak.head(_BATAS_BARIS).iterrows():
        m = len(katalog.skema_untuk_tahun(int(r["tahun"])).indikator)
        lama, baru = _keadaan(r, "lama", m, bahasa), _keadaan(r, "baru", m, bahasa)
        _cetak(f"  {r['tahun']} {r['kode_wilayah']} {nama.get(r['kode_wilayah'], '')}, {r['tahap']}: {lama} → {baru}")
    if len(prat.dampak) > _BATAS_BARIS:
        _cetak(t("lagi", bahasa, n=len(prat.dampak) - _BATAS_BARIS))


def _cetak_dampak_perlindungan(prat: impor.Pratinjau, nama: dict[str, str], bahasa: Bahasa) -> None:
    """Per region × year × table: the months reported before → after, and synthetic rows replaced."""
    _cetak(t("pe_cli_dampak", bahasa))
    for _, r in prat.dampak.head(_BATAS_BARIS).iterrows():
        lama = teks_bulan(r["bulan_lama"], bahasa)
        baru = teks_bulan(r["bulan_baru"], bahasa)
        if _benar(r["sintetis_lama"]):
            lama += f" ({t('sintetis', bahasa)})"
        wilayah = f"{r['tahun']} {r['kode_wilayah']} {nama.get(r['kode_wilayah'], '')}"
        _cetak(f"  {wilayah}, {r['tabel']}: {t('pe_cli_bulan', bahasa)} {lama} → {baru}")
    if len(prat.dampak) > _BATAS_BARIS:
        _cetak(t("lagi", bahasa, n=len(prat.dampak) - _BATAS_BARIS))


def _template(args: argparse.Namespace) -> int:
    db_path = args.db or db_bawaan()
    wilayah = impor.muat_wilayah(db_path)
    if args.provinsi:
        wilayah = wilayah[(wilayah["kode_provinsi"] == args.provinsi) | (wilayah["kode_wilayah"] == "00")]
    isi = buat_templat(args.jenis, katalog_bawaan(), wilayah, tahun=args.tahun, wilayah=args.wilayah, tahap=args.tahap)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(isi)
    ws = load_workbook(io.BytesIO(isi), read_only=True)["Data"]
    baris = sum(1 for r in ws.iter_rows(min_row=2, max_col=2, values_only=True) if r[1] is not None)
    _cetak(t("templat", "id", jenis=args.jenis, out=args.out, baris=baris))
    return 0


def _log(db_path: Path, bahasa: Bahasa) -> int:
    daftar = impor.daftar_impor(db_path)
    if daftar.empty:
        _cetak(t("unggah_riwayat_kosong", bahasa))
        return 0
    kolom = [
        "impor_id",
        "waktu",
        "pengguna",
        "jenis",
        "berkas",
        "jumlah_baru",
        "jumlah_berubah",
        "jumlah_dihapus",
        "status",
    ]
    _cetak(daftar[kolom].fillna("–").to_string(index=False))
    return 0


def _import(args: argparse.Namespace) -> int:
    bahasa: Bahasa = args.bahasa
    db_path = args.db or db_bawaan()
    if args.log:
        return _log(db_path, bahasa)
    nama_log, akun_masuk = _masuk(args, db_path, bahasa)
    if args.rollback is not None:
        if akun_masuk is not None and not lingkup.boleh_batalkan(
            akun_masuk, impor.wilayah_impor(db_path, args.rollback)
        ):
            isian = {"id": args.rollback, "user": akun_masuk.nama, "lingkup": akun.label_lingkup(akun_masuk)}
            raise ImporError(t("batal_luar_lingkup", "id", **isian), t("batal_luar_lingkup", "en", **isian))
        batal = impor.batalkan(db_path, args.rollback, pengguna=nama_log)
        _cetak(t("unggah_batal_berhasil", bahasa, id=batal.impor_id, n=batal.jumlah_kunci, log=batal.log_id))
        return 0
    if args.berkas is None:
        raise ImporError(t("butuh_berkas", "id"), t("butuh_berkas", "en"))
    try:
        data = args.berkas.read_bytes()
    except OSError as exc:
        raise ImporError(
            t("tak_ada_berkas", "id", berkas=args.berkas), t("tak_ada_berkas", "en", berkas=args.berkas)
        ) from exc
    katalog = katalog_bawaan()
    wilayah = impor.muat_wilayah(db_path)
    hasil = impor.periksa_berkas(data, args.berkas.name, katalog, wilayah, args.jenis)
    if akun_masuk is not None:
        hasil = lingkup.periksa_lingkup(
            hasil, akun_masuk, dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))
        )
    sheet = f" (sheet {hasil.sheet})" if hasil.sheet else ""
    _cetak(t("berkas", bahasa, berkas=args.berkas.name, sheet=sheet, jenis=hasil.jenis or "?", sha=hasil.sha256[:16]))
    if hasil.masalah:
        _cetak(t("masalah", bahasa, n=len(hasil.masalah)), file=sys.stderr)
        for m in hasil.masalah:
            _cetak(f"  {m.teks(bahasa)}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    if hasil.peringatan:
        _cetak(t("peringatan", bahasa))
        for m in hasil.peringatan:
            _cetak(f"  {m.teks(bahasa)}")
    prat = impor.pratinjau(db_path, hasil, katalog)
    j = prat.jumlah
    hapus = t("hapus", bahasa, n=j["dihapus"]) if j["dihapus"] else ""
    _cetak(t("ringkas", bahasa, baru=j["baru"], berubah=j["berubah"], sama=j["sama"], hapus=hapus))
    _cetak_baris(prat, bahasa)
    _cetak_dampak(prat, dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True)), bahasa)
    if args.dry_run:
        _cetak(t("dry_run", bahasa))
        return 0
    hasil_impor = impor.terapkan(db_path, hasil, katalog, pengguna=nama_log, sidik=prat.sidik)
    _cetak(t("tersimpan", bahasa, id=hasil_impor.impor_id, user=nama_log))
    return 0


def jalankan(args: argparse.Namespace) -> int:
    """Run ``kla template`` or ``kla import`` from parsed arguments; return the exit code."""
    bahasa: Bahasa = getattr(args, "bahasa", "id")
    try:
        if args.perintah == "template":
            return _template(args)
        return _import(args)
    except ImporError as exc:
        _cetak(f"{'Error' if bahasa == 'en' else 'Galat'}: {exc.teks(bahasa)}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except KatalogError as exc:
        _cetak(f"Galat (error): {exc}", file=sys.stderr)
        return KODE_GALAT_MASUKAN
    except Exception as exc:
        return cetak_galat_sistem(exc, "database", "the database")


def main(argv: list[str] | None = None) -> int:
    """Run only these subcommands (``python -m indicators.cli.impor ...``); ``kla`` has them too."""
    parser = argparse.ArgumentParser(prog="kla", description="Dasbor KLA: templat dan impor data")
    sub = parser.add_subparsers(dest="perintah", required=True)
    daftarkan(sub)
    return jalankan(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
