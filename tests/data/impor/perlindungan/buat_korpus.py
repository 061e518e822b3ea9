"""Regenerate the child-protection import corpus: good files (baik_*) and malformed files (NN_*).

Run from the project root: ``.venv/bin/python tests/data/impor/perlindungan/buat_korpus.py``. Each
malformed file carries exactly one kind of problem; what each must produce (file, sheet, row,
column, cell, value and the wording) is in ``harapan.yaml``, written by hand. The NIK and phone
numbers below are made up (a NIK-shaped number with a plausible region and birth date).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.impor.templat_perlindungan import buat_templat_perlindungan

DIR = Path(__file__).parent
NIK = "3375014507100003"
HP = "0812-3456-7890"
J = "tahun,bulan,kode_wilayah,tabel,kategori,jumlah,sumber\n"
B = "2024,1,33.75,bentuk_kekerasan,fisik,3,DP3A Kota Pekalongan\n"

CSV: dict[str, str] = {
    "01_tabel_tak_dikenal.csv": J + "2024,1,33.75,bentuk,fisik,3,DP3A\n",
    "02_kategori_tak_dikenal.csv": J + "2024,1,33.75,bentuk_kekerasan,psikhis,3,DP3A\n",
    "03_jumlah_negatif.csv": J + "2024,1,33.75,bentuk_kekerasan,fisik,-2,DP3A\n",
    "04_jumlah_pecahan.csv": J + '2024,1,33.75,bentuk_kekerasan,fisik,"2,5",DP3A\n',
    "05_tersamar_rentang.csv": J + "2024,1,33.75,bentuk_kekerasan,fisik,1–5,BPS (publikasi tersamar)\n",
    "06_tersamar_kurang_dari.csv": J + "2024,1,33.75,bentuk_kekerasan,seksual,<6,BPS\n",
    "07_tersamar_x.csv": J + "2024,1,33.75,bentuk_kekerasan,psikis,x,BPS\n",
    "08_bukan_angka.csv": J + "2024,1,33.75,bentuk_kekerasan,fisik,tiga,DP3A\n",
    "09_bulan_tak_sah.csv": J + "2024,13,33.75,bentuk_kekerasan,fisik,3,DP3A\n",
    "10_tahun_tak_sah.csv": J + "1999,1,33.75,bentuk_kekerasan,fisik,3,DP3A\n",
    "11_kode_tak_dikenal.csv": J + "2024,1,33.99,bentuk_kekerasan,fisik,3,DP3A\n",
    "12_kunci_ganda.csv": J + B + "2024,2,33.75,bentuk_kekerasan,fisik,1,DP3A\n" + B,
    "13_tahun_dan_bulan.csv": J + B + "2024,,33.75,bentuk_kekerasan,psikis,9,DP3A\n",
    "14_bagian_lebih_umur.csv": J
    + "2024,3,33.75,korban,korban_anak,4,DP3A\n"
    + "2024,3,33.75,umur,0_5,1,DP3A\n"
    + "2024,3,33.75,umur,6_12,2,DP3A\n"
    + "2024,3,33.75,umur,13_17,2,DP3A\n",
    "15_bagian_lebih_respons.csv": J
    + "2024,4,33.75,respons,aduan_risiko_tinggi,2,UPTD PPA\n"
    + "2024,4,33.75,respons,aduan_risiko_tinggi_tepat_waktu,3,UPTD PPA\n",
    "16_penduduk_tanpa_sumber.csv": J + "2024,,33.75,penduduk_anak,anak_0_17,71234,\n",
    "17_penduduk_bulanan.csv": J + "2024,6,33.75,penduduk_anak,anak_0_17,71234,BPS Kota Pekalongan\n",
    "18_penduduk_nol.csv": J + "2024,,33.75,penduduk_anak,,0,BPS Kota Pekalongan\n",
    "19_kolom_tabel_hilang.csv": "tahun,bulan,kode_wilayah,kategori,jumlah\n2024,1,33.75,fisik,3\n",
    "20_kolom_ganda.csv": "tahun,bulan,kode_wilayah,tabel,kategori,jumlah,nilai\n"
    "2024,1,33.75,bentuk_kekerasan,fisik,3,3\n",
    "21_angka_ambigu.csv": J + "2024,,33.75,pencegahan,sosialisasi_peserta,1.234,DP3A\n",
    "22_tidak_ada_baris.csv": J + "2024,1,33.75,bentuk_kekerasan,fisik,,DP3A\n",
    "23_wilayah_kosong.csv": J + "2024,1,,bentuk_kekerasan,fisik,3,DP3A\n",
    "24_nama_ambigu.csv": J + "2024,1,Pekalongan,bentuk_kekerasan,fisik,3,DP3A\n",
    "30_pribadi_kolom_nama.csv": "tahun;bulan;kode_wilayah;tabel;kategori;jumlah;Nama Korban\n"
    "2024;1;33.75;bentuk_kekerasan;fisik;1;Budi Santoso\n",
    "31_pribadi_nik.csv": "tahun,bulan,kode_wilayah,tabel,kategori,jumlah,catatan\n"
    f"2024,1,33.75,bentuk_kekerasan,fisik,1,korban NIK {NIK}\n",
    "32_pribadi_telepon.csv": "tahun,bulan,kode_wilayah,tabel,kategori,jumlah,catatan\n"
    f"2024,1,33.75,bentuk_kekerasan,psikis,1,hubungi ibu korban {HP}\n",
    "33_pribadi_daftar_kasus.csv": "No;Nama;NIK;Alamat;Tgl Lahir;Jenis Kasus;kode_wilayah\n"
    f"1;Siti Aminah;{NIK};Jl. Merdeka 5;2010-07-05;fisik;33.75\n",
    "baik_panjang.csv": J
    + "2024,1,33.75,bentuk_kekerasan,fisik,3,DP3A Kota Pekalongan\n"
    + "2024,1,33.75,bentuk_kekerasan,psikis,0,DP3A Kota Pekalongan\n"
    + "2024,1,33.75,korban,korban_anak,4,DP3A Kota Pekalongan\n"
    + "2024,1,33.75,umur,6_12,2,DP3A Kota Pekalongan\n"
    + "2024,1,33.75,umur,13_17,2,DP3A Kota Pekalongan\n"
    + "2024,2,33.75,bentuk_kekerasan,seksual,2,DP3A Kota Pekalongan\n"
    + "2024,,33.75,penduduk_anak,anak_0_17,71234,BPS Kota Pekalongan 2024\n",
}

# Windows-1252, semicolons, month names and region names instead of codes: the score import's tolerance.
CP1252 = (
    "Rekap DP3A – catatan “triwulan I”\n"
    "tahun;bulan;wilayah;tabel;kategori;jumlah;keterangan\n"
    "2024;Januari;Kota Pekalongan;bentuk_kekerasan;fisik;2;tanpa identitas\n"
    "2024;Feb;Kab. Pekalongan;bentuk_kekerasan;fisik;5;‘rekap’\n"
    "2024;3;Kabupaten Banyumas;tempat;sekolah;1;\n"
)


def _simpan(buku: Workbook, nama: str) -> None:
    keluaran = io.BytesIO()
    buku.save(keluaran)
    (DIR / nama).write_bytes(keluaran.getvalue())


def _templat(wilayah: pd.DataFrame) -> Workbook:
    return load_workbook(io.BytesIO(buat_templat_perlindungan(wilayah, tahun=2024)))


def tulis_xlsx(wilayah: pd.DataFrame) -> None:
    """The workbook files: the filled template and malformed sheets (a template stays a template)."""
    baik = _templat(wilayah)
    ws = baik["bentuk_kekerasan"]  # row 2 = 33.26 January, row 14 = 33.75 January
    ws["E14"], ws["F14"], ws["L14"] = 3, 1, "DP3A Kota Pekalongan"
    ws["G15"] = 2
    baik["korban"]["E14"] = 4
    umur = baik["umur"]
    umur["E14"], umur["F14"], umur["G14"] = 1, 1, 2
    penduduk = baik["penduduk_anak"]  # one row per region: row 3 = 33.75
    penduduk["D3"], penduduk["E3"] = 71234, "BPS Kota Pekalongan 2024"
    _simpan(baik, "baik_templat.xlsx")

    tersamar = _templat(wilayah)
    tersamar["umur"]["F14"] = "1–5"
    _simpan(tersamar, "40_xlsx_tersamar.xlsx")

    lebih = _templat(wilayah)
    lebih["korban"]["E14"] = 2
    lebih["jenis_kelamin"]["E14"], lebih["jenis_kelamin"]["F14"] = 2, 1
    _simpan(lebih, "41_xlsx_bagian_lebih.xlsx")

    rumus = _templat(wilayah)
    rumus["tempat"]["E14"] = "=1+2"
    _simpan(rumus, "42_xlsx_rumus.xlsx")

    nik = _templat(wilayah)
    nik["layanan"]["E14"] = 1
    nik["layanan"]["N14"] = int(NIK)  # the catatan column, a NIK typed as a number
    _simpan(nik, "43_xlsx_pribadi_nik.xlsx")


def main() -> int:
    """Write every corpus file; return the exit code."""
    for nama, isi in CSV.items():
        (DIR / nama).write_text(isi, encoding="utf-8")
    (DIR / "baik_cp1252.csv").write_bytes(CP1252.encode("cp1252"))
    wilayah = pd.DataFrame(
        {
            "kode_wilayah": ["33.26", "33.75"],
            "nama": ["Kabupaten Pekalongan", "Kota Pekalongan"],
            "tingkat": ["kabkota", "kabkota"],
        }
    )
    tulis_xlsx(wilayah)
    return 0


if __name__ == "__main__":
    sys.exit(main())
