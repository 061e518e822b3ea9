"""The real server refuses an upload over ``server.maxUploadSize`` (issue #18, item 6).

The uploader's own limit is enforced only by the browser, and ``/_stcore/upload_file`` takes a PUT
from any session, logged in or not. So this test talks HTTP itself, as an anonymous client would:
a WebSocket session (with Streamlit's XSRF cookie and token), then PUTs to the upload route. The
server is the shared test server (``streamlit_url``), started exactly as ``scripts/run.sh`` and the
benchmarks start it, so the limit in ``.streamlit/config.toml`` must reach it.
"""

from __future__ import annotations

import http.client
import tomllib
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Subprotocol

from indicators.impor.baca import batas_bawaan
from indicators.lokasi import PROYEK

pytestmark = pytest.mark.e2e

MB = 1024 * 1024
# The import refuses files over this anyway (KLA_UNGGAH_MAKS_MB unset): the server need take no more.
BATAS_MB = batas_bawaan().ukuran_maks // MB
_GRENS = "batas-uji"


@dataclass(frozen=True)
class Sesi:
    """An anonymous browser session as the server sees it: host, session id and XSRF token."""

    host: str
    id: str
    xsrf: str


def _xsrf(url: str) -> str:
    with urllib.request.urlopen(url + "/_stcore/health", timeout=10) as jawab:
        for kuki in jawab.headers.get_all("Set-Cookie") or []:
            nama, _, nilai = kuki.split(";", 1)[0].partition("=")
            if nama == "_streamlit_xsrf":
                return str(nilai)
    raise AssertionError("the server set no XSRF cookie")


def _id_sesi(ws: ClientConnection) -> str:
    pesan = BackMsg()
    pesan.rerun_script.query_string = ""
    ws.send(pesan.SerializeToString())
    for _ in range(200):
        maju = ForwardMsg()
        maju.ParseFromString(ws.recv(timeout=60))
        if maju.WhichOneof("type") == "new_session":
            return str(maju.new_session.initialize.session_id)
    raise AssertionError("no new_session message from the server")


@pytest.fixture(scope="module")
def sesi(streamlit_url: str) -> Iterator[Sesi]:
    """One anonymous session, connected for the module's tests."""
    host = streamlit_url.removeprefix("http://")
    xsrf = _xsrf(streamlit_url)
    kepala = {"Cookie": f"_streamlit_xsrf={xsrf}", "Origin": streamlit_url}
    protokol = [Subprotocol("streamlit"), Subprotocol(xsrf)]  # Streamlit reads the token from here
    alamat = f"ws://{host}/_stcore/stream"
    # No keepalive pings: nothing reads this socket while the uploads run, and a ping timing out
    # would end the session the uploads are sent to.
    with connect(alamat, subprotocols=protokol, additional_headers=kepala, ping_interval=None) as ws:
        yield Sesi(host, _id_sesi(ws), xsrf)


def _kirim(sesi: Sesi, ukuran: int, *, potongan: bool = False) -> int:
    """PUT one file of ``ukuran`` bytes to the upload route; return the HTTP status.

    With a Content-Length the server may answer from the header alone, so only a small body is
    sent in that case; ``potongan`` sends the whole body chunked, with no length announced.
    """
    awal = f'--{_GRENS}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n'
    awal_b = (awal + "Content-Type: text/csv\r\n\r\n").encode()
    akhir = f"\r\n--{_GRENS}--\r\n".encode()
    sambungan = http.client.HTTPConnection(sesi.host, timeout=60)
    try:
        sambungan.putrequest("PUT", f"/_stcore/upload_file/{sesi.id}/{uuid.uuid4().hex}")
        sambungan.putheader("Content-Type", f"multipart/form-data; boundary={_GRENS}")
        sambungan.putheader("X-Xsrftoken", sesi.xsrf)
        sambungan.putheader("Cookie", f"_streamlit_xsrf={sesi.xsrf}")
        if potongan:
            sambungan.putheader("Transfer-Encoding", "chunked")
            sambungan.endheaders()
            _kirim_potongan(sambungan, [awal_b, *([b"a" * MB] * (ukuran // MB)), akhir])
        else:
            sambungan.putheader("Content-Length", str(len(awal_b) + ukuran + len(akhir)))
            sambungan.endheaders()
            if ukuran < MB:
                sambungan.send(awal_b + b"a" * ukuran + akhir)
        return sambungan.getresponse().status
    finally:
        sambungan.close()


def _kirim_potongan(sambungan: http.client.HTTPConnection, bagian: list[bytes]) -> None:
    try:
        for isi in bagian:
            sambungan.send(b"%x\r\n%s\r\n" % (len(isi), isi))
        sambungan.send(b"0\r\n\r\n")
    except OSError:
        pass  # the server may stop reading once it has refused: its answer is what counts


def test_batas_unggah_server_sama_dengan_batas_impor():
    config = tomllib.loads((PROYEK / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"].get("maxUploadSize") == BATAS_MB == 20


def test_unggahan_kecil_diterima(sesi: Sesi):
    assert _kirim(sesi, 1000) == 204  # the route, the session and the XSRF token all work


def test_unggahan_di_atas_batas_ditolak_server(sesi: Sesi):
    assert _kirim(sesi, (BATAS_MB + 10) * MB) == 413


def test_unggahan_tanpa_panjang_di_atas_batas_ditolak_server(sesi: Sesi):
    assert _kirim(sesi, (BATAS_MB + 5) * MB, potongan=True) == 413
