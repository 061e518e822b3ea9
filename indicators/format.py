"""Numbers and dates in the reader's locale (Indonesian first), through Babel, not by hand."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Literal

from babel.dates import format_date, format_time
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

Bahasa = Literal["id", "en"]
_LOKAL = {"id": "id_ID", "en": "en_GB"}


def format_angka(nilai: float | int | None, desimal: int = 0, bahasa: Bahasa = "id") -> str:
    """Format a number with exactly ``desimal`` decimals: 1.234,5 in Indonesian, 1,234.5 in English."""
    if nilai is None or nilai != nilai:  # NaN is not equal to itself
        return "–"
    return _format_babel(nilai, desimal, bahasa)


# Babel takes ~50 µs a number; a page rerun formats the same few thousand numbers again, so the
# results are kept (bounded) and a warm rerun pays almost nothing.
@lru_cache(maxsize=100_000)
def _format_babel(nilai: float | int, desimal: int, bahasa: Bahasa) -> str:
    pola = "#,##0" + ("." + "0" * desimal if desimal > 0 else "")
    return format_decimal(nilai, format=pola, locale=_LOKAL[bahasa])


def format_tanggal(tanggal: dt.date, bahasa: Bahasa = "id") -> str:
    """Format a date in full: 8 Agustus 2025 in Indonesian, 8 August 2025 in English."""
    return format_date(tanggal, format="d MMMM y", locale=_LOKAL[bahasa])


def format_bulan(tanggal: dt.date, bahasa: Bahasa = "id") -> str:
    """Format a date known only to its month: Juli 2024 in Indonesian, July 2024 in English."""
    return format_date(tanggal, format="LLLL y", locale=_LOKAL[bahasa])


def format_waktu(waktu: dt.datetime, bahasa: Bahasa = "id") -> str:
    """Format a moment to the minute: 4 Desember 2026 10.30 in Indonesian, 4 December 2026 10:30 in English."""
    return f"{format_tanggal(waktu.date(), bahasa)} {format_time(waktu.time(), format='short', locale=_LOKAL[bahasa])}"


def baca_angka(teks: str, bahasa: Bahasa = "id") -> float:
    """Read a number typed in the reader's locale: 50,57 or 1.234,5 in Indonesian, 50.57 in English.

    Strict: a separator in the wrong place (50.57 in Indonesian) is refused rather than guessed,
    because 50.57 could mean 5057 there. Raises ValueError naming the value and the expected form,
    in ``bahasa`` (the reader's language).
    """
    contoh = _format_babel(1234.5, 1, bahasa)
    salah = (
        f"'{teks}' bukan angka yang sah; tulis seperti {contoh} (koma desimal)"
        if bahasa == "id"
        else f"'{teks}' is not a valid number; write it like {contoh} (decimal point)"
    )
    try:
        nilai = parse_decimal(teks.strip(), locale=_LOKAL[bahasa], strict=True)
    except NumberFormatError as exc:
        raise ValueError(salah) from exc
    if not nilai.is_finite():
        raise ValueError(salah)
    return float(nilai)
