"""CSV and XLSX exports: BOM, round trip, the Metadata sheet, neutralised formulas, file names."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pandas as pd
import pytest

from indicators.analisis import layanan, metodologi
from indicators.ekspor import tabel as et
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import DATA_DIR

BERBAHAYA = ['=HYPERLINK("http://x","klik")', "+62 811 000", "@SUM(A1:A2)", "-1+1", "\tTAB", "\rCR"]


def _contoh() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kode_wilayah": ["33.01", "33.02", "33.03", "33.04", "33.05", "33.06"],
            "catatan": BERBAHAYA,
            "nilai": [-12.5, 3.25, -1.0, 0.0, 700.0, -0.01],
            "peringkat": [1, 2, 3, 4, 5, -6],
            "sintetis": [True, False, False, False, False, False],
        }
    )


def _meta(**kw: object) -> et.MetaEkspor:
    return et.MetaEkspor(judul="Uji", tanggal=dt.date(2025, 8, 8), **kw)  # type: ignore[arg-type]


def test_slug_dan_nama_berkas():
    assert et.slug("Jawa Tengah") == "jawa-tengah"
    assert et.slug("Kota Semarang (33.74)") == "kota-semarang-33-74"
    assert et.slug("  Kab. Kep. Seribu — Ékspor ") == "kab-kep-seribu-ekspor"
    assert (
        et.nama_berkas("skor", "Jawa Tengah", 2025, "final", ekstensi="xlsx") == "kla_skor_jawa-tengah_2025_final.xlsx"
    )
    assert et.nama_berkas("peta", None, "", "Jawa Tengah", ekstensi=".CSV") == "kla_peta_jawa-tengah.csv"
    with pytest.raises(ValueError, match="kosong"):
        et.nama_berkas("!!", ekstensi="csv")
    with pytest.raises(ValueError, match="ekstensi"):
        et.nama_berkas("skor", ekstensi="x/y")


def test_netralkan_teks():
    for teks in BERBAHAYA:
        assert et.netralkan_teks(teks) == "'" + teks
    assert et.netralkan_teks("Kabupaten Cilacap") == "Kabupaten Cilacap"
    assert et.netralkan_teks("a=b") == "a=b"


def test_csv_bom_dan_bolak_balik():
    data = _contoh()
    isi = et.tulis_csv(data, _meta())
    assert isi.startswith(b"\xef\xbb\xbf")
    kembali = pd.read_csv(io.BytesIO(isi), encoding="utf-8-sig", dtype={"kode_wilayah": str})
    assert list(kembali.columns) == list(data.columns)
    assert kembali["kode_wilayah"].tolist() == data["kode_wilayah"].tolist()
    # negative numbers stay numbers; text is neutralised with an apostrophe
    assert kembali["nilai"].tolist() == data["nilai"].tolist()
    assert kembali["peringkat"].tolist() == data["peringkat"].tolist()
    baris = list(csv.reader(io.StringIO(isi.decode("utf-8-sig"))))
    assert [b[1] for b in baris[1:]] == ["'" + t for t in BERBAHAYA]
    assert all(not b[1].startswith(et.AWALAN_BERBAHAYA) for b in baris[1:])
    assert [b[2] for b in baris[1:3]] == ["-12.5", "3.25"]
    assert baris[1][4] == "true"


def test_csv_sintetis_tanpa_kolom_diberi_keterangan():
    data = pd.DataFrame({"nama": ["A"], "total": [700.5]})
    isi = et.tulis_csv(data, _meta(sintetis=True)).decode("utf-8-sig")
    assert "Keterangan" in isi.splitlines()[0]
    assert "data contoh (sintetis)" in isi
    assert "Keterangan" not in et.tulis_csv(data, _meta()).decode("utf-8-sig")


def test_xlsx_data_metadata_dan_netralisasi(db_bawaan: Path):
    katalog = katalog_bawaan()
    sumber = metodologi.muat_sumber(db_bawaan)
    atribusi = metodologi.baca_atribusi_batas(DATA_DIR / "README-batas-wilayah.md")
    data = _contoh().assign(indikator=pd.Series(["KLA24-01", "KLA24-04", "KLA24-04", None, "X", "KLA24-24"]))
    meta = _meta(katalog=katalog, sumber=sumber, atribusi_batas=atribusi, deskripsi="Deskripsi uji")
    wb = openpyxl.load_workbook(io.BytesIO(et.tulis_xlsx(data, meta)))
    assert wb.sheetnames == ["Data", "Metadata"]
    ws = wb["Data"]
    assert [c.value for c in ws[1]] == list(data.columns)
    assert ws["A1"].font.bold
    assert ws.freeze_panes == "A2"
    for i, teks in enumerate(BERBAHAYA, start=2):
        sel = ws.cell(row=i, column=2)
        assert sel.data_type == "s", (teks, sel.data_type)  # a string, never a formula ('f')
        assert sel.value == teks
        assert sel.quotePrefix
    nilai = [ws.cell(row=i, column=3).value for i in range(2, 8)]
    assert nilai == data["nilai"].tolist()
    assert all(isinstance(v, int | float) for v in nilai)
    assert ws.cell(row=2, column=3).number_format == et.FORMAT_PECAHAN
    assert ws.cell(row=7, column=4).value == -6
    assert ws.cell(row=2, column=5).value is True
    assert ws.cell(row=2, column=1).data_type == "s"  # a code stays text

    isi_meta = [[c for c in r if c is not None] for r in wb["Metadata"].iter_rows(values_only=True)]
    rata = [str(c) for r in isi_meta for c in r]
    assert "Uji" in rata
    assert "Deskripsi uji" in rata
    assert "data contoh (sintetis)" in rata
    assert any(c.startswith("Ya: sebagian") for c in rata)
    assert "8 Agustus 2025" in rata
    # indicator metadata: each known indicator once, unknown codes skipped
    baris_ind = [r for r in isi_meta if r and str(r[0]).startswith("KLA24-")]
    assert [r[0] for r in baris_ind] == ["KLA24-01", "KLA24-04", "KLA24-24"]
    ind = katalog.indikator()["KLA24-04"]
    assert ind.nama.teks in baris_ind[1]
    assert ind.nilai_maks in baris_ind[1]
    # sources with citation, URL, confidence, licence
    assert "sintetis-skor-v1" in rata
    assert "Sitasi" in rata
    assert "Lisensi" in rata
    assert "Keyakinan" in rata
    assert atribusi.baris in rata
    assert "MIT" in rata


def test_xlsx_tanpa_sintetis_berbahasa_inggris():
    data = pd.DataFrame({"nama": ["A"], "tahun": [2025.0], "sintetis": [False]})
    wb = openpyxl.load_workbook(io.BytesIO(et.tulis_xlsx(data, _meta(bahasa="en"))))
    rata = [str(c) for r in wb["Metadata"].iter_rows(values_only=True) for c in r if c is not None]
    assert "Synthetic data" in rata
    assert "No" in rata
    assert "8 August 2025" in rata
    assert "data contoh (sintetis)" not in rata
    assert wb["Data"]["B2"].number_format == et.FORMAT_BULAT


def test_ekspor_tabel_skor_nyata(db_bawaan: Path):
    katalog = katalog_bawaan()
    tabel = layanan.tabel_skor(db_bawaan, katalog, tahun=2025, kode_provinsi="33")
    meta = _meta(katalog=katalog)
    kembali = pd.read_csv(io.BytesIO(et.tulis_csv(tabel, meta)), encoding="utf-8-sig", dtype={"kode_wilayah": str})
    assert len(kembali) == 35
    assert kembali["total"].round(2).tolist() == tabel["total"].round(2).tolist()
    wb = openpyxl.load_workbook(io.BytesIO(et.tulis_xlsx(tabel, meta)))
    assert wb["Data"].max_row == 36
    assert et.ada_sintetis(tabel)


def test_angka_dari_tampilan():
    from indicators.format import format_angka

    tampil = pd.DataFrame(
        {
            "Kode": ["33.01", "33.02", "33.03"],
            "Nama": ["A", "B", "-C"],
            "Total": [format_angka(v, 2, "id") for v in (1234.5, -12.25, 700)],
            "Persen": ["–", "80,0", "5,5"],
            "Tahun": ["2023", "2025", "2025"],
        }
    )
    hasil = et.angka_dari_tampilan(tampil, "id", lewati=["Kode"])
    assert hasil["Total"].tolist() == [1234.5, -12.25, 700.0]
    assert hasil["Persen"].isna().tolist() == [True, False, False]
    assert hasil["Persen"].tolist()[1:] == [80.0, 5.5]
    assert hasil["Kode"].tolist() == ["33.01", "33.02", "33.03"]
    assert hasil["Nama"].tolist() == ["A", "B", "-C"]
    # format_angka groups thousands, so an ungrouped "2025" is a label (a year), not a formatted number
    assert hasil["Tahun"].tolist() == ["2023", "2025", "2025"]
    # in English a code like 33.01 would read as a number: it is skipped by name
    en = et.angka_dari_tampilan(tampil.assign(Total=["1,234.50", "-12.25", "700.00"]), "en", lewati=["Kode"])
    assert en["Total"].tolist() == [1234.5, -12.25, 700.0]
    assert en["Kode"].tolist()[0] == "33.01"
    # Indonesian reading of an English-formatted column is refused (not every cell fits)
    assert et.angka_dari_tampilan(pd.DataFrame({"x": ["1,234.50", "3"]}), "id")["x"].tolist() == ["1,234.50", "3"]


def test_sintetis_dari_judul_kolom_tampilan():
    assert et.ada_sintetis(pd.DataFrame({"Nama": ["A"], "Total (sintetis)": ["700,00"]}))
    assert et.ada_sintetis(pd.DataFrame({"Name": ["A"], "Total (synthetic)": ["700.00"]}))
    assert not et.ada_sintetis(pd.DataFrame({"Nama": ["A"], "Total (sintetis)": [None]}))
    assert not et.ada_sintetis(pd.DataFrame({"Nama": ["A"], "sintetis": [False]}))
    assert not et.ada_sintetis(pd.DataFrame({"Nama": ["A"]}), _meta(sintetis=False))


def test_csv_netral_setelah_pemisah_daftar():
    # An Indonesian spreadsheet may split a CSV on ';': a formula after one must not become a cell formula.
    data = pd.DataFrame({"catatan": ['a;=HYPERLINK("http://evil","klik")', "1,=cmd", "Rp 5.000,-"]})
    baris = list(csv.reader(io.StringIO(et.tulis_csv(data, _meta()).decode("utf-8-sig"))))
    assert [b[0] for b in baris[1:]] == ['a;\'=HYPERLINK("http://evil","klik")', "1,'=cmd", "Rp 5.000,-"]


def test_nama_berkas_dipotong_dan_tanda_pisah_tahun():
    assert et.slug("2017–2025") == "2017-2025"
    panjang = et.nama_berkas("perbandingan", *[f"Kabupaten Nama Panjang {i}" for i in range(20)], ekstensi="csv")
    assert len(panjang) <= et.PANJANG_NAMA_MAKS + len(".csv")
    assert not panjang.removesuffix(".csv").endswith(("-", "_"))
    assert panjang.startswith("kla_perbandingan_kabupaten-nama-panjang-0_")


def test_angka_tampilan_bulat_jadi_bilangan_bulat_dan_desimal_seperti_layar():
    tampil = pd.DataFrame(
        {"Jumlah": ["12", "1.234", "–"], "Persen": ["80,5", "5,0", "7,3"], "Skor": ["1,25", "2,00", "3,10"]}
    )
    hasil = et.angka_dari_tampilan(tampil, "id")
    assert str(hasil["Jumlah"].dtype) == "Int64"
    assert hasil["Jumlah"].tolist()[:2] == [12, 1234]
    baris = list(csv.reader(io.StringIO(et.tulis_csv(hasil, _meta()).decode("utf-8-sig"))))
    assert [b[0] for b in baris[1:]] == ["12", "1234", ""]  # a count, not 12.0
    ws = openpyxl.load_workbook(io.BytesIO(et.tulis_xlsx(hasil, _meta())))["Data"]
    assert ws["A2"].number_format == et.FORMAT_BULAT
    assert ws["B2"].number_format == "#,##0.0"  # one decimal on screen, one in the sheet
    assert ws["C2"].number_format == et.FORMAT_PECAHAN
    assert et.desimal_kolom(pd.Series([774.6899999999999, 1.5])) == 2  # float noise: the usual two


def test_sintetis_per_baris_berlabel_tanpa_keterangan_tambahan():
    data = pd.DataFrame({"Nama": ["A", "B"], "Data sintetis": [True, False]})
    assert et.ada_sintetis(data)
    assert not et.ada_sintetis(data.assign(**{"Data sintetis": [False, False]}))
    kepala = et.tulis_csv(data, _meta()).decode("utf-8-sig").splitlines()[0]
    assert kepala == "Nama,Data sintetis"  # the per-row flag says it: no "Keterangan" column


def test_sumber_terpakai_menurut_id_url_ganda_dan_tabel_pengutip(db_bawaan: Path):
    sumber = metodologi.muat_sumber(db_bawaan)
    berita = sumber[sumber["url"].notna() & (sumber["jenis"] == "berita_resmi")].reset_index(drop=True)
    satu, dua = berita.loc[0], berita.loc[1]
    pilih = et.sumber_terpakai(sumber, [satu["sumber_id"]], [])
    assert pilih["sumber_id"].tolist() == [satu["sumber_id"]]
    ganda = et.sumber_terpakai(sumber, [f"{satu['url']} ; {dua['url']}"], [])
    assert {satu["sumber_id"], dua["sumber_id"]} <= set(ganda["sumber_id"])
    statistik = et.sumber_terpakai(sumber, ["statistik_indikator"], [])
    assert len(statistik) > 0
    assert statistik["dipakai_untuk"].str.contains("statistik_indikator").all()
