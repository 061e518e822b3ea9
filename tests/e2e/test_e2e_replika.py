"""`kla serve --replika 2` end to end: nginx in front of two Streamlit replicas on a private database.

Debian's Chromium opens the dashboard through nginx (nothing leaves 127.0.0.1), and every request of
that browser session (page, websocket, upload, media) lands on one replica; an import published
while both replicas run is read by a session on each at its next rerun, and so is its rollback;
SIGTERM stops nginx and both replicas, leaving no process behind.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page

from benchmarks.beban import PROVINSI, berkas_kla
from benchmarks.protokol import Jalan, SesiProtokol
from indicators.impor import terapkan as impor
from indicators.io import store
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import PROYEK
from tests.conftest import salin_database
from tests.e2e_util import pantau, simpan_tangkapan, tidak_ada_galat, tunggu_siap

pytestmark = pytest.mark.e2e

TAHUN = max(s.tahun for s in katalog_bawaan().siklus)


@dataclass
class Serve:
    """A running `kla serve`: its process, address, folder and database."""

    proses: subprocess.Popen[bytes]
    port: int
    folder: Path
    db: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _tiga_port_bebas() -> int:
    """A port P with P, P+1 and P+2 free on 127.0.0.1."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port + 2 > 65535:
            continue
        try:
            for p in (port + 1, port + 2):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", p))
        except OSError:
            continue
        return port
    raise RuntimeError("tiga port berurutan tidak ditemukan (no three free ports)")


def _turunan(pid: int) -> set[int]:
    """Every descendant process of ``pid`` (from /proc)."""
    induk: dict[int, list[int]] = {}
    for berkas in Path("/proc").glob("[0-9]*/stat"):
        try:
            bagian = berkas.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        induk.setdefault(int(bagian[1]), []).append(int(berkas.parent.name))
    hasil: set[int] = set()
    antre = [pid]
    while antre:
        for anak in induk.get(antre.pop(), []):
            hasil.add(anak)
            antre.append(anak)
    return hasil


def _hidup(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


@pytest.fixture(scope="module")
def serve(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serve]:
    """`kla serve --replika 2` on free ports and a private copy of the database."""
    folder = tmp_path_factory.mktemp("replika")
    db = salin_database(db_bawaan, folder)
    port = _tiga_port_bebas()
    perintah = [sys.executable, "-m", "indicators.cli.utama", "serve", "--replika", "2", "--port", str(port)]
    perintah += ["--folder", str(folder / "layanan")]
    with open(folder / "serve.log", "wb") as log:
        proses = subprocess.Popen(perintah, cwd=PROYEK, env={**os.environ, "KLA_DB": str(db)}, stdout=log, stderr=log)
    jalan = Serve(proses, port, folder / "layanan", db)
    batas = time.monotonic() + 90
    while b"siap" not in (folder / "serve.log").read_bytes():
        assert proses.poll() is None, (folder / "serve.log").read_text()
        assert time.monotonic() < batas, (folder / "serve.log").read_text()
        time.sleep(0.2)
    try:
        yield jalan
    finally:
        if proses.poll() is None:
            proses.kill()
            proses.wait()


def _baris_log(serve: Serve, kunci: str) -> list[str]:
    return [b for b in (serve.folder / "nginx_akses.log").read_text().splitlines() if f"kunci={kunci}" in b]


def test_sesi_browser_lengket_di_satu_replika(page: Page, serve: Serve):
    pantauan = pantau(page)
    page.goto(f"{serve.url}/?provinsi={PROVINSI}&tahun={TAHUN}")
    tunggu_siap(page)
    page.locator(".kla-kartu-isi").first.wait_for()  # Ringkasan's figure cards
    page.locator(".js-plotly-plot .main-svg").first.wait_for()  # the charts came through nginx too
    tidak_ada_galat(page)
    simpan_tangkapan(page, "replika_ringkasan")
    kue = {c["name"]: c["value"] for c in page.context.cookies()}
    assert "kla_replika" in kue, kue
    # What a session sends besides its page: an upload and a media file (unknown ones: the answer
    # does not matter here, where nginx sends them does).
    page.request.put(f"{serve.url}/_stcore/upload_file/sesi/berkas", data=b"x", fail_on_status_code=False)
    page.request.get(f"{serve.url}/media/tidak-ada.png", fail_on_status_code=False)
    page.goto("about:blank")  # closes the websocket: nginx logs a request when it ends
    pantauan.periksa()
    batas = time.monotonic() + 15
    while not any("/_stcore/stream" in b for b in _baris_log(serve, kue["kla_replika"])):
        assert time.monotonic() < batas, (serve.folder / "nginx_akses.log").read_text()[-3000:]
        time.sleep(0.2)
    baris = _baris_log(serve, kue["kla_replika"])
    for jalur in ("GET /?provinsi", "/_stcore/stream", "/_stcore/upload_file/", "/media/"):
        assert any(jalur in b for b in baris), (jalur, baris)
    replika = {b.split("replika=", 1)[1].split()[0] for b in baris}
    assert len(replika) == 1, baris


def _predikat(jalan: Jalan) -> str:
    assert not jalan.galat, jalan.galat
    return jalan.metrik[f"Predikat resmi {TAHUN}"]


async def _predikat_di_replika(port: int, query: str) -> str:
    """The official predikat on a kab/kota profile, read by a new session straight on one replica."""
    async with SesiProtokol(f"http://127.0.0.1:{port}") as sesi:
        return _predikat(await sesi.buka("profil", query))


async def _predikat_sesi_terbuka(sesi: list[SesiProtokol], query: str) -> list[str]:
    """The official predikat each open session reads at its next rerun of the profile."""
    return [_predikat(await s.buka("profil", query)) for s in sesi]


def test_versi_baru_terbaca_di_kedua_replika(serve: Serve):
    data, _, _ = berkas_kla(serve.db, TAHUN, 1)  # one kab/kota of Jawa Tengah becomes KLA
    kode = data.decode().splitlines()[1].split(",")[1]
    resmi = store.kueri(serve.db, "predikat_resmi", {"tahun": TAHUN})
    lama = resmi.loc[resmi["kode_wilayah"] == kode, "predikat"].iloc[0]
    assert lama != "KLA"
    query = f"provinsi={PROVINSI}&wilayah={kode}&tahun={TAHUN}"
    katalog = katalog_bawaan()

    async def jalan() -> None:
        port = [serve.port + 1, serve.port + 2]
        sesi = [SesiProtokol(f"http://127.0.0.1:{p}") for p in port]
        for s in sesi:
            await s.__aenter__()
        try:
            assert await _predikat_sesi_terbuka(sesi, query) == [lama, lama]
            # The one publisher (copy, swap, lock), as an import from any replica or `kla impor` does.
            periksa = impor.periksa_berkas(data, "uji_replika.csv", katalog, impor.muat_wilayah(serve.db))
            assert not periksa.masalah
            baru = impor.terapkan(serve.db, periksa, katalog, pengguna="uji-replika")
            assert await _predikat_sesi_terbuka(sesi, query) == ["KLA", "KLA"]
            assert [await _predikat_di_replika(p, query) for p in port] == ["KLA", "KLA"]
            impor.batalkan(serve.db, baru.impor_id, pengguna="uji-replika")
            assert await _predikat_sesi_terbuka(sesi, query) == [lama, lama]
        finally:
            for s in sesi:
                await s.__aexit__()

    # Playwright's sync API keeps an event loop running in this thread: the sessions get their own.
    with ThreadPoolExecutor(1) as utas:
        utas.submit(asyncio.run, jalan()).result()


def test_sigterm_menghentikan_semua_anak(serve: Serve):
    anak = _turunan(serve.proses.pid)
    perintah = {p: Path(f"/proc/{p}/cmdline").read_bytes().replace(b"\0", b" ") for p in anak if _hidup(p)}
    # The replicas are `streamlit run` through ui.mulai (Nagle's algorithm off).
    assert sum(b"-m ui.mulai run" in c for c in perintah.values()) == 2, perintah
    assert any(b"nginx" in c for c in perintah.values()), perintah
    serve.proses.send_signal(signal.SIGTERM)
    assert serve.proses.wait(30) == 0
    batas = time.monotonic() + 10
    while any(_hidup(p) for p in anak) and time.monotonic() < batas:
        time.sleep(0.1)
    assert not [p for p in anak if _hidup(p)], perintah
    with pytest.raises(urllib.error.URLError, match="refused"):
        urllib.request.urlopen(serve.url + "/_stcore/health", timeout=2)
