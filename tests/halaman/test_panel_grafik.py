"""AppTest of ``widgets.panel_grafik``'s place: the tabs move to a fresh place when their labels change.

Why it matters is in ``widgets._tempat_tab`` (the last view's chart drawn again under new tabs); the
browser side is ``tests/e2e/test_e2e_peta.py::test_peta_digambar_sekali_per_ganti``.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.halaman_util import periksa_tanpa_galat


def _skrip() -> None:
    import streamlit as st

    from ui import widgets

    tab = {"peta": "Peta", "provila": "Provila"} if st.session_state.get("nasional", True) else {"peta": "Peta"}
    buka, wadah = widgets.panel_grafik(tab, key="uji_grafik")
    with wadah:
        st.markdown(f"isi {buka}")


def _tempat(at: AppTest) -> list[str]:
    """The page's top-level nodes: ``tab`` for the block holding the tabs, ``kosong`` for an empty."""
    return ["kosong" if getattr(n, "type", None) == "empty" else "tab" for n in at.main.children.values()]


def test_label_sama_tetap_di_tempat_label_baru_pindah():
    at = periksa_tanpa_galat(AppTest.from_function(_skrip).run())
    assert _tempat(at) == ["tab", "kosong"]
    assert _tempat(periksa_tanpa_galat(at.run())) == ["tab", "kosong"]  # same labels: replaced in place

    at.session_state["nasional"] = False  # a province: no Provila tab
    at = periksa_tanpa_galat(at.run())
    assert _tempat(at) == ["kosong", "tab"]
    assert [t.label for t in at.tabs] == ["Peta"]
    assert _tempat(periksa_tanpa_galat(at.run())) == ["kosong", "tab"]

    at.session_state["nasional"] = True
    at = periksa_tanpa_galat(at.run())
    assert _tempat(at) == ["tab", "kosong"]
    assert [t.label for t in at.tabs] == ["Peta", "Provila"]
    at.session_state["uji_grafik"] = "Provila"  # a click on a tab: the labels stay, so does the place
    at = periksa_tanpa_galat(at.run())
    assert _tempat(at) == ["tab", "kosong"]
    assert [m.value for m in at.markdown] == ["isi provila"]


def test_tempat_terpakai_tidak_pernah_dikosongkan_dulu(monkeypatch):
    """The place holding the tabs is a container from its first message: an empty sent there first
    would drop the chart on every change (the page jumps), not only when the labels change."""
    import streamlit as st

    panggilan: list[str] = []
    for nama in ("empty", "container"):
        asli = getattr(st, nama)

        def catat(*a: object, _asli: object = asli, _nama: str = nama, **k: object) -> object:
            panggilan.append(_nama)
            return _asli(*a, **k)  # type: ignore[operator]

        monkeypatch.setattr(st, nama, catat)

    at = periksa_tanpa_galat(AppTest.from_function(_skrip).run())
    panggilan.clear()
    periksa_tanpa_galat(at.run())  # same labels: the tabs' place first, as a container
    assert panggilan == ["container", "empty"]
    panggilan.clear()
    at.session_state["nasional"] = False
    periksa_tanpa_galat(at.run())  # new labels: the old place emptied, the tabs in the other one
    assert panggilan == ["empty", "container"]
