"""Login for the dashboard: the form, the logged-in user, logout, rate limits and session timeout.

The account logic is in :mod:`indicators.akun.pengguna`; this module only keeps the session. A login is
stored in ``st.session_state`` (name and the time of the last activity, never the password) and
re-read from the accounts file on every run, so a removed account or a changed scope takes
effect at once. A session idle longer than ``$KLA_SESI_MENIT`` minutes (default 30) ends.

Failed logins are throttled by :mod:`indicators.akun.batas_masuk`, per name and client address
(``st.context.ip_address``), in a file beside the accounts: no Streamlit cache holds them, so a
client clearing the caches, opening a new session or a server restart does not reset them.
Logging out, or a session timing out, also drops the bytes the session uploaded.
"""

from __future__ import annotations

import logging
import math
import time
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from indicators.akun import batas_masuk, pengguna as akun
from indicators.format import Bahasa
from indicators.lokasi import db_bawaan
from indicators.teks import t
from ui import aman

KUNCI_SESI = "kla_masuk"
_KUNCI_HABIS = "kla_masuk_habis"

log = logging.getLogger("dasbor_kla.masuk")


def _path_akun() -> Path:
    return akun.path_akun(db_bawaan())


def lepas_unggahan() -> None:
    """Drop every file this session uploaded from the server's memory (after an import, at logout).

    Streamlit keeps uploaded bytes until the browser deletes them or the session ends, minutes
    after the tab closed; the Unggah Data page has one uploader, so everything of the session goes.
    """
    ctx = get_script_run_ctx()
    if ctx is not None:
        ctx.uploaded_file_mgr.remove_session_files(ctx.session_id)


def _keluarkan(habis: bool = False) -> None:
    st.session_state.pop(KUNCI_SESI, None)
    lepas_unggahan()
    if habis:
        st.session_state[_KUNCI_HABIS] = True


def pengguna_masuk() -> akun.Pengguna | None:
    """Return the logged-in user, or None when logged out, timed out or the account is gone.

    Each call counts as activity and restarts the idle clock.
    """
    rekam = st.session_state.get(KUNCI_SESI)
    if not isinstance(rekam, dict) or "nama" not in rekam:
        return None
    sekarang = time.time()
    if akun.sesi_habis(float(rekam.get("aktif", 0.0)), sekarang, akun.menit_sesi()):
        log.info("sesi %s habis (session timed out)", rekam["nama"])
        _keluarkan(habis=True)
        return None
    try:
        pengguna = akun.cari_pengguna(_path_akun(), str(rekam["nama"]))
    except akun.AkunError:
        pengguna = None
    if pengguna is None:
        _keluarkan()
        return None
    rekam["aktif"] = sekarang
    return pengguna


def _alamat() -> str | None:
    """The client's address (None on this machine), the second half of the throttle's key."""
    try:
        ip = st.context.ip_address
    except Exception:  # a runtime without a client context: count as this machine
        return None
    return ip if isinstance(ip, str) and ip else None  # AppTest hands back a mock, not an address


def _pesan_tunggu(detik: float, bahasa: Bahasa) -> str:
    if detik < 120:
        return t("masuk_tunggu_detik", bahasa, detik=max(1, math.ceil(detik)))
    return t("masuk_terkunci", bahasa, menit=math.ceil(detik / 60))


def _coba_masuk(nama: str, sandi: str, bahasa: Bahasa) -> akun.Pengguna | None:
    """Try a login (caps, throttle, password: see batas_masuk.coba_masuk); never say which part was wrong."""
    try:
        hasil = batas_masuk.coba_masuk(_path_akun(), nama, sandi, _alamat())
    except OSError:
        log.exception("berkas batas masuk tidak dapat ditulis (throttle file not writable)")
        st.error(t("masuk_galat_akun", bahasa))
        return None
    if hasil.alasan == "terlalu_panjang":
        st.warning(t("masuk_terlalu_panjang", bahasa, nama=akun.NAMA_MAKS, sandi=akun.SANDI_MAKS))
    elif hasil.alasan == "kosong":
        st.warning(t("masuk_kosong", bahasa))
    elif hasil.alasan == "tunggu":
        st.error(_pesan_tunggu(hasil.tunggu, bahasa))
    elif hasil.alasan == "salah":
        st.error(t("masuk_gagal", bahasa))
    if hasil.pengguna is None:
        return None
    st.session_state[KUNCI_SESI] = {"nama": hasil.pengguna.nama, "aktif": time.time()}
    log.info("login %s (%s)", hasil.pengguna.nama, hasil.pengguna.peran)
    return hasil.pengguna


def formulir_masuk(bahasa: Bahasa) -> akun.Pengguna | None:
    """Return the logged-in user, or render the login form and return None.

    A successful login reruns the page, which then finds the user in the session.
    """
    pengguna = pengguna_masuk()
    if pengguna is not None:
        return pengguna
    if st.session_state.pop(_KUNCI_HABIS, False):
        st.info(t("masuk_sesi_habis", bahasa, menit=f"{akun.menit_sesi():g}"))
    try:
        ada_akun = bool(akun.daftar_pengguna(_path_akun()))
    except akun.AkunError:
        st.error(t("masuk_galat_akun", bahasa))
        return None
    if not ada_akun:
        st.info(t("masuk_belum_ada_akun", bahasa))
    with st.form("form_masuk", clear_on_submit=True):
        st.subheader(t("masuk_judul", bahasa))
        nama = st.text_input(
            t("masuk_nama", bahasa), key="masuk_nama", autocomplete="username", max_chars=akun.NAMA_MAKS
        )
        sandi = st.text_input(
            t("masuk_sandi", bahasa),
            type="password",
            key="masuk_sandi",
            autocomplete="current-password",
            max_chars=akun.SANDI_MAKS,
        )
        kirim = st.form_submit_button(t("masuk_judul", bahasa), type="primary")
    if kirim and _coba_masuk(nama, sandi, bahasa) is not None:
        st.rerun()
    return None


def label_lingkup(pengguna: akun.Pengguna, bahasa: Bahasa) -> str:
    """The user's scope as text: region codes, or "semua wilayah" for an admin."""
    return t("semua_wilayah", bahasa) if pengguna.peran == "admin" else ", ".join(pengguna.wilayah)


def tombol_keluar(bahasa: Bahasa) -> None:
    """Show who is logged in and a logout button in the sidebar (nothing when logged out)."""
    pengguna = pengguna_masuk()
    if pengguna is None:
        return
    nama = aman.md(pengguna.nama)  # the accounts file may have been edited by hand: show the name as text
    st.sidebar.markdown(
        t("masuk_sebagai", bahasa, nama=nama, peran=pengguna.peran, lingkup=label_lingkup(pengguna, bahasa))
    )
    if st.sidebar.button(t("masuk_keluar", bahasa), key="tombol_keluar"):
        log.info("logout %s", pengguna.nama)
        _keluarkan()
        st.rerun()


def tombol_keluar_halaman(bahasa: Bahasa) -> None:
    """The logout button for a page that needs login, when the router does not already show it.

    With public viewing the router shows no login state, so the Unggah Data page shows it; when
    viewing is not public, :func:`boleh_lihat` shows it on every page (never twice).
    """
    if akun.tampilan_publik():
        tombol_keluar(bahasa)


def boleh_lihat(bahasa: Bahasa) -> bool:
    """For the router: whether the page may run; shows the login form when viewing is not public.

    With ``$KLA_TAMPILAN_PUBLIK`` true (the default) every page is public and importing still
    requires login on its own page. Otherwise every page needs a login and the logout button is
    shown here, for every page.
    """
    if akun.tampilan_publik():
        return True
    if pengguna_masuk() is None:
        st.title(t("masuk_judul", bahasa))
        st.caption(t("masuk_perlu", bahasa))
        formulir_masuk(bahasa)
        return False
    tombol_keluar(bahasa)
    return True
