"""The server settings every start shares (scripts/run.sh, `kla serve`, the benchmarks and the e2e
server all run Streamlit from the project folder): read back as Streamlit itself resolves them there.

The two runner settings are measured costs (README "Kinerja"): Streamlit's file watcher hashed every
project module for each new session (a warm open of /profil took 608 ms of server CPU with it, 77
without) and its post-run gc.collect() took 130 ms of a 220 ms national rerun.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from indicators.lokasi import PROYEK

DIBACA = """
import json
from streamlit import config
nama = ["server.fileWatcherType", "runner.postScriptGC", "runner.magicEnabled",
        "client.showErrorDetails", "browser.gatherUsageStats", "server.address"]
print(json.dumps({n: config.get_option(n) for n in nama}))
"""


def test_server_dari_folder_proyek_tanpa_pemantau_berkas_dan_tanpa_gc_setelah_jalan(tmp_path: Path):
    # No STREAMLIT_* variables and no ~/.streamlit of the caller's: the project's file alone.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    keluaran = subprocess.run(
        [sys.executable, "-c", DIBACA], cwd=PROYEK, env=env, capture_output=True, text=True, check=True
    ).stdout
    opsi = json.loads(keluaran.strip().splitlines()[-1])
    assert opsi == {
        "server.fileWatcherType": "none",
        "runner.postScriptGC": False,
        "runner.magicEnabled": False,
        "client.showErrorDetails": "none",
        "browser.gatherUsageStats": False,
        "server.address": "127.0.0.1",
    }
