"""A multi-file export written whole or not at all: a temporary folder beside the target, swapped in when complete.

The offline site is some forty files. Written straight into the target, a failure halfway (a
page that cannot be rendered, a full disk, Ctrl-C) would leave a folder that looks like a site
and is not, over the one that worked before. :func:`folder_atomik` hands out a hidden folder
beside the target instead; only when the block finishes are its files flushed to disk and the
folder renamed into place through the one publishing step of :mod:`indicators.io.store`
(:func:`~indicators.io.store.terbitkan`). On any error the temporary folder is removed and the
previous target is untouched.

Replacing a folder deletes what was in it, so an existing target is replaced only when it is
empty or holds nothing but what this export writes (an earlier export of the same kind); any
other folder (``--out ~/Desktop``) is refused with :class:`FolderTujuanError` before anything is
written.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from indicators.format import Bahasa
from indicators.io import store
from indicators.teks import t


class FolderTujuanError(ValueError):
    """The target exists and is not a folder this export may replace; nothing was written."""

    def __init__(self, tujuan: Path, asing: Collection[str] = ()) -> None:
        self.tujuan = tujuan
        self.asing = sorted(asing)
        super().__init__(f"{self.teks('id')} ({self.teks('en')})")

    def teks(self, bahasa: Bahasa = "id") -> str:
        """The message in one language."""
        if not self.asing:
            return t("folder_tujuan_bukan_folder", bahasa, folder=self.tujuan)
        contoh = ", ".join(self.asing[:5]) + (", …" if len(self.asing) > 5 else "")
        return t("folder_tujuan_berisi_lain", bahasa, folder=self.tujuan, contoh=contoh)


def periksa_tujuan(tujuan: Path, isi_boleh: Collection[str]) -> None:
    """Refuse a target that is not missing, empty, or made only of the entries ``isi_boleh``.

    Raises:
        FolderTujuanError: the target is a file or a link, or holds anything else.
    """
    if not os.path.lexists(tujuan):
        return
    if tujuan.is_symlink() or not tujuan.is_dir() or not tujuan.name:
        raise FolderTujuanError(tujuan)
    asing = [p.name for p in tujuan.iterdir() if p.name not in isi_boleh]
    if asing:
        raise FolderTujuanError(tujuan, asing)


def _fsync_isi(folder: Path) -> None:
    """Flush every file and sub-folder written under ``folder`` (the rename must not outrun the data)."""
    for akar, _, berkas in os.walk(folder):
        for nama in [*berkas, "."]:
            fd = os.open(os.path.join(akar, nama), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _pasang(sementara: Path, tujuan: Path) -> None:
    """Put the finished folder in place of ``tujuan``; the old one is moved aside, then deleted."""
    lama = None
    if os.path.lexists(tujuan):
        lama = tujuan.with_name(f".{tujuan.name}.lama-{secrets.token_hex(4)}")
        os.replace(tujuan, lama)
    try:
        store.terbitkan(sementara, tujuan)
    except BaseException:
        if lama is not None:
            os.replace(lama, tujuan)  # put the previous export back
        raise
    if lama is not None:
        shutil.rmtree(lama, ignore_errors=True)


@contextmanager
def folder_atomik(tujuan: Path, isi_boleh: Collection[str]) -> Iterator[Path]:
    """Yield an empty hidden folder beside ``tujuan`` to write into; swap it in when the block ends.

    ``isi_boleh`` names the entries the export writes at its top level: an existing ``tujuan``
    holding only those (or nothing) is replaced, anything else is refused before the block runs.
    When the block raises, the temporary folder is deleted and ``tujuan`` stays as it was.

    Raises:
        FolderTujuanError: ``tujuan`` holds something the export does not write.
    """
    tujuan = Path(os.path.abspath(tujuan))
    periksa_tujuan(tujuan, isi_boleh)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    # Not tempfile.mkdtemp: its 0700 mode would stay on the published folder; mkdir honours the umask.
    sementara = tujuan.with_name(f".{tujuan.name}.baru-{os.getpid()}-{secrets.token_hex(4)}")
    sementara.mkdir()
    try:
        yield sementara
        _fsync_isi(sementara)
        periksa_tujuan(tujuan, isi_boleh)  # something may have been put there while we wrote
        _pasang(sementara, tujuan)
    finally:
        shutil.rmtree(sementara, ignore_errors=True)  # gone already after a successful swap
