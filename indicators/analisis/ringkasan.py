"""Province overview: counts of kab/kota per official predikat for one cycle."""

from __future__ import annotations

import pandas as pd

from indicators.format import Bahasa
from indicators.teks import ada, t

TIDAK_ADA = "Tidak ada"
TIDAK_DITEMUKAN = "Data tidak ditemukan"
DASAR_DINYATAKAN = "stated"
# A province's status for one cycle on the national map (keys of the text catalogue: prov_<status>).
STATUS_PROVINSI = ("provila", "penghargaan_lain", "bukan_provila", "tidak_diketahui")


def kabkota_provinsi(nasional: pd.DataFrame, wilayah: pd.DataFrame, kode_provinsi: str) -> pd.DataFrame:
    """One province's rows of the all-Indonesia ``ringkasan_kabkota`` of a cycle ('00': all of them).

    ``wilayah`` is the ``wilayah_semua`` query. The rows, their order and columns are those of the
    query run for the province (it keeps the kab/kota whose ``kode_induk`` is the province), so a
    cache can read the country once per cycle and cut each province from it: the query sums every
    kab/kota's scores of the cycle whichever province it asks for.
    """
    if kode_provinsi == "00":
        return nasional
    anggota = wilayah.loc[(wilayah["tingkat"] == "kabkota") & (wilayah["kode_induk"] == kode_provinsi), "kode_wilayah"]
    return nasional[nasional["kode_wilayah"].isin(anggota)].reset_index(drop=True)


def kategori_peta(predikat_resmi: pd.Series) -> pd.Series:
    """Return the map category per region: the predikat, 'Tidak ada', or 'Data tidak ditemukan'.

    A missing predikat is never filled in: it is shown as not found.
    """
    return predikat_resmi.fillna(TIDAK_DITEMUKAN)


def dengan_kategori(kabkota: pd.DataFrame) -> pd.DataFrame:
    """Add the map category and ``disimpulkan``: a predikat whose basis is not a source stating it.

    ``kabkota`` needs ``predikat_resmi`` and ``dasar`` (stated / derived_by_elimination /
    inferred_from_later_statement / inferred).
    """
    return kabkota.assign(
        kategori=kategori_peta(kabkota["predikat_resmi"]),
        disimpulkan=disimpulkan(kabkota["predikat_resmi"], kabkota["dasar"]),
    )


def predikat_dua_siklus(
    kini: pd.DataFrame, lalu: pd.DataFrame | None, tahun: int, tahun_lalu: int | None
) -> pd.DataFrame:
    """The known official predikat of a view in ``tahun`` and in ``tahun_lalu``, for :func:`pergerakan_predikat`.

    ``kini`` and ``lalu`` are the view's rows per cycle (``kode_wilayah, predikat_resmi``, ...);
    ``lalu`` is None when there is no earlier cycle. One row per region and cycle with a known
    predikat, the column renamed ``predikat`` and the cycle in ``tahun``.
    """
    bagian = [kini.assign(tahun=tahun)] + ([] if lalu is None else [lalu.assign(tahun=tahun_lalu)])
    dua = pd.concat(bagian).dropna(subset=["predikat_resmi"])
    return dua.rename(columns={"predikat_resmi": "predikat"})


def disimpulkan(predikat: pd.Series, dasar: pd.Series) -> pd.Series:
    """True where a predikat is known but no source states it (by elimination or inferred)."""
    return predikat.notna() & dasar.notna() & dasar.ne(DASAR_DINYATAKAN)


def label_dasar(dasar: object, bahasa: Bahasa) -> str | None:
    """The basis of a predikat in words (stated by a source, by elimination, inferred), or None."""
    return t(f"dasar_{dasar}", bahasa) if isinstance(dasar, str) and ada(f"dasar_{dasar}") else None


def urutan_kategori(urutan_predikat: list[str]) -> list[str]:
    """Return every map category from best to worst, with the unknown last."""
    return [*reversed(urutan_predikat), TIDAK_ADA, TIDAK_DITEMUKAN]


def siklus_sebelumnya(tahun: int, semua_tahun: list[int]) -> int | None:
    """Return the cycle before ``tahun`` among ``semua_tahun`` (cycles are not annual), or None."""
    lebih_awal = [t for t in semua_tahun if t < tahun]
    return max(lebih_awal) if lebih_awal else None


def pergerakan_predikat(
    predikat: pd.DataFrame, tahun: int, tahun_lalu: int | None, urutan_predikat: list[str]
) -> pd.DataFrame:
    """Official predikat moves between two cycles, for the regions known in both.

    ``predikat`` holds ``kode_wilayah, nama, tahun, predikat``. Returns ``kode_wilayah, nama,
    predikat_lalu, predikat_kini, langkah`` (bands moved, + up / − down; 'Tidak ada' counts as the
    step below Pratama), sorted by the largest rise first. Regions missing in either cycle are left
    out: a move is never guessed.
    """
    kolom = ["kode_wilayah", "nama", "predikat_lalu", "predikat_kini", "langkah"]
    if tahun_lalu is None:
        return pd.DataFrame(columns=kolom)
    tingkat = {TIDAK_ADA: 0, **{p: i + 1 for i, p in enumerate(urutan_predikat)}}
    kini = predikat[predikat["tahun"] == tahun][["kode_wilayah", "nama", "predikat"]]
    lalu = predikat[predikat["tahun"] == tahun_lalu][["kode_wilayah", "predikat"]]
    gabung = kini.merge(lalu, on="kode_wilayah", suffixes=("_kini", "_lalu"), validate="one_to_one")
    gabung["langkah"] = gabung["predikat_kini"].map(tingkat) - gabung["predikat_lalu"].map(tingkat)
    return gabung[kolom].sort_values(["langkah", "nama"], ascending=[False, True], ignore_index=True)


def _status_provinsi(penghargaan: object, lengkap: bool) -> str:
    if not isinstance(penghargaan, str):  # None or NaN: no award named for the province
        return "bukan_provila" if lengkap else "tidak_diketahui"
    # "Pelopor/Penggerak Provinsi Layak Anak" (2019) are other awards; the Provila itself says so.
    provila = "Provila" in penghargaan or penghargaan.startswith("Provinsi Layak Anak")
    return "provila" if provila else "penghargaan_lain"


def provinsi_nasional(
    provinsi: pd.DataFrame, penghargaan: pd.DataFrame, kabkota: pd.DataFrame, tahun: int, jumlah_provila: int | None
) -> tuple[pd.DataFrame, bool]:
    """What is known per province for one cycle: Provila status and kab/kota with a known predikat.

    ``provinsi`` has ``kode_wilayah, nama``; ``penghargaan`` the provincial awards (``tahun,
    kode_wilayah, penghargaan``); ``kabkota`` every kab/kota of Indonesia with ``predikat_resmi``.
    The list of Provila is complete only when it names as many provinces as the official recap
    counts (``jumlah_provila``): only then is an unnamed province 'bukan_provila', else its status
    is 'tidak_diketahui'. Returns the table (``kode_wilayah, nama, status, penghargaan,
    kabkota_diketahui``) and whether the list is complete.
    """
    tahun_ini = penghargaan[penghargaan["tahun"] == tahun].drop_duplicates("kode_wilayah")
    nama_award = dict(zip(tahun_ini["kode_wilayah"], tahun_ini["penghargaan"], strict=True))
    provila = sum(_status_provinsi(str(a), False) == "provila" for a in nama_award.values())
    lengkap = jumlah_provila is not None and provila == jumlah_provila
    dikenal = kabkota[kabkota["predikat_resmi"].notna() & kabkota["predikat_resmi"].ne(TIDAK_ADA)]
    per_provinsi = dikenal["kode_wilayah"].str[:2].value_counts()
    hasil = provinsi[["kode_wilayah", "nama"]].copy()
    hasil["penghargaan"] = [nama_award.get(k) for k in hasil["kode_wilayah"]]
    hasil["status"] = [_status_provinsi(a, lengkap) for a in hasil["penghargaan"]]
    hasil["kabkota_diketahui"] = [int(per_provinsi.get(k, 0)) for k in hasil["kode_wilayah"]]
    return hasil.reset_index(drop=True), lengkap
