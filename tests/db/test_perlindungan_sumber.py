"""The sources behind the Perlindungan Anak figures (``data.sumber_perlindungan``), on the real default database.

The real rows of Jawa Tengah 2020 are worked out by hand from ``data/kla/perlindungan/angka_provinsi.csv``
(the file the build loads): per source URL and level, the tables, regions and rows it covers. The
synthetic sample is the one other source of that year; a row an import wrote is listed as an import.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

from indicators.analisis import metodologi as met
from indicators.ekspor import perlindungan as ep
from indicators.katalog.perlindungan import katalog_perlindungan
from indicators.lokasi import PROYEK
from indicators.perlindungan import data
from indicators.teks import t
from ui.bagian import metodologi as met_ui

CSV = PROYEK / "data" / "kla" / "perlindungan" / "angka_provinsi.csv"
DATABOKS = "https://databoks.katadata.co.id/demografi/statistik/89f7f75ce859c21/1427-kasus-kekerasan-anak-terjadi-di-jawa-tengah-pada-2020"
SINTETIS = "sintetis-perlindungan-v1"


def _nyata_dari_csv(tahun: set[int]) -> dict[tuple[str, str], dict[str, object]]:
    """(url, cakupan) → tables, years, regions, rows and confidence of the real rows of ``tahun``."""
    kelompok: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with CSV.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if int(r["tahun"]) in tahun:
                kelompok[(r["source"], "provinsi" if r["kode_wilayah"] == "33" else "kabkota")].append(r)
    keyakinan = {"high": "tinggi", "medium": "sedang", "low": "rendah"}
    return {
        k: {
            "tabel": ",".join(sorted({r["tabel"] for r in v})),
            "tahun": ",".join(sorted({r["tahun"] for r in v})),
            "jumlah_wilayah": len({r["kode_wilayah"] for r in v}),
            "jumlah_baris": len(v),
            "keyakinan": {keyakinan[r["confidence"]] for r in v},
        }
        for k, v in kelompok.items()
    }


def test_sumber_jawa_tengah_2020_sama_dengan_csv(db_bawaan: Path):
    sumber = data.sumber_perlindungan(db_bawaan, "33", 2020)
    assert list(sumber.columns) == list(data.KOLOM_SUMBER)
    nyata = sumber[~sumber["sintetis"]]
    harapan = _nyata_dari_csv({2020})
    # By hand: BPS via databoks, 7 forms + victims for the province (8 rows), victims of Kota
    # Semarang and Kota Magelang (2 rows, 2 regions). The CSV must still say so.
    assert harapan == {
        (DATABOKS, "provinsi"): {"tabel": "bentuk_kekerasan,korban", "tahun": "2020", "jumlah_wilayah": 1,
                                 "jumlah_baris": 8, "keyakinan": {"tinggi"}},
        (DATABOKS, "kabkota"): {"tabel": "korban", "tahun": "2020", "jumlah_wilayah": 2, "jumlah_baris": 2,
                                "keyakinan": {"tinggi"}},
    }  # fmt: skip
    dapat = {
        (r["url"], r["cakupan"]): {
            "tabel": r["tabel"], "tahun": r["tahun"], "jumlah_wilayah": r["jumlah_wilayah"],
            "jumlah_baris": r["jumlah_baris"], "keyakinan": {r["keyakinan"]},
        }
        for r in nyata.to_dict("records")
    }  # fmt: skip
    assert dapat == harapan
    assert set(nyata["jenis"]) == {"berita_resmi"}
    assert list(nyata["cakupan"]) == ["provinsi", "kabkota"]  # the real provincial total first
    assert nyata["sitasi"].str.contains("databoks").all()
    # The synthetic sample: every kab/kota of Jawa Tengah, every catalogue table, last.
    sampel = sumber.iloc[-1]
    assert len(sumber) == 3
    assert (sampel["sumber_id"], sampel["cakupan"], bool(sampel["sintetis"])) == (SINTETIS, "kabkota", True)
    assert (sampel["jenis"], sampel["lisensi"], sampel["tahun"]) == ("sintetis", "MIT (Dasbor KLA)", "2020")
    assert sampel["tabel"] == ",".join(sorted(katalog_perlindungan().tabel))
    assert sampel["jumlah_wilayah"] == 35
    with duckdb.connect(str(db_bawaan), read_only=True) as con:
        (baris,) = con.execute(
            "SELECT count(*) FROM perlindungan_anak WHERE tahun = 2020 AND sumber_id = ?", [SINTETIS]
        ).fetchone() or (0,)
    assert sampel["jumlah_baris"] == baris > 0


def test_sumber_beberapa_tahun_menyebut_dp3ap2kb_dan_kemenpppa(db_bawaan: Path):
    sumber = data.sumber_perlindungan(db_bawaan, "33", 2020, sejak=2016)
    nyata = sumber[~sumber["sintetis"]]
    harapan = _nyata_dari_csv({2016, 2017, 2018, 2019, 2020})
    assert {(r["url"], r["cakupan"]): (r["tahun"], r["jumlah_baris"]) for r in nyata.to_dict("records")} == {
        k: (v["tahun"], v["jumlah_baris"]) for k, v in harapan.items()
    }
    assert len(harapan) == 4  # Radio Kota Batik 2016–2017, posjateng 2019, databoks 2020 twice
    assert sumber.iloc[-1]["tahun"] == "2019,2020"  # the sample starts in 2019


def test_baris_impor_disebut_sebagai_impor(db: Path):
    with duckdb.connect(str(db)) as con:
        con.execute(
            "INSERT INTO sumber VALUES ('impor-9-1', 'Impor #9: berkas rekap.xlsx; sumber: DP3AKB Sragen', "
            "NULL, 'impor', NULL, 'tinggi', FALSE)"
        )
        con.execute(
            "UPDATE perlindungan_anak SET sintetis = FALSE, sumber_id = 'impor-9-1' "
            "WHERE kode_wilayah = '33.14' AND tahun = 2020 AND tabel = 'bentuk_kekerasan'"
        )
        (jumlah,) = con.execute("SELECT count(*) FROM perlindungan_anak WHERE sumber_id = 'impor-9-1'").fetchone() or (
            0,
        )
    sumber = data.sumber_perlindungan(db, "33", 2020)
    impor = sumber[sumber["jenis"] == "impor"]
    assert len(impor) == 1
    assert jumlah > 0
    r = impor.iloc[0]
    assert (r["cakupan"], r["tabel"], r["jumlah_wilayah"], r["jumlah_baris"], bool(r["sintetis"])) == (
        "kabkota", "bentuk_kekerasan", 1, jumlah, False,
    )  # fmt: skip
    assert list(sumber["sintetis"]) == [False, False, False, True]  # imports before the synthetic sample
    baris = ep.baris_sumber(r.to_dict(), "id")
    assert baris == (
        "rincian kab/kota 2020 (1 kab/kota): Impor #9: berkas rekap.xlsx; sumber: DP3AKB Sragen "
        "(impor pengguna; Kasus menurut bentuk kekerasan)"
    )


def test_teks_sumber_provinsi_nyata_kabkota_sintetis(db_bawaan: Path):
    teks = ep.teks_sumber(data.sumber_perlindungan(db_bawaan, "33", 2020), "id")
    assert teks.startswith(f"Sumber: total provinsi 2020: {DATABOKS} (nyata; keyakinan tinggi;")
    assert teks.endswith(
        "rincian kab/kota 2020 (35 kab/kota): contoh sintetis (sintetis-perlindungan-v1; MIT (Dasbor KLA); "
        "bukan data resmi; semua tabel katalog)"
    )
    en = ep.teks_sumber(data.sumber_perlindungan(db_bawaan, "33", 2020), "en")
    assert en.startswith(f"Sources: provincial total 2020: {DATABOKS} (real; high confidence;")
    assert "kab/kota breakdown 2020 (35 kab/kota): synthetic example" in en


def test_provinsi_atau_tahun_tanpa_data_ditolak(db_bawaan: Path):
    with pytest.raises(data.PilihanPerlindunganError, match="2030"):
        data.sumber_perlindungan(db_bawaan, "33", 2030)
    with pytest.raises(data.PilihanPerlindunganError):
        data.sumber_perlindungan(db_bawaan, "99", 2020)


def test_metodologi_menyebut_sumber_perlindungan(db_bawaan: Path):
    """The Data & Metodologi sources table says which sources the Perlindungan Anak rows cite."""
    sumber = met.muat_sumber(db_bawaan)
    dipakai = {
        (r["url"] if isinstance(r["url"], str) else r["sumber_id"]): r["dipakai_untuk"].split(",")
        for r in sumber.to_dict("records")
    }
    nyata = {k[0] for k in _nyata_dari_csv(set(range(1990, 2101)))}
    assert len(nyata) == 3  # databoks (BPS), Radio Kota Batik (DP3AP2KB), posjateng (KemenPPPA)
    for url in [*nyata, SINTETIS]:
        assert "perlindungan_anak" in dipakai[url], url
    tampil = met_ui.tabel_sumber(sumber, "id")
    baris = tampil[tampil[t("met_kol_url", "id")] == DATABOKS].iloc[0]
    assert "Perlindungan Anak (kasus, korban, layanan)" in baris[t("met_kol_dipakai", "id")]
