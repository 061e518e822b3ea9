"""Pembinaan & pengawasan: the province's view of all its kab/kota, and its supervision notes.

**The table** (:func:`tabel_pembinaan`, ``hari_ini`` always a parameter): one row per kab/kota of a
province, from what already exists, read once for the whole province:

- **readiness** (``kesiapan_persen``, ``butir_lewat_tenggat``): the Gugus Tugas checklist of
  :mod:`indicators.gugus.tugas` with the region's custom items (``tabel_butir`` then ``ringkasan``,
  the numbers the Gugus Tugas page shows). A region that never recorded a checklist item (nor added
  one) has **unknown** readiness, not 0 %: nobody has looked, and the province cannot tell (flag
  ``belum_terpantau``);
- **regulations** enacted vs mandated, overdue and stalled (:mod:`indicators.gugus.regulasi`) and
  **Kelembagaan** items verified or rejected (:mod:`indicators.gugus.kelembagaan`): unknown where a
  region keeps no register (a Kelembagaan register with no item filled in counts as none);
- the **last self-score snapshot** (date, total, computed predikat; :func:`tugas.lintasan_snapshot`);
- the **gap to the next predikat** from the same reference score as the Gugus Tugas page
  (:func:`tugas.acuan_skor`: the latest snapshot, else the latest evaluated cycle);
- the **latest evaluation** (final stage: total, computed and official predikat) and the **change
  since the previous cycle** with a score (:func:`indicators.analisis.analitik.tambah_perubahan`), with
  ``perubahan_sintetis``: either of the two totals rests on synthetic example scores (in Jawa Tengah
  every per-indicator score is synthetic, so every change there is);
- the **official predikat change** (real data, table ``predikat_resmi``, synthetic rows left out): the
  official result of the latest cycle that has one against that of the previous cycle that has one
  (:func:`gerak_predikat_resmi`), ranked Pratama < Madya < Nindya < Utama < KLA by the catalogue's bands
  and "Tidak ada" (no award, recorded as a fact) below Pratama, by
  :func:`indicators.analisis.ringkasan.pergerakan_predikat`. A cycle with no recorded result is
  skipped, never read as "no award"; a region with fewer than two recorded results has no change;
- the **supervision notes**: open (``terbuka`` or ``dalam_tindak_lanjut``) and overdue (open with a
  due date before ``hari_ini``).

**Risk order** (most at risk first). Each region carries named flags (``BENDERA``), each resting on
data it names, never on synthetic scores: ``predikat_turun`` (its official predikat fell between its
last two cycles with a recorded result: real data), ``turun`` (its latest final total fell since the
previous cycle, raised only when **both** totals are real, not synthetic: a synthetic change raises
nothing, it is unknown), ``belum_terpantau`` (readiness unknown), ``kesiapan_rendah`` (readiness known
and below ``AMBANG_KESIAPAN`` %), ``butir_lewat_tenggat`` (overdue checklist items),
``regulasi_bermasalah`` (overdue or stalled regulations), ``kelembagaan_ditolak`` (Kelembagaan items
rejected at verification) and ``catatan_lewat_tenggat`` (overdue supervision notes); the last six
rest on the Gugus Tugas workspace. An unknown value raises no flag but ``belum_terpantau``. Regions
are sorted by the number of flags (most first), then readiness (lowest first, unknown after known),
then the **real** change since the previous cycle (:func:`perubahan_nyata`: largest fall first; a
synthetic or unknown change is unknown and comes last), then the region code. ``urutan_risiko`` is
the position (1 = most at risk). Every flag is a fact the row shows, so the order can be checked by
hand; no weights are invented.

**Supervision notes** (:func:`tambah_catatan`, :func:`ubah_catatan`): date, finding, recommendation,
follow-up owner, due date and status, through the workspace's one write path
(:func:`indicators.gugus.simpan.transaksi`), each field logged in ``log_perubahan`` under the kab/kota.
Only an editor whose scope covers the kab/kota's **province** (or an admin) writes them: an editor
of ``33`` writes for every ``33.xx`` and none of ``34.xx``; a kab/kota editor reads them. A change
carries the note's version and is refused when the note changed since.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from indicators.akun.pengguna import Pengguna, dalam_lingkup
from indicators.analisis import analitik, ringkasan as ringkasan_predikat
from indicators.analisis.skor import hitung_skor
from indicators.format import Bahasa, format_tanggal
from indicators.galat import GalatDwibahasa
from indicators.gugus import kelembagaan, regulasi, simpan, tugas
from indicators.gugus.tugas import kosong, sebagai_tanggal, teks_masukan
from indicators.io import store
from indicators.katalog.data_dukung import KatalogDataDukung
from indicators.katalog.model import Katalog
from indicators.teks import pasangan, t

STATUS_CATATAN: tuple[str, ...] = ("terbuka", "dalam_tindak_lanjut", "selesai", "dibatalkan")
TERBUKA: frozenset[str] = frozenset({"terbuka", "dalam_tindak_lanjut"})
STATUS_CATATAN_LABEL = pasangan({s: f"pb_status_{s}" for s in STATUS_CATATAN})
KOLOM_CATATAN_UBAH = ("tanggal", "temuan", "rekomendasi", "penanggung_jawab", "tenggat", "status")
PANJANG_TEKS_MAKS = 2000
"""Characters a finding or recommendation may hold: a note, not a report (the XLSX cell shows it whole)."""
AMBANG_KESIAPAN = 50.0
"""Readiness below this share (%) of complete items raises the ``kesiapan_rendah`` flag."""
BENDERA: tuple[str, ...] = (
    "predikat_turun",
    "turun",
    "belum_terpantau",
    "kesiapan_rendah",
    "butir_lewat_tenggat",
    "regulasi_bermasalah",
    "kelembagaan_ditolak",
    "catatan_lewat_tenggat",
)
KOLOM_REGULASI = [
    "regulasi_diamanatkan",
    "regulasi_ditetapkan",
    "regulasi_lewat_tenggat",
    "regulasi_macet",
    "regulasi_tidak_diketahui",
]
KOLOM_KELEMBAGAAN = [
    "kelembagaan_butir",
    "kelembagaan_terisi",
    "kelembagaan_diajukan",
    "kelembagaan_terverifikasi",
    "kelembagaan_ditolak",
]
KOLOM_PREDIKAT = [
    "tahun_predikat_terakhir",
    "predikat_resmi_terakhir",
    "tahun_predikat_sebelumnya",
    "predikat_resmi_sebelumnya",
    "langkah_predikat",
    "predikat_disimpulkan",
    "predikat_keyakinan",
]
"""The official predikat change (:func:`gerak_predikat_resmi`): real data, unknown where not recorded."""
KOLOM_PEMBINAAN = [
    "urutan_risiko",
    "kode_wilayah",
    "nama",
    "jumlah_bendera",
    "bendera_risiko",
    "kesiapan_persen",
    "butir_jumlah",
    "butir_selesai",
    "butir_lewat_tenggat",
    *KOLOM_REGULASI,
    *KOLOM_KELEMBAGAAN,
    "snapshot_tanggal",
    "snapshot_total",
    "snapshot_predikat",
    "tahun_evaluasi",
    "total_evaluasi",
    "predikat_hitung",
    "predikat_resmi",
    "tahun_sebelumnya",
    "perubahan_total",
    "perubahan_sintetis",
    *KOLOM_PREDIKAT,
    "selisih_ke_predikat_berikut",
    "predikat_berikut",
    "dasar_selisih",
    "dasar_tanggal",
    "dasar_tahun",
    "dasar_tahap",
    "catatan_pembinaan_jumlah",
    "catatan_pembinaan_terbuka",
    "catatan_pembinaan_lewat_tenggat",
    "sintetis",
]
KOLOM_CATATAN = [
    *("catatan_id", "kode_wilayah", "tanggal", "temuan", "rekomendasi", "penanggung_jawab", "tenggat", "status"),
    *("dibuat_oleh", "dibuat_pada", "diubah_oleh", "diubah_pada", "versi"),
]
KOLOM_LEWAT_TENGGAT = ["kode_wilayah", "indikator", "nomor", "butir", "nama", "nama_en", "opd", "status", "tenggat"]
_KOLOM_TAMBAHAN = ["kode_wilayah", "indikator", "butir", "nomor", "nama", "jenis", "dihapus_pada"]
_KODE_KABKOTA = re.compile(r"\d{2}\.\d{2}")
_BILANGAN = [
    "butir_jumlah",
    "butir_selesai",
    "butir_lewat_tenggat",
    *KOLOM_REGULASI,
    *KOLOM_KELEMBAGAAN,
    "tahun_evaluasi",
    "tahun_sebelumnya",
    "dasar_tahun",
    "tahun_predikat_terakhir",
    "tahun_predikat_sebelumnya",
    "langkah_predikat",
]
_PECAHAN = ["kesiapan_persen", "snapshot_total", "total_evaluasi", "perubahan_total", "selisih_ke_predikat_berikut"]


class PembinaanError(GalatDwibahasa):
    """A pembinaan request or note cannot go ahead; one clear line, Indonesian with an English twin."""


def _galat(kunci: str, kelas: type[GalatDwibahasa] = PembinaanError, **isian: object) -> GalatDwibahasa:
    return kelas(t(kunci, "id", **isian), t(kunci, "en", **isian))


# --- supervision notes: reading -----------------------------------------------------------------


def _baca_gugus(path: Path, nama_sql: str, kode_provinsi: str, kolom: Sequence[str]) -> pd.DataFrame:
    """A province-wide read of the workspace; empty when the file or its table does not exist yet."""
    if not path.is_file():
        return pd.DataFrame(columns=list(kolom))
    try:
        return store.kueri(path, nama_sql, {"kode_provinsi": kode_provinsi})
    except duckdb.CatalogException:
        return pd.DataFrame(columns=list(kolom))  # a file written before this table's migration
    except duckdb.Error as exc:
        raise simpan.GugusError(
            f"Berkas ruang kerja {path.name} tidak dapat dibaca ({type(exc).__name__}); pulihkan dari cadangan.",
            f"The workspace file {path.name} cannot be read ({type(exc).__name__}); restore it from a backup.",
        ) from exc


def baca_catatan(path: Path, kode_provinsi: str, hari_ini: dt.date) -> pd.DataFrame:
    """Every supervision note of the province's kab/kota, with ``terbuka`` and ``lewat_tenggat`` on ``hari_ini``.

    Columns: ``KOLOM_CATATAN`` plus ``terbuka`` (status open) and ``lewat_tenggat`` (open, due before
    ``hari_ini``); dates as ``date``; newest first per region.
    """
    catatan = _baca_gugus(path, "pembinaan_catatan", kode_provinsi, KOLOM_CATATAN)
    return tandai_catatan(catatan, hari_ini)


def tandai_catatan(catatan: pd.DataFrame, hari_ini: dt.date) -> pd.DataFrame:
    """Add ``terbuka`` and ``lewat_tenggat`` to notes (``status``, ``tenggat``); dates become ``date``."""
    hasil = catatan.copy()
    for kolom in ("tanggal", "tenggat"):
        hasil[kolom] = pd.Series([sebagai_tanggal(v) for v in hasil[kolom]], index=hasil.index, dtype="object")
    hasil["terbuka"] = [str(s) in TERBUKA for s in hasil["status"]]
    hasil["lewat_tenggat"] = [
        bool(buka) and tenggat is not None and tenggat < hari_ini
        for buka, tenggat in zip(hasil["terbuka"], hasil["tenggat"], strict=True)
    ]
    return hasil


# --- supervision notes: writing -----------------------------------------------------------------


@dataclass(frozen=True)
class IsiCatatan:
    """The fields of a supervision note as an editor gives them (text is cleaned before it is stored)."""

    tanggal: dt.date
    temuan: str
    rekomendasi: str | None = None
    penanggung_jawab: str | None = None
    tenggat: dt.date | None = None
    status: str = "terbuka"


def periksa_lingkup_catatan(pengguna: Pengguna, kode_wilayah: str) -> None:
    """Refuse a note about a region that is not a kab/kota, or outside the user's province scope.

    Raises:
        PembinaanError: not a kab/kota code. simpan.LingkupError: the user's scope does not cover
            the kab/kota (the workspace's own check) or its province (notes are the province's).
    """
    if not _KODE_KABKOTA.fullmatch(kode_wilayah):
        raise _galat("pb_galat_bukan_kabkota", kode=kode_wilayah)
    simpan.periksa_lingkup(pengguna, kode_wilayah)
    provinsi = kode_wilayah[:2]
    if not dalam_lingkup(pengguna, provinsi):
        lingkup = ", ".join(pengguna.wilayah) or "-"
        raise _galat("pb_galat_bukan_provinsi", simpan.LingkupError, nama=pengguna.nama, lingkup=lingkup,
                     wilayah=kode_wilayah, provinsi=provinsi)  # fmt: skip


def _bersih(isi: IsiCatatan) -> dict[str, object]:
    """The note's fields as stored, checked: a finding, a known status, text within bounds, dates in order.

    Raises:
        PembinaanError: naming the field, the bad value and what is expected.
    """
    nilai: dict[str, object] = {
        "tanggal": isi.tanggal,
        "temuan": teks_masukan(isi.temuan),
        "rekomendasi": teks_masukan(isi.rekomendasi),
        "penanggung_jawab": teks_masukan(isi.penanggung_jawab),
        "tenggat": isi.tenggat,
        "status": isi.status,
    }
    if not isinstance(isi.tanggal, dt.date):
        raise _galat("pb_galat_tanggal_kosong")
    if not nilai["temuan"]:
        raise _galat("pb_galat_temuan_kosong")
    if isi.status not in STATUS_CATATAN:
        raise _galat("pb_galat_status", nilai=isi.status, harapan=", ".join(STATUS_CATATAN))
    for kolom in ("temuan", "rekomendasi", "penanggung_jawab"):
        teks = nilai[kolom]
        if isinstance(teks, str) and len(teks) > PANJANG_TEKS_MAKS:
            raise _galat("pb_galat_panjang", kolom=t(f"pb_kol_{kolom}", "id"), kolom_en=t(f"pb_kol_{kolom}", "en"),
                         n=len(teks), maks=PANJANG_TEKS_MAKS)  # fmt: skip
    if isi.tenggat is not None and isi.tenggat < isi.tanggal:
        raise _galat("pb_galat_tenggat", tenggat=isi.tenggat.isoformat(), tanggal=isi.tanggal.isoformat())
    return nilai


def _frame_catatan(baris: Mapping[str, object]) -> pd.DataFrame:
    frame = pd.DataFrame([dict(baris)], columns=KOLOM_CATATAN)
    for kolom in ("tanggal", "tenggat"):
        frame[kolom] = pd.Series([baris[kolom]], dtype="object")  # a missing due date is NULL, not NaT text
    for kolom in ("rekomendasi", "penanggung_jawab"):
        frame[kolom] = pd.Series([baris[kolom]], dtype="object")
    return frame


def tambah_catatan(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    isi: IsiCatatan,
    *,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Add a supervision note about one kab/kota; return its id. Every field is logged (new value).

    Raises:
        simpan.LingkupError: outside the user's province scope (nothing is written).
        PembinaanError: an empty finding, unknown status, text too long, due date before the date.
        simpan.TulisError: the disk is full or the write failed (nothing is written).
    """
    periksa_lingkup_catatan(pengguna, kode_wilayah)
    nilai = _bersih(isi)
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    with simpan.transaksi(path) as tulis:
        catatan_id = int(store.kueri_con(tulis.con, "pembinaan_catatan_id_baru")["catatan_id"].iloc[0])
        baris = {"catatan_id": catatan_id, "kode_wilayah": kode_wilayah, **nilai, "dibuat_oleh": pengguna.nama,
                 "dibuat_pada": waktu, "diubah_oleh": pengguna.nama, "diubah_pada": waktu, "versi": 1}  # fmt: skip
        simpan.sisip(tulis.con, "pembinaan_sisip_catatan", _frame_catatan(baris))
        log = [_log(catatan_id, k, None, nilai[k], 1) for k in KOLOM_CATATAN_UBAH if simpan.teks_log(nilai[k])]
        simpan.catat_log(tulis, log, pengguna, kode_wilayah, waktu, asal)
    return catatan_id


def _log(catatan_id: int, kolom: str, lama: object, baru: object, versi: int) -> dict[str, object]:
    return {
        "tabel": "catatan_pembinaan",
        "kunci": str(catatan_id),
        "kolom": kolom,
        "nilai_lama": simpan.teks_log(lama),
        "nilai_baru": simpan.teks_log(baru),
        "versi": versi,
    }


def ubah_catatan(
    path: Path,
    pengguna: Pengguna,
    catatan_id: int,
    isi: IsiCatatan,
    *,
    versi: int,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Change a supervision note based on its version ``versi``; return the number of fields changed.

    A change that alters nothing writes nothing. Each changed field is logged, old → new, and the
    note's version goes up by one.

    Raises:
        PembinaanError: no such note, a bad field, or the note changed since ``versi`` (who, when).
        simpan.LingkupError: the note's kab/kota is outside the user's province scope.
    """
    nilai = _bersih(isi)
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    with simpan.transaksi(path) as tulis:
        lama = store.kueri_con(tulis.con, "pembinaan_catatan_satu", {"catatan_id": catatan_id})
        if lama.empty:
            raise _galat("pb_galat_tak_ada", id=catatan_id)
        rekam = {str(k): v for k, v in lama.iloc[0].items()}
        kode_wilayah = str(rekam["kode_wilayah"])
        periksa_lingkup_catatan(pengguna, kode_wilayah)
        beda = [k for k in KOLOM_CATATAN_UBAH if _teks_nilai(k, rekam[k]) != simpan.teks_log(nilai[k])]
        if not beda:
            return 0
        if int(rekam["versi"]) != versi:
            pada = pd.Timestamp(rekam["diubah_pada"]).to_pydatetime()
            raise _galat("pb_galat_konflik", id=catatan_id, oleh=rekam["diubah_oleh"], pada=_waktu(pada, "id"),
                         pada_en=_waktu(pada, "en"), dasar=versi, kini=int(rekam["versi"]))  # fmt: skip
        baru = int(rekam["versi"]) + 1
        tulis.con.execute(store.muat_sql("pembinaan_hapus_catatan"), {"catatan_id": catatan_id})
        baris = {**rekam, **nilai, "diubah_oleh": pengguna.nama, "diubah_pada": waktu, "versi": baru}
        simpan.sisip(tulis.con, "pembinaan_sisip_catatan", _frame_catatan(baris))
        log = [_log(catatan_id, k, rekam[k], nilai[k], baru) for k in beda]
        return simpan.catat_log(tulis, log, pengguna, kode_wilayah, waktu, asal)


def _waktu(pada: dt.datetime, bahasa: Bahasa) -> str:
    """A moment for a message: ``4 Desember 2026 17:19``."""
    return f"{format_tanggal(pada.date(), bahasa)} {pada:%H:%M}"


def _teks_nilai(kolom: str, nilai: object) -> str | None:
    """A stored field as the log compares it (stored dates come back as timestamps)."""
    return simpan.teks_log(sebagai_tanggal(nilai) if kolom in ("tanggal", "tenggat") else nilai)


# --- the province table -------------------------------------------------------------------------


@dataclass(frozen=True)
class Pembinaan:
    """The province's view on ``hari_ini``: one row per kab/kota in risk order, and what is behind it.

    ``tabel`` has ``KOLOM_PEMBINAAN``; ``catatan`` every supervision note (:func:`baca_catatan`)
    with the region's ``nama``; ``lewat_tenggat`` the overdue checklist items (``KOLOM_LEWAT_TENGGAT``);
    ``cakupan`` how many kab/kota each part covers (``jumlah`` = all kab/kota of the province);
    ``sintetis``: a score or predikat shown rests on synthetic example scores.
    """

    kode_provinsi: str
    nama_provinsi: str
    hari_ini: dt.date
    tabel: pd.DataFrame
    catatan: pd.DataFrame
    lewat_tenggat: pd.DataFrame
    cakupan: dict[str, int] = field(default_factory=dict)
    sintetis: bool = False


def _evaluasi_terakhir(skor: pd.DataFrame, resmi: pd.DataFrame, katalog: Katalog) -> pd.DataFrame:
    """Per region: the latest final-stage cycle's total and predikat, and the change since the previous cycle.

    ``perubahan_sintetis``: the change rests on a synthetic total (this cycle's or the previous one's);
    NA where there is no previous cycle.
    """
    kolom = ["kode_wilayah", "tahun", "total", "predikat_hitung", "predikat_resmi", "tahun_sebelumnya"]
    kolom += ["perubahan_total", "perubahan_sintetis", "sintetis"]
    final = skor[skor["tahap"] == "final"]
    if final.empty:
        return pd.DataFrame(columns=kolom)
    hasil = analitik.tambah_perubahan(analitik.bandingkan_resmi(hitung_skor(final, katalog), resmi))
    hasil = hasil.sort_values(["kode_wilayah", "tahun"])
    # A change is as real as the weaker of its two totals: one synthetic total makes it synthetic.
    sebelumnya = hasil.groupby("kode_wilayah")["sintetis"].shift()
    sintetis = hasil["sintetis"].astype(bool) | sebelumnya.fillna(False).astype(bool)
    hasil["perubahan_sintetis"] = sintetis.astype("boolean").mask(sebelumnya.isna())  # no previous cycle: NA
    terakhir = hasil.groupby("kode_wilayah").tail(1)
    return terakhir[kolom].reset_index(drop=True)


_KEYAKINAN = {"tinggi": 0, "high": 0, "sedang": 1, "medium": 1, "rendah": 2, "low": 2}
"""Confidence labels of ``predikat_resmi`` (either language) from strongest to weakest."""
_NAMA_KEYAKINAN = ("tinggi", "sedang", "rendah")


def gerak_predikat_resmi(resmi: pd.DataFrame, urutan_predikat: list[str]) -> pd.DataFrame:
    """Per region: the official result of its latest cycle with one against its previous cycle with one.

    ``resmi`` is the ``predikat_resmi`` table (``tahun, kode_wilayah, predikat, keyakinan, dasar,
    sintetis``); ``urutan_predikat`` the catalogue's predikat from lowest to highest. Synthetic rows
    and empty predikat are left out: the flag rests on real data only. Cycles are not annual and not
    every cycle is known per region, so the previous cycle is the previous one **with a recorded
    result**; a cycle without one is skipped, never read as "no award". "Tidak ada" (no award), where
    the data records it, is the step below Pratama (:func:`ringkasan.pergerakan_predikat`).

    Returns ``kode_wilayah`` and ``KOLOM_PREDIKAT``, one row per region with a recorded result:
    ``langkah_predikat`` bands moved (− fell), NA with only one recorded result or a predikat outside
    the order; ``predikat_disimpulkan`` either result is inferred, not stated by a source;
    ``predikat_keyakinan`` the weaker confidence of the two (``tinggi``, ``sedang``, ``rendah``).
    """
    nyata = resmi[resmi["predikat"].notna() & ~resmi["sintetis"].astype("boolean").fillna(True)]
    urut = nyata.sort_values(["kode_wilayah", "tahun"]).groupby("kode_wilayah").tail(2)
    posisi = urut.groupby("kode_wilayah").cumcount(ascending=False)  # 0 = the latest, 1 = the one before
    terakhir = urut[posisi == 0].set_index("kode_wilayah")
    sebelumnya = urut[posisi == 1].set_index("kode_wilayah")
    # pergerakan_predikat compares two cycles; each region has its own pair, so the latest is cycle 0
    # and the one before it cycle -1.
    dua = urut.assign(tahun=-posisi.to_numpy(), nama="")
    gerak = ringkasan_predikat.pergerakan_predikat(dua, 0, -1, urutan_predikat).set_index("kode_wilayah")
    disimpulkan = ringkasan_predikat.disimpulkan(urut["predikat"], urut["dasar"]).groupby(urut["kode_wilayah"]).any()
    yakin = urut["keyakinan"].map(lambda k: _KEYAKINAN.get(str(k).lower())).groupby(urut["kode_wilayah"]).max()
    hasil = pd.DataFrame(index=terakhir.index)
    hasil["tahun_predikat_terakhir"] = terakhir["tahun"]
    hasil["predikat_resmi_terakhir"] = terakhir["predikat"]
    hasil["tahun_predikat_sebelumnya"] = sebelumnya["tahun"].reindex(hasil.index)
    hasil["predikat_resmi_sebelumnya"] = sebelumnya["predikat"].reindex(hasil.index)
    hasil["langkah_predikat"] = pd.to_numeric(gerak["langkah"].reindex(hasil.index), errors="coerce")
    hasil["predikat_disimpulkan"] = disimpulkan.reindex(hasil.index).astype(bool)
    hasil["predikat_keyakinan"] = [None if pd.isna(y) else _NAMA_KEYAKINAN[int(y)] for y in yakin.reindex(hasil.index)]
    return hasil.reset_index()[["kode_wilayah", *KOLOM_PREDIKAT]]


def _baris_wilayah(
    kode: str,
    data: DataProvinsi,
    katalog: Katalog,
    dd: KatalogDataDukung,
    hari_ini: dt.date,
) -> tuple[dict[str, object], pd.DataFrame]:
    """One region's readiness, snapshot and reference-score gap, and its overdue checklist items."""
    tersimpan, tambahan = data.milik("butir", kode), data.milik("tambahan", kode)
    opd = tugas.opd_efektif(data.milik("opd", kode), katalog, dd)
    butir = tugas.tabel_butir(tersimpan, opd, katalog, dd, hari_ini=hari_ini, tambahan=tambahan)
    r = tugas.ringkasan(butir)
    # Readiness is known only where someone recorded an item (or added one of the region's own).
    dipakai = len(tersimpan) > 0 or (len(tambahan) > 0 and bool(tambahan["dihapus_pada"].isna().any()))
    snapshot = data.milik("snapshot", kode)
    lintasan = tugas.lintasan_snapshot(snapshot, katalog, kode)
    acuan = tugas.acuan_skor(snapshot, data.milik("skor", kode), katalog, dd.skema, kode)
    akhir = lintasan.iloc[-1] if len(lintasan) else None
    baris: dict[str, object] = {
        "kode_wilayah": kode,
        "kesiapan_persen": r["persen_siap"] if dipakai else pd.NA,
        "butir_jumlah": r["jumlah"] if dipakai else pd.NA,
        "butir_selesai": r["selesai"] if dipakai else pd.NA,
        "butir_lewat_tenggat": r["terlambat"] if dipakai else pd.NA,
        "snapshot_tanggal": akhir["tanggal"] if akhir is not None else None,
        "snapshot_total": akhir["total"] if akhir is not None else pd.NA,
        "snapshot_predikat": akhir["predikat_hitung"] if akhir is not None else None,
        "selisih_ke_predikat_berikut": acuan.selisih if acuan.selisih is not None else pd.NA,
        "predikat_berikut": acuan.hitung.get("predikat_berikut") if acuan.selisih is not None else None,
        "dasar_selisih": None if acuan.asal == "kosong" else acuan.asal,
        "dasar_tanggal": acuan.tanggal,
        "dasar_tahun": acuan.tahun if acuan.tahun is not None else pd.NA,
        "dasar_tahap": acuan.tahap,
        "_sintetis_acuan": acuan.sintetis,
    }
    telat = butir[butir["terlambat"]].assign(kode_wilayah=kode)[KOLOM_LEWAT_TENGGAT]
    return baris, telat


@dataclass(frozen=True)
class DataProvinsi:
    """What the table reads for a whole province, once: workspace rows and scores, by region."""

    butir: pd.DataFrame
    opd: pd.DataFrame
    snapshot: pd.DataFrame
    skor: pd.DataFrame
    tambahan: pd.DataFrame

    @functools.cached_property
    def _per_wilayah(self) -> dict[str, dict[str, pd.DataFrame]]:
        # Split each part by region once: filtering the province's frames per region per part took
        # about a tenth of the table's time.
        return {
            bagian: {str(k): g.reset_index(drop=True) for k, g in frame.groupby("kode_wilayah", sort=False)}
            for bagian, frame in (("butir", self.butir), ("opd", self.opd), ("snapshot", self.snapshot),
                                  ("skor", self.skor), ("tambahan", self.tambahan))
        }  # fmt: skip

    def milik(self, bagian: str, kode: str) -> pd.DataFrame:
        """The rows of one part (``butir``, ``opd``, ``snapshot``, ``skor``, ``tambahan``) for one region."""
        frame: pd.DataFrame = getattr(self, bagian)
        return self._per_wilayah[bagian].get(kode, frame.iloc[0:0])


def _angka(r: Mapping[str, object], kolom: str) -> float | None:
    """A figure of a row as a number, None when unknown."""
    nilai = r.get(kolom)
    return None if kosong(nilai) else float(nilai)  # type: ignore[arg-type]


def _ubah_nyata(r: Mapping[str, object]) -> float | None:
    """The change since the previous cycle when both totals are real; None when synthetic or unknown."""
    sintetis = r.get("perubahan_sintetis")
    return None if kosong(sintetis) or bool(sintetis) else _angka(r, "perubahan_total")


def perubahan_nyata(tabel: pd.DataFrame) -> pd.Series:
    """``perubahan_total`` where it rests on two real totals, NA where synthetic or unknown (sorting, flags)."""
    nyata = tabel["perubahan_sintetis"].astype("boolean").eq(False).fillna(False).astype(bool)
    return pd.to_numeric(tabel["perubahan_total"], errors="coerce").astype("Float64").where(nyata, pd.NA)


def _bendera(r: Mapping[str, object]) -> list[str]:
    """The risk flags of one row (see the module docstring); an unknown or synthetic value raises none."""
    persen, ubah, langkah = _angka(r, "kesiapan_persen"), _ubah_nyata(r), _angka(r, "langkah_predikat")
    regulasi_masalah = sum(_angka(r, k) or 0 for k in ("regulasi_lewat_tenggat", "regulasi_macet"))
    nyala = {
        "predikat_turun": langkah is not None and langkah < 0,
        "turun": ubah is not None and ubah < 0,
        "belum_terpantau": persen is None,
        "kesiapan_rendah": persen is not None and persen < AMBANG_KESIAPAN,
        "butir_lewat_tenggat": (_angka(r, "butir_lewat_tenggat") or 0) > 0,
        "regulasi_bermasalah": regulasi_masalah > 0,
        "kelembagaan_ditolak": (_angka(r, "kelembagaan_ditolak") or 0) > 0,
        "catatan_lewat_tenggat": (_angka(r, "catatan_pembinaan_lewat_tenggat") or 0) > 0,
    }
    return [b for b in BENDERA if nyala[b]]


def urutkan_risiko(tabel: pd.DataFrame) -> pd.DataFrame:
    """Add ``bendera_risiko`` (flags joined by ``;``), ``jumlah_bendera`` and ``urutan_risiko``; sort by risk.

    Order: more flags first; then lower readiness (unknown after known); then the larger fall
    since the previous cycle between two real totals (:func:`perubahan_nyata`; synthetic or unknown
    last); then the region code.
    """
    hasil = tabel.copy()
    bendera = [_bendera({str(k): v for k, v in r.items()}) for r in hasil.to_dict("records")]
    hasil["bendera_risiko"] = [";".join(b) for b in bendera]
    hasil["jumlah_bendera"] = [len(b) for b in bendera]
    persen = pd.to_numeric(hasil["kesiapan_persen"], errors="coerce").astype(float)
    ubah = perubahan_nyata(hasil).astype(float)
    hasil["_persen"] = persen.fillna(np.inf)
    hasil["_ubah"] = ubah.fillna(np.inf)
    hasil = hasil.sort_values(
        ["jumlah_bendera", "_persen", "_ubah", "kode_wilayah"], ascending=[False, True, True, True], ignore_index=True
    ).drop(columns=["_persen", "_ubah"])
    hasil["urutan_risiko"] = range(1, len(hasil) + 1)
    return hasil


def susun_pembinaan(
    kabkota: Mapping[str, str],
    data: DataProvinsi,
    *,
    resmi: pd.DataFrame,
    regulasi_ringkas: pd.DataFrame,
    kelembagaan_ringkas: pd.DataFrame,
    catatan: pd.DataFrame,
    katalog: Katalog,
    dd: KatalogDataDukung,
    hari_ini: dt.date,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Assemble the table (``KOLOM_PEMBINAAN``, risk order) and the overdue items from the province's data."""
    baris: list[dict[str, object]] = []
    telat: list[pd.DataFrame] = []
    for kode in kabkota:
        satu, milik_telat = _baris_wilayah(kode, data, katalog, dd, hari_ini)
        baris.append(satu)
        telat.append(milik_telat)
    tabel = pd.DataFrame(baris)
    tabel.insert(1, "nama", [kabkota[k] for k in tabel["kode_wilayah"]])
    evaluasi = _evaluasi_terakhir(data.skor, resmi, katalog).rename(
        columns={"tahun": "tahun_evaluasi", "total": "total_evaluasi", "sintetis": "_sintetis_evaluasi"}
    )
    tabel = tabel.merge(evaluasi, on="kode_wilayah", how="left", validate="one_to_one")
    gerak = gerak_predikat_resmi(resmi, katalog.pita.urutan())
    tabel = tabel.merge(gerak, on="kode_wilayah", how="left", validate="one_to_one")
    tabel = tabel.merge(_per_wilayah(regulasi_ringkas, KOLOM_REGULASI), on="kode_wilayah", how="left")
    tabel = tabel.merge(_kelembagaan(kelembagaan_ringkas), on="kode_wilayah", how="left")
    tabel = tabel.merge(_hitung_catatan(catatan), on="kode_wilayah", how="left")
    for kolom in ("catatan_pembinaan_jumlah", "catatan_pembinaan_terbuka", "catatan_pembinaan_lewat_tenggat"):
        tabel[kolom] = tabel[kolom].fillna(0).astype(int)  # the province's own notes: none is a known zero
    tabel["perubahan_sintetis"] = tabel["perubahan_sintetis"].astype("boolean")
    tabel["sintetis"] = (
        tabel["_sintetis_evaluasi"].fillna(False).astype(bool)
        | tabel["_sintetis_acuan"].astype(bool)
        | tabel["perubahan_sintetis"].fillna(False).astype(bool)
    )
    tabel["predikat_disimpulkan"] = tabel["predikat_disimpulkan"].astype("boolean")
    tabel = urutkan_risiko(_jenis_kolom(tabel))
    lewat = [x for x in telat if len(x)]
    lewat_tenggat = pd.concat(lewat, ignore_index=True) if lewat else pd.DataFrame(columns=KOLOM_LEWAT_TENGGAT)
    return tabel[KOLOM_PEMBINAAN], lewat_tenggat


def _per_wilayah(ringkas: pd.DataFrame, kolom: Sequence[str]) -> pd.DataFrame:
    """One row per region with ``kolom`` (missing columns unknown), from a register's summary."""
    hasil = ringkas.reindex(columns=["kode_wilayah", *kolom])
    return hasil.drop_duplicates("kode_wilayah")


def _kelembagaan(ringkas: pd.DataFrame) -> pd.DataFrame:
    """The Kelembagaan counts per region; where no item is filled in, the register is unused: unknown, not 0."""
    hasil = _per_wilayah(ringkas, KOLOM_KELEMBAGAAN).copy()
    kosong_ = pd.to_numeric(hasil["kelembagaan_terisi"], errors="coerce").fillna(0) == 0
    for kolom in KOLOM_KELEMBAGAAN[1:]:
        hasil[kolom] = hasil[kolom].astype("Int64").mask(kosong_)
    return hasil


def _hitung_catatan(catatan: pd.DataFrame) -> pd.DataFrame:
    kolom = ["kode_wilayah", "catatan_pembinaan_jumlah", "catatan_pembinaan_terbuka", "catatan_pembinaan_lewat_tenggat"]
    if catatan.empty:
        return pd.DataFrame(columns=kolom)
    hasil = catatan.groupby("kode_wilayah").agg(
        catatan_pembinaan_jumlah=("catatan_id", "size"),
        catatan_pembinaan_terbuka=("terbuka", "sum"),
        catatan_pembinaan_lewat_tenggat=("lewat_tenggat", "sum"),
    )
    return hasil.reset_index()[kolom]


def _jenis_kolom(tabel: pd.DataFrame) -> pd.DataFrame:
    """Counts as nullable integers and measures as nullable floats: unknown stays NA in CSV and JSON."""
    hasil = tabel.copy()
    for kolom in _BILANGAN:
        hasil[kolom] = pd.to_numeric(hasil[kolom], errors="coerce").round().astype("Int64")
    for kolom in _PECAHAN:
        hasil[kolom] = pd.to_numeric(hasil[kolom], errors="coerce").astype("Float64")
    return hasil


def _cakupan(tabel: pd.DataFrame) -> dict[str, int]:
    """How many kab/kota each part of the table covers (known, not NA)."""
    return {
        "jumlah": len(tabel),
        "kesiapan": int(tabel["kesiapan_persen"].notna().sum()),
        "regulasi": int(tabel["regulasi_diamanatkan"].notna().sum()),
        "kelembagaan": int(tabel["kelembagaan_terisi"].notna().sum()),
        "snapshot": int(tabel["snapshot_total"].notna().sum()),
        "evaluasi": int(tabel["total_evaluasi"].notna().sum()),
        "perubahan_nyata": int(perubahan_nyata(tabel).notna().sum()),
        "predikat": int(tabel["langkah_predikat"].notna().sum()),
        "selisih": int(tabel["selisih_ke_predikat_berikut"].notna().sum()),
    }


def daftar_provinsi(db_path: Path) -> dict[str, str]:
    """Provinces that have kab/kota in the database: code → name, by code."""
    wilayah = store.kueri(db_path, "wilayah_kabkota")
    return dict(sorted(zip(wilayah["kode_provinsi"], wilayah["nama_provinsi"], strict=True)))


def tabel_pembinaan(
    db_path: Path, katalog: Katalog, dd: KatalogDataDukung, kode_provinsi: str, hari_ini: dt.date
) -> Pembinaan:
    """Read and assemble the province's view on ``hari_ini`` (nothing is written).

    Raises:
        PembinaanError: the province has no kab/kota in the database (the message lists those that do).
    """
    path = simpan.path_gugus(db_path)
    with store.buka(db_path) as con:
        wilayah = store.kueri_con(con, "wilayah_kabkota")
        skor = store.kueri_con(con, "pembinaan_skor", {"kode_provinsi": kode_provinsi})
        resmi = store.kueri_con(con, "predikat_resmi", {"tahun": None})
    milik = wilayah[wilayah["kode_provinsi"] == kode_provinsi]
    if milik.empty:
        ada = dict(sorted(zip(wilayah["kode_provinsi"], wilayah["nama_provinsi"], strict=True)))
        raise _galat("pb_galat_provinsi", kode=kode_provinsi, ada=", ".join(f"{k} ({n})" for k, n in ada.items()))
    kabkota = dict(zip(milik["kode_wilayah"], milik["nama"], strict=True))
    data = DataProvinsi(
        butir=_baca_gugus(path, "pembinaan_butir", kode_provinsi, ["kode_wilayah", "indikator", "butir", "status"]),
        opd=_baca_gugus(path, "pembinaan_opd", kode_provinsi, ["kode_wilayah", "indikator", "opd", "peran_kontak"]),
        snapshot=_baca_gugus(path, "pembinaan_snapshot", kode_provinsi, ["kode_wilayah", "tanggal", "indikator"]),
        skor=skor,
        tambahan=_baca_gugus(path, "pembinaan_tambahan", kode_provinsi, _KOLOM_TAMBAHAN),
    )
    catatan = baca_catatan(path, kode_provinsi, hari_ini)
    catatan["nama"] = [kabkota.get(str(k), str(k)) for k in catatan["kode_wilayah"]]
    kode = list(kabkota)
    tabel, lewat = susun_pembinaan(
        kabkota,
        data,
        resmi=resmi,
        regulasi_ringkas=regulasi.ringkasan_regulasi(path, kode, hari_ini),
        kelembagaan_ringkas=kelembagaan.ringkasan_kelembagaan(path, kode),
        catatan=catatan,
        katalog=katalog,
        dd=dd,
        hari_ini=hari_ini,
    )
    return Pembinaan(
        kode_provinsi=kode_provinsi,
        nama_provinsi=str(milik["nama_provinsi"].iloc[0]),
        hari_ini=hari_ini,
        tabel=tabel,
        catatan=catatan,
        lewat_tenggat=lewat,
        cakupan=_cakupan(tabel),
        sintetis=bool(tabel["sintetis"].any()),
    )
