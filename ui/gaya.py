"""Page-wide style and ARIA wiring (issue 16 item 15), injected once per run by app.py.

Colours live in the theme (.streamlit/config.toml); what the theme cannot express is here: the
hidden accessible names of charts take no room, a visible focus ring, and one small constant
script that points each chart's container at its name (``role="figure"``, ``aria-labelledby``).
No text from data ever reaches the script: names are rendered by a Jinja2 template with
autoescape, as hidden paragraphs the script only refers to by id. Small display tables are HTML
tables and rows of figure cards come from templates too (:func:`html_tabel`, :func:`html_kartu`),
styled by the same sheet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

import jinja2
import pandas as pd
import streamlit as st

from indicators.format import Bahasa, format_angka

_TEMPLAT = Path(__file__).parent / "templat"


@cache
def _lingkungan() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLAT), autoescape=True, undefined=jinja2.StrictUndefined
    )


@cache
def _isi(nama: str) -> str:
    return (_TEMPLAT / nama).read_text(encoding="utf-8")


def pasang() -> None:
    """Inject the style sheet and the ARIA script (call once per run, before the page)."""
    st.html(f"<style>{_isi('gaya.css')}</style>")  # style only: no room taken in the page
    st.html(f'<div class="kla-tersembunyi"></div><script>{_isi("aria.js")}</script>', unsafe_allow_javascript=True)


def id_nama_grafik(key: str) -> str:
    """The element id of a chart's accessible name, from the chart's widget key."""
    return "kla-grafik-" + re.sub(r"[^a-z0-9_-]", "-", key.lower())


def nama_grafik(key: str, nama: str) -> None:
    """The accessible name of the chart drawn just before (hidden; the script links it)."""
    st.html(_lingkungan().get_template("nama_grafik.html.j2").render(id=id_nama_grafik(key), nama=nama))


# A column whose every shown cell is a number as written in either language (1.234,5 / 1,234.5 /
# −3 / 45,2 %) is right-aligned; "–" marks a gap and does not decide.
_ANGKA = re.compile(r"^[-−+]?\d[\d.,\u00a0 ]*\s?%?$")
# Past this many rows a table scrolls inside its own box (26 rem): an indicator table (24 or 31 rows)
# shows whole, a national list of regions does not run down the page.
BARIS_GULIR = 32


def _sel(nilai: object, bahasa: Bahasa) -> str:
    if nilai is None or (isinstance(nilai, float) and nilai != nilai) or nilai is pd.NA:
        return "–"
    if isinstance(nilai, int):  # a year or a rank: never grouped (display tables format counts themselves)
        return str(nilai)
    if isinstance(nilai, float):  # display tables carry text; a stray number still goes through Babel
        return format_angka(nilai, 2, bahasa)
    return str(nilai)


def _kolom_angka(sel: list[str]) -> bool:
    ada = [x for x in sel if x != "–"]
    return bool(ada) and all(_ANGKA.match(x) for x in ada)


def html_tabel(data: pd.DataFrame, judul: str, bahasa: Bahasa) -> str:
    """A small display table as an HTML table (escaped by the template), named ``judul`` for screen readers.

    Why not ``st.dataframe``: a grid is a canvas that cuts long text and prints only its visible
    part, and Profil's three grids cost the browser about 57 ms of main-thread time per change
    (Chromium JS profile, 2 cores; 13 ms of the wait in A/B: benchmarks/RIWAYAT.md, "Latensi" (p)).
    """
    isi = [[_sel(x, bahasa) for x in baris] for baris in data.itertuples(index=False, name=None)]
    kolom = [{"nama": str(nama), "angka": _kolom_angka([b[i] for b in isi])} for i, nama in enumerate(data.columns)]
    return (
        _lingkungan()
        .get_template("tabel_ringkas.html.j2")
        .render(judul=judul, kolom=kolom, isi=isi, gulir=len(isi) > BARIS_GULIR)
    )


@dataclass(frozen=True)
class Kartu:
    """One figure card: its label and shown value, and where drawn its change and a note.

    ``delta`` is the change since a previous cycle as text, ``arah`` its direction (None draws no
    arrow), ``keterangan`` a note under the value (what a short value stands for).
    """

    label: str
    nilai: str
    delta: str | None = None
    arah: Literal["naik", "turun"] | None = None
    keterangan: str | None = None


def arah_selisih(selisih: object) -> Literal["naik", "turun"] | None:
    """The arrow for a change: none where it is missing or zero."""
    if selisih is None or pd.isna(selisih):  # type: ignore[call-overload]
        return None
    nilai = float(str(selisih))
    return "naik" if nilai > 0 else "turun" if nilai < 0 else None


def html_berdampingan(
    bagian: Sequence[tuple[str, pd.DataFrame, str]], bahasa: Bahasa, catatan: str | None = None
) -> str:
    """Small tables side by side (one under the other on a phone), as one element for the browser.

    Each part is its bold heading, its rows and its table name (:func:`html_tabel`): one element,
    not a column, a heading and a table each. ``catatan`` is a note above the tables, drawn like a
    caption (what the tables cover), in the same element.
    """
    tabel = [(judul, html_tabel(data, nama, bahasa)) for judul, data, nama in bagian]
    return _lingkungan().get_template("berdampingan.html.j2").render(bagian=tabel, catatan=catatan)


KELAS_KARTU = 'class="kla-kartu"'
"""Marks an HTML text that holds figure cards (the load test reads only those)."""


def html_kartu(kartu: Sequence[Kartu]) -> str:
    """A row of figure cards as one HTML description list (escaped by the template).

    Why not ``st.metric`` in ``st.columns``: every card was three elements (a column, its block and
    the metric) that the browser redraws on every rerun; Ringkasan's cards cost the national cycle
    change about 20 ms in Chromium (benchmarks/RIWAYAT.md, "Latensi" (u)).
    """
    return _lingkungan().get_template("kartu.html.j2").render(kartu=kartu)


class _BacaKartu(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.kartu: dict[str, dict[str, str]] = {}
        self._label = ""
        self._bagian: str | None = None
        self._hiasan = False  # inside the arrow, which is decoration
        self._teks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kelas = dict(attrs).get("class") or ""
        if tag in ("dt", "dd") and kelas.startswith("kla-kartu-"):
            self._bagian, self._teks = kelas.removeprefix("kla-kartu-"), []
        self._hiasan = self._hiasan or tag == "span"

    def handle_data(self, data: str) -> None:
        if self._bagian is not None and not self._hiasan:
            self._teks.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._hiasan = False
        if tag not in ("dt", "dd") or self._bagian is None:
            return
        teks = "".join(self._teks).strip()
        if self._bagian == "label":
            self._label = teks
            self.kartu[teks] = {}
        else:
            self.kartu[self._label][self._bagian] = teks
        self._bagian = None


def baca_kartu(html: str) -> dict[str, dict[str, str]]:
    """The cards in an HTML text from :func:`html_kartu`: label → its shown parts.

    The parts are ``nilai``, and ``delta`` and ``ket`` where drawn; the arrow is left out. For the
    tests and the load test, which read what a user sees.
    """
    baca = _BacaKartu()
    baca.feed(html)
    return baca.kartu
