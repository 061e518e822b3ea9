"""The architecture holds: a framework-free core, a router-only app.py, short pages, SQL in files."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

from indicators.lokasi import PROYEK


def _impor(path: Path) -> set[str]:
    """Top-level names a file imports."""
    pohon = ast.parse(path.read_text(encoding="utf-8"))
    nama: set[str] = set()
    for node in ast.walk(pohon):
        if isinstance(node, ast.Import):
            nama.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            nama.add(node.module.split(".")[0])
    return nama


def test_inti_tidak_mengimpor_streamlit():
    pelanggar = [p for p in (PROYEK / "indicators").rglob("*.py") if "streamlit" in _impor(p)]
    assert not pelanggar


def test_halaman_pendek():
    for halaman in (PROYEK / "halaman").glob("*.py"):
        assert len(halaman.read_text(encoding="utf-8").splitlines()) <= 100, halaman.name


def test_cache_streamlit_hanya_di_satu_modul():
    # A cache is defined by its decorator; clearing caches (tests, the benchmark) defines none.
    pemakai = [
        p.relative_to(PROYEK)
        for p in PROYEK.rglob("*.py")
        if ".venv" not in p.parts
        and p.name != "test_arsitektur.py"
        and re.search(r"@st\.cache_(data|resource)\b", p.read_text(encoding="utf-8"))
    ]
    pemakai = [p for p in pemakai if p.parts[0] != "tests"]
    assert [str(p) for p in pemakai] == ["ui/cache.py"]


def test_tidak_ada_nama_host_registri_di_berkas_repo():
    berkas = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=PROYEK, capture_output=True, text=True, check=True
    ).stdout.split()
    assert "requirements.lock" in berkas
    pola = re.compile(r"pypi\.org|pythonhosted\.org|registry\.npmjs\.org|npmjs\.com|deb\.debian\.org")
    pelanggar = [b for b in berkas if pola.search((PROYEK / b).read_text(encoding="utf-8", errors="ignore"))]
    assert not pelanggar


def test_tidak_ada_folder_pages_di_samping_app():
    # Streamlit treats a pages/ folder beside the main script as an old-style multipage app and
    # runs deep links without the router (see tests/e2e/test_e2e_router.py).
    assert not (PROYEK / "pages").exists()
    assert (PROYEK / "halaman").is_dir()


def _paket_dinyatakan(kelompok: str | None = None) -> set[str]:
    import tomllib

    proyek = tomllib.loads((PROYEK / "pyproject.toml").read_text(encoding="utf-8"))
    daftar = proyek["project"]["dependencies"] if kelompok is None else proyek["dependency-groups"][kelompok]
    return {re.split(r"[<>=!~ \[;]", d)[0].lower().replace("_", "-") for d in daftar}


def test_setiap_paket_yang_diimpor_langsung_dinyatakan():
    # numpy was imported in nine modules without being declared; a direct import must not lean on
    # another package's dependencies. Benchmarks may also use the dev group (Playwright).
    import importlib.metadata
    import sys

    distribusi = importlib.metadata.packages_distributions()
    runtime, dev = _paket_dinyatakan(), _paket_dinyatakan("dev")
    folder = ("indicators", "ui", "halaman", "benchmarks")
    berkas = [PROYEK / "app.py", *(p for f in folder for p in (PROYEK / f).rglob("*.py"))]
    kurang = set()
    for path in berkas:
        boleh = runtime | dev if path.relative_to(PROYEK).parts[0] == "benchmarks" else runtime
        for modul in _impor(path) - set(sys.stdlib_module_names) - {"indicators", "ui", "benchmarks"}:
            nama = {d.lower().replace("_", "-") for d in distribusi.get(modul, [])}
            if not nama & boleh:
                kurang.add((str(path.relative_to(PROYEK)), modul))
    assert not kurang


def test_xlsx_dibaca_dengan_defusedxml():
    # openpyxl switches to defusedxml's parser when it is installed: no entity expansion, no XXE.
    import openpyxl.xml  # type: ignore[import-untyped, unused-ignore]

    assert openpyxl.xml.DEFUSEDXML
