"""Import templates: sheets, instructions, locked header, drop-downs, lookups and a round trip."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.workbook.workbook import Workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.impor import templat, terapkan
from indicators.katalog.model import katalog_bawaan


@pytest.fixture(scope="module")
def wilayah(db_bawaan: Path) -> pd.DataFrame:
    return terapkan.muat_wilayah(db_bawaan)


def _buka(isi: bytes) -> Workbook:
    return load_workbook(io.BytesIO(isi))


def _validasi(buku: Workbook) -> dict[str, str]:
    """Column letter of each validated range → its formula."""
    return {str(dv.sqref)[0]: str(dv.formula1) for dv in buku["Data"].data_validations.dataValidation}


@pytest.mark.parametrize("jenis", ["skor", "statistik", "predikat"])
def test_templat_terbuka_dengan_lembar_yang_benar(jenis: terapkan.Jenis, wilayah: pd.DataFrame):
    buku = _buka(templat.buat_templat(jenis, katalog_bawaan(), wilayah))
    assert buku.sheetnames == ["Petunjuk", "Data", "Daftar"]
    assert buku["Daftar"].sheet_state == "hidden"
    data = buku["Data"]
    assert [c.value for c in data[1]] == templat.kolom_templat(jenis)
    # Header locked under sheet protection; input columns unlocked; helper columns locked.
    assert data.protection.sheet
    assert all(c.protection.locked for c in data[1])
    assert data.column_dimensions["B"].protection.locked is False
    assert data.freeze_panes == "A2"
    petunjuk = "\n".join(str(c.value) for baris in buku["Petunjuk"].iter_rows() for c in baris if c.value)
    assert "Cara mengisi" in petunjuk
    assert "Baris dengan nilai kosong dilewati" in petunjuk
    for kolom in templat.kolom_templat(jenis):
        assert kolom in petunjuk


def test_validasi_skor(wilayah: pd.DataFrame):
    buku = _buka(templat.buat_templat("skor", katalog_bawaan(), wilayah))
    dv = _validasi(buku)
    daftar = buku["Daftar"]
    assert dv["B"] == "Daftar!$A$2:$A$515"  # 514 kab/kota
    assert dv["D"] == "Daftar!$D$2:$D$56"  # no year: the ids of every scheme, newest first
    assert dv["G"] == "Daftar!$H$2:$H$5"
    assert dv["A"] == "Daftar!$L$2:$L$8"
    assert "ISNUMBER(H2)" in dv["H"]
    assert [daftar.cell(row=r, column=8).value for r in range(2, 6)] == ["mandiri", "provinsi", "pusat", "final"]
    assert daftar["D2"].value == "KLA24-01"
    assert daftar["D26"].value == "KLA31-01"
    assert "33.75" in [daftar.cell(row=r, column=1).value for r in range(2, 516)]
    # Empty template: lookup formulas beside the ids.
    assert str(buku["Data"]["C2"].value).startswith("=IF(B2")
    assert "VLOOKUP(D2" in str(buku["Data"]["E2"].value)


def test_validasi_predikat_dan_statistik(wilayah: pd.DataFrame):
    predikat = _validasi(_buka(templat.buat_templat("predikat", katalog_bawaan(), wilayah)))
    assert predikat["D"] == "Daftar!$J$2:$J$7"
    statistik = _buka(templat.buat_templat("statistik", katalog_bawaan(), wilayah))
    dv = _validasi(statistik)
    assert dv["D"] == f"Daftar!$D$2:$D${len(katalog_bawaan().statistik) + 1}"
    assert statistik["Daftar"]["D2"].value == sorted(katalog_bawaan().statistik)[0]
    kode = [statistik["Daftar"].cell(row=r, column=1).value for r in range(2, 560)]
    assert "33" in kode
    assert "00" in kode


def test_templat_terisi_per_wilayah_dan_indikator(wilayah: pd.DataFrame):
    buku = _buka(
        templat.buat_templat("skor", katalog_bawaan(), wilayah, tahun=2025, wilayah=["33.75", "33.26"], tahap="final")
    )
    data = buku["Data"]
    baris = [[c.value for c in r] for r in data.iter_rows(min_row=2, max_row=49)]
    assert len({(r[1], r[3]) for r in baris}) == 48
    assert baris[0][:8] == [2025, "33.26", "Kabupaten Pekalongan", "KLA24-01", baris[0][4], 70, "final", None]
    assert data["B2"].protection.locked is False
    assert data["C2"].protection.locked
    assert data["A50"].value is None
    assert _validasi(buku)["B"] == "Daftar!$A$2:$A$3"
    assert _validasi(buku)["D"] == "Daftar!$D$2:$D$25"  # the 24 KLA24 ids of 2025


def test_templat_terisi_bisa_diimpor(wilayah: pd.DataFrame, db_bawaan: Path):
    buku = _buka(templat.buat_templat("skor", katalog_bawaan(), wilayah, tahun=2025, wilayah=["33.75"], tahap="final"))
    buku["Data"]["H2"] = 65
    buku["Data"]["H3"] = "70,5"
    keluaran = io.BytesIO()
    buku.save(keluaran)
    hasil = terapkan.periksa_berkas(keluaran.getvalue(), "isi.xlsx", katalog_bawaan(), wilayah)
    assert hasil.sah, [m.teks() for m in hasil.masalah]
    assert hasil.jenis == "skor"
    assert hasil.data["nilai"].tolist() == [65.0, 70.5]
    assert [m.kode for m in hasil.peringatan] == ["nilai_kosong_dilewati"]  # 22 rows left empty
    prat = terapkan.pratinjau(db_bawaan, hasil, katalog_bawaan())
    assert prat.jumlah["berubah"] == 2


def test_templat_menolak_masukan_salah(wilayah: pd.DataFrame):
    with pytest.raises(terapkan.ImporError, match="bukan tahun siklus"):
        templat.buat_templat("skor", katalog_bawaan(), wilayah, tahun=2024)
    with pytest.raises(terapkan.ImporError, match=r"33\.99"):
        templat.buat_templat("predikat", katalog_bawaan(), wilayah, wilayah=["33.99"])
    with pytest.raises(terapkan.ImporError, match="Tahap"):
        templat.buat_templat("skor", katalog_bawaan(), wilayah, tahap="akhir")
    # Statistics are not tied to evaluation cycles.
    assert templat.buat_templat("statistik", katalog_bawaan(), wilayah, tahun=2024, wilayah=["33.75"])


def test_rumus_bantuan_dihitung_libreoffice(wilayah: pd.DataFrame, tmp_path: Path):
    """The lookup columns compute in a real spreadsheet program (LibreOffice, headless)."""
    buku = _buka(templat.buat_templat("skor", katalog_bawaan(), wilayah))
    buku["Data"]["B2"], buku["Data"]["D2"] = "33.75", "KLA24-04"
    buku["Data"]["B3"] = "99.99"
    buku.save(tmp_path / "ketik.xlsx")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profil",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "ketik.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    data = pd.read_csv(tmp_path / "ketik-Data.csv", dtype=str, keep_default_na=False)
    assert [data.loc[0, k] for k in ("kode_wilayah", "nama_wilayah", "nama_indikator", "nilai_maks")] == [
        "33.75",
        "Kota Pekalongan",
        "Kepemilikan kutipan akta kelahiran",
        "45",
    ]
    assert data.loc[1, "nama_wilayah"] == "?"
