"""`kla regulasi export|import` through indicators.cli.utama.main on a real database copy: the XLSX round
trip (unchanged = no change, edited = exactly those changes), scope, password on stdin, dry run, stale
rows, and a bad file refused whole with every problem named by sheet, row, column, value and expectation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.akun.pengguna import Pengguna
from indicators.cli import utama
from indicators.gugus import regulasi as rg, simpan as gugus_simpan
from tests.conftest import SANDI_ANA, sha_berkas

BOSS = Pengguna("boss", "admin", ())


def _kla(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str, sandi: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(sandi + "\n" if sandi else ""))
    kode = utama.main(list(args))
    keluar = capsys.readouterr()
    return kode, keluar.out, keluar.err


def _ekspor(capsys, monkeypatch, db: Path, kode: str, out: Path) -> None:
    hasil = _kla(
        capsys,
        monkeypatch,
        "regulasi",
        "export",
        "--wilayah",
        kode,
        "--out",
        str(out),
        "--db",
        str(db),
        "--tanggal",
        "2025-07-01",
    )
    assert hasil[0] == 0, hasil[2]


def _kolom(ws) -> dict[str, int]:
    baris = next(r for r in range(1, 20) if ws.cell(row=r, column=1).value == "ID")
    return {"_judul": baris} | {str(ws.cell(row=baris, column=k).value): k for k in range(1, ws.max_column + 1)}


def _baris(ws, regulasi_id: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == regulasi_id)


def _impor(capsys, monkeypatch, db: Path, berkas: Path, *lain: str) -> tuple[int, str, str]:
    args = ("regulasi", "import", str(berkas), "--db", str(db), "--user", "ana", "--password-stdin", *lain)
    return _kla(capsys, monkeypatch, *args, sandi=SANDI_ANA)


def test_ekspor_lalu_impor_tanpa_ubahan_tidak_mengubah_apa_pun(db_berakun: Path, tmp_path: Path, capsys, monkeypatch):
    path = gugus_simpan.path_gugus(db_berakun)
    # One stored entry with text that looks like a formula, to go through the export's neutralising and back.
    p2 = {e.regulasi_id: e for e in rg.daftar_regulasi(path, "33.75")}["perwal-amanat-2"]
    isi = dataclasses.replace(
        p2.isi, catatan='=HYPERLINK("http://x")', tahap="penyusunan", tanggal={"penyusunan": dt.date(2025, 2, 3)}
    )
    rg.simpan_regulasi(path, BOSS, "33.75", [rg.UbahRegulasi("perwal-amanat-2", isi, versi=0)])
    sebelum = sha_berkas(path)
    berkas = tmp_path / "reg.xlsx"
    _ekspor(capsys, monkeypatch, db_berakun, "33.75", berkas)
    ws = load_workbook(berkas)["Regulasi"]
    kolom = _kolom(ws)
    assert ws.cell(row=_baris(ws, "perwal-amanat-2"), column=kolom["Catatan"]).value == '\'=HYPERLINK("http://x")'
    assert ws.cell(row=_baris(ws, "perwal-amanat-1"), column=kolom["Tahap kini"]).value == "tidak diketahui"
    kode, out, err = _impor(capsys, monkeypatch, db_berakun, berkas)
    assert kode == 0, err
    assert "9 baris; 0 entri berubah" in out  # the seed's Perda and eight Perwal, one of them stored
    assert sha_berkas(path) == sebelum


def test_berkas_diubah_menjadi_tepat_perubahan_itu(db_berakun: Path, tmp_path: Path, capsys, monkeypatch):
    path = gugus_simpan.path_gugus(db_berakun)
    berkas = tmp_path / "reg.xlsx"
    _ekspor(capsys, monkeypatch, db_berakun, "33.75", berkas)
    wb = load_workbook(berkas)
    ws = wb["Regulasi"]
    kolom = _kolom(ws)
    b1 = _baris(ws, "perwal-amanat-1")
    ws.cell(row=b1, column=kolom["OPD koordinator"]).value = "Dinas Tenaga Kerja"
    ws.cell(row=b1, column=kolom["Tahap kini"]).value = "harmonisasi (Kanwil Kemenkum)"
    ws.cell(row=b1, column=kolom["Tanggal harmonisasi (Kanwil Kemenkum)"]).value = dt.datetime(2025, 4, 1)
    ws.cell(row=b1, column=kolom["Tenggat penetapan"]).value = "30/09/2025"
    baru = ws.max_row + 1
    ws.cell(row=baru, column=kolom["Jenis"]).value = "SK"
    ws.cell(row=baru, column=kolom["Judul"]).value = "Pembentukan Gugus Tugas KLA"
    ws.cell(row=baru, column=kolom["Tahap kini"]).value = "penetapan"
    ws.cell(row=baru, column=kolom["Indikator KLA"]).value = "KLA24-02"
    wb.save(berkas)
    kode, out, _ = _impor(capsys, monkeypatch, db_berakun, berkas, "--dry-run")
    assert kode == 0
    assert "2 entri berubah" in out
    assert "tidak ada yang disimpan" in out
    assert not path.exists()  # the dry run wrote nothing
    kode, out, err = _impor(capsys, monkeypatch, db_berakun, berkas)
    assert kode == 0, err
    assert "8 perubahan tersimpan oleh ana" in out
    log = gugus_simpan.baca_log(path, "33.75")
    assert set(zip(log["kunci"], log["kolom"], strict=True)) == {
        ("perwal-amanat-1", "opd"),
        ("perwal-amanat-1", "tahap"),
        ("perwal-amanat-1", "tanggal_harmonisasi"),
        ("perwal-amanat-1", "tenggat_penetapan"),
        ("rg-001", "jenis"),
        ("rg-001", "judul"),
        ("rg-001", "indikator"),
        ("rg-001", "tahap"),
    }
    assert set(log["asal"]) == {"impor reg.xlsx"}
    p1 = {e.regulasi_id: e for e in rg.daftar_regulasi(path, "33.75")}["perwal-amanat-1"]
    assert p1.isi.tenggat == {"penetapan": dt.date(2025, 9, 30)}
    # The same file again: the new row is now a duplicate, and the whole file is refused.
    kode, _, err = _impor(capsys, monkeypatch, db_berakun, berkas)
    assert kode == 2
    assert f"sheet 'Regulasi', baris {baru}, kolom 'Judul'" in err
    assert "sudah ada (rg-001)" in err


def test_baris_basi_yang_diubah_ditolak_seluruhnya_yang_tidak_diubah_dilewati(
    db_berakun: Path, tmp_path: Path, capsys, monkeypatch
):
    path = gugus_simpan.path_gugus(db_berakun)
    berkas = tmp_path / "reg.xlsx"
    _ekspor(capsys, monkeypatch, db_berakun, "33.75", berkas)
    for regulasi_id in ("perwal-amanat-3", "perwal-amanat-4"):  # changed on the dashboard after the export
        e = {x.regulasi_id: x for x in rg.daftar_regulasi(path, "33.75")}[regulasi_id]
        rg.simpan_regulasi(
            path, BOSS, "33.75", [rg.UbahRegulasi(regulasi_id, dataclasses.replace(e.isi, opd="Dinas Sosial"), versi=0)]
        )
    sebelum = sha_berkas(path)
    wb = load_workbook(berkas)
    ws = wb["Regulasi"]
    kolom = _kolom(ws)
    ws.cell(row=_baris(ws, "perwal-amanat-3"), column=kolom["Catatan"]).value = "dibahas rapat Gugus Tugas"
    wb.save(berkas)
    kode, _, err = _impor(capsys, monkeypatch, db_berakun, berkas)
    assert kode == 2
    assert f"baris {_baris(ws, 'perwal-amanat-3')}, kolom 'Versi'" in err
    assert "sudah diubah oleh boss" in err
    assert "perwal-amanat-4" not in err
    assert f"baris {_baris(ws, 'perwal-amanat-4')}" not in err
    assert sha_berkas(path) == sebelum


def test_editor_33_75_tidak_dapat_mengimpor_33_26_dan_sandi_salah(
    db_berakun: Path, tmp_path: Path, capsys, monkeypatch
):
    berkas = tmp_path / "kab.xlsx"
    _ekspor(capsys, monkeypatch, db_berakun, "33.26", berkas)
    kode, _, err = _impor(capsys, monkeypatch, db_berakun, berkas)
    assert kode == 2
    assert "sheet 'Regulasi', baris 3, kolom 'Kode wilayah'" in err
    assert "di luar lingkup akun ana" in err
    assert "Traceback" not in err
    args = ("regulasi", "import", str(berkas), "--db", str(db_berakun), "--user", "ana", "--password-stdin")
    kode, _, err = _kla(capsys, monkeypatch, *args, sandi="bukan-sandinya")
    assert kode == 2
    assert "sandi salah" in err
    assert not gugus_simpan.path_gugus(db_berakun).exists()


def test_berkas_rusak_setiap_masalah_disebut_dan_tidak_ada_yang_disimpan(
    db_berakun: Path, tmp_path: Path, capsys, monkeypatch
):
    berkas = tmp_path / "reg.xlsx"
    _ekspor(capsys, monkeypatch, db_berakun, "33.75", berkas)
    wb = load_workbook(berkas)
    ws = wb["Regulasi"]
    kolom = _kolom(ws)
    b = {n: _baris(ws, f"perwal-amanat-{n}") for n in range(1, 6)}
    ws.cell(row=b[1], column=kolom["Tahun"]).value = "dua ribu"
    ws.cell(row=b[2], column=kolom["Jenis"]).value = "Peraturan"
    ws.cell(row=b[3], column=kolom["Judul"]).value = "=A1"
    ws.cell(row=b[4], column=kolom["Tahap kini"]).value = "pembahasan (DPRD)"  # not a Perwal stage
    ws.cell(row=b[5], column=kolom["Tanggal penetapan"]).value = "31/02/2025"
    wb.save(berkas)
    kode, _, err = _impor(capsys, monkeypatch, db_berakun, berkas)
    assert kode == 2
    baris = err.strip().splitlines()
    assert baris[0] == "Ditemukan 5 masalah; tidak ada yang disimpan:"
    assert baris[1] == (
        f"  reg.xlsx, sheet 'Regulasi', baris {b[1]}, kolom 'Tahun': nilai 'dua ribu' – bukan tahun; "
        "harapan: tahun empat angka, mis. 2019, atau kosong bila tidak diketahui"
    )
    assert f"baris {b[2]}, kolom 'Jenis': nilai 'Peraturan' – jenis regulasi tidak dikenal" in baris[2]
    assert f"baris {b[3]}, kolom 'Judul': nilai '=A1' – sel berisi rumus" in baris[3]
    assert f"baris {b[4]}, kolom 'Tahap kini'" in baris[4]
    assert "tidak berlaku untuk Perwal/Perbup" in baris[4]
    assert f"baris {b[5]}, kolom 'Tanggal penetapan': nilai '31/02/2025' – bukan tanggal" in baris[5]
    assert not gugus_simpan.path_gugus(db_berakun).exists()
    kode, _, err = _impor(capsys, monkeypatch, db_berakun, berkas, "--bahasa", "en")
    assert kode == 2
    assert err.startswith("Found 5 problem(s); nothing was saved:")
    assert "row" in err
    assert "expected: a four-digit year" in err
    bukan = tmp_path / "bukan.xlsx"
    bukan.write_text("bukan excel", encoding="utf-8")
    kode, _, err = _impor(capsys, monkeypatch, db_berakun, bukan)
    assert kode == 2
    assert "berkas bukan XLSX" in err


def test_ekspor_wilayah_tak_dikenal_keluar_2(db_berakun: Path, tmp_path: Path, capsys, monkeypatch):
    args = ("regulasi", "export", "--wilayah", "99.99", "--out", str(tmp_path / "x.xlsx"), "--db", str(db_berakun))
    kode, _, err = _kla(capsys, monkeypatch, *args)
    assert kode == 2
    assert "bukan kab/kota yang dikenal" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_kolom_wajib_hilang_dan_sheet_hilang_ditolak(db_berakun: Path, tmp_path: Path, capsys, monkeypatch):
    berkas = tmp_path / "reg.xlsx"
    _ekspor(capsys, monkeypatch, db_berakun, "33.75", berkas)
    wb = load_workbook(berkas)
    ws = wb["Regulasi"]
    kolom = _kolom(ws)
    ws.cell(row=kolom["_judul"], column=kolom["Versi"]).value = None  # without versions, rows could undo newer changes
    wb.save(berkas)
    kode, _, err = _impor(capsys, monkeypatch, db_berakun, berkas)
    assert kode == 2
    assert f"sheet 'Regulasi', baris {kolom['_judul']}, kolom 'Versi': kolom wajib tidak ada" in err
    wb["Regulasi"].title = "Lain"
    wb.save(berkas)
    kode, _, err = _impor(capsys, monkeypatch, db_berakun, berkas)
    assert kode == 2
    assert "tidak ada sheet 'Regulasi' (sheet yang ada: Lain)" in err
