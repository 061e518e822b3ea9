"""Truth suite: the headline figures of the pages, recomputed here from the source CSVs in data/.

Nothing here goes through the product's functions: the CSVs are read with pandas, the declared
choice rule (confidence first, then a government source, then any address, then file order) is
written out again, and each page is read as a user reads it (AppTest on the built database).
A number the dashboard shows that its sources do not give fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators.lokasi import DATA_DIR
from tests.halaman_util import buka_halaman, kartu, periksa_tanpa_galat

KLA = DATA_DIR / "kla"
PITA = ["KLA", "Utama", "Nindya", "Madya", "Pratama"]  # highest first, as the cards are drawn
PERINGKAT_KEYAKINAN = {"high": 0, "medium": 1, "low": 2}
JATENG = "33"
NAMA_CAKUPAN = {JATENG: "jawa_tengah", "00": "nasional"}


def _tingkat(sumber: str) -> int:
    alamat = str(sumber).split(" ")[0]
    if not alamat.startswith(("http://", "https://")):
        return 2
    return 0 if (urlparse(alamat).hostname or "").endswith(".go.id") else 1


def _rekap() -> pd.DataFrame:
    """Every recap row of both files, one chosen per (tahun, cakupan, predikat) by the declared rule."""
    bagian = [pd.read_csv(KLA / "kla_rekap_jumlah.csv")]
    tambahan = KLA / "tambahan" / "rekap_tambahan.csv"
    if tambahan.is_file():
        bagian.append(pd.read_csv(tambahan))
    semua = pd.concat(bagian, ignore_index=True)
    if "confidence" not in semua.columns:
        semua["confidence"] = None
    semua = semua.assign(
        _k=[PERINGKAT_KEYAKINAN.get(str(c), 1) for c in semua["confidence"]],
        _t=[_tingkat(s) for s in semua["source"]],
        _u=range(len(semua)),
    )
    urut = semua.sort_values(["_k", "_t", "_u"], kind="stable")
    return urut.drop_duplicates(["tahun", "cakupan", "predikat"])


def _daftar(kode_provinsi: str) -> pd.DataFrame:
    """Per-region predikat rows with a region code, for a province or all Indonesia."""
    bagian = [pd.read_csv(KLA / "kla_predikat.csv", dtype={"kode_wilayah": str})]
    koreksi = KLA / "tambahan" / "predikat_jateng_koreksi.csv"
    if koreksi.is_file():  # dated statements of a predikat; "(not Utama)" and undated ones are not values
        k = pd.read_csv(koreksi, dtype={"kode_wilayah": str})
        bagian.insert(0, k[k["tahun"].notna() & k["predikat"].isin(PITA)].astype({"tahun": int}))
    nasional = KLA / "tambahan" / "kla_predikat_nasional.csv"
    if nasional.is_file():
        lain = pd.read_csv(nasional, dtype={"kode_wilayah": str})
        bagian.append(lain[lain["kode_wilayah"].notna() & ~lain["kode_wilayah"].str.startswith("33.", na=False)])
    semua = pd.concat(bagian, ignore_index=True)[["tahun", "kode_wilayah", "predikat"]]
    if kode_provinsi != "00":
        semua = semua[semua["kode_wilayah"].str.startswith(f"{kode_provinsi}.")]
    return semua.drop_duplicates(["tahun", "kode_wilayah"])


def _jumlah_wilayah(kode_provinsi: str) -> int:
    if kode_provinsi == JATENG:
        wilayah = pd.read_csv(KLA / "wilayah_jateng.csv", dtype=str)
        return int(wilayah["kode_wilayah"].str.contains(".", regex=False).sum())  # kab/kota, not the province
    return 514


def _siklus(
    kode_provinsi: str, tahun: int, rekap: pd.DataFrame, daftar: pd.DataFrame
) -> tuple[dict[str, int | None], bool]:
    """Counts per band for one cycle and whether they are complete (official recap or full list)."""
    resmi = rekap[(rekap["tahun"] == tahun) & (rekap["cakupan"] == NAMA_CAKUPAN[kode_provinsi])]
    pita = {str(p): int(j) for p, j in zip(resmi["predikat"], resmi["jumlah"], strict=True) if p in PITA}
    if pita:
        total = resmi.loc[resmi["predikat"] == "Total", "jumlah"]
        if len(total) and sum(pita.values()) == int(total.iloc[0]):
            pita = {p: pita.get(p, 0) for p in PITA}
        return {p: pita.get(p) for p in PITA}, True
    tahun_ini = daftar[daftar["tahun"] == tahun]
    hitung = tahun_ini["predikat"].value_counts()
    jumlah: dict[str, int | None] = {p: int(hitung.get(p, 0)) for p in PITA}
    return jumlah, len(tahun_ini) == _jumlah_wilayah(kode_provinsi)


def _siklus_halaman(at: AppTest) -> list[int]:
    return [int(x) for x in at.selectbox(key="tahun").options]


@pytest.mark.parametrize("kode_provinsi", [JATENG, "00"])
def test_kartu_ringkasan_sesuai_sumber_setiap_siklus(app_db: Path, kode_provinsi: str):
    """Every cycle of Jawa Tengah and Indonesia: each card's count and change, read on the page."""
    rekap, daftar = _rekap(), _daftar(kode_provinsi)
    at = periksa_tanpa_galat(buka_halaman(provinsi=kode_provinsi).run())
    semua = sorted(set(_siklus_halaman(at)))
    cakupan = NAMA_CAKUPAN[kode_provinsi]
    dengan_data = set(daftar["tahun"]) | set(
        rekap[(rekap["cakupan"] == cakupan) & rekap["predikat"].isin(PITA)]["tahun"]
    )
    diperiksa = 0
    for tahun in semua:
        at.selectbox(key="tahun").set_value(tahun).run()
        periksa_tanpa_galat(at)
        tampil = {k: (v["nilai"], v.get("delta")) for k, v in kartu(at).items() if k in PITA}
        harapan, _ = _siklus(kode_provinsi, tahun, rekap, daftar)
        lebih_awal = [t for t in dengan_data if t < tahun]
        lalu = max(lebih_awal) if lebih_awal else None
        for pita, nilai in harapan.items():
            assert tampil[pita][0] == ("–" if nilai is None else str(nilai)), (tahun, pita)
        if lalu is None:
            assert all(not d for _, d in tampil.values())
            continue
        harapan_lalu, lengkap_lalu = _siklus(kode_provinsi, lalu, rekap, daftar)
        _, lengkap = _siklus(kode_provinsi, tahun, rekap, daftar)
        for pita, nilai in harapan.items():
            dulu = harapan_lalu[pita]
            if lengkap and lengkap_lalu and nilai is not None and dulu is not None:
                tanda = "±0" if nilai == dulu else f"{nilai - dulu:+d}"
                assert tampil[pita][1] == f"{tanda} dibanding {lalu}", (tahun, pita)
            else:
                assert not tampil[pita][1], (tahun, pita)
        diperiksa += 1
    assert diperiksa >= 5


def test_angka_yang_diminta_isu(app_db: Path):
    """The issue's expected figures, read on the page (not through kla ringkasan)."""
    at = periksa_tanpa_galat(buka_halaman(tahun="2025").run())
    tampil = {k: (v["nilai"], v.get("delta")) for k, v in kartu(at).items()}
    assert tampil["Nindya"] == ("13", "+2 dibanding 2023")
    assert tampil["Madya"] == ("15", "±0 dibanding 2023")
    nasional = periksa_tanpa_galat(buka_halaman(provinsi="00", tahun="2025").run())
    assert [v["nilai"] for k, v in kartu(nasional).items() if k in PITA[1:]] == ["22", "69", "125", "139"]
    dulu = periksa_tanpa_galat(buka_halaman(provinsi="00", tahun="2022").run())
    assert kartu(dulu)["Pratama"]["nilai"] == "121"


def test_paket_provinsi_sesuai_sumber(db_bawaan: Path):
    """The province pack's cover and counts slide: the official recap of 2023 (25 of 35 known by
    name), the same basis line as the page, read from the PDF an official would hand out."""
    import io

    import pypdf

    from indicators.ekspor.paket import pdf as paket_pdf, susun
    from indicators.katalog.model import katalog_bawaan

    harapan, lengkap = _siklus(JATENG, 2023, _rekap(), _daftar(JATENG))
    assert lengkap
    isi = susun.paket_provinsi(db_bawaan, katalog_bawaan(), JATENG, 2023)
    halaman = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(paket_pdf.tulis_pdf(isi))).pages]
    kpi = dict(isi.kpi)
    for pita in ("Utama", "Nindya", "Madya", "Pratama"):
        assert kpi[pita] == str(harapan[pita]), pita
        assert f"{pita} {harapan[pita]}" in halaman[0], pita
    dikenal = len(_daftar(JATENG).query("tahun == 2023"))
    semua = " ".join(halaman)
    assert "Dasar angka 2023: rekap resmi" in semua
    assert f"{dikenal} dari 35 kab/kota diketahui per wilayah" in semua


LABEL_KATEGORI = {"Tidak ada": "Tidak berpredikat"}


def test_legenda_peta_predikat_setiap_siklus(app_db: Path):
    """Peta, measure 'predikat resmi', every Jawa Tengah cycle: the legend's counts (stated and
    inferred together) equal the per-region rows of the CSVs; the rest is 'Data tidak ditemukan'."""
    daftar = _daftar(JATENG)
    at = periksa_tanpa_galat(buka_halaman("peta").run())
    for tahun in _siklus_halaman(at):
        at.selectbox(key="tahun").set_value(tahun).run()
        periksa_tanpa_galat(at)
        spek = next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if '"choropleth"' in c.proto.spec)
        legenda: dict[str, int] = {}
        for tr in spek["data"]:
            if tr.get("showlegend") is False:  # the far-island inset redraws a legend entry's regions
                continue
            nama, jumlah = tr["name"].rsplit(" (", 1)
            kunci = nama.split(",")[0]
            legenda[kunci] = legenda.get(kunci, 0) + int(jumlah.rstrip(")"))
        hitung = daftar[daftar["tahun"] == tahun]["predikat"].value_counts()
        harapan = {LABEL_KATEGORI.get(str(p), str(p)): int(n) for p, n in hitung.items()}
        if (kosong := _jumlah_wilayah(JATENG) - int(hitung.sum())) > 0:
            harapan["Data tidak ditemukan"] = kosong
        assert legenda == harapan, tahun


def test_predikat_resmi_profil_setiap_wilayah(app_db: Path):
    """Profil, every Jawa Tengah kab/kota, 2023: the card's official predikat is the CSVs' (or 'not found')."""
    daftar = _daftar(JATENG)
    ini = daftar[daftar["tahun"] == 2023]
    tahun_ini = dict(zip(ini["kode_wilayah"], ini["predikat"], strict=True))
    wilayah = pd.read_csv(KLA / "wilayah_jateng.csv", dtype=str)
    semua_kode = [k for k in wilayah["kode_wilayah"] if "." in k]
    assert len(semua_kode) == 35
    at = periksa_tanpa_galat(buka_halaman("profil", wilayah="33.75", tahun="2023").run())
    for kode in semua_kode:
        at.selectbox(key="wilayah").set_value(kode).run()
        periksa_tanpa_galat(at)
        assert at.query_params["wilayah"] == kode
        metrik = {m.label: m.value for m in at.metric}
        predikat = tahun_ini.get(kode)
        harapan = "Data tidak ditemukan" if predikat is None else LABEL_KATEGORI.get(predikat, predikat)
        assert metrik["Predikat resmi 2023"] == harapan, kode
