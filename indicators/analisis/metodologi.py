"""Data & method: sources, data vintages, and the scoring assumptions as editable what-ifs.

Loaders take a database path and run named SQL; everything else is pure (DataFrames and catalogue
models in, DataFrames out). The what-if functions never write anything: an edited maximum or band
edge lives only in the caller's session.

Per-indicator maxima are the project's default allocation, not official figures (the annex of
Kepmen PPPA 21/2023 was not found), so a reader may try others: each score is rescaled in
proportion (score × new maximum ÷ old maximum), the totals are summed again and the computed
predikat read from the (possibly edited) bands.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from indicators.analisis.skor import predikat_dari_total
from indicators.format import Bahasa
from indicators.io import store
from indicators.katalog.model import Katalog, Pita, PitaPredikat, Skema
from indicators.teks import katalog_teks, t

# Totals are sums of rescaled scores: round away float noise before comparing with band edges
# (as indicators.analisis.skor does), or 600 could read as 600.0000000001 (Madya).
_DESIMAL_TOTAL = 6
KEYAKINAN_MIN = {1: "rendah", 2: "sedang", 3: "tinggi"}


# --- loaders ----------------------------------------------------------------------------------------


def muat_sumber(db_path: Path) -> pd.DataFrame:
    """Every source in the database, synthetic and boundary sources first.

    Columns: ``sumber_id, sitasi, url, jenis, lisensi, keyakinan, sintetis, dipakai_untuk``
    (``dipakai_untuk``: comma-separated names of the tables that cite the source).
    """
    return store.kueri(db_path, "metodologi_sumber")


def muat_cakupan_statistik(db_path: Path) -> pd.DataFrame:
    """Raw-statistic rows per statistic × year × level.

    Columns: ``statistik, tahun, tingkat, jumlah, terverifikasi, sintetis, keyakinan_min``.
    """
    return store.kueri(db_path, "metodologi_cakupan_statistik")


def muat_cakupan_skor(db_path: Path) -> pd.DataFrame:
    """Per-indicator score coverage per cycle × stage.

    Columns: ``tahun, kode_skema, tahap, jumlah_wilayah, jumlah_indikator, jumlah_baris, sintetis``.
    """
    return store.kueri(db_path, "metodologi_cakupan_skor")


# --- boundary attribution -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Atribusi:
    """The attribution the boundary data asks for, read from its README."""

    baris: str
    lisensi: str
    hak_cipta: tuple[str, ...]
    teks_lisensi: str


def baca_atribusi_batas(path: Path) -> Atribusi:
    """Read the suggested attribution line, the licence and the licence text from the boundaries README.

    Raises:
        ValueError: the README has no suggested attribution line or no licence block.
    """
    baris = path.read_text(encoding="utf-8").splitlines()
    atribusi = None
    for i, isi in enumerate(baris):
        if "suggested attribution line" in isi.lower():
            atribusi = next((b.lstrip("> ").strip() for b in baris[i + 1 :] if b.startswith(">")), None)
            break
    if atribusi is None:
        raise ValueError(f"{path.name}: baris atribusi tidak ditemukan (no suggested attribution line)")
    mulai = next((i for i, b in enumerate(baris) if b.lower().startswith("mit license text")), None)
    if mulai is None:
        raise ValueError(f"{path.name}: teks lisensi MIT tidak ditemukan (no MIT licence text)")
    pagar = [i for i, b in enumerate(baris) if i > mulai and b.startswith("```")]
    blok = baris[pagar[0] + 1 : pagar[1]] if len(pagar) >= 2 else []
    hak_cipta = tuple(re.sub(r"\s{2,}", " ", b.strip()) for b in blok if b.strip().startswith("Copyright"))
    return Atribusi(baris=atribusi, lisensi="MIT", hak_cipta=hak_cipta, teks_lisensi="\n".join(blok).strip())


# --- data vintages ----------------------------------------------------------------------------------------


def cakupan_predikat(predikat_resmi: pd.DataFrame, wilayah: pd.DataFrame) -> pd.DataFrame:
    """Official predikat rows per province and cycle, against the province's number of kab/kota.

    ``predikat_resmi`` holds ``tahun, kode_wilayah, predikat, keyakinan``; ``wilayah`` the regions
    (``kode_wilayah, tingkat, kode_provinsi``). Returns ``kode_provinsi, tahun, jumlah`` (regions with
    a recorded result), ``berpredikat``, ``tidak_ada`` (recorded as no award), ``tinggi``,
    ``sedang``, ``rendah`` (rows by confidence), ``jumlah_kabkota`` and ``lengkap``.
    """
    kabkota = wilayah[wilayah["tingkat"] == "kabkota"]
    data = predikat_resmi.merge(kabkota[["kode_wilayah", "kode_provinsi"]], on="kode_wilayah", how="inner")
    data = data.assign(
        tidak_ada=data["predikat"] == "Tidak ada",
        tinggi=data["keyakinan"] == "tinggi",
        sedang=data["keyakinan"] == "sedang",
        rendah=data["keyakinan"] == "rendah",
    )
    hasil = (
        data.groupby(["kode_provinsi", "tahun"])
        .agg(
            jumlah=("kode_wilayah", "nunique"),
            tidak_ada=("tidak_ada", "sum"),
            tinggi=("tinggi", "sum"),
            sedang=("sedang", "sum"),
            rendah=("rendah", "sum"),
        )
        .reset_index()
    )
    hasil["berpredikat"] = hasil["jumlah"] - hasil["tidak_ada"]
    hasil["jumlah_kabkota"] = hasil["kode_provinsi"].map(kabkota.groupby("kode_provinsi").size()).astype(int)
    hasil["lengkap"] = hasil["jumlah"] == hasil["jumlah_kabkota"]
    kolom = ["kode_provinsi", "tahun", "jumlah", "berpredikat", "tidak_ada", "tinggi", "sedang", "rendah"]
    return hasil[[*kolom, "jumlah_kabkota", "lengkap"]].sort_values(["kode_provinsi", "tahun"], ignore_index=True)


def ringkas_cakupan_statistik(cakupan: pd.DataFrame, katalog: Katalog) -> pd.DataFrame:
    """One row per raw statistic: the years it covers and how sure we are of it.

    ``cakupan`` is :func:`muat_cakupan_statistik`. Returns ``statistik, nama, nama_en, satuan, tahun``
    (sorted list of years), ``tahun_teks`` ("2021, 2022, 2024"), ``jumlah_kabkota`` (most kab/kota
    rows in one year), ``ada_provinsi`` (an official province figure exists), ``terverifikasi``,
    ``sintetis``, ``keyakinan`` (the lowest), ``indikator`` (KLA indicators it informs) and
    ``catatan``/``catatan_en``. Statistics missing from the catalogue keep their code as name.
    """
    baris = []
    for kode, data in cakupan.groupby("statistik", sort=True):
        info = katalog.statistik.get(str(kode))
        tahun = sorted({int(x) for x in data["tahun"]})
        kabkota = data[data["tingkat"] == "kabkota"]
        baris.append(
            {
                "statistik": kode,
                "nama": info.nama if info else kode,
                "nama_en": info.nama_en if info else kode,
                "satuan": info.satuan if info else "",
                "tahun": tahun,
                "tahun_teks": ", ".join(str(x) for x in tahun),
                "jumlah_kabkota": int(kabkota["jumlah"].max()) if len(kabkota) else 0,
                "ada_provinsi": bool((data["tingkat"] == "provinsi").any()),
                "terverifikasi": bool(data["terverifikasi"].all()),
                "sintetis": bool(data["sintetis"].any()),
                "keyakinan": KEYAKINAN_MIN[int(data["keyakinan_min"].min())],
                "indikator": ", ".join(info.indikator) if info else "",
                "catatan": info.catatan if info else "",
                "catatan_en": info.catatan_en if info else "",
            }
        )
    return pd.DataFrame(baris)


# --- editable assumptions: validation -------------------------------------------------------------------


@dataclass(frozen=True)
class Masalah:
    """One validation problem: a text key (``met_<kode>`` in the page's text) and what fills it."""

    kode: str
    isian: dict[str, str | float] = field(default_factory=dict)


def validasi_maks(maks: Mapping[str, float | None], nilai_total: float) -> list[Masalah]:
    """Check edited per-indicator maxima: each filled in and > 0, and together exactly ``nilai_total``.

    Problems come back in indicator order; the sum is checked only when every value is a number.
    """
    masalah: list[Masalah] = []
    for indikator, nilai in maks.items():
        if nilai is None or math.isnan(nilai):
            masalah.append(Masalah("maks_kosong", {"indikator": indikator}))
        elif nilai <= 0:
            masalah.append(Masalah("maks_tidak_positif", {"indikator": indikator, "nilai": float(nilai)}))
    if any(m.kode == "maks_kosong" for m in masalah):
        return masalah
    jumlah = round(sum(float(v) for v in maks.values() if v is not None), _DESIMAL_TOTAL)
    if not math.isclose(jumlah, nilai_total, abs_tol=1e-6):
        masalah.append(
            Masalah(
                "maks_jumlah",
                {"jumlah": jumlah, "total": nilai_total, "selisih": round(jumlah - nilai_total, _DESIMAL_TOTAL)},
            )
        )
    return masalah


def validasi_batas(batas: Sequence[tuple[str, float | None]], nilai_total: float) -> list[Masalah]:
    """Check edited lower band edges, given from the lowest band up as ``(predikat, bawah)``.

    Each edge must be filled in, lie in ``[0, nilai_total)`` and be strictly above the previous one.
    """
    masalah: list[Masalah] = []
    sebelumnya: tuple[str, float] | None = None
    for predikat, nilai in batas:
        if nilai is None or math.isnan(nilai):
            masalah.append(Masalah("batas_kosong", {"predikat": predikat}))
            sebelumnya = None
            continue
        angka = float(nilai)
        if not 0 <= angka < nilai_total:
            masalah.append(Masalah("batas_di_luar", {"predikat": predikat, "nilai": angka, "total": nilai_total}))
        if sebelumnya is not None and angka <= sebelumnya[1]:
            masalah.append(
                Masalah(
                    "batas_tidak_naik",
                    {
                        "predikat": predikat,
                        "nilai": angka,
                        "sebelumnya": sebelumnya[0],
                        "nilai_sebelumnya": sebelumnya[1],
                    },
                )
            )
        sebelumnya = (predikat, angka)
    return masalah


# --- editable assumptions: what-if ------------------------------------------------------------------------


def maks_bawaan(skema: Skema) -> pd.DataFrame:
    """The scheme's default maxima: ``indikator, nomor, label, kelompok, maks_bawaan``, in number order."""
    return pd.DataFrame(
        {
            "indikator": [i.id for i in skema.indikator],
            "nomor": [i.nomor for i in skema.indikator],
            "label": [i.label.teks for i in skema.indikator],
            "kelompok": [i.kelompok for i in skema.indikator],
            "maks_bawaan": [i.nilai_maks for i in skema.indikator],
        }
    )


def pita_dengan_batas(pita: PitaPredikat, bawah: Mapping[str, float]) -> PitaPredikat:
    """The bands with new lower edges (by predikat); each band then ends where the next begins.

    Which side owns an edge is kept from ``pita`` (Madya starts strictly above its edge); the top
    band keeps its upper edge. Validate the edges first with :func:`validasi_batas`.
    """
    urut = sorted(pita.pita, key=lambda p: p.urutan)
    baru_bawah = [float(bawah.get(p.predikat, p.bawah)) for p in urut]
    baru: list[Pita] = []
    for i, band in enumerate(urut):
        atas = baru_bawah[i + 1] if i + 1 < len(urut) else band.atas
        baru.append(band.model_copy(update={"bawah": baru_bawah[i], "atas": atas}))
    return pita.model_copy(update={"pita": tuple(baru)})


def skala_ulang(skor: pd.DataFrame, maks_lama: Mapping[str, float], maks_baru: Mapping[str, float]) -> pd.DataFrame:
    """Rescale each score in proportion to its indicator's new maximum: ``nilai × baru ÷ lama``.

    ``skor`` holds ``indikator`` and ``nilai``; indicators absent from ``maks_baru`` keep their
    score. A score at its old maximum lands exactly on the new one.
    """
    lama = skor["indikator"].map(maks_lama)
    baru = skor["indikator"].map(maks_baru).fillna(lama)
    if lama.isna().any():
        hilang = sorted(set(skor.loc[lama.isna(), "indikator"]))
        raise ValueError(f"nilai maksimum lama tidak ada untuk (no old maximum for): {', '.join(hilang)}")
    return skor.assign(nilai=skor["nilai"] * baru / lama)


def hitung_what_if(
    skor: pd.DataFrame,
    maks_lama: Mapping[str, float],
    maks_baru: Mapping[str, float],
    pita_lama: PitaPredikat,
    pita_baru: PitaPredikat,
) -> pd.DataFrame:
    """Totals and computed predikat per region, with the defaults and with the edited assumptions.

    ``skor`` holds ``kode_wilayah, indikator, nilai`` for one cycle and stage. Returns one row per
    region: ``kode_wilayah, total_bawaan, predikat_bawaan, total_baru, predikat_baru, perubahan_total,
    berubah`` (computed predikat differs). Predikat are None below the lowest band.
    """
    bawaan = skor.groupby("kode_wilayah")["nilai"].sum().round(_DESIMAL_TOTAL)
    baru = skala_ulang(skor, maks_lama, maks_baru).groupby("kode_wilayah")["nilai"].sum().round(_DESIMAL_TOTAL)
    hasil = pd.DataFrame({"total_bawaan": bawaan, "total_baru": baru.reindex(bawaan.index)})
    hasil["predikat_bawaan"] = predikat_dari_total(hasil["total_bawaan"], pita_lama)
    hasil["predikat_baru"] = predikat_dari_total(hasil["total_baru"], pita_baru)
    hasil["perubahan_total"] = (hasil["total_baru"] - hasil["total_bawaan"]).round(2)
    hasil["berubah"] = hasil["predikat_bawaan"].fillna("") != hasil["predikat_baru"].fillna("")
    kolom = ["total_bawaan", "predikat_bawaan", "total_baru", "predikat_baru", "perubahan_total", "berubah"]
    return hasil.reset_index()[["kode_wilayah", *kolom]]


def jumlah_per_predikat(what_if: pd.DataFrame, urutan: Sequence[str], tanpa_predikat: str) -> pd.DataFrame:
    """Regions per computed predikat, default against edited: ``predikat, bawaan, baru, selisih``.

    Rows run from the highest predikat down, then ``tanpa_predikat`` for totals below every band.
    """
    daftar = [*reversed(list(urutan)), tanpa_predikat]
    bawaan = what_if["predikat_bawaan"].fillna(tanpa_predikat).value_counts()
    baru = what_if["predikat_baru"].fillna(tanpa_predikat).value_counts()
    hasil = pd.DataFrame(
        {
            "predikat": daftar,
            "bawaan": [int(bawaan.get(p, 0)) for p in daftar],
            "baru": [int(baru.get(p, 0)) for p in daftar],
        }
    )
    hasil["selisih"] = hasil["baru"] - hasil["bawaan"]
    return hasil


def atribusi_dalam(atribusi: Atribusi, bahasa: Bahasa) -> Atribusi:
    """The boundary credit line in ``bahasa``, the same on every surface (page, tables, pack, site).

    In Indonesian it is the line the data's README asks for; in English its translation (``bh_atribusi_batas``).
    """
    return atribusi if bahasa == "id" else replace(atribusi, baris=t("bh_atribusi_batas", bahasa))


def terjemah_sitasi(sitasi: pd.Series, bahasa: Bahasa) -> pd.Series:
    """The citations the dashboard wrote itself (synthetic data, boundaries, codes) in ``bahasa``.

    Citations of outside sources stay as published (a title is quoted in its own language).
    """
    if bahasa == "id":
        return sitasi
    terjemahan = {id_: en for k, (id_, en) in katalog_teks().items() if k.startswith("bh_sitasi_")}
    return sitasi.map(lambda s: terjemahan.get(s, s))
