"""User text shown as text: escaped for Streamlit's Markdown, neutralised in tables a spreadsheet may open.

Two ways user text (file names, notes, OPD names, user names, source titles and URLs from imported
data) could act instead of being read:

- **Markdown.** ``st.markdown``, ``st.caption``, the alert boxes, ``st.toast``, ``st.write`` and
  widget labels render Markdown, plus Streamlit's own directives (``:red[…]``,
  ``:material/icon:``) and ``$…$`` maths. A file name ``![x](http://host/x.png)`` in a rollback
  prompt made every reader's browser fetch that image. :func:`md` escapes every character with a
  meaning there, so the text shows exactly as written. Use it on the *value*, never on a whole
  catalogue text (its own ``**bold**`` must still work).
- **Spreadsheet formulas.** ``st.dataframe`` has its own "Download as CSV" (and copy), which writes
  the cells as shown; a note ``=HYPERLINK(…)`` or ``a;=cmd`` became a live formula in LibreOffice.
  :func:`netral` shows such cells with the same apostrophe the CSV export puts there
  (:func:`indicators.ekspor.tabel.netralkan_teks`), so what is copied or downloaded is text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from indicators.ekspor.tabel import netralkan_teks

_SELALU = re.compile(r"([\\`*\[\]<>|~$:&@])")
"""Characters escaped wherever they are: ``[ ]`` (links, images, footnotes, directive labels), ``:``
(Streamlit's ``:red[…]`` and ``:material/…:``, ``http://`` autolinks), ``< > &`` (HTML, entities,
``<…>`` autolinks), ``$`` (maths), ``*``, ``~`` and the backtick (emphasis, strikethrough, code),
``|`` (tables), ``@`` (e-mail autolinks) and the backslash itself."""
_GARIS_BAWAH = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
"""An underscore that can open or close emphasis; one between letters (``skor_baik``) cannot."""
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?<=@)")
"""Where GFM would start a bare link: ``www.``, ``http://`` (the colon is escaped already, which GFM
ignores here) and ``name@host``. An invisible word joiner goes there, which no link pattern crosses."""
_PENGHUBUNG = "\u2060"
_MATERIAL = re.compile(r"(?i)(?<=:material)/")
"""Streamlit rewrites ``:material/`` in the source before parsing, escaped colon or not; with the slash
escaped it no longer matches, and the text shows as written."""
_AWAL_BLOK = re.compile(r"^(\s*)(?:([#+\-])(?=[#\s]|$)|(\d+)([.)])(?=\s|$))")
"""A heading, quote or list marker at the very start of the text."""
_BARIS = re.compile(r"\r\n?|\n")


def md(teks: object) -> str:
    r"""``teks`` escaped for a Markdown surface, so it shows literally: no link, image, HTML, directive or maths.

    ``![x](http://e/x.png)`` → ``!\[x\](http\://e/x.png)``, shown as written; ``<img>``, ``:red[x]``,
    ``:material/home:`` and ``$x$`` likewise; a bare ``http://…``, ``www.…`` or e-mail address gets an
    invisible word joiner so it is not turned into a link. Only what could act is escaped, so
    ordinary names (``skor_baik.xlsx``, ``Perwal 12/2024``) keep their source form. Line breaks
    become spaces: a value sits inside a sentence, and a new line could start a block. ``None`` is
    the empty string.
    """
    if teks is None:
        return ""
    hasil = _SELALU.sub(r"\\\1", _BARIS.sub(" ", str(teks)))
    hasil = _MATERIAL.sub(r"\\/", _AUTOLINK.sub(_PENGHUBUNG, _GARIS_BAWAH.sub(r"\\_", hasil)))
    return _AWAL_BLOK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\{m[4]}", hasil, count=1)


def netral(nilai: Iterable[Any]) -> list[Any]:
    """Cells of a user-text column with every formula start neutralised (other values unchanged).

    For the columns of an ``st.dataframe`` that hold user text; numbers, dates and missing values
    pass through, so sorting and column types stay as they were.
    """
    return [netralkan_teks(v) if isinstance(v, str) else v for v in nilai]


def netral_tabel(data: pd.DataFrame, kolom: Iterable[str]) -> pd.DataFrame:
    """A copy of ``data`` with the text cells of ``kolom`` neutralised (see :func:`netral`)."""
    hasil = data.copy()
    for k in kolom:
        if k in hasil:
            hasil[k] = pd.Series(netral(hasil[k]), index=hasil.index, dtype=hasil[k].dtype)
    return hasil
