"""Login throttling and its bounds (issue #18, items 4, 5 and 8), on a real accounts file.

The throttle lives in a file beside the accounts (indicators.akun.batas_masuk), so clearing every
Streamlit cache or building a new limiter forgets nothing; delays grow per name and address
instead of locking a name; a huge name is refused before hashing or storing; at most
``HASH_SERENTAK`` argon2 hashes run at once; the log never holds a typed name.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path

import pytest
import streamlit as st

from indicators.akun import batas_masuk as bm, pengguna as akun
from indicators.io import store
from tests.conftest import SANDI_ANA, JamUji

PENYERANG, KANTOR = "203.0.113.66", "198.51.100.7"


@pytest.fixture
def berkas_akun(tmp_path: Path) -> Path:
    path = tmp_path / "kla.akun.json"
    akun.tambah_pengguna(path, "ana", "editor", ["33.75"], SANDI_ANA)
    return path


def _gagal_terus(path_akun: Path, jam: JamUji, alamat: str, n: int, nama: str = "ana") -> None:
    """``n`` counted failures from ``alamat``, each after the wait the previous one earned."""
    for _ in range(n):
        jam.t += bm.PembatasMasuk(bm.path_batas(path_akun)).sisa(nama, alamat) + 0.001
        assert bm.coba_masuk(path_akun, nama, "bukan-sandinya", alamat).alasan == "salah"


def test_bersihkan_cache_tidak_mereset_batas(berkas_akun: Path, jam: JamUji):
    for _ in range(3):
        assert bm.coba_masuk(berkas_akun, "ana", "bukan-sandinya", PENYERANG).alasan == "salah"
    # What a client's clear_cache message does, and a brand-new limiter in a fresh process.
    st.cache_resource.clear()
    st.cache_data.clear()
    baru = bm.PembatasMasuk(bm.path_batas(berkas_akun))
    assert baru.sisa("ana", PENYERANG) == pytest.approx(1.0)
    hasil = bm.coba_masuk(berkas_akun, "ana", SANDI_ANA, PENYERANG)
    assert (hasil.alasan, hasil.pengguna) == ("tunggu", None)  # even the right password waits
    jam.t += 1.001
    assert bm.coba_masuk(berkas_akun, "ana", SANDI_ANA, PENYERANG).alasan == "masuk"


def test_jeda_bertambah_lalu_dibatasi(berkas_akun: Path, jam: JamUji):
    pembatas = bm.PembatasMasuk(bm.path_batas(berkas_akun))
    jeda = []
    for _ in range(16):
        jam.t += pembatas.sisa("ana", PENYERANG) + 0.001
        bm.coba_masuk(berkas_akun, "ana", "bukan-sandinya", PENYERANG)
        jeda.append(round(pembatas.sisa("ana", PENYERANG)))
    assert jeda == [0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]


def test_penyerang_tidak_mengunci_pengguna_dari_alamat_lain(berkas_akun: Path, jam: JamUji):
    _gagal_terus(berkas_akun, jam, PENYERANG, 15)
    pembatas = bm.PembatasMasuk(bm.path_batas(berkas_akun))
    assert pembatas.sisa("ana", PENYERANG) == pytest.approx(15 * 60)  # the attacker waits 15 minutes
    # Ana, from her office: at most the small name-wide delay, then her password works.
    tunggu = pembatas.sisa("ana", KANTOR)
    assert tunggu <= bm.ATURAN["n"].maks == 30
    jam.t += tunggu + 0.001
    hasil = bm.coba_masuk(berkas_akun, "ana", SANDI_ANA, KANTOR)
    assert hasil.alasan == "masuk"
    assert hasil.pengguna is not None
    assert hasil.pengguna.nama == "ana"
    assert pembatas.sisa("ana", PENYERANG) > 14 * 60  # her login does not free the attacker


def test_batas_per_alamat_lebih_longgar_untuk_banyak_nama(berkas_akun: Path, jam: JamUji):
    pembatas = bm.PembatasMasuk(bm.path_batas(berkas_akun))
    for i in range(20):
        assert pembatas.mulai(f"nama{i}", PENYERANG) == 0  # 20 names, one try each: no delay yet
    assert pembatas.sisa("nama-ke-21", PENYERANG) == pytest.approx(1.0)
    assert pembatas.sisa("nama-ke-21", KANTOR) == 0  # another address is not affected


def test_nama_10mb_ditolak_sebelum_hash_dan_penyimpanan(
    berkas_akun: Path, jam: JamUji, monkeypatch: pytest.MonkeyPatch
):
    dipanggil: list[str] = []
    monkeypatch.setattr(akun, "_HASHER", type("Pengintai", (), {"verify": lambda *a: dipanggil.append("verify")})())
    monkeypatch.setattr(store, "tulis_atomik", lambda *a, **k: dipanggil.append("tulis"))
    hasil = bm.coba_masuk(berkas_akun, "n" * (10 * 1024 * 1024), SANDI_ANA, PENYERANG)
    assert hasil.alasan == "terlalu_panjang"
    assert bm.coba_masuk(berkas_akun, "ana", "s" * (akun.SANDI_MAKS + 1), PENYERANG).alasan == "terlalu_panjang"
    assert dipanggil == []
    assert not bm.path_batas(berkas_akun).exists()


def test_ukuran_pembatas_terbatas_setelah_1000_nama(tmp_path: Path, jam: JamUji, monkeypatch: pytest.MonkeyPatch):
    pembatas = bm.PembatasMasuk(bm.path_batas(tmp_path / "kla.akun.json"))
    nama = [f"{i:04d}" + "x" * (akun.NAMA_MAKS - 4) for i in range(1000)]
    for i, n in enumerate(nama):
        # One address per name, so no address delay gets in the way of counting all of them.
        assert pembatas.mulai(n, f"10.0.{i // 250}.{i % 250}") == 0
    teks = pembatas.path.read_text(encoding="utf-8")
    entri = json.loads(teks)["gagal"]
    assert len(entri) == 3000  # name+address, address, name: 16 hex digits each
    assert all(len(k) == 16 for k in entri)
    assert len(teks) < 3000 * 50  # bytes per entry, whatever the length of the names
    assert "xxxx" not in teks  # no name is stored
    # The file keeps at most MAKS_ENTRI (the newest) and forgets what is older than LUPA_DETIK.
    monkeypatch.setattr(bm, "MAKS_ENTRI", 100)
    jam.t += 1
    pembatas.mulai("satu-lagi", "10.9.9.9")
    assert len(json.loads(pembatas.path.read_text())["gagal"]) == 100
    jam.t += bm.LUPA_DETIK
    pembatas.mulai("terakhir", "10.9.9.8")
    assert len(json.loads(pembatas.path.read_text())["gagal"]) == 3


def test_paling_banyak_dua_hash_serentak(berkas_akun: Path, monkeypatch: pytest.MonkeyPatch):
    berjalan, puncak = [0], [0]
    gembok = threading.Lock()

    class _Lambat:
        def verify(self, hash_: str, sandi: str) -> bool:
            with gembok:
                berjalan[0] += 1
                puncak[0] = max(puncak[0], berjalan[0])
            time.sleep(0.05)
            with gembok:
                berjalan[0] -= 1
            return False

        def hash(self, sandi: str) -> str:
            self.verify("", sandi)
            return "$argon2id$palsu"

    monkeypatch.setattr(akun, "_HASHER", _Lambat())
    utas = [threading.Thread(target=akun.verifikasi, args=(berkas_akun, "ana", SANDI_ANA)) for _ in range(8)]
    utas += [threading.Thread(target=akun._hash, args=(SANDI_ANA,)) for _ in range(4)]  # new passwords too
    for u in utas:
        u.start()
    for u in utas:
        u.join(30)
    assert puncak[0] == akun.HASH_SERENTAK == 2


def test_log_memuat_sidik_nama_bukan_namanya(berkas_akun: Path, jam: JamUji, caplog: pytest.LogCaptureFixture):
    rahasia = "Sandi-Rahasia-Ana-2025"  # a password typed into the name field by mistake
    with caplog.at_level(logging.INFO):
        assert bm.coba_masuk(berkas_akun, rahasia, "bukan-sandinya", PENYERANG).alasan == "salah"
        for _ in range(3):
            bm.coba_masuk(berkas_akun, rahasia, "bukan-sandinya", PENYERANG)  # the last one waits
    teks = "\n".join(r.getMessage() for r in caplog.records)
    assert rahasia not in teks
    assert rahasia.casefold() not in teks
    assert f"#{bm.sidik_nama(rahasia)}" in teks
    assert len(bm.sidik_nama(rahasia)) == 8
    assert "ditahan" in teks  # the throttled attempt is logged the same way


def test_berkas_batas_rusak_tidak_menghentikan_masuk(berkas_akun: Path, jam: JamUji):
    bm.path_batas(berkas_akun).write_text("{bukan json", encoding="utf-8")
    assert bm.coba_masuk(berkas_akun, "ana", SANDI_ANA, None).alasan == "masuk"
    assert json.loads(bm.path_batas(berkas_akun).read_text())["versi"] == bm.VERSI_BERKAS
