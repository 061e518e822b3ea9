"""Custom checklist items (butir tambahan) on a real workspace: they count in readiness, take their share of
the indicator's maximum, are edited with versions, travel through the XLSX and `kla checklist` both
ways, and renaming or deleting one never loses its history.

Golden values by hand: KLA24-02 has a maximum of 80 over its 5 catalogue items (16 each); with one
custom item it is 80 over 6 (13,33 each). The checklist has 64 catalogue items.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.akun import pengguna as akun
from indicators.akun.pengguna import Pengguna
from indicators.gugus import layanan, simpan as gugus_simpan, tambahan, tugas, xlsx
from indicators.io import store
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import PROYEK
from tests.conftest import sha_berkas

KAT = katalog_bawaan()
DD = data_dukung_bawaan()
HARI = dt.date(2025, 6, 1)
WAKTU = dt.datetime(2025, 6, 1, 9, 30)
ANA = Pengguna("ana.pkl", "editor", ("33.75",))
NAMA = "Perwal pembinaan dan pengawasan KLA"
K_TAMBAHAN = 13  # the "Butir tambahan" column of the exported item table


def _rk(db: Path) -> layanan.RuangKerja:
    return layanan.ruang_kerja(db, KAT, DD, "33.75", HARI)


def _baris(butir: pd.DataFrame, kode: str) -> dict[str, Any]:
    """One item's row of a checklist table, by item code."""
    return {str(k): v for k, v in butir[butir["butir"] == kode].iloc[0].items()}


def _tambah(db: Path) -> str:
    return tambahan.tambah_butir(
        gugus_simpan.path_gugus(db), ANA, "33.75", "KLA24-02", NAMA, DD,
        opd="Bagian Hukum Setda", tenggat=dt.date(2025, 5, 31), jenis="regulasi", waktu=WAKTU,
    )  # fmt: skip


def test_butir_tambahan_dihitung_dalam_kesiapan_dan_poin(db: Path):
    assert _tambah(db) == "tambahan_1"
    rk = _rk(db)
    baris = _baris(rk.butir, "tambahan_1")
    assert baris["indikator"] == "KLA24-02"
    assert (baris["nama"], baris["nama_en"], baris["jenis"], baris["opd"]) == (
        NAMA,
        NAMA,
        "regulasi",
        "Bagian Hukum Setda",
    )
    assert bool(baris["tambahan"])
    assert pd.isna(baris["keyakinan"])
    assert baris["status"] == "belum"
    assert bool(baris["terlambat"])
    assert baris["poin_butir"] == pytest.approx(80 / 6)
    assert _baris(rk.butir, "sk_gugus_tugas")["poin_butir"] == pytest.approx(80 / 6)  # the share is split
    assert not _baris(rk.butir, "sk_gugus_tugas")["tambahan"]
    r = tugas.ringkasan(rk.butir)
    assert (r["jumlah"], r["selesai"], r["terlambat"], r["poin_dipertaruhkan"]) == (65, 0, 1, 1000.0)
    kel = tugas.kesiapan(rk.butir, "kelompok").set_index("kelompok").loc["kelembagaan"]
    assert (kel["jumlah"], kel["terlambat"]) == (14, 1)  # 4 + 5 + 4 catalogue items + 1
    assert "Bagian Hukum Setda" in set(tugas.kesiapan(rk.butir, "opd")["opd"])

    # Status edits carry versions like any item: version 1 (written with the owner and due date).
    path = gugus_simpan.path_gugus(db)
    basi = gugus_simpan.UbahButir("KLA24-02", "tambahan_1", "lengkap", versi=0, kolom=frozenset({"status"}))
    with pytest.raises(gugus_simpan.KonflikError, match="KLA24-02/tambahan_1"):
        gugus_simpan.simpan_butir(path, ANA, "33.75", [basi], DD)
    lengkap = gugus_simpan.UbahButir("KLA24-02", "tambahan_1", "lengkap", versi=1, kolom=frozenset({"status"}))
    assert gugus_simpan.simpan_butir(path, ANA, "33.75", [lengkap], DD) == 1
    r = tugas.ringkasan(_rk(db).butir)
    assert (r["selesai"], r["terlambat"]) == (1, 0)
    assert r["poin_dipertaruhkan"] == pytest.approx(1000 - 80 / 6, abs=0.01)
    log = gugus_simpan.baca_log(path, "33.75").sort_values("log_id")
    assert list(zip(log["tabel"], log["kolom"], log["nilai_baru"], strict=True)) == [
        ("butir_tambahan", "nama", NAMA),
        ("butir_tambahan", "jenis", "regulasi"),
        ("butir_checklist", "opd", "Bagian Hukum Setda"),
        ("butir_checklist", "tenggat", "2025-05-31"),
        ("butir_checklist", "status", "lengkap"),
    ]
    assert set(log["kunci"]) == {"KLA24-02/tambahan_1"}


def test_ganti_nama_hapus_dan_pulihkan_tidak_menghilangkan_riwayat(db: Path):
    path = gugus_simpan.path_gugus(db)
    kode = _tambah(db)
    gugus_simpan.simpan_butir(path, ANA, "33.75", [gugus_simpan.UbahButir("KLA24-02", kode, "lengkap", versi=1,
                              kolom=frozenset({"status"}))], DD)  # fmt: skip
    assert tambahan.ganti_nama(path, ANA, "33.75", kode, "Perwal 8/2025 pembinaan KLA", DD) == 1
    assert tambahan.ganti_nama(path, ANA, "33.75", kode, "Perwal 8/2025 pembinaan KLA", DD) == 0
    rk = _rk(db)
    baris = _baris(rk.butir, kode)
    assert (baris["nama"], baris["status"]) == ("Perwal 8/2025 pembinaan KLA", "lengkap")  # same item, same state

    assert tambahan.hapus_butir(path, ANA, "33.75", kode) == 1
    assert tambahan.hapus_butir(path, ANA, "33.75", kode) == 0
    rk = _rk(db)
    assert kode not in set(rk.butir["butir"])
    assert len(rk.butir) == 64
    assert _baris(rk.butir, "sk_gugus_tugas")["poin_butir"] == pytest.approx(16.0)
    assert list(gugus_simpan.baca_butir(path, "33.75")["butir"]) == [kode]  # its state is kept
    with pytest.raises(gugus_simpan.GugusError, match="butir tambahan wilayah ini"):
        gugus_simpan.simpan_butir(path, ANA, "33.75", [gugus_simpan.UbahButir("KLA24-02", kode, "belum")], DD)
    with pytest.raises(gugus_simpan.GugusError, match="pulihkan dulu"):
        tambahan.ganti_nama(path, ANA, "33.75", kode, "Nama lain", DD)
    # A new item never reuses the number of a deleted one, so histories never mix.
    assert tambahan.tambah_butir(path, ANA, "33.75", "KLA24-02", "Perwal 8/2025 pembinaan KLA", DD) == "tambahan_2"
    with pytest.raises(gugus_simpan.GugusError, match="sudah punya butir bernama"):
        tambahan.pulihkan_butir(path, ANA, "33.75", kode, DD)  # its name is taken meanwhile
    tambahan.ganti_nama(path, ANA, "33.75", "tambahan_2", "Perwal pembinaan (draf)", DD)
    assert tambahan.pulihkan_butir(path, ANA, "33.75", kode, DD) == 1
    rk = _rk(db)
    assert _baris(rk.butir, kode)["status"] == "lengkap"  # back as it was
    log = gugus_simpan.baca_log(path, "33.75").sort_values("log_id")
    milik = log[log["kunci"] == f"KLA24-02/{kode}"]
    teks = [
        [v if isinstance(v, str) else None for v in r] for r in milik[["kolom", "nilai_lama", "nilai_baru"]].to_numpy()
    ]
    assert [tuple(r) for r in teks] == [
        ("nama", None, NAMA),
        ("jenis", None, "regulasi"),
        ("opd", None, "Bagian Hukum Setda"),
        ("tenggat", None, "2025-05-31"),
        ("status", "belum", "lengkap"),
        ("nama", NAMA, "Perwal 8/2025 pembinaan KLA"),
        ("dihapus", None, "ya"),
        ("dihapus", "ya", None),
    ]  # fmt: skip


def test_nama_kosong_ganda_indikator_salah_dan_lingkup_ditolak(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    with pytest.raises(gugus_simpan.LingkupError):
        tambahan.tambah_butir(path, ANA, "33.26", "KLA24-02", NAMA, DD)
    with pytest.raises(gugus_simpan.GugusError, match="tidak boleh kosong") as info:
        tambahan.tambah_butir(path, ANA, "33.75", "KLA24-02", " \x0b ", DD)
    assert info.value.teks("en") == "The custom item needs a name."
    with pytest.raises(gugus_simpan.GugusError, match="KLA24-99"):
        tambahan.tambah_butir(path, ANA, "33.75", "KLA24-99", NAMA, DD)
    with pytest.raises(gugus_simpan.GugusError, match="Jenis butir 'video'"):
        tambahan.tambah_butir(path, ANA, "33.75", "KLA24-02", NAMA, DD, jenis="video")
    assert not path.exists()
    # A catalogue item's name (any case, any spacing) is taken too.
    katalog = DD.per_indikator["KLA24-02"][0].nama
    with pytest.raises(gugus_simpan.GugusError, match="sudah punya butir bernama"):
        tambahan.tambah_butir(path, ANA, "33.75", "KLA24-02", "  " + katalog.upper(), DD)
    tambahan.tambah_butir(path, ANA, "33.75", "KLA24-02", NAMA, DD)
    sebelum = sha_berkas(path)
    with pytest.raises(gugus_simpan.GugusError, match="sudah punya butir bernama") as info:
        tambahan.tambah_butir(path, ANA, "33.75", "KLA24-02", NAMA.upper(), DD)
    assert "already has an item named" in info.value.teks("en")
    with pytest.raises(gugus_simpan.LingkupError):
        tambahan.hapus_butir(path, ANA, "33.26", "tambahan_1")
    assert sha_berkas(path) == sebelum
    # The same name under another indicator is another item.
    assert tambahan.tambah_butir(path, ANA, "33.75", "KLA24-03", NAMA, DD) == "tambahan_2"


def _ekspor(db: Path) -> bytes:
    rk = _rk(db)
    return xlsx.tulis_xlsx(
        rk.butir, rk.opd, kode_wilayah="33.75", nama_wilayah="Kota Pekalongan", dibuat=HARI,
        nama_indikator={i.id: i.label.teks for i in KAT.skema["KLA24"].indikator},
        catatan_acuan=layanan.catatan_acuan(rk.acuan), sintetis=rk.acuan.sintetis,
    )  # fmt: skip


def _kabkota(db: Path) -> dict[str, str]:
    w = store.kueri(db, "wilayah_kabkota")
    return dict(zip(w["kode_wilayah"], w["nama"], strict=True))


def _sheet_baris(isi: bytes, kode_butir: str) -> tuple[Any, Any, int]:
    wb = load_workbook(io.BytesIO(isi))
    for ws in wb.worksheets:
        for r in range(1, ws.max_row + 1):
            if ws.cell(row=r, column=4).value == kode_butir:
                return wb, ws, r
    raise AssertionError(kode_butir)


def test_xlsx_bolak_balik_dengan_butir_tambahan(db: Path):
    path = gugus_simpan.path_gugus(db)
    kode = _tambah(db)
    isi = _ekspor(db)
    wb, ws, r = _sheet_baris(isi, kode)
    assert ws["B4"].value == "Bagian Hukum Setda"  # on its owner's sheet
    assert (ws.cell(row=r, column=5).value, ws.cell(row=r, column=K_TAMBAHAN).value) == (NAMA, "ya")
    assert ws.cell(row=10, column=K_TAMBAHAN).value == "Butir tambahan"
    katalog_baris = [
        ws2.cell(row=b, column=K_TAMBAHAN).value for ws2 in wb.worksheets for b in range(11, ws2.max_row + 1)
    ]
    assert katalog_baris.count("ya") == 1
    ws.cell(row=r, column=6).value = "dalam proses"
    ws.cell(row=r, column=9).value = "Draf Perwal di JDIH"
    buf = io.BytesIO()
    wb.save(buf)
    kunci = functools.partial(xlsx.kunci_tambahan, path)
    hasil = xlsx.baca_xlsx(buf.getvalue(), "checklist.xlsx", DD, _kabkota(db), ANA, kunci)
    assert hasil.sah, [m.teks() for m in hasil.masalah]
    assert hasil.baris == 65
    assert [(u.butir, u.status, u.kolom) for u in hasil.perubahan] == [
        (kode, "dalam_proses", frozenset({"status", "referensi"}))
    ]
    rk = _rk(db)
    assert (
        gugus_simpan.simpan_butir(path, ANA, "33.75", xlsx.selaraskan_opd(hasil.perubahan, rk.butir, rk.tersimpan), DD)
        == 2
    )
    simpan = _baris(gugus_simpan.baca_butir(path, "33.75"), kode)
    assert (simpan["status"], simpan["referensi"], simpan["opd"]) == (
        "dalam_proses",
        "Draf Perwal di JDIH",
        "Bagian Hukum Setda",
    )
    # Without the region's custom items, or once the item is deleted, the row is an unknown item.
    kosong: Callable[[str], frozenset[tuple[str, str]]] = lambda _kode: frozenset()  # noqa: E731
    for tanpa in (None, kosong):
        hasil = xlsx.baca_xlsx(buf.getvalue(), "checklist.xlsx", DD, _kabkota(db), ANA, tanpa)
        assert [m.kode for m in hasil.masalah] == ["ck_butir_tak_dikenal"]
    tambahan.hapus_butir(path, ANA, "33.75", kode)
    hasil = xlsx.baca_xlsx(buf.getvalue(), "checklist.xlsx", DD, _kabkota(db), ANA, kunci)
    assert [m.kode for m in hasil.masalah] == ["ck_butir_tak_dikenal"]
    assert kode in hasil.masalah[0].teks("id")
    assert "sk_gugus_tugas" in hasil.masalah[0].teks("id")


def _kla(*args: str, masukan: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROYEK / ".venv" / "bin" / "kla"), *args], cwd=PROYEK, input=masukan, capture_output=True, text=True
    )


def test_cli_checklist_membawa_butir_tambahan_bolak_balik(db: Path, tmp_path: Path):
    akun.tambah_pengguna(akun.path_akun(db), "ana.pkl", "editor", ["33.75"], "sandi-rahasia-1")
    path = gugus_simpan.path_gugus(db)
    kode = _tambah(db)
    keluar = tmp_path / "33.75.xlsx"
    hasil = _kla("checklist", "export", "--wilayah", "33.75", "--out", str(keluar), "--db", str(db))
    assert hasil.returncode == 0, hasil.stderr
    assert "65 butir" in hasil.stdout
    wb, ws, r = _sheet_baris(keluar.read_bytes(), kode)
    ws.cell(row=r, column=6).value = "lengkap"
    wb.save(keluar)
    args = ["checklist", "import", str(keluar), "--db", str(db), "--user", "ana.pkl", "--password-stdin"]
    hasil = _kla(*args, masukan="sandi-rahasia-1\n")
    assert hasil.returncode == 0, hasil.stderr
    assert "1 butir berubah" in hasil.stdout
    log = gugus_simpan.baca_log(path, "33.75").sort_values("log_id").iloc[-1]
    assert (log["kunci"], log["kolom"], log["nilai_baru"], log["asal"]) == (
        f"KLA24-02/{kode}", "status", "lengkap", "impor 33.75.xlsx",
    )  # fmt: skip
