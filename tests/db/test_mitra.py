"""The partners register (MoU / PKS): rules, expiry warning, scope, versions and the change log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indicators.akun.pengguna import Pengguna
from indicators.gugus import mitra
from indicators.gugus.mitra import IsiMitra, MitraError
from indicators.gugus.simpan import LingkupError
from indicators.io import store
from tests.conftest import sha_berkas

ANA = Pengguna("ana", "editor", ("33.75",))
JATENG = Pengguna("jateng", "editor", ("33",))
HARI_INI = dt.date(2025, 6, 1)
WAKTU = dt.datetime(2025, 6, 1, 9, 30)


def _isi(**ubah: object) -> IsiMitra:
    dasar: dict[str, object] = {
        "mitra": "LPA Kota Pekalongan",
        "jenis": "komnas_pa_lpa",
        "bentuk": "pks",
        "tanggal_tanda_tangan": dt.date(2023, 1, 10),
        "tanggal_berakhir": dt.date(2026, 1, 10),
        "lingkup": "penjangkauan dan pendampingan korban",
        "nomor": "463/12/2023",
    }
    return IsiMitra(**{**dasar, **ubah})  # type: ignore[arg-type]


@pytest.fixture
def gugus(tmp_path: Path) -> Path:
    return tmp_path / "kla.gugus.duckdb"


@pytest.mark.parametrize(
    ("berakhir", "status", "sisa"),
    [
        (dt.date(2025, 5, 31), "berakhir", -1),
        (dt.date(2025, 6, 1), "segera_berakhir", 0),  # the end day itself still warns
        (dt.date(2025, 8, 30), "segera_berakhir", 90),  # exactly the warning period
        (dt.date(2025, 8, 31), "berlaku", 91),
        (None, "tidak_diketahui", None),
    ],
)
def test_keadaan_mitra_batas_peringatan(berakhir: dt.date | None, status: str, sisa: int | None):
    assert mitra.keadaan_mitra(berakhir, HARI_INI, 90) == (status, sisa)


def test_hari_peringatan_dari_lingkungan(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(mitra.ENV_HARI_PERINGATAN, raising=False)
    assert mitra.hari_peringatan() == 90
    monkeypatch.setenv(mitra.ENV_HARI_PERINGATAN, "30")
    assert mitra.hari_peringatan() == 30
    monkeypatch.setenv(mitra.ENV_HARI_PERINGATAN, "-5")
    assert mitra.hari_peringatan() == 90


def test_tambah_ubah_dan_log(gugus: Path):
    mitra_id = mitra.simpan_mitra(gugus, ANA, "33.75", _isi(), waktu=WAKTU)
    assert mitra_id == 1
    kedua = mitra.simpan_mitra(
        gugus,
        ANA,
        "33.75",
        _isi(mitra="Universitas Pekalongan", jenis="perguruan_tinggi", bentuk="mou", tanggal_berakhir=None),
        waktu=WAKTU,
    )
    assert kedua == 2
    daftar = mitra.baca_mitra(gugus, "33.75", hari_ini=HARI_INI, peringatan=90)
    assert list(daftar["mitra_id"]) == [1, 2]
    assert list(daftar["status"]) == ["berlaku", "tidak_diketahui"]
    assert daftar["sisa_hari"].iloc[0] == (dt.date(2026, 1, 10) - HARI_INI).days
    assert daftar["tanggal_berakhir"].iloc[0] == dt.date(2026, 1, 10)

    # A change: the end date moves into the warning period; only that field is logged.
    mitra.simpan_mitra(
        gugus, ANA, "33.75", _isi(tanggal_berakhir=dt.date(2025, 7, 1)), mitra_id=1, versi=1, waktu=WAKTU
    )
    daftar = mitra.baca_mitra(gugus, "33.75", hari_ini=HARI_INI, peringatan=90)
    assert daftar.iloc[0]["status"] == "segera_berakhir"
    assert daftar.iloc[0]["versi"] == 2
    log = mitra.baca_log_mitra(gugus, "33.75")
    ubah = log[log["kunci"] == "1"]
    assert list(ubah.head(1)[["kolom", "nilai_lama", "nilai_baru", "pengguna"]].itertuples(index=False, name=None)) == [
        ("tanggal_berakhir", "2026-01-10", "2025-07-01", "ana")
    ]
    assert set(log["tabel"]) == {"mitra_perlindungan"}


def test_simpan_tanpa_perubahan_tidak_menulis(gugus: Path):
    mitra.simpan_mitra(gugus, ANA, "33.75", _isi(), waktu=WAKTU)
    sebelum = sha_berkas(gugus)
    sama = _isi(lingkup="  penjangkauan dan pendampingan korban ")
    mitra.simpan_mitra(gugus, ANA, "33.75", sama, mitra_id=1, versi=1)
    assert sha_berkas(gugus) == sebelum


def test_versi_basi_ditolak(gugus: Path):
    mitra.simpan_mitra(gugus, ANA, "33.75", _isi(), waktu=WAKTU)
    mitra.simpan_mitra(gugus, ANA, "33.75", _isi(nomor="463/13/2023"), mitra_id=1, versi=1, waktu=WAKTU)
    sebelum = sha_berkas(gugus)
    with pytest.raises(MitraError) as galat:
        mitra.simpan_mitra(gugus, JATENG, "33.75", _isi(nomor="999"), mitra_id=1, versi=1)
    assert "diubah oleh ana (versi 2)" in galat.value.teks("id")
    assert sha_berkas(gugus) == sebelum


def test_lingkup_editor_kabkota(gugus: Path):
    with pytest.raises(LingkupError):
        mitra.simpan_mitra(gugus, ANA, "33.26", _isi(mitra="LPA Kab. Pekalongan"))
    assert not gugus.exists()
    # A province editor may write for every kab/kota of the province, and for the province itself.
    mitra.simpan_mitra(gugus, JATENG, "33.26", _isi(mitra="LPA Kab. Pekalongan"), waktu=WAKTU)
    mitra.simpan_mitra(gugus, JATENG, "33", _isi(mitra="Komnas PA", bentuk="mou"), waktu=WAKTU)
    mitra.simpan_mitra(gugus, ANA, "33.75", _isi(), waktu=WAKTU)
    provinsi = mitra.baca_mitra(gugus, "33", hari_ini=HARI_INI)
    assert sorted(provinsi["kode_wilayah"]) == ["33", "33.26", "33.75"]
    assert list(mitra.baca_mitra(gugus, "33.75", hari_ini=HARI_INI)["mitra"]) == ["LPA Kota Pekalongan"]


@pytest.mark.parametrize(
    ("ubah", "kata"),
    [
        ({"tanggal_berakhir": dt.date(2023, 1, 10)}, "harus sesudah"),
        ({"tanggal_berakhir": dt.date(2022, 12, 31)}, "harus sesudah"),
        ({"mitra": "  "}, "wajib diisi"),
        ({"jenis": "dinas"}, "tidak dikenal"),
        ({"bentuk": "sk"}, "MoU atau PKS"),
        ({"catatan": "x" * 501}, "lebih dari 500"),
    ],
)
def test_aturan_isian(gugus: Path, ubah: dict[str, object], kata: str):
    with pytest.raises(MitraError) as galat:
        mitra.simpan_mitra(gugus, ANA, "33.75", _isi(**ubah))
    assert kata in galat.value.teks("id")
    assert galat.value.teks("en") != galat.value.teks("id")
    assert not gugus.exists()


def test_data_pribadi_ditolak_tanpa_diulang(gugus: Path):
    nomor = "0812-3456-7890"
    with pytest.raises(MitraError) as galat:
        mitra.simpan_mitra(gugus, ANA, "33.75", _isi(catatan=f"kontak pendamping {nomor}"))
    for bahasa in ("id", "en"):
        assert "catatan" in galat.value.teks(bahasa)
        assert "3456" not in galat.value.teks(bahasa)
    assert not gugus.exists()


def test_hapus_dicatat_dan_tidak_tampil(gugus: Path):
    mitra.simpan_mitra(gugus, ANA, "33.75", _isi(), waktu=WAKTU)
    mitra.hapus_mitra(gugus, ANA, "33.75", 1, versi=1, waktu=WAKTU)
    assert mitra.baca_mitra(gugus, "33.75", hari_ini=HARI_INI).empty
    log = mitra.baca_log_mitra(gugus, "33.75")
    assert list(log.iloc[0][["kolom", "nilai_lama", "nilai_baru"]]) == ["dihapus", "false", "true"]
    with pytest.raises(MitraError):
        mitra.hapus_mitra(gugus, ANA, "33.75", 1)
    # The next entry gets a fresh id: a removed id is never reused.
    assert mitra.simpan_mitra(gugus, ANA, "33.75", _isi(mitra="LKSA Pekalongan", jenis="lksa")) == 2


def test_ruang_kerja_lama_tanpa_tabel_dibaca_kosong(gugus: Path):
    # A workspace written before migration 006 holds no register table yet.
    with store.buka(gugus, read_only=False) as con:
        con.execute("CREATE TABLE contoh (x INTEGER)")
    assert mitra.baca_mitra(gugus, "33.75").empty
    assert mitra.baca_log_mitra(gugus, "33.75").empty
