"""Control characters: found (import), removed (exports), escaped (terminal)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, strategies as st
from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.teks_aman import ada_kontrol, bersihkan_kontrol, daftar_kontrol, tampak_kontrol


@pytest.mark.parametrize("teks", ["BA\x0bverifikasi", "\x1b[31mmerah", "a\x00b", "hapus\x7f", "csi\x9b2J", "\x0c"])
def test_ada_kontrol(teks: str):
    assert ada_kontrol(teks)


@pytest.mark.parametrize("teks", ["", "biasa", "tab\tdan\nbaris\r\n", "Señora – 12,5 %", "\u202e terbalik"])
def test_tanpa_kontrol(teks: str):
    # Tab, LF and CR are ordinary in a note; a bidi override is not a control (it is escaped on
    # a terminal, see below, but it is no reason to refuse a cell).
    assert not ada_kontrol(teks)


def test_daftar_kontrol_terurut_dan_unik():
    assert daftar_kontrol("a\x0bb\x1b[31m\x0b\t") == ["\\x0b", "\\x1b"]


def test_bersihkan_kontrol():
    # Word's line break (vertical tab) and a form feed were meant as new lines.
    assert bersihkan_kontrol("baris satu\x0bbaris dua\x0cbaris tiga") == "baris satu\nbaris dua\nbaris tiga"
    assert bersihkan_kontrol("\x1b[31mmerah\x00\x7f\x85") == "[31mmerah"
    assert bersihkan_kontrol("tab\tdan\r\nbaris") == "tab\tdan\r\nbaris"
    assert bersihkan_kontrol("tak\ud800ganti\ufffe\uffff") == "takganti"  # XML cannot hold these
    teks = "tidak berubah: Señora, 12,5 %"
    assert bersihkan_kontrol(teks) is teks


def test_tampak_kontrol():
    assert tampak_kontrol("12\x1b[31m") == "12\\x1b[31m"
    assert tampak_kontrol("a\tb\nc\rd") == "a\\tb\\nc\\rd"
    assert tampak_kontrol("x\u202ey\x9b") == "x\\u202ey\\x9b"
    assert tampak_kontrol("C:\\data\\berkas.csv é") == "C:\\data\\berkas.csv é"


@given(st.text())
def test_bersihkan_selalu_layak_xlsx(teks: str):
    bersih = bersihkan_kontrol(teks)
    assert not ada_kontrol(bersih)
    assert bersihkan_kontrol(bersih) == bersih
    Workbook().active["A1"] = bersih  # openpyxl raises IllegalCharacterError for what XLSX cannot hold


@given(st.text())
def test_tampak_tanpa_karakter_kontrol(teks: str):
    tampak = tampak_kontrol(teks)
    assert not any(unicodedata.category(c) == "Cc" for c in tampak)
    assert "\u202e" not in tampak
    assert tampak_kontrol(tampak) == tampak
