"""CSV and XLSX download buttons under every table shown (files made only when clicked).

``tabel`` shows a table and its buttons in one call; ``tombol_unduh`` adds the buttons to a table
already shown. The file name and the metadata title name the view the reader is looking at, read
from the URL's query parameters (the widgets keep the view there: provinsi, wilayah, tahun, tahap).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from indicators.ekspor import tabel as et
from indicators.format import Bahasa
from indicators.lokasi import db_bawaan
from indicators.teks import t
from ui import cache

_MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_KOLOM_KODE = ("Kode", "Code", "kode_wilayah", "kode", "indikator", "ID")
"""Columns never read back as numbers (a code like 33.01 is a number in English)."""
_KOLOM_SITASI = ("sumber_predikat", "url_sumber", "sitasi", "url", "Sumber", "Source")
_JENIS_SELALU = ("kode_wilayah", "katalog")
_TULIS: dict[str, Callable[[pd.DataFrame, et.MetaEkspor], bytes]] = {"csv": et.tulis_csv, "xlsx": et.tulis_xlsx}
"""The file kinds a table offers, in button order, and their writers."""


def konteks_url(param: Sequence[str]) -> list[str]:
    """Names of the view from the URL, e.g. ['Jawa Tengah', '2025', 'final'] for provinsi, tahun, tahap.

    Region codes are turned into names; a parameter missing from the URL is skipped.
    """
    nama: dict[str, str] = {}
    if any(p in {"provinsi", "wilayah"} for p in param):
        nama = {**cache.nama_wilayah(db_bawaan()), "00": "Indonesia"}
    hasil = []
    for p in param:
        nilai = st.query_params.get(p)
        if nilai:
            hasil.append(nama.get(nilai, nilai) if p in {"provinsi", "wilayah"} else nilai)
    return hasil


def _meta(data: pd.DataFrame, judul: str, bahasa: Bahasa, *, peta: bool, sintetis: bool | None) -> et.MetaEkspor:
    db = db_bawaan()
    semua = cache.sumber(db)
    sitasi = [v for k in _KOLOM_SITASI if k in data for v in data[k].dropna().tolist()]
    jenis = [*_JENIS_SELALU, *(["batas_wilayah"] if peta else [])]
    if sintetis or (sintetis is None and et.ada_sintetis(data)):
        jenis.append("sintetis")
    return et.MetaEkspor(
        judul=judul,
        bahasa=bahasa,
        katalog=cache.katalog(),
        sumber=et.sumber_terpakai(semua, sitasi, jenis),
        atribusi_batas=cache.atribusi_batas() if peta else None,
        sintetis=sintetis,
    )


def isi_berkas(
    data: pd.DataFrame,
    jenis: str,
    judul: str,
    bahasa: Bahasa,
    *,
    peta: bool = False,
    sintetis: bool | None = None,
    angka_tampil: bool = True,
) -> bytes:
    """The bytes a table's ``csv`` or ``xlsx`` button hands the reader (see :func:`tombol_unduh`)."""
    # Only on click: reading numbers back from a display table costs a few ms per table.
    isi = data
    if angka_tampil:
        isi = et.angka_dari_tampilan(data, bahasa, lewati=[k for k in data.columns if k in _KOLOM_KODE])
    return _TULIS[jenis](isi, _meta(isi, judul, bahasa, peta=peta, sintetis=sintetis))


def tombol_unduh(
    data: pd.DataFrame,
    topik: str,
    bahasa: Bahasa,
    *,
    judul: str | None = None,
    url: Sequence[str] = ("provinsi", "tahun"),
    peta: bool = False,
    sintetis: bool | None = None,
    angka_tampil: bool = True,
) -> None:
    """Two buttons (CSV, XLSX) for ``data``; the files are built only when a button is clicked.

    ``topik`` names the table in the file name (``kla_<topik>_<view…>.csv``); ``url`` lists the query
    parameters that describe the view; ``peta`` adds the boundaries' MIT attribution; ``sintetis``
    forces the synthetic flag (``None``: read it from a ``sintetis`` column). With ``angka_tampil``
    locale-formatted number columns of a display table are written as numbers.
    """
    bagian = konteks_url(url)
    judul_ = " · ".join([judul or topik, *bagian])
    kunci = "_".join(["unduhtabel", et.slug(topik), *(et.slug(b) for b in bagian)])
    with st.container(horizontal=True, gap="small"):
        for jenis in _TULIS:
            st.download_button(
                t(jenis, bahasa),
                data=functools.partial(
                    isi_berkas, data, jenis, judul_, bahasa, peta=peta, sintetis=sintetis, angka_tampil=angka_tampil
                ),
                file_name=et.nama_berkas(topik, *bagian, ekstensi=jenis),
                mime=_MIME[jenis],
                key=f"{kunci}_{jenis}",
                help=t(f"{jenis}_bantuan", bahasa),
                on_click="ignore",
                icon=":material/download:",
                type="tertiary",
            )


def tabel(
    data: pd.DataFrame,
    topik: str,
    bahasa: Bahasa,
    *,
    judul: str | None = None,
    url: Sequence[str] = ("provinsi", "tahun"),
    ekspor: pd.DataFrame | None = None,
    peta: bool = False,
    **opsi: Any,
) -> None:
    """Show a table (``st.dataframe``; index hidden, full width unless ``opsi`` says otherwise) and its buttons.

    ``ekspor`` is the data behind the table when it differs from what is shown (raw numbers).
    """
    semua: dict[str, Any] = {"hide_index": True, "width": "stretch", **opsi}
    st.dataframe(data, **semua)
    tombol_unduh(data if ekspor is None else ekspor, topik, bahasa, judul=judul, url=url, peta=peta)
