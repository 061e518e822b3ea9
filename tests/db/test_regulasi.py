"""The regulation register on a real workspace file: the seeded Kota Pekalongan register, scope, the
change log through the one write path, the seed never overwriting an edit, counts for the other views
recomputed by hand, an old workspace without the register, and all or nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from indicators.akun.pengguna import Pengguna
from indicators.gugus import regulasi as rg, simpan as gugus_simpan
from indicators.io import store
from tests.conftest import sha_berkas

HARI = dt.date(2025, 7, 1)
WAKTU = dt.datetime(2025, 6, 1, 9, 30)
ANA = Pengguna("ana.pkl", "editor", ("33.75",))
JATENG = Pengguna("budi.jateng", "editor", ("33",))
JATIM = Pengguna("cici.jatim", "editor", ("35",))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "kla.gugus.duckdb"


def _seed(path: Path, regulasi_id: str, kode: str = "33.75") -> rg.Entri:
    return {e.regulasi_id: e for e in rg.daftar_regulasi(path, kode)}[regulasi_id]


def _ubah(entri: rg.Entri, **isian: object) -> rg.UbahRegulasi:
    return rg.UbahRegulasi(entri.regulasi_id, dataclasses.replace(entri.isi, **isian), versi=entri.versi)  # type: ignore[arg-type]


def test_register_bawaan_pekalongan_tanpa_ruang_kerja(path: Path):
    daftar = rg.daftar_regulasi(path, "33.75")
    assert [e.regulasi_id for e in daftar] == ["perda-13-2019", *(f"perwal-amanat-{n}" for n in range(1, 9))]
    assert all(e.asal == "bawaan" and e.versi == 0 for e in daftar)
    assert sum(e.isi.tahap is None for e in daftar) == 8  # every Perwal: stage unknown
    tabel = rg.tabel_register(daftar, HARI)
    perwal = tabel[tabel["jenis"] == "perkada"]
    assert perwal["tahap"].isna().all()
    assert perwal["opd"].isna().all()
    assert perwal["ditetapkan"].isna().all()  # unknown, not "not enacted"
    assert not path.exists()  # reading never creates the workspace


def test_ringkasan_na_tanpa_register_dan_hitungan_bawaan(path: Path):
    hasil = rg.ringkasan_regulasi(path, ["33.26", "33.75"], HARI)
    assert list(hasil["kode_wilayah"]) == ["33.26", "33.75"]
    assert hasil.iloc[0, 1:].isna().all()  # no register: unknown, not zero
    assert hasil.iloc[1, 1:].to_dict() == {
        "regulasi_diamanatkan": 8,  # the eight Perwal carry the Perda's mandate; the Perda itself none
        "regulasi_ditetapkan": 0,
        "regulasi_lewat_tenggat": 0,
        "regulasi_macet": 0,
        "regulasi_tidak_diketahui": 8,
    }
    assert all(str(hasil[k].dtype) == "Int64" for k in rg.KOLOM_RINGKASAN)


def test_ringkasan_dan_butir_terlambat_dihitung_tangan(path: Path):
    """Golden, by hand on HARI = 1 Jul 2025 (MACET_HARI = 180):

    perwal-amanat-1 harmonisasi since 2024-12-01 (212 days: stalled), penetapan due 2025-06-30 (overdue, 1 day);
    perwal-amanat-2 penetapan (enacted), no due date; perwal-amanat-3 penyusunan since 2025-06-01 (30 days),
    harmonisasi due 2025-07-01 (today: not overdue); rg-001 a new SE without mandate, penyusunan since
    2024-01-01 (547 days: stalled). Mandated 8, enacted 1, overdue 1, stalled 2, unknown 5 (perwal 4–8).
    """
    p1, p2, p3 = (_seed(path, f"perwal-amanat-{n}") for n in (1, 2, 3))
    tenggat_p1, tenggat_p3 = {"penetapan": dt.date(2025, 6, 30)}, {"harmonisasi": HARI}
    se = rg.IsiRegulasi("se", "Pemenuhan hak anak", tahap="penyusunan", tanggal={"penyusunan": dt.date(2024, 1, 1)})
    perubahan = [
        _ubah(p1, tahap="harmonisasi", tanggal={"harmonisasi": dt.date(2024, 12, 1)}, tenggat=tenggat_p1),
        _ubah(p2, tahap="penetapan"),
        _ubah(p3, tahap="penyusunan", tanggal={"penyusunan": dt.date(2025, 6, 1)}, tenggat=tenggat_p3),
        rg.UbahRegulasi(None, se),
    ]
    rg.simpan_regulasi(path, ANA, "33.75", perubahan, waktu=WAKTU)
    hasil = rg.ringkasan_regulasi(path, ["33.75"], HARI).iloc[0, 1:].to_dict()
    assert hasil == {
        "regulasi_diamanatkan": 8,
        "regulasi_ditetapkan": 1,
        "regulasi_lewat_tenggat": 1,
        "regulasi_macet": 2,
        "regulasi_tidak_diketahui": 5,
    }
    terlambat = rg.butir_terlambat_regulasi(path, ["33.75", "33.26"], HARI)
    assert list(zip(terlambat["regulasi_id"], terlambat["masalah"], terlambat["hari"], strict=True)) == [
        ("perwal-amanat-1", "lewat_tenggat", 1),
        ("rg-001", "macet", 547),
        ("perwal-amanat-1", "macet", 212),
    ]
    assert terlambat["alasan"][0] == (
        "tahap penetapan bertenggat 30 Juni 2025 belum tercapai (1 hari lewat); "
        "tahap kini harmonisasi (Kanwil Kemenkum)"
    )
    assert terlambat["alasan_en"][1].startswith(
        "no movement since the drafting & academic paper stage was reached on 1 January 2024"
    )
    assert terlambat["label"][1] == "SE (nomor dan tahun tidak diketahui) · Pemenuhan hak anak"


def test_lingkup_editor_kota_provinsi_dan_provinsi_lain(path: Path):
    baru = rg.UbahRegulasi(None, rg.IsiRegulasi("perkada", "KLA Kabupaten Pekalongan"))
    with pytest.raises(gugus_simpan.LingkupError, match=r"tidak boleh mengubah ruang kerja wilayah 33\.26"):
        rg.simpan_regulasi(path, ANA, "33.26", [baru])
    with pytest.raises(gugus_simpan.LingkupError):
        rg.simpan_regulasi(path, JATIM, "33.26", [baru])
    assert not path.exists()  # refused before anything is touched
    assert rg.simpan_regulasi(path, JATENG, "33.26", [baru], waktu=WAKTU) == 2  # jenis, judul
    assert [e.isi.judul for e in rg.daftar_regulasi(path, "33.26")] == ["KLA Kabupaten Pekalongan"]
    assert rg.ringkasan_regulasi(path, ["33.26"], HARI)["regulasi_tidak_diketahui"].tolist() == [1]


def test_perubahan_pertama_entri_bawaan_mencatat_nilai_lama_dari_seed(path: Path):
    p7 = _seed(path, "perwal-amanat-7")
    n = rg.simpan_regulasi(path, ANA, "33.75", [_ubah(p7, opd="Bagian Hukum Setda", tahap="penyusunan")], waktu=WAKTU)
    assert n == 2
    log = gugus_simpan.baca_log(path, "33.75").sort_values("kolom")
    rekam = log[["tabel", "kunci", "kolom", "nilai_lama", "nilai_baru", "pengguna", "versi"]].to_dict("records")
    assert rekam == [
        {"tabel": "regulasi", "kunci": "perwal-amanat-7", "kolom": "opd", "nilai_lama": None,
         "nilai_baru": "Bagian Hukum Setda", "pengguna": "ana.pkl", "versi": 1},
        {"tabel": "regulasi", "kunci": "perwal-amanat-7", "kolom": "tahap", "nilai_lama": None,
         "nilai_baru": "penyusunan", "pengguna": "ana.pkl", "versi": 1},
    ]  # fmt: skip
    entri = _seed(path, "perwal-amanat-7")
    assert (entri.asal, entri.versi, entri.keyakinan, entri.diubah_oleh) == ("ruang_kerja", 1, "rendah", "ana.pkl")
    # Saving the same again changes nothing and does not rewrite the file.
    sebelum = sha_berkas(path)
    assert rg.simpan_regulasi(path, ANA, "33.75", [_ubah(entri, opd="Bagian Hukum Setda")]) == 0
    assert sha_berkas(path) == sebelum


def test_seed_baru_tidak_menimpa_isian_pengguna(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    p1 = _seed(path, "perwal-amanat-1")
    rg.simpan_regulasi(path, ANA, "33.75", [_ubah(p1, judul="Perlindungan anak yang bekerja")], waktu=WAKTU)
    seed = pd.read_csv(rg.SEED_PATH, dtype=str, keep_default_na=False)
    seed.loc[seed["regulasi_id"].isin(["perwal-amanat-1", "perwal-amanat-2"]), "nomor"] = "9"
    baru = tmp_path / "regulasi_seed.csv"
    seed.to_csv(baru, index=False)
    monkeypatch.setattr(rg, "SEED_PATH", baru)
    p1, p2 = _seed(path, "perwal-amanat-1"), _seed(path, "perwal-amanat-2")
    assert (p1.isi.judul, p1.isi.nomor) == ("Perlindungan anak yang bekerja", None)  # the edit wins
    assert p2.isi.nomor == "9"  # an untouched entry follows the seed


def test_hapus_entri_bawaan_tercatat_dan_tidak_kembali(path: Path):
    p8 = _seed(path, "perwal-amanat-8")
    assert rg.simpan_regulasi(path, ANA, "33.75", [rg.UbahRegulasi(p8.regulasi_id, versi=0, hapus=True)]) == 1
    assert "perwal-amanat-8" not in [e.regulasi_id for e in rg.daftar_regulasi(path, "33.75")]
    assert rg.ringkasan_regulasi(path, ["33.75"], HARI)["regulasi_diamanatkan"].tolist() == [7]
    log = gugus_simpan.baca_log(path, "33.75")
    assert log[["kunci", "kolom", "nilai_lama", "nilai_baru"]].values.tolist() == [
        ["perwal-amanat-8", "dihapus", "false", "true"]
    ]
    with pytest.raises(rg.RegulasiError, match="ID tidak ada di register"):
        rg.simpan_regulasi(path, ANA, "33.75", [_ubah(p8, tahap="penyusunan")])


def test_dua_editor_dari_versi_sama_yang_kedua_ditolak(path: Path):
    p5 = _seed(path, "perwal-amanat-5")
    rg.simpan_regulasi(path, ANA, "33.75", [_ubah(p5, opd="Dinas Sosial")], waktu=WAKTU)
    with pytest.raises(rg.RegulasiError) as info:
        rg.simpan_regulasi(path, JATENG, "33.75", [_ubah(p5, opd="DPMPPA")])
    assert "sudah diubah oleh ana.pkl pada 1 Juni 2025 09:30 (versi 1)" in info.value.teks("id")
    assert "was changed by ana.pkl on 1 June 2025 09:30 (version 1)" in info.value.teks("en")
    assert _seed(path, "perwal-amanat-5").isi.opd == "Dinas Sosial"


def test_satu_perubahan_salah_tidak_ada_yang_disimpan(path: Path):
    p1, p2 = _seed(path, "perwal-amanat-1"), _seed(path, "perwal-amanat-2")
    rg.simpan_regulasi(path, ANA, "33.75", [_ubah(p1, tahap="propemperda")], waktu=WAKTU)
    sebelum = sha_berkas(path)
    p1 = _seed(path, "perwal-amanat-1")
    salah = [_ubah(p2, opd="Dinas Sosial"), _ubah(p1, tahap="harmonisasi")]  # skips penyusunan, no note
    with pytest.raises(rg.RegulasiError, match="1 masalah; tidak ada yang disimpan") as info:
        rg.simpan_regulasi(path, ANA, "33.75", salah)
    assert [m.indeks for m in info.value.masalah] == [1]
    assert sha_berkas(path) == sebelum
    assert rg.periksa_perubahan(path, "33.75", salah)[1][0].pelanggaran.kode == "lompat_tanpa_catatan"


def test_ruang_kerja_lama_tanpa_tabel_regulasi(path: Path, tmp_path: Path):
    """A workspace written before migration 003: read as the seed alone; the next write adds the table."""
    lama = tmp_path / "migrasi_lama"
    lama.mkdir()
    for nama in ("001_ruang_kerja.sql", "002_versi_butir.sql"):
        shutil.copyfile(store.MIGRASI_GUGUS_DIR / nama, lama / nama)
    with duckdb.connect(str(path)) as con:
        store.terapkan_migrasi(con, lama, buku="migrasi_gugus")
    assert len(rg.daftar_regulasi(path, "33.75")) == 9
    assert rg.baca_log_regulasi(path, "33.75").empty
    rg.simpan_regulasi(path, ANA, "33.75", [_ubah(_seed(path, "perwal-amanat-6"), opd="Dinas Sosial")])
    with duckdb.connect(str(path), read_only=True) as con:
        versi = [v for (v,) in con.execute("SELECT versi FROM migrasi_gugus ORDER BY versi").fetchall()]
    assert 3 in versi
    assert _seed(path, "perwal-amanat-6").isi.opd == "Dinas Sosial"
