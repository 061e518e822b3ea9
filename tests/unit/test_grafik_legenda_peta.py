"""A map's legend entries look like the regions they name.

plotly draws a choropleth's legend entry as a bare square of its fill: no outline (a white entry,
'Data tidak ditemukan', vanished on the legend's white, and a transparent one, a highlighted
region, too) and no opacity (an inferred predikat, drawn paler, showed at full strength). White
and transparent entries get an outlined stand-in (``bingkai.dengan_contoh_legenda``); inferred
predikat are paler in their colour itself. tests/e2e/test_e2e_peta.py reads the swatch in Chromium.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators.analisis.ringkasan import TIDAK_DITEMUKAN
from indicators.grafik import bingkai, perlindungan, predikat, tata

GEOJSON = {"type": "FeatureCollection", "features": []}


def _peta() -> go.Figure:
    data = pd.DataFrame(
        {
            "kode_wilayah": ["33.01", "33.02", "33.03", "33.04"],
            "kat": ["Nindya", "Madya", "Madya", TIDAK_DITEMUKAN],
            "disimpulkan": [False, False, True, None],
        }
    )
    return predikat.peta_kategori(
        data,
        GEOJSON,
        kolom_kategori="kat",
        urutan=["Nindya", "Madya", TIDAK_DITEMUKAN],
        label_kategori={"Nindya": "Nindya", "Madya": "Madya", TIDAK_DITEMUKAN: "Data tidak ditemukan"},
        hover=["a", "b", "c", "d"],
        disimpulkan=("disimpulkan", "disimpulkan"),
    )


def _legenda(fig: go.Figure) -> dict[str, go.Choropleth | go.Scattergeo]:
    return {tr.name: tr for tr in fig.data if tr.showlegend is not False}


def test_entri_putih_berkotak_bergaris_seperti_wilayahnya():
    fig = _peta()
    legenda = _legenda(fig)
    assert list(legenda) == ["Nindya (1)", "Madya (1)", "Madya, disimpulkan (1)", "Data tidak ditemukan (1)"]
    putih = legenda["Data tidak ditemukan (1)"]
    wilayah = next(tr for tr in fig.data if tr.type == "choropleth" and tr.name == putih.name)
    # right after its regions (the legend keeps the map's order), in their group, with their look
    assert fig.data[list(fig.data).index(wilayah) + 1] is putih
    assert putih.type == "scattergeo"
    assert wilayah.showlegend is False
    assert putih.legendgroup == wilayah.legendgroup
    assert wilayah.legendgroup
    assert (putih.lon, putih.lat) == ((None,), (None,))  # nothing drawn on the map
    assert putih.hoverinfo == "skip"
    assert putih.marker.color == wilayah.colorscale[0][1] == "#ffffff"
    assert putih.marker.line.color == wilayah.marker.line.color == "#4d4d4d"
    assert putih.marker.line.width == wilayah.marker.line.width
    assert fig.layout.legend.tracegroupgap == 0  # no gap around the group


def test_entri_berwarna_tetap_milik_wilayahnya_dan_disimpulkan_lebih_pucat():
    legenda = _legenda(_peta())
    for nama in ("Nindya (1)", "Madya (1)", "Madya, disimpulkan (1)"):
        assert legenda[nama].type == "choropleth"  # a coloured swatch shows as it is: no stand-in
    madya, pucat = legenda["Madya (1)"], legenda["Madya, disimpulkan (1)"]
    assert madya.colorscale[0][1] == "#a1d99b"
    # paler in the colour itself (the swatch ignores opacity): Madya at 45 % over white,
    # 255 - (255 - c) * 0.45 for a1 d9 9b (161 217 155) = 212.7 237.9 210.0 → d5 ee d2
    assert pucat.colorscale[0][1] == tata.campur_putih("#a1d99b", 0.45) == "#d5eed2"
    assert pucat.marker.opacity is None
    assert pucat.marker.line.color == tata.campur_putih("#4d4d4d", 0.45)
    assert pucat.marker.line.width == 1.6  # and a heavier outline


def test_jejak_berskala_warna_tidak_diganti():
    skala = go.Choropleth(locations=["33.01", "33.02"], z=[1.0, 2.0], colorscale="Greens", showlegend=False)
    bernama = go.Choropleth(locations=["33.01"], z=[1.0], colorscale="Greens", name="nilai", showlegend=True)
    assert bingkai.dengan_contoh_legenda([skala, bernama]) == [skala, bernama]
    assert bernama.showlegend is True  # a real colour scale: its own entry stays


def test_sorot_wilayah_garis_merah_di_legenda():
    fig = predikat.sorot_wilayah(_peta(), "33.02", "Wilayah ini")
    sorot, contoh = fig.data[-2:]
    assert (sorot.type, sorot.showlegend) == ("choropleth", False)
    assert (contoh.type, contoh.name) == ("scattergeo", "Wilayah ini")
    assert contoh.marker.color == "rgba(0,0,0,0)"
    assert contoh.marker.line.color == "#d7301f"
    assert contoh.marker.line.width == 2.0  # 3.5 on the map, capped in a 12 px swatch


def test_sorot_wilayah_berisi_warna_memakai_entri_legendanya_sendiri():
    # the pack fills the highlighted region (a thin line is lost on paper): a visible swatch as it is
    fig = predikat.sorot_wilayah(_peta(), "33.02", "Wilayah ini", isi="#762a83", garis=("#000000", 2.5))
    sorot = fig.data[-1]
    assert (sorot.type, sorot.showlegend, sorot.name) == ("choropleth", True, "Wilayah ini")
    assert sorot.colorscale[0][1] == "#762a83"
    assert (sorot.marker.line.color, sorot.marker.line.width) == ("#000000", 2.5)


def test_peta_perlindungan_tidak_diketahui_berkotak():
    data = pd.DataFrame(
        {
            "kode_wilayah": ["33.01", "33.02", "33.03", "33.04"],
            "nama": ["A", "B", "C", "D"],
            "nilai": [4.0, float("nan"), float("nan"), float("nan")],
            "teks": ["4,00", "1–5", "–", "–"],
            "status": ["terbuka", "primer", "kosong", "terbuka"],  # D: shown, yet no value
        }
    )
    fig = perlindungan.peta_perlindungan(data, GEOJSON, "id", label_nilai="x", judul_skala="x")
    legenda = _legenda(fig)
    assert [tr.type for tr in legenda.values()] == ["choropleth", "choropleth", "scattergeo"]
    (putih,) = [tr for tr in legenda.values() if tr.type == "scattergeo"]
    assert putih.marker.color == "#ffffff"
    assert putih.marker.line.color
