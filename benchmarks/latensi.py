"""``kla bench --latensi``: how long a person waits in the browser, against its floors (#17, section 1).

A real server (:func:`benchmarks.server.server_streamlit`) and Debian Chromium through Playwright.
An init script in the page records, on the page's own clock (``performance.now()``):

- the user's action (the last ``pointerdown``/``keydown``; for a page opened by URL, navigation start);
- every websocket frame sent (Streamlit's ``BackMsg``) and received (``ForwardMsg``): time and bytes;
- the last DOM change inside any Plotly chart (a chart redrawn), and when the app last became idle
  (``data-test-script-state`` back to ``notRunning``, connected, nothing stale).

One interaction ends when the app is idle, every chart holds its SVG and nothing has changed for
:data:`TENANG_MS` (charts arrive after the script finishes: Streamlit loads its Plotly component
lazily). Its figures: to every chart drawn (``gambar``) and to idle (``siap``), and where the time
went: client until the rerun request left, server (first to last frame received: the rerun streams
its elements as it goes), and client after the last frame (element diffing, React, Plotly).

Floors beside each figure: the same interaction on an empty Streamlit page (one selectbox, written
to a temporary folder) and Plotly's own draw time for the page's figures (read back from the
charts, drawn with the installed plotly.js on a static page, offline). "After a data change"
touches the database file, a new data version as after an import: every data cache is keyed on the
file's modification time, so every query runs again. The rows stay the same, so the figures and
tables built from them are reused (ui/tetap.py keys them by content), as after an import that did
not change what the page shows. (Up to the runs `05q` they were keyed by version and built again too.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.mesin import mesin, teks_uji_cpu, uji_cpu_ms
from benchmarks.server import ARGUMEN_CHROMIUM, CHROMIUM, PUSAT_JS, SIAP_JS, jalankan_streamlit, server_streamlit
from indicators.format import format_angka
from indicators.lokasi import PROYEK

TENANG_MS = 400
"""Quiet time after the last change before an interaction counts as finished (not counted in it)."""

PANTAU_JS = """
(() => {
  const lt = window.__lt = {aksi: 0, kirim: [], terima: [], plot: 0, dom: 0, siap: 0};
  const Asli = window.WebSocket;
  const ukuran = d => d == null ? 0 : (d.byteLength ?? d.size ?? d.length ?? 0);
  class Pantau extends Asli {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', e => lt.terima.push([performance.now(), ukuran(e.data)]));
    }
    send(d) { lt.kirim.push([performance.now(), ukuran(d)]); return super.send(d); }
  }
  window.WebSocket = Pantau;
  for (const jenis of ['pointerdown', 'keydown']) {
    document.addEventListener(jenis, () => { lt.aksi = performance.now(); }, true);
  }
  const siap = () => { const app = document.querySelector('[data-testid="stApp"]');
    return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
      && app.getAttribute('data-test-connection-state') === 'CONNECTED'
      && !document.querySelector('[data-stale="true"]'); };
  const amati = new MutationObserver(daftar => {
    const t = performance.now();
    lt.dom = t;
    for (const m of daftar) {
      const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      if (el && el.closest && el.closest('[data-testid="stPlotlyChart"]')) lt.plot = t;
      if (m.type === 'attributes' && m.attributeName && m.attributeName.startsWith('data-test')) {
        if (siap()) lt.siap = t;
      }
    }
    const terakhir = lt.terima.length ? lt.terima[lt.terima.length - 1][0] : 0;
    if (siap() && lt.siap < Math.max(lt.aksi, terakhir)) lt.siap = t;
  });
  const mulai = () => amati.observe(document.documentElement,
    {subtree: true, childList: true, attributes: true, characterData: true});
  if (document.documentElement) mulai(); else document.addEventListener('DOMContentLoaded', mulai);
})();
"""

SELESAI_JS = (
    """tenang => { const lt = window.__lt; if (!lt) return false;
  const t = performance.now(); const siap = (SIAP_JS)();
  const grafik = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const digambar = g => { const gd = g.querySelector('.js-plotly-plot');
    if (!gd || !gd._fullData || !g.querySelector('.main-svg')) return false;
    /* a map is drawn once its regions are (its GeoJSON arrives after the first paint) */
    return !gd._fullData.some(d => d.type === 'choropleth') || !!g.querySelector('.choroplethlayer path'); };
  /* the rerun really happened: a ForwardMsg after the action, and idle again after the last one */
  const terakhir = lt.terima.length ? lt.terima[lt.terima.length - 1][0] : -1;
  return siap && terakhir >= lt.aksi && lt.siap >= terakhir && grafik.every(digambar)
      && t - Math.max(lt.dom, lt.siap) > tenang; }"""
).replace("SIAP_JS", SIAP_JS)

FIGUR_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')]
  .map(gd => JSON.stringify({data: gd.data, layout: gd.layout,
    config: {topojsonURL: gd._context.topojsonURL, displayModeBar: false}}))"""

HALAMAN_KOSONG = """import streamlit as st

pilihan = st.selectbox("Pilihan", ["satu", "dua", "tiga"])
st.write(pilihan)
"""


@dataclass(frozen=True)
class Anggaran:
    """A latency budget: which measurements it covers and its limit in ms (median, or p95 where said)."""

    kunci: str
    batas_ms: float
    keterangan: str


ANGGARAN: tuple[Anggaran, ...] = (
    Anggaran("ganti_hangat", 250, "ganti siklus/provinsi/ukuran, hangat, median (change, warm)"),
    Anggaran(
        "ganti_data_baru", 600, "ganti setelah versi data baru, baris sama, median (change after a new data version)"
    ),
    Anggaran("buka_url", 1200, "buka halaman lewat URL, server hangat, median (open by URL, warm server)"),
    Anggaran("klik_peta", 1200, "klik wilayah di peta → profil tergambar, median (map click → profile)"),
)


@dataclass
class Ukuran:
    """One interaction's repetitions: to every chart drawn, to idle, and where the time went (ms)."""

    nama: str
    anggaran: str
    gambar_ms: list[float] = field(default_factory=list)
    siap_ms: list[float] = field(default_factory=list)
    klien_kirim_ms: list[float] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)
    klien_akhir_ms: list[float] = field(default_factory=list)
    kb_diterima: list[float] = field(default_factory=list)
    jumlah_grafik: int = 0
    lantai_streamlit_ms: float | None = None
    lantai_plotly_ms: float | None = None

    def ringkas(self) -> dict[str, Any]:
        """Medians and p95 of the figures, the floors and the ratio to their sum."""
        hasil: dict[str, Any] = {"nama": self.nama, "anggaran": self.anggaran, "ulang": len(self.gambar_ms)}
        for kunci in ("gambar_ms", "siap_ms", "klien_kirim_ms", "server_ms", "klien_akhir_ms", "kb_diterima"):
            nilai: list[float] = getattr(self, kunci)
            hasil[kunci] = {"median": median(nilai), "p95": p95(nilai)}
        hasil["jumlah_grafik"] = self.jumlah_grafik
        hasil["lantai_streamlit_ms"] = self.lantai_streamlit_ms
        hasil["lantai_plotly_ms"] = self.lantai_plotly_ms
        lantai = (self.lantai_streamlit_ms or 0) + (self.lantai_plotly_ms or 0)
        gambar = median(self.gambar_ms)
        hasil["rasio_lantai"] = gambar / lantai if lantai and gambar is not None else None
        return hasil


def median(nilai: list[float]) -> float | None:
    """The median, or None for no values."""
    return statistics.median(nilai) if nilai else None


def p95(nilai: list[float]) -> float | None:
    """The 95th percentile (nearest rank), or None for no values."""
    if not nilai:
        return None
    urut = sorted(nilai)
    return urut[max(0, math.ceil(0.95 * len(urut)) - 1)]


def _rekam(page: Any, ukuran: Ukuran) -> None:
    """Add the interaction the page just finished to ``ukuran`` (from the init script's records)."""
    lt = page.evaluate("() => window.__lt")
    aksi = lt["aksi"]
    kirim = [t for t, _ in lt["kirim"] if t >= aksi]
    terima = [(t, n) for t, n in lt["terima"] if t >= aksi]
    # A page without charts, or whose charts did not change, is drawn when it is idle.
    akhir = lt["plot"] if lt["plot"] >= aksi else lt["siap"]
    ukuran.gambar_ms.append(akhir - aksi)
    ukuran.siap_ms.append(lt["siap"] - aksi)
    ukuran.kb_diterima.append(sum(n for _, n in terima) / 1024)
    if terima:
        pertama = kirim[0] if kirim else aksi
        ukuran.klien_kirim_ms.append(pertama - aksi)
        ukuran.server_ms.append(terima[-1][0] - terima[0][0])
        ukuran.klien_akhir_ms.append(max(akhir, lt["siap"]) - terima[-1][0])


def _tunggu_selesai(page: Any, batas_ms: int = 120_000) -> None:
    page.wait_for_function(SELESAI_JS, arg=TENANG_MS, timeout=batas_ms)


def _pilih(page: Any, label: str, opsi: str) -> None:
    page.get_by_test_id("stSelectbox").filter(has_text=label).first.click()
    page.get_by_role("option", name=opsi, exact=True).click()


def _opsi(page: Any, label: str) -> list[str]:
    """The first options a selectbox offers (the dropdown is opened and closed again)."""
    page.get_by_test_id("stSelectbox").filter(has_text=label).first.click()
    page.get_by_role("option").first.wait_for(timeout=30_000)
    teks = [t.strip() for t in page.get_by_role("option").all_inner_texts()]
    page.keyboard.press("Escape")  # no rerun follows: wait for the list to close, not for a rerun
    page.get_by_role("option").first.wait_for(state="detached", timeout=30_000)
    return [t for t in teks if t]


def _buka(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(
        '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]', state="attached", timeout=120_000
    )
    _tunggu_selesai(page)


@dataclass(frozen=True)
class Interaksi:
    """A change on a page: the page's path (with its view) and the selectbox's label.

    With ``tab`` the change is a click between the first two views of the page's chart panel
    (``widgets.panel_grafik``) instead, and ``label`` names it in the report.
    """

    halaman: str
    jalur: str
    label: str
    tab: bool = False


PANEL_GRAFIK = "Grafik yang ditampilkan"
"""The chart panel's control (``widgets.panel_grafik``), by its accessible name."""


def _opsi_panel(page: Any) -> Any:
    return page.get_by_role("radiogroup", name=PANEL_GRAFIK, exact=True).get_by_role("radio")


def _pilih_tab(page: Any, label: str) -> None:
    _opsi_panel(page).filter(has_text=label).first.click()


def ganti_pilihan(
    page: Any, url: str, interaksi: Interaksi, ulang: int, db: Path | None, nama: str, anggaran: str
) -> Ukuran:
    """Switch a selectbox, or the chart panel's views, between its first two options ``ulang`` times.

    Given ``db``, its file is touched before each switch (a new data version).
    """
    hasil = Ukuran(nama, anggaran)
    _buka(page, url + interaksi.jalur)
    if interaksi.tab:
        opsi = [t.strip() for t in _opsi_panel(page).all_inner_texts()][:2]
        pilih = partial(_pilih_tab, page)
    else:
        opsi = _opsi(page, interaksi.label)[:2]
        pilih = partial(_pilih, page, interaksi.label)
    if len(opsi) < 2:
        raise RuntimeError(f"{interaksi.label}: kurang dari dua pilihan (fewer than two options) {opsi}")
    from playwright.sync_api import TimeoutError as WaktuHabis

    try:  # start from the first option (it may already be chosen: then nothing reruns)
        pilih(opsi[0])
        _tunggu_selesai(page, 10_000)
    except WaktuHabis:
        pass
    for n in range(ulang):
        if db is not None:
            os.utime(db)  # a new file version: every data cache misses, as after an import
        pilih(opsi[(n + 1) % 2])
        _tunggu_selesai(page)
        hasil.jumlah_grafik = page.get_by_test_id("stPlotlyChart").count()
        _rekam(page, hasil)
    return hasil


def buka_url(page: Any, url: str, jalur: str, ulang: int, nama: str) -> Ukuran:
    """Open a page by URL ``ulang`` times (a new session each time; the server stays warm)."""
    hasil = Ukuran(nama, "buka_url")
    _buka(page, url + jalur)  # warms the server's caches for this view
    for _ in range(ulang):
        _buka(page, url + jalur)
        hasil.jumlah_grafik = page.get_by_test_id("stPlotlyChart").count()
        _rekam(page, hasil)
    return hasil


def klik_peta(page: Any, url: str, jalur: str, ulang: int) -> Ukuran:
    """Click a region on the map and wait for its profile, ``ulang`` times (back to the map each time)."""
    hasil = Ukuran("peta → profil", "klik_peta")
    for _ in range(ulang + 1):  # the first round warms the profile's caches
        _buka(page, url + jalur)
        pusat = page.locator('[data-testid="stPlotlyChart"] .choroplethlayer path').evaluate_all(PUSAT_JS)
        sasaran = next(p for p in pusat if p["di_dalam"] and p["lebar"] > 20 and p["kode"])
        page.mouse.click(sasaran["x"], sasaran["y"])
        page.mouse.move(1, 1)  # no hover label on the profile's charts
        page.wait_for_url("**/profil**", timeout=120_000)
        _tunggu_selesai(page)
        if _ > 0:
            hasil.jumlah_grafik = page.get_by_test_id("stPlotlyChart").count()
            _rekam(page, hasil)
    return hasil


def figur_halaman(page: Any) -> list[str]:
    """The figures the page's charts hold, as JSON (data and layout, as Plotly drew them)."""
    return list(page.evaluate(FIGUR_JS))


def lantai_plotly(browser: Any, asal: str, figur: list[str], ulang: int) -> float:
    """Median ms for plotly.js (the installed plotly package's bundle) to draw ``figur`` on a static page.

    The page is served from ``asal`` (the dashboard's origin), so a map's GeoJSON URL loads as there.
    """
    import plotly

    bundel = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    try:
        page.goto(f"{asal}/_stcore/health")
        page.set_content("<html><body></body></html>")
        page.add_script_tag(path=str(bundel))
        waktu = page.evaluate(
            """async ([figur, ulang]) => {
              const hasil = [];
              for (let n = 0; n < ulang; n++) {
                const wadah = figur.map(() => { const d = document.createElement('div');
                  d.style.width = '600px'; d.style.height = '450px'; document.body.appendChild(d); return d; });
                const mulai = performance.now();
                for (let i = 0; i < figur.length; i++) {
                  const f = JSON.parse(figur[i]);
                  await Plotly.newPlot(wadah[i], f.data, f.layout, f.config);
                }
                await new Promise(r => requestAnimationFrame(() => r()));
                hasil.push(performance.now() - mulai);
                wadah.forEach(d => { Plotly.purge(d); d.remove(); });
              }
              return hasil; }""",
            [figur, ulang],
        )
    finally:
        page.close()
    return float(statistics.median(waktu)) if waktu else 0.0


@contextmanager
def server_kosong(folder: Path) -> Iterator[str]:
    """A Streamlit server on an empty page with one selectbox (the framework's floor); yields its URL.

    It runs with the dashboard's own server settings (.streamlit/config.toml: no file watcher, no
    collection after each run), so the floor is Streamlit as the dashboard is served. Until run (q)
    it ran with Streamlit's defaults, which added about 50 ms to each change (benchmarks/RIWAYAT.md, "Latensi" (q)).
    """
    skrip = folder / "kosong.py"
    skrip.write_text(HALAMAN_KOSONG, encoding="utf-8")
    (folder / ".streamlit").mkdir(exist_ok=True)
    shutil.copyfile(PROYEK / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
    with jalankan_streamlit(skrip, folder / "kosong.log") as server:
        yield server.url


def lantai_streamlit(browser: Any, folder: Path, ulang: int) -> dict[str, float]:
    """The empty page's floors: a selectbox change and an open by URL (median ms to idle)."""
    with server_kosong(folder) as url:
        page = _halaman_baru(browser)
        try:
            ganti = ganti_pilihan(page, url, Interaksi("kosong", "/", "Pilihan"), ulang, None, "kosong", "-")
            buka = buka_url(page, url, "/", ulang, "kosong")
        finally:
            page.close()
    return {"ganti": median(ganti.siap_ms) or 0.0, "buka": median(buka.siap_ms) or 0.0}


def _halaman_baru(browser: Any) -> Any:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.add_init_script(PANTAU_JS)
    return page


def interaksi_bawaan(nasional: bool) -> list[Interaksi]:
    """The selectbox changes measured: cycle, province and measure on the four main pages."""
    provinsi = "00" if nasional else "33"
    daftar = [
        Interaksi("ringkasan", f"/?provinsi={provinsi}", "Tahun evaluasi"),
        Interaksi("peta", f"/peta?provinsi={provinsi}", "Ukuran yang dipetakan"),
        Interaksi("peta", f"/peta?provinsi={provinsi}", "Tahun evaluasi"),
        Interaksi("perbandingan", "/perbandingan?wilayah=33.75", "Ukuran"),
        Interaksi("profil", "/profil?provinsi=33&wilayah=33.75", "Kabupaten/kota"),
        # Since one chart per change (benchmarks/RIWAYAT.md, "Latensi" (j)), a chart tab is a change like the others.
        Interaksi("ringkasan", f"/?provinsi={provinsi}", "tab grafik", tab=True),
        Interaksi("profil", "/profil?provinsi=33&wilayah=33.75", "tab grafik", tab=True),
    ]
    if nasional:  # the shipped data has one province: switching away shows an empty page
        daftar.insert(1, Interaksi("ringkasan", "/?provinsi=33", "Provinsi"))
    return daftar


def jalankan(db: Path, skala: str, ulang: int, cepat: bool, folder: Path) -> dict[str, Any]:
    """Measure every interaction on a server over ``db``; return the report (budgets included)."""
    from playwright.sync_api import sync_playwright

    interaksi = interaksi_bawaan(skala == "nasional")
    if cepat:
        interaksi = interaksi[:1]
    buka = ["/", "/peta", "/perbandingan?wilayah=33.75", "/profil?provinsi=33&wilayah=33.75"]
    if cepat:
        buka = buka[1:2]
    hasil: list[Ukuran] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN_CHROMIUM)
        try:
            lantai = lantai_streamlit(browser, folder, ulang)
            with server_streamlit(db, folder / "streamlit.log") as server:
                page = _halaman_baru(browser)
                figur: dict[str, list[str]] = {}
                for jalur in buka:
                    u = buka_url(page, server.url, jalur, ulang, f"buka {jalur}")
                    u.lantai_streamlit_ms = lantai["buka"]
                    figur[u.nama] = figur_halaman(page)
                    hasil.append(u)
                for i in interaksi:
                    for data_baru in (False, True):
                        nama = f"{i.halaman}: {i.label}" + (" (data baru)" if data_baru else "")
                        kunci = "ganti_data_baru" if data_baru else "ganti_hangat"
                        u = ganti_pilihan(page, server.url, i, ulang, db if data_baru else None, nama, kunci)
                        u.lantai_streamlit_ms = lantai["ganti"]
                        figur[nama] = figur_halaman(page)
                        hasil.append(u)
                u = klik_peta(page, server.url, "/peta", ulang)
                u.lantai_streamlit_ms = lantai["ganti"]
                figur[u.nama] = figur_halaman(page)
                hasil.append(u)
                page.close()
                for u in hasil:
                    u.lantai_plotly_ms = lantai_plotly(browser, server.url, figur[u.nama], max(2, min(ulang, 5)))
        finally:
            browser.close()
    ringkas = [u.ringkas() for u in hasil]
    return {"ukuran": ringkas, "lantai_streamlit_ms": lantai, "anggaran": periksa(ringkas)}


def periksa(ringkas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each budget against the worst median among its measurements (None: not measured)."""
    hasil = []
    for a in ANGGARAN:
        median_ms = [u["gambar_ms"]["median"] for u in ringkas if u["anggaran"] == a.kunci]
        terburuk = max((m for m in median_ms if m is not None), default=None)
        lolos = None if terburuk is None else terburuk <= a.batas_ms
        hasil.append({"kunci": a.kunci, "batas_ms": a.batas_ms, "nilai_ms": terburuk, "lolos": lolos})
    return hasil


def _angka(nilai: float | None, desimal: int = 0) -> str:
    return "–" if nilai is None else format_angka(nilai, desimal)


def tabel_markdown(laporan: dict[str, Any]) -> str:
    """The report as Markdown: budgets (PASS/FAIL), then every interaction with its floors and breakdown."""
    baris = [
        f"Latensi peramban (browser latency), skala `{laporan['skala']}`, {laporan['tanggal']}, "
        f"{laporan['ulang']} ulangan, beban mesin (load average) {_angka(laporan['beban_mesin'], 1)}."
        f"{teks_uji_cpu(laporan.get('uji_cpu_ms'))}",
        "",
        "| anggaran (budget) | terburuk median (worst median) | batas | status |",
        "|---|---|---|---|",
    ]
    keterangan = {a.kunci: a.keterangan for a in ANGGARAN}
    for a in laporan["anggaran"]:
        status = {True: "PASS", False: "**FAIL**", None: "tidak diukur (not measured)"}[a["lolos"]]
        baris.append(
            f"| {keterangan[a['kunci']]} | {_angka(a['nilai_ms'])} ms | ≤ {_angka(a['batas_ms'])} ms | {status} |"
        )
    baris += [
        "",
        "| interaksi | grafik | gambar med / p95 ms | siap med ms | lantai Streamlit ms | lantai Plotly ms "
        "| rasio | klien→kirim ms | server ms | klien akhir ms | KB diterima |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for u in laporan["ukuran"]:
        baris.append(
            f"| {u['nama']} | {u['jumlah_grafik']} | {_angka(u['gambar_ms']['median'])} / "
            f"{_angka(u['gambar_ms']['p95'])} | {_angka(u['siap_ms']['median'])} | "
            f"{_angka(u['lantai_streamlit_ms'])} | {_angka(u['lantai_plotly_ms'])} | "
            f"{_angka(u['rasio_lantai'], 1)} | {_angka(u['klien_kirim_ms']['median'])} | "
            f"{_angka(u['server_ms']['median'])} | {_angka(u['klien_akhir_ms']['median'])} | "
            f"{_angka(u['kb_diterima']['median'], 1)} |"
        )
    return "\n".join(baris) + "\n"


def tulis(laporan: dict[str, Any], out_dir: Path) -> tuple[Path, Path]:
    """Write ``latensi_<date>_<skala>.json`` and ``.md`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    nama = f"latensi_{laporan['tanggal'][:10]}_{laporan['skala']}"
    path_json = out_dir / f"{nama}.json"
    path_json.write_text(json.dumps(laporan, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    path_md = out_dir / f"{nama}.md"
    path_md.write_text(tabel_markdown(laporan), encoding="utf-8")
    return path_json, path_md


def siapkan_db(skala: str, folder: Path, db: Path | None) -> Path:
    """The database to measure: ``db`` when given, else the shipped one or the generated national one."""
    if db is not None:
        return db
    from benchmarks.data_nasional import bangun_nasional
    from indicators.bangun import database
    from indicators.katalog.model import katalog_bawaan

    hasil = folder / "kla.duckdb"
    if skala == "nasional":
        bangun_nasional(hasil, katalog_bawaan(), "nasional")
    else:
        database.bangun_database(hasil, static_dir=None)
    return hasil


def tambah_argumen(p: argparse.ArgumentParser) -> None:
    """Add ``--latensi`` and its options to the benchmark's parser (``--skala``, ``--ulang``, ``--out`` are shared)."""
    p.add_argument("--latensi", action="store_true", help="latensi di peramban (browser latency budgets)")
    p.add_argument("--db-latensi", type=Path, default=None, help="database yang diukur (default: dibangun)")
    p.add_argument("--jawa-tengah", action="store_true", help="latensi atas data bawaan Jawa Tengah (shipped data)")


def utama(args: argparse.Namespace) -> int:
    """Run the latency measurement; exit 1 when a budget is missed (not in quick mode)."""
    cepat = args.skala == "cepat"
    ulang = args.ulang or (2 if cepat else 10)
    skala = "jawa_tengah" if cepat or args.jawa_tengah else "nasional"
    with tempfile.TemporaryDirectory(prefix="kla-latensi-") as folder_teks:
        folder = Path(folder_teks)
        db = siapkan_db(skala, folder, args.db_latensi)
        laporan: dict[str, Any] = {
            "tanggal": dt.datetime.now().isoformat(timespec="seconds"),
            "skala": "cepat" if cepat else skala,
            "ulang": ulang,
            "beban_mesin": os.getloadavg()[0],
            "uji_cpu_ms": {"awal": uji_cpu_ms()},
        }
        laporan |= jalankan(db, skala, ulang, cepat, folder)
        laporan["uji_cpu_ms"]["akhir"] = uji_cpu_ms()
    laporan["mesin"] = mesin()
    path_json, path_md = tulis(laporan, args.out)
    sys.stdout.write(tabel_markdown(laporan))
    sys.stdout.write(f"{path_json}\n{path_md}\n")
    gagal = [a["kunci"] for a in laporan["anggaran"] if a["lolos"] is False]
    if cepat:
        sys.stdout.write("Mode cepat: anggaran tidak ditegakkan (quick mode: budgets not enforced).\n")
        return 0
    if gagal:
        sys.stdout.write(f"Anggaran terlewati (budgets missed): {', '.join(gagal)}\n")
        return 1
    return 0
