#!/usr/bin/env bash
# Prepare a fresh Debian machine for Dasbor KLA: a virtual environment with the hashed,
# pinned dependencies, the project installed in it, and (with --chromium) Debian's chromium
# for browser tests and image export. Safe to run again: it only redoes what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

want_chromium=0
[ "${1:-}" = "--chromium" ] && want_chromium=1

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' 2>/dev/null; then
    echo "Dasbor KLA butuh Python 3.11 (needs Python 3.11): sudo apt-get install python3.11 python3.11-venv" >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi

# Reinstall only when the lock or the project metadata changed since the last successful install.
stamp=.venv/.kla-installed
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    # This machine's pip config lists local wheel folders that may be absent; their warnings are noise.
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    echo "$want" > "$stamp"
fi

if [ "$want_chromium" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Memasang chromium dari Debian (installing Debian chromium) ..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends chromium >/dev/null
    else
        echo "Chromium belum terpasang (chromium missing): sudo apt-get install -y chromium" >&2
        exit 1
    fi
fi
