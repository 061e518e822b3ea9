"""The built default database against the facts, recomputed here from the source CSVs in data/
(read with pandas, not through the builder): synthetic totals obey every known fact, and the
additional real data of data/kla/tambahan is loaded as its README says."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from indicators.bangun import database, tambahan
from indicators.io import store
from indicators.lokasi import DATA_DIR

KLA = DATA_DIR / "kla"
TAMBAHAN = KLA / "tambahan"
BAND = ["Pratama", "Madya", "Nindya", "Utama", "KLA"]
SIKLUS = [2017, 2018, 2019, 2021, 2022, 2023, 2025]
PERINGKAT = {"low": 0, "medium": 1, "high": 2}


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _baris(df: pd.DataFrame) -> list[dict[str, str]]:
    """The rows of a CSV read as text, as plain dicts."""
    return [{str(k): str(v) for k, v in r.items()} for r in df.to_dict("records")]


def _sql(db: Path, query: str, *param: object) -> list[tuple[Any, ...]]:
    with store.buka(db) as con:
        return con.execute(query, list(param)).fetchall()


def _pita(total: float) -> str:
    """Band of a total, edges written out here: Pratama [500, 600], Madya (600, 700], ..."""
    if total < 500:
        return "Tidak ada"
    for band, atas in zip(BAND, (600, 700, 800, 900, 1000), strict=True):
        if total <= atas:
            return band
    raise AssertionError(total)


@cache
def _diketahui() -> dict[tuple[str, int], str]:
    """Official predikat of Jawa Tengah from the CSVs: kla_predikat.csv, then dated values of the
    correction file and the national list that add a region-year (they never disagree on the band)."""
    hasil = {(r["kode_wilayah"], int(r["tahun"])): r["predikat"] for r in _baris(_csv(KLA / "kla_predikat.csv"))}
    lain = pd.concat([_csv(TAMBAHAN / "predikat_jateng_koreksi.csv"), _csv(TAMBAHAN / "kla_predikat_nasional.csv")])
    for r in _baris(lain):
        if r["tahun"] and r["predikat"] in {*BAND, "Tidak ada"} and r["kode_wilayah"].startswith("33."):
            assert hasil.setdefault((r["kode_wilayah"], int(r["tahun"])), r["predikat"]) == r["predikat"]
    return hasil


@pytest.fixture(scope="module")
def total(db_bawaan: Path) -> dict[tuple[str, int], float]:
    rows = _sql(
        db_bawaan,
        "SELECT kode_wilayah, tahun, round(sum(nilai), 2) FROM skor_indikator WHERE tahap = 'final' GROUP BY ALL",
    )
    return {(k, int(t)): float(v) for k, t, v in rows}


@pytest.fixture(scope="module")
def jateng() -> list[str]:
    return sorted(_csv(KLA / "wilayah_jateng.csv").query("kode_wilayah != '33'")["kode_wilayah"])


def _tak_dikenal(jateng: list[str], tahun: int) -> list[str]:
    diketahui = _diketahui()
    return [k for k in jateng if (k, tahun) not in diketahui]


# --- synthetic totals against the facts ------------------------------------------------------------


def test_2023_pratama_lengkap_tidak_ada_perkiraan_pratama(total, jateng):
    rekap = _csv(KLA / "kla_rekap_jumlah.csv").query("tahun == '2023' and cakupan == 'jawa_tengah'")
    resmi = int(rekap.loc[rekap["predikat"] == "Pratama", "jumlah"].iloc[0])
    diketahui = _diketahui()
    assert sum(diketahui.get((k, 2023)) == "Pratama" for k in jateng) == resmi == 6  # all six are named
    tak = _tak_dikenal(jateng, 2023)
    assert {"33.18", "33.21"} <= set(tak)  # Pati and Demak are unknown in 2023
    assert [k for k in tak if _pita(total[(k, 2023)]) == "Pratama"] == []


def test_2022_tepat_dua_tanpa_penghargaan_di_antara_yang_tidak_dikenal(total, jateng):
    rekap = _csv(KLA / "kla_rekap_jumlah.csv").query("tahun == '2022' and cakupan == 'jawa_tengah'")
    dianugerahi = int(rekap.loc[rekap["predikat"] == "Total", "jumlah"].iloc[0])
    assert dianugerahi == 33
    tak = _tak_dikenal(jateng, 2022)
    assert sum(total[(k, 2022)] < 500 for k in tak) == len(jateng) - dianugerahi == 2
    assert all(total[(k, 2022)] >= 500 for k in jateng if k not in tak)


def test_kota_pekalongan_pratama_2017_2018_dan_pemalang(total):
    assert [_pita(total[("33.75", t)]) for t in (2017, 2018, 2019)] == ["Pratama", "Pratama", "Madya"]
    # Pemalang: Madya 2019 (correction file); "Madya twice" by 2021 and "Pratama 3 times" before it.
    assert [_pita(total[("33.27", t)]) for t in (2017, 2018, 2019, 2021)] == ["Pratama", "Pratama", "Madya", "Madya"]


def test_salatiga_2023_bukan_utama(total):
    (baris,) = _baris(_csv(TAMBAHAN / "predikat_jateng_koreksi.csv").query("kode_wilayah == '33.73'"))
    assert (baris["tahun"], baris["predikat"]) == ("2023", "(not Utama)")
    assert _pita(total[("33.73", 2023)]) != "Utama"


def test_total_terbit_adalah_total_final(total, db_bawaan):
    assert total[("33.14", 2023)] == 903.00
    assert total[("33.10", 2025)] == 732.65
    skor = _csv(KLA / "kla_skor.csv")
    assert set(skor["jenis_skor"]) == {"nilai evaluasi KLA"}  # every row is a final-stage score
    for r in _baris(skor):
        assert total[(r["kode_wilayah"], int(r["tahun"]))] == round(float(r["nilai"]), 2), r
    sragen = _sql(db_bawaan, "SELECT bool_and(sintetis) FROM skor_indikator WHERE kode_wilayah = '33.14'")
    assert sragen == [(True,)]


def _rekap_minimum() -> dict[tuple[str, str, str], int]:
    """The smallest published value of every count (the strictest reading of conflicting sources)."""
    hasil: dict[tuple[str, str, str], int] = {}
    for r in _baris(pd.concat([_csv(KLA / "kla_rekap_jumlah.csv"), _csv(TAMBAHAN / "rekap_tambahan.csv")])):
        kunci = (r["tahun"], r["cakupan"], r["predikat"])
        hasil[kunci] = min(hasil.get(kunci, int(r["jumlah"])), int(r["jumlah"]))
    return hasil


def _dinamai_nasional(tahun: int) -> Counter[str]:
    nasional = _csv(TAMBAHAN / "kla_predikat_nasional.csv")
    luar = {
        (r["kode_wilayah"], int(r["tahun"])): r["predikat"]
        for r in _baris(nasional)
        if r["kode_wilayah"] and not r["kode_wilayah"].startswith("33.")
    }
    return Counter(p for (_, t), p in luar.items() if t == tahun)


def test_hitungan_per_pita_tidak_melebihi_rekap_resmi(total, jateng):
    minimum = _rekap_minimum()
    diperiksa = 0
    for tahun in SIKLUS:
        diketahui = Counter(_diketahui()[(k, tahun)] for k in jateng if (k, tahun) in _diketahui())
        perkiraan = Counter(_pita(total[(k, tahun)]) for k in _tak_dikenal(jateng, tahun))
        for cakupan, luar in (("jawa_tengah", Counter()), ("nasional", _dinamai_nasional(tahun))):
            for band in BAND:
                resmi = minimum.get((str(tahun), cakupan, band))
                if resmi is not None:
                    # known + estimated never exceeds the official count (nor the named list, where longer)
                    dikenal = diketahui[band] + luar[band]
                    assert dikenal + perkiraan[band] <= max(resmi, dikenal), (tahun, cakupan, band)
                    diperiksa += 1
        nasional = [minimum.get((str(tahun), "nasional", b), -1) for b in BAND[:4]]
        if -1 not in nasional and sum(nasional) == minimum.get((str(tahun), "nasional", "Total")):
            assert perkiraan["KLA"] == 0, tahun  # the bands add up to the total: no KLA anywhere
    assert diperiksa >= 30


def test_pita_sintetis_menandai_perkiraan(db_bawaan, total, jateng):
    rows = _sql(db_bawaan, "SELECT tahun, kode_wilayah, pita, status, pita_layak, dasar FROM pita_sintetis")
    assert len(rows) == len(jateng) * len(SIKLUS)
    diketahui = _diketahui()
    for tahun, kode, pita, status, layak, dasar in rows:
        assert pita == _pita(total[(kode, tahun)]), (tahun, kode)
        assert pita in layak.split(","), (tahun, kode)
        assert (status == "fakta") == ("," not in layak), (tahun, kode)
        if (kode, tahun) in diketahui:
            assert status == "fakta", (tahun, kode)
            assert dasar in {"predikat_resmi", "skor_dilaporkan"}, (tahun, kode)
    perkiraan_2023 = {(k, layak) for t, k, _, s, layak, _ in rows if t == 2023 and s == "perkiraan"}
    assert perkiraan_2023 == {(k, "Madya,Nindya") for k in _tak_dikenal(jateng, 2023)}


# --- data/kla/tambahan loaded ------------------------------------------------------------------------


def test_predikat_nasional_dimuat(db_bawaan):
    nasional = _csv(TAMBAHAN / "kla_predikat_nasional.csv")
    tersimpan = {
        (k, int(t)): (p, y)
        for k, t, p, y in _sql(db_bawaan, "SELECT kode_wilayah, tahun, predikat, keyakinan FROM predikat_resmi")
    }
    berkode = nasional[nasional["kode_wilayah"] != ""]
    for r in _baris(berkode):
        assert (r["kode_wilayah"], int(r["tahun"])) in tersimpan, r
    luar = berkode[~berkode["kode_wilayah"].str.startswith("33.")]
    terbaik = luar.assign(_p=luar["confidence"].map(PERINGKAT)).sort_values("_p", ascending=False, kind="stable")
    terbaik = terbaik.drop_duplicates(["tahun", "kode_wilayah"])
    for r in _baris(terbaik):
        assert tersimpan[(r["kode_wilayah"], int(r["tahun"]))][0] == r["predikat"], r
    # Exactly the coded rows outside Jawa Tengah, once each: a row without a code adds nothing.
    (jumlah,) = _sql(db_bawaan, "SELECT count(*) FROM predikat_resmi WHERE NOT starts_with(kode_wilayah, '33.')")
    assert jumlah == (len(terbaik),)
    # Way Kanan 2022 appears twice (medium, high): the high one is kept, once.
    assert tersimpan[("18.08", 2022)] == ("Nindya", "tinggi")


def test_koreksi_jawa_tengah(db_bawaan):
    assert _sql(
        db_bawaan, "SELECT predikat, keyakinan, dasar FROM predikat_resmi WHERE tahun = 2023 AND kode_wilayah = '33.74'"
    ) == [("Utama", "tinggi", "stated")]
    # same confidence: the row of kla_predikat.csv stays (its source, not the correction's)
    (sumber,) = _sql(
        db_bawaan,
        "SELECT s.sitasi FROM predikat_resmi p JOIN sumber s USING (sumber_id) "
        "WHERE tahun = 2023 AND kode_wilayah = '33.14'",
    )
    assert "derapjuang.id" in sumber[0]
    assert _sql(
        db_bawaan, "SELECT predikat, dasar, keyakinan FROM predikat_resmi WHERE tahun = 2019 AND kode_wilayah = '33.27'"
    ) == [("Madya", "inferred_from_later_statement", "sedang")]
    fakta = _sql(
        db_bawaan,
        "SELECT tahun, kode_wilayah, pernyataan, predikat, jumlah, sebelum_tahun FROM fakta_predikat ORDER BY ALL",
    )
    assert fakta == [
        (2023, "33.73", "bukan", "Utama", None, None),
        (None, "33.27", "hitungan_sebelum", "Madya", 1, 2021),
        (None, "33.27", "hitungan_sebelum", "Pratama", 3, 2019),
        (None, "33.75", "hitungan_sebelum", "Pratama", 2, 2019),
    ]


def test_provila_satu_baris_per_provinsi_tahun(db_bawaan):
    rows = _sql(db_bawaan, "SELECT tahun, kode_wilayah, penghargaan FROM penghargaan_provinsi")
    simpan = {(int(t), k): p for t, k, p in rows}
    assert len(simpan) == len(rows)
    for r in _baris(_csv(TAMBAHAN / "provila_nasional.csv")):
        assert (int(r["tahun"]), r["kode_provinsi"]) in simpan, r
    for r in _baris(_csv(KLA / "provila_jateng.csv")):
        assert simpan[(int(r["tahun"]), "33")] == r["penghargaan"]  # Jawa Tengah's own rows are kept
    assert len({k for _, k in simpan}) > 10


def test_rekap_membawa_keyakinan(db_bawaan):
    dasar, tambah = _csv(KLA / "kla_rekap_jumlah.csv"), _csv(TAMBAHAN / "rekap_tambahan.csv")
    rows = _sql(db_bawaan, "SELECT keyakinan, count(*) FROM rekap_predikat GROUP BY ALL ORDER BY ALL")
    assert dict(rows) == {"tinggi": len(tambah), None: len(dasar)}
    kolom = store.kueri(db_bawaan, "rekap_predikat").columns
    assert "keyakinan" in kolom


# --- the loaders on their own (a private data folder) ----------------------------------------------------


def _konteks(folder: Path) -> tambahan.Konteks:
    def periksa(path: Path, df: pd.DataFrame) -> None:
        for kode in df["kode_wilayah"]:
            if kode not in {"33.73", "33.75", "35.78", "18.08"}:
                raise database.DataSumberError(f"{path.name}: kode '{kode}' tidak dikenal")

    return tambahan.Konteks(folder, lambda *a, **k: "src-uji", periksa, database.DataSumberError, frozenset(SIKLUS))


def _tulis(folder: Path, nama: str, teks: str) -> None:
    (folder / "kla" / "tambahan").mkdir(parents=True, exist_ok=True)
    (folder / "kla" / "tambahan" / nama).write_text(teks, encoding="utf-8")


KEPALA = "tahun,kode_wilayah,nama_wilayah,predikat,basis,confidence,source,note\n"


def test_baris_tanpa_kode_tidak_dimuat_dan_pernyataan_salah_ditolak(tmp_path: Path):
    _tulis(
        tmp_path,
        "kla_predikat_nasional.csv",
        KEPALA + "2023,35.78,Kota Surabaya,Utama,stated,high,u,\n2023,,Magelang,Utama,stated,high,u,\n",
    )
    _tulis(tmp_path, "predikat_jateng_koreksi.csv", KEPALA + "2023,33.73,Kota Salatiga,(not Utama),stated,high,u,\n")
    _tulis(tmp_path, "fakta_turunan.csv", KEPALA)
    dasar = pd.DataFrame(
        columns=["tahun", "kode_wilayah", "predikat", "dasar", "keyakinan", "sintetis", "sumber_id", "catatan"]
    )
    hasil = tambahan.gabung_predikat(dasar, _konteks(tmp_path))
    assert list(zip(hasil["kode_wilayah"], hasil["predikat"], strict=True)) == [("35.78", "Utama")]
    assert tambahan.fakta_predikat(_konteks(tmp_path))["pernyataan"].tolist() == ["bukan"]
    _tulis(tmp_path, "fakta_turunan.csv", KEPALA + ",33.75,Kota Pekalongan,Pratama kira-kira,stated,high,u,\n")
    with pytest.raises(database.DataSumberError, match=r"fakta_turunan.csv, baris 2"):
        tambahan.fakta_predikat(_konteks(tmp_path))


def test_skor_bukan_tahap_final_tidak_dipaksakan(db_bawaan):
    with store.buka(db_bawaan) as con:
        tabel = {
            t: con.execute(f"SELECT * FROM {t}").df()
            for t in ("predikat_resmi", "rekap_predikat", "fakta_predikat", "skor_dilaporkan", "sumber", "wilayah")
        }
    mandiri = pd.DataFrame(
        [{"tahun": 2021, "kode_wilayah": "33.75", "jenis_skor": "nilai evaluasi mandiri", "nilai": 835.9}]
    )
    tabel["skor_dilaporkan"] = pd.concat([tabel["skor_dilaporkan"], mandiri], ignore_index=True)
    fakta = tambahan.fakta_sintetis(tabel, tabel["sumber"], tabel["wilayah"], "33")
    assert ("33.75", 2021) not in fakta.total_final
    assert fakta.total_final[("33.14", 2023)] == 903.0
