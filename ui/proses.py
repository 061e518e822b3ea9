"""Settings of the server process itself, made once by app.py's first run.

Python's cyclic garbage collector stops every thread of the process while it runs. A served
dashboard holds its caches (shared frames, figures, display tables) for hours, and every full
collection walks all of them: on national data under the protocol load test each replica ran one
every 5-10 s, and each stopped the replica for 200-560 ms (README "Penerapan"), adding to whatever
reruns were in flight. Two settings cut that:

- the objects that exist after the imports (modules, classes, functions: ~180 000) are moved out
  of the collector's sight (``gc.freeze``): they live as long as the process anyway;
- the youngest generation is collected after :data:`AMBANG_MUDA` new container objects, not 700:
  a rerun allocates tens of thousands, and a collection in the middle of one promoted its
  short-lived objects, which then counted towards the next full collection.

Reference counting still frees almost everything at once; the collector is only for cycles, which
it still finds, less often.
"""

from __future__ import annotations

import gc
import threading

# Young-generation threshold (Python's default is 700); the older two keep their defaults.
AMBANG_MUDA = 50_000

_kunci = threading.Lock()
_sudah = False


def atur_pengumpul_sampah() -> None:
    """Freeze the objects made so far and raise the young generation's threshold, once per process."""
    global _sudah
    with _kunci:
        if _sudah:
            return
        _sudah = True
        _, tengah, tua = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(AMBANG_MUDA, tengah, tua)
