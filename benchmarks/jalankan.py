"""``kla bench``: build a national database through the import path, measure, check the budgets.

Run ``kla bench [--skala nasional|stres|cepat] [--out DIR] [--ulang N]`` or
``python -m benchmarks.jalankan ...``. Writes ``<out>/<date>.json`` and ``<out>/<date>.md`` and
exits 1 when a budget is missed at national scale. ``cepat`` (one province, few repeats) keeps
the machinery working in CI; its numbers are printed and saved but budgets are not enforced.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks import ukur, ukur_gugus
from benchmarks.anggaran import HasilAnggaran, periksa_anggaran
from benchmarks.data_nasional import Skala, bangun_nasional
from benchmarks.mesin import mesin, teks_uji_cpu, uji_cpu_ms
from benchmarks.server import ARGUMEN_CHROMIUM, CHROMIUM, SIAP_JS, server_streamlit
from indicators.bangun import database
from indicators.format import format_angka
from indicators.katalog.model import Katalog, katalog_bawaan
from indicators.lokasi import PROYEK

HASIL_DIR = PROYEK / "benchmarks" / "results"


def memori_server_mb(db_path: Path, halaman: list[ukur.Halaman], log_path: Path) -> float:
    """Peak RSS of a real server after a browser opened every page in its national view."""
    from urllib.parse import urlencode

    from playwright.sync_api import sync_playwright

    with server_streamlit(db_path, log_path) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN_CHROMIUM)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            for h in halaman:
                jalur = "" if h.nama == "ringkasan" else h.nama  # the overview is the app's root
                url = f"{server.url}/{jalur}" + (f"?{urlencode(dict(h.parameter))}" if h.parameter else "")
                page.goto(url)
                page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=120_000)
                page.wait_for_function(SIAP_JS, timeout=120_000)
        finally:
            browser.close()
        return server.memori_puncak_mb()


def _ekspor(db_path: Path, ulang: int) -> tuple[dict[str, float | None], dict[str, str]]:
    """Time the static map export and the evaluation pack, when the export module is installed."""
    from benchmarks import ukur_ekspor

    return ukur_ekspor.ukur(db_path, ulang)


def _ukur_halaman(db: Path, halaman: list[ukur.Halaman], ulang: int, laporan: dict[str, Any]) -> dict[str, float]:
    """Time every page cold and warm; the warm time is judged against the framework and data floors."""
    lantai = ukur.lantai_kerangka_ms(ulang)
    hasil_halaman = [ukur.ukur_halaman(db, h, ulang) for h in halaman]
    laporan["lantai_kerangka_ms"] = lantai
    laporan["halaman"] = [asdict(h) | {"rasio": h.hangat_ms / (lantai + h.lantai_data_ms)} for h in hasil_halaman]
    return {
        "halaman_hangat_ms": max(h.hangat_ms for h in hasil_halaman),
        "rasio_hangat_lantai": max(h.hangat_ms / (lantai + h.lantai_data_ms) for h in hasil_halaman),
        "halaman_dingin_ms": max(h.dingin_ms for h in hasil_halaman),
    }


def _ukur_peta_dan_skor(db: Path, katalog: Katalog, ulang: int, laporan: dict[str, Any]) -> dict[str, float | None]:
    """Map payload sizes and the national scoring time of the latest cycle."""
    peta = ukur.ukuran_peta_kb(db)
    laporan["peta_kb"] = peta
    tahun = max(s.tahun for s in katalog.siklus)
    skor_ms, jumlah = ukur.skor_nasional_ms(db, katalog, tahun, ulang)
    laporan["skor_nasional"] = {"ms": skor_ms, "kabkota": jumlah, "tahun": tahun}
    return {
        "peta_nasional_kb": peta.get("nasional"),
        "peta_jawa_tengah_kb": peta.get("jawa_tengah"),
        "skor_nasional_ms": skor_ms,
    }


def _ukur_impor(
    db: Path, katalog: Katalog, skala: Skala, folder: Path, laporan: dict[str, Any]
) -> dict[str, float | None]:
    """Import a 100 000-row statistics file as CSV and as XLSX (5 000 rows and one repeat when quick)."""
    statistik = ukur.berkas_statistik_100k(db, katalog, 100_000 if skala != "cepat" else 5_000)
    csv = folder / "statistik_100k.csv"
    csv.write_text(statistik.to_csv(index=False), encoding="utf-8")
    xlsx = folder / "statistik_100k.xlsx"
    ukur.tulis_xlsx(statistik, xlsx)
    ulang_impor = 3 if skala != "cepat" else 1
    laporan["impor_baris"] = len(statistik)
    return {
        "impor_csv_100k_s": ukur.ukur_impor(db, katalog, csv, ulang_impor),
        "impor_xlsx_100k_s": ukur.ukur_impor(db, katalog, xlsx, ulang_impor),
    }


def _bangun_data(folder: Path, katalog: Katalog, skala: Skala, laporan: dict[str, Any]) -> Path:
    """Build the shipped database (timed), then the national one through the import path; return the latter."""
    db = folder / "kla_bawaan.duckdb"
    mulai = time.perf_counter()
    database.bangun_database(db, static_dir=None)
    laporan["bangun_database_s"] = time.perf_counter() - mulai
    db = folder / "kla_nasional.duckdb"
    data = bangun_nasional(db, katalog, skala)
    laporan["data"] = {"baris": data.baris, "impor_s": data.detik_impor, "ukuran_db_mb": db.stat().st_size / 2**20}
    return db


def jalankan(
    skala: Skala, out_dir: Path, ulang: int, memori: bool = True
) -> tuple[dict[str, Any], list[HasilAnggaran]]:
    """Run every measurement once at ``skala``; return the report and the budget results."""
    katalog = katalog_bawaan()
    laporan: dict[str, Any] = {"tanggal": dt.datetime.now().isoformat(timespec="seconds"), "skala": skala}
    laporan["mesin"] = mesin()
    laporan["uji_cpu_ms"] = {"awal": uji_cpu_ms()}
    nilai: dict[str, float | None] = {}
    alasan: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="kla-bench-") as folder_teks:
        folder = Path(folder_teks)
        db = _bangun_data(folder, katalog, skala, laporan)
        halaman = ukur.halaman_nasional()
        nilai.update(_ukur_halaman(db, halaman, ulang, laporan))
        nilai.update(_ukur_peta_dan_skor(db, katalog, ulang, laporan))
        nilai.update(_ukur_impor(db, katalog, skala, folder, laporan))
        ekspor, alasan_ekspor = _ekspor(db, ulang)
        if skala != "cepat":  # 64 separate writes: too slow for the quick mode the test suite runs
            laporan["gugus_simpan_64_butir"] = ukur_gugus.ukur(db)  # one item at a time vs one transaction
        nilai.update(ekspor)
        alasan.update(alasan_ekspor)
        if memori:
            nilai["memori_server_mb"] = memori_server_mb(db, halaman, folder / "streamlit.log")
        else:
            nilai["memori_server_mb"], alasan["memori_server_mb"] = None, "dilewati (--tanpa-memori)"
    laporan["uji_cpu_ms"]["akhir"] = uji_cpu_ms()
    hasil = periksa_anggaran(nilai, alasan)
    laporan["anggaran"] = [
        {"kunci": h.anggaran.kunci, "batas": h.anggaran.batas, "satuan": h.anggaran.satuan, "nilai": h.nilai}
        | {"lolos": h.lolos, "alasan": h.alasan}
        for h in hasil
    ]
    tulis_laporan(laporan, hasil, out_dir)
    return laporan, hasil


def tabel_markdown(laporan: dict[str, Any], hasil: Sequence[HasilAnggaran]) -> str:
    """The results as a Markdown table (Indonesian number format), with the machine."""
    m = laporan["mesin"]
    baris = [
        f"Skala `{laporan['skala']}`, {laporan['tanggal']}, {m['inti']} inti, {format_angka(m['memori_gb'], 1)} GB, "
        f"{m['prosesor']}, Python {m['python']}.{teks_uji_cpu(laporan.get('uji_cpu_ms'))}",
        "",
        "| ukuran (measure) | nilai (value) | anggaran (budget) | status |",
        "|---|---|---|---|",
    ]
    for h in hasil:
        a = h.anggaran
        nilai = "–" if h.nilai is None else f"{format_angka(h.nilai, 2)} {a.satuan}"
        status = {True: "lolos", False: "**GAGAL**", None: f"tidak diukur: {h.alasan}"}[h.lolos]
        baris.append(f"| {a.keterangan} | {nilai} | ≤ {format_angka(a.batas, 2)} {a.satuan} | {status} |")
    baris += [
        "",
        "| halaman | dingin ms | hangat ms | lantai data ms | rasio | kueri | figur KB |",
        "|---|---|---|---|---|---|---|",
    ]
    for h in laporan["halaman"]:
        figur = ", ".join(format_angka(f, 0) for f in h["ukuran_figur_kb"]) or "–"
        baris.append(
            f"| {h['nama']} | {format_angka(h['dingin_ms'], 0)} | {format_angka(h['hangat_ms'], 1)} | "
            f"{format_angka(h['lantai_data_ms'], 1)} | {format_angka(h['rasio'], 2)} | {h['jumlah_kueri']} | {figur} |"
        )
    baris.append("")
    jumlah_baris = ", ".join(f"{k} {format_angka(v)}" for k, v in laporan["data"]["baris"].items())
    baris.append(
        f"Lantai kerangka (empty page) {format_angka(laporan['lantai_kerangka_ms'], 1)} ms · bangun database bawaan "
        f"{format_angka(laporan['bangun_database_s'], 1)} s · impor data nasional "
        f"{format_angka(laporan['data']['impor_s'], 1)} s ({jumlah_baris} baris)."
    )
    return "\n".join(baris) + "\n"


def tulis_laporan(laporan: dict[str, Any], hasil: Sequence[HasilAnggaran], out_dir: Path) -> tuple[Path, Path]:
    """Write ``<date>.json`` and ``<date>.md`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    nama = f"{laporan['tanggal'][:10]}_{laporan['skala']}"
    path_json = out_dir / f"{nama}.json"
    path_json.write_text(json.dumps(laporan, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    path_md = out_dir / f"{nama}.md"
    path_md.write_text(tabel_markdown(laporan, hasil), encoding="utf-8")
    return path_json, path_md


def parser() -> argparse.ArgumentParser:
    """The arguments of ``kla bench``."""
    p = argparse.ArgumentParser(prog="kla bench", description="uji kinerja skala nasional (national-scale benchmark)")
    tambah_argumen(p)
    return p


def tambah_argumen(p: argparse.ArgumentParser) -> None:
    """Add the benchmark's arguments to a parser (also used by ``kla bench``)."""
    p.add_argument("--skala", choices=("nasional", "stres", "cepat"), default="nasional")
    p.add_argument("--out", type=Path, default=HASIL_DIR, help="folder hasil (results folder)")
    p.add_argument("--ulang", type=int, default=None, help="pengulangan per ukuran (repeats; default 15, cepat 3)")
    p.add_argument("--tanpa-memori", action="store_true", help="lewati ukuran memori server (skip server memory)")


def utama(args: argparse.Namespace) -> int:
    """Run the benchmark from parsed arguments; exit 1 when a budget is missed at national scale."""
    ulang = args.ulang or (3 if args.skala == "cepat" else 15)
    laporan, hasil = jalankan(args.skala, args.out, ulang, memori=not args.tanpa_memori)
    sys.stdout.write(tabel_markdown(laporan, hasil))
    gagal = [h.anggaran.kunci for h in hasil if h.lolos is False]
    if args.skala == "cepat":
        sys.stdout.write("Mode cepat: anggaran tidak ditegakkan (quick mode: budgets not enforced).\n")
        return 0
    if gagal:
        sys.stdout.write(f"Anggaran terlewati (budgets missed): {', '.join(gagal)}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(utama(parser().parse_args()))
