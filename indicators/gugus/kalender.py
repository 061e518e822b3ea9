"""The evaluation calendar: the dates of each KLA evaluation cycle's stages, and what is next.

**Dates are data.** ``data/kla/kalender_evaluasi.csv`` holds one row per cycle and stage
(``mandiri``, ``verifikasi_provinsi``, ``verifikasi_lapangan``, ``final``) with the start and end
date a public source states, that source, and a note. A date no source states is empty: unknown,
never guessed. ``presisi`` says how exact the dates are: ``hari`` (a day) or ``bulan`` (a source
that names only months, "Januari–Juni 2024", is written as the first and last day of those months
and always shown as months). ``final`` is verifikasi final and penetapan, ending with the award:
its ``selesai`` is the award date. ``siklus`` names the evaluation as its sources do (the 2024/25
cycle is "KLA 2025", awarded in 2025).

**A province's own dates.** A provincial editor may record the dates the province was given
(an official letter) for a cycle and stage, with their source; they replace the committed row for
that province only (:func:`simpan_kalender`, through the workspace's one write path, logged in
``log_perubahan``).

**The countdown** (:func:`hitung_mundur`, ``hari_ini`` always a parameter): the stages in progress,
the nearest known milestone ahead ("12 hari lagi: verifikasi provinsi"), and the stages of the
current cycle whose dates are unknown. A month-precise date is counted from the first or last day
of its month and said to be approximate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd

from indicators.akun.pengguna import Pengguna
from indicators.format import Bahasa, format_angka, format_bulan, format_tanggal
from indicators.galat import GalatDwibahasa
from indicators.gugus import simpan
from indicators.gugus.tugas import kosong, sebagai_tanggal, teks_masukan
from indicators.io import store
from indicators.lokasi import DATA_DIR
from indicators.teks import t

PATH_KALENDER = DATA_DIR / "kla" / "kalender_evaluasi.csv"
TAHAP_KALENDER: tuple[str, ...] = ("mandiri", "verifikasi_provinsi", "verifikasi_lapangan", "final")
PRESISI: tuple[str, ...] = ("hari", "bulan")
KOLOM_CSV = ["siklus", "tahap", "mulai", "selesai", "presisi", "sumber", "keterangan"]
KOLOM_KALENDER = [*KOLOM_CSV, "asal"]
"""``asal``: ``csv`` (the committed file) or ``provinsi`` (dates a provincial editor recorded)."""


class KalenderError(GalatDwibahasa):
    """The calendar file or a recorded date is wrong; the message names row, column, value and what is expected."""


def label_tahap(tahap: str, bahasa: Bahasa) -> str:
    """A stage's name for readers: ``verifikasi provinsi`` / ``provincial verification``."""
    return t(f"pb_tahap_{tahap}", bahasa)


# --- reading the committed calendar -------------------------------------------------------------


def _tanggal_sel(nilai: str, baris: int, kolom: str, berkas: str) -> dt.date | None:
    if not nilai.strip():
        return None
    try:
        return dt.date.fromisoformat(nilai.strip())
    except ValueError as exc:
        raise KalenderError(
            t("pb_kal_galat_tanggal", "id", berkas=berkas, baris=baris, kolom=kolom, nilai=nilai),
            t("pb_kal_galat_tanggal", "en", berkas=berkas, baris=baris, kolom=kolom, nilai=nilai),
        ) from exc


def _galat(kunci: str, **isian: object) -> KalenderError:
    return KalenderError(t(kunci, "id", **isian), t(kunci, "en", **isian))


def _periksa_baris(r: dict[str, object], baris: int, berkas: str) -> None:
    """Check one calendar row: stage, precision, source, dates in order, month dates on month edges."""
    if r["tahap"] not in TAHAP_KALENDER:
        raise _galat("pb_kal_galat_nilai", berkas=berkas, baris=baris, kolom="tahap", nilai=r["tahap"],
                     harapan=", ".join(TAHAP_KALENDER))  # fmt: skip
    if not str(r["sumber"] or "").strip():
        raise _galat("pb_kal_galat_sumber", berkas=berkas, baris=baris)
    mulai, selesai = r["mulai"], r["selesai"]
    ada_tanggal = mulai is not None or selesai is not None
    if ada_tanggal and r["presisi"] not in PRESISI:
        raise _galat("pb_kal_galat_nilai", berkas=berkas, baris=baris, kolom="presisi", nilai=r["presisi"] or "",
                     harapan=", ".join(PRESISI))  # fmt: skip
    if isinstance(mulai, dt.date) and isinstance(selesai, dt.date) and selesai < mulai:
        raise _galat("pb_kal_galat_urutan", berkas=berkas, baris=baris, mulai=mulai.isoformat(),
                     selesai=selesai.isoformat())  # fmt: skip
    if r["presisi"] == "bulan":
        # A month-precise start is the 1st of its month and an end the month's last day, so that
        # counting from them never claims a day the source did not give.
        if isinstance(mulai, dt.date) and mulai.day != 1:
            raise _galat("pb_kal_galat_bulan", berkas=berkas, baris=baris, kolom="mulai", nilai=mulai.isoformat())
        if isinstance(selesai, dt.date) and (selesai + dt.timedelta(days=1)).day != 1:
            raise _galat("pb_kal_galat_bulan", berkas=berkas, baris=baris, kolom="selesai", nilai=selesai.isoformat())


def muat_kalender(path: Path = PATH_KALENDER) -> pd.DataFrame:
    """Read and check the committed calendar; columns ``KOLOM_KALENDER`` (dates as ``date`` or None).

    Raises:
        KalenderError: a missing column, an unknown stage or precision, a bad or unordered date, a
            row without a source, or a cycle and stage given twice; naming the file, row (as in a
            spreadsheet: the header is row 1), column and value.
    """
    mentah = pd.read_csv(path, dtype=str, keep_default_na=False)
    kurang = [k for k in KOLOM_CSV if k not in mentah.columns]
    if kurang:
        raise _galat("pb_kal_galat_kolom", berkas=path.name, kolom=", ".join(kurang))
    baris: list[dict[str, object]] = []
    dilihat: dict[tuple[int, str], int] = {}
    for i, r in enumerate(mentah.to_dict("records"), start=2):
        try:
            siklus = int(r["siklus"])
        except ValueError as exc:
            raise _galat("pb_kal_galat_nilai", berkas=path.name, baris=i, kolom="siklus", nilai=r["siklus"],
                         harapan="tahun / a year") from exc  # fmt: skip
        rekam: dict[str, object] = {
            "siklus": siklus,
            "tahap": r["tahap"].strip(),
            "mulai": _tanggal_sel(r["mulai"], i, "mulai", path.name),
            "selesai": _tanggal_sel(r["selesai"], i, "selesai", path.name),
            "presisi": r["presisi"].strip() or None,
            "sumber": r["sumber"].strip(),
            "keterangan": r["keterangan"].strip() or None,
            "asal": "csv",
        }
        _periksa_baris(rekam, i, path.name)
        kunci = (siklus, str(rekam["tahap"]))
        if kunci in dilihat:
            raise _galat("pb_kal_galat_ganda", berkas=path.name, baris=i, pertama=dilihat[kunci], siklus=siklus,
                         tahap=rekam["tahap"])  # fmt: skip
        dilihat[kunci] = i
        baris.append(rekam)
    return _urut(pd.DataFrame(baris, columns=KOLOM_KALENDER))


def _urut(kalender: pd.DataFrame) -> pd.DataFrame:
    posisi = {tahap: i for i, tahap in enumerate(TAHAP_KALENDER)}
    return (
        kalender.assign(_urut=[posisi[str(x)] for x in kalender["tahap"]])
        .sort_values(["siklus", "_urut"], ignore_index=True)
        .drop(columns="_urut")
    )


# --- a province's own dates (workspace) ---------------------------------------------------------


def baca_kalender_provinsi(path_gugus: Path, kode_provinsi: str) -> pd.DataFrame:
    """The dates a province recorded in the workspace (empty when none, or the file predates them)."""
    kolom = ["kode_provinsi", *KOLOM_CSV, "diubah_oleh", "diubah_pada"]
    if not path_gugus.is_file():
        return pd.DataFrame(columns=kolom)
    try:
        return store.kueri(path_gugus, "pembinaan_kalender", {"kode_provinsi": kode_provinsi})
    except duckdb.CatalogException:
        return pd.DataFrame(columns=kolom)  # a workspace written before the calendar table existed
    except duckdb.Error as exc:
        raise simpan.GugusError(
            f"Berkas ruang kerja {path_gugus.name} tidak dapat dibaca ({type(exc).__name__}); pulihkan dari cadangan.",
            f"The workspace file {path_gugus.name} cannot be read ({type(exc).__name__}); restore it from a backup.",
        ) from exc


def gabung_kalender(dasar: pd.DataFrame, provinsi: pd.DataFrame) -> pd.DataFrame:
    """The committed calendar with a province's recorded rows in place of the same cycle and stage."""
    if provinsi.empty:
        return dasar
    milik = provinsi[KOLOM_CSV].copy()
    milik["mulai"] = [sebagai_tanggal(v) for v in milik["mulai"]]
    milik["selesai"] = [sebagai_tanggal(v) for v in milik["selesai"]]
    milik["siklus"] = milik["siklus"].astype(int)
    milik["asal"] = "provinsi"
    diganti = set(zip(milik["siklus"], milik["tahap"], strict=True))
    tetap = dasar[[(int(s), str(x)) not in diganti for s, x in zip(dasar["siklus"], dasar["tahap"], strict=True)]]
    return _urut(pd.concat([tetap, milik[KOLOM_KALENDER]], ignore_index=True))


@dataclass(frozen=True)
class IsiKalender:
    """A province's dates for one cycle and stage, with the source they come from (day precision)."""

    siklus: int
    tahap: str
    mulai: dt.date | None
    selesai: dt.date | None
    sumber: str
    keterangan: str | None = None


def simpan_kalender(
    path: Path,
    pengguna: Pengguna,
    kode_provinsi: str,
    isi: IsiKalender,
    *,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Record a province's dates for one cycle and stage; return the number of fields that changed.

    Only an editor whose scope covers the province (or an admin) may; a source is required, the
    stage must be known and the start may not come after the end. Each changed field is logged.

    Raises:
        simpan.LingkupError: the province is outside the user's scope. KalenderError: a bad value.
    """
    simpan.periksa_lingkup(pengguna, kode_provinsi)
    sumber = teks_masukan(isi.sumber)
    if isi.tahap not in TAHAP_KALENDER:
        raise _galat("pb_kal_galat_tahap", nilai=isi.tahap, harapan=", ".join(TAHAP_KALENDER))
    if not sumber:
        raise _galat("pb_kal_galat_sumber_isian")
    if isi.mulai is not None and isi.selesai is not None and isi.selesai < isi.mulai:
        raise _galat("pb_kal_galat_urutan_isian", mulai=isi.mulai.isoformat(), selesai=isi.selesai.isoformat())
    baru: dict[str, object] = {
        "mulai": isi.mulai,
        "selesai": isi.selesai,
        "presisi": "hari" if isi.mulai or isi.selesai else None,
        "sumber": sumber,
        "keterangan": teks_masukan(isi.keterangan),
    }
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    kunci = {"kode_provinsi": kode_provinsi, "siklus": isi.siklus, "tahap": isi.tahap}
    with simpan.transaksi(path) as tulis:
        lama = store.kueri_con(tulis.con, "pembinaan_kalender_satu", kunci)
        rekam = {str(k): v for k, v in lama.iloc[0].items()} if len(lama) else {}
        beda = [k for k in baru if simpan.teks_log(rekam.get(k)) != simpan.teks_log(baru[k])]
        if not beda:
            return 0
        tulis.con.execute(store.muat_sql("pembinaan_hapus_kalender"), kunci)
        frame = pd.DataFrame([{**kunci, **baru, "diubah_oleh": pengguna.nama, "diubah_pada": waktu}])
        for k in ("mulai", "selesai"):
            frame[k] = pd.Series([baru[k]], dtype="object")
        simpan.sisip(tulis.con, "pembinaan_sisip_kalender", frame)
        log: list[dict[str, object]] = [
            {
                "tabel": "kalender_provinsi",
                "kunci": f"{isi.siklus}/{isi.tahap}",
                "kolom": k,
                "nilai_lama": simpan.teks_log(rekam.get(k)),
                "nilai_baru": simpan.teks_log(baru[k]),
            }
            for k in beda
        ]
        return simpan.catat_log(tulis, log, pengguna, kode_provinsi, waktu, asal)


# --- the countdown ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tonggak:
    """One dated milestone: a stage of a cycle starts (``mulai``) or ends (``selesai``) on ``tanggal``."""

    siklus: int
    tahap: str
    jenis: Literal["mulai", "selesai"]
    tanggal: dt.date
    presisi: str
    sumber: str

    @property
    def kira(self) -> bool:
        """True when the date is known only to the month (the count of days is approximate)."""
        return self.presisi == "bulan"


@dataclass(frozen=True)
class HitungMundur:
    """Where the calendar stands on ``hari_ini``.

    ``berlangsung`` are the stages in progress (start on or before today, end today or later) with
    their end milestone; ``berikut`` the nearest milestone after today (None when none is known);
    ``siklus`` the cycle in view (the newest with a known date on or before today, else the
    oldest with a date ahead); ``belum_diketahui`` the stages of that cycle after its last known
    milestone whose dates no source gives; ``terakhir`` that last known milestone.
    """

    hari_ini: dt.date
    siklus: int | None
    berlangsung: tuple[Tonggak, ...]
    berikut: Tonggak | None
    belum_diketahui: tuple[str, ...]
    terakhir: Tonggak | None

    def hari_ke(self, tonggak: Tonggak) -> int:
        """Days from ``hari_ini`` to the milestone (negative: in the past)."""
        return (tonggak.tanggal - self.hari_ini).days


def _tonggak(kalender: pd.DataFrame) -> list[Tonggak]:
    hasil = []
    for r in kalender.to_dict("records"):
        for jenis in ("mulai", "selesai"):
            tanggal = sebagai_tanggal(r[jenis])
            if tanggal is not None:
                presisi = str(r["presisi"]) if not kosong(r["presisi"]) else "hari"
                hasil.append(Tonggak(int(r["siklus"]), str(r["tahap"]), jenis, tanggal, presisi, str(r["sumber"])))
    return hasil


def _posisi(tonggak: Tonggak) -> tuple[int, int, int]:
    return (tonggak.siklus, TAHAP_KALENDER.index(tonggak.tahap), 0 if tonggak.jenis == "mulai" else 1)


def hitung_mundur(kalender: pd.DataFrame, hari_ini: dt.date) -> HitungMundur:
    """Where ``kalender`` (:func:`muat_kalender` or :func:`gabung_kalender`) stands on ``hari_ini``."""
    semua = _tonggak(kalender)
    lalu = [x for x in semua if x.tanggal <= hari_ini]
    depan = sorted((x for x in semua if x.tanggal > hari_ini), key=lambda x: (x.tanggal, _posisi(x)))
    if lalu:
        siklus: int | None = max(x.siklus for x in lalu)
    else:
        siklus = min((x.siklus for x in depan), default=None)
    mulai_lalu = {(x.siklus, x.tahap) for x in lalu if x.jenis == "mulai"}
    berlangsung = tuple(
        sorted(
            (x for x in semua if x.jenis == "selesai" and x.tanggal >= hari_ini and (x.siklus, x.tahap) in mulai_lalu),
            key=_posisi,
        )
    )
    milik = sorted((x for x in semua if x.siklus == siklus), key=_posisi)
    terakhir = max((x for x in milik if x.tanggal <= hari_ini), key=_posisi, default=None)
    tahap_tahu = {x.tahap for x in milik}
    setelah = TAHAP_KALENDER.index(terakhir.tahap) if terakhir is not None else -1
    belum = tuple(
        tahap
        for tahap in TAHAP_KALENDER[setelah + 1 :]
        if tahap not in tahap_tahu and siklus is not None and _ada_baris(kalender, siklus, tahap)
    )
    # The end of a stage in progress is said with it: the next milestone is another one.
    depan = [x for x in depan if x not in berlangsung]
    return HitungMundur(hari_ini, siklus, berlangsung, depan[0] if depan else None, belum, terakhir)


def _ada_baris(kalender: pd.DataFrame, siklus: int, tahap: str) -> bool:
    """True when the calendar lists the stage for the cycle (its dates may be unknown)."""
    return bool(((kalender["siklus"].astype(int) == siklus) & (kalender["tahap"] == tahap)).any())


def teks_tanggal(tonggak: Tonggak, bahasa: Bahasa) -> str:
    """The milestone's date as precise as its source: ``18 Februari 2026`` or ``Juli 2024``."""
    return format_bulan(tonggak.tanggal, bahasa) if tonggak.kira else format_tanggal(tonggak.tanggal, bahasa)


def _hari(n: int, kira: bool, bahasa: Bahasa) -> str:
    jumlah = t("pb_kal_hari", bahasa, n=format_angka(n, 0, bahasa))
    return t("pb_kal_sekitar", bahasa, jumlah=jumlah) if kira else jumlah


def baris_hitung_mundur(hm: HitungMundur, bahasa: Bahasa) -> list[str]:
    """The countdown as short lines, most urgent first: in progress, next, then what is unknown."""
    baris = []
    for x in hm.berlangsung:
        n = hm.hari_ke(x)
        kunci = "pb_kal_berakhir_hari_ini" if n == 0 else "pb_kal_berlangsung"
        baris.append(t(kunci, bahasa, tahap=label_tahap(x.tahap, bahasa), siklus=x.siklus,
                       jumlah=_hari(n, x.kira, bahasa), tanggal=teks_tanggal(x, bahasa)))  # fmt: skip
    if (y := hm.berikut) is not None:
        kunci = "pb_kal_berikut_mulai" if y.jenis == "mulai" else "pb_kal_berikut_selesai"
        baris.append(t(kunci, bahasa, jumlah=_hari(hm.hari_ke(y), y.kira, bahasa), tahap=label_tahap(y.tahap, bahasa),
                       siklus=y.siklus, tanggal=teks_tanggal(y, bahasa)))  # fmt: skip
    # The last milestone matters when nothing is ahead, or when it started a stage whose end is unknown.
    z = hm.terakhir
    if z is not None and not hm.berlangsung and (hm.berikut is None or z.jenis == "mulai"):
        kunci = f"pb_kal_terakhir_{z.jenis}" + ("_hari_ini" if hm.hari_ke(z) == 0 else "")
        baris.append(t(kunci, bahasa, tahap=label_tahap(z.tahap, bahasa), siklus=z.siklus,
                       tanggal=teks_tanggal(z, bahasa), jumlah=_hari(-hm.hari_ke(z), z.kira, bahasa)))  # fmt: skip
    if hm.belum_diketahui:
        daftar = ", ".join(label_tahap(x, bahasa) for x in hm.belum_diketahui)
        baris.append(t("pb_kal_belum_diketahui", bahasa, siklus=hm.siklus, tahap=daftar))
    if not baris:
        baris.append(t("pb_kal_kosong", bahasa))
    return [b[:1].upper() + b[1:] for b in baris]  # a line may start with a stage's name


def tabel_kalender(kalender: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The calendar for display: cycle, stage, dates as precise as their source (empty: unknown), source."""
    tak_tahu = t("pb_tidak_diketahui", bahasa)

    def tanggal(nilai: object, presisi: object) -> str:
        hari = sebagai_tanggal(nilai)
        if hari is None:
            return tak_tahu
        return format_bulan(hari, bahasa) if presisi == "bulan" else format_tanggal(hari, bahasa)

    rekam = kalender.to_dict("records")
    return pd.DataFrame(
        {
            t("pb_kol_siklus", bahasa): [str(r["siklus"]) for r in rekam],
            t("pb_kol_tahap", bahasa): [label_tahap(str(r["tahap"]), bahasa) for r in rekam],
            t("pb_kol_mulai", bahasa): [tanggal(r["mulai"], r["presisi"]) for r in rekam],
            t("pb_kol_selesai", bahasa): [tanggal(r["selesai"], r["presisi"]) for r in rekam],
            t("pb_kol_sumber", bahasa): [str(r["sumber"]) for r in rekam],
            t("pb_kol_keterangan", bahasa): ["" if kosong(r["keterangan"]) else str(r["keterangan"]) for r in rekam],
            t("pb_kol_asal", bahasa): [t(f"pb_asal_{r['asal']}", bahasa) for r in rekam],
        }
    )


def siklus_kalender(kalender: pd.DataFrame) -> Sequence[int]:
    """The cycles the calendar lists, oldest first."""
    return sorted({int(s) for s in kalender["siklus"]})
