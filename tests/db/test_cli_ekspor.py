"""``kla export``: chart, pack and site dispatch through the real ``kla`` entry point (in process)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from pptx import Presentation

from indicators.cli import utama
from indicators.ekspor import gambar, situs


def _kla(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    kode = utama.main(list(argv))
    keluaran = capsys.readouterr()
    return kode, keluaran.out, keluaran.err


def test_chart_peta_png_ke_folder(db_bawaan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kode, out, err = _kla(
        capsys, "export", "chart", "--jenis", "peta", "--provinsi", "33", "--tahun", "2025",
        "--out", str(tmp_path), "--db", str(db_bawaan),
    )  # fmt: skip
    assert kode == 0, err
    berkas = tmp_path / "kla_peta_predikat_jawa-tengah_2025.png"
    assert str(berkas) in out
    assert Image.open(berkas).size == (2400, 1600)


def test_chart_batang_svg_bahasa_inggris(db_bawaan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tujuan = tmp_path / "batang.svg"
    kode, _, err = _kla(
        capsys, "export", "chart", "--jenis", "batang", "--provinsi", "33", "--tahun", "2023", "--bahasa", "en",
        "--out", str(tujuan), "--db", str(db_bawaan),
    )  # fmt: skip
    assert kode == 0, err
    teks = "".join(ET.parse(tujuan).getroot().itertext())
    # The counts chart every surface shares: official 2023 recap, its coverage in the title.
    assert "Kab/kota per predikat, Jawa Tengah 2023 (official recap; 25 of 35 kab/kota known by name)" in teks
    assert "Official count" in teks
    assert "Known by name" in teks
    assert "Source:" in teks


def test_chart_format_tak_dikenal(db_bawaan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kode, _, err = _kla(
        capsys, "export", "chart", "--jenis", "peta", "--provinsi", "33", "--tahun", "2025",
        "--out", str(tmp_path / "peta.gif"), "--db", str(db_bawaan),
    )  # fmt: skip
    assert kode == 2
    assert err.count("\n") == 1
    assert "'.gif' tidak dikenal; tersedia: png, svg, pdf" in err


def test_pack_wilayah_bahasa_inggris(db_bawaan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kode, out, err = _kla(
        capsys, "export", "pack", "--wilayah", "33.72", "--tahun", "2023", "--tahap", "final", "--bahasa", "en",
        "--out", str(tmp_path), "--db", str(db_bawaan),
    )  # fmt: skip
    assert kode == 0, err
    pdf = tmp_path / "kla_paket_kota-surakarta_2023_final_en.pdf"
    pptx = tmp_path / "kla_paket_kota-surakarta_2023_final_en.pptx"
    assert str(pdf) in out
    assert str(pptx) in out
    teks = "\n".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    assert "KLA evaluation report" in teks
    assert "Kota Surakarta" in teks
    assert "synthetic example data" in teks
    assert "Official predikat 2023" in " ".join(teks.split())
    prs = Presentation(io.BytesIO(pptx.read_bytes()))
    assert all(s.shapes.title is not None and s.shapes.title.text for s in prs.slides)
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(
    ("argv", "pesan"),
    [
        (
            ("--wilayah", "33.99", "--tahun", "2025"),
            "'33.99' tidak dikenal; yang punya skor tahun 2025: 33.01",
        ),
        (("--wilayah", "33.14", "--tahun", "2024"), "Tahun 2024 tidak punya skor; tersedia: 2017, 2018, 2019"),
        (
            ("--provinsi", "35", "--tahun", "2025"),
            "'35' tidak punya skor tahun 2025; tersedia: 33 (Jawa Tengah)",
        ),
    ],
)
def test_pack_pilihan_tak_ada(
    db_bawaan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], pesan: str
) -> None:
    kode, _, err = _kla(capsys, "export", "pack", *argv, "--out", str(tmp_path), "--db", str(db_bawaan))
    assert kode == 2
    assert err.startswith("Galat (error): ")
    assert pesan in err
    assert err.count("\n") == 1
    assert not list(tmp_path.iterdir())


def test_tanpa_chromium_satu_baris(
    db_bawaan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/tidak/ada/chromium")
    kode, _, err = _kla(
        capsys, "export", "chart", "--jenis", "peta", "--provinsi", "33", "--tahun", "2025",
        "--out", str(tmp_path), "--db", str(db_bawaan),
    )  # fmt: skip
    assert kode == 1
    assert err == f"Galat (error): {gambar.PESAN_CHROMIUM}\n"
    assert not list(tmp_path.iterdir())


def test_site_diteruskan_ke_ekspor_situs(
    db_bawaan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    panggilan: list[tuple[object, ...]] = []

    def tulis_situs(db_path: Path, kode_provinsi: str, tahun: int, out_dir: Path, bahasa: str) -> Path:
        panggilan.append((db_path, kode_provinsi, tahun, out_dir, bahasa))
        return out_dir / "index.html"

    monkeypatch.setattr(situs, "tulis_situs", tulis_situs)
    kode, out, err = _kla(
        capsys, "export", "site", "--provinsi", "33", "--tahun", "2025", "--bahasa", "en",
        "--out", str(tmp_path), "--db", str(db_bawaan),
    )  # fmt: skip
    assert kode == 0, err
    assert panggilan == [(db_bawaan, "33", 2025, tmp_path, "en")]
    assert str(tmp_path / "index.html") in out


def test_database_tidak_ada(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kode, _, err = _kla(
        capsys, "export", "pack", "--provinsi", "33", "--tahun", "2025", "--out", str(tmp_path),
        "--db", str(tmp_path / "tidak_ada.duckdb"),
    )  # fmt: skip
    assert kode == 2
    assert "kla db build" in err
