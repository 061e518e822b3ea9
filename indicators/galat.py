"""Errors users read: one clear line in Indonesian with an English twin."""

from __future__ import annotations


class GalatDwibahasa(Exception):
    """An operation cannot go ahead; ``teks(bahasa)`` gives the line in Indonesian or English."""

    def __init__(self, pesan: str, pesan_en: str | None = None) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.pesan_en = pesan_en or pesan

    def teks(self, bahasa: str = "id") -> str:
        """Return the message in the chosen language."""
        return self.pesan_en if bahasa == "en" else self.pesan
