"""Every text inside an export's content cleaned of control characters before it is written.

A vertical tab (Word's line break) or another control character in a region name, a source title
or a note stops more than the XLSX: plotly.js refuses to draw a figure holding one (kaleido's
"Error 525"), python-pptx refuses it in the deck's properties ("All strings must be XML
compatible"). The writers hand their content through :func:`tanpa_kontrol` at the output, so the
text reaches every file as :func:`indicators.teks_aman.bersihkan_kontrol` leaves it.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, cast

import numpy as np

from indicators.teks_aman import bersihkan_kontrol

T = TypeVar("T")


def tanpa_kontrol(nilai: T) -> T:
    """A copy of ``nilai`` with every string in it cleaned (:func:`~indicators.teks_aman.bersihkan_kontrol`).

    Walks dicts, lists, tuples, dataclass instances (a new instance, the original is unchanged)
    and NumPy arrays of text; numbers, bytes and other values are returned as they are.
    """
    return cast(T, _bersih(nilai))


def _bersih(nilai: Any) -> Any:
    if isinstance(nilai, str):
        return bersihkan_kontrol(nilai)
    if isinstance(nilai, dict):
        return {k: _bersih(v) for k, v in nilai.items()}
    if isinstance(nilai, list):
        return [_bersih(v) for v in nilai]
    if isinstance(nilai, tuple):
        return tuple(_bersih(v) for v in nilai)
    if isinstance(nilai, np.ndarray):
        # Numbers stay an array; text arrays (hover text, names) become lists, which plotly's JSON takes too.
        return _bersih(nilai.tolist()) if nilai.dtype.kind in "OUS" else nilai
    if dataclasses.is_dataclass(nilai) and not isinstance(nilai, type):
        isi = {f.name: _bersih(getattr(nilai, f.name)) for f in dataclasses.fields(nilai) if f.init}
        return dataclasses.replace(nilai, **isi)
    return nilai
