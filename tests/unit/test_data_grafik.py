"""The data table under every chart (issue 16 item 15): built from the figure's traces, Babel
formatted, unknown values left empty, categorical map layers without an invented number."""

from __future__ import annotations

import plotly.graph_objects as go

from indicators.grafik.data_grafik import bin_histogram, tabel_grafik


def test_garis_per_tahun_dengan_angka_indonesia_dan_tahun_utuh():
    fig = go.Figure(
        [
            go.Scatter(x=[2021, 2023, 2025], y=[612.5, 700.0, None], name="Kota Pekalongan", mode="lines+markers"),
            go.Scatter(x=[2025], y=[680.25], name="Kota Semarang"),
            go.Scatter(x=[2025], y=[680.25], text=["Kota Semarang"], mode="text"),  # a line-end label
        ]
    )
    fig.update_layout(xaxis_title="Siklus", yaxis_title="Total skor")
    tabel = tabel_grafik(fig, "id")
    assert list(tabel.columns) == ["Seri", "Siklus", "Total skor"]
    assert tabel.values.tolist() == [
        ["Kota Pekalongan", "2021", "612,50"],
        ["Kota Pekalongan", "2023", "700"],
        ["Kota Pekalongan", "2025", ""],  # unknown stays empty
        ["Kota Semarang", "2025", "680,25"],
    ]
    assert tabel_grafik(fig, "en")["Total skor"].tolist()[0] == "612.50"


def test_batang_mendatar_membaca_kategori_dari_sumbu_y_dan_hover_tanpa_markup():
    fig = go.Figure(
        go.Bar(x=[1234.0, 5], y=["Klaster I", "Klaster II"], orientation="h", hovertext=["a<br><b>b</b>", "c &amp; d"])
    )
    tabel = tabel_grafik(fig, "id")
    assert list(tabel.columns) == ["Kategori", "Nilai", "Keterangan"]  # no series name, no axis titles
    assert tabel.values.tolist() == [["Klaster I", "1.234", "a; b"], ["Klaster II", "5", "c & d"]]


def test_peta_kategori_tanpa_nilai_z_peta_kontinu_dengan_nilai():
    kategori = go.Choropleth(
        locations=["33.75", "33.74"],
        z=[0, 0],
        showscale=False,
        name="Nindya (2)",
        hovertext=["Kota Pekalongan", "Kota Semarang"],
    )
    kontinu = go.Choropleth(locations=["33.01"], z=[712.4], hovertext=["Kab. Cilacap"])
    tabel = tabel_grafik(go.Figure([kategori, kontinu]), "en")
    assert list(tabel.columns) == ["Series", "Region code", "Value", "Details"]
    assert tabel.values.tolist() == [
        ["Nindya (2)", "33.75", "", "Kota Pekalongan"],
        ["Nindya (2)", "33.74", "", "Kota Semarang"],
        ["", "33.01", "712.40", "Kab. Cilacap"],
    ]


def test_judul_sumbu_kembar_memakai_nama_umum():
    fig = go.Figure(go.Bar(x=["A"], y=[3]))
    fig.update_layout(xaxis_title="Skor", yaxis_title="Skor")
    assert list(tabel_grafik(fig, "id").columns) == ["Kategori", "Nilai"]


def test_grafik_kosong_memberi_tabel_kosong():
    assert tabel_grafik(go.Figure(), "id").empty


def test_rata_rata_provinsi_di_grafik_kelompok_dibaca_sebagai_nilai_bukan_kategori():
    """The province-average ticks on Profil's cluster bars: a marker trace drawn across (x = points),
    listed with the cluster as category and the points as an Indonesian number."""
    from functools import partial

    from indicators.analisis import profil
    from indicators.grafik import profil as grafik_profil
    from indicators.katalog.model import katalog_bawaan
    from indicators.teks import t

    skema = katalog_bawaan().skema_untuk_tahun(2025)
    nilai: dict[str, float] = {k.kode: 100.0 for k in skema.kelompok}
    rata: dict[str, float] = {k.kode: 140.45371428571426 for k in skema.kelompok}
    kelompok = profil.kelompok_vs_maks(nilai, skema, rata)
    fig = grafik_profil.grafik_kelompok(kelompok, skema, "id", partial(t, bahasa="id"))
    tabel = tabel_grafik(fig, "id")
    baris = tabel[tabel["Seri"] == t("perbandingan_sebaya_provinsi", "id")]
    assert len(baris) == len(skema.kelompok)
    assert baris.iloc[0].tolist()[1:3] == ["Kelembagaan", "140,45"]


def test_histogram_dengan_bin_tetap_memberi_satu_baris_per_bin():
    # Plotly's bins with xbins start/size are [start + k·size, start + (k+1)·size): 525 goes up,
    # 799,99 stays below 800; empty bins between the first and last are listed, NaN left out.
    fig = go.Figure(go.Histogram(x=[512.5, 520, 525, 771.09, 799.99, None], xbins={"start": 0, "size": 25}))
    fig.update_layout(xaxis_title="Total skor final", yaxis_title="Jumlah kab/kota")
    tabel = tabel_grafik(fig, "id")
    assert list(tabel.columns) == ["Total skor final", "Jumlah kab/kota"]
    assert tabel.values.tolist()[:3] == [["500–525", "2"], ["525–550", "1"], ["550–575", "0"]]
    assert tabel.values.tolist()[-2:] == [["750–775", "1"], ["775–800", "1"]]
    assert len(tabel) == 12
    assert bin_histogram([1000.0, 999.99], 0, 25) == [(975.0, 1), (1000.0, 1)]
    assert tabel_grafik(go.Figure(go.Histogram(x=[1000.0], xbins={"start": 0, "size": 25})), "id").values.tolist() == [
        ["1.000–1.025", "1"]  # numbers through Babel: a thousands dot in Indonesian
    ]
    assert bin_histogram([None, float("nan")], 0, 25) == []
