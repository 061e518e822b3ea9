"""Data & Metodologi in Debian's Chromium: a what-if edit reruns the what-if section only.

The section is a Streamlit fragment (``ui.bagian.metodologi.render_asumsi``). The test reads what
the server sends over the websocket after the change, decoded with Streamlit's own protobufs: the
what-if section's effect for the new year, and nothing of the page above it (its title and the
sources' header). A full rerun sends both.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, TimeoutError as PlaywrightTimeoutError, expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from indicators.teks import t
from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e


def _judul_terkirim(pesan: list[ForwardMsg]) -> list[str]:
    """The heading texts among the elements the server sent."""
    return [
        m.delta.new_element.heading.body
        for m in pesan
        if m.WhichOneof("type") == "delta" and m.delta.new_element.WhichOneof("type") == "heading"
    ]


def _rekam_pesan(page: Page) -> list[ForwardMsg]:
    pesan: list[ForwardMsg] = []

    def _soket(ws: Any) -> None:
        ws.on("framereceived", lambda isi: pesan.append(ForwardMsg.FromString(isi)) if isinstance(isi, bytes) else None)

    page.on("websocket", _soket)
    return pesan


def _pilih_tahun(page: Page, tahun: str) -> None:
    """Choose the what-if year; a dropdown opened while the section was still being drawn is opened again."""
    kotak = page.get_by_test_id("stSelectbox").filter(has_text="Tahun evaluasi")
    expect(kotak).to_be_visible(timeout=60_000)
    for _ in range(3):
        tunggu_siap(page)
        kotak.click()
        opsi = page.get_by_role("option", name=tahun, exact=True)
        try:
            opsi.wait_for(timeout=5_000)
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
            continue
        opsi.click()
        return
    raise AssertionError(f"the what-if year list never showed {tahun}")


def _selesai(pesan: list[ForwardMsg]) -> bool:
    return any(m.WhichOneof("type") == "script_finished" for m in pesan)


def test_ganti_tahun_bagaimana_jika_hanya_menjalankan_bagiannya(page: Page, streamlit_url: str):
    pantauan = pantau(page)
    pesan = _rekam_pesan(page)
    page.goto(f"{streamlit_url}/metodologi")
    expect(page.get_by_role("heading", name=t("met_asumsi_judul", "id"))).to_be_visible(timeout=60_000)
    tunggu_siap(page)
    awal = _judul_terkirim(pesan)
    assert t("hal_metodologi", "id") in awal  # the first run sends the whole page
    assert t("met_sumber_judul", "id") in awal
    assert t("met_efek_judul", "id", tahun=2025) in awal

    pesan.clear()
    _pilih_tahun(page, "2023")
    for _ in range(600):
        if _selesai(pesan):
            break
        page.wait_for_timeout(100)
    assert _selesai(pesan), "no script_finished after the what-if change"
    tunggu_siap(page)

    sesudah = _judul_terkirim(pesan)
    assert t("met_efek_judul", "id", tahun=2023) in sesudah
    assert t("hal_metodologi", "id") not in sesudah
    assert t("met_sumber_judul", "id") not in sesudah
    # The page above the section is still there, and the section shows the new year.
    expect(page.get_by_role("heading", name=t("met_sumber_judul", "id"))).to_be_visible()
    expect(page.get_by_role("heading", name=t("met_efek_judul", "id", tahun=2023))).to_be_visible()
    tidak_ada_galat(page)
    simpan_tangkapan(page, "metodologi_bagaimana_jika_2023")
    pantauan.periksa()
