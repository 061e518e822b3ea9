"""The Indikator page: pure helpers, then AppTest on the built default database."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from tests.halaman_util import buka_halaman, periksa_tanpa_galat
from ui.bagian import indikator as hi

KATALOG = katalog_bawaan()


def _spek(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def _angka(nilai: Any) -> list[float]:
    """Plotly sends numeric arrays as base64 typed arrays."""
    if isinstance(nilai, dict):
        return [float(v) for v in np.frombuffer(base64.b64decode(nilai["bdata"]), dtype=np.dtype(nilai["dtype"]))]
    return [float(v) for v in nilai]


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def _tabel(at: AppTest, kolom: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if kolom in d.value.columns)


# --- pure helpers ------------------------------------------------------------------------------------------------


def test_md_meloloskan_markdown_dan_matematika():
    assert hi.md("APBD > APBN, $5 * 2_a [x]") == r"APBD \> APBN, \$5 \* 2\_a \[x\]"


def test_padanan_dan_bawaan():
    assert hi.padanan("KLA24-02", "KLA31", KATALOG) == ["KLA31-02", "KLA31-04", "KLA31-05"]
    assert hi.padanan("KLA31-28", "KLA24", KATALOG) == ["KLA24-21", "KLA24-23"]
    assert hi.padanan("KLA31-20", "KLA24", KATALOG) == []  # dropped in KLA24
    assert hi.bawaan_skema("KLA31-08", KATALOG) == "KLA31"
    assert hi.bawaan_skema(None, KATALOG) == "KLA24"
    assert hi.bawaan_skema("tidak-ada", KATALOG) == "KLA24"
    kla31, kla24 = KATALOG.skema["KLA31"], KATALOG.skema["KLA24"]
    assert hi.bawaan_indikator(kla31, "KLA24-04", KATALOG) == "KLA31-08"
    assert hi.bawaan_indikator(kla24, "KLA31-28", KATALOG) == "KLA24-21"
    assert hi.bawaan_indikator(kla24, "KLA31-20", KATALOG) == "KLA24-01"
    assert hi.bawaan_indikator(kla24, None, KATALOG) == "KLA24-01"


def test_lencana_status():
    assert hi.lencana_status("C", "id") == ":green-badge[terkonfirmasi]"
    assert hi.lencana_status("C2", "en") == ":green-badge[confirmed (2+ sources)]"
    assert hi.lencana_status("I", "id") == ":blue-badge[disimpulkan]"
    assert hi.lencana_status("?", "id") == ":orange-badge[belum pasti]"


def test_peringkat_indikator_seri_berbagi_peringkat():
    skor = pd.DataFrame(
        {
            "kode_wilayah": ["33.01", "33.02", "33.03", "34.01"],
            "indikator": ["KLA24-01"] * 4,
            "nilai": [35.0, 70.0, 35.0, 70.0],
            "sintetis": [True] * 4,
        }
    )
    hasil = hi.peringkat_indikator(skor, "KLA24-01", 70.0, {"33.01": "A", "33.02": "B", "33.03": "C"})
    assert hasil["kode_wilayah"].tolist() == ["33.02", "33.01", "33.03"]  # 34.01 is outside the province
    assert hasil["peringkat"].tolist() == [1, 2, 2]
    assert hasil["seri"].tolist() == [False, True, True]
    assert hasil["capaian_persen"].tolist() == [100.0, 50.0, 50.0]
    assert hi.tabel_peringkat(hasil, "id").iloc[:, 0].tolist() == ["1", "2=", "2="]


def test_seri_tren_rata_rata_dan_wilayah():
    skor = pd.DataFrame(
        {
            "tahun": [2017, 2017, 2025, 2025],
            "kode_wilayah": ["33.01", "33.02", "33.01", "33.02"],
            "indikator": ["KLA31-01", "KLA31-01", "KLA24-01", "KLA24-01"],
            "nilai": [20.0, 40.0, 35.0, 70.0],
        }
    )
    seri = hi.seri_tren(skor, "KLA24-01", "33.02", ["33.01", "33.02"], KATALOG)
    provinsi = seri[seri["seri"] == "provinsi"].set_index("tahun")
    wilayah = seri[seri["seri"] == "wilayah"].set_index("tahun")
    # KLA31-01 max 40, KLA24-01 max 70: shares of the maximum, bridged through the crosswalk.
    assert provinsi.loc[2017, "capaian_persen"] == 75.0
    assert provinsi.loc[2025, "capaian_persen"] == 75.0
    assert wilayah.loc[2017, "capaian_persen"] == 100.0
    assert wilayah.loc[2025, "capaian_persen"] == 100.0
    assert provinsi.loc[2017, "komparabilitas"] == "sebagian"
    assert provinsi.loc[2025, "komparabilitas"] == "sama"


# --- AppTest ---------------------------------------------------------------------------------------------------------


def test_bawaan_kla24_01_metadata_lencana_dan_rujukan(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("indikator", wilayah="33.75").run())
    assert at.title[0].value == "Indikator KLA"
    assert at.header[0].value == "KLA24-01 · Perda KLA"
    assert dict(at.query_params) == {"skema": "KLA24", "indikator": "KLA24-01", "tahun": "2025", "wilayah": "33.75"}
    teks = _markdown(at)
    assert "**Tersedia Peraturan/Kebijakan Daerah tentang KLA**" in teks
    assert "**Nama lengkap** :green-badge[terkonfirmasi]" in teks
    assert "**Konsep** :blue-badge[disimpulkan]" in teks
    assert "70 poin (kelompok ini 200, seluruh skema 1.000) :orange-badge[asumsi, bukan angka resmi]" in teks
    assert "Regional regulation/policy on KLA exists and is implemented" in teks
    assert "Bagian/Biro Hukum Setda; Semua OPD terkait" in teks
    assert "Rumus perhitungan" in teks
    assert "Periode" in teks
    # Citations are numbered and linked.
    assert "[https://slideplayer.info/amp/17552328](https://slideplayer.info/amp/17552328)" in teks
    assert "KemenPPPA, Petunjuk Teknis Indikator KLA 2019" in teks
    # The catalogue: one table per group, the Kelembagaan table first with the selected row marked.
    katalog = [d.value for d in at.dataframe if "Label resmi" in d.value.columns]
    assert [len(k) for k in katalog] == [3, 3, 5, 6, 3, 4]
    assert katalog[0].iloc[0].tolist() == [
        "▶ 1",
        "Perda KLA",
        "Tersedia Peraturan/Kebijakan Daerah tentang KLA",
        "70",
    ]
    # Scores are labelled synthetic.
    assert any("data contoh (sintetis)" in w.value for w in at.warning)
    assert at.header[1].value == "Skor KLA24-01 antar kab/kota Jawa Tengah (sintetis)"


def test_peringkat_peta_dan_tren(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("indikator", wilayah="33.75").run())
    peta, tren = _spek(at)
    trace, sisipan = peta["data"]  # the inset shows Karimunjawa (Jepara) beside the mainland frame
    assert (sisipan["geo"], sisipan["locations"]) == ("geo2", ["33.20"])
    assert trace["type"] == "choropleth"
    assert trace["geojson"] == "/app/static/geo/jawa_tengah_kabkota.geojson"  # a URL: no geometry in the figure
    assert len(trace["locations"]) == 35
    assert trace["zmax"] == 70
    konfig = json.loads(at.get("plotly_chart")[0].proto.config)
    assert konfig["topojsonURL"] == "/app/static/topojson/"
    data = store.kueri(app_db, "skor_indikator", {"tahun": 2025, "tahap": "final"})
    nilai = data[data["indikator"] == "KLA24-01"].set_index("kode_wilayah")["nilai"]
    assert dict(zip(trace["locations"], _angka(trace["z"]), strict=True)) == nilai.to_dict()
    peringkat = _tabel(at, "Peringkat")
    assert len(peringkat) == 35
    terbaik = str(nilai.idxmax())
    assert peringkat.iloc[0]["Skor (sintetis)"] == f"{nilai.max():.2f}".replace(".", ",")
    assert peringkat.iloc[0]["Peringkat"] == "1"
    wilayah = store.kueri(app_db, "wilayah_kabkota").set_index("kode_wilayah")["nama"]
    assert peringkat.iloc[0]["Kabupaten/kota"] == wilayah[terbaik]
    # Trend: Jawa Tengah average and Kota Pekalongan over the seven cycles, 2017 bridged from KLA31.
    assert [t["name"] for t in tren["data"]] == ["Rata-rata kab/kota Jawa Tengah", "Kota Pekalongan"]
    assert all(_angka(t["x"]) == [2017, 2018, 2019, 2021, 2022, 2023, 2025] for t in tren["data"])
    assert tren["data"][1]["marker"]["symbol"][0] == "circle-open"
    assert any("KLA31-01 → indikator ini" in w.value and "sebagian" in w.value for w in at.warning)
    tabel_tren = _tabel(at, "Indikator sumber")
    assert tabel_tren.iloc[0].tolist()[:3] == ["2017", "KLA31", "KLA31-01"]


def test_ganti_indikator_tahun_dan_wilayah(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("indikator", wilayah="33.75").run())
    at.selectbox(key="indikator_KLA24").set_value("KLA24-13").run()
    periksa_tanpa_galat(at)
    assert at.header[0].value == "KLA24-13 · Prevalensi Gizi"
    assert at.query_params["indikator"] == "KLA24-13"
    at.selectbox(key="tahun_KLA24").set_value(2021).run()
    periksa_tanpa_galat(at)
    assert at.query_params["tahun"] == "2021"
    assert any("evaluasi 2021" in c.value for c in at.caption)
    trace = _spek(at)[0]["data"][0]
    assert trace["zmax"] == 40
    at.selectbox(key="wilayah").set_value("33.01").run()
    periksa_tanpa_galat(at)
    assert _spek(at)[1]["data"][1]["name"] == "Kabupaten Cilacap"
    # Related raw statistics with the region's latest value (real data, SSGI 2022).
    statistik = _tabel(at, "Statistik").set_index("Statistik")
    ssgi = statistik.loc["Prevalensi stunting (SSGI)"]
    assert ssgi["Nilai Kabupaten Cilacap (tahun)"] == "17,60 (2022)"
    assert ssgi["Status"] == "terverifikasi"
    assert "2024" in ssgi["Tahun data"]


def test_statistik_belum_terverifikasi_ditandai(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("indikator", wilayah="33.75", indikator="KLA24-21").run())
    statistik = _tabel(at, "Statistik").set_index("Statistik")
    assert statistik.loc["Korban kekerasan anak 0–18 tahun (belum terverifikasi)", "Status"] == "BELUM terverifikasi"


def test_indikator_tanpa_statistik(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("indikator", wilayah="33.75", indikator="KLA24-01").run())
    assert any("Belum ada statistik mentah" in i.value for i in at.info)


def test_ganti_skema_ke_kla31_dan_kembali_lewat_padanan(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("indikator", wilayah="33.75", indikator="KLA24-04").run())
    at.selectbox(key="skema").set_value("KLA31").run()
    periksa_tanpa_galat(at)
    # The crosswalk counterpart is picked, and only the scheme's cycle (2017) is offered.
    assert at.selectbox(key="indikator_KLA31").value == "KLA31-08"
    assert at.query_params["indikator"] == "KLA31-08"
    assert at.query_params["skema"] == "KLA31"
    assert at.selectbox(key="tahun_KLA31").options == ["2017"]
    assert [len(d.value) for d in at.dataframe if "Label resmi" in d.value.columns] == [7, 3, 3, 9, 5, 4]
    assert any("hanya dipakai pada siklus 2017" in i.value for i in at.info)
    at.button(key="ind_buka_KLA24-04").click().run()
    periksa_tanpa_galat(at)
    assert at.selectbox(key="skema").value == "KLA24"
    assert at.header[0].value == "KLA24-04 · Akta Kelahiran"
    assert at.query_params["indikator"] == "KLA24-04"


def test_tautan_langsung_ke_indikator_kla31(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("indikator", wilayah="33.75", indikator="KLA31-20").run())
    assert at.selectbox(key="skema").value == "KLA31"
    assert at.header[0].value.startswith("KLA31-20 · ")
    assert any("tidak punya padanan di KLA24" in i.value for i in at.info)


def test_bahasa_inggris(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("indikator", wilayah="33.75", lang="en", indikator="KLA24-13").run())
    assert at.title[0].value == "KLA indicators"
    teks = _markdown(at)
    assert "**Under-five nutritional status (stunting, wasting, underweight)**" in teks
    assert "**Official full name (Indonesian)** :blue-badge[inferred]" in teks
    # English content, with the official Indonesian name kept beside it.
    assert "Under-five nutritional status (stunting, wasting, underweight) · Nutrition prevalence" in teks
    assert "- Stunting prevalence among under-fives" in teks
    assert "Prevalensi stunting balita" not in teks
    assert "The nutritional status of under-fives as a reflection" in teks
    assert ":orange-badge[assumption, not official]" in teks
    assert "40 points (this group 210, whole scheme 1,000)" in teks
    assert any("translated from its Indonesian sources" in c.value for c in at.caption)
    assert at.header[1].value == "KLA24-13 score across Jawa Tengah kab/kota (synthetic)"
    assert any("synthetic example data" in w.value for w in at.warning)
    assert "Rank" in _tabel(at, "Rank").columns
    tren = _spek(at)[1]
    assert tren["layout"]["yaxis"]["title"]["text"] == "Achievement (% of max., synthetic)"
    assert (
        _tabel(at, "Statistic").set_index("Statistic").loc["Stunting prevalence (SSGI survey)", "Status"] == "verified"
    )


def test_klaster_paud_hi_belum_pasti_dan_instansi_vertikal(app_db: Path):
    """KLA24-10's klaster is contested (slide vs the Minister's 2022 release): both sources, a badge."""
    at = periksa_tanpa_galat(buka_halaman("indikator", wilayah="33.75", indikator="KLA24-10").run())
    klaster = next(m.value for m in at.markdown if m.value.startswith("**Klaster**"))
    assert ":orange-badge[belum pasti]" in klaster
    assert "Klaster II" in klaster
    daftar = "\n".join(m.value for m in at.markdown)
    assert "slideplayer.info/amp/17552328" in daftar
    assert "purbalinggakab.go.id" in daftar
    lain = periksa_tanpa_galat(buka_halaman("indikator", wilayah="33.75", indikator="KLA24-11").run())
    assert "belum pasti" not in next(m.value for m in lain.markdown if m.value.startswith("**Klaster**"))
    # Members that are not regional OPD are labelled as national agency offices.
    kawin = periksa_tanpa_galat(buka_halaman("indikator", wilayah="33.75", indikator="KLA24-07", lang="en").run())
    opd = next(m.value for m in kawin.markdown if m.value.startswith("**Responsible OPD and agencies**"))
    assert "BPS (national agency office, not an OPD)" in opd
    assert "DP3A (" not in opd
