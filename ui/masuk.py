"""Login for the dashboard: the form, the logged-in user, logout, rate limits and session timeout.

The account logic is in :mod:`indicators.akun.pengguna`; this module only keeps the session. A login is
stored in ``st.session_state`` (name and the time of the last activity, never the password) and
re-read from the accounts file on every run, so a removed account or a changed scope takes
effect at once. A session idle longer than ``$KLA_SESI_MENIT`` minutes (default 30) ends.

Failed logins are limited twice: per user name across every session of this server process
(``cache.pembatas_masuk``) and per browser session (so one session cannot try many names). Both
live in the server's memory and a restart forgets them.
"""

from __future__ import annotations

import logging
import math
import time
from pathlib import Path

import streamlit as st

from indicators.akun import pengguna as akun
from indicators.format import Bahasa
from indicators.lokasi import db_bawaan
from indicators.teks import t
from ui import cache

KUNCI_SESI = "kla_masuk"
_KUNCI_HABIS = "kla_masuk_habis"
_KUNCI_PEMBATAS_SESI = "kla_masuk_pembatas"
_SESI = "sesi"

log = logging.getLogger("dasbor_kla.masuk")


def _path_akun() -> Path:
    return akun.path_akun(db_bawaan())


def _keluarkan(habis: bool = False) -> None:
    st.session_state.pop(KUNCI_SESI, None)
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


def _pembatas_sesi() -> akun.PembatasGagal:
    pembatas = st.session_state.get(_KUNCI_PEMBATAS_SESI)
    if not isinstance(pembatas, akun.PembatasGagal):
        pembatas = akun.PembatasGagal()
        st.session_state[_KUNCI_PEMBATAS_SESI] = pembatas
    return pembatas


def _coba_masuk(nama: str, sandi: str, bahasa: Bahasa) -> akun.Pengguna | None:
    """Check the limits, then the password; show why it failed (never which part was wrong)."""
    if not nama.strip() or not sandi:
        st.warning(t("masuk_kosong", bahasa))
        return None
    kunci_nama = "nama:" + nama.strip().casefold()
    bersama, sesi = cache.pembatas_masuk(), _pembatas_sesi()
    sisa = max(bersama.sisa_kunci(kunci_nama), sesi.sisa_kunci(_SESI))
    if sisa > 0:
        st.error(t("masuk_terkunci", bahasa, menit=max(1, math.ceil(sisa / 60))))
        return None
    pengguna = akun.verifikasi(_path_akun(), nama, sandi)
    if pengguna is None:
        bersama.catat_gagal(kunci_nama)
        sesi.catat_gagal(_SESI)
        log.warning("login gagal untuk nama %r (failed login)", nama.strip()[:40])
        st.error(t("masuk_gagal", bahasa))
        return None
    bersama.bersihkan(kunci_nama)
    sesi.bersihkan(_SESI)
    st.session_state[KUNCI_SESI] = {"nama": pengguna.nama, "aktif": time.time()}
    log.info("login %s (%s)", pengguna.nama, pengguna.peran)
    return pengguna


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
        nama = st.text_input(t("masuk_nama", bahasa), key="masuk_nama", autocomplete="username")
        sandi = st.text_input(
            t("masuk_sandi", bahasa), type="password", key="masuk_sandi", autocomplete="current-password"
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
    st.sidebar.markdown(
        t("masuk_sebagai", bahasa, nama=pengguna.nama, peran=pengguna.peran, lingkup=label_lingkup(pengguna, bahasa))
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
