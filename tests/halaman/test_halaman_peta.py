"""AppTest of the Peta page on the built default database."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from indicators.grafik.predikat import WARNA_PREDIKAT
from indicators.lokasi import DATA_DIR
from tests.halaman_util import buka_halaman, jejak_wilayah, periksa_tanpa_galat
from ui.bagian import peta


def _peta(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def _lokasi(spek: dict[str, Any]) -> list[str]:
    """Regions drawn on the main map (the inset repeats Karimunjawa's Jepara, see grafik.bingkai)."""
    return [k for trace in jejak_wilayah(spek) if trace.get("geo", "geo") == "geo" for k in trace["locations"]]


def _z(trace: dict[str, Any]) -> list[float]:
    """A trace's z values; plotly sends numeric arrays as base64 typed arrays."""
    z = trace["z"]
    if isinstance(z, dict):
        return [float(v) for v in np.frombuffer(base64.b64decode(z["bdata"]), dtype=np.dtype(z["dtype"]))]
    return [float(v) for v in z]


def _nilai(spek: dict[str, Any]) -> dict[str, float]:
    """Location → z of the colour-scale trace (the trace with a colour bar)."""
    trace = next(tr for tr in spek["data"] if "colorbar" in tr)
    return dict(zip(trace["locations"], _z(trace), strict=True))


def _predikat_csv(tahun: str) -> dict[str, int]:
    sumber = pd.read_csv(DATA_DIR / "kla" / "kla_predikat.csv", dtype=str)
    return {str(k): int(v) for k, v in sumber.loc[sumber["tahun"] == tahun, "predikat"].value_counts().items()}


def test_bawaan_predikat_resmi_jawa_tengah_2025(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("peta").run())
    assert at.title[0].value == "Predikat resmi — Jawa Tengah, evaluasi 2025"
    assert at.query_params["ukuran"] == "predikat"
    (spek,) = _peta(at)
    assert sorted(_lokasi(spek)) == sorted(set(_lokasi(spek)))
    assert len(_lokasi(spek)) == 35
    assert spek["data"][0]["geojson"] == "/app/static/geo/jawa_tengah_kabkota.geojson"
    # Legend: one entry per predikat with its count, in predikat order, from the real 2025 file.
    legenda = {tr["name"].rsplit(" (", 1)[0]: int(tr["name"].rsplit("(", 1)[1].rstrip(")")) for tr in spek["data"]}
    assert legenda == _predikat_csv("2025")
    utama = [tr for tr in jejak_wilayah(spek) if tr.get("geo", "geo") == "geo"]  # not the Karimunjawa inset
    assert [tr["name"].split(" ")[0] for tr in utama] == ["Utama", "Nindya", "Madya", "Pratama"]
    # Hover: name, predikat and data status with confidence; the predikat are real, so no synthetic warning.
    hover = spek["data"][0]["hovertext"][0]
    assert "Predikat resmi 2025: Utama" in hover
    assert "Status data: resmi (keyakinan tinggi, dinyatakan sumber)" in hover
    assert not at.warning
    assert at.selectbox(key="tahun").options == ["2017", "2018", "2019", "2021", "2022", "2023", "2025"]
    assert any("cahyadsn/wilayah_boundaries (MIT)" in c.value for c in at.caption)
    # Clicking opens the profile: the chart asks for point selection (the click itself is tested in Playwright).
    assert at.get("plotly_chart")[0].proto.selection_mode
    # ... with the modes that selection gives, its own style and no theme: drawn once (test_grafik_peta_gaya).
    assert {k: spek["layout"][k] for k in ("clickmode", "hovermode", "dragmode")} == {
        "clickmode": "event+select", "hovermode": "closest", "dragmode": "pan",
    }  # fmt: skip
    assert at.get("plotly_chart")[0].proto.theme == ""


def test_ganti_ukuran_ke_total_dan_klaster(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("peta").run())
    at.selectbox(key="ukuran").set_value("total").run()
    periksa_tanpa_galat(at)
    assert at.query_params["ukuran"] == "total"
    assert at.title[0].value == "Total skor (poin) — Jawa Tengah, evaluasi 2025, tahap Final"
    assert any("sintetis" in w.value for w in at.warning)
    (spek,) = _peta(at)
    nilai = _nilai(spek)
    assert len(nilai) == 35
    assert all(500 < v <= 1000 for v in nilai.values())
    trace = spek["data"][-1]
    assert trace["colorbar"]["title"]["text"] == "poin (sintetis)"
    assert trace["colorscale"][-1] == [1.0, "#00441b"]  # higher total = darker green
    assert "data contoh (sintetis)" in trace["hovertext"][0]
    assert "Total skor 2025: " in trace["hovertext"][0]
    # Stage picker: scores have stages; 2025 has mandiri, provinsi and final.
    assert at.selectbox(key="tahap").options == ["Evaluasi mandiri", "Verifikasi provinsi", "Final"]
    at.selectbox(key="tahap").set_value("mandiri").run()
    periksa_tanpa_galat(at)
    assert "tahap Evaluasi mandiri" in at.title[0].value
    assert at.query_params["tahap"] == "mandiri"

    at.selectbox(key="ukuran").set_value("klaster_3").run()
    periksa_tanpa_galat(at)
    assert at.title[0].value.startswith("Skor Klaster III")
    assert all(v <= 1000 for v in _nilai(_peta(at)[0]).values())


def test_ukuran_indikator_hanya_siklus_skemanya(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("peta", ukuran="KLA24-13").run())
    assert "2017" not in at.selectbox(key="tahun").options  # 2017 used the KLA31 scheme
    assert "Indikator: " in at.caption[0].value
    at = periksa_tanpa_galat(buka_halaman("peta", ukuran="KLA31-05").run())
    assert at.selectbox(key="tahun").options == ["2017"]
    assert len(_nilai(_peta(at)[0])) == 35


def test_ukuran_statistik_tahun_datanya_dan_arah_terbalik(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("peta", ukuran="stat:prevalensi_stunting_ssgi").run())
    assert at.selectbox(key="tahun").label == "Tahun data"
    assert at.selectbox(key="tahun").options == ["2021", "2022", "2024"]
    assert at.selectbox(key="tahun").value == 2022  # the best-covered year, not a lone 2024 value
    assert at.title[0].value == "Prevalensi stunting (SSGI), persen — Jawa Tengah, tahun 2022"
    assert not at.warning  # a real statistic: no synthetic warning
    (spek,) = _peta(at)
    trace = spek["data"][-1]
    assert trace["colorscale"][0] == [0.0, "#00441b"]  # lower stunting = darker green
    assert trace["colorbar"]["title"]["text"] == "persen"
    assert "Status data: resmi" in trace["hovertext"][0]
    kosong = [tr for tr in spek["data"] if "colorbar" not in tr]
    assert kosong
    assert kosong[0]["name"].startswith("Data tidak ditemukan")
    # No kecamatan rows exist, so no level picker is offered.
    assert not [s for s in at.selectbox if s.key == "peta_tingkat"]


def test_ganti_siklus_dan_banding_dua_siklus(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("peta").run())
    at.selectbox(key="tahun").set_value(2021).run()
    periksa_tanpa_galat(at)
    assert at.query_params["tahun"] == "2021"
    assert "evaluasi 2021" in at.title[0].value
    at.toggle(key="peta_bandingkan").set_value(True).run()
    periksa_tanpa_galat(at)
    assert at.query_params["tahun2"] == "2019"  # the cycle before by default
    kiri, kanan, ubah = _peta(at)
    assert len(_lokasi(kiri)) == len(_lokasi(kanan)) == len(_lokasi(ubah)) == 35
    assert [t.label for t in at.tabs] == ["Berdampingan", "Peta perubahan 2019 → 2021"]
    kategori = {tr["name"].rsplit(" (", 1)[0] for tr in ubah["data"]}
    assert kategori <= {"Naik predikat", "Predikat tetap", "Turun predikat", "Tidak dapat dibandingkan"}
    assert "Tidak dapat dibandingkan" in kategori  # 2019 is partial: not compared, never guessed
    at.toggle(key="peta_bandingkan").set_value(False).run()
    periksa_tanpa_galat(at)
    assert "tahun2" not in at.query_params
    assert len(_peta(at)) == 1


def test_peta_perubahan_kontinu_divergen_berpusat_nol(app_db: Path):
    at = periksa_tanpa_galat(
        buka_halaman("peta", ukuran="stat:angka_kematian_neonatal", tahun="2021", tahun2="2020").run()
    )
    kiri, kanan, ubah = _peta(at)
    # Side by side maps share one colour range.
    assert kiri["data"][-1]["zmin"] == kanan["data"][-1]["zmin"]
    assert kiri["data"][-1]["zmax"] == kanan["data"][-1]["zmax"]
    trace = ubah["data"][-1]
    assert trace["zmid"] == 0
    assert trace["zmin"] == -trace["zmax"]
    assert trace["colorscale"][0][1] == "#1b7837"  # a fall in neonatal mortality is green
    assert trace["colorbar"]["title"]["text"].startswith("Δ ")
    assert "Perubahan: " in trace["hovertext"][0]


def test_indonesia_nasional_dan_provinsi_tanpa_data(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("peta", provinsi="00", ukuran="total").run())
    assert "Indonesia" in at.title[0].value
    (spek,) = _peta(at)
    assert spek["data"][0]["geojson"] == "/app/static/geo/indonesia_kabkota_ikhtisar.geojson"
    assert len(_lokasi(spek)) == 514
    assert len(_nilai(spek)) == 35  # only Jawa Tengah has values; the rest is marked as not found
    at = periksa_tanpa_galat(buka_halaman("peta", provinsi="11").run())
    assert "Belum ada data" in at.info[0].value
    assert not at.get("plotly_chart")


def test_bahasa_inggris(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("peta", lang="en", ukuran="total", tahun="2023").run())
    assert at.title[0].value == "Total score (points) — Jawa Tengah, 2023 evaluation, Final stage"
    (spek,) = _peta(at)
    trace = spek["data"][-1]
    assert trace["colorbar"]["title"]["text"] == "points (synthetic)"
    assert spek["layout"]["separators"] == ".,"
    hover = trace["hovertext"][0]
    assert "Total score 2023: " in hover
    assert "Data status: synthetic example data" in hover
    assert "." in hover.split("Total score 2023: ")[1].split(" ")[0]  # English decimal point
    at = periksa_tanpa_galat(buka_halaman("peta", lang="en").run())
    assert at.title[0].value == "Official predikat — Jawa Tengah, 2025 evaluation"
    assert "Official predikat 2025: Utama" in _peta(at)[0]["data"][0]["hovertext"][0]


def test_tujuan_profil_dari_klik():
    wilayah = pd.DataFrame({"kode_wilayah": ["33.75", "33.75.01"], "kode_induk": ["33", "33.75"]})
    assert peta.tujuan_profil("33.75", 2025, wilayah, "id") == {
        "wilayah": "33.75",
        "tahun": "2025",
        "provinsi": "33",
    }
    # A kecamatan opens its kab/kota; English stays English.
    assert peta.tujuan_profil("33.75.01", 2023, wilayah, "en") == {
        "wilayah": "33.75",
        "tahun": "2023",
        "provinsi": "33",
        "lang": "en",
    }


def test_predikat_disimpulkan_digambar_terpisah(app_db: Path):
    """2019: Pemalang's Madya comes from a later statement; the map draws it apart, named in the legend."""
    at = periksa_tanpa_galat(buka_halaman("peta", tahun="2019").run())
    (spek,) = _peta(at)
    pucat = [tr for tr in jejak_wilayah(spek) if ", disimpulkan" in tr["name"]]
    assert "33.27" in [k for tr in pucat for k in tr["locations"]]
    # paler: a blend of a predikat colour with white, not a colour of the stated palette
    assert all(tr["colorscale"][0][1] not in WARNA_PREDIKAT.values() for tr in pucat)
    assert all(tr["marker"]["line"]["width"] > 1 for tr in pucat)
    hover = {k: h for tr in jejak_wilayah(spek) for k, h in zip(tr["locations"], tr["hovertext"], strict=True)}
    assert "disimpulkan dari pernyataan kemudian" in hover["33.27"]


def test_ganti_bahasa_mengirim_label_ukuran_lagi_dan_pilihan_tetap(app_db: Path):
    """The measure picker is sent again with its English label after a switch (the browser would keep
    showing "Total skor (poin)" and send it back), and a later click keeps the chosen measure."""
    at = periksa_tanpa_galat(buka_halaman("peta").run())
    at.selectbox(key="ukuran").set_value("total").run()
    at.button_group(key="bahasa").set_value(["en"]).run()
    periksa_tanpa_galat(at)
    proto = at.selectbox(key="ukuran").proto
    assert proto.set_value  # the value is sent again...
    assert proto.raw_value in proto.options
    assert not proto.raw_value.startswith("Total skor")  # ...with its English label
    at.toggle(key="peta_bandingkan").set_value(True).run()  # another click: the measure stays
    periksa_tanpa_galat(at)
    assert at.selectbox(key="ukuran").value == "total"
    assert at.query_params["ukuran"] == "total"
