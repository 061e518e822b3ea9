"""The supervision view as files and as a command: the XLSX opened with openpyxl, the PDF read with pypdf
and its pages rendered to PNG (tests/artefak/pembinaan_laporan_hal*.png, to look at), and ``kla pembinaan``
in its three formats, on the real database with the workspace of tests/db/test_pembinaan.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pypdf
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest

from indicators.cli.utama import main
from indicators.ekspor import pembinaan as ekspor
from indicators.format import format_angka
from indicators.gugus import kalender as kal, pembinaan as pb, simpan
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan
from tests.conftest import ARTEFAK, salin_database
from tests.db.test_pembinaan import HARI, JATENG, _isi_ruang_kerja, _total_final

RUMUS = '=HYPERLINK("http://contoh.invalid","klik")'
WAJIB = [
    "kode_wilayah",
    "nama",
    "kesiapan_persen",
    "butir_lewat_tenggat",
    "regulasi_ditetapkan",
    "regulasi_diamanatkan",
    "kelembagaan_terverifikasi",
    "catatan_pembinaan_terbuka",
    "selisih_ke_predikat_berikut",
]


@pytest.fixture(scope="module")
def db_isi(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private database with the workspace of test_pembinaan plus a note that looks like a formula."""
    db = salin_database(db_bawaan, tmp_path_factory.mktemp("pembinaan_ekspor"))
    path = simpan.path_gugus(db)
    _isi_ruang_kerja(path)
    pb.tambah_catatan(path, JATENG, "33.01", pb.IsiCatatan(dt.date(2026, 11, 20), RUMUS, penanggung_jawab="@Bappeda"))
    return db


@pytest.fixture(scope="module")
def p(db_isi: Path) -> pb.Pembinaan:
    return pb.tabel_pembinaan(db_isi, katalog_bawaan(), data_dukung_bawaan(), "33", HARI)


def _mundur(bahasa: str = "id") -> list[str]:
    return kal.baris_hitung_mundur(kal.hitung_mundur(kal.muat_kalender(), HARI), bahasa)  # type: ignore[arg-type]


# --- XLSX ----------------------------------------------------------------------------------------


def _nilai_label(ws: object, label: str) -> object:
    """The value beside ``label`` in a region sheet's figure list (column A label, column B value)."""
    for a, b in ws.iter_rows(min_col=1, max_col=2, values_only=True):  # type: ignore[attr-defined]
        if a == label:
            return b
    raise AssertionError(f"no row {label!r}")


def test_xlsx_ringkasan_dan_satu_sheet_per_kabkota(p: pb.Pembinaan):
    wb = openpyxl.load_workbook(
        io.BytesIO(ekspor.tulis_xlsx(p, "id", kalender=kal.muat_kalender(), hitung_mundur=_mundur()))
    )
    kode_urut = list(p.tabel["kode_wilayah"])
    assert wb.sheetnames[0] == "Ringkasan"
    assert wb.sheetnames[-1] == "Kalender evaluasi"
    assert [s.split(" ")[0] for s in wb.sheetnames[1:-1]] == kode_urut  # one sheet per kab/kota, risk order
    assert wb.sheetnames[1] == "33.75 Kota Pekalongan"
    ringkas = wb["Ringkasan"]
    teks = [c for baris in ringkas.iter_rows(max_row=12, values_only=True) for c in baris if isinstance(c, str)]
    assert any(c.startswith("Cakupan: 35 kab/kota. Kesiapan checklist diketahui untuk 2 dari 35") for c in teks)
    assert any(c.startswith("Urutan risiko:") for c in teks)
    assert "Pembinaan & pengawasan KLA: Jawa Tengah" in teks
    # The table: header row, then one row per kab/kota in risk order, numbers as numbers.
    kepala_baris = next(i for i, r in enumerate(ringkas.iter_rows(values_only=True), 1) if r[0] == "Urutan risiko")
    kepala = [c.value for c in ringkas[kepala_baris]]
    baris = {
        r[1]: dict(zip(kepala, r, strict=False)) for r in ringkas.iter_rows(min_row=kepala_baris + 1, values_only=True)
    }
    assert list(baris) == kode_urut
    kesiapan = p.tabel.set_index("kode_wilayah").at["33.75", "kesiapan_persen"]
    assert baris["33.75"]["Kesiapan checklist (%)"] == pytest.approx(float(str(kesiapan)))
    assert baris["33.75"]["Regulasi diamanatkan"] == 8
    assert baris["33.75"]["Selisih ke predikat berikut"] == pytest.approx(0.01)
    assert baris["33.75"]["Tanggal snapshot terakhir"] == dt.datetime(2026, 10, 1)
    assert baris["33.26"]["Kesiapan checklist (%)"] == "tidak diketahui"  # unknown in words, not an empty 0
    assert baris["33.26"]["Kelembagaan terverifikasi"] == "tidak diketahui"
    assert baris["33.26"]["Catatan pembinaan terbuka"] == 1
    assert "kesiapan belum terpantau" in baris["33.26"]["Tanda risiko"]
    # Kota Surakarta: Utama 2023 → Nindya 2025 (data/kla/kla_predikat.csv lines 38 and 14), the basis in words.
    assert baris["33.72"]["Tanda risiko"] == "predikat resmi turun (data nyata); kesiapan belum terpantau"
    assert baris["33.72"]["Perubahan predikat resmi (tingkat; negatif = turun)"] == -1
    assert baris["33.72"]["Predikat resmi tercatat sebelumnya"] == "Utama"
    assert baris["33.72"]["Perubahan total dari total sintetis"] == "ya"
    assert not any("total turun" in str(b["Tanda risiko"]) for b in baris.values())  # every total is synthetic
    assert any(c.startswith("Perubahan total dari total sintetis tetap ditampilkan") for c in teks)
    assert not any(str(k).islower() and "_" in str(k) for k in kepala)  # on-screen labels, no internal keys


def test_xlsx_sheet_kabkota_memuat_angka_catatan_dan_butir_lewat_tenggat(p: pb.Pembinaan):
    wb = openpyxl.load_workbook(io.BytesIO(ekspor.tulis_xlsx(p, "id")))
    ws = wb["33.75 Kota Pekalongan"]
    assert ws["A1"].value == "Pembinaan & pengawasan KLA: Kota Pekalongan (33.75)"
    assert _nilai_label(ws, "Butir lewat tenggat") == 1
    assert _nilai_label(ws, "Total snapshot terakhir") == 600
    assert _nilai_label(ws, "Dasar selisih") == "snapshot 1 Oktober 2026"
    isi = [c for r in ws.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert "SK Gugus Tugas kedaluwarsa" in isi
    assert "Profil anak lama" in isi  # a done note is kept in the region's sheet, marked done
    assert "selesai" in isi
    assert any(c.startswith("SK Gugus Tugas KLA") for c in isi)  # the overdue checklist item by name
    cilacap = wb["33.01 Kabupaten Cilacap"]
    sel = next(c for r in cilacap.iter_rows() for c in r if c.value == RUMUS)
    assert sel.data_type == "s"  # written as text, never a formula
    assert sel.quotePrefix
    assert "@Bappeda" in [c.value for r in cilacap.iter_rows() for c in r]
    kosong = wb["33.02 Kabupaten Banyumas"]
    assert "Tidak ada." in [c.value for r in kosong.iter_rows() for c in r]
    assert "Kalender evaluasi" not in wb.sheetnames  # only when a calendar is given


def test_xlsx_berbahasa_inggris(p: pb.Pembinaan):
    wb = openpyxl.load_workbook(io.BytesIO(ekspor.tulis_xlsx(p, "en", kalender=kal.muat_kalender())))
    assert wb.sheetnames[0] == "Summary"
    assert wb.sheetnames[-1] == "Evaluation calendar"
    teks = {c for r in wb["Summary"].iter_rows(values_only=True) for c in r if isinstance(c, str)}
    assert "unknown" in teks
    assert "Risk rank" in teks
    assert ekspor.nama_berkas(p, "en", "xlsx") == "kla_pembinaan_jawa-tengah_2026-12-04_en.xlsx"


# --- PDF -----------------------------------------------------------------------------------------


def test_pdf_laporan_pembinaan_terbaca_dan_digambar(p: pb.Pembinaan, db_isi: Path):
    isi = ekspor.tulis_pdf(p, "id", hitung_mundur=_mundur())
    halaman = [" ".join(h.extract_text().split()) for h in pypdf.PdfReader(io.BytesIO(isi)).pages]
    semua = " ".join(halaman)
    assert "Laporan pembinaan & pengawasan KLA Jawa Tengah Keadaan per 4 Desember 2026." in halaman[0]
    assert "Evaluasi mandiri KLA 2026 berakhir 30 April 2026 (218 hari lalu)." in halaman[0]
    assert "Kesiapan terpantau 2 dari 35" in halaman[0]
    assert "Kab/kota menurut urutan risiko" in semua
    assert "1 Kota Pekalongan" in semua
    assert "tidak diketahui" in semua
    assert "SK Gugus Tugas kedaluwarsa" in semua
    assert "Profil anak lama" not in semua  # the report lists open notes only
    assert "Butir checklist lewat tenggat" in semua
    assert "Urutan risiko: kab/kota dengan tanda risiko terbanyak di atas" in semua
    # How to read: the basis of each flag; the change column keeps synthetic changes, labelled.
    assert '"total turun" hanya bila kedua total final nyata, bukan sintetis' in semua
    assert "tidak menyalakan tanda risiko dan tidak dipakai dalam urutan risiko" in semua
    assert "Utama (2023) → Nindya (2025)" in semua  # the pack's PDF writes the arrow itself (Symbol font)
    (tahun_lalu, lalu), (_, kini) = _total_final(db_isi, "33.72")[-2:]  # Surakarta's totals, by SQL
    assert kini < lalu
    assert f"−{format_angka(lalu - kini, 2, 'id')} (dari {tahun_lalu}; sintetis)" in semua  # true minus sign
    assert "predikat resmi turun (data nyata)" in semua
    assert all("sintetis" in h for h in halaman)  # the synthetic note on every page
    dokumen = pdfium.PdfDocument(isi)
    ARTEFAK.mkdir(exist_ok=True)
    for i in range(len(dokumen)):
        gambar = dokumen[i].render(scale=1.4).to_pil()
        gambar.save(ARTEFAK / f"pembinaan_laporan_hal{i + 1}.png")
        assert gambar.size[0] > 800
    assert len(dokumen) == len(halaman) >= 4


def test_pdf_berbahasa_inggris(p: pb.Pembinaan):
    isi = ekspor.tulis_pdf(p, "en", hitung_mundur=_mundur("en"))
    semua = " ".join(" ".join(h.extract_text().split()) for h in pypdf.PdfReader(io.BytesIO(isi)).pages)
    assert "KLA supervision report Jawa Tengah As of 4 December 2026." in semua
    assert "Regencies/cities in risk order" in semua
    assert "unknown" in semua
    assert '"total fell" only when both final totals are real, not synthetic' in semua
    assert "official predikat fell (real data)" in semua


# --- the command ---------------------------------------------------------------------------------


def test_cli_csv_satu_baris_per_kabkota_dengan_kolom_wajib(
    db_isi: Path, p: pb.Pembinaan, capsys: pytest.CaptureFixture[str]
):
    kode = main(["pembinaan", "--provinsi", "33", "--format", "csv", "--db", str(db_isi), "--tanggal", "2026-12-04"])
    assert kode == 0
    baris = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(baris) == 35
    assert set(WAJIB) <= set(baris[0])
    per = {b["kode_wilayah"]: b for b in baris}
    assert baris[0]["kode_wilayah"] == "33.75"  # risk order
    assert float(per["33.75"]["kesiapan_persen"]) == pytest.approx(float(p.tabel.iloc[0]["kesiapan_persen"]))
    assert (per["33.75"]["regulasi_diamanatkan"], per["33.75"]["catatan_pembinaan_terbuka"]) == ("8", "1")
    assert per["33.26"]["kesiapan_persen"] == ""  # unknown is empty, not 0
    assert per["33.75"]["snapshot_tanggal"] == "2026-10-01"


def test_cli_json_tak_diketahui_null(db_isi: Path, capsys: pytest.CaptureFixture[str]):
    kode = main(["pembinaan", "--provinsi", "33", "--format", "json", "--db", str(db_isi), "--tanggal", "2026-12-04"])
    assert kode == 0
    data = {r["kode_wilayah"]: r for r in json.loads(capsys.readouterr().out)}
    assert data["33.26"]["kesiapan_persen"] is None
    assert data["33.26"]["kelembagaan_terverifikasi"] is None
    assert data["33.75"]["butir_lewat_tenggat"] == 1
    assert data["33.75"]["selisih_ke_predikat_berikut"] == pytest.approx(0.01)
    assert data["33.75"]["predikat_berikut"] == "Madya"


def test_cli_tabel_dan_galat(db_isi: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["pembinaan", "--provinsi", "33", "--db", str(db_isi), "--tanggal", "2026-12-04"]) == 0
    keluar = capsys.readouterr().out
    assert "Kota Pekalongan" in keluar
    assert "tidak diketahui" in keluar
    assert "Cakupan: 35 kab/kota" in keluar
    assert main(["pembinaan", "--provinsi", "99", "--db", str(db_isi)]) == 2
    galat = capsys.readouterr().err
    assert galat.startswith("Galat (error): Provinsi '99' tidak punya kab/kota di database; tersedia: 11 (Aceh)")
    assert "Traceback" not in galat
    assert main(["pembinaan", "--provinsi", "33", "--db", str(db_isi), "--tanggal", "4/12/2026"]) == 2
    assert "Tanggal '4/12/2026' tidak sah" in capsys.readouterr().err
    assert main(["pembinaan", "--provinsi", "33", "--db", str(db_isi.with_name("tidak_ada.duckdb"))]) == 2
