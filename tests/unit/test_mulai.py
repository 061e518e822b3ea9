"""ui.mulai: connections accepted on a socket made like Streamlit's get TCP_NODELAY (Nagle's algorithm off).

And the servers the tests and benchmarks start run as the dashboard is served.
"""

import asyncio
import asyncio.base_events
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from benchmarks.latensi import server_kosong
from benchmarks.server import jalankan_streamlit
from indicators.lokasi import PROYEK
from ui import mulai


def _nodelay_diterima() -> int:
    """TCP_NODELAY of a connection asyncio accepts on a listener bound as Streamlit 1.67 binds it."""

    async def jalan() -> int:
        dengar = socket.socket(family=socket.AF_INET)  # protocol 0, as starlette_server._bind_socket
        dengar.bind(("127.0.0.1", 0))
        dengar.listen()
        dengar.setblocking(False)
        hasil: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Catat(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                sock = transport.get_extra_info("socket")
                hasil.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Catat, sock=dengar)
        _, tulis = await asyncio.open_connection("127.0.0.1", dengar.getsockname()[1])
        nilai = await asyncio.wait_for(hasil, 10)
        tulis.close()
        server.close()
        await server.wait_closed()
        return nilai

    # In a thread of its own: a browser test earlier in the session may leave a running loop in this one.
    with ThreadPoolExecutor(1) as pelaksana:
        return pelaksana.submit(lambda: asyncio.run(jalan())).result()


def test_tanpa_perbaikan_nagle_tetap_menyala(monkeypatch: pytest.MonkeyPatch):
    # The cause, kept as a test: when a Python release sets it by itself, ui/mulai.py can go.
    monkeypatch.setattr(asyncio.base_events, "_set_nodelay", getattr(asyncio.base_events, "_set_nodelay"))  # noqa: B009
    assert _nodelay_diterima() == 0


def test_tanpa_nagle_menyalakan_nodelay(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(asyncio.base_events, "_set_nodelay", getattr(asyncio.base_events, "_set_nodelay"))  # noqa: B009
    mulai.tanpa_nagle()
    assert _nodelay_diterima() == 1


def test_server_uji_dan_bench_dimulai_lewat_ui_mulai(tmp_path: Path):
    skrip = tmp_path / "kosong.py"
    skrip.write_text('import streamlit as st\nst.write("ok")\n', encoding="utf-8")
    with jalankan_streamlit(skrip, tmp_path / "streamlit.log") as server:
        perintah = Path(f"/proc/{server.pid}/cmdline").read_bytes().split(b"\0")
    assert perintah[1:4] == [b"-m", b"ui.mulai", b"run"]


def test_lantai_streamlit_memakai_pengaturan_server_dasbor(tmp_path: Path):
    # The empty-page floor of `kla bench --latensi` runs as the dashboard is served (config included).
    with server_kosong(tmp_path) as url:
        assert url.startswith("http://127.0.0.1:")
        salinan = (tmp_path / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert salinan == (PROYEK / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert 'fileWatcherType = "none"' in salinan
    assert "postScriptGC = false" in salinan
