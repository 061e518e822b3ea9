"""Saving many checklist items at once (issue #16 item 10), on a real workspace file: the table
editor's changes and an uploaded XLSX file go through the one write path in ONE transaction;
a row whose item changed since the table was loaded refuses the whole save (nothing written),
naming the item in both languages; every changed field gets its change-log row."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from indicators.akun.pengguna import Pengguna
from indicators.gugus import layanan, simpan as gugus_simpan, xlsx
from indicators.io import store
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan
from tests.conftest import sha_berkas

KAT = katalog_bawaan()
DD = data_dukung_bawaan()
HARI = dt.date(2026, 3, 1)
ANA = Pengguna("ana.pkl", "editor", ("33.75",))
BUDI = Pengguna("budi.pkl", "editor", ("33.75",))


def _tabel(db: Path) -> tuple[layanan.RuangKerja, pd.DataFrame]:
    rk = layanan.ruang_kerja(db, KAT, DD, "33.75", HARI)
    return rk, layanan.tabel_sunting(rk.butir)


def _hitung_transaksi(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every working copy the write path opens (one per transaction)."""
    dibuka: list[Path] = []
    asli = store.salinan_kerja

    def catat(path: Path, **kw: Any) -> Any:
        dibuka.append(path)
        return asli(path, **kw)

    monkeypatch.setattr(store, "salinan_kerja", catat)
    return dibuka


def test_semua_64_butir_tersimpan_dalam_satu_transaksi_dengan_log(db: Path, monkeypatch: pytest.MonkeyPatch):
    path = gugus_simpan.path_gugus(db)
    rk, dasar = _tabel(db)
    assert len(dasar) == 64
    suntingan = dasar.assign(status="dalam_proses", tenggat=dt.date(2026, 4, 30))
    perubahan = layanan.perubahan_tabel(dasar, suntingan, rk.opd)
    assert len(perubahan) == 64
    assert all(u.kolom == frozenset({"status", "tenggat"}) and u.versi == 0 for u in perubahan)
    transaksi = _hitung_transaksi(monkeypatch)
    n = gugus_simpan.simpan_butir(path, ANA, "33.75", perubahan, DD, waktu=dt.datetime(2026, 3, 1, 9, 0))
    assert n == 128  # two fields of each of 64 items
    assert transaksi == [path]  # one write, one transaction
    simpanan = gugus_simpan.baca_butir(path, "33.75")
    assert len(simpanan) == 64
    assert set(simpanan["status"]) == {"dalam_proses"}
    assert set(simpanan["versi"]) == {1}
    log = gugus_simpan.baca_log(path, "33.75")
    assert len(log) == 128
    assert set(log["kolom"]) == {"status", "tenggat"}
    assert set(log["asal"]) == {"dasbor"}
    assert log["waktu"].nunique() == 1  # one moment: one transaction
    assert set(log.loc[log["kolom"] == "status", "nilai_lama"]) == {"belum"}


def test_baris_basi_menolak_seluruh_simpanan_dan_menyebut_butirnya(db: Path):
    path = gugus_simpan.path_gugus(db)
    rk, dasar = _tabel(db)  # the table as ana loaded it
    # budi marks the first item complete meanwhile
    pertama = dasar.iloc[0]
    gugus_simpan.simpan_butir(
        path, BUDI, "33.75", [gugus_simpan.UbahButir(pertama["indikator"], pertama["butir"], "lengkap")], DD
    )
    sebelum, log_sebelum = sha_berkas(path), len(gugus_simpan.baca_log(path, "33.75"))
    suntingan = dasar.copy()
    suntingan.loc[0, "catatan"] = "draf di Bagian Hukum"
    suntingan.loc[1, "status"] = "lengkap"
    suntingan.loc[2, "referensi"] = "SK 12/2026"
    perubahan = layanan.perubahan_tabel(dasar, suntingan, rk.opd)
    assert [u.kolom for u in perubahan] == [frozenset({"catatan"}), frozenset({"status"}), frozenset({"referensi"})]
    with pytest.raises(gugus_simpan.KonflikError) as galat:
        gugus_simpan.simpan_butir(path, ANA, "33.75", perubahan, DD)
    assert [k.kunci for k in galat.value.konflik] == [pertama["kunci"]]
    assert pertama["kunci"] in galat.value.pesan
    assert "budi.pkl" in galat.value.pesan
    assert "tidak ada yang disimpan" in galat.value.pesan
    assert pertama["kunci"] in galat.value.pesan_en
    assert "nothing was saved" in galat.value.pesan_en
    assert sha_berkas(path) == sebelum  # rows 2 and 3 were not written either
    assert len(gugus_simpan.baca_log(path, "33.75")) == log_sebelum


def test_opd_di_luar_pengampu_ditolak_menyebut_butir_dan_harapan(db: Path):
    rk, dasar = _tabel(db)
    suntingan = dasar.copy()
    suntingan.loc[0, "opd"] = "Dinas Pariwisata"
    with pytest.raises(gugus_simpan.GugusError) as galat:
        layanan.perubahan_tabel(dasar, suntingan, rk.opd)
    kunci = str(dasar.loc[0, "kunci"])
    assert f"butir {kunci}: OPD 'Dinas Pariwisata' bukan OPD pengampu" in galat.value.pesan
    assert f"item {kunci}: OPD 'Dinas Pariwisata' is not a lead OPD" in galat.value.pesan_en
    assert "Bagian/Biro Hukum Setda" in galat.value.pesan  # what is expected


def _ekspor(db: Path) -> bytes:
    rk = layanan.ruang_kerja(db, KAT, DD, "33.75", HARI)
    return xlsx.tulis_xlsx(
        rk.butir,
        rk.opd,
        kode_wilayah="33.75",
        nama_wilayah="Kota Pekalongan",
        dibuat=HARI,
        nama_indikator={i.id: i.label.teks for i in KAT.skema["KLA24"].indikator},
        catatan_acuan=layanan.catatan_acuan(rk.acuan),
        sintetis=rk.acuan.sintetis,
    )


def _ubah_berkas(isi: bytes, status: str) -> bytes:
    """Set the status of the first item row of the first sheet."""
    wb = load_workbook(io.BytesIO(isi))
    ws = wb.worksheets[0]
    baris = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=6).value == "belum")
    ws.cell(row=baris, column=6).value = status
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def _kabkota(db: Path) -> dict[str, str]:
    w = store.kueri(db, "wilayah_kabkota")
    return dict(zip(w["kode_wilayah"], w["nama"], strict=True))


def test_pratinjau_unggahan_seperti_cli_lalu_basi_setelah_perubahan_lain(db: Path):
    path = gugus_simpan.path_gugus(db)
    isi = _ubah_berkas(_ekspor(db), "lengkap")
    pratinjau = layanan.pratinjau_checklist(db, isi, "checklist.xlsx", _kabkota(db), ANA, KAT, DD, HARI)
    assert pratinjau.hasil.sah
    assert pratinjau.berubah == 1
    assert not pratinjau.konflik
    assert not path.exists()  # a preview writes nothing
    salah = layanan.pratinjau_checklist(
        db, _ubah_berkas(_ekspor(db), "hampir"), "salah.xlsx", _kabkota(db), ANA, KAT, DD, HARI
    )
    assert not salah.hasil.sah
    assert not salah.perubahan
    assert "salah.xlsx" in salah.hasil.masalah[0].teks("id")
    assert "hampir" in salah.hasil.masalah[0].teks("id")
    # Someone changes the same item before the file is applied: the preview now shows the conflict.
    u = pratinjau.perubahan[0]
    gugus_simpan.simpan_butir(path, BUDI, "33.75", [gugus_simpan.UbahButir(u.indikator, u.butir, "dalam_proses")], DD)
    lagi = layanan.pratinjau_checklist(db, isi, "checklist.xlsx", _kabkota(db), ANA, KAT, DD, HARI)
    assert [k.kunci for k in lagi.konflik] == [f"{u.indikator}/{u.butir}"]
