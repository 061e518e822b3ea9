"""The comparison chart's colours, line-end labels, dashed segments over years without an evaluation and
titles; the shared responsive layout; the map frame that leaves far-off islands to an inset (#16 items
6, 7, 8, 14)."""

from __future__ import annotations

import itertools
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from indicators.analisis import perbandingan
from indicators.grafik import bingkai, perbandingan as gp, predikat, tata

TAHUN = list(range(2017, 2026))
SIKLUS = [(2017, "KLA31"), *((th, "KLA24") for th in (2018, 2019, 2021, 2022, 2023, 2025))]
NAMA = {
    "33.75": "Kota Pekalongan",
    "33.26": "Kabupaten Pekalongan",
    "33.25": "Kabupaten Batang",
    "33": "Rata-rata Jawa Tengah",
}


def _tabel(kode: list[str], nilai: dict[str, dict[int, float]]) -> pd.DataFrame:
    baris = [
        {"tahun": th, "kode_wilayah": k, "nilai": v, "skema": "KLA24", "komparabilitas": "sama",
         "indikator_sumber": "", "sintetis": True}
        for k in kode
        for th, v in nilai[k].items()
    ]  # fmt: skip
    return perbandingan.isi_celah(pd.DataFrame(baris), TAHUN, kode)


def _tren(kode: list[str], nilai: dict[str, dict[int, float]], rata: str | None = None) -> go.Figure:
    tabel = _tabel(kode, nilai)
    sumbu = perbandingan.sumbu_waktu(SIKLUS)
    hover = gp.teks_hover(tabel, NAMA, 2, "poin", "id")
    return gp.grafik_tren(
        tabel, NAMA, kode[0], sumbu, "id", judul="Total skor, tahap Final, 2017–2025", subjudul="", sumbu_y="poin",
        hover=hover, rata=rata,
    )  # fmt: skip


NILAI = {
    "33.75": {2017: 580.0, 2019: 640.0, 2021: 660.0, 2023: 770.0, 2025: 771.0},
    "33.26": {2017: 690.0, 2019: 650.0, 2021: 690.0, 2023: 610.0, 2025: 626.0},
    "33.25": {2017: 530.0, 2019: 512.0, 2021: 518.0, 2022: 690.0, 2025: 660.0},
    "33": {2017: 600.0, 2019: 620.0, 2021: 640.0, 2023: 680.0, 2025: 690.0},
}


def _garis(fig: go.Figure) -> dict[str, go.Scatter]:
    return {tr.name: tr for tr in fig.data if not (tr.meta or {}).get("celah") and tr.y != (None,)}


def _celah(fig: go.Figure) -> dict[str, go.Scatter]:
    return {tr.meta["kode_wilayah"]: tr for tr in fig.data if (tr.meta or {}).get("celah")}


def test_setiap_wilayah_warna_sendiri_dan_yang_disematkan_paling_tebal():
    fig = _tren(["33.75", "33.26", "33.25"], NILAI)
    garis = _garis(fig)
    warna = [garis[n].line.color for n in ("Kota Pekalongan", "Kabupaten Pekalongan", "Kabupaten Batang")]
    assert len(set(warna)) == 3
    assert warna[0] == tata.WARNA_SEMAT
    assert set(warna[1:]) <= set(tata.PALET)
    assert fig.data[-1].name == "Kota Pekalongan"  # drawn last, on top
    tebal = garis["Kota Pekalongan"].line.width
    assert all(garis[n].line.width < tebal for n in ("Kabupaten Pekalongan", "Kabupaten Batang"))


def test_label_di_ujung_garis_berwarna_dan_tidak_bertumpuk():
    fig = _tren(["33.75", "33.26", "33.25"], NILAI)
    label = {a.name: a for a in fig.layout.annotations if (a.name or "").startswith("label_")}
    assert set(label) == {"label_33.75", "label_33.26", "label_33.25"}
    assert label["label_33.75"].text == "<b>Kota<br>Pekalongan</b>"
    assert label["label_33.26"].text == "Kab.<br>Pekalongan"
    for a in label.values():
        assert (a.xref, a.x, a.xanchor) == ("paper", 1, "left")  # in the right margin, after the last year
        assert tata.kontras_putih(a.font.color) >= 4.5
    # At the height of each line's last value, pushed apart where two would overlap (Batang 660 vs 626).
    y = sorted(a.y for a in label.values())
    rentang = fig.layout.yaxis.range
    assert all(b - a > 0.05 * (rentang[1] - rentang[0]) for a, b in itertools.pairwise(y))
    assert abs(label["label_33.75"].y - 771.0) < 1e-6
    assert fig.layout.margin.r >= 14 + gp._PX_HURUF_LABEL * len("Pekalongan")


def test_wilayah_melewati_palet_abu_abu_tanpa_label():
    kode = ["33.75", *(f"33.{i:02d}" for i in range(1, 9))]
    nilai = {k: {2019: 500.0 + i, 2021: 510.0 + i} for i, k in enumerate(kode)}
    tabel = _tabel(kode, nilai)
    sumbu = perbandingan.sumbu_waktu(SIKLUS)
    fig = gp.grafik_tren(tabel, {}, "33.75", sumbu, "id", judul="J", subjudul="", sumbu_y="Y", hover=[""] * len(tabel))
    warna = gp.warna_wilayah(kode, "33.75", None)
    assert [warna[k] for k in kode[1:6]] == list(tata.PALET)
    assert {warna[k] for k in kode[6:]} == {tata.WARNA_LAIN}
    assert "Pembanding lain (3)" in [tr.name for tr in fig.data]
    assert len([a for a in fig.layout.annotations if (a.name or "").startswith("label_")]) == 6


def test_ruas_putus_putus_melintasi_tahun_tanpa_evaluasi_saja():
    # 2023 → 2025 crosses 2024 (no evaluation at all): joined; 2022 → 2025 skips the 2023 cycle: a gap.
    assert gp.ruas_celah([2021, 2022, 2023, 2024, 2025], [1.0, None, 3.0, None, 5.0], [2024]) == [2, 4, None]
    assert gp.ruas_celah([2022, 2023, 2024, 2025], [1.0, None, None, 5.0], [2024]) == []
    fig = _tren(["33.75", "33.25"], NILAI)
    celah = _celah(fig)
    kota = celah["33.75"]
    assert kota.line.dash == "dash"
    assert kota.line.color == tata.WARNA_SEMAT
    assert list(kota.x) == [2019, 2021, None, 2023, 2025, None]
    assert list(kota.y) == [640.0, 660.0, None, 770.0, 771.0, None]
    assert kota.showlegend is False
    assert kota.hoverinfo == "skip"
    # Batang has 2022 but no 2023: 2022 → 2025 is not bridged; 2019 → 2021 is.
    assert list(celah["33.25"].x) == [2019, 2021, None]
    # The main line itself still breaks at every gap.
    assert _garis(fig)["Kota Pekalongan"].connectgaps is False


def test_garis_rata_rata_acuan_putus_putus_dengan_cakupan_di_hover():
    tabel = _tabel(["33.75", "33.26", "33"], NILAI)
    cakupan = {"33": dict.fromkeys(TAHUN, (35, 35))}
    hover = gp.teks_hover(tabel, NAMA, 2, "poin", "id", cakupan=cakupan)
    assert "rata-rata dari 35 dari 35 kab/kota" in next(
        h for h, k in zip(hover, tabel["kode_wilayah"], strict=True) if h and k == "33"
    )
    fig = _tren(["33.75", "33.26", "33"], NILAI, rata="33")
    garis = _garis(fig)
    assert set(garis) == {"Kota Pekalongan", "Kabupaten Pekalongan", "Rata-rata Jawa Tengah"}
    assert garis["Rata-rata Jawa Tengah"].line.dash == "dash"
    assert garis["Rata-rata Jawa Tengah"].line.color == tata.WARNA_RUJUKAN
    assert _celah(fig)["33"].line.dash == "dot"
    assert "label_33" in [a.name for a in fig.layout.annotations]


def test_judul_di_bawah_pita_toolbar_dan_sumbu_tahun_ringkas():
    fig = _tren(["33.75"], NILAI)
    assert fig.layout.title.text.startswith("Total skor, tahap Final, 2017–2025")
    assert fig.layout.title.pad.t == tata.PITA_TOOLBAR
    assert fig.layout.margin.t >= tata.PITA_TOOLBAR + 20
    assert fig.layout.legend.orientation == "h"
    assert fig.layout.legend.y < 0  # under the plot, never over the title
    sumbu = fig.layout.xaxis
    assert list(sumbu.tickvals) == [2017, 2019, 2021, 2023, 2025]
    assert sumbu.tickangle == 0
    assert list(sumbu.minor.tickvals) == TAHUN
    judul, atas = tata.judul("4. Akta Kelahiran (KLA24-04), tahap Verifikasi provinsi, 2017–2025", "data contoh")
    assert judul["text"].count("<br>") >= 2  # wrapped: no line longer than a phone
    assert atas > tata.PITA_TOOLBAR + 3 * 17


@pytest.mark.parametrize(
    ("tahun", "harapan"),
    [
        (range(2017, 2026), [2017, 2019, 2021, 2023, 2025]),
        (range(2021, 2026), [2021, 2022, 2023, 2024, 2025]),
        ([2023, 2025], [2023, 2024, 2025]),
        (range(2010, 2026), [2013, 2017, 2021, 2025]),
    ],
)
def test_tahun_berlabel_selalu_memuat_tahun_terakhir(tahun, harapan):
    hasil = tata.tahun_berlabel(list(tahun))
    assert hasil[-1] == max(tahun)
    assert len(hasil) <= tata.MAKS_LABEL_TAHUN
    assert hasil == harapan


def test_warna_teks_cukup_kontras():
    for warna in (*tata.PALET, tata.WARNA_SEMAT, tata.WARNA_RUJUKAN):
        assert tata.kontras_putih(tata.warna_teks(warna)) >= 4.5
    assert tata.warna_teks("#0072B2") == "#0072B2"  # already readable: unchanged


# --- map frame --------------------------------------------------------------------------------------


def _kotak(lon: float, lat: float, d: float) -> dict[str, Any]:
    return {
        "type": "Polygon",
        "coordinates": [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
    }


def test_bingkai_daratan_pulau_jauh_ke_sisipan():
    fitur = [
        ("a", _kotak(108.0, -8.0, 1.0)),
        ("b", _kotak(109.05, -8.0, 1.0)),  # touching a: the same mainland
        ("c", {"type": "MultiPolygon", "coordinates": [_kotak(110.1, -8.0, 0.8)["coordinates"],
                                                        _kotak(110.3, -5.9, 0.05)["coordinates"]]}),
    ]  # fmt: skip
    hasil = bingkai.bingkai_fitur(fitur)
    assert hasil is not None
    assert hasil.jauh == ("c",)
    assert hasil.lat[1] < -6.5  # the frame stops at the mainland's north coast
    assert hasil.lat_jauh[0] < -5.9 < hasil.lat_jauh[1]
    # No far-off part, or an archipelago (the far parts are a large share): plotly's own fit.
    assert bingkai.bingkai_fitur(fitur[:2]) is None
    assert bingkai.bingkai_fitur([("a", _kotak(100, 0, 1)), ("b", _kotak(105, 0, 1))]) is None


def test_peta_jawa_tengah_dibingkai_tanpa_karimunjawa_dengan_sisipan():
    url = "/app/static/geo/jawa_tengah_kabkota.geojson"
    kode = [k for k, _, _ in bingkai.fitur_lapisan(url)]
    assert len(kode) == 35
    data = pd.DataFrame({"kode_wilayah": kode, "kategori": ["Madya"] * 34 + ["Nindya"]})
    data.loc[data["kode_wilayah"] == "33.20", "kategori"] = "Nindya"
    fig = predikat.peta_kategori(
        data, url, kolom_kategori="kategori", urutan=["Nindya", "Madya"], label_kategori={}, hover=[""] * 35
    )
    geo = fig.layout.geo
    assert geo.fitbounds is False
    assert geo.lataxis.range[1] < -6.2  # Karimunjawa lies at about 5.8° S, outside the frame
    assert geo.lonaxis.range[0] < 108.6
    assert geo.lonaxis.range[1] > 111.6
    assert tuple(geo.domain.x) == (0, 1)
    sisipan = [tr for tr in fig.data if tr.geo == "geo2"]
    assert [list(tr.locations) for tr in sisipan] == [["33.20"]]
    assert sisipan[0].colorscale[0][1] == predikat.WARNA_PREDIKAT["Nindya"]  # same colour as on the main map
    assert sisipan[0].showlegend is False
    assert fig.layout.geo2.lataxis.range[0] < -5.8 < fig.layout.geo2.lataxis.range[1]
    assert "Kabupaten Jepara" in [a.text for a in fig.layout.annotations]


def _peta_indonesia(**kwargs: Any) -> go.Figure:
    url = "/app/static/geo/indonesia_kabkota_ikhtisar.geojson"
    kode = [k for k, _, _ in bingkai.fitur_lapisan(url)]
    data = pd.DataFrame(
        {"kode_wilayah": kode, "kategori": ["Madya", "Nindya"] * (len(kode) // 2) + ["Madya"] * (len(kode) % 2)}
    )
    return predikat.peta_kategori(
        data, url, kolom_kategori="kategori", urutan=["Nindya", "Madya"], label_kategori={}, hover=[""] * len(kode),
        **kwargs,
    )  # fmt: skip


def test_peta_indonesia_dibingkai_utuh_dengan_ruang_legenda():
    """An archipelago is framed whole here, not by plotly's fit, with room under it for the legend."""
    url = "/app/static/geo/indonesia_kabkota_ikhtisar.geojson"
    kotak = bingkai.kotak_fitur((k, g) for k, g, _ in bingkai.fitur_lapisan(url))
    assert kotak is not None
    assert 94 < kotak[0] < 96
    assert 140 < kotak[2] < 142
    geo = _peta_indonesia().layout.geo
    assert geo.fitbounds is False
    assert geo.lonaxis.range[0] < kotak[0]
    assert geo.lonaxis.range[1] > kotak[2]
    assert geo.lataxis.range[1] > kotak[3]
    assert geo.lataxis.range[0] < kotak[1] - 2  # room for the two legend entries: sea south of Rote
    # Without a legend of its own (the pack draws it), the frame is the regions' box and its margin only.
    polos = _peta_indonesia(tambahan={"showlegend": False}).layout.geo
    assert polos.fitbounds is False
    assert kotak[1] - 1 < polos.lataxis.range[0] < kotak[1]
    assert tuple(polos.lonaxis.range) == tuple(geo.lonaxis.range)


def test_ruang_legenda_dihitung_dengan_tangan():
    """Ten entries on a 520 px chart: (10 x 21,5 + 12) / 520 = 0,4365 of the height under the regions."""
    layout = {
        "height": 520,
        "legend": {"x": 0.0, "y": 0.0, "yanchor": "bottom"},
        "geo": {"lataxis": {"range": [-10, 10]}},
    }
    baru = bingkai.dengan_ruang_legenda(layout, 10)["geo"]["lataxis"]["range"]
    assert baru[1] == 10
    # Mercator y of ±10°: ±0,175426; the frame must grow to 0,350852 / (1 - 0,4365) = 0,622630.
    # y = 0,175426 - 0,622630 = -0,447204, and latitude = atan(sinh(y)) = -24,81°.
    assert baru[0] == pytest.approx(-24.81, abs=0.01)
    # No legend entries, a legend turned off or placed at the top: the frame is left as it was.
    assert bingkai.dengan_ruang_legenda(layout, 0) == layout
    assert bingkai.dengan_ruang_legenda({**layout, "showlegend": False}, 10) == {**layout, "showlegend": False}
    atas = {**layout, "legend": {"x": 0.0, "y": 1.0, "yanchor": "top"}}
    assert bingkai.dengan_ruang_legenda(atas, 10) == atas
    # Never more than 45 % of the height, however many entries.
    besar = bingkai.dengan_ruang_legenda(layout, 60)["geo"]["lataxis"]["range"][0]
    assert besar == pytest.approx(-25.60, abs=0.01)  # the grown frame: 0,350852 / 0,55


@pytest.mark.parametrize("posisi", ["top", "top left"])
def test_pita_vertikal_sama_dengan_add_vrect_plotly(posisi):
    """The shaded bands drawn straight into the layout are what Plotly's add_vrect draws (same JSON),
    after shapes and labels the figure already had."""
    rentang = [(2019.55, 2020.45), (2023.55, 2024.45)]

    def dasar() -> go.Figure:
        fig = go.Figure(go.Scatter(x=TAHUN, y=list(range(len(TAHUN)))))
        fig.add_shape(type="line", x0=2017, x1=2025, y0=1, y1=1)
        fig.add_annotation(x=2017, y=1, text="ada", showarrow=False)
        return fig

    plotly = dasar()
    for (x0, x1), warna in zip(rentang, ["#f0f0f0", "#eeeeee"], strict=True):
        plotly.add_vrect(
            x0=x0, x1=x1, fillcolor=warna, opacity=0.7, layer="below", line_width=0,
            annotation_text="tanpa evaluasi", annotation_position=posisi, annotation_font_size=11,
        )  # fmt: skip
    kita = dasar()
    isi = tata.pita_vertikal_isi(
        rentang, warna=["#f0f0f0", "#eeeeee"], label=["tanpa evaluasi"] * 2, posisi_label=posisi,
        ukuran_label=11, opacity=0.7, di_bawah=True,
    )  # fmt: skip
    kita.update_layout(
        shapes=[*kita.layout.shapes, *isi["shapes"]], annotations=[*kita.layout.annotations, *isi["annotations"]]
    )
    assert kita.to_plotly_json()["layout"]["shapes"] == plotly.to_plotly_json()["layout"]["shapes"]
    assert kita.to_plotly_json()["layout"]["annotations"] == plotly.to_plotly_json()["layout"]["annotations"]
    assert len(kita.layout.shapes) == 3
    assert len(kita.layout.annotations) == 3
