"""The offline bundle on disk: pages present, relative links resolve, nothing fetched from the web,
data text escaped, synthetic label and sources present, plus its data exports."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import duckdb
import openpyxl  # type: ignore[import-untyped]
import pandas as pd
import pytest

from indicators.analisis import layanan
from indicators.ekspor import situs as ekspor_situs
from indicators.katalog.model import katalog_bawaan

TANGGAL = dt.date(2025, 8, 8)


class _Tautan(HTMLParser):
    """Collects every href/src with its tag, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.rujukan: list[tuple[str, str, str]] = []
        self.skrip: list[str] = []
        self._di_skrip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for nama, nilai in attrs:
            if nama in {"href", "src"} and nilai is not None:
                self.rujukan.append((tag, nama, nilai))
        self._di_skrip = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._di_skrip = False

    def handle_data(self, data: str) -> None:
        if self._di_skrip:
            self.skrip.append(data)


def _baca(path: Path) -> _Tautan:
    p = _Tautan()
    p.feed(path.read_text(encoding="utf-8"))
    return p


@pytest.fixture(scope="module")
def situs(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    mulai = time.perf_counter()
    index = ekspor_situs.tulis_situs(db_bawaan, "33", 2025, tmp_path_factory.mktemp("situs") / "kla", tanggal=TANGGAL)
    return index, time.perf_counter() - mulai


def test_halaman_lengkap(situs: tuple[Path, float]):
    index, detik = situs
    akar = index.parent
    assert index.name == "index.html"
    assert (akar / "peta.html").is_file()
    assert (akar / "sumber.html").is_file()
    profil = sorted((akar / "profil").glob("*.html"))
    assert len(profil) == 35
    assert (akar / "profil" / "33-74-kota-semarang.html") in profil
    assert (akar / "aset" / "plotly.min.js").stat().st_size > 1_000_000
    assert (akar / "aset" / "world_110m.js").read_text(encoding="utf-8").startswith("window.PlotlyGeoAssets")
    besar = sum(f.stat().st_size for f in akar.rglob("*") if f.is_file())
    jumlah = sum(1 for f in akar.rglob("*") if f.is_file())
    print(f"bundle: {besar / 1e6:.1f} MB, {jumlah} berkas, {detik:.1f} s")
    assert jumlah == 35 + 3 + 4 + 2  # pages, assets, data files
    assert detik < 60


def test_tautan_relatif_dan_tanpa_jaringan(situs: tuple[Path, float]):
    akar = situs[0].parent
    halaman = list(akar.rglob("*.html"))
    for berkas in halaman:
        p = _baca(berkas)
        assert p.rujukan, berkas
        for tag, atribut, nilai in p.rujukan:
            url = urlparse(nilai)
            if url.scheme in {"http", "https"}:
                # Only source citations may point to the web, as plain links a reader chooses to follow.
                assert (tag, atribut) == ("a", "href"), (berkas.name, tag, nilai)
                assert berkas.name == "sumber.html", (berkas.name, nilai)
                continue
            assert not url.scheme, (berkas.name, nilai)
            assert not url.netloc, (berkas.name, nilai)
            assert not nilai.startswith("/"), (berkas.name, nilai)
            tujuan = (berkas.parent / unquote(url.path)).resolve()
            assert tujuan.is_file(), (berkas.name, nilai)
            assert akar.resolve() in tujuan.parents, (berkas.name, nilai)
        teks = berkas.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", teks.replace('<a href="http', "")), berkas
        assert "cdn.plot.ly" not in teks
        assert "fonts.googleapis" not in teks
        assert "@import" not in teks
    css = (akar / "aset" / "gaya.css").read_text(encoding="utf-8")
    assert "url(" not in css
    assert "@import" not in css
    # plotly.js is plotly's own bundled copy, referenced relatively on every page
    assert all('src="' in f.read_text(encoding="utf-8") and "aset/plotly.min.js" in f.read_text() for f in halaman)


def test_isi_halaman(situs: tuple[Path, float], db_bawaan: Path):
    akar = situs[0].parent
    index = (akar / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in index
    assert "data contoh (sintetis)" in index
    assert "8 Agustus 2025" in index
    assert "Ringkasan predikat KLA Jawa Tengah 2025" in index
    # the ranking comes from layanan.tabel_skor, not recomputed
    skor = layanan.tabel_skor(db_bawaan, katalog_bawaan(), tahun=2025, kode_provinsi="33")
    pertama = skor.sort_values("peringkat_provinsi").iloc[0]
    assert pertama["nama"] in index
    assert f"{pertama['total']:.2f}".replace(".", ",") in index
    assert "Perubahan predikat resmi sejak 2023" in index
    peta = (akar / "peta.html").read_text(encoding="utf-8")
    assert '"type":"choropleth"' in peta
    assert '"FeatureCollection"' in peta
    assert peta.count('"type":"Feature"') == 35
    assert "cahyadsn" in peta  # boundary attribution
    sumber = (akar / "sumber.html").read_text(encoding="utf-8")
    assert "MIT" in sumber
    assert "sintetis-skor-v1" not in sumber
    assert "Data contoh sintetis Dasbor KLA" in sumber
    profil = (akar / "profil" / "33-74-kota-semarang.html").read_text(encoding="utf-8")
    assert "Kota Semarang: profil KLA 2025" in profil
    assert "data contoh (sintetis)" in profil
    assert "KLA24-" not in profil or "Tabel indikator" in profil
    assert profil.count("<tr>") >= 24 + 7 + 1


def test_teks_data_di_escape(db_bawaan: Path, tmp_path: Path):
    db = tmp_path / "kla.duckdb"
    shutil.copy(db_bawaan, db)
    jahat = '<script>alert("x")</script> & Co'
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE wilayah SET nama = ? WHERE kode_wilayah = '33.01'", [jahat])
    index = ekspor_situs.tulis_situs(db, "33", 2025, tmp_path / "situs", tanggal=TANGGAL)
    for berkas in [index, index.parent / "peta.html", *index.parent.glob("profil/33-01-*.html")]:
        teks = berkas.read_text(encoding="utf-8")
        assert jahat not in teks, berkas.name
        assert "<script>alert" not in teks, berkas.name
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in index.read_text(encoding="utf-8")
    assert len(list(index.parent.glob("profil/33-01-script-alert-x-script-co.html"))) == 1


def test_data_ekspor_dalam_bundel(situs: tuple[Path, float]):
    data = situs[0].parent / "data"
    csv = data / "kla_skor_jawa-tengah_2025_final.csv"
    xlsx = data / "kla_skor_jawa-tengah_2025_final.xlsx"
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(pd.read_csv(io.BytesIO(csv.read_bytes()), encoding="utf-8-sig")) == 35
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["Data", "Metadata"]


def test_pilihan_tanpa_data(db_bawaan: Path, tmp_path: Path):
    with pytest.raises(layanan.PilihanError, match=r"tersedia: .*2025"):
        ekspor_situs.tulis_situs(db_bawaan, "33", 2020, tmp_path)
    with pytest.raises(layanan.PilihanError, match="tidak dikenal"):
        ekspor_situs.tulis_situs(db_bawaan, "99", 2025, tmp_path)


def test_nama_profil():
    assert ekspor_situs.nama_profil("33.74", "Kota Semarang") == "33-74-kota-semarang.html"


def test_cli_export_site(db_bawaan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from indicators.cli import utama

    keluar = tmp_path / "usb"
    args = ["export", "site", "--provinsi", "33", "--tahun", "2025", "--out", str(keluar), "--db", str(db_bawaan)]
    assert utama.main([*args, "--bahasa", "en"]) == 0
    assert (keluar / "index.html").is_file()
    assert len(list((keluar / "profil").glob("*.html"))) == 35
    assert '<html lang="en">' in (keluar / "index.html").read_text(encoding="utf-8")
    assert str(keluar / "index.html") in capsys.readouterr().out
    salah = [
        "export",
        "site",
        "--provinsi",
        "33",
        "--tahun",
        "2020",
        "--out",
        str(tmp_path / "x"),
        "--db",
        str(db_bawaan),
    ]
    assert utama.main(salah) == 2
    galat = capsys.readouterr().err
    assert "Tahun 2020" in galat
    assert "2025" in galat
    assert "Traceback" not in galat
