"""The regulation register's rules, pure: stages per type, no skipped stage without a note, dates in order,
overdue and stalled at their edges, unknown as its own state, the change plan, and the committed seed."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from indicators.gugus import regulasi as rg
from indicators.lokasi import DATA_DIR

SAH = rg.indikator_sah()
HARI = dt.date(2025, 7, 1)


def _perda(tahap: str | None = None, **isian: object) -> rg.IsiRegulasi:
    return rg.IsiRegulasi("perda", "Penyelenggaraan KLA", tahap=tahap, **isian)  # type: ignore[arg-type]


def _kode(pelanggaran: list[rg.Pelanggaran]) -> list[str]:
    return [p.kode for p in pelanggaran]


# --- stages per type ------------------------------------------------------------------------------


def test_tahap_per_jenis_berurutan_dan_bagian_dari_tujuh_tahap():
    assert rg.TAHAP_JENIS["perda"] == rg.TAHAP
    assert "pembahasan" not in rg.TAHAP_JENIS["perkada"]  # a Perwal/Perbup is not deliberated with the DPRD
    for urutan in rg.TAHAP_JENIS.values():
        assert [rg.TAHAP.index(s) for s in urutan] == sorted(rg.TAHAP.index(s) for s in urutan)
        assert "penetapan" in urutan
        assert urutan[-1] == "terbit"


@pytest.mark.parametrize(
    ("isi", "kode"),
    [
        (rg.IsiRegulasi("perkada", "x", tahap="pembahasan"), "tahap_tak_berlaku"),
        (rg.IsiRegulasi("perda", "x", tahap="rapat"), "tahap_tak_dikenal"),
        (rg.IsiRegulasi("keputusan", "x", tahap="penetapan", tenggat={"harmonisasi": HARI}), "tanggal_tak_berlaku"),
        (rg.IsiRegulasi("peraturan", "x"), "jenis_tak_dikenal"),
        (rg.IsiRegulasi("perda", "  "), "judul_kosong"),
        (rg.IsiRegulasi("perda", "x", tahun=1900), "tahun_tak_sah"),
        (rg.IsiRegulasi("perda", "x", indikator=("KLA24-99",)), "indikator_tak_dikenal"),
        (rg.IsiRegulasi("perda", "x", tautan="javascript:alert(1)"), "tautan_tak_sah"),
        (rg.IsiRegulasi("perda", "x", catatan="a" * (rg.PANJANG_TEKS_MAKS + 1)), "terlalu_panjang"),
    ],
)
def test_isian_tak_sah_ditolak_dengan_kodenya(isi: rg.IsiRegulasi, kode: str):
    assert _kode(rg.periksa_isi(isi, SAH)) == [kode]


def test_isian_sah_tanpa_pelanggaran():
    isi = _perda(
        "harmonisasi",
        nomor="5",
        tahun=2025,
        indikator=("KLA24-01",),
        tanggal={
            "propemperda": dt.date(2024, 12, 1),
            "penyusunan": dt.date(2025, 2, 1),
            "harmonisasi": dt.date(2025, 2, 1),
        },
        tenggat={"penetapan": dt.date(2025, 9, 30)},
        tautan="https://jdih.pekalongankota.go.id/",
    )
    assert rg.periksa_isi(isi, SAH) == []


# --- dates ordered ----------------------------------------------------------------------------------


def test_tanggal_harus_mengikuti_urutan_tahap():
    isi = _perda("pembahasan", tanggal={"penyusunan": dt.date(2025, 3, 1), "pembahasan": dt.date(2025, 2, 1)})
    salah = rg.periksa_isi(isi, SAH)
    assert _kode(salah) == ["tanggal_tak_urut"]
    assert salah[0].kolom == "tanggal_pembahasan"
    teks = salah[0].teks("id")
    assert (
        "pembahasan (DPRD) (1 Februari 2025) lebih awal daripada tahap penyusunan & naskah akademik (1 Maret 2025)"
        in teks
    )
    assert "(1 February 2025) is earlier than" in salah[0].teks("en")


def test_tanggal_sesudah_tahap_kini_dan_tanggal_tanpa_tahap_ditolak():
    sesudah = rg.periksa_isi(_perda("penyusunan", tanggal={"penetapan": dt.date(2025, 5, 1)}), SAH)
    assert _kode(sesudah) == ["tanggal_sesudah_tahap"]
    tanpa = rg.periksa_isi(_perda(None, tanggal={"penyusunan": dt.date(2025, 5, 1)}), SAH)
    assert _kode(tanpa) == ["tanggal_tanpa_tahap"]
    # Due dates may lie ahead of the current stage, and an unknown stage may have due dates.
    assert rg.periksa_isi(_perda(None, tenggat={"penetapan": dt.date(2025, 5, 1)}), SAH) == []


# --- no stage skipped without a note ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lama", "baru", "catatan_lama", "catatan_baru", "kode"),
    [
        ("propemperda", "penyusunan", None, None, []),  # one step: no note needed
        ("propemperda", "harmonisasi", None, None, ["lompat_tanpa_catatan"]),  # penyusunan skipped
        ("propemperda", "harmonisasi", None, "Naskah disusun DPRD (inisiatif)", []),
        ("propemperda", "harmonisasi", "catatan lama", "catatan lama", ["lompat_tanpa_catatan"]),  # not a new note
        ("pembahasan", "penyusunan", None, None, ["mundur_tanpa_catatan"]),
        ("pembahasan", "penyusunan", None, "Dikembalikan DPRD untuk diperbaiki", []),
        (None, "terbit", None, None, []),  # recording a stage that was unknown is not a move
        ("pengundangan", "pengundangan", None, None, []),
    ],
)
def test_lompat_atau_mundur_perlu_catatan_baru(
    lama: str | None, baru: str, catatan_lama: str | None, catatan_baru: str | None, kode: list[str]
):
    sebelum = _perda(lama, catatan_tahap=catatan_lama)
    sesudah = _perda(baru, catatan_tahap=catatan_baru)
    assert _kode(rg.periksa_isi(sesudah, SAH, sebelum)) == kode


def test_pesan_lompatan_menyebut_tahap_yang_dilewati():
    (salah,) = rg.periksa_isi(_perda("pembahasan"), SAH, _perda("propemperda"))
    assert salah.kolom == "catatan_tahap"
    assert "melewati: penyusunan & naskah akademik, harmonisasi (Kanwil Kemenkum)" in salah.teks("id")
    assert "skipping: drafting & academic paper, harmonisation (Kanwil Kemenkum)" in salah.teks("en")


def test_perwal_dari_harmonisasi_ke_penetapan_bukan_lompatan():
    """Pembahasan does not apply to a Perwal/Perbup, so harmonisasi → penetapan is one step."""
    lama = rg.IsiRegulasi("perkada", "x", tahap="harmonisasi")
    assert rg.periksa_isi(dataclasses.replace(lama, tahap="penetapan"), SAH, lama) == []


# --- overdue, stalled, enacted, unknown -------------------------------------------------------------


@pytest.mark.parametrize(
    ("tenggat", "lewat"),
    [(HARI - dt.timedelta(days=1), True), (HARI, False), (HARI + dt.timedelta(days=1), False)],
)
def test_lewat_tenggat_di_tepi_tanggal(tenggat: dt.date, lewat: bool):
    isi = _perda("harmonisasi", tenggat={"pembahasan": tenggat})
    assert bool(rg.keadaan(isi, HARI).lewat) is lewat


def test_tenggat_tahap_yang_sudah_dicapai_tidak_lewat():
    isi = _perda("pembahasan", tenggat={"harmonisasi": dt.date(2020, 1, 1), "penetapan": dt.date(2030, 1, 1)})
    assert rg.keadaan(isi, HARI).lewat == ()


@pytest.mark.parametrize(("hari", "macet"), [(rg.MACET_HARI, False), (rg.MACET_HARI + 1, True)])
def test_macet_setelah_batas_hari(hari: int, macet: bool):
    isi = _perda("harmonisasi", tanggal={"harmonisasi": HARI - dt.timedelta(days=hari)})
    k = rg.keadaan(isi, HARI)
    assert (k.macet_hari is not None) is macet
    assert k.sejak == HARI - dt.timedelta(days=hari)


def test_tahap_akhir_tidak_pernah_macet_dan_tanggal_tak_diketahui_tidak_dinilai():
    terbit = _perda("terbit", tanggal={"terbit": dt.date(2019, 12, 31)})
    assert rg.keadaan(terbit, HARI).macet_hari is None
    tanpa_tanggal = _perda("harmonisasi")  # reached, date unknown: stalling cannot be told
    assert rg.keadaan(tanpa_tanggal, HARI).macet_hari is None


def test_tahap_tidak_diketahui_adalah_keadaan_sendiri():
    isi = _perda(None, tenggat={"penetapan": dt.date(2020, 1, 1)})
    k = rg.keadaan(isi, HARI)
    assert k == rg.Keadaan(None)  # neither enacted nor not, neither overdue nor stalled: unknown
    assert rg.label_tahap(None, "id") == "tidak diketahui"
    assert rg.label_tahap(None, "en") == "unknown"


@pytest.mark.parametrize(
    ("jenis", "tahap", "ditetapkan"),
    [
        ("perda", "pembahasan", False),
        ("perda", "penetapan", True),
        ("perkada", "terbit", True),
        ("se", "penyusunan", False),
    ],
)
def test_ditetapkan_dari_penetapan(jenis: str, tahap: str, ditetapkan: bool):
    assert rg.keadaan(rg.IsiRegulasi(jenis, "x", tahap=tahap), HARI).ditetapkan is ditetapkan


# --- the change plan ---------------------------------------------------------------------------------


def _entri(regulasi_id: str, isi: rg.IsiRegulasi, versi: int = 0) -> rg.Entri:
    return rg.Entri("33.75", regulasi_id, isi, versi, asal="ruang_kerja" if versi else "bawaan")


def test_rencana_melewati_yang_sama_dan_menolak_id_tak_dikenal_serta_versi_lama():
    a = _entri("a", _perda("propemperda"), versi=2)
    register = {"a": a}
    sama = rg.UbahRegulasi("a", _perda("propemperda"), versi=1)  # stale version, but nothing changes
    rencana, masalah = rg.rencanakan(register, [sama], SAH)
    assert (rencana, masalah) == ([], [])
    ubah = rg.UbahRegulasi("a", _perda("penyusunan"), versi=1)
    hilang = rg.UbahRegulasi("b", _perda("penyusunan"), versi=0)
    rencana, masalah = rg.rencanakan(register, [ubah, hilang], SAH)
    assert [(m.indeks, m.pelanggaran.kode) for m in masalah] == [(0, "konflik"), (1, "id_tak_dikenal")]
    rencana, masalah = rg.rencanakan(register, [dataclasses.replace(ubah, versi=2)], SAH)
    assert masalah == []
    assert rencana[0].beda == ("tahap",)


def test_rencana_entri_baru_ganda_ditolak():
    register = {"a": _entri("a", rg.IsiRegulasi("rad", "RAD KLA 2025-2029"))}
    baru = rg.UbahRegulasi(None, rg.IsiRegulasi("rad", "rad kla  2025-2029"))
    _, masalah = rg.rencanakan(register, [baru], SAH)
    assert [(m.pelanggaran.kode, m.pelanggaran.isian["id"]) for m in masalah] == [("entri_ganda", "a")]
    lain = rg.UbahRegulasi(None, rg.IsiRegulasi("rad", "RAD KLA 2030-2034"))
    rencana, masalah = rg.rencanakan(register, [lain, lain], SAH)
    assert len(rencana) == 2
    assert [m.indeks for m in masalah] == [1]  # the same new entry twice in one save


# --- the committed seed -------------------------------------------------------------------------------


def test_seed_pekalongan_perda_13_2019_dan_delapan_perwal_yang_diamanatkan():
    seed = [e for e in rg.muat_seed() if e.kode_wilayah == "33.75"]
    perda = [e for e in seed if e.isi.jenis == "perda"]
    perwal = [e for e in seed if e.isi.jenis == "perkada"]
    assert [(e.isi.nomor, e.isi.tahun, e.isi.judul) for e in perda] == [
        ("13", 2019, "Penyelenggaraan Perlindungan Anak")
    ]
    judul = [e.isi.judul for e in perwal]
    assert judul == [
        "Perlindungan pekerja anak",
        "Anak yang memerlukan perlindungan khusus, termasuk rumah aman bagi korban perdagangan orang",
        "Kesejahteraan sosial anak: pencegahan",
        "Kesejahteraan sosial anak: pengurangan risiko",
        "Kesejahteraan sosial anak: penanganan",
        "Kelembagaan: layanan terpadu dan LKSA",
        "Kota Layak Anak: kriteria, klaster dan Gugus Tugas",
        "Pembinaan dan pengawasan KLA",
    ]
    for e in perwal:  # what no source states stays unknown
        assert e.isi.amanat == "Perda 13/2019"
        assert (e.isi.tahap, e.isi.nomor, e.isi.tahun, e.isi.opd) == (None, None, None, None)
        assert e.isi.tanggal == {}
        assert e.isi.tenggat == {}
        assert e.keyakinan == "rendah"
        assert e.versi == 0
    assert [e.isi.indikator for e in perwal[6:]] == [("KLA24-01", "KLA24-02")] * 2


def test_setiap_baris_seed_bersumber():
    mentah = pd.read_csv(DATA_DIR / "kla" / "regulasi_seed.csv", dtype=str, keep_default_na=False)
    assert (mentah["sumber"].str.len() > 10).all()
    assert set(mentah["keyakinan"]) <= {"tinggi", "sedang", "rendah"}
    assert mentah["regulasi_id"].is_unique


def test_seed_yang_melanggar_aturan_ditolak_saat_dimuat(tmp_path):
    rusak = tmp_path / "seed.csv"
    rusak.write_text(
        "kode_wilayah,regulasi_id,jenis,judul,tahap,tanggal_penetapan,sumber\n"
        "33.75,x-1,perkada,Contoh,penyusunan,2025-01-01,uji\n",
        encoding="utf-8",
    )
    with pytest.raises(rg.SeedError, match=r"seed\.csv baris 2: tanggal tahap penetapan diisi"):
        rg.muat_seed(rusak)
