"""Shared AppTest helpers for the page tests: open app.py on a page, and check that a run really worked.

app.py catches every exception a page raises, logs it and shows the generic error box
(``galat_umum``) instead, so ``at.exception`` stays empty even when a page crashed. A page test
therefore checks both: no exception and no error box. :func:`periksa_tanpa_galat` does that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from typing import Any

import pandas as pd
from streamlit.testing.v1 import AppTest

from indicators.lokasi import PROYEK
from indicators.teks import t
from ui import cache, gaya

APP = str(PROYEK / "app.py")
GALAT_UMUM = frozenset({t("galat_umum", "id"), t("galat_umum", "en")})


def buka_halaman(
    halaman: str | None = None, *, batas: float = 180, sesi: Mapping[str, object] | None = None, **param: str
) -> AppTest:
    """An AppTest of app.py, not run yet, on ``halaman/<halaman>.py`` (None: the default page).

    ``param`` are the URL query parameters, ``sesi`` the session state to start with (a login),
    ``batas`` the seconds one run may take.
    """
    at = AppTest.from_file(APP, default_timeout=batas)
    for kunci, nilai in param.items():
        at.query_params[kunci] = nilai
    for kunci, isi in (sesi or {}).items():
        at.session_state[kunci] = isi
    return at if halaman is None else at.switch_page(f"halaman/{halaman}.py")


def periksa_tanpa_galat(at: AppTest, *, galat: int = 0) -> AppTest:
    """Assert that the last run of ``at`` raised no exception, showed no error box, changed no
    shared cached object (:func:`ui.cache.bersama_berubah`) and sent every chart with its style in
    it and no theme (:mod:`ui.layar`: drawn once per change); return ``at``.

    A test that provokes a user mistake passes ``galat``: exactly that many error boxes are then
    allowed (the test asserts their text itself). app.py's generic error box, which stands for an
    exception the page raised, is never allowed.
    """
    assert not at.exception, f"the page raised: {[e.value for e in at.exception]}"
    pesan = [str(e.value) for e in at.error]
    assert not GALAT_UMUM.intersection(pesan), (
        "the page raised and app.py showed its generic error box (the traceback is in the captured log)"
    )
    assert len(pesan) == galat, f"expected {galat} error box(es), the page showed {pesan}"
    # Shared cached frames are read-only for every session: a page must never change one in place.
    assert not cache.bersama_berubah(), f"the page changed shared cached objects: {cache.bersama_berubah()}"
    for grafik in at.get("plotly_chart"):
        assert grafik.proto.theme == "", f"chart {grafik.proto.id} drawn with Streamlit's theme (use ui.layar.gambar)"
        assert '"template"' not in grafik.proto.spec, f"chart {grafik.proto.id} carries a template"
    return at


def buka_unduhan_gambar(at: AppTest, grafik: Sequence[str]) -> AppTest:
    """Open the "Unduh gambar" expander of each chart key in ``grafik``, as a click does (it sets the
    expander's key), and rerun; return ``at`` checked by :func:`periksa_tanpa_galat`."""
    for kunci in grafik:
        at.session_state[f"unduh_{kunci}"] = True
    return periksa_tanpa_galat(at.run())


def buka_tab(at: AppTest, panel: str, label: str) -> AppTest:
    """Choose the view ``label`` of the panel ``panel`` (``widgets.panel_grafik``'s key), as a click
    on its option does, and rerun; return ``at`` checked by :func:`periksa_tanpa_galat`."""
    at.session_state[panel] = label
    return periksa_tanpa_galat(at.run())


def jejak_wilayah(spek: dict[str, Any]) -> list[dict[str, Any]]:
    """A map's region traces from its chart spec, without the legend's stand-ins (no regions of their
    own: :func:`indicators.grafik.bingkai.dengan_contoh_legenda`)."""
    return [trace for trace in spek["data"] if trace["type"] == "choropleth"]


class BacaTabel(HTMLParser):
    """The header and body cells of each <table> in an HTML text, as text."""

    def __init__(self) -> None:
        super().__init__()
        self.tabel: list[tuple[list[str], list[list[str]]]] = []
        self._sel: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tabel.append(([], []))
        elif tag == "tr" and self.tabel:
            self.tabel[-1][1].append([])
        elif tag in ("th", "td"):
            self._sel = []

    def handle_data(self, data: str) -> None:
        if self._sel is not None:
            self._sel.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._sel is not None:
            teks = "".join(self._sel)
            kepala, isi = self.tabel[-1]
            (kepala if tag == "th" else isi[-1]).append(teks)
            self._sel = None


def kartu(at: AppTest) -> dict[str, dict[str, str]]:
    """Every figure card a page drew as HTML (``ui.gaya.html_kartu``): label → its shown parts
    (``nilai``; ``delta`` and ``ket`` where drawn)."""
    hasil: dict[str, dict[str, str]] = {}
    for elemen in at.get("html"):
        hasil.update(gaya.baca_kartu(elemen.proto.body))
    return hasil


def tabel_html(at: AppTest) -> list[pd.DataFrame]:
    """Every small table a page drew as HTML (``ui.gaya.html_tabel``), as frames of the shown text."""
    hasil = []
    for elemen in at.get("html"):
        baca = BacaTabel()
        baca.feed(elemen.proto.body)
        hasil += [pd.DataFrame([b for b in isi if b], columns=kepala) for kepala, isi in baca.tabel]
    return hasil


def periksa_bawaan(at: AppTest, awalan: str) -> list[str]:
    """Assert every widget whose key starts with ``awalan`` has the value it shows as its default.

    The browser redraws a widget whose state it dropped from the default in its element and sends
    that back on the next click, so a form filled through the session state must give each widget
    its filled value as default too (:func:`ui.widgets.indeks_pilihan`). Returns the keys checked.
    """
    semua = [*at.selectbox, *at.multiselect, *at.checkbox, *at.date_input, *at.number_input, *at.text_input]
    diperiksa = []
    for w in [*semua, *at.text_area]:
        if not str(w.key or "").startswith(awalan):
            continue
        bawaan: Any = w.proto.default
        if w.type == "selectbox":
            nilai: Any = w.index
        elif w.type == "multiselect":
            bawaan, nilai = list(bawaan), list(w.indices)
        elif w.type == "date_input":
            bawaan = dt.date.fromisoformat(str(bawaan[0]).replace("/", "-")) if bawaan else None
            nilai = w.value
        else:
            if w.type == "number_input" and not w.proto.HasField("default"):
                bawaan = None
            nilai = w.value
        assert bawaan == nilai, f"{w.key}: default {bawaan!r}, shown {nilai!r}"
        diperiksa.append(str(w.key))
    return diperiksa
