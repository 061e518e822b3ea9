"""The personal-data detector: column names, NIK and phone cells, and that no value is ever echoed."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.impor.baca import SUSUNAN_BAWAAN, baca_semua_sheet
from indicators.impor.pribadi import SEL_PER_KOLOM, cari_data_pribadi, jenis_sel_pribadi, kolom_pribadi

NIK = "3375014507100003"  # a made-up NIK: province 33, kab/kota 75, kecamatan 01, born 05-07-2010 (female)
HP = "0812-3456-7890"


@pytest.mark.parametrize(
    "judul",
    [
        "Nama",
        "nama_anak",
        "Nama Korban",
        "NAMA  KORBAN",
        "NamaKorban",
        "korban_nama",
        "nama (inisial)",
        "NIK",
        "nik_korban",
        "No. NIK",
        "No. KK",
        "Alamat",
        "alamat_rumah",
        "Tanggal Lahir",
        "tgl_lahir",
        "TTL",
        "Tempat/Tgl Lahir",
        "Nomor HP",
        "no_hp",
        "No HP Ortu",
        "Telepon",
        "No. Telp",
        "WhatsApp",
        "email",
        "E-mail",
        "NISN",
    ],
)
def test_kolom_pribadi_dikenali_apa_pun_ejaannya(judul: str):
    assert kolom_pribadi(judul)


@pytest.mark.parametrize(
    "judul",
    [
        "nama_wilayah",
        "nama_kategori",
        "nama_tabel",
        "kode_wilayah",
        "tahun",
        "bulan",
        "tabel",
        "kategori",
        "jumlah",
        "sumber",
        "catatan",
        "dispensasi_nikah",
        "nikah_dini",
        "penelantaran",
        "hubungan_pelaku",
        "umur",
        "jenis_kelamin",
        "kontak_opd",
        "nama_mitra",
        "korban_anak",
        "",
    ],
)
def test_kolom_agregat_tidak_dianggap_pribadi(judul: str):
    assert not kolom_pribadi(judul)


@pytest.mark.parametrize(
    ("nilai", "jenis"),
    [
        (NIK, "nik"),
        ("3375 0145 0710 0003", "nik"),
        ("NIK 33.75.01.450710.0003", "nik"),
        (int(NIK), "nik"),  # typed as a number in Excel
        (float(NIK), "nik"),
        ("3375011205900001", "nik"),  # a man: day 12
        ("081234567890", "telepon"),
        (HP, "telepon"),
        ("+62 812 3456 7890", "telepon"),
        ("6281234567890", "telepon"),
        (81234567890, "telepon"),  # Excel dropped the leading 0
        ("(024) 3541234", "telepon"),
        ("021-1234567", "telepon"),
        ("hubungi 0812 3456 7890 (ibu korban)", "telepon"),
    ],
)
def test_sel_pribadi_dikenali(nilai: object, jenis: str):
    assert jenis_sel_pribadi(nilai) == jenis


@pytest.mark.parametrize(
    "nilai",
    [
        "1234",
        0,
        12,
        1234567.0,
        12.5,
        "12,5",
        "1.234.567",
        "33.75",
        "2019-2025",
        "2024-01-15",
        "1–5",
        "<6",
        "9975014507100003",  # no province 99
        "3375013234560001",  # day 32
        "3375011213560001",  # month 13
        "3375011205900000",  # serial 0000
        "https://jateng.bps.go.id/id/statistics-table/2/MTYwMSMy/jumlah.html",
        "dp3a@jatengprov.go.id",  # an office's address is not personal data
        "BPS Jawa Tengah 2020, tabel 4.1.7",
        None,
        True,
    ],
)
def test_sel_agregat_tidak_dianggap_pribadi(nilai: object):
    assert jenis_sel_pribadi(nilai) is None


def _csv(teks: str) -> bytes:
    return teks.encode("utf-8")


def test_berkas_bersih_tidak_punya_temuan():
    tabel, masalah = baca_semua_sheet(
        _csv(
            "tahun,bulan,kode_wilayah,tabel,kategori,jumlah,sumber\n"
            "2024,1,33.75,bentuk_kekerasan,fisik,3,DP3A Kota Pekalongan (0285) rekap\n"
        ),
        "bersih.csv",
        SUSUNAN_BAWAAN,
    )
    assert not masalah
    assert cari_data_pribadi(tabel) == []


def test_kolom_dan_sel_disebut_tanpa_nilainya():
    isi = (
        "tahun;kode_wilayah;Nama Korban;tabel;kategori;jumlah;catatan\n"
        f"2024;33.75;Budi Santoso;bentuk_kekerasan;fisik;1;NIK {NIK}\n"
        f"2024;33.75;Siti;bentuk_kekerasan;psikis;1;ortu {HP}\n"
    )
    tabel, _ = baca_semua_sheet(_csv(isi), "kasus.csv", SUSUNAN_BAWAAN)
    temuan = cari_data_pribadi(tabel)
    assert [(m.kode, m.baris, m.kolom, m.sel) for m in temuan] == [
        ("pe.pribadi_kolom", 1, "Nama Korban", None),
        ("pe.pribadi_nik", 2, "catatan", "G2"),
        ("pe.pribadi_telepon", 3, "catatan", "G3"),
    ]
    for m in temuan:
        assert m.nilai is None
        for bahasa in ("id", "en"):
            teks = m.teks(bahasa)
            assert "kasus.csv" in teks
            for rahasia in (NIK, "3456", "Budi", "Siti"):
                assert rahasia not in teks
    assert "UU PDP" in temuan[1].teks("id")
    assert "Personal Data Protection" in temuan[1].teks("en")


def test_judul_yang_berupa_nik_disebut_dengan_huruf_kolom():
    isi = f"tahun,kode_wilayah,{NIK}\n2024,33.75,1\n"
    tabel, _ = baca_semua_sheet(_csv(isi), "tanpa_judul.csv", SUSUNAN_BAWAAN)
    temuan = cari_data_pribadi(tabel)
    assert [(m.kode, m.kolom, m.sel) for m in temuan] == [("pe.pribadi_nik", "C", "C1")]
    assert NIK not in temuan[0].teks()


def test_banyak_sel_diringkas_per_kolom():
    baris = "".join(f"2024,33.75,bentuk_kekerasan,fisik,1,{NIK[:-1]}{i}\n" for i in range(1, 10))
    tabel, _ = baca_semua_sheet(
        _csv("tahun,kode_wilayah,tabel,kategori,jumlah,catatan\n" + baris), "banyak.csv", SUSUNAN_BAWAAN
    )
    temuan = cari_data_pribadi(tabel)
    assert [m.kode for m in temuan] == ["pe.pribadi_nik"] * SEL_PER_KOLOM + ["pe.pribadi_lagi"]
    assert temuan[-1].isian["jumlah"] == str(9 - SEL_PER_KOLOM)
    assert "7, 8, 9, 10" in temuan[-1].teks()


def test_xlsx_angka_nik_di_sheet_mana_pun():
    buku = Workbook()
    ws = buku.active
    assert ws is not None
    ws.title = "umur"
    ws.append(["tahun", "kode_wilayah", "tabel", "kategori", "jumlah"])
    ws.append([2024, "33.75", "umur", "0_5", 2])
    lain = buku.create_sheet("korban")
    lain.append(["tahun", "kode_wilayah", "tabel", "kategori", "jumlah", "keterangan"])
    lain.append([2024, "33.75", "korban", "korban_anak", 1, int(NIK)])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    tabel, masalah = baca_semua_sheet(keluaran.getvalue(), "templat.xlsx", SUSUNAN_BAWAAN)
    assert not masalah
    temuan = cari_data_pribadi(tabel)
    assert [(m.kode, m.sheet, m.baris, m.kolom, m.sel) for m in temuan] == [
        ("pe.pribadi_nik", "korban", 2, "keterangan", "F2")
    ]
