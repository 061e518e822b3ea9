"""Problems found in an import file: structured records rendered as one line, Indonesian first.

Every problem names the file, the sheet (XLSX), the row as the user sees it in Excel (the header
is row 1), the column, the bad value and what was expected. The text comes from one table of
templates (``PESAN``), so the Indonesian and English wording stay side by side.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Bahasa = Literal["id", "en"]

# kode → (uraian id, uraian en, harapan id, harapan en); {isian} fields come from Masalah.isian.
PESAN: dict[str, tuple[str, str, str, str]] = {
    "berkas_kosong": (
        "berkas kosong",
        "the file is empty",
        "berkas .xlsx atau .csv berisi data",
        "an .xlsx or .csv file with data",
    ),
    "format_tak_dikenal": (
        "berkas bukan XLSX atau CSV yang dapat dibaca",
        "the file is not a readable XLSX or CSV",
        "berkas .xlsx (dari templat) atau .csv",
        "an .xlsx file (from the template) or a .csv file",
    ),
    "xls_lama": (
        "format Excel lama (.xls) tidak didukung",
        "the old Excel format (.xls) is not supported",
        "simpan ulang sebagai .xlsx atau CSV",
        "save it again as .xlsx or CSV",
    ),
    "xlsx_rusak": (
        "berkas XLSX rusak atau tidak dapat dibuka ({rincian})",
        "the XLSX file is damaged or cannot be opened ({rincian})",
        "berkas .xlsx utuh yang disimpan dari Excel atau LibreOffice",
        "an intact .xlsx saved from Excel or LibreOffice",
    ),
    "terlalu_besar": (
        "berkas terlalu besar ({ukuran})",
        "the file is too large ({ukuran_en})",
        "berkas paling besar {maks}; bagi data menjadi beberapa berkas",
        "a file of at most {maks_en}; split the data over several files",
    ),
    "terlalu_banyak_baris": (
        "berkas berisi {jumlah} baris, melebihi batas",
        "the file has {jumlah} rows, over the limit",
        "paling banyak {maks} baris data per berkas; bagi data menjadi beberapa berkas",
        "at most {maks} data rows per file; split the data over several files",
    ),
    "xlsx_makro": (
        "berkas Excel berisi makro ({bagian}); demi keamanan tidak dibuka",
        "the Excel file contains macros ({bagian}); for safety it is not opened",
        "simpan ulang sebagai .xlsx biasa tanpa makro (Excel: Simpan Sebagai → Buku Kerja Excel .xlsx)",
        "save it again as a plain .xlsx without macros (Excel: Save As → Excel Workbook .xlsx)",
    ),
    "xlsx_tautan_luar": (
        "berkas Excel berisi tautan ke berkas atau sumber data luar ({bagian})",
        "the Excel file links to external workbooks or data sources ({bagian})",
        "salin lalu tempel sebagai nilai (Tempel Spesial → Nilai) dan hapus tautan (Data → Edit Tautan → Putuskan)",
        "copy and paste as values (Paste Special → Values) and break the links (Data → Edit Links → Break Link)",
    ),
    "zip_bom": (
        "isi berkas XLSX mengembang jauh melebihi ukurannya ({ukuran} menjadi {isi}, {rasio}×); "
        "kemungkinan bom zip, tidak dibuka",
        "the XLSX expands far beyond its size ({ukuran_en} to {isi_en}, {rasio}×); probably a zip bomb, not opened",
        "berkas .xlsx biasa: isi tak terkompresi paling besar {isi_maks} dan paling banyak {rasio_maks}× ukuran berkas",
        "a normal .xlsx: at most {isi_maks_en} uncompressed and at most {rasio_maks}× the file size",
    ),
    "luar_lingkup": (
        "wilayah di luar lingkup akun {pengguna}; seluruh berkas ditolak",
        "region outside the scope of account {pengguna}; the whole file is refused",
        "hanya wilayah dalam lingkup akun: {lingkup}",
        "only regions in the account's scope: {lingkup}",
    ),
    "sheet_tak_ditemukan": (
        "tidak ada sheet data; sheet yang ada: {daftar}",
        "no data sheet; the sheets are: {daftar}",
        "sheet bernama 'Data' seperti pada templat",
        "a sheet named 'Data' as in the template",
    ),
    "encoding": (
        "teks berkas tidak dapat dibaca (encoding tidak dikenali)",
        "the file's text cannot be read (unknown encoding)",
        "CSV dalam UTF-8 atau Windows-1252",
        "CSV in UTF-8 or Windows-1252",
    ),
    "header_tak_ditemukan": (
        "baris judul kolom tidak ditemukan",
        "no header row found",
        "baris pertama berisi nama kolom: {kolom}",
        "a first row with the column names: {kolom}",
    ),
    "jenis_tak_terdeteksi": (
        "jenis data tidak dapat ditentukan dari nama kolom",
        "the kind of data cannot be told from the column names",
        "pilih jenis (skor, statistik atau predikat) atau pakai kolom templat",
        "choose the kind (skor, statistik or predikat) or use the template's columns",
    ),
    "kolom_wajib_hilang": (
        "kolom wajib tidak ada",
        "a required column is missing",
        "kolom wajib untuk {jenis}: {kolom}",
        "required columns for {jenis}: {kolom}",
    ),
    "kolom_ganda": (
        "nama kolom muncul lebih dari sekali",
        "the column name appears more than once",
        "setiap kolom satu kali",
        "each column once",
    ),
    "sel_berlebih": (
        "baris berisi {jumlah} sel, padahal judul hanya {kolom} kolom",
        "the row has {jumlah} cells but the header only {kolom} columns",
        "satu sel per kolom judul (periksa pemisah , atau ; di dalam nilai)",
        "one cell per header column (check for , or ; inside values)",
    ),
    "tidak_ada_baris": (
        "tidak ada baris data yang berisi nilai",
        "no data row has a value",
        "minimal satu baris dengan kolom {kolom} terisi",
        "at least one row with the {kolom} column filled in",
    ),
    "sel_kosong": (
        "sel wajib kosong",
        "a required cell is empty",
        "{harapan_id}",
        "{harapan_en}",
    ),
    "tahun_tak_sah": (
        "tahun bukan bilangan bulat",
        "the year is not a whole number",
        "tahun empat angka, mis. 2025",
        "a four-digit year, e.g. 2025",
    ),
    "tahun_bukan_siklus": (
        "{tahun} bukan tahun siklus evaluasi KLA",
        "{tahun} is not a KLA evaluation year",
        "salah satu tahun siklus: {daftar}",
        "one of the evaluation years: {daftar}",
    ),
    "tahun_luar_rentang": (
        "tahun {tahun} di luar rentang yang masuk akal",
        "year {tahun} is outside the sensible range",
        "tahun antara {bawah} dan {atas}",
        "a year between {bawah} and {atas}",
    ),
    "kode_tak_dikenal": (
        "kode wilayah tidak dikenal",
        "unknown region code",
        "kode Kemendagri {tingkat}, mis. 33.75",
        "a Kemendagri {tingkat_en} code, e.g. 33.75",
    ),
    "bukan_kabkota": (
        "{kode} ({nama}) bukan kabupaten/kota",
        "{kode} ({nama}) is not a regency/city",
        "kode kabupaten/kota, mis. 33.75",
        "a regency/city code, e.g. 33.75",
    ),
    "nama_tak_dikenal": (
        "nama wilayah tidak dikenal",
        "unknown region name",
        "kode Kemendagri (mis. 33.75) atau nama lengkap, mis. 'Kota Pekalongan'",
        "a Kemendagri code (e.g. 33.75) or a full name, e.g. 'Kota Pekalongan'",
    ),
    "nama_ambigu": (
        "nama wilayah ambigu, cocok dengan {calon}",
        "ambiguous region name, it matches {calon}",
        "kode atau nama lengkap salah satunya",
        "the code or the full name of one of them",
    ),
    "indikator_tak_dikenal": (
        "indikator tidak dikenal",
        "unknown indicator",
        "id indikator skema {skema} (tahun {tahun}): {awal} sampai {akhir}",
        "an indicator id of scheme {skema} (year {tahun}): {awal} to {akhir}",
    ),
    "indikator_beda_skema": (
        "{indikator} milik skema {skema_indikator}, tetapi tahun {tahun} memakai skema {skema}",
        "{indikator} belongs to scheme {skema_indikator}, but {tahun} uses scheme {skema}",
        "id indikator skema {skema}: {awal} sampai {akhir}",
        "an indicator id of scheme {skema}: {awal} to {akhir}",
    ),
    "statistik_tak_dikenal": (
        "kode statistik tidak ada di katalog",
        "statistic code not in the catalogue",
        "kode statistik dari katalog (sheet Daftar pada templat), mis. prevalensi_stunting_ssgi",
        "a statistic code from the catalogue (template sheet Daftar), e.g. prevalensi_stunting_ssgi",
    ),
    "tahap_tak_dikenal": (
        "tahap tidak dikenal",
        "unknown stage",
        "mandiri, provinsi, pusat atau final",
        "mandiri, provinsi, pusat or final",
    ),
    "predikat_tak_dikenal": (
        "predikat tidak dikenal",
        "unknown predikat",
        "Pratama, Madya, Nindya, Utama, KLA atau Tidak ada",
        "Pratama, Madya, Nindya, Utama, KLA or Tidak ada",
    ),
    "bukan_angka": (
        "bukan angka",
        "not a number",
        "angka, mis. 12,5 atau 1.234,5",
        "a number, e.g. 12,5 or 1.234,5",
    ),
    "angka_ambigu": (
        "bentuk angka ambigu: bisa berarti {ribuan} (ribuan) atau {desimal_id} (desimal)",
        "ambiguous number: it could mean {ribuan} (thousands) or {desimal_en} (decimal)",
        "tulis tanpa pemisah ribuan (mis. 1234) atau tambahkan nol desimal (mis. 1,2340)",
        "write it without a thousands separator (e.g. 1234) or add a decimal zero (e.g. 1,2340)",
    ),
    "angka_tanggal": (
        "sel berisi tanggal, bukan angka",
        "the cell holds a date, not a number",
        "angka; ubah format sel menjadi Angka atau Teks",
        "a number; set the cell format to Number or Text",
    ),
    "persen_tak_boleh": (
        "tanda persen hanya boleh untuk statistik bersatuan persen",
        "a percent sign is only allowed for statistics measured in percent",
        "angka tanpa tanda %",
        "a number without the % sign",
    ),
    "skor_luar_rentang": (
        "skor di luar rentang indikator {indikator}",
        "score outside the range of indicator {indikator}",
        "0 sampai {maks}",
        "0 to {maks}",
    ),
    "persen_luar_rentang": (
        "persentase di luar 0–100",
        "percentage outside 0–100",
        "0 sampai 100 (persen)",
        "0 to 100 (percent)",
    ),
    "negatif": ("nilai negatif", "negative value", "angka 0 atau lebih", "a number of 0 or more"),
    "satuan_beda": (
        "satuan tidak sesuai katalog untuk {statistik}",
        "unit does not match the catalogue for {statistik}",
        "'{satuan}'",
        "'{satuan}'",
    ),
    "kunci_ganda": (
        "baris ganda: {kunci} sudah ada di baris {baris_awal}",
        "duplicate row: {kunci} already appears in row {baris_awal}",
        "satu baris per {susunan}",
        "one row per {susunan}",
    ),
    "galat_tak_terduga": (
        "berkas tidak dapat diproses ({rincian})",
        "the file cannot be processed ({rincian})",
        "berkas templat .xlsx atau CSV yang sah; hubungi admin bila berulang",
        "a valid template .xlsx or CSV; contact the admin if this repeats",
    ),
    # Warnings (not blocking).
    "nilai_kosong_dilewati": (
        "{jumlah} baris tanpa nilai dilewati (baris {daftar})",
        "{jumlah} rows without a value were skipped (rows {daftar})",
        "baris tanpa nilai tidak diimpor dan tidak menghapus data tersimpan",
        "rows without a value are not imported and delete nothing",
    ),
    "kolom_diabaikan": (
        "kolom tidak dikenal diabaikan",
        "unknown column ignored",
        "kolom templat: {kolom}",
        "template columns: {kolom}",
    ),
}

PERINGATAN = frozenset({"nilai_kosong_dilewati", "kolom_diabaikan"})
_TINGKAT_EN = {"kabupaten/kota": "regency/city", "wilayah": "region"}


@dataclass(frozen=True)
class Masalah:
    """One problem in an import file.

    ``baris`` is the spreadsheet row (header = 1) and ``sel`` the cell address (e.g. ``E5``) when
    known; ``kode`` selects the wording in ``PESAN`` and ``isian`` fills it.
    """

    kode: str
    berkas: str
    sheet: str | None = None
    baris: int | None = None
    kolom: str | None = None
    nilai: str | None = None
    sel: str | None = None
    isian: Mapping[str, str] = field(default_factory=dict)

    def _isi(self, teks: str) -> str:
        isian = dict(self.isian)
        if "tingkat" in isian:
            isian.setdefault("tingkat_en", _TINGKAT_EN.get(isian["tingkat"], isian["tingkat"]))
        return teks.format(**isian)

    def uraian(self, bahasa: Bahasa = "id") -> str:
        """Return what is wrong, in the chosen language."""
        uraian_id, uraian_en, _, _ = PESAN[self.kode]
        return self._isi(uraian_en if bahasa == "en" else uraian_id)

    def harapan(self, bahasa: Bahasa = "id") -> str:
        """Return what was expected instead, in the chosen language."""
        _, _, harapan_id, harapan_en = PESAN[self.kode]
        return self._isi(harapan_en if bahasa == "en" else harapan_id)

    def lokasi(self, bahasa: Bahasa = "id") -> str:
        """Return where the problem is: file, sheet, row, column and cell."""
        en = bahasa == "en"
        bagian = [self.berkas]
        if self.sheet:
            bagian.append(f"sheet '{self.sheet}'")
        if self.baris is not None:
            bagian.append(f"{'row' if en else 'baris'} {self.baris}")
        if self.kolom:
            teks = f"{'column' if en else 'kolom'} '{self.kolom}'"
            if self.sel:
                teks += f" ({'cell' if en else 'sel'} {self.sel})"
            bagian.append(teks)
        return ", ".join(bagian)

    def teks(self, bahasa: Bahasa = "id") -> str:
        """Return the problem as one line: where, the value, what is wrong and what is expected.

        A warning (kode in ``PERINGATAN``) reads "where: what (note)" instead.
        """
        en = bahasa == "en"
        if self.kode in PERINGATAN:
            return f"{self.lokasi(bahasa)}: {self.uraian(bahasa)} ({self.harapan(bahasa)})"
        nilai = f"{'value' if en else 'nilai'} '{self.nilai}' – " if self.nilai is not None else ""
        harapan = "expected" if en else "harapan"
        return f"{self.lokasi(bahasa)}: {nilai}{self.uraian(bahasa)}; {harapan}: {self.harapan(bahasa)}"

    def sebagai_dict(self, bahasa: Bahasa = "id") -> dict[str, object]:
        """Return the record as a flat dict (for a table in the dashboard or a CSV report)."""
        return {
            "berkas": self.berkas,
            "sheet": self.sheet,
            "baris": self.baris,
            "kolom": self.kolom,
            "sel": self.sel,
            "nilai": self.nilai,
            "masalah": self.uraian(bahasa),
            "harapan": self.harapan(bahasa),
        }


class ImporError(Exception):
    """An import or rollback cannot go ahead; the message is one clear line for the user.

    ``pesan_en`` carries the English wording for an English interface.
    """

    def __init__(self, pesan: str, pesan_en: str | None = None) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.pesan_en = pesan_en or pesan

    def teks(self, bahasa: Bahasa = "id") -> str:
        """Return the message in the chosen language."""
        return self.pesan_en if bahasa == "en" else self.pesan
