"""The partners register of child protection: MoU and PKS per kab/kota, with a warning before expiry.

Child protection in a kab/kota rests on agreements: Jawa Tengah's Dinas Sosial and Komnas
Perlindungan Anak signed an MoU in 2020 with cooperation agreements (PKS) per kab/kota; LPA,
LKSA, universities and NGOs sign their own. An agreement that lapses unnoticed leaves a service
without its legal footing, so the register shows each one with its end date and warns
:data:`HARI_PERINGATAN` days before it (90 by default; ``$KLA_MITRA_PERINGATAN_HARI`` changes it).

**What an entry holds** (:class:`IsiMitra`): the partner (an organisation, never a person), its
type (:data:`JENIS_MITRA`: Komnas PA / LPA, LKSA, perguruan tinggi, LSM, lainnya), the form (MoU or
PKS), what it covers, its number, the date it was signed and the date it ends. The end date must
come after the signing date; an end date that is not known stays None and is shown as "tidak
diketahui" (never guessed), and such an entry is neither current nor expired.

**Status** (:func:`keadaan_mitra`) on a given day: ``berakhir`` (the end date has passed),
``segera_berakhir`` (it ends within the warning period, the end day included), ``berlaku``, or
``tidak_diketahui`` (no end date).

**Writes** go through the workspace's one write path (:mod:`indicators.gugus.simpan`:
:func:`~indicators.gugus.simpan.transaksi`, :func:`~indicators.gugus.simpan.periksa_lingkup`,
:func:`~indicators.gugus.simpan.sisip`, :func:`~indicators.gugus.simpan.catat_log`): the editor's
scope is checked before anything is touched, the change is all or nothing, every changed field is
logged in ``log_perubahan`` (table ``mitra_perlindungan``), and a change based on an older version
of an entry than the stored one is refused. No personal data: a text that looks like a NIK or a
phone number is refused (:mod:`indicators.impor.pribadi`), without echoing it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

import duckdb
import pandas as pd

from indicators.akun.pengguna import Pengguna
from indicators.format import Bahasa
from indicators.gugus.simpan import GugusError, catat_log, periksa_lingkup, sisip, teks_log, transaksi
from indicators.gugus.tugas import kosong, sebagai_tanggal, teks_masukan
from indicators.impor.pribadi import jenis_sel_pribadi
from indicators.io import store
from indicators.teks import t

JENIS_MITRA: tuple[str, ...] = ("komnas_pa_lpa", "lksa", "perguruan_tinggi", "lsm", "lainnya")
BENTUK: tuple[str, ...] = ("mou", "pks")
STATUS: tuple[str, ...] = ("berakhir", "segera_berakhir", "berlaku", "tidak_diketahui")
"""From most to least urgent: the order the register is shown in."""
HARI_PERINGATAN = 90
ENV_HARI_PERINGATAN = "KLA_MITRA_PERINGATAN_HARI"
TABEL = "mitra_perlindungan"
PANJANG_MAKS = 500
KOLOM_ISI = (*("mitra", "jenis", "bentuk", "lingkup", "nomor", "tanggal_tanda_tangan", "tanggal_berakhir", "catatan"),)
KOLOM_SIMPAN = ("kode_wilayah", "mitra_id", *KOLOM_ISI, "dihapus", "diubah_oleh", "diubah_pada", "versi")
_TEKS = ("mitra", "lingkup", "nomor", "catatan")


class MitraError(GugusError):
    """A partner entry breaks a rule, or is stale; one clear line in Indonesian with an English twin."""


@dataclass(frozen=True)
class IsiMitra:
    """What one agreement says (see the module docstring); texts are cleaned before they are stored."""

    mitra: str
    jenis: str
    bentuk: str
    tanggal_tanda_tangan: dt.date | None
    tanggal_berakhir: dt.date | None
    lingkup: str | None = None
    nomor: str | None = None
    catatan: str | None = None


def hari_peringatan() -> int:
    """The warning period in days: ``$KLA_MITRA_PERINGATAN_HARI`` when it is a positive whole number, else 90."""
    teks = os.environ.get(ENV_HARI_PERINGATAN, "").strip()
    return int(teks) if teks.isdigit() and int(teks) > 0 else HARI_PERINGATAN


def keadaan_mitra(
    tanggal_berakhir: dt.date | None, hari_ini: dt.date, peringatan: int = HARI_PERINGATAN
) -> tuple[str, int | None]:
    """The status of an agreement on ``hari_ini`` and the days left until its end date (negative once past).

    ``segera_berakhir`` from ``peringatan`` days before the end date up to the end date itself;
    ``berakhir`` from the day after it; ``tidak_diketahui`` (and None) without an end date.
    """
    if tanggal_berakhir is None:
        return "tidak_diketahui", None
    sisa = (tanggal_berakhir - hari_ini).days
    if sisa < 0:
        return "berakhir", sisa
    return ("segera_berakhir" if sisa <= peringatan else "berlaku"), sisa


def label_jenis(jenis: str, bahasa: Bahasa = "id") -> str:
    """The display name of a partner type."""
    return t(f"pe_jenis_mitra_{jenis}", bahasa)


def label_status(status: str, bahasa: Bahasa = "id") -> str:
    """The display name of an agreement status."""
    return t(f"pe_status_mitra_{status}", bahasa)


def bersihkan(isi: IsiMitra) -> IsiMitra:
    """The entry with its texts cleaned (:func:`indicators.gugus.tugas.teks_masukan`) and its dates as dates."""
    teks = {k: teks_masukan(getattr(isi, k)) for k in _TEKS}
    return IsiMitra(
        mitra=teks["mitra"] or "",
        jenis=str(isi.jenis).strip(),
        bentuk=str(isi.bentuk).strip().casefold(),
        tanggal_tanda_tangan=sebagai_tanggal(isi.tanggal_tanda_tangan),
        tanggal_berakhir=sebagai_tanggal(isi.tanggal_berakhir),
        lingkup=teks["lingkup"],
        nomor=teks["nomor"],
        catatan=teks["catatan"],
    )


def _salah(kunci: str, **isian: object) -> tuple[str, str]:
    return t(kunci, "id", **isian), t(kunci, "en", **isian)


def periksa_isi(isi: IsiMitra) -> list[tuple[str, str]]:
    """Every rule a (cleaned) entry breaks, each as (Indonesian, English); empty when it is valid.

    The partner is named; the type and form are known; the signing date is given and the end date,
    when given, comes after it; no text is longer than :data:`PANJANG_MAKS` characters or looks
    like a NIK or a phone number (personal data is never stored, and never echoed here).
    """
    salah: list[tuple[str, str]] = []
    if not isi.mitra:
        salah.append(_salah("pe_mitra_salah_nama"))
    if isi.jenis not in JENIS_MITRA:
        salah.append(_salah("pe_mitra_salah_jenis", jenis=isi.jenis, daftar=", ".join(JENIS_MITRA)))
    if isi.bentuk not in BENTUK:
        salah.append(_salah("pe_mitra_salah_bentuk", bentuk=isi.bentuk))
    if isi.tanggal_tanda_tangan is None:
        salah.append(_salah("pe_mitra_salah_tanda_tangan"))
    elif isi.tanggal_berakhir is not None and isi.tanggal_berakhir <= isi.tanggal_tanda_tangan:
        salah.append(
            _salah(
                "pe_mitra_salah_urutan",
                berakhir=isi.tanggal_berakhir.isoformat(),
                tanda_tangan=isi.tanggal_tanda_tangan.isoformat(),
            )
        )
    for kolom in _TEKS:
        nilai = getattr(isi, kolom)
        if nilai is None:
            continue
        if len(nilai) > PANJANG_MAKS:
            salah.append(_salah("pe_mitra_salah_panjang", kolom=kolom, maks=PANJANG_MAKS))
        elif jenis := jenis_sel_pribadi(nilai):
            salah.append(_salah(f"pe_mitra_salah_pribadi_{jenis}", kolom=kolom))
    return salah


def _kosongan() -> pd.DataFrame:
    return pd.DataFrame(columns=[*KOLOM_SIMPAN, "status", "sisa_hari"])


def _tersimpan(path_gugus: Path, kode_wilayah: str) -> pd.DataFrame:
    """The stored rows of a region (and, for a province, of the regions below it), removed ones too."""
    if not path_gugus.is_file():
        return pd.DataFrame(columns=list(KOLOM_SIMPAN))
    try:
        return store.kueri(path_gugus, "mitra_wilayah", {"kode_wilayah": kode_wilayah})
    except duckdb.CatalogException:
        # A workspace written before the register existed (migration 006 runs on its next write).
        return pd.DataFrame(columns=list(KOLOM_SIMPAN))
    except duckdb.Error as exc:
        raise GugusError(
            f"Berkas ruang kerja {path_gugus.name} tidak dapat dibaca ({type(exc).__name__}); pulihkan dari cadangan.",
            f"The workspace file {path_gugus.name} cannot be read ({type(exc).__name__}); restore it from a backup.",
        ) from exc


def baca_mitra(
    path_gugus: Path, kode_wilayah: str, *, hari_ini: dt.date | None = None, peringatan: int | None = None
) -> pd.DataFrame:
    """The current partners of a region (a province code: of the province and every region below it).

    One row per entry not removed, with its stored columns (``kode_wilayah, mitra_id, mitra, jenis,
    bentuk, lingkup, nomor, tanggal_tanda_tangan, tanggal_berakhir, catatan, diubah_oleh,
    diubah_pada, versi``) plus ``status`` and ``sisa_hari`` on ``hari_ini`` (default: today) with
    a warning period of ``peringatan`` days (default :func:`hari_peringatan`); the most urgent
    first, then by end date. Empty while nothing is stored.
    """
    hari_ini = hari_ini or dt.date.today()
    peringatan = hari_peringatan() if peringatan is None else peringatan
    data = _tersimpan(path_gugus, kode_wilayah)
    data = data[~data["dihapus"].astype(bool)].drop(columns="dihapus").reset_index(drop=True)
    if data.empty:
        return _kosongan().drop(columns="dihapus")
    data["tanggal_tanda_tangan"] = [sebagai_tanggal(v) for v in data["tanggal_tanda_tangan"]]
    data["tanggal_berakhir"] = pd.Series([sebagai_tanggal(v) for v in data["tanggal_berakhir"]], dtype="object")
    keadaan = [keadaan_mitra(v, hari_ini, peringatan) for v in data["tanggal_berakhir"]]
    data["status"] = [s for s, _ in keadaan]
    data["sisa_hari"] = pd.array([h for _, h in keadaan], dtype="Int64")
    urut = data["status"].map({s: i for i, s in enumerate(STATUS)})
    akhir = pd.to_datetime(pd.Series(data["tanggal_berakhir"], dtype="object"))
    return (
        data.assign(_urut=urut, _akhir=akhir)
        .sort_values(["_urut", "_akhir", "kode_wilayah", "mitra_id"], kind="stable")
        .drop(columns=["_urut", "_akhir"])
        .reset_index(drop=True)
    )


def baca_log_mitra(path_gugus: Path, kode_wilayah: str) -> pd.DataFrame:
    """The register's change history of one region, newest first (empty while nothing is stored)."""
    kolom = ["log_id", "waktu", "pengguna", "kode_wilayah", "tabel", "kunci", "kolom", "nilai_lama", "nilai_baru"]
    kolom += ["asal", "versi"]
    if not path_gugus.is_file():
        return pd.DataFrame(columns=kolom)
    try:
        return store.kueri(path_gugus, "mitra_log", {"kode_wilayah": kode_wilayah})
    except duckdb.CatalogException:
        return pd.DataFrame(columns=kolom)


def _kolom(isi: IsiMitra) -> dict[str, object]:
    return {f.name: getattr(isi, f.name) for f in fields(isi)}


def _rekam(tersimpan: pd.DataFrame, kode_wilayah: str, mitra_id: int) -> Mapping[str, object] | None:
    cocok = tersimpan[(tersimpan["kode_wilayah"] == kode_wilayah) & (tersimpan["mitra_id"].astype(int) == mitra_id)]
    return None if cocok.empty else {str(k): v for k, v in cocok.iloc[0].items()}


def _periksa_versi(rekam: Mapping[str, object] | None, mitra_id: int, versi: int | None) -> int:
    """The stored version of an entry being changed; refuses an unknown, removed or stale one."""
    if rekam is None or bool(rekam["dihapus"]):
        raise MitraError(*_salah("pe_mitra_tak_ada", id=mitra_id))
    kini = int(str(rekam["versi"]))
    if versi is not None and versi != kini:
        raise MitraError(*_salah("pe_mitra_basi", id=mitra_id, dasar=versi, kini=kini, oleh=str(rekam["diubah_oleh"])))
    return kini


def _baris(
    kode_wilayah: str,
    mitra_id: int,
    isi: Mapping[str, object],
    dihapus: bool,
    pengguna: Pengguna,
    waktu: dt.datetime,
    versi: int,
) -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            {
                "kode_wilayah": kode_wilayah,
                "mitra_id": mitra_id,
                **isi,
                "dihapus": dihapus,
                "diubah_oleh": pengguna.nama,
                "diubah_pada": waktu,
                "versi": versi,
            }
        ],
        columns=list(KOLOM_SIMPAN),
    )
    for k in ("tanggal_tanda_tangan", "tanggal_berakhir"):
        frame[k] = pd.Series([sebagai_tanggal(v) for v in frame[k]], dtype="object")
    return frame


def simpan_mitra(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    isi: IsiMitra,
    *,
    mitra_id: int | None = None,
    versi: int | None = None,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Add a partner entry (``mitra_id`` None) or change one; return its id.

    ``versi`` is the entry version the change was based on (the ``versi`` column of
    :func:`baca_mitra`): a change to an entry stored at another version is refused. Every changed
    field is logged; a change equal to the stored entry writes nothing.

    Raises:
        LingkupError: the region is outside the user's scope (nothing is written).
        MitraError: a broken rule (every one listed), an unknown or removed entry, or a stale version.
        TulisError: the disk is full or the write failed (nothing is written).
    """
    periksa_lingkup(pengguna, kode_wilayah)
    bersih = bersihkan(isi)
    salah = periksa_isi(bersih)
    if salah:
        raise MitraError("; ".join(i for i, _ in salah), "; ".join(e for _, e in salah))
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    baru = _kolom(bersih)
    with transaksi(path) as tulis:
        tersimpan = store.kueri_con(tulis.con, "mitra_wilayah", {"kode_wilayah": kode_wilayah})
        if mitra_id is None:
            mitra_id = int(tersimpan["mitra_id"].max()) + 1 if len(tersimpan) else 1
            sebelum: dict[str, object] = {}
            versi_baru = 1
        else:
            rekam = _rekam(tersimpan, kode_wilayah, mitra_id)
            versi_baru = _periksa_versi(rekam, mitra_id, versi) + 1
            sebelum = {k: (rekam or {}).get(k) for k in KOLOM_ISI}
        log: list[dict[str, object]] = [
            {"tabel": TABEL, "kunci": str(mitra_id), "kolom": k, "nilai_lama": lama, "nilai_baru": nilai_baru}
            | {"versi": versi_baru}
            for k in KOLOM_ISI
            if (lama := teks_log(_sebagai(k, sebelum.get(k)))) != (nilai_baru := teks_log(baru[k]))
        ]
        if log:
            sisip(tulis.con, "mitra_sisip", _baris(kode_wilayah, mitra_id, baru, False, pengguna, waktu, versi_baru))
            catat_log(tulis, log, pengguna, kode_wilayah, waktu, asal)
    return mitra_id


def _sebagai(kolom: str, nilai: object) -> object:
    """A stored value as it is compared: dates as dates (DuckDB hands back timestamps), empty as None."""
    if kolom.startswith("tanggal_"):
        return sebagai_tanggal(nilai)
    return None if kosong(nilai) else nilai


def hapus_mitra(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    mitra_id: int,
    *,
    versi: int | None = None,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> None:
    """Remove a partner entry (it stays stored with ``dihapus`` set, and the removal is logged).

    Raises:
        LingkupError: outside the user's scope. MitraError: an unknown, already removed or stale entry.
    """
    periksa_lingkup(pengguna, kode_wilayah)
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    with transaksi(path) as tulis:
        tersimpan = store.kueri_con(tulis.con, "mitra_wilayah", {"kode_wilayah": kode_wilayah})
        rekam = _rekam(tersimpan, kode_wilayah, mitra_id)
        versi_baru = _periksa_versi(rekam, mitra_id, versi) + 1
        isi = {k: _sebagai(k, (rekam or {}).get(k)) for k in KOLOM_ISI}
        sisip(tulis.con, "mitra_sisip", _baris(kode_wilayah, mitra_id, isi, True, pengguna, waktu, versi_baru))
        log: list[dict[str, object]] = [
            {
                "tabel": TABEL,
                "kunci": str(mitra_id),
                "kolom": "dihapus",
                "nilai_lama": "false",
                "nilai_baru": "true",
                "versi": versi_baru,
            }
        ]
        catat_log(tulis, log, pengguna, kode_wilayah, waktu, asal)
