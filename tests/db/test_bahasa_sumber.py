"""The citations the dashboard writes for its own sources (synthetic data, boundaries, region codes)
read in English in English mode: every one in a freshly built database has its translation."""

from __future__ import annotations

from pathlib import Path

from indicators.analisis.metodologi import muat_sumber
from indicators.teks import katalog_teks
from ui.bagian import metodologi as hm


def test_sitasi_buatan_dasbor_diterjemahkan(db_bawaan: Path):
    sumber = muat_sumber(db_bawaan)
    sendiri = sumber[sumber["jenis"].isin(["sintetis", "batas_wilayah", "kode_wilayah"])]
    assert len(sendiri) >= 4
    terjemahan = {id_ for k, (id_, _) in katalog_teks().items() if k.startswith("bh_sitasi_")}
    assert set(sendiri["sitasi"]) <= terjemahan, set(sendiri["sitasi"]) - terjemahan
    en = hm.tabel_sumber(sendiri, "en")["Citation"].tolist()
    assert not [s for s in en if "Data contoh sintetis" in s or "Batas wilayah" in s or "Kode & nama" in s]
    assert any(s.startswith("KLA Dashboard synthetic example data") for s in en)
    # Outside sources keep their published wording; Indonesian mode shows the stored text as is.
    assert hm.tabel_sumber(sendiri, "id")["Sitasi"].tolist() == sendiri["sitasi"].tolist()
