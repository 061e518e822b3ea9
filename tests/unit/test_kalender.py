"""The evaluation calendar: the committed dates and their sources, the file checks, and the countdown on fixed days.

Countdown days are counted by hand from the dates in each test (a calendar on paper), not by the
code under test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from indicators.gugus import kalender as kal
from indicators.lokasi import DATA_DIR

KEPALA = "siklus,tahap,mulai,selesai,presisi,sumber,keterangan\n"


def _tulis(tmp_path: Path, *baris: str) -> Path:
    path = tmp_path / "kalender.csv"
    path.write_text(KEPALA + "".join(b + "\n" for b in baris), encoding="utf-8")
    return path


@pytest.fixture
def kalender(tmp_path: Path) -> pd.DataFrame:
    """A small calendar: one cycle by months, one by days with unknown later stages."""
    return kal.muat_kalender(
        _tulis(
            tmp_path,
            "2025,mandiri,2024-01-01,2024-06-30,bulan,https://contoh/a,",
            "2025,verifikasi_provinsi,2024-07-01,2024-12-31,bulan,https://contoh/a,",
            "2025,verifikasi_lapangan,2025-01-01,2025-06-30,bulan,https://contoh/a,",
            "2025,final,,2025-08-08,hari,https://contoh/b,",
            "2026,mandiri,2026-02-18,2026-04-30,hari,https://contoh/c,",
            "2026,verifikasi_provinsi,,,,tidak ditemukan,dicari",
            "2026,verifikasi_lapangan,,,,tidak ditemukan,dicari",
            "2026,final,,,,tidak ditemukan,dicari",
        )
    )


def _baris(kalender: pd.DataFrame, hari: str, bahasa: str = "id") -> list[str]:
    return kal.baris_hitung_mundur(kal.hitung_mundur(kalender, dt.date.fromisoformat(hari)), bahasa)  # type: ignore[arg-type]


# --- the committed file ----------------------------------------------------------------------------


def test_kalender_bawaan_bersumber_per_baris_dan_tanggal_tak_bersumber_kosong():
    mentah = pd.read_csv(DATA_DIR / "kla" / "kalender_evaluasi.csv", dtype=str, keep_default_na=False)
    assert set(mentah["tahap"]) == {"mandiri", "verifikasi_provinsi", "verifikasi_lapangan", "final"}
    assert (mentah["sumber"].str.strip() != "").all()
    # A row whose dates no source gives says so, and has no date at all.
    tak_bersumber = mentah[mentah["sumber"] == "tidak ditemukan"]
    assert len(tak_bersumber) >= 1
    assert (tak_bersumber[["mulai", "selesai", "presisi"]] == "").all().all()
    # A dated row cites a web page.
    bertanggal = mentah[(mentah["mulai"] != "") | (mentah["selesai"] != "")]
    assert bertanggal["sumber"].str.startswith("https://").all()
    kalender = kal.muat_kalender()  # and it passes every check of the loader
    assert list(kal.siklus_kalender(kalender)) == [2023, 2025, 2026]


def test_kalender_bawaan_memuat_tanggal_yang_disebut_sumber():
    kalender = kal.muat_kalender().set_index(["siklus", "tahap"])
    # beritabima.com: mandiri Jan–Jun 2024, verification Jul–Dec 2024, field Jan–Jun 2025, award 8 Aug 2025.
    assert kalender.loc[(2025, "verifikasi_provinsi"), "mulai"] == dt.date(2024, 7, 1)
    assert kalender.loc[(2025, "verifikasi_provinsi"), "presisi"] == "bulan"
    assert kalender.loc[(2025, "final"), "selesai"] == dt.date(2025, 8, 8)
    assert kalender.loc[(2025, "final"), "mulai"] is None
    # karodaily.id: evaluasi mandiri 2026 from 18 February to 30 April 2026.
    assert (kalender.loc[(2026, "mandiri"), "mulai"], kalender.loc[(2026, "mandiri"), "selesai"]) == (
        dt.date(2026, 2, 18),
        dt.date(2026, 4, 30),
    )
    assert kalender.loc[(2026, "final"), "selesai"] is None


# --- the loader's checks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("baris", "potongan"),
    [
        ("2025,mandiri,2024-13-01,,hari,https://x,", "baris 2 kolom mulai: '2024-13-01' bukan tanggal"),
        ("2025,pleno,2024-01-01,,hari,https://x,", "baris 2 kolom tahap: nilai 'pleno' tidak dikenal"),
        ("2025,mandiri,2024-01-01,,,https://x,", "baris 2 kolom presisi"),
        ("2025,mandiri,2024-06-01,2024-01-31,hari,https://x,", "baris 2: mulai 2024-06-01 sesudah selesai 2024-01-31"),
        ("2025,mandiri,2024-01-15,,bulan,https://x,", "baris 2 kolom mulai: 2024-01-15 dengan presisi bulan"),
        ("2025,mandiri,,2024-06-29,bulan,https://x,", "baris 2 kolom selesai: 2024-06-29 dengan presisi bulan"),
        ("2025,mandiri,2024-01-01,,hari,,", "baris 2 kolom sumber: kosong"),
        ("dua ribu,mandiri,,,,https://x,", "baris 2 kolom siklus: nilai 'dua ribu'"),
    ],
)
def test_berkas_salah_ditolak_dengan_baris_kolom_dan_nilai(tmp_path: Path, baris: str, potongan: str):
    with pytest.raises(kal.KalenderError) as galat:
        kal.muat_kalender(_tulis(tmp_path, baris))
    assert galat.value.teks("id").startswith("kalender.csv ")
    assert potongan in galat.value.teks("id")
    assert "kalender.csv" in galat.value.teks("en")


def test_siklus_dan_tahap_ganda_menyebut_baris_pertama(tmp_path: Path):
    path = _tulis(tmp_path, "2025,final,,2025-08-08,hari,https://x,", "2025,final,,2025-08-09,hari,https://y,")
    with pytest.raises(kal.KalenderError, match="baris 3: siklus 2025 tahap final sudah ada di baris 2"):
        kal.muat_kalender(path)


def test_kolom_hilang_disebut(tmp_path: Path):
    path = tmp_path / "kalender.csv"
    path.write_text("siklus,tahap,mulai\n2025,final,\n", encoding="utf-8")
    with pytest.raises(kal.KalenderError, match="kolom tidak ada: selesai, presisi, sumber, keterangan"):
        kal.muat_kalender(path)


# --- the countdown on fixed days -------------------------------------------------------------------


def test_hitung_mundur_dua_belas_hari_ke_verifikasi_provinsi_berpresisi_bulan(kalender: pd.DataFrame):
    # 19 June 2024: the self-assessment (Jan–Jun 2024) runs to 30 June (11 days); July 2024 starts in 12.
    assert _baris(kalender, "2024-06-19") == [
        "Evaluasi mandiri KLA 2025 berlangsung: berakhir sekitar 11 hari lagi (Juni 2024).",
        "Sekitar 12 hari lagi: verifikasi provinsi KLA 2025 (mulai Juli 2024).",
    ]
    assert (
        _baris(kalender, "2024-06-19", "en")[1]
        == "In about 12 days: provincial verification of KLA 2025 (starts July 2024)."
    )


def test_hitung_mundur_tanggal_tepat_tanpa_kata_sekitar(kalender: pd.DataFrame):
    # 6 February 2026 → 18 February 2026 is 12 days ahead; the 2025 cycle has ended.
    assert _baris(kalender, "2026-02-06") == ["12 hari lagi: evaluasi mandiri KLA 2026 (mulai 18 Februari 2026)."]
    # 1 March 2026: under way until 30 April (28 + 2 = 30 days in March after the 1st, plus 30 in April = 60).
    baris = _baris(kalender, "2026-03-01")
    assert baris[0] == "Evaluasi mandiri KLA 2026 berlangsung: berakhir 60 hari lagi (30 April 2026)."


def test_tahap_tanpa_tanggal_disebut_tidak_diketahui(kalender: pd.DataFrame):
    # 4 December 2026: the self-assessment ended 218 days ago (1 May → 4 December); nothing later is dated.
    hm = kal.hitung_mundur(kalender, dt.date(2026, 12, 4))
    assert hm.berikut is None
    assert hm.belum_diketahui == ("verifikasi_provinsi", "verifikasi_lapangan", "final")
    assert _baris(kalender, "2026-12-04") == [
        "Evaluasi mandiri KLA 2026 berakhir 30 April 2026 (218 hari lalu).",
        "Tanggal tahap berikut KLA 2026 belum diketahui (tidak ada sumber yang menyebutnya): verifikasi provinsi, "
        "verifikasi lapangan, final (penetapan dan penganugerahan).",
    ]


def test_hari_terakhir_tahap_disebut_hari_ini(kalender: pd.DataFrame):
    assert _baris(kalender, "2026-04-30")[0] == "Evaluasi mandiri KLA 2026 berakhir hari ini (30 April 2026)."


def test_tanggal_provinsi_menggantikan_baris_bawaan_provinsi_itu(kalender: pd.DataFrame):
    provinsi = pd.DataFrame(
        [
            {
                "kode_provinsi": "33",
                "siklus": 2026,
                "tahap": "verifikasi_provinsi",
                "mulai": pd.Timestamp("2026-12-16"),
                "selesai": None,
                "presisi": "hari",
                "sumber": "Surat DP3AP2KB 400/1",
                "keterangan": None,
                "diubah_oleh": "jateng",
                "diubah_pada": pd.Timestamp("2026-12-01 10:00"),
            }
        ]
    )
    gabung = kal.gabung_kalender(kalender, provinsi)
    assert len(gabung) == len(kalender)
    baris = gabung[(gabung["siklus"] == 2026) & (gabung["tahap"] == "verifikasi_provinsi")].iloc[0]
    assert (baris["mulai"], baris["asal"], baris["sumber"]) == (
        dt.date(2026, 12, 16),
        "provinsi",
        "Surat DP3AP2KB 400/1",
    )
    # 4 December → 16 December 2026: 12 days.
    assert _baris(gabung, "2026-12-04")[0] == "12 hari lagi: verifikasi provinsi KLA 2026 (mulai 16 Desember 2026)."


def test_tabel_kalender_menulis_tidak_diketahui_dan_bulan(kalender: pd.DataFrame):
    tabel = kal.tabel_kalender(kalender, "id")
    assert list(tabel.columns) == ["Siklus", "Tahap", "Mulai", "Selesai", "Sumber", "Keterangan", "Asal"]
    assert tabel.iloc[0]["Mulai"] == "Januari 2024"
    assert tabel.iloc[3]["Mulai"] == "tidak diketahui"
    assert tabel.iloc[3]["Selesai"] == "8 Agustus 2025"
    assert kal.tabel_kalender(kalender, "en").iloc[5]["Start"] == "unknown"
