"""Page-wide style and ARIA wiring (issue 16 item 15), injected once per run by app.py.

Colours live in the theme (.streamlit/config.toml); what the theme cannot express is here: the
hidden accessible names of charts take no room, a visible focus ring, and one small constant
script that points each chart's container at its name (``role="figure"``, ``aria-labelledby``).
No text from data ever reaches the script: names are rendered by a Jinja2 template with
autoescape, as hidden paragraphs the script only refers to by id.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import jinja2
import streamlit as st

_TEMPLAT = Path(__file__).parent / "templat"


@cache
def _lingkungan() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLAT), autoescape=True, undefined=jinja2.StrictUndefined
    )


@cache
def _isi(nama: str) -> str:
    return (_TEMPLAT / nama).read_text(encoding="utf-8")


def pasang() -> None:
    """Inject the style sheet and the ARIA script (call once per run, before the page)."""
    st.html(f"<style>{_isi('gaya.css')}</style>")  # style only: no room taken in the page
    st.html(f'<div class="kla-tersembunyi"></div><script>{_isi("aria.js")}</script>', unsafe_allow_javascript=True)


def id_nama_grafik(key: str) -> str:
    """The element id of a chart's accessible name, from the chart's widget key."""
    return "kla-grafik-" + re.sub(r"[^a-z0-9_-]", "-", key.lower())


def nama_grafik(key: str, nama: str) -> None:
    """The accessible name of the chart drawn just before (hidden; the script links it)."""
    st.html(_lingkungan().get_template("nama_grafik.html.j2").render(id=id_nama_grafik(key), nama=nama))
