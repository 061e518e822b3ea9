"""The Gugus Tugas workspace, pure part: who owes which evidence, readiness and the trajectory.

DataFrames in, DataFrames out; no Streamlit and no file access (storage is
:mod:`indicators.gugus.simpan`). The rules, written down once:

- **Items.** The evidence items of an indicator come from the data dukung catalogue
  (:mod:`indicators.katalog.data_dukung`), followed by the region's active custom items (butir
  tambahan, :mod:`indicators.gugus.tambahan`), which count like any other item. An item a region
  has not touched is ``belum``, owned by its default OPD, with no due date.
- **Owner OPD.** The stored owner if set; else the catalogue default when that OPD is in the
  region's OPD pengampu list for the indicator; else the first OPD of that list. The region's list
  is the stored one, or the catalogue's ``opd_pengampu`` when it stored none.
- **Complete** (``selesai``) = ``lengkap`` or ``diverifikasi``. **Missing** (``belum_ada``) = status
  ``belum``: nothing in hand yet. **Overdue** (``terlambat``) = a due date *before* ``hari_ini`` and
  not complete; an item due today is not overdue yet. ``hari_ini`` is always a parameter.
- **Points at stake.** Each item carries an equal share of its indicator's maximum
  (``nilai_maks / number of items``, custom items included); an incomplete item puts its share at stake. The maxima are
  the project's default allocation (the official ones are unpublished), and the equal split is our
  assumption too: both are shown as assumptions wherever the numbers appear.
- **What matters most for the next predikat.** The reference score (the latest snapshot, else the
  latest evaluated cycle) is scored with :func:`indicators.skor.hitung_skor`; its gap to the next
  predikat and :func:`indicators.skor.ruang_indikator` mark the indicators that would close it
  (``menutup_selisih``). Items, clusters and OPD are sorted by points at stake on those
  indicators first (``poin_prioritas``), then by all points at stake.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from indicators.analisis import profil
from indicators.analisis.skor import hitung_skor, ruang_indikator
from indicators.katalog.data_dukung import Butir, KatalogDataDukung
from indicators.katalog.model import TAHAP, Indikator, Katalog
from indicators.teks import pasangan
from indicators.teks_aman import bersihkan_kontrol

Status = Literal["belum", "dalam_proses", "lengkap", "diverifikasi"]
STATUS: tuple[Status, ...] = ("belum", "dalam_proses", "lengkap", "diverifikasi")
SELESAI: frozenset[str] = frozenset({"lengkap", "diverifikasi"})
STATUS_LABEL = pasangan({s: f"status_butir_{s}" for s in STATUS})
JARAK_SIKLUS_TAHUN = 2
"""Years between evaluations assumed for the next one (award years 2021, 2022, 2023, 2025: about two
years now; kla-domain.md §3.2 marks the cadence as inference)."""
TAHAP_SNAPSHOT = "mandiri"
"""A snapshot is a self-assessment: it is scored like the evaluasi mandiri stage."""

KOLOM_BUTIR = [
    "indikator",
    "nomor",
    "kelompok",
    "butir",
    "urutan_butir",
    "nama",
    "nama_en",
    "jenis",
    "keyakinan",
    "tambahan",
    "opd",
    "status",
    "tenggat",
    "catatan",
    "referensi",
    "selesai",
    "belum_ada",
    "terlambat",
    "nilai_maks",
    "poin_butir",
    "poin_dipertaruhkan",
    "diubah_oleh",
    "diubah_pada",
    "versi",
]
# CR and CRLF become LF: an XLSX round trip turns them into LF anyway (XML normalises line ends),
# so a note would otherwise come back different from what was stored.
_CR = re.compile(r"\r\n?")


def status_dari_teks(teks: str) -> Status | None:
    """Read a status as people type it: ``dalam proses``, ``Dalam_Proses``, ``complete`` → a code, or None."""
    bersih = " ".join(str(teks).strip().casefold().replace("_", " ").replace("-", " ").split())
    for kode, (label_id, label_en) in STATUS_LABEL.items():
        if bersih in {label_id, label_en, kode.replace("_", " ")}:
            return kode  # type: ignore[return-value]
    return None


def normalkan_teks(teks: str) -> tuple[str, int]:
    """Clean typed or pasted text: CR, vertical tab and form feed → newline, other controls removed.

    The controls are those of :func:`indicators.teks_aman.bersihkan_kontrol` (C0 except tab and
    newline, DEL, C1, and what XML cannot hold). Returns the clean text and how many characters
    were removed (line breaks made are not counted), so the caller can tell the user.
    """
    baris = _CR.sub("\n", teks)
    bersih = bersihkan_kontrol(baris)
    return bersih, len(baris) - len(bersih)


def teks_masukan(nilai: object) -> str | None:
    """A free-text field as it is stored: controls cleaned (:func:`normalkan_teks`), trimmed, None when empty."""
    if kosong(nilai):
        return None
    bersih = normalkan_teks(str(nilai))[0].strip()
    return bersih or None


def opd_efektif(tersimpan: pd.DataFrame, katalog: Katalog, dd: KatalogDataDukung) -> pd.DataFrame:
    """The OPD pengampu of every indicator for one region: the stored list, else the catalogue's.

    ``tersimpan`` holds the region's stored rows (``indikator, opd, peran_kontak, urutan``).
    Columns: ``indikator, nomor, kelompok, opd, peran_kontak, urutan, bawaan`` (True = catalogue
    default, not yet changed by the region).
    """
    skema = katalog.skema[dd.skema]
    baris: list[dict[str, object]] = []
    for ind in skema.indikator:
        milik = tersimpan[tersimpan["indikator"] == ind.id].sort_values("urutan") if len(tersimpan) else tersimpan
        if len(milik):
            daftar = [(str(o), str(p)) for o, p in zip(milik["opd"], milik["peran_kontak"], strict=True)]
            bawaan = False
        else:
            daftar = [(o, dd.kontak_untuk(o)) for o in ind.opd_pengampu.butir]
            bawaan = True
        for urut, (opd, peran) in enumerate(daftar):
            baris.append(
                {
                    "indikator": ind.id,
                    "nomor": ind.nomor,
                    "kelompok": ind.kelompok,
                    "opd": opd,
                    "peran_kontak": peran,
                    "urutan": urut,
                    "bawaan": bawaan,
                }
            )
    return pd.DataFrame(baris, columns=["indikator", "nomor", "kelompok", "opd", "peran_kontak", "urutan", "bawaan"])


def kosong(nilai: object) -> bool:
    """True for a missing cell value (None, NaN, NaT, NA); an empty string is not missing."""
    if nilai is None or nilai is pd.NA or nilai is pd.NaT:
        return True
    return isinstance(nilai, float) and math.isnan(nilai)


def daftar_rekam(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as plain dicts with text keys."""
    return [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]


def _tanggal(nilai: object) -> dt.date | None:
    if kosong(nilai):
        return None
    if isinstance(nilai, pd.Timestamp | dt.datetime):
        return nilai.date()
    if isinstance(nilai, dt.date):
        return nilai
    return dt.date.fromisoformat(str(nilai)[:10])


def sebagai_tanggal(nilai: object) -> dt.date | None:
    """A stored or typed date as a date, None when missing: a date, datetime, Timestamp or ISO text."""
    return _tanggal(nilai)


def _teks_atau_none(nilai: object) -> str | None:
    """A stored text, None when the value is missing (see :func:`kosong`)."""
    return None if kosong(nilai) else str(nilai)


@dataclass(frozen=True)
class _ButirTambahan:
    """A region's custom item as the checklist reads it: no catalogue kind, confidence or default owner."""

    kode: str
    nama: str
    jenis: str | None


def _pemilik(
    rekam: dict[str, Any], ind: Indikator, b: Butir | _ButirTambahan, milik: list[str], dd: KatalogDataDukung
) -> str:
    """The item's OPD: the stored one, else the catalogue's default when it is among the indicator's OPD.

    A custom item has no catalogue default: the indicator's first OPD pengampu.
    """
    opd_simpan = rekam.get("opd")
    if not kosong(opd_simpan):
        return str(opd_simpan)
    if isinstance(b, _ButirTambahan):
        return milik[0]
    bawaan = dd.opd_butir(ind, b)
    return bawaan if bawaan in milik else milik[0]


def _baris_butir(
    ind: Indikator,
    b: Butir | _ButirTambahan,
    urut: int,
    rekam: dict[str, Any],
    pemilik: str,
    porsi: float,
    hari_ini: dt.date,
) -> dict[str, object]:
    """One item's row of ``KOLOM_BUTIR``: catalogue facts, stored state, lateness and points at stake.

    A custom item shows its name as typed in both languages, no confidence mark (``keyakinan``
    None) and ``tambahan`` True.
    """
    status = str(rekam.get("status") or "belum")
    tenggat = _tanggal(rekam.get("tenggat"))
    selesai = status in SELESAI
    return {
        "indikator": ind.id,
        "nomor": ind.nomor,
        "kelompok": ind.kelompok,
        "butir": b.kode,
        "urutan_butir": urut,
        "nama": b.nama,
        "nama_en": b.nama if isinstance(b, _ButirTambahan) else b.nama_en,
        "jenis": b.jenis,
        "keyakinan": None if isinstance(b, _ButirTambahan) else b.status,
        "tambahan": isinstance(b, _ButirTambahan),
        "opd": pemilik,
        "status": status,
        "tenggat": tenggat,
        "catatan": _teks_atau_none(rekam.get("catatan")),
        "referensi": _teks_atau_none(rekam.get("referensi")),
        "selesai": selesai,
        "belum_ada": status == "belum",
        "terlambat": tenggat is not None and tenggat < hari_ini and not selesai,
        "nilai_maks": ind.nilai_maks,
        "poin_butir": porsi,
        # A finished item has nothing left at stake.
        "poin_dipertaruhkan": 0.0 if selesai else porsi,
        "diubah_oleh": _teks_atau_none(rekam.get("diubah_oleh")),
        "diubah_pada": rekam.get("diubah_pada"),
        # 0 = never stored; a save carries the version it was based on (see gugus.simpan).
        "versi": 0 if kosong(rekam.get("versi")) else int(rekam["versi"]),
    }


def _tambahan_per_indikator(tambahan: pd.DataFrame | None) -> dict[str, list[_ButirTambahan]]:
    """The active custom items per indicator, in the order they were added (deleted ones left out)."""
    hasil: dict[str, list[_ButirTambahan]] = {}
    if tambahan is None or tambahan.empty:
        return hasil
    aktif = tambahan[tambahan["dihapus_pada"].isna()].sort_values("nomor")
    for r in daftar_rekam(aktif):
        jenis = None if kosong(r.get("jenis")) else str(r["jenis"])
        hasil.setdefault(str(r["indikator"]), []).append(_ButirTambahan(str(r["butir"]), str(r["nama"]), jenis))
    return hasil


def tabel_butir(
    tersimpan: pd.DataFrame,
    opd: pd.DataFrame,
    katalog: Katalog,
    dd: KatalogDataDukung,
    *,
    hari_ini: dt.date,
    tambahan: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every evidence item of the scheme for one region, with its state on ``hari_ini``.

    ``tersimpan`` holds the region's stored items (``indikator, butir, status, opd, tenggat,
    catatan, referensi, diubah_oleh, diubah_pada``); ``opd`` is :func:`opd_efektif`'s result;
    ``tambahan`` the region's custom items (:func:`indicators.gugus.simpan.baca_tambahan`; deleted
    ones are left out), listed after the catalogue's items of their indicator. An item without a
    stored row is kept as ``belum`` (never dropped). Columns: ``KOLOM_BUTIR``. An indicator's
    maximum is shared equally among its items, custom ones included (``poin_butir``).
    """
    skema = katalog.skema[dd.skema]
    simpan = {(str(r["indikator"]), str(r["butir"])): r for r in daftar_rekam(tersimpan)}
    daftar_opd: dict[str, list[str]] = {}
    for ind_id, nama_opd in zip(opd["indikator"], opd["opd"], strict=True):
        daftar_opd.setdefault(str(ind_id), []).append(str(nama_opd))
    per_tambahan = _tambahan_per_indikator(tambahan)
    baris: list[dict[str, object]] = []
    for ind in skema.indikator:
        butir_ind: list[Butir | _ButirTambahan] = [*dd.per_indikator[ind.id], *per_tambahan.get(ind.id, [])]
        milik = daftar_opd.get(ind.id) or list(ind.opd_pengampu.butir)
        porsi = ind.nilai_maks / len(butir_ind)
        for urut, b in enumerate(butir_ind):
            rekam: dict[str, Any] = simpan.get((ind.id, b.kode), {})
            pemilik = _pemilik(rekam, ind, b, milik, dd)
            baris.append(_baris_butir(ind, b, urut, rekam, pemilik, porsi, hari_ini))
    return pd.DataFrame(baris, columns=KOLOM_BUTIR)


# --- the reference score and priorities --------------------------------------------------------


@dataclass(frozen=True)
class Acuan:
    """The score readiness is sorted against: the latest snapshot, else the latest evaluated cycle.

    ``skor`` holds ``indikator, nilai`` of that reference; ``asal`` is ``snapshot`` or ``evaluasi``;
    ``tanggal`` the snapshot date or ``tahun``/``tahap`` the cycle; ``hitung`` its
    :func:`indicators.skor.hitung_skor` row (total, predikat, gap to the next predikat).
    """

    asal: Literal["snapshot", "evaluasi", "kosong"]
    skor: pd.DataFrame
    hitung: Mapping[str, object]
    tanggal: dt.date | None = None
    tahun: int | None = None
    tahap: str | None = None
    sintetis: bool = False

    @property
    def selisih(self) -> float | None:
        """Points needed to reach the next predikat (None at the top band or without a score)."""
        nilai = self.hitung.get("selisih_ke_predikat_berikut")
        return None if kosong(nilai) else float(nilai)  # type: ignore[arg-type]


def acuan_skor(
    snapshot: pd.DataFrame, skor_wilayah: pd.DataFrame, katalog: Katalog, kode_skema: str, kode_wilayah: str
) -> Acuan:
    """Pick the reference score: the latest snapshot if any, else the latest cycle of ``kode_skema``.

    ``snapshot`` holds ``tanggal, indikator, nilai``; ``skor_wilayah`` the region's evaluation
    scores (``tahun, indikator, tahap, nilai, sintetis``), of which the latest cycle's last stage
    present (final before pusat, provinsi, mandiri) is used.
    """
    if len(snapshot):
        tanggal = max(_tanggal(t) for t in snapshot["tanggal"])  # type: ignore[type-var]
        akhir = snapshot[[_tanggal(t) == tanggal for t in snapshot["tanggal"]]]
        skor = akhir[["indikator", "nilai"]].reset_index(drop=True)
        hitung = _hitung_satu(skor, katalog, kode_wilayah, tanggal.year if tanggal else 0)
        return Acuan("snapshot", skor, hitung, tanggal=tanggal)
    skema = katalog.skema[kode_skema]
    data = skor_wilayah[skor_wilayah["indikator"].isin({i.id for i in skema.indikator})] if len(skor_wilayah) else None
    if data is None or data.empty:
        return Acuan("kosong", pd.DataFrame(columns=["indikator", "nilai"]), {})
    tahun = int(data["tahun"].max())
    data = data[data["tahun"] == tahun]
    tahap = next(t for t in reversed(TAHAP) if t in set(data["tahap"]))
    data = data[data["tahap"] == tahap]
    skor = data[["indikator", "nilai"]].reset_index(drop=True)
    sintetis = bool(data["sintetis"].any()) if "sintetis" in data else False
    return Acuan(
        "evaluasi",
        skor,
        _hitung_satu(skor, katalog, kode_wilayah, tahun),
        tahun=tahun,
        tahap=tahap,
        sintetis=sintetis,
    )


def _hitung_satu(skor: pd.DataFrame, katalog: Katalog, kode_wilayah: str, tahun: int) -> dict[str, object]:
    data = skor.assign(tahun=tahun, kode_wilayah=kode_wilayah, tahap=TAHAP_SNAPSHOT)
    hasil = hitung_skor(data, katalog)
    return {str(k): v for k, v in hasil.iloc[0].items()}


def tambah_prioritas(butir: pd.DataFrame, acuan: Acuan, katalog: Katalog, kode_skema: str) -> pd.DataFrame:
    """Add each item's indicator room and whether it helps close the gap, and sort by what matters.

    Adds ``ruang`` (maximum − reference score, the whole maximum without a score),
    ``menutup_selisih`` (the indicator is among those whose room covers the gap to the next
    predikat, :func:`indicators.skor.ruang_indikator`) and ``poin_prioritas`` (points at stake on
    such indicators). Sorted: gap-closing first, then larger room, indicator number, item order.
    """
    ruang = ruang_indikator(acuan.skor, katalog, kode_skema, acuan.selisih)
    data = butir.merge(ruang[["indikator", "ruang", "menutup_selisih"]], on="indikator", how="left", validate="m:1")
    data["menutup_selisih"] = data["menutup_selisih"].fillna(False).astype(bool)
    data["poin_prioritas"] = np.where(data["menutup_selisih"], data["poin_dipertaruhkan"], 0.0)
    return data.sort_values(
        ["menutup_selisih", "ruang", "nomor", "urutan_butir"], ascending=[False, False, True, True], ignore_index=True
    )


def kesiapan(butir: pd.DataFrame, per: Literal["kelompok", "opd"]) -> pd.DataFrame:
    """Readiness per cluster (``kelompok``) or per OPD, most important first.

    ``butir`` is :func:`tambah_prioritas`'s result. Columns: the key, ``jumlah`` (items),
    ``selesai`` (complete or verified), ``diverifikasi``, ``dalam_proses``, ``belum_ada`` (missing),
    ``terlambat`` (overdue), ``persen_siap`` (complete share, 0–100), ``poin_dipertaruhkan`` and
    ``poin_prioritas``. Sorted by ``poin_prioritas``, then ``poin_dipertaruhkan`` (largest first),
    then the key (clusters in their catalogue order).
    """
    data = butir.assign(
        _diverifikasi=butir["status"] == "diverifikasi",
        _proses=butir["status"] == "dalam_proses",
    )
    hasil = data.groupby(per, sort=False).agg(
        jumlah=("butir", "size"),
        selesai=("selesai", "sum"),
        diverifikasi=("_diverifikasi", "sum"),
        dalam_proses=("_proses", "sum"),
        belum_ada=("belum_ada", "sum"),
        terlambat=("terlambat", "sum"),
        poin_dipertaruhkan=("poin_dipertaruhkan", "sum"),
        poin_prioritas=("poin_prioritas", "sum"),
        urut=("nomor", "min"),
    )
    for kolom in ("selesai", "diverifikasi", "dalam_proses", "belum_ada", "terlambat"):
        hasil[kolom] = hasil[kolom].astype(int)
    hasil["persen_siap"] = (100 * hasil["selesai"] / hasil["jumlah"]).round(1)
    for kolom in ("poin_dipertaruhkan", "poin_prioritas"):
        hasil[kolom] = hasil[kolom].round(2)
    kunci_urut = "urut" if per == "kelompok" else per
    hasil = hasil.reset_index().sort_values(
        ["poin_prioritas", "poin_dipertaruhkan", kunci_urut], ascending=[False, False, True], ignore_index=True
    )
    return hasil[
        [
            per,
            "jumlah",
            "selesai",
            "diverifikasi",
            "dalam_proses",
            "belum_ada",
            "terlambat",
            "persen_siap",
            "poin_dipertaruhkan",
            "poin_prioritas",
        ]
    ]


def poin_hilang(butir: pd.DataFrame, acuan: Acuan, per: Literal["kelompok", "opd"]) -> pd.DataFrame:
    """Score points missing per OPD (or cluster): the maximum minus the reference score of the indicators it owns.

    Unlike points at stake (a checklist share of incomplete items), this reads the score itself:
    the reference score (:func:`acuan_skor`: the latest snapshot, else the latest evaluation, flagged
    synthetic when it is). An OPD owns an indicator when it owns at least one of its items, so an
    indicator shared by several OPD counts in full for each. Without a reference score, or when an
    owned indicator has no score in it, the value is unknown (NaN), never guessed.
    Columns: the key, ``jumlah_indikator``, ``nilai_maks``, ``skor`` and ``poin_hilang`` (rounded to 2).
    """
    nilai = {str(i): float(v) for i, v in zip(acuan.skor["indikator"], acuan.skor["nilai"], strict=True)}
    milik = butir[[per, "indikator", "nilai_maks"]].drop_duplicates([per, "indikator"])
    baris = []
    for kunci, data in milik.groupby(per, sort=False):
        maks = float(data["nilai_maks"].sum())
        skor = [nilai.get(str(i)) for i in data["indikator"]]
        dikenal = acuan.asal != "kosong" and all(v is not None and math.isfinite(v) for v in skor)
        total = float(sum(v for v in skor if v is not None)) if dikenal else math.nan
        baris.append(
            {
                per: kunci,
                "jumlah_indikator": len(data),
                "nilai_maks": maks,
                "skor": round(total, 2),
                "poin_hilang": round(maks - total, 2),
            }
        )
    return pd.DataFrame(baris, columns=[per, "jumlah_indikator", "nilai_maks", "skor", "poin_hilang"])


def ringkasan(butir: pd.DataFrame) -> dict[str, float]:
    """Headline numbers of the whole checklist: items, complete, missing, overdue, points at stake."""
    jumlah = len(butir)
    selesai = int(butir["selesai"].sum())
    return {
        "jumlah": jumlah,
        "selesai": selesai,
        "belum_ada": int(butir["belum_ada"].sum()),
        "dalam_proses": int((butir["status"] == "dalam_proses").sum()),
        "terlambat": int(butir["terlambat"].sum()),
        "persen_siap": round(100 * selesai / jumlah, 1) if jumlah else 0.0,
        "poin_dipertaruhkan": round(float(butir["poin_dipertaruhkan"].sum()), 2),
    }


# --- trajectory ------------------------------------------------------------------------------


def tahun_evaluasi_berikut(katalog: Katalog, hari_ini: dt.date) -> int:
    """The next evaluation year assumed: the latest cycle plus ``JARAK_SIKLUS_TAHUN``, not before today."""
    terakhir = max(s.tahun for s in katalog.siklus)
    return max(terakhir + JARAK_SIKLUS_TAHUN, hari_ini.year)


def lintasan_snapshot(snapshot: pd.DataFrame, katalog: Katalog, kode_wilayah: str) -> pd.DataFrame:
    """Each snapshot date scored like a self-assessment (total, computed predikat, completeness).

    Scoring goes through :func:`indicators.skor.hitung_skor` with the date as the stage key, so
    several snapshots of one year stay apart. Columns: ``tanggal, total, predikat_hitung, lengkap,
    jumlah_indikator, selisih_ke_predikat_berikut, predikat_berikut``, oldest first.
    """
    kolom = ["tanggal", "total", "predikat_hitung", "lengkap", "jumlah_indikator"]
    kolom += ["selisih_ke_predikat_berikut", "predikat_berikut"]
    if snapshot.empty:
        return pd.DataFrame(columns=kolom)
    data = snapshot[["tanggal", "indikator", "nilai"]].copy()
    data["tahap"] = [str(_tanggal(t)) for t in data["tanggal"]]
    data["tahun"] = [int(str(t)[:4]) for t in data["tahap"]]
    data["kode_wilayah"] = kode_wilayah
    hasil = hitung_skor(data.drop(columns="tanggal"), katalog)
    hasil["tanggal"] = [dt.date.fromisoformat(str(t)) for t in hasil["tahap"]]
    return hasil.sort_values("tanggal", ignore_index=True)[kolom]


def penurunan_tahap(skor_wilayah: pd.DataFrame, katalog: Katalog) -> pd.DataFrame:
    """The drop from self-assessment to final in each earlier cycle with both stages.

    Uses :func:`indicators.profil.total_per_tahap` per cycle. Columns: ``tahun, mandiri, final,
    penurunan`` (final − mandiri; negative = points lost at verification), oldest first.
    """
    baris = []
    for tahun in sorted({int(t) for t in skor_wilayah["tahun"]}) if len(skor_wilayah) else []:
        per_tahap = profil.total_per_tahap(skor_wilayah[skor_wilayah["tahun"] == tahun], katalog)
        total = dict(zip(per_tahap["tahap"], per_tahap["total"], strict=True))
        if "mandiri" in total and "final" in total:
            mandiri, final = float(total["mandiri"]), float(total["final"])
            baris.append({"tahun": tahun, "mandiri": mandiri, "final": final, "penurunan": round(final - mandiri, 2)})
    return pd.DataFrame(baris, columns=["tahun", "mandiri", "final", "penurunan"])


def proyeksi_final(lintasan: pd.DataFrame, penurunan: pd.DataFrame, katalog: Katalog) -> dict[str, object] | None:
    """The latest snapshot total with the mean earlier stage drop applied: a rough final estimate.

    Returns ``total_snapshot, rata_penurunan, perkiraan_final, predikat_perkiraan`` or None when
    there is no snapshot or no earlier cycle with both stages. An assumption, labelled so.
    """
    if lintasan.empty or penurunan.empty:
        return None
    total = float(lintasan["total"].iloc[-1])
    rata = round(float(penurunan["penurunan"].mean()), 2)
    perkiraan = round(max(total + rata, 0.0), 2)
    return {
        "total_snapshot": total,
        "rata_penurunan": rata,
        "perkiraan_final": perkiraan,
        "predikat_perkiraan": katalog.pita.predikat_untuk(perkiraan),
    }
