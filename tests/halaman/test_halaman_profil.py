"""AppTest of the Profil Wilayah page on the built default database, plus its pure figure builders."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators.analisis import layanan, profil
from indicators.katalog.model import KELOMPOK, katalog_bawaan
from indicators.lokasi import DATA_DIR
from tests.halaman_util import buka_halaman, buka_tab, periksa_tanpa_galat, tabel_html
from ui.bagian import profil as halaman_profil

KAT = katalog_bawaan()


_TAB = {"id": ("Selisih ke predikat berikutnya", "Riwayat predikat", "Skor per kelompok"),
        "en": ("Gap to the next predikat", "Predikat history", "Score by group")}  # fmt: skip


def _grafik(at: AppTest, bahasa: str = "id") -> dict[str, dict[str, Any]]:
    """Plotly specs of the three chart views (ruang, riwayat, kelompok), each the only chart while its view
    is chosen; the default view (kelompok) is chosen again afterwards."""
    hasil = {}
    for nama, label in zip(("ruang", "riwayat", "kelompok"), _TAB[bahasa], strict=True):
        spek = [json.loads(c.proto.spec) for c in buka_tab(at, "profil_grafik", label).get("plotly_chart")]
        assert len(spek) == 1, f"{label}: {len(spek)} charts drawn"
        hasil[nama] = spek[0]
    return hasil


def _trace(spek: dict[str, Any], nama: str) -> dict[str, Any]:
    """A trace by legend name, numeric arrays decoded (plotly sends them as base64 typed arrays)."""
    trace = next(tr for tr in spek["data"] if tr.get("name") == nama)
    return {k: _larik(v) for k, v in trace.items()}


def _larik(nilai: Any) -> Any:
    if isinstance(nilai, dict) and "bdata" in nilai:
        data = np.frombuffer(base64.b64decode(nilai["bdata"]), dtype=np.dtype(nilai["dtype"]))
        return [x.item() for x in data]
    return nilai


def _metrik(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _resmi_csv(kode: str) -> dict[int, str]:
    sumber = pd.read_csv(DATA_DIR / "kla" / "kla_predikat.csv", dtype={"kode_wilayah": str})
    sumber = sumber[sumber["kode_wilayah"] == kode]
    return {int(t): str(p) for t, p in zip(sumber["tahun"], sumber["predikat"], strict=True)}


def _input_sim(at: AppTest, indikator: str, kunci: str = "33.75_2025_final") -> Any:
    return at.text_input(key=f"profil_sim_{kunci}_{indikator}")


def _buka_simulasi(at: AppTest) -> AppTest:
    at.session_state["profil_simulasi_buka"] = True  # what opening the what-if expander sets
    return periksa_tanpa_galat(at.run())


def _tabel(at: AppTest, kolom: str) -> pd.DataFrame:
    # Small tables are HTML (shown text); the what-if result is still a grid.
    return next(d for d in [*tabel_html(at), *(g.value for g in at.dataframe)] if kolom in d.columns)


def test_bawaan_kota_pekalongan_2025(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.75").run())
    assert at.title[0].value == "Profil Kota Pekalongan — evaluasi 2025"
    assert {"wilayah": "33.75", "tahun": "2025", "tahap": "final", "provinsi": "33"}.items() <= dict(
        at.query_params
    ).items()
    assert len(at.selectbox(key="wilayah").options) == 35
    assert at.selectbox(key="tahap").options == ["Evaluasi mandiri", "Verifikasi provinsi", "Final"]
    # Synthetic scores are labelled at the top and on every score.
    assert "data contoh (sintetis)" in at.warning[0].value
    resmi = _resmi_csv("33.75")
    tabel = layanan.tabel_skor(app_db, KAT, tahun=2025, kode_provinsi="33")
    baris = tabel.set_index("kode_wilayah").loc["33.75"]
    metrik = _metrik(at)
    assert metrik["Predikat resmi 2025"] == resmi[2025] == "Nindya"
    assert metrik["Total skor (sintetis)"] == f"{baris['total']:.2f}".replace(".", ",")
    assert metrik["Predikat hitung (sintetis)"] == baris["predikat_hitung"]
    # A rank names its population and its basis (synthetic totals of the regions with data).
    kartu = {m.label: m for m in at.metric}["Peringkat total di provinsi (sintetis)"]
    assert kartu.value == f"{baris['peringkat_provinsi']} dari 35"
    assert kartu.delta == "kab/kota yang ada datanya"
    assert kartu.help == f"{baris['peringkat_provinsi']} dari 35 kab/kota yang ada datanya"

    g = _grafik(at)
    # History: every official predikat of the real file at its year; 2017 and 2018 not found.
    r = _trace(g["riwayat"], "Predikat resmi")
    assert dict(zip(r["x"], r["y"], strict=True)) == resmi
    hilang = _trace(g["riwayat"], "Data tidak ditemukan")
    assert sorted(hilang["x"]) == [2017, 2018]
    assert set(hilang["y"]) == {"Data tidak ditemukan"}
    celah = [a["text"] for a in g["riwayat"]["layout"]["annotations"]]
    assert celah == ["tanpa evaluasi", "tanpa evaluasi"]
    assert [s["x0"] + 0.45 for s in g["riwayat"]["layout"]["shapes"]] == pytest.approx([2020, 2024])
    # A few labelled years (the last always), never rotated; a small tick at every year (a 390 px phone).
    assert g["riwayat"]["layout"]["xaxis"]["tickvals"] == [2017, 2019, 2021, 2023, 2025]
    assert g["riwayat"]["layout"]["xaxis"]["tickangle"] == 0

    # Groups: maxima from the catalogue (labelled as the project's assumption), province average.
    maks = _trace(g["kelompok"], "Maks. (alokasi bawaan proyek, asumsi)")
    assert maks["x"] == list(KAT.skema["KLA24"].nilai_maks_kelompok().values())
    rata = _trace(g["kelompok"], "Rata-rata provinsi")
    assert rata["x"] == pytest.approx([tabel[k].mean() for k in KELOMPOK])
    skor = _trace(g["kelompok"], "Skor (sintetis)")
    assert skor["x"] == pytest.approx([baris[k] for k in KELOMPOK])
    assert any("alokasi bawaan proyek" in c.value for c in at.caption)

    # Gap: the text and the orange bars that close it.
    buka_tab(at, "profil_grafik", "Selisih ke predikat berikutnya")
    selisih = f"{baris['selisih_ke_predikat_berikut']:.2f}".replace(".", ",")
    assert any(f"**{selisih} poin**" in m.value and "**Utama**" in m.value for m in at.markdown)
    tutup = _trace(g["ruang"], "Menutup selisih ke Utama")
    ruang_tutup = [float(x.replace(",", ".")) for x in tutup["text"]]
    assert sum(ruang_tutup) >= baris["selisih_ke_predikat_berikut"] > sum(ruang_tutup[:-1])

    # The details, one view at a time: the indicator table with status first, then stages, neighbours.
    rincian = at.button_group(key="profil_rincian")
    assert rincian.options == ["Status indikator", "Skor per tahap", "Wilayah tetangga"]
    assert rincian.value == "Status indikator"
    assert not {"Evaluasi mandiri", "Verifikasi provinsi", "Final"} & set(_metrik(at))  # stages not built
    status = _tabel(at, "Status")
    assert len(status) == 24
    assert set(status["Status"]) <= {"penuh", "baik", "sebagian", "rendah", "belum ada skor"}
    assert status["Indikator"].iloc[0] == "01 Perda KLA"
    assert not any("Nama" in d.columns for d in tabel_html(at))  # neighbours not built
    # Stages: three totals, losses at verification.
    buka_tab(at, "profil_rincian", "Skor per tahap")
    assert {"Evaluasi mandiri", "Verifikasi provinsi", "Final"} <= set(_metrik(at))
    rugi = _tabel(at, "Perubahan (final − mandiri)")
    assert 1 <= len(rugi) <= 5
    assert not any("Status" in d.columns for d in tabel_html(at))
    buka_tab(at, "profil_rincian", "Wilayah tetangga")
    sebaya = _tabel(at, "Nama")
    assert sebaya["Nama"].tolist()[0] == "Kota Pekalongan (wilayah ini)"
    assert set(sebaya["Nama"].tolist()[1:]) == {"Kabupaten Batang", "Kabupaten Pekalongan"}

    # What-if form: closed, and not built, until opened (it would cost every rerun its 27 inputs).
    assert not [n for n in at.text_input if str(n.key).startswith("profil_")]
    buka = next(e for e in at.expander if e.label == "Buka formulir simulasi (skor indikator dan statistik mentah)")
    assert not buka.children
    _buka_simulasi(at)
    # Opened: six inputs up front at the current scores (decimal comma), the rest folded, three
    # rubric statistics.
    assert _input_sim(at, "KLA24-01").value == "50,57"
    assert len([n for n in at.text_input if str(n.key).startswith("profil_sim_")]) == 24
    assert len([n for n in at.text_input if str(n.key).startswith("profil_stat_")]) == 3


def test_tabel_riwayat_dan_ruang_dibangun_saat_dibuka(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.75").run())
    judul = {"Tabel riwayat predikat", "Semua indikator menurut ruang tersisa"}
    assert not [e for e in at.expander if e.label in judul]  # the default tab holds neither
    unduh = ("unduhtabel_riwayat", "unduhtabel_ruang")
    for tab, label, kunci in (
        ("Riwayat predikat", "Tabel riwayat predikat", "profil_riwayat_tabel"),
        ("Selisih ke predikat berikutnya", "Semua indikator menurut ruang tersisa", "profil_ruang_tabel"),
    ):
        buka_tab(at, "profil_grafik", tab)
        tertutup = [e for e in at.expander if e.label in judul]
        assert [e.label for e in tertutup] == [label]
        assert not tertutup[0].children
        assert not [d for d in tabel_html(at) if {"Keyakinan", "#"} & set(d.columns)]
        at.session_state[kunci] = True  # what opening the expander sets
        periksa_tanpa_galat(at.run())
        kunci_unduh = [str(b.proto.id).split("-", 2)[-1] for b in at.get("download_button")]
        assert len([k for k in kunci_unduh if k.startswith(unduh)]) == 2  # CSV, XLSX of this tab's table
        if kunci == "profil_riwayat_tabel":
            # History: every official predikat of the real file at its year, beside the synthetic total.
            riwayat = _tabel(at, "Keyakinan").set_index("Tahun evaluasi")
            resmi = {int(str(k)): v for k, v in riwayat["Predikat resmi"].items() if v != "Data tidak ditemukan"}
            assert resmi == _resmi_csv("33.75")
            tabel = layanan.tabel_skor(app_db, KAT, tahun=2025, kode_provinsi="33").set_index("kode_wilayah")
            total = float(tabel["total"]["33.75"])
            assert riwayat.loc["2025", "Total skor (sintetis)"] == f"{total:.2f}".replace(".", ",")
    # Room: all 24 indicators, ranked, the ones that close the gap ticked.
    ruang = _tabel(at, "#")
    assert len(ruang) == 24
    assert ruang["#"].tolist() == [str(i) for i in range(1, 25)]  # the shown text
    assert ruang["Indikator"].iloc[0] == "01 Perda KLA"
    assert ruang["Ruang"].iloc[0] == "19,43"
    assert set(ruang["Menutup selisih"]) == {"✓", ""}


def test_satu_grafik_per_rerun_dan_tab_yang_dibuka_diingat(app_db: Path):
    """Only the open tab's chart is built; the open tab survives a region change and a language switch."""
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.75").run())
    assert [c.proto.id.split("-", 2)[-1] for c in at.get("plotly_chart")] == ["profil_kelompok"]
    pilihan = at.button_group(key="profil_grafik").options
    assert pilihan == ["Skor per kelompok", "Selisih ke predikat berikutnya", "Riwayat predikat"]
    buka_tab(at, "profil_grafik", "Riwayat predikat")
    assert [c.proto.id.split("-", 2)[-1] for c in at.get("plotly_chart")] == ["profil_riwayat"]
    periksa_tanpa_galat(at.selectbox(key="wilayah").set_value("33.26").run())
    assert [c.proto.id.split("-", 2)[-1] for c in at.get("plotly_chart")] == ["profil_riwayat"]
    assert at.title[0].value == "Profil Kabupaten Pekalongan — evaluasi 2025"
    at.session_state["bahasa"] = "en"  # what the sidebar's language switch sets
    periksa_tanpa_galat(at.run())
    assert [c.proto.id.split("-", 2)[-1] for c in at.get("plotly_chart")] == ["profil_riwayat"]
    assert at.subheader[0].value == "Predikat history"


def test_ganti_wilayah(app_db: Path):
    at = buka_tab(
        periksa_tanpa_galat(buka_halaman("profil", wilayah="33.75").run()), "profil_rincian", "Wilayah tetangga"
    )
    at.selectbox(key="wilayah").set_value("33.26").run()
    periksa_tanpa_galat(at)
    assert at.title[0].value == "Profil Kabupaten Pekalongan — evaluasi 2025"
    assert at.button_group(key="profil_rincian").value == "Wilayah tetangga"  # the view stays chosen
    assert at.query_params["wilayah"] == "33.26"
    assert _metrik(at)["Predikat resmi 2025"] == _resmi_csv("33.26")[2025]
    sebaya = _tabel(at, "Nama")
    assert sebaya["Nama"].iloc[0] == "Kabupaten Pekalongan (wilayah ini)"
    assert "Kota Pekalongan" in sebaya["Nama"].tolist()


def test_ganti_siklus_dan_skema_lama(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.75").run())
    at.selectbox(key="tahun").set_value(2021).run()
    periksa_tanpa_galat(at)
    assert at.title[0].value == "Profil Kota Pekalongan — evaluasi 2021"
    assert at.query_params["tahun"] == "2021"
    assert at.selectbox(key="tahap").options == ["Evaluasi mandiri", "Final"]
    assert _metrik(at)["Predikat resmi 2021"] == "Madya"
    # 2017: the 31-indicator scheme, its own maxima, no official predikat for this city.
    at.selectbox(key="tahun").set_value(2017).run()
    periksa_tanpa_galat(at)
    assert _metrik(at)["Predikat resmi 2017"] == "Data tidak ditemukan"
    assert len(_tabel(at, "Status")) == 31
    maks = _trace(_grafik(at)["kelompok"], "Maks. (alokasi bawaan proyek, asumsi)")
    assert maks["x"] == list(KAT.skema["KLA31"].nilai_maks_kelompok().values())
    assert not [n for n in at.text_input if str(n.key).startswith("profil_stat_")]  # no rubric in KLA31
    buka_tab(at, "profil_grafik", "Selisih ke predikat berikutnya")
    assert any("Indikator dengan ruang terbesar" in m.value and "saja sudah cukup" in m.value for m in at.markdown)


def test_tahap_dari_url(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.75", tahun="2025", tahap="mandiri").run())
    assert at.selectbox(key="tahap").value == "mandiri"
    mandiri = layanan.tabel_skor(app_db, KAT, tahun=2025, tahap="mandiri").set_index("kode_wilayah")
    assert _metrik(at)["Total skor (sintetis)"] == f"{mandiri['total'].loc['33.75']:.2f}".replace(".", ",")


def test_simulasi_naik_predikat(app_db: Path):
    at = _buka_simulasi(periksa_tanpa_galat(buka_halaman("profil", wilayah="33.75").run()))
    _input_sim(at, "KLA24-01").set_value("70")
    _input_sim(at, "KLA24-18").set_value("45,0")
    at.text_input(key="profil_stat_33.75_2025_final_prevalensi_stunting_ssgi").set_value("17,68")
    at.button(key="profil_sim_kirim").click().run()
    periksa_tanpa_galat(at)
    metrik = _metrik(at)
    assert metrik["Predikat hitung baru"] == "Utama"
    delta = next(m.delta for m in at.metric if m.label == "Predikat hitung baru")
    assert delta == "sebelumnya Nindya"
    assert metrik["Total baru"].count(",") == 1
    catatan = next(i.value for i in at.info if "Asumsi simulasi ini" in i.value)
    assert "alokasi bawaan proyek" in catatan
    assert "13 Prevalensi Gizi: Prevalensi stunting (SSGI) = 17,68 persen → 80 % dari maks. = 32,00 poin" in catatan
    assert "rubrik asumsi proyek" in catatan
    berubah = _tabel(at, "Sesudah")
    assert berubah["Indikator"].tolist() == ["01 Perda KLA", "13 Prevalensi Gizi", "18 Wajar 12 Th"]


def test_simulasi_masukan_tidak_sah(app_db: Path):
    at = _buka_simulasi(periksa_tanpa_galat(buka_halaman("profil", wilayah="33.75").run()))
    at.text_input(key="profil_stat_33.75_2025_final_prevalensi_stunting_ssgi").set_value("150")
    at.button(key="profil_sim_kirim").click().run()
    periksa_tanpa_galat(at, galat=1)  # the user's mistake, said once
    assert at.error[0].value.startswith("Masukan simulasi tidak sah")
    assert "di luar 0–100 persen" in at.error[0].value
    assert "Predikat hitung baru" not in _metrik(at)
    # A decimal point in Indonesian is refused, not guessed (50.57 could mean 5.057), and a score
    # above its maximum is named with the maximum; both in one message.
    at.text_input(key="profil_stat_33.75_2025_final_prevalensi_stunting_ssgi").set_value("")
    _input_sim(at, "KLA24-01").set_value("50.5")
    _input_sim(at, "KLA24-18").set_value("45,5")
    at.button(key="profil_sim_kirim").click().run()
    periksa_tanpa_galat(at, galat=1)
    pesan = at.error[0].value
    assert "01 Perda KLA: '50.5' bukan angka yang sah; tulis seperti 1.234,5 (koma desimal)" in pesan
    assert "18 Wajar 12 Th: 45,5 di luar 0–45" in pesan


def test_bahasa_inggris(app_db: Path):
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.75", lang="en").run())
    assert at.title[0].value == "Profile of Kota Pekalongan — 2025 evaluation"
    assert "synthetic example data" in at.warning[0].value
    metrik = _metrik(at)
    assert metrik["Official predikat 2025"] == "Nindya"
    assert metrik["Total score (synthetic)"].count(".") == 1
    g = _grafik(at, "en")
    assert _trace(g["kelompok"], "Max. (project default allocation, assumed)")
    assert g["kelompok"]["data"][0]["y"][0] == "Institutional strengthening"
    assert _trace(g["riwayat"], "No data found")["x"] == [2017, 2018]
    status = _tabel(at, "Status")
    assert status["Indicator"].iloc[0] == "01 KLA regulation (Perda KLA)"
    assert set(status["Status"]) <= {"full", "good", "partial", "low", "no score yet"}
    assert _input_sim(_buka_simulasi(at), "KLA24-01").value == "50.57"
    at.text_input(key="profil_stat_33.75_2025_final_prevalensi_stunting_ssgi").set_value("-3")
    at.button(key="profil_sim_kirim").click().run()
    periksa_tanpa_galat(at, galat=1)
    assert at.error[0].value.startswith("Invalid what-if input")


def test_tautan_wilayah_provinsi_lain_dan_tanpa_provinsi(app_db: Path):
    # A link that names only the region: the province follows it.
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.26").run())
    assert at.query_params["provinsi"] == "33"
    assert at.title[0].value.startswith("Profil Kabupaten Pekalongan")
    # A region in a province without KLA data: a plain empty state, not an error.
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="31.71").run())
    assert at.query_params["provinsi"] == "31"
    assert at.info[0].value.startswith("Belum ada data KLA untuk")
    assert not at.get("plotly_chart")


# --- pure figure builders --------------------------------------------------------------------------


def test_grafik_riwayat_menandai_beda():
    riwayat = profil.riwayat_predikat(
        pd.DataFrame(
            {"tahun": [2021, 2022], "total": [720.0, 650.0], "predikat_hitung": ["Nindya", "Madya"], "sintetis": True}
        ),
        pd.DataFrame({"tahun": [2021, 2022], "predikat": ["Madya", "Madya"], "keyakinan": ["tinggi", "sedang"]}),
        [(2021, "KLA24"), (2022, "KLA24")],
    )
    fig = halaman_profil.grafik_riwayat(riwayat, KAT.pita, [], "id")
    hitung = next(tr for tr in fig.data if tr.name == "Predikat hitung (sintetis)")
    assert list(hitung.text) == ["≠", ""]
    assert list(hitung.y) == ["Nindya", "Madya"]
    tabel = halaman_profil.tabel_riwayat(riwayat, "en")
    assert tabel["Difference"].tolist() == ["≠ differs from official", ""]
    assert tabel["Confidence"].tolist() == ["high", "medium"]


def test_total_dilaporkan_nyata_dan_predikat_perkiraan(app_db: Path):
    """A published total is shown as real with its source; a band the facts leave open is an estimate."""
    skor = pd.read_csv(DATA_DIR / "kla" / "kla_skor.csv", dtype={"kode_wilayah": str})
    sragen = skor[(skor["kode_wilayah"] == "33.14") & (skor["tahun"] == 2023)].iloc[0]
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.14", tahun="2023").run())
    kartu = {m.label: m for m in at.metric}
    assert kartu["Total skor (dilaporkan)"].value == f"{sragen['nilai']:.2f}".replace(".", ",")
    assert sragen["source"].split(" ")[0] in kartu["Total skor (dilaporkan)"].help
    assert "Predikat hitung dari total dilaporkan" in kartu
    # Kabupaten Pati 2023: not in the known list; the facts leave Madya or Nindya.
    predikat = pd.read_csv(DATA_DIR / "kla" / "kla_predikat.csv", dtype={"kode_wilayah": str})
    assert predikat[(predikat["kode_wilayah"] == "33.18") & (predikat["tahun"] == 2023)].empty
    pati = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.18", tahun="2023", lang="en").run())
    kartu = {m.label: m for m in pati.metric}
    perkiraan = kartu["Computed predikat (synthetic)"]
    assert perkiraan.delta == "synthetic estimate"
    assert perkiraan.value in perkiraan.help
    assert "not a known predikat" in perkiraan.help
    assert "Total score (reported)" not in kartu
