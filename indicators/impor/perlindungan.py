"""Checking a Perlindungan Anak file: aggregate child-protection counts, refused whole on any doubt.

The import kind ``perlindungan`` of the one import pipeline: :func:`periksa_perlindungan` reads
the file with the pipeline's reader (:func:`indicators.impor.baca.baca_semua_sheet`: the same
limits, encodings, separators and cell checks as a score file), and the result goes through the
same scope check, preview, commit, history and rollback (:mod:`indicators.impor.terapkan`).

**Layout.** One row per count (CSV, or any sheet):
``tahun, bulan, kode_wilayah, tabel, kategori, jumlah[, sumber, catatan]``. ``bulan`` is 1–12
(or a month name); empty means a whole-year figure, stored as 0. ``kode_wilayah`` is a Kemendagri
code, a BPS code or an unambiguous name of a kab/kota or province. ``tabel`` and ``kategori`` name
the catalogue's table and category (``indicators/katalog/perlindungan.yaml``); the table ``penduduk_anak`` (category
``anak_0_17``, a whole year, a source required) carries the denominator, children aged 0–17.
The XLSX template has one sheet per table, named by the table's id, with one column per category
(a wide sheet): each filled category cell becomes one row of the layout above, named by its cell.
A sheet's ``tabel`` column, when present, wins over its name.

**Refused, each problem naming file, sheet, row, column, value and what was expected:**
anything that looks like personal data (:mod:`indicators.impor.pribadi`: the file is refused whole
and only those findings are reported, so no other message can quote a flagged cell); an unknown
table or category (naming the allowed ones); a year outside 2000…next year; a month outside 1–12;
a count that is not a whole number ≥ 0; a suppressed figure (``1–5``, ``1-5``, ``<6``, ``x``):
imports hold exact counts, the dashboard suppresses them when it shows them; the same
region × period × table × category twice; a whole-year figure and monthly figures for the same
region × year × table (both would be counted); a part above its total (the catalogue's rules, e.g.
complaints answered in time above all complaints, victims by age above all victims). A row with
an empty count is skipped with a note: a month without rows was not reported, it is not a zero.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from indicators.impor.baca import (
    AngkaError,
    BatasUnggah,
    IndeksWilayah,
    Sel,
    Susunan,
    TabelMentah,
    baca_semua_sheet,
    nama_kolom,
    ringkas_baris,
    teks_sel,
    urai_angka,
    urai_tahun,
)
from indicators.impor.masalah import Masalah
from indicators.impor.pribadi import KODE_PROVINSI, cari_data_pribadi, kolom_pribadi
from indicators.katalog.perlindungan import KatalogPerlindungan, Pelanggaran, katalog_perlindungan, pelanggaran_bagian
from indicators.teks import t

TABEL_PENDUDUK = "penduduk_anak"
KATEGORI_PENDUDUK = "anak_0_17"
TAHUN_AWAL = 2000
TINGKAT = ("kabkota", "provinsi")
KUNCI = ("tahun", "bulan", "kode_wilayah", "tabel", "kategori")
KOLOM_DATA = [*KUNCI, "jumlah", "sumber", "catatan", "baris", "sheet", "sel", "kolom"]
"""The columns of a checked file's rows: the key, the count, the texts and where each count was read."""
WAJIB = ("tahun", "kode_wilayah", "tabel", "kategori", "jumlah")
_KOLOM_TEKS = "tahun, bulan, kode_wilayah, tabel, kategori, jumlah, sumber, catatan"
_ALIAS = {
    "kode": "kode_wilayah",
    "wilayah": "kode_wilayah",
    "kab_kota": "kode_wilayah",
    "kabupaten_kota": "kode_wilayah",
    "nilai": "jumlah",
    "keterangan": "catatan",
}
_KANONIK = ("tahun", "bulan", "kode_wilayah", "tabel", "kategori", "jumlah", "sumber", "catatan")
_BANTU = frozenset({"nama_wilayah", "nama_tabel", "nama_kategori", "no", "nomor", "total"})
_BULAN = {
    **{n: i for i, n in enumerate(("januari", "februari", "maret", "april", "mei", "juni"), start=1)},
    **{n: i for i, n in enumerate(("juli", "agustus", "september", "oktober", "november", "desember"), start=7)},
    **{n: i for i, n in enumerate(("january", "february", "march", "april", "may", "june"), start=1)},
    **{n: i for i, n in enumerate(("july", "august", "september", "october", "november", "december"), start=7)},
    **{n: i for i, n in enumerate(("jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt"), start=1)},
    **{"nov": 11, "des": 12, "may": 5, "aug": 8, "agt": 8, "ags": 8, "oct": 10, "dec": 12, "sept": 9, "peb": 2},
}
# What a disclosure-controlled table prints instead of a small count: "1–5", "1 - 5", "<6", "≤5", "x", "*".
_TERSAMAR = re.compile(r"\s*(?:\d+\s*[-–—]\s*\d+|[<≤]\s*=?\s*\d+|[xX]|\*+)\s*")


@dataclass(frozen=True)
class DaftarImpor:
    """What the import accepts: each table's categories (the catalogue's, plus the denominator table)."""

    tabel: Mapping[str, tuple[str, ...]]
    label_tabel: Mapping[str, str]
    """A table's Indonesian display name, also accepted as a sheet or ``tabel`` name."""

    @classmethod
    def dari(cls, katalog: KatalogPerlindungan) -> DaftarImpor:
        """The tables of the Perlindungan Anak catalogue and ``penduduk_anak`` (``anak_0_17``)."""
        tabel = {k: tuple(tb.kategori) for k, tb in katalog.tabel.items()}
        tabel[TABEL_PENDUDUK] = (KATEGORI_PENDUDUK,)
        return cls(tabel, {k: tb.label.id for k, tb in katalog.tabel.items()})


@dataclass
class HasilPerlindungan:
    """A checked file: its rows (:data:`KOLOM_DATA`) and every problem, or only its personal-data findings."""

    data: pd.DataFrame
    masalah: list[Masalah]
    peringatan: list[Masalah]
    sheet: str | None
    pribadi: bool = False
    """True when the file was refused for personal data (then ``masalah`` holds only those findings)."""


class _Judul:
    """The header names that find a header row: the layout's, a table's categories, and personal data.

    Personal-data headers count, so that a list of cases (``No, Nama, NIK, Alamat``) is read far
    enough to be refused for what it is instead of for a missing header.
    """

    def __init__(self, kategori: Iterable[str]) -> None:
        self._nama = frozenset({*_KANONIK, *_ALIAS, *_BANTU, *kategori})
        self._pribadi: dict[str, bool] = {}

    def __contains__(self, nama: object) -> bool:
        if not isinstance(nama, str) or not nama:
            return False
        if nama in self._nama:
            return True
        if nama not in self._pribadi:
            self._pribadi[nama] = kolom_pribadi(nama)
        return self._pribadi[nama]


def susunan(katalog: DaftarImpor) -> Susunan:
    """The file layout of the import: header names, stored columns and the columns named when no header is found."""
    kategori = {k for daftar in katalog.tabel.values() for k in daftar}
    return Susunan(_Judul(kategori), (*_KANONIK, *sorted(kategori)), _KOLOM_TEKS)


def _normal(teks: str) -> str:
    return nama_kolom(teks)


class _Pemeriksa:
    """Checks the rows of one table (a CSV, or one sheet) and collects problems."""

    def __init__(self, tabel: TabelMentah, katalog: DaftarImpor, indeks: IndeksWilayah) -> None:
        self.tabel = tabel
        self.katalog = katalog
        self.indeks = indeks
        self.masalah: list[Masalah] = []
        self.peringatan: list[Masalah] = []
        self.dilewati: list[int] = []
        self.tahun_maks = dt.date.today().year + 1
        self._label = {_normal(label): kode for kode, label in katalog.label_tabel.items()}
        self._kategori = {k for daftar in katalog.tabel.values() for k in daftar}

    def _catat(self, kode: str, nomor: int | None, kolom: str | None, sel: Sel | None, **isian: str) -> None:
        self.masalah.append(
            Masalah(
                kode,
                self.tabel.berkas,
                self.tabel.sheet,
                nomor,
                kolom,
                teks_sel(sel) if sel is not None else None,
                sel.alamat if sel is not None else None,
                isian,
            )
        )

    # --- columns ------------------------------------------------------------------------------

    def petakan(self) -> tuple[dict[str, int], dict[int, str]] | None:
        """Canonical column → position, and the wide sheet's category columns; None after recording why."""
        posisi: dict[str, int] = {}
        kategori: dict[int, str] = {}
        punya_kode = any(_ALIAS.get(k, k) == "kode_wilayah" for k in self.tabel.kolom)
        for j, (nama, asli) in enumerate(zip(self.tabel.kolom, self.tabel.judul_asli, strict=True)):
            if not nama:
                continue
            kanonik = "kode_wilayah" if nama == "nama_wilayah" and not punya_kode else _ALIAS.get(nama, nama)
            if kanonik in posisi or (kanonik in self._kategori and kanonik in kategori.values()):
                self._catat("pe.kolom_ganda", self.tabel.baris_judul, asli, None, kolom_ganda=asli)
            elif kanonik in _KANONIK:
                posisi[kanonik] = j
            elif kanonik in self._kategori:
                kategori[j] = kanonik
            elif nama not in _BANTU:
                isian = {"kolom": _KOLOM_TEKS}
                self.peringatan.append(
                    Masalah("kolom_diabaikan", self.tabel.berkas, self.tabel.sheet, kolom=asli, isian=isian)
                )
        lebar = "kategori" not in posisi and bool(kategori)
        if lebar:
            posisi.pop("jumlah", None)  # a row total beside the category columns: not stored
        perlu = [k for k in WAJIB if k not in posisi]
        if lebar:
            perlu = [k for k in perlu if k not in ("kategori", "jumlah") and not (k == "tabel" and self.tabel_sheet())]
        for k in perlu:
            self._catat(
                "pe.kolom_wajib_hilang", self.tabel.baris_judul, k, None, kolom_hilang=k, daftar=", ".join(WAJIB)
            )
        return None if perlu or self.masalah else (posisi, kategori if lebar else {})

    def tabel_sheet(self) -> str | None:
        """The table a sheet's name names (its id or its display name), or None."""
        if self.tabel.sheet is None:
            return None
        nama = _normal(self.tabel.sheet)
        return nama if nama in self.katalog.tabel else self._label.get(nama)

    # --- cells --------------------------------------------------------------------------------

    def tahun(self, nomor: int, sel: Sel) -> int | None:
        """The year of a row (2000 … next year), or None after recording why."""
        if teks_sel(sel) is None:
            self._catat(
                "sel_kosong", nomor, "tahun", sel, harapan_id="tahun, mis. 2024", harapan_en="a year, e.g. 2024"
            )
            return None
        try:
            tahun = urai_tahun(sel)
        except ValueError:
            tahun = None
        if tahun is None or not TAHUN_AWAL <= tahun <= self.tahun_maks:
            self._catat("pe.tahun_tak_sah", nomor, "tahun", sel, bawah=str(TAHUN_AWAL), atas=str(self.tahun_maks))
            return None
        return tahun

    def bulan(self, nomor: int, sel: Sel | None) -> int | None:
        """The month of a row: 1–12, or 0 for a whole year (empty cell); None after recording why."""
        if sel is None or teks_sel(sel) is None:
            return 0
        v = sel.nilai
        if isinstance(v, int | float) and not isinstance(v, bool) and float(v).is_integer() and 0 <= v <= 12:
            return int(v)
        teks = (teks_sel(sel) or "").strip().casefold().rstrip(".")
        if teks.isdigit() and 0 <= int(teks) <= 12:
            return int(teks)
        if teks in _BULAN:
            return _BULAN[teks]
        self._catat("pe.bulan_tak_sah", nomor, "bulan", sel)
        return None

    def wilayah(self, nomor: int, sel: Sel) -> str | None:
        """The region code a cell names (code, BPS code or name of a kab/kota or province), or None."""
        teks = teks_sel(sel)
        if teks is None:
            isian = {"harapan_id": "kode atau nama kab/kota, mis. 33.75", "harapan_en": "a regency/city code or name"}
            self._catat("sel_kosong", nomor, "kode_wilayah", sel, **isian)
            return None
        hasil = self.indeks.cari(teks, TINGKAT)
        if hasil.masalah:
            self._catat(hasil.masalah, nomor, "kode_wilayah", sel, **hasil.isian)
        return hasil.kode

    def nama_tabel(self, nomor: int, sel: Sel | None, dari_sheet: str | None) -> str | None:
        """The catalogue table of a row (its ``tabel`` cell, else the sheet's), or None after recording why."""
        teks = teks_sel(sel) if sel is not None else None
        if teks is None:
            if dari_sheet is not None:
                return dari_sheet
            isian = {"harapan_id": "id tabel, mis. bentuk_kekerasan", "harapan_en": "a table id, e.g. bentuk_kekerasan"}
            self._catat("sel_kosong", nomor, "tabel", sel, **isian)
            return None
        nama = _normal(teks)
        nama = nama if nama in self.katalog.tabel else self._label.get(nama, nama)
        if nama not in self.katalog.tabel:
            self._catat("pe.tabel_tak_dikenal", nomor, "tabel", sel, daftar=", ".join(self.katalog.tabel))
            return None
        return nama

    def kategori(self, nomor: int, kolom: str, sel: Sel | None, tabel: str | None, teks: str | None) -> str | None:
        """The category of a row, checked against its table, or None after recording why."""
        if teks is None:
            if tabel == TABEL_PENDUDUK:
                return KATEGORI_PENDUDUK  # the denominator has one category
            isian = {"harapan_id": "id kategori, mis. fisik", "harapan_en": "a category id, e.g. fisik"}
            self._catat("sel_kosong", nomor, kolom, sel, **isian)
            return None
        nama = _normal(teks)
        if tabel is None:
            return None
        if nama not in self.katalog.tabel[tabel]:
            self._catat(
                "pe.kategori_tak_dikenal", nomor, kolom, sel, tabel=tabel, daftar=", ".join(self.katalog.tabel[tabel])
            )
            return None
        return nama

    def jumlah(self, nomor: int, kolom: str, sel: Sel) -> int | None:
        """A count: a whole number ≥ 0, never a suppressed marker; None after recording why."""
        teks = teks_sel(sel)
        if isinstance(sel.nilai, str) and teks is not None and _TERSAMAR.fullmatch(teks):
            self._catat("pe.tersamar", nomor, kolom, sel)
            return None
        try:
            angka, persen = urai_angka(sel)
        except AngkaError as exc:
            kode = "pe.bukan_angka" if exc.kode == "bukan_angka" else exc.kode
            self._catat(kode, nomor, kolom, sel, **exc.isian)
            return None
        if persen:
            self._catat("pe.bukan_angka", nomor, kolom, sel)
            return None
        if angka < 0:
            self._catat("pe.negatif", nomor, kolom, sel)
            return None
        if not float(angka).is_integer():
            self._catat("pe.bukan_bulat", nomor, kolom, sel)
            return None
        return int(angka)

    # --- rows ---------------------------------------------------------------------------------

    def jalankan(self) -> list[dict[str, object]]:
        """Check every row of the table; return the valid long rows (problems are collected)."""
        peta = self.petakan()
        if peta is None:
            return []
        posisi, lebar = peta
        dari_sheet = self.tabel_sheet()
        kosong = Sel(None)
        hasil: list[dict[str, object]] = []
        for nomor, isi in self.tabel.baris:
            sel = {k: isi[j] if j < len(isi) else kosong for k, j in posisi.items()}
            if lebar:
                hasil += self._baris_lebar(nomor, isi, sel, lebar, dari_sheet)
            elif teks_sel(sel["jumlah"]) is None:
                self.dilewati.append(nomor)
            else:
                baris = self._baris(nomor, sel, dari_sheet, "kategori", sel["kategori"], sel["jumlah"], "jumlah")
                if baris is not None:
                    hasil.append(baris)
        return hasil

    def _baris_lebar(
        self, nomor: int, isi: list[Sel], sel: dict[str, Sel], lebar: dict[int, str], dari_sheet: str | None
    ) -> list[dict[str, object]]:
        """One long row per filled category cell of a wide row."""
        terisi = [(j, k) for j, k in lebar.items() if j < len(isi) and teks_sel(isi[j]) is not None]
        if not terisi:
            self.dilewati.append(nomor)
            return []
        hasil = []
        for j, k in terisi:
            judul = self.tabel.judul_asli[j]
            baris = self._baris(nomor, sel, dari_sheet, judul, None, isi[j], judul, kategori_teks=k)
            if baris is not None:
                hasil.append(baris)
        return hasil

    def _baris(
        self,
        nomor: int,
        sel: dict[str, Sel],
        dari_sheet: str | None,
        kolom_kategori: str,
        sel_kategori: Sel | None,
        sel_jumlah: Sel,
        kolom_jumlah: str,
        kategori_teks: str | None = None,
    ) -> dict[str, object] | None:
        """One long row checked: key, count and the denominator's own rules; None when anything is wrong."""
        n = len(self.masalah)
        tahun = self.tahun(nomor, sel["tahun"])
        bulan = self.bulan(nomor, sel.get("bulan"))
        kode = self.wilayah(nomor, sel["kode_wilayah"])
        tabel = self.nama_tabel(nomor, sel.get("tabel"), dari_sheet)
        teks_kategori = kategori_teks if sel_kategori is None else teks_sel(sel_kategori)
        kategori = self.kategori(nomor, kolom_kategori, sel_kategori, tabel, teks_kategori)
        jumlah = self.jumlah(nomor, kolom_jumlah, sel_jumlah)
        sumber = teks_sel(sel["sumber"]) if "sumber" in sel else None
        if tabel == TABEL_PENDUDUK:
            if bulan not in (None, 0):
                self._catat("pe.penduduk_bulan", nomor, "bulan", sel.get("bulan"))
            if jumlah == 0:
                self._catat("pe.penduduk_nol", nomor, kolom_jumlah, sel_jumlah)
            if sumber is None:
                self._catat("pe.penduduk_sumber", nomor, "sumber", sel.get("sumber"))
        if len(self.masalah) > n:
            return None
        return {
            "tahun": tahun,
            "bulan": bulan,
            "kode_wilayah": kode,
            "tabel": tabel,
            "kategori": kategori,
            "jumlah": jumlah,
            "sumber": sumber,
            "catatan": teks_sel(sel["catatan"]) if "catatan" in sel else None,
            "baris": nomor,
            "sheet": self.tabel.sheet,
            "sel": sel_jumlah.alamat,
            "kolom": kolom_jumlah,
        }


# --- checks across rows -------------------------------------------------------------------------


def _rekam(data: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in r.items()} for r in data.to_dict("records")]


def _teks_atau_none(nilai: object) -> str | None:
    return nilai if isinstance(nilai, str) else None


def _ganda(data: pd.DataFrame, berkas: str) -> list[Masalah]:
    """The same region × period × table × category twice: each repeat names the first row."""
    if not data.duplicated(list(KUNCI)).any():
        return []
    hasil: list[Masalah] = []
    pertama: dict[tuple[object, ...], tuple[int, str | None]] = {}
    for r in _rekam(data):
        k = tuple(r[c] for c in KUNCI)
        sheet = _teks_atau_none(r["sheet"])
        if k not in pertama:
            pertama[k] = (int(r["baris"]), sheet)
            continue
        baris_awal, sheet_awal = pertama[k]
        isian = {
            "kunci": f"{r['tahun']}/{r['bulan'] or '-'} {r['kode_wilayah']} {r['tabel']}.{r['kategori']}",
            "baris_awal": str(baris_awal),
            "sheet_awal": f" (sheet '{sheet_awal}')" if sheet_awal and sheet_awal != sheet else "",
        }
        hasil.append(Masalah("pe.kunci_ganda", berkas, sheet, int(r["baris"]), r["kolom"], sel=r["sel"], isian=isian))
    return hasil


def _tahun_dan_bulan(data: pd.DataFrame, berkas: str) -> list[Masalah]:
    """A whole-year figure beside monthly figures for the same region × year × table."""
    hasil: list[Masalah] = []
    for (tahun, kode, tabel), grup in data.groupby(["tahun", "kode_wilayah", "tabel"], sort=True):
        setahun = _rekam(grup[grup["bulan"] == 0])
        if not setahun or (grup["bulan"] == 0).all():
            continue
        lain = ringkas_baris(sorted(int(b) for b in grup.loc[grup["bulan"] != 0, "baris"]))
        r = setahun[0]
        isian = {"tabel": str(tabel), "kode": str(kode), "tahun": str(tahun), "baris_lain": lain}
        hasil.append(
            Masalah("pe.tahun_dan_bulan", berkas, _teks_atau_none(r["sheet"]), int(r["baris"]), "bulan", isian=isian)
        )
    return hasil


def periode_teks(tahun: int, bulan: int, bahasa: str = "id") -> str:
    """A period for a message: ``2024-03``, or ``2024 (setahun)`` for a whole-year figure."""
    if bulan:
        return f"{tahun}-{bulan:02d}"
    return f"{tahun} ({'whole year' if bahasa == 'en' else 'setahun'})"


def isian_pelanggaran(p: Pelanggaran, katalog: KatalogPerlindungan) -> dict[str, str]:
    """The fill-ins of a ``pe.bagian_lebih`` message for one broken part-total rule."""
    a = p.aturan
    bagian = " + ".join(f"{a.bagian.tabel}.{k}" for k in katalog.kategori(a.bagian))
    total = " + ".join(f"{a.total.tabel}.{k}" for k in katalog.kategori(a.total))
    return {
        "bagian": bagian,
        "total": total,
        "nilai_bagian": str(p.jumlah_bagian),
        "nilai_total": str(p.jumlah_total),
        "kode": p.kode_wilayah,
        "periode": periode_teks(p.tahun, p.bulan, "id"),
        "periode_en": periode_teks(p.tahun, p.bulan, "en"),
    }


def _bagian_lebih(data: pd.DataFrame, katalog: KatalogPerlindungan, berkas: str) -> list[Masalah]:
    """Parts above their totals within the file (:func:`pelanggaran_bagian`), each at the row of its last part."""
    if data.empty:
        return []
    hasil: list[Masalah] = []
    for p in pelanggaran_bagian(data, katalog):
        kategori = katalog.kategori(p.aturan.bagian)
        pilih = data[
            (data["tahun"] == p.tahun)
            & (data["bulan"] == p.bulan)
            & (data["kode_wilayah"] == p.kode_wilayah)
            & (data["tabel"] == p.aturan.bagian.tabel)
            & data["kategori"].isin(list(kategori))
        ]
        r = _rekam(pilih)[-1]
        hasil.append(
            Masalah(
                "pe.bagian_lebih",
                berkas,
                _teks_atau_none(r["sheet"]),
                int(r["baris"]),
                str(r["kolom"]),
                str(r["jumlah"]),
                _teks_atau_none(r["sel"]),
                isian_pelanggaran(p, katalog),
            )
        )
    return hasil


# --- telling the kind of a file -------------------------------------------------------------------

_SHEET_XML = re.compile(rb'<sheet\b[^>]*\bname="([^"]+)"')


def tampak_kolom(kolom: Collection[str]) -> bool:
    """Whether a table's (normalised) header is this layout's: ``kategori`` with ``tabel`` or ``jumlah``."""
    nama = set(kolom)
    return "kategori" in nama and bool(nama & {"tabel", "jumlah"})


def tampak_templat(data: bytes, katalog: KatalogPerlindungan | None = None) -> bool:
    """Whether an XLSX is a child-protection workbook: a sheet named after a catalogue table.

    Reads only the workbook's sheet list (``xl/workbook.xml``, when it declares under 1 MB), so a
    score workbook costs nothing more; anything unreadable is "no" (the score reader reports it).
    """
    if not data.startswith(b"PK\x03\x04"):
        return False
    tabel = set((katalog or katalog_perlindungan()).tabel) | {TABEL_PENDUDUK}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as arsip:
            info = arsip.getinfo("xl/workbook.xml")
            if info.file_size > 1024 * 1024:
                return False
            isi = arsip.read(info)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, RuntimeError, NotImplementedError):
        return False
    return any(_normal(n.decode("utf-8", "replace")) in tabel for n in _SHEET_XML.findall(isi))


# --- the file -------------------------------------------------------------------------------------


def _kosongan() -> pd.DataFrame:
    return pd.DataFrame(columns=KOLOM_DATA)


def _nama_sheet(tabel: Sequence[TabelMentah]) -> str | None:
    nama = [m.sheet for m in tabel if m.sheet]
    return ", ".join(nama) if nama else None


def periksa_perlindungan(
    data: bytes,
    berkas: str,
    wilayah: pd.DataFrame,
    katalog: KatalogPerlindungan | None = None,
    *,
    batas: BatasUnggah | None = None,
) -> HasilPerlindungan:
    """Read and check a child-protection file, collecting every problem at once.

    Args:
        data: the file's bytes (XLSX or CSV, told apart by content).
        berkas: the file name shown in messages.
        wilayah: the regions (``kode_wilayah, nama, nama_singkat, tingkat[, kode_bps, kode_provinsi]``).
        katalog: the Perlindungan Anak catalogue (tables, categories, part-total rules); default
            the shipped one. The denominator table ``penduduk_anak`` is accepted besides.
        batas: upload limits (default: from the environment).

    A file that carries personal data is refused with those findings only: no other problem is
    reported, since another message (a control character, a formula) could quote a flagged cell.
    """
    katalog = katalog or katalog_perlindungan()
    daftar = DaftarImpor.dari(katalog)
    tabel, masalah = baca_semua_sheet(data, berkas, susunan(daftar), batas)
    sheet = _nama_sheet(tabel)
    provinsi: Collection[str] = KODE_PROVINSI
    if "tingkat" in wilayah:
        provinsi = set(wilayah.loc[wilayah["tingkat"] == "provinsi", "kode_wilayah"].astype(str)) | KODE_PROVINSI
    pribadi = cari_data_pribadi(tabel, provinsi)
    if pribadi:
        return HasilPerlindungan(_kosongan(), pribadi, [], sheet, pribadi=True)
    if not tabel:
        return HasilPerlindungan(_kosongan(), masalah, [], sheet)
    indeks = IndeksWilayah(wilayah)
    baris: list[dict[str, object]] = []
    peringatan: list[Masalah] = []
    dilewati: list[tuple[str | None, int]] = []
    for mentah in tabel:
        pemeriksa = _Pemeriksa(mentah, daftar, indeks)
        baris += pemeriksa.jalankan()
        masalah += pemeriksa.masalah
        peringatan += pemeriksa.peringatan
        dilewati += [(mentah.sheet, n) for n in pemeriksa.dilewati]
    hasil = pd.DataFrame(baris, columns=KOLOM_DATA)
    if not hasil.empty:
        hasil["tahun"] = hasil["tahun"].astype("int64")
        hasil["bulan"] = hasil["bulan"].astype("int64")
        hasil["jumlah"] = hasil["jumlah"].astype("int64")
    masalah += _ganda(hasil, berkas) + _tahun_dan_bulan(hasil, berkas) + _bagian_lebih(hasil, katalog, berkas)
    if dilewati:
        # One note for the whole file: a prefilled template leaves most rows empty in every sheet.
        per_sheet = {n: [b for s, b in dilewati if s == n] for n in dict.fromkeys(s for s, _ in dilewati)}
        baris_dilewati = "; ".join(
            ringkas_baris(nomor) if nama is None else f"{nama}: {ringkas_baris(nomor, 5)}"
            for nama, nomor in per_sheet.items()
        )
        isian = {"jumlah": str(len(dilewati)), "daftar": baris_dilewati}
        peringatan.append(Masalah("pe.dilewati", berkas, isian=isian))
    if hasil.empty and not masalah:
        masalah.append(Masalah("pe.tidak_ada_baris", berkas, sheet))
    return HasilPerlindungan(hasil, masalah, peringatan, sheet)


# --- the preview's helpers (pure; indicators/impor/terapkan.py reads and writes the database) -------

TABEL_DB = "perlindungan_anak"
KOLOM_DB = ("tahun", "bulan", "kode_wilayah", "tabel", "kategori", "jumlah", "sintetis", "sumber_id")


def tabel_tujuan(tabel: pd.Series) -> pd.Series:
    """The table each long row is stored in: ``penduduk_anak`` for the denominator, else ``perlindungan_anak``."""
    return pd.Series(
        [TABEL_PENDUDUK if k == TABEL_PENDUDUK else TABEL_DB for k in tabel], index=tabel.index, dtype=object
    )


def tersimpan_panjang(anak: pd.DataFrame, penduduk: pd.DataFrame) -> pd.DataFrame:
    """Stored counts and denominators as long rows (:data:`KUNCI`, ``jumlah``, ``sintetis``, ``sumber_id``).

    Each row keeps its own table's row as JSON (``_json``, made by the caller) and that table's
    name (``_tabel_db``). A denominator reads as table ``penduduk_anak``, category ``anak_0_17``,
    month 0; it is never synthetic.
    """
    anak = anak.assign(_tabel_db=TABEL_DB)
    penduduk = penduduk.assign(
        bulan=0, tabel=TABEL_PENDUDUK, kategori=KATEGORI_PENDUDUK, sintetis=False, _tabel_db=TABEL_PENDUDUK
    )
    kolom = [*KOLOM_DB, "_json", "_tabel_db"]
    hasil = pd.concat([anak.reindex(columns=kolom), penduduk.reindex(columns=kolom)], ignore_index=True)
    for k in ("tahun", "bulan", "jumlah"):
        hasil[k] = hasil[k].astype("int64")
    hasil["sintetis"] = hasil["sintetis"].astype(bool)
    return hasil


def dampak(
    data: pd.DataFrame, lama: pd.DataFrame, katalog: KatalogPerlindungan | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, list[Pelanggaran]]:
    """What a file does to the stored region-years: rows it deletes, its effect, and rules it would break.

    Real counts replace the synthetic sample of a region-year entirely (as real scores replace
    the synthetic scores of a region × cycle × stage): the stored synthetic rows of every
    region-year in the file that the file does not name are deleted with it (and a rollback brings
    them back). Stored real rows the file does not name stay.

    Returns ``dihapus`` (stored long rows deleted), ``dampak`` (one row per region × year × table
    in the file: ``bulan_lama``/``bulan_baru``, the months with rows before and after as lists, 0
    for a whole year; ``baris_lama``/``baris_baru``; ``sintetis_lama``/``sintetis_baru``, whether
    any of its rows is synthetic) and the part-total rules broken after the import in the periods
    the file touches (stored rows and the file's together).
    """
    katalog = katalog or katalog_perlindungan()
    kunci = list(KUNCI)
    di_file = (
        pd.MultiIndex.from_frame(lama[kunci]).isin(pd.MultiIndex.from_frame(data[kunci]))
        if len(lama)
        else pd.Series([], dtype=bool).to_numpy()
    )
    sintetis = lama["sintetis"].astype(bool).to_numpy()
    dihapus = lama[sintetis & ~di_file]
    sisa = lama[~sintetis & ~di_file]
    baru = data[[*kunci, "jumlah"]].assign(sintetis=False)
    sesudah = pd.concat([sisa[[*kunci, "jumlah", "sintetis"]], baru], ignore_index=True)
    grup = ["tahun", "kode_wilayah", "tabel"]

    def ringkas(frame: pd.DataFrame, akhiran: str) -> pd.DataFrame:
        if frame.empty:
            return pd.DataFrame(columns=[*grup, f"bulan_{akhiran}", f"baris_{akhiran}", f"sintetis_{akhiran}"])
        return (
            frame.groupby(grup, sort=True)
            .agg(
                bulan=("bulan", lambda b: sorted({int(x) for x in b})),
                baris=("bulan", "size"),
                sintetis=("sintetis", "any"),
            )
            .rename(columns=lambda c: f"{c}_{akhiran}")
            .reset_index()
        )

    hasil = (
        data[grup]
        .drop_duplicates()
        .merge(ringkas(lama, "lama"), on=grup, how="left")
        .merge(ringkas(sesudah, "baru"), on=grup, how="left")
        .sort_values(grup, ignore_index=True)
    )
    hasil["baris_lama"] = hasil["baris_lama"].fillna(0).astype("int64")
    hasil["bulan_lama"] = [b if isinstance(b, list) else [] for b in hasil["bulan_lama"]]
    hasil["sintetis_lama"] = hasil["sintetis_lama"].fillna(False).astype(bool)
    periode = pd.MultiIndex.from_frame(data[["tahun", "bulan", "kode_wilayah"]].drop_duplicates())
    tersentuh = sesudah[pd.MultiIndex.from_frame(sesudah[["tahun", "bulan", "kode_wilayah"]]).isin(periode)]
    return dihapus, hasil, pelanggaran_bagian(tersentuh, katalog)


def alasan_tolak(
    dampak_impor: pd.DataFrame, langgar: Sequence[Pelanggaran], katalog: KatalogPerlindungan
) -> tuple[str, str] | None:
    """Why an import must be refused once the stored rows are counted in, as (Indonesian, English), or None.

    ``dampak_impor`` and ``langgar`` are :func:`dampak`'s. The file's own rows were checked with
    their cells; this catches what only the stored rows reveal: a part in the file above a total
    already stored (or the other way round), and a whole-year figure beside monthly ones for the
    same region × year × table. At most five of each are named, then how many more.
    """
    campur = (
        dampak_impor[[0 in b and any(b) for b in dampak_impor["bulan_baru"]]] if len(dampak_impor) else dampak_impor
    )
    if not langgar and campur.empty:
        return None
    teks: dict[str, list[str]] = {"id": [], "en": []}
    for b in ("id", "en"):
        teks[b] += [Masalah("pe.bagian_lebih", "", isian=isian_pelanggaran(p, katalog)).uraian(b) for p in langgar[:5]]
        teks[b] += [
            t("pe_pratinjau_campur", b, kode=r["kode_wilayah"], tahun=r["tahun"], tabel=r["tabel"])
            for r in campur.head(5).to_dict("records")
        ]
    lagi = max(len(langgar) - 5, 0) + max(len(campur) - 5, 0)
    return (
        t("pe_pratinjau_tolak", "id", rincian="; ".join(teks["id"]), lagi=f"; dan {lagi} lagi" if lagi else ""),
        t("pe_pratinjau_tolak", "en", rincian="; ".join(teks["en"]), lagi=f"; and {lagi} more" if lagi else ""),
    )


def teks_bulan(bulan: Iterable[int], bahasa: str = "id") -> str:
    """Months for a preview: ``1–3, 5``; ``setahun`` (``whole year``) for 0; ``–`` for none."""
    daftar = sorted(set(bulan))
    if not daftar:
        return "–"
    bagian: list[str] = ["whole year" if bahasa == "en" else "setahun"] if daftar[0] == 0 else []
    angka = [b for b in daftar if b]
    while angka:
        awal = akhir = angka.pop(0)
        while angka and angka[0] == akhir + 1:
            akhir = angka.pop(0)
        bagian.append(str(awal) if awal == akhir else f"{awal}–{akhir}")
    return ", ".join(bagian)


def baris_tulis(tulis: pd.DataFrame, sumber_id: Sequence[str]) -> dict[str, pd.DataFrame]:
    """The rows a commit writes, per table: long preview rows (``nilai`` the count) and their source ids."""
    frame = tulis.assign(_sid=list(sumber_id))
    tujuan = tabel_tujuan(frame["tabel"])
    anak = frame[tujuan == TABEL_DB]
    penduduk = frame[tujuan == TABEL_PENDUDUK]
    return {
        TABEL_DB: pd.DataFrame(
            {
                "tahun": anak["tahun"].astype("int64").to_numpy(),
                "bulan": anak["bulan"].astype("int64").to_numpy(),
                "kode_wilayah": anak["kode_wilayah"].astype(str).to_numpy(),
                "tabel": anak["tabel"].astype(str).to_numpy(),
                "kategori": anak["kategori"].astype(str).to_numpy(),
                "jumlah": anak["nilai"].astype("int64").to_numpy(),
                "sintetis": False,
                "sumber_id": anak["_sid"].astype(str).to_numpy(),
            }
        ),
        TABEL_PENDUDUK: pd.DataFrame(
            {
                "kode_wilayah": penduduk["kode_wilayah"].astype(str).to_numpy(),
                "tahun": penduduk["tahun"].astype("int64").to_numpy(),
                "jumlah": penduduk["nilai"].astype("int64").to_numpy(),
                "sumber_id": penduduk["_sid"].astype(str).to_numpy(),
            }
        ),
    }
