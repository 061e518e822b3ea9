"""Personal data in an import file: found before anything else is read, refused whole, never echoed.

Child-protection figures enter the dashboard as counts per region and period only. A victim's
identity is protected by law (UU 35/2014 on child protection, UU 11/2012 SPPA Ps. 19, UU 27/2022
PDP), so a file that carries anything that looks like personal data is refused as a whole, and
nothing of it is kept: not in the database, not in the import history, not in the application
log, and not in the message that explains the refusal. A finding names the file, sheet, row,
column and cell, and says what it looks like; its ``nilai`` is always None, so no value from a
flagged cell ever leaves this module.

What counts:

- **a column** whose header names personal data, in any case and with any spacing, underscores
  or punctuation (:func:`kolom_pribadi`): ``nama`` alone or of a person (``nama_anak``,
  ``Nama Korban``, ``NamaPelaku``; not ``nama_wilayah``), ``NIK`` / ``No. KTP`` / ``No. KK``,
  ``alamat``, ``tanggal lahir`` / ``tgl_lahir`` / ``TTL`` / ``Tempat/Tgl Lahir``,
  ``nomor HP`` / ``no_hp`` / ``telepon`` / ``WhatsApp``, ``email`` / ``surel``, ``NISN``;
- **a cell** that looks like a NIK (or a family-card number, same layout): 16 digits, possibly
  grouped by spaces, dots or dashes, whose first two digits are a province code and whose
  birth-date digits are a plausible day (01–31, or 41–71 for women) and month;
- **a cell** that looks like an Indonesian phone number (``08…``, ``+62 8…``, ``(024) 354…``).

An e-mail address in a cell is not refused: a source or note may name an office's address
(``dp3a@…go.id``), which is not personal data; a column *named* e-mail is. A header cell that
itself looks like a NIK or phone number (a file without a header) is reported by its column
letter, never by its text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Sequence

from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

from indicators.impor.baca import TabelMentah, ringkas_baris
from indicators.impor.masalah import Masalah

# Kemendagri province codes (data/wilayah/kode_wilayah_kabkota.csv): the first two digits of a NIK.
KODE_PROVINSI = frozenset(
    {
        *("11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36"),
        *("51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82"),
        *("91", "92", "93", "94", "95", "96"),
    }
)
SEL_PER_KOLOM = 5
"""Cells named one by one per column; the rest of a column is summed up in one more finding."""

# Header words that name a person (after ``nama``, ``nik``, ``kontak`` ... or before them).
_ORANG = frozenset(
    {
        *("", "anak", "korban", "pelaku", "ibu", "ayah", "orangtua", "ortu", "wali", "pelapor", "saksi"),
        *("terlapor", "klien", "pendamping", "keluarga", "kepalakeluarga", "lengkap", "panggilan", "siswa"),
        *("murid", "penerima", "penyintas", "tersangka", "terdakwa", "child", "victim", "perpetrator"),
        *("parent", "mother", "father", "reporter", "full", "first", "last", "person", "inisial", "initials"),
    }
)
# Stems that name personal data only when what else the header says is a person (or nothing):
# ``nama_korban`` is personal, ``nama_wilayah`` is not; ``nik`` alone is, ``nikah_dini`` is not.
_STEM_ORANG = ("nama", "name", "nik", "kontak", "contact", "identitas", "hp", "wa", "ttl", "dob", "ktp", "kk")
# Stems that name personal data whatever follows them (``alamat_rumah``, ``no_hp_ortu``).
_AWALAN = (
    *("alamat", "address", "email", "surel", "telepon", "telp", "telephone", "phone", "whatsapp"),
    *("ponsel", "handphone", "nohp", "nomorhp", "notelp", "notlp", "nomortelepon", "nomorponsel"),
    *("nowa", "nomorwa", "tanggallahir", "tgllahir", "tgllhr", "tanggallhr", "tempatlahir", "tmptlahir"),
    *("tempattanggallahir", "tempattgllahir", "tanggalkelahiran", "dateofbirth", "birthdate", "birthday"),
    *("nomorindukkependudukan", "noktp", "nomorktp", "nokk", "nomorkk", "nomorkartukeluarga", "nonik"),
    *("nomornik", "nisn", "rtrw"),
)
# Words that name personal data wherever they stand in the header (``No. HP``, ``Alamat korban``).
_KATA = frozenset(
    {"nik", "alamat", "address", "email", "surel", "telepon", "telp", "phone", "whatsapp", "ponsel", "hp"}
    | {"handphone", "ktp", "ttl", "dob", "nisn"}
)
_KATA_LAHIR = frozenset({"lahir", "lhr", "birth"})
_KATA_TANGGAL = frozenset({"tanggal", "tgl", "tempat", "tmp", "tmpt", "date"})

# Digits grouped by a space, dot or dash are one number ("3375 0112 3456 0001", "0812-3456-7890").
_PEMISAH_ANGKA = re.compile(r"(?<=\d)[ .\-](?=\d)")
_NIK = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{4})(?!\d)")
# Mobile numbers: 08…, +62 8…, 62 8…, 10 to 13 digits in all; landlines with an area code:
# (024) 3541234, 021-1234567, +62 21 1234567.
_TELEPON = re.compile(
    r"(?<![\d+])(?:\+62|62|0)8[1-9]\d{7,10}(?!\d)"
    r"|(?<![\d+])(?:\+62|62|0)[2-7]\d{1,3}\)?\d{6,8}(?!\d)"
    r"|\(0[2-7]\d{1,3}\)\d{6,8}(?!\d)"
)
_TELEPON_ANGKA = re.compile(r"(?:62)?8[1-9]\d{7,10}")  # a number cell: Excel dropped the leading 0
# A cheap first look at a whole column: the rare column that may hold something is read cell by cell.
_MUNGKIN = re.compile(r"\d[\d .\-()]{7,}")


def _token(judul: str) -> list[str]:
    teks = unicodedata.normalize("NFKD", judul).encode("ascii", "ignore").decode("ascii").casefold()
    return [t for t in re.split(r"[^a-z0-9]+", teks) if t]


def kolom_pribadi(judul: str) -> bool:
    """Whether a column header names personal data (``Nama Korban``, ``no_hp``, ``Tgl. Lahir``, ``NIK``).

    Case, accents, spaces, underscores and punctuation are ignored. ``nama`` counts alone or
    with a person (``nama_anak``, ``korban_nama``), not with anything else (``nama_wilayah``).
    """
    token = _token(judul)
    if not token:
        return False
    padat = "".join(token)
    for stem in _STEM_ORANG:
        if (padat.startswith(stem) and padat[len(stem) :] in _ORANG) or (
            padat.endswith(stem) and padat[: -len(stem)] in _ORANG
        ):
            return True
    if padat.startswith(_AWALAN) or _KATA.intersection(token):
        return True
    return bool(_KATA_LAHIR.intersection(token) and _KATA_TANGGAL.intersection(token))


def _nik_masuk_akal(cocok: re.Match[str], kode_provinsi: Collection[str]) -> bool:
    """A 16-digit run is a NIK when it starts with a province and its date digits are a date."""
    provinsi, _, _, hari, bulan, _, urut = cocok.groups()
    tanggal = int(hari) - 40 if int(hari) > 40 else int(hari)
    return provinsi in kode_provinsi and 1 <= tanggal <= 31 and 1 <= int(bulan) <= 12 and urut != "0000"


def jenis_sel_pribadi(nilai: object, kode_provinsi: Collection[str] = KODE_PROVINSI) -> str | None:
    """What personal data a cell value looks like: ``nik``, ``telepon``, or None.

    A number cell (XLSX) is read as its digits: a 16-digit NIK typed as a number is one, and a
    phone number whose leading 0 Excel dropped (``81234567890``) is one too.
    """
    if isinstance(nilai, bool) or nilai is None or isinstance(nilai, dt.date | dt.time | dt.timedelta):
        return None
    if isinstance(nilai, int | float):
        if isinstance(nilai, float) and not nilai.is_integer():
            return None
        angka = str(abs(int(nilai)))
        cocok = _NIK.fullmatch(angka)
        if cocok is not None and _nik_masuk_akal(cocok, kode_provinsi):
            return "nik"
        return "telepon" if _TELEPON_ANGKA.fullmatch(angka) else None
    teks = str(nilai)
    if not _MUNGKIN.search(teks):
        return None
    padat = _PEMISAH_ANGKA.sub("", teks)
    if any(_nik_masuk_akal(c, kode_provinsi) for c in _NIK.finditer(padat)):
        return "nik"
    return "telepon" if _TELEPON.search(padat.replace(") ", ")")) else None


def _nilai_kolom(tabel: TabelMentah, j: int) -> list[object]:
    """A column's cell values: text for a CSV, the cell's own type for an XLSX."""
    if (isi_nilai := tabel.isi_nilai) is not None:
        return [isi[j] for _, isi in isi_nilai]  # rows of plain values are padded to the header's width
    return [isi[j].nilai if j < len(isi) else None for _, isi in tabel.baris]


def _alamat(tabel: TabelMentah, j: int, k: int) -> tuple[int, str | None]:
    """The spreadsheet row and cell address of the column's ``k``-th cell."""
    if (isi_nilai := tabel.isi_nilai) is not None:
        nomor = isi_nilai[k][0]
        return nomor, f"{get_column_letter(j + 1)}{nomor}"
    nomor, isi = tabel.baris[k]
    return nomor, isi[j].alamat if j < len(isi) else None


def _mungkin_ada(nilai: list[object]) -> bool:
    """Whether any cell of a column may hold a NIK or phone number (one search over its text)."""
    try:
        return _MUNGKIN.search("\n".join(nilai)) is not None  # type: ignore[arg-type]
    except TypeError:
        pass  # an XLSX column: numbers and dates beside the texts
    teks: list[str] = []
    for v in nilai:
        if isinstance(v, int | float) and not isinstance(v, bool):
            if isinstance(v, float) and not v.is_integer():
                continue
            if abs(int(v)) >= 10**8:
                return True
        elif isinstance(v, str):
            teks.append(v)
    return _MUNGKIN.search("\n".join(teks)) is not None


def _label_kolom(tabel: TabelMentah, j: int, kode_provinsi: Collection[str]) -> str:
    """The column's header, or its letter when the header itself looks like personal data."""
    judul = tabel.judul_asli[j] if j < len(tabel.judul_asli) else ""
    if not judul.strip() or jenis_sel_pribadi(judul, kode_provinsi) is not None:
        return str(get_column_letter(j + 1))
    return judul


def _temuan_kolom(tabel: TabelMentah, j: int, kode_provinsi: Collection[str]) -> list[Masalah]:
    """The cells of one column that look like personal data: the first few named, the rest summed up."""
    nilai = _nilai_kolom(tabel, j)
    if not _mungkin_ada(nilai):
        return []  # the usual case: one search over the column, no cell looked at alone
    label = _label_kolom(tabel, j, kode_provinsi)
    temuan = [
        (*_alamat(tabel, j, k), jenis) for k, v in enumerate(nilai) if (jenis := jenis_sel_pribadi(v, kode_provinsi))
    ]
    hasil = [
        Masalah(f"pe.pribadi_{jenis}", tabel.berkas, tabel.sheet, nomor, label, None, alamat)
        for nomor, alamat, jenis in temuan[:SEL_PER_KOLOM]
    ]
    if len(temuan) > SEL_PER_KOLOM:
        sisa = [nomor for nomor, _, _ in temuan[SEL_PER_KOLOM:]]
        isian = {"jumlah": str(len(sisa)), "daftar": ringkas_baris(sisa)}
        hasil.append(Masalah("pe.pribadi_lagi", tabel.berkas, tabel.sheet, kolom=label, isian=isian))
    return hasil


def cari_data_pribadi(tabel: Sequence[TabelMentah], kode_provinsi: Collection[str] = KODE_PROVINSI) -> list[Masalah]:
    """Every sign of personal data in the tables of one file: columns first, then cells, in file order.

    Every column is looked at, also those the import would ignore: a file is refused for what it
    carries, not only for what would be stored. Empty when the file carries none.
    """
    hasil: list[Masalah] = []
    for t in tabel:
        for j, judul in enumerate(t.judul_asli):
            huruf = get_column_letter(j + 1)
            if jenis := jenis_sel_pribadi(judul, kode_provinsi):
                sel = f"{huruf}{t.baris_judul}" if t.baris_judul else None
                hasil.append(Masalah(f"pe.pribadi_{jenis}", t.berkas, t.sheet, t.baris_judul, huruf, None, sel))
            elif kolom_pribadi(judul):
                hasil.append(Masalah("pe.pribadi_kolom", t.berkas, t.sheet, t.baris_judul, judul))
        for j in range(len(t.judul_asli)):
            hasil += _temuan_kolom(t, j, kode_provinsi)
    return hasil
