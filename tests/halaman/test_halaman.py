"""AppTest of the Ringkasan page on the built default database, and of the shared page check
(tests/halaman_util.py): it fails when a page raises, although app.py catches the exception."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators.format import Bahasa
from indicators.grafik.predikat import WARNA_PREDIKAT
from indicators.lokasi import DATA_DIR, PROYEK
from indicators.teks import t
from tests.halaman_util import buka_halaman, buka_tab, jejak_wilayah, kartu, periksa_tanpa_galat, tabel_html
from ui import cache, layar

HALAMAN = sorted(p.stem for p in (PROYEK / "halaman").glob("*.py"))  # every page app.py routes to
KATEGORI = {
    "KLA",
    "Utama",
    "Nindya",
    "Madya",
    "Pratama",
    "Tidak berpredikat",
    "Data tidak ditemukan",
    "No predikat",
    "No data found",
}


def _metrik(at: AppTest) -> dict[str, str]:
    """Ringkasan's figure cards (HTML, ui.gaya.html_kartu): label → shown value."""
    return {label: bagian["nilai"] for label, bagian in kartu(at).items()}


def _tabel_kabkota(at: AppTest, label: str = "Semua kab/kota") -> pd.DataFrame:
    """The kab/kota grid, from the tables' second view (``ringkasan_tabel``), chosen as a click does."""
    return buka_tab(at, "ringkasan_tabel", label).dataframe[-1].value


def _jumlah(at: AppTest) -> dict[str, int]:
    return {k: int(v) for k, v in _metrik(at).items() if k in KATEGORI}


def _harapan_predikat(tahun: str) -> dict[str, int]:
    sumber = pd.read_csv(DATA_DIR / "kla" / "kla_predikat.csv", dtype=str)
    return {str(k): int(v) for k, v in sumber.loc[sumber["tahun"] == tahun, "predikat"].value_counts().items()}


def _rekap_resmi(tahun: int, cakupan: str) -> dict[str, int]:
    """The official recap read straight from the source CSV (not through the product)."""
    sumber = pd.read_csv(DATA_DIR / "kla" / "kla_rekap_jumlah.csv")
    baris = sumber[(sumber["tahun"] == tahun) & (sumber["cakupan"] == cakupan)]
    return {str(p): int(j) for p, j in zip(baris["predikat"], baris["jumlah"], strict=True)}


def _delta(at: AppTest) -> dict[str, str | None]:
    return {label: bagian.get("delta") for label, bagian in kartu(at).items()}


def test_ringkasan_bawaan_jawa_tengah_tahun_terakhir(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman().run())
    assert "Jawa Tengah 2025" in at.title[0].value
    jumlah = _jumlah(at)
    for predikat, banyak in _harapan_predikat("2025").items():
        assert jumlah[predikat] == banyak
    assert sum(jumlah.values()) == 35
    metrik = _metrik(at)
    assert metrik["Provinsi Layak Anak (Provila)"] == "Ya"
    assert "," in metrik["Rata-rata total skor final (sintetis)"]  # Indonesian decimal comma
    peta = json.loads(at.get("plotly_chart")[0].proto.spec)
    # The main map (the inset repeats Karimunjawa's Jepara: indicators.grafik.bingkai).
    lokasi = [k for trace in jejak_wilayah(peta) if trace.get("geo", "geo") == "geo" for k in trace["locations"]]
    assert len(lokasi) == 35
    assert len(set(lokasi)) == 35
    assert peta["data"][0]["geojson"] == "/app/static/geo/jawa_tengah_kabkota.geojson"
    # The map brings its own style and is drawn without Streamlit's theme: drawn once per change
    # (tests/unit/test_grafik_peta_gaya.py); the other charts have the theme written in (ui.layar).
    assert "template" not in peta["layout"]
    assert at.get("plotly_chart")[0].proto.theme == ""
    assert any("sintetis" in w.value for w in at.warning)
    # Official moves since 2023, both ways, from the real predikat files: the tables' first view.
    assert at.button_group(key="ringkasan_tabel").options == ["Pergerakan predikat", "Semua kab/kota"]
    assert any("Pergerakan predikat resmi sejak 2023" in s.value for s in at.subheader)
    assert not at.dataframe  # the kab/kota grid is built only when its view is chosen
    # Changes come from the official 2023 recap (Nindya 11, Madya 15), not the 25 regions known by name.
    assert _delta(at)["Nindya"] == "+2 dibanding 2023"
    assert _delta(at)["Madya"] == "±0 dibanding 2023"
    assert any("rekap resmi" in c.value and "35 dari 35 kab/kota diketahui" in c.value for c in at.caption)
    assert len(_tabel_kabkota(at)) == 35
    assert not any("Pergerakan predikat resmi" in s.value for s in at.subheader)  # one view at a time


def test_ringkasan_ganti_tahun_dan_bahasa(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman().run())
    at.selectbox(key="tahun").set_value(2021).run()
    periksa_tanpa_galat(at)
    assert _jumlah(at)["Pratama"] == _harapan_predikat("2021")["Pratama"]
    assert at.query_params["tahun"] == "2021"
    at = periksa_tanpa_galat(buka_halaman(lang="en", tahun="2023").run())
    assert at.title[0].value.startswith("KLA predikat overview, Jawa Tengah 2023")
    # 2023 is known by name for 25 of 35: the cards show the official recap, the caption the coverage.
    resmi = _rekap_resmi(2023, "jawa_tengah")
    assert {p: _jumlah(at)[p] for p in ("Utama", "Nindya", "Madya", "Pratama")} == {
        p: resmi[p] for p in ("Utama", "Nindya", "Madya", "Pratama")
    }
    assert any("official recap" in c.value and "25 of 35 kab/kota known by name" in c.value for c in at.caption)
    assert len(at.get("plotly_chart")) == 1  # the map: one chart per change, the others a tab away
    grafik_batang = buka_tab(at, "ringkasan_grafik", "Count per predikat").get("plotly_chart")[0]
    assert grafik_batang.proto.theme == ""
    batang = json.loads(grafik_batang.proto.spec)
    assert batang["layout"]["yaxis"]["tickfont"]["color"] == layar.TEMA_LAYOUT["yaxis"]["tickfont"]["color"]
    assert [trace["name"] for trace in batang["data"]] == ["Official count", "Known by name"]
    assert batang["data"][0]["x"][2] == 15  # Madya: official 15 beside the 6 known by name
    assert batang["data"][1]["x"][2] == 6
    assert "." in _metrik(at)["Average final total (synthetic)"]  # English decimal point


def test_ringkasan_nasional_peta_provinsi_provila(app_db: Path):
    """Indonesia: a province map of Provila status; an incomplete list leaves the others unknown."""
    sumber = pd.read_csv(DATA_DIR / "kla" / "tambahan" / "provila_nasional.csv", dtype=str)
    at = buka_tab(buka_halaman(provinsi="00", tahun="2025").run(), "ringkasan_grafik", "Provila per provinsi")
    # No histogram tab: the national view has totals for one province only.
    assert at.button_group(key="ringkasan_grafik").options == [
        "Peta kab/kota",
        "Jumlah per predikat",
        "Provila per provinsi",
    ]
    assert len(at.get("plotly_chart")) == 1
    peta = next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if "indonesia_provinsi" in c.proto.spec)
    status = {tr["name"].rsplit(" (", 1)[0]: list(tr["locations"]) for tr in jejak_wilayah(peta)}
    assert sorted(status["Provinsi Layak Anak (Provila)"]) == sorted(
        sumber.loc[sumber["tahun"] == "2025", "kode_provinsi"]
    )
    assert len(status["Bukan Provila"]) == 38 - 13  # 13 named = 13 in the recap: the list is complete
    assert any("Daftar Provila 2025 lengkap: 13 provinsi" in c.value for c in at.caption)
    dulu = buka_tab(buka_halaman(provinsi="00", tahun="2023").run(), "ringkasan_grafik", "Provila per provinsi")
    peta = next(json.loads(c.proto.spec) for c in dulu.get("plotly_chart") if "indonesia_provinsi" in c.proto.spec)
    nama = [tr["name"] for tr in peta["data"]]
    assert "Provinsi Layak Anak (Provila) (9)" in nama  # 9 of 14 named in the stored release
    assert not any(n.startswith("Bukan Provila") for n in nama)
    assert any("9 provinsi diketahui namanya dari 14" in c.value for c in dulu.caption)


def test_ringkasan_dasar_dan_keyakinan_terlihat(app_db: Path):
    """A predikat inferred rather than stated is drawn apart on the map, named so in the legend,
    and its basis is in the hover text and the table (Kota Salatiga 2023 is inferred)."""
    sumber = pd.read_csv(DATA_DIR / "kla" / "kla_predikat.csv", dtype=str)
    disimpulkan = sumber[(sumber["tahun"] == "2023") & (sumber["basis"] != "stated")]
    assert len(disimpulkan) > 0
    at = periksa_tanpa_galat(buka_halaman(tahun="2023").run())
    peta = json.loads(at.get("plotly_chart")[0].proto.spec)
    pucat = [tr for tr in jejak_wilayah(peta) if ", disimpulkan" in tr["name"] and tr.get("geo", "geo") == "geo"]
    assert sorted(k for tr in pucat for k in tr["locations"]) == sorted(disimpulkan["kode_wilayah"])
    # paler: a blend of a predikat colour with white, not a colour of the stated palette
    assert all(tr["colorscale"][0][1] not in WARNA_PREDIKAT.values() for tr in pucat)
    assert all(tr["marker"]["line"]["width"] > 1 for tr in pucat)
    hover = {k: h for tr in jejak_wilayah(peta) for k, h in zip(tr["locations"], tr["hovertext"], strict=True)}
    kode = disimpulkan["kode_wilayah"].iloc[0]
    assert "disimpulkan" in hover[kode]
    assert "keyakinan" in hover[kode]
    tabel = _tabel_kabkota(at).set_index("Kode")
    assert tabel.loc[kode, "Dasar predikat"].startswith("disimpulkan")
    assert (tabel["Dasar predikat"] == "dinyatakan sumber").sum() == int(
        ((sumber["tahun"] == "2023") & (sumber["basis"] == "stated")).sum()
    )


def test_ringkasan_indonesia_dan_provinsi_tanpa_data(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman(provinsi="00").run())
    peta = next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if "indonesia_kabkota" in c.proto.spec)
    assert sum(len(trace["locations"]) for trace in jejak_wilayah(peta)) == 514
    assert peta["data"][0]["geojson"] == "/app/static/geo/indonesia_kabkota_ikhtisar.geojson"
    assert any("Jumlah nasional yang dilaporkan 2025" in i.value for i in at.info)
    # National cards come from the national recap, never from one province's regions.
    resmi = _rekap_resmi(2025, "nasional")
    assert {p: _jumlah(at)[p] for p in ("Utama", "Nindya", "Madya", "Pratama")} == {
        p: resmi[p] for p in ("Utama", "Nindya", "Madya", "Pratama")
    }
    assert "Data tidak ditemukan" not in _metrik(at)
    # Moves compare only regions known in both cycles, and say how many of the 514 that is: the note
    # sits above the lists, in their HTML element.
    gerak = [e.proto.body for e in at.get("html") if 'class="kla-berdampingan"' in e.proto.body]
    assert len(gerak) == 1
    assert "diketahui di kedua siklus" in gerak[0]
    assert "dari 514" in gerak[0]
    assert gerak[0].index("kedua siklus") < gerak[0].index("kla-tabel")
    assert "Provinsi Layak Anak (Provila)" not in _metrik(at)
    assert any("35 dari 514" in label for label in _metrik(at))
    # Participants and Provila share the national recap's box (one element on every rerun).
    assert any("Jumlah nasional" in i.value and "Peserta evaluasi: 464" in i.value for i in at.info)
    # A kab/kota without a predikat has an empty source cell (never Streamlit's grey "None"); every
    # known predikat links its source, and no source here is text without a link.
    tabel = _tabel_kabkota(at)
    assert tabel["Sumber"].notna().all()
    assert ((tabel["Sumber"] == "") == (tabel["Keyakinan"] == "–")).all()
    assert 0 < (tabel["Sumber"] != "").sum() < 514
    assert tabel.loc[tabel["Sumber"] != "", "Sumber"].str.startswith("https://").all()
    assert "Keterangan sumber" not in tabel.columns
    info = next(i.value for i in at.info if "Jumlah nasional" in i.value)
    assert info.index("Utama 22") < info.index("Nindya 69") < info.index("Pratama 139") < info.index("Total 355")
    rekap_baris, peserta_baris = info.split("  \n")  # participants on their own line, not among the bands
    assert "Peserta" not in rekap_baris
    assert peserta_baris.startswith("Peserta evaluasi: 464")
    at = periksa_tanpa_galat(buka_halaman(provinsi="11").run())
    assert any("Belum ada data KLA untuk Aceh" in i.value for i in at.info)


def test_database_rusak_dibangun_ulang_saat_halaman_dibuka(tmp_path: Path, monkeypatch):
    import streamlit as st

    rusak = tmp_path / "kla.duckdb"
    rusak.write_bytes(b"ini bukan database" * 64)
    monkeypatch.setenv("KLA_DB", str(rusak))
    st.cache_data.clear()
    at = periksa_tanpa_galat(buka_halaman().run())
    assert "Jawa Tengah 2025" in at.title[0].value


# --- the shared page check can fail ----------------------------------------------------------


@pytest.mark.parametrize("halaman", HALAMAN)
def test_periksa_tanpa_galat_gagal_saat_halaman_melempar(app_db: Path, monkeypatch: pytest.MonkeyPatch, halaman: str):
    """A page that raises: app.py catches it, so at.exception stays empty, but the check fails."""

    def gagal() -> Path:
        raise RuntimeError("halaman uji gagal")

    monkeypatch.setattr(cache, "siapkan_database", gagal)  # the first thing every page does
    at = buka_halaman(halaman).run()
    assert not at.exception  # the old check, blind to this
    assert [e.value for e in at.error] == [t("galat_umum", "id")]
    with pytest.raises(AssertionError, match="generic error box"):
        periksa_tanpa_galat(at)
    with pytest.raises(AssertionError, match="generic error box"):
        periksa_tanpa_galat(at, galat=1)  # an expected user error never excuses a crash


def test_periksa_tanpa_galat_gagal_pada_exception_dan_kotak_galat_tak_terduga():
    melempar = AppTest.from_string("raise RuntimeError('halaman uji gagal')").run()
    with pytest.raises(AssertionError, match="the page raised"):
        periksa_tanpa_galat(melempar)
    salah = AppTest.from_string("import streamlit as st\nst.error('Masukan salah.')").run()
    with pytest.raises(AssertionError, match="expected 0 error box"):
        periksa_tanpa_galat(salah)
    assert periksa_tanpa_galat(salah, galat=1) is salah  # the test then asserts the text itself
    with pytest.raises(AssertionError, match="expected 2 error box"):
        periksa_tanpa_galat(salah, galat=2)
    baik = AppTest.from_string("import streamlit as st\nst.success('Tersimpan.')").run()
    assert periksa_tanpa_galat(baik) is baik


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_ringkasan_pergerakan_sama_dengan_sumber(app_db: Path, bahasa: Bahasa):
    """The up and down tables list exactly the Jawa Tengah regions whose official predikat (the
    committed source file) rose or fell between 2023 and 2025, largest fall first."""
    at = periksa_tanpa_galat(buka_halaman(lang=bahasa).run())
    sumber = pd.read_csv(DATA_DIR / "kla" / "kla_predikat.csv", dtype=str)
    sumber = sumber[sumber["kode_wilayah"].str.startswith("33.")]
    pita = ["Pratama", "Madya", "Nindya", "Utama", "KLA"]
    lalu, kini = (sumber[sumber["tahun"] == th].set_index("nama_wilayah")["predikat"] for th in ("2023", "2025"))
    langkah = {n: pita.index(kini[n]) - pita.index(lalu[n]) for n in kini.index if {lalu.get(n), kini[n]} <= set(pita)}
    assert len(langkah) == 25  # the caption's "25 dari 35"
    kolom = t("predikat_lalu", bahasa, tahun=2023)
    naik, turun = (df for df in tabel_html(at) if kolom in df.columns)
    html = "".join(e.proto.body for e in at.get("html"))  # both lists are one HTML element
    assert f"<strong>{t('naik', bahasa)} ({len(naik)})</strong>" in html
    assert f"<strong>{t('turun', bahasa)} ({len(turun)})</strong>" in html
    nama = t("nama", bahasa)
    assert sorted(naik[nama]) == sorted(n for n, s in langkah.items() if s > 0)
    assert list(turun[nama]) == sorted((n for n, s in langkah.items() if s < 0), key=lambda n: langkah[n])
    for tabel in (naik, turun):
        assert list(tabel[kolom]) == [lalu[n] for n in tabel[nama]]
        assert list(tabel[t("predikat_resmi", bahasa)]) == [kini[n] for n in tabel[nama]]


def test_ringkasan_siklus_pertama_tanpa_pergerakan(app_db: Path):
    """The first cycle has nothing to compare with: it says so, and the kab/kota table is the one view."""
    at = periksa_tanpa_galat(buka_halaman(tahun="2017").run())
    assert any(c.value == "Tidak ada siklus sebelumnya untuk dibandingkan." for c in at.caption)
    assert "ringkasan_tabel" not in [b.key for b in at.button_group]  # one view: no control
    assert not any("Pergerakan predikat resmi" in s.value for s in at.subheader)
    assert len(at.dataframe[-1].value) == 35
