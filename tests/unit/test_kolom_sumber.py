"""The kab/kota table's source columns: links stay links, text sources get a note, no grey "None"."""

import re

import numpy as np
import pandas as pd

from ui import tampilan

URL = "https://radartegal.disway.id/nasional/read/716738/jateng-raih-penghargaan-provila"
IMPOR = "Impor #8: berkas predikat.csv (SHA-256 3f6b7f694c82), diunggah oleh dinas"


def _kabkota(url: list[object], sumber: list[object]) -> pd.DataFrame:
    n = len(url)
    return pd.DataFrame(
        {
            "kode_wilayah": [f"33.{i:02d}" for i in range(1, n + 1)],
            "nama": [f"Kab {i}" for i in range(n)],
            "kategori": ["Madya"] * n,
            "keyakinan": ["tinggi"] * n,
            "dasar": ["stated"] * n,
            "total_final": [650.0] * n,
            "url_sumber": url,
            "sumber_predikat": sumber,
        }
    )


def test_url_jadi_tautan_sumber_tanpa_url_jadi_keterangan_dan_kosong_bukan_none():
    data = _kabkota([URL, None, np.nan], [URL + " ; https://contoh.id/b", IMPOR, None])
    tabel = tampilan.tabel_kabkota(data, "id")
    # The link column holds only addresses: a text source would become a link to nowhere.
    assert tabel["Sumber"].tolist() == [URL, "", ""]
    assert tabel["Keterangan sumber"].tolist() == ["", IMPOR, ""]
    assert not tabel.isna().any().any()  # Streamlit shows a missing cell as a grey "None"
    assert list(tampilan.tabel_kabkota(data, "en").columns[-2:]) == ["Source", "Source note"]


def test_tanpa_sumber_teks_tidak_ada_kolom_keterangan():
    tabel = tampilan.tabel_kabkota(_kabkota([URL, None], [URL, None]), "id")
    assert "Keterangan sumber" not in tabel.columns
    assert tabel["Sumber"].tolist() == [URL, ""]


def test_sumber_teks_pengguna_dinetralkan():
    tabel = tampilan.tabel_kabkota(_kabkota([None], ['=HYPERLINK("x")']), "id")
    assert not tabel["Keterangan sumber"].iloc[0].startswith("=")


def test_tautan_ditampilkan_dengan_nama_host():
    assert re.match(tampilan.HOST_URL, URL).group(1) == "radartegal.disway.id"  # type: ignore[union-attr]
    assert re.match(tampilan.HOST_URL, "https://www.kemenpppa.go.id/x").group(1) == "kemenpppa.go.id"  # type: ignore[union-attr]
