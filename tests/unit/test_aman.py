"""ui/aman.py and the formula neutraliser: user text is shown as text, in Markdown and in tables."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from indicators.ekspor import tabel as et
from ui import aman

WJ = "\u2060"  # the invisible word joiner md() puts where GFM would start a bare link


@pytest.mark.parametrize(
    ("teks", "aman_"),
    [
        (
            "![x](http://127.0.0.1:9/x.png) [klik](http://evil)",
            rf"!\[x\](http\:{WJ}//127.0.0.1\:9/x.png) \[klik\](http\:{WJ}//evil)",
        ),
        (":red[merah] :blue-background[b]", r"\:red\[merah\] \:blue-background\[b\]"),
        (":material/home: :smile:", r"\:material\/home\: \:smile\:"),
        ("$x$ dan $$y$$", r"\$x\$ dan \$\$y\$\$"),
        ('<img src="x" onerror=alert(1)> &amp;', r'\<img src="x" onerror=alert(1)\> \&amp;'),
        ("*tebal* _miring_ ~~coret~~ `kode` a|b", r"\*tebal\* \_miring\_ \~\~coret\~\~ \`kode\` a\|b"),
        ("# Judul\n- butir\r\n1. satu", r"\# Judul - butir 1. satu"),
        ("- daftar", r"\- daftar"),
        ("## dua", r"\## dua"),
        ("-x #y 3.5", "-x #y 3.5"),
        ("12) nomor", r"12\) nomor"),
        ("> kutipan", r"\> kutipan"),
        ("www.contoh.id ana@dinas.id", f"www{WJ}.contoh.id ana\\@{WJ}dinas.id"),
        ("sudah\\[escape\\]", r"sudah\\\[escape\\\]"),
        # ordinary names keep their form
        ("skor_baik.xlsx", "skor_baik.xlsx"),
        ("Perwal 12/2024 (revisi)", "Perwal 12/2024 (revisi)"),
        ("Dinas P3AP2KB, Kab. Batang", "Dinas P3AP2KB, Kab. Batang"),
        (None, ""),
        (33.5, "33.5"),
    ],
)
def test_md(teks: object, aman_: str):
    assert aman.md(teks) == aman_


def test_md_tanpa_sintaks_aktif():
    # Whatever the input, no unescaped bracket, colon, dollar or angle bracket is left.
    for teks in ["![a](b)", "[a]: http://x", ":red[x]", "$$", "<b>", "a\\", "\\:red[x]"]:
        hasil = aman.md(teks)
        assert not re.search(r"(?<!\\)(?:\\\\)*[\[\]:$<>]", hasil), (teks, hasil)


@pytest.mark.parametrize(
    ("teks", "netral"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+62 811", "'+62 811"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        # after the list separators an Indonesian spreadsheet splits on
        ('a;=HYPERLINK("http://evil","klik")', 'a;\'=HYPERLINK("http://evil","klik")'),
        ("1,=cmd|' /C calc'!A0", "1,'=cmd|' /C calc'!A0"),
        ("x; +1", "x; '+1"),
        ("a,-2;@b", "a,'-2;'@b"),
        ("=a;=b", "'=a;'=b"),
        # ordinary text stays as it is
        ("a=b", "a=b"),
        ("Rp 5.000,-", "Rp 5.000,-"),
        ("1,5; 2,5", "1,5; 2,5"),
        ("Kabupaten Cilacap", "Kabupaten Cilacap"),
    ],
)
def test_netralkan_teks_dengan_pemisah(teks: str, netral: str):
    assert et.netralkan_teks(teks) == netral


def test_netral_tabel_hanya_kolom_teks_yang_diminta():
    data = pd.DataFrame(
        {"catatan": ["=1+1", "a;=2", None, "aman"], "nilai": [-1.0, 2.0, 3.0, 4.0], "kode": ["-x", "a", "b", "c"]}
    )
    hasil = aman.netral_tabel(data, ["catatan", "tidak_ada"])
    assert hasil["catatan"].fillna("<kosong>").tolist() == ["'=1+1", "a;'=2", "<kosong>", "aman"]
    assert hasil["nilai"].tolist() == [-1.0, 2.0, 3.0, 4.0]
    assert hasil["kode"].tolist() == ["-x", "a", "b", "c"]  # columns not named are left alone
    assert data["catatan"].iloc[0] == "=1+1"  # a copy
    assert aman.netral(["@a", 5, None]) == ["'@a", 5, None]
