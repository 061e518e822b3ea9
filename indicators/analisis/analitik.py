"""Comparisons built on the scores.

Official vs computed predikat, ranks with ties, change since the previous cycle, averages,
peer groups, stages, series across schemes and raw statistics.

All functions are pure (DataFrames in, DataFrames out) and vectorised over regions.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from indicators.analisis.skor import tabel_indikator
from indicators.katalog.model import KOMPARABILITAS_LABEL, TAHAP, Katalog

JenisSebaya = Literal["provinsi", "predikat", "tetangga"]


def bandingkan_resmi(skor: pd.DataFrame, predikat_resmi: pd.DataFrame) -> pd.DataFrame:
    """Add ``predikat_resmi`` and ``beda_predikat`` (official and computed both known and different).

    The official predikat is a verification decision, not only a band lookup, so a difference is
    shown, never overwritten. "Tidak ada" (no award) counts as no predikat.
    """
    resmi = predikat_resmi[["tahun", "kode_wilayah", "predikat"]].rename(columns={"predikat": "predikat_resmi"})
    hasil = skor.merge(resmi, on=["tahun", "kode_wilayah"], how="left", validate="many_to_one")
    resmi_norm = hasil["predikat_resmi"].where(hasil["predikat_resmi"] != "Tidak ada", "")
    hitung_norm = hasil["predikat_hitung"].fillna("")
    hasil["beda_predikat"] = hasil["predikat_resmi"].notna() & (resmi_norm.fillna("") != hitung_norm)
    return hasil


def tambah_peringkat(skor: pd.DataFrame, wilayah: pd.DataFrame) -> pd.DataFrame:
    """Rank totals within the province and nationally, per cycle and stage (ties share the best rank).

    Adds ``kode_provinsi``, ``peringkat_provinsi``, ``seri_provinsi`` (tied with another region),
    ``jumlah_provinsi`` (regions ranked), ``peringkat_nasional`` and ``seri_nasional``.
    """
    hasil = skor.merge(
        wilayah[["kode_wilayah", "kode_provinsi"]], on="kode_wilayah", how="left", validate="many_to_one"
    )
    for cakupan, kelompok in (("provinsi", ["tahun", "tahap", "kode_provinsi"]), ("nasional", ["tahun", "tahap"])):
        grup = hasil.groupby(kelompok)["total"]
        hasil[f"peringkat_{cakupan}"] = grup.rank(method="min", ascending=False).astype("Int64")
        hasil[f"seri_{cakupan}"] = hasil.duplicated([*kelompok, "total"], keep=False)
        hasil[f"jumlah_{cakupan}"] = grup.transform("count")
    return hasil


def label_peringkat(peringkat: pd.Series, seri: pd.Series) -> pd.Series:
    """Show a rank as text, with '=' for a tie (e.g. '3=')."""
    teks = peringkat.astype("string")
    return teks.where(~seri, teks + "=")


def tambah_perubahan(skor: pd.DataFrame) -> pd.DataFrame:
    """Add the change in total since the region's previous evaluated cycle (same stage).

    Cycles are not annual (2019 → 2021 → 2022 → 2023 → 2025): the previous cycle is the previous
    one with a score, whatever the gap. Totals compare across schemes (both out of 1000);
    ``ganti_skema`` marks a change of scheme between the two cycles.
    """
    hasil = skor.sort_values(["kode_wilayah", "tahap", "tahun"]).copy()
    grup = hasil.groupby(["kode_wilayah", "tahap"])
    hasil["tahun_sebelumnya"] = grup["tahun"].shift().astype("Int64")
    hasil["total_sebelumnya"] = grup["total"].shift()
    hasil["perubahan_total"] = (hasil["total"] - hasil["total_sebelumnya"]).round(2)
    skema_lalu = grup["kode_skema"].shift()
    hasil["ganti_skema"] = skema_lalu.notna() & (skema_lalu != hasil["kode_skema"])
    return hasil.sort_index()


def rata_rata(skor: pd.DataFrame, kolom: list[str]) -> pd.DataFrame:
    """Province and national means of ``kolom`` per cycle and stage (``skor`` needs ``kode_provinsi``).

    Returns rows with ``cakupan`` ('provinsi' with its code, or 'nasional') and ``jumlah_wilayah``.
    """
    provinsi = skor.groupby(["tahun", "tahap", "kode_provinsi"])[kolom].mean().reset_index()
    provinsi["jumlah_wilayah"] = skor.groupby(["tahun", "tahap", "kode_provinsi"]).size().to_numpy()
    provinsi["cakupan"] = "provinsi"
    nasional = skor.groupby(["tahun", "tahap"])[kolom].mean().reset_index()
    nasional["jumlah_wilayah"] = skor.groupby(["tahun", "tahap"]).size().to_numpy()
    nasional["cakupan"] = "nasional"
    nasional["kode_provinsi"] = None
    return pd.concat([provinsi, nasional], ignore_index=True)


def kelompok_sebaya(
    kode_wilayah: str,
    jenis: JenisSebaya,
    wilayah: pd.DataFrame,
    tetangga: pd.DataFrame | None = None,
    predikat: pd.DataFrame | None = None,
) -> list[str]:
    """Return the peer kab/kota of a region (the region itself excluded), sorted by code.

    ``provinsi``: kab/kota of the same province. ``tetangga``: regions sharing a border (from the
    stored adjacency). ``predikat``: regions with the same predikat in ``predikat`` (columns
    ``kode_wilayah, predikat``, one cycle), e.g. the official or computed one.
    """
    kabkota = wilayah[wilayah["tingkat"] == "kabkota"]
    if jenis == "provinsi":
        provinsi = kabkota.loc[kabkota["kode_wilayah"] == kode_wilayah, "kode_provinsi"]
        kode = kabkota.loc[kabkota["kode_provinsi"].isin(provinsi), "kode_wilayah"]
    elif jenis == "tetangga":
        if tetangga is None:
            raise ValueError("tabel tetangga diperlukan (neighbour table needed)")
        kode = tetangga.loc[tetangga["kode_wilayah"] == kode_wilayah, "kode_tetangga"]
    else:
        if predikat is None:
            raise ValueError("tabel predikat diperlukan (predikat table needed)")
        milik = predikat.loc[predikat["kode_wilayah"] == kode_wilayah, "predikat"]
        if milik.empty or milik.isna().all():
            return []
        kode = predikat.loc[predikat["predikat"] == milik.iloc[0], "kode_wilayah"]
    return sorted(k for k in set(kode) if k != kode_wilayah)


def perubahan_tahap(skor_wilayah: pd.DataFrame, katalog: Katalog) -> pd.DataFrame:
    """Per indicator of one region × cycle: the score at each stage and the change between them.

    ``skor_wilayah`` holds ``indikator, tahap, nilai``. Returns one row per indicator with a column
    per stage present, ``berubah_verifikasi`` (final − mandiri, negative = lost at verification)
    and ``berubah_provinsi`` (provinsi − mandiri), sorted by the largest loss first.
    """
    lebar = skor_wilayah.pivot_table(index="indikator", columns="tahap", values="nilai", aggfunc="first")
    lebar = lebar.reindex(columns=[t for t in TAHAP if t in lebar.columns])
    lebar.columns.name = None
    info = tabel_indikator(katalog).set_index("indikator")[["nomor", "kelompok", "nilai_maks"]]
    hasil = info.join(lebar, how="inner")
    if {"mandiri", "final"} <= set(hasil.columns):
        hasil["berubah_verifikasi"] = (hasil["final"] - hasil["mandiri"]).round(2)
    if {"mandiri", "provinsi"} <= set(hasil.columns):
        hasil["berubah_provinsi"] = (hasil["provinsi"] - hasil["mandiri"]).round(2)
    urut = "berubah_verifikasi" if "berubah_verifikasi" in hasil else "nomor"
    return hasil.reset_index().sort_values([urut, "nomor"], ignore_index=True)


def seri_indikator(skor_wilayah: pd.DataFrame, indikator_kla24: str, katalog: Katalog) -> pd.DataFrame:
    """The series of one KLA24 indicator for one region across cycles, bridging KLA31 cycles.

    ``skor_wilayah`` holds ``tahun, indikator, nilai`` for one region and stage. Values are the
    share of the maximum (``capaian_persen``), so both schemes share a scale. KLA31 cycles use
    the crosswalk (sum of the mapped KLA31 indicators over the sum of their maxima) and carry its
    ``komparabilitas``; KLA24 cycles are ``sama`` (same indicator). Pages warn on anything else.
    """
    peta = {p.kla24: p for p in katalog.peta_silang}
    maks = tabel_indikator(katalog).set_index("indikator")["nilai_maks"]
    baris = []
    for tahun, data in skor_wilayah.groupby("tahun"):
        nilai = data.set_index("indikator")["nilai"]
        if indikator_kla24 in nilai.index:
            baris.append(
                {
                    "tahun": tahun,
                    "skema": "KLA24",
                    "indikator_sumber": indikator_kla24,
                    "capaian_persen": 100 * nilai[indikator_kla24] / maks[indikator_kla24],
                    "komparabilitas": "sama",
                }
            )
        elif indikator_kla24 in peta and set(peta[indikator_kla24].kla31) & set(nilai.index):
            sumber = [i for i in peta[indikator_kla24].kla31 if i in nilai.index]
            baris.append(
                {
                    "tahun": tahun,
                    "skema": "KLA31",
                    "indikator_sumber": ", ".join(sumber),
                    "capaian_persen": 100 * nilai[sumber].sum() / maks[sumber].sum(),
                    "komparabilitas": peta[indikator_kla24].komparabilitas,
                }
            )
    hasil = pd.DataFrame(baris, columns=["tahun", "skema", "indikator_sumber", "capaian_persen", "komparabilitas"])
    hasil["capaian_persen"] = hasil["capaian_persen"].astype(float).round(2)
    hasil["label_komparabilitas"] = hasil["komparabilitas"].map(
        lambda k: "sama" if k == "sama" else KOMPARABILITAS_LABEL[k][0]
    )
    return hasil


def ringkas_statistik(statistik: pd.DataFrame, kode_statistik: str, katalog: Katalog) -> pd.DataFrame:
    """Latest value, trend, rank and province average of a raw statistic per region.

    ``statistik`` holds ``tahun, kode_wilayah, statistik, nilai, kode_provinsi, tingkat`` (kab/kota
    and province rows). For each kab/kota: its latest year and value, the previous value and
    change, ``tren`` ('membaik' / 'memburuk' / 'tetap', by the statistic's direction; empty for a
    context statistic), its rank among the province's kab/kota in that year (1 = best, ties share),
    the mean of those kab/kota and the official province figure where one is stored.
    """
    arah = katalog.statistik[kode_statistik].arah
    data = statistik[statistik["statistik"] == kode_statistik]
    kabkota = data[data["tingkat"] == "kabkota"].sort_values(["kode_wilayah", "tahun"])
    grup = kabkota.groupby("kode_wilayah")
    terakhir = grup.tail(1).set_index("kode_wilayah")
    sebelumnya = grup.nth(-2).set_index("kode_wilayah") if len(kabkota) else kabkota.set_index("kode_wilayah")
    hasil = terakhir[["tahun", "nilai", "kode_provinsi"]].copy()
    hasil["tahun_sebelumnya"] = sebelumnya["tahun"].reindex(hasil.index).astype("Int64")
    hasil["nilai_sebelumnya"] = sebelumnya["nilai"].reindex(hasil.index)
    hasil["perubahan"] = (hasil["nilai"] - hasil["nilai_sebelumnya"]).round(4)
    arah_baik = {"naik": 1.0, "turun": -1.0}.get(arah, 0.0)
    tanda = np.sign(hasil["perubahan"] * arah_baik)
    hasil["tren"] = np.select([tanda > 0, tanda < 0, tanda == 0], ["membaik", "memburuk", "tetap"], default="")
    if arah == "netral":
        hasil["tren"] = ""
    # Rank within the same province and year, in the direction that is better.
    semua_tahun = kabkota.set_index("kode_wilayah")
    peringkat = semua_tahun.groupby(["kode_provinsi", "tahun"])["nilai"].rank(method="min", ascending=(arah == "turun"))
    kunci = pd.MultiIndex.from_arrays([semua_tahun.index, semua_tahun["tahun"]])
    peringkat.index = kunci
    hasil["peringkat_provinsi"] = (
        pd.Series(
            peringkat.reindex(pd.MultiIndex.from_arrays([hasil.index, hasil["tahun"]])).to_numpy(), index=hasil.index
        ).astype("Int64")
        if arah != "netral"
        else pd.Series(pd.NA, index=hasil.index, dtype="Int64")
    )
    rata = kabkota.groupby(["kode_provinsi", "tahun"])["nilai"].mean()
    hasil["rata_rata_kabkota_provinsi"] = [
        rata.get((p, t), np.nan) for p, t in zip(hasil["kode_provinsi"], hasil["tahun"], strict=True)
    ]
    resmi = data[data["tingkat"] == "provinsi"].set_index(["kode_wilayah", "tahun"])["nilai"]
    hasil["nilai_provinsi_resmi"] = [
        resmi.get((p, t), np.nan) for p, t in zip(hasil["kode_provinsi"], hasil["tahun"], strict=True)
    ]
    hasil["arah"] = arah
    return hasil.reset_index()
