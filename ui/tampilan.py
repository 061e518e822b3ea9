"""Pure helpers that turn core results into what a page shows (labels, hover texts, table)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from indicators.analisis import ringkasan
from indicators.bangun.database import Persiapan
from indicators.format import Bahasa, format_angka
from indicators.grafik.peta import label_kategori
from indicators.io import store
from indicators.katalog.model import Skema, jenis_pengampu
from indicators.teks import t
from ui import aman


def teks_hover(kabkota: pd.DataFrame, bahasa: Bahasa) -> list[str]:
    """One hover text per kab/kota: name, official predikat with its confidence and basis, synthetic total."""
    label = label_kategori(bahasa)
    hasil = []
    for nama, kategori, keyakinan, dasar, total, sintetis in zip(
        kabkota["nama"].tolist(),
        kabkota["kategori"].tolist(),
        kabkota["keyakinan"].tolist(),
        kabkota["dasar"].tolist(),
        kabkota["total_final"].tolist(),
        kabkota["skor_sintetis"].tolist(),
        strict=True,
    ):
        teks = f"<b>{nama}</b><br>{t('predikat_resmi', bahasa)}: {label.get(kategori, kategori)}"
        if isinstance(keyakinan, str):
            teks += f" ({t('keyakinan', bahasa).lower()}: {t(keyakinan, bahasa)}; {label_dasar(dasar, bahasa)})"
        if pd.notna(total):
            teks += f"<br>{t('total_final', bahasa)}: {format_angka(total, 2, bahasa)}"
            if sintetis:
                teks += " — data contoh (sintetis)" if bahasa == "id" else " — synthetic example"
        hasil.append(teks)
    return hasil


def label_pengampu(nama: str, skema: Skema, bahasa: Bahasa) -> str:
    """An OPD's name, or a national agency's office marked 'instansi vertikal' (it is not an OPD)."""
    if jenis_pengampu(nama, skema) == "instansi_vertikal":
        return f"{nama} ({t('ind_instansi_vertikal', bahasa)})"
    return nama


def label_dasar(dasar: object, bahasa: Bahasa) -> str:
    """The basis of a predikat in words (stated, by elimination, inferred), or '–' when none."""
    return ringkasan.label_dasar(dasar, bahasa) or "–"


def tabel_pergerakan(gerak: pd.DataFrame, arah: str, tahun_lalu: int, bahasa: Bahasa) -> pd.DataFrame:
    """The regions whose official predikat went up (``arah`` = 'naik') or down ('turun').

    Falls come largest first; headers are translated. ``gerak`` is
    :func:`indicators.analisis.ringkasan.pergerakan_predikat`.
    """
    data = gerak[gerak["langkah"] > 0] if arah == "naik" else gerak[gerak["langkah"] < 0].sort_values("langkah")
    return pd.DataFrame(
        {
            t("nama", bahasa): data["nama"].to_numpy(),
            t("predikat_lalu", bahasa, tahun=tahun_lalu): data["predikat_lalu"].to_numpy(),
            t("predikat_resmi", bahasa): data["predikat_kini"].to_numpy(),
        }
    )


def tabel_kabkota(kabkota: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The overview table with translated headers; totals formatted in the reader's locale."""
    label = label_kategori(bahasa)
    sintetis = " (sintetis)" if bahasa == "id" else " (synthetic)"
    tabel = pd.DataFrame(
        {
            t("kode", bahasa): kabkota["kode_wilayah"],
            t("nama", bahasa): kabkota["nama"],
            t("predikat_resmi", bahasa): [label.get(k, k) for k in kabkota["kategori"]],
            t("keyakinan", bahasa): [t(k, bahasa) if isinstance(k, str) else "–" for k in kabkota["keyakinan"]],
            t("dasar_predikat", bahasa): [label_dasar(d, bahasa) for d in kabkota["dasar"]],
            t("total_final", bahasa) + sintetis: [format_angka(v, 2, bahasa) for v in kabkota["total_final"]],
        }
    )
    return tabel.assign(**kolom_sumber(kabkota["url_sumber"], kabkota["sumber_predikat"], bahasa))


HOST_URL = r"https?://(?:www\.)?([^/]+)"
"""A ``LinkColumn``'s ``display_text``: a link shown by its host (the cell keeps the whole URL)."""


def kolom_sumber(url: pd.Series, sumber: pd.Series, bahasa: Bahasa) -> dict[str, list[Any]]:
    """A table's source columns: the link (a ``LinkColumn``), and a note column for sources without one.

    A source without a URL (an import's provenance, a citation) is text: in a link column it would
    be an address leading nowhere. So it gets a note column, present only when the rows have one. A
    row without any source shows an empty cell, not Streamlit's grey "None" (an English word in an
    Indonesian table).
    """
    kolom: dict[str, list[Any]] = {t("sumber", bahasa): aman.netral(url.fillna(""))}
    catatan = sumber.where(url.isna())
    if catatan.notna().any():
        kolom[t("sumber_catatan", bahasa)] = aman.netral(catatan.fillna(""))
    return kolom


def url_geojson(kode_provinsi: str) -> str:
    """The static boundary layer the browser loads for a province ('00' = all Indonesia).

    Jawa Tengah has its own detailed layer; other provinces draw from the national layer, and the
    map fits itself to the kab/kota actually plotted. All Indonesia draws the same regions from a
    layer simplified for its scale (:data:`indicators.bangun.geo.LAPISAN_WEB`): drawn faster on every
    change, the same to the eye.
    """
    if kode_provinsi == "33":
        return "/app/static/geo/jawa_tengah_kabkota.geojson"
    if kode_provinsi == "00":
        return "/app/static/geo/indonesia_kabkota_ikhtisar.geojson"
    return "/app/static/geo/indonesia_kabkota.geojson"


_TOMBOL_TAK_PERLU = ["select2d", "lasso2d", "autoScale2d", "toImage"]
"""Toolbar buttons that only crowd a phone: selection is by click, images come from our own buttons."""

KONFIG_GRAFIK: dict[str, object] = {
    "displaylogo": False,
    "scrollZoom": False,
    "displayModeBar": "hover",
    "modeBarButtonsToRemove": _TOMBOL_TAK_PERLU,
}
"""plotly.js config for every chart: the wheel scrolls the page, the toolbar shows on hover only
(each chart keeps a band above its title for it, see indicators.grafik.tata.PITA_TOOLBAR)."""

KONFIG_PETA: dict[str, object] = {
    **KONFIG_GRAFIK,
    "topojsonURL": "/app/static/topojson/",
    "modeBarButtonsToRemove": [*_TOMBOL_TAK_PERLU, "pan2d", "zoom2d"],
}
"""plotly.js config for every geo map: the base topojson comes from our static folder, never a CDN,
and the wheel scrolls the page instead of zooming the map (plotly's default for geo), which zooms
with the toolbar's + and − buttons only."""


def pesan_database(persiapan: Persiapan, bahasa: Bahasa) -> str:
    """What the reader is told about the state of the database file.

    Held by another program, unreadable, or damaged and moved aside (then restored or rebuilt):
    each says what happened and what to do, never "your data is safe" when that is not known.
    """
    berkas = persiapan.db_path.name
    if persiapan.jenis == "terkunci":
        pemegang = store.pemegang_kunci(persiapan.galat) or t("bd_pemegang_tak_dikenal", bahasa)
        return t("bd_terkunci", bahasa, pemegang=pemegang, berkas=berkas)
    if persiapan.rusak is not None:
        log = f"{berkas}.log"
        if persiapan.jenis == "dipulihkan" and persiapan.versi is not None:
            return t("bd_dipulihkan", bahasa, rusak=persiapan.rusak.name, versi=persiapan.versi.name, log=log)
        return t("bd_dibangun_ulang", bahasa, rusak=persiapan.rusak.name, log=log)
    return t("bd_tak_terbuka", bahasa, berkas=berkas, galat=persiapan.galat)


def pesan_galat(exc: BaseException, db_path: Path, bahasa: Bahasa) -> str:
    """The error box for an exception a page raised.

    A database file held by another program or damaged gets its own message (the generic one
    would call the data safe); anything else the generic one.
    """
    jenis = store.jenis_galat(exc)
    berkas = store.berkas_dalam_galat(str(exc)) or db_path
    if jenis == "terkunci":
        return pesan_database(Persiapan("terkunci", berkas, galat=str(exc)), bahasa)
    if jenis == "rusak":
        return t("bd_rusak_halaman", bahasa, berkas=berkas.name)
    return t("galat_umum", bahasa)
