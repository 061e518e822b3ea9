"""Disclosure control (issue 14): properties that must hold for every table, checked by an attacker
written here from the published text alone (not with the sensor's own network code).

The attacker knows: every published number; that "1–5" is 1..ambang; that an inner "x" is above
the threshold; that an "x" total is at least 1; that "–" adds nothing; and that every row, column
and total adds up. A hidden cell is
recovered when no other table consistent with all of that gives it another value. If one exists,
one exists that differs from the truth by at most one in every cell (a single unit cycle: the
constraint matrix of a table with its margins is totally unimodular), so the search below tries
every change of -1, 0 or +1 of the hidden cells.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from indicators.perlindungan import sensor
from indicators.perlindungan.sensor import TOTAL, kendalikan

AMBANG = 5
TAK_HINGGA = math.inf


def _di(df: pd.DataFrame, b: object, k: object) -> Any:
    """One cell of a frame (pandas-stubs type ``.at`` as a union of every scalar)."""
    return df.at[b, k]


# --- the attacker -----------------------------------------------------------------------------------


def _angka_terbit(teks: str) -> int | None:
    bersih = teks.replace(".", "").replace(",", "")
    return int(bersih) if bersih.isdigit() else None


def _nilai_asli(tabel: pd.DataFrame) -> dict[tuple[object, object], int]:
    """Every true count of the table and its margins (NA counts as 0 in a sum, as published)."""
    isi = tabel.fillna(0).astype(int)
    asli: dict[tuple[object, object], int] = {(b, k): int(_di(isi, b, k)) for b in isi.index for k in isi.columns}
    for b in isi.index:
        asli[(b, TOTAL)] = int(isi.loc[b].sum())
    for k in isi.columns:
        asli[(TOTAL, k)] = int(isi[k].sum())
    asli[(TOTAL, TOTAL)] = int(isi.to_numpy().sum())
    return asli


def _garis(
    baris: Sequence[object], kolom: Sequence[object]
) -> list[tuple[tuple[object, object], list[tuple[object, object]]]]:
    """Every line of the table with its margins: (its total, its cells)."""
    hasil: list[tuple[tuple[object, object], list[tuple[object, object]]]] = [
        ((b, TOTAL), [(b, k) for k in kolom]) for b in baris
    ]
    hasil += [((TOTAL, k), [(b, k) for b in baris]) for k in kolom]
    hasil.append(((TOTAL, TOTAL), [(b, TOTAL) for b in baris]))
    hasil.append(((TOTAL, TOTAL), [(TOTAL, k) for k in kolom]))
    return hasil


def _batas_penyerang(
    teks: pd.DataFrame,
    tabel: pd.DataFrame,
    ambang: int,
    selimut: Collection[object] = (),
    total_diketahui: Collection[object] = (),
) -> dict[tuple[object, object], tuple[float, float]]:
    """What the attacker knows of every hidden or unpublished count (published ones are constants).

    ``selimut``: rows hidden whole (any count, zero included); ``total_diketahui``: rows whose total
    the attacker has from another table (a constant even when this table does not show it).
    """
    baris, kolom = list(tabel.index), list(tabel.columns)
    semua = [(b, k) for b in [*baris, TOTAL] for k in [*kolom, TOTAL]]
    primer = sensor.teks_primer(ambang)

    def tampil(sel: tuple[object, object]) -> str | None:
        b, k = sel
        if b not in teks.index or k not in teks.columns:
            return None  # not published at all
        return str(_di(teks, b, k))

    batas: dict[tuple[object, object], tuple[float, float]] = {}
    for sel in semua:
        t = tampil(sel)
        if sel[1] == TOTAL and sel[0] in total_diketahui:
            continue  # a constant
        if t is None or (sel[0] in selimut and t in (primer, "x")):
            batas[sel] = (0, TAK_HINGGA)
        elif t == primer:
            batas[sel] = (1, ambang)
        elif t == "x":
            batas[sel] = (1, TAK_HINGGA) if TOTAL in sel else (ambang + 1, TAK_HINGGA)
    # A hidden total whose hidden cells all lie in rows hidden whole may be anything, zero included.
    berubah = True
    while berubah:
        berubah = False
        for total, isi in _garis(baris, kolom):
            if batas.get(total) != (1, TAK_HINGGA):
                continue
            tersembunyi = [c for c in isi if c in batas]
            if tersembunyi and all(batas[c] == (0, TAK_HINGGA) and tampil(c) is not None for c in tersembunyi):
                batas[total] = (0, TAK_HINGGA)
                berubah = True
    return batas


def tertebak(
    tabel: pd.DataFrame,
    teks: pd.DataFrame,
    ambang: int,
    selimut: Collection[object] = (),
    total_diketahui: Collection[object] = (),
) -> list[tuple[object, object]]:
    """The hidden cells the attacker can pin to one value."""
    baris, kolom = list(tabel.index), list(tabel.columns)
    asli = _nilai_asli(tabel)
    batas = _batas_penyerang(teks, tabel, ambang, selimut, total_diketahui)
    peubah = sorted(batas, key=lambda s: (str(s[0]) == TOTAL, str(s[1]) == TOTAL, str(s)))
    kendala = []
    for total, isi in _garis(baris, kolom):
        anggota = [(s, 1) for s in isi if s in batas] + ([(total, -1)] if total in batas else [])
        if anggota:
            kendala.append(anggota)
    per_peubah: dict[tuple[object, object], list[int]] = {p: [] for p in peubah}
    for n, anggota in enumerate(kendala):
        for s, _ in anggota:
            per_peubah[s].append(n)

    def boleh(s: tuple[object, object], d: int) -> bool:
        bawah, atas = batas[s]
        return bawah <= asli[s] + d <= atas

    def ada_lain(target: tuple[object, object]) -> bool:
        urutan = [target] + [p for p in peubah if p != target]
        delta: dict[tuple[object, object], int] = {}
        sisa = [len(a) for a in kendala]
        jumlah = [0] * len(kendala)

        def coba(i: int) -> bool:
            if i == len(urutan):
                return all(j == 0 for j in jumlah)
            s = urutan[i]
            pilihan = [1, -1] if s == target else [0, 1, -1]
            for d in pilihan:
                if not boleh(s, d):
                    continue
                koef = {n: c for n, a in enumerate(kendala) for (x, c) in a if x == s}
                ok = True
                for n in per_peubah[s]:
                    jumlah[n] += koef[n] * d
                    sisa[n] -= 1
                    if abs(jumlah[n]) > sisa[n]:
                        ok = False
                if ok:
                    delta[s] = d
                    if coba(i + 1):
                        return True
                for n in per_peubah[s]:
                    jumlah[n] -= koef[n] * d
                    sisa[n] += 1
            return False

        return coba(0)

    penanda = {sensor.teks_primer(ambang), "x"}
    tersembunyi = [s for s in peubah if s[0] in teks.index and s[1] in teks.columns and _di(teks, *s) in penanda]
    return [s for s in tersembunyi if not ada_lain(s)]


# --- random tables ------------------------------------------------------------------------------------


@st.composite
def tabel_acak(draw: st.DrawFn) -> pd.DataFrame:
    """Small tables full of small counts (so suppression is exercised), with gaps and zeros."""
    baris = draw(st.integers(1, 5))
    kolom = draw(st.integers(1, 4))
    nilai = st.one_of(
        st.integers(0, 8),
        st.integers(0, 40),
        st.just(None),
    )
    data = [[draw(nilai) for _ in range(kolom)] for _ in range(baris)]
    tabel = pd.DataFrame(
        data, index=[f"33.{i + 1:02d}" for i in range(baris)], columns=[f"k{j}" for j in range(kolom)], dtype="Float64"
    )
    return tabel


@st.composite
def kasus_acak(draw: st.DrawFn) -> tuple[pd.DataFrame, frozenset[str], int]:
    tabel = draw(tabel_acak())
    terbuka = frozenset(draw(st.lists(st.sampled_from(list(tabel.index)), max_size=2)))
    ambang = draw(st.sampled_from([2, 3, 5]))
    return tabel, terbuka, ambang


@st.composite
def kasus_bertaut(draw: st.DrawFn) -> tuple[pd.DataFrame, frozenset[str], frozenset[str], frozenset[str]]:
    """A table linked to another: some row totals known from it, some rows hidden whole by it.

    The other table publishes a region's total exactly only when it is 0 or above the threshold
    (or the region is the viewer's), and hides it otherwise: so are the cases drawn.
    """
    tabel = draw(tabel_acak())
    baris = list(tabel.index)
    terbuka = frozenset(draw(st.lists(st.sampled_from(baris), max_size=1)))
    jumlah = tabel.fillna(0).sum(axis=1)
    boleh = [b for b in baris if jumlah[b] == 0 or jumlah[b] > AMBANG or b in terbuka]
    diketahui = frozenset(draw(st.lists(st.sampled_from(boleh), max_size=len(boleh)))) if boleh else frozenset()
    lain = [b for b in baris if b not in diketahui]
    selimut = frozenset(draw(st.lists(st.sampled_from(lain), max_size=2))) if lain else frozenset()
    return tabel, terbuka, diketahui, selimut


def _nonterbuka(tabel: pd.DataFrame, terbuka: Collection[str]) -> list[object]:
    return [b for b in tabel.index if b not in terbuka]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kasus_acak())
def test_setiap_sel_primer_tersembunyi(kasus: tuple[pd.DataFrame, frozenset[str], int]):
    """(a) Every count 1..ambang outside the viewer's rows is hidden, inner cells and totals alike
    (a total is exempt only when every cell of its line is known to the viewer anyway)."""
    tabel, terbuka, ambang = kasus
    hasil = kendalikan(tabel, ambang=ambang, terbuka=terbuka)
    asli = _nilai_asli(tabel)
    for b in _nonterbuka(tabel, terbuka):
        for k in tabel.columns:
            if not pd.isna(_di(tabel, b, k)) and 1 <= asli[(b, k)] <= ambang:
                assert _di(hasil.status, b, k) == "primer"
                assert _di(hasil.teks, b, k) == f"1–{ambang}"
                assert math.isnan(_di(hasil.nilai, b, k))
    # Known to the viewer without the sensor: open rows, zeros, unreported cells, and any total of
    # a line whose cells are all known (repeated until nothing changes).
    garis = _garis(list(tabel.index), list(tabel.columns))
    diketahui = {s for s in asli if s[0] in terbuka}
    diketahui |= {(b, k) for b in tabel.index for k in tabel.columns if pd.isna(_di(tabel, b, k)) or asli[(b, k)] == 0}
    berubah = True
    while berubah:
        baru = {total for total, isi in garis if total not in diketahui and all(s in diketahui for s in isi)}
        diketahui |= baru
        berubah = bool(baru)
    for total, _ in garis:
        if 1 <= asli[total] <= ambang and total not in diketahui:
            assert _di(hasil.status, *total) in sensor.STATUS_TERSAMAR
            assert math.isnan(_di(hasil.nilai, *total))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kasus_acak())
def test_tiada_sel_tersembunyi_yang_dapat_ditebak(kasus: tuple[pd.DataFrame, frozenset[str], int]):
    """(b) For every hidden cell, the published totals and cells (and the viewer's open rows) leave
    at least two values; this implies two hidden cells in every line with a published total."""
    tabel, terbuka, ambang = kasus
    hasil = kendalikan(tabel, ambang=ambang, terbuka=terbuka)
    assert hasil.tak_terlindungi == ()
    assert tertebak(tabel, hasil.teks, ambang) == []
    for b in [*tabel.index, TOTAL]:
        tersembunyi = [k for k in hasil.status.columns if _di(hasil.status, b, k) in sensor.STATUS_TERSAMAR]
        assert len(tersembunyi) != 1, f"row {b}: a single hidden cell in a line with a published total"
    for k in [*tabel.columns, TOTAL]:
        tersembunyi = [b for b in hasil.status.index if _di(hasil.status, b, k) in sensor.STATUS_TERSAMAR]
        assert len(tersembunyi) != 1, f"column {k}: a single hidden cell in a line with a published total"


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kasus_acak())
def test_nilai_persis_di_luar_lingkup_tidak_pernah_keluar(kasus: tuple[pd.DataFrame, frozenset[str], int]):
    """(c) Outside the viewer's rows, a hidden count never appears in .teks or .nilai; what is shown
    is a zero or a count above the threshold; the viewer's own rows are exact."""
    tabel, terbuka, ambang = kasus
    hasil = kendalikan(tabel, ambang=ambang, terbuka=terbuka)
    asli = _nilai_asli(tabel)
    penanda = {f"1–{ambang}", "x", "–"}
    for b in tabel.index:
        for k in [*tabel.columns, TOTAL]:
            teks, nilai, status = _di(hasil.teks, b, k), _di(hasil.nilai, b, k), _di(hasil.status, b, k)
            if b in terbuka:
                kosong = bool(tabel.loc[b].isna().all()) if k == TOTAL else bool(pd.isna(_di(tabel, b, k)))
                assert status == ("kosong" if kosong else "terbuka")
                if not kosong:
                    assert nilai == asli[(b, k)]
                    assert _angka_terbit(teks) == asli[(b, k)]
            elif status in sensor.STATUS_TERSAMAR:
                assert teks in penanda
                assert math.isnan(nilai)
            elif status == "terbuka":
                assert nilai == asli[(b, k)]
                assert nilai == 0 or nilai > ambang
                assert _angka_terbit(teks) == asli[(b, k)]
            else:
                assert teks == "–"
                assert math.isnan(nilai)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tabel_acak(), st.booleans(), st.booleans())
def test_tanpa_total_tetap_terlindungi(tabel: pd.DataFrame, total_baris: bool, total_kolom: bool):
    """Without a total row or column the remaining totals still cannot give a hidden cell away."""
    assume(total_baris or total_kolom)
    hasil = kendalikan(tabel, total_baris=total_baris, total_kolom=total_kolom)
    assert (TOTAL in hasil.teks.index) == total_baris
    assert (TOTAL in hasil.teks.columns) == total_kolom
    assert hasil.tak_terlindungi == ()
    assert tertebak(tabel, hasil.teks, AMBANG) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kasus_bertaut(), st.booleans())
def test_total_dari_tabel_lain_dan_baris_utuh_tersembunyi(
    kasus: tuple[pd.DataFrame, frozenset[str], frozenset[str], frozenset[str]], total_kolom: bool
):
    """A table linked to another by its row totals (the months of a region under the recap's region
    total; victims by age under the victims' total): a total known from the other table stays exact
    and is never hidden again, a row whose total the other table hides is hidden whole, and nothing
    hidden can be recovered by an attacker who has both."""
    tabel, terbuka, diketahui, selimut = kasus
    hasil = kendalikan(
        tabel, terbuka=terbuka, total_diketahui=diketahui, baris_selimut=selimut, total_kolom=total_kolom
    )
    assert hasil.tak_terlindungi == ()
    assert set(selimut) - set(terbuka) <= set(hasil.baris_selimut)
    for b in hasil.baris_selimut:
        for k, t in hasil.teks.loc[str(b)].items():
            # every count of the row is hidden, but under a published zero total a zero is no secret
            nol_diketahui = k != TOTAL and tabel[str(k)].fillna(0).sum() == 0
            assert t in ("x", "–") or (t == "0" and nol_diketahui) or k == TOTAL
    if total_kolom:
        for b in diketahui | terbuka:
            assert _di(hasil.status, b, TOTAL) in ("terbuka", "kosong")
    assert tertebak(tabel, hasil.teks, AMBANG, hasil.baris_selimut, diketahui | terbuka) == []


def test_baris_tanpa_ruang_di_bawah_total_yang_diketahui_disembunyikan_utuh():
    """One and six under a total of 7 known from the recap: "1–5" and "x" (above 5) would pin the
    1, so the row is hidden whole (any counts adding up to 7)."""
    tabel = pd.DataFrame({"jan": [1], "feb": [6], "mar": [0]}, index=["33.75"])
    hasil = kendalikan(tabel, total_diketahui={"33.75"}, total_baris=False)
    assert list(hasil.teks.loc["33.75"]) == ["x", "x", "x", "7"]
    assert hasil.baris_selimut == ("33.75",)
    assert tertebak(tabel, hasil.teks, AMBANG, hasil.baris_selimut, {"33.75"}) == []


# --- a table worked out by hand ----------------------------------------------------------------------


def test_tabel_hitung_tangan():
    """Three regions × three forms, worked out by hand (threshold 5):

    ========  =====  ======  =======  =====
    region    fisik  psikis  seksual  total
    ========  =====  ======  =======  =====
    33.01       10       7       40     57
    33.02        3      12        9     24
    33.03       20       1        8     29
    total       33      20       57    110
    ========  =====  ======  =======  =====

    Primary: 33.02 fisik (3) and 33.03 psikis (1). Alone in their rows and columns each would be
    recovered (33.02 fisik = 24 − 12 − 9), so a cycle is needed: the cheapest is the rectangle
    33.02 fisik, 33.02 psikis, 33.03 psikis, 33.03 fisik (fisik +1, psikis −1 in 33.02; psikis +1,
    fisik −1 in 33.03), which hides 33.02 psikis (12) and 33.03 fisik (20). With p = 33.02 fisik a
    viewer knows 33.02 psikis = 15 − p, 33.03 fisik = 23 − p and 33.03 psikis = p − 2, so p is 3, 4
    or 5 (33.03 psikis 1, 2 or 3): nothing is recovered. Totals stay.
    """
    tabel = pd.DataFrame(
        {"fisik": [10, 3, 20], "psikis": [7, 12, 1], "seksual": [40, 9, 8]}, index=["33.01", "33.02", "33.03"]
    )
    hasil = kendalikan(tabel)
    harapan = pd.DataFrame(
        {
            "fisik": ["10", "1–5", "x", "33"],
            "psikis": ["7", "x", "1–5", "20"],
            "seksual": ["40", "9", "8", "57"],
            TOTAL: ["57", "24", "29", "110"],
        },
        index=["33.01", "33.02", "33.03", TOTAL],
    )
    pd.testing.assert_frame_equal(hasil.teks, harapan, check_dtype=False)
    assert _di(hasil.status, "33.02", "fisik") == "primer"
    assert _di(hasil.status, "33.02", "psikis") == "sekunder"
    assert tertebak(tabel, hasil.teks, AMBANG) == []
    # The editor of 33.02 sees that row exactly; 33.03's 1 must still hold, now against 33.02's numbers.
    editor = kendalikan(tabel, terbuka={"33.02"})
    assert list(editor.teks.loc["33.02"]) == ["3", "12", "9", "24"]
    assert _di(editor.status, "33.03", "psikis") == "primer"
    assert tertebak(tabel, editor.teks, AMBANG) == []


def test_total_kecil_juga_x_karena_1_5_akan_membatasi_garisnya():
    """Five regions with one case each and nothing else (threshold 5): a "1–5" column total would
    say every one of them is exactly 1, so a hidden total is always "x" (and here the grand total,
    or another column total, is hidden with it, or 45 − 40 would give it back)."""
    tabel = pd.DataFrame(
        {"tppo": [1, 1, 1, 1, 1, 0], "fisik": [30, 20, 25, 40, 22, 18]}, index=[f"33.0{i}" for i in range(1, 7)]
    )
    hasil = kendalikan(tabel)
    assert _di(hasil.teks, TOTAL, "tppo") == "x"
    assert _di(hasil.status, TOTAL, "tppo") == "primer"
    assert tertebak(tabel, hasil.teks, AMBANG) == []


def test_editor_tidak_dapat_menebak_dari_total_kolom():
    """The editor of 33.01 sees its 1; a column total of 6 would give 33.03's count (5) away, and an
    "x" that meant "above 5" would too (6 or more, minus 1, is at least 5): the total is an "x" that
    says only "at least 1", with a cycle through the grand total behind it."""
    tabel = pd.DataFrame({"a": [1, None, 5], "b": [5, 2, 0]}, index=["33.01", "33.02", "33.03"], dtype="Float64")
    hasil = kendalikan(tabel, terbuka={"33.01"}, total_kolom=False)
    assert _di(hasil.teks, "33.03", "a") == "1–5"
    assert _di(hasil.teks, TOTAL, "a") == "x"
    assert tertebak(tabel, hasil.teks, AMBANG) == []


def test_penanda_ascii_dan_kurang_dari():
    tabel = pd.DataFrame({"a": [3, 40, 1234], "b": [30, 2, 50]}, index=["33.01", "33.02", "33.03"])
    mesin = kendalikan(tabel, ascii_=True)
    assert _di(mesin.teks, "33.01", "a") == "1-5"
    assert _di(mesin.teks, "33.03", "a") == "1234"
    kurang = kendalikan(tabel, bentuk_primer="kurang_dari", bahasa="en")
    assert _di(kurang.teks, "33.01", "a") == "<6"
    assert _di(kurang.teks, TOTAL, TOTAL) == "1,359"
    assert _di(kendalikan(tabel).teks, TOTAL, TOTAL) == "1.359"


def test_terbuka_mencakup_kode_di_bawahnya_dan_semua():
    assert sensor.tercakup("33.75", {"33"})
    assert sensor.tercakup("33.75.01", {"33.75"})
    assert not sensor.tercakup("33.7", {"33.75"})
    assert not sensor.tercakup("33", {"33.75"})
    assert sensor.tercakup("35.01", {sensor.TERBUKA_SEMUA})


def test_ambang_dari_lingkungan_dan_yang_tidak_sah(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(sensor.ENV_AMBANG, "10")
    assert sensor.ambang_aktif() == 10
    monkeypatch.setenv(sensor.ENV_AMBANG, "lima")
    with pytest.raises(sensor.AmbangTidakSah, match="bukan bilangan bulat"):
        sensor.ambang_aktif()
    with pytest.raises(sensor.AmbangTidakSah, match="terlalu kecil"):
        sensor.ambang_aktif(1)
    monkeypatch.delenv(sensor.ENV_AMBANG)
    assert sensor.ambang_aktif() == sensor.AMBANG_BAWAAN


def test_baris_tidak_dilaporkan_tanda_pisah_bukan_nol():
    tabel = pd.DataFrame({"a": [None, 12], "b": [None, 30]}, index=["33.01", "33.02"], dtype="Float64")
    hasil = kendalikan(tabel)
    assert list(hasil.teks.loc["33.01"]) == ["–", "–", "–"]
    assert list(hasil.status.loc["33.01"]) == ["kosong"] * 3


def test_sel_bukan_bilangan_bulat_ditolak():
    with pytest.raises(ValueError, match="bilangan bulat"):
        kendalikan(pd.DataFrame({"a": [1.5]}, index=["33.01"]))
    with pytest.raises(ValueError, match="bilangan bulat"):
        kendalikan(pd.DataFrame({"a": [-1]}, index=["33.01"]))
