"""Load and fault test: concurrent browser sessions read while an import and its rollback run.

``kla bench --beban [--sesi 5] [--detik 60] [--skala nasional|cepat]`` starts the dashboard on
127.0.0.1 with a generated database, drives ``--sesi`` headless Chromium sessions (Playwright,
Debian's chromium) through the pages for a bounded time, and meanwhile imports a predikat file
and rolls it back every few seconds. It reports errors (must be 0), p50/p95 interaction latency
and whether any reader ever saw a half import (must never): the file turns ``M`` kab/kota of Jawa
Tengah to predikat KLA, so the overview's KLA count must read either the count before or the count
after, nothing in between. All traffic goes to 127.0.0.1; the test stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pandas as pd

from benchmarks.data_nasional import Skala, bangun_nasional
from benchmarks.server import ARGUMEN_CHROMIUM, CHROMIUM, SIAP_JS, server_streamlit
from indicators.analisis import rekap
from indicators.impor import terapkan as impor
from indicators.io import store
from indicators.katalog.model import katalog_bawaan

PROVINSI = "33"
# Pages a session walks through (URL path, sidebar title); on the overview it checks the KLA count.
HALAMAN = (
    ("peta", "Peta"),
    ("", "Ringkasan"),
    ("profil", "Profil Wilayah"),
    ("", "Ringkasan"),
    ("perbandingan", "Perbandingan"),
    ("indikator", "Indikator"),
    ("regulasi", "Regulasi"),
    ("pembinaan", "Pembinaan"),
    ("perlindungan", "Perlindungan Anak"),
)
JEDA_PENULIS_DETIK = 3.0


@dataclass
class HasilBeban:
    """What the load test saw."""

    sesi: int
    detik: float
    interaksi: int = 0
    galat: list[str] = field(default_factory=list)
    latensi_ms: list[float] = field(default_factory=list)
    bacaan_kla: dict[int, int] = field(default_factory=dict)  # KLA count read → how often
    kla_sebelum: int = 0
    kla_sesudah: int = 0
    siklus_impor: int = 0
    galat_penulis: list[str] = field(default_factory=list)
    permintaan_luar: list[str] = field(default_factory=list)

    @property
    def setengah_impor(self) -> list[int]:
        """KLA counts read that are neither before nor after the import: a half import seen."""
        return sorted(k for k in self.bacaan_kla if k not in (self.kla_sebelum, self.kla_sesudah))

    def ringkasan(self) -> dict[str, Any]:
        """The report as plain data."""
        lat = sorted(self.latensi_ms)
        p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))] if lat else None
        data = {k: v for k, v in asdict(self).items() if k != "latensi_ms"}
        return data | {
            "p50_ms": statistics.median(lat) if lat else None,
            "p95_ms": p95,
            "setengah_impor": self.setengah_impor,
            "lolos": self.interaksi > 0
            and not self.galat
            and not self.galat_penulis
            and not self.setengah_impor
            and not self.permintaan_luar,
        }


def tahun_uji(db_path: Path) -> int:
    """The latest cycle whose Jawa Tengah KLA count rests on the per-region list, not on a recap.

    Only then does importing kab/kota predikat move the overview's KLA card, so only then can a
    reader that sees neither the count before nor the one after have seen half an import. The
    latest cycle (2025) has an official recap, whose count no import changes: there the check
    could not fail.
    """
    resmi = store.kueri(db_path, "predikat_resmi", {"tahun": None})
    dengan_daftar = {int(x) for x in resmi.loc[resmi["kode_wilayah"].str.startswith(PROVINSI + "."), "tahun"]}
    wilayah = store.kueri(db_path, "wilayah_semua")
    nama = wilayah.loc[wilayah["kode_wilayah"] == PROVINSI, "nama"].iloc[0]
    pilihan = rekap.pilih_rekap(store.kueri(db_path, "rekap_predikat"))
    pita = katalog_bawaan().pita.urutan()
    dari_rekap = pilihan[
        (pilihan["cakupan"] == rekap.cakupan_rekap(PROVINSI, str(nama))) & pilihan["predikat"].isin(pita)
    ]
    bisa = dengan_daftar - {int(x) for x in dari_rekap["tahun"]}
    if not bisa:
        raise RuntimeError(f"tidak ada siklus tanpa rekap resmi untuk provinsi {PROVINSI} (no cycle without a recap)")
    return max(bisa)


def _kla_provinsi(db_path: Path, tahun: int) -> tuple[int, list[str]]:
    """The province's KLA count in ``tahun`` and its kab/kota that are not KLA, in code order."""
    resmi = store.kueri(db_path, "predikat_resmi", {"tahun": tahun})
    resmi = resmi[resmi["kode_wilayah"].str.startswith(PROVINSI + ".")]
    return int((resmi["predikat"] == "KLA").sum()), sorted(resmi.loc[resmi["predikat"] != "KLA", "kode_wilayah"])


def _csv_kla(tahun: int, kode: Sequence[str]) -> bytes:
    sumber = "uji beban (load test)"
    df = pd.DataFrame({"tahun": tahun, "kode_wilayah": list(kode), "predikat": "KLA", "sumber": sumber})
    return df.to_csv(index=False).encode("utf-8")


def berkas_kla(db_path: Path, tahun: int, jumlah: int) -> tuple[bytes, int, int]:
    """A predikat file turning the first ``jumlah`` Jawa Tengah kab/kota that are not KLA into KLA.

    Returns the CSV bytes and the KLA count of the province before and after it.
    """
    sebelum, bukan = _kla_provinsi(db_path, tahun)
    kode = bukan[:jumlah]
    return _csv_kla(tahun, kode), sebelum, sebelum + len(kode)


def berkas_kla_bergilir(db_path: Path, tahun: int, jumlah: int, banyak: int = 64) -> tuple[list[bytes], int, int]:
    """``banyak`` files like :func:`berkas_kla`'s, each turning another set of ``jumlah`` kab/kota into KLA.

    A writer importing them in turn brings rows no cache has seen, as real imports do. One file
    imported and rolled back over and over gives two versions of the data, and the dashboard's
    figure memo (keyed by content) would soon hold both. The sets are drawn with fixed seeds.
    """
    sebelum, bukan = _kla_provinsi(db_path, tahun)
    n = min(jumlah, len(bukan))
    berkas = [_csv_kla(tahun, sorted(random.Random(putaran).sample(bukan, n))) for putaran in range(banyak)]
    return berkas, sebelum, sebelum + n


def penulis_impor(db_path: Path, berkas: Sequence[bytes], selesai: threading.Event, hasil: HasilBeban) -> None:
    """Import the next file, roll it back, repeat until told to stop."""
    katalog = katalog_bawaan()
    wilayah = impor.muat_wilayah(db_path)
    while not selesai.is_set():
        try:
            data = berkas[hasil.siklus_impor % len(berkas)]
            periksa = impor.periksa_berkas(data, "uji_beban.csv", katalog, wilayah)
            if periksa.masalah:
                hasil.galat_penulis.append(str(periksa.masalah[0]))
                return
            baru = impor.terapkan(db_path, periksa, katalog, pengguna="uji-beban")
            selesai.wait(JEDA_PENULIS_DETIK)
            impor.batalkan(db_path, baru.impor_id, pengguna="uji-beban")
            hasil.siklus_impor += 1
            selesai.wait(JEDA_PENULIS_DETIK)
        except Exception as exc:  # the report must say what went wrong, not die
            hasil.galat_penulis.append(f"{type(exc).__name__}: {exc}")
            return


_BERJALAN_JS = """() => document.querySelector('[data-testid="stApp"]')
  ?.getAttribute('data-test-script-state') === 'running'"""


async def _tunggu_selesai(page: Any) -> None:
    """Wait for the rerun a click started, then for Streamlit to be idle with nothing stale."""
    with contextlib.suppress(Exception):  # a fast rerun may finish before we look
        await page.wait_for_function(_BERJALAN_JS, timeout=3_000)
    await page.wait_for_function(SIAP_JS, timeout=120_000)


async def _baca_kla(page: Any, hasil: HasilBeban) -> None:
    kartu = page.locator(".kla-kartu-isi").filter(has=page.locator(".kla-kartu-label", has_text="KLA"))
    jumlah = int((await kartu.first.locator(".kla-kartu-nilai").inner_text()).strip())
    hasil.bacaan_kla[jumlah] = hasil.bacaan_kla.get(jumlah, 0) + 1


async def _sesi(browser: Any, url: str, nomor: int, batas: float, tahun: int, hasil: HasilBeban) -> None:
    """One user: open the overview once, then move between pages with the sidebar, as people do."""
    konteks = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await konteks.new_page()

    def _konsol(pesan: Any) -> None:
        teks = pesan.text
        if pesan.type == "error" and "/_stcore/" not in teks and "status of 404" not in teks:
            hasil.galat.append(f"sesi {nomor} konsol: {teks[:200]}")

    def _permintaan(req: Any) -> None:
        bagian = urlparse(req.url)
        if bagian.scheme in ("http", "https", "ws", "wss") and bagian.hostname != "127.0.0.1":
            hasil.permintaan_luar.append(req.url)

    page.on("console", _konsol)
    page.on("request", _permintaan)
    try:
        mulai = time.perf_counter()  # opening the dashboard is the first interaction
        await page.goto(f"{url}/?provinsi={PROVINSI}&tahun={tahun}", timeout=180_000)  # the overview is the root
        await page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=180_000)
        await page.wait_for_function(SIAP_JS, timeout=180_000)
        hasil.latensi_ms.append((time.perf_counter() - mulai) * 1000)
        hasil.interaksi += 1
        await _baca_kla(page, hasil)
        langkah = nomor  # sessions walk the pages from different starting points
        while time.monotonic() < batas:
            url_path, judul = HALAMAN[langkah % len(HALAMAN)]
            langkah += 1
            mulai = time.perf_counter()
            try:
                await page.get_by_test_id("stSidebarNav").get_by_role("link", name=judul, exact=True).click()
                await page.wait_for_url(f"{url}/{url_path}*", timeout=60_000)
                await _tunggu_selesai(page)
            except Exception as exc:
                hasil.galat.append(f"sesi {nomor} {url_path}: {type(exc).__name__}: {str(exc)[:200]}")
                continue
            hasil.latensi_ms.append((time.perf_counter() - mulai) * 1000)
            hasil.interaksi += 1
            if await page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count():
                teks = await page.locator('[data-testid="stAlertContentError"]').all_inner_texts()
                hasil.galat.append(f"sesi {nomor} {url_path}: galat di halaman {teks[:1]}")
            if judul == "Ringkasan":
                await _baca_kla(page, hasil)
    except Exception as exc:
        hasil.galat.append(f"sesi {nomor}: {type(exc).__name__}: {str(exc)[:200]}")
    finally:
        await konteks.close()


async def _baca_serentak(url: str, sesi: int, detik: float, tahun: int, hasil: HasilBeban) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN_CHROMIUM)
        try:
            batas = time.monotonic() + detik
            await asyncio.gather(*(_sesi(browser, url, n, batas, tahun, hasil) for n in range(sesi)))
        finally:
            await browser.close()


def uji_beban(db_sumber: Path, sesi: int, detik: float, folder: Path, jumlah_kla: int = 5) -> HasilBeban:
    """Run the load test on a copy of ``db_sumber`` and return what it saw."""
    db = folder / "kla_beban.duckdb"
    shutil.copy(db_sumber, db)
    tahun = tahun_uji(db)
    berkas, sebelum, sesudah = berkas_kla_bergilir(db, tahun, jumlah_kla)
    hasil = HasilBeban(sesi, detik, kla_sebelum=sebelum, kla_sesudah=sesudah)
    selesai = threading.Event()
    with server_streamlit(db, folder / "streamlit_beban.log") as server:
        penulis = threading.Thread(target=penulis_impor, args=(db, berkas, selesai, hasil), daemon=True)
        penulis.start()
        try:
            asyncio.run(_baca_serentak(server.url, sesi, detik, tahun, hasil))
        finally:
            selesai.set()
            penulis.join(60)
    return hasil


def tambah_argumen(p: argparse.ArgumentParser) -> None:
    """Add the load test's arguments (``--sesi``, ``--detik``) to a parser."""
    p.add_argument("--sesi", type=int, default=5, help="sesi Chromium serentak (concurrent browser sessions)")
    p.add_argument("--detik", type=float, default=60, help="lama uji beban (duration, seconds)")


def utama(args: argparse.Namespace) -> int:
    """Build the data, run the load test, print and save the report; 1 when it failed."""
    skala: Skala = args.skala
    with tempfile.TemporaryDirectory(prefix="kla-beban-") as folder_teks:
        folder = Path(folder_teks)
        db = folder / "kla.duckdb"
        bangun_nasional(db, katalog_bawaan(), skala)
        hasil = uji_beban(db, args.sesi, args.detik, folder)
    laporan = hasil.ringkasan()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"beban_{time.strftime('%Y-%m-%d')}_{skala}.json"
    path.write_text(json.dumps(laporan, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(
        f"Uji beban (load test): {hasil.sesi} sesi, {hasil.detik:.0f} s, {hasil.interaksi} interaksi, "
        f"p50 {laporan['p50_ms'] or 0:.0f} ms, p95 {laporan['p95_ms'] or 0:.0f} ms, "
        f"{hasil.siklus_impor} siklus impor+rollback, galat {len(hasil.galat) + len(hasil.galat_penulis)}, "
        f"bacaan KLA {dict(sorted(hasil.bacaan_kla.items()))} "
        f"(sebelum {hasil.kla_sebelum}, sesudah {hasil.kla_sesudah}), "
        f"setengah impor {hasil.setengah_impor or 'tidak pernah'}\n"
    )
    for g in (hasil.galat + hasil.galat_penulis)[:10]:
        sys.stdout.write(f"  {g}\n")
    return 0 if laporan["lolos"] else 1


if __name__ == "__main__":
    from benchmarks.jalankan import parser

    p = parser()
    tambah_argumen(p)
    sys.exit(utama(p.parse_args()))
