"""The province table's rules on hand-built rows: risk flags, risk order, notes open/overdue, unknown in words,
and a note refused before anything is written (scope, empty finding, bad dates)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from indicators.akun.pengguna import Pengguna
from indicators.ekspor import pembinaan as ekspor
from indicators.gugus import pembinaan as pb, simpan
from indicators.katalog.model import katalog_bawaan

NA = pd.NA


def _baris(kode: str, **nilai: object) -> dict[str, object]:
    """One table row: everything unknown and no notes, except ``nilai``."""
    dasar: dict[str, object] = dict.fromkeys(pb.KOLOM_PEMBINAAN, NA)
    dasar |= {"kode_wilayah": kode, "nama": f"Wilayah {kode}", "sintetis": False, "dasar_selisih": None}
    dasar |= dict.fromkeys(
        ["catatan_pembinaan_jumlah", "catatan_pembinaan_terbuka", "catatan_pembinaan_lewat_tenggat"], 0
    )
    return dasar | nilai


def test_bendera_dan_urutan_risiko_dihitung_tangan():
    nyata = {"perubahan_sintetis": False}  # both totals of the change are real
    tabel = pd.DataFrame(
        [
            # A: readiness known 80 %, nothing wrong, total rose, official predikat rose: no flag.
            _baris("33.01", kesiapan_persen=80.0, butir_lewat_tenggat=0, perubahan_total=5.0, langkah_predikat=1,
                   **nyata),
            # B: not monitored, real total fell 10: two flags (turun, belum_terpantau).
            _baris("33.02", perubahan_total=-10.0, **nyata),
            # C: 40 % ready, 3 overdue items, one stalled regulation, real total fell 2: four flags.
            _baris("33.03", kesiapan_persen=40.0, butir_lewat_tenggat=3, regulasi_lewat_tenggat=0, regulasi_macet=1,
                   perubahan_total=-2.0, **nyata),
            # D: not monitored, real total fell 30: two flags, a larger fall than B, so before B.
            _baris("33.04", perubahan_total=-30.0, **nyata),
            # E: 90 % ready, overdue supervision note, a rejected Kelembagaan item: two flags, readiness known
            # (90) before the unknown readiness of B, D and H.
            _baris("33.05", kesiapan_persen=90.0, butir_lewat_tenggat=0, kelembagaan_ditolak=1,
                   catatan_pembinaan_lewat_tenggat=1, perubahan_total=1.0, **nyata),
            # F: not monitored, no change known: one flag.
            _baris("33.06"),
            # G: not monitored, total fell 50 but from a synthetic total: no 'turun', and the fall is unknown in
            # the order, so G ties with F and I and comes after F by code (it would be first if it counted).
            _baris("33.07", perubahan_total=-50.0, perubahan_sintetis=True),
            # H: not monitored, official predikat fell one band: two flags; change unknown, so after D and B.
            _baris("33.08", langkah_predikat=-1),
            # I: not monitored, a fall whose basis is unknown (not said to be real): no 'turun'.
            _baris("33.09", perubahan_total=-5.0),
        ]
    )  # fmt: skip
    hasil = pb.urutkan_risiko(tabel)
    urutan = ["33.03", "33.05", "33.04", "33.02", "33.08", "33.06", "33.07", "33.09", "33.01"]
    assert list(hasil["kode_wilayah"]) == urutan
    assert list(hasil["urutan_risiko"]) == list(range(1, 10))
    bendera = dict(zip(hasil["kode_wilayah"], hasil["bendera_risiko"], strict=True))
    assert bendera["33.03"] == "turun;kesiapan_rendah;butir_lewat_tenggat;regulasi_bermasalah"
    assert bendera["33.05"] == "kelembagaan_ditolak;catatan_lewat_tenggat"
    assert bendera["33.02"] == "turun;belum_terpantau"
    assert bendera["33.08"] == "predikat_turun;belum_terpantau"
    assert bendera["33.07"] == bendera["33.09"] == "belum_terpantau"
    assert bendera["33.01"] == ""
    assert list(hasil["jumlah_bendera"]) == [4, 2, 2, 2, 2, 1, 1, 1, 0]
    # The real change: the synthetic and the unknown-basis falls are unknown.
    nyata_ = pb.perubahan_nyata(hasil.set_index("kode_wilayah"))
    assert nyata_["33.02"] == -10.0
    assert pd.isna(nyata_["33.07"])
    assert pd.isna(nyata_["33.09"])


def _resmi(*baris: tuple[int, str, str | None, str, str, bool]) -> pd.DataFrame:
    return pd.DataFrame(baris, columns=["tahun", "kode_wilayah", "predikat", "keyakinan", "dasar", "sintetis"])


def test_gerak_predikat_resmi_dihitung_tangan():
    urutan = katalog_bawaan().pita.urutan()
    assert urutan == ["Pratama", "Madya", "Nindya", "Utama", "KLA"]  # the order the hand figures below use
    resmi = _resmi(
        # 33.01: no award recorded in 2021, Pratama 2023: up one step ("Tidak ada" is the step below Pratama).
        (2021, "33.01", "Tidak ada", "tinggi", "stated", False),
        (2023, "33.01", "Pratama", "tinggi", "stated", False),
        # 33.02: Madya 2019, Nindya 2022, no award 2025: the previous is 2022, Nindya (3) → none (0) = −3.
        (2019, "33.02", "Madya", "tinggi", "stated", False),
        (2022, "33.02", "Nindya", "tinggi", "stated", False),
        (2025, "33.02", "Tidak ada", "sedang", "stated", False),
        # 33.03: Utama 2022, nothing recorded in 2023 but a synthetic row (left out), Madya 2025: 2 − 4 = −2.
        (2022, "33.03", "Utama", "tinggi", "stated", False),
        (2023, "33.03", "KLA", "tinggi", "stated", True),
        (2025, "33.03", "Madya", "tinggi", "stated", False),
        # 33.04: one recorded result: no change known.
        (2025, "33.04", "Nindya", "tinggi", "stated", False),
        # 33.05: same band; the 2023 result is inferred and of medium confidence.
        (2023, "33.05", "Madya", "sedang", "inferred_from_later_statement", False),
        (2025, "33.05", "Madya", "tinggi", "stated", False),
        # 33.06: an empty 2023 predikat is not a result (not read as "no award"): one result, no change.
        (2023, "33.06", None, "tinggi", "stated", False),
        (2025, "33.06", "Pratama", "tinggi", "stated", False),
        # 33.07: a predikat outside the order: the change is unknown, not guessed.
        (2023, "33.07", "Bintang", "tinggi", "stated", False),
        (2025, "33.07", "Madya", "tinggi", "stated", False),
    )
    hasil = pb.gerak_predikat_resmi(resmi, urutan).set_index("kode_wilayah")
    assert list(hasil.columns) == pb.KOLOM_PREDIKAT
    langkah = {k: (None if pd.isna(v) else int(v)) for k, v in hasil["langkah_predikat"].items()}
    assert langkah == {"33.01": 1, "33.02": -3, "33.03": -2, "33.04": None, "33.05": 0, "33.06": None, "33.07": None}
    assert tuple(hasil.loc["33.02", ["tahun_predikat_sebelumnya", "predikat_resmi_sebelumnya"]]) == (2022, "Nindya")
    assert tuple(hasil.loc["33.03", ["tahun_predikat_sebelumnya", "tahun_predikat_terakhir"]]) == (2022, 2025)
    assert hasil.loc[["33.04", "33.06"], "predikat_resmi_sebelumnya"].isna().all()
    assert list(hasil["predikat_disimpulkan"]) == [False, False, False, False, True, False, False]
    assert hasil.loc["33.02", "predikat_keyakinan"] == "sedang"
    assert hasil.loc["33.05", "predikat_keyakinan"] == "sedang"
    assert hasil.loc["33.01", "predikat_keyakinan"] == "tinggi"
    # In words: the fall to no award, with its confidence; a single result says the previous is unknown.
    baris = {k: {str(c): v for c, v in r.items()} for k, r in hasil.iterrows()}
    assert (
        ekspor.teks_gerak_predikat(baris["33.02"], "id") == "Nindya (2022) → tanpa predikat (2025) (keyakinan sedang)"
    )
    assert ekspor.teks_gerak_predikat(baris["33.02"], "en") == "Nindya (2022) → no predikat (2025) (medium confidence)"
    assert ekspor.teks_gerak_predikat(baris["33.04"], "id") == "Nindya (2025); sebelumnya tidak diketahui"
    assert ekspor.teks_gerak_predikat(baris["33.05"], "id") == (
        "Madya (2023) → Madya (2025) (disimpulkan, tidak dinyatakan sumber; keyakinan sedang)"
    )


def test_kesiapan_tepat_di_ambang_tidak_rendah_dan_nilai_tak_diketahui_tidak_menyalakan_bendera():
    tabel = pd.DataFrame(
        [
            _baris("33.01", kesiapan_persen=pb.AMBANG_KESIAPAN, butir_lewat_tenggat=NA),
            _baris("33.02", kesiapan_persen=49.9, regulasi_lewat_tenggat=NA, regulasi_macet=NA),
        ]
    )
    hasil = pb.urutkan_risiko(tabel).set_index("kode_wilayah")
    assert hasil.loc["33.01", "bendera_risiko"] == ""
    assert hasil.loc["33.02", "bendera_risiko"] == "kesiapan_rendah"


def test_catatan_terbuka_dan_lewat_tenggat():
    catatan = pd.DataFrame(
        {
            "status": ["terbuka", "dalam_tindak_lanjut", "selesai", "terbuka", "dibatalkan"],
            "tenggat": [
                dt.date(2026, 12, 3),
                pd.Timestamp("2026-11-01"),
                dt.date(2026, 1, 1),
                None,
                dt.date(2026, 1, 1),
            ],
            "tanggal": [dt.date(2026, 11, 1)] * 5,
        }
    )
    hasil = pb.tandai_catatan(catatan, dt.date(2026, 12, 4))
    assert list(hasil["terbuka"]) == [True, True, False, True, False]
    # Due the day before: overdue; done or cancelled never; no due date never.
    assert list(hasil["lewat_tenggat"]) == [True, True, False, False, False]
    assert hasil["tenggat"].iloc[1] == dt.date(2026, 11, 1)
    # Due today is not overdue yet.
    assert not pb.tandai_catatan(catatan, dt.date(2026, 12, 3))["lewat_tenggat"].iloc[0]


def test_tampilan_menulis_tidak_diketahui_bukan_nol():
    diketahui = _baris("33.02", kesiapan_persen=12.5, butir_jumlah=64, butir_selesai=8, butir_lewat_tenggat=0)
    tabel = pb.urutkan_risiko(pd.DataFrame([_baris("33.01"), diketahui]))
    tampil = ekspor.tabel_tampilan(tabel, "id").set_index("Kode")
    assert tampil.loc["33.01", "Kesiapan checklist"] == "tidak diketahui"
    assert tampil.loc["33.01", "Regulasi ditetapkan / diamanatkan"] == "tidak diketahui"
    assert tampil.loc["33.01", "Snapshot skor mandiri terakhir"] == "belum ada"
    assert tampil.loc["33.02", "Kesiapan checklist"] == "12,5 % (8 dari 64 butir)"
    assert tampil.loc["33.02", "Butir lewat tenggat"] == "0"
    assert ekspor.tabel_tampilan(tabel, "en").set_index("Code").loc["33.01", "Checklist readiness"] == "unknown"
    assert tampil.loc["33.01", "Predikat resmi: siklus tercatat sebelumnya → terakhir"] == "tidak diketahui"


def test_perubahan_dari_total_sintetis_tetap_tampil_berlabel_sintetis():
    sintetis = _baris("33.01", perubahan_total=-12.5, tahun_sebelumnya=2023, perubahan_sintetis=True, sintetis=True)
    nyata = _baris("33.02", perubahan_total=-3.2, tahun_sebelumnya=2023, perubahan_sintetis=False)
    tabel = pb.urutkan_risiko(pd.DataFrame([sintetis, nyata]))
    tampil = ekspor.tabel_tampilan(tabel, "id").set_index("Kode")
    kolom = "Perubahan total sejak siklus lalu (sintetis)"  # any synthetic row tags the header
    assert tampil.loc["33.01", kolom] == "−12,50 (dari 2023; sintetis)"
    assert tampil.loc["33.02", kolom] == "−3,20 (dari 2023)"
    assert tampil.loc["33.01", "Tanda risiko"] == "kesiapan belum terpantau"
    assert tampil.loc["33.02", "Tanda risiko"] == "total turun (kedua total nyata); kesiapan belum terpantau"
    inggris = ekspor.tabel_tampilan(tabel, "en").set_index("Code")
    assert inggris.loc["33.01", "Change in total since last cycle (synthetic)"] == "−12.50 (since 2023; synthetic)"


JATENG = Pengguna("jateng", "editor", ("33",))


@pytest.mark.parametrize(
    ("pengguna", "kode", "isi", "potongan"),
    [
        (Pengguna("ana", "editor", ("33.75",)), "33.75", pb.IsiCatatan(dt.date(2026, 11, 1), "x"),
         "catatan pembinaan ditulis oleh editor provinsi 33"),
        (JATENG, "34.01", pb.IsiCatatan(dt.date(2026, 11, 1), "x"), "tidak boleh mengubah ruang kerja wilayah 34.01"),
        (JATENG, "33", pb.IsiCatatan(dt.date(2026, 11, 1), "x"), "'33' bukan kode kab/kota"),
        (JATENG, "33.75", pb.IsiCatatan(dt.date(2026, 11, 1), " \x0b "), "temuan kosong"),
        (JATENG, "33.75", pb.IsiCatatan(dt.date(2026, 11, 1), "x", status="tutup"), "status 'tutup' tidak dikenal"),
        (JATENG, "33.75", pb.IsiCatatan(dt.date(2026, 11, 1), "x", tenggat=dt.date(2026, 10, 31)),
         "tenggat 2026-10-31 sebelum tanggal pembinaan 2026-11-01"),
        (JATENG, "33.75", pb.IsiCatatan(dt.date(2026, 11, 1), "x" * 2001), "Temuan berisi 2001 karakter"),
    ],
)  # fmt: skip
def test_catatan_salah_ditolak_sebelum_menulis(
    tmp_path: Path, pengguna: Pengguna, kode: str, isi: pb.IsiCatatan, potongan: str
):
    path = tmp_path / "kla.gugus.duckdb"
    with pytest.raises((pb.PembinaanError, simpan.LingkupError)) as galat:
        pb.tambah_catatan(path, pengguna, kode, isi)
    assert potongan in galat.value.teks("id")
    assert galat.value.teks("en") != galat.value.teks("id")
    assert not path.exists()  # nothing was written, not even an empty workspace
