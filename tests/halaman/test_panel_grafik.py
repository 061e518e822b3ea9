"""AppTest of ``widgets.panel_grafik``: one view built at a time, chosen by a segmented control.

The browser side (a map drawn once per change, also when the options change) is
``tests/e2e/test_e2e_peta.py::test_peta_digambar_sekali_per_ganti``.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.halaman_util import buka_tab, periksa_tanpa_galat


def _skrip() -> None:
    import streamlit as st

    from ui import widgets

    en = st.session_state.get("en", False)
    tab = {"peta": "Map" if en else "Peta"}
    if st.session_state.get("nasional", True):
        tab["provila"] = "Provila"
    buka, wadah = widgets.panel_grafik(tab, key="uji_grafik", label="Grafik yang ditampilkan")
    with wadah:
        st.markdown(f"isi {buka}")


def _isi(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_satu_tampilan_dibangun_dan_pilihan_diingat():
    at = periksa_tanpa_galat(AppTest.from_function(_skrip).run())
    kontrol = at.button_group(key="uji_grafik")
    assert kontrol.options == ["Peta", "Provila"]
    assert kontrol.value == "Peta"
    assert kontrol.label == "Grafik yang ditampilkan"  # its accessible name (label_visibility="collapsed")
    assert _isi(at) == ["isi peta"]

    buka_tab(at, "uji_grafik", "Provila")  # a click on the option
    assert _isi(at) == ["isi provila"]
    assert _isi(periksa_tanpa_galat(at.run())) == ["isi provila"]  # a rerun (a new cycle) keeps it

    at.session_state["en"] = True  # other options (another language): the same view, by name
    at = periksa_tanpa_galat(at.run())
    assert at.button_group(key="uji_grafik").options == ["Map", "Provila"]
    assert at.button_group(key="uji_grafik").value == "Provila"
    assert _isi(at) == ["isi provila"]


def test_satu_tampilan_tanpa_kontrol_dan_pilihan_lama_kembali():
    at = periksa_tanpa_galat(AppTest.from_function(_skrip).run())
    buka_tab(at, "uji_grafik", "Provila")
    at.session_state["nasional"] = False  # a province: no Provila view, so nothing to choose
    at = periksa_tanpa_galat(at.run())
    assert not at.button_group
    assert _isi(at) == ["isi peta"]
    at.session_state["nasional"] = True  # back to Indonesia: Provila was the last view chosen
    at = periksa_tanpa_galat(at.run())
    assert at.button_group(key="uji_grafik").value == "Provila"
    assert _isi(at) == ["isi provila"]


def test_tidak_bisa_kosong():
    """``required``: a click on the chosen option keeps it chosen (no view without a chart)."""
    at = buka_tab(periksa_tanpa_galat(AppTest.from_function(_skrip).run()), "uji_grafik", "Provila")
    at.button_group(key="uji_grafik").unselect("Provila")
    at = periksa_tanpa_galat(at.run())
    assert at.button_group(key="uji_grafik").value == "Provila"
    assert _isi(at) == ["isi provila"]
