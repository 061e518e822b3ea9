#!/usr/bin/env bash
# Prepare a fresh Debian machine for Dasbor KLA: a virtual environment with the hashed,
# pinned dependencies, the project installed in it, and (with --chromium) Debian's chromium
# for browser tests and image export, plus LibreOffice Calc for the template test.
# Safe to run again: it only redoes what changed.
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

# Debian packages the tests and image exports use: chromium (kaleido exports, browser tests),
# LibreOffice Calc (the template test opens our XLSX in a real spreadsheet program), LibreOffice
# Impress (the deck test renders our PPTX to PNG) and nginx (`kla serve --replika N` puts it in
# front of the Streamlit replicas).
if [ "$want_chromium" = 1 ]; then
    missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
    dpkg -s libreoffice-impress-nogui >/dev/null 2>&1 || dpkg -s libreoffice-impress >/dev/null 2>&1 \
        || missing+=(libreoffice-impress-nogui)
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    if [ ${#missing[@]} -gt 0 ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            echo "Memasang dari Debian (installing from Debian): ${missing[*]} ..."
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq
            apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
        else
            echo "Paket belum terpasang (missing packages): sudo apt-get install -y ${missing[*]}" >&2
            exit 1
        fi
    fi
fi
