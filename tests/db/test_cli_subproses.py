"""The installed ``kla`` console script run as a real process, as a user types it.

``main([...])`` in-process never sees ``sys.argv``; a dependency that parses it when imported
(kaleido's logistro) only shows up here: ``kla import --log`` died with "ambiguous option: --log
could match --logistro-human" before the command ever ran.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from indicators.lokasi import PROYEK

KLA = Path(sys.executable).parent / "kla"
BERKAS = PROYEK / "tests" / "data" / "impor" / "baik" / "skor_baik.csv"


def _kla(*argumen: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(KLA), *argumen], capture_output=True, text=True, timeout=300, cwd=PROYEK)


def _tanpa_jejak(proses: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proses.stderr, proses.stderr
    assert "logistro" not in proses.stdout + proses.stderr, proses.stderr


def test_import_help_dan_log_sebagai_proses(db: Path):
    bantuan = _kla("import", "--help")
    assert bantuan.returncode == 0, bantuan.stderr
    assert "--log" in bantuan.stdout
    _tanpa_jejak(bantuan)

    impor = _kla("import", str(BERKAS), "--db", str(db))
    assert impor.returncode == 0, impor.stderr
    _tanpa_jejak(impor)

    log = _kla("import", "--log", "--db", str(db))
    assert log.returncode == 0, log.stderr
    _tanpa_jejak(log)
    assert "skor_baik.csv" in log.stdout
    assert "berhasil" in log.stdout


def test_tidak_ada_subperintah_yang_memuat_kaleido_saat_impor():
    # Every subcommand's module is imported by the kla entry point; none may pull kaleido (and so
    # logistro's argv parsing) in before a figure is actually rendered.
    kode = (
        "import sys; import indicators.cli.utama, indicators.ekspor.paket.susun, ui.unduh.gambar; "
        "print(sorted(m for m in ('kaleido', 'logistro', 'choreographer') if m in sys.modules))"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=300, cwd=PROYEK)
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip() == "[]"


def test_kaleido_dimuat_tanpa_melihat_argv():
    # When a figure is rendered during a command whose argv holds '--log', kaleido is imported with
    # the argv hidden (and given back unchanged afterwards).
    kode = (
        "import sys; sys.argv = ['kla', 'import', '--log', '--logistro-human', '--logistro-structured']; "
        "from indicators.ekspor import gambar; gambar._kaleido(); import logistro; "
        "print(sys.argv[2:]); print(logistro.remaining_args)"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=300, cwd=PROYEK)
    assert hasil.returncode == 0, hasil.stderr
    argv, sisa = hasil.stdout.splitlines()
    assert argv == "['--log', '--logistro-human', '--logistro-structured']"
    assert sisa == "[]"
