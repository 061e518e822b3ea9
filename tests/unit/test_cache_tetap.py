"""``tetap.tetap`` reuses a builder's result only for the same inputs, and names shared objects cheaply.

Shared read-only objects (``st.cache_resource`` results) are hashed by content once and then named
by that fingerprint; anything else, including a frame derived from a shared one, is hashed on every call.
"""

from __future__ import annotations

import dataclasses
import gc
from typing import Any, cast

import pandas as pd
import pytest

from ui import cache, tetap

PANGGILAN: list[int] = []


def jumlah_nilai(data: pd.DataFrame, faktor: int) -> float:
    """A pure builder that counts its calls."""
    PANGGILAN.append(1)
    return float(data["nilai"].sum()) * faktor


@pytest.fixture(autouse=True)
def _bersih() -> None:
    cache.hasil_tetap.clear()
    PANGGILAN.clear()


def _frame(*nilai: float) -> pd.DataFrame:
    return pd.DataFrame({"kode_wilayah": [f"33.{i:02d}" for i in range(len(nilai))], "nilai": list(nilai)})


def test_isi_sama_dipakai_ulang_isi_beda_dihitung_ulang():
    assert tetap.tetap(jumlah_nilai, _frame(1, 2), 2) == 6
    assert tetap.tetap(jumlah_nilai, _frame(1, 2), 2) == 6  # a new but equal frame: reused
    assert len(PANGGILAN) == 1
    assert tetap.tetap(jumlah_nilai, _frame(1, 3), 2) == 8
    assert tetap.tetap(jumlah_nilai, _frame(1, 2), 3) == 9
    assert len(PANGGILAN) == 3


def test_urutan_baris_ikut_sidik():
    # A sum of row hashes would ignore the order; a builder's output (a chart's order) does not.
    a = _frame(1, 2)
    b = a.iloc[::-1]
    assert tetap._sidik_frame(a) != tetap._sidik_frame(b)


def test_objek_bersama_dihash_sekali(monkeypatch: pytest.MonkeyPatch):
    bersama = cache.tandai(_frame(1, 2, 3), "skor_indikator", "db", 1, None, "final")
    assert tetap.tetap(jumlah_nilai, bersama, 1) == 6

    def dilarang(*_: object, **__: object) -> None:
        raise AssertionError("a shared object's content was hashed")

    monkeypatch.setattr(tetap, "_isi_frame", dilarang)
    assert tetap.tetap(jumlah_nilai, bersama, 2) == 12
    assert tetap.tetap(jumlah_nilai, bersama, 1) == 6
    assert len(PANGGILAN) == 2
    turunan = bersama[bersama["nilai"] > 1]  # a derived frame is not the shared one
    with pytest.raises(AssertionError, match="hashed"):
        tetap._sidik_frame(turunan)


def test_versi_data_baru_dengan_isi_sama_memakai_hasil_lama():
    # After a data change every cache key is new; the rows of another province are not. What was
    # built from them is reused, and a version whose rows did change is built again.
    lama = cache.tandai(_frame(1, 2, 3), "skor_wilayah", "db", 1, "33.01")
    assert tetap.tetap(jumlah_nilai, lama, 1) == 6
    baru = cache.tandai(_frame(1, 2, 3), "skor_wilayah", "db", 2, "33.01")
    assert tetap.tetap(jumlah_nilai, baru, 1) == 6
    assert len(PANGGILAN) == 1
    berubah = cache.tandai(_frame(1, 2, 4), "skor_wilayah", "db", 3, "33.01")
    assert tetap.tetap(jumlah_nilai, berubah, 1) == 7
    assert len(PANGGILAN) == 2


def test_turunan_objek_bersama_dihash_menurut_isi():
    bersama = cache.tandai(_frame(1, 2, 3), "k", 1)
    turunan = bersama[bersama["nilai"] > 1]
    assert tetap.tetap(jumlah_nilai, bersama, 1) == 6
    assert tetap.tetap(jumlah_nilai, turunan, 1) == 5
    assert len(PANGGILAN) == 2


def test_objek_yang_hilang_dilupakan():
    bersama = cache.tandai(_frame(1), "k", 2)
    nomor = id(bersama)
    assert nomor in cache._ASAL
    del bersama
    gc.collect()
    assert nomor not in cache._ASAL


def tabel_kali(data: pd.DataFrame, faktor: int) -> pd.DataFrame:
    """A pure builder returning a frame."""
    PANGGILAN.append(1)
    return data.assign(nilai=data["nilai"] * faktor)


def test_hasil_tetap_dihash_sekali_lalu_dinamai(monkeypatch: pytest.MonkeyPatch):
    # A builder's frame result is shared and read-only: fingerprinted once, then by that.
    hasil = tetap.tetap(tabel_kali, _frame(1, 2), 3)
    assert hasil["nilai"].tolist() == [3, 6]
    assert tetap.tetap(jumlah_nilai, hasil, 1) == 9

    def dilarang(*_: object, **__: object) -> None:
        raise AssertionError("a shared result's content was hashed again")

    monkeypatch.setattr(tetap, "_isi_frame", dilarang)
    assert cache.sidik_bersama(hasil, lambda _: "dihitung lagi") not in (None, "dihitung lagi")
    assert tetap.tetap(jumlah_nilai, hasil, 1) == 9


def test_frame_berisi_daftar_tetap_bisa_disidik():
    # pandas cannot hash list cells; the fingerprint falls back to the pickled frame.
    a = pd.DataFrame({"kode": ["33.01"], "anggota": [["33.02", "33.03"]]})
    b = pd.DataFrame({"kode": ["33.01"], "anggota": [["33.02", "33.04"]]})
    assert tetap._sidik_frame(a) == tetap._sidik_frame(a.copy())
    assert tetap._sidik_frame(a) != tetap._sidik_frame(b)


def test_tetap_tabel_memberi_arrow_dan_dipakai_ulang():
    tabel = tetap.tetap_tabel(tabel_kali, _frame(1, 2), 2)
    assert tabel.column_names == ["kode_wilayah", "nilai"]  # no index column
    assert tabel.column("nilai").to_pylist() == [2, 4]
    assert tetap.tetap_tabel(tabel_kali, _frame(1, 2), 2) is tabel
    assert len(PANGGILAN) == 1


def test_pembangun_dengan_closure_ditolak():
    faktor = 3

    def tertutup(data: pd.DataFrame) -> pd.DataFrame:
        return data.assign(nilai=data["nilai"] * faktor)

    with pytest.raises(Exception, match="captures state"):
        tetap.tetap_tabel(tertutup, _frame(1))


def test_sidik_teks_membedakan_nilai_jenis_indeks_dan_kosong():
    # Small frames are fingerprinted by their values' text: equal content, equal fingerprint; any
    # difference in a value, a type, the index or a missing value, another one.
    a = _frame(1.0, 2.0)
    assert len(a) * 2 <= tetap.SEL_TEKS
    assert tetap._sidik_frame(a) == tetap._sidik_frame(_frame(1.0, 2.0))
    lain = [
        _frame(1.0, 2.5),
        a.astype({"nilai": "int64"}),
        a.set_axis([5, 6]),
        a.assign(nilai=[1.0, float("nan")]),
        a.assign(kode_wilayah=["33.00", "33.1"]),
        a.assign(nilai=["1.0", "2.0"]),
        a.rename(columns={"nilai": "skor"}),
        a.set_index("kode_wilayah"),
    ]
    sidik = {tetap._sidik_frame(x) for x in lain}
    assert len(sidik) == len(lain)
    assert tetap._sidik_frame(a) not in sidik
    # A string "None" is not a missing value, nor NaN a missing string.
    assert tetap._sidik_frame(pd.DataFrame({"x": ["None"]}, dtype=object)) != tetap._sidik_frame(
        pd.DataFrame({"x": [None]}, dtype=object)
    )


def test_sidik_sel_yang_reprnya_terpotong_memakai_isi_penuh():
    # numpy elides the middle of a long array's repr: such cells must not be fingerprinted by text.
    import numpy as np

    a = np.zeros(2000)
    b = a.copy()
    b[1000] = 1
    fa = pd.DataFrame({"v": [a]})
    fb = pd.DataFrame({"v": [b]})
    assert repr(a) == repr(b)
    assert tetap._teks_nilai(fa) is None
    assert tetap._sidik_frame(fa) != tetap._sidik_frame(fb)


def test_frame_besar_disidik_dengan_hash_baris():
    besar = pd.DataFrame({"nilai": range(tetap.SEL_TEKS + 1)})
    assert tetap._isi_frame(besar) == pd.util.hash_pandas_object(besar, index=True).to_numpy().tobytes()
    assert tetap._sidik_frame(besar) != tetap._sidik_frame(besar.assign(nilai=besar["nilai"] + 1))


def test_objek_bersama_yang_diubah_ketahuan():
    # The page tests rely on this check (tests/halaman_util.periksa_tanpa_galat): it must be on, and
    # it must see a shared frame changed in place.
    assert cache._PERIKSA_BERSAMA
    bersama = cache.tandai(_frame(1, 2), "uji_ubah", 1)
    assert "('uji_ubah', 1)" not in cache.bersama_berubah()
    bersama.loc[0, "nilai"] = 9
    assert "('uji_ubah', 1)" in cache.bersama_berubah()
    del bersama
    gc.collect()
    assert "('uji_ubah', 1)" not in cache.bersama_berubah()


@dataclasses.dataclass
class _Wadah:
    tabel: pd.DataFrame
    catatan: list[str]


def test_isi_bersama_dibaca_per_bagian():
    # A shared dataclass is read part by part: merging a frame's blocks changes its pickle, not its
    # content, and must not count as a change; a changed cell or list item must.
    wadah = cache.tandai(_Wadah(pd.concat([_frame(1, 2), _frame(3, 4)["nilai"].rename("lain")], axis=1), ["a"]), "w")
    cast(Any, wadah.tabel)._consolidate_inplace()  # what pandas does by itself on some reads
    assert "('w',)" not in cache.bersama_berubah()
    wadah.catatan.append("b")
    assert "('w',)" in cache.bersama_berubah()
    wadah.catatan.pop()
    wadah.tabel.loc[1, "lain"] = 0
    assert "('w',)" in cache.bersama_berubah()
    del wadah
    gc.collect()
