"""Counts per predikat with their basis: the recap's choice rule and when a change may be given."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators.analisis import rekap

URUTAN = ["Pratama", "Madya", "Nindya", "Utama", "KLA"]


def _rekap(baris: list[tuple[int, str, str, int, str | None]]) -> pd.DataFrame:
    return pd.DataFrame(baris, columns=["tahun", "cakupan", "predikat", "jumlah", "url"]).assign(
        sitasi=lambda d: d["url"].fillna("tanpa alamat")
    )


def _kabkota(predikat: Sequence[str | None]) -> pd.DataFrame:
    return pd.DataFrame({"predikat_resmi": predikat})


def test_tingkat_sumber_pemerintah_dulu():
    assert rekap.tingkat_sumber("https://dinaspppa.lampungprov.go.id/detail-post/x") == 0
    assert rekap.tingkat_sumber("https://www.antaranews.com/berita/1") == 1
    assert rekap.tingkat_sumber(None) == 2
    assert rekap.tingkat_sumber("jowonews.com (URL not recorded)") == 2
    # A host that only contains go.id is not a government site.
    assert rekap.tingkat_sumber("https://go.id.example.com/x") == 1


def test_konflik_2022_memilih_sumber_resmi():
    # National 2022 Pratama: 121 (Lampung provincial release) against 122 (news, address not recorded).
    data = _rekap(
        [
            (2022, "nasional", "Pratama", 122, None),
            (2022, "nasional", "Pratama", 121, "https://dinaspppa.lampungprov.go.id/p"),
            (2022, "nasional", "Utama", 8, "https://dinaspppa.lampungprov.go.id/p"),
        ]
    )
    pilihan = rekap.pilih_rekap(data)
    assert len(pilihan) == 2
    assert pilihan.set_index("predikat").loc["Pratama", "jumlah"] == 121
    konflik = rekap.konflik_rekap(data)
    assert konflik[["jumlah", "jumlah_lain"]].values.tolist() == [[121, 122]]


def test_konflik_urut_kunci_lalu_aturan_dan_nilai_sama_bukan_konflik():
    # Three sources for 2023 Total: the .go.id one is chosen (350); 350 again from a news page is no
    # conflict; 360 without an address is one. 2019 Madya has two values, listed first (by year).
    data = _rekap(
        [
            (2023, "nasional", "Total", 360, None),
            (2023, "nasional", "Total", 350, "https://kemenpppa.go.id/a"),
            (2023, "nasional", "Total", 350, "https://berita.com/b"),
            (2019, "nasional", "Madya", 7, "https://berita.com/c"),
            (2019, "nasional", "Madya", 9, "https://x.go.id/d"),
            (2023, "jawa_tengah", "Utama", 3, "https://x.go.id/e"),
        ]
    )
    konflik = rekap.konflik_rekap(data)
    assert konflik.values.tolist() == [
        [2019, "nasional", "Madya", 9, 7, "https://x.go.id/d", "https://berita.com/c"],
        [2023, "nasional", "Total", 350, 360, "https://kemenpppa.go.id/a", "tanpa alamat"],
    ]
    kolom = ["tahun", "cakupan", "predikat", "jumlah", "jumlah_lain", "sitasi", "sitasi_lain"]
    assert konflik.columns.tolist() == kolom
    assert rekap.konflik_rekap(data.iloc[:0]).empty


def test_keyakinan_mendahului_resmi():
    data = _rekap(
        [(2023, "nasional", "Total", 350, "https://a.go.id/x"), (2023, "nasional", "Total", 360, "https://b.com/y")]
    ).assign(keyakinan=["rendah", "tinggi"])
    assert rekap.pilih_rekap(data)["jumlah"].tolist() == [360]


def test_selisih_dari_rekap_bukan_dari_daftar_sebagian():
    # Jawa Tengah 2023: 25 of 35 known by name (Nindya 10, Madya 6), official Nindya 11, Madya 15.
    resmi = _rekap(
        [
            (2023, "jawa_tengah", "Utama", 3, "u"),
            (2023, "jawa_tengah", "Nindya", 11, "u"),
            (2023, "jawa_tengah", "Madya", 15, "u"),
            (2023, "jawa_tengah", "Pratama", 6, "u"),
            (2023, "jawa_tengah", "Total", 35, "u"),
            (2025, "jawa_tengah", "Utama", 2, "u"),
            (2025, "jawa_tengah", "Nindya", 13, "u"),
            (2025, "jawa_tengah", "Madya", 15, "u"),
            (2025, "jawa_tengah", "Pratama", 5, "u"),
        ]
    )
    lalu_daftar = _kabkota(["Utama"] * 3 + ["Nindya"] * 10 + ["Madya"] * 6 + ["Pratama"] * 6 + [None] * 10)
    kini_daftar = _kabkota(["Utama"] * 2 + ["Nindya"] * 13 + ["Madya"] * 15 + ["Pratama"] * 5)
    lalu = rekap.jumlah_siklus(lalu_daftar, resmi, 2023, "jawa_tengah", URUTAN)
    kini = rekap.jumlah_siklus(kini_daftar, resmi, 2025, "jawa_tengah", URUTAN)
    assert (lalu.dasar, lalu.diketahui, lalu.total_wilayah) == ("rekap_resmi", 25, 35)
    hasil = rekap.ringkasan_predikat(kini, lalu, URUTAN).set_index("predikat")
    assert hasil.index.tolist() == ["KLA", "Utama", "Nindya", "Madya", "Pratama"]
    kolom = ["jumlah", "jumlah_siklus_lalu", "selisih"]
    per_pita = hasil.to_dict("index")
    assert [int(per_pita["Nindya"][k]) for k in kolom] == [13, 11, 2]
    assert [int(per_pita["Madya"][k]) for k in kolom] == [15, 15, 0]
    # 2025 names no KLA and has no Total row: the band stays unknown rather than zero.
    assert hasil["jumlah"].isna()["KLA"]
    # 2023 parts add up to its Total: a band it does not name is zero.
    assert lalu.jumlah["KLA"] == 0


def test_tanpa_rekap_daftar_lengkap_atau_sebagian():
    lengkap = rekap.jumlah_siklus(_kabkota(["Madya", "Tidak ada", "Pratama"]), _rekap([]), 2019, "x", URUTAN)
    sebagian = rekap.jumlah_siklus(_kabkota(["Madya", None, "Madya"]), _rekap([]), 2018, "x", URUTAN)
    assert (lengkap.dasar, lengkap.jumlah["Madya"]) == ("daftar_lengkap", 1)
    assert (sebagian.dasar, sebagian.jumlah["Madya"], sebagian.diketahui) == ("daftar_sebagian", 2, 2)
    hasil = rekap.ringkasan_predikat(lengkap, sebagian, URUTAN)
    assert hasil["selisih"].isna().all()
    assert hasil["jumlah_siklus_lalu"].tolist()[3] == 2  # the partial count is shown, its change is not
    dua_lengkap = rekap.ringkasan_predikat(lengkap, lengkap, URUTAN)
    assert dua_lengkap["selisih"].tolist() == [0, 0, 0, 0, 0]


def test_cakupan_rekap():
    assert rekap.cakupan_rekap("00", "") == "nasional"
    assert rekap.cakupan_rekap("33", "Jawa Tengah") == "jawa_tengah"
