"""The Perlindungan Anak figure builders on hand-made frames: a hidden cell is never a number.

The frames imitate what the disclosure-controlled read functions hand the surfaces (``nilai``
NaN where hidden, ``teks`` the published text, ``status``). Some tests pass a frame whose hidden
cell still carries its exact count in ``nilai``, as a careless caller might: the builders must
not draw it or print it either.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from indicators.grafik import perlindungan as gp

RAHASIA = 3.0  # an exact small count that must never reach a figure
GEOJSON = {"type": "FeatureCollection", "features": []}


def _sumbu_tersembunyi(fig: go.Figure) -> set[str]:
    """The y axes that overlay another one: the hidden 0–1 axes of the hatched bands."""
    hasil = set()
    for nama in fig.layout:
        if nama.startswith("yaxis") and fig.layout[nama].overlaying:
            hasil.add("y" + nama.removeprefix("yaxis"))
    return hasil


def _angka_tampil(fig: go.Figure) -> list[float]:
    """Every y value drawn against a visible axis."""
    tersembunyi = _sumbu_tersembunyi(fig)
    return [float(v) for tr in fig.data if tr.yaxis not in tersembunyi for v in (tr.y or ())]


def _pita(fig: go.Figure) -> list[go.Bar]:
    """The hatched bands (bars on a hidden axis)."""
    tersembunyi = _sumbu_tersembunyi(fig)
    return [tr for tr in fig.data if tr.yaxis in tersembunyi]


def _polos(teks: str) -> str:
    """An annotation as read: line breaks as spaces, no bold."""
    return teks.replace("<br>", " ").replace("<b>", "").replace("</b>", "")


def _hover(fig: go.Figure) -> list[str]:
    return [h for tr in fig.data for h in (tr.hovertext or ())]


def _tren() -> pd.DataFrame:
    """2024, Jan–Dec: a suppressed March (its exact 3 left in ``nilai`` on purpose), unreported
    July and August, a reported zero in May."""
    nilai = [12, 9, RAHASIA, 7, 0, 14, None, None, 8, 10, 6, 11]
    teks = ["12", "9", "1–5", "7", "0", "14", "–", "–", "8", "10", "6", "11"]
    status = ["terbuka"] * 12
    status[2], status[6], status[7] = "primer", "kosong", "kosong"
    return pd.DataFrame(
        {"tahun": 2024, "bulan": range(1, 13), "nilai": [math.nan if v is None else v for v in nilai], "teks": teks,
         "status": status}
    )  # fmt: skip


def test_golongan_says_how_a_cell_is_drawn():
    assert gp.golongan("terbuka", 4.0) == "angka"
    assert gp.golongan("terbuka", 0.0) == "angka"
    assert gp.golongan("primer", 3.0) == "tersamar"
    assert gp.golongan("sekunder", math.nan) == "tersamar"
    assert gp.golongan("kosong", math.nan) == "kosong"
    # a shown cell without a value (a rate without denominator) is unknown, not zero
    assert gp.golongan("terbuka", math.nan) == "tidak_diketahui"


def test_tren_never_draws_a_suppressed_count_and_shows_unreported_months_as_bands():
    fig = gp.tren_wilayah(_tren(), "id", label_nilai="Korban anak")
    angka = _angka_tampil(fig)
    assert RAHASIA not in angka
    assert sorted(angka) == sorted([12, 9, 7, 0, 14, 8, 10, 6, 11])
    pita = {tr.name: tr for tr in _pita(fig)}
    assert set(pita) == {"disamarkan (1–5 atau x)", "tidak dilaporkan"}
    assert list(pita["tidak dilaporkan"].x) == ["Jul 2024", "Agu 2024"]
    assert list(pita["tidak dilaporkan"].y) == [1.0, 1.0]  # the full height: never read as zero
    assert list(pita["disamarkan (1–5 atau x)"].x) == ["Mar 2024"]
    assert list(pita["disamarkan (1–5 atau x)"].text) == ["1–5"]
    for nama in _sumbu_tersembunyi(fig):
        sumbu = fig.layout["yaxis" + nama.removeprefix("y")]
        assert sumbu.visible is False
        assert tuple(sumbu.range) == (0, 1)
    # a reported zero is a bar of 0 with its label; an unreported month is no bar on the value axis
    nol = next(tr for tr in fig.data if tr.yaxis not in _sumbu_tersembunyi(fig))
    assert "Mei 2024" in list(nol.x)
    assert list(nol.text)[list(nol.x).index("Mei 2024")] == "0"
    assert "Jul 2024" not in list(nol.x)


def test_tren_hover_holds_published_text_only():
    hover = _hover(gp.tren_wilayah(_tren(), "id", label_nilai="Korban anak"))
    maret = [h for h in hover if "Mar 2024" in h]
    assert maret == ["<b>Mar 2024</b><br>Korban anak: 1–5 (disamarkan)"]
    assert not any(": 3" in h for h in hover)
    assert "<b>Jul 2024</b><br>Korban anak: – (tidak dilaporkan)" in hover


def test_tren_writes_the_completeness_of_each_year():
    dua = pd.concat([_tren(), _tren().assign(tahun=2025, status="terbuka", nilai=1.0, teks="1")])
    fig = gp.tren_wilayah(dua, "id", label_nilai="Korban anak")
    # Short over the chart (the full sentence ran into the next year's on a phone), full in the hover.
    catatan = [(_polos(a.text), a.hovertext) for a in fig.layout.annotations]
    assert ("2024 10/12", "10 dari 12 bulan dilaporkan") in catatan
    assert ("2025 12/12", "12 dari 12 bulan dilaporkan") in catatan
    en = gp.tren_wilayah(_tren(), "en", label_nilai="Child victims")
    assert [(_polos(a.text), a.hovertext) for a in en.layout.annotations] == [
        ("2024 10/12", "10 of 12 months reported")
    ]
    assert {tr.name for tr in _pita(en)} == {"suppressed (1–5 or x)", "not reported"}
    assert "May 2024" in list(en.data[0].x)
    assert en.layout.separators == ".,"


def test_kelengkapan_counts_reported_months_and_leaves_whole_years_out():
    data = pd.concat([_tren(), pd.DataFrame({"tahun": [2023], "bulan": [0], "status": ["terbuka"]})])
    hasil = gp.kelengkapan(data)
    assert hasil.to_dict("records") == [{"tahun": 2024, "dilaporkan": 10, "bulan": 12}]


def _bentuk() -> pd.DataFrame:
    baris = []
    for tahun in (2023, 2024):
        baris.append(("fisik", tahun, 40.0 + tahun % 10, str(40 + tahun % 10), "terbuka"))
        baris.append(("tppo", tahun, RAHASIA, "1–5", "primer"))  # exact count left in on purpose
        baris.append(("lainnya", tahun, math.nan, "x", "sekunder"))
    baris.append(("seksual", 2024, math.nan, "–", "kosong"))
    return pd.DataFrame(baris, columns=["bentuk", "tahun", "nilai", "teks", "status"])


LABEL_BENTUK = {"fisik": "Fisik", "psikis": "Psikis", "seksual": "Seksual", "tppo": "TPPO", "lainnya": "Lainnya"}


def test_kecil_bentuk_one_panel_per_form_with_data_in_catalogue_order():
    fig = gp.kecil_bentuk(_bentuk(), LABEL_BENTUK, "id", label_nilai="kasus")
    judul = [a.text for a in fig.layout.annotations]
    assert judul == ["Fisik", "Seksual", "TPPO", "Lainnya"]  # psikis has no rows: no empty panel
    angka = _angka_tampil(fig)
    assert RAHASIA not in angka
    assert sorted(angka) == [43.0, 44.0]
    pita = _pita(fig)
    assert sorted(str(v) for tr in pita for v in tr.text) == ["1–5", "1–5", "x", "x", "–"]
    # each hidden kind appears once in the legend, however many panels hold it
    assert sorted(tr.name for tr in pita if tr.showlegend) == ["disamarkan (1–5 atau x)", "tidak dilaporkan"]
    assert not any(": 3" in h for h in _hover(fig))


def _panel() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ukuran": ["tepat", "tepat", "ulang", "ulang", "tutup", "tutup", "terbuka", "terbuka"],
            "label": ["Tepat waktu (%)"] * 2 + ["Dilaporkan ulang (%)"] * 2 + ["Ditutup (%)"] * 2
            + ["Kasus terbuka"] * 2,
            "persen": [True] * 6 + [False] * 2,
            "nama": ["Kota Pekalongan", "Jawa Tengah"] * 4,
            "provinsi": [False, True] * 4,
            "nilai": [87.5, 90.1, math.nan, 4.2, 60.0, 71.3, RAHASIA, 350.0],
            "teks": ["87,5", "90,1", "x", "4,2", "60,0", "71,3", "1–5", "350"],
            "status": ["terbuka", "terbuka", "sekunder", "terbuka", "terbuka", "terbuka", "primer", "terbuka"],
        }
    )  # fmt: skip


@pytest.mark.parametrize(("kolom", "celah"), [(2, 0.12), (4, 0.08)])
def test_kecil_bentuk_leaves_room_for_the_next_panels_tick_labels(kolom, celah):
    # 0.06 of a phone's ~350 px plot let a panel's y labels touch the bars of the panel to its left
    fig = gp.kecil_bentuk(_bentuk(), LABEL_BENTUK, "id", label_nilai="kasus", kolom=kolom)
    kiri, kanan = fig.layout.xaxis.domain, fig.layout.xaxis2.domain
    assert kanan[0] - kiri[1] == pytest.approx(celah)


def test_panel_standar_region_beside_province_and_hidden_cells_as_bands():
    fig = gp.panel_standar(_panel(), "id")
    assert [a.text for a in fig.layout.annotations] == [
        "Tepat waktu (%)", "Dilaporkan ulang (%)", "Ditutup (%)", "Kasus terbuka",
    ]  # fmt: skip
    angka = _angka_tampil(fig)
    assert RAHASIA not in angka
    assert sorted(angka) == sorted([87.5, 90.1, 4.2, 60.0, 71.3, 350.0])
    # percentage panels share a 0–100 scale; the caseload panel has its own
    assert tuple(fig.layout.yaxis.range) == (0, 110)
    pertama = next(tr for tr in fig.data if tr.yaxis == "y")
    assert list(pertama.marker.color) == [gp._BIRU, gp._ABU]  # the province in grey beside the region
    assert sorted(str(v) for tr in _pita(fig) for v in tr.text) == ["1–5", "x"]


def _peta() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kode_wilayah": ["33.01", "33.02", "33.03", "33.04", "33.05"],
            "nama": ["Cilacap", "Banyumas", "Purbalingga", "Banjarnegara", "Kebumen"],
            "nilai": [4.25, 3.1, RAHASIA, math.nan, math.nan],
            "teks": ["4,25", "3,10", "1–5", "–", "x"],
            "status": ["terbuka", "terbuka", "primer", "kosong", "sekunder"],
            "keterangan": ["12 dari 12 bulan dilaporkan", "", "", "0 dari 12 bulan dilaporkan", ""],
        }
    )


def test_peta_hidden_regions_are_constant_layers_and_hover_is_published_text():
    fig = gp.peta_perlindungan(_peta(), GEOJSON, "id", label_nilai="Korban per 10.000 anak", judul_skala="per 10.000")
    peta = [tr for tr in fig.data if tr.type == "choropleth"]
    lapisan = {tr.name: tr for tr in peta if tr.showscale is False}
    assert set(lapisan) == {"disamarkan (1–5 atau x) (2)", "tidak dilaporkan (1)"}
    for tr in lapisan.values():
        assert set(tr.z) == {0}  # a constant, never the hidden value
    tersamar = lapisan["disamarkan (1–5 atau x) (2)"]
    assert list(tersamar.locations) == ["33.03", "33.05"]
    skala = next(tr for tr in peta if tr.showscale is not False)
    assert list(skala.locations) == ["33.01", "33.02"]
    assert list(skala.z) == [4.25, 3.1]
    assert skala.colorbar.title.text == "per 10.000"
    hover = _hover(fig)
    assert "<b>Cilacap</b><br>Korban per 10.000 anak: 4,25<br>12 dari 12 bulan dilaporkan" in hover
    assert RAHASIA not in [float(v) for tr in peta for v in tr.z]
    assert [h for h in hover if "Purbalingga" in h] == [
        "<b>Purbalingga</b><br>Korban per 10.000 anak: 1–5 (disamarkan)"
    ]


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_peta_with_every_region_hidden_draws_no_colour_scale(bahasa):
    data = _peta().assign(status="primer", nilai=math.nan, teks="1–5")
    fig = gp.peta_perlindungan(data, GEOJSON, bahasa, label_nilai="x", judul_skala="x")
    (peta,) = [tr for tr in fig.data if tr.type == "choropleth"]
    assert peta.showscale is False
    assert set(peta.z) == {0}


def test_a_hidden_count_never_scales_an_axis():
    # every shown month is 0; the suppressed one still carries 3 in ``nilai`` (a careless caller)
    data = _tren().assign(nilai=lambda d: d["nilai"].where(d["status"] != "terbuka", 0.0), teks="0")
    data.loc[2, "teks"] = "1–5"
    fig = gp.tren_wilayah(data, "id", label_nilai="Korban anak")
    assert tuple(fig.layout.yaxis.range) == (0, 1.15)
    assert list(fig.layout.yaxis.tickvals) == [0, 1]  # whole numbers only: counts have no fractions


def test_tren_of_whole_years_takes_its_completeness_from_outside():
    tahunan = pd.DataFrame(
        {"tahun": [2024, 2025], "bulan": [0, 0], "nilai": [1116.0, 561.0], "teks": ["1.116", "561"],
         "status": ["terbuka", "terbuka"]}
    )  # fmt: skip
    lengkap = pd.DataFrame({"tahun": [2024, 2025], "dilaporkan": [12, 6], "bulan": [12, 12]})
    fig = gp.tren_wilayah(tahunan, "id", label_nilai="Kasus", lengkap=lengkap)
    assert [(_polos(a.text), a.hovertext) for a in fig.layout.annotations] == [
        ("2024 12/12", "12 dari 12 bulan dilaporkan"),
        ("2025 6/12", "6 dari 12 bulan dilaporkan"),
    ]
    assert list(fig.data[0].x) == ["2024", "2025"]
    assert gp.tren_wilayah(tahunan, "id", label_nilai="Kasus").layout.annotations == ()
