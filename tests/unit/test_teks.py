"""The one bilingual text catalogue: complete, consistent, and every key the code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indicators.lokasi import PROYEK
from indicators.teks import TeksError, katalog_teks, penerjemah, t

# A lookup with a literal key: t("kunci", ...), teks("kunci", ...) (a language-bound t).
_PANGGILAN = re.compile(r"\b(?:t|teks)\(\s*\"([a-z][a-z_0-9]*)\"")


def _kode() -> list[Path]:
    folder = ("indicators", "ui", "halaman", "benchmarks")
    return [PROYEK / "app.py", *(p for f in folder for p in (PROYEK / f).rglob("*.py"))]


def test_setiap_kunci_yang_dipanggil_ada_di_katalog():
    katalog = katalog_teks()
    hilang = {
        (str(p.relative_to(PROYEK)), kunci)
        for p in _kode()
        for kunci in _PANGGILAN.findall(p.read_text(encoding="utf-8"))
        if kunci not in katalog
    }
    assert not hilang


def test_tidak_ada_kamus_teks_lain_di_kode():
    # Text pairs live in indicators/teks/*.yaml only: no module keeps its own (id, en) dictionary.
    pola = re.compile(r"^_?(TEKS|LABEL)\w*\s*:\s*dict\[str, tuple\[str, str\]\]", re.M)
    pelanggar = [str(p.relative_to(PROYEK)) for p in _kode() if pola.search(p.read_text(encoding="utf-8"))]
    assert not pelanggar


def test_isian_dan_bahasa():
    assert t("ringkasan_judul", "id", provinsi="Jawa Tengah", tahun=2025) == "Ringkasan predikat KLA Jawa Tengah 2025"
    assert t("ringkasan_judul", "en", provinsi="Jawa Tengah", tahun=2025) == "KLA predikat overview, Jawa Tengah 2025"
    assert penerjemah("en")("hal_peta") == "Maps"


def _tulis(folder: Path, nama: str, isi: str) -> None:
    (folder / nama).write_text(isi, encoding="utf-8")


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ("a:\n  id: Satu\n", "tepat 'id' dan 'en'"),
        ("a:\n  id: Satu\n  en: ''\n", "teks kosong"),
        ("a:\n  id: Satu {n}\n  en: One\n", "isian berbeda"),
    ],
)
def test_katalog_rusak_ditolak_saat_dimuat(tmp_path: Path, isi: str, pesan: str):
    _tulis(tmp_path, "a.yaml", isi)
    with pytest.raises(TeksError, match=pesan):
        katalog_teks.__wrapped__(tmp_path)


def test_kunci_di_dua_berkas_ditolak(tmp_path: Path):
    _tulis(tmp_path, "a.yaml", "k:\n  id: Satu\n  en: One\n")
    _tulis(tmp_path, "b.yaml", "k:\n  id: Dua\n  en: Two\n")
    with pytest.raises(TeksError, match=r"a\.yaml dan b\.yaml"):
        katalog_teks.__wrapped__(tmp_path)


def test_kunci_dua_kali_di_satu_berkas_ditolak(tmp_path: Path):
    """yaml.safe_load would keep the second silently; the catalogue names the file, line and key."""
    _tulis(tmp_path, "a.yaml", "k:\n  id: Satu\n  en: One\nj:\n  id: J\n  en: J\nk:\n  id: Dua\n  en: Two\n")
    with pytest.raises(TeksError, match=r"a\.yaml: baris 1: kunci ditulis dua kali: k"):
        katalog_teks.__wrapped__(tmp_path)
