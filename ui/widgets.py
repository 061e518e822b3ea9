"""Widgets that return plain values and keep the view in the URL (query parameters).

A link that cannot be honoured (an unknown region, a cycle without data) is never silently replaced:
the page says what was asked, what was expected and what it shows instead (:func:`tautan_tak_terpenuhi`).
Nobody's region is the default: a region picker starts at the logged-in editor's region, else the
last region chosen in this session, else empty, and the page asks for a choice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.scriptrunner import get_script_run_ctx

from indicators.format import Bahasa
from indicators.teks import t
from ui import aman, masuk

T = TypeVar("T")

K_BAHASA = "kla_bahasa"
"""The session's language, kept across pages (a widget's own state is per page)."""
K_WILAYAH_TERAKHIR = "kla_wilayah_terakhir"
"""The last kab/kota the user chose in this session: the next page starts there."""
_BAHASA = ("id", "en")
_PANJANG_NILAI = 40  # a bad value is quoted up to this many characters
_JUMLAH_CONTOH = 8  # options listed in a bad-link message before "…"
_lokal = threading.local()  # one script run per thread: where this run's link notices go


def bahasa_sesi() -> Bahasa:
    """The language of this run: the switch just pressed, else the session's, else the URL's (``?lang=en``).

    app.py reads it before building the navigation, so the page titles follow a switch on the same run.
    """
    for nilai in (st.session_state.get("bahasa"), st.session_state.get(K_BAHASA), st.query_params.get("lang")):
        if nilai in _BAHASA:
            return cast(Bahasa, nilai)
    return "id"


def isi_saat_dibuka(label: str, *, key: str, icon: str | None = None) -> DeltaGenerator | None:
    """A collapsed expander whose content is built only while it is open: the container, or None.

    Opening or closing it reruns the page. For what most readers never open (a chart's data table,
    a history table, a form of 27 inputs): built on every rerun, such content was a large part of
    what a person waited for after each change in the browser (README "Kinerja").
    """
    kotak = st.expander(label, icon=icon, key=key, on_change="rerun")
    return kotak if kotak.open else None


def panel_grafik(tab: dict[str, str], *, key: str, label: str) -> tuple[str, DeltaGenerator]:
    """Views as a segmented control (``{name: option}``), only the chosen one built: its name and its container.

    ``label`` names the control for screen readers (it is not shown). Why one view at a time: in
    Chromium every chart a change redraws costs about 55 ms above a page's floor, and Streamlit
    redraws a changed chart from scratch, so a page drawing three charts per change could not answer
    within 250 ms (README "Kinerja", browser latency). Why a segmented control (a radio group to
    assistive technology, like the language switch) and not ``st.tabs``: the tab bar cost 15–20 ms
    of every change of cycle or province on the page (benchmarks/RIWAYAT.md, "Latensi" (s)), and a tabs block whose
    labels changed took the last view's chart along, drawn a second time. The chosen view is
    remembered by name for the session, so a switch of language or of view keeps it where the view
    still has it.
    """
    if len(tab) == 1:  # nothing to choose: no control
        return next(iter(tab)), st.container()
    opsi = list(tab.values())
    ingat = f"{key}_buka"
    # New options (another language, Indonesia's Provila view) make a new control: the last view's
    # name chooses again. Set before the control is made, so it is its value, not a default.
    if st.session_state.get(key) not in opsi:
        terakhir = st.session_state.get(ingat)
        st.session_state[key] = tab[terakhir] if isinstance(terakhir, str) and terakhir in tab else opsi[0]
    pilihan = st.segmented_control(label, opsi, key=key, required=True, label_visibility="collapsed")
    nama = next((n for n, o in tab.items() if o == pilihan), next(iter(tab)))
    st.session_state[ingat] = nama
    return nama, st.container()


def pilih_bahasa() -> Bahasa:
    """Language switch in the sidebar (Indonesian first); kept in the session and in the URL as ``lang``.

    Streamlit drops the query string on a page change and a widget's state belongs to its page, so
    the session key carries the choice to the next page and the URL gets ``lang`` back on every run.
    """
    awal = bahasa_sesi()
    pilihan = st.sidebar.segmented_control(
        "Bahasa / Language",
        options=list(_BAHASA),
        format_func=lambda b: "Indonesia" if b == "id" else "English",
        default=awal,
        key="bahasa",
    )
    bahasa = cast(Bahasa, pilihan if pilihan in _BAHASA else awal)  # a second click on the chosen one keeps it
    st.session_state[K_BAHASA] = bahasa
    _simpan_param("lang", None if bahasa == "id" else bahasa)
    return bahasa


def _simpan_param(nama: str, nilai: str | None) -> None:
    if nilai is None:
        if nama in st.query_params:
            del st.query_params[nama]
    elif st.query_params.get(nama) != nilai:
        st.query_params[nama] = nilai


# --- links that cannot be honoured ----------------------------------------------------------------


def siapkan_pesan_tautan(judul_halaman: str) -> None:
    """Reserve the top of the page for this run's bad-link notices (app.py, before the page runs).

    ``judul_halaman`` is the page's navigation title, the heading of a page still waiting for a region.
    """
    _lokal.wadah = st.container()
    _lokal.judul = judul_halaman


def _wadah_pesan() -> DeltaGenerator:
    wadah = getattr(_lokal, "wadah", None)
    return wadah if isinstance(wadah, DeltaGenerator) else st.container()


def _kutip(nilai: str) -> str:
    pendek = nilai if len(nilai) <= _PANJANG_NILAI else nilai[:_PANJANG_NILAI] + "…"
    return aman.md(pendek)


def contoh_pilihan(pilihan: Sequence[Any], format_func: Callable[[Any], str] = str) -> str:
    """The valid options for a message: all of a short list, the first few and the last of a long one."""
    teks = [format_func(p) for p in pilihan]
    if len(teks) > _JUMLAH_CONTOH:
        teks = [*teks[: _JUMLAH_CONTOH - 1], "…", teks[-1]]
    return ", ".join(teks)


def tautan_tak_terpenuhi(bahasa: Bahasa, param: str, nilai: str, harapan: str, tampil: str) -> None:
    """Say at the top of the page that the link asked for ``param=nilai``, what was expected, what is shown."""
    _wadah_pesan().warning(
        t("ru_tautan_salah", bahasa, param=param, nilai=_kutip(nilai), harapan=harapan, tampil=tampil),
        icon=":material/link_off:",
    )


def pilih_dari_url(
    label: str,
    pilihan: Sequence[T],
    *,
    param: str,
    bawaan: T,
    format_func: Callable[[Any], str] = str,
    key: str,
    terdekat: Callable[[str], T | None] | None = None,
    bahasa: Bahasa | None = None,
) -> T:
    """A selectbox whose starting value comes from the URL and whose choice is written back to it.

    A URL value that is not among ``pilihan`` is replaced by ``terdekat(value)`` (the nearest valid
    view) or ``bawaan``, and the page says so (in ``bahasa``, else the session's language).
    """
    daftar = list(pilihan)
    teks_url = st.query_params.get(param)
    cocok = [p for p in daftar if str(p) == teks_url]
    awal = cocok[0] if cocok else bawaan
    if teks_url is not None and not cocok:
        pengganti = terdekat(teks_url) if terdekat is not None else None
        awal = pengganti if pengganti is not None and pengganti in daftar else bawaan
        b = bahasa or bahasa_sesi()
        tautan_tak_terpenuhi(b, param, teks_url, contoh_pilihan(daftar, format_func), aman.md(format_func(awal)))
    teks = {p: format_func(p) for p in daftar}  # labels follow the language: sent again after a switch
    nilai: T = pilih_berlabel(st.selectbox, label, teks, index=daftar.index(awal), key=key)
    _simpan_param(param, str(nilai))
    return nilai


def pilih_provinsi(bahasa: Bahasa, provinsi: dict[str, str], *, izinkan_indonesia: bool = True) -> str:
    """Province picker (URL parameter ``provinsi``); Jawa Tengah by default, '00' for all Indonesia."""
    pilihan = dict(provinsi)
    if izinkan_indonesia:
        pilihan = {"00": t("indonesia", bahasa), **pilihan}
    bawaan = "33" if "33" in pilihan else next(iter(pilihan))
    return pilih_dari_url(
        t("provinsi", bahasa),
        list(pilihan),
        param="provinsi",
        bawaan=bawaan,
        format_func=pilihan.__getitem__,
        key="provinsi",
        bahasa=bahasa,
    )


def tahun_terdekat(teks: str, tahun: Sequence[int]) -> int | None:
    """The cycle with data nearest to the year in ``teks`` (the later one on a tie); None if not a year."""
    try:
        diminta = int(teks.strip())
    except ValueError:
        return None
    return min(tahun, key=lambda x: (abs(x - diminta), -x)) if tahun else None


def pilih_tahun(bahasa: Bahasa, tahun: Sequence[int], *, param: str = "tahun", key: str = "tahun") -> int:
    """Cycle picker offering only cycles with data (URL parameter ``tahun``); latest by default.

    A year without data in a link (``?tahun=2020``) shows the nearest cycle with data, and says so.
    """
    daftar = sorted({int(x) for x in tahun})
    return pilih_dari_url(
        t("tahun", bahasa),
        daftar,
        param=param,
        bawaan=daftar[-1],
        key=key,
        terdekat=lambda teks: tahun_terdekat(teks, daftar),
        bahasa=bahasa,
    )


# --- the region a page is about ---------------------------------------------------------------------


def wilayah_bawaan(wilayah: dict[str, str]) -> str | None:
    """Where a region picker starts: the logged-in editor's kab/kota, else the session's last choice, else None."""
    pengguna = masuk.pengguna_masuk()
    if pengguna is not None:
        milik = [w for w in pengguna.wilayah if w in wilayah]
        if milik:
            return milik[0]
    terakhir = st.session_state.get(K_WILAYAH_TERAKHIR)
    return terakhir if isinstance(terakhir, str) and terakhir in wilayah else None


def ingat_wilayah(kode: str | None) -> None:
    """Remember the user's kab/kota for the next page of this session."""
    if kode:
        st.session_state[K_WILAYAH_TERAKHIR] = kode


def pilih_wilayah(bahasa: Bahasa, wilayah: dict[str, str], *, bawaan: str | None = None) -> str | None:
    """Kab/kota picker (URL parameter ``wilayah``); ``wilayah`` maps code → name. None: nothing chosen yet.

    It starts at the URL's region, else ``bawaan``, else :func:`wilayah_bawaan`; an unknown code in
    the URL is reported, never replaced by some region without a word.
    """
    kode = list(wilayah)
    teks_url = st.query_params.get("wilayah")
    awal = bawaan if bawaan in wilayah else wilayah_bawaan(wilayah)
    if teks_url in wilayah:
        awal = teks_url
    elif teks_url is not None:
        contoh = f"{kode[0]} ({aman.md(wilayah[kode[0]])})" if kode else "–"
        harapan = t("ru_harapan_wilayah", bahasa, jumlah=len(kode), contoh=contoh)
        tampil = aman.md(wilayah[awal]) if awal is not None else t("ru_tampil_belum_dipilih", bahasa)
        tautan_tak_terpenuhi(bahasa, "wilayah", teks_url, harapan, tampil)
    nilai = st.selectbox(
        t("wilayah", bahasa),
        kode,
        index=None if awal is None else kode.index(awal),
        format_func=wilayah.__getitem__,
        placeholder=t("ru_pilih_kabkota", bahasa),
        key="wilayah",
    )
    _simpan_param("wilayah", nilai)
    ingat_wilayah(nilai)
    return nilai


def minta_pilih_wilayah(bahasa: Bahasa, kode_provinsi: str, nama_provinsi: str) -> None:
    """No kab/kota chosen yet: ask for one, and offer the province's overview meanwhile."""
    if isinstance(judul := getattr(_lokal, "judul", None), str):
        st.title(judul)  # below the pickers, where the page's own heading would be
    st.info(t("ru_pilih_dulu", bahasa, provinsi=aman.md(nama_provinsi)), icon=":material/location_on:")
    tautan = {"provinsi": kode_provinsi} | ({"lang": "en"} if bahasa == "en" else {})
    st.page_link(
        "halaman/ringkasan.py",
        label=t("ru_lihat_ringkasan", bahasa, provinsi=nama_provinsi),
        icon=":material/arrow_forward:",
        query_params=tautan,
    )


@dataclass(frozen=True)
class PilihanKabkota:
    """The province and kab/kota a page is about."""

    kode_provinsi: str
    nama_provinsi: str
    kode: str
    nama: str


@dataclass(frozen=True)
class SusunanKabkota:
    """Provinces and their kab/kota, for the pickers (build once per database version)."""

    nama_provinsi: dict[str, str]
    induk: dict[str, str]  # kab/kota code → province code
    kabkota: dict[str, dict[str, str]]  # province code → {kab/kota code: name}, by code


def susunan_kabkota(wilayah: pd.DataFrame) -> SusunanKabkota:
    """Group the regions table (``kode_wilayah, nama, tingkat, kode_provinsi``) for the pickers."""
    kabkota = wilayah[wilayah["tingkat"] == "kabkota"].sort_values("kode_wilayah")
    provinsi = wilayah[wilayah["tingkat"] == "provinsi"]
    per_provinsi: dict[str, dict[str, str]] = {}
    for kode, nama, induk in zip(kabkota["kode_wilayah"], kabkota["nama"], kabkota["kode_provinsi"], strict=True):
        per_provinsi.setdefault(str(induk), {})[str(kode)] = str(nama)
    return SusunanKabkota(
        dict(zip(provinsi["kode_wilayah"], provinsi["nama"], strict=True)),
        dict(zip(kabkota["kode_wilayah"], kabkota["kode_provinsi"], strict=True)),
        per_provinsi,
    )


def pilih_kabkota(bahasa: Bahasa, susunan: SusunanKabkota, kolom: Sequence[Any]) -> PilihanKabkota:
    """Province then kab/kota pickers in the first two of ``kolom`` (URL ``provinsi``, ``wilayah``).

    A shared link that names only the region (``?wilayah=33.26``) selects its province too; so does
    the region a picker would start at (the editor's, the session's last). With no region chosen
    the page asks for one and stops (:func:`minta_pilih_wilayah`).
    """
    kode_url = st.query_params.get("wilayah")
    if kode_url is None and "provinsi" not in st.query_params:
        kode_url = wilayah_bawaan(dict.fromkeys(susunan.induk, ""))
    if "provinsi" not in st.session_state and kode_url in susunan.induk:
        st.query_params["provinsi"] = susunan.induk[kode_url]
    with kolom[0]:
        kode_provinsi = pilih_provinsi(bahasa, susunan.nama_provinsi, izinkan_indonesia=False)
    nama_kabkota = susunan.kabkota.get(kode_provinsi, {})
    with kolom[1]:
        kode = pilih_wilayah(bahasa, nama_kabkota)
    if kode is None:  # no region yet: the page shows nothing region-specific until one is chosen
        minta_pilih_wilayah(bahasa, kode_provinsi, susunan.nama_provinsi[kode_provinsi])
        st.stop()
    return PilihanKabkota(kode_provinsi, susunan.nama_provinsi[kode_provinsi], kode, nama_kabkota[kode])


# --- pages ---------------------------------------------------------------------------------------------


def halaman_tidak_ada(halaman: Any, bahasa: Bahasa) -> None:
    """Say in our words that a path is not a page (Streamlit then shows the default page).

    ``halaman`` is what st.navigation returned. The requested path is Streamlit's own record of the
    run's intent (no public API names it); without one, nothing is said.
    """
    ctx = get_script_run_ctx()
    diminta = getattr(getattr(ctx, "pages_manager", None), "intended_page_name", None)
    if not isinstance(diminta, str) or not diminta.strip("/"):
        return
    ada = {str(info.get("url_pathname", "")) for info in ctx.pages_manager.get_pages().values()} if ctx else set()
    if diminta.strip("/") in ada:
        return
    daftar = ", ".join(f"/{p}" for p in sorted(ada) if p and p != "beranda")
    _wadah_pesan().warning(
        t(
            "ru_halaman_tidak_ada",
            bahasa,
            path=_kutip(diminta.strip("/")),
            tampil=aman.md(halaman.title),
            daftar=daftar,
        ),
        icon=":material/link_off:",
    )


def indeks_pilihan(pilihan: Sequence[object], nilai: object) -> int:
    """The position of ``nilai`` among a selectbox's options (the first when it is not there).

    Forms that fill a widget through the session state give it this as ``index=`` too: the
    browser redraws a widget whose state it dropped from its default and sends that back, so the
    default must be the value the form showed (:func:`ui.bagian.gugus_tugas.render_ubah_butir`).
    """
    return pilihan.index(nilai) if nilai in pilihan else 0


def _segarkan_label(key: str, label: Mapping[Any, str]) -> None:
    """Set the select's value again, as it is, when its chosen options' labels changed since the last run.

    The browser shows and sends back the label it was last sent, and Streamlit sends a label again
    only when the value is set from the script. So after a language switch (or a save that changed
    the chosen item's label) the select kept the old label, and the next click sent a label that
    matches no option, which Streamlit answers with the widget's default.
    """
    nilai = st.session_state.get(key)
    pilihan = nilai if isinstance(nilai, list) else [nilai]
    if nilai is None or not all(isinstance(p, Hashable) and p in label for p in pilihan):
        return
    if st.session_state.get(f"{key}__label") != [label[p] for p in pilihan]:
        st.session_state[key] = nilai


def pilih_berlabel(widget: Callable[..., Any], judul: str, label: Mapping[Any, str], *, key: str, **kw: Any) -> Any:
    """A keyed select of ``label``'s options (option -> label) that shows the current labels.

    ``widget`` is ``selectbox``, ``multiselect`` or ``radio`` of ``st`` or of a container (a
    column); ``kw`` goes to it. Use it wherever the labels can change while the choice stays (the
    language, a saved status in a label); see :func:`_segarkan_label`. A radio or select left with
    an old label would otherwise fall back to its default at the next click, which on a form is a
    value nobody chose (seen in Chromium: a Gugus Tugas status saved back to "belum").
    """
    _segarkan_label(key, label)
    nilai = widget(judul, list(label), format_func=label.__getitem__, key=key, **kw)
    pilihan = nilai if isinstance(nilai, list) else [nilai]
    st.session_state[f"{key}__label"] = [label[p] for p in pilihan if p in label]
    return nilai
