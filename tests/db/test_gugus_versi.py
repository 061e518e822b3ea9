"""Checklist item versions, unchanged saves, exact round trips and control characters (issue #18, items 2, 3, 15).

A save carries the item version it was based on: a save on a stale item is refused with the newer
change (who, when, what) and writes nothing; only changed fields are written. Two `kla checklist
import` runs from the same export: the second is refused whole when one of its edited rows is
stale, and rows nobody edited never undo a newer change. A save that changes nothing writes
nothing. Notes survive an export → import round trip exactly, and control characters pasted from
Word never break an export.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.akun.pengguna import Pengguna
from indicators.gugus import layanan, simpan as gugus_simpan, xlsx
from indicators.io import store
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan
from indicators.lokasi import PROYEK
from tests.conftest import sha_berkas

KAT = katalog_bawaan()
DD = data_dukung_bawaan()
HARI = dt.date(2025, 6, 1)
ANA = Pengguna("ana.pkl", "editor", ("33.75",))
BUDI = Pengguna("budi.pkl", "editor", ("33.75",))
WAKTU = dt.datetime(2025, 6, 1, 9, 30)
K_STATUS, K_TENGGAT, K_CATATAN, K_VERSI = 6, 7, 8, 12  # columns of the exported item table
BARIS_PERTAMA = 11  # the first item row (header at row 10)


def _ubah(butir: str = "perda_kla", **isian: object) -> gugus_simpan.UbahButir:
    return gugus_simpan.UbahButir("KLA24-01", butir, **{"status": "belum", **isian})  # type: ignore[arg-type]


def _kla(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROYEK / ".venv" / "bin" / "kla"), *args], cwd=PROYEK, capture_output=True, text=True, timeout=300
    )


def _ekspor(db: Path, out: Path) -> Path:
    hasil = _kla("checklist", "export", "--wilayah", "33.75", "--out", str(out), "--db", str(db))
    assert hasil.returncode == 0, hasil.stderr
    return out


def _impor(db: Path, berkas: Path, *lain: str) -> subprocess.CompletedProcess[str]:
    return _kla("checklist", "import", str(berkas), "--db", str(db), *lain)


def _cari(wb, kode_butir: str):
    """The sheet and row of an item in an exported workbook."""
    for ws in wb.worksheets:
        for r in range(BARIS_PERTAMA, ws.max_row + 1):
            if ws.cell(row=r, column=4).value == kode_butir:
                return ws, r
    raise AssertionError(kode_butir)


# --- lost updates -------------------------------------------------------------------------------


def test_simpan_dari_versi_lama_ditolak_dengan_perubahan_yang_lebih_baru(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    # Both editors loaded the untouched item (version 0). Budi marks it complete first.
    assert gugus_simpan.simpan_butir(path, BUDI, "33.75", [_ubah(status="lengkap", versi=0)], DD, waktu=WAKTU) == 1
    sebelum, log_sebelum = sha_berkas(path), len(gugus_simpan.baca_log(path, "33.75"))
    # Ana's page still shows "belum"; she only typed a note.
    catatan_ana = _ubah(catatan="menunggu tanda tangan", versi=0, kolom=frozenset({"catatan"}))
    with pytest.raises(gugus_simpan.KonflikError) as info:
        gugus_simpan.simpan_butir(path, ANA, "33.75", [catatan_ana], DD)
    pesan = info.value.teks("id")
    assert "KLA24-01/perda_kla" in pesan
    assert "budi.pkl" in pesan
    assert "1 Juni 2025 09:30" in pesan
    assert "status belum → lengkap" in pesan
    assert "versi yang Anda ubah 0, kini 1" in pesan
    assert "was changed by budi.pkl" in info.value.teks("en")
    assert [(k.kunci, k.versi_dasar, k.versi_kini) for k in info.value.konflik] == [("KLA24-01/perda_kla", 0, 1)]
    assert sha_berkas(path) == sebelum  # refused: nothing written, not even a history row
    assert len(gugus_simpan.baca_log(path, "33.75")) == log_sebelum
    # On the current version, only the field she changed is written: Budi's "lengkap" stays.
    ulang = _ubah(status="belum", catatan="menunggu tanda tangan", versi=1, kolom=frozenset({"catatan"}))
    assert gugus_simpan.simpan_butir(path, ANA, "33.75", [ulang], DD) == 1
    simpan = gugus_simpan.baca_butir(path, "33.75").iloc[0]
    assert (simpan["status"], simpan["catatan"], simpan["versi"]) == ("lengkap", "menunggu tanda tangan", 2)
    log = gugus_simpan.baca_log(path, "33.75")
    assert list(zip(log["kolom"], log["versi"], strict=True)) == [("catatan", 2), ("status", 1)]


def test_simpan_semua_atau_tidak_sama_sekali_bila_satu_butir_basi(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    gugus_simpan.simpan_butir(path, BUDI, "33.75", [_ubah(status="lengkap")], DD)
    sebelum = sha_berkas(path)
    dua = [_ubah("perbup_perwal_kla", status="lengkap", versi=0), _ubah(catatan="x", versi=0)]
    with pytest.raises(gugus_simpan.KonflikError) as info:
        gugus_simpan.simpan_butir(path, ANA, "33.75", dua, DD)
    assert [k.butir for k in info.value.konflik] == ["perda_kla"]
    assert sha_berkas(path) == sebelum  # the fresh item was not written either
    # Saving the values already stored is no change, so a stale version does not matter there.
    assert gugus_simpan.simpan_butir(path, ANA, "33.75", [_ubah(status="lengkap", versi=0)], DD) == 0


# --- unchanged saves ----------------------------------------------------------------------------


def test_simpan_tanpa_perubahan_tidak_mencatat_dan_tidak_menulis_berkas(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    ubah = _ubah(status="dalam_proses", catatan="draf di Bagian Hukum", referensi="  ")
    assert gugus_simpan.simpan_butir(path, ANA, "33.75", [ubah], DD, waktu=WAKTU) == 2
    sebelum, mtime = sha_berkas(path), path.stat().st_mtime_ns
    # The same item again, without a due date (stored NULL, read back as NaT): nothing changed.
    assert gugus_simpan.simpan_butir(path, ANA, "33.75", [ubah], DD) == 0
    spasi = _ubah(status="dalam_proses", catatan=" draf di Bagian Hukum \n")  # as typed, around the same text
    assert gugus_simpan.simpan_butir(path, ANA, "33.75", [spasi], DD) == 0
    assert (sha_berkas(path), path.stat().st_mtime_ns) == (sebelum, mtime)
    log = gugus_simpan.baca_log(path, "33.75")
    assert sorted(log["kolom"]) == ["catatan", "status"]  # no "tenggat NaT → (kosong)"


def test_impor_ulang_ekspor_tanpa_perubahan_tidak_mengubah_apa_pun(db: Path, tmp_path: Path):
    path = gugus_simpan.path_gugus(db)
    berkas = _ekspor(db, tmp_path / "awal.xlsx")
    wb = load_workbook(berkas)
    for ws in wb.worksheets:  # every item in progress, none with a due date: all 64 stored
        for r in range(BARIS_PERTAMA, ws.max_row + 1):
            ws.cell(row=r, column=K_STATUS).value = "dalam proses"
    wb.save(berkas)
    hasil = _impor(db, berkas)
    assert hasil.returncode == 0, hasil.stderr
    assert "64 butir berubah" in hasil.stdout
    sebelum, log_sebelum = sha_berkas(path), len(gugus_simpan.baca_log(path, "33.75"))
    ulang = _ekspor(db, tmp_path / "ulang.xlsx")
    hasil = _impor(db, ulang)
    assert hasil.returncode == 0, hasil.stderr
    assert "64 baris; 0 butir berubah" in hasil.stdout
    assert sha_berkas(path) == sebelum
    assert len(gugus_simpan.baca_log(path, "33.75")) == log_sebelum


# --- two imports from the same export -------------------------------------------------------------


def test_dua_impor_dari_ekspor_yang_sama_yang_kedua_ditolak_seluruhnya(db: Path, tmp_path: Path):
    path = gugus_simpan.path_gugus(db)
    pertama = _ekspor(db, tmp_path / "pertama.xlsx")
    kedua = tmp_path / "kedua.xlsx"
    shutil.copyfile(pertama, kedua)
    wb = load_workbook(pertama)
    ws, r = _cari(wb, "perda_kla")
    ws.cell(row=r, column=K_STATUS).value = "lengkap"
    wb.save(pertama)
    wb = load_workbook(kedua)
    ws, r = _cari(wb, "perda_kla")
    ws.cell(row=r, column=K_CATATAN).value = "sudah diminta ke DPRD"  # an edit on a row the first import changed
    sheet_konflik, baris_konflik = ws.title, r
    ws2, r2 = _cari(wb, "rad_kla")
    ws2.cell(row=r2, column=K_STATUS).value = "dalam proses"
    wb.save(kedua)
    assert _impor(db, pertama).returncode == 0
    sebelum = sha_berkas(path)
    for lain in (("--dry-run",), ()):
        hasil = _impor(db, kedua, *lain)
        assert hasil.returncode == 2, hasil.stdout
        assert "1 baris diisi dari versi butir yang lebih lama" in hasil.stderr
        assert f"kedua.xlsx, sheet '{sheet_konflik}', baris {baris_konflik}: Butir KLA24-01/perda_kla" in hasil.stderr
        assert "status belum → lengkap" in hasil.stderr
        assert "ganti angka sebelum tanda '-' di kolom Versi" in hasil.stderr
        assert "Traceback" not in hasil.stderr
        assert sha_berkas(path) == sebelum  # all or nothing: rad_kla was not written either
    simpan = gugus_simpan.baca_butir(path, "33.75")
    assert list(zip(simpan["butir"], simpan["status"], strict=True)) == [("perda_kla", "lengkap")]
    # Without the stale edit the second file goes in, and its untouched perda_kla row (still
    # "belum" in the file) does not undo the first import.
    wb = load_workbook(kedua)
    ws, r = _cari(wb, "perda_kla")
    ws.cell(row=r, column=K_CATATAN).value = None
    wb.save(kedua)
    hasil = _impor(db, kedua)
    assert hasil.returncode == 0, hasil.stderr
    assert "1 butir berubah" in hasil.stdout
    simpan = gugus_simpan.baca_butir(path, "33.75").set_index("butir")
    assert (simpan.loc["perda_kla", "status"], simpan.loc["rad_kla", "status"]) == ("lengkap", "dalam_proses")
    # Having seen the newer change, the user keeps the note: the version before '-' becomes the
    # current one, as the message says. Only the edited field is written; "lengkap" stays.
    wb = load_workbook(kedua)
    ws, r = _cari(wb, "perda_kla")
    ws.cell(row=r, column=K_CATATAN).value = "sudah diminta ke DPRD"
    stempel = str(ws.cell(row=r, column=K_VERSI).value)
    assert stempel.startswith("0-")
    ws.cell(row=r, column=K_VERSI).value = "1" + stempel[1:]
    wb.save(kedua)
    hasil = _impor(db, kedua)
    assert hasil.returncode == 0, hasil.stderr
    simpan = gugus_simpan.baca_butir(path, "33.75").set_index("butir")
    assert tuple(simpan.loc["perda_kla", ["status", "catatan", "versi"]]) == ("lengkap", "sudah diminta ke DPRD", 2)


def test_berkas_tanpa_kolom_versi_ditolak(db: Path, tmp_path: Path):
    berkas = _ekspor(db, tmp_path / "lama.xlsx")
    wb = load_workbook(berkas)
    for ws in wb.worksheets:
        ws.delete_cols(K_VERSI)  # as exported before item versions existed
    wb.save(berkas)
    kabkota = {"33.75": "Kota Pekalongan"}
    hasil = xlsx.baca_xlsx(berkas.read_bytes(), "lama.xlsx", DD, kabkota, ANA)
    assert not hasil.sah
    assert {m.kode for m in hasil.masalah} == {"ck_tanpa_versi"}
    assert "kolom 'Versi'" in hasil.masalah[0].teks("id")
    assert "'kla checklist export'" in hasil.masalah[0].teks("id")


# --- exact round trips ----------------------------------------------------------------------------


CATATAN = ["'=A1 apostrof milik pengguna", '=HYPERLINK("http://x")', "''dua", "'biasa", "@SUM", "-5 hari", "a\tb\nc"]


def test_catatan_bolak_balik_ekspor_impor_persis_sama(db: Path):
    for teks in [*CATATAN, "'", "''", "'+", "+'"]:
        assert xlsx.pulihkan(xlsx.aman(teks)) == teks, teks
    path = gugus_simpan.path_gugus(db)
    butir = [b.kode for b in DD.per_indikator["KLA24-02"]]
    ubah = [
        gugus_simpan.UbahButir("KLA24-02", b, "dalam_proses", catatan=c, referensi=c)
        for b, c in zip(butir, CATATAN, strict=False)
    ]
    gugus_simpan.simpan_butir(path, ANA, "33.75", ubah, DD)
    rk = layanan.ruang_kerja(db, KAT, DD, "33.75", HARI)
    isi = xlsx.tulis_xlsx(
        rk.butir,
        rk.opd,
        kode_wilayah="33.75",
        nama_wilayah="Kota Pekalongan",
        dibuat=HARI,
        nama_indikator={},
        catatan_acuan="",
        sintetis=False,
    )
    wb = load_workbook(io.BytesIO(isi))
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    kabkota = {"33.75": "Kota Pekalongan"}
    assert xlsx.baca_xlsx(isi, "c.xlsx", DD, kabkota, ANA).perubahan == []  # read back exactly: nothing edited
    for b in butir[: len(CATATAN)]:  # edit every such row's status: each row is then read in full
        ws, r = _cari(wb, b)
        ws.cell(row=r, column=K_STATUS).value = "lengkap"
    buf = io.BytesIO()
    wb.save(buf)
    hasil = xlsx.baca_xlsx(buf.getvalue(), "c.xlsx", DD, kabkota, ANA)
    assert hasil.sah
    dibaca = {u.butir: (u.catatan, u.referensi) for u in hasil.perubahan}
    assert dibaca == {b: (c, c) for b, c in zip(butir, CATATAN, strict=False)}


# --- control characters ---------------------------------------------------------------------------


def test_catatan_dengan_tab_vertikal_tersimpan_dan_ekspor_cli_jalan(db: Path, tmp_path: Path):
    path = gugus_simpan.path_gugus(db)
    catatan = "Perda 5/2024\x0bdisahkan 3 Mei\x01"  # Word's line break, and a stray control
    gugus_simpan.simpan_butir(path, ANA, "33.75", [_ubah(status="lengkap", catatan=catatan)], DD)
    assert gugus_simpan.baca_butir(path, "33.75")["catatan"].iloc[0] == "Perda 5/2024\ndisahkan 3 Mei"
    wb = load_workbook(_ekspor(db, tmp_path / "kendali.xlsx"))
    ws, r = _cari(wb, "perda_kla")
    assert ws.cell(row=r, column=K_CATATAN).value == "Perda 5/2024\ndisahkan 3 Mei"


def test_ekspor_membuang_kendali_dari_data_lama_dan_impor_membersihkannya(db: Path, tmp_path: Path):
    path = gugus_simpan.path_gugus(db)
    gugus_simpan.simpan_butir(path, ANA, "33.75", [_ubah(status="lengkap", catatan="awal")], DD)
    with duckdb.connect(str(path)) as con:  # a note stored before input was cleaned
        con.execute("UPDATE butir_checklist SET catatan = 'lama\x0bbaris\x1b[31m', referensi = 'ref\x0c2'")
    berkas = _ekspor(db, tmp_path / "lama.xlsx")
    wb = load_workbook(berkas)
    ws, r = _cari(wb, "perda_kla")
    assert ws.cell(row=r, column=K_CATATAN).value == "lama\nbaris[31m"
    assert ws.cell(row=r, column=9).value == "ref\n2"
    # Excel writes a control character as _x000B_; the import reads it as one and cleans it.
    ws.cell(row=r, column=K_CATATAN).value = "tulis_x000B_ulang_x0007_"
    wb.save(berkas)
    hasil = _impor(db, berkas)
    assert hasil.returncode == 0, hasil.stderr
    assert f"sheet '{ws.title}', baris {r}, kolom 'Catatan': karakter kendali dibersihkan" in hasil.stdout
    assert "1 karakter kendali lain dihapus" in hasil.stdout
    assert gugus_simpan.baca_butir(path, "33.75")["catatan"].iloc[0] == "tulis\nulang"


# --- the disk and old files -----------------------------------------------------------------------


def test_disk_penuh_menjadi_galat_yang_jelas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "kla.gugus.duckdb"
    gugus_simpan.simpan_butir(path, ANA, "33.75", [_ubah(status="lengkap")], DD)
    sebelum = sha_berkas(path)

    def gagal(nomor: int, pesan: str):
        def terbitkan(*args: object, **kwargs: object) -> None:
            raise OSError(nomor, pesan)

        return terbitkan

    monkeypatch.setattr(store, "terbitkan", gagal(errno.ENOSPC, "No space left on device"))
    with pytest.raises(gugus_simpan.TulisError) as info:
        gugus_simpan.simpan_butir(path, ANA, "33.75", [_ubah(status="belum", catatan="x")], DD)
    assert info.value.teks("id").startswith("Disk penuh.")
    assert info.value.teks("en").startswith("Disk full.")
    assert sha_berkas(path) == sebelum
    monkeypatch.setattr(store, "terbitkan", gagal(errno.EIO, "I/O error"))
    with pytest.raises(
        gugus_simpan.TulisError, match=r"Gagal menulis ruang kerja kla\.gugus\.duckdb \(OSError: I/O error\)"
    ):
        gugus_simpan.simpan_butir(path, ANA, "33.75", [_ubah(status="belum", catatan="x")], DD)


def test_ruang_kerja_lama_tanpa_versi_dinaikkan_saat_dibaca(tmp_path: Path):
    path = tmp_path / "kla.gugus.duckdb"
    lama = tmp_path / "migrasi_lama"
    lama.mkdir()
    shutil.copyfile(store.MIGRASI_GUGUS_DIR / "001_ruang_kerja.sql", lama / "001_ruang_kerja.sql")
    with duckdb.connect(str(path)) as con:  # a workspace written before item versions
        store.terapkan_migrasi(con, lama, buku="migrasi_gugus")
        con.execute(
            "INSERT INTO butir_checklist VALUES ('33.75', 'KLA24-01', 'perda_kla', 'lengkap', NULL, NULL, NULL, NULL, "
            "'uji', TIMESTAMP '2025-01-02 03:04:05')"
        )
    simpan = gugus_simpan.baca_butir(path, "33.75")
    assert list(zip(simpan["status"], simpan["versi"], strict=True)) == [("lengkap", 1)]
    with pytest.raises(gugus_simpan.KonflikError):  # a page that saw "never stored" is stale
        gugus_simpan.simpan_butir(path, ANA, "33.75", [_ubah(catatan="x", versi=0)], DD)
    assert gugus_simpan.simpan_butir(path, ANA, "33.75", [_ubah(status="lengkap", catatan="x", versi=1)], DD) == 1
