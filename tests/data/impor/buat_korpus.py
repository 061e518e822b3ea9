"""Regenerate the import test corpus: good files (baik/) and malformed files (rusak/).

Run from the project root: ``.venv/bin/python tests/data/impor/buat_korpus.py``. The expected
error texts live in ``rusak/harapan.yaml`` (written by hand; this script only writes the files).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.impor.templat import buat_templat
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import DATA_DIR

DIR = Path(__file__).parent
BAIK = DIR / "baik"
RUSAK = DIR / "rusak"

SKOR = "tahun,kode_wilayah,indikator,tahap,nilai\n"
STAT = "tahun,kode_wilayah,indikator,nilai,satuan\n"
PRED = "tahun,kode_wilayah,predikat\n"

# name → text of a CSV (UTF-8 unless the name says otherwise)
CSV: dict[str, str] = {
    "03_tanpa_judul.csv": "2025,33.75,KLA24-01,final,12\n2025,33.75,KLA24-02,final,13\n",
    "04_kolom_nilai_hilang.csv": "tahun,kode_wilayah,indikator,tahap\n2025,33.75,KLA24-01,final\n",
    "05_kolom_ganda.csv": "tahun,kode,kode_wilayah,indikator,tahap,nilai\n2025,33.75,33.75,KLA24-01,final,12\n",
    "06_jenis_tak_terdeteksi.csv": "tahun,kode_wilayah,sumber\n2025,33.75,x\n",
    "07_kode_tak_dikenal.csv": SKOR + "2025,33.99,KLA24-01,final,12\n",
    "08_nama_ambigu.csv": SKOR + "2025,Pekalongan,KLA24-01,final,12\n",
    "09_nama_tak_dikenal.csv": SKOR + "2025,Kota Atlantis,KLA24-01,final,12\n",
    "10_bukan_kabkota.csv": SKOR + "2025,33,KLA24-01,final,12\n",
    "11_indikator_tak_dikenal.csv": SKOR + "2025,33.75,KLA24-99,final,12\n",
    "12_indikator_beda_skema.csv": SKOR + "2025,33.75,KLA31-02,final,12\n",
    "13_tahap_tak_dikenal.csv": SKOR + "2025,33.75,KLA24-01,akhir,12\n",
    "14_skor_luar_rentang.csv": SKOR + "2025,33.75,KLA24-01,final,999\n",
    "15_skor_negatif.csv": SKOR + "2025,33.75,KLA24-01,final,-5\n",
    "16_angka_ambigu.csv": "tahun;kode_wilayah;indikator;tahap;nilai\n2025;33.75;KLA24-01;final;1.234\n",
    "17_bukan_angka.csv": SKOR + "2025,33.75,KLA24-01,final,dua puluh\n",
    "18_persen_pada_skor.csv": SKOR + "2025,33.75,KLA24-01,final,85%\n",
    "19_duplikat.csv": SKOR + "2025,33.75,KLA24-01,final,12\n2025,Kota Pekalongan,KLA24-01,final,13\n",
    "20_sel_kosong.csv": SKOR + "2025,,KLA24-01,final,12\n",
    "21_tahun_bukan_siklus.csv": SKOR + "2024,33.75,KLA24-01,final,12\n",
    "22_tahun_tak_sah.csv": SKOR + "2025a,33.75,KLA24-01,final,12\n",
    "23_persen_luar_rentang.csv": STAT + "2024,33.75,prevalensi_stunting_ssgi,120,persen\n",
    "24_statistik_tak_dikenal.csv": STAT + "2024,33.75,stunting,12,persen\n",
    "25_satuan_beda.csv": STAT + "2024,33.75,prevalensi_stunting_ssgi,12,jiwa\n",
    "26_statistik_tahun_luar.csv": STAT + "1800,33.75,prevalensi_stunting_ssgi,12,persen\n",
    "27_predikat_tak_dikenal.csv": PRED + "2025,33.75,Hebat\n",
    "28_predikat_tahun.csv": PRED + "2020,33.75,Madya\n",
    "29_sel_berlebih.csv": SKOR + "2025,33.75,KLA24-01,final,12,5\n",
    "30_tidak_ada_baris.csv": SKOR,
    "31_banyak_masalah.csv": SKOR
    + "2024,33.75,KLA24-01,final,12\n"
    + "2025,Pekalongan,KLA24-01,final,12\n"
    + "2025,33.75,KLA24-77,final,12\n"
    + "2025,33.75,KLA24-02,akhir,12\n"
    + "2025,33.75,KLA24-03,final,1.500\n",
    "32_statistik_negatif.csv": STAT + "2024,33.75,jumlah_penduduk,-3,jiwa\n",
}
# Windows-1252 text with semicolons (as Excel in an Indonesian locale saves it).
CSV_CP1252 = {
    "33_cp1252_ambigu.csv": "tahun;kode_wilayah;indikator;tahap;nilai;catatan\n"
    "2025;Kota Pekalongan;KLA24-01;final;12,345;dicek oleh Bu Señora\n",
}
BYTES = {
    "01_kosong.csv": b"",
    "02_biner.csv": bytes(range(256)) * 4,
    "34_xls_lama.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
    "35_xlsx_rusak.xlsx": b"PK\x03\x04" + b"ini bukan zip yang utuh" * 20,
}


def _wilayah() -> pd.DataFrame:
    kode = pd.read_csv(DATA_DIR / "wilayah" / "kode_wilayah_kabkota.csv", dtype=str, keep_default_na=False)
    tingkat = kode["jenis"].map({"provinsi": "provinsi", "kabupaten": "kabkota", "kota": "kabkota"})
    return pd.DataFrame({"kode_wilayah": kode["kode_kemendagri"], "nama": kode["nama"], "tingkat": tingkat})


def _templat_terisi(jenis: str, isian: dict[str, object], **kwargs: object) -> bytes:
    """Fill a generated template: ``isian`` maps cell addresses (e.g. ``H2``) to values."""
    buku = load_workbook(io.BytesIO(buat_templat(jenis, katalog_bawaan(), _wilayah(), **kwargs)))  # type: ignore[arg-type]
    ws = buku["Data"]
    for alamat, nilai in isian.items():
        ws[alamat] = nilai
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _xlsx(baris: list[list[object]], sheet: str = "Data", format_: dict[str, str] | None = None) -> bytes:
    buku = Workbook()
    ws = buku.active
    assert ws is not None
    ws.title = sheet
    for isi in baris:
        ws.append(isi)
    for alamat, f in (format_ or {}).items():
        ws[alamat].number_format = f
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _xlsx_dua_sheet() -> bytes:
    buku = Workbook()
    satu = buku.active
    assert satu is not None
    satu.title = "Lembar1"
    dua = buku.create_sheet("Lembar2")
    for ws in (satu, dua):
        ws.append(["tahun", "kode_wilayah", "indikator", "tahap", "nilai"])
        ws.append([2025, "33.75", "KLA24-01", "final", 12])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def rusak_xlsx() -> dict[str, bytes]:
    """The malformed XLSX files."""
    judul: list[object] = ["tahun", "kode_wilayah", "indikator", "tahap", "nilai"]
    return {
        "36_sheet_tak_ditemukan.xlsx": _xlsx_dua_sheet(),
        "37_tanggal.xlsx": _xlsx([judul, [2025, "33.75", "KLA24-01", "final", dt.datetime(2025, 1, 12)]]),
        "38_teks_bool.xlsx": _xlsx([judul, [2025, "33.75", "KLA24-01", "final", True]]),
        "39_persen_format.xlsx": _xlsx(
            [
                ["tahun", "kode_wilayah", "indikator", "nilai", "satuan"],
                [2024, "33.75", "prevalensi_stunting_ssgi", 1.2, "persen"],
            ],
            format_={"D2": "0%"},
        ),
        "40_kolom_satuan_hilang.xlsx": _xlsx(
            [["tahun", "kode_wilayah", "indikator", "nilai"], [2024, "33.75", "prevalensi_stunting_ssgi", 12]]
        ),
        # From the real template (prefilled 2025, 33.75, final): scores over the maximum and an
        # ambiguous name typed over a code; KLA24-01 maximum is 70.
        "41_templat_luar_rentang.xlsx": _templat_terisi(
            "skor", {"H2": 71, "H3": 10, "B3": "Pekalongan"}, tahun=2025, wilayah=["33.75"], tahap="final"
        ),
        "42_templat_predikat.xlsx": _templat_terisi("predikat", {"D2": "Sangat Baik"}, tahun=2025, wilayah=["33.75"]),
        "43_templat_statistik.xlsx": _templat_terisi(
            "statistik", {"A2": 2024, "B2": "33.75", "D2": "prevalensi_stunting_ssgi", "F2": "12.5.1", "G2": "persen"}
        ),
    }


def _xlsx_ditambah(
    tambahan: dict[str, bytes], jenis_isi: tuple[tuple[str, str], ...] = (), ganti_jenis: tuple[str, str] | None = None
) -> bytes:
    """A valid one-row score workbook with extra zip entries and content-type changes.

    ``tambahan`` maps entry names to bytes; ``jenis_isi`` adds ``<Override PartName ContentType>``
    entries to ``[Content_Types].xml``; ``ganti_jenis`` replaces one content type by another.
    """
    asli = _xlsx([["tahun", "kode_wilayah", "indikator", "tahap", "nilai"], [2025, "33.75", "KLA24-01", "final", 12]])
    keluaran = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(asli)) as masuk, zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as keluar:
        for info in masuk.infolist():
            isi = masuk.read(info)
            if info.filename == "[Content_Types].xml":
                teks = isi.decode("utf-8")
                if ganti_jenis:
                    teks = teks.replace(*ganti_jenis)
                tambah = "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in jenis_isi)
                isi = teks.replace("</Types>", tambah + "</Types>").encode("utf-8")
            keluar.writestr(info.filename, isi)
        for nama, isi in tambahan.items():
            keluar.writestr(nama, isi)
    return keluaran.getvalue()


def rusak_zip() -> dict[str, bytes]:
    """XLSX refused before they are opened: macros, external links and data connections, a zip bomb."""
    utama = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    link = (
        '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><externalBook/></externalLink>'
    )
    return {
        "44_makro_vba.xlsx": _xlsx_ditambah(
            {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 bukan makro sungguhan, hanya penanda " * 8},
            (("/xl/vbaProject.bin", "application/vnd.ms-office.vbaProject"),),
        ),
        # An .xlsm renamed to .xlsx: only the workbook's content type tells.
        "45_xlsm_berganti_nama.xlsx": _xlsx_ditambah(
            {}, ganti_jenis=(utama, "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
        ),
        "46_tautan_luar.xlsx": _xlsx_ditambah(
            {"xl/externalLinks/externalLink1.xml": link.encode("utf-8")},
            (
                (
                    "/xl/externalLinks/externalLink1.xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
                ),
            ),
        ),
        "47_koneksi_data.xlsx": _xlsx_ditambah({"xl/connections.xml": b"<connections/>"}),
        "48_makro_excel4.xlsx": _xlsx_ditambah({"xl/macrosheets/sheet1.xml": b"<xm:macrosheet/>"}),
        # 40 MB of zeros deflate to about 40 KB: a ratio near 1000.
        "49_bom_zip.xlsx": _xlsx_ditambah({"xl/media/isi.bin": bytes(40 * 1024 * 1024)}),
    }


# The good data set: the same 6 scores as CSV (Windows-1252, semicolons, decimal commas, names)
# and as XLSX (from the template); plus a statistics and a predikat file.
SKOR_BAIK = [
    (2025, "33.75", "Kota Pekalongan", "KLA24-01", "final", "60,5", 60.5),
    (2025, "33.75", "KOTA PEKALONGAN", "KLA24-02", "final", "71", 71.0),
    (2025, "33.75", "33.75", "KLA24-03", "final", "45.25", 45.25),
    (2025, "33.26", "Kab. Pekalongan", "KLA24-01", "final", "58", 58.0),
    (2025, "33.26", "KABUPATEN PEKALONGAN", "KLA24-04", "final", "40,75", 40.75),
    (2023, "33.26", "33.26", "KLA24-04", "provinsi", "1,5", 1.5),
]


def baik() -> dict[str, bytes]:
    """The good files."""
    teks = "tahun;kode_wilayah;indikator;tahap;nilai;sumber;catatan\n" + "".join(
        f"{t};{nama};{i};{tp};{v};Berita acara verifikasi;Catatan é\n" for t, _, nama, i, tp, v, _ in SKOR_BAIK
    )
    buku = load_workbook(io.BytesIO(buat_templat("skor", katalog_bawaan(), _wilayah())))
    ws = buku["Data"]
    for r, (t, kode, _, i, tp, _, angka) in enumerate(SKOR_BAIK, start=2):
        ws[f"A{r}"], ws[f"B{r}"], ws[f"D{r}"], ws[f"G{r}"], ws[f"H{r}"] = t, kode, i, tp, angka
        ws[f"I{r}"], ws[f"J{r}"] = "Berita acara verifikasi", "Catatan é"
    keluaran = io.BytesIO()
    buku.save(keluaran)
    statistik = (
        "tahun,kode_wilayah,indikator,nilai,satuan,sumber\n"
        '2024,Kota Pekalongan,prevalensi_stunting_ssgi,"17,5%",persen,SSGI 2024\n'
        "2024,33.26,prevalensi_stunting_ssgi,21.4,%,SSGI 2024\n"
        '2024,33,jumlah_penduduk,"37.892.123",jiwa,BPS\n'
        '2021,33.75,imunisasi_dasar_lengkap_bayi,"104,2",persen,Profil Kesehatan\n'
    )
    predikat = (
        "tahun,kode_wilayah,predikat,sumber\n2025,33.75,nindya,SK KemenPPPA 2025\n2023,Kab. Batang,Madya,SK 2023\n"
    )
    return {
        "skor_baik.csv": teks.encode("cp1252"),
        "skor_baik.xlsx": keluaran.getvalue(),
        "statistik_baik.csv": statistik.encode("utf-8-sig"),
        "predikat_baik.csv": predikat.encode("utf-8"),
    }


def main(argv: list[str] | None = None) -> None:
    """Write every corpus file, or only the named ones (``buat_korpus.py 44_makro_vba.xlsx ...``)."""
    pilih = set(argv or [])
    if pilih:
        semua = {**rusak_zip()}
        for nama in sorted(pilih):
            (RUSAK / nama).write_bytes(semua[nama])
        return
    RUSAK.mkdir(parents=True, exist_ok=True)
    BAIK.mkdir(parents=True, exist_ok=True)
    for nama, isi in CSV.items():
        (RUSAK / nama).write_bytes(isi.encode("utf-8"))
    for nama, isi in CSV_CP1252.items():
        (RUSAK / nama).write_bytes(isi.encode("cp1252"))
    for nama, data in {**BYTES, **rusak_xlsx(), **rusak_zip()}.items():
        (RUSAK / nama).write_bytes(data)
    for nama, data in baik().items():
        (BAIK / nama).write_bytes(data)


if __name__ == "__main__":
    main(sys.argv[1:])
