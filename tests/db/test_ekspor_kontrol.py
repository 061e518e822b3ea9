"""Control characters in user text never stop an export, and a multi-file export is written whole.

A vertical tab (Word's manual line break) pasted into an imported source or a region name used to
make openpyxl refuse the cell: the table XLSX buttons did nothing and ``kla export site`` printed a
traceback over a half-written folder; plotly.js (kaleido's "Error 525") and python-pptx refused it
too, so figure downloads and the evaluation pack failed. Here the text is dirtied in a copied
database and every export must still succeed, with files openpyxl (python-pptx, pypdf) reads back;
and a site export that fails midway must leave the previous folder as it was, with no temporary
folder behind.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import numpy as np
import openpyxl  # type: ignore[import-untyped]
import pandas as pd
import plotly.graph_objects as go
import pypdf
import pytest
import streamlit as st
from pptx import Presentation

from indicators.cli import utama
from indicators.ekspor import gambar, situs as ekspor_situs, tabel as et
from indicators.ekspor.bersih import tanpa_kontrol
from ui import cache
from ui.unduh import tabel as unduh_tabel

_TAK_TERTAMPUNG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
NAMA_KOTOR = "Kota\x0bSemarang\x01"
SITASI_KOTOR = "\x0bbaris kedua\x0c\x02"


@pytest.fixture
def db_kotor(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the database with control characters in every source citation and one region name."""
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE sumber SET sitasi = sitasi || ?", [SITASI_KOTOR])
        con.execute("UPDATE wilayah SET nama = ? WHERE kode_wilayah = '33.74'", [NAMA_KOTOR])
    monkeypatch.setenv("KLA_DB", str(db))
    st.cache_data.clear()
    yield db
    st.cache_data.clear()


def _sel_xlsx(isi: bytes) -> list[str]:
    """Every text cell of every sheet of an XLSX (it must open with openpyxl)."""
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    return [str(c) for ws in wb.worksheets for r in ws.iter_rows(values_only=True) for c in r if isinstance(c, str)]


def test_tabel_xlsx_dan_csv_dengan_karakter_kontrol(db_kotor: Path):
    kabkota = cache.ringkasan_kabkota(db_kotor, "33", 2025)
    assert NAMA_KOTOR in kabkota["nama"].tolist()
    data = pd.DataFrame({"nama": [NAMA_KOTOR, "=1+1;\x0b", "a" * 40_000], "nilai": [1.5, -2.0, 0.0]})
    meta = et.MetaEkspor(judul=f"Uji {NAMA_KOTOR}", deskripsi=SITASI_KOTOR, sumber=cache.sumber(db_kotor))
    sel = _sel_xlsx(et.tulis_xlsx(data, meta))
    assert "Kota\nSemarang" in sel
    assert "=1+1;\n" in sel
    assert max(len(s) for s in sel) == et.PANJANG_SEL_MAKS
    assert not [s for s in sel if _TAK_TERTAMPUNG.search(s)]
    teks_csv = et.tulis_csv(data, meta).decode("utf-8-sig")
    assert not _TAK_TERTAMPUNG.search(teks_csv)
    assert pd.read_csv(io.StringIO(teks_csv))["nama"].tolist()[0] == "Kota\nSemarang"


@pytest.mark.parametrize("jenis", ["csv", "xlsx"])
def test_tombol_ringkasan_dan_sumber_dengan_karakter_kontrol(db_kotor: Path, jenis: str):
    # The bytes the Ringkasan table's and the Metodologi sources table's buttons hand out.
    kabkota = cache.ringkasan_kabkota(db_kotor, "33", 2025)
    ringkasan = unduh_tabel.isi_berkas(kabkota, jenis, "Ringkasan", "id")
    sumber = unduh_tabel.isi_berkas(cache.sumber(db_kotor), jenis, "Sumber", "id", sintetis=False)
    if jenis == "xlsx":
        sel = _sel_xlsx(ringkasan) + _sel_xlsx(sumber)
        assert "Kota\nSemarang" in sel
        assert any(s.endswith("\nbaris kedua\n") for s in sel)
        assert not [s for s in sel if _TAK_TERTAMPUNG.search(s)]
    else:
        assert "Kota\nSemarang" in ringkasan.decode("utf-8-sig")
        assert "\nbaris kedua\n" in sumber.decode("utf-8-sig")


def _sidik(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def _argumen(db: Path, keluar: Path, bahasa: str) -> list[str]:
    pilihan = ["--provinsi", "33", "--tahun", "2025", "--bahasa", bahasa]
    return ["export", "site", *pilihan, "--out", str(keluar), "--db", str(db)]


def test_kla_export_site_dengan_karakter_kontrol(db_kotor: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    keluar = tmp_path / "usb" / "kla"
    assert utama.main(_argumen(db_kotor, keluar, "id")) == 0, capsys.readouterr().err
    sel = _sel_xlsx((keluar / "data" / "kla_skor_jawa-tengah_2025_final.xlsx").read_bytes())
    assert "Kota\nSemarang" in sel
    assert not [s for s in sel if _TAK_TERTAMPUNG.search(s)]
    assert (keluar / "profil" / "33-74-kota-semarang.html").is_file()
    for halaman in keluar.rglob("*.html"):
        assert not _TAK_TERTAMPUNG.search(halaman.read_text(encoding="utf-8")), halaman.name
    assert "Kota\nSemarang" in (keluar / "profil" / "33-74-kota-semarang.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in keluar.parent.iterdir()) == ["kla"]


def test_situs_gagal_di_tengah_folder_lama_utuh(
    db_bawaan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    keluar = tmp_path / "usb" / "kla"
    assert utama.main(_argumen(db_bawaan, keluar, "en")) == 0
    sebelum = _sidik(keluar)
    capsys.readouterr()

    asli = ekspor_situs.halaman_profil
    dipanggil = []

    def gagal_di_tengah(*args: object, **kwargs: object) -> str:
        dipanggil.append(1)
        if len(dipanggil) > 3:
            raise RuntimeError("halaman rusak")
        return asli(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ekspor_situs, "halaman_profil", gagal_di_tengah)
    assert utama.main(_argumen(db_bawaan, keluar, "id")) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith(
        "Galat tak terduga (unexpected error): RuntimeError: halaman rusak; folder tujuan tidak berubah"
    )
    assert len(err.strip().splitlines()) == 1
    assert _sidik(keluar) == sebelum  # the English bundle, byte for byte
    assert sorted(p.name for p in keluar.parent.iterdir()) == ["kla"]  # no temporary folder left

    monkeypatch.setattr(ekspor_situs, "halaman_profil", asli)
    assert utama.main(_argumen(db_bawaan, keluar, "id")) == 0
    assert '<html lang="id">' in (keluar / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in keluar.parent.iterdir()) == ["kla"]
    assert set(_sidik(keluar)) == set(sebelum)  # the same files, none left over from the old bundle


def test_situs_tidak_mengganti_folder_berisi_lain(db_bawaan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    keluar = tmp_path / "dokumen"
    keluar.mkdir()
    (keluar / "catatan.txt").write_text("jangan dihapus", encoding="utf-8")
    assert utama.main(_argumen(db_bawaan, keluar, "id")) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Galat (error): Folder {keluar} berisi berkas lain (catatan.txt)")
    assert "(Folder " in err  # English after the Indonesian
    assert sorted(p.name for p in keluar.iterdir()) == ["catatan.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dokumen"]
    berkas = tmp_path / "berkas.html"
    berkas.write_text("x", encoding="utf-8")
    assert utama.main(_argumen(db_bawaan, berkas, "id")) == 2
    assert "bukan folder" in capsys.readouterr().err
    assert berkas.read_text(encoding="utf-8") == "x"


def test_tanpa_kontrol_menyusuri_isi():
    @dataclasses.dataclass(frozen=True)
    class Isi:
        judul: str
        baris: list[tuple[str, float]]
        png: bytes

    asal = Isi("a\x0bb", [("c\x01", 1.5)], b"\x0b")
    bersih = tanpa_kontrol({"isi": asal, "teks": np.array(["d\x0c", None], dtype=object), "angka": np.arange(3)})
    assert bersih["isi"] == Isi("a\nb", [("c", 1.5)], b"\x0b")  # bytes are not text
    assert asal.judul == "a\x0bb"  # a copy
    assert bersih["teks"] == ["d\n", None]
    assert isinstance(bersih["angka"], np.ndarray)


def test_gambar_dan_paket_dengan_karakter_kontrol(db_kotor: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    # plotly.js refused a figure holding a control character (kaleido "Error 525") and python-pptx
    # the deck's title: the Profil pack of a region whose name holds one failed whole.
    fig = go.Figure(go.Bar(x=[NAMA_KOTOR], y=[1]), layout={"title": {"text": NAMA_KOTOR}})
    assert gambar.ke_bytes(fig, "png").startswith(b"\x89PNG")
    keluar = tmp_path / "paket"
    argumen = ["export", "pack", "--wilayah", "33.74", "--tahun", "2025", "--out", str(keluar), "--db", str(db_kotor)]
    assert utama.main(argumen) == 0, capsys.readouterr().err
    pptx = next(keluar.glob("*.pptx"))
    assert Presentation(str(pptx)).core_properties.title.endswith("Kota\nSemarang")
    pdf = pypdf.PdfReader(next(keluar.glob("*.pdf")))
    assert "Kota Semarang" in pdf.pages[0].extract_text()
    assert sorted(p.suffix for p in keluar.iterdir()) == [".pdf", ".pptx"]
