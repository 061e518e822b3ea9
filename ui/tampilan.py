"""Pure helpers that turn core results into what a page shows (labels, hover texts, table)."""

from __future__ import annotations

import pandas as pd

from indicators.format import Bahasa, format_angka
from indicators.grafik.peta import label_kategori
from indicators.teks import t


def teks_hover(kabkota: pd.DataFrame, bahasa: Bahasa) -> list[str]:
    """One hover text per kab/kota: name, official predikat, confidence and the synthetic total."""
    label = label_kategori(bahasa)
    hasil = []
    for nama, kategori, keyakinan, total, sintetis in zip(
        kabkota["nama"].tolist(),
        kabkota["kategori"].tolist(),
        kabkota["keyakinan"].tolist(),
        kabkota["total_final"].tolist(),
        kabkota["skor_sintetis"].tolist(),
        strict=True,
    ):
        teks = f"<b>{nama}</b><br>{t('predikat_resmi', bahasa)}: {label.get(kategori, kategori)}"
        if isinstance(keyakinan, str):
            teks += f" ({t('keyakinan', bahasa).lower()}: {t(keyakinan, bahasa)})"
        if pd.notna(total):
            teks += f"<br>{t('total_final', bahasa)}: {format_angka(total, 2, bahasa)}"
            if sintetis:
                teks += " — data contoh (sintetis)" if bahasa == "id" else " — synthetic example"
        hasil.append(teks)
    return hasil


def tabel_kabkota(kabkota: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The overview table with translated headers; totals formatted in the reader's locale."""
    label = label_kategori(bahasa)
    sintetis = " (sintetis)" if bahasa == "id" else " (synthetic)"
    return pd.DataFrame(
        {
            t("kode", bahasa): kabkota["kode_wilayah"],
            t("nama", bahasa): kabkota["nama"],
            t("predikat_resmi", bahasa): [label.get(k, k) for k in kabkota["kategori"]],
            t("keyakinan", bahasa): [t(k, bahasa) if isinstance(k, str) else "–" for k in kabkota["keyakinan"]],
            t("total_final", bahasa) + sintetis: [format_angka(v, 2, bahasa) for v in kabkota["total_final"]],
            t("sumber", bahasa): kabkota["url_sumber"].fillna(kabkota["sumber_predikat"]),
        }
    )


def url_geojson(kode_provinsi: str) -> str:
    """The static boundary layer the browser loads for a province ('00' = all Indonesia).

    Jawa Tengah has its own detailed layer; other provinces draw from the national layer, and the
    map fits itself to the kab/kota actually plotted.
    """
    if kode_provinsi == "33":
        return "/app/static/geo/jawa_tengah_kabkota.geojson"
    return "/app/static/geo/indonesia_kabkota.geojson"


KONFIG_PETA = {"topojsonURL": "/app/static/topojson/", "displaylogo": False}
"""plotly.js config for every geo map: the base topojson comes from our static folder, never a CDN."""
