"""`kla serve` without serving: the nginx configuration nginx itself accepts, and the clear one-line
errors for a missing nginx, a taken port and a wrong number of replicas (nothing is started).

The running replicas are tested end to end in tests/e2e/test_e2e_replika.py.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from indicators.cli import layanan, utama


@pytest.fixture
def port_dipegang() -> Iterator[int]:
    """A port on 127.0.0.1 held by this test, as another program would."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield int(s.getsockname()[1])


def test_konfigurasi_diterima_nginx_dan_tetap_di_foldernya(tmp_path: Path):
    (tmp_path / "sementara").mkdir()
    teks = layanan.konfigurasi_nginx(18500, [18501, 18502], tmp_path)
    conf = tmp_path / "nginx.conf"
    conf.write_text(teks, encoding="utf-8")
    uji = subprocess.run(
        [str(layanan.path_nginx()), "-t", "-c", str(conf), "-p", str(tmp_path), "-e", str(tmp_path / "galat.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert uji.returncode == 0, uji.stderr
    assert "listen 127.0.0.1:18500;" in teks
    assert "server 127.0.0.1:18501;" in teks
    assert "server 127.0.0.1:18502;" in teks
    assert "hash $kla_kunci consistent;" in teks
    assert "ip_hash" not in teks
    assert "proxy_set_header Upgrade $http_upgrade;" in teks
    # Every path nginx writes is inside the run folder: nothing under /var or /run.
    jalur = [
        b.split()[1].rstrip(";")
        for b in teks.splitlines()
        if b.strip().split(" ")[0].endswith(("_path", "_log", "pid"))
    ]
    assert len(jalur) == 8, jalur  # pid, two logs, five temporary paths
    assert all(j.startswith(str(tmp_path)) for j in jalur), jalur


def test_port_dipakai_pesan_jelas(port_dipegang: int, capsys: pytest.CaptureFixture[str]):
    assert utama.main(["serve", "--replika", "1", "--port", str(port_dipegang)]) == 2
    galat = capsys.readouterr().err.strip()
    assert galat.count("\n") == 0
    assert f"Port {port_dipegang} di 127.0.0.1 sudah dipakai" in galat
    assert galat.index("sudah dipakai") < galat.index("already in use")
    assert "pintu masuk nginx" in galat
    assert "the nginx entrance" in galat
    assert "--port" in galat


def test_port_replika_dipakai_menyebut_replikanya(port_dipegang: int, capsys: pytest.CaptureFixture[str]):
    assert utama.main(["serve", "--replika", "2", "--port", str(port_dipegang - 2)]) == 2
    galat = capsys.readouterr().err
    assert f"Port {port_dipegang}" in galat
    assert "replika 2" in galat
    assert "replica 2" in galat


def test_nginx_tidak_ada(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("KLA_NGINX", str(tmp_path / "nginx"))
    assert utama.main(["serve", "--port", "18600"]) == 2
    galat = capsys.readouterr().err
    assert f"nginx tidak ditemukan di {tmp_path / 'nginx'}" in galat
    assert "apt-get install nginx" in galat
    assert "KLA_NGINX" in galat
    assert "nginx not found" in galat


@pytest.mark.parametrize(("argumen", "pesan"), [(["--replika", "0"], "--replika"), (["--port", "80"], "--port")])
def test_argumen_di_luar_batas(argumen: list[str], pesan: str, capsys: pytest.CaptureFixture[str]):
    assert utama.main(["serve", *argumen]) == 2
    assert pesan in capsys.readouterr().err


def test_anak_yang_berhenti_sendiri_menghentikan_semuanya(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    # An "nginx" that exits at once with code 1: the replica already started must be stopped too.
    monkeypatch.setenv("KLA_NGINX", "/bin/false")
    monkeypatch.setenv("KLA_DB", str(tmp_path / "kla.duckdb"))  # a replica starts without reading it
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    argumen = ["serve", "--replika", "1", "--port", str(port), "--folder", str(tmp_path)]
    assert utama.main(argumen) == 1
    galat = capsys.readouterr().err
    assert "pintu masuk nginx berhenti sendiri (kode 1)" in galat
    assert "the nginx entrance stopped by itself (code 1)" in galat
    with socket.socket() as s:
        s.bind(("127.0.0.1", port + 1))  # the replica's port is free again: it was stopped
    assert (tmp_path / "replika_1.log").exists()


def test_sehat_menunggu_saat_pemeriksaan_membaca_permintaannya_sendiri(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """A health check that connected to itself (nothing listening yet) reads back its own request
    line; that means "not up yet", never a crash of `kla serve` (seen once in CI)."""
    import http.client
    import io

    jawaban: list[object] = [http.client.BadStatusLine("GET /_stcore/health HTTP/1.1\r\n"), ConnectionRefusedError()]

    def buka(url: str, timeout: float) -> io.BytesIO:
        if jawaban:
            galat = jawaban.pop(0)
            assert isinstance(galat, Exception)
            raise galat
        return io.BytesIO(b"ok")

    monkeypatch.setattr(urllib.request, "urlopen", buka)
    monkeypatch.setattr(time, "sleep", lambda _: None)
    layanan._tunggu_sehat("http://127.0.0.1:1", layanan.NGINX, tmp_path / "log", time.monotonic() + 30, [])
    assert not jawaban
