"""The offline bundle on disk: pages present, relative links resolve, nothing fetched from the web,
data text escaped by the templates' autoescape, synthetic label and sources present, the charts drawn
by the shared figure builders, plus its data exports. (How long a bundle takes is the benchmark's
business, not a test's.)"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import duckdb
import openpyxl  # type: ignore[import-untyped]
import pandas as pd
import plotly.graph_objects as go
import pytest

from indicators.analisis import layanan, profil
from indicators.analisis.skor import ruang_indikator
from indicators.ekspor import data as ekspor_data, situs as ekspor_situs
from indicators.grafik import predikat as grafik_predikat, profil as grafik_profil
from indicators.katalog.model import katalog_bawaan
from indicators.teks import katalog_teks, penerjemah

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
def situs(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ekspor_situs.tulis_situs(db_bawaan, "33", 2025, tmp_path_factory.mktemp("situs") / "kla", tanggal=TANGGAL)


def test_halaman_lengkap(situs: Path):
    index = situs
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
    print(f"bundle: {besar / 1e6:.1f} MB, {jumlah} berkas")
    assert jumlah == 35 + 4 + 4 + 2  # pages (profiles; overview, map, Perlindungan Anak, sources), assets, data files


def test_tautan_relatif_dan_tanpa_jaringan(situs: Path):
    akar = situs.parent
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


def test_isi_halaman(situs: Path, db_bawaan: Path):
    akar = situs.parent
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
    # the header links name the pages as their titles do (the browser test clicks "Sumber & atribusi")
    assert (
        '<a href="peta.html">Peta</a> <a href="perlindungan.html">Perlindungan Anak</a> '
        '<a href="sumber.html">Sumber &amp; atribusi</a></nav>'
    ) in index
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
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in index.read_text(encoding="utf-8")
    assert len(list(index.parent.glob("profil/33-01-script-alert-x-script-co.html"))) == 1


def test_sitasi_sumber_di_escape(db_bawaan: Path, tmp_path: Path):
    # A source citation and its web address come from data: the sources page escapes both, and the
    # address stays one attribute (a quote cannot end it early).
    db = tmp_path / "kla.duckdb"
    shutil.copy(db_bawaan, db)
    sitasi = "Data <script>alert(1)</script> & Co"
    url = 'https://contoh.example/a?b=1&c="2"'
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE sumber SET sitasi = ?, url = ? WHERE sumber_id = 'sintetis-skor-v1'", [sitasi, url])
    index = ekspor_situs.tulis_situs(db, "33", 2025, tmp_path / "situs", tanggal=TANGGAL)
    teks = (index.parent / "sumber.html").read_text(encoding="utf-8")
    assert "<script>alert" not in teks
    assert "Data &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in teks
    assert '<a href="https://contoh.example/a?b=1&amp;c=&#34;2&#34;" rel="noreferrer">' in teks
    assert [n for t, a, n in _baca(index.parent / "sumber.html").rujukan if n.startswith("https://contoh")] == [url]


def test_json_dalam_skrip_aman():
    # The json_skrip filter: nothing in the value can end the <script> element or open a comment,
    # and JavaScript (like json.loads) reads the same value back.
    nilai = {"nama": "</script><!-- <b>A & B</b> 'x' ü", "n": [1, 2.5, None]}
    teks = ekspor_situs.json_skrip(nilai)
    assert "<" not in teks
    assert ">" not in teks
    assert "ü" in teks  # compact, non-ASCII kept
    assert json.loads(teks) == nilai
    keluar = ekspor_situs.lingkungan().from_string("<script>var x = {{ x|json_skrip }};</script>").render(x=nilai)
    assert keluar == f"<script>var x = {teks};</script>"


def test_templat_tanpa_jalan_pintas_escape():
    # Autoescape is the only escaping: no template marks text as safe by hand.
    templat = list(ekspor_situs.TEMPLAT_DIR.glob("*.html"))
    assert {p.name for p in templat} >= {"dasar.html", "ringkasan.html", "peta.html", "profil.html", "sumber.html"}
    for p in templat:
        teks = p.read_text(encoding="utf-8")
        assert "|safe" not in teks.replace(" ", ""), p.name
        assert "autoescape false" not in teks, p.name
    assert ekspor_situs.lingkungan().autoescape is True
    # the charts' font and the page text's font are the same local family
    assert f"font-family: {ekspor_situs.FONT};" in (ekspor_situs.TEMPLAT_DIR / "gaya.css").read_text(encoding="utf-8")


def test_kunci_teks_templat_ada():
    # The templates look texts up by key as the code does: every literal key is in the catalogue.
    kunci = {
        k
        for p in ekspor_situs.TEMPLAT_DIR.glob("*.html")
        for k in re.findall(r"\bt\(\s*\"([a-z][a-z_0-9]*)\"", p.read_text(encoding="utf-8"))
    }
    assert {"situs_sintetis", "situs_sumber", "peringkat", "maks_catatan"} <= kunci
    assert kunci <= set(katalog_teks())


def _plot(halaman: Path, id_div: str) -> tuple[list[Any], dict[str, Any]]:
    """The data and layout a page hands to Plotly.newPlot for one chart."""
    skrip = "".join(_baca(halaman).skrip)
    awal = skrip.index(f"Plotly.newPlot({json.dumps(id_div)}, ") + len(f"Plotly.newPlot({json.dumps(id_div)}, ")
    dekoder = json.JSONDecoder()
    data, akhir = dekoder.raw_decode(skrip, awal)
    layout, _ = dekoder.raw_decode(skrip, akhir + len(", "))
    return data, layout


def _jejak(fig: go.Figure) -> list[Any]:
    return list(json.loads(fig.to_json())["data"])


def test_grafik_profil_dari_pembangun_bersama(situs: Path, db_bawaan: Path):
    # The site draws the profile's charts with the builders the dashboard and the pack use: the
    # traces on the page are the shared figure's, only the frame (size, margins, fonts) is the site's.
    d = ekspor_data.muat_data(db_bawaan, "33", 2025)
    kode, teks = "33.74", penerjemah("id")
    halaman = situs.parent / "profil" / "33-74-kota-semarang.html"
    riwayat = profil.riwayat_predikat(
        d.semua_siklus[d.semua_siklus["kode_wilayah"] == kode],
        d.resmi[d.resmi["kode_wilayah"] == kode],
        [(s.tahun, s.skema) for s in d.katalog.siklus],
    )
    tanpa = profil.tahun_tanpa_siklus(riwayat["tahun"])
    assert tanpa  # the shared timeline's gaps (2020, 2024) are on the page too
    data, layout = _plot(halaman, "grafik-riwayat")
    assert data == _jejak(grafik_profil.grafik_riwayat(riwayat, d.katalog.pita, tanpa, "id", teks))
    assert [s["x0"] for s in layout["shapes"]] == [t - 0.45 for t in tanpa]
    assert layout["yaxis"]["automargin"] is True  # long labels widen the margin (static page)

    baris = d.skor[d.skor["kode_wilayah"] == kode].iloc[0]
    skema = d.katalog.skema_untuk_tahun(2025)
    kelompok = profil.kelompok_vs_maks({str(k): v for k, v in baris.items()}, skema, profil.rata_kelompok(d.skor))
    data, _ = _plot(halaman, "grafik-kelompok")
    assert data == _jejak(grafik_profil.grafik_kelompok(kelompok, skema, "id", teks))

    skor_siklus = d.skor_indikator[d.skor_indikator["kode_wilayah"] == kode]
    ruang = ruang_indikator(skor_siklus, d.katalog, skema.kode, float(baris["selisih_ke_predikat_berikut"]))
    data, _ = _plot(halaman, "grafik-ruang")
    assert data == _jejak(grafik_profil.grafik_ruang(ruang, d.katalog, str(baris["predikat_berikut"]), "id", teks))


def test_grafik_ringkasan_dari_pembangun_bersama(situs: Path, db_bawaan: Path):
    d = ekspor_data.muat_data(db_bawaan, "33", 2025)
    index = situs.parent / "index.html"
    data, layout = _plot(index, "grafik-sebaran")
    histogram = grafik_predikat.histogram_total(
        d.skor.rename(columns={"total": "total_final"}),
        d.katalog.pita,
        "id",
        judul_x="Total (sintetis)",
        judul_y="kab/kota",
    )
    assert data == _jejak(histogram)
    assert layout["xaxis"]["title"]["text"] == "Total (sintetis)"
    # The counts chart: the official recap with the known-by-name share, as on the Ringkasan page.
    assert d.ringkas is not None
    data, _ = _plot(index, "grafik-jumlah")
    assert data == _jejak(ekspor_situs.grafik_jumlah(d.ringkas, d, "id"))
    assert [tr["name"] for tr in data] == ["Jumlah resmi", "Diketahui per wilayah"]
    teks = index.read_text(encoding="utf-8")
    assert "Dasar angka 2025: rekap resmi" in teks
    assert "35 dari 35 kab/kota diketahui per wilayah" in teks
    assert "+2 dibanding 2023" in teks  # Nindya 13 against the official 11 of 2023
    data, _ = _plot(situs.parent / "peta.html", "peta-predikat")
    assert {tr["type"] for tr in data} == {"choropleth"}
    assert {tr["geojson"] for tr in data} == {ekspor_situs.KUNCI_GEOJSON}
    assert sum(len(tr["locations"]) for tr in data) == 35


def test_data_ekspor_dalam_bundel(situs: Path):
    data = situs.parent / "data"
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
