"""AppTest of the Regulasi page: the seeded Kota Pekalongan register with unknowns shown as unknown, in
both languages; read-only for a visitor and for an editor of another region; an editor in scope adds an
entry, is refused a skipped stage without a note, and the change shows in the history and as a notice on
the Gugus Tugas page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators.akun import pengguna as akun
from indicators.gugus import regulasi as rg, simpan as gugus_simpan
from tests.conftest import SANDI_ANA
from tests.halaman_util import buka_halaman, periksa_bawaan, periksa_tanpa_galat
from ui import masuk

ANA = akun.Pengguna("ana", "editor", ("33.75",))


def _masuk(nama: str) -> dict[str, object]:
    """The way ui/masuk.py keeps a login: the name and the last activity, never the password."""
    return {masuk.KUNCI_SESI: {"nama": nama, "aktif": time.time()}}


def _dengan_bahasa(at: AppTest, bahasa: str) -> AppTest:
    if bahasa == "en":
        at.query_params["lang"] = "en"
    return at


def _metrik(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _tabel(at: AppTest, n: int = 0) -> list[dict[str, object]]:
    return [{str(k): v for k, v in r.items()} for r in at.dataframe[n].value.to_dict("records")]


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_register_bawaan_pekalongan_dengan_yang_tidak_diketahui(db_berakun: Path, bahasa: str):
    at = periksa_tanpa_galat(_dengan_bahasa(buka_halaman("regulasi", wilayah="33.75"), bahasa).run())
    en = bahasa == "en"
    assert at.title[0].value == ("KLA regulations, Kota Pekalongan" if en else "Regulasi KLA Kota Pekalongan")
    metrik = _metrik(at)
    assert metrik["Register entries" if en else "Entri register"] == "9"
    assert metrik["Mandates enacted" if en else "Amanat ditetapkan"] == ("0 of 8" if en else "0 dari 8")
    assert metrik["Stage unknown" if en else "Tahap tidak diketahui"] == "8"
    baris = _tabel(at)
    tak = "unknown" if en else "tidak diketahui"
    tahap, opd = ("Current stage", "Coordinating OPD") if en else ("Tahap kini", "OPD koordinator")
    perwal = [b for b in baris if str(b["Regulation" if en else "Regulasi"]).startswith("Perwal/Perbup")]
    assert len(perwal) == 8
    assert all(b[tahap] == tak and b[opd] == tak for b in perwal)
    perda = next(b for b in baris if str(b["Regulation" if en else "Regulasi"]).startswith("Perda 13/2019"))
    assert perda[tahap] == ("promulgation (pengundangan)" if en else "pengundangan")
    assert perda["Reached on" if en else "Dicapai pada"] == tak  # reached, date not stated by the source
    assert any("Read-only" in i.value if en else "Mode baca saja" in i.value for i in at.info)
    assert "rg_simpan" not in [b.key for b in at.button]
    unduh = [getattr(d, "label", None) for d in at.get("download_button")]
    assert unduh == ["Download the register (XLSX)" if en else "Unduh register (XLSX)"]


def test_wilayah_tanpa_register_tidak_diketahui_bukan_nol(db_berakun: Path):
    at = periksa_tanpa_galat(buka_halaman("regulasi", wilayah="33.26").run())
    assert any("tidak diketahui (bukan nol)" in i.value for i in at.info)
    assert _metrik(at) == {}


def test_editor_lain_wilayah_hanya_baca(db_berakun: Path):
    akun.tambah_pengguna(akun.path_akun(db_berakun), "dedi.kab", "editor", ["33.26"], "sandi-rahasia-2")
    at = periksa_tanpa_galat(buka_halaman("regulasi", sesi=_masuk("dedi.kab"), wilayah="33.75").run())
    assert any("dedi.kab" in w.value and "tidak dapat mengubah" in w.value for w in at.warning)
    assert "rg_simpan" not in [b.key for b in at.button]


def test_editor_menambah_entri_dan_lompatan_tanpa_catatan_ditolak(db_berakun: Path):
    path = gugus_simpan.path_gugus(db_berakun)
    at = periksa_tanpa_galat(buka_halaman("regulasi", sesi=_masuk("ana"), wilayah="33.75").run())
    assert any("ana dapat mengubah register" in c.value for c in at.caption)
    # A new RAD KLA, drafted in 2024 and due for enactment in mid-2024: overdue and stalled today.
    at.selectbox(key="rg_f___baru___jenis").set_value("rad").run()
    at.text_input(key="rg_f___baru___judul").set_value("RAD KLA Kota Pekalongan 2025–2029")
    at.selectbox(key="rg_f___baru___tahap").set_value("penyusunan")
    at.date_input(key="rg_f___baru___tanggal_penyusunan").set_value(dt.date(2024, 1, 15))
    at.date_input(key="rg_f___baru___tenggat_penetapan").set_value(dt.date(2024, 6, 30))
    at.button(key="rg_simpan").click().run()
    periksa_tanpa_galat(at)
    assert any("perubahan tersimpan" in s.value for s in at.success)
    daftar = {e.regulasi_id: e for e in rg.daftar_regulasi(path, "33.75")}
    assert daftar["rg-001"].isi.tahap == "penyusunan"
    assert daftar["rg-001"].isi.tenggat == {"penetapan": dt.date(2024, 6, 30)}
    assert _metrik(at)["Entri register"] == "10"
    assert _metrik(at)["Lewat tenggat"] == "1"
    assert _metrik(at)["Macet"] == "1"
    # The same entry moved straight to terbit, skipping penetapan, without a note: refused, input kept.
    at.selectbox(key="rg_pilih_ubah").set_value("rg-001").run()
    at.selectbox(key="rg_f_rg_001_tahap").set_value("terbit")
    at.date_input(key="rg_f_rg_001_tanggal_terbit").set_value(dt.date(2024, 9, 1))
    at.button(key="rg_simpan").click().run()
    periksa_tanpa_galat(at, galat=1)
    assert "melewati: penetapan" in at.error[0].value.replace("\\", "")  # as shown (Markdown escapes dropped)
    assert at.selectbox(key="rg_f_rg_001_tahap").value == "terbit"
    assert rg.daftar_regulasi(path, "33.75")[-1].isi.tahap == "penyusunan"
    # With a note it is saved; the history names the user and the fields.
    at.text_area(key="rg_f_rg_001_catatan_tahap").set_value("Ditetapkan sebagai lampiran Perwal RPJMD")
    at.button(key="rg_simpan").click().run()
    periksa_tanpa_galat(at)
    riwayat = _tabel(at, len(at.dataframe) - 1)
    # Fields by their labels, not the stored keys (issue #16 item 4).
    kolom = {r["Kolom"] for r in riwayat if r["Entri"] == "rg-001"}
    assert kolom >= {"Tahap kini", "Tanggal dicapai (terbit (JDIH))", "Catatan tahap"}
    assert not [r["Waktu"] for r in riwayat if "-" in str(r["Waktu"])]  # no ISO times
    assert {r["Pengguna"] for r in riwayat} == {"ana"}
    # The Gugus Tugas readiness view now has no regulation notice for it (published), but says it judged.
    gugus = periksa_tanpa_galat(buka_halaman("gugus_tugas", wilayah="33.75").run())
    assert any("tidak ada yang lewat tenggat atau macet" in c.value for c in gugus.caption)


def test_pemberitahuan_di_gugus_tugas(db_berakun: Path):
    path = gugus_simpan.path_gugus(db_berakun)
    seed = {e.regulasi_id: e for e in rg.daftar_regulasi(path, "33.75")}
    isi = seed["perwal-amanat-7"].isi
    isi = rg.IsiRegulasi(**{**isi.__dict__, "tahap": "harmonisasi", "tenggat": {"penetapan": dt.date(2024, 3, 31)}})
    rg.simpan_regulasi(path, ANA, "33.75", [rg.UbahRegulasi("perwal-amanat-7", isi, versi=0)])
    for bahasa, judul in (("id", "Regulasi lewat tenggat atau macet: 1"), ("en", "Regulations overdue or stalled: 1")):
        at = periksa_tanpa_galat(_dengan_bahasa(buka_halaman("gugus_tugas", wilayah="33.75"), bahasa).run())
        peringatan = [w.value for w in at.warning if judul in w.value]
        assert len(peringatan) == 1
        assert "Kota Layak Anak: kriteria, klaster dan Gugus Tugas" in peringatan[0].replace("\\", "")
        assert ("31 March 2024" if bahasa == "en" else "31 Maret 2024") in peringatan[0]
    lain = periksa_tanpa_galat(buka_halaman("gugus_tugas", wilayah="33.26").run())
    assert any("belum ada register" in c.value for c in lain.caption)


def test_masuk_lewat_formulir_membuka_formulir_ubah(db_berakun: Path, jam: object):
    """A real login through the form (not a planted session) opens the edit form for ana's region."""
    at = periksa_tanpa_galat(buka_halaman("regulasi", wilayah="33.75").run())
    at.text_input(key="masuk_nama").set_value("ana")
    at.text_input(key="masuk_sandi").set_value(SANDI_ANA)
    next(b for b in at.button if b.label == "Masuk").click()
    at = periksa_tanpa_galat(at.run())
    assert "rg_simpan" in [b.key for b in at.button]
    assert at.selectbox(key="rg_pilih_ubah").value == "__baru__"


def test_formulir_entri_memakai_isinya_sebagai_bawaan_widget(db_berakun: Path):
    """Every widget of an entry's form has the entry's value as its default (the browser falls back
    to it when it redraws a widget whose state it dropped, and a save sends the whole entry), so a
    note added to a seeded entry changes the note and nothing else."""
    path = gugus_simpan.path_gugus(db_berakun)
    entri = max(rg.daftar_regulasi(path, "33.75"), key=lambda e: sum(bool(v) for v in rg.kolom_isi(e.isi).values()))
    akhiran = entri.regulasi_id.replace("-", "_")
    at = periksa_tanpa_galat(buka_halaman("regulasi", sesi=_masuk("ana"), wilayah="33.75").run())
    at.selectbox(key="rg_pilih_ubah").set_value(entri.regulasi_id).run()
    diperiksa = periksa_bawaan(at, f"rg_f_{akhiran}_")
    assert len(diperiksa) >= 12  # kinds, texts, year, indicators, stage and each stage's dates
    assert at.text_input(key=f"rg_f_{akhiran}_judul").value == entri.isi.judul
    at.text_area(key=f"rg_f_{akhiran}_catatan").set_value("Salinan ditandatangani sudah di arsip Bagian Hukum")
    at.button(key="rg_simpan").click().run()
    periksa_tanpa_galat(at)
    baru = {e.regulasi_id: e for e in rg.daftar_regulasi(path, "33.75")}[entri.regulasi_id]
    assert baru.isi == dataclasses.replace(entri.isi, catatan="Salinan ditandatangani sudah di arsip Bagian Hukum")


@pytest.mark.parametrize("yang", ["entri", "tahap"])
def test_ganti_bahasa_mengirim_label_entri_dan_tahap_lagi(db_berakun: Path, yang: str):
    """After a switch to English the entry picker (for an entry whose label is worded per language)
    and the stage select are sent again with their English labels, so the next click does not send
    Indonesian labels that match no option; the chosen entry stays."""
    path = gugus_simpan.path_gugus(db_berakun)
    if yang == "entri":
        entri = next(
            e
            for e in rg.daftar_regulasi(path, "33.75")
            if rg.label_regulasi(e.isi, "id") != rg.label_regulasi(e.isi, "en")
        )
    else:
        entri = next(e for e in rg.daftar_regulasi(path, "33.75") if e.isi.tahap is not None)
    akhiran = entri.regulasi_id.replace("-", "_")
    kunci, label = {
        "entri": ("rg_pilih_ubah", rg.label_regulasi(entri.isi, "en")),
        "tahap": (f"rg_f_{akhiran}_tahap", rg.label_tahap(entri.isi.tahap, "en")),
    }[yang]
    at = periksa_tanpa_galat(buka_halaman("regulasi", sesi=_masuk("ana"), wilayah="33.75").run())
    at.selectbox(key="rg_pilih_ubah").set_value(entri.regulasi_id).run()
    assert at.selectbox(key=kunci).proto.raw_value != label
    at.button_group(key="bahasa").set_value(["en"]).run()
    periksa_tanpa_galat(at)
    proto = at.selectbox(key=kunci).proto
    assert proto.set_value, kunci  # the value is sent again...
    assert proto.raw_value == label  # ...with its English label
    assert at.selectbox(key="rg_pilih_ubah").value == entri.regulasi_id
