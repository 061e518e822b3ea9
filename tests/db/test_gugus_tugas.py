"""The Gugus Tugas workspace: evidence catalogue, readiness maths, storage, scope, history, XLSX and CLI.

Golden values are worked out by hand from the catalogue's maxima (KLA24-01 = 70 over 4 items,
KLA24-02 = 80 over 5, KLA24-04 = 45 over 3, ...) and written in the comments beside them.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.akun import pengguna as akun
from indicators.akun.pengguna import Pengguna
from indicators.bangun import database
from indicators.gugus import layanan, simpan as gugus_simpan, tugas, xlsx
from indicators.katalog.data_dukung import data_dukung_bawaan, muat_data_dukung, path_data_dukung
from indicators.katalog.model import KatalogError, katalog_bawaan
from indicators.lokasi import PROYEK, STATIC_DIR
from tests.conftest import bunuh_saat_jeda, sha_berkas

KAT = katalog_bawaan()
DD = data_dukung_bawaan()
HARI = dt.date(2025, 6, 1)
EDITOR_PKL = Pengguna("ana.pkl", "editor", ("33.75",))
EDITOR_JATENG = Pengguna("budi.jateng", "editor", ("33",))
ADMIN = Pengguna("admin", "admin", ())
WAKTU = dt.datetime(2025, 6, 1, 9, 30)


def _tersimpan() -> pd.DataFrame:
    """The small fixture: five stored items of one region."""
    return pd.DataFrame(
        [
            {"indikator": "KLA24-01", "butir": "perda_kla", "status": "lengkap", "tenggat": None},
            {"indikator": "KLA24-01", "butir": "perbup_perwal_kla", "status": "diverifikasi", "tenggat": None},
            {"indikator": "KLA24-02", "butir": "sk_gugus_tugas", "status": "dalam_proses", "tenggat": "2025-05-31"},
            {"indikator": "KLA24-02", "butir": "rad_kla", "status": "belum", "tenggat": "2025-06-01"},
            {"indikator": "KLA24-04", "butir": "data_akta", "status": "lengkap", "tenggat": "2025-01-01"},
        ]
    ).assign(opd=None, catatan=None, referensi=None, diubah_oleh="uji", diubah_pada=WAKTU)


def _snapshot() -> pd.DataFrame:
    """Every indicator at its maximum except 01, 02, 04 and 21 at zero: total 1000 − 255 = 745 (Nindya)."""
    nol = {"KLA24-01", "KLA24-02", "KLA24-04", "KLA24-21"}
    return pd.DataFrame(
        [
            {"tanggal": dt.date(2025, 3, 31), "indikator": i.id, "nilai": 0.0 if i.id in nol else i.nilai_maks}
            for i in KAT.skema["KLA24"].indikator
        ]
    )


def _butir(tersimpan: pd.DataFrame | None = None, hari_ini: dt.date = HARI) -> pd.DataFrame:
    opd = tugas.opd_efektif(pd.DataFrame(columns=["indikator", "opd", "peran_kontak", "urutan"]), KAT, DD)
    butir = tugas.tabel_butir(_tersimpan() if tersimpan is None else tersimpan, opd, KAT, DD, hari_ini=hari_ini)
    acuan = tugas.acuan_skor(_snapshot(), pd.DataFrame(), KAT, "KLA24", "33.75")
    return tugas.tambah_prioritas(butir, acuan, KAT, "KLA24")


# --- catalogue ----------------------------------------------------------------------------------


def test_katalog_data_dukung_mencakup_setiap_indikator_dan_opd_dari_skema():
    skema = KAT.skema["KLA24"]
    assert list(DD.per_indikator) == [i.id for i in skema.indikator]
    assert sum(len(b) for b in DD.per_indikator.values()) == 64
    for ind in skema.indikator:
        for b in DD.per_indikator[ind.id]:
            assert DD.opd_butir(ind, b) in ind.opd_pengampu.butir
            assert b.status in {"C", "C2", "I", "?"}
            assert all(s in DD.referensi for s in b.sumber)
    jenis = {b.jenis for v in DD.per_indikator.values() for b in v}
    assert {"regulasi", "sk", "rencana", "anggaran", "layanan", "laporan", "foto"} <= jenis
    assert DD.butir("KLA24-02", "sk_gugus_tugas") is not None
    assert DD.butir("KLA24-02", "rad_kla") is not None


def test_katalog_data_dukung_rusak_ditolak_dengan_nama_entri(tmp_path: Path):
    teks = path_data_dukung("KLA24").read_text(encoding="utf-8")
    rusak = teks.replace('opd: "Dishub"', 'opd: "Dinas Entah"').replace('jenis: foto, opd: "DLH"', "jenis: video")
    path = tmp_path / "data_dukung_kla24.yaml"
    path.write_text(rusak, encoding="utf-8")
    with pytest.raises(KatalogError) as info:
        muat_data_dukung(path, KAT)
    assert "data_dukung_kla24.yaml" in str(info.value)
    assert "video" in str(info.value)
    path.write_text(teks.replace('opd: "Dishub"', 'opd: "Dinas Entah"'), encoding="utf-8")
    with pytest.raises(KatalogError, match=r"KLA24-11.*rute_aman_sekolah.*Dinas Entah"):
        muat_data_dukung(path, KAT)


# --- readiness -----------------------------------------------------------------------------------


def test_kesiapan_per_klaster_dan_poin_dipertaruhkan_golden():
    butir = _butir()
    r = tugas.ringkasan(butir)
    # 64 items; complete: perda_kla, perbup_perwal_kla, data_akta; points: 1000 − 17,5 − 17,5 − 15 = 950
    assert r == {
        "jumlah": 64,
        "selesai": 3,
        "belum_ada": 60,  # 64 − 3 complete − 1 in progress
        "dalam_proses": 1,
        "terlambat": 1,
        "persen_siap": 4.7,
        "poin_dipertaruhkan": 950.0,
    }
    klaster = tugas.kesiapan(butir, "kelompok").set_index("kelompok")
    kel = klaster.loc["kelembagaan"]
    # 4 + 5 + 4 items; 2 complete (1 verified), 1 in progress, 10 missing, 1 overdue (sk_gugus_tugas)
    assert (kel["jumlah"], kel["selesai"], kel["diverifikasi"], kel["dalam_proses"]) == (13, 2, 1, 1)
    assert (kel["belum_ada"], kel["terlambat"], kel["persen_siap"]) == (10, 1, 15.4)
    assert kel["poin_dipertaruhkan"] == 165.0  # (70 − 35) + 80 + 50
    # Snapshot 745 → Utama needs 55,01; the largest room is KLA24-02 (80), which alone covers it.
    assert kel["poin_prioritas"] == 80.0
    assert klaster.loc["klaster_1", "poin_dipertaruhkan"] == 105.0  # (45 − 15) + 35 + 40
    assert klaster.loc["klaster_1", "poin_prioritas"] == 0.0
    urutan = list(tugas.kesiapan(butir, "kelompok")["kelompok"])
    # priority first, then points at stake: III 210, V 180, II 160, IV 130, I 105
    assert urutan == ["kelembagaan", "klaster_3", "klaster_5", "klaster_2", "klaster_4", "klaster_1"]


def test_kesiapan_per_opd_mengikuti_pemilik_dan_prioritas():
    per_opd = tugas.kesiapan(_butir(), "opd")
    pertama = per_opd.iloc[0]
    # KLA24-02: sk_gugus_tugas, notulen_rapat_gt and profil_anak belong to the GT secretariat: 3 × 16
    assert pertama["opd"] == "DP3A (sekretariat Gugus Tugas KLA)"
    assert pertama["poin_prioritas"] == 48.0
    assert (pertama["terlambat"], pertama["dalam_proses"]) == (1, 1)
    bappeda = per_opd.set_index("opd").loc["Bappeda"]
    assert bappeda["poin_prioritas"] == 16.0  # rad_kla (default owner: KLA24-02's first OPD pengampu)
    assert per_opd["jumlah"].sum() == 64
    assert per_opd["poin_dipertaruhkan"].sum() == pytest.approx(950.0, abs=0.05)  # each OPD's sum is rounded


def test_butir_diurutkan_menurut_penutup_selisih_lalu_ruang():
    butir = _butir()
    assert list(butir["indikator"].head(5)) == ["KLA24-02"] * 5
    assert bool(butir["menutup_selisih"].head(5).all())
    assert not bool(butir["menutup_selisih"].iloc[5:].any())
    assert list(butir["indikator"].iloc[5:9]) == ["KLA24-01"] * 4  # room 70, then KLA24-21 (60)
    assert butir["indikator"].iloc[9] == "KLA24-21"


@pytest.mark.parametrize(
    ("tenggat", "status", "terlambat"),
    [
        (dt.date(2025, 6, 1), "belum", False),  # due today: not yet overdue
        (dt.date(2025, 5, 31), "belum", True),  # due yesterday
        (dt.date(2025, 5, 31), "dalam_proses", True),
        (dt.date(2025, 5, 31), "lengkap", False),  # complete: never overdue
        (dt.date(2025, 5, 31), "diverifikasi", False),
        (dt.date(2025, 6, 2), "belum", False),
        (None, "belum", False),
    ],
)
def test_lewat_tenggat_di_tepi_tanggal(tenggat: dt.date | None, status: str, terlambat: bool):
    simpan = pd.DataFrame(
        [{"indikator": "KLA24-01", "butir": "perda_kla", "status": status, "tenggat": tenggat}]
    ).assign(opd=None, catatan=None, referensi=None, diubah_oleh="uji", diubah_pada=WAKTU)
    butir = _butir(simpan)
    baris = butir[(butir["indikator"] == "KLA24-01") & (butir["butir"] == "perda_kla")].iloc[0]
    assert bool(baris["terlambat"]) is terlambat
    assert tugas.ringkasan(butir)["terlambat"] == int(terlambat)


def test_status_dari_teks_menerima_label_dan_kode():
    assert tugas.status_dari_teks("Dalam Proses") == "dalam_proses"
    assert tugas.status_dari_teks("dalam_proses") == "dalam_proses"
    assert tugas.status_dari_teks(" complete ") == "lengkap"
    assert tugas.status_dari_teks("selesai") is None


def test_lintasan_dan_penurunan_tahap():
    snap = pd.concat([_snapshot(), _snapshot().assign(tanggal=dt.date(2025, 6, 30), nilai=lambda d: d["nilai"] / 2)])
    lintasan = tugas.lintasan_snapshot(snap, KAT, "33.75")
    assert list(lintasan["tanggal"]) == [dt.date(2025, 3, 31), dt.date(2025, 6, 30)]
    assert list(lintasan["total"]) == [745.0, 372.5]
    assert list(lintasan["predikat_hitung"]) == ["Nindya", None]
    skor = pd.DataFrame(
        [
            {"tahun": 2023, "kode_wilayah": "33.75", "indikator": i.id, "tahap": tahap, "nilai": i.nilai_maks * p}
            for i in KAT.skema["KLA24"].indikator
            for tahap, p in (("mandiri", 0.9), ("final", 0.8))
        ]
    )
    penurunan = tugas.penurunan_tahap(skor, KAT)
    assert penurunan.to_dict("records") == [{"tahun": 2023, "mandiri": 900.0, "final": 800.0, "penurunan": -100.0}]
    proyeksi = tugas.proyeksi_final(lintasan.head(1), penurunan, KAT)
    assert proyeksi == {
        "total_snapshot": 745.0,
        "rata_penurunan": -100.0,
        "perkiraan_final": 645.0,
        "predikat_perkiraan": "Madya",
    }
    assert tugas.tahun_evaluasi_berikut(KAT, dt.date(2026, 1, 1)) == 2027


# --- storage, scope and history --------------------------------------------------------------------


def test_path_gugus_di_samping_database():
    assert gugus_simpan.path_gugus(Path("data/kla.duckdb")) == Path("data/kla.gugus.duckdb")


def test_editor_33_75_tidak_dapat_mengubah_33_26(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    ubah = [gugus_simpan.UbahButir("KLA24-01", "perda_kla", "lengkap")]
    with pytest.raises(gugus_simpan.LingkupError, match=r"ana\.pkl.*33\.75.*33\.26"):
        gugus_simpan.simpan_butir(path, EDITOR_PKL, "33.26", ubah, DD)
    with pytest.raises(gugus_simpan.LingkupError):
        gugus_simpan.simpan_snapshot(path, EDITOR_PKL, "33.26", HARI, {"KLA24-01": 10.0}, KAT, "KLA24")
    with pytest.raises(gugus_simpan.LingkupError):
        gugus_simpan.atur_opd(path, EDITOR_PKL, "33.26", "KLA24-09", [("Dinsos", "Kabid")], KAT, DD)
    assert not path.exists()  # nothing was written, not even an empty workspace
    assert gugus_simpan.simpan_butir(path, EDITOR_PKL, "33.75", ubah, DD, waktu=WAKTU) == 1
    sebelum = sha_berkas(path)
    with pytest.raises(gugus_simpan.LingkupError):
        gugus_simpan.simpan_butir(path, EDITOR_PKL, "33.26", ubah, DD)
    assert sha_berkas(path) == sebelum
    # A province editor (33) covers 33.26; an admin covers everything.
    assert gugus_simpan.simpan_butir(path, EDITOR_JATENG, "33.26", ubah, DD) == 1
    assert gugus_simpan.simpan_butir(path, ADMIN, "35.78", ubah, DD) == 1


def test_riwayat_mencatat_nilai_lama_dan_baru(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    pertama = gugus_simpan.UbahButir("KLA24-02", "sk_gugus_tugas", "dalam_proses", tenggat=dt.date(2025, 6, 30))
    assert gugus_simpan.simpan_butir(path, EDITOR_PKL, "33.75", [pertama], DD, waktu=WAKTU) == 2
    kedua = gugus_simpan.UbahButir(
        "KLA24-02", "sk_gugus_tugas", "lengkap", tenggat=dt.date(2025, 6, 30), referensi="SK Wali Kota 463/123/2025"
    )
    nanti = WAKTU + dt.timedelta(days=3)
    assert gugus_simpan.simpan_butir(path, EDITOR_PKL, "33.75", [kedua], DD, waktu=nanti) == 2
    assert gugus_simpan.simpan_butir(path, EDITOR_PKL, "33.75", [kedua], DD) == 0  # no change, no entry
    gugus_simpan.atur_opd(path, EDITOR_PKL, "33.75", "KLA24-09", [("DinsosP2KBP3A", "Kabid Rehsos")], KAT, DD)
    gugus_simpan.simpan_snapshot(path, EDITOR_PKL, "33.75", HARI, {"KLA24-01": 50.0}, KAT, "KLA24", waktu=nanti)
    gugus_simpan.simpan_snapshot(path, EDITOR_PKL, "33.75", HARI, {"KLA24-01": 55.5}, KAT, "KLA24", waktu=nanti)
    log = gugus_simpan.baca_log(path, "33.75")
    ringkas = [
        (
            r.tabel,
            r.kunci,
            r.kolom,
            None if tugas.kosong(r.nilai_lama) else r.nilai_lama,
            r.nilai_baru,
            r.pengguna,
        )
        for r in log.sort_values("log_id").itertuples()
    ]
    assert ringkas == [
        ("butir_checklist", "KLA24-02/sk_gugus_tugas", "status", "belum", "dalam_proses", "ana.pkl"),
        ("butir_checklist", "KLA24-02/sk_gugus_tugas", "tenggat", None, "2025-06-30", "ana.pkl"),
        ("butir_checklist", "KLA24-02/sk_gugus_tugas", "status", "dalam_proses", "lengkap", "ana.pkl"),
        ("butir_checklist", "KLA24-02/sk_gugus_tugas", "referensi", None, "SK Wali Kota 463/123/2025", "ana.pkl"),
        (
            "opd_indikator",
            "KLA24-09",
            "opd_pengampu",
            "Dinas Sosial (Sub-bagian perencanaan dan evaluasi (renval) OPD)",
            "DinsosP2KBP3A (Kabid Rehsos)",
            "ana.pkl",
        ),
        ("snapshot_skor", "2025-06-01/KLA24-01", "nilai", None, "50", "ana.pkl"),
        ("snapshot_skor", "2025-06-01/KLA24-01", "nilai", "50", "55.5", "ana.pkl"),
    ]
    assert list(log.sort_values("log_id")["waktu"].head(3)) == [WAKTU, WAKTU, nanti]
    # The OPD change moves KLA24-09's items to the region's OPD.
    opd = tugas.opd_efektif(gugus_simpan.baca_opd(path, "33.75"), KAT, DD)
    butir = tugas.tabel_butir(gugus_simpan.baca_butir(path, "33.75"), opd, KAT, DD, hari_ini=HARI)
    assert set(butir.loc[butir["indikator"] == "KLA24-09", "opd"]) == {"DinsosP2KBP3A"}


def test_nilai_snapshot_di_luar_rentang_ditolak_semua(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    with pytest.raises(gugus_simpan.GugusError) as info:
        gugus_simpan.simpan_snapshot(
            path, EDITOR_PKL, "33.75", HARI, {"KLA24-01": 71.0, "KLA24-02": -1.0, "KLA24-99": 1.0}, KAT, "KLA24"
        )
    pesan = info.value.teks("id")
    assert "KLA24-01: nilai '71.0' di luar 0–70" in pesan
    assert "KLA24-02" in pesan
    assert "KLA24-99" in pesan
    assert not path.exists()


def test_ruang_kerja_bertahan_setelah_kla_db_build(db: Path):
    path = gugus_simpan.path_gugus(db)
    gugus_simpan.simpan_butir(
        path, EDITOR_PKL, "33.75", [gugus_simpan.UbahButir("KLA24-01", "perda_kla", "lengkap")], DD
    )
    sebelum = sha_berkas(path)
    database.bangun_database(db, static_dir=STATIC_DIR)
    assert sha_berkas(path) == sebelum
    rk = layanan.ruang_kerja(db, KAT, DD, "33.75", HARI)
    assert int(rk.butir["selesai"].sum()) == 1
    assert rk.acuan.asal == "evaluasi"
    assert rk.acuan.sintetis


def test_proses_yang_dibunuh_di_tengah_tulis_tidak_mengubah_apa_pun(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    gugus_simpan.simpan_butir(
        path, EDITOR_PKL, "33.75", [gugus_simpan.UbahButir("KLA24-01", "perda_kla", "lengkap")], DD
    )
    sebelum = sha_berkas(path)
    kode = (
        "import datetime as dt; from pathlib import Path; from indicators.gugus import simpan as g; "
        "from indicators.akun.pengguna import Pengguna; from indicators.katalog.data_dukung import data_dukung_bawaan; "
        f"g.simpan_butir(Path({str(path)!r}), Pengguna('ana.pkl','editor',('33.75',)), '33.75', "
        "[g.UbahButir('KLA24-02','rad_kla','lengkap')], data_dukung_bawaan())"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", kode],
        cwd=PROYEK,
        env={gugus_simpan.ENV_JEDA_UJI: "300", "PATH": "/usr/bin:/bin"},
        stderr=subprocess.PIPE,
        text=True,
    )
    bunuh_saat_jeda(proc)  # at its test pause, inside the write transaction
    assert sha_berkas(path) == sebelum
    assert list(path.parent.glob("*.tulis-*"))  # the abandoned copy; the next writer removes it
    gugus_simpan.simpan_butir(
        path, EDITOR_PKL, "33.75", [gugus_simpan.UbahButir("KLA24-03", "mou_media", "lengkap")], DD
    )
    assert not list(path.parent.glob("*.tulis-*"))
    simpan = gugus_simpan.baca_butir(path, "33.75")
    assert sorted(simpan["butir"]) == ["mou_media", "perda_kla"]


# --- XLSX export and import -------------------------------------------------------------------------


def _ekspor(db: Path, kode: str = "33.75") -> bytes:
    rk = layanan.ruang_kerja(db, KAT, DD, kode, HARI)
    return xlsx.tulis_xlsx(
        rk.butir,
        rk.opd,
        kode_wilayah=kode,
        nama_wilayah="Kota Pekalongan" if kode == "33.75" else "Kabupaten Pekalongan",
        dibuat=HARI,
        nama_indikator={i.id: i.label.teks for i in KAT.skema["KLA24"].indikator},
        catatan_acuan=layanan.catatan_acuan(rk.acuan),
        sintetis=rk.acuan.sintetis,
    )


def _kabkota(db: Path) -> dict[str, str]:
    from indicators.io import store

    w = store.kueri(db, "wilayah_kabkota")
    return dict(zip(w["kode_wilayah"], w["nama"], strict=True))


def _baris_butir(ws, kode_butir: str) -> int:
    for r in range(1, ws.max_row + 1):
        if ws.cell(row=r, column=4).value == kode_butir:
            return r
    raise AssertionError(kode_butir)


def test_ekspor_satu_sheet_per_opd_dan_teks_rumus_dinetralkan(db: Path):
    path = gugus_simpan.path_gugus(db)
    gugus_simpan.simpan_butir(
        path,
        EDITOR_PKL,
        "33.75",
        [
            gugus_simpan.UbahButir(
                "KLA24-01", "perda_kla", "lengkap", catatan='=HYPERLINK("http://x")', referensi="@SUM"
            )
        ],
        DD,
    )
    isi = _ekspor(db)
    wb = load_workbook(io.BytesIO(isi))
    rk = layanan.ruang_kerja(db, KAT, DD, "33.75", HARI)
    opd = list(dict.fromkeys(rk.butir["opd"]))
    assert len(wb.worksheets) == len(opd) == rk.butir["opd"].nunique()
    assert [ws["B4"].value for ws in wb.worksheets] == opd
    ws = wb.worksheets[[ws["B4"].value for ws in wb.worksheets].index("Bagian/Biro Hukum Setda")]
    assert ws["A1"].value == "Daftar data dukung evaluasi KLA — Bagian/Biro Hukum Setda"
    assert (ws["B2"].value, ws["B3"].value, ws["B6"].value) == ("Kota Pekalongan", "33.75", "1 Juni 2025")
    assert "asumsi" in ws["B7"].value
    assert "sintetis" in ws["B8"].value
    r = _baris_butir(ws, "perda_kla")
    catatan, referensi = ws.cell(row=r, column=8), ws.cell(row=r, column=9)
    assert catatan.data_type == "s"
    assert catatan.value == '\'=HYPERLINK("http://x")'
    assert referensi.value == "'@SUM"
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    total = sum(
        float(w.cell(row=b, column=10).value)
        for w in wb.worksheets
        for b in range(11, w.max_row + 1)
        if w.cell(row=b, column=10).value is not None
    )
    assert total == pytest.approx(1000 - 17.5, abs=0.1)  # cells hold two-decimal shares (35 / 3 = 11,67)


def test_xlsx_bolak_balik_lewat_impor(db: Path):
    path = gugus_simpan.path_gugus(db)
    kabkota = _kabkota(db)
    isi = _ekspor(db)
    hasil = xlsx.baca_xlsx(isi, "checklist.xlsx", DD, kabkota, EDITOR_PKL)
    assert hasil.sah
    assert hasil.kode_wilayah == "33.75"
    assert hasil.baris == 64
    assert hasil.perubahan == []  # no row was edited: every row still matches its Versi fingerprint
    rk = layanan.ruang_kerja(db, KAT, DD, "33.75", HARI)
    perubahan = xlsx.selaraskan_opd(hasil.perubahan, rk.butir, rk.tersimpan)
    assert gugus_simpan.jumlah_berubah(perubahan, rk.tersimpan) == 0  # unchanged file: nothing to write
    wb = load_workbook(io.BytesIO(isi))
    ws = next(w for w in wb.worksheets if w["B4"].value == "Bappeda")
    r = _baris_butir(ws, "rad_kla")
    ws.cell(row=r, column=6).value = "lengkap"
    ws.cell(row=r, column=7).value = dt.datetime(2025, 7, 15)
    ws.cell(row=r, column=9).value = "Perwal 12/2024 tentang RAD KLA"
    buf = io.BytesIO()
    wb.save(buf)
    hasil = xlsx.baca_xlsx(buf.getvalue(), "checklist.xlsx", DD, kabkota, EDITOR_PKL)
    assert hasil.sah
    perubahan = xlsx.selaraskan_opd(hasil.perubahan, rk.butir, rk.tersimpan)
    assert gugus_simpan.jumlah_berubah(perubahan, rk.tersimpan) == 1
    assert gugus_simpan.simpan_butir(path, EDITOR_PKL, "33.75", perubahan, DD) == 3
    simpan = gugus_simpan.baca_butir(path, "33.75").iloc[0]
    assert (simpan["butir"], simpan["status"], simpan["referensi"]) == (
        "rad_kla",
        "lengkap",
        "Perwal 12/2024 tentang RAD KLA",
    )
    assert pd.Timestamp(simpan["tenggat"]).date() == dt.date(2025, 7, 15)
    assert simpan["opd"] is None or pd.isna(simpan["opd"])  # the default owner stays default


def _berkas_rusak(isi: bytes) -> bytes:
    wb = load_workbook(io.BytesIO(isi))
    ws = next(w for w in wb.worksheets if w["B4"].value == "Bappeda")
    r = _baris_butir(ws, "rad_kla")
    ws.cell(row=r, column=6).value = "selesai"  # unknown status
    ws.cell(row=r, column=7).value = "31/02/2025"  # not a date
    ws.cell(row=r + 1, column=2).value = "KLA24-99"  # unknown indicator
    ws.cell(row=r + 1, column=8).value = "=1+1"  # a formula
    lain = next(w for w in wb.worksheets if w["B4"].value == "Disdukcapil")
    lain.cell(row=_baris_butir(lain, "data_akta"), column=4).value = "data_akte"  # unknown item
    lain["B3"] = "33.26"  # another region than the first sheet
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_impor_menolak_berkas_rusak_seluruhnya_dengan_setiap_masalah(db: Path):
    path = gugus_simpan.path_gugus(db)
    gugus_simpan.simpan_butir(
        path, EDITOR_PKL, "33.75", [gugus_simpan.UbahButir("KLA24-01", "perda_kla", "lengkap")], DD
    )
    sebelum = sha_berkas(path)
    hasil = xlsx.baca_xlsx(_berkas_rusak(_ekspor(db)), "rusak.xlsx", DD, _kabkota(db), EDITOR_PKL)
    assert not hasil.sah
    assert hasil.perubahan == []
    teks = [m.teks("id") for m in hasil.masalah]
    kode = sorted(m.kode for m in hasil.masalah)
    assert kode == sorted(
        [
            "ck_status_tak_dikenal",
            "ck_tanggal_tak_sah",
            "ck_indikator_tak_dikenal",
            "ck_rumus",
            "ck_butir_tak_dikenal",
            "ck_wilayah_beda",
        ]
    )
    assert any(
        t.startswith("rusak.xlsx, sheet 'Bappeda', baris ")
        and "kolom 'Status'" in t
        and "nilai 'selesai'" in t
        and "harapan: belum, dalam proses, lengkap atau diverifikasi" in t
        for t in teks
    )
    assert any("kolom 'Tenggat'" in t and "'31/02/2025'" in t and "bukan tanggal" in t for t in teks)
    assert any("kolom 'Catatan'" in t and "rumus" in t for t in teks)
    assert any("sheet 'Disdukcapil'" in t and "'data_akte'" in t and "data_akta" in t for t in teks)
    assert any("kolom 'Kode wilayah'" in t and "'33.26'" in t for t in teks)
    assert any("column 'Status'" in m.teks("en") and "unknown status" in m.teks("en") for m in hasil.masalah)
    assert sha_berkas(path) == sebelum


# --- CLI ---------------------------------------------------------------------------------------------


def _kla(*args: str, masukan: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROYEK / ".venv" / "bin" / "kla"), *args], cwd=PROYEK, input=masukan, capture_output=True, text=True
    )


def test_cli_ekspor_impor_dan_lingkup_editor(db: Path, tmp_path: Path):
    akun.tambah_pengguna(akun.path_akun(db), "ana.pkl", "editor", ["33.75"], "sandi-rahasia-1")
    path = gugus_simpan.path_gugus(db)
    keluar = tmp_path / "33.26.xlsx"
    hasil = _kla("checklist", "export", "--wilayah", "33.26", "--out", str(keluar), "--db", str(db))
    assert hasil.returncode == 0, hasil.stderr
    assert "Kabupaten Pekalongan (33.26)" in hasil.stdout
    wb = load_workbook(keluar)
    assert len(wb.worksheets) == len({w["B4"].value for w in wb.worksheets})
    ws = wb.worksheets[0]
    ws.cell(row=11, column=6).value = "lengkap"
    wb.save(keluar)
    # An editor of 33.75 may not load 33.26's checklist: refused whole, nothing written.
    args = ["checklist", "import", str(keluar), "--db", str(db), "--user", "ana.pkl", "--password-stdin"]
    hasil = _kla(*args, masukan="sandi-rahasia-1\n")
    assert hasil.returncode == 2
    assert "kolom 'Kode wilayah'" in hasil.stderr
    assert "di luar lingkup akun ana.pkl" in hasil.stderr
    assert "33.75" in hasil.stderr
    assert "Traceback" not in hasil.stderr
    assert not path.exists()
    hasil = _kla(*args, masukan="sandi-salah-sekali\n")
    assert hasil.returncode == 2
    assert "sandi salah" in hasil.stderr
    # The same editor loads its own region.
    sendiri = tmp_path / "33.75.xlsx"
    assert _kla("checklist", "export", "--wilayah", "33.75", "--out", str(sendiri), "--db", str(db)).returncode == 0
    wb = load_workbook(sendiri)
    wb.worksheets[0].cell(row=11, column=6).value = "diverifikasi"
    wb.save(sendiri)
    args[2] = str(sendiri)
    hasil = _kla(*args, masukan="sandi-rahasia-1\n")
    assert hasil.returncode == 0, hasil.stderr
    assert "1 butir berubah" in hasil.stdout
    assert "oleh ana.pkl" in hasil.stdout
    log = gugus_simpan.baca_log(path, "33.75")
    assert list(log["nilai_baru"]) == ["diverifikasi"]
    assert list(log["asal"]) == ["impor 33.75.xlsx"]


def test_cli_impor_berkas_rusak_keluar_2_dan_ruang_kerja_tidak_berubah(db: Path, tmp_path: Path):
    path = gugus_simpan.path_gugus(db)
    gugus_simpan.simpan_butir(path, ADMIN, "33.75", [gugus_simpan.UbahButir("KLA24-01", "perda_kla", "lengkap")], DD)
    sebelum = sha_berkas(path)
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(_berkas_rusak(_ekspor(db)))
    hasil = _kla("checklist", "import", str(rusak), "--db", str(db))
    assert hasil.returncode == 2
    assert "Ditemukan 6 masalah; tidak ada yang disimpan" in hasil.stderr
    assert "Traceback" not in hasil.stderr
    assert sha_berkas(path) == sebelum
    bukan = tmp_path / "bukan.xlsx"
    bukan.write_text("bukan excel", encoding="utf-8")
    hasil = _kla("checklist", "import", str(bukan), "--db", str(db), "--bahasa", "en")
    assert hasil.returncode == 2
    assert "the file is not an XLSX" in hasil.stderr
    hasil = _kla("checklist", "export", "--wilayah", "99.99", "--out", str(tmp_path / "x.xlsx"), "--db", str(db))
    assert hasil.returncode == 2
    assert "bukan kab/kota yang dikenal" in hasil.stderr
    assert sha_berkas(path) == sebelum
