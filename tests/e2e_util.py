"""Shared helpers for the Playwright tests: a server with accounts, waiting for Streamlit, watching
the network and the console, and saving screenshots to tests/artefak/."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import ConsoleMessage, Page, Request, expect

from benchmarks.server import SIAP_JS, server_streamlit
from indicators.akun import pengguna
from tests.conftest import ARTEFAK

# Streamlit's known benign console noise (docs/tech-notes §5.2): a deep URL makes the frontend
# probe /<page>/_stcore/health and /host-config while it finds its base path.
_KONSOL_JINAK = (
    "/_stcore/health",
    "/_stcore/host-config",
    "Failed to load resource: the server responded with a status of 404",
)


Akun = tuple[str, str, list[str], str]
"""An account to create: name, role, regions in scope, password."""


@contextmanager
def server_dengan_akun(
    db_bawaan: Path, folder: Path, nama: str, akun: Sequence[Akun], siapkan: Callable[[Path], None] | None = None
) -> Iterator[tuple[str, Path]]:
    """A Streamlit server of app.py on its own copy of the database, with these accounts: (URL, db).

    Editing pages need a login, so the public view is left to its default. ``siapkan`` fills the
    copy further before the server starts; the server's log is tests/artefak/streamlit_<nama>.log.
    """
    db = folder / "kla.duckdb"
    shutil.copyfile(db_bawaan, db)
    for nama_akun, peran, wilayah, sandi in akun:
        pengguna.tambah_pengguna(pengguna.path_akun(db), nama_akun, peran, wilayah, sandi)
    if siapkan is not None:
        siapkan(db)
    ARTEFAK.mkdir(exist_ok=True)
    log = ARTEFAK / f"streamlit_{nama}.log"
    with server_streamlit(db, log, env_tambahan={pengguna.ENV_TAMPILAN_PUBLIK: None}) as server:
        yield server.url, db


def tunggu_siap(page: Page, batas_ms: int = 60_000) -> None:
    """Wait until the script finished and nothing on the page is stale."""
    page.wait_for_function(SIAP_JS, timeout=batas_ms)


def masuk(page: Page, nama: str, sandi: str, tanda: str) -> None:
    """Log in through the page's "Masuk untuk mengubah" form and wait for ``tanda`` (text shown once in).

    The app is idle and the form's button enabled before the click: a click while a rerun was
    still being drawn was once lost (the form kept the typed name and nothing came back).
    """
    page.get_by_text("Masuk untuk mengubah").click()
    page.get_by_label("Nama pengguna").fill(nama)
    page.get_by_label("Sandi").fill(sandi)
    tombol = page.get_by_role("button", name="Masuk", exact=True)
    tunggu_siap(page)
    expect(tombol).to_be_enabled()
    tombol.click()
    # .first: a page may say it twice (the sidebar names who is logged in)
    sudah = page.get_by_text(tanda).first
    try:
        expect(sudah).to_be_visible(timeout=15_000)
    except AssertionError:
        # Once in a while, in a second browser context, the click reached no rerun at all: the form
        # still shows, enabled, with the name typed. Logging in is idempotent, so click once more;
        # any other state (an error box, a wrong password message) fails below as before.
        tunggu_siap(page)
        if tombol.is_visible() and tombol.is_enabled():
            print(f"masuk({nama!r}): klik pertama tanpa rerun, klik sekali lagi (first click lost, clicking again)")
            tombol.click()
        expect(sudah).to_be_visible(timeout=30_000)
    tunggu_siap(page)


@dataclass
class Pantauan:
    """Requests, failed requests and console errors seen by a page."""

    permintaan: list[str] = field(default_factory=list)
    gagal: list[str] = field(default_factory=list)
    galat_konsol: list[str] = field(default_factory=list)

    def luar(self) -> list[str]:
        """Requests to any host other than 127.0.0.1 (data: and blob: URLs are local)."""
        return [
            u
            for u in self.permintaan
            if urlparse(u).scheme in {"http", "https", "ws", "wss"} and urlparse(u).hostname != "127.0.0.1"
        ]

    def periksa(self) -> None:
        """Fail on any request off the machine, any failed request, any unexpected console error."""
        assert not self.luar(), self.luar()
        assert not self.gagal, self.gagal
        assert not self.galat_konsol, self.galat_konsol


def pantau(page: Page) -> Pantauan:
    """Start recording a page's network and console."""
    hasil = Pantauan()

    def _konsol(pesan: ConsoleMessage) -> None:
        if pesan.type == "error" and not any(j in pesan.text for j in _KONSOL_JINAK):
            hasil.galat_konsol.append(pesan.text)

    def _gagal(req: Request) -> None:
        # A request the page itself cancelled (a rerun or navigation replaced what asked for it) is
        # not a failure; a refused, missing or unreachable resource is.
        if req.failure != "net::ERR_ABORTED":
            hasil.gagal.append(f"{req.url} {req.failure}")

    page.on("request", lambda r: hasil.permintaan.append(r.url))
    page.on("requestfailed", _gagal)
    page.on("console", _konsol)
    return hasil


def tidak_ada_galat(page: Page) -> None:
    """No Streamlit error or exception element is on the page."""
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


def simpan_tangkapan(page: Page, nama: str) -> None:
    """Save a screenshot to tests/artefak/<nama>.png (look at it)."""
    ARTEFAK.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFAK / f"{nama}.png"))
