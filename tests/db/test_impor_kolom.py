"""The column-wise fast path of the import check gives exactly the row-by-row result.

Each valid CSV must be accepted without the row check running at all; every CSV, valid or not,
must give the same rows, problems and warnings through both paths (the malformed corpus, and
files generated from pools of good and bad cells).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from indicators.impor import periksa as impor_periksa, terapkan
from indicators.impor.periksa import HasilPeriksa, Jenis
from indicators.katalog.model import katalog_bawaan

RUSAK = Path(__file__).parents[1] / "data" / "impor" / "rusak"
KATALOG = katalog_bawaan()


@pytest.fixture(scope="module")
def wilayah(db_bawaan: Path) -> pd.DataFrame:
    return terapkan.muat_wilayah(db_bawaan)


def _periksa(data: bytes, wilayah: pd.DataFrame, jenis: Jenis | None, *, per_baris: bool) -> HasilPeriksa:
    with pytest.MonkeyPatch.context() as mp:
        if per_baris:
            mp.setattr(impor_periksa, "periksa_kolom", lambda *a: None)
        return terapkan.periksa_berkas(data, "uji.csv", KATALOG, wilayah, jenis)


def _sama(data: bytes, wilayah: pd.DataFrame, jenis: Jenis | None = None) -> HasilPeriksa:
    """Check a file both ways and assert the results are identical; return the fast one."""
    cepat = _periksa(data, wilayah, jenis, per_baris=False)
    baris = _periksa(data, wilayah, jenis, per_baris=True)
    pd.testing.assert_frame_equal(cepat.data, baris.data)
    assert [m.teks() for m in cepat.masalah] == [m.teks() for m in baris.masalah]
    assert [m.teks() for m in cepat.peringatan] == [m.teks() for m in baris.peringatan]
    assert (cepat.jenis, cepat.sheet, cepat.sah) == (baris.jenis, baris.sheet, baris.sah)
    return cepat


STATISTIK_SAH = (
    "tahun;kode_wilayah;indikator;nilai;satuan;sumber;catatan\n"
    "2024;33.75;prevalensi_stunting_ssgi;12,5;persen;SSGI 2024;\n"
    "2024;Kota Pekalongan;kepemilikan_akta_kelahiran_anak;85%;%;;dibulatkan\n"
    "2024;3326;jumlah_penduduk;1.234.567;jiwa;Dukcapil;\n"
    "2024;Kab. Pekalongan;kasus_kekerasan_terhadap_anak;;kasus;;belum dilaporkan\n"
    ";;;;;;\n"
    "2023;33;imunisasi_dasar_lengkap_bayi;101,2;persen;Profil Kesehatan;\n"
    "2023;00;jumlah_anak_0_18; 7 ;jiwa;\u00a0BPS\u00a0;\n"
)
SKOR_SAH = (
    "tahun,kode_wilayah,indikator,tahap,nilai\n"
    "2023,33.75,KLA24-4,final,30\n"
    "2023,33.75,kla24-05,Final,32.5\n"
    "2023,Kota Semarang,KLA24-04,mandiri,\n"
    "2019,33.26,KLA24-01,provinsi,10\n"
)
PREDIKAT_SAH = "tahun,kode_wilayah,predikat\n2023,33.75,nindya\n2023,33.26,\n2021,Kota Semarang,Utama\n"


@pytest.mark.parametrize(
    ("teks", "jenis", "baris"),
    [(STATISTIK_SAH, "statistik", 5), (SKOR_SAH, "skor", 3), (PREDIKAT_SAH, "predikat", 2)],
)
def test_berkas_sah_diperiksa_per_kolom_tanpa_pemeriksaan_baris(
    teks: str, jenis: Jenis, baris: int, wilayah: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
):
    hasil = _sama(teks.encode("utf-8"), wilayah)
    assert hasil.sah
    assert hasil.jenis == jenis
    assert len(hasil.data) == baris
    assert [p.kode for p in hasil.peringatan] == ["nilai_kosong_dilewati"]

    def tidak_boleh(*_: object) -> None:
        raise AssertionError("the row-by-row check ran for a valid file")

    monkeypatch.setattr(impor_periksa._Pemeriksa, "_per_baris", tidak_boleh)
    assert terapkan.periksa_berkas(teks.encode("utf-8"), "uji.csv", KATALOG, wilayah).sah


def test_nilai_terurai_sama_dengan_pemeriksaan_baris(wilayah: pd.DataFrame):
    data = _sama(STATISTIK_SAH.encode("utf-8"), wilayah).data.set_index("statistik")
    assert data.loc["prevalensi_stunting_ssgi", "nilai"] == 12.5
    assert data.loc["jumlah_penduduk", "nilai"] == 1_234_567
    assert data.loc["jumlah_anak_0_18", "sumber"] == "BPS"
    assert data.loc["kepemilikan_akta_kelahiran_anak", "satuan"] == "persen"
    assert data.loc["kepemilikan_akta_kelahiran_anak", "kode_wilayah"] == "33.75"


@pytest.mark.parametrize("berkas", sorted(p.name for p in RUSAK.glob("*.csv")))
def test_korpus_rusak_sama_di_kedua_jalan(berkas: str, wilayah: pd.DataFrame):
    hasil = _sama((RUSAK / berkas).read_bytes(), wilayah)
    assert not hasil.sah


# Cells a person might type, good and bad, for each column of a statistic file.
_SEL = {
    "tahun": ["2024", "2023", " 2022 ", "1989", "20x4", "", "2024.0"],
    "kode_wilayah": ["33.75", "33.26", "Kota Pekalongan", "3375", "33.1", "99.99", "Pekalongan", "", "33"],
    "indikator": ["prevalensi_stunting_ssgi", "jumlah_penduduk", "Jumlah_Penduduk", "tidak_ada", ""],
    "nilai": ["12,5", "12.5", "1.234", "85%", "101", "-3", "abc", "", "0", "1.234,5", "7"],
    "satuan": ["persen", "%", "jiwa", "kg", "", " Persen "],
    "sumber": ["", "SSGI", "  BPS  "],
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(*(st.sampled_from(pilihan) for pilihan in _SEL.values())),
        min_size=1,
        max_size=12,
    )
)
def test_berkas_acak_sama_di_kedua_jalan(wilayah: pd.DataFrame, baris: list[tuple[str, ...]]):
    teks = ";".join(_SEL) + "\n" + "".join(";".join(isi) + "\n" for isi in baris)
    _sama(teks.encode("utf-8"), wilayah, "statistik")
