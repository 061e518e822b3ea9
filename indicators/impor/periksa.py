"""Validating an import file against the catalogue and the regions, collecting every problem.

``periksa_berkas`` reads a file (XLSX or CSV), maps its columns, detects the kind of data when
not given, checks every cell and returns typed rows plus *all* problems at once (never only the
first), each a :class:`~indicators.impor.masalah.Masalah`. No exception escapes: an unexpected
failure becomes one clear problem record. A file that looks like it carries personal data (a
column named like a name, NIK, address, date of birth or phone number; a cell that looks like a
NIK or a phone number: :mod:`indicators.impor.pribadi`) is refused whole, whatever its kind, with
those findings only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from indicators.impor import perlindungan
from indicators.impor.baca import (
    ALIAS_KOLOM,
    KOLOM_INFORMASI,
    AngkaError,
    BatasUnggah,
    IndeksWilayah,
    Sel,
    TabelMentah,
    baca_tabel,
    ringkas_baris,
    teks_sel,
    urai_angka,
    urai_tahun,
)
from indicators.impor.kolom import periksa_kolom
from indicators.impor.masalah import Masalah
from indicators.impor.pribadi import cari_data_pribadi
from indicators.katalog.model import TAHAP, Katalog, KatalogError

Jenis = Literal["skor", "statistik", "predikat", "perlindungan"]
JENIS: tuple[Jenis, ...] = ("skor", "statistik", "predikat")
"""The kinds of the score template and ``kla import --jenis``; ``perlindungan`` has its own (``kla perlindungan``)."""
JENIS_SEMUA: tuple[Jenis, ...] = (*JENIS, "perlindungan")
PREDIKAT_SAH = ("Pratama", "Madya", "Nindya", "Utama", "KLA", "Tidak ada")
TAHUN_STATISTIK_AWAL = 1990
_PREDIKAT_NORMAL = {p.casefold(): p for p in PREDIKAT_SAH}


@dataclass(frozen=True)
class Spek:
    """What one kind of import looks like: its columns, key and the column holding the value."""

    jenis: Jenis
    tabel: str
    wajib: tuple[str, ...]
    opsional: tuple[str, ...]
    kunci: tuple[str, ...]
    kolom_nilai: str


SPEK: dict[Jenis, Spek] = {
    "skor": Spek(
        "skor",
        "skor_indikator",
        ("tahun", "kode_wilayah", "indikator", "tahap", "nilai"),
        ("sumber", "catatan"),
        ("tahun", "kode_wilayah", "indikator", "tahap"),
        "nilai",
    ),
    "statistik": Spek(
        "statistik",
        "statistik_indikator",
        ("tahun", "kode_wilayah", "indikator", "nilai", "satuan"),
        ("sumber", "catatan"),
        ("tahun", "kode_wilayah", "statistik"),
        "nilai",
    ),
    "predikat": Spek(
        "predikat",
        "predikat_resmi",
        ("tahun", "kode_wilayah", "predikat"),
        ("sumber", "catatan"),
        ("tahun", "kode_wilayah"),
        "predikat",
    ),
    # Child-protection counts (indicators/impor/perlindungan.py checks them); rows of the table
    # penduduk_anak (the denominator) go to their own table when committed.
    "perlindungan": Spek(
        "perlindungan",
        "perlindungan_anak",
        perlindungan.WAJIB,
        ("bulan", "sumber", "catatan"),
        perlindungan.KUNCI,
        "jumlah",
    ),
}

_HARAPAN_KOSONG = {
    "tahun": ("tahun, mis. 2025", "a year, e.g. 2025"),
    "kode_wilayah": ("kode atau nama kab/kota, mis. 33.75", "a regency/city code or name, e.g. 33.75"),
    "indikator": ("id indikator, mis. KLA24-04", "an indicator id, e.g. KLA24-04"),
    "tahap": ("mandiri, provinsi, pusat atau final", "mandiri, provinsi, pusat or final"),
    "satuan": ("satuan sesuai katalog, mis. persen", "the catalogue unit, e.g. persen"),
}
_SUSUNAN_KUNCI = {
    "skor": "tahun × wilayah × indikator × tahap",
    "statistik": "tahun × wilayah × statistik",
    "predikat": "tahun × wilayah",
}


@dataclass
class HasilPeriksa:
    """A checked import file: typed rows (``data``) ready to preview, or the problems found.

    ``data`` has the key columns of the kind, the value, ``sumber``, ``catatan`` and ``baris``
    (the spreadsheet row). ``peringatan`` holds non-blocking notes (skipped rows, unknown columns).
    """

    berkas: str
    sha256: str
    jenis: Jenis | None
    sheet: str | None
    data: pd.DataFrame
    masalah: list[Masalah] = field(default_factory=list)
    peringatan: list[Masalah] = field(default_factory=list)

    @property
    def sah(self) -> bool:
        """Whether the file can be imported (no problem, a known kind and at least one row)."""
        return not self.masalah and self.jenis is not None and len(self.data) > 0


def boleh_lebih_100(katalog: Katalog, kode: str) -> bool:
    """Whether a percentage statistic may exceed 100."""
    # The catalogue notes the few percentages that can exceed 100 (projected denominators, pupils
    # outside the age band); a dedicated catalogue field would be cleaner (reported).
    return "melebihi 100" in katalog.statistik[kode].catatan


def deteksi_jenis(kolom: set[str], contoh_indikator: list[str]) -> Jenis | None:
    """Tell the kind of data from the (canonical) column names and a few indicator values."""
    if "predikat" in kolom and "nilai" not in kolom:
        return "predikat"
    if "tahap" in kolom:
        return "skor"
    if "satuan" in kolom:
        return "statistik"
    if "nilai" in kolom and "indikator" in kolom and contoh_indikator:
        mirip_id = sum(1 for v in contoh_indikator if re.fullmatch(r"[A-Za-z]+\d+-\d{1,2}", v.strip()))
        return "skor" if mirip_id * 2 > len(contoh_indikator) else "statistik"
    return None


class _Pemeriksa:
    """Checks the rows of one file of one kind and collects problems."""

    def __init__(self, tabel: TabelMentah, jenis: Jenis, katalog: Katalog, indeks: IndeksWilayah) -> None:
        self.tabel = tabel
        self.jenis = jenis
        self.spek = SPEK[jenis]
        self.katalog = katalog
        self.indeks = indeks
        self.masalah: list[Masalah] = []
        self.peringatan: list[Masalah] = []
        self.tahun_siklus = sorted(c.tahun for c in katalog.siklus)
        self.indikator = katalog.indikator()
        self.tahun_maks = dt.date.today().year + 1
        self._tahun_sudah: dict[tuple[type, object], int] = {}

    def _catat(self, kode_masalah: str, nomor: int, kolom: str, sel: Sel | None, **isian: str) -> None:
        self.masalah.append(
            Masalah(
                kode=kode_masalah,
                berkas=self.tabel.berkas,
                sheet=self.tabel.sheet,
                baris=nomor,
                kolom=kolom,
                nilai=teks_sel(sel) if sel is not None else None,
                sel=sel.alamat if sel is not None else None,
                isian=isian,
            )
        )

    def _wajib(self, nomor: int, kolom: str, sel: Sel) -> str | None:
        teks = teks_sel(sel)
        if teks is None:
            harapan_id, harapan_en = _HARAPAN_KOSONG.get(kolom, ("isi sel ini", "fill in this cell"))
            self._catat("sel_kosong", nomor, kolom, sel, harapan_id=harapan_id, harapan_en=harapan_en)
        return teks

    def tahun(self, nomor: int, sel: Sel) -> int | None:
        """The year of a row (a cycle year for scores, 1990..next year for statistics), or None."""
        if self._wajib(nomor, "tahun", sel) is None:
            return None
        kunci = (type(sel.nilai), sel.nilai)
        tahun_sel = self._tahun_sudah.get(kunci)  # a file repeats a handful of years
        if tahun_sel is None:
            try:
                tahun_sel = urai_tahun(sel)
            except ValueError:
                self._catat("tahun_tak_sah", nomor, "tahun", sel)
                return None
            self._tahun_sudah[kunci] = tahun_sel
        tahun = tahun_sel
        if self.jenis == "statistik":
            if not TAHUN_STATISTIK_AWAL <= tahun <= self.tahun_maks:
                self._catat(
                    "tahun_luar_rentang",
                    nomor,
                    "tahun",
                    sel,
                    tahun=str(tahun),
                    bawah=str(TAHUN_STATISTIK_AWAL),
                    atas=str(self.tahun_maks),
                )
                return None
        elif tahun not in self.tahun_siklus:
            self._catat(
                "tahun_bukan_siklus",
                nomor,
                "tahun",
                sel,
                tahun=str(tahun),
                daftar=", ".join(map(str, self.tahun_siklus)),
            )
            return None
        return tahun

    def wilayah(self, nomor: int, sel: Sel) -> str | None:
        """The region code a cell names (code, BPS code or name), or None after recording why."""
        teks = self._wajib(nomor, "kode_wilayah", sel)
        if teks is None:
            return None
        tingkat = ("kabkota",) if self.jenis != "statistik" else ("kabkota", "provinsi", "nasional", "kecamatan")
        hasil = self.indeks.cari(teks, tingkat)
        if hasil.masalah:
            self._catat(hasil.masalah, nomor, "kode_wilayah", sel, **hasil.isian)
        return hasil.kode

    def indikator_skor(self, nomor: int, sel: Sel, tahun: int | None) -> str | None:
        """The indicator id of a score row, checked against the scheme of its year, or None."""
        teks = self._wajib(nomor, "indikator", sel)
        if teks is None:
            return None
        cocok = re.fullmatch(r"([A-Za-z]+\d+)-(\d{1,2})", teks.strip())
        kode = f"{cocok.group(1).upper()}-{int(cocok.group(2)):02d}" if cocok else teks.strip()
        if tahun is not None:
            skema = self.katalog.skema_untuk_tahun(tahun)
            isian = {
                "skema": skema.kode,
                "tahun": str(tahun),
                "awal": skema.indikator[0].id,
                "akhir": skema.indikator[-1].id,
            }
            if any(i.id == kode for i in skema.indikator):
                return kode
            if kode in self.indikator:
                lain = next(s.kode for s in self.katalog.skema.values() if any(i.id == kode for i in s.indikator))
                self._catat(
                    "indikator_beda_skema", nomor, "indikator", sel, indikator=kode, skema_indikator=lain, **isian
                )
            else:
                self._catat("indikator_tak_dikenal", nomor, "indikator", sel, **isian)
            return None
        if kode in self.indikator:
            return kode
        skema_semua = list(self.katalog.skema.values())
        self._catat(
            "indikator_tak_dikenal",
            nomor,
            "indikator",
            sel,
            skema="/".join(s.kode for s in skema_semua),
            tahun="?",
            awal=skema_semua[0].indikator[0].id,
            akhir=skema_semua[0].indikator[-1].id,
        )
        return None

    def statistik(self, nomor: int, sel: Sel) -> str | None:
        """The catalogue code of a statistic, or None after recording the problem."""
        teks = self._wajib(nomor, "indikator", sel)
        if teks is None:
            return None
        kode = teks.strip().casefold()
        if kode not in self.katalog.statistik:
            self._catat("statistik_tak_dikenal", nomor, "indikator", sel)
            return None
        return kode

    def _angka(self, nomor: int, sel: Sel, boleh_persen: bool) -> float | None:
        try:
            angka, persen = urai_angka(sel)
        except AngkaError as exc:
            self._catat(exc.kode, nomor, "nilai", sel, **exc.isian)
            return None
        if persen and not boleh_persen:
            self._catat("persen_tak_boleh", nomor, "nilai", sel)
            return None
        return angka

    def rentang_nilai(self, kode: str) -> tuple[float, bool]:
        """The upper bound of a value (the lower is 0) and whether a ``%`` sign is allowed.

        A score goes up to its indicator's maximum and never carries ``%``; a percentage statistic
        goes up to 100 (unless the catalogue says it may exceed it) and may carry ``%``; any other
        statistic has no upper bound. The row checks below apply the same rule cell by cell.
        """
        if self.jenis == "skor":
            return self.indikator[kode].nilai_maks, False
        persen = self.katalog.statistik[kode].satuan == "persen"
        atas = 100.0 if persen and not boleh_lebih_100(self.katalog, kode) else math.inf
        return atas, persen

    def teks_opsional(self, sel: Sel | None) -> str | None:
        """An optional text cell (``sumber``, ``catatan``) trimmed, or None."""
        return teks_sel(sel) if sel is not None else None

    def baris_skor(self, nomor: int, sel: dict[str, Sel]) -> dict[str, object] | None:
        tahun = self.tahun(nomor, sel["tahun"])
        kode = self.wilayah(nomor, sel["kode_wilayah"])
        indikator = self.indikator_skor(nomor, sel["indikator"], tahun)
        tahap = self.tahap(nomor, sel["tahap"])
        nilai = self._angka(nomor, sel["nilai"], boleh_persen=False)
        if nilai is not None and nilai < 0:
            self._catat("negatif", nomor, "nilai", sel["nilai"])
            nilai = None
        if nilai is not None and indikator is not None:
            maks = self.indikator[indikator].nilai_maks
            if not 0 <= nilai <= maks:
                self._catat("skor_luar_rentang", nomor, "nilai", sel["nilai"], indikator=indikator, maks=f"{maks:g}")
                nilai = None
        if None in (tahun, kode, indikator, tahap, nilai):
            return None
        return {"tahun": tahun, "kode_wilayah": kode, "indikator": indikator, "tahap": tahap, "nilai": nilai}

    def tahap(self, nomor: int, sel: Sel) -> str | None:
        """The stage of a score row (``mandiri`` … ``final``), or None after recording the problem."""
        tahap_teks = self._wajib(nomor, "tahap", sel)
        tahap = tahap_teks.casefold() if tahap_teks else None
        if tahap is not None and tahap not in TAHAP:
            self._catat("tahap_tak_dikenal", nomor, "tahap", sel)
            return None
        return tahap

    def satuan(self, nomor: int, sel: Sel, statistik: str | None) -> str | None:
        """The catalogue unit when the cell names it (``%`` is ``persen``), else None after recording why."""
        satuan_teks = self._wajib(nomor, "satuan", sel)
        if statistik is None or satuan_teks is None:
            return None
        harus = self.katalog.statistik[statistik].satuan
        normal = "persen" if satuan_teks.strip() == "%" else " ".join(satuan_teks.split()).casefold()
        if normal == harus.casefold():
            return harus
        self._catat("satuan_beda", nomor, "satuan", sel, statistik=statistik, satuan=harus)
        return None

    def predikat(self, nomor: int, sel: Sel) -> str | None:
        """The official predikat spelled as the catalogue does, or None after recording the problem."""
        teks = teks_sel(sel) or ""
        predikat = _PREDIKAT_NORMAL.get(" ".join(teks.split()).casefold())
        if predikat is None:
            self._catat("predikat_tak_dikenal", nomor, "predikat", sel)
        return predikat

    def baris_statistik(self, nomor: int, sel: dict[str, Sel]) -> dict[str, object] | None:
        tahun = self.tahun(nomor, sel["tahun"])
        kode = self.wilayah(nomor, sel["kode_wilayah"])
        statistik = self.statistik(nomor, sel["indikator"])
        satuan = self.satuan(nomor, sel["satuan"], statistik)
        persen = statistik is not None and self.katalog.statistik[statistik].satuan == "persen"
        nilai = self._angka(nomor, sel["nilai"], boleh_persen=persen or statistik is None)
        if nilai is not None and statistik is not None:
            if persen and not boleh_lebih_100(self.katalog, statistik) and not 0 <= nilai <= 100:
                self._catat("persen_luar_rentang", nomor, "nilai", sel["nilai"])
                nilai = None
            elif nilai < 0:
                self._catat("negatif", nomor, "nilai", sel["nilai"])
                nilai = None
        if None in (tahun, kode, statistik, satuan, nilai):
            return None
        return {"tahun": tahun, "kode_wilayah": kode, "statistik": statistik, "nilai": nilai, "satuan": satuan}

    def baris_predikat(self, nomor: int, sel: dict[str, Sel]) -> dict[str, object] | None:
        tahun = self.tahun(nomor, sel["tahun"])
        kode = self.wilayah(nomor, sel["kode_wilayah"])
        predikat = self.predikat(nomor, sel["predikat"])
        if None in (tahun, kode, predikat):
            return None
        return {"tahun": tahun, "kode_wilayah": kode, "predikat": predikat}

    def jalankan(self, posisi: dict[str, int]) -> pd.DataFrame:
        """Check every row; return the valid rows (problems are collected on the instance).

        A CSV is first checked column by column (:func:`~indicators.impor_kolom.periksa_kolom`);
        when that finds anything wrong, the rows are checked one by one, so every problem is
        reported by this one implementation with its row, column and cell.
        """
        hasil = periksa_kolom(self, posisi, self.spek.kolom_nilai, kolom_data(self.jenis))
        data, dilewati = hasil if hasil is not None else self._per_baris(posisi)
        if dilewati:
            self.peringatan.append(
                Masalah(
                    "nilai_kosong_dilewati",
                    self.tabel.berkas,
                    self.tabel.sheet,
                    kolom=self.spek.kolom_nilai,
                    isian={"jumlah": str(len(dilewati)), "daftar": ringkas_baris(dilewati)},
                )
            )
        self._ganda(data)
        if data.empty and not self.masalah:
            self.masalah.append(
                Masalah("tidak_ada_baris", self.tabel.berkas, self.tabel.sheet, isian={"kolom": self.spek.kolom_nilai})
            )
        return data

    def _per_baris(self, posisi: dict[str, int]) -> tuple[pd.DataFrame, list[int]]:
        periksa: dict[Jenis, Callable[[int, dict[str, Sel]], dict[str, object] | None]] = {
            "skor": self.baris_skor,
            "statistik": self.baris_statistik,
            "predikat": self.baris_predikat,
        }
        kosong = Sel(None)
        dilewati: list[int] = []
        baris_sah: list[dict[str, object]] = []
        for nomor, isi in self.tabel.baris:
            sel = {k: isi[j] if j < len(isi) else kosong for k, j in posisi.items()}
            if teks_sel(sel[self.spek.kolom_nilai]) is None:
                dilewati.append(nomor)
                continue
            hasil = periksa[self.jenis](nomor, sel)
            if hasil is not None:
                hasil["sumber"] = self.teks_opsional(sel.get("sumber"))
                hasil["catatan"] = self.teks_opsional(sel.get("catatan"))
                hasil["baris"] = nomor
                baris_sah.append(hasil)
        return pd.DataFrame(baris_sah, columns=kolom_data(self.jenis)), dilewati

    def _ganda(self, data: pd.DataFrame) -> None:
        kunci_kolom = list(self.spek.kunci)
        if not data.duplicated(kunci_kolom).any():
            return  # the usual case, found without a Python loop over 100 000 keys
        pertama: dict[tuple[object, ...], int] = {}
        for kunci, nomor in zip(
            zip(*(data[k] for k in kunci_kolom), strict=True), data["baris"].astype(int), strict=True
        ):
            if kunci in pertama:
                self.masalah.append(
                    Masalah(
                        "kunci_ganda",
                        self.tabel.berkas,
                        self.tabel.sheet,
                        baris=nomor,
                        isian={
                            "kunci": " / ".join(str(k) for k in kunci),
                            "baris_awal": str(pertama[kunci]),
                            "susunan": _SUSUNAN_KUNCI[self.jenis],
                        },
                    )
                )
            else:
                pertama[kunci] = nomor


def _petakan_kolom(tabel: TabelMentah) -> tuple[dict[str, int], list[Masalah], list[Masalah]]:
    """Map canonical column names to positions; report duplicates and unknown columns."""
    posisi: dict[str, int] = {}
    masalah: list[Masalah] = []
    peringatan: list[Masalah] = []
    punya_kode = "kode_wilayah" in tabel.kolom or any(ALIAS_KOLOM.get(k) == "kode_wilayah" for k in tabel.kolom)
    for j, (nama, asli) in enumerate(zip(tabel.kolom, tabel.judul_asli, strict=True)):
        if not nama:
            continue
        kanonik = ALIAS_KOLOM.get(nama, nama)
        if nama == "nama_wilayah" and not punya_kode:
            kanonik = "kode_wilayah"
        elif nama in KOLOM_INFORMASI:
            continue
        if kanonik not in (
            "tahun",
            "kode_wilayah",
            "indikator",
            "tahap",
            "nilai",
            "satuan",
            "predikat",
            "sumber",
            "catatan",
        ):
            peringatan.append(
                Masalah(
                    "kolom_diabaikan",
                    tabel.berkas,
                    tabel.sheet,
                    kolom=asli,
                    isian={"kolom": "tahun, kode_wilayah, indikator, tahap, nilai, satuan, predikat, sumber, catatan"},
                )
            )
            continue
        if kanonik in posisi:
            masalah.append(Masalah("kolom_ganda", tabel.berkas, tabel.sheet, baris=1, kolom=asli))
            continue
        posisi[kanonik] = j
    return posisi, masalah, peringatan


def kolom_data(jenis: Jenis) -> list[str]:
    """Return the columns of :attr:`HasilPeriksa.data` for a kind of import."""
    if jenis == "perlindungan":
        return list(perlindungan.KOLOM_DATA)
    spek = SPEK[jenis]
    tambahan = ["satuan"] if jenis == "statistik" else []
    return [*spek.kunci, spek.kolom_nilai, *tambahan, "sumber", "catatan", "baris"]


def _kosongan(jenis: Jenis | None) -> pd.DataFrame:
    return pd.DataFrame() if jenis is None else pd.DataFrame(columns=kolom_data(jenis))


def _periksa(
    data: bytes,
    berkas: str,
    katalog: Katalog,
    wilayah: pd.DataFrame,
    jenis: Jenis | None,
    sha: str,
    batas: BatasUnggah | None,
) -> HasilPeriksa:
    if jenis == "perlindungan" or (jenis is None and perlindungan.tampak_templat(data)):
        return _periksa_perlindungan(data, berkas, wilayah, sha, batas)
    tabel, masalah = baca_tabel(data, berkas, batas)
    if tabel is None:
        return HasilPeriksa(berkas, sha, jenis, None, _kosongan(jenis), masalah)
    if jenis is None and perlindungan.tampak_kolom(tabel.kolom):
        return _periksa_perlindungan(data, berkas, wilayah, sha, batas)
    # No personal data, in any kind of file: refused whole, and only these findings are reported
    # (another problem could quote a flagged cell).
    pribadi = cari_data_pribadi([tabel])
    if pribadi:
        return HasilPeriksa(berkas, sha, jenis, tabel.sheet, _kosongan(jenis), pribadi)
    posisi, masalah_kolom, peringatan = _petakan_kolom(tabel)
    masalah += masalah_kolom
    if jenis is None:
        contoh: list[str] = []
        if "indikator" in posisi:
            contoh = [teks_sel(isi[posisi["indikator"]]) or "" for _, isi in tabel.baris_awal(50)]
        jenis = deteksi_jenis(set(posisi), [c for c in contoh if c])
        if jenis is None:
            masalah.append(Masalah("jenis_tak_terdeteksi", berkas, tabel.sheet, baris=1))
            return HasilPeriksa(berkas, sha, None, tabel.sheet, _kosongan(None), masalah, peringatan)
    spek = SPEK[jenis]
    for kolom in spek.wajib:
        if kolom not in posisi:
            masalah.append(
                Masalah(
                    "kolom_wajib_hilang",
                    berkas,
                    tabel.sheet,
                    baris=1,
                    kolom=kolom,
                    isian={"jenis": jenis, "kolom": ", ".join(spek.wajib)},
                )
            )
    if masalah:
        return HasilPeriksa(berkas, sha, jenis, tabel.sheet, _kosongan(jenis), masalah, peringatan)
    pemeriksa = _Pemeriksa(tabel, jenis, katalog, IndeksWilayah(wilayah))
    hasil = pemeriksa.jalankan({k: j for k, j in posisi.items() if k in (*spek.wajib, *spek.opsional)})
    return HasilPeriksa(
        berkas,
        sha,
        jenis,
        tabel.sheet,
        hasil,
        pemeriksa.masalah,
        peringatan + pemeriksa.peringatan,
    )


def _periksa_perlindungan(
    data: bytes, berkas: str, wilayah: pd.DataFrame, sha: str, batas: BatasUnggah | None
) -> HasilPeriksa:
    """A child-protection file (:func:`indicators.impor.perlindungan.periksa_perlindungan`) as a checked file.

    An unexpected failure is named by its type only: its message could quote a cell, and such a
    file may hold personal data.
    """
    try:
        hasil = perlindungan.periksa_perlindungan(data, berkas, wilayah, batas=batas)
    except Exception as exc:
        masalah = Masalah("galat_tak_terduga", berkas, isian={"rincian": type(exc).__name__})
        return HasilPeriksa(berkas, sha, "perlindungan", None, _kosongan("perlindungan"), [masalah])
    return HasilPeriksa(berkas, sha, "perlindungan", hasil.sheet, hasil.data, hasil.masalah, hasil.peringatan)


def periksa_berkas(
    data: bytes,
    berkas: str,
    katalog: Katalog,
    wilayah: pd.DataFrame,
    jenis: Jenis | None = None,
    *,
    batas: BatasUnggah | None = None,
) -> HasilPeriksa:
    """Read and check an import file, collecting every problem at once.

    Args:
        data: the file's bytes (XLSX or CSV; told apart by content).
        berkas: the file name shown in messages.
        katalog: the indicator catalogue (schemes, cycles, statistics).
        wilayah: the regions (``kode_wilayah, nama, nama_singkat, tingkat[, kode_bps]``).
        jenis: ``skor``, ``statistik``, ``predikat`` or ``perlindungan``; detected from the
            columns (and, for a workbook, from its sheet names) when None.
        batas: upload limits (size, rows, macros, external links, zip bombs); default
            :func:`~indicators.impor_baca.batas_bawaan` (from the environment).

    Never raises: an unexpected failure becomes a ``galat_tak_terduga`` problem.
    """
    sha = hashlib.sha256(data).hexdigest()
    try:
        return _periksa(data, berkas, katalog, wilayah, jenis, sha, batas)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, KatalogError, OverflowError) as exc:
        masalah = Masalah("galat_tak_terduga", berkas, isian={"rincian": f"{type(exc).__name__}: {exc}"[:200]})
        return HasilPeriksa(berkas, sha, jenis, None, _kosongan(jenis), [masalah])
    except Exception as exc:
        masalah = Masalah("galat_tak_terduga", berkas, isian={"rincian": type(exc).__name__})
        return HasilPeriksa(berkas, sha, jenis, None, _kosongan(jenis), [masalah])


def sama_angka(a: float, b: float) -> bool:
    """Whether two stored numbers are the same value (float noise ignored)."""
    return math.isclose(a, b, rel_tol=0.0, abs_tol=1e-9)
