"""Start the dashboard's Streamlit server with Nagle's algorithm off: ``python -m ui.mulai run app.py …``.

It takes the arguments of ``streamlit run`` and is what ``scripts/run.sh``, ``kla serve`` and the
benchmark and test servers start.

Why: Streamlit 1.67 serves through uvicorn on a listening socket it binds itself with
``socket.socket(family)``, whose protocol number is 0. Accepted connections inherit that 0, and
asyncio only turns TCP_NODELAY on for sockets that report ``IPPROTO_TCP`` (the same cause as
uvicorn issue 3149). So Nagle's algorithm stayed on for every browser: once the first message of a
rerun was out and not yet acknowledged, the kernel held each further small websocket message
until the browser's delayed ACK came, 40 ms on Linux. Seen with a protocol client on 127.0.0.1: a
delta enqueued 0,6 ms into a 32 ms run arrived 41 ms after it was written, together with the rest
of the run (benchmarks/RIWAYAT.md, "Latensi" (p)).
"""

from __future__ import annotations

import asyncio.base_events
import socket


def _set_nodelay(sock: socket.socket) -> None:
    # asyncio's own rule, with protocol 0 (the kernel's default for a stream socket: TCP) accepted too.
    if (
        sock.family in (socket.AF_INET, socket.AF_INET6)
        and sock.type == socket.SOCK_STREAM
        and sock.proto in (0, socket.IPPROTO_TCP)
    ):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def tanpa_nagle() -> None:
    """Make asyncio set TCP_NODELAY on every TCP connection, also those of a socket made with protocol 0.

    asyncio's transports call ``base_events._set_nodelay`` for each connection they take; if a
    Python release drops that name, ``tests/unit/test_mulai.py`` fails instead of the fix going quiet.
    """
    if not hasattr(asyncio.base_events, "_set_nodelay"):
        raise RuntimeError("asyncio.base_events._set_nodelay tidak ada (gone in this Python): see ui/mulai.py")
    setattr(asyncio.base_events, "_set_nodelay", _set_nodelay)  # noqa: B010 (a private name typeshed lacks)


def main() -> None:
    """``streamlit`` with the fix above, e.g. ``python -m ui.mulai run app.py --server.port 8501``."""
    tanpa_nagle()
    from streamlit.web import cli

    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()
