"""Counts of kab/kota per predikat that an official can present: one value per band, with its basis.

A count comes from the official recap (``rekap_predikat``) when one is published for the cycle
and scope, else from the per-region list only when that list is complete; otherwise it is the
count of the regions known so far, labelled as partial. A change between two cycles is given only
when both counts are official or complete: a change between two partial lists says nothing
about the province.

Where two sources give different values for the same (year, scope, predikat), one is chosen by a
declared rule (:data:`ATURAN_PILIH`) and the conflict is kept for Data & Metodologi.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from indicators.analisis import ringkasan
from indicators.analisis.layanan import PilihanError
from indicators.format import Bahasa, format_angka
from indicators.io import store
from indicators.teks import t

REKAP_RESMI = "rekap_resmi"
DAFTAR_LENGKAP = "daftar_lengkap"
DAFTAR_SEBAGIAN = "daftar_sebagian"
DASAR_LENGKAP = frozenset({REKAP_RESMI, DAFTAR_LENGKAP})
NASIONAL = "nasional"

# Rows of the recap that are not predikat bands.
BUKAN_PITA = frozenset({"Total", "Peserta", "Provila"})

# The declared rule: the highest confidence first, then the most official source (a government
# page, then any page with an address, then a citation whose address was not recorded), then the
# earliest row as loaded. Written out so Data & Metodologi can print exactly what chose a value.
ATURAN_PILIH = ("keyakinan", "tingkat_sumber", "urutan")
_PERINGKAT_KEYAKINAN = {"tinggi": 0, "high": 0, "sedang": 1, "medium": 1, "rendah": 2, "low": 2}
_KOLOM_KONFLIK = ["tahun", "cakupan", "predikat", "jumlah", "jumlah_lain", "sitasi", "sitasi_lain"]


def tingkat_sumber(url: object) -> int:
    """Rank a source by how official it is: 0 a government site (.go.id), 1 any page, 2 no address."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return 2
    host = (urlparse(url).hostname or "").lower()
    return 0 if host.endswith(".go.id") else 1


def _berperingkat(rekap: pd.DataFrame) -> pd.DataFrame:
    keyakinan = rekap["keyakinan"] if "keyakinan" in rekap.columns else pd.Series("", index=rekap.index)
    return rekap.assign(
        _keyakinan=[_PERINGKAT_KEYAKINAN.get(str(k).lower(), 1) for k in keyakinan],
        _tingkat=[tingkat_sumber(u) for u in rekap["url"]],
        _urutan=range(len(rekap)),
    ).sort_values(["_keyakinan", "_tingkat", "_urutan"], kind="stable")


def pilih_rekap(rekap: pd.DataFrame) -> pd.DataFrame:
    """One row per (tahun, cakupan, predikat) of the recap, chosen by :data:`ATURAN_PILIH`.

    ``rekap`` holds ``tahun, cakupan, predikat, jumlah, sitasi, url`` (``keyakinan`` optional).
    """
    urut = _berperingkat(rekap)
    pilihan = urut.drop_duplicates(["tahun", "cakupan", "predikat"], keep="first")
    return pilihan.drop(columns=["_keyakinan", "_tingkat", "_urutan"]).sort_values(
        ["tahun", "cakupan", "predikat"], ignore_index=True
    )


def konflik_rekap(rekap: pd.DataFrame) -> pd.DataFrame:
    """Every (tahun, cakupan, predikat) with more than one value: the chosen one and each other.

    Returns ``tahun, cakupan, predikat, jumlah, jumlah_lain, sitasi, sitasi_lain``, by key and then
    in the rule's order. Done with whole columns: a loop over the groups took 60-140 ms for the 59
    recap rows, and Data & Metodologi computed it on every rerun.
    """
    kunci = ["tahun", "cakupan", "predikat"]
    # In key order, each key's rows in the rule's order: the first is the chosen one (pilih_rekap).
    urut = _berperingkat(rekap).sort_values(kunci, kind="stable")[[*kunci, "jumlah", "sitasi"]]
    pertama = ~urut.duplicated(kunci, keep="first")
    lain = urut[~pertama].rename(columns={"jumlah": "jumlah_lain", "sitasi": "sitasi_lain"})
    gabung = lain.merge(urut[pertama], on=kunci, how="left", sort=False)
    konflik = gabung[gabung["jumlah_lain"] != gabung["jumlah"]]
    return (
        konflik[_KOLOM_KONFLIK]
        .astype({"tahun": "int64", "jumlah": "int64", "jumlah_lain": "int64"})
        .reset_index(drop=True)
    )


def cakupan_rekap(kode_provinsi: str, nama_provinsi: str) -> str:
    """The recap's scope name for a province ('jawa_tengah') or Indonesia ('00' → 'nasional')."""
    return NASIONAL if kode_provinsi == "00" else nama_provinsi.strip().lower().replace(" ", "_")


@dataclass(frozen=True)
class JumlahSiklus:
    """Counts per predikat band for one cycle and scope, with what they rest on."""

    jumlah: dict[str, int | None]
    dasar: str
    diketahui: int
    total_wilayah: int


def _dari_rekap(resmi: pd.DataFrame, urutan_predikat: list[str]) -> dict[str, int | None]:
    nilai = {str(p): int(j) for p, j in zip(resmi["predikat"], resmi["jumlah"], strict=True)}
    pita = {p: nilai.get(p) for p in urutan_predikat}
    # A band the release does not name is zero only when the named bands add up to its total.
    total = nilai.get("Total")
    if total is not None and sum(v for v in pita.values() if v is not None) == total:
        pita = {p: (0 if v is None else v) for p, v in pita.items()}
    return pita


def jumlah_siklus(
    kabkota: pd.DataFrame, rekap_pilihan: pd.DataFrame, tahun: int, cakupan: str, urutan_predikat: list[str]
) -> JumlahSiklus:
    """Counts for one cycle: official recap, else a complete per-region list, else a partial one.

    ``kabkota`` has one row per kab/kota of the scope with ``predikat_resmi`` (missing = unknown;
    'Tidak ada' = known not awarded).
    """
    diketahui = int(kabkota["predikat_resmi"].notna().sum())
    total_wilayah = len(kabkota)
    resmi = rekap_pilihan[(rekap_pilihan["tahun"] == tahun) & (rekap_pilihan["cakupan"] == cakupan)]
    resmi = resmi[~resmi["predikat"].isin(BUKAN_PITA - {"Total"})]
    if resmi["predikat"].isin(urutan_predikat).any():
        return JumlahSiklus(_dari_rekap(resmi, urutan_predikat), REKAP_RESMI, diketahui, total_wilayah)
    hitung = kabkota["predikat_resmi"].value_counts()
    jumlah: dict[str, int | None] = {p: int(hitung.get(p, 0)) for p in urutan_predikat}
    dasar = DAFTAR_LENGKAP if diketahui == total_wilayah and total_wilayah > 0 else DAFTAR_SEBAGIAN
    return JumlahSiklus(jumlah, dasar, diketahui, total_wilayah)


def ringkasan_predikat(kini: JumlahSiklus, lalu: JumlahSiklus | None, urutan_predikat: list[str]) -> pd.DataFrame:
    """One row per predikat band, highest first, with the change only where it can be computed.

    Columns: ``predikat, jumlah, jumlah_siklus_lalu, selisih, dasar, dasar_lalu, diketahui,
    diketahui_lalu, total_wilayah``. ``selisih`` is empty unless both cycles rest on an official
    recap or a complete list.
    """
    bisa_selisih = lalu is not None and kini.dasar in DASAR_LENGKAP and lalu.dasar in DASAR_LENGKAP
    baris = []
    for p in reversed(urutan_predikat):
        sekarang = kini.jumlah.get(p)
        dulu = None if lalu is None else lalu.jumlah.get(p)
        selisih = sekarang - dulu if bisa_selisih and sekarang is not None and dulu is not None else None
        baris.append(
            {
                "predikat": p,
                "jumlah": sekarang,
                "jumlah_siklus_lalu": dulu,
                "selisih": selisih,
                "dasar": kini.dasar,
                "dasar_lalu": None if lalu is None else lalu.dasar,
                "diketahui": kini.diketahui,
                "diketahui_lalu": None if lalu is None else lalu.diketahui,
                "total_wilayah": kini.total_wilayah,
            }
        )
    hasil = pd.DataFrame(baris)
    for kolom in ("jumlah", "jumlah_siklus_lalu", "selisih", "diketahui_lalu"):
        hasil[kolom] = hasil[kolom].astype("Int64")
    return hasil


def jumlah_diketahui(kabkota: pd.DataFrame, urutan_predikat: list[str]) -> dict[str, int]:
    """Regions known by name per band (the per-region share shown beside an official count)."""
    hitung = kabkota["predikat_resmi"].value_counts()
    return {p: int(hitung.get(p, 0)) for p in urutan_predikat}


@dataclass(frozen=True)
class SumberRingkasan:
    """What :func:`ringkasan_dari_sumber` reads for one scope (a province, or '00' for Indonesia).

    Read from the database by :meth:`dari_db`, or handed over by a caller that has already read it
    (a page's cached queries). ``wilayah`` is the ``wilayah_semua`` query, ``rekap`` the chosen
    recap (:func:`pilih_rekap` of the ``rekap_predikat`` query), ``siklus`` the scope's
    ``siklus_dengan_data`` and ``kabkota(tahun)`` its ``ringkasan_kabkota`` for a cycle.
    """

    wilayah: pd.DataFrame
    rekap: pd.DataFrame
    siklus: pd.DataFrame
    kabkota: Callable[[int], pd.DataFrame]

    @classmethod
    def dari_db(cls, db_path: Path, kode_provinsi: str) -> SumberRingkasan:
        """Everything read from the database at ``db_path`` for a province ('00' = Indonesia)."""
        return cls(
            wilayah=store.kueri(db_path, "wilayah_semua"),
            rekap=pilih_rekap(store.kueri(db_path, "rekap_predikat")),
            siklus=store.kueri(db_path, "siklus_dengan_data", {"kode_provinsi": kode_provinsi}),
            kabkota=functools.partial(_kabkota_dari_db, db_path, kode_provinsi),
        )


def _kabkota_dari_db(db_path: Path, kode_provinsi: str, tahun: int) -> pd.DataFrame:
    return store.kueri(db_path, "ringkasan_kabkota", {"tahun": tahun, "kode_provinsi": kode_provinsi})


def ringkasan_dari_db(db_path: Path, kode_provinsi: str, tahun: int, urutan_predikat: list[str]) -> pd.DataFrame:
    """:func:`ringkasan_predikat` for a province ('00' = Indonesia) and cycle, read from the database.

    The previous cycle is the latest earlier cycle with a recap or per-region data for the scope.
    Raises :class:`PilihanError` naming what is available when the province or cycle is unknown.
    """
    return ringkasan_dari_sumber(SumberRingkasan.dari_db(db_path, kode_provinsi), kode_provinsi, tahun, urutan_predikat)


def ringkasan_dari_sumber(
    sumber: SumberRingkasan, kode_provinsi: str, tahun: int, urutan_predikat: list[str]
) -> pd.DataFrame:
    """:func:`ringkasan_dari_db` from what ``sumber`` holds (see :class:`SumberRingkasan`)."""
    provinsi = sumber.wilayah[sumber.wilayah["tingkat"] == "provinsi"]
    nama = dict(zip(provinsi["kode_wilayah"], provinsi["nama"], strict=True))
    if kode_provinsi != "00" and kode_provinsi not in nama:
        raise PilihanError(
            f"Provinsi '{kode_provinsi}' tidak dikenal; pakai kode Kemendagri, mis. 33, atau 00 untuk Indonesia "
            f"(unknown province code)"
        )
    cakupan = cakupan_rekap(kode_provinsi, nama.get(kode_provinsi, ""))
    rekap = sumber.rekap
    dari_rekap = rekap[(rekap["cakupan"] == cakupan) & rekap["predikat"].isin(urutan_predikat)]["tahun"]
    dari_daftar = sumber.siklus[sumber.siklus["jumlah_predikat"] > 0]["tahun"]
    semua = sorted({int(x) for x in [*dari_rekap, *dari_daftar]})
    if tahun not in semua:
        tersedia = ", ".join(str(x) for x in semua) or "(tidak ada / none)"
        raise PilihanError(f"Tidak ada data predikat {tahun} untuk {cakupan}; tersedia: {tersedia} (no data)")

    def siklus(th: int) -> JumlahSiklus:
        return jumlah_siklus(sumber.kabkota(th), rekap, th, cakupan, urutan_predikat)

    tahun_lalu = ringkasan.siklus_sebelumnya(tahun, semua)
    hasil = ringkasan_predikat(siklus(tahun), None if tahun_lalu is None else siklus(tahun_lalu), urutan_predikat)
    return hasil.assign(tahun=tahun, tahun_lalu=tahun_lalu, sumber=sumber_rekap(rekap, tahun, cakupan))


def ringkasan_bila_ada(
    sumber: Path | SumberRingkasan, kode_provinsi: str, tahun: int, urutan_predikat: list[str]
) -> pd.DataFrame | None:
    """:func:`ringkasan_dari_sumber`, or None for a cycle with scores but no predikat (nothing to count).

    ``sumber`` is a database path or a :class:`SumberRingkasan` already read.
    """
    if isinstance(sumber, Path):
        sumber = SumberRingkasan.dari_db(sumber, kode_provinsi)
    try:
        return ringkasan_dari_sumber(sumber, kode_provinsi, tahun, urutan_predikat)
    except PilihanError:
        return None


def sumber_rekap(rekap_pilihan: pd.DataFrame, tahun: int, cakupan: str) -> str | None:
    """The address (else the citation) of the recap a cycle's counts come from, or None."""
    baris = rekap_pilihan[(rekap_pilihan["tahun"] == tahun) & (rekap_pilihan["cakupan"] == cakupan)]
    for url, sitasi in zip(baris["url"], baris["sitasi"], strict=True):
        if isinstance(url, str) and url:
            return url
        if isinstance(sitasi, str) and sitasi:
            return sitasi
    return None


# --- words: the same basis and coverage lines on the page, the offline site and the pack -------------


def teks_cakupan(diketahui: object, total: object, bahasa: Bahasa) -> str:
    """'25 dari 35 kab/kota diketahui per wilayah', numbers through Babel."""
    return t(
        "cakupan_diketahui",
        bahasa,
        diketahui=format_angka(int(str(diketahui)), bahasa=bahasa),
        total=format_angka(int(str(total)), bahasa=bahasa),
    )


def keterangan_dasar(ringkas: pd.DataFrame, bahasa: Bahasa) -> list[tuple[str, str]]:
    """What the counts rest on, as (kind, text) lines.

    'dasar' always; 'sebagian' for a partial list (a warning: not official totals);
    'tanpa_selisih' when a change cannot be computed, naming the cycle that is only partly known.
    """
    b = ringkas.iloc[0]
    cakupan = teks_cakupan(b["diketahui"], b["total_wilayah"], bahasa)
    isian = {"tahun": int(b["tahun"]), "dasar": t(f"dasar_{b['dasar']}", bahasa), "cakupan": cakupan}
    sumber = b.get("sumber")
    if b["dasar"] == REKAP_RESMI and isinstance(sumber, str):
        baris = [("dasar", t("kpi_dasar", bahasa, sumber=sumber, **isian))]
    else:
        baris = [("dasar", t("kpi_dasar_tanpa_sumber", bahasa, **isian))]
    if b["dasar"] == DAFTAR_SEBAGIAN:
        baris.append(("sebagian", t("kpi_sebagian", bahasa, cakupan=cakupan)))
    if pd.notna(b["tahun_lalu"]) and ringkas["selisih"].isna().all():
        lalu = int(b["tahun_lalu"])
        kini_sebagian = b["dasar"] not in DASAR_LENGKAP
        sebagian = int(b["tahun"]) if kini_sebagian else lalu
        cakupan_sebagian = cakupan if kini_sebagian else teks_cakupan(b["diketahui_lalu"], b["total_wilayah"], bahasa)
        baris.append(
            (
                "tanpa_selisih",
                t("selisih_tidak_dihitung", bahasa, tahun=lalu, tahun_sebagian=sebagian, cakupan=cakupan_sebagian),
            )
        )
    return baris


def judul_jumlah(ringkas: pd.DataFrame, wilayah: str, bahasa: Bahasa) -> str:
    """The counts chart's title with its basis and coverage, for the page and every export of it."""
    b = ringkas.iloc[0]
    return t(
        "judul_jumlah_resmi",
        bahasa,
        wilayah=wilayah,
        tahun=int(b["tahun"]),
        dasar=t(f"dasar_{b['dasar']}", bahasa),
        cakupan=teks_cakupan(b["diketahui"], b["total_wilayah"], bahasa),
    )


def tanda_selisih(selisih: int) -> str:
    """'+2', '-1' or '±0': a change written with its sign (no change is neither up nor down).

    An ASCII minus, as the CLI and the offline site have always written it (the dashboard's cards
    take their arrow from the number, not from this text).
    """
    return "±0" if selisih == 0 else f"{selisih:+d}"


def selisih_teks(selisih: object, tahun_lalu: object, bahasa: Bahasa) -> str | None:
    """'+2 dibanding 2023', or None where no change may be shown."""
    if pd.isna(selisih) or pd.isna(tahun_lalu):  # type: ignore[call-overload]
        return None
    return f"{tanda_selisih(int(str(selisih)))} {t('dibanding', bahasa, tahun=int(str(tahun_lalu)))}"
