"""Disclosure control of child-protection counts: small counts hidden, and never recoverable.

Child victims' identities are protected by law (UU 35/2014, UU SPPA Ps. 19, UU PDP), so every
count a viewer may not see exactly is published as a band or a mark, on every surface. For one
table (regions × categories, with a total row and a total column) :func:`kendalikan` returns the
published text, the numbers the viewer may see and each cell's status:

- ``terbuka``: shown exactly (through :mod:`indicators.format`);
- ``primer``: a count from 1 to the threshold (``ambang``, default :data:`AMBANG_BAWAAN`), shown as
  "1–5" (or "<6"); a total that is itself 1..ambang is primary too, shown "x" like every hidden
  total (see below);
- ``sekunder``: hidden so that a primary cell cannot be recovered from the totals, shown "x";
- ``kosong``: not reported, shown "–" (never a zero).

Rows in ``terbuka`` (a logged-in editor's scope) are shown exactly to that viewer; the rest of the
table is protected also against a viewer who sees those rows exactly.

**What a viewer can know** (the model every check here uses). Published numbers; that a "1–5"
cell lies in 1..ambang; that an inner "x" is not a zero and not 1..ambang, i.e. above the threshold
(secondary cells are only ever chosen among counts above it); that an "x" total is at least 1 (a
hidden total is always "x", whether it is itself 1..ambang or hidden as a secondary cell: a "1–5"
total would cap its line, and an "x" that meant "above the threshold" would floor it, and either can
pin a "1–5" cell, e.g. five "1–5" cells under a "1–5" total are all 1); "–" adds nothing; and every
row, column and total adds up.

**The guarantee.** For every hidden cell there are at least two values consistent with all of that
(so no hidden cell is ever determined). This is checked, not hoped for: the table is a flow network
(source → row → column → sink, the row totals on the source's edges, the column totals on the
sink's, the grand total closing the circle), every hidden count is an edge whose bounds are what a
viewer knows, and a hidden cell can take another value exactly when a cycle of the residual network
runs through it (the constraint matrix of a table with its margins is totally unimodular, so a
change of one unit along one cycle is a whole-number table that satisfies every published number).
It implies the classical rule: every row and every column with a published total that holds a hidden
cell holds at least two (a cycle enters and leaves each line it crosses through two of its edges).

**Secondary suppression.** After the primary cells, every hidden cell that cannot move is given a
cycle: the cheapest path through cells not yet hidden (inner cells first, then totals, the grand
total last; a count above the threshold, never a zero) that closes a cycle through it, found by a
shortest-path search over the residual network; the cells on that path become "x". Hiding more
never makes a movable cell fixed, so the loop ends with every hidden cell movable. It always can
within one table: with every unknown count hidden, a "1–5" cell below the threshold moves up with its row total, its
column total and the grand total (none of them capped), and one at the threshold moves down with
them.

**Tables that share a total.** A count published in two places must read the same in both. A row
total known exactly from another table (``total_diketahui``: the recap's region total, for the
months of that region; the victims of a region, for its victims by age) is a known number here, never
hidden again. A row whose total the other table hides is hidden whole (``baris_selimut``): every
reported cell and the total are "x" and a viewer learns nothing of them, not even a floor (they may
be any count, zero included), and so is a column total whose hidden cells all lie in such rows. So
the two tables only meet in numbers both publish, and what one hides the other cannot give away. (A
row whose cells a known total leaves no room, such as 1 and 6 under a known 7, is hidden whole in
the same way, its total still known; the guarantee above then holds with "any count" for its cells.)

Rates built on a hidden count are hidden too (:func:`tersamar`). The same rules apply on every
surface, because every surface reads its figures through the read functions of
:mod:`indicators.perlindungan.data`, which call this module.
"""

from __future__ import annotations

import heapq
import math
import os
from collections import deque
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from indicators.format import Bahasa, format_angka
from indicators.galat import GalatDwibahasa

AMBANG_BAWAAN = 5
"""Counts from 1 to this are never shown outside the viewer's scope."""
ENV_AMBANG = "KLA_AMBANG_SENSOR"
"""Environment variable that sets another threshold (a whole number of at least 2)."""
TERBUKA_SEMUA = "*"
"""In ``terbuka``: every region is open to the viewer (an administrator)."""
TOTAL = "total"
"""Label of the total row and of the total column."""

Status = Literal["terbuka", "primer", "sekunder", "kosong"]
BentukPrimer = Literal["rentang", "kurang_dari"]
STATUS_TERSAMAR: frozenset[str] = frozenset({"primer", "sekunder"})

_TAK_HINGGA = math.inf
# The cost of hiding one more cell of each kind: inner cells first, then totals, the grand total last.
_BIAYA = (1, 60, 3600)


class AmbangTidakSah(GalatDwibahasa):
    """The configured threshold is not a whole number of at least 2."""


def ambang_aktif(ambang: int | None = None) -> int:
    """The threshold to use: ``ambang`` when given, else ``$KLA_AMBANG_SENSOR``, else :data:`AMBANG_BAWAAN`.

    Below 2 a "1–1" band would show the count itself, so it is refused.
    """
    if ambang is None:
        teks = os.environ.get(ENV_AMBANG, "").strip()
        if not teks:
            return AMBANG_BAWAAN
        if not teks.isdigit():
            raise AmbangTidakSah(
                f"{ENV_AMBANG}='{teks}' bukan bilangan bulat; harus bilangan bulat ≥ 2 (bawaan {AMBANG_BAWAAN})",
                f"{ENV_AMBANG}='{teks}' is not a whole number; expected a whole number ≥ 2 (default {AMBANG_BAWAAN})",
            )
        ambang = int(teks)
    if ambang < 2:
        raise AmbangTidakSah(
            f"ambang sensor {ambang} terlalu kecil; harus ≥ 2 (bawaan {AMBANG_BAWAAN})",
            f"disclosure threshold {ambang} is too small; expected ≥ 2 (default {AMBANG_BAWAAN})",
        )
    return ambang


def tercakup(kode: object, terbuka: Collection[str]) -> bool:
    """Whether region ``kode`` is open to a viewer whose scope is ``terbuka``.

    A scope code covers itself and every code below it (``33`` covers ``33.75``), as account scopes
    do; :data:`TERBUKA_SEMUA` covers everything.
    """
    if TERBUKA_SEMUA in terbuka:
        return True
    k = str(kode)
    return any(k == w or k.startswith(f"{w}.") for w in terbuka)


def teks_primer(ambang: int, *, bentuk: BentukPrimer = "rentang", ascii_: bool = False) -> str:
    """The mark of a primary cell: "1–5" (or "1-5" in ASCII), or "<6"."""
    if bentuk == "kurang_dari":
        return f"<{ambang + 1}"
    return f"1{'-' if ascii_ else '–'}{ambang}"


def teks_kosong(*, ascii_: bool = False) -> str:
    """The mark of a cell that was not reported."""
    return "-" if ascii_ else "–"


TEKS_SEKUNDER = "x"


def teks_angka(nilai: float, *, desimal: int = 0, bahasa: Bahasa = "id", ascii_: bool = False) -> str:
    """An exact published number: through :mod:`indicators.format`, or plain digits for machines."""
    if ascii_:
        return f"{nilai:.{desimal}f}"
    return format_angka(nilai, desimal, bahasa)


def tersamar(status: Sequence[str]) -> bool:
    """Whether any of these statuses hides its count (a figure built on it must be hidden too)."""
    return any(s in STATUS_TERSAMAR for s in status)


# --- the network ---------------------------------------------------------------------------------


@dataclass
class Sel:
    """One count of a published table: an edge ``asal`` → ``tujuan`` of the flow network.

    ``tetap``: the viewer knows it exactly (an open row, a zero, a total known from elsewhere, or a
    total of known cells). ``terbit``: it is published at all (a total that is not shown is not).
    ``selimut``: in a row hidden whole (any count, zero included). ``tingkat``: 0 inner cell, 1 total,
    2 grand total (the cost of hiding it; a hidden total is always "x").
    """

    asal: int
    tujuan: int
    nilai: int
    tingkat: int
    kosong: bool = False
    tetap: bool = False
    terbit: bool = True
    selimut: bool = False
    status: str = "terbuka"


@dataclass
class Jaringan:
    """Published counts linked by "this count is the sum of those": rows, columns and their totals.

    Every node conserves flow (what enters equals what leaves); a node's *total* is its one edge on
    the side that has exactly one (a row's total, a column's total, the grand total).
    """

    jumlah_simpul: int
    sel: list[Sel] = field(default_factory=list)

    def tambah(
        self,
        asal: int,
        tujuan: int,
        nilai: int,
        tingkat: int,
        *,
        kosong: bool = False,
        tetap: bool = False,
        terbit: bool = True,
        selimut: bool = False,
    ) -> int:
        """Add a count; return its index."""
        self.sel.append(Sel(asal, tujuan, nilai, tingkat, kosong=kosong, tetap=tetap, terbit=terbit, selimut=selimut))
        return len(self.sel) - 1

    def garis(self) -> list[tuple[int, list[int]]]:
        """Every line as (its total, its other cells)."""
        masuk: list[list[int]] = [[] for _ in range(self.jumlah_simpul)]
        keluar: list[list[int]] = [[] for _ in range(self.jumlah_simpul)]
        for i, s in enumerate(self.sel):
            keluar[s.asal].append(i)
            masuk[s.tujuan].append(i)
        hasil = []
        for n in range(self.jumlah_simpul):
            if len(masuk[n]) == 1 and keluar[n]:
                hasil.append((masuk[n][0], keluar[n]))
            if len(keluar[n]) == 1 and masuk[n]:
                # A node with one edge on each side holds two equal counts: each is the other's total.
                hasil.append((keluar[n][0], masuk[n]))
        return hasil

    # -- what a viewer knows --

    def batas(self, i: int, ambang: int) -> tuple[float, float]:
        """The bounds a viewer knows for count ``i`` (equal bounds: known exactly)."""
        s = self.sel[i]
        if s.tetap or s.kosong or (s.terbit and s.status == "terbuka"):
            return (s.nilai, s.nilai)
        if not s.terbit or s.selimut:
            return (0, _TAK_HINGGA)
        if s.tingkat > 0:
            return (1, _TAK_HINGGA)  # every hidden total is "x": at least 1, nothing more
        if s.status == "primer":
            return (1, ambang)
        return (ambang + 1, _TAK_HINGGA)

    def _busur(self, ambang: int, kecuali: int) -> list[list[int]]:
        """Residual arcs (node → nodes) of every count but ``kecuali``."""
        busur: list[list[int]] = [[] for _ in range(self.jumlah_simpul)]
        for i, s in enumerate(self.sel):
            if i == kecuali:
                continue
            bawah, atas = self.batas(i, ambang)
            if s.nilai < atas:
                busur[s.asal].append(s.tujuan)
            if s.nilai > bawah:
                busur[s.tujuan].append(s.asal)
        return busur

    def dapat_bergerak(self, i: int, ambang: int) -> bool:
        """Whether count ``i`` can take another value consistent with everything a viewer knows."""
        s = self.sel[i]
        bawah, atas = self.batas(i, ambang)
        if bawah == atas:
            return False
        busur = self._busur(ambang, i)
        naik = s.nilai < atas and _terjangkau(busur, s.tujuan, s.asal)
        return naik or (s.nilai > bawah and _terjangkau(busur, s.asal, s.tujuan))

    def tersembunyi(self) -> list[int]:
        """The published counts the viewer cannot see exactly."""
        return [i for i, s in enumerate(self.sel) if s.terbit and s.status in STATUS_TERSAMAR]

    # -- suppression --

    def tandai(self, ambang: int) -> None:
        """Known counts, primary cells and rows hidden whole (before any secondary suppression)."""
        self._sebarkan_selimut()
        for s in self.sel:
            if s.kosong:
                s.tetap, s.status = True, "kosong"
            elif s.nilai == 0 and s.terbit and not s.selimut:
                s.tetap = True  # a published zero is never hidden, so it is never a secret
        for total, isi in self.garis():
            if self.sel[total].tetap and self.sel[total].nilai == 0:
                for j in isi:  # under a known zero every count is zero, hidden whole or not
                    self.sel[j].tetap, self.sel[j].selimut = True, False
        self._sebarkan_tetap()
        for s in self.sel:
            if s.kosong:
                continue
            if s.selimut:
                s.tetap = False
                s.status = "primer" if 1 <= s.nilai <= ambang else "sekunder"
            else:
                s.status = "primer" if (s.terbit and not s.tetap and 1 <= s.nilai <= ambang) else "terbuka"

    def _sebarkan_selimut(self) -> None:
        # A total whose unknown cells all lie in rows hidden whole is hidden whole too, even at zero:
        # an "x" total that could not be zero would tell that some of those cells are not.
        def terang(s: Sel) -> bool:
            return s.kosong or s.tetap or (s.nilai == 0 and s.terbit and not s.selimut)

        berubah = True
        garis = self.garis()
        while berubah:
            berubah = False
            for total, isi in garis:
                t = self.sel[total]
                sel_isi = [self.sel[j] for j in isi]
                if t.selimut or t.tetap or not any(s.selimut for s in sel_isi):
                    continue
                if all(s.selimut or terang(s) for s in sel_isi):
                    t.selimut = berubah = True

    def _sebarkan_tetap(self) -> None:
        # A total whose cells are all known is known (and a total of all-unreported cells is empty).
        berubah = True
        garis = self.garis()
        while berubah:
            berubah = False
            for total, isi in garis:
                t = self.sel[total]
                if not t.tetap and all(self.sel[j].tetap for j in isi):
                    t.tetap, t.selimut = True, False
                    t.kosong = all(self.sel[j].kosong for j in isi)
                    t.status = "kosong" if t.kosong else t.status
                    berubah = True

    def lindungi(self, ambang: int) -> list[int]:
        """Add secondary suppressions until every hidden count can move; return any that cannot.

        With a threshold of at least 2 it is empty unless a row total is known from another table
        (:func:`kendalikan` then hides that row whole); the property tests look for any other case.
        """
        tak_terlindungi: list[int] = []
        antre = deque(self.tersembunyi())
        while antre:
            i = antre.popleft()
            if i in tak_terlindungi or self.dapat_bergerak(i, ambang):
                continue
            jalur = self._jalur_termurah(i, ambang)
            if not jalur:  # None: no cycle at all; [] cannot happen (it would have moved already)
                tak_terlindungi.append(i)
                continue
            for j in jalur:
                self.sel[j].status = "sekunder"
            # Hiding more only adds residual arcs: a count that could move still can, so only the
            # new cells (and this one, for certainty) need another look.
            antre.extend([*jalur, i])
        return tak_terlindungi

    def _calon(self, i: int, ambang: int) -> bool:
        s = self.sel[i]
        return s.terbit and not s.tetap and s.status == "terbuka" and s.nilai > ambang

    def _jalur_termurah(self, i: int, ambang: int) -> list[int] | None:
        """The cheapest set of cells whose hiding closes a residual cycle through count ``i``."""
        s = self.sel[i]
        bawah, atas = self.batas(i, ambang)
        busur: list[list[tuple[int, int, int]]] = [[] for _ in range(self.jumlah_simpul)]
        for j, t in enumerate(self.sel):
            if j == i:
                continue
            if self._calon(j, ambang):
                biaya = _BIAYA[t.tingkat]
                busur[t.asal].append((t.tujuan, j, biaya))  # hidden, it may grow without bound
                if t.nilai > (1 if t.tingkat > 0 else ambang + 1):
                    busur[t.tujuan].append((t.asal, j, biaya))
                continue
            b, a = self.batas(j, ambang)
            if t.nilai < a:
                busur[t.asal].append((t.tujuan, j, 0))
            if t.nilai > b:
                busur[t.tujuan].append((t.asal, j, 0))
        pilihan = []
        if s.nilai < atas:
            pilihan.append(_dijkstra(busur, s.tujuan, s.asal))
        if s.nilai > bawah:
            pilihan.append(_dijkstra(busur, s.asal, s.tujuan))
        ada = [p for p in pilihan if p is not None]
        if not ada:
            return None
        _, jalur = min(ada)
        return [j for j in jalur if self._calon(j, ambang)]


def _terjangkau(busur: list[list[int]], dari: int, ke: int) -> bool:
    lihat = {dari}
    antre = deque([dari])
    while antre:
        n = antre.popleft()
        if n == ke:
            return True
        for m in busur[n]:
            if m not in lihat:
                lihat.add(m)
                antre.append(m)
    return False


def _dijkstra(busur: list[list[tuple[int, int, int]]], dari: int, ke: int) -> tuple[int, list[int]] | None:
    """The cheapest path (cost, the counts it uses) from ``dari`` to ``ke``; ties by count order."""
    terbaik: dict[int, tuple[int, list[int]]] = {dari: (0, [])}
    antre: list[tuple[int, list[int], int]] = [(0, [], dari)]
    selesai: set[int] = set()
    while antre:
        biaya, jalur, n = heapq.heappop(antre)
        if n in selesai:
            continue
        selesai.add(n)
        if n == ke:
            return biaya, jalur
        for m, j, b in busur[n]:
            calon = (biaya + b, [*jalur, j])
            if m not in selesai and (m not in terbaik or calon < terbaik[m]):
                terbaik[m] = calon
                heapq.heappush(antre, (calon[0], calon[1], m))
    return None


# --- one table -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TabelTerkendali:
    """A disclosure-controlled table, with a total row and/or column (labelled :data:`TOTAL`).

    ``teks``: what is published (exact numbers, "1–5", "x", "–"); ``nilai``: the numbers the viewer
    may see (NaN where hidden or not reported); ``status``: "terbuka", "primer", "sekunder",
    "kosong". ``baris_selimut``: the rows hidden whole (asked for, or because a total known from
    elsewhere left their cells no room). ``tak_terlindungi`` lists (row, column) of any hidden cell
    no suppression could protect (empty in every case the tests have found).
    """

    teks: pd.DataFrame
    nilai: pd.DataFrame
    status: pd.DataFrame
    ambang: int
    tak_terlindungi: tuple[tuple[Hashable, Hashable], ...] = ()
    baris_selimut: tuple[Hashable, ...] = ()


def _angka_bulat(tabel: pd.DataFrame) -> pd.DataFrame:
    angka = pd.DataFrame(tabel.apply(pd.to_numeric, errors="raise")).astype("Float64")
    ada = angka.notna()
    if ((angka[ada] < 0) | (angka[ada] % 1 != 0)).any().any():
        raise ValueError("kendalikan: sel harus bilangan bulat ≥ 0 atau kosong (cells must be whole counts ≥ 0 or NA)")
    return angka


def _bangun(
    angka: pd.DataFrame,
    *,
    terbuka: Collection[str],
    total_baris: bool,
    total_kolom: bool,
    total_diketahui: Collection[Hashable],
    baris_selimut: Collection[Hashable],
) -> tuple[Jaringan, dict[int, tuple[Hashable, Hashable]]]:
    """The network of one table: source → row → column → sink, the grand total closing the circle."""
    r, c = angka.shape
    sumber, muara = 0, 1
    simpul_baris = list(range(2, 2 + r))
    simpul_kolom = list(range(2 + r, 2 + r + c))
    jaringan = Jaringan(2 + r + c)
    letak: dict[int, tuple[Hashable, Hashable]] = {}
    for n, (label, baris) in zip(simpul_baris, angka.iterrows(), strict=True):
        buka = tercakup(label, terbuka)
        selimut = not buka and label in baris_selimut
        for m, (kolom, v) in zip(simpul_kolom, baris.items(), strict=True):
            kosong = bool(pd.isna(v))
            nilai = 0 if kosong else int(v)
            i = jaringan.tambah(n, m, nilai, 0, kosong=kosong, tetap=buka or kosong, selimut=selimut and not kosong)
            letak[i] = (label, kolom)
        kosong = bool(baris.isna().all())
        diketahui = buka or label in total_diketahui
        i = jaringan.tambah(
            sumber, n, int(baris.sum(skipna=True)), 1,
            kosong=kosong, terbit=total_kolom, tetap=diketahui or kosong, selimut=selimut and not (kosong or diketahui),
        )  # fmt: skip
        letak[i] = (label, TOTAL)
    for m, (kolom, isi) in zip(simpul_kolom, angka.items(), strict=True):
        i = jaringan.tambah(m, muara, int(isi.sum(skipna=True)), 1, kosong=bool(isi.isna().all()), terbit=total_baris)
        letak[i] = (TOTAL, kolom)
    total = int(angka.sum(skipna=True).sum())
    kosong_semua = bool(angka.isna().all().all())
    i = jaringan.tambah(muara, sumber, total, 2, kosong=kosong_semua, terbit=total_baris and total_kolom)
    letak[i] = (TOTAL, TOTAL)
    return jaringan, letak


def _keluaran(
    jaringan: Jaringan,
    letak: dict[int, tuple[Hashable, Hashable]],
    baris: list[Hashable],
    kolom: list[Hashable],
    ambang: int,
    *,
    bahasa: Bahasa,
    ascii_: bool,
    bentuk_primer: BentukPrimer,
    tak_terlindungi: list[int],
    baris_selimut: tuple[Hashable, ...],
) -> TabelTerkendali:
    teks = pd.DataFrame("", index=pd.Index(baris), columns=pd.Index(kolom), dtype=object)
    nilai = pd.DataFrame(math.nan, index=pd.Index(baris), columns=pd.Index(kolom), dtype="float64")
    status = pd.DataFrame("", index=pd.Index(baris), columns=pd.Index(kolom), dtype=object)
    primer = teks_primer(ambang, bentuk=bentuk_primer, ascii_=ascii_)
    for i, (b, k) in letak.items():
        s = jaringan.sel[i]
        if not s.terbit:
            continue
        if s.status == "kosong":
            teks.at[b, k] = teks_kosong(ascii_=ascii_)
        elif s.status == "terbuka":
            teks.at[b, k] = teks_angka(s.nilai, bahasa=bahasa, ascii_=ascii_)
            nilai.at[b, k] = float(s.nilai)
        elif s.status == "primer" and s.tingkat == 0 and not s.selimut:
            teks.at[b, k] = primer
        else:
            teks.at[b, k] = TEKS_SEKUNDER
        status.at[b, k] = s.status
    return TabelTerkendali(
        teks=teks,
        nilai=nilai,
        status=status,
        ambang=ambang,
        tak_terlindungi=tuple(letak[i] for i in tak_terlindungi),
        baris_selimut=baris_selimut,
    )


def kendalikan(
    tabel: pd.DataFrame,
    *,
    ambang: int | None = AMBANG_BAWAAN,
    terbuka: Collection[str] = (),
    total_baris: bool = True,
    total_kolom: bool = True,
    total_diketahui: Collection[Hashable] = (),
    baris_selimut: Collection[Hashable] = (),
    bahasa: Bahasa = "id",
    ascii_: bool = False,
    bentuk_primer: BentukPrimer = "rentang",
) -> TabelTerkendali:
    """Disclosure-control one table for a viewer who may see the rows of ``terbuka`` exactly.

    ``tabel``: index kode_wilayah (or any row labels), columns categories, whole counts (NA = not
    reported). ``total_baris``/``total_kolom``: publish the column totals (a row :data:`TOTAL`) and
    the row totals (a column :data:`TOTAL`); the grand total is published with both.
    ``total_diketahui``: rows whose total another table publishes exactly (kept exact here);
    ``baris_selimut``: rows whose total another table hides (hidden whole here). ``ambang`` None
    reads :data:`ENV_AMBANG`. ``ascii_`` gives machine text ("1-5", "x", "-", plain digits) and
    ``bentuk_primer`` "<6" instead of "1–5". See the module docstring for what is guaranteed.
    """
    ambang = ambang_aktif(ambang)
    angka = _angka_bulat(tabel)
    selimut = set(baris_selimut)
    while True:
        jaringan, letak = _bangun(
            angka,
            terbuka=terbuka,
            total_baris=total_baris,
            total_kolom=total_kolom,
            total_diketahui=set(total_diketahui),
            baris_selimut=selimut,
        )
        jaringan.tandai(ambang)
        tak = jaringan.lindungi(ambang)
        # A row total known from elsewhere can leave a row's cells no room (1 and 6 under a known 7):
        # such a row is hidden whole, its known total still adding up, and the table is done again.
        tambahan = {letak[i][0] for i in tak} - selimut - {TOTAL}
        tambahan = {b for b in tambahan if not tercakup(b, terbuka)}
        if not tambahan:
            break
        selimut |= tambahan
    baris = [*angka.index, *([TOTAL] if total_baris else [])]
    kolom = [*angka.columns, *([TOTAL] if total_kolom else [])]
    return _keluaran(
        jaringan, letak, baris, kolom, ambang,
        bahasa=bahasa, ascii_=ascii_, bentuk_primer=bentuk_primer, tak_terlindungi=tak,
        baris_selimut=tuple(b for b in angka.index if b in selimut and not tercakup(b, terbuka)),
    )  # fmt: skip
