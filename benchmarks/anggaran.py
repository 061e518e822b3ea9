"""The budgets of ``kla bench`` at national scale on the project's 2-core machine, and their check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Arah = Literal["maks", "min"]


@dataclass(frozen=True)
class Anggaran:
    """One budget: the measured key, its limit and unit, and what it means."""

    kunci: str
    batas: float
    satuan: str
    keterangan: str


ANGGARAN: tuple[Anggaran, ...] = (
    Anggaran("halaman_hangat_ms", 150, "ms", "rerun halaman hangat, median (warm page rerun)"),
    Anggaran("rasio_hangat_lantai", 2.0, "×", "hangat ÷ (lantai kerangka + lantai data) (warm ÷ floors)"),
    Anggaran("halaman_dingin_ms", 1500, "ms", "halaman dingin, median (cold page)"),
    Anggaran("peta_nasional_kb", 1024, "KB", "JSON figur peta nasional (national map figure)"),
    Anggaran("peta_jawa_tengah_kb", 150, "KB", "JSON figur peta Jawa Tengah (Jawa Tengah map figure)"),
    Anggaran("skor_nasional_ms", 100, "ms", "skor 514 kab/kota satu siklus (scoring 514 kab/kota)"),
    Anggaran("ekspor_peta_s", 1.5, "s", "ekspor satu peta, hangat (single map export, warm)"),
    Anggaran("paket_evaluasi_s", 15, "s", "paket evaluasi PDF + PPTX (evaluation pack)"),
    Anggaran("impor_csv_100k_s", 3, "s", "impor 100.000 baris statistik CSV"),
    Anggaran("impor_xlsx_100k_s", 4, "s", "impor 100.000 baris statistik XLSX"),
    Anggaran("memori_server_mb", 1024, "MB", "memori puncak server dengan database nasional (peak RSS)"),
)


@dataclass(frozen=True)
class HasilAnggaran:
    """A budget against its measured value (None: not measured in this run, and why)."""

    anggaran: Anggaran
    nilai: float | None
    alasan: str = ""

    @property
    def lolos(self) -> bool | None:
        """True within budget, False over it, None when not measured."""
        return None if self.nilai is None else self.nilai <= self.anggaran.batas


def periksa_anggaran(ukuran: dict[str, float | None], alasan: dict[str, str]) -> list[HasilAnggaran]:
    """Compare measured values (by budget key) with every budget."""
    return [HasilAnggaran(a, ukuran.get(a.kunci), alasan.get(a.kunci, "")) for a in ANGGARAN]
