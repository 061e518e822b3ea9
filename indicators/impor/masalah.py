r"""Problems found in an import file: structured records rendered as one line, Indonesian first.

Every problem names the file, the sheet (XLSX), the row as the user sees it in Excel (the header
is row 1), the column, the bad value and what was expected. The text comes from one table of
templates in the text catalogue (``masalah_<kode>``, ``harapan_<kode>`` in indicators/teks/masalah.yaml).

A value taken from a file (a cell, a column or sheet name, a file name) is shown with its control
characters escaped (``\x1b``, ``\x0b``): a hostile file cannot reach a terminal's escape codes,
and an invisible character becomes visible where it is reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from indicators.teks import t
from indicators.teks_aman import tampak_kontrol

Bahasa = Literal["id", "en"]


PERINGATAN = frozenset({"nilai_kosong_dilewati", "kolom_diabaikan", "pe.dilewati"})
_TINGKAT_EN = {"kabupaten/kota": "regency/city", "wilayah": "region"}


@dataclass(frozen=True)
class Masalah:
    """One problem in an import file.

    ``baris`` is the spreadsheet row (header = 1) and ``sel`` the cell address (e.g. ``E5``) when
    known; ``kode`` selects the wording in the text catalogue and ``isian`` fills it.
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
        return tampak_kontrol(teks.format(**isian))

    def _kunci(self, bagian: str) -> str:
        """The catalogue key of the wording: ``masalah_<kode>``, or ``<area>_masalah_<rest>`` for ``<area>.<rest>``.

        An area's own problems (``pe.tabel_tak_dikenal``) keep their texts in that area's file
        under its key prefix (``pe_masalah_tabel_tak_dikenal``).
        """
        area, titik, inti = self.kode.partition(".")
        return f"{area}_{bagian}_{inti}" if titik else f"{bagian}_{self.kode}"

    def uraian(self, bahasa: Bahasa = "id") -> str:
        """Return what is wrong, in the chosen language."""
        return self._isi(t(self._kunci("masalah"), bahasa))

    def harapan(self, bahasa: Bahasa = "id") -> str:
        """Return what was expected instead, in the chosen language."""
        return self._isi(t(self._kunci("harapan"), bahasa))

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
        return tampak_kontrol(", ".join(bagian))

    def teks(self, bahasa: Bahasa = "id") -> str:
        """Return the problem as one line: where, the value, what is wrong and what is expected.

        A warning (kode in ``PERINGATAN``) reads "where: what (note)" instead.
        """
        en = bahasa == "en"
        if self.kode in PERINGATAN:
            return f"{self.lokasi(bahasa)}: {self.uraian(bahasa)} ({self.harapan(bahasa)})"
        nilai = f"{'value' if en else 'nilai'} '{tampak_kontrol(self.nilai)}' – " if self.nilai is not None else ""
        harapan = "expected" if en else "harapan"
        return f"{self.lokasi(bahasa)}: {nilai}{self.uraian(bahasa)}; {harapan}: {self.harapan(bahasa)}"

    def sebagai_dict(self, bahasa: Bahasa = "id") -> dict[str, object]:
        """Return the record as a flat dict (for a table in the dashboard or a CSV report)."""

        def tampak(teks: str | None) -> str | None:
            """The value as shown: control characters escaped."""
            return None if teks is None else tampak_kontrol(teks)

        return {
            "berkas": tampak(self.berkas),
            "sheet": tampak(self.sheet),
            "baris": self.baris,
            "kolom": tampak(self.kolom),
            "sel": self.sel,
            "nilai": tampak(self.nilai),
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
