"""The Perlindungan Anak catalogue (issue 14): the contract's tables and categories, declared as
data with bilingual labels, units and definitions, and the "parts never exceed totals" rules."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indicators.katalog.model import KatalogError
from indicators.katalog.perlindungan import (
    PATH_KATALOG,
    katalog_perlindungan,
    muat_katalog_perlindungan,
    pelanggaran_bagian,
)

KATALOG = katalog_perlindungan()
KONTRAK = {
    "korban": ["korban_anak"],
    "bentuk_kekerasan": ["fisik", "psikis", "seksual", "eksploitasi", "tppo", "penelantaran", "lainnya"],
    "umur": ["0_5", "6_12", "13_17"],
    "jenis_kelamin": ["laki_laki", "perempuan"],
    "tempat": ["rumah_tangga", "sekolah", "fasilitas_umum", "tempat_kerja", "lainnya"],
    "hubungan_pelaku": ["orang_tua", "keluarga", "pacar_teman", "guru", "tetangga", "lainnya"],
    "layanan": [
        "pengaduan", "kesehatan", "bantuan_hukum", "penegakan_hukum", "rehabilitasi_sosial",
        "reintegrasi_sosial", "pemulangan", "pendampingan_tokoh_agama",
    ],
    "fungsi_uptd": [
        "pengaduan_masyarakat", "penjangkauan", "pengelolaan_kasus", "penampungan_sementara", "mediasi",
        "pendampingan_korban",
    ],
    "respons": [
        "aduan_risiko_tinggi", "aduan_risiko_tinggi_tepat_waktu", "aduan_risiko_sedang",
        "aduan_risiko_sedang_tepat_waktu", "aduan_risiko_rendah", "aduan_risiko_rendah_tepat_waktu",
        "dilaporkan_ulang_12_bulan", "kasus_ditutup", "kasus_terbuka_akhir_periode",
    ],
    "pencegahan": ["sosialisasi_kegiatan", "sosialisasi_peserta", "deteksi_dini", "konseling", "anak_situasi_darurat"],
    "perlindungan_khusus": ["pekerja_anak", "korban_tppo"],
}  # fmt: skip


def test_tabel_dan_kategori_sesuai_kontrak_dengan_label_dwibahasa():
    assert {k: list(t.kategori) for k, t in KATALOG.tabel.items()} == KONTRAK
    for tabel in KATALOG.tabel.values():
        assert all((tabel.label.id, tabel.label.en, tabel.definisi.id, tabel.definisi.en))
        for kode, kat in tabel.kategori.items():
            assert kat.id == kode
            assert all((kat.label.teks("id"), kat.label.teks("en")))
            assert tabel.satuan_kategori(kode).en
    assert KATALOG.agregasi("respons", "kasus_terbuka_akhir_periode") == "akhir"
    assert KATALOG.agregasi("bentuk_kekerasan", "fisik") == "jumlah"
    assert KATALOG.indikator_terkait == ("KLA24-21", "KLA24-22", "KLA24-23", "KLA24-24")
    assert KATALOG.tabel["umur"].dasar == "korban"


def test_aturan_bagian_tidak_melebihi_total():
    baris = pd.DataFrame(
        [
            (2024, 3, "33.75", "respons", "aduan_risiko_tinggi", 4),
            (2024, 3, "33.75", "respons", "aduan_risiko_tinggi_tepat_waktu", 5),
            (2024, 3, "33.75", "korban", "korban_anak", 6),
            (2024, 3, "33.75", "umur", "0_5", 2),
            (2024, 3, "33.75", "umur", "6_12", 4),
            (2024, 4, "33.75", "umur", "13_17", 9),  # no victims' total that month: not compared
        ],
        columns=["tahun", "bulan", "kode_wilayah", "tabel", "kategori", "jumlah"],
    )
    langgar = pelanggaran_bagian(baris)
    assert [(p.aturan.bagian.tabel, p.bulan, p.jumlah_bagian, p.jumlah_total) for p in langgar] == [
        ("respons", 3, 5, 4)
    ]


def test_katalog_rusak_menyebut_berkas_dan_entri(tmp_path: Path):
    teks = PATH_KATALOG.read_text(encoding="utf-8")
    salah = tmp_path / "perlindungan.yaml"
    salah.write_text(
        teks.replace("total: {tabel: korban, kategori: [korban_anak]}", "total: {tabel: korban, kategori: [anak]}", 1)
    )
    with pytest.raises(KatalogError, match=r"perlindungan.yaml: aturan #1, total: kategori anak tidak ada"):
        muat_katalog_perlindungan(salah)
    salah.write_text(teks.replace("      - {id: psikis,", "      - {id: fisik,", 1))
    with pytest.raises(KatalogError, match="duplicate category"):
        muat_katalog_perlindungan(salah)
    salah.write_text(teks.replace("dasar: korban", "dasar: umur", 1))
    with pytest.raises(KatalogError, match="dasar 'umur'"):
        muat_katalog_perlindungan(salah)
