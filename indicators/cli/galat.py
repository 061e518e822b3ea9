"""What every ``kla`` subcommand does with an error: exit codes and the one-line system error."""

from __future__ import annotations

import sys

import duckdb

from indicators.teks_aman import tampak_kontrol

KODE_GALAT_MASUKAN = 2  # the user's input or file is wrong: nothing was changed
KODE_GALAT_SISTEM = 1  # the database, a file or the machine failed


def cetak_galat_sistem(exc: Exception, tetap: str, tetap_en: str) -> int:
    """Print a database or file error, or any unexpected one, as one line; return the exit code.

    ``tetap``/``tetap_en`` name what stayed unchanged (``database``/``the database``). No
    traceback ever reaches the user, and no control character: an error may quote a file name or
    a value from a file, which must not reach the terminal as an escape sequence.
    """
    pesan = tampak_kontrol(str(exc))
    if isinstance(exc, duckdb.Error | OSError):
        print(f"Galat (error): {type(exc).__name__}: {pesan}", file=sys.stderr)
    else:
        print(
            f"Galat tak terduga (unexpected error): {type(exc).__name__}: {pesan}; {tetap} tidak berubah "
            f"({tetap_en} is unchanged). Laporkan ke admin (report to the admin).",
            file=sys.stderr,
        )
    return KODE_GALAT_SISTEM
