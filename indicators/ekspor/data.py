"""One read per export: everything a province/cycle export shows, read in one place.

:func:`muat_data` reads the province, its cycles, the kab/kota rows of the cycle and the one before,
the final scores, every cycle's scores and official predikat (for the history), the indicator scores
and the cited sources, through the existing analytics (``layanan``, ``ringkasan``, ``metodologi``):
nothing is scored again here. The pages and files of an export then only format what
:class:`DataSitus` holds. :func:`geojson_provinsi` reads the province's boundaries for the map.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from indicators.analisis import layanan, metodologi, rekap, ringkasan
from indicators.io import store
from indicators.katalog.model import Katalog, katalog_bawaan
from indicators.lokasi import DATA_DIR, STATIC_DIR

JENIS_SUMBER_SELALU = frozenset({"sintetis", "batas_wilayah", "kode_wilayah", "katalog"})
"""Kinds of source every export lists, whichever predikat it shows (synthetic scores, boundaries, codes)."""


@dataclass(frozen=True)
class DataSitus:
    """Everything the pages show, read once from the database through the existing analytics."""

    katalog: Katalog
    kode_provinsi: str
    nama_provinsi: str
    tahun: int
    tahun_lalu: int | None
    kabkota: pd.DataFrame
    kabkota_lalu: pd.DataFrame | None
    skor: pd.DataFrame
    semua_siklus: pd.DataFrame
    resmi: pd.DataFrame
    skor_indikator: pd.DataFrame
    sumber: pd.DataFrame
    atribusi: metodologi.Atribusi
    sintetis: bool
    ringkas: pd.DataFrame | None = None
    """Counts per predikat band with basis, coverage and change (:func:`rekap.ringkasan_dari_db`)."""


def muat_data(db_path: Path, kode_provinsi: str, tahun: int, katalog: Katalog | None = None) -> DataSitus:
    """Read what the bundle shows for one province and cycle.

    Raises:
        layanan.PilihanError: the province or the cycle has no data; the message lists what exists.
    """
    katalog = katalog or katalog_bawaan()
    nama_provinsi = _nama_provinsi(db_path, kode_provinsi)
    tahun_lalu = _siklus_sebelumnya(db_path, kode_provinsi, nama_provinsi, tahun)
    kabkota = _kabkota(db_path, kode_provinsi, tahun)
    lalu = None if tahun_lalu is None else _kabkota(db_path, kode_provinsi, tahun_lalu)
    skor = _skor_final(db_path, katalog, kode_provinsi, tahun)
    kode = set(kabkota["kode_wilayah"])
    semua = layanan.skor_semua_siklus(db_path, katalog, tahap="final")
    resmi = store.kueri(db_path, "predikat_resmi", {"tahun": None})
    resmi = resmi[resmi["kode_wilayah"].isin(kode)]
    skor_indikator = store.kueri(db_path, "skor_indikator", {"tahun": tahun, "tahap": "final"})
    return DataSitus(
        katalog=katalog,
        kode_provinsi=kode_provinsi,
        nama_provinsi=nama_provinsi,
        tahun=tahun,
        tahun_lalu=tahun_lalu,
        kabkota=ringkasan.dengan_kategori(kabkota),
        kabkota_lalu=lalu,
        skor=skor,
        semua_siklus=semua[semua["kode_wilayah"].isin(kode)],
        resmi=resmi,
        skor_indikator=skor_indikator[skor_indikator["kode_wilayah"].isin(kode)],
        sumber=_sumber_dipakai(db_path, resmi, kabkota),
        atribusi=metodologi.baca_atribusi_batas(DATA_DIR / "README-batas-wilayah.md"),
        sintetis=bool(kabkota["skor_sintetis"].any()) or bool(skor["sintetis"].astype(bool).any()),
        ringkas=rekap.ringkasan_bila_ada(db_path, kode_provinsi, tahun, katalog.pita.urutan()),
    )


def _nama_provinsi(db_path: Path, kode_provinsi: str) -> str:
    wilayah = store.kueri(db_path, "wilayah_semua")
    provinsi = wilayah[wilayah["tingkat"] == "provinsi"]
    nama = dict(zip(provinsi["kode_wilayah"], provinsi["nama"], strict=True))
    if kode_provinsi not in nama:
        daftar = ", ".join(f"{k} ({v})" for k, v in sorted(nama.items()))
        raise layanan.PilihanError(f"Provinsi '{kode_provinsi}' tidak dikenal; tersedia: {daftar} (unknown province)")
    return str(nama[kode_provinsi])


def _siklus_sebelumnya(db_path: Path, kode_provinsi: str, nama_provinsi: str, tahun: int) -> int | None:
    """The cycle the movers compare with; raises when ``tahun`` itself has no data for the province."""
    siklus = store.kueri(db_path, "siklus_dengan_data", {"kode_provinsi": kode_provinsi})
    semua_tahun = sorted(int(x) for x in siklus["tahun"])
    if tahun not in semua_tahun:
        tersedia = ", ".join(str(x) for x in semua_tahun) or "(tidak ada / none)"
        raise layanan.PilihanError(
            f"Tahun {tahun} tidak punya data untuk {nama_provinsi}; tersedia: {tersedia} (no data for year)"
        )
    return ringkasan.siklus_sebelumnya(tahun, semua_tahun)


def _kabkota(db_path: Path, kode_provinsi: str, tahun: int) -> pd.DataFrame:
    return store.kueri(db_path, "ringkasan_kabkota", {"kode_provinsi": kode_provinsi, "tahun": tahun})


def _skor_final(db_path: Path, katalog: Katalog, kode_provinsi: str, tahun: int) -> pd.DataFrame:
    """The final-stage score table; empty when the cycle has official predikat only (the pages say so)."""
    try:
        return layanan.tabel_skor(db_path, katalog, tahun=tahun, tahap="final", kode_provinsi=kode_provinsi)
    except layanan.PilihanError:
        return pd.DataFrame(columns=layanan.KOLOM_SKOR)


def _sumber_dipakai(db_path: Path, resmi: pd.DataFrame, kabkota: pd.DataFrame) -> pd.DataFrame:
    """The sources the export cites: those of the predikat shown, plus the kinds every export lists."""
    rujukan = set(resmi["sumber_id"].dropna()) if "sumber_id" in resmi else set()
    sumber = metodologi.muat_sumber(db_path)
    return sumber[
        sumber["sumber_id"].isin(rujukan)
        | sumber["sitasi"].isin(set(kabkota["sumber_predikat"].dropna()))
        | sumber["jenis"].isin(JENIS_SUMBER_SELALU)
    ].reset_index(drop=True)


def geojson_provinsi(kode_wilayah: Sequence[str], static_dir: Path = STATIC_DIR) -> dict[str, Any]:
    """The province's kab/kota boundaries as a GeoJSON dict, from the simplified web layers.

    Jawa Tengah has its own layer; other provinces are cut from the national (lighter) layer.
    """
    nama = "jawa_tengah_kabkota" if all(str(k).startswith("33.") for k in kode_wilayah) else "indonesia_kabkota"
    lapisan = json.loads((static_dir / "geo" / f"{nama}.geojson").read_text(encoding="utf-8"))
    ingin = set(kode_wilayah)
    lapisan["features"] = [f for f in lapisan["features"] if f["properties"]["kode_wilayah"] in ingin]
    return dict(lapisan)
