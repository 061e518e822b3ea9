"""``kla perlindungan template|import|rekap`` through ``indicators.cli.utama.main`` and one real process:
exit codes as ``kla import``, dry run, rollback, personal data never printed, scope, and the recap's
disclosure control (public: suppressed; an editor: exact for the rows of its scope only)."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.akun import pengguna as akun
from indicators.cli import utama
from indicators.impor import terapkan
from indicators.katalog.perlindungan import katalog_perlindungan
from indicators.lokasi import PROYEK
from tests.conftest import SANDI_ANA, sha_berkas

KLA = Path(sys.executable).parent / "kla"
KORPUS = PROYEK / "tests" / "data" / "impor" / "perlindungan"
BENTUK = list(katalog_perlindungan().tabel["bentuk_kekerasan"].kategori)


def _stdin(monkeypatch: pytest.MonkeyPatch, teks: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(teks))


@pytest.fixture
def db_akun(db: Path) -> Path:
    """The test's database with an editor of 33.75 (ana) and an admin."""
    path = akun.path_akun(db)
    akun.tambah_pengguna(path, "ana", "editor", ["33.75"], SANDI_ANA)
    akun.tambah_pengguna(path, "boss", "admin", [], "admin-jateng-2025")
    return db


def test_template(tmp_path: Path, db_modul: Path, capsys: pytest.CaptureFixture[str]):
    keluaran = tmp_path / "t" / "templat_perlindungan.xlsx"
    argv = ["perlindungan", "template", "--out", str(keluaran), "--tahun", "2024", "--provinsi", "33"]
    assert utama.main([*argv, "--db", str(db_modul)]) == 0
    buku = load_workbook(keluaran, read_only=True)
    assert buku.sheetnames[1:-1] == [*katalog_perlindungan().tabel, "penduduk_anak"]
    assert "templat_perlindungan.xlsx: 12 sheet data" in capsys.readouterr().out
    # 35 kab/kota and the province, 12 months each, in every table's sheet.
    assert sum(1 for r in buku["umur"].iter_rows(min_row=2, max_col=3, values_only=True) if r[2]) == 36 * 12


def test_import_dry_run_lalu_komit_dan_pembatalan(db: Path, capsys: pytest.CaptureFixture[str]):
    berkas = str(KORPUS / "baik_panjang.csv")
    sebelum = sha_berkas(db)
    assert utama.main(["perlindungan", "import", berkas, "--db", str(db), "--dry-run"]) == 0
    keluar = capsys.readouterr().out
    assert "jenis perlindungan" in keluar
    assert "baris 2: 2024 1 33.75 bentuk_kekerasan fisik" in keluar
    assert "Dampak per wilayah × tahun × tabel" in keluar
    assert "bentuk_kekerasan: bulan " in keluar
    assert sha_berkas(db) == sebelum  # a dry run writes nothing
    assert utama.main(["perlindungan", "import", berkas, "--db", str(db), "--user", "uji"]) == 0
    assert "Impor #1 tersimpan" in capsys.readouterr().out
    assert utama.main(["import", "--log", "--db", str(db)]) == 0
    assert "perlindungan" in capsys.readouterr().out
    assert utama.main(["perlindungan", "import", "--rollback", "1", "--db", str(db)]) == 0
    assert "Impor #1 dibatalkan" in capsys.readouterr().out
    assert store_tanpa_impor(db)


def store_tanpa_impor(db: Path) -> bool:
    """Whether no imported child-protection row is left (its sources are gone with the rollback)."""
    with duckdb.connect(str(db), read_only=True) as con:
        sisa = con.execute("SELECT count(*) FROM perlindungan_anak WHERE starts_with(sumber_id, 'impor-')").fetchall()
    return int(sisa[0][0]) == 0


@pytest.mark.parametrize(
    ("nama", "potongan"),
    [
        ("05_tersamar_rentang.csv", "05_tersamar_rentang.csv, baris 2, kolom 'jumlah' (sel F2): nilai '1–5'"),
        ("14_bagian_lebih_umur.csv", "melebihi korban.korban_anak = 4"),
        ("40_xlsx_tersamar.xlsx", "sheet 'umur', baris 14, kolom '6_12' (sel F14)"),
    ],
)
def test_import_bermasalah_keluar_2(nama: str, potongan: str, db_modul: Path, capsys: pytest.CaptureFixture[str]):
    sebelum = sha_berkas(db_modul)
    assert utama.main(["perlindungan", "import", str(KORPUS / nama), "--db", str(db_modul)]) == 2
    galat = capsys.readouterr().err
    assert "masalah" in galat
    assert potongan in galat
    assert sha_berkas(db_modul) == sebelum


@pytest.mark.parametrize(
    ("nama", "rahasia"),
    [
        ("30_pribadi_kolom_nama.csv", ["Budi", "Santoso"]),
        ("33_pribadi_daftar_kasus.csv", ["Siti", "Aminah", "3375014507100003", "Merdeka", "2010-07-05"]),
        ("43_xlsx_pribadi_nik.xlsx", ["3375014507100003", "3.375014507100003e+15"]),
    ],
)
def test_data_pribadi_tidak_dicetak_dicatat_atau_disimpan(
    nama: str, rahasia: list[str], db: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    sebelum = sha_berkas(db)
    for bahasa in ("id", "en"):
        argv = ["perlindungan", "import", str(KORPUS / nama), "--db", str(db), "--bahasa", bahasa]
        assert utama.main(argv) == 2
        keluar = capsys.readouterr()
        assert "UU PDP" in keluar.err or "Personal Data Protection" in keluar.err
        for r in rahasia:
            assert r not in keluar.out + keluar.err
            assert r not in caplog.text
    assert sha_berkas(db) == sebelum
    assert terapkan.daftar_impor(db).empty
    for berkas in db.parent.iterdir():
        if berkas.is_file():
            for r in rahasia:
                assert r.encode() not in berkas.read_bytes(), berkas


def test_lingkup_editor_dan_sandi(db_akun: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    berkas = db_akun.parent / "dua.csv"
    berkas.write_text(
        "tahun,bulan,kode_wilayah,tabel,kategori,jumlah\n2024,1,33.75,tempat,sekolah,1\n2024,1,33.26,tempat,sekolah,2\n",
        encoding="utf-8",
    )
    argv = ["perlindungan", "import", str(berkas), "--db", str(db_akun), "--user", "ana", "--password-stdin"]
    _stdin(monkeypatch, SANDI_ANA + "\n")
    assert utama.main(argv) == 2
    galat = capsys.readouterr().err
    assert "dua.csv, baris 3, kolom 'kode_wilayah': nilai '33.26 Kabupaten Pekalongan'" in galat
    assert "hanya wilayah dalam lingkup akun: 33.75 (Kota Pekalongan)" in galat
    _stdin(monkeypatch, "sandi-yang-salah\n")
    assert utama.main(argv) == 2
    assert "sandi salah" in capsys.readouterr().err.lower()


def _rekap_csv(db: Path, capsys: pytest.CaptureFixture[str], *tambahan: str) -> pd.DataFrame:
    argv = ["perlindungan", "rekap", "--provinsi", "33", "--tahun", "2024", "--db", str(db), "--format", "csv"]
    assert utama.main([*argv, *tambahan]) == 0
    return pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False)


def _pasti(db: Path, kode: str) -> dict[str, int]:
    """The exact yearly cases by form of one region in 2024, summed from the stored months."""
    with duckdb.connect(str(db), read_only=True) as con:
        baris = con.execute(
            "SELECT kategori, sum(jumlah) FROM perlindungan_anak WHERE kode_wilayah = ? AND tahun = 2024 "
            "AND tabel = 'bentuk_kekerasan' GROUP BY kategori",
            [kode],
        ).fetchall()
    return {k: int(n) for k, n in baris}


def test_rekap_publik_tersamar_editor_pasti_hanya_lingkupnya(
    db_akun: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    publik = _rekap_csv(db_akun, capsys).set_index("kode_wilayah")
    assert list(publik.columns[:1]) == ["nama"]
    for kolom in [*BENTUK, "total", "per_10rb_anak", "bulan_dilaporkan", "sintetis"]:
        assert kolom in publik.columns
    sel = publik[BENTUK].to_numpy().ravel().tolist()
    assert "1-5" in sel  # a small count is never printed in public
    pasti = _pasti(db_akun, "33.75")
    for kategori, n in pasti.items():
        if 1 <= n <= 5:
            assert publik.loc["33.75", kategori] in ("1-5", "x")
    assert not any(v.isdigit() and 1 <= int(v) <= 5 for v in sel)
    _stdin(monkeypatch, SANDI_ANA + "\n")
    editor = _rekap_csv(db_akun, capsys, "--user", "ana", "--password-stdin").set_index("kode_wilayah")
    for kategori in BENTUK:
        assert editor.loc["33.75", kategori] == str(pasti.get(kategori, 0))
    lain = [k for k in editor.index if k not in ("33.75", "33")]
    # The other kab/kota read as in public: only the editor's own row is opened.
    assert (editor.loc[lain, BENTUK] == publik.loc[lain, BENTUK]).all().all()
    kurang = _rekap_csv(db_akun, capsys, "--tersamar", "<6").set_index("kode_wilayah")
    assert "<6" in kurang[BENTUK].to_numpy().ravel().tolist()
    assert "1-5" not in kurang[BENTUK].to_numpy().ravel().tolist()


def test_rekap_pilihan_salah_dan_tanpa_akun(db_modul: Path, capsys: pytest.CaptureFixture[str]):
    argv = ["perlindungan", "rekap", "--provinsi", "99", "--tahun", "2024", "--db", str(db_modul)]
    assert utama.main(argv) == 2
    assert "Provinsi 99" in capsys.readouterr().err
    argv = ["perlindungan", "rekap", "--provinsi", "33", "--tahun", "2024", "--db", str(db_modul), "--user", "ana"]
    assert utama.main(argv) == 2  # no account file beside this database: no exact figures
    assert "angka pasti hanya untuk akun editor yang terverifikasi" in capsys.readouterr().err


def test_rekap_sebagai_proses(db_modul: Path):
    argv = ["perlindungan", "rekap", "--provinsi", "33", "--tahun", "2024", "--format", "json", "--db", str(db_modul)]
    proses = subprocess.run([str(KLA), *argv], capture_output=True, text=True, timeout=300, cwd=PROYEK)
    assert proses.returncode == 0, proses.stderr
    assert "Traceback" not in proses.stderr
    baris = json.loads(proses.stdout)
    assert len(baris) == 36  # 35 kab/kota and the province's total row
    assert {"kode_wilayah", "nama", "total", "per_10rb_anak", "bulan_dilaporkan", "sintetis"} <= set(baris[0])
