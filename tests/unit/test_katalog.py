"""The declarative catalogue: both schemes load, are numbered and grouped right, and bad files
stop with a message that names the file and the entry."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from indicators.cli import utama
from indicators.katalog.model import KATALOG_DIR, KatalogError, katalog_bawaan, muat_katalog

KLASTER_KLA24 = {
    "kelembagaan": range(1, 4),
    "klaster_1": range(4, 7),
    "klaster_2": range(7, 12),
    "klaster_3": range(12, 18),
    "klaster_4": range(18, 21),
    "klaster_5": range(21, 25),
}
KLASTER_KLA31 = {
    "kelembagaan": range(1, 8),
    "klaster_1": range(8, 11),
    "klaster_2": range(11, 14),
    "klaster_3": range(14, 23),
    "klaster_4": range(23, 28),
    "klaster_5": range(28, 32),
}


@pytest.mark.parametrize(("kode", "jumlah", "klaster"), [("KLA24", 24, KLASTER_KLA24), ("KLA31", 31, KLASTER_KLA31)])
def test_skema_punya_indikator_bernomor_dan_berklaster_benar(kode: str, jumlah: int, klaster: dict[str, range]):
    skema = katalog_bawaan().skema[kode]
    assert [i.id for i in skema.indikator] == [f"{kode}-{n:02d}" for n in range(1, jumlah + 1)]
    for kelompok, nomor in klaster.items():
        assert [i.nomor for i in skema.indikator if i.kelompok == kelompok] == list(nomor)
    assert sum(i.nilai_maks for i in skema.indikator) == 1000
    assert sum(skema.nilai_maks_kelompok().values()) == 1000


def test_rentang_tahun_skema_adalah_data():
    katalog = katalog_bawaan()
    assert katalog.skema_untuk_tahun(2017).kode == "KLA31"
    assert katalog.skema_untuk_tahun(2018).kode == "KLA24"
    assert katalog.skema_untuk_tahun(2025).kode == "KLA24"
    with pytest.raises(KatalogError, match="2005"):
        katalog.skema_untuk_tahun(2005)
    assert {c.tahun: c.skema for c in katalog.siklus} == {
        2017: "KLA31",
        2018: "KLA24",
        2019: "KLA24",
        2021: "KLA24",
        2022: "KLA24",
        2023: "KLA24",
        2025: "KLA24",
    }


def test_setiap_indikator_punya_metadata_lengkap_dan_status_keyakinan():
    for ind in katalog_bawaan().indikator().values():
        assert ind.label.status in {"C", "C2", "I", "?"}
        assert ind.nama_en
        assert ind.satuan
        assert ind.opd_pengampu.butir
        assert ind.data_diukur.butir
        sdi = ind.metadata_sdi
        assert all([sdi.konsep, sdi.definisi, sdi.rumus_perhitungan, sdi.interpretasi, sdi.satuan, sdi.periode])


def test_label_kla24_dikonfirmasi_slide_resmi():
    skema = katalog_bawaan().skema["KLA24"]
    label = {i.nomor: i.label.teks for i in skema.indikator}
    assert label[1] == "Perda KLA"
    assert label[4] == "Akta Kelahiran"
    assert "KTR" in label[17]
    assert all(i.label.status in {"C", "C2"} for i in skema.indikator)


def test_peta_silang_mencakup_semua_indikator_kla24_dengan_komparabilitas():
    katalog = katalog_bawaan()
    peta = {p.kla24: p for p in katalog.peta_silang}
    assert set(peta) == {f"KLA24-{n:02d}" for n in range(1, 25)}
    assert peta["KLA24-04"].kla31 == ("KLA31-08",)
    assert {p.komparabilitas for p in peta.values()} <= {"baik", "sebagian", "lemah", "tidak_ada"}


def test_pita_predikat_dari_katalog():
    pita = katalog_bawaan().pita
    assert pita.urutan() == ["Pratama", "Madya", "Nindya", "Utama", "KLA"]
    assert pita.predikat_untuk(499.99) is None
    assert pita.predikat_untuk(500) == "Pratama"
    assert pita.predikat_untuk(600) == "Pratama"
    assert pita.predikat_untuk(600.01) == "Madya"
    assert pita.predikat_untuk(1000) == "KLA"


# --- bad catalogue files -------------------------------------------------------------------------


@pytest.fixture
def katalog_salinan(tmp_path: Path) -> Path:
    tujuan = tmp_path / "katalog"
    shutil.copytree(KATALOG_DIR, tujuan)
    return tujuan


def _ubah(path: Path, ubah: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    ubah(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _id_ganda(data: dict[str, Any]) -> None:
    data["indikator"][4]["id"] = "KLA24-04"


def _hapus_label(data: dict[str, Any]) -> None:
    del data["indikator"][6]["label"]


def _jumlah_salah(data: dict[str, Any]) -> None:
    data["indikator"][0]["nilai_maks"] = 71


def _klaster_asing(data: dict[str, Any]) -> None:
    data["indikator"][9]["kelompok"] = "klaster_9"


@pytest.mark.parametrize(
    ("ubah", "harus_ada"),
    [
        (_id_ganda, ["skema_kla24.yaml", "KLA24-04", "ganda"]),
        (_hapus_label, ["skema_kla24.yaml", "indikator KLA24-07.label", "wajib"]),
        (_jumlah_salah, ["skema_kla24.yaml", "1001", "1000"]),
        (_klaster_asing, ["skema_kla24.yaml", "indikator KLA24-10.kelompok", "klaster_9"]),
    ],
    ids=["id-ganda", "kolom-hilang", "jumlah-maks-bukan-1000", "klaster-tak-dikenal"],
)
def test_katalog_rusak_menghentikan_build_dengan_pesan_jelas(
    katalog_salinan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], ubah, harus_ada: list[str]
):
    _ubah(katalog_salinan / "skema_kla24.yaml", ubah)
    with pytest.raises(KatalogError) as info:
        muat_katalog(katalog_salinan)
    for teks in harus_ada:
        assert teks in str(info.value)

    db_path = tmp_path / "kla.duckdb"
    kode = utama.main(["db", "build", "--db", str(db_path), "--katalog", str(katalog_salinan)])
    keluaran = capsys.readouterr()
    assert kode == 2
    assert not db_path.exists()
    assert "Traceback" not in keluaran.err
    for teks in harus_ada:
        assert teks in keluaran.err


def test_instansi_vertikal_harus_pengampu():
    """A vertical agency named in the list must be one of the scheme's pengampu (catches typos)."""
    from indicators.katalog.model import Skema, jenis_pengampu, katalog_bawaan

    skema = katalog_bawaan().skema["KLA24"]
    assert jenis_pengampu("Polres (Unit PPA)", skema) == "instansi_vertikal"
    assert jenis_pengampu("Dinas Sosial", skema) == "opd"
    data = skema.model_dump()
    data["instansi_vertikal"] = [*data["instansi_vertikal"], "Polsek"]
    with pytest.raises(ValueError, match="Polsek"):
        Skema.model_validate(data)
