"""The child-protection import on a real database: the malformed corpus, all or nothing, the update
preview, synthetic rows replaced and brought back, rules against stored totals, scope, rollback, and
the carry-over by ``kla db build``."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
import yaml
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.akun.pengguna import Pengguna
from indicators.bangun import database
from indicators.impor import lingkup, terapkan
from indicators.impor.masalah import ImporError
from indicators.impor.templat_perlindungan import buat_templat_perlindungan
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from indicators.katalog.perlindungan import katalog_perlindungan
from tests.conftest import sha_berkas

KORPUS = Path(__file__).parents[1] / "data" / "impor" / "perlindungan"
HARAPAN: list[dict[str, Any]] = yaml.safe_load((KORPUS / "harapan.yaml").read_text(encoding="utf-8"))
ANA = Pengguna("ana", "editor", ("33.75",))
JATENG = Pengguna("jateng", "editor", ("33",))
J = "tahun,bulan,kode_wilayah,tabel,kategori,jumlah,sumber\n"


@pytest.fixture(scope="module")
def wilayah(db_modul: Path) -> pd.DataFrame:
    return terapkan.muat_wilayah(db_modul)


def _periksa(data: bytes, nama: str, wilayah: pd.DataFrame, jenis: Any = "perlindungan") -> terapkan.HasilPeriksa:
    return terapkan.periksa_berkas(data, nama, katalog_bawaan(), wilayah, jenis)


def _impor(db: Path, data: bytes, nama: str, pengguna: str = "uji") -> terapkan.HasilImpor:
    hasil = _periksa(data, nama, terapkan.muat_wilayah(db))
    assert hasil.sah, [m.teks() for m in hasil.masalah]
    return terapkan.terapkan(db, hasil, katalog_bawaan(), pengguna=pengguna)


def _tersimpan(db: Path, kode: str, tahun: int) -> pd.DataFrame:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT tahun, bulan, kode_wilayah, tabel, kategori, jumlah, sintetis, sumber_id FROM perlindungan_anak "
            "WHERE kode_wilayah = ? AND tahun = ? ORDER BY ALL",
            [kode, tahun],
        ).df()


def _tulis_sintetis(db: Path, baris: pd.DataFrame) -> None:
    """Put synthetic rows in (as the build's sample would be) through the store's write path."""
    with store.salinan_kerja(db, akhiran="uji", jeda="KLA_UJI_TIDAK_ADA", tempat="uji") as salinan:
        salinan.con.register("data_masuk", baris)
        salinan.con.execute(
            "DELETE FROM perlindungan_anak AS p USING data_masuk AS d WHERE p.tahun = d.tahun "
            "AND p.bulan = d.bulan AND p.kode_wilayah = d.kode_wilayah AND p.tabel = d.tabel "
            "AND p.kategori = d.kategori"
        )
        salinan.con.execute("INSERT INTO perlindungan_anak BY NAME SELECT * FROM data_masuk")


def _sumber_sintetis(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        return str(con.execute("SELECT min(sumber_id) FROM sumber WHERE sintetis").fetchall()[0][0])


# --- the malformed corpus ---------------------------------------------------------------------------


def test_korpus_lengkap():
    berkas = sorted(p.name for p in KORPUS.iterdir() if p.suffix in (".csv", ".xlsx") and not p.name.startswith("baik"))
    assert sorted(h["berkas"] for h in HARAPAN) == berkas
    assert len(berkas) >= 30
    assert sum(1 for b in berkas if b.endswith(".xlsx")) >= 4


@pytest.mark.parametrize("harapan", HARAPAN, ids=[h["berkas"] for h in HARAPAN])
def test_berkas_rusak_ditolak_dengan_pesan_lengkap(harapan: dict[str, Any], wilayah: pd.DataFrame):
    path = KORPUS / harapan["berkas"]
    hasil = _periksa(path.read_bytes(), path.name, wilayah)
    assert not hasil.sah
    assert len(hasil.masalah) == harapan["jumlah"], [m.teks() for m in hasil.masalah]
    pertama = hasil.masalah[0]
    medan = {k: getattr(pertama, k) for k in ("kode", "sheet", "baris", "kolom", "sel", "nilai")}
    assert medan == harapan["masalah"]
    teks = [m.teks() for m in hasil.masalah]
    for potongan in harapan["pesan"]:
        assert any(potongan in x for x in teks), (potongan, teks)
    for m in hasil.masalah:
        assert m.berkas == path.name
        assert "harapan:" in m.teks("id")
        assert "expected:" in m.teks("en")
        assert m.teks("en") != m.teks("id")
        if m.nilai is not None:
            assert m.baris is not None
            assert m.kolom is not None
    for rahasia in harapan.get("rahasia", []):
        for m in hasil.masalah:
            for bahasa in ("id", "en"):
                assert rahasia not in m.teks(bahasa)
                assert rahasia not in str(m.sebagai_dict(bahasa))


@pytest.mark.parametrize(
    "nama", ["baik_panjang.csv", "baik_cp1252.csv", "31_pribadi_nik.csv", "19_kolom_tabel_hilang.csv"]
)
def test_jenis_dikenali_dari_kolom(nama: str, wilayah: pd.DataFrame):
    assert _periksa((KORPUS / nama).read_bytes(), nama, wilayah, None).jenis == "perlindungan"


def test_templat_dikenali_dari_nama_sheet(wilayah: pd.DataFrame):
    hasil = _periksa((KORPUS / "baik_templat.xlsx").read_bytes(), "baik_templat.xlsx", wilayah, None)
    assert hasil.jenis == "perlindungan"
    assert hasil.sah


def test_data_pribadi_ditolak_di_impor_skor_juga(wilayah: pd.DataFrame):
    data = b"tahun,kode_wilayah,indikator,tahap,nilai,catatan\n2025,33.75,KLA24-01,final,12,NIK 3375014507100003\n"
    hasil = _periksa(data, "skor.csv", wilayah, None)
    assert [m.kode for m in hasil.masalah] == ["pe.pribadi_nik"]
    assert "3375014507100003" not in hasil.masalah[0].teks()


def test_toleransi_cp1252_titik_koma_nama_dan_bulan(wilayah: pd.DataFrame):
    hasil = _periksa((KORPUS / "baik_cp1252.csv").read_bytes(), "baik_cp1252.csv", wilayah)
    assert hasil.sah, [m.teks() for m in hasil.masalah]
    baris = hasil.data[["tahun", "bulan", "kode_wilayah", "tabel", "kategori", "jumlah", "catatan"]]
    assert baris.astype(object).where(baris.notna(), None).values.tolist() == [
        [2024, 1, "33.75", "bentuk_kekerasan", "fisik", 2, "tanpa identitas"],
        [2024, 2, "33.26", "bentuk_kekerasan", "fisik", 5, "‘rekap’"],
        [2024, 3, "33.02", "tempat", "sekolah", 1, None],
    ]


# --- commit, update preview, rollback -------------------------------------------------------------


def test_impor_panjang_tersimpan_lalu_dibatalkan_persis(db: Path):
    sebelum = _tersimpan(db, "33.75", 2024)
    sha = sha_berkas(db)
    hasil = _periksa((KORPUS / "baik_panjang.csv").read_bytes(), "baik_panjang.csv", terapkan.muat_wilayah(db))
    prat = terapkan.pratinjau(db, hasil, katalog_bawaan())
    assert sha_berkas(db) == sha  # the preview writes nothing
    ada_sintetis = bool(sebelum["sintetis"].any())
    assert prat.jumlah["baru"] + prat.jumlah["berubah"] == 7
    assert prat.jumlah["dihapus"] == int(sebelum["sintetis"].sum()) - prat.jumlah["berubah"] * ada_sintetis
    impor = terapkan.terapkan(db, hasil, katalog_bawaan(), pengguna="uji", sidik=prat.sidik)
    sesudah = _tersimpan(db, "33.75", 2024)
    assert not sesudah["sintetis"].any()  # the region-year's synthetic sample is replaced entirely
    assert sesudah[["bulan", "tabel", "kategori", "jumlah"]].values.tolist() == [
        [1, "bentuk_kekerasan", "fisik", 3],
        [1, "bentuk_kekerasan", "psikis", 0],
        [1, "korban", "korban_anak", 4],
        [1, "umur", "13_17", 2],
        [1, "umur", "6_12", 2],
        [2, "bentuk_kekerasan", "seksual", 2],
    ]
    penduduk = store.kueri(db, "impor_bawa_penduduk_anak")
    assert penduduk[["kode_wilayah", "tahun", "jumlah"]].values.tolist() == [["33.75", 2024, 71234]]
    sumber = store.kueri(db, "impor_bawa_sumber")
    assert any("BPS Kota Pekalongan 2024" in s for s in sumber["sitasi"])
    log = terapkan.daftar_impor(db, impor.impor_id)
    assert log[["jenis", "jumlah_baris", "status"]].values.tolist() == [["perlindungan", 7, "berhasil"]]
    terapkan.batalkan(db, impor.impor_id, pengguna="uji")
    pd.testing.assert_frame_equal(_tersimpan(db, "33.75", 2024), sebelum)
    assert store.kueri(db, "impor_bawa_penduduk_anak").empty
    assert store.kueri(db, "impor_bawa_sumber").empty


def test_wilayah_periode_yang_sama_adalah_pembaruan(db: Path):
    _impor(db, (KORPUS / "baik_panjang.csv").read_bytes(), "pertama.csv")
    kedua = J + "2024,1,33.75,bentuk_kekerasan,fisik,5,DP3A revisi\n2024,1,33.75,korban,korban_anak,4,x\n"
    kedua += "2024,3,33.75,bentuk_kekerasan,fisik,1,DP3A\n"
    hasil = _periksa(kedua.encode(), "kedua.csv", terapkan.muat_wilayah(db))
    prat = terapkan.pratinjau(db, hasil, katalog_bawaan())
    baris = prat.baris_tampil()[["bulan", "tabel", "kategori", "nilai_lama", "nilai", "status"]]
    assert baris.astype(object).where(baris.notna(), None).values.tolist() == [
        [1, "bentuk_kekerasan", "fisik", 3, 5, "berubah"],
        [1, "korban", "korban_anak", 4, 4, "sama"],
        [3, "bentuk_kekerasan", "fisik", None, 1, "baru"],
    ]
    assert prat.jumlah == {"baru": 1, "berubah": 1, "sama": 1, "dihapus": 0}
    dampak = prat.dampak.set_index("tabel")
    assert dampak.loc["bentuk_kekerasan", "bulan_lama"] == [1, 2]
    assert dampak.loc["bentuk_kekerasan", "bulan_baru"] == [1, 2, 3]
    impor = terapkan.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")
    fisik = _tersimpan(db, "33.75", 2024).query("kategori == 'fisik'")
    assert fisik[["bulan", "jumlah"]].values.tolist() == [[1, 5], [3, 1]]
    # The first import cannot be rolled back before the second (they share a key).
    with pytest.raises(ImporError, match="Batalkan dulu"):
        terapkan.batalkan(db, impor.impor_id - 1, pengguna="uji")
    terapkan.batalkan(db, impor.impor_id, pengguna="uji")
    fisik = _tersimpan(db, "33.75", 2024).query("kategori == 'fisik'")
    assert fisik[["bulan", "jumlah"]].values.tolist() == [[1, 3]]


def test_sampel_sintetis_diganti_lalu_dipulihkan(db: Path):
    sintetis = pd.DataFrame(
        {
            "tahun": 2023,
            "bulan": list(range(1, 13)),
            "kode_wilayah": "33.26",
            "tabel": "bentuk_kekerasan",
            "kategori": "fisik",
            "jumlah": [2] * 12,
            "sintetis": True,
            "sumber_id": _sumber_sintetis(db),
        }
    )
    _tulis_sintetis(db, sintetis)
    sebelum = _tersimpan(db, "33.26", 2023)
    hasil = _periksa(
        (J + "2023,1,33.26,bentuk_kekerasan,fisik,4,DP3A Kab. Pekalongan\n").encode(),
        "a.csv",
        terapkan.muat_wilayah(db),
    )
    prat = terapkan.pratinjau(db, hasil, katalog_bawaan())
    assert prat.jumlah["berubah"] == 1  # a synthetic value under the same key is always replaced
    assert prat.jumlah["dihapus"] == int(sebelum["sintetis"].sum()) - 1
    assert bool(prat.baris["sintetis_lama"].iloc[0])
    impor = terapkan.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")
    assert _tersimpan(db, "33.26", 2023)[["bulan", "jumlah", "sintetis"]].values.tolist() == [[1, 4, False]]
    terapkan.batalkan(db, impor.impor_id, pengguna="uji")
    pd.testing.assert_frame_equal(_tersimpan(db, "33.26", 2023), sebelum)


def test_bagian_melebihi_total_tersimpan_ditolak(db: Path):
    _impor(db, (J + "2024,5,33.75,korban,korban_anak,2,DP3A\n").encode(), "total.csv")
    sha = sha_berkas(db)
    hasil = _periksa((J + "2024,5,33.75,umur,0_5,3,DP3A\n").encode(), "bagian.csv", terapkan.muat_wilayah(db))
    assert hasil.sah  # the file alone is fine; with the stored total it is not
    with pytest.raises(ImporError) as galat:
        terapkan.pratinjau(db, hasil, katalog_bawaan())
    assert "umur.0_5 + umur.6_12 + umur.13_17 = 3 melebihi korban.korban_anak = 2 (33.75 2024-05)" in galat.value.teks()
    assert "exceeds" in galat.value.teks("en")
    with pytest.raises(ImporError):
        terapkan.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")
    assert sha_berkas(db) == sha


def test_semua_atau_tidak_sama_sekali(db: Path, monkeypatch: pytest.MonkeyPatch):
    sha = sha_berkas(db)
    isi = (KORPUS / "baik_panjang.csv").read_text(encoding="utf-8") + "2024,1,33.75,tempat,sekolah,1-5,x\n"
    hasil = _periksa(isi.encode(), "satu_salah.csv", terapkan.muat_wilayah(db))
    assert [m.kode for m in hasil.masalah] == ["pe.tersamar"]
    with pytest.raises(ImporError):
        terapkan.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")
    # A failure in the middle of the write (the counts are inserted after the history) leaves nothing.
    hasil = _periksa((KORPUS / "baik_panjang.csv").read_bytes(), "baik_panjang.csv", terapkan.muat_wilayah(db))
    asli = terapkan._sisipkan

    def gagal(con: duckdb.DuckDBPyConnection, tabel: str, frame: pd.DataFrame) -> None:
        if tabel == "penduduk_anak":
            raise duckdb.IOException("disk hilang (uji)")
        asli(con, tabel, frame)

    monkeypatch.setattr(terapkan, "_sisipkan", gagal)
    with pytest.raises(ImporError, match="dibatalkan seluruhnya"):
        terapkan.terapkan(db, hasil, katalog_bawaan(), pengguna="uji")
    assert sha_berkas(db) == sha
    assert terapkan.daftar_impor(db).empty


def test_lingkup_editor(db: Path, wilayah: pd.DataFrame):
    templat = load_workbook(
        io.BytesIO(buat_templat_perlindungan(wilayah[wilayah["kode_provinsi"] == "33"], tahun=2024))
    )
    ws = templat["bentuk_kekerasan"]
    baris = {(ws.cell(r, 3).value, ws.cell(r, 2).value): r for r in range(2, ws.max_row + 1) if ws.cell(r, 3).value}
    ws.cell(baris[("33.75", 1)], 5).value = 2
    ws.cell(baris[("33.26", 1)], 5).value = 1
    keluaran = io.BytesIO()
    templat.save(keluaran)
    hasil = _periksa(keluaran.getvalue(), "dua_wilayah.xlsx", terapkan.muat_wilayah(db))
    assert hasil.sah
    nama = dict(zip(wilayah["kode_wilayah"], wilayah["nama"], strict=True))
    ditolak = lingkup.periksa_lingkup(hasil, ANA, nama)
    luar = [m for m in ditolak.masalah if m.kode == "luar_lingkup"]
    assert [(m.sheet, m.baris, m.kolom, m.nilai) for m in luar] == [
        ("bentuk_kekerasan", baris[("33.26", 1)], "kode_wilayah", "33.26 Kabupaten Pekalongan")
    ]
    assert "hanya wilayah dalam lingkup akun: 33.75 (Kota Pekalongan)" in luar[0].teks()
    assert lingkup.periksa_lingkup(hasil, JATENG, nama).sah
    impor = terapkan.terapkan(db, hasil, katalog_bawaan(), pengguna="jateng")
    assert not lingkup.boleh_batalkan(ANA, terapkan.wilayah_impor(db, impor.impor_id))
    assert lingkup.boleh_batalkan(JATENG, terapkan.wilayah_impor(db, impor.impor_id))


def test_templat_bolak_balik(wilayah: pd.DataFrame):
    pilih = wilayah[wilayah["kode_provinsi"] == "33"]
    isi = buat_templat_perlindungan(pilih, tahun=2024, wilayah=["33.75"])
    buku = load_workbook(io.BytesIO(isi))
    tabel = list(katalog_perlindungan().tabel)
    assert buku.sheetnames == ["Petunjuk", *tabel, "penduduk_anak", "Daftar"]
    assert buku["Daftar"].sheet_state == "hidden"
    ws = buku["respons"]
    judul = [c.value for c in ws[1]]
    assert judul[:4] == ["tahun", "bulan", "kode_wilayah", "nama_wilayah"]
    assert judul[4:-2] == list(katalog_perlindungan().tabel["respons"].kategori)
    assert [ws.cell(r, 2).value for r in range(2, 14)] == list(range(1, 13))
    assert "Aduan risiko tinggi" in ws.cell(1, 5).comment.text
    # Data validation: drop-downs for the region and month, whole numbers ≥ 0 for every category.
    validasi = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    assert validasi["C2"].type == "list"
    assert validasi["B2"].type == "list"
    for j in range(5, 5 + len(judul[4:-2])):
        huruf = ws.cell(1, j).column_letter
        assert (validasi[f"{huruf}2"].type, validasi[f"{huruf}2"].formula1) == ("whole", "0")
    assert buku["penduduk_anak"].cell(1, 4).value == "anak_0_17"
    assert "data pribadi" in buku["Petunjuk"]["A4"].value.lower()
    # Filled in and read back: each filled category cell is one long row.
    ws.cell(2, 5).value, ws.cell(2, 6).value = 3, 2
    keluaran = io.BytesIO()
    buku.save(keluaran)
    hasil = _periksa(keluaran.getvalue(), "isi.xlsx", wilayah)
    assert hasil.sah, [m.teks() for m in hasil.masalah]
    assert hasil.data[["bulan", "kode_wilayah", "tabel", "kategori", "jumlah", "sel"]].values.tolist() == [
        [1, "33.75", "respons", "aduan_risiko_tinggi", 3, "E2"],
        [1, "33.75", "respons", "aduan_risiko_tinggi_tepat_waktu", 2, "F2"],
    ]
    assert [m.kode for m in hasil.peringatan] == ["pe.dilewati"]


# --- carried over by a rebuild ----------------------------------------------------------------------


def test_impor_dan_verifikasi_dibawa_kla_db_build(db: Path):
    from indicators.impor import verifikasi

    impor = _impor(db, (KORPUS / "baik_panjang.csv").read_bytes(), "baik_panjang.csv")
    verifikasi.tandai_verifikasi(db, JATENG, "33.75", 2024)
    sebelum = _tersimpan(db, "33.75", 2024)
    database.bangun_database(db, static_dir=None)
    pd.testing.assert_frame_equal(_tersimpan(db, "33.75", 2024), sebelum)
    assert store.kueri(db, "impor_bawa_penduduk_anak")["jumlah"].tolist() == [71234]
    tanda = verifikasi.baca_verifikasi(db, "33")
    assert tanda[["kode_wilayah", "tahun", "diverifikasi_oleh"]].values.tolist() == [["33.75", 2024, "jateng"]]
    # The history came along: the import can still be rolled back after the rebuild.
    terapkan.batalkan(db, impor.impor_id, pengguna="uji")
    assert not (_tersimpan(db, "33.75", 2024)["sumber_id"].str.startswith("impor-")).any()


def test_angka_setahun_di_samping_bulanan_tersimpan_ditolak(db: Path):
    _impor(db, (J + "2024,,33.75,tempat,sekolah,7,DP3A\n").encode(), "setahun.csv")
    sha = sha_berkas(db)
    hasil = _periksa(
        (J + "2024,3,33.75,tempat,rumah_tangga,1,DP3A\n").encode(), "bulanan.csv", terapkan.muat_wilayah(db)
    )
    with pytest.raises(ImporError) as galat:
        terapkan.pratinjau(db, hasil, katalog_bawaan())
    assert (
        "tabel tempat wilayah 33.75 tahun 2024 akan berisi angka setahun sekaligus angka bulanan" in galat.value.teks()
    )
    assert "whole-year figure and monthly figures" in galat.value.teks("en")
    assert sha_berkas(db) == sha
