"""The province's supervision view on the real database: every figure recomputed here from its sources
(the committed YAML and CSV, SQL on the database, the values this test wrote), the risk order checked
row by row, and the supervision notes' scope, change log and versions.

Golden figures: readiness = complete items ÷ every item of the data dukung catalogue (counted from
its YAML); the snapshot total = the 24 values written; the gap = the next band's edge from
``predikat.yaml`` (Madya starts above 600, so 600.00 needs 0.01); the change since the last cycle =
the sum of the region's final scores of its last two cycles, straight from ``skor_indikator`` (all of
Jawa Tengah's scores are synthetic, so no change there raises a flag); the official predikat change
read by hand from the rows of ``data/kla/kla_predikat.csv`` cited in the test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
import yaml

from indicators.akun.pengguna import Pengguna
from indicators.gugus import kalender as kal, pembinaan as pb, simpan
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import DATA_DIR, PROYEK
from tests.conftest import salin_database, sha_berkas

HARI = dt.date(2026, 12, 4)
JATENG = Pengguna("jateng", "editor", ("33",))
DIY = Pengguna("diy", "editor", ("34",))
ANA = Pengguna("ana", "editor", ("33.75",))
BOSS = Pengguna("boss", "admin", ())
INDIKATOR = [f"KLA24-{n:02d}" for n in range(1, 25)]
NILAI_SNAPSHOT = 25.0  # × 24 indicators = 600.00: the top of Pratama


def _butir_katalog() -> dict[str, list[str]]:
    """Item codes per indicator, read from the data dukung YAML itself."""
    data = yaml.safe_load((PROYEK / "indicators" / "katalog" / "data_dukung_kla24.yaml").read_text(encoding="utf-8"))
    return {i["indikator"]: [b["kode"] for b in i["butir"]] for i in data["indikator"]}


def _isi_ruang_kerja(path: Path) -> dict[str, int]:
    """Write the workspace the figures below are computed from; return the note ids."""
    b = _butir_katalog()
    dd = data_dukung_bawaan()
    ubah = [
        simpan.UbahButir("KLA24-01", b["KLA24-01"][0], "lengkap"),
        simpan.UbahButir("KLA24-01", b["KLA24-01"][1], "diverifikasi"),
        simpan.UbahButir("KLA24-02", b["KLA24-02"][0], "dalam_proses", tenggat=dt.date(2026, 11, 1)),  # overdue
        simpan.UbahButir("KLA24-02", b["KLA24-02"][1], "belum", tenggat=HARI),  # due today: not overdue yet
        simpan.UbahButir("KLA24-03", b["KLA24-03"][1], "lengkap", tenggat=dt.date(2026, 10, 1)),  # done: not overdue
    ]
    simpan.simpan_butir(path, ANA, "33.75", ubah, dd)
    simpan.simpan_butir(path, JATENG, "33.01", [simpan.UbahButir("KLA24-01", b["KLA24-01"][0], "belum",
                                                                 tenggat=dt.date(2026, 12, 1))], dd)  # fmt: skip
    snapshot = dict.fromkeys(INDIKATOR, NILAI_SNAPSHOT)
    simpan.simpan_snapshot(path, ANA, "33.75", dt.date(2026, 10, 1), snapshot, katalog_bawaan(), "KLA24")
    isi_terbuka = pb.IsiCatatan(
        dt.date(2026, 11, 10), "SK Gugus Tugas kedaluwarsa", "Perbarui SK", "DP3A", dt.date(2026, 11, 30)
    )
    isi_selesai = pb.IsiCatatan(
        dt.date(2026, 9, 1), "Profil anak lama", None, "Bappeda", dt.date(2026, 11, 1), "selesai"
    )
    isi_lanjut = pb.IsiCatatan(
        dt.date(2026, 11, 12), "RAD KLA belum ada", "Susun RAD", "Bappeda", dt.date(2027, 1, 31), "dalam_tindak_lanjut"
    )
    terbuka = pb.tambah_catatan(path, JATENG, "33.75", isi_terbuka)
    selesai = pb.tambah_catatan(path, JATENG, "33.75", isi_selesai)
    lanjut = pb.tambah_catatan(path, BOSS, "33.26", isi_lanjut)
    return {"terbuka": terbuka, "selesai": selesai, "lanjut": lanjut}


@pytest.fixture(scope="module")
def siap(db_bawaan: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pb.Pembinaan, dict[str, int]]:
    """A private database copy with the workspace above, and the province's view on ``HARI``."""
    db = salin_database(db_bawaan, tmp_path_factory.mktemp("pembinaan"))
    catatan = _isi_ruang_kerja(simpan.path_gugus(db))
    return db, pb.tabel_pembinaan(db, katalog_bawaan(), data_dukung_bawaan(), "33", HARI), catatan


def _baris(p: pb.Pembinaan, kode: str) -> dict[str, Any]:
    return {str(k): v for k, v in p.tabel.set_index("kode_wilayah").loc[kode].items()}


def _total_final(db: Path, kode: str) -> list[tuple[int, float]]:
    """(cycle, final total) of one region, oldest first, by SQL on the database."""
    with duckdb.connect(str(db), read_only=True) as con:
        baris = con.execute(
            "SELECT tahun, round(sum(nilai), 2) FROM skor_indikator WHERE kode_wilayah = ? AND tahap = 'final' "
            "GROUP BY tahun ORDER BY tahun",
            [kode],
        ).fetchall()
    return [(int(t), float(v)) for t, v in baris]


def _selisih_tangan(total: float) -> tuple[float, str] | None:
    """Gap to the next band by the bands of predikat.yaml, written out: Pratama ≥ 500, others above their floor."""
    for bawah, inklusif, predikat in ((500, True, "Pratama"), (600, False, "Madya"), (700, False, "Nindya"),
                                      (800, False, "Utama"), (900, False, "KLA")):  # fmt: skip
        batas = bawah if inklusif else bawah + 0.01
        if total < batas:
            return round(batas - total, 2), predikat
    return None


# --- the figures, recomputed ---------------------------------------------------------------------


def test_kesiapan_dan_lewat_tenggat_dihitung_ulang(siap: tuple[Path, pb.Pembinaan, dict[str, int]]):
    _, p, _ = siap
    jumlah = sum(len(v) for v in _butir_katalog().values())
    pekalongan = _baris(p, "33.75")
    assert pekalongan["butir_jumlah"] == jumlah
    assert pekalongan["butir_selesai"] == 3  # lengkap, diverifikasi, lengkap
    assert pekalongan["kesiapan_persen"] == round(100 * 3 / jumlah, 1)
    assert pekalongan["butir_lewat_tenggat"] == 1  # only the item due 1 November and in progress
    # 33.01 recorded one item: its readiness is known, and it is 0 %.
    cilacap = _baris(p, "33.01")
    assert (cilacap["kesiapan_persen"], cilacap["butir_lewat_tenggat"]) == (0.0, 1)
    # A region that never recorded an item: unknown, not 0.
    assert pd.isna(_baris(p, "33.26")["kesiapan_persen"])
    assert pd.isna(_baris(p, "33.26")["butir_lewat_tenggat"])
    telat = p.lewat_tenggat
    assert sorted(zip(telat["kode_wilayah"], telat["butir"], strict=True)) == sorted(
        [("33.75", _butir_katalog()["KLA24-02"][0]), ("33.01", _butir_katalog()["KLA24-01"][0])]
    )


def test_snapshot_dan_selisih_ke_predikat_berikut_dihitung_ulang(siap: tuple[Path, pb.Pembinaan, dict[str, int]]):
    db, p, _ = siap
    pekalongan = _baris(p, "33.75")
    total = NILAI_SNAPSHOT * len(INDIKATOR)
    assert total == 600.0
    assert pekalongan["snapshot_total"] == total
    assert pekalongan["snapshot_tanggal"] == dt.date(2026, 10, 1)
    assert pekalongan["snapshot_predikat"] == "Pratama"
    assert (pekalongan["selisih_ke_predikat_berikut"], pekalongan["predikat_berikut"]) == (0.01, "Madya")
    assert (pekalongan["dasar_selisih"], pekalongan["dasar_tanggal"]) == ("snapshot", dt.date(2026, 10, 1))
    # Without a snapshot the gap comes from the latest cycle's final stage (the last stage it has).
    terakhir = _total_final(db, "33.26")[-1]
    diharapkan = _selisih_tangan(terakhir[1])
    kab_pekalongan = _baris(p, "33.26")
    assert (kab_pekalongan["dasar_selisih"], kab_pekalongan["dasar_tahun"], kab_pekalongan["dasar_tahap"]) == (
        "evaluasi",
        terakhir[0],
        "final",
    )
    assert diharapkan is not None
    assert kab_pekalongan["selisih_ke_predikat_berikut"] == pytest.approx(diharapkan[0], abs=0.005)
    assert kab_pekalongan["predikat_berikut"] == diharapkan[1]
    assert pd.isna(kab_pekalongan["snapshot_total"])


def test_evaluasi_terakhir_dan_perubahan_dihitung_ulang(siap: tuple[Path, pb.Pembinaan, dict[str, int]]):
    db, p, _ = siap
    with duckdb.connect(str(db), read_only=True) as con:
        resmi = dict(con.execute("SELECT kode_wilayah, predikat FROM predikat_resmi WHERE tahun = 2025").fetchall())
    for kode in p.tabel["kode_wilayah"]:
        siklus = _total_final(db, kode)
        baris = _baris(p, kode)
        assert (baris["tahun_evaluasi"], baris["total_evaluasi"]) == pytest.approx(siklus[-1], abs=0.005)
        assert baris["tahun_sebelumnya"] == siklus[-2][0]
        assert baris["perubahan_total"] == pytest.approx(siklus[-1][1] - siklus[-2][1], abs=0.011)
        assert baris["predikat_resmi"] == resmi.get(kode)
    assert p.cakupan["evaluasi"] == len(p.tabel) == 35
    # Every per-indicator score of Jawa Tengah is synthetic (README, "Data"): every change rests on
    # synthetic totals, so none is real and none counts.
    with duckdb.connect(str(db), read_only=True) as con:
        nyata = con.execute(
            "SELECT count(*) FROM skor_indikator WHERE kode_wilayah LIKE '33.%' AND NOT sintetis"
        ).fetchone()
    assert nyata == (0,)
    assert p.tabel["perubahan_sintetis"].eq(True).all()
    assert pb.perubahan_nyata(p.tabel).isna().all()
    assert p.cakupan["perubahan_nyata"] == 0


def test_predikat_resmi_turun_dihitung_tangan_dari_csv(siap: tuple[Path, pb.Pembinaan, dict[str, int]]):
    """Three regions by hand from data/kla/kla_predikat.csv (line numbers of that file, header = line 1).

    - 33.72 Kota Surakarta: line 38 ``2023,…,Utama,stated,high`` (confirmed by tambahan/
      predikat_jateng_koreksi.csv line 4) and line 14 ``2025,…,Nindya,stated,high``: Utama → Nindya,
      one band down: flagged.
    - 33.07 Kabupaten Wonosobo: line 70 ``2022,…,Madya,stated,medium``, no 2023 row in either file
      (the cycle is skipped, not read as no award), line 33 ``2025,…,Pratama,stated,high``: Madya →
      Pratama, one band down: flagged, with medium confidence.
    - 33.03 Kabupaten Purbalingga: line 50 ``2023,…,Madya,stated,high`` and line 18
      ``2025,…,Madya,stated,high``: unchanged, not flagged (its "Tidak ada" of 2017–2019, lines 173,
      159, 145, are older than the previous recorded cycle and not used).

    Going through the coverage matrix of data/kla/README.md (2025 against each region's previous
    recorded cycle) by hand, these two are the only falls in Jawa Tengah.
    """
    _, p, _ = siap
    surakarta, wonosobo, purbalingga = _baris(p, "33.72"), _baris(p, "33.07"), _baris(p, "33.03")
    kolom = ["tahun_predikat_sebelumnya", "predikat_resmi_sebelumnya", "tahun_predikat_terakhir"]
    kolom += ["predikat_resmi_terakhir", "langkah_predikat"]
    assert [surakarta[k] for k in kolom] == [2023, "Utama", 2025, "Nindya", -1]
    assert [wonosobo[k] for k in kolom] == [2022, "Madya", 2025, "Pratama", -1]
    assert [purbalingga[k] for k in kolom] == [2023, "Madya", 2025, "Madya", 0]
    assert (surakarta["predikat_keyakinan"], wonosobo["predikat_keyakinan"]) == ("tinggi", "sedang")
    assert not surakarta["predikat_disimpulkan"]
    assert not wonosobo["predikat_disimpulkan"]
    bendera = {
        k: set(str(b).split(";")) for k, b in zip(p.tabel["kode_wilayah"], p.tabel["bendera_risiko"], strict=True)
    }
    assert {k for k, b in bendera.items() if "predikat_turun" in b} == {"33.07", "33.72"}
    assert not any("turun" in b for b in bendera.values())  # every total is synthetic: no "total fell"
    assert p.cakupan["predikat"] == 35  # every region has two recorded cycles


def test_regulasi_dari_seed_dan_kelembagaan_tak_diketahui(siap: tuple[Path, pb.Pembinaan, dict[str, int]]):
    _, p, _ = siap
    seed = pd.read_csv(DATA_DIR / "kla" / "regulasi_seed.csv", dtype=str, keep_default_na=False)
    milik = seed[(seed["kode_wilayah"] == "33.75") & (seed["amanat"] != "")]
    tahap = ["propemperda", "penyusunan", "harmonisasi", "pembahasan", "penetapan", "pengundangan", "terbit"]
    ditetapkan = sum(x in tahap[4:] for x in milik["tahap"])
    pekalongan = _baris(p, "33.75")
    assert (pekalongan["regulasi_diamanatkan"], pekalongan["regulasi_ditetapkan"]) == (len(milik), ditetapkan)
    assert len(milik) == 8  # the eight Perwal mandated by Perda 13/2019
    tanpa_register = set(p.tabel["kode_wilayah"]) - set(seed["kode_wilayah"])
    assert tanpa_register
    assert all(pd.isna(_baris(p, k)["regulasi_diamanatkan"]) for k in tanpa_register)
    # Nobody filled in a Kelembagaan item: unknown everywhere, though the register has items.
    assert p.tabel["kelembagaan_terverifikasi"].isna().all()
    assert (p.tabel["kelembagaan_butir"] > 0).all()
    assert p.cakupan["kelembagaan"] == 0
    assert p.cakupan["regulasi"] == seed["kode_wilayah"].nunique()


def test_catatan_terbuka_dan_lewat_tenggat_per_wilayah(siap: tuple[Path, pb.Pembinaan, dict[str, int]]):
    _, p, id_ = siap
    assert [_baris(p, "33.75")[f"catatan_pembinaan_{k}"] for k in ("jumlah", "terbuka", "lewat_tenggat")] == [2, 1, 1]
    assert [_baris(p, "33.26")[f"catatan_pembinaan_{k}"] for k in ("jumlah", "terbuka", "lewat_tenggat")] == [1, 1, 0]
    assert _baris(p, "33.01")["catatan_pembinaan_jumlah"] == 0
    terbuka = p.catatan.set_index("catatan_id")
    assert bool(terbuka.loc[id_["terbuka"], "lewat_tenggat"])
    assert not bool(terbuka.loc[id_["selesai"], "terbuka"])
    assert terbuka.loc[id_["lanjut"], "nama"] == "Kabupaten Pekalongan"


def test_urutan_risiko_sesuai_aturan_baris_demi_baris(siap: tuple[Path, pb.Pembinaan, dict[str, int]]):
    _, p, _ = siap
    tabel = p.tabel
    for r in tabel.to_dict("records"):  # every flag is a fact of its own row
        bendera = set(str(r["bendera_risiko"]).split(";")) - {""}
        assert ("belum_terpantau" in bendera) == pd.isna(r["kesiapan_persen"])
        assert "turun" not in bendera  # every change of Jawa Tengah rests on synthetic totals
        assert ("predikat_turun" in bendera) == (not pd.isna(r["langkah_predikat"]) and r["langkah_predikat"] < 0)
        masalah = sum(0 if pd.isna(r[k]) else int(r[k]) for k in ("regulasi_lewat_tenggat", "regulasi_macet"))
        assert ("regulasi_bermasalah" in bendera) == (masalah > 0)
        assert r["jumlah_bendera"] == len(bendera)
    pekalongan = str(_baris(p, "33.75")["bendera_risiko"])
    assert pekalongan == "kesiapan_rendah;butir_lewat_tenggat;catatan_lewat_tenggat"
    assert _baris(p, "33.01")["bendera_risiko"] == "kesiapan_rendah;butir_lewat_tenggat"  # 0 %, one item overdue
    # The order by hand: Kota Pekalongan (3 flags); Cilacap (2 flags, readiness 0 % known); Wonosobo and
    # Surakarta (2 flags: official predikat fell, not monitored; readiness and real change unknown, so by
    # code); then the 31 others with one flag (not monitored), by code, since no change is real.
    lain = sorted(set(tabel["kode_wilayah"]) - {"33.75", "33.01", "33.07", "33.72"})
    assert list(tabel["kode_wilayah"]) == ["33.75", "33.01", "33.07", "33.72", *lain]
    assert list(tabel["jumlah_bendera"]) == [3, 2, 2, 2, *[1] * 31]
    assert list(tabel["urutan_risiko"]) == list(range(1, 36))
    assert p.cakupan["kesiapan"] == 2


def test_provinsi_lain_dan_provinsi_tak_dikenal(siap: tuple[Path, pb.Pembinaan, dict[str, int]]):
    db, _, _ = siap
    diy = pb.tabel_pembinaan(db, katalog_bawaan(), data_dukung_bawaan(), "34", HARI)
    assert set(diy.tabel["kode_wilayah"]) == {"34.01", "34.02", "34.03", "34.04", "34.71"}
    assert diy.catatan.empty  # notes of 33 never show in 34
    assert diy.tabel["total_evaluasi"].isna().all()  # no scores for Yogyakarta in the database: unknown
    with pytest.raises(pb.PembinaanError, match="Provinsi '99' tidak punya kab/kota di database; tersedia: 11"):
        pb.tabel_pembinaan(db, katalog_bawaan(), data_dukung_bawaan(), "99", HARI)


def test_tanpa_ruang_kerja_semua_tak_diketahui_kecuali_skor(db: Path):
    p = pb.tabel_pembinaan(db, katalog_bawaan(), data_dukung_bawaan(), "33", HARI)
    assert not simpan.path_gugus(db).exists()  # reading never creates the workspace
    assert p.tabel["kesiapan_persen"].isna().all()
    assert p.catatan.empty
    assert (p.tabel["catatan_pembinaan_terbuka"] == 0).all()
    assert p.cakupan["kesiapan"] == 0


# --- supervision notes: scope, change log, versions ----------------------------------------------


def test_editor_provinsi_33_menulis_untuk_setiap_kabkota_33_dan_tidak_34(db: Path):
    path = simpan.path_gugus(db)
    kabkota_33 = [f"33.{n:02d}" for n in range(1, 30)] + [f"33.{n}" for n in range(71, 77)]
    for kode in kabkota_33:
        pb.tambah_catatan(path, JATENG, kode, pb.IsiCatatan(dt.date(2026, 11, 1), f"Temuan {kode}"))
    p = pb.tabel_pembinaan(db, katalog_bawaan(), data_dukung_bawaan(), "33", HARI)
    assert (p.tabel["catatan_pembinaan_jumlah"] == 1).all()
    assert sorted(p.catatan["kode_wilayah"]) == sorted(kabkota_33)
    sebelum = sha_berkas(path)
    for kode in ("34.01", "34.71"):
        with pytest.raises(simpan.LingkupError, match=f"tidak boleh mengubah ruang kerja wilayah {kode}"):
            pb.tambah_catatan(path, JATENG, kode, pb.IsiCatatan(dt.date(2026, 11, 1), "Temuan"))
    # A kab/kota editor reads the notes of its region but does not write them; nor does another province's.
    with pytest.raises(simpan.LingkupError, match="ditulis oleh editor provinsi 33"):
        pb.tambah_catatan(path, ANA, "33.75", pb.IsiCatatan(dt.date(2026, 11, 1), "Temuan"))
    with pytest.raises(simpan.LingkupError):
        pb.tambah_catatan(path, DIY, "33.75", pb.IsiCatatan(dt.date(2026, 11, 1), "Temuan"))
    assert sha_berkas(path) == sebelum
    pb.tambah_catatan(path, DIY, "34.01", pb.IsiCatatan(dt.date(2026, 11, 1), "Temuan DIY"))
    assert pb.baca_catatan(path, "34", HARI)["kode_wilayah"].tolist() == ["34.01"]


def test_setiap_perubahan_catatan_tercatat_dan_versi_basi_ditolak(db: Path):
    path = simpan.path_gugus(db)
    waktu = dt.datetime(2026, 11, 10, 9, 30)
    isi = pb.IsiCatatan(
        dt.date(2026, 11, 10), "SK Gugus Tugas kedaluwarsa", "Perbarui SK", "DP3A", dt.date(2026, 11, 30)
    )
    catatan_id = pb.tambah_catatan(path, JATENG, "33.75", isi, waktu=waktu)
    log = simpan.baca_log(path, "33.75")
    baru = log[log["tabel"] == "catatan_pembinaan"]
    assert sorted(baru["kolom"]) == sorted(
        ["tanggal", "temuan", "rekomendasi", "penanggung_jawab", "tenggat", "status"]
    )
    assert baru["nilai_lama"].isna().all()
    assert set(baru["kunci"]) == {str(catatan_id)}
    assert set(baru["pengguna"]) == {"jateng"}
    # A status change logs old → new, one row, and the version goes up.
    lanjut = pb.IsiCatatan(isi.tanggal, isi.temuan, isi.rekomendasi, isi.penanggung_jawab, isi.tenggat, "selesai")
    assert pb.ubah_catatan(path, JATENG, catatan_id, lanjut, versi=1) == 1
    log = simpan.baca_log(path, "33.75")
    ubah = log[(log["tabel"] == "catatan_pembinaan") & (log["kolom"] == "status") & log["nilai_lama"].notna()]
    assert (ubah.iloc[0]["nilai_lama"], ubah.iloc[0]["nilai_baru"], ubah.iloc[0]["versi"]) == ("terbuka", "selesai", 2)
    # The same values again: nothing written.
    sebelum = sha_berkas(path)
    assert pb.ubah_catatan(path, JATENG, catatan_id, lanjut, versi=2) == 0
    assert sha_berkas(path) == sebelum
    # A change based on version 1 now: refused with who changed it, nothing written.
    with pytest.raises(
        pb.PembinaanError,
        match=r"sudah diubah oleh jateng pada \d+ \w+ 2026 \d\d:\d\d \(versi 2, isian Anda berdasarkan versi 1\)",
    ):
        pb.ubah_catatan(path, BOSS, catatan_id, isi, versi=1)
    assert sha_berkas(path) == sebelum
    with pytest.raises(simpan.LingkupError):  # another province's editor cannot change it either
        pb.ubah_catatan(path, DIY, catatan_id, isi, versi=2)
    with pytest.raises(pb.PembinaanError, match="nomor 999 tidak ada"):
        pb.ubah_catatan(path, JATENG, 999, isi, versi=1)


def test_teks_catatan_dibersihkan_dan_tenggat_kosong_tersimpan_null(db: Path):
    path = simpan.path_gugus(db)
    catatan_id = pb.tambah_catatan(path, JATENG, "33.75", pb.IsiCatatan(dt.date(2026, 11, 10), "Perwal\x0bbelum\x07 ",
                                                                         "  ", None, None))  # fmt: skip
    baris = pb.baca_catatan(path, "33", HARI).set_index("catatan_id").loc[catatan_id]
    assert baris["temuan"] == "Perwal\nbelum"
    assert baris["rekomendasi"] is None or pd.isna(baris["rekomendasi"])
    assert baris["tenggat"] is None
    assert not baris["lewat_tenggat"]


def test_tanggal_kalender_provinsi_berlingkup_dan_tercatat(db: Path):
    path = simpan.path_gugus(db)
    isi = kal.IsiKalender(2026, "verifikasi_provinsi", dt.date(2026, 12, 16), dt.date(2027, 1, 20), "Surat 400/123")
    with pytest.raises(simpan.LingkupError):
        kal.simpan_kalender(path, ANA, "33", isi)
    with pytest.raises(kal.KalenderError, match="sumber kosong"):
        kal.simpan_kalender(path, JATENG, "33", kal.IsiKalender(2026, "final", None, None, " "))
    assert not path.exists()
    assert kal.simpan_kalender(path, JATENG, "33", isi) == 4  # mulai, selesai, presisi, sumber
    assert kal.simpan_kalender(path, JATENG, "33", isi) == 0
    gabung = kal.gabung_kalender(kal.muat_kalender(), kal.baca_kalender_provinsi(path, "33"))
    hm = kal.hitung_mundur(gabung, HARI)
    assert hm.berikut is not None
    assert (hm.berikut.tahap, hm.hari_ke(hm.berikut)) == ("verifikasi_provinsi", 12)
    assert kal.baca_kalender_provinsi(path, "34").empty  # 33's dates are 33's only
    log = simpan.baca_log(path, "33")
    assert set(log["tabel"]) == {"kalender_provinsi"}
    assert set(log["kunci"]) == {"2026/verifikasi_provinsi"}
