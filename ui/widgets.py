"""Widgets that return plain values and keep the view in the URL (query parameters)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import pandas as pd
import streamlit as st

from indicators.format import Bahasa
from indicators.teks import t

T = TypeVar("T")


def pilih_bahasa() -> Bahasa:
    """Language switch in the sidebar (Indonesian first); kept in the URL as ``lang``."""
    awal = "en" if st.query_params.get("lang") == "en" else "id"
    pilihan = st.sidebar.segmented_control(
        "Bahasa / Language",
        options=["id", "en"],
        format_func=lambda b: "Indonesia" if b == "id" else "English",
        default=awal,
        key="bahasa",
    )
    bahasa = cast(Bahasa, pilihan or "id")
    _simpan_param("lang", None if bahasa == "id" else bahasa)
    return bahasa


def _simpan_param(nama: str, nilai: str | None) -> None:
    if nilai is None:
        if nama in st.query_params:
            del st.query_params[nama]
    elif st.query_params.get(nama) != nilai:
        st.query_params[nama] = nilai


def pilih_dari_url(
    label: str, pilihan: Sequence[T], *, param: str, bawaan: T, format_func: Callable[[Any], str] = str, key: str
) -> T:
    """A selectbox whose starting value comes from the URL and whose choice is written back to it."""
    teks_url = st.query_params.get(param)
    cocok = [p for p in pilihan if str(p) == teks_url]
    awal = cocok[0] if cocok else bawaan
    nilai = st.selectbox(label, list(pilihan), index=list(pilihan).index(awal), format_func=format_func, key=key)
    _simpan_param(param, str(nilai))
    return nilai


def pilih_provinsi(bahasa: Bahasa, provinsi: dict[str, str], *, izinkan_indonesia: bool = True) -> str:
    """Province picker (URL parameter ``provinsi``); Jawa Tengah by default, '00' for all Indonesia."""
    pilihan = dict(provinsi)
    if izinkan_indonesia:
        pilihan = {"00": t("indonesia", bahasa), **pilihan}
    bawaan = "33" if "33" in pilihan else next(iter(pilihan))
    return pilih_dari_url(
        t("provinsi", bahasa),
        list(pilihan),
        param="provinsi",
        bawaan=bawaan,
        format_func=pilihan.__getitem__,
        key="provinsi",
    )


def pilih_tahun(bahasa: Bahasa, tahun: Sequence[int], *, param: str = "tahun", key: str = "tahun") -> int:
    """Cycle picker offering only cycles with data (URL parameter ``tahun``); latest by default."""
    daftar = sorted({int(x) for x in tahun})
    return pilih_dari_url(t("tahun", bahasa), daftar, param=param, bawaan=daftar[-1], key=key)


def pilih_wilayah(bahasa: Bahasa, wilayah: dict[str, str], *, bawaan: str | None = None) -> str:
    """Kab/kota picker (URL parameter ``wilayah``); ``wilayah`` maps code → name."""
    kode = list(wilayah)
    awal = bawaan if bawaan in wilayah else ("33.75" if "33.75" in wilayah else kode[0])
    return pilih_dari_url(
        t("wilayah", bahasa), kode, param="wilayah", bawaan=awal, format_func=wilayah.__getitem__, key="wilayah"
    )


@dataclass(frozen=True)
class PilihanKabkota:
    """The province and kab/kota a page is about."""

    kode_provinsi: str
    nama_provinsi: str
    kode: str
    nama: str


@dataclass(frozen=True)
class SusunanKabkota:
    """Provinces and their kab/kota, for the pickers (build once per database version)."""

    nama_provinsi: dict[str, str]
    induk: dict[str, str]  # kab/kota code → province code
    kabkota: dict[str, dict[str, str]]  # province code → {kab/kota code: name}, by code


def susunan_kabkota(wilayah: pd.DataFrame) -> SusunanKabkota:
    """Group the regions table (``kode_wilayah, nama, tingkat, kode_provinsi``) for the pickers."""
    kabkota = wilayah[wilayah["tingkat"] == "kabkota"].sort_values("kode_wilayah")
    provinsi = wilayah[wilayah["tingkat"] == "provinsi"]
    per_provinsi: dict[str, dict[str, str]] = {}
    for kode, nama, induk in zip(kabkota["kode_wilayah"], kabkota["nama"], kabkota["kode_provinsi"], strict=True):
        per_provinsi.setdefault(str(induk), {})[str(kode)] = str(nama)
    return SusunanKabkota(
        dict(zip(provinsi["kode_wilayah"], provinsi["nama"], strict=True)),
        dict(zip(kabkota["kode_wilayah"], kabkota["kode_provinsi"], strict=True)),
        per_provinsi,
    )


def pilih_kabkota(bahasa: Bahasa, susunan: SusunanKabkota, kolom: Sequence[Any]) -> PilihanKabkota:
    """Province then kab/kota pickers in the first two of ``kolom`` (URL ``provinsi``, ``wilayah``).

    A shared link that names only the region (``?wilayah=33.26``) selects its province too.
    """
    kode_url = st.query_params.get("wilayah")
    if "provinsi" not in st.session_state and kode_url in susunan.induk:
        st.query_params["provinsi"] = susunan.induk[kode_url]
    with kolom[0]:
        kode_provinsi = pilih_provinsi(bahasa, susunan.nama_provinsi, izinkan_indonesia=False)
    nama_kabkota = susunan.kabkota.get(kode_provinsi, {})
    with kolom[1]:
        kode = pilih_wilayah(bahasa, nama_kabkota)
    return PilihanKabkota(kode_provinsi, susunan.nama_provinsi[kode_provinsi], kode, nama_kabkota[kode])
