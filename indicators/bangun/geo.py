"""Boundaries: reading the committed GeoJSON, neighbours, and the light layers the browser loads.

Interactive maps keep geometry out of the figure: the browser fetches a static GeoJSON once, so
the build writes simplified layers to ``static/geo/``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.geometry

from indicators.io import store

Lapisan = Literal["jawa_tengah_kabkota", "indonesia_kabkota", "jawa_tengah_kecamatan"]
LAPISAN: tuple[Lapisan, ...] = ("jawa_tengah_kabkota", "indonesia_kabkota", "jawa_tengah_kecamatan")
# Browser layers: the committed ones, the national kab/kota layer once more at the scale of the
# whole-Indonesia view, and provinces dissolved from that (the national view shows what is known
# per province: Provila and known awards).
LAPISAN_WEB: tuple[str, ...] = (*LAPISAN, "indonesia_kabkota_ikhtisar", "indonesia_provinsi")

# World Mercator keeps lengths within ~1.5 % across Indonesia's latitudes (±11°), enough to rank
# shared borders; areas come from BIG (luas_km2_big), never from these polygons.
_CRS_PANJANG = "EPSG:3395"
# The national layer drops islets under this area and is simplified harder: 514 regions drawn
# from 18 663 polygon parts is waste on a screen.
_PULAU_KECIL_KM2 = 20.0
_TOLERANSI_NASIONAL = 0.02
# The whole-Indonesia view draws the 46 degrees from Sumatra to Papua in 470-900 px (0.05-0.1
# degree per pixel), so a province view's detail is invisible there: this tolerance (under a
# pixel) halves the vertices plotly projects and paints on every change of that view
# (benchmarks/RIWAYAT.md, "Latensi" (n)). A province view keeps the detailed layer and fits itself to it.
_TOLERANSI_IKHTISAR = 0.04


def baca_batas(lapisan: Lapisan, data_dir: Path) -> gpd.GeoDataFrame:
    """Read one committed boundary layer; the code column is renamed ``kode_wilayah``."""
    gdf = gpd.read_file(data_dir / "geo" / f"{lapisan}.geojson")
    return gdf.rename(columns={"kode_kemendagri": "kode_wilayah"})


def hitung_tetangga(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    """Return pairs of regions that share a border, with the border length in km (both directions).

    The boundary files are a clean coverage (shared edges identical), so neighbours are the
    pairs whose boundaries overlap along a line; touching at a single point does not count.
    """
    proyeksi = gdf.to_crs(_CRS_PANJANG)
    geom = proyeksi.geometry.to_numpy()
    kode = proyeksi["kode_wilayah"].to_numpy()
    pohon = shapely.STRtree(geom)
    kiri, kanan = pohon.query(geom, predicate="intersects")
    pasangan = kiri < kanan
    kiri, kanan = kiri[pasangan], kanan[pasangan]
    bersama = shapely.intersection(shapely.boundary(geom[kiri]), shapely.boundary(geom[kanan]))
    panjang_km = shapely.length(bersama) / 1000.0
    ada = panjang_km > 0.01
    satu_arah = pd.DataFrame(
        {"kode_wilayah": kode[kiri][ada], "kode_tetangga": kode[kanan][ada], "panjang_batas_km": panjang_km[ada]}
    )
    balik = satu_arah.rename(columns={"kode_wilayah": "kode_tetangga", "kode_tetangga": "kode_wilayah"})
    hasil = pd.concat([satu_arah, balik], ignore_index=True)
    return hasil.sort_values(["kode_wilayah", "kode_tetangga"], ignore_index=True)


def _ringankan_nasional(gdf: gpd.GeoDataFrame, toleransi: float = _TOLERANSI_NASIONAL) -> gpd.GeoDataFrame:
    bagian = gdf[["kode_wilayah"]].join(gdf.geometry.explode(index_parts=True).rename("geometry").to_frame())
    bagian = gpd.GeoDataFrame(bagian, geometry="geometry", crs=gdf.crs)
    bagian["luas_km2"] = bagian.geometry.to_crs("EPSG:6933").area / 1e6
    terbesar = bagian.groupby("kode_wilayah")["luas_km2"].transform("max")
    # Keep every part over the threshold, and always the largest part of a region.
    simpan = bagian[(bagian["luas_km2"] >= _PULAU_KECIL_KM2) | (bagian["luas_km2"] == terbesar)]
    gabung = simpan.dissolve(by="kode_wilayah").reindex(gdf["kode_wilayah"])
    # Coverage simplification moves each shared border once, so neighbours keep meeting exactly.
    geom = shapely.coverage_simplify(gabung.geometry.to_numpy(), toleransi)
    hasil = gdf[["kode_wilayah", "nama"]].copy()
    return gpd.GeoDataFrame(hasil, geometry=list(geom), crs=gdf.crs)


def urut_searah_jarum_jam(geom: Any) -> Any:
    """Orient exterior rings clockwise, as d3-geo (plotly's geo maps) expects.

    The committed files follow RFC 7946 (counter-clockwise exteriors); d3 reads such a ring as
    "everything but this polygon" and fills the whole globe.
    """
    return shapely.orient_polygons(geom, exterior_cw=True)


def geojson_web(gdf: gpd.GeoDataFrame, desimal: int = 4) -> str:
    """Serialise ``kode_wilayah``, ``nama`` and geometry as compact GeoJSON for plotly's geo maps.

    Coordinates are rounded to ``desimal`` places (1e-4° ≈ 11 m, finer than any screen needs) and
    rings are then oriented clockwise. Written by hand: GDAL's writer follows RFC 7946 winding.
    """
    geom = shapely.transform(gdf.geometry.to_numpy(), lambda xy: np.round(xy, desimal))
    geom = urut_searah_jarum_jam(geom)
    fitur = [
        {"type": "Feature", "properties": {"kode_wilayah": kode, "nama": nama}, "geometry": shapely.geometry.mapping(g)}
        for kode, nama, g in zip(gdf["kode_wilayah"], gdf["nama"], geom, strict=True)
    ]
    return json.dumps({"type": "FeatureCollection", "features": fitur}, ensure_ascii=False, separators=(",", ":"))


def lapisan_provinsi(kabkota: gpd.GeoDataFrame, nama_provinsi: dict[str, str]) -> gpd.GeoDataFrame:
    """Provinces as the union of their kab/kota (``kode_wilayah`` = the two-digit province code)."""
    kode = kabkota["kode_wilayah"].str[:2]
    gabung = gpd.GeoDataFrame({"kode_wilayah": kode}, geometry=kabkota.geometry.to_numpy(), crs=kabkota.crs)
    hasil = gabung.dissolve(by="kode_wilayah").reset_index()
    hasil["nama"] = [nama_provinsi.get(k, k) for k in hasil["kode_wilayah"]]
    return hasil[["kode_wilayah", "nama", "geometry"]]


def _nama_provinsi(data_dir: Path) -> dict[str, str]:
    daftar = pd.read_csv(data_dir / "wilayah" / "kode_wilayah_kabkota.csv", dtype=str)
    provinsi = daftar[daftar["jenis"] == "provinsi"]
    return dict(zip(provinsi["kode_kemendagri"], provinsi["nama"], strict=True))


def tulis_lapisan_web(data_dir: Path, static_dir: Path) -> dict[str, Path]:
    """Write the browser layers (properties ``kode_wilayah`` and ``nama`` only) to ``static/geo``."""
    keluar = static_dir / "geo"
    keluar.mkdir(parents=True, exist_ok=True)
    batas = {lapisan: baca_batas(lapisan, data_dir) for lapisan in LAPISAN}
    ringan: dict[str, gpd.GeoDataFrame] = {
        "jawa_tengah_kabkota": batas["jawa_tengah_kabkota"][["kode_wilayah", "nama", "geometry"]],
        "jawa_tengah_kecamatan": batas["jawa_tengah_kecamatan"][["kode_wilayah", "nama", "geometry"]],
        "indonesia_kabkota": _ringankan_nasional(batas["indonesia_kabkota"]),
        "indonesia_kabkota_ikhtisar": _ringankan_nasional(batas["indonesia_kabkota"], _TOLERANSI_IKHTISAR),
    }
    ringan["indonesia_provinsi"] = lapisan_provinsi(ringan["indonesia_kabkota_ikhtisar"], _nama_provinsi(data_dir))
    hasil: dict[str, Path] = {}
    for nama, lapis in ringan.items():
        tujuan = keluar / f"{nama}.geojson"
        # The one atomic write, whose temporary file is this process's own: the lock that guards
        # this call is the database's, and two databases (parallel tests, a second deployment from
        # the same checkout) share static/. A shared ".tmp" name once lost that race.
        store.tulis_atomik(tujuan, geojson_web(lapis))
        hasil[nama] = tujuan
    return hasil
