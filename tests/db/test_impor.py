"""Import flow on a real database: preview, commit, history, rollback, carrying over a rebuild."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from indicators.bangun import database
from indicators.impor import terapkan as impor
from indicators.katalog.model import katalog_bawaan
from tests.conftest import sha_berkas

BAIK = Path(__file__).parents[1] / "data" / "impor" / "baik"
TABEL = ("skor_indikator", "statistik_indikator", "predikat_resmi", "sumber")


def _isi(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the data tables, sorted: an exact picture of the stored values."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABEL}


@pytest.fixture(scope="module")
def wilayah(db_bawaan: Path) -> pd.DataFrame:
    return impor.muat_wilayah(db_bawaan)


def _periksa(nama: str, wilayah: pd.DataFrame) -> impor.HasilPeriksa:
    hasil = impor.periksa_berkas((BAIK / nama).read_bytes(), nama, katalog_bawaan(), wilayah)
    assert hasil.sah, [m.teks() for m in hasil.masalah]
    return hasil


def _csv(teks: str, wilayah: pd.DataFrame, nama: str = "x.csv") -> impor.HasilPeriksa:
    return impor.periksa_berkas(teks.encode(), nama, katalog_bawaan(), wilayah)


def test_xlsx_dan_csv_menghasilkan_baris_yang_sama(db: Path, tmp_path: Path, wilayah: pd.DataFrame):
    dari_csv = _periksa("skor_baik.csv", wilayah)
    dari_xlsx = _periksa("skor_baik.xlsx", wilayah)
    pd.testing.assert_frame_equal(dari_csv.data, dari_xlsx.data, check_dtype=False)
    assert dari_xlsx.sheet == "Data"

    db_xlsx = tmp_path / "xlsx.duckdb"
    shutil.copyfile(db, db_xlsx)
    impor.terapkan(db, dari_csv, katalog_bawaan(), pengguna="uji")
    impor.terapkan(db_xlsx, dari_xlsx, katalog_bawaan(), pengguna="uji")
    csv_isi, xlsx_isi = _isi(db), _isi(db_xlsx)
    for tabel in ("skor_indikator", "statistik_indikator", "predikat_resmi"):
        assert csv_isi[tabel] == xlsx_isi[tabel], tabel
    with duckdb.connect(str(db), read_only=True) as con:
        baris = con.execute(
            "SELECT nilai, sintetis, sumber_id, catatan FROM skor_indikator "
            "WHERE tahun = 2025 AND kode_wilayah = '33.75' AND tahap = 'final' ORDER BY indikator"
        ).fetchall()
        sitasi = con.execute("SELECT sitasi, jenis FROM sumber WHERE sumber_id = 'impor-1-1'").fetchall()
    # Real scores replace the synthetic set of that region × cycle × stage entirely.
    assert baris == [
        (60.5, False, "impor-1-1", "Catatan é"),
        (71.0, False, "impor-1-1", "Catatan é"),
        (45.25, False, "impor-1-1", "Catatan é"),
    ]
    assert sitasi[0][1] == "impor"
    assert "skor_baik.csv" in sitasi[0][0]
    assert "Berita acara verifikasi" in sitasi[0][0]


def test_pratinjau_tidak_mengubah_apa_pun(db: Path, wilayah: pd.DataFrame):
    sebelum = sha_berkas(db)
    prat = impor.pratinjau(db, _periksa("skor_baik.csv", wilayah), katalog_bawaan())
    assert sha_berkas(db) == sebelum
    assert prat.jumlah == {"baru": 0, "berubah": 6, "sama": 0, "dihapus": 3 * 24 - 6}
    assert set(prat.baris["status"]) == {"berubah"}
    assert prat.baris["sintetis_lama"].all()
    d = prat.dampak
    kota = d[(d["tahun"] == 2025) & (d["kode_wilayah"] == "33.75") & (d["tahap"] == "final")].iloc[0]
    assert kota["total_baru"] == pytest.approx(60.5 + 71 + 45.25)
    assert kota["predikat_hitung_baru"] is None
    assert not kota["lengkap_baru"]
    assert not kota["sintetis_baru"]
    assert kota["lengkap_lama"]
    assert kota["sintetis_lama"]
    assert kota["predikat_hitung_lama"] in {"Pratama", "Madya", "Nindya", "Utama", "KLA"}


def test_impor_tercatat_dan_impor_ulang_sama_semua(db: Path, wilayah: pd.DataFrame):
    hasil = _periksa("skor_baik.csv", wilayah)
    impor.terapkan(db, hasil, katalog_bawaan(), pengguna="ana")
    log = impor.daftar_impor(db)
    assert len(log) == 1
    baris = log.iloc[0]
    assert baris["pengguna"] == "ana"
    assert baris["berkas"] == "skor_baik.csv"
    assert baris["sha256"] == hashlib.sha256((BAIK / "skor_baik.csv").read_bytes()).hexdigest()
    assert (baris["jumlah_baru"], baris["jumlah_berubah"], baris["jumlah_sama"], baris["jumlah_dihapus"]) == (
        0,
        6,
        0,
        66,
    )
    assert baris["status"] == "berhasil"
    prat = impor.pratinjau(db, hasil, katalog_bawaan())
    assert prat.jumlah == {"baru": 0, "berubah": 0, "sama": 6, "dihapus": 0}


def test_rollback_memulihkan_persis_termasuk_sintetis(db: Path, wilayah: pd.DataFrame):
    awal = _isi(db)
    for nama in ("skor_baik.csv", "statistik_baik.csv", "predikat_baik.csv"):
        impor.terapkan(db, _periksa(nama, wilayah), katalog_bawaan(), pengguna="uji")
    assert _isi(db) != awal
    for impor_id in (3, 2, 1):
        impor.batalkan(db, impor_id, pengguna="uji")
    assert _isi(db) == awal
    log = impor.daftar_impor(db).set_index("impor_id")
    assert list(log.loc[[1, 2, 3], "status"]) == ["dibatalkan"] * 3
    assert list(log.loc[[4, 5, 6], "jenis"]) == ["pembatalan"] * 3
    assert list(log.loc[[4, 5, 6], "membatalkan"]) == [3, 2, 1]


def test_rollback_ditolak_bila_impor_lebih_baru_menyentuh_kunci_yang_sama(db: Path, wilayah: pd.DataFrame):
    awal = _isi(db)
    satu = _csv("tahun,kode_wilayah,indikator,tahap,nilai\n2025,33.75,KLA24-01,final,10\n", wilayah, "satu.csv")
    dua = _csv("tahun,kode_wilayah,indikator,tahap,nilai\n2025,33.75,KLA24-01,final,20\n", wilayah, "dua.csv")
    lain = _csv("tahun,kode_wilayah,predikat\n2025,33.01,Utama\n", wilayah, "lain.csv")
    for h in (satu, dua, lain):
        impor.terapkan(db, h, katalog_bawaan(), pengguna="uji")
    sebelum = sha_berkas(db)
    with pytest.raises(impor.ImporError, match=r"impor yang lebih baru \(#2\)") as info:
        impor.batalkan(db, 1, pengguna="uji")
    assert "#2" in info.value.teks("en")
    assert sha_berkas(db) == sebelum
    impor.batalkan(db, 3, pengguna="uji")  # touches other keys: no conflict, any order
    impor.batalkan(db, 2, pengguna="uji")
    with duckdb.connect(str(db), read_only=True) as con:
        nilai = con.execute(
            "SELECT nilai FROM skor_indikator WHERE tahun = 2025 AND kode_wilayah = '33.75' AND tahap = 'final' "
            "AND indikator = 'KLA24-01'"
        ).fetchall()
    assert nilai == [(10.0,)]  # back to import #1's value
    impor.batalkan(db, 1, pengguna="uji")
    assert _isi(db) == awal
    with pytest.raises(impor.ImporError, match="sudah dibatalkan"):
        impor.batalkan(db, 1, pengguna="uji")
    with pytest.raises(impor.ImporError, match="tidak ada"):
        impor.batalkan(db, 99, pengguna="uji")


def test_banyak_masalah_dilaporkan_sekaligus(wilayah: pd.DataFrame):
    teks = (
        "tahun;kode_wilayah;indikator;tahap;nilai\n"
        "2024;33.75;KLA24-01;final;12\n"
        "2025;Pekalongan;KLA24-01;final;12\n"
        "2025;33.75;KLA24-77;final;12\n"
        "2025;33.75;KLA24-02;akhir;12\n"
        "2025;33.75;KLA24-03;final;1.500\n"
        "2025;33.75;KLA24-04;final;46\n"
        "2025;33.75;KLA24-05;final;10\n"
        "2025;33.75;KLA24-05;final;11\n"
    )
    hasil = _csv(teks, wilayah)
    assert not hasil.sah
    assert [(m.kode, m.baris, m.kolom) for m in hasil.masalah] == [
        ("tahun_bukan_siklus", 2, "tahun"),
        ("nama_ambigu", 3, "kode_wilayah"),
        ("indikator_tak_dikenal", 4, "indikator"),
        ("tahap_tak_dikenal", 5, "tahap"),
        ("angka_ambigu", 6, "nilai"),
        ("skor_luar_rentang", 7, "nilai"),
        ("kunci_ganda", 9, None),
    ]
    with pytest.raises(impor.ImporError, match="belum lolos pemeriksaan"):
        impor.terapkan(Path("/tidak/ada.duckdb"), hasil, katalog_bawaan(), pengguna="uji")


def test_nama_wilayah_diterima(db: Path, wilayah: pd.DataFrame):
    teks = (
        "tahun,kode_wilayah,predikat\n"
        "2025,Kab. Pekalongan,Madya\n"
        "2023,KABUPATEN PEKALONGAN,nindya\n"
        "2025,Kota Pekalongan,UTAMA\n"
    )
    hasil = _csv(teks, wilayah)
    assert hasil.sah
    assert list(zip(hasil.data["tahun"], hasil.data["kode_wilayah"], hasil.data["predikat"], strict=True)) == [
        (2025, "33.26", "Madya"),
        (2023, "33.26", "Nindya"),
        (2025, "33.75", "Utama"),
    ]
    prat = impor.pratinjau(db, hasil, katalog_bawaan())
    assert not prat.dampak.empty


def test_statistik_persen_dan_ribuan(db: Path, wilayah: pd.DataFrame):
    hasil = _periksa("statistik_baik.csv", wilayah)
    assert hasil.data["nilai"].tolist() == [17.5, 21.4, 37892123.0, 104.2]
    assert hasil.data["satuan"].tolist() == ["persen", "persen", "jiwa", "persen"]
    impor.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")
    with duckdb.connect(str(db), read_only=True) as con:
        baris = con.execute(
            "SELECT nilai, keyakinan, terverifikasi, sintetis FROM statistik_indikator "
            "WHERE tahun = 2024 AND kode_wilayah = '33.75' AND statistik = 'prevalensi_stunting_ssgi'"
        ).fetchall()
    assert baris == [(17.5, "tinggi", True, False)]


def test_sidik_berubah_menolak_commit(db: Path, wilayah: pd.DataFrame):
    hasil = _periksa("predikat_baik.csv", wilayah)
    prat = impor.pratinjau(db, hasil, katalog_bawaan())
    impor.terapkan(db, _periksa("statistik_baik.csv", wilayah), katalog_bawaan(), pengguna="lain")
    sebelum = sha_berkas(db)
    with pytest.raises(impor.ImporError, match="berubah sejak pratinjau"):
        impor.terapkan(db, hasil, katalog_bawaan(), pengguna="uji", sidik=prat.sidik)
    assert sha_berkas(db) == sebelum


def test_salinan_basi_dibersihkan(db: Path, wilayah: pd.DataFrame):
    basi = db.with_name(db.name + ".impor-999999")
    basi.write_bytes(b"sisa impor yang dibunuh")
    impor.terapkan(db, _periksa("predikat_baik.csv", wilayah), katalog_bawaan(), pengguna="uji")
    assert not basi.exists()


def test_database_tidak_ada(tmp_path: Path, wilayah: pd.DataFrame):
    hasil = _periksa("predikat_baik.csv", wilayah)
    with pytest.raises(impor.ImporError, match="kla db build"):
        impor.pratinjau(tmp_path / "tidak.duckdb", hasil, katalog_bawaan())


def test_bawa_impor_membaca_impor_dan_riwayat(db: Path, wilayah: pd.DataFrame, db_bawaan: Path):
    assert impor.bawa_impor(db)["skor_indikator"].empty
    impor.terapkan(db, _periksa("skor_baik.csv", wilayah), katalog_bawaan(), pengguna="uji")
    impor.terapkan(db, _periksa("predikat_baik.csv", wilayah), katalog_bawaan(), pengguna="uji")
    bawaan = impor.bawa_impor(db)
    assert len(bawaan["skor_indikator"]) == 6
    # 2025 / 33.75 Nindya is already stored as real data: unchanged rows are not rewritten.
    assert list(bawaan["predikat_resmi"]["kode_wilayah"]) == ["33.25"]
    assert list(bawaan["log_impor"]["impor_id"]) == [1, 2]
    assert len(bawaan["riwayat_impor"]) == 6 + 66 + 1
    assert set(bawaan["sumber"]["jenis"]) == {"impor"}
    assert impor.bawa_impor(db.with_name("tidak_ada.duckdb")) == {}

    # Merge into the fresh tables of a just-built database.
    with duckdb.connect(str(db_bawaan), read_only=True) as con:
        segar = {
            t: con.execute(f"SELECT * FROM {t}").df()
            for t in (
                "sumber",
                "wilayah",
                "indikator",
                "siklus_evaluasi",
                "skor_indikator",
                "predikat_resmi",
                "statistik_indikator",
            )
        }
    gabung = impor.gabung_impor(segar, bawaan)
    skor = gabung["skor_indikator"]
    kota = skor[(skor["tahun"] == 2025) & (skor["kode_wilayah"] == "33.75") & (skor["tahap"] == "final")]
    assert sorted(kota["nilai"]) == [45.25, 60.5, 71.0]
    assert not kota["sintetis"].any()
    assert len(skor) == len(segar["skor_indikator"]) - 66
    pred = gabung["predikat_resmi"].set_index(["tahun", "kode_wilayah"])
    assert pred.loc[(2023, "33.25"), "predikat"] == "Madya"
    assert pred.loc[(2023, "33.25"), "sumber_id"] == "impor-2-1"
    assert pred.index.is_unique
    assert "log_impor" in gabung
    assert "riwayat_impor" in gabung
    assert gabung["sumber"]["sumber_id"].is_unique


def test_impor_bertahan_setelah_db_build(db: Path, wilayah: pd.DataFrame):
    awal = _isi(db)
    impor.terapkan(db, _periksa("skor_baik.csv", wilayah), katalog_bawaan(), pengguna="uji")
    impor.terapkan(db, _periksa("predikat_baik.csv", wilayah), katalog_bawaan(), pengguna="uji")
    sesudah_impor = _isi(db)
    database.bangun_database(db, static_dir=None)
    assert _isi(db) == sesudah_impor
    assert len(impor.daftar_impor(db)) == 2
    impor.batalkan(db, 2, pengguna="uji")
    impor.batalkan(db, 1, pengguna="uji")
    assert _isi(db) == awal


def test_tahap_baru_tanpa_data_tersimpan(db: Path, wilayah: pd.DataFrame):
    awal = _isi(db)
    hasil = _csv("tahun,kode_wilayah,indikator,tahap,nilai\n2025,33.75,KLA24-01,pusat,33\n", wilayah)
    prat = impor.pratinjau(db, hasil, katalog_bawaan())
    assert prat.jumlah == {"baru": 1, "berubah": 0, "sama": 0, "dihapus": 0}
    assert prat.dampak["total_lama"].isna().all()
    assert prat.dampak.loc[0, "total_baru"] == 33
    assert "_json_lama" not in prat.baris_tampil().columns
    impor.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")
    impor.batalkan(db, 1, pengguna="uji")
    assert _isi(db) == awal
