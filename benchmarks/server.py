"""A real Streamlit server on 127.0.0.1 for the benchmark and the load test, and how to watch it."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from indicators.lokasi import PROYEK

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Chromium as root on a closed network: no sandbox, and nothing of its own calling out.
ARGUMEN_CHROMIUM = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
]
# Streamlit has finished a run: the script is idle, connected, and nothing on the page is stale.
SIAP_JS = """() => { const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
      && app.getAttribute('data-test-connection-state') === 'CONNECTED'
      && !document.querySelector('[data-stale="true"]'); }"""
# For each drawn map region (an SVG path): the centre of its bounding box and whether that point lies
# inside the region itself (a concave region's box centre can fall outside it). Plotly geo puts a
# drag layer on top of the paths, so elementFromPoint cannot tell; isPointInFill in the path's own
# coordinates can. Clicking there clicks that region, as a person would.
PUSAT_JS = """ps => ps.map(p => {
  const r = p.getBoundingClientRect(); const x = r.x + r.width / 2, y = r.y + r.height / 2;
  const pt = p.ownerSVGElement.createSVGPoint(); pt.x = x; pt.y = y;
  return {kode: p.__data__ && p.__data__.loc, x, y, lebar: r.width,
          di_dalam: p.isPointInFill(pt.matrixTransform(p.getScreenCTM().inverse()))};
})"""


def port_bebas() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Server:
    """A running dashboard: its URL and process id."""

    url: str
    pid: int

    def memori_puncak_mb(self) -> float:
        """Peak resident memory of the server process so far (VmHWM), in MB."""
        for baris in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if baris.startswith("VmHWM:"):
                return int(baris.split()[1]) / 1024
        raise RuntimeError("VmHWM tidak terbaca (not readable)")


@contextmanager
def server_streamlit(
    db_path: Path, log_path: Path, batas_detik: float = 90, env_tambahan: Mapping[str, str | None] | None = None
) -> Iterator[Server]:
    """Start ``streamlit run app.py`` on 127.0.0.1 serving ``db_path``; stop it when the block ends.

    ``env_tambahan`` sets (or, with None, removes) environment variables of the server.
    """
    env = {**os.environ, "KLA_DB": str(db_path)}
    for nama, nilai in (env_tambahan or {}).items():
        if nilai is None:
            env.pop(nama, None)
        else:
            env[nama] = nilai
    with jalankan_streamlit(PROYEK / "app.py", log_path, env=env, batas_detik=batas_detik) as server:
        yield server


@contextmanager
def jalankan_streamlit(
    skrip: Path, log_path: Path, *, env: Mapping[str, str] | None = None, batas_detik: float = 90
) -> Iterator[Server]:
    """``streamlit run skrip`` on 127.0.0.1, from the script's folder; stopped when the block ends.

    Yielded once it answers its health check; a server that dies or never answers raises with the
    end of its log.
    """
    port = port_bebas()
    # ui.mulai is `streamlit run` with Nagle's algorithm off, as the dashboard is served; the
    # project on PYTHONPATH lets it start a script in another folder too (the empty-page floor).
    perintah = [sys.executable, "-m", "ui.mulai", "run", str(skrip), "--server.address", "127.0.0.1"]
    perintah += ["--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    with open(log_path, "w") as keluaran:
        lingkungan = dict(env if env is not None else os.environ)
        lingkungan["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROYEK), lingkungan.get("PYTHONPATH")]))
        proc = subprocess.Popen(
            perintah, cwd=skrip.parent, env=lingkungan, stdout=keluaran,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    batas = time.time() + batas_detik
    try:
        while True:
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                    break
            except (OSError, http.client.HTTPException):  # HTTPException: a self-connection (cli/layanan.py)
                if time.time() > batas or proc.poll() is not None:
                    raise RuntimeError(log_path.read_text()[-3000:]) from None
                time.sleep(0.3)
        yield Server(url, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
