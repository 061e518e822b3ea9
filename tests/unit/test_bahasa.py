"""English mode translates content (issue #16 item 5) and numbers and dates read and show in the
reader's locale (item 4): the catalogue walked for missing English, the loader refusing a broken
translation, Babel reading typed numbers, and the change-history tables without ISO times or keys."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import yaml

from indicators.analisis.metodologi import baca_atribusi_batas
from indicators.format import baca_angka, format_waktu
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.kelembagaan import kelembagaan_bawaan
from indicators.katalog.model import KATALOG_DIR, KatalogError, katalog_bawaan, muat_katalog
from indicators.lokasi import PROYEK
from indicators.teks import t
from ui.bagian import regulasi as hr, unggah as hu

KAT = katalog_bawaan()

# Indonesian words that never belong in an English sentence. Official names the translation keeps on
# purpose (Perda KLA, Forum Anak, Dinas Sosial …) do not use them, so a hit means untranslated text.
KATA_INDONESIA = (
    "yang", "dan", "untuk", "dengan", "atau", "tidak", "jumlah", "persen", "tahun", "kasus", "sekolah",
    "anak", "adalah", "dalam", "makin", "dinilai", "ada/tidak", "kategori", "orang", "kelahiran", "tentang",
)  # fmt: skip
_POLA_INDONESIA = re.compile(r"(?<![\w/])(" + "|".join(re.escape(k) for k in KATA_INDONESIA) + r")(?![\w/])", re.I)
# Proper names that contain one of those words: removed before the check.
_NAMA_DIRI = ("Forum Anak", "SK Forum Anak", "Dinas Sosial", "Perlindungan Anak", "Layak Anak", "Anak (KIA)")


def _teks_inggris() -> Iterator[tuple[str, str, str]]:
    """Every English text of the catalogue with where it is and its Indonesian original."""
    for skema in KAT.skema.values():
        yield f"{skema.kode}.catatan_nilai_maks_en", skema.catatan_nilai_maks_en, skema.catatan_nilai_maks
        for k in skema.kelompok:
            yield f"{skema.kode}.{k.kode}.nama_en", k.nama_en, k.nama
        for ind in skema.indikator:
            en, sdi = ind.en, ind.en.metadata_sdi
            yield f"{ind.id}.nama_en", ind.nama_en, ind.nama.teks
            yield f"{ind.id}.en.label", en.label, ind.label.teks
            yield f"{ind.id}.en.satuan", en.satuan, ind.satuan
            yield f"{ind.id}.en.sumber_data", en.sumber_data, ind.sumber_data.teks
            for i, (b_en, b_id) in enumerate(zip(en.data_diukur, ind.data_diukur.butir, strict=True)):
                yield f"{ind.id}.en.data_diukur[{i}]", b_en, b_id
            for bidang in ("konsep", "definisi", "rumus_perhitungan", "interpretasi", "satuan", "periode"):
                yield f"{ind.id}.en.metadata_sdi.{bidang}", getattr(sdi, bidang), getattr(ind.metadata_sdi, bidang)
            if ind.rubrik is not None:
                yield f"{ind.id}.en.rubrik", en.rubrik or "", ind.rubrik.catatan
            if ind.kelompok_catatan is not None:
                yield f"{ind.id}.kelompok_catatan.teks_en", ind.kelompok_catatan.teks_en, ind.kelompok_catatan.teks
    for s in KAT.statistik.values():
        yield f"statistik.{s.kode}.nama_en", s.nama_en, s.nama
        yield f"statistik.{s.kode}.satuan_en", s.satuan_en, s.satuan
        if s.catatan:
            yield f"statistik.{s.kode}.catatan_en", s.catatan_en, s.catatan
    for p in KAT.peta_silang:
        if p.catatan:
            yield f"peta_silang.{p.kla24}.catatan_en", p.catatan_en, p.catatan
    for kode, daftar in data_dukung_bawaan().per_indikator.items():
        for b in daftar:
            yield f"data_dukung.{kode}.{b.kode}.nama_en", b.nama_en, b.nama
    for butir_kl in kelembagaan_bawaan().butir:
        yield f"kelembagaan.{butir_kl.kode}.nama_en", butir_kl.nama_en, butir_kl.nama
        if butir_kl.satuan:
            yield f"kelembagaan.{butir_kl.kode}.satuan_en", butir_kl.satuan_en or "", butir_kl.satuan
        for pilihan in butir_kl.pilihan:
            yield f"kelembagaan.{butir_kl.kode}.{pilihan.kode}.nama_en", pilihan.nama_en, pilihan.nama


def test_katalog_berbahasa_inggris_lengkap():
    """Every catalogue text a reader sees in English mode exists, differs from the Indonesian and has no
    Indonesian words left (a copied or half-translated entry fails here)."""
    semua = list(_teks_inggris())
    assert len(semua) > 850  # the walk reaches every part (55 indicators × ~14 texts, statistics, items)
    hilang = [tempat for tempat, en, _ in semua if not en.strip()]
    assert not hilang, hilang
    sama = [tempat for tempat, en, id_ in semua if en == id_ and not re.fullmatch(r"[A-Z0-9 ()/-]+", id_)]
    assert not sama, sama
    tersisa = []
    for tempat, en, _ in semua:
        bersih = en
        for nama in _NAMA_DIRI:
            bersih = bersih.replace(nama, "")
        if kata := _POLA_INDONESIA.findall(bersih):
            tersisa.append(f"{tempat}: {kata}")
    assert not tersisa, tersisa


@pytest.fixture
def katalog_salinan(tmp_path: Path) -> Path:
    tujuan = tmp_path / "katalog"
    shutil.copytree(KATALOG_DIR, tujuan)
    return tujuan


def test_terjemahan_hilang_atau_tak_sejajar_ditolak(katalog_salinan: Path):
    path = katalog_salinan / "skema_kla24.en.yaml"
    asli = yaml.safe_load(path.read_text(encoding="utf-8"))

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["indikator"]["KLA24-07"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KatalogError) as info:
        muat_katalog(katalog_salinan)
    assert "skema_kla24.en.yaml" in str(info.value)
    assert "KLA24-07.en" in str(info.value)

    data = dict(asli, indikator=dict(asli["indikator"]))
    data["indikator"]["KLA24-04"] = dict(asli["indikator"]["KLA24-04"], data_diukur=["only one item"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KatalogError, match=r"en\.data_diukur punya 1 butir, data_diukur 2"):
        muat_katalog(katalog_salinan)

    data = dict(asli, indikator=dict(asli["indikator"], **{"KLA24-99": asli["indikator"]["KLA24-01"]}))
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KatalogError, match=r"skema_kla24\.en\.yaml: indikator tidak dikenal .*KLA24-99"):
        muat_katalog(katalog_salinan)


def test_baca_angka_menurut_bahasa():
    assert baca_angka("50,57") == 50.57
    assert baca_angka("1.234,5") == 1234.5
    assert baca_angka(" 70 ") == 70
    assert baca_angka("50.57", "en") == 50.57
    # Indonesian 50.57 could be 5.057 (thousands): refused with the expected form, not guessed.
    with pytest.raises(ValueError, match=r"'50\.57' bukan angka yang sah; tulis seperti 1\.234,5 \(koma desimal\)"):
        baca_angka("50.57")
    with pytest.raises(ValueError, match=r"'50,57' is not a valid number; write it like 1,234\.5"):
        baca_angka("50,57", "en")
    for salah in ("abc", "NaN", "Infinity", ""):
        with pytest.raises(ValueError, match="bukan angka yang sah"):
            baca_angka(salah)


def test_format_waktu():
    w = dt.datetime(2026, 12, 4, 9, 5, 59)
    assert format_waktu(w) == "4 Desember 2026 09.05"
    assert format_waktu(w, "en") == "4 December 2026 09:05"


def test_garis_atribusi_batas_sama_dengan_readme_dan_diterjemahkan():
    """The Indonesian credit line is the one the boundary data asks for; English shows its translation."""
    baris = baca_atribusi_batas(PROYEK / "data" / "README-batas-wilayah.md").baris
    assert t("bh_atribusi_batas", "id") == baris
    en = t("bh_atribusi_batas", "en")
    assert en.startswith("Boundaries: cahyadsn/wilayah_boundaries (MIT).")
    assert "Batas wilayah" not in en
    assert "Luas" not in en


def test_riwayat_regulasi_tanpa_iso_none_atau_kunci():
    log = pd.DataFrame(
        {
            "waktu": [pd.Timestamp("2026-03-02 14:07:00"), pd.Timestamp("2026-03-01 08:00:00")],
            "pengguna": ["ana.pkl", "ana.pkl"],
            "kunci": ["rg-1", "rg-1"],
            "kolom": ["tanggal_penetapan", "tahap"],
            "nilai_lama": [None, "penyusunan"],
            "nilai_baru": ["2026-02-27", "penetapan"],
            "asal": ["dasbor", "impor register.xlsx"],
        }
    )
    tabel = hr.tabel_riwayat(log, "id")
    sel = tabel.astype(str).to_numpy().ravel().tolist()
    assert "2 Maret 2026 14.07" in sel
    assert "27 Februari 2026" in sel
    assert "(kosong)" in sel
    assert "impor register.xlsx" in sel
    assert not [s for s in sel if re.search(r"\d{4}-\d\d-\d\d|\b(None|nan|NaT)\b|_", s)], sel
    en = hr.tabel_riwayat(log, "en").astype(str).to_numpy().ravel().tolist()
    assert "2 March 2026 14:07" in en
    assert "import of register.xlsx" in en
    assert "dashboard" in en


def test_riwayat_impor_tanpa_iso():
    log = pd.DataFrame(
        {
            "impor_id": [3],
            "waktu": [pd.Timestamp("2026-12-04 10:30:00")],
            "pengguna": ["ana.pkl"],
            "jenis": ["skor"],
            "berkas": ["skor.xlsx"],
            "sha256": [None],
            **{f"jumlah_{k}": [1234.0] for k in ("baru", "berubah", "sama", "dihapus")},
            "status": ["berhasil"],
        }
    )
    tabel = hu.tabel_riwayat(log, "id")
    assert tabel.iloc[0, 1] == "4 Desember 2026 10.30"
    assert "1.234" in tabel.iloc[0].tolist()
    assert hu.tabel_riwayat(log, "en").iloc[0, 1] == "4 December 2026 10:30"
