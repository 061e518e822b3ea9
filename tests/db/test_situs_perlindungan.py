"""The offline site's Perlindungan Anak page on the real default database, read back from disk.

The site is always the public view: the recap must hold exactly what the disclosure control
publishes with no open region, the map's numbers and hover texts only published values, and the
exact small counts (the administrator's view) must be nowhere in the page. The page loads nothing
from the network and says what it shows: the rule, synthetic data, "belum terverifikasi".
"""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from indicators.ekspor import data as ekspor_data, perlindungan as ekspor_perlindungan, situs as ekspor_situs
from indicators.format import Bahasa
from indicators.katalog.perlindungan import katalog_perlindungan
from indicators.perlindungan import data
from indicators.teks import t

TANGGAL = dt.date(2025, 8, 8)  # 2025 is then the current year: its figures are not yet verified
BENTUK = list(katalog_perlindungan().tabel["bentuk_kekerasan"].kategori)


class _Halaman(HTMLParser):
    """The table cells (row by row), every href/src, and the text of the <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.baris: list[list[str]] = []
        self.rujukan: list[str] = []
        self.skrip: list[str] = []
        self.teks: list[str] = []
        self._sel: list[str] | None = None
        self._di_skrip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.rujukan += [v for k, v in attrs if k in {"href", "src"} and v is not None]
        if tag == "tr":
            self.baris.append([])
        if tag in {"td", "th"}:
            self._sel = []
        self._di_skrip = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._sel is not None:
            self.baris[-1].append("".join(self._sel).strip())
            self._sel = None
        if tag == "script":
            self._di_skrip = False

    def handle_data(self, data_: str) -> None:
        if self._di_skrip:
            self.skrip.append(data_)
            return
        self.teks.append(data_)
        if self._sel is not None:
            self._sel.append(data_)


@pytest.fixture(scope="module", params=["id", "en"])
def situs(
    request: pytest.FixtureRequest, db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Bahasa, Path]:
    bahasa: Bahasa = request.param
    out = tmp_path_factory.mktemp(f"situs_{bahasa}") / "kla"
    index = ekspor_situs.tulis_situs(db_bawaan, "33", 2025, out, bahasa, tanggal=TANGGAL)
    return bahasa, index.parent / "perlindungan.html"


def _baca(path: Path) -> _Halaman:
    p = _Halaman()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def _plot(p: _Halaman, id_div: str) -> list[dict[str, Any]]:
    skrip = "".join(p.skrip)
    kepala = f"Plotly.newPlot({json.dumps(id_div)}, "
    hasil, _ = json.JSONDecoder().raw_decode(skrip, skrip.index(kepala) + len(kepala))
    return list(hasil)


def _rekap(db: Path, terbuka: tuple[str, ...], bahasa: Bahasa) -> pd.DataFrame:
    return data.rekap_provinsi(db, "33", 2025, terbuka=terbuka, bahasa=bahasa, hari_ini=TANGGAL)


def test_rekap_situs_sama_dengan_tampilan_publik(situs: tuple[Bahasa, Path], db_bawaan: Path):
    bahasa, halaman = situs
    p = _baca(halaman)
    kepala = next(b for b in p.baris if b and b[0] == t("ph_kol_kode", bahasa))
    baris = {b[0]: dict(zip(kepala, b, strict=True)) for b in p.baris if b and b[0].startswith("33")}
    publik, tepat = _rekap(db_bawaan, (), bahasa), _rekap(db_bawaan, ("*",), bahasa)
    label = {b: katalog_perlindungan().tabel["bentuk_kekerasan"].kategori[b].label.teks(bahasa) for b in BENTUK}
    assert list(baris) == list(publik["kode_wilayah"])  # 35 kab/kota, then the province
    tersamar = 0
    for r, persis in zip(publik.to_dict("records"), tepat.to_dict("records"), strict=True):
        sel = baris[r["kode_wilayah"]]
        for b in [*BENTUK, "total"]:
            kolom = label.get(b, t("ph_kol_total", bahasa))
            assert sel[kolom] == r[b], (r["kode_wilayah"], b)
            if r[b] != persis[b]:
                tersamar += 1
                assert r[b] in {"1–5", "x"}
                assert sel[kolom] != persis[b]
        assert sel[t("ph_kol_bulan", bahasa)] == str(r["bulan_dilaporkan"])
    assert tersamar > 20  # small counts are common in the sample: the check above is at work


def test_peta_situs_hanya_nilai_terbit(situs: tuple[Bahasa, Path], db_bawaan: Path):
    bahasa, halaman = situs
    jejak = _plot(_baca(halaman), "peta-perlindungan")
    peta = data.peta_provinsi(db_bawaan, "33", 2025, bahasa=bahasa, hari_ini=TANGGAL).set_index("kode_wilayah")
    tepat = data.peta_provinsi(db_bawaan, "33", 2025, terbuka=("*",), bahasa=bahasa, hari_ini=TANGGAL)
    tepat = tepat.set_index("kode_wilayah")
    dilihat = set()
    for tr in jejak:
        assert tr["geojson"] == ekspor_situs.KUNCI_GEOJSON  # the inline boundaries, never a fetch
        for kode, z, hover in zip(tr["locations"], tr["z"], tr["hovertext"], strict=True):
            dilihat.add(kode)
            r = peta.loc[kode]
            assert hover.startswith(f"<b>{r['nama']}</b><br>")
            assert f": {r['teks']}" in hover
            if r["status"] == "terbuka":
                assert z == r["nilai"]
            else:  # a constant layer: the colour says hidden or not reported, z says nothing
                assert tr["showscale"] is False
                assert z == 0
                assert f": {tepat.loc[kode, 'teks']}<" not in hover + "<"
    assert dilihat == set(peta.index)


def test_halaman_situs_aturan_sintetis_verifikasi_luring(situs: tuple[Bahasa, Path]):
    bahasa, halaman = situs
    isi = halaman.read_text(encoding="utf-8")
    p = _baca(halaman)
    teks = " ".join(" ".join(p.teks).split())
    assert f"<title>{t('ph_judul', bahasa, provinsi='Jawa Tengah', tahun=2025)}</title>" in isi
    assert 'class="aturan"' in isi
    assert " ".join(t("ph_aturan_polos", bahasa, ambang=5).split()) in teks
    assert " ".join(t("ph_sintetis_polos", bahasa).split()) in teks
    assert t("ph_belum_terverifikasi_polos", bahasa, tahun=2025, daftar="").rstrip(".") in teks
    for kunci in ("ph_tren_judul_tahunan", "ph_bentuk_judul"):
        assert t(kunci, bahasa, nama="Jawa Tengah") in teks
    assert t("ph_hal", bahasa) in teks  # the header link
    for id_div in ("peta-perlindungan", "grafik-tren", "grafik-bentuk", "grafik-standar"):
        assert f'id="{id_div}"' in isi
        assert _plot(p, id_div)
    # Offline: every reference is a relative file inside the bundle.
    for ref in p.rujukan:
        assert not ref.startswith(("http:", "https:", "//", "/")), ref
        assert (halaman.parent / ref.split("#")[0]).is_file(), ref


def test_situs_tanpa_data_perlindungan(db_bawaan: Path):
    h = ekspor_situs._Halaman(data=ekspor_data.muat_data(db_bawaan, "33", 2025), bahasa="id", tanggal=TANGGAL)
    teks = ekspor_situs.halaman_perlindungan(h, {"type": "FeatureCollection", "features": []})
    assert "Belum ada data Perlindungan Anak untuk Jawa Tengah." in teks
    assert "Plotly.newPlot" not in teks


DATABOKS = "https://databoks.katadata.co.id/demografi/statistik/89f7f75ce859c21/1427-kasus-kekerasan-anak-terjadi-di-jawa-tengah-pada-2020"


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_situs_menyebut_sumber_bps_2020_dan_sampel_sintetis(db_bawaan: Path, bahasa: Bahasa):
    """The 2021 site page (2020 has no scores to build a site on) reaches back to 2020 in its charts:
    it names the BPS total of 2020 (databoks) as the real provincial row and the kab/kota sample as synthetic."""
    isi = ekspor_perlindungan.isi_situs(db_bawaan, "33", 2021, bahasa, TANGGAL)
    assert isi is not None
    h = ekspor_situs._Halaman(
        data=ekspor_data.muat_data(db_bawaan, "33", 2021), bahasa=bahasa, tanggal=TANGGAL, perlindungan=isi
    )
    p = _Halaman()
    p.feed(ekspor_situs.halaman_perlindungan(h, {"type": "FeatureCollection", "features": []}))
    teks = " ".join(" ".join(p.teks).split())
    provinsi = t("ph_sumber_provinsi", bahasa, tahun="2020")
    keyakinan = t("tinggi", bahasa)
    nyata = t("ph_sumber_nyata", bahasa, cakupan=provinsi, nama=DATABOKS, keyakinan=keyakinan, tabel="")
    assert nyata.removesuffix(")") in teks
    sintetis = {
        "id": "rincian kab/kota 2019, 2020, 2021 (35 kab/kota): contoh sintetis (sintetis-perlindungan-v1; MIT",
        "en": "kab/kota breakdown 2019, 2020, 2021 (35 kab/kota): synthetic example (sintetis-perlindungan-v1; MIT",
    }
    assert sintetis[bahasa] in teks
    assert t("ph_sumber_daftar", bahasa, daftar="").strip() in teks
