"""ONE bilingual text catalogue and ONE ``t()`` for every surface: pages, CLI, exports and packs.

The texts live as data in ``indicators/teks/*.yaml`` (one file per area, one namespace): each key
holds ``id`` (Bahasa Indonesia, first) and ``en`` (English), with the same ``{placeholders}`` in
both (a language may use its own form of a value, ``{nama_en}`` beside ``{nama}``). The catalogue
is checked when it is loaded, so a missing language, a key in two files or a placeholder in one
language only fails at start-up and in the tests, not in front of a user.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable
from pathlib import Path

import yaml

from indicators.format import Bahasa

TEKS_DIR = Path(__file__).parent


class TeksError(ValueError):
    """The text catalogue is malformed (a developer error, caught by the tests)."""


def _placeholder(teks: str) -> set[str]:
    # A text may take one language's form of a value (``{ukuran_en}`` beside ``{ukuran}``, or
    # ``{harapan_id}`` beside ``{harapan_en}``): compare the values, not their language forms.
    nama = {n for _, n, _, _ in string.Formatter().parse(teks) if n}
    return {n.removesuffix("_en").removesuffix("_id") for n in nama}


def _periksa(kunci: str, isi: object, berkas: str) -> tuple[str, str]:
    if not isinstance(isi, dict) or set(isi) != {"id", "en"}:
        raise TeksError(f"{berkas}: kunci '{kunci}' harus punya tepat 'id' dan 'en'")
    id_, en = isi["id"], isi["en"]
    if not (isinstance(id_, str) and isinstance(en, str) and id_.strip() and en.strip()):
        raise TeksError(f"{berkas}: kunci '{kunci}' berisi teks kosong")
    if _placeholder(id_) != _placeholder(en):
        raise TeksError(f"{berkas}: kunci '{kunci}' punya isian berbeda: {_placeholder(id_)} ≠ {_placeholder(en)}")
    return id_, en


class _PemuatTanpaGanda(yaml.SafeLoader):
    """A safe YAML loader that refuses a key written twice in one mapping.

    Plain ``yaml.safe_load`` keeps the last of two equal keys silently, so a new text could replace
    an existing one in the same file and change a page elsewhere without a word.
    """


def _peta_tanpa_ganda(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
    kunci = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    ganda = sorted({str(k) for k in kunci if kunci.count(k) > 1})
    if ganda:
        raise TeksError(f"baris {node.start_mark.line + 1}: kunci ditulis dua kali: {', '.join(ganda)}")
    return loader.construct_mapping(node, deep=deep)


_PemuatTanpaGanda.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _peta_tanpa_ganda)


@functools.cache
def katalog_teks(folder: Path = TEKS_DIR) -> dict[str, tuple[str, str]]:
    """Load and check every ``*.yaml`` in ``folder``: key → (Indonesian, English)."""
    hasil: dict[str, tuple[str, str]] = {}
    asal: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            # A SafeLoader subclass: no arbitrary objects, only the duplicate-key check added.
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_PemuatTanpaGanda) or {}
        except TeksError as exc:
            raise TeksError(f"{path.name}: {exc}") from exc
        for kunci, isi in data.items():
            if kunci in hasil:
                raise TeksError(f"kunci '{kunci}' ada di {asal[kunci]} dan {path.name}")
            hasil[kunci] = _periksa(kunci, isi, path.name)
            asal[kunci] = path.name
    return hasil


def t(kunci: str, bahasa: Bahasa, **isian: object) -> str:
    """Return the text for ``kunci`` in ``bahasa``, with ``{placeholders}`` filled in."""
    id_, en = katalog_teks()[kunci]
    teks = en if bahasa == "en" else id_
    return teks.format(**isian) if isian else teks


def ada(kunci: str) -> bool:
    """Whether the catalogue has ``kunci`` (for labels that may or may not be translated)."""
    return kunci in katalog_teks()


Penerjemah = Callable[..., str]
"""``teks(kunci, **isian) -> str`` in one fixed language."""


def penerjemah(bahasa: Bahasa) -> Penerjemah:
    """A text function bound to one language (the pack and the site pass it around).

    A ``functools.partial``, not a closure: the dashboard's figure memo fingerprints it by value.
    """
    return functools.partial(t, bahasa=bahasa)


def pasangan(kunci_per_kode: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Code → (Indonesian, English) labels from catalogue keys, for value labels kept as mappings."""
    katalog = katalog_teks()
    return {kode: katalog[kunci] for kode, kunci in kunci_per_kode.items()}
