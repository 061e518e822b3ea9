"""``kla bench`` without Chromium: a clear message in Indonesian first, no Playwright traceback."""

from __future__ import annotations

import pytest

import benchmarks.__main__ as bench


@pytest.mark.parametrize("argumen", [["--latensi", "--jawa-tengah"], ["--beban"], ["--skala", "cepat"]])
def test_tanpa_chromium_pesan_jelas(
    argumen: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setattr(bench, "CHROMIUM", "/tidak/ada/chromium")
    assert bench.main(argumen) == 2
    pesan = capsys.readouterr().err
    assert pesan.startswith("Chromium tidak ditemukan di /tidak/ada/chromium")
    assert "scripts/setup.sh --chromium" in pesan
    assert "(Chromium not found at /tidak/ada/chromium" in pesan
