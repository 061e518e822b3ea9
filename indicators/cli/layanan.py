"""``kla serve --replika N [--port P]``: N Streamlit processes behind nginx, with sticky sessions.

One Streamlit process runs every script on one core at a time; a national deployment needs more
than one. The replicas run ``python -m ui.mulai run app.py`` (``streamlit run`` with Nagle's
algorithm off; with the project's .streamlit/config.toml) on ports P+1 … P+N of 127.0.0.1, and
nginx (Debian's, as a foreground child with its own configuration from ``nginx.conf.j2``, every
path in the run folder) listens on P in front of them:
a cookie keeps each browser session on one replica, websockets are upgraded and held open. Ctrl+C
or SIGTERM stops all of them; each child also gets SIGTERM if this process dies first.

The replicas read the same database file. Writes keep going through the one publisher
(:func:`indicators.io.store.terbitkan`, copy-then-swap under a file lock) and every replica reads
the new version at its next query: its connections and caches are keyed on the file's identity
and modification time.
"""

from __future__ import annotations

import argparse
import ctypes
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import jinja2

from indicators.cli.galat import KODE_GALAT_MASUKAN, KODE_GALAT_SISTEM
from indicators.galat import GalatDwibahasa
from indicators.lokasi import PROYEK
from indicators.teks import t

PERINTAH = ("serve",)
NGINX_BAWAAN = "/usr/sbin/nginx"
TEMPLAT = Path(__file__).with_name("nginx.conf.j2")
MAKS_REPLIKA = 16
PORT_MAKS = 65535
BATAS_MULAI_DETIK = 120.0
UNGGAH_MB = 25  # above Streamlit's own cap (server.maxUploadSize, 20 MB), which decides
_PR_SET_PDEATHSIG = 1


class GalatLayanan(GalatDwibahasa):
    """``kla serve`` cannot start or keep running: what, and how to fix it; ``kode`` is the exit code."""

    def __init__(self, pesan: str, pesan_en: str, kode: int) -> None:
        super().__init__(pesan, pesan_en)
        self.kode = kode


Peran = tuple[str, dict[str, object]]  # the text key naming a child, with its fields
NGINX: Peran = ("ly_peran_nginx", {})


def _replika(nomor: int) -> Peran:
    return ("ly_peran_replika", {"nomor": nomor})


def _galat(kunci: str, keluar: int = KODE_GALAT_MASUKAN, peran: Peran | None = None, **isian: object) -> GalatLayanan:
    """The error in both languages; ``peran`` names the child in each language."""
    teks = {}
    for bahasa in ("id", "en"):
        nama = {} if peran is None else {"peran": t(peran[0], bahasa, **peran[1])}
        teks[bahasa] = t(kunci, bahasa, **isian, **nama)
    return GalatLayanan(teks["id"], teks["en"], keluar)


@dataclass
class Layanan:
    """A running set of replicas behind nginx."""

    url: str
    folder: Path
    replika: list[subprocess.Popen[bytes]]
    nginx: subprocess.Popen[bytes]
    port_replika: list[int]

    @property
    def pid_replika(self) -> list[int]:
        """The replicas' process ids (what the load test measures)."""
        return [p.pid for p in self.replika]

    def anak(self) -> list[tuple[Peran, subprocess.Popen[bytes], Path]]:
        """Every child with its role and log, nginx first."""
        daftar = [(NGINX, self.nginx, self.folder / "nginx_galat.log")]
        for nomor, proses in enumerate(self.replika, 1):
            daftar.append((_replika(nomor), proses, self.folder / f"replika_{nomor}.log"))
        return daftar


def path_nginx() -> Path:
    """The nginx binary: ``$KLA_NGINX`` or Debian's ``/usr/sbin/nginx``."""
    return Path(os.environ.get("KLA_NGINX") or NGINX_BAWAAN)


def konfigurasi_nginx(port: int, port_replika: list[int], folder: Path) -> str:
    """The nginx configuration for ``port`` in front of ``port_replika``, writing only inside ``folder``."""
    lingkungan = jinja2.Environment(  # a configuration file, not HTML: nothing to escape
        loader=jinja2.FileSystemLoader(TEMPLAT.parent),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return lingkungan.get_template(TEMPLAT.name).render(
        port=port, port_replika=port_replika, folder=folder, sambungan=4096, unggah_mb=UNGGAH_MB
    )


def periksa_port(port: int, peran: Peran, jumlah: int) -> None:
    """Raise a clear error when ``port`` on 127.0.0.1 is taken."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            raise _galat("ly_port_dipakai", peran=peran, port=port, jumlah=jumlah) from None


def _periksa(replika: int, port: int) -> None:
    if not 1 <= replika <= MAKS_REPLIKA:
        raise _galat("ly_replika_batas", jumlah=replika, maks=MAKS_REPLIKA)
    if not 1024 <= port <= PORT_MAKS - replika:
        raise _galat("ly_port_batas", port=port, maks=PORT_MAKS - replika)
    if not os.access(path_nginx(), os.X_OK):
        raise _galat("ly_nginx_tidak_ada", path=path_nginx())
    periksa_port(port, NGINX, replika)
    for nomor in range(1, replika + 1):
        periksa_port(port + nomor, _replika(nomor), replika)


def _mati_bersama_induk() -> None:
    """In the child, before exec: receive SIGTERM when the parent dies, so no replica is orphaned."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _mulai(perintah: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    with open(log, "wb") as keluaran:
        return subprocess.Popen(
            perintah,
            cwd=PROYEK,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=keluaran,
            stderr=subprocess.STDOUT,
            preexec_fn=_mati_bersama_induk if sys.platform == "linux" else None,
        )


def _periksa_anak(anak: list[tuple[Peran, subprocess.Popen[bytes], Path]]) -> None:
    """Raise, naming it, when any child has stopped."""
    for peran, proses, log in anak:
        if proses.poll() is not None:
            raise _galat("ly_berhenti_sendiri", KODE_GALAT_SISTEM, peran, kode=proses.returncode, log=log)


def _tunggu_sehat(
    url: str, peran: Peran, log: Path, batas: float, anak: list[tuple[Peran, subprocess.Popen[bytes], Path]]
) -> None:
    """Wait until ``url`` answers its health check; any child stopping meanwhile is an error at once."""
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as jawab:
                if jawab.read() == b"ok":
                    return
        # Not up yet. An HTTPException too: while nothing listens on a port in the ephemeral range,
        # a connection can get that same port as its source and reach itself (TCP simultaneous
        # open), and the health check reads back its own request ("GET /_stcore/health HTTP/1.1").
        except (OSError, http.client.HTTPException):
            pass
        _periksa_anak(anak)
        if time.monotonic() > batas:
            raise _galat("ly_gagal_mulai", KODE_GALAT_SISTEM, peran, detik=int(BATAS_MULAI_DETIK), log=log)
        time.sleep(0.3)


def hentikan(proses: list[subprocess.Popen[bytes]], batas_detik: float = 15) -> None:
    """SIGTERM to every process still running, then wait; SIGKILL what is left after ``batas_detik``."""
    for p in proses:
        if p.poll() is None:
            p.terminate()
    batas = time.monotonic() + batas_detik
    for p in proses:
        try:
            p.wait(max(0.1, batas - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


@contextmanager
def layanan(replika: int, port: int, folder: Path, db: Path | None = None) -> Iterator[Layanan]:
    """Start ``replika`` Streamlit processes and nginx on ``port``; stop them all when the block ends.

    ``folder`` receives the nginx configuration, logs and buffers; ``db`` (default ``$KLA_DB`` or
    data/kla.duckdb) is the database every replica reads.
    """
    _periksa(replika, port)
    folder = folder.resolve()
    (folder / "sementara").mkdir(parents=True, exist_ok=True)
    port_replika = [port + n for n in range(1, replika + 1)]
    env = {
        **os.environ,
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
    }  # one secret: any replica can read a cookie
    if db is not None:
        env["KLA_DB"] = str(db)
    conf = folder / "nginx.conf"
    conf.write_text(konfigurasi_nginx(port, port_replika, folder), encoding="utf-8")
    proses: list[subprocess.Popen[bytes]] = []
    with ExitStack() as tumpukan:
        tumpukan.callback(hentikan, proses)
        replika_proses = []
        for nomor, p in enumerate(port_replika, 1):
            # From the project folder (_mulai): .streamlit/config.toml applies, file watcher off included.
            # ui.mulai is `streamlit run` with Nagle's algorithm off (see its docstring).
            perintah = [sys.executable, "-m", "ui.mulai", "run", str(PROYEK / "app.py"), "--server.address"]
            perintah += ["127.0.0.1", "--server.port", str(p), "--server.headless", "true"]
            replika_proses.append(_mulai(perintah, folder / f"replika_{nomor}.log", env))
            proses.append(replika_proses[-1])
        perintah = [str(path_nginx()), "-c", str(conf), "-p", str(folder), "-e", str(folder / "nginx_galat.log")]
        nginx = _mulai([*perintah, "-g", "daemon off;"], folder / "nginx_keluaran.log", env)
        proses.append(nginx)
        jalan = Layanan(f"http://127.0.0.1:{port}", folder, replika_proses, nginx, port_replika)
        batas = time.monotonic() + BATAS_MULAI_DETIK
        alamat = [jalan.url, *(f"http://127.0.0.1:{p}" for p in port_replika)]
        tunggu = list(zip(jalan.anak(), alamat, strict=True))
        # The replicas first: nginx asked too early marks a replica down for a while.
        for (peran, _, log), url in [*tunggu[1:], tunggu[0]]:
            _tunggu_sehat(url, peran, log, batas, jalan.anak())
        yield jalan


def daftarkan(sub: Any) -> None:
    """Add ``kla serve`` to the ``kla`` subparsers ``sub``."""
    p = sub.add_parser("serve", help="jalankan dasbor: N replika di belakang nginx (serve: N replicas behind nginx)")
    p.add_argument("--replika", type=int, default=2, help="jumlah proses Streamlit (number of replicas, default 2)")
    p.add_argument("--port", type=int, default=8501, help="port nginx di 127.0.0.1; replika di port sesudahnya")
    p.add_argument("--folder", type=Path, default=None, help="folder konfigurasi dan log (default: folder sementara)")


class _Berhenti(Exception):
    """SIGTERM or Ctrl+C arrived: leave the serving loop and stop every child."""


def _saat_berhenti(_nomor: int, _bingkai: FrameType | None) -> None:
    raise _Berhenti


def _layani(jalan: Layanan) -> int:
    """Wait until Ctrl+C or SIGTERM; a child that stops by itself stops the rest (exit 1)."""
    isian = {"url": jalan.url, "jumlah": len(jalan.replika), "folder": jalan.folder}
    isian["port_replika"] = ", ".join(map(str, jalan.port_replika))
    print(t("ly_siap", "id", **isian), t("ly_siap", "en", **isian), sep="\n", flush=True)
    while True:
        _periksa_anak(jalan.anak())  # raises GalatLayanan (exit 1), and the block stops the rest
        time.sleep(0.5)


def jalankan(args: argparse.Namespace) -> int:
    """Serve until stopped; exit 0 on Ctrl+C or SIGTERM, 2 for a wrong argument or a taken port, 1 otherwise."""
    # Ctrl+C too, even when started from a script that ignores it (a background job in a shell).
    lama = {sinyal: signal.signal(sinyal, _saat_berhenti) for sinyal in (signal.SIGTERM, signal.SIGINT)}
    mulai = False
    try:
        with ExitStack() as tumpukan:
            folder = args.folder or Path(tumpukan.enter_context(tempfile.TemporaryDirectory(prefix="kla-serve-")))
            with layanan(args.replika, args.port, folder) as jalan:
                mulai = True
                try:
                    return _layani(jalan)
                finally:
                    # A second signal must not cut the stopping short: the block stops every child.
                    for sinyal in lama:
                        signal.signal(sinyal, signal.SIG_IGN)
    except GalatLayanan as exc:
        print(f"Galat (error): {exc.pesan} / {exc.pesan_en}", file=sys.stderr)
        return exc.kode
    except (KeyboardInterrupt, _Berhenti):
        return 0
    finally:
        for sinyal, penangan in lama.items():
            signal.signal(sinyal, penangan)
        if mulai:
            print(t("ly_berhenti", "id") + " / " + t("ly_berhenti", "en"), file=sys.stderr)
