"""Data exports of any table shown: CSV (UTF-8 with BOM) and XLSX with a ``Metadata`` sheet.

Pure functions (DataFrame and metadata in, bytes out); no Streamlit.

CSV choices, for a reader in Indonesia who opens the file in Excel *and* for a machine:

- UTF-8 **with BOM**: Excel reads a BOM-less CSV in the legacy code page and garbles "Kab. Kep.
  Seribu – …" or any non-ASCII letter; with the BOM it reads UTF-8.
- **Comma separator, dot decimals** (the international, RFC 4180 form). An Indonesian Excel expects
  ``;`` and ``,`` decimals, so a double-click may put a row in one column; *Data → From Text/CSV*
  (or the XLSX file) reads it correctly. We keep the machine-readable form because the same file
  feeds pandas, R, QGIS and the import templates, and a locale-dependent CSV is ambiguous
  (``1.234`` is one thousand two hundred thirty-four in Indonesian, one point two in English).
  Readers who want Indonesian number formats get them in the XLSX, where numbers are real numbers
  and Excel shows them in the reader's own locale (1.234,56 on an Indonesian system).

Formula injection: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
could run as a formula in a spreadsheet. In the CSV such text is prefixed with an apostrophe, and so
is such a start right after a ``;`` or ``,`` inside the text (an Indonesian spreadsheet splits a CSV
on ``;``, so ``a;=HYPERLINK(…)`` would become a formula cell); in the XLSX it is stored as a string
with Excel's quote prefix, never as a formula. Numbers (negative ones included) are not text and
stay numbers.

Control characters: text goes through :func:`~indicators.teks_aman.bersihkan_kontrol` before
it is written, so a vertical tab (Word's line break) becomes a line break instead of a file that
cannot be written; a cell longer than Excel's 32,767 characters is cut with an ellipsis.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from indicators.analisis.metodologi import Atribusi
from indicators.format import Bahasa, format_tanggal
from indicators.katalog.model import ARAH_LABEL, STATUS_LABEL, Katalog
from indicators.teks import t
from indicators.teks_aman import bersihkan_kontrol

BOM = "\ufeff"
AWALAN_BERBAHAYA = ("=", "+", "-", "@", "\t", "\r")
"""Text starting with one of these may be read as a formula by a spreadsheet (OWASP CSV injection)."""
_SETELAH_PEMISAH = re.compile(r"([;,] *)(?=[=+\-@\t\r].)", re.DOTALL)
"""A formula start after a list separator (and spaces), where a spreadsheet splitting on it starts a cell.

A lone sign at the very end (``Rp 5.000,-``) is no formula and stays as it is."""
PANJANG_NAMA_MAKS = 150
"""The longest file name stem :func:`nama_berkas` makes (a view naming many regions is cut at a word)."""
PANJANG_SEL_MAKS = 32_767
"""The most characters an Excel cell holds; longer text is cut (Excel would "repair" the file)."""
LABEL_SINTETIS = {"id": "data contoh (sintetis)", "en": "synthetic example data"}
KOLOM_SINTETIS = ("sintetis", "skor_sintetis")
"""Columns that flag a row as synthetic."""
_TANDA_KOLOM_SINTETIS = ("(sintetis)", "(synthetic)")
NAMA_LEMBAR_DATA = "Data"
NAMA_LEMBAR_METADATA = "Metadata"
# Excel's format codes use ',' and '.' as placeholders for the reader's own separators, so these
# show 1.234,56 on an Indonesian system and 1,234.56 on an English one.
FORMAT_PECAHAN = "#,##0.00"
FORMAT_BULAT = "0"
_LEBAR_MAKS = 60
_ISI_KEPALA = PatternFill("solid", fgColor="1F5E3B")

_KOLOM_INDIKATOR: tuple[tuple[str, str], ...] = (
    ("ID", "ID"),
    ("Nama", "Name"),
    ("Klaster", "Group"),
    ("Satuan", "Unit"),
    ("Arah", "Direction"),
    ("Nilai maks (asumsi)", "Max score (assumed)"),
    ("OPD pengampu", "Responsible agencies"),
    ("Konsep (SDI)", "Concept (SDI)"),
    ("Definisi (SDI)", "Definition (SDI)"),
    ("Rumus (SDI)", "Formula (SDI)"),
    ("Interpretasi (SDI)", "Interpretation (SDI)"),
    ("Periode (SDI)", "Period (SDI)"),
    ("Status nama", "Name status"),
    ("Status OPD", "Agencies status"),
    ("Status metadata SDI", "SDI metadata status"),
)
_KOLOM_SUMBER: tuple[tuple[str, str, str], ...] = (
    ("sumber_id", "ID sumber", "Source ID"),
    ("sitasi", "Sitasi", "Citation"),
    ("url", "URL", "URL"),
    ("jenis", "Jenis", "Kind"),
    ("keyakinan", "Keyakinan", "Confidence"),
    ("lisensi", "Lisensi", "Licence"),
    ("sintetis", "Sintetis", "Synthetic"),
)


@dataclass(frozen=True)
class MetaEkspor:
    """What an export says about itself: title, description, sources, licences and date.

    ``indikator`` names catalogue indicators to describe (those in an ``indikator`` column of the
    data are added automatically); ``sumber`` is ``metodologi.muat_sumber``'s table (or a subset);
    ``atribusi_batas`` is set when the table is a map's data; ``sintetis`` forces the synthetic flag
    (``None``: read it from the data's ``sintetis``/``skor_sintetis`` columns).
    """

    judul: str
    deskripsi: str = ""
    bahasa: Bahasa = "id"
    indikator: tuple[str, ...] = ()
    katalog: Katalog | None = None
    sumber: pd.DataFrame | None = None
    atribusi_batas: Atribusi | None = None
    sintetis: bool | None = None
    tanggal: dt.date = field(default_factory=dt.date.today)


# --- file names ---------------------------------------------------------------------------------------


def slug(teks: object) -> str:
    """Return a lower-case ASCII slug: 'Jawa Tengah' → 'jawa-tengah', 'Kota Semarang (33.74)' → 'kota-semarang-33-74'.

    Accents are dropped (NFKD), every run of other characters becomes one hyphen.
    """
    # A dash between years (2017–2025) separates like a hyphen; the ASCII step would drop it.
    teks = re.sub(r"[\u2010-\u2015\u2212]", "-", str(teks))
    dasar = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", dasar.lower()).strip("-")


def nama_berkas(*bagian: object, ekstensi: str) -> str:
    """A file name that says what it is, ``kla_`` then the slugged parts joined by ``_``.

    ``nama_berkas("skor", "Jawa Tengah", 2025, "final", ekstensi="xlsx")`` gives
    ``kla_skor_jawa-tengah_2025_final.xlsx``. Empty parts are skipped.

    Raises:
        ValueError: no part is left after slugging, or the extension is not alphanumeric.
    """
    potong = [s for s in (slug(b) for b in bagian if b is not None) if s]
    if not potong:
        raise ValueError("nama berkas kosong (empty file name)")
    ekstensi = ekstensi.lstrip(".").lower()
    if not re.fullmatch(r"[a-z0-9]+", ekstensi):
        raise ValueError(f"ekstensi '{ekstensi}' tidak sah (invalid extension)")
    batang = "_".join(["kla", *potong])
    if len(batang) > PANJANG_NAMA_MAKS:  # many regions named: cut at a word, a file system takes 255 bytes
        batang = batang[:PANJANG_NAMA_MAKS].rsplit("-", 1)[0].rstrip("-_")
    return batang + "." + ekstensi


# --- neutralising ---------------------------------------------------------------------------------------


def berbahaya(teks: str) -> bool:
    """True when a text would start a formula in a spreadsheet (``=``, ``+``, ``-``, ``@``, tab, CR)."""
    return teks.startswith(AWALAN_BERBAHAYA)


def netralkan_teks(teks: str) -> str:
    """Put an apostrophe before every formula start: at the beginning and after a ``;`` or ``,``.

    ``=SUM(A1)`` → ``'=SUM(A1)``, ``a;=HYPERLINK(…)`` → ``a;'=HYPERLINK(…)``, ``1, -2`` → ``1, '-2``;
    other text is returned unchanged. For the CSV and for tables shown with user text (Streamlit's
    own "Download as CSV" writes what is shown).
    """
    teks = _SETELAH_PEMISAH.sub(r"\1'", teks)
    return "'" + teks if berbahaya(teks) else teks


def _kosong(nilai: Any) -> bool:
    if nilai is None or nilai is pd.NA or nilai is pd.NaT:
        return True
    return isinstance(nilai, float) and math.isnan(nilai)


def _nilai_sel(nilai: Any) -> Any:
    """A Python value for a cell: numbers stay numbers, missing is None, everything else text."""
    if _kosong(nilai):
        return None
    if isinstance(nilai, bool):
        return nilai
    if hasattr(nilai, "item") and not isinstance(nilai, str):  # numpy scalars
        nilai = nilai.item()
    if isinstance(nilai, bool | int | float):
        return nilai
    if isinstance(nilai, pd.Timestamp):
        return nilai.to_pydatetime()
    if isinstance(nilai, dt.date):
        return nilai
    return bersihkan_kontrol(str(nilai))


def kolom_sintetis_baris() -> tuple[str, ...]:
    """Headers of a per-row synthetic flag: the raw keys and the labelled column an export adds."""
    return (*KOLOM_SINTETIS, t("ekspor_sintetis", "id"), t("ekspor_sintetis", "en"))


def ada_sintetis(data: pd.DataFrame, meta: MetaEkspor | None = None) -> bool:
    """True when any row is synthetic or the metadata says so.

    Synthetic rows are flagged by a ``sintetis``/``skor_sintetis`` column (or the labelled per-row
    column "Data sintetis"/"Synthetic data"), or (display tables) by a filled column whose header
    says "(sintetis)"/"(synthetic)".
    """
    if meta is not None and meta.sintetis is not None:
        return meta.sintetis
    if any(bool(data[k].fillna(False).astype(bool).any()) for k in kolom_sintetis_baris() if k in data):
        return True
    # Display tables label synthetic columns in their header ("Total (sintetis)"): a filled one counts.
    return any(
        any(tanda in str(k).lower() for tanda in _TANDA_KOLOM_SINTETIS) and bool(data[k].notna().any())
        for k in data.columns
    )


def _dengan_label_sintetis(data: pd.DataFrame, meta: MetaEkspor) -> pd.DataFrame:
    """Add a "Keterangan"/"Note" column saying so when the table is synthetic but carries no per-row flag."""
    if ada_sintetis(data, meta) and not any(k in data for k in kolom_sintetis_baris()):
        return data.assign(**{t("ekspor_keterangan", meta.bahasa): LABEL_SINTETIS[meta.bahasa]})
    return data


# --- CSV -----------------------------------------------------------------------------------------------


def tulis_csv(data: pd.DataFrame, meta: MetaEkspor) -> bytes:
    """The table as CSV bytes: UTF-8 with BOM, comma separator, dot decimals, formula text neutralised.

    Headers are the table's own column names; missing values are empty fields; booleans are
    ``true``/``false``. A synthetic table without a per-row flag gets a "Keterangan" (note) column.
    """
    data = _dengan_label_sintetis(data, meta)
    buf = io.StringIO()
    penulis = csv.writer(buf, lineterminator="\r\n")
    penulis.writerow([netralkan_teks(bersihkan_kontrol(str(k))) for k in data.columns])
    for baris in data.itertuples(index=False, name=None):
        penulis.writerow([_teks_csv(v) for v in baris])
    return (BOM + buf.getvalue()).encode("utf-8")


def _teks_csv(nilai: Any) -> str:
    nilai = _nilai_sel(nilai)
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, float):
        return repr(nilai) if not nilai.is_integer() else f"{nilai:.1f}"
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, dt.datetime | dt.date):
        return nilai.isoformat()
    return netralkan_teks(nilai)


# --- XLSX ------------------------------------------------------------------------------------------------


def _tulis_teks(ws: Any, baris: int, kolom: int, nilai: Any) -> Any:
    """Write one cell; text is always a string cell (never a formula), with Excel's quote prefix when risky."""
    nilai = _nilai_sel(nilai)
    sel = ws.cell(row=baris, column=kolom)
    if isinstance(nilai, str):
        if len(nilai) > PANJANG_SEL_MAKS:
            nilai = nilai[: PANJANG_SEL_MAKS - 1] + "…"
        sel.value = nilai
        sel.data_type = "s"  # openpyxl would otherwise store '=…' as a formula
        if berbahaya(nilai):
            sel.quotePrefix = True
    else:
        sel.value = nilai
    return sel


def desimal_kolom(seri: pd.Series, maks: int = 4) -> int:
    """The fewest decimals (up to ``maks``) that hold every value of a float column exactly.

    A column read back from a display table holds the decimals shown on screen (80,5 → 1); a raw
    column with float noise (774.6899999999999) fits no count and gets the usual two.
    """
    nilai = [float(v) for v in seri.dropna()]
    for d in range(maks + 1):
        if all(abs(v - round(v, d)) < 1e-9 for v in nilai):
            return d
    return 2


def _format_angka(seri: pd.Series) -> str | None:
    if pd.api.types.is_bool_dtype(seri):
        return None
    if pd.api.types.is_integer_dtype(seri):
        return FORMAT_BULAT
    if pd.api.types.is_float_dtype(seri):
        # a year read back as float (a column with gaps) must not show as 2.025,00
        if any(k in str(seri.name).lower() for k in ("tahun", "year")):
            return FORMAT_BULAT
        # as many decimals as the values carry (the screen's), so 80,5 is not shown as 80,50
        d = desimal_kolom(seri)
        return FORMAT_PECAHAN if d == 2 else FORMAT_BULAT if d == 0 else "#,##0." + "0" * d
    return None


def _lebar(nilai: Iterable[Any]) -> int:
    return min(_LEBAR_MAKS, max((len(str(v)) for v in nilai if not _kosong(v)), default=4) + 2)


def _lembar_data(ws: Any, data: pd.DataFrame) -> None:
    for j, kolom in enumerate(data.columns, start=1):
        sel = _tulis_teks(ws, 1, j, str(kolom))
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = _ISI_KEPALA
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    for i, baris in enumerate(data.itertuples(index=False, name=None), start=2):
        for j, nilai in enumerate(baris, start=1):
            _tulis_teks(ws, i, j, nilai)
    for j, kolom in enumerate(data.columns, start=1):
        huruf = get_column_letter(j)
        ws.column_dimensions[huruf].width = max(_lebar([kolom]), _lebar(data[kolom].tolist()))
        format_ = _format_angka(data[kolom])
        if format_ is not None:
            for i in range(2, len(data) + 2):
                ws.cell(row=i, column=j).number_format = format_
    ws.freeze_panes = "A2"
    if len(data.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(data.columns))}{len(data) + 1}"


def baris_indikator(kode: Sequence[str], katalog: Katalog, bahasa: Bahasa) -> list[list[Any]]:
    """Catalogue metadata of each known indicator in ``kode`` (order kept), one row per indicator."""
    semua = katalog.indikator()
    hasil: list[list[Any]] = []
    i = 0 if bahasa == "id" else 1
    for k in dict.fromkeys(kode):
        ind = semua.get(k)
        if ind is None:
            continue
        skema = katalog.skema[k.split("-")[0]]
        sdi = ind.metadata_sdi
        hasil.append(
            [
                ind.id,
                ind.nama.teks if bahasa == "id" else ind.nama_en,
                skema.kelompok_dari(ind.kelompok).nama if bahasa == "id" else skema.kelompok_dari(ind.kelompok).nama_en,
                ind.satuan,
                ARAH_LABEL[ind.arah][i],
                ind.nilai_maks,
                "; ".join(ind.opd_pengampu.butir),
                sdi.konsep,
                sdi.definisi,
                sdi.rumus_perhitungan,
                sdi.interpretasi,
                sdi.periode,
                STATUS_LABEL[ind.nama.status][i],
                STATUS_LABEL[ind.opd_pengampu.status][i],
                STATUS_LABEL[sdi.status][i],
            ]
        )
    return hasil


def _indikator_dalam(data: pd.DataFrame, meta: MetaEkspor) -> list[str]:
    kode = list(meta.indikator)
    if "indikator" in data:
        kode += [str(k) for k in data["indikator"].dropna().unique()]
    return kode


def baris_metadata(data: pd.DataFrame, meta: MetaEkspor) -> list[list[Any]]:
    """The Metadata sheet as rows: key–value lines, then indicator, source and attribution blocks."""
    b = meta.bahasa
    i = 0 if b == "id" else 1
    sintetis = ada_sintetis(data, meta)
    baris: list[list[Any]] = [
        [t("judul", b), meta.judul],
        [t("deskripsi", b), meta.deskripsi],
        [t("ekspor_sintetis", b), t("sintetis_ya", b) if sintetis else t("sintetis_tidak", b)],
        [t("baris", b), len(data)],
        [t("tanggal", b), format_tanggal(meta.tanggal, b)],
        [t("bahasa", b), t("bahasa_nilai", b)],
        [t("aplikasi", b), t("aplikasi_nilai", b)],
    ]
    if sintetis:
        baris.insert(1, [LABEL_SINTETIS["id"], LABEL_SINTETIS["en"]])
    kode = _indikator_dalam(data, meta)
    if meta.katalog is not None and kode:
        isi = baris_indikator(kode, meta.katalog, b)
        if isi:
            baris += [[], [t("indikator", b)], [k[i] for k in _KOLOM_INDIKATOR], *isi]
    if meta.sumber is not None and len(meta.sumber):
        kolom = [k for k in _KOLOM_SUMBER if k[0] in meta.sumber]
        baris += [[], [t("ekspor_sumber", b)], [k[1 + i] for k in kolom]]
        baris += [[r[k[0]] for k in kolom] for r in meta.sumber.to_dict("records")]
    if meta.atribusi_batas is not None:
        atr = meta.atribusi_batas
        baris += [[], [t("atribusi", b)], [atr.baris], [t("lisensi", b), atr.lisensi], *[[h] for h in atr.hak_cipta]]
    return baris


def _lembar_metadata(ws: Any, baris: list[list[Any]]) -> None:
    tebal = {t(k, b) for k in ("indikator", "sumber", "atribusi") for b in ("id", "en")}
    kepala_berikut = False
    blok_awal = True  # the key–value lines before the first blank row: keys in bold
    for r, isi in enumerate(baris, start=1):
        blok_awal = blok_awal and bool(isi)
        for c, nilai in enumerate(isi, start=1):
            sel = _tulis_teks(ws, r, c, nilai)
            sel.alignment = Alignment(wrap_text=True, vertical="top")
            if c == 1 and blok_awal:
                sel.font = Font(bold=True)
            if kepala_berikut:
                sel.font = Font(bold=True, color="FFFFFF")
                sel.fill = _ISI_KEPALA
        kepala_berikut = len(isi) == 1 and isi[0] in tebal
        if kepala_berikut:
            ws.cell(row=r, column=1).font = Font(bold=True, size=12)
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 60
    for huruf in "CDEFGHIJKLMNO":
        ws.column_dimensions[huruf].width = 24


def tulis_xlsx(data: pd.DataFrame, meta: MetaEkspor) -> bytes:
    """The table as XLSX bytes: a styled ``Data`` sheet and a ``Metadata`` sheet (see ``baris_metadata``)."""
    data = _dengan_label_sintetis(data, meta)
    wb = Workbook()
    ws = wb.active
    ws.title = NAMA_LEMBAR_DATA
    _lembar_data(ws, data)
    _lembar_metadata(wb.create_sheet(NAMA_LEMBAR_METADATA), baris_metadata(data, meta))
    wb.properties.title = bersihkan_kontrol(meta.judul)[:250]
    wb.properties.creator = "Dasbor KLA"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def sumber_terpakai(
    sumber: pd.DataFrame, sitasi_atau_url: Iterable[object], jenis_selalu: Iterable[str]
) -> pd.DataFrame:
    """The sources a table cites, in the database's order.

    Those whose id, citation or URL appears in ``sitasi_atau_url`` (a cell citing several URLs
    separated by `` ; `` cites each) or that a database table named there cites (``dipakai_untuk``,
    e.g. ``statistik_indikator`` for a table summarising every statistic), plus every source of a
    kind in ``jenis_selalu`` (e.g. ``sintetis``, ``batas_wilayah``).
    """
    rujukan = {str(s) for s in sitasi_atau_url if not _kosong(s)}
    rujukan |= {bagian.strip() for s in rujukan for bagian in s.split(" ; ")}
    pilih = sumber["sitasi"].isin(rujukan) | sumber["url"].isin(rujukan) | sumber["jenis"].isin(set(jenis_selalu))
    if "sumber_id" in sumber:
        pilih |= sumber["sumber_id"].isin(rujukan)
    if "dipakai_untuk" in sumber:
        pilih |= sumber["dipakai_untuk"].fillna("").map(lambda d: bool(rujukan.intersection(str(d).split(","))))
    return sumber[pilih].reset_index(drop=True)


_POLA_ANGKA = {
    "id": re.compile(r"^[-−]?\d{1,3}(\.\d{3})*(,\d+)?$"),
    "en": re.compile(r"^[-−]?\d{1,3}(,\d{3})*(\.\d+)?$"),
}
_KOSONG_TAMPIL = {"", "–", "-", "—"}


def angka_dari_tampilan(data: pd.DataFrame, bahasa: Bahasa, *, lewati: Iterable[str] = ()) -> pd.DataFrame:
    """Turn the locale-formatted number columns of a *display* table back into numbers for export.

    A text column becomes numeric only when every non-empty cell has exactly the shape
    ``indicators.format.format_angka`` writes in that language (``1.234,5`` / ``1,234.5``; ``–`` is
    empty). Columns in ``lewati`` (codes such as ``33.01``, which read as a number in English) and
    any column with other text stay as they are. A column shown without decimals (counts) becomes
    whole numbers, so it is written as ``12``, not ``12.0``.
    """
    pola = _POLA_ANGKA[bahasa]
    ribuan, desimal = (".", ",") if bahasa == "id" else (",", ".")
    hasil = data.copy()
    lewati_ = set(lewati)
    for kolom in data.columns:
        if kolom in lewati_ or not (
            pd.api.types.is_object_dtype(data[kolom]) or pd.api.types.is_string_dtype(data[kolom])
        ):
            continue
        teks = [None if _kosong(v) else str(v).strip() for v in data[kolom]]
        isi = [v for v in teks if v is not None and v not in _KOSONG_TAMPIL]
        if not isi or not all(pola.match(v) for v in isi):
            continue
        hasil[kolom] = [
            None
            if v is None or v in _KOSONG_TAMPIL
            else float(v.replace("−", "-").replace(ribuan, "").replace(desimal, "."))
            for v in teks
        ]
        bulat = not any(desimal in v for v in isi)
        hasil[kolom] = hasil[kolom].astype("Int64" if bulat else "float64")
    return hasil
