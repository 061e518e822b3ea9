"""The Kelembagaan register on a real workspace file: submit, verify, reject with a reason, resubmit;
scope (33.75 cannot touch 33.26; only a province editor or an admin verifies, never their own entry);
stale saves refused; every change in log_perubahan; the province summary recomputed by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from indicators.akun.pengguna import Pengguna
from indicators.gugus import kelembagaan as kl, layanan, simpan as gugus_simpan
from indicators.io import store
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.kelembagaan import kelembagaan_bawaan
from indicators.katalog.model import katalog_bawaan
from tests.conftest import sha_berkas

KAT = kelembagaan_bawaan()
HARI = dt.date(2025, 6, 1)
WAKTU = dt.datetime(2025, 6, 1, 9, 30)
ANA = Pengguna("ana.pkl", "editor", ("33.75",))
DEDI = Pengguna("dedi.kab", "editor", ("33.26",))
BUDI = Pengguna("budi.jateng", "editor", ("33",))
SARI = Pengguna("sari.jateng", "editor", ("33",))
CITRA = Pengguna("citra.jatim", "editor", ("35",))
ADMIN = Pengguna("admin", "admin", ())


def _log(path: Path, kode: str = "33.75") -> list[tuple[object, ...]]:
    """The region's log as (key, field, old, new, user, version), oldest first, empties as None."""
    log = gugus_simpan.baca_log(path, kode).sort_values("log_id")
    bersih = [None if pd.isna(v) else v for v in log[["nilai_lama", "nilai_baru", "versi"]].to_numpy().ravel()]
    lama, baru, versi = bersih[0::3], bersih[1::3], bersih[2::3]
    return list(zip(log["kunci"], log["kolom"], lama, baru, log["pengguna"], versi, strict=True))


def _baris(path: Path, butir: str, kode: str = "33.75") -> dict[str, object]:
    data = gugus_simpan.baca_kelembagaan(path, kode)
    r = data[data["butir"] == butir].iloc[0].to_dict()
    return {str(k): None if not isinstance(v, str | int) and pd.isna(v) else v for k, v in r.items()}


def test_ajukan_tolak_ajukan_ulang_dan_verifikasi_tercatat(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    ubah = [
        kl.UbahIsian("rapat_gt_jumlah", "3", "Notulen rapat GT 2025", versi=0),
        kl.UbahIsian("kelana_persen", "12,5", None, versi=0),
    ]
    # rapat: nilai, referensi, status; kelana: nilai, status
    assert kl.simpan_isian(path, ANA, "33.75", ubah, KAT, hari_ini=HARI, waktu=WAKTU) == 5
    rapat = _baris(path, "rapat_gt_jumlah")
    assert (rapat["nilai"], rapat["status"], rapat["diajukan_oleh"], rapat["versi"]) == ("3", "diajukan", "ana.pkl", 1)
    assert _baris(path, "kelana_persen")["nilai"] == "12.5"

    nanti = WAKTU + dt.timedelta(days=1)
    keputusan = [
        kl.Keputusan("rapat_gt_jumlah", "ditolak", "Notulen tanpa daftar hadir", versi=1),
        kl.Keputusan("kelana_persen", "diverifikasi", "diabaikan bila diverifikasi", versi=1),
    ]
    assert kl.putuskan(path, BUDI, "33.75", keputusan, KAT, waktu=nanti) == 3  # status + alasan, status
    rapat = _baris(path, "rapat_gt_jumlah")
    assert (rapat["status"], rapat["alasan"], rapat["diputuskan_oleh"], rapat["versi"]) == (
        "ditolak", "Notulen tanpa daftar hadir", "budi.jateng", 2,
    )  # fmt: skip
    assert _baris(path, "kelana_persen")["alasan"] is None

    # Resubmitted with a new value: diajukan again, the reason cleared (the log keeps it).
    lagi = kl.UbahIsian("rapat_gt_jumlah", "6", versi=2, kolom=frozenset({"nilai"}))
    assert kl.simpan_isian(path, ANA, "33.75", [lagi], KAT, hari_ini=HARI, waktu=nanti) == 3
    rapat = _baris(path, "rapat_gt_jumlah")
    assert (rapat["nilai"], rapat["referensi"], rapat["status"], rapat["alasan"]) == (
        "6", "Notulen rapat GT 2025", "diajukan", None,
    )  # fmt: skip
    assert kl.putuskan(path, BUDI, "33.75", [kl.Keputusan("rapat_gt_jumlah", "diverifikasi", versi=3)], KAT) == 1
    # A verification withdrawn needs a reason too.
    tarik = kl.Keputusan("kelana_persen", "ditolak", "Angka belum sesuai SK camat", versi=2)
    assert kl.putuskan(path, SARI, "33.75", [tarik], KAT, waktu=nanti) == 2

    sebelum = sha_berkas(path)
    assert kl.simpan_isian(path, ANA, "33.75", [kl.UbahIsian("rapat_gt_jumlah", 6, "Notulen rapat GT 2025")], KAT) == 0
    assert sha_berkas(path) == sebelum  # a save that changes nothing writes nothing

    assert _log(path) == [
        ("KLA24-02/rapat_gt_jumlah", "nilai", None, "3", "ana.pkl", 1),
        ("KLA24-02/rapat_gt_jumlah", "referensi", None, "Notulen rapat GT 2025", "ana.pkl", 1),
        ("KLA24-02/rapat_gt_jumlah", "status", None, "diajukan", "ana.pkl", 1),
        ("KLA24-02/kelana_persen", "nilai", None, "12.5", "ana.pkl", 1),
        ("KLA24-02/kelana_persen", "status", None, "diajukan", "ana.pkl", 1),
        ("KLA24-02/rapat_gt_jumlah", "status", "diajukan", "ditolak", "budi.jateng", 2),
        ("KLA24-02/rapat_gt_jumlah", "alasan", None, "Notulen tanpa daftar hadir", "budi.jateng", 2),
        ("KLA24-02/kelana_persen", "status", "diajukan", "diverifikasi", "budi.jateng", 2),
        ("KLA24-02/rapat_gt_jumlah", "nilai", "3", "6", "ana.pkl", 3),
        ("KLA24-02/rapat_gt_jumlah", "status", "ditolak", "diajukan", "ana.pkl", 3),
        ("KLA24-02/rapat_gt_jumlah", "alasan", "Notulen tanpa daftar hadir", None, "ana.pkl", 3),
        ("KLA24-02/rapat_gt_jumlah", "status", "diajukan", "diverifikasi", "budi.jateng", 4),
        ("KLA24-02/kelana_persen", "status", "diverifikasi", "ditolak", "sari.jateng", 3),
        ("KLA24-02/kelana_persen", "alasan", None, "Angka belum sesuai SK camat", "sari.jateng", 3),
    ]


def test_mengosongkan_nilai_membuat_butir_belum_diisi(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    kl.simpan_isian(path, ANA, "33.75", [kl.UbahIsian("patbm_persen", "40", "SK Bupati 2/2025")], KAT)
    assert (
        kl.simpan_isian(
            path, ANA, "33.75", [kl.UbahIsian("patbm_persen", "", versi=1, kolom=frozenset({"nilai"}))], KAT
        )
        == 2
    )
    r = _baris(path, "patbm_persen")
    assert (r["nilai"], r["status"], r["referensi"], r["diajukan_oleh"]) == (None, None, "SK Bupati 2/2025", None)
    assert kl.register_wilayah(path, "33.75").set_index("butir").loc["patbm_persen", "status"] == "belum_diisi"


def test_lingkup_dan_peran_verifikator(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    ubah = [kl.UbahIsian("sk_gt_nomor", "463/Kep/12/2024")]
    with pytest.raises(gugus_simpan.LingkupError, match=r"ana\.pkl.*33\.75.*33\.26"):
        kl.simpan_isian(path, ANA, "33.26", ubah, KAT)
    assert not path.exists()  # refused before anything was touched
    assert kl.simpan_isian(path, ANA, "33.75", ubah, KAT) == 2
    assert kl.simpan_isian(path, DEDI, "33.26", ubah, KAT) == 2
    sebelum = sha_berkas(path)
    verifikasi = [kl.Keputusan("sk_gt_nomor", "diverifikasi")]
    with pytest.raises(kl.VerifikasiError, match="bukan editor kab/kota itu sendiri") as info:
        kl.putuskan(path, ANA, "33.75", verifikasi, KAT)  # a kab/kota editor submits, never verifies
    assert "not the kab/kota's own editor" in info.value.teks("en")
    with pytest.raises(gugus_simpan.LingkupError):
        kl.putuskan(path, ANA, "33.26", verifikasi, KAT)
    with pytest.raises(gugus_simpan.LingkupError):
        kl.putuskan(path, CITRA, "33.75", verifikasi, KAT)  # another province's editor
    with pytest.raises(kl.VerifikasiError, match="penolakan wajib disertai alasan"):
        kl.putuskan(path, BUDI, "33.75", [kl.Keputusan("sk_gt_nomor", "ditolak", "   ")], KAT)
    with pytest.raises(kl.VerifikasiError, match="belum diisi"):
        kl.putuskan(path, BUDI, "33.75", [kl.Keputusan("rad_kla_periode", "diverifikasi")], KAT)
    assert sha_berkas(path) == sebelum
    # A province editor may submit for its kab/kota, but not verify that submission itself.
    kl.simpan_isian(path, BUDI, "33.26", [kl.UbahIsian("rad_kla_periode", "2021-2026")], KAT)
    with pytest.raises(kl.VerifikasiError, match="empat mata"):
        kl.putuskan(path, BUDI, "33.26", [kl.Keputusan("rad_kla_periode", "diverifikasi")], KAT)
    assert kl.putuskan(path, SARI, "33.26", [kl.Keputusan("rad_kla_periode", "diverifikasi")], KAT) == 1
    assert kl.putuskan(path, ADMIN, "33.75", verifikasi, KAT) == 1


def test_nilai_salah_disebut_semua_dan_tidak_ada_yang_ditulis(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    ubah = [
        kl.UbahIsian("dekela_persen", "101"),
        kl.UbahIsian("rapat_gt_jumlah", "-1"),
        kl.UbahIsian("profil_anak_pembaruan", "15/07/2025"),
        kl.UbahIsian("butir_entah", "1"),
        kl.UbahIsian("sk_gt_nomor", "463/Kep/12/2024"),  # valid, but not written alone
    ]
    with pytest.raises(gugus_simpan.GugusError) as info:
        kl.simpan_isian(path, ANA, "33.75", ubah, KAT, hari_ini=HARI)
    pesan, pesan_en = info.value.teks("id"), info.value.teks("en")
    assert "(dekela_persen): nilai '101' tidak sah; harapan: persentase 0 sampai 100" in pesan
    assert "(rapat_gt_jumlah): nilai '-1' tidak sah; harapan: bilangan bulat 0 sampai" in pesan
    assert "(profil_anak_pembaruan): tanggal 15 Juli 2025 jatuh setelah hari ini (1 Juni 2025)" in pesan
    assert "Butir 'butir_entah' tidak ada di register Kelembagaan" in pesan
    assert "(dekela_persen): value '101' is not valid; expected a percentage from 0 to 100" in pesan_en
    assert not path.exists()


def test_simpan_dan_keputusan_dari_versi_basi_ditolak(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    kl.simpan_isian(path, ANA, "33.75", [kl.UbahIsian("rapat_gt_jumlah", "5", versi=0)], KAT, waktu=WAKTU)
    sebelum = sha_berkas(path)
    # Another editor of the region saw the empty item (version 0).
    lain = Pengguna("rina.pkl", "editor", ("33.75",))
    with pytest.raises(gugus_simpan.KonflikError) as info:
        kl.simpan_isian(path, lain, "33.75", [kl.UbahIsian("rapat_gt_jumlah", "7", versi=0)], KAT)
    pesan = info.value.teks("id")
    assert "Butir KLA24-02/rapat_gt_jumlah sudah diubah oleh ana.pkl pada 1 Juni 2025 09:30" in pesan
    assert "nilai (kosong) → 5" in pesan
    assert "versi yang Anda ubah 0, kini 1" in pesan
    # The verifier decided on version 1; the value changed to version 2 meanwhile.
    kl.simpan_isian(path, ANA, "33.75", [kl.UbahIsian("rapat_gt_jumlah", "8", versi=1)], KAT)
    with pytest.raises(gugus_simpan.KonflikError, match=r"nilai 5 → 8"):
        kl.putuskan(path, BUDI, "33.75", [kl.Keputusan("rapat_gt_jumlah", "diverifikasi", versi=1)], KAT)
    assert sha_berkas(path) != sebelum  # only ana's second save was written
    assert _baris(path, "rapat_gt_jumlah")["status"] == "diajukan"


def test_basisdata_sendiri_menolak_penolakan_tanpa_alasan(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    with pytest.raises(duckdb.ConstraintException), gugus_simpan.transaksi(path) as tulis:
        tulis.con.execute(
            "INSERT INTO kelembagaan_isian (kode_wilayah, butir, nilai, status, diubah_oleh, diubah_pada, versi) "
            "VALUES ('33.75', 'rapat_gt_jumlah', '3', 'ditolak', 'x', now(), 1)"
        )
    assert not path.exists()


def test_ringkasan_kelembagaan_dihitung_ulang_dengan_tangan(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    kosong = kl.ringkasan_kelembagaan(path, ["33.75"])  # no workspace yet: zeros, not an error
    assert kosong.iloc[0].tolist() == ["33.75", 20, 0, 0, 0, 0]
    # 33.75: four values; then one verified, one rejected → 2 submitted, 1 verified, 1 rejected.
    kl.simpan_isian(path, ANA, "33.75", [
        kl.UbahIsian("sk_gt_nomor", "463/Kep/12/2024"), kl.UbahIsian("rapat_gt_jumlah", "6"),
        kl.UbahIsian("kelana_persen", "30"), kl.UbahIsian("dekela_persen", "10"),
    ], KAT)  # fmt: skip
    kl.putuskan(path, BUDI, "33.75", [
        kl.Keputusan("sk_gt_nomor", "diverifikasi"), kl.Keputusan("kelana_persen", "ditolak", "SK camat belum ada"),
    ], KAT)  # fmt: skip
    # 33.26: two values, one cleared again → 1 filled in, 1 submitted; a reference alone fills nothing.
    kl.simpan_isian(path, DEDI, "33.26", [kl.UbahIsian("patbm_persen", "5"), kl.UbahIsian("media_jumlah", "2")], KAT)
    kl.simpan_isian(path, DEDI, "33.26", [kl.UbahIsian("media_jumlah", None, "MoU draf", kolom=None)], KAT)
    # A row of an item no longer in the register definition (stored by an older version): not counted.
    with gugus_simpan.transaksi(path) as tulis:
        tulis.con.execute(
            "INSERT INTO kelembagaan_isian (kode_wilayah, butir, nilai, status, diubah_oleh, diubah_pada, versi) "
            "VALUES ('33.75', 'butir_lama', '1', 'diajukan', 'x', now(), 1)"
        )
        tulis.berubah = 1
    hasil = kl.ringkasan_kelembagaan(path, ["33.26", "33.01", "33.75"])
    assert list(hasil.columns) == [
        "kode_wilayah", "kelembagaan_butir", "kelembagaan_terisi", "kelembagaan_diajukan",
        "kelembagaan_terverifikasi", "kelembagaan_ditolak",
    ]  # fmt: skip
    assert list(hasil.itertuples(index=False, name=None)) == [
        ("33.26", 20, 1, 1, 0, 0),
        ("33.01", 20, 0, 0, 0, 0),
        ("33.75", 20, 4, 2, 1, 1),
    ]
    assert all(str(t) == "int64" for t in hasil.dtypes.iloc[1:])
    # The page's own count of one region agrees.
    assert kl.hitung_ringkasan(kl.register_wilayah(path, "33.75")) == {
        "butir": 20, "terisi": 4, "diajukan": 2, "terverifikasi": 1, "ditolak": 1,
    }  # fmt: skip


def test_ruang_kerja_lama_tanpa_tabel_register_dibaca_kosong_lalu_dinaikkan(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    # A workspace written before migration 004 (only 001 and 002 applied).
    with duckdb.connect(str(path)) as con:
        con.execute(store.muat_sql("gugus_migrasi_buat"))
        for versi, nama, berkas in store.daftar_migrasi(store.MIGRASI_GUGUS_DIR):
            if versi <= 2:
                con.execute(berkas.read_text(encoding="utf-8"))
                con.execute(store.muat_sql("gugus_migrasi_catat"), {"versi": versi, "nama": nama})
    assert kl.ringkasan_kelembagaan(path, ["33.75"]).iloc[0].tolist() == ["33.75", 20, 0, 0, 0, 0]
    assert set(kl.register_wilayah(path, "33.75")["status"]) == {"belum_diisi"}
    assert gugus_simpan.baca_tambahan(path, "33.75").empty
    assert kl.simpan_isian(path, ANA, "33.75", [kl.UbahIsian("rapat_gt_tahun", "2025")], KAT) == 2
    assert kl.ringkasan_kelembagaan(path, ["33.75"]).iloc[0].tolist() == ["33.75", 20, 1, 1, 0, 0]


def test_register_ikut_ruang_kerja_wilayah(db: Path):
    path = gugus_simpan.path_gugus(db)
    kl.simpan_isian(path, ANA, "33.75", [kl.UbahIsian("sk_gt_struktur", "kelembagaan, klaster I, klaster II")], KAT)
    rk = layanan.ruang_kerja(db, katalog_bawaan(), data_dukung_bawaan(), "33.75", HARI)
    teks = kl.teks_register(rk.kelembagaan, KAT, HARI, "id").set_index("butir")
    assert teks.loc["sk_gt_struktur", "nilai_teks"] == "Kelembagaan; Klaster I; Klaster II"
    assert teks.loc["sk_gt_struktur", "perhatian"] == (
        "Belum mencakup: Klaster III, Klaster IV, Klaster V. Tanpa referensi dokumen."
    )
    lain = layanan.ruang_kerja(db, katalog_bawaan(), data_dukung_bawaan(), "33.26", HARI)
    assert set(lain.kelembagaan["status"]) == {"belum_diisi"}
