"""Small display tables drawn as HTML (ui.gaya.html_tabel): escaped, named, numbers aligned, long ones scroll."""

import re

import pandas as pd

from tests.halaman_util import BacaTabel
from ui import gaya


def _baca(html: str) -> tuple[list[str], list[list[str]]]:
    baca = BacaTabel()
    baca.feed(html)
    [(kepala, isi)] = baca.tabel
    return kepala, [b for b in isi if b]


def test_isi_dan_kepala_seperti_ditampilkan_dan_di_escape():
    data = pd.DataFrame({"Nama": ["<script>x</script>", "Kota & Kab"], "Total (sintetis)": ["771,09", "–"]})
    html = gaya.html_tabel(data, "Wilayah <tetangga>", "id")
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert '<caption class="kla-sr">Wilayah &lt;tetangga&gt;</caption>' in html
    kepala, isi = _baca(html)
    assert kepala == ["Nama", "Total (sintetis)"]
    assert isi == [["<script>x</script>", "771,09"], ["Kota & Kab", "–"]]
    assert html.count('<th scope="col"') == 2


def test_kolom_angka_rata_kanan_teks_dan_kosong_tidak():
    data = pd.DataFrame(
        {
            "Indikator": ["01 Perda KLA", "02 Terlembaga KLA"],  # starts with digits, but is text
            "Skor": ["1.234,50", "−3,25"],
            "Persen": ["45,2 %", "–"],
            "Kosong": ["–", "–"],
            "Tahun": ["2019", "2025"],
        }
    )
    html = gaya.html_tabel(data, "x", "id")
    kepala = re.findall(r'<th scope="col"( class="kla-angka")?>([^<]+)</th>', html)
    assert {nama: bool(kelas) for kelas, nama in kepala} == {
        "Indikator": False,
        "Skor": True,
        "Persen": True,
        "Kosong": False,  # nothing known: no number to align
        "Tahun": True,
    }
    baris = html.split("<tbody>")[1].split("</tr>")[0]
    ya = ' class="kla-angka"'
    assert re.findall(r"<td( class=\"kla-angka\")?>", baris) == ["", ya, ya, "", ya]


def test_sel_bukan_teks_dan_celah():
    data = pd.DataFrame({"#": [1, 2], "Nilai": [0.5, float("nan")], "Catatan": [None, "ada"]})
    _, isi = _baca(gaya.html_tabel(data, "x", "en"))
    assert isi == [["1", "0.50", "–"], ["2", "–", "ada"]]  # a rank unformatted, a float through Babel
    _, isi = _baca(gaya.html_tabel(pd.DataFrame({"Tahun": [2019], "Nilai": [1234.5]}), "x", "id"))
    assert isi == [["2019", "1.234,50"]]  # a year never grouped


def test_tabel_panjang_bergulir_dan_setiap_kotak_bisa_difokus():
    # Any box may scroll (sideways on a 390 px phone): axe's scrollable-region-focusable wants a focus.
    pendek = gaya.html_tabel(pd.DataFrame({"Nama": [f"W{i}" for i in range(gaya.BARIS_GULIR)]}), "Naik", "id")
    assert '<div class="kla-tabel" role="region" aria-label="Naik" tabindex="0">' in pendek
    panjang = gaya.html_tabel(pd.DataFrame({"Nama": [f"W{i}" for i in range(gaya.BARIS_GULIR + 1)]}), "Naik", "id")
    assert '<div class="kla-tabel kla-tabel-gulir" role="region" aria-label="Naik" tabindex="0">' in panjang
    assert len(_baca(panjang)[1]) == gaya.BARIS_GULIR + 1  # every row is there, the box scrolls


def test_css_tabel_ada_dan_judul_tersembunyi_tidak_menyembunyikan_tabel():
    css = (gaya._TEMPLAT / "gaya.css").read_text(encoding="utf-8")
    assert ".kla-tabel-gulir" in css
    assert ".kla-sr" in css
    # The element rule hides any container holding .kla-tersembunyi: the caption must not use it.
    html = gaya.html_tabel(pd.DataFrame({"a": ["b"]}), "x", "id")
    assert "kla-tersembunyi" not in html
