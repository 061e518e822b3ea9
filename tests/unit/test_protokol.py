"""The protocol load generator without a server: what it reads from Streamlit's messages, its bounds.

The run against a real server is `kla bench --protokol` in quick mode (tests/db/test_bench.py) and
the replica test (tests/e2e/test_e2e_replika.py).
"""

from __future__ import annotations

import pytest
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.protokol import HasilProtokol, Jalan, SesiProtokol, periksa_lokal, ukur_tingkat
from ui import gaya


def _elemen(jenis: str) -> tuple[ForwardMsg, object]:
    msg = ForwardMsg()
    return msg, getattr(msg.delta.new_element, jenis)


@pytest.mark.parametrize("url", ["http://10.0.0.5:8501", "http://localhost:8501", "http://example.org"])
def test_hanya_127_0_0_1(url: str):
    with pytest.raises(ValueError, match=r"127\.0\.0\.1"):
        periksa_lokal(url)
    with pytest.raises(ValueError, match=r"127\.0\.0\.1"):
        SesiProtokol(url)
    periksa_lokal("http://127.0.0.1:8501")


def test_batas_sesi_dan_waktu():
    with pytest.raises(ValueError, match="sesi"):
        ukur_tingkat("http://127.0.0.1:1", [], 501, 10, 1)
    with pytest.raises(ValueError, match="sesi"):
        ukur_tingkat("http://127.0.0.1:1", [], 5, 901, 1)


def test_pesan_dibaca_sampai_script_finished():
    sesi = SesiProtokol("http://127.0.0.1:1")
    jalan = Jalan(0.0)
    msg, kotak = _elemen("selectbox")
    kotak.id = "$$ID-0c57-provinsi"  # type: ignore[attr-defined]
    kotak.options.extend(["Aceh", "Jawa Tengah"])  # type: ignore[attr-defined]
    assert not sesi._baca(msg, jalan)
    assert jalan.widget["provinsi"].id == "$$ID-0c57-provinsi"
    assert jalan.widget["provinsi"].opsi == ["Aceh", "Jawa Tengah"]
    msg, kartu = _elemen("html")  # Ringkasan's cards: the KLA count is read from the page's HTML
    kartu.body = gaya.html_kartu([gaya.Kartu("KLA", "7", "+2 dibanding 2023", "naik"), gaya.Kartu("Utama", "3")])  # type: ignore[attr-defined]
    sesi._baca(msg, jalan)
    msg, tabel = _elemen("html")  # other HTML (a table) is not read as cards
    tabel.body = "<table><tr><td>KLA</td><td>9</td></tr></table>"  # type: ignore[attr-defined]
    sesi._baca(msg, jalan)
    msg, galat = _elemen("alert")
    galat.format, galat.body = Alert.ERROR, "Maaf, halaman ini gagal dimuat."  # type: ignore[attr-defined]
    sesi._baca(msg, jalan)
    msg, info = _elemen("alert")
    info.format, info.body = Alert.INFO, "bukan galat"  # type: ignore[attr-defined]
    sesi._baca(msg, jalan)
    msg, exc = _elemen("exception")
    exc.type, exc.message = "KeyError", "x"  # type: ignore[attr-defined]
    sesi._baca(msg, jalan)
    assert jalan.metrik == {"KLA": "7", "Utama": "3"}
    assert len(jalan.galat) == 2
    assert "gagal dimuat" in jalan.galat[0]
    assert "KeyError" in jalan.galat[1]

    nav = ForwardMsg()
    halaman = nav.navigation.app_pages.add()
    halaman.url_pathname, halaman.page_script_hash = "profil", "abc"
    nav.navigation.page_script_hash = "abc"
    page_info = ForwardMsg()
    page_info.page_info_changed.query_string = "provinsi=33"
    assert not sesi._baca(nav, jalan)
    assert not sesi._baca(page_info, jalan)
    assert sesi.halaman == {"profil": "abc"}
    assert sesi.hash_halaman == "abc"
    assert sesi.query == "provinsi=33"

    selesai = ForwardMsg()
    selesai.script_finished = ForwardMsg.FINISHED_EARLY_FOR_RERUN  # st.rerun: the run goes on
    assert not sesi._baca(selesai, jalan)
    selesai.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    assert sesi._baca(selesai, jalan)


def test_ringkasan_dengan_anggaran():
    hasil = HasilProtokol(sesi=100, detik=60, jeda_s=5, interaksi=300, detik_ukur=60.0)
    hasil.latensi_ms = [100.0] * 94 + [1200.0] * 6
    hasil.kla_sebelum = hasil.kla_sesudah = 7
    hasil.bacaan_kla = {7: 100}
    data = hasil.ringkasan()
    assert data["rerun_per_detik"] == 5.0
    hasil.cpu_server_persen = 50.0  # half a core for 60 s: 30 CPU-s over 300 reruns
    assert hasil.ringkasan()["cpu_ms_per_rerun"] == pytest.approx(100.0)
    assert data["p50_ms"] == 100.0
    assert data["p95_ms"] == 1200.0
    assert data["lolos"]
    assert not data["dalam_anggaran"]
    hasil.latensi_ms = [100.0] * 100
    assert hasil.ringkasan()["dalam_anggaran"]
    hasil.bacaan_kla[8] = 1  # a reading between before and after: a half import seen
    assert not hasil.ringkasan()["dalam_anggaran"]
