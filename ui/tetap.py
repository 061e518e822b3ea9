"""Results reused across reruns: the figures and derived tables a page builds on every rerun.

``tetap(buat, *args)`` computes ``buat(*args)`` once per distinct input and then hands back the
same object. This module makes the key: a text fingerprint of the inputs by content (DataFrames
included). A shared read-only object (a data cache's result, :func:`ui.cache.tandai`) is hashed
once and then named by that fingerprint, so a new data version with the same rows reuses what was
built from them. The results are kept by ``ui.cache.hasil_tetap``, since every Streamlit
cache lives in ui/cache.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import functools
import hashlib
import pickle
import types
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast

import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

from indicators.gugus import layanan as gugus_layanan
from indicators.katalog.model import Katalog, PitaPredikat, Skema
from ui import cache

P = ParamSpec("P")
T = TypeVar("T")


# Up to this many cells a frame is fingerprinted by the text of its values: 0,13-0,22 ms for the
# 7-96-row frames a Profil or Ringkasan rerun passes to its builders, where pandas' row hashes take
# 0,75 ms whatever the size (a fixed cost per column). Past ~1 000 rows the row hashes are cheaper.
SEL_TEKS = 4000
# Cells whose repr is their whole value: the text of two frames is equal only when their values are.
# (A numpy array's repr elides its middle; such cells take the row hashes or the pickle instead.)
_SKALAR = (str, int, float, bool, type(None), dt.date, dt.time, dt.timedelta, decimal.Decimal)


def _teks_nilai(frame: pd.DataFrame | pd.Series) -> str | None:
    """The values of a small frame (and its index) as text, or None when a cell's repr is not exact."""
    kolom = [s for _, s in frame.items()] if isinstance(frame, pd.DataFrame) else [frame]
    isi = [s.tolist() for s in (*kolom, frame.index)]
    for nilai in isi:
        if not all(isinstance(x, _SKALAR) or x is pd.NA or x is pd.NaT for x in nilai):
            return None
    return repr(isi)


def _isi_frame(frame: pd.DataFrame | pd.Series) -> bytes:
    """What a frame's fingerprint hashes: its values as text when small, else pandas' row hashes."""
    if frame.size <= SEL_TEKS and (teks := _teks_nilai(frame)) is not None:
        return teks.encode()
    try:
        return bytes(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    except TypeError:  # cells pandas cannot hash (lists): the pickled frame, as Streamlit does
        return pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)


def _sidik_frame(frame: pd.DataFrame | pd.Series) -> str:
    # A shared frame is hashed once and then named by that; any other frame on every call.
    return cache.sidik_bersama(frame, _sidik_isi_frame) or _sidik_isi_frame(frame)


def _sidik_isi_frame(frame: pd.DataFrame | pd.Series) -> str:
    kolom = list(frame.columns) if isinstance(frame, pd.DataFrame) else [frame.name]
    jenis = list(frame.dtypes) if isinstance(frame, pd.DataFrame) else [frame.dtype]
    data = _isi_frame(frame)
    isi = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return f"df{frame.shape}{kolom}{jenis}{type(frame.index).__name__}{isi}"


def _sidik_ruang_kerja(rk: gugus_layanan.RuangKerja) -> str:
    return cache.sidik_bersama(rk, _sidik_isi_ruang_kerja) or _sidik_isi_ruang_kerja(rk)


def _sidik_isi_ruang_kerja(rk: gugus_layanan.RuangKerja) -> str:
    return _sidik_nilai([getattr(rk, f.name) for f in dataclasses.fields(rk)])


def _sidik_katalog(katalog: Katalog) -> str:
    # The maxima are the catalogue's editable part (Data & Metodologi edits them): hash by content.
    return repr([(i.id, i.nilai_maks) for s in katalog.skema.values() for i in s.indikator])


def _sidik_skema(skema: Skema) -> str:
    return repr((skema.kode, [(i.id, i.nilai_maks) for i in skema.indikator]))


def _sidik_fungsi(fungsi: types.FunctionType) -> str:
    # A builder handed to another builder (tetap_tabel): a module-level function, named.
    if fungsi.__closure__:
        raise TypeError(f"tetap(): {fungsi.__qualname__} captures state; pass plain values instead")
    return repr((fungsi.__module__, fungsi.__qualname__))


def _sidik_partial(fungsi: functools.partial[Any]) -> str:
    # Text lookups are passed as partial(t, bahasa=...): a module-level function plus plain values.
    if getattr(fungsi.func, "__closure__", None):
        raise TypeError(f"tetap(): {fungsi.func.__qualname__} captures state; pass plain values instead")
    nama = repr((fungsi.func.__module__, fungsi.func.__qualname__))
    return f"partial{nama}{_sidik_nilai(fungsi.args)}{_sidik_nilai(dict(sorted(fungsi.keywords.items())))}"


_PRIMITIF = (str, int, float, bool, type(None))


def _sidik_nilai(nilai: object) -> str:
    """A cheap content fingerprint of a builder's input, as text.

    Containers are read item by item; DataFrames by their values (hashed once for a shared one);
    the catalogue and its schemes by their editable part; anything else by its pickle.
    """
    if isinstance(nilai, _PRIMITIF):
        return repr(nilai)
    if isinstance(nilai, dict):
        return "{" + ",".join(f"{_sidik_nilai(k)}:{_sidik_nilai(v)}" for k, v in nilai.items()) + "}"
    if isinstance(nilai, list | tuple):
        return type(nilai).__name__ + "(" + ",".join(_sidik_nilai(x) for x in nilai) + ")"
    if isinstance(nilai, pd.DataFrame | pd.Series):
        return _sidik_frame(nilai)
    if isinstance(nilai, Katalog):
        return _sidik_katalog(nilai)
    if isinstance(nilai, Skema):
        return _sidik_skema(nilai)
    if isinstance(nilai, PitaPredikat):
        return repr(nilai)
    if isinstance(nilai, gugus_layanan.RuangKerja):
        return _sidik_ruang_kerja(nilai)
    if isinstance(nilai, functools.partial):
        return _sidik_partial(nilai)
    if isinstance(nilai, types.FunctionType):
        return _sidik_fungsi(nilai)
    data = pickle.dumps(nilai, protocol=pickle.HIGHEST_PROTOCOL)
    return f"{type(nilai).__qualname__}:{hashlib.md5(data, usedforsecurity=False).hexdigest()}"


def tetap(buat: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``buat(*args, **kwargs)`` computed once per distinct input and then reused as is.

    For the pure builders a page calls on every rerun: Plotly figures (5–50 ms each) and derived
    tables. A rerun that changes nothing for them (another widget moved, a warm rerun) should not
    pay again (docs/perf-notes: a read-only object reused as is belongs in st.cache_resource). The
    inputs are fingerprinted by content (DataFrames included), so ``buat`` must depend on its
    arguments only, and callers must treat the result as read-only.
    """
    nama = f"{buat.__module__}.{buat.__qualname__}"
    hasil = cache.hasil_tetap(nama, _sidik_nilai((args, kwargs)), functools.partial(buat, *args, **kwargs))
    if isinstance(hasil, pd.DataFrame | pd.Series):
        # The same shared object comes back on every rerun: marked shared, its content is hashed
        # once, when a builder first takes it (a table to its chart), and never again.
        cache.tandai(hasil, "tetap", nama)
    return cast(T, hasil)


def _tabel_arrow(buat: Callable[..., pd.DataFrame], *args: Any, **kwargs: Any) -> pa.Table:
    return pa.Table.from_pandas(buat(*args, **kwargs), preserve_index=False)


def tetap_tabel(buat: Callable[P, pd.DataFrame], *args: P.args, **kwargs: P.kwargs) -> pa.Table:
    """Like :func:`tetap` for a display table, kept as Arrow: ``st.dataframe`` then sends it as is.

    Streamlit converts a DataFrame to Arrow on every rerun; a table that does not change between
    reruns need not pay for that again. Only for tables without a visible index.
    """
    return tetap(_tabel_arrow, buat, *args, **kwargs)
