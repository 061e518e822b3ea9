"""AppTest of the Gugus Tugas page: read-only when logged out or out of scope; an editor marks an item
complete and the readiness figures change; the change shows in the history."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators.akun import pengguna
from indicators.gugus import simpan as gugus_simpan
from tests.halaman_util import buka_halaman, periksa_tanpa_galat
from ui import masuk


@pytest.fixture
def db_halaman(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test's private copy of the database (the page writes the workspace beside it) with two editors."""
    pengguna.tambah_pengguna(pengguna.path_akun(db), "ana.pkl", "editor", ["33.75"], "sandi-rahasia-1")
    pengguna.tambah_pengguna(pengguna.path_akun(db), "dedi.kab", "editor", ["33.26"], "sandi-rahasia-2")
    monkeypatch.setenv("KLA_DB", str(db))
    st.cache_data.clear()
    yield db
    st.cache_data.clear()


def _masuk(nama: str) -> dict[str, object]:
    """The way ui/masuk.py keeps a login: the name and the last activity, never the password."""
    return {masuk.KUNCI_SESI: {"nama": nama, "aktif": time.time()}}


def _metrik(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_keluar_hanya_baca(db_halaman: Path):
    at = periksa_tanpa_galat(buka_halaman("gugus_tugas", wilayah="33.75").run())
    assert at.title[0].value == "Gugus Tugas KLA Kota Pekalongan"
    assert _metrik(at)["Butir lengkap"] == "0 dari 64"
    assert _metrik(at)["Poin checklist terbuka"] == "1.000,00"
    assert any("Mode baca saja" in i.value for i in at.info)
    assert "gt_simpan" not in [b.key for b in at.button]
    assert "gt_pilih_butir" not in [s.key for s in at.selectbox]
    assert len(at.get("plotly_chart")) == 3  # readiness per cluster, per OPD, trajectory
    assert any("sintetis" in w.value for w in at.warning)
    unduh = [getattr(d, "label", None) for d in at.get("download_button")]
    assert unduh == ["Unduh checklist per OPD (XLSX)"]


def test_editor_lain_wilayah_hanya_baca(db_halaman: Path):
    at = periksa_tanpa_galat(buka_halaman("gugus_tugas", sesi=_masuk("dedi.kab"), wilayah="33.75").run())
    assert any("dedi.kab" in w.value and "tidak dapat mengubah" in w.value for w in at.warning)
    assert "gt_simpan" not in [b.key for b in at.button]


def test_editor_menandai_butir_lengkap_dan_kesiapan_berubah(db_halaman: Path):
    at = periksa_tanpa_galat(buka_halaman("gugus_tugas", sesi=_masuk("ana.pkl"), wilayah="33.75").run())
    assert _metrik(at)["Butir lengkap"] == "0 dari 64"
    pilih = at.selectbox(key="gt_pilih_butir")
    kode = str(pilih.value)
    assert kode.startswith("KLA24-")  # the first item in priority order
    akhiran = kode.replace("/", "_")
    at.selectbox(key=f"gt_status_{akhiran}").set_value("lengkap")
    at.text_input(key=f"gt_ref_{akhiran}").set_value("Perwal 12/2024")
    at.button(key="gt_simpan").click().run()
    periksa_tanpa_galat(at)
    assert _metrik(at)["Butir lengkap"] == "1 dari 64"
    assert _metrik(at)["Kesiapan"] == "1,6 %"
    assert any("2 perubahan tersimpan" in s.value for s in at.success)  # status and reference
    simpan = gugus_simpan.baca_butir(gugus_simpan.path_gugus(db_halaman), "33.75")
    assert list(simpan["status"]) == ["lengkap"]
    assert f"{simpan['indikator'].iloc[0]}/{simpan['butir'].iloc[0]}" == kode
    log = gugus_simpan.baca_log(gugus_simpan.path_gugus(db_halaman), "33.75")
    assert set(zip(log["kolom"], log["nilai_baru"], strict=True)) >= {
        ("status", "lengkap"),
        ("referensi", "Perwal 12/2024"),
    }
    riwayat = at.dataframe[-1].value
    assert "ana.pkl" in set(riwayat["Pengguna"])
    assert "lengkap" in set(riwayat["Baru"])


def test_instansi_vertikal_ditandai_di_tabel_kesiapan():
    """Polres and BPS sit in the Gugus Tugas but are not regional OPD: the readiness table says so."""
    import pandas as pd

    from ui.bagian import gugus_tugas as bagian

    kesiapan = pd.DataFrame(
        {"opd": ["Dinas Sosial", "Polres (Unit PPA)"], "jumlah": [3, 2], "selesai": [1, 0], "dalam_proses": [1, 1],
         "belum_ada": [1, 1], "terlambat": [0, 1], "poin_prioritas": [4.0, 2.0], "persen_siap": [33.3, 0.0],
         "poin_dipertaruhkan": [8.0, 5.0]}
    )  # fmt: skip
    tabel = bagian.tabel_kesiapan(kesiapan, "opd", {}, "id")
    nama = tabel.iloc[:, 0].tolist()
    assert nama == ["Dinas Sosial", "Polres (Unit PPA) (instansi vertikal, bukan OPD)"]
