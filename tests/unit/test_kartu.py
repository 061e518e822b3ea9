"""Figure cards and side-by-side tables drawn as HTML (ui.gaya.html_kartu, html_berdampingan):
escaped, read back as shown, arrows only where something changed."""

import math

import pandas as pd
import pytest

from tests.halaman_util import BacaTabel
from ui import gaya


def test_kartu_dibaca_kembali_seperti_ditampilkan():
    html = gaya.html_kartu(
        [
            gaya.Kartu("KLA", "0", "±0 dibanding 2023"),
            gaya.Kartu("Nindya", "13", "+2 dibanding 2023", "naik"),
            gaya.Kartu("Pratama", "5", "-1 dibanding 2023", "turun"),
            gaya.Kartu("Provinsi Layak Anak (Provila)", "Ya", keterangan="Penggerak Provinsi Layak Anak"),
        ]
    )
    assert gaya.KELAS_KARTU in html
    assert gaya.baca_kartu(html) == {
        "KLA": {"nilai": "0", "delta": "±0 dibanding 2023"},
        "Nindya": {"nilai": "13", "delta": "+2 dibanding 2023"},  # the arrow is decoration, not text
        "Pratama": {"nilai": "5", "delta": "-1 dibanding 2023"},
        "Provinsi Layak Anak (Provila)": {"nilai": "Ya", "ket": "Penggerak Provinsi Layak Anak"},
    }
    # One arrow each for the rise and the fall, hidden from screen readers; none for no change.
    assert html.count('<span aria-hidden="true">↑</span>') == 1
    assert html.count('<span aria-hidden="true">↓</span>') == 1
    # A description list: every label a <dt>, every shown part a <dd>.
    assert html.count("<dt ") == 4
    assert html.count("<dd ") == 4 + 3 + 1


def test_kartu_di_escape():
    html = gaya.html_kartu([gaya.Kartu("<b>x</b>", "1 & 2", "<i>y</i>", "naik", "<script>z</script>")])
    assert "<b>" not in html
    assert "<i>" not in html
    assert "<script>" not in html
    assert gaya.baca_kartu(html) == {"<b>x</b>": {"nilai": "1 & 2", "delta": "<i>y</i>", "ket": "<script>z</script>"}}


@pytest.mark.parametrize(
    ("selisih", "arah"),
    [(2, "naik"), (0.1, "naik"), (-1, "turun"), (0, None), (0.0, None), (None, None), (math.nan, None), (pd.NA, None)],
)
def test_arah_selisih(selisih: object, arah: str | None):
    assert gaya.arah_selisih(selisih) == arah


def test_berdampingan_dua_tabel_dengan_judul_dan_di_escape():
    naik = pd.DataFrame({"Nama": ["Kabupaten Banyumas", "<script>x</script>"], "Predikat resmi": ["Madya", "Nindya"]})
    turun = pd.DataFrame({"Nama": ["Kota Surakarta"], "Predikat resmi": ["Nindya"]})
    html = gaya.html_berdampingan((("Naik (2)", naik, "Naik"), ("Turun <1>", turun, "Turun")), "id")
    assert "<script>" not in html
    assert "<strong>Naik (2)</strong>" in html
    assert "<strong>Turun &lt;1&gt;</strong>" in html
    assert html.index("Naik (2)") < html.index("Kabupaten Banyumas") < html.index("Turun &lt;1&gt;")
    baca = BacaTabel()
    baca.feed(html)
    assert [isi[-1] for _, isi in baca.tabel] == [["<script>x</script>", "Nindya"], ["Kota Surakarta", "Nindya"]]
    assert 'aria-label="Naik"' in html
    assert 'aria-label="Turun"' in html
    assert "kla-catatan" not in html  # no note asked for, none drawn


def test_berdampingan_catatan_di_atas_tabel_dan_di_escape():
    naik = pd.DataFrame({"Nama": ["Kabupaten Banyumas"]})
    html = gaya.html_berdampingan((("Naik (1)", naik, "Naik"),), "id", "Hanya <b>35</b> kab/kota")
    assert '<p class="kla-catatan">Hanya &lt;b&gt;35&lt;/b&gt; kab/kota</p>' in html
    assert html.index("kla-catatan") < html.index("Naik (1)") < html.index("Kabupaten Banyumas")
