"""CSV and XLSX download buttons under every table shown (files made only when clicked).

``tabel`` shows a table and its buttons in one call; ``tombol_unduh`` adds the buttons to a table
already shown. What a file holds:

- the table **as shown**: the on-screen headers and the numbers rounded as on screen (a display
  table is read back into numbers), never a raw frame's internal keys or float noise. A raw frame
  can be given with ``kolom`` (raw column → on-screen label) and ``desimal`` instead;
- from the rows behind it (``ekspor``, row for row with the table): a per-row synthetic column
  where rows differ, the confidence and basis of each official predikat they carry (looked up in
  the predikat table by region and cycle), the indicators' metadata and **every** source they cite;
- a title and a file name that name the view: the measure or table (``judul``/``topik``), then the
  view's parts read from the URL's query parameters (the widgets keep the view there: provinsi,
  wilayah, tahun, tahap, indikator, skema) and ``konteks`` (parts not in the URL, e.g. a cycle range).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pandas as pd
import streamlit as st

from indicators.analisis import metodologi
from indicators.analisis.metodologi import Atribusi
from indicators.ekspor import tabel as et
from indicators.format import Bahasa, format_angka
from indicators.lokasi import db_bawaan
from indicators.teks import ada, t
from ui import cache, gaya, tetap
from ui.tampilan import label_dasar

_MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_KOLOM_KODE = ("Kode", "Code", "kode_wilayah", "kode", "indikator", "ID")
"""Columns never read back as numbers (a code like 33.01 is a number in English)."""
_KOLOM_SITASI = ("sumber_predikat", "url_sumber", "sitasi", "sitasi_lain", "url", "sumber_id", "Sumber", "Source")
"""Columns whose cells name a source (id, citation or URL): each one named goes into the Metadata sheet."""
_JENIS_SELALU = ("kode_wilayah", "katalog")
_TULIS: dict[str, Callable[[pd.DataFrame, et.MetaEkspor], bytes]] = {"csv": et.tulis_csv, "xlsx": et.tulis_xlsx}
"""The file kinds a table offers, in button order, and their writers."""
_WILAYAH_DI_BERKAS = 3
"""Regions named in a file name; more are counted ("dan 4 lainnya"), the title names them all."""


class Bagian(NamedTuple):
    """One part of the view: as the title says it and as the file name says it (slugged later)."""

    teks: str
    berkas: str


@dataclass(frozen=True, eq=False)
class Rincian:
    """What a table's files hold beyond the table itself (see the module docstring).

    ``baris`` are the rows behind the table, row for row; ``kolom``/``desimal`` turn raw rows into
    the table shown; ``fakta`` pairs each official-predikat column of the rows with its cycle (None:
    the row's ``tahun``); ``wilayah`` is the region code when the rows are one region's; ``sumber``
    names further sources of the database (by id, citation, URL, kind or the table citing them) and
    ``sumber_katalog`` the catalogue's own (citation, URL), listed even when the database has no row.
    """

    deskripsi: str = ""
    baris: pd.DataFrame | None = None
    kolom: Mapping[str, str] | None = None
    desimal: Mapping[str, int] = field(default_factory=dict)
    fakta: tuple[tuple[str, int | None], ...] = ()
    wilayah: str | None = None
    sumber: tuple[str, ...] = ()
    sumber_katalog: tuple[tuple[str, str | None], ...] = ()


# --- the view: title and file name --------------------------------------------------------------------


def _bagian_wilayah(kode: Sequence[str], bahasa: Bahasa) -> Bagian:
    """Regions by name, 'A vs B'; the file name keeps the first three and counts the rest."""
    nama = {**cache.nama_wilayah(db_bawaan()), "00": t("indonesia", bahasa)}
    semua = [nama.get(k, k) for k in kode if k]
    vs = f" {t('unduh_vs', bahasa)} "
    berkas = semua[:_WILAYAH_DI_BERKAS]
    if len(semua) > _WILAYAH_DI_BERKAS:
        berkas.append(t("unduh_dan_lainnya", bahasa, jumlah=len(semua) - _WILAYAH_DI_BERKAS))
    return Bagian(vs.join(semua), vs.join(berkas))


def _bagian(param: str, nilai: str, bahasa: Bahasa) -> Bagian:
    """One URL parameter in words: codes become names, a stage 'final' becomes 'tahap final'."""
    if param in {"provinsi", "wilayah"}:
        return _bagian_wilayah(nilai.split(","), bahasa)
    if param == "tahap" and ada(f"tahap_{nilai}"):
        return bagian_tahap(nilai, bahasa)
    if param == "indikator" and (ind := cache.katalog().indikator().get(nilai)) is not None:
        return Bagian(f"{nilai} {ind.nama.teks if bahasa == 'id' else ind.nama_en}", nilai)
    return Bagian(nilai, nilai)


def bagian_tahap(tahap: str, bahasa: Bahasa) -> Bagian:
    """A stage as a part of the view: 'tahap final' in the title, 'final' in the file name."""
    return Bagian(t("unduh_tahap", bahasa, tahap=t(f"tahap_{tahap}", bahasa).lower()), tahap)


def konteks_url(param: Sequence[str], bahasa: Bahasa = "id") -> list[Bagian]:
    """The view named by the URL, e.g. [Jawa Tengah, 2025, tahap final] for provinsi, tahun, tahap.

    Region codes become names (a list ``33.75,33.76`` becomes "Kota Pekalongan vs Kota Tegal"),
    an indicator code gets its name; a parameter missing from the URL is skipped.
    """
    return [_bagian(p, nilai, bahasa) for p in param if (nilai := st.query_params.get(p))]


# --- the file's content (made on click) -----------------------------------------------------------------


def _tabel_dari_kolom(
    baris: pd.DataFrame, kolom: Mapping[str, str], desimal: Mapping[str, int], bahasa: Bahasa
) -> pd.DataFrame:
    """Raw rows as the screen shows them: chosen columns under their labels, numbers with the decimals shown."""
    hasil: dict[str, Any] = {}
    for kunci, label in kolom.items():
        seri = baris[kunci]
        if pd.api.types.is_float_dtype(seri):
            hasil[label] = [format_angka(None if pd.isna(v) else float(v), desimal.get(kunci, 2), bahasa) for v in seri]
        else:
            hasil[label] = seri.to_numpy()
    return pd.DataFrame(hasil)


def _bendera_sintetis(baris: pd.DataFrame) -> pd.Series | None:
    """Per row: does it hold a synthetic value (``sintetis`` or ``skor_sintetis``)? None without such a column."""
    kolom = [k for k in et.KOLOM_SINTETIS if k in baris]
    if not kolom:
        return None
    return baris[kolom].astype("boolean").fillna(False).astype(bool).any(axis=1).reset_index(drop=True)


def _fakta_predikat(baris: pd.DataFrame, rincian: Rincian, bahasa: Bahasa) -> tuple[pd.DataFrame, list[str]]:
    """Confidence and basis of each official predikat in the rows, and the sources they rest on.

    Looked up in the predikat table by region (the rows' ``kode_wilayah``, else ``rincian.wilayah``)
    and cycle; with predikat of several cycles per row the headers name the cycle.
    """
    resmi = cache.predikat_resmi(db_bawaan())
    fakta = {(r["kode_wilayah"], int(r["tahun"])): r for r in resmi.to_dict("records")}
    kode = baris["kode_wilayah"].tolist() if "kode_wilayah" in baris else [rincian.wilayah] * len(baris)
    kolom: dict[str, list[str]] = {}
    sumber: list[str] = []
    for predikat, tahun in rincian.fakta:
        siklus = baris["tahun"].tolist() if tahun is None else [tahun] * len(baris)
        cocok = [
            fakta.get((k, int(th))) if k and pd.notna(th) and pd.notna(p) else None
            for k, th, p in zip(kode, siklus, baris[predikat], strict=True)
        ]
        akhir = f" ({tahun})" if len(rincian.fakta) > 1 else ""
        kolom[t("keyakinan", bahasa) + akhir] = [
            t(r["keyakinan"], bahasa) if r and isinstance(r["keyakinan"], str) else "–" for r in cocok
        ]
        kolom[t("dasar_predikat", bahasa) + akhir] = [label_dasar(r["dasar"] if r else None, bahasa) for r in cocok]
        sumber += [str(r["sumber_id"]) for r in cocok if r and isinstance(r.get("sumber_id"), str)]
    return pd.DataFrame(kolom), sumber


def _tambah_sumber_katalog(sumber: pd.DataFrame, katalog: Sequence[tuple[str, str | None]]) -> pd.DataFrame:
    """The catalogue's own sources (citation, URL) that the database does not list, appended as kind ``katalog``."""
    dikenal = set(sumber["sitasi"]) | set(sumber["url"].dropna())
    baru = [{"sitasi": s, "url": u, "jenis": "katalog"} for s, u in katalog if s not in dikenal and u not in dikenal]
    return pd.concat([sumber, pd.DataFrame(baru)], ignore_index=True) if baru else sumber


def _meta(
    data: pd.DataFrame,
    judul: str,
    bahasa: Bahasa,
    *,
    peta: bool,
    sintetis: bool | None,
    rujukan: Iterable[object] = (),
    deskripsi: str = "",
    indikator: Sequence[str] = (),
    sumber_katalog: Sequence[tuple[str, str | None]] = (),
) -> et.MetaEkspor:
    """The Metadata sheet's content: the sources named in ``data``'s citation columns and in ``rujukan``."""
    sitasi = [*(v for k in _KOLOM_SITASI if k in data for v in data[k].dropna().tolist()), *rujukan]
    jenis = [*_JENIS_SELALU, *(["batas_wilayah"] if peta else [])]
    if sintetis or (sintetis is None and et.ada_sintetis(data)):
        jenis.append("sintetis")
    sumber = et.sumber_terpakai(cache.sumber(db_bawaan()), sitasi, [*jenis, *(str(r) for r in rujukan)])
    return et.MetaEkspor(
        judul=judul,
        deskripsi=deskripsi,
        bahasa=bahasa,
        indikator=tuple(dict.fromkeys(indikator)),
        katalog=cache.katalog(),
        sumber=_tambah_sumber_katalog(sumber, sumber_katalog),
        atribusi_batas=_atribusi(bahasa) if peta else None,
        sintetis=sintetis,
    )


def _atribusi(bahasa: Bahasa) -> Atribusi:
    """The boundary credit line as the data asks (Indonesian), or its translation in English."""
    return metodologi.atribusi_dalam(cache.atribusi_batas(), bahasa)


def susun(
    data: pd.DataFrame, judul: str, bahasa: Bahasa, rincian: Rincian, *, peta: bool, sintetis: bool | None
) -> tuple[pd.DataFrame, et.MetaEkspor]:
    """The table a file holds and its metadata (see the module docstring); numbers not yet read back."""
    baris = rincian.baris if rincian.baris is not None else (data if rincian.kolom else None)
    isi = _tabel_dari_kolom(data, rincian.kolom, rincian.desimal, bahasa) if rincian.kolom else data
    catatan = [rincian.deskripsi, t("unduh_deskripsi", bahasa, judul=judul)]
    rujukan: list[object] = list(rincian.sumber)
    meta = functools.partial(_meta, judul=judul, bahasa=bahasa, peta=peta, sumber_katalog=rincian.sumber_katalog)
    if baris is None:
        return isi, meta(isi, sintetis=sintetis, rujukan=rujukan, deskripsi=" ".join(c for c in catatan if c))
    baris = baris.reset_index(drop=True)
    bendera = _bendera_sintetis(baris) if sintetis is None else None
    if bendera is not None:
        sintetis = bool(bendera.any())
        if bendera.nunique() > 1:  # rows differ: say which, the metadata line alone cannot
            isi = isi.assign(**{t("ekspor_sintetis", bahasa): bendera.to_numpy()})
            catatan.append(t("unduh_deskripsi_sintetis", bahasa, kolom=t("ekspor_sintetis", bahasa)))
    if rincian.fakta:
        fakta, sumber_fakta = _fakta_predikat(baris, rincian, bahasa)
        rujukan += sumber_fakta
        baru = [k for k in fakta.columns if k not in isi]  # a column the table shows already stays as shown
        isi = pd.concat([isi.reset_index(drop=True), fakta[baru]], axis=1)
        catatan.append(t("unduh_deskripsi_fakta", bahasa))
    rujukan += [v for k in _KOLOM_SITASI if k in baris for v in baris[k].dropna().tolist()]
    # a cell may name several indicators ("KLA24-12, KLA31-14"): each gets its metadata block row
    indikator = (
        [k.strip() for v in baris["indikator"].dropna() for k in str(v).split(",")] if "indikator" in baris else []
    )
    deskripsi = " ".join(c for c in catatan if c)
    return isi, meta(isi, sintetis=sintetis, rujukan=rujukan, deskripsi=deskripsi, indikator=indikator)


def isi_berkas(
    data: pd.DataFrame,
    jenis: str,
    judul: str,
    bahasa: Bahasa,
    *,
    peta: bool = False,
    sintetis: bool | None = None,
    angka_tampil: bool = True,
    rincian: Rincian | None = None,
) -> bytes:
    """The bytes a table's ``csv`` or ``xlsx`` button hands the reader (see :func:`tombol_unduh`)."""
    # Only on click: reading numbers back from a display table costs a few ms per table.
    isi, meta = susun(data, judul, bahasa, rincian or Rincian(), peta=peta, sintetis=sintetis)
    if angka_tampil:
        isi = et.angka_dari_tampilan(isi, bahasa, lewati=[k for k in isi.columns if k in _KOLOM_KODE])
    return _TULIS[jenis](isi, meta)


# --- buttons ------------------------------------------------------------------------------------------------


def _rentang_tahun(baris: pd.DataFrame, bahasa: Bahasa) -> str | None:
    """The cycles the rows span ('2017–2025'), when they carry a ``tahun`` (or on-screen "Tahun") column."""
    kolom = next((k for k in ("tahun", t("tahun", bahasa)) if k in baris), None)
    if kolom is None:
        return None
    tahun = sorted({int(x) for x in pd.to_numeric(baris[kolom], errors="coerce").dropna()})
    if not tahun:
        return None
    return str(tahun[0]) if len(tahun) == 1 else f"{tahun[0]}–{tahun[-1]}"


def _fakta_tampilan(baris: pd.DataFrame, fakta: Mapping[str, int | None] | None) -> tuple[tuple[str, int | None], ...]:
    """Which columns of the rows hold an official predikat, and of which cycle (None: the row's ``tahun``).

    By default a ``predikat_resmi`` column; a cycle missing from the rows is the view's (URL ``tahun``).
    """
    if fakta is None:
        fakta = {"predikat_resmi": None} if "predikat_resmi" in baris else {}
    tahun_url = st.query_params.get("tahun")
    hasil: list[tuple[str, int | None]] = []
    for kolom, tahun in fakta.items():
        if tahun is None and "tahun" not in baris:
            if not (tahun_url or "").isdigit():
                continue  # no cycle known: nothing to look up
            tahun = int(tahun_url or 0)
        hasil.append((kolom, tahun))
    return tuple(hasil)


def _bagian_tampilan(
    url: Sequence[str], konteks: Sequence[str | Bagian], baris: pd.DataFrame, bahasa: Bahasa
) -> list[Bagian]:
    """The view's parts: the URL parameters in words, then ``konteks``; rows of several cycles add their span."""
    bagian = [*konteks_url(url, bahasa), *(k if isinstance(k, Bagian) else Bagian(k, k) for k in konteks)]
    rentang = None if "tahun" in url else _rentang_tahun(baris, bahasa)
    if rentang and rentang not in {b.teks for b in bagian}:  # rows of several cycles: the title says which
        bagian.append(Bagian(rentang, rentang))
    return bagian


def _rincian(
    baris: pd.DataFrame,
    ekspor: pd.DataFrame | None,
    *,
    deskripsi: str,
    kolom: Mapping[str, str] | None,
    desimal: Mapping[str, int] | None,
    fakta: Mapping[str, int | None] | None,
    sumber: Iterable[object],
) -> Rincian:
    """What the files need beyond the table, fixed while the page runs (a click has no URL to read)."""
    wilayah = st.query_params.get("wilayah")
    sumber = list(sumber)
    return Rincian(
        deskripsi=deskripsi,
        baris=ekspor,
        kolom=kolom,
        desimal=desimal or {},
        fakta=_fakta_tampilan(baris, fakta),
        wilayah=wilayah if wilayah and "," not in wilayah else None,
        sumber=tuple(s for s in sumber if isinstance(s, str)),
        sumber_katalog=tuple((str(s.sitasi), getattr(s, "url", None)) for s in sumber if hasattr(s, "sitasi")),
    )


def tombol_unduh(
    data: pd.DataFrame,
    topik: str,
    bahasa: Bahasa,
    *,
    judul: str | None = None,
    deskripsi: str = "",
    url: Sequence[str] = ("provinsi", "tahun"),
    konteks: Sequence[str | Bagian] = (),
    ekspor: pd.DataFrame | None = None,
    kolom: Mapping[str, str] | None = None,
    desimal: Mapping[str, int] | None = None,
    fakta: Mapping[str, int | None] | None = None,
    sumber: Iterable[object] = (),
    peta: bool = False,
    sintetis: bool | None = None,
    angka_tampil: bool = True,
) -> None:
    """Two buttons (CSV, XLSX) for the table ``data``; the files are built only when a button is clicked.

    ``judul`` names the table or measure, ``url`` the query parameters that describe the view and
    ``konteks`` further parts of it: together they make the title, and with ``topik`` the file name
    (``kla_<topik>_<view…>.csv``). ``ekspor`` are the rows behind ``data`` (same order); ``kolom``
    (raw column → on-screen label, with ``desimal``) makes the table from raw rows in ``data``.
    ``fakta`` maps the rows' official-predikat columns to their cycle (see :class:`Rincian`);
    ``sumber`` names further sources (database ones by id, citation, URL, kind or citing table;
    catalogue ones as objects with ``sitasi`` and ``url``); ``peta`` adds the boundaries' MIT
    attribution; ``sintetis`` forces the synthetic flag (``None``: read it from the rows). With
    ``angka_tampil`` locale-formatted number columns of a display table are written as numbers.
    """
    baris = ekspor if ekspor is not None else data
    if ekspor is not None and len(ekspor) != len(data):
        raise ValueError(f"ekspor '{topik}': {len(ekspor)} baris di belakang {len(data)} baris tabel")
    bagian = _bagian_tampilan(url, konteks, baris, bahasa)
    judul_ = ", ".join([judul or topik, *(b.teks for b in bagian)])
    rincian = _rincian(baris, ekspor, deskripsi=deskripsi, kolom=kolom, desimal=desimal, fakta=fakta, sumber=sumber)
    buat = functools.partial(isi_berkas, peta=peta, sintetis=sintetis, angka_tampil=angka_tampil, rincian=rincian)
    kunci = "_".join(["unduhtabel", et.slug(topik), *(et.slug(b.berkas) for b in bagian)])
    with st.container(horizontal=True, gap="small"):
        for jenis in _TULIS:
            st.download_button(
                t(jenis, bahasa),
                data=functools.partial(buat, data, jenis, judul_, bahasa),
                file_name=et.nama_berkas(topik, *(b.berkas for b in bagian), ekstensi=jenis),
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
    deskripsi: str = "",
    url: Sequence[str] = ("provinsi", "tahun"),
    konteks: Sequence[str | Bagian] = (),
    ekspor: pd.DataFrame | None = None,
    fakta: Mapping[str, int | None] | None = None,
    sumber: Iterable[object] = (),
    peta: bool = False,
    sintetis: bool | None = None,
    **opsi: Any,
) -> None:
    """Show a table (``st.dataframe``; index hidden, full width unless ``opsi`` says otherwise) and its buttons.

    ``ekspor`` are the rows behind the table, row for row (synthetic flags, predikat, sources); the
    other arguments are :func:`tombol_unduh`'s.
    """
    semua: dict[str, Any] = {"hide_index": True, "width": "stretch", **opsi}
    st.dataframe(data, **semua)
    tombol_unduh(data, topik, bahasa, judul=judul, deskripsi=deskripsi, url=url, konteks=konteks, ekspor=ekspor,
                 fakta=fakta, sumber=sumber, peta=peta, sintetis=sintetis)  # fmt: skip


def tabel_ringkas(data: pd.DataFrame, topik: str, bahasa: Bahasa, *, judul: str, **tombol: Any) -> None:
    """Show a small display table as an HTML table (:func:`ui.gaya.html_tabel`) and its buttons.

    For tables a reader reads whole (a few to a few dozen rows) on pages a change redraws; a large
    table to search and sort stays a grid (:func:`tabel`). ``tombol`` are :func:`tombol_unduh`'s.
    """
    st.html(tetap.tetap(gaya.html_tabel, data, judul, bahasa))
    tombol_unduh(data, topik, bahasa, judul=judul, **tombol)
