"""The Kelembagaan register, pure part: the item catalogue, value checks with bilingual errors, what the
instrument would question, who may verify, and which status changes a decision may make."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from indicators.akun.pengguna import Pengguna
from indicators.gugus import kelembagaan as kl
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.kelembagaan import (
    NilaiError,
    kelembagaan_bawaan,
    muat_kelembagaan,
    path_kelembagaan,
    perhatian,
    tampil_nilai,
    urai_nilai,
)
from indicators.katalog.model import KatalogError, katalog_bawaan

KAT = kelembagaan_bawaan()
HARI = dt.date(2025, 6, 1)
EDITOR_PKL = Pengguna("ana.pkl", "editor", ("33.75",))
EDITOR_JATENG = Pengguna("budi.jateng", "editor", ("33",))
EDITOR_JATIM = Pengguna("citra.jatim", "editor", ("35",))
ADMIN = Pengguna("admin", "admin", ())


def _butir(kode: str):
    butir = KAT.cari(kode)
    assert butir is not None
    return butir


# --- catalogue ----------------------------------------------------------------------------------


def test_register_mencakup_yang_diminta_kla24_01_sampai_03():
    assert len(KAT.butir) == 20
    assert {b.indikator for b in KAT.butir} == {"KLA24-01", "KLA24-02", "KLA24-03"}
    tipe = {b.kode: b.tipe for b in KAT.butir}
    # SK Gugus Tugas: number, date, validity, structure; meetings; RAD period; Profil Anak; KELANA, DEKELA, PATBM
    assert tipe["sk_gt_nomor"] == "teks"
    assert tipe["sk_gt_tanggal"] == tipe["sk_gt_berlaku"] == "tanggal"
    assert [p.kode for p in _butir("sk_gt_struktur").pilihan] == ["kelembagaan", *(f"klaster_{n}" for n in range(1, 6))]
    assert tipe["rapat_gt_jumlah"] == "bilangan"
    assert tipe["rad_kla_periode"] == "periode"
    assert tipe["profil_anak_pembaruan"] == "tanggal"
    assert [k for k, v in tipe.items() if k.startswith("anggaran_klaster_") and v == "persen"] == [
        f"anggaran_klaster_{n}" for n in range(1, 6)
    ]
    assert tipe["kelana_persen"] == tipe["dekela_persen"] == tipe["patbm_persen"] == "persen"
    assert all(s in KAT.referensi for b in KAT.butir for s in b.sumber)


def test_kode_butir_tambahan_tidak_bentrok_dengan_katalog_data_dukung():
    # Custom checklist items are numbered tambahan_<n>: no catalogue item may take that form.
    dd = data_dukung_bawaan()
    assert not [b.kode for v in dd.per_indikator.values() for b in v if b.kode.startswith("tambahan_")]


def test_register_rusak_ditolak_dengan_nama_berkas_dan_entri(tmp_path: Path):
    teks = path_kelembagaan("KLA24").read_text(encoding="utf-8")
    path = tmp_path / "kelembagaan_kla24.yaml"
    path.write_text(
        teks.replace(
            "indikator: KLA24-03, tipe: bilangan, satuan: media", "indikator: KLA24-13, tipe: bilangan, satuan: media"
        ),
        encoding="utf-8",
    )
    with pytest.raises(
        KatalogError, match=r"kelembagaan_kla24\.yaml: butir 'media_jumlah': KLA24-13 bukan indikator kelembagaan"
    ):
        muat_kelembagaan(path, katalog_bawaan())
    path.write_text(
        teks.replace('tipe: persen, nama: "Persentase Kecamatan', 'tipe: desimal, nama: "Persentase Kecamatan'),
        encoding="utf-8",
    )
    with pytest.raises(KatalogError, match=r"kelembagaan_kla24\.yaml: .*desimal"):
        muat_kelembagaan(path, katalog_bawaan())
    path.write_text(
        teks.replace("syarat: {jenis: lebih_dari, ambang: 4}", "syarat: {jenis: semua_pilihan}"), encoding="utf-8"
    )
    with pytest.raises(KatalogError, match="semua_pilihan"):
        muat_kelembagaan(path, katalog_bawaan())  # an expectation that does not fit a count


# --- values -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kode", "masukan", "kanonik"),
    [
        ("sk_gt_tanggal", "31/12/2024", "2024-12-31"),
        ("sk_gt_tanggal", "2024-12-31", "2024-12-31"),
        ("sk_gt_tanggal", dt.date(2024, 12, 31), "2024-12-31"),
        ("rapat_gt_tahun", "2025", "2025"),
        ("rapat_gt_tahun", 2025, "2025"),
        ("rad_kla_periode", "2021–2026", "2021-2026"),
        ("rad_kla_periode", "2021 s.d. 2026", "2021-2026"),
        ("rad_kla_periode", (2021, 2026), "2021-2026"),
        ("rapat_gt_jumlah", "6", "6"),
        ("rapat_gt_jumlah", 0, "0"),
        ("kelana_persen", "12,5 %", "12.5"),
        ("kelana_persen", "100", "100"),
        ("kelana_persen", 33.333, "33.33"),
        ("sk_gt_struktur", "Klaster III, kelembagaan; klaster_1", "kelembagaan,klaster_1,klaster_3"),
        ("sk_gt_struktur", ["klaster_5", "Cluster II"], "klaster_2,klaster_5"),
        ("sk_gt_nomor", "  463/Kep/123/2024\x0b ", "463/Kep/123/2024"),
        ("kelana_persen", "  ", None),
        ("sk_gt_struktur", [], None),
    ],
)
def test_nilai_yang_diketik_menjadi_teks_kanonik(kode: str, masukan: object, kanonik: str | None):
    assert urai_nilai(_butir(kode), masukan, HARI) == kanonik


@pytest.mark.parametrize(
    ("kode", "masukan", "harapan_id", "harapan_en"),
    [
        ("kelana_persen", "150", "persentase 0 sampai 100", "a percentage from 0 to 100"),
        ("kelana_persen", -1, "persentase 0 sampai 100", "a percentage from 0 to 100"),
        ("kelana_persen", "dua belas", "persentase 0 sampai 100", "a percentage from 0 to 100"),
        ("rapat_gt_jumlah", "-2", "bilangan bulat 0 sampai 1.000.000", "a whole number from 0 to 1,000,000"),
        ("rapat_gt_jumlah", "4,5", "bilangan bulat 0 sampai", "a whole number from 0 to"),
        ("rapat_gt_jumlah", True, "bilangan bulat 0 sampai", "a whole number from 0 to"),
        ("sk_gt_tanggal", "31/02/2025", "tanggal seperti 31/12/2025", "a date such as 31/12/2025"),
        ("sk_gt_tanggal", "besok", "tanggal seperti 31/12/2025", "a date such as 31/12/2025"),
        ("rapat_gt_tahun", "1850", "tahun 1990–2100", "a year 1990–2100"),
        ("rad_kla_periode", "2026-2021", "dua tahun seperti 2021-2026", "two years such as 2021-2026"),
        ("sk_gt_struktur", "klaster 9", "satu atau lebih dari: Kelembagaan, Klaster I", "one or more of: Institutions"),
        ("sk_gt_nomor", "x" * 301, "teks paling banyak 300 karakter", "text of at most 300 characters"),
    ],
)
def test_nilai_salah_ditolak_dengan_pesan_dwibahasa(kode: str, masukan: object, harapan_id: str, harapan_en: str):
    butir = _butir(kode)
    with pytest.raises(NilaiError) as info:
        urai_nilai(butir, masukan, HARI)
    pesan_id, pesan_en = info.value.teks("id"), info.value.teks("en")
    assert pesan_id.startswith(f"Butir '{butir.nama}' ({kode}): nilai '")
    assert pesan_en.startswith(f"Item '{butir.nama_en}' ({kode}): value '")
    assert harapan_id in pesan_id
    assert harapan_en in pesan_en
    assert str(masukan)[:20] in pesan_id


def test_tanggal_penetapan_tidak_boleh_setelah_hari_ini_tetapi_masa_berlaku_boleh():
    with pytest.raises(NilaiError, match=r"tanggal 2 Juni 2025 jatuh setelah hari ini \(1 Juni 2025\)"):
        urai_nilai(_butir("sk_gt_tanggal"), "02/06/2025", HARI)
    assert urai_nilai(_butir("sk_gt_berlaku"), "31/12/2027", HARI) == "2027-12-31"


@pytest.mark.parametrize(
    ("kode", "kanonik", "id_", "en"),
    [
        ("sk_gt_tanggal", "2024-03-05", "5 Maret 2024", "5 March 2024"),
        ("kelana_persen", "12.5", "12,5 %", "12.5 %"),
        ("kelana_persen", "40", "40 %", "40 %"),
        ("rapat_gt_jumlah", "1200", "1.200 kali", "1,200 times"),
        ("rapat_gt_tahun", "2025", "2025", "2025"),
        ("rad_kla_periode", "2021-2026", "2021–2026", "2021–2026"),
        ("sk_gt_struktur", "kelembagaan,klaster_3", "Kelembagaan; Klaster III", "Institutions; Cluster III"),
        ("dekela_persen", None, "belum diisi", "not filled in"),
    ],
)
def test_nilai_ditampilkan_lewat_format_bahasa(kode: str, kanonik: str | None, id_: str, en: str):
    assert tampil_nilai(_butir(kode), kanonik, "id") == id_
    assert tampil_nilai(_butir(kode), kanonik, "en") == en


@pytest.mark.parametrize(
    ("kode", "kanonik", "pesan"),
    [
        ("rapat_gt_jumlah", "4", "Instrumen meminta lebih dari 4."),
        ("rapat_gt_jumlah", "5", None),
        ("sk_gt_struktur", "kelembagaan,klaster_1,klaster_2,klaster_4", "Belum mencakup: Klaster III, Klaster V."),
        ("sk_gt_struktur", "kelembagaan,klaster_1,klaster_2,klaster_3,klaster_4,klaster_5", None),
        ("sk_gt_berlaku", "2025-05-31", "Sudah berakhir sebelum hari ini (1 Juni 2025)."),
        ("sk_gt_berlaku", "2025-06-01", None),  # valid through today
        ("profil_anak_pembaruan", "2024-12-31", "Belum diperbarui tahun 2025."),
        ("profil_anak_pembaruan", "2025-01-02", None),
        ("rad_kla_periode", "2016-2021", "Periode tidak mencakup tahun 2025."),
        ("rad_kla_periode", "2021-2026", None),
        ("rapat_gt_jumlah", None, None),  # unfilled is not questioned, it is unfilled
        ("kelana_persen", "0", None),  # no expectation declared
    ],
)
def test_perhatian_menandai_yang_akan_dipertanyakan_instrumen(kode: str, kanonik: str | None, pesan: str | None):
    assert perhatian(_butir(kode), kanonik, HARI, "id") == pesan


def test_tabel_register_dan_ringkasan_dari_baris_tersimpan():
    kolom = ["butir", "nilai", "referensi", "status", "alasan", "versi"]
    tersimpan = pd.DataFrame(
        [
            ["rapat_gt_jumlah", "3", None, "ditolak", "Notulen kurang", 2],
            ["kelana_persen", "12.5", "SK 1/2025", "diverifikasi", None, 3],
            ["dekela_persen", None, "draf", None, None, 4],
            ["butir_lama", "1", None, "diajukan", None, 1],
        ],
        columns=kolom,
    )
    register = kl.tabel_register(KAT, tersimpan)
    assert list(register["butir"]) == KAT.kode  # register order; the unknown stored row is left out
    per = register.set_index("butir")
    assert per.loc["rapat_gt_jumlah", "status"] == "ditolak"
    assert per.loc["rapat_gt_jumlah", "versi"] == 2
    assert per.loc["dekela_persen", "status"] == "belum_diisi"  # a reference without a value is not filled in
    assert per.loc["sk_gt_nomor", "versi"] == 0
    assert kl.hitung_ringkasan(register) == {"butir": 20, "terisi": 2, "diajukan": 0, "terverifikasi": 1, "ditolak": 1}
    teks = kl.teks_register(register, KAT, HARI, "en").set_index("butir")
    assert teks.loc["rapat_gt_jumlah", "nilai_teks"] == "3 times"
    assert teks.loc["rapat_gt_jumlah", "perhatian"] == "The instrument asks for more than 4. No document reference."
    assert teks.loc["kelana_persen", "perhatian"] == ""


# --- who may verify, and which decisions ----------------------------------------------------------


def test_hanya_lingkup_di_atas_kabkota_yang_boleh_memverifikasi():
    assert kl.boleh_verifikasi(EDITOR_JATENG, "33.75")
    assert kl.boleh_verifikasi(ADMIN, "33.75")
    assert not kl.boleh_verifikasi(EDITOR_PKL, "33.75")  # the region's own editor submits, never verifies
    assert not kl.boleh_verifikasi(EDITOR_PKL, "33.26")
    assert not kl.boleh_verifikasi(EDITOR_JATIM, "33.75")
    assert not kl.boleh_verifikasi(EDITOR_JATENG, "33")  # a province's own items: from above only


def _rekam(status: str | None, oleh: str = "ana.pkl") -> dict[str, object]:
    return {"nilai": None if status is None else "6", "status": status, "diajukan_oleh": oleh, "versi": 1}


@pytest.mark.parametrize(
    ("dari", "ke", "boleh"),
    [
        ("diajukan", "diverifikasi", True),
        ("diajukan", "ditolak", True),
        ("diverifikasi", "ditolak", True),  # a verification withdrawn, with a reason
        ("diverifikasi", "diverifikasi", False),
        ("ditolak", "diverifikasi", False),  # resubmit first
        ("ditolak", "ditolak", False),
    ],
)
def test_transisi_status_verifikasi(dari: str, ke: str, boleh: bool):
    keputusan = kl.Keputusan("rapat_gt_jumlah", ke, "Notulen tidak ditandatangani")  # type: ignore[arg-type]
    if boleh:
        kl.periksa_keputusan(_rekam(dari), keputusan, EDITOR_JATENG)
    else:
        with pytest.raises(kl.VerifikasiError):
            kl.periksa_keputusan(_rekam(dari), keputusan, EDITOR_JATENG)


def test_keputusan_ditolak_tanpa_alasan_belum_diisi_atau_atas_ajuan_sendiri():
    with pytest.raises(kl.VerifikasiError, match="penolakan wajib disertai alasan") as info:
        kl.periksa_keputusan(_rekam("diajukan"), kl.Keputusan("rapat_gt_jumlah", "ditolak", " \n "), EDITOR_JATENG)
    assert "a rejection needs a reason" in info.value.teks("en")
    with pytest.raises(kl.VerifikasiError, match="belum diisi"):
        kl.periksa_keputusan(_rekam(None), kl.Keputusan("rapat_gt_jumlah", "diverifikasi"), EDITOR_JATENG)
    with pytest.raises(kl.VerifikasiError, match="belum diisi"):
        kl.periksa_keputusan(None, kl.Keputusan("rapat_gt_jumlah", "diverifikasi"), EDITOR_JATENG)
    with pytest.raises(kl.VerifikasiError, match="empat mata"):
        kl.periksa_keputusan(
            _rekam("diajukan", oleh="budi.jateng"), kl.Keputusan("rapat_gt_jumlah", "diverifikasi"), EDITOR_JATENG
        )
    with pytest.raises(kl.VerifikasiError, match="diajukan ulang"):
        kl.periksa_keputusan(_rekam("ditolak"), kl.Keputusan("rapat_gt_jumlah", "diverifikasi"), EDITOR_JATENG)
