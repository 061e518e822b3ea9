"""The synthetic Perlindungan Anak sample (indicators/bangun/perlindungan.py) on a small province:
deterministic, adding up to the facts it is given, parts within totals, gaps left on purpose.
(The full build's sums against the real figures are in tests/db/test_perlindungan_data.py.)"""

from __future__ import annotations

import pandas as pd

from indicators.bangun import perlindungan as bangun
from indicators.katalog.perlindungan import pelanggaran_bagian

PENDUDUK = {"33.16": 900_000.0, "33.71": 130_000.0, "33.73": 190_000.0, "33.74": 1_700_000.0, "33.75": 318_000.0}
FAKTA = bangun.FaktaPerlindungan(
    bentuk={
        2020: {"fisik": 40, "psikis": 30, "seksual": 90, "eksploitasi": 3, "tppo": 2, "penelantaran": 5, "lainnya": 4}
    },
    kasus={2021: 150},
    korban={2020: 140, 2019: 90},
    korban_wilayah={(2020, "33.74"): 60, (2020, "33.71"): 4},
)


def test_sampel_deterministik_dan_menjumlah_ke_fakta():
    a = bangun.buat_sampel(PENDUDUK, FAKTA)
    b = bangun.buat_sampel(PENDUDUK, FAKTA)
    pd.testing.assert_frame_equal(a, b)
    bentuk = a[a["tabel"] == "bentuk_kekerasan"].groupby(["tahun", "kategori"])["jumlah"].sum()
    assert bentuk.loc[2020].to_dict() == FAKTA.bentuk[2020]
    assert int(bentuk.loc[2021].sum()) == 150
    korban = a[a["tabel"] == "korban"].groupby(["tahun", "kode_wilayah"])["jumlah"].sum()
    assert int(korban.loc[2019].sum()) == 90
    # 2020: the two real regions carry no synthetic victims; the others add up to the rest, between them
    assert set(korban.loc[2020].index) == {"33.16", "33.73", "33.75"}
    assert int(korban.loc[2020].sum()) == 140 - 60 - 4
    assert korban.loc[2020].between(4, 60).all()
    umur_nyata = a[(a["tabel"] == "umur") & (a["tahun"] == 2020) & (a["kode_wilayah"] == "33.74")]
    assert (umur_nyata["bulan"] == 0).all()
    assert int(umur_nyata["jumlah"].sum()) == 60


def test_sampel_bagian_dalam_total_dan_bulan_bolong():
    sampel = bangun.buat_sampel(PENDUDUK, FAKTA)
    assert pelanggaran_bagian(sampel) == []
    assert (sampel["jumlah"] >= 0).all()
    lapor = sampel.groupby(["kode_wilayah", "tahun"])["bulan"].unique()
    assert not {1, 2, 3} & set(lapor[("33.16", 2019)])
    assert not {10, 11, 12} & set(lapor[("33.73", 2023)])
    assert all(len(b) >= 1 for b in lapor)
    assert sampel.loc[sampel["tahun"] == 2025, "bulan"].max() == 6
    # every table of a reported month has every category (a zero is a row, never a gap)
    satu = sampel[
        (sampel["kode_wilayah"] == "33.75") & (sampel["tahun"] == 2022) & (sampel["bulan"] == lapor[("33.75", 2022)][0])
    ]
    assert satu.groupby("tabel")["kategori"].nunique()["bentuk_kekerasan"] == 7


def test_bulan_dilaporkan_tetap_antara_panggilan():
    assert bangun.bulan_dilaporkan("33.16", 2019) == bangun.bulan_dilaporkan("33.16", 2019)
    assert 1 not in bangun.bulan_dilaporkan("33.16", 2019)
    assert bangun.bulan_sampel(2025) == [1, 2, 3, 4, 5, 6]
