"""Scope rules of an import: which rows an editor may load, which imports an editor may roll back.

The account and its scope are :mod:`indicators.akun.pengguna`'s; what a scope means for an import
file (one row outside it rejects the whole file) and for a rollback is decided here, once, for
the upload page and ``kla import`` alike.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from indicators.akun.pengguna import Pengguna, dalam_lingkup, label_lingkup
from indicators.impor.masalah import Masalah
from indicators.impor.periksa import HasilPeriksa


def periksa_lingkup(hasil: HasilPeriksa, pengguna: Pengguna, nama: dict[str, str] | None = None) -> HasilPeriksa:
    """Add a problem for every row whose region lies outside the user's scope.

    One such row rejects the whole file (the result is no longer :attr:`HasilPeriksa.sah`); each
    problem names the file, sheet, row, the ``kode_wilayah`` column, the region and the scope.
    An admin's result is returned unchanged.
    """
    if pengguna.peran == "admin" or hasil.data.empty or "kode_wilayah" not in hasil.data:
        return hasil
    lingkup = label_lingkup(pengguna, nama)
    # A workbook with one sheet per table (child-protection counts) names each row's sheet.
    sheet = hasil.data["sheet"] if "sheet" in hasil.data else [hasil.sheet] * len(hasil.data)
    luar = [
        Masalah(
            "luar_lingkup",
            hasil.berkas,
            lembar if isinstance(lembar, str) else None,
            baris=int(baris),
            kolom="kode_wilayah",
            nilai=f"{kode} {nama[kode]}" if nama and kode in nama else str(kode),
            isian={"pengguna": pengguna.nama, "lingkup": lingkup},
        )
        for kode, baris, lembar in zip(hasil.data["kode_wilayah"], hasil.data["baris"], sheet, strict=True)
        if not dalam_lingkup(pengguna, str(kode))
    ]
    if not luar:
        return hasil
    return dataclasses.replace(hasil, masalah=[*hasil.masalah, *luar])


def boleh_batalkan(pengguna: Pengguna, wilayah_impor: Iterable[str]) -> bool:
    """Whether the user may roll back an import that touched these regions.

    An admin may roll back anything; an editor only an import whose every region is in scope.
    """
    if pengguna.peran == "admin":
        return True
    daftar = list(wilayah_impor)
    return bool(daftar) and all(dalam_lingkup(pengguna, k) for k in daftar)
