"""AppTest of the Perbandingan page on the built default database, plus its pure chart builders."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from indicators.analisis import layanan, perbandingan
from indicators.grafik import perbandingan as grafik_perbandingan, tata
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from tests.halaman_util import buka_halaman, periksa_tanpa_galat
from ui.bagian import perbandingan as halaman_perbandingan

KAT = katalog_bawaan()
TAHUN = list(range(2017, 2026))
SINTETIS = "data contoh (sintetis)"


def _larik(nilai: Any) -> Any:
    if isinstance(nilai, dict) and "bdata" in nilai:
        data = np.frombuffer(base64.b64decode(nilai["bdata"]), dtype=np.dtype(nilai["dtype"]))
        return [x.item() for x in data]
    return nilai


def _grafik(at: AppTest) -> tuple[dict[str, Any], dict[str, Any]]:
    """The trend chart and the rank chart."""
    spek = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert len(spek) == 2
    return spek[0], spek[1]


def _garis(spek: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Traces with data by legend name (the shared legend entry of grey lines has no data; the dashed
    segments across years without an evaluation are left out)."""
    return {
        tr["name"]: {k: _larik(v) for k, v in tr.items()}
        for tr in spek["data"]
        if any(y is not None for y in _larik(tr["y"])) and not tr.get("meta", {}).get("celah")
    }


def _y(trace: dict[str, Any]) -> dict[int, float | None]:
    return dict(zip(trace["x"], trace["y"], strict=True))


def _teks_anotasi(spek: dict[str, Any]) -> list[str]:
    return [a["text"] for a in spek["layout"].get("annotations", [])]


def _skor_db(db: Path) -> pd.DataFrame:
    return layanan.skor_semua_siklus(db, KAT)


# --- AppTest ------------------------------------------------------------------------------------------


def test_tampilan_bawaan_kota_pekalongan_dan_tetangga(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("perbandingan", wilayah="33.75,33.25,33.26").run())
    assert at.title[0].value == "Total skor dari siklus ke siklus"
    assert at.query_params["wilayah"] == "33.75,33.25,33.26"
    assert at.query_params["ukuran"] == "total"
    assert at.query_params["tahap"] == "final"
    assert at.query_params["sebaya"] == "pilihan"
    assert at.multiselect(key="perbandingan_wilayah").value == ["33.75", "33.25", "33.26"]
    assert any(SINTETIS in w.value for w in at.warning)

    tren, peringkat = _grafik(at)
    garis = _garis(tren)
    assert set(garis) == {"Kota Pekalongan", "Kabupaten Batang", "Kabupaten Pekalongan"}
    # The pinned region is drawn last (on top), thickest, in its own colour; each other region has its own colour.
    assert tren["data"][-1]["name"] == "Kota Pekalongan"
    assert garis["Kota Pekalongan"]["line"]["color"] == tata.WARNA_SEMAT
    warna = {g["line"]["color"] for g in garis.values()}
    assert len(warna) == 3
    assert tata.WARNA_LAIN not in warna
    assert garis["Kabupaten Batang"]["line"]["width"] < garis["Kota Pekalongan"]["line"]["width"]
    # Calendar-year axis; 2020 and 2024 are gaps that break the line.
    skor = _skor_db(app_db)
    asli = skor[skor["kode_wilayah"] == "33.75"].set_index("tahun")["total"]
    for trace in garis.values():
        assert trace["x"] == TAHUN
        assert trace["connectgaps"] is False
        assert _y(trace)[2020] is None
        assert _y(trace)[2024] is None
    assert {t: v for t, v in _y(garis["Kota Pekalongan"]).items() if v is not None} == asli.to_dict()
    # A few labelled years, always the last; a small tick at every year.
    assert tren["layout"]["xaxis"]["tickvals"] == [2017, 2019, 2021, 2023, 2025]
    assert tren["layout"]["xaxis"]["minor"]["tickvals"] == TAHUN
    # The scheme change is a dashed vertical line between 2017 and 2018, with a note.
    garis_v = [s for s in tren["layout"]["shapes"] if s["type"] == "line"]
    assert [(s["x0"], s["line"]["dash"]) for s in garis_v] == [(2017.5, "dash")]
    assert "ganti skema KLA31 → KLA24" in _teks_anotasi(tren)
    assert SINTETIS in tren["layout"]["title"]["text"]
    assert "Total skor, tahap Final, 2017–2025" in tren["layout"]["title"]["text"]
    hover = [h for h in garis["Kota Pekalongan"]["hovertext"] if h]
    assert "2023: 773,48 poin" in hover[5]

    # Rank chart: rank within the province, y reversed (1 on top), gaps kept.
    # In bold, as Streamlit's theme set it (ui.layar).
    assert peringkat["layout"]["title"]["text"].startswith("<b>Peringkat total skor di Jawa Tengah")
    sumbu_y = peringkat["layout"]["yaxis"]
    assert sumbu_y["range"][0] > sumbu_y["range"][1]
    assert sumbu_y["range"][1] < 1 <= sumbu_y["tickvals"][0]
    rank = _garis(peringkat)["Kota Pekalongan"]
    harapan = skor[skor["kode_wilayah"] == "33.75"].set_index("tahun")["peringkat_provinsi"]
    assert {t: v for t, v in _y(rank).items() if v is not None} == {t: float(v) for t, v in harapan.items()}
    assert _y(rank)[2020] is None
    assert any("2020, 2024" in c.value for c in at.caption)


def test_dari_url_dua_wilayah(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("perbandingan", wilayah="33.75,33.26").run())
    assert at.query_params["wilayah"] == "33.75,33.26"
    assert set(_garis(_grafik(at)[0])) == {"Kota Pekalongan", "Kabupaten Pekalongan"}


def test_ubah_wilayah_dan_yang_disematkan(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("perbandingan", wilayah="33.75,33.26").run())
    at.multiselect(key="perbandingan_wilayah").set_value(["33.26", "33.01", "33.75"]).run()
    periksa_tanpa_galat(at)
    assert at.query_params["wilayah"] == "33.26,33.01,33.75"
    tren, peringkat = _grafik(at)
    assert tren["data"][-1]["name"] == "Kabupaten Pekalongan"
    assert tren["data"][-1]["line"]["color"] == tata.WARNA_SEMAT
    assert _garis(tren)["Kota Pekalongan"]["line"]["color"] in tata.PALET
    assert set(_garis(peringkat)) == {"Kabupaten Pekalongan", "Kabupaten Cilacap", "Kota Pekalongan"}


def test_ukuran_indikator_memperingatkan_komparabilitas(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("perbandingan", wilayah="33.75,33.26").run())
    at.selectbox(key="perbandingan_ukuran").set_value("KLA24-04").run()
    periksa_tanpa_galat(at)
    assert at.query_params["ukuran"] == "KLA24-04"
    assert at.title[0].value == "4. Akta Kelahiran (KLA24-04) dari siklus ke siklus"
    peringatan = [w.value for w in at.warning]
    assert any(SINTETIS in w for w in peringatan)
    (banding,) = [w for w in peringatan if "peta silang" in w]
    assert "2017 (KLA31: KLA31-08; komparabilitas baik)" in banding
    tren, _ = _grafik(at)
    assert tren["layout"]["yaxis"]["title"]["text"] == "Capaian (% dari nilai maksimum)"
    kota = _garis(tren)["Kota Pekalongan"]
    simbol = dict(zip(kota["x"], kota["marker"]["symbol"], strict=True))
    assert simbol[2017] == "circle-open"
    assert simbol[2018] == "circle"
    assert _y(kota)[2020] is None
    assert all(0 <= v <= 100 for v in _y(kota).values() if v is not None)
    assert "komparabilitas baik" in kota["hovertext"][0]


def test_ukuran_kelompok_dan_tahap_provinsi(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("perbandingan", wilayah="33.75", ukuran="klaster_2", tahap="provinsi").run())
    assert any("KLA24 160" in c.value and "KLA31 150" in c.value for c in at.caption)
    assert any("Tahap Verifikasi provinsi hanya tersedia untuk siklus 2023, 2025" in c.value for c in at.caption)
    kota = _garis(_grafik(at)[0])["Kota Pekalongan"]
    assert [t for t, v in _y(kota).items() if v is not None] == [2023, 2025]


def test_kelompok_sebaya(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("perbandingan", wilayah="33.75").run())
    at.radio(key="perbandingan_sebaya").set_value("tetangga").run()
    periksa_tanpa_galat(at)
    assert at.query_params["sebaya"] == "tetangga"
    assert at.query_params["wilayah"] == "33.75,33.25,33.26"

    at.radio(key="perbandingan_sebaya").set_value("predikat").run()
    periksa_tanpa_galat(at)
    predikat = store.kueri(app_db, "predikat_resmi", {"tahun": 2025})
    # Regions with scores only (Jawa Tengah): Nindya 2025 named elsewhere in national releases has none.
    nindya = {k for k in predikat.loc[predikat["predikat"] == "Nindya", "kode_wilayah"] if k.startswith("33.")}
    pilihan = at.multiselect(key="perbandingan_wilayah").value
    assert pilihan[0] == "33.75"
    assert set(pilihan) == nindya
    assert any("Nindya (2025)" in c.value for c in at.caption)
    tren, _ = _grafik(at)
    assert tren["data"][-1]["name"] == "Kota Pekalongan"
    # Many grey lines share one legend entry; their names stay in the hover.
    legenda = [tr["name"] for tr in tren["data"] if tr.get("showlegend", True)]
    assert f"Pembanding lain ({len(nindya) - 1 - len(tata.PALET)})" in legenda

    # Editing the list by hand leaves the preset.
    at.multiselect(key="perbandingan_wilayah").set_value(["33.75", "33.26"]).run()
    periksa_tanpa_galat(at)
    assert at.radio(key="perbandingan_sebaya").value == "pilihan"
    assert at.query_params["sebaya"] == "pilihan"

    # The province average is added as a reference line: the chosen regions stay.
    at.radio(key="perbandingan_sebaya").set_value("provinsi").run()
    periksa_tanpa_galat(at)
    assert at.query_params["wilayah"] == "33.75,33.26"
    garis = _garis(_grafik(at)[0])
    assert {"Kota Pekalongan", "Kabupaten Pekalongan"} < set(garis)
    assert any("35 dari 35 kab/kota" in c.value for c in at.caption)
    rata = garis["Rata-rata Jawa Tengah"]
    assert rata["line"]["dash"] == "dash"
    skor = _skor_db(app_db)
    assert _y(rata)[2025] == round(skor.loc[skor["tahun"] == 2025, "total"].mean(), 2)
    assert _y(rata)[2020] is None


def test_sebaya_dari_url(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("perbandingan", wilayah="33.75", sebaya="tetangga").run())
    assert at.multiselect(key="perbandingan_wilayah").value == ["33.75", "33.25", "33.26"]
    assert at.radio(key="perbandingan_sebaya").value == "tetangga"


def test_rata_provinsi_untuk_indikator(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("perbandingan", wilayah="33.75", ukuran="KLA24-11", sebaya="provinsi").run())
    rata = _garis(_grafik(at)[0])["Rata-rata Jawa Tengah"]
    simbol = dict(zip(rata["x"], rata["marker"]["symbol"], strict=True))
    assert simbol[2017] == "circle-open"  # bridged through the crosswalk (lemah)
    assert all(0 <= v <= 100 for v in _y(rata).values() if v is not None)
    (banding,) = [w.value for w in at.warning if "peta silang" in w.value]
    assert "komparabilitas lemah" in banding


def test_kode_tanpa_data_dan_pilihan_kosong(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("perbandingan", wilayah="31.71").run())
    assert any("31.71" in i.value for i in at.info)
    # Nobody is Kota Pekalongan by default (#16 item 3): nothing is chosen and the page asks.
    assert at.query_params.get("wilayah", "") == ""
    assert any("Pilih minimal satu" in i.value for i in at.info)
    at.multiselect(key="perbandingan_wilayah").set_value(["33.26"]).run()
    assert periksa_tanpa_galat(at).get("plotly_chart")
    at.multiselect(key="perbandingan_wilayah").set_value([]).run()
    periksa_tanpa_galat(at)
    assert any("Pilih minimal satu" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_bahasa_inggris(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("perbandingan", lang="en", wilayah="33.75,33.26").run())
    assert at.title[0].value == "Total score across cycles"
    assert at.radio(key="perbandingan_sebaya").options == [
        "My selection",
        "Province average",
        "Same official predikat",
        "Neighbours",
    ]
    assert any("synthetic example data" in w.value for w in at.warning)
    tren, peringkat = _grafik(at)
    assert "scheme change KLA31 → KLA24" in _teks_anotasi(tren)
    assert "no evaluation" in _teks_anotasi(tren)
    assert "synthetic example data" in tren["layout"]["title"]["text"]
    assert tren["layout"]["separators"] == ".,"
    assert tren["layout"]["yaxis"]["title"]["text"] == "Total score (points)"
    assert peringkat["layout"]["yaxis"]["title"]["text"] == "Rank (1 = best)"
    hover = [h for h in _garis(tren)["Kota Pekalongan"]["hovertext"] if h]
    assert "2023: 773.48 points" in hover[5]
    at.selectbox(key="perbandingan_ukuran").set_value("KLA24-04").run()
    periksa_tanpa_galat(at)
    assert any("crosswalk" in w.value and "comparability good" in w.value for w in at.warning)


# --- pure chart builders --------------------------------------------------------------------------------


def _tabel() -> pd.DataFrame:
    seri = pd.DataFrame(
        {
            "tahun": [2017, 2018, 2021, 2017, 2018],
            "kode_wilayah": ["33.75", "33.75", "33.75", "33.26", "33.26"],
            "nilai": [60.0, 70.0, 80.0, 50.0, 55.0],
            "skema": ["KLA31", "KLA24", "KLA24", "KLA31", "KLA24"],
            "komparabilitas": ["lemah", "sama", "sama", "lemah", "sama"],
            "indikator_sumber": ["KLA31-14", "", "", "KLA31-14", ""],
            "sintetis": True,
        }
    )
    return perbandingan.isi_celah(seri, [2017, 2018, 2019, 2020, 2021], ["33.75", "33.26"])


def test_grafik_tren_murni():
    tabel = _tabel()
    sumbu = perbandingan.sumbu_waktu([(2017, "KLA31"), (2018, "KLA24"), (2019, "KLA24"), (2021, "KLA24")])
    nama = {"33.75": "Kota Pekalongan", "33.26": "Kabupaten Pekalongan"}
    hover = grafik_perbandingan.teks_hover(tabel, nama, 1, "%", "id")
    assert hover[3] == ""  # 2020: no value, no hover
    assert "komparabilitas lemah" in hover[0]
    fig = grafik_perbandingan.grafik_tren(
        tabel, nama, "33.75", sumbu, "id", judul="J", subjudul="S", sumbu_y="Y", hover=hover
    )
    kab, kota = fig.data
    assert kota.name == "Kota Pekalongan"
    assert list(kota.y) == [60.0, 70.0, None, None, 80.0]
    assert kota.connectgaps is False
    assert list(kota.marker.symbol) == ["circle-open", "circle", "circle", "circle", "circle"]
    assert kota.line.width > kab.line.width
    assert [s.x0 for s in fig.layout.shapes if s.type == "line"] == [2017.5]
    assert [s.x0 for s in fig.layout.shapes if s.type == "rect"] == [2019.5]


def test_grafik_peringkat_murni():
    seri = pd.DataFrame(
        {"tahun": [2018, 2021], "kode_wilayah": "33.75", "peringkat": [3.0, 7.0], "label": ["3", "7="], "jumlah": 35}
    )
    tabel = perbandingan.isi_celah(seri, [2018, 2019, 2020, 2021], ["33.75"], "peringkat")
    sumbu = perbandingan.sumbu_waktu([(2018, "KLA24"), (2019, "KLA24"), (2021, "KLA24")])
    fig = grafik_perbandingan.grafik_peringkat(tabel, {"33.75": "Kota"}, "33.75", sumbu, "en", judul="R", subjudul="")
    (kota,) = fig.data
    assert list(kota.y) == [3.0, None, None, 7.0]
    assert list(kota.text) == ["3", "", "", "7="]
    assert fig.layout.yaxis.range == (36, 0)
    assert "rank 7= of 35" in kota.hovertext[3]


def test_tabel_angka():
    tabel = _tabel()
    hasil = halaman_perbandingan.tabel_angka(tabel, {"33.75": "Kota", "33.26": "Kab"}, [2017, 2018, 2021], 1, "id")
    assert hasil.columns.tolist() == ["Nama", "2017", "2018", "2021"]
    assert hasil.iloc[0].tolist() == ["Kota", "60,0", "70,0", "80,0"]
    assert hasil.iloc[1].tolist() == ["Kab", "50,0", "55,0", "–"]
