"""The column-wise fast path of the import check: each distinct text is checked once.

A CSV of 100 000 statistic rows repeats a handful of years, a few hundred regions and a few dozen
statistics; only the values differ from row to row, and those are parsed as a column. The fast
path accepts a file only when it finds nothing wrong. At the first doubt it returns None and the
row-by-row check runs instead, so every problem is still reported (with its row, column and cell)
by one implementation, and the per-text checks here are that same implementation's methods.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, Protocol, TypeVar

import numpy as np
import pandas as pd

from indicators.impor.baca import AngkaError, Sel, TabelMentah, urai_angka, urai_angka_teks
from indicators.impor.masalah import Masalah

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


class PemeriksaBaris(Protocol):
    """What the column check uses of the row checker (``impor.periksa``): its per-text methods.

    A protocol, not an import: the row checker calls this module, so naming its class here would
    make the two modules import each other.
    """

    tabel: TabelMentah
    masalah: list[Masalah]

    @property
    def jenis(self) -> str:
        """The kind of file being checked (skor, statistik, predikat)."""

    def tahun(self, nomor: int, sel: Sel) -> int | None:
        """The year in a cell, or None with the problem recorded."""

    def wilayah(self, nomor: int, sel: Sel) -> str | None:
        """The region code a cell names, or None with the problem recorded."""

    def predikat(self, nomor: int, sel: Sel) -> str | None:
        """The predikat in a cell, or None with the problem recorded."""

    def indikator_skor(self, nomor: int, sel: Sel, tahun: int | None) -> str | None:
        """The indicator of a score row for its year's scheme, or None with the problem recorded."""

    def statistik(self, nomor: int, sel: Sel) -> str | None:
        """The statistic code in a cell, or None with the problem recorded."""

    def tahap(self, nomor: int, sel: Sel) -> str | None:
        """The stage in a cell, or None with the problem recorded."""

    def satuan(self, nomor: int, sel: Sel, statistik: str | None) -> str | None:
        """The unit in a cell, checked against its statistic, or None with the problem recorded."""

    def rentang_nilai(self, kode: str) -> tuple[float, bool]:
        """The highest value allowed for an indicator or statistic, and whether it is a percentage."""

    def teks_opsional(self, sel: Sel | None) -> str | None:
        """An optional text cell, cleaned."""


Kunci = str | tuple[type, object]
"""A cell value as a dict key: a text as is, any other value with its type (``True``, ``1`` and
``1.0`` are equal keys in Python but not the same cell)."""


def _kunci(v: object) -> Kunci:
    return v if type(v) is str else (type(v), v)


def _nilai(k: Kunci) -> Any:
    return k if type(k) is str else k[1]


def _kosong(v: object) -> bool:
    """An empty cell, as the row check sees it (``teks_sel`` is None; str.strip removes no-break spaces)."""
    return v is None or (type(v) is str and not v.strip())


def _isi_tabel(tabel: TabelMentah) -> list[tuple[int, list[Any]]] | None:
    """The rows' values: a CSV's texts, or an XLSX's cell values when no cell is formatted as percent.

    A percent-formatted cell carries more than its value, so such a workbook is checked row by row.
    """
    return None if tabel.persen else tabel.isi_nilai


class _Ragu(Exception):
    """Something in the file needs the row-by-row check (a problem, or a case not handled here)."""


def _sekali(kolom: list[K], fungsi: Callable[[K], T]) -> list[T]:
    """Apply ``fungsi`` to each distinct value of a column once and map the results onto the rows."""
    hasil = {nilai: fungsi(nilai) for nilai in dict.fromkeys(kolom)}
    return [hasil[v] for v in kolom]


def _per_nilai(kolom: list[K], periksa: Callable[[K], T | None]) -> list[T]:
    """Check each distinct value of a column once; any problem (None) means the row check."""

    def wajib(nilai: K) -> T:
        keluaran = periksa(nilai)
        if keluaran is None:
            raise _Ragu
        return keluaran

    return _sekali(kolom, wajib)


def _angka(kolom: list[Kunci]) -> tuple[np.ndarray, np.ndarray]:
    """Parse a value column (each distinct value once): the numbers and which had a ``%`` sign."""

    def urai(kunci: Kunci) -> tuple[float, bool]:
        try:
            return urai_angka_teks(kunci) if type(kunci) is str else urai_angka(Sel(_nilai(kunci)))
        except AngkaError:
            raise _Ragu from None

    pasangan = _sekali(kolom, urai)
    return np.fromiter((a for a, _ in pasangan), float, len(pasangan)), np.fromiter(
        (p for _, p in pasangan), bool, len(pasangan)
    )


def _cek_nilai(pemeriksa: PemeriksaBaris, kode: list[str], angka: np.ndarray, persen: np.ndarray) -> None:
    """Range and percent-sign checks of the values against their indicator or statistic."""
    rentang = {k: pemeriksa.rentang_nilai(k) for k in dict.fromkeys(kode)}
    atas = np.fromiter((rentang[k][0] for k in kode), float, len(kode))
    boleh_persen = np.fromiter((rentang[k][1] for k in kode), bool, len(kode))
    if not (np.isfinite(angka).all() and (angka >= 0).all() and (angka <= atas).all()):
        raise _Ragu
    if (persen & ~boleh_persen).any():
        raise _Ragu


def _kolom_jenis(pemeriksa: PemeriksaBaris, sel: Callable[[str], list[Kunci]]) -> dict[str, Sequence[object]]:
    """The checked key and value columns of the file's kind (raises _Ragu on any problem)."""
    tahun = _per_nilai(sel("tahun"), lambda t: pemeriksa.tahun(0, Sel(_nilai(t))))
    hasil: dict[str, Sequence[object]] = {
        "tahun": tahun,
        "kode_wilayah": _per_nilai(sel("kode_wilayah"), lambda t: pemeriksa.wilayah(0, Sel(_nilai(t)))),
    }
    if pemeriksa.jenis == "predikat":
        hasil["predikat"] = _per_nilai(sel("predikat"), lambda t: pemeriksa.predikat(0, Sel(_nilai(t))))
        return hasil
    if pemeriksa.jenis == "skor":
        pasangan = list(zip(sel("indikator"), tahun, strict=True))
        kode = _per_nilai(pasangan, lambda p: pemeriksa.indikator_skor(0, Sel(_nilai(p[0])), p[1]))
        hasil["indikator"] = kode
        hasil["tahap"] = _per_nilai(sel("tahap"), lambda t: pemeriksa.tahap(0, Sel(_nilai(t))))
    else:
        kode = _per_nilai(sel("indikator"), lambda t: pemeriksa.statistik(0, Sel(_nilai(t))))
        hasil["statistik"] = kode
        satuan = list(zip(sel("satuan"), kode, strict=True))
        hasil["satuan"] = _per_nilai(satuan, lambda p: pemeriksa.satuan(0, Sel(_nilai(p[0])), p[1]))
    angka, persen = _angka(sel("nilai"))
    _cek_nilai(pemeriksa, kode, angka, persen)
    hasil["nilai"] = angka.tolist()
    return hasil


def periksa_kolom(
    pemeriksa: PemeriksaBaris, posisi: dict[str, int], kolom_nilai: str, kolom: list[str]
) -> tuple[pd.DataFrame, list[int]] | None:
    """Check a CSV column by column; return (valid rows, skipped row numbers), or None.

    ``posisi`` maps canonical column names to positions; rows whose ``kolom_nilai`` is empty are
    skipped, as in the row check; ``kolom`` is the output column order
    (:func:`indicators.impor_periksa.kolom_data`). The result equals the row-by-row check's
    result for a file with no problem; None means "check row by row", and nothing was recorded.
    """
    teks = _isi_tabel(pemeriksa.tabel)
    if teks is None:
        return None
    j_nilai = posisi[kolom_nilai]
    dilewati = [nomor for nomor, isi in teks if _kosong(isi[j_nilai])]
    baris = [(nomor, isi) for nomor, isi in teks if not _kosong(isi[j_nilai])] if dilewati else teks
    if not baris:
        return None  # nothing to check; the row path reports it (and types the empty frame)

    def sel(nama: str) -> list[Kunci]:
        j = posisi.get(nama)
        return [_kunci(isi[j]) for _, isi in baris] if j is not None else [""] * len(baris)

    jumlah_masalah = len(pemeriksa.masalah)
    try:
        hasil = _kolom_jenis(pemeriksa, sel)
        for nama in ("sumber", "catatan"):
            isi = sel(nama)  # an absent column reads as empty cells
            hasil[nama] = _sekali(isi, lambda t: pemeriksa.teks_opsional(Sel(_nilai(t))))
    except _Ragu:
        del pemeriksa.masalah[jumlah_masalah:]  # the row check will record them, with their cells
        return None
    hasil["baris"] = [nomor for nomor, _ in baris]
    return pd.DataFrame(hasil, columns=kolom), dilewati
