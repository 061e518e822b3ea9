"""Accounts: argon2 hashes only, verification, scope (kab/kota and province), login limits,
session timeout, and the `kla user` / `kla import --user` commands through indicators.cli.main."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from indicators.akun import pengguna as akun
from indicators.cli import utama
from indicators.impor import lingkup, terapkan as impor
from indicators.katalog.model import katalog_bawaan
from tests.conftest import sha_berkas

BAIK = Path(__file__).parents[1] / "data" / "impor" / "baik"
SANDI_ANA = "kota-batik-2025!"
SANDI_ADMIN = "admin-jateng-2025"


@pytest.fixture
def berkas_akun(tmp_path: Path) -> Path:
    path = tmp_path / "kla.akun.json"
    akun.tambah_pengguna(path, "ana", "editor", ["33.75"], SANDI_ANA)
    akun.tambah_pengguna(path, "boss", "admin", [], SANDI_ADMIN)
    akun.tambah_pengguna(path, "prov", "editor", ["33"], "provinsi-jateng-1")
    return path


def _stdin(monkeypatch: pytest.MonkeyPatch, teks: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(teks))


# --- storage and verification ---------------------------------------------------------------


def test_path_akun_di_samping_database_bukan_di_dalamnya():
    assert akun.path_akun(Path("/srv/data/kla.duckdb")) == Path("/srv/data/kla.akun.json")


def test_sandi_tidak_pernah_disimpan_terang(berkas_akun: Path):
    isi = berkas_akun.read_text(encoding="utf-8")
    assert SANDI_ANA not in isi
    assert SANDI_ADMIN not in isi
    data = json.loads(isi)
    assert data["pengguna"]["ana"]["hash"].startswith("$argon2id$")
    assert data["pengguna"]["ana"]["hash"] != data["pengguna"]["boss"]["hash"]
    assert stat.S_IMODE(berkas_akun.stat().st_mode) == 0o600
    assert not list(berkas_akun.parent.glob("*.tmp-*"))


def test_verifikasi_benar_dan_salah(berkas_akun: Path):
    ana = akun.verifikasi(berkas_akun, "ana", SANDI_ANA)
    assert ana == akun.Pengguna("ana", "editor", ("33.75",))
    assert akun.verifikasi(berkas_akun, "ANA ", SANDI_ANA) == ana  # names are case-insensitive
    assert akun.verifikasi(berkas_akun, "ana", SANDI_ANA + "x") is None
    assert akun.verifikasi(berkas_akun, "ana", "") is None
    assert akun.verifikasi(berkas_akun, "siapa", SANDI_ANA) is None
    assert akun.verifikasi(berkas_akun.with_name("tidak-ada.json"), "ana", SANDI_ANA) is None


def test_nama_tak_dikenal_tetap_menghitung_hash(berkas_akun: Path, monkeypatch: pytest.MonkeyPatch):
    dipanggil: list[str] = []
    asli = akun._HASHER

    class _Pengintai:
        def verify(self, hash_: str, sandi: str) -> bool:
            dipanggil.append(hash_)
            return asli.verify(hash_, sandi)

    monkeypatch.setattr(akun, "_HASHER", _Pengintai())
    assert akun.verifikasi(berkas_akun, "siapa", "apa-saja-sandinya") is None
    assert akun.verifikasi(berkas_akun, "ana", "apa-saja-sandinya") is None
    assert dipanggil[0] == akun._HASH_TIRUAN
    assert dipanggil[1].startswith("$argon2id$")
    assert dipanggil[1] != akun._HASH_TIRUAN


def test_berkas_akun_rusak_tidak_membuka_siapa_pun(tmp_path: Path):
    path = tmp_path / "kla.akun.json"
    path.write_text("{ini bukan json", encoding="utf-8")
    assert akun.verifikasi(path, "ana", SANDI_ANA) is None
    with pytest.raises(akun.AkunError, match="tidak dapat dibaca"):
        akun.daftar_pengguna(path)


def test_ganti_sandi_dan_hapus(berkas_akun: Path):
    hash_lama = json.loads(berkas_akun.read_text())["pengguna"]["ana"]["hash"]
    akun.ganti_sandi(berkas_akun, "ana", "sandi-baru-yang-panjang")
    assert akun.verifikasi(berkas_akun, "ana", SANDI_ANA) is None
    assert akun.verifikasi(berkas_akun, "ana", "sandi-baru-yang-panjang") is not None
    assert json.loads(berkas_akun.read_text())["pengguna"]["ana"]["hash"] != hash_lama
    akun.hapus_pengguna(berkas_akun, "ana")
    assert akun.cari_pengguna(berkas_akun, "ana") is None
    assert [p.nama for p in akun.daftar_pengguna(berkas_akun)] == ["boss", "prov"]


@pytest.mark.parametrize(
    ("nama", "peran", "wilayah", "sandi", "pesan"),
    [
        ("A", "editor", ["33.75"], SANDI_ANA, "Nama pengguna 'A' tidak sah"),
        ("ana baru", "editor", ["33.75"], SANDI_ANA, "tidak sah"),
        ("budi", "tamu", ["33.75"], SANDI_ANA, "Peran 'tamu' tidak dikenal"),
        ("budi", "editor", [], SANDI_ANA, "Editor memerlukan lingkup wilayah"),
        ("budi", "admin", ["33"], SANDI_ANA, "Admin berlaku untuk semua wilayah"),
        ("budi", "editor", ["3375"], SANDI_ANA, "Kode wilayah tidak dikenal: 3375"),
        ("budi", "editor", ["33.99"], SANDI_ANA, "Kode wilayah tidak dikenal: 33.99"),
        ("budi", "editor", ["33.75"], "pendek", "Sandi terlalu pendek (6 karakter)"),
        ("budi", "editor", ["33.75"], "x" * 1025, "Sandi terlalu panjang (1025 karakter)"),
        ("ana", "editor", ["33.75"], SANDI_ANA, "Pengguna 'ana' sudah ada"),
    ],
)
def test_tambah_pengguna_ditolak(berkas_akun: Path, nama: str, peran: str, wilayah: list[str], sandi: str, pesan: str):
    sebelum = berkas_akun.read_bytes()
    with pytest.raises(akun.AkunError, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        akun.tambah_pengguna(berkas_akun, nama, peran, wilayah, sandi, kode_sah={"33", "33.75", "33.26"})
    assert berkas_akun.read_bytes() == sebelum


# --- scope ----------------------------------------------------------------------------------


def test_lingkup_kabkota_provinsi_dan_admin():
    ana = akun.Pengguna("ana", "editor", ("33.75",))
    prov = akun.Pengguna("prov", "editor", ("33",))
    dua = akun.Pengguna("dua", "editor", ("33.26", "33.75"))
    boss = akun.Pengguna("boss", "admin", ())
    assert akun.dalam_lingkup(ana, "33.75")
    assert akun.dalam_lingkup(ana, "33.75.01")  # its kecamatan
    assert not akun.dalam_lingkup(ana, "33.26")
    assert not akun.dalam_lingkup(ana, "33")
    assert not akun.dalam_lingkup(ana, "33.7")
    assert akun.dalam_lingkup(prov, "33")
    assert akun.dalam_lingkup(prov, "33.26")
    assert not akun.dalam_lingkup(prov, "32.01")
    assert not akun.dalam_lingkup(prov, "00")
    assert akun.dalam_lingkup(dua, "33.26")
    assert akun.dalam_lingkup(dua, "33.75")
    assert akun.dalam_lingkup(boss, "00")
    assert akun.dalam_lingkup(boss, "91.01")
    assert lingkup.boleh_batalkan(ana, {"33.75"})
    assert not lingkup.boleh_batalkan(ana, {"33.75", "33.26"})
    assert not lingkup.boleh_batalkan(ana, set())
    assert lingkup.boleh_batalkan(prov, {"33.75", "33.26"})
    assert lingkup.boleh_batalkan(boss, {"11.01"})


def _periksa(db: Path, nama: str) -> impor.HasilPeriksa:
    path = BAIK / nama
    return impor.periksa_berkas(path.read_bytes(), path.name, katalog_bawaan(), impor.muat_wilayah(db))


def test_editor_33_75_tidak_dapat_mengimpor_33_26(db: Path):
    hasil = _periksa(db, "skor_baik.csv")  # rows for 33.75 and 33.26
    assert hasil.sah
    wilayah = impor.muat_wilayah(db)
    nama = dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))
    ana = akun.Pengguna("ana", "editor", ("33.75",))
    dicek = lingkup.periksa_lingkup(hasil, ana, nama)
    assert not dicek.sah
    teks = [m.teks() for m in dicek.masalah]
    assert [m.baris for m in dicek.masalah] == [5, 6, 7]  # every 33.26 row, named
    assert teks[0] == (
        "skor_baik.csv, baris 5, kolom 'kode_wilayah': nilai '33.26 Kabupaten Pekalongan' – wilayah di luar "
        "lingkup akun ana; seluruh berkas ditolak; harapan: hanya wilayah dalam lingkup akun: 33.75 (Kota Pekalongan)"
    )
    assert "region outside the scope of account ana" in dicek.masalah[0].teks("en")
    sebelum = sha_berkas(db)
    with pytest.raises(impor.ImporError, match="belum lolos pemeriksaan"):
        impor.terapkan(db, dicek, katalog_bawaan(), pengguna="ana")
    assert sha_berkas(db) == sebelum
    # The same file is fine for a province editor and an admin.
    assert lingkup.periksa_lingkup(hasil, akun.Pengguna("prov", "editor", ("33",)), nama).sah
    assert lingkup.periksa_lingkup(hasil, akun.Pengguna("boss", "admin", ()), nama) is hasil


# --- input caps and session timeout (throttling: tests/db/test_masuk_aman.py) ----------------


def test_nama_dan_sandi_terlalu_panjang_ditolak_tanpa_hash(berkas_akun: Path, monkeypatch: pytest.MonkeyPatch):
    dipanggil: list[int] = []

    class _Pengintai:
        def verify(self, hash_: str, sandi: str) -> bool:
            dipanggil.append(len(sandi))
            return True

    monkeypatch.setattr(akun, "_HASHER", _Pengintai())
    assert akun.verifikasi(berkas_akun, "a" * (10 * 1024 * 1024), SANDI_ANA) is None
    assert akun.verifikasi(berkas_akun, "ana", "s" * (akun.SANDI_MAKS + 1)) is None
    assert dipanggil == []  # refused before any hashing: a 10 MB name costs no argon2 run
    assert akun.verifikasi(berkas_akun, "ana", SANDI_ANA) is not None  # the spy accepts any password
    assert dipanggil == [len(SANDI_ANA)]


def test_sesi_habis_dan_pengaturan(monkeypatch: pytest.MonkeyPatch):
    assert not akun.sesi_habis(0, 30 * 60, 30)
    assert akun.sesi_habis(0, 30 * 60 + 1, 30)
    monkeypatch.delenv(akun.ENV_SESI_MENIT, raising=False)
    assert akun.menit_sesi() == 30
    monkeypatch.setenv(akun.ENV_SESI_MENIT, "5")
    assert akun.menit_sesi() == 5
    monkeypatch.setenv(akun.ENV_SESI_MENIT, "lima")
    assert akun.menit_sesi() == 30
    monkeypatch.delenv(akun.ENV_TAMPILAN_PUBLIK, raising=False)
    assert akun.tampilan_publik()
    for nilai in ("false", "0", "tidak", "NO"):
        monkeypatch.setenv(akun.ENV_TAMPILAN_PUBLIK, nilai)
        assert not akun.tampilan_publik()
    monkeypatch.setenv(akun.ENV_TAMPILAN_PUBLIK, "true")
    assert akun.tampilan_publik()


# --- the kla command -------------------------------------------------------------------------


def test_kla_user_add_list_passwd_remove(db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    path = akun.path_akun(db)
    _stdin(monkeypatch, SANDI_ANA + "\n")
    argv = ["user", "add", "ana", "--role", "editor", "--wilayah", "33.75", "--db", str(db), "--password-stdin"]
    assert utama.main(argv) == 0
    keluaran = capsys.readouterr()
    assert "Akun ana (editor; 33.75) disimpan" in keluaran.out
    assert SANDI_ANA not in keluaran.out + keluaran.err
    assert SANDI_ANA not in path.read_text()
    _stdin(monkeypatch, SANDI_ADMIN + "\n")
    assert utama.main(["user", "add", "boss", "--role", "admin", "--db", str(db), "--password-stdin"]) == 0
    capsys.readouterr()
    assert utama.main(["user", "list", "--db", str(db)]) == 0
    daftar = capsys.readouterr().out.splitlines()
    assert daftar[0].split() == ["ana", "editor", "33.75"]
    assert daftar[1].startswith("boss")
    assert "admin" in daftar[1]
    _stdin(monkeypatch, "sandi-ganti-2026\n")
    assert utama.main(["user", "passwd", "ana", "--db", str(db), "--password-stdin"]) == 0
    assert "Sandi ana diganti" in capsys.readouterr().out
    assert akun.verifikasi(path, "ana", "sandi-ganti-2026") is not None
    assert utama.main(["user", "remove", "ana", "--db", str(db)]) == 0
    assert [p.nama for p in akun.daftar_pengguna(path)] == ["boss"]
    # The database itself is never touched by account commands, and a rebuild keeps the accounts.
    assert path.parent == db.parent
    assert path != db


def test_kla_user_galat_jelas(db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    _stdin(monkeypatch, SANDI_ANA + "\n")
    argv = ["user", "add", "ana", "--role", "editor", "--wilayah", "33.99", "--db", str(db), "--password-stdin"]
    assert utama.main(argv) == 2
    galat = capsys.readouterr().err
    assert "Kode wilayah tidak dikenal: 33.99" in galat
    assert "Traceback" not in galat
    _stdin(monkeypatch, "")
    argv = ["user", "add", "ana", "--role", "editor", "--wilayah", "33.75", "--db", str(db), "--password-stdin"]
    assert utama.main(argv) == 2
    assert "Tidak ada sandi di stdin" in capsys.readouterr().err
    assert utama.main(["user", "passwd", "siapa", "--db", str(db), "--password-stdin"]) == 2
    assert "Pengguna 'siapa' tidak ada" in capsys.readouterr().err
    assert not akun.path_akun(db).exists()


def test_kla_user_getpass_dua_kali(db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    jawaban = iter([SANDI_ANA, SANDI_ANA + "-beda"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(jawaban))
    assert utama.main(["user", "add", "ana", "--role", "editor", "--wilayah", "33.75", "--db", str(db)]) == 2
    assert "Kedua sandi tidak sama" in capsys.readouterr().err
    jawaban = iter([SANDI_ANA, SANDI_ANA])
    assert utama.main(["user", "add", "ana", "--role", "editor", "--wilayah", "33.75", "--db", str(db)]) == 0


def test_akun_bertahan_saat_database_dibangun_ulang(db: Path, monkeypatch: pytest.MonkeyPatch):
    from indicators.bangun import database

    path = akun.path_akun(db)
    akun.tambah_pengguna(path, "ana", "editor", ["33.75"], SANDI_ANA)
    sebelum = path.read_bytes()
    database.bangun_database(db, static_dir=None)
    assert path.read_bytes() == sebelum
    assert akun.verifikasi(path, "ana", SANDI_ANA) is not None


def _akun_di(db: Path) -> None:
    path = akun.path_akun(db)
    akun.tambah_pengguna(path, "ana", "editor", ["33.75"], SANDI_ANA)
    akun.tambah_pengguna(path, "boss", "admin", [], SANDI_ADMIN)


def test_cli_import_editor_33_75_ditolak_untuk_33_26(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    _akun_di(db)
    sebelum = sha_berkas(db)
    _stdin(monkeypatch, SANDI_ANA + "\n")
    argv = ["import", str(BAIK / "skor_baik.csv"), "--db", str(db), "--user", "ana", "--password-stdin"]
    assert utama.main(argv) == 2
    galat = capsys.readouterr().err
    assert "Ditemukan 3 masalah; tidak ada yang diimpor" in galat
    assert "skor_baik.csv, baris 5, kolom 'kode_wilayah': nilai '33.26 Kabupaten Pekalongan' – wilayah di luar" in galat
    assert "harapan: hanya wilayah dalam lingkup akun: 33.75 (Kota Pekalongan)" in galat
    assert sha_berkas(db) == sebelum
    assert impor.daftar_impor(db).empty


def test_cli_import_sandi_salah_dan_nama_tak_dikenal(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    _akun_di(db)
    sebelum = sha_berkas(db)
    for nama, sandi in (("ana", "bukan-sandinya"), ("siapa", SANDI_ANA)):
        _stdin(monkeypatch, sandi + "\n")
        argv = ["import", str(BAIK / "predikat_baik.csv"), "--db", str(db), "--user", nama, "--password-stdin"]
        assert utama.main(argv) == 2
        galat = capsys.readouterr().err
        assert "Nama pengguna atau sandi salah; tidak ada yang diimpor." in galat
        assert sandi not in galat
    assert sha_berkas(db) == sebelum


def test_cli_import_admin_dan_rollback_editor(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    _akun_di(db)
    _stdin(monkeypatch, SANDI_ADMIN + "\n")
    argv = ["import", str(BAIK / "skor_baik.csv"), "--db", str(db), "--user", "boss", "--password-stdin"]
    assert utama.main(argv) == 0
    assert "Impor #1 tersimpan oleh boss" in capsys.readouterr().out
    # Import #1 touched 33.75 and 33.26: the 33.75 editor may not roll it back, the admin may.
    sebelum = sha_berkas(db)
    _stdin(monkeypatch, SANDI_ANA + "\n")
    argv = ["import", "--rollback", "1", "--db", str(db), "--user", "ana", "--password-stdin"]
    assert utama.main(argv) == 2
    assert "Impor #1 menyentuh wilayah di luar lingkup akun ana (33.75)" in capsys.readouterr().err
    assert sha_berkas(db) == sebelum
    _stdin(monkeypatch, SANDI_ADMIN + "\n")
    argv = ["import", "--rollback", "1", "--db", str(db), "--user", "boss", "--password-stdin"]
    assert utama.main(argv) == 0
    assert impor.daftar_impor(db)["pengguna"].tolist() == ["boss", "boss"]


def test_cli_import_editor_dalam_lingkup(db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    _akun_di(db)
    berkas = db.parent / "pekalongan.csv"
    berkas.write_text("tahun,kode_wilayah,predikat\n2025,33.75,Utama\n", encoding="utf-8")
    _stdin(monkeypatch, SANDI_ANA + "\n")
    assert utama.main(["import", str(berkas), "--db", str(db), "--user", "ana", "--password-stdin"]) == 0
    assert "tersimpan oleh ana" in capsys.readouterr().out
    _stdin(monkeypatch, SANDI_ANA + "\n")
    assert utama.main(["import", "--rollback", "1", "--db", str(db), "--user", "ana", "--password-stdin"]) == 0
    assert impor.daftar_impor(db)["status"].tolist() == ["berhasil", "dibatalkan"]


def test_cli_mode_lokal_tanpa_akun(db: Path, capsys: pytest.CaptureFixture[str]):
    argv = ["import", str(BAIK / "predikat_baik.csv"), "--db", str(db), "--user", "budi", "--dry-run"]
    assert utama.main(argv) == 0
    assert "belum ada akun" in capsys.readouterr().out
    assert not os.path.exists(akun.path_akun(db))
    assert isinstance(impor.daftar_impor(db), pd.DataFrame)
