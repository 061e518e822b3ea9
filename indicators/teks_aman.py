r"""Control characters in text: found at import, removed at export, shown escaped on a terminal.

One invisible character can break a whole surface: a vertical tab (Word's line break, pasted into
a cell) makes an XLSX export fail, since XML 1.0 cannot hold it, and an escape sequence
(``ESC [31m``) printed raw recolours or rewrites the administrator's terminal. Three pure
functions, used by the import (refuse), the exports (clean) and the command line (escape):

- :func:`ada_kontrol`: does the text hold a control character other than tab, LF and CR?
- :func:`bersihkan_kontrol`: the text with those removed (vertical tab and form feed become a
  newline, as the author meant a line break), and without what XLSX cannot hold.
- :func:`tampak_kontrol`: the text with every control character written as an escape
  (``\x1b``, ``\n``), for messages that quote a value from a file.

"Control character" means C0 (U+0000–U+001F) except tab, LF and CR, plus DEL (U+007F) and C1
(U+0080–U+009F): invisible, never meaningful in a value, and C1 holds a second escape introducer
(U+009B) that some terminals obey.
"""

from __future__ import annotations

import re

_KONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What bersihkan_kontrol removes besides the controls: code points XML 1.0 (so XLSX) cannot hold.
_TAK_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_GANTI_BARIS = {"\x0b": "\n", "\x0c": "\n"}
# Escaped on a terminal: every control (tab and newline too: a value must stay on its line) and
# the bidirectional overrides and isolates that reorder what is shown (a value can hide text).
_TAMPAK = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def ada_kontrol(teks: str) -> bool:
    """Whether ``teks`` holds a control character other than tab, LF and CR (C0, DEL or C1)."""
    return _KONTROL.search(teks) is not None


def daftar_kontrol(teks: str) -> list[str]:
    r"""The distinct control characters of ``teks`` (as :func:`ada_kontrol` counts them), escaped.

    In order of first appearance: ``"a\x0bb\x1b"`` → ``["\\x0b", "\\x1b"]``.
    """
    return list(dict.fromkeys(tampak_kontrol(c) for c in _KONTROL.findall(teks)))


def bersihkan_kontrol(teks: str) -> str:
    """Return ``teks`` fit for every export: no control character and nothing XML cannot hold.

    Vertical tab and form feed become a newline; the other C0 controls (except tab, LF and CR),
    DEL, C1, lone surrogates and U+FFFE/U+FFFF are dropped. Text without them is returned as is.
    """
    if _TAK_XML.search(teks) is None:
        return teks
    return _TAK_XML.sub(lambda m: _GANTI_BARIS.get(m.group(), ""), teks)


def _escape(cocok: re.Match[str]) -> str:
    # repr escapes exactly what is not printable: \x1b, \n, \x9b, \u202e
    return repr(cocok.group())[1:-1]


def tampak_kontrol(teks: str) -> str:
    r"""Return ``teks`` with every control character escaped, for a one-line message or a terminal.

    ``"12\x1b[31m"`` → ``"12\\x1b[31m"``; tab, LF and CR become ``\t``, ``\n``, ``\r``, and the
    bidirectional overrides (U+202A–U+202E, U+2066–U+2069 …) ``\u202e``. Text without them is
    returned as is; applying it twice changes nothing more.
    """
    if _TAMPAK.search(teks) is None:
        return teks
    return _TAMPAK.sub(_escape, teks)
