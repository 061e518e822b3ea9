"""The DuckDB store built from the committed sources: regions, real predikat, synthetic scores
labelled and inside the known bands, neighbours, and rebuilds of missing or corrupt files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from indicators.bangun import database
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import DATA_DIR


def _sql(db: Path, query: str, *param: object) -> list[tuple[Any, ...]]:
    with store.buka(db) as con:
        return con.execute(query, list(param)).fetchall()


def test_wilayah_lengkap(db_bawaan: Path):
    jumlah: dict[str, int] = dict(_sql(db_bawaan, "SELECT tingkat, count(*) FROM wilayah GROUP BY tingkat"))
    assert jumlah == {"nasional": 1, "provinsi": 38, "kabkota": 514, "kecamatan": 576}
    jateng = _sql(db_bawaan, "SELECT count(*) FROM wilayah WHERE tingkat = 'kabkota' AND kode_induk = '33'")
    assert jateng == [(35,)]
    assert _sql(db_bawaan, "SELECT nama, kode_bps, jenis FROM wilayah WHERE kode_wilayah = '33.75'") == [
        ("Kota Pekalongan", "3375", "kota")
    ]


def test_predikat_2025_sama_dengan_berkas_sumber(db_bawaan: Path):
    sumber = pd.read_csv(DATA_DIR / "kla" / "kla_predikat.csv", dtype=str)
    harapan: dict[str, str] = dict(
        sumber.loc[sumber["tahun"] == "2025", ["kode_wilayah", "predikat"]].itertuples(index=False)
    )
    assert len(harapan) == 35
    tersimpan: dict[str, str] = dict(
        _sql(
            db_bawaan,
            "SELECT kode_wilayah, predikat FROM predikat_resmi WHERE tahun = 2025 AND starts_with(kode_wilayah, '33.')",
        )
    )
    assert tersimpan == harapan
    assert _sql(db_bawaan, "SELECT count(*) FROM predikat_resmi WHERE sintetis") == [(0,)]


def test_setiap_baris_data_menunjuk_sumber(db_bawaan: Path):
    for tabel in (
        "predikat_resmi",
        "statistik_indikator",
        "skor_indikator",
        "skor_dilaporkan",
        "rekap_predikat",
        "wilayah",
    ):
        query = "SELECT count(*) FROM {t} x LEFT JOIN sumber s USING (sumber_id) WHERE s.sumber_id IS NULL"
        assert _sql(db_bawaan, query.replace("{t}", tabel)) == [(0,)], tabel  # table name from the fixed list above


def test_skor_sintetis_ditandai_dan_dalam_pita_predikat_resmi(db_bawaan: Path):
    """Every synthetic final total lies in its region's official band, except where a real final total
    is published (kla_skor.csv): there the total IS that value, whatever band it falls in (Sragen 2019:
    620 with Pratama; 2023: 903 with Utama)."""
    pita = katalog_bawaan().pita
    skor = pd.read_csv(DATA_DIR / "kla" / "kla_skor.csv", dtype={"tahun": int, "kode_wilayah": str})
    terbit = {(int(t), k): float(v) for t, k, v in skor[["tahun", "kode_wilayah", "nilai"]].itertuples(index=False)}
    totals = _sql(
        db_bawaan,
        """
        SELECT s.tahun, s.kode_wilayah, sum(s.nilai) AS total, bool_and(s.sintetis), bool_and(src.sintetis),
               any_value(p.predikat)
        FROM skor_indikator s JOIN sumber src USING (sumber_id)
        LEFT JOIN predikat_resmi p ON p.tahun = s.tahun AND p.kode_wilayah = s.kode_wilayah
        WHERE s.tahap = 'final' GROUP BY s.tahun, s.kode_wilayah""",
    )
    assert len(totals) == 35 * 7
    diperiksa = 0
    for tahun, kode, total, sintetis_skor, sintetis_sumber, predikat in totals:
        assert sintetis_skor, (tahun, kode)
        assert sintetis_sumber, (tahun, kode)
        if (tahun, kode) in terbit:
            assert round(total, 2) == terbit[(tahun, kode)], (tahun, kode, total)
        elif predikat == "Tidak ada":
            assert pita.predikat_untuk(total) is None, (tahun, kode, total)
        elif predikat is not None:
            assert pita.predikat_untuk(total) == predikat, (tahun, kode, total, predikat)
        diperiksa += predikat is not None
    jateng = "SELECT count(*) FROM predikat_resmi WHERE starts_with(kode_wilayah, '33.')"
    assert diperiksa == _sql(db_bawaan, jateng)[0][0]
    assert len(terbit) == 7


def test_skor_sintetis_tiap_siklus_tahap_dan_skema(db_bawaan: Path):
    rows = _sql(
        db_bawaan,
        """
        SELECT s.tahun, i.kode_skema, s.tahap, count(DISTINCT s.kode_wilayah), count(*)
        FROM skor_indikator s JOIN indikator i USING (indikator)
        GROUP BY ALL ORDER BY ALL""",
    )
    ringkas = {(t, tahap): (skema, wilayah, n) for t, skema, tahap, wilayah, n in rows}
    assert ringkas[(2017, "final")] == ("KLA31", 35, 35 * 31)
    for tahun in (2018, 2019, 2021, 2022, 2023, 2025):
        assert ringkas[(tahun, "mandiri")] == ("KLA24", 35, 35 * 24)
        assert ringkas[(tahun, "final")] == ("KLA24", 35, 35 * 24)
    assert (2023, "provinsi") in ringkas
    assert (2021, "provinsi") not in ringkas
    melebihi = _sql(
        db_bawaan,
        "SELECT count(*) FROM skor_indikator s JOIN indikator i USING (indikator) WHERE s.nilai > i.nilai_maks + 1e-9",
    )
    assert melebihi == [(0,)]


def test_data_kekerasan_tetap_berlabel_belum_terverifikasi(db_bawaan: Path):
    rows = _sql(
        db_bawaan,
        "SELECT DISTINCT terverifikasi, keyakinan FROM statistik_indikator "
        "WHERE statistik = 'korban_kekerasan_anak_0_18'",
    )
    assert rows == [(False, "rendah")]


def test_tetangga_kota_pekalongan(db_bawaan: Path):
    rows = _sql(
        db_bawaan,
        "SELECT w.nama FROM tetangga t JOIN wilayah w ON w.kode_wilayah = t.kode_tetangga "
        "WHERE t.kode_wilayah = '33.75' ORDER BY w.nama",
    )
    assert rows == [("Kabupaten Batang",), ("Kabupaten Pekalongan",)]


def test_build_ulang_idempoten(db_bawaan: Path, tmp_path: Path):
    kedua = tmp_path / "kla.duckdb"
    database.bangun_database(kedua, static_dir=None)
    database.bangun_database(kedua, static_dir=None)
    query = "SELECT tahun, kode_wilayah, indikator, tahap, nilai FROM skor_indikator ORDER BY ALL"
    assert _sql(kedua, query) == _sql(db_bawaan, query)
    assert _sql(kedua, "SELECT count(*) FROM predikat_resmi") == _sql(db_bawaan, "SELECT count(*) FROM predikat_resmi")
    assert store.versi_database(kedua) == store.versi_terbaru()


@pytest.mark.parametrize("keadaan", ["hilang", "rusak", "kosong"])
def test_database_hilang_atau_rusak_dibangun_ulang(tmp_path: Path, keadaan: str):
    db_path = tmp_path / "kla.duckdb"
    if keadaan == "rusak":
        db_path.write_bytes(b"bukan database duckdb" * 100)
    elif keadaan == "kosong":
        duckdb.connect(str(db_path)).close()
    static = tmp_path / "static"
    assert database.pastikan_database(db_path, static_dir=static) is True
    assert store.versi_database(db_path) == store.versi_terbaru()
    assert _sql(db_path, "SELECT count(*) FROM wilayah WHERE tingkat = 'kabkota'") == [(514,)]
    assert database.pastikan_database(db_path, static_dir=static) is False


def test_lapisan_web_ringan(db_bawaan: Path):
    from indicators.lokasi import STATIC_DIR

    ukuran = {p.stem: p.stat().st_size for p in (STATIC_DIR / "geo").glob("*.geojson")}
    assert ukuran["jawa_tengah_kabkota"] < 150_000
    assert ukuran["indonesia_kabkota"] < 1_000_000


def test_lapisan_ikhtisar_sama_di_mata_lebih_ringan(db_bawaan: Path):
    """The whole-Indonesia layer holds the same 514 regions as the detailed one, each valid and
    within a few pixels of it at that view's scale (about 0.05 degree per pixel), with far fewer
    vertices for plotly to project and paint on every change."""
    import geopandas as gpd
    import shapely

    from indicators.lokasi import STATIC_DIR

    rinci = gpd.read_file(STATIC_DIR / "geo" / "indonesia_kabkota.geojson").set_index("kode_wilayah")
    ikhtisar = gpd.read_file(STATIC_DIR / "geo" / "indonesia_kabkota_ikhtisar.geojson").set_index("kode_wilayah")
    assert len(ikhtisar) == 514
    assert sorted(ikhtisar.index) == sorted(rinci.index)
    assert (ikhtisar["nama"] == rinci.loc[ikhtisar.index, "nama"]).all()
    geom, asal = ikhtisar.geometry.to_numpy(), rinci.loc[ikhtisar.index].geometry.to_numpy()
    assert shapely.is_valid(geom).all()
    assert not shapely.is_empty(geom).any()
    simpangan = shapely.hausdorff_distance(geom, asal)
    assert simpangan.max() <= 0.15
    assert float(pd.Series(simpangan).median()) <= 0.05
    assert shapely.get_num_coordinates(geom).sum() <= 0.6 * shapely.get_num_coordinates(asal).sum()
    # Provinces (the Provila map, also whole-Indonesia only) are dissolved from the light layer.
    provinsi = gpd.read_file(STATIC_DIR / "geo" / "indonesia_provinsi.geojson")
    assert len(provinsi) == 38
    assert shapely.get_num_coordinates(provinsi.geometry.to_numpy()).sum() < shapely.get_num_coordinates(asal).sum() / 3


def test_url_lapisan_per_tampilan(db_bawaan: Path):
    """All Indonesia draws from the overview layer, a province from the detailed one; every URL the
    dashboard hands the browser is a layer the build writes."""
    from indicators.bangun import geo
    from indicators.lokasi import STATIC_DIR
    from ui.tampilan import url_geojson

    nama = {kode: url_geojson(kode).rsplit("/", 1)[-1] for kode in ("00", "11", "33", "94")}
    assert nama == {
        "00": "indonesia_kabkota_ikhtisar.geojson",
        "11": "indonesia_kabkota.geojson",
        "33": "jawa_tengah_kabkota.geojson",
        "94": "indonesia_kabkota.geojson",
    }
    for berkas in nama.values():
        assert berkas.removesuffix(".geojson") in geo.LAPISAN_WEB
        assert (STATIC_DIR / "geo" / berkas).is_file()


def _tulis_serentak(penghalang: Any, static_dir: Path) -> list[str]:
    """One process: wait for the others, then write the web layers (for the test below)."""
    from indicators.bangun import geo

    penghalang.wait()
    return sorted(geo.tulis_lapisan_web(DATA_DIR, static_dir))


def test_lapisan_web_ditulis_bersamaan_oleh_beberapa_proses(tmp_path: Path):
    """Two databases built at once (parallel test runs, a second deployment from the same checkout)
    write the same static/geo under different locks; each process writes its own temporary file, so
    none renames a file another one already moved (a FileNotFoundError once, 7 December)."""
    import concurrent.futures
    import multiprocessing

    konteks = multiprocessing.get_context("spawn")
    n = 4
    with konteks.Manager() as pengelola, concurrent.futures.ProcessPoolExecutor(n, mp_context=konteks) as kolam:
        penghalang = pengelola.Barrier(n)
        hasil = [f.result() for f in [kolam.submit(_tulis_serentak, penghalang, tmp_path) for _ in range(n)]]
    assert all(h == hasil[0] for h in hasil)
    berkas = sorted(p.name for p in (tmp_path / "geo").iterdir())
    assert berkas == sorted(f"{nama}.geojson" for nama in hasil[0])  # no temporary file left behind
